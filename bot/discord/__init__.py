"""The Discord adapter: slash commands, DMs and mentions over the platform-neutral service.

Only this package imports discord.py. Imports are absolute, so `import discord` inside it
resolves to discord.py, never to this package.
"""

from bot.discord.client import NewsBot, run_bot
from bot.discord.render import render_answer, render_report

__all__ = ["NewsBot", "render_answer", "render_report", "run_bot"]

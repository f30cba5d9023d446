"""The Slack adapter: slash commands, mentions and DMs over the platform-neutral service.

Only this package imports slack_bolt and slack_sdk. The app runs over Socket Mode (see
`app.py`), lays answers out in Block Kit with one pure renderer (`render.py`), and is created
in a workspace from `manifest.yaml`.
"""

from bot.slack.app import build_app, run_slack
from bot.slack.render import render_message, render_report

__all__ = ["build_app", "render_message", "render_report", "run_slack"]

"""The interactive console chat: the same engine as every surface, in a terminal."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import TextIO

from bot.console.render import render
from bot.engine.catalog import say
from bot.service import NewsService

PROMPT = "anda> "
EXIT_WORDS = {"keluar", "exit", "quit", "/quit", "/exit", "bye"}


def _enable_history() -> None:
    """Arrow-key editing and history where readline exists; a plain prompt elsewhere."""
    try:
        import readline

        history = Path.home() / ".newsbot_history"
        if history.exists():
            readline.read_history_file(history)
        readline.set_history_length(500)
        import atexit

        atexit.register(readline.write_history_file, history)
    except (ImportError, OSError):
        pass


async def chat(
    service: NewsService, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout
) -> None:
    interactive = stdin.isatty()
    if interactive:
        _enable_history()
    print(say("console.greeting", "id"), file=stdout)
    while True:
        try:
            line = await asyncio.to_thread(input, PROMPT) if interactive else stdin.readline()
        except (EOFError, KeyboardInterrupt):
            break
        if not interactive and line == "":
            break
        question = line.strip()
        if question.lower() in EXIT_WORDS:
            break
        if not question:
            continue
        if not interactive:
            # Piped input is not echoed by a terminal: show it, so a transcript reads as a chat.
            print(PROMPT + question, file=stdout)
        answer = await service.ask(question, conversation="console")
        print("\n" + render(answer) + "\n", file=stdout, flush=True)
    print(say("console.farewell", "id"), file=stdout)

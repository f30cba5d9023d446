"""Slash commands ("/who Budi", "!kronologi banjir", "cari: pajak"): which command a word calls.

Command names and their Indonesian aliases come from `vocab/commands.yaml`.
"""

from __future__ import annotations

import re
from typing import Literal, cast, get_args

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.engine.vocab import ENGINE_VOCABULARY
from knowledge.text import fold
from knowledge.vocab import VocabularyError

Command = Literal["who", "when", "timeline", "quote", "search", "sources", "help", "ask"]

SLASH_RE = re.compile(r"^[/!]\s*(?P<cmd>[^\W\d_]+)(?:@\S+)?(?:\s+(?P<rest>.*))?$", re.DOTALL)
COLON_RE = re.compile(r"^(?P<cmd>[^\W\d_]+)\s*:\s*(?P<rest>.*)$", re.DOTALL)


def _commands() -> dict[str, Command]:
    """Every command word -> its command, in file order (fuzzy ties go to the earlier word)."""
    table: dict[str, Command] = {}
    for command, words in ENGINE_VOCABULARY.data("commands").items():
        if command not in get_args(Command):
            raise VocabularyError(f"commands.yaml: unknown command {command!r}")
        for word in words:
            table[fold(str(word))] = cast(Command, command)
    return table


COMMANDS = _commands()


def command_for(word: str, strict: bool) -> Command | None:
    """The command a typed command word means. Not `strict` ("/whp"), one typo is forgiven, two
    from seven letters on; `strict` ("who: ...", where the word may be plain text) none."""
    low = fold(word)
    if low in COMMANDS:
        return COMMANDS[low]
    if strict or len(low) < 3:
        return None
    best = process.extractOne(
        low,
        COMMANDS.keys(),
        scorer=OSA.distance,
        score_cutoff=2 if len(low) >= 7 else 1,
    )
    return COMMANDS[best[0]] if best else None

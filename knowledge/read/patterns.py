"""Vocabulary phrases as regular expressions.

A phrase in a vocabulary file is written as it appears on a page ("share this article"). Its
words may be separated by any run of whitespace, and two placeholders stand for open-ended parts:
`<word>` for any one word ("share on <word>") and `<number>` for a run of digits
("<number> komentar").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["alternation", "phrase_pattern"]

_PLACEHOLDERS = {"<word>": r"\w+", "<number>": r"\d+"}


def phrase_pattern(phrase: str) -> str:
    """The regex source matching `phrase`: its words escaped and joined by `\\s+`."""
    return r"\s+".join(_PLACEHOLDERS.get(word) or re.escape(word) for word in phrase.split())


def alternation(phrases: Iterable[str], *, capitals_as_written: bool = False) -> str:
    """A non-capturing group matching any of `phrases`, longest first (so that a prefix match
    takes "baca juga" rather than "baca"). The group carries no flags of its own unless
    `capitals_as_written`: then lower-case phrases match in any case and phrases written in
    capitals only in capitals."""
    ordered = sorted(set(phrases), key=lambda phrase: (-len(phrase), phrase))
    parts = [phrase_pattern(phrase) for phrase in ordered]
    if capitals_as_written:
        parts = [
            part if phrase.isupper() else f"(?i:{part})"
            for phrase, part in zip(ordered, parts, strict=True)
        ]
    return "(?:" + "|".join(parts) + ")"

"""Word lists as regular expressions: one way to turn vocabulary into patterns, for every stage.

A phrase in a vocabulary file is written as it appears in text ("baca juga"). Its words may be
separated by any run of whitespace, and three forms stand for open-ended parts: `<word>` for any
one word ("share on <word>"), `<number>` for a run of digits ("<number> komentar"), and a
trailing `*` for every word that starts with what precedes it ("rencana*").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_PLACEHOLDERS = {"<word>": r"\w+", "<number>": r"\d+"}
_Trie = dict[str, "_Trie"]


def phrase_pattern(phrase: str) -> str:
    """The regex source matching `phrase`: its words escaped and joined by `\\s+`."""
    parts = []
    for word in phrase.split():
        if word in _PLACEHOLDERS:
            parts.append(_PLACEHOLDERS[word])
        elif word.endswith("*") and len(word) > 1:
            parts.append(re.escape(word[:-1]) + r"\w*")
        else:
            parts.append(re.escape(word))
    return r"\s+".join(parts)


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


def trie(words: Iterable[str]) -> str:
    """A regex alternation of `words` shaped as a prefix tree, so that the engine rejects most
    positions on their first character instead of trying every word in turn."""
    tree: _Trie = {}
    for word in sorted(set(words)):
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_node(tree)


def _trie_node(node: _Trie) -> str:
    branches = [re.escape(ch) + _trie_node(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body

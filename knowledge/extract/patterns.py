"""Regex building blocks for the extractors: word lists compiled into fast alternations."""

from __future__ import annotations

import re
from collections.abc import Iterable

_Trie = dict[str, "_Trie"]


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


def alternation(entries: Iterable[str]) -> str:
    """Entries as a regex alternation; the words of a phrase may be split by any blanks."""
    return "|".join(re.escape(e).replace(r"\ ", r"\s+") for e in entries)

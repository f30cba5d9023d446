"""Indonesian stemming for search: "pemecatan", "dipecat" and "memecat" all become "pecat"."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*", re.UNICODE)
_stemmer: Any = None


def _get_stemmer() -> Any:
    global _stemmer
    if _stemmer is None:
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

        # The factory wraps the stemmer in an unbounded cache of its own; ours is bounded.
        stemmer = StemmerFactory().create_stemmer().delegatedStemmer
        # Sastrawi keeps its 30k-word dictionary in a list, so every lookup is a linear scan
        # (~30 ms a word). Swapping in a set makes stemming about a thousand times faster.
        dictionary = stemmer.get_dictionary()
        dictionary.words = set(dictionary.words)
        _stemmer = stemmer
    return _stemmer


def load() -> None:
    """Load the stemmer now (30 ms) rather than on the first word that needs it: a server calls
    this while opening, so its first question does not pay for it."""
    _get_stemmer()


def words(text: str) -> list[str]:
    """Lower-cased word tokens; hyphenated words stay whole ("karyawan-karyawan")."""
    return _WORD.findall(text.lower())


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    if len(word) <= 3 or any(ch.isdigit() for ch in word):
        return word
    if "-" in word:
        # Reduplication ("karyawan-karyawannya", "perusahaan-perusahaan") is a plural: stem the
        # parts and keep one when they meet; other compounds keep each part's stem.
        parts = [stem(p) for p in word.split("-") if p]
        return parts[0] if len(set(parts)) == 1 else "-".join(parts)
    stemmed: str = _get_stemmer().stem(word)
    return stemmed.replace(" ", "-") or word


def stem_text(text: str) -> str:
    return " ".join(stem(w) for w in words(text))

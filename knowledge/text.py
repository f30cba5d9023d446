"""The one text normaliser of ingest and questions: folding, tokens, name keys and stems.

An article's words and a question's words only meet if both went through the same folding and
tokenising, so every module that compares text does it here:

- `fold(word)`: lower case, accents removed, curly apostrophes straightened ("Bùdí" -> "budi").
- `words(text)`: folded search words, hyphenated and apostrophe words whole ("menunda-nunda");
  ingest stems them into the fact store and the engine turns a question's into search terms.
- `stem(word)` / `stem_text(text)`: Indonesian stems of those words ("dipecat" -> "pecat").
- `name_key(text)`: the folded words of a name with punctuation as a separator ("Al-Ghazali",
  "al ghazali" -> "al ghazali"); every person look-up compares these.
- `typed_tokens(text)`: a question's words as typed, keeping "U.S", "3.5" and "who’s" whole, so
  the question matcher can read its structure and echo the user's own spelling.
- `letter_words(text)`: folded runs of letters only, what language detection counts.

The knowledge package must not import the bot, so this lives here and the engine imports it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
_TYPED = re.compile(r"\w+(?:['’\-.]\w+)*")
_NAME_PART = re.compile(r"[^\W_]+")
_LETTERS = re.compile(r"[^\W\d_]+")
_stemmer: Any = None


def fold(text: str) -> str:
    """Lower case without accents ("Ṡíàpá" -> "siapa"), fullwidth forms made plain, curly
    apostrophes made straight. Never raises; "" stays ""."""
    text = text.lower().replace("’", "'")
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """Folded word tokens; hyphenated and apostrophe words stay whole ("karyawan-karyawan").

    A curly apostrophe separates words here ("Altman’s" -> "altman", "s") as it always has in
    the stored articles; only straight ones join.
    """
    found = _WORD.findall(text.lower())
    return [w if w.isascii() else fold(w) for w in found]


def name_key(text: str) -> str:
    """The form names are compared in: folded words joined by one space, any punctuation a
    separator ("Sam  Altman's" -> "sam altman s"); "" when the text has no word."""
    return " ".join(_NAME_PART.findall(fold(text)))


def typed_tokens(text: str) -> list[str]:
    """A question's words exactly as typed; internal apostrophes, hyphens and dots join
    ("who’s", "open-source", "3.5"), so contractions can be split and numbers echoed whole."""
    return _TYPED.findall(text)


def letter_words(text: str) -> list[str]:
    """Folded runs of letters: digits, apostrophes and hyphens split ("who’s" -> who, s)."""
    return _LETTERS.findall(fold(text))


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


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Sastrawi stem of one folded word; short words and words with digits are kept as
    they are, reduplicated plurals become one stem ("perusahaan-perusahaan" -> "usaha")."""
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
    """The stems of `words(text)`, space-separated: what the store indexes and searches."""
    return " ".join(stem(w) for w in words(text))

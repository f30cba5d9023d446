"""Honorifics and titles in front of a name, which are not part of it.

"bu Rina Hartati", "Prof. Dr. Budi", "lurah Hendra", "Kapolres Malang Kota AKBP Yudha": the
person is Rina Hartati, Budi, Hendra, Yudha. The words are the extraction's own
(`knowledge/vocab/honorifics.txt`, and the heads, modifiers, qualifiers and ranks of
`knowledge/vocab/roles.yaml`), so a question drops exactly what an article's name never holds.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from bot.engine.intents import tokens as tk
from bot.engine.intents.tokens import Token
from knowledge.text import fold
from knowledge.vocab import VOCABULARY

_ROLES = VOCABULARY.data("roles")
HONORIFICS: frozenset[str] = frozenset(fold(w).rstrip(".") for w in VOCABULARY.words("honorifics"))
# Single words of the role vocabulary ("kepala dinas" -> kepala, dinas): a title may be typed
# in part ("kadis pendidikan"), and each of its words is as little a name as the whole. Heads,
# ranks and modifiers open a title; qualifiers ("utama", "pendidikan") only continue one.
_OPENING: frozenset[str] = frozenset(
    word
    for part in ("heads", "modifiers", "ranks")
    for phrase in _ROLES.get(part, ())
    for word in fold(str(phrase)).rstrip(".").split()
)
_CONTINUING: frozenset[str] = _OPENING | frozenset(
    word for phrase in _ROLES.get("qualifiers", ()) for word in fold(str(phrase)).split()
)


def is_honorific(token: Token) -> bool:
    """Pak, bu, Dr., H., Mr. ... (with or without the dot)."""
    return token.canon.rstrip(".") in HONORIFICS


def is_title(token: Token) -> bool:
    """An honorific, a rank or a word that opens a position ("lurah", "kapolres", "wakil")."""
    word = token.canon.rstrip(".")
    return word in HONORIFICS or word in _OPENING


def drop_honorifics(tokens: Sequence[Token]) -> list[Token]:
    """The tokens without the honorifics they open with, unless nothing else is left."""
    words = list(tokens)
    start = 0
    while start < len(words) - 1 and is_honorific(words[start]):
        start += 1
    return words[start:]


def title_cuts(tokens: Sequence[Token]) -> Iterator[int]:
    """Where a name may start after a leading title: each position after the first word while
    the words before it are a title and its place or organisation ("lurah | Hendra", "Kapolres
    Malang Kota | AKBP Yudha"). A word between is a word of a title, or, when the question is
    typed with capitals, a capitalised word (a place, an organisation). Nothing when the first
    word opens no title: in "pelatih baru Barito Raya pengganti Joko" Joko is not the coach."""
    if not tokens or not is_title(tokens[0]):
        return
    capitals = tk.has_case_signal(" ".join(t.text for t in tokens))
    for cut in range(1, len(tokens)):
        token = tokens[cut - 1]
        word = token.canon.rstrip(".")
        if cut > 1 and not (
            word in _CONTINUING
            or word in HONORIFICS
            or (capitals and token.text[:1].isupper() and word not in tk.STOPWORDS)
        ):
            return
        yield cut

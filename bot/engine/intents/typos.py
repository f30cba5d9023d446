"""Typo correction of cue words, and noise detection.

Correction only ever rewrites a token towards a small set of cue words (`vocab/cue_words.txt`:
"kapn" -> "kapan"), keeps the first letter, and never touches real words near a cue
(`vocab/protected_words.txt`: "kapal", "tenang") or tokens that look like a known person's name,
so names and content words survive. Chat slang (`vocab/chat_slang.yaml`: "kpn", "yg") is
rewritten outright.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import OSA

from bot.engine.intents.tokens import STOPWORDS, Token
from bot.engine.lexicon import LEXICON
from bot.engine.names import PersonIndex
from bot.engine.vocab import ENGINE_VOCABULARY

_CUES = ENGINE_VOCABULARY.lines("cue_words")
CUE_SET = frozenset(_CUES)
_PROTECTED = ENGINE_VOCABULARY.words("protected_words")
_SLANG_DATA = ENGINE_VOCABULARY.data("chat_slang")
_SLANG: dict[str, str] = {str(k): str(v) for k, v in _SLANG_DATA["anywhere"].items()}
# Real words that are also the commonest typo of a cue; corrected only as the first word.
_FIRST_WORD_SLANG: dict[str, str] = {str(k): str(v) for k, v in _SLANG_DATA["first_word"].items()}
_CACHE_LIMIT = 50_000

_CUES_BY_LETTER: dict[str, tuple[str, ...]] = {}
for _cue in _CUES:
    _CUES_BY_LETTER[_cue[0]] = (*_CUES_BY_LETTER.get(_cue[0], ()), _cue)

_KEYBOARD_RE = re.compile(
    "|".join(
        run[i : i + 5]
        for run in ENGINE_VOCABULARY.lines("keyboard_runs")
        for i in range(len(run) - 4)
    )
)
_NO_VOWEL_RE = re.compile(r"^[b-df-hj-np-tv-xz]{4,}$")
_CONSONANT_RUN_RE = re.compile(r"[b-df-hj-np-tv-xz]{6,}")
_REPEAT_RE = re.compile(r"([^\d])\1{3,}")
_LAUGH_RE = re.compile(r"^(?:(?:wk)+w?|(?:ha)+h?|(?:he)+h?|(?:hi)+h?|(?:xi)+|lo+l|lmao|rofl)$")


class CueCorrector:
    """Corrects slang and cue-word typos in a question's tokens, sparing known names.

    One per matcher: it remembers its verdict on each word (up to 50,000 words).
    """

    def __init__(self, names: PersonIndex) -> None:
        self._names = names
        self._cache: dict[str, str | None] = {}

    def fix(self, tokens: list[Token]) -> list[Token]:
        """The tokens with slang rewritten and cue typos corrected (marked `fixed`)."""
        out: list[Token] = []
        for i, token in enumerate(tokens):
            word = token.canon
            if i == 0 and word in _FIRST_WORD_SLANG:
                out.append(Token(_FIRST_WORD_SLANG[word], token.text, True))
            elif word in _SLANG:
                out.append(Token(_SLANG[word], token.text))
            else:
                fixed = self._cue_typo(word)
                out.append(Token(fixed, token.text, True) if fixed else token)
        return out

    def _cue_typo(self, word: str) -> str | None:
        if word in CUE_SET or word in LEXICON or word in STOPWORDS:
            return None
        if word in self._cache:
            return self._cache[word]
        cue = _cue_for(word)
        if cue is not None and self._names.looks_like_name(word):
            cue = None
        if len(self._cache) < _CACHE_LIMIT:
            self._cache[word] = cue
        return cue


def _cue_for(word: str) -> str | None:
    """The cue word this token is a typo of, or None; same first letter, 1-2 edits."""
    if not word.isalpha() or not 3 <= len(word) <= 16 or word in _PROTECTED:
        return None
    best: str | None = None
    best_dist = 3
    for cue in _CUES_BY_LETTER.get(word[0], ()):
        limit = _edit_limit(word, cue)
        dist = OSA.distance(word, cue, score_cutoff=limit)
        if dist <= limit and dist < best_dist:
            best, best_dist = cue, dist
    return best


def _edit_limit(word: str, cue: str) -> int:
    """Allowed edits: one, and for 3-letter pairs only a transposition.

    Two edits were tried for long words and rejected: Indonesian affixed words two edits from a
    cue are common ("tangkapan" / "tanggapan", "penyitaan" / "pernyataan").
    """
    if min(len(word), len(cue)) <= 3:
        return 1 if len(word) == len(cue) and sorted(word) == sorted(cue) else 0
    return 1


def is_noise(token: Token) -> bool:
    """A token no language has: keyboard mashing, no vowels, letter repeats, laughter."""
    word = token.canon
    if word in LEXICON or word in STOPWORDS or word in CUE_SET:
        return False
    if len(word) > 30:
        return True
    if token.text.isupper() and len(word) <= 6:
        return False  # acronyms such as DPRD or KPK
    return bool(
        _KEYBOARD_RE.search(word)
        or _NO_VOWEL_RE.match(word)
        or _CONSONANT_RUN_RE.search(word)
        or _REPEAT_RE.search(word)
        or _LAUGH_RE.match(word)
    )

"""Typo tolerance for a question's content words: "kapan murati mundr" asks when she "mundur".

The matcher corrects only the cue words a question's intent hangs on (`intents/typos.py`); this
corrects the words it is about, against two references. Candidates come from a dictionary:
the Sastrawi stemmer's root words (KBBI), the bilingual lexicon's forms (affixed Indonesian
and inflected English words) and the engine's grammar words, and from the knowledge base's
headlines (names of organisations and places: "tanamn" is more likely Tanamin, headlined,
than "tanaman"). The knowledge base decides:
a word whose stem is in its full-text index is real there and never changed (so is a word of
pyspellchecker's English word list: "prime" is no typo of "price"), and an
Indonesian candidate is taken only when its stem is in the index (the most frequent wins), so
a correction always points at something the articles say. Names are never touched: known
name words, and capitalised words when the question is typed with capitals.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Mapping, Sequence
from functools import cache

from rapidfuzz.distance import OSA

from bot.engine.english import kbbi_roots
from bot.engine.intents.tokens import QUESTION_WORDS
from bot.engine.intents.typos import CUE_SET
from bot.engine.lexicon import LEXICON, STOPWORDS_EN, STOPWORDS_ID
from bot.engine.names import PersonIndex
from bot.engine.vocab import ENGINE_VOCABULARY
from knowledge.store import Store
from knowledge.text import fold, stem, typed_tokens, words

MIN_LETTERS = 5  # shorter words are too often one edit from another real word
LONG_WORD = 9  # from this length two edits are allowed
_CACHE_LIMIT = 50_000  # verdicts remembered per engine


@cache
def dictionary() -> frozenset[str]:
    """Every word a content word may be corrected to (folded): Sastrawi's KBBI root words,
    the affixed words of news text (`vocab/affixed_words_id.txt`), the lexicon's single-word
    forms, the grammar and question words and the cue words."""
    words = set(kbbi_roots()) | ENGINE_VOCABULARY.words("affixed_words_id")
    words |= {form for form in LEXICON if " " not in form}
    words |= STOPWORDS_ID | STOPWORDS_EN | QUESTION_WORDS | CUE_SET
    return frozenset(w for w in words if w.isalpha())


@cache
def english_words() -> frozenset[str]:
    """Real English words: pyspellchecker's English frequency list (160,000 words shipped in
    the package), read once, at the first word neither dictionary nor articles know."""
    from spellchecker import SpellChecker

    return frozenset(SpellChecker(language="en").word_frequency.keys())


@cache
def _by_shape() -> dict[tuple[str, int], tuple[str, ...]]:
    return shapes_of(dictionary())


def shapes_of(words: Iterable[str]) -> dict[tuple[str, int], tuple[str, ...]]:
    """Words by (first letter, length): a typo rarely hits a word's first letter."""
    shapes: dict[tuple[str, int], list[str]] = {}
    for word in sorted(set(words)):
        if word.isalpha():
            shapes.setdefault((word[0], len(word)), []).append(word)
    return {shape: tuple(group) for shape, group in shapes.items()}


def candidates(
    word: str, *shapes: Mapping[tuple[str, int], Sequence[str]]
) -> list[tuple[int, str]]:
    """Words of `shapes` (by default the dictionary's) within typo distance of `word` (OSA: a
    swap is one edit), as (distance, word), nearest first; one edit, two from LONG_WORD on."""
    limit = 2 if len(word) >= LONG_WORD else 1
    found = set()
    for table in shapes or (_by_shape(),):
        for size in range(len(word) - limit, len(word) + limit + 1):
            for other in table.get((word[0], size), ()):
                distance = OSA.distance(word, other, score_cutoff=limit)
                if distance <= limit:
                    found.add((distance, other))
    return sorted(found)


class Speller:
    """Corrects content-word typos of one knowledge base's questions (see the module doc)."""

    def __init__(self, store: Store, people: PersonIndex, headlines: Iterable[str]) -> None:
        self._store = store
        self._people = people
        self._headlines = headlines  # the articles' titles, read at the first typo
        self._headline_shapes: dict[tuple[str, int], tuple[str, ...]] | None = None
        self._verdicts: dict[str, str] = {}  # folded word -> its correction (itself if none)

    async def correct(self, text: str, capitals: bool) -> str:
        """`text` with its misspelt content words replaced; the other words as typed.

        `capitals`: the question mixes upper and lower case, so capitalised words are names.
        """
        out = []
        changed = False
        for typed in typed_tokens(text):
            fixed = typed
            if not (capitals and typed[:1].isupper()):
                fixed = await self._word(typed)
            changed |= fixed != typed
            out.append(fixed)
        return " ".join(out) if changed else text

    async def _word(self, typed: str) -> str:
        word = fold(typed)
        if len(word) < MIN_LETTERS or not word.isalpha() or word in dictionary():
            return typed
        if word in self._verdicts:
            fixed = self._verdicts[word]
            return typed if fixed == word else fixed
        fixed = await self._best(word)
        if len(self._verdicts) < _CACHE_LIMIT:
            self._verdicts[word] = fixed
        return typed if fixed == word else fixed

    async def _best(self, word: str) -> str:
        if self._people.looks_like_name(word):
            return word
        own = await self._store.term_docs([stem(word)])
        if own[stem(word)]:
            return word  # the articles use it: a real word (or a name) here
        if word in await asyncio.to_thread(english_words):
            return word
        if self._headline_shapes is None:
            titles = " ".join(self._headlines)
            self._headline_shapes = await asyncio.to_thread(lambda: shapes_of(words(titles)))
        headlined = self._headline_shapes
        near = candidates(word, _by_shape(), headlined)
        if not near:
            return word
        nearest = near[0][0]
        options = [w for d, w in near if d == nearest]
        docs = await self._store.term_docs([stem(w) for w in options])
        in_titles = {w for w in options if w in headlined.get((w[0], len(w)), ())}
        ranked = sorted(options, key=lambda w: (w not in in_titles, -docs[stem(w)]))
        best = ranked[0]
        if docs[stem(best)]:
            return best
        # English words and lexicon forms reach the articles through their translations.
        english = [w for w in options if w in LEXICON]
        return english[0] if len(english) == 1 else word

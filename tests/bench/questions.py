"""The question mix: people, speakers and headline topics taken from the built store itself.

Topic words skip the grammar words of `knowledge/vocab/function_words_{id,en}.txt`, which make a
topic vague rather than specific (headlines are full of them).
"""

from __future__ import annotations

import asyncio
import random
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from knowledge.store import Store
from knowledge.vocab import VOCABULARY

INTENTS = ("who", "when", "timeline", "quote", "search")
TITLES_SAMPLED = 5000
_WORD = re.compile(r"[^\W\d_]{4,}")


def build_questions(db: Path, per_intent: int, seed: int = 7) -> dict[str, list[str]]:
    """`per_intent` questions for each of INTENTS, drawn with a fixed seed from the store at `db`.

    An intent whose pool is empty (a corpus naming nobody) gets no questions; "quote" falls back
    to the most-mentioned people when nobody is quoted.
    """
    rng = random.Random(seed)
    people, speakers, titles = asyncio.run(_pools(db, per_intent * 4))
    # A stream of its own: editing a word list changes the topics, not which people are asked.
    topics = _topics(titles, random.Random(seed), per_intent * 3)
    return {
        "who": [f"siapa {n}?" for n in _pick(people, per_intent, rng)],
        "when": [f"kapan {t}?" for t in _pick(topics, per_intent, rng)],
        "timeline": [f"kronologi {t}" for t in _pick(topics, per_intent, rng)],
        "quote": [f"apa kata {n}?" for n in _pick(speakers or people, per_intent, rng)],
        "search": [f"cari {t}" for t in _pick(topics, per_intent, rng)],
    }


async def _pools(db: Path, people: int) -> tuple[list[str], list[str], list[str]]:
    store = await Store.open(db)
    try:
        return (
            await store.most_mentioned_people(people),
            await store.most_quoted_people(people),
            await store.article_titles(TITLES_SAMPLED),
        )
    finally:
        await store.close()


def _topics(titles: Iterable[str], rng: random.Random, limit: int) -> list[str]:
    """Two- and three-word topics from headline words (lower case, no grammar words)."""
    vague = VOCABULARY.words("function_words_id") | VOCABULARY.words("function_words_en")
    out: list[str] = []
    for title in titles:
        words = [w for w in _WORD.findall(title.lower()) if w not in vague]
        if len(words) >= 2:
            size = min(len(words), rng.choice((2, 3)))
            start = rng.randrange(0, len(words) - size + 1)
            out.append(" ".join(words[start : start + size]))
    return list(dict.fromkeys(out))[:limit]


def _pick(pool: Sequence[str], n: int, rng: random.Random) -> list[str]:
    if not pool:
        return []
    return [pool[rng.randrange(len(pool))] for _ in range(n)]

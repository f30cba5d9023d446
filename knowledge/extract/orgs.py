"""Organisations and products of one article, found while classifying its capitalised runs.

They come from the gazetteer (`knowledge/vocab/organisations.txt`), from shape ("MotoGP",
"Llama 3", "... Labs"), from an organisation prefix ("PT ...", "Universitas ..."), and from
what a title names before a person ("CEO Dorna Sports, Carmelo Ezpeleta").
"""

from __future__ import annotations

from collections.abc import Sequence

from knowledge.extract.people.detect import analyse
from knowledge.models import Sentence


def find_orgs(text: str, sentences: Sequence[Sentence] = ()) -> list[str]:
    """Distinct organisation and product names, stripped, in order of first mention.

    `sentences` should be `split_sentences(text)`, as for `find_people`, so both share one
    analysis of the article. A mention inside a longer one that starts with or before it
    ("Google" in "Google DeepMind") is not counted separately.
    """
    ctx, _ = analyse(text, tuple(sentences))
    kept: list[tuple[int, int]] = []
    for start, end in sorted(set(ctx.orgs), key=lambda o: (o[0], -o[1])):
        if not any(s <= start and end <= e for s, e in kept[-3:]):
            kept.append((start, end))
    return list(dict.fromkeys(text[start:end].strip() for start, end in kept))

"""Which articles a topic is the headline of.

A timeline of "krisis OpenAI" belongs first of all to the article headlined "106 jam krisis di
OpenAI", whose dated sentences ("Jumat", "Altman login … pada hari Jumat, 17 November") need
not repeat the topic's words. Sentence search cannot find them; the headlines can.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from bot.engine.terms import TermGroup
from knowledge.store.reader import ArticleRow


class HeadlineIndex:
    """The stems of every headline (`ArticleRow.title_stemmed`, made by `knowledge.text`), mapped
    to the articles that carry them; built once per engine, a dict look-up per term."""

    def __init__(self, articles: Sequence[ArticleRow]) -> None:
        self._ids = [a.id for a in articles]
        self._by_stem: dict[str, list[int]] = {}
        for i, article in enumerate(articles):
            for stem in set(article.title_stemmed.split()):
                self._by_stem.setdefault(stem, []).append(i)

    def about(self, groups: Sequence[TermGroup], want: int, limit: int) -> list[str]:
        """Ids of articles whose headline covers at least `want` of the groups: those covering
        the most first, then in the order the articles were given (the store gives newest
        first); at most `limit`."""
        if not groups or want < 1:
            return []
        covered: Counter[int] = Counter()
        for group in groups:
            hits: set[int] = set()
            for stem in group.stems:
                hits.update(self._by_stem.get(stem, ()))
            covered.update(hits)
        best = sorted((i for i, n in covered.items() if n >= want), key=lambda i: (-covered[i], i))
        return [self._ids[i] for i in best[:limit]]

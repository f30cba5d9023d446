"""What the handlers answer from: the open store, its indexes, and citations built from rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.engine.answer import Citation, Fact
from bot.engine.headlines import HeadlineIndex
from bot.engine.names import PersonIndex
from knowledge.models import DateValue
from knowledge.store import Store
from knowledge.store.reader import ArticleRow, EventRow


@dataclass
class Corpus:
    """One knowledge base as the engine sees it: the store plus indexes built at open.

    `articles` maps article id to its row; `people` resolves names; `headlines` finds the
    articles headlined with a topic. Built once per open knowledge base, read by every handler.
    """

    store: Store
    people: PersonIndex
    articles: dict[str, ArticleRow]
    headlines: HeadlineIndex

    @classmethod
    def build(cls, store: Store, people: PersonIndex, articles: Sequence[ArticleRow]) -> Corpus:
        """The corpus of an open store, its people and its articles (indexes built here)."""
        return cls(store, people, {a.id: a for a in articles}, HeadlineIndex(articles))

    def cite(self, article_id: str, snippet: str) -> Citation:
        """A citation of `snippet` in the article, dated with the article's publication date."""
        a = self.articles.get(article_id)
        return Citation(
            article=article_id,
            title=a.title if a else article_id,
            date=DateValue.day(a.published) if a and a.published else None,
            snippet=snippet,
            url=a.url if a else "",
            source=a.source if a else "",
            published=a.published if a else None,
        )

    def event_fact(self, event: EventRow, snippet: str | None = None) -> Fact:
        """A dated event as a fact; its citation carries the event's date (and, as every
        citation, the article's publication date). `snippet` replaces the sentence (a quote
        inside it)."""
        base = self.cite(event.article_id, snippet if snippet is not None else event.text)
        return Fact("event", replace(base, date=event.when), date=event.when)

    def article_fact(self, article: ArticleRow) -> Fact:
        """An article itself, cited without a snippet (the /sources listing)."""
        return Fact("article", self.cite(article.id, ""))

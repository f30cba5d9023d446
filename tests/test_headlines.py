"""Finding the articles a topic is the headline of."""

from __future__ import annotations

from datetime import date

from bot.engine.headlines import HeadlineIndex
from bot.engine.terms import term_groups
from knowledge.store.reader import ArticleRow
from knowledge.text import stem_text


def _article(article_id: str, title: str) -> ArticleRow:
    return ArticleRow(article_id, title, "", "", date(2024, 1, 1), stem_text(title))


INDEX = HeadlineIndex(
    [
        _article("a", "Banjir Bandang Rendam Garut"),
        _article("b", "Kemarau Panjang di Garut"),
        _article("c", "Banjir Rob di Jakarta Utara"),
        _article("d", "Kronologi Banjir di Garut dan Tasikmalaya"),
    ]
)


def test_headlines_covering_enough_groups_best_first_then_given_order() -> None:
    groups = term_groups("banjir garut")
    assert INDEX.about(groups, 2, limit=10) == ["a", "d"]
    assert INDEX.about(groups, 1, limit=10) == ["a", "d", "b", "c"]
    assert INDEX.about(groups, 1, limit=3) == ["a", "d", "b"]


def test_headline_words_are_matched_by_stem() -> None:
    assert INDEX.about(term_groups("membanjiri tasikmalaya"), 2, limit=5) == ["d"]


def test_nothing_for_no_groups_or_no_match() -> None:
    assert INDEX.about([], 1, limit=5) == []
    assert INDEX.about(term_groups("gempa bumi"), 1, limit=5) == []

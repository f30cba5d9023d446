"""Building answers: the one place an `Answer` is assembled from a query and its facts."""

from __future__ import annotations

from collections.abc import Sequence

from bot.engine.answer import Answer, Fact, IntentName, Query


def reply(
    q: Query,
    found: bool,
    message: str,
    facts: Sequence[Fact] = (),
    *,
    intent: IntentName | None = None,
    subject: str = "",
    related: Sequence[Fact] = (),
    suggestions: Sequence[str] = (),
    names: Sequence[str] = (),
    page: int = 1,
    pages: int = 1,
) -> Answer:
    """An answer to `q` (of `q`'s intent unless `intent` is given); `message` is a catalog key
    of the "answer" section."""
    return Answer(
        query=q,
        intent=intent or q.intent,
        found=found,
        message=message,
        subject=subject,
        facts=tuple(facts),
        related=tuple(related),
        suggestions=tuple(suggestions),
        names=tuple(names),
        page=page,
        pages=pages,
    )

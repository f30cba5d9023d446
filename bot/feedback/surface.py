"""What every chat surface does with the feedback store: open it, and remember an answer it
shows. Both are best-effort: without the store, answers go out without 👍/👎 buttons."""

from __future__ import annotations

import logging

from bot.config import Settings
from bot.engine.answer import Answer
from bot.feedback import FeedbackStore, rated_worth, remembered

log = logging.getLogger(__name__)


async def open_store(settings: Settings) -> FeedbackStore | None:
    """The feedback store, or None (answers then carry no vote buttons) when it cannot open."""
    try:
        return await FeedbackStore.open(settings.feedback_db, settings.feedback_salt)
    except Exception:
        log.exception(
            "feedback store %s unavailable; answers get no vote buttons", settings.feedback_db
        )
        return None


async def answer_id(store: FeedbackStore | None, answer: Answer) -> int | None:
    """The id the vote buttons under `answer` carry; None when it gets no buttons (no store,
    the help page, or the store failing)."""
    if store is None or not rated_worth(answer):
        return None
    try:
        return await store.remember(remembered(answer))
    except Exception:
        log.exception("feedback store failed; answering without vote buttons")
        return None

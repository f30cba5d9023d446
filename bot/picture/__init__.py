"""Pictures of answers, as PNG bytes any surface can attach (Discord, Slack, a file).

`answer_picture(answer)` is what a surface calls: the picture an answer comes with, or None.
"""

from __future__ import annotations

import asyncio
import logging

from bot.engine.answer import Answer
from bot.picture.timeline import LABEL_CHARS, Mark, marks, timeline_figure, timeline_png

__all__ = ["LABEL_CHARS", "Mark", "answer_picture", "marks", "timeline_figure", "timeline_png"]

log = logging.getLogger(__name__)


async def answer_picture(answer: Answer) -> bytes | None:
    """A found timeline's picture (PNG), drawn in a worker thread so the event loop keeps
    serving. None for other answers, for a timeline without an event to draw, and when the
    drawing fails (logged): a picture is an extra, never a reason to lose the answer."""
    if answer.intent != "timeline" or not answer.found:
        return None
    try:
        return await asyncio.to_thread(timeline_png, answer)
    except Exception:
        log.exception("could not draw the timeline picture")
        return None

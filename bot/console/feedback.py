"""`newsbot feedback`: the answers people disliked most, for moderators. Pure: no I/O."""

from __future__ import annotations

import time

from bot.engine.answer import Lang
from bot.engine.catalog import say
from bot.feedback import Rated

ANSWER_CHARS = 160  # enough to recognise an answer; the question and citations say the rest
SNIPPET_CHARS = 120


def render_feedback(rated: list[Rated], lang: Lang = "en") -> str:
    """One block per answer: rank, 👎/👍 counts, the question, the answer's start, each
    citation (article id, title, date, snippet) so the article or overrides.yaml can be fixed."""
    if not rated:
        return say("console.feedback_none", lang)
    lines = [say("console.feedback_title", lang, n=len(rated))]
    for rank, item in enumerate(rated, 1):
        shown = item.answer
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(item.last_vote))
        lines += [
            "",
            say(
                "console.feedback_item",
                lang,
                rank=rank,
                down=item.down,
                up=item.up,
                question=shown.question,
                surfaces=", ".join(item.surfaces),
                when=when,
            ),
            say("console.feedback_answer", lang, text=_clip(shown.text, ANSWER_CHARS)),
        ]
        for c in shown.citations:
            lines.append(
                say(
                    "console.feedback_cite",
                    lang,
                    article=c.get("article", ""),
                    title=c.get("title", ""),
                    date=c.get("date") or "-",
                    snippet=_clip(str(c.get("snippet", "")), SNIPPET_CHARS),
                )
            )
    return "\n".join(lines)


def _clip(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0] + "\u2026"

"""Answer feedback: 👍/👎 votes from every chat surface, kept apart from the knowledge base.

Platform-neutral: a surface remembers each answer it shows (`FeedbackStore.remember` with
`remembered(answer)`, giving the id its buttons carry), then records votes
(`FeedbackStore.vote(answer_id, user, up, surface)`); `newsbot feedback` lists the answers
people disliked most (`FeedbackStore.worst`).
"""

from __future__ import annotations

from bot.console.render import render_text, to_json
from bot.engine.answer import Answer, Lang
from bot.engine.catalog import say
from bot.feedback.store import FeedbackStore, Rated, Remembered, VoteOutcome

__all__ = [
    "FeedbackStore",
    "Rated",
    "Remembered",
    "VoteOutcome",
    "acknowledgement",
    "rated_worth",
    "remembered",
]


def remembered(answer: Answer) -> Remembered:
    """What a vote on `answer` refers to: the question, the plain rendering every surface
    shares (the console's, also `newsbot ask --json`'s `text`), and the citations."""
    citations = to_json(answer)["citations"]
    for shown, citation in zip(citations, answer.citations, strict=True):
        shown["url"] = citation.url
    return Remembered(
        question=answer.question,
        text=render_text(answer),
        citations=tuple(citations),
        intent=answer.intent,
        lang=answer.lang,
    )


def rated_worth(answer: Answer) -> bool:
    """Whether an answer gets 👍/👎 buttons: every answer to a question, not the help page."""
    return answer.intent != "help"


_ACKNOWLEDGEMENTS = {
    VoteOutcome.NEW: "chat.vote_thanks",
    VoteOutcome.CHANGED: "chat.vote_changed",
    VoteOutcome.UNCHANGED: "chat.vote_unchanged",
    VoteOutcome.UNKNOWN_ANSWER: "chat.vote_unavailable",
}


def acknowledgement(outcome: VoteOutcome | None, lang: Lang) -> str:
    """What the voter is told (privately); None when the vote could not be recorded at all."""
    key = _ACKNOWLEDGEMENTS[outcome] if outcome is not None else "chat.vote_unavailable"
    return say(key, lang)

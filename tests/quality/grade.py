"""Grading one reply against its question: correct, wrong, padded or missed.

- correct: the question is answered, the answer is found, one of its own facts (never a related
  fact) cites the expected article, and one expected string is in the reply's opening (the first
  300 characters of the plain-text reply, case-insensitive, whitespace collapsed); or the
  question is not answered by the articles and the answer says it found nothing.
- padded: the articles do not answer, yet the answer says it found something.
- missed: the articles answer, yet the answer found nothing.
- wrong: the articles answer and the answer found something, but it cites the wrong article or
  its opening does not hold the expected text.

Whether the matcher chose the expected intent is recorded beside the grade, never graded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, get_args

from bot.engine.answer import Answer

from .questions import Question

Grade = Literal["correct", "wrong", "padded", "missed"]
GRADES: tuple[Grade, ...] = get_args(Grade)
OPENING_CHARS = 300


@dataclass(frozen=True)
class Result:
    question: Question
    grade: Grade
    found: bool  # what the answer said
    intent: str  # the intent the matcher chose
    cited: tuple[str, ...]  # the articles the answer's own facts cite, in order, once each
    opening: str  # the first OPENING_CHARS characters of the reply
    reason: str = ""  # why it is not correct

    @property
    def correct(self) -> bool:
        return self.grade == "correct"

    @property
    def intent_matched(self) -> bool:
        return self.intent == self.question.intent

    def to_json(self) -> dict[str, Any]:
        q = self.question
        return {
            "id": q.id,
            "q": q.q,
            "lang": q.lang,
            "intent": q.intent,
            "tags": list(q.tags),
            "after": q.after or None,
            "expected_found": q.found,
            "expected_articles": list(q.articles),
            "expect": list(q.expect),
            "grade": self.grade,
            "reason": self.reason,
            "found": self.found,
            "matched_intent": self.intent,
            "intent_matched": self.intent_matched,
            "cited": list(self.cited),
            "opening": self.opening,
        }


def opening(text: str) -> str:
    return text[:OPENING_CHARS]


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


def cited_articles(answer: Answer) -> tuple[str, ...]:
    """The articles cited by the answer's own facts (not `related`), first citation first."""
    out: list[str] = []
    for fact in answer.facts:
        if fact.citation is not None and fact.citation.article not in out:
            out.append(fact.citation.article)
    return tuple(out)


def grade(question: Question, answer: Answer, text: str) -> Result:
    """Grade `answer`, whose plain-text reply is `text`, against `question`."""
    head = opening(text)
    cited = cited_articles(answer)

    def result(verdict: Grade, reason: str = "") -> Result:
        return Result(question, verdict, answer.found, answer.query.intent, cited, head, reason)

    if not question.found:
        return result("correct") if not answer.found else result("padded", "answered anyway")
    if not answer.found:
        return result("missed", "nothing found")
    if question.articles and not set(question.articles) & set(cited):
        return result("wrong", "wrong article" if cited else "no fact cites an article")
    squashed = _squash(head)
    if not any(_squash(e) in squashed for e in question.expect):
        return result("wrong", "expected text not in the opening")
    return result("correct")

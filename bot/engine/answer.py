"""The platform-neutral values the engine hands to every adapter."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, get_args

from knowledge.models import DateValue

IntentName = Literal["who", "when", "timeline", "quote", "search", "sources", "help", "unknown"]
INTENTS: tuple[IntentName, ...] = get_args(IntentName)
Lang = Literal["id", "en"]


@dataclass(frozen=True)
class Query:
    """A question after intent matching: what is asked and about whom or what."""

    intent: IntentName
    text: str  # the question as the user typed it
    subject: str = ""  # a person's name (who, quote) or a topic (when, timeline, search)
    topic: str = ""  # an extra topic filter (quote: "Altman perusahaan biasa" -> topic)
    lang: Lang = "id"
    page: int = 1
    score: float = 0.0  # how sure the matcher is, 0..100


@dataclass(frozen=True)
class Citation:
    article: str  # article id
    title: str
    date: DateValue | None  # the event's date where there is one, else the article's
    snippet: str  # verbatim article text
    url: str = ""
    source: str = ""
    label: str = ""  # a short human label shown before the snippet ("17 November 2023", a role)


@dataclass(frozen=True)
class Answer:
    question: str
    intent: IntentName
    found: bool
    text: str  # the whole reply as a person would read it
    citations: tuple[Citation, ...] = ()
    lang: Lang = "id"
    title: str = ""  # a short heading for rich surfaces (an embed title)
    summary: str = ""  # the reply's lead, without the citation list
    suggestions: tuple[str, ...] = ()  # "did you mean ..." candidates
    page: int = 1  # long answers (timelines) come a page at a time
    pages: int = 1

    def to_json(self) -> dict[str, Any]:
        """The `newsbot ask --json` contract: stable field names, citations in order."""
        return {
            "question": self.question,
            "intent": self.intent,
            "found": self.found,
            "text": self.text,
            "citations": [
                {
                    "article": c.article,
                    "title": c.title,
                    "date": c.date.iso() if c.date else None,
                    "snippet": c.snippet,
                }
                for c in self.citations
            ],
        }

"""The sentences of an answer that every surface shows: its heading, its lead, fact labels.

Surfaces differ in layout only; what an answer says comes from here and the catalog, so the
console, JSON and Discord replies never drift apart.
"""

from __future__ import annotations

from bot.engine.answer import Answer, Citation, Fact, Lang
from bot.engine.catalog import format_date, say
from knowledge.models import DateValue

# The heading over an answer's related facts, by intent.
_RELATED = {"who": "answer.who_events", "when": "answer.when_other"}
# Outcomes whose catalog sentence is the answer's heading; the others lead the reply instead.
_HEADINGS = frozenset(
    {
        "timeline_title",
        "timeline_all",
        "quote_title",
        "quote_topic_title",
        "search_title",
        "why_found",
        "how_found",
    }
)


def _say(answer: Answer, key: str) -> str:
    topic = answer.query.topic.strip() if answer.intent == "quote" else answer.subject
    values = {"name": answer.subject, "topic": topic, "n": len(answer.facts)}
    return say(key, answer.lang, **values)


def headline(answer: Answer) -> str:
    """A short heading for the answer ("Siapa Mira Murati?", a when-answer's date), or ""."""
    if answer.message in _HEADINGS:
        return _say(answer, f"answer.{answer.message}")
    if answer.intent == "who" and answer.found:
        return _say(answer, "answer.who_title")
    if answer.intent == "when" and answer.found:
        return fact_label(answer.facts[0], answer)
    if answer.message == "sources_title":
        return _say(answer, "answer.sources_title")
    if answer.message == "help":
        return _say(answer, "answer.help_title")
    if answer.message in ("quote_none", "quote_topic_none"):
        return answer.subject
    return ""


def lead(answer: Answer) -> str:
    """The reply's opening sentences: the whole reply when nothing was found, "" when the facts
    speak for themselves under the headline."""
    if answer.found:
        if answer.message in ("who_roles", "who_mentions", "holder_found", "help"):
            return _say(answer, f"answer.{answer.message}")
        return ""
    text = _say(answer, f"answer.{answer.message}")
    if answer.names:
        text += " " + say("answer.quote_speakers", answer.lang, names=", ".join(answer.names))
    if answer.suggestions:
        names = ", ".join(answer.suggestions)
        text += " " + say("answer.did_you_mean", answer.lang, names=names)
    return text


def related_heading(answer: Answer) -> str:
    """The heading over `answer.related` ("Peristiwa yang melibatkan ...", or "related, not
    the answer" beside an answer not found), "" without related facts."""
    if not answer.related:
        return ""
    key = _RELATED.get(answer.intent) if answer.found else None
    return _say(answer, key or "answer.related")


def fact_label(fact: Fact, answer: Answer) -> str:
    """What a fact is shown under: a role, an event's date, a quote's date or speaker."""
    if fact.kind == "role":
        return fact.role
    if fact.kind == "holder":
        return f"{fact.person} ({fact.role})" if fact.role else fact.person
    if fact.date is not None:
        return format_date(fact.date, answer.lang)
    return fact.speaker


def appeared(citation: Citation, lang: Lang) -> str:
    """When the cited article appeared, as readers write it ("26 September 2024"); for a
    citation that carries no publication date, its own date; "" when it has neither."""
    if citation.published is not None:
        return format_date(DateValue.day(citation.published), lang)
    return format_date(citation.date, lang) if citation.date is not None else ""

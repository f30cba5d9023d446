"""One article in, all its facts out: the per-article half of a build (runs in worker processes)."""

from __future__ import annotations

import re

from knowledge.extract.dates import publication_date, tag_dates
from knowledge.extract.orgs import find_orgs
from knowledge.extract.people import find_people
from knowledge.extract.quotes import find_quotes
from knowledge.extract.sentences import split_sentences
from knowledge.models import Article, ArticleFacts, DateMention, DateValue, Event, PersonMention
from knowledge.overrides import Overrides
from knowledge.text import stem_text

# Bump when extraction rules change: every article's content hash changes with it, so the next
# build re-extracts everything instead of keeping facts made by the old rules.
EXTRACTOR_VERSION = "5"
MAX_EVENTS_PER_SENTENCE = 3
_ATTRIBUTION = re.compile(r"^[\u2014\u2013-]\s*\S")


def extract(article: Article, overrides: Overrides | None = None) -> ArticleFacts:
    """All facts of one article: sentences (with their stems for search), people, organisations,
    quotes, and one event per distinct date a sentence states (at most
    MAX_EVENTS_PER_SENTENCE). The publication date is the metadata's, else the one the text
    states (`publication_date`); `overrides` corrects people detection."""
    text = article.text
    sentences = split_sentences(text)
    published = publication_date(text, article.published)
    facts = ArticleFacts(article=article, published=published, sentences=sentences)
    facts.stemmed = [stem_text(s.text) for s in sentences]
    facts.mentions = (
        find_people(text, sentences, overrides) if overrides else find_people(text, sentences)
    )
    facts.orgs = find_orgs(text, sentences)
    facts.quotes = find_quotes(text, sentences, facts.mentions, article.embedded_quotes)
    facts.events = _events(facts, tag_dates(text, published))
    return facts


def _events(facts: ArticleFacts, dates: list[DateMention]) -> list[Event]:
    """Each dated sentence becomes an event per distinct date it states."""
    by_sentence: dict[int, list[DateMention]] = {}
    for mention in dates:
        by_sentence.setdefault(facts.sentence_of(mention.start), []).append(mention)
    events: list[Event] = []
    for idx, mentions in sorted(by_sentence.items()):
        sentence = facts.sentences[idx] if idx >= 0 else None
        # A byline ("— Sam Altman (@sama) 26 September 2024") dates the tweet above it; as an
        # event of its own it would say nothing.
        if sentence is None or _ATTRIBUTION.match(sentence.text):
            continue
        people = _names_in(facts.mentions, sentence.start, sentence.end)
        orgs = tuple(o for o in facts.orgs if o in sentence.text)
        seen: set[DateValue] = set()
        for m in mentions:
            key = m.value
            if key in seen or len(seen) >= MAX_EVENTS_PER_SENTENCE:
                continue
            seen.add(key)
            events.append(
                Event(
                    sentence_index=idx,
                    when=m.value,
                    date_text=m.text,
                    people=people,
                    orgs=orgs,
                )
            )
    return events


def _names_in(mentions: list[PersonMention], start: int, end: int) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.name for m in mentions if start <= m.start < end))

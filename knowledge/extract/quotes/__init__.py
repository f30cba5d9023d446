"""Attributed direct quotes: the quoted words, verbatim, and who said them.

Sources of quotes, strongest first:
- tweets and blockquotes that cleaning lifted out of markup (`embedded`): their author is given;
- dash attribution lines ('— CEO OpenAI, Sam Altman' under a paragraph, or a tweet byline
  '— Name (@handle) date' under the tweet's lines): `bylines`;
- words between quote marks (“…”, "…", and long ‘…’ with a speech verb attached): `marks`
  finds the spans, even where scraped text left marks unbalanced, and `attribution` decides
  which are statements and whose.

Speakers come from the people detector's mentions (`speakers`). Pronouns and '-nya' forms
('kata dia', 'ujarnya', 'Ia menyebut') and 'kata pelatih itu' point to the person in focus:
the subject of the sentences just before, else the last speaker (`focus`). A quote with no
speech verb of its own goes to the person named just before or after it, and to nobody when
that is unclear. Rules for what is not a statement: one word, two words unless a speech verb
names who said them, Title Case (a title, a slogan); a phrase embedded mid-sentence (a term, a
title, a motto) unless a speech verb in that same sentence names who said it; single quotes
unless at least six words long with a speech verb attached.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from knowledge.extract.quotes.attribution import marked_quotes
from knowledge.extract.quotes.bylines import dash_quotes
from knowledge.extract.quotes.focus import article_context
from knowledge.extract.quotes.marks import scan_marks
from knowledge.models import EmbeddedQuote, PersonMention, Quote, Sentence

__all__ = ["find_quotes"]


def find_quotes(
    text: str,
    sentences: Sequence[Sentence],
    people: Sequence[PersonMention] = (),
    embedded: Sequence[EmbeddedQuote] = (),
) -> list[Quote]:
    """Direct statements in `text` with their speakers, in text order.

    `sentences` is `split_sentences(text)`; each quote gets the index of the sentence it
    starts in. `people` are the article's person mentions from `find_people` (found here when
    empty); `embedded` the quotes cleaning lifted out of markup. A quote's text is verbatim
    `text[start:end]`; its speaker is a person's fullest name in the article, or "" when the
    text attributes it to nobody named. Never raises on any text.
    """
    found: list[Quote] = [_embedded_quote(text, e) for e in embedded if 0 <= e.start < e.end]
    taken = [(q.start, q.end) for q in found]
    marked = scan_marks(text)
    ctx = article_context(text, sentences, people, marked)
    for quote in dash_quotes(ctx):
        if not _overlaps(quote.start, quote.end, taken):
            found.append(quote)
            taken.append((quote.start, quote.end))
    for quote in marked_quotes(ctx, marked):
        if not _overlaps(quote.start, quote.end, taken):
            found.append(quote)
    found.sort(key=lambda q: q.start)
    starts = [s.start for s in sentences]
    return [_with_sentence(q, sentences, starts) for q in found]


def _embedded_quote(text: str, e: EmbeddedQuote) -> Quote:
    end = min(e.end, len(text))
    return Quote(e.start, end, text[e.start : end], e.author)


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _with_sentence(quote: Quote, sentences: Sequence[Sentence], starts: list[int]) -> Quote:
    if not sentences:
        return quote
    i = max(0, bisect.bisect_right(starts, quote.start) - 1)
    return Quote(quote.start, quote.end, quote.text, quote.speaker, sentences[i].index)

"""Quotes between quote marks and who said them.

A quote is attributed, in order, by a tail after the closing mark ('“…,” kata Budi'), a
lead-in before the opening mark ('Budi mengatakan, “…”'), the quote just before it when only
that quote's attribution lies between them, and a speech verb with a named subject in the
sentence before a stand-alone quote. A short phrase quoted mid-sentence (a term, a title, a
motto) counts only when a speech verb in its sentence names who said it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.extract.quotes.marks import QUOTE_CHARS, Marked, word_count
from knowledge.extract.quotes.speakers import (
    NAME_JOINERS,
    PRONOUNS,
    TAIL_RE,
    Context,
    Verb,
    add_event,
    clause_before,
    clause_end,
    expand,
    last_speaker,
    names_in,
    skip_oleh,
    slot_speaker,
    speech_verbs,
    verb_speaker,
)
from knowledge.models import Quote

MIN_WORDS = 3
MIN_SINGLE_QUOTE_WORDS = 6
# How far a lead-in verb may sit from the quote it introduces.
LEAD_IN_GAP = 80
_NEXT_WORD = re.compile(r"[^\S\n]*[,—–-]?[^\S\n]*([^\W\d_]+)")


@dataclass
class _Attribution:
    speaker: str = ""
    anaphoric: bool = False
    found: bool = False
    end: int = -1  # end of the attribution clause after the quote
    embedded: bool = False  # a phrase inside narration, not a stand-alone statement


def marked_quotes(ctx: Context, marked: list[Marked]) -> list[Quote]:
    """The statements among the quote-mark spans, with their speakers ("" when unnamed)."""
    out: list[Quote] = []
    prev: tuple[Marked, _Attribution] | None = None
    pending: list[Marked] = []  # continued paragraphs waiting for the quote that closes them
    for span in marked:
        attribution = _attribute(ctx, span, prev)
        keep = _keep(ctx, span, attribution)
        if keep and span.continued and not attribution.found:
            pending.append(span)
            continue
        if keep:
            for part in pending:
                out.append(_quote(ctx.text, part, attribution.speaker))
            out.append(_quote(ctx.text, span, attribution.speaker))
            prev = (span, attribution)
        pending = []
    return out


def _quote(text: str, span: Marked, speaker: str) -> Quote:
    return Quote(span.start, span.end, text[span.start : span.end], speaker)


def _keep(ctx: Context, span: Marked, attribution: _Attribution) -> bool:
    words = word_count(ctx.text, span.start, span.end)
    if words < MIN_WORDS:
        return False
    if span.single:
        return attribution.found and words >= MIN_SINGLE_QUOTE_WORDS
    return attribution.found or not attribution.embedded


def _attribute(
    ctx: Context, span: Marked, prev: tuple[Marked, _Attribution] | None
) -> _Attribution:
    found = _tail(ctx, span) or _lead_in(ctx, span)
    if found is not None:
        if found.anaphoric:
            found.speaker = last_speaker(ctx, span.open)
        add_event(ctx, span.close, found.speaker)
        return found
    if _embedded_in_narration(ctx, span):
        return _sentence_speaker(ctx, span)
    if prev is not None and _follows(ctx.text, prev, span):
        return _Attribution(speaker=prev[1].speaker, found=True, end=span.close + 1)
    return _previous_sentence_speaker(ctx, span)


def _tail(ctx: Context, span: Marked) -> _Attribution | None:
    text = ctx.text
    m = TAIL_RE.match(text, span.close + 1)
    if m is None or span.continued:
        return None
    end = clause_end(text, m.end())
    if m.group("verb"):
        if m.group("nya"):
            return _Attribution(anaphoric=True, found=True, end=end)
        speaker, anaphoric = slot_speaker(ctx, skip_oleh(text, m.end()))
        return _Attribution(speaker, anaphoric, found=True, end=end)
    subject = m.group("subject")
    if subject.lower() in PRONOUNS:
        return _Attribution(anaphoric=True, found=True, end=end)
    names = names_in(ctx, m.start("subject"), m.end("subject"), slot=True)
    if names:
        return _Attribution(expand(ctx, names[-1].name, names[-1].start), found=True, end=end)
    if subject[:1].islower() and len(subject.split()) <= 3:
        # 'the company said', 'sumber itu mengatakan': attributed, but to nobody named
        return _Attribution(found=True, end=end)
    return None


def _lead_in(ctx: Context, span: Marked) -> _Attribution | None:
    """'Budi mengatakan, “…”', 'Menurut Budi, “…”', '... disebutnya “…”'."""
    text = ctx.text
    start = clause_before(text, span.open)
    clause = text[start : span.open]
    if not clause.strip():
        return None
    for verb in reversed(speech_verbs(ctx, start, span.open)):
        gap = text[verb.end : span.open]
        if len(gap) > LEAD_IN_GAP or not _lead_in_gap_ok(verb, gap):
            continue
        if verb.nya or (verb.active and _pronoun_subject(text, start, verb.start)):
            return _Attribution(anaphoric=True, found=True)
        speaker = verb_speaker(ctx, verb)
        if speaker:
            return _Attribution(speaker, found=True)
    return None


def _lead_in_gap_ok(verb: Verb, gap: str) -> bool:
    """Text between a lead-in verb and its quote ends in ',' ':' 'bahwa' or touches the mark."""
    stripped = gap.rstrip()
    if not stripped or stripped.endswith((",", ":")):
        return True
    return stripped.lower().endswith(("bahwa", "that"))


def _pronoun_subject(text: str, start: int, verb_start: int) -> bool:
    words = text[start:verb_start].split()
    return bool(words) and words[-1].lower().strip(",") in PRONOUNS


def _embedded_in_narration(ctx: Context, span: Marked) -> bool:
    """A phrase inside a sentence ('… the motto “…” became …') rather than a statement."""
    text = ctx.text
    before = text[clause_before(text, span.open) : span.open].rstrip()
    if before and before[-1] not in ",:;—–-([":
        return True
    after = text[span.close + 1 : span.close + 40]
    m = _NEXT_WORD.match(after)
    return m is not None and m.group(1)[:1].islower()


def _sentence_speaker(ctx: Context, span: Marked) -> _Attribution:
    """A phrase quoted mid-sentence counts only if a speech verb there names its speaker."""
    start = clause_before(ctx.text, span.open)
    words = ctx.text[span.start : span.end].split()
    if all(w[:1].isupper() or w in NAME_JOINERS for w in words):
        return _Attribution(embedded=True)  # a title in Title Case
    events = [e for e in ctx.events if start <= e[0] < span.open]
    if not events:
        return _Attribution(embedded=True)
    return _Attribution(speaker=events[-1][1], found=True, embedded=True)


def _follows(text: str, prev: tuple[Marked, _Attribution], span: Marked) -> bool:
    """Nothing but the previous quote's own attribution lies between the two quotes."""
    marked, attribution = prev
    gap_start = max(marked.close + 1, attribution.end)
    if not attribution.found or gap_start > span.open:
        return False
    gap = text[gap_start : span.open]
    return gap.strip() == "" and gap.count("\n") <= 2


def _previous_sentence_speaker(ctx: Context, span: Marked) -> _Attribution:
    """A stand-alone quote right after 'Budi menambahkan bahwa … .' is Budi's."""
    text = ctx.text
    end = span.open
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = clause_before(text, max(0, end - 1))
    events = [e for e in ctx.events if start <= e[0] < end]
    if not events or QUOTE_CHARS.search(text, start, end):
        return _Attribution()
    return _Attribution(speaker=events[-1][1])

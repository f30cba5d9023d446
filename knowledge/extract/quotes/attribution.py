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

from knowledge.extract.quotes.focus import (
    add_event,
    joined_to_another,
    last_speaker,
    latest_event_speaker,
    opens_clause,
    subject_at,
)
from knowledge.extract.quotes.marks import Marked, word_count
from knowledge.extract.quotes.speakers import (
    NAME_JOINERS,
    PRONOUNS,
    TAIL_RE,
    Context,
    Verb,
    clause_before,
    clause_end,
    expand,
    names_in,
    refers_back,
    skip_oleh,
    slot_speaker,
    speech_verbs,
    verb_speaker,
)
from knowledge.models import Quote

MIN_WORDS = 3
# A shorter quote counts when a speech verb names a person who said it: '“Tidak tahu,” kata
# Budi', 'Ia menyebut kebijakan itu “terlalu tergesa-gesa”'. One word, or two in Title Case, is
# a label.
MIN_ATTRIBUTED_WORDS = 2
MIN_SINGLE_QUOTE_WORDS = 6
# How far a lead-in verb may sit from the quote it introduces.
LEAD_IN_GAP = 80
_NEXT_WORD = re.compile(r"[^\S\n]*[,—–-]?[^\S\n]*([^\W\d_]+)")
_AFTER_QUOTE = re.compile(r"[^\S\n]*,?[^\S\n]*")


@dataclass
class _Attribution:
    speaker: str = ""
    anaphoric: bool = False
    found: bool = False
    end: int = -1  # end of the attribution clause after the quote
    embedded: bool = False  # a phrase inside narration, not a stand-alone statement


def marked_quotes(ctx: Context, marked: list[Marked]) -> list[Quote]:
    """The statements among the quote-mark spans, with their speakers ("" when unnamed)."""
    kept: list[tuple[Marked, _Attribution]] = []
    prev: tuple[Marked, _Attribution] | None = None
    pending: list[Marked] = []  # continued paragraphs waiting for the quote that closes them
    for span in marked:
        attribution = _attribute(ctx, span, prev)
        keep = _keep(ctx, span, attribution)
        if keep and span.continued and not attribution.found:
            pending.append(span)
            continue
        if keep:
            kept.extend((part, attribution) for part in pending)
            kept.append((span, attribution))
            prev = (span, attribution)
        pending = []
    _share_later_attribution(ctx.text, kept)
    return [_quote(ctx.text, span, a.speaker) for span, a in kept]


def _share_later_attribution(text: str, kept: list[tuple[Marked, _Attribution]]) -> None:
    """A stand-alone quote right before a quote that names its speaker ('“…”' then '“…,”
    ujar Ciabatti') is the first paragraph of that speaker's statement."""
    for i in range(len(kept) - 2, -1, -1):
        span, attribution = kept[i]
        later, named = kept[i + 1]
        if attribution.found or not named.found or not named.speaker or named.embedded:
            continue
        gap = text[span.close + 1 : later.open]
        if not gap.strip() and gap.count("\n") <= 2:
            kept[i] = (span, _Attribution(named.speaker, found=True, end=later.open))


def _quote(text: str, span: Marked, speaker: str) -> Quote:
    return Quote(span.start, span.end, text[span.start : span.end], speaker)


def _keep(ctx: Context, span: Marked, attribution: _Attribution) -> bool:
    words = word_count(ctx.text, span.start, span.end)
    named = attribution.found and bool(attribution.speaker)
    if span.orphan:
        return named and words >= MIN_ATTRIBUTED_WORDS
    if words < MIN_WORDS and (
        words < MIN_ATTRIBUTED_WORDS or not named or _title_case(ctx.text[span.start : span.end])
    ):
        return False  # a label or a name ('“neraka”', '“Code Red”'), not words said
    if span.single:
        return attribution.found and words >= MIN_SINGLE_QUOTE_WORDS
    if not attribution.found and _title_case(ctx.text[span.start : span.end]):
        return False  # a title or a slogan ('“Never Lose Sight” - Chris Tomlin'), no statement
    return attribution.found or not attribution.embedded


def _attribute(
    ctx: Context, span: Marked, prev: tuple[Marked, _Attribution] | None
) -> _Attribution:
    found = _tail(ctx, span)
    if found is None and not span.orphan:
        found = _lead_in(ctx, span)
    if found is not None:
        if found.anaphoric:
            found.speaker = last_speaker(ctx, max(0, span.open))
        add_event(ctx, span.close, found.speaker)
        return found
    if span.orphan:
        return _Attribution()
    if _embedded_in_narration(ctx, span):
        return _sentence_speaker(ctx, span)
    if prev is not None and _follows(ctx.text, prev, span):
        return _Attribution(speaker=prev[1].speaker, found=True, end=span.close + 1)
    return _stand_alone_speaker(ctx, span)


def _tail(ctx: Context, span: Marked) -> _Attribution | None:
    text = ctx.text
    if span.continued or span.unclosed:
        return None
    m = TAIL_RE.match(text, span.close + 1)
    if m is None:
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
    introduced = False
    for verb in reversed(speech_verbs(ctx, start, span.open)):
        gap = text[verb.end : span.open]
        if len(gap) > LEAD_IN_GAP or not _lead_in_gap_ok(verb, gap):
            continue
        speaker = "" if verb.nya else verb_speaker(ctx, verb)
        if speaker:
            return _Attribution(speaker, found=True)
        if refers_back(ctx, verb):
            return _Attribution(anaphoric=True, found=True)
        introduced = True
    # A speech verb introduces the quote but names nobody we know ('Pihak polisi mengatakan,
    # “…”'): the quote is that unnamed speaker's, not the last person's.
    return _Attribution(found=True) if introduced else None


def _lead_in_gap_ok(verb: Verb, gap: str) -> bool:
    """Text between a lead-in verb and its quote ends in ',' ':' 'bahwa' or touches the mark."""
    stripped = gap.rstrip()
    if not stripped or stripped.endswith((",", ":")):
        return True
    return stripped.lower().endswith(("bahwa", "that"))


def _embedded_in_narration(ctx: Context, span: Marked) -> bool:
    """A phrase inside a sentence ('… the motto “…” became …') rather than a statement."""
    text = ctx.text
    before = text[clause_before(text, span.open) : span.open].rstrip()
    if before and before[-1] not in ",:;—–-([":
        return True
    if span.unclosed:
        return False
    after = text[span.close + 1 : span.close + 40]
    m = _NEXT_WORD.match(after)
    return m is not None and m.group(1)[:1].islower()


def _sentence_speaker(ctx: Context, span: Marked) -> _Attribution:
    """A phrase quoted mid-sentence counts only if a speech verb there names its speaker."""
    start = clause_before(ctx.text, span.open)
    if _title_case(ctx.text[span.start : span.end]):
        return _Attribution(embedded=True)
    speaker = latest_event_speaker(ctx, start, span.open)
    if speaker is None:
        return _Attribution(embedded=True)
    return _Attribution(speaker=speaker, found=True, embedded=True)


def _title_case(quoted: str) -> bool:
    """'Laskar Pelangi Dua Kembali', 'Bubarkan Aspri': every word capitalised."""
    return all(w[:1].isupper() or w in NAME_JOINERS for w in quoted.split())


def _follows(text: str, prev: tuple[Marked, _Attribution], span: Marked) -> bool:
    """Nothing but the previous quote's own attribution lies between the two quotes."""
    marked, attribution = prev
    gap_start = max(marked.close + 1, attribution.end)
    if not attribution.found:
        return False
    if gap_start > span.open:
        # The attribution clause ran into this quote past an abbreviation ('…," said Maria
        # Lopez, chief executive of Acme Corp. "…"'): it ends where the quote opens.
        between = text[marked.close + 1 : span.open]
        return "\n" not in between and between.rstrip().endswith((".", ",", ":"))
    gap = text[gap_start : span.open]
    return gap.strip() == "" and gap.count("\n") <= 2


def _stand_alone_speaker(ctx: Context, span: Marked) -> _Attribution:
    """A quote standing alone, with no speech verb of its own: the speaker of a speech verb in
    the sentence before ('Budi menambahkan bahwa … . “…”'), else the person named just before
    or just after it ('Rina menggeleng. “…”', '“…,” Rina menggeleng.'), when those agree."""
    text = ctx.text
    end = span.open
    while end > 0 and text[end - 1].isspace():
        end -= 1
    near = end == 0 or text[end : span.open].count("\n") <= 2
    start = clause_before(text, max(0, end - 1))
    speaker = latest_event_speaker(ctx, start, end) if near else None
    if speaker:
        return _Attribution(speaker=speaker)
    before = _subject_before(ctx, end) if near and end > 0 else None
    after = None if span.unclosed else _name_after(ctx, span)
    if before is None or after is None:
        return _Attribution(speaker=before or after or "")
    return _Attribution(speaker=before if before == after else "")


def _subject_before(ctx: Context, end: int) -> str | None:
    """The person the sentence ending at `end` opens with ("" when unclear), or its pronoun's
    referent; None when it opens with nobody."""
    subject = subject_at(ctx, end - 1)
    if subject is not None and subject.start < end:
        return subject.name
    start = clause_before(ctx.text, end - 1)
    first = ctx.text[start:end].split(maxsplit=1)
    if first and first[0].lower() in PRONOUNS:
        return last_speaker(ctx, start)
    return None


def _name_after(ctx: Context, span: Marked) -> str | None:
    """'“…,” Rina menggeleng.', '“….” Rina menatap wartawan.': the person named right after a
    quote that ends a statement, as the subject of what follows on the same line."""
    text = ctx.text
    if text[span.close - 1 : span.close] not in (",", ".", "!", "?", "…"):
        return None
    m = _AFTER_QUOTE.match(text, span.close + 1)
    if m is None:
        return None
    line_end = text.find("\n", m.end())
    stop = min(len(text) if line_end < 0 else line_end, m.end() + 120)
    names = names_in(ctx, m.end(), stop)
    if not names or not opens_clause(text, m.end(), names[0]):
        return None
    name = names[0]
    nxt = _NEXT_WORD.match(text, name.end)
    if nxt is None or not nxt.group(1)[:1].islower() or nxt.group(1).lower() in NAME_JOINERS:
        return None
    if joined_to_another(ctx, name, stop):
        return ""
    return expand(ctx, name.name, name.start)

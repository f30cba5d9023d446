"""Name candidates: the stretches of a classified run that could be a person's name.

A candidate is a maximal stretch of name-like tokens (names, initials, particles inside),
trimmed of what leads into it: an organisation after "PT"/"Universitas", field words after a
title ("Menteri Pemberdayaan Aparatur Asman Abnur"), a town after a regional title ("Bupati
Banyumas Budhi Setiawan"). Regions ("Sumba Barat Daya"), places named after someone ("Stadion
H. Agus Salim") and names closed by an organisation suffix ("Nimbus Labs") are no candidates.
Whether a candidate is a person is decided by `evidence`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from knowledge.extract.people.lexicon import (
    COMPASS,
    GIVEN_NAMES,
    PLACE_PREFIXES,
    PLACES,
    is_title_word,
    is_vocabulary,
    root_words,
)
from knowledge.extract.people.tokens import Context, Kind, Tok
from knowledge.extract.roles import RANKS, REGIONAL_HEADS, is_role_word, role_before

_NAMEISH = (Kind.NAME, Kind.INITIAL, Kind.PARTICLE)
_ROLE_CONTEXT = (Kind.ROLE, Kind.ACRONYM, Kind.PLACE, Kind.ORG, Kind.PRODUCT, Kind.COMMON)
_CLOSING = (Kind.ACRONYM, Kind.PLACE, Kind.ORG)
_REGIONAL_LAST = frozenset(head[-1] for head in REGIONAL_HEADS)


@dataclass
class Candidate:
    """A possible name: span [start, end), its tokens, and the run tokens either side."""

    start: int
    end: int
    tokens: list[Tok]
    prev: Tok | None
    nxt: Tok | None

    @cached_property
    def words(self) -> list[str]:
        """The name's words, particles left out (token kinds are final once a candidate is
        made, so this is computed once: the accept rules read it many times)."""
        return [t.text for t in self.tokens if t.kind is not Kind.PARTICLE]


def candidates(ctx: Context) -> list[Candidate]:
    """Every candidate of the article, in text order."""
    return [c for run in ctx.runs for c in _run_candidates(run, ctx)]


def _run_candidates(run: list[Tok], ctx: Context) -> list[Candidate]:
    out: list[Candidate] = []
    segments = _segments(run)
    for n, (a, b) in enumerate(segments):
        prev = run[a - 1] if a > 0 else None
        nxt = run[b] if b < len(run) else None
        if (
            n + 1 < len(segments)
            and (prev is None or prev.kind is not Kind.ORG_PREFIX)
            and _field_of_title(run, a, b, segments[n + 1][0])
        ):
            continue  # "Direktur Pembinaan Usaha Hilir Migas Kementerian ESDM Harya ..."
        if run[b - 1].text.lower() in COMPASS or (nxt is not None and nxt.text.lower() in COMPASS):
            continue  # "Penajam Paser Utara", "Sumba Barat Daya": a region
        if nxt is not None and nxt.kind is Kind.ORG_SUFFIX:
            ctx.add_org(run[a].start, nxt.end)
            continue
        if _named_place(run, a):
            continue  # "Stadion H. Agus Salim", "Jalan Jenderal Sudirman": a place
        if prev is not None and prev.kind is Kind.ORG_PREFIX:
            a = _trim_after_prefix(run, a, b, ctx)
        elif b - a > 2 and (
            (prev is not None and prev.kind in _ROLE_CONTEXT and not _is_rank(prev))
            or (a == 0 and role_before(ctx.text, run[0].start) is not None)
        ):
            a = _trim_after_title(run, a, b, ctx, _title_closed(run, a, ctx.text))
        while a < b and run[a].kind not in (Kind.NAME, Kind.INITIAL):
            a += 1
        while b - a > 2 and (run[a].text in ctx.towns or _region_after_head(run, a)):
            a += 1  # "Bupati Banyumas Budhi Setiawan": the town belongs to the title
        if a >= b or sum(1 for t in run[a:b] if t.kind is Kind.NAME) > 4:
            continue
        prev = run[a - 1] if a > 0 else None
        out.append(Candidate(run[a].start, run[b - 1].end, run[a:b], prev, nxt))
    return out


def _field_of_title(run: list[Tok], a: int, b: int, next_a: int) -> bool:
    """Whether the words [a, b) sit inside a title that goes on to its body and then to the
    name: a title word earlier in the run, and only organisation, acronym or place tokens
    between them and the next name-like stretch of the run."""
    return (
        any(t.kind is Kind.ROLE and not _is_rank(t) for t in run[:a])
        and next_a > b
        and all(t.kind in _CLOSING or t.kind is Kind.ORG_PREFIX for t in run[b:next_a])
    )


def _segments(run: list[Tok]) -> list[tuple[int, int]]:
    """Index ranges [i, j) of maximal name-like stretches, particles not at the edges."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(run):
        if run[i].kind not in _NAMEISH:
            i += 1
            continue
        j = i
        while j < len(run) and run[j].kind in _NAMEISH:
            j += 1
        a, b = i, j
        while a < b and run[a].kind is Kind.PARTICLE:
            a += 1
        while b > a and run[b - 1].kind in (Kind.PARTICLE, Kind.INITIAL):
            b -= 1
        if b > a and any(run[k].kind is Kind.NAME for k in range(a, b)):
            out.append((a, b))
        i = j
    return out


def _first_given(run: list[Tok], a: int, b: int) -> int:
    for k in range(a, b):
        if run[k].text.lower() in GIVEN_NAMES:
            return k
    return -1


def _title_closed(run: list[Tok], a: int, text: str) -> bool:
    """Whether the title before token a is closed by what it names: an acronym, a place or an
    organisation ("Direktur Eksekutif INDEF Enny Sri Hartati"), or a bracket ("PT Pertamina
    (Persero) Yanuar Budi Hartanto"). The words after it are then all the name: a given name
    inside them ("Sri") is no place to cut."""
    if a > 0:
        return run[a - 1].kind in _CLOSING
    return text[: run[0].start].rstrip(" \t\u00a0").endswith(")")


def _place_end(run: list[Tok], a: int, b: int) -> int:
    """After "Kota"/"Desa" a place takes its first word and the dictionary words after it
    ("Desa Tanah Hitam"); the first other word starts the name ("Kota Jayapura Fabio ...")."""
    k = a + 1
    while k < b and (run[k].text in PLACES or is_vocabulary(run[k].text)):
        k += 1
    return k


def _trim_after_prefix(run: list[Tok], a: int, b: int, ctx: Context) -> int:
    """After "PT"/"Bank"/"Universitas" the first tokens name the organisation, not a person."""
    if run[a - 1].text.lower() in PLACE_PREFIXES and b - a >= 3:
        cut = _place_end(run, a, b)
        if b - cut >= 2:
            return cut
    given = _first_given(run, a, b)
    cut = given if given >= 0 else (b - 2 if b - a >= 3 else b)
    end = cut
    if cut == b:  # "PT Kereta Api Indonesia": the name runs on through places and acronyms
        while end < len(run) and run[end].kind in (Kind.PLACE, Kind.ACRONYM, Kind.ORG):
            end += 1
    if cut > a and run[a - 1].text.lower() not in PLACE_PREFIXES:
        ctx.add_org(run[a - 1].start, run[end - 1].end)
    return cut


def _trim_after_title(run: list[Tok], a: int, b: int, ctx: Context, closed: bool = False) -> int:
    """ "Menteri Pemberdayaan Aparatur Asman Abnur": field words lead, the name is the tail.
    After a closed title (`_title_closed`) only dictionary words are trimmed."""
    given = _first_given(run, a, b)
    # "... BPH Migas M Ibnu Fajar": after a closed title, initials before a given name lead
    # the name; "Menteri PU Pera Basuki Hadimuljono": so does a given name written alone too.
    led = given > a and run[given - 1].kind is Kind.INITIAL
    alone = given > a and run[given].text in ctx.alone and run[a].text not in ctx.alone
    if closed and not led and not alone:
        given = -1
    if given >= 0 and is_title_word(run[given].text):  # "Hakim Agung Ahmad ...": "Agung"
        later = _first_given(run, given + 1, b)
        given = later if later > 0 else given
    if 0 <= given < b - 1:  # a known given name in last place is more likely a surname
        while given > a and run[given - 1].kind is Kind.INITIAL:
            given -= 1  # "R Agus Budi Santosa": initials lead the name
        return given
    roots = root_words()
    while b - a > 2 and (run[a].text.lower() in roots or _org_before_name(run, a, b, ctx)):
        a += 1
    return a


def _org_before_name(run: list[Tok], a: int, b: int, ctx: Context) -> bool:
    """ "CEO Kioson Jasin Halim" where both "Kioson" and "Jasin" also stand alone elsewhere:
    the article refers to the person by a later word, so the first is the organisation."""
    return ctx.singles[run[a].text] > 0 and any(ctx.singles[run[k].text] for k in range(a + 1, b))


def _named_place(run: list[Tok], a: int) -> bool:
    """Whether a place word ("Stadion", "Jalan") leads the run up to token a, across
    honorifics, initials and ranks, so the name there is a place named after someone."""
    k = a - 1
    while k >= 0 and run[k].kind in (Kind.HONORIFIC, Kind.INITIAL, Kind.ROLE):
        word = run[k].text.lower().rstrip(".")
        if run[k].kind is Kind.ROLE and is_role_word(word) and word not in RANKS:
            return False  # "Taman Nasional", "Jalan Jenderal": a field word or rank is fine
        k -= 1
    return (
        k >= 0
        and run[k].kind is Kind.ORG_PREFIX
        and run[k].text.lower().rstrip(".") in PLACE_PREFIXES
        and (k == 0 or run[k - 1].kind is not Kind.ROLE)  # "Wali Kota ...": a title
    )


def _region_after_head(run: list[Tok], a: int) -> bool:
    """ "Bupati Sambas Atbah ...": the first word after a regional head is its region."""
    return (
        a > 0
        and run[a - 1].text.lower() in _REGIONAL_LAST
        and run[a].text.lower() not in GIVEN_NAMES
    )


def _is_rank(tok: Tok) -> bool:
    """ "AKBP Leo Andi Gunawan": after a rank the whole run is the name."""
    return tok.text.lower().rstrip(".") in RANKS

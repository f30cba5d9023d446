"""The resolver of named parts of a year: seasons and numbered quarters and halves.

"musim panas 2026", "the summer of 2026", "musim dingin lalu", "this summer", "kuartal III
2024", "triwulan I tahun ini", "semester pertama 2025", "the second half of 2025", "Q1 2024".
A part keeps its vagueness: its value is the span date_parts.yaml gives it, at precision
"part", never a day. A part with no year is placed from the publication day; a season or a
half with neither a year nor a placing word is no date ("bursa transfer musim panas",
"babak pertama"), and only the words of `alone` (kuartal, triwulan) number a quarter of the
year the story is in.
"""

from __future__ import annotations

from datetime import date

from knowledge.extract.dates.arithmetic import part_value
from knowledge.extract.dates.context import Context
from knowledge.extract.dates.scanning import Raw
from knowledge.extract.dates.stated import infer_year
from knowledge.extract.dates.vocabulary import (
    COUNTED_ALONE,
    COUNTED_PARTS,
    LAST_MONTH,
    PART_MONTHS,
    PART_ORDINALS,
    PLACING,
    SEASONS,
    YEAR_OFFSETS,
    said,
)
from knowledge.models import DateValue

# How many parts of each kind a year has ("q": quarters, "h": halves).
_PARTS_A_YEAR = {"q": 4, "h": 2}
# An English word before a season ("last summer") to what it means, as PLACING after one.
_BEFORE = {w: {-1: "last", 0: "this_year", 1: "next"}[o] for w, o in LAST_MONTH.offsets.items()}


def resolve_part(ctx: Context, raw: Raw) -> DateValue | None:
    """The span a season or a numbered part names, or None (see the module docstring)."""
    g = raw.match
    if g["season"]:
        return _season(ctx, raw)
    if g["short"]:
        return _numbered(g["short"].lower(), int(g["sn"]), int(g["shyear"]))
    word = g["counted"] or g["ecounted"]
    kind = COUNTED_PARTS[said(word)]
    number = PART_ORDINALS[said(g["ord"] or g["eord"])]
    written = g["cyear"] or g["eyear"]
    if written:
        return _numbered(kind, number, int(written))
    rel = g["crel"] or g["erel"]
    base = ctx.published or ctx.anchor
    if rel:
        if base is None:
            return None
        return _numbered(kind, number, base.year + YEAR_OFFSETS[PLACING[said(rel)]])
    if said(word) not in COUNTED_ALONE or number > _PARTS_A_YEAR[kind]:
        return None
    reference = ctx.reference()
    if reference is None:
        return _numbered(kind, number, 1, year_known=False)
    first_month = PART_MONTHS[f"{kind}{number}"][0]
    return _numbered(kind, number, infer_year(first_month, None, reference, ctx.is_future(raw)))


def _numbered(kind: str, number: int, year: int, *, year_known: bool = True) -> DateValue | None:
    if number > _PARTS_A_YEAR[kind]:
        return None
    return part_value(f"{kind}{number}", year, year_known=year_known)


def _season(ctx: Context, raw: Raw) -> DateValue | None:
    """A season of a written year, or the one a placing word picks around the publication day:
    "last" the latest that ended before it, "next" the first that starts after it, "this" the
    one holding it or else the nearest."""
    g = raw.match
    key = SEASONS[said(g["season"])]
    if g["syear"]:
        return part_value(key, int(g["syear"]))
    if g["srel"]:
        meaning = PLACING[said(g["srel"])]
    elif raw.before("pre"):
        meaning = _BEFORE[said(raw.before("pre") or "")]
    else:
        return None
    base = ctx.published or ctx.anchor
    if base is None:
        return None
    if meaning in ("last_year", "next_year"):
        return part_value(key, base.year + YEAR_OFFSETS[meaning])
    spans = [v for y in range(base.year - 1, base.year + 3) if (v := part_value(key, y))]
    if meaning == "last":
        return max((v for v in spans if v.end < base), key=lambda v: v.start, default=None)
    if meaning == "next":
        return min((v for v in spans if v.start > base), key=lambda v: v.start, default=None)
    return min(spans, key=lambda v: 0 if v.start <= base <= v.end else _distance(v, base))


def _distance(value: DateValue, day: date) -> int:
    return min(abs((value.start - day).days), abs((value.end - day).days))

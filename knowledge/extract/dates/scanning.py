"""Finding date expressions: every pattern's candidates, with the words that lead them, overlaps
settled. What they mean is left to the resolvers (`stated.py`, `relative.py`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from knowledge.extract.dates.patterns import (
    DAY_MONTH,
    ISO,
    MONTH_DAY,
    MONTH_LEAD,
    MONTHLIKE,
    NUMERIC,
    RELATIVE,
    RELATIVE_LEAD,
    RELATIVE_TRIGGERS,
    WEEKDAY,
    WEEKDAY_LEAD,
    YEAR_LEAD,
    YEAR_ONLY,
)
from knowledge.extract.dates.vocabulary import (
    CUES,
    MINGGU_AS_WEEK,
    QUANTIFIERS,
    RANGE_JOINERS,
    RECURRING,
)
from knowledge.patterns import alternation


@dataclass(frozen=True)
class Raw:
    """One date expression as found: which pattern (`kind`) matched, and where.

    `start`/`end` are the mention's span in characters: the core match, widened by the lead
    words that belong to the date ("awal", "bulan", "hari") but not by a preposition ("pada").
    """

    kind: str
    match: re.Match[str]
    start: int
    end: int
    lead: re.Match[str] | None = None  # the words before the core ("pada", "awal", "bulan")

    def before(self, name: str) -> str | None:
        """A group of the lead pattern, or None."""
        return None if self.lead is None else self.lead[name]


@dataclass(frozen=True)
class _Scanner:
    kind: str
    pattern: re.Pattern[str]
    not_after: str  # characters that may not precede the core ("6.5 tahun", "GPT-5")
    lead: re.Pattern[str] | None = None
    keep: tuple[str, ...] = ()  # lead groups that belong in the mention's span


_SCANNERS: tuple[_Scanner, ...] = (
    _Scanner("iso", ISO, "/.-"),
    _Scanner("numeric", NUMERIC, "/.,:-"),
    _Scanner("weekday", WEEKDAY, "-", WEEKDAY_LEAD, ("hari",)),
    _Scanner("day_month", DAY_MONTH, ".,/-"),
    _Scanner("month_day", MONTH_DAY, "-"),
    _Scanner("monthlike", MONTHLIKE, "-", MONTH_LEAD, ("mod", "bulan")),
    _Scanner("year", YEAR_ONLY, ".,/-", YEAR_LEAD, ("mod", "tahun")),
    _Scanner("relative", RELATIVE, ".,-", RELATIVE_LEAD, ("mod",)),
)
_LEAD_WINDOW = 48  # characters before a core searched for its lead words
# Kinds whose value is a stated day, fit to become the narrative anchor.
DAY_KINDS = frozenset({"iso", "numeric", "day_month", "month_day"})
# Kinds that state a calendar value rather than count from one.
STATED_KINDS = DAY_KINDS | {"monthlike", "year", "weekday"}
# "Minggu" is also "week": "minggu lalu", "minggu ketiga", "minggu ke-2".
_MINGGU_AS_WEEK = re.compile(rf"\s+(?i:ke-?\w*|{alternation(MINGGU_AS_WEEK)})\b")
# Capitalised words that may stand before a weekday without making it part of a name
# ("Pada Senin", "Dan Minggu"; "hari" and "on" as in "Hari Senin", "On Monday").
_NOT_NAME_WORDS = frozenset({*CUES, *RANGE_JOINERS, "hari", "on"})


def scan(text: str) -> list[Raw]:
    """All candidate date expressions of `text` in order, overlaps settled: the earliest start
    wins, then the longest."""
    found: list[tuple[int, int, Raw]] = []
    for scanner in _SCANNERS:
        for m in _candidates(text, scanner):
            start = m.start()
            raw = _with_lead(text, scanner, m)
            glued = start and (text[start - 1].isalnum() or text[start - 1] in scanner.not_after)
            if glued and raw.lead is None:  # "mid-2031" is led; "GPT-5" and "6.5" are glued
                continue
            if scanner.kind == "weekday" and _not_a_day(text, m):
                continue
            found.append((raw.lead.start() if raw.lead else start, -m.end(), raw))
    found.sort(key=lambda item: (item[0], item[1]))
    chosen: list[Raw] = []
    last_end = -1
    for start, neg_end, raw in found:
        if start >= last_end:
            chosen.append(raw)
            last_end = -neg_end
    return chosen


def states_day(raw: Raw) -> bool:
    """Whether the expression writes out a day of the month ("5 Juni", "Rabu (6/3)")."""
    g = raw.match
    return raw.kind in DAY_KINDS or (
        raw.kind == "weekday" and bool(g["day"] or g["pday"] or g["eday"])
    )


def after_quantifier(text: str, start: int) -> bool:
    """Whether the word before `start` is a quantity ("beberapa", "dua", "1.200")."""
    before = text[max(0, start - 20) : start].split()
    if not before:
        return False
    last = before[-1].lower()
    return last in QUANTIFIERS or last.replace(".", "").replace(",", "").isdigit()


def _candidates(text: str, scanner: _Scanner) -> Iterator[re.Match[str]]:
    if scanner.kind != "relative":
        yield from scanner.pattern.finditer(text)
        return
    for trigger in RELATIVE_TRIGGERS:
        for t in trigger.finditer(text):
            m = scanner.pattern.match(text, t.start())
            if m is not None:
                yield m


def _with_lead(text: str, scanner: _Scanner, m: re.Match[str]) -> Raw:
    start = m.start()
    if scanner.lead is None or (scanner.kind == "relative" and not (m["runit"] or m["edir"])):
        return Raw(scanner.kind, m, start, m.end())
    lead = scanner.lead.search(text, max(0, start - _LEAD_WINDOW), start)
    if lead is None or lead.start() == start:
        return Raw(scanner.kind, m, start, m.end())
    span_start = next((lead.start(k) for k in scanner.keep if lead.start(k) >= 0), start)
    return Raw(scanner.kind, m, span_start, m.end(), lead)


def _not_a_day(text: str, m: re.Match[str]) -> bool:
    """A weekday word that names no single day: "Pasar Minggu", "setiap Senin", "dua minggu"."""
    if m["day"] or m["pday"] or m["eday"]:
        return False
    before = text[max(0, m.start() - 20) : m.start()]
    words = before.split()
    previous = words[-1] if words and before[-1:].isspace() else ""
    if previous.lower() in RECURRING:
        return True
    if previous[:1].isupper() and previous.lower() not in _NOT_NAME_WORDS:
        return True  # part of a name: "Pasar Minggu", "Jalan Sabtu"
    if m["wd"].lower() != "minggu":
        return False
    return _MINGGU_AS_WEEK.match(text, m.end("wd")) is not None or after_quantifier(
        text, m.start("wd")
    )

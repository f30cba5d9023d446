"""Finding date expressions: every pattern's candidates, with the words that lead them, overlaps
settled. What they mean is left to the resolvers (`stated.py`, `relative.py`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from knowledge.extract.dates.patterns import (
    DASHES,
    DAY_MONTH,
    ISO,
    MONTH_DAY,
    MONTH_LEAD,
    MONTHLIKE,
    NUMERIC,
    PART,
    PART_LEAD,
    PART_TRIGGERS,
    RELATIVE,
    RELATIVE_LEAD,
    RELATIVE_TRIGGERS,
    WEEKDAY,
    WEEKDAY_LEAD,
    YEAR_LEAD,
    YEAR_ONLY,
    may_name_a_part,
)
from knowledge.extract.dates.vocabulary import (
    BETWEEN_WORDS,
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
    _Scanner("part", PART, ".,-", PART_LEAD, ("pre",)),
)
# Triggers of the scanners whose patterns are case-insensitive (see `patterns`).
_TRIGGERS = {"relative": RELATIVE_TRIGGERS, "part": PART_TRIGGERS}
_LEAD_WINDOW = 48  # characters before a core searched for its lead words
# Kinds whose value is a stated day, fit to become the narrative anchor.
DAY_KINDS = frozenset({"iso", "numeric", "day_month", "month_day"})
# Kinds that state a calendar value rather than count from one.
STATED_KINDS = DAY_KINDS | {"monthlike", "year", "weekday", "part"}
# "Minggu" is also "week": "minggu lalu", "minggu ketiga", "minggu ke-2".
_MINGGU_AS_WEEK = re.compile(rf"\s+(?i:ke-?\w*|{alternation(MINGGU_AS_WEEK)})\b")
# Capitalised words that may stand before a weekday without making it part of a name
# ("Pada Senin", "Dan Minggu"; "hari" and "on" as in "Hari Senin", "On Monday").
_NOT_NAME_WORDS = frozenset({*CUES, *RANGE_JOINERS, "hari", "on"})
_BETWEEN = frozenset(BETWEEN_WORDS)


def scan(text: str) -> list[Raw]:
    """All candidate date expressions of `text` in order, overlaps settled: the earliest start
    wins, then the longest.

    A candidate glued to the word before it ("GPT-5", "6.5") is no date, unless the glue is a
    dash right after another date: the second half of a range ("Senin-Rabu", "30 Oktober-2
    November 2023", "2019-2021").
    """
    found: list[tuple[int, int, Raw, bool]] = []
    for scanner in _SCANNERS:
        if scanner.kind == "part" and not may_name_a_part(text, text.lower()):
            continue
        for m in _candidates(text, scanner):
            if scanner.kind == "day_month" and m["to"] and not _opens_range(text, m, scanner):
                m = _last_day(text, m)
            start = m.start()
            raw = _with_lead(text, scanner, m)
            after_dash = False
            if raw.lead is None and _glued(text, start, scanner):
                # "mid-2031" is led; "GPT-5" and "6.5" are glued
                if text[start - 1] not in DASHES:
                    continue
                after_dash = True
            if scanner.kind == "weekday" and _not_a_day(text, m):
                continue
            found.append((raw.lead.start() if raw.lead else start, -m.end(), raw, after_dash))
    found.sort(key=lambda item: (item[0], item[1]))
    chosen: list[Raw] = []
    last_end = -1
    for start, neg_end, raw, after_dash in found:
        if start < last_end:
            continue
        if after_dash and (not chosen or text[chosen[-1].end : start - 1].strip()):
            continue
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
    triggers = _TRIGGERS.get(scanner.kind)
    if triggers is None:
        yield from scanner.pattern.finditer(text)
        return
    for trigger in triggers:
        for t in trigger.finditer(text):
            m = scanner.pattern.match(text, t.start())
            if m is not None:
                yield m


def _with_lead(text: str, scanner: _Scanner, m: re.Match[str]) -> Raw:
    start = m.start()
    if scanner.lead is None or (scanner.kind == "relative" and not (m["runit"] or m["edir"])):
        return Raw(scanner.kind, m, start, m.end())
    if scanner.kind == "part" and not m["season"]:
        return Raw(scanner.kind, m, start, m.end())
    lead = scanner.lead.search(text, max(0, start - _LEAD_WINDOW), start)
    if lead is None or lead.start() == start:
        return Raw(scanner.kind, m, start, m.end())
    span_start = next((lead.start(k) for k in scanner.keep if lead.start(k) >= 0), start)
    return Raw(scanner.kind, m, span_start, m.end(), lead)


def _glued(text: str, start: int, scanner: _Scanner) -> bool:
    """Whether the candidate at `start` sticks to the word or number before it."""
    return start > 0 and (text[start - 1].isalnum() or text[start - 1] in scanner.not_after)


def _opens_range(text: str, m: re.Match[str], scanner: _Scanner) -> bool:
    """Whether a day range's first day stands free, and a list word ("3 dan 5 Mei") follows
    "antara"/"between" ("antara 3 dan 5 Mei" is a range; "3 dan 5 Mei" lists two days)."""
    if _glued(text, m.start(), scanner):  # "2016 dan 24 Maret": the "16" is part of a year
        return False
    return not m["list"] or _after_between(text, m.start())


def _last_day(text: str, m: re.Match[str]) -> re.Match[str]:
    """The date from a range candidate's last day on ("5 Mei" of "3 dan 5 Mei")."""
    while m["to"]:
        tail = DAY_MONTH.match(text, m.start("to"))
        if tail is None:  # cannot happen: the tail is what matched
            break
        m = tail
    return m


def _after_between(text: str, start: int) -> bool:
    """Whether "antara" or "between" (range_joiners.yaml) is the word before `start`."""
    words = text[max(0, start - 12) : start].split()
    return bool(words) and words[-1].lower() in _BETWEEN


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

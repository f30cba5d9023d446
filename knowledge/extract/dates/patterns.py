"""The regular expressions that find date expressions, compiled at import from the vocabulary.

Each scanner pattern starts at a literal (a month or weekday name, a year, a digit, a keyword)
so that the regex engine can skip ahead through text that holds no date; the optional words
before a date ("pada", "awal", "bulan") are read afterwards by a LEAD pattern anchored at the
core's start (`$` at the search's end position). Group names are what the resolvers read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from knowledge.extract.dates.vocabulary import (
    AFTER_MONTH,
    AFTER_WEEKDAY,
    AFTER_YEAR,
    BULAN_LALU,
    COUNT_AGO,
    COUNT_AHEAD,
    COUNT_COMING,
    COUNT_EARLIER,
    COUNT_LATER,
    COUNT_PAST_SPAN,
    COUNT_WITHIN,
    COUNTED_PARTS,
    COUNTS,
    CUES,
    INDONESIAN_UNITS,
    LAST_MONTH,
    LIST_WORDS,
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    NARRATIVE_DAYS,
    NUMBER_PREFIXES,
    NUMBER_WORDS,
    PART_ORDINALS,
    PERIOD_MODIFIERS,
    RANGE_WORDS,
    RELATIVE_PERIOD_MODIFIERS,
    SEASONS,
    SPOKEN_DAYS,
    TIMES_OF_DAY,
    UNITS,
    WEEKDAYS,
)
from knowledge.patterns import alternation
from knowledge.patterns import trie as trie_pattern

# -- building alternations -------------------------------------------------------------------


def all_cases(words: Iterable[str]) -> set[str]:
    """Each word as written, capitalised and upper-cased."""
    return {form for w in words for form in (w, w[0].upper() + w[1:], w.upper())}


def capitalised(words: Iterable[str], suffix: str = "", *, upper: bool = True) -> str:
    """An alternation of the title-case (and, with `upper`, upper-case) forms, longest first.

    A flat alternation of capitalised literals lets the regex engine skip ahead to capital
    letters, which makes scanning several times faster than a case-insensitive pattern.
    """
    forms: set[str] = set()
    for word in words:
        forms.add(word[0].upper() + word[1:])
        if upper:
            forms.add(word.upper())
    ordered = sorted(forms, key=len, reverse=True)
    return "|".join(re.escape(f) + suffix for f in ordered)


# -- pieces ------------------------------------------------------------------------------------

# Only an abbreviation takes a period ("Nov. 22"); after a full name it ends the sentence. An
# abbreviation in capitals is an acronym far more often than a month ("MRT 2019", "DES").
_ABBR_DOT = capitalised(MONTH_ABBREVIATIONS, suffix=r"\.?", upper=False)
_MONTH_RE = rf"(?:{capitalised(MONTH_NAMES)}|{_ABBR_DOT})(?![A-Za-z])"
_WEEKDAY_RE = rf"(?:{capitalised(WEEKDAYS)})(?![\w'’])"
_YEAR_RE = r"(?:1[89]|20)\d{2}"
_DAY_RE = r"\d\d?"  # a class first lets the engine skip ahead; date() rejects day 45
_ORD = r"(?:st|nd|rd|th)?"
_MOD = alternation(PERIOD_MODIFIERS)
_CUE = alternation(CUES)
_TOD = alternation(TIMES_OF_DAY)
_NUM = "|".join(sorted(COUNTS, key=len, reverse=True))
_UNIT = alternation(UNITS)
# What joins the two days of a range ("17-21", "1 s.d. 8", "3 hingga 5"; range_joiners.yaml).
DASHES = "-\u2013\u2014"
# Word lists here are prefix trees of their written forms (see `capitalised`): a digit followed
# by anything else is rejected on one character.
_JOIN = rf"(?:[{DASHES}]|(?:{trie_pattern(all_cases(RANGE_WORDS))})(?!\w))"
_LIST = rf"(?:{trie_pattern(all_cases(LIST_WORDS))})(?!\w)"
# A phrase after a year-less date that places it ("Juli lalu", "9 Okt mendatang").
_AFTER_MONTH = alternation(w for words in AFTER_MONTH.values() for w in words)
_YEAR_OR_REL = rf"(?:,?\s+(?P<year>{_YEAR_RE})(?!\d)|\s+(?P<rel>(?i:{_AFTER_MONTH}))(?![\w-]))?"
_THIS_YEAR = alternation(
    w for key in ("this_year", "last_year", "next_year") for w in AFTER_MONTH[key]
)

# -- scanner patterns --------------------------------------------------------------------------

ISO = re.compile(
    rf"(?P<year>{_YEAR_RE})(?P<sep>[-/])(?P<mon>[01]?\d)(?P=sep)(?P<day>{_DAY_RE})"
    r"(?!\d)"
)
NUMERIC = re.compile(
    rf"(?P<day>{_DAY_RE})(?P<sep>[/.-])(?P<mon>[01]?\d)(?P=sep)"
    rf"(?P<year>{_YEAR_RE}|\d{{2}})(?!\d|[/.-]\d)"
)
# "17 November 2023", "5 Juni", "9 Okt mendatang"; with a first day before it a range: "17-21
# November 2023", "1 s.d. 8 Oktober", "3 hingga 5 Mei", "from 3 to 5 May", and with a list word
# ("3 dan 5 Mei") only after "antara"/"between" (`scanning` checks the words before).
DAY_MONTH = re.compile(
    rf"(?P<day>{_DAY_RE}){_ORD}(?:\s*(?:{_JOIN}|(?P<list>{_LIST}))"
    rf"\s*(?P<to>{_DAY_RE}){_ORD})?\s+(?:(?i:of)\s+)?(?P<mon>{_MONTH_RE}){_YEAR_OR_REL}"
)
MONTH_DAY = re.compile(
    rf"(?P<mon>{_MONTH_RE})\s+(?P<day>{_DAY_RE}){_ORD}"
    rf"(?:\s*{_JOIN}\s*(?P<to>{_DAY_RE}){_ORD})?(?![\d.,:]\d|\d)"
    rf"(?:,?\s+(?P<year>{_YEAR_RE})(?!\d))?"
)
MONTHLIKE = re.compile(
    rf"(?P<mon>{_MONTH_RE})"
    rf"(?:,?\s+(?:(?i:tahun)\s+)?(?P<year>{_YEAR_RE})(?![\d]|[.,]\d)|(?![.]?\s*\d))"
    rf"(?:\s+(?P<rel>(?i:{_AFTER_MONTH}))(?![\w-]))?"
)
MONTH_LEAD = re.compile(
    rf"(?i)(?:\b(?P<cue>{_CUE})\s+)?(?:\b(?P<mod>{_MOD})(?:\s+|-))?"
    r"(?:\b(?P<bulan>bulan|month\s+of)\s+)?$"
)
YEAR_ONLY = re.compile(
    rf"(?P<year>{_YEAR_RE})(?!\d|[.,]\d|\s*%|-?an\b)"
    rf"(?:\s+(?P<rel>(?i:{alternation(AFTER_YEAR)}))(?![\w-]))?"
)
# "di" introduces a year ("di 2019") but not a month name, where it is more often a place
# ("di Juli's").
YEAR_LEAD = re.compile(
    rf"(?i)(?:\b(?P<cue>{_CUE}|di)\s+)?(?:\b(?P<mod>{_MOD})(?:\s+|-))?"
    r"(?:\b(?P<tahun>tahun|the\s+year)\s+)?$"
)
WEEKDAY = re.compile(
    rf"(?P<wd>{_WEEKDAY_RE})(?:\s+(?P<past>(?i:{alternation(AFTER_WEEKDAY)}))(?![\w-]))?"
    rf"(?:\s+(?i:{_TOD})(?=\s*,?\s*[(\d]))?"  # "Minggu pagi, 10 Maret"
    r"(?:"
    rf"\s*,?\s*(?:(?i:tanggal|tgl\.?)\s*)?(?P<day>{_DAY_RE}){_ORD}\s+(?P<mon>{_MONTH_RE})"
    rf"(?:,?\s+(?P<year>{_YEAR_RE})(?!\d))?"
    rf"|\s*,?\s*\(\s*(?P<pday>{_DAY_RE})\s*/\s*(?P<pmon>[01]?\d)"
    rf"(?:\s*/\s*(?P<pyear>{_YEAR_RE}|\d{{2}}))?\s*\)"
    rf"|,?\s+(?P<emon>{_MONTH_RE})\s+(?P<eday>{_DAY_RE}){_ORD}(?!\d)"
    rf"(?:,?\s+(?P<eyear>{_YEAR_RE})(?!\d))?"
    r")?"
    rf"(?:\s+(?P<tod>(?i:{_TOD}))(?![\w-]))?"
)
WEEKDAY_LEAD = re.compile(r"(?i)(?:\b(?P<hari>hari)\s+)?$")
_COUNT = rf"(?:\d{{1,2}}|{_NUM})"
_DIRECTIONS = COUNT_LATER + COUNT_EARLIER + COUNT_AGO + COUNT_AHEAD + COUNT_COMING
# Right after "dalam", "within", "in" (relative_counts.yaml): a look-behind per form, so that the
# count itself starts the match and its existing triggers find it.
_AFTER_WITHIN = (
    "(?P<within>"
    + "|".join(rf"(?<={re.escape(w)}\s)" for w in sorted(all_cases(COUNT_WITHIN)))
    + ")"
)
RELATIVE = re.compile(
    r"(?ix)(?:"
    rf"(?P<spoken>{alternation(SPOKEN_DAYS)})"
    rf"|(?P<narrative>{alternation(NARRATIVE_DAYS)})"
    rf"|(?P<n>{_COUNT})\s*(?P<unit>{_UNIT})"
    rf"\s+(?P<dir>{alternation(_DIRECTIONS)})"
    rf"|{_AFTER_WITHIN}(?P<wn>{_COUNT})\s*(?P<wunit>{_UNIT})"
    rf"(?!\s+{alternation(COUNT_PAST_SPAN)}(?![\w-]))(?:\s+(?P<wcoming>{alternation(COUNT_COMING)}))?"
    rf"|(?P<runit>{alternation(BULAN_LALU.units)})\s+(?P<rdir>{alternation(BULAN_LALU.offsets)})"
    rf"|(?P<edir>{alternation(LAST_MONTH.offsets)})\s+(?P<eunit>{alternation(LAST_MONTH.units)})"
    r")(?![\w-])"
)
RELATIVE_LEAD = re.compile(rf"(?i)(?:\b(?P<mod>{alternation(RELATIVE_PERIOD_MODIFIERS)})\s+)?$")


# "musim panas 2026", "the summer of 2026", "musim dingin lalu", "kuartal III 2024",
# "semester pertama tahun ini", "the second half of 2025", "Q1 2024" (date_parts.yaml).
_ORDINAL = alternation(PART_ORDINALS)
PART = re.compile(
    r"(?i)(?:"
    rf"(?P<season>{alternation(SEASONS)})(?:\s+(?:of\s+)?(?:(?:tahun|the\s+year)\s+)?"
    rf"(?P<syear>{_YEAR_RE})(?!\d)|\s+(?P<srel>{_AFTER_MONTH})(?![\w-]))?"
    rf"|(?P<counted>{alternation(COUNTED_PARTS)})\s+(?:ke-?\s*)?(?P<ord>{_ORDINAL})(?!\w)"
    rf"(?:(?:\s*[-/]\s*|\s+(?:of\s+)?(?:tahun\s+)?)(?P<cyear>{_YEAR_RE})(?!\d)"
    rf"|\s+(?P<crel>{_THIS_YEAR})(?![\w-]))?"
    rf"|(?P<eord>{_ORDINAL})[\s-]+(?P<ecounted>{alternation(COUNTED_PARTS)})\s+of\s+"
    rf"(?:(?P<eyear>{_YEAR_RE})(?!\d)|(?P<erel>{_THIS_YEAR})(?![\w-]))"
    rf"|(?P<short>[QH])(?P<sn>[1-4])(?:\s+|\s*[-/]\s*)(?P<shyear>{_YEAR_RE})(?!\d)"
    r")"
)
PART_LEAD = re.compile(rf"(?i)(?:\b(?P<pre>{alternation(LAST_MONTH.offsets)})\s+)?$")


def _first_words() -> set[str]:
    """The first word of every relative expression, to find candidates fast."""
    phrases = [*SPOKEN_DAYS, *NARRATIVE_DAYS, *BULAN_LALU.units, *LAST_MONTH.offsets]
    prefixed = [p + unit for p in NUMBER_PREFIXES for unit in INDONESIAN_UNITS]
    return {p.split()[0] for p in phrases} | set(NUMBER_WORDS) | set(prefixed)


def _part_words() -> set[str]:
    """The first word of every part expression that starts with a word."""
    ordinals = {w for w in PART_ORDINALS if w.isalpha() and len(w) > 4}
    return {p.split()[0] for p in (*SEASONS, *COUNTED_PARTS)} | ordinals


# Relative expressions are case-insensitive, which the engine cannot skip through fast: their
# first words are found case-sensitively (see `capitalised`), then the full pattern is matched.
RELATIVE_TRIGGERS = (
    re.compile(rf"(?:{trie_pattern(all_cases(_first_words()))})(?![\w-])"),
    re.compile(rf"\d\d?\s*(?i:{_UNIT})"),
)
_SHORT_PART = re.compile(r"[QH][1-4]\b")  # "Q1 2024", "H2 2025"
PART_TRIGGERS = (re.compile(rf"(?:{trie_pattern(all_cases(_part_words()))})(?![\w-])"), _SHORT_PART)
# Lower-case words one of which a text must hold (or a short form) for a part to be looked
# for at all: finding them with `in` costs far less than running the triggers over every text.
# (An English ordinal leads a part only before a counted word: "the first quarter of 2024".)
_PART_GATE_WORDS = tuple(sorted({*SEASONS, *COUNTED_PARTS}))


def may_name_a_part(text: str, lowered: str) -> bool:
    """Whether `text` (and `lowered`, the same in lower case) may hold a part of a period."""
    return any(w in lowered for w in _PART_GATE_WORDS) or _SHORT_PART.search(text) is not None

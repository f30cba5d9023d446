"""Rule-based tagger for Indonesian and English date expressions in news text.

`tag_dates` finds every date expression, in text order, and resolves it to a calendar value
with a granularity (day, month, year). Resolution keeps two reference points:

* the **narrative anchor**: the last explicit day-level date stated in the running text (a
  "17 November 2023", a "Jumat (11/7/2025)", or a weekday heading of a chronology). Dates on
  metadata lines (tweet attributions "— Name (@handle) 26 September 2024", "updated on ...")
  are tagged but never become the anchor: they date the quote or the page, not the story.
  Until the text states such a date, the anchor is the publication date.
* the **publication date** (`published`): deictic expressions ("kemarin", "bulan lalu",
  "tahun ini", "pekan depan", "Juli lalu") are spoken from the day the article appeared.

Callers should pass `publication_date(text, metadata_date)` as `published`. When nothing
anchors a year, year-less dates are kept with `year_known=False` and year 1; expressions that
cannot be placed at all without a reference (weekdays, "kemarin", "bulan lalu") are dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from knowledge.models import DateMention, DateValue

Granularity = Literal["day", "month", "year"]

# -- vocabulary ------------------------------------------------------------------------------

_MONTH_FULL: dict[str, int] = {
    "januari": 1, "january": 1,
    "februari": 2, "pebruari": 2, "february": 2,
    "maret": 3, "march": 3,
    "april": 4,
    "mei": 5, "may": 5,
    "juni": 6, "june": 6,
    "juli": 7, "july": 7,
    "agustus": 8, "august": 8,
    "september": 9,
    "oktober": 10, "october": 10,
    "november": 11, "nopember": 11,
    "desember": 12, "december": 12,
}  # fmt: skip
_MONTH_ABBR: dict[str, int] = {
    "jan": 1, "feb": 2, "peb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
    "agu": 8, "agt": 8, "ags": 8, "agst": 8, "aug": 8, "sep": 9, "sept": 9,
    "okt": 10, "oct": 10, "nov": 11, "des": 12, "dec": 12,
}  # fmt: skip
_MONTHS: dict[str, int] = {**_MONTH_FULL, **_MONTH_ABBR}

# A month name alone ("rilis Desember") is a date only when the word means nothing else.
# "Mei", "Juni", "Juli", "April", "Agustus" are also given names; "May", "March", "August"
# are English words; abbreviations collide with names ("Jan Leike").
_BARE_SAFE = frozenset(
    {"januari", "februari", "pebruari", "maret", "september", "oktober", "november"}
    | {"nopember", "desember", "january", "february", "october", "december"}
)

_WEEKDAYS: dict[str, int] = {
    "senin": 0, "monday": 0, "selasa": 1, "tuesday": 1, "rabu": 2, "wednesday": 2,
    "kamis": 3, "thursday": 3, "jumat": 4, "jum'at": 4, "jum’at": 4, "friday": 4,
    "sabtu": 5, "saturday": 5, "minggu": 6, "ahad": 6, "sunday": 6,
}  # fmt: skip

_NUMBER_WORDS: dict[str, int] = {
    "se": 1, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11, "a": 1, "an": 1, "one": 1,
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

# Words before "tahun lalu"/"hari ini" that make the phrase a count ("beberapa tahun lalu").
_QUANTIFIERS = frozenset(
    {"beberapa", "banyak", "puluhan", "ratusan", "berapa", "sekian", "several", "few", "many"}
    | {k for k in _NUMBER_WORDS if len(k) > 2}
)

_MONTHS_ID = (
    *("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus"),
    *("September", "Oktober", "November", "Desember"),
)
_MONTHS_EN = (
    *("January", "February", "March", "April", "May", "June", "July", "August"),
    *("September", "October", "November", "December"),
)


_Trie = dict[str, "_Trie"]


def _trie_pattern(words: Iterable[str]) -> str:
    """An alternation of many words as a prefix tree: each position costs one branch on the
    first letter instead of one attempt per word."""
    trie: _Trie = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: _Trie) -> str:
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        if "" not in node and len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")

    return build(trie)


def _all_cases(words: Iterable[str]) -> set[str]:
    return {form for w in words for form in (w, w[0].upper() + w[1:], w.upper())}


def _word_alternation(words: Iterable[str], suffix: str = "") -> str:
    """Title-case and upper-case forms, longest first.

    A flat alternation of capitalised literals lets the regex engine skip ahead to capital
    letters, which makes scanning several times faster than a case-insensitive pattern.
    """
    forms: set[str] = set()
    for word in words:
        forms.update((word[0].upper() + word[1:], word.upper()))
    ordered = sorted(forms, key=len, reverse=True)
    return "|".join(re.escape(f) + suffix for f in ordered)


# Only an abbreviation takes a period ("Nov. 22"); after a full name it ends the sentence.
_ABBR_DOT = _word_alternation(_MONTH_ABBR, suffix=r"\.?")
_MONTH_RE = rf"(?:{_word_alternation(_MONTH_FULL)}|{_ABBR_DOT})(?![A-Za-z])"
_WEEKDAY_RE = rf"(?:{_word_alternation(_WEEKDAYS)})(?![\w'’])"
_YEAR_RE = r"(?:1[89]|20)\d{2}"
_DAY_RE = r"\d\d?"  # a class first lets the engine skip ahead; date() rejects day 45
_ORD = r"(?:st|nd|rd|th)?"
_MOD = r"awal|akhir|pertengahan|medio|early|late|mid"
_CUE = (
    r"pada|sejak|semenjak|hingga|sampai|jelang|menjelang|selama|sepanjang|per|mulai|dari"
    r"|sebelum|setelah|sesudah|in|since|until|till|by|during|from|before|after"
)
_TOD = r"pagi|siang|sore|malam|dini\s+hari|morning|afternoon|evening|night"
_NUM = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))

_FUTURE = re.compile(
    r"(?i)\b(?:akan|bakal|hendak|rencana\w*|direncanakan|dijadwalkan|jadwal\w*|target\w*"
    r"|ditargetkan|mendatang|will|shall|plan(?:s|ned)?|scheduled|upcoming|is\s+set\s+to)\b"
)

# A deictic word right after a date ("26 Mei mendatang") places it ahead of the anchor.
_FUTURE_AFTER = re.compile(
    r"(?i)\s+(?:mendatang|nanti|yang\s+akan\s+datang|depan|to\s+come|ahead)\b"
)
# English weekday names sit in titles ("Friday the 13th", "Black Friday"); in Indonesian text
# one counts as a date only after "on", "last", "next" or "this".
_EN_WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)
_EN_WEEKDAY_CUE = re.compile(r"(?i)\b(?:on|last|next|this|every|by|until|since)\s+$")

# -- patterns ----------------------------------------------------------------------------------

_ISO = re.compile(
    rf"(?P<year>{_YEAR_RE})(?P<sep>[-/])(?P<mon>[01]?\d)(?P=sep)(?P<day>{_DAY_RE})"
    r"(?!\d)"
)
_NUMERIC = re.compile(
    rf"(?P<day>{_DAY_RE})(?P<sep>[/.-])(?P<mon>[01]?\d)(?P=sep)"
    rf"(?P<year>{_YEAR_RE}|\d{{2}})(?!\d|[/.-]\d)"
)
_DAY_MONTH = re.compile(
    rf"(?P<day>{_DAY_RE}){_ORD}\s+(?:(?i:of)\s+)?(?P<mon>{_MONTH_RE})"
    rf"(?:,?\s+(?P<year>{_YEAR_RE})(?!\d))?"
)
_MONTH_DAY = re.compile(
    rf"(?P<mon>{_MONTH_RE})\s+(?P<day>{_DAY_RE}){_ORD}(?![\d.,:]\d|\d)"
    rf"(?:,?\s+(?P<year>{_YEAR_RE})(?!\d))?"
)
# A count noun after "Mei 10" makes the number a quantity, not a day.
_COUNT_AFTER = re.compile(
    r"\s*(?:%|(?i:persen|tahun|bulan|hari|jam|menit|orang|unit|kali|years?|months?|days?"
    r"|hours?|people|percent|times)\b)"
)
# Patterns start at a literal (a month, a year, a weekday, a keyword) so the engine can skip
# ahead; the optional words before them ("pada", "awal", "bulan") are read by a LEAD pattern
# anchored at the core's start.
_MONTHLIKE = re.compile(
    rf"(?P<mon>{_MONTH_RE})"
    rf"(?:,?\s+(?:(?i:tahun)\s+)?(?P<year>{_YEAR_RE})(?![\d]|[.,]\d)|(?![.]?\s*\d))"
    r"(?:\s+(?P<rel>(?i:yang\s+lalu|lalu|silam|kemarin|mendatang|nanti|depan|ini"
    r"|tahun\s+(?:ini|lalu|depan|kemarin)|last\s+year|this\s+year|next\s+year))(?![\w-]))?"
)
_MONTH_LEAD = re.compile(
    rf"(?i)(?:\b(?P<cue>{_CUE})\s+)?(?:\b(?P<mod>{_MOD})(?:\s+|-))?"
    r"(?:\b(?P<bulan>bulan|month\s+of)\s+)?$"
)
_YEAR_ONLY = re.compile(
    rf"(?P<year>{_YEAR_RE})(?!\d|[.,]\d|\s*%|-?an\b)"
    r"(?:\s+(?P<rel>(?i:silam|yang\s+lalu|lalu))(?![\w-]))?"
)
_YEAR_LEAD = re.compile(
    rf"(?i)(?:\b(?P<cue>{_CUE}|di)\s+)?(?:\b(?P<mod>{_MOD})(?:\s+|-))?"
    r"(?:\b(?P<tahun>tahun|the\s+year)\s+)?$"
)
_LAW_NUMBER = re.compile(r"(?i)(?:nomor|no\.?)\s*\d+\s*$")
_WEEKDAY = re.compile(
    rf"(?P<wd>{_WEEKDAY_RE})(?:\s+(?P<past>(?i:lalu|kemarin|yang\s+lalu))(?![\w-]))?"
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
_RECURRING = frozenset({"setiap", "tiap", "saban", "every", "each", "tiap-tiap"})
_LEAD_WORDS = frozenset(set(_CUE.split("|")) | {"hari", "on", "pada", "and", "dan", "or", "atau"})
_WEEKDAY_LEAD = re.compile(r"(?i)(?:\b(?:pada|on)\s+)?(?:\b(?P<hari>hari)\s+)?$")
# "Minggu" is also "week": "minggu lalu", "minggu ketiga", "dua Minggu".
_WEEK_NOT_SUNDAY = re.compile(
    r"\s+(?i:ke-?\w*|pertama|terakhir|lalu|ini|depan|berikutnya|sebelumnya|kemarin|yang)\b"
)
_RELATIVE = re.compile(
    r"(?ix)(?:"
    r"(?P<today>hari\s+ini|pagi\s+ini|siang\s+ini|sore\s+ini|malam\s+ini|today|this\s+morning"
    r"|tonight|this\s+evening)"
    r"|(?P<yesterday>kemarin(?:\s+(?:pagi|siang|sore|malam))?|yesterday|last\s+night"
    r"|tadi\s+malam)"
    r"|(?P<tomorrow>besok(?:\s+(?:pagi|siang|sore|malam))?|esok\s+hari|tomorrow)"
    r"|(?P<lusa>lusa)"
    r"|(?P<nextday>keesokan\s+harinya|esok\s+harinya|the\s+(?:next|following)\s+day)"
    r"|(?P<prevday>the\s+day\s+before|the\s+previous\s+day)"
    rf"|(?P<n>\d{{1,2}}|{_NUM})\s*(?P<unit>hari|pekan|minggu|bulan|tahun|days?|weeks?|months?"
    r"|years?)\s+(?P<dir>kemudian|sesudahnya|setelahnya|sebelumnya|yang\s+lalu|lalu|silam"
    r"|later|earlier|before|after|ago)"
    r"|(?P<runit>bulan|tahun|pekan|minggu)\s+(?P<rdir>lalu|ini|depan|kemarin|mendatang)"
    r"|(?P<edir>last|this|next|past)\s+(?P<eunit>week|month|year)"
    r")(?![\w-])"
)
# The first word of every relative expression, to find candidates fast (see _word_alternation).
_RELATIVE_FIRST = (
    *("hari", "pagi", "siang", "sore", "malam", "today", "this", "tonight", "kemarin"),
    *("yesterday", "last", "tadi", "besok", "esok", "tomorrow", "lusa", "keesokan", "the"),
    *("bulan", "tahun", "pekan", "minggu", "next", "past", "sehari", "sepekan", "seminggu"),
    *("sebulan", "setahun", *(w for w in _NUMBER_WORDS if len(w) > 2)),
)
_RELATIVE_TRIGGERS = (
    re.compile(rf"(?:{_trie_pattern(_all_cases(_RELATIVE_FIRST))})(?![\w-])"),
    re.compile(r"\d\d?\s*(?i:hari|pekan|minggu|bulan|tahun|day|week|month|year)"),
)
_RELATIVE_LEAD = re.compile(
    r"(?i)(?:\b(?P<mod>awal|akhir|pertengahan|earlier|later|early|late|end\s+of)\s+)?$"
)
_SENTENCE_END = re.compile(r"[.!?\n]")
_META_LINE = re.compile(
    r"^\s*(?:[—–-]|&mdash;)|\(@\w+\)"
    r"|(?i:diperbarui|diperbaharui|diupdate|updated|published|dipublikasikan|diterbitkan|posted)"
)
_HEADING_FRAME = re.compile(r"[\s*#_>:.]*")

# -- small date arithmetic -------------------------------------------------------------------


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _add_months(value: date, months: int) -> date:
    index = value.year * 12 + value.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _monday(value: date) -> date:
    return value - timedelta(days=value.weekday())


def _on_or_before(base: date, weekday: int) -> date:
    return base - timedelta(days=(base.weekday() - weekday) % 7)


def _on_or_after(base: date, weekday: int) -> date:
    return base + timedelta(days=(weekday - base.weekday()) % 7)


def _strictly_after(base: date, weekday: int) -> date:
    return base + timedelta(days=(weekday - base.weekday() - 1) % 7 + 1)


def _two_digit_year(text: str) -> int:
    year = int(text)
    return year if year >= 100 else 2000 + year if year < 70 else 1900 + year


# -- resolution --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Value:
    value: date
    granularity: Granularity
    explicit_year: bool = True
    year_known: bool = True


@dataclass(frozen=True)
class _Raw:
    kind: str
    match: re.Match[str]
    start: int  # span of the mention (prepositions like "pada" left out)
    end: int
    lead: re.Match[str] | None = None  # the words before the core ("pada", "awal", "bulan")

    def before(self, name: str) -> str | None:
        """A group of the lead pattern, or None."""
        return None if self.lead is None else self.lead[name]


@dataclass
class _Context:
    """What resolution knows at one point of the text."""

    text: str
    published: date | None
    anchor: date | None = None  # last explicit day-level date in the running text
    # Year-less items of a list or range that ends in a year: "13 Januari dan 3 Maret 2019".
    carried: dict[int, int] = field(default_factory=dict)
    # The last date stated at any granularity: "dua tahun sebelumnya" counts from it.
    last: _Value | None = None
    _ends: list[int] | None = field(default=None, repr=False)

    def reference(self) -> date | None:
        return self.anchor or self.published

    def weekday_base(self) -> tuple[date | None, bool]:
        """The anchor for a weekday, and whether it came from the text.

        A text anchor far from the publication date is background ("lahir 17 Agustus 1945"),
        not the story's week, so weekdays then fall back to the publication date.
        """
        a, p = self.anchor, self.published
        if a is not None and (p is None or p - timedelta(days=31) <= a <= p + timedelta(days=7)):
            return a, True
        return p, False

    def sentence_bounds(self, start: int, end: int) -> tuple[int, int]:
        if self._ends is None:
            self._ends = [m.end() for m in _SENTENCE_END.finditer(self.text)]
        i = bisect_right(self._ends, start)
        left = self._ends[i - 1] if i else 0
        j = bisect_right(self._ends, max(end - 1, start))
        right = self._ends[j] if j < len(self._ends) else len(self.text)
        return left, right

    def is_future(self, raw: _Raw) -> bool:
        """Whether a plan word leads up to the date in its sentence ("akan digelar Sabtu").

        Only words before the date count: in "Pada hari Rabu, dia mengumumkan akan mundur"
        the plan is the resignation, the date is the announcement's.
        """
        left, _ = self.sentence_bounds(raw.start, raw.end)
        return (
            _FUTURE.search(self.text, left, raw.start) is not None
            or _FUTURE_AFTER.match(self.text, raw.end) is not None
        )


def _line_of(text: str, start: int, end: int) -> str:
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return text[left : right if right >= 0 else len(text)]


def _is_meta_line(text: str, raw: _Raw) -> bool:
    line = _line_of(text, raw.start, raw.end)
    return len(line) < 160 and _META_LINE.search(line) is not None


def _is_heading(text: str, raw: _Raw) -> bool:
    """A line holding nothing but a weekday: a section of a day-by-day chronology."""
    line = _line_of(text, raw.start, raw.end)
    left = text.rfind("\n", 0, raw.start) + 1
    before, after = line[: raw.start - left], line[raw.end - left :]
    return bool(_HEADING_FRAME.fullmatch(before) and _HEADING_FRAME.fullmatch(after))


def _infer_year(month: int, day: int | None, anchor: date, future: bool) -> int:
    """The year of a year-less date, from the narrative anchor.

    News narrates the past: a month clearly after the anchor (a later month; for a day, more
    than a week later) is last year's, unless the sentence speaks of plans ("akan",
    "jadwal", "target", "mendatang", "will", "planned"), then it is the anchor's year. A
    planned date three or more months before the anchor is next year's.
    """
    offset = (month - anchor.month) * 31 + ((day or anchor.day) - anchor.day)
    clearly_after = month > anchor.month if day is None else offset > 7
    if clearly_after:
        return anchor.year if future else anchor.year - 1
    if future and anchor.month - month >= 3:
        return anchor.year + 1
    return anchor.year


def _partial(ctx: _Context, raw: _Raw, month: int, day: int | None) -> _Value | None:
    """A year-less day or month, placed by the narrative anchor."""
    reference = ctx.reference()
    granularity: Granularity = "month" if day is None else "day"
    carried = ctx.carried.get(raw.start)
    if carried is not None:
        value = _safe_date(carried, month, day or 1)
        return None if value is None else _Value(value, granularity)
    if reference is None:
        value = _safe_date(1, month, day or 1)
        return None if value is None else _Value(value, granularity, False, False)
    year = _infer_year(month, day, reference, ctx.is_future(raw))
    value = _safe_date(year, month, day or 1)
    return None if value is None else _Value(value, granularity, explicit_year=False)


def _full_or_partial(
    ctx: _Context, raw: _Raw, year: str | None, month: int, day: int, weekday: int | None = None
) -> _Value | None:
    if year is not None:
        value = _safe_date(_two_digit_year(year), month, day)
        return None if value is None else _Value(value, "day")
    if weekday is None:
        return _partial(ctx, raw, month, day)
    # "Senin (27/3)" is the news-current dateline form: it belongs near the publication
    # date, not near a background date the text stated earlier.
    base, _ = ctx.weekday_base()
    saved, ctx.anchor = ctx.anchor, base
    try:
        found = _partial(ctx, raw, month, day)
    finally:
        ctx.anchor = saved
    if found is None or not found.year_known:
        return found
    # The weekday settles an inferred year when the anchor guessed wrong ("Senin (27/3)").
    for shift in (0, -1, 1):
        candidate = _safe_date(found.value.year + shift, month, day)
        if candidate is not None and candidate.weekday() == weekday:
            return _Value(candidate, "day", explicit_year=found.explicit_year and not shift)
    return found


def _month_number(word: str) -> int:
    return _MONTHS[word.rstrip(".").lower()]


def _resolve_iso(ctx: _Context, raw: _Raw) -> _Value | None:
    g = raw.match
    value = _safe_date(int(g["year"]), int(g["mon"]), int(g["day"]))
    return None if value is None else _Value(value, "day")


def _resolve_numeric(ctx: _Context, raw: _Raw) -> _Value | None:
    g = raw.match
    if g["sep"] != "/" and len(g["year"]) != 4:
        return None  # "11-7-25" reads as a score or a code, not a date
    value = _safe_date(_two_digit_year(g["year"]), int(g["mon"]), int(g["day"]))
    return None if value is None else _Value(value, "day")


def _resolve_day_month(ctx: _Context, raw: _Raw) -> _Value | None:
    g = raw.match
    word = g["mon"].rstrip(".").lower()
    if g["year"] is None:
        # "Jan 5" may be a name and a number; only "Jan. 5" reads as a date.
        if word in _MONTH_ABBR and not (raw.kind == "month_day" and g["mon"].endswith(".")):
            return None
        if raw.kind == "month_day" and _COUNT_AFTER.match(ctx.text, g.end()):
            return None
    return _full_or_partial(ctx, raw, g["year"], _MONTHS[word], int(g["day"]))


def _resolve_monthlike(ctx: _Context, raw: _Raw) -> _Value | None:
    g = raw.match
    word = g["mon"].rstrip(".").lower()
    month = _MONTHS[word]
    if g["year"] is not None:
        return _Value(date(int(g["year"]), month, 1), "month")
    if word in _MONTH_ABBR:
        return None
    if g["rel"]:
        return _month_relative(ctx, raw, month, g["rel"].lower())
    led = raw.before("cue") or raw.before("mod") or raw.before("bulan")
    if not led and not _bare_month_ok(ctx.text, raw, word):
        return None
    return _partial(ctx, raw, month, None)


def _bare_month_ok(text: str, raw: _Raw, word: str) -> bool:
    """A lone month name, when it is no part of a name ("Revolusi Oktober", "November Rain")."""
    if word not in _BARE_SAFE:
        return False
    after = text[raw.end : raw.end + 2]
    if len(after) == 2 and after[0] == " " and after[1].isupper():
        return False
    before = text[max(0, raw.start - 30) : raw.start].rstrip()
    words = before.split()
    inside_name = words and words[-1][:1].isupper()
    return not inside_name or before.endswith((".", "!", "?", ":", '"'))


def _month_relative(ctx: _Context, raw: _Raw, month: int, rel: str) -> _Value | None:
    """ "Juli lalu", "Desember mendatang", "Mei tahun ini": spoken from the publication day."""
    base = ctx.published or ctx.anchor
    if base is None:
        return _Value(date(1, month, 1), "month", False, False)
    rel = " ".join(rel.split())
    if rel in ("tahun ini", "this year", "ini"):
        year = base.year
    elif rel in ("tahun lalu", "tahun kemarin", "last year"):
        year = base.year - 1
    elif rel in ("tahun depan", "next year"):
        year = base.year + 1
    elif rel in ("mendatang", "nanti", "depan"):
        year = base.year if month > base.month else base.year + 1
    else:  # lalu, silam, kemarin, yang lalu
        year = base.year if month < base.month else base.year - 1
    return _Value(date(year, month, 1), "month", explicit_year=False)


def _resolve_year(ctx: _Context, raw: _Raw) -> _Value | None:
    g = raw.match
    tahun = raw.before("tahun")
    if not (raw.before("cue") or raw.before("mod") or tahun or g["rel"]):
        return None
    if tahun and _LAW_NUMBER.search(ctx.text, max(0, raw.start - 20), raw.start):
        return None  # "UU Nomor 11 Tahun 2020" names a law
    if not tahun and _COUNT_AFTER.match(ctx.text, g.end("year")):
        return None  # "dari 2020 unit" counts things
    return _Value(date(int(g["year"]), 1, 1), "year")


def _resolve_weekday(ctx: _Context, raw: _Raw) -> _Value | None:
    g = raw.match
    weekday = _WEEKDAYS[g["wd"].lower()]
    if g["day"]:
        return _full_or_partial(
            ctx, raw, g["year"], _month_number(g["mon"]), int(g["day"]), weekday
        )
    if g["pday"]:
        return _full_or_partial(ctx, raw, g["pyear"], int(g["pmon"]), int(g["pday"]), weekday)
    if g["eday"]:
        return _full_or_partial(
            ctx, raw, g["eyear"], _month_number(g["emon"]), int(g["eday"]), weekday
        )
    if g["wd"].lower() in _EN_WEEKDAYS and not _EN_WEEKDAY_CUE.search(
        ctx.text, max(0, raw.start - 8), raw.start
    ):
        return None
    value = _weekday_alone(ctx, weekday, ctx.is_future(raw))
    return None if value is None else _Value(value, "day", explicit_year=False)


def _weekday_alone(ctx: _Context, weekday: int, future: bool) -> date | None:
    """The nearest such weekday around the anchor, biased to the past.

    From an anchor the text stated, a weekday one or two days later is the story moving on
    ("Selasa ... pada hari Rabu"); anything further is the previous one ("Senin ... yang
    memecat pada hari Jumat"). From the publication date a weekday is the last one on or
    before it. Plan words ("akan", "will") turn both forward.
    """
    base, from_text = ctx.weekday_base()
    if base is None:
        return None
    ahead = (weekday - base.weekday()) % 7
    if future or (from_text and ahead <= 2):
        return base + timedelta(days=ahead)
    return _on_or_before(base, weekday)


_DAY_UNITS = frozenset({"hari", "day", "days"})
_WEEK_UNITS = frozenset({"pekan", "minggu", "week", "weeks"})
_MONTH_UNITS = frozenset({"bulan", "month", "months"})


def _resolve_relative(ctx: _Context, raw: _Raw) -> _Value | None:
    g = raw.match
    if g["n"] is not None:
        return _counted_relative(ctx, g)
    if _after_quantifier(ctx.text, raw.start):
        return None
    published = ctx.published
    if g["nextday"] or g["prevday"]:
        anchor = ctx.reference()
        if anchor is None:
            return None
        return _Value(anchor + timedelta(days=1 if g["nextday"] else -1), "day", False)
    if published is None:
        return None
    for name, days in (("today", 0), ("yesterday", -1), ("tomorrow", 1), ("lusa", 2)):
        if g[name]:
            return _Value(published + timedelta(days=days), "day", explicit_year=False)
    unit = (g["runit"] or g["eunit"]).lower()
    direction = " ".join((g["rdir"] or g["edir"]).lower().split())
    step = {"lalu": -1, "kemarin": -1, "last": -1, "past": -1, "depan": 1, "next": 1}
    step["mendatang"] = 1
    offset = step.get(direction, 0)
    mod = (raw.before("mod") or "").lower()
    if unit in ("tahun", "year"):
        return _Value(date(published.year + offset, 1, 1), "year", explicit_year=False)
    if unit in ("bulan", "month"):
        return _Value(_add_months(published, offset), "month", explicit_year=False)
    # A week is dated by its Monday; "akhir pekan" (the weekend) by its Saturday.
    monday = _monday(published) + timedelta(weeks=offset)
    weekend = mod in ("akhir", "end of") and unit != "week"
    return _Value(monday + timedelta(days=5 if weekend else 0), "day", explicit_year=False)


def _counted_relative(ctx: _Context, g: re.Match[str]) -> _Value | None:
    """ "dua hari kemudian" (from the anchor), "tiga tahun lalu" (from publication)."""
    word = g["n"].lower()
    count = int(word) if word.isdigit() else _NUMBER_WORDS[word]
    direction = " ".join(g["dir"].lower().split())
    backward = direction in ("sebelumnya", "earlier", "before", "lalu", "yang lalu", "silam")
    backward = backward or direction == "ago"
    spoken = direction in ("lalu", "yang lalu", "silam", "ago")
    unit = g["unit"].lower()
    base = ctx.published if spoken else _narrative_base(ctx, unit)
    if base is None:
        return None
    count = -count if backward else count
    if unit in _DAY_UNITS:
        return _Value(base + timedelta(days=count), "day", explicit_year=False)
    if unit in _WEEK_UNITS:
        return _Value(base + timedelta(weeks=count), "day", explicit_year=False)
    if unit in _MONTH_UNITS:
        return _Value(_add_months(base, count), "month", explicit_year=False)
    return _Value(date(base.year + count, 1, 1), "year", explicit_year=False)


def _narrative_base(ctx: _Context, unit: str) -> date | None:
    """What "N <unit> kemudian/sebelumnya" counts from: the last date the text stated, when
    it is precise enough for the unit ("Pada 2008 ... Dua tahun sebelumnya"), else the anchor."""
    last = ctx.last
    if unit in _DAY_UNITS | _WEEK_UNITS or last is None:
        return ctx.reference()
    if unit in _MONTH_UNITS and last.granularity == "year":
        return ctx.reference()
    return last.value


def _after_quantifier(text: str, start: int) -> bool:
    before = text[max(0, start - 20) : start].split()
    if not before:
        return False
    last = before[-1].lower()
    return last in _QUANTIFIERS or last.replace(".", "").replace(",", "").isdigit()


# -- scanning ----------------------------------------------------------------------------------

_Resolver = Callable[[_Context, _Raw], "_Value | None"]


@dataclass(frozen=True)
class _Scanner:
    kind: str
    pattern: re.Pattern[str]
    not_after: str  # characters that may not precede the core ("6.5 tahun", "GPT-5")
    lead: re.Pattern[str] | None = None
    keep: tuple[str, ...] = ()  # lead groups that belong in the mention's span


_SCANNERS: tuple[_Scanner, ...] = (
    _Scanner("iso", _ISO, "/.-"),
    _Scanner("numeric", _NUMERIC, "/.,:-"),
    _Scanner("weekday", _WEEKDAY, "-", _WEEKDAY_LEAD, ("hari",)),
    _Scanner("day_month", _DAY_MONTH, ".,/-"),
    _Scanner("month_day", _MONTH_DAY, "-"),
    _Scanner("monthlike", _MONTHLIKE, "-", _MONTH_LEAD, ("mod", "bulan")),
    _Scanner("year", _YEAR_ONLY, ".,/-", _YEAR_LEAD, ("mod", "tahun")),
    _Scanner("relative", _RELATIVE, ".,-", _RELATIVE_LEAD, ("mod",)),
)
_LEAD_WINDOW = 48
_RESOLVERS: dict[str, _Resolver] = {
    "iso": _resolve_iso,
    "numeric": _resolve_numeric,
    "weekday": _resolve_weekday,
    "day_month": _resolve_day_month,
    "month_day": _resolve_day_month,
    "monthlike": _resolve_monthlike,
    "year": _resolve_year,
    "relative": _resolve_relative,
}
# Kinds whose value is a stated day, fit to become the narrative anchor.
_DAY_KINDS = frozenset({"iso", "numeric", "day_month", "month_day"})
# Kinds that state a calendar value rather than count from one.
_STATED_KINDS = _DAY_KINDS | {"monthlike", "year", "weekday"}


def _scan(text: str) -> list[_Raw]:
    """All candidate matches, overlaps settled: the earliest start wins, then the longest."""
    found: list[tuple[int, int, _Raw]] = []
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
    chosen: list[_Raw] = []
    last_end = -1
    for start, neg_end, raw in found:
        if start >= last_end:
            chosen.append(raw)
            last_end = -neg_end
    return chosen


def _candidates(text: str, scanner: _Scanner) -> Iterator[re.Match[str]]:
    if scanner.kind != "relative":
        yield from scanner.pattern.finditer(text)
        return
    # Relative expressions are case-insensitive, which the engine cannot skip through fast:
    # find their first words case-sensitively, then match the full pattern there.
    for trigger in _RELATIVE_TRIGGERS:
        for t in trigger.finditer(text):
            m = scanner.pattern.match(text, t.start())
            if m is not None:
                yield m


def _with_lead(text: str, scanner: _Scanner, m: re.Match[str]) -> _Raw:
    start = m.start()
    if scanner.lead is None or (scanner.kind == "relative" and not (m["runit"] or m["edir"])):
        return _Raw(scanner.kind, m, start, m.end())
    lead = scanner.lead.search(text, max(0, start - _LEAD_WINDOW), start)
    if lead is None or lead.start() == start:
        return _Raw(scanner.kind, m, start, m.end())
    span_start = next((lead.start(k) for k in scanner.keep if lead.start(k) >= 0), start)
    return _Raw(scanner.kind, m, span_start, m.end(), lead)


def _not_a_day(text: str, m: re.Match[str]) -> bool:
    """A weekday word that names no single day: "Pasar Minggu", "setiap Senin", "dua minggu"."""
    if m["day"] or m["pday"] or m["eday"]:
        return False
    before = text[max(0, m.start() - 20) : m.start()]
    words = before.split()
    previous = words[-1] if words and before[-1:].isspace() else ""
    if previous.lower() in _RECURRING:
        return True
    if previous[:1].isupper() and previous.lower() not in _LEAD_WORDS:
        return True  # part of a name: "Pasar Minggu", "Jalan Sabtu"
    if m["wd"].lower() != "minggu":
        return False
    return _WEEK_NOT_SUNDAY.match(text, m.end("wd")) is not None or _after_quantifier(
        text, m.start("wd")
    )


def _states_day(raw: _Raw) -> bool:
    g = raw.match
    return raw.kind in _DAY_KINDS or (
        raw.kind == "weekday" and bool(g["day"] or g["pday"] or g["eday"])
    )


def tag_dates(text: str, published: date | None) -> list[DateMention]:
    """Every date expression in `text`, in order, resolved against the narrative anchor.

    Pass the article's publication date (see `publication_date`) as `published`.
    Granularities: a week ("pekan lalu") is dated by its Monday at day granularity.
    """
    raws = _scan(text)
    ctx = _Context(text, published, carried=_carried_years(text, raws))
    mentions: list[DateMention] = []
    heading_anchor: date | None = None  # the anchor before the latest weekday heading
    after_heading = False
    for i, raw in enumerate(raws):
        if raw.kind == "weekday" and not _states_day(raw) and _is_heading(text, raw):
            value = _resolve_heading(ctx, raws, i)
            heading_anchor, after_heading = ctx.anchor or ctx.published, value is not None
        elif after_heading and raw.kind == "relative" and _first_sentence_after(text, raws, i):
            value = _resolve_with_anchor(ctx, raw, heading_anchor)
            after_heading = False
        else:
            value = _RESOLVERS[raw.kind](ctx, raw)
            after_heading = False
        if value is None:
            continue
        mentions.append(_mention(text, raw, value))
        if value.year_known and raw.kind in _STATED_KINDS and not _is_meta_line(text, raw):
            ctx.last = value
        if value.year_known and value.granularity == "day" and _moves_anchor(text, raw):
            ctx.anchor = value.value
    return mentions


_JOINERS = frozenset(
    {"", ",", "-", "–", "—", "/", "hingga", "sampai", "sampai dengan", "s.d.", "s/d", "dan"}
    | {", dan", "atau", "and", ", and", "or", "to", "until", "through"}
)


def _carried_years(text: str, raws: list[_Raw]) -> dict[int, int]:
    """Years that a list or range states once at its end ("Januari hingga Agustus 2018").

    An earlier item in a higher month belongs to the year before ("Desember - Februari 2019").
    """
    carried: dict[int, int] = {}
    for i in range(len(raws) - 2, -1, -1):
        month, year = _stated_month_year(raws[i])
        if month is None or year is not None:
            continue
        following = raws[i + 1]
        next_month, next_year = _stated_month_year(following)
        next_year = next_year if next_year is not None else carried.get(following.start)
        if next_month is None or next_year is None:
            continue
        if text[raws[i].end : following.start].strip().lower() not in _JOINERS:
            continue
        carried[raws[i].start] = next_year if month <= next_month else next_year - 1
    return carried


def _stated_month_year(raw: _Raw) -> tuple[int | None, int | None]:
    """The month and year as the text writes them, before any resolution."""
    if raw.kind not in ("iso", "numeric", "day_month", "month_day", "monthlike", "weekday"):
        return None, None
    g = raw.match
    month_text = g["mon"] or (g["pmon"] or g["emon"] if raw.kind == "weekday" else None)
    if month_text is None:
        return None, None
    year_text = g["year"] or (g["pyear"] or g["eyear"] if raw.kind == "weekday" else None)
    month = int(month_text) if month_text.isdigit() else _month_number(month_text)
    return month, None if year_text is None else _two_digit_year(year_text)


def _moves_anchor(text: str, raw: _Raw) -> bool:
    if raw.kind == "weekday":
        return _states_day(raw) or _is_heading(text, raw)
    return raw.kind in _DAY_KINDS and not _is_meta_line(text, raw)


def _resolve_heading(ctx: _Context, raws: list[_Raw], i: int) -> _Value | None:
    """A weekday heading: the day its section states, else the next such day after the anchor."""
    weekday = _WEEKDAYS[raws[i].match["wd"].lower()]
    stated = _section_date(ctx, raws, i)
    if stated is not None and stated.weekday() == weekday:
        return _Value(stated, "day", explicit_year=False)
    base, from_text = ctx.weekday_base()
    if base is None:
        return None
    value = _strictly_after(base, weekday) if from_text else _on_or_before(base, weekday)
    return _Value(value, "day", explicit_year=False)


def _section_date(ctx: _Context, raws: list[_Raw], i: int) -> date | None:
    """The first stated day in the section under heading `i`, resolved without side effects."""
    for raw in raws[i + 1 :]:
        if raw.kind == "weekday" and not _states_day(raw) and _is_heading(ctx.text, raw):
            return None
        if _states_day(raw):
            found = _RESOLVERS[raw.kind](ctx, raw)
            return found.value if found is not None and found.year_known else None
    return None


def _first_sentence_after(text: str, raws: list[_Raw], i: int) -> bool:
    """Whether raw `i` sits in the first sentence after the heading just before it."""
    between = text[raws[i - 1].end : raws[i].start].lstrip()
    return _SENTENCE_END.search(between) is None


def _resolve_with_anchor(ctx: _Context, raw: _Raw, anchor: date | None) -> _Value | None:
    """ "Sehari kemudian" opening a section counts from the day before the heading: the
    heading already names the day the phrase arrives at."""
    saved = ctx.anchor
    ctx.anchor = anchor
    try:
        return _RESOLVERS[raw.kind](ctx, raw)
    finally:
        ctx.anchor = saved


def _mention(text: str, raw: _Raw, value: _Value) -> DateMention:
    return DateMention(
        start=raw.start,
        end=raw.end,
        text=text[raw.start : raw.end],
        value=_date_value(value),
        explicit_year=value.explicit_year,
    )


def _date_value(value: _Value) -> DateValue:
    day, known = value.value, value.year_known
    if value.granularity == "year":
        return DateValue(date(day.year, 1, 1), date(day.year, 12, 31), "year", known)
    if value.granularity == "month":
        return DateValue.month(day.year, day.month, year_known=known)
    return DateValue.day(day, year_known=known)


# -- publication date --------------------------------------------------------------------------

_UPDATED = re.compile(
    r"(?i)(?:terakhir\s+)?(?:diperbarui|diperbaharui|diupdate|di-update|dipublikasikan"
    r"|diterbitkan|dipublikasi|last\s+updated|updated|published|posted)"
    r"(?:\s+(?:pada|on|at|tanggal))?\s*:?\s*"
)
# "JAKARTA, KOMPAS.com –", "Jakarta, Kamis (11/7/2025) –", "Wamena (ANTARA News) -".
_DATELINE = re.compile(r"(?m)^[ \t]*[A-Z][^\n.!?]{0,60}?(?:\.\w+[^\n.!?]{0,30}?)?\s[–—-]{1,2}\s")
_DATELINE_WINDOW = 600


def publication_date(text: str, published: date | None = None) -> date | None:
    """The article's publication date.

    Metadata `published` wins; then an update or publish statement ("Artikel ini terakhir
    diperbarui pada November 27, 2023", "Published March 3, 2024"); then a full date in the
    dateline paragraph ("JAKARTA, KOMPAS.com – ... Senin (27/3/2017)"); then the latest
    reporting date ("kata X, Rabu (6/12/2017)"); then the latest full date the text states
    outside plan sentences; else None.
    """
    if published is not None:
        return published
    full = [m for m in tag_dates(text, None) if m.value.precision == "day" and m.explicit_year]
    for m in _UPDATED.finditer(text):
        for mention in full:
            if m.end() <= mention.start <= m.end() + 4:
                return mention.value.start
    dateline = _DATELINE.search(text, 0, _DATELINE_WINDOW)
    if dateline is not None:
        paragraph_end = text.find("\n", dateline.end())
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        for mention in full:
            if dateline.start() <= mention.start < paragraph_end:
                return mention.value.start
    reported = [
        m.value.start for m in full if text[m.start : m.start + 1].isupper() and "(" in m.text
    ]
    if reported:
        return max(reported)  # "kata X, Senin (27/3/2017)": the reporting day
    ctx = _Context(text, None)
    past = [
        m.value.start
        for m in full
        if _FUTURE.search(text, *ctx.sentence_bounds(m.start, m.end)) is None
    ]
    candidates = past or [m.value.start for m in full]
    return max(candidates) if candidates else None

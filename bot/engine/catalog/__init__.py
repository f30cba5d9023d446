"""The wording of every reply: one message catalog per language, read once.

`id.yaml` and `en.yaml` hold every sentence newsbot says, grouped by where it is said
(`answer`, `discord`, `slack`, `command`, `console`). Renderers on every surface take their
words from here and only lay them out; the engine itself returns structured answers and never
wording. Dates are written here too, at their precision, with the month names of
`knowledge/vocab/months.yaml`.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

import yaml

from bot.engine.answer import Lang
from knowledge.models import DateValue
from knowledge.vocab import VOCABULARY

FOLDER = Path(__file__).parent


@cache
def messages(lang: Lang) -> dict[str, str]:
    """Every template of one language by dotted key ("answer.who_title"); read once."""
    raw = yaml.safe_load((FOLDER / f"{lang}.yaml").read_text(encoding="utf-8"))
    return {
        f"{section}.{key}": text for section, table in raw.items() for key, text in table.items()
    }


def say(key: str, lang: Lang, **values: object) -> str:
    """The template `key` in `lang` with `values` filled in; KeyError for an unknown key."""
    return messages(lang)[key].format(**values)


@cache
def _month_names(lang: Lang) -> tuple[str, ...]:
    months = sorted(VOCABULARY.data("months"), key=lambda m: m["number"])
    return tuple(str(m[lang]) for m in months)


@cache
def _part_names(lang: Lang) -> dict[str, str]:
    """Each part of a period ("early", "q3") as readers write it, "{period}" to fill."""
    spans: dict[str, dict[str, str]] = VOCABULARY.data("date_parts")["spans"]
    return {key: span[lang] for key, span in spans.items()}


def format_date(value: DateValue, lang: Lang) -> str:
    """A date as readers write it, at its precision: "17 November 2023", "Mei 2024", "2023";
    a week "pekan 7–13 Juli 2025" / "the week of 7–13 July 2025"; a range "17–21 November
    2023", "30 Oktober–2 November 2023", "Januari–Agustus 2018", "2019–2021"; a part of a period
    "awal 2025", "mid-July 2025", "kuartal III 2024" (knowledge/vocab/date_parts.yaml). Without
    a known year "11 Juli", "Juli" or "17–21 November" (never the placeholder year)."""
    start = value.start
    if value.precision == "year":
        return str(start.year) if value.year_known else ""
    if value.precision == "month":
        return _month(value, start, lang)
    if value.precision == "day":
        return _day(value, start, lang, with_year=True)
    if value.precision == "part":
        within_month = (start.year, start.month) == (value.end.year, value.end.month)
        period = _month(value, start, lang) if within_month else _year(value, value.end)
        return _part_names(lang)[value.part].format(period=period).strip()
    days = _span(value, lang)
    return say("date.week", lang, days=days) if value.precision == "week" else days


def _span(value: DateValue, lang: Lang) -> str:
    """The days of a range or a week, each end at the coarsest unit that states it exactly."""
    first, last = value.start, value.end
    same_year = first.year == last.year
    if value.whole_years() and not same_year:
        return f"{first.year}\u2013{last.year}"
    if value.whole_months() and (first.month, first.year) != (last.month, last.year):
        if same_year:
            return f"{_month_names(lang)[first.month - 1]}\u2013{_month(value, last, lang)}"
        return f"{_month(value, first, lang)}\u2013{_month(value, last, lang)}"
    if same_year and first.month == last.month:
        return f"{first.day}\u2013{_day(value, last, lang, with_year=True)}"
    return f"{_day(value, first, lang, with_year=not same_year)}\u2013" + _day(
        value, last, lang, with_year=True
    )


def _year(value: DateValue, day: date) -> str:
    return str(day.year) if value.year_known else ""


def _month(value: DateValue, day: date, lang: Lang) -> str:
    return f"{_month_names(lang)[day.month - 1]} {_year(value, day)}".strip()


def _day(value: DateValue, day: date, lang: Lang, *, with_year: bool) -> str:
    text = f"{day.day} {_month_names(lang)[day.month - 1]}"
    return f"{text} {_year(value, day)}".strip() if with_year else text

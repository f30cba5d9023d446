"""The wording of every reply: one message catalog per language, read once.

`id.yaml` and `en.yaml` hold every sentence newsbot says, grouped by where it is said
(`answer`, `discord`, `slack`, `command`, `console`). Renderers on every surface take their
words from here and only lay them out; the engine itself returns structured answers and never
wording. Dates are written here too, at their precision, with the month names of
`knowledge/vocab/months.yaml`.
"""

from __future__ import annotations

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


def format_date(value: DateValue, lang: Lang) -> str:
    """A date as readers write it, at its precision: "17 November 2023", "Mei 2024", "2023";
    without a known year "11 Juli" or "Juli" (never the placeholder year)."""
    day, known = value.start, value.year_known
    month = _month_names(lang)[day.month - 1]
    if value.precision == "year":
        return str(day.year) if known else ""
    if value.precision == "month":
        return f"{month} {day.year}" if known else month
    return f"{day.day} {month} {day.year}" if known else f"{day.day} {month}"

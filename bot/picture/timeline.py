"""A timeline answer drawn on a time axis: Answer -> PNG bytes, with matplotlib's Agg backend.

Each event is a row, earliest on top, labelled with a short title. A date is drawn at the
precision the article states it (`DateValue.start` .. `end`): a day is a dot, while a week, a
month, a range or a year is a bar as wide as the days it covers, so "in May 2024" never looks
as exact as "on 14 May 2024". Events whose year is unknown have no place on the axis and are
left out. Axis dates are written as the catalog writes them, in the answer's language.

Only `matplotlib.figure.Figure` with the Agg canvas is used (never pyplot and its global
state), so pictures can be drawn in worker threads, one figure each. matplotlib is imported
on first use: answering without pictures never pays for it.
"""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from bot.engine.answer import Answer, Fact
from bot.engine.catalog import format_date
from bot.engine.catalog.wording import headline
from knowledge.models import DateValue

if TYPE_CHECKING:
    from matplotlib.figure import Figure

LABEL_CHARS = 42  # a row's label; the citation under the answer has the whole sentence
LABEL_WORDS = 7
WIDTH_INCHES = 10.0
ROW_INCHES = 0.42
FRAME_INCHES = 1.5  # title and axis
DPI = 110
COLOUR = (46 / 255, 134 / 255, 193 / 255)  # the Discord embed's "found" colour
MIN_SPAN_DAYS = 30  # a single event still gets an axis a month wide
TICKS = 6  # at most about this many dates on the axis: day labels are long
# A dateline before the news ("Rantepao - ", "JAKARTA, KOMPAS.com – ") says nothing of the event.
_DATELINE = re.compile(r"^(?:\S+(?:,? \S+){0,4}) [-–—] ")


@dataclass(frozen=True)
class Mark:
    """One event on the axis: `start` .. `end` inclusive; `point` for a single day; `when`
    the date as the catalog writes it ("Mei 2024")."""

    label: str
    start: date
    end: date
    point: bool
    when: str = ""


def marks(answer: Answer) -> list[Mark]:
    """The answer's dated events with a known year, in date order ([] when there are none)."""
    found = [_mark(fact, answer) for fact in answer.facts]
    return sorted((m for m in found if m is not None), key=lambda m: (m.start, m.end))


def _mark(fact: Fact, answer: Answer) -> Mark | None:
    value = fact.date
    if value is None or not value.year_known:
        return None
    when = format_date(value, answer.lang)
    return Mark(_label(fact), value.start, value.end, value.precision == "day", when)


def _label(fact: Fact) -> str:
    """The first words of the event's sentence, else its article's title, clipped."""
    citation = fact.citation
    if citation is None:
        return fact.role or fact.speaker
    sentence = _DATELINE.sub("", " ".join(citation.snippet.split()), count=1)
    words = sentence.split() or citation.title.split()
    label = " ".join(words[:LABEL_WORDS])
    if len(label) > LABEL_CHARS:
        label = label[:LABEL_CHARS].rsplit(" ", 1)[0]
    elif len(words) <= LABEL_WORDS:
        return label
    return label.rstrip(",.;:") + "…"


def timeline_png(answer: Answer) -> bytes | None:
    """The timeline picture as PNG bytes; None when the answer has no event to draw."""
    figure = timeline_figure(answer)
    if figure is None:
        return None
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def timeline_figure(answer: Answer) -> Figure | None:
    """The matplotlib figure of `timeline_png` (for tests and other formats), or None.

    The x axis counts days (`date.toordinal()`): a bar's width is the number of days its
    date covers."""
    events = marks(answer)
    if not events:
        return None
    from matplotlib.figure import Figure

    rows = len(events)
    figure = Figure(figsize=(WIDTH_INCHES, FRAME_INCHES + ROW_INCHES * rows), layout="constrained")
    axes = figure.add_subplot()
    for row, mark in enumerate(events):
        y = rows - 1 - row  # the earliest event on top, as a timeline reads
        start, end = mark.start.toordinal(), mark.end.toordinal() + 1
        if mark.point:
            axes.plot([start], [y], "o", color=COLOUR, markersize=7)
        else:
            axes.barh(y, end - start, left=start, height=0.5, color=COLOUR, alpha=0.75)
        # Clustered events stay readable: each says its date beside it.
        axes.annotate(
            mark.when,
            (end, y),
            xytext=(6, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
            color="dimgray",
        )
    axes.set_yticks(range(rows), [m.label for m in reversed(events)])
    axes.set_ylim(-0.7, rows - 0.3)
    low, high = _limits(events)
    axes.set_xlim(low.toordinal(), high.toordinal())
    ticks = _ticks(low, high)
    axes.set_xticks(
        [day.toordinal() for day, _ in ticks],
        [format_date(value, answer.lang) for _, value in ticks],
        rotation=30,
        horizontalalignment="right",
        rotation_mode="anchor",
    )
    axes.grid(axis="x", alpha=0.3)
    axes.spines[["top", "right"]].set_visible(False)
    title = headline(answer) or ""
    if answer.pages > 1:
        title += f" ({answer.page}/{answer.pages})"
    axes.set_title(title, loc="left", fontsize=12)
    return figure


def _limits(events: list[Mark]) -> tuple[date, date]:
    """The axis: every event with a margin, at least MIN_SPAN_DAYS wide."""
    first = min(m.start for m in events)
    last = max(m.end for m in events) + timedelta(days=1)
    span = max((last - first).days, MIN_SPAN_DAYS)
    middle = first + (last - first) / 2
    return middle - timedelta(days=span * 0.55), middle + timedelta(days=span * 0.55)


def _ticks(low: date, high: date) -> list[tuple[date, DateValue]]:
    """About TICKS dates between `low` and `high`: whole years, months or days by the span,
    each with the DateValue (at that precision) its label is written from."""
    span = (high - low).days
    ticks: list[tuple[date, DateValue]] = []
    if span > 3 * 365:
        step = _step(span / 365)
        for year in range(low.year, high.year + 1):
            if year % step == 0 and low <= date(year, 1, 1) <= high:
                ticks.append((date(year, 1, 1), DateValue.year(year)))
    elif span > 120:
        step = _step(span / 30.5)
        for index in range(low.year * 12 + low.month - 1, high.year * 12 + high.month):
            year, month = divmod(index, 12)
            if index % step == 0 and low <= date(year, month + 1, 1) <= high:
                ticks.append((date(year, month + 1, 1), DateValue.month(year, month + 1)))
    else:
        step = _step(span)
        for ordinal in range(low.toordinal(), high.toordinal() + 1):
            if ordinal % step == 0:
                day = date.fromordinal(ordinal)
                ticks.append((day, DateValue.day(day)))
    return ticks


def _step(units: float) -> int:
    """Every how many years, months or days a tick goes, for about TICKS ticks."""
    return max(1, math.ceil(units / TICKS))

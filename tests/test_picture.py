"""The timeline picture: Answer -> PNG, each date drawn at its precision."""

from __future__ import annotations

import io
import struct
from datetime import date

import pytest
from matplotlib.image import imread
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from bot.engine.answer import Answer, Citation, Fact, Query
from bot.picture import LABEL_CHARS, marks, timeline_figure, timeline_png
from knowledge.models import DateValue

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _event(snippet: str, value: DateValue | None, title: str = "Kabar Pelabuhan") -> Fact:
    citation = Citation("pelabuhan", title, value, snippet)
    return Fact("event", citation, date=value)


def _timeline(*facts: Fact, lang: str = "id") -> Answer:
    query = Query("timeline", "/timeline pelabuhan", subject="pelabuhan", lang=lang)  # type: ignore[arg-type]
    return Answer(query, "timeline", True, "timeline_title", subject="pelabuhan", facts=facts)


DAY = _event(
    "Makassar - Wali kota Andi Rahman meresmikan dermaga baru pada 14 Mei 2024.",
    DateValue.day(date(2024, 5, 14)),
)
MONTH = _event("Kapal feri pertama berlayar ke Selayar pada Mei 2024.", DateValue.month(2024, 5))
YEAR = _event("Pelabuhan itu melayani sejuta penumpang pada 2023.", DateValue.year(2023))


def test_the_png_decodes_and_is_a_real_picture() -> None:
    png = timeline_png(_timeline(DAY, MONTH, YEAR))
    assert png is not None and png.startswith(PNG_SIGNATURE)
    width, height = struct.unpack(">II", png[16:24])  # the IHDR chunk
    assert width >= 800 and height >= 200
    assert len(png) > 10_000
    pixels = imread(io.BytesIO(png))
    assert pixels.shape[:2] == (height, width)
    assert pixels.min() < pixels.max(), "not a blank image"


def test_a_month_is_a_span_a_year_a_longer_one_and_a_day_a_point() -> None:
    figure = timeline_figure(_timeline(YEAR, MONTH, DAY))
    assert figure is not None
    axes = figure.axes[0]
    bars = [p for p in axes.patches if isinstance(p, Rectangle)]
    spans = sorted((round(bar.get_x()), round(bar.get_width())) for bar in bars)
    assert spans == [
        (date(2023, 1, 1).toordinal(), 365),
        (date(2024, 5, 1).toordinal(), 31),
    ]
    dots = [line for line in axes.lines if isinstance(line, Line2D)]
    assert [list(line.get_xdata()) for line in dots] == [[date(2024, 5, 14).toordinal()]]
    labels = [t.get_text() for t in axes.get_yticklabels()]
    assert labels[-1].startswith("Pelabuhan itu melayani")  # the earliest event on top
    notes = {t.get_text() for t in axes.texts}
    assert {"Mei 2024", "14 Mei 2024", "2023"} <= notes


def test_events_are_labelled_with_short_titles() -> None:
    long = _event("Kata " * 40, DateValue.day(date(2024, 1, 2)))
    found = marks(_timeline(DAY, long))
    assert found[1].label.startswith("Wali kota Andi Rahman"), "the dateline is dropped"
    assert all(len(m.label) <= LABEL_CHARS + 1 for m in found)
    assert found[0].label.endswith("…")
    untitled = marks(_timeline(_event("", DateValue.day(date(2024, 1, 2)), "Dermaga baru")))
    assert untitled[0].label == "Dermaga baru"


def test_no_drawable_event_means_no_picture() -> None:
    unknown_year = DateValue.month(1, 5, year_known=False)
    assert timeline_png(_timeline(_event("Pada Mei kapal tiba.", unknown_year))) is None
    assert timeline_png(_timeline()) is None
    assert timeline_png(_timeline(_event("Tanpa tanggal.", None))) is None


@pytest.mark.parametrize(("lang", "month"), [("id", "Mei 2024"), ("en", "May 2024")])
def test_axis_dates_are_written_in_the_answers_language(lang: str, month: str) -> None:
    figure = timeline_figure(_timeline(MONTH, lang=lang))
    assert figure is not None
    assert month in {t.get_text() for t in figure.axes[0].texts}

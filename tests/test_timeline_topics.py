"""Timelines asked in other words ("perjalanan karier X", "karier X di Y", "kronologi X dipecat
lalu kembali lagi", "dari awal sampai mundur"), a person's timeline whose dated sentences do
not repeat every word, and an article whose headline and lead state the topic giving all its
dated events. The articles are invented for these tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from conftest import engine_on

from bot.console.render import render_text
from bot.engine import Engine

ARTICLES = {
    "bupati.txt": """Bupati Cilacap Rudy Santosa Mundur untuk Maju Pilgub

CILACAP – Bupati Cilacap, Rudy Santosa, resmi mengundurkan diri pada Kamis (15/8/2024).

Rudy menjabat Bupati Cilacap sejak dilantik pada 17 Februari 2019.
""",
    "korupsi.md": """---
title: Former hotel accountant jailed in Lombok fraud case
published: 2024-09-11
lang: en
---
MATARAM – A court on Wednesday, 11 September 2024, jailed the former chief accountant of the \
Senggigi Bay hotel for embezzling Rp 9 billion.

The fraud came to light in March 2023, when an external audit found missing payments.
""",
}


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[Engine]:
    async with engine_on(tmp_path / "articles", ARTICLES) as opened:
        yield opened


async def test_a_career_asked_in_other_words(engine: Engine) -> None:
    for question in (
        "perjalanan Rudy Santosa sebagai bupati dari awal sampai mundur",
        "karier Rudy Santosa di Cilacap",
        "kronologi Rudy Santosa dilantik lalu mundur",
    ):
        answer = await engine.ask(question)
        assert answer.intent == "timeline" and answer.found, question
        assert "17 Februari 2019" in render_text(answer), question


async def test_an_article_led_with_the_topic_gives_all_its_events(engine: Engine) -> None:
    # "Senggigi Bay" stands in the lead only; the March 2023 sentence does not repeat it.
    answer = await engine.ask("timeline of the Senggigi Bay fraud case")
    assert answer.found
    text = render_text(answer)
    assert "March 2023" in text and "11 September 2024" in text

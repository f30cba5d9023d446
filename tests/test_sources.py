"""A knowledge base remembers the sources added to it, so later builds keep their articles."""

from __future__ import annotations

from pathlib import Path

from knowledge.build.sources import (
    added_sources,
    forget_sources,
    remember_sources,
    sources_of,
)


def test_added_sources_join_the_configured_ones_once(tmp_path: Path) -> None:
    db = tmp_path / "data" / "kb.db"
    configured = tmp_path / "articles"
    extra = tmp_path / "extra"
    configured.mkdir()
    extra.mkdir()
    assert sources_of(db, [configured]) == [configured]
    remember_sources(db, [extra, extra])
    remember_sources(db, [extra])
    assert added_sources(db) == [extra.resolve()]
    assert sources_of(db, [configured]) == [configured, extra.resolve()]
    forget_sources(db)
    assert sources_of(db, [configured]) == [configured]


def test_an_added_source_that_is_gone_is_left_out(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    gone = tmp_path / "gone"
    gone.mkdir()
    remember_sources(db, [gone])
    gone.rmdir()
    assert sources_of(db, []) == []


async def test_a_reload_keeps_the_articles_of_an_added_source(tmp_path: Path) -> None:
    from fake_discord import kb_settings

    from bot.service import NewsService
    from knowledge.build.pipeline import build

    settings = kb_settings(tmp_path)
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "kopi.txt").write_text(
        "Harga Kopi Naik\n\nHarga kopi arabika naik 20 persen pada Senin (3/3/2025).\n",
        encoding="utf-8",
    )
    build([*settings.articles, extra], settings.db_path, progress=False)
    remember_sources(settings.db_path, [extra])
    service = await NewsService.open(settings)
    try:
        report = await service.reload()
        assert "kopi" in report.unchanged and not report.removed
    finally:
        await service.close()

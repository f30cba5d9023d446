"""A build in a child interpreter: the same report as in-process, failures as exceptions."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from knowledge.build.pipeline import BuildBusy, _build_lock, build
from knowledge.build.process import (
    BuildFailed,
    build_in_child,
    report_from_json,
    report_to_json,
)
from knowledge.models import BuildReport


async def test_child_build_reports_what_an_in_process_build_would(
    tmp_path: Path, corpus: Path
) -> None:
    report = await build_in_child([corpus], tmp_path / "child.db")
    same = build([corpus], tmp_path / "here.db", progress=False)
    assert sorted(report.added) == sorted(same.added) and len(report.added) == 3
    assert report.failed == () and report.db_path == str(tmp_path / "child.db")
    with sqlite3.connect(tmp_path / "child.db") as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone() == (3,)


async def test_child_build_keeps_bad_articles_in_the_report(tmp_path: Path, corpus: Path) -> None:
    (corpus / "kosong.txt").write_bytes(b"")
    report = await build_in_child([corpus], tmp_path / "kb.db")
    assert [Path(name).name for name, _ in report.failed] == ["kosong.txt"]
    assert len(report.added) == 3


async def test_a_bad_overrides_file_is_a_build_failure_with_its_reason(
    tmp_path: Path, corpus: Path
) -> None:
    (corpus / "overrides.yaml").write_text("roles: [Budi\n", encoding="utf-8")
    with pytest.raises(BuildFailed, match=r"overrides\.yaml.*line"):
        await build_in_child([corpus], tmp_path / "kb.db")
    assert not (tmp_path / "kb.db").exists()


async def test_a_held_lock_is_build_busy(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "kb.db"
    with _build_lock(db), pytest.raises(BuildBusy, match="another build"):
        await build_in_child([corpus], db)


def test_report_survives_the_trip_through_json() -> None:
    report = BuildReport(
        added=("a",),
        changed=("b",),
        unchanged=("c", "d"),
        removed=("e",),
        failed=(("f.txt", "kosong"),),
        seconds=1.5,
        db_path="/x/kb.db",
    )
    assert report_from_json(report_to_json(report)) == report

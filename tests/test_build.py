"""Builds on real temp files: incremental rebuilds, bad input, failed and killed builds."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.engine import Engine
from knowledge.build import pipeline as build_module
from knowledge.build.pipeline import BuildBusy, build
from knowledge.extract import facts as extraction
from knowledge.store import Store
from knowledge.text import stem_text


def test_build_then_rebuild_reports_changes(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "kb.db"
    first = build([corpus], db, progress=False)
    assert sorted(first.added) == ["bola", "keuangan", "tram"]
    assert first.failed == ()

    again = build([corpus], db, progress=False)
    assert sorted(again.unchanged) == ["bola", "keuangan", "tram"]
    assert again.added == again.changed == again.removed == ()

    (corpus / "tram.md").write_text(
        (corpus / "tram.md").read_text() + "\nThe first tram runs in 2026.\n", encoding="utf-8"
    )
    (corpus / "keuangan.txt").unlink()
    (corpus / "baru.txt").write_text(
        "Gubernur Lampung Meresmikan Jembatan\n\nGubernur Lampung Hendra Kusuma meresmikan "
        "jembatan baru pada 2 Juni 2021.\n",
        encoding="utf-8",
    )
    third = build([corpus], db, progress=False)
    assert third.changed == ("tram",)
    assert third.added == ("baru",)
    assert third.removed == ("keuangan",)
    assert third.unchanged == ("bola",)


def test_unchanged_articles_are_not_extracted_again(
    tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "kb.db"
    build([corpus], db, progress=False)
    calls: list[str] = []
    real = extraction.extract

    def counting(article, overrides=None):  # type: ignore[no-untyped-def]
        calls.append(article.id)
        return real(article, overrides)

    monkeypatch.setattr(extraction, "extract", counting)
    build([corpus], db, progress=False, workers=1)
    assert calls == []


async def test_unchanged_facts_survive_the_copy(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "kb.db"
    build([corpus], db, progress=False)
    store = await Store.open(db)
    before = sorted(p.name for p in await store.people())
    await store.close()
    (corpus / "tram.md").write_text((corpus / "tram.md").read_text() + "\nMore.\n")
    build([corpus], db, progress=False)
    store = await Store.open(db)
    after = sorted(p.name for p in await store.people())
    await store.close()
    assert before == after
    assert "Rina Wulandari" in after


async def test_event_index_follows_a_patched_rebuild(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "kb.db"
    build([corpus], db, progress=False)
    tram = corpus / "tram.md"
    tram.write_text(tram.read_text().replace("March 8, 2023", "March 9, 2024"), encoding="utf-8")
    report = build([corpus], db, progress=False)
    assert report.changed == ("tram",) and len(report.unchanged) == 2  # the patch path
    store = await Store.open(db)
    try:
        hits = await store.search([[stem_text("tram")]], events_only=True)
        assert [h.text for h in hits if "council" in h.text] == [
            "Harbor City's council approved a new tram line on March 9, 2024, after two years"
            " of debate."
        ]
        kept = await store.search([[stem_text("rapat")]], events_only=True)
        assert [h.article_id for h in kept] == ["keuangan"]
        assert await store.search([[stem_text("mayor")]], events_only=True) == []
    finally:
        await store.close()


def test_bad_inputs_are_reported_and_skipped(tmp_path: Path, corpus: Path) -> None:
    (corpus / "kosong.txt").write_bytes(b"")
    (corpus / "biner.txt").write_bytes(bytes(range(256)) * 4)
    (corpus / "latin1.txt").write_bytes("Judul\n\nCaf\xe9 au lait di Bandung.".encode("latin-1"))
    with open(corpus / "raksasa.txt", "wb") as handle:
        handle.write(b"kata " * (11 * 1024 * 1024 // 5))
    (corpus / "rusak.md").write_text("---\ntitle: [tidak ditutup\n---\nIsi artikel.\n")
    feed = [
        json.dumps({"id": "f1", "title": "Satu", "text": "Bupati Sleman Ani Lestari hadir."}),
        "{bukan json",
        json.dumps({"id": "f2", "title": "Dua", "text": "Wali Kota Medan Rudi Hartono hadir."}),
    ]
    (corpus / "umpan.jsonl").write_text("\n".join(feed) + "\n")

    report = build([corpus], tmp_path / "kb.db", progress=False)

    failed = {Path(path).name: reason for path, reason in report.failed}
    assert set(failed) >= {"kosong.txt", "biner.txt", "raksasa.txt", "rusak.md"}
    assert any("umpan.jsonl" in path for path, _ in report.failed)
    assert all(reason.strip() for reason in failed.values())
    assert set(report.added) >= {"keuangan", "bola", "tram", "f1", "f2", "latin1"}
    # A file in another encoding loads, and the report says which.
    assert [(Path(p).name, e) for p, e in report.encodings] == [("latin1.txt", "windows-1252")]


def test_failed_build_leaves_the_old_knowledge_base(
    tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "kb.db"
    build([corpus], db, progress=False)
    before = db.read_bytes()

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(build_module.Writer, "finish", explode)
    (corpus / "tram.md").unlink()
    with pytest.raises(RuntimeError):
        build([corpus], db, progress=False)
    assert db.read_bytes() == before
    assert not list(tmp_path.glob(".kb.db.build-*"))


async def test_killed_build_leaves_the_old_knowledge_base(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "kb.db"
    build([corpus], db, progress=False)
    big = tmp_path / "big"
    big.mkdir()
    rows = [
        json.dumps(
            {
                "id": f"a{i}",
                "title": f"Berita {i}",
                "date": "2020-01-01",
                "text": f"Menteri Agraria Sinta Dewi{i} meresmikan kantor pada 3 Maret 2020. " * 40,
            }
        )
        for i in range(3000)
    ]
    (big / "feed.jsonl").write_text("\n".join(rows))
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "ingest", str(big), "--db", str(db), "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 60
    while not list(tmp_path.glob(".kb.db.build-*")) and time.time() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert list(tmp_path.glob(".kb.db.build-*")), "the build had not started writing"

    engine = await Engine.open(db)
    try:
        answer = await engine.ask("siapa Rina Wulandari?")
        assert answer.found
    finally:
        await engine.close()

    report = build([corpus], db, progress=False)
    assert sorted(report.unchanged) == ["bola", "keuangan", "tram"]
    assert not list(tmp_path.glob(".kb.db.build-*"))


def test_one_build_at_a_time(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "kb.db"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time, pathlib; from knowledge.build.pipeline import _build_lock\n"
            "with _build_lock(pathlib.Path(sys.argv[1])):\n"
            "    print('locked', flush=True); time.sleep(30)",
            str(db),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(BuildBusy):
            build([corpus], db, progress=False)
    finally:
        holder.kill()
        holder.wait()
    assert build([corpus], db, progress=False).added


def test_workers_of_a_killed_build_exit(tmp_path: Path) -> None:
    big = tmp_path / "big"
    big.mkdir()
    rows = [
        json.dumps({"id": f"a{i}", "title": "T", "text": f"Bupati Anwar Sani{i} hadir. " * 60})
        for i in range(4000)
    ]
    (big / "feed.jsonl").write_text("\n".join(rows))
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "ingest", str(big), "--db", str(tmp_path / "kb.db")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    children: list[int] = []
    deadline = time.time() + 60
    while not children and time.time() < deadline:
        time.sleep(0.1)
        children = _children(proc.pid)
    assert children, "the build started no workers"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.time() + 15
    while any(_alive(pid) for pid in children) and time.time() < deadline:
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in children)


def _children(pid: int) -> list[int]:
    found = []
    for status in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = status.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(status.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"

"""The quick benchmark on a tiny invented corpus: the table has its rows (no timing asserts).

`bench` is the package in tests/bench/ (tests/ is on sys.path here, as `newsbot bench` puts it).
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from bench.corpus import DEFAULT_CORPUS, corpus_path, scale_corpus
from bench.measure import percentile, tree_rss
from bench.questions import INTENTS, build_questions
from bench.run import main as run_bench

from bot import cli

PEOPLE = [
    ("Bupati Sleman", "Ani Lestari"),
    ("Wali Kota Medan", "Rudi Hartono"),
    ("Menteri Perikanan", "Sinta Maharani"),
    ("Gubernur Maluku", "Yosef Latuharhary"),
    ("Kepala Dinas Kesehatan Bogor", "Dimas Prakoso"),
    ("Rektor Universitas Mulawarman", "Lusi Handayani"),
    ("Ketua KONI Jambi", "Hendra Saputra"),
]
ACTS = [
    ("meresmikan pasar ikan", "pasar ikan baru di pesisir"),
    ("membuka festival kopi", "festival kopi tahunan"),
    ("menutup jembatan gantung", "jembatan gantung yang rusak"),
    ("meluncurkan bus listrik", "bus listrik untuk pelajar"),
    ("mengumumkan vaksinasi massal", "vaksinasi massal di puskesmas"),
]
MONTHS = ["Januari", "Maret", "Mei", "Juli", "September", "November"]


def _article(i: int) -> dict[str, str]:
    role, name = PEOPLE[i % len(PEOPLE)]
    act, topic = ACTS[i % len(ACTS)]
    day, month, year = 1 + i % 27, MONTHS[i % len(MONTHS)], 2015 + i % 8
    surname = name.split()[-1]
    text = (
        f"{role} {name} {act} pada {day} {month} {year}. "
        f"Acara itu dihadiri ratusan warga dan pejabat setempat.\n\n"
        f'"Kami ingin {topic} bermanfaat bagi semua orang," kata {surname} kepada wartawan.\n\n'
        f"Sebelumnya, rencana {topic} dibahas dalam rapat pada awal {year}."
    )
    return {
        "id": f"uji-{i:03d}",
        "title": f"{role} {act} {i}",
        "date": f"{year}-01-02",
        "source": "Kabar Uji",
        "url": f"https://example.org/uji/{i}",
        "text": text,
    }


@pytest.fixture
def tiny_corpus(tmp_path: Path) -> Path:
    feed = tmp_path / "tiny.jsonl"
    feed.write_text("\n".join(json.dumps(_article(i)) for i in range(80)) + "\n")
    return feed


def test_quick_bench_prints_every_row(
    tiny_corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_bench(quick=True, corpus=tiny_corpus) == 0
    out = capsys.readouterr().out
    table = [line for line in out.splitlines() if line.startswith("|")]
    assert table[0].split("|")[1].strip() == "corpus"
    rows = {(cells[1].strip(), cells[2].strip()) for cells in (r.split("|") for r in table[2:])}
    for corpus in ("80 articles", "bundled 5"):
        assert (corpus, "peak RSS serving") in rows
        for intent in INTENTS:
            assert (corpus, f"answer {intent} p50/p95/p99") in rows
    measures = {measure for corpus, measure in rows if corpus == "80 articles"}
    assert {"full ingest", "database size", "peak RSS ingesting (tree)"} <= measures
    assert {"rebuild, nothing changed", "rebuild, 1% changed", "engine open"} <= measures
    assert any(m.startswith("reload (") and m.endswith("longest loop stall") for m in measures)
    ingest = next(r for r in table if "80 articles" in r and "full ingest" in r)
    assert "articles/s" in ingest


def test_a_missing_corpus_is_one_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    absent = tmp_path / "absent.jsonl"
    assert run_bench(quick=True, corpus=absent) == 1
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and f"no corpus at {absent}" in captured.err
    assert "NEWSBOT_CORPUS" in captured.err and captured.out == ""
    monkeypatch.setenv("NEWSBOT_CORPUS", str(tmp_path / "elsewhere.jsonl"))
    assert run_bench(quick=True) == 1
    assert f"no corpus at {tmp_path / 'elsewhere.jsonl'}" in capsys.readouterr().err


def test_the_corpus_comes_from_the_option_the_environment_or_beside_the_checkout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NEWSBOT_CORPUS", raising=False)
    root = Path(__file__).resolve().parent.parent
    assert corpus_path() == DEFAULT_CORPUS == root.parent / "shared" / "corpus" / "indosum.jsonl"
    monkeypatch.setenv("NEWSBOT_CORPUS", str(tmp_path / "env.jsonl"))
    assert corpus_path() == tmp_path / "env.jsonl"
    assert corpus_path(tmp_path / "given.jsonl") == tmp_path / "given.jsonl"


def test_the_command_runs_the_benchmark_of_the_checkout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli.main(["bench", "--quick", "--corpus", str(tmp_path / "absent.jsonl")]) == 1
    assert "no corpus at" in capsys.readouterr().err
    monkeypatch.setattr(cli, "CHECKOUT_TESTS", tmp_path)  # as in an installed wheel
    assert cli.main(["bench", "--quick"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "runs from a checkout" in err


def test_scaled_corpus_has_new_ids_same_texts_and_the_changed_share(
    tiny_corpus: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "scaled"
    changed = scale_corpus(tiny_corpus, 250, folder, changed_share=0.02)
    records = [json.loads(line) for feed in sorted(folder.glob("*.jsonl")) for line in feed.open()]
    assert len(records) == 250
    assert len({r["id"] for r in records}) == 250
    assert changed == 5
    originals = {r["id"]: r["text"] for r in map(json.loads, tiny_corpus.open())}
    edited = [r for r in records if r["text"] != originals[r["id"].split("~")[0]]]
    assert len(edited) == 5
    assert all(r["text"].startswith(originals[r["id"].split("~")[0]]) for r in edited)


def test_percentile_and_tree_rss() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 0.50) == 50.0
    assert percentile(values, 0.99) == 99.0
    assert percentile([7.0], 0.99) == 7.0
    assert percentile([], 0.5) == 0.0
    assert tree_rss(os.getpid()) > 10 * 2**20


def test_tree_rss_survives_a_process_ending_while_listed(monkeypatch: pytest.MonkeyPatch) -> None:
    # The sampler runs while workers come and go: /proc/PID/task can vanish mid-listing.
    def vanished(self: Path, pattern: str) -> object:
        raise FileNotFoundError(f"{self}")

    monkeypatch.setattr(Path, "glob", vanished)
    assert tree_rss(os.getpid()) > 10 * 2**20  # the process itself is still counted


def test_questions_come_from_the_store(tiny_corpus: Path, tmp_path: Path) -> None:
    from knowledge.build.pipeline import build

    db = tmp_path / "kb.db"
    build([tiny_corpus], db, progress=False)
    questions = build_questions(db, 4)
    assert set(questions) == set(INTENTS)
    assert all(len(batch) == 4 for batch in questions.values())
    names = {name for _, name in PEOPLE}
    assert any(q.removeprefix("siapa ").rstrip("?") in names for q in questions["who"])


# -- the build paths a large corpus takes ---------------------------------------------------


def _snapshot(db: Path) -> dict[str, object]:
    conn = sqlite3.connect(db)
    try:
        # Raises when the full-text index disagrees with the sentences it indexes.
        conn.execute("INSERT INTO sentences_fts(sentences_fts) VALUES ('integrity-check')")
        queries = {
            "articles": "SELECT id, title, content_hash FROM articles",
            "sentences": "SELECT article_id, idx, text, stemmed FROM sentences",
            "events": "SELECT article_id, sentence_idx, date, date_text FROM events",
            "mentions": "SELECT m.article_id, m.start, m.surface, p.name FROM mentions m"
            " LEFT JOIN people p ON p.id = m.person_id",
            "quotes": "SELECT q.article_id, q.text, p.name FROM quotes q"
            " LEFT JOIN people p ON p.id = q.person_id",
            "aliases": "SELECT a.alias, p.name FROM aliases a JOIN people p ON p.id = a.person_id",
            "search": "SELECT s.article_id, s.idx FROM sentences_fts"
            " JOIN sentences s ON s.id = sentences_fts.rowid"
            " WHERE sentences_fts MATCH 'jembatan OR kopi OR diperbarui'",
        }
        return {name: sorted(conn.execute(sql).fetchall()) for name, sql in queries.items()}
    finally:
        conn.close()


def test_a_mostly_unchanged_rebuild_patches_to_what_a_fresh_build_makes(
    tiny_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from knowledge.build.pipeline import build
    from knowledge.store.writer import Writer

    db = tmp_path / "kb.db"
    build([tiny_corpus], db, progress=False)
    rows = [json.loads(line) for line in tiny_corpus.read_text().splitlines()]
    for row in rows[::8]:
        row["text"] += "\n\nArtikel ini diperbarui setelah Camat Sukajadi Wawan Gunadi menelepon."
    edited = {row["id"] for row in rows[::8]} - {"uji-000"}
    rows = [*rows[2:], _article(500)]
    tiny_corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n")

    patched: list[Path] = []
    real = Writer.patching.__func__  # type: ignore[attr-defined]

    def spy(cls: type[Writer], old: Path, path: Path, keep: object) -> Writer:
        patched.append(old)
        return real(cls, old, path, keep)  # type: ignore[no-any-return]

    monkeypatch.setattr(Writer, "patching", classmethod(spy))
    report = build([tiny_corpus], db, progress=False)
    assert patched == [db]
    assert len(report.changed) == 9 and report.added == ("uji-500",)
    assert report.removed == ("uji-000", "uji-001")

    fresh = tmp_path / "fresh.db"
    build([tiny_corpus], fresh, progress=False)
    snapshot = _snapshot(db)
    assert snapshot == _snapshot(fresh)
    found = {aid for aid, _ in snapshot["search"]}  # type: ignore[attr-defined]
    assert edited <= found and "uji-000" not in found


def test_an_unchanged_rebuild_leaves_the_file_alone(tiny_corpus: Path, tmp_path: Path) -> None:
    from knowledge.build.pipeline import build

    db = tmp_path / "kb.db"
    build([tiny_corpus], db, progress=False)
    before = db.stat().st_mtime_ns, db.read_bytes()
    report = build([tiny_corpus], db, progress=False)
    assert len(report.unchanged) == 80 and not report.added and not report.changed
    assert (db.stat().st_mtime_ns, db.read_bytes()) == before

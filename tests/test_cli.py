"""The command line through real subprocesses: the JSON contract others rely on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

INTENTS = {"who", "when", "timeline", "quote", "search", "sources", "help", "unknown"}


def _run(
    args: list[str], tmp_path: Path, stdin: str = "", **env: str
) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "NEWSBOT_DB": str(tmp_path / "kb.db"), **env}
    environment.pop("DISCORD_TOKEN", None)
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=environment,
        cwd=tmp_path,
        timeout=300,
    )


def test_ingest_reports_counts(tmp_path: Path, corpus: Path) -> None:
    (corpus / "kosong.txt").write_text("")
    result = _run(["ingest", str(corpus)], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "3 added" in result.stdout and "1 failed" in result.stdout
    assert "kosong.txt" in result.stdout
    again = _run(["ingest", str(corpus)], tmp_path)
    assert "3 unchanged" in again.stdout


def test_ingest_of_only_bad_files_fails(tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.txt").write_bytes(b"\xff\xfe\x00\x00")
    result = _run(["ingest", str(bad)], tmp_path)
    assert result.returncode == 1


def test_ask_json_builds_the_bundled_kb_first(tmp_path: Path) -> None:
    result = _run(["ask", "--json", "siapa", "Mira", "Murati?"], tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"question", "intent", "found", "text", "citations"}
    assert data["question"] == "siapa Mira Murati?"
    assert data["intent"] == "who" and data["found"] is True
    for c in data["citations"]:
        assert set(c) == {"article", "title", "date", "snippet"}


def test_ask_json_stdin_answers_every_line_in_order(tmp_path: Path, corpus: Path) -> None:
    questions = [
        "siapa Rina Wulandari?",
        "",
        "kapan Agus Salimun dipecat?",
        '"AND OR (',
        "/timeline",
        "asdf qwer",
        "What did Lena Okafor say?",
    ] * 150
    env = {"NEWSBOT_ARTICLES": str(corpus)}
    result = _run(["ask", "--json", "-"], tmp_path, stdin="\n".join(questions) + "\n", **env)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(questions)
    for question, line in zip(questions, lines, strict=True):
        data = json.loads(line)
        assert data["question"] == question
        assert data["intent"] in INTENTS
        assert isinstance(data["found"], bool)
    timeline = json.loads(lines[4])
    dates = [c["date"] for c in timeline["citations"] if c["date"]]
    assert dates == sorted(dates)


def test_plain_newsbot_without_token_opens_the_console(tmp_path: Path) -> None:
    result = _run([], tmp_path, stdin="siapa Mira Murati?\nkeluar\n")
    assert result.returncode == 0, result.stderr
    assert "DISCORD_TOKEN" in result.stdout
    assert "Murati" in result.stdout
    assert "Sampai jumpa" in result.stdout


def test_bad_configuration_is_a_clear_error(tmp_path: Path) -> None:
    result = _run(["ask", "halo"], tmp_path, MODERATOR_ROLE_IDS="abc")
    assert result.returncode == 2
    assert "MODERATOR_ROLE_IDS" in result.stderr
    assert "Traceback" not in result.stderr


def test_eval_grades_every_benchmark_question(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    result = _run(["eval", "--json", str(out)], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "correct" in result.stdout and "padded" in result.stdout
    graded = json.loads(out.read_text(encoding="utf-8"))
    assert len(graded) >= 300
    assert {r["grade"] for r in graded} <= {"correct", "wrong", "padded", "missed"}

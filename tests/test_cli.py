"""The command line through real subprocesses: the JSON contract others rely on."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

COFFEE = """Petani kopi Toraja panen raya

Rantepao - Ketua koperasi kopi Toraja, Yohanis Pasulu, mengatakan panen naik dua kali lipat.
"""
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
    result = _run(["ingest"], tmp_path, NEWSBOT_ARTICLES=str(corpus))
    assert result.returncode == 0, result.stderr
    assert "3 added" in result.stdout and "1 failed" in result.stdout
    assert "kosong.txt" in result.stdout
    again = _run(["ingest"], tmp_path, NEWSBOT_ARTICLES=str(corpus))
    assert "3 unchanged" in again.stdout


def test_ingest_of_only_bad_files_fails(tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.txt").write_bytes(b"\xff\xfe\x00\x00")
    result = _run(["ingest", "--replace", str(bad)], tmp_path)
    assert result.returncode == 1


def test_ingest_path_adds_and_only_replace_removes_naming_each_article(
    tmp_path: Path, corpus: Path
) -> None:
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "kopi.txt").write_text(COFFEE, encoding="utf-8")
    env = {"NEWSBOT_ARTICLES": str(corpus)}
    assert "3 added" in _run(["ingest"], tmp_path, **env).stdout
    added = _run(["ingest", str(extra)], tmp_path, **env)
    assert added.returncode == 0, added.stderr
    assert "1 added" in added.stdout and "3 unchanged" in added.stdout
    assert "0 removed" in added.stdout
    again = _run(["ingest"], tmp_path, **env)
    assert "4 unchanged" in again.stdout and "0 removed" in again.stdout, "PATH was forgotten"

    typo = _run(["ingest", "--replace", str(tmp_path / "extar")], tmp_path, **env)
    assert typo.returncode == 1 and "nothing was built" in typo.stderr
    asked = _run(["ask", "--json", "siapa Rina Wulandari?"], tmp_path, **env)
    assert json.loads(asked.stdout)["found"], "a mistyped --replace removed nothing"

    replaced = _run(["ingest", "--replace", str(extra), "--quiet"], tmp_path, **env)
    assert replaced.returncode == 0, replaced.stderr
    assert "3 removed" in replaced.stdout
    for article in ("bola", "keuangan", "tram"):
        assert f"removed: {article}" in replaced.stdout
    assert "kopi" not in replaced.stdout.split("removed", 1)[1]


def test_ask_answers_each_quoted_question_and_joins_unquoted_words(
    tmp_path: Path, corpus: Path
) -> None:
    env = {"NEWSBOT_ARTICLES": str(corpus)}
    two = _run(["ask", "--json", "siapa Rina Wulandari?", "/sources"], tmp_path, **env)
    assert two.returncode == 0, two.stderr
    answers = [json.loads(line) for line in two.stdout.splitlines()]
    assert [a["question"] for a in answers] == ["siapa Rina Wulandari?", "/sources"]
    assert [a["intent"] for a in answers] == ["who", "sources"]
    words = _run(["ask", "--json", "siapa", "Rina", "Wulandari?"], tmp_path, **env)
    assert json.loads(words.stdout)["question"] == "siapa Rina Wulandari?"
    text = _run(["ask", "siapa Rina Wulandari?", "/sources"], tmp_path, **env)
    assert "Rina Wulandari" in text.stdout and "keuangan" in text.stdout


def test_ask_into_a_closed_pipe_ends_quietly(tmp_path: Path, corpus: Path) -> None:
    questions = tmp_path / "questions.txt"
    questions.write_text("/sources\n/timeline\n" * 2000, encoding="utf-8")
    env = {**os.environ, "NEWSBOT_DB": str(tmp_path / "kb.db"), "NEWSBOT_ARTICLES": str(corpus)}
    command = (
        f"{shlex.quote(sys.executable)} -m bot ask --json - < {shlex.quote(str(questions))}"
        " 2> stderr.txt | head -n 2; echo ${PIPESTATUS[0]} > status.txt"
    )
    result = subprocess.run(
        ["bash", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300
    )
    assert len(result.stdout.splitlines()) == 2
    assert json.loads(result.stdout.splitlines()[0])["intent"] == "sources"
    assert (tmp_path / "stderr.txt").read_text() == ""
    assert (tmp_path / "status.txt").read_text().strip() == "0"


def test_ask_json_builds_the_bundled_kb_first(tmp_path: Path) -> None:
    result = _run(["ask", "--json", "siapa", "Mira", "Murati?"], tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"question", "intent", "found", "text", "citations"}
    assert data["question"] == "siapa Mira Murati?"
    assert data["intent"] == "who" and data["found"] is True
    for c in data["citations"]:
        assert set(c) == {"article", "title", "date", "published", "snippet"}
        assert c["published"] is None or len(c["published"]) == len("2024-05-14")


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


def test_ask_png_writes_the_timeline_picture(tmp_path: Path, corpus: Path) -> None:
    env = {"NEWSBOT_ARTICLES": str(corpus)}
    picture = tmp_path / "linimasa.png"
    result = _run(["ask", "--png", str(picture), "/timeline"], tmp_path, **env)
    assert result.returncode == 0, result.stderr
    assert picture.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert picture.stat().st_size > 10_000
    none = tmp_path / "none.png"
    empty = _run(["ask", "--png", str(none), "/timeline Zyxwq Qwertzuiop"], tmp_path, **env)
    assert empty.returncode == 0, empty.stderr
    assert not none.exists() and "no picture written" in empty.stderr

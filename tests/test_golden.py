"""Answers recorded before a refactor, compared after it.

`tests/data/golden/questions.json` holds a few hundred questions of every intent, in both
languages, with typos, slash commands, pages and nonsense. `answers.jsonl` holds the JSON answer
(`newsbot ask --json`) each got from the bundled articles plus this suite's own invented ones.
A change that should not alter behaviour must leave every answer as recorded; a change that
should alter some re-records them and explains each difference in its commit:

    NEWSBOT_GOLDEN_RECORD=1 .venv/bin/pytest tests/test_golden.py
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

from conftest import write_corpus

HERE = Path(__file__).parent / "data" / "golden"
QUESTIONS = HERE / "questions.json"
ANSWERS = HERE / "answers.jsonl"


async def _answers(tmp_path: Path) -> list[dict[str, Any]]:
    from bot.config import BUNDLED_ARTICLES
    from bot.console.render import to_json
    from bot.engine import Engine
    from knowledge.build.pipeline import build

    folder = write_corpus(tmp_path / "articles")
    for path in BUNDLED_ARTICLES.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    db = tmp_path / "kb.db"
    report = build([folder], db, progress=False)
    assert not report.failed, report.failed
    engine = await Engine.open(db)
    try:
        questions = json.loads(QUESTIONS.read_text(encoding="utf-8"))
        return [to_json(await engine.ask(q)) for q in questions]
    finally:
        await engine.close()


def _diff(before: dict[str, Any], after: dict[str, Any]) -> str:
    fields = [k for k in sorted(set(before) | set(after)) if before.get(k) != after.get(k)]
    return f"{before['question']!r}: {', '.join(fields)} differ\n  was: {before}\n  now: {after}"


async def test_answers_match_the_recording(tmp_path: Path) -> None:
    answers = await _answers(tmp_path)
    if os.environ.get("NEWSBOT_GOLDEN_RECORD"):
        lines = [json.dumps(a, ensure_ascii=False, sort_keys=True) for a in answers]
        ANSWERS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    recorded = [json.loads(line) for line in ANSWERS.read_text(encoding="utf-8").splitlines()]
    assert len(recorded) == len(answers), "questions.json changed: re-record the answers"
    diffs = [_diff(b, a) for b, a in zip(recorded, answers, strict=True) if b != a]
    assert not diffs, f"{len(diffs)} of {len(answers)} answers changed:\n" + "\n".join(diffs)

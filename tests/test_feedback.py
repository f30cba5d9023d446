"""The feedback store: votes in their own SQLite file, users only as salted hashes."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.feedback import (
    FeedbackStore,
    Remembered,
    VoteOutcome,
    acknowledgement,
    remembered,
)
from bot.feedback.store import FeedbackSchemaError

USER = "930000000000000001"


def _shown(question: str = "siapa Rina Wulandari?", text: str = "Menteri Keuangan") -> Remembered:
    citation = {"article": "keuangan", "title": "Menteri", "date": "2025-02-03", "snippet": "x"}
    return Remembered(question, text, (citation,), "who", "id")


async def test_votes_survive_reopening_and_a_later_vote_replaces_the_earlier(
    tmp_path: Path,
) -> None:
    path = tmp_path / "feedback.db"
    store = await FeedbackStore.open(path)
    answer_id = await store.remember(_shown())
    assert await store.vote(answer_id, USER, True, "discord") is VoteOutcome.NEW
    assert await store.vote(answer_id, "42", True, "slack") is VoteOutcome.NEW
    await store.close()

    store = await FeedbackStore.open(path)
    try:
        assert await store.tally(answer_id) == (2, 0)
        assert await store.vote(answer_id, USER, False, "discord") is VoteOutcome.CHANGED
        assert await store.vote(answer_id, USER, False, "discord") is VoteOutcome.UNCHANGED
        assert await store.tally(answer_id) == (1, 1), "one vote per user per answer"
        assert await store.vote(answer_id + 99, USER, True, "discord") is (
            VoteOutcome.UNKNOWN_ANSWER
        )
    finally:
        await store.close()


async def test_the_same_answer_keeps_its_id_and_another_gets_a_new_one(tmp_path: Path) -> None:
    store = await FeedbackStore.open(tmp_path / "feedback.db")
    try:
        first = await store.remember(_shown())
        assert await store.remember(_shown()) == first
        assert await store.remember(_shown(question="siapa Rina?")) != first
        assert await store.remember(_shown(text="Menteri Keuangan baru")) != first
    finally:
        await store.close()


async def test_users_are_kept_only_as_a_salted_hash(tmp_path: Path) -> None:
    path = tmp_path / "feedback.db"
    store = await FeedbackStore.open(path)
    answer_id = await store.remember(_shown())
    await store.vote(answer_id, USER, False, "discord")
    stored_hash = store.voter("discord", USER)
    await store.close()
    assert USER.encode() not in path.read_bytes()
    with sqlite3.connect(path) as conn:
        voters = [row[0] for row in conn.execute("SELECT voter FROM votes")]
    assert voters == [stored_hash] and len(stored_hash) == 64

    again = await FeedbackStore.open(path)  # the generated salt was kept in the file
    salted = await FeedbackStore.open(path, salt="from-the-environment")
    try:
        assert again.voter("discord", USER) == stored_hash
        assert again.voter("slack", USER) != stored_hash, "surfaces never share a voter"
        assert salted.voter("discord", USER) != stored_hash
    finally:
        await again.close()
        await salted.close()
    other = await FeedbackStore.open(tmp_path / "other.db")
    try:
        assert other.voter("discord", USER) != stored_hash, "each file has its own salt"
    finally:
        await other.close()


async def test_a_file_of_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "feedback.db"
    await (await FeedbackStore.open(path)).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(FeedbackSchemaError, match="99"):
        await FeedbackStore.open(path)


async def test_worst_lists_the_most_disliked_first(tmp_path: Path) -> None:
    store = await FeedbackStore.open(tmp_path / "feedback.db")
    try:
        liked, mixed, hated = [await store.remember(_shown(q)) for q in ("a?", "b?", "c?")]
        await store.vote(liked, "1", True, "discord")
        for user, up in (("1", False), ("2", True), ("3", False)):
            await store.vote(mixed, user, up, "discord")
        for user in ("1", "2"):
            await store.vote(hated, user, False, "slack")
        worst = await store.worst()
    finally:
        await store.close()
    assert [(r.answer.question, r.up, r.down) for r in worst] == [("c?", 0, 2), ("b?", 1, 2)]
    assert worst[0].surfaces == ("slack",)
    assert worst[0].answer.citations[0]["article"] == "keuangan"


async def test_an_answer_is_remembered_with_its_plain_text_and_citations(engine: Engine) -> None:
    answer = await engine.ask("siapa Rina Wulandari?")
    shown = remembered(answer)
    assert shown.question == "siapa Rina Wulandari?"
    assert "Rina Wulandari" in shown.text
    assert shown.citations and {"article", "title", "date", "snippet", "url"} <= set(
        shown.citations[0]
    )
    assert acknowledgement(VoteOutcome.NEW, "en").startswith("Thanks")
    assert acknowledgement(None, "id").startswith("Maaf")


async def test_newsbot_feedback_lists_the_worst_rated_answers(tmp_path: Path) -> None:
    path = tmp_path / "feedback.db"
    env = {**os.environ, "NEWSBOT_FEEDBACK_DB": str(path), "NEWSBOT_DB": str(tmp_path / "kb.db")}
    command = [sys.executable, "-m", "bot", "feedback"]
    empty = subprocess.run(command, env=env, capture_output=True, text=True, cwd=tmp_path)
    assert empty.returncode == 0 and "No answer has a 👎 yet" in empty.stdout
    store = await FeedbackStore.open(path)
    answer_id = await store.remember(_shown())
    for user in ("1", "2"):
        await store.vote(answer_id, user, False, "discord")
    await store.vote(answer_id, "3", True, "slack")
    await store.close()
    listed = subprocess.run(command, env=env, capture_output=True, text=True, cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert "1. 👎 2  👍 1  “siapa Rina Wulandari?” (discord, slack;" in listed.stdout
    assert "answer: Menteri Keuangan" in listed.stdout
    assert "cites keuangan “Menteri” 2025-02-03: “x”" in listed.stdout
    assert not (tmp_path / "kb.db").exists(), "listing feedback never builds a knowledge base"

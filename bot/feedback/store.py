"""Votes on answers, in their own SQLite file (`NEWSBOT_FEEDBACK_DB`).

The knowledge base is derived data, rebuilt from the articles at will; votes are not, so they
live apart and survive every rebuild. Unlike the knowledge base, this schema is migrated in
place, never recreated: SCHEMA_VERSION counts its versions and `_MIGRATIONS` lifts an older
file step by step. All of newsbot's feedback SQL is in this module.

An answer is remembered once per distinct (question, text, citations): the same answer asked
again keeps its id, so votes on it add up. A voter is kept only as an HMAC-SHA256 of
"surface:user id" under a salt (`NEWSBOT_FEEDBACK_SALT`, or one generated once and stored in
the file), so the file names nobody.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

import aiosqlite

SCHEMA_VERSION = 1
# Statements that lift a file of version N-1 to N, by N (none yet: version 1 is the first).
_MIGRATIONS: dict[int, str] = {}

DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS answers (
    id INTEGER PRIMARY KEY,
    digest TEXT NOT NULL UNIQUE,     -- sha256 of question, text and citations
    question TEXT NOT NULL,
    text TEXT NOT NULL,              -- the plain rendering (what `newsbot ask --json` prints)
    citations TEXT NOT NULL,         -- JSON list of {article, title, date, snippet, url}
    intent TEXT NOT NULL,
    lang TEXT NOT NULL,
    created REAL NOT NULL            -- unix seconds
);
CREATE TABLE IF NOT EXISTS votes (
    answer_id INTEGER NOT NULL REFERENCES answers(id),
    voter TEXT NOT NULL,             -- HMAC-SHA256(salt, "surface:user id"), hex
    value INTEGER NOT NULL CHECK (value IN (-1, 1)),
    surface TEXT NOT NULL,           -- "discord", "slack", ...
    voted REAL NOT NULL,             -- unix seconds
    PRIMARY KEY (answer_id, voter)
) WITHOUT ROWID;
"""


class FeedbackSchemaError(RuntimeError):
    """The feedback file was written by a newer newsbot (or is not a feedback file)."""


class VoteOutcome(Enum):
    NEW = "new"  # the user's first vote on this answer
    CHANGED = "changed"  # replaced the user's earlier, opposite vote
    UNCHANGED = "unchanged"  # the same vote again
    UNKNOWN_ANSWER = "unknown_answer"  # no remembered answer has this id


@dataclass(frozen=True)
class Remembered:
    """An answer as it was shown: what a vote on it refers to."""

    question: str
    text: str
    citations: tuple[dict[str, Any], ...]
    intent: str
    lang: str


@dataclass(frozen=True)
class Rated:
    """A remembered answer with its votes; `surfaces` where it was voted on, `last_vote` in
    unix seconds."""

    answer_id: int
    answer: Remembered
    up: int
    down: int
    surfaces: tuple[str, ...]
    last_vote: float


class FeedbackStore:
    """One aiosqlite connection to the feedback file. Open with `FeedbackStore.open`."""

    def __init__(self, conn: aiosqlite.Connection, salt: bytes) -> None:
        self._conn = conn
        self._salt = salt

    @classmethod
    async def open(cls, path: Path, salt: str = "") -> FeedbackStore:
        """Open (creating or migrating) the file at `path`. An empty `salt` means the one
        stored in the file, generated on first use. Raises FeedbackSchemaError for a file of
        a newer schema, sqlite3.Error for one that is not SQLite."""
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = await aiosqlite.connect(path)
        try:
            await conn.execute("PRAGMA journal_mode=WAL")
            await conn.execute("PRAGMA busy_timeout=5000")
            await _upgrade(conn)
            stored = await _stored_salt(conn)
        except BaseException:
            await conn.close()
            raise
        return cls(conn, (salt or stored).encode())

    async def close(self) -> None:
        await self._conn.close()

    async def remember(self, shown: Remembered) -> int:
        """The id of `shown`, remembering it if it is new."""
        citations = json.dumps(shown.citations, ensure_ascii=False, sort_keys=True)
        digest = hashlib.sha256(
            json.dumps([shown.question, shown.text, citations], ensure_ascii=False).encode()
        ).hexdigest()
        await self._conn.execute(
            "INSERT INTO answers (digest, question, text, citations, intent, lang, created)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (digest) DO NOTHING",
            (digest, shown.question, shown.text, citations, shown.intent, shown.lang, time.time()),
        )
        await self._conn.commit()
        async with self._conn.execute("SELECT id FROM answers WHERE digest = ?", (digest,)) as c:
            row = await c.fetchone()
        assert row is not None
        return int(row[0])

    def voter(self, surface: str, user: str) -> str:
        """The salted hash a user is kept as."""
        message = f"{surface}:{user}".encode()
        return hmac.new(self._salt, message, hashlib.sha256).hexdigest()

    async def vote(self, answer_id: int, user: str, up: bool, surface: str) -> VoteOutcome:
        """Record `user`'s vote on an answer; a later vote replaces the earlier one."""
        voter = self.voter(surface, user)
        value = 1 if up else -1
        async with self._conn.execute("SELECT 1 FROM answers WHERE id = ?", (answer_id,)) as c:
            if await c.fetchone() is None:
                return VoteOutcome.UNKNOWN_ANSWER
        async with self._conn.execute(
            "SELECT value FROM votes WHERE answer_id = ? AND voter = ?", (answer_id, voter)
        ) as c:
            earlier = await c.fetchone()
        await self._conn.execute(
            "INSERT INTO votes (answer_id, voter, value, surface, voted) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (answer_id, voter) DO UPDATE"
            " SET value = excluded.value, surface = excluded.surface, voted = excluded.voted",
            (answer_id, voter, value, surface, time.time()),
        )
        await self._conn.commit()
        if earlier is None:
            return VoteOutcome.NEW
        return VoteOutcome.UNCHANGED if earlier[0] == value else VoteOutcome.CHANGED

    async def tally(self, answer_id: int) -> tuple[int, int]:
        """(up, down) votes on one answer."""
        async with self._conn.execute(
            "SELECT COALESCE(SUM(value = 1), 0), COALESCE(SUM(value = -1), 0)"
            " FROM votes WHERE answer_id = ?",
            (answer_id,),
        ) as c:
            row = await c.fetchone()
        assert row is not None
        return int(row[0]), int(row[1])

    async def worst(self, limit: int = 20) -> list[Rated]:
        """The answers with at least one 👎, most disliked first (👎 minus 👍, then 👎, then
        the latest vote)."""
        async with self._conn.execute(
            "SELECT a.id, a.question, a.text, a.citations, a.intent, a.lang,"
            " SUM(v.value = 1) AS up, SUM(v.value = -1) AS down,"
            " GROUP_CONCAT(DISTINCT v.surface), MAX(v.voted) AS last"
            " FROM answers AS a JOIN votes AS v ON v.answer_id = a.id"
            " GROUP BY a.id HAVING down > 0"
            " ORDER BY down - up DESC, down DESC, last DESC LIMIT ?",
            (limit,),
        ) as c:
            rows = await c.fetchall()
        return [_rated(row) for row in rows]


def _rated(row: Sequence[Any]) -> Rated:
    answer_id, question, text, citations, intent, lang, up, down, surfaces, last = row
    shown = Remembered(question, text, tuple(json.loads(citations)), intent, lang)
    return Rated(
        int(answer_id), shown, int(up), int(down), tuple(sorted(surfaces.split(","))), last
    )


async def _upgrade(conn: aiosqlite.Connection) -> None:
    await conn.executescript(DDL)
    async with conn.execute("SELECT value FROM meta WHERE key = 'schema_version'") as c:
        row = await c.fetchone()
    version = int(row[0]) if row else SCHEMA_VERSION
    if version > SCHEMA_VERSION:
        raise FeedbackSchemaError(
            f"the feedback database is of schema {version}, newer than this newsbot's"
            f" ({SCHEMA_VERSION}): upgrade newsbot"
        )
    for step in range(version + 1, SCHEMA_VERSION + 1):
        await conn.executescript(_MIGRATIONS[step])
    await conn.execute(
        "INSERT INTO meta (key, value) VALUES ('schema_version', ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (str(SCHEMA_VERSION),),
    )
    await conn.commit()


async def _stored_salt(conn: aiosqlite.Connection) -> str:
    await conn.execute(
        "INSERT INTO meta (key, value) VALUES ('salt', ?) ON CONFLICT (key) DO NOTHING",
        (secrets.token_hex(32),),
    )
    await conn.commit()
    async with conn.execute("SELECT value FROM meta WHERE key = 'salt'") as c:
        row = await c.fetchone()
    assert row is not None
    return str(row[0])

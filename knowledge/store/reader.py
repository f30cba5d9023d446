"""Reading a knowledge base: the async queries the answer engine needs, nothing else."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import aiosqlite

from knowledge.store import schema
from knowledge.store.fts import match_any, match_every_group

T = TypeVar("T")


@dataclass(frozen=True)
class ArticleRow:
    id: str
    title: str
    source: str
    url: str
    published: date | None
    sentences: int
    title_stemmed: str = ""


@dataclass(frozen=True)
class SentenceRow:
    article_id: str
    idx: int
    text: str
    score: float = 0.0  # bm25: lower is better
    stemmed: str = ""


@dataclass(frozen=True)
class EventRow:
    id: int
    article_id: str
    idx: int
    date: date
    granularity: str
    year_known: bool
    date_text: str
    text: str
    score: float = 0.0


@dataclass(frozen=True)
class RoleRow:
    role: str
    article_id: str
    idx: int
    text: str  # the sentence stating the role ("" for a moderator's override)


@dataclass(frozen=True)
class QuoteRow:
    id: int
    article_id: str
    idx: int
    text: str
    stemmed: str
    speaker: str


@dataclass(frozen=True)
class PersonRow:
    id: int
    name: str
    aliases: tuple[str, ...]
    mentions: int


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


class Store:
    """A read-only view of one knowledge-base file."""

    def __init__(self, conn: aiosqlite.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path

    @classmethod
    async def open(cls, path: Path) -> Store:
        if not path.exists():
            raise FileNotFoundError(f"no knowledge base at {path}")
        conn = await aiosqlite.connect(f"file:{path}?mode=ro", uri=True)
        try:
            version = await conn.execute_fetchall(
                "SELECT value FROM meta WHERE key = 'schema_version'"
            )
        except sqlite3.DatabaseError as exc:
            await conn.close()
            raise schema.SchemaMismatch(f"{path} is not a newsbot knowledge base") from exc
        found = int(next(iter(version))[0]) if version else None
        if found != schema.SCHEMA_VERSION:
            await conn.close()
            raise schema.SchemaMismatch(
                f"{path} has schema version {found}; this newsbot needs {schema.SCHEMA_VERSION}"
            )
        return cls(conn, path)

    async def close(self) -> None:
        await self._conn.close()

    async def _all(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        return list(await self._conn.execute_fetchall(sql, params))

    async def articles(self) -> list[ArticleRow]:
        rows = await self._all(
            # No per-article sentence count here: at 100k articles it made opening take seconds.
            "SELECT a.id, a.title, a.source, a.url, a.published, 0, a.title_stemmed"
            " FROM articles a ORDER BY a.published DESC, a.id"
        )
        return [ArticleRow(r[0], r[1], r[2], r[3], _date(r[4]), r[5], r[6]) for r in rows]

    async def people(self) -> list[PersonRow]:
        rows = await self._all(
            "SELECT p.id, p.name,"
            " (SELECT group_concat(DISTINCT m.surface) FROM mentions m WHERE m.person_id = p.id),"
            " (SELECT count(*) FROM mentions m WHERE m.person_id = p.id)"
            " FROM people p ORDER BY p.name"
        )
        people = []
        for pid, name, surfaces, count in rows:
            aliases = tuple(sorted({s for s in (surfaces or "").split(",") if s and s != name}))
            people.append(PersonRow(pid, name, aliases, count))
        return people

    async def roles(self, person_id: int) -> list[RoleRow]:
        rows = await self._all(
            "SELECT m.role, m.article_id, m.sentence_idx, s.text FROM mentions m"
            " JOIN sentences s ON s.article_id = m.article_id AND s.idx = m.sentence_idx"
            " WHERE m.person_id = ? AND m.role != '' ORDER BY m.article_id, m.start",
            (person_id,),
        )
        extra = await self._all("SELECT role FROM extra_roles WHERE person_id = ?", (person_id,))
        return [RoleRow(r[0], r[1], r[2], r[3]) for r in rows] + [
            RoleRow(r[0], "", -1, "") for r in extra
        ]

    async def mention_sentences(self, person_id: int, limit: int = 5) -> list[SentenceRow]:
        rows = await self._all(
            "SELECT DISTINCT s.article_id, s.idx, s.text FROM mentions m"
            " JOIN sentences s ON s.article_id = m.article_id AND s.idx = m.sentence_idx"
            " WHERE m.person_id = ? ORDER BY s.article_id, s.idx LIMIT ?",
            (person_id, limit),
        )
        return [SentenceRow(r[0], r[1], r[2]) for r in rows]

    async def person_events(self, person_id: int, limit: int = 50) -> list[EventRow]:
        # Start from the person's few mentions, not from every event (a correlated EXISTS
        # scanned all events: 386 ms -> under 1 ms at 3,463 articles).
        return await self._events(
            "JOIN (SELECT DISTINCT article_id AS a, sentence_idx AS i FROM mentions"
            " WHERE person_id = ?) m ON m.a = e.article_id AND m.i = e.sentence_idx",
            (person_id,),
            limit,
        )

    async def all_events(self, limit: int = 500) -> list[EventRow]:
        return await self._events("", (), limit)

    async def _events(self, where: str, params: Sequence[Any], limit: int) -> list[EventRow]:
        rows = await self._all(
            "SELECT e.id, e.article_id, e.sentence_idx, e.date, e.granularity, e.year_known,"
            " e.date_text, s.text FROM events e"
            " JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence_idx "
            + where
            + " ORDER BY e.year_known DESC, e.date, e.article_id, e.sentence_idx LIMIT ?",
            (*params, limit),
        )
        return [_event(r) for r in rows]

    async def search(
        self,
        terms: Sequence[str],
        *,
        limit: int = 20,
        events_only: bool = False,
        every: Sequence[Sequence[str]] = (),
    ) -> list[SentenceRow]:
        """Sentences matching any of the (already stemmed) terms, best bm25 first.

        With `every`, a sentence must match a term of each group instead: far fewer rows for
        bm25 to rank when a question holds a very common word.
        """
        expr = (
            match_every_group(every, column="stemmed")
            if every
            else match_any(terms, column="stemmed")
        )
        if not expr:
            return []
        join = (
            " AND EXISTS (SELECT 1 FROM events e WHERE e.article_id = s.article_id"
            " AND e.sentence_idx = s.idx)"
            if events_only
            else ""
        )
        rows = await self._all(
            "SELECT s.article_id, s.idx, s.text, bm25(sentences_fts) AS rank, s.stemmed"
            " FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid"
            " WHERE sentences_fts MATCH ?" + join + " ORDER BY rank LIMIT ?",
            (expr, limit),
        )
        return [SentenceRow(r[0], r[1], r[2], r[3], r[4]) for r in rows]

    async def person_sentences(
        self, person_ids: Sequence[int], *, limit: int = 50, events_only: bool = False
    ) -> list[SentenceRow]:
        """Sentences naming any of the people, in article order."""
        if not person_ids:
            return []
        marks = ",".join("?" * len(person_ids))
        join = (
            " AND EXISTS (SELECT 1 FROM events e WHERE e.article_id = s.article_id"
            " AND e.sentence_idx = s.idx)"
            if events_only
            else ""
        )
        rows = await self._all(
            "SELECT DISTINCT s.article_id, s.idx, s.text, 0.0, s.stemmed FROM mentions m"
            " JOIN sentences s ON s.article_id = m.article_id AND s.idx = m.sentence_idx"
            f" WHERE m.person_id IN ({marks})" + join + " ORDER BY s.article_id, s.idx LIMIT ?",
            (*person_ids, limit),
        )
        return [SentenceRow(r[0], r[1], r[2], r[3], r[4]) for r in rows]

    async def people_at(self, keys: Iterable[tuple[str, int]]) -> dict[tuple[str, int], set[int]]:
        """Who each (article id, sentence index) sentence names."""
        pairs = list(dict.fromkeys(keys))
        found: dict[tuple[str, int], set[int]] = {p: set() for p in pairs}
        for chunk in _chunks(pairs, 400):
            rows = await self._all(
                "SELECT article_id, sentence_idx, person_id FROM mentions"
                f" WHERE (article_id, sentence_idx) IN (VALUES {_pairs(len(chunk))})"
                " AND person_id IS NOT NULL",
                [v for pair in chunk for v in pair],
            )
            for article_id, idx, pid in rows:
                found[(article_id, idx)].add(pid)
        return found

    async def article_people(self, article_ids: Iterable[str]) -> dict[str, set[int]]:
        """Who each article names anywhere."""
        ids = list(dict.fromkeys(article_ids))
        found: dict[str, set[int]] = {a: set() for a in ids}
        for chunk in _chunks(ids, 400):
            marks = ",".join("?" * len(chunk))
            rows = await self._all(
                f"SELECT DISTINCT article_id, person_id FROM mentions WHERE article_id IN ({marks})"
                " AND person_id IS NOT NULL",
                chunk,
            )
            for article_id, pid in rows:
                found[article_id].add(pid)
        return found

    async def events_at(self, keys: Iterable[tuple[str, int]]) -> list[EventRow]:
        """The events stated in the given (article id, sentence index) sentences."""
        # Row values against a VALUES list, in slices: a long OR chain hits SQLite's
        # "Expression tree is too large" for a much-quoted speaker.
        pairs = list(dict.fromkeys(keys))
        events: list[EventRow] = []
        for chunk in _chunks(pairs, 400):
            events += await self._events(
                f"WHERE (e.article_id, e.sentence_idx) IN (VALUES {_pairs(len(chunk))})",
                [v for pair in chunk for v in pair],
                10 * len(chunk),
            )
        return events

    async def quotes(self, person_id: int) -> list[QuoteRow]:
        rows = await self._all(
            "SELECT id, article_id, sentence_idx, text, stemmed, speaker FROM quotes"
            " WHERE person_id = ? ORDER BY article_id, start",
            (person_id,),
        )
        return [QuoteRow(*r) for r in rows]

    async def quote_speakers(self) -> list[str]:
        rows = await self._all(
            "SELECT p.name FROM people p WHERE EXISTS (SELECT 1 FROM quotes q"
            " WHERE q.person_id = p.id) ORDER BY p.name"
        )
        return [r[0] for r in rows]

    async def orgs(self, limit: int = 200) -> list[str]:
        rows = await self._all("SELECT orgs FROM events WHERE orgs != ''")
        counts: dict[str, int] = {}
        for (value,) in rows:
            for org in value.split("|"):
                counts[org] = counts.get(org, 0) + 1
        return sorted(counts, key=lambda o: (-counts[o], o))[:limit]


def _pairs(n: int) -> str:
    return ",".join("(?, ?)" for _ in range(n))


def _chunks(items: list[T], size: int) -> Iterator[list[T]]:
    # SQLite caps bound parameters per statement; big IN lists go in slices.
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _event(r: Sequence[Any]) -> EventRow:
    return EventRow(
        id=r[0],
        article_id=r[1],
        idx=r[2],
        date=date.fromisoformat(r[3]),
        granularity=r[4],
        year_known=bool(r[5]),
        date_text=r[6],
        text=r[7],
    )

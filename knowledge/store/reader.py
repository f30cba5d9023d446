"""Reading a knowledge base: the async queries the answer engine (and the benchmark) need.

One `Store` is one read-only aiosqlite connection to a finished build. Queries return the row
values of `knowledge.store.rows`; "in date order" means known years first, then by the first
day covered, then by article id and sentence index.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any, Literal, TypeVar

import aiosqlite

from knowledge.models import DateValue
from knowledge.store import schema
from knowledge.store.fts import match_every_group, match_some_ranked_by_all
from knowledge.store.lookups import TextLookups
from knowledge.store.rows import (
    ArticleRow,
    EventRow,
    PersonRow,
    QuoteRow,
    RoleRow,
    SentenceRow,
)

__all__ = [
    "ArticleRow",
    "EventRow",
    "PersonRow",
    "QuoteRow",
    "RoleRow",
    "SentenceRow",
    "Store",
]

T = TypeVar("T")

# Sentences bm25 may rank for one search: ranking costs about 2 us per matching sentence on the
# development machine, so this keeps a search near 10 ms however common its words are.
RANK_BUDGET = 5_000
# Sentences a term may be in to still count in bm25's ranking when it is not matched on.
RANK_ONLY_BUDGET = 30_000
MAX_CACHED_TERMS = 50_000
SENTENCE_INDEX = "sentences_fts"
EVENT_INDEX = "event_sentences_fts"  # the sentences that state a dated event


def _people(rows: Iterable[sqlite3.Row]) -> list[PersonRow]:
    people = []
    for pid, name, surfaces, count in rows:
        aliases = tuple(sorted({s for s in (surfaces or "").split(",") if s and s != name}))
        people.append(PersonRow(pid, name, aliases, count))
    return people


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


class Store(TextLookups):
    """A read-only view of one knowledge-base file; open it with `Store.open`.

    Not safe to share between event loops. Methods raise sqlite3.Error only when the file
    itself fails (removed, corrupt or unreadable while open).
    """

    def __init__(self, conn: aiosqlite.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path
        self._docs: dict[str, dict[str, int]] = {}

    @classmethod
    async def open(cls, path: Path) -> Store:
        """Open the knowledge base at `path` read-only.

        Raises FileNotFoundError when there is no file, SchemaMismatch when the file is not a
        newsbot knowledge base (an empty or foreign file) or was written by another
        SCHEMA_VERSION (rebuild it), and sqlite3.Error when `path` cannot be read as a file
        (a folder, say).
        """
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
        store = cls(conn, path)
        for index in (SENTENCE_INDEX, EVENT_INDEX):
            await store._create_vocab(index)
        return store

    async def _create_vocab(self, index: str) -> None:
        # Term counts for the ranking budget; a temp table, so the file stays read-only and its
        # schema as built. Created here so the first question does not pay for it.
        await self._conn.execute(
            f"CREATE VIRTUAL TABLE temp.{index}_vocab USING fts5vocab(main, {index}, col)"
        )

    async def close(self) -> None:
        """Close the connection; the store answers nothing afterwards."""
        await self._conn.close()

    async def _all(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        return list(await self._conn.execute_fetchall(sql, params))

    async def articles(self) -> list[ArticleRow]:
        """Every article's header, newest first (undated ones last), then by id."""
        rows = await self._all(
            "SELECT a.id, a.title, a.source, a.url, a.published, a.title_stemmed"
            " FROM articles a ORDER BY a.published DESC, a.id"
        )
        # Off the event loop: turning 100k rows into values took 300 ms, a stall for every
        # question waiting meanwhile (a reload opens a store while the old one answers).
        return await asyncio.to_thread(
            lambda: [ArticleRow(r[0], r[1], r[2], r[3], _date(r[4]), r[5]) for r in rows]
        )

    async def people(self) -> list[PersonRow]:
        """Every person, by name, with their aliases and mention count (0 for a person only
        the moderator's overrides declare)."""
        rows = await self._all(
            "SELECT p.id, p.name,"
            " (SELECT group_concat(DISTINCT m.surface) FROM mentions m WHERE m.person_id = p.id),"
            " (SELECT count(*) FROM mentions m WHERE m.person_id = p.id)"
            " FROM people p ORDER BY p.name"
        )
        return await asyncio.to_thread(_people, rows)

    async def roles(self, person_id: int) -> list[RoleRow]:
        """Each role the person's mentions give them, once, with the sentence that first
        states it (in article id, then text order); then the roles the overrides declare."""
        # Each role once, where it is first stated: a much-mentioned person has thousands of
        # role mentions, and fetching every sentence of them took 53 ms at 100k articles.
        rows = await self._all(
            "SELECT m.role, m.article_id, m.sentence_idx, s.text FROM (SELECT role, article_id,"
            " sentence_idx, start, row_number() OVER (PARTITION BY role ORDER BY article_id,"
            " start) AS nth FROM mentions WHERE person_id = ? AND role != '') m"
            " JOIN sentences s ON s.article_id = m.article_id AND s.idx = m.sentence_idx"
            " WHERE m.nth = 1 ORDER BY m.article_id, m.start",
            (person_id,),
        )
        extra = await self._all("SELECT role FROM extra_roles WHERE person_id = ?", (person_id,))
        return [RoleRow(r[0], r[1], r[2], r[3]) for r in rows] + [
            RoleRow(r[0], "", -1, "") for r in extra
        ]

    async def mention_sentences(self, person_id: int, limit: int = 5) -> list[SentenceRow]:
        """The first `limit` sentences naming the person, in article id, then sentence order."""
        rows = await self._all(
            "SELECT DISTINCT s.article_id, s.idx, s.text FROM mentions m"
            " JOIN sentences s ON s.article_id = m.article_id AND s.idx = m.sentence_idx"
            " WHERE m.person_id = ? ORDER BY s.article_id, s.idx LIMIT ?",
            (person_id, limit),
        )
        return [SentenceRow(r[0], r[1], r[2]) for r in rows]

    async def person_events(self, person_id: int, limit: int = 50) -> list[EventRow]:
        """The first `limit` events, in date order, stated in sentences naming the person."""
        # Start from the person's few mentions, not from every event (a correlated EXISTS
        # scanned all events: 386 ms -> under 1 ms at 3,463 articles).
        return await self._events(
            "(SELECT DISTINCT article_id AS a, sentence_idx AS i FROM mentions"
            " WHERE person_id = ?) m CROSS JOIN events e"
            " ON e.article_id = m.a AND e.sentence_idx = m.i",
            (person_id,),
            limit,
        )

    async def article_events(self, article_ids: Sequence[str], limit: int = 300) -> list[EventRow]:
        """The first `limit` events stated anywhere in the given articles, in date order."""
        if not article_ids:
            return []
        marks = ",".join("?" * len(article_ids))
        return await self._events(f"events e WHERE e.article_id IN ({marks})", article_ids, limit)

    async def all_events(self, limit: int = 500) -> list[EventRow]:
        """The first `limit` events of the whole corpus, in date order."""
        return await self._events("events e", (), limit)

    async def _events(self, source: str, params: Sequence[Any], limit: int) -> list[EventRow]:
        """The first `limit` events of `source` (SQL yielding `e`), in date order, with text.

        Event rows and sentence text are read only for the rows kept: reading them before the
        sort did so for every event of a much-mentioned person (44 ms at 100k articles).
        """
        order = "ORDER BY e.year_known DESC, e.date, e.article_id, e.sentence_idx"
        # The inner columns are all in events_by_sentence: the sort reads no event rows.
        rows = await self._all(
            "SELECT x.id, x.article_id, x.sentence_idx, x.date, x.date_end, x.precision,"
            " x.year_known, x.date_text, s.text, x.part"
            " FROM (SELECT e.id, e.year_known, e.date, e.article_id, e.sentence_idx"
            " FROM " + source + f" {order} LIMIT ?) e"
            " JOIN events x ON x.id = e.id"
            " JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence_idx " + order,
            (*params, limit),
        )
        return [_event(r) for r in rows]

    async def search(
        self,
        groups: Sequence[Sequence[str]],
        *,
        limit: int = 20,
        events_only: bool = False,
        every: bool = False,
    ) -> list[SentenceRow]:
        """Up to `limit` sentences holding a term of any of the groups of (already stemmed)
        terms, best first by bm25 (`SentenceRow.score`: lower is better); with `every`, a term
        of each group; with `events_only`, only sentences stating a dated event.

        bm25 ranks at most RANK_BUDGET sentences (see `_plan` and `_rowid_floor`), so a
        question made of very common words costs about what a rare one does. Terms are quoted
        for FTS5 (`knowledge.store.fts`): no user text can make the query fail. [] when no
        term is searchable.
        """
        index = EVENT_INDEX if events_only else SENTENCE_INDEX
        sizes = await self._group_sizes(groups, index)
        if every:
            expr = match_every_group(groups, column="stemmed")
            most = min(sizes, default=0)
        else:
            matched, ranked = _plan(sizes)
            expr = match_some_ranked_by_all(
                [t for i in matched for t in groups[i]],
                [t for i in ranked for t in groups[i]],
                column="stemmed",
            )
            most = sum(sizes[i] for i in matched)
        if not expr:
            return []
        floor = await self._rowid_floor(index, expr) if most > RANK_BUDGET else 0
        # Rank inside, fetch text outside: only the kept rows' text is read.
        rows = await self._all(
            f"SELECT s.article_id, s.idx, s.text, f.rank, s.stemmed FROM (SELECT rowid AS id,"
            f" rank FROM {index} WHERE {index} MATCH ? AND rowid > ?"
            " ORDER BY rank LIMIT ?) f JOIN sentences s ON s.id = f.id ORDER BY f.rank",
            (expr, floor, limit),
        )
        return [SentenceRow(r[0], r[1], r[2], r[3], r[4]) for r in rows]

    async def _group_sizes(self, groups: Sequence[Sequence[str]], index: str) -> list[int]:
        """At most how many sentences hold each group (the sum of its terms' counts)."""
        docs = await self.term_docs((t for g in groups for t in g), index)
        return [sum(docs[t] for t in set(g)) for g in groups]

    async def _rowid_floor(self, index: str, expr: str) -> int:
        """0 when the MATCH fits the budget; else the rowid above which the newest-added
        RANK_BUDGET matching sentences lie, so bm25 ranks those and no more."""
        rows = await self._all(
            f"SELECT rowid FROM {index} WHERE {index} MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
            (expr, RANK_BUDGET),
        )
        return int(rows[0][0]) if rows else 0

    async def term_docs(self, terms: Iterable[str], index: str = SENTENCE_INDEX) -> dict[str, int]:
        """How many sentences of `index` hold each stemmed term (0 for an unknown term).

        Read from the full-text index's vocabulary and cached for the store's lifetime (up to
        MAX_CACHED_TERMS terms an index, then the cache starts afresh).
        """
        cache = self._docs.setdefault(index, {})
        wanted = list(dict.fromkeys(terms))
        missing = [t for t in wanted if t not in cache]
        if missing:
            vocab = f"temp.{index}_vocab"
            if len(cache) > MAX_CACHED_TERMS:
                cache.clear()
            for chunk in _chunks(missing, 100):
                # One `term =` lookup per term: an IN list makes fts5vocab scan the vocabulary.
                one = f"SELECT term, doc FROM {vocab} WHERE term = ? AND col = 'stemmed'"
                rows = await self._all(" UNION ALL ".join(one for _ in chunk), chunk)
                found = {str(r[0]): int(r[1]) for r in rows}
                for term in chunk:
                    cache[term] = found.get(term, 0)
        return {t: cache[t] for t in wanted}

    async def person_sentences(
        self, person_ids: Sequence[int], *, limit: int = 50, events_only: bool = False
    ) -> list[SentenceRow]:
        """The first `limit` sentences naming any of the people, in article id, then sentence
        order (`score` 0.0); with `events_only`, only sentences stating a dated event."""
        if not person_ids:
            return []
        marks = ",".join("?" * len(person_ids))
        dated = " AND s.kind = ?" if events_only else ""
        rows = await self._all(
            "SELECT DISTINCT s.article_id, s.idx, s.text, 0.0, s.stemmed FROM mentions m"
            " JOIN sentences s ON s.article_id = m.article_id AND s.idx = m.sentence_idx"
            f" WHERE m.person_id IN ({marks})" + dated + " ORDER BY s.article_id, s.idx LIMIT ?",
            (*person_ids, *([schema.EVENT_KIND] if events_only else []), limit),
        )
        return [SentenceRow(r[0], r[1], r[2], r[3], r[4]) for r in rows]

    async def people_at(self, keys: Iterable[tuple[str, int]]) -> dict[tuple[str, int], set[int]]:
        """The ids of the people each (article id, sentence index) sentence names; every key
        given is in the result, with an empty set when the sentence names nobody."""
        pairs = list(dict.fromkeys(keys))
        found: dict[tuple[str, int], set[int]] = {p: set() for p in pairs}
        for chunk in _chunks(pairs, 400):
            # One correlated lookup per key: as a join, SQLite chose to build a Bloom filter
            # over every mention first (115 ms for 300 keys at 100k articles, 1 ms this way).
            rows = await self._all(
                "SELECT k.column1, k.column2, (SELECT group_concat(m.person_id) FROM mentions m"
                " WHERE m.article_id = k.column1 AND m.sentence_idx = k.column2"
                " AND m.person_id IS NOT NULL) FROM " + _keys(len(chunk)),
                [v for pair in chunk for v in pair],
            )
            for article_id, idx, ids in rows:
                if ids:
                    found[(article_id, idx)].update(int(i) for i in str(ids).split(","))
        return found

    async def article_people(self, article_ids: Iterable[str]) -> dict[str, set[int]]:
        """The ids of the people each article names anywhere; every article id given is in
        the result, with an empty set when it names nobody."""
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

    async def sentences_at(
        self, keys: Iterable[tuple[str, int]]
    ) -> dict[tuple[str, int], SentenceRow]:
        """The sentences at the given (article id, sentence index) keys that exist, by key."""
        pairs = list(dict.fromkeys(keys))
        found: dict[tuple[str, int], SentenceRow] = {}
        for chunk in _chunks(pairs, 400):
            rows = await self._all(
                "SELECT s.article_id, s.idx, s.text, 0.0, s.stemmed FROM "
                + _keys(len(chunk))
                + " CROSS JOIN sentences s ON s.article_id = k.column1 AND s.idx = k.column2",
                [v for pair in chunk for v in pair],
            )
            for r in rows:
                found[(r[0], r[1])] = SentenceRow(r[0], r[1], r[2], r[3], r[4])
        return found

    async def events_at(self, keys: Iterable[tuple[str, int]]) -> list[EventRow]:
        """The events stated in the given (article id, sentence index) sentences, at most ten
        a sentence on average; in date order within each batch of 400 keys."""
        pairs = list(dict.fromkeys(keys))
        events: list[EventRow] = []
        for chunk in _chunks(pairs, 400):
            events += await self._events(
                _keys(len(chunk))
                + " CROSS JOIN events e ON e.article_id = k.column1 AND e.sentence_idx = k.column2",
                [v for pair in chunk for v in pair],
                10 * len(chunk),
            )
        return events

    async def quotes(self, person_id: int) -> list[QuoteRow]:
        """Every quote attributed to the person, in article id, then text order."""
        rows = await self._all(
            "SELECT id, article_id, sentence_idx, text, stemmed, speaker FROM quotes"
            " WHERE person_id = ? ORDER BY article_id, start",
            (person_id,),
        )
        return [QuoteRow(*r) for r in rows]

    async def quote_speakers(self) -> list[str]:
        """The names of everyone with an attributed quote, by name."""
        rows = await self._all(
            "SELECT p.name FROM people p WHERE EXISTS (SELECT 1 FROM quotes q"
            " WHERE q.person_id = p.id) ORDER BY p.name"
        )
        return [r[0] for r in rows]

    async def orgs(self, limit: int = 200) -> list[str]:
        """The `limit` organisations events name most often, most first (ties by name)."""
        rows = await self._all("SELECT orgs FROM events WHERE orgs != ''")
        counts: dict[str, int] = {}
        for (value,) in rows:
            for org in value.split("|"):
                counts[org] = counts.get(org, 0) + 1
        return sorted(counts, key=lambda o: (-counts[o], o))[:limit]

    async def most_mentioned_people(self, limit: int) -> list[str]:
        """The names of the `limit` people with the most mentions, most first (ties by name)."""
        return await self._most_counted_people("mentions", limit)

    async def most_quoted_people(self, limit: int) -> list[str]:
        """The names of the `limit` people with the most attributed quotes, most first (ties
        by name)."""
        return await self._most_counted_people("quotes", limit)

    async def _most_counted_people(
        self, table: Literal["mentions", "quotes"], limit: int
    ) -> list[str]:
        rows = await self._all(
            f"SELECT p.name FROM people p JOIN {table} t ON t.person_id = p.id"
            " GROUP BY p.id ORDER BY count(*) DESC, p.name LIMIT ?",
            (limit,),
        )
        return [r[0] for r in rows]

    async def article_titles(self, limit: int) -> list[str]:
        """The titles of the first `limit` articles in article id order."""
        rows = await self._all("SELECT title FROM articles ORDER BY id LIMIT ?", (limit,))
        return [r[0] for r in rows]


def _plan(sizes: Sequence[int]) -> tuple[list[int], list[int]]:
    """Which term groups to match, and which to rank by, given how many sentences hold each.

    Matched: the rarest groups that together fit RANK_BUDGET, and at least one group that some
    sentence holds (a misspelt word must not leave the question without candidates). A sentence
    holding only a very common word ranks below those holding a rarer one, so it is seldom among
    the best. Ranked: those plus the next rarest up to RANK_ONLY_BUDGET, so a sentence holding
    them too still ranks higher; bm25 walks each ranked term's whole doclist once per question.
    """
    order = sorted(range(len(sizes)), key=sizes.__getitem__)
    matched: list[int] = []
    ranked: list[int] = []
    total = 0
    for i in order:
        total += sizes[i]
        if total <= RANK_BUDGET or not total - sizes[i]:
            matched.append(i)
        if total <= RANK_ONLY_BUDGET or not total - sizes[i]:
            ranked.append(i)
    return matched, ranked


def _keys(n: int) -> str:
    """A table `k` of n (article id, sentence index) pairs, for looking rows up by key.

    Driving the lookup from the keys (CROSS JOIN fixes the loop order) walks the index once per
    key. `(a, b) IN (VALUES ...)` scanned the whole table instead (63 ms -> 3 ms for 300 keys at
    100k articles), and a long OR chain hits "Expression tree is too large".
    """
    return "(VALUES " + ",".join("(?, ?)" for _ in range(n)) + ") k"


def _chunks(items: list[T], size: int) -> Iterator[list[T]]:
    # SQLite caps bound parameters per statement; big IN lists go in slices.
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _event(r: Sequence[Any]) -> EventRow:
    return EventRow(
        id=r[0],
        article_id=r[1],
        idx=r[2],
        when=DateValue(date.fromisoformat(r[3]), date.fromisoformat(r[4]), r[5], bool(r[6]), r[9]),
        date_text=r[7],
        text=r[8],
    )

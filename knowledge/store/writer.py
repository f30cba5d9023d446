"""Writing a knowledge base: one new database file per build, filled and then handed over.

Plain sqlite3 on purpose: a build runs in a worker thread or process, never on the event loop,
and the writer is its only user. Durability during the build is pointless (a failed build's file
is thrown away), so journaling and syncing are off until the file is complete.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from knowledge.models import ArticleFacts, PersonMention
from knowledge.stemming import stem_text
from knowledge.store import schema

_COPY_TABLES = {
    "articles": "id",
    "sentences": "article_id",
    "events": "article_id",
    "mentions": "article_id",
    "quotes": "article_id",
}


def read_hashes(path: Path) -> dict[str, str]:
    """Content hashes of an existing knowledge base ({} when absent, foreign or outdated)."""
    if not path.exists():
        return {}
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return {}
    try:
        if schema.version_of(conn) != schema.SCHEMA_VERSION:
            return {}
        return dict(conn.execute("SELECT id, content_hash FROM articles").fetchall())
    except sqlite3.Error:
        return {}
    finally:
        conn.close()


class Writer:
    def __init__(self, path: Path) -> None:
        self.path = path
        path.unlink(missing_ok=True)
        self.conn = sqlite3.connect(path)
        self.conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;")
        schema.create(self.conn)

    def copy_unchanged(self, old: Path, article_ids: Iterable[str]) -> None:
        """Copy the facts of articles whose content did not change from the previous build."""
        ids = list(article_ids)
        if not ids:
            return
        self.conn.execute("ATTACH DATABASE ? AS old", (f"file:{old}?mode=ro",))
        try:
            self.conn.execute("CREATE TEMP TABLE keep (id TEXT PRIMARY KEY)")
            self.conn.executemany("INSERT INTO keep VALUES (?)", ((i,) for i in ids))
            for table, key in _COPY_TABLES.items():
                self.conn.execute(
                    f"INSERT INTO main.{table} SELECT * FROM old.{table} "
                    f"WHERE {key} IN (SELECT id FROM keep)"
                )
            self.conn.execute("UPDATE mentions SET person_id = NULL")
            self.conn.execute("UPDATE quotes SET person_id = NULL")
            self.conn.execute("DROP TABLE keep")
            self.conn.commit()
        finally:
            self.conn.execute("DETACH DATABASE old")

    def add(self, facts: ArticleFacts) -> None:
        a = facts.article
        c = self.conn
        c.execute(
            "INSERT INTO articles(id, title, source, url, published, lang, path, content_hash,"
            " title_stemmed, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                a.id,
                a.title,
                a.source,
                a.url,
                facts.published.isoformat() if facts.published else None,
                a.lang,
                a.path,
                facts.content_hash,
                stem_text(a.title),
                a.text,
            ),
        )
        c.executemany(
            "INSERT INTO sentences(article_id, idx, start, end, text, stemmed)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                (a.id, s.index, s.start, s.end, s.text, facts.stemmed[s.index])
                for s in facts.sentences
            ),
        )
        c.executemany(
            "INSERT INTO events(article_id, sentence_idx, date, granularity, year_known, date_text,"
            " orgs) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                (
                    a.id,
                    e.sentence_index,
                    e.date.isoformat(),
                    e.granularity,
                    int(e.year_known),
                    e.date_text,
                    "|".join(e.orgs),
                )
                for e in facts.events
            ),
        )
        c.executemany(
            "INSERT INTO mentions(article_id, sentence_idx, start, end, surface, role)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                (a.id, facts.sentence_of(m.start), m.start, m.end, m.name, m.role)
                for m in facts.mentions
            ),
        )
        c.executemany(
            "INSERT INTO quotes(article_id, sentence_idx, start, end, text, stemmed, speaker)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                (a.id, q.sentence_index, q.start, q.end, q.text, stem_text(q.text), q.speaker)
                for q in facts.quotes
            ),
        )

    def commit(self) -> None:
        self.conn.commit()

    def mentions_by_article(self) -> Iterator[tuple[str, list[PersonMention]]]:
        """Every article's person mentions, for corpus-wide name resolution."""
        rows = self.conn.execute(
            "SELECT article_id, start, end, surface, role FROM mentions ORDER BY article_id, start"
        )
        current: str | None = None
        bucket: list[PersonMention] = []
        for article_id, start, end, surface, role in rows:
            if article_id != current:
                if current is not None:
                    yield current, bucket
                current, bucket = article_id, []
            bucket.append(PersonMention(start=start, end=end, name=surface, role=role))
        if current is not None:
            yield current, bucket

    def speakers(self) -> list[tuple[str, str]]:
        """(article id, speaker as written) of every attributed quote."""
        rows = self.conn.execute(
            "SELECT DISTINCT article_id, speaker FROM quotes WHERE speaker != ''"
        ).fetchall()
        return [(a, s) for a, s in rows]

    def set_people(
        self,
        canonical: Mapping[tuple[str, str], str],
        extra_roles: Mapping[str, Iterable[str]] = {},
    ) -> None:
        """Store the corpus-wide people: (article id, surface) -> canonical name."""
        c = self.conn
        names = sorted(set(canonical.values()) | set(extra_roles))
        c.executemany("INSERT INTO people(name) VALUES (?)", ((n,) for n in names))
        ids = dict(c.execute("SELECT name, id FROM people").fetchall())
        c.execute("CREATE TEMP TABLE resolved (article_id TEXT, surface TEXT, person_id INTEGER)")
        c.executemany(
            "INSERT INTO resolved VALUES (?, ?, ?)",
            ((art, surface, ids[name]) for (art, surface), name in canonical.items()),
        )
        c.execute("CREATE INDEX temp.resolved_key ON resolved(article_id, surface)")
        for table, col in (("mentions", "surface"), ("quotes", "speaker")):
            c.execute(
                f"UPDATE {table} SET person_id = (SELECT person_id FROM resolved r "
                f"WHERE r.article_id = {table}.article_id AND r.surface = {table}.{col})"
            )
        aliases: dict[str, int] = {}
        for (_, surface), name in canonical.items():
            aliases.setdefault(surface.casefold(), ids[name])
        for name, pid in ids.items():
            aliases[name.casefold()] = pid
        c.executemany("INSERT OR REPLACE INTO aliases VALUES (?, ?)", aliases.items())
        c.executemany(
            "INSERT INTO extra_roles VALUES (?, ?)",
            ((ids[name], role) for name, roles in extra_roles.items() for role in roles),
        )
        c.execute("DROP TABLE resolved")

    def finish(self) -> None:
        """Index, record completeness, and make the file durable before anyone may open it."""
        c = self.conn
        c.executescript(schema.LATE_INDEXES)
        c.execute("INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild')")
        c.execute("INSERT OR REPLACE INTO meta VALUES ('complete', '1')")
        c.commit()
        c.execute("PRAGMA journal_mode=DELETE")
        c.close()
        # The rename that publishes this file must never overtake its contents on disk.
        fd = os.open(self.path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def abort(self) -> None:
        self.conn.close()
        self.path.unlink(missing_ok=True)

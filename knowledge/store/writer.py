"""Writing a knowledge base: one new database file per build, filled and then handed over.

Plain sqlite3 on purpose: a build runs in a worker thread or process, never on the event loop,
and the writer is its only user. Durability during the build is pointless (a failed build's file
is thrown away), so journaling and syncing are off until the file is complete.

A build's order: `Writer(path)` (or `Writer.patching` from the previous build), `add` /
`copy_unchanged` / `merge` the articles, `commit`, resolve people with `mentions_by_article`,
`surfaces_by_article` and `set_people_rows`, then `finish` (or `abort` on failure). Every
method raises sqlite3.Error when the disk fails or is full.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from knowledge.models import ArticleFacts, PersonMention
from knowledge.store import schema
from knowledge.text import stem_text

# Columns carried from another file (a previous build, a worker's shard). Row ids and person ids
# are left out: ids are renumbered on arrival so files merge in any order, and people are
# resolved afresh for the whole corpus at the end of every build.
_COPY_COLUMNS = {
    "articles": (
        "id, title, source, url, published, lang, path, content_hash, title_stemmed, text"
    ),
    "sentences": "article_id, idx, start, end, text, stemmed, kind",
    "events": "article_id, sentence_idx, date, date_end, precision, year_known, part, date_text,"
    " orgs",
    "mentions": "article_id, sentence_idx, start, end, surface, role",
    "quotes": "article_id, sentence_idx, start, end, text, stemmed, speaker",
    "roles": "article_id, sentence_idx, start, end, role, context",
}
_ARTICLE_KEY = {"articles": "id"}
ANALYSIS_ROWS = 2000  # rows sampled per index for the query planner's statistics
# Characters of the sentence kept either side of a role holder's name: enough for "Finance" in
# "Finance Minister Yusuf Hakim" and the organisation after "CEO-nya, Budi, di PT ...".
ROLE_CONTEXT_CHARS = 80


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
    """Fills one new knowledge-base file; nobody may open it before `finish` returns.

    `Writer(path)` replaces whatever file is at `path` with an empty database of the current
    schema (raises OSError or sqlite3.Error when the folder is missing or not writable).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        path.unlink(missing_ok=True)
        self.conn = _connect(path)
        schema.create(self.conn)
        # Sentences with a row id above this are not in the full-text index yet; None means
        # the whole index is built at the end.
        self._indexed_up_to: int | None = None
        self._roles_indexed_up_to = 0  # roles above this row id are not in role_fts yet

    @classmethod
    def patching(cls, old: Path, path: Path, keep: Iterable[str]) -> Writer:
        """A new file that starts as a copy of `old` holding only the articles in `keep`.

        When most articles are unchanged this beats copying rows: the file copy is one
        sequential read and write, and the full-text index is patched rather than rebuilt.
        `old` must be a finished build of this schema (see `read_hashes`). Raises OSError when
        `old` cannot be copied; on any failure the new file is removed.
        """
        path.unlink(missing_ok=True)
        shutil.copyfile(old, path)
        writer = cls.__new__(cls)
        writer.path = path
        writer.conn = _connect(path)
        try:
            writer._keep_only(keep)
            writer._forget_people()
        except BaseException:
            writer.abort()
            raise
        return writer

    def _keep_only(self, keep: Iterable[str]) -> None:
        c = self.conn
        c.execute("CREATE TEMP TABLE keep (id TEXT PRIMARY KEY)")
        c.executemany("INSERT INTO temp.keep VALUES (?)", ((i,) for i in keep))
        c.execute(
            "CREATE TEMP TABLE gone AS SELECT id FROM main.articles"
            " WHERE id NOT IN (SELECT id FROM temp.keep)"
        )
        # An external-content index forgets a row only when told the values it indexed.
        c.execute(
            "INSERT INTO sentences_fts(sentences_fts, rowid, text, stemmed)"
            " SELECT 'delete', id, text, stemmed FROM sentences"
            " WHERE article_id IN (SELECT id FROM temp.gone)"
        )
        c.execute(
            "INSERT INTO event_sentences_fts(event_sentences_fts, rowid, text, stemmed)"
            " SELECT 'delete', id, text, stemmed FROM sentences"
            " WHERE article_id IN (SELECT id FROM temp.gone) AND kind = ?",
            (schema.EVENT_KIND,),
        )
        c.execute(
            "INSERT INTO role_fts(role_fts, rowid, role, context)"
            " SELECT 'delete', id, role, context FROM roles"
            " WHERE article_id IN (SELECT id FROM temp.gone)"
        )
        for table in _COPY_COLUMNS:
            key = _ARTICLE_KEY.get(table, "article_id")
            c.execute(f"DELETE FROM main.{table} WHERE {key} IN (SELECT id FROM temp.gone)")
        self._indexed_up_to = c.execute("SELECT coalesce(max(id), 0) FROM sentences").fetchone()[0]
        self._roles_indexed_up_to = c.execute("SELECT coalesce(max(id), 0) FROM roles").fetchone()[
            0
        ]
        c.executescript("DROP TABLE temp.keep; DROP TABLE temp.gone;")

    def _forget_people(self) -> None:
        """People are resolved afresh for the whole corpus; their indexes return in finish()."""
        self.conn.executescript(
            "DROP INDEX IF EXISTS mentions_by_person; DROP INDEX IF EXISTS quotes_by_person;"
            " DELETE FROM people; DELETE FROM aliases; DELETE FROM extra_roles;"
            " UPDATE mentions SET person_id = NULL; UPDATE quotes SET person_id = NULL;"
        )

    def copy_unchanged(self, old: Path, article_ids: Iterable[str]) -> None:
        """Copy the facts of the given articles from `old`, a finished build of this schema
        (articles whose content did not change). Raises sqlite3.IntegrityError when one of
        them is already in this file."""
        ids = list(article_ids)
        if not ids:
            return
        self.conn.execute("ATTACH DATABASE ? AS old", (f"file:{old}?mode=ro",))
        try:
            self.conn.execute("CREATE TEMP TABLE keep (id TEXT PRIMARY KEY)")
            self.conn.executemany("INSERT INTO keep VALUES (?)", ((i,) for i in ids))
            self._copy_from("old", "WHERE {key} IN (SELECT id FROM temp.keep)")
            self.conn.execute("DROP TABLE temp.keep")
            self.conn.commit()
        finally:
            self.conn.execute("DETACH DATABASE old")

    def merge(self, shard: Path) -> None:
        """Take every article of another writer's file (a worker's shard of this build).

        Raises sqlite3.IntegrityError when the shard holds an article this file already has.
        """
        self.conn.execute("ATTACH DATABASE ? AS shard", (f"file:{shard}?mode=ro",))
        try:
            self._copy_from("shard", "")
            self.conn.commit()
        finally:
            self.conn.execute("DETACH DATABASE shard")

    def _copy_from(self, schema_name: str, where: str) -> None:
        for table, columns in _COPY_COLUMNS.items():
            condition = where.format(key=_ARTICLE_KEY.get(table, "article_id"))
            self.conn.execute(
                f"INSERT INTO main.{table}({columns}) SELECT {columns}"
                f" FROM {schema_name}.{table} {condition}"
            )

    def add(self, facts: ArticleFacts) -> None:
        """Store one article with its sentences, events, mentions and quotes (people are
        resolved later, corpus-wide). Raises sqlite3.IntegrityError for an article id the file
        already holds. Not committed until `commit`."""
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
        dated = {e.sentence_index for e in facts.events}
        c.executemany(
            "INSERT INTO sentences(article_id, idx, start, end, text, stemmed, kind)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                (
                    a.id,
                    s.index,
                    s.start,
                    s.end,
                    s.text,
                    facts.stemmed[s.index],
                    schema.EVENT_KIND if s.index in dated else "",
                )
                for s in facts.sentences
            ),
        )
        c.executemany(
            "INSERT INTO events(article_id, sentence_idx, date, date_end, precision, year_known,"
            " part, date_text, orgs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (
                    a.id,
                    e.sentence_index,
                    e.when.start.isoformat(),
                    e.when.end.isoformat(),
                    e.when.precision,
                    int(e.when.year_known),
                    e.when.part,
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
        c.executemany(
            "INSERT INTO roles(article_id, sentence_idx, start, end, role, context)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            _role_rows(facts),
        )

    def commit(self) -> None:
        """Make what was added visible to this writer's own queries (and to an ATTACH)."""
        self.conn.commit()

    def mentions_by_article(self) -> Iterator[tuple[str, list[PersonMention]]]:
        """Every article's person mentions (a generator, in article id order, each article's
        mentions in text order), for corpus-wide name resolution."""
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

    def surfaces_by_article(self) -> Iterator[tuple[str, list[str], list[str]]]:
        """(article id, distinct mention surfaces, distinct quote speakers) for each article,
        in article id order (a generator: nothing is held in memory)."""
        rows = self.conn.execute(
            "SELECT article_id, surface, 0 FROM mentions"
            " UNION SELECT article_id, speaker, 1 FROM quotes WHERE speaker != ''"
            " ORDER BY article_id"
        )
        current: str | None = None
        buckets: tuple[list[str], list[str]] = ([], [])
        for article_id, name, is_speaker in rows:
            if article_id != current:
                if current is not None:
                    yield current, *buckets
                current, buckets = article_id, ([], [])
            buckets[is_speaker].append(name)
        if current is not None:
            yield current, *buckets

    def set_people_rows(
        self,
        rows: Iterable[tuple[str, str, str]],
        extra_roles: Mapping[str, Iterable[str]] = {},
    ) -> None:
        """Store the corpus-wide people from streamed (article id, surface, canonical name) rows.

        Every mention and quote whose (article id, surface or speaker) is in `rows` gets that
        person; the others stay unresolved. `extra_roles` maps a canonical name to the roles
        the moderator's overrides give it (a name with no roles is still a person). Call once,
        after the last article is added and committed. The rows go straight into a temporary
        table, so a corpus with millions of mentions is resolved without holding them in memory.
        """
        c = self.conn
        c.execute("CREATE TEMP TABLE resolved (article_id TEXT, surface TEXT, name TEXT)")
        c.executemany("INSERT INTO temp.resolved VALUES (?, ?, ?)", rows)
        c.execute("CREATE TEMP TABLE extra (name TEXT, role TEXT)")
        c.executemany(
            "INSERT INTO temp.extra VALUES (?, ?)",
            ((name, role) for name, roles in extra_roles.items() for role in roles),
        )
        # A name with an empty role list is still a person the moderator declared.
        c.executemany("INSERT INTO temp.extra(name) VALUES (?)", ((n,) for n in extra_roles))
        c.execute(
            "INSERT INTO people(name) SELECT name FROM temp.resolved"
            " UNION SELECT name FROM temp.extra ORDER BY 1"
        )
        c.execute(
            "CREATE TEMP TABLE resolved_ids AS SELECT r.article_id, r.surface, p.id AS person_id"
            " FROM temp.resolved r JOIN people p ON p.name = r.name"
        )
        c.execute("CREATE INDEX temp.resolved_key ON resolved_ids(article_id, surface)")
        for table, col in (("mentions", "surface"), ("quotes", "speaker")):
            c.execute(
                f"UPDATE {table} SET person_id = r.person_id FROM temp.resolved_ids r"
                f" WHERE r.article_id = {table}.article_id AND r.surface = {table}.{col}"
            )
        self._store_aliases()
        c.execute(
            "INSERT INTO extra_roles SELECT p.id, e.role FROM temp.extra e"
            " JOIN people p ON p.name = e.name WHERE e.role IS NOT NULL"
        )
        c.executescript(
            "DROP TABLE temp.resolved; DROP TABLE temp.resolved_ids; DROP TABLE temp.extra;"
        )

    def _store_aliases(self) -> None:
        # casefold() has no SQL equivalent; the distinct (surface, person) pairs are few.
        aliases: dict[str, int] = {}
        pairs = self.conn.execute(
            "SELECT r.surface, p.id, min(r.rowid) AS first FROM temp.resolved r"
            " JOIN people p ON p.name = r.name GROUP BY r.surface, p.id ORDER BY first"
        )
        for surface, pid, _ in pairs:
            aliases.setdefault(surface.casefold(), pid)
        for name, pid in self.conn.execute("SELECT name, id FROM people ORDER BY id"):
            aliases[name.casefold()] = pid
        self.conn.executemany("INSERT OR REPLACE INTO aliases VALUES (?, ?)", aliases.items())

    def finish(self) -> None:
        """Index, record completeness, and make the file durable before anyone may open it.

        Closes the writer: the file is complete and may be renamed into place.
        """
        c = self.conn
        c.executescript(schema.LATE_INDEXES)
        if self._indexed_up_to is None:
            c.execute("INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild')")
        else:
            c.execute(
                "INSERT INTO sentences_fts(rowid, text, stemmed)"
                " SELECT id, text, stemmed FROM sentences WHERE id > ?",
                (self._indexed_up_to,),
            )
        c.execute(
            "INSERT INTO event_sentences_fts(rowid, text, stemmed)"
            " SELECT id, text, stemmed FROM sentences WHERE id > ? AND kind = ?",
            (self._indexed_up_to or 0, schema.EVENT_KIND),
        )
        c.execute(
            "INSERT INTO role_fts(rowid, role, context) SELECT id, role, context FROM roles"
            " WHERE id > ?",
            (self._roles_indexed_up_to,),
        )
        # Without statistics the planner drives "events of a person" by the person index inside
        # a correlated subquery: a scan of every event per question (~400 ms at 3,500 articles,
        # ~20 ms with statistics). A sampled ANALYZE costs well under a second at any size.
        c.executescript(f"PRAGMA analysis_limit={ANALYSIS_ROWS}; ANALYZE;")
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

    def close(self) -> None:
        """Close without publishing anything (a worker's shard, merged by the build)."""
        self.conn.commit()
        self.conn.close()

    def abort(self) -> None:
        """Close and delete the unfinished file."""
        self.conn.close()
        self.path.unlink(missing_ok=True)


def _role_rows(facts: ArticleFacts) -> Iterator[tuple[str, int, int, int, str, str]]:
    """(article id, sentence index, name start, name end, role, context) of each mention that
    states a role; the context is the sentence around the name, cut at word boundaries."""
    text = facts.article.text
    for m in facts.mentions:
        if not m.role:
            continue
        idx = facts.sentence_of(m.start)
        if idx < 0:
            continue
        sentence = facts.sentences[idx]
        begin = max(sentence.start, m.start - ROLE_CONTEXT_CHARS)
        end = min(sentence.end, m.end + ROLE_CONTEXT_CHARS)
        # A cut word is not a word: drop the partial words at both edges of the window.
        before = text[begin : m.start]
        after = text[m.end : end]
        if begin > sentence.start and " " in before:
            before = before.split(" ", 1)[1]
        if end < sentence.end and " " in after:
            after = after.rsplit(" ", 1)[0]
        yield (
            facts.article.id,
            idx,
            m.start,
            m.end,
            m.role,
            f"{before}{text[m.start : m.end]}{after}",
        )


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;")
    return conn

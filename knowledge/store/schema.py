"""The versioned schema.

The database is derived data: it can always be rebuilt from the articles. So a schema change
bumps SCHEMA_VERSION and the next build re-extracts everything into a fresh file instead of
migrating rows in place; readers refuse a file of another version with SchemaMismatch.
"""

from __future__ import annotations

import sqlite3

# 4: event_sentences_fts and covering indexes for a person's mentions and events (3, with the
# event marker as a column of sentences_fts instead, never left development).
# 5: an event's date is a span with a precision (date .. date_end, precision replaces granularity).
# 6: an event's date may be a named part of a period (events.part: "early", "summer", "q3").
# 7: roles and role_fts, the stated roles of person mentions indexed for role-holder questions.
SCHEMA_VERSION = 7
EVENT_KIND = "event"  # sentences.kind of a sentence stating a dated event


class SchemaMismatch(RuntimeError):
    """The database file was written by another schema version (or is not newsbot's).

    Raised by `Store.open`; the cure is a rebuild (`newsbot ingest`), never a migration.
    """


DDL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    published TEXT,
    lang TEXT NOT NULL DEFAULT 'id',
    path TEXT NOT NULL DEFAULT '',
    content_hash TEXT NOT NULL,
    title_stemmed TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL
);
CREATE TABLE sentences (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id),
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    stemmed TEXT NOT NULL,
    -- 'event' when the sentence states a dated event (v3-4).
    kind TEXT NOT NULL DEFAULT '',
    UNIQUE (article_id, idx)
);
CREATE VIRTUAL TABLE sentences_fts USING fts5(
    text, stemmed, content='sentences', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
-- The same index over event sentences only (v3-4): "when" and "timeline" search a seventh of the
-- rows, with term statistics of their own, instead of filtering every candidate of the full
-- index (a filter phrase in MATCH made bm25 walk the whole filter's doclist per question).
CREATE VIRTUAL TABLE event_sentences_fts USING fts5(
    text, stemmed, content='sentences', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL,
    sentence_idx INTEGER NOT NULL,
    date TEXT NOT NULL,  -- the first day the event's date covers (ISO; year 0001 when unknown)
    date_end TEXT NOT NULL,  -- the last day it covers (v5)
    precision TEXT NOT NULL,  -- day, week, month, part, year or range (v5; was granularity)
    year_known INTEGER NOT NULL,
    part TEXT NOT NULL DEFAULT '',  -- which part of a period a "part" is (v6; date_parts.yaml)
    date_text TEXT NOT NULL,
    orgs TEXT NOT NULL DEFAULT ''
);
-- Covering the date order: a person's events are found and sorted without reading the rows (v3-4).
CREATE INDEX events_by_sentence ON events(article_id, sentence_idx, year_known, date);
CREATE INDEX events_by_date ON events(date);
CREATE TABLE mentions (
    article_id TEXT NOT NULL,
    sentence_idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    surface TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT '',
    person_id INTEGER
);
CREATE INDEX mentions_by_sentence ON mentions(article_id, sentence_idx);
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL,
    sentence_idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    stemmed TEXT NOT NULL,
    speaker TEXT NOT NULL,
    person_id INTEGER
);
-- A person mention's stated role (v7), for "who is the X of Y?": the role as the text states it
-- and the words around the name (`context`: where "Finance" of "Finance Minister Yusuf" or the
-- organisation of a bare "CEO" stands). start/end are the name's span, as in mentions.
CREATE TABLE roles (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL,
    sentence_idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    role TEXT NOT NULL,
    context TEXT NOT NULL
);
CREATE INDEX roles_by_article ON roles(article_id);
CREATE VIRTUAL TABLE role_fts USING fts5(
    role, context, content='roles', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE aliases (alias TEXT PRIMARY KEY, person_id INTEGER NOT NULL);
CREATE TABLE extra_roles (person_id INTEGER NOT NULL, role TEXT NOT NULL);
"""

# Created after the bulk load: building indexes once is faster than maintaining them per row.
LATE_INDEXES = """
-- Covering (v3-4): a much-mentioned person's roles and events are read from the index alone;
-- looking up thousands of scattered rows took 6 ms per question at 100k articles.
CREATE INDEX IF NOT EXISTS mentions_by_person
    ON mentions(person_id, article_id, sentence_idx, start, role);
CREATE INDEX IF NOT EXISTS quotes_by_person ON quotes(person_id);
"""


def create(conn: sqlite3.Connection) -> None:
    """Create every table of the current schema in an empty database and record its version."""
    conn.executescript(DDL)
    conn.execute(
        "INSERT INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
    )


def version_of(conn: sqlite3.Connection) -> int | None:
    """The schema version of an open database, or None when it is not a newsbot database."""
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.DatabaseError:
        return None
    return int(row[0]) if row else None

"""Look-ups of `Store` by the words of a text: who holds a role, where a name is written.

Every role a person mention states is a row of `roles`, indexed with the words around the name
by `role_fts`, so "who is the CEO of X?" is a keyed full-text lookup at any corpus size. Which
role a question means, and whether a row's organisation is the one asked, is the engine's to
judge; these queries only find the candidates, newest added first. A name nobody was resolved
to ("Lalu Mahsun Arifin" when only "Mahsun" was) is found as a phrase in the sentences.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from knowledge.store.fts import match_any, match_every_group, quote_term
from knowledge.store.rows import HolderRow, SentenceRow

_COLUMNS = (
    "SELECT r.article_id, r.sentence_idx, r.role, s.text, r.start - s.start, r.end - s.start,"
    " m.person_id, coalesce(p.name, '') FROM {source}"
    " JOIN sentences s ON s.article_id = r.article_id AND s.idx = r.sentence_idx"
    " LEFT JOIN mentions m ON m.article_id = r.article_id AND m.sentence_idx = r.sentence_idx"
    " AND m.start = r.start"
    " LEFT JOIN people p ON p.id = m.person_id"
)


class TextLookups:
    """Mixed into `Store`: needs its `_all(sql, params)`."""

    async def _all(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        raise NotImplementedError

    async def role_mentions(
        self, forms: Sequence[str], near: Sequence[Sequence[str]] = (), *, limit: int = 200
    ) -> list[HolderRow]:
        """Up to `limit` mentions whose stated role holds one of `forms` (words or phrases, as
        typed: the index folds case and accents) and, for each group of `near`, one of its terms
        in the role or the words around the name; the most recently added first. [] when
        `forms` is empty."""
        roles = match_any(forms)
        if not roles:
            return []
        expr = f"role : ({roles})"
        others = match_every_group(near)
        if others:
            expr += f" AND {others}"
        source = (
            "(SELECT rowid AS id FROM role_fts WHERE role_fts MATCH ? ORDER BY rowid DESC"
            " LIMIT ?) f JOIN roles r ON r.id = f.id"
        )
        rows = await self._all(
            _COLUMNS.format(source=source) + " ORDER BY f.id DESC", (expr, limit)
        )
        return [_holder(r) for r in rows]

    async def article_role_mentions(
        self, article_ids: Sequence[str], *, limit: int = 500
    ) -> list[HolderRow]:
        """Up to `limit` role-stating mentions of the given articles, in article then text order."""
        if not article_ids:
            return []
        marks = ",".join("?" * len(article_ids))
        sql = _COLUMNS.format(source="roles r") + (
            f" WHERE r.article_id IN ({marks}) ORDER BY r.article_id, r.start LIMIT ?"
        )
        rows = await self._all(sql, (*article_ids, limit))
        return [_holder(r) for r in rows]

    async def phrase_sentences(self, phrase: str, *, limit: int = 5) -> list[SentenceRow]:
        """Up to `limit` sentences holding `phrase` word for word (case and accents ignored),
        the most recently added first; [] for a phrase without words."""
        if not phrase.strip():
            return []
        rows = await self._all(
            "SELECT s.article_id, s.idx, s.text, 0.0, s.stemmed FROM (SELECT rowid AS id"
            " FROM sentences_fts WHERE sentences_fts MATCH ? ORDER BY rowid DESC LIMIT ?) f"
            " JOIN sentences s ON s.id = f.id ORDER BY f.id DESC",
            (f"text : {quote_term(phrase)}", limit),
        )
        return [SentenceRow(r[0], r[1], r[2], r[3], r[4]) for r in rows]

    async def article_words(self, article_ids: Sequence[str]) -> dict[str, set[str]]:
        """The stemmed words of each given article's sentences (every id given is a key)."""
        found: dict[str, set[str]] = {a: set() for a in dict.fromkeys(article_ids)}
        ids = list(found)
        for start in range(0, len(ids), 400):
            chunk = ids[start : start + 400]
            marks = ",".join("?" * len(chunk))
            rows = await self._all(
                f"SELECT article_id, stemmed FROM sentences WHERE article_id IN ({marks})", chunk
            )
            for article_id, stemmed in rows:
                found[article_id].update(str(stemmed).split())
        return found


def _holder(r: Sequence[Any]) -> HolderRow:
    return HolderRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7])

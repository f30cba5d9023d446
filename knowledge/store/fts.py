"""Turning user text into FTS5 MATCH expressions that can never be a syntax error."""

from __future__ import annotations

from collections.abc import Iterable


def quote_term(term: str) -> str:
    """One FTS5 string token: wrapped in double quotes, inner quotes doubled.

    Inside a quoted string FTS5 treats AND, OR, NEAR, *, ^, : and parentheses as plain text,
    so whatever a user typed can only ever be searched for, never parsed as syntax.
    """
    return '"' + term.replace('"', '""') + '"'


def match_every_group(groups: Iterable[Iterable[str]], column: str | None = None) -> str:
    """An AND over groups, each an OR of its terms: "(a OR a2) AND (b)"; "" when empty."""
    parts = []
    for group in groups:
        quoted = [quote_term(t) for t in dict.fromkeys(t.strip() for t in group) if t]
        if quoted:
            parts.append("(" + " OR ".join(quoted) + ")")
    if not parts:
        return ""
    body = " AND ".join(parts)
    return f"{column} : ({body})" if column else body


def match_any(terms: Iterable[str], column: str | None = None) -> str:
    """An OR of the terms (optionally limited to one column); "" when nothing is searchable."""
    quoted = [quote_term(t) for t in dict.fromkeys(t.strip() for t in terms) if t]
    if not quoted:
        return ""
    body = " OR ".join(quoted)
    return f"{column} : ({body})" if column else body


def match_some_ranked_by_all(
    some: Iterable[str], terms: Iterable[str], column: str | None = None
) -> str:
    """Rows holding any of `some`, with bm25 still scoring every one of `terms`.

    "(a) AND (a OR b OR c)" matches the rows of "a" alone, but bm25 scores each phrase of the
    expression, so a row that also holds b or c ranks higher. "" when nothing is searchable.
    """
    kept, every = match_any(some), match_any(terms)
    if not kept:
        return ""
    body = kept if kept == every else f"({kept}) AND ({every})"
    return f"{column} : ({body})" if column else body

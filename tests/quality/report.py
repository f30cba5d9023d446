"""The benchmark's printed report: accuracy per intent and per tag, the failure counts, and with
--verbose every failure with what was expected and what the reply opened with."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from .grade import Result
from .questions import INTENTS

TAG_ORDER = (
    "english",
    "typo",
    "role-holder",
    "why",
    "follow-up",
    "not-answered",
    "number",
    "slash",
    "bundled",
    "chit-chat",
)


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def accuracy(results: Sequence[Result]) -> float:
    """The share of correct results, 0-100 (0 for no results)."""
    return 100 * sum(r.correct for r in results) / len(results) if results else 0.0


def _row(name: str, rows: Sequence[Result], intent_column: bool) -> list[str]:
    correct = sum(r.correct for r in rows)
    counts = [sum(r.grade == g for r in rows) for g in ("wrong", "padded", "missed")]
    cells = [name, str(len(rows)), str(correct), _percent(correct, len(rows))]
    cells += [str(c) for c in counts]
    if intent_column:
        matched = sum(r.intent_matched for r in rows)
        cells.append(f"{matched} ({_percent(matched, len(rows))})")
    return cells


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    rows = [list(header), *map(list, rows)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = []
    for n, row in enumerate(rows):
        cells = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return lines


def _groups(
    results: Sequence[Result], names: Sequence[str], key: Callable[[Result], Iterable[str]]
) -> list[tuple[str, list[Result]]]:
    found = {name for r in results for name in key(r)}
    ordered = [n for n in names if n in found] + sorted(found - set(names))
    return [(n, [r for r in results if n in key(r)]) for n in ordered]


def summary(results: Sequence[Result], articles: int = 0) -> str:
    """The tables: per intent (with the matcher's intent agreement), then per tag, then totals."""
    header = ["intent", "questions", "correct", "accuracy", "wrong", "padded", "missed"]
    by_intent = _groups(results, INTENTS, lambda r: (r.question.intent,))
    intent_rows = [_row(name, rows, True) for name, rows in by_intent]
    intent_rows.append(_row("all", results, True))
    by_tag = _groups(results, TAG_ORDER, lambda r: r.question.tags)
    tag_rows = [_row(name, rows, False) for name, rows in by_tag]
    for lang in ("id", "en"):
        rows = [r for r in results if r.question.lang == lang]
        tag_rows.append(_row(f"lang={lang}", rows, False))
    counts = {g: sum(r.grade == g for r in results) for g in ("wrong", "padded", "missed")}
    source = f" about {articles} articles" if articles else ""
    lines = [f"newsbot answer quality: {len(results)} questions{source}", ""]
    lines += _table([*header, "intent matched"], intent_rows)
    lines += ["", *_table(["tag", *header[1:]], tag_rows), ""]
    correct = sum(r.correct for r in results)
    lines.append(
        f"correct {correct}/{len(results)} ({_percent(correct, len(results))})   "
        f"wrong {counts['wrong']}   padded {counts['padded']}   missed {counts['missed']}"
    )
    return "\n".join(lines)


def _quoted(strings: Sequence[str]) -> str:
    return " | ".join(f"“{s}”" for s in strings)


def failure(result: Result) -> str:
    """One failed question: what was asked, what a right reply holds, what came back."""
    q = result.question
    chain = f", after {q.after}" if q.after else ""
    want = "found" if q.found else "not found"
    if q.articles:
        want += f", cites {' or '.join(q.articles)}"
    if q.expect:
        want += f", opening has {_quoted(q.expect)}"
    got = "found" if result.found else "not found"
    got += f", intent {result.intent}"
    if result.cited:
        got += f", cites {', '.join(result.cited)}"
    opening = " ".join(result.opening.split())
    return "\n".join(
        [
            f"[{result.grade}] {q.id} ({q.intent}, {q.lang}{chain}): {q.q}",
            f"  expected: {want}",
            f"  got:      {got}: {result.reason}",
            f"  opening:  {opening}",
        ]
    )


def failures(results: Sequence[Result]) -> str:
    return "\n\n".join(failure(r) for r in results if not r.correct)

"""Cutting text to a chat platform's limits, shared by the adapters' renderers (and the
groups of a reload report, which every surface lists the same way).

Every platform refuses a whole message when one text is too long (Discord's 4,096-character
description, Slack's 3,000-character section), so renderers cut long text into pieces and clip
short fields here: at paragraph, line, sentence or word boundaries, never mid-word if avoidable.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from knowledge.models import BuildReport


def split(body: str, limit: int) -> list[str]:
    """`body` (stripped) in pieces of at most `limit` characters, in order; [] for blank."""
    body = body.strip()
    chunks: list[str] = []
    while len(body) > limit:
        cut = _cut_point(body, limit)
        chunks.append(body[:cut].rstrip())
        body = body[cut:].lstrip()
    if body:
        chunks.append(body)
    return chunks


def _cut_point(body: str, limit: int) -> int:
    for separator in ("\n\n", "\n", ". ", " "):
        cut = body.rfind(separator, limit // 2, limit)
        if cut > 0:
            # Keep a sentence's full stop with the sentence.
            return cut + 1 if separator == ". " else cut
    return limit


def clip(value: str, limit: int) -> str:
    """`value` when it fits in `limit` characters, else cut at a word and ended with "…"."""
    if len(value) <= limit:
        return value
    cut = value.rfind(" ", limit // 2, limit - 1)
    return value[: cut if cut > 0 else limit - 1].rstrip() + "…"


def listing(
    items: Sequence[str], limit: int, line: Callable[[str], str], more: Callable[[int], str]
) -> str:
    """`items` one a line, each shown by `line`, in at most `limit` characters: when they do
    not all fit, the last line is `more(n)` for the n items left out."""
    lines: list[str] = []
    used = 0
    for index, item in enumerate(items):
        shown, tail = line(item), more(len(items) - index)
        if used + len(shown) + 1 + len(tail) > limit:
            lines.append(tail)
            break
        lines.append(shown)
        used += len(shown) + 1
    return "\n".join(lines)


def report_groups(report: BuildReport) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A reload report's groups as every surface lists them: (catalog key, items), failures
    as "file: reason", files read in another encoding than UTF-8 as "file: encoding"."""
    failed = tuple(f"{name}: {reason}" for name, reason in report.failed)
    groups: tuple[tuple[str, tuple[str, ...]], ...] = (
        ("added", report.added),
        ("changed", report.changed),
        ("removed", report.removed),
        ("failed", failed),
    )
    if report.encodings:  # only when there are any: most reloads read UTF-8 alone
        encoded = tuple(f"{name}: {encoding}" for name, encoding in report.encodings)
        groups += (("encodings", encoded),)
    return groups

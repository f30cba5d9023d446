"""The benchmark's table: rows of (corpus, measure, value, target), echoed as they come."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field


@dataclass
class Table:
    """The rows so far, and a line for each figure that missed its target."""

    rows: list[tuple[str, str, str, str]] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def add(self, corpus: str, measure: str, value: str, target: str = "") -> None:
        """Add a row, and echo it to standard error at once (a full run takes a while)."""
        self.rows.append((corpus, measure, value, target))
        print(f"  {corpus}: {measure}: {value} {target}".rstrip(), file=sys.stderr, flush=True)

    def check(self, corpus: str, measure: str, value: float, limit: float, unit: str) -> str:
        """The target column: 'ok' or by how much the figure misses."""
        higher_is_better = unit == "articles/s"
        ok = value >= limit if higher_is_better else value <= limit
        sign = ">=" if higher_is_better else "<"
        if ok:
            return f"ok ({sign} {limit:g} {unit})"
        factor = limit / value if higher_is_better and value else value / limit
        self.misses.append(f"{corpus} {measure}: {value:.1f} {unit} vs {sign} {limit:g}")
        return f"MISSED by {factor:.1f}x ({sign} {limit:g} {unit})"

    def render(self) -> str:
        """The rows as a Markdown table."""
        head = ("corpus", "measure", "value", "target")
        widths = [max(len(r[i]) for r in [head, *self.rows]) for i in range(4)]
        line = "| " + " | ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)) + " |"
        rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
        body = [
            "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |"
            for r in self.rows
        ]
        return "\n".join([line, rule, *body])


def mib(n: float) -> str:
    """Bytes as whole MiB: "58 MiB"."""
    return f"{n / 2**20:.0f} MiB"

"""Answer -> text for a terminal. Pure: no I/O."""

from __future__ import annotations

import textwrap

from bot.engine.answer import Answer


def render(answer: Answer, width: int = 100) -> str:
    """The reply wrapped for a terminal; snippet words are never altered, only line-broken."""
    out: list[str] = []
    for line in answer.text.splitlines():
        if len(line) <= width:
            out.append(line)
            continue
        indent = "  " if line.startswith("\u2022") else ""
        out.extend(
            textwrap.wrap(line, width=width, subsequent_indent=indent, break_long_words=False)
        )
    return "\n".join(out)

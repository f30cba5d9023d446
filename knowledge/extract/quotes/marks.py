"""Spans between quote marks, paragraph by paragraph.

Curly double quotes pair by nesting, straight double quotes by what touches them (an opening
mark sits before a word), curly single quotes only when long and attributed (decided later);
an apostrophe inside a word is no mark. A paragraph left open is one paragraph of a longer
quote only when the next paragraph reopens it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

QUOTE_CHARS = re.compile(r"[“”\"‘’]")
_WORD = re.compile(r"[^\W_]+(?:[\-'’][^\W_]+)*")


@dataclass
class Marked:
    """A span between quote marks: `start`/`end` bound the inner words, `close` the end mark."""

    open: int
    close: int
    start: int
    end: int
    single: bool = False
    continued: bool = False  # unclosed at paragraph end, the next paragraph reopens it


def scan_marks(text: str) -> list[Marked]:
    """Outer quote spans of `text` in order, found paragraph by paragraph so that an
    unbalanced mark cannot run away with the rest of the article."""
    spans: list[Marked] = []
    pos = 0
    size = len(text)
    while pos < size:
        nl = text.find("\n", pos)
        end = size if nl < 0 else nl
        if end > pos:
            spans.extend(_scan_paragraph(text, pos, end))
        pos = end + 1
    return spans


def _scan_paragraph(text: str, start: int, end: int) -> list[Marked]:
    out: list[Marked] = []
    curly: list[int] = []
    straight: list[int] = []
    single = -1
    for m in QUOTE_CHARS.finditer(text, start, end):
        i = m.start()
        ch = text[i]
        if ch == "“":
            if not straight and single < 0:
                curly.append(i)
        elif ch == "”":
            if curly:
                opened = curly.pop()
                if not curly:
                    out.append(_marked(text, opened, i))
        elif ch == '"':
            if not curly and single < 0:
                _straight(text, i, start, straight, out)
        elif not curly and not straight:
            single = _single(text, i, single, out)
    if curly:
        out.extend(_continued(text, curly[0], end))
    elif straight:
        out.extend(_continued(text, straight[0], end))
    return out


def _straight(text: str, i: int, para_start: int, stack: list[int], out: list[Marked]) -> None:
    """Pair a straight double quote by what touches it: opening marks sit before a word."""
    before = text[i - 1] if i > para_start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    opener = (before.isspace() or before in "([{—–-/") and not after.isspace()
    closer = not before.isspace() and (after.isspace() or after in ",.;:!?)]}—–-")
    if not stack:
        if opener or not closer:
            stack.append(i)
        return
    prev = text[para_start:i].rstrip()[-1:]
    if prev and prev in ",.?!…" and len(stack) == 1:
        closer, opener = True, False
    if opener and not closer:
        stack.append(i)
        return
    opened = stack.pop()
    if not stack:
        out.append(_marked(text, opened, i))


def _single(text: str, i: int, opened: int, out: list[Marked]) -> int:
    """‘…’ pairs; a ’ inside a word is an apostrophe."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch == "‘":
        return i if (before.isspace() or before in "([—–-") and opened < 0 else opened
    if opened >= 0 and not after.isalnum():
        out.append(_marked(text, opened, i, single=True))
        return -1
    return opened


def _marked(text: str, opened: int, closed: int, single: bool = False) -> Marked:
    start, end = _trim(text, opened + 1, closed)
    return Marked(open=opened, close=closed, start=start, end=end, single=single)


def _continued(text: str, opened: int, para_end: int) -> list[Marked]:
    """A paragraph left open is one paragraph of a longer quote only if the next one reopens."""
    rest = text[para_end : para_end + 400].lstrip()
    if not rest[:1] or rest[0] not in '“"':
        return []
    start, end = _trim(text, opened + 1, para_end)
    return [Marked(open=opened, close=para_end, start=start, end=end, continued=True)]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def word_count(text: str, start: int, end: int) -> int:
    """How many words text[start:end] holds."""
    return sum(1 for _ in _WORD.finditer(text, start, end))

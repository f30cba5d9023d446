"""Spans between quote marks, line by line.

Curly double quotes pair by nesting, straight double quotes by what touches them (an opening
mark sits before a word), curly single quotes only when long and attributed (decided later);
an apostrophe inside a word is no mark. Scraped text breaks these rules, so each line is read
on its own and nothing pairs across a line break: a stray opening mark is skipped when the
quotes after it pair without it; a line left open is one line of a longer quote when the next
line goes on with it, else a quote to the line's end; a closing mark with no opening one (a
paragraph that starts mid-quote) closes a quote from the line's start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

QUOTE_CHARS = re.compile(r"[“”\"‘’]")
_WORD = re.compile(r"[^\W_]+(?:[\-'’][^\W_]+)*")


@dataclass
class Marked:
    """A span between quote marks: `start`/`end` bound the inner words, `close` the end mark.

    Marks that do not pair leave three kinds of span, each within one line: `continued`, open
    at the line's end while the next line goes on with the quote; `unclosed`, opened at the
    line's start or after a lead-in (',' ':') and never closed, so running to the line's end;
    `orphan`, a closing mark with no opening one, so starting at the line's start (`open` is
    then the position before it)."""

    open: int
    close: int
    start: int
    end: int
    single: bool = False
    continued: bool = False
    unclosed: bool = False
    orphan: bool = False


@dataclass
class _Scan:
    spans: list[Marked]
    left_open: list[int]  # double opening marks never closed, outermost first
    orphan: int = -1  # a closing mark before any other double quote mark in the line


def scan_marks(text: str) -> list[Marked]:
    """Outer quote spans of `text` in order, found line by line so that an unbalanced mark
    cannot run away with the rest of the article."""
    spans: list[Marked] = []
    pos = 0
    size = len(text)
    while pos < size:
        nl = text.find("\n", pos)
        end = size if nl < 0 else nl
        if end > pos:
            spans.extend(_scan_line(text, pos, end))
        pos = end + 1
    return spans


def _scan_line(text: str, start: int, end: int) -> list[Marked]:
    scan = _scan_paragraph(text, start, end, frozenset())
    if scan.left_open:
        # A stray opening mark ('naik “drastis. “Stok cukup,” kata Tono') swallows the quotes
        # after it; without it they pair.
        retry = _scan_paragraph(text, start, end, frozenset(scan.left_open[:1]))
        if len(retry.spans) > len(scan.spans):
            scan = retry
    out = scan.spans
    if scan.orphan >= 0 and _line_start(text, start) < scan.orphan:
        first = _line_start(text, start)
        s, e = _trim(text, first, scan.orphan)
        out.insert(0, Marked(open=first - 1, close=scan.orphan, start=s, end=e, orphan=True))
    if scan.left_open:
        out.extend(_left_open(text, start, scan.left_open[0], end))
    return out


def _line_start(text: str, start: int) -> int:
    while start < len(text) and text[start] in ' \t“"‘':
        start += 1
    return start


def _scan_paragraph(text: str, start: int, end: int, skip: frozenset[int]) -> _Scan:
    scan = _Scan(spans=[], left_open=[])
    out = scan.spans
    curly: list[int] = []
    straight: list[int] = []
    single = -1
    seen = False  # a double quote mark before this one in the line
    for m in QUOTE_CHARS.finditer(text, start, end):
        i = m.start()
        ch = text[i]
        if i in skip:
            continue
        if ch == "“":
            if not straight and single < 0:
                curly.append(i)
        elif ch == "”":
            if curly:
                opened = curly.pop()
                if not curly:
                    out.append(_marked(text, opened, i))
            elif not seen and not straight:
                scan.orphan = i
        elif ch == '"':
            if not curly and single < 0 and not _straight(text, i, start, straight, out):
                scan.orphan = i if not seen else scan.orphan
        elif not curly and not straight:
            single = _single(text, i, single, out)
        seen = seen or ch in '“”"'
    scan.left_open = curly or straight
    return scan


def _straight(text: str, i: int, para_start: int, stack: list[int], out: list[Marked]) -> bool:
    """Pair a straight double quote by what touches it: opening marks sit before a word.
    False for a closing mark with nothing open."""
    before = text[i - 1] if i > para_start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    opener = (before.isspace() or before in "([{—–-/") and not after.isspace()
    closer = not before.isspace() and (after.isspace() or after in ",.;:!?)]}—–-")
    if not stack:
        if opener or not closer:
            stack.append(i)
            return True
        return False
    prev = text[para_start:i].rstrip()[-1:]
    if prev and prev in ",.?!…" and len(stack) == 1:
        closer, opener = True, False
    if opener and not closer:
        stack.append(i)
        return True
    opened = stack.pop()
    if not stack:
        out.append(_marked(text, opened, i))
    return True


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


def _left_open(text: str, line_start: int, opened: int, line_end: int) -> list[Marked]:
    """A line left open: one line of a longer quote when the next line goes on with it
    (reopens it, or closes it with no opening mark), else a quote to the end of the line; a
    mark that opens right after a word, inside a sentence, is stray."""
    before = text[line_start:opened].rstrip()
    if before[-1:].isalnum():
        return []  # opened mid-sentence: 'naik "drastis sekali'

    start, end = _trim(text, opened + 1, line_end)
    if start >= end:
        return []
    nxt = line_end + 1
    while nxt < len(text) and text[nxt].isspace():
        nxt += 1
    nl = text.find("\n", nxt)
    following = _scan_paragraph(text, nxt, len(text) if nl < 0 else nl, frozenset())
    goes_on = text[nxt : nxt + 1] in ("“", '"') or following.orphan >= 0
    return [
        Marked(
            open=opened,
            close=line_end,
            start=start,
            end=end,
            continued=goes_on,
            unclosed=not goes_on,
        )
    ]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def word_count(text: str, start: int, end: int) -> int:
    """How many words text[start:end] holds."""
    return sum(1 for _ in _WORD.finditer(text, start, end))

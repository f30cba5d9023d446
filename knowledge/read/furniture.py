"""Page furniture: the lines of a web page that are not the article.

Share bars, comment forms, advertising labels, teasers for other articles, photo captions, credit
lines, newsletter boxes and the navigation labels printed after the last paragraph. Every
predicate here judges one line, already stripped of surrounding whitespace. The phrases come from
`knowledge/vocab/` (each file's header says what it holds and where it came from) and are compiled
into regular expressions at import.
"""

from __future__ import annotations

import re

from knowledge.patterns import alternation
from knowledge.vocab import VOCABULARY

__all__ = ["is_furniture", "is_newsletter_heading", "is_signup", "is_tail_junk"]

_lines = VOCABULARY.lines

# A whole-line phrase may be followed by closing punctuation: "Bagikan:", "Loading…".
_LINE_END = r"[.!:…]*$"
_FURNITURE = re.compile(
    "^(?:"
    + "|".join(
        [
            alternation(
                [
                    *_lines("furniture_lines"),
                    *_lines("signup_prompts"),
                    *_lines("newsletter_headings"),
                ]
            ),
            alternation(_lines("furniture_notices")) + r".{0,120}",
            # Letters and spaces only: "Klik di sini, lalu ..." goes on as a sentence.
            alternation(_lines("furniture_prompts")) + r"[\w\s]{0,40}",
            alternation(_lines("credit_labels")) + r"(?:\s*:\s*[^.!?]{0,60})?",
            r"(?:©|\(c\)|copyright)\s.{0,100}",
            r"[*•·\-–—_=~#|/\\.…\s]+",  # dividers and rules
            r"/\s*/\s*<!\s*\[CDATA\s*\[.*",  # the residue of an inline script
        ]
    )
    + ")"
    + _LINE_END,
    re.IGNORECASE,
)
# Not case-insensitive as a whole: capitalised markers match only in capitals (see the file).
_TEASER = re.compile(
    "^" + alternation(_lines("teaser_markers"), capitals_as_written=True) + r"\b\s*[:\-–—>»]?\s*"
)
_TEASER_MAX_CHARS = 200
# A teaser-like opening followed by this much lower-case prose is a sentence.
_PROSE_AFTER_TEASER = 80
_CAPTION_TAIL = re.compile(
    r"\(\s*"
    + alternation([*_lines("caption_heads"), *_lines("photo_credit_words")])
    + r"\b[^()]{0,120}\)\s*$",
    re.IGNORECASE,
)
_CAPTION_TAIL_MAX_CHARS = 300
_CAPTION_HEAD = re.compile("^" + alternation(_lines("caption_heads")) + r"\s*[:|/]\s*", re.I)
_CAPTION_HEAD_MAX_CHARS = 160
_CODE_CHARS = re.compile(r"[;{}=()<>]")
_SIGNUP = re.compile("^" + alternation(_lines("signup_prompts")) + _LINE_END, re.IGNORECASE)
_NEWSLETTER = re.compile("^" + alternation(_lines("newsletter_headings")) + _LINE_END, re.I)
_NAV_LABELS = frozenset(label.casefold() for label in _lines("nav_labels"))
_EDITOR_CODE = re.compile(r"^[(\[][\w .,/&-]{1,30}[)\]]$")
_SINGLE_WORD = re.compile(r"^\w[\w-]*$")
_ALL_CAPS_SHORT = re.compile(r"^[A-Z][A-Z0-9&'’ -]{0,24}$")


def is_furniture(line: str) -> bool:
    """A line that is never article content wherever it stands: a furniture phrase, a
    related-article teaser, a photo caption or a line of inline script."""
    if _FURNITURE.match(line):
        return True
    if len(line) <= _TEASER_MAX_CHARS and _TEASER.match(line) and not _reads_as_prose(line):
        return True
    return _is_caption(line) or _is_code(line)


def is_signup(line: str) -> bool:
    """The text of a sign-up or subscribe link ("Daftar di sini.")."""
    return _SIGNUP.match(line) is not None


def is_newsletter_heading(line: str) -> bool:
    """The heading of a newsletter box ("Newsletter yang direkomendasikan")."""
    return _NEWSLETTER.match(line) is not None


def is_tail_junk(line: str) -> bool:
    """A line sites print after the last paragraph: a navigation label, an editor's code
    ("(ard / ugo)"), a short all-capitals label or a lone word (a tag)."""
    if line.casefold().strip(" .:") in _NAV_LABELS:
        return True
    if _EDITOR_CODE.match(line):
        return True
    if _ALL_CAPS_SHORT.match(line) and len(line.split()) <= 3:
        return True
    return _SINGLE_WORD.match(line) is not None


def _reads_as_prose(line: str) -> bool:
    """'Lihat juga bagaimana ...' style sentences start like a teaser but read as prose."""
    rest = _TEASER.sub("", line, count=1)
    return (
        rest[:1].islower()
        and line.rstrip().endswith((".", "!", "?"))
        and len(rest) > _PROSE_AFTER_TEASER
    )


def _is_caption(line: str) -> bool:
    if len(line) <= _CAPTION_TAIL_MAX_CHARS and _CAPTION_TAIL.search(line):
        return True
    return len(line) <= _CAPTION_HEAD_MAX_CHARS and _CAPTION_HEAD.match(line) is not None


def _is_code(line: str) -> bool:
    if len(line) < 40 or "function" not in line:
        return False
    return len(_CODE_CHARS.findall(line)) > len(line) / 12

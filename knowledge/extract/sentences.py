"""An Indonesian-aware sentence splitter with exact character spans.

Rules, in order of precedence:
- a line break always ends a sentence (headings, bullets and attribution lines have no stop);
- a stop followed by a lower-case word never ends one ('“Siapa dia?” tanya Budi.');
- '?' and '!' end a sentence, and so does '.' unless the word before it is an abbreviation
  ('pk.', 'Jl.', 'Kab.', 'Tbk.'), an initial ('J. K. Rowling') or a dotted acronym or degree
  ('S.H.', 'M.Si.', 'Sp.A.', 'a.n.', 'e.g.'); 'dll.', 'dsb.', 'dst.' end one only before a
  capital;
- an ellipsis ends a sentence only when a closing quote follows it.
Dots with no space after them (6.5, 1.000.000, pukul 07.30, GPT-5.2, URLs, e-mails) are never
candidates.
"""

from __future__ import annotations

import re

from knowledge.models import Sentence
from knowledge.vocab import VOCABULARY

__all__ = ["ABBREVIATIONS", "split_sentences"]

# A run of stops, optionally closed by quotes/brackets, followed by whitespace.
# Starts with a plain character class so the regex engine can skip ahead fast.
_CANDIDATE = re.compile(r"[.!?…]+[\"”’'»)\]]*(?=\s)")
_LINE = re.compile(r"[^\n]+")
_OPENERS = "\"“‘'«([¿¡"
# Signs that may start a sentence before its first letter or digit ('$150 miliar ...').
_LEADING_SIGNS = _OPENERS + "@#$€£¥"
_INITIAL = re.compile(r"[A-Z]")
_DOTTED = re.compile(r"(?:[A-Za-z]{1,3}\.)+[A-Za-z]{1,4}")

_ABBREVIATIONS = VOCABULARY.data("abbreviations")
# Words after which a dot never ends a sentence (compared case-insensitively).
ABBREVIATIONS: frozenset[str] = frozenset(
    word
    for group in ("titles", "ranks", "places", "companies", "references")
    for word in _ABBREVIATIONS[group]
)
# These can also close a sentence ('sayur, buah, dll. Semua ...'): they end one when the next
# word starts with a capital; a lower-case next word is already handled by the general rule.
_SENTENCE_FINAL_ABBREVIATIONS = frozenset(_ABBREVIATIONS["sentence_final"])
# These are also ordinary words ('satu hal', 'Jan Leike'), so they only bind to a following
# number ('hal. 5', 'No. 7', 'Rp. 5.000', 'Jan. 5').
_BEFORE_NUMBER = frozenset(_ABBREVIATIONS["before_number"]) | frozenset(
    word for month in VOCABULARY.data("months") for word in month["abbreviations"]
)


# '(TechCrunch)' or '[Antara]' closing a paragraph credits the sentence before it.
_TRAILING_CREDIT = re.compile(r"\s+[(\[][^()\[\]]{1,40}[)\]]\s*")
_QUOTE_TAIL = 120
_LIST_MARKER = re.compile(r"\s*(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,4})")


def split_sentences(text: str) -> list[Sentence]:
    """Split cleaned article text into sentences whose spans index `text` exactly.

    Sentences are numbered from 0 in text order, trimmed of surrounding blanks, and never
    empty; text with no words gives []. Abbreviations that do not end a sentence come from
    `knowledge/vocab/abbreviations.yaml` and the month abbreviations of `months.yaml`.
    """
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        start = line.start()
        for stop in _CANDIDATE.finditer(text, line.start(), line.end()):
            if (
                _ends_sentence(text, stop, line.end())
                and not _is_list_marker(text, line.start(), stop)
                and not _inside_attributed_quote(text, start, stop, line.end())
            ):
                _add_span(text, start, stop.end(), spans)
                start = stop.end()
        _add_span(text, start, line.end(), spans)
    return [Sentence(index=i, start=s, end=e, text=text[s:e]) for i, (s, e) in enumerate(spans)]


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def _next_word_start(text: str, pos: int, line_end: int) -> str:
    """The first character of the next word, looking past spaces and opening quotes."""
    while pos < line_end and (text[pos].isspace() or text[pos] in _LEADING_SIGNS):
        pos += 1
    return text[pos] if pos < line_end else ""


def _word_before(text: str, pos: int) -> str:
    start = pos
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:pos].lstrip(_OPENERS)


def _ends_sentence(text: str, stop: re.Match[str], line_end: int) -> bool:
    marks = stop.group()
    stops = marks.rstrip("\"”’'»)]")
    closed = len(stops) < len(marks)
    following = _next_word_start(text, stop.end(), line_end)
    if _TRAILING_CREDIT.fullmatch(text, stop.end(), line_end):
        return False
    if not following or following.islower() or not following.isalnum():
        # Lower case continues the sentence ('“Siapa?” tanya dia'); stray punctuation after
        # the stop ('? ".') belongs to it.
        return False
    if "?" in stops or "!" in stops:
        return True
    if stops in ("…", "...") or (stops.endswith("…") and "." not in stops):
        return closed
    if closed or len(stops) > 1:
        return True
    return not _is_abbreviation(_word_before(text, stop.start()), following)


def _inside_attributed_quote(text: str, start: int, stop: re.Match[str], line_end: int) -> bool:
    """'“Mahal? Gila,” tulisnya.' is one sentence: the quote is still open at the stop and
    closes soon after with a comma that leads into its attribution. A long quote still splits
    so that snippets stay short; only its last piece joins the attribution."""
    if stop.group()[-1] in '"”':
        return False
    before = text[start : stop.start()]
    if before.count("“") > before.count("”"):
        close = text.find("”", stop.end(), min(line_end, stop.end() + _QUOTE_TAIL))
    elif before.count('"') % 2 == 1:
        close = text.find('"', stop.end(), min(line_end, stop.end() + _QUOTE_TAIL))
    else:
        return False
    if close < 0 or text[close - 1] != ",":
        return False
    return _CANDIDATE.search(text, stop.end(), close) is None


def _is_list_marker(text: str, line_start: int, stop: re.Match[str]) -> bool:
    """'1. Item', 'a. Item', 'iv. Item': the number of a list item is not a sentence."""
    return (
        stop.group() == "." and _LIST_MARKER.fullmatch(text, line_start, stop.start()) is not None
    )


def _is_abbreviation(word: str, following: str) -> bool:
    if not word or word[-1] in ")]”\"'":
        return False
    key = word.casefold()
    if key in _SENTENCE_FINAL_ABBREVIATIONS:
        return not following.isupper()  # "dll. 2024" goes on; "dll. Semua" starts anew
    if key in ABBREVIATIONS or _INITIAL.fullmatch(word) or _DOTTED.fullmatch(word):
        return True
    return following.isdigit() and key in _BEFORE_NUMBER

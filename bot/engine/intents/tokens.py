"""A question's tokens, and the helpers that cut subjects and topics out of them.

Each token keeps what the user typed (subjects are shown as typed) and a canonical form: folded
by `knowledge.text.fold`, contractions expanded, later chat slang and cue typos corrected
(`typos.py`). Rules read the canonical forms; answers echo the typed ones.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from bot.engine.lexicon import STOPWORDS_EN, STOPWORDS_ID
from bot.engine.vocab import ENGINE_VOCABULARY
from knowledge.text import fold, typed_tokens

MAX_CHARS = 2000  # nobody asks a longer question; beyond this is pasted noise
MAX_TOKENS = 64
MAX_SUBJECT_TOKENS = 16
MAX_SUBJECT_CHARS = 200

_INVISIBLE_RE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_MENTION_RE = re.compile(r"<[@#][!&]?\d+>|(?<!\w)@[\w.\-]+")
_PAGE_RE = re.compile(r"\s+(?:page|halaman|hal|hlm)\.?\s*(\d{1,3})\s*[?.!]*\s*$", re.IGNORECASE)
ONLY_QUESTION_MARKS_RE = re.compile(r"^[\s?？¿]+$")

_CONTRACTION_DATA = ENGINE_VOCABULARY.data("contractions")
_CONTRACTIONS: dict[str, tuple[str, ...]] = {
    str(word): tuple(parts) for word, parts in _CONTRACTION_DATA["words"].items()
}
_SUFFIX_CONTRACTIONS: tuple[tuple[str, str], ...] = tuple(
    (str(suffix), str(expansion)) for suffix, expansion in _CONTRACTION_DATA["suffixes"]
)

# "'s" (a possessive split off) and "not" (from "n't") are tokens no subject keeps at its edge.
STOPWORDS = STOPWORDS_ID | STOPWORDS_EN | frozenset({"'s", "not"})
_QUESTION_WORDS = ENGINE_VOCABULARY.data("question_words")
QUESTION_WORDS = frozenset(_QUESTION_WORDS["asking"] + _QUESTION_WORDS["never_in_subject"])
SEARCH_LEADS = frozenset(_QUESTION_WORDS["asking"] + _QUESTION_WORDS["search_leads"])
SEPARATORS = frozenset(ENGINE_VOCABULARY.data("intent_phrases")["topic_separators"])
_FILLERS = ENGINE_VOCABULARY.data("fillers")
# Longest first, so "please tell me" wins over "please".
_LEAD_FILLERS: tuple[tuple[str, ...], ...] = tuple(
    sorted((tuple(str(p).split()) for p in _FILLERS["lead"]), key=len, reverse=True)
)
_TRAIL_FILLERS = frozenset(str(w) for w in _FILLERS["trail"])


@dataclass(frozen=True)
class Token:
    """One word of a question: `canon` folded and corrected, `text` as typed ("" for words that
    only exist in canonical form, like the "is" of "who's"), `fixed` when canon is a typo fix."""

    canon: str
    text: str
    fixed: bool = False


def clean(text: str) -> str:
    """NFKC, invisible characters and chat mentions removed, whitespace collapsed, capped at
    MAX_CHARS characters."""
    text = unicodedata.normalize("NFKC", text[: MAX_CHARS * 2])
    text = _INVISIBLE_RE.sub("", text)
    text = _MENTION_RE.sub(" ", text)
    return " ".join(text.split())[:MAX_CHARS]


def tokenize(text: str) -> list[Token]:
    """The tokens of cleaned text, English contractions and possessives split off."""
    tokens: list[Token] = []
    for raw in typed_tokens(text):
        tokens.extend(_split_word(raw))
    return tokens


def _split_word(raw: str) -> list[Token]:
    """One typed word -> tokens: "who's" -> who, is; "didn't" -> did, not; "Musk's" -> Musk, 's."""
    low = fold(raw)
    if low in _CONTRACTIONS:
        first, *rest = _CONTRACTIONS[low]
        return [Token(first, raw), *(Token(r, "") for r in rest)]
    for suffix, expansion in _SUFFIX_CONTRACTIONS:
        if low.endswith(suffix) and len(low) > len(suffix) + 1:
            cut = len(raw) - len(suffix)
            return [Token(low[:cut], raw[:cut]), Token(expansion, "")]
    if low.endswith("'s") and len(low) > 3:
        return [Token(low[:-2], raw[:-2]), Token("'s", "")]
    return [Token(low, raw)]


def take_page(text: str) -> tuple[str, int]:
    """A trailing "page 2" / "halaman 2" is a page request (>= 1), not part of the question."""
    match = _PAGE_RE.search(text)
    if match is None:
        return text, 1
    return text[: match.start()], max(1, int(match.group(1)))


def bare_page(rest: str, page: int) -> tuple[str, int]:
    """ "/sources 2": a command followed by nothing but a number asks for that page."""
    if rest.isdigit() and len(rest) <= 3:
        return "", max(1, int(rest))
    return rest, page


def strip_fillers(tokens: list[Token]) -> tuple[list[Token], bool]:
    """Drop greetings and politeness at both ends; report whether anything was dropped."""
    start = 0
    moved = True
    while moved and start < len(tokens):
        moved = False
        for phrase in _LEAD_FILLERS:
            end = start + len(phrase)
            if tuple(t.canon for t in tokens[start:end]) == phrase:
                start, moved = end, True
                break
    end = len(tokens)
    while end > start and tokens[end - 1].canon in _TRAIL_FILLERS:
        end -= 1
    return tokens[start:end], start > 0 or end < len(tokens)


def starts(tokens: Sequence[Token]) -> list[int]:
    """Each token's offset in `" ".join(t.canon for t in tokens)`."""
    out: list[int] = []
    offset = 0
    for token in tokens:
        out.append(offset)
        offset += len(token.canon) + 1
    return out


def group(
    tokens: Sequence[Token], offsets: Sequence[int], match: re.Match[str], name: str
) -> list[Token]:
    """The tokens a named regex group covers (groups always fall on token boundaries)."""
    if name not in match.re.groupindex or match.group(name) is None:
        return []
    begin, end = match.span(name)
    return [t for t, s in zip(tokens, offsets, strict=True) if begin <= s < end]


def trim(tokens: Sequence[Token]) -> list[Token]:
    """Stopwords and question words cut from both ends."""
    words = list(tokens)
    while words and (words[0].canon in STOPWORDS or words[0].canon in QUESTION_WORDS):
        words.pop(0)
    while words and (words[-1].canon in STOPWORDS or words[-1].canon in QUESTION_WORDS):
        words.pop()
    return words


def subject(tokens: Sequence[Token]) -> str:
    """The content of a topic: question words dropped anywhere, stopwords at the edges."""
    kept = [t for t in tokens if t.canon not in QUESTION_WORDS]
    return display(trim(kept)[:MAX_SUBJECT_TOKENS])


def keywords(tokens: Sequence[Token]) -> str:
    """A search's content words: every stopword and question word dropped."""
    kept = [t for t in tokens if t.canon not in QUESTION_WORDS and t.canon not in STOPWORDS]
    return display(kept[:MAX_SUBJECT_TOKENS])


def display(tokens: Sequence[Token]) -> str:
    """The tokens as typed, capped so pasted walls of text never reach the store as a query."""
    text = " ".join(t.text for t in tokens if t.text)
    return text if len(text) <= MAX_SUBJECT_CHARS else text[:MAX_SUBJECT_CHARS].rstrip()


def drop_separator(tokens: list[Token]) -> list[Token]:
    """The tokens without a leading topic separator ("tentang", "about")."""
    return tokens[1:] if tokens and tokens[0].canon in SEPARATORS else tokens


def only_context(words: Sequence[str]) -> bool:
    """What follows a name is just "dari OpenAI"-like context, not another subject."""
    return len(words) <= 3 and (not words or words[0] in STOPWORDS)


def has_case_signal(text: str) -> bool:
    """Whether the text mixes upper and lower case, so capitals can mark names."""
    return any(c.isupper() for c in text) and any(c.islower() for c in text)


def capitalised_run(tokens: Sequence[Token]) -> int:
    """How many leading tokens are capitalised like a name ("Budi Santoso ekonomi" -> 2)."""
    count = 0
    for token in tokens:
        if not token.text[:1].isupper() or token.canon in STOPWORDS:
            break
        count += 1
    return count

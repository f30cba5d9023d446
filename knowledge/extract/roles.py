"""Role phrases beside a name: which words name a position, and how a role sits by a name.

The vocabulary is data: `knowledge/vocab/roles.yaml` (heads, modifiers, qualifiers, ranks,
relational heads) and `honorifics.txt`, read as lower-case token tuples. Two matchers read it:
`role_before` finds a phrase that ends right before a name ("Menteri Keuangan Sri ...", "CEO
OpenAI, Sam ..."), `role_after` one that follows it as an apposition ("Satya Nadella, CEO
Microsoft,"). Both return the role verbatim as the text spells it, including leading modifiers
such as "mantan" or "salah satu" because they change its meaning.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from knowledge.extract.sentences import ABBREVIATIONS
from knowledge.patterns import alternation
from knowledge.vocab import VOCABULARY

_ROLES = VOCABULARY.data("roles")


def _phrases(entries: list[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(entry.split()) for entry in entries)


def _words(entries: list[str]) -> frozenset[str]:
    return frozenset(word for entry in entries for word in entry.split())


ROLE_HEADS: frozenset[tuple[str, ...]] = _phrases(_ROLES["heads"])
MODIFIERS: frozenset[tuple[str, ...]] = _phrases(_ROLES["modifiers"])
# Titles that point at another person ("kuasa hukum X, Y": the title is Y's).
RELATIONAL_HEADS: frozenset[tuple[str, ...]] = _phrases(_ROLES["relational"])
CONNECTORS: frozenset[str] = frozenset(_ROLES["connectors"])
# Glue words a title may contain but never end with.
_GLUE: frozenset[str] = frozenset(_ROLES["glue"])
QUALIFIERS: frozenset[str] = _words(_ROLES["qualifiers"]) | _GLUE | CONNECTORS
RANKS: frozenset[str] = _words(_ROLES["ranks"])
ROLE_WORDS: frozenset[str] = frozenset(w for p in ROLE_HEADS | MODIFIERS for w in p)
# Heads that govern a region named right after them ("Bupati Sambas").
REGIONAL_HEADS: frozenset[tuple[str, ...]] = _phrases(_ROLES["regional"])
# Words that introduce a role after a name ("selaku", "sebagai").
APPOSITION_WORDS: frozenset[str] = frozenset(_ROLES["apposition"])
# Grammar words of both languages: never a field word inside a title.
_FUNCTION_WORDS: frozenset[str] = VOCABULARY.words("function_words_id") | VOCABULARY.words(
    "function_words_en"
)
# Verb forms: a title's field is a noun ("bedah", "jantung"), never "mengatakan".
_VERB_RE = re.compile(r"(?:me|di|[bpt]er)[a-z]{3,}")
# Honorifics sit between a title and a name ("Psikolog Dr. Linda"); they belong to neither.
HONORIFICS: frozenset[str] = VOCABULARY.words("honorifics")
# Vocabulary entries spelt with their dot ("plt.", "dr."): the dot is part of the word.
_DOTTED = frozenset(w for w in HONORIFICS | ROLE_WORDS if w.endswith("."))


def phrase_index(
    phrases: Iterable[tuple[str, ...]], at: int = 0
) -> dict[str, list[tuple[str, ...]]]:
    """Phrases (word tuples) by their first word (`at`=0) or last (`at`=-1), longest first
    in each bucket so that "kepala ilmuwan" wins over "ilmuwan"."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        index.setdefault(phrase[at], []).append(phrase)
    for bucket in index.values():
        bucket.sort(key=len, reverse=True)
    return index


_HEADS_BY_LAST = phrase_index(ROLE_HEADS, -1)
_HEAD_WORDS = frozenset(_HEADS_BY_LAST)
_FIRST_WORD_RE = re.compile(r"[^\s,;:()\[\]\"“”‘’'!?—–•·|/]+")
_HEADS_BY_FIRST = phrase_index(ROLE_HEADS)
_MODS_BY_LAST = phrase_index(MODIFIERS, -1)
_MODS_BY_FIRST = phrase_index(MODIFIERS)

# Words, and single punctuation marks that end a role phrase.
_TOKEN_RE = re.compile(r"[^\s,;:()\[\]\"“”‘’'!?—–•·|/]+|[,;:()\[\]\"“”‘’'!?—–•·|/]")
_WINDOW = 120
_LAST_WORD_RE = re.compile(r"([^\s,;:()\[\]\"“”‘’'!?—–•·|/]+)[\s,:)]*$")
_MAX_LOOSE = 10  # qualifiers in a row before we stop believing it is still one title
_MAX_FIELD = 3  # lower-case field words between a head and the name ("ahli jantung")
_ENCLITIC_RE = re.compile(r"(?:nya|lah)$")
_COLON_GAP_RE = re.compile(r":[ \t]*$")
_DASHES = frozenset({"-", "\u2013"})
# Words between a title and the name it introduces: "pekerja swasta bernama John Hansen".
_NAMING_WORDS = frozenset({"bernama", "berinisial", "yakni", "yaitu"})
# After a name: what may introduce an apposition role.
_AFTER_INTRO_RE = re.compile(
    r"(?:[ \t]*,[ \t]*(?:yang[ \t]+(?:juga[ \t]+|kini[ \t]+|saat[ \t]+ini[ \t]+)?"
    r"(?:menjabat[ \t]+(?:sebagai[ \t]+)?|merupakan[ \t]+|adalah[ \t]+|sebagai[ \t]+)?)?"
    rf"|[ \t]+(?:{alternation(_ROLES['intro_adverbs'])}[ \t]+){{0,2}}"
    rf"(?:{alternation(_ROLES['intro'])}"
    rf"|{alternation(_ROLES['intro_verbs'])}[ \t]+(?:sebagai|menjadi))"
    r"(?:[ \t]+sebagai)?[ \t]+"
    r"|[ \t]*\([ \t]*)"
)


@dataclass(frozen=True)
class RoleSpan:
    """A role phrase at [start, end) of the article text, and its verbatim text."""

    start: int
    end: int
    text: str  # verbatim article text


class _Tok(NamedTuple):
    start: int
    end: int
    word: str  # lower-case, trailing abbreviation dot kept
    raw: str


def _tokens(text: str, lo: int, hi: int) -> list[_Tok]:
    return [
        _Tok(m.start(), m.end(), m.group().lower(), m.group())
        for m in _TOKEN_RE.finditer(text, lo, hi)
    ]


def _norm(word: str) -> str:
    """A token as the vocabulary spells it: no possessive "-nya", no sentence dot."""
    if word in _DOTTED:
        return word
    word = word.rstrip(".")
    if len(word) > 5 and _ENCLITIC_RE.search(word):
        base = word[:-3]
        if (base,) in ROLE_HEADS:
            return base
    return word


def is_relational(role: str) -> bool:
    """Whether a role phrase ends in a title that points at another person ("kuasa hukum")."""
    words = tuple(w.lower() for w in role.split())
    return any(words[-len(h) :] == h for h in RELATIONAL_HEADS if len(h) <= len(words))


def bare_head(role: str) -> tuple[str, ...] | None:
    """The head of a role that is only modifiers and one head ("Presiden", "mantan Wakil
    Gubernur"), lower case; None when the role names more (a body, a field, a place:
    "Kepala BPS", "Menteri Luar Negeri"), which leaves no room for a body after it."""
    toks = [_norm(w.lower()) for w in role.split()]
    i = 0
    while i < len(toks):
        head = _match_words(toks, i, _HEADS_BY_FIRST)
        if head == len(toks) - i:
            return tuple(toks[i:])
        mod = _match_words(toks, i, _MODS_BY_FIRST)
        if not mod:
            return None
        i += mod
    return None


def _match_words(toks: list[str], i: int, index: dict[str, list[tuple[str, ...]]]) -> int:
    for phrase in index.get(toks[i], ()):
        if tuple(toks[i : i + len(phrase)]) == phrase:
            return len(phrase)
    return 0


def is_role_word(word: str) -> bool:
    """Whether a single word belongs to a title (head, modifier or rank), any case."""
    low = word.lower().rstrip(".")
    return low in ROLE_WORDS or low in RANKS or (low,) in ROLE_HEADS


def _ends_sentence(tok: _Tok) -> bool:
    """A word with a full stop that is no abbreviation ("Dr.", "Plt.", "PT.") ends a sentence."""
    if not tok.raw.endswith(".") or len(tok.raw) <= 2 or tok.word in _DOTTED:
        return False
    return tok.word.rstrip(".") not in ABBREVIATIONS


def _is_capitalised(raw: str) -> bool:
    return any(c.isupper() for c in raw[:3]) or raw[:1].isdigit()


def _is_loose(tok: _Tok) -> bool:
    """A token that may sit between a head and the name: an org, a field, a rank."""
    word = _norm(tok.word)
    return (
        _is_capitalised(tok.raw)
        or word in QUALIFIERS
        or word in RANKS
        or (word,) in MODIFIERS
        or word in CONNECTORS
        or tok.raw in _DASHES
    )


def _match_back(toks: list[_Tok], j: int, index: dict[str, list[tuple[str, ...]]]) -> int:
    """Length of the longest vocabulary phrase ending at token j, 0 if none."""
    for phrase in index.get(_norm(toks[j].word), ()):
        n = len(phrase)
        if j - n + 1 < 0:
            continue
        if all(_norm(toks[j - n + 1 + k].word) == phrase[k] for k in range(n)):
            return n
    return 0


def _chief_officer_back(toks: list[_Tok], j: int) -> int:
    """'chief <field...> officer' as one head, read backwards from 'officer'."""
    if _norm(toks[j].word) != "officer":
        return 0
    for k in range(1, 4):
        if j - k >= 0 and _norm(toks[j - k].word) == "chief":
            return k + 1
    return 0


def _may_end_title(text: str, lo: int, hi: int) -> bool:
    """Cheap first look: most names follow a verb or preposition, which no title ends with."""
    last = _LAST_WORD_RE.search(text, lo, hi)
    if last is None:
        return False
    word = _norm(last.group(1).lower())
    field = word.isalpha() and word not in _FUNCTION_WORDS and not _VERB_RE.match(word)
    if word in _NAMING_WORDS or field:
        # "ahli jantung Michael", "pekerja swasta bernama John": a head a few words back
        words = text[max(0, lo - 40) : last.start()].split()[-_MAX_FIELD:]
        if any(_norm(w.lower().strip(",.:;()")) in _HEAD_WORDS for w in words):
            return True
    return (
        _is_capitalised(last.group(1))
        or word in HONORIFICS
        or word in QUALIFIERS
        or word in RANKS
        or word in _HEADS_BY_LAST
        or word == "officer"
        or word in _MODS_BY_LAST
    )


@lru_cache(maxsize=512)
def role_before(text: str, name_start: int, floor: int = 0) -> RoleSpan | None:
    """The role phrase ending right before `name_start` ("CEO OpenAI, " / "mantan peneliti ").

    `floor` is where the previous person's name ended: a title never reaches across it, nor
    across a line break. Two titles joined by a colon are one role ("CEO sementara: direktur
    teknis Mira ...").
    """
    if not _may_end_title(text, max(floor, name_start - 40), name_start):
        return None
    lo = max(floor, name_start - _WINDOW)
    line = text.rfind("\n", lo, name_start)
    if line >= 0:
        lo = line + 1
    toks = _tokens(text, lo, name_start)
    j, last = _title_last(toks)
    if j < 0 or _ends_sentence(toks[j]) or _norm(toks[j].word) in CONNECTORS | _GLUE:
        return None
    role_start = _title_start(toks, j)
    if role_start < 0:
        return None
    if _COLON_GAP_RE.search(text, lo, role_start):
        earlier = role_before(text, role_start, floor)
        role_start = earlier.start if earlier is not None else role_start
    role_end = toks[last].end
    return RoleSpan(role_start, role_end, text[role_start:role_end])


def _title_last(toks: list[_Tok]) -> tuple[int, int]:
    """(token to read the title back from, token the role text ends with).

    Honorifics belong to nobody; a comma or colon may separate title and name, and a rank may
    follow that comma ("Kepala Polda Metro Jaya, Irjen Budi").
    """
    j = len(toks) - 1
    if j >= 0 and toks[j].word in _NAMING_WORDS:
        j -= 1  # "seorang pekerja swasta bernama John Hansen"
    while j >= 0 and toks[j].word in HONORIFICS:
        j -= 1
    end = j
    while j >= 0 and _norm(toks[j].word) in RANKS:
        j -= 1
    if 0 <= j < end and toks[j].raw == ",":
        return j - 1, end
    j = end
    if j >= 0 and toks[j].raw in (",", ":"):
        j -= 1
    return j, j


def _title_start(toks: list[_Tok], j: int) -> int:
    """Start offset of the title that ends at token j, -1 when no position head is there."""
    role_start = -1
    loose = fields = 0
    glued = False  # a glue word ("untuk") lies between the head found and the tokens before
    while j >= 0 and loose <= _MAX_LOOSE:
        tok = toks[j]
        if _ends_sentence(tok):
            break
        head = _chief_officer_back(toks, j) or _match_back(toks, j, _HEADS_BY_LAST)
        mod = _match_back(toks, j, _MODS_BY_LAST) if role_start >= 0 else 0
        if (head or mod) and glued:
            break  # "partner untuk manajer United": the nearer title is the person's
        if head or mod:
            j -= head or mod
            role_start, loose = toks[j + 1].start, 0
            continue
        paren = _paren_back(toks, j)
        if paren:
            j -= paren
            loose += 1
            continue
        if not _is_loose(tok) and not _ordinal_ke(toks, j):
            if role_start >= 0 or fields >= _MAX_FIELD or not _is_field(tok):
                break
            fields += 1  # "ahli jantung Michael ...", "Gubernur DKI terpilih Anies ..."
        glued = glued or (role_start >= 0 and _norm(tok.word) in _GLUE)
        j -= 1
        loose += 1
    return role_start


def _field_goes_on(toks: list[_Tok], i: int) -> bool:
    """Whether lower-case words after a head close the apposition (a comma, a bracket or the
    end of the sentence within three words), so they describe the title, not start the
    clause: "imam masjid desa," but not "pelatih mengatakan ..." (a verb breaks it anyway)."""
    for k in range(i, min(len(toks), i + _MAX_FIELD + 1)):
        if toks[k].raw in (",", ")", ";") or _ends_sentence(toks[k]):
            return True
        if not (_is_field(toks[k]) or _is_loose(toks[k])):
            return False
    return False


def _ordinal_ke(toks: list[_Tok], j: int) -> bool:
    """ "ke" of an ordinal inside a title: "Presiden RI ke - 5", "Presiden ke-44"."""
    nxt = toks[j + 1].raw if j + 1 < len(toks) else ""
    return toks[j].word == "ke" and (nxt[:1].isdigit() or nxt in _DASHES)


def _is_field(tok: _Tok) -> bool:
    """A lower-case content word that may name a title's field: no grammar word, no verb
    (me-, di-, ber-, ter- forms) and no sentence end."""
    word = tok.word
    return (
        word.isalpha()
        and word.islower()
        and word not in _FUNCTION_WORDS
        and word not in APPOSITION_WORDS
        and not _VERB_RE.match(word)
    )


def _paren_back(toks: list[_Tok], j: int) -> int:
    """How many tokens an abbreviation in brackets ending at j takes: "(TNGR)", "(PT JICT)"."""
    if toks[j].raw != ")":
        return 0
    k = j - 1
    while k >= 0 and j - k <= 4 and toks[k].raw != "(":
        if not _is_capitalised(toks[k].raw):
            return 0
        k -= 1
    return j - k + 1 if 0 <= k < j - 1 and toks[k].raw == "(" else 0


def _match_forward(toks: list[_Tok], i: int, index: dict[str, list[tuple[str, ...]]]) -> int:
    for phrase in index.get(_norm(toks[i].word), ()):
        n = len(phrase)
        if i + n > len(toks):
            continue
        if all(_norm(toks[i + k].word) == phrase[k] for k in range(n)):
            return n
    return 0


def _chief_officer_forward(toks: list[_Tok], i: int) -> int:
    if _norm(toks[i].word) != "chief":
        return 0
    for k in range(1, 4):
        if i + k < len(toks) and _norm(toks[i + k].word) == "officer":
            return k + 1
    return 0


def _title_forward(toks: list[_Tok], i: int) -> tuple[int, bool]:
    """Consume modifiers then one head from token i; returns (next index, found a head)."""
    while i < len(toks):
        mod = _match_forward(toks, i, _MODS_BY_FIRST)
        head = _chief_officer_forward(toks, i) or _match_forward(toks, i, _HEADS_BY_FIRST)
        if head and head >= mod:
            return i + head, True
        if not mod:
            return i, False
        i += mod
    return i, False


def _next_title(toks: list[_Tok], i: int) -> int:
    """Index after a title that starts at token i (after an optional "dan"), -1 if none."""
    if i < len(toks) and _norm(toks[i].word) in CONNECTORS:
        i += 1
    nxt, found = _title_forward(toks, i)
    return nxt if found else -1


@lru_cache(maxsize=512)
def role_after(text: str, name_end: int, ceiling: int | None = None) -> RoleSpan | None:
    """An apposition role after a name: ", CEO Microsoft," / " selaku Ketua Umum PAN".

    `ceiling` is where the next person's name starts: a title never reaches into it.
    """
    intro = _AFTER_INTRO_RE.match(text, name_end)
    if intro is None:
        return None
    bare_comma = intro.group().strip() == ","
    hi = min(len(text), name_end + _WINDOW, ceiling if ceiling is not None else len(text))
    return _role_from(text, intro.end(), hi, bare_comma)


def role_at(text: str, start: int, end: int) -> RoleSpan | None:
    """A role phrase that starts exactly at `start` and ends by `end` ("Gelandang asal Spanyol"
    at the head of a sentence), or None."""
    first = _FIRST_WORD_RE.match(text, start)
    if first is None:
        return None
    word = _norm(first.group().lower())
    if word not in _HEADS_BY_FIRST and word not in _MODS_BY_FIRST and word != "chief":
        return None  # most sentences open with no title: skip tokenising them
    return _role_from(text, start, min(end, start + _WINDOW), False)


def _role_from(text: str, start: int, hi: int, bare_comma: bool) -> RoleSpan | None:
    toks = _tokens(text, start, hi)
    i, found = _title_forward(toks, 0)
    if not found or not toks or toks[0].start != start:
        return None
    last = i - 1
    fields = 0
    while i < len(toks) and not _ends_sentence(toks[i - 1]):
        word = _norm(toks[i].word)
        if word in CONNECTORS:
            nxt, found = _title_forward(toks, i + 1)
            if not found and bare_comma:
                return None  # "Untuk Ezra, pelatih dan saya ...": a list, not an apposition
            if found:  # "pendiri dan CEO ...": a second title joins the first
                last = i = nxt - 1
            i += 1
            continue
        if toks[i].raw == ",":
            nxt = _next_title(toks, i + 1)
            if nxt < 0:  # the apposition ends; what follows is the sentence
                break
            last = i = nxt - 1  # "pendiri OpenAI, anggota dewan direksi, dan peneliti AI"
            i += 1
            continue
        if not _is_loose(toks[i]):
            if fields >= _MAX_FIELD or not _is_field(toks[i]) or not _field_goes_on(toks, i):
                break
            fields += 1  # "Hasan, imam masjid desa,": field words after the head
        if word not in _GLUE:
            last = i
        i += 1
    end = toks[last].end
    if _ends_sentence(toks[last]):
        end -= 1
    return RoleSpan(start, end, text[start:end])

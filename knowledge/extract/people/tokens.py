"""Capitalised runs of one article and what each of their tokens is.

A run is a sequence of name-like tokens (capitalised words, initials, dotted titles, numbers
after the first) separated only by blanks or name particles ("van der"). Each token gets a
`Kind` from the vocabulary (`lexicon`), from its shape (acronyms, versions, camel case,
Indonesian affixes) and from the article around it (`Context`: words the text writes in lower
case, words a cue puts in the place of a place). Organisations found on the way are recorded
in the context as spans.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache

from knowledge.extract.people.lexicon import (
    DOTTED_TITLES,
    FAMILY_NAMES,
    GIVEN_NAMES,
    MONTH_ABBREVIATIONS,
    ORG_INDEX,
    ORG_PREFIXES,
    ORG_SUFFIXES,
    PARTICLES,
    PLACE_CUE_RE,
    PLACE_INDEX,
    PLACES,
    REGIONS,
    STOPWORDS,
    TIME_WORDS,
    root_words,
)
from knowledge.extract.roles import HONORIFICS, QUALIFIERS, RANKS, is_role_word
from knowledge.models import Sentence
from knowledge.patterns import trie

# Indonesian derived words (ke-an, pe-an, me-, di-, ber-, peng-): vocabulary, not surnames.
_AFFIX_COMMON_RE = re.compile(
    r"^(?:ke|pe[mnr]?|peng|peny|per)\w{3,}an$|^(?:peng|peny|pem[bp]|pen[cdjt])\w{4,}$"
)
# Verb prefixes that foreign names share ("Didier", "Bernard", "Melinda"): such a word is
# vocabulary only when stripping prefix and suffix leaves an Indonesian root.
_VERB_PREFIX_RE = re.compile(r"^(?:me|di|ber|ter)\w{4,}$")
_PREFIX_BASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("memper", ("",)),
    ("meng", ("", "k")),
    ("meny", ("s",)),
    ("mem", ("", "p")),
    ("men", ("", "t")),
    ("me", ("",)),
    ("diper", ("",)),
    ("di", ("",)),
    ("ber", ("",)),
    ("be", ("",)),
    ("ter", ("",)),
)
_SUFFIXES = ("kannya", "kan", "nya", "an", "i", "")
# Police and ministry units: "Ditreskrimum", "Dittipidum" (Direktorat ...).
_DIRECTORATE_RE = re.compile(r"^Dit[b-df-hj-np-tv-z]")
# "Purwakarta, Jawa Barat": a word before a comma and a province or country is a town.
_BEFORE_REGION_RE = re.compile(
    r"([A-Z][\w'’-]+)[ \t]*,[ \t]+([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?)(?![\w'’-])"
)
# Scraped text spaces its hyphens: "Son Heung - min", "Orang - orang". A lower-case piece after
# such a hyphen belongs to the word before it.
_SPACED_HYPHEN = r"(?:[ \t]-[ \t](?!(?:lah|nya|pun|kah)\b)[a-z][a-z'’]+(?![\w'’-]))?"
# A name-like token: abbreviated title, initials, or a word that starts with a capital.
_WORD_PATTERN = (
    r"(?<![\w'’-])(?:(?:" + trie(DOTTED_TITLES) + r")\.(?=[ \t])"
    r"|[A-Z]\.(?:[A-Z]\.)*"
    r"|(?:[A-ZÀ-ÖØ-Þ]|[a-z]{1,2}[A-Z]|(?:al|el)-[A-Z])[\w'’]*"
    r"(?:[-.](?!(?:lah|nya|pun|kah)\b)[\w'’]+)*" + _SPACED_HYPHEN + ")"
)
# Numbers only continue a run ("Llama 3"); they never start one.
_TOKEN_PATTERN = _WORD_PATTERN + r"|\d+(?:[.,]\d+)*[a-zA-Z]*"
_PARTICLE_PATTERN = "(?:" + "|".join(sorted(PARTICLES)) + ")"
_SEP = r"[ \t\u00a0]+"
# A run: name-like tokens joined by blanks, with up to two particles ("van der") between.
_RUN_RE = re.compile(
    rf"(?:{_WORD_PATTERN})(?:{_SEP}(?:{_PARTICLE_PATTERN}{_SEP}){{0,2}}(?:{_TOKEN_PATTERN}))*"
)
_PIECE_RE = re.compile(r"[^ \t\u00a0]+" + _SPACED_HYPHEN)
_BLANK_RE = re.compile(r"[ \t\u00a0]")
# Particles written with a capital inside a name: the Arabic patronymics and articles.
_INNER_PARTICLES = frozenset({"bin", "binti", "ibn", "al", "el"})
_DIGIT_RE = re.compile(r"\d")
_URL_CHARS = frozenset("/.=?&#@")
_CAMEL_RE = re.compile(r"^[A-Z][a-z]{3,}[A-Z]|^[A-Z][a-z]+[A-Z]{2}")
# "Awalnya", "Mungkinkah": a word with a clitic is prose, whatever its case; "-lah" only where
# it opens a sentence, as names end in it too ("Siti Fadilah", "Gus Sholah").
_CLITIC_RE = re.compile(r"\w{3,}(?:nya|kah|pun)$")
_LAH_RE = re.compile(r"\w{3,}(?<!l)lah$")
_INITIAL_RE = re.compile(r"[A-Z]\.?")
# Words the article writes in lower case, not counting handles, e-mails and addresses
# ("@massy.arias"), where names are written in lower case too.
_LOWER_WORD_RE = re.compile(r"(?<![\w@#./-])[a-z][a-z'’-]+(?![\w@/-]|\.\w)")
# First words of the organisations and places the gazetteers name: most tokens are neither.
_GAZETTEER_FIRST_WORDS = frozenset(ORG_INDEX) | frozenset(PLACE_INDEX)
_LINE_RE = re.compile(r"[^\n]+")
_LINE_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
_CLOSING_MARKS = frozenset('.:;?!"”’)')
_DASH_MARKS = frozenset("—–-")
_LINE_START_RE = re.compile(r"(?:^|\n)[ \t\-–—•*>\"“‘']*")


class Kind(Enum):
    """What a token of a capitalised run is."""

    NAME = "name"
    INITIAL = "initial"
    PARTICLE = "particle"
    HONORIFIC = "honorific"
    ROLE = "role"
    ACRONYM = "acronym"
    PLACE = "place"
    ORG = "org"
    ORG_PREFIX = "org_prefix"
    ORG_SUFFIX = "org_suffix"
    PRODUCT = "product"
    TIME = "time"
    COMMON = "common"


@dataclass(slots=True)
class Tok:
    """One token of a run: character span [start, end) into the article, its text, its kind."""

    start: int
    end: int
    text: str
    kind: Kind = Kind.NAME


@dataclass
class Context:
    """What the whole article says about its capitalised words, built by `article_context`."""

    text: str
    lower_words: frozenset[str]
    sentence_starts: frozenset[int]
    placey: frozenset[str]  # words a cue ("di", "ke", "Kota") puts in the place of a place
    towns: frozenset[str]  # words the text states to be towns ("Kabupaten X", "X, Jawa Barat")
    before_place: frozenset[str] = frozenset()
    mid_sentence: frozenset[str] = frozenset()  # capitalised words seen away from a sentence start
    # surname -> given names it follows in candidates confirmed by their given name
    families: dict[str, frozenset[str]] = field(default_factory=dict)
    # last word -> the first words of every multi-word candidate it closes
    surnames: dict[str, frozenset[str]] = field(default_factory=dict)
    lone_speakers: frozenset[str] = frozenset()  # one-word names beside a speech verb
    runs: list[list[Tok]] = field(default_factory=list)
    singles: Counter[str] = field(default_factory=Counter)
    alone: frozenset[str] = frozenset()  # one-word name runs anywhere, sentence starts too
    orgs: list[tuple[int, int]] = field(default_factory=list)  # spans of organisations

    def add_org(self, start: int, end: int) -> None:
        """Record the span [start, end) as an organisation or product."""
        self.orgs.append((start, end))


def article_context(text: str, sentences: Sequence[Sentence]) -> Context:
    """Runs of `text` with every token classified, and the article-wide evidence they used."""
    lower = frozenset(_LOWER_WORD_RE.findall(text))
    cued = [(m.group("word"), m.group("admin") is not None) for m in PLACE_CUE_RE.finditer(text)]
    towns = frozenset(word for word, admin in cued if admin) | _towns(text)
    placey = frozenset(word for word, _ in cued) | towns
    ctx = Context(text, lower, _sentence_starts(text, sentences), placey, towns)
    ctx.runs = _outside(_runs(text), _headline_lines(text))
    ctx.before_place = _words_before_places(ctx.runs)
    ctx.mid_sentence = frozenset(
        t.text for run in ctx.runs for t in run if t.start not in ctx.sentence_starts
    )
    for run in ctx.runs:
        _classify_run(run, ctx)
    alone = [run[0] for run in ctx.runs if len(run) == 1 and run[0].kind is Kind.NAME]
    ctx.alone = frozenset(tok.text for tok in alone)
    ctx.singles = Counter(tok.text for tok in alone if tok.start not in ctx.sentence_starts)
    return ctx


def _headline_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the lines set in headline case: menus, related-article titles, captions and
    subheadings ("Ingin Segera Cerai, Ely Sugigi Bawa 2 Saksi"). Such a line has no closing
    punctuation, at least four in five of its words capitalised, and two or more of those
    Indonesian content words ("Cerai", "Bawa"); a line-up of names ("Lin Dan, Shi Yuqi dan
    Chen Long") has none and stays."""
    out = []
    for m in _LINE_RE.finditer(text):
        line = m.group().rstrip()
        if not line or line[-1] in _CLOSING_MARKS or line[0] in _DASH_MARKS or len(line) > 160:
            continue  # "— Direktur Utama PT Maju, Siti Rahmawati": an attribution stays
        words = _LINE_WORD_RE.findall(line)
        capitals = [w for w in words if w[0].isupper()]
        if not 3 <= len(words) <= 16 or 5 * len(capitals) < 4 * len(words):
            continue
        roots = root_words()
        common = sum(1 for w in capitals if _content_word(w.lower(), roots))
        if common >= 2:
            out.append(m.span())
    return out


def _content_word(word: str, roots: frozenset[str]) -> bool:
    """An Indonesian content word of a headline ("cerai", "bawa"), no grammar word and no
    short root that is also a name ("lin", "long")."""
    return (
        len(word) > 4
        and word in roots
        and word not in STOPWORDS
        and word not in GIVEN_NAMES
        and word not in FAMILY_NAMES
    )


def _outside(runs: list[list[Tok]], spans: list[tuple[int, int]]) -> list[list[Tok]]:
    if not spans:
        return runs
    starts = [start for start, _ in spans]
    kept = []
    for run in runs:
        k = bisect_right(starts, run[0].start) - 1
        if k < 0 or run[0].start >= spans[k][1]:
            kept.append(run)
    return kept


def _sentence_starts(text: str, sentences: Sequence[Sentence]) -> frozenset[int]:
    starts = {m.end() for m in _LINE_START_RE.finditer(text)}
    for s in sentences:
        lead = len(s.text) - len(s.text.lstrip(" \t\n\"“‘'([-–—•*"))
        starts.add(s.start + lead)
    return frozenset(starts)


def _towns(text: str) -> frozenset[str]:
    """Words written as "<town>, <province or country>"."""
    return frozenset(
        m.group(1)
        for m in _BEFORE_REGION_RE.finditer(text)
        if m.group(2) in REGIONS or m.group(2).split()[0] in REGIONS
    )


def _words_before_places(runs: list[list[Tok]]) -> frozenset[str]:
    """A lone word fronting a city ("Persikota Tangerang", "Arema Malang") names a club or firm."""
    out = set()
    for run in runs:
        if (
            len(run) >= 2
            and run[0].text not in PLACES
            and _match_phrase(run, 1, PLACE_INDEX) == len(run) - 1
        ):
            out.add(run[0].text)
    return frozenset(out)


def _runs(text: str) -> list[list[Tok]]:
    """Capitalised tokens grouped into runs separated only by blanks or name particles."""
    runs: list[list[Tok]] = []
    for run in _RUN_RE.finditer(text):
        start, end = run.span()
        if _BLANK_RE.search(text, start, end) is None:  # most runs are one word
            runs.append([Tok(start, end, run.group())])
            continue
        toks: list[Tok] = []
        for m in _PIECE_RE.finditer(text, start, end):
            word = m.group()
            # "Tamim Bin Hamad Al Thani": inside a run, capitalised particles are particles too.
            particle = word in PARTICLES or (bool(toks) and word.lower() in _INNER_PARTICLES)
            kind = Kind.PARTICLE if particle else Kind.NAME
            toks.append(Tok(m.start(), m.end(), word, kind))
        runs.append(toks)
    return runs


def _match_phrase(run: list[Tok], i: int, index: dict[str, list[tuple[str, ...]]]) -> int:
    for phrase in index.get(run[i].text, ()):
        n = len(phrase)
        if i + n <= len(run) and all(run[i + k].text == phrase[k] for k in range(n)):
            return n
    return 0


def _is_acronym(word: str) -> bool:
    if word.isupper():
        return sum(1 for c in word if c.isalpha()) >= 2
    if word[1:].islower():
        return False  # most words: "Budi"
    capitals = sum(1 for c in word if c.isupper())
    # "xAI"; "VfL", "FCe": short mixed-case abbreviations of clubs and bodies
    return capitals >= 2 and (word[0].islower() or (len(word) <= 4 and word[-1].isupper()))


def _classify(tok: Tok, ctx: Context) -> Kind:
    word = tok.text
    low = word.lower()
    bare = low.rstrip(".")
    if not word.isalpha() and _DIGIT_RE.search(word):
        return Kind.PRODUCT
    if low in HONORIFICS or bare in HONORIFICS:
        return Kind.HONORIFIC
    if (len(word) <= 2 and _INITIAL_RE.fullmatch(word)) or word[1:2] == ".":
        return Kind.INITIAL
    if bare in RANKS:
        return Kind.ROLE
    if word in ORG_SUFFIXES:
        return Kind.ORG_SUFFIX
    if bare in ORG_PREFIXES:
        return Kind.ORG_PREFIX
    if _is_acronym(word):
        return Kind.ACRONYM
    if bare in TIME_WORDS or (bare in MONTH_ABBREVIATIONS and _beside_number(tok, ctx.text)):
        return Kind.TIME
    if "-" in bare and _reduplicated(bare):
        return Kind.COMMON
    if _CAMEL_RE.search(word) or _DIRECTORATE_RE.match(word):
        return Kind.ORG  # "MotoGP", "WannaCry": brands; "McGrew", "DiCaprio" stay names
    if bare in STOPWORDS:
        return Kind.COMMON
    if bare in GIVEN_NAMES:
        return Kind.NAME
    if bare.endswith("nya") and is_role_word(bare[:-3]):
        return Kind.ROLE
    if is_role_word(bare) or (bare in QUALIFIERS and len(bare) > 3):
        return Kind.ROLE
    if bare in ctx.lower_words or _AFFIX_COMMON_RE.match(bare):
        return Kind.COMMON
    if _CLITIC_RE.search(bare) or (_LAH_RE.search(bare) and word not in ctx.mid_sentence):
        return Kind.COMMON
    if _VERB_PREFIX_RE.match(bare) and _derived(bare):
        return Kind.COMMON
    if bare.endswith("an") and len(bare) > 6 and bare[:-2] in root_words():
        return Kind.COMMON  # "Hubungan", "Tuntutan": a root word plus -an
    if word in ctx.before_place and bare not in GIVEN_NAMES:
        return Kind.ORG
    if (
        tok.start in ctx.sentence_starts
        and word not in ctx.mid_sentence
        and bare.split("-")[0] in root_words()
    ):
        return Kind.COMMON
    return Kind.NAME


@lru_cache(maxsize=4096)
def _derived(word: str) -> bool:
    """Whether a me-/di-/ber-/ter- word is an Indonesian root with affixes ("Dilaporkan")."""
    roots = root_words()
    if word in roots:
        return True
    for prefix, restores in _PREFIX_BASES:
        if not word.startswith(prefix):
            continue
        stem = word[len(prefix) :]
        for suffix in _SUFFIXES:
            if suffix and not stem.endswith(suffix):
                continue
            base = stem[: len(stem) - len(suffix)]
            if base.startswith("ke"):  # "diketahui": di-ke-tahu-i
                base = base[2:]
            if len(base) >= 3 and any(r + base in roots for r in restores):
                return True
    return False


def _beside_number(tok: Tok, text: str) -> bool:
    return bool(re.match(r"[ \t]*\d", text[tok.end : tok.end + 3])) or bool(
        re.search(r"\d[ \t]*$", text[max(0, tok.start - 3) : tok.start])
    )


def _reduplicated(word: str) -> bool:
    """ "orang-orang", "tiba-tiba": Indonesian plurals and adverbs, never names."""
    head, _, tail = word.replace(" ", "").partition("-")
    return tail.startswith(head[:3])


def _classify_run(run: list[Tok], ctx: Context) -> None:
    i = 0
    while i < len(run):
        if run[i].kind is Kind.PARTICLE:
            i += 1
            continue
        n, kind = 0, Kind.ORG
        if run[i].text in _GAZETTEER_FIRST_WORDS:
            n = _match_phrase(run, i, ORG_INDEX)
            if not n:
                n, kind = _match_phrase(run, i, PLACE_INDEX), Kind.PLACE
        if n:
            for k in range(i, i + n):
                run[k].kind = kind
            if kind is Kind.ORG:
                ctx.add_org(run[i].start, run[i + n - 1].end)
            i += n
            continue
        run[i].kind = _classify(run[i], ctx)
        i += 1
    _reread(run)
    _mark_products(run, ctx)


def _reread(run: list[Tok]) -> None:
    """Kinds that the neighbours of a token decide, once the whole run is classified: a word
    that is both an organisation's prefix and suffix opens it at the start of a run ("Grup
    Emtek"); a family name opens a name ("Lin Dong", "Lin Dan"); a one-letter honorific
    between names is a middle initial ("Yasonna H Laoly"); a one-word place or title word
    closing a run right after a known given name is a surname ("Nathan Redmond", "Joshua
    King")."""
    if len(run) < 2:
        return
    first = run[0]
    if first.kind is Kind.ORG_SUFFIX and first.text.lower() in ORG_PREFIXES:
        first.kind = Kind.ORG_PREFIX
    if (
        first.kind is Kind.COMMON
        and first.text.lower() in FAMILY_NAMES
        and run[1].kind is Kind.NAME
    ):
        first.kind = Kind.NAME  # "Lin Dong" opening a line: a family name, not the root "lin"
    for i in range(1, len(run)):
        tok, before = run[i], run[i - 1]
        if (
            tok.kind is Kind.HONORIFIC
            and len(tok.text.rstrip(".")) == 1
            and before.kind is Kind.NAME
            and i + 1 < len(run)
            and run[i + 1].kind is Kind.NAME
        ):
            tok.kind = Kind.INITIAL  # "Yasonna H Laoly": a middle initial, not "Haji"
        elif tok.kind is Kind.COMMON and i == 1 and before.text.lower() in FAMILY_NAMES:
            tok.kind = Kind.NAME  # "Lin Dan": a capitalised "Dan" mid-sentence is no "dan"
    last, before = run[-1], run[-2]
    if (
        last.kind in (Kind.PLACE, Kind.ROLE)
        and before.kind is Kind.NAME
        and before.text.lower() in GIVEN_NAMES
        and (last.kind is Kind.ROLE or len(run) < 3 or run[-3].kind is not Kind.PLACE)
        and last.text[:1].isupper()
        and not last.text.isupper()
    ):
        last.kind = Kind.NAME


def _mark_products(run: list[Tok], ctx: Context) -> None:
    """A name followed by a version ("Llama 3", "Kimi K2") is a product, not a surname."""
    for i, tok in enumerate(run):
        if tok.kind is not Kind.PRODUCT:
            continue
        prev = run[i - 1] if i else tok
        if (
            i
            and prev.kind in (Kind.NAME, Kind.ORG)
            and prev.text.lower() not in MONTH_ABBREVIATIONS
        ):
            prev.kind = Kind.ORG
            tok.kind = Kind.ORG
            ctx.add_org(prev.start, tok.end)
        elif tok.text[0].isalpha() and ctx.text[tok.start - 1 : tok.start] not in _URL_CHARS:
            ctx.add_org(tok.start, tok.end)

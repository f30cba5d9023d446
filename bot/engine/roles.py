"""Role phrases: what position a question asks about, and whether a stated role is that one.

A role phrase is read into a title (one position, whatever the language: "CTO", "chief
technology officer" and "direktur teknis" are one title), the modifiers that make it another
position (a deputy, acting, former or candidate holder), and the words naming its organisation,
place or portfolio ("Kepala Dinas Pendidikan Kota Medan": kepala, and dinas pendidikan medan).
A stated role answers a question when the titles and modifiers are equal and every organisation
word of the question is found among the role's own (or, for a bare "CEO", around the name or in
the headline): spelt the same, with the same stem, a typo of it, an English or Indonesian
equivalent, or an abbreviation of consecutive words ("NTB" of Nusa Tenggara Barat).

Vocabulary: `vocab/role_titles.yaml` (titles, contracted titles, verbs), `role_modifiers.yaml`,
`role_portfolios.yaml`, `org_types.txt`; the shared grammar words of `knowledge/vocab`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import OSA

from bot.engine.lexicon import LEXICON, STOPWORDS_EN, STOPWORDS_ID
from bot.engine.vocab import ENGINE_VOCABULARY
from knowledge.text import name_key, stem
from knowledge.vocab import VocabularyError

Words = tuple[str, ...]


def _phrase(text: object) -> Words:
    return tuple(name_key(str(text)).split())


def _load_titles() -> tuple[dict[Words, str], dict[str, Words], dict[str, str]]:
    data = ENGINE_VOCABULARY.data("role_titles")
    if not isinstance(data, dict) or not isinstance(data.get("titles"), list):
        raise VocabularyError("role_titles.yaml: expected titles, abbreviations and verbs")
    titles: dict[Words, str] = {}
    for group in data["titles"]:
        forms = [_phrase(f) for f in group]
        for form in forms:
            titles.setdefault(form, " ".join(forms[0]))
    abbreviations = {str(k): _phrase(v) for k, v in (data.get("abbreviations") or {}).items()}
    verbs = {str(k): " ".join(_phrase(v)) for k, v in (data.get("verbs") or {}).items()}
    return titles, abbreviations, verbs


def _load_modifiers() -> dict[Words, str]:
    data = ENGINE_VOCABULARY.data("role_modifiers")
    if not isinstance(data, dict):
        raise VocabularyError("role_modifiers.yaml: expected lists by kind")
    return {_phrase(w): str(kind) for kind, forms in data.items() for w in forms or ()}


def _load_portfolios() -> dict[Words, int]:
    groups = ENGINE_VOCABULARY.data("role_portfolios")
    if not isinstance(groups, list):
        raise VocabularyError("role_portfolios.yaml: expected a list of groups")
    return {_phrase(form): i for i, group in enumerate(groups) for form in group}


TITLES, ABBREVIATIONS, VERBS = _load_titles()
MODIFIERS = _load_modifiers()
PORTFOLIOS = _load_portfolios()
ORG_TYPES = frozenset(ENGINE_VOCABULARY.words("org_types"))
RELATIONS = frozenset(ENGINE_VOCABULARY.words("role_relations"))
_TITLE_WORDS = frozenset(w for form in TITLES for w in form)
_LONGEST = max(len(f) for f in (*TITLES, *MODIFIERS, *PORTFOLIOS))
_GLUE = (STOPWORDS_ID | STOPWORDS_EN) - _TITLE_WORDS
# Outside a title, its grammar words ("in" of "editor in chief") name no organisation either.
_NOT_ORG = STOPWORDS_ID | STOPWORDS_EN | ORG_TYPES | RELATIONS
# Words that link a title to what it is for: a name after them is not the holder's own.
LINKS = STOPWORDS_ID | STOPWORDS_EN | ORG_TYPES
# Words that end a role's organisation: what follows them is a clause about the holder.
_CLAUSE = frozenset({"yang", "who", "that", "which"})
_SEPARATOR_RE = re.compile(r"[,;:()]|\s(?:dan|serta|and|sekaligus)\s", re.IGNORECASE)
KINDS_CURRENT = "current"


@dataclass(frozen=True)
class RolePhrase:
    """A role read from words: `title` (its title group's first form), `flags` (deputy, senior,
    acting, former, candidate, assistant), `org` (its organisation, place or portfolio words,
    folded) and `clause` (words of a relative clause: "yang mengundurkan diri")."""

    title: str
    flags: frozenset[str] = frozenset()
    org: Words = ()
    clause: Words = ()
    words: Words = field(default=(), compare=False)


def contracted(word: str) -> list[str]:
    """The words a contracted title stands for, as one phrase ("sekda" -> ["sekretaris
    daerah"]); [] for any other word."""
    long = ABBREVIATIONS.get(word)
    return [" ".join(long)] if long else []


@lru_cache(maxsize=50_000)
def role_words(text: str) -> Words:
    """The folded words of a role or a question, punctuation dropped, contractions expanded
    ("Dirut PT KAI" -> direktur utama pt kai)."""
    out: list[str] = []
    for word in name_key(text).split():
        out.extend(ABBREVIATIONS.get(word, (word,)))
    return tuple(out)


def parse(text: str | Sequence[str], asked: bool = False) -> RolePhrase | None:
    """The role `text` (or its folded words) names, or None when it holds no title.

    The first title of the words is the role's (the longest form at that place): "Kepala Dinas
    Pendidikan" is kepala. Modifiers before it (and "senior", "sementara" right after) are its
    flags; the other words, less grammar words and organisation types, its organisation. A
    question (`asked`) may say "former" anywhere ("siapa rektor UBR sebelumnya?"), and a typo
    in a title word of five letters or more is forgiven ("gubernr").
    """
    words = role_words(text) if isinstance(text, str) else tuple(text)
    found = _first_title(words, asked)
    if found is None:
        return None
    start, end, title = found
    flags: set[str] = set()
    org: list[str] = []
    clause: list[str] = []
    i = 0
    while i < len(words):
        if start <= i < end:
            i = end
            continue
        if words[i] in _CLAUSE and i > end:
            clause = [w for w in words[i + 1 :] if w not in _GLUE and (w,) not in MODIFIERS]
            break
        size, kind = _modifier_at(words, i)
        if size:
            near = i < start or (i == end and kind in ("senior", "acting"))
            if kind != KINDS_CURRENT and (near or (asked and kind == "former")):
                flags.add(kind)
            i += size
            continue
        if words[i] not in _NOT_ORG:
            org.append(words[i])
        i += 1
    return RolePhrase(title, frozenset(flags), tuple(org), tuple(clause), words)


@lru_cache(maxsize=50_000)
def stated_roles(text: str) -> tuple[RolePhrase, ...]:
    """Every role a stated role phrase names: "salah satu pendiri OpenAI, anggota dewan direksi,
    dan peneliti AI" is three. A part without a title belongs to the one before it ("Menteri
    Kelautan dan Perikanan" is one)."""
    parts: list[list[str]] = []
    for piece in _SEPARATOR_RE.split(text):
        words = list(role_words(piece))
        if not words:
            continue
        if parts and _first_title(tuple(words), False) is None:
            parts[-1] += words
        else:
            parts.append(words)
    return tuple(r for r in (parse(tuple(p)) for p in parts) if r is not None)


def title_forms(title: str) -> list[str]:
    """Every way a title may be written in an article: its forms, and their contractions
    ("dirut" for direktur utama, "kepala sd" for kepala sekolah, "menkeu" for a minister)."""
    forms = [form for form, other in TITLES.items() if other == title]
    out = [" ".join(f) for f in forms]
    for short, long in ABBREVIATIONS.items():
        for form in forms:
            for k in range(len(form)):
                tail = form[k:]
                if long[: len(tail)] == tail:
                    out.append(" ".join((*form[:k], short)))
    return list(dict.fromkeys(out))


def head_titles(title: str) -> list[str]:
    """The other titles a form of `title` holds ("presiding judge" holds judge, "ketua majelis
    hakim" hakim and ketua): an article may state the head alone and the rest before it."""
    forms = [form for form, other in TITLES.items() if other == title]
    found: list[str] = []
    for form in forms:
        for size in range(1, len(form)):
            for i in range(len(form) - size + 1):
                other = TITLES.get(form[i : i + size])
                if other is not None and other != title and other not in found:
                    found.append(other)
    return found


def longest_title(words: Words) -> str | None:
    """The title `words` are when they are one title form whole, else None."""
    return TITLES.get(words)


def verb_title(word: str) -> str | None:
    """The title a verb asks about ("chairs" -> chairman), or None."""
    form = VERBS.get(word)
    return TITLES.get(_phrase(form)) if form else None


def _first_title(words: Words, fuzzy: bool) -> tuple[int, int, str] | None:
    for i in range(len(words)):
        for size in range(min(_LONGEST, len(words) - i), 0, -1):
            form = words[i : i + size]
            title = TITLES.get(form)
            if title is None and fuzzy:
                title = _typo_title(form)
            if title is not None:
                return i, i + size, title
    return None


@lru_cache(maxsize=20_000)
def _typo_title(form: Words) -> str | None:
    """The title `form` is a typo of: every word equal or one typo away (from five letters)."""
    if not all(w in _TITLE_WORDS or len(w) >= 5 for w in form):
        return None
    for known, title in TITLES.items():
        if len(known) == len(form) and all(
            a == b or (len(a) >= 5 and a[0] == b[0] and OSA.distance(a, b) <= 1)
            for a, b in zip(form, known, strict=True)
        ):
            return title
    return None


def _modifier_at(words: Words, i: int) -> tuple[int, str]:
    for size in range(min(3, len(words) - i), 0, -1):
        kind = MODIFIERS.get(words[i : i + size])
        if kind is not None:
            return size, kind
    return 0, ""


def same_role(asked: RolePhrase, stated: RolePhrase) -> bool:
    """Whether a stated role is the position asked: same title and same modifiers."""
    return asked.title == stated.title and asked.flags == stated.flags


def org_found(asked: Sequence[str], where: Sequence[str]) -> bool:
    """Whether every organisation word asked is among `where` (see `org_matches`)."""
    return all(org_matches(asked, where))


def org_matches(asked: Sequence[str], where: Sequence[str]) -> list[bool]:
    """For each organisation word asked, whether it is among `where` (folded words): the same
    word or stem, a typo, an equivalent portfolio or lexicon form, or an abbreviation of a run
    of consecutive words ("ntb", "jatim" for jawa timur)."""
    pool = tuple(w for w in where if w not in ORG_TYPES and w not in RELATIONS)
    out: list[bool] = []
    i = 0
    while i < len(asked):
        size = _portfolio_match(asked, i, pool) or abbreviated(asked, i, pool)
        if size:
            out += [True] * size
            i += size
            continue
        out.append(_word_found(asked[i], pool))
        i += 1
    return out


def org_variants(word: str) -> list[str]:
    """A folded organisation word and the forms it may be stated in: its lexicon equivalents
    and the other forms of its portfolio or place ("finance" -> keuangan, "jatim" -> jawa timur).
    """
    out = [word, *sorted(_equivalents(word))]
    group = PORTFOLIOS.get((word,))
    if group is not None:
        out += [" ".join(form) for form, other in PORTFOLIOS.items() if other == group]
    return list(dict.fromkeys(out))


def portfolio_forms(phrase: str) -> list[str]:
    """The other forms of the portfolio or place a folded word or phrase names ("home affairs"
    -> dalam negeri, interior); [] when it names none."""
    group = PORTFOLIOS.get(tuple(phrase.split()))
    if group is None:
        return []
    return [" ".join(form) for form, other in PORTFOLIOS.items() if other == group]


def _portfolio_match(asked: Sequence[str], i: int, pool: Words) -> int:
    """Words of `asked` from i that form a portfolio stated by an equivalent form in `pool`."""
    for size in range(min(4, len(asked) - i), 0, -1):
        group = PORTFOLIOS.get(tuple(asked[i : i + size]))
        if group is None:
            continue
        for form, other in PORTFOLIOS.items():
            if other == group and _contains(pool, form):
                return size
    return 0


def _contains(pool: Words, form: Words) -> bool:
    n = len(form)
    return any(pool[j : j + n] == form for j in range(len(pool) - n + 1))


def _word_found(word: str, pool: Words) -> bool:
    if word in pool:
        return True
    root = stem(word)
    equivalents = _equivalents(word)
    for j, other in enumerate(pool):
        if other in equivalents or _typo(word, other):
            return True
        # Stems only of words that may share one: stemming every word of a pool is slow.
        if len(root) >= 3 and root in other and stem(other) == root:
            return True
        if 2 <= len(word) <= 7 and abbreviates(word, pool[j:]):
            return True
    return False


def abbreviated(asked: Sequence[str], i: int, pool: Words) -> int:
    """How many words of `asked` from i a short word of `pool` abbreviates ("bank indonesia"
    stated as "BI"), 0 when none does."""
    for other in pool:
        if not 2 <= len(other) <= 7 or other in asked:
            continue
        for size in range(min(len(other) * 2, len(asked) - i), 1, -1):
            if abbreviates(other, asked[i : i + size]) and _uses_all(other, asked[i : i + size]):
                return size
    return 0


def _uses_all(short: str, run: Sequence[str]) -> bool:
    """Whether every word of the run that is no grammar word gives a letter (first letters
    in order), so "bi" abbreviates "bank indonesia" but not "bank indonesia raya"."""
    content = [w for w in run if w not in _GLUE]
    return len(content) <= len(short)


@lru_cache(maxsize=20_000)
def _equivalents(word: str) -> frozenset[str]:
    return frozenset(w for term in LEXICON.get(word, ()) for w in term.split())


def _typo(a: str, b: str) -> bool:
    if min(len(a), len(b)) < 4 or a[0] != b[0] or a.isdigit() or b.isdigit():
        return False
    limit = 2 if min(len(a), len(b)) >= 9 else 1
    return OSA.distance(a, b, score_cutoff=limit) <= limit


def abbreviates(short: str, words: Iterable[str]) -> bool:
    """Whether `short` is formed from the starts of consecutive `words`, each giving at least
    one letter, in order and all of them used: "ntb" (Nusa Tenggara Barat), "jatim" (Jawa
    Timur), "kaltim", "bpbd". Grammar words may give nothing ("kkp": Kelautan dan Perikanan)."""
    run: list[str] = []
    for word in words:
        if len(run) >= 2 * len(short):
            break
        run.append(word)
    return len(run) >= 2 and _spell(short, run, 0, 0)


def _spell(short: str, run: Sequence[str], i: int, j: int) -> bool:
    if i == len(short):
        return j >= 2
    if j >= len(run):
        return False
    word = run[j]
    if word in _GLUE and _spell(short, run, i, j + 1):
        return True
    for k in range(1, len(word) + 1):
        if i + k > len(short) or short[i : i + k] != word[:k]:
            break
        if _spell(short, run, i + k, j + 1):
            return True
    return False

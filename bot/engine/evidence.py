"""What a sentence offers as an answer: a number, someone new, its subject near the event.

Vocabulary: `knowledge/vocab/number_words.yaml` (one to twelve) and the `amounts` of
`vocab/question_frames.yaml` ("ratusan", "separuh", "a dozen").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz.distance import OSA

from bot.engine.asking import AGES, PRICES, Asking
from bot.engine.corpus import Corpus
from bot.engine.english import forms
from bot.engine.terms import TermGroup, covered
from bot.engine.vocab import ENGINE_VOCABULARY
from knowledge.store.reader import PersonRow, SentenceRow
from knowledge.text import stem, words
from knowledge.vocab import VOCABULARY

TYPO_LETTERS = 5  # a name this long may be typed one edit off
FAR = 99  # the distance of a sentence that does not state the subject or the event itself
_NUMBER_WORDS = frozenset(
    w
    for forms in VOCABULARY.data("number_words")["words"].values()
    for form in forms
    for w in words(str(form))
) | frozenset(w for a in ENGINE_VOCABULARY.data("question_frames")["amounts"] for w in words(a))
_FRAMES = ENGINE_VOCABULARY.data("question_frames")
_CURRENCIES = frozenset(str(c).lower() for c in _FRAMES["currencies"])
# A number stands alone ("Rp 14.000", "3-1", "ke-16", "20%", "$150"), not inside a name
# ("GPT-5.2", "H100", "Kimi K2"): its word starts with a digit, a currency sign or "ke-".
_NUMBER_RE = re.compile(r"(?:^|[^\w.\-])(?:ke-|[$£€]|rp\.?)?\d", re.IGNORECASE)
_TOKEN_RE = re.compile(r"[^\s()\[\],;:]+")
# "seorang pria berinisial BT", "a suspect with the initials RS": someone named by initials.
_INITIALS_RE = re.compile(r"\b(?:berinisial|inisial|initials?)\s+[A-Z]{1,4}\b")
# "(52)" after a name, "berusia 19 tahun", "aged 41", "a 41-year-old".
_AGE_RE = re.compile(
    r"\(\d{1,3}\)|\b(?:berusia|usia|umur|aged?)\b|\byears? old\b|-year-old\b", re.I
)
_CAPITALISED_RE = re.compile(r"(?<=[a-z,]\s)[A-Z][a-z]+")


def has_number(text: str) -> bool:
    """Whether a sentence states a number: digits standing alone, or a number word ("lima",
    "ratusan")."""
    return bool(_NUMBER_RE.search(text)) or any(w in _NUMBER_WORDS for w in words(text))


def has_money(text: str) -> bool:
    """Whether a sentence states a sum of money: a currency beside a number ("Rp 14.000",
    "$150 miliar", "40 juta dollar AS")."""
    if not has_number(text):
        return False
    for token in _TOKEN_RE.findall(text.lower()):
        if token in _CURRENCIES or token[:1] in _CURRENCIES or token.rstrip(".") in _CURRENCIES:
            return True
        if any(token.startswith(c) and token[len(c) : len(c) + 1].isdigit() for c in _CURRENCIES):
            return True
    return False


def names_something_new(text: str, asked: frozenset[str]) -> bool:
    """Whether a sentence names something the question does not: a capitalised word inside
    it ("Perahu dari Desa Tomok menjuarai ...") that is not one of the question's words."""
    return any(w.lower() not in asked for w in _CAPITALISED_RE.findall(text))


def entities_stated(entities: Sequence[TermGroup], tokens: set[str], own: bool = True) -> bool:
    """Whether every group is among the stemmed tokens, spelt right or one typo off ("Ampals"
    for Amplas, from five letters on). A name (`own`) stands for itself: the lexicon's
    equivalents of a word ("BBM": bahan bakar) do not state it."""
    for group in entities:
        root = stem(group.word)
        if root in tokens or group.word in tokens or (not own and group.stems & tokens):
            continue
        if not any(_typo_of(root, t) or _typo_of(group.word, t) for t in tokens):
            return False
    return True


def any_stated(groups: Sequence[TermGroup], r: SentenceRow) -> bool:
    """Whether the sentence states one of the groups: a stem of it, or one typo off as
    written ("ditambh" for "ditambah")."""
    tokens = set(r.stemmed.split()) | set(words(r.text))
    return any(entities_stated([g], tokens, own=False) for g in groups)


def _typo_of(a: str, b: str) -> bool:
    return (
        len(a) >= TYPO_LETTERS
        and a[0] == b[0]
        and abs(len(a) - len(b)) <= 1
        and OSA.distance(a, b, score_cutoff=1) <= 1
    )


def things_stated(groups: Sequence[TermGroup], skip: Sequence[TermGroup], r: SentenceRow) -> bool:
    """Whether the sentence itself states every term of a which-question but its names
    ("kantor Tanamin mana yang ditutup?" wants kantor and tutup beside the names it gives)."""
    return covered([g for g in groups if g not in skip], r.stemmed) == len(groups) - len(
        [g for g in groups if g in skip]
    )


def answers_kind(
    asking: Asking, focus: TermGroup | None, r: SentenceRow, same_language: bool = False
) -> bool:
    """Whether a sentence holds the kind of answer asked: a number question a number and
    what it counts; a which-question a name the question does not hold."""
    if asking.kind == "number":
        if asking.focus in AGES:
            return bool(_AGE_RE.search(r.text))  # "how old": an age, whatever else is counted
        # Across languages the lexicon may lack the counted word: a number must do.
        counted = focus is None or not same_language or states(focus, r, same_language)
        return has_number(r.text) and counted
    if asking.kind == "name":
        return names_something_new(r.text, asking.words)
    return True


def states(focus: TermGroup, r: SentenceRow, same_language: bool = False) -> bool:
    """Whether the sentence states what a number question counts: the word (an English plural
    by its singular: "tons" by "2.000 ton"), for a price a sum of money ("Rp 14.000"), for an
    age an age ("Rizky Ananda (19)"). In the question's own language the word itself must
    stand there: a synonym the lexicon offers is another measure ("valuasi" is not "senilai").
    """
    word = focus.word
    if word in AGES:
        return bool(_AGE_RE.search(r.text))
    tokens = r.stemmed.split()
    if any(stem(f) in tokens for f in forms(word)):
        return True  # the word, or an English inflection of it ("embezzle": "embezzling")
    if not same_language and covered([focus], r.stemmed):
        return True
    if len(word) > 3 and word.endswith("s") and word[:-1] in tokens:
        return True
    return word in PRICES and has_money(r.text)


async def names_someone_new(
    corpus: Corpus,
    rows: Sequence[SentenceRow],
    asked: Sequence[PersonRow],
    asking_words: frozenset[str] = frozenset(),
) -> set[tuple[str, int]]:
    """The (article id, index) of the rows that name a person the question does not (a known
    person, someone named by initials, or a capitalised name): what "siapa yang ..." asks."""
    known = {p.id for p in asked}
    words_asked = frozenset(w for p in asked for w in words(p.name)) | asking_words
    named = await corpus.store.people_at((r.article_id, r.idx) for r in rows)
    return {
        (r.article_id, r.idx)
        for r in rows
        if named[(r.article_id, r.idx)] - known
        or _INITIALS_RE.search(r.text)
        or names_something_new(r.text, words_asked)
    }


def proximity(
    people: Sequence[PersonRow],
    groups: Sequence[TermGroup],
    entities: Sequence[TermGroup],
    stemmed: str,
) -> int:
    """How many words apart the sentence states the question's subject (its people, else its
    names) and its event (its other terms): 0 when the question has no subject or no event,
    FAR when the sentence lacks either (a pronoun or the headline stands in for it)."""
    subject: set[str] = {stem(w) for p in people for w in words(p.name)}
    if not subject:
        subject = {s for g in entities for s in g.stems}
    event = {s for g in groups if g not in entities for s in g.stems}
    if not subject or not event:
        return 0
    tokens = stemmed.split()
    at_subject = [i for i, t in enumerate(tokens) if t in subject]
    at_event = [i for i, t in enumerate(tokens) if t in event]
    if not at_subject or not at_event:
        return FAR
    return min(abs(i - j) for i in at_subject for j in at_event)

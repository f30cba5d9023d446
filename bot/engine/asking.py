"""What a question asks for, read from its wording: the kind of answer, its focus, its names.

"berapa harga beras di Jakarta?" asks for a number (`kind`), about harga (`focus`), in Jakarta
(an `entities` word: typed as a name). A sentence that holds no number, or no harga, or is not
about Jakarta does not answer it, however many other words it shares. "kenapa ..." and "why ..."
ask for a reason, "bagaimana ..." and "how did ..." for the way something came about.

Vocabulary: `vocab/question_frames.yaml` (cues, measure words, "now" words); the pronouns of
`vocab/follow_ups.yaml` with `vocab/clitic_words.txt`; `vocab/demonstratives.txt`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from bot.engine.english import bases
from bot.engine.lexicon import LEXICON, STOPWORDS_EN, STOPWORDS_ID
from bot.engine.roles import portfolio_forms
from bot.engine.vocab import ENGINE_VOCABULARY
from knowledge.text import fold, typed_tokens, words
from knowledge.vocab import VOCABULARY, VocabularyError

Kind = Literal["", "number", "person", "name", "reason", "manner"]
KINDS: tuple[Kind, ...] = ("number", "person", "name", "reason", "manner")
# "di mana", "ke mana", "dari mana" ask where, not which one.
_PLACE_PREPOSITIONS = frozenset({"di", "ke", "dari"})

_FRAMES = ENGINE_VOCABULARY.data("question_frames")
if not isinstance(_FRAMES, dict):
    raise VocabularyError("question_frames.yaml: expected lists by kind")
_CUES: dict[tuple[str, ...], Kind] = {
    tuple(words(str(cue))): kind for kind in KINDS for cue in _FRAMES.get(kind) or ()
}
_LONGEST_CUE = max(len(c) for c in _CUES)
MEASURES = frozenset(str(w) for w in _FRAMES["measures"])
PRICES = frozenset(str(w) for w in _FRAMES["prices"])
_VERBS_EN = frozenset(str(w) for w in _FRAMES["verbs_en"])
_VERB_ENDINGS = ("ed", "ing")
SHORT_WORD = 3  # letters up to which a word after the counted one ends what qualifies it
# Indonesian verbs by their affixes (meN-, di-, ber-, ter-, -kan), English by -ed and -ing: such
# a word says what happened, not which thing ("harga beras medium" but "peserta terdaftar").
VERB_RE = re.compile(r"^(?:me[lmnrwy]|di|ber|ter)[a-z]{4,}|^[a-z]{4,}kan$|^[a-z]{3,}(?:ed|ing)$")
_NOW: frozenset[tuple[str, ...]] = frozenset(tuple(words(str(p))) for p in _FRAMES["now"])
_CUE_WORDS = frozenset(w for cue in _CUES for w in cue)
_STOP = STOPWORDS_ID | STOPWORDS_EN

AGES = frozenset(str(w) for w in _FRAMES["ages"])
# Month and weekday names are dates, not names, however they are capitalised.
_DATE_NAMES = frozenset(
    str(n)
    for table in ("months", "weekdays")
    for item in VOCABULARY.data(table)
    for n in (*item["names"], *item.get("abbreviations", ()))
)

# The follow-ups' pronouns and clitic (vocab/follow_ups.yaml, vocab/clitic_words.txt) are also
# how a sentence speaks of a person without naming them.
_FOLLOW_UPS = ENGINE_VOCABULARY.data("follow_ups")
PERSONAL_PRONOUNS = frozenset(str(w) for w in _FOLLOW_UPS["person_pronouns"])
_CLITICS = tuple(str(c) for c in _FOLLOW_UPS["clitics"])
NOT_PERSONAL = ENGINE_VOCABULARY.words("clitic_words")
DEMONSTRATIVES = ENGINE_VOCABULARY.words("demonstratives")
POINTING_WORDS = 2  # a sentence pointing back to the one before does so in its first words
_POSSESSIVE_RE = re.compile(r"['’]s$", re.IGNORECASE)
_MIXED_RE = re.compile(r"^(?=.*\d)(?=.*[^\W\d_])[\w.\-]+$")


@dataclass(frozen=True)
class Asking:
    """What a question asks: `kind` of answer ("" for a plain search; "name" for "which one"),
    `focus` (the folded word a number answer is about, "" when none) and `entities` (folded
    words typed as names: capitalised inside the question, all capitals, letters with
    digits)."""

    kind: Kind = ""
    focus: str = ""
    entities: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()  # every folded word of the question
    now: frozenset[str] = frozenset()  # words of the question's "now" phrases ("hari ini")
    lang: str = ""  # the question's language ("id", "en"), "" when not known
    qualifiers: tuple[str, ...] = ()  # words qualifying the focus ("beras" of "harga beras")

    def terms(self, subject: str) -> str:
        """The subject's words without those that only frame the question: cue words
        ("penyebab"), "now" words and phrases ("sekarang", "hari ini": the question's own, and
        the subject's), and a number question's measure words ("jumlah")."""
        folded = words(subject)
        now = set(self.now)
        for i in range(len(folded)):
            now.update(folded[i : i + _now_at(folded, i)])
        kept = [
            w
            for w in folded
            if w not in now
            and w not in _CUE_WORDS
            and not (self.kind == "number" and w in MEASURES)
        ]
        return " ".join(kept)


def read_question(text: str, lang: str = "") -> Asking:
    """The `Asking` of a question as typed (free text or a slash command's argument), in
    `lang` when known."""
    folded = words(text)
    kind, cue_at, cue_len = _first_cue(folded)
    entities = _entities(text)
    counted = _counted(folded, cue_at, cue_len, lang, entities) if kind == "number" else None
    focus, qualifiers = counted or ("", ())
    now = {w for i in range(len(folded)) for w in folded[i : i + _now_at(folded, i)]}
    return Asking(kind, focus, entities, frozenset(folded), frozenset(now), lang, qualifiers)


def _now_at(folded: list[str], i: int) -> int:
    """How many words from i form a "now" phrase (0 when none)."""
    for size in (3, 2, 1):
        if tuple(folded[i : i + size]) in _NOW:
            return size
    return 0


def _first_cue(folded: list[str]) -> tuple[Kind, int, int]:
    for i in range(len(folded)):
        for size in range(min(_LONGEST_CUE, len(folded) - i), 0, -1):
            kind = _CUES.get(tuple(folded[i : i + size]))
            if kind == "name" and (i == 0 or folded[i - 1] in _PLACE_PREPOSITIONS):
                continue
            if kind is not None:
                return kind, i, size
    return "", -1, 0


def _counted(
    folded: list[str], at: int, size: int, lang: str, names: frozenset[str]
) -> tuple[str, tuple[str, ...]]:
    """What a number question counts, and the words qualifying it: an age word; in English the
    last word of the phrase after the cue, qualified by the others ("how much is the defence
    budget": budget, defence); else the first content word after the cue, qualified by the
    content words after it up to a name, a verb or a grammar word ("berapa harga cabai hijau
    di Malang": harga, cabai hijau), or the first one before the cue ("harga beras berapa?")."""
    after = folded[at + size :]
    before = folded[:at]
    age = next((w for w in (*folded[at : at + size], *after) if w in AGES), "")
    if age:
        return age, ()
    if lang == "en":
        phrase = _english_phrase(after)
        if phrase:
            return phrase[-1], tuple(phrase[:-1])
    sequence = [*after, *before]
    for i, word in enumerate(sequence):
        if word in _STOP or word in _CUE_WORDS or word in MEASURES or len(word) < 2:
            continue
        if _now_at(sequence, i):
            continue
        qualifiers = []
        for nxt in sequence[i + 1 : len(after)] if i < len(after) else ():
            # Short words are grammar or chat spellings ("yg", "tdk"), not what is counted.
            short = len(nxt) <= SHORT_WORD
            if short or nxt in _STOP or nxt in MEASURES or nxt in names or VERB_RE.match(nxt):
                break
            qualifiers.append(nxt)
        return word, tuple(qualifiers)
    return "", ()


def _english_phrase(after: list[str]) -> list[str]:
    """The content words right after a cue, up to the first grammar word or verb after them."""
    phrase: list[str] = []
    for word in after:
        ends = word in _STOP or word in _VERBS_EN or word.endswith(_VERB_ENDINGS)
        if ends or word in _CUE_WORDS or word in MEASURES:
            if phrase:
                break
            continue
        phrase.append(word)
    return phrase


def _entities(text: str) -> frozenset[str]:
    """The folded words typed as names (see `Asking.entities`)."""
    tokens = [_POSSESSIVE_RE.sub("", t) for t in typed_tokens(text)]
    folded = [fold(t) for t in tokens]
    out: set[str] = set()
    for i, token in enumerate(tokens):
        word = folded[i]
        if word in _STOP or word in _CUE_WORDS or word in _DATE_NAMES or len(word) < 2:
            continue
        capital = token[:1].isupper() and i > 0 and not token[1:].isupper()
        if capital and translatable(word, folded[i - 1], folded[i + 1 : i + 2]):
            # "Home Affairs Minister", "Lake Toba": capitalised English words with equivalents
            # are titles and common nouns, which an Indonesian article states translated.
            continue
        acronym = token.isupper() and sum(c.isalpha() for c in token) >= 2
        if capital or acronym or _MIXED_RE.match(token):
            out.update(words(token))
    return frozenset(out)


def translatable(word: str, before: str = "", after: Sequence[str] = ()) -> bool:
    """Whether a folded word is an English word with lexicon or portfolio equivalents, alone
    or in a phrase with the word before or after it ("Home Affairs")."""
    found = bases(word)
    if not found:
        return False
    phrases = [f"{before} {word}", *(f"{word} {w}" for w in after)]
    return any(b in LEXICON or portfolio_forms(b) for b in (word, *found, *phrases))


def points_back(text: str) -> bool:
    """Whether a sentence opens by pointing back to the one before ("Arahan ini", "Keputusan
    itu", "This")."""
    return any(w in DEMONSTRATIVES for w in words(text)[:POINTING_WORDS])


def refers_to_person(text: str) -> bool:
    """Whether a sentence holds a personal pronoun or a -nya word referring to someone
    ("Dia tiba ...", "jabatannya"), so it may speak of a person it does not name."""
    for word in words(text):
        if word in PERSONAL_PRONOUNS:
            return True
        clitic = any(word.endswith(c) and len(word) > len(c) + 2 for c in _CLITICS)
        if clitic and word not in NOT_PERSONAL:
            return True
    return False

"""Roles stated of a person named in an earlier sentence.

Two forms: a pronoun sentence ("Dia adalah salah satu pendiri ...") right after a sentence that
names one person, and a descriptive noun phrase that opens a sentence and points back with a
demonstrative ("Pelatih berusia 63 tahun ini datang ...", "Gelandang asal Spanyol itu
mencetak ..."). Each becomes a `PersonMention` that spans the pronoun or the role phrase, so
the sentence cited for the role is the one stating it, and whose `name` is the person meant.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from knowledge.extract.people.lexicon import STOPWORDS, is_english_word
from knowledge.extract.roles import RoleSpan, role_after, role_at
from knowledge.models import PersonMention, Sentence

# "Dia adalah ...": a sentence that opens by stating the role of someone just named.
_PRONOUN_ROLE_RE = re.compile(
    r"[ \t\n\"“‘'(]*(?P<pronoun>Dia|Ia|Beliau|He|She)"
    r"(?:[ \t]+(?:juga|kini|sekarang|saat[ \t]+ini|pun))?"
    r"(?=[ \t]+(?:adalah|merupakan|ialah|menjabat|is|was)[ \t])"
)
# Where a sentence's own words begin: after quote marks and a linking adverb ("Namun, ").
_QUOTES_RE = re.compile(r"[ \t\n\"“‘'(]*")
# One or two words that may open a sentence before its subject: "Namun, ", "Sementara itu ".
_LEAD_WORDS_RE = re.compile(r"([A-Z][a-z]+)(?:[ \t]+([a-z]+))?[ \t]*,?[ \t]+")
# After the role phrase: an age or an origin, then the demonstrative that points back.
_POINTS_BACK_RE = re.compile(
    r"(?:[ \t]+(?:yang[ \t]+)?(?:(?:berusia|berumur|usia)[ \t]+)?\d{1,3}[ \t]+tahun)?"
    r"(?:[ \t]+(?:asal|kelahiran|dari)[ \t]+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?)?"
    r"[ \t]+(?:itu|ini|tersebut)(?![\w'’-])"
)
_DEMONSTRATIVES = frozenset({"itu", "ini", "tersebut"})
_TRAILING_AGE_RE = re.compile(r"[ \t]+\d{1,3}$")
_LOOKBACK = 2  # sentences to look back for the person meant


def referred_roles(
    text: str, sentences: Sequence[Sentence], mentions: list[PersonMention]
) -> list[PersonMention]:
    """Mentions for the roles that pronoun and demonstrative sentences state of a person named
    before them; `mentions` are the article's name mentions in text order."""
    out: list[PersonMention] = []
    starts = [m.start for m in mentions]
    for k, cur in enumerate(sentences):
        if k == 0:
            continue
        inside = mentions[bisect_left(starts, cur.start) : bisect_left(starts, cur.end)]
        pronoun = _PRONOUN_ROLE_RE.match(cur.text)
        if pronoun is not None:
            if inside:
                continue  # "Dia adalah Komisaris Daniel ...": the sentence names someone else
            named = _named_in(mentions, starts, sentences[k - 1])
            person = _only_person([m.name for m in named])
            role = role_after(text, cur.start + pronoun.end(), cur.end)
            if person and role is not None:
                start = cur.start + pronoun.start("pronoun")
                out.append(
                    PersonMention(start, cur.start + pronoun.end("pronoun"), person, role.text)
                )
            continue
        described = _described(text, cur)
        if described is None or any(m.start < described.end for m in inside):
            continue
        person = _person_before(mentions, starts, sentences, k)
        if person:
            out.append(PersonMention(described.start, described.end, person, described.text))
    return out


def _described(text: str, sentence: Sentence) -> RoleSpan | None:
    """The role phrase a sentence opens with when a demonstrative follows it."""
    start = sentence.start + _lead(sentence.text)
    role = role_at(text, start, sentence.end)
    if role is None:
        return None
    age = _TRAILING_AGE_RE.search(role.text)  # "Atlet 30 tahun itu": the age is no role
    if age is not None:
        role = RoleSpan(role.start, role.start + age.start(), role.text[: age.start()])
    back = _POINTS_BACK_RE.match(text, role.end)
    if back is None:
        return None
    bare = " " not in role.text.strip() and back.group().split()[0] in _DEMONSTRATIVES
    if bare and is_english_word(role.text):
        return None  # "Model ini akan ...": a bare loan word is more often a thing
    return role


def _lead(sentence: str) -> int:
    """Where a sentence's own words begin: after quote marks and linking grammar words
    ("Namun, ", "Sementara itu ", "Kini ")."""
    quotes = _QUOTES_RE.match(sentence)
    pos = quotes.end() if quotes else 0
    words = _LEAD_WORDS_RE.match(sentence, pos)
    if words is not None and all(
        w is None or w.lower() in STOPWORDS for w in (words.group(1), words.group(2))
    ):
        return words.end()
    return pos


def _named_in(
    mentions: list[PersonMention], starts: list[int], sentence: Sentence
) -> list[PersonMention]:
    return mentions[bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)]


def _person_before(
    mentions: list[PersonMention], starts: list[int], sentences: Sequence[Sentence], k: int
) -> str:
    """The one person the nearest earlier sentence naming anyone names ("" when it names
    several, or none is named within `_LOOKBACK` sentences)."""
    for back in range(k - 1, max(-1, k - 1 - _LOOKBACK), -1):
        named = _named_in(mentions, starts, sentences[back])
        if named:
            return _only_person([m.name for m in named])
    return ""


def _only_person(names: list[str]) -> str:
    """The one person a sentence names (its fullest form), "" when it names none or several."""
    if not names:
        return ""
    full = max(names, key=lambda n: len(n.split()))
    words = set(full.split())
    return full if all(set(n.split()) <= words for n in names) else ""

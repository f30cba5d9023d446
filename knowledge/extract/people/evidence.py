"""Whether a name candidate is a person: the evidence around it.

A multi-word candidate is a person when it starts with a known given name, carries a handle
("(@budi)") or an age ("(56)"), stands beside a speech verb, or has a title next to it and is
not made of dictionary words naming a unit. A one-word candidate needs stronger evidence: an
honorific, a speech verb with nothing but time words after it, a known given name under a
title, or being a word of a person already found. Speech verbs come from
`knowledge/vocab/speech_verbs.yaml`, titles from `roles`.
"""

from __future__ import annotations

import re

from knowledge.extract.people.candidates import Candidate
from knowledge.extract.people.lexicon import (
    FAMILY_NAMES,
    GIVEN_NAMES,
    PLACES,
    SPEECH_ADVERBS,
    SPEECH_AFTER,
    SPEECH_BEFORE,
    is_english_word,
    is_function_word,
    is_title_word,
    is_vocabulary,
)
from knowledge.extract.people.tokens import Context, Kind
from knowledge.extract.roles import REGIONAL_HEADS, bare_head, role_after, role_before

_ABBREVIATION_AFTER_RE = re.compile(r"[ \t]*\(([A-Z]{2,8})\)")
# "Fendi Timah (56)": an age in brackets right after a name.
_AGE_RE = re.compile(r"[ \t]*\((?:\d{1,2})(?:[ \t]*(?:tahun|th|thn)\.?)?\)")
_HANDLE_RE = re.compile(r"[ \t]*\(@\w+\)")
# The minute of a goal after a scorer's name: "(88')", "(90 + 1 ')", "(menit ke-88)".
_MINUTE_RE = re.compile(
    r"[ \t]*\((?:menit(?:[ \t]+ke)?[ \t-]*\d{1,3}|\d{1,3}(?:[ \t]*\+[ \t]*\d{1,2})?[ \t]*['’])"
    r"[^()\n]{0,12}\)"
)
# A country in brackets after a name, perhaps after the partner's name: "A / B (Malaysia)".
_COUNTRY_AFTER_RE = re.compile(
    r"(?:[ \t]*/[ \t]*[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3})?[ \t]*\(([A-Z][\w ]{1,30}?)\)"
)
_NEXT_WORD_RE = re.compile(r"[ \t]+([a-z]+)(?![\w'’-])")
# The words around a name that may be a speech verb; news text often pads with no-break spaces.
_WORD_AFTER_RE = re.compile(r"[^\S\n]*,?[^\S\n]*([a-z]+)(?:[^\S\n]+([a-z]+))?")
_WORD_BEFORE_RE = re.compile(r"([a-zA-Z]+)[^\S\n]*,?[^\S\n]*$")
COMMA_GAP_RE = re.compile(r"[ \t]*,[ \t]*")
_NEXT_CAPITAL_RE = re.compile(r"[A-Z][\w'’-]*")
# What ends a name that stands alone after its title: punctuation, or a word that joins the
# next item or introduces an apposition ("anggota Polri Suhadi dan ...", "Kemendagri Irman,").
_NAME_END_RE = re.compile(r"[ \t]*(?:[,.;:()]|(?:dan|serta|atau|yang|selaku|sebagai)\b)")
# What may follow a one-word speaker: "kata Budi kemarin", not "kata Sekretaris MUI ...".
_AFTER_SPEAKER = (Kind.TIME, Kind.COMMON, Kind.HONORIFIC)


def multi_word_person(ctx: Context, cand: Candidate, floor: int) -> bool:
    """Whether a candidate of two or more words is a person; `floor` is where the previous
    accepted name (or rejected run) ended, so a title is not read across it."""
    text, words = ctx.text, cand.words
    first_given = _first_word(cand).lower() in GIVEN_NAMES
    if not first_given and (words[0] in ctx.placey or words[-1] in ctx.towns):
        return False  # "Haryoto Lumajang": a hospital or firm named with its town
    if _abbreviated_longer(text, cand):
        return False
    marked = (
        _HANDLE_RE.match(text, cand.end) is not None
        or _AGE_RE.match(text, cand.end) is not None
        or _honorific_before(cand)
    )
    if not first_given and all(is_english_word(w) for w in words):
        return marked  # "Crystal Palace", "Black Eyed Peas": a team, a band, a title
    if (
        first_given
        or marked
        or _particle_inside(cand)
        or _shares_surname(ctx, words)
        or _MINUTE_RE.match(text, cand.end)
        or _speech_nearby(text, cand)
        or _speaks_alone(ctx, words)
        or _family_name_first(words)
        or _from_country(ctx, cand)
    ):
        return True
    vocabulary = [is_vocabulary(w) for w in words]
    if all(vocabulary) and _after_regional_head(text, cand, floor):
        return False  # "Bupati Intan Jaya mengatakan": the region the title governs
    if _has_title(text, cand, floor):
        # "Kepala Bagian Publikasi Biro ...": dictionary words after a title name a unit, unless
        # the sentence goes on after them as after a subject ("Penyanyi Sari Kusuma tiba").
        return not all(vocabulary) or _name_ends_here(ctx, cand, floor)
    # "Harvey Weinstein ... Weinstein melecehkan": referred to later by one end of the name.
    return not any(vocabulary) and (
        any(ctx.singles[w] > 0 for w in words) or words[0] in ctx.alone or words[-1] in ctx.alone
    )


def _after_regional_head(text: str, cand: Candidate, floor: int) -> bool:
    title = role_before(text, cand.start, floor)
    return title is not None and bare_head(title.text) in REGIONAL_HEADS


def _shares_surname(ctx: Context, words: list[str]) -> bool:
    """ "Kendall Jenner, Kris Jenner": two names with one surname and two given names are
    relatives, when no word is a dictionary or English word and the surname no place or
    organisation word ("Real Madrid, Atletico Madrid" never gets here: Madrid is a place)."""
    others = ctx.surnames.get(words[-1], frozenset()) - {words[0]}
    return bool(others) and not any(
        is_vocabulary(w) or is_english_word(w) for w in (*words, *others)
    )


def _particle_inside(cand: Candidate) -> bool:
    """ "Virgil van Dijk", "Juan Martin del Potro", "Ahmad bin Yusuf": a lower-case name
    particle between two words that no dictionary has marks a person's name."""
    toks = cand.tokens
    return any(
        t.kind is Kind.PARTICLE and t.text.islower() and 0 < i < len(toks) - 1
        for i, t in enumerate(toks)
    ) and not any(is_vocabulary(w) or is_english_word(w) for w in cand.words)


def _family_name_first(words: list[str]) -> bool:
    """ "Tan Kian Meng", "Son Heung - min": a family name, then words no dictionary has."""
    return words[0].lower() in FAMILY_NAMES and not any(
        len(w) > 4 and (is_vocabulary(w) or is_english_word(w)) for w in words[1:]
    )  # "Chen Long", "Lin Dan": a short syllable may be a dictionary word too


def _from_country(ctx: Context, cand: Candidate) -> bool:
    """ "Andrey Rublev (Rusia)", "Tan Kian Meng / Lai Pei Jing (Malaysia)": a country in
    brackets after a name is the player's, in results and line-ups."""
    m = _COUNTRY_AFTER_RE.match(ctx.text, cand.end)
    return m is not None and m.group(1) in PLACES


def _first_word(cand: Candidate) -> str:
    """The first word of a name that is not an initial ("M Ibnu Fajar" -> "Ibnu")."""
    for tok in cand.tokens:
        if tok.kind is Kind.NAME:
            return tok.text
    return cand.words[0]


def single_word_person(ctx: Context, cand: Candidate, floor: int, known: set[str]) -> bool:
    """Whether a one-word candidate is a person; `known` holds the words of people found."""
    word = cand.words[0]
    if word in known:
        return True
    if cand.tokens[0].kind is not Kind.NAME or len(word) < 3 or word in ctx.placey:
        return False
    if _honorific_before(cand):
        return True
    given = word.lower() in GIVEN_NAMES
    if is_vocabulary(word):
        return False
    title = role_before(ctx.text, cand.start, floor)
    head = bare_head(title.text) if title is not None else None
    if head in REGIONAL_HEADS and not given:
        return False  # "Wakil Gubernur Golestan mengatakan": the region the title governs
    if (cand.nxt is None or cand.nxt.kind in _AFTER_SPEAKER) and _speech_nearby(ctx.text, cand):
        return True  # "kata Budi", but not "kata Sekretaris MUI ..."
    if title is None or is_title_word(word):
        return False  # "Ketua Mahkamah Agung": a title word is not a name here
    # "Kepala BPS Suhariyanto", "Direktur Data Kemendagri, Sugiharto": after a title that
    # already names its body or field, one word is the person, unless a name follows it in
    # apposition ("Direktur Pemasaran Gojek, Budi Santoso"). After a bare head ("Pelatih
    # Persib") the word may as well be the body, so it takes a given name.
    return given or (
        head is None
        and cand.nxt is None
        and _NAME_END_RE.match(ctx.text, cand.end) is not None
        and not _apposed_name_after(ctx, cand)
    )


def _apposed_name_after(ctx: Context, cand: Candidate) -> bool:
    """Whether a name follows `cand` after a comma ("Gojek, Budi Santoso"), rather than the
    next title of a list ("Rudiantara, Menteri Perhubungan ...")."""
    gap = COMMA_GAP_RE.match(ctx.text, cand.end)
    if gap is None:
        return False
    word = _NEXT_CAPITAL_RE.match(ctx.text, gap.end())
    return (
        word is not None
        and not is_title_word(word.group())
        and not is_function_word(word.group().lower())
    )


def lone_speakers(ctx: Context, cands: list[Candidate]) -> frozenset[str]:
    """Words that stand alone as a speaker ("kata Budi", "Mars mengatakan"): a longer name
    ending in one is a person even when the word is also a dictionary word."""
    ends = {w for c in cands if len(c.words) > 1 for w in (c.words[0], c.words[-1])}
    return frozenset(
        cand.words[0]
        for cand in cands
        if len(cand.words) == 1
        and cand.words[0] in ends  # only a longer name's first or last word matters
        and cand.tokens[0].kind is Kind.NAME
        and (cand.nxt is None or cand.nxt.kind in _AFTER_SPEAKER)
        and _speech_nearby(ctx.text, cand)
    )


def _speaks_alone(ctx: Context, words: list[str]) -> bool:
    """Whether the article quotes this person by surname or given name alone: "Bruno Mars ...
    Mars mengatakan", "Jimly Asshiddiqie ... kata Jimly". The other end of the name must not
    be a dictionary word: "Prestasi Jorge Lorenzo" and "Coutinho Pulih" are a headline's words
    run into a name."""
    first, last = words[0], words[-1]
    lone = ctx.lone_speakers
    return (last in lone and not is_vocabulary(first)) or (
        first in lone and not is_vocabulary(last)
    )


def _speech_nearby(text: str, cand: Candidate) -> bool:
    after = _WORD_AFTER_RE.match(text, cand.end)
    if after is not None:
        first, second = after.group(1), after.group(2)
        if first in SPEECH_AFTER or (first in SPEECH_ADVERBS and second in SPEECH_AFTER):
            return True
    before = _WORD_BEFORE_RE.search(text, max(0, cand.start - 30), cand.start)
    return before is not None and before.group(1).lower() in SPEECH_BEFORE


def _honorific_before(cand: Candidate) -> bool:
    return cand.prev is not None and cand.prev.kind is Kind.HONORIFIC


def _has_title(text: str, cand: Candidate, floor: int) -> bool:
    return (
        _honorific_before(cand)
        or role_before(text, cand.start, floor) is not None
        or role_after(text, cand.end) is not None
    )


def _name_ends_here(ctx: Context, cand: Candidate, floor: int) -> bool:
    """Whether dictionary words after a title are a name rather than the unit the title heads.

    A name ends the capitalised run, and then either the clause goes on with a lower-case
    content word ("Penyanyi Sari Kusuma tiba di ...") or its surname is the surname of someone
    the article names by a known given name ("..., pengusaha Bayu Kusuma"). A unit or body
    ("Kepala Bagian Publikasi Biro Humas ...", "pemain Pantai Gading itu") runs on into the
    body it belongs to, or is closed by a function word; and a title stated of the previous
    name ("Abimanyu sebagai Panglima Perang Pandawa melawan") holds its object. A bare comma
    before the title may as well start a new apposed name ("..., penyanyi Aura Kasih")."""
    if cand.nxt is not None:
        return False
    text, words = ctx.text, cand.words
    after = _NEXT_WORD_RE.match(text, cand.end)
    if after is not None:
        if is_function_word(after.group(1)):
            return False
    elif not ctx.families.get(words[-1], frozenset()) - {words[0]}:
        return False  # "Kepala Bagian Publikasi Biro, ...": nobody else has that surname
    title = role_after(text, floor) if floor else None
    return (
        title is None
        or title.end < cand.start
        or COMMA_GAP_RE.fullmatch(text, floor, title.start) is not None  # "Diana', penyanyi"
    )


def _abbreviated_longer(text: str, cand: Candidate) -> bool:
    """ "... Nasional Bromo Tengger Semeru (TNBTS)": an abbreviation with more letters than the
    candidate has words spells a longer name that starts before it, an organisation or a place
    ("Susilo Bambang Yudhoyono (SBY)" stays a person)."""
    m = _ABBREVIATION_AFTER_RE.match(text, cand.end)
    return m is not None and len(m.group(1)) > len(cand.words)

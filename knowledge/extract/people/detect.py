"""Person mentions of one article: which candidates are people, and the role beside each.

Candidates are accepted in passes: multi-word names on their own evidence, then apposed and
enumerated names beside a confirmed person, then one-word names (a word of a person found, or
one-word evidence). Moderator overrides block names and force others. Roles are read beside
each kept span; a pronoun sentence ("Dia adalah ...") right after a sentence naming one person
adds that person's role.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from knowledge.extract.people.candidates import Candidate, candidates
from knowledge.extract.people.evidence import (
    COMMA_GAP_RE,
    lone_speakers,
    multi_word_person,
    single_word_person,
)
from knowledge.extract.people.lexicon import GIVEN_NAMES, is_english_word, is_vocabulary
from knowledge.extract.people.referents import referred_roles
from knowledge.extract.people.tokens import Context, Kind, article_context
from knowledge.extract.roles import RoleSpan, is_relational, role_after, role_before
from knowledge.models import PersonMention, Sentence
from knowledge.overrides import Overrides

# Separators inside an enumeration of people, each item perhaps with its team in brackets.
_LIST_GAP_RE = re.compile(
    r"(?:[ \t]*\([^()\n]{1,40}\))?"
    r"(?:[ \t]*,[ \t]*(?:(?:dan|serta|atau|and)[ \t]+)?|[ \t]+(?:dan|serta|atau|and)[ \t]+"
    r"|[ \t]*/[ \t]*)"
)
# The slash of a doubles pair: "Tontowi Ahmad / Liliyana Natsir".
_PAIR_GAP_RE = re.compile(r"[ \t]*/[ \t]*")
# A cheap first look at what follows a name before the full gap pattern is tried.
_LIST_START_RE = re.compile(r" ?[,(/]| (?:dan|serta|atau|and) ")


def find_people(
    text: str, sentences: Sequence[Sentence] = (), overrides: Overrides | None = None
) -> list[PersonMention]:
    """Every person mention in `text`, in order, with exact spans and the role stated beside it.

    `sentences` (from `split_sentences(text)`) tell sentence-initial capitals from names; the
    role is verbatim article text and keeps leading modifiers ("salah satu pendiri", "mantan
    peneliti"); it is "" when nothing next to the name states one. `overrides` block names
    (`not_people`) and force others (`people`). Never raises on any text.
    """
    ctx, cands = analyse(text, tuple(sentences))
    spans = [(c.start, c.end) for c in _accept(ctx, cands, overrides)]
    spans += _forced(text, overrides)
    mentions = _mentions(text, spans)
    referred = referred_roles(text, sentences, mentions)
    return sorted(mentions + referred, key=lambda m: m.start) if referred else mentions


def name_candidates(text: str, sentences: Sequence[Sentence] = ()) -> list[tuple[int, int]]:
    """Spans [start, end) of every name-shaped stretch, person or not, in text order: what a
    speech verb's speaker slot may hold when no confirmed person stands there."""
    _, cands = analyse(text, tuple(sentences))
    return [(c.start, c.end) for c in cands]


@lru_cache(maxsize=16)
def analyse(text: str, sentences: tuple[Sentence, ...]) -> tuple[Context, list[Candidate]]:
    """The classified runs of `text` and its name candidates (cached: people, organisations
    and quotes all read the same analysis of an article)."""
    ctx = article_context(text, sentences)
    cands = candidates(ctx)
    ctx.families = _families(cands)
    ctx.surnames = _surnames(cands)
    ctx.lone_speakers = lone_speakers(ctx, cands)
    return ctx, cands


def _surnames(cands: list[Candidate]) -> dict[str, frozenset[str]]:
    """Last word -> the first words of the multi-word candidates it closes."""
    out: dict[str, set[str]] = {}
    for cand in cands:
        words = cand.words
        if len(words) > 1:
            out.setdefault(words[-1], set()).add(words[0])
    return {last: frozenset(firsts) for last, firsts in out.items()}


def _families(cands: list[Candidate]) -> dict[str, frozenset[str]]:
    """Surname -> the given names it follows, for names that start with a known given name."""
    out: dict[str, set[str]] = {}
    for cand in cands:
        words = cand.words
        if len(words) > 1 and words[0].lower() in GIVEN_NAMES:
            out.setdefault(words[-1], set()).add(words[0])
    return {surname: frozenset(given) for surname, given in out.items()}


def _accept(ctx: Context, cands: list[Candidate], overrides: Overrides | None) -> list[Candidate]:
    blocked = overrides.not_people_lower if overrides else frozenset()
    cands = [c for c in cands if ctx.text[c.start : c.end].lower() not in blocked]
    accepted: list[Candidate] = []
    floor = 0
    prev: Candidate | None = None
    for cand in cands:
        if len(cand.words) > 1 and (
            multi_word_person(ctx, cand, floor) or _after_relational(ctx.text, prev, cand)
        ):
            accepted.append(cand)
            floor = cand.end
        elif len(cand.words) == 1 and cand.tokens[0].kind is Kind.NAME:
            floor = cand.end  # a rejected longer run is a place or a body: titles span it
        prev = cand
    accepted, objects = _title_objects_to_people(ctx, cands, accepted)
    accepted += _enumerated(ctx, [c for c in cands if c.start not in objects], accepted)
    full_names = {ctx.text[c.start : c.end] for c in accepted}
    accepted += [
        c
        for c in cands
        if len(c.words) > 1 and c not in accepted and ctx.text[c.start : c.end] in full_names
    ]
    known = {w for c in accepted for w in c.words if len(w) > 2}
    floor = 0
    for cand in cands:
        if len(cand.words) == 1 and single_word_person(ctx, cand, floor, known):
            accepted.append(cand)
        floor = cand.end
    accepted.sort(key=lambda c: c.start)
    return accepted


def _title_objects_to_people(
    ctx: Context, cands: list[Candidate], accepted: list[Candidate]
) -> tuple[list[Candidate], set[int]]:
    """ "CEO Dorna Sports, Carmelo Ezpeleta": what a title names right before an apposed name
    is the organisation and the apposed name the person, unless the title points at a person
    ("kuasa hukum X, Y") or the names go on as a list."""
    text = ctx.text
    by_start = {c.start: c for c in cands}
    dropped: set[int] = set()
    added: list[Candidate] = []
    for cand in accepted:
        gap = COMMA_GAP_RE.match(text, cand.end)
        nxt = by_start.get(gap.end()) if gap else None
        if (
            nxt is None
            or len(nxt.words) < 2
            or cand.words[0].lower() in GIVEN_NAMES
            or _list_goes_on(text, nxt.end, by_start)
            or nxt.words[0] in ctx.placey
        ):
            continue
        title = role_before(text, cand.start)
        if title is not None and not is_relational(title.text):
            dropped.add(cand.start)
            added.append(nxt)
    kept = [c for c in accepted if c.start not in dropped]
    have = {c.start for c in kept}
    people = sorted(kept + [c for c in added if c.start not in have], key=lambda c: c.start)
    return people, dropped


def _list_goes_on(text: str, end: int, by_start: dict[int, Candidate]) -> bool:
    gap = _LIST_GAP_RE.match(text, end)
    return gap is not None and gap.end() in by_start


def _enumerated(ctx: Context, cands: list[Candidate], accepted: list[Candidate]) -> list[Candidate]:
    """Names listed beside a confirmed person ("Arif Suyono, Benny Wahyudi, dan Fery Aman
    Saragih") are people too: two for a one-word name, one for a longer name."""
    by_start = {c.start: c for c in cands}
    for c in cands:  # "..., Almarhum Dede Mariana dan ...": an honorific leads a list item
        if c.prev is not None and c.prev.kind is Kind.HONORIFIC:
            by_start.setdefault(c.prev.start, c)
    confirmed = {c.start for c in accepted}
    seen: set[int] = set()
    out: list[Candidate] = []
    for cand in cands:
        if cand.start in seen:
            continue
        chain = [cand]
        while _LIST_START_RE.match(ctx.text, chain[-1].end) and (
            (gap := _LIST_GAP_RE.match(ctx.text, chain[-1].end)) and gap.end() in by_start
        ):
            chain.append(by_start[gap.end()])
        seen.update(c.start for c in chain)
        if len(chain) < 2:
            continue
        persons = sum(1 for c in chain if c.start in confirmed and len(c.words) > 1)
        if persons == 0:
            persons = _line_up(ctx, chain)
        if persons == 0:
            continue
        out += [c for c in chain if c.start not in confirmed and _list_member(ctx, c, persons)]
    return out


def _line_up(ctx: Context, chain: list[Candidate]) -> int:
    """How many names a list without a confirmed person counts as, 0 if it is no line-up:
    three or more names none of which is a place, a dictionary or an English phrase ("Lin
    Dan, Shi Yuqi dan Chen Long"), or a doubles pair the article writes twice ("Tontowi /
    Liliyana")."""
    if not all(_name_shaped(ctx, c) for c in chain):
        return 0
    longer = sum(1 for c in chain if len(c.words) > 1)
    if len(chain) >= 3 and longer >= 2:
        return longer
    if len(chain) == 2 and ctx.text.count(ctx.text[chain[0].start : chain[1].end]) >= 2:
        return 2
    return 0


def _name_shaped(ctx: Context, cand: Candidate) -> bool:
    words = cand.words
    return (
        words[0] not in ctx.placey
        and all(t.kind in (Kind.NAME, Kind.INITIAL, Kind.PARTICLE) for t in cand.tokens)
        and not all(is_vocabulary(w) or is_english_word(w) for w in words)
    )


def _list_member(ctx: Context, cand: Candidate, persons: int) -> bool:
    words = cand.words
    if words[0] in ctx.placey or all(is_vocabulary(w) for w in words):
        return False
    if len(words) > 1:
        return True
    word = words[0]
    return persons >= 2 and cand.tokens[0].kind is Kind.NAME and len(word) > 2


def _after_relational(text: str, prev: Candidate | None, cand: Candidate) -> bool:
    """ "kuasa hukum Setya Novanto, Firman Wijaya", "pengacara Aman, Asrudin Hatjani": the
    name apposed to a relational title's object is the lawyer."""
    if prev is None or not _apposed(text, prev.end, cand.start):
        return False
    title = role_before(text, prev.start)
    return title is not None and is_relational(title.text)


def _forced(text: str, overrides: Overrides | None) -> list[tuple[int, int]]:
    if overrides is None or overrides.people_pattern is None:
        return []
    return [(m.start(), m.end()) for m in overrides.people_pattern.finditer(text)]


def _dedupe(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlaps resolved in favour of the longer one."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(set(spans)):
        if kept and start < kept[-1][1]:
            if end - start > kept[-1][1] - kept[-1][0]:
                kept[-1] = (start, end)
            continue
        kept.append((start, end))
    return kept


def _roles(text: str, kept: list[tuple[int, int]]) -> list[str]:
    roles: list[str] = []
    handed_on = ""
    for i, (start, end) in enumerate(kept):
        floor = kept[i - 1][1] if i else 0
        ceiling = kept[i + 1][0] if i + 1 < len(kept) else None
        before = None if handed_on else role_before(text, start, floor)
        span = before or _own_role_after(text, end, ceiling)
        role = handed_on or (span.text.strip() if span else "")
        handed_on = ""
        if before is not None and is_relational(before.text) and _apposed(text, end, ceiling):
            handed_on, role = text[before.start : end], ""
        if not role and i and roles[-1] and _PAIR_GAP_RE.fullmatch(text, floor, start):
            role = roles[-1]  # "ganda campuran Indonesia, Praveen / Debby": one entry, one role
        roles.append(role)
    return roles


def _own_role_after(text: str, end: int, ceiling: int | None) -> RoleSpan | None:
    """The apposition after a name, unless it is the title of the next name: in "Harya
    Adityawarman, General Manager Pertamina Yanuar Budi Hartanto" the title is Yanuar's."""
    span = role_after(text, end, ceiling)
    if span is None or ceiling is None:
        return span
    if not text[span.end : ceiling].strip(" \t()"):
        return None
    return span


def _apposed(text: str, end: int, next_start: int | None) -> bool:
    """Whether the next name follows right after a comma: "..., Firman Wijaya"."""
    return next_start is not None and COMMA_GAP_RE.fullmatch(text, end, next_start) is not None


def _mentions(text: str, spans: list[tuple[int, int]]) -> list[PersonMention]:
    kept = _dedupe(spans)
    return [
        PersonMention(start, end, text[start:end], role)
        for (start, end), role in zip(kept, _roles(text, kept), strict=True)
    ]

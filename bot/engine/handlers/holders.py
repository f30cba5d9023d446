"""Who holds a role: "siapa direktur utama PT X?", "who is the finance minister?".

Answered from the roles the articles state for people (the store's role index), never from
sentences that merely share words: a holder is named only when their stated role is the one
asked (`bot.engine.roles`), for the organisation or place asked. Newest article first, each
person once, cited. When no article names a holder the answer says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from bot.engine.answer import Answer, Fact, Query
from bot.engine.corpus import Corpus
from bot.engine.handlers.reply import reply
from bot.engine.retrieval import leads
from bot.engine.roles import (
    RolePhrase,
    head_titles,
    longest_title,
    org_found,
    org_matches,
    org_variants,
    parse,
    role_words,
    same_role,
    stated_roles,
    title_forms,
)
from bot.engine.terms import term_groups
from knowledge.store.reader import PersonRow
from knowledge.store.rows import HolderRow
from knowledge.vocab import VOCABULARY

HOLDERS_SHOWN = 5
CANDIDATES = 150  # role mentions read per look-up, most recently added first
HEADLINE_ARTICLES = 100  # articles headlined with the organisation whose roles are read
HEADLINE_ROLES = 200  # role mentions read from those articles
CONTEXT_CHARS = 80  # sentence characters either side of a name that may hold its organisation
_PREMODIFIERS = 3  # capitalised words right before a stated role that may still belong to it
_BOUNDARY_RE = re.compile(r"[,;:()\[\]\u2013\u2014\"\u201c\u201d]")
_HONORIFIC_DOT_RE = re.compile(r"\.$")
HONORIFICS = frozenset(w.rstrip(".") for w in VOCABULARY.words("honorifics"))


@dataclass(frozen=True)
class Holder:
    """A person stated to hold the role asked, with the row that states it."""

    name: str
    key: str
    row: HolderRow


async def answer_holder(corpus: Corpus, q: Query) -> Answer:
    """The people whose stated role is `q.role`, newest article first, each cited once."""
    asked = parse(q.role, asked=True)
    if asked is None:
        return reply(q, False, "holder_none", subject=q.role)
    holders = await find_holders(corpus, q.role, asked)
    if not holders:
        return reply(q, False, "holder_none", subject=q.role)
    facts = [
        Fact(
            "holder",
            corpus.cite(h.row.article_id, h.row.text),
            role=h.row.role,
            person=h.name,
        )
        for h in holders[:HOLDERS_SHOWN]
    ]
    return reply(q, True, "holder_found", facts, subject=q.role)


async def find_holders(corpus: Corpus, text: str, asked: RolePhrase) -> list[Holder]:
    """Everyone the articles state holds the role `asked` (read from `text`), newest first.

    A person the question names is never the answer: "kapolres sebelum Yudha" asks for
    someone else, and "kuasa hukum Suparman" for someone in an article about Suparman.
    """
    named = _named_people(corpus, text)
    named_words = {w for p in named for w in role_words(p.name)}
    asked = replace(asked, org=tuple(w for w in asked.org if w not in named_words))
    # A long title may be stated by its head with the rest before it ("Ketua majelis hakim,
    # Dr. Ratna" is stored as hakim): the heads are looked up too.
    forms = title_forms(asked.title) + [f for t in head_titles(asked.title) for f in title_forms(t)]
    rows = await corpus.store.role_mentions(
        forms, [org_variants(w) for w in asked.org], limit=CANDIDATES
    )
    if not asked.org:
        return await _about(corpus, named, asked, await _holders(corpus, asked, rows, named))
    holders = await _holders(corpus, asked, rows, named)
    if not holders:
        # The organisation may be written otherwise (a typo, an abbreviation, English), or only
        # in the headline over a bare "CEO": read the latest roles of the title, and those of
        # the articles headlined with the organisation.
        rows = await corpus.store.role_mentions(forms, limit=CANDIDATES)
        ids = corpus.headlines.about(term_groups(" ".join(asked.org)), 1, HEADLINE_ARTICLES)
        rows += await corpus.store.article_role_mentions(ids, limit=HEADLINE_ROLES)
        holders = await _holders(corpus, asked, rows, named)
    return await _about(corpus, named, asked, holders)


def _named_people(corpus: Corpus, text: str) -> list[PersonRow]:
    """The people a role question names ("kapolres sebelum Yudha", "kuasa hukum Suparman")."""
    return corpus.people.in_text(text)[0]


async def _about(
    corpus: Corpus, named: Sequence[PersonRow], asked: RolePhrase, holders: list[Holder]
) -> list[Holder]:
    """Holders in articles that mention the people named (unless an earlier holder is asked:
    then the person named is the one to look past)."""
    if not named or "former" in asked.flags or not holders:
        return holders
    wanted = {p.id for p in named}
    people = await corpus.store.article_people(h.row.article_id for h in holders)
    return [h for h in holders if wanted <= people[h.row.article_id]]


async def _holders(
    corpus: Corpus, asked: RolePhrase, rows: Iterable[HolderRow], named: Sequence[PersonRow]
) -> list[Holder]:
    rows = _newest_first(corpus, rows)
    # A bare role ("The resort's owner, Linda Halim") may take its organisation from the
    # article's lead.
    lead_rows = await leads(corpus, (r.article_id for r in rows))
    excluded = {p.id for p in named}
    # "kapolres sebelum Yudha": whoever else held it came before him, "mantan" or not.
    past = named and "former" in asked.flags
    present = replace(asked, flags=asked.flags - {"former"}) if past else asked
    found: dict[str, Holder] = {}
    for row in rows:
        if row.person_id is not None and row.person_id in excluded:
            continue
        found_lead = lead_rows.get(row.article_id)
        # A role stated in the lead itself (or before it) takes nothing from it.
        lead = role_words(found_lead.text) if found_lead and row.idx > found_lead.idx else ()
        if not _states(corpus, asked, row, lead) and not (
            past and _states(corpus, present, row, lead)
        ):
            continue
        name = row.person or row.text[row.name_start : row.name_end]
        key = str(row.person_id) if row.person_id is not None else name.casefold()
        found.setdefault(key, Holder(name, key, row))
    return list(found.values())


def _newest_first(corpus: Corpus, rows: Iterable[HolderRow]) -> list[HolderRow]:
    unique = {(r.article_id, r.idx, r.name_start): r for r in rows}

    def order(r: HolderRow) -> tuple[int, date, str, int, int]:
        article = corpus.articles.get(r.article_id)
        published = article.published if article else None
        return (0 if published else 1, _negated(published), r.article_id, r.idx, r.name_start)

    return sorted(unique.values(), key=order)


def _negated(day: date | None) -> date:
    # Newest first inside an ascending sort: count days back from the last representable day.
    if day is None:
        return date.max
    return date.fromordinal(date.max.toordinal() - day.toordinal() + 1)


def _states(corpus: Corpus, asked: RolePhrase, row: HolderRow, lead: Sequence[str] = ()) -> bool:
    """Whether the row states the role asked for the organisation asked; `lead` holds the
    words of its article's first sentences, where a bare role's organisation may stand."""
    article = corpus.articles.get(row.article_id)
    headline = role_words(article.title) if article else ()
    around = (*role_words(_clause(row)), *headline)
    for stated in _stated(row):
        if not same_role(asked, stated):
            continue
        fits = _org_fits(asked.org, stated.org, around)
        if not fits and not stated.org:
            # "The resort's owner, Linda Halim": the organisation of a bare role is the one
            # the article's lead names ("the Sanur Cove resort"). Not any other in its own
            # sentence: in "Menghadapi tekanan dari pesaing seperti Google, CEO Sam Altman"
            # Google is not his.
            fits = org_found(asked.org, lead)
        if fits:
            return not asked.clause or org_found(asked.clause, role_words(row.text))
    return False


def _clause(row: HolderRow) -> str:
    """The clause of the sentence that holds the name and its stated role ("The resort's owner,
    Linda Halim"): not the rest of the sentence, where another organisation may stand."""
    text, lo, hi = row.text, row.name_start, row.name_end
    before = text.rfind(row.role, max(0, lo - CONTEXT_CHARS), lo)
    if before >= 0:
        lo = before
    else:
        after = text.find(row.role, hi, hi + CONTEXT_CHARS)
        if after >= 0:
            hi = after + len(row.role)
    start = max((m.end() for m in _BOUNDARY_RE.finditer(text, 0, lo)), default=0)
    end = _BOUNDARY_RE.search(text, hi)
    return text[start : end.start() if end else len(text)]


def _stated(row: HolderRow) -> tuple[RolePhrase, ...]:
    """The roles of a row: as stored, and with the capitalised words right before it that the
    stored role left out ("Finance" of "Finance Minister Yusuf Hakim")."""
    roles = stated_roles(row.role)
    extended = _with_premodifiers(row)
    if extended != row.role:
        roles = stated_roles(extended) + roles
    return roles


def _with_premodifiers(row: HolderRow) -> str:
    before = row.text[: row.name_start]
    at = before.rfind(row.role)
    gap = before[at + len(row.role) :].replace(",", " ").split()
    if at < 0 or any(_HONORIFIC_DOT_RE.sub("", w).casefold() not in HONORIFICS for w in gap):
        return row.role
    words = before[:at].split()
    # "Ketua majelis hakim": the words before a head that make a longer title with it.
    for size in range(min(_PREMODIFIERS, len(words)), 0, -1):
        longer = " ".join([*words[-size:], row.role])
        if longest_title(role_words(longer)) is not None and longest_title(
            role_words(longer)
        ) != longest_title(role_words(row.role)):
            return longer
    kept: list[str] = []
    for word in reversed(words[-_PREMODIFIERS:]):
        if not word[:1].isupper() or not word.isalpha():
            break
        kept.insert(0, word)
    return " ".join([*kept, row.role])


def _org_fits(asked: Sequence[str], stated: Sequence[str], around: Sequence[str]) -> bool:
    """Whether the stated role is for the organisation asked.

    A role naming an organisation must name the asked one (at least one of its words), and
    it may have no words of its own the question lacks ("Dinas Pendidikan Kota Surabaya" is not
    "dinas pendidikan medan"); what the role leaves out must stand around the name or in the
    headline, or be the lesser part of the name ("Pelatih Gelora Putra" is the coach of Gelora
    Putra Semarang). A bare role ("CEO") takes its organisation from around the name or the
    headline, where most of its words must stand.
    """
    if not asked:
        return True
    if not stated:
        return _most(org_matches(asked, around))
    hits = org_matches(asked, stated)
    if not any(hits):
        return False
    rest = [w for w, hit in zip(asked, hits, strict=True) if not hit]
    if not rest:
        return True
    own = [w for w, hit in zip(stated, org_matches(stated, asked), strict=True) if not hit]
    if own:
        return False
    # The role names most of the organisation ("Gelora Putra" of "Gelora Putra Semarang"):
    # the rest is a qualifier the article may state anywhere.
    return _most(hits) or org_found(rest, around)


def _most(hits: Sequence[bool]) -> bool:
    """More than half, and all of one or two: "Gelora Putra" of "Gelora Putra Semarang"."""
    return sum(hits) * 2 > len(hits) and (len(hits) > 2 or all(hits))

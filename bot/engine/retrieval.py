"""Finding the sentences and events that answer a topic, best first.

A sentence answers only when it names the topic's people (never a namesake; a sentence that
does not name them must speak of them with a pronoun) and covers enough of its other terms
(`bot.engine.terms`), with its article's headline as context. What the question asks
(`bot.engine.asking`) narrows it further: every word typed as a name must be in the sentence or
its headline, a number question's focus in the sentence with a number, a person question's
sentence must name someone new. Sentences covering more terms rank first, then those where the
subject stands closest to the event asked ("Dewi kembali ke Jakarta" over "Perusahaan itu
kembali menunda rapat"), after those stating more of the event's own words; bm25 (lower is
better) breaks ties. Nothing here pads: a topic with no
such sentence gets an empty list.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from bot.engine.asking import Asking, refers_to_person
from bot.engine.corpus import Corpus
from bot.engine.evidence import (
    answers_kind,
    entities_stated,
    names_someone_new,
    proximity,
    states,
    things_stated,
)
from bot.engine.language import detect_language
from bot.engine.lexicon import STOPWORDS_EN, STOPWORDS_ID
from bot.engine.terms import TermGroup, covered, needed, term_groups
from knowledge.models import PRECISIONS
from knowledge.store.reader import EventRow, PersonRow, SentenceRow
from knowledge.text import stem, words
from knowledge.vocab import VOCABULARY

ENOUGH_FULL_MATCHES = 5  # sentences with every term that make a wider (slower) search pointless
SAME_EVENT = 0.8  # share of the smaller sentence's words two tellings of one event have in common
NOTICE_WORDS = 12  # a publishing notice is a short line
LEAD_SENTENCES = 3  # an article's lead is among its first sentences (a byline may come first)
LEAD_WORDS = 8  # a shorter first line is a byline, dateline or kicker, not the lead
PUBLICATION_WORDS = tuple(w.casefold() for w in VOCABULARY.lines("publication_words"))
ANAPHORA = 2  # sentences back within which a pronoun's person must be named
EVENT_TERMS = 2  # terms a sentence naming nobody states to be about its headline's person
LOOSE_EVERY = 3  # a timeline topic of up to this many terms needs all of them in context
_STOP = STOPWORDS_ID | STOPWORDS_EN
Ranked = tuple[int, int, int, SentenceRow]  # context terms, own terms, proximity, the sentence


@dataclass(frozen=True)
class Topic:
    """What a question is about: the people it names, its other terms, and what it asks."""

    groups: list[TermGroup]
    people: list[PersonRow]
    asking: Asking = field(default_factory=Asking)
    # The people are what the question's event is about ("kapan Rina menunda rapat"), not
    # its object ("when did the minister approve Nurhayati's appointment").
    people_first: bool = True

    def entity_groups(self) -> list[TermGroup]:
        """The groups of words typed as names ("Jakarta", "BBM"): an answer must state them."""
        return [g for g in self.groups if g.word in self.asking.entities]

    def focus_group(self) -> TermGroup | None:
        """The group a number question counts ("harga" of "berapa harga beras"), or None."""
        return next((g for g in self.groups if g.word == self.asking.focus), None)

    def qualifier_groups(self) -> list[TermGroup]:
        """The groups qualifying what a number question counts ("beras" of "harga beras")."""
        return [g for g in self.groups if g.word in self.asking.qualifiers]


def topic_of(corpus: Corpus, text: str, asking: Asking | None = None) -> Topic:
    """The known people named in `text`, and term groups of the rest less the words that
    only frame the question (`Asking.terms`)."""
    asking = asking or Asking()
    people, rest = corpus.people.in_text(text)
    groups = term_groups(asking.terms(rest))
    named = {w for p in people for w in words(p.name)}
    first = next((w for w in words(text) if w not in _STOP), "")
    return Topic(groups, people, asking, people_first=not groups or first in named)


async def matching_sentences(
    corpus: Corpus,
    topic: Topic,
    *,
    limit: int,
    events_only: bool = False,
    loose: bool = False,
    relaxed: bool = False,
    wide: bool = True,
) -> list[SentenceRow]:
    """Sentences that name the topic's people and cover enough of its terms, best first.

    `events_only` keeps sentences stating a dated event; `loose` (timelines) accepts one term in
    the sentence when the headline carries the rest. `relaxed` finds the sentences that state
    the event a why-question asks about: one term short is enough, and no kind of answer is
    required of them. Without `wide`, only sentences holding every term are candidates (one
    cheap look-up: what a fallback can afford). At most `limit` candidates are ranked.
    """
    rows = await candidates(
        corpus, topic, limit=limit, events_only=events_only, loose=loose, wide=wide
    )
    return await answering(corpus, topic, rows, loose=loose, relaxed=relaxed)


async def candidates(
    corpus: Corpus,
    topic: Topic,
    *,
    limit: int,
    events_only: bool = False,
    loose: bool = False,
    wide: bool = True,
) -> list[SentenceRow]:
    """The sentences `answering` judges (see `matching_sentences` for the arguments): those
    the store finds for the topic's terms and names, about its people, never a namesake."""
    groups, people = topic.groups, topic.people
    if groups:
        name_groups = [[stem(w) for w in words(p.name)] for p in people]
        search = [sorted(g.stems) for g in groups] + name_groups
        rows = []
        if not loose:
            # Sentences holding every term first: ranking them is cheap even when a term is
            # common. Only when too few do, rank what holds any term.
            rows = await corpus.store.search(
                search, limit=limit, events_only=events_only, every=True
            )
        if len(rows) < ENOUGH_FULL_MATCHES and (wide or loose):
            rows = await corpus.store.search(search, limit=limit, events_only=events_only)
    elif people:
        ids = [p.id for p in people]
        rows = await corpus.store.person_sentences(ids, limit=limit, events_only=events_only)
    else:
        return []
    if people:
        rows = await _naming(corpus, rows, {p.id for p in people}, groups, topic.people_first)
    return rows


async def answering(
    corpus: Corpus,
    topic: Topic,
    rows: list[SentenceRow],
    *,
    loose: bool = False,
    relaxed: bool = False,
) -> list[SentenceRow]:
    """The candidate rows that answer the topic, best first (see `matching_sentences`)."""
    groups = topic.groups
    want = _want(groups, loose, relaxed)
    if loose and topic.people and len(groups) > 1:
        want -= 1  # a person's story: their dated sentences need not repeat every word
    judge = _Judge(corpus, topic, want, strict=not (loose or relaxed))
    good: list[Ranked] = []
    unsure: list[tuple[Ranked, str]] = []  # rows whose names may stand elsewhere in the article
    for r in rows:
        judged = judge.rank(r, loose or relaxed)
        if judged is None:
            continue
        ranked, context_text = judged
        if entities_stated(judge.entities, set(context_text.split())):
            good.append(ranked)
        else:
            unsure.append((ranked, context_text))
    if unsure:
        good += await _named_in_article(corpus, groups, judge.entities, unsure)
    if judge.strict and topic.asking.kind == "person" and good:
        new = await names_someone_new(
            corpus, [t[3] for t in good], topic.people, topic.asking.words
        )
        good = [t for t in good if (t[3].article_id, t[3].idx) in new]
    # Between sentences stating as much, the one stating more of the event itself (not only
    # its names) answers better: "Rizky mencetak dua gol" over "Gelora Putra unggul dua angka".
    event = [g for g in groups if g not in judge.entities]
    good.sort(key=lambda t: (-t[0], -t[1], -covered(event, t[3].stemmed), t[2], t[3].score))
    return [t[3] for t in good]


class _Judge:
    """Whether a sentence answers a topic, and how well: see `matching_sentences`."""

    def __init__(self, corpus: Corpus, topic: Topic, want: int, strict: bool) -> None:
        self.corpus, self.topic, self.want, self.strict = corpus, topic, want, strict
        self.entities, self.focus = topic.entity_groups(), topic.focus_group()
        self.counting = strict and topic.asking.kind == "number"
        self.qualifiers = topic.qualifier_groups() if self.counting else []

    def rank(self, r: SentenceRow, one_term: bool) -> tuple[Ranked, str] | None:
        """The row's rank and its context text (sentence and headline stems), or None when it
        does not answer; `one_term`: the sentence itself need hold one term only."""
        topic, groups = self.topic, self.topic.groups
        own = covered(groups, r.stemmed)
        # The headline is context for every sentence under it: "anggaran tram" is answered
        # by a budget sentence in a tram article.
        title = self.corpus.articles.get(r.article_id)
        context_text = f"{r.stemmed} {title.title_stemmed if title else ''}"
        context = covered(groups, context_text)
        # The sentence's own language (an article's stated one may be a default) matters only
        # to what a number question counts.
        same = self.counting and detect_language(r.text) == topic.asking.lang
        own_want = 1 if one_term else self._own_want(r, same)
        if context < self.want or (groups and own < own_want):
            return None
        if self.strict and not self._answers(r, context_text, same):
            return None
        ranked = (context, own, proximity(topic.people, groups, self.entities, r.stemmed), r)
        return ranked, context_text

    def _answers(self, r: SentenceRow, context_text: str, same: bool) -> bool:
        """The kind of answer asked is there: a number and what it counts, or a new name."""
        if not answers_kind(self.topic.asking, self.focus, r, same):
            return False
        if same and self.qualifiers and not self._qualified(r, context_text):
            return False
        name = self.topic.asking.kind == "name"
        return not name or things_stated(self.topic.groups, self.entities, r)

    def _qualified(self, r: SentenceRow, context_text: str) -> bool:
        """The words qualifying what is counted are stated by the sentence or its headline,
        as stems or, for a typo, as written ("pendigin" for the "pendingin" of the text)."""
        title = self.corpus.articles.get(r.article_id)
        written = set(words(f"{r.text} {title.title if title else ''}"))
        return entities_stated(self.qualifiers, set(context_text.split()) | written, own=False)

    def _own_want(self, r: SentenceRow, same_language: bool) -> int:
        """How many terms the sentence itself must hold: all but one of those an answer needs,
        or one for a number answer holding what it counts, which may leave the rest to its
        headline ("Sekitar 1.200 warga terpaksa mengungsi" under "Ribuan Warga ... Mengungsi")."""
        focus = self.focus
        if self.counting and focus is not None and states(focus, r, same_language):
            return 1
        return max(1, self.want - 1)


def _want(groups: list[TermGroup], loose: bool, relaxed: bool) -> int:
    """How many terms a sentence and its headline must hold between them: most of them for a
    single fact (one fewer for a why-question's event); for a timeline, whose sentence may hold
    just one, every term of a short topic and all but one of a long one ("kronologi kasus
    korupsi timah" is not the story of another corruption case)."""
    if relaxed and groups:
        return max(1, needed(groups) - 1)
    if loose:
        return timeline_want(groups)
    return needed(groups)


def timeline_want(groups: list[TermGroup]) -> int:
    """How many terms of a timeline's topic a sentence with its headline (or a headline alone)
    must hold: all of a short topic, all but one of a long one."""
    return len(groups) if len(groups) <= LOOSE_EVERY else len(groups) - 1


async def _named_in_article(
    corpus: Corpus,
    groups: list[TermGroup],
    entities: list[TermGroup],
    unsure: list[tuple[Ranked, str]],
) -> list[Ranked]:
    """The rows that state every other term of the question themselves, in an article that
    states the names they leave out: a sentence continues its article ("Tanggul darurat
    selesai dipasang pada Kamis" in the article on the Kali Banger dyke). An article that never
    names them is about something else, and a sentence that leans on its headline for the
    rest as well states too little."""
    others = [g for g in groups if g not in entities]
    stated = await corpus.store.article_words([t[3].article_id for t, _ in unsure])
    kept = []
    for ranked, context_text in unsure:
        r = ranked[3]
        pool = stated[r.article_id] | set(context_text.split())
        if entities_stated(entities, pool) and covered(others, r.stemmed) == len(others):
            kept.append(ranked)
    return kept


async def _naming(
    corpus: Corpus,
    rows: list[SentenceRow],
    wanted: set[int],
    groups: list[TermGroup],
    people_first: bool = True,
) -> list[SentenceRow]:
    """Rows about the wanted people: naming them, or naming nobody else and speaking of
    someone with a pronoun right after a sentence naming them ("Dia tiba di Bali pada Senin";
    not "Perusahaan itu kembali menunda rapat", nor a "misinya" three paragraphs on), never
    about a namesake. In an article headlined with them, a sentence naming nobody is about
    them when it states the event asked itself, at least two of its terms, and the
    question does not make them the event's subject (`people_first`): "when did the Home
    Affairs Minister approve Nurhayati's appointment?" is answered by "lalu Menteri Dalam
    Negeri memberikan persetujuan pada 29 April" under "Gubernur Lantik Baiq Nurhayati", but
    "kapan Rina menunda rapat?" not by "Perusahaan itu kembali menunda rapat"."""
    named = await corpus.store.people_at((r.article_id, r.idx) for r in rows)
    maybe = [
        r
        for r in rows
        if not wanted <= named[(r.article_id, r.idx)]
        and not named[(r.article_id, r.idx)] - wanted
        and refers_to_person(r.text)
    ]
    before = await corpus.store.people_at(
        (r.article_id, r.idx - k) for r in maybe for k in range(1, ANAPHORA + 1)
    )
    resolved = {
        (r.article_id, r.idx)
        for r in maybe
        if any(wanted <= before[(r.article_id, r.idx - k)] for k in range(1, ANAPHORA + 1))
    }
    event = max(EVENT_TERMS, needed(groups)) if groups and not people_first else 0
    headlined: dict[str, bool] = {}

    def about_them(r: SentenceRow) -> bool:
        if not event or named[(r.article_id, r.idx)] or covered(groups, r.stemmed) < event:
            return False
        if r.article_id not in headlined:
            article = corpus.articles.get(r.article_id)
            people = corpus.people.in_text(article.title)[0] if article else []
            headlined[r.article_id] = wanted <= {p.id for p in people}
        return headlined[r.article_id]

    return [
        r
        for r in rows
        if wanted <= named[(r.article_id, r.idx)]
        or (r.article_id, r.idx) in resolved
        or about_them(r)
    ]


async def matching_events(
    corpus: Corpus, topic: Topic, limit: int = 60, loose: bool = False
) -> list[EventRow]:
    """The dated events of the matching sentences: best sentence first, and within a sentence
    the most precise date first."""
    hits = await matching_sentences(corpus, topic, limit=limit, events_only=True, loose=loose)
    rank = {(h.article_id, h.idx): i for i, h in enumerate(hits)}
    events = await corpus.store.events_at(rank)
    return sorted(
        events,
        key=lambda e: (
            rank[(e.article_id, e.idx)],
            PRECISIONS.index(e.when.precision),
            not e.when.year_known,
        ),
    )


def in_date_order(events: list[EventRow]) -> list[EventRow]:
    """Events by date, each event once; not events: chronology headings ("Jumat"), which date
    the sentences under them, and notices of the article's own publishing ("Artikel ini
    terakhir diperbarui pada ..."). The same event told twice on one date (in two articles,
    or twice in one) is listed once."""
    kept: dict[tuple[object, ...], list[set[str]]] = {}
    out = []
    for e in sorted(events, key=_event_order):
        if _only_date(e) or _publishing_notice(e):
            continue
        told = set(words(e.text))
        same_day = kept.setdefault((e.when.start, e.when.end, e.when.precision), [])
        if any(_same_telling(told, other) for other in same_day):
            continue
        same_day.append(told)
        out.append(e)
    return out


def _same_telling(a: set[str], b: set[str]) -> bool:
    """Whether two sentences share most of their words (SAME_EVENT of the smaller one)."""
    return bool(a and b) and len(a & b) >= SAME_EVENT * min(len(a), len(b))


def _publishing_notice(e: EventRow) -> bool:
    return publishing_notice(e.text)


def publishing_notice(text: str) -> bool:
    """A short line saying when the article was published or updated, not what happened."""
    said = words(text)
    return len(said) <= NOTICE_WORDS and any(p in w for w in said for p in PUBLICATION_WORDS)


async def leads(corpus: Corpus, article_ids: Iterable[str]) -> dict[str, SentenceRow]:
    """Each article's lead: the first of its first sentences that is neither a byline,
    dateline or kicker (shorter than LEAD_WORDS words) nor a publishing notice. An article is
    about what its headline and lead say; articles without such a sentence are left out."""
    ids = list(dict.fromkeys(article_ids))
    rows = await corpus.store.sentences_at((a, i) for a in ids for i in range(LEAD_SENTENCES))
    found: dict[str, SentenceRow] = {}
    for a in ids:
        for i in range(LEAD_SENTENCES):
            r = rows.get((a, i))
            if r is not None and len(words(r.text)) >= LEAD_WORDS and not publishing_notice(r.text):
                found[a] = r
                break
    return found


def _event_order(e: EventRow) -> tuple[int, date, str, int]:
    # Undated-year events cannot be placed among the others; they go last.
    return (0 if e.when.year_known else 1, e.when.start, e.article_id, e.idx)


def _only_date(e: EventRow) -> bool:
    return e.text.strip().rstrip(".:").casefold() == e.date_text.strip().casefold()

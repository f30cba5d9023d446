"""Why and how: the sentence that gives the reason for the event asked, or the way it came about.

"kenapa Teguh mundur?" is answered by a sentence that states the event (Teguh, mundur) with a
reason word near it ("... mundur karena akan maju sebagai calon gubernur"), or by the sentence
right after the event that gives it ("Penyebabnya, ..."): never by a sentence that merely shares
the question's words. When the articles state the event but no reason, the answer says so and
shows the event under the related heading.

Vocabulary: `vocab/reason_cues.yaml` (reason, manner, weak and purpose cues; reason nouns).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.engine.answer import Answer, Fact, Query
from bot.engine.asking import DEMONSTRATIVES, VERB_RE, Asking, points_back
from bot.engine.corpus import Corpus
from bot.engine.evidence import any_stated
from bot.engine.handlers.reply import reply
from bot.engine.retrieval import Topic, answering, candidates, topic_of
from bot.engine.vocab import ENGINE_VOCABULARY
from knowledge.store.reader import SentenceRow
from knowledge.text import stem, words
from knowledge.vocab import VocabularyError

CANDIDATES = 40  # event sentences ranked
EVENTS_READ = 8  # best event sentences whose reason is looked for, with the sentence after each
OPENING_WORDS = 8  # the sentence after an event gives its reason with a cue among these words,
OPENING_CUE = 3  # ... opening with it ("Penyebabnya, ..."), or after an event word of its own
NEAR = 6  # words after an event word within which a cue of a loosely matching sentence counts
PURPOSE_NEAR = 1  # "untuk"/"to" gives a purpose only right after an event word
RELATED = 2  # event sentences shown when no reason is stated

Cue = tuple[str, ...]


def _cues() -> dict[str, tuple[Cue, ...]]:
    data = ENGINE_VOCABULARY.data("reason_cues")
    if not isinstance(data, dict):
        raise VocabularyError("reason_cues.yaml: expected lists of cues by kind")
    return {kind: tuple(tuple(words(str(c))) for c in forms or ()) for kind, forms in data.items()}


CUES = _cues()
_NOUNS = frozenset(c[0] for c in CUES["nouns"])
_CAUSES = frozenset(CUES["causes"])
# Cues by their first word, longest first: a sentence's words are looked up, not scanned.
_BY_FIRST: dict[tuple[Cue, ...], dict[str, tuple[Cue, ...]]] = {}


def _by_first(cues: tuple[Cue, ...]) -> dict[str, tuple[Cue, ...]]:
    table = _BY_FIRST.get(cues)
    if table is None:
        grouped: dict[str, list[Cue]] = {}
        for cue in sorted(cues, key=len, reverse=True):
            if cue:
                grouped.setdefault(cue[0], []).append(cue)
        table = {first: tuple(found) for first, found in grouped.items()}
        _BY_FIRST[cues] = table
    return table


@dataclass(frozen=True)
class _Candidate:
    tier: int  # 0 best: a cue in a sentence stating the event
    rank: int  # the event sentence's rank
    sentence: SentenceRow  # the sentence giving the reason
    event: SentenceRow  # the sentence stating the event


async def answer_reason(corpus: Corpus, q: Query, asking: Asking) -> Answer:
    """The reason (`asking.kind` "reason") or the way ("manner") of the event asked."""
    subject = q.subject.strip() or q.text.strip()
    topic = topic_of(corpus, subject, asking)
    kind = "why" if asking.kind == "reason" else "how"
    if not topic.groups and not topic.people:
        return reply(q, False, f"{kind}_none", subject=subject)
    # One look-up; the event sentences proper, and those one term short, judged from it.
    rows = await candidates(corpus, topic, limit=CANDIDATES)
    strict = await answering(corpus, topic, rows)
    loose = await answering(corpus, topic, rows, relaxed=True)
    best = await _best(corpus, topic, strict[:EVENTS_READ], loose[:EVENTS_READ], asking)
    if best is None:
        shown = (strict or loose)[:RELATED]
        related = [Fact("match", corpus.cite(e.article_id, e.text)) for e in shown]
        return reply(q, False, f"{kind}_none", subject=subject, related=related)
    shown = [best.sentence]
    if points_back(best.sentence.text):
        # "Arahan ini telah menyebabkan ...": the reason is what the sentence before stated.
        before = await corpus.store.sentences_at(
            [(best.sentence.article_id, best.sentence.idx - 1)]
        )
        shown = [*before.values(), best.sentence]
    facts = [Fact("match", corpus.cite(s.article_id, s.text)) for s in shown]
    related = []
    if best.event not in shown:
        related = [Fact("match", corpus.cite(best.event.article_id, best.event.text))]
    return reply(q, True, f"{kind}_found", facts, subject=subject, related=related)


async def _best(
    corpus: Corpus,
    topic: Topic,
    strict: Sequence[SentenceRow],
    loose: Sequence[SentenceRow],
    asking: Asking,
) -> _Candidate | None:
    """The best-placed reason: in a sentence stating the event (0); in the sentence after
    it, or near the event words of a sentence stating it loosely (1); a weak cue (2)."""
    strong = CUES["reason"] if asking.kind == "reason" else (*CUES["manner"], *CUES["reason"])
    strong = (*strong, *CUES["causes"])
    # The event's own words, not the names of who or what it happened to; its verbs
    # ("melonjak" of "kenapa pengunjung festival melonjak?") above all.
    entities = topic.entity_groups()
    event_stems = {s for g in topic.groups if g not in entities for s in g.stems}
    # A verb the stemmer cannot read (a typo: "ditambh") is not required.
    verbs = [
        g
        for g in topic.groups
        if VERB_RE.match(g.word) and stem(g.word) != g.word and g not in entities
    ]
    # What happened: the question's verbs, else its last word ("kenapa jumlah peserta naik?").
    others = [g for g in topic.groups if g not in entities]
    predicate = verbs or others[-1:]
    following = await corpus.store.sentences_at((e.article_id, e.idx + 1) for e in strict)
    found: list[_Candidate] = []
    for rank, event in enumerate(strict):
        after = following.get((event.article_id, event.idx + 1))
        if _gives_reason(event, strong, event_stems):
            # A sentence not stating what happened gives a reason for something near it.
            tier = 0 if not predicate or any_stated(predicate, event) else 1
            found.append(_Candidate(tier, rank, event, event))
        elif after is not None and _gives_reason(after, strong, event_stems, opening=True):
            found.append(_Candidate(1, rank, after, event))
        elif _cue_at(words(event.text), CUES["weak"]):
            found.append(_Candidate(2, rank, event, event))
    for rank, event in enumerate(loose):
        # Loosely matching, the sentence must still state what happened, not only to whom.
        states_event = not verbs or any_stated(verbs, event)
        # "kenaikan itu ditempuh ... akibat ...": an event word pointing back to the event the
        # article told ("itu", "tersebut") is the event itself, and the reason may stand
        # anywhere after it.
        near = None if _points_to_event(event, event_stems) else NEAR
        if states_event and _gives_reason(event, strong, event_stems, near=near):
            found.append(_Candidate(1, rank, event, event))
    return min(found, key=lambda c: (c.tier, c.rank), default=None)


def _points_to_event(r: SentenceRow, event: set[str]) -> bool:
    """Whether an event word of the sentence is followed by a demonstrative ("kenaikan itu",
    "keputusan tersebut", "the decision" is not caught: English puts it before)."""
    tokens = words(r.text)
    stems = r.stemmed.split()
    if len(stems) != len(tokens):
        stems = [stem(t) for t in tokens]
    return any(
        stems[i] in event and tokens[i + 1] in DEMONSTRATIVES for i in range(len(tokens) - 1)
    )


def _gives_reason(
    r: SentenceRow,
    strong: tuple[Cue, ...],
    event: set[str],
    near: int | None = None,
    opening: bool = False,
) -> bool:
    """Whether the sentence gives a reason: a strong cue after an event word (within `near`
    words of it, when given) or opening the sentence ("Karena hujan, ..."; among its first
    words when it follows the event: `opening`), or a purpose word right after an event word
    ("mundur untuk fokus"). A reason noun followed by the event only names the reason
    ("alasan Altman dipecat belum jelas"); a cue before every event word gives the reason
    for something else ("mobil pemadam terlambat sebab ..." is not why the fire broke out)."""
    tokens = words(r.text)
    stems = r.stemmed.split()
    if len(stems) != len(tokens):
        stems = [stem(t) for t in tokens]
    at_event = [i for i, s in enumerate(stems) if s in event]
    for i in range(min(len(tokens), OPENING_WORDS) if opening else len(tokens)):
        cue = _cue_starting(tokens, i, strong)
        if cue is None:
            continue
        if tokens[i] in _NOUNS and any(i < j <= i + 3 for j in at_event):
            continue
        if cue in _CAUSES:
            # "X menyebabkan <event>": the reason stands before the verb, the event after it.
            if any(i < j for j in at_event):
                return True
            continue
        if i == 0 or (opening and i < OPENING_CUE):
            return True
        if opening and any(j < i for j in at_event):
            return True
        if not opening and any(j < i and (near is None or i <= j + near) for j in at_event):
            return True
    if opening:
        return False
    return any(
        _cue_starting(tokens, i, CUES["purpose"]) is not None
        for j in at_event
        for i in range(j + 1, min(len(tokens), j + 1 + PURPOSE_NEAR))
    )


def _cue_starting(tokens: Sequence[str], i: int, cues: tuple[Cue, ...]) -> Cue | None:
    for cue in _by_first(cues).get(tokens[i], ()):
        if tuple(tokens[i : i + len(cue)]) == cue:
            return cue
    return None


def _cue_at(tokens: Sequence[str], cues: tuple[Cue, ...]) -> bool:
    return any(_cue_starting(tokens, i, cues) is not None for i in range(len(tokens)))

"""Who the narration is about: the person each sentence opens with, the speakers its speech
verbs name, and so whom a pronoun ('Ia', 'dia', 'she') or a '-nya' ('katanya') means.

A sentence's subject is the first person named in it, outside quote marks, with nothing before
the name in its clause but a role ('Ketua panitia, Lina Marlina, ...', 'Pak Darsono, ...'):
'Polisi menangkap Joko' and 'Dengan mundurnya Teguh' name an object, not a subject. Two people
joined ('Andika dan Bima bersenggolan') make the subject unclear, and a pronoun after them
refers to nobody. A pronoun means the newest of the latest speaker and the latest subject; a
subject in the same sentence as a speech verb gives way to the speaker that verb names.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from knowledge.extract.people import find_people, name_candidates
from knowledge.extract.people.lexicon import STOPWORDS, is_title_word
from knowledge.extract.quotes.marks import Marked
from knowledge.extract.quotes.speakers import (
    DEMONSTRATIVES,
    PRONOUNS,
    Context,
    Name,
    aside_speakers,
    expand,
    inside,
    known_names_in,
    names_in,
    refers_back,
    speech_verbs,
    verb_speaker,
)
from knowledge.extract.roles import HONORIFICS
from knowledge.models import PersonMention, Sentence
from knowledge.vocab import VOCABULARY

__all__ = [
    "add_event",
    "article_context",
    "joined_to_another",
    "last_speaker",
    "latest_event_speaker",
    "opens_clause",
    "subject_at",
]

# How far back a pronoun or '-nya' may look for its referent.
ANAPHORA_WINDOW = 1500
# At most this many sentences led by a pronoun or a quote between a subject and its pronoun.
_CHAIN_MAX = 4
_RESOLVE_DEPTH = 20
_PERSON_NOUNS = VOCABULARY.words("person_nouns")
# Agent nouns: pe-, pen-, pem-, peng-, peny-, pel-, per- before a root ('pelantun', 'penenun').
_AGENT_NOUN = re.compile(r"pe[nmlr]?[a-z]{3,}$")
# Active verbs: me-, mem-, men-, meng-, meny- ('merespon', 'mengatakan').
_ACTIVE_VERB = re.compile(r"me[mnr]?[a-z]{3,}$")
_PRONOUN_WORD = re.compile(r"(?:" + "|".join(PRONOUNS) + r")\b", re.IGNORECASE)
_LOWER_WORD = re.compile(r"\b[a-z]")
_PRONOUN_LEAD = re.compile(r"[\"“‘]|(?:" + "|".join(PRONOUNS) + r")\b", re.IGNORECASE)
# At most this many words (a role) stand between a clause's start and its subject.
_ROLE_WORDS_MAX = 6
_CLAUSE_CUT = re.compile(r"[,;:–—(]|\s-\s")
_JOINED = re.compile(r"[^\S\n]*(?:,|\bdan\b|\band\b|\bserta\b|&)[^\S\n]*", re.IGNORECASE)
# 'Budi dan timnya', 'Sigit, Wiliardi, dan para pelaku lain', 'Ronaldo dkk': one of a group.
_GROUP = re.compile(r"[^\S\n]*(?:,[^\S\n]*)?(?:dan|serta|and|&|dkk\b|cs\b)", re.IGNORECASE)
_WORD_EDGE = ".,()\"“”‘’'"


def article_context(
    text: str, sentences: Sequence[Sentence], people: Sequence[PersonMention], marked: list[Marked]
) -> Context:
    """Names, subjects and narration speakers of one article; `people` empty means: detect
    them here."""
    if not people:
        people = find_people(text, sentences)
    names = sorted(
        (
            Name(p.start, p.end, p.name, p.role)
            for p in people
            if 0 <= p.start < p.end and p.name.lower() not in PRONOUNS  # 'Iapun mengakui'
        ),
        key=lambda n: n.start,
    )
    spare = [Name(s, e, text[s:e]) for s, e in name_candidates(text, sentences)]
    ctx = Context(
        text=text,
        names=names,
        name_starts=[n.start for n in names],
        spare=spare,
        spare_starts=[n.start for n in spare],
        quoted=[(m.open, m.close) for m in marked],
    )
    ctx.sentences = list(sentences)
    ctx.sentence_starts = [s.start for s in sentences]
    _narration_events(ctx)
    return ctx


def _subject_of(ctx: Context, i: int) -> Name | None:
    """Sentence `i`'s subject, found when first asked for: most sentences never are."""
    if not 0 <= i < len(ctx.sentences):
        return None
    if i not in ctx.subjects:
        ctx.subjects[i] = _subject(ctx, ctx.sentences[i])
    return ctx.subjects[i]


def _chained(ctx: Context, i: int) -> bool:
    if i not in ctx.chained:
        ctx.chained[i] = _led_by_pronoun(ctx, ctx.sentences[i])
    return ctx.chained[i]


def _led_by_pronoun(ctx: Context, sentence: Sentence) -> bool:
    """'Ia hanya …', '“…', 'Ketika dihubungi, ia hanya …', 'bintang film itu membantah':
    a pronoun, or a role with a demonstrative, at a clause start before any name, or a quote,
    leads the sentence."""
    if _PRONOUN_LEAD.match(ctx.text, sentence.start):
        return True
    first = _subject_of(ctx, sentence.index)
    end = first.start if first is not None else sentence.end
    starts = [sentence.start] + [
        m.end() for m in _CLAUSE_CUT.finditer(ctx.text, sentence.start, end)
    ]
    for at in starts:
        while at < end and ctx.text[at] == " ":
            at += 1
        if _PRONOUN_LEAD.match(ctx.text, at):
            return True
        # 'bintang film itu malah membantah …': a person referred to by a role and 'itu'
        words = ctx.text[at:end].split()[:_ROLE_WORDS_MAX]
        stop = next((k for k, w in enumerate(words) if w.lower() in DEMONSTRATIVES), 0)
        if stop and _person_phrase(words[:stop]):
            return True
    return False


def _person_phrase(words: list[str]) -> bool:
    """'pelatih asal Makassar', 'bintang film Surat dari Praha', 'penyerang berusia 32 tahun':
    headed by a role word, a person noun or an agent noun in pe-, with no active verb in it
    ('Polisi langsung merespon laporan tersebut' is a clause, not a phrase)."""
    head = words[0].lower()
    if not (is_title_word(head) or head in _PERSON_NOUNS or _AGENT_NOUN.match(head)):
        return False
    return not any(_ACTIVE_VERB.match(w) for w in words[1:])


def _subject(ctx: Context, sentence: Sentence) -> Name | None:
    """The person the sentence opens with; a Name with an empty `name` when two people are
    joined there, None when it opens with nobody."""
    for name in known_names_in(ctx, sentence.start, sentence.end):
        if inside(name.start, ctx.quoted):
            continue
        if _pronoun_before(ctx.text, sentence.start, name.start):
            return None  # 'Alhasil, dia masih tertinggal dari …, Lionel Messi.'
        if not _has_predicate(ctx.text, name.end, sentence.end):
            continue  # an apposition closing the sentence: 'Pasangannya, Rose Leslie.'
        if not opens_clause(ctx.text, sentence.start, name):
            if _subordinate_subject(ctx.text, sentence.start, name):
                return None  # 'Saat Slamet menjabat …, Asma Dewi …': two subjects, no focus
            continue
        if _GROUP.match(ctx.text, name.end) or joined_to_another(ctx, name, sentence.end):
            return Name(name.start, name.end, "")
        return Name(name.start, name.end, expand(ctx, name.name, name.start))
    return None


def _pronoun_before(text: str, start: int, end: int) -> bool:
    """A pronoun at a clause start before `end`: it, not a later name, is the subject."""
    for at in [start] + [m.end() for m in _CLAUSE_CUT.finditer(text, start, end)]:
        while at < end and text[at] == " ":
            at += 1
        if at < end and _PRONOUN_WORD.match(text, at):
            return True
    return False


def _has_predicate(text: str, name_end: int, sentence_end: int) -> bool:
    """Whether a lower-case word follows the name in its sentence (its verb, or its role)."""
    return _LOWER_WORD.search(text, name_end, sentence_end) is not None


def _subordinate_subject(text: str, sentence_start: int, name: Name) -> bool:
    """'Saat Slamet menjabat …', 'When Okafor spoke …': the name follows the conjunction that
    opens the sentence."""
    words = text[sentence_start : name.start].split()
    return len(words) == 1 and words[0].lower() in STOPWORDS


def opens_clause(text: str, sentence_start: int, name: Name) -> bool:
    """Whether nothing but role words, honorifics and proper nouns stand before the name in
    its clause (from `sentence_start`, or the last comma, colon or dash before it), and the
    clause is not an apposition to an object ('kepada Sekretaris Jenderal PBB, Antonio …')."""
    cuts = [sentence_start] + [
        m.end() for m in _CLAUSE_CUT.finditer(text, sentence_start, name.start)
    ]
    words = text[cuts[-1] : name.start].split()
    if len(words) > _ROLE_WORDS_MAX or not all(_role_part(w) for w in words):
        return False
    if not words and len(cuts) > 1:
        return not _object_apposition(text[cuts[-2] : cuts[-1] - 1].split())
    return True


def _role_part(raw: str) -> bool:
    """A word that may stand in a role before a name: a role word, an honorific, a capitalised
    word ('Bupati', 'Pak', 'Banyumas'); not grammar or an adverb in '-nya' ('Rencananya')."""
    word = raw.strip(_WORD_EDGE)
    if not word:
        return True
    low = word.lower()
    if is_title_word(low) or low in HONORIFICS or low.rstrip(".") in HONORIFICS:
        return True
    if low in STOPWORDS or not word[0].isupper():
        return False
    return not low.endswith("nya")


def _object_apposition(words: list[str]) -> bool:
    """'… kepada Sekretaris Jenderal PBB': the clause ends in a preposition and a role, so the
    name after its comma is that object's."""
    tail: list[str] = []
    for raw in reversed(words):
        word = raw.strip(_WORD_EDGE)
        if word.lower() in STOPWORDS:
            return any(is_title_word(w.lower()) for w in tail)
        if not word[:1].isalpha() or word[:1].isupper() or is_title_word(word.lower()):
            tail.append(word)  # 'pelatih Timnas U - 22'
            continue
        return False
    return False


def joined_to_another(ctx: Context, name: Name, end: int) -> bool:
    """Whether another name follows the name's conjunction or comma before `end` ('Andika
    Pratama dan Bima Saputra ...': it is one of two subjects)."""
    m = _JOINED.match(ctx.text, name.end, end)
    if m is None:
        return False
    after = names_in(ctx, m.end(), min(end, m.end() + 80))
    return bool(after) and after[0].start == m.end()


def subject_at(ctx: Context, pos: int) -> Name | None:
    """The subject of the sentence holding `pos` (None when it has none)."""
    return _subject_of(ctx, bisect.bisect_right(ctx.sentence_starts, pos) - 1)


def _narration_events(ctx: Context) -> None:
    """(position, speaker) for every speech verb outside quote marks whose speaker is named,
    and (position, "") for one whose speaker is a pronoun or '-nya' (see `event_speaker`)."""
    for verb in speech_verbs(ctx, 0, len(ctx.text)):
        ctx.speech_sentences.add(_sentence_index(ctx, verb.start))
        speaker = "" if verb.nya else verb_speaker(ctx, verb)
        if speaker or refers_back(ctx, verb):
            # A referring verb's speaker is resolved when asked for: by then the quotes
            # before it have been attributed and name speakers too.
            ctx.events.append((verb.start, speaker))
    asides = aside_speakers(ctx)
    if asides:
        ctx.events = sorted(set(ctx.events + asides))


def event_speaker(ctx: Context, event: tuple[int, str], depth: int = 0) -> str:
    """The speaker of a narration event; one that refers back is resolved at its position."""
    pos, speaker = event
    if speaker:
        return speaker
    if pos not in ctx.resolved:
        # Chains of '-nya' are short; the cap keeps a hostile text from recursing deeply.
        ctx.resolved[pos] = last_speaker(ctx, pos, depth + 1) if depth < _RESOLVE_DEPTH else ""
    return ctx.resolved[pos]


def latest_event_speaker(ctx: Context, start: int, end: int) -> str | None:
    """The speaker of the latest event in [start, end) ("" when unnamed), None when none."""
    i = bisect.bisect_left(ctx.events, (end, ""))
    if i == 0 or ctx.events[i - 1][0] < start:
        return None
    return event_speaker(ctx, ctx.events[i - 1])


def last_speaker(ctx: Context, pos: int, depth: int = 0) -> str:
    """Who a '-nya' or a pronoun at `pos` means: the subject of the sentences just before
    (through sentences led by a pronoun or a quote) when it is newer than the latest speaker
    ("" when that subject is unclear); else the latest speaker, else the latest sentence
    subject, else the latest name in a sentence with a speech verb, else an earlier speaker;
    all within ANAPHORA_WINDOW characters but the last."""
    lo = pos - ANAPHORA_WINDOW
    i = bisect.bisect_left(ctx.events, (pos, ""))
    event = ctx.events[i - 1] if i > 0 and ctx.events[i - 1][0] >= lo else None
    subject = _near_subject(ctx, lo, pos)
    if subject is not None and (event is None or _sentence_start(ctx, subject.start) > event[0]):
        return subject.name
    if event is not None:
        found = event_speaker(ctx, event, depth)
        if found:
            return found
    latest = _latest_subject(ctx, lo, pos)
    if latest:
        return latest
    lo_name = bisect.bisect_left(ctx.name_starts, lo)
    hi_name = bisect.bisect_left(ctx.name_starts, pos)
    for name in reversed(ctx.names[lo_name:hi_name]):
        # A name in a sentence with a speech verb whose speaker we could not link ('Duta
        # Besar … untuk Indonesia Osama …, Selasa, mengatakan'); not a place named in passing.
        if not inside(name.start, ctx.quoted) and (
            _sentence_index(ctx, name.start) in ctx.speech_sentences
        ):
            return expand(ctx, name.name, name.start)
    for earlier in reversed(ctx.events[:i]):
        if earlier[1]:
            return earlier[1]
    return ""


def _near_subject(ctx: Context, lo: int, pos: int) -> Name | None:
    """The subject of the sentence holding `pos` (named before `pos`), else of the sentences
    before it as long as each one between is led by a pronoun or a quote."""
    i = bisect.bisect_right(ctx.sentence_starts, pos) - 1
    first = i
    while i >= 0 and ctx.sentence_starts[i] >= lo and first - i <= _CHAIN_MAX:
        subject = _subject_of(ctx, i)
        if subject is not None and subject.start < pos:
            return subject
        if i != first and not _chained(ctx, i):
            return None
        i -= 1
    return None


def _latest_subject(ctx: Context, lo: int, pos: int) -> str:
    """The latest person a sentence between `lo` and `pos` opens with, however far back."""
    i = bisect.bisect_right(ctx.sentence_starts, pos) - 1
    while i >= 0 and ctx.sentence_starts[i] >= lo:
        subject = _subject_of(ctx, i)
        if subject is not None and subject.start < pos:
            return subject.name
        i -= 1
    return ""


def _sentence_index(ctx: Context, pos: int) -> int:
    return bisect.bisect_right(ctx.sentence_starts, pos) - 1


def _sentence_start(ctx: Context, pos: int) -> int:
    i = bisect.bisect_right(ctx.sentence_starts, pos) - 1
    return ctx.sentence_starts[i] if i >= 0 else 0


def add_event(ctx: Context, pos: int, speaker: str) -> None:
    """Record that `speaker` spoke at `pos` (a quote's attribution names them)."""
    if speaker:
        bisect.insort(ctx.events, (pos, speaker))

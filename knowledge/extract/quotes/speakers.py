"""Who is talking: speech verbs in the narration and the names that stand beside them.

Names come from the people detector: its confirmed mentions everywhere, and where a speech
verb says a speaker must stand ('kata Budi'), also its unconfirmed name candidates. The speech
verbs, the adverbs that may sit between a speaker and the verb, and the words that end a
speaker's name are the shared vocabulary of `knowledge/vocab/speech_verbs.yaml`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from knowledge.extract.people.lexicon import PARTICLES, STOPWORDS, is_speaker_word, is_title_word
from knowledge.extract.quotes.marks import QUOTE_CHARS
from knowledge.extract.roles import CONNECTORS, HONORIFICS
from knowledge.extract.sentences import ABBREVIATIONS
from knowledge.models import Sentence
from knowledge.patterns import alternation, trie
from knowledge.vocab import VOCABULARY

PRONOUNS = VOCABULARY.words("referring_pronouns")
# Lower-case words inside a name or a Title Case phrase ("Ahmad bin Yusuf", "Lord of ...").
NAME_JOINERS = PARTICLES | CONNECTORS | {"of"}
DEMONSTRATIVES = frozenset({"ini", "itu", "tersebut"})
_NOT_A_SPEAKER = VOCABULARY.words("not_a_speaker")

_SPEECH = VOCABULARY.data("speech_verbs")
# Verbs right after a closing quote: '“…,” kata Budi', '“…,” ujarnya', '“…,” menurut Budi'.
_TAIL_VERBS = alternation(
    _SPEECH["before_name_anywhere"]
    + _SPEECH["before_name"]
    + _SPEECH["before_name_after_quote"]
    + _SPEECH["passive_before_name"]
)
# Active forms whose subject (a name before the verb) is the speaker.
_ACTIVE_VERBS = _SPEECH["after_name"] + _SPEECH["after_name_agents"]
_ADVERBS = alternation(_SPEECH["between"])
# Forms followed by the speaker in narration: 'kata Budi', 'disampaikan oleh X', 'according
# to X'. A phrase is found by its first word; the rest must follow it.
_NARRATION_BEFORE = _SPEECH["before_name_anywhere"] + _SPEECH["passive_before_name"]
_PHRASE_RESTS = {
    words[0]: re.compile(r"[^\S\n]+" + r"[^\S\n]+".join(map(re.escape, words[1:])) + r"\b", re.I)
    for words in (entry.split() for entry in _NARRATION_BEFORE)
    if len(words) > 1
}
_ACTIVE_SET = frozenset(_ACTIVE_VERBS)
_PASSIVE_SET = frozenset(entry.split()[0] for entry in _NARRATION_BEFORE)

TAIL_RE = re.compile(
    r"[^\S\n]*,?[^\S\n]*(?:(?:demikian|begitu)[^\S\n]+)?"
    rf"(?:(?P<verb>{_TAIL_VERBS})(?P<nya>nya)?(?![\w\-’'])(?!\.\w)"
    rf"|(?P<subject>[^\s,.;:!?\"“”]+(?:[^\S\n]+[^\s,.;:!?\"“”]+){{0,4}}?)"
    rf"[^\S\n]*,?[^\S\n]+(?:(?:{_ADVERBS})[^\S\n]+)?(?P<active>{alternation(_ACTIVE_VERBS)})"
    r"(?![\w\-]))",
    re.IGNORECASE,
)
# Speech verbs in narration: one regex shaped as a trie finds candidates (a flat alternation of
# ~150 verbs tried at every position costs more than the whole rest of the extractor), then
# set look-ups tell active from passive. Case-sensitive, with capitalised forms for sentence
# starts: IGNORECASE triples the cost.
_SPEECH_FORMS = _ACTIVE_SET | _PASSIVE_SET
_SPEECH_WORD = re.compile(
    rf"\b(?<!-)(?:{trie(_SPEECH_FORMS | {w.capitalize() for w in _SPEECH_FORMS})})(?:nya)?"
    r"(?![\w\-’'])(?!\.\w)"
)
# An aside in narration: 'Sebagai warga negara, lanjut Agus, Setnov punya hak', '…, tambah dia.'
_ASIDE = re.compile(
    r",[^\S\n]*(?:" + alternation(_SPEECH["before_name"]) + r")[^\S\n]+(?=\S)", re.IGNORECASE
)
_BEFORE_VERB = re.compile(rf"[^\S\n]*,?[^\S\n]+(?:(?:{_ADVERBS})[^\S\n]+){{0,2}}$", re.IGNORECASE)
# 'Budi, ketua panitia,' before a verb: the lower-case apposition sits between name and verb.
_APPOSITION = re.compile(r",[^\S\n]*[a-z][^,\n]{0,80},[^\S\n]*$")
# Where a speaker phrase after a verb ends.
_SLOT_END = re.compile(
    r"[,;:!?\n\"“”‘’]|\.(?=\s|$)|\s(?:" + alternation(_SPEECH["speaker_ends"]) + r")\s",
    re.IGNORECASE,
)
# A slot that opens with one ('kata di Jakarta', 'katanya saat …') names nobody; lower case
# only: 'kata Yang Liwei'.
_SLOT_OPEN_END = re.compile(r"(?:" + alternation(_SPEECH["speaker_ends"]) + r")\s")
_LAST_WORD = re.compile(r"([A-Za-z]+)$")
_CAPITAL = re.compile(r"[A-Z]")
_PAREN = re.compile(r"\([^()\n]*\)")
_CLAUSE_START = re.compile(r"(?:[.!?…][\"”’)]*\s+|\n)(?=[^\s])")
_OLEH = re.compile(r"[^\S\n]+(?:oleh[^\S\n]+)?")
_STOP = re.compile(r"[.!?](?=\s|$)|\n")


@dataclass
class Name:
    """A person's name at [start, end); `name` is the person (a pronoun mention's referent),
    `role` the role the text states there."""

    start: int
    end: int
    name: str
    role: str = ""


@dataclass
class Context:
    """One article's names, quote spans and the speakers its narration names so far."""

    text: str
    names: list[Name]
    name_starts: list[int]
    spare: list[Name]  # every name candidate of the detector, confirmed or not
    spare_starts: list[int]
    quoted: list[tuple[int, int]]
    # (position, speaker) sorted; speaker "" for a pronoun or '-nya' (focus.event_speaker)
    events: list[tuple[int, str]] = field(default_factory=list)
    longer: dict[str, list[Name]] = field(default_factory=dict)  # name -> fuller forms
    sentences: list[Sentence] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list)
    # By sentence, filled when asked for (see `focus`): the person it opens with (`name` ""
    # when unclear) or None, and whether a pronoun or a quote leads it.
    subjects: dict[int, Name | None] = field(default_factory=dict)
    chained: dict[int, bool] = field(default_factory=dict)
    parts: frozenset[tuple[str, ...]] | None = None  # every run of words of a confirmed name
    resolved: dict[int, str] = field(default_factory=dict)  # referring event -> its speaker
    speech_sentences: set[int] = field(default_factory=set)  # sentences with a speech verb


def _within(names: list[Name], starts: list[int], start: int, end: int) -> list[Name]:
    lo = bisect.bisect_left(starts, start)
    hi = bisect.bisect_left(starts, end)
    return [n for n in names[lo:hi] if n.end <= end]


def names_in(ctx: Context, start: int, end: int, slot: bool = False) -> list[Name]:
    """Names inside [start, end); at a speaker `slot` (where a speech verb says a speaker
    must stand) also the detector's unconfirmed candidates when no confirmed name is there."""
    found = _within(ctx.names, ctx.name_starts, start, end)
    if not found and slot:
        found = _within(ctx.spare, ctx.spare_starts, start, end)
    return found


def known_names_in(ctx: Context, start: int, end: int) -> list[Name]:
    """The confirmed names inside [start, end), and the name candidates there that are a word
    of a confirmed person (the detector does not confirm every repetition of a surname)."""
    found = _within(ctx.names, ctx.name_starts, start, end)
    extra = [
        n
        for n in _within(ctx.spare, ctx.spare_starts, start, end)
        if not any(f.start < n.end and n.start < f.end for f in found) and _is_person(ctx, n)
    ]
    return sorted(found + extra, key=lambda n: n.start) if extra else found


def _name_ending_at(ctx: Context, pos: int) -> Name | None:
    """The name right before a verb at `pos`: 'Budi mengatakan', 'Budi, ketua RT, mengatakan'."""
    lo = max(0, pos - 120)
    window = ctx.text[lo:pos]
    direct = _BEFORE_VERB.search(window)
    cut = lo + (direct.start() if direct else len(window))
    name = _name_ending_near(ctx, cut)
    if name is None:
        apposition = _APPOSITION.search(ctx.text, lo, cut)
        if apposition is not None:
            name = _name_ending_near(ctx, apposition.start())
    return name


def _name_ending_near(ctx: Context, cut: int) -> Name | None:
    for name in reversed(names_in(ctx, max(0, cut - 80), cut)):
        if name.end == cut or ctx.text[name.end : cut].strip() == "":
            return name
    return None


def slot_speaker(ctx: Context, start: int) -> tuple[str, bool]:
    """Speaker named right after a verb: ('Budi', False), or ('', True) when it refers back."""
    text = ctx.text
    end = _slot_end(text, start)
    words = _PAREN.sub(" ", text[start:end]).split()
    if not words:
        return "", False
    if words[0].lower() in PRONOUNS:
        return "", True
    if words[-1].lower() in DEMONSTRATIVES and words[0][:1].islower():
        # 'kata pelatih klub ini' means someone named before; 'kata sumber itu' means nobody
        if not refers_to_person(words[:-1]):
            return "", False
        holder = _role_holder(ctx, words[:-1], start)
        return (expand(ctx, holder.name, holder.start), False) if holder else ("", True)
    segments = [(start, end)]
    if text[end : end + 1] == ",":
        segments.append((end + 1, _slot_end(text, end + 1)))
    if len(segments) > 1 and _is_role_phrase(words):
        segments.reverse()  # 'kata pelatih Petrokimia, M Hanafiah': the name follows the role
    for s, e in segments:
        names = names_in(ctx, s, e)
        if names:
            return expand(ctx, names[0].name, names[0].start), False
    for s, e in segments:
        name = _spare_speaker(ctx, s, e)
        if name is not None:
            return expand(ctx, name.name, name.start), False
    return _bare_word_speaker(ctx, words, start), False


def refers_to_person(words: list[str]) -> bool:
    """Whether a phrase is headed by a noun for a person ('pelatih asal Makassar', 'pelantun
    lagu'):
    not 'sumber', 'pernyataan', 'perusahaan' (knowledge/vocab/not_a_speaker.txt) or grammar."""
    head = words[0].lower().strip(",") if words else ""
    return bool(head) and head not in _NOT_A_SPEAKER and head not in STOPWORDS


def _role_holder(ctx: Context, words: list[str], pos: int) -> Name | None:
    """'kata eks pelatih akademi Arsenal itu': the latest person before `pos` whose stated role
    shares a role word with the phrase ('pelatih Andries Jonker')."""
    wanted = {w.lower() for w in words if is_title_word(w.lower())}
    if not wanted:
        return None
    hi = bisect.bisect_left(ctx.name_starts, pos)
    for name in reversed(ctx.names[:hi]):
        if inside(name.start, ctx.quoted):
            continue  # named by the speaker, not the speaker
        if name.role and wanted & {w.lower() for w in name.role.split()}:
            return name
    return None


def _spare_speaker(ctx: Context, start: int, end: int) -> Name | None:
    """The unconfirmed name candidate that names the speaker in [start, end): one that is a
    word of a confirmed person, else the one that closes the phrase, as a title leads and the
    name ends it ("Kasubdit Gakkum Ditlantas Polda Metro AKBP Budiyanto")."""
    spare = _within(ctx.spare, ctx.spare_starts, start, end)
    known = [n for n in spare if _is_person(ctx, n)]
    if known:
        return known[-1]
    last = spare[-1] if spare else None
    return last if last is not None and not _CAPITAL.search(ctx.text, last.end, end) else None


def _is_person(ctx: Context, name: Name) -> bool:
    """Whether a name candidate is, or is part of, a person the detector confirmed."""
    if ctx.parts is None:
        ctx.parts = frozenset(
            tuple(words[i:j])
            for words in (n.name.split() for n in ctx.names)
            for i in range(len(words))
            for j in range(i + 1, len(words) + 1)
        )
    return tuple(name.name.split()) in ctx.parts


def _bare_word_speaker(ctx: Context, words: list[str], pos: int) -> str:
    """'kata JK.': one capitalised word alone after the verb is the speaker's short name, or
    the person it is a word of ('kata Chelsea' for a person named "... Chelsea")."""
    if len(words) != 1:
        return ""
    word = words[0].strip(".,;:!?")
    if not word[:1].isupper():
        return ""
    fuller = expand(ctx, word, pos)
    if fuller != word:
        return fuller
    return word if is_speaker_word(word) else ""


def _slot_end(text: str, start: int) -> int:
    if _SLOT_OPEN_END.match(text, start):
        return start
    limit = min(len(text), start + 160)
    for stop in _SLOT_END.finditer(text, start, limit):
        if text[stop.start()] == "." and _abbreviation_before(text, start, stop.start()):
            continue
        return stop.start()
    return limit


def _abbreviation_before(text: str, start: int, dot: int) -> bool:
    """Whether the dot at `dot` closes an initial or an abbreviation ('M.', 'Dr.', 'Pol.')."""
    word = _LAST_WORD.search(text, start, dot)
    return word is not None and (len(word.group(1)) == 1 or word.group(1).lower() in ABBREVIATIONS)


def _is_role_phrase(words: list[str]) -> bool:
    return words[0][:1].islower() or any(is_title_word(w) or w.lower() in HONORIFICS for w in words)


def expand(ctx: Context, name: str, pos: int) -> str:
    """The most complete form of `name` in the article: the nearest before `pos`, else after.
    Only a name the detector did not confirm may grow into an unconfirmed candidate."""
    longer = ctx.longer.get(name)
    if longer is None:
        longer = _longer(ctx.names, name)
        if not longer and not any(n.name == name for n in ctx.names):
            longer = _longer(ctx.spare, name)
        ctx.longer[name] = longer
    if not longer:
        return name
    before = [n for n in longer if n.start < pos]
    return before[-1].name if before else longer[0].name


def _longer(names: list[Name], name: str) -> list[Name]:
    tokens = name.split()
    return [
        n for n in names if len(n.name.split()) > len(tokens) and _contains(n.name.split(), tokens)
    ]


def _contains(tokens: list[str], part: list[str]) -> bool:
    n = len(part)
    return any(tokens[i : i + n] == part for i in range(len(tokens) - n + 1))


# --- narration ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verb:
    """A speech verb outside quote marks at [start, end)."""

    start: int
    end: int
    active: bool  # the speaker is the name before it; otherwise the name after it
    nya: bool = False  # 'katanya', 'menurutnya': the speaker is someone named earlier


def speech_verbs(ctx: Context, start: int, end: int) -> list[Verb]:
    """Speech verbs between `start` and `end` that are not inside quote marks."""
    text = ctx.text
    out: list[Verb] = []
    for m in _SPEECH_WORD.finditer(text, start, end):
        word = m.group().lower()
        verb: Verb | None
        if word in _ACTIVE_SET:
            verb = Verb(m.start(), m.end(), active=True)
        elif word in _PASSIVE_SET:
            verb = _passive(text, m, word)
            if verb is None:
                continue
        elif word.endswith("nya") and word[:-3] in _PASSIVE_SET:
            verb = Verb(m.start(), m.end(), active=False, nya=True)
        else:
            continue
        if not inside(verb.start, ctx.quoted):
            out.append(verb)
    return out


def aside_speakers(ctx: Context) -> list[tuple[int, str]]:
    """(position, speaker) for each aside ', lanjut Agus,' outside quote marks; the speaker is
    "" when the aside refers back (', tambah dia,')."""
    out: list[tuple[int, str]] = []
    for m in _ASIDE.finditer(ctx.text):
        if inside(m.start(), ctx.quoted):
            continue
        speaker, back = slot_speaker(ctx, m.end())
        if speaker or back:
            out.append((m.start() + 1, speaker))
    return out


def _passive(text: str, m: re.Match[str], word: str) -> Verb | None:
    rest = _PHRASE_RESTS.get(word)
    if rest is None:
        return Verb(m.start(), m.end(), active=False)
    to = rest.match(text, m.end())  # 'according' only as 'according to'
    return Verb(m.start(), to.end(), active=False) if to else None


def verb_speaker(ctx: Context, verb: Verb) -> str:
    """The speaker a speech verb names: its subject, or the name after a passive form."""
    if verb.active:
        name = _name_ending_at(ctx, verb.start) or _sentence_subject(ctx, verb.start)
        return expand(ctx, name.name, name.start) if name else ""
    after = verb.end
    if after < len(ctx.text) and ctx.text[after] in " \t\xa0":
        speaker, _ = slot_speaker(ctx, skip_oleh(ctx.text, after))
        return speaker
    return ""


def refers_back(ctx: Context, verb: Verb) -> bool:
    """Whether a speech verb's speaker is someone named earlier: 'katanya', 'Ia mengatakan',
    'she said', 'kata dia', 'menurut dia'."""
    if verb.nya:
        return True
    if verb.active:
        start = max(clause_before(ctx.text, verb.start), verb.start - 60)
        before = _BEFORE_VERB.sub("", ctx.text[start : verb.start])
        words = before.rpartition(",")[2].lower().split()
        if words and words[-1] in PRONOUNS:
            return True
        # 'Pria itu mengatakan', 'Pelatih asal Makassar tersebut menambahkan'
        return len(words) > 1 and words[-1] in DEMONSTRATIVES and refers_to_person(words[:-1])
    after = verb.end
    if after >= len(ctx.text) or ctx.text[after] not in " \t\xa0":
        return False
    return slot_speaker(ctx, skip_oleh(ctx.text, after)) == ("", True)


def _sentence_subject(ctx: Context, verb_start: int) -> Name | None:
    """The name that opens the sentence: 'Budi, manajer tim, menonton laga itu dan berkata'."""
    start = clause_before(ctx.text, verb_start)
    while start < verb_start and ctx.text[start] in ' \t\xa0“"‘':
        start += 1
    names = names_in(ctx, start, verb_start)
    if names and names[0].start == start and not QUOTE_CHARS.search(ctx.text, start, verb_start):
        return names[0]
    return None


def inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether `pos` lies strictly inside one of `spans`."""
    return any(s < pos < e for s, e in spans)


def skip_oleh(text: str, pos: int) -> int:
    """Past the blanks and an 'oleh' ('by') after a passive verb."""
    m = _OLEH.match(text, pos)
    return m.end() if m else pos


def clause_end(text: str, pos: int) -> int:
    """End of the clause holding `pos`: after its stop or at its line break."""
    for stop in _STOP.finditer(text, pos):
        if text[stop.start()] == "." and _abbreviation_before(text, pos, stop.start()):
            continue  # 'kata Dr. Budi.'
        return stop.end()
    return len(text)


def clause_before(text: str, pos: int) -> int:
    """Start of the sentence or clause holding `pos` (after a stop, a line break, a quote)."""
    lo = max(0, pos - 400)
    start = lo
    # One character past `pos`: a stop right before it ('menggeleng. “…') starts its clause.
    for m in _CLAUSE_START.finditer(text, lo, min(len(text), pos + 1)):
        if m.end() <= pos:
            start = m.end()
    nl = text.rfind("\n", lo, pos)
    return max(start, nl + 1)

"""Attributed direct quotes: the quoted words, verbatim, and who said them.

Sources of quotes, strongest first:
- tweets and blockquotes that cleaning lifted out of markup (`embedded`): their author is given;
- dash attribution lines ('— CEO OpenAI, Sam Altman' under a paragraph, or a tweet byline
  '— Name (@handle) date' under the tweet's lines);
- words between quote marks (“…”, "…", and long ‘…’ with a speech verb attached).

A quote between marks is attributed, in order, by
- a tail after the closing mark: '“…,” kata Budi', '“…,” ujarnya', '“…,” Musk berargumen';
- a lead-in before the opening mark: 'Budi mengatakan, “…”', 'Menurut Budi, “…”';
- the quote just before it, when nothing but that quote's own attribution separates them
  (a follow-on paragraph inherits its speaker);
- a speech verb with a named subject in the sentence just before a stand-alone quote
  ('Budi menambahkan bahwa ... .' then '“…”').
'-nya' forms, pronouns ('kata dia') and 'manajer klub ini' point to the last named speaker.

Rules for what is not a statement: fewer than three words; a phrase embedded mid-sentence
(a term, a title, a motto) unless a speech verb in that same sentence names who said it; single
quotes unless at least six words long with a speech verb attached.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from knowledge.models import EmbeddedQuote, PersonMention, Quote, Sentence

__all__ = ["find_quotes"]

MIN_WORDS = 3
MIN_SINGLE_QUOTE_WORDS = 6
# How far back a '-nya' may look for its speaker, and how far a lead-in verb may sit from
# the quote it introduces.
ANAPHORA_WINDOW = 1500
LEAD_IN_GAP = 80
TWEET_MAX_CHARS = 600


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_Trie = dict[str, "_Trie"]


def _with_capitals(words: frozenset[str]) -> frozenset[str]:
    return words | {w.capitalize() for w in words}


def _trie(words: frozenset[str]) -> str:
    """A regex alternation shaped as a prefix tree, so the engine rejects most positions at once."""
    tree: _Trie = {}
    for word in sorted(words):
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_node(tree)


def _trie_node(node: _Trie) -> str:
    branches = [re.escape(ch) + _trie_node(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


# --- lexicon ---------------------------------------------------------------------------------

# Verbs that come right after a closing quote: '“…,” kata Budi', '“…,” ujarnya'.
_TAIL_VERBS = (
    "kata|ujar|ucap|tutur|tulis|ungkap|jelas|terang|imbuh|tambah|tegas|sebut|papar|lanjut"
    "|sambung|tutup|pungkas|tandas|cuit|kicau|tanya|jawab|tukas|beber|urai|timpal|kenang"
    "|cerita|harap|aku|cetus|seru|sergah|kilah|klaim|bantah|sindir|keluh|katakan|bilang"
    "|tekan|pinta|ajak|imbau|sahut|teriak|canda|kisah|nilai|bisik|ingat|tuding|buka|sambut"
    "|said|says|wrote|writes|added|asked|explained|noted|continued|tweeted|argued|told"
)
# Active forms whose subject (a name before the verb) is the speaker.
_ACTIVE_VERBS = (
    "mengatakan|menegaskan|menyebut|menyebutkan|menilai|berargumen|menjelaskan"
    "|mengungkapkan|mengungkap|menambahkan|menuturkan|memaparkan|menyatakan|mengakui"
    "|bertanya|menanyakan|menjawab|berkata|berujar|bercerita|menceritakan|mengucapkan"
    "|berucap|bertutur|menulis|menuliskan|mengumumkan|menyampaikan|mengklaim|membantah"
    "|menanggapi|menekankan|memperingatkan|mengingatkan|menerangkan|melanjutkan"
    "|mengeluhkan|berpendapat|berpesan|berharap|mengharapkan|mengimbau|menyindir"
    "|mencuit|berkicau|membeberkan|menguraikan|menggambarkan|menunjukkan|mengisahkan"
    "|berkomentar|mengomentari|berseloroh|menandaskan|memungkasi|menimpali|menyahut"
    "|menuding|menyerukan|mengutarakan|mengemukakan|menerangkan|mengenang|mengaku"
    "|berjanji|menjanjikan|mengkritik|mengecam|menyebutnya|menanyakan|bersikeras"
    # object-focus forms: 'yang Altman gambarkan sebagai ...'
    "|katakan|sebutkan|gambarkan|ungkapkan|jelaskan|tegaskan|sampaikan|nyatakan|tuliskan"
    # English
    "|said|says|say|wrote|writes|told|tells|added|adds|argued|argues|tweeted|posted"
    "|explained|noted|stated|asked|replied|answered|continued|insisted|warned|claimed"
    "|recalled|acknowledged|admitted|announced|declared|remarked|commented|suggested"
)
# Passive forms, followed by the speaker: 'seperti yang ditunjukkan Altman', 'disampaikan oleh X'.
_PASSIVE_VERBS = (
    "dikatakan|disebut|disebutkan|diungkapkan|dijelaskan|ditegaskan|disampaikan|dinyatakan"
    "|ditulis|dituliskan|dituturkan|dipaparkan|diakui|ditunjukkan|digambarkan|diumumkan"
    "|ditambahkan|diucapkan|diterangkan|dikemukakan|diutarakan|dicuitkan|diklaim"
    "|according\\s+to|menurut"
)
_ADVERBS = (
    "juga|pun|kemudian|lalu|sebelumnya|pula|sendiri|bahkan|lantas|kembali|sempat|telah"
    "|sudah|pernah|akhirnya|also|then|later|once|has|had|have"
)
_PRONOUNS = frozenset({"dia", "ia", "beliau", "he", "she", "dirinya"})
_NAME_JOINERS = frozenset({"&", "dan", "and", "of", "bin", "binti", "van", "von", "de", "al"})
_DEMONSTRATIVES = frozenset({"ini", "itu", "tersebut"})
_UNNAMED = frozenset({"sumber", "source", "pihak", "netizen", "warganet", "seorang", "salah"})
# Words that name a role or title, never part of a person's name; stripped from fallback names.
_ROLE_WORDS = _wordset(
    "presiden wakil wapres menteri menko mendagri menkeu ketua ketum sekretaris sekjen"
    " jenderal direktur dirut kepala gubernur bupati wali walikota ceo cfo cto coo founder"
    " co pendiri juru bicara jubir kapolri kapolda kapolres kabid kasubdit humas pelatih"
    " manajer kapten anggota komisaris utama umum jaksa hakim pengacara kuasa hukum dr"
    " drs prof ir h hj pak bu bapak ibu mr mrs ms sir sang si chief officer executive"
    " president minister director senator governor coach spokesman spokeswoman analis"
    " ekonom pengamat peneliti ilmuwan dosen rektor dekan plt pj mantan eks rekan kritikus"
    " pangeran kiai ustaz syekh jurubicara kapolsek kasat kanit"
    " kabag kasubag kadis camat lurah kades dandim"
    " danramil wakapolri panglima kasad kasal kasau"
    " brigjen irjen kombes akbp kompol letjen mayjen jenderal kolonel komjen laksamana"
    " striker gelandang bek kiper pemain penyerang petinju pebalap pembalap aktor aktris"
    " penyanyi sutradara produser dubes duta besar staf khusus asisten direksi dewan"
    " head vice senior deputy general manager"
)
# Words that mark an organisation or a place-name run rather than a person.
_ORG_WORDS = _wordset(
    "partai pt bank kementerian universitas dinas badan komisi dewan polda polres polri"
    " pemerintah pemkot pemprov pemkab fc club klub tim united city inc corp ltd group"
    " grup journal times post news agency institute institut lembaga yayasan persatuan"
    " asosiasi federasi kantor rumah sakit gedung istana kabupaten provinsi kota jalan"
    " stadion bandara pengadilan mahkamah majelis markas the liga league"
)
# Capitalised words that start sentences or name days/months, not people.
_NOT_NAMES = _wordset(
    "dia ia beliau mereka kami kita saya aku anda kamu ini itu hal namun tetapi tapi"
    " selain dalam pada di ke dari untuk dengan karena sementara sedangkan jika kalau"
    " menurut kata ujar ketika saat setelah sebelum bahkan meski meskipun walau adapun"
    " senin selasa rabu kamis jumat sabtu minggu januari februari maret april mei juni"
    " juli agustus september oktober november desember he she it they we i the a an"
    " this that but and in on at as if when after before yang apa siapa bagaimana"
    " mengapa kenapa ya tidak bukan sebab oleh tak begitu demikian lalu kemudian juga"
    " sedang baru sudah telah akan bisa harus maka jadi kini sejak hingga terkait selanjutnya"
    " sehingga apalagi akibatnya khususnya sebelumnya pihaknya"
)

_NAME_TOKEN = r"(?:[A-Z][\w'’\-]*|(?:bin|binti|van|von|de|der|al|el|da)(?=\s[A-Z]))"
_NAME_RUN = re.compile(rf"(?<![\w\-]){_NAME_TOKEN}(?:[^\S\n]+{_NAME_TOKEN})*")
_WORD = re.compile(r"[^\W_]+(?:[\-'’][^\W_]+)*")

_TAIL = re.compile(
    r"[^\S\n]*,?[^\S\n]*(?:(?:demikian|begitu)[^\S\n]+)?"
    rf"(?:(?P<verb>{_TAIL_VERBS}|{_PASSIVE_VERBS})(?P<nya>nya)?(?![\w\-’'])(?!\.\w)"
    rf"|(?P<subject>[^\s,.;:!?\"“”]+(?:[^\S\n]+[^\s,.;:!?\"“”]+){{0,4}}?)"
    rf"[^\S\n]*,?[^\S\n]+(?:(?:{_ADVERBS})[^\S\n]+)?(?P<active>{_ACTIVE_VERBS})(?![\w\-]))",
    re.IGNORECASE,
)
# Speech verbs in narration: one regex shaped as a trie finds candidates (a flat alternation of
# ~150 verbs tried at every position costs more than the whole rest of the extractor), then
# set look-ups tell active from passive.
_ACTIVE_SET = frozenset(_ACTIVE_VERBS.split("|"))
_PASSIVE_SET = frozenset(
    [v for v in _PASSIVE_VERBS.split("|") if " " not in v and "\\" not in v]
    + ["kata", "ujar", "ucap", "tutur", "according"]
)
# Case-sensitive, with capitalised forms for sentence starts: IGNORECASE triples the cost.
_SPEECH_WORD = re.compile(
    rf"\b(?<!-)(?:{_trie(_with_capitals(_ACTIVE_SET | _PASSIVE_SET))})(?:nya)?"
    r"(?![\w\-’'])(?!\.\w)"
)
_ACCORDING_TO = re.compile(r"[^\S\n]+to\b", re.IGNORECASE)
_BEFORE_VERB = re.compile(rf"[^\S\n]*,?[^\S\n]+(?:(?:{_ADVERBS})[^\S\n]+){{0,2}}$", re.IGNORECASE)
# 'Budi, ketua panitia,' before a verb: the lower-case apposition sits between name and verb.
_APPOSITION = re.compile(r",[^\S\n]*[a-z][^,\n]{0,80},[^\S\n]*$")
# Where a speaker phrase after a verb ends.
_SLOT_END = re.compile(
    r"[,;:!?\n\"“”‘’]|\.(?=\s|$)|\s(?:di|pada|kepada|dalam|saat|ketika|seperti|melalui|lewat|usai"
    r"|seusai|sebelum|setelah|sesudah|dikutip|dilansir|mengutip|sambil|seraya|kemarin"
    r"|yang|in|on|at|to|during|via|after|before|when|while)\s",
    re.IGNORECASE,
)
_ABBREVIATION = re.compile(r"(?:\b[A-Za-z]|Prof|Dr|Drs|Dra|Ir|Hj|Jr|Sr|Mr|Mrs|Ms|St|Pol)$")
_PAREN = re.compile(r"\([^()\n]*\)")
_CLAUSE_START = re.compile(r"(?:[.!?…][\"”’)]*\s+|\n)(?=[^\s])")
_QUOTE_CHARS = re.compile(r"[“”\"‘’]")
_DASH_LINE = re.compile(
    r"^[^\S\n]*(?P<dash>—|–|--|-|&mdash;)[^\S\n]*(?P<body>[^\n]{2,200}?)[^\S\n]*$"
)
_DASH_LINES = re.compile(_DASH_LINE.pattern, re.MULTILINE)
_BYLINE = re.compile(r"^(?P<author>[^()\n]{1,80}?)\s*\(@\w{1,30}\)\s*(?P<date>[^\n]{0,40})$")
_TRAILING_DATE = re.compile(
    r"^(?P<author>\D{2,80}?)[ \t,]+(?P<date>(?:\d{1,2}[ \t]+)?[A-Z][a-z]{2,9}\.?[ \t]+"
    r"(?:\d{1,2},?[ \t]+)?\d{4})$"
)
_OLEH = re.compile(r"[^\S\n]+(?:oleh[^\S\n]+)?")
_STOP = re.compile(r"[.!?](?=\s|$)|\n")
_NEXT_WORD = re.compile(r"[^\S\n]*[,—–-]?[^\S\n]*([^\W\d_]+)")
_HEADING_END = re.compile(r"[.!?:;,\"”’)…–—\-]$")


@dataclass
class _Name:
    start: int
    end: int
    name: str


@dataclass
class _Marked:
    """A span between quote marks: `start`/`end` bound the inner words, `close` the end mark."""

    open: int
    close: int
    start: int
    end: int
    single: bool = False
    continued: bool = False  # unclosed at paragraph end, the next paragraph reopens it


@dataclass
class _Attribution:
    speaker: str = ""
    anaphoric: bool = False
    found: bool = False
    end: int = -1  # end of the attribution clause after the quote
    embedded: bool = False  # a phrase inside narration, not a stand-alone statement


@dataclass
class _Context:
    text: str
    names: list[_Name]
    name_starts: list[int]
    have_people: bool
    quoted: list[tuple[int, int]]
    events: list[tuple[int, str]] = field(default_factory=list)  # (position, speaker)
    longer: dict[str, list[_Name]] = field(default_factory=dict)  # name -> fuller forms


# --- public API --------------------------------------------------------------------------------


def find_quotes(
    text: str,
    sentences: Sequence[Sentence],
    people: Sequence[PersonMention] = (),
    embedded: Sequence[EmbeddedQuote] = (),
) -> list[Quote]:
    """Direct statements in `text` with their speakers, in text order."""
    found: list[Quote] = [_embedded_quote(text, e) for e in embedded if 0 <= e.start < e.end]
    taken = [(q.start, q.end) for q in found]
    marked = _scan_marks(text)
    ctx = _context(text, people, marked)
    for quote in _dash_quotes(ctx):
        if not _overlaps(quote.start, quote.end, taken):
            found.append(quote)
            taken.append((quote.start, quote.end))
    for quote in _marked_quotes(ctx, marked):
        if not _overlaps(quote.start, quote.end, taken):
            found.append(quote)
    found.sort(key=lambda q: q.start)
    starts = [s.start for s in sentences]
    return [_with_sentence(q, sentences, starts) for q in found]


# --- quote marks -------------------------------------------------------------------------------


def _scan_marks(text: str) -> list[_Marked]:
    """Outer quote spans, paragraph by paragraph so an unbalanced mark cannot run away."""
    spans: list[_Marked] = []
    pos = 0
    size = len(text)
    while pos < size:
        nl = text.find("\n", pos)
        end = size if nl < 0 else nl
        if end > pos:
            spans.extend(_scan_paragraph(text, pos, end))
        pos = end + 1
    return spans


def _scan_paragraph(text: str, start: int, end: int) -> list[_Marked]:
    out: list[_Marked] = []
    curly: list[int] = []
    straight: list[int] = []
    single = -1
    for m in _QUOTE_CHARS.finditer(text, start, end):
        i = m.start()
        ch = text[i]
        if ch == "“":
            if not straight and single < 0:
                curly.append(i)
        elif ch == "”":
            if curly:
                opened = curly.pop()
                if not curly:
                    out.append(_marked(text, opened, i))
        elif ch == '"':
            if not curly and single < 0:
                _straight(text, i, start, straight, out)
        elif not curly and not straight:
            single = _single(text, i, single, out)
    if curly:
        out.extend(_continued(text, curly[0], end))
    elif straight:
        out.extend(_continued(text, straight[0], end))
    return out


def _straight(text: str, i: int, para_start: int, stack: list[int], out: list[_Marked]) -> None:
    """Pair a straight double quote by what touches it: opening marks sit before a word."""
    before = text[i - 1] if i > para_start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    opener = (before.isspace() or before in "([{—–-/") and not after.isspace()
    closer = not before.isspace() and (after.isspace() or after in ",.;:!?)]}—–-")
    if not stack:
        if opener or not closer:
            stack.append(i)
        return
    prev = text[para_start:i].rstrip()[-1:]
    if prev and prev in ",.?!…" and len(stack) == 1:
        closer, opener = True, False
    if opener and not closer:
        stack.append(i)
        return
    opened = stack.pop()
    if not stack:
        out.append(_marked(text, opened, i))


def _single(text: str, i: int, opened: int, out: list[_Marked]) -> int:
    """‘…’ pairs; a ’ inside a word is an apostrophe."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch == "‘":
        return i if (before.isspace() or before in "([—–-") and opened < 0 else opened
    if opened >= 0 and not after.isalnum():
        out.append(_marked(text, opened, i, single=True))
        return -1
    return opened


def _marked(text: str, opened: int, closed: int, single: bool = False) -> _Marked:
    start, end = _trim(text, opened + 1, closed)
    return _Marked(open=opened, close=closed, start=start, end=end, single=single)


def _continued(text: str, opened: int, para_end: int) -> list[_Marked]:
    """A paragraph left open is one paragraph of a longer quote only if the next one reopens."""
    rest = text[para_end : para_end + 400].lstrip()
    if not rest[:1] or rest[0] not in '“"':
        return []
    start, end = _trim(text, opened + 1, para_end)
    return [_Marked(open=opened, close=para_end, start=start, end=end, continued=True)]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _word_count(text: str, start: int, end: int) -> int:
    return sum(1 for _ in _WORD.finditer(text, start, end))


# --- names ---------------------------------------------------------------------------------------


def _context(text: str, people: Sequence[PersonMention], marked: list[_Marked]) -> _Context:
    quoted = [(m.open, m.close) for m in marked]
    if people:
        names = [_Name(p.start, p.end, p.name) for p in people if 0 <= p.start < p.end]
    else:
        names = _fallback_names(text, 0, len(text))
    names.sort(key=lambda n: n.start)
    ctx = _Context(
        text=text,
        names=names,
        name_starts=[n.start for n in names],
        have_people=bool(people),
        quoted=quoted,
    )
    ctx.events = _narration_events(ctx)
    return ctx


def _fallback_names(text: str, start: int, end: int) -> list[_Name]:
    """Capitalised word runs that look like a person's name, role words stripped."""
    out: list[_Name] = []
    for m in _NAME_RUN.finditer(text, start, end):
        name = _clean_run(text, m.start(), m.end())
        if name is not None:
            out.append(name)
    return out


def _clean_run(text: str, start: int, end: int) -> _Name | None:
    tokens = [(t.start(), t.end()) for t in re.finditer(r"\S+", text[start:end])]
    keep: list[tuple[int, int]] = []
    after_org = False
    for s, e in tokens:
        word = text[start + s : start + e]
        low = word.lower()
        if low in _ROLE_WORDS or low in _NOT_NAMES or low in _ORG_WORDS or _is_acronym(word):
            keep = []  # a role, an organisation or an acronym comes before the name
            after_org = after_org or low in _ORG_WORDS
            continue
        keep.append((s, e))
    if after_org:
        # 'Dinas Kesehatan Ratna Sari': the organisation's own words run into the name
        keep = keep[-2:]
    if not keep:
        return None
    s0, e0 = start + keep[0][0], start + keep[-1][1]
    surface = text[s0:e0]
    if not surface[:1].isupper():
        return None
    return _Name(s0, e0, surface)


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _names_in(ctx: _Context, start: int, end: int, fallback: bool = False) -> list[_Name]:
    """Names inside [start, end); `fallback` also trusts capitalised words where a speech verb
    says a speaker must stand, for names the people extractor did not confirm."""
    lo = bisect.bisect_left(ctx.name_starts, start)
    hi = bisect.bisect_left(ctx.name_starts, end)
    found = [n for n in ctx.names[lo:hi] if n.end <= end]
    if not found and fallback and ctx.have_people:
        found = _fallback_names(ctx.text, start, end)
    return found


def _name_ending_at(ctx: _Context, pos: int) -> _Name | None:
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


def _name_ending_near(ctx: _Context, cut: int) -> _Name | None:
    for name in reversed(_names_in(ctx, max(0, cut - 80), cut)):
        if name.end == cut or ctx.text[name.end : cut].strip() == "":
            return name
    return None


def _slot_speaker(ctx: _Context, start: int) -> tuple[str, bool]:
    """Speaker named right after a verb: ('Budi', False), or ('', True) when it refers back."""
    text = ctx.text
    end = _slot_end(text, start)
    words = _PAREN.sub(" ", text[start:end]).split()
    if not words:
        return "", False
    if words[0].lower() in _PRONOUNS:
        return "", True
    if words[-1].lower() in _DEMONSTRATIVES and words[0][:1].islower():
        # 'kata pelatih klub ini' means someone named before; 'kata sumber itu' means nobody
        return "", words[0].lower() not in _UNNAMED
    segments = [(start, end)]
    if text[end : end + 1] == ",":
        segments.append((end + 1, _slot_end(text, end + 1)))
    if len(segments) > 1 and _is_role_phrase(words):
        segments.reverse()  # 'kata pelatih Petrokimia, M Hanafiah': the name follows the role
    for fallback in (False, True):
        for s, e in segments:
            names = _names_in(ctx, s, e, fallback=fallback)
            if names:
                return _expand(ctx, names[0].name, names[0].start), False
    return _bare_word_speaker(words), False


def _bare_word_speaker(words: list[str]) -> str:
    """'kata JK.': one capitalised word alone after the verb is the speaker's short name."""
    if len(words) != 1:
        return ""
    word = words[0].strip(".,;:!?")
    low = word.lower()
    if not word[:1].isupper() or low in _ROLE_WORDS or low in _NOT_NAMES or low in _ORG_WORDS:
        return ""
    return word


def _slot_end(text: str, start: int) -> int:
    limit = min(len(text), start + 160)
    for stop in _SLOT_END.finditer(text, start, limit):
        if text[stop.start()] == "." and _ABBREVIATION.search(text, start, stop.start()):
            continue
        return stop.start()
    return limit


def _is_role_phrase(words: list[str]) -> bool:
    return words[0][:1].islower() or any(w.lower() in _ROLE_WORDS for w in words)


def _expand(ctx: _Context, name: str, pos: int) -> str:
    """The most complete form of `name` in the article: the nearest before `pos`, else after."""
    longer = ctx.longer.get(name)
    if longer is None:
        tokens = name.split()
        longer = [
            n
            for n in ctx.names
            if len(n.name.split()) > len(tokens) and _contains(n.name.split(), tokens)
        ]
        ctx.longer[name] = longer
    if not longer:
        return name
    before = [n for n in longer if n.start < pos]
    return before[-1].name if before else longer[0].name


def _contains(tokens: list[str], part: list[str]) -> bool:
    n = len(part)
    return any(tokens[i : i + n] == part for i in range(len(tokens) - n + 1))


# --- narration: who is talking ---------------------------------------------------------------


@dataclass(frozen=True)
class _Verb:
    start: int
    end: int
    active: bool  # the speaker is the name before it; otherwise the name after it
    nya: bool = False  # 'katanya', 'menurutnya': the speaker is someone named earlier


def _speech_verbs(ctx: _Context, start: int, end: int) -> list[_Verb]:
    """Speech verbs between `start` and `end` that are not inside quote marks."""
    text = ctx.text
    out: list[_Verb] = []
    for m in _SPEECH_WORD.finditer(text, start, end):
        word = m.group().lower()
        verb: _Verb | None
        if word in _ACTIVE_SET:
            verb = _Verb(m.start(), m.end(), active=True)
        elif word in _PASSIVE_SET:
            verb = _passive(text, m, word)
            if verb is None:
                continue
        elif word.endswith("nya") and word[:-3] in _PASSIVE_SET:
            verb = _Verb(m.start(), m.end(), active=False, nya=True)
        else:
            continue
        if not _inside(verb.start, ctx.quoted):
            out.append(verb)
    return out


def _passive(text: str, m: re.Match[str], word: str) -> _Verb | None:
    if word != "according":
        return _Verb(m.start(), m.end(), active=False)
    to = _ACCORDING_TO.match(text, m.end())
    return _Verb(m.start(), to.end(), active=False) if to else None


def _narration_events(ctx: _Context) -> list[tuple[int, str]]:
    """(position, speaker) for every speech verb with a named speaker outside quote marks."""
    events: list[tuple[int, str]] = []
    for verb in _speech_verbs(ctx, 0, len(ctx.text)):
        if verb.nya:
            continue
        speaker = _verb_speaker(ctx, verb)
        if speaker:
            events.append((verb.start, speaker))
    return events


def _verb_speaker(ctx: _Context, verb: _Verb) -> str:
    if verb.active:
        name = _name_ending_at(ctx, verb.start) or _sentence_subject(ctx, verb.start)
        return _expand(ctx, name.name, name.start) if name else ""
    after = verb.end
    if after < len(ctx.text) and ctx.text[after] in " \t\xa0":
        speaker, _ = _slot_speaker(ctx, _skip_oleh(ctx.text, after))
        return speaker
    return ""


def _sentence_subject(ctx: _Context, verb_start: int) -> _Name | None:
    """The name that opens the sentence: 'Budi, manajer tim, menonton laga itu dan berkata'."""
    start = _clause_before(ctx.text, verb_start)
    while start < verb_start and ctx.text[start] in ' \t\xa0“"‘':
        start += 1
    names = _names_in(ctx, start, verb_start)
    if names and names[0].start == start and not _QUOTE_CHARS.search(ctx.text, start, verb_start):
        return names[0]
    return None


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < pos < e for s, e in spans)


def _last_speaker(ctx: _Context, pos: int) -> str:
    """Who a '-nya' or 'dia' at `pos` means: the latest speaker, else the latest name."""
    events = [e for e in ctx.events if pos - ANAPHORA_WINDOW <= e[0] < pos]
    if events:
        return max(events)[1]
    earlier = [e for e in ctx.events if e[0] < pos]
    if earlier and not ctx.have_people:
        # Unconfirmed capitalised words ("Maka", "Sementara") are no better than the last
        # speaker the text named, however far back.
        return max(earlier)[1]
    lo = bisect.bisect_left(ctx.name_starts, pos - ANAPHORA_WINDOW)
    hi = bisect.bisect_left(ctx.name_starts, pos)
    for name in reversed(ctx.names[lo:hi]):
        if not _inside(name.start, ctx.quoted):
            return _expand(ctx, name.name, name.start)
    return max(earlier)[1] if earlier else ""


def _add_event(ctx: _Context, pos: int, speaker: str) -> None:
    if speaker:
        bisect.insort(ctx.events, (pos, speaker))


# --- quotes between marks ----------------------------------------------------------------------


def _marked_quotes(ctx: _Context, marked: list[_Marked]) -> list[Quote]:
    out: list[Quote] = []
    prev: tuple[_Marked, _Attribution] | None = None
    pending: list[_Marked] = []  # continued paragraphs waiting for the quote that closes them
    for span in marked:
        attribution = _attribute(ctx, span, prev)
        keep = _keep(ctx, span, attribution)
        if keep and span.continued and not attribution.found:
            pending.append(span)
            continue
        if keep:
            for part in pending:
                out.append(_quote(ctx.text, part, attribution.speaker))
            out.append(_quote(ctx.text, span, attribution.speaker))
            prev = (span, attribution)
        pending = []
    return out


def _quote(text: str, span: _Marked, speaker: str) -> Quote:
    return Quote(span.start, span.end, text[span.start : span.end], speaker)


def _keep(ctx: _Context, span: _Marked, attribution: _Attribution) -> bool:
    words = _word_count(ctx.text, span.start, span.end)
    if words < MIN_WORDS:
        return False
    if span.single:
        return attribution.found and words >= MIN_SINGLE_QUOTE_WORDS
    return attribution.found or not attribution.embedded


def _attribute(
    ctx: _Context, span: _Marked, prev: tuple[_Marked, _Attribution] | None
) -> _Attribution:
    found = _tail(ctx, span) or _lead_in(ctx, span)
    if found is not None:
        if found.anaphoric:
            found.speaker = _last_speaker(ctx, span.open)
        _add_event(ctx, span.close, found.speaker)
        return found
    if _embedded_in_narration(ctx, span):
        return _sentence_speaker(ctx, span)
    if prev is not None and _follows(ctx.text, prev, span):
        return _Attribution(speaker=prev[1].speaker, found=True, end=span.close + 1)
    return _previous_sentence_speaker(ctx, span)


def _tail(ctx: _Context, span: _Marked) -> _Attribution | None:
    text = ctx.text
    m = _TAIL.match(text, span.close + 1)
    if m is None or span.continued:
        return None
    clause_end = _clause_end(text, m.end())
    if m.group("verb"):
        if m.group("nya"):
            return _Attribution(anaphoric=True, found=True, end=clause_end)
        speaker, anaphoric = _slot_speaker(ctx, _skip_oleh(text, m.end()))
        return _Attribution(speaker, anaphoric, found=True, end=clause_end)
    subject = m.group("subject")
    if subject.lower() in _PRONOUNS:
        return _Attribution(anaphoric=True, found=True, end=clause_end)
    names = _names_in(ctx, m.start("subject"), m.end("subject"), fallback=True)
    if names:
        return _Attribution(
            _expand(ctx, names[-1].name, names[-1].start), found=True, end=clause_end
        )
    if subject[:1].islower() and len(subject.split()) <= 3:
        # 'the company said', 'sumber itu mengatakan': attributed, but to nobody named
        return _Attribution(found=True, end=clause_end)
    return None


def _skip_oleh(text: str, pos: int) -> int:
    m = _OLEH.match(text, pos)
    return m.end() if m else pos


def _clause_end(text: str, pos: int) -> int:
    for stop in _STOP.finditer(text, pos):
        if text[stop.start()] == "." and _ABBREVIATION.search(text, pos, stop.start()):
            continue  # 'kata Dr. Budi.'
        return stop.end()
    return len(text)


def _clause_before(text: str, pos: int) -> int:
    """Start of the sentence or clause holding `pos` (after a stop, a line break, a quote)."""
    lo = max(0, pos - 400)
    start = lo
    for m in _CLAUSE_START.finditer(text, lo, pos):
        start = m.end()
    nl = text.rfind("\n", lo, pos)
    return max(start, nl + 1)


def _lead_in(ctx: _Context, span: _Marked) -> _Attribution | None:
    """'Budi mengatakan, “…”', 'Menurut Budi, “…”', '... disebutnya “…”'."""
    text = ctx.text
    start = _clause_before(text, span.open)
    clause = text[start : span.open]
    if not clause.strip():
        return None
    for verb in reversed(_speech_verbs(ctx, start, span.open)):
        gap = text[verb.end : span.open]
        if len(gap) > LEAD_IN_GAP or not _lead_in_gap_ok(verb, gap):
            continue
        if verb.nya or (verb.active and _pronoun_subject(text, start, verb.start)):
            return _Attribution(anaphoric=True, found=True)
        speaker = _verb_speaker(ctx, verb)
        if speaker:
            return _Attribution(speaker, found=True)
    return None


def _lead_in_gap_ok(verb: _Verb, gap: str) -> bool:
    """Text between a lead-in verb and its quote ends in ',' ':' 'bahwa' or touches the mark."""
    stripped = gap.rstrip()
    if not stripped or stripped.endswith((",", ":")):
        return True
    return stripped.lower().endswith(("bahwa", "that"))


def _pronoun_subject(text: str, start: int, verb_start: int) -> bool:
    words = text[start:verb_start].split()
    return bool(words) and words[-1].lower().strip(",") in _PRONOUNS


def _embedded_in_narration(ctx: _Context, span: _Marked) -> bool:
    """A phrase inside a sentence ('… the motto “…” became …') rather than a statement."""
    text = ctx.text
    before = text[_clause_before(text, span.open) : span.open].rstrip()
    if before and before[-1] not in ",:;—–-([":
        return True
    after = text[span.close + 1 : span.close + 40]
    m = _NEXT_WORD.match(after)
    return m is not None and m.group(1)[:1].islower()


def _sentence_speaker(ctx: _Context, span: _Marked) -> _Attribution:
    """A phrase quoted mid-sentence counts only if a speech verb there names its speaker."""
    start = _clause_before(ctx.text, span.open)
    words = ctx.text[span.start : span.end].split()
    if all(w[:1].isupper() or w in _NAME_JOINERS for w in words):
        return _Attribution(embedded=True)  # a title in Title Case
    events = [e for e in ctx.events if start <= e[0] < span.open]
    if not events:
        return _Attribution(embedded=True)
    return _Attribution(speaker=events[-1][1], found=True, embedded=True)


def _follows(text: str, prev: tuple[_Marked, _Attribution], span: _Marked) -> bool:
    """Nothing but the previous quote's own attribution lies between the two quotes."""
    marked, attribution = prev
    gap_start = max(marked.close + 1, attribution.end)
    if not attribution.found or gap_start > span.open:
        return False
    gap = text[gap_start : span.open]
    return gap.strip() == "" and gap.count("\n") <= 2


def _previous_sentence_speaker(ctx: _Context, span: _Marked) -> _Attribution:
    """A stand-alone quote right after 'Budi menambahkan bahwa … .' is Budi's."""
    text = ctx.text
    end = span.open
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = _clause_before(text, max(0, end - 1))
    events = [e for e in ctx.events if start <= e[0] < end]
    if not events or _QUOTE_CHARS.search(text, start, end):
        return _Attribution()
    return _Attribution(speaker=events[-1][1])


# --- dash attribution lines and tweets -----------------------------------------------------------


def _dash_quotes(ctx: _Context) -> list[Quote]:
    out: list[Quote] = []
    for m in _DASH_LINES.finditer(ctx.text):
        quote = _dash_quote(ctx, m)
        if quote is not None:
            out.append(quote)
    return out


def _dash_quote(ctx: _Context, m: re.Match[str]) -> Quote | None:
    line_start = m.start()
    body = m.group("body")
    byline = _BYLINE.match(body) or _TRAILING_DATE.match(body)
    if byline is not None:
        author = byline.group("author").strip(" ,")
        return _tweet(ctx, line_start, author)
    if m.group("dash") == "-" and not _only_name(body):
        return None  # a bullet point, not a signature
    speaker = _dash_speaker(ctx, m.start("body"), m.end("body"))
    if not speaker:
        return None
    return _paragraph_before(ctx, line_start, speaker)


def _only_name(body: str) -> bool:
    return len(body.split()) <= 10 and all(_name_like(p) for p in body.split(","))


def _name_like(part: str) -> bool:
    """'Wakil Presiden Riset OpenAI', 'Sam Altman': short, every word capitalised."""
    words = part.split()
    return 0 < len(words) <= 6 and all(w[:1].isupper() or w in _NAME_JOINERS for w in words)


def _dash_speaker(ctx: _Context, start: int, end: int) -> str:
    """'CEO OpenAI, Sam Altman' -> 'Sam Altman': the last comma part that holds a name."""
    text = ctx.text
    parts: list[tuple[int, int]] = []
    pos = start
    for comma in re.finditer(r",", text[start:end]):
        parts.append((pos, start + comma.start()))
        pos = start + comma.end()
    parts.append((pos, end))
    speaker = ""
    for s, e in parts:
        if not _name_like(text[s:e]):
            if speaker:
                break  # the caption goes on in prose ('menegaskan …')
            continue
        names = _names_in(ctx, s, e, fallback=True)
        if names:
            speaker = names[-1].name
    return speaker


def _paragraph_before(ctx: _Context, line_start: int, speaker: str) -> Quote | None:
    text = ctx.text
    end = line_start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = text.rfind("\n", 0, end) + 1
    para = text[start:end]
    if (
        not para.strip()
        or _DASH_LINE.match(para)
        or "<" in para
        or _is_heading(para)
        or para.rstrip().endswith(":")
    ):
        return None
    start, end = _strip_marks(text, start, end)
    if _word_count(text, start, end) < MIN_WORDS:
        return None
    return Quote(start, end, text[start:end], speaker)


def _strip_marks(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in ' \t“"‘':
        start += 1
    while end > start and text[end - 1] in ' \t”"’':
        end -= 1
    return start, end


def _tweet(ctx: _Context, line_start: int, author: str) -> Quote | None:
    """The lines above a '— Name (@handle) date' byline, back to an attribution or heading."""
    text = ctx.text
    paragraphs: list[tuple[int, int]] = []
    end = line_start
    total = 0
    while True:
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end == 0:
            break
        start = text.rfind("\n", 0, end) + 1
        if _tweet_boundary(ctx, start, end, bool(paragraphs)) or total + end - start > (
            TWEET_MAX_CHARS
        ):
            break
        paragraphs.append((start, end))
        total += end - start
        end = start
    if not paragraphs:
        return None
    start, stop = paragraphs[-1][0], paragraphs[0][1]
    return Quote(start, stop, text[start:stop], author)


def _tweet_boundary(ctx: _Context, start: int, end: int, have_text: bool) -> bool:
    para = ctx.text[start:end]
    if _DASH_LINE.match(para) or _is_heading(para):
        return True
    if not have_text:
        return False
    has_quote = _QUOTE_CHARS.search(para) is not None
    return has_quote or any(start <= e[0] < end for e in ctx.events)


def _is_heading(para: str) -> bool:
    words = para.split()
    if not words or len(words) > 12 or _HEADING_END.search(para.rstrip()):
        return False
    capitalised = sum(1 for w in words if w[:1].isupper())
    return capitalised * 2 >= len(words) and len(words) >= 2


# --- assembling ----------------------------------------------------------------------------------


def _embedded_quote(text: str, e: EmbeddedQuote) -> Quote:
    end = min(e.end, len(text))
    return Quote(e.start, end, text[e.start : end], e.author)


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _with_sentence(quote: Quote, sentences: Sequence[Sentence], starts: list[int]) -> Quote:
    if not sentences:
        return quote
    i = max(0, bisect.bisect_right(starts, quote.start) - 1)
    return Quote(quote.start, quote.end, quote.text, quote.speaker, sentences[i].index)

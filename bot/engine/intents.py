"""Turn a free-text or slash-command question into a `Query`: intent, subject, topic, language.

The matcher works on tokens. Each token keeps what the user typed (for subjects) and a canonical
form: lowercased, accent-free, contractions expanded, chat slang and typos of the intent cue words
corrected. Ordered regular expressions over the canonical token string then pick the intent and
mark where the subject and topic are; those spans are mapped back to the typed tokens.

Typo correction only ever rewrites a token towards a small set of cue words ("kapn" -> "kapan"),
keeps the first letter, and never touches real words near a cue ("kapal", "tenang") or tokens
that look like a known person's name, so names and content words survive.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.engine.answer import IntentName, Lang, Query
from bot.engine.language import detect_language
from bot.engine.lexicon import LEXICON, STOPWORDS_EN, STOPWORDS_ID


def _words(text: str) -> tuple[str, ...]:
    """A word list written as one string (easier to read and edit than a list literal)."""
    return tuple(text.split())


# ---------------------------------------------------------------------------------------------
# Text cleaning and tokens
# ---------------------------------------------------------------------------------------------

_MAX_CHARS = 2000  # nobody asks a longer question; beyond this is pasted noise
_MAX_TOKENS = 64
_MAX_SUBJECT_TOKENS = 16
_MAX_SUBJECT_CHARS = 200

_INVISIBLE_RE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_MENTION_RE = re.compile(r"<[@#][!&]?\d+>|(?<!\w)@[\w.\-]+")
_TOKEN_RE = re.compile(r"\w+(?:['’\-.]\w+)*")
_ONLY_QUESTION_MARKS_RE = re.compile(r"^[\s?？¿]+$")
_PAGE_RE = re.compile(r"\s+(?:page|halaman|hal|hlm)\.?\s*(\d{1,3})\s*[?.!]*\s*$", re.IGNORECASE)

_CONTRACTIONS: dict[str, tuple[str, ...]] = {
    "who's": ("who", "is"),
    "whos": ("who", "is"),
    "what's": ("what", "is"),
    "whats": ("what", "is"),
    "when's": ("when", "is"),
    "where's": ("where", "is"),
    "how's": ("how", "is"),
    "it's": ("it", "is"),
    "that's": ("that", "is"),
    "there's": ("there", "is"),
    "he's": ("he", "is"),
    "she's": ("she", "is"),
    "let's": ("let", "us"),
    "can't": ("can", "not"),
    "won't": ("will", "not"),
    "i'm": ("i", "am"),
}
_SUFFIX_CONTRACTIONS: tuple[tuple[str, str], ...] = (
    ("n't", "not"),
    ("'re", "are"),
    ("'ve", "have"),
    ("'ll", "will"),
    ("'d", "would"),
)

# Chat abbreviations and frequent misspellings that no edit-distance rule would dare.
_SLANG: dict[str, str] = {
    "kpn": "kapan",
    "kpan": "kapan",
    "knp": "kenapa",
    "napa": "kenapa",
    "gmn": "bagaimana",
    "gmana": "bagaimana",
    "gimana": "bagaimana",
    "bgmn": "bagaimana",
    "bgm": "bagaimana",
    "brp": "berapa",
    "brapa": "berapa",
    "yg": "yang",
    "dgn": "dengan",
    "dg": "dengan",
    "utk": "untuk",
    "ttg": "tentang",
    "tntg": "tentang",
    "sy": "saya",
    "sbg": "sebagai",
    "krn": "karena",
    "tgl": "tanggal",
    "apaan": "apa",
    "wat": "what",
    "wht": "what",
    "wut": "what",
    "whn": "when",
    "wen": "when",
    "abt": "about",
    "u": "you",
    "pls": "please",
    "plz": "please",
    "thx": "thanks",
}
# Real words that are also the commonest typo of a cue; corrected only as the first word.
_FIRST_WORD_SLANG: dict[str, str] = {"siap": "siapa", "sapa": "siapa", "spa": "siapa"}

# The cue words that typos are corrected towards. Short, ambiguous ones ("apa", "kata") are left
# out: their neighbours are too often real words.
_CUES: tuple[str, ...] = _words(
    "siapa siapakah kapan kapankah kronologi kronologis kronologinya linimasa urutan peristiwa "
    "kejadian terjadi kutipan pernyataan dikatakan diucapkan disampaikan katakan ucapkan "
    "sampaikan tanggapan komentar mengapa kenapa berapa bagaimana tanggal jabatan sumber artikel "
    "daftar bantuan tentang mengenai sejarah who what when where which why how happened timeline "
    "chronology history quote quotes statement statements said say says sources source articles "
    "help about tell"
)
_CUE_SET = frozenset(_CUES)

# Real words within typo distance of a cue, generated once from the Sastrawi root-word list, the
# wamerican dictionary and the corpus's frequent words: these are never "corrected".
_PROTECTED = frozenset(
    _words("""
    abort abut article bantun berada beraja berupa betapa dafter datar dibacakan dibatalkan
    dibawakan dijajakan dikabarkan dikaitkan dikalahkan dikenakan dimatikan dinamakan
    dinyatakan diramaikan dirasakan dirayakan disamakan disiapkan heap hela held hell helm
    helps hemp kafan kahan kanan kapa kapah kapai kapak kapal kapang kapar kapas kapat kapon
    kataka katakana kawakan kawan kayan kelapa kenap konkologi kraniologi kuripan mendapa
    mengada mengap mengenal mengenali menyapa pendataan perkataan perniagaan quite quota
    quotas quoted quoth sacs sags saif sail sair sais sampakan sand sans sapa saps sass saud
    saus saws saya sayid sayu seharah sember siaga siap skid slays slid slumber somber
    sourced spays staid statesmen stays sumbar sumbel sumbur summer sways tall tangga
    tanggah tanggam tanggap tanggar tanggul tangkaian tangkal tantang teal tela tele tells
    tenang tendang tenteng tenting till tinggal toll tunggal ucapan uritan urusan were wham
    wheat whet whew whey whit whore wren berasa berapi separah searah sedarah urunan batuan
    mengena karan kaman kazan sahid katalan sampailan sampangan tello heli tangkapan
    """)
)


@dataclass(frozen=True)
class _Token:
    canon: str  # lowercased, accent-free, corrected
    text: str  # as typed; "" for tokens that only exist in canonical form
    fixed: bool = False  # canon is a typo correction


def _clean(text: str) -> str:
    """NFKC, invisible characters and chat mentions removed, whitespace collapsed, capped."""
    text = unicodedata.normalize("NFKC", text[: _MAX_CHARS * 2])
    text = _INVISIBLE_RE.sub("", text)
    text = _MENTION_RE.sub(" ", text)
    return " ".join(text.split())[:_MAX_CHARS]


def _fold(word: str) -> str:
    """Lowercase without accents, curly apostrophes made straight."""
    word = word.lower().replace("’", "'")
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _split_word(raw: str) -> list[_Token]:
    """One typed word -> tokens, with English contractions and possessives split off."""
    low = _fold(raw)
    if low in _CONTRACTIONS:
        first, *rest = _CONTRACTIONS[low]
        return [_Token(first, raw), *(_Token(r, "") for r in rest)]
    for suffix, expansion in _SUFFIX_CONTRACTIONS:
        if low.endswith(suffix) and len(low) > len(suffix) + 1:
            cut = len(raw) - len(suffix)
            return [_Token(low[:cut], raw[:cut]), _Token(expansion, "")]
    if low.endswith("'s") and len(low) > 3:
        return [_Token(low[:-2], raw[:-2]), _Token("'s", "")]
    return [_Token(low, raw)]


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    for match in _TOKEN_RE.finditer(text):
        tokens.extend(_split_word(match.group()))
    return tokens


# ---------------------------------------------------------------------------------------------
# Typo correction of cue words
# ---------------------------------------------------------------------------------------------

_CUES_BY_LETTER: dict[str, tuple[str, ...]] = {}
for _cue in _CUES:
    _CUES_BY_LETTER[_cue[0]] = (*_CUES_BY_LETTER.get(_cue[0], ()), _cue)


def _cue_for(word: str) -> str | None:
    """The cue word this token is a typo of, or None; same first letter, 1-2 edits."""
    if not word.isalpha() or not 3 <= len(word) <= 16 or word in _PROTECTED:
        return None
    best: str | None = None
    best_dist = 3
    for cue in _CUES_BY_LETTER.get(word[0], ()):
        limit = _edit_limit(word, cue)
        dist = OSA.distance(word, cue, score_cutoff=limit)
        if dist <= limit and dist < best_dist:
            best, best_dist = cue, dist
    return best


def _edit_limit(word: str, cue: str) -> int:
    """Allowed edits: one, and for 3-letter pairs only a transposition.

    Two edits were tried for long words and rejected: Indonesian affixed words two edits from a
    cue are common ("tangkapan" / "tanggapan", "penyitaan" / "pernyataan").
    """
    if min(len(word), len(cue)) <= 3:
        return 1 if len(word) == len(cue) and sorted(word) == sorted(cue) else 0
    return 1


# ---------------------------------------------------------------------------------------------
# Rules
# ---------------------------------------------------------------------------------------------

_Kind = Literal["person", "maybe_person", "event", "quote", "plain", "relative"]


@dataclass(frozen=True)
class _Rule:
    intent: IntentName
    kind: _Kind
    regex: re.Pattern[str]


def _rule(intent: IntentName, kind: _Kind, pattern: str) -> _Rule:
    return _Rule(intent, kind, re.compile(pattern))


_TAIL = r"(?: (?:ya|sih|dong|nih|tuh|itu|sebenarnya|sebetulnya|sekarang))*"
_SAID_ID = r"(?:katakan|ucapkan|sampaikan|bilang|nyatakan|ungkapkan|tulis|omongkan|sebut|sebutkan)"
_SAID_EN = (
    r"(?:say|said|says|think|thought|tell|told|claim|claimed|tweet|tweeted|write|wrote|state|"
    r"stated|mention|mentioned|comment|commented|believe|feel|announce|announced)"
)
_QUOTE_NOUN_ID = (
    r"(?:kata|kata-kata|ucapan|pernyataan|komentar|tanggapan|pendapat|respons|respon|reaksi|"
    r"klaim|pandangan|sikap|kutipan|pernyataannya)"
)
_TIMELINE_NOUN = (
    r"(?:kronologi|kronologis|kronologinya|linimasa|timeline|chronology|urutan (?:peristiwa|"
    r"kejadian|waktu)|rangkaian (?:peristiwa|kejadian)|sejarah|sejarahnya|riwayat|history|"
    r"sequence of events|order of events|perkembangan)"
)

_RULES: tuple[_Rule, ...] = (
    # --- who: role questions and "X itu siapa" before anything that starts with "apa"/"what"
    _rule(
        "who",
        "person",
        r"^(?:apa )?(?:jabatan|posisi|peran|pekerjaan|profesi) (?P<S>.+?)"
        r"(?: (?:apa|itu apa|sekarang|saat ini|sebenarnya))*$",
    ),
    _rule(
        "who",
        "person",
        r"^(?P<S>.+?) (?:jabatannya|posisinya|perannya|pekerjaannya|profesinya)(?: apa)?$",
    ),
    _rule(
        "who",
        "person",
        r"^(?P<S>.+?) (?:menjabat|bekerja|berperan) sebagai apa$",
    ),
    _rule(
        "who",
        "person",
        r"^what (?:is|was) (?P<S>.+?) 's (?:role|position|job|title|occupation)(?: .*)?$",
    ),
    _rule(
        "who",
        "person",
        r"^what (?:is|was) the (?:role|position|job|title) of (?P<S>.+)$",
    ),
    _rule("who", "person", r"^what does (?P<S>.+?) do(?: for a living)?$"),
    _rule(
        "who",
        "person",
        r"^(?:profil|biografi|biodata|profile|bio|biography)(?: (?:of|dari|tentang))? (?P<S>.+)$",
    ),
    _rule("search", "relative", r"^siapa(?:kah)? (?:sih )?yang (?P<S>.+)$"),
    _rule(
        "who",
        "person",
        r"^(?:siapa(?:kah)?|who (?:is|was|are|were)) (?:(?:itu|sih|sebenarnya|sebetulnya|"
        r"the person|this) )*(?P<S>.+?)" + _TAIL + "$",
    ),
    _rule(
        "who",
        "person",
        r"^(?P<S>.+?) (?:(?:itu|tuh|ini|is) )?(?:siapa(?:kah)?|who)" + _TAIL + "$",
    ),
    # --- quote
    _rule("quote", "quote", r"^apa (?:saja )?" + _QUOTE_NOUN_ID + r" (?P<S>.+)$"),
    _rule(
        "quote",
        "quote",
        r"^apa (?:saja )?yang (?:sudah |telah |pernah )?(?:dikatakan|diucapkan|disampaikan|"
        r"dinyatakan|dibilang|diungkapkan|ditulis|dikomentari|disebut) (?:oleh )?(?P<S>.+)$",
    ),
    _rule(
        "quote",
        "quote",
        r"^apa (?:saja )?yang (?:sudah |telah |pernah )?(?P<S>.+?) "
        + _SAID_ID
        + r"(?: (?P<T>.+))?$",
    ),
    _rule(
        "quote",
        "quote",
        r"^(?:bagaimana|seperti apa) " + _QUOTE_NOUN_ID + r" (?P<S>.+)$",
    ),
    _rule("quote", "quote", r"^(?!kata kunci )" + _QUOTE_NOUN_ID + r" (?:dari |oleh )?(?P<S>.+)$"),
    _rule(
        "quote",
        "quote",
        r"^(?P<S>.+?) (?:bilang|berkata|mengatakan|ngomong|menyatakan) apa(?: (?P<T>.+))?$",
    ),
    _rule(
        "quote",
        "quote",
        r"^what (?:did|does|do|has|have|had|will|would) (?P<S>.+?) "
        + _SAID_EN
        + r"(?: (?P<T>.+))?$",
    ),
    _rule(
        "quote",
        "quote",
        r"^what (?:was|is|were|are) (?P<S>.+?) 's (?:statements?|quotes?|comments?|response|"
        r"reaction|opinion|views?|stance|take)(?: (?P<T>.+))?$",
    ),
    _rule(
        "quote",
        "quote",
        r"^(?:(?:show|give|find|list) (?:me )?)?(?:the |some |any )?(?:quotes?|statements?|"
        r"comments?|remarks?|words) (?:from|by|of) (?P<S>.+)$",
    ),
    _rule("quote", "quote", r"^(?:quotes?|kutip) (?P<S>.+)$"),
    _rule(
        "quote",
        "quote",
        r"^how did (?P<S>.+?) (?:respond|react|reply|comment)(?: (?P<T>.+))?$",
    ),
    _rule("quote", "quote", r"^what (?P<S>.+?) (?:said|says)(?: (?P<T>.+))?$"),
    _rule(
        "quote",
        "quote",
        r"^(?:did|has) (?P<S>.+?) (?:say|said|comment)(?: (?:anything|something))?(?: (?P<T>.+))?$",
    ),
    # --- timeline
    _rule(
        "timeline",
        "event",
        r"^(?:(?:bagaimana|apa|what is|what 's|show|show me|give me|tampilkan|lihat|buat|"
        r"buatkan|the|a|minta) )*" + _TIMELINE_NOUN + r"(?: (?:of|for|about|on|tentang|soal|dari|"
        r"mengenai|terkait|peristiwa|kejadian|lengkap|the|events))*(?: (?P<S>.+))?$",
    ),
    _rule(
        "timeline",
        "event",
        r"^apa (?:saja )?yang (?:sudah |telah |pernah |sedang )?terjadi(?: (?:dengan|pada|di|"
        r"dalam|tentang|soal|terkait|sama|ke|selama|setelah|antara))*(?: (?P<S>.+))?$",
    ),
    _rule(
        "timeline",
        "event",
        r"^(?:ada )?(?:peristiwa|kejadian) apa (?:saja )?(?:yang (?:terjadi )?)?(?:(?:di|pada|"
        r"dengan|dalam|tentang) )?(?P<S>.*)$",
    ),
    _rule(
        "timeline",
        "event",
        r"^what (?:has |have |had )?(?:happened|happens|went on|has been happening)(?: (?:to|"
        r"with|at|in|during|on|about|between|inside|after|the))*(?: (?P<S>.+))?$",
    ),
    _rule(
        "timeline",
        "event",
        r"^what (?:are|were) the (?:key |main |major )?events(?: (?:of|in|at|around|about))*"
        r"(?: (?P<S>.+))?$",
    ),
    _rule("timeline", "event", r"^(?:how did|bagaimana) (?P<S>.+?) (?:unfold|berlangsung)$"),
    # --- when
    _rule(
        "when",
        "event",
        r"^(?:(?:pada|di) )?(?:tanggal|hari|bulan|tahun|jam|pukul) (?:berapa|apa)(?: (?P<S>.+))?$",
    ),
    _rule(
        "when",
        "event",
        r"^(?:(?:sejak|mulai|sampai|hingga) )?(?:kapan|kapankah)(?: (?P<S>.+))?$",
    ),
    _rule("when", "event", r"^(?:(?:since|until) )?when(?: (?P<S>.+))?$"),
    _rule(
        "when",
        "event",
        r"^(?:(?:on|in|at) )?(?:what|which) (?:date|day|time|year|month)(?: (?P<S>.+))?$",
    ),
    _rule(
        "when",
        "event",
        r"^what (?:is|was) the date (?:of|when|that) (?P<S>.+)$",
    ),
    _rule(
        "when",
        "event",
        r"^(?P<S>.+?) (?:(?:pada|di) )?(?:kapan|kapankah|tanggal berapa|hari apa|tahun berapa|"
        r"bulan apa|when)" + _TAIL + "$",
    ),
    # --- who, loosely: "tell me about X" is a person question only if X is a person
    _rule(
        "who",
        "maybe_person",
        r"^(?:tell me (?:more )?about|what do you know about|(?:ceritakan|jelaskan|kenalkan|"
        r"terangkan)(?: (?:tentang|mengenai|soal|siapa))?|info(?:rmasi)?(?: (?:tentang|"
        r"mengenai|soal))?|about|tentang|mengenai) (?P<S>.+)$",
    ),
    _rule("search", "relative", r"^who (?P<S>.+)$"),
    # --- sources and help: the whole question must be the request
    _rule(
        "sources",
        "plain",
        r"^(?:(?:apa|apa saja|mana|what|which|list|show|show me|daftar|lihat|tampilkan|semua|"
        r"all|the|your|kamu|anda|punya|do you have|you|yang|ada|tersedia|available|are|is|"
        r"there|of|me|give|list of) )*(?:sumber|sumbernya|sumber berita|sources?|artikel|"
        r"artikelnya|articles?|berita|news|daftar artikel|daftar sumber|dokumen|documents?)"
        r"(?: (?:apa|apa saja|saja|mana|yang|ada|kamu|anda|punya|tersedia|available|list|nya|"
        r"kalian|bot|ini|do|you|have|are|there|in|your|database|disimpan|dimiliki|dipakai|"
        r"digunakan|used|kamu punya|are available))*$",
    ),
    _rule(
        "help",
        "plain",
        r"^(?:help|bantuan|bantu|tolong|panduan|petunjuk|menu|perintah|commands?|start|mulai|"
        r"usage|cara pakai|cara (?:menggunakan|memakai|pakai|kerja)(?: (?:bot|kamu|ini))*|"
        r"how (?:do i |to |can i )?use(?: (?:this|you|the))*(?: bot)?|what can you do|"
        r"what do you do|what are you|who are you|kamu siapa|siapa kamu|kamu bisa apa(?: saja)?|"
        r"bisa apa(?: saja)?|fitur(?: apa saja)?|apa (?:yang )?(?:bisa|dapat) (?:kamu|anda|"
        r"kau|bot ini|bot) (?:lakukan|kerjakan|bantu)|apa kabar|how are you)(?: (?:me|saya|"
        r"dong|ya|please|bot|ini))*$",
    ),
)

# Question words a search, when or timeline subject never keeps (other stopwords are only
# trimmed at its edges, so "Altman kembali ke OpenAI" keeps its "ke").
_QUESTION_WORDS = frozenset(
    _words("""
    apa apakah siapa siapakah kapan kapankah mengapa kenapa bagaimana gimana berapa berapakah
    dimana what who whom when why how where which whose sih dong kah nih tuh please tolong mohon
    jelaskan terangkan ceritakan explain describe cari carikan search find tanggal date much many
    """)
)
_STOPWORDS = STOPWORDS_ID | STOPWORDS_EN | frozenset({"'s", "not"})
_SEPARATORS = frozenset(
    _words("tentang soal mengenai terkait perihal about on regarding concerning over re atas")
)
_SEARCH_LEADS = frozenset(
    _words("""
    berapa berapakah mengapa kenapa bagaimana apa apakah apa-apa dimana mana why how what where
    which whose is are does did do can could will was were has have should would explain
    describe jelaskan terangkan cari carikan search find cek check benarkah adakah bisakah info
    """)
)

# Leading and trailing noise: greetings, politeness, "I want to ask". Longest first, so
# "please tell me" wins over "please".
_LEAD_FILLER_TEXT = (
    "halo|hallo|hai|hi|hello|hey|hei|helo|hola|yo|pagi|siang|sore|malam|permisi|"
    "assalamualaikum|ok|oke|okay|eh|btw|so|and|terus|lalu|jadi|nah|tolong|mohon|please|bot|"
    "newsbot|min|kak|gan|bang|bro|sis|mas|mbak|pak|bu|dear|tanya|pertanyaan|question|coba|"
    "selamat pagi|selamat siang|selamat sore|selamat malam|good morning|good afternoon|"
    "good evening|mau tanya|saya mau tanya|aku mau tanya|boleh tanya|numpang tanya|"
    "saya ingin tahu|aku ingin tahu|ingin tahu|pengen tahu|boleh tahu|tahukah kamu|"
    "apakah kamu tahu|kamu tahu|kasih tahu|beritahu saya|beri tahu saya|i want to know|"
    "i would like to know|i wonder|can you tell me|could you tell me|please tell me|"
    "do you know|can you|could you"
)
_LEAD_FILLERS: tuple[tuple[str, ...], ...] = tuple(
    sorted((tuple(p.split()) for p in _LEAD_FILLER_TEXT.split("|")), key=len, reverse=True)
)
_TRAIL_FILLERS = frozenset(
    _words("ya yah sih dong nih tuh kah please thanks thank makasih bot min kak gan bro")
)

# ---------------------------------------------------------------------------------------------
# Slash commands
# ---------------------------------------------------------------------------------------------

_Command = Literal["who", "when", "timeline", "quote", "search", "sources", "help", "ask"]
_COMMANDS: dict[str, _Command] = {
    "who": "who",
    "whois": "who",
    "siapa": "who",
    "when": "when",
    "kapan": "when",
    "timeline": "timeline",
    "kronologi": "timeline",
    "linimasa": "timeline",
    "quote": "quote",
    "quotes": "quote",
    "kutipan": "quote",
    "kata": "quote",
    "search": "search",
    "cari": "search",
    "find": "search",
    "sources": "sources",
    "source": "sources",
    "sumber": "sources",
    "articles": "sources",
    "artikel": "sources",
    "help": "help",
    "bantuan": "help",
    "start": "help",
    "ask": "ask",
    "tanya": "ask",
    "q": "ask",
}
_SLASH_RE = re.compile(r"^[/!]\s*(?P<cmd>[^\W\d_]+)(?:@\S+)?(?:\s+(?P<rest>.*))?$", re.DOTALL)
_COLON_RE = re.compile(r"^(?P<cmd>[^\W\d_]+)\s*:\s*(?P<rest>.*)$", re.DOTALL)


def _command_for(word: str) -> _Command | None:
    """The command a typed command word means, forgiving one or two typos."""
    low = _fold(word)
    if low in _COMMANDS:
        return _COMMANDS[low]
    if len(low) < 3:
        return None
    best = process.extractOne(
        low,
        _COMMANDS.keys(),
        scorer=OSA.distance,
        score_cutoff=2 if len(low) >= 7 else 1,
    )
    return _COMMANDS[best[0]] if best else None


# ---------------------------------------------------------------------------------------------
# Noise detection
# ---------------------------------------------------------------------------------------------

_KEYBOARD_RUNS = (
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
    "poiuytrewq",
    "lkjhgfdsa",
    "mnbvcxz",
)
_KEYBOARD_RE = re.compile(
    "|".join(run[i : i + 5] for run in _KEYBOARD_RUNS for i in range(len(run) - 4))
)
_AFFIXED_RE = re.compile(r"^(?:me|di|ber|ter|pe)\w{4,}|\w{4,}(?:kan|nya|lah)$")
_NO_VOWEL_RE = re.compile(r"^[b-df-hj-np-tv-xz]{4,}$")
_CONSONANT_RUN_RE = re.compile(r"[b-df-hj-np-tv-xz]{6,}")
_REPEAT_RE = re.compile(r"([^\d])\1{3,}")
_LAUGH_RE = re.compile(r"^(?:(?:wk)+w?|(?:ha)+h?|(?:he)+h?|(?:hi)+h?|(?:xi)+|lo+l|lmao|rofl)$")


def _is_noise(token: _Token) -> bool:
    """A token no language has: keyboard mashing, no vowels, letter repeats, laughter."""
    word = token.canon
    if word in LEXICON or word in _STOPWORDS or word in _CUE_SET:
        return False
    if len(word) > 30:
        return True
    if token.text.isupper() and len(word) <= 6:
        return False  # acronyms such as DPRD or KPK
    return bool(
        _KEYBOARD_RE.search(word)
        or _NO_VOWEL_RE.match(word)
        or _CONSONANT_RUN_RE.search(word)
        or _REPEAT_RE.search(word)
        or _LAUGH_RE.match(word)
    )


# ---------------------------------------------------------------------------------------------
# Known names
# ---------------------------------------------------------------------------------------------


class _NameIndex:
    """Canonical person names and aliases, matched exactly, by token, or fuzzily."""

    def __init__(self, names: Iterable[str], aliases: Mapping[str, str]) -> None:
        cleaned = list(dict.fromkeys(" ".join(n.split()) for n in names if n and n.strip()))
        owners = self._owners(cleaned)
        self.canonical: dict[str, str] = {}  # folded key -> canonical display name
        for name in cleaned:
            self.canonical.setdefault(_fold(name), owners.get(name, name))
        for alias, name in aliases.items():
            self.canonical[_fold(" ".join(alias.split()))] = name
        self.keys: list[str] = list(self.canonical)
        self.by_token: dict[str, set[str]] = {}
        for key, name in self.canonical.items():
            for part in key.split():
                self.by_token.setdefault(part, set()).add(name)
        # Fuzzy look-ups only compare like with like: same first letter, similar length, same
        # number of words. Typos rarely hit a name's first letter, and it keeps 0.1 ms budgets.
        self.tokens_by_shape: dict[tuple[str, int], list[str]] = {}
        for part in self.by_token:
            if len(part) >= 4:
                self.tokens_by_shape.setdefault((part[0], len(part)), []).append(part)
        self.keys_by_shape: dict[tuple[str, int], list[str]] = {}
        for key in self.keys:
            self.keys_by_shape.setdefault((key[0], len(key.split())), []).append(key)
        self.max_len = max((len(k.split()) for k in self.keys), default=0)
        self._closest_cache: dict[str, tuple[str, int] | None] = {}

    @staticmethod
    def _owners(names: Sequence[str]) -> dict[str, str]:
        """An alias that is part of exactly one longer name belongs to that name."""
        containing: dict[str, set[str]] = {}
        for name in names:
            for part in set(_fold(name).split()):
                containing.setdefault(part, set()).add(name)
        owners: dict[str, str] = {}
        for name in names:
            parts = set(_fold(name).split())
            common = set.intersection(*(containing[p] for p in parts))
            longer = {other for other in common if len(other.split()) > len(parts)}
            if len(longer) == 1:
                owners[name] = longer.pop()
        return owners

    def resolve(self, words: Sequence[str]) -> tuple[str, float] | None:
        """The known name these folded words mean, with a 0..100 score, or None."""
        if not words or not self.keys:
            return None
        key = " ".join(words)[:200]
        if key in self.canonical:
            return self.canonical[key], 100.0
        by_parts = self._by_parts(words)
        if by_parts:
            return by_parts
        # Whole-string similarity only among names of as many words, so "rina wulandari pajak"
        # is not taken for "rina wulandari".
        same_shape = self.keys_by_shape.get((key[0], len(words)), [])
        best = process.extractOne(key, same_shape, scorer=fuzz.ratio, score_cutoff=82)
        if best:
            return self.canonical[best[0]], float(best[1])
        return None

    def _by_parts(self, words: Sequence[str]) -> tuple[str, float] | None:
        """Every word is (a typo of) a part of the same single name: "murati", "ilya sutskevr"."""
        candidates: set[str] | None = None
        worst = 100.0
        for word in words:
            owners, score = self._owners_of(word)
            candidates = owners if candidates is None else candidates & owners
            worst = min(worst, score)
            if not candidates:
                return None
        if candidates and len(candidates) == 1:
            return next(iter(candidates)), worst * 0.95
        return None

    def _owners_of(self, word: str) -> tuple[set[str], float]:
        if word in self.by_token:
            return self.by_token[word], 100.0
        best = self.closest_token(word)
        if best is None:
            return set(), 0.0
        return self.by_token[best[0]], 100.0 - 12.0 * best[1]

    def closest_token(self, word: str) -> tuple[str, int] | None:
        """The name part within typo distance (OSA, so "muks" meets "musk"), with the distance."""
        if len(word) < 4 or not self.tokens_by_shape:
            return None
        if word in self._closest_cache:
            return self._closest_cache[word]
        limit = 2 if len(word) >= 9 else 1
        best: tuple[str, int] | None = None
        for size in range(len(word) - limit, len(word) + limit + 1):
            for part in self.tokens_by_shape.get((word[0], size), ()):
                dist = OSA.distance(word, part, score_cutoff=limit)
                if dist <= limit and (best is None or dist < best[1]):
                    best = (part, dist)
        if len(self._closest_cache) < 50_000:
            self._closest_cache[word] = best
        return best

    def longest_prefix(self, words: Sequence[str]) -> tuple[str, int, float] | None:
        """The longest leading run of words that is a known name: (name, length, score)."""
        for size in range(min(len(words), self.max_len + 1), 0, -1):
            found = self.resolve(words[:size])
            if found:
                return found[0], size, found[1]
        return None

    def looks_like_name(self, word: str) -> bool:
        """Whether a token is close to some part of a known name (so not a cue typo)."""
        return word in self.by_token or self.closest_token(word) is not None

    def suggest(self, text: str, limit: int) -> list[str]:
        if not self.keys or not text:
            return []
        found = process.extract(
            text[:200], self.keys, scorer=fuzz.WRatio, limit=limit * 3, score_cutoff=60
        )
        out: list[str] = []
        for key, _score, _index in found:
            name = self.canonical[key]
            if name not in out:
                out.append(name)
        return out[:limit]


# ---------------------------------------------------------------------------------------------
# The matcher
# ---------------------------------------------------------------------------------------------


class IntentMatcher:
    """Parses questions into `Query` values; `names` are the person names the store knows."""

    def __init__(self, names: Sequence[str] = (), aliases: Mapping[str, str] | None = None) -> None:
        self._names = _NameIndex(names, aliases or {})
        self._fix_cache: dict[str, str | None] = {}

    # -- public ------------------------------------------------------------------------------

    def parse(self, text: str) -> Query:
        """The intent, subject, topic and language of one question; never raises."""
        cleaned = _clean(text)
        cleaned, page = _take_page(cleaned)
        command = self._parse_command(text, cleaned, page)
        if command is not None:
            return command
        return self._parse_free(text, cleaned, page)

    def suggest_names(self, text: str, limit: int = 5) -> list[str]:
        """Known names closest to the text, best first, for "did you mean"."""
        tokens = [t.canon for t in _tokenize(_clean(text))]
        words = [w for w in tokens if w not in _STOPWORDS and w not in _QUESTION_WORDS]
        return self._names.suggest(" ".join(words or tokens), limit)

    # -- commands ----------------------------------------------------------------------------

    def _parse_command(self, text: str, cleaned: str, page: int) -> Query | None:
        match = _SLASH_RE.match(cleaned)
        strict = False
        if match is None:
            match = _COLON_RE.match(cleaned)
            strict = True
        if match is None:
            return None
        word = match.group("cmd")
        command = _COMMANDS.get(_fold(word)) if strict else _command_for(word)
        if command is None:
            return None
        rest = (match.group("rest") or "").strip()
        exact = _fold(word) in _COMMANDS
        if command == "ask":
            return self._parse_free(text, rest, page)
        rest, page = _bare_page(rest, page)
        lang = detect_language(rest) if rest else "id"
        query = self._command_query(command, text, rest, lang, page)
        return _with_score(query, 100.0 if exact else 85.0)

    def _command_query(
        self, command: _Command, text: str, rest: str, lang: Lang, page: int
    ) -> Query:
        tokens = self._fix(_tokenize(rest))[:_MAX_TOKENS]
        base = Query(intent="help", text=text, lang=lang, page=page)
        if command in ("help", "sources", "ask"):
            return _replace(base, intent="sources" if command == "sources" else "help")
        if command == "who":
            return _replace(base, intent="who", subject=self._person(tokens)[0])
        if command == "quote":
            person, topic = self._person_and_topic(tokens)
            return _replace(base, intent="quote", subject=person, topic=topic)
        subject = _keywords(tokens) if command == "search" else _subject(tokens)
        return _replace(base, intent=command, subject=subject)

    # -- free text ---------------------------------------------------------------------------

    def _parse_free(self, text: str, cleaned: str, page: int) -> Query:
        lang = detect_language(cleaned)
        base = Query(intent="help", text=text, lang=lang, page=page, score=100.0)
        if not cleaned or _ONLY_QUESTION_MARKS_RE.match(cleaned):
            return base
        all_tokens = _tokenize(cleaned)
        if not all_tokens:
            return _replace(base, intent="unknown", score=0.0)
        tokens, stripped = _strip_fillers(self._fix(all_tokens[:_MAX_TOKENS]))
        if not tokens:
            return base if stripped else _replace(base, intent="unknown", score=0.0)
        matched = self._match_rules(base, tokens)
        if matched is not None:
            return matched
        return self._fallback(base, tokens, truncated=len(all_tokens) > _MAX_TOKENS)

    def _match_rules(self, base: Query, tokens: list[_Token]) -> Query | None:
        canon = " ".join(t.canon for t in tokens)
        starts = _starts(tokens)
        penalty = 8.0 * sum(t.fixed for t in tokens)
        for rule in _RULES:
            match = rule.regex.match(canon)
            if match is None:
                continue
            subject = _group(tokens, starts, match, "S")
            topic = _group(tokens, starts, match, "T")
            query = self._apply(rule, base, subject, topic)
            return _with_score(query, max(30.0, 92.0 - penalty))
        return None

    def _apply(self, rule: _Rule, base: Query, subject: list[_Token], topic: list[_Token]) -> Query:
        if rule.kind == "plain":
            return _replace(base, intent=rule.intent)
        if rule.kind == "event":
            return _replace(base, intent=rule.intent, subject=_subject(subject))
        if rule.kind == "relative":
            return _replace(base, intent="search", subject=_keywords(subject))
        if rule.kind == "quote":
            person, found_topic = self._person_and_topic(subject)
            extra = _subject(_drop_separator(topic))
            return _replace(base, intent="quote", subject=person, topic=extra or found_topic)
        name, known = self._person(subject)
        if known or (
            rule.kind == "person" and _looks_like_name(subject, _has_case_signal(base.text))
        ):
            return _replace(base, intent="who", subject=name)
        return _replace(base, intent="search", subject=_keywords(subject))

    def _fallback(self, base: Query, tokens: list[_Token], truncated: bool) -> Query:
        """No rule matched: noise is unknown, a known name is who, anything else a search."""
        noise = sum(_is_noise(t) for t in tokens)
        if truncated or noise * 2 >= len(tokens):
            return _replace(base, intent="unknown", score=10.0)
        content = tokens[1:] if tokens[0].canon in _SEARCH_LEADS else tokens
        if self._is_bare_name(content):
            return _replace(base, intent="who", subject=self._person(content)[0], score=70.0)
        subject = _keywords(content)
        if not subject:
            return _replace(base, intent="help", score=40.0)
        return _replace(base, intent="search", subject=subject, score=55.0)

    # -- names -------------------------------------------------------------------------------

    def _person(self, tokens: Sequence[_Token]) -> tuple[str, bool]:
        """(canonical name, True) when the tokens are or start with a known name, else raw."""
        words = _trim(tokens)
        folded = [t.canon for t in words if t.canon != "'s"]
        found = self._names.resolve(folded)
        if found is None:
            prefix = self._names.longest_prefix(folded)
            if prefix is not None and _only_context(folded[prefix[1] :]):
                found = (prefix[0], prefix[2])
        if found is not None:
            return found[0], True
        return _display(words[:_MAX_SUBJECT_TOKENS]), False

    def _is_bare_name(self, tokens: Sequence[_Token]) -> bool:
        """A question that is nothing but a known person's name ("Sri Mulyani?")."""
        words = [t.canon for t in _trim(tokens)]
        if not words or len(words) > self._names.max_len:
            return False
        if len(words) == 1 and (words[0] in LEXICON or len(words[0]) < 3):
            return False
        found = self._names.resolve(words)
        return found is not None and found[1] >= 90.0

    def _person_and_topic(self, tokens: Sequence[_Token]) -> tuple[str, str]:
        """Split "X tentang Y" / "X Y" into a person and a topic."""
        words = _trim(tokens)
        for i, token in enumerate(words):
            if i > 0 and token.canon in _SEPARATORS:
                return self._person(words[:i])[0], _subject(words[i + 1 :])
        prefix = self._names.longest_prefix([t.canon for t in words])
        if prefix is not None:
            return prefix[0], _subject(words[prefix[1] :])
        run = _capitalised_run(words)
        if 0 < run < len(words):
            return _display(words[:run]), _subject(words[run:])
        return _display(words[:_MAX_SUBJECT_TOKENS]), ""

    # -- typo correction ---------------------------------------------------------------------

    def _fix(self, tokens: list[_Token]) -> list[_Token]:
        out: list[_Token] = []
        for i, token in enumerate(tokens):
            word = token.canon
            if i == 0 and word in _FIRST_WORD_SLANG:
                out.append(_Token(_FIRST_WORD_SLANG[word], token.text, True))
            elif word in _SLANG:
                out.append(_Token(_SLANG[word], token.text))
            else:
                fixed = self._cue_typo(word)
                out.append(_Token(fixed, token.text, True) if fixed else token)
        return out

    def _cue_typo(self, word: str) -> str | None:
        if word in _CUE_SET or word in LEXICON or word in _STOPWORDS:
            return None
        if word in self._fix_cache:
            return self._fix_cache[word]
        cue = _cue_for(word)
        if cue is not None and self._names.looks_like_name(word):
            cue = None
        if len(self._fix_cache) < 50_000:
            self._fix_cache[word] = cue
        return cue


# ---------------------------------------------------------------------------------------------
# Helpers on token lists
# ---------------------------------------------------------------------------------------------


def _replace(query: Query, **changes: object) -> Query:
    """dataclasses.replace with the Query type kept for mypy."""
    fields = {
        "intent": query.intent,
        "text": query.text,
        "subject": query.subject,
        "topic": query.topic,
        "lang": query.lang,
        "page": query.page,
        "score": query.score,
    }
    fields.update(changes)
    return Query(**fields)  # type: ignore[arg-type]


def _with_score(query: Query, score: float) -> Query:
    return _replace(query, score=score)


def _take_page(text: str) -> tuple[str, int]:
    """A trailing "page 2" / "halaman 2" is a page request, not part of the question."""
    match = _PAGE_RE.search(text)
    if match is None:
        return text, 1
    return text[: match.start()], max(1, int(match.group(1)))


def _bare_page(rest: str, page: int) -> tuple[str, int]:
    """ "/sources 2": a command followed by nothing but a number asks for that page."""
    if rest.isdigit() and len(rest) <= 3:
        return "", max(1, int(rest))
    return rest, page


def _strip_fillers(tokens: list[_Token]) -> tuple[list[_Token], bool]:
    """Drop greetings and politeness at both ends; report whether anything was dropped."""
    start = 0
    moved = True
    while moved and start < len(tokens):
        moved = False
        for phrase in _LEAD_FILLERS:
            end = start + len(phrase)
            if tuple(t.canon for t in tokens[start:end]) == phrase:
                start, moved = end, True
                break
    end = len(tokens)
    while end > start and tokens[end - 1].canon in _TRAIL_FILLERS:
        end -= 1
    return tokens[start:end], start > 0 or end < len(tokens)


def _starts(tokens: Sequence[_Token]) -> list[int]:
    starts: list[int] = []
    offset = 0
    for token in tokens:
        starts.append(offset)
        offset += len(token.canon) + 1
    return starts


def _group(
    tokens: Sequence[_Token], starts: Sequence[int], match: re.Match[str], name: str
) -> list[_Token]:
    """The tokens a named regex group covers (groups always fall on token boundaries)."""
    if name not in match.re.groupindex or match.group(name) is None:
        return []
    begin, end = match.span(name)
    return [t for t, s in zip(tokens, starts, strict=True) if begin <= s < end]


def _trim(tokens: Sequence[_Token]) -> list[_Token]:
    """Stopwords and question words cut from both ends."""
    words = list(tokens)
    while words and (words[0].canon in _STOPWORDS or words[0].canon in _QUESTION_WORDS):
        words.pop(0)
    while words and (words[-1].canon in _STOPWORDS or words[-1].canon in _QUESTION_WORDS):
        words.pop()
    return words


def _subject(tokens: Sequence[_Token]) -> str:
    """The content of a topic: question words dropped anywhere, stopwords at the edges."""
    kept = [t for t in tokens if t.canon not in _QUESTION_WORDS]
    return _display(_trim(kept)[:_MAX_SUBJECT_TOKENS])


def _keywords(tokens: Sequence[_Token]) -> str:
    """A search's content words: every stopword and question word dropped."""
    kept = [t for t in tokens if t.canon not in _QUESTION_WORDS and t.canon not in _STOPWORDS]
    return _display(kept[:_MAX_SUBJECT_TOKENS])


def _display(tokens: Sequence[_Token]) -> str:
    """The tokens as typed, capped so pasted walls of text never reach the store as a query."""
    text = " ".join(t.text for t in tokens if t.text)
    return text if len(text) <= _MAX_SUBJECT_CHARS else text[:_MAX_SUBJECT_CHARS].rstrip()


def _drop_separator(tokens: list[_Token]) -> list[_Token]:
    return tokens[1:] if tokens and tokens[0].canon in _SEPARATORS else tokens


def _only_context(words: Sequence[str]) -> bool:
    """What follows a name is just "dari OpenAI"-like context, not another subject."""
    return len(words) <= 3 and (not words or words[0] in _STOPWORDS)


def _looks_like_name(tokens: Sequence[_Token], case_signal: bool) -> bool:
    """Whether an unknown who-subject reads as a person's name rather than a description.

    With a case signal (the question mixes upper and lower case) every word must be
    capitalised; typed all in one case, no word may be a known word or an affixed verb.
    """
    words = _trim(tokens)
    if not 0 < len(words) <= 5:
        return False
    for token in words:
        if token.canon in _STOPWORDS:
            return False
        known = token.canon in LEXICON
        if case_signal:
            title_case = token.text[:1].isupper() and not token.text.isupper()
            if not token.text[:1].isupper() or (known and not title_case):
                return False
        elif known or _AFFIXED_RE.match(token.canon):
            return False
    return True


def _has_case_signal(text: str) -> bool:
    return any(c.isupper() for c in text) and any(c.islower() for c in text)


def _capitalised_run(tokens: Sequence[_Token]) -> int:
    """How many leading tokens are capitalised like a name ("Budi Santoso ekonomi" -> 2)."""
    count = 0
    for token in tokens:
        if not token.text[:1].isupper() or token.canon in _STOPWORDS:
            break
        count += 1
    return count

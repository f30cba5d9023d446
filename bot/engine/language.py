"""Tell Indonesian from English questions by their function words.

Indonesian is the default: most users and all the articles are Indonesian, so short, ambiguous or
nonsense text, and bare names, stay "id". English must win clearly.
"""

from __future__ import annotations

import re
import unicodedata

from bot.engine.answer import Lang


def _words(text: str) -> tuple[str, ...]:
    """A word list written as one string (easier to read and edit than a list literal)."""
    return tuple(text.split())


# Function words and question words that are frequent and specific to one language. Words shared by
# both ("data", "model", "ai", "ceo", "di" vs "do") are left out on purpose.
_ID_WORDS = frozenset(
    _words("""
    apa apakah siapa siapakah kapan kapankah mengapa kenapa bagaimana gimana berapa dimana mana
    yang dan dengan untuk dari pada ini itu tidak bukan sudah telah akan adalah ada oleh dalam
    karena saja juga atau tentang soal kata dikatakan ke di kami kita saya aku kamu anda mereka
    dia ia tolong bisa bantuan sumber artikel kronologi linimasa tanggal terjadi peristiwa urutan
    jabatan kutipan pernyataan mengenai terkait sih dong nya kah lah pun ya apa-apa seperti
    setelah sebelum sejak hingga sampai tersebut halo hai selamat pagi siang malam terima kasih
    daftar cara pakai bagaimanakah apanya sebagai agar supaya namun tetapi tapi jadi lalu
    cari carikan temukan tampilkan tunjukkan jelaskan sebutkan berikan beri
    """)
)
_EN_WORDS = frozenset(
    _words("""
    the a an is are was were be been being what who whom whose when where why which how did does
    do done has have had of to in on at for with about from by this that these those it its he
    she they them his her their you your i me my we our can could would should will shall tell
    say said says happened happen quote quotes sources source help articles article
    please thanks thank hello hi hey and or but not no yes there here than then into over after
    before since during until role position job date day year fired resign resigned released
    delayed announced chronology history statement statements list show give find search
    """)
)
# Typos of the commonest words, so "waht did" or "whn was" still read as English.
_EN_TYPOS = frozenset(
    _words("waht wat wht whn wen woh hwo teh hte abotu abt didnt dont doesnt whos whats hows")
)
_ID_TYPOS = frozenset(_words("siap siapaa kpn kapn knp gmn brp yg dgn utk tdk sy apaa bgmn"))

_WORD_RE = re.compile(r"[^\W\d_]+")
# Indonesian affixes on longer words: me-/di-/ber-/ter-/pe- prefixes and -kan/-nya/-an suffixes.
_ID_MORPH_RE = re.compile(
    r"^(?:mem|men|meng|meny|di|ber|ter|per|pen|peng)\w{4,}|\w{4,}(?:kan|nya)$"
)
# English endings that Indonesian words rarely have.
_EN_MORPH_RE = re.compile(r"\w{3,}(?:ing|tion|ed|ly)$")


def detect_language(text: str) -> Lang:
    """ "en" when English function words clearly outweigh Indonesian ones, else "id"."""
    words = _WORD_RE.findall(unicodedata.normalize("NFKC", text).lower()[:2000])
    id_score, en_score = _scores(words)
    if en_score >= 1.0 and en_score > id_score * 1.5:
        return "en"
    return "id"


def _scores(words: list[str]) -> tuple[float, float]:
    """Weighted evidence for Indonesian and for English; morphology counts half a word."""
    id_score = 0.0
    en_score = 0.0
    for word in words:
        id_hit = word in _ID_WORDS or word in _ID_TYPOS
        en_hit = word in _EN_WORDS or word in _EN_TYPOS
        if id_hit or en_hit:
            id_score += id_hit
            en_score += en_hit
        elif _ID_MORPH_RE.match(word):
            id_score += 0.5
        elif _EN_MORPH_RE.match(word):
            en_score += 0.5
    return id_score, en_score

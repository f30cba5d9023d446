"""Tell Indonesian from English questions by their grammar and question words.

Indonesian is the default: most users and all the articles are Indonesian, so short, ambiguous or
nonsense text, and bare names, stay "id". English must win clearly.

Evidence words: each language's grammar words (`knowledge/vocab/function_words_*.txt`, which
share no word) plus the engine's question, command and chat words for it
(`bot/engine/vocab/language_cues_*.txt`, with common misspellings; for English also the chat
fillers of `chat_fillers_en.txt`), less the three English grammar words Indonesian news uses too.
"""

from __future__ import annotations

import re

from bot.engine.answer import Lang
from bot.engine.vocab import ENGINE_VOCABULARY
from knowledge.text import letter_words
from knowledge.vocab import VOCABULARY

_MAX_CHARS = 2000  # the evidence of a longer text is in its start
_ID_WORDS = VOCABULARY.words("function_words_id") | ENGINE_VOCABULARY.words("language_cues_id")
# "AS" is Amerika Serikat, and "start up", "play off" are Indonesian loans: in the IndoSum
# headlines these alone made Indonesian text look English.
_ALSO_INDONESIAN = frozenset({"as", "off", "up"})
_EN_WORDS = (
    (VOCABULARY.words("function_words_en") - _ALSO_INDONESIAN)
    | ENGINE_VOCABULARY.words("chat_fillers_en")
    | ENGINE_VOCABULARY.words("language_cues_en")
)

# Indonesian affixes on longer words: me- (with its nasal forms), di-, ber-, ter-, pe- prefixes
# and -kan/-nya suffixes.
_ID_MORPH_RE = re.compile(r"^(?:me(?:m|n|ng|ny)|di|ber|ter|pe(?:r|n|ng))\w{4,}|\w{4,}(?:kan|nya)$")
# English endings that Indonesian words rarely have.
_EN_MORPH_RE = re.compile(r"\w{3,}(?:ing|tion|ed|ly)$")


def detect_language(text: str) -> Lang:
    """ "en" when English evidence clearly outweighs Indonesian (at least one word, and half as
    much again as the Indonesian evidence), else "id". Never raises."""
    id_score, en_score = _scores(letter_words(text[:_MAX_CHARS]))
    if en_score >= 1.0 and en_score > id_score * 1.5:
        return "en"
    return "id"


def _scores(words: list[str]) -> tuple[float, float]:
    """Weighted evidence for Indonesian and for English; morphology counts half a word."""
    id_score = 0.0
    en_score = 0.0
    for word in words:
        id_hit = word in _ID_WORDS
        en_hit = word in _EN_WORDS
        if id_hit or en_hit:
            id_score += id_hit
            en_score += en_hit
        elif _ID_MORPH_RE.match(word):
            id_score += 0.5
        elif _EN_MORPH_RE.match(word):
            en_score += 0.5
    return id_score, en_score

"""English word forms: a question's "embezzle" finds an article's "embezzled".

The store indexes Sastrawi stems, and Sastrawi leaves English words as they are, so an English
article is indexed by its inflected forms ("embezzled", "prosecutors", "receded"). A question's
English word therefore stands for every inflection of its base: "embezzle" for embezzles,
embezzled, embezzling; "teachers" for teacher. A base is taken only when it is an English word
(SCOWL's list, `knowledge/vocab/english_words.txt`) and the typed word is no Indonesian root
word (KBBI, as Sastrawi ships it): "asing" is not "as" + ing, "kasus" not "kasu" + s.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources

from knowledge.text import fold
from knowledge.vocab import VOCABULARY

MIN_BASE = 3  # letters of the shortest base an ending is taken off ("led" is no "l" + ed)
_VOWELS = re.compile(r"[aeiou]+")
_ENGLISH = VOCABULARY.words("english_words")


@cache
def kbbi_roots() -> frozenset[str]:
    """The root words of Indonesian (KBBI) that Sastrawi ships, folded."""
    roots = resources.files("Sastrawi.Stemmer").joinpath("data/kata-dasar.txt")
    return frozenset(fold(w.strip()) for w in roots.read_text(encoding="utf-8").split())


def inflect(word: str) -> list[str]:
    """ "arrest+" -> arrest, arrests, arrested, arresting; "leave+/left" -> leave, leaves,
    left, leaving; a word without "+" is kept as it is."""
    if "+" not in word:
        return [word]
    base, _, past = word.partition("+")
    past = past.lstrip("/")
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = base + "es"
    elif re.search(r"[^aeiou]y$", base):
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    stemmed = base
    if re.search(r"[^aeiou][aeiou][^aeiouwxy]$", base) and len(_VOWELS.findall(base)) == 1:
        stemmed = base + base[-1]  # stop -> stopped, ban -> banned
    if not past:
        if base.endswith("e"):
            past = base + "d"
        elif re.search(r"[^aeiou]y$", base):
            past = base[:-1] + "ied"
        else:
            past = stemmed + "ed"
    if base.endswith("e") and not base.endswith(("ee", "ye")):
        ing = base[:-1] + "ing"
    else:
        ing = stemmed + "ing"
    return list(dict.fromkeys([base, third, past, ing]))


def bases(word: str) -> list[str]:
    """The English words `word` may be an inflection of ("receded" -> recede; "studies" ->
    study; "running" -> run), or itself when it is an English word of no shorter one; [] for
    a word that is none (an Indonesian word, a name)."""
    if not word.isalpha() or word in kbbi_roots():
        return []
    found = [b for b in _unsuffixed(word) if len(b) >= MIN_BASE and b in _ENGLISH]
    if not found and word in _ENGLISH:
        found = [word]
    return list(dict.fromkeys(found))


@lru_cache(maxsize=20_000)
def forms(word: str) -> tuple[str, ...]:
    """Every inflection of every base of `word` (see `bases`), `word` itself first; just
    (word,) for a word that is no English inflection."""
    out = [word]
    for base in bases(word):
        out += inflect(base + "+")
    return tuple(dict.fromkeys(out))


def _unsuffixed(word: str) -> list[str]:
    """What the word may be without an inflectional ending, most likely first."""
    out: list[str] = []
    if word.endswith("ies"):
        out.append(word[:-3] + "y")
    if word.endswith("es") and word[:-2].endswith(("s", "sh", "ch", "x", "z", "o")):
        out.append(word[:-2])
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        out.append(word[:-1])
    if word.endswith("ied"):
        out.append(word[:-3] + "y")
    if word.endswith("ed"):
        out += [word[:-1], word[:-2], _undoubled(word[:-2])]
    if word.endswith("ing"):
        out += [word[:-3] + "e", word[:-3], _undoubled(word[:-3])]
    return out


def _undoubled(base: str) -> str:
    """ "stopp" -> stop: the doubled consonant of "stopped" and "running"."""
    return base[:-1] if len(base) > 2 and base[-1] == base[-2] else base

"""How an English word is spelt as an Indonesian loanword: "construction" -> konstruksi.

Much of the vocabulary of Indonesian news is borrowed from English (or Dutch, with the same
outcome) and respelt by the rules of Indonesian spelling (Pedoman Umum Pembentukan Istilah):
-tion becomes -si, -ity -itas, -ic -ik, -ical -is, -ive -if, -ure -ur, -ary -er, -gy -gi;
c becomes k (s before e, i, y), ph f, th t, x ks, qu ku, -ject -yek, y i; doubled consonants
are written once. A verb's noun in -asi is the usual loan of an English verb ("accredit" ->
akreditasi, "operate" -> operasi, "distribute" -> distribusi). Words in -cy are left alone:
"policy" would be spelt as polisi, the police. Each rule gives a candidate spelling; a
question's word looks for all of them, and those no article holds simply find nothing. The
lexicon (`vocab/lexicon.yaml`) still gives the native words ("budget" -> anggaran).

Source: the suffix and letter correspondences of Pedoman Umum Pembentukan Istilah (Badan
Bahasa, 2007), as applied to English, written as code because they are rules, not a word list.
"""

from __future__ import annotations

import re
from functools import lru_cache

MIN_LETTERS = 5  # shorter English words are too often spelt like an unrelated Indonesian one

# Suffixes, longest first: English ending -> Indonesian endings.
_SUFFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ization", ("isasi",)),
    ("isation", ("isasi",)),
    ("ction", ("ksi",)),
    ("ation", ("asi",)),
    ("ition", ("isi",)),
    ("ution", ("usi",)),
    ("ssion", ("si",)),
    ("sion", ("si",)),
    ("tion", ("si",)),
    ("ical", ("is", "ikal")),
    ("ics", ("ik",)),
    ("ity", ("itas",)),
    ("ism", ("isme",)),
    ("ist", ("is",)),
    ("ive", ("if",)),
    ("ary", ("er", "ari")),
    ("ory", ("ori",)),
    ("ure", ("ur",)),
    ("ment", ("men",)),
    ("ance", ("ansi",)),
    ("ice", ("isi", "is")),
    ("ence", ("ensi",)),
    ("ize", ("isasi",)),
    ("ise", ("isasi",)),
    ("ate", ("asi",)),
    ("ute", ("usi",)),
    ("gy", ("gi",)),
    ("ry", ("ri",)),
    ("my", ("mi",)),
    ("ic", ("ik",)),
)
_LETTERS: tuple[tuple[str, str], ...] = (
    ("ject", "yek"),
    ("tech", "tek"),
    ("chr", "kr"),
    ("ph", "f"),
    ("th", "t"),
    ("qu", "ku"),
    ("ck", "k"),
    ("x", "ks"),
    ("ou", "u"),
)
_C_SOFT_RE = re.compile(r"c(?=[eiy])")
_DOUBLE_RE = re.compile(r"([bcdfgklmnprstz])\1")


@lru_cache(maxsize=20_000)
def loan_spellings(word: str) -> tuple[str, ...]:
    """Indonesian spellings an English word (folded, a base form) may be borrowed as, without
    the word itself; () for a short word or one of other letters."""
    if len(word) < MIN_LETTERS or not word.isascii() or not word.isalpha():
        return ()
    if word.endswith("cy"):
        return ()
    stems: list[str] = []
    for ending, loans in _SUFFIXES:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stems += [word[: -len(ending)] + loan for loan in loans]
            break
    else:
        stems.append(word)
        if word.endswith("e"):
            stems.append(word[:-1])  # "culture" has its -ure rule; "route" keeps both
        elif not word.endswith(("s", "y")):
            stems.append(word + "asi")  # the verb's noun: "accredit" -> akreditasi
    out = [_respelt(s) for s in stems]
    return tuple(w for w in dict.fromkeys(out) if w != word)


def _respelt(word: str) -> str:
    word = word[0] + word[1:].replace("y", "i")
    for english, indonesian in _LETTERS:
        word = word.replace(english, indonesian)
    word = _C_SOFT_RE.sub("s", word).replace("c", "k")
    return _DOUBLE_RE.sub(r"\1", word)

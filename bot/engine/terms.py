"""Query words to stemmed term groups, and how well a sentence covers them.

Each content word of a question becomes one group: its own stem plus the stems of its lexicon
equivalents ("fired" -> pecat, henti, copot). A sentence covers a group when it holds any stem of
it. Requiring coverage of most groups, not just a bm25 hit on one word, is what keeps answers
honest: a sentence that merely shares "OpenAI" with the question is not an answer.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from bot.engine.english import bases, forms
from bot.engine.lexicon import LEXICON, STOPWORDS_EN, STOPWORDS_ID, expand_terms
from bot.engine.loanwords import loan_spellings
from bot.engine.roles import contracted, portfolio_forms
from knowledge.text import stem, words

_STOP = STOPWORDS_ID | STOPWORDS_EN


@dataclass(frozen=True)
class TermGroup:
    """One content word of a question (`word`, folded) and the stems that stand for it."""

    word: str
    stems: frozenset[str]


def term_groups(text: str, max_groups: int = 8) -> list[TermGroup]:
    """The question's content words as term groups, in order, at most `max_groups`: stopwords
    (lexicon.STOPWORDS_*), one-letter words and repeats dropped; lexicon and portfolio
    equivalents, English inflections, loanword spellings and the words a contracted title
    stands for ("sekda": sekretaris daerah) added. Two words the lexicon or the portfolios
    know as one phrase ("home affairs": dalam negeri) each take the phrase's equivalents, so a
    sentence stating the phrase in the other language covers both."""
    groups: list[TermGroup] = []
    seen: set[str] = set()
    folded = words(text)
    for i, word in enumerate(folded):
        if word in _STOP or len(word) < 2 or word in seen:
            continue
        seen.add(word)
        # An English word stands for its inflections too: English articles are indexed as
        # written ("embezzle" finds "embezzled").
        stems = {stem(form) for form in forms(word)}
        # ... and for the Indonesian loanwords it may be respelt as ("konstruksi").
        loans = [loan for base in bases(word) for loan in loan_spellings(base)]
        stems.update(stem(loan) for loan in loans)
        equivalents = [*expand_terms([word])[1:], *contracted(word), *portfolio_forms(word)]
        for pair in (folded[i - 1 : i + 1] if i else [], folded[i : i + 2]):
            if len(pair) == 2:
                equivalents += _phrase_equivalents(" ".join(pair))
        stems.update(_longest_stem(t) for t in equivalents)
        groups.append(TermGroup(word, frozenset(s for s in stems if s)))
        if len(groups) >= max_groups:
            break
    return groups


def _phrase_equivalents(pair: str) -> list[str]:
    """The equivalents of two words the lexicon or the portfolios know as one phrase ("home
    affairs": dalam negeri, interior; "interest rates": suku bunga), else []."""
    listed = LEXICON.get(pair, ())
    if not listed:
        first, last = pair.split()
        # An English plural or inflection of a listed phrase ("interest rates").
        phrases = (f"{first} {b}" for b in bases(last))
        listed = next((LEXICON[p] for p in phrases if p in LEXICON), ())
    return [form for form in (*listed, *portfolio_forms(pair)) if form != pair]


def _longest_stem(term: str) -> str:
    """A multi-word equivalent ("mengundurkan diri") is represented by its longest word: the
    short ones ("diri") would match nearly anything."""
    parts = [p for p in words(term) if p not in _STOP and len(p) > 2]
    return stem(max(parts, key=len)) if parts else ""


def covered(groups: Sequence[TermGroup], stemmed_sentence: str) -> int:
    """How many groups have a stem in the sentence (given as `knowledge.text.stem_text`)."""
    tokens = set(stemmed_sentence.split())
    return sum(1 for g in groups if g.stems & tokens)


def needed(groups: Sequence[TermGroup]) -> int:
    """How many groups a sentence must cover to count as an answer."""
    n = len(groups)
    return n if n <= 2 else math.ceil(n * 2 / 3)

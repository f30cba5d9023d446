"""The bilingual (English <-> Indonesian) news lexicon and the engine's stopwords.

English questions must find Indonesian articles, so the engine expands a question's content
words with their equivalents before searching. The groups live in `bot/engine/vocab/lexicon.yaml`
(general news vocabulary grouped by meaning): every form of a group expands to every other form
of the group, in both directions. The stopwords are the shared grammar words of each language
(`knowledge/vocab/function_words_*.txt`) plus the engine's chat fillers (`chat_fillers_*.txt`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.engine.english import bases
from bot.engine.vocab import ENGINE_VOCABULARY
from knowledge.vocab import VOCABULARY, VocabularyError


def _lexicon(groups: Any) -> dict[str, tuple[str, ...]]:
    """Each form (a word or a phrase) -> every form of every group it belongs to, in order.

    Raises VocabularyError when the file is not a list of {en: [...], id: [...]} groups.
    """
    if not isinstance(groups, list):
        raise VocabularyError("lexicon.yaml: expected a list of synonym groups")
    table: dict[str, list[str]] = {}
    for group in groups:
        if not isinstance(group, dict) or set(group) - {"en", "id"}:
            raise VocabularyError(f"lexicon.yaml: a group needs only en/id lists, got {group!r}")
        forms = [str(f).lower() for side in ("en", "id") for f in group.get(side) or ()]
        for form in forms:
            merged = table.setdefault(form, [])
            merged.extend(f for f in forms if f not in merged)
    return {form: tuple(forms) for form, forms in table.items()}


LEXICON: dict[str, tuple[str, ...]] = _lexicon(ENGINE_VOCABULARY.data("lexicon"))

STOPWORDS_ID: frozenset[str] = VOCABULARY.words("function_words_id") | ENGINE_VOCABULARY.words(
    "chat_fillers_id"
)
STOPWORDS_EN: frozenset[str] = VOCABULARY.words("function_words_en") | ENGINE_VOCABULARY.words(
    "chat_fillers_en"
)


def expand_terms(words: Sequence[str]) -> list[str]:
    """The words (lower-cased) plus their lexicon equivalents in both languages, deduplicated,
    order kept; empty words dropped.

    Words and adjacent word pairs are both looked up so "step down" or "rumah sakit" expand whole;
    an unlisted English inflection falls back to its base ("regulators", "postponing").
    """
    lowered = [w.lower() for w in words if w.strip()]
    out: list[str] = []
    seen: set[str] = set()

    def add(term: str) -> None:
        if term not in seen:
            seen.add(term)
            out.append(term)

    for i, word in enumerate(lowered):
        add(word)
        if i + 1 < len(lowered):
            for term in LEXICON.get(f"{word} {lowered[i + 1]}", ()):
                add(term)
        listed = LEXICON.get(word, ())
        if not listed:
            # An unlisted inflection reaches its base's group ("regulators", "embezzled").
            listed = next((LEXICON[b] for b in bases(word) if b in LEXICON), ())
        for term in listed:
            add(term)
    return out

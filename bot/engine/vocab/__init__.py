"""The word lists only the answer engine uses (question phrasing, chat slang, the lexicon...).

The files sit beside this module; the format and the loader are `knowledge.vocab`'s. Word lists
the engine shares with extraction (grammar words, months) stay in `knowledge/vocab/`.
"""

from __future__ import annotations

from pathlib import Path

from knowledge.vocab import Vocabulary

ENGINE_VOCABULARY = Vocabulary(Path(__file__).parent)

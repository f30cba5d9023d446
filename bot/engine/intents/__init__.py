"""Intent matching: a question in, a `Query` (intent, subject, topic, language) out.

`tokens` cleans and tokenizes, `typos` corrects slang and cue-word typos, `commands` reads slash
commands, `rules` holds the ordered phrasing rules, `matcher` puts them together.
"""

from bot.engine.intents.matcher import IntentMatcher

__all__ = ["IntentMatcher"]

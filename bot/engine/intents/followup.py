"""Reading a follow-up question against the conversation's last person and topic.

"kapan dia mundur?" after a question about Teguh Wiyono is "kapan Teguh Wiyono mundur?";
"apa katanya?" is "apa kata Teguh Wiyono?"; "and when?" is "when <the last topic>"; "kalau
CTO-nya?" after "siapa CEO Kirimin?" is "siapa CTO Kirimin?". The rewrite happens on tokens,
before the intent rules run, so a follow-up is matched exactly like the full question. A
question that names a person itself is left alone. The words are data:
`vocab/follow_ups.yaml` (pronouns, the clitic, elliptic openings) and `vocab/clitic_words.txt`
(words that merely end in "nya").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.engine.conversation import Context
from bot.engine.intents import tokens as tk
from bot.engine.intents.titles import is_title
from bot.engine.intents.tokens import Token
from bot.engine.lexicon import LEXICON
from bot.engine.names import PersonIndex
from bot.engine.vocab import ENGINE_VOCABULARY
from knowledge.text import fold

_DATA = ENGINE_VOCABULARY.data("follow_ups")
PRONOUNS = frozenset(str(w) for w in _DATA["person_pronouns"])
_CLITICS = tuple(str(c) for c in _DATA["clitics"])
_LEADS = tuple(tuple(str(p).split()) for p in _DATA["ellipsis_leads"])
_INTENT_CUES = {str(k): tuple(str(v).split()) for k, v in _DATA["intent_cues"].items()}
_TOPIC_QUESTIONS = frozenset(str(w) for w in _DATA["topic_questions"])
_NOT_CLITIC = ENGINE_VOCABULARY.words("clitic_words")
_EXACT_PART = 95.0  # PersonIndex.resolve's score for a word that is exactly part of one name
_MIN_BASE = 3  # "umurnya" -> umur; a shorter base ("tanya" -> ta) is no word


@dataclass(frozen=True)
class Resolved:
    """A question's tokens after follow-up reading. `pronoun` is the pronoun as typed when the
    question is nothing but one ("dan dia?") and the conversation names nobody it could mean."""

    tokens: list[Token]
    pronoun: str = ""


class FollowUps:
    """Rewrites follow-up questions with the conversation's person and topic (see module doc)."""

    def __init__(self, names: PersonIndex) -> None:
        self._names = names

    def resolve(self, tokens: list[Token], context: Context | None) -> Resolved:
        """The tokens with pronouns, "-nya" and elliptic questions spelt out from `context`."""
        lead = _lead_length(tokens)
        body = tokens[lead:]
        if not body:
            return Resolved(tokens)
        context = context or Context()
        pronouns = [t for t in body if t.canon in PRONOUNS]
        if not context.person and pronouns and _only(body, PRONOUNS):
            return Resolved(tokens, pronoun=pronouns[0].text or pronouns[0].canon)
        if not context or self._names_someone(body):
            return Resolved(tokens)
        person = _name_tokens(context.person)
        out: list[Token] = []
        leaned = titled = False
        for token in body:
            base = _clitic_base(token)
            if token.canon in PRONOUNS and person:
                out.extend(person)
                leaned = True
            elif base is not None and (owner := _owner(base, context) or person):
                out.extend([base, *owner])
                leaned = True
                titled = titled or is_title(base)
            else:
                out.append(token)
        if leaned:
            # "kalau CTO-nya?" after a who-question still asks who: the last intent's cue.
            return Resolved(_with_cue(out, context) if lead and titled else out)
        return Resolved(self._elliptic(out, context, bool(lead)))

    def _elliptic(self, body: list[Token], context: Context, lead: bool) -> list[Token]:
        """ "and when?", "kenapa naik?", "kalau CTO Kirimin?": the question borrows the last
        topic (when it asks only a question word and at most one other word) or the last
        intent (when it opens with "dan"/"kalau" and asks no question word)."""
        asks = [t for t in body if t.canon in tk.QUESTION_WORDS or t.canon in _TOPIC_QUESTIONS]
        content = [t for t in body if t not in asks and t.canon not in tk.STOPWORDS]
        topic = [Token(fold(w), w) for w in context.topic.split()]
        one_word = (
            len(content) == 1
            and bool(asks)
            and asks[0].canon in _TOPIC_QUESTIONS
            and not self._is_name_word(content[0])
        )
        if asks and topic and (not content or one_word):
            return [*body, *topic]
        if lead and not asks and content:
            return _with_cue(body, context)
        return body

    def _is_name_word(self, token: Token) -> bool:
        """Exactly a word of a known name (a typo of one is likelier a common word here)."""
        found = self._names.resolve([token.canon])
        return found is not None and found[1] >= _EXACT_PART

    def _names_someone(self, body: Sequence[Token]) -> bool:
        people, _rest = self._names.in_text(" ".join(t.canon for t in body))
        return bool(people)


def _with_cue(body: list[Token], context: Context) -> list[Token]:
    """The body after the last intent's cue ("siapa" after a who-question), unless it asks a
    question word of its own. A search has no cue: what the last one asked stays, with the
    body in place of its person ("and the women's race?" after "what was Kiptoo's time?")."""
    if any(t.canon in tk.QUESTION_WORDS for t in body):
        return body
    cue = _INTENT_CUES.get(context.intent, ())
    if cue:
        return [*(Token(w, w) for w in cue), *body]
    person = set(fold(context.person).split())
    kept = [Token(fold(w), w) for w in context.topic.split() if fold(w) not in person]
    return [*body, *kept]


def _lead_length(tokens: Sequence[Token]) -> int:
    """How many leading tokens are an elliptic opening ("dan", "what about")."""
    words = tuple(t.canon for t in tokens)
    for lead in _LEADS:
        if words[: len(lead)] == lead and len(words) > len(lead):
            return len(lead)
    return 0


def _only(tokens: Sequence[Token], allowed: frozenset[str]) -> bool:
    """Every token is allowed, a grammar word or a question word."""
    return all(
        t.canon in allowed or t.canon in tk.STOPWORDS or t.canon in tk.QUESTION_WORDS
        for t in tokens
    )


def _clitic_base(token: Token) -> Token | None:
    """ "katanya" -> kata, "CTO-nya" -> CTO; None for words that merely end in "nya"."""
    word = token.canon
    if word in _NOT_CLITIC or word in tk.QUESTION_WORDS:
        return None
    for clitic in _CLITICS:
        if not word.endswith(clitic):
            continue
        cut = len(word) - len(clitic)
        base = word[:cut].rstrip("-")
        if len(base) < _MIN_BASE or not base.isalpha():
            return None
        typed = token.text[: len(token.text) - len(clitic)].rstrip("-") if token.text else base
        return Token(base, typed)
    return None


def _name_tokens(name: str) -> list[Token]:
    return [Token(fold(w), w) for w in name.split()]


def _owner(base: Token, context: Context) -> list[Token]:
    """What a title's "-nya" belongs to: the last topic without its titles, grammar words and
    the person's name ("CEO Kirimin" -> Kirimin, for "CTO-nya"); [] for other words."""
    if not is_title(base):
        return []
    topic = context.topic
    skip = set(fold(context.person).split())
    words = [Token(fold(w), w) for w in topic.split()]
    words = [
        t
        for t in words
        if t.canon not in skip
        and t.canon not in tk.STOPWORDS
        and t.canon not in tk.QUESTION_WORDS
        and not is_title(t)
    ]
    # Typed with capitals, the organisation is what is capitalised ("Kirimin", not "baru");
    # typed all lower case, it is what is no common word.
    if tk.has_case_signal(topic):
        return [t for t in words if t.text[:1].isupper()]
    return [t for t in words if t.canon not in LEXICON]

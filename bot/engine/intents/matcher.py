"""Turn a free-text or slash-command question into a `Query`: intent, subject, topic, language.

The matcher cleans and tokenizes the question (`tokens.py`), corrects slang and cue typos
(`typos.py`), then tries the ordered rules (`rules.py`) on the canonical token string; the spans
a rule marks are mapped back to the typed tokens. Person names are recognised through the
engine's one `PersonIndex`, the same index /who, /quote and autocomplete use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from bot.engine.answer import Lang, Query
from bot.engine.conversation import Context
from bot.engine.intents import titles
from bot.engine.intents import tokens as tk
from bot.engine.intents.commands import COLON_RE, COMMANDS, SLASH_RE, Command, command_for
from bot.engine.intents.followup import FollowUps
from bot.engine.intents.rules import RULES, Rule
from bot.engine.intents.tokens import Token
from bot.engine.intents.typos import CueCorrector, is_noise
from bot.engine.language import detect_language
from bot.engine.lexicon import LEXICON
from bot.engine.names import PersonIndex
from bot.engine.roles import LINKS, RolePhrase, verb_title
from bot.engine.roles import parse as parse_role
from knowledge.text import fold

_SURE = 90.0  # a name found after a title must be this sure (0-100): the title is no typo
# Indonesian verb and noun affixes: a word wearing one is a word, not an unknown name.
_AFFIXED_RE = re.compile(r"^(?:me|di|ber|ter|pe)\w{4,}|\w{4,}(?:kan|nya|lah)$")


class IntentMatcher:
    """Parses questions into `Query` values.

    `names` is the engine's `PersonIndex`, or bare name strings (with `aliases`, alias -> name)
    from which one is built. Scores are 0-100: 100 an exact command, 92 a rule (less 8 per
    corrected typo), 70 a bare known name, 55 a plain search, 10 noise.
    """

    def __init__(
        self, names: PersonIndex | Iterable[str] = (), aliases: Mapping[str, str] | None = None
    ) -> None:
        if isinstance(names, PersonIndex):
            self._names = names
        else:
            self._names = PersonIndex.from_names(names, aliases)
        self._corrector = CueCorrector(self._names)
        self._follow_ups = FollowUps(self._names)

    # -- public ------------------------------------------------------------------------------

    def parse(self, text: str, context: Context | None = None) -> Query:
        """The intent, subject, topic and language of one question; never raises.

        `context` is the conversation's memory: a follow-up's pronouns and ellipses are read
        against it ("kapan dia mundur?"). A question that is only a pronoun nothing in it
        explains gets intent "unknown" and the pronoun in `Query.pronoun`.
        """
        cleaned, page = tk.take_page(tk.clean(text))
        command = self._parse_command(text, cleaned, page, context)
        if command is not None:
            return command
        return self._parse_free(text, cleaned, page, context)

    def command(self, command: Command, argument: str, lang: Lang | None = None) -> Query:
        """The query of a slash command whose argument was typed as an option of its own: the
        same reading as "/when <argument>", without building that text and parsing it again.
        The language is `lang` when given (the reader's client), else the argument's own."""
        rest, page = tk.bare_page(tk.clean(argument), 1)
        lang = lang or (detect_language(rest) if rest else "id")
        text = f"/{command} {argument}".strip()
        return replace(self._command_query(command, text, rest, lang, page), score=100.0)

    def suggest_names(self, text: str, limit: int = 5) -> list[str]:
        """Known names closest to the question's content words, best first, for "did you mean"."""
        tokens = [t.canon for t in tk.tokenize(tk.clean(text))]
        words = [w for w in tokens if w not in tk.STOPWORDS and w not in tk.QUESTION_WORDS]
        return self._names.suggest(" ".join(words or tokens), limit)

    # -- commands ----------------------------------------------------------------------------

    def _parse_command(
        self, text: str, cleaned: str, page: int, context: Context | None = None
    ) -> Query | None:
        match = SLASH_RE.match(cleaned)
        strict = False
        if match is None:
            match = COLON_RE.match(cleaned)
            strict = True
        if match is None:
            return None
        word = match.group("cmd")
        command = command_for(word, strict)
        if command is None:
            return None
        rest = (match.group("rest") or "").strip()
        if command == "ask":
            return self._parse_free(text, rest, page, context)
        rest, page = tk.bare_page(rest, page)
        lang = detect_language(rest) if rest else "id"
        query = self._command_query(command, text, rest, lang, page, context)
        return replace(query, score=100.0 if fold(word) in COMMANDS else 85.0)

    def _command_query(
        self,
        command: Command,
        text: str,
        rest: str,
        lang: Lang,
        page: int,
        context: Context | None = None,
    ) -> Query:
        tokens = self._corrector.fix(tk.tokenize(rest))[: tk.MAX_TOKENS]
        base = Query(intent="help", text=text, lang=lang, page=page)
        if context is not None and command in ("who", "quote", "when", "timeline"):
            resolved = self._follow_ups.resolve(tokens, context)
            if resolved.pronoun:
                return replace(base, intent="unknown", pronoun=resolved.pronoun)
            tokens = resolved.tokens
        if command == "who":
            return replace(base, intent="who", subject=self._person(tokens)[0])
        if command == "quote":
            person, topic = self._person_and_topic(tokens)
            return replace(base, intent="quote", subject=person, topic=topic)
        if command == "search" and tk.keywords(tokens):
            return replace(base, intent="search", subject=tk.keywords(tokens))
        if command == "when" or command == "timeline":
            return replace(base, intent=command, subject=tk.subject(tokens))
        return replace(base, intent="sources" if command == "sources" else "help")

    # -- free text ---------------------------------------------------------------------------

    def _parse_free(
        self, text: str, cleaned: str, page: int, context: Context | None = None
    ) -> Query:
        lang = detect_language(cleaned)
        base = Query(intent="help", text=text, lang=lang, page=page, score=100.0)
        if not cleaned:
            return base
        all_tokens = tk.tokenize(cleaned)
        if not all_tokens or tk.ONLY_QUESTION_MARKS_RE.match(cleaned):
            return replace(base, intent="unknown", score=0.0)
        fixed = self._corrector.fix(all_tokens[: tk.MAX_TOKENS])
        resolved = self._follow_ups.resolve(fixed, context)
        if resolved.pronoun:
            return replace(base, intent="unknown", pronoun=resolved.pronoun, score=90.0)
        tokens, _stripped = tk.strip_fillers(resolved.tokens)
        if not tokens:
            # A greeting or a thank-you asks nothing: the unknown answer greets back.
            return replace(base, intent="unknown", score=0.0)
        matched = self._match_rules(base, tokens)
        if matched is not None:
            return matched
        return self._fallback(base, tokens, truncated=len(all_tokens) > tk.MAX_TOKENS)

    def _match_rules(self, base: Query, tokens: list[Token]) -> Query | None:
        canon = " ".join(t.canon for t in tokens)
        offsets = tk.starts(tokens)
        penalty = 8.0 * sum(t.fixed for t in tokens)
        for rule in RULES:
            match = rule.regex.match(canon)
            if match is None:
                continue
            subject = tk.group(tokens, offsets, match, "S")
            topic = tk.group(tokens, offsets, match, "T")
            query = self._apply(rule, base, subject, topic)
            return replace(query, score=max(30.0, 92.0 - penalty))
        return None

    def _apply(self, rule: Rule, base: Query, subject: list[Token], topic: list[Token]) -> Query:
        if rule.kind == "plain":
            return replace(base, intent=rule.intent)
        if rule.kind == "event":
            return replace(base, intent=rule.intent, subject=tk.subject(subject))
        if rule.kind == "relative":
            role = self._role_by_verb(subject)
            if role:
                return replace(base, intent="who", subject=role, role=role)
            return replace(base, intent="search", subject=tk.keywords(subject))
        if rule.kind == "quote":
            person, found_topic = self._person_and_topic(subject)
            extra = tk.subject(tk.drop_separator(topic))
            return replace(base, intent="quote", subject=person, topic=extra or found_topic)
        name, known = self._person(subject)
        role = self._role(subject)
        # "lurah Hendra", "Kapolres Malang Kota AKBP Yudha" name a person by their title; in
        # "pelatih timnas Indonesia" the title is asked about.
        if role and not (known and self._titled_person(subject)):
            return replace(base, intent="who", subject=role, role=role)
        untitled = titles.drop_honorifics(tk.trim(subject))
        if known or (
            rule.kind == "person" and _looks_like_name(untitled, tk.has_case_signal(base.text))
        ):
            return replace(base, intent="who", subject=name)
        return replace(base, intent="search", subject=tk.keywords(subject))

    def _fallback(self, base: Query, tokens: list[Token], truncated: bool) -> Query:
        """No rule matched: noise is unknown, a known name is who, anything else a search."""
        noise = sum(is_noise(t) for t in tokens)
        if truncated or noise * 2 >= len(tokens):
            return replace(base, intent="unknown", score=10.0)
        content = tokens[1:] if tokens[0].canon in tk.SEARCH_LEADS else tokens
        if self._is_bare_name(content):
            return replace(base, intent="who", subject=self._person(content)[0], score=70.0)
        subject = tk.keywords(content)
        if not subject:
            return replace(base, intent="help", score=40.0)
        return replace(base, intent="search", subject=subject, score=55.0)

    # -- names -------------------------------------------------------------------------------

    def _person(self, tokens: Sequence[Token]) -> tuple[str, bool]:
        """(canonical name, True) when the tokens are or start with a known name, else raw.

        Honorifics before a name are dropped ("bu Rina"), and so is a title with its place
        when a known name follows it ("lurah Hendra", "Kapolres Malang Kota AKBP Yudha")."""
        words = titles.drop_honorifics(tk.trim(tokens))
        found = self._known(words)
        if found is None:
            for cut in titles.title_cuts(words):
                found = self._known(titles.drop_honorifics(words[cut:]), _SURE)
                if found is not None:
                    break
        if found is not None:
            return found, True
        return tk.display(words[: tk.MAX_SUBJECT_TOKENS]), False

    def _known(self, words: Sequence[Token], least: float = 0.0) -> str | None:
        """The known name the words are, or start with before mere context ("dari OpenAI"),
        scoring at least `least`."""
        folded = [t.canon for t in words if t.canon != "'s"]
        found = self._names.resolve(folded)
        if found is None:
            prefix = self._names.longest_prefix(folded)
            if prefix is not None and tk.only_context(folded[prefix[1] :]):
                found = (prefix[0], prefix[2])
        return found[0] if found is not None and found[1] >= least else None

    def _role(self, tokens: Sequence[Token]) -> str:
        """The role a who-subject asks for ("kepala dinas pendidikan Medan"), as typed; "" when
        it names no title, or when what follows the title is a known person ("lurah Hendra")."""
        words = tk.trim(tokens)
        phrase = parse_role(" ".join(t.canon for t in words), asked=True)
        if phrase is None:
            return ""
        person = self._names.resolve(list(phrase.org)) if phrase.org else None
        if person is not None and person[1] >= 90.0 and not _linked(phrase):
            return ""
        return tk.display(words[: tk.MAX_SUBJECT_TOKENS])

    def _titled_person(self, tokens: Sequence[Token]) -> bool:
        """Whether a known name follows a title word, rank or honorific right before it."""
        words = titles.drop_honorifics(tk.trim(tokens))
        return any(
            titles.is_title(words[cut - 1])
            and self._known(titles.drop_honorifics(words[cut:]), _SURE) is not None
            for cut in titles.title_cuts(words)
        )

    def _role_by_verb(self, tokens: Sequence[Token]) -> str:
        """ "who chairs X", "siapa yang memimpin X": the role of X the verb names, else ""."""
        words = tk.trim(tokens)
        if len(words) < 2:
            return ""
        title = verb_title(words[0].canon)
        if title is None:
            return ""
        rest = tk.display(tk.trim(words[1 : tk.MAX_SUBJECT_TOKENS]))
        return f"{title} {rest}" if rest else ""

    def _is_bare_name(self, tokens: Sequence[Token]) -> bool:
        """A question that is nothing but a known person's name ("Sri Mulyani?")."""
        words = [t.canon for t in tk.trim(tokens)]
        if not words or len(words) > self._names.max_words:
            return False
        if len(words) == 1 and (words[0] in LEXICON or len(words[0]) < 3):
            return False
        found = self._names.resolve(words)
        return found is not None and found[1] >= 90.0

    def _person_and_topic(self, tokens: Sequence[Token]) -> tuple[str, str]:
        """Split "X tentang Y" / "X Y" into a person and a topic."""
        words = titles.drop_honorifics(tk.trim(tokens))
        for i, token in enumerate(words):
            if i > 0 and token.canon in tk.SEPARATORS:
                return self._person(words[:i])[0], tk.subject(words[i + 1 :])
        prefix = self._names.longest_prefix([t.canon for t in words])
        if prefix is not None:
            return prefix[0], tk.subject(words[prefix[1] :])
        for cut in titles.title_cuts(words):
            rest = titles.drop_honorifics(words[cut:])
            prefix = self._names.longest_prefix([t.canon for t in rest])
            if prefix is not None and prefix[2] >= _SURE:
                return prefix[0], tk.subject(rest[prefix[1] :])
        run = tk.capitalised_run(words)
        if 0 < run < len(words):
            return tk.display(words[:run]), tk.subject(words[run:])
        return tk.display(words[: tk.MAX_SUBJECT_TOKENS]), ""


def _linked(phrase: RolePhrase) -> bool:
    """Whether a grammar or case word stands between a role's title and the name after it:
    "presiding judge in the Wirawan case" asks for the judge, "lurah Hendra" names Hendra."""
    at = phrase.words.index(phrase.org[0]) if phrase.org[0] in phrase.words else 0
    return at > 0 and phrase.words[at - 1] in LINKS


def _looks_like_name(tokens: Sequence[Token], case_signal: bool) -> bool:
    """Whether an unknown who-subject reads as a person's name rather than a description.

    With a case signal (the question mixes upper and lower case) every word must be
    capitalised; typed all in one case, no word may be a known word or an affixed verb.
    """
    words = tk.trim(tokens)
    if not 0 < len(words) <= 5:
        return False
    for token in words:
        if token.canon in tk.STOPWORDS:
            return False
        known = token.canon in LEXICON
        if case_signal:
            title_case = token.text[:1].isupper() and not token.text.isupper()
            if not token.text[:1].isupper() or (known and not title_case):
                return False
        elif known or _AFFIXED_RE.match(token.canon):
            return False
    return True

"""What users send, read back into plain text, and the conversation it belongs to.

Slack sends message and command text with `&`, `<` and `>` escaped and with links, users and
channels in angle brackets (`<https://x|x>`, `<@U123>`, `<#C1|berita>`); the engine wants the
text as the user saw it.
"""

from __future__ import annotations

import re

_ENTITY = re.compile(r"&(amp|lt|gt);")
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">"}
_ANGLED = re.compile(r"<([^<>|]*)(?:\|([^<>]*))?>")


def plain_text(slack_text: str, bot_user_id: str | None = None) -> str:
    """`slack_text` as the user saw it, without mentions of the bot, stripped."""

    def shown(match: re.Match[str]) -> str:
        target, label = match.group(1), match.group(2)
        if bot_user_id and target == f"@{bot_user_id}":
            return " "
        if label:
            return label if target[:1] not in "@#" else target[0] + label
        # <!here>, <!channel>: shown as typed, never sent back as a mention (see render.escape)
        return "@" + target[1:].split("^")[0] if target.startswith("!") else target

    text = _ANGLED.sub(shown, slack_text)
    return _ENTITY.sub(lambda m: _ENTITIES[m.group(1)], text).strip()


def conversation_key(team: str, channel: str, thread: str | None) -> str:
    """A Slack conversation for the engine: a thread, or a whole DM or channel when the
    message is not in one (`thread` None)."""
    return f"slack:{team}:{channel}:{thread or channel}"

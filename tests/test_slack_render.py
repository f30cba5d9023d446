"""The Slack renderer, reading of incoming text, and Slack settings: pure functions, no network."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.config import ConfigError, load_settings
from bot.engine.answer import Answer, Citation, Fact, Query
from bot.slack.commands import QUESTION_COMMANDS, QUESTIONS
from bot.slack.incoming import conversation_key, plain_text
from bot.slack.reload import may_send_token
from bot.slack.render import (
    ACTION_NEXT,
    ACTION_PREVIOUS,
    BUTTON_VALUE_LIMIT,
    MAX_BLOCKS,
    SECTION_LIMIT,
    escape,
    read_page_ref,
    render_message,
    render_pages,
    render_report,
)
from knowledge.models import BuildReport, DateValue

MANIFEST = Path(__file__).resolve().parent.parent / "bot" / "slack" / "manifest.yaml"
NASTY = "<!channel> & <@U0SPAM> *tebal* _miring_ ~coret~ ```kode``` "


def _huge_answer(facts: int = 120, page: int = 1, pages: int = 1) -> Answer:
    query = Query("timeline", "/timeline " + NASTY * 50, subject=NASTY * 50, lang="id")
    cited = tuple(
        Fact(
            "event",
            Citation(
                article=f"a{i}",
                title=NASTY * 20,
                date=DateValue.day(date(2024, 1, 1 + i % 28)),
                snippet=(f"Kalimat {i}. " + NASTY * 200),
                url=f"https://example.org/{i}?a=1&b=2",
                source=NASTY * 5,
            ),
            date=DateValue.day(date(2024, 1, 1 + i % 28)),
        )
        for i in range(facts)
    )
    return Answer(
        query, "timeline", True, "timeline_title", NASTY * 30, cited, page=page, pages=pages
    )


def _texts(block: dict[str, Any]) -> list[str]:
    if block["type"] == "section":
        return [block["text"]["text"]]
    return [
        e["text"] if isinstance(e["text"], str) else e["text"]["text"] for e in block["elements"]
    ]


def test_escape_turns_every_ping_and_markup_into_text() -> None:
    shown = escape(NASTY)
    for raw in ("<!channel>", "<@U0SPAM>", "*", "_", "~", "`", " & "):
        assert raw not in shown
    assert shown.startswith("&lt;!channel&gt; &amp; &lt;@U0SPAM&gt;")


def test_a_huge_answer_stays_within_every_slack_limit() -> None:
    answer = _huge_answer()
    pages = render_pages(answer)
    assert len(pages) > 10
    shown_facts = 0
    for index in range(len(pages)):
        message = render_message(answer, "U1", index)
        assert len(message.blocks) <= MAX_BLOCKS
        assert len(message.text) <= 3000
        for block in message.blocks:
            assert all(len(t) <= SECTION_LIMIT for t in _texts(block))
            assert len(block.get("elements", ())) <= 10
            for element in block.get("elements", ()):
                assert len(element.get("value", "")) <= BUTTON_VALUE_LIMIT
        dumped = json.dumps(message.payload(), ensure_ascii=False)
        assert "<!channel>" not in dumped and "<@U0SPAM>" not in dumped
        shown_facts += sum(1 for b in message.blocks if "Kalimat" in _texts(b)[0])
    assert shown_facts == len(answer.facts)  # every fact on some page, none twice


def test_pager_buttons_lead_to_the_neighbouring_messages_and_parts() -> None:
    answer = _huge_answer(facts=8, page=2, pages=3)
    pages = render_pages(answer)
    assert len(pages) == 2

    def targets(index: int) -> dict[str, tuple[int, int]]:
        blocks = render_message(answer, "U1", index).blocks
        buttons = [e for b in blocks if b["type"] == "actions" for e in b["elements"]]
        refs = {b["action_id"]: read_page_ref(b["value"]) for b in buttons}
        assert all(r is not None and r.owner == "U1" for r in refs.values())
        return {k: (r.query.page, r.index) for k, r in refs.items() if r is not None}

    assert targets(0) == {ACTION_PREVIOUS: (1, -1), ACTION_NEXT: (2, 1)}
    assert targets(1) == {ACTION_PREVIOUS: (2, 0), ACTION_NEXT: (3, 0)}
    only = render_message(_huge_answer(facts=2), "U1").blocks
    assert not any(b["type"] == "actions" for b in only)  # nothing to turn to


def test_a_page_ref_keeps_the_query_and_refuses_forgeries() -> None:
    answer = _huge_answer(facts=8, page=1, pages=2)
    button = render_message(answer, "U7", 1).blocks[-1]["elements"][-1]
    ref = read_page_ref(button["value"])
    assert ref is not None and ref.query.intent == "timeline" and ref.query.page == 2
    assert ref.query.subject == answer.query.subject[: len(ref.query.subject)]
    for forged in ("", "{}", "[1]", '{"q": {"i": "rm -rf", "l": "id"}, "p": 1, "x": 0, "u": "U"}'):
        assert read_page_ref(forged) is None


def test_not_found_and_report_messages() -> None:
    query = Query("search", "<!here> zebra", subject="<!here> zebra", lang="en")
    message = render_message(Answer(query, "search", False, "search_none", "<!here> zebra"), "U1")
    assert "&lt;!here&gt; zebra" in message.text and "<!here>" not in message.text
    report = BuildReport(added=("<!channel>",) * 500, failed=(("x.txt", "bad & <b>"),))
    blocks = render_report(report, "id").blocks
    assert all(len(t) <= SECTION_LIMIT for b in blocks for t in _texts(b))
    assert "<!channel>" not in json.dumps(blocks)


def test_incoming_text_is_read_as_the_user_saw_it() -> None:
    raw = "<@U0BOT> siapa &lt;b&gt; &amp; <https://x.test/a|tautan> <#C1|berita> <!here>?"
    assert plain_text(raw, "U0BOT") == "siapa <b> & tautan #berita @here?"
    assert conversation_key("T1", "C1", "171.1") == "slack:T1:C1:171.1"
    assert conversation_key("T1", "D1", None) == "slack:T1:D1:D1"


def test_the_bot_token_goes_only_over_https_or_to_the_api_host() -> None:
    api = "http://127.0.0.1:8000/api/"
    assert may_send_token("https://files.slack.test/files-pri/F1/a.txt", api)
    assert may_send_token("http://127.0.0.1:8000/files-pri/F1/a.txt", api)
    assert not may_send_token("http://elsewhere.test/a.txt", api)
    assert not may_send_token("file:///etc/passwd", api)


def test_slack_settings() -> None:
    s = load_settings(
        {
            "SLACK_BOT_TOKEN": "xoxb-1",
            "SLACK_APP_TOKEN": "xapp-1",
            "SLACK_API_URL": "http://127.0.0.1:9/api",
            "SLACK_MODERATOR_IDS": "U012AB3CD, W0ENTERPRISE",
        }
    )
    assert s.slack_enabled and s.slack_api_url == "http://127.0.0.1:9/api/"
    assert s.slack_moderator_ids == ("U012AB3CD", "W0ENTERPRISE")
    assert "xoxb-1" not in repr(s) and "xapp-1" not in repr(s)
    assert load_settings({}).slack_api_url == "https://slack.com/api/"
    assert not load_settings({}).slack_enabled


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"SLACK_BOT_TOKEN": "xoxb-1"}, "SLACK_APP_TOKEN"),
        ({"SLACK_APP_TOKEN": "xapp-1"}, "SLACK_BOT_TOKEN"),
        ({"SLACK_BOT_TOKEN": "xapp-1", "SLACK_APP_TOKEN": "xoxb-1"}, "SLACK_BOT_TOKEN"),
        ({"SLACK_MODERATOR_IDS": "alice"}, "SLACK_MODERATOR_IDS"),
        ({"SLACK_API_URL": "slack.com/api"}, "SLACK_API_URL"),
    ],
)
def test_bad_slack_settings_name_the_variable(env: dict[str, str], named: str) -> None:
    with pytest.raises(ConfigError, match=named):
        load_settings(env)


def test_the_manifest_creates_what_the_handlers_serve() -> None:
    manifest = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    commands = [c["command"] for c in manifest["features"]["slash_commands"]]
    assert commands == [f"/{c}" for c in QUESTION_COMMANDS] + ["/reload"]
    assert all(QUESTIONS.match(c) for c in commands[:-1])
    settings = manifest["settings"]
    assert settings["socket_mode_enabled"] is True and settings["interactivity"]["is_enabled"]
    assert settings["event_subscriptions"]["bot_events"] == ["app_mention", "message.im"]
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    assert {"app_mentions:read", "chat:write", "commands", "im:history", "users:read"} <= scopes
    assert {"files:read", "files:write"} <= scopes


def test_a_citation_says_when_its_article_appeared_and_the_label_when_it_happened() -> None:
    day = DateValue.day(date(2024, 3, 2))
    cited = Citation("jembatan", "Jembatan putus", day, "Jembatan putus pada 2 Maret 2024.")
    event = Fact("event", replace(cited, published=date(2024, 3, 10)), date=day)
    query = Query("when", "kapan jembatan putus?", lang="id")
    answer = Answer(query, "when", True, "when_found", "jembatan", (event,))
    blocks = render_message(answer, "U1").blocks
    texts = [t for block in blocks for t in _texts(block)]
    assert any("2 Maret 2024" in t for t in texts)
    assert any("10 Maret 2024" in t for t in texts)

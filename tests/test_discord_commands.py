"""Slash commands end to end: the real discord.py client and NewsService against a fake Discord."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from discord.utils import escape_markdown
from fake_discord import (
    DEFERRED,
    EPHEMERAL,
    MANAGE_GUILD,
    MESSAGE,
    MOD_ROLE_ID,
    OWNER_ID,
    FakeDiscord,
    custom_ids,
    slow_down,
)

import bot.discord.commands as commands_module
from bot.config import Settings
from bot.discord.client import NewsBot
from bot.discord.commands import NewsTranslator, choices
from bot.discord.render import render_answer, text
from bot.engine.answer import Answer, Query
from bot.service import NewsService

QUESTION_COMMANDS = {"ask", "who", "when", "timeline", "quote", "search"}
ALL_COMMANDS = QUESTION_COMMANDS | {"sources", "help", "reload"}
NEW_ARTICLE = """Petani kopi Toraja panen raya

Rantepao - Ketua koperasi kopi Toraja, Yohanis Pasulu, mengatakan panen naik dua kali lipat.
"Harga di tingkat petani juga membaik," kata Yohanis Pasulu pada Selasa (14/5/2024).
Koperasi itu akan mengekspor 40 ton kopi ke Jepang pada Agustus 2024.
"""


async def _until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "condition never became true"
        await asyncio.sleep(0.001)


def _synced(fake: FakeDiscord) -> list[dict[str, Any]]:
    put = [r for r in fake.requests if r.method == "PUT" and r.path.endswith("/commands")]
    assert len(put) == 1
    commands: list[dict[str, Any]] = put[0].body
    return commands


async def _a_name(service: NewsService) -> str:
    names = await service.complete_names("")
    assert names, "the bundled knowledge base should know some people"
    return names[0]


async def test_synced_commands_have_descriptions_and_english_localisations(
    fake: FakeDiscord, bot: NewsBot
) -> None:
    commands = {c["name"]: c for c in _synced(fake)}
    assert set(commands) == ALL_COMMANDS
    for name, command in commands.items():
        assert command["description"], name
        assert command["description_localizations"]["en-US"] != command["description"]
        for option in command.get("options", []):
            assert option["description"], (name, option["name"])
            assert option["description_localizations"]["en-GB"], (name, option["name"])
    for name in QUESTION_COMMANDS:
        private = [o for o in commands[name]["options"] if o["name"] == "private"]
        assert private and private[0]["type"] == 5 and not private[0]["required"], name
    who_name = commands["who"]["options"][0]
    assert (who_name["name"], who_name["autocomplete"], who_name["required"]) == (
        "name",
        True,
        True,
    )
    assert commands["quote"]["options"][0]["autocomplete"] is True
    assert commands["timeline"]["options"][0]["autocomplete"] is True
    assert int(commands["reload"]["default_member_permissions"]) == MANAGE_GUILD
    assert commands["reload"]["options"][0]["type"] == 11  # an attachment
    assert commands["who"]["default_member_permissions"] is None


async def test_translator_only_answers_for_english() -> None:
    import discord
    from discord import app_commands

    translator = NewsTranslator()
    string = app_commands.locale_str("Nama orang", key="who.name")
    context: app_commands.TranslationContextTypes = app_commands.TranslationContext(
        app_commands.TranslationContextLocation.other, None
    )
    english = await translator.translate(string, discord.Locale.american_english, context)
    french = await translator.translate(string, discord.Locale.french, context)
    assert english == "The person's name"
    assert french is None


async def test_who_answers_with_an_embed_carrying_citations(
    fake: FakeDiscord, bot: NewsBot, service: NewsService
) -> None:
    name = await _a_name(service)
    pushed = await fake.command("who", {"name": name})
    reply = await fake.reply(pushed)
    expected = render_answer(await service.answer(Query("who", f"/who {name}", subject=name)))
    embed = reply["embeds"][0]
    assert embed["title"] == expected[0].title
    assert embed["fields"], "a found person must come with cited snippets"
    assert embed["fields"][0]["value"] == expected[0].fields[0].value
    assert reply["allowed_mentions"] == {"parse": []}
    assert not reply.get("flags", 0) & EPHEMERAL


async def test_private_option_makes_the_reply_ephemeral(
    fake: FakeDiscord, bot: NewsBot, service: NewsService
) -> None:
    name = await _a_name(service)
    pushed = await fake.command("who", {"name": name, "private": True})
    callback = await fake.callback(pushed)
    assert callback["type"] in (MESSAGE, DEFERRED)
    assert callback["data"]["flags"] & EPHEMERAL


async def test_a_slow_answer_is_deferred_then_edited_in(
    fake: FakeDiscord, bot: NewsBot, service: NewsService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(commands_module, "DEFER_AFTER", 0.05)
    real_answer = slow_down(monkeypatch, service, "answer", 0.3)
    name = await _a_name(service)
    pushed = await fake.command("who", {"name": name}, locale="en-US")
    callback = await fake.callback(pushed)
    assert callback["type"] == DEFERRED
    edited = await fake.reply(pushed)
    expected = render_answer(await real_answer(Query("who", name, subject=name, lang="en")))
    assert edited["embeds"][0]["title"] == expected[0].title
    assert edited["allowed_mentions"] == {"parse": []}


async def test_english_locale_gets_an_english_not_found(fake: FakeDiscord, bot: NewsBot) -> None:
    pushed = await fake.command("who", {"name": "Zyxwq Qwertzuiop"}, locale="en-US")
    embed = (await fake.reply(pushed))["embeds"][0]
    assert embed["title"] == "Nothing found"
    assert "fields" not in embed or all("—" not in f["value"] for f in embed["fields"])


async def test_autocomplete_returns_at_most_25_fitting_choices(
    fake: FakeDiscord, bot: NewsBot, service: NewsService
) -> None:
    name = await _a_name(service)
    prefix = name[:3]
    got = await fake.autocomplete("who", {"name": prefix}, "name")
    assert 0 < len(got) <= 25
    assert all(0 < len(c["name"]) <= 100 and c["name"] == c["value"] for c in got)
    assert name in [c["name"] for c in got]
    expected = [c.name for c in choices(await service.complete_names(prefix))]
    assert [c["name"] for c in got] == expected
    empty = await fake.autocomplete("quote", {"person": ""}, "person")
    assert len(empty) <= 25


def test_choices_are_clipped_deduplicated_and_capped() -> None:
    names = ["A" * 150, "A" * 150, "", "  Sri Mulyani  "] + [f"Orang {i}" for i in range(40)]
    got = choices(names)
    assert len(got) == 25
    assert len(got[0].name) == 100
    assert [c.name for c in got].count("A" * 100) == 1
    assert got[1].name == "Sri Mulyani"


@pytest.fixture
def chronicle(settings: Settings) -> Path:
    """An article of 40 dated events, so the whole timeline needs several parts and pages."""
    people = ["Dewi Lestari", "Bambang Irawan", "Siti Rahayu", "Agus Salim", "Rudi Hartono"]
    deeds = [
        "meresmikan pasar ikan di Surabaya",
        "menandatangani kontrak pembangunan jembatan di Kupang",
        "membuka festival musik di Medan",
        "mengumumkan kenaikan upah buruh di Semarang",
        "meluncurkan aplikasi layanan pajak di Makassar",
    ]
    months = ["Januari", "Maret", "Mei", "Juli", "September", "November"]
    lines = ["Kronik kegiatan para pejabat daerah", ""]
    for i in range(40):
        day, month, year = 1 + i % 27, months[i % len(months)], 2001 + i // 3
        person, deed = people[i % len(people)], deeds[(i // 2) % len(deeds)]
        lines.append(f"Pada {day} {month} {year}, {person} {deed}.")
    path = settings.articles[0] / "kronik_pejabat.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


async def test_long_timeline_pages_with_buttons(
    chronicle: Path, fake: FakeDiscord, bot: NewsBot, service: NewsService
) -> None:
    answer = await service.answer(Query("timeline", "/timeline"))
    pages = render_answer(answer)
    assert len(pages) > 1, "a part of the whole timeline should need more than one embed"
    pushed = await fake.command("timeline")
    first = await fake.reply(pushed)
    assert first["embeds"][0]["fields"][0]["value"] == pages[0].fields[0].value
    ids = custom_ids(first)
    assert ids[:2] == ["pager:previous", "pager:next"]
    assert [i.rsplit(":", 1)[0] for i in ids[2:]] == ["newsbot:vote:up", "newsbot:vote:down"]
    assert len(first["components"]) == 1, "the vote buttons sit beside the pager's"
    buttons = first["components"][0]["components"]
    assert (buttons[0]["disabled"], buttons[1]["disabled"]) == (True, False)

    other = await fake.press(fake.original(pushed), "pager:next", user_id=1234)
    refused = await fake.callback(other)
    assert refused["type"] == MESSAGE and refused["data"]["flags"] & EPHEMERAL

    turned = await fake.update(await fake.press(fake.original(pushed), "pager:next"))
    second = turned["embeds"][0]
    assert second["fields"][0]["value"] == pages[1].fields[0].value
    assert f"Halaman 2/{len(pages)}" in second["footer"]["text"]
    assert turned["components"][0]["components"][0]["disabled"] is False


async def test_timeline_pager_walks_into_the_next_part_and_back(
    chronicle: Path, fake: FakeDiscord, bot: NewsBot, service: NewsService
) -> None:
    first_part = await service.answer(Query("timeline", "/timeline"))
    assert first_part.pages > 1, "40 events should not fit in one part"
    pages = render_answer(first_part)
    pushed = await fake.command("timeline")
    await fake.reply(pushed)
    message = fake.original(pushed)
    for _ in range(len(pages)):
        shown = await fake.update(await fake.press(message, "pager:next"))
    second_part = render_answer(await service.answer(Query("timeline", "/timeline", page=2)))
    embed = shown["embeds"][0]
    assert embed["fields"][0]["value"] == second_part[0].fields[0].value
    assert embed["footer"]["text"].startswith(f"Bagian 2/{first_part.pages}")

    back = await fake.update(await fake.press(message, "pager:previous"))
    assert back["embeds"][0]["fields"][-1]["value"] == pages[-1].fields[-1].value


async def test_everyone_in_a_question_or_answer_never_pings(
    fake: FakeDiscord, bot: NewsBot
) -> None:
    asked = await fake.command("ask", {"question": "@everyone @here siapa <@&1> itu?"})
    searched = await fake.command("search", {"query": "@everyone"})
    for pushed in (asked, searched):
        reply = await fake.reply(pushed)
        assert reply["allowed_mentions"] == {"parse": []}
    sent = [r.body for r in fake.requests if isinstance(r.body, dict) and "data" in r.body]
    assert all(b["data"].get("allowed_mentions", {"parse": []}) == {"parse": []} for b in sent)


async def test_an_exception_in_the_service_becomes_a_polite_message(
    fake: FakeDiscord,
    bot: NewsBot,
    service: NewsService,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def broken(question: object) -> None:
        raise RuntimeError("database is locked")

    monkeypatch.setattr(service, "answer", broken)
    monkeypatch.setattr(service, "ask", broken)
    caplog.set_level(logging.ERROR)
    indonesian = await fake.reply(await fake.command("who", {"name": "siapa saja"}))
    english = await fake.reply(await fake.command("search", {"query": "x"}, locale="en-GB"))
    assert indonesian["content"] == text("error", "id")
    assert english["content"] == text("error", "en")
    assert "database is locked" not in indonesian["content"]
    assert any("database is locked" in str(r.exc_info) for r in caplog.records)


async def test_a_failure_after_deferring_replaces_the_thinking_message(
    fake: FakeDiscord, bot: NewsBot, service: NewsService, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def slow_then_broken(query: Query) -> Answer:
        await asyncio.sleep(0.2)
        raise ValueError("index corrupted")

    monkeypatch.setattr(commands_module, "DEFER_AFTER", 0.05)
    monkeypatch.setattr(service, "answer", slow_then_broken)
    pushed = await fake.command("timeline", {"private": True})
    assert (await fake.callback(pushed))["type"] == DEFERRED
    edited = await fake.reply(pushed)
    assert edited["content"] == text("error", "id")
    assert edited["embeds"] == [] and edited["components"] == []


async def test_reload_by_a_non_moderator_changes_nothing(
    fake: FakeDiscord, bot: NewsBot, settings: Settings
) -> None:
    before = sorted(p.name for p in settings.articles[0].iterdir())
    resolved = fake.upload("kopi.txt", NEW_ARTICLE.encode())
    attachment = {"attachment": next(iter(resolved["attachments"]))}
    pushed = await fake.command("reload", {"file": attachment}, resolved=resolved, roles=(5,))
    reply = await fake.reply(pushed)
    assert reply["content"] == text("reload_refused", "id")
    assert reply["flags"] & EPHEMERAL
    dm = await fake.command("reload", guild=False, user_id=4321)
    assert (await fake.reply(dm))["content"] == text("reload_refused_dm", "id")
    await asyncio.sleep(0.1)
    assert sorted(p.name for p in settings.articles[0].iterdir()) == before
    assert not any(r.path.startswith("/attachments") for r in fake.requests)


async def test_reload_by_a_moderator_swaps_in_an_upload_while_questions_are_answered(
    fake: FakeDiscord, bot: NewsBot, service: NewsService, settings: Settings
) -> None:
    name = await _a_name(service)
    missing = await fake.reply(await fake.command("who", {"name": "Yohanis Pasulu"}))
    assert missing["embeds"][0]["title"] == text("not_found", "id")

    resolved = fake.upload("kopi_toraja.txt", NEW_ARTICLE.encode())
    attachment = {"attachment": next(iter(resolved["attachments"]))}
    reload = await fake.command(
        "reload", {"file": attachment}, resolved=resolved, roles=(MOD_ROLE_ID,)
    )
    await _until(lambda: service.reloading)
    second = await fake.command("reload", permissions=MANAGE_GUILD, user_id=777)
    questions = [await fake.command("who", {"name": name}, user_id=1000 + i) for i in range(6)]

    busy = await fake.reply(second, timeout=30)
    assert busy["content"] == text("reload_busy", "id")
    replies = [await fake.reply(q) for q in questions]
    assert all(r["embeds"][0]["fields"] for r in replies), "every question gets a cited answer"
    report = (await fake.reply(reload, timeout=30))["embeds"][0]
    fields = {f["name"]: f["value"] for f in report["fields"]}
    assert escape_markdown("kopi_toraja") in fields["Ditambahkan (1)"]
    assert (settings.articles[0] / "kopi_toraja.txt").exists()

    found = await fake.reply(await fake.command("who", {"name": "Yohanis Pasulu"}))
    assert found["embeds"][0]["fields"], "the uploaded article is answerable after the swap"
    assert "Yohanis" in found["embeds"][0]["fields"][0]["value"]


async def test_an_owner_in_a_dm_may_reload_and_sees_why_an_upload_failed(
    fake: FakeDiscord, bot: NewsBot, settings: Settings
) -> None:
    resolved = fake.upload("laporan.pdf", b"%PDF-1.4 binary")
    attachment = {"attachment": next(iter(resolved["attachments"]))}
    pushed = await fake.command(
        "reload", {"file": attachment}, resolved=resolved, guild=False, user_id=OWNER_ID
    )
    report = (await fake.reply(pushed, timeout=30))["embeds"][0]
    fields = {f["name"]: f["value"] for f in report["fields"]}
    assert fields["Gagal (1)"].startswith("• laporan.pdf: ")
    assert len(fields["Gagal (1)"]) > len("• laporan.pdf: ")  # a reason is given
    assert fields["Ditambahkan (0)"] == text("none", "id")
    assert not (settings.articles[0] / "laporan.pdf").exists()


async def test_a_failed_reload_tells_the_moderator_why_and_keeps_answering(
    fake: FakeDiscord, bot: NewsBot, service: NewsService, settings: Settings
) -> None:
    name = await _a_name(service)
    (settings.articles[0] / "overrides.yaml").write_text("people: {Budi\n", encoding="utf-8")
    pushed = await fake.command("reload", permissions=MANAGE_GUILD, user_id=777)
    reply = await fake.reply(pushed, timeout=30)
    head = text("reload_failed", "id", reason="|").split("|")[0]
    assert reply["content"].startswith(head) and "overrides.yaml" in reply["content"]
    answer = await fake.reply(await fake.command("who", {"name": name}))
    assert answer["embeds"][0]["fields"], "the previous knowledge base still answers"

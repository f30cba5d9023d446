"""Answer -> plain text for a terminal and for `newsbot ask` (text and JSON). Pure: no I/O."""

from __future__ import annotations

import textwrap
from typing import Any

from bot.engine.answer import Answer, Citation, Fact, Lang
from bot.engine.catalog import say
from bot.engine.catalog.wording import fact_label, headline, lead, related_heading
from knowledge.models import BuildReport

SOURCE_TITLE_CHARS = 60  # a citation names its article; the full title is in the JSON


def render(answer: Answer, width: int = 100) -> str:
    """The reply wrapped for a terminal; snippet words are never altered, only line-broken."""
    out: list[str] = []
    for line in render_text(answer).splitlines():
        if len(line) <= width:
            out.append(line)
            continue
        indent = "  " if line.startswith("\u2022") else ""
        out.extend(
            textwrap.wrap(line, width=width, subsequent_indent=indent, break_long_words=False)
        )
    return "\n".join(out)


def render_text(answer: Answer) -> str:
    """The whole reply as a person reads it, one fact a line, each with its source."""
    if not answer.found or (not answer.facts and not answer.related):
        text = lead(answer) or headline(answer)
        if answer.related:
            related = [_fact_line(f, answer) for f in answer.related]
            text = "\n".join([text, "", related_heading(answer), *related])
        return text
    lines = [line for line in (lead(answer) or headline(answer),) if line]
    if answer.intent == "when":
        lines = [_fact_line(answer.facts[0], answer).removeprefix("\u2022 ")]
        lines += [_fact_line(f, answer) for f in answer.facts[1:]]
    else:
        lines += [_fact_line(f, answer) for f in answer.facts]
    if answer.related:
        lines += ["", related_heading(answer), *(_fact_line(f, answer) for f in answer.related)]
    if answer.pages > 1:
        lines += ["", _next_page(answer)]
    return "\n".join(lines)


def to_json(answer: Answer) -> dict[str, Any]:
    """The `newsbot ask --json` contract: stable field names, citations in order, ISO 8601
    dates: `date` when the cited fact happened at its precision ("2024", "2024-05",
    "2024-05-14", "2023-11-17/2023-11-21", "--07-11" without a year), `published` the day the
    article appeared."""
    return {
        "question": answer.question,
        "intent": answer.intent,
        "found": answer.found,
        "text": render_text(answer),
        "citations": [
            {
                "article": c.article,
                "title": c.title,
                "date": c.date.iso() if c.date else None,
                "published": c.published.isoformat() if c.published else None,
                "snippet": c.snippet,
            }
            for c in answer.citations
        ],
    }


def render_report(report: BuildReport, lang: Lang = "en", verbose: bool = True) -> str:
    """What an ingest did: one summary line, each removed article (always: a removal is
    never silent), and (verbose) each failed file with its reason and each file read in
    another encoding than UTF-8."""
    lines = [
        say(
            "console.report",
            lang,
            added=len(report.added),
            changed=len(report.changed),
            unchanged=len(report.unchanged),
            removed=len(report.removed),
            failed=len(report.failed),
            seconds=report.seconds,
            db=report.db_path,
        )
    ]
    if verbose:
        lines += [say("console.report_failed", lang, path=p, reason=r) for p, r in report.failed]
        lines += [
            say("console.report_encoding", lang, path=p, encoding=e) for p, e in report.encodings
        ]
    lines += [say("console.report_removed", lang, article=a) for a in report.removed]
    return "\n".join(lines)


def _fact_line(fact: Fact, answer: Answer) -> str:
    c = fact.citation
    if c is None:
        return f"\u2022 {fact.role}"
    quoted = f"\u201c{c.snippet}\u201d {_source(c)}"
    if fact.kind in ("role", "holder"):
        return f"\u2022 {fact_label(fact, answer)} \u2014 {quoted}"
    if fact.kind == "event":
        return f"\u2022 {fact_label(fact, answer)}: {quoted}"
    if fact.kind == "quote":
        return f"\u2022 \u201c{c.snippet}\u201d \u2014 {fact.speaker} {_source(c)}"
    if fact.kind == "article":
        when = c.published.isoformat() if c.published else say("answer.undated", answer.lang)
        src = f", {c.source}" if c.source else ""
        return f"\u2022 {c.title} ({when}{src}) [{c.article}]"
    return f"\u2022 {quoted}"


def _source(c: Citation) -> str:
    # A citation says when its article appeared; the event's own date is the fact's label.
    when = f", {c.published.isoformat()}" if c.published else ""
    title = c.title if len(c.title) <= SOURCE_TITLE_CHARS else _clip(c.title, SOURCE_TITLE_CHARS)
    return f"[{title}{when}]"


def _clip(text: str, limit: int) -> str:
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",.;:")
    return cut + "\u2026"


def _next_page(answer: Answer) -> str:
    """Where the next page is: the command that shows it, in the reader's language."""
    word = "page" if answer.lang == "en" else "halaman"
    command = f"/timeline {answer.subject} {word} {answer.page % answer.pages + 1}"
    command = command.replace("  ", " ")
    return say("answer.page", answer.lang, page=answer.page, pages=answer.pages, next=command)

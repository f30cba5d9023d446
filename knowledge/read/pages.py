"""HTML pages: the article's metadata from the <head>, its text from the main container.

The page chrome (menus, header, footer, forms, captions) and everything that never holds text
is dropped from the tree first; the article is then the <article> element with the most text,
else <main>, else the part of <body> that holds the story (`boilerplate`), and link furniture
(share bars, tag lists, related-article blocks) goes from it in either case. Which <meta>
tags state the publication date comes from `knowledge/vocab/published_date_meta.txt`.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from knowledge.models import Article
from knowledge.read.boilerplate import strip_boilerplate
from knowledge.read.cleaning import clean_tree
from knowledge.read.files import ReadError
from knowledge.read.markup import NEVER_TEXT, PAGE_CHROME, parse_html
from knowledge.read.metadata import Metadata, lang_code, make_article, parse_published, squash
from knowledge.vocab import VOCABULARY

__all__ = ["read_html"]

_PUBLISHED_META = tuple(
    (attribute, value)
    for attribute, _, value in (
        entry.partition("=") for entry in VOCABULARY.lines("published_date_meta")
    )
)
_DROPPED = sorted(NEVER_TEXT | PAGE_CHROME)
# "Headline | Site", "Headline – Site", "Headline - Site": the site name is not the headline.
_TITLE_SITE = re.compile(r"\s+[|–—]\s+|\s+-\s+(?=[^-]*$)")


def read_html(text: str, stem: str, where: str) -> Article | ReadError:
    """An HTML page's article, id `stem`; a ReadError when no text is left after cleaning."""
    soup = parse_html(text)
    metadata = _page_metadata(soup)
    for tag in soup.find_all(_DROPPED):
        tag.decompose()
    container, marked = _main_container(soup)
    story = strip_boilerplate(container, find_story=not marked)
    cleaned = clean_tree(story, metadata.title)
    if not cleaned.text.strip():
        return ReadError(where, "no article text found in the HTML page")
    return make_article(stem, cleaned, metadata, where)


def _page_metadata(soup: BeautifulSoup) -> Metadata:
    html_tag = soup.find("html")
    lang = str(html_tag.get("lang", "")) if isinstance(html_tag, Tag) else ""
    return Metadata(
        title=_title(soup),
        source=_meta_content(soup, ("property", "og:site_name")),
        url=_meta_content(soup, ("property", "og:url")) or _canonical(soup),
        published=parse_published(_published(soup)),
        lang=lang_code(lang),
    )


def _title(soup: BeautifulSoup) -> str:
    """og:title, else the first <h1>, else <title> without the site name."""
    og = _meta_content(soup, ("property", "og:title"))
    if og:
        return og
    h1 = soup.find("h1")
    if h1 is not None and h1.get_text(" ", strip=True):
        return squash(h1.get_text(" ", strip=True))
    title_tag = soup.find("title")
    if title_tag is not None:
        return _TITLE_SITE.split(squash(title_tag.get_text(" ", strip=True)))[0].strip()
    return ""


def _published(soup: BeautifulSoup) -> str:
    for attribute in _PUBLISHED_META:
        value = _meta_content(soup, attribute)
        if value:
            return value
    time_tag = soup.find("time", attrs={"datetime": True})
    return str(time_tag.get("datetime", "")) if isinstance(time_tag, Tag) else ""


def _meta_content(soup: BeautifulSoup, attribute: tuple[str, str]) -> str:
    tag = soup.find("meta", attrs={attribute[0]: attribute[1]})
    return squash(str(tag.get("content", ""))) if isinstance(tag, Tag) else ""


def _canonical(soup: BeautifulSoup) -> str:
    link = soup.find("link", rel="canonical")
    return str(link.get("href", "")).strip() if isinstance(link, Tag) else ""


def _main_container(soup: BeautifulSoup) -> tuple[Tag, bool]:
    """(container, marked): the <article> with the most text, else <main> (marked by the page
    itself), else <body>, else the whole page (where the story is still to be found)."""
    articles = soup.find_all("article")
    if articles:
        return max(articles, key=lambda tag: len(tag.get_text())), True
    main = soup.find("main")
    if isinstance(main, Tag):
        return main, True
    body = soup.find("body")
    return (body if isinstance(body, Tag) else soup), False

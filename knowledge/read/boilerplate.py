"""The article among a page's furniture, found by structure and link density.

News pages wrap the story in menus, share bars, tag lists, "Baca juga" and "Berita terkait"
blocks, sidebars and footers. What they have in common is shape, not wording: they are mostly
link text. So, on the parsed page:

- a block whose text is mostly links and holds little other text (a menu, a share bar, a tag
  list, a related-articles list, a "Baca juga: <a>…</a>" paragraph) is link furniture, and so
  is such a line inside a block (between <br>s: "BACA JUGA: <a>…</a>", "Tags: <a>…</a>");
- without an <article> or <main>, the story is the deepest element holding nearly all of the
  page's text that is not link text (which leaves sidebars and footers out);
- the story ends at the first link furniture after nearly all of its text: the tag list or
  related block under the last paragraph; comments and the rest below it go too.

Embedded tweets are never furniture, whatever their links. What this leaves of captions,
advertising labels, credit lines and editors' initials, line cleaning (`furniture.py`) drops.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from bs4 import Tag
from bs4.element import NavigableString, PageElement, PreformattedString

from knowledge.read.markup import BLOCKS, is_tweet

__all__ = ["strip_boilerplate"]

# A block is link furniture when at least this share of its text is link text ...
LINK_SHARE = 0.5
# ... and the rest is shorter than this many characters (a label: "Bagikan:", "Tag:").
BLOCK_LABEL_CHARS = 120
LINE_LABEL_CHARS = 60
# The story is the deepest element holding at least this share of the page's non-link text.
STORY_SHARE = 0.8
# The story ends at link furniture that follows at least this share of its non-link text.
END_SHARE = 0.85


@dataclass
class _Count:
    chars: int = 0
    links: int = 0

    @property
    def own(self) -> int:
        """Characters of text that is not link text."""
        return self.chars - self.links


def strip_boilerplate(root: Tag, *, find_story: bool) -> Tag:
    """Remove link furniture under `root` and what follows the story's end; with
    `find_story`, return the element that holds the story (else `root`). Changes the tree."""
    counts = _count(root)
    furniture = list(_link_blocks(root, counts))
    skip = {id(tag) for tag in furniture}
    own = _own_text(root, counts, furniture)
    story = _story(root, own, skip) if find_story else root
    end = _story_end(story, own, skip)
    if end is not None:
        _drop_after(end, story)
    for tag in furniture:
        if tag.parent is not None:
            tag.decompose()
    _drop_link_lines(story, counts)
    return story


def _text_len(node: PageElement) -> int:
    if isinstance(node, NavigableString) and not isinstance(node, PreformattedString):
        return len("".join(str(node).split()))
    return 0


def _count(root: Tag) -> dict[int, _Count]:
    """Characters and link characters under every element, in one pass (pages nest deeply)."""
    counts: dict[int, _Count] = {}
    stack: list[tuple[Tag, bool]] = [(root, False)]
    while stack:
        tag, done = stack.pop()
        if not done:
            stack.append((tag, True))
            stack.extend((child, False) for child in tag.children if isinstance(child, Tag))
            continue
        total = _Count()
        for child in tag.children:
            if isinstance(child, Tag):
                sub = counts[id(child)]
                total.chars += sub.chars
                total.links += sub.chars if child.name == "a" else sub.links
            else:
                total.chars += _text_len(child)
        counts[id(tag)] = total
    return counts


def _is_furniture(count: _Count, label_chars: int) -> bool:
    return count.chars > 0 and count.links >= LINK_SHARE * count.chars and count.own < label_chars


def _link_blocks(root: Tag, counts: dict[int, _Count]) -> Iterator[Tag]:
    """The outermost link-furniture blocks under `root`, in document order."""
    stack: list[Tag] = [c for c in reversed(list(root.children)) if isinstance(c, Tag)]
    while stack:
        tag = stack.pop()
        if is_tweet(tag):
            continue
        block = tag.name in BLOCKS or tag.name == "li"
        if block and _is_furniture(counts[id(tag)], BLOCK_LABEL_CHARS):
            yield tag
            continue
        stack.extend(c for c in reversed(list(tag.children)) if isinstance(c, Tag))


def _own_text(root: Tag, counts: dict[int, _Count], furniture: list[Tag]) -> dict[int, int]:
    """Non-link text under every element, leaving out the link furniture in it (its labels)."""
    own = {key: count.own for key, count in counts.items()}
    for tag in furniture:
        parent = tag.parent
        while parent is not None and id(parent) in own:
            own[id(parent)] -= counts[id(tag)].own
            if parent is root:
                break
            parent = parent.parent
    return own


def _story(root: Tag, own: dict[int, int], skip: set[int]) -> Tag:
    """The deepest element holding STORY_SHARE of the page's non-link text."""
    total = own[id(root)]
    story = root
    while True:
        children = [c for c in story.children if isinstance(c, Tag) and id(c) not in skip]
        best = max(children, key=lambda c: own[id(c)], default=None)
        if best is None or own[id(best)] < STORY_SHARE * total:
            return story
        story = best


def _story_end(story: Tag, own: dict[int, int], skip: set[int]) -> Tag | None:
    """The first link furniture after END_SHARE of the story's non-link text, if any."""
    total = own[id(story)]
    seen = 0
    stack: list[PageElement] = list(reversed(list(story.children)))
    while stack:
        node = stack.pop()
        if not isinstance(node, Tag):
            seen += _text_len(node)
            continue
        if id(node) in skip:
            if seen >= END_SHARE * total:
                return node
            continue
        if node.name == "a":
            continue
        stack.extend(reversed(list(node.children)))
    return None


def _drop_after(end: Tag, story: Tag) -> None:
    """Remove `end` and everything after it in document order, up to the end of `story`."""
    node: Tag | None = end
    while node is not None and node is not story:
        for sibling in list(node.next_siblings):
            sibling.extract()
        parent = node.parent
        if node is end:
            node.extract()
        node = parent


def _drop_link_lines(story: Tag, counts: dict[int, _Count]) -> None:
    """Inside blocks, remove lines of inline content (between <br>s or blocks) that are
    link furniture: 'BACA JUGA: <a>…</a>', 'Tags: <a>…</a>, <a>…</a>'."""
    for block in [story, *story.find_all(list(BLOCKS))]:
        line: list[PageElement] = []
        for child in [*block.children, None]:
            if child is None or (
                isinstance(child, Tag) and (child.name == "br" or child.name in BLOCKS)
            ):
                _drop_if_links(line, counts)
                line = []
            else:
                line.append(child)


def _drop_if_links(line: list[PageElement], counts: dict[int, _Count]) -> None:
    total = _Count()
    for node in line:
        if isinstance(node, Tag):
            sub = counts.get(id(node), _Count())
            total.chars += sub.chars
            total.links += sub.chars if node.name == "a" else sub.links
        else:
            total.chars += _text_len(node)
    if total.links and _is_furniture(total, LINE_LABEL_CHARS):
        for node in line:
            node.extract()

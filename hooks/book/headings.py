"""The anchors a page offers to links: heading ids, figure ids and explicit ids.

Heading ids are the toc extension's: its own ``unique()`` and the slugify function
mkdocs.yml gives it (``TocSettings``), applied to the heading's text as Python-Markdown
renders it. Nothing of toc is copied here, so a prediction can only drift where the
heading's inline Markdown renders differently in a page than alone; the build checks every
prediction against the ids the page really has (``book.verify``) and reports any gap at
its line.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any
from collections.abc import Callable, Iterator, Mapping

import markdown
from markdown.extensions.toc import slugify as toc_default_slugify
from markdown.extensions.toc import strip_tags, unique
from pymdownx.slugs import slugify

from .blocks import Body

ATX_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*$")
# attr_list's block attributes at the end of a heading: "## 제목 {#id .class}"
ATTR_LIST = re.compile(r"[ \t]*\{:?(?P<attrs>[^}]*)\}[ \t]*$")
ATTR_LIST_ID = re.compile(r"(?:^|\s)#(?P<id>[^\s}]+)")
HTML_ID = re.compile(r"""\bid=["']([^"']+)["']""")
# Characters that can make a heading's rendered text differ from its source text.
INLINE_MARKUP = re.compile(r"[&<>*_`\[\]\\!]")

Slugify = Callable[[str, str], str]
# The slugify of the book's mkdocs.yml (tests/book/test_headings.py holds them equal); the
# build and `make check` read the real setting, this is the value for code that has none.
BOOK_SLUGIFY: Slugify = slugify(case="lower")


@dataclass(frozen=True)
class TocSettings:
    """How the toc extension makes heading ids, as mkdocs.yml configures it."""

    slugify: Slugify = BOOK_SLUGIFY
    separator: str = "-"

    def unique_id(self, name: str, taken: set[str]) -> str:
        """The id toc gives a heading whose rendered text is ``name``, after the ids in
        ``taken``; ``taken`` gets it, as toc's own set does."""
        return str(unique(self.slugify(name, self.separator), taken))


@dataclass(frozen=True)
class PageAnchors:
    """Every id the analysis expects on a rendered page, with the source line of each."""

    lines: dict[str, int] = field(default_factory=dict)  # id -> the line that makes it

    def __contains__(self, anchor: object) -> bool:
        return anchor in self.lines

    def __iter__(self) -> Iterator[str]:
        return iter(self.lines)

    def __len__(self) -> int:
        return len(self.lines)


def toc_settings(config: Mapping[str, Any] | None) -> TocSettings:
    """The settings of the toc extension's entry in mkdocs.yml (``{"slugify": …, "separator": …}``);
    toc's own defaults for what it leaves out, as toc itself would take them."""
    config = config or {}
    function = config.get("slugify")
    return TocSettings(function if callable(function) else toc_default_slugify, str(config.get("separator") or "-"))


_inline = markdown.Markdown()


def heading_name(source: str) -> str:
    """The heading's text as toc reads it: rendered, tags stripped, entities decoded."""
    if not INLINE_MARKUP.search(source):  # most headings: plain text renders as itself
        return " ".join(source.split())
    _inline.reset()
    rendered = _inline.convert(source)
    rendered = rendered.removeprefix("<p>").removesuffix("</p>")
    return html.unescape(strip_tags(rendered))


def _still_in_address(text: str, in_address: bool) -> bool:
    """Whether the line after ``text`` is still inside a link's address left open."""
    if not text.strip():
        return False
    if in_address:
        return ")" not in text
    opened = text.rfind("](")
    return opened >= 0 and ")" not in text[opened + 2:]


def page_anchors(body: Body, figure_lines: dict[str, int], toc: TocSettings | None = None) -> PageAnchors:
    """The ids of the rendered page: explicit ids and figure ids (which exist before toc runs,
    so toc's ``unique()`` steps around them), then heading ids in document order, then ids
    written in raw HTML."""
    toc = toc or TocSettings()
    taken: set[str] = set(figure_lines)
    lines = dict(figure_lines)
    headings: list[tuple[int, str]] = []
    raw_html: list[tuple[int, str]] = []
    # A link or image left open (`![x](`) takes the lines after it, up to a ")", into its
    # address (Python-Markdown's link pattern runs before raw HTML's): ids there never render.
    in_address = False
    for line, text in body.prose:
        inside, in_address = in_address, _still_in_address(text, in_address)
        heading = ATX_HEADING.match(text) if "#" in text else None
        if heading:
            title = heading["text"] or ""
            attributes = ATTR_LIST.search(title)
            explicit = ATTR_LIST_ID.search(attributes["attrs"]) if attributes else None
            if explicit:
                taken.add(explicit["id"])
                lines.setdefault(explicit["id"], line)
                continue
            headings.append((line, title[: attributes.start()] if attributes else title))
        if "id=" in text and not inside:
            raw_html += [(line, anchor) for anchor in HTML_ID.findall(text)]
    for line, title in headings:
        lines.setdefault(toc.unique_id(heading_name(title), taken), line)
    for line, anchor in raw_html:
        lines.setdefault(anchor, line)
    return PageAnchors(lines)

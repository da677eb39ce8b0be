"""Links the book makes or mends (spec §6): ``Figure 27-3`` / ``그림 27-3`` and ``[27장]`` in
prose link to that figure or chapter; Jekyll-era ``page.html`` links and absolute links into
the old site point at the book's ``.md`` files, for MkDocs to resolve and validate.

| processor            | kind          | priority | why there                                      |
| -------------------- | ------------- | -------- | ---------------------------------------------- |
| ``book_prose_links`` | treeprocessor | 1.5      | after toc (5) gave headings their ids, before  |
|                      |               |          | the Jekyll links are mended                    |
| ``book_html_links``  | treeprocessor | 1        | just before MkDocs resolves links ("relpath",  |
|                      |               |          | 0)                                             |
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from typing import Any
from collections.abc import Callable

from markdown import Markdown

from ..conventions import CHAPTER_REFERENCE
from ..figures import MENTION, figure_anchor
from ..links import book_href, link_between
from .context import ContextExtension, ContextTreeprocessor, RenderContext

PROSE_LINKS_PRIORITY = 1.5
HTML_LINKS_PRIORITY = 1
NO_LINKS_INSIDE = {"a", "code", "pre", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style"}


@dataclass(frozen=True)
class _Linker:
    pattern: re.Pattern[str]
    css_class: str
    target: Callable[[re.Match[str], RenderContext], tuple[str, str] | None]  # (src_uri, fragment) or None
    hints: tuple[str, ...]  # a text the pattern can match contains one of these


def _figure_target(match: re.Match[str], context: RenderContext) -> tuple[str, str] | None:
    anchor = figure_anchor(match["chapter"], int(match["number"]))
    page = context.figure_pages.get(anchor)
    return (page, anchor) if page else None


def _chapter_target(match: re.Match[str], context: RenderContext) -> tuple[str, str] | None:
    page = context.chapter_pages.get(match["appendix"] or match["number"])
    return (page, "") if page and page != context.src_uri else None


class ProseLinkTreeprocessor(ContextTreeprocessor):
    """``Figure 27-3`` / ``그림 27-3`` link to that figure, and ``[부록 A01]`` or ``[27장]`` (left
    as text by Markdown) to that chapter, wherever it is. One walk of the page for both.

    Text in links, code, headings and captions is left alone.
    """

    LINKERS = (_Linker(MENTION, "book-figure-ref", _figure_target, ("Figure", "그림")),
               _Linker(CHAPTER_REFERENCE, "book-chapter-ref", _chapter_target, ("[",)))
    # A text without any linker's hint cannot match, and most texts have none.
    HINT = re.compile("|".join(re.escape(hint) for linker in LINKERS for hint in linker.hints))

    def run(self, root: etree.Element) -> None:
        self.current = self.context()
        hint = self.HINT.search  # tested here, before any call: most texts have no hint
        pending = [root]
        while pending:
            element = pending.pop()
            if element.text and hint(element.text):
                self._split(element, None)
            for child in list(element):  # a copy: _split inserts the links it makes
                if child.tag not in NO_LINKS_INSIDE:
                    pending.append(child)
                if child.tail and hint(child.tail):
                    self._split(element, child)

    def _split(self, parent: etree.Element, after: etree.Element | None) -> None:
        text = (parent.text if after is None else after.tail) or ""
        found = sorted(
            (match.start(), match.end(), linker.css_class, target)
            for linker in self.LINKERS
            if any(hint in text for hint in linker.hints)  # scanning Korean prose is the cost
            for match in linker.pattern.finditer(text)
            if (target := linker.target(match, self.current)) is not None
        )
        pieces, last = [], 0
        for start, end, css_class, target in found:
            if start < last:  # overlaps the previous link
                continue
            link = etree.Element("a", {"href": self._href(*target), "class": css_class})
            link.text = text[start:end]
            pieces.append((text[last:start], link))
            last = end
        if not pieces:
            return
        if after is None:
            parent.text = pieces[0][0]
            insert_at = 0
        else:
            after.tail = pieces[0][0]
            insert_at = list(parent).index(after) + 1
        for number, (_, link) in enumerate(pieces):
            link.tail = pieces[number + 1][0] if number + 1 < len(pieces) else text[last:]
            parent.insert(insert_at + number, link)

    def _href(self, target: str, fragment: str) -> str:
        here = self.current.src_uri
        if target == here:
            return f"#{fragment}" if fragment else ""
        relative = link_between(here, target)
        return f"{relative}#{fragment}" if fragment else relative


class JekyllLinkTreeprocessor(ContextTreeprocessor):
    """Jekyll-era ``page.html`` links, and absolute links into the old site, point at the
    book's own ``.md`` files, for MkDocs to resolve and validate."""

    def run(self, root: etree.Element) -> None:
        context = self.context()
        for element, attribute in [*((a, "href") for a in root.iter("a")), *((i, "src") for i in root.iter("img"))]:
            value = element.get(attribute)
            if not value:
                continue
            target = book_href(value, context.src_uri, context.doc_uris, context.legacy_base)
            if target is not None:
                element.set(attribute, target)


class LinksExtension(ContextExtension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(ProseLinkTreeprocessor(md, self.context), "book_prose_links", PROSE_LINKS_PRIORITY)
        md.treeprocessors.register(JekyllLinkTreeprocessor(md, self.context), "book_html_links", HTML_LINKS_PRIORITY)


def makeExtension(**kwargs: Any) -> LinksExtension:  # noqa: N802 (Python-Markdown's name)
    return LinksExtension(**kwargs)

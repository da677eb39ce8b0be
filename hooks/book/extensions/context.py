"""What the book's Markdown extensions know about the page they render.

MkDocs builds one Markdown instance per page without saying which page it is, so each
extension reads a ``RenderContext`` through a callable (``ContextSource``) that the build
keeps current: a new frozen value per page, made by ``page_context`` from the book-wide
one and the page's analysis. The extensions apply what the analysis found; they do not
recognise a convention again.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from dataclasses import dataclass, field, replace
from typing import Any
from collections.abc import Callable, Mapping

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

from ..accessible_figures import figure_descriptions
from ..analysis import PageAnalysis
from ..diagram_text import DiagramText


@dataclass(frozen=True)
class RenderContext:
    src_uri: str = ""  # the page being rendered
    doc_uris: frozenset[str] = frozenset()  # every file of the book, for links
    figure_pages: Mapping[str, str] = field(default_factory=dict)  # figure anchor -> src_uri
    chapter_pages: Mapping[str, str] = field(default_factory=dict)  # chapter identifier -> src_uri
    legacy_base: str | None = None  # the old site's base path, e.g. /pages-book/
    review_marker: str | None = None  # the page's, shown as a badge in its title (titles)
    title: str | None = None  # the page's front-matter title, shown as its h1 (titles)
    page_url: str = ""  # the page's URL in the site ("01-why/12-pictures/"), for raw HTML images
    # The page's figure captions as the analysis found them: (line in the file, its text),
    # where the page's Markdown starts ``markdown_offset`` lines into the file; and the
    # kind ("mermaid" or "image") of each numbered figure, by anchor. Only these make figures.
    captions: tuple[tuple[int, str], ...] = ()
    markdown_offset: int = 0
    figure_kinds: Mapping[str, str] = field(default_factory=dict)
    # Each captioned diagram's text alternative, by anchor (#21): read from the lines the
    # figure check parsed, so the page's description never drifts from the drawing.
    figure_descriptions: Mapping[str, DiagramText] = field(default_factory=dict)


ContextSource = Callable[[], RenderContext]


class ContextExtension(Extension):
    """An extension whose processors ask for the page's RenderContext when a page renders."""

    def __init__(self, context: ContextSource, **kwargs: Any):
        self.context = context
        super().__init__(**kwargs)


def page_context(book: RenderContext, page: PageAnalysis, markdown: str, review_marker: str | None = None,
                 title: str | None = None, page_url: str = "") -> RenderContext:
    """The context for rendering ``page`` (whose Markdown, as MkDocs hands it over, is
    ``markdown``): the book-wide ``book`` and what the analysis found on this page."""
    captioned = [figure for figure in page.figures.figures if figure.caption is not None]
    lines = page.source.lines
    text = page.source.text
    # MkDocs hands over the file without its front matter and the blank lines after it.
    offset = (text[: len(text) - len(markdown)].count("\n") if text.endswith(markdown)
              else page.source.front.body_line - 1)
    kinds: dict[str, str] = {}
    for figure in captioned:
        assert figure.caption is not None
        kinds.setdefault(figure.caption.anchor, figure.kind)
    return replace(
        book, src_uri=page.source.src_uri, review_marker=review_marker, title=title, page_url=page_url,
        captions=tuple((f.caption.line, lines[f.caption.line - 1]) for f in captioned if f.caption is not None),
        markdown_offset=offset, figure_kinds=kinds,
        figure_descriptions=figure_descriptions(lines, page.figures.figures),
    )


class ContextTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, context: ContextSource):
        super().__init__(md)
        self.context = context


def blank(text: str | None) -> bool:
    return text is None or not text.strip()


def stashed_html(md: Markdown, element: etree.Element) -> str | None:
    """The raw HTML block a paragraph stands for, when it holds only a stash placeholder."""
    if element.tag != "p" or len(element) or not element.text:
        return None
    placeholder = HTML_PLACEHOLDER_RE.fullmatch(element.text.strip())
    if not placeholder:
        return None
    html = md.htmlStash.rawHtmlBlocks[int(placeholder.group(1))]
    return html if isinstance(html, str) else None

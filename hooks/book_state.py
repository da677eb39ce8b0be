"""The state of the build in progress: one object per build, and the only code that writes it.

MkDocs gives each hook file its own module, so what one event learns and a later one needs
lives here. ``hooks/book_build.py`` makes the ``BuildState`` of each build (``begin``, in
``on_config``) and calls its methods in the order of MkDocs' events; every other hook only
reads it (``current()``, ``state.book``, ``state.rendering``, ``state.site``):

- ``read_site`` (``on_config``): the authors' Jekyll configuration (``_config.yml``) under
  mkdocs.yml's ``extra.book``, a frozen ``BookSite``;
- ``read_book`` (``on_files``): the analysed book and everything book-wide, a frozen ``Book``;
- ``keep_diagrams`` (``on_files``, right after): the diagrams drawn at build time, and
  their findings added to the book's;
- ``enter_page`` (``on_page_markdown``): the page about to render, a new frozen
  ``RenderContext`` per page;
- ``keep_summary`` (``on_page_content``): each chapter's summary as it rendered, for the
  lists filled in once every page has rendered (``on_env``).
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from book.accessible_figures import Descriptions, figure_descriptions
from book.analysis import BookAnalysis, analyse_book
from book.diagrams import ModuleGraph
from book.extensions import RenderContext, page_context
from book.generated import ChapterInfo, Heading, Href, Permalink, SummaryHtml, fallback_summary
from book.headings import TocSettings, toc_settings
from book.findings import sorted_findings
from book.jekyll import BookSite, book_site
from book.links import rebase_links
from book.prerender import NOTHING_DRAWN, Outcome, Rendering
from book.sources import read_page
from book.svg import SvgProblem
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents, get_toc
from mkdocs.utils import get_relative_url

log = logging.getLogger("mkdocs.hooks.book")


@dataclass(frozen=True)
class RenderedSummary:
    summary: str  # the Markdown it was rendered from
    url: str  # the chapter's URL, which its relative links start from
    html: str


@dataclass(frozen=True)
class Book:
    """Everything book-wide, fixed once ``on_files`` has read the book."""

    analysis: BookAnalysis
    docs_prefix: str  # how findings name the docs folder: "docs"
    toc: TocSettings  # how the toc extension makes heading ids
    rendering: RenderContext  # what every page's rendering needs of the book


# Each chapter's summary as it last rendered, by src_uri. Kept for the whole process, from
# one `mkdocs serve --dirty` rebuild to the next, when only the saved chapter renders again.
_rendered_summaries: dict[str, RenderedSummary] = {}
_serving = False  # set once per process, in on_startup
# Diagrams drawn or read from .cache/diagrams, by cache key: a `make serve` rebuild reads
# none of them from disk again.
_drawings_in_memory: dict[str, Rendering] = {}


class BuildState:
    """The one build's state; its methods are the only code that changes it."""

    def __init__(self, serving: bool):
        self.serving = serving  # `mkdocs serve`, as opposed to a build that will be published
        self._site = BookSite()
        self._book: Book | None = None
        self._page = RenderContext()
        self._diagrams = NOTHING_DRAWN

    @property
    def site(self) -> BookSite:
        """The book's site-wide settings: docs/_config.yml under mkdocs.yml's extra.book."""
        return self._site

    @property
    def book(self) -> Book:
        if self._book is None:
            raise RuntimeError("the book is read in on_files; no page can be reached before it")
        return self._book

    @property
    def rendering(self) -> RenderContext:
        """The context of the page being rendered (the book's, between pages)."""
        return self._page

    @property
    def diagrams(self) -> Outcome:
        """The diagrams this build drew to SVG (none before ``on_files``, or without Chromium)."""
        return self._diagrams

    @property
    def drawings_in_memory(self) -> dict[str, Rendering]:
        return _drawings_in_memory

    @property
    def rendered_summaries(self) -> dict[str, RenderedSummary]:
        return _rendered_summaries

    @property
    def docs_prefix(self) -> str:
        return self.book.docs_prefix

    @property
    def toc(self) -> TocSettings:
        return self.book.toc

    def read_site(self, config: MkDocsConfig) -> BookSite:
        """``on_config``: the Jekyll configuration (``_config.yml``), read as ``make check`` reads it."""
        project_dir = os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml"))
        self._site = book_site(Path(config.docs_dir), Path(project_dir), config.extra.get("book") or {},
                               docs_prefix(config))
        return self._site

    def read_book(self, files: Files, config: MkDocsConfig,
                  bad_svgs: Mapping[str, SvgProblem] | None = None) -> Book:
        """``on_files``: the book, analysed; ``bad_svgs`` are its SVG files a browser cannot
        draw, by src_uri (hooks/jekyll.py found them)."""
        prefix = docs_prefix(config)
        pages = []
        for file in files.documentation_pages():
            with open(file.abs_src_path, "rb") as handle:
                pages.append(read_page(file.src_uri, handle.read(), prefix))
        legacy_base = self._site.legacy_base
        toc = toc_settings(config.mdx_configs.get("toc"))
        analysis = analyse_book(pages, {file.src_uri for file in files}, legacy_base, toc,
                                self._site.jekyll.findings, bad_svgs)
        rendering = RenderContext(
            doc_uris=frozenset(file.src_uri for file in files),
            figure_pages=analysis.figure_pages,
            chapter_pages=analysis.chapter_pages,
            legacy_base=legacy_base,
        )
        self._book = Book(analysis, prefix, toc, rendering)
        self._page = rendering
        return self._book

    def keep_diagrams(self, diagrams: Outcome) -> None:
        """The diagrams drawn for this build; those Mermaid could not draw are findings of
        the book, reported with the others."""
        self._diagrams = diagrams
        if diagrams.findings:
            book = self.book
            analysis = replace(book.analysis, findings=sorted_findings(book.analysis.findings + diagrams.findings))
            self._book = replace(book, analysis=analysis)

    def enter_page(self, page: Page, markdown: str) -> RenderContext:
        """The page renders right after this; the extensions read its context."""
        book = self.book
        entry = book.analysis.navigation_entry(page.file.src_uri)
        analysed = book.analysis.pages.get(page.file.src_uri)
        marker = entry.review_marker if entry else None
        title = entry.title if entry else None
        self._page = (page_context(book.rendering, analysed, markdown, marker, title, page.url) if analysed is not None
                      else replace(book.rendering, src_uri=page.file.src_uri, review_marker=marker, title=title,
                                   page_url=page.url))
        return self._page

    def figure_descriptions(self, src_uri: str) -> Descriptions:
        """The text alternative of each captioned diagram on the page, by anchor: the same
        its rendering's context carried (``page_context``)."""
        analysed = self.book.analysis.pages.get(src_uri)
        return figure_descriptions(analysed.source.lines, analysed.figures.figures) if analysed is not None else {}

    def keep_summary(self, src_uri: str, summary: RenderedSummary) -> None:
        _rendered_summaries[src_uri] = summary


state = BuildState(serving=False)


def start(command: str) -> None:
    """``on_startup``: once per process, before any build."""
    global _serving
    _serving = command == "serve"


def begin(config: MkDocsConfig) -> BuildState:
    """``on_config``: a new build, and its state. The one place a BuildState is made."""
    global state
    state = BuildState(serving=_serving)
    return state


def current() -> BookAnalysis:
    """The analysed book of this build (read-only, for any hook)."""
    return state.book.analysis


def docs_prefix(config: MkDocsConfig) -> str:
    """How findings name the docs folder: relative to mkdocs.yml, as an author types it."""
    root = os.path.dirname(os.path.abspath(config.config_file_path or "."))
    return os.path.relpath(config.docs_dir, root).replace(os.sep, "/")


def mermaid_modules(dist: str, entry: str) -> ModuleGraph:
    """Mermaid's module graph, kept for the whole process: hook files are loaded afresh on
    every `make serve` rebuild, this module is not. A reinstalled Mermaid is read again."""
    return _read_mermaid_modules(dist, entry, os.path.getmtime(os.path.join(dist, entry)))


@functools.lru_cache(maxsize=2)
def _read_mermaid_modules(dist: str, entry: str, entry_mtime: float) -> ModuleGraph:
    def read(path: str) -> str | None:
        try:
            with open(os.path.join(dist, path), encoding="utf-8") as handle:
                return handle.read()
        except OSError:
            return None

    return ModuleGraph(entry, read)


def href_on(page: Page, files: Files) -> Href:
    """Links from ``page`` to the book's pages, for the lists written as HTML: a list names
    each chapter once per figure or keyword, so each URL is worked out once."""

    @functools.cache
    def url_of(src_uri: str) -> str:
        file = files.get_file_from_path(src_uri)
        return get_relative_url(file.url, page.url) if file else src_uri

    def href(src_uri: str, fragment: str) -> str:
        url = url_of(src_uri)
        return f"{url}#{fragment}" if fragment else url

    return href


def summary_html_on(page: Page, files: Files) -> SummaryHtml:
    """Each chapter's summary as its chapter rendered it, with links that work on ``page``;
    as plain text when that rendering is not at hand (a `--dirty` preview that has not
    rendered the chapter, or a summary edited since)."""
    rendered = _rendered_summaries

    def summary_html(chapter: ChapterInfo) -> str:
        file = files.get_file_from_path(chapter.entry.src_uri)
        kept = rendered.get(chapter.entry.src_uri)
        if file is None or kept is None or kept.url != file.url or kept.summary != chapter.anchor.summary:
            log.debug("%s: the summary of %s is shown as text; it has not rendered",
                      page.file.src_uri, chapter.entry.src_uri)
            return fallback_summary(chapter)
        return rebase_links(kept.html, kept.url, page.url)

    return summary_html


def heading_permalink(config: MkDocsConfig) -> Permalink | None:
    """The ¶ link the toc extension puts after headings, as mkdocs.yml configures it."""
    toc = config.mdx_configs.get("toc") or {}
    symbol = toc.get("permalink")
    if not symbol:
        return None
    title = toc.get("permalink_title") or Permalink.title
    return Permalink("&para;" if symbol is True else str(escape(symbol)), title)


def table_of_contents(headings: tuple[Heading, ...]) -> TableOfContents:
    """A page's table of contents from its headings, each nested under the last one above
    its level. A toc name is HTML, as the toc extension makes it: the text is escaped."""
    tokens: list[dict] = []
    for heading in headings:
        token = {"level": heading.level, "id": heading.id, "name": str(escape(heading.text)), "children": []}
        above = tokens[-1] if tokens and tokens[-1]["level"] < heading.level else None
        (above["children"] if above else tokens).append(token)
    return get_toc(tokens)

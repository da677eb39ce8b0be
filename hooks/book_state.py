"""The analysed book of the build in progress, shared by the hooks (not a hook itself).

MkDocs gives each hook file its own module, so the analysis made once in ``on_files``
lives here for the navigation, source and findings hooks to read.
"""

from __future__ import annotations

import functools
import logging
import os
from dataclasses import dataclass, field

from book.analysis import BookAnalysis, analyse_book
from book.diagrams import ModuleGraph
from book.generated import ChapterInfo, Heading, Href, Permalink, SummaryHtml, fallback_summary
from book.jekyll import BookSite
from book.links import rebase_links
from book.markup import RenderContext
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


@dataclass
class BuildState:
    analysis: BookAnalysis | None = None
    docs_prefix: str = "docs"
    site: BookSite = field(default_factory=BookSite)  # _config.yml and extra.book (hooks/jekyll.py)
    bad_svgs: dict[str, SvgProblem] = field(default_factory=dict)  # by src_uri (hooks/jekyll.py)
    rendering: RenderContext = field(default_factory=RenderContext)
    serving: bool = False  # `mkdocs serve`, as opposed to a build that will be published
    # Each chapter's summary as it last rendered, by src_uri. Kept from one `mkdocs serve
    # --dirty` rebuild to the next, when only the saved chapter renders again.
    rendered_summaries: dict[str, RenderedSummary] = field(default_factory=dict)


state = BuildState()


def docs_prefix(config: MkDocsConfig) -> str:
    """How findings name the docs folder: relative to mkdocs.yml, as an author types it."""
    root = os.path.dirname(os.path.abspath(config.config_file_path or "."))
    return os.path.relpath(config.docs_dir, root).replace(os.sep, "/")


def analyse(files: Files, config: MkDocsConfig) -> BookAnalysis:
    state.docs_prefix = prefix = docs_prefix(config)
    pages = []
    for file in files.documentation_pages():
        with open(file.abs_src_path, "rb") as handle:
            pages.append(read_page(file.src_uri, handle.read(), prefix))
    legacy_base = state.site.legacy_base
    state.analysis = analyse_book(pages, {file.src_uri for file in files}, legacy_base, state.site.jekyll.findings,
                                  state.bad_svgs)
    state.rendering = RenderContext(
        doc_uris=frozenset(file.src_uri for file in files),
        figure_pages=state.analysis.figure_pages,
        chapter_pages=state.analysis.chapter_pages,
        legacy_base=legacy_base,
    )
    return state.analysis


def current() -> BookAnalysis:
    if state.analysis is None:
        raise RuntimeError("the book is analysed in on_files; no page can be reached before it")
    return state.analysis


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
    rendered = state.rendered_summaries

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

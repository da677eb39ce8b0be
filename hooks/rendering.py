"""Adds the book's Markdown extensions (book/extensions: figures, summary, callouts, links …)
to MkDocs, with the Mermaid fence's format wrapped (drawn SVG or source, out of search). Called from hooks/book_build.py."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

import book_state
from book.accessible_figures import fill_descriptions
from book.extensions import book_extensions
from book.extensions.mermaid import diagram_fences

import diagrams


def add_extensions(config: MkDocsConfig) -> None:
    # One wrapper decides the Mermaid fence's output: the SVG drawn at build time, or the
    # source for the reader's browser, out of search.
    diagram_fences(config.mdx_configs.get("pymdownx.superfences"), diagrams.drawing_key)
    # Read at each page: the build's state is made anew for every build (book_state.begin).
    config.markdown_extensions.extend(book_extensions(lambda: book_state.state.rendering))


def date_page(page: Page) -> None:
    analysed = book_state.current().pages.get(page.file.src_uri)
    if analysed and analysed.trailer and analysed.trailer.date:
        page.update_date = analysed.trailer.date.isoformat()  # the sitemap's <lastmod>


def describe_figures(output: str, page: Page) -> str:
    # The "그림 설명" blocks go in after Material's search has indexed the page, as the SVGs do
    # (book.accessible_figures says why); the hidden copy of their words stays searchable.
    return fill_descriptions(output, book_state.state.figure_descriptions(page.file.src_uri))

"""Adds the book's Markdown extensions (figures, figure references, Jekyll links) to MkDocs."""

from __future__ import annotations

from dataclasses import replace

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import book_state
from book.extensions import book_extensions, page_context
from book.extensions.mermaid import diagram_fences_out_of_search


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    diagram_fences_out_of_search(config.mdx_configs.get("pymdownx.superfences"))
    config.markdown_extensions.extend(book_extensions(lambda: book_state.state.rendering))
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The page renders right after this event; the extensions need to know which it is.
    analysis = book_state.current()
    entry = analysis.navigation_entry(page.file.src_uri)
    analysed = analysis.pages.get(page.file.src_uri)
    book = book_state.state.book_rendering
    book_state.state.rendering = (
        page_context(book, analysed, markdown, entry.review_marker if entry else None) if analysed is not None
        else replace(book, src_uri=page.file.src_uri, review_marker=entry.review_marker if entry else None))
    if analysed and analysed.trailer and analysed.trailer.date:
        page.update_date = analysed.trailer.date.isoformat()  # the sitemap's <lastmod>
    return markdown

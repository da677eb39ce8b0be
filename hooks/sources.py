"""Reads the book once per build, hands MkDocs the same decoded text the checks saw, and
adds the pages generated from the book (the list of figures, the keyword index …), whose
lists are filled in once every page has rendered. Called from hooks/book_build.py."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

import book_state
from book.generated import LIST_MARKER, generated_list


def add_generated_pages(files: Files, config: MkDocsConfig) -> None:
    analysis = book_state.current()
    for src_uri in analysis.generated:
        source = analysis.source(src_uri)
        if source is not None:
            files.append(File.generated(config, src_uri, content=source.text))


def page_source(page: Page) -> str | None:
    # MkDocs would raise on a non-UTF-8 file and miss CRLF front matter.
    source = book_state.current().source(page.file.src_uri)
    return source.text if source is not None else None


def fill_generated_list(page: Page, config: MkDocsConfig, files: Files) -> None:
    """After every page has rendered: the generated page's list in place of its marker."""
    html = page.content
    if html is None or LIST_MARKER not in html:
        return
    listing = generated_list(page.file.src_uri, book_state.current().chapters(), book_state.href_on(page, files),
                             book_state.summary_html_on(page, files), book_state.heading_permalink(config),
                             book_state.state.toc)
    if listing is None:  # an author's page that happens to hold the marker keeps it
        return
    if listing.headings:
        page.toc = book_state.table_of_contents(listing.headings)
    page.content = html.replace(LIST_MARKER, listing.html, 1)

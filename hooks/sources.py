"""Reads the book once per build, hands MkDocs the same decoded text the checks saw, and
adds the pages generated from the book (the list of figures, the keyword index …)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

import book_state
from book.generated import LIST_MARKER, generated_list


@event_priority(100)  # before every hook that reads the analysis
def on_files(files: Files, config: MkDocsConfig) -> Files:
    analysis = book_state.analyse(files, config)
    for src_uri in analysis.generated:
        files.append(File.generated(config, src_uri, content=analysis.source(src_uri).text))
    return files


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    # MkDocs would raise on a non-UTF-8 file and miss CRLF front matter.
    source = book_state.current().source(page.file.src_uri)
    return source.text if source is not None else None


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if LIST_MARKER not in html:
        return html

    listing = generated_list(page.file.src_uri, book_state.current().chapters(), book_state.href_on(page, files),
                             book_state.summary_html_on(page, files), book_state.heading_permalink(config),
                             book_state.state.toc)
    if listing is None:  # an author's page that happens to hold the marker keeps it
        return html
    if listing.headings:
        page.toc = book_state.table_of_contents(listing.headings)
    return html.replace(LIST_MARKER, listing.html, 1)

"""Reads the book once per build and hands MkDocs the same decoded text the checks saw."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import book_state


@event_priority(100)  # before every hook that reads the analysis
def on_files(files: Files, config: MkDocsConfig) -> Files:
    book_state.analyse(files, config)
    return files


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    # MkDocs would raise on a non-UTF-8 file and miss CRLF front matter.
    source = book_state.current().pages.get(page.file.src_uri)
    return source.text if source is not None else None

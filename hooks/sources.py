"""Reads the book once per build, hands MkDocs the same decoded text the checks saw, and
adds the pages generated from the book (the list of figures)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

import book_state


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

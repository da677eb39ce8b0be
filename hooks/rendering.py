"""Adds the book's Markdown extensions (figures, figure references, Jekyll links, the page's
title, images written as HTML) to MkDocs."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import book_state
from book.html_images import HtmlImagesExtension
from book.markup import BookMarkupExtension
from book.titles import PageTitleExtension


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.markdown_extensions.append(BookMarkupExtension(lambda: book_state.state.rendering))
    config.markdown_extensions.append(PageTitleExtension(lambda: book_state.state.rendering))
    config.markdown_extensions.append(HtmlImagesExtension(lambda: book_state.state.rendering))
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The page renders right after this event; the extensions need to know which it is.
    rendering = book_state.state.rendering
    rendering.src_uri = page.file.src_uri
    entry = book_state.current().navigation_entry(page.file.src_uri)
    rendering.review_marker = entry.review_marker if entry else None
    rendering.title = entry.title if entry else None
    rendering.page_url = page.url
    analysed = book_state.current().pages.get(page.file.src_uri)
    if analysed and analysed.trailer and analysed.trailer.date:
        page.update_date = analysed.trailer.date.isoformat()  # the sitemap's <lastmod>
    return markdown

"""Publishes each chapter's LLM Context Anchor: as its meta description and keywords, in its
Part's list of chapters, and in /llms.txt and /llms-full.txt. Keeps each summary as its
chapter rendered it, for those lists and for the digest (hooks/sources.py), which are filled
in once every page has rendered. Called from hooks/book_build.py."""

from __future__ import annotations

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

import book_state
from book.accessible_figures import description_lines_after_captions
from book.anchors import plain_text
from book.generated import CHAPTER_LIST_MARKER, chapter_list, chapter_list_html, rendered_summary
from book.llms import llms_full_txt, llms_txt


def add_llms_files(files: Files, config: MkDocsConfig) -> None:
    analysis = book_state.current()
    chapters = analysis.chapters()

    def url_of(src_uri: str) -> str:
        file = files.get_file_from_path(src_uri)
        url = file.url if file else src_uri
        return (config.site_url or "").rstrip("/") + "/" + url if config.site_url else url

    title, summary = config.site_name, config.site_description or ""
    sources = {uri: page.source for uri, page in analysis.pages.items()}
    files.append(File.generated(config, "llms.txt", content=llms_txt(title, summary, chapters, url_of)))
    described = {uri: description_lines_after_captions(page.source.lines, page.figures.figures)
                 for uri, page in analysis.pages.items()}
    files.append(File.generated(config, "llms-full.txt",
                                content=llms_full_txt(title, summary, chapters, sources, url_of, described)))


def describe_page(markdown: str, page: Page) -> str:
    analysis = book_state.current()
    source = analysis.pages.get(page.file.src_uri)
    if source is None:
        return markdown
    if source.anchor is not None and source.anchor.summary:
        # Material writes page.meta values into <meta> tags unescaped.
        page.meta["description"] = escape(plain_text(source.anchor.summary))
        page.meta["keywords"] = escape(", ".join(source.anchor.keywords))
    if analysis.lists_chapters(page.file.src_uri):
        markdown += chapter_list(analysis.children_of(page.file.src_uri))
    return markdown


def rendered_summary_of(html: str, page: Page) -> book_state.RenderedSummary | None:
    """The chapter's summary as it rendered, to keep for the lists that show it."""
    analysed = book_state.current().pages.get(page.file.src_uri)
    if analysed is None or analysed.anchor is None or not analysed.anchor.summary:
        return None
    summary = rendered_summary(html)
    return book_state.RenderedSummary(analysed.anchor.summary, page.url, summary) if summary is not None else None


def fill_chapter_list(page: Page, files: Files) -> None:
    """After every page has rendered: a Part's chapters, with their summaries as rendered."""
    analysis = book_state.current()
    html, src_uri = page.content, page.file.src_uri
    if html is None or CHAPTER_LIST_MARKER not in html or not analysis.lists_chapters(src_uri):
        return
    listing = chapter_list_html(analysis.children_of(src_uri), book_state.href_on(page, files),
                                book_state.summary_html_on(page, files))
    page.content = html.replace(CHAPTER_LIST_MARKER, listing, 1)

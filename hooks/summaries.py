"""Publishes each chapter's LLM Context Anchor: as its meta description and keywords, in its
Part's list of chapters, and in /llms.txt and /llms-full.txt. Keeps each summary as its
chapter rendered it, for those lists and for the digest (which hooks/sources.py writes)."""

from __future__ import annotations

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

import book_state
from book.accessible_figures import description_lines_after_captions
from book.anchors import plain_text
from book.generated import CHAPTER_LIST_MARKER, chapter_list, chapter_list_html, rendered_summary
from book.llms import llms_full_txt, llms_txt


@event_priority(50)  # after the book is read (sources hook)
def on_files(files: Files, config: MkDocsConfig) -> Files:
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
    # MkDocs renders pages in the order of `files`: these show the summaries the others render.
    for src_uri in analysis.rendered_last():
        file = files.get_file_from_path(src_uri)
        if file is not None:
            files.remove(file)
            files.append(file)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
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


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    analysis = book_state.current()
    src_uri = page.file.src_uri
    analysed = analysis.pages.get(src_uri)
    rendered = book_state.state.rendered_summaries
    if analysed is not None and analysed.anchor is not None and analysed.anchor.summary:
        summary = rendered_summary(html)
        if summary is not None:
            rendered[src_uri] = book_state.RenderedSummary(analysed.anchor.summary, page.url, summary)

    if CHAPTER_LIST_MARKER in html and analysis.lists_chapters(src_uri):
        listing = chapter_list_html(analysis.children_of(src_uri), book_state.href_on(page, files),
                                    book_state.summary_html_on(page, files))
        return html.replace(CHAPTER_LIST_MARKER, listing, 1)
    return html

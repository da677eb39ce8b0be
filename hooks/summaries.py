"""Publishes each chapter's LLM Context Anchor: as its meta description and keywords, in its
Part's list of chapters, and in /llms.txt and /llms-full.txt."""

from __future__ import annotations

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

import book_state
from book.anchors import plain_text
from book.generated import chapter_list
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
    files.append(File.generated(config, "llms-full.txt",
                                content=llms_full_txt(title, summary, chapters, sources, url_of)))
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
    entry = analysis.navigation_entry(page.file.src_uri)
    is_part_landing = (
        entry is not None
        and page.file.src_uri not in analysis.generated
        and page.file.src_uri not in analysis.navigation.parents
        and analysis.navigation.children(page.file.src_uri)
    )
    if is_part_landing:
        markdown += chapter_list(entry, analysis.children_of(page.file.src_uri))
    return markdown

"""Lets the chapters keep their Jekyll-era ``page.html`` links (spec §6).

The rewrite runs on Python-Markdown's element tree, where links in code are already out
of the way, and just before MkDocs' own link resolution, which then validates and maps
the ``.md`` target as if the author had written it.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from book.links import markdown_target_of_html_link

# MkDocs builds a new Markdown instance per page without telling extensions which page it
# is for; on_page_markdown runs right before each page renders and says it.
_rendering: dict = {"src_uri": "", "doc_uris": frozenset()}


class _HtmlLinksToMarkdown(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for anchor in root.iter("a"):
            href = anchor.get("href")
            if href:
                target = markdown_target_of_html_link(href, _rendering["src_uri"], _rendering["doc_uris"])
                if target is not None:
                    anchor.set("href", target)


class JekyllLinksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_HtmlLinksToMarkdown(md), "book_jekyll_links", 1)  # MkDocs' relpath is 0


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.markdown_extensions.append(JekyllLinksExtension())
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    _rendering["doc_uris"] = frozenset(file.src_uri for file in files)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    _rendering["src_uri"] = page.file.src_uri
    return markdown

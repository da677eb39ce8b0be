"""Replaces MkDocs' file-tree navigation with the book's, built from front matter.

The tree itself comes from ``book.navigation``; this layer only turns it into MkDocs'
``Section`` and ``Page`` objects and makes every title safe to place in HTML. Called from
hooks/book_build.py.
"""

from __future__ import annotations

from markupsafe import Markup, escape
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

import book_state
from book.navigation import NavNode


class SectionIndexPage(Page):
    """A Part's landing page, opened by clicking its section.

    Material's ``navigation.indexes`` only recognises pages whose file is ``index.md``,
    while Just the Docs lets any file with children be the landing page.
    """

    @property
    def is_index(self) -> bool:
        return True


def safe_title(title: str) -> Markup:
    # Material places titles into HTML unescaped; a title is text, so it is escaped once
    # here, and Markup keeps Jinja's `| e` in the templates from escaping it twice.
    return escape(title)


def book_navigation(files: Files) -> Navigation:
    analysis = book_state.current()
    pages_by_uri = {file.src_uri: file.page for file in files.documentation_pages() if file.page}

    for src_uri, page in pages_by_uri.items():
        entry = analysis.navigation_entry(src_uri)
        if entry is not None:
            page.title = safe_title(entry.display_title)

    def item_for(node: NavNode):
        page = pages_by_uri[node.entry.src_uri]
        if not node.children:
            return page
        if not page.is_index:
            page.__class__ = SectionIndexPage
        return Section(safe_title(node.entry.display_title), [page, *map(item_for, node.children)])

    items = [item_for(node) for node in analysis.navigation.roots]
    pages = [pages_by_uri[node.entry.src_uri] for node in analysis.navigation.walk()]
    _link_parents(items, None)
    for page in pages_by_uri.values():
        page.previous_page = page.next_page = None
    for before, page, after in zip([None, *pages], pages, [*pages[1:], None], strict=False):
        page.previous_page, page.next_page = before, after
    return Navigation(items, pages)


def _link_parents(items: list, parent: Section | None) -> None:
    for item in items:
        item.parent = parent
        if isinstance(item, Section):
            _link_parents(item.children, item)


def keep_title(page: Page) -> None:
    # Material prefers page.meta.title over page.title in <title> and the header.
    if "title" in page.meta:
        page.meta["title"] = page.title

"""Each Part shows its full title in the navigation: its landing page's subtitle line,
through Material's own ``subtitle`` (shown under a page's name in the sidebar)."""

from __future__ import annotations

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import book_state
from book.parts import part_subtitle


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Every page's Markdown is read before any page's template is rendered, so the
    # subtitle is there for the sidebar of every page. A subtitle in the front matter wins.
    navigation = book_state.current().navigation
    entry = navigation.entries.get(page.file.src_uri)
    if "subtitle" in page.meta or entry is None or not navigation.children(page.file.src_uri):
        return markdown
    subtitle = part_subtitle(markdown, entry.display_title)
    if subtitle:
        # Material places it into the sidebar as HTML: it is text, escaped once.
        page.meta["subtitle"] = escape(subtitle)
    return markdown

"""Accessibility (#21) of each finished page: headings named without their ¶, and the skip
link to the chapter's title. Figures' names and descriptions are a Markdown extension
(book/extensions/accessible_figures.py, registered with the others by hooks/rendering.py).
This hook reads no build state and writes none."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from book.page_a11y import name_heading_permalinks, skip_to_title


@event_priority(-50)  # after every other hook has written the page
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return skip_to_title(name_heading_permalinks(output))

"""Accessibility (#21): figures named by their caption and described by their diagram, headings
named without their ¶, and the skip link to the chapter's title. The work is in hooks/book/."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import book_state
from book.accessible_figures import AccessibleFiguresExtension, Descriptions, figure_descriptions
from book.page_a11y import name_heading_permalinks, skip_to_title

_current: dict[str, Descriptions] = {"descriptions": {}}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.markdown_extensions.append(AccessibleFiguresExtension(lambda: _current["descriptions"]))
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The page renders right after this event: its diagrams' text, from the analysis' figures.
    analysed = book_state.current().pages.get(page.file.src_uri)
    _current["descriptions"] = (
        figure_descriptions(analysed.source.lines, analysed.figures.figures) if analysed else {}
    )
    return markdown


@event_priority(-50)  # after every other hook has written the page
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return skip_to_title(name_heading_permalinks(output))

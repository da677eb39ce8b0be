"""Figures a screen reader can follow (#21): each ``<figure>`` is named by its caption
(without the ¶) and described by its diagram's text alternative, which the page's context
carries (``RenderContext.figure_descriptions``, made by ``page_context`` from the same
figures the analysis found). The pieces are in ``book.accessible_figures``.

| processor                   | kind          | priority | why there                                   |
| --------------------------- | ------------- | -------- | ------------------------------------------- |
| ``book_accessible_figures`` | treeprocessor | 4        | after the figures extension (7.4) and toc   |
|                             |               |          | (5) made the figures and their ¶ links;     |
|                             |               |          | before MkDocs resolves links (0)            |
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown

from .. import strings
from ..accessible_figures import description_elements, name_by_text
from .context import ContextExtension, ContextTreeprocessor

ACCESSIBLE_FIGURES_PRIORITY = 4


class AccessibleFiguresTreeprocessor(ContextTreeprocessor):
    def run(self, root: etree.Element) -> None:
        descriptions = self.context().figure_descriptions
        for figure in root.iter("figure"):
            anchor = figure.get("id")
            caption = figure.find("figcaption")
            if not anchor or caption is None or "book-figure" not in figure.get("class", ""):
                continue
            name_by_text(figure, caption, f"{anchor}-caption", strings.FIGURE_PERMALINK_LABEL)
            text = descriptions.get(anchor)
            if text is not None:
                # Before the caption: a <figcaption> is the figure's first or last child.
                position = list(figure).index(caption)
                for offset, element in enumerate(description_elements(anchor, text)):
                    figure.insert(position + offset, element)
                figure.set("aria-describedby", f"{anchor}-description")


class AccessibleFiguresExtension(ContextExtension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(AccessibleFiguresTreeprocessor(md, self.context), "book_accessible_figures",
                                   ACCESSIBLE_FIGURES_PRIORITY)


def makeExtension(**kwargs: Any) -> AccessibleFiguresExtension:  # Python-Markdown's entry point
    return AccessibleFiguresExtension(**kwargs)

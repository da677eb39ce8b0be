"""Figures a screen reader can follow: named by their caption, described by their diagram.

The pieces, pure (text and element trees in, out); ``extensions/accessible_figures.py``
applies them to each page after the figures extension has made each
``<figure id="figure-27-1">`` with its ¶ link:

- the figure's accessible name is its caption without the ¶ (``aria-labelledby`` a span
  around the caption's words; the ¶ link is named on its own);
- a diagram's text alternative, from ``diagram_text`` over the source lines the figure
  check parsed, sits between the diagram and its caption as a collapsed "그림 설명" block
  (a ``<figcaption>`` must be a figure's first or last child), and the figure is
  ``aria-describedby`` it. It sits at the figure's level, beside (not inside) the diagram
  element, so it is the same whether the diagram is drawn in the browser or at build time.

The Markdown leaves a placeholder where the block goes, and the finished page gets the block
(``fill_descriptions``), as it gets the drawn SVGs: Material's search reads each page in
between and would otherwise parse every description's list again (half a chapter's tags),
while the hidden copy of the same words, one paragraph, is all search needs.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Mapping, Sequence
from typing import Any

from . import strings
from .diagram_text import DiagramText, describe
from .figures import Figure

Descriptions = Mapping[str, DiagramText]  # figure anchor -> its diagram's text


def figure_descriptions(lines: Sequence[str], figures: Sequence[Figure]) -> dict[str, DiagramText]:
    """The text alternative of each captioned diagram, by its figure's anchor, read from the
    lines between its fences (``lines`` is the whole file, ``Figure.line`` 1-based)."""
    found: dict[str, DiagramText] = {}
    for figure in figures:
        if figure.kind != "mermaid" or figure.caption is None or figure.caption.anchor in found:
            continue
        text = describe("\n".join(lines[figure.line:figure.end_line - 1]))
        if text is not None and (text.nodes or text.edges):
            found[figure.caption.anchor] = text
    return found


def description_lines_after_captions(lines: Sequence[str], figures: Sequence[Figure]) -> dict[int, list[str]]:
    """For llms-full.txt: each described figure's text as lines, by its caption's line."""
    texts = figure_descriptions(lines, figures)
    return {
        figure.caption.line: [f"{strings.DIAGRAM_DESCRIPTION_SUMMARY}:", *texts[figure.caption.anchor].lines()]
        for figure in figures
        if figure.caption is not None and figure.caption.anchor in texts
    }


# Where a figure's "그림 설명" block goes: the comment's text, and the comment in the page.
DESCRIPTION_PLACEHOLDER = " book-description {anchor} "
_PLACEHOLDER_PATTERN = re.compile(r"<!-- book-description ([^\s<>]+) -->")


def description_elements(anchor: str, text: DiagramText) -> list[etree.Element[Any]]:
    """The place of the "그림 설명" block a reader opens (``fill_descriptions`` puts it
    there), and the same words as the figure's description.

    Chromium leaves text inside a closed ``<details>`` out of an ``aria-describedby``
    description (measured with Accessibility.getFullAXTree); a ``hidden`` element is read
    in full when referenced, and skipped when a screen reader reads the page through. It is
    also the one copy of these words in Material's search index.
    """
    spoken = etree.Element("p", {"id": f"{anchor}-description", "hidden": "hidden"})
    spoken.text = " ".join(f"{title}: {'; '.join(items)}." for title, items in text.sections())
    return [etree.Comment(DESCRIPTION_PLACEHOLDER.format(anchor=anchor)), spoken]


def description_html(text: DiagramText) -> str:
    """The collapsed "그림 설명" block: each section's title, and its items as a list."""
    sections = "".join(
        f"<p>{html.escape(title, quote=False)}</p><ul>"
        + "".join(f"<li>{html.escape(item, quote=False)}</li>" for item in items) + "</ul>"
        for title, items in text.sections()
    )
    return (f'<details class="book-figure__description"><summary>{strings.DIAGRAM_DESCRIPTION_SUMMARY}</summary>'
            f'<div class="book-figure__description-text">{sections}</div></details>')


def fill_descriptions(page_html: str, descriptions: Descriptions) -> str:
    """The page as the reader gets it: each figure's placeholder replaced by its block."""
    if "<!-- book-description " not in page_html:
        return page_html

    def block(found: re.Match[str]) -> str:
        text = descriptions.get(found[1])
        return description_html(text) if text is not None else ""

    return _PLACEHOLDER_PATTERN.sub(block, page_html)


def name_by_text(owner: etree.Element, holder: etree.Element, span_id: str, label: str) -> None:
    """``owner`` is named by ``holder``'s words, its ¶ link left out and named ``label``."""
    link = next((child for child in holder if child.tag == "a" and "headerlink" in child.get("class", "")), None)
    if link is None:
        return
    words = etree.Element("span", {"id": span_id})
    words.text, holder.text = holder.text, None
    for child in list(holder):
        if child is link:
            break
        holder.remove(child)
        words.append(child)
    holder.insert(0, words)
    owner.set("aria-labelledby", span_id)
    link.set("aria-label", label.format(title=" ".join("".join(words.itertext()).split())))

"""Figures (spec §3): a diagram or image with its numbered caption becomes a ``<figure>``.

pymdownx.blocks.caption numbers figures itself, but only in its own ``/// caption`` syntax;
the book's captions are hand-numbered emphasis lines the authors will not rewrite. Which
line is a caption, and of which figure, is decided once, by ``book.figures``; this
extension applies that decision.

| processor                  | kind          | priority | why there                                      |
| -------------------------- | ------------- | -------- | ---------------------------------------------- |
| ``book_separate_captions`` | preprocessor  | 28       | before SuperFences stashes fences (25): lines  |
|                            |               |          | are still the file's, as the analysis saw them |
| ``book_figures``           | treeprocessor | 7.4      | after inline parsing (20), before toc (5) and  |
|                            |               |          | MkDocs' anchor collection (5) see the ids      |
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown
from markdown.preprocessors import Preprocessor
from markdown.util import HTML_PLACEHOLDER_RE

from .. import strings
from ..figures import CAPTION_TEXT, figure_anchor, separate_captions
from .context import ContextExtension, ContextSource, ContextTreeprocessor, blank, stashed_html

SEPARATE_CAPTIONS_PRIORITY = 28
FIGURES_PRIORITY = 7.4


class SeparateCaptionsPreprocessor(Preprocessor):
    """Each caption the analysis found stands in a paragraph of its own (see
    ``figures.separate_captions``), so the tree has it right under its figure."""

    def __init__(self, md: Markdown, context: ContextSource):
        super().__init__(md)
        self.context = context

    def run(self, lines: list[str]) -> list[str]:
        context = self.context()
        return separate_captions(lines, context.captions, context.markdown_offset) if context.captions else lines


class FigureTreeprocessor(ContextTreeprocessor):
    """A diagram or image paragraph followed by a caption the analysis numbered becomes a
    <figure>; a caption-like paragraph the analysis did not take as a caption stays text."""

    def run(self, root: etree.Element) -> None:
        self.kinds = self.context().figure_kinds
        used: set[str] = set()
        for parent in list(root.iter()):
            index = 0
            while index < len(parent) - 1:
                content, caption = parent[index], parent[index + 1]
                match = self._caption(caption) if self.kinds else None  # cheaper, and fails for almost every pair
                kind = self.kinds[figure_anchor(match["chapter"], int(match["number"]))] if match else None
                if kind and match and self._holds(kind, content):
                    parent.remove(content)
                    parent.remove(caption)
                    parent.insert(index, self._figure(kind, content, caption, match, used))
                index += 1

    def _holds(self, kind: str, element: etree.Element) -> bool:
        """The paragraph is the figure the analysis saw above the caption: an image alone, or
        a diagram (a fence's raw HTML, whatever the Mermaid fence's format made of it)."""
        if element.tag != "p" or element.attrib:
            return False
        if kind == "image":
            return len(element) == 1 and element[0].tag == "img" and blank(element.text) and blank(element[0].tail)
        return stashed_html(self.md, element) is not None

    def _caption(self, element: etree.Element) -> re.Match[str] | None:
        if element.tag != "p" or len(element) != 1 or element[0].tag != "em":
            return None
        if not blank(element.text) or not blank(element[0].tail):
            return None
        match = CAPTION_TEXT.match("".join(element[0].itertext()).strip())
        return match if match and figure_anchor(match["chapter"], int(match["number"])) in self.kinds else None

    def _figure(self, kind: str, content: etree.Element, caption: etree.Element, match: re.Match[str],
                used: set[str]) -> etree.Element:
        anchor = figure_anchor(match["chapter"], int(match["number"]))
        figure = etree.Element("figure", {"class": f"book-figure book-figure--{kind}"})
        if anchor not in used:  # a repeated number is already a finding; ids stay unique
            figure.set("id", anchor)
            used.add(anchor)
        if kind == "image":
            image = content[0]
            image.tail = None
            figure.append(image)
        else:
            figure.append(content)  # the stash placeholder paragraph; Markdown restores it in place
        figcaption = etree.SubElement(figure, "figcaption")
        label = etree.SubElement(figcaption, "span", {"class": "book-figure__label"})
        label.text = f"Figure {match['chapter']}-{match['number']}."
        emphasis = caption[0]
        self._show_raw_html_as_text(emphasis)
        rest = (emphasis.text or "").lstrip()
        prefix = re.match(r"Figure\s+\S+?-\d+\.\s*", rest)
        label.tail = " " + (rest[prefix.end():] if prefix else rest)
        for child in list(emphasis):
            figcaption.append(child)
        link = etree.SubElement(figcaption, "a", {
            "class": "headerlink", "href": f"#{anchor}", "title": strings.FIGURE_PERMALINK_TITLE,
        })
        link.text = "¶"
        return figure


    def _show_raw_html_as_text(self, element: etree.Element) -> None:
        # A caption is text, as a title is: "<b>" written in it is shown, not applied.
        def restore(text: str | None) -> str | None:
            if not text:
                return text
            return str(HTML_PLACEHOLDER_RE.sub(lambda m: self._stashed_text(int(m.group(1))), text))

        for node in element.iter():
            node.text, node.tail = restore(node.text), restore(node.tail) if node is not element else node.tail

    def _stashed_text(self, index: int) -> str:
        html = self.md.htmlStash.rawHtmlBlocks[index]
        return html if isinstance(html, str) else ""


class FiguresExtension(ContextExtension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(SeparateCaptionsPreprocessor(md, self.context), "book_separate_captions",
                                  SEPARATE_CAPTIONS_PRIORITY)
        md.treeprocessors.register(FigureTreeprocessor(md, self.context), "book_figures", FIGURES_PRIORITY)


def makeExtension(**kwargs: Any) -> FiguresExtension:  # noqa: N802 (Python-Markdown's name)
    return FiguresExtension(**kwargs)

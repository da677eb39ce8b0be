"""The LLM Context Anchor (spec §4) becomes the chapter's summary block: an ``abstract``
admonition titled 핵심 요약, its keywords as chips; the HTML comment marker goes.

| processor               | kind          | priority | why there                                   |
| ----------------------- | ------------- | -------- | ------------------------------------------- |
| ``book_context_anchor`` | treeprocessor | 7.3      | after figures (7.4), before callouts (7.2)  |
|                         |               |          | and toc (5)                                 |
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from .. import strings
from ..anchors import MARKER
from .context import blank, stashed_html

SUMMARY_PRIORITY = 7.3


class ContextAnchorTreeprocessor(Treeprocessor):
    """The LLM Context Anchor becomes the chapter's summary block: an ``abstract``
    admonition titled 핵심 요약, its keywords as chips; the HTML comment marker goes."""

    def run(self, root: etree.Element) -> None:
        children = list(root)
        # The chapter's anchor is its last marker, at the end: look from there.
        start = next((i for i in range(len(children) - 1, -1, -1) if self._is_marker(children[i])), None)
        if start is None:
            return
        summary: etree.Element | None = None
        keywords: etree.Element | None = None
        for child in children[start + 1:]:
            label = self._label(child)
            if label == strings.SUMMARY_TITLE and summary is None:
                summary = child
            elif label == strings.KEYWORDS_LABEL and keywords is None:
                keywords = child
        if summary is None:
            return  # a finding already says what is missing; leave the text as written
        first = start - 1 if start > 0 and children[start - 1].tag == "hr" else start
        position = list(root).index(children[first])
        for child in children[first:start + 1]:
            root.remove(child)
        block = etree.Element("div", {"class": "admonition abstract book-summary"})
        # A heading, so a screen reader lists it; h2, like the chapter's own sections (#21).
        title = etree.SubElement(block, "h2", {"class": "admonition-title"})
        title.text = strings.SUMMARY_TITLE
        root.remove(summary)
        self._drop_label(summary)
        summary.set("class", "book-summary__text")  # the digest and the Part's page show it as is
        block.append(summary)
        if keywords is not None:
            root.remove(keywords)
            keywords_label = keywords[0]
            keywords_label.tag, keywords_label.attrib = "span", {"class": "book-keywords__label"}
            keywords_label.tail = " " + (keywords_label.tail or "").lstrip().removeprefix(":").lstrip()
            keywords.set("class", "book-keywords")
            for chip in keywords.iter("code"):
                chip.set("class", "book-keyword")
            block.append(keywords)
        root.insert(position, block)

    def _is_marker(self, element: etree.Element) -> bool:
        html = stashed_html(self.md, element)
        return html is not None and bool(MARKER.match(html.strip()))

    @staticmethod
    def _label(element: etree.Element) -> str | None:
        if element.tag == "p" and len(element) and element[0].tag == "strong" and blank(element.text):
            return (element[0].text or "").strip()
        return None

    @staticmethod
    def _drop_label(paragraph: etree.Element) -> None:
        label = paragraph[0]
        rest = (label.tail or "").lstrip()
        paragraph.remove(label)
        paragraph.text = rest[1:].lstrip() if rest.startswith(":") else rest


class SummaryExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(ContextAnchorTreeprocessor(md), "book_context_anchor", SUMMARY_PRIORITY)


def makeExtension(**kwargs: Any) -> SummaryExtension:  # noqa: N802 (Python-Markdown's name)
    return SummaryExtension(**kwargs)

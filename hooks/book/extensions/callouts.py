"""Callouts (spec §6): ``> **[참고]** …`` becomes a Material admonition titled with its label.

| processor         | kind          | priority | why there                                         |
| ----------------- | ------------- | -------- | ------------------------------------------------- |
| ``book_callouts`` | treeprocessor | 7.2      | after figures (7.4) and the summary (7.3), before |
|                   |               |          | toc (5)                                           |
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from .. import strings
from ..conventions import callout_kind
from .context import blank

CALLOUTS_PRIORITY = 7.2


class CalloutTreeprocessor(Treeprocessor):
    """``> **[참고]** …`` becomes a Material admonition titled with its label (spec §6).

    Each labelled paragraph starts an admonition of its own, so two labels in one quote
    make two boxes.
    """

    def run(self, root: etree.Element) -> None:
        for parent in [element for element in root.iter() if element.find("blockquote") is not None]:
            for quote in parent.findall("blockquote"):
                self._split(parent, quote)

    def _split(self, parent: etree.Element, quote: etree.Element) -> None:
        groups: list[tuple[str | None, list[etree.Element]]] = [(None, [])]
        for child in list(quote):
            label = self._label(child)
            if label is not None:
                groups.append((label, []))
            groups[-1][1].append(child)
        if len(groups) == 1:
            return
        position = list(parent).index(quote)
        parent.remove(quote)
        for label, children in groups:
            if label is None:
                if children:
                    plain = etree.Element("blockquote")
                    plain.extend(children)
                    parent.insert(position, plain)
                    position += 1
                continue
            parent.insert(position, self._admonition(label, children))
            position += 1

    @staticmethod
    def _label(element: etree.Element) -> str | None:
        if element.tag != "p" or not len(element) or element[0].tag != "strong" or not blank(element.text):
            return None
        text = (element[0].text or "").strip()
        if len(element[0]) or not (text.startswith("[") and text.endswith("]")):
            return None
        return text[1:-1].strip() if callout_kind(text[1:-1]) else None

    @staticmethod
    def _admonition(label: str, children: list[etree.Element]) -> etree.Element:
        kind = callout_kind(label)
        block = etree.Element("div", {"class": "admonition " + ("warning book-todo" if kind == "todo" else kind or "")})
        title = etree.SubElement(block, "p", {"class": "admonition-title"})
        title.text = strings.TODO_TITLE if kind == "todo" else label
        first, rest = children[0], children[1:]
        strong = first[0]
        first.remove(strong)
        first.text = (strong.tail or "").lstrip()
        if not (blank(first.text) and not len(first)):
            block.append(first)
        block.extend(rest)
        return block


class CalloutsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(CalloutTreeprocessor(md), "book_callouts", CALLOUTS_PRIORITY)


def makeExtension(**kwargs: Any) -> CalloutsExtension:  # noqa: N802 (Python-Markdown's name)
    return CalloutsExtension(**kwargs)

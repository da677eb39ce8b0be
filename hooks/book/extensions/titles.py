"""Every page opens with its front-matter title as its ``<h1>``, and a review marker as a badge.

Material writes ``<h1>{{ page.title }}</h1>`` only when the page has no ``<h1>`` of its own,
and gives it no id. Some chapters use ``#`` headings in their body for their own halves
(``# Part 1: …``, ``# Part 2: …``): the page then lost its title, and Material's table of
contents, which lists only the children of a first ``h1``, lost every heading after the
second half began. This tree processor settles the page's heading once:

* a page whose body opens with its only ``#`` heading keeps it as its title (the home page,
  a Part's landing page ``# Part 1``), unless the page is a chapter and that heading is not
  its title;
* otherwise the front-matter title is inserted as the ``h1``, and when the body has ``#``
  headings of its own, all its headings go one level down, so the title holds them all.

The title is ``<h1 class="book-title" id="…">``; the review marker (``[v1]`` in the title)
follows the title's text inside it, as a hidden label a screen reader reads
(``<span class="book-visually-hidden">검토 중인 원고: </span>``) and the visible badge
``<span class="book-review-marker">v1</span>``; both are left out of the search index. The toc extension (priority 5) runs after it, so the
title is in the table of contents, with its ¶ link, named without the badge.

The title's id is made as toc makes heading ids (its own slugify, as mkdocs.yml configures
it), before toc runs, so that the badge is not part of it; the analysis predicts it by the
same rule (``analysis._title_anchor``) and the build checks the prediction (``book.verify``).

| processor          | kind          | priority | why there                                      |
| ------------------ | ------------- | -------- | ---------------------------------------------- |
| ``book_page_title``| treeprocessor | 8        | before figures (7.4) and the date line under   |
|                    |               |          | the title (7.1), before toc (5) names headings |
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown

from .. import strings
from ..chapters import chapter_id
from ..conventions import split_review_marker
from ..headings import BOOK_SLUGIFY
from .context import ContextExtension, ContextTreeprocessor

TITLE_PRIORITY = 8
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
TITLE_CLASS = "book-title"
BADGE_CLASS = "book-review-marker"
HIDDEN_CLASS = "book-visually-hidden"
# The search result's title is the chapter's, without "검토 중인 원고: v1" (Material's search
# plugin leaves out what carries this attribute, and removes the attribute from the page).
OUT_OF_SEARCH = {"data-search-exclude": "review-marker"}


class PageTitleTreeprocessor(ContextTreeprocessor):
    def run(self, root: etree.Element) -> None:
        context = self.context()
        if not context.title:
            return
        title, marker = split_review_marker(context.title)
        heading = self._own_title(root, title)
        if heading is None:
            if any(element.tag == "h1" for element in root.iter()):
                for element in root.iter():
                    if element.tag in HEADINGS[:-1]:
                        element.tag = HEADINGS[HEADINGS.index(element.tag) + 1]
            heading = etree.Element("h1")
            heading.text = title
            root.insert(0, heading)
        heading.set("class", " ".join(filter(None, (heading.get("class"), TITLE_CLASS))))
        if "id" not in heading.attrib:
            # As the toc extension would name it, but from the title alone, not the badge.
            heading.set("id", self._slug(_text(heading)))
        if marker:
            heading.set("data-toc-label", _text(heading))
            if len(heading):
                heading[-1].tail = (heading[-1].tail or "").rstrip() + " "
            else:
                heading.text = (heading.text or "").rstrip() + " "
            # Two siblings, not nested: Material's search indexer matches elements by tag
            # name, and a span inside an excluded span would end the exclusion early.
            label = etree.SubElement(heading, "span", {"class": HIDDEN_CLASS, **OUT_OF_SEARCH})
            label.text = strings.REVIEW_MARKER_LABEL
            label.tail = " "  # read as two words: "원고: v1"
            badge = etree.SubElement(heading, "span", {
                "class": BADGE_CLASS, "title": strings.REVIEW_MARKER_TITLE, **OUT_OF_SEARCH})
            badge.text = marker

    def _slug(self, text: str) -> str:
        """The id toc would give a heading with this text: toc's own slugify and separator."""
        if "toc" in self.md.treeprocessors:
            toc: Any = self.md.treeprocessors["toc"]
            return str(toc.slugify(text, toc.sep))
        return BOOK_SLUGIFY(text, "-")

    @staticmethod
    def _own_title(root: etree.Element, title: str) -> etree.Element | None:
        """The body's opening ``#`` heading, when it is the page's title."""
        if not len(root) or root[0].tag != "h1":
            return None
        if sum(element.tag == "h1" for element in root.iter()) != 1:
            return None  # several halves of a chapter, not its title
        text = split_review_marker(_text(root[0]))[0]
        if chapter_id(title) is not None and " ".join(text.split()) != " ".join(title.split()):
            return None
        return root[0]


def _text(element: etree.Element) -> str:
    return " ".join("".join(element.itertext()).split())


class PageTitleExtension(ContextExtension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(PageTitleTreeprocessor(md, self.context), "book_page_title", TITLE_PRIORITY)


def makeExtension(**kwargs: Any) -> PageTitleExtension:  # noqa: N802 (Python-Markdown's name)
    return PageTitleExtension(**kwargs)

"""The trailer (spec §5): ``작성일: …`` lines leave the text, and the date shows as one line
under the title (the title's ``[v1]`` is a badge in the title itself: ``titles``).

| processor          | kind          | priority | why there                                |
| ------------------ | ------------- | -------- | ---------------------------------------- |
| ``book_page_meta`` | treeprocessor | 7.1      | after callouts (7.2), before toc (5)     |
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown

from .. import strings
from ..conventions import TRAILER_LINE, written_date
from .context import ContextExtension, ContextTreeprocessor

PAGE_META_PRIORITY = 7.1


class PageMetaTreeprocessor(ContextTreeprocessor):
    """The trailer lines (작성일: …) leave the text; the date shows as one line under the
    title instead."""

    def run(self, root: etree.Element) -> None:
        written = None
        for paragraph in root.findall("p"):
            if len(paragraph) or "작성일" not in (paragraph.text or ""):
                continue
            lines = (paragraph.text or "").strip().split("\n")
            found = [TRAILER_LINE.match(line.strip()) for line in lines]
            matches = [m for m in found if m is not None]
            if len(matches) < len(found) or not any(m["key"] == "작성일" for m in matches):
                continue
            root.remove(paragraph)
            written = next(m["value"] for m in matches if m["key"] == "작성일")
        date = written_date(written) if written else None  # a bad one is a finding already
        if not date:
            return
        line = etree.Element("p", {"class": "book-page-meta"})
        time = etree.SubElement(line, "time", {"datetime": date.isoformat()})
        time.text = strings.WRITTEN_ON.format(date=strings.DATE.format(year=date.year, month=date.month, day=date.day))
        position = 1 if len(root) and root[0].tag == "h1" else 0
        root.insert(position, line)


class PageMetaExtension(ContextExtension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(PageMetaTreeprocessor(md, self.context), "book_page_meta", PAGE_META_PRIORITY)


def makeExtension(**kwargs: Any) -> PageMetaExtension:  # noqa: N802 (Python-Markdown's name)
    return PageMetaExtension(**kwargs)

"""Kramdown's block rules the chapters rely on, where Python-Markdown's differ.

The chapters were written for Jekyll's kramdown: a list may start right under a paragraph
line, and blockquotes apart by a blank line stay apart.

| processor                     | kind            | priority | why there                                   |
| ----------------------------- | --------------- | -------- | ------------------------------------------- |
| ``book_lists_after_paragraphs`` | preprocessor  | 24       | after SuperFences stashes fences (25), so   |
|                               |                 |          | code blocks keep their lines                |
| ``quote``                     | blockprocessor  | 20       | replaces Python-Markdown's own, same place  |
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.blockprocessors import BlockQuoteProcessor
from markdown.preprocessors import Preprocessor

LIST_ITEM = re.compile(r"^[ ]*(?:[*+-]|\d+[.)])[ ]+\S")
LISTS_PRIORITY = 24
QUOTE_PRIORITY = 20


class ListsAfterParagraphs(Preprocessor):
    """A list may start right under a paragraph line, as in kramdown and GitHub Markdown.

    The chapters were written for Jekyll's kramdown, and Python-Markdown needs a blank line
    before a list. mdx-breakless-lists does this too, but it runs before fenced code is
    stashed and so would also insert blank lines into code blocks.
    """

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        in_list = False
        for line in lines:
            if LIST_ITEM.match(line):
                if not in_list and out and out[-1].strip() and not out[-1].lstrip().startswith(("|", ">")):
                    out.append("")
                in_list = True
            elif not line.strip():
                in_list = False
            out.append(line)
        return out


class SeparateBlockquotes(BlockQuoteProcessor):
    """Blockquotes apart by a blank line stay apart, as in kramdown and CommonMark.

    Python-Markdown appends a quote to the one before it whenever they are siblings, which
    would put "> **[참고]** …" and the next "> **[주의]** …" into one box.
    """

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        block = blocks.pop(0)
        match = self.RE.search(block)
        if match:
            self.parser.parseBlocks(parent, [block[: match.start()]])
            block = "\n".join(self.clean(line) for line in block[match.start():].split("\n"))
        quote = etree.SubElement(parent, "blockquote")
        self.parser.state.set("blockquote")
        self.parser.parseChunk(quote, block)
        self.parser.state.reset()


class KramdownBlocksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(ListsAfterParagraphs(md), "book_lists_after_paragraphs", LISTS_PRIORITY)
        md.parser.blockprocessors.register(SeparateBlockquotes(md.parser), "quote", QUOTE_PRIORITY)


def makeExtension(**kwargs: Any) -> KramdownBlocksExtension:  # noqa: N802 (Python-Markdown's name)
    return KramdownBlocksExtension(**kwargs)

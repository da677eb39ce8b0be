"""The few block-level facts of Markdown the checks need: fenced code and prose lines.

The checks read source lines (to report the line an author must fix), so they must know
which lines are inside a fence: a caption or a chapter reference inside code is code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from collections.abc import Iterator

import markdown

from . import strings
from .codes import Code
from .findings import Finding
from .sources import SourcePage

FENCE_START = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^`]*)$")
HTML_COMMENT_START = "<!--"
HTML_COMMENT_END = "-->"
# A block-level HTML element opened at the start of a line: Python-Markdown passes everything
# up to its closing tag through as raw HTML (to the end of the file when it is never closed,
# as with a caption written '<Figure 27-1. …>'). Its own list of block-level tags is used.
HTML_BLOCK_START = re.compile(r"^ {0,3}<(?P<tag>[A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)")
BLOCK_LEVEL_TAGS = frozenset(markdown.Markdown().block_level_elements) - {"hr"}  # hr is void


@dataclass(frozen=True)
class HtmlBlock:
    line: int  # the line that opens it
    tag: str
    closed: bool


@dataclass(frozen=True)
class Fence:
    line: int  # the opening fence's line, 1-based in the file
    end_line: int  # the closing fence's line, or the file's last line when unclosed
    info: str
    closed: bool

    @property
    def language(self) -> str:
        return self.info.split()[0].lower() if self.info.strip() else ""


@dataclass(frozen=True)
class Body:
    """The part of a page after its front matter, split into fences and prose lines."""

    page: SourcePage
    fences: tuple[Fence, ...]
    prose: tuple[tuple[int, str], ...]  # (line number, text) outside fences, HTML comments and raw HTML
    html_blocks: tuple[HtmlBlock, ...] = ()

    def items(self) -> Iterator[tuple[int, str | Fence]]:
        """Prose lines and fences, in document order."""
        fences = {f.line: f for f in self.fences}
        events: list[tuple[int, str | Fence]] = [*self.prose, *fences.items()]
        return iter(sorted(events, key=lambda item: item[0]))


def scan(page: SourcePage) -> Body:
    lines = page.lines
    start = page.front.body_line - 1  # index of the first body line
    fences: list[Fence] = []
    prose: list[tuple[int, str]] = []
    index = start
    in_comment = False
    html_blocks: list[HtmlBlock] = []
    while index < len(lines):
        text = lines[index]
        if in_comment:
            in_comment = HTML_COMMENT_END not in text
            index += 1
            continue
        # Most lines hold neither fence character; the test is cheaper than the pattern.
        match = FENCE_START.match(text) if "```" in text or "~~~" in text else None
        if match and not (match["fence"][0] == "`" and "`" in match["info"]):
            char, length = match["fence"][0], len(match["fence"])
            closing = re.compile(r"^[ \t]*" + re.escape(char) + "{" + str(length) + r",}[ \t]*$")
            found = next((j for j in range(index + 1, len(lines)) if closing.match(lines[j])), None)
            end = found if found is not None else len(lines) - 1
            fences.append(Fence(index + 1, end + 1, match["info"].strip(), found is not None))
            index = end + 1
            continue
        stripped = text.strip()
        if stripped.startswith(HTML_COMMENT_START) and HTML_COMMENT_END not in stripped[4:]:
            in_comment = True
        prose.append((index + 1, text))
        block = HTML_BLOCK_START.match(text) if "<" in text else None
        if block and block["tag"].lower() in BLOCK_LEVEL_TAGS and "markdown=" not in text:
            closed_at = _html_block_end(lines, index, block["tag"].lower())
            html_blocks.append(HtmlBlock(index + 1, block["tag"], closed_at is not None))
            index = len(lines) if closed_at is None else closed_at + 1
            continue
        index += 1
    return Body(page, tuple(fences), tuple(prose), tuple(html_blocks))


def _html_block_end(lines: list[str], start: int, tag: str) -> int | None:
    """The index of the line that closes the element opened on ``lines[start]``: the same
    line when it closes there; None when nothing closes it."""
    opening = re.compile(r"<" + re.escape(tag) + r"(?=[\s/>]|$)", re.I)
    closing = re.compile(r"</" + re.escape(tag) + r"\s*>", re.I)
    depth = 0
    for index in range(start, len(lines)):
        depth += len(opening.findall(lines[index])) - len(closing.findall(lines[index]))
        if depth <= 0:
            return index
    return None


def fence_findings(body: Body) -> list[Finding]:
    return [
        Finding(body.page.path, fence.line, Code.MARKDOWN_UNCLOSED_FENCE,
                strings.MARKDOWN_UNCLOSED_FENCE.format(fence=body.page.lines[fence.line - 1].strip()[:12]))
        for fence in body.fences
        if not fence.closed
    ]


def html_block_findings(body: Body) -> list[Finding]:
    return [
        Finding(body.page.path, block.line, Code.MARKDOWN_UNCLOSED_HTML,
                strings.MARKDOWN_UNCLOSED_HTML.format(tag=block.tag))
        for block in body.html_blocks
        if not block.closed
    ]


INLINE_CODE = re.compile(r"(`+)(?:.+?)\1")


def without_inline_code(text: str) -> str:
    """The line with inline code spans blanked out (same length, so columns still match)."""
    return INLINE_CODE.sub(lambda m: " " * len(m.group(0)), text)

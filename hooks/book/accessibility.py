"""Accessibility defects only the authors' Markdown can make, reported at their line.

axe-core finds them in the built page (empty-table-header, heading-order) but cannot say
which line of which chapter to fix; these checks read the same source lines the other
checks do. Both are warnings: the page still reads, but a screen reader user loses a
column's name or the outline of the chapter; ``mkdocs build --strict`` fails on them.
"""

from __future__ import annotations

import re

from .blocks import Body, without_inline_code
from . import strings
from .codes import Code
from .findings import Finding
from .headings import ATX_HEADING

TABLE_DELIMITER = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
# The page's title, from front matter, is its h1: the body's first heading may be ## (or #).
TITLE_LEVEL = 1


def accessibility_findings(body: Body) -> list[Finding]:
    return _heading_skips(body) + _empty_table_headers(body)


def _heading_skips(body: Body) -> list[Finding]:
    findings = []
    previous = TITLE_LEVEL
    for line, text in body.prose:
        if "#" not in text:
            continue
        match = ATX_HEADING.match(text)
        if not match:
            continue
        level = len(text.lstrip(" ")) - len(text.lstrip(" ").lstrip("#"))
        if level > previous + 1:
            findings.append(Finding(
                body.page.path, line, Code.HEADING_LEVEL_SKIP,
                strings.HEADING_LEVEL_SKIP.format(level=level, hashes="#" * level, previous=previous,
                                                  expected="#" * (previous + 1)),
                Code.HEADING_LEVEL_SKIP.severity))
        previous = level
    return findings


def _cells(row: str) -> list[str]:
    row = without_inline_code(row).strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    return UNESCAPED_PIPE.split(row)


def _empty_table_headers(body: Body) -> list[Finding]:
    findings = []
    prose = body.prose
    for index in range(len(prose) - 1):
        (line, text), (next_line, delimiter) = prose[index], prose[index + 1]
        if "|" not in text or next_line != line + 1 or "-" not in delimiter or not TABLE_DELIMITER.match(delimiter):
            continue
        if index > 0 and prose[index - 1][0] == line - 1 and "|" in prose[index - 1][1]:
            continue  # a row inside a table, not its header
        empty = [number for number, cell in enumerate(_cells(text), start=1) if not cell.strip()]
        if empty:
            columns = ", ".join(str(number) for number in empty)
            findings.append(Finding(
                body.page.path, line, Code.TABLE_EMPTY_HEADER, strings.TABLE_EMPTY_HEADER.format(columns=columns),
                Code.TABLE_EMPTY_HEADER.severity))
    return findings

"""A Part's subtitle: the line under its heading on the Part's landing page.

The book's Part pages read ``# Part 1`` and then one line with the Part's full title
(``Why: …``). The navigation shows that line under the Part's name, so a reader sees what
each Part is about without opening it.
"""

from __future__ import annotations

import re

_HEADING = re.compile(r"^#\s+(?P<text>.+?)\s*#*\s*$")


def part_subtitle(body: str, title: str) -> str | None:
    """The one-line paragraph right under the ``# <title>`` heading that opens ``body``,
    or None: when the page opens otherwise, or the paragraph is prose of several lines."""
    lines = body.replace("\r\n", "\n").split("\n")
    index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if index is None:
        return None
    heading = _HEADING.match(lines[index].strip())
    if not heading or heading["text"].strip() != title.strip():
        return None
    rest = lines[index + 1:]
    start = next((i for i, line in enumerate(rest) if line.strip()), None)
    if start is None:
        return None
    paragraph = []
    for line in rest[start:]:
        if not line.strip():
            break
        paragraph.append(line.strip())
    if len(paragraph) != 1 or paragraph[0].startswith(("#", ">", "-", "*", "|", "```", "<", "!")):
        return None
    return paragraph[0]

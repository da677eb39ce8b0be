"""After a page renders: every id its analysis predicted must be on the page.

The checks decide what a link may point at from source lines (``PageAnalysis.anchors``);
the page gets its ids from the Markdown extensions and toc. A gap between the two would
let ``make check`` pass a link the built page cannot follow, or the reverse, so each
predicted id the page lacks is a finding at the line that should have made it.
"""

from __future__ import annotations

from collections.abc import Collection

from . import strings
from .analysis import PageAnalysis
from .codes import Code
from .findings import Finding


def unrendered_anchors(page: PageAnalysis, present: Collection[str]) -> list[Finding]:
    path = page.source.path
    return [
        Finding(path, line, Code.ANCHOR_NOT_RENDERED, strings.ANCHOR_NOT_RENDERED.format(anchor=anchor))
        for anchor, line in page.anchors.lines.items()
        if anchor not in present
    ]

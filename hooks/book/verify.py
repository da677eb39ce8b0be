"""After a page renders: every id its analysis predicted must be on the page.

The checks decide what a link may point at from source lines (``PageAnalysis.anchors``);
the page gets its ids from the Markdown extensions and toc. A gap between the two would
let ``make check`` pass a link the built page cannot follow, or the reverse, so each
predicted id the page lacks is a finding at the line that should have made it.
"""

from __future__ import annotations

from typing import Collection

from .analysis import PageAnalysis
from .findings import Finding


def unrendered_anchors(page: PageAnalysis, present: Collection[str]) -> list[Finding]:
    path = page.source.path
    return [
        Finding(path, line, "anchor-not-rendered",
                f"the checks expect the id '#{anchor}' from this line, but the built page has no such id; "
                "links to it would break (write the heading or caption in the book's shape)")
        for anchor, line in page.anchors.lines.items()
        if anchor not in present
    ]

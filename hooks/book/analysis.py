"""Every check of the book, run over all of its pages at once.

Some checks need the whole book (a parent named by title, a figure mentioned in another
chapter), so the unit of analysis is the book, not a page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .findings import Finding, sorted_findings
from .navigation import NavEntry, Navigation, navigation_of
from .sources import SourcePage


@dataclass
class BookAnalysis:
    pages: dict[str, SourcePage]  # by src_uri
    navigation: Navigation
    findings: list[Finding]

    def navigation_entry(self, src_uri: str) -> NavEntry | None:
        return self.navigation.entries.get(src_uri)

    def findings_for(self, path: str) -> list[Finding]:
        return [f for f in self.findings if f.path == path]


def analyse_book(pages: Sequence[SourcePage]) -> BookAnalysis:
    navigation = navigation_of(pages)
    findings = [f for page in pages for f in page.findings]
    findings += navigation.findings
    return BookAnalysis({p.src_uri: p for p in pages}, navigation, sorted_findings(findings))

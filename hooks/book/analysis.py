"""Every check of the book, run over all of its pages at once.

Some checks need the whole book (a parent named by title, a figure mentioned in another
chapter), so the unit of analysis is the book, not a page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from .blocks import Body, fence_findings, scan
from .chapters import chapter_id
from .figure_list import FIGURE_LIST_URI, FRONT_MATTER, figure_list_markdown
from .figures import ChapterFigures, Mention, find_figures, find_mentions, mention_findings
from .findings import Finding, sorted_findings
from .navigation import NavEntry, Navigation, navigation_of
from .sources import SourcePage, read_page


@dataclass
class PageAnalysis:
    source: SourcePage
    body: Body
    chapter: str | None  # the chapter identifier, None for Part pages, the home page …
    figures: ChapterFigures
    mentions: list[Mention]


@dataclass
class BookAnalysis:
    pages: dict[str, PageAnalysis]  # by src_uri
    navigation: Navigation
    findings: list[Finding]
    figure_pages: dict[str, str] = field(default_factory=dict)  # figure anchor -> src_uri
    generated: list[str] = field(default_factory=list)  # src_uris of pages made from the book

    def source(self, src_uri: str) -> SourcePage | None:
        page = self.pages.get(src_uri)
        return page.source if page else None

    def navigation_entry(self, src_uri: str) -> NavEntry | None:
        return self.navigation.entries.get(src_uri)

    def findings_for(self, path: str) -> list[Finding]:
        return [f for f in self.findings if f.path == path]


def analyse_book(sources: Sequence[SourcePage]) -> BookAnalysis:
    authored = list(sources)
    # Generated pages take their place in the navigation like any page; their front matter
    # is known before their content, which needs the book order.
    planned = [] if any(s.src_uri == FIGURE_LIST_URI for s in authored) else [
        read_page(FIGURE_LIST_URI, FRONT_MATTER.encode("utf-8"))
    ]
    navigation = navigation_of(authored + planned)
    findings = [f for source in authored for f in source.findings] + navigation.findings

    pages: dict[str, PageAnalysis] = {}
    for source in authored:
        pages[source.src_uri] = page = _analyse_page(source, navigation.entries[source.src_uri])
        findings += fence_findings(page.body) + page.figures.findings

    figure_pages: dict[str, str] = {}
    for uri, page in pages.items():
        for caption in page.figures.numbered:
            figure_pages.setdefault(caption.anchor, uri)
    for page in pages.values():
        findings += mention_findings(page.mentions, set(figure_pages), page.source.path)

    in_order = [(entry, pages[entry.src_uri].figures.numbered)
                for entry in navigation.book_order() if entry.src_uri in pages]
    for plan in planned:
        text = figure_list_markdown(in_order)
        source = read_page(plan.src_uri, text.encode("utf-8"))
        pages[plan.src_uri] = _analyse_page(source, navigation.entries[plan.src_uri])

    return BookAnalysis(pages, navigation, sorted_findings(findings), figure_pages,
                        [plan.src_uri for plan in planned])


def _analyse_page(source: SourcePage, entry: NavEntry) -> PageAnalysis:
    body = scan(source)
    chapter = chapter_id(entry.title)
    return PageAnalysis(source, body, chapter, find_figures(body, chapter), find_mentions(body))

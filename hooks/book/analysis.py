"""Every check of the book, run over all of its pages at once.

Some checks need the whole book (a parent named by title, a figure mentioned in another
chapter), so the unit of analysis is the book, not a page.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from collections.abc import Collection, Mapping, Sequence

from . import generated
from .accessibility import accessibility_findings
from .anchors import Anchor, find_anchor
from .blocks import Body, fence_findings, html_block_findings, scan
from .chapters import chapter_id, chapter_kind
from .conventions import (ChapterReference, Trailer, callout_findings, find_chapter_references,
                          find_trailer, reference_findings, split_review_marker)
from .figures import ChapterFigures, Mention, find_figures, find_mentions, mention_findings
from .generated import ChapterInfo
from .headings import ATX_HEADING, PageAnchors, TocSettings, heading_name, page_anchors
from .links import Link, broken_links, find_links
from .findings import Finding, sorted_findings
from .navigation import NavEntry, Navigation, navigation_of
from .sources import SourcePage, read_page
from .svg import SvgProblem


@dataclass
class PageAnalysis:
    source: SourcePage
    body: Body
    chapter: str | None  # the chapter identifier, None for Part pages, the home page …
    figures: ChapterFigures
    mentions: list[Mention]
    kind: str | None = None  # "body", "appendix" or None (see chapters.chapter_kind)
    anchor: Anchor | None = None
    anchors: PageAnchors = field(default_factory=PageAnchors)  # ids links may point at, with their lines
    references: list[ChapterReference] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    trailer: Trailer | None = None
    own_findings: list[Finding] = field(default_factory=list)  # the page's findings that need no other page


@dataclass
class BookAnalysis:
    pages: dict[str, PageAnalysis]  # by src_uri
    navigation: Navigation
    findings: list[Finding]
    figure_pages: dict[str, str] = field(default_factory=dict)  # figure anchor -> src_uri
    chapter_pages: dict[str, str] = field(default_factory=dict)  # chapter identifier -> src_uri
    generated: list[str] = field(default_factory=list)  # src_uris of pages made from the book
    # (src_uri, address) of each link a finding is raised for: MkDocs' own warning for the
    # same link would say it again, without a line (hooks/link_warnings.py quiets it).
    reported_links: set[tuple[str, str]] = field(default_factory=set)

    def source(self, src_uri: str) -> SourcePage | None:
        page = self.pages.get(src_uri)
        return page.source if page else None

    def navigation_entry(self, src_uri: str) -> NavEntry | None:
        return self.navigation.entries.get(src_uri)

    def findings_for(self, path: str) -> list[Finding]:
        return [f for f in self.findings if f.path == path]

    @functools.cached_property
    def _chapters(self) -> list[ChapterInfo]:
        return self._list_chapters()

    def chapters(self) -> list[ChapterInfo]:
        return list(self._chapters)

    def _list_chapters(self) -> list[ChapterInfo]:
        """Every authored page in the navigation, in book order, with what generated pages need."""
        return [
            ChapterInfo(entry, self.navigation.top_level(entry.src_uri), page.kind, page.anchor,
                        page.figures.numbered)
            for entry in self.navigation.book_order()
            if (page := self.pages.get(entry.src_uri)) and entry.src_uri not in self.generated
        ]

    def lists_chapters(self, src_uri: str) -> bool:
        """A Part's landing page: an authored top-level page with children, which it lists."""
        return (src_uri in self.pages and src_uri not in self.generated
                and src_uri not in self.navigation.parents and bool(self.navigation.children(src_uri)))

    def children_of(self, src_uri: str) -> list[ChapterInfo]:
        children = set(self.navigation.children(src_uri))
        return [chapter for chapter in self.chapters() if chapter.entry.src_uri in children]


def analyse_book(
    sources: Sequence[SourcePage], doc_uris: Collection[str] | None = None, legacy_base: str | None = None,
    toc: TocSettings | None = None, config_findings: Sequence[Finding] = (),
    bad_svgs: Mapping[str, SvgProblem] | None = None,
) -> BookAnalysis:
    """All checks over the book; ``doc_uris`` are all its files (images too), for links;
    ``toc`` is how mkdocs.yml has the toc extension make heading ids; ``config_findings``
    were met reading the site's configuration (``_config.yml``); ``bad_svgs`` are its SVG
    files a browser cannot draw, by src_uri."""
    toc = toc or TocSettings()
    authored = list(sources)
    # Generated pages take their place in the navigation like any page; their front matter
    # is known before their content, which needs the whole book.
    taken = {source.src_uri for source in authored}
    planned = [page for page in generated.PLANNED if page.src_uri not in taken]
    navigation = navigation_of(authored + [read_page(p.src_uri, p.front_matter.encode()) for p in planned])
    findings = [*config_findings, *(f for source in authored for f in source.findings), *navigation.findings]

    pages: dict[str, PageAnalysis] = {}
    for source in authored:
        pages[source.src_uri] = page = _analyse_page(source, navigation, toc)
        findings += page.own_findings

    figure_pages: dict[str, str] = {}
    chapter_pages: dict[str, str] = {}
    for entry in navigation.book_order() + navigation.excluded:
        found = pages.get(entry.src_uri)
        if found is None:
            continue
        page = found
        for caption in page.figures.numbered:
            figure_pages.setdefault(caption.anchor, entry.src_uri)
        if page.chapter:
            chapter_pages.setdefault(page.chapter, entry.src_uri)

    all_uris = set(doc_uris if doc_uris is not None else taken) | taken | {p.src_uri for p in planned}
    anchors = {uri: page.anchors for uri, page in pages.items()}
    known_figures, known_chapters = set(figure_pages), set(chapter_pages)
    reported_links: set[tuple[str, str]] = set()
    for page in pages.values():
        path = page.source.path
        findings += mention_findings(page.mentions, known_figures, path)
        findings += reference_findings(page.references, known_chapters, path)
        for broken in broken_links(page.links, page.source.src_uri, path, all_uris, anchors, legacy_base, bad_svgs):
            findings.append(broken.finding)
            if broken.rendered is not None:
                reported_links.add((broken.src_uri, broken.rendered))

    analysis = BookAnalysis(pages, navigation, sorted_findings(findings), figure_pages, chapter_pages,
                            reported_links=reported_links)
    chapters = analysis.chapters()
    for plan in planned:
        source = read_page(plan.src_uri, generated.render(plan, chapters).encode("utf-8"))
        pages[plan.src_uri] = _analyse_page(source, navigation, toc)
        analysis.generated.append(plan.src_uri)
    return analysis


def _analyse_page(source: SourcePage, navigation: Navigation, toc: TocSettings) -> PageAnalysis:
    body = scan(source)
    entry = navigation.entries[source.src_uri]
    chapter = chapter_id(entry.title)
    kind = chapter_kind(entry, navigation)
    anchor, anchor_findings = find_anchor(body, required=kind == "body")
    figures = find_figures(body, chapter)
    trailer, trailer_findings = find_trailer(body)
    own = fence_findings(body) + html_block_findings(body) + figures.findings + anchor_findings + trailer_findings + callout_findings(body)
    own += accessibility_findings(body)
    return PageAnalysis(
        source, body, chapter, figures, find_mentions(body), kind, anchor,
        # Ids made before toc runs (the title the renderer writes, figures): toc steps around them.
        anchors=page_anchors(body, {**_title_anchor(body, entry, chapter, toc),
                                    **{caption.anchor: caption.line for caption in reversed(figures.numbered)}}, toc),
        references=find_chapter_references(body), links=find_links(body), trailer=trailer, own_findings=own,
    )


def _title_anchor(body: Body, entry: NavEntry, chapter: str | None, toc: TocSettings) -> dict[str, int]:
    """The id of the ``<h1>`` title the renderer writes from the front matter
    (extensions/titles.py), with the line of ``title:``; none when the page's own opening
    ``#`` heading is its title (toc names that one, as any heading). The same rule as the
    renderer's, read from the source: the body opens with its only ``#`` heading, and on a
    chapter's page that heading says the chapter's title."""
    title = " ".join(entry.display_title.split())
    source = body.page
    if not title or not "".join(source.lines[source.front.body_line - 1:]).strip():
        return {}  # Python-Markdown renders a blank page as nothing at all: no title either
    h1s = [(line, match["text"] or "") for line, text in body.prose
           if text.startswith("# ") and (match := ATX_HEADING.match(text))]
    first = next((item for item in body.items() if not isinstance(item[1], str) or item[1].strip()), None)
    if len(h1s) == 1 and first is not None and first[0] == h1s[0][0]:
        own = " ".join(heading_name(h1s[0][1]).split())
        if chapter is None or split_review_marker(own)[0] == title:
            return {}
    return {toc.slugify(title, toc.separator): entry.title_line}

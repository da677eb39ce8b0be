"""Pages made from the book, never by hand: the list of figures, the digest of summaries,
the keyword index, and each Part's list of chapters.

Their introductions are Markdown, rendered like any chapter. Their lists are HTML, written
here and put in place of a marker after Markdown has run: hundreds of links and headings
cost Python-Markdown about 50 ms a build on 60 chapters and the digest alone 95 ms on 600
(`make bench`), for text with no Markdown in it, and every target comes from the analysis
itself. The headings carry the ids and ¶ links the toc extension would give them.

Summaries are shown as their chapter rendered them, not rendered again: the digest and the
Parts' lists hold each summary once more, and Markdown's inline patterns made them a fifth
of the hooks' cost on a 600-chapter book (`make bench`). The lists are filled in once every
page has rendered (hooks/book_build.py, ``on_env``).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from collections.abc import Callable, Sequence

from . import strings
from .anchors import Anchor, plain_text
from .figures import Caption
from .headings import TocSettings
from .links import link_between
from .navigation import NavEntry

# Where a generated list goes in its page's Markdown; Markdown keeps a comment as it is.
LIST_MARKER = "<!-- book:generated-list -->"
# Where a Part's list of chapters goes on its landing page.
CHAPTER_LIST_MARKER = "<!-- book:chapter-list -->"
# The chapter's own summary paragraph, as markup.py marks it in the chapter's HTML.
RENDERED_SUMMARY = re.compile(r'<p class="book-summary__text">(.*?)</p>', re.S)
# (src_uri, fragment) -> the link to it from the page being rendered
Href = Callable[[str, str], str]
# the chapter -> its summary as HTML that works on the page being rendered
SummaryHtml = Callable[["ChapterInfo"], str]


@dataclass(frozen=True)
class ChapterInfo:
    """What the generated pages need of one page, in book order."""

    entry: NavEntry
    section: NavEntry  # its top-level ancestor: Prologue, Part 2, 부록 A …
    kind: str | None  # "body", "appendix" or None
    anchor: Anchor | None
    figures: Sequence[Caption]


@dataclass(frozen=True)
class PlannedPage:
    src_uri: str
    title: str
    nav_order: int
    parent: str | None = None
    has_children: bool = False

    @property
    def front_matter(self) -> str:
        lines = [f'title: "{self.title}"', f"nav_order: {self.nav_order}"]
        if self.parent:
            lines.append(f'parent: "{self.parent}"')
        if self.has_children:
            lines.append("has_children: true")
        # They repeat the chapters' own words; search should lead to the chapters.
        lines.append("search:\n  exclude: true")
        return "---\n" + "\n".join(lines) + "\n---\n"


REFERENCE = PlannedPage("reference/index.md", strings.REFERENCE_TITLE, 1000, has_children=True)
FIGURE_LIST = PlannedPage("reference/figures.md", strings.FIGURE_LIST_TITLE, 1, strings.REFERENCE_TITLE)
DIGEST = PlannedPage("reference/summaries.md", strings.DIGEST_TITLE, 2, strings.REFERENCE_TITLE)
KEYWORD_INDEX = PlannedPage("reference/keywords.md", strings.KEYWORD_INDEX_TITLE, 3, strings.REFERENCE_TITLE)
PLANNED = (REFERENCE, FIGURE_LIST, DIGEST, KEYWORD_INDEX)


def render(page: PlannedPage, chapters: Sequence[ChapterInfo]) -> str:
    body = {
        REFERENCE.src_uri: _reference,
        FIGURE_LIST.src_uri: _figure_list,
        DIGEST.src_uri: _digest,
        KEYWORD_INDEX.src_uri: _keyword_index,
    }[page.src_uri](page, chapters)
    return page.front_matter + "\n" + body.rstrip("\n") + "\n"


def _reference(page: PlannedPage, chapters: Sequence[ChapterInfo]) -> str:
    links = [f"- [{p.title}]({_link(page.src_uri, p.src_uri)})" for p in PLANNED if p is not page]
    return "\n".join([strings.REFERENCE_INTRO, "", *links])


def _figure_list(page: PlannedPage, chapters: Sequence[ChapterInfo]) -> str:
    listed = any(chapter.figures for chapter in chapters)
    return "\n".join([strings.FIGURE_LIST_INTRO, "", LIST_MARKER if listed else strings.FIGURE_LIST_EMPTY])


def _digest(page: PlannedPage, chapters: Sequence[ChapterInfo]) -> str:
    listed = any(chapter.anchor and chapter.anchor.summary for chapter in chapters)
    return "\n".join([strings.DIGEST_INTRO, "", LIST_MARKER if listed else strings.EMPTY_LIST])


def _keyword_index(page: PlannedPage, chapters: Sequence[ChapterInfo]) -> str:
    listed = any(chapter.anchor and chapter.anchor.keywords for chapter in chapters)
    return "\n".join([strings.KEYWORD_INDEX_INTRO, "", LIST_MARKER if listed else strings.EMPTY_LIST])


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    text: str  # plain text, as the table of contents shows it


@dataclass(frozen=True)
class Permalink:
    """The link after each heading, as mkdocs.yml has the toc extension make it."""

    symbol: str = "&para;"  # HTML
    title: str = "Permanent link"


@dataclass(frozen=True)
class GeneratedList:
    html: str
    headings: tuple[Heading, ...] = ()  # for the page's table of contents


def generated_list(
    src_uri: str, chapters: Sequence[ChapterInfo], href: Href, summary_html: SummaryHtml,
    permalink: Permalink | None = None, toc: TocSettings | None = None,
) -> GeneratedList | None:
    """The HTML that replaces LIST_MARKER on a generated page, or None for any other page."""
    headings = _Headings(permalink, toc or TocSettings())
    if src_uri == FIGURE_LIST.src_uri:
        listing = _figure_list_html(chapters, href, headings)
    elif src_uri == DIGEST.src_uri:
        listing = _digest_html(chapters, href, summary_html, headings)
    elif src_uri == KEYWORD_INDEX.src_uri:
        listing = _keyword_index_html(chapters, href)
    else:
        return None
    return GeneratedList(listing, tuple(headings.made))


class _Headings:
    """Headings with the ids the toc extension would give them, in the order written."""

    def __init__(self, permalink: Permalink | None, toc: TocSettings):
        self.permalink = permalink
        self.toc = toc
        self.made: list[Heading] = []
        self.taken: set[str] = set()

    def html(self, level: int, text: str, inner_html: str) -> str:
        anchor = self.toc.unique_id(text, self.taken)
        self.made.append(Heading(level, anchor, text))
        link = (f'<a class="headerlink" href="#{_attr(anchor)}" title="{_attr(self.permalink.title)}">'
                f"{self.permalink.symbol}</a>") if self.permalink else ""
        return f'<h{level} id="{_attr(anchor)}">{inner_html}{link}</h{level}>'


def _figure_list_html(chapters: Sequence[ChapterInfo], href: Href, headings: _Headings) -> str:
    parts: list[str] = []
    for chapter in chapters:
        if not chapter.figures:
            continue
        target = chapter.entry.src_uri
        parts.append(headings.html(2, chapter.entry.display_title, _chapter_link(chapter, href)))
        parts.append('<ul class="book-figure-list">' + "".join(
            f'<li><a href="{_attr(href(target, c.anchor))}">{html.escape(f"{c.label} {c.text}")}</a></li>'
            for c in chapter.figures) + "</ul>")
    return "\n".join(parts)


def _digest_html(chapters: Sequence[ChapterInfo], href: Href, summary_html: SummaryHtml, headings: _Headings) -> str:
    """Every summary in book order, under its chapter's title and its Part's."""
    parts: list[str] = []
    section = None
    for chapter in chapters:
        if chapter.anchor is None or not chapter.anchor.summary:
            continue
        own_section = chapter.section.src_uri == chapter.entry.src_uri  # Prologue: a Part of its own
        if chapter.section is not section and not own_section:
            section = chapter.section
            parts.append(headings.html(2, section.title, html.escape(section.title)))
        elif own_section:
            section = None
        # A heading level is never skipped: a chapter without a Part's heading above is an h2.
        level = 2 if own_section else 3
        parts.append(headings.html(level, chapter.entry.display_title, _chapter_link(chapter, href)))
        parts.append(f"<p>{summary_html(chapter)}</p>")
        keywords = keywords_html(chapter.anchor.keywords)
        if keywords:
            parts.append(keywords)
    return "\n".join(parts)


def _keyword_index_html(chapters: Sequence[ChapterInfo], href: Href) -> str:
    # keyword -> the chapters naming it, once each, in book order (keyed by page: comparing
    # whole ChapterInfo values made this quadratic in the size of the book)
    index: dict[str, dict[str, ChapterInfo]] = {}
    for chapter in chapters:
        for keyword in chapter.anchor.keywords if chapter.anchor else ():
            index.setdefault(keyword, {}).setdefault(chapter.entry.src_uri, chapter)
    items = []
    for keyword in sorted(index, key=lambda k: (k.casefold(), k)):
        places = ", ".join(_chapter_link(c, href) for c in index[keyword].values())
        items.append(f"<li><strong>{html.escape(keyword)}</strong> — {places}</li>")
    return '<ul class="book-keyword-index">' + "".join(items) + "</ul>"


def _chapter_link(chapter: ChapterInfo, href: Href) -> str:
    return f'<a href="{_attr(href(chapter.entry.src_uri, ""))}">{html.escape(chapter.entry.display_title)}</a>'


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def rendered_summary(page_html: str) -> str | None:
    """The summary paragraph's inner HTML in a chapter's rendered page, if it has one."""
    match = RENDERED_SUMMARY.search(page_html)
    return match[1] if match else None


def fallback_summary(chapter: ChapterInfo) -> str:
    """A summary as HTML when its chapter's rendering is not at hand: its plain text."""
    return html.escape(plain_text(chapter.anchor.summary)) if chapter.anchor else ""


def chapter_list(children: Sequence[ChapterInfo]) -> str:
    """Markdown appended to a Part's landing page: a heading, and where its chapters go."""
    if not children:
        return ""
    return f"\n## {strings.PART_CHAPTERS_TITLE}\n\n{CHAPTER_LIST_MARKER}\n"


def chapter_list_html(children: Sequence[ChapterInfo], href: Href, summary_html: SummaryHtml) -> str:
    """A Part's chapters in order, each with its summary (what CHAPTER_LIST_MARKER stands for)."""
    items = []
    for child in children:
        link = _chapter_link(child, href)
        summary = summary_html(child) if child.anchor and child.anchor.summary else ""
        items.append(f"<li>\n<p><strong>{link}</strong></p>" + (f"\n<p>{summary}</p>" if summary else "") + "\n</li>")
    return '<ul class="book-chapter-list">\n' + "\n".join(items) + "\n</ul>"


def keywords_html(keywords: Sequence[str]) -> str:
    if not keywords:
        return ""
    chips = " ".join(f"<code>{html.escape(keyword)}</code>" for keyword in keywords)
    return f"<p><strong>{strings.KEYWORDS_LABEL}</strong>: {chips}</p>"


def _link(from_uri: str, to_uri: str) -> str:
    return link_between(from_uri, to_uri)

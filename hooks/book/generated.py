"""Pages made from the book, never by hand: the list of figures, the digest of summaries,
the keyword index, and each Part's list of chapters.

They are Markdown with relative ``.md`` links, so MkDocs renders and validates them like
any chapter, except for the two long lists of links (figures, keywords): those are HTML,
written here and put in place of a marker after Markdown has run. Hundreds of links cost
Python-Markdown about 50 ms a build on 60 chapters (`make bench`), a third of all the
hooks' cost, for text with no Markdown in it; their targets come from the analysis itself.

Summaries are shown as their chapter rendered them, not rendered again: the digest and the
Parts' lists hold each summary once more, and Markdown's inline patterns made them a fifth
of the hooks' cost on a 600-chapter book (`make bench`). The chapters render first
(``BookAnalysis.rendered_last``); their summaries take the place of a marker here.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Callable, Sequence
from urllib.parse import quote, unquote

from . import strings
from .anchors import Anchor, plain_text
from .figures import Caption
from .headings import unique_heading_id
from .links import link_between
from .navigation import NavEntry

# Where a generated list goes in its page's Markdown; Markdown keeps a comment as it is.
LIST_MARKER = "<!-- book:generated-list -->"
# Where a Part's list of chapters goes on its landing page, and a chapter's summary on the digest.
CHAPTER_LIST_MARKER = "<!-- book:chapter-list -->"
SUMMARY_MARKER = re.compile(r"<!-- book:summary (?P<src_uri>\S+) -->")
# The chapter's own summary paragraph, as markup.py marks it in the chapter's HTML.
RENDERED_SUMMARY = re.compile(r'<p class="book-summary__text">(.*?)</p>', re.S)
# (src_uri, fragment) -> the link to it from the page being rendered
Href = Callable[[str, str], str]


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
    lines = [strings.DIGEST_INTRO, ""]
    section = None
    for chapter in chapters:
        if chapter.anchor is None or not chapter.anchor.summary:
            continue
        if chapter.section is not section and chapter.section.src_uri != chapter.entry.src_uri:
            section = chapter.section
            lines += [f"## {text(section.title)}", ""]
        target = _link(page.src_uri, chapter.entry.src_uri)
        lines += [f"### [{text(chapter.entry.display_title)}]({target})", "", summary_marker(chapter.entry.src_uri), ""]
    if len(lines) == 2:
        lines.append(strings.EMPTY_LIST)
    return "\n".join(lines)


def _keyword_index(page: PlannedPage, chapters: Sequence[ChapterInfo]) -> str:
    listed = any(chapter.anchor and chapter.anchor.keywords for chapter in chapters)
    return "\n".join([strings.KEYWORD_INDEX_INTRO, "", LIST_MARKER if listed else strings.EMPTY_LIST])


@dataclass(frozen=True)
class GeneratedList:
    html: str
    headings: tuple[tuple[str, str], ...] = ()  # (id, text) of each <h2>, for the table of contents


def generated_list(src_uri: str, chapters: Sequence[ChapterInfo], href: Href) -> GeneratedList | None:
    """The HTML that replaces LIST_MARKER on a generated page, or None for any other page."""
    if src_uri == FIGURE_LIST.src_uri:
        return _figure_list_html(chapters, href)
    if src_uri == KEYWORD_INDEX.src_uri:
        return _keyword_index_html(chapters, href)
    return None


def _figure_list_html(chapters: Sequence[ChapterInfo], href: Href) -> GeneratedList:
    parts: list[str] = []
    headings: list[tuple[str, str]] = []
    used: set[str] = set()
    for chapter in chapters:
        if not chapter.figures:
            continue
        title = chapter.entry.display_title
        anchor = unique_heading_id(title, used)
        used.add(anchor)
        headings.append((anchor, title))
        target = chapter.entry.src_uri
        parts.append(f'<h2 id="{_attr(anchor)}"><a href="{_attr(href(target, ""))}">{html.escape(title)}</a></h2>')
        parts.append('<ul class="book-figure-list">' + "".join(
            f'<li><a href="{_attr(href(target, c.anchor))}">{html.escape(f"{c.label} {c.text}")}</a></li>'
            for c in chapter.figures) + "</ul>")
    return GeneratedList("\n".join(parts), tuple(headings))


def _keyword_index_html(chapters: Sequence[ChapterInfo], href: Href) -> GeneratedList:
    # keyword -> the chapters naming it, once each, in book order (keyed by page: comparing
    # whole ChapterInfo values made this quadratic in the size of the book)
    index: dict[str, dict[str, ChapterInfo]] = {}
    for chapter in chapters:
        for keyword in chapter.anchor.keywords if chapter.anchor else ():
            index.setdefault(keyword, {}).setdefault(chapter.entry.src_uri, chapter)
    items = []
    for keyword in sorted(index, key=lambda k: (k.casefold(), k)):
        places = ", ".join(
            f'<a href="{_attr(href(c.entry.src_uri, ""))}">{html.escape(c.entry.display_title)}</a>'
            for c in index[keyword].values())
        items.append(f"<li><strong>{html.escape(keyword)}</strong> — {places}</li>")
    return GeneratedList('<ul class="book-keyword-index">' + "".join(items) + "</ul>")


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def summary_marker(src_uri: str) -> str:
    return f"<!-- book:summary {quote(src_uri)} -->"


def rendered_summary(page_html: str) -> str | None:
    """The summary paragraph's inner HTML in a chapter's rendered page, if it has one."""
    match = RENDERED_SUMMARY.search(page_html)
    return match[1] if match else None


def fallback_summary(chapter: ChapterInfo) -> str:
    """A summary as HTML when its chapter's rendering is not at hand: its plain text."""
    return html.escape(plain_text(chapter.anchor.summary)) if chapter.anchor else ""


# the chapter -> its summary as HTML that works on the page being rendered
SummaryHtml = Callable[[ChapterInfo], str]


def digest_summaries(page_html: str, chapters: Sequence[ChapterInfo], summary_html: SummaryHtml) -> str:
    """The digest's rendered page with each chapter's summary and keywords in place of its marker."""
    by_uri = {chapter.entry.src_uri: chapter for chapter in chapters}

    def fill(match: re.Match) -> str:
        chapter = by_uri.get(unquote(match["src_uri"]))
        if chapter is None or chapter.anchor is None:
            return ""
        keywords = keywords_html(chapter.anchor.keywords)
        return f"<p>{summary_html(chapter)}</p>" + (f"\n{keywords}" if keywords else "")

    return SUMMARY_MARKER.sub(fill, page_html)


def chapter_list(children: Sequence[ChapterInfo]) -> str:
    """Markdown appended to a Part's landing page: a heading, and where its chapters go."""
    if not children:
        return ""
    return f"\n## {strings.PART_CHAPTERS_TITLE}\n\n{CHAPTER_LIST_MARKER}\n"


def chapter_list_html(children: Sequence[ChapterInfo], href: Href, summary_html: SummaryHtml) -> str:
    """A Part's chapters in order, each with its summary (what CHAPTER_LIST_MARKER stands for)."""
    items = []
    for child in children:
        link = f'<a href="{_attr(href(child.entry.src_uri, ""))}">{html.escape(child.entry.display_title)}</a>'
        summary = summary_html(child) if child.anchor and child.anchor.summary else ""
        items.append(f"<li>\n<p><strong>{link}</strong></p>" + (f"\n<p>{summary}</p>" if summary else "") + "\n</li>")
    return '<ul class="book-chapter-list">\n' + "\n".join(items) + "\n</ul>"


def keywords_html(keywords: Sequence[str]) -> str:
    if not keywords:
        return ""
    chips = " ".join(f"<code>{html.escape(keyword)}</code>" for keyword in keywords)
    return f"<p><strong>{strings.KEYWORDS_LABEL}</strong>: {chips}</p>"


def text(value: str) -> str:
    """A title or caption as literal text inside Markdown link text or a heading."""
    return html.escape(value, quote=False).replace("[", "\\[").replace("]", "\\]")


def _link(from_uri: str, to_uri: str) -> str:
    return link_between(from_uri, to_uri)

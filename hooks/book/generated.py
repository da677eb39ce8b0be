"""Pages made from the book, never by hand: the list of figures, the digest of summaries,
the keyword index, and each Part's list of chapters.

They are Markdown with relative ``.md`` links, so MkDocs renders and validates them like
any chapter (a link to a missing figure anchor fails a strict build).
"""

from __future__ import annotations

import html
import posixpath
from dataclasses import dataclass
from typing import Sequence

from . import strings
from .anchors import Anchor
from .figures import Caption
from .navigation import NavEntry


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
    lines = [strings.FIGURE_LIST_INTRO, ""]
    for chapter in chapters:
        if not chapter.figures:
            continue
        target = _link(page.src_uri, chapter.entry.src_uri)
        lines += [f"## [{text(chapter.entry.display_title)}]({target})", ""]
        lines += [f"- [{c.label} {text(c.text)}]({target}#{c.anchor})" for c in chapter.figures]
        lines.append("")
    if len(lines) == 2:
        lines.append(strings.FIGURE_LIST_EMPTY)
    return "\n".join(lines)


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
        lines += [f"### [{text(chapter.entry.display_title)}]({target})", "", chapter.anchor.summary, ""]
        if chapter.anchor.keywords:
            lines += [keyword_line(chapter.anchor.keywords), ""]
    if len(lines) == 2:
        lines.append(strings.EMPTY_LIST)
    return "\n".join(lines)


def _keyword_index(page: PlannedPage, chapters: Sequence[ChapterInfo]) -> str:
    index: dict[str, list[ChapterInfo]] = {}
    for chapter in chapters:
        for keyword in chapter.anchor.keywords if chapter.anchor else ():
            if chapter not in index.setdefault(keyword, []):
                index[keyword].append(chapter)
    lines = [strings.KEYWORD_INDEX_INTRO, ""]
    for keyword in sorted(index, key=lambda k: (k.casefold(), k)):
        places = ", ".join(
            f"[{text(c.entry.display_title)}]({_link(page.src_uri, c.entry.src_uri)})" for c in index[keyword]
        )
        lines.append(f"- **{text(keyword)}** — {places}")
    if not index:
        lines.append(strings.EMPTY_LIST)
    return "\n".join(lines)


def chapter_list(landing: NavEntry, children: Sequence[ChapterInfo]) -> str:
    """Markdown appended to a Part's landing page: its chapters, in order, with summaries."""
    if not children:
        return ""
    lines = ["", f"## {strings.PART_CHAPTERS_TITLE}", ""]
    for child in children:
        lines.append(f"- **[{text(child.entry.display_title)}]({_link(landing.src_uri, child.entry.src_uri)})**")
        if child.anchor and child.anchor.summary:
            lines += ["", "    " + child.anchor.summary, ""]
    return "\n".join(lines) + "\n"


def keyword_line(keywords: Sequence[str]) -> str:
    return f"**{strings.KEYWORDS_LABEL}**: " + " ".join(f"`{k}`" for k in keywords)


def text(value: str) -> str:
    """A title or caption as literal text inside Markdown link text or a heading."""
    return html.escape(value, quote=False).replace("[", "\\[").replace("]", "\\]")


def _link(from_uri: str, to_uri: str) -> str:
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")

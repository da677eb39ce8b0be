"""``/llms.txt`` and ``/llms-full.txt`` (llmstxt.org), built from the chapters' anchors.

The mkdocs-llmstxt plugin was evaluated: its sections and descriptions are listed by hand
in mkdocs.yml (they would drift from the chapters, and a new chapter would need a
configuration edit), its llms-full.txt is HTML converted back to Markdown page by page at
build time, and it is in maintenance mode. The book already has what the format needs —
its Parts from front matter and a summary per chapter — so the text is written here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from .generated import ChapterInfo
from .sources import SourcePage


def _sections(chapters: Sequence[ChapterInfo]) -> list[tuple[str, list[ChapterInfo]]]:
    sections: list[tuple[str, list[ChapterInfo]]] = []
    for chapter in chapters:
        if chapter.kind is None:
            continue
        if not sections or sections[-1][0] != chapter.section.title:
            sections.append((chapter.section.title, []))
        sections[-1][1].append(chapter)
    return sections


def llms_txt(title: str, summary: str, chapters: Sequence[ChapterInfo], url_of: Callable[[str], str]) -> str:
    lines = [f"# {title}", "", f"> {summary}", ""]
    for section, members in _sections(chapters):
        lines += [f"## {section}", ""]
        for chapter in members:
            description = chapter.anchor.summary if chapter.anchor and chapter.anchor.summary else ""
            entry = f"- [{_link_text(chapter.entry.display_title)}]({url_of(chapter.entry.src_uri)})"
            lines.append(f"{entry}: {description}" if description else entry)
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def llms_full_txt(title: str, summary: str, chapters: Sequence[ChapterInfo],
                  sources: dict[str, SourcePage], url_of: Callable[[str], str],
                  after_lines: Mapping[str, Mapping[int, Sequence[str]]] | None = None) -> str:
    """Every chapter's Markdown in book order, front matter replaced by a title and source.

    ``after_lines`` adds lines after a line of a chapter (by src_uri, then 1-based line):
    each diagram's text alternative under its caption, as a screen reader gets it — a model
    reads a diagram's picture no better than a screen reader does.
    """
    parts = [f"# {title}\n\n> {summary}\n"]
    for _section, members in _sections(chapters):
        for chapter in members:
            source = sources[chapter.entry.src_uri]
            added = (after_lines or {}).get(chapter.entry.src_uri) or {}
            lines: list[str] = []
            for number in range(source.front.body_line, len(source.lines) + 1):
                lines.append(source.lines[number - 1])
                if number in added:
                    lines += ["", *added[number]]
            body = "\n".join(lines).strip("\n")
            parts.append(f"# {chapter.entry.display_title}\n\nSource: {url_of(chapter.entry.src_uri)}\n\n{body}\n")
    return "\n---\n\n".join(parts)


def _link_text(title: str) -> str:
    return title.replace("[", "\\[").replace("]", "\\]")

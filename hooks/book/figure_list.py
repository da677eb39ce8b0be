"""The generated "그림 목록" page: every figure of the book, grouped by chapter."""

from __future__ import annotations

import html
import posixpath
from typing import Sequence

from . import strings
from .figures import Caption
from .navigation import NavEntry

FIGURE_LIST_URI = "figures.md"
FRONT_MATTER = f'---\ntitle: "{strings.FIGURE_LIST_TITLE}"\nnav_order: 1000\n---\n'


def figure_list_markdown(chapters: Sequence[tuple[NavEntry, Sequence[Caption]]]) -> str:
    """Markdown of the page, chapters in book order; links are relative ``.md`` links so
    MkDocs checks every one of them, anchors included."""
    lines = [FRONT_MATTER, strings.FIGURE_LIST_INTRO, ""]
    here = posixpath.dirname(FIGURE_LIST_URI)
    listed = False
    for entry, captions in chapters:
        if not captions:
            continue
        listed = True
        page = posixpath.relpath(entry.src_uri, here or ".")
        lines += [f"## [{_text(entry.title)}]({page})", ""]
        lines += [f"- [{caption.label} {_text(caption.text)}]({page}#{caption.anchor})" for caption in captions]
        lines.append("")
    if not listed:
        lines.append(strings.FIGURE_LIST_EMPTY)
    return "\n".join(lines) + "\n"


def _text(text: str) -> str:
    # Titles are text (a '<' stays a '<'); brackets would end the link text early.
    return html.escape(text, quote=False).replace("[", "\\[").replace("]", "\\]")

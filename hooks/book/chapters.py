"""Chapter identifiers (spec §2): the part of a title before its first ``.``."""

from __future__ import annotations

import re
from typing import Literal

from .navigation import NavEntry, Navigation

CHAPTER_ID = re.compile(r"^\s*(?P<id>[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*)\.(?:\s|$)")


def chapter_id(title: str) -> str | None:
    """``27`` for "27. 모델 허브와 인프라", ``F04-1`` for "F04-1. …", None for "Part 2"."""
    match = CHAPTER_ID.match(title)
    return match["id"] if match else None


# The book's top level (spec §1): Prologue and Parts hold the body chapters, 부록 … the appendices.
BODY_SECTION = re.compile(r"^(?:Prologue|Part\s*\d+)$", re.I)
APPENDIX_SECTION = re.compile(r"^부록(?:\s|$)")


def chapter_kind(entry: NavEntry, navigation: Navigation) -> Literal["body", "appendix"] | None:
    """"body" for a chapter under Prologue or a Part, "appendix" under 부록 …, else None.

    A section's landing page (``has_children`` and no chapter identifier, such as "Part 2")
    is not a chapter; a leaf page at the top level, such as a one-page Prologue, is.
    """
    if entry.has_children and chapter_id(entry.title) is None:
        return None
    section = navigation.top_level(entry.src_uri).title
    if BODY_SECTION.match(section):
        return "body"
    if APPENDIX_SECTION.match(section):
        return "appendix"
    return None

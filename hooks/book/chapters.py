"""Chapter identifiers (spec §2): the part of a title before its first ``.``."""

from __future__ import annotations

import re

CHAPTER_ID = re.compile(r"^\s*(?P<id>[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*)\.(?:\s|$)")


def chapter_id(title: str) -> str | None:
    """``27`` for "27. 모델 허브와 인프라", ``F04-1`` for "F04-1. …", None for "Part 2"."""
    match = CHAPTER_ID.match(title)
    return match["id"] if match else None

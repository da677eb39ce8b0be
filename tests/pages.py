"""Small chapter files for unit tests, in the book's conventions: written inline, or read
from tests/fixtures/chapters/ and changed to plant one defect at a time."""

from __future__ import annotations

from pathlib import Path

from book.sources import SourcePage, read_page

CHAPTERS = Path(__file__).resolve().parent / "fixtures" / "chapters"


def front(**keys) -> str:
    lines = []
    for key, value in keys.items():
        if isinstance(value, bool):
            value = str(value).lower()
        elif isinstance(value, str):
            value = '"' + value.replace('"', '\\"') + '"'
        lines.append(f"{key}: {value}")
    return "---\n" + "\n".join(lines) + "\n---\n"


def page(src_uri: str, body: str = "본문입니다.\n", **keys) -> SourcePage:
    return read_page(src_uri, (front(**keys) + "\n" + body).encode("utf-8"))


def fixture_text(name: str) -> str:
    return (CHAPTERS / name).read_text(encoding="utf-8")


def fixture_page(name: str, text: str | None = None, src_uri: str | None = None) -> SourcePage:
    text = fixture_text(name) if text is None else text
    return read_page(src_uri or name, text.encode("utf-8"))


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the n-th line containing ``needle``: where a finding must point."""
    hits = [number for number, line in enumerate(text.split("\n"), start=1) if needle in line]
    assert len(hits) >= occurrence, f"{needle!r} occurs {len(hits)} times"
    return hits[occurrence - 1]

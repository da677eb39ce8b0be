"""Small chapter files written inline for unit tests, in the book's conventions."""

from __future__ import annotations

from book.sources import SourcePage, read_page


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

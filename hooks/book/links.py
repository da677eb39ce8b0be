"""Jekyll-era links (spec §6): ``27-hub.html`` means the page built from ``27-hub.md``."""

from __future__ import annotations

import posixpath
from typing import Collection
from urllib.parse import urlsplit, urlunsplit


def markdown_target_of_html_link(href: str, from_uri: str, doc_uris: Collection[str]) -> str | None:
    """The ``.md`` link a relative ``.html`` link stands for, or None to leave it alone.

    ``href`` is resolved against the linking page's folder; the answer keeps the author's
    relative form and fragment, so MkDocs' own link validation and URL mapping apply.
    """
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path.endswith(".html") or parts.path.startswith("/"):
        return None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(from_uri), parts.path))
    if target in doc_uris:  # a real HTML file in the book: it is what the author means
        return None
    markdown = target[: -len(".html")] + ".md"
    if markdown not in doc_uris:
        return None
    new_path = parts.path[: -len(".html")] + ".md"
    return urlunsplit(("", "", new_path, parts.query, parts.fragment))

"""Renders each Part of the sidebar once per build, not once per page.

Material writes the whole book's navigation into every page (partials/nav.html), each item
through its recursive ``render`` macro: on the 60-chapter bench book that is a fifth of a
stock Material build (0.82x the time with the sidebar left empty), and it grows with the
square of the book (600 chapters: 22.9 s stock, 10.0 s with this). A Part that does not
hold the page being written comes out the same on many pages: nothing in it is active, and
its links differ only by how far the page sits from the site's root.
overrides/partials/nav.html (Material's own, one line changed) asks ``cached_nav_item`` for
each top-level item; the Part holding the page, a page outside the navigation (404) and
any item whose links cannot be shown to be the same are rendered by Material's macro as
before. A test builds the fixture books with and without this and compares every page
byte for byte.

No setting of Material or MkDocs does this: ``navigation.prune`` leaves the other Parts out
of the page instead, and README says why the book keeps them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import jinja2
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.utils import get_relative_url

# Tests build once with it off and compare the pages.
SWITCH = "BOOK_NAV_FRAGMENTS"

_fragments: dict[tuple[int, str, tuple[str, ...]], Markup] = {}
_segments: dict[int, tuple[str, ...] | None] = {}


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    _fragments.clear()  # a new build: titles, pages and the navigation may all have changed
    _segments.clear()
    env.globals["cached_nav_item"] = cached_nav_item if os.environ.get(SWITCH) != "off" else _uncached
    return env


def _uncached(render: Callable[..., Markup], item: Any, path: str, page: Any) -> Markup:
    return render(item, path, 1)


def cached_nav_item(render: Callable[..., Markup], item: Any, path: str, page: Any) -> Markup:
    """Material's ``render(item, path, 1)``, from this build's earlier pages when it is the same."""
    page_url = getattr(page, "url", None)
    if getattr(item, "active", True) or not isinstance(page_url, str):
        return render(item, path, 1)
    if id(item) not in _segments:
        _segments[id(item)] = first_segments(link_urls(item))
    segments = _segments[id(item)]
    key = None if segments is None else links_key(segments, page_url)
    if key is None:
        return render(item, path, 1)
    cache_key = (id(item), path, key)
    if cache_key not in _fragments:
        _fragments[cache_key] = render(item, path, 1)
    return _fragments[cache_key]


def link_urls(item: Any) -> Iterator[str]:
    """Every address the item's HTML links to: its own, its children's."""
    url = getattr(item, "url", None)
    if isinstance(url, str):
        yield url
    for child in getattr(item, "children", None) or ():
        yield from link_urls(child)


def first_segments(urls: Iterator[str]) -> tuple[str, ...] | None:
    """The first folder of each address, or None when one is not a plain path inside the site
    (``..``, a scheme, an absolute path, a fragment): such an item is never cached."""
    segments: set[str] = set()
    for url in urls:
        first = url.split("/", 1)[0]
        if ":" in url or "\\" in url or url.startswith(("/", "#", ".")) or first in ("", ".", ".."):
            return None
        segments.add(first)
    return tuple(sorted(segments))


def links_key(segments: tuple[str, ...], page_url: str) -> tuple[str, ...] | None:
    """What the item's links depend on when written into the page at ``page_url``, or None.

    MkDocs writes a link relative to the page: as many ``..`` as the page's folders it does
    not share with the target, then the rest of the target. When the page shares not even
    the first folder with any of the item's links, every link is ``../`` times the page's
    depth and then the link as it is, so the item renders the same on every such page of
    that depth. MkDocs' own ``get_relative_url`` of each first folder tells both: its
    result is that depth of ``../`` and the folder, or the page shares the folder (None).
    """
    probes = tuple(get_relative_url(segment + "/", page_url) for segment in segments)
    for segment, probe in zip(segments, probes, strict=True):
        rest = probe
        while rest.startswith("../"):
            rest = rest[3:]
        if rest != segment + "/":
            return None
    return probes

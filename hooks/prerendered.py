"""The diagrams drawn for the build in progress, shared by hooks/diagrams.py (which draws
them) and hooks/mermaid.py (which preloads Mermaid only for pages that still need it).
Not a hook: a plain module, so it also outlives `make serve`'s rebuilds, and with it the
diagrams already read from the cache."""

from __future__ import annotations

from dataclasses import dataclass, field

from typing import Any

from book.prerender import Rendering


@dataclass
class Prerendered:
    enabled: bool = False
    renderer: Any = None  # book.mermaid_browser.Renderer of this build
    renderings: dict[str, Rendering] = field(default_factory=dict)  # by normalized source
    client_side_pages: set[str] = field(default_factory=set)  # src_uris with a diagram left to Mermaid
    current_page: str = ""
    ids_on_page: set[str] = field(default_factory=set)  # SVG ids already on the page being rendered
    # Each page's SVGs, in the order of its placeholders (book.prerender.PLACEHOLDER): the
    # page's content holds placeholders, its written HTML the SVGs.
    page_svgs: dict[str, list[str]] = field(default_factory=dict)


state = Prerendered()
memory: dict[str, Rendering] = {}  # cache key -> rendering, across `make serve` rebuilds

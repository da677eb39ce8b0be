"""The Mermaid fence's output: the SVG drawn at build time, or Mermaid's source for the
reader's browser, kept out of the search index.

One wrapper of SuperFences' own ``format`` callable decides it, once per diagram: when the
build drew the diagram (book.prerender, hooks/diagrams.py), the fence becomes a
``div.book-diagram`` holding a placeholder that names the drawing, replaced by the SVG when
the page is written out; otherwise the fence's own format runs, its output marked out of
search. Either is the raw HTML the figures extension takes for the figure's content.

Material indexes every code block, and a diagram reaches it as one: about a quarter of
chapter 27's index was Mermaid syntax, and a search for a word in a diagram showed
"flowchart TB A[…] --&gt; B" as the result's text. The words a reader looks for are in the
prose and the caption, which stay indexed.

Out of search: the Mermaid fence's own ``format`` callable (mkdocs.yml's custom fence, or
whatever replaces it) is wrapped, so its output carries Material's attribute for blocks its
search leaves out. With a value, Material's search plugin also takes the attribute out of
the page again (it removes only ``data-search-*="…"``).

| processor | kind                          | priority | why there                          |
| --------- | ----------------------------- | -------- | ---------------------------------- |
| (none)    | SuperFences custom fence format | —      | once per diagram, as it is made    |
"""

from __future__ import annotations

import functools
import re
from typing import Any
from collections.abc import Callable

from ..prerender import figure_html

OUT_OF_SEARCH = 'data-search-exclude="diagram-source"'
# The end of the first start tag of the fence's HTML: <pre class="mermaid"> or <div …>.
FIRST_TAG_END = re.compile(r"^(\s*<[A-Za-z][^>]*?)(\s*/?>)")
WRAPPED = "_book_out_of_search"


def out_of_search(format: Callable[..., str]) -> Callable[..., str]:
    """``format`` with its output's first element marked out of Material's search."""
    if getattr(format, WRAPPED, False):
        return format

    @functools.wraps(format)
    def formatted(*args: Any, **kwargs: Any) -> str:
        html = format(*args, **kwargs)
        return html if OUT_OF_SEARCH in html else FIRST_TAG_END.sub(rf"\1 {OUT_OF_SEARCH}\2", html, count=1)

    setattr(formatted, WRAPPED, True)
    return formatted


# The key of the SVG the build drew for a diagram's source, or None (drawn by the reader's browser).
DrawingKey = Callable[[str], "str | None"]


def drawn_or_out_of_search(format: Callable[..., str], drawing_key: DrawingKey) -> Callable[..., str]:
    """``format`` for a diagram the build did not draw, marked out of search; the drawn
    SVG's block for one it did."""
    if getattr(format, WRAPPED, False):
        return format
    for_the_reader = out_of_search(format)

    @functools.wraps(format)
    def formatted(source: str, *args: Any, **kwargs: Any) -> str:
        key = drawing_key(source)
        return figure_html(key) if key is not None else for_the_reader(source, *args, **kwargs)

    setattr(formatted, WRAPPED, True)
    return formatted


def diagram_fences(superfences: dict[str, Any] | None, drawing_key: DrawingKey | None = None,
                   name: str = "mermaid") -> None:
    """Wraps, in SuperFences' settings (``custom_fences``), the format of the fence ``name``."""
    for fence in (superfences or {}).get("custom_fences") or []:
        if isinstance(fence, dict) and fence.get("name") == name and callable(fence.get("format")):
            fence["format"] = (drawn_or_out_of_search(fence["format"], drawing_key) if drawing_key
                               else out_of_search(fence["format"]))


def diagram_fences_out_of_search(superfences: dict[str, Any] | None, name: str = "mermaid") -> None:
    """The fence's sources out of search, nothing drawn (``python -m book.check``, tests)."""
    diagram_fences(superfences, None, name)

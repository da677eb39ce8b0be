"""A diagram's Mermaid source stays out of the search index.

Material indexes every code block, and a diagram reaches it as one: about a quarter of
chapter 27's index was Mermaid syntax, and a search for a word in a diagram showed
"flowchart TB A[…] --&gt; B" as the result's text. The words a reader looks for are in the
prose and the caption, which stay indexed.

No processor: the Mermaid fence's own ``format`` callable (mkdocs.yml's custom fence, or
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


def diagram_fences_out_of_search(superfences: dict[str, Any] | None, name: str = "mermaid") -> None:
    """Wraps, in SuperFences' settings (``custom_fences``), the format of the fence ``name``."""
    for fence in (superfences or {}).get("custom_fences") or []:
        if isinstance(fence, dict) and fence.get("name") == name and callable(fence.get("format")):
            fence["format"] = out_of_search(fence["format"])

"""The anchors a page offers to links: heading ids, figure ids and explicit ids."""

from __future__ import annotations

import re

from pymdownx.slugs import slugify

from .anchors import plain_text
from .blocks import Body

ATX_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(?P<text>.*?)(?:[ \t]+#+)?[ \t]*$")
ATTR_LIST_ID = re.compile(r"[ \t]*\{:?[^}]*#(?P<id>[^\s}]+)[^}]*\}[ \t]*$")
HTML_ID = re.compile(r"""\bid=["']([^"']+)["']""")
# The same function mkdocs.yml gives the toc extension, so ids match the built pages.
heading_slug = slugify(case="lower")


def page_anchors(body: Body) -> set[str]:
    anchors: set[str] = set()
    for _, text in body.prose:
        heading = ATX_HEADING.match(text) if "#" in text else None
        if heading:
            title = heading["text"]
            explicit = ATTR_LIST_ID.search(title)
            if explicit:
                anchors.add(explicit["id"])
                continue
            anchors.add(unique_heading_id(plain_text(title), anchors))
        if "id=" in text:
            anchors.update(HTML_ID.findall(text))
    return anchors


def unique_heading_id(text: str, taken: set[str]) -> str:
    """The id the toc extension gives a heading with this text, after the ids in ``taken``:
    a repeated heading gets ``_1``, ``_2`` … appended."""
    slug = base = heading_slug(text, "-")
    number = 0
    while slug in taken:
        number += 1
        slug = f"{base}_{number}"
    return slug

"""Diagrams drawn when the book is built: which diagrams a book has, how each is cached,
what a rendered SVG becomes in the page, and the finding for one that does not draw.

The drawing itself needs a browser and lives in ``book.mermaid_browser``; this module is
text in, text out, so ``python -m book.check`` and the MkDocs hook share every rule.

Mermaid puts a ``<style>`` of about 5 KB into every SVG, the same for every flowchart but
scoped to that SVG's id. Here the id becomes a class named after the style's own hash, and
the style leaves the SVG: the site serves each distinct style once, in one stylesheet.
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import os
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from collections.abc import Callable, Iterable, Mapping, Sequence

from . import cache_files, strings
from .codes import Code
from .findings import Finding

if TYPE_CHECKING:
    from .analysis import BookAnalysis

# The element a rendered diagram sits in.
RENDERED_BLOCK = '<div class="book-diagram"'
# What stands for the SVG in the page's content until the page is written out, naming the
# drawing by its cache key. Material's search indexes the content and parses every tag of
# it again with Python's HTMLParser: a chapter's SVGs have ten times the tags of its text
# (that made a 60-chapter build 1.7x slower). The labels stay out of the index too, as the
# diagram sources always did.
PLACEHOLDER = "<!-- book-diagram {key} -->"

@dataclass(frozen=True)
class DiagramSource:
    path: str  # "docs/02-literacy/27-hub.md", as findings name it
    line: int  # the opening fence's line
    text: str  # the diagram, as normalize_source leaves it


@dataclass(frozen=True)
class Rendering:
    """One diagram, drawn (``svg`` and its ``style``) or not (``error``)."""

    svg: str = ""  # without its <style>; its root carries the class STYLE_CLASS names
    style: str = ""  # Mermaid's style for it, scoped to ``.{style_class}``
    style_class: str = ""
    error: str = ""  # Mermaid's message when the diagram does not parse or draw

    def to_text(self) -> str:
        """As the cache keeps it: a line of JSON for the rest, then the SVG as it is. Read back,
        only that line is parsed: a whole drawing as a JSON string cost 0.02 s more in every
        build that read 300 of them (its escapes decoded)."""
        header = json.dumps({"style": self.style, "style_class": self.style_class, "error": self.error},
                            ensure_ascii=False)
        return f"{header}\n{self.svg}"

    @classmethod
    def from_text(cls, text: str) -> Rendering:
        header, newline, svg = text.partition("\n")
        data = json.loads(header)
        if not newline or not isinstance(data, dict):
            raise ValueError("not a drawing")
        return cls(svg, *(str(data.get(key, "")) for key in ("style", "style_class", "error")))


def normalize_source(text: str) -> str:
    """A diagram as both the checks (source lines) and SuperFences (its fence's content)
    see it: no trailing blanks, no blank lines around it."""
    return "\n".join(line.rstrip() for line in text.strip("\n").split("\n")).strip("\n")


def book_diagrams(analysis: BookAnalysis) -> list[DiagramSource]:
    """Every closed ```mermaid fence of the book's authored pages, in book order."""
    found = []
    for src_uri, page in analysis.pages.items():
        if src_uri in analysis.generated:
            continue
        lines = page.body.page.lines
        for fence in page.body.fences:
            if fence.language != "mermaid" or not fence.closed:
                continue  # an unclosed fence is already a finding of its own
            opening = lines[fence.line - 1]
            indent = len(opening) - len(opening.lstrip())
            content = [line[indent:] if line[:indent].strip() == "" else line.lstrip()
                       for line in lines[fence.line:fence.end_line - 1]]
            found.append(DiagramSource(page.body.page.path, fence.line, normalize_source("\n".join(content))))
    return found


def cache_key(source: str, renderer: str) -> str:
    """``renderer`` names everything else that shapes the SVG: Mermaid's version, its
    configuration, the font file and the code that draws (see ``renderer_fingerprint``)."""
    return hashlib.sha256(f"{renderer}\0{source}".encode()).hexdigest()[:32]


def renderer_fingerprint(mermaid_version: str, configuration: Mapping[str, Any], font_digest: str, code: Iterable[str]) -> str:
    parts = [mermaid_version, json.dumps(configuration, sort_keys=True), font_digest, *code]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:32]


def svg_id(key: str) -> str:
    """Mermaid's id for the diagram: derived from the key, so the same diagram always
    gets the same SVG and two different diagrams on a page never share ids."""
    return f"book-diagram-{key[:12]}"


STYLE_ELEMENT = re.compile(r"<style[^>]*>(?P<css>.*?)</style>", re.S)


def share_style(svg: str, element_id: str) -> Rendering:
    """Takes Mermaid's <style> out of ``svg``; its rules, scoped to ``element_id``, are
    scoped to a class named after their text instead, and the SVG's root gets that class."""
    match = STYLE_ELEMENT.search(svg)
    if not match:
        return Rendering(svg=svg)
    id_selector = re.compile("#" + re.escape(element_id) + r"(?![\w-])")
    placeholder = "\0"
    # The SVG is XML (XMLSerializer's, for EPUB too): `text.actor>tspan` is `&gt;` in it.
    neutral = id_selector.sub(placeholder, html.unescape(match["css"]))
    style_class = "book-mermaid-" + hashlib.sha256(neutral.encode("utf-8")).hexdigest()[:10]
    style = neutral.replace(placeholder, "." + style_class)
    without = svg[:match.start()] + svg[match.end():]
    without = re.sub(r"^<svg\b", f'<svg class="{style_class}"', without, count=1) \
        if not re.match(r'^<svg\b[^>]*\sclass="', without) \
        else re.sub(r'^(<svg\b[^>]*?\sclass=")', rf"\g<1>{style_class} ", without, count=1)
    return Rendering(svg=without, style=style, style_class=style_class)


SVG_ID = re.compile(r'^<svg\b[^>]*?\sid="([^"]+)"')


def unique_svg(rendering: Rendering, ids_on_page: set[str]) -> str:
    """The SVG, with its ids (the SVG's, its markers') suffixed when the same diagram is
    already on the page: ids stay unique."""
    svg = rendering.svg
    found = SVG_ID.match(svg)
    if found:
        ident, unique, count = found[1], found[1], 1
        while unique in ids_on_page:
            count += 1
            unique = f"{ident}-{count}"
        if unique != ident:
            svg = svg.replace(f'"{ident}', f'"{unique}').replace(f"#{ident}", f"#{unique}")
        ids_on_page.add(unique)
    return svg


def figure_html(key: str) -> str:
    """The block that stands where the diagram's fence was, its SVG still a placeholder."""
    return f"{RENDERED_BLOCK}>{PLACEHOLDER.format(key=key)}</div>"


def fill_placeholders(html: str, drawings: Mapping[str, Rendering]) -> str:
    """The page as the reader gets it: each block's placeholder replaced by its SVG (by cache
    key), the same diagram twice on the page with ids of its own the second time.

    The block also gets the height its SVG will take: reading.css lets the browser skip an
    offscreen diagram's style and layout (content-visibility: auto), and this height holds
    its place meanwhile, so the page neither jumps nor misjudges its length."""
    if "<!-- book-diagram " not in html:
        return html
    ids_on_page: set[str] = set()

    def drawn(found: re.Match[str]) -> str:
        rendering = drawings.get(found[1])
        if rendering is None or not rendering.svg:
            return f"{RENDERED_BLOCK}>"
        height = _SVG_HEIGHT.match(rendering.svg)
        held = f' style="contain-intrinsic-block-size: auto {round(float(height[1]))}px"' if height else ""
        return f"{RENDERED_BLOCK}{held}>{unique_svg(rendering, ids_on_page)}"

    return _DRAWN_BLOCK.sub(drawn, html)


# A block with its placeholder, as figure_html writes it; and an SVG's drawn height.
_DRAWN_BLOCK = re.compile(re.escape(RENDERED_BLOCK) + r"><!-- book-diagram ([0-9a-f]+) -->")
_SVG_HEIGHT = re.compile(r'^<svg\b[^>]*?\sheight="([0-9.]+)(?:px)?"')


# The typeface labels are measured in: the family the site serves (hooks/reading_assets.py,
# Pretendard's variable font from npm) and reading.css puts first in the page's font stack,
# which Material hands diagrams as --md-mermaid-font-family. book.mermaid_browser loads the
# same variable font under this name before the first diagram; a test holds reading.css
# and the client-side loader to the same first family.
PRETENDARD_FAMILY = "Pretendard Variable"
FONT_FAMILY = (f'"{PRETENDARD_FAMILY}", Pretendard, "Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans KR", '
               '"Noto Sans CJK KR", sans-serif')
# The figure's size and scrolling are reading.css's (the figure's first child is the scroll
# box). In the light DOM the page's typography reaches into the labels, where Mermaid
# measured them without it: paragraphs inside labels keep no margin.
FIGURE_CSS = ".md-typeset .book-diagram foreignObject p { margin: 0; }\n"


def shared_stylesheet(renderings: Iterable[Rendering], extra: str = FIGURE_CSS) -> str:
    """The figure's rules, then each distinct Mermaid style once, in the order first met."""
    seen: dict[str, str] = {}
    for rendering in renderings:
        if rendering.style_class and rendering.style_class not in seen:
            seen[rendering.style_class] = rendering.style
    return extra + "\n".join(seen.values()) + "\n"


# "Parse error on line 3:", "Lexical error on line 2." and their kin
MERMAID_LINE = re.compile(r"\bon line (\d+)")


def syntax_finding(diagram: DiagramSource, error: str) -> Finding:
    """At the fence's line; Mermaid's own line, counted in the file, is in the message."""
    lines = [line.strip() for line in error.strip().splitlines() if line.strip()]
    first = lines[0] if lines else strings.DIAGRAM_NOT_DRAWN
    detail = lines[-1] if len(lines) > 1 else ""
    where = ""
    found = MERMAID_LINE.search(first)
    if found:
        # Mermaid counts from the diagram's first line; an error at the very end (an
        # unclosed bracket) is reported one past it.
        last = diagram.text.count("\n") + 1
        where = strings.DIAGRAM_SYNTAX_LINE.format(line=diagram.line + min(int(found[1]), last))
    message = strings.DIAGRAM_SYNTAX.format(error=first.rstrip(":."), where=where)
    if detail and detail != first:
        message += f": {detail}"
    return Finding(diagram.path, diagram.line, Code.DIAGRAM_SYNTAX, message[:400], Code.DIAGRAM_SYNTAX.severity)


SUFFIX = ".drawing"  # Rendering.to_text; the .json files of earlier builds are left to prune


class DiskCache:
    """One file per diagram under ``folder``; a file that cannot be read is a miss.
    What was read or written is also kept in memory, for `make serve`'s next rebuild."""

    def __init__(self, folder: str, memory: dict[str, Rendering] | None = None):
        self.folder = folder
        self.memory = {} if memory is None else memory

    def _path(self, key: str) -> str:
        return os.path.join(self.folder, key[:2], key + SUFFIX)

    def get(self, key: str) -> Rendering | None:
        if key in self.memory:
            return self.memory[key]
        data = cache_files.read(self._path(key))
        try:
            rendering = Rendering.from_text(data.decode("utf-8")) if data is not None else None
        except (ValueError, TypeError):
            rendering = None
        if rendering is None:
            return None
        self.memory[key] = rendering
        return rendering

    def prune(self) -> int:
        """Removes the drawings no build has used for a while (``book.cache_files``)."""
        return cache_files.prune(self.folder)

    def put(self, key: str, rendering: Rendering) -> None:
        self.memory[key] = rendering
        cache_files.write(self._path(key), rendering.to_text().encode("utf-8"))


Draw = Callable[[Sequence[tuple[str, str]]], list[dict[str, str]]]


@dataclass(frozen=True)
class Outcome:
    """The book's diagrams after a build drew them (or found them in the cache)."""

    renderings: Mapping[str, Rendering]  # by normalized source
    keys: Mapping[str, str]  # normalized source -> cache key
    findings: list[Finding]
    drawn: int  # diagrams that were not in the cache

    def key_of_drawing(self, source: str) -> str | None:
        """The cache key of the SVG drawn for ``source`` (a fence's text), if one was."""
        text = normalize_source(source)
        rendering = self.renderings.get(text)
        return self.keys[text] if rendering is not None and rendering.svg else None

    @functools.cached_property  # asked for by every page
    def drawings(self) -> dict[str, Rendering]:
        """Each SVG by its cache key, as the page's placeholders name them."""
        return {self.keys[text]: rendering for text, rendering in self.renderings.items() if rendering.svg}


NOTHING_DRAWN = Outcome({}, {}, [], 0)


def render_all(diagrams: Sequence[DiagramSource], cache: DiskCache, fingerprint: str, draw: Draw | None) -> Outcome:
    """Every diagram from the cache, the others drawn in one call of ``draw`` (which starts
    the browser); with no ``draw``, those are left out and drawn in the reader's browser."""
    renderings: dict[str, Rendering] = {}
    keys: dict[str, str] = {}
    missing: dict[str, str] = {}  # cache key -> source
    for diagram in diagrams:
        if diagram.text in keys:
            continue
        key = keys[diagram.text] = cache_key(diagram.text, fingerprint)
        cached = cache.get(key)
        if cached is not None:
            renderings[diagram.text] = cached
        elif draw is not None:
            missing.setdefault(key, diagram.text)
    if missing and draw is not None:
        results = draw([(svg_id(key), text) for key, text in missing.items()])
        for (key, text), result in zip(missing.items(), results, strict=True):
            if result.get("svg"):
                rendering = share_style(result["svg"], svg_id(key))
            else:
                rendering = Rendering(error=result.get("error") or strings.DIAGRAM_NOT_DRAWN)
            cache.put(key, rendering)
            renderings[text] = rendering
    findings = [syntax_finding(d, renderings[d.text].error)
                for d in diagrams if d.text in renderings and renderings[d.text].error]
    return Outcome(renderings, keys, findings, len(missing))

"""Which of Mermaid's files a page will load, so that the page can ask for them all at once.

Mermaid's ES module build is a graph of small files: the library imports its chunks, and
drawing a diagram imports that type's chunks, then its layout's. A browser finds them one
level at a time, a round trip per level (six for a flowchart); on a phone's network that
is most of the wait. ``<link rel="modulepreload">`` for the whole set fetches them together.
Mermaid publishes no list of the files a diagram type needs, so the static imports are read
from the files themselves, and the chunk that draws each type is named here.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable, Mapping

from .blocks import Body

# A relative module path in quotes; what precedes it says how it is imported:
# `from"./x.mjs"` or `import"./x.mjs"` now, `import("./x.mjs")` later. (A pattern that starts
# with the quote is thirty times faster over Mermaid's 3.5 MB than one that starts with
# the keyword.)
MODULE_PATH = re.compile(r'"(\.\.?/[^"\n]+?\.mjs)"')
STATIC_BEFORE = re.compile(r"(?:\bfrom|\bimport)\s*$")
DYNAMIC_BEFORE = re.compile(r"\bimport\(\s*$")

# The first word of a diagram -> the chunks Mermaid 11 imports to draw it: its diagram
# module, then its layout. A type not named here still draws: the browser finds its files
# one level at a time, as without preloading. tests/browser/test_diagrams.py checks the
# list against what Chromium actually fetches.
_DAGRE = "dagre"
CHUNKS_OF_TYPE: Mapping[str, tuple[str, ...]] = {
    "flowchart": ("flowDiagram", _DAGRE),
    "graph": ("flowDiagram", _DAGRE),
    "sequenceDiagram": ("sequenceDiagram",),
    "classDiagram": ("classDiagram-v2", _DAGRE),
    "stateDiagram": ("stateDiagram-v2", _DAGRE),
    "stateDiagram-v2": ("stateDiagram-v2", _DAGRE),
    "erDiagram": ("erDiagram", _DAGRE),
    "gantt": ("ganttDiagram",),
    "pie": ("pieDiagram", "pie"),
    "journey": ("journeyDiagram",),
    "timeline": ("timeline-definition",),
}


def diagram_types(body: Body) -> list[str]:
    """The first word of each Mermaid diagram on the page (``flowchart``, ``pie`` …), once each."""
    found: list[str] = []
    lines = body.page.lines
    for fence in body.fences:
        if fence.language != "mermaid":
            continue
        kind = _first_word(lines[fence.line:fence.end_line - 1] if fence.closed else lines[fence.line:])
        if kind and kind not in found:
            found.append(kind)
    return found


def _first_word(lines: Iterable[str]) -> str | None:
    in_front_matter = False
    for number, line in enumerate(lines):
        text = line.strip()
        if number == 0 and text == "---":
            in_front_matter = True
        elif in_front_matter:
            in_front_matter = text != "---"
        elif text and not text.startswith("%%"):
            return text.split()[0]
    return None


class ModuleGraph:
    """Mermaid's ES module build, read as far as a page needs: each file's static imports,
    and the chunks it may import later, by name. Paths are relative to ``dist/``."""

    def __init__(self, entry: str, read: Callable[[str], str | None]):
        self.entry = entry
        self._read = read  # a file's text, or None when there is no such file
        self._imports: dict[str, tuple[str, ...] | None] = {}
        self.later: dict[str, str] = {}  # chunk name without its hash ("flowDiagram") -> its path
        self._preloads: dict[tuple[str, ...], list[str]] = {}

    def imports(self, path: str) -> tuple[str, ...] | None:
        """The files ``path`` imports before it runs; None when it cannot be read."""
        if path not in self._imports:
            text = self._read(path)
            self._imports[path] = None if text is None else self._parse(path, text)
        return self._imports[path]

    def _parse(self, path: str, text: str) -> tuple[str, ...]:
        folder, static = posixpath.dirname(path), []
        for found in MODULE_PATH.finditer(text):
            before = text[max(0, found.start() - 8):found.start()]
            resolved = _resolve(folder, found[1])
            if STATIC_BEFORE.search(before):
                static.append(resolved)
            elif DYNAMIC_BEFORE.search(before):
                match = HASHED_NAME.match(posixpath.basename(resolved))
                if match:
                    self.later.setdefault(match["name"], resolved)
        return tuple(static)

    def closure(self, path: str) -> list[str]:
        """``path`` and every file it imports, directly or not, in a stable order."""
        seen: list[str] = []
        pending = [path]
        while pending:
            current = pending.pop()
            imports = None if current in seen else self.imports(current)
            if imports is None:
                continue
            seen.append(current)
            pending.extend(reversed(imports))
        return seen

    def preloads(self, types: Iterable[str]) -> list[str]:
        """The files a page drawing these diagram types loads: the library, then each type's."""
        key = tuple(types)
        if key not in self._preloads:
            files = self.closure(self.entry)  # reading it names the diagram types' chunks
            for kind in key:
                for chunk in CHUNKS_OF_TYPE.get(kind, ()):
                    path = self.later.get(chunk)
                    files += [f for f in self.closure(path) if f not in files] if path else []
            self._preloads[key] = files
        return list(self._preloads[key])


# "flowDiagram-YHGXBVSY.mjs" is "flowDiagram"; "pie-WAS4IAKB-6B4OPMJ5.mjs" (its grammar) is "pie".
HASHED_NAME = re.compile(r"^(?P<name>.+?)(?:-[A-Z0-9]{8})+\.mjs$")


def _resolve(folder: str, target: str) -> str:
    return posixpath.normpath(posixpath.join(folder, target))

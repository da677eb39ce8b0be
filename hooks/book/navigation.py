"""The book's navigation, built from Just the Docs front matter alone (spec §1).

Plain data in the manner of MkDocs' ``structure/nav.py``: a ``NavEntry`` per page (what its
front matter says), a tree of ``NavNode``s in book order, and the findings met on the way.
MkDocs' own ``nav:`` needs a hand-kept list, and no plugin reads Just the Docs' ``parent``
keys, so the book's rules are written here.
"""

from __future__ import annotations

import functools
import math
import posixpath
from dataclasses import dataclass, field
from collections.abc import Iterator, Sequence

from . import strings
from .codes import Code
from .conventions import split_review_marker
from .findings import Finding
from .sources import SourcePage


@dataclass(frozen=True)
class NavEntry:
    src_uri: str
    path: str
    title: str
    nav_order: float | None = None
    parent: str | None = None
    grand_parent: str | None = None
    has_children: bool = False
    nav_exclude: bool = False
    parent_line: int = 1
    title_line: int = 1

    @property
    def display_title(self) -> str:
        """The title readers see: without a review marker ("24. [v1] 제목" -> "24. 제목")."""
        return split_review_marker(self.title)[0]

    @property
    def review_marker(self) -> str | None:
        return split_review_marker(self.title)[1]

    @property
    def sort_key(self) -> tuple[bool, float, str, str]:
        # Just the Docs: pages with a nav_order first, ascending; ties and the rest by title.
        return (self.nav_order is None, self.nav_order or 0.0, self.title.casefold(), self.src_uri)


@dataclass
class NavNode:
    entry: NavEntry
    children: list[NavNode] = field(default_factory=list)

    def walk(self) -> Iterator[NavNode]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Navigation:
    roots: list[NavNode]
    excluded: list[NavEntry]
    findings: list[Finding]
    entries: dict[str, NavEntry] = field(default_factory=dict)  # every page's, by src_uri
    parents: dict[str, str] = field(default_factory=dict)  # src_uri -> its parent's src_uri

    def children(self, src_uri: str) -> list[str]:
        """The page's children in navigation order."""
        node = self._nodes.get(src_uri)
        return [child.entry.src_uri for child in node.children] if node else []

    @functools.cached_property
    def _nodes(self) -> dict[str, NavNode]:
        # Looked up once for each Part: walking the book each time made the build grow
        # with Parts times pages.
        nodes: dict[str, NavNode] = {}
        for node in self.walk():
            nodes.setdefault(node.entry.src_uri, node)
        return nodes

    def top_level(self, src_uri: str) -> NavEntry:
        """The page's top-level ancestor (itself when it has no parent)."""
        while src_uri in self.parents:
            src_uri = self.parents[src_uri]
        return self.entries[src_uri]

    def walk(self) -> Iterator[NavNode]:
        """Every node in book order: a page, then its children, then its next sibling."""
        for root in self.roots:
            yield from root.walk()

    def book_order(self) -> list[NavEntry]:
        return [node.entry for node in self.walk()]


def read_entry(page: SourcePage) -> tuple[NavEntry, list[Finding]]:
    """What one page's front matter says about its place in the navigation."""
    data, front, path = page.front.data, page.front, page.path
    findings: list[Finding] = []

    title = data.get("title")
    if title is None or (isinstance(title, str) and not title.strip()):
        title = _title_from_file_name(page.src_uri)
        if not front.broken:
            findings.append(Finding(path, front.line_of("title"), Code.FRONT_MATTER_TITLE,
                                    strings.FRONT_MATTER_NO_TITLE.format(title=title)))
    elif not isinstance(title, str):
        findings.append(Finding(path, front.line_of("title"), Code.FRONT_MATTER_TITLE,
                                strings.FRONT_MATTER_TITLE_NOT_TEXT.format(kind=type(title).__name__, title=title)))
        title = str(title)
    title = title.strip()

    nav_order = data.get("nav_order")
    if nav_order is not None:
        if isinstance(nav_order, bool) or not isinstance(nav_order, (int, float, str)):
            number = None
        else:
            try:
                number = float(nav_order)
            except ValueError:
                number = None
        if number is None or not math.isfinite(number):
            findings.append(Finding(path, front.line_of("nav_order"), Code.FRONT_MATTER_NAV_ORDER,
                                    strings.FRONT_MATTER_NAV_ORDER.format(value=repr(nav_order))))
        nav_order = number if number is not None and math.isfinite(number) else None

    parent, grand_parent = (_text_or_none(data.get(key)) for key in ("parent", "grand_parent"))
    for key, value in (("parent", parent), ("grand_parent", grand_parent)):
        if data.get(key) is not None and value is None:
            findings.append(Finding(path, front.line_of(key), Code.FRONT_MATTER_PARENT,
                                    strings.FRONT_MATTER_PARENT.format(key=key, value=repr(data.get(key)))))

    entry = NavEntry(
        src_uri=page.src_uri,
        path=path,
        title=title,
        nav_order=nav_order,
        parent=parent,
        grand_parent=grand_parent,
        has_children=data.get("has_children") is True,
        nav_exclude=data.get("nav_exclude") is True,
        parent_line=front.line_of("parent"),
        title_line=front.line_of("title"),
    )
    return entry, findings


def build_navigation(entries: Sequence[NavEntry]) -> Navigation:
    """The navigation tree, as Just the Docs would show it, with a finding per broken link.

    A page whose parent cannot be found, is ambiguous, or lies on a cycle still appears: at
    the top level when no parent is usable, under the first candidate when ambiguous.
    """
    findings: list[Finding] = []
    by_title: dict[str, list[NavEntry]] = {}
    for entry in sorted(entries, key=lambda e: e.sort_key):
        by_title.setdefault(entry.title, []).append(entry)

    parent_of: dict[str, NavEntry] = {}
    for entry in entries:
        if entry.parent is None:
            continue
        chosen, finding = _resolve_parent(entry, by_title)
        if finding:
            findings.append(finding)
        if chosen is not None:
            parent_of[entry.src_uri] = chosen

    for cycle in _cycles(entries, parent_of):
        titles = " -> ".join(f"'{e.title}'" for e in [*cycle, cycle[0]])
        for entry in cycle:
            findings.append(Finding(entry.path, entry.parent_line, Code.NAV_PARENT_CYCLE,
                                    strings.NAV_PARENT_CYCLE.format(titles=titles)))
            del parent_of[entry.src_uri]

    excluded_uris = {
        e.src_uri for e in entries if _is_excluded(e, parent_of)
    }
    nodes = {e.src_uri: NavNode(e) for e in entries if e.src_uri not in excluded_uris}
    roots: list[NavNode] = []
    for entry in sorted(entries, key=lambda e: e.sort_key):
        node = nodes.get(entry.src_uri)
        if node is None:
            continue
        parent = parent_of.get(entry.src_uri)
        (nodes[parent.src_uri].children if parent else roots).append(node)

    excluded = [e for e in entries if e.src_uri in excluded_uris]
    return Navigation(roots, excluded, findings, {e.src_uri: e for e in entries},
                      {uri: parent.src_uri for uri, parent in parent_of.items()})


def _resolve_parent(entry: NavEntry, by_title: dict[str, list[NavEntry]]) -> tuple[NavEntry | None, Finding | None]:
    candidates = [c for c in by_title.get(entry.parent or "", []) if c.src_uri != entry.src_uri]
    if not candidates:
        return None, Finding(entry.path, entry.parent_line, Code.NAV_UNKNOWN_PARENT,
                             strings.NAV_UNKNOWN_PARENT.format(parent=entry.parent))
    if entry.grand_parent is not None:
        matching = [c for c in candidates if c.parent == entry.grand_parent]
        if len(matching) == 1:
            return matching[0], None
        if not matching:
            return candidates[0], Finding(
                entry.path, entry.parent_line, Code.NAV_GRAND_PARENT, strings.NAV_GRAND_PARENT.format(
                    parent=entry.parent, grand_parent=entry.grand_parent, using=candidates[0].path))
        candidates = matching
    if len(candidates) > 1:
        places = ", ".join(c.path for c in candidates)
        return candidates[0], Finding(
            entry.path, entry.parent_line, Code.NAV_AMBIGUOUS_PARENT,
            strings.NAV_AMBIGUOUS_PARENT.format(parent=entry.parent, count=len(candidates), places=places))
    return candidates[0], None


def _cycles(entries: Sequence[NavEntry], parent_of: dict[str, NavEntry]) -> list[list[NavEntry]]:
    cycles: list[list[NavEntry]] = []
    settled: set[str] = set()
    for start in entries:
        trail: list[NavEntry] = []
        position: dict[str, int] = {}
        current: NavEntry | None = start
        while current is not None and current.src_uri not in settled:
            if current.src_uri in position:
                cycles.append(trail[position[current.src_uri]:])
                break
            position[current.src_uri] = len(trail)
            trail.append(current)
            current = parent_of.get(current.src_uri)
        settled.update(position)
    return cycles


def _is_excluded(entry: NavEntry, parent_of: dict[str, NavEntry]) -> bool:
    current: NavEntry | None = entry
    while current is not None:  # cycles are already broken
        if current.nav_exclude:
            return True
        current = parent_of.get(current.src_uri)
    return False


def _text_or_none(value: object) -> str | None:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        text = str(value).strip()
        return text or None
    return None


def _title_from_file_name(src_uri: str) -> str:
    stem = posixpath.splitext(posixpath.basename(src_uri))[0]
    return stem.replace("-", " ").replace("_", " ")


def navigation_of(pages: Sequence[SourcePage]) -> Navigation:
    """Entries read from every page, then the tree, with both kinds of finding."""
    entries, findings = [], []
    for page in pages:
        entry, entry_findings = read_entry(page)
        entries.append(entry)
        findings.extend(entry_findings)
    navigation = build_navigation(entries)
    navigation.findings[:0] = findings
    return navigation

"""A chapter file as the checks see it: decoded text and its front matter, with line numbers.

MkDocs reads a file as strict UTF-8 and recognises front matter only with ``\\n`` line
endings, so a CP949 chapter ends the build with a traceback and a CRLF chapter loses its
title. Decoding here, once, gives every check and the build the same clean text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any
from collections.abc import Mapping

import yaml

from . import strings
from .codes import Code
from .findings import Finding, Severity

# libyaml's loader where installed (it is in PyYAML's wheels): the same nodes and marks,
# several times faster on a book's worth of front matter.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

FENCE_OPEN = re.compile(r"^-{3}[ \t]*$")
FENCE_CLOSE = re.compile(r"^(?:-{3}|\.{3})[ \t]*$")

# Keys Just the Docs, MkDocs or Material give a meaning to; anything else is probably a typo.
KNOWN_KEYS = frozenset(
    {
        "title", "nav_order", "parent", "grand_parent", "has_children", "nav_exclude",
        "layout", "permalink", "description", "has_toc", "child_nav_order", "search_exclude",
        "last_modified_date", "nav_fold", "render_with_liquid", "has_children_toc",
        "hide", "icon", "status", "template", "tags", "search", "subtitle",
    }
)


@dataclass(frozen=True)
class FrontMatter:
    data: Mapping[str, Any] = field(default_factory=dict)
    key_lines: Mapping[str, int] = field(default_factory=dict)  # key -> 1-based line in the file
    body_line: int = 1  # first line of the file after the front matter
    broken: bool = False  # present but unreadable: already a finding, so keys aren't missed twice

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, 1)


@dataclass(frozen=True)
class SourcePage:
    src_uri: str  # POSIX path inside the docs folder: "02-literacy/27-hub.md"
    path: str  # how findings name it: "docs/02-literacy/27-hub.md"
    text: str  # decoded, without BOM, with "\n" line endings
    front: FrontMatter
    findings: tuple[Finding, ...] = ()

    @functools.cached_property  # read by several checks; the text never changes
    def lines(self) -> list[str]:
        return self.text.split("\n")

    @property
    def line_count(self) -> int:
        return self.text.count("\n") + 1


def decode(raw: bytes, path: str) -> tuple[str, list[Finding]]:
    """Text of a chapter file: UTF-8 (with or without BOM), newlines normalised to "\\n".

    A file in another encoding is still decoded (undecodable bytes replaced) so the rest
    of the book builds, and reported with the encoding it most likely is.
    """
    findings: list[Finding] = []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        guess = _guess_encoding(raw)
        hint = strings.ENCODING_HINT.format(guess=guess) if guess else ""
        findings.append(Finding(path, line, Code.ENCODING, strings.ENCODING.format(line=line, hint=hint)))
        text = raw.decode("cp949", errors="replace") if guess else raw.decode("utf-8", errors="replace")
        text = text.lstrip("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n"), findings


def _guess_encoding(raw: bytes) -> str | None:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    try:
        text = raw.decode("cp949")
    except UnicodeDecodeError:
        return None
    if any("\uac00" <= ch <= "\ud7a3" for ch in text):
        return "EUC-KR/CP949"
    return None


def parse_front_matter(text: str, path: str) -> tuple[FrontMatter, list[Finding]]:
    """The YAML block between the first two ``---`` lines, as MkDocs reads it."""
    lines = text.split("\n")
    if not lines or not FENCE_OPEN.match(lines[0]):
        return FrontMatter(), []
    close = next((i for i in range(1, len(lines)) if FENCE_CLOSE.match(lines[i])), None)
    if close is None:
        return FrontMatter(broken=True), [
            Finding(path, 1, Code.FRONT_MATTER_UNCLOSED, strings.FRONT_MATTER_UNCLOSED)
        ]
    body_line = close + 2
    block = "\n".join(lines[1:close]) + "\n"
    loader = None
    try:
        loader = SafeLoader(block)
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else {}
    except yaml.reader.ReaderError as error:  # a control character; it has no mark, only a position
        line = block.count("\n", 0, error.position) + 2
        return FrontMatter(body_line=body_line, broken=True), [
            Finding(path, line, Code.FRONT_MATTER_YAML,
                    strings.FRONT_MATTER_CHARACTER.format(character=repr(error.character)))
        ]
    except yaml.YAMLError as error:
        # The problem's own place, unless it is the end of the block (an unclosed bracket
        # or quote): then where the unclosed thing began.
        mark = getattr(error, "problem_mark", None)
        context = getattr(error, "context_mark", None)
        opened = str(getattr(error, "context", "") or "").startswith(("while parsing a flow", "while scanning a quoted"))
        if context is not None and (mark is None or opened or mark.line >= close - 1):
            mark = context
        line = min(mark.line + 2, close) if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        return FrontMatter(body_line=body_line, broken=True), [
            Finding(path, line, Code.FRONT_MATTER_YAML, strings.FRONT_MATTER_YAML.format(problem=problem))
        ]
    finally:
        if loader is not None:
            loader.dispose()
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return FrontMatter(body_line=body_line, broken=True), [
            Finding(path, 2, Code.FRONT_MATTER_NOT_MAPPING,
                    strings.FRONT_MATTER_NOT_MAPPING.format(kind=type(data).__name__))
        ]
    key_lines = {
        str(key.value): key.start_mark.line + 2
        for key, _ in getattr(node, "value", [])
        if isinstance(key, yaml.ScalarNode)
    }
    data = {str(key): value for key, value in data.items()}
    findings = [
        Finding(path, key_lines.get(key, 1), Code.FRONT_MATTER_UNKNOWN_KEY,
                strings.FRONT_MATTER_UNKNOWN_KEY.format(key=key), Severity.INFO)
        for key in data
        if key not in KNOWN_KEYS
    ]
    return FrontMatter(data, key_lines, body_line), findings


def read_page(src_uri: str, raw: bytes, docs_prefix: str = "docs") -> SourcePage:
    """One chapter file, decoded and with its front matter read; never raises on bad input."""
    path = f"{docs_prefix}/{src_uri}" if docs_prefix else src_uri
    text, findings = decode(raw, path)
    front, front_findings = parse_front_matter(text, path)
    return SourcePage(src_uri, path, text, front, tuple(findings + front_findings))

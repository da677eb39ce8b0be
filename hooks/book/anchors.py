"""The LLM Context Anchor (spec §4): a chapter's canonical summary and keywords.

    ---
    <!-- LLM Context Anchor -->
    **핵심 요약**: one paragraph.

    **키워드**: `HuggingFace` `OpenRouter`
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import strings
from .blocks import Body, Fence
from .codes import Code
from .findings import Finding

MARKER = re.compile(r"^<!--\s*LLM Context Anchor\s*-->$")
SUMMARY = re.compile(r"^\*\*핵심 요약\*\*\s*:\s*(?P<text>.*)$")
KEYWORDS = re.compile(r"^\*\*키워드\*\*\s*:\s*(?P<text>.*)$")
KEYWORD = re.compile(r"`([^`]+)`")
KEYWORD_LIST = re.compile(r"^`[^`]*\S[^`]*`(?:[ \t]+`[^`]*\S[^`]*`)*$")
SHAPE = strings.ANCHOR_SHAPE


@dataclass(frozen=True)
class Anchor:
    line: int  # the marker's line
    summary: str  # the summary paragraph as written (Markdown), without its label
    keywords: tuple[str, ...]
    summary_line: int
    keywords_line: int


def find_anchor(body: Body, required: bool) -> tuple[Anchor | None, list[Finding]]:
    """The page's anchor and what is wrong with it; a missing one matters when ``required``."""
    path = body.page.path
    markers = [line for line, text in body.prose if "LLM" in text and MARKER.match(text.strip())]
    if not markers:
        if not required:
            return None, []
        return None, [Finding(path, _last_line(body), Code.ANCHOR_MISSING, strings.ANCHOR_MISSING.format(shape=SHAPE))]

    findings = [
        Finding(path, line, Code.ANCHOR_DUPLICATE, strings.ANCHOR_DUPLICATE.format(line=markers[-1]))
        for line in markers[:-1]
    ]
    marker = markers[-1]
    blocks = _blocks_after(body, marker)
    summary = keywords = None
    extra: list[tuple[int, list[str]]] = []
    for start, lines in blocks:
        first = lines[0].strip()
        if summary is None and SUMMARY.match(first):
            if keywords is not None:
                findings.append(Finding(path, start, Code.ANCHOR_ORDER, strings.ANCHOR_ORDER.format(shape=SHAPE)))
            summary = (start, lines)
        elif keywords is None and KEYWORDS.match(first):
            keywords = (start, lines)
        else:
            extra.append((start, lines))

    for start, _ in extra:
        findings.append(Finding(path, start, Code.ANCHOR_NOT_LAST, strings.ANCHOR_NOT_LAST))
    summary_text = ""
    if summary is None:
        findings.append(Finding(path, marker, Code.ANCHOR_SUMMARY_MISSING,
                                strings.ANCHOR_SUMMARY_MISSING.format(shape=SHAPE)))
    else:
        summary_text = " ".join(
            [_field(SUMMARY, summary[1][0])] + [part.strip() for part in summary[1][1:]]
        ).strip()
        if not summary_text:
            findings.append(Finding(path, summary[0], Code.ANCHOR_SUMMARY_MISSING, strings.ANCHOR_SUMMARY_EMPTY))
    words: tuple[str, ...] = ()
    if keywords is None:
        findings.append(Finding(path, marker, Code.ANCHOR_KEYWORDS_MISSING,
                                strings.ANCHOR_KEYWORDS_MISSING.format(shape=SHAPE)))
    else:
        listed = _field(KEYWORDS, " ".join(part.strip() for part in keywords[1]))
        if not KEYWORD_LIST.match(listed):
            findings.append(Finding(path, keywords[0], Code.ANCHOR_KEYWORDS_SHAPE,
                                    strings.ANCHOR_KEYWORDS_SHAPE.format(text=repr(listed[:60]))))
        words = tuple(w.strip() for w in KEYWORD.findall(listed) if w.strip())

    anchor = Anchor(marker, summary_text, words,
                    summary[0] if summary else marker, keywords[0] if keywords else marker)
    return anchor, findings


def _field(pattern: re.Pattern[str], line: str) -> str:
    """The text after a label the line is known to start with (its block was chosen by it)."""
    match = pattern.match(line.strip())
    return match["text"].strip() if match else ""


def _blocks_after(body: Body, marker: int) -> list[tuple[int, list[str]]]:
    """Paragraph-like blocks after the marker: (first line, lines); a fence is one block."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] | None = None
    for line, item in body.items():
        if line <= marker:
            continue
        if isinstance(item, Fence):
            blocks.append((line, [body.page.lines[line - 1]]))
            current = None
        elif not item.strip():
            current = None
        elif current is None:
            current = [item]
            blocks.append((line, current))
        else:
            current.append(item)
    return blocks


def _last_line(body: Body) -> int:
    lines = body.page.lines
    for index in range(len(lines) - 1, -1, -1):
        if lines[index].strip():
            return index + 1
    return 1


INLINE_MARKUP = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),
    (re.compile(r"(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\1(?![\w*])"), r"\2"),
    (re.compile(r"`([^`]*)`"), r"\1"),
    (re.compile(r"<[^>]+>"), ""),
]


def plain_text(markdown: str) -> str:
    """The summary as plain text, for <meta> descriptions and search snippets."""
    text = markdown
    for pattern, replacement in INLINE_MARKUP:
        text = pattern.sub(replacement, text)
    return " ".join(text.split())

"""The chapters' smaller conventions (spec §5–6): chapter references, callouts, the trailer
metadata, review markers in titles."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from . import strings
from .blocks import Body, without_inline_code
from .codes import Code
from .findings import Finding, Severity

# [부록 A01], [A01], [F04-1], [55장] — a bracket naming a chapter, not followed by a link target.
CHAPTER_REFERENCE = re.compile(
    r"(?<![!\]\\])\[(?P<text>(?:부록\s*)?(?P<appendix>[A-Z]\d+(?:-\d+)?)|(?P<number>\d+)장)\](?![(\[:])"
)
REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[(?P<label>[^\]]+)\]:")


@dataclass(frozen=True)
class ChapterReference:
    line: int
    text: str  # as written, without brackets: "부록 A01", "55장"
    chapter: str  # the identifier it names: "A01", "55"


def find_chapter_references(body: Body) -> list[ChapterReference]:
    defined = {m["label"].strip().casefold() for _, t in body.prose
               if "]:" in t and (m := REFERENCE_DEFINITION.match(t))}
    references = []
    for line, text in body.prose:
        if "[" not in text:
            continue
        for match in CHAPTER_REFERENCE.finditer(without_inline_code(text)):
            if match["text"].casefold() in defined:  # a reference-style link the author defined
                continue
            references.append(ChapterReference(line, match["text"], match["appendix"] or match["number"]))
    return references



def reference_findings(references: list[ChapterReference], chapters: set[str], path: str) -> list[Finding]:
    return [
        Finding(path, ref.line, Code.CHAPTER_UNKNOWN_REFERENCE,
                strings.CHAPTER_UNKNOWN_REFERENCE.format(text=ref.text, chapter=ref.chapter))
        for ref in references
        if ref.chapter not in chapters
    ]


# > **[참고]** … — the label picks the admonition; TODO marks an unfinished passage.
CALLOUT = re.compile(r"^\s{0,3}>\s*\*\*\[(?P<label>[^\]]+)\]\*\*")
CALLOUT_KINDS = {"참고": "note", "note": "note", "tip": "tip", "팁": "tip", "주의": "warning",
                 "warning": "warning", "todo": "todo"}


def callout_kind(label: str) -> str | None:
    return CALLOUT_KINDS.get(label.strip().casefold())


def callout_findings(body: Body) -> list[Finding]:
    return [
        Finding(body.page.path, line, Code.CALLOUT_TODO, strings.CALLOUT_TODO, Severity.WARNING)
        for line, text in body.prose
        if "**[" in text and (match := CALLOUT.match(text)) and callout_kind(match["label"]) == "todo"
    ]


# 작성일: 2026-01-07 / Chapter: Part 2, Chapter 2.2 / 키워드: … — plain lines above the anchor.
TRAILER_LINE = re.compile(r"^(?P<key>작성일|수정일|Chapter|키워드)\s*:\s*(?P<value>.*?)\s*$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Trailer:
    line: int
    end_line: int
    fields: dict[str, str] = field(default_factory=dict)
    date: datetime.date | None = None


def find_trailer(body: Body) -> tuple[Trailer | None, list[Finding]]:
    """The last paragraph made only of trailer lines and containing 작성일, if any."""
    paragraphs: list[list[tuple[int, str]]] = []
    previous = None
    for line, text in body.prose:
        if not text.strip():
            previous = None
            continue
        if previous is not None and line == previous + 1 and paragraphs:
            paragraphs[-1].append((line, text))
        else:
            paragraphs.append([(line, text)])
        previous = line
    for paragraph in reversed(paragraphs):
        found = [TRAILER_LINE.match(text.strip()) for _, text in paragraph]
        matches = [m for m in found if m is not None]
        if len(matches) == len(found) and any(m["key"] == "작성일" for m in matches):
            fields = {m["key"]: m["value"] for m in matches}
            date_line = next(line for (line, _), m in zip(paragraph, matches, strict=True) if m["key"] == "작성일")
            date, findings = _date(fields["작성일"], body.page.path, date_line)
            return Trailer(paragraph[0][0], paragraph[-1][0], fields, date), findings
    return None, []


def written_date(value: str) -> datetime.date | None:
    """The 작성일 value as a date, or None when it is not a YYYY-MM-DD date."""
    value = value.strip()
    if DATE.match(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    return None


def _date(value: str, path: str, line: int) -> tuple[datetime.date | None, list[Finding]]:
    date = written_date(value)
    if date is not None:
        return date, []
    return None, [Finding(path, line, Code.TRAILER_DATE, strings.TRAILER_DATE.format(value=repr(value)))]


# "24. [v1] 제목": the marker is for reviewers; readers see "24. 제목" and a small badge.
REVIEW_MARKER = re.compile(r"^(?P<head>\s*[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*\.\s+)\[(?P<marker>[^\]]+)\]\s*(?P<rest>.*)$")


def split_review_marker(title: str) -> tuple[str, str | None]:
    match = REVIEW_MARKER.match(title)
    if not match:
        return title, None
    return (match["head"] + match["rest"]).strip(), match["marker"].strip()

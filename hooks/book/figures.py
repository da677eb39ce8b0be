"""Figures (spec §3): Mermaid diagrams and images with their numbered captions.

pymdownx.blocks.caption numbers figures itself, but only in its own ``/// caption`` syntax;
the book's captions are hand-numbered emphasis lines the authors will not rewrite, so they
are parsed and checked here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from collections.abc import Sequence

from . import strings
from .blocks import Body, Fence, without_inline_code
from .codes import Code
from .findings import Finding, Severity

# *Figure 27-1. HuggingFace: AI 모델의 GitHub*  (or with _ … _)
CAPTION = re.compile(
    r"^(?P<mark>\*(?!\*)|_(?!_))Figure[ \t]+(?P<chapter>[0-9A-Za-z][0-9A-Za-z-]*?)-(?P<number>\d+)\.[ \t]+"
    r"(?P<text>\S.*?)(?P=mark)$"
)
CAPTION_TEXT = re.compile(
    r"^Figure[ \t]+(?P<chapter>[0-9A-Za-z][0-9A-Za-z-]*?)-(?P<number>\d+)\.[ \t]+(?P<text>\S.*)$", re.S
)
IMAGE_LINE = re.compile(r"^!\[[^\]]*\]\([^)]*\)(?:\{[^}]*\})?$")
# A line that is meant as a caption but is not in the caption's shape: wrapped in emphasis
# or brackets with "Figure"/"그림" and a number inside, or a bare "Figure 27-1." line.
WRAPPED = re.compile(r"^(?:\*{1,2}|_{1,2}|<|\[|\()(?P<inner>.*?)(?:\*{1,2}|_{1,2}|>|\]|\))$")
FIGURE_WORD_NUMBER = re.compile(r"(?:Figure|Fig\.|그림)\s*[0-9A-Za-z]+(?:[-.][0-9]+)+", re.I)
BARE_CAPTION = re.compile(r"^(?:Figure|그림)\s*[0-9A-Za-z]+-\d+\s*[.:]\s", re.I)
# A particle may follow the number directly: 그림 27-3에서.
MENTION = re.compile(
    r"(?<![\w-])(?P<word>Figure|그림)\s?(?P<chapter>[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*?)-(?P<number>\d+)(?!\d|-\d)"
)



@dataclass(frozen=True)
class Caption:
    line: int
    chapter: str
    number: int
    text: str

    @property
    def label(self) -> str:
        return f"Figure {self.chapter}-{self.number}."

    @property
    def anchor(self) -> str:
        return figure_anchor(self.chapter, self.number)


@dataclass
class Figure:
    kind: str  # "mermaid" or "image"
    line: int
    end_line: int
    caption: Caption | None = None  # right under the figure: it renders as its <figcaption>
    stray_caption_line: int | None = None  # meant for it, but malformed or apart from it


@dataclass
class ChapterFigures:
    figures: list[Figure] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)  # every well-formed caption, in order
    findings: list[Finding] = field(default_factory=list)

    @property
    def numbered(self) -> list[Caption]:
        """Captions that render as figures (and so have an anchor to link to)."""
        return [figure.caption for figure in self.figures if figure.caption is not None]


def separate_captions(lines: list[str], captions: Sequence[tuple[int, str]], offset: int) -> list[str]:
    """``lines`` (a page's Markdown, which starts ``offset`` lines into its file) with each
    caption the analysis found, at its file line and with its text, on a paragraph of its own.

    This is how the renderer applies the analysis instead of finding captions again: a
    caption written directly under its image or fence, or directly above prose, would
    otherwise share a paragraph and never render as a caption, where the checks take it
    as one. A line that is not where the analysis saw it is left alone (and the build's
    check of the page's ids reports it).
    """
    out = list(lines)
    for line, text in sorted(captions, reverse=True):
        index = line - 1 - offset
        if not (0 <= index < len(out)) or out[index].strip() != text.strip():
            continue
        if index + 1 < len(out) and out[index + 1].strip():
            out.insert(index + 1, "")
        if index > 0 and out[index - 1].strip():
            out.insert(index, "")
    return out


def figure_anchor(chapter: str, number: int) -> str:
    return f"figure-{chapter.lower()}-{number}"


def parse_caption(text: str, line: int = 0) -> Caption | None:
    match = CAPTION.match(text.strip())
    if not match:
        return None
    return Caption(line, match["chapter"], int(match["number"]), match["text"].strip())


def looks_like_caption(text: str) -> bool:
    stripped = text.strip()
    wrapped = WRAPPED.match(stripped)
    if wrapped and FIGURE_WORD_NUMBER.search(wrapped["inner"]):
        return True
    return bool(BARE_CAPTION.match(stripped))


def _may_be_figure_line(text: str) -> bool:
    """False only for a line that no caption pattern, malformed-caption pattern or image
    pattern above could match: they all need one of these words, or an image."""
    return "그림" in text or "fig" in text.lower() or text.startswith("![")


def find_figures(body: Body, chapter: str | None) -> ChapterFigures:
    path = body.page.path
    result = ChapterFigures()
    pending: Figure | None = None  # the last figure still waiting for its caption
    text_since = False  # prose came between the pending figure and now
    # The line above continues a paragraph: an image line under it joins that paragraph (in
    # kramdown and Python-Markdown alike), so it is prose, not a figure.
    paragraph_line = -1  # the last line that opens or continues a paragraph

    for line, item in body.items():
        continues_paragraph = paragraph_line == line - 1
        if _opens_or_continues_paragraph(item):
            paragraph_line = line
        if isinstance(item, Fence):
            if item.language == "mermaid":
                pending, text_since = Figure("mermaid", item.line, item.end_line), False
                result.figures.append(pending)
            elif pending is not None:
                text_since = True
            continue
        stripped = item.strip()
        if not stripped:
            continue
        if not _may_be_figure_line(stripped):  # most prose: a quick test before the patterns
            if pending is not None:
                text_since = True
            continue
        caption = parse_caption(stripped, line)
        if caption is not None:
            result.captions.append(caption)
            if pending is None:
                result.findings.append(Finding(path, line, Code.FIGURE_CAPTION_ORPHAN,
                                               strings.FIGURE_CAPTION_ORPHAN.format(label=caption.label)))
            else:
                if text_since:
                    result.findings.append(Finding(
                        path, line, Code.FIGURE_CAPTION_DETACHED,
                        strings.FIGURE_CAPTION_DETACHED.format(label=caption.label, line=pending.line)))
                    pending.stray_caption_line = line
                else:
                    pending.caption = caption
                    if caption.line == pending.end_line + 1:
                        # Kramdown and Python-Markdown would both read it as part of the
                        # figure's paragraph; the renderer gives it its own (``separate_captions``),
                        # so it is the figure's caption, and the missing blank line a warning.
                        result.findings.append(Finding(
                            path, line, Code.FIGURE_CAPTION_SPACING,
                            strings.FIGURE_CAPTION_SPACING.format(label=caption.label, line=pending.end_line),
                            Severity.WARNING))
            pending = None
            continue
        if looks_like_caption(stripped):
            number = chapter or "N"
            result.findings.append(Finding(
                path, line, Code.FIGURE_CAPTION_SHAPE,
                strings.FIGURE_CAPTION_SHAPE.format(text=repr(stripped[:60]))
                + strings.CAPTION_HOWTO.format(chapter=number, number="n")))
            if pending is not None:
                pending.stray_caption_line = line
            pending = None
            continue
        if IMAGE_LINE.match(stripped) and not continues_paragraph:
            pending, text_since = Figure("image", line, line), False
            result.figures.append(pending)
            continue
        if pending is not None:
            text_since = True

    for figure in result.figures:
        if figure.kind == "mermaid" and figure.caption is None and figure.stray_caption_line is None:
            result.findings.append(Finding(path, figure.line, Code.FIGURE_MISSING_CAPTION,
                                           strings.FIGURE_MISSING_CAPTION.format(chapter=chapter or "N")))
    result.findings.extend(_numbering_findings(result.captions, chapter, path))
    return result


def _opens_or_continues_paragraph(item: str | Fence) -> bool:
    if isinstance(item, Fence):
        return False
    stripped = item.strip()
    return bool(stripped) and not stripped.startswith("#")


def _numbering_findings(captions: list[Caption], chapter: str | None, path: str) -> list[Finding]:
    findings = []
    for caption in captions:
        if chapter is not None and caption.chapter != chapter:
            findings.append(Finding(path, caption.line, Code.FIGURE_CHAPTER, strings.FIGURE_CHAPTER.format(
                label=caption.label, chapter=chapter, number=caption.number)))
    # Only the first break: once the sequence is off, every later number usually is too.
    for expected, caption in enumerate(captions, start=1):
        if caption.number != expected:
            repeats = any(c.number == caption.number for c in captions[: expected - 1])
            what = strings.FIGURE_NUMBER_REPEATS if repeats else strings.FIGURE_NUMBER_BREAKS
            findings.append(Finding(path, caption.line, Code.FIGURE_NUMBER, strings.FIGURE_NUMBER.format(
                label=caption.label, what=what, chapter=caption.chapter, expected=expected)))
            break
    return findings


@dataclass(frozen=True)
class Mention:
    line: int
    chapter: str
    number: int
    text: str

    @property
    def anchor(self) -> str:
        return figure_anchor(self.chapter, self.number)


def find_mentions(body: Body) -> list[Mention]:
    """``Figure 27-3`` or ``그림 27-3`` in prose, outside captions and code."""
    mentions = []
    for line, text in body.prose:
        if "Figure" not in text and "그림" not in text:
            continue  # most lines: no need for the regular expressions below
        if parse_caption(text) or looks_like_caption(text):
            continue
        for match in MENTION.finditer(without_inline_code(text)):
            mentions.append(Mention(line, match["chapter"], int(match["number"]), match.group(0)))
    return mentions


def mention_findings(mentions: list[Mention], known_anchors: set[str], path: str) -> list[Finding]:
    return [
        Finding(path, m.line, Code.FIGURE_UNKNOWN_REFERENCE, strings.FIGURE_UNKNOWN_REFERENCE.format(text=m.text))
        for m in mentions
        if m.anchor not in known_anchors
    ]

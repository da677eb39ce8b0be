"""Small chapter files for unit tests, in the book's conventions: written inline, or read
from tests/fixtures/chapters/ and changed to plant one defect at a time."""

from __future__ import annotations

from pathlib import Path

from book.sources import SourcePage, read_page

CHAPTERS = Path(__file__).resolve().parent / "fixtures" / "chapters"


def front(**keys) -> str:
    lines = []
    for key, value in keys.items():
        if isinstance(value, bool):
            value = str(value).lower()
        elif isinstance(value, str):
            value = '"' + value.replace('"', '\\"') + '"'
        lines.append(f"{key}: {value}")
    return "---\n" + "\n".join(lines) + "\n---\n"


def page(src_uri: str, body: str = "본문입니다.\n", **keys) -> SourcePage:
    return read_page(src_uri, (front(**keys) + "\n" + body).encode("utf-8"))


def fixture_text(name: str) -> str:
    return (CHAPTERS / name).read_text(encoding="utf-8")


def fixture_page(name: str, text: str | None = None, src_uri: str | None = None) -> SourcePage:
    text = fixture_text(name) if text is None else text
    return read_page(src_uri or name, text.encode("utf-8"))


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the n-th line containing ``needle``: where a finding must point."""
    hits = [number for number, line in enumerate(text.split("\n"), start=1) if needle in line]
    assert len(hits) >= occurrence, f"{needle!r} occurs {len(hits)} times"
    return hits[occurrence - 1]


# The pieces chapters are made of, and near-misses of every convention, for property tests.
CHAPTER_PIECES = [
    "---", "...", "title: \"27. 모델\"", "title: [", "nav_order: 3", "nav_order: x", "parent: Part 2",
    "parent: Part 2", "grand_parent: 홈", "has_children: true", "nav_exclude: true", "title: Part 2",
    "```mermaid", "```", "~~~", "````python", "flowchart LR", "    A --> B",
    "*Figure 27-1. 캡션*", "*Figure 27-2. 캡션*", "*Figure 26-9. 다른 장*", "**Figure 27-1. 굵게**",
    "<Figure 27-1. 꺾쇠>", "Figure 27-1. 맨글", "그림 27-1에서 보듯", "Figure 99-9처럼",
    "![그림](a.png)", "![x](", "<!-- LLM Context Anchor -->", "<!--", "-->", "**핵심 요약**: 요약이다.",
    "**핵심 요약**:", "**키워드**: `가` `나`", "**키워드**: 가, 나", "**키워드**:", "> **[참고]** 메모",
    "- 목록", "1. 번호", "| 표 | 칸 |", "", "", "", "본문 문장입니다.", "\t탭", "\ufeff", "\r", "\x00",
    "작성일: 2026-01-07", "[27장]", "[부록 A01]",
    # headings whose ids the toc extension decides (issue #17)
    "## foo_1", "## A &amp; B", "## 각주[^1]", "## !!!", "## 모델 허브 (HuggingFace)", "# Part 1: 시작",
    "## 제목 {#own-id}", "## figure-27-1", "### `code` 와 **굵게**", "## 허브 <b>굵게</b>", '<a id="own-id"></a>',
    "그림 앞 글 ![그림](a.png)", "![그림](a.png)*Figure 27-1. 붙은 캡션*",
]


def rendered(text: str, context=None, toc=None, drawing_key=None):
    """``rendered_html`` under one root element."""
    import xml.etree.ElementTree as etree

    return etree.fromstring(f"<root>{rendered_html(text, context, toc, drawing_key)}</root>")


def rendered_html(text: str, context=None, toc=None, drawing_key=None) -> str:
    """The page rendered as the build renders it, with what the checks found in it: Python-
    Markdown with superfences' Mermaid fence, toc (as ``toc``, a TocSettings, says) and the
    book's extensions. ``drawing_key`` stands for the diagrams the build drew (none by default)."""
    import markdown
    from pymdownx.superfences import fence_code_format

    from book.analysis import analyse_book
    from book.headings import TocSettings
    from book.extensions import RenderContext, book_extensions, page_context
    from book.extensions.mermaid import diagram_fences

    toc = toc or TocSettings()
    context = context or RenderContext(src_uri="02-literacy/27-hub.md")
    source = read_page(context.src_uri, text.encode("utf-8"))
    analysis = analyse_book([source], toc=toc)
    # As MkDocs hands a page to Markdown: without its front matter and the blank lines after it.
    text = "\n".join(source.lines[source.front.body_line - 1:]).lstrip("\n") if source.front.body_line > 1 else text
    context = page_context(context, analysis.pages[context.src_uri], text, context.review_marker, context.title,
                           context.page_url)
    superfences = {"custom_fences": [{"name": "mermaid", "class": "mermaid", "format": fence_code_format}]}
    diagram_fences(superfences, drawing_key)  # as hooks/rendering.py does to mkdocs.yml's
    md = markdown.Markdown(
        extensions=["pymdownx.superfences", "attr_list", "sane_lists", "toc", *book_extensions(lambda: context)],
        extension_configs={"toc": {"slugify": toc.slugify, "separator": toc.separator},
                           "pymdownx.superfences": superfences},
    )
    return md.convert(text)

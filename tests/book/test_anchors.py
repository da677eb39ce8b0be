import pytest

from book.anchors import find_anchor, plain_text
from book.blocks import scan
from book.chapters import chapter_kind
from book.navigation import navigation_of
from pages import fixture_page, fixture_text, line_of, page

CHAPTER = fixture_text("figures.md")
ANCHOR = CHAPTER[CHAPTER.index("---\n<!-- LLM"):]


def anchor_of(text: str, required: bool = True):
    return find_anchor(scan(fixture_page("figures.md", text)), required)


def codes(findings):
    return [(f.line, f.code) for f in findings]


def test_anchor_gives_summary_and_keywords():
    anchor, findings = anchor_of(CHAPTER)
    assert findings == []
    assert anchor.summary == "그림과 캡션의 규칙을 보여 주는 장이다."
    assert anchor.keywords == ("그림", "캡션")
    assert anchor.line == line_of(CHAPTER, "<!-- LLM Context Anchor -->")


def test_summary_paragraph_may_span_lines():
    text = CHAPTER.replace("보여 주는 장이다.", "보여 주는 장이다.\n두 번째 줄도 요약이다.")
    anchor, findings = anchor_of(text)
    assert findings == [] and anchor.summary.endswith("장이다. 두 번째 줄도 요약이다.")


def test_missing_anchor_is_reported_at_the_end_of_the_file_with_the_shape():
    text = CHAPTER.replace(ANCHOR, "")
    anchor, findings = anchor_of(text)
    assert anchor is None
    assert codes(findings) == [(len(text.rstrip("\n").split("\n")), "anchor-missing")]
    assert "**핵심 요약**" in findings[0].message and "**키워드**" in findings[0].message


def test_missing_anchor_is_fine_where_not_required():
    assert anchor_of(CHAPTER.replace(ANCHOR, ""), required=False) == (None, [])


@pytest.mark.parametrize("old, new, needle, code", [
    ("**핵심 요약**: 그림과 캡션의 규칙을 보여 주는 장이다.\n\n", "", "<!-- LLM", "anchor-summary-missing"),
    ("**핵심 요약**: 그림과 캡션의 규칙을 보여 주는 장이다.", "**핵심 요약**:", "**핵심 요약**", "anchor-summary-missing"),
    ("\n**키워드**: `그림` `캡션`", "", "<!-- LLM", "anchor-keywords-missing"),
    ("`그림` `캡션`", "그림, 캡션", "**키워드**", "anchor-keywords-shape"),
    ("`그림` `캡션`", "", "**키워드**", "anchor-keywords-shape"),
    ("`그림` `캡션`", "`그림`, `캡션`", "**키워드**", "anchor-keywords-shape"),
    ("**핵심 요약**: 그림과 캡션의 규칙을 보여 주는 장이다.\n\n**키워드**: `그림` `캡션`",
     "**키워드**: `그림` `캡션`\n\n**핵심 요약**: 그림과 캡션의 규칙을 보여 주는 장이다.", "**핵심 요약**", "anchor-order"),
    ("**키워드**: `그림` `캡션`\n", "**키워드**: `그림` `캡션`\n\n덧붙인 문단\n", "덧붙인 문단", "anchor-not-last"),
    ("**키워드**: `그림` `캡션`\n", "**키워드**: `그림` `캡션`\n\n```text\n코드\n```\n", "```text", "anchor-not-last"),
])
def test_each_anchor_defect_is_reported_at_the_line_to_fix(old, new, needle, code):
    text = CHAPTER.replace(old, new)
    assert text != CHAPTER
    _, findings = anchor_of(text)
    assert codes(findings) == [(line_of(text, needle), code)]


def test_a_second_anchor_is_reported_and_the_last_one_counts():
    text = CHAPTER.replace("## 흐름", ANCHOR + "\n## 흐름")
    anchor, findings = anchor_of(text)
    assert (line_of(text, "<!-- LLM", 1), "anchor-duplicate") in codes(findings)
    assert anchor.line == line_of(text, "<!-- LLM", 2)


def test_marker_inside_a_code_fence_is_code():
    text = CHAPTER.replace(ANCHOR, "```markdown\n" + ANCHOR + "```\n")
    anchor, findings = anchor_of(text)
    assert anchor is None and codes(findings)[0][1] == "anchor-missing"


def test_plain_text_of_a_summary_drops_markup():
    assert plain_text("**굵게** `코드`와 [링크](a.md), *기울임*; 2*3*4 <b>x</b>") == "굵게 코드와 링크, 기울임; 2*3*4 x"


def test_chapter_kind_follows_the_top_level_section():
    nav = navigation_of([
        page("p.md", title="Prologue", nav_order=1),
        page("p2.md", title="Part 2", nav_order=3, has_children=True),
        page("27.md", title="27. 장", parent="Part 2"),
        page("a.md", title="부록 A", nav_order=7, has_children=True),
        page("a01.md", title="A01. 부록 장", parent="부록 A"),
        page("home.md", title="홈", nav_order=0),
    ])
    kinds = {uri: chapter_kind(entry, nav) for uri, entry in nav.entries.items()}
    assert kinds == {"p.md": "body", "p2.md": None, "27.md": "body", "a.md": None, "a01.md": "appendix", "home.md": None}

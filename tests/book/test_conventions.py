import datetime

import pytest

from book.blocks import scan
from book.conventions import (callout_findings, find_chapter_references, find_trailer, reference_findings,
                              split_review_marker)
from book.findings import Severity
from book.sources import read_page
from pages import line_of

CHAPTER = """---
title: "14. 관례"
---

용어는 [부록 A01]과 [A01], 모델은 [21장], 부록의 부록은 [F04-1]에 있습니다.
[참고]는 괄호일 뿐이고 `[A01]`은 코드, [A01](a01.md)과 [용어][A01]은 링크, [27장]: 은 정의입니다.
![A01](a.png)와 \\[A02\\]도 아닙니다. [도구]는 정의된 참조입니다.

[도구]: tools.md
[B02]: b02.md

[B02]처럼 정의된 이름도 링크입니다.

```text
[A01] 코드 블록
```

> **[참고]** 참고할 점.

> **[TODO]** 아직 쓰는 중.

>**[todo]** 소문자도.

> 평범한 인용 [TODO]

작성일: 2026-01-07
Chapter: Part 1, Chapter 1.4
키워드: 관례
"""


def body(text: str = CHAPTER):
    return scan(read_page("01-basics/14.md", text.encode()))


def test_bare_brackets_naming_chapters_are_references():
    refs = find_chapter_references(body())
    line = line_of(CHAPTER, "용어는 [부록 A01]")
    assert [(r.line, r.text, r.chapter) for r in refs] == [
        (line, "부록 A01", "A01"), (line, "A01", "A01"), (line, "21장", "21"), (line, "F04-1", "F04-1"),
    ]


def test_links_code_definitions_and_plain_brackets_are_not_references():
    texts = [r.text for r in find_chapter_references(body())]
    assert "B02" not in texts and "27장" not in texts and "A02" not in texts and "참고" not in texts
    assert texts.count("A01") == 1  # only the bare one; not in code, link text or image alt


def test_reference_to_no_chapter_is_a_finding_at_its_line():
    findings = reference_findings(find_chapter_references(body()), {"A01", "21"}, "docs/01-basics/14.md")
    assert [(f.line, f.code) for f in findings] == [(line_of(CHAPTER, "용어는 [부록 A01]"), "chapter-unknown-reference")]
    assert "[F04-1]" in findings[0].message


def test_todo_callouts_are_warnings_and_other_callouts_are_not_findings():
    findings = callout_findings(body())
    assert [(f.line, f.code, f.severity) for f in findings] == [
        (line_of(CHAPTER, "**[TODO]**"), "callout-todo", Severity.WARNING),
        (line_of(CHAPTER, "**[todo]**"), "callout-todo", Severity.WARNING),
    ]


def test_trailer_gives_its_fields_and_date():
    trailer, findings = find_trailer(body())
    assert findings == []
    assert trailer.date == datetime.date(2026, 1, 7)
    assert trailer.fields["Chapter"] == "Part 1, Chapter 1.4"
    assert (trailer.line, trailer.end_line) == (line_of(CHAPTER, "작성일:"), line_of(CHAPTER, "키워드: 관례"))


@pytest.mark.parametrize("date", ["2026-13-01", "2026.01.07", "2026-1-7", "어제"])
def test_malformed_date_is_a_finding_at_its_line(date):
    text = CHAPTER.replace("2026-01-07", date)
    trailer, findings = find_trailer(body(text))
    assert trailer is not None and trailer.date is None
    assert [(f.line, f.code) for f in findings] == [(line_of(text, "작성일:"), "trailer-date")]
    assert "YYYY-MM-DD" in findings[0].message


def test_a_paragraph_mentioning_a_date_is_no_trailer():
    assert find_trailer(body("---\ntitle: x\n---\n\n작성일: 2026-01-07 에 쓴 글이라고 본문에서 말합니다. 그리고\n더 씁니다.\n")) == (None, [])


@pytest.mark.parametrize("title, shown, marker", [
    ("24. [v1] 검토 중인 장", "24. 검토 중인 장", "v1"),
    ("A01. [초안] 용어집", "A01. 용어집", "초안"),
    ("24. 표시 없는 장", "24. 표시 없는 장", None),
    ("Part 2", "Part 2", None),
    ("[v1] 번호 없는 제목", "[v1] 번호 없는 제목", None),
])
def test_review_marker_is_split_from_the_title(title, shown, marker):
    assert split_review_marker(title) == (shown, marker)

"""Accessibility defects of the authors' Markdown, as findings at their line."""

from __future__ import annotations

from book.accessibility import accessibility_findings
from book.blocks import scan
from book.findings import Severity
from pages import line_of, page

BODY = """본문입니다.

## 개요

#### 너무 깊은 제목

### 괜찮은 제목

| | 설명 | `a|b` |
|---|---|---|
| 행 | | 빈 칸은 본문이라 괜찮다 |

| 이름 | 설명 |
| --- | :---: |
| 가 | 나 |

```markdown
#### 코드 속 제목
|  | 코드 속 표 |
|---|---|
```

# 본문의 큰 제목

### 또 건너뜀
"""


def findings(body: str = BODY):
    return accessibility_findings(scan(page("01/11.md", body, title="11. 장")))


def test_a_skipped_heading_level_is_a_warning_at_its_line():
    skips = [f for f in findings() if f.code == "heading-level-skip"]
    lines = [f.line for f in skips]
    offset = 4  # the front matter and blank line written by pages.page()
    assert lines == [offset + line_of(BODY, "#### 너무 깊은"), offset + line_of(BODY, "### 또 건너뜀")]
    assert all(f.severity is Severity.WARNING for f in skips)
    assert "###" in skips[1].message  # says what to write instead


def test_the_first_heading_may_be_h2_or_h1_under_the_title():
    assert findings("## 하나\n\n### 둘\n\n# 셋\n\n## 넷\n") == []
    assert [f.code for f in findings("### 바로 h3\n")] == ["heading-level-skip"]


def test_an_empty_table_header_cell_is_a_warning_at_the_header_line():
    empty = [f for f in findings() if f.code == "table-empty-header"]
    assert [f.line for f in empty] == [4 + line_of(BODY, "| | 설명 |")]
    assert "표의 1" in empty[0].message and empty[0].severity is Severity.WARNING


def test_tables_and_headings_inside_code_are_not_findings():
    assert findings("```\n#### 코드\n| | x |\n|---|---|\n```\n") == []


def test_make_check_prints_them_and_a_strict_build_fails(tmp_path):
    from conftest import build, copy_fixture_book, make_project, plant, printed_findings, run_check

    docs = copy_fixture_book(tmp_path)
    plant(docs, "01-basics/11-agent.md", "## 에이전트의 순환", "#### 에이전트의 순환")
    project = make_project(tmp_path / "project", docs)
    done = run_check(project)
    line = line_of((docs / "01-basics/11-agent.md").read_text(encoding="utf-8"), "#### 에이전트의 순환")
    assert f"docs/01-basics/11-agent.md:{line}: heading-level-skip" in printed_findings(done)
    built = build(project)
    assert built.returncode != 0 and f"docs/01-basics/11-agent.md:{line}: heading-level-skip" in built.log

"""The checks and the built site agree (issue #17): a convention is recognised once, in the
analysis, and a gap between what the analysis predicts and what the page has is a finding
at its line, in `make check` and in `mkdocs build --strict` alike."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, build, copy_fixture_book, make_project, plant, printed_findings, run_check
from pages import CHAPTER_PIECES, line_of

# A line MkDocs or a hook prints as a warning; a located one names docs/<file>.md:<line>.
WARNING = re.compile(r"^WARNING\s+-\s+(?P<text>.*)$", re.M)
LOCATED = re.compile(r"^docs/[^:]+\.md:\d+: ")

HEADINGS = """

## foo_1

## foo_1

## A &amp; B

## !!!

[다음 foo](#foo_2) [앰퍼샌드](#a--b) [빈 제목](#_1) [틀린 주소](#foo_1_1)
"""


@pytest.fixture(scope="module")
def book_with_near_misses(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("near-misses")
    docs = copy_fixture_book(tmp_path)
    # the caption directly under its fence, with no blank line between
    plant(docs, "01-basics/11-agent.md", "```\n\n*Figure 11-1.", "```\n*Figure 11-1.")
    # an image captioned the same way, and prose right under the caption
    plant(docs, "01-basics/13-memory.md", "\n---\n<!-- LLM",
          "\n![기억](../02-literacy/model.png)\n*Figure 13-1. 기억의 층*\n기억 그림의 설명\n\n---\n<!-- LLM")
    tools = docs / "01-basics/12-tools.md"
    text = tools.read_text(encoding="utf-8")
    cut = text.index("\n---\n<!-- LLM")
    tools.write_text(text[:cut] + HEADINGS + text[cut:], encoding="utf-8")
    return make_project(tmp_path / "project", docs)


def expected_findings(project) -> list[str]:
    def line(name: str, needle: str) -> int:
        return line_of((project / "docs" / name).read_text(encoding="utf-8"), needle)

    return [
        f"docs/01-basics/11-agent.md:{line('01-basics/11-agent.md', '*Figure 11-1.')}: figure-caption-spacing",
        f"docs/01-basics/12-tools.md:{line('01-basics/12-tools.md', '[틀린 주소]')}: link-missing-anchor",
        f"docs/01-basics/13-memory.md:{line('01-basics/13-memory.md', '*Figure 13-1.')}: figure-caption-spacing",
    ]


def test_check_reports_each_near_miss_once_at_its_line(book_with_near_misses):
    done = run_check(book_with_near_misses, "--quiet")
    assert printed_findings(done) == expected_findings(book_with_near_misses)


def test_strict_build_reports_the_same_findings_renders_the_figures_and_the_predicted_ids(book_with_near_misses):
    result = build(book_with_near_misses, strict=True)
    assert result.returncode != 0 and "Traceback" not in result.log
    located = sorted(" ".join(text.split(" ")[:2]) for text in WARNING.findall(result.log) if LOCATED.match(text))
    assert located == expected_findings(book_with_near_misses)
    # MkDocs' own anchor validation says nothing for the link the check reported
    # (hooks/link_warnings.py): one located line per defect, nothing unlocated
    unlocated = [text for text in WARNING.findall(result.log) if not LOCATED.match(text)]
    assert unlocated == [], unlocated

    agent = result.html("01-basics/11-agent/index.html")
    assert re.search(r'<figure [^>]*?class="book-figure book-figure--mermaid" id="figure-11-1"', agent)
    assert "<figcaption>" in agent[agent.index('id="figure-11-1"'):]
    memory = result.html("01-basics/13-memory/index.html")
    assert re.search(r'<figure [^>]*?class="book-figure book-figure--image" id="figure-13-1"', memory)
    assert "<p>기억 그림의 설명</p>" in memory
    tools = result.html("01-basics/12-tools/index.html")
    for anchor in ("foo_1", "foo_2", "a--b", "_1"):
        assert f'id="{anchor}"' in tools


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(CHAPTER_PIECES), min_size=1, max_size=40))
def test_a_strict_build_of_near_miss_chapters_prints_no_warning_without_its_file_and_line(tmp_path_factory, pieces):
    root = tmp_path_factory.mktemp("near-miss-book")
    docs = root / "source"
    (docs / "p").mkdir(parents=True)
    (docs / "index.md").write_text("---\ntitle: 홈\nnav_order: 0\n---\n\n# 홈\n", encoding="utf-8")
    (docs / "p" / "a.png").write_bytes((FIXTURES / "book" / "02-literacy" / "model.png").read_bytes())
    (docs / "p" / "27.md").write_text('---\ntitle: "27. 장"\nnav_order: 1\n---\n\n' + "\n".join(pieces) + "\n",
                                     encoding="utf-8")
    result = build(make_project(root / "project", docs), strict=True)
    assert "Traceback" not in result.log
    unlocated = [text for text in WARNING.findall(result.log) if not LOCATED.match(text)]
    assert unlocated == [], result.log

"""Every kind of author mistake: a finding naming file and line, no traceback, sources untouched."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import build, copy_fixture_book, make_project, printed_findings, run_check
from pages import CHAPTER_PIECES as PIECES
from pages import line_of

CHAPTER = "---\ntitle: \"{title}\"\nnav_order: {order}\nparent: Part 1\n---\n\n{body}\n"
ANCHOR = "\n---\n<!-- LLM Context Anchor -->\n**핵심 요약**: 요약.\n\n**키워드**: `낱말`\n"

def chapter(front: str, body: str = "본문\n" + ANCHOR, encoding: str = "utf-8") -> bytes:
    return f"---\n{front}---\n\n{body}".encode(encoding)


# file -> (its bytes, the line to report (or text on it), the finding's code)
BAD_FILES = {
    "01-basics/yaml.md": (chapter("title: [unclosed\nnav_order: 5\n"), "[unclosed", "front-matter-yaml"),
    "01-basics/list.md": (chapter("- a list\n"), 2, "front-matter-not-mapping"),
    "01-basics/no-title.md": (chapter("nav_order: 6\nparent: Part 1\n"), 1, "front-matter-title"),
    "01-basics/number-title.md": (chapter("title: 2024\nnav_order: 7\n"), 2, "front-matter-title"),
    "01-basics/bad-order.md": (chapter('title: "18. 순서"\nnav_order: 첫째\nparent: Part 1\n'), 3,
                               "front-matter-nav-order"),
    "01-basics/typo.md": (chapter('title: "17. 오타"\nnav_ordr: 3\nparent: Part 1\n'), 3, "front-matter-unknown-key"),
    "01-basics/orphan.md": (chapter('title: "16. 길 잃은 장"\nparent: Part Nine\n'), 3, "nav-unknown-parent"),
    "01-basics/ambiguous.md": (chapter('title: "15. 모호한 장"\nparent: 개요\n'), 3, "nav-ambiguous-parent"),
    "01-basics/euc-kr.md": (chapter('title: "14. 옛 인코딩"\nparent: Part 1\n', "한국어 본문\n" + ANCHOR, "cp949"),
                            2, "encoding"),
    "01-basics/fence.md": (chapter('title: "19. 닫히지 않은 코드"\nparent: Part 1\n', "본문\n\n```python\nprint(1)\n"),
                           8, "markdown-unclosed-fence"),
    "01-basics/mermaid-end.md": (chapter('title: "10. 끝의 그림"\nparent: Part 1\n',
                                         "본문\n" + ANCHOR + "\n```mermaid\nflowchart LR\n"), "```mermaid",
                                 "figure-missing-caption"),
    "empty.md": (b"", 1, "front-matter-title"),
}


@pytest.fixture(scope="module")
def bad_book(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad-book")
    docs = copy_fixture_book(root)
    for name, (raw, _, _) in BAD_FILES.items():
        (docs / name).write_bytes(raw)
    project = make_project(root / "project", docs)
    sources = {p: p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()}
    return project, sources


def expected(name: str) -> str:
    raw, where, code = BAD_FILES[name]
    line = where if isinstance(where, int) else line_of(raw.decode("utf-8"), where)
    return f"docs/{name}:{line}: {code}"


@pytest.mark.parametrize("name", BAD_FILES)
def test_make_check_names_file_and_line(bad_book, name):
    project, _ = bad_book
    done = run_check(project)
    assert done.returncode == 1 and "Traceback" not in done.stdout + done.stderr
    assert expected(name) in printed_findings(done), done.stdout


def test_encoding_finding_says_which_encoding_it_looks_like(bad_book):
    done = run_check(bad_book[0])
    line = next(text for text in done.stdout.splitlines() if text.startswith("docs/01-basics/euc-kr.md"))
    assert "EUC-KR/CP949" in line and "save it as UTF-8" in line


def test_unknown_key_is_only_information(bad_book):
    done = run_check(bad_book[0])
    assert any(text.startswith("docs/01-basics/typo.md:3: front-matter-unknown-key") for text in done.stdout.splitlines())
    strict = build(bad_book[0], strict=False)
    assert re.search(r"INFO\s+-\s+docs/01-basics/typo.md:3: front-matter-unknown-key", strict.log)


def test_strict_build_fails_with_the_findings_and_no_traceback(bad_book):
    project, _ = bad_book
    result = build(project, strict=True)
    assert result.returncode != 0
    assert "Traceback" not in result.log
    for name, (_, _, code) in BAD_FILES.items():
        if code != "front-matter-unknown-key":
            assert expected(name) in result.log


def test_plain_build_still_produces_the_site_and_never_writes_a_source(bad_book):
    project, sources = bad_book
    result = build(project, strict=False)
    assert result.returncode == 0, result.log
    assert "Traceback" not in result.log
    assert (result.site / "01-basics/11-agent/index.html").is_file()
    page = result.html("01-basics/euc-kr/index.html")
    assert "한국어 본문" in page  # decoded, not lost
    assert {p: p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()} == sources


def test_bom_and_crlf_build_exactly_like_clean_input(tmp_path, fixture_book):
    docs = copy_fixture_book(tmp_path)
    for chapter in docs.rglob("*.md"):
        chapter.write_bytes(b"\xef\xbb\xbf" + chapter.read_bytes().replace(b"\n", b"\r\n"))
    result = build(make_project(tmp_path / "project", docs))
    assert result.returncode == 0, result.log
    assert run_check(result.project).stdout == run_check(fixture_book.project).stdout
    for page in fixture_book.site.rglob("*.html"):
        relative = page.relative_to(fixture_book.site)
        assert (result.site / relative).read_text(encoding="utf-8") == page.read_text(encoding="utf-8"), relative


def test_tabs_are_fine(tmp_path):
    docs = copy_fixture_book(tmp_path)
    body = ("목록:\n\n-\t하나\n\t-\t둘\n\n```mermaid\nflowchart LR\n\tA[가]\t-->\tB[나]\n```\n\n"
            "*Figure 18-1.\t탭이 있는 그림*\n\n끝.\n" + ANCHOR)
    (docs / "01-basics/tabs.md").write_text(CHAPTER.format(title="18. 탭", order=8, body=body), encoding="utf-8")
    project = make_project(tmp_path / "project", docs)
    result = build(project)
    assert result.returncode == 0, result.log
    assert 'id="figure-18-1"' in result.html("01-basics/tabs/index.html")
    assert run_check(project).returncode == 0


def test_title_and_caption_with_html_are_text_in_the_search_index_and_llms(tmp_path):
    docs = copy_fixture_book(tmp_path)
    body = ("```mermaid\nflowchart LR\n    A --> B\n```\n\n*Figure 18-1. <img src=x onerror=alert(1)> 캡션*\n" + ANCHOR)
    (docs / "01-basics/html.md").write_text(
        CHAPTER.format(title="18. <script>alert(1)</script>", order=8, body=body), encoding="utf-8")
    result = build(make_project(tmp_path / "project", docs))
    assert result.returncode == 0, result.log
    page = result.html("01-basics/html/index.html")
    assert "<script>alert(1)</script>" not in page and "<img src=x" not in page
    index = (result.site / "search/search_index.json").read_text(encoding="utf-8")
    assert "<script>" not in index and "<img" not in index
    assert "18. &lt;script&gt;alert(1)&lt;/script&gt;" in index  # the title is there, as text
    llms = (result.site / "llms.txt").read_text(encoding="utf-8")
    assert "- [18. <script>alert(1)</script>](01-basics/html/): 요약." in llms.split("\n")


def test_a_very_long_chapter_is_checked_correctly(tmp_path):
    figures = "".join(
        f"## 절 {n}\n\n```mermaid\nflowchart LR\n    A{n}[시작 {n}] --> B{n}[끝 {n}]\n```\n\n*Figure 31-{n}. 그림 {n}*\n\n"
        + "긴 본문입니다. " * 40 + "\n\n"
        for n in range(1, 1501)
    )
    text = CHAPTER.format(title="31. 아주 긴 장", order=1, body=figures + ANCHOR).replace("parent: Part 1\n", "")
    assert len(text.encode()) > 1_000_000
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "long.md").write_text(text, encoding="utf-8")
    done = run_check(tmp_path)
    assert done.returncode == 0 and done.stdout == ""
    broken = text.replace("*Figure 31-1200. 그림 1200*", "*Figure 31-1201. 그림 1200*")
    (docs / "long.md").write_text(broken, encoding="utf-8")
    done = run_check(tmp_path)
    assert printed_findings(done) == [f"docs/long.md:{line_of(broken, 'Figure 31-1201. 그림 1200')}: figure-number"]


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=30), st.sampled_from(["utf-8", "cp949", "utf-16"]))
def test_a_build_of_random_chapter_text_never_raises_nor_writes_a_source(tmp_path_factory, pieces, encoding):
    root = tmp_path_factory.mktemp("random-book")
    docs = copy_fixture_book(root)
    (docs / "01-basics/random.md").write_bytes("\n".join(pieces).encode(encoding, errors="replace"))
    project = make_project(root / "project", docs)
    before = {p: p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()}
    result = build(project, strict=False)
    assert result.returncode == 0 and "Traceback" not in result.log, result.log
    assert {p: p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()} == before

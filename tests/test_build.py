"""Integration: real MkDocs builds of the fixture book and of the book itself, read as HTML."""

from __future__ import annotations

import html
import re
import shutil

import pytest

from conftest import FIXTURES, ROOT, build, make_project

NAV_LINK = re.compile(
    r'<a href="(?P<href>[^"]*)" class="md-nav__link[^"]*">\s*<span class="md-ellipsis">\s*(?P<title>.*?)\s*</span>',
    re.S,
)


def primary_nav(page_html: str) -> list[tuple[str, str]]:
    """(title, href) of each page link in the sidebar, in order, without the page's own TOC."""
    start = page_html.index('class="md-nav md-nav--primary"')
    nav = re.sub(r'<nav class="md-nav md-nav--secondary".*?</nav>', "", page_html[start:], flags=re.S)
    nav = nav[: nav.index('<div class="md-content"')] if '<div class="md-content"' in nav else nav
    return [(html.unescape(m["title"]), m["href"]) for m in NAV_LINK.finditer(nav) if not m["href"].startswith("#")]


def test_navigation_follows_front_matter_alone(fixture_book):
    nav = primary_nav(fixture_book.html("02-literacy/21-model/index.html"))
    assert [title for title, _ in nav] == [
        "홈", "Prologue",
        "Part 1", "11. 에이전트란 무엇인가", "12. 도구를 쓰는 AI", "13. 기억과 맥락", "개요",
        "Part 2", "21. 모델이란", "22. 허브와 <도구> & <script>alert('x')</script>", "22-1. 허브 자세히",
        "부록 A", "개요", "A01. 용어집",
    ]
    # Sections open their landing page, whatever its file name (part-2.md is no index.md).
    hrefs = dict(nav)
    assert hrefs["Part 1"] == "../../01-basics/" and hrefs["Part 2"] == "../part-2/"
    assert "초안" not in hrefs  # nav_exclude


def test_prev_next_footer_follows_book_order(fixture_book):
    page = fixture_book.html("01-basics/13-memory/index.html")
    prev = re.search(r'md-footer__link--prev" aria-label="([^"]*)"', page)[1]
    next_ = re.search(r'md-footer__link--next" aria-label="([^"]*)"', page)[1]
    assert html.unescape(prev).endswith("12. 도구를 쓰는 AI")
    assert html.unescape(next_).endswith("개요")
    last_of_part_1 = fixture_book.html("01-basics/overview/index.html")
    assert html.unescape(re.search(r'md-footer__link--next" aria-label="([^"]*)"', last_of_part_1)[1]).endswith("Part 2")


def test_title_with_a_script_is_text_everywhere(fixture_book):
    page = fixture_book.html("02-literacy/22-hub/index.html")
    raw = "<script>alert('x')</script>"
    for built in fixture_book.site.rglob("*.html"):
        assert raw not in built.read_text(encoding="utf-8"), built
    escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
    assert re.search(r"<title>22\. 허브와 &lt;도구&gt; &amp; " + re.escape(escaped) + " - ", page)
    assert re.search(r"<h1>22\. 허브와 &lt;도구&gt; &amp; " + re.escape(escaped) + "</h1>", page)
    # the aria-label Material escapes itself is not escaped twice
    child = fixture_book.html("02-literacy/22-1-details/index.html")
    assert "&amp;lt;" not in child


def test_jekyll_html_links_reach_the_built_pages(fixture_book):
    home = fixture_book.html("index.html")
    assert 'href="01-basics/"' in home
    assert 'href="02-literacy/21-model/#모델이란"' in home
    model = fixture_book.html("02-literacy/21-model/index.html")
    assert 'href="../../01-basics/12-tools/"' in model
    assert 'href="../22-hub/#허브의-역할"' in model
    assert "not found" not in fixture_book.log and "unrecognized" not in fixture_book.log


def test_headings_have_readable_korean_anchors(real_book):
    page = real_book.html("02-literacy/27-hub/index.html")
    assert 'id="모델-허브-huggingface"' in page
    assert not re.search(r'id="_\d+"', page)


def test_pages_with_diagrams_have_mermaid_blocks_for_material(real_book):
    page = real_book.html("02-literacy/27-hub/index.html")
    assert page.count('<pre class="mermaid">') == 5
    assert "unpkg" not in page and "cdn" not in page.lower()


def test_site_loads_nothing_from_another_host(real_book, fixture_book):
    foreign = re.compile(r'<(?:script|link|img|iframe)\b[^>]*(?:src|href)="(?:https?:)?//', re.I)
    for site in (real_book.site, fixture_book.site):
        for page in site.rglob("*.html"):
            text = page.read_text(encoding="utf-8")
            assert not foreign.search(text.replace('<link rel="canonical"', "")), page
            assert "fonts.googleapis" not in text and "fonts.gstatic" not in text


def test_mermaid_is_served_from_the_site(real_book):
    vendor = real_book.site / "assets/vendor/mermaid"
    assert (vendor / "mermaid.esm.min.mjs").is_file()
    assert list((vendor / "chunks/mermaid.esm.min").glob("*.mjs"))
    assert not list(vendor.rglob("*.map"))


def test_chapter_27_is_the_authors_text_byte_for_byte():
    seed = ROOT.parent / "shared" / "seeds" / "000_55517388462d246f.txt"
    if not seed.exists():
        pytest.skip("shared/ is not beside this checkout")
    assert (ROOT / "docs/02-literacy/27-hub.md").read_bytes() == seed.read_bytes()


@pytest.fixture
def broken_book(tmp_path):
    docs = tmp_path / "source"
    shutil.copytree(FIXTURES / "book", docs)
    chapter = docs / "01-basics/13-memory.md"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("parent: Part 1", "parent: Part One"), encoding="utf-8")
    (docs / "loop-a.md").write_text("---\ntitle: 고리 A\nparent: 고리 B\n---\n", encoding="utf-8")
    (docs / "loop-b.md").write_text("---\ntitle: 고리 B\nparent: 고리 A\n---\n", encoding="utf-8")
    return make_project(tmp_path / "project", docs)


def test_navigation_findings_fail_a_strict_build_at_their_lines(broken_book):
    result = build(broken_book, strict=True)
    assert result.returncode != 0
    assert "Traceback" not in result.log
    assert "docs/01-basics/13-memory.md:4: nav-unknown-parent parent 'Part One'" in result.log
    assert "docs/loop-a.md:3: nav-parent-cycle" in result.log
    assert "docs/loop-b.md:3: nav-parent-cycle" in result.log


def test_a_plain_build_still_places_every_page(broken_book):
    result = build(broken_book, strict=False)
    assert result.returncode == 0, result.log
    assert "Traceback" not in result.log
    titles = [title for title, _ in primary_nav(result.html("01-basics/11-agent/index.html"))]
    assert "13. 기억과 맥락" in titles and "고리 A" in titles and "고리 B" in titles


def test_build_never_writes_into_docs(tmp_path):
    project = make_project(tmp_path / "project", FIXTURES / "book")
    before = {p: p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()}
    assert build(project).returncode == 0
    after = {p: p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()}
    assert after == before


def test_the_book_itself_has_no_findings(capsys):
    from book.check import main

    assert main([str(ROOT / "docs")]) == 0
    assert capsys.readouterr().out == ""

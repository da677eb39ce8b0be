"""Integration: real MkDocs builds of the fixture book and of the book itself, read as HTML."""

from __future__ import annotations

import html
import json
import re
import shutil

import pytest

from conftest import CHROMIUM, FIXTURES, ROOT, build, copy_fixture_book, make_project, plant, printed_findings, run_check
from pages import line_of

NAV_LINK = re.compile(
    r'<a href="(?P<href>[^"]*)" class="md-nav__link[^"]*">\s*<span class="md-ellipsis">\s*(?P<title>.*?)\s*</span>',
    re.S,
)


def primary_nav(page_html: str) -> list[tuple[str, str]]:
    """(title, href) of each page link in the sidebar, in order, without the page's own TOC."""
    start = page_html.index('class="md-nav md-nav--primary"')
    nav = re.sub(r'<nav class="md-nav md-nav--secondary".*?</nav>', "", page_html[start:], flags=re.S)
    nav = nav[: nav.index('<div class="md-content"')] if '<div class="md-content"' in nav else nav
    # A Part's subtitle follows its title after a <br>.
    return [(html.unescape(m["title"].split("<br>")[0].strip()), m["href"])
            for m in NAV_LINK.finditer(nav) if not m["href"].startswith("#")]


TOP_LEVEL = ["홈", "Prologue", "Part 1", "Part 2", "부록 A", "찾아보기"]
SECTIONS = {
    "Part 1": ["11. 에이전트란 무엇인가", "12. 도구를 쓰는 AI", "13. 기억과 맥락", "14. 관례를 쓰는 장", "개요"],
    "Part 2": ["21. 모델이란", "22. 허브와 <도구> & <script>alert('x')</script>", "22-1. 허브 자세히",
               "23. 휴대폰으로 읽는 에이전트 지도"],
    "부록 A": ["개요", "A01. 용어집"],
    "찾아보기": ["그림 목록", "핵심 요약 모음", "키워드 찾아보기"],
}
WHOLE_BOOK = [title for top in TOP_LEVEL for title in [top, *SECTIONS.get(top, [])]]


def test_navigation_follows_front_matter_alone(fixture_book):
    # No navigation.prune: every page's sidebar holds the whole book, in front-matter order.
    navs = {page: primary_nav(fixture_book.html(page)) for page in (
        "index.html", "01-basics/index.html", "02-literacy/22-hub/index.html", "appendix/a01/index.html",
        "reference/index.html")}
    for page, nav in navs.items():
        assert [title for title, _ in nav] == WHOLE_BOOK, page
    # Each Part shows its full title: the line under its heading, as Material's subtitle.
    home = fixture_book.html("index.html")
    assert "<small>Basics: 에이전트를 처음 만나는 사람을 위한 기초</small>" in home
    assert "<small>Literacy: AI가 돌아가는 바탕 읽기</small>" in home
    # Sections open their landing page, whatever its file name (part-2.md is no index.md).
    hrefs = dict(navs["02-literacy/22-hub/index.html"])
    assert hrefs["Part 1"] == "../../01-basics/" and hrefs["Part 2"] == "../part-2/"
    assert all("초안" not in dict(nav) for nav in navs.values())  # nav_exclude


def test_prev_next_footer_follows_book_order(fixture_book):
    page = fixture_book.html("01-basics/13-memory/index.html")
    prev = re.search(r'md-footer__link--prev" aria-label="([^"]*)"', page)[1]
    next_ = re.search(r'md-footer__link--next" aria-label="([^"]*)"', page)[1]
    assert html.unescape(prev).endswith("12. 도구를 쓰는 AI")
    assert html.unescape(next_).endswith("14. 관례를 쓰는 장")
    last_of_part_1 = fixture_book.html("01-basics/overview/index.html")
    assert html.unescape(re.search(r'md-footer__link--next" aria-label="([^"]*)"', last_of_part_1)[1]).endswith("Part 2")


def test_title_with_a_script_is_text_everywhere(fixture_book):
    page = fixture_book.html("02-literacy/22-hub/index.html")
    raw = "<script>alert('x')</script>"
    for built in fixture_book.site.rglob("*.html"):
        assert raw not in built.read_text(encoding="utf-8"), built
    escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
    assert re.search(r"<title>22\. 허브와 &lt;도구&gt; &amp; " + re.escape(escaped) + " - ", page)
    # the page's h1 is the title as text (hooks/book/extensions/titles.py writes it into the tree)
    assert re.search(r'<h1 class="book-title" id="[^"]+"[^>]*>(?:<span id="[^"]+">)?22\. 허브와 &lt;도구&gt; &amp; '
                     r"&lt;script&gt;alert\('x'\)&lt;/script&gt;(?:</span>)?<a ", page)
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


def test_chapter_27_carries_its_five_diagrams(real_book):
    page = real_book.html("02-literacy/27-hub/index.html")
    if CHROMIUM:  # drawn at build time: SVG in the page, and no Mermaid to load
        assert len(re.findall(r'<div class="book-diagram"[^>]*><svg ', page)) == 5
        assert '<pre class="mermaid"' not in page and "modulepreload" not in page
    else:  # Material's blocks, for Mermaid in the reader's browser
        assert page.count('<pre class="mermaid"') == 5
    assert "unpkg" not in page and "cdn" not in page.lower()


def test_search_indexes_captions_but_not_diagram_sources(real_book):
    entries = json.loads((real_book.site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    text = " ".join(entry["text"] for entry in entries)
    assert "flowchart" not in text and "--&gt;" not in text
    # A node's label is searchable once, through the figure's text alternative (#21), not
    # through the drawing or its source (#20).
    assert "HuggingFace에 업로드" in text
    assert text.count("개발자 A: 모델 학습 → HuggingFace에 업로드") == 1  # one text alternative, no copy
    assert "HuggingFace: AI 모델의 GitHub" in text  # Figure 27-1's caption


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
    docs = copy_fixture_book(tmp_path)
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


def test_figures_are_linkable_figures_with_captions(real_book, fixture_book):
    chapter = real_book.html("02-literacy/27-hub/index.html")
    ids = re.findall(r'<figure [^>]*?class="book-figure book-figure--mermaid" id="([^"]+)">'
                     r'(?:<pre class="mermaid"|<div class="book-diagram")', chapter)
    assert ids == [f"figure-27-{n}" for n in range(1, 6)]
    assert chapter.count("<figcaption>") == 5
    assert '<span class="book-figure__label">Figure 27-3.</span> LangGraph: 그래프 기반 워크플로우' in chapter
    # the diagram's text alternative is searchable once, though the page holds it twice (#21)
    docs = json.loads((real_book.site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    index = " ".join(doc["text"] for doc in docs)
    assert index.count("OK? → 끝 (Yes)") == 1 and chapter.count("OK? → 끝 (Yes)") == 2
    model = fixture_book.html("02-literacy/21-model/index.html")
    assert re.search(r'<figure [^>]*?class="book-figure book-figure--image" id="figure-21-1"><img alt="모델 그림" src="../model.png"', model)
    # a mention in prose links to the figure in another chapter
    assert '<a class="book-figure-ref" href="../../01-basics/11-agent/#figure-11-1">그림 11-1</a>에서' in model


def test_list_of_figures_groups_every_figure_by_chapter_in_book_order(fixture_book):
    listing = fixture_book.html("reference/figures/index.html")
    article = listing[listing.index("<article"):listing.index("</article>")]
    chapters = re.findall(r"<h2[^>]*>(?:<span[^>]*>)?<a href=\"([^\"]+)\">", article)
    assert chapters == ["../../01-basics/11-agent/", "../../02-literacy/21-model/", "../../02-literacy/22-hub/",
                        "../../02-literacy/23-reading/"]
    assert re.findall(r'<li><a href="([^"]+)">', article) == [
        "../../01-basics/11-agent/#figure-11-1", "../../02-literacy/21-model/#figure-21-1",
        "../../02-literacy/22-hub/#figure-22-1", "../../02-literacy/23-reading/#figure-23-1",
        "../../02-literacy/23-reading/#figure-23-2",
    ]
    assert "&lt;script&gt;" in article and "<script>alert" not in article
    # each chapter's heading has its ¶ link and its place in the page's table of contents
    ids = re.findall(r'<h2 id="([^"]+)"[^>]*>', article)
    assert len(ids) == 4 and all(f'<a class="headerlink" href="#{i}" aria-label="' in article for i in ids)
    toc = listing[listing.rindex('class="md-nav md-nav--secondary"'):listing.index("<article")]  # the sidebar's
    assert re.findall(r'<a href="#([^"]+)" class="md-nav__link">', toc) == ids


@pytest.fixture
def book_with_figure_defects(tmp_path):
    docs = copy_fixture_book(tmp_path)
    plant(docs, "01-basics/11-agent.md", "*Figure 11-1. 에이전트의 순환*\n", "")
    plant(docs, "02-literacy/22-hub.md", "*Figure 22-1.", "*Figure 21-1.")
    plant(docs, "01-basics/12-tools.md", "도구는 에이전트의", "![도구](tools.png)\n\n**Figure 12-1. 굵은 캡션**\n\n도구는 에이전트의")
    plant(docs, "01-basics/13-memory.md", "기억은 대화가", "*Figure 13-1. 떠도는 캡션*\n\n그림 88-1처럼 기억은 대화가")
    plant(docs, "02-literacy/21-model.md", "*Figure 21-1. 모델 그림*", "*Figure 21-2. 모델 그림*")
    plant(docs, "prologue.md", "에이전트가 왜", "![표지](cover.png)\n\n표지 설명이 끼어들었습니다.\n\n*Figure P-1. 표지*\n\n에이전트가 왜")
    return make_project(tmp_path / "project", docs)


FIGURE_DEFECTS = [  # (file, the planted line, finding)
    ("01-basics/11-agent.md", "```mermaid", "figure-missing-caption"),
    ("01-basics/12-tools.md", "![도구](tools.png)", "image-not-found"),  # planted without its file
    ("01-basics/12-tools.md", "**Figure 12-1. 굵은 캡션**", "figure-caption-shape"),
    ("01-basics/13-memory.md", "*Figure 13-1. 떠도는 캡션*", "figure-caption-orphan"),
    ("01-basics/13-memory.md", "그림 88-1처럼", "figure-unknown-reference"),
    ("01-basics/13-memory.md", "그림 11-1의 순환", "figure-unknown-reference"),  # in its summary
    ("02-literacy/21-model.md", "*Figure 21-2. 모델 그림*", "figure-number"),
    ("02-literacy/21-model.md", "그림 11-1에서", "figure-unknown-reference"),  # its caption is gone
    ("02-literacy/22-hub.md", "*Figure 21-1.", "figure-chapter"),
    ("prologue.md", "![표지](cover.png)", "image-not-found"),
    ("prologue.md", "*Figure P-1. 표지*", "figure-caption-detached"),
]


def expected_findings(project) -> list[str]:
    return [
        f"docs/{name}:{line_of((project / 'docs' / name).read_text(encoding='utf-8'), needle)}: {code}"
        for name, needle, code in FIGURE_DEFECTS
    ]


def test_planted_figure_defects_are_reported_by_make_check_at_their_lines(book_with_figure_defects):
    done = run_check(book_with_figure_defects, "--quiet")  # errors only, not the fixture's notes
    assert done.returncode == 1
    assert printed_findings(done) == expected_findings(book_with_figure_defects), done.stdout


def test_planted_figure_defects_fail_strict_but_a_plain_build_still_makes_the_pages(book_with_figure_defects):
    strict = build(book_with_figure_defects, strict=True)
    assert strict.returncode != 0 and "Traceback" not in strict.log
    for finding in expected_findings(book_with_figure_defects):
        assert finding in strict.log
    plain = build(book_with_figure_defects, strict=False)
    assert plain.returncode == 0 and "Traceback" not in plain.log
    agent = plain.html("01-basics/11-agent/index.html")
    assert '<pre class="mermaid">' in agent or re.search(r'<div class="book-diagram"[^>]*><svg ', agent)
    assert "book-findings" not in plain.html("01-basics/11-agent/index.html")  # the banner is for previews


CH27_SUMMARY_START = "AI 인프라 레이어 = 모델 저장소(HuggingFace)"


def meta(page_html: str, name: str) -> str:
    match = re.search(rf'<meta (?:name|property)="{name}" content="([^"]*)"', page_html)
    return html.unescape(match[1]) if match else ""


def test_chapter_27_summary_is_published_everywhere(real_book):
    chapter = real_book.html("02-literacy/27-hub/index.html")
    seed = (ROOT / "docs/02-literacy/27-hub.md").read_text(encoding="utf-8")
    summary = seed.split("**핵심 요약**: ")[1].split("\n")[0].strip()
    assert meta(chapter, "description") == summary
    assert meta(chapter, "og:description") == summary
    assert meta(chapter, "keywords") == "HuggingFace, OpenRouter, LangChain, LangGraph, CrewAI, 오픈소스, 프레임워크"
    block = chapter[chapter.index('<div class="admonition abstract book-summary">'):]
    block = block[: block.index("</div>")]
    assert block.count('class="book-keyword"') == 7
    assert "LLM Context Anchor" not in chapter
    part = real_book.html("02-literacy/index.html")
    assert '<a href="27-hub/">27. 모델 허브와 인프라</a>' in part and CH27_SUMMARY_START in part
    assert CH27_SUMMARY_START in real_book.html("reference/summaries/index.html")
    assert "27. 모델 허브와 인프라" in real_book.html("reference/keywords/index.html")
    llms = (real_book.site / "llms.txt").read_text(encoding="utf-8")
    assert f"- [27. 모델 허브와 인프라](02-literacy/27-hub/): {summary}" in llms.split("\n")


def test_fixture_book_meta_part_lists_and_llms_files(fixture_book):
    chapter = fixture_book.html("01-basics/12-tools/index.html")
    assert meta(chapter, "description") == "도구 호출은 에이전트가 바깥 세계와 상호작용하는 방법이다."
    assert meta(chapter, "keywords") == "도구, API"
    part = fixture_book.html("01-basics/index.html")
    article = part[part.index("<article"):part.index("</article>")]
    listed = re.findall(r'<li>\s*<p><strong><a href="([^"]+)">', article)
    assert listed == ["11-agent/", "12-tools/", "13-memory/", "14-conventions/", "overview/"]
    assert article.index("11-agent/") < article.index("에이전트는 목표를 받아") < article.index("12-tools/")
    # A summary is shown as its chapter rendered it, its links made to work from here.
    memory = ('에이전트의 기억은 <strong>짧은 맥락</strong>과 긴 기록으로 나뉜다. 긴 기록은 <a href="{page}12-tools/">도구</a>'
              '의 결과와 <a class="book-figure-ref" href="{page}11-agent/#figure-11-1">그림 11-1</a>의 순환을 남긴다.')
    assert f"<p>{memory.format(page='')}</p>" in article
    digest = fixture_book.html("reference/summaries/index.html")
    assert f"<p>{memory.format(page='../../01-basics/')}</p>" in digest
    assert "book:summary" not in digest and "book:chapter-list" not in article

    llms = (fixture_book.site / "llms.txt").read_text(encoding="utf-8").split("\n")
    assert llms[0] == "# 에이전트 혁명" and llms[2].startswith("> ")
    assert [line for line in llms if line.startswith("## ")] == ["## Prologue", "## Part 1", "## Part 2", "## 부록 A"]
    assert "- [22. 허브와 <도구> & <script>alert('x')</script>](02-literacy/22-hub/): 허브는 모델을 공유하는 저장소다." in llms
    full = (fixture_book.site / "llms-full.txt").read_text(encoding="utf-8")
    order = ["# Prologue", "# 11. 에이전트란 무엇인가", "# 12. 도구를 쓰는 AI", "# 21. 모델이란", "# A01. 용어집"]
    assert [full.index(title + "\n") for title in order] == sorted(full.index(title + "\n") for title in order)
    assert "nav_order:" not in full and "```mermaid" in full
    # each diagram's text alternative under its caption, as the page gives a screen reader (#21)
    described = "*Figure 11-1. 에이전트의 순환*\n\n그림 설명:\n요소:\n- 목표\n- 계획\n- 실행\n연결:\n"
    assert described in full and "- 실행 → 계획 (결과 확인)\n" in full


@pytest.fixture
def book_with_anchor_defects(tmp_path):
    docs = copy_fixture_book(tmp_path)
    plant(docs, "01-basics/11-agent.md", "**키워드**: `에이전트` `계획` `실행`", "**키워드**: 에이전트, 계획")
    plant(docs, "01-basics/13-memory.md", "**키워드**: `기억` `맥락`\n", "**키워드**: `기억` `맥락`\n\n덧붙임\n")
    plant(docs, "02-literacy/21-model.md", "**핵심 요약**: 모델은 다음 낱말을 예측하도록 학습된 프로그램이다.\n\n", "")
    prologue = docs / "prologue.md"
    prologue.write_text(prologue.read_text(encoding="utf-8").split("---\n<!-- LLM")[0], encoding="utf-8")
    return make_project(tmp_path / "project", docs)


def test_planted_anchor_defects_are_findings_for_check_and_strict(book_with_anchor_defects):
    docs = book_with_anchor_defects / "docs"
    expected = [
        f"docs/01-basics/11-agent.md:{line_of((docs / '01-basics/11-agent.md').read_text(encoding='utf-8'), '**키워드**')}: anchor-keywords-shape",
        f"docs/01-basics/13-memory.md:{line_of((docs / '01-basics/13-memory.md').read_text(encoding='utf-8'), '덧붙임')}: anchor-not-last",
        f"docs/02-literacy/21-model.md:{line_of((docs / '02-literacy/21-model.md').read_text(encoding='utf-8'), '<!-- LLM')}: anchor-summary-missing",
        f"docs/prologue.md:{len((docs / 'prologue.md').read_text(encoding='utf-8').rstrip().split(chr(10)))}: anchor-missing",
    ]
    done = run_check(book_with_anchor_defects, "--quiet")
    assert done.returncode == 1
    assert printed_findings(done) == expected
    strict = build(book_with_anchor_defects, strict=True)
    assert strict.returncode != 0 and "Traceback" not in strict.log
    assert all(finding in strict.log for finding in expected)


def test_conventions_chapter_renders_as_the_authors_meant(fixture_book):
    page = fixture_book.html("01-basics/14-conventions/index.html")
    article = page[page.index("<article"):page.index("</article>")]
    # title without its review marker, marker as a labelled badge in the title, date under it
    assert re.search(r'<h1 class="book-title" id="14-관례를-쓰는-장"[^>]*>(?:<span id="[^"]+">)?14\. 관례를 쓰는 장 <span class="book-visually-hidden">', article)
    assert "<title>14. 관례를 쓰는 장 - " in page
    assert ('<span class="book-visually-hidden">검토 중인 원고:</span> '
            '<span class="book-review-marker" title="검토 중인 원고의 판">v1</span>') in article
    assert '<time datetime="2026-01-07">2026년 1월 7일 작성</time>' in article
    assert "작성일:" not in article and "Chapter: Part 1" not in article
    # chapter references, with their text unchanged; code and brackets left alone
    assert '<a class="book-chapter-ref" href="../../appendix/a01/">[부록 A01]</a>' in article
    assert '<a class="book-chapter-ref" href="../../appendix/a01/">[A01]</a>' in article
    assert '<a class="book-chapter-ref" href="../../02-literacy/21-model/">[21장]</a>' in article
    assert "<code>[A01]</code>" in article and "[참고]라는" in article
    assert '<a href="12-tools/">도구</a>' in article or '<a href="../12-tools/">도구</a>' in article
    # callouts as admonitions; an ordinary quote stays a quote
    titles = re.findall(r'<div class="admonition ([a-z ]+)">\s*<p class="admonition-title">([^<]+)</p>', article)
    assert titles[:4] == [("note", "참고"), ("note", "Note"), ("tip", "Tip"), ("warning", "주의")]
    assert re.search(r"<blockquote>\s*<p>평범한 인용문입니다.</p>\s*</blockquote>", article)
    # the old site's absolute links reach this site's pages and images
    assert '<a href="../../02-literacy/21-model/">모델 장</a>' in article
    assert '<img alt="옛 주소의 그림" src="../../02-literacy/model.png"' in article


def test_nav_shows_titles_without_review_markers(fixture_book):
    assert "[v1]" not in fixture_book.html("01-basics/11-agent/index.html")


@pytest.fixture
def book_with_convention_defects(tmp_path):
    docs = copy_fixture_book(tmp_path)
    chapter = "01-basics/14-conventions.md"
    plant(docs, chapter, "모델은 [21장]에", "모델은 [55장]에")
    plant(docs, chapter, "> **[Tip]** 요령입니다.", "> **[TODO]** 이 부분은 아직 쓰는 중입니다.")
    plant(docs, chapter, "[용어집](../appendix/a01.md)", "[용어집](../appendix/a09.md)")
    plant(docs, chapter, "[도구]: 12-tools.md", "[도구]: 12-tools.md#없는-제목")
    plant(docs, chapter, "![옛 주소의 그림](/pages-book/02-literacy/model.png)", "![그림](없는-그림.png)")
    plant(docs, chapter, "작성일: 2026-01-07", "작성일: 2026.1.7")
    return make_project(tmp_path / "project", docs)


CONVENTION_DEFECTS = [
    ("[55장]", "chapter-unknown-reference"),
    ("[용어집](../appendix/a09.md)", "link-not-found"),
    ("[도구]: 12-tools.md#없는-제목", "link-missing-anchor"),
    ("> **[TODO]**", "callout-todo"),
    ("![그림](없는-그림.png)", "image-not-found"),
    ("작성일: 2026.1.7", "trailer-date"),
]


def test_convention_defects_are_findings_at_their_lines_and_todo_fails_only_strict(book_with_convention_defects):
    project = book_with_convention_defects
    text = (project / "docs/01-basics/14-conventions.md").read_text(encoding="utf-8")
    expected = [f"docs/01-basics/14-conventions.md:{line_of(text, needle)}: {code}" for needle, code in CONVENTION_DEFECTS]
    done = run_check(project, "--quiet")
    assert done.returncode == 1
    assert printed_findings(done) == sorted(expected, key=lambda f: int(f.split(":")[1]))
    strict = build(project, strict=True)
    assert strict.returncode != 0 and all(finding in strict.log for finding in expected)
    assert '<div class="admonition warning book-todo">' in build(project, strict=False).html("01-basics/14-conventions/index.html")


def test_a_todo_callout_alone_passes_check_and_preview_but_fails_strict(tmp_path):
    docs = copy_fixture_book(tmp_path)
    plant(docs, "01-basics/14-conventions.md", "> **[Tip]** 요령입니다.", "> **[TODO]** 쓰는 중.")
    project = make_project(tmp_path / "project", docs)
    done = run_check(project, "--quiet")
    assert done.returncode == 0 and ": callout-todo " in done.stdout
    assert build(project, strict=False).returncode == 0
    strict = build(project, strict=True)
    assert strict.returncode != 0 and "callout-todo" in strict.log


def test_trailer_date_is_the_pages_date_in_the_sitemap(tmp_path):
    result = build(make_project(tmp_path / "project", FIXTURES / "book"), SITE_URL="https://book.example/")
    assert result.returncode == 0, result.log
    sitemap = (result.site / "sitemap.xml").read_text(encoding="utf-8")
    entry = re.search(r"<loc>https://book.example/01-basics/14-conventions/</loc>\s*<lastmod>([^<]+)</lastmod>", sitemap)
    assert entry and entry[1] == "2026-01-07"
    llms = (result.site / "llms.txt").read_text(encoding="utf-8")
    assert "- [21. 모델이란](https://book.example/02-literacy/21-model/): " in llms  # absolute with a site URL


def test_compiled_templates_are_kept_and_an_edited_override_is_compiled_afresh(tmp_path):
    project = make_project(tmp_path / "project", FIXTURES / "book")
    (project / "overrides").unlink()
    shutil.copytree(ROOT / "overrides", project / "overrides")
    assert build(project).returncode == 0
    cached = sorted((project / ".cache/templates").iterdir())
    assert cached, "the theme's compiled templates are kept for the next build"
    main = project / "overrides/main.html"
    main.write_text(main.read_text(encoding="utf-8").replace(
        '<meta property="og:locale" content="ko_KR">', '<meta property="og:locale" content="ko_KR" data-edited>'),
        encoding="utf-8")
    second = build(project)
    assert second.returncode == 0, second.log
    assert "data-edited" in second.html("index.html")

import posixpath

import pytest

from book.blocks import scan
from book.links import (broken_links, find_links, link_between, link_findings, markdown_target_of_html_link, rebase_links,
                        relative_to_legacy_base)
from book.sources import read_page
from pages import line_of

DOCS = {"index.md", "02-literacy/index.md", "02-literacy/27-hub.md", "01-basics/11-agent.md", "legacy/page.html"}


@pytest.mark.parametrize("href, from_uri, expected", [
    ("27-hub.html", "02-literacy/index.md", "27-hub.md"),
    ("02-literacy/27-hub.html", "index.md", "02-literacy/27-hub.md"),
    ("../01-basics/11-agent.html#에이전트", "02-literacy/27-hub.md", "../01-basics/11-agent.md#에이전트"),
    ("./27-hub.html?x=1", "02-literacy/index.md", "./27-hub.md?x=1"),
    ("02-literacy/index.html", "index.md", "02-literacy/index.md"),
])
def test_html_link_to_a_chapter_means_its_markdown(href, from_uri, expected):
    assert markdown_target_of_html_link(href, from_uri, DOCS) == expected


@pytest.mark.parametrize("href, from_uri", [
    ("https://example.com/27-hub.html", "index.md"),  # another site
    ("/pages-book/27-hub.html", "index.md"),  # absolute: not a relative link
    ("27-hub.md", "02-literacy/index.md"),  # already Markdown
    ("page.html", "legacy/x.md"),  # a real HTML file of the book
    ("missing.html", "index.md"),  # no chapter of that name: left for the link check
    ("#top", "index.md"),
])
def test_other_links_are_left_alone(href, from_uri):
    assert markdown_target_of_html_link(href, from_uri, DOCS) is None


BOOK = {"index.md", "02-literacy/27-hub.md", "02-literacy/model.png", "01-basics/11-agent.md"}
ANCHORS = {"02-literacy/27-hub.md": {"모델-허브-huggingface", "figure-27-1"}, "index.md": {"읽는-법"}}
PAGE = """---
title: 홈
---

[27장](02-literacy/27-hub.md) [허브](02-literacy/27-hub.html#모델-허브-huggingface) [그림](02-literacy/27-hub.md#figure-27-1)
![모델](02-literacy/model.png) [밖](https://example.com/x.md) [메일](mailto:a@b.c) [위로](#읽는-법)
[없는 장](02-literacy/99-none.md) ![없는 그림](img/none.png) [없는 제목](02-literacy/27-hub.md#없는-제목)
[옛 주소](/pages-book/02-literacy/27-hub.html) [자기 제목](#없는-곳) `[코드](none.md)`
[정의]: 01-basics/none.md
"""


def test_links_and_images_must_reach_files_and_anchors_of_the_book():
    body = scan(read_page("index.md", PAGE.encode()))
    findings = link_findings(find_links(body), "index.md", "docs/index.md", BOOK, ANCHORS, "/pages-book/")
    assert [(f.line, f.code) for f in findings] == [
        (line_of(PAGE, "[없는 장]"), "link-not-found"),
        (line_of(PAGE, "[없는 장]"), "image-not-found"),
        (line_of(PAGE, "[없는 장]"), "link-missing-anchor"),
        (line_of(PAGE, "[옛 주소]"), "link-missing-anchor"),
        (line_of(PAGE, "[정의]"), "link-not-found"),
    ]
    # A link under the old site's base is the book's own form (its _config.yml says where):
    # it is followed into the book and is no finding.
    assert not any("/pages-book/" in f.message for f in findings)


@pytest.mark.parametrize("href, from_uri, expected", [
    ("/pages-book/02-literacy/27-hub.html", "index.md", "02-literacy/27-hub.md"),
    ("/pages-book/02-literacy/27-hub.html#x", "01-basics/11-agent.md", "../02-literacy/27-hub.md#x"),
    ("/pages-book/02-literacy/model.png", "02-literacy/27-hub.md", "model.png"),
    ("/pages-book/", "02-literacy/27-hub.md", "../index.md"),
    ("/pages-book", "index.md", "index.md"),
    ("/other/27-hub.html", "index.md", None),
    ("https://x.org/pages-book/a.html", "index.md", None),
])
def test_absolute_links_into_the_old_site_become_relative(href, from_uri, expected):
    assert relative_to_legacy_base(href, "/pages-book/", from_uri, BOOK) == expected


SUMMARY = ('<a href="../../part-24/2403/">장</a> <a class="book-figure-ref" href="#figure-101-1">그림</a> '
           '<img src="../img/a.png"> <a href="https://example.org/a">밖</a> <a href="/abs/">절대</a> <a href="../../">홈</a>')


@pytest.mark.parametrize("from_url, to_url, expected", [
    ("part-01/101/", "reference/summaries/",
     '<a href="../../part-24/2403/">장</a> <a class="book-figure-ref" href="../../part-01/101/#figure-101-1">그림</a> '
     '<img src="../../part-01/img/a.png"> <a href="https://example.org/a">밖</a> <a href="/abs/">절대</a> <a href="../../">홈</a>'),
    ("part-01/101/", "part-01/",
     '<a href="../part-24/2403/">장</a> <a class="book-figure-ref" href="101/#figure-101-1">그림</a> '
     '<img src="img/a.png"> <a href="https://example.org/a">밖</a> <a href="/abs/">절대</a> <a href="../">홈</a>'),
    ("part-01/101/", "part-01/101/", SUMMARY),
])
def test_a_summary_moved_to_another_page_keeps_its_links_working(from_url, to_url, expected):
    assert rebase_links(SUMMARY, from_url, to_url) == expected


def test_links_rebase_between_file_urls_and_from_the_home_page():
    assert rebase_links('<a href="#a">x</a>', "part-01/101.html", "part-01/index.html") == '<a href="101.html#a">x</a>'
    assert rebase_links('<a href="part-01/?q=1#b">x</a>', "", "part-01/") == '<a href="./?q=1#b">x</a>'
    assert rebase_links('<a href="#a">x</a>', "", "part-01/") == '<a href="../#a">x</a>'


@pytest.mark.parametrize("target, here", [
    ("p2/22.md", "p1/11.md"), ("p1/12.md", "p1/11.md"), ("p1/12.md", "index.md"), ("index.md", "p1/11.md"),
    ("a/b/c.md", "a/d/e.md"), ("a/b/c.md", "a/b/c/d.md"), ("x.md", "y.md"), ("a/b.md", "a/b/c.md"),
])
def test_links_between_pages_are_what_posixpath_makes_of_them(target, here):
    assert link_between(here, target) == posixpath.relpath(target, posixpath.dirname(here) or ".")



ASSETS_PAGE = """---
title: "12. 그림"
---

![절대](/agent-book/assets/hub.svg) ![상대](../assets/hub.svg) ![뿌리](/assets/hub.svg)
![없음](../diagrams/flow.png) ![밖](../../01-why/images/old.png) ![첨부](attachment:shot.png)
<img width="600" src="https://github.com/user-attachments/assets/abc"> ![원격](https://example.com/x.png)
<img src="/agent-book/assets/hub.svg"> <img src='../assets/none.png'> <img src=data:image/png;base64,AA>
*Figure 12-1. <img src=x> 캡션은 글자입니다*
[자리](URL_PLACEHOLDER) [표시](22-[v1]-hub.md) [메일](mailto:a@b.c) [밖](https://example.com)
"""
ASSET_BOOK = {"assets/hub.svg", "01-why/12.md", "01-why/22-hub.md"}


def test_asset_links_in_every_form_and_each_broken_one_once_with_the_address_mkdocs_sees():
    body = scan(read_page("01-why/12.md", ASSETS_PAGE.encode()))
    broken = broken_links(find_links(body), "01-why/12.md", "docs/01-why/12.md", ASSET_BOOK, {}, "/agent-book")
    assert [(b.finding.line, b.finding.code, b.rendered) for b in broken] == [
        (line_of(ASSETS_PAGE, "![없음]"), "image-not-found", "../diagrams/flow.png"),
        (line_of(ASSETS_PAGE, "![없음]"), "image-not-found", "../../01-why/images/old.png"),
        (line_of(ASSETS_PAGE, "![없음]"), "image-not-found", "attachment:shot.png"),
        (line_of(ASSETS_PAGE, "<img"), "image-external", None),  # an HTML tag: MkDocs never sees it
        (line_of(ASSETS_PAGE, "<img"), "image-external", "https://example.com/x.png"),
        (line_of(ASSETS_PAGE, "none.png"), "image-not-found", None),
        (line_of(ASSETS_PAGE, "[자리]"), "link-not-found", "URL_PLACEHOLDER"),
        (line_of(ASSETS_PAGE, "[자리]"), "link-not-found", "22-[v1]-hub.md"),
    ]


@pytest.mark.parametrize("href, expected", [
    ("/agent-book/assets/hub.svg", "../assets/hub.svg"),  # under the Jekyll baseurl
    ("/assets/hub.svg", "../assets/hub.svg"),  # from the docs folder
    ("/agent-book/01-why/22-hub.html#x", "22-hub.md#x"),
    ("22-hub.html", "22-hub.md"),
    ("../assets/hub.svg", None), ("https://example.com/a.html", None), ("//cdn.example/x.png", None),
])
def test_the_renderer_and_the_check_rewrite_a_link_alike(href, expected):
    from book.links import book_href

    assert book_href(href, "01-why/12.md", ASSET_BOOK, "/agent-book") == expected


@pytest.mark.parametrize("href, page_url, expected", [
    ("../assets/hub.svg", "01-why/12/", "../../assets/hub.svg"),
    ("../assets/hub.svg#x", "01-why/12/", "../../assets/hub.svg#x"),
    ("../assets/none.png", "01-why/12/", None),  # no such file: a finding, left as written
    ("22-hub.md", "01-why/12/", None),  # a page, not a file MkDocs copies as it is
    ("https://example.com/x.png", "01-why/12/", None),
])
def test_a_raw_html_image_gets_the_address_that_works_from_its_page(href, page_url, expected):
    from book.links import page_relative_url

    assert page_relative_url(href, "01-why/12.md", page_url, ASSET_BOOK) == expected


def test_a_link_to_a_chapters_title_reaches_it():
    from book.analysis import analyse_book

    chapter = read_page("02-literacy/22-hub.md", "---\ntitle: '22. [v2] 허브와 인프라'\n---\n\n# Part 1: 허브\n".encode())
    home = read_page("index.md", ("---\ntitle: 홈\n---\n\n[제목](02-literacy/22-hub.md#22-허브와-인프라) "
                                  "[없음](02-literacy/22-hub.md#홈)\n").encode())
    findings = [f for f in analyse_book([chapter, home]).findings if f.code == "link-missing-anchor"]
    assert [f.message.split("'")[1] for f in findings] == ["02-literacy/22-hub.md#홈"]

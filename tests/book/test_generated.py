"""The generated pages and llms files, as text, from a small book analysed in memory."""

import re

from book.analysis import analyse_book
from book.generated import (CHAPTER_LIST_MARKER, DIGEST, FIGURE_LIST, KEYWORD_INDEX, LIST_MARKER, Heading, Permalink,
                            chapter_list, chapter_list_html, fallback_summary, generated_list)
from book.llms import llms_full_txt, llms_txt
from pages import page

ANCHOR = "\n---\n<!-- LLM Context Anchor -->\n**핵심 요약**: {summary}\n\n**키워드**: {keywords}\n"
DIAGRAM = "```mermaid\nflowchart LR\n    A --> B\n```\n\n*Figure {chapter}-1. {caption}*\n"


def book():
    return analyse_book([
        page("index.md", title="홈", nav_order=0),
        page("p1/index.md", title="Part 1", nav_order=2, has_children=True),
        page("p1/12.md", DIAGRAM.format(chapter=12, caption="둘째 [그림]") + ANCHOR.format(
            summary="열두째 장 **요약**.", keywords="`도구` `API`"), title="12. 도구", nav_order=2, parent="Part 1"),
        page("p1/11.md", ANCHOR.format(summary="열한째 장 요약.", keywords="`에이전트` `도구`"),
             title="11. <에이전트>", nav_order=1, parent="Part 1"),
        page("a/index.md", title="부록 A", nav_order=7, has_children=True),
        page("a/a01.md", "용어\n", title="A01. 용어집", nav_order=1, parent="부록 A"),
    ])


def body(analysis, planned) -> str:
    text = analysis.pages[planned.src_uri].source.text
    return text[text.index("---\n", 4) + 4:]


def test_generated_pages_have_their_place_in_the_navigation():
    analysis = book()
    assert [e.title for e in analysis.navigation.book_order()][-4:] == [
        "찾아보기", "그림 목록", "핵심 요약 모음", "키워드 찾아보기"]
    assert analysis.findings == []


def rendered(chapter) -> str:
    """A summary as the test's chapters "rendered" it: marked, to be told from the text fallback."""
    return f"<i>{chapter.entry.src_uri}</i>"


def href(src_uri: str, fragment: str) -> str:
    """Links as the test reads them: target page, then fragment."""
    return f"/{src_uri}" + (f"#{fragment}" if fragment else "")


def test_digest_lists_every_summary_in_book_order_under_its_part():
    analysis = book()
    assert LIST_MARKER in body(analysis, DIGEST)
    listing = generated_list(DIGEST.src_uri, analysis.chapters(), href, rendered)
    assert listing.html == (
        '<h2 id="part-1">Part 1</h2>\n'
        # the id the toc extension gives that heading: its slug function drops what looks like a tag
        '<h3 id="11"><a href="/p1/11.md">11. &lt;에이전트&gt;</a></h3>\n<p><i>p1/11.md</i></p>\n'
        "<p><strong>키워드</strong>: <code>에이전트</code> <code>도구</code></p>\n"
        '<h3 id="12-도구"><a href="/p1/12.md">12. 도구</a></h3>\n<p><i>p1/12.md</i></p>\n'
        "<p><strong>키워드</strong>: <code>도구</code> <code>API</code></p>")
    assert "A01" not in listing.html  # no anchor, nothing to digest
    assert listing.headings == (Heading(2, "part-1", "Part 1"), Heading(3, "11", "11. <에이전트>"),
                                Heading(3, "12-도구", "12. 도구"))


def test_list_headings_carry_the_permalink_mkdocs_yml_asks_for():
    listing = generated_list(FIGURE_LIST.src_uri, book().chapters(), href, rendered, Permalink("&para;", "이 제목의 \"주소\""))
    assert listing.html.startswith('<h2 id="12-도구"><a href="/p1/12.md">12. 도구</a>'
                                   '<a class="headerlink" href="#12-도구" title="이 제목의 &quot;주소&quot;">&para;</a></h2>')


def test_a_summary_not_rendered_yet_is_shown_as_plain_text():
    chapter = next(c for c in book().chapters() if c.entry.src_uri == "p1/12.md")
    assert fallback_summary(chapter) == "열두째 장 요약."


def test_keyword_index_sorts_keywords_and_links_every_chapter_that_carries_them():
    analysis = book()
    assert LIST_MARKER in body(analysis, KEYWORD_INDEX)
    listing = generated_list(KEYWORD_INDEX.src_uri, analysis.chapters(), href, rendered)
    items = re.findall(r"<li>(.*?)</li>", listing.html)
    assert [re.match(r"<strong>(.*?)</strong>", item)[1] for item in items] == ["API", "도구", "에이전트"]
    assert items[1] == ('<strong>도구</strong> — <a href="/p1/11.md">11. &lt;에이전트&gt;</a>, '
                        '<a href="/p1/12.md">12. 도구</a>')
    assert listing.headings == ()


def test_figure_list_groups_figures_under_their_chapter_with_escaped_text():
    analysis = book()
    assert LIST_MARKER in body(analysis, FIGURE_LIST)
    listing = generated_list(FIGURE_LIST.src_uri, analysis.chapters(), href, rendered)
    assert listing.headings == (Heading(2, "12-도구", "12. 도구"),)
    assert listing.html == ('<h2 id="12-도구"><a href="/p1/12.md">12. 도구</a></h2>\n<ul class="book-figure-list">'
                            '<li><a href="/p1/12.md#figure-12-1">Figure 12-1. 둘째 [그림]</a></li></ul>')


def test_repeated_chapter_titles_get_distinct_heading_ids():
    same = DIAGRAM.format(chapter=13, caption="그림")
    analysis = analyse_book([
        page("a.md", same, title="13. 같은 제목", nav_order=1),
        page("b.md", same, title="13. 같은 제목", nav_order=2),
        page("c.md", same, title="13. 같은 제목", nav_order=3),
    ])
    listing = generated_list(FIGURE_LIST.src_uri, analysis.chapters(), href, rendered)
    assert [heading.id for heading in listing.headings] == ["13-같은-제목", "13-같은-제목_1", "13-같은-제목_2"]


def test_a_book_without_figures_or_keywords_says_so_and_lists_nothing():
    analysis = analyse_book([page("index.md", title="홈", nav_order=0)])
    assert all(LIST_MARKER not in body(analysis, planned) for planned in (FIGURE_LIST, DIGEST, KEYWORD_INDEX))
    assert generated_list("index.md", analysis.chapters(), href, rendered) is None


def test_part_landing_list_follows_navigation_order_with_summaries():
    analysis = book()
    children = analysis.children_of("p1/index.md")
    assert chapter_list(children) == "\n## 이 부의 장\n\n" + CHAPTER_LIST_MARKER + "\n"
    assert chapter_list([]) == ""
    listing = chapter_list_html(children, href, rendered)
    assert listing == ('<ul class="book-chapter-list">\n'
                       '<li>\n<p><strong><a href="/p1/11.md">11. &lt;에이전트&gt;</a></strong></p>\n<p><i>p1/11.md</i></p>\n</li>\n'
                       '<li>\n<p><strong><a href="/p1/12.md">12. 도구</a></strong></p>\n<p><i>p1/12.md</i></p>\n</li>\n</ul>')


def test_parts_landing_pages_list_their_chapters_and_generated_pages_do_not():
    # (Their lists are filled in after every page has rendered: hooks/book_build.py, on_env.)
    analysis = book()
    assert analysis.lists_chapters("p1/index.md") and not analysis.lists_chapters("p1/11.md")
    assert not analysis.lists_chapters("reference/index.md")  # generated: it lists the generated pages itself


def test_llms_txt_has_the_llmstxt_shape_with_one_section_per_part():
    analysis = book()
    text = llms_txt("에이전트 혁명", "비전공자도 쉽게 읽는 AI 에이전트 플레이북", analysis.chapters(),
                    lambda uri: "https://book.example/" + uri.replace(".md", "/"))
    assert text.split("\n")[:3] == ["# 에이전트 혁명", "", "> 비전공자도 쉽게 읽는 AI 에이전트 플레이북"]
    assert [line for line in text.split("\n") if line.startswith("## ")] == ["## Part 1", "## 부록 A"]
    assert "- [11. <에이전트>](https://book.example/p1/11/): 열한째 장 요약." in text
    assert "- [A01. 용어집](https://book.example/a/a01/)\n" in text  # no summary, no colon
    assert "찾아보기" not in text and "홈" not in text


def test_llms_full_txt_has_every_chapter_in_book_order_without_front_matter():
    analysis = book()
    sources = {uri: p.source for uri, p in analysis.pages.items()}
    text = llms_full_txt("에이전트 혁명", "요약", analysis.chapters(), sources, lambda uri: uri)
    assert text.index("# 11. <에이전트>") < text.index("# 12. 도구") < text.index("# A01. 용어집")
    assert "nav_order" not in text and "```mermaid" in text and "Source: p1/12.md" in text


def test_generated_text_shows_titles_without_review_markers():
    analysis = analyse_book([
        page("p1/index.md", title="Part 1", nav_order=2, has_children=True),
        page("p1/11.md", ANCHOR.format(summary="요약.", keywords="`가`"), title="11. [v1] 장", parent="Part 1"),
    ])
    assert '<a href="/p1/11.md">11. 장</a>' in generated_list(DIGEST.src_uri, analysis.chapters(), href, rendered).html
    assert "- [11. 장](p1/11/): 요약." in llms_txt("책", "요약", analysis.chapters(), lambda u: u.replace(".md", "/"))

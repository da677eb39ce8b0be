"""The book's Markdown extensions, run through Python-Markdown with superfences as MkDocs does."""

import xml.etree.ElementTree as etree

import markdown

from book.generated import rendered_summary
from book.markup import BookMarkupExtension, RenderContext
from pages import rendered, rendered_html

DIAGRAM = "```mermaid\nflowchart LR\n    A --> B\n```\n"


def render(text: str, context: RenderContext | None = None) -> etree.Element:
    return rendered(text, context)


def test_diagram_and_caption_become_a_figure_with_a_labelled_caption():
    root = render(DIAGRAM + "\n*Figure 27-1. HuggingFace: AI 모델의 `GitHub`*\n\nHuggingFace의 역할\n")
    figure = root.find("figure")
    assert figure.get("id") == "figure-27-1"
    assert figure[0].tag == "pre" and figure[0].get("class") == "mermaid"
    caption = figure.find("figcaption")
    label = caption.find(".//span[@class='book-figure__label']")  # inside the words that name the figure (#21)
    assert label is not None and label.text == "Figure 27-1."
    assert "".join(caption.itertext()).startswith("Figure 27-1. HuggingFace: AI 모델의 GitHub")
    assert caption.find(".//code").text == "GitHub"
    permalink = caption.find("a")
    assert permalink.get("href") == "#figure-27-1" and permalink.get("class") == "headerlink"
    assert root.find("p").text == "HuggingFace의 역할"  # leftover alt text stays prose
    assert root.find("em") is None and root.find("p/em") is None


def test_diagram_sources_are_left_out_of_search_once_and_other_code_is_not():
    # The toc extension runs every postprocessor again on each heading's text: headings
    # here make sure a diagram is marked once, not once per heading.
    md_text = ("## 흐름\n\n" + DIAGRAM + "\n*Figure 27-1. 흐름*\n\n## 다음\n\n" + DIAGRAM
               + "\n```python\nprint('허브')\n```\n")
    root = render(md_text)
    diagrams = root.findall(".//pre[@class='mermaid']")
    assert len(diagrams) == 2 and all("data-search-exclude" in d.attrib for d in diagrams)
    code = [pre for pre in root.iter("pre") if pre.get("class") != "mermaid"]
    assert code and all("data-search-exclude" not in pre.attrib for pre in code)


def test_captioned_image_becomes_a_figure_and_an_uncaptioned_one_stays_an_image():
    root = render("![표](table.png)\n\n*Figure 27-2. 표*\n\n![장식](d.png)\n")
    assert root.find("figure").get("id") == "figure-27-2"
    assert root.find("figure/img").get("src") == "table.png"
    assert root.find("p/img").get("src") == "d.png"


def test_caption_without_a_figure_above_and_an_ordinary_code_fence_are_left_alone():
    root = render("글\n\n*Figure 27-1. 떠도는 캡션*\n\n```markdown\n*Figure 27-9. 코드*\n```\n")
    assert root.find("figure") is None
    assert root.find("p/em").text == "Figure 27-1. 떠도는 캡션"


def test_a_repeated_number_gets_no_second_id():
    root = render(DIAGRAM + "\n*Figure 27-1. 첫째*\n\n" + DIAGRAM + "\n*Figure 27-1. 둘째*\n")
    assert [f.get("id") for f in root.findall("figure")] == ["figure-27-1", None]


def test_mentions_link_to_figures_here_and_in_other_chapters():
    context = RenderContext(
        src_uri="02-literacy/27-hub.md",
        figure_pages={"figure-27-1": "02-literacy/27-hub.md", "figure-11-2": "01-basics/11-agent.md"},
    )
    root = render("Figure 27-1에서 보듯, 그림 11-2와 Figure 99-9, 그리고 `Figure 27-1`.\n", context)
    links = root.findall("p/a")
    assert [(a.text, a.get("href")) for a in links] == [
        ("Figure 27-1", "#figure-27-1"),
        ("그림 11-2", "../01-basics/11-agent.md#figure-11-2"),
    ]
    assert "".join(root.find("p").itertext()) == "Figure 27-1에서 보듯, 그림 11-2와 Figure 99-9, 그리고 Figure 27-1."


def test_mentions_in_headings_links_and_captions_are_not_linked():
    context = RenderContext(src_uri="a.md", figure_pages={"figure-27-1": "a.md"})
    root = render("## Figure 27-1 이야기\n\n[Figure 27-1 보기](b.md)\n\n" + DIAGRAM + "\n*Figure 27-1. 그림*\n", context)
    assert root.find("h2/a") is None
    assert root.find("p/a").get("href") == "b.md"
    assert [a.get("class") for a in root.iter("a")].count("book-figure-ref") == 0


def test_jekyll_html_links_point_at_markdown_for_mkdocs():
    context = RenderContext(src_uri="02-literacy/27-hub.md", doc_uris=frozenset({"02-literacy/21-model.md"}))
    root = render("[모델](21-model.html#모델이란), [밖](https://example.com/a.html), `[x](21-model.html)`\n", context)
    assert [a.get("href") for a in root.iter("a")] == ["21-model.md#모델이란", "https://example.com/a.html"]


def test_a_list_may_start_right_under_a_paragraph_line():
    root = render("**비유: 요리 레시피**\n- 비공개: 따라 만들 수 없음\n- 오픈소스: 누구나\n\n1. 하나\n2. 둘\n")
    assert [li.text for li in root.findall("ul/li")] == ["비공개: 따라 만들 수 없음", "오픈소스: 누구나"]
    assert root.find("p/strong").text == "비유: 요리 레시피"
    assert len(root.findall("ol/li")) == 2


def test_lists_keep_their_items_and_code_blocks_keep_their_lines():
    root = render("- 하나\n  이어지는 줄\n- 둘\n\n```yaml\nkeys:\n- a\n- b\n```\n")
    assert len(root.findall("ul/li")) == 2
    assert "keys:\n- a\n- b" in "".join(root.itertext())
    assert "keys:\n\n- a" not in "".join(root.itertext())


ANCHOR = "본문\n\n---\n<!-- LLM Context Anchor -->\n**핵심 요약**: 요약 `코드` 문장.\n\n**키워드**: `HuggingFace` `오픈소스`\n"


def test_anchor_becomes_a_summary_block_with_keyword_chips_and_no_marker():
    md = markdown.Markdown(extensions=["pymdownx.superfences", BookMarkupExtension(lambda: RenderContext())])
    html = md.convert(ANCHOR)
    assert "LLM Context Anchor" not in html and "<hr" not in html
    root = etree.fromstring(f"<root>{html}</root>")
    block = root.find("div")
    assert block.get("class") == "admonition abstract book-summary"
    assert block.find("h2[@class='admonition-title']").text == "핵심 요약"  # a heading (#21)
    assert "".join(block[1].itertext()) == "요약 코드 문장."
    assert rendered_summary(html) == "요약 <code>코드</code> 문장."  # what the digest and the Part show
    keywords = block.find("p[@class='book-keywords']")
    assert keywords.find("span").text == "키워드"
    assert [c.text for c in keywords.findall("code[@class='book-keyword']")] == ["HuggingFace", "오픈소스"]
    assert root.find("p").text == "본문"


def test_a_marker_without_summary_is_left_as_written():
    md = markdown.Markdown(extensions=[BookMarkupExtension(lambda: RenderContext())])
    html = md.convert("---\n<!-- LLM Context Anchor -->\n키워드만 있음\n")
    assert "book-summary" not in html


def test_html_in_a_caption_is_shown_as_text():
    html = rendered_html(DIAGRAM + "\n*Figure 1-1. <script>alert(1)</script> & <b>굵게</b>*\n")
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;굵게&lt;/b&gt;" in html


def test_callouts_become_admonitions_titled_with_their_label():
    root = render("> **[참고]** 참고할 점.\n\n> **[Tip]** 요령.\n\n> **[주의]** 조심.\n\n"
                  "> **[TODO]** 쓰는 중.\n\n> 평범한 인용 **[참고]**\n\n> **[기타]** 모르는 라벨\n")
    admonitions = root.findall("div")
    assert [(d.get("class"), d[0].text, "".join(d[1].itertext())) for d in admonitions] == [
        ("admonition note", "참고", "참고할 점."),
        ("admonition tip", "Tip", "요령."),
        ("admonition warning", "주의", "조심."),
        ("admonition warning book-todo", "작성 중", "쓰는 중."),
    ]
    assert ["".join(q.itertext()).strip() for q in root.findall("blockquote")] == ["평범한 인용 [참고]", "[기타] 모르는 라벨"]


def test_blockquotes_apart_by_a_blank_line_stay_apart_and_one_quote_keeps_its_paragraphs():
    root = render("> 하나\n\n> 둘\n\n> 셋\n>\n> 셋의 둘째 문단\n")
    assert [len(q.findall("p")) for q in root.findall("blockquote")] == [1, 1, 2]


def test_chapter_references_link_to_chapters_and_unknown_ones_stay_text():
    context = RenderContext(src_uri="01-basics/14.md", chapter_pages={"A01": "appendix/a01.md", "21": "02-literacy/21.md"})
    root = render("[부록 A01]과 [21장], [99장], `[A01]`, [A01](x.md)\n", context)
    assert [(a.text, a.get("href")) for a in root.iter("a")] == [
        ("[부록 A01]", "../appendix/a01.md"), ("[21장]", "../02-literacy/21.md"), ("A01", "x.md")]
    assert "[99장]" in "".join(root.itertext())


def test_trailer_becomes_the_date_under_the_title():
    # The review marker is no longer on this line: it is a badge in the title (test_titles.py).
    context = RenderContext(src_uri="a.md", review_marker="v1")
    root = render("본문\n\n작성일: 2026-01-07\nChapter: Part 2, Chapter 2.2\n키워드: 가, 나\n", context)
    meta = root[0]
    assert meta.get("class") == "book-page-meta"
    assert meta.find("span") is None
    assert meta.find("time").get("datetime") == "2026-01-07" and meta.find("time").text == "2026년 1월 7일 작성"
    assert "작성일" not in "".join(root.itertext()) and "Chapter:" not in "".join(root.itertext())


def test_legacy_absolute_links_and_images_point_at_the_books_files():
    context = RenderContext(src_uri="01-basics/14.md", legacy_base="/pages-book/",
                            doc_uris=frozenset({"02-literacy/21.md", "02-literacy/model.png"}))
    root = render("[옛](/pages-book/02-literacy/21.html#x) ![그림](/pages-book/02-literacy/model.png)\n", context)
    assert root.find("p/a").get("href") == "../02-literacy/21.md#x"
    assert root.find("p/img").get("src") == "../02-literacy/model.png"



def test_a_caption_directly_under_its_figure_or_above_prose_still_makes_the_figure():
    # The checks take these as captions (with a figure-caption-spacing warning); the page agrees.
    root = render(DIAGRAM + "*Figure 27-1. 붙은 캡션*\n바로 아래 글\n\n![표](t.png)\n*Figure 27-2. 표*\n")
    assert [f.get("id") for f in root.findall("figure")] == ["figure-27-1", "figure-27-2"]
    assert root.find("figure/img").get("src") == "t.png"
    assert [p.text for p in root.findall("p")] == ["바로 아래 글"]


def test_a_caption_the_checks_did_not_number_makes_no_figure():
    # After text the checks see a detached caption (a finding), not a figure: nor does the page.
    root = render(DIAGRAM + "\n사이에 낀 글\n\n*Figure 27-1. 떨어진 캡션*\n")
    assert root.find("figure") is None and root.find("p/em") is not None


def test_the_mermaid_fence_format_is_wrapped_once_whatever_it_makes():
    from book.extensions.mermaid import OUT_OF_SEARCH, diagram_fences_out_of_search

    def svg_format(source, language, class_name, options, md, **kwargs):  # another fence's output
        return '<div class="diagram"><svg role="img"></svg></div>'

    settings = {"custom_fences": [{"name": "mermaid", "format": svg_format}, {"name": "math", "format": svg_format}]}
    diagram_fences_out_of_search(settings)
    diagram_fences_out_of_search(settings)  # a second build of `mkdocs serve`
    mermaid, math = (fence["format"]("A --> B", "mermaid", "mermaid", {}, None) for fence in settings["custom_fences"])
    assert mermaid == f'<div class="diagram" {OUT_OF_SEARCH}><svg role="img"></svg></div>'
    assert math == '<div class="diagram"><svg role="img"></svg></div>'


def test_one_wrapper_decides_the_mermaid_fence_a_drawn_svg_or_the_source_out_of_search_and_both_are_figures():
    from book.extensions.mermaid import OUT_OF_SEARCH
    from book.prerender import normalize_source
    from pages import rendered_html

    text = (DIAGRAM + "\n*Figure 27-1. 그린 그림*\n\n" + DIAGRAM.replace("A --> B", "C --> D")
            + "\n*Figure 27-2. 독자의 브라우저가 그릴 그림*\n")
    drawn = {"flowchart LR\n    A --> B": "ab12cd"}
    html = rendered_html(text, drawing_key=lambda source: drawn.get(normalize_source(source)))
    # The drawn one: its placeholder block, the figure's first child; the other, Mermaid's source.
    assert ('<figure aria-describedby="figure-27-1-description" aria-labelledby="figure-27-1-caption" '
            'class="book-figure book-figure--mermaid" id="figure-27-1"><div class="book-diagram">'
            "<!-- book-diagram ab12cd --></div>") in html
    assert (f'<figure aria-describedby="figure-27-2-description" aria-labelledby="figure-27-2-caption" '
            f'class="book-figure book-figure--mermaid" id="figure-27-2"><pre class="mermaid" {OUT_OF_SEARCH}>') in html
    assert html.count("<figcaption>") == 2

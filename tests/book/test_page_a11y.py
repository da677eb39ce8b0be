"""The finished page's skip link and heading names; figures' names and descriptions."""

from __future__ import annotations


import xml.etree.ElementTree as etree

from book.accessible_figures import description_html, figure_descriptions, fill_descriptions
from book.diagram_text import DiagramText, Edge
from book.blocks import scan
from book.extensions import RenderContext
from book.figures import find_figures
from book.page_a11y import TITLE_ID, name_heading_permalinks, skip_to_title
from pages import page, rendered_html

PAGE = """<body><div data-md-component="skip">
        <a href="#first-section" class="md-skip">
          콘텐츠로 이동
        </a>
    </div><main><article class="md-content__inner md-typeset"><h1>27. 모델 허브</h1>
<p>도입</p>
<h2 id="first-section">모델 <code>허브</code> &amp; 도구<a class="headerlink" href="#first-section" title="이 제목의 주소">&para;</a></h2>
<h3 class="x" id="b">B<a class="headerlink" href="#b" title="이 제목의 주소">&para;</a></h3>
</article></main></body>"""


def test_the_skip_link_goes_to_the_first_h1_of_the_article_which_gets_an_id():
    out = skip_to_title(PAGE)
    assert f'<a href="#{TITLE_ID}" class="md-skip">콘텐츠로 이동</a>' in out
    assert f'<h1 id="{TITLE_ID}">27. 모델 허브</h1>' in out


def test_an_h1_with_an_id_keeps_it_and_a_page_without_a_skip_link_gets_one():
    page_html = PAGE.replace("<h1>", '<h1 id="own">').replace(
        PAGE[PAGE.index('<div data-md-component="skip">'):PAGE.index("</div>") + 6], '<div data-md-component="skip">\n</div>')
    out = skip_to_title(page_html)
    assert '<a href="#own" class="md-skip">콘텐츠로 이동</a>' in out and '<h1 id="own">' in out
    assert skip_to_title("<p>no article</p>") == "<p>no article</p>"


def test_headings_are_named_by_their_words_and_their_permalink_by_what_it_does():
    out = name_heading_permalinks(PAGE)
    assert ('<h2 id="first-section" aria-labelledby="first-section__words"><span id="first-section__words">'
            "모델 <code>허브</code> &amp; 도구</span>") in out
    assert 'aria-label="모델 허브 &amp; 도구 — 이 제목의 주소"' in out
    assert '<h3 class="x" id="b" aria-labelledby="b__words"><span id="b__words">B</span>' in out
    assert name_heading_permalinks(out) == out  # once only


CHAPTER = """본문

```mermaid
flowchart LR
    A[목표] --> B[계획]
    B -->|결과| A
```

*Figure 11-1. 에이전트의 순환*

![그림](a.png)

*Figure 11-2. 그림*
"""


def test_a_diagram_figure_is_named_by_its_caption_and_described_by_its_edges():
    source = page("11.md", CHAPTER, title="11. 장")
    descriptions = figure_descriptions(source.lines, find_figures(scan(source), "11").figures)
    assert list(descriptions) == ["figure-11-1"]  # an image has no source to describe
    # As the build renders it: the page's context carries the same descriptions (page_context).
    html = rendered_html(CHAPTER, RenderContext(src_uri="11.md"))
    # What Material's search reads: the block's place, and its words once, as one paragraph.
    assert html.count("<!-- book-description figure-11-1 -->") == 1 and "<details" not in html
    root = etree.fromstring(f"<root>{fill_descriptions(html, descriptions)}</root>")  # the finished page
    figure = root.find(".//figure[@id='figure-11-1']")
    assert figure.get("aria-labelledby") == "figure-11-1-caption"
    assert figure.get("aria-describedby") == "figure-11-1-description"
    caption = figure.find(".//span[@id='figure-11-1-caption']")
    assert "".join(caption.itertext()) == "Figure 11-1. 에이전트의 순환"
    assert [child.tag for child in figure][-3:] == ["details", "p", "figcaption"]  # figcaption stays last
    spoken = figure.find("p[@id='figure-11-1-description']")
    assert spoken.get("hidden") is not None and "목표 → 계획; 계획 → 목표 (결과)" in spoken.text
    assert [li.text for li in figure.find("details").iter("li")][-2:] == ["목표 → 계획", "계획 → 목표 (결과)"]
    image = root.find(".//figure[@id='figure-11-2']")
    assert image.get("aria-labelledby") == "figure-11-2-caption" and image.get("aria-describedby") is None


def test_a_description_block_escapes_its_labels_and_a_stray_placeholder_leaves_nothing():
    text = DiagramText("flowchart", nodes=["a < b", "R&D"], edges=[Edge("a < b", "R&D", "<b>굵게</b>")])
    block = description_html(text)
    assert "<li>a &lt; b</li><li>R&amp;D</li>" in block and "<li>a &lt; b → R&amp;D (&lt;b&gt;굵게&lt;/b&gt;)</li>" in block
    etree.fromstring(block)  # well-formed
    page_html = '<p>앞</p><!-- book-description figure-1-1 --><!-- book-description figure-9-9 --><p>뒤</p>'
    filled = fill_descriptions(page_html, {"figure-1-1": text})
    assert filled == f"<p>앞</p>{block}<p>뒤</p>"  # no description known for figure-9-9: no block
    assert fill_descriptions("<p>그림 없음</p>", {}) == "<p>그림 없음</p>"

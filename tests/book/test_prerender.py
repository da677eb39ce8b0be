"""The pure half of drawing diagrams at build time: what is drawn, how it is cached, what an
SVG becomes in the page, and the finding for a diagram Mermaid cannot draw."""

from __future__ import annotations

import markdown

from book.analysis import analyse_book
from book.prerender import (SUFFIX, DiskCache, Rendering, book_diagrams, cache_key, figure_html, fill_placeholders,
                            normalize_source, unique_svg,
                            renderer_fingerprint, share_style, shared_stylesheet, syntax_finding)
from book.sources import read_page

CHAPTER = """---
title: "31. 그림"
nav_order: 1
---

본문

```mermaid
flowchart LR
    A[가] --> B[나]   
```

*Figure 31-1. 첫 그림*

- 목록 안의 그림

    ```mermaid
    flowchart TB
        C --> D
    ```

```python
print("not a diagram")
```
"""


def analysed(text: str = CHAPTER):
    return analyse_book([read_page("31.md", text.encode("utf-8"), "docs")], {"31.md"}, None)


def test_every_mermaid_fence_is_found_at_its_line_with_the_text_superfences_hands_over():
    diagrams = book_diagrams(analysed())
    assert [(d.path, d.line) for d in diagrams] == [("docs/31.md", 8), ("docs/31.md", 17)]
    assert diagrams[0].text == "flowchart LR\n    A[가] --> B[나]"
    assert diagrams[1].text == "flowchart TB\n    C --> D"

    seen = []

    def record(source, language, class_name, options, md, **kwargs):
        seen.append(normalize_source(source))
        return "<div></div>"

    markdown.markdown(CHAPTER.split("---\n", 2)[2], extensions=["pymdownx.superfences"], extension_configs={
        "pymdownx.superfences": {"custom_fences": [{"name": "mermaid", "class": "mermaid", "format": record}]}})
    assert seen == [d.text for d in diagrams]  # the build finds each drawing by this text


def test_an_unclosed_fence_is_left_to_its_own_finding():
    assert book_diagrams(analysed(CHAPTER.split("```python")[0] + "```mermaid\nflowchart LR\n  A\n")) == \
        book_diagrams(analysed())


SVG = ('<svg id="book-diagram-abc" width="100" xmlns="http://www.w3.org/2000/svg" class="flowchart">'
       '<style>#book-diagram-abc{font-size:16px;}#book-diagram-abc text.actor&gt;tspan{fill:var(--x);}'
       '#book-diagram-abcd{}</style><g><marker id="book-diagram-abc_flowchart-pointEnd"/></g></svg>')


def test_the_style_leaves_the_svg_and_is_shared_by_diagrams_alike():
    first = share_style(SVG, "book-diagram-abc")
    second = share_style(SVG.replace("book-diagram-abc\"", "book-diagram-xyz\"").replace("#book-diagram-abc{", "#book-diagram-xyz{")
                         .replace("#book-diagram-abc ", "#book-diagram-xyz "), "book-diagram-xyz")
    assert "<style" not in first.svg and first.style_class == second.style_class
    assert first.svg.startswith(f'<svg id="book-diagram-abc" width="100" xmlns="http://www.w3.org/2000/svg" '
                                f'class="{first.style_class} flowchart">')
    assert 'id="book-diagram-abc_flowchart-pointEnd"' in first.svg  # ids inside the SVG are kept
    assert first.style.startswith(f".{first.style_class}{{font-size:16px;}}")
    assert f".{first.style_class} text.actor>tspan" in first.style  # XML's &gt; is CSS's >
    assert "#book-diagram-abcd" in first.style  # only the SVG's own id is rewritten
    sheet = shared_stylesheet([first, second])
    assert sheet.count(f".{first.style_class}{{font-size") == 1


def test_a_diagram_mermaid_cannot_draw_is_a_finding_at_its_fence_with_mermaids_line():
    diagram = book_diagrams(analysed())[0]
    error = ("Parse error on line 2:\n...LR    A[가 --> B[나]\n---------------------^\n"
             "Expecting 'SQE', 'PIPE', got 'SQS'")
    finding = syntax_finding(diagram, error)
    assert (finding.path, finding.line, finding.code) == ("docs/31.md", 8, "diagram-syntax")
    assert "Parse error on line 2 (파일의 10행)" in finding.message
    assert "Expecting 'SQE', 'PIPE', got 'SQS'" in finding.message
    # Mermaid counts an error at the end of the text one line past it; the file's line stays inside the fence
    assert "(파일의 10행)" in syntax_finding(diagram, "Parse error on line 3:\nx").message
    assert syntax_finding(diagram, "").message.startswith("Mermaid가 이 그림을 그리지 못합니다")


def test_each_input_of_the_drawing_is_part_of_the_key():
    base = renderer_fingerprint("11.17.2", {"theme": "x"}, "font", ["code"])
    changed = [
        renderer_fingerprint("11.17.3", {"theme": "x"}, "font", ["code"]),
        renderer_fingerprint("11.17.2", {"theme": "y"}, "font", ["code"]),
        renderer_fingerprint("11.17.2", {"theme": "x"}, "other font", ["code"]),
        renderer_fingerprint("11.17.2", {"theme": "x"}, "font", ["other code"]),
    ]
    assert len({base, *changed}) == 5
    assert cache_key("flowchart LR\n A", base) != cache_key("flowchart LR\n B", base)
    assert cache_key("flowchart LR\n A", base) != cache_key("flowchart LR\n A", changed[0])


def test_the_cache_gives_back_what_was_put_and_misses_what_it_cannot_read(tmp_path):
    cache = DiskCache(str(tmp_path))
    rendering = Rendering(svg='<svg>\n<text>가 "\\n"</text></svg>', style=".c{}\n.d{}", style_class="c")
    cache.put("ab" + "0" * 30, rendering)
    assert DiskCache(str(tmp_path)).get("ab" + "0" * 30) == rendering
    failed = Rendering(error="Parse error on line 2:\n...")
    cache.put("ef" + "0" * 30, failed)
    assert DiskCache(str(tmp_path)).get("ef" + "0" * 30) == failed
    for number, text in enumerate(["{not json\n<svg></svg>", '{"style": ""}', "[]\n<svg></svg>", ""]):
        key = f"c{number}" + "0" * 30
        broken = tmp_path / key[:2] / (key + SUFFIX)
        broken.parent.mkdir()
        broken.write_text(text, encoding="utf-8")
        assert DiskCache(str(tmp_path)).get(key) is None, text
    assert list(tmp_path.rglob("*.part")) == []


def test_the_same_diagram_twice_on_a_page_keeps_its_ids_unique():
    rendering = share_style(SVG, "book-diagram-abc")
    on_page: set[str] = set()
    first, second = unique_svg(rendering, on_page), unique_svg(rendering, on_page)
    written = fill_placeholders(figure_html("ab12") + figure_html("ab12"), {"ab12": rendering})
    assert written == f'<div class="book-diagram">{first}</div><div class="book-diagram">{second}</div>'
    assert 'id="book-diagram-abc"' in first and 'id="book-diagram-abc_flowchart-pointEnd"' in first
    assert 'id="book-diagram-abc-2"' in second and 'id="book-diagram-abc-2_flowchart-pointEnd"' in second
    assert 'id="book-diagram-abc"' not in second


def test_the_page_holds_placeholders_until_it_is_written_out():
    content = f"<p>앞</p><figure>{figure_html('a1')}<figcaption>1</figcaption></figure><figure>{figure_html('b2')}</figure>"
    assert "<svg" not in content  # what Material's search indexes
    written = fill_placeholders(content, {"a1": Rendering(svg="<svg>A</svg>"), "b2": Rendering(svg="<svg>B</svg>")})
    assert written == ('<p>앞</p><figure><div class="book-diagram"><svg>A</svg></div><figcaption>1</figcaption>'
                       '</figure><figure><div class="book-diagram"><svg>B</svg></div></figure>')
    assert fill_placeholders("<p>그림 없음</p>", {}) == "<p>그림 없음</p>"


def test_materials_own_mermaid_colours_are_read_from_its_bundle():
    from book.mermaid_browser import _material_theme_css

    theme = _material_theme_css()
    assert theme is not None and theme.startswith(".node circle")
    for variable in ("--md-mermaid-node-bg-color", "--md-mermaid-label-fg-color", "--md-mermaid-edge-color",
                     "--md-mermaid-sequence-actor-fg-color"):
        assert f"var({variable})" in theme


def test_diagrams_are_measured_in_the_family_the_page_gives_them():
    """One family name: the build measures labels in it, reading.css puts it first for the
    page's text and diagrams, and the client-side loader hands it to Mermaid."""
    import re as regex
    from pathlib import Path

    from book.mermaid_browser import FONT_FILE, FONT_FOLDER
    from book.prerender import FONT_FAMILY, PRETENDARD_FAMILY
    from conftest import ROOT

    assert FONT_FAMILY.startswith(f'"{PRETENDARD_FAMILY}"')
    reading = (ROOT / "overrides/assets/stylesheets/reading.css").read_text(encoding="utf-8")
    assert regex.search(r'--md-text-font-family:\s*"([^"]+)"', reading)[1] == PRETENDARD_FAMILY
    assert "--md-mermaid-font-family: var(--md-text-font-family)" in reading
    loader = (ROOT / "overrides/assets/javascripts/mermaid-loader.js").read_text(encoding="utf-8")
    assert regex.search(r"FONT_FAMILY = '\"([^\"]+)\"", loader)[1] == PRETENDARD_FAMILY
    served = (ROOT / "node_modules/pretendard/dist/web/variable/pretendardvariable-dynamic-subset.css").read_text(encoding="utf-8")
    assert set(regex.findall(r"font-family:\s*['\"]([^'\"]+)", served)) == {PRETENDARD_FAMILY}
    assert Path(ROOT / "node_modules" / FONT_FOLDER / FONT_FILE).is_file()


def test_a_diagram_holds_its_drawn_height_while_the_browser_skips_it():
    drawn = Rendering(svg='<svg id="d" width="654.6" height="277.5" viewBox="0 0 654.6 277.5"><g/></svg>')
    written = fill_placeholders(figure_html("c3") + figure_html("d4"), {"c3": drawn, "d4": Rendering(svg="<svg/>")})
    assert written.startswith('<div class="book-diagram" style="contain-intrinsic-block-size: auto 278px"><svg id="d"')
    assert written.endswith('<div class="book-diagram"><svg/></div>')  # no height, no guess

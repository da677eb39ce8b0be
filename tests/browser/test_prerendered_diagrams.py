"""Diagrams drawn when the site is built (hooks/diagrams.py): SVG in the page before any
script runs, broken diagrams as located findings, a cache that spares the browser, and the
reader's browser as the fallback when the build machine has no Chromium."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import (CHROMIUM, FIXTURES, build, copy_fixture_book, make_project, plant,
                      printed_findings, run_check, serve)
from pages import line_of
from test_diagrams import diagrams_on
from test_preview import mkdocs_serve
from test_reading import COLOUR

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine: apt-get install chromium")]

MERMAID_CODE = "/assets/vendor/mermaid/"
DRAWN_IN_CHROMIUM = re.compile(r"그림: (\d+)개를 Chromium에서")
ALL_CACHED = re.compile(r"그림: (\d+)개 모두 캐시에서 읽었고 브라우저는 띄우지 않았습니다")
BROKEN = ("    A[개발자] --> B[허브]\n", "    A[개발자 --> B[허브]\n")  # an unclosed [


def test_chapter_27_figures_are_svg_before_any_script_and_no_mermaid_is_fetched(browser, real_book, real_site_url):
    chapter = real_site_url + "02-literacy/27-hub/"
    without_scripts = browser.new_context(java_script_enabled=False)
    try:
        page = without_scripts.new_page()
        page.goto(chapter)
        figures = page.evaluate("""() => [...document.querySelectorAll('figure.book-figure--mermaid')].map(f => {
            const svg = f.querySelector(':scope > .book-diagram > svg');
            return svg && { nodes: svg.querySelectorAll('.node').length, text: svg.textContent,
                            shadow: !!f.querySelector('.mermaid'), width: svg.getBoundingClientRect().width }; })""")
    finally:
        without_scripts.close()
    assert len(figures) == 5 and all(figures), figures
    assert all(f["nodes"] >= 4 and f["width"] > 100 and not f["shadow"] for f in figures), figures
    assert "HuggingFace에 업로드" in figures[0]["text"]

    with_scripts = browser.new_context(service_workers="block")
    try:
        page = with_scripts.new_page()
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(chapter)
        page.wait_for_load_state("networkidle")
        assert [url for url in requests if MERMAID_CODE in url] == []
        assert any(url.endswith("/assets/stylesheets/book.bundle.css") for url in requests)  # diagrams.css in it
        assert page.locator("div.book-diagram > svg").count() == 5
        assert page.locator("link[rel=modulepreload]").count() == 0
    finally:
        with_scripts.close()


def test_one_shared_style_instead_of_one_per_diagram(real_book):
    chapter = real_book.html("02-literacy/27-hub/index.html")
    svgs = re.findall(r"<div class=\"book-diagram\"[^>]*><svg [^>]*>.*?</svg>", chapter, re.S)
    assert len(svgs) == 5 and not [svg for svg in svgs if "<style" in svg]
    classes = {re.search(r'class="(book-mermaid-[0-9a-f]+)', svg)[1] for svg in svgs}
    stylesheet = (real_book.site / "assets/stylesheets/diagrams.css").read_text(encoding="utf-8")
    for name in classes:  # every diagram's style is in the stylesheet, once
        assert stylesheet.count(f".{name}{{") == 1, name
    assert "var(--md-mermaid-node-bg-color)" in stylesheet  # Material's colours, for both palettes


@pytest.fixture
def broken_diagram_book(tmp_path):
    docs = copy_fixture_book(tmp_path)
    plant(docs, "02-literacy/22-hub.md", *BROKEN)
    return make_project(tmp_path / "project", docs)


def test_a_diagram_that_does_not_parse_fails_strict_and_check_at_its_fence(broken_diagram_book):
    chapter = broken_diagram_book / "docs/02-literacy/22-hub.md"
    text = chapter.read_text(encoding="utf-8")
    fence, broken_line = line_of(text, "```mermaid"), line_of(text, BROKEN[1].strip())
    expected = f"docs/02-literacy/22-hub.md:{fence}: diagram-syntax"

    strict = build(broken_diagram_book)
    assert strict.returncode != 0 and "Traceback" not in strict.log
    logged = [line for line in strict.log.splitlines() if "diagram-syntax" in line]
    assert len(logged) == 1 and expected in logged[0], strict.log
    assert f"파일의 {broken_line}행" in logged[0]  # Mermaid's own line, counted in the file

    checked = run_check(broken_diagram_book)
    assert checked.returncode == 1 and "Traceback" not in checked.stderr
    assert expected in printed_findings(checked), checked.stdout
    assert f"파일의 {broken_line}행" in checked.stdout

    chapter.write_text(text.replace(*reversed(BROKEN)), encoding="utf-8")
    assert build(broken_diagram_book).returncode == 0
    fixed = run_check(broken_diagram_book)
    assert fixed.returncode == 0 and "diagram-syntax" not in fixed.stdout


def test_the_second_build_starts_no_browser(tmp_path):
    project = make_project(tmp_path / "project", FIXTURES / "book")
    cache = str(tmp_path / "diagram-cache")
    first = build(project, BOOK_DIAGRAM_CACHE=cache)
    assert first.returncode == 0, first.log
    drawn = DRAWN_IN_CHROMIUM.search(first.log)
    assert drawn and int(drawn[1]) >= 2 and not ALL_CACHED.search(first.log), first.log

    second = build(project, BOOK_DIAGRAM_CACHE=cache)
    assert second.returncode == 0, second.log
    cached = ALL_CACHED.search(second.log)
    assert cached and int(cached[1]) == int(drawn[1]) and not DRAWN_IN_CHROMIUM.search(second.log), second.log
    assert len(re.findall(r'<div class="book-diagram"[^>]*><svg ', second.html("01-basics/11-agent/index.html"))) == 1


def test_without_chromium_the_build_works_and_the_readers_browser_draws(offline_page, tmp_path):
    project = make_project(tmp_path / "project", FIXTURES / "book")
    built = build(project, CHROMIUM="/nowhere")
    assert built.returncode == 0, built.log
    said = [line for line in built.log.splitlines() if "독자의 브라우저가 그립니다" in line]
    assert len(said) == 1 and said[0].startswith("INFO") and "CHROMIUM=/nowhere" in said[0]
    chapter = built.html("01-basics/11-agent/index.html")
    assert '<pre class="mermaid"' in chapter and "book-diagram" not in chapter
    for url in serve(built.site):
        diagrams = diagrams_on(offline_page, url + "01-basics/11-agent/", 1)
    assert len(diagrams) == 1 and diagrams[0]["nodes"] >= 3
    assert offline_page.foreign_requests == [] and offline_page.console_errors == []

    checked = subprocess.run([sys.executable, "-m", "book.check", "docs"], cwd=project, capture_output=True,
                             text=True, timeout=120,
                             env={**os.environ, "PYTHONPATH": str(project / "hooks"), "CHROMIUM": "/nowhere"})
    assert checked.returncode == 0
    assert checked.stderr.count("그림(Mermaid)은 점검하지 않았습니다") == 1


# WCAG contrast of every text of every diagram against what is painted beneath its middle:
# every filled shape of the SVG whose box holds that point, composited in paint (document)
# order over the page's background. Boxes, not hit testing: a label scrolled out of view
# or off a phone's screen is measured too.
DIAGRAM_TEXT_CONTRASTS = """
() => {
  const { parse, over, contrast, background } = window.__colour;
  return [...document.querySelectorAll('div.book-diagram > svg')].flatMap(svg => {
    const shapes = [...svg.querySelectorAll('rect, polygon, path, circle, ellipse')]
      .filter(shape => !shape.closest('defs, marker, foreignObject'));
    // Every element that holds text itself: the innermost, whose colour is what is seen.
    const texts = [...svg.querySelectorAll('*')]
      .filter(el => !['style', 'title', 'desc'].includes(el.tagName) && el.getBoundingClientRect().width > 0
        && [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()));
    return texts.map(el => {
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2, y = r.top + r.height / 2;
      let ground = background(svg);
      for (const shape of shapes) {
        const b = shape.getBoundingClientRect();
        if (x < b.left || x > b.right || y < b.top || y > b.bottom) continue;
        const s = getComputedStyle(shape);
        const fill = parse(s.fill);
        if (!fill || s.display === 'none' || s.visibility === 'hidden') continue;
        fill[3] *= parseFloat(s.fillOpacity) * parseFloat(s.opacity);
        ground = over(fill, ground);
      }
      // An HTML label's own backgrounds (an edge label's box), up to its foreignObject.
      const layers = [];
      for (let e = el; e && e.tagName !== 'foreignObject' && e.namespaceURI !== 'http://www.w3.org/2000/svg'; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c && c[3] > 0) layers.unshift(c);
      }
      for (const layer of layers) ground = over(layer, ground);
      const s = getComputedStyle(el);
      const ink = el.namespaceURI === 'http://www.w3.org/2000/svg' ? parse(s.fill) : parse(s.color);
      return { text: el.textContent.trim().slice(0, 20), ratio: contrast(over(ink, ground), ground) };
    });
  });
}
"""

# A label that Mermaid measured narrower than the page draws it would spill out of its box.
OVERFLOWING_LABELS = """
() => [...document.querySelectorAll('div.book-diagram > svg foreignObject')].flatMap(box => {
  const inner = box.firstElementChild;
  if (!inner || !inner.textContent.trim()) return [];
  const outer = box.getBoundingClientRect(), text = inner.getBoundingClientRect();
  return text.width > outer.width + 1 || text.height > outer.height + 1
    ? [{ text: inner.textContent.trim().slice(0, 20), box: [outer.width, outer.height], text_box: [text.width, text.height] }] : [];
})
"""


@pytest.fixture(scope="module")
def coloured_diagrams(tmp_path_factory):
    where = tmp_path_factory.mktemp("coloured")
    docs = where / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("---\ntitle: 홈\nnav_order: 0\n---\n\n색\n", encoding="utf-8")
    (docs / "part-3.md").write_text("---\ntitle: Part 3\nnav_order: 4\nhas_children: true\n---\n\n# Part 3\n",
                                    encoding="utf-8")
    shutil.copy(FIXTURES / "chapters/diagram-colours.md", docs / "33-colours.md")
    built = build(make_project(where / "project", docs))
    assert built.returncode == 0, built.log
    yield from serve(built.site)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
def test_every_diagram_label_reads_on_the_authors_fills_and_fits(offline_page, coloured_diagrams, scheme, width):
    page = offline_page.page
    page.add_init_script(COLOUR)
    # The reader's typeface is the site's own Pretendard Variable (its slices, served by the
    # site), the family and font the build measured the labels with.
    page.emulate_media(color_scheme=scheme)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(coloured_diagrams + "33-colours/")
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready.then(() => true)")
    labels_text = page.evaluate("[...document.querySelectorAll('div.book-diagram > svg')].map(s => s.textContent).join('')")
    assert page.evaluate("t => document.fonts.load('16px \"Pretendard Variable\"', t).then(f => f.length > 0)", labels_text)
    assert page.evaluate("t => document.fonts.check('16px \"Pretendard Variable\"', t)", labels_text)
    assert page.locator("div.book-diagram > svg").count() == 3
    measured = page.evaluate(DIAGRAM_TEXT_CONTRASTS)
    labels = {m["text"] for m in measured}
    assert {"사용자 질문", "응답 작성", "최종 답변 전달", "피드백 수집", "기록 저장소"} <= labels, labels
    assert [m for m in measured if m["ratio"] < 4.5] == [], [m for m in measured if m["ratio"] < 4.5]
    assert page.evaluate(OVERFLOWING_LABELS) == []
    assert offline_page.foreign_requests == [] and offline_page.console_errors == []


def test_preview_banner_shows_a_broken_diagram(offline_page, broken_diagram_book):
    with mkdocs_serve(broken_diagram_book) as url:
        offline_page.page.goto(url + "02-literacy/22-hub/")
        banner = offline_page.page.locator("article .book-findings")
        banner.wait_for()
        fence = line_of((broken_diagram_book / "docs/02-literacy/22-hub.md").read_text(encoding="utf-8"), "```mermaid")
        assert f"{fence}행" in banner.inner_text() and "diagram-syntax" in banner.inner_text()


# Each diagram block's height while the browser skips it (content-visibility: auto, with the
# height hooks/book/prerender.py wrote), then once it has been scrolled to and drawn.
BLOCK_HEIGHTS = """async () => {
  const frames = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  const blocks = [...document.querySelectorAll('.book-diagram')];
  window.scrollTo(0, 0);
  await frames();
  const skipped = blocks.map(b => getComputedStyle(b).contentVisibility === 'auto' && b.getBoundingClientRect().height);
  const drawn = [], wider = [], start = [];
  for (const block of blocks) {
    block.scrollIntoView({block: 'center'});
    await frames();
    drawn.push(block.getBoundingClientRect().height);
    wider.push(block.scrollWidth > block.clientWidth + 1);  // only while drawn: skipped, it is contained
    await frames();
    // The node Mermaid made first (its id ends in -0), where the box opened.
    const first = block.querySelector(':scope > svg g.node[id$="-0"]');
    const node = first.getBoundingClientRect(), frame = block.getBoundingClientRect();
    const nodeLeft = node.left - frame.left - block.clientLeft + block.scrollLeft;
    start.push({label: first.textContent.trim(), left: block.scrollLeft, spare: block.scrollWidth - block.clientWidth,
                width: block.clientWidth, nodeLeft, nodeRight: nodeLeft + node.width});
  }
  return {skipped, drawn, wider, start, scrolls: blocks.map(b => b.hasAttribute('data-book-scrolls'))};
}"""


@pytest.mark.parametrize("width", [390, 1280])
def test_an_offscreen_diagram_holds_its_place_and_the_page_does_not_jump(browser, real_book, real_site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 844}, service_workers="block")
    try:
        page = context.new_page()
        page.goto(real_site_url + "02-literacy/27-hub/")
        page.wait_for_load_state("networkidle")
        heights = page.evaluate(BLOCK_HEIGHTS)
    finally:
        context.close()
    assert len(heights["drawn"]) == 5 and all(heights["skipped"]), heights
    for before, after, scrolls in zip(heights["skipped"], heights["drawn"], heights["scrolls"], strict=True):
        # Exactly the SVG's height (no gap under it for the line's descenders); a box that
        # scrolls may add its scroll bar's height where scroll bars take room.
        assert abs(before - after) <= (16 if scrolls else 1), heights
    # Which diagrams scroll sideways is read from the SVG, not by laying the diagram out:
    # still the same answer as the browser's own, once it is drawn.
    assert heights["scrolls"] == heights["wider"], heights
    if width == 390:
        assert any(heights["scrolls"]), heights
    # A diagram wider than its column opens with its first node in view, as near the middle
    # as the width allows: figure 27-1 (top to bottom, its root in the middle) scrolled to
    # its root; 27-5 (top to bottom, but a row of boxes in a subgraph) and the left-to-right
    # ones at their left edge, where they begin.
    for start in heights["start"]:
        middle = (start["nodeLeft"] + start["nodeRight"]) / 2
        expected = min(max(middle - start["width"] / 2, 0), max(start["spare"], 0))
        assert abs(start["left"] - expected) <= 1, heights["start"]
        assert start["nodeLeft"] >= start["left"] - 1 and start["nodeRight"] <= start["left"] + start["width"] + 1, start
    if width == 390:
        assert heights["start"][0]["left"] > 0 and heights["start"][4]["left"] == 0, heights["start"]
        assert heights["start"][4]["label"] == "모델 저장소 HuggingFace", heights["start"]

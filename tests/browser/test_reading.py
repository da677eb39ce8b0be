"""The reading experience as Chromium shows it: every page, both palettes, a phone, print."""

from __future__ import annotations

import pytest

from conftest import ROOT
from test_diagrams import DIAGRAM_HOSTS, DIAGRAM_SVG, OPEN_SHADOW_ROOTS

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
SCREENSHOTS = ROOT / "screenshots"

# Colour helpers run in the page: WCAG relative luminance and contrast, with translucent
# colours composited over what lies beneath them.
COLOUR = """
window.__colour = (() => {
  const parse = c => { const m = c.match(/[\\d.]+/g); return m ? m.map(Number).concat(m.length < 4 ? [1] : []) : null; };
  const over = (top, bottom) => { const a = top[3]; return [0,1,2].map(i => top[i]*a + bottom[i]*(1-a)).concat([1]); };
  const channel = v => { v /= 255; return v <= 0.04045 ? v/12.92 : Math.pow((v+0.055)/1.055, 2.4); };
  const lum = c => 0.2126*channel(c[0]) + 0.7152*channel(c[1]) + 0.0722*channel(c[2]);
  const contrast = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const background = el => {
    const layers = [];
    for (let e = el; e && e.nodeType === 1; e = e.parentElement || (e.getRootNode() && e.getRootNode().host)) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    return layers.reverse().reduce((acc, c) => over(c, acc), [255, 255, 255, 1]);
  };
  return { parse, over, contrast, background };
})();
"""

NODE_CONTRASTS = """
() => [...document.querySelectorAll("DIAGRAM_HOSTS")].flatMap(host => {
  const { parse, over, contrast, background } = window.__colour;
  const svg = (DIAGRAM_SVG)(host);
  const base = background(host);
  const nodes = [...svg.querySelectorAll(".node")].map(node => {
    const shape = node.querySelector("rect, polygon, circle, ellipse, path");
    // The element that paints the text: Mermaid 11 wraps a label's text in a <p>.
    const label = node.querySelector(".nodeLabel p") || node.querySelector(".nodeLabel") || node.querySelector("text");
    const fill = over(parse(getComputedStyle(shape).fill) || [0, 0, 0, 0], base);
    const ink = over(parse(getComputedStyle(label).color || getComputedStyle(label).fill), fill);
    return { kind: "node", text: label.textContent.trim(), ratio: contrast(ink, fill) };
  });
  const edges = [...svg.querySelectorAll(".flowchart-link, .edgePath path")].map(edge => ({
    kind: "edge", text: edge.id, ratio: contrast(over(parse(getComputedStyle(edge).stroke), base), base) }));
  return nodes.concat(edges);
})
""".replace("DIAGRAM_HOSTS", DIAGRAM_HOSTS).replace("DIAGRAM_SVG", DIAGRAM_SVG)

TEXT_CONTRASTS = """
() => {
  const { parse, over, contrast, background } = window.__colour;
  return [...document.querySelectorAll("article p, article li, article td, article th, article figcaption, article h1, article h2, .book-keyword, .md-nav__link")]
    // Diagram labels (in the page since they are drawn at build time) are measured on their
    // fills by the diagram tests.
    .filter(el => el.offsetParent && el.textContent.trim() && !el.closest('svg'))
    .map(el => { const bg = background(el);
      return { text: el.textContent.trim().slice(0, 30), ratio: contrast(over(parse(getComputedStyle(el).color), bg), bg) }; });
}
"""


def all_pages(built) -> list[str]:
    return sorted(
        ("" if p.parent == built.site else p.parent.relative_to(built.site).as_posix() + "/")
        for p in built.site.rglob("index.html")
    )


# reading.js marks the boxes that scroll from a ResizeObserver, which reports before the
# frame after a layout: once the fonts are in, two frames later every box is marked (a
# timer ends the wait if a frame never comes).
SETTLED = """() => document.fonts.ready.then(() => new Promise(done => {
  setTimeout(done, 1000);
  requestAnimationFrame(() => requestAnimationFrame(done));
}))"""


def open_page(visit, url: str, scheme: str = "light", viewport: dict | None = None, quiet: bool = True) -> None:
    """``quiet``: until the network has been idle half a second, so that every request the
    page makes is seen; otherwise until the page is laid out as a reader sees it."""
    page = visit.page
    page.emulate_media(color_scheme=scheme)
    if viewport:
        page.set_viewport_size(viewport)
    page.goto(url)
    if quiet:
        page.wait_for_load_state("networkidle")
    page.wait_for_function("!document.querySelector('pre.mermaid')", timeout=30_000)
    if not quiet:
        page.evaluate(SETTLED)


@pytest.fixture
def reader(offline_page):
    offline_page.page.add_init_script(OPEN_SHADOW_ROOTS)
    offline_page.page.add_init_script(COLOUR)
    return offline_page


@pytest.mark.parametrize("book", ["fixture", "real"])
def test_every_page_draws_every_diagram_with_no_error_and_nothing_from_elsewhere(reader, book, request):
    built = request.getfixturevalue(f"{book}_book")
    url = request.getfixturevalue(f"{book}_site_url")
    drawn_total = 0
    for path in all_pages(built):
        html = (built.site / path / "index.html").read_text(encoding="utf-8")
        expected = html.count('<pre class="mermaid"') + html.count('<div class="book-diagram"')
        open_page(reader, url + path)
        drawn = reader.page.evaluate(
            f"[...document.querySelectorAll('{DIAGRAM_HOSTS}')].filter(h => {{ const svg = ({DIAGRAM_SVG})(h);"
            " return svg && svg.querySelector('.node'); }).length")
        assert drawn == expected, path
        drawn_total += drawn
    assert drawn_total >= (2 if book == "fixture" else 5)
    assert reader.foreign_requests == []
    assert reader.console_errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_diagram_text_stays_legible_on_the_authors_fills(reader, real_site_url, fixture_site_url, scheme):
    measured = []
    for url in (real_site_url + "02-literacy/27-hub/", fixture_site_url + "02-literacy/22-hub/"):
        open_page(reader, url, scheme)
        measured += reader.page.evaluate(NODE_CONTRASTS)
    nodes = [m for m in measured if m["kind"] == "node"]
    assert len(nodes) >= 25
    assert [m for m in nodes if m["ratio"] < 4.5] == []
    assert [m for m in measured if m["kind"] == "edge" and m["ratio"] < 3] == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_body_text_contrast(reader, real_site_url, scheme):
    open_page(reader, real_site_url + "02-literacy/27-hub/", scheme)
    measured = reader.page.evaluate(TEXT_CONTRASTS)
    assert len(measured) > 50
    assert [m for m in measured if m["ratio"] < 4.5] == []


@pytest.mark.parametrize("book", ["fixture", "real"])
def test_phone_never_scrolls_the_page_sideways_nor_cuts_a_hangul_word(reader, book, request):
    from test_phone_and_dark import HANGUL_WORDS_SPLIT

    built = request.getfixturevalue(f"{book}_book")
    url = request.getfixturevalue(f"{book}_site_url")
    for path in all_pages(built):
        open_page(reader, url + path, viewport=PHONE, quiet=False)
        assert reader.page.evaluate("document.scrollingElement.scrollWidth <= innerWidth"), path
        # Every page, with the drawer's navigation open as a reader sees it (one visit for both).
        reader.page.click("label.md-header__button[for='__drawer']")
        assert reader.page.evaluate(HANGUL_WORDS_SPLIT) == [], path


# Every Latin word or number in a table cell that the browser laid out on more than one line.
WORDS_SPLIT_IN_TABLES = """
() => [...document.querySelectorAll("article td, article th")].flatMap(cell => {
  const split = [];
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    for (const word of text.data.matchAll(/[A-Za-z0-9][A-Za-z0-9.-]*/g)) {
      const range = document.createRange();
      range.setStart(text, word.index);
      range.setEnd(text, word.index + word[0].length);
      const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (lines.size > 1) split.push(word[0]);
    }
  }
  return split;
})
"""


@pytest.mark.parametrize("book", ["fixture", "real"])
def test_phone_tables_keep_latin_words_whole(reader, book, request):
    # A narrow column breaks Hangul between words; a name like HuggingFace is not cut in
    # two ("HuggingFac" / "e"): the table scrolls in its own box instead.
    built = request.getfixturevalue(f"{book}_book")
    url = request.getfixturevalue(f"{book}_site_url")
    pages = [path for path in all_pages(built) if "<table" in (built.site / path / "index.html").read_text("utf-8")]
    assert pages
    for path in pages:
        open_page(reader, url + path, viewport=PHONE)
        assert reader.page.evaluate(WORDS_SPLIT_IN_TABLES) == [], path


def test_phone_navigation_drawer_opens(reader, real_site_url):
    open_page(reader, real_site_url + "02-literacy/27-hub/", viewport=PHONE)
    drawer = reader.page.locator("nav.md-nav--primary")
    assert not drawer.is_visible() or drawer.bounding_box()["x"] < 0
    reader.page.click("label.md-header__button[for='__drawer']")
    reader.page.wait_for_timeout(400)
    box = drawer.bounding_box()
    assert box and box["x"] >= 0 and box["width"] > 200
    assert drawer.get_by_role("link", name="홈").is_visible()


def test_print_keeps_text_figures_and_summary_without_navigation(reader, real_site_url):
    open_page(reader, real_site_url + "02-literacy/27-hub/")
    reader.page.emulate_media(media="print")
    hidden = reader.page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer']
        .map(s => document.querySelector(s)).map(e => !e || getComputedStyle(e).display === 'none' || !e.offsetParent)""")
    assert hidden == [True, True, True, True]
    visible = reader.page.evaluate("""() => ['article h1', 'figure.book-figure', 'figure figcaption', '.book-summary', 'article table']
        .map(s => { const e = document.querySelector(s); const r = e && e.getBoundingClientRect(); return !!r && r.height > 0; })""")
    assert visible == [True] * 5
    assert reader.page.locator("figure.book-figure").count() == 5


@pytest.mark.parametrize("book", ["fixture", "real"])
def test_every_page_is_korean_with_one_h1(reader, book, request):
    built = request.getfixturevalue(f"{book}_book")
    url = request.getfixturevalue(f"{book}_site_url")
    for path in all_pages(built):
        open_page(reader, url + path, quiet=False)
        assert reader.page.evaluate("document.documentElement.lang") == "ko"
        assert reader.page.locator("h1").count() == 1, path


def test_keyboard_focus_is_visible_on_links(reader, real_site_url):
    open_page(reader, real_site_url + "02-literacy/27-hub/")
    seen = []
    for _ in range(30):
        reader.page.keyboard.press("Tab")
        seen.append(reader.page.evaluate("""() => { const e = document.activeElement; const s = getComputedStyle(e);
            return [e.tagName, (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none']; }"""))
    links = [visible for tag, visible in seen if tag in ("A", "LABEL")]
    assert len(links) >= 10 and all(links), seen


def test_screenshots_for_review(reader, real_site_url):
    SCREENSHOTS.mkdir(exist_ok=True)
    for name, scheme, viewport in [("light", "light", None), ("dark", "dark", None), ("phone", "light", PHONE)]:
        open_page(reader, real_site_url + "02-literacy/27-hub/", scheme, viewport or {"width": 1280, "height": 900})
        target = SCREENSHOTS / f"27-hub-{name}.png"
        reader.page.screenshot(path=str(target), full_page=True)
        assert target.stat().st_size > 10_000

"""Reading on a phone and in the dark, as Chromium shows it: diagram labels at a legible size,
no sideways page, every diagram text at 4.5:1 on what lies beneath it, the book's typeface
from the site itself, Hangul words never cut in two, the full-screen viewer, the whole book
two taps away. Measured on the fixture chapter built for it (23-reading: a 15-node flowchart
with light subgraphs and an author's `color:#fff`, a 6-column table, a transparent SVG) and
on the real chapter 27."""

from __future__ import annotations

import pytest

from conftest import ROOT
from korean_queries import search
from test_diagrams import DIAGRAM_HOSTS, DIAGRAM_SVG, OPEN_SHADOW_ROOTS
from test_reading import COLOUR

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SCREENSHOTS = ROOT / "screenshots"
FIXTURE_CHAPTER = "02-literacy/23-reading/"
REAL_CHAPTER = "02-literacy/27-hub/"


def show(visit, url: str, viewport: dict, scheme: str = "light") -> None:
    page = visit.page
    page.emulate_media(color_scheme=scheme)
    page.set_viewport_size(viewport)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.wait_for_function("!document.querySelector('pre.mermaid')", timeout=30_000)


@pytest.fixture
def reader(offline_page):
    offline_page.page.add_init_script(OPEN_SHADOW_ROOTS)
    offline_page.page.add_init_script(COLOUR)
    return offline_page


# Diagrams drawn at build time (an <svg> in light DOM, in div.book-diagram) and, as a build
# without Chromium leaves them, by Mermaid in the reader's browser (div.mermaid's shadow
# root): every diagram test below holds on both.
DRAWINGS = ["build-time", "client-side"]


def site_url(request, book: str, drawing: str) -> str:
    prefix = "" if drawing == "build-time" else "client_side_"
    return request.getfixturevalue(f"{prefix}{book}_site_url")


def chapters(request, drawing: str = "build-time") -> list[str]:
    return [site_url(request, "fixture", drawing) + FIXTURE_CHAPTER, site_url(request, "real", drawing) + REAL_CHAPTER]


def expect_drawing(visit, drawing: str) -> None:
    """The page draws its diagrams the way the test's build meant it to."""
    counts = visit.page.evaluate("[document.querySelectorAll('div.book-diagram > svg').length,"
                                 " document.querySelectorAll('div.mermaid').length]")
    assert counts[0 if drawing == "build-time" else 1] > 0 and counts[1 if drawing == "build-time" else 0] == 0, counts


# The smallest rendered size of any text in each diagram: its font size times the scale of
# the SVG drawing it (the SVG's viewBox scaled to its box, and any transform inside).
SMALLEST_LABELS = """
() => [...document.querySelectorAll(".book-figure--mermaid")].map(figure => {
  const host = figure.querySelector("DIAGRAM_HOSTS");
  const svg = (DIAGRAM_SVG)(host);
  let smallest = Infinity;
  const walker = document.createTreeWalker(svg, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    const ink = text.parentElement;
    if (!text.data.trim() || ink.closest("style")) continue;
    let drawing = ink;
    while (!(drawing instanceof SVGGraphicsElement)) drawing = drawing.parentElement;
    const m = drawing.getScreenCTM();
    smallest = Math.min(smallest, parseFloat(getComputedStyle(ink).fontSize) * Math.hypot(m.a, m.b));
  }
  const box = figure.querySelector(":scope > .mermaid, :scope > div:not(.book-scroll-hint)");
  return { smallest, scrolls: box.scrollWidth > box.clientWidth, focusable: box.tabIndex === 0,
           hint: !!figure.querySelector(".book-scroll-hint"), width: box.getBoundingClientRect().right };
})
""".replace("DIAGRAM_HOSTS", DIAGRAM_HOSTS).replace("DIAGRAM_SVG", DIAGRAM_SVG)


@pytest.mark.parametrize("drawing", DRAWINGS)
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_diagram_labels_stay_legible_and_the_page_never_scrolls_sideways(reader, request, viewport, drawing):
    seen = 0
    for url in chapters(request, drawing):
        show(reader, url, viewport)
        expect_drawing(reader, drawing)
        diagrams = reader.page.evaluate(SMALLEST_LABELS)
        seen += len(diagrams)
        assert [d["smallest"] for d in diagrams if d["smallest"] < 12] == [], url
        assert reader.page.evaluate("document.scrollingElement.scrollWidth") == viewport["width"], url
        for diagram in diagrams:
            # A diagram wider than its column scrolls in its box, reachable by keyboard, with a cue.
            assert diagram["scrolls"] == diagram["focusable"] == diagram["hint"], (url, diagram)
            assert diagram["width"] <= viewport["width"]
        if url.endswith(FIXTURE_CHAPTER):
            assert diagrams[0]["scrolls"], "the 15-node flowchart is wider than a phone and a desktop column"
            # Every box that scrolls is a region the keyboard reaches, named on its own.
            regions = reader.page.evaluate("""[...document.querySelectorAll('[data-book-scrolls]')]
                .map(b => [b.getAttribute('role'), b.tabIndex, b.getAttribute('aria-label')])""")
            names = [name for _, _, name in regions]
            assert all(role == "region" and index == 0 and name for role, index, name in regions), regions
            assert len(set(names)) == len(names)
            assert names[0].startswith("Figure 23-1.")
            if viewport is PHONE:
                assert "표: 도구 이름, 주요 용도, 장점, 단점, 추천 대상, 비고" in names
    assert seen == 6


@pytest.mark.parametrize("drawing", DRAWINGS)
def test_on_paper_a_wide_diagram_fits_the_page(reader, request, drawing):
    show(reader, site_url(request, "fixture", drawing) + FIXTURE_CHAPTER, DESKTOP)
    expect_drawing(reader, drawing)
    reader.page.emulate_media(media="print")
    widths = reader.page.evaluate(f"""() => [...document.querySelectorAll("{DIAGRAM_HOSTS}")].map(host => {{
        const svg = ({DIAGRAM_SVG})(host);
        return [svg.getBoundingClientRect().width, host.clientWidth, host.scrollWidth]; }})""")
    assert widths and all(svg <= box + 1 and scroll <= box + 1 for svg, box, scroll in widths), widths


# Every text of every diagram against the colours the browser actually paints beneath it:
# the text is brought into view and the layers under its centre are read by hit-testing
# inside the diagram: its (opened) shadow root, or the light-DOM box around a build-time SVG.
DIAGRAM_TEXT_CONTRASTS = """
() => {
  const { parse, over, contrast, background } = window.__colour;
  const results = [];
  for (const host of document.querySelectorAll("DIAGRAM_HOSTS")) {
    const root = host.shadowRoot || host;
    const hits = host.shadowRoot || document;
    const base = background(host);
    const walker = document.createTreeWalker((DIAGRAM_SVG)(host), NodeFilter.SHOW_TEXT);
    const inks = new Set();
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      if (t.data.trim() && !t.parentElement.closest("style")) inks.add(t.parentElement);
    }
    for (const ink of inks) {
      ink.scrollIntoView({ block: "center", inline: "center" });
      const range = document.createRange();
      range.selectNodeContents(ink);
      const r = range.getBoundingClientRect();
      const stack = hits.elementsFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      const layers = [];
      for (const el of stack) {
        if (el === ink || el.contains(ink) && !(el instanceof SVGElement) && !parse(getComputedStyle(el).backgroundColor)?.[3]) continue;
        if (el === host || !root.contains(el)) break;
        const style = getComputedStyle(el);
        let colour = null;
        if (el instanceof SVGGeometryElement) {
          colour = style.fill && style.fill !== "none" ? parse(style.fill) : null;
          if (colour) colour[3] *= parseFloat(style.fillOpacity) * parseFloat(style.opacity);
        } else if (!(el instanceof SVGElement)) {
          colour = parse(style.backgroundColor);
        }
        if (colour && colour[3] > 0) { layers.push(colour); if (colour[3] >= 1) break; }
      }
      const beneath = layers.reverse().reduce((acc, c) => over(c, acc), base);
      const style = getComputedStyle(ink);
      const inkColour = parse(ink instanceof SVGElement ? style.fill : style.color);
      results.push({ text: ink.textContent.trim().slice(0, 20), ratio: contrast(over(inkColour, beneath), beneath) });
    }
  }
  window.scrollTo(0, 0);
  return results;
}
""".replace("DIAGRAM_HOSTS", DIAGRAM_HOSTS).replace("DIAGRAM_SVG", DIAGRAM_SVG)


@pytest.mark.parametrize("drawing", DRAWINGS)
@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_every_diagram_text_reads_at_4_5_to_1_on_what_lies_beneath_it(reader, request, scheme, drawing):
    measured = []
    for url in chapters(request, drawing):
        show(reader, url, PHONE, scheme)
        expect_drawing(reader, drawing)
        measured += reader.page.evaluate(DIAGRAM_TEXT_CONTRASTS)
    texts = {m["text"] for m in measured}
    # nodes in light subgraphs, subgraph titles, edge labels, the author's color:#fff node
    assert {"사용자 질문", "📥 입력 단계", "맥락 전달", "✅ 사용자에게전달"} <= texts, texts
    assert len(measured) >= 45
    assert [m for m in measured if m["ratio"] < 4.5] == []


@pytest.mark.parametrize("drawing", DRAWINGS)
def test_palette_switch_re_inks_the_diagrams(reader, request, drawing):
    show(reader, site_url(request, "fixture", drawing) + FIXTURE_CHAPTER, PHONE, "light")
    expect_drawing(reader, drawing)
    # The reader's own toggle: Material switches the palette in place, drawing nothing again.
    for _ in range(3):
        if reader.page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate":
            break
        reader.page.locator("form[data-md-component=palette] label:visible").first.click()
    assert reader.page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    reader.page.wait_for_timeout(200)
    measured = reader.page.evaluate(DIAGRAM_TEXT_CONTRASTS)
    assert measured and [m for m in measured if m["ratio"] < 4.5] == []


def test_transparent_images_sit_on_a_light_plate_in_the_dark(reader, fixture_site_url):
    show(reader, fixture_site_url + FIXTURE_CHAPTER, PHONE, "dark")
    plate = reader.page.evaluate("""() => {
        const img = document.querySelector("figure.book-figure img[src$='agent-map.svg']");
        const { parse, contrast, background } = window.__colour;
        return { plate: contrast(background(img), [34, 34, 34, 1]), page: contrast(background(img.parentElement), [34, 34, 34, 1]),
                 width: img.naturalWidth };
    }""")
    assert plate["width"] > 0
    assert plate["page"] < 3, "the dark page itself: the image's #222 strokes would vanish on it"
    assert plate["plate"] >= 4.5, plate


TYPEFACE = """
async () => {
  await document.fonts.ready;
  const family = selector => { const e = document.querySelector(selector); return e ? getComputedStyle(e).fontFamily : null; };
  const host = document.querySelector("DIAGRAM_HOSTS");
  const label = (DIAGRAM_SVG)(host).querySelector(".nodeLabel, text");
  return {
    body: family("article p"), heading: family("article h1"), nav: family(".md-nav__link"),
    code: family("article p code"), diagram: getComputedStyle(label).fontFamily,
    loaded: [...document.fonts].filter(f => f.family.replace(/["']/g, "") === "Pretendard Variable" && f.status === "loaded").length,
  };
}
""".replace("DIAGRAM_HOSTS", DIAGRAM_HOSTS).replace("DIAGRAM_SVG", DIAGRAM_SVG)


@pytest.mark.parametrize("drawing", DRAWINGS)
def test_the_book_typeface_is_pretendard_from_the_site_itself(reader, request, drawing):
    fixture_site_url = site_url(request, "fixture", drawing)
    fonts = []
    reader.page.on("response", lambda r: r.url.endswith(".woff2") and fonts.append((r.url, r.status, len(r.body()))))
    show(reader, fixture_site_url + FIXTURE_CHAPTER, PHONE)
    expect_drawing(reader, drawing)
    faces = reader.page.evaluate(TYPEFACE)
    for where in ("body", "heading", "nav", "diagram"):
        assert faces[where].startswith('"Pretendard Variable"'), (where, faces[where])
    assert "Noto Sans Mono CJK KR" in faces["code"] and "Pretendard Variable" in faces["code"]
    assert faces["loaded"] == 1, "the site's one subset of Pretendard"
    # One file, the subset of the site's characters (hooks/book/typeface.py), not the 2 MB font;
    # it has every character of the page: none is left to a system font.
    assert [url for url, status, _ in fonts if status == 200] == [
        fixture_site_url + "assets/vendor/pretendard/PretendardVariable.book.woff2"], fonts
    assert sum(size for *_, size in fonts) < 400_000
    assert reader.page.evaluate("document.fonts.check('16px \"Pretendard Variable\"', "
                                "document.querySelector('article').innerText)")
    assert reader.foreign_requests == []


# Every pair of Hangul syllables within one word (a run of syllables), and whether the two
# fell on different line boxes: each syllable's Range.getClientRects, compared by line.
HANGUL_WORDS_SPLIT = """
() => {
  const split = [];
  const roots = [...document.querySelectorAll(".md-header, .md-path, .md-sidebar--primary, article, .md-footer")];
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const parent = text.parentElement;
      if (parent.closest("pre, script, style") || !parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      for (const word of text.data.matchAll(/[\\uAC00-\\uD7A3]{2,}/g)) {
        let previous = null;
        for (let i = 0; i < word[0].length; i++) {
          const range = document.createRange();
          range.setStart(text, word.index + i);
          range.setEnd(text, word.index + i + 1);
          const rects = [...range.getClientRects()].filter(r => r.width > 0);
          if (!rects.length) { previous = null; continue; }
          const line = rects[0];
          if (previous && line.top >= previous.bottom - 1) {
            split.push(word[0].slice(0, i) + "|" + word[0].slice(i));
            break;
          }
          previous = line;
        }
      }
    }
  }
  return split;
}
"""


# test_reading.test_phone_never_scrolls_the_page_sideways_nor_cuts_a_hangul_word runs it on
# every page of the fixture book and of the real one (chapter 27), in the same visit.


def test_hangul_stays_whole_in_search_results_on_a_phone(reader, fixture_site_url):
    show(reader, fixture_site_url + FIXTURE_CHAPTER, PHONE)
    reader.page.click("label.md-header__button[for='__search']")
    assert any(r.endswith(FIXTURE_CHAPTER) for r in search(reader.page, "오케스트레이션프레임워크비교표를"))
    split = reader.page.evaluate(HANGUL_WORDS_SPLIT.replace(
        '".md-header, .md-path, .md-sidebar--primary, article, .md-footer"', '".md-search-result"'))
    assert split == []


SCALE = "() => { const c = document.querySelector('.book-viewer__content'); return c ? new DOMMatrix(getComputedStyle(c).transform).a : null; }"
VIEWER_OPEN = "() => !!document.querySelector('dialog.book-viewer[open]')"


@pytest.mark.parametrize("drawing", DRAWINGS)
def test_full_screen_viewer_by_mouse(reader, request, drawing):
    fixture_site_url = site_url(request, "fixture", drawing)
    page = reader.page
    show(reader, fixture_site_url + FIXTURE_CHAPTER, PHONE)
    expect_drawing(reader, drawing)
    page.evaluate("window.__samePage = true")
    page.locator(f"figure.book-figure--mermaid :is({DIAGRAM_HOSTS})").first.click()
    assert page.evaluate(VIEWER_OPEN)
    copy = page.evaluate("() => { const c = document.querySelector('.book-viewer__content');"
                         " return (c.shadowRoot || c).querySelectorAll('svg .node').length; }")
    assert copy == 15
    before = page.evaluate(SCALE)
    box = page.locator(".book-viewer__stage").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    for _ in range(3):
        page.mouse.wheel(0, -100)
        page.wait_for_timeout(50)
    page.wait_for_function(f"({SCALE})() > {before} * 1.2", timeout=5_000)
    page.locator(".book-viewer__zoom-out").click()
    page.locator(".book-viewer__close").click()
    assert not page.evaluate(VIEWER_OPEN)
    # A tap on the figure's "그림 설명" opens the description, not the viewer over it.
    description = page.locator("figure.book-figure--mermaid details.book-figure__description").first
    description.locator("summary").click()
    assert description.get_attribute("open") is not None and not page.evaluate(VIEWER_OPEN)
    description.locator("li").first.click()
    assert not page.evaluate(VIEWER_OPEN)
    # An image, and the back button closes it without leaving the page.
    page.locator("figure.book-figure img").click()
    assert page.evaluate(VIEWER_OPEN)
    assert page.evaluate("() => document.querySelector('.book-viewer__content img').src").endswith("agent-map.svg")
    page.go_back()
    page.wait_for_function("!document.querySelector('dialog.book-viewer[open]')")
    assert page.url.endswith(FIXTURE_CHAPTER) and page.evaluate("window.__samePage") is True
    assert reader.foreign_requests == [] and reader.console_errors == []


@pytest.mark.parametrize("drawing", DRAWINGS)
def test_full_screen_viewer_by_keyboard(reader, request, drawing):
    fixture_site_url = site_url(request, "fixture", drawing)
    page = reader.page
    show(reader, fixture_site_url + FIXTURE_CHAPTER, DESKTOP)
    expect_drawing(reader, drawing)
    trigger = page.locator("figure.book-figure--mermaid .book-viewer__open")
    assert trigger.get_attribute("aria-label") == "전체 화면으로 보기"
    # Reached with Tab like any control, with a visible focus ring.
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('book-viewer__open')"):
            break
    assert page.evaluate("document.activeElement.classList.contains('book-viewer__open')")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    assert page.evaluate(VIEWER_OPEN)
    assert page.evaluate("document.activeElement.classList.contains('book-viewer__close')")
    before = page.evaluate(SCALE)
    page.keyboard.press("+")
    page.keyboard.press("+")
    # Panzoom animates a zoom step: wait for the scale it settles at.
    page.wait_for_function(f"({SCALE})() > {before} * 1.2", timeout=5_000)
    page.keyboard.press("0")
    page.wait_for_function(f"Math.abs(({SCALE})() - {before}) < 0.01", timeout=5_000)
    page.keyboard.press("Escape")
    assert not page.evaluate(VIEWER_OPEN)
    assert page.evaluate("document.activeElement.classList.contains('book-viewer__open')"), "focus returns to the button"
    assert page.url.endswith(FIXTURE_CHAPTER)


def test_every_part_shows_its_title_and_any_chapter_is_two_taps_away_on_a_phone(reader, fixture_site_url):
    page = reader.page
    show(reader, fixture_site_url + "01-basics/11-agent/", PHONE)
    subtitles = page.evaluate("[...document.querySelectorAll('.md-nav--primary .md-nav__link small')].map(s => s.textContent.trim())")
    assert "Basics: 에이전트를 처음 만나는 사람을 위한 기초" in subtitles and "Literacy: AI가 돌아가는 바탕 읽기" in subtitles
    page.click("label.md-header__button[for='__drawer']")
    page.wait_for_timeout(300)
    drawer = page.locator("nav.md-nav--primary")
    # Tap 1: another Part opens in place; tap 2: its chapter.
    drawer.locator("li.md-nav__item--nested", has_text="Part 2").locator("label.md-nav__link").first.click()
    page.wait_for_timeout(300)
    chapter = drawer.get_by_role("link", name="23. 휴대폰으로 읽는 에이전트 지도")
    assert chapter.is_visible()
    chapter.click()
    page.wait_for_function("location.pathname.endsWith('/23-reading/')")


def test_chapter_header_names_the_part_above_a_bold_title(reader, fixture_site_url):
    show(reader, fixture_site_url + FIXTURE_CHAPTER, PHONE)
    header = reader.page.evaluate("""() => {
        const path = document.querySelector('.md-path'), h1 = document.querySelector('article h1'),
              meta = document.querySelector('.book-page-meta'), body = document.querySelector('article p:not(.book-page-meta)');
        return { path: path.textContent.replace(/\\s+/g, ' ').trim(), above: path.getBoundingClientRect().bottom <= h1.getBoundingClientRect().top,
                 weight: +getComputedStyle(h1).fontWeight, meta: parseFloat(getComputedStyle(meta).fontSize), body: parseFloat(getComputedStyle(body).fontSize) };
    }""")
    assert "Part 2" in header["path"] and header["above"]
    assert header["weight"] >= 600
    assert header["meta"] < header["body"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots_at_390_and_1280_for_review(reader, fixture_site_url, scheme):
    SCREENSHOTS.mkdir(exist_ok=True)
    for name, viewport in (("390", PHONE), ("1280", DESKTOP)):
        show(reader, fixture_site_url + FIXTURE_CHAPTER, viewport, scheme)
        target = SCREENSHOTS / f"23-reading-{name}-{scheme}.png"
        reader.page.screenshot(path=str(target), full_page=True)
        assert target.stat().st_size > 10_000

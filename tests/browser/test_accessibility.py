"""Accessibility as a reader with a screen reader or a keyboard meets it (#21).

axe-core (pinned in package.json, injected from node_modules: nothing from the network)
runs on every page of the fixture book and the seed site, in light and dark, on a phone and
a desktop, after the diagrams are drawn. What axe cannot see is measured here: the figures'
names and descriptions in Chromium's accessibility tree, the skip link, text size, code
colours, and the keyboard.
"""

from __future__ import annotations

import pytest

from conftest import ROOT
from test_diagrams import OPEN_SHADOW_ROOTS
from test_reading import COLOUR, SETTLED, all_pages

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = (390, 1280)
SCHEMES = (("light", "default"), ("dark", "slate"))  # the system's, and Material's name for it
# Started, not awaited: window.bookAxe is the promise of its result.
START_AXE = """() => { window.bookAxe = axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    resultTypes: ["violations"],
  }).then(result => ({ passes: result.passes.length,
                       violations: result.violations.map(v => ({ id: v.id, impact: v.impact,
                                                                 targets: v.nodes.map(n => n.target.join(" ")) })) }));
}"""


def run_axe(page) -> dict:
    page.evaluate(START_AXE)
    return page.evaluate("() => window.bookAxe")


DIAGRAMS_DRAWN = "!document.querySelector('pre.mermaid')"


def open_and_settle(page, url: str) -> None:
    page.goto(url, wait_until="load")
    settle(page)


def settle(page) -> None:
    page.wait_for_load_state("load")
    page.wait_for_function(DIAGRAMS_DRAWN, timeout=30_000)
    page.evaluate(SETTLED)


SCHEME_SHOWN = "scheme => document.body.getAttribute('data-md-color-scheme') === scheme"


def axe_violations(browser, built, base_url: str) -> tuple[list[str], int]:
    """Every violation on every page in every mode, as 'mode /page: rule (impact) target';
    one browser, a tab for each width, reused. Each page loads light, as a reader's system
    asks, and turns dark in place when the system does (Material follows it), as a reader
    sees it at dusk: one load for both palettes, where a load is most of what each costs."""
    pages = all_pages(built) + (["404.html"] if (built.site / "404.html").is_file() else [])
    found, checked = [], 0
    tabs = []
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme="light",
                                      service_workers="block")
        context.add_init_script(path=str(AXE))  # parsed with each page, not sent over afterwards
        tabs.append((width, context, context.new_page()))
    try:
        for path in pages:
            for _, _, page in tabs:  # both widths load at once
                page.emulate_media(color_scheme="light")
                page.goto(base_url + path, wait_until="commit")
            for width, _, page in tabs:
                settle(page)
                for scheme, material_scheme in SCHEMES:
                    page.emulate_media(color_scheme=scheme)
                    page.wait_for_function(SCHEME_SHOWN, arg=material_scheme, timeout=5_000)
                    page.evaluate(SETTLED)
                    result = run_axe(page)
                    assert result["passes"] > 20, f"axe checked almost nothing on {scheme} {width}px /{path}"
                    checked += 1
                    found += [f"{scheme} {width}px /{path}: {v['id']} ({v['impact']}) {', '.join(v['targets'][:4])}"
                              for v in result["violations"]]
    finally:
        for _, context, _ in tabs:
            context.close()
    return found, checked


@pytest.mark.parametrize("book", ["fixture", "real", "jekyll"])
def test_axe_finds_no_violation_on_any_page_in_either_palette_on_phone_or_desktop(browser, book, request):
    built = request.getfixturevalue(f"{book}_book")
    violations, checked = axe_violations(browser, built, request.getfixturevalue(f"{book}_site_url"))
    assert checked >= 4 * {"fixture": 9, "real": 4, "jekyll": 6}[book]
    assert violations == [], "axe-core found:\n" + "\n".join(violations)


# Figure 27-3 of the seed chapter, read off its Mermaid source in docs/02-literacy/27-hub.md.
FIGURE_27_3_EDGES = ["시작 → 계획", "계획 → 실행", "실행 → 검토", "검토 → OK?", "OK? → 끝 (Yes)", "OK? → 실행 (No)"]


def ax_nodes(page) -> list[dict]:
    session = page.context.new_cdp_session(page)
    try:
        return session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()


def ax_value(node: dict, key: str) -> str:
    return (node.get(key) or {}).get("value") or ""


def test_each_figure_is_named_by_its_caption_and_described_by_every_edge(offline_page, real_site_url):
    page = offline_page.page
    open_and_settle(page, real_site_url + "02-literacy/27-hub/")
    figures = [n for n in ax_nodes(page) if ax_value(n, "role") == "figure"]
    names = [ax_value(n, "name") for n in figures]
    assert len(figures) == 5, names
    figure = figures[names.index("Figure 27-3. LangGraph: 그래프 기반 워크플로우")]  # the caption, no ¶
    description = ax_value(figure, "description")
    missing = [edge for edge in FIGURE_27_3_EDGES if edge not in description]
    assert missing == [], description
    assert all(ax_value(n, "description") for n in figures), "a figure without its diagram's text"
    assert not any("¶" in name for name in names)
    # The same words a sighted reader can open under the diagram.
    block = page.locator("#figure-27-3 details.book-figure__description")
    assert block.locator("summary").inner_text() == "그림 설명" and block.get_attribute("open") is None
    block.locator("summary").click()
    shown = block.inner_text()
    assert all(edge in shown for edge in FIGURE_27_3_EDGES), shown


def test_headings_are_named_without_the_pilcrow_and_the_permalinks_are_named(offline_page, real_site_url):
    page = offline_page.page
    open_and_settle(page, real_site_url + "02-literacy/27-hub/")
    nodes = ax_nodes(page)
    headings = [ax_value(n, "name") for n in nodes if ax_value(n, "role") == "heading"]
    assert "모델 허브: HuggingFace" in headings and "핵심 요약" in headings, headings
    assert not [h for h in headings if "¶" in h or "주소" in h], headings
    permalinks = [ax_value(n, "name") for n in nodes if ax_value(n, "role") == "link" and "주소" in ax_value(n, "name")]
    assert "모델 허브: HuggingFace — 이 제목의 주소" in permalinks, permalinks
    # The summary's title is a heading one level under the chapter's title.
    assert page.locator(".book-summary h2", has_text="핵심 요약").count() == 1


@pytest.mark.parametrize("path", ["01-basics/11-agent/", "02-literacy/22-hub/", ""])
def test_the_skip_link_goes_to_the_chapter_title(offline_page, fixture_site_url, path):
    page = offline_page.page
    open_and_settle(page, fixture_site_url + path)
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.classList.contains('md-skip'), decodeURIComponent(document.activeElement.hash)]")
    assert focused[0], focused
    title = page.evaluate("() => { const h = document.querySelector('article h1'); return [h.id, h.textContent]; }")
    assert title[0] and focused[1] == "#" + title[0], (focused, title)
    page.keyboard.press("Enter")
    assert page.evaluate("() => decodeURIComponent(location.hash)") == "#" + title[0]
    assert page.evaluate("() => document.querySelector('article h1').getBoundingClientRect().top") < 200


TEXT_SIZES = """() => {
  const small = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const text = walker.currentNode.textContent.trim();
    const element = walker.currentNode.parentElement;
    if (!text || !element || !element.getClientRects().length) continue;
    const style = getComputedStyle(element);
    if (style.visibility === "hidden" || element.closest("[hidden], .book-visually-hidden, .md-visually-hidden")) continue;
    const size = parseFloat(style.fontSize);
    if (size < 12) small.push(`${element.tagName}.${element.className}: ${text.slice(0, 20)} ${size}px`);
  }
  return small;
}"""


@pytest.mark.parametrize("width", [390, 1280])
def test_no_text_is_smaller_than_12_px(offline_page, fixture_site_url, width):
    page = offline_page.page
    page.set_viewport_size({"width": width, "height": 900})
    small = []
    for path in ["01-basics/13-memory/", "01-basics/12-tools/", "reference/keywords/"]:
        open_and_settle(page, fixture_site_url + path)
        small += [f"/{path}: {line}" for line in page.evaluate(TEXT_SIZES)]
        if path == "01-basics/13-memory/":
            assert page.locator(".book-keyword").count() > 0
    assert small == [], small


CODE_COLOURS = """() => {
  const { parse, over, contrast } = window.__colour;
  const host = document.querySelector(".md-typeset");
  const probe = document.createElement("span");
  const box = document.createElement("pre");
  box.style.background = "var(--md-code-bg-color)";
  box.appendChild(probe);
  host.appendChild(box);
  const background = over(parse(getComputedStyle(box).backgroundColor), [255, 255, 255, 1]);
  const names = ["number", "special", "function", "constant", "keyword", "string", "name",
                 "operator", "punctuation", "comment", "generic", "variable"];
  const ratios = {};
  for (const name of names) {
    probe.style.color = `var(--md-code-hl-${name}-color)`;
    ratios[name] = contrast(over(parse(getComputedStyle(probe).color), background), background);
  }
  box.remove();
  return ratios;
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_code_highlighting_colour_is_readable(offline_page, fixture_site_url, scheme):
    """Each token colour of code blocks against the code background, not only those a page shows."""
    page = offline_page.page
    page.add_init_script(COLOUR)
    page.emulate_media(color_scheme=scheme)
    open_and_settle(page, fixture_site_url + "01-basics/12-tools/")
    ratios = page.evaluate(CODE_COLOURS)
    assert {name: round(ratio, 2) for name, ratio in ratios.items() if ratio < 4.5} == {}


# Material's palette toggle is a visually hidden radio button; its ring is drawn on the label after it.
FOCUS_VISIBLE = """() => { const e = document.activeElement;
  const s = getComputedStyle(e.matches('input.md-option') ? e.nextElementSibling : e);
  return { tag: e.tagName, cls: String(e.className), text: (e.getAttribute('aria-label') || e.getAttribute('title') || e.textContent || '').trim().slice(0, 40),
           visible: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none' }; }"""


def tab_until(page, predicate: str, limit: int = 80) -> dict:
    """Press Tab until the focused element matches ``predicate`` (JS, on ``e``); its state."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const e = document.activeElement; return !!({predicate}); }}"):
            return page.evaluate(FOCUS_VISIBLE)
    raise AssertionError(f"never reached by Tab: {predicate}")


def test_search_works_by_keyboard(offline_page, fixture_site_url):
    page = offline_page.page
    page.set_viewport_size({"width": 1280, "height": 900})
    open_and_settle(page, fixture_site_url)
    page.wait_for_load_state("networkidle")  # the search index
    focus = tab_until(page, "e.matches('input.md-search__input')")
    assert focus["tag"] == "INPUT"
    page.keyboard.type("에이전트")
    page.keyboard.press("End")  # Hangul is typed without key events; a key starts the search
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    page.keyboard.press("ArrowDown")
    chosen = page.evaluate(FOCUS_VISIBLE)
    assert chosen["tag"] == "A" and chosen["visible"], chosen
    before = page.url
    page.keyboard.press("Enter")
    page.wait_for_function(f"location.href !== {before!r}")
    assert page.url != before


def test_palette_toggle_works_by_keyboard(offline_page, fixture_site_url):
    """Enter on the toggle moves to the next palette (system, light, dark): dark within two."""
    page = offline_page.page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.emulate_media(color_scheme="light")
    open_and_settle(page, fixture_site_url)
    focus = tab_until(page, "e.matches('input.md-option')")
    assert focus["text"] and focus["visible"], focus
    schemes = []
    for _ in range(2):
        page.keyboard.press("Enter")
        page.wait_for_timeout(200)
        schemes.append(page.evaluate("document.body.getAttribute('data-md-color-scheme')"))
    assert "slate" in schemes, schemes


def test_navigation_and_copy_code_and_figure_text_work_by_keyboard(offline_page, fixture_site_url):
    page = offline_page.page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.set_viewport_size({"width": 1280, "height": 900})
    open_and_settle(page, fixture_site_url + "01-basics/12-tools/")
    nav = tab_until(page, "e.closest('.md-nav--primary') && e.matches('a[href]') && e.getAttribute('href').includes('13-memory')")
    assert nav["visible"], nav
    copy = tab_until(page, "e.matches('button.md-code__button[data-md-type=copy], button.md-clipboard')")
    assert copy["visible"] and copy["text"], copy
    page.keyboard.press("Enter")
    page.wait_for_function("navigator.clipboard.readText().then(t => t.length > 0)", timeout=5_000)

    open_and_settle(page, fixture_site_url + "01-basics/11-agent/")
    summary = tab_until(page, "e.matches('.book-figure__description > summary')")
    assert summary["visible"], summary
    page.keyboard.press("Enter")
    assert page.locator("#figure-11-1 details.book-figure__description").get_attribute("open") is not None
    assert not page.evaluate(VIEWER_OPEN)  # the description opens where it is


VIEWER_OPEN = "() => !!document.querySelector('dialog.book-viewer[open]')"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_full_screen_viewer_passes_axe_and_shows_where_the_keyboard_is(offline_page, fixture_site_url, scheme):
    """#19's viewer, opened from its button with Enter: axe over the page with the dialog open,
    a visible ring on each of its controls, and a figure still named by its caption alone."""
    page = offline_page.page
    page.emulate_media(color_scheme=scheme)
    page.set_viewport_size({"width": 390, "height": 844})
    page.add_init_script(path=str(AXE))
    open_and_settle(page, fixture_site_url + "02-literacy/23-reading/")
    page.wait_for_selector("figure.book-figure--mermaid .book-viewer__open")
    # The button and the scroll hint sit beside the drawing, not in the figure's name.
    names = page.evaluate("""() => [...document.querySelectorAll('figure.book-figure')].map(f =>
        [f.getAttribute('aria-labelledby'), document.getElementById(f.getAttribute('aria-labelledby')).textContent])""")
    assert names and all(label.endswith("-caption") for label, _ in names), names
    assert not [text for _, text in names if "전체 화면" in text or "밀어서" in text or "¶" in text], names
    focus = tab_until(page, "e.matches('figure.book-figure--mermaid .book-viewer__open')")
    assert focus["visible"] and focus["text"] == "전체 화면으로 보기", focus
    page.keyboard.press("Enter")
    assert page.evaluate(VIEWER_OPEN)
    page.wait_for_timeout(300)  # the dialog's copy of the diagram is drawn
    rings = []
    for step in range(4):  # close (focused on opening), then back through fit, zoom out, zoom in
        if step:
            page.keyboard.press("Shift+Tab")
        state = page.evaluate(FOCUS_VISIBLE)
        assert page.evaluate("!!document.activeElement.closest('dialog.book-viewer')"), (rings, state)
        rings.append((state["cls"], state["visible"]))
    assert len({cls for cls, _ in rings}) == 4 and all(visible for _, visible in rings), rings
    violations = run_axe(page)["violations"]
    assert violations == [], violations
    page.keyboard.press("Escape")
    assert not page.evaluate(VIEWER_OPEN)
    # Focus going back to the button is test_phone_and_dark.py's test_full_screen_viewer_by_keyboard.


def test_a_wide_table_scrolls_by_keyboard(offline_page, tmp_path):
    """A table wider than a phone is reachable with Tab, and the arrow keys scroll it."""
    from conftest import build, make_project, serve

    docs = tmp_path / "docs"
    docs.mkdir()
    header = "| " + " | ".join(f"열{i} 제목입니다" for i in range(8)) + " |"
    rows = "\n".join(["|" + "---|" * 8, "| " + " | ".join("HuggingFace와 OpenRouter" for _ in range(8)) + " |"])
    (docs / "index.md").write_text(f"---\ntitle: 홈\nnav_order: 0\n---\n\n표입니다.\n\n{header}\n{rows}\n", encoding="utf-8")
    built = build(make_project(tmp_path / "project", docs))
    assert built.returncode == 0, built.log
    page = offline_page.page
    page.set_viewport_size({"width": 390, "height": 844})
    for url in serve(built.site):
        open_and_settle(page, url)
        box = tab_until(page, "e.matches('.md-typeset__scrollwrap')")
        assert box["visible"], box
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        page.wait_for_function("document.activeElement.scrollLeft > 0", timeout=5_000)
        page.add_script_tag(path=str(AXE))
        assert run_axe(page)["violations"] == []


def test_screenshots_of_a_chapter_with_diagrams_for_review(offline_page, real_site_url):
    """For a person to look at: focus ring, link underlines, the opened "그림 설명" block."""
    shots = ROOT / "screenshots"
    shots.mkdir(exist_ok=True)
    page = offline_page.page
    page.add_init_script(OPEN_SHADOW_ROOTS)
    for scheme in ("light", "dark"):
        for width in (390, 1280):
            page.emulate_media(color_scheme=scheme)
            page.set_viewport_size({"width": width, "height": 900})
            open_and_settle(page, real_site_url + "02-literacy/27-hub/")
            page.evaluate("document.querySelector('#figure-27-3 details').open = true")
            page.locator("#figure-27-3 details summary").focus()
            page.keyboard.press("Shift+Tab")
            page.keyboard.press("Tab")  # keyboard focus, so :focus-visible shows
            page.locator("#figure-27-3").scroll_into_view_if_needed()
            target = shots / f"a11y-27-hub-{scheme}-{width}.png"
            page.screenshot(path=str(target))
            assert target.stat().st_size > 10_000

"""What only a browser shows: Mermaid draws the figures, from this site alone."""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import FIXTURES, build, make_project, serve

pytestmark = pytest.mark.browser

# Material renders each diagram into a closed shadow root; opening it lets the test look
# inside without changing what is drawn.
OPEN_SHADOW_ROOTS = """
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) { return attach.call(this, { ...init, mode: "open" }); };
"""

# A diagram is drawn at build time (an <svg> in the page, hooks/diagrams.py) or, without
# Chromium at build time, by Mermaid in the reader's browser (in a shadow root).
DIAGRAM_HOSTS = "div.book-diagram, div.mermaid"
DIAGRAM_SVG = "host => host.classList.contains('book-diagram') ? host.querySelector(':scope > svg') : host.shadowRoot && host.shadowRoot.querySelector('svg')"

DRAWN_DIAGRAMS = f"""
() => [...document.querySelectorAll("{DIAGRAM_HOSTS}")].map(host => {{
  const svg = ({DIAGRAM_SVG})(host);
  return svg ? {{ nodes: svg.querySelectorAll(".node").length, text: svg.textContent }} : null;
}})
"""


def diagrams_on(visit, url: str, expected: int) -> list:
    visit.page.add_init_script(OPEN_SHADOW_ROOTS)
    visit.page.goto(url)
    visit.page.wait_for_function(
        f"document.querySelectorAll('{DIAGRAM_HOSTS}').length >= {expected}"
        " && !document.querySelector('pre.mermaid')",
        timeout=30_000,
    )
    return visit.page.evaluate(DRAWN_DIAGRAMS)


def test_chapter_27_draws_its_five_diagrams_offline(offline_page, real_site_url):
    diagrams = diagrams_on(offline_page, real_site_url + "02-literacy/27-hub/", 5)
    assert len(diagrams) == 5
    assert all(d is not None and d["nodes"] >= 4 for d in diagrams), diagrams
    assert "HuggingFace에 업로드" in diagrams[0]["text"]
    # each diagram is a figure named by its caption, for screen readers too
    figure = offline_page.page.get_by_role("figure", name="Figure 27-3. LangGraph: 그래프 기반 워크플로우")
    assert figure.count() == 1 and figure.locator(DIAGRAM_HOSTS).count() == 1
    assert offline_page.foreign_requests == []
    assert offline_page.console_errors == []


def test_page_without_diagrams_loads_no_mermaid_code(offline_page, real_site_url):
    scripts = []
    offline_page.page.on("request", lambda r: r.resource_type == "script" and scripts.append(r.url))
    offline_page.page.goto(real_site_url)
    offline_page.page.wait_for_load_state("networkidle")
    assert scripts, "the page loaded no script at all: the test would prove nothing"
    assert not [url for url in scripts if "/vendor/mermaid/" in url]
    assert offline_page.foreign_requests == []


def test_diagrams_survive_instant_navigation(offline_page, real_site_url):
    page = offline_page.page
    page.add_init_script(OPEN_SHADOW_ROOTS)
    page.goto(real_site_url)
    page.wait_for_load_state("networkidle")
    # Follow the home page's link the way a reader does; Material swaps the page in place.
    page.click("article a[href$='27-hub/']")
    page.wait_for_function("location.pathname.endsWith('/27-hub/')")
    page.wait_for_function(f"document.querySelectorAll('{DIAGRAM_HOSTS}').length === 5", timeout=30_000)
    assert all(d and d["nodes"] for d in page.evaluate(DRAWN_DIAGRAMS))
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1, "not instant navigation"
    assert offline_page.foreign_requests == []


@pytest.mark.parametrize("book", ["fixture", "real"])
def test_no_page_requests_another_host(offline_page, book, request):
    built = request.getfixturevalue(f"{book}_book")
    url = request.getfixturevalue(f"{book}_site_url")
    pages = sorted(p.relative_to(built.site).parent.as_posix() for p in built.site.rglob("index.html"))
    assert len(pages) >= (8 if book == "fixture" else 3)
    for page in pages:
        offline_page.page.goto(url + ("" if page == "." else page + "/"))
        offline_page.page.wait_for_load_state("networkidle")
    assert offline_page.foreign_requests == []
    assert offline_page.console_errors == []


MERMAID_MODULE = "/assets/vendor/mermaid/"


def test_a_page_asks_at_once_for_exactly_the_mermaid_modules_its_diagrams_load(offline_page, tmp_path):
    """Each diagram type's files are preloaded from the page's <head>: none fetched later, none wasted."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("---\ntitle: 홈\nnav_order: 0\n---\n\n여러 그림\n", encoding="utf-8")
    shutil.copy(FIXTURES / "chapters/diagram-types.md", docs / "32-types.md")
    # Mermaid in the reader's browser, as a build without Chromium leaves it (a page whose
    # diagrams were drawn at build time preloads nothing: test_prerendered_diagrams.py).
    built = build(make_project(tmp_path / "project", docs), strict=False, CHROMIUM="/nowhere")
    assert built.returncode == 0, built.log
    chapter = built.html("32-types/index.html")
    preloaded = {href.split(MERMAID_MODULE)[1] for href in re.findall(r'<link rel="modulepreload" href="([^"]+)"', chapter)}
    assert "mermaid.esm.min.mjs" in preloaded and any("flowDiagram" in p for p in preloaded)
    assert "modulepreload" not in built.html("index.html"), "a page without diagrams preloads nothing"

    fetched = set()
    offline_page.page.on("request", lambda r: MERMAID_MODULE in r.url and fetched.add(r.url.split(MERMAID_MODULE)[1]))
    for url in serve(built.site):
        diagrams = diagrams_on(offline_page, url + "32-types/", 9)
        offline_page.page.wait_for_load_state("networkidle")
    assert len(diagrams) == 9 and all(diagrams), diagrams
    assert sorted(fetched - preloaded) == [], "fetched level by level, not preloaded"
    assert sorted(preloaded - fetched) == [], "preloaded but never used"
    assert offline_page.foreign_requests == []

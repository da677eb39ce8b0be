"""The Jekyll book's images, in Chromium, with the site at the root and under a sub-path."""

from __future__ import annotations

import pytest

from conftest import serve, serve_under

pytestmark = pytest.mark.browser

CHAPTERS = ["01-why/11-why-agents/", "01-why/12-pictures/", "02-literacy/21-models/", "02-literacy/22-hub/"]
# How many of the chapters' <img> name a file the book has: 3 + 2 + 3 + 2 (one of them the
# SVG with a bare "&", which the site publishes repaired, and one an HTML <img> tag).
EXISTING_IMAGES = 10

MEASURE = """async () => {
  const images = [...document.querySelectorAll('article img')];
  await Promise.all(images.map(i => i.complete ? null : new Promise(r => { i.onload = i.onerror = r; })));
  return Promise.all(images.map(async i => {
    let exists = false;
    try { exists = i.src.startsWith(location.origin) && (await fetch(i.src, {method: 'HEAD'})).ok; } catch (e) {}
    return {src: i.getAttribute('src'), exists, width: i.naturalWidth};
  }));
}"""


def measure_images(visit, base_url: str) -> list[dict]:
    measured = []
    for chapter in CHAPTERS:
        response = visit.page.goto(base_url + chapter)
        assert response.status == 200, chapter
        measured += visit.page.evaluate(MEASURE)
    return measured


def assert_every_existing_image_shows(measured: list[dict], visit) -> None:
    existing = [m for m in measured if m["exists"]]
    assert len(existing) == EXISTING_IMAGES, measured
    assert all(m["width"] > 0 for m in existing), existing
    # the planted broken links are the only images that do not show, and nothing came from elsewhere
    assert {m["src"].rsplit("/", 1)[-1] for m in measured if not m["exists"]} == {
        "flow.png", "old-map.png", "attachment:screenshot.png", "missing-chart.png"}
    assert visit.foreign_requests == []


def test_images_show_with_the_site_at_the_root(offline_page, jekyll_book):
    for url in serve(jekyll_book.site):
        assert_every_existing_image_shows(measure_images(offline_page, url), offline_page)


def test_images_show_under_a_github_pages_project_path(offline_page, jekyll_book_under_subpath, tmp_path):
    for url in serve_under(jekyll_book_under_subpath.site, "repo", tmp_path / "pages"):
        assert url.endswith("/repo/")
        assert_every_existing_image_shows(measure_images(offline_page, url), offline_page)


def test_the_title_badge_is_small_and_labelled(offline_page, jekyll_book):
    for url in serve(jekyll_book.site):
        page = offline_page.page
        page.set_viewport_size({"width": 390, "height": 800})
        page.goto(url + "02-literacy/22-hub/")
        title = page.locator("article h1.book-title")
        assert title.get_attribute("id") == "22-허브와-인프라"
        badge = title.locator(".book-review-marker")
        # "v2" on screen; its label is read by a screen reader, and takes no room on screen
        assert badge.inner_text() == "v2"
        label = title.locator(".book-visually-hidden")
        assert label.text_content() == "검토 중인 원고:"
        box = label.bounding_box()
        assert box["width"] <= 1 and box["height"] <= 1
        # the search result names the chapter, not its marker
        index = page.evaluate("fetch('../../search/search_index.json').then(r => r.json())")
        [entry] = [d for d in index["docs"] if d["location"] == "02-literacy/22-hub/"]
        assert entry["title"] == "22. 허브와 인프라"
        sizes = page.evaluate("""() => {
          const h1 = document.querySelector('article h1'), badge = h1.querySelector('.book-review-marker');
          const a = h1.getBoundingClientRect(), b = badge.getBoundingClientRect();
          return {title: parseFloat(getComputedStyle(h1).fontSize), badge: parseFloat(getComputedStyle(badge).fontSize),
                  inside: b.top >= a.top - 1 && b.bottom <= a.bottom + 1, right: b.right <= innerWidth};
        }""")
        assert sizes["badge"] < sizes["title"] / 1.5 and sizes["inside"] and sizes["right"]


def test_the_title_reads_as_the_chapter_header_in_both_palettes(offline_page, jekyll_book):
    # #19's reading.css styles every article h1; the title h1 (with its badge) takes it:
    # bold, in the text colour rather than Material's grey, under the breadcrumb.
    for url in serve(jekyll_book.site):
        page = offline_page.page
        page.set_viewport_size({"width": 390, "height": 800})
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            page.goto(url + "02-literacy/22-hub/")
            header = page.evaluate("""() => {
              const h1 = document.querySelector('article h1.book-title'), path = document.querySelector('.md-path');
              const probe = document.createElement('span');
              probe.style.color = 'var(--md-default-fg-color)';
              h1.parentNode.appendChild(probe);
              const text = getComputedStyle(probe).color;
              probe.remove();
              return {weight: getComputedStyle(h1).fontWeight, color: getComputedStyle(h1).color, text,
                      badge: getComputedStyle(h1.querySelector('.book-review-marker')).color,
                      above: path.getBoundingClientRect().bottom <= h1.getBoundingClientRect().top,
                      path: path.textContent.replace(/\\s+/g, ' ').trim()};
            }""")
            assert header["weight"] == "700", (scheme, header)
            assert header["color"] == header["text"] == header["badge"], (scheme, header)
            assert header["above"] and "Part 2" in header["path"], (scheme, header)

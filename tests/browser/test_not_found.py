"""The 404 page, served as GitHub Pages serves it: Korean, and old Jekyll addresses sent on."""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from book import strings

pytestmark = pytest.mark.browser


def test_an_old_jekyll_address_opens_its_chapter(offline_page, real_site_url):
    page = offline_page.page
    response = page.goto(real_site_url + "02-literacy/27-hub.html#먼저-알아야-할-개념들")
    page.wait_for_url(lambda url: "/27-hub/" in url)
    assert response.status == 404  # what the server said before the page sent the reader on
    assert unquote(page.url) == real_site_url + "02-literacy/27-hub/#먼저-알아야-할-개념들"
    # the title h1 carries its ¶ link, as every heading does (hooks/book/extensions/titles.py)
    assert page.locator("article h1").inner_text().removesuffix("¶") == "27. 모델 허브와 인프라"
    assert offline_page.foreign_requests == []


def test_a_missing_page_says_so_in_korean_and_leads_home(offline_page, fixture_site_url):
    page = offline_page.page
    response = page.goto(fixture_site_url + "01-basics/19-없는-장/")
    assert response.status == 404
    page.wait_for_load_state("networkidle")
    assert unquote(page.url) == fixture_site_url + "01-basics/19-없는-장/"
    assert page.evaluate("document.documentElement.lang") == "ko"
    assert page.locator("h1").all_inner_texts() == [strings.NOT_FOUND_TITLE]
    page.get_by_role("link", name=strings.NOT_FOUND_HOME).click()
    page.wait_for_url(fixture_site_url)
    assert page.locator("article h1").count() == 1
    assert offline_page.foreign_requests == []


def test_a_missing_html_address_stops_at_the_404_page(offline_page, fixture_site_url):
    # Sent on once (19-없는-장.html -> 19-없는-장/), which is missing too: no loop.
    page = offline_page.page
    page.goto(fixture_site_url + "01-basics/19-없는-장.html")
    page.wait_for_url(lambda url: unquote(url).endswith("/19-없는-장/"))
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    assert unquote(page.url) == fixture_site_url + "01-basics/19-없는-장/"
    assert page.locator("h1").all_inner_texts() == [strings.NOT_FOUND_TITLE]

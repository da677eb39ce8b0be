"""Korean search in the browser: a noun with any common particle finds its chapter."""

from __future__ import annotations

import pytest

from korean_queries import KEY_NOUNS, PARTICLES, attach, search

pytestmark = pytest.mark.browser

@pytest.fixture
def search_page(offline_page, fixture_site_url):
    page = offline_page.page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(fixture_site_url)
    page.wait_for_load_state("networkidle")
    page.locator("input.md-search__input").click()
    return page


def top_three(results: list[str], path: str) -> bool:
    return any(result.endswith("/" + path) for result in results[:3])


def test_each_chapters_noun_with_each_particle_finds_the_chapter(search_page):
    misses = []
    for path, noun in KEY_NOUNS.items():
        for particle in PARTICLES:
            query = attach(noun, particle)
            if not top_three(search(search_page, query), path):
                misses.append(query)
    assert misses == [], f"{len(misses)} of {len(KEY_NOUNS) * len(PARTICLES)} queries missed"


def test_plain_nouns_still_find_their_chapters(search_page):
    assert [noun for path, noun in KEY_NOUNS.items() if not top_three(search(search_page, noun), path)] == []


def test_latin_queries_find_what_they_did(offline_page, real_site_url):
    page = offline_page.page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(real_site_url)
    page.locator("input.md-search__input").click()
    for query in ("HuggingFace", "LangGraph", "CrewAI", "OpenRouter에서", "LLM을"):
        assert search(page, query)[0].endswith("/02-literacy/27-hub/"), query


def test_snippets_show_the_original_text_with_highlights(search_page):
    search(search_page, "저장소를")
    snippet = search_page.locator(".md-search-result__item").first
    text = snippet.inner_text()
    assert "저장소" in text and "\u200b" not in text
    marks = snippet.locator("mark").all_inner_texts()
    assert any(mark.startswith("저장소") for mark in marks), marks
    assert "공유하는 저장소다" in text  # the sentence as the author wrote it

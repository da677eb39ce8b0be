"""Korean search in the browser: a noun with any common particle finds its chapter."""

from __future__ import annotations

import time

import pytest

pytestmark = pytest.mark.browser

# A noun each fixture chapter is about (and that its text uses).
KEY_NOUNS = {
    "prologue/": "프롤로그",
    "01-basics/11-agent/": "순환",
    "01-basics/12-tools/": "호출",
    "01-basics/13-memory/": "기억",
    "01-basics/14-conventions/": "관례",
    "02-literacy/21-model/": "낱말",
    "02-literacy/22-hub/": "저장소",
    "02-literacy/22-1-details/": "버전",
    "appendix/a01/": "사전",
}
# Ten common particles, as (after a final consonant, after a vowel).
PARTICLES = [("은", "는"), ("이", "가"), ("을", "를"), ("의", "의"), ("에", "에"), ("에서", "에서"),
             ("으로", "로"), ("과", "와"), ("도", "도"), ("만", "만")]


def attach(noun: str, particle: tuple[str, str]) -> str:
    final = (ord(noun[-1]) - 0xAC00) % 28  # 0: the syllable ends in a vowel
    if particle == ("으로", "로") and final == 8:  # ㄹ takes 로
        return noun + "로"
    return noun + (particle[0] if final else particle[1])


def search(page, query: str) -> list[str]:
    """The result pages' paths, best first, as a reader sees them."""
    box = page.locator("input.md-search__input")
    box.fill("")
    box.fill(query)
    box.press("End")  # non-ASCII text is typed without key events; this one starts the search
    results, stable_since = None, time.monotonic()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        time.sleep(0.1)
        current = page.evaluate("""() => [...document.querySelectorAll('.md-search-result__item > a.md-search-result__link')]
            .map(a => new URL(a.href).pathname)""")
        if current != results:
            results, stable_since = current, time.monotonic()
        elif current and time.monotonic() - stable_since > 0.4:
            break
    return results or []


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

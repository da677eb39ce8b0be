"""The fixture book's Korean query set: shared by the browser tests and `make bench`."""

from __future__ import annotations

import time

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

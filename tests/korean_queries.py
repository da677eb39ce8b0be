"""The fixture book's Korean query set: shared by the browser tests and `make bench`."""

from __future__ import annotations

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


# Material's Korean words in the result's header: before a query, and for a count of results.
EMPTY_QUERY = "검색어를 입력하세요"
ANSWERED = """empty => {
  const meta = document.querySelector('.md-search-result__meta').textContent.trim();
  if (meta === empty) return false;
  const count = Number((meta.match(/\\d+/) || ['0'])[0]);
  return document.querySelectorAll('.md-search-result__item').length >= Math.min(count, 3);
}"""


def search(page, query: str) -> list[str]:
    """The result pages' paths, best first, as a reader sees them.

    The box is emptied first and Material's header shows its prompt again, so the next
    header is this query's answer (a count, or no match) and the list under it is this
    query's: no waiting for the list to stay unchanged."""
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press("End")  # non-ASCII text is typed without key events; this one starts the search
    page.wait_for_function("empty => document.querySelector('.md-search-result__meta').textContent.trim() === empty",
                           arg=EMPTY_QUERY, timeout=10_000)
    box.fill(query)
    box.press("End")
    page.wait_for_function(ANSWERED, arg=EMPTY_QUERY, timeout=10_000)
    return page.evaluate("""() => [...document.querySelectorAll('.md-search-result__item > a.md-search-result__link')]
        .map(a => new URL(a.href).pathname)""")

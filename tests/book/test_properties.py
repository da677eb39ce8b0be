"""Property-based tests: random chapter-like text never breaks a check.

Bounded (a few hundred examples, no deadline) so `make test` stays quick; the strategies
build text from the pieces chapters are made of, so the checks meet near-misses of every
convention rather than random noise only.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from book.analysis import analyse_book
from book.sources import read_page
from pages import CHAPTER_PIECES as PIECES


lines = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=20)), max_size=40)
files = st.lists(
    st.tuples(st.sampled_from(["a.md", "b.md", "p/c.md", "p/index.md", "d.md"]), lines,
              st.sampled_from(["utf-8", "utf-8-sig", "cp949", "utf-16"]), st.booleans()),
    min_size=1, max_size=5, unique_by=lambda f: f[0],
)


def encode(text: str, encoding: str, crlf: bool) -> bytes:
    text = text.replace("\n", "\r\n") if crlf else text
    return text.encode(encoding, errors="replace")


def book_of(drawn):
    return [read_page(name, encode("\n".join(body), encoding, crlf)) for name, body, encoding, crlf in drawn]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files)
def test_checks_never_raise_and_every_finding_points_into_its_file(drawn):
    pages = book_of(drawn)
    analysis = analyse_book(pages)
    line_counts = {page.path: page.line_count for page in pages}
    for finding in analysis.findings:
        assert finding.path in line_counts
        assert 1 <= finding.line <= line_counts[finding.path], finding
        assert finding.message and finding.code


@settings(max_examples=100, deadline=None)
@given(files)
def test_checks_are_deterministic(drawn):
    first = analyse_book(book_of(drawn))
    second = analyse_book(book_of(list(reversed(drawn))))
    assert first.findings == second.findings
    assert first.navigation.book_order() == second.navigation.book_order()
    assert {uri: p.source.text for uri, p in first.pages.items()} == {
        uri: p.source.text for uri, p in second.pages.items()}

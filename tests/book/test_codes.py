"""The finding codes' registry (book/codes.py) is the only list of codes."""

import ast
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from book.analysis import analyse_book
from book.check import check
from book.codes import Code, table
from book.sources import read_page
from pages import CHAPTER_PIECES

ROOT = Path(__file__).resolve().parents[2]


def test_authoring_md_lists_the_registry():
    text = (ROOT / "AUTHORING.md").read_text(encoding="utf-8")
    listed = text.split("<!-- codes:start -->\n", 1)[1].split("\n<!-- codes:end -->", 1)[0]
    assert listed == table()


def test_every_finding_the_hooks_make_names_its_code_from_the_registry():
    literal = []
    for path in (ROOT / "hooks").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Finding":
                code = node.args[2] if len(node.args) > 2 else next(
                    (k.value for k in node.keywords if k.arg == "code"), None)
                if isinstance(code, ast.Constant):
                    literal.append(f"{path.relative_to(ROOT)}:{node.lineno}: {code.value}")
    assert literal == []


def test_codes_are_unique_kebab_case_with_a_meaning_in_both_languages():
    assert len({code.value for code in Code}) == len(Code)
    for code in Code:
        assert code.value == code.value.lower() and " " not in code.value
        assert code.korean and code.english and "|" not in code.korean + code.english
        assert any("\uac00" <= ch <= "\ud7a3" for ch in code.korean)


def test_findings_of_the_fixture_book_have_the_registry_severity():
    analysis = check(ROOT / "tests" / "fixtures" / "book")
    for finding in analysis.findings:
        assert Code(finding.code).severity is finding.severity, finding


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(CHAPTER_PIECES), max_size=30), min_size=1, max_size=3))
def test_every_finding_has_a_registered_code_its_severity_and_a_korean_message(bodies):
    pages = [read_page(f"p/{n}.md", "\n".join(body).encode()) for n, body in enumerate(bodies)]
    for finding in analyse_book(pages).findings:
        assert Code(finding.code).severity is finding.severity, finding
        assert any("\uac00" <= ch <= "\ud7a3" for ch in finding.message), finding

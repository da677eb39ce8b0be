import pytest

from book.findings import Severity
from book.sources import decode, parse_front_matter, read_page

CHAPTER = "---\ntitle: \"27. 모델 허브\"\nnav_order: 7\nparent: Part 2\n---\n\n본문\n"


def test_front_matter_values_and_the_line_of_each_key():
    page = read_page("02-literacy/27-hub.md", CHAPTER.encode())
    assert page.path == "docs/02-literacy/27-hub.md"
    assert dict(page.front.data) == {"title": "27. 모델 허브", "nav_order": 7, "parent": "Part 2"}
    assert page.front.key_lines == {"title": 2, "nav_order": 3, "parent": 4}
    assert page.front.body_line == 6
    assert page.findings == ()


@pytest.mark.parametrize("raw", [
    ("\ufeff" + CHAPTER).encode(),
    CHAPTER.replace("\n", "\r\n").encode(),
    ("\ufeff" + CHAPTER.replace("\n", "\r\n")).encode(),
])
def test_bom_and_crlf_give_the_same_page_as_clean_input(raw):
    clean, other = read_page("a.md", CHAPTER.encode()), read_page("a.md", raw)
    assert (other.text, other.front, other.findings) == (clean.text, clean.front, clean.findings)


def test_cp949_file_is_a_finding_naming_the_likely_encoding():
    raw = ("---\ntitle: 제목\n---\n\n" + "한국어 본문\n").encode("cp949")
    text, findings = decode(raw, "docs/a.md")
    assert [(f.line, f.code) for f in findings] == [(2, "encoding")]
    assert "EUC-KR/CP949" in findings[0].message
    assert "한국어 본문" in text  # still readable, so the rest of the build goes on


def test_undecodable_bytes_without_a_likely_encoding_are_still_a_finding():
    text, findings = decode(b"ok\n\xff\xfe\xfa\n", "docs/a.md")
    assert [f.code for f in findings] == ["encoding"] and "\ufffd" in text


@pytest.mark.parametrize("block, line, code", [
    ("title: [unclosed\n", 2, "front-matter-yaml"),
    ("title: a\n  bad: indent\n", 3, "front-matter-yaml"),
    ("- a list\n- not a mapping\n", 2, "front-matter-not-mapping"),
])
def test_front_matter_that_is_not_a_mapping_is_a_finding_at_its_line(block, line, code):
    front, findings = parse_front_matter(f"---\n{block}---\n본문\n", "docs/a.md")
    assert [(f.line, f.code) for f in findings] == [(line, code)]
    assert front.data == {}


def test_unclosed_front_matter_is_a_finding():
    _, findings = parse_front_matter("---\ntitle: 제목\n본문\n", "docs/a.md")
    assert [(f.line, f.code) for f in findings] == [(1, "front-matter-unclosed")]


def test_unknown_key_is_only_information():
    _, findings = parse_front_matter("---\ntitle: a\nnav_ordr: 3\n---\n", "docs/a.md")
    assert [(f.line, f.code, f.severity) for f in findings] == [(3, "front-matter-unknown-key", Severity.INFO)]


@pytest.mark.parametrize("text", ["", "본문만 있는 파일\n", "---\n---\n", "--- \n...\n"])
def test_files_without_front_matter_or_with_an_empty_one_have_no_data(text):
    front, findings = parse_front_matter(text, "docs/a.md")
    assert front.data == {} and findings == []

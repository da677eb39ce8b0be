import pytest

from book.blocks import fence_findings, scan
from book.chapters import chapter_id
from book.findings import Severity
from book.figures import find_figures, find_mentions, mention_findings, parse_caption
from book.sources import read_page
from pages import fixture_page, fixture_text, line_of

CHAPTER = fixture_text("figures.md")


def figures_of(text: str, chapter: str | None = "31"):
    return find_figures(scan(fixture_page("figures.md", text)), chapter)


def codes(result):
    return [(f.line, f.code) for f in result.findings]


@pytest.mark.parametrize("title, identifier", [
    ("27. 모델 허브와 인프라", "27"),
    ("A01. 용어집", "A01"),
    ("F04-1. 부록의 부록", "F04-1"),
    ("24. [v1] 검토 중인 장", "24"),
    ("Part 2", None),
    ("부록 A", None),
    ("v1.5 release", None),
])
def test_chapter_identifier_is_the_title_before_its_first_dot(title, identifier):
    assert chapter_id(title) == identifier


def test_clean_chapter_has_three_numbered_figures_and_no_finding():
    result = figures_of(CHAPTER)
    assert [(f.kind, f.line) for f in result.figures] == [
        ("mermaid", line_of(CHAPTER, "```mermaid", 1)),
        ("mermaid", line_of(CHAPTER, "```mermaid", 2)),
        ("image", line_of(CHAPTER, "![표 그림]")),
        ("image", line_of(CHAPTER, "![장식 그림]")),
    ]
    assert [c.label for c in result.captions] == ["Figure 31-1.", "Figure 31-2.", "Figure 31-3."]
    assert [f.caption and f.caption.number for f in result.figures] == [1, 2, 3, None]
    assert result.findings == []


def test_caption_like_line_inside_a_code_fence_is_code():
    result = figures_of(CHAPTER)
    assert all(c.number != 9 for c in result.captions)


def test_mermaid_without_caption_is_reported_at_its_fence():
    text = CHAPTER.replace("*Figure 31-1. 가장 짧은 흐름*\n", "")
    result = figures_of(text)
    assert (line_of(text, "```mermaid", 1), "figure-missing-caption") in codes(result)
    assert "'*Figure 31-n. 설명*'을 더하세요" in result.findings[0].message


def test_caption_of_another_chapter_says_which_number_to_write():
    text = CHAPTER.replace("*Figure 31-2.", "*Figure 26-2.")
    result = figures_of(text)
    assert codes(result) == [(line_of(text, "Figure 26-2"), "figure-chapter")]
    assert "'Figure 31-2.'로 쓰세요" in result.findings[0].message


@pytest.mark.parametrize("old, new, where, word, expected", [
    ("*Figure 31-2.", "*Figure 31-3.", "Figure 31-3. 위에서", "건너뜁니다", "Figure 31-2."),  # gap
    ("*Figure 31-2.", "*Figure 31-1.", "Figure 31-1. 위에서", "되풀이합니다", "Figure 31-2."),  # repeat
    ("*Figure 31-1.", "*Figure 31-2.", "Figure 31-2. 가장", "건너뜁니다", "Figure 31-1."),  # out of order
])
def test_first_caption_out_of_sequence_is_reported_with_the_expected_number(old, new, where, word, expected):
    text = CHAPTER.replace(old, new)
    result = figures_of(text)
    numbering = [f for f in result.findings if f.code == "figure-number"]
    assert [(f.line, f.code) for f in numbering] == [(line_of(text, where), "figure-number")]
    assert word in numbering[0].message and f"여기에는 '{expected}'가 와야 합니다" in numbering[0].message


@pytest.mark.parametrize("bad", [
    "**Figure 31-1. 가장 짧은 흐름**",
    "<Figure 31-1. 가장 짧은 흐름>",
    "*Figure 31-1 가장 짧은 흐름*",
    "*가장 짧은 흐름 (Figure 31-1)*",
    "Figure 31-1. 가장 짧은 흐름",
    "*그림 31-1. 가장 짧은 흐름*",
])
def test_caption_in_another_shape_is_reported_with_how_to_write_it(bad):
    text = CHAPTER.replace("*Figure 31-1. 가장 짧은 흐름*", bad)
    result = figures_of(text)
    assert (line_of(text, bad), "figure-caption-shape") in codes(result)
    message = next(f.message for f in result.findings if f.code == "figure-caption-shape")
    assert "'*Figure 31-n. 설명*'" in message
    assert not any(code == "figure-missing-caption" for _, code in codes(result))


def test_caption_split_from_its_figure_by_text_is_reported():
    text = CHAPTER.replace("*Figure 31-1. 가장 짧은 흐름*\n\n흐름의 역할", "흐름의 역할\n\n*Figure 31-1. 가장 짧은 흐름*")
    result = figures_of(text)
    assert codes(result) == [(line_of(text, "Figure 31-1. 가장"), "figure-caption-detached")]
    assert f"그림({line_of(text, '```mermaid')}행)" in result.findings[0].message


def test_caption_directly_under_its_figure_is_its_caption_with_one_warning():
    text = CHAPTER.replace("```\n\n*Figure 31-1. 가장 짧은 흐름*", "```\n*Figure 31-1. 가장 짧은 흐름*")
    result = figures_of(text)
    assert codes(result) == [(line_of(text, "Figure 31-1. 가장"), "figure-caption-spacing")]
    assert result.findings[0].severity is Severity.WARNING
    assert [caption.anchor for caption in result.numbered][0] == "figure-31-1"


def test_caption_with_no_figure_above_it_is_reported():
    text = CHAPTER.replace("이 장에는 그림이", "*Figure 31-0. 떠도는 캡션*\n\n이 장에는 그림이")
    result = figures_of(text)
    assert (line_of(text, "떠도는 캡션"), "figure-caption-orphan") in codes(result)


def test_prose_mentions_are_not_captions_and_leftover_alt_text_is_prose():
    result = figures_of(CHAPTER)
    assert result.findings == []
    mentions = find_mentions(scan(fixture_page("figures.md")))
    assert [(m.line, m.chapter, m.number) for m in mentions] == [
        (line_of(CHAPTER, "흐름은 Figure 31-1"), "31", 1), (line_of(CHAPTER, "흐름은 Figure 31-1"), "31", 3)
    ]


def test_mention_of_a_figure_no_chapter_has_is_a_finding():
    text = CHAPTER.replace("그림 31-3에서", "그림 31-7에서 `Figure 99-1`")
    mentions = find_mentions(scan(fixture_page("figures.md", text)))
    findings = mention_findings(mentions, {"figure-31-1", "figure-31-3"}, "docs/figures.md")
    assert [(f.line, f.code) for f in findings] == [(line_of(text, "그림 31-7"), "figure-unknown-reference")]
    assert "'그림 31-7'" in findings[0].message  # the code span's Figure 99-1 is code


def test_bom_and_crlf_give_the_same_figures_and_findings():
    broken = CHAPTER.replace("*Figure 31-2.", "*Figure 31-5.")
    clean = figures_of(broken)
    assert codes(clean)
    for variant in ("\ufeff" + broken, broken.replace("\n", "\r\n")):
        other = find_figures(scan(read_page("figures.md", variant.encode("utf-8"))), "31")
        assert codes(other) == codes(clean)


def test_mermaid_fence_left_open_at_the_end_of_the_file():
    text = CHAPTER.split("## 코드")[0] + "```mermaid\nflowchart LR\n    A --> B\n"
    body = scan(fixture_page("figures.md", text))
    assert [(f.line, f.code) for f in fence_findings(body)] == [(line_of(text, "```mermaid", 2), "markdown-unclosed-fence")]
    assert (line_of(text, "```mermaid", 2), "figure-missing-caption") in codes(find_figures(body, "31"))


def test_parse_caption_accepts_underscore_emphasis_and_compound_chapter_ids():
    assert parse_caption("_Figure F04-1-3. 부록 그림_").chapter == "F04-1"
    assert parse_caption("_Figure F04-1-3. 부록 그림_").number == 3
    assert parse_caption("**Figure 1-1. 굵게**") is None

"""A Part's subtitle line, as the navigation shows it."""

from book.parts import part_subtitle


def test_the_line_under_the_parts_heading_is_its_subtitle():
    body = "\n# Part 1\n\nWhy: 왜 에이전트인가\n\n본문이 이어집니다.\n"
    assert part_subtitle(body, "Part 1") == "Why: 왜 에이전트인가"


def test_a_closing_hash_and_windows_line_ends_are_fine():
    assert part_subtitle("# Part 2 #\r\n\r\nLiteracy: 바탕\r\n", "Part 2") == "Literacy: 바탕"


def test_prose_lists_other_headings_and_missing_lines_are_no_subtitle():
    assert part_subtitle("# Part 2\n\n첫 줄과\n둘째 줄로 된 문단입니다.\n", "Part 2") is None
    assert part_subtitle("# Part 2\n\n- 목록\n", "Part 2") is None
    assert part_subtitle("# Part 2\n\n## 소제목\n", "Part 2") is None
    assert part_subtitle("# 다른 제목\n\nWhy: …\n", "Part 2") is None
    assert part_subtitle("본문만 있습니다.\n", "Part 2") is None
    assert part_subtitle("# Part 2\n", "Part 2") is None
    assert part_subtitle("", "Part 2") is None

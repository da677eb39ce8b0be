"""Pretendard and Panzoom come from the site itself, from the pinned npm packages."""

from __future__ import annotations

import json
import re

from fontTools.ttLib import TTFont

from book import typeface
from conftest import FIXTURES, ROOT, build, make_project, plant

FONTS = "assets/vendor/pretendard/"
SUBSET = FONTS + typeface.SITE_FILE


def test_one_subset_of_pretendard_shows_every_character_of_every_page(fixture_book):
    font = TTFont(str(fixture_book.site / SUBSET))
    mapped = set(font.getBestCmap())
    for page in fixture_book.site.glob("**/*.html"):
        text = re.sub(r"<(script|style)\b.*?</\1>", "", page.read_text(encoding="utf-8"), flags=re.S)
        shown = {ord(c) for c in re.sub(r"<[^>]+>", "", text) if ord(c) > 0x20} & set(
            TTFont(str(ROOT / "node_modules" / typeface.SOURCE), lazy=True).getBestCmap())
        assert shown <= mapped, (page, "".join(sorted(chr(c) for c in shown - mapped))[:40])
    # A book, not the font: a chapter's few hundred syllables, not Pretendard's 11,172.
    assert len([c for c in mapped if 0xAC00 <= c <= 0xD7A3]) < 2000
    assert (fixture_book.site / SUBSET).stat().st_size < 400_000
    assert "SIL Open Font License" in (fixture_book.site / FONTS / "LICENSE.txt").read_text(encoding="utf-8")
    assert re.search(r"Pretendard: 글자 \d+개, \d+ KB", fixture_book.log), fixture_book.log


def test_every_page_gets_the_one_font_from_the_books_stylesheet(fixture_book):
    chapter = fixture_book.html("02-literacy/23-reading/index.html")
    assert "dynamic-subset" not in chapter and "woff2" not in chapter
    reading = (fixture_book.site / "assets/stylesheets/reading.css").read_text(encoding="utf-8")
    face = re.search(r"@font-face\s*\{([^}]*)\}", reading)[1]
    assert f'url("../vendor/pretendard/{typeface.SITE_FILE}")' in face and "font-display: swap" in face
    assert 'src="../../assets/vendor/panzoom/panzoom.min.js"' in chapter
    assert (fixture_book.site / "assets/vendor/panzoom/panzoom.min.js").is_file()
    words = re.search(r'<script id="book-reading-words" type="application/json">(.*?)</script>', chapter)
    assert json.loads(words[1])["open"] == "전체 화면으로 보기"


def test_a_new_word_gets_its_glyphs_in_the_next_build(tmp_path):
    project = make_project(tmp_path, FIXTURES / "book")
    plant(project / "docs", "02-literacy/23-reading.md", "한 낱말입니다.", "한 낱말입니다. 뷁꿻.")
    result = build(project)
    assert result.returncode == 0, result.log
    mapped = set(TTFont(str(result.site / SUBSET)).getBestCmap())
    assert {ord("뷁"), ord("꿻")} <= mapped

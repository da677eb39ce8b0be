"""Pretendard and Panzoom come from the site itself, copied from the pinned npm packages."""

from __future__ import annotations

import json
import re

from conftest import ROOT

FONTS = "assets/vendor/pretendard/"


def test_pretendard_slices_and_panzoom_are_served_by_the_site(fixture_book):
    css = (fixture_book.site / FONTS / "pretendardvariable-dynamic-subset.css").read_text(encoding="utf-8")
    faces = re.findall(r"@font-face\{[^}]*\}", css)
    assert len(faces) == 92
    assert all("font-display:swap" in face and "unicode-range:" in face for face in faces)
    assert "SIL Open Font License" in css  # the licence travels with the font
    sources = re.findall(r"url\(([^)]+)\)", css)
    assert len(sources) == 92 and not [s for s in sources if "//" in s]
    for source in sources:
        assert (fixture_book.site / FONTS / source).is_file(), source
    bundled = ROOT / "node_modules/pretendard/dist/web/variable/woff2-dynamic-subset"
    assert (fixture_book.site / FONTS / sources[0]).read_bytes() == (bundled / sources[0].split("/")[-1]).read_bytes()
    assert (fixture_book.site / "assets/vendor/panzoom/panzoom.min.js").is_file()


def test_every_page_links_the_fonts_and_the_viewer_relatively(fixture_book):
    chapter = fixture_book.html("02-literacy/23-reading/index.html")
    assert f'href="../../{FONTS}pretendardvariable-dynamic-subset.css"' in chapter
    assert 'src="../../assets/vendor/panzoom/panzoom.min.js"' in chapter
    words = re.search(r'<script id="book-reading-words" type="application/json">(.*?)</script>', chapter)
    assert json.loads(words[1])["open"] == "전체 화면으로 보기"

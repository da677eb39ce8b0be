"""book.typeface: which characters a built page can show, and the subset made of them."""

from __future__ import annotations

import io
import re

import pytest
from fontTools.ttLib import TTFont

from book import typeface
from conftest import ROOT

SOURCE = ROOT / "node_modules" / typeface.SOURCE


def test_a_page_shows_its_text_its_attributes_and_its_escaped_json():
    page = ('<p title="그림 설명">허브를 &amp; 노드&#xAC00;</p>'
            '<script type="application/json">{"close": "\\ub2eb\\uae30"}</script>')
    found = typeface.characters_of(page.encode())  # as the build reads it: the file's bytes
    for character in "그림설명허브를노드가닫기":
        assert ord(character) in found, character
    assert not {code for code in found if code < 0x80}  # ASCII is always in the subset (ALWAYS)
    assert ord("…") in typeface.characters_of("<p>그리고&hellip;</p>".encode())


def test_a_site_shows_its_pages_its_scripts_and_what_a_reader_may_type(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("<h1>에이전트</h1>", encoding="utf-8")
    (tmp_path / "assets" / "javascripts").mkdir(parents=True)
    (tmp_path / "assets" / "javascripts" / "hint.js").write_text('var hint = "밀어서";', encoding="utf-8")
    found = typeface.site_characters(tmp_path)
    for character in "에이전트밀어서" + "ㄱㅎㅏ" + "Az09?" + "차례":
        assert ord(character) in found, character


def test_a_site_scanned_before_is_answered_from_the_cache_until_a_byte_changes(tmp_path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    (site / "a").mkdir(parents=True)
    page = site / "a" / "index.html"
    page.write_text("<h1>에이전트</h1>", encoding="utf-8")
    first = typeface.site_characters(site, cache)
    assert first == typeface.site_characters(site) and len(list(cache.iterdir())) == 1
    stored = next(cache.iterdir())
    stored.write_text(stored.read_text(encoding="ascii") + f" {ord('鬱')}", encoding="ascii")
    assert ord("鬱") in typeface.site_characters(site, cache)  # answered from the cache
    page.write_text("<h1>에이전트 허브</h1>", encoding="utf-8")
    second = typeface.site_characters(site, cache)
    assert {ord("허"), ord("브")} <= second and ord("鬱") not in second
    for entry in cache.iterdir():
        entry.write_text("not numbers", encoding="ascii")
    assert typeface.site_characters(site, cache) == second  # an unreadable entry is scanned again


@pytest.fixture(scope="module")
def korean_subset():
    return TTFont(io.BytesIO(typeface.subset_font(SOURCE, {ord(c) for c in "허브를 찾는 Agent 27-1"})))


def test_the_subset_maps_exactly_the_characters_asked_for(korean_subset):
    mapped = set(korean_subset.getBestCmap())
    asked = {ord(character) for character in "허브를찾는Agent27-1 "}
    assert asked <= mapped
    assert ord("가") not in mapped and ord("z") not in mapped


def test_the_subset_keeps_the_weight_axis_the_features_and_the_licence(korean_subset):
    whole = TTFont(str(SOURCE), lazy=True)
    assert [axis.axisTag for axis in korean_subset["fvar"].axes] == ["wght"]
    def features(font, table):
        return {record.FeatureTag for record in font[table].table.FeatureList.FeatureRecord}

    # A feature stays when it touches a kept glyph (kerning between "A" and "g", say).
    assert "kern" in features(korean_subset, "GPOS")
    assert features(korean_subset, "GSUB") <= features(whole, "GSUB")
    assert len(features(korean_subset, "GSUB")) > 5
    assert "SIL Open Font License" in korean_subset["name"].getDebugName(13)
    assert korean_subset.flavor == "woff2"


def test_the_subset_is_named_anew_with_the_authors_credits_kept(korean_subset):
    # "Pretendard" is the licence's Reserved Font Name: a cut-down font must not carry it.
    records = [(record.nameID, record.toUnicode()) for record in korean_subset["name"].names]
    names = [text for number, text in records if number in (1, 3, 4, 6, 16, 25) or number >= 256]
    assert len(names) > 6 and not [text for text in names if "Pretendard" in text], names
    assert korean_subset["name"].getDebugName(1).startswith(typeface.SUBSET_NAME)
    assert korean_subset["name"].getDebugName(6).startswith(typeface.SUBSET_NAME.replace(" ", ""))
    assert "Kil Hyung-jin" in korean_subset["name"].getDebugName(0)
    assert "Pretendard" in korean_subset["name"].getDebugName(10)  # what it is made from
    assert "SIL Open Font License" in korean_subset["name"].getDebugName(13)


def test_the_subset_measures_text_as_the_whole_font_does(korean_subset):
    whole = TTFont(str(SOURCE), lazy=True)
    for character in "허브를Agent":
        glyph = whole.getBestCmap()[ord(character)]
        assert korean_subset["hmtx"][korean_subset.getBestCmap()[ord(character)]] == whole["hmtx"][glyph]


def test_a_subset_is_made_once_for_the_same_characters(tmp_path):
    first, cached = typeface.cached_subset(SOURCE, {ord("허"), ord("브")}, tmp_path)
    assert not cached and first[:4] == b"wOF2"
    again, cached = typeface.cached_subset(SOURCE, {ord("브"), ord("허")}, tmp_path)
    assert cached and again == first
    other, cached = typeface.cached_subset(SOURCE, {ord("허")}, tmp_path)
    assert not cached and other != first
    assert len(list(tmp_path.iterdir())) == 2


def test_the_pdf_asks_for_the_authors_fixed_weights_from_npm_and_for_nothing_missing(tmp_path):
    from conftest import ROOT

    faces = typeface.print_faces(ROOT / "node_modules")
    assert [int(w) for w in re.findall(r"font-weight: (\d+)", faces)] == sorted(typeface.PRINT_FILES)
    assert faces.count(f'font-family: "{typeface.PRINT_FAMILY}"') == 3 and faces.count('url("file:///') == 3
    assert typeface.print_faces(tmp_path) == ""  # no npm install: the site's font prints

"""The sidebar's Parts rendered once per build (hooks/nav_fragments.py): the same pages as
Material's macro makes for every page, byte for byte, in less time."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.utils import get_relative_url

from conftest import FIXTURES, build, make_project
from nav_fragments import SWITCH, first_segments, link_urls, links_key

JEKYLL_BOOK = FIXTURES / "jekyll-book"


class Item:
    def __init__(self, url: str | None = None, children: list[Item] | None = None):
        self.url, self.children = url, children


def test_an_item_lists_every_link_of_its_children_and_their_children():
    part = Item(None, [Item("part-01/"), Item(None, [Item("part-01/a/"), Item("part-01/b/")]), Item("x/c/")])
    assert list(link_urls(part)) == ["part-01/", "part-01/a/", "part-01/b/", "x/c/"]
    assert first_segments(link_urls(part)) == ("part-01", "x")


@pytest.mark.parametrize("url", ["", "../up/", "/absolute/", "https://example.com/", "#top", "./here/", "a\\b"])
def test_an_item_with_a_link_outside_the_plain_site_paths_is_never_cached(url):
    assert first_segments(iter(["part-01/", url])) is None


def test_pages_sharing_no_folder_with_the_links_and_at_one_depth_share_a_key():
    segments = ("part-03",)
    assert links_key(segments, "part-01/101/") == links_key(segments, "part-02/205/") == ("../../part-03/",)
    assert links_key(segments, "part-01/") == ("../part-03/",)
    assert links_key(segments, "") == ("part-03/",)
    assert links_key(segments, "part-03/301/") is None  # inside the item's folder
    assert links_key(segments, "part-01/101.html") == ("../part-03/",)  # use_directory_urls: false


SEGMENT = st.sampled_from(["a", "b", "part-01", "part-02", "01-why", "x.y"])
PAGE_URL = st.lists(SEGMENT, max_size=3).map(lambda parts: "/".join(parts) + ("/" if parts else "")) | \
    st.lists(SEGMENT, min_size=1, max_size=3).map(lambda parts: "/".join(parts) + ".html")
LINK = st.lists(SEGMENT, min_size=1, max_size=3).map(lambda parts: "/".join(parts) + "/")


@settings(max_examples=400, deadline=None)
@given(links=st.lists(LINK, min_size=1, max_size=5), page=PAGE_URL, other=PAGE_URL)
def test_two_pages_with_the_same_key_get_every_link_written_alike(links, page, other):
    """What the cache rests on, against MkDocs' own rule for relative links."""
    segments = first_segments(iter(links))
    assert segments is not None
    key = links_key(segments, page)
    if key is not None and key == links_key(segments, other):
        assert [get_relative_url(url, page) for url in links] == [get_relative_url(url, other) for url in links]


def html_pages(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*.html"))}


@pytest.mark.parametrize("book", ["fixture", "jekyll"])
def test_every_page_is_the_same_byte_for_byte_as_material_renders_it_page_by_page(book, request, tmp_path):
    built = request.getfixturevalue(f"{book}_book")
    docs = {"fixture": FIXTURES / "book", "jekyll": JEKYLL_BOOK}[book]
    plain = build(make_project(tmp_path / "plain", docs), strict=book == "fixture", **{SWITCH: "off"})
    assert plain.returncode == 0, plain.log
    ours, theirs = html_pages(built.site), html_pages(plain.site)
    assert len(ours) >= 8 and ours.keys() == theirs.keys()
    assert [page for page in ours if ours[page] != theirs[page]] == []
    # The sidebar is there: every page links to every other Part.
    assert all(b'class="md-nav md-nav--primary"' in ours[page] for page in ours if page != "404.html")

"""hooks/stylesheets.py: the book's own stylesheets reach a page as one file."""

from __future__ import annotations

import re

import yaml

from conftest import ROOT


def test_a_page_links_materials_two_stylesheets_and_the_books_one(fixture_book):
    chapter = fixture_book.html("02-literacy/23-reading/index.html")
    links = re.findall(r'<link rel="stylesheet" href="([^"]+)"', chapter)
    assert [link.rsplit("/", 1)[-1].split(".")[0] for link in links] == ["main", "palette", "book"]
    assert links[-1] == "../../assets/stylesheets/book.bundle.css"


def test_the_bundle_is_every_book_stylesheet_in_mkdocs_order(fixture_book):
    listed = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["extra_css"]
    joined = listed + ["assets/stylesheets/diagrams.css"]
    bundle = (fixture_book.site / "assets/stylesheets/book.bundle.css").read_text(encoding="utf-8")
    at = -1
    for path in joined:
        text = (fixture_book.site / path).read_text(encoding="utf-8")
        assert text.strip(), path
        found = bundle.find(text)
        assert found > at, path  # whole, and after the one before it
        at = found
    assert ".book-mermaid-" in bundle  # the drawn diagrams' shared style

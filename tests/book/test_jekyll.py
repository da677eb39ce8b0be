"""The authors' Jekyll configuration, read once for the build and for `make check`."""

from pathlib import Path

import pytest

from book.jekyll import BookSite, book_site, parse_jekyll

CONFIG = b"""title: \xec\x97\x90\xec\x9d\xb4\xec\xa0\x84\xed\x8a\xb8 \xed\x98\x81\xeb\xaa\x85
description: "A book"
baseurl: "/agent-book/"
exclude:
  - assets/archive
  - drafts/*.md
include: [_pages]
"""
HEAD = '<meta name="robots"  content="noindex,  nofollow">\n<link href="https://cdn.example/x.css" rel="stylesheet">'


FOOTER = "<!-- 꼬리말 -->\n<p>© 2026 <a href='/x'>저자들</a> &amp; 편집자</p>\n"


def test_config_keys_become_the_books_settings():
    site = parse_jekyll(CONFIG + b"back_to_top: false\nback_to_top_text: '\xeb\xa7\xa8 \xec\x9c\x84\xeb\xa1\x9c'\n",
                        "docs/_config.yml", HEAD, footer_html=FOOTER)
    assert site.footer == "© 2026 저자들 & 편집자"
    assert site.back_to_top is False and site.back_to_top_text == "맨 위로"
    assert site.baseurl == "/agent-book" and site.title == "에이전트 혁명" and site.description == "A book"
    assert site.exclude == ("assets/archive", "drafts/*.md") and site.include == ("_pages",)
    assert site.robots == "noindex, nofollow" and site.findings == ()


@pytest.mark.parametrize("src_uri, published", [
    ("index.md", True), ("assets/hub.svg", True), ("01-why/11.md", True),
    ("assets/archive/old.svg", False), ("assets/archive/deep/x.png", False), ("assets/archived.svg", True),
    ("drafts/a.md", False), ("drafts/img/a.png", True),
    ("_config.yml", False), ("_includes/head_custom.html", False), ("_layouts/default.html", False),
    ("_sass/custom.scss", False), ("Gemfile", False), ("Gemfile.lock", False), (".github/x.yml", False),
    ("_pages/about.md", True), ("node_modules/x/index.js", False), ("notes.md~", False),
])
def test_jekyll_publishes_what_it_would_have_published(src_uri, published):
    assert parse_jekyll(CONFIG, "docs/_config.yml").publishes(src_uri) is published


@pytest.mark.parametrize("raw, line, code", [
    (b"title: a\nbaseurl: [unclosed\n", 2, "jekyll-config-yaml"),
    (b"- a list\n", 1, "jekyll-config-yaml"),
    (b"title: a\nbaseurl:\n  nested: 1\n", 2, "jekyll-config-value"),
    (b"exclude: 3\n", 1, "jekyll-config-value"),
])
def test_a_bad_config_is_a_finding_at_its_line(raw, line, code):
    site = parse_jekyll(raw, "docs/_config.yml")
    assert [(f.path, f.line, f.code) for f in site.findings] == [("docs/_config.yml", line, code)]


def test_mkdocs_yml_overrides_and_the_config_may_sit_beside_it(tmp_path: Path):
    docs = tmp_path / "docs"
    (docs / "_includes").mkdir(parents=True)
    (tmp_path / "_config.yml").write_bytes(b"baseurl: /beside\nexclude: [docs/assets/archive]\n")
    beside = book_site(docs, tmp_path)
    assert beside.legacy_base == "/beside" and not beside.publishes("assets/archive/a.png")
    assert beside.jekyll.config_path == "_config.yml"
    (docs / "_config.yml").write_bytes(CONFIG)
    (docs / "_includes/head_custom.html").write_text(HEAD)
    inside = book_site(docs, tmp_path)
    assert inside.legacy_base == "/agent-book" and inside.robots == "noindex, nofollow"
    assert inside.jekyll.config_path == "docs/_config.yml"
    chosen = book_site(docs, tmp_path, {"legacy_base": "/other/", "robots": None})
    assert chosen.legacy_base == "/other/" and chosen.robots is None
    assert book_site(tmp_path / "none", tmp_path / "none") == BookSite()

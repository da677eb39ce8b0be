"""Integration: the authors' Jekyll repository, copied into docs/ as it is, builds (issue 18)."""

from __future__ import annotations

import re
import shutil

from conftest import JEKYLL_BOOK, build, make_project, printed_findings, run_check, tree_digest

PICTURES = (JEKYLL_BOOK / "01-why/12-pictures.md").read_text(encoding="utf-8")
MODELS = (JEKYLL_BOOK / "02-literacy/21-models.md").read_text(encoding="utf-8")
INVALID_SVG = "assets/tools-and-models.svg"  # a bare "&" in a label, as one of the book's SVGs


def line(needle: str, text: str = PICTURES) -> int:
    return next(i for i, found in enumerate(text.split("\n"), 1) if needle in found)


# The fixture's planted authoring defects, as `path:line: code`: the only warnings allowed.
PLANTED = sorted([
    f"docs/01-why/12-pictures.md:{line('../diagrams/flow.png')}: image-not-found",
    f"docs/01-why/12-pictures.md:{line('images/old-map.png')}: image-not-found",
    f"docs/01-why/12-pictures.md:{line('attachment:')}: image-not-found",
    f"docs/01-why/12-pictures.md:{line('user-attachments')}: image-external",
    f"docs/01-why/12-pictures.md:{line('URL_PLACEHOLDER')}: link-not-found",
    f"docs/01-why/12-pictures.md:{line('22-[v1]-hub.md')}: link-not-found",
    f"docs/02-literacy/21-models.md:{line(INVALID_SVG, MODELS)}: image-svg-invalid",
    f"docs/02-literacy/21-models.md:{line('missing-chart.png', MODELS)}: image-not-found",
])
LOCATED = re.compile(r"^docs/[^:\s]+\.md:\d+: [a-z]+(?:-[a-z]+)+ ")


def warnings(log: str) -> list[str]:
    return [text.split(" -  ", 1)[1] for text in log.splitlines() if text.startswith(("WARNING", "ERROR"))]


def test_the_only_warnings_are_the_planted_defects_each_located_once(jekyll_book):
    found = warnings(jekyll_book.log)
    assert all(LOCATED.match(warning) for warning in found), found  # no MkDocs warning without file:line
    assert sorted(" ".join(w.split(" ")[:2]) for w in found) == PLANTED
    assert jekyll_book.returncode == 0  # the preview builds; a strict build does not (below)


def test_make_check_reports_the_same_findings(jekyll_book):
    done = run_check(jekyll_book.project)
    assert done.returncode == 1 and sorted(printed_findings(done)) == PLANTED
    assert "7개 페이지 점검" in done.stderr  # the excluded assets/archive/notes.md is not the book's


def test_a_strict_build_fails_on_them_and_changes_no_source(tmp_path):
    project = make_project(tmp_path / "strict", JEKYLL_BOOK)
    before, fixture_before = tree_digest(project / "docs"), tree_digest(JEKYLL_BOOK)
    result = build(project)
    assert result.returncode != 0 and "Traceback" not in result.log
    assert tree_digest(project / "docs") == before and tree_digest(JEKYLL_BOOK) == fixture_before


def test_jekyll_files_and_excluded_paths_are_not_published(jekyll_book):
    site = jekyll_book.site
    published = {p.relative_to(site).as_posix() for p in site.rglob("*")}
    for never in ("_config.yml", "_includes", "_includes/head_custom.html", "Gemfile", "assets/archive",
                  "assets/archive/old-loop.svg", "assets/archive/notes/index.html"):
        assert never not in published
    assert not [p for p in published if "archive" in p or p.startswith("_") or "Gemfile" in p]


def test_each_asset_is_published_once_as_it_is(jekyll_book):
    for asset in (JEKYLL_BOOK / "assets").iterdir():
        if asset.is_file():
            copies = list(jekyll_book.site.rglob(asset.name))
            assert [c.relative_to(jekyll_book.site).as_posix() for c in copies] == [f"assets/{asset.name}"]
            if asset.name != INVALID_SVG.split("/")[-1]:
                assert copies[0].read_bytes() == asset.read_bytes()
    # the SVG a browser cannot draw is published repaired; its source is left as it is
    repaired = (jekyll_book.site / INVALID_SVG).read_bytes()
    assert b"Tools &amp; Models" in repaired and b"Tools & Models" in (JEKYLL_BOOK / INVALID_SVG).read_bytes()
    assert repaired.replace(b"&amp;", b"&") == (JEKYLL_BOOK / INVALID_SVG).read_bytes()


def test_every_image_link_form_reaches_its_file(jekyll_book):
    # absolute under the baseurl, relative, and captioned: all relative to the page in the site
    for page, sources in {
        "01-why/11-why-agents/index.html": ["../../assets/agent-loop.svg", "../../assets/hub.svg",
                                            "../../assets/photo.jpg"],
        "01-why/12-pictures/index.html": ["../../assets/chart.png", "../../assets/layers.webp"],
        "02-literacy/21-models/index.html": ["../../assets/photo.jpg", "../../assets/tools-and-models.svg",
                                             "../../assets/chart.png"],  # the last one an HTML tag
        "02-literacy/22-hub/index.html": ["../../assets/hub.svg", "../../assets/layers.webp"],
    }.items():
        html = jekyll_book.html(page)
        shown = [s for s in re.findall(r'<img [^>]*src="([^"]+)"', html) if "assets/" in s]
        assert [s for s in shown if "missing" not in s] == sources  # missing-chart.png: a planted defect
        for source in sources:
            assert (jekyll_book.site / page).parent.joinpath(source).resolve().is_file()
    # the image from another host is a link, never loaded
    pictures = jekyll_book.html("01-why/12-pictures/index.html")
    assert "user-attachments" not in "".join(re.findall(r"<img [^>]*>", pictures))
    assert re.search(r'<a class="book-remote-image" href="https://github.com/user-attachments/[^"]+">대시보드 화면</a>',
                     pictures)


def test_the_sites_name_description_and_robots_come_from_the_jekyll_repository(jekyll_book):
    for page in ("index.html", "02-literacy/22-hub/index.html"):
        html = jekyll_book.html(page)
        assert '<meta name="robots" content="noindex, nofollow">' in html
        # the authors' HTML is not copied (the site serves Pretendard itself, #19)
        assert "cdn.jsdelivr" not in html and "pretendard.min.css" not in html and "SFMono-Regular" not in html
    home = jekyll_book.html("index.html")
    assert "<title>에이전트 혁명</title>" in home or "- 에이전트 혁명</title>" in home
    # footer_custom.html's text as the footer line; back_to_top_text as the button's words
    assert re.search(r'md-copyright__highlight">\s*© 2026 에이전트 혁명 저자들\. 검토 중인 원고입니다\.\s*<', home)
    assert re.search(r'class="md-top md-icon".*?</svg>\s*맨 위로\s*</button>', home, re.S)
    assert '<meta name="description" content="비전공자도 쉽게 읽는 AI 에이전트 플레이북">' in home


def test_the_chapter_with_body_halves_shows_its_title_badge_and_every_heading(jekyll_book):
    html = jekyll_book.html("02-literacy/22-hub/index.html")
    article = html[html.index("<article"):html.index("</article>")]
    titles = re.findall(r"<h1[^>]*>", article)
    assert len(titles) == 1 and titles[0].startswith('<h1 class="book-title" id="22-허브와-인프라"')
    assert '<span class="book-review-marker"' in article and ">v2</span>" in article
    assert not re.search(r"<p>\s*v2\s*</p>|\[v2\]", article)  # no stray marker
    toc = html[html.index('class="md-nav md-nav--secondary"'):]
    toc = toc[: toc.index('<div class="md-content"')] if '<div class="md-content"' in toc else toc
    ids = [id_ for tag, id_ in re.findall(r'<h([2-6]) id="([^"]+)"', article)]
    assert len(ids) == 6 and all(f'href="#{id_}"' in toc for id_ in ids)


def test_make_check_and_the_build_read_the_legacy_base_and_name_from_one_place(tmp_path):
    # mkdocs.yml overrides _config.yml: both then miss the /agent-book/ links alike.
    project = make_project(tmp_path / "override", JEKYLL_BOOK)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("extra_css:", "extra:\n  book:\n    legacy_base: /elsewhere\n\nextra_css:", 1),
                                        encoding="utf-8")
    jekyll = (project / "docs/_config.yml").read_text(encoding="utf-8")
    (project / "docs/_config.yml").write_text(jekyll.replace("title: 에이전트 혁명", "title: 다른 책"), encoding="utf-8")
    result = build(project, strict=False)
    built = sorted(" ".join(w.split(" ")[:2]) for w in warnings(result.log))
    checked = sorted(printed_findings(run_check(project)))
    assert built == checked and len(built) > len(PLANTED)
    assert any("11-why-agents.md" in finding and "image-not-found" in finding for finding in built)
    assert "- 다른 책</title>" in (project / "site/01-why/11-why-agents/index.html").read_text(encoding="utf-8")


def test_the_book_builds_without_a_jekyll_configuration(tmp_path):
    docs = tmp_path / "docs-copy"
    shutil.copytree(JEKYLL_BOOK, docs)
    (docs / "_config.yml").unlink()
    result = build(make_project(tmp_path / "bare", docs), strict=False)
    assert result.returncode == 0 and all(LOCATED.match(w) for w in warnings(result.log))
    # without a baseurl, /agent-book/… is a path of the docs folder, which has none: located findings
    assert any("image-not-found" in w for w in warnings(result.log))
    assert "에이전트 혁명</title>" in (tmp_path / "bare/site/index.html").read_text(encoding="utf-8")

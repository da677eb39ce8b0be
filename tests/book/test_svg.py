"""SVG files a browser cannot draw, and the copy the site publishes meanwhile."""

from book.blocks import scan
from book.links import broken_links, find_links
from book.sources import read_page
from book.svg import svg_problem

GOOD = b'<svg xmlns="http://www.w3.org/2000/svg"><text>A &amp; B &#169; &#x2014;</text></svg>'
BARE = b'<svg xmlns="http://www.w3.org/2000/svg">\n<text>Tools & Models</text></svg>'
BROKEN = b'<svg xmlns="http://www.w3.org/2000/svg">\n<g>\n<text>A & B</svg>'


def test_a_well_formed_svg_has_no_problem():
    assert svg_problem(GOOD) is None


def test_a_bare_ampersand_is_found_at_its_line_and_repaired():
    problem = svg_problem(BARE)
    assert problem.line == 2 and problem.repaired == BARE.replace(b"& ", b"&amp; ")
    assert svg_problem(problem.repaired) is None


def test_an_svg_broken_otherwise_is_not_repaired():
    problem = svg_problem(BROKEN)
    assert problem is not None and problem.repaired is None


def test_the_finding_is_at_the_chapter_line_that_shows_it():
    text = "---\ntitle: '21. 모델'\n---\n\n![좋음](/base/assets/good.svg)\n\n![나쁨](/base/assets/bad.svg)\n"
    page = read_page("02/21.md", text.encode())
    bad = {"assets/bad.svg": svg_problem(BARE)}
    broken = broken_links(find_links(scan(page)), "02/21.md", "docs/02/21.md",
                          {"assets/good.svg", "assets/bad.svg", "02/21.md"}, {}, "/base", bad)
    assert [(b.finding.line, b.finding.code, b.rendered) for b in broken] == [
        (7, "image-svg-invalid", "../assets/bad.svg")]

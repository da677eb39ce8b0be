"""The book as one print page, a PDF and an EPUB (`make book`), made from a real build of the
fixture book: every link of the print page lands inside it, the PDF holds every chapter in
order to the last one, with an outline, and epubcheck accepts the EPUB."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import CHROMIUM, FIXTURES, ROOT, build, make_project

from book.check import check
from book.editions import EditionPage, all_ids, internal_links, join_print_page, with_edition_links
from book.epub import asset_problem, to_xhtml

PDFTOTEXT = shutil.which("pdftotext")
EPUBCHECK = shutil.which("epubcheck")
JAVA = shutil.which("java")


class Editions:
    def __init__(self, project: Path, done: subprocess.CompletedProcess[str]):
        self.project, self.done = project, done
        self.site = project / "site"
        self.print_html = (self.site / "print" / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def editions(tmp_path_factory) -> Editions:
    project = make_project(tmp_path_factory.mktemp("editions"), FIXTURES / "book")
    built = build(project)
    assert built.returncode == 0, built.log
    # `make book`'s second step, as the Makefile runs it.
    done = subprocess.run([sys.executable, "-m", "book.make_editions"], cwd=project, capture_output=True,
                          text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")})
    return Editions(project, done)


def book_titles() -> list[str]:
    """The pages of the fixture book in navigation order (the home page is the title page)."""
    navigation = check(FIXTURES / "book").navigation
    return [entry.display_title for entry in navigation.book_order() if entry.src_uri != "index.md"]


def test_every_link_of_the_print_page_lands_inside_it(editions: Editions) -> None:
    ids = all_ids(editions.print_html)
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]
    links = internal_links(editions.print_html)
    assert len(links) > 40
    assert [link for link in links if link not in set(ids)] == []
    # Links between chapters and to figures were rewritten, not left pointing at the site.
    assert not re.search(r'<a [^>]*href="\.\./(?:01-basics|02-literacy|appendix)/', editions.print_html)
    assert re.search(r'href="#p\d+-figure-11-1"', editions.print_html)


def test_the_print_page_holds_the_book_in_order_with_its_diagrams_and_summaries(editions: Editions) -> None:
    pages = editions.print_html[editions.print_html.index('<section class="book-page'):]
    text = html.unescape(re.sub(r"<[^>]+>", "", pages))
    positions, start = [], 0
    for title in book_titles():  # each title after the one before it
        start = text.find(title, start)
        positions.append(start)
    assert -1 not in positions, list(zip(book_titles(), positions, strict=True))
    assert "초안" not in re.findall(r"<h\d[^>]*>([^<]*)", editions.print_html)  # nav_exclude stays out
    sections = re.findall(r'<section class="book-page (book-part|book-chapter)"', editions.print_html)
    assert sections.count("book-part") >= 2
    assert editions.print_html.count('class="book-mermaid-') >= 3  # the diagrams drawn at build time
    assert "<!-- book-diagram" not in editions.print_html
    assert editions.print_html.count("book-summary") >= 4


@pytest.mark.skipif(CHROMIUM is None or PDFTOTEXT is None, reason="needs chromium and poppler-utils (pdftotext)")
def test_the_pdf_holds_every_chapter_in_order_and_its_outline(editions: Editions) -> None:
    pdf = editions.site / "book.pdf"
    assert pdf.is_file(), editions.done.stderr
    text = " ".join(subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())
    start = text.find("22. 허브와")  # after the table of contents, which names every chapter too
    start = text.find("Prologue", text.find("22-1.", start))
    positions = []
    for title in book_titles():  # each title after the one before it
        start = text.find(title, start)
        positions.append(start)
    assert -1 not in positions, list(zip(book_titles(), positions, strict=True))
    # The figures are there, but not their closed "그림 설명" control, which paper cannot open.
    assert "Figure 11-1." in text and "그림 설명" not in text
    # No silent truncation: the last words of the last page are in the PDF.
    last_page = editions.print_html[editions.print_html.rindex('<section class="book-page'):]
    last_words = re.sub(r"\s", "", html.unescape(re.sub(r"<[^>]+>", "", last_page)))[-40:]
    assert last_words in re.sub(r"\s", "", text), (last_words, text[-300:])
    outline = subprocess.run(["pdftohtml", "-xml", "-i", "-stdout", str(pdf)], capture_output=True,
                             text=True, check=True).stdout
    items = [re.sub(r"\s+", " ", i).strip() for i in re.findall(r"<item[^>]*>([^<]*)", outline)]
    unescaped = [i.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") for i in items]
    assert [title for title in book_titles() if title not in unescaped] == []
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "498.96 x 708.96 pts" in info  # B5, 176 x 250 mm
    # The text is in the author's fixed-weight Pretendard, embedded as TrueType, not in the
    # site's variable font, which Chromium writes as Type 3 outlines; the site carries none.
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    pretendard = [line for line in fonts.splitlines() if "Pretendard" in line]
    assert {"Pretendard-Regular", "Pretendard-Bold"} <= {line.split()[0].split("+")[-1] for line in pretendard}, fonts
    assert all("CID TrueType" in line for line in pretendard), fonts
    assert not list(editions.site.rglob("*.ttf"))


@pytest.mark.skipif(EPUBCHECK is None or JAVA is None, reason="needs epubcheck (apt-get install epubcheck)")
def test_epubcheck_accepts_the_epub(editions: Editions) -> None:
    epub = editions.site / "book.epub"
    done = subprocess.run(["java", "-jar", str(Path(EPUBCHECK).resolve()), str(epub)], capture_output=True,
                          text=True, timeout=180)
    assert "0 errors / 0 warnings" in done.stdout + done.stderr, done.stdout + done.stderr
    with zipfile.ZipFile(epub) as archive:
        names = archive.namelist()
        opf = archive.read("OEBPS/content.opf").decode()
        nav = archive.read("OEBPS/nav.xhtml").decode()
    assert names[0] == "mimetype"
    assert len([n for n in names if re.fullmatch(r"OEBPS/p\d+\.xhtml", n)]) == len(book_titles())
    assert "<dc:language>ko</dc:language>" in opf and "<dc:title>에이전트 혁명</dc:title>" in opf
    assert 'properties="svg"' in opf and "OEBPS/assets/agent-map.svg" in names
    assert "A01. 용어집" in nav


def test_an_image_the_epub_cannot_take_is_a_located_finding(editions: Editions) -> None:
    # The fixture's model.png is eight bytes: a PNG signature and nothing else.
    assert "docs/02-literacy/21-model.md:12: edition-asset-invalid" in editions.done.stdout, editions.done.stdout
    assert editions.done.returncode == 0, editions.done.stderr  # a warning, not a failed build


def test_the_home_page_links_both_files_with_their_sizes(editions: Editions) -> None:
    home = (editions.site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="book.epub" download>EPUB \(\d+ KB\)</a>', home)
    if CHROMIUM is not None:
        assert re.search(r'<a href="book.pdf" download>PDF \([\d.]+ (?:KB|MB)\)</a>', home)
    assert with_edition_links(home, {}).count('class="book-editions"') == 1  # replaced, not added twice


def test_asset_problems(tmp_path: Path) -> None:
    broken = tmp_path / "rnd.svg"
    broken.write_text('<svg xmlns="http://www.w3.org/2000/svg"><text>R&D</text></svg>', encoding="utf-8")
    fine = tmp_path / "ok.svg"
    fine.write_text('<svg xmlns="http://www.w3.org/2000/svg"><text>R&amp;D</text></svg>', encoding="utf-8")
    short = tmp_path / "cut.png"
    short.write_bytes(b"\x89PNG\r\n\x1a\n")
    assert asset_problem(broken).startswith("XML")
    assert asset_problem(fine) == ""
    assert asset_problem(short) == "PNG"


def test_joining_prefixes_ids_outside_svgs_and_rewrites_links() -> None:
    first = EditionPage("a/one.md", "a/one/", "1. 하나", 1, False,
                        '<h1 id="one">하나</h1><p><a href="../two/#sec">둘로</a> <a href="#one">위</a> '
                        '<img alt="x" src="../pic.png"></p>'
                        '<svg id="d1"><marker id="m"/><path marker-end="url(#m)"/></svg>')
    second = EditionPage("a/two.md", "a/two/", "2. 둘", 1, False, '<h2 id="sec">절</h2>')
    edition = join_print_page([first, second], "책", "부제", ["../assets/x.css"])
    assert 'id="p1-one"' in edition.html and 'id="p2-sec"' in edition.html
    assert 'href="#p2-sec"' in edition.html and 'href="#p1-one"' in edition.html
    assert 'src="../a/pic.png"' in edition.html
    assert '<svg id="d1"><marker id="m"/>' in edition.html  # the diagram's own ids stay its own
    assert "<h2 id=\"p1-one\">" in edition.html  # chapters' headings one level down, under their Part


def test_xhtml_keeps_svg_names_and_closes_void_elements() -> None:
    xhtml, images = to_xhtml('<p>a<br>b<img alt="x" src="p.png"></p><svg viewBox="0 0 1 1" role="graphics-document">'
                             '<foreignObject><div><span><p>라벨</p></span></div></foreignObject><rect/></svg>')
    assert "<br/>" in xhtml and images == ["p.png"]
    assert 'viewBox="0 0 1 1"' in xhtml and "<foreignObject>" in xhtml and 'role="img"' in xhtml
    assert '<rect width="0" height="0"/>' in xhtml
    assert "<p>라벨</p>" not in xhtml

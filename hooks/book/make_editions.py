"""``python -m book.make_editions``: after ``mkdocs build``, the book as one print page
(``site/print/index.html``), a PDF (``site/book.pdf``) and an EPUB (``site/book.epub``).

Run by ``make book``. It reads the book's navigation the way the build does (book.check), and
each page as MkDocs built it, so the editions carry what the site shows: the summary boxes,
the figures, the diagrams drawn at build time.
"""

from __future__ import annotations

import argparse
import re
from html import unescape
import os
import posixpath
import sys
import time
from pathlib import Path
from typing import Any

import yaml

from . import strings, typeface
from .check import _LenientLoader, book_settings, check, toc_of
from .jekyll import book_site
from .editions import EditionPage, article_of, join_print_page, stylesheets_of, with_edition_links
from .findings import Finding, has_errors, sorted_findings
from .navigation import Navigation

PRINT_URL = "print/"
PRINT_CSS = Path(__file__).with_name("print.css")
EPUB_CSS = Path(__file__).with_name("epub.css")


def page_url(src_uri: str) -> str:
    """Where MkDocs (use_directory_urls) writes the page: ``a/b.md`` -> ``a/b/``."""
    folder, name = posixpath.split(src_uri)
    stem = posixpath.splitext(name)[0]
    if stem in ("index", "README"):
        return f"{folder}/" if folder else ""
    return f"{folder}/{stem}/" if folder else f"{stem}/"


def book_pages(navigation: Navigation, site: Path) -> list[EditionPage]:
    """Every page of the navigation in book order, except the home page (the title page and
    the table of contents take its place); nav_exclude pages are not in the navigation."""
    pages: list[EditionPage] = []

    def visit(nodes: list[Any], level: int) -> None:
        for node in nodes:
            entry = node.entry
            url = page_url(entry.src_uri)
            built = site / url / "index.html"
            if url and built.is_file():
                article = article_of(built.read_text(encoding="utf-8"))
                if article is not None:
                    pages.append(EditionPage(entry.src_uri, url, entry.display_title, level,
                                             level == 0 and bool(node.children), article))
            visit(node.children, level + 1 if url else level)

    visit(navigation.roots, 0)
    return pages


def _meta(html: str, attribute: str) -> str | None:
    found = re.search(r'<meta ' + re.escape(attribute) + r' content="([^"]*)"', html)
    return unescape(found.group(1)) if found else None


def read_config(config_file: Path) -> dict[str, Any]:
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_LenientLoader) or {}
    return config if isinstance(config, dict) else {}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m book.make_editions", description=__doc__.split("\n")[0])
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--no-pdf", action="store_true")
    parser.add_argument("--no-epub", action="store_true")
    args = parser.parse_args(argv)
    root = args.config.resolve().parent
    config = read_config(args.config)
    # Relative to the working folder, so findings read docs/<file>.md as everywhere else.
    docs = Path(os.path.relpath(root / str(config.get("docs_dir") or "docs")))
    site = root / str(config.get("site_dir") or "site")
    if not (site / "index.html").is_file():
        print(f"{site}: build the site first (make build)", file=sys.stderr)
        return 2
    # The name and description the build settled on (mkdocs.yml, else _config.yml, else the
    # home page's title: hooks/jekyll.py), as the built home page states them.
    home = (site / "index.html").read_text(encoding="utf-8")
    title = str(config.get("site_name") or _meta(home, 'property="og:site_name"') or "")
    subtitle = str(config.get("site_description") or _meta(home, 'name="description"') or "")
    prefix = docs.as_posix().rstrip("/")
    analysis = check(docs, book_site(docs, root, book_settings(args.config), prefix), toc_of(args.config))
    pages = book_pages(analysis.navigation, site)
    findings: list[Finding] = []

    started = time.perf_counter()
    stylesheets = stylesheets_of((site / "index.html").read_text(encoding="utf-8"), "", PRINT_URL)
    edition = join_print_page(pages, title, subtitle, stylesheets, PRINT_URL)
    (site / "print").mkdir(exist_ok=True)
    (site / "print" / "index.html").write_text(edition.html, encoding="utf-8")
    (site / "print" / "print.css").write_text(PRINT_CSS.read_text(encoding="utf-8"), encoding="utf-8")
    print(f"print/index.html: {len(pages)} pages in {time.perf_counter() - started:.1f} s", file=sys.stderr)

    if not args.no_pdf:
        from .pdf import print_pdf

        started = time.perf_counter()
        reason = print_pdf(site / "print" / "index.html", site / "book.pdf", title,
                           typeface.print_faces(root / "node_modules"))
        if reason:
            print(strings.EDITION_NO_BROWSER.format(reason=reason), file=sys.stderr)
        else:
            size = (site / "book.pdf").stat().st_size
            print(f"book.pdf: {size / 1e6:.1f} MB in {time.perf_counter() - started:.1f} s", file=sys.stderr)

    if not args.no_epub:
        from .epub import write_epub

        started = time.perf_counter()
        css = EPUB_CSS.read_text(encoding="utf-8") + (site / "assets/stylesheets/diagrams.css").read_text(
            encoding="utf-8") if (site / "assets/stylesheets/diagrams.css").is_file() else EPUB_CSS.read_text(
            encoding="utf-8")
        findings += write_epub(edition, site, site / "book.epub", title, subtitle, analysis, css)
        size = (site / "book.epub").stat().st_size
        print(f"book.epub: {size / 1e6:.1f} MB in {time.perf_counter() - started:.1f} s", file=sys.stderr)

    sizes = {name: (site / name).stat().st_size for name in ("book.pdf", "book.epub") if (site / name).is_file()}
    home = site / "index.html"
    home.write_text(with_edition_links(home.read_text(encoding="utf-8"), sizes), encoding="utf-8")

    for finding in sorted_findings(findings):
        print(finding)
    return 1 if has_errors(findings, strict=False) else 0


if __name__ == "__main__":
    sys.exit(main())

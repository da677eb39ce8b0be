"""The print page printed to a PDF in Debian's Chromium, through Playwright (``page.pdf``).

Chromium draws the book's HTML-label diagrams and Korean text exactly as the site shows them,
and its ``outline`` option makes the PDF's bookmarks from the page's headings (Parts, then
chapters, then sections: the print page shifts each chapter's headings one level down). The
page size, page numbers and running heads are CSS (print.css, ``@page`` margin boxes).
"""

from __future__ import annotations

from pathlib import Path

from .mermaid_browser import BROWSER_ARGUMENTS, chromium_path


def print_pdf(print_page: Path, pdf: Path, title: str, faces: str = "") -> str:
    """Writes the PDF; returns why it could not ("" when it did). ``faces``: @font-face rules
    for this page alone (``book.typeface.print_faces``: local files, never the site's)."""
    chromium, reason = chromium_path()
    if chromium is None:
        return reason
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=BROWSER_ARGUMENTS)
        try:
            page = browser.new_page()
            page.emulate_media(media="print")
            page.goto(print_page.resolve().as_uri(), wait_until="load")
            if faces:
                page.add_style_tag(content=faces)
            page.evaluate("document.fonts.ready.then(() => true)")
            page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True, outline=True, tagged=True)
        finally:
            browser.close()
    return ""

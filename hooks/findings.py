"""Raises the book's findings as MkDocs log records, so ``--strict`` fails on them, checks
each rendered page's ids against the analysis, and shows each page's findings at its top
while an author previews with ``mkdocs serve``. Called from hooks/book_build.py."""

from __future__ import annotations

import logging

from book.banner import findings_banner
from book.findings import Finding, Severity
from book.verify import unrendered_anchors
from mkdocs.structure.pages import Page

import book_state

# A child of the "mkdocs" logger: MkDocs counts its warnings for --strict.
log = logging.getLogger("mkdocs.hooks.book")

LEVELS = {Severity.ERROR: logging.WARNING, Severity.WARNING: logging.WARNING, Severity.INFO: logging.INFO}


def report(findings: list[Finding]) -> None:
    for finding in findings:
        log.log(LEVELS[finding.severity], str(finding))


def report_book() -> None:
    report(book_state.current().findings)


def check_rendered_page(html: str, page: Page) -> str:
    """Reports each id the analysis predicted and the page lacks; in a preview, puts the
    page's findings in a box at its top."""
    analysis = book_state.current()
    analysed = analysis.pages.get(page.file.src_uri)
    rendered: list[Finding] = []
    if analysed is not None and page.file.src_uri not in analysis.generated and page.present_anchor_ids is not None:
        rendered = unrendered_anchors(analysed, page.present_anchor_ids)
        report(rendered)
    if not book_state.state.serving:
        return html
    path = f"{book_state.state.docs_prefix}/{page.file.src_uri}"
    return findings_banner(analysis.findings_for(path) + rendered) + html

"""Raises the book's findings as MkDocs log records, so ``--strict`` fails on them, and
shows each page's findings at its top while an author previews with ``mkdocs serve``."""

from __future__ import annotations

import logging
from typing import Literal

from book.banner import findings_banner
from book.findings import Finding, Severity
from book.verify import unrendered_anchors
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import book_state

# A child of the "mkdocs" logger: MkDocs counts its warnings for --strict.
log = logging.getLogger("mkdocs.hooks.book")

LEVELS = {Severity.ERROR: logging.WARNING, Severity.WARNING: logging.WARNING, Severity.INFO: logging.INFO}


def report(findings: list[Finding]) -> None:
    for finding in findings:
        log.log(LEVELS[finding.severity], str(finding))


def on_startup(command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    book_state.state.serving = command == "serve"


@event_priority(90)  # right after the book is read, before anything renders
def on_files(files: Files, config: MkDocsConfig) -> Files:
    report(book_state.current().findings)
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
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

"""Raises the book's findings as MkDocs log records, so ``--strict`` fails on them."""

from __future__ import annotations

import logging

from book.findings import Finding, Severity
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

import book_state

# A child of the "mkdocs" logger: MkDocs counts its warnings for --strict.
log = logging.getLogger("mkdocs.hooks.book")

LEVELS = {Severity.ERROR: logging.WARNING, Severity.WARNING: logging.WARNING, Severity.INFO: logging.INFO}


def report(findings: list[Finding]) -> None:
    for finding in findings:
        log.log(LEVELS[finding.severity], str(finding))


@event_priority(90)  # right after the book is read, before anything renders
def on_files(files: Files, config: MkDocsConfig) -> Files:
    report(book_state.current().findings)
    return files

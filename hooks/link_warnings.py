"""One line per broken link or missing anchor: the book's own finding, at its file and line.

MkDocs validates links too, after rendering, and says so without a line
("Doc file 'a.md' contains a link 'x.png', but the target is not found …"). The book's
link check (book.links) reads the same addresses from the source, with their lines, so it
speaks; MkDocs' warning for a link it has already reported is lowered to a debug message
(shown only with `mkdocs build --verbose`). A link the book's check did not report keeps
MkDocs' warning, so nothing broken ever passes a strict build unnoticed.
"""

from __future__ import annotations

import logging
import re

from mkdocs.config.defaults import MkDocsConfig

import book_state

# The messages of mkdocs/structure/pages.py (MkDocs 1.6): not found, unrecognized,
# absolute, and a missing anchor.
MKDOCS_LINK_WARNING = re.compile(
    r"^Doc file '(?P<page>[^']*)' contains (?:a link|an absolute link|an unrecognized relative link) "
    r"'(?P<href>.*?)'(?:, it was left as is\.|, but )"
)


class AlreadyReported(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        match = MKDOCS_LINK_WARNING.match(record.getMessage())
        if match and (match["page"], match["href"]) in _reported_links():
            record.levelno, record.levelname = logging.DEBUG, "DEBUG"
            return logging.getLogger("mkdocs").isEnabledFor(logging.DEBUG)
        return True


def _reported_links() -> set[tuple[str, str]]:
    try:
        return book_state.current().reported_links
    except RuntimeError:  # no book read yet: nothing reported
        return set()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    logger = logging.getLogger("mkdocs.structure.pages")
    for old in [f for f in logger.filters if type(f).__name__ == AlreadyReported.__name__]:
        logger.removeFilter(old)  # `mkdocs serve` loads this file afresh on every rebuild
    logger.addFilter(AlreadyReported())
    return config

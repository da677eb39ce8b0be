"""Draws every Mermaid diagram while the site builds, so a page carries its diagrams as SVG
and loads no Mermaid code. Without Chromium, says why once, and leaves the diagrams to the
reader's browser as before (hooks/mermaid.py). Called from hooks/book_build.py.

The Mermaid fence stays SuperFences' custom fence from mkdocs.yml; hooks/rendering.py wraps
its ``format`` once (book.extensions.mermaid): a diagram drawn here becomes a placeholder
for its SVG, any other is formatted as before. The SVGs go into the page as it is written
out (``svgs_into_page``), after Material's search has indexed its content.
"""

from __future__ import annotations

import logging
import os
import time

from book import strings
from book.cache_files import UNUSED_DAYS
from book.analysis import BookAnalysis
from book.mermaid_browser import MermaidBrowser, failure_reason, find_renderer
from book.prerender import NOTHING_DRAWN, DiskCache, Outcome, book_diagrams, fill_placeholders, render_all, shared_stylesheet
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

import book_state

log = logging.getLogger("mkdocs.hooks.book")

STYLESHEET = "assets/stylesheets/diagrams.css"
# The Pages workflow keeps .cache/ between runs; tests share one folder through this variable.
CACHE_VARIABLE = "BOOK_DIAGRAM_CACHE"


def _project_root(config: MkDocsConfig) -> str:
    return os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml"))


def add_stylesheet(config: MkDocsConfig) -> None:
    """The drawn diagrams' shared style (``draw_book`` writes it; empty when none was drawn)."""
    if STYLESHEET not in config.extra_css:
        config.extra_css.append(STYLESHEET)


def draw_book(analysis: BookAnalysis, files: Files, config: MkDocsConfig) -> Outcome:
    """Every diagram of the book, from the cache or drawn in one Chromium for the build."""
    renderer = find_renderer(_project_root(config))
    if not renderer.available or renderer.chromium is None or renderer.setup is None:
        log.info(strings.DIAGRAMS_IN_BROWSER.format(reason=renderer.reason))
        files.append(File.generated(config, STYLESHEET, content=""))
        return NOTHING_DRAWN
    diagrams = book_diagrams(analysis)
    folder = os.environ.get(CACHE_VARIABLE) or os.path.join(_project_root(config), ".cache", "diagrams")
    browser = MermaidBrowser(renderer.chromium, renderer.setup)
    started = time.perf_counter()
    cache = DiskCache(folder, book_state.state.drawings_in_memory)
    try:
        outcome = render_all(diagrams, cache, renderer.fingerprint, browser.render)
    except Exception as error:  # a browser that will not start must not stop the build
        log.info(strings.DIAGRAMS_IN_BROWSER.format(reason=failure_reason(error)))
        files.append(File.generated(config, STYLESHEET, content=""))
        return NOTHING_DRAWN
    finally:
        browser.close()
    if outcome.drawn:
        log.info(strings.DIAGRAMS_DRAWN.format(drawn=outcome.drawn, seconds=time.perf_counter() - started,
                                               cached=len(diagrams) - outcome.drawn))
    else:
        log.info(strings.DIAGRAMS_ALL_CACHED.format(count=len(diagrams)))
    removed = cache.prune()
    if removed:
        log.info(strings.CACHE_PRUNED.format(what=strings.DIAGRAM_CACHE_NAME, days=UNUSED_DAYS, count=removed))
    files.append(File.generated(config, STYLESHEET, content=shared_stylesheet(outcome.renderings.values())))
    return outcome


def drawing_key(source: str) -> str | None:
    """For the Mermaid fence's format: the key of the SVG drawn for this source, if any."""
    return book_state.state.diagrams.key_of_drawing(source)


def svgs_into_page(output: str) -> str:
    # The SVGs go in last, after Material's search has indexed the page (see PLACEHOLDER).
    return fill_placeholders(output, book_state.state.diagrams.drawings)

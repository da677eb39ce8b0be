"""Draws every Mermaid diagram while the site builds, so a page carries its diagrams as SVG
and loads no Mermaid code. Without Chromium, says why once, and leaves the diagrams to the
reader's browser as before (hooks/mermaid.py).

The Mermaid fence stays SuperFences' custom fence from mkdocs.yml; its ``format`` callable
is wrapped here: a diagram that was drawn becomes its SVG, any other is formatted as before.
"""

from __future__ import annotations

import logging
import os
import time
from typing import Callable

from book.findings import sorted_findings
from book.mermaid_browser import MermaidBrowser, find_renderer
from book.prerender import (DiskCache, book_diagrams, figure_html, fill_placeholders, normalize_source, render_all,
                            shared_stylesheet, unique_svg)
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

import book_state
import prerendered

log = logging.getLogger("mkdocs.hooks.book")

STYLESHEET = "assets/stylesheets/diagrams.css"
# The Pages workflow keeps .cache/ between runs; tests share one folder through this variable.
CACHE_VARIABLE = "BOOK_DIAGRAM_CACHE"


def _project_root(config: MkDocsConfig) -> str:
    return os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml"))


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    state = prerendered.state
    state.renderings, state.client_side_pages, state.page_svgs = {}, set(), {}
    renderer = find_renderer(_project_root(config))
    state.enabled = renderer.available
    state.renderer = renderer
    if not renderer.available:
        log.info("Diagrams are drawn in the reader's browser, not at build time: %s", renderer.reason)
        return config
    fences = (config.mdx_configs.get("pymdownx.superfences") or {}).get("custom_fences") or []
    for fence in fences:
        if fence.get("name") == "mermaid":
            fence["format"] = _svg_or(fence["format"])
    config.extra_css.append(STYLESHEET)
    return config


def _svg_or(format_fence: Callable) -> Callable:
    def format_diagram(source, language, class_name, options, md, **kwargs):
        state = prerendered.state
        rendering = state.renderings.get(normalize_source(source))
        if rendering is not None and rendering.svg:
            svgs = state.page_svgs.setdefault(state.current_page, [])
            svgs.append(unique_svg(rendering, state.ids_on_page))
            return figure_html(len(svgs) - 1)
        prerendered.state.client_side_pages.add(prerendered.state.current_page)
        return format_fence(source, language, class_name, options, md, **kwargs)

    return format_diagram


@event_priority(95)  # after hooks/sources.py has read the book, before its findings are reported
def on_files(files: Files, config: MkDocsConfig) -> Files:
    if not prerendered.state.enabled:
        return files
    renderer = prerendered.state.renderer
    analysis = book_state.current()
    diagrams = book_diagrams(analysis)
    folder = os.environ.get(CACHE_VARIABLE) or os.path.join(_project_root(config), ".cache", "diagrams")
    browser = MermaidBrowser(renderer.chromium, renderer.setup)
    started = time.perf_counter()
    try:
        outcome = render_all(diagrams, DiskCache(folder, prerendered.memory), renderer.fingerprint, browser.render)
    except Exception as error:  # a browser that will not start must not stop the build
        log.info("Diagrams are drawn in the reader's browser, not at build time: Chromium failed (%s)",
                 str(error).splitlines()[0] if str(error) else type(error).__name__)
        prerendered.state.enabled = False
        files.append(File.generated(config, STYLESHEET, content=""))
        return files
    finally:
        browser.close()
    prerendered.state.renderings = outcome.renderings
    if outcome.drawn:
        log.info("Diagrams: %d drawn in Chromium in %.1f s (one browser for the build), %d from the cache",
                 outcome.drawn, time.perf_counter() - started, len(diagrams) - outcome.drawn)
    else:
        log.info("Diagrams: all %d from the cache, no browser started", len(diagrams))
    if outcome.findings:
        analysis.findings = sorted_findings(analysis.findings + outcome.findings)
    files.append(File.generated(config, STYLESHEET, content=shared_stylesheet(outcome.renderings.values())))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    prerendered.state.current_page = page.file.src_uri
    prerendered.state.ids_on_page = set()
    prerendered.state.page_svgs[page.file.src_uri] = []
    return markdown


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # The SVGs go in last, after Material's search has indexed the page (see PLACEHOLDER).
    return fill_placeholders(output, prerendered.state.page_svgs.get(page.file.src_uri, []))

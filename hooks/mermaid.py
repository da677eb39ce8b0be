"""Serves Mermaid from the site itself, from the version pinned in package-lock.json.

Material draws diagrams through ``window.mermaid`` and fetches Mermaid from a CDN when it is
missing; ``overrides/assets/javascripts/mermaid-loader.js`` stands in for it and imports
these files on the first diagram.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

import book_state
from reading_assets import link_or_copy
from book.diagrams import diagram_types

DIST = os.path.join("node_modules", "mermaid", "dist")
ENTRY = "mermaid.esm.min.mjs"
CHUNKS = os.path.join("chunks", "mermaid.esm.min")
SITE_FOLDER = os.path.join("assets", "vendor", "mermaid")
URL_FOLDER = "assets/vendor/mermaid"
# What the Mermaid fence's format leaves for the reader's browser (mkdocs.yml's custom fence).
CLIENT_SIDE_BLOCK = '<pre class="mermaid"'


def _dist(config: MkDocsConfig) -> str:
    return os.path.join(os.path.dirname(os.path.abspath(config.config_file_path)), DIST)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not os.path.isfile(os.path.join(_dist(config), ENTRY)):
        raise PluginError(f"{DIST}/{ENTRY} is missing: run 'make build' (or 'npm ci') to install Mermaid")
    return config


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    # overrides/main.html asks for these files in the page's <head>, so that a page with
    # diagrams fetches all of Mermaid's modules at once instead of level by level.
    # A page whose diagrams were all drawn at build time (hooks/diagrams.py) has no block
    # left for Mermaid, and needs none.
    analysed = book_state.current().pages.get(page.file.src_uri)
    for_mermaid = CLIENT_SIDE_BLOCK in (page.content or "")
    types = diagram_types(analysed.body) if analysed and for_mermaid else []
    if types:
        graph = book_state.mermaid_modules(_dist(config), ENTRY)
        # Made relative here, from the page's way to the site's root: Jinja's `url` filter
        # would work out the same relative path once for each of some thirty files.
        base = context["base_url"]
        context["book_module_preloads"] = [f"{base}/{URL_FOLDER}/{path}" for path in graph.preloads(types)]
    return context


def on_post_build(config: MkDocsConfig) -> None:
    # Only the ES module build: a page fetches the chunks its diagram types need, not the
    # whole library, and source maps stay out of the site. Linked rather than copied when
    # the file system allows: a hundred files copied on every build cost more than the
    # book's own hooks (measured with `make bench`).
    dist = _dist(config)
    names = [ENTRY] + [
        os.path.join(CHUNKS, name) for name in os.listdir(os.path.join(dist, CHUNKS)) if name.endswith(".mjs")
    ]
    target = os.path.join(config.site_dir, SITE_FOLDER)
    os.makedirs(os.path.join(target, CHUNKS), exist_ok=True)
    for name in names:
        link_or_copy(os.path.join(dist, name), os.path.join(target, name))

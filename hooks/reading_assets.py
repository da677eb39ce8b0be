"""Serves the reading assets from the site itself, from the versions pinned in package-lock.json:
the Pretendard typeface, and Panzoom for the full-screen viewer.

A built site gets Pretendard Variable cut down to the characters it shows, in one file
(``book.typeface`` says why); ``make serve`` gets the whole font under the same address, so
a preview never waits for a subset. reading.css declares the face. The book's Jekyll site loaded Pretendard from a CDN; here it comes
from the npm package, as ``hooks/mermaid.py`` does for Mermaid.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

import book_state
from book import cache_files, strings, typeface
from book.mermaid_browser import FONT_FILE, FONT_FOLDER

PRETENDARD = os.path.join("node_modules", typeface.SOURCE)
# The whole font, as the diagrams' labels are measured in it: what `make serve` serves.
PRETENDARD_WHOLE = os.path.join("node_modules", FONT_FOLDER, FONT_FILE)
PRETENDARD_LICENCE = os.path.join("node_modules", typeface.LICENCE)
PANZOOM = os.path.join("node_modules", "@panzoom", "panzoom", "dist", "panzoom.min.js")

SITE_PANZOOM = os.path.join("assets", "vendor", "panzoom", "panzoom.min.js")
CACHE_VARIABLE = "BOOK_FONT_CACHE"

log = logging.getLogger("mkdocs.hooks.book")


def _root(config: MkDocsConfig) -> str:
    return os.path.dirname(os.path.abspath(config.config_file_path))


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = _root(config)
    for needed in (PRETENDARD, PRETENDARD_WHOLE, PANZOOM):
        if not os.path.isfile(os.path.join(root, needed)):
            raise PluginError(f"{needed} is missing: run 'make build' (or 'npm ci') to install it")
    return config


def link_or_copy(source: str, destination: str) -> None:
    # Linked rather than copied where the file system allows: as for Mermaid's files, a
    # hundred copies on every build would cost more than the book's own hooks.
    if os.path.exists(destination):
        os.remove(destination)
    try:
        os.link(source, destination)
    except OSError:
        shutil.copyfile(source, destination)


def on_post_build(config: MkDocsConfig) -> None:
    root = _root(config)
    site = Path(config.site_dir)
    fonts = site / typeface.SITE_FOLDER
    fonts.mkdir(parents=True, exist_ok=True)
    link_or_copy(os.path.join(root, PRETENDARD_LICENCE), str(fonts / "LICENSE.txt"))
    served = fonts / typeface.SITE_FILE
    if book_state.state.serving:
        link_or_copy(os.path.join(root, PRETENDARD_WHOLE), str(served))
    else:
        started = time.perf_counter()
        cache = Path(os.environ.get(CACHE_VARIABLE) or os.path.join(root, ".cache", "fonts"))
        characters = typeface.site_characters(site, cache)
        data, cached = typeface.cached_subset(Path(root) / PRETENDARD, characters, cache)
        served.write_bytes(data)
        removed = cache_files.prune(str(cache))
        if removed:
            log.info(strings.CACHE_PRUNED.format(what="Pretendard", days=cache_files.UNUSED_DAYS, count=removed))
        log.info(strings.TYPEFACE_SUBSET.format(characters=len(characters), kilobytes=round(len(data) / 1e3),
                                                cached=strings.TYPEFACE_FROM_CACHE if cached else "",
                                                seconds=time.perf_counter() - started))
    panzoom_target = os.path.join(config.site_dir, SITE_PANZOOM)
    os.makedirs(os.path.dirname(panzoom_target), exist_ok=True)
    link_or_copy(os.path.join(root, PANZOOM), panzoom_target)


def on_env(env, config: MkDocsConfig, files):
    # The viewer's and the scroll hint's words, for partials/book-reading.html.
    env.globals["book_reading_words"] = strings.READING_WORDS
    return env

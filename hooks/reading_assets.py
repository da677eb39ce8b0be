"""Serves the reading assets from the site itself, from the versions pinned in package-lock.json:
the Pretendard typeface as its dynamic subsets, and Panzoom for the full-screen viewer.

Pretendard's own stylesheet declares 92 ``@font-face`` slices of one variable font, each with
its ``unicode-range``, so a page fetches only the slices its text uses (a chapter: a few
hundred KB instead of the 2 MB of the whole font). The book's Jekyll site loaded the same
files from a CDN; here they are copied from the npm package, as ``hooks/mermaid.py`` does for
Mermaid, and ``overrides/assets/stylesheets/reading.css`` puts the family first.
"""

from __future__ import annotations

import os
import re
import shutil

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from book import strings

PRETENDARD = os.path.join("node_modules", "pretendard", "dist", "web", "variable")
PRETENDARD_CSS = "pretendardvariable-dynamic-subset.css"
PRETENDARD_FONTS = "woff2-dynamic-subset"
PANZOOM = os.path.join("node_modules", "@panzoom", "panzoom", "dist", "panzoom.min.js")

SITE_FONTS = os.path.join("assets", "vendor", "pretendard")
SITE_PANZOOM = os.path.join("assets", "vendor", "panzoom", "panzoom.min.js")

# The slice comments and indentation are half of Pretendard's 56 KB stylesheet, which every
# page loads before it paints; the licence comment at the top is kept.
_SLICE_COMMENT = re.compile(r"/\* \[\d+\] \*/")
_SPACE = re.compile(r"\s*([{};:,])\s*")


def _root(config: MkDocsConfig) -> str:
    return os.path.dirname(os.path.abspath(config.config_file_path))


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = _root(config)
    for needed in (os.path.join(PRETENDARD, PRETENDARD_CSS), PANZOOM):
        if not os.path.isfile(os.path.join(root, needed)):
            raise PluginError(f"{needed} is missing: run 'make build' (or 'npm ci') to install it")
    return config


def compact_font_css(text: str) -> str:
    licence_end = text.index("*/") + 2 if text.startswith("/*") else 0
    body = _SPACE.sub(r"\1", _SLICE_COMMENT.sub("", text[licence_end:]))
    return text[:licence_end] + "\n" + " ".join(body.split()) + "\n"


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
    fonts_source = os.path.join(root, PRETENDARD)
    fonts_target = os.path.join(config.site_dir, SITE_FONTS)
    os.makedirs(os.path.join(fonts_target, PRETENDARD_FONTS), exist_ok=True)
    with open(os.path.join(fonts_source, PRETENDARD_CSS), encoding="utf-8") as source:
        css = compact_font_css(source.read())
    with open(os.path.join(fonts_target, PRETENDARD_CSS), "w", encoding="utf-8") as target:
        target.write(css)
    for name in os.listdir(os.path.join(fonts_source, PRETENDARD_FONTS)):
        if name.endswith(".woff2"):
            link_or_copy(os.path.join(fonts_source, PRETENDARD_FONTS, name),
                          os.path.join(fonts_target, PRETENDARD_FONTS, name))
    panzoom_target = os.path.join(config.site_dir, SITE_PANZOOM)
    os.makedirs(os.path.dirname(panzoom_target), exist_ok=True)
    link_or_copy(os.path.join(root, PANZOOM), panzoom_target)


def on_env(env, config: MkDocsConfig, files):
    # The viewer's and the scroll hint's words, for partials/book-reading.html.
    env.globals["book_reading_words"] = strings.READING_WORDS
    return env

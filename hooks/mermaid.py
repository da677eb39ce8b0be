"""Serves Mermaid from the site itself, from the version pinned in package-lock.json.

Material draws diagrams through ``window.mermaid`` and fetches Mermaid from a CDN when it is
missing; ``overrides/assets/javascripts/mermaid-loader.js`` stands in for it and imports
these files on the first diagram.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

DIST = os.path.join("node_modules", "mermaid", "dist")
ENTRY = "mermaid.esm.min.mjs"
CHUNKS = os.path.join("chunks", "mermaid.esm.min")
SITE_FOLDER = "assets/vendor/mermaid"


def _dist(config: MkDocsConfig) -> str:
    return os.path.join(os.path.dirname(os.path.abspath(config.config_file_path)), DIST)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not os.path.isfile(os.path.join(_dist(config), ENTRY)):
        raise PluginError(f"{DIST}/{ENTRY} is missing: run 'make build' (or 'npm ci') to install Mermaid")
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    dist = _dist(config)
    # Only the ES module build: a page fetches the chunks its diagram types need, not the
    # whole library, and source maps stay out of the site.
    names = [ENTRY] + [
        f"{CHUNKS}/{name}".replace(os.sep, "/")
        for name in sorted(os.listdir(os.path.join(dist, CHUNKS)))
        if name.endswith(".mjs")
    ]
    for name in names:
        files.append(File.generated(config, f"{SITE_FOLDER}/{name}", abs_src_path=os.path.join(dist, name)))
    return files

"""Keeps the theme's compiled templates from one build to the next.

MkDocs makes a new Jinja environment for every build, and so compiles Material's templates
again each time: about 0.15 s of every build and of every preview reload of this book
(`make bench`). Jinja's own bytecode cache keeps the compiled code in .cache/templates and
checks it against each template's source, so an upgraded theme or an edited override is
compiled afresh. Only the theme's templates go there; the book's pages are never cached.
"""

from __future__ import annotations

import logging
import os

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

CACHE_FOLDER = os.path.join(".cache", "templates")
log = logging.getLogger("mkdocs.hooks.book")


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    folder = os.path.join(os.path.dirname(os.path.abspath(config.config_file_path)), CACHE_FOLDER)
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as error:  # a read-only checkout still builds, only slower
        log.debug("no template cache: %s", error)
        return env
    env.bytecode_cache = _TemplateCache(folder)
    return env


class _TemplateCache(jinja2.FileSystemBytecodeCache):
    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError as error:  # e.g. .cache removed while `make serve` runs: compile next time
            log.debug("template not cached: %s", error)

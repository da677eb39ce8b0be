"""The site's 404 page, in Korean (overrides/404.html).

Material's own says "404 - Not found". The page's words come from book/strings.py like
every other Korean string of the site, so the template reads them from there.
"""

from __future__ import annotations

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from book import strings


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    env.globals["book_strings"] = strings
    return env

"""The authors' Jekyll repository as docs/: reads its _config.yml (through book.jekyll, as
`make check` does), fills in the site's name and description from it, leaves Jekyll's own
files and the paths it excludes out of the site, and notes the SVGs a browser cannot draw."""

from __future__ import annotations

import os
from pathlib import Path

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

import book_state
from book.jekyll import book_site
from book.sources import read_page
from book.svg import svg_problem


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    project_dir = os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml"))
    settings = config.extra.get("book") or {}
    site = book_site(Path(config.docs_dir), Path(project_dir), settings, book_state.docs_prefix(config))
    book_state.state.site = site
    if not config.site_name:
        config.site_name = site.jekyll.title or _home_title(config) or os.path.basename(config.docs_dir)
    if config.site_description is None and site.jekyll.description:
        config.site_description = site.jekyll.description
    if not config.copyright and site.jekyll.footer:
        config.copyright = str(escape(site.jekyll.footer))  # Material places it as HTML
    if site.jekyll.back_to_top is False and "navigation.top" in config.theme.get("features", []):
        config.theme["features"] = [f for f in config.theme["features"] if f != "navigation.top"]
    # For overrides/main.html (<meta name="robots"> on every page, as the authors asked) and
    # overrides/partials/top.html (the back-to-top button's words).
    config.extra["book_robots"] = site.robots
    config.extra["book_back_to_top_text"] = site.jekyll.back_to_top_text
    return config


@event_priority(110)  # before the book is read: what is not published is not checked either
def on_files(files: Files, config: MkDocsConfig) -> Files:
    site = book_state.state.site
    bad_svgs = book_state.state.bad_svgs = {}
    for file in list(files):
        if not site.publishes(file.src_uri):
            files.remove(file)
        elif file.src_uri.lower().endswith(".svg") and file.abs_src_path:
            with open(file.abs_src_path, "rb") as handle:
                problem = svg_problem(handle.read())
            if problem is not None:
                bad_svgs[file.src_uri] = problem  # a finding at each chapter line that shows it
                if problem.repaired is not None:  # published repaired; the source stays as it is
                    files.remove(file)
                    files.append(File.generated(config, file.src_uri, content=problem.repaired))
    return files


def _home_title(config: MkDocsConfig) -> str | None:
    """Without a site name anywhere, the home page's title names the site."""
    home = os.path.join(config.docs_dir, "index.md")
    if not os.path.isfile(home):
        return None
    with open(home, "rb") as handle:
        title = read_page("index.md", handle.read()).front.data.get("title")
    return str(title).strip() if title else None

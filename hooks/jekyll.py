"""The authors' Jekyll repository as docs/: what its _config.yml says (read by
``book_state.read_site`` through book.jekyll, as `make check` reads it) fills in the site's
name, description and footer; Jekyll's own files and the paths it excludes are left out of
the site; the SVGs a browser cannot draw are noted. Called from hooks/book_build.py."""

from __future__ import annotations

import os

from book.jekyll import BookSite
from book.sources import read_page
from book.svg import SvgProblem, svg_problem
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files


def configure_site(config: MkDocsConfig, site: BookSite) -> None:
    """``on_config``: the settings mkdocs.yml leaves to the Jekyll configuration."""
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


def publish_only_the_book(files: Files, config: MkDocsConfig, site: BookSite) -> dict[str, SvgProblem]:
    """``on_files``, before the book is read (what is not published is not checked either):
    leaves out what Jekyll would not publish, and returns the SVGs a browser cannot draw,
    by src_uri; one that escaping a bare '&' mends is published mended, never changed at
    its source."""
    bad_svgs: dict[str, SvgProblem] = {}
    for file in list(files):
        if not site.publishes(file.src_uri):
            files.remove(file)
        elif file.src_uri.lower().endswith(".svg") and file.abs_src_path:
            with open(file.abs_src_path, "rb") as handle:
                problem = svg_problem(handle.read())
            if problem is not None:
                bad_svgs[file.src_uri] = problem  # a finding at each chapter line that shows it
                if problem.repaired is not None:
                    files.remove(file)
                    files.append(File.generated(config, file.src_uri, content=problem.repaired))
    return bad_svgs


def _home_title(config: MkDocsConfig) -> str | None:
    """Without a site name anywhere, the home page's title names the site."""
    home = os.path.join(config.docs_dir, "index.md")
    if not os.path.isfile(home):
        return None
    with open(home, "rb") as handle:
        title = read_page("index.md", handle.read()).front.data.get("title")
    return str(title).strip() if title else None

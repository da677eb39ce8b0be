"""The authors' Jekyll configuration, read once for the build and for ``make check`` (spec §7).

The book is kept as a Jekyll + Just the Docs repository and dropped into ``docs/`` as it is.
What its ``_config.yml`` and ``_includes/head_custom.html`` say that a reader or an author
would still expect of the new site is read here, in one place, so that the build
(``hooks/jekyll.py``) and ``python -m book.check`` can never disagree:

* ``baseurl``: where the old site lived (``/agent-revolution``); absolute links under it
  are links into the book. ``extra.book.legacy_base`` in mkdocs.yml overrides it.
* ``exclude`` / ``include``, and Jekyll's own rule that names starting with ``_`` or ``.``
  (``_config.yml``, ``_includes/``, ``_layouts/``, ``_sass/``) and ``Gemfile*`` are never
  published: such files are neither published nor checked.
* ``title`` and ``description``: the defaults for ``site_name`` and ``site_description``.
* ``<meta name="robots">`` in ``_includes/head_custom.html``: the site keeps asking search
  engines what the authors asked (``extra.book.robots`` overrides it). Only that choice is
  taken, never the authors' HTML itself (it loads a typeface from a CDN, which this site
  serves itself).
* ``_includes/footer_custom.html``: its text (not its markup) is the footer line, the
  default for ``copyright``; ``back_to_top`` / ``back_to_top_text``: Material's "back to
  top" button, and its words.

Everything else Just the Docs reads (``remote_theme``, ``color_scheme``, ``mermaid``,
``search_enabled``, ``heading_anchors``, ``back_to_top`` …) describes the old theme; README
says what the site does instead. No Jekyll library is involved: the site is not built by
Jekyll, and the few keys above are plain YAML.
"""

from __future__ import annotations

import fnmatch
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Mapping
from typing import Any

import yaml

from . import strings
from .codes import Code
from .findings import Finding

CONFIG_NAME = "_config.yml"
HEAD_CUSTOM = "_includes/head_custom.html"
FOOTER_CUSTOM = "_includes/footer_custom.html"
# Jekyll's own default exclusions (jekyll/lib/jekyll/configuration.rb), kept whatever the
# site's `exclude:` says; Gemfile* covers Gemfile.lock and a gems.rb user's Gemfile too.
DEFAULT_EXCLUDE = ("Gemfile*", "gems.rb", "gems.locked", "node_modules", "vendor", ".sass-cache",
                   ".jekyll-cache", ".jekyll-metadata", "gemfiles")
ROBOTS_META = re.compile(
    r"""<meta\s+(?=[^>]*\bname\s*=\s*["']?robots\b)[^>]*\bcontent\s*=\s*(?P<q>["'])(?P<content>[^"']*)(?P=q)""",
    re.I,
)
TAG = re.compile(r"<[^>]*>")
COMMENT = re.compile(r"<!--.*?-->", re.S)


@dataclass(frozen=True)
class JekyllSite:
    """What the authors' Jekyll repository configures; empty when there is none."""

    config_path: str | None = None  # as findings name it: "docs/_config.yml"
    baseurl: str | None = None  # "/agent-revolution", without a trailing slash
    title: str | None = None
    description: str | None = None
    exclude: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    robots: str | None = None  # the content of head_custom.html's <meta name="robots">
    footer: str | None = None  # the text of footer_custom.html, without its markup
    back_to_top: bool | None = None
    back_to_top_text: str | None = None
    findings: tuple[Finding, ...] = ()

    def publishes(self, src_uri: str) -> bool:
        """Whether Jekyll would publish this file of the docs folder (a POSIX path in it)."""
        if _matches(src_uri, self.include):
            return True
        if _matches(src_uri, self.exclude) or _matches(src_uri, DEFAULT_EXCLUDE):
            return False
        return not any(part[:1] in ("_", ".", "#") or part.endswith("~") for part in src_uri.split("/"))


@dataclass(frozen=True)
class BookSite:
    """The site-wide settings of the book, from mkdocs.yml's ``extra.book`` over the Jekyll
    configuration: the one answer both the build and ``make check`` use."""

    jekyll: JekyllSite = field(default_factory=JekyllSite)
    legacy_base: str | None = None
    robots: str | None = None

    def publishes(self, src_uri: str) -> bool:
        return self.jekyll.publishes(src_uri)


def book_site(docs_dir: Path, project_dir: Path, book_settings: Mapping[str, Any] | None = None,
              docs_prefix: str = "docs") -> BookSite:
    """The book's settings: ``_config.yml`` in the docs folder (or beside mkdocs.yml in
    ``project_dir``), overridden by mkdocs.yml's ``extra.book`` keys."""
    settings = book_settings or {}
    jekyll = read_jekyll(docs_dir, project_dir, docs_prefix)
    legacy_base = settings.get("legacy_base") or jekyll.baseurl
    robots = settings.get("robots") if "robots" in settings else jekyll.robots
    return BookSite(jekyll, str(legacy_base) if legacy_base else None, str(robots) if robots else None)


def read_jekyll(docs_dir: Path, project_dir: Path, docs_prefix: str = "docs") -> JekyllSite:
    for folder, prefix in ((docs_dir, docs_prefix), (project_dir, "")):
        config = folder / CONFIG_NAME
        if config.is_file():
            path = f"{prefix}/{CONFIG_NAME}" if prefix else CONFIG_NAME
            head, footer = (folder / HEAD_CUSTOM, folder / FOOTER_CUSTOM)
            beside = folder != docs_dir  # excludes then name the docs folder's files from above it
            return parse_jekyll(config.read_bytes(), path, _read(head), docs_prefix if beside else "", _read(footer))
    return JekyllSite()


def parse_jekyll(raw: bytes, path: str, head_html: str = "", docs_prefix: str = "",
                 footer_html: str = "") -> JekyllSite:
    """``_config.yml`` (and the text of head_custom.html and footer_custom.html) as the book's
    settings; bad input is a finding at its line, and the book builds as if the key were absent."""
    text = raw.decode("utf-8-sig", errors="replace")
    findings: list[Finding] = []
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        # An unclosed bracket or quote is reported where it was opened, not at the file's end.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        findings.append(Finding(path, mark.line + 1 if mark else 1, Code.JEKYLL_CONFIG_YAML,
                                strings.JEKYLL_CONFIG_YAML.format(problem=problem)))
        data = {}
    if not isinstance(data, dict):
        if data is not None:
            findings.append(Finding(path, 1, Code.JEKYLL_CONFIG_YAML, strings.JEKYLL_CONFIG_NOT_MAPPING))
        data = {}

    def line_of(key: str) -> int:
        found = re.search(rf"^{re.escape(key)}\s*:", text, re.M)
        return text.count("\n", 0, found.start()) + 1 if found else 1

    def text_value(key: str) -> str | None:
        value = data.get(key)
        if value is None or isinstance(value, str):
            return value.strip() if value else None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        findings.append(Finding(path, line_of(key), Code.JEKYLL_CONFIG_VALUE,
                                strings.JEKYLL_CONFIG_NOT_TEXT.format(key=key, kind=type(value).__name__)))
        return None

    def paths(key: str) -> tuple[str, ...]:
        value = data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            findings.append(Finding(path, line_of(key), Code.JEKYLL_CONFIG_VALUE,
                                    strings.JEKYLL_CONFIG_NOT_PATHS.format(key=key)))
            return ()
        prefix = docs_prefix.strip("/") + "/" if docs_prefix else ""
        return tuple(item.strip().strip("/").removeprefix(prefix) for item in value if item.strip().strip("/"))

    baseurl = text_value("baseurl")
    robots = ROBOTS_META.search(head_html)
    back_to_top = data.get("back_to_top")
    if back_to_top is not None and not isinstance(back_to_top, bool):
        findings.append(Finding(path, line_of("back_to_top"), Code.JEKYLL_CONFIG_VALUE,
                                strings.JEKYLL_CONFIG_NOT_BOOL.format(key="back_to_top")))
        back_to_top = None
    footer = " ".join(html.unescape(TAG.sub(" ", COMMENT.sub(" ", footer_html))).split())
    return JekyllSite(
        config_path=path,
        baseurl="/" + baseurl.strip("/") if baseurl and baseurl.strip("/") else None,
        title=text_value("title"),
        description=text_value("description"),
        exclude=paths("exclude"),
        include=paths("include"),
        robots=" ".join(robots["content"].split()) if robots else None,
        footer=footer or None,
        back_to_top=back_to_top,
        back_to_top_text=text_value("back_to_top_text"),
        findings=tuple(findings),
    )


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""


def _matches(src_uri: str, patterns: tuple[str, ...]) -> bool:
    # Jekyll matches an entry against the path and each folder above it, as a glob.
    parts = src_uri.split("/")
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    return any(fnmatch.fnmatchcase(prefix, pattern) for pattern in patterns for prefix in prefixes)

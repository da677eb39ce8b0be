"""``python -m book.check DOCS_DIR``: the book's checks without building HTML.

Prints one ``path:line: code message`` line per finding and exits 1 when any is an
error (with ``--strict``, a warning too), 2 when the folder cannot be read.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

import yaml

from .analysis import BookAnalysis, analyse_book
from . import strings
from .findings import Finding, Severity, has_errors, sorted_findings
from .headings import TocSettings, toc_settings
from .jekyll import BookSite, book_site
from .sources import SourcePage, read_page
from .svg import svg_problem


def read_docs(docs_dir: Path, prefix: str | None = None, site: BookSite | None = None) -> list[SourcePage]:
    """Every published Markdown file under the folder, in a stable order, named relative to
    ``prefix``; Jekyll's files and the paths ``_config.yml`` excludes are not the book's."""
    prefix = docs_dir.as_posix().rstrip("/") if prefix is None else prefix
    site = site or BookSite()
    files = sorted(p for p in docs_dir.rglob("*.md") if p.is_file())
    uris = ((p, p.relative_to(docs_dir).as_posix()) for p in files)
    return [read_page(uri, p.read_bytes(), prefix) for p, uri in uris if site.publishes(uri)]


def check(docs_dir: Path, site: BookSite | None = None, toc: TocSettings | None = None) -> BookAnalysis:
    site = site or BookSite()
    paths = {uri: p for p in docs_dir.rglob("*") if p.is_file()
             if site.publishes(uri := p.relative_to(docs_dir).as_posix())}
    bad_svgs = {uri: problem for uri, p in paths.items() if uri.lower().endswith(".svg")
                if (problem := svg_problem(p.read_bytes())) is not None}
    return analyse_book(read_docs(docs_dir, site=site), set(paths), site.legacy_base, toc, site.jekyll.findings,
                        bad_svgs)


class _LenientLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for its plain settings; MkDocs' own tags (!ENV, !!python/…) become None."""


_LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)


class _ProjectLoader(yaml.UnsafeLoader):
    """Reads mkdocs.yml as MkDocs does for the Python objects it names (the toc extension's
    slugify): the project's own file, which MkDocs runs anyway. Its own tags become None."""


_ProjectLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def toc_of(config_file: Path) -> TocSettings:
    """The toc extension's settings in mkdocs.yml, so `make check` predicts the ids the
    build gives headings; toc's defaults when the file cannot be read."""
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ProjectLoader) or {}
    except (OSError, yaml.YAMLError, ImportError, AttributeError, TypeError):
        return toc_settings(None)
    extensions = config.get("markdown_extensions") if isinstance(config, dict) else None
    for extension in extensions or []:
        if isinstance(extension, dict) and isinstance(extension.get("toc"), dict):
            return toc_settings(extension["toc"])
    return toc_settings(None)


def book_settings(config_file: Path) -> dict[str, Any]:
    """The ``extra.book`` settings of mkdocs.yml, shared by the build and this command."""
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_LenientLoader) or {}
    except (OSError, yaml.YAMLError):
        return {}
    book = (config.get("extra") or {}).get("book") if isinstance(config, dict) else None
    return book if isinstance(book, dict) else {}


ANNOTATION_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def workflow_annotation(finding: Finding) -> str:
    """The finding as a GitHub Actions workflow command: ``::error file=…,line=…::…``."""
    def data(text: str) -> str:
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def prop(text: str) -> str:
        return data(text).replace(":", "%3A").replace(",", "%2C")

    return (f"::{ANNOTATION_LEVELS[finding.severity]} file={prop(finding.path)},line={finding.line},"
            f"title={prop(str(finding.code))}::{data(finding.message)}")


def diagram_findings(analysis: BookAnalysis, project_root: Path) -> tuple[list[Finding], str]:
    """Each diagram drawn by the renderer the build uses (cached alike); the findings, or
    why diagrams could not be checked on this machine."""
    from .mermaid_browser import MermaidBrowser, failure_reason, find_renderer
    from .prerender import DiskCache, book_diagrams, render_all

    diagrams = book_diagrams(analysis)
    if not diagrams:
        return [], ""
    renderer = find_renderer(str(project_root))
    if not renderer.available or renderer.chromium is None or renderer.setup is None:
        return [], renderer.reason
    folder = os.environ.get("BOOK_DIAGRAM_CACHE") or str(project_root / ".cache" / "diagrams")
    browser = MermaidBrowser(renderer.chromium, renderer.setup)
    try:
        return render_all(diagrams, DiskCache(folder), renderer.fingerprint, browser.render).findings, ""
    except Exception as error:  # noqa: BLE001  (a browser that will not start is a reason, not a crash)
        return [], failure_reason(error)
    finally:
        browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m book.check", description=__doc__.split("\n")[0])
    parser.add_argument("docs_dir", nargs="?", default="docs", type=Path)
    parser.add_argument("--strict", action="store_true", help="warnings fail too, as in mkdocs build --strict")
    parser.add_argument("--quiet", action="store_true", help="do not print info-level findings")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"),
                        help="mkdocs.yml whose extra.book settings apply over docs/_config.yml (default: ./mkdocs.yml)")
    args = parser.parse_args(argv)
    if not args.docs_dir.is_dir():
        print(strings.CHECK_NOT_A_FOLDER.format(path=args.docs_dir), file=sys.stderr)
        return 2
    prefix = args.docs_dir.as_posix().rstrip("/")
    site = book_site(args.docs_dir, args.config.parent, book_settings(args.config), prefix)
    analysis = check(args.docs_dir, site, toc_of(args.config))
    drawn, not_checked = diagram_findings(analysis, args.config.resolve().parent)
    if not_checked:
        print(strings.DIAGRAMS_NOT_CHECKED.format(reason=not_checked), file=sys.stderr)
    findings = sorted_findings(analysis.findings + drawn)
    in_github_actions = os.environ.get("GITHUB_ACTIONS") == "true"
    for finding in findings:
        if args.quiet and finding.severity is Severity.INFO:
            continue
        print(finding)
        if in_github_actions:  # shown on the line of the pull request's diff
            print(workflow_annotation(finding))
    errors = sum(f.severity is Severity.ERROR for f in findings)
    warnings = sum(f.severity is Severity.WARNING for f in findings)
    authored = len(analysis.pages) - len(analysis.generated)
    print(strings.CHECK_SUMMARY.format(pages=authored, errors=errors, warnings=warnings), file=sys.stderr)
    return 1 if has_errors(findings, strict=args.strict) else 0


if __name__ == "__main__":
    sys.exit(main())

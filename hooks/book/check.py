"""``python -m book.check DOCS_DIR``: the book's checks without building HTML.

Prints one ``path:line: code message`` line per finding and exits 1 when any is an
error (with ``--strict``, a warning too), 2 when the folder cannot be read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from .analysis import BookAnalysis, analyse_book
from .findings import Finding, Severity, has_errors, sorted_findings
from .sources import read_page


def read_docs(docs_dir: Path, prefix: str | None = None) -> list:
    """Every Markdown file under the folder, in a stable order, named relative to ``prefix``."""
    prefix = docs_dir.as_posix().rstrip("/") if prefix is None else prefix
    files = sorted(p for p in docs_dir.rglob("*.md") if p.is_file())
    return [read_page(p.relative_to(docs_dir).as_posix(), p.read_bytes(), prefix) for p in files]


def check(docs_dir: Path, legacy_base: str | None = None) -> BookAnalysis:
    files = {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*") if p.is_file()}
    return analyse_book(read_docs(docs_dir), files, legacy_base)


class _LenientLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for its plain settings; MkDocs' own tags (!ENV, !!python/…) become None."""


_LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def book_settings(config_file: Path) -> dict:
    """The ``extra.book`` settings of mkdocs.yml, shared by the build and this command."""
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_LenientLoader) or {}
    except (OSError, yaml.YAMLError):
        return {}
    book = (config.get("extra") or {}).get("book") if isinstance(config, dict) else None
    return book if isinstance(book, dict) else {}


def diagram_findings(analysis: BookAnalysis, project_root: Path) -> tuple[list[Finding], str]:
    """Each diagram drawn by the renderer the build uses (cached alike); the findings, or
    why diagrams could not be checked on this machine."""
    import os

    from .mermaid_browser import MermaidBrowser, find_renderer
    from .prerender import DiskCache, book_diagrams, render_all

    diagrams = book_diagrams(analysis)
    if not diagrams:
        return [], ""
    renderer = find_renderer(str(project_root))
    if not renderer.available:
        return [], renderer.reason
    folder = os.environ.get("BOOK_DIAGRAM_CACHE") or str(project_root / ".cache" / "diagrams")
    browser = MermaidBrowser(renderer.chromium, renderer.setup)
    try:
        return render_all(diagrams, DiskCache(folder), renderer.fingerprint, browser.render).findings, ""
    except Exception as error:  # noqa: BLE001  (a browser that will not start is a reason, not a crash)
        return [], f"Chromium failed ({str(error).splitlines()[0] if str(error) else type(error).__name__})"
    finally:
        browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m book.check", description=__doc__.split("\n")[0])
    parser.add_argument("docs_dir", nargs="?", default="docs", type=Path)
    parser.add_argument("--strict", action="store_true", help="warnings fail too, as in mkdocs build --strict")
    parser.add_argument("--quiet", action="store_true", help="do not print info-level findings")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"),
                        help="mkdocs.yml whose extra.book settings apply (default: ./mkdocs.yml)")
    args = parser.parse_args(argv)
    if not args.docs_dir.is_dir():
        print(f"{args.docs_dir}: not a folder of chapters", file=sys.stderr)
        return 2
    analysis = check(args.docs_dir, book_settings(args.config).get("legacy_base"))
    drawn, not_checked = diagram_findings(analysis, args.config.resolve().parent)
    if not_checked:
        print(f"Diagrams were not checked: {not_checked}", file=sys.stderr)
    analysis.findings = sorted_findings(analysis.findings + drawn)
    for finding in analysis.findings:
        if args.quiet and finding.severity is Severity.INFO:
            continue
        print(finding)
    errors = sum(f.severity is Severity.ERROR for f in analysis.findings)
    warnings = sum(f.severity is Severity.WARNING for f in analysis.findings)
    authored = len(analysis.pages) - len(analysis.generated)
    print(f"{authored} pages checked: {errors} errors, {warnings} warnings", file=sys.stderr)
    return 1 if has_errors(analysis.findings, strict=args.strict) else 0


if __name__ == "__main__":
    sys.exit(main())

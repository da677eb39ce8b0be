"""Shared helpers: real MkDocs builds of small books, a local web server, Debian's Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MKDOCS = Path(sys.executable).parent / "mkdocs"
# Debian's chromium here and in .ci/run; CHROMIUM names another build (e.g. on GitHub's runners).
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@dataclass
class BuildResult:
    project: Path
    returncode: int
    log: str

    @property
    def site(self) -> Path:
        return self.project / "site"

    def html(self, page: str) -> str:
        return (self.site / page).read_text(encoding="utf-8")


def make_project(where: Path, docs: Path | None = None) -> Path:
    """A copy of this project around another docs/ folder: same mkdocs.yml, hooks, assets."""
    where.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", where / "mkdocs.yml")
    for shared in ("hooks", "overrides", "node_modules"):
        (where / shared).symlink_to(ROOT / shared)
    shutil.copytree(docs or ROOT / "docs", where / "docs")
    return where


def copy_fixture_book(where: Path) -> Path:
    """A copy of tests/fixtures/book to plant defects in; the fixture itself stays clean."""
    docs = where / "source"
    shutil.copytree(FIXTURES / "book", docs)
    return docs


def plant(docs: Path, name: str, old: str, new: str) -> None:
    """Replace ``old`` (which must be there) by ``new`` in one chapter of a copied book."""
    path = docs / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def build(project: Path, *, strict: bool = True, **environment: str) -> BuildResult:
    """``mkdocs build`` as the Makefile runs it, in a child process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": "", **environment}
    command = [str(MKDOCS), "build"] + (["--strict"] if strict else [])
    done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=300)
    return BuildResult(project, done.returncode, done.stdout + done.stderr)


def run_check(project: Path, *options: str) -> subprocess.CompletedProcess:
    """``make check``'s command, in a project: ``python -m book.check docs``."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks")}
    return subprocess.run([sys.executable, "-m", "book.check", "docs", *options], cwd=project,
                          capture_output=True, text=True, env=env, timeout=120)


def printed_findings(done: subprocess.CompletedProcess) -> list[str]:
    """Each printed finding as 'path:line: code', without its message."""
    return [" ".join(line.split(" ")[:2]) for line in done.stdout.splitlines()]


@pytest.fixture(scope="session")
def fixture_book(tmp_path_factory) -> BuildResult:
    result = build(make_project(tmp_path_factory.mktemp("fixture-book"), FIXTURES / "book"))
    assert result.returncode == 0, result.log
    return result


@pytest.fixture(scope="session")
def real_book(tmp_path_factory) -> BuildResult:
    result = build(make_project(tmp_path_factory.mktemp("real-book")))
    assert result.returncode == 0, result.log
    return result


class _PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site as GitHub Pages does: a missing address gets the site's 404.html."""

    def log_message(self, *args) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.is_file():
            super().send_error(code, message, explain)
            return
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve(folder: Path):
    """A static web server on 127.0.0.1 for a built site; yields its base URL."""
    handler = functools.partial(_PagesHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def real_site_url(real_book):
    yield from serve(real_book.site)


@pytest.fixture(scope="session")
def fixture_site_url(fixture_book):
    yield from serve(fixture_book.site)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright without any browser download."""
    if CHROMIUM is None:
        pytest.skip("no Chromium on this machine: apt-get install chromium (CI does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@dataclass
class Visit:
    page: object
    foreign_requests: list
    console_errors: list


@pytest.fixture
def offline_page(browser):
    """A page whose every request to another host is refused and recorded."""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    visit = Visit(page, [], [])

    def route(route):
        host = route.request.url.split("/")[2] if "://" in route.request.url else ""
        if host.split(":")[0] in ("127.0.0.1", "localhost") or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            visit.foreign_requests.append(route.request.url)
            route.abort()

    page.route("**/*", route)
    page.on("console", lambda message: message.type == "error" and visit.console_errors.append(message.text))
    page.on("pageerror", lambda error: visit.console_errors.append(str(error)))
    yield visit
    context.close()


# Diagrams drawn at build time (hooks/diagrams.py) are cached by content: every build and
# `make check` of the session shares one cache, so each diagram is drawn once. A test that
# needs a cold cache passes BOOK_DIAGRAM_CACHE itself.
DIAGRAM_CACHE = ROOT / ".cache" / "diagrams"
os.environ.setdefault("BOOK_DIAGRAM_CACHE", str(DIAGRAM_CACHE))
# Likewise the Pretendard subsets (hooks/reading_assets.py), by the characters of each book.
os.environ.setdefault("BOOK_FONT_CACHE", str(ROOT / ".cache" / "fonts"))


# The same books built as a machine without Chromium builds them: diagrams left to Mermaid in
# the reader's browser (shadow roots), for the tests that must hold on both paths.
CLIENT_SIDE = {"CHROMIUM": "/nowhere"}


@pytest.fixture(scope="session")
def client_side_fixture_site_url(tmp_path_factory):
    result = build(make_project(tmp_path_factory.mktemp("fixture-book-client-side"), FIXTURES / "book"), **CLIENT_SIDE)
    assert result.returncode == 0 and "독자의 브라우저가 그립니다" in result.log, result.log
    yield from serve(result.site)


@pytest.fixture(scope="session")
def client_side_real_site_url(tmp_path_factory):
    result = build(make_project(tmp_path_factory.mktemp("real-book-client-side")), **CLIENT_SIDE)
    assert result.returncode == 0 and "독자의 브라우저가 그립니다" in result.log, result.log
    yield from serve(result.site)


# The authors' Jekyll repository (tests/fixtures/jekyll-book), dropped into docs/ as it is.
JEKYLL_BOOK = FIXTURES / "jekyll-book"


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with the SHA-256 of its bytes: to show a build changed none."""
    import hashlib

    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def jekyll_book(tmp_path_factory) -> BuildResult:
    """The Jekyll book built as `make serve` would (its planted defects keep a strict build from passing)."""
    return build(make_project(tmp_path_factory.mktemp("jekyll-book"), JEKYLL_BOOK), strict=False)


@pytest.fixture(scope="session")
def jekyll_book_under_subpath(tmp_path_factory) -> BuildResult:
    """Built for a GitHub Pages project site, https://user.github.io/repo/."""
    return build(make_project(tmp_path_factory.mktemp("jekyll-book-pages"), JEKYLL_BOOK), strict=False,
                 SITE_URL="https://user.github.io/repo/")


def serve_under(site: Path, subpath: str, where: Path):
    """Serves ``site`` at /<subpath>/ of a local server, as GitHub Pages serves a project site."""
    where.mkdir(parents=True, exist_ok=True)
    (where / subpath).symlink_to(site, target_is_directory=True)
    for url in serve(where):
        yield url + subpath + "/"


@pytest.fixture(scope="session")
def jekyll_site_url(jekyll_book):
    yield from serve(jekyll_book.site)

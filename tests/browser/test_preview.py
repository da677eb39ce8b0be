"""The preview banner: an author sees a page's findings in `mkdocs serve`, readers never do."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import MKDOCS, ROOT, build, copy_fixture_book, make_project, plant, serve
from pages import line_of

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def mkdocs_serve(project: Path):
    """``make serve``'s command in ``project``, without live reload; yields its base URL once
    it answers."""
    port = free_port()
    server = subprocess.Popen(
        [str(MKDOCS), "serve", "--dev-addr", f"127.0.0.1:{port}", "--no-livereload"],
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(url, timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("mkdocs serve did not answer")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def preview_of_broken_chapter(tmp_path, browser):
    docs = copy_fixture_book(tmp_path)
    plant(docs, "01-basics/11-agent.md", "*Figure 11-1. 에이전트의 순환*\n", "")
    project = make_project(tmp_path / "project", docs)
    with mkdocs_serve(project) as url:
        yield url, project


def test_serve_shows_the_pages_findings_at_its_top(offline_page, preview_of_broken_chapter):
    url, project = preview_of_broken_chapter
    offline_page.page.goto(url + "01-basics/11-agent/")
    banner = offline_page.page.locator("article .book-findings")
    banner.wait_for()
    fence = line_of((project / "docs/01-basics/11-agent.md").read_text(encoding="utf-8"), "```mermaid")
    text = banner.inner_text()
    assert f"{fence}행" in text and "Mermaid 그림에 캡션이 없습니다" in text
    assert offline_page.page.evaluate(
        "document.querySelector('article').firstElementChild.classList.contains('book-findings')"
    ) or offline_page.page.evaluate(
        "document.querySelector('article h1').nextElementSibling.classList.contains('book-findings')"
    )
    # the banner passes axe: a live region (role=status) on an element that allows it (#21)
    offline_page.page.add_script_tag(path=str(ROOT / "node_modules/axe-core/axe.min.js"))
    violations = offline_page.page.evaluate("""async () => (await axe.run(".book-findings", {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } }))
        .violations.map(v => v.id)""")
    assert violations == [] and banner.get_attribute("role") == "status"
    # a page without findings has no banner in the same preview
    offline_page.page.goto(url + "01-basics/12-tools/")
    offline_page.page.wait_for_load_state("networkidle")
    assert offline_page.page.locator(".book-findings").count() == 0


def test_a_built_site_never_shows_the_banner(offline_page, preview_of_broken_chapter):
    _, project = preview_of_broken_chapter
    result = build(project, strict=False)
    assert result.returncode == 0 and "figure-missing-caption" in result.log
    for url in serve(result.site):
        offline_page.page.goto(url + "01-basics/11-agent/")
        offline_page.page.wait_for_load_state("networkidle")
        assert offline_page.page.locator("article h1").count() == 1
        assert offline_page.page.locator(".book-findings").count() == 0


def test_the_preview_serves_the_whole_typeface_and_makes_no_subset(preview_of_broken_chapter):
    # An author's new syllable shows in Pretendard at once: `make serve` serves the whole font
    # (hooks/reading_assets.py), under the address every page's stylesheet names.
    url, project = preview_of_broken_chapter
    with urllib.request.urlopen(url + "assets/vendor/pretendard/PretendardVariable.book.woff2", timeout=10) as font:
        served = font.read()
    whole = ROOT / "node_modules/pretendard/dist/web/variable/woff2/PretendardVariable.woff2"
    assert served == whole.read_bytes()
    with urllib.request.urlopen(url + "assets/stylesheets/book.bundle.css", timeout=10) as bundle:
        assert "PretendardVariable.book.woff2" in bundle.read().decode("utf-8")

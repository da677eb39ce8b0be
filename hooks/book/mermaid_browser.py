"""Draws Mermaid diagrams in Debian's Chromium, driven by Playwright: the one part of the
build that is not pure. ``book.prerender`` decides what to draw and what becomes of it.

The page Mermaid draws in is made to measure text as the reader's page will: Pretendard
Variable, the family the site serves (as a subset of this same variable font), is
loaded whole from the npm package before the first diagram, and the
diagram's colours are Material's CSS variables (its own ``themeCSS`` for Mermaid), so one
SVG serves the light and the dark palette. Mermaid runs from ``node_modules``, served to the
page under a made-up origin; nothing is fetched from the network.

Why a font loaded into the page rather than a subset embedded in each SVG: the reader's
page already fetches Pretendard for its text (the same npm package, pinned to the same
version), so measuring with that font costs the reader nothing, where an embedded subset
would add tens of kilobytes of font to every diagram of a chapter.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from dataclasses import dataclass
from collections.abc import Sequence
from typing import Any

from . import strings
from .prerender import FONT_FAMILY, PRETENDARD_FAMILY

ORIGIN = "http://book-diagrams.invalid"
MERMAID_SCRIPT = os.path.join("mermaid", "dist", "mermaid.min.js")
# The variable font the site serves a subset of (book.typeface): the same outlines and
# metrics, whole, so every label is measured in the face the reader's page will show it in.
FONT_FOLDER = os.path.join("pretendard", "dist", "web", "variable", "woff2")
FONT_FILE = "PretendardVariable.woff2"
FONT_WEIGHT_RANGE = "45 920"  # as Pretendard's own @font-face declares it
# The weights a label may use, loaded before the first diagram: text, <b> and bolder titles.
FONT_WEIGHTS = (400, 600, 700)
BATCH = 40  # diagrams per call into the page; one call per diagram would be a round trip each
BROWSER_ARGUMENTS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-first-run"]


def failure_reason(error: Exception) -> str:
    """Why a browser that would not start or draw drew nothing: the first line it said."""
    return strings.CHROMIUM_FAILED.format(error=str(error).splitlines()[0] if str(error) else type(error).__name__)


def chromium_path() -> tuple[str | None, str]:
    """Debian's Chromium, or the one the CHROMIUM variable names; else None and why."""
    named = os.environ.get("CHROMIUM")
    if named:
        if os.path.isfile(named) and os.access(named, os.X_OK):
            return named, ""
        return None, strings.CHROMIUM_NOT_EXECUTABLE.format(path=named)
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    return (found, "") if found else (None, strings.NO_CHROMIUM)


@dataclass(frozen=True)
class RenderSetup:
    """Everything that shapes a rendered SVG besides its source; its fingerprint is part of
    every cache key."""

    node_modules: str
    mermaid_version: str
    configuration: dict[str, Any]
    font_digest: str

    @property
    def code(self) -> list[str]:
        with open(os.path.join(os.path.dirname(__file__), "mermaid_render.js"), encoding="utf-8") as handle:
            script = handle.read()
        with open(__file__, encoding="utf-8") as handle:
            own = handle.read()
        with open(os.path.join(os.path.dirname(__file__), "prerender.py"), encoding="utf-8") as handle:
            return [script, own, handle.read()]


def material_theme_css(material_bundle: str) -> str | None:
    """The ``themeCSS`` Material hands Mermaid (colours as Material's CSS variables), read
    from its bundle so that a new Material brings its own. None when it cannot be found."""
    with open(material_bundle, encoding="utf-8") as handle:
        bundle = handle.read()
    name = re.search(r"themeCSS:([A-Za-z_$][\w$]*)", bundle)
    if not name:
        return None
    value = re.search(r"(?:var |let |const |,)" + re.escape(name[1]) + r'="((?:[^"\\]|\\.)*)"', bundle)
    return json.loads(f'"{value[1]}"') if value else None


def render_setup(node_modules: str, theme_css: str) -> RenderSetup:
    with open(os.path.join(node_modules, "mermaid", "package.json"), encoding="utf-8") as handle:
        version = json.load(handle)["version"]
    digest = hashlib.sha256()
    with open(os.path.join(node_modules, FONT_FOLDER, FONT_FILE), "rb") as handle:
        digest.update(handle.read())
    configuration = {
        # Material's own settings for Mermaid (its bundle, `mermaid.initialize`) …
        "startOnLoad": False,
        "themeCSS": theme_css,
        "sequence": {"actorFontSize": "16px", "messageFontSize": "16px", "noteFontSize": "16px", "useMaxWidth": False},
        # … and the site's: the reader's typeface, and diagrams at their natural size, so
        # that labels keep their size and a wide diagram scrolls in its figure.
        "fontFamily": FONT_FAMILY,
        **{kind: {"useMaxWidth": False} for kind in (
            "flowchart", "class", "state", "er", "gantt", "journey", "pie", "timeline", "mindmap",
            "gitGraph", "requirement", "quadrantChart", "xyChart", "sankey", "block", "packet", "architecture")},
    }
    return RenderSetup(node_modules, version, configuration, digest.hexdigest())


class MermaidBrowser:
    """One Chromium for a whole build, started on the first diagram that needs drawing."""

    def __init__(self, chromium: str, setup: RenderSetup):
        self.chromium = chromium
        self.setup = setup
        # Playwright's objects, typed Any: Playwright is imported only when a diagram needs drawing.
        self._playwright: Any = None
        self._browser: Any = None
        self._page: Any = None

    def _start(self) -> None:
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(executable_path=self.chromium, args=BROWSER_ARGUMENTS)
        page = self._browser.new_page()
        page.route(f"{ORIGIN}/**", self._serve)
        page.goto(f"{ORIGIN}/index.html")
        page.wait_for_function("window.bookRender && window.bookRender.ready !== false", timeout=30_000)
        if page.evaluate("window.bookRender.ready") is not True:
            self.close()
            raise RuntimeError("Pretendard did not load into the page that draws the diagrams")
        self._page = page

    def _serve(self, route: Any) -> None:
        path = route.request.url[len(ORIGIN):].split("?")[0]
        if path == "/index.html":
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=self._index())
            return
        files = {"/mermaid.min.js": os.path.join(self.setup.node_modules, MERMAID_SCRIPT),
                 "/render.js": os.path.join(os.path.dirname(__file__), "mermaid_render.js")}
        files[f"/{FONT_FILE}"] = os.path.join(self.setup.node_modules, FONT_FOLDER, FONT_FILE)
        if path not in files:
            route.fulfill(status=404, body="")
            return
        route.fulfill(status=200, path=files[path])

    def _index(self) -> str:
        faces = (f'@font-face{{font-family:"{PRETENDARD_FAMILY}";font-weight:{FONT_WEIGHT_RANGE};'
                 f'src:url(/{FONT_FILE}) format("woff2-variations")}}')
        settings = json.dumps({"configuration": self.setup.configuration, "fontFamily": FONT_FAMILY,
                               "family": PRETENDARD_FAMILY, "weights": list(FONT_WEIGHTS)})
        return ("<!doctype html><html lang=ko><head><meta charset=utf-8>"
                f"<style>{faces}body{{margin:0;font-family:{FONT_FAMILY}}}</style>"
                f"<script>window.bookRenderSettings={settings}</script>"
                '<script src="/mermaid.min.js"></script><script src="/render.js"></script>'
                "</head><body><div id=out></div></body></html>")

    def render(self, diagrams: Sequence[tuple[str, str]]) -> list[dict[str, str]]:
        """Each (svg id, source) drawn: ``{"svg": …}`` or ``{"error": Mermaid's message}``."""
        if self._page is None:
            self._start()
        results: list[dict[str, str]] = []
        for start in range(0, len(diagrams), BATCH):
            batch = [{"id": ident, "text": text} for ident, text in diagrams[start:start + BATCH]]
            results += self._page.evaluate("batch => window.bookRender.draw(batch)", batch)
        return results

    def close(self) -> None:
        if self._browser is not None:
            self._browser.close()
        if self._playwright is not None:
            self._playwright.stop()
        self._playwright = self._browser = self._page = None


@dataclass(frozen=True)
class Renderer:
    """What a build needs to draw diagrams, or why it cannot (``reason``)."""

    chromium: str | None = None
    setup: RenderSetup | None = None
    fingerprint: str = ""
    reason: str = ""

    @property
    def available(self) -> bool:
        return self.setup is not None and self.chromium is not None


def find_renderer(project_root: str) -> Renderer:
    """Chromium, Playwright, Mermaid and Pretendard from node_modules, Material's themeCSS."""
    from .prerender import renderer_fingerprint

    chromium, reason = chromium_path()
    if chromium is None:
        return Renderer(reason=reason)
    import importlib.util

    # Looked up, not imported: a build whose diagrams are all cached never needs it (0.1 s).
    if importlib.util.find_spec("playwright") is None:
        return Renderer(reason=strings.NO_PLAYWRIGHT)
    node_modules = os.path.join(project_root, "node_modules")
    needed = [os.path.join(node_modules, MERMAID_SCRIPT)] + [
        os.path.join(node_modules, FONT_FOLDER, FONT_FILE)]
    missing = [path for path in needed if not os.path.isfile(path)]
    if missing:
        return Renderer(reason=strings.RENDERER_FILE_MISSING.format(path=os.path.relpath(missing[0], project_root)))
    theme_css = _material_theme_css()
    if theme_css is None:
        return Renderer(reason=strings.NO_MERMAID_COLOURS)
    setup = render_setup(node_modules, theme_css)
    fingerprint = renderer_fingerprint(setup.mermaid_version, setup.configuration, setup.font_digest, setup.code)
    return Renderer(chromium, setup, fingerprint)


def _material_theme_css() -> str | None:
    import glob
    import importlib.util

    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = os.path.join(list(spec.submodule_search_locations)[0], "templates", "assets", "javascripts")
    bundles = sorted(glob.glob(os.path.join(folder, "bundle.*.min.js")))
    return material_theme_css(bundles[0]) if bundles else None

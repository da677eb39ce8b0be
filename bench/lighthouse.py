"""Lighthouse's performance, accessibility, best-practices and SEO scores for the seed chapter,
on a phone and a desktop, as `make bench` prints them (scores belong in the bench, not in tests):
the median of LIGHTHOUSE_RUNS runs (5), with every run's performance score.

The site is served gzip-compressed, as GitHub Pages serves it, and Lighthouse (pinned in
package.json: 12.2.3, the last to run on Node 20) drives Debian's Chromium. Run alone:
``python bench/lighthouse.py [site-dir]`` (builds docs/ into a temporary folder without one).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SEED_CHAPTER = "02-literacy/27-hub/"
COMPRESSIBLE = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".txt", ".xml")


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the browser accepts it (text types), as Pages does."""

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (not path.is_file() or path.suffix not in COMPRESSIBLE
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        if not self.path.split("?")[0].endswith("/") and path.name == "index.html" and not self.path.endswith(".html"):
            return super().send_head()  # the redirect to the folder's address
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


def serve_gzip(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def chromium() -> str | None:
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def lighthouse(url: str, form_factor: str, browser: str) -> dict[str, int]:
    """One Lighthouse run: each category's score, 0-100."""
    with tempfile.TemporaryDirectory() as profile:
        command = ["node", str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
                   f"--only-categories={','.join(CATEGORIES)}",
                   f"--chrome-flags=--headless=new --no-sandbox --disable-gpu --user-data-dir={profile}"]
        if form_factor == "desktop":
            command.append("--preset=desktop")
        done = subprocess.run(command, capture_output=True, text=True, timeout=300,
                              env={**os.environ, "CHROME_PATH": browser})
    if done.returncode != 0:
        raise RuntimeError(f"lighthouse failed: {done.stderr[-2000:]}")
    report = json.loads(done.stdout)
    failed = [audit["id"] for audit in report["audits"].values()
              if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") == "binary"]
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    return {**scores, "failed_audits": failed}


# One mobile run's performance score moved by up to 8 points between identical runs here
# (its simulated phone replays this machine's timings): the bench reports the median of a few.
RUNS = int(os.environ.get("LIGHTHOUSE_RUNS", "5"))


def median_scores(runs: list[dict]) -> dict:
    """Each category's median over the runs, the performance scores of every run, and the
    audits any run failed."""
    result: dict = {name: int(statistics.median(run[name] for run in runs)) for name in CATEGORIES}
    result["performance_runs"] = [run["performance"] for run in runs]
    result["failed_audits"] = sorted({audit for run in runs for audit in run["failed_audits"]})
    return result


def seed_chapter_scores(site: Path) -> dict:
    """Lighthouse on the seed chapter, mobile and desktop; {} with a reason when it cannot run."""
    browser = chromium()
    if browser is None or not LIGHTHOUSE.is_file():
        return {"skipped": "no Chromium" if browser is None else "lighthouse is not installed: npm ci"}
    server, base = serve_gzip(site)
    try:
        return {form: median_scores([lighthouse(base + SEED_CHAPTER, form, browser) for _ in range(RUNS)])
                for form in ("mobile", "desktop")}
    finally:
        server.shutdown()
        server.server_close()


def build_seed_site(where: Path) -> Path:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    mkdocs = Path(sys.executable).parent / "mkdocs"
    subprocess.run([str(mkdocs), "build", "--quiet", "--site-dir", str(where)], cwd=ROOT, env=env, check=True)
    return where


if __name__ == "__main__":
    if len(sys.argv) > 1:
        print(json.dumps(seed_chapter_scores(Path(sys.argv[1])), ensure_ascii=False, indent=1))
    else:
        with tempfile.TemporaryDirectory() as folder:
            site = build_seed_site(Path(folder) / "site")
            print(json.dumps(seed_chapter_scores(site), ensure_ascii=False, indent=1))

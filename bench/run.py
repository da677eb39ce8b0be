"""`make bench`: the book's setup against stock Material for MkDocs on the same pages.

Prints a table and writes .bench/results.json. Figures are medians of alternating runs
(ours, stock, ours, stock …) so a drifting machine affects both alike. Never part of
`make test`: timings belong here, not in assertions.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / ".bench"
BIN = Path(sys.executable).parent
sys.path[:0] = [str(ROOT / "bench"), str(ROOT / "tests"), str(ROOT / "hooks")]

from lighthouse import CATEGORIES, seed_chapter_scores  # noqa: E402
from synthetic_book import write_book  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": ""}
ENV.pop("BOOK_DIAGRAM_CACHE", None)  # each project keeps its diagrams in its own .cache/diagrams
# An author's machine keeps Python's bytecode; a machine set not to write it would compile
# the book's hooks again in every timed build, which stock Material (bytecode from its
# wheel) never does. The warm-up run of each figure writes it.
ENV.pop("PYTHONDONTWRITEBYTECODE", None)
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
SERVE_OPTIONS = ["--dirty"]  # as `make serve` runs it
OPEN_SHADOW_ROOTS = ("const a = Element.prototype.attachShadow; Element.prototype.attachShadow = "
                     "function (i) { return a.call(this, { ...i, mode: 'open' }); };")


def project(name: str, docs: Path, stock: bool, umd_mermaid: bool = False) -> Path:
    """A project folder around ``docs``: ours (this repo's config) or stock."""
    where = BENCH / name
    drawn, kept = where / ".cache" / "diagrams", BENCH / f".diagrams-{name}"
    if drawn.is_dir():  # the diagrams a previous run drew: the warm builds start from them
        shutil.rmtree(kept, ignore_errors=True)
        drawn.rename(kept)
    shutil.rmtree(where, ignore_errors=True)
    where.mkdir(parents=True)
    if kept.is_dir():
        (where / ".cache").mkdir()
        kept.rename(drawn)
    shutil.copytree(docs, where / "docs")  # a copy: `mkdocs serve` does not watch through a link
    if stock:
        config = (ROOT / "bench/stock-mkdocs.yml").read_text(encoding="utf-8")
        if umd_mermaid:  # the usual self-hosted setup: Mermaid's UMD bundle on every page
            config += "extra_javascript:\n  - assets/mermaid.min.js\n"
        (where / "mkdocs.yml").write_text(config, encoding="utf-8")
    else:
        shutil.copy(ROOT / "mkdocs.yml", where / "mkdocs.yml")
        for shared in ("hooks", "overrides", "node_modules"):
            (where / shared).symlink_to(ROOT / shared)
    return where


def build(where: Path, first: bool = False, cold_diagrams: bool = False) -> float:
    """Seconds for `mkdocs build`; ``first``: without the template cache (the Pages workflow
    keeps .cache/, diagrams included); ``cold_diagrams``: every diagram drawn afresh."""
    if first:
        shutil.rmtree(where / ".cache" / "templates", ignore_errors=True)
    if cold_diagrams:
        shutil.rmtree(where / ".cache" / "diagrams", ignore_errors=True)
    start = time.perf_counter()
    subprocess.run([str(BIN / "mkdocs"), "build", "-q"], cwd=where, env=ENV, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def alternate(a, b, runs: int = RUNS) -> dict:
    a(), b()  # warm-up: file caches, .pyc
    pairs = [(a(), b()) for _ in range(runs)]
    ours, stock = [p[0] for p in pairs], [p[1] for p in pairs]
    return {"ours_s": statistics.median(ours), "stock_s": statistics.median(stock),
            "ratio": statistics.median(x / y for x, y in pairs)}


def check_time(docs: Path, diagram_cache: Path, runs: int = RUNS) -> float:
    """`make check` with the build's diagram cache: it draws diagrams with the same renderer."""
    def once() -> float:
        start = time.perf_counter()
        subprocess.run([str(BIN / "python"), "-m", "book.check", str(docs), "--quiet"], cwd=ROOT,
                       env={**ENV, "PYTHONPATH": str(ROOT / "hooks"), "BOOK_DIAGRAM_CACHE": str(diagram_cache)},
                       stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        return time.perf_counter() - start
    once()
    return statistics.median(once() for _ in range(runs))


def editions_time(where: Path) -> dict:
    """`make book`'s second step on a built book, every diagram cached: seconds for each file."""
    done = subprocess.run([sys.executable, "-m", "book.make_editions"], cwd=where, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")}, timeout=600)
    import re
    return {name: float(seconds) for name, seconds in re.findall(r"^(print/index.html|book.pdf|book.epub): .* in ([\d.]+) s$",
                                                             done.stderr, re.M)}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def preview_reload(where: Path, chapter: Path, page: str, runs: int = RUNS) -> float:
    """From saving a chapter to `mkdocs serve` serving the rebuilt page."""
    port = free_port()
    server = subprocess.Popen([str(BIN / "mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{port}", *SERVE_OPTIONS],
                              cwd=where, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/{page}"
    original = chapter.read_text(encoding="utf-8")
    times = []
    try:
        for _ in range(300):
            try:
                get(url)
                break
            except OSError:
                time.sleep(0.1)
        for run in range(runs + 1):
            marker = f"저장 표시 {run} {time.time_ns()}"
            time.sleep(0.5)
            start = time.perf_counter()
            chapter.write_text(original.replace("\n\n", f"\n\n{marker}\n\n", 1), encoding="utf-8")
            while marker not in get(url):
                time.sleep(0.01)
            if run:  # the first is a warm-up
                times.append(time.perf_counter() - start)
    finally:
        chapter.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=10)
    return statistics.median(times)


class StaticServer:
    def __init__(self, folder: Path):
        self.port = free_port()
        self.process = subprocess.Popen([sys.executable, "-m", "http.server", str(self.port), "--bind", "127.0.0.1",
                                         "--directory", str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.url = f"http://127.0.0.1:{self.port}/"
        for _ in range(100):
            try:
                urllib.request.urlopen(self.url, timeout=1)
                return
            except OSError:
                time.sleep(0.05)

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


# Before a measured page, its new window is left idle this long (see page_weight).
WINDOW_SETTLE_MS = 1000
# Lighthouse's mobile settings: a phone on a slow 4G network, its CPU four times slower.
PHONE = {"latency": 150, "download": 1.6e6 / 8, "upload": 750e3 / 8, "cpu": 4}


def page_weight(browser, url: str, diagrams: int, phone: bool = False) -> tuple[int, float | None]:
    """Script bytes received, and ms from navigation until every diagram is drawn, for one load."""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    if phone:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", {
            "offline": False, "latency": PHONE["latency"],
            "downloadThroughput": PHONE["download"], "uploadThroughput": PHONE["upload"]})
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": PHONE["cpu"]})
    page.add_init_script(OPEN_SHADOW_ROOTS)
    # Each new context is a new browser window, and Chromium builds that window's own
    # pages (its address-bar popup) in a renderer of their own: about half a second of
    # CPU that would otherwise compete with the page being measured on a small machine.
    page.goto("about:blank")
    page.wait_for_timeout(WINDOW_SETTLE_MS)
    scripts = []
    page.on("response", lambda r: r.request.resource_type == "script" and scripts.append(r))
    # From the first byte of the page, not from its load event: a diagram drawn at build time is
    # on screen long before the page's last script and font have arrived.
    page.goto(url, wait_until="commit")
    # Drawn at build time (an <svg> in the page) or by Mermaid in the page (a shadow root).
    drawn = page.wait_for_function(
        f"""() => {{ const hosts = [...document.querySelectorAll('div.book-diagram, div.mermaid')];
            const svg = h => h.classList.contains('book-diagram') ? h.querySelector('svg') : h.shadowRoot && h.shadowRoot.querySelector('svg');
            return hosts.length >= {diagrams} && hosts.every(h => svg(h) && svg(h).querySelector('.node'))
                && performance.now(); }}""", timeout=180_000).json_value()
    page.wait_for_load_state("networkidle")
    size = sum(len(r.body()) for r in scripts)
    context.close()
    return size, drawn if diagrams else None


def weigh_in_turn(browser, urls: dict[str, str], diagrams: int, runs: int, phone: bool = False) -> dict:
    """``page_weight`` for each site in turn (ours, stock, ours …), as the builds are timed:
    a page load here varies by a tenth between runs, and the machine drifts."""
    loads = {name: [] for name in urls}
    for _ in range(runs):
        for name, url in urls.items():
            loads[name].append(page_weight(browser, url, diagrams, phone))
    result = {name: {"script_bytes": statistics.median(size for size, _ in loaded),
                     "diagrams_ms": statistics.median(ms for _, ms in loaded) if diagrams else None}
              for name, loaded in loads.items()}
    if diagrams:
        result["ratio"] = statistics.median(a[1] / b[1] for a, b in zip(loads["ours"], loads["stock"], strict=False))
    return result


def font_bytes(browser, url: str) -> dict:
    """The Pretendard one page fetches (one subset of the site's characters, shared by every
    page), with its text and diagrams drawn; the stock site fetches no font at all."""
    context = browser.new_context(service_workers="block", viewport={"width": 390, "height": 844})
    page = context.new_page()
    fonts = []
    page.on("response", lambda r: r.url.endswith(".woff2") and fonts.append(r))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.wait_for_function("!document.querySelector('pre.mermaid')", timeout=60_000)
    page.evaluate("document.fonts.ready.then(() => true)")
    page.wait_for_load_state("networkidle")
    result = {"files": len(fonts), "bytes": sum(len(r.body()) for r in fonts)}
    context.close()
    return result


def search_hit_rate(browser, site: Path) -> dict:
    from korean_queries import KEY_NOUNS, PARTICLES, attach, search

    server = StaticServer(site)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(server.url)
        page.wait_for_load_state("networkidle")
        page.locator("input.md-search__input").click()
        queries = [(path, attach(noun, p)) for path, noun in KEY_NOUNS.items() for p in PARTICLES]
        hits = sum(any(r.endswith("/" + path) for r in search(page, query)[:3]) for path, query in queries)
    finally:
        page.close()
        server.close()
    return {"queries": len(queries), "top3_hits": hits, "rate": hits / len(queries)}


def main() -> None:
    results: dict = {"machine": f"{platform.node()} · {platform.processor() or platform.machine()} · "
                                f"{os.cpu_count()} cores · Python {platform.python_version()}",
                     "runs": RUNS}
    # BENCH_BOOKS=60 skips the 600-chapter book (its first build draws 3,000 diagrams).
    sizes = [int(n) for n in os.environ.get("BENCH_BOOKS", "60,600").split(",")]
    books = {n: write_book(BENCH / f"book-{n}", n) for n in sizes}

    for n, docs in books.items():
        ours, stock = project(f"ours-{n}", docs, False), project(f"stock-{n}", docs, True)
        # As many pairs at 600 chapters as at 60: a 600-chapter build varies by ±0.3 s
        # between identical runs here, and a median of two pairs moved the ratio by 0.05.
        results[f"build_{n}"] = alternate(lambda: build(ours), lambda: build(stock))
        results[f"first_build_{n}"] = alternate(lambda: build(ours, first=True), lambda: build(stock))
        if n == 60:  # every diagram drawn afresh, against the same build with all of them cached
            cold = [build(ours, cold_diagrams=True) for _ in range(max(1, RUNS // 2))]
            results["cold_diagrams_60"] = {"diagrams": 5 * n, "cold_s": statistics.median(cold),
                                           "added_s": statistics.median(cold) - results["build_60"]["ours_s"]}
        results[f"check_{n}_s"] = check_time(docs, ours / ".cache" / "diagrams")
        print(f"build {n}: {results[f'build_{n}']}  first build: {results[f'first_build_{n}']}  "
              f"check: {results[f'check_{n}_s']:.3f} s", flush=True)

    ours60 = BENCH / "ours-60"
    results["preview_reload_s"] = preview_reload(ours60, ours60 / "docs/part-01/101.md", "part-01/101/")
    print(f"preview reload: {results['preview_reload_s']:.3f} s", flush=True)

    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if chromium is None:
        print("no Chromium: page weight, diagram time and search hit rate are skipped")
    else:
        stock_site = project("stock-umd-60", books[60], True, umd_mermaid=True)
        build(stock_site)
        shutil.copy(ROOT / "node_modules/mermaid/dist/mermaid.min.js", stock_site / "site/assets/mermaid.min.js")
        build(ours60)
        results["editions_60"] = editions_time(ours60)
        print(f"editions, 60 chapters: {results['editions_60']}", flush=True)
        fixture = project("ours-fixture", ROOT / "tests/fixtures/book", False)
        build(fixture)
        real = project("ours-real", ROOT / "docs", False)
        build(real)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"])
            servers = {"ours": StaticServer(ours60 / "site"), "stock": StaticServer(stock_site / "site")}
            chapter = {name: server.url + "part-01/101/" for name, server in servers.items()}
            home = {name: server.url for name, server in servers.items()}
            measured = {
                "chapter": weigh_in_turn(browser, chapter, 5, RUNS),
                "no_diagrams": weigh_in_turn(browser, home, 0, RUNS),
                "chapter_phone": weigh_in_turn(browser, chapter, 5, max(2, RUNS // 2), phone=True),
            }
            synthetic_fonts = font_bytes(browser, chapter["ours"])
            for server in servers.values():
                server.close()
            for name in servers:
                results[f"weight_{name}"] = {kind: m[name] for kind, m in measured.items()}
                print(f"page weight {name}: {results[f'weight_{name}']}", flush=True)
            results["diagrams_ratio"] = measured["chapter"]["ratio"]
            results["diagrams_phone_ratio"] = measured["chapter_phone"]["ratio"]
            results["search"] = search_hit_rate(browser, fixture / "site")
            real_server = StaticServer(real / "site")
            results["fonts"] = {"chapter_27": font_bytes(browser, real_server.url + "02-literacy/27-hub/"),
                                "synthetic_chapter": synthetic_fonts}
            real_server.close()
            print(f"fonts: {results['fonts']}", flush=True)
            browser.close()
        # Lighthouse on the seed chapter (docs/), served gzip-compressed as Pages does.
        seed = project("ours-seed", ROOT / "docs", False)
        build(seed)
        results["lighthouse"] = seed_chapter_scores(seed / "site")
        print(f"lighthouse, seed chapter: {results['lighthouse']}", flush=True)
    BENCH.mkdir(exist_ok=True)
    (BENCH / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    print_table(results)


def print_table(r: dict) -> None:
    mb = lambda b: f"{b / 1e6:.2f} MB"  # noqa: E731
    rows = [("machine", r["machine"], "", "")]
    sizes = [n for n in (60, 600) if f"build_{n}" in r]
    for n in sizes:
        b = r[f"build_{n}"]
        rows.append((f"build, {n} chapters", f"{b['ours_s']:.2f} s", f"{b['stock_s']:.2f} s", f"{b['ratio']:.2f}x (≤ 1.10x)"))
        f = r[f"first_build_{n}"]
        rows.append((f"first build, {n} chapters (no template cache)", f"{f['ours_s']:.2f} s", f"{f['stock_s']:.2f} s",
                     f"{f['ratio']:.2f}x"))
    if len(sizes) == 2:
        rows.append(("build scaling 60 → 600", f"{r['build_600']['ours_s'] / r['build_60']['ours_s']:.1f}x",
                     f"{r['build_600']['stock_s'] / r['build_60']['stock_s']:.1f}x", "linear: ~10x"))
    if "cold_diagrams_60" in r:
        c = r["cold_diagrams_60"]
        rows.append((f"build, 60 chapters, all {c['diagrams']} diagrams drawn afresh", f"{c['cold_s']:.2f} s", "",
                     f"+{c['added_s']:.1f} s"))
    for n in sizes:
        rows.append((f"make check, {n} chapters", f"{r[f'check_{n}_s']:.2f} s", "", "< 5 s"))
    rows.append(("preview reload, 60 chapters", f"{r['preview_reload_s']:.2f} s", "", "< 1 s"))
    for name, target in (("book.pdf", "≤ 15 s"), ("book.epub", "≤ 3 s")):
        if name in r.get("editions_60", {}):
            rows.append((f"{name}, 60 chapters, diagrams cached", f"{r['editions_60'][name]:.1f} s", "", target))
    if "weight_ours" in r:
        for page, label in (("chapter", "chapter with 5 diagrams"), ("no_diagrams", "page without diagrams")):
            rows.append((f"script, {label}", mb(r["weight_ours"][page]["script_bytes"]),
                         mb(r["weight_stock"][page]["script_bytes"]), "≤ 0.25 MB" if page == "chapter" else "≤ 0.4 MB"))
        rows.append(("time to 5 diagrams, localhost", f"{r['weight_ours']['chapter']['diagrams_ms']:.0f} ms",
                     f"{r['weight_stock']['chapter']['diagrams_ms']:.0f} ms", f"{r['diagrams_ratio']:.2f}x (≤ 0.4x)"))
        rows.append(("time to 5 diagrams, phone profile", f"{r['weight_ours']['chapter_phone']['diagrams_ms']:.0f} ms",
                     f"{r['weight_stock']['chapter_phone']['diagrams_ms']:.0f} ms",
                     f"{r['diagrams_phone_ratio']:.2f}x (≤ 0.4x)"))
        for key, label in (("chapter_27", "chapter 27"), ("synthetic_chapter", "synthetic chapter")):
            f = r["fonts"][key]
            rows.append((f"fonts, {label} (Pretendard, the site's subset)",
                         f"{f['bytes'] / 1e3:.0f} KB in {f['files']} files", "0 (system fonts)",
                         "one file, cached for every page"))
        s = r["search"]
        rows.append(("Korean search, top 3", f"{s['top3_hits']}/{s['queries']}", "", f"{s['rate']:.0%}"))
    for form, scores in (r.get("lighthouse") or {}).items():
        if isinstance(scores, dict):
            runs = ", ".join(str(score) for score in scores.get("performance_runs", []))
            rows.append((f"Lighthouse performance / a11y / best practices / SEO, seed chapter, {form}",
                         " / ".join(str(scores[c]) for c in CATEGORIES) + (f" (performance runs: {runs})" if runs else ""),
                         "", "≥ 95 / 100 / 100 / 100"))
    widths = [max(len(str(row[i])) for row in rows) for i in range(4)]
    print("\n| " + " | ".join(h.ljust(w) for h, w in zip(("measure", "ours", "stock", "target / ratio"), widths, strict=False)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=False)) + " |")


if __name__ == "__main__":
    main()

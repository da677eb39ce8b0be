"""Writes the raster images of tests/fixtures/jekyll-book/assets/ (PNG, JPEG, WebP).

Run once, by hand, when they need to change: `.venv/bin/python tests/make_fixture_images.py`.
The files are committed; they are drawn by Debian's Chromium on a canvas (the only encoder
of all three formats at hand: the project has no imaging library), a few hundred bytes each.
"""

from __future__ import annotations

import base64
from pathlib import Path

from conftest import CHROMIUM

ASSETS = Path(__file__).resolve().parent / "fixtures" / "jekyll-book" / "assets"
DRAW = """([width, height, type, quality]) => {
  const canvas = document.createElement('canvas');
  canvas.width = width; canvas.height = height;
  const g = canvas.getContext('2d');
  g.fillStyle = '#f5f5f0'; g.fillRect(0, 0, width, height);
  g.fillStyle = '#3f51b5'; g.fillRect(8, height - 40, 24, 32); g.fillRect(40, height - 60, 24, 52);
  g.fillStyle = '#ff9800'; g.fillRect(72, height - 80, 24, 72);
  g.strokeStyle = '#212121'; g.lineWidth = 2; g.strokeRect(1, 1, width - 2, height - 2);
  return canvas.toDataURL(type, quality);
}"""
IMAGES = {"chart.png": ("image/png", 120, 90), "photo.jpg": ("image/jpeg", 96, 64),
          "layers.webp": ("image/webp", 110, 80)}


def main() -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        for name, (kind, width, height) in IMAGES.items():
            url = page.evaluate(DRAW, [width, height, kind, 0.6])
            assert url.startswith(f"data:{kind};base64,"), (name, url[:40])
            (ASSETS / name).write_bytes(base64.b64decode(url.split(",", 1)[1]))
        browser.close()


if __name__ == "__main__":
    main()

"""The caches in .cache/ keep what builds use and lose what none has used for a while."""

from __future__ import annotations

import os
import time

from book import typeface
from book.cache_files import DAY, MARKER, UNUSED_DAYS, prune, read, write
from book.prerender import SUFFIX, DiskCache, Rendering


def aged(path, days: float, now: float) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_text("{}", encoding="utf-8")
    os.utime(path, (now - days * DAY, now - days * DAY))


def test_an_entry_is_written_whole_and_read_back_marked_used(tmp_path):
    path = str(tmp_path / "ab" / "entry.drawing")
    assert read(path) is None
    write(path, "가\n<svg/>".encode())
    assert [p.name for p in tmp_path.rglob("*")] == ["ab", "entry.drawing"]  # no partial file left
    now = time.time()
    aged(tmp_path / "ab" / "entry.drawing", UNUSED_DAYS + 5, now)
    assert read(path) == "가\n<svg/>".encode()
    assert now - os.stat(path).st_mtime < DAY


def test_files_no_build_used_for_the_set_days_go_and_the_rest_stay(tmp_path):
    now = time.time()
    old, recent, half_written = tmp_path / "ab" / "old.json", tmp_path / "cd" / "recent.json", tmp_path / "ab" / "x.json.7.tmp"
    aged(old, UNUSED_DAYS + 1, now)
    aged(recent, UNUSED_DAYS - 1, now)
    aged(half_written, UNUSED_DAYS + 3, now)
    assert prune(str(tmp_path), now) == 2
    assert not old.exists() and not half_written.exists() and recent.exists()
    assert (tmp_path / MARKER).exists()


def test_a_folder_is_pruned_at_most_once_a_day(tmp_path):
    now = time.time()
    aged(tmp_path / "a.json", UNUSED_DAYS + 1, now)
    assert prune(str(tmp_path), now) == 1
    aged(tmp_path / "b.json", UNUSED_DAYS + 1, now)
    assert prune(str(tmp_path), now + DAY / 2) == 0 and (tmp_path / "b.json").exists()
    assert prune(str(tmp_path), now + DAY + 1) == 1 and not (tmp_path / "b.json").exists()


def test_a_missing_folder_is_nothing_to_prune(tmp_path):
    assert prune(str(tmp_path / "nowhere")) == 0
    assert not (tmp_path / "nowhere").exists()


def test_a_drawing_read_from_the_cache_is_marked_used(tmp_path):
    cache = DiskCache(str(tmp_path))
    cache.put("ab12", Rendering(svg="<svg></svg>", style=""))
    path = tmp_path / "ab" / ("ab12" + SUFFIX)
    now = time.time()
    aged(path, UNUSED_DAYS + 5, now)
    assert DiskCache(str(tmp_path)).get("ab12") is not None  # a new build reads it from disk
    assert now - path.stat().st_mtime < DAY
    assert cache.prune() == 0 and path.exists()


def test_a_font_subset_read_from_the_cache_is_marked_used(tmp_path):
    from conftest import ROOT

    source = ROOT / "node_modules" / typeface.SOURCE
    codepoints = {ord("가")}
    data, cached = typeface.cached_subset(source, codepoints, tmp_path)
    assert not cached
    (subset,) = tmp_path.glob("*.woff2")
    now = time.time()
    aged(subset, UNUSED_DAYS + 5, now)
    assert typeface.cached_subset(source, codepoints, tmp_path) == (data, True)
    assert now - subset.stat().st_mtime < DAY

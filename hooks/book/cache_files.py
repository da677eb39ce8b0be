"""The build's caches in ``.cache/`` (drawn diagrams, font subsets) are kept between builds,
and by the Pages workflow between runs (it restores the last cache and saves it again under
a new key), so every change of a diagram, a chapter's characters or the renderer adds
entries that nothing removes: 300 diagrams left 900 drawings after two renderer changes.

A build touches each entry it uses; at most once a day, it removes the entries that no build
has used for ``UNUSED_DAYS`` days, and what a build killed halfway left behind. Days, not
"unused by this build": a folder shared by several books (the tests', a branch switched back
to) keeps what the others use.
"""

from __future__ import annotations

import os
import time

UNUSED_DAYS = 14
DAY = 24 * 60 * 60
MARKER = ".last-pruned"  # its time says when the folder was last pruned


def touch(path: str) -> None:
    """Marks a cache entry as used now (its modification time)."""
    try:
        os.utime(path)
    except OSError:  # a read-only cache still serves
        pass


def read(path: str) -> bytes | None:
    """A cache entry's bytes, marked as used; None when there is none that can be read."""
    try:
        with open(path, "rb") as handle:  # bytes: text mode read a drawing at a third of the speed
            data = handle.read()
    except OSError:
        return None
    touch(path)  # used: kept by the next prune
    return data


def write(path: str, data: bytes) -> None:
    """Stores a cache entry whole or not at all: a build killed halfway, or two builds at
    once, never leave a half-written entry (the partial file is pruned as any other)."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    partial = f"{path}.{os.getpid()}.part"
    with open(partial, "wb") as handle:
        handle.write(data)
    os.replace(partial, path)


def prune(folder: str, now: float | None = None, unused_days: int = UNUSED_DAYS) -> int:
    """Removes the files under ``folder`` not used for ``unused_days`` days, unless the folder
    was pruned less than a day ago; how many were removed."""
    now = time.time() if now is None else now
    marker = os.path.join(folder, MARKER)
    try:
        if now - os.stat(marker).st_mtime < DAY:
            return 0
    except FileNotFoundError:
        if not os.path.isdir(folder):
            return 0
    except OSError:
        return 0
    removed = 0
    for where, _folders, names in os.walk(folder):
        for name in names:
            path = os.path.join(where, name)
            try:
                if path != marker and now - os.stat(path).st_mtime > unused_days * DAY:
                    os.remove(path)
                    removed += 1
            except OSError:  # removed meanwhile by another build, or not ours to remove
                continue
    try:
        with open(marker, "w", encoding="utf-8"):
            pass
        os.utime(marker, (now, now))
    except OSError:
        pass
    return removed

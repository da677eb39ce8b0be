"""Gives Material's search the Korean separator of ``book.search`` (unless mkdocs.yml sets one)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from book.search import korean_separator


@event_priority(100)  # before the search plugin fills in its language's default separator
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    for name in ("material/search", "search"):
        plugin = config.plugins.get(name)
        if plugin is not None and not plugin.config.get("separator"):
            plugin.config.separator = korean_separator()
    return config

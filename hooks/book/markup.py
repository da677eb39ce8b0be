"""The book's Markdown extensions, all at once; they live in ``book.extensions``, one module
per convention. Kept for code that imports them from here."""

from __future__ import annotations

from typing import Any

from markdown import Extension, Markdown

from .extensions import ContextSource, RenderContext, book_extensions, page_context

__all__ = ["BookMarkupExtension", "ContextSource", "RenderContext", "page_context"]


class BookMarkupExtension(Extension):
    """Registers every extension of ``book.extensions``."""

    def __init__(self, context: ContextSource, **kwargs: Any):
        self.context = context
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        for extension in book_extensions(self.context):
            extension.extendMarkdown(md)

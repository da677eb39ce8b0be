"""The book's Markdown extensions, all at once; they live in ``book.extensions``, one module
per convention. Kept for code that imports them from here."""

from __future__ import annotations

from markdown import Markdown

from .extensions import ContextSource, RenderContext, book_extensions, page_context
from .extensions.context import ContextExtension

__all__ = ["BookMarkupExtension", "ContextSource", "RenderContext", "page_context"]


class BookMarkupExtension(ContextExtension):
    """Registers every extension of ``book.extensions``."""

    def extendMarkdown(self, md: Markdown) -> None:
        for extension in book_extensions(self.context):
            extension.extendMarkdown(md)

"""An image from another host is shown as a link to it, never loaded (spec §7).

The site promises that a page loads nothing from elsewhere, and the book embeds at least one
image straight from GitHub (``<img src="https://github.com/user-attachments/…">``). The
link check reports it at its line (``image-external``: the file belongs in ``assets/``);
until the author moves it, the reader gets a link in its place, which opens the image only
when followed. A postprocessor, because the book writes these as raw HTML, which reaches
the page only after the element tree is serialised.
"""

from __future__ import annotations

import html
import re

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

from . import strings

REMOTE_IMAGE = re.compile(
    r"""<img\b(?=[^>]*?\bsrc\s*=\s*["']?(?:https?:)?//)[^>]*>""", re.I)
ATTRIBUTE = re.compile(r"""\b(?P<name>src|alt)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s>]+))""", re.I)
# After Python-Markdown puts raw HTML back (priority 30).
REMOTE_IMAGES_PRIORITY = 25


class _RemoteImagesAsLinks(Postprocessor):
    def run(self, text: str) -> str:
        if "//" not in text or "<img" not in text.lower():
            return text
        return REMOTE_IMAGE.sub(self._link, text)

    @staticmethod
    def _link(match: re.Match) -> str:
        attributes = {m["name"].lower(): html.unescape(m["dq"] or m["sq"] or m["bare"] or "")
                      for m in ATTRIBUTE.finditer(match[0])}
        words = attributes.get("alt", "").strip() or strings.REMOTE_IMAGE_LINK
        return (f'<a class="book-remote-image" href="{html.escape(attributes.get("src", ""))}">'
                f"{html.escape(words)}</a>")


class RemoteImagesExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.postprocessors.register(_RemoteImagesAsLinks(md), "book_remote_images", REMOTE_IMAGES_PRIORITY)

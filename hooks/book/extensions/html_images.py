"""Images the chapters write as HTML tags (``<img width=… src=…>``), which MkDocs leaves as is.

* **A local image** (``<img src="/<baseurl>/assets/x.png">``, ``../assets/x.png``) gets the
  address that works from the page's URL, as MkDocs gives a Markdown image: pages are
  published as folders (``01-why/12-pictures/``), so the source file's relative path would
  miss by one level, and an absolute path would miss under a project sub-path.
* **An image from another host** is shown as a link to it, never loaded (spec §7). The site
  promises that a page loads nothing from elsewhere, and the book embeds at least one image
  straight from GitHub (``<img src="https://github.com/user-attachments/…">``). The link
  check reports it at its line (``image-external``: the file belongs in ``assets/``); until
  the author moves it, the reader gets a link in its place, which opens the image only when
  followed.

Raw HTML is kept aside by Python-Markdown while the element tree is built: the local
addresses are set in its stash, the remote images replaced once the page is serialised.

| processor                  | kind          | priority | why there                              |
| -------------------------- | ------------- | -------- | -------------------------------------- |
| ``book_local_html_images`` | treeprocessor | 0.5      | raw HTML is still in the stash; after  |
|                            |               |          | the Jekyll links (1)                   |
| ``book_remote_images``     | postprocessor | 25       | after raw HTML is put back (30)        |
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown
from markdown.postprocessors import Postprocessor

from .. import strings
from ..links import book_href, page_relative_url
from .context import ContextExtension, ContextTreeprocessor

REMOTE_IMAGE = re.compile(
    r"""<img\b(?=[^>]*?\bsrc\s*=\s*["']?(?:https?:)?//)[^>]*>""", re.I)
ATTRIBUTE = re.compile(r"""\b(?P<name>src|alt)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s>]+))""", re.I)
# After Python-Markdown puts raw HTML back (priority 30).
REMOTE_IMAGES_PRIORITY = 25
# Any time before the raw HTML goes back into the page; MkDocs resolves its links at 0.
LOCAL_IMAGES_PRIORITY = 0.5
IMAGE_SOURCE = re.compile(r"""(?P<head><img\b[^>]*?\bsrc\s*=\s*)(?P<q>["']?)(?P<src>[^"'\s>]*)(?P=q)""", re.I)


class LocalImagesTreeprocessor(ContextTreeprocessor):
    def run(self, root: etree.Element) -> None:
        blocks = self.md.htmlStash.rawHtmlBlocks
        if not any(isinstance(block, str) and "<img" in block.lower() for block in blocks):
            return
        context = self.context()

        def rebase(match: re.Match[str]) -> str:
            src = match["src"]
            target = page_relative_url(book_href(src, context.src_uri, context.doc_uris, context.legacy_base) or src,
                                       context.src_uri, context.page_url, context.doc_uris)
            return match[0] if target is None else f'{match["head"]}{match["q"]}{target}{match["q"]}'

        for index, block in enumerate(blocks):
            if isinstance(block, str) and "<img" in block.lower():
                blocks[index] = IMAGE_SOURCE.sub(rebase, block)


class RemoteImagesPostprocessor(Postprocessor):
    def run(self, text: str) -> str:
        if "//" not in text or "<img" not in text.lower():
            return text
        return REMOTE_IMAGE.sub(self._link, text)

    @staticmethod
    def _link(match: re.Match[str]) -> str:
        attributes = {m["name"].lower(): html.unescape(m["dq"] or m["sq"] or m["bare"] or "")
                      for m in ATTRIBUTE.finditer(match[0])}
        words = attributes.get("alt", "").strip() or strings.REMOTE_IMAGE_LINK
        return (f'<a class="book-remote-image" href="{html.escape(attributes.get("src", ""))}">'
                f"{html.escape(words)}</a>")


class HtmlImagesExtension(ContextExtension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(LocalImagesTreeprocessor(md, self.context), "book_local_html_images",
                                   LOCAL_IMAGES_PRIORITY)
        md.postprocessors.register(RemoteImagesPostprocessor(md), "book_remote_images", REMOTE_IMAGES_PRIORITY)


def makeExtension(**kwargs: Any) -> HtmlImagesExtension:  # noqa: N802 (Python-Markdown's name)
    return HtmlImagesExtension(**kwargs)

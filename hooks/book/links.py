"""Links and images between the book's files: Jekyll-era ``.html`` links, the old site's
absolute links, and the check that every relative target exists (spec §6)."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from collections.abc import Collection, Mapping
from urllib.parse import unquote, urlsplit, urlunsplit

from . import strings
from .blocks import Body, without_inline_code
from .codes import Code
from .figures import CAPTION
from .findings import Finding
from .svg import SvgProblem


def link_between(from_uri: str, to_uri: str) -> str:
    """A relative link from the page ``from_uri`` to the file ``to_uri`` (normalised paths in
    the docs folder, as MkDocs gives them). posixpath.relpath gives the same, but asks the
    operating system for the working folder each time: thousands of times a build."""
    folders, parts = from_uri.split("/")[:-1], to_uri.split("/")
    common = 0
    while common < len(folders) and common < len(parts) - 1 and folders[common] == parts[common]:
        common += 1
    return "/".join([".."] * (len(folders) - common) + parts[common:])

INLINE_LINK = re.compile(
    r"(?P<image>!?)\[(?P<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]"
    r"\((?P<target><[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
)
REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[(?P<label>[^\]]+)\]:\s*(?P<target><[^>]*>|\S+)")


def markdown_target_of_html_link(href: str, from_uri: str, doc_uris: Collection[str]) -> str | None:
    """The ``.md`` link a relative ``.html`` link stands for, or None to leave it alone.

    ``href`` is resolved against the linking page's folder; the answer keeps the author's
    relative form and fragment, so MkDocs' own link validation and URL mapping apply.
    """
    if ".html" not in href:  # most links; urlsplit is the costly part of this check
        return None
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path.endswith(".html") or parts.path.startswith("/"):
        return None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(from_uri), unquote(parts.path)))
    if target in doc_uris:  # a real HTML file in the book: it is what the author means
        return None
    markdown = target[: -len(".html")] + ".md"
    if markdown not in doc_uris:
        return None
    new_path = parts.path[: -len(".html")] + ".md"
    return urlunsplit(("", "", new_path, parts.query, parts.fragment))


def relative_to_legacy_base(href: str, base: str | None, from_uri: str, doc_uris: Collection[str]) -> str | None:
    """``/pages-book/02-literacy/27-hub.html`` on the old site, as a relative link from here
    (``base`` "/": an absolute path from the docs folder)."""
    if not base or not href.startswith("/" + base.strip("/")):
        return None
    parts = urlsplit(href)
    base = "/" + base.strip("/") + "/" if base.strip("/") else "/"
    if parts.scheme or parts.netloc or not (parts.path + "/").startswith(base):
        return None
    inside = unquote(parts.path[len(base):]) or "index.md"
    if inside.endswith("/"):
        inside += "index.md"
    if inside.endswith(".html") and inside not in doc_uris:
        inside = inside[: -len(".html")] + ".md"
    relative = link_between(from_uri, posixpath.normpath(inside))
    return urlunsplit(("", "", relative, parts.query, parts.fragment))


def book_href(href: str, from_uri: str, doc_uris: Collection[str], legacy_base: str | None) -> str | None:
    """The link the renderer hands MkDocs for ``href`` on the page ``from_uri``, or None to
    leave it as written: a link under the old site's base becomes relative, a Jekyll-era
    ``.html`` link names its ``.md`` page. The checks use the same answer, so a broken link
    is reported under the very address MkDocs would see."""
    legacy = relative_to_legacy_base(href, legacy_base, from_uri, doc_uris)
    if legacy is not None:
        return legacy
    if href.startswith("/") and not href.startswith("//"):  # any other absolute path: from the docs folder
        return relative_to_legacy_base(href, "/", from_uri, doc_uris)
    return markdown_target_of_html_link(href, from_uri, doc_uris)


def page_relative_url(href: str, from_uri: str, page_url: str, doc_uris: Collection[str]) -> str | None:
    """A link to a file of the book, written relative to the source file ``from_uri``, as the
    address that works from its page's URL (``01-why/12-pictures/``); None when it is no
    such link. MkDocs does this for Markdown links; raw HTML it leaves as is."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("/") or not parts.path:
        return None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(from_uri), unquote(parts.path)))
    if target not in doc_uris or target.endswith(".md"):
        return None
    return urlunsplit(("", "", _relative(target, page_url), parts.query, parts.fragment))


@dataclass(frozen=True)
class Link:
    line: int
    target: str
    image: bool
    html: bool = False  # written as an HTML tag (<img src=…>), which MkDocs leaves as is


# An <img> tag in prose: the book embeds a few images from elsewhere this way.
HTML_IMAGE = re.compile(r"""<img\b[^>]*?\bsrc\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s>]+))""", re.I)
# Schemes a reader's browser opens; anything else (attachment:, file:) reaches nothing online.
WEB_SCHEMES = frozenset({"http", "https", "mailto", "tel", "sms", "ftp", "data"})


def find_links(body: Body) -> list[Link]:
    """Inline links, images, reference definitions and <img> tags in prose, outside code."""
    links = []
    for line, text in body.prose:
        # A figure caption shows a tag written in it as text (extensions/figures.py).
        if ("<img" in text or "<IMG" in text) and not CAPTION.match(text.strip()):
            for match in HTML_IMAGE.finditer(without_inline_code(text)):
                links.append(Link(line, (match["dq"] or match["sq"] or match["bare"] or "").strip(), True, True))
        if "]" not in text:
            continue
        definition = REFERENCE_DEFINITION.match(text)
        if definition:
            links.append(Link(line, definition["target"].strip("<>"), False))
            continue
        for match in INLINE_LINK.finditer(without_inline_code(text)):
            links.append(Link(line, match["target"].strip("<>"), bool(match["image"])))
    return links


@dataclass(frozen=True)
class BrokenLink:
    """A link a finding was raised for, and the address MkDocs sees for it (``None`` for an
    HTML tag, which MkDocs does not check): its own warning for that address is redundant."""

    src_uri: str
    rendered: str | None
    finding: Finding


def link_findings(
    links: list[Link], from_uri: str, path: str, doc_uris: Collection[str],
    anchors: Mapping[str, Collection[str]], legacy_base: str | None,
) -> list[Finding]:
    return [broken.finding for broken in broken_links(links, from_uri, path, doc_uris, anchors, legacy_base)]


def broken_links(
    links: list[Link], from_uri: str, path: str, doc_uris: Collection[str],
    anchors: Mapping[str, Collection[str]], legacy_base: str | None,
    bad_svgs: Mapping[str, SvgProblem] | None = None,
) -> list[BrokenLink]:
    """Each link that reaches nothing, with its finding; ``bad_svgs`` are the book's SVG
    files a browser cannot draw (svg.svg_problem), by src_uri."""
    broken = []
    for link in links:
        finding, rendered = _link_finding(link, from_uri, path, doc_uris, anchors, legacy_base)
        if finding is None and link.image and bad_svgs:
            finding = _svg_finding(link, rendered, from_uri, path, bad_svgs)
        if finding is not None:
            broken.append(BrokenLink(from_uri, None if link.html else rendered, finding))
    return broken


def _svg_finding(link: Link, href: str, from_uri: str, path: str,
                 bad_svgs: Mapping[str, SvgProblem]) -> Finding | None:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path.lower().endswith(".svg"):
        return None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(from_uri), unquote(parts.path)))
    problem = bad_svgs.get(target)
    if problem is None:
        return None
    meanwhile = strings.SVG_REPAIRED if problem.repaired else strings.SVG_NOT_SHOWN
    return Finding(path, link.line, Code.IMAGE_SVG_INVALID, strings.IMAGE_SVG_INVALID.format(
        target=link.target, file=target, line=problem.line, reason=problem.reason, meanwhile=meanwhile))


def _link_finding(
    link: Link, from_uri: str, path: str, doc_uris: Collection[str],
    anchors: Mapping[str, Collection[str]], legacy_base: str | None,
) -> tuple[Finding | None, str]:
    href = book_href(link.target, from_uri, doc_uris, legacy_base) or link.target
    parts = urlsplit(href)
    if not href.strip():
        return None, href
    if parts.netloc or href.startswith("//"):
        if link.image:
            return Finding(path, link.line, Code.IMAGE_EXTERNAL, strings.IMAGE_EXTERNAL.format(target=link.target)), href
        return None, href
    if parts.scheme:
        if parts.scheme.lower() in WEB_SCHEMES:
            return None, href
        code, message = ((Code.IMAGE_NOT_FOUND, strings.IMAGE_SCHEME) if link.image
                         else (Code.LINK_NOT_FOUND, strings.LINK_SCHEME))
        return Finding(path, link.line, code, message.format(target=link.target, scheme=parts.scheme)), href
    if not parts.path:
        target = from_uri
    else:
        folder = "" if href.startswith("/") else posixpath.dirname(from_uri)
        target = posixpath.normpath(posixpath.join(folder, unquote(parts.path).lstrip("/")))
        if parts.path.endswith("/"):
            target = posixpath.join(target, "index.md")
        elif target.endswith(".html") and target not in doc_uris:
            target = target[: -len(".html")] + ".md"
    if target not in doc_uris:
        shown = target if not target.startswith("..") else strings.OUTSIDE_DOCS
        code, message = ((Code.IMAGE_NOT_FOUND, strings.IMAGE_NOT_FOUND) if link.image
                         else (Code.LINK_NOT_FOUND, strings.LINK_NOT_FOUND))
        return Finding(path, link.line, code, message.format(target=link.target, looked=shown)), href
    fragment = unquote(parts.fragment)
    if fragment and target in anchors and fragment not in anchors[target]:
        return Finding(path, link.line, Code.LINK_MISSING_ANCHOR, strings.LINK_MISSING_ANCHOR.format(
            target=link.target, page=target, fragment=fragment)), href
    return None, href


# Attributes of rendered HTML that hold a URL; Python-Markdown always quotes with ".
URL_ATTRIBUTE = re.compile(r'\b(?P<name>href|src)="(?P<value>[^"]*)"')
NOT_RELATIVE = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|/)")  # a scheme, or from the site's root


def rebase_links(html: str, from_url: str, to_url: str) -> str:
    """HTML rendered for the page at ``from_url``, its relative links made to work on the page
    at ``to_url`` (URLs of the built site: ``part-01/101/``, or ``""`` for its home page)."""
    if from_url == to_url:
        return html

    def rebase(match: re.Match[str]) -> str:
        value = match["value"]
        if NOT_RELATIVE.match(value):
            return str(match[0])
        cut = min((i for i in (value.find("?"), value.find("#")) if i >= 0), default=len(value))
        target = _resolve(from_url, value[:cut])
        return f'{match["name"]}="{_relative(target, to_url)}{value[cut:]}"'

    return URL_ATTRIBUTE.sub(rebase, html)


def _folder(url: str) -> str:
    return url if not url or url.endswith("/") else posixpath.dirname(url)


def _resolve(page_url: str, path: str) -> str:
    """The site URL that ``path``, written on the page at ``page_url``, points at."""
    if not path:
        return page_url
    target = posixpath.normpath(posixpath.join(_folder(page_url), path))
    if target == ".":
        return ""
    return target + "/" if path.endswith("/") else target


def _relative(target: str, page_url: str) -> str:
    relative = posixpath.relpath(target or ".", _folder(page_url) or ".")
    if target and not target.endswith("/"):
        return relative
    return "./" if relative == "." else relative + "/"

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
from .findings import Finding, Severity


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
    """``/pages-book/02-literacy/27-hub.html`` on the old site, as a relative link from here."""
    if not base or not href.startswith("/" + base.strip("/")):
        return None
    parts = urlsplit(href)
    base = "/" + base.strip("/") + "/"
    if parts.scheme or parts.netloc or not (parts.path + "/").startswith(base):
        return None
    inside = unquote(parts.path[len(base):]) or "index.md"
    if inside.endswith("/"):
        inside += "index.md"
    if inside.endswith(".html") and inside not in doc_uris:
        inside = inside[: -len(".html")] + ".md"
    relative = link_between(from_uri, posixpath.normpath(inside))
    return urlunsplit(("", "", relative, parts.query, parts.fragment))


@dataclass(frozen=True)
class Link:
    line: int
    target: str
    image: bool


def find_links(body: Body) -> list[Link]:
    """Inline links, images and reference definitions in prose, outside code."""
    links = []
    for line, text in body.prose:
        if "]" not in text:
            continue
        definition = REFERENCE_DEFINITION.match(text)
        if definition:
            links.append(Link(line, definition["target"].strip("<>"), False))
            continue
        for match in INLINE_LINK.finditer(without_inline_code(text)):
            links.append(Link(line, match["target"].strip("<>"), bool(match["image"])))
    return links


def link_findings(
    links: list[Link], from_uri: str, path: str, doc_uris: Collection[str],
    anchors: Mapping[str, Collection[str]], legacy_base: str | None,
) -> list[Finding]:
    findings = []
    for link in links:
        href = link.target
        legacy = relative_to_legacy_base(href, legacy_base, from_uri, doc_uris)
        if legacy is not None:
            findings.append(Finding(path, link.line, Code.LINK_LEGACY_ABSOLUTE,
                                    strings.LINK_LEGACY_ABSOLUTE.format(href=href, legacy=legacy), Severity.INFO))
            href = legacy
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith("/") or not href:
            continue  # another site, or an absolute path MkDocs itself reports
        if not parts.path:
            target = from_uri
        else:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(from_uri), unquote(parts.path)))
            if parts.path.endswith("/"):
                target = posixpath.join(target, "index.md")
            elif target.endswith(".html") and target not in doc_uris:
                target = target[: -len(".html")] + ".md"
        if target not in doc_uris:
            code, message = ((Code.IMAGE_NOT_FOUND, strings.IMAGE_NOT_FOUND) if link.image
                             else (Code.LINK_NOT_FOUND, strings.LINK_NOT_FOUND))
            findings.append(Finding(path, link.line, code, message.format(target=link.target, looked=target)))
            continue
        fragment = unquote(parts.fragment)
        if fragment and target in anchors and fragment not in anchors[target]:
            findings.append(Finding(path, link.line, Code.LINK_MISSING_ANCHOR, strings.LINK_MISSING_ANCHOR.format(
                target=link.target, page=target, fragment=fragment)))
    return findings


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

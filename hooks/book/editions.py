"""The whole book on one page (the print edition), from the pages MkDocs built.

Text in, text out: each built page's article, in navigation order, becomes one section of
the print page. Ids are prefixed with the page's id (``p3-…``) so none collide, and every link
between pages or to a figure is rewritten to point inside the print page. Inline SVG (the
diagrams drawn at build time) is copied as it is: its ids and ``url(#…)`` references are its
own. No library joins built MkDocs pages this way (mkdocs-print-site-plugin re-renders every
page through its own plugin and templates, and would have to learn the book's navigation),
so the few rewrites are written here.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from . import strings


@dataclass(frozen=True)
class EditionPage:
    """One built page of the book, in navigation order."""

    src_uri: str
    url: str  # the page's address in the site, as MkDocs writes it: "01-basics/11-agent/"
    title: str
    level: int  # 0 for a top-level page (a Part), 1 for its chapters, …
    is_part: bool  # a top-level page with children: printed as a divider
    article: str  # the inner HTML of the built page's <article>


@dataclass
class PrintEdition:
    html: str
    anchors: dict[str, str] = field(default_factory=dict)  # src_uri -> the page's id in the print page
    ids: set[str] = field(default_factory=set)
    sections: list[tuple[EditionPage, str, str]] = field(default_factory=list)  # page, its id, its HTML (headings as built)


_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
_STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)"')
_SVG = re.compile(r"<svg\b.*?</svg>", re.S)
_ATTRIBUTE = re.compile(r'(\s)(id|href|src|for|aria-labelledby|aria-describedby|aria-controls)="([^"]*)"')
_HEADING = re.compile(r"<(/?)h([1-6])\b")
_EDIT_BUTTONS = re.compile(r'<a href="[^"]*" title="[^"]*" class="md-content__button md-icon"[^>]*>.*?</a>', re.S)


def article_of(page_html: str) -> str | None:
    """The content of a page Material built (its <article>), or None when it has none."""
    found = _ARTICLE.search(page_html)
    return _EDIT_BUTTONS.sub("", found.group(1)) if found else None


def stylesheets_of(page_html: str, page_url: str, to_url: str) -> list[str]:
    """The page's stylesheets (Material's, Pretendard, the book's, the diagrams'), as links
    from ``to_url``: the print page looks as the site does."""
    return [rebase(href, page_url, to_url) for href in _STYLESHEET.findall(page_html)]


def _site_path(href: str, page_url: str) -> str:
    """A relative link of the page at ``page_url`` as a path from the site's root."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_url.rstrip("/") + "/x"), href)).lstrip("/")


def rebase(href: str, page_url: str, to_url: str) -> str:
    """A relative link of one page made relative to another page of the same site."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("/", "#", "data:", "mailto:")):
        return href
    target = _site_path(parts.path, page_url) if parts.path else ""
    relative = posixpath.relpath(target or ".", to_url.rstrip("/") or ".")
    if parts.path.endswith("/") and not relative.endswith("/"):
        relative += "/"
    return relative + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")


def _page_key(path: str) -> str:
    """``01-basics/11-agent/index.html``, ``01-basics/11-agent/`` and ``…/11-agent`` alike."""
    path = path.split("#", 1)[0]
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    return path.strip("/").removeprefix("./") if path not in (".", "./") else ""


def _outside_svg(text: str, rewrite: re.Pattern[str], replace: object) -> str:
    """Applies a regex rewrite to the HTML between inline SVGs (whose ids are their own)."""
    pieces: list[str] = []
    position = 0
    for svg in _SVG.finditer(text):
        pieces.append(rewrite.sub(replace, text[position:svg.start()]))  # type: ignore[call-overload]
        pieces.append(svg.group(0))
        position = svg.end()
    pieces.append(rewrite.sub(replace, text[position:]))  # type: ignore[call-overload]
    return "".join(pieces)


def join_print_page(pages: list[EditionPage], title: str, subtitle: str, stylesheets: list[str],
                    print_url: str = "print/") -> PrintEdition:
    """The print page: a title page, a table of contents, then every page in order."""
    edition = PrintEdition("")
    keys: dict[str, str] = {}
    for number, page in enumerate(pages, start=1):
        edition.anchors[page.src_uri] = f"p{number}"
        keys[_page_key(page.url)] = f"p{number}"
    keys.setdefault("", "book-toc")  # the home page's place: the table of contents
    page_ids = {edition.anchors[page.src_uri]: set(re.findall(r'\sid="([^"]*)"', _SVG.sub("", page.article)))
                for page in pages}

    sections: list[str] = []
    for page in pages:
        anchor = edition.anchors[page.src_uri]
        own_ids = page_ids[anchor]

        def attribute(match: re.Match[str], page: EditionPage = page, anchor: str = anchor,
                      own_ids: set[str] = own_ids) -> str:
            space, name, value = match.groups()
            if name in ("id", "for"):
                return f'{space}{name}="{anchor}-{value}"'
            if name.startswith("aria-"):
                tokens = [f"{anchor}-{token}" if token in own_ids else token for token in value.split()]
                return f'{space}{name}="{" ".join(tokens)}"'
            return f'{space}{name}="{html.escape(_link(html.unescape(value), page, keys, page_ids, print_url))}"'

        body = _outside_svg(page.article, _ATTRIBUTE, attribute)
        edition.sections.append((page, anchor, body))  # an EPUB file per page keeps its own h1
        kind = "book-part" if page.is_part else "book-chapter"
        sections.append(f'<section class="book-page {kind}" id="{anchor}">\n{shift_headings(body, page.level)}\n'
                        "</section>")
        edition.ids.add(anchor)
        edition.ids.update(f"{anchor}-{i}" for i in own_ids)

    toc = _table_of_contents(pages, edition.anchors)
    running_heads = "\n".join(_running_head(edition.anchors[page.src_uri], page.title) for page in pages)
    links = "\n".join(f'<link rel="stylesheet" href="{html.escape(href)}">' for href in stylesheets)
    edition.html = f"""<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{html.escape(title)}</title>
{links}
<link rel="stylesheet" href="print.css">
<style>
{running_heads}
</style>
</head>
<body class="book-print" dir="ltr" data-md-color-scheme="default" data-md-color-primary="indigo" data-md-color-accent="indigo">
<main class="md-typeset book-print__content">
<section class="book-title-page" id="book-title">
<p class="book-title-page__title">{html.escape(title)}</p>
<p class="book-title-page__subtitle">{html.escape(subtitle)}</p>
</section>
<nav class="book-toc" id="book-toc" aria-labelledby="book-toc-title">
<h1 id="book-toc-title">{html.escape(strings.EDITION_CONTENTS)}</h1>
{toc}
</nav>
{chr(10).join(sections)}
</main>
</body>
</html>
"""
    edition.ids.update({"book-title", "book-toc", "book-toc-title"})
    return edition


def shift_headings(body: str, levels: int) -> str:
    """A chapter's headings one level per depth down, so the PDF outline nests Part, chapter, section."""
    def shifted(match: re.Match[str]) -> str:
        return f"<{match.group(1)}h{min(6, int(match.group(2)) + levels)}"
    return _HEADING.sub(shifted, body)


def _running_head(anchor: str, title: str) -> str:
    """Each chapter prints on its own named page whose top margin carries its title: Chromium
    has no ``string-set``, but it has named pages and (since 131) page-margin boxes."""
    text = title.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("<", "\\3C ")
    return (f'#{anchor} {{ page: {anchor}; }}\n'
            f'@page {anchor} {{ @top-center {{ content: "{text}"; font: 8pt "Pretendard Print", "Pretendard Variable", sans-serif; '
            f'color: #555; }} }}')


def _link(href: str, page: EditionPage, keys: dict[str, str], page_ids: dict[str, set[str]], print_url: str) -> str:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("data:", "mailto:")):
        return href
    if not parts.path:  # "#fragment": within the same page
        anchor = keys[_page_key(page.url)]
        return f"#{anchor}-{parts.fragment}" if parts.fragment in page_ids[anchor] else f"#{anchor}"
    target = _page_key(_site_path(parts.path, page.url))
    if target in keys:
        anchor = keys[target]
        own = page_ids.get(anchor, set())
        return f"#{anchor}-{parts.fragment}" if parts.fragment and parts.fragment in own else f"#{anchor}"
    return rebase(href, page.url, print_url)


def _table_of_contents(pages: list[EditionPage], anchors: dict[str, str]) -> str:
    return "\n".join(nested_list(
        (page.level, f'<a href="#{anchors[page.src_uri]}">{html.escape(page.title)}</a>') for page in pages))


def nested_list(items: Iterable[tuple[int, str]]) -> list[str]:
    """Nested ``<ol>`` lines for (level, item HTML) pairs in book order: the print page's
    table of contents and the EPUB's nav document are the same tree."""
    lines: list[str] = []
    depth = -1
    for level, item in items:
        while depth < level:
            lines.append("<ol>")
            depth += 1
        while depth > level:
            lines.append("</li></ol>")
            depth -= 1
        if lines and lines[-1] != "<ol>":
            lines.append("</li>")
        lines.append(f"<li>{item}")
    while depth >= 0:
        lines.append("</li></ol>")
        depth -= 1
    return lines


def internal_links(print_html: str) -> list[str]:
    """Every ``#id`` link of the print page (for the test that each lands inside it)."""
    return re.findall(r'href="#([^"]*)"', _SVG.sub("", print_html))


def all_ids(print_html: str) -> list[str]:
    return re.findall(r'\sid="([^"]*)"', print_html)


_EDITION_LINKS = re.compile(r"<!-- book-editions -->.*?<!-- /book-editions -->\n?", re.S)


def human_size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{max(1, round(size / 1000))} KB"


def with_edition_links(home_html: str, sizes: dict[str, int]) -> str:
    """The home page with links to the editions (``book.pdf``, ``book.epub``: their sizes in
    bytes) at the end of its article; run again, it replaces the links it added."""
    items = [f'<a href="print/">{html.escape(strings.EDITION_LINK_PRINT)}</a>']
    for name, label in (("book.pdf", strings.EDITION_LINK_PDF), ("book.epub", strings.EDITION_LINK_EPUB)):
        if name in sizes:
            items.append(f'<a href="{name}" download>{html.escape(label.format(size=human_size(sizes[name])))}</a>')
    block = (f'<!-- book-editions --><p class="book-editions"><strong>{html.escape(strings.EDITION_LINKS)}</strong>: '
             + " · ".join(items) + "</p><!-- /book-editions -->\n")
    home_html = _EDITION_LINKS.sub("", home_html)
    end = home_html.find("</article>")
    return home_html if end < 0 else home_html[:end] + block + home_html[end:]

"""What a screen reader meets first on a page: the skip link and the headings' names.

Both work on a page's finished HTML, because the pieces come from several places — the
toc extension's ¶ links (in Markdown pages and in the generated lists written as HTML),
the title ``<h1>`` (Material's template, or the page itself), and Material's skip link,
which points at the first entry of the table of contents (the first ``##``, past the
chapter's title, date and opening paragraph). The toc extension's output has a fixed
shape, so one pattern per piece is enough; no HTML parser runs over every page.
"""

from __future__ import annotations

import html
import re

from . import strings

# The toc extension's heading with its ¶ link: <h2 id="x">Words<a class="headerlink" href="#x" …>¶</a></h2>
# (The heading's inner HTML is matched tag by tag, "unrolled": a character-by-character
# lookahead cost 0.5 ms on a chapter page.)
_HEADING = re.compile(
    r'<h(?P<level>[1-6])(?P<before>[^>]*?) id="(?P<id>[^"]+)"(?P<attributes>[^>]*)>'
    r'(?P<inner>[^<]*(?:<(?!/h[1-6]>|a class="headerlink")[^<]*)*)'
    r'(?P<link><a class="headerlink" href="#(?P=id)")(?P<rest>[^>]*>[^<]*</a>)</h(?P=level)>'
)
_TAG = re.compile(r"<[^>]+>")
_ARTICLE = re.compile(r"<article\b[^>]*>")
_H1 = re.compile(r"<h1(?P<attributes>[^>]*)>")
_ID = re.compile(r'\bid="([^"]+)"')
_SKIP = re.compile(r'(<div data-md-component="skip">)(.*?)(</div>)', re.S)
TITLE_ID = "book-title"


def text_of(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub("", fragment)).split())


def name_heading_permalinks(page_html: str) -> str:
    """Each heading is named by its words alone (``aria-labelledby`` a span around them), and
    its ¶ link by what it does: "제목 — 이 제목의 주소". Without this a screen reader reads
    every heading as "제목 ¶" (the ¶ is the link's text, and a heading is named by its content)."""

    def named(match: re.Match[str]) -> str:
        heading_id = match["id"]
        if "aria-labelledby" in match["before"] + match["attributes"]:
            return match.group(0)
        words_id = f"{heading_id}__words"
        label = strings.HEADING_PERMALINK_LABEL.format(title=text_of(match["inner"]))
        return (f'<h{match["level"]}{match["before"]} id="{heading_id}"{match["attributes"]} aria-labelledby="{words_id}">'
                f'<span id="{words_id}">{match["inner"]}</span>'
                f'{match["link"]} aria-label="{html.escape(label)}"{match["rest"]}</h{match["level"]}>')

    return _HEADING.sub(named, page_html) if 'class="headerlink"' in page_html else page_html


def skip_to_title(page_html: str) -> str:
    """Material's "skip to content" link goes to the article's first ``<h1>``, the chapter's
    title, which gets an id when it has none. A page with no table of contents gets the link too."""
    article = _ARTICLE.search(page_html)
    h1 = _H1.search(page_html, article.end()) if article else None
    skip = _SKIP.search(page_html)
    if h1 is None or skip is None:
        return page_html
    existing = _ID.search(h1["attributes"])
    title_id = existing.group(1) if existing else TITLE_ID
    link = f'<a href="#{html.escape(title_id)}" class="md-skip">{text_of(skip[2]) or strings.SKIP_TO_TITLE}</a>'
    pieces = [page_html[:skip.start()], skip[1], link, skip[3], page_html[skip.end():h1.start()]]
    pieces.append(h1.group(0) if existing else f'<h1 id="{TITLE_ID}"{h1["attributes"]}>')
    pieces.append(page_html[h1.end():])
    return "".join(pieces)

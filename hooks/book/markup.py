"""Python-Markdown extensions for the book's conventions.

They work on the element tree, after inline parsing, so code spans and fences are already
out of the way. MkDocs builds one Markdown instance per page without saying which page it
is, so each extension reads a ``RenderContext`` through a callable that the caller keeps
current.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from typing import Callable, Mapping

from markdown import Extension, Markdown
from markdown.blockprocessors import BlockQuoteProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

from . import strings
from .anchors import MARKER
from .conventions import CHAPTER_REFERENCE, TRAILER_LINE, callout_kind, written_date
from .figures import CAPTION_TEXT, MENTION, figure_anchor
from .links import link_between, markdown_target_of_html_link, relative_to_legacy_base


@dataclass
class RenderContext:
    src_uri: str = ""  # the page being rendered
    doc_uris: frozenset[str] = frozenset()  # every file of the book, for links
    figure_pages: Mapping[str, str] = field(default_factory=dict)  # figure anchor -> src_uri
    chapter_pages: Mapping[str, str] = field(default_factory=dict)  # chapter identifier -> src_uri
    legacy_base: str | None = None  # the old site's base path, e.g. /pages-book/
    review_marker: str | None = None  # the page's, shown as a badge under its title


ContextSource = Callable[[], RenderContext]

# MkDocs resolves links in its "relpath" treeprocessor (priority 0) and collects anchor ids
# at priority 5: figures get their ids before that, links are rewritten just before relpath.
FIGURES_PRIORITY = 7
LINKS_PRIORITY = 1
NO_LINKS_INSIDE = {"a", "code", "pre", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style"}


LIST_ITEM = re.compile(r"^[ ]*(?:[*+-]|\d+[.)])[ ]+\S")
# SuperFences stashes fenced code at priority 25; running after it keeps code untouched.
LISTS_PRIORITY = 24
# SuperFences' Mermaid block, as the custom fence in mkdocs.yml formats it.
MERMAID_BLOCK = '<pre class="mermaid"'
# Material's attribute for blocks its search leaves out. With a value, its search plugin
# also takes it out of the page again (it removes only data-search-*="…").
OUT_OF_SEARCH = ' data-search-exclude="diagram-source"'


class _ContextTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, context: ContextSource):
        super().__init__(md)
        self.context = context


class _ListsAfterParagraphs(Preprocessor):
    """A list may start right under a paragraph line, as in kramdown and GitHub Markdown.

    The chapters were written for Jekyll's kramdown, and Python-Markdown needs a blank line
    before a list. mdx-breakless-lists does this too, but it runs before fenced code is
    stashed and so would also insert blank lines into code blocks.
    """

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        in_list = False
        for line in lines:
            if LIST_ITEM.match(line):
                if not in_list and out and out[-1].strip() and not out[-1].lstrip().startswith(("|", ">")):
                    out.append("")
                in_list = True
            elif not line.strip():
                in_list = False
            out.append(line)
        return out


class _Figures(Treeprocessor):
    """A diagram or image paragraph followed by its caption becomes a <figure>."""

    def run(self, root: etree.Element) -> None:
        used: set[str] = set()
        for parent in list(root.iter()):
            index = 0
            while index < len(parent) - 1:
                content, caption = parent[index], parent[index + 1]
                match = self._caption(caption)  # cheaper, and fails for almost every pair
                kind = self._figure_kind(content) if match else None
                if kind and match:
                    parent.remove(content)
                    parent.remove(caption)
                    parent.insert(index, self._figure(kind, content, caption, match, used))
                index += 1

    def _figure_kind(self, element: etree.Element) -> str | None:
        if element.tag != "p" or element.attrib:
            return None
        if len(element) == 1 and element[0].tag == "img" and _blank(element.text) and _blank(element[0].tail):
            return "image"
        if len(element) == 0 and element.text:
            placeholder = HTML_PLACEHOLDER_RE.fullmatch(element.text.strip())
            if placeholder:
                html = self.md.htmlStash.rawHtmlBlocks[int(placeholder.group(1))]
                if isinstance(html, str) and html.startswith(MERMAID_BLOCK):
                    return "mermaid"
        return None

    @staticmethod
    def _caption(element: etree.Element) -> re.Match | None:
        if element.tag != "p" or len(element) != 1 or element[0].tag != "em":
            return None
        if not _blank(element.text) or not _blank(element[0].tail):
            return None
        return CAPTION_TEXT.match("".join(element[0].itertext()).strip())

    def _figure(self, kind, content, caption, match, used) -> etree.Element:
        anchor = figure_anchor(match["chapter"], int(match["number"]))
        figure = etree.Element("figure", {"class": f"book-figure book-figure--{kind}"})
        if anchor not in used:  # a repeated number is already a finding; ids stay unique
            figure.set("id", anchor)
            used.add(anchor)
        if kind == "image":
            image = content[0]
            image.tail = None
            figure.append(image)
        else:
            figure.append(content)  # the stash placeholder paragraph; Markdown restores it in place
        figcaption = etree.SubElement(figure, "figcaption")
        label = etree.SubElement(figcaption, "span", {"class": "book-figure__label"})
        label.text = f"Figure {match['chapter']}-{match['number']}."
        emphasis = caption[0]
        self._show_raw_html_as_text(emphasis)
        rest = (emphasis.text or "").lstrip()
        prefix = re.match(r"Figure\s+\S+?-\d+\.\s*", rest)
        label.tail = " " + (rest[prefix.end():] if prefix else rest)
        for child in list(emphasis):
            figcaption.append(child)
        link = etree.SubElement(figcaption, "a", {
            "class": "headerlink", "href": f"#{anchor}", "title": strings.FIGURE_PERMALINK_TITLE,
        })
        link.text = "¶"
        return figure


    def _show_raw_html_as_text(self, element: etree.Element) -> None:
        # A caption is text, as a title is: "<b>" written in it is shown, not applied.
        def restore(text: str | None) -> str | None:
            if not text:
                return text
            return HTML_PLACEHOLDER_RE.sub(lambda m: self._stashed_text(int(m.group(1))), text)

        for node in element.iter():
            node.text, node.tail = restore(node.text), restore(node.tail) if node is not element else node.tail

    def _stashed_text(self, index: int) -> str:
        html = self.md.htmlStash.rawHtmlBlocks[index]
        return html if isinstance(html, str) else ""


class _SeparateBlockquotes(BlockQuoteProcessor):
    """Blockquotes apart by a blank line stay apart, as in kramdown and CommonMark.

    Python-Markdown appends a quote to the one before it whenever they are siblings, which
    would put "> **[참고]** …" and the next "> **[주의]** …" into one box.
    """

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        block = blocks.pop(0)
        match = self.RE.search(block)
        if match:
            self.parser.parseBlocks(parent, [block[: match.start()]])
            block = "\n".join(self.clean(line) for line in block[match.start():].split("\n"))
        quote = etree.SubElement(parent, "blockquote")
        self.parser.state.set("blockquote")
        self.parser.parseChunk(quote, block)
        self.parser.state.reset()


class _Callouts(Treeprocessor):
    """``> **[참고]** …`` becomes a Material admonition titled with its label (spec §6).

    Each labelled paragraph starts an admonition of its own, so two labels in one quote
    make two boxes.
    """

    def run(self, root: etree.Element) -> None:
        for parent in [element for element in root.iter() if element.find("blockquote") is not None]:
            for quote in parent.findall("blockquote"):
                self._split(parent, quote)

    def _split(self, parent: etree.Element, quote: etree.Element) -> None:
        groups: list[tuple[str | None, list[etree.Element]]] = [(None, [])]
        for child in list(quote):
            label = self._label(child)
            if label is not None:
                groups.append((label, []))
            groups[-1][1].append(child)
        if len(groups) == 1:
            return
        position = list(parent).index(quote)
        parent.remove(quote)
        for label, children in groups:
            if label is None:
                if children:
                    plain = etree.Element("blockquote")
                    plain.extend(children)
                    parent.insert(position, plain)
                    position += 1
                continue
            parent.insert(position, self._admonition(label, children))
            position += 1

    @staticmethod
    def _label(element: etree.Element) -> str | None:
        if element.tag != "p" or not len(element) or element[0].tag != "strong" or not _blank(element.text):
            return None
        text = (element[0].text or "").strip()
        if len(element[0]) or not (text.startswith("[") and text.endswith("]")):
            return None
        return text[1:-1].strip() if callout_kind(text[1:-1]) else None

    @staticmethod
    def _admonition(label: str, children: list[etree.Element]) -> etree.Element:
        kind = callout_kind(label)
        block = etree.Element("div", {"class": "admonition " + ("warning book-todo" if kind == "todo" else kind)})
        title = etree.SubElement(block, "p", {"class": "admonition-title"})
        title.text = strings.TODO_TITLE if kind == "todo" else label
        first, rest = children[0], children[1:]
        strong = first[0]
        first.remove(strong)
        first.text = (strong.tail or "").lstrip()
        if not (_blank(first.text) and not len(first)):
            block.append(first)
        block.extend(rest)
        return block


class _PageMeta(_ContextTreeprocessor):
    """The trailer lines (작성일: …) leave the text; the date, and the review marker of the
    title, show as one line under the title instead."""

    def run(self, root: etree.Element) -> None:
        context = self.context()
        written = None
        for paragraph in root.findall("p"):
            if len(paragraph) or "작성일" not in (paragraph.text or ""):
                continue
            lines = paragraph.text.strip().split("\n")
            matches = [TRAILER_LINE.match(line.strip()) for line in lines]
            if len(paragraph) or not all(matches) or not any(m["key"] == "작성일" for m in matches):
                continue
            root.remove(paragraph)
            written = next(m["value"] for m in matches if m["key"] == "작성일")
        if not written and not context.review_marker:
            return
        line = etree.Element("p", {"class": "book-page-meta"})
        if context.review_marker:
            badge = etree.SubElement(line, "span", {"class": "book-review-marker", "title": strings.REVIEW_MARKER_TITLE})
            badge.text = context.review_marker
            badge.tail = " "
        date = written_date(written) if written else None  # a bad one is a finding already
        if date:
            time = etree.SubElement(line, "time", {"datetime": date.isoformat()})
            time.text = strings.WRITTEN_ON.format(date=strings.DATE.format(year=date.year, month=date.month, day=date.day))
        position = 1 if len(root) and root[0].tag == "h1" else 0
        root.insert(position, line)


class _ContextAnchor(Treeprocessor):
    """The LLM Context Anchor becomes the chapter's summary block: an ``abstract``
    admonition titled 핵심 요약, its keywords as chips; the HTML comment marker goes."""

    def run(self, root: etree.Element) -> None:
        children = list(root)
        # The chapter's anchor is its last marker, at the end: look from there.
        start = next((i for i in range(len(children) - 1, -1, -1) if self._is_marker(children[i])), None)
        if start is None:
            return
        summary = keywords = None
        for child in children[start + 1:]:
            label = self._label(child)
            if label == strings.SUMMARY_TITLE and summary is None:
                summary = child
            elif label == strings.KEYWORDS_LABEL and keywords is None:
                keywords = child
        if summary is None:
            return  # a finding already says what is missing; leave the text as written
        first = start - 1 if start > 0 and children[start - 1].tag == "hr" else start
        position = list(root).index(children[first])
        for child in children[first:start + 1]:
            root.remove(child)
        block = etree.Element("div", {"class": "admonition abstract book-summary"})
        # A heading, so a screen reader lists it; h2, like the chapter's own sections (#21).
        title = etree.SubElement(block, "h2", {"class": "admonition-title"})
        title.text = strings.SUMMARY_TITLE
        root.remove(summary)
        self._drop_label(summary)
        summary.set("class", "book-summary__text")  # the digest and the Part's page show it as is
        block.append(summary)
        if keywords is not None:
            root.remove(keywords)
            label = keywords[0]
            label.tag, label.attrib = "span", {"class": "book-keywords__label"}
            label.tail = " " + (label.tail or "").lstrip().removeprefix(":").lstrip()
            keywords.set("class", "book-keywords")
            for chip in keywords.iter("code"):
                chip.set("class", "book-keyword")
            block.append(keywords)
        root.insert(position, block)

    def _is_marker(self, element: etree.Element) -> bool:
        if element.tag != "p" or len(element) or not element.text:
            return False
        placeholder = HTML_PLACEHOLDER_RE.fullmatch(element.text.strip())
        if not placeholder:
            return False
        html = self.md.htmlStash.rawHtmlBlocks[int(placeholder.group(1))]
        return isinstance(html, str) and bool(MARKER.match(html.strip()))

    @staticmethod
    def _label(element: etree.Element) -> str | None:
        if element.tag == "p" and len(element) and element[0].tag == "strong" and _blank(element.text):
            return (element[0].text or "").strip()
        return None

    @staticmethod
    def _drop_label(paragraph: etree.Element) -> None:
        label = paragraph[0]
        rest = (label.tail or "").lstrip()
        paragraph.remove(label)
        paragraph.text = rest[1:].lstrip() if rest.startswith(":") else rest


@dataclass(frozen=True)
class _Linker:
    pattern: re.Pattern
    css_class: str
    target: Callable[[re.Match, RenderContext], "tuple[str, str] | None"]  # (src_uri, fragment) or None
    hints: tuple[str, ...]  # a text the pattern can match contains one of these


def _figure_target(match: re.Match, context: RenderContext) -> tuple[str, str] | None:
    anchor = figure_anchor(match["chapter"], int(match["number"]))
    page = context.figure_pages.get(anchor)
    return (page, anchor) if page else None


def _chapter_target(match: re.Match, context: RenderContext) -> tuple[str, str] | None:
    page = context.chapter_pages.get(match["appendix"] or match["number"])
    return (page, "") if page and page != context.src_uri else None


class _ProseLinks(_ContextTreeprocessor):
    """``Figure 27-3`` / ``그림 27-3`` link to that figure, and ``[부록 A01]`` or ``[27장]`` (left
    as text by Markdown) to that chapter, wherever it is. One walk of the page for both.

    Text in links, code, headings and captions is left alone.
    """

    LINKERS = (_Linker(MENTION, "book-figure-ref", _figure_target, ("Figure", "그림")),
               _Linker(CHAPTER_REFERENCE, "book-chapter-ref", _chapter_target, ("[",)))
    # A text without any linker's hint cannot match, and most texts have none.
    HINT = re.compile("|".join(re.escape(hint) for linker in LINKERS for hint in linker.hints))

    def run(self, root: etree.Element) -> None:
        self.current = self.context()
        hint = self.HINT.search  # tested here, before any call: most texts have no hint
        pending = [root]
        while pending:
            element = pending.pop()
            if element.text and hint(element.text):
                self._split(element, None)
            for child in list(element):  # a copy: _split inserts the links it makes
                if child.tag not in NO_LINKS_INSIDE:
                    pending.append(child)
                if child.tail and hint(child.tail):
                    self._split(element, child)

    def _split(self, parent: etree.Element, after: etree.Element | None) -> None:
        text = parent.text if after is None else after.tail
        found = sorted(
            (match.start(), match.end(), linker.css_class, target)
            for linker in self.LINKERS
            if any(hint in text for hint in linker.hints)  # scanning Korean prose is the cost
            for match in linker.pattern.finditer(text)
            if (target := linker.target(match, self.current)) is not None
        )
        pieces, last = [], 0
        for start, end, css_class, target in found:
            if start < last:  # overlaps the previous link
                continue
            link = etree.Element("a", {"href": self._href(*target), "class": css_class})
            link.text = text[start:end]
            pieces.append((text[last:start], link))
            last = end
        if not pieces:
            return
        if after is None:
            parent.text = pieces[0][0]
            insert_at = 0
        else:
            after.tail = pieces[0][0]
            insert_at = list(parent).index(after) + 1
        for number, (_, link) in enumerate(pieces):
            link.tail = pieces[number + 1][0] if number + 1 < len(pieces) else text[last:]
            parent.insert(insert_at + number, link)

    def _href(self, target: str, fragment: str) -> str:
        here = self.current.src_uri
        if target == here:
            return f"#{fragment}" if fragment else ""
        relative = link_between(here, target)
        return f"{relative}#{fragment}" if fragment else relative


class _HtmlLinksToMarkdown(_ContextTreeprocessor):
    """Jekyll-era ``page.html`` links, and absolute links into the old site, point at the
    book's own ``.md`` files, for MkDocs to resolve and validate."""

    def run(self, root: etree.Element) -> None:
        context = self.context()
        for element, attribute in [*((a, "href") for a in root.iter("a")), *((i, "src") for i in root.iter("img"))]:
            value = element.get(attribute)
            if not value:
                continue
            target = relative_to_legacy_base(value, context.legacy_base, context.src_uri, context.doc_uris)
            if target is None and attribute == "href":
                target = markdown_target_of_html_link(value, context.src_uri, context.doc_uris)
            if target is not None:
                element.set(attribute, target)


class _DiagramSourcesOutOfSearch(Treeprocessor):
    """A diagram's Mermaid source stays out of the search index.

    Material indexes every code block, and a diagram reaches it as one: about a quarter of
    chapter 27's index was Mermaid syntax, and a search for a word in a diagram showed
    "flowchart TB A[…] --&gt; B" as the result's text. The words a reader looks for are in
    the prose and the caption, which stay indexed.

    A tree processor, though it changes no element: it runs once a page, after SuperFences
    has stashed the diagrams, where a postprocessor would also run again on every heading's
    text (the toc extension does that) and mark each diagram once per heading.
    """

    def run(self, root: etree.Element) -> None:
        blocks = self.md.htmlStash.rawHtmlBlocks
        for index, block in enumerate(blocks):
            if isinstance(block, str) and block.startswith(MERMAID_BLOCK):
                blocks[index] = MERMAID_BLOCK + OUT_OF_SEARCH + block[len(MERMAID_BLOCK):]


class BookMarkupExtension(Extension):
    def __init__(self, context: ContextSource, **kwargs):
        self.context = context
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_ListsAfterParagraphs(md), "book_lists_after_paragraphs", LISTS_PRIORITY)
        md.parser.blockprocessors.register(_SeparateBlockquotes(md.parser), "quote", 20)  # replaces Markdown's
        md.treeprocessors.register(_Figures(md), "book_figures", FIGURES_PRIORITY)
        md.treeprocessors.register(_ContextAnchor(md), "book_context_anchor", FIGURES_PRIORITY)
        md.treeprocessors.register(_Callouts(md), "book_callouts", FIGURES_PRIORITY)
        md.treeprocessors.register(_PageMeta(md, self.context), "book_page_meta", FIGURES_PRIORITY)
        md.treeprocessors.register(_ProseLinks(md, self.context), "book_prose_links", LINKS_PRIORITY + 0.5)
        md.treeprocessors.register(_HtmlLinksToMarkdown(md, self.context), "book_html_links", LINKS_PRIORITY)
        md.treeprocessors.register(_DiagramSourcesOutOfSearch(md), "book_diagrams_out_of_search",
                                   FIGURES_PRIORITY)


def _blank(text: str | None) -> bool:
    return text is None or not text.strip()

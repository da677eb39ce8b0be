"""The book as an EPUB 3: one XHTML file per page of the print edition, a nav document from
the book's navigation, the diagrams as inline SVG, the images the pages show.

Written with the standard library's zipfile and a few templates: an EPUB is a zip of XML files,
and the one thing a library (ebooklib) would add, its own HTML-to-XHTML pass through lxml, is
a new compiled dependency; the print edition already did the work of ordering pages and
rewriting their links, so each of its sections only has to become well-formed XHTML here.
"""

from __future__ import annotations

import html
import mimetypes
import posixpath
import re
import uuid
import xml.etree.ElementTree as ElementTree
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

from . import strings
from .analysis import BookAnalysis
from .codes import Code
from .editions import PrintEdition, nested_list
from .findings import Finding

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
BOOLEAN = {"checked", "disabled", "hidden", "open", "selected", "readonly", "multiple", "required"}
MEDIA_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
               ".gif": "image/gif", ".webp": "image/webp"}
_RAW_NAMES = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?""")


class _Xhtml(HTMLParser):
    """Re-serialises Material's HTML as XHTML: void elements closed, attributes quoted,
    text escaped, SVG names in their own case (html.parser lowers ``viewBox``)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[str] = []
        self.svg_depth = 0
        self.images: list[str] = []

    def _tag(self, tag: str, attrs: list[tuple[str, str | None]], closed: bool) -> None:
        raw = self.get_starttag_text() or ""
        names = {name.lower(): name for name in _RAW_NAMES.findall(raw[1:].rstrip("/>"))}
        name = names.get(tag, tag)
        if tag == "p" and self.svg_depth:  # Mermaid's label paragraphs sit in a <span>: XHTML allows no <p> there
            name = "span"
            attrs = [*attrs, ("class", "book-label-line")]
        if tag == "svg":
            self.svg_depth += 1
        values: dict[str, str] = {}
        for key, value in attrs:
            original = names.get(key, key) if self.svg_depth else key
            values[original] = key if value is None and key in BOOLEAN else (value or "")
        if tag == "svg" and self.svg_depth == 1:
            values["role"] = "img"  # epubcheck knows no graphics-document role
            values.setdefault("xmlns", "http://www.w3.org/2000/svg")
        if tag == "rect" and self.svg_depth and ("width" not in values or "height" not in values):
            values.setdefault("width", "0")
            values.setdefault("height", "0")
        if tag == "img":
            self.images.append(values.get("src", ""))
        text = "".join(f' {key}="{html.escape(value, quote=True)}"' for key, value in values.items())
        if closed or tag in VOID:
            self.out.append(f"<{name}{text}/>")
            if tag == "svg":
                self.svg_depth -= 1
        else:
            self.out.append(f"<{name}{text}>")
            self.open.append(name)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, attrs, False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, attrs, True)

    def handle_endtag(self, tag: str) -> None:
        if tag == "p" and self.svg_depth:
            tag = "span"
        if tag in VOID or not any(name.lower() == tag for name in self.open):
            return
        while self.open:
            name = self.open.pop()
            self.out.append(f"</{name}>")
            if name.lower() == "svg":
                self.svg_depth -= 1
            if name.lower() == tag:
                break

    def handle_data(self, data: str) -> None:
        self.out.append(html.escape(data, quote=False))

    def close(self) -> None:
        super().close()
        while self.open:
            self.out.append(f"</{self.open.pop()}>")


def to_xhtml(fragment: str) -> tuple[str, list[str]]:
    """The fragment as XHTML, and the ``src`` of every image in it."""
    parser = _Xhtml()
    parser.feed(fragment)
    parser.close()
    return "".join(parser.out), parser.images


@dataclass
class _Asset:
    site_path: str
    media_type: str


def _document(title: str, body: str, css: list[str], extra_ns: str = "") -> str:
    links = "".join(f'<link rel="stylesheet" type="text/css" href="{href}"/>' for href in css)
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
            f'<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"{extra_ns} '
            f'lang="ko" xml:lang="ko">\n<head>\n<meta charset="utf-8"/>\n<title>{html.escape(title)}</title>\n'
            f"{links}\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def _variables(site: Path) -> str:
    """Material's light-palette custom properties the diagrams and boxes are coloured with,
    as one ``:root`` rule (an EPUB carries no Material stylesheet)."""
    found: dict[str, str] = {}
    for css in sorted((site / "assets" / "stylesheets").glob("*.min.css")):
        for name, value in re.findall(r"(--md-[a-z0-9-]+):([^;}]+)", css.read_text(encoding="utf-8")):
            if re.fullmatch(r"[#a-z0-9(),.%\s-]+", value):  # colours and sizes; not icons (data: URLs)
                found.setdefault(name, value)
    return ":root{" + ";".join(f"{name}:{value}" for name, value in found.items()) + "}\n"


def _source_line(analysis: BookAnalysis, src_uri: str, asset: str) -> tuple[str, int]:
    source = analysis.source(src_uri)
    if source is None:
        return f"docs/{src_uri}", 1
    name = posixpath.basename(asset)
    for number, line in enumerate(source.lines, start=1):
        if name and name in line:
            return source.path, number
    return source.path, 1


def write_epub(edition: PrintEdition, site: Path, epub: Path, title: str, subtitle: str,
               analysis: BookAnalysis, css: str) -> list[Finding]:
    """Writes the EPUB; returns the findings about assets it could not include."""
    findings: list[Finding] = []
    files: dict[str, str] = {}  # anchor -> file name
    for _page, anchor, _body in edition.sections:
        files[anchor] = f"{anchor}.xhtml"
    assets: dict[str, _Asset] = {}
    documents: list[tuple[str, str, bool]] = []  # file name, XHTML, has SVG

    def link(match: re.Match[str]) -> str:
        target = match.group(1)
        anchor = target.split("-", 1)[0]
        if anchor in files:
            return f'href="{files[anchor]}#{target}"'
        return 'href="nav.xhtml"' if target.startswith("book-") else match.group(0)

    for page, anchor, body in edition.sections:
        body = re.sub(r'href="#([^"]*)"', link, body)
        # Links out of the book (to pages of the site not in it) cannot resolve inside an EPUB.
        body = re.sub(r'<a href="(?:\.\./|\./)?(?![a-z]+:|#|p\d+\.xhtml|nav\.xhtml)[^"]*"', "<a", body)
        xhtml, images = to_xhtml(f'<section id="{anchor}" class="book-page">{body}</section>')
        for src in images:
            parsed = html.unescape(src)
            if re.match(r"[a-z]+:", parsed):
                # A remote image would make the EPUB fetch it: a link to it instead.
                link_to = f'<a href="{html.escape(parsed)}">{html.escape(parsed)}</a>'
                for img in re.findall(rf'<img[^>]*src="{re.escape(src)}"[^>]*/>', xhtml):
                    xhtml = xhtml.replace(img, link_to)
                continue
            site_path = posixpath.normpath(posixpath.join("print", parsed))
            file = site / site_path
            problem = ""
            if not file.is_file():
                problem = strings.EDITION_ASSET_MISSING.format(asset=site_path)
                code = Code.EDITION_ASSET_MISSING
            elif broken := asset_problem(file):
                problem = strings.EDITION_ASSET_INVALID.format(error=broken, asset=site_path)
                code = Code.EDITION_ASSET_INVALID
            if problem:
                path, line = _source_line(analysis, page.src_uri, site_path)
                findings.append(Finding(path, line, code, problem, code.severity))
                xhtml = re.sub(rf'<img[^>]*src="{re.escape(src)}"[^>]*/>',
                               lambda m: f'<span class="book-missing-image">{_alt(m.group(0))}</span>', xhtml)
                continue
            media_type = MEDIA_TYPES.get(file.suffix.lower()) or mimetypes.guess_type(file.name)[0] or ""
            assets[site_path] = _Asset(site_path, media_type)
            xhtml = xhtml.replace(f'src="{src}"', f'src="{html.escape(site_path)}"')
        documents.append((files[anchor], _document(page.title, xhtml, ["book.css"]), "<svg" in xhtml))

    nav = _document(strings.EDITION_CONTENTS, _nav(edition, files), ["book.css"])
    cover = _document(title, f'<section class="book-title-page"><h1>{html.escape(title)}</h1>'
                             f"<p>{html.escape(subtitle)}</p></section>", ["book.css"])
    modified = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    identifier = f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'book:' + title)}"
    manifest = ['<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
                '<item id="cover" href="cover.xhtml" media-type="application/xhtml+xml"/>',
                '<item id="css" href="book.css" media-type="text/css"/>']
    spine = ['<itemref idref="cover"/>', '<itemref idref="nav"/>']
    for name, _xhtml, has_svg in documents:
        item = name.removesuffix(".xhtml")
        properties = ' properties="svg"' if has_svg else ""
        manifest.append(f'<item id="{item}" href="{name}" media-type="application/xhtml+xml"{properties}/>')
        spine.append(f'<itemref idref="{item}"/>')
    for number, asset in enumerate(assets.values(), start=1):
        manifest.append(f'<item id="asset{number}" href="{html.escape(asset.site_path)}" '
                        f'media-type="{asset.media_type}"/>')
    opf = f"""<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="ko">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="book-id">{identifier}</dc:identifier>
<dc:title>{html.escape(title)}</dc:title>
<dc:description>{html.escape(subtitle)}</dc:description>
<dc:language>ko</dc:language>
<dc:date>{modified[:10]}</dc:date>
<meta property="dcterms:modified">{modified}</meta>
</metadata>
<manifest>
{chr(10).join(manifest)}
</manifest>
<spine>
{chr(10).join(spine)}
</spine>
</package>
"""
    with zipfile.ZipFile(epub, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        deflate = zipfile.ZIP_DEFLATED
        archive.writestr("META-INF/container.xml", CONTAINER, compress_type=deflate)
        archive.writestr("OEBPS/content.opf", opf, compress_type=deflate)
        archive.writestr("OEBPS/nav.xhtml", nav, compress_type=deflate)
        archive.writestr("OEBPS/cover.xhtml", cover, compress_type=deflate)
        archive.writestr("OEBPS/book.css", _variables(site) + css, compress_type=deflate)
        for name, xhtml, _has_svg in documents:
            archive.writestr(f"OEBPS/{name}", xhtml, compress_type=deflate)
        for asset in assets.values():
            archive.write(site / asset.site_path, f"OEBPS/{asset.site_path}", compress_type=deflate)
    return findings


def asset_problem(file: Path) -> str:
    """Why epubcheck would reject the image ("" when it would not): an SVG that is not XML
    (the book has one with an unescaped ``&``), a PNG, JPEG or GIF cut short or mislabelled."""
    suffix = file.suffix.lower()
    if suffix == ".svg":
        try:
            ElementTree.parse(file)
        except ElementTree.ParseError as error:
            return f"XML: {error}"
        return ""
    head = file.read_bytes()[:32]
    signatures = {".png": (b"\x89PNG\r\n\x1a\n", 33), ".jpg": (b"\xff\xd8\xff", 4), ".jpeg": (b"\xff\xd8\xff", 4),
                  ".gif": (b"GIF8", 14)}
    if suffix in signatures:
        signature, least = signatures[suffix]
        if not head.startswith(signature) or file.stat().st_size < least:
            return f"{suffix[1:].upper()}"
        if suffix == ".png" and head[12:16] != b"IHDR":
            return "PNG"
    return ""


def _alt(img: str) -> str:
    found = re.search(r'alt="([^"]*)"', img)
    return found.group(1) if found else ""


def _nav(edition: PrintEdition, files: dict[str, str]) -> str:
    lines = [f'<nav epub:type="toc" id="toc"><h1>{html.escape(strings.EDITION_CONTENTS)}</h1>']
    lines += nested_list((page.level, f'<a href="{files[anchor]}">{html.escape(page.title)}</a>')
                         for page, anchor, _body in edition.sections)
    lines.append("</nav>")
    return "\n".join(lines)


CONTAINER = """<?xml version="1.0" encoding="utf-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
"""

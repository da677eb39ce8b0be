"""The book's typeface as the site serves it: Pretendard Variable, cut down to the characters
the site shows, in one file every page shares.

Why not Pretendard's own dynamic subsets (92 slices, each with its ``unicode-range``): a
chapter of Korean prose touches 14 of them (361 KB for chapter 27), and every slice that
arrives makes the browser lay the whole page out again, diagrams included. On a phone that
was most of the main thread Lighthouse blamed. One subset of the characters the book uses is
a quarter of the bytes, one request that can be preloaded, and one layout when it lands.

The subset keeps every OpenType feature, the weight axis and the author's credit and licence
records (under a name of its own: ``rename``), so the text looks and measures exactly as in
the whole font (the diagrams' labels were measured in the whole font: ``book.mermaid_browser``).
It is a function of the characters only, cached by them: a build whose characters did not
change reads it from the cache.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from . import cache_files, strings

# The variable TrueType from the pinned npm package: subsetting it takes about a second,
# where the woff2 beside it must first be decompressed (about five).
SOURCE = os.path.join("pretendard", "dist", "public", "variable", "PretendardVariable.ttf")
LICENCE = os.path.join("pretendard", "dist", "LICENSE.txt")
# The PDF's typeface: the author's own fixed-weight TrueType files from the same package.
# Chromium's PDF back end writes a variable font as Type 3 outlines (no hinting; some
# readers draw them poorly) and a fixed TrueType font as an embedded subset of itself. The
# print page names this family first (print.css); book.pdf declares it for the PDF only, so
# the site carries none of these files and a browser printing the page uses the site's font.
PRINT_FAMILY = "Pretendard Print"
PRINT_FILES = {300: "Pretendard-Light.ttf", 400: "Pretendard-Regular.ttf", 700: "Pretendard-Bold.ttf"}
PRINT_FOLDER = os.path.join("pretendard", "dist", "public", "static", "alternative")
# Where the site serves it, for every page (reading.css's @font-face, the preload link).
SITE_FOLDER = "assets/vendor/pretendard"
SITE_FILE = "PretendardVariable.book.woff2"

# Always in the subset, whatever the pages say: what a reader may type into the search box
# (Latin letters and digits, and Hangul's letters, which a Korean keyboard shows while it
# composes a syllable), and the words the editions add (book.editions).
ALWAYS = frozenset(range(0x20, 0x7F)) | frozenset(range(0x3131, 0x318F)) | frozenset(
    ord(character) for word in (strings.EDITION_CONTENTS, strings.EDITION_LINKS, strings.EDITION_LINK_PDF,
                                strings.EDITION_LINK_EPUB, strings.EDITION_LINK_PRINT) for character in word)

_ESCAPE = re.compile(rb"\\u([0-9a-fA-F]{4})")
_REFERENCE = re.compile(rb"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_ASCII = bytes(range(0x80))


def characters_of(data: bytes) -> set[int]:
    """The code points beyond ASCII (which is always in: ALWAYS) a page or a script, as UTF-8,
    can show: its characters, its character references read, and the ``\\uXXXX`` escapes of
    the JSON it carries (Material's translations, the viewer's words).

    A 60-chapter site is 8 MB of HTML, most of it ASCII markup: dropping ASCII from the bytes
    as read, before making a set of what is left, takes a tenth of the time of a set of
    every character (0.04 s against 0.4 s with html.unescape), which every build pays."""
    found = set(map(ord, set(data.translate(None, _ASCII).decode("utf-8", errors="replace"))))
    if b"&" in data:
        found.update(ord(character) for reference in set(_REFERENCE.findall(data))
                     for character in html.unescape(reference.decode("ascii")))
    if b"\\u" in data:
        found.update(int(code, 16) for code in set(_ESCAPE.findall(data)))
    return {code for code in found if code >= 0x80}


def subset_key(codepoints: Iterable[int], source: Path) -> str:
    """The cache key of one subset: the characters, the font file and fontTools' version."""
    from fontTools import version as fonttools_version

    stat = source.stat()
    digest = hashlib.sha256(f"{source.name}:{stat.st_size}:{fonttools_version}:{SUBSET_NAME}:".encode())
    digest.update(",".join(str(code) for code in sorted(codepoints)).encode())
    return digest.hexdigest()[:24]


# The subset's own name. Pretendard's licence (SIL OFL 1.1) reserves the name "Pretendard":
# a Modified Version, which a cut-down font is, must not carry it as its name. So the
# names a system or a PDF shows (family, full and PostScript names, the unique ID, and the
# named weights' PostScript names) say SUBSET_NAME; the copyright, trademark, designer,
# licence and URL records stay as the author wrote them, and a description says what it is.
SUBSET_NAME = "Agent Revolution Text"
_NAMES_TO_RENAME = {1, 3, 4, 6, 16, 25}  # and every name ID from 256: the named instances'
SUBSET_DESCRIPTION = ("A subset of Pretendard by Kil Hyung-jin (SIL Open Font License 1.1), cut to the characters "
                      "of the book 에이전트 혁명's site.")


def rename(font: Any) -> None:
    """The subset under SUBSET_NAME, the author's credits and licence kept (see above)."""
    spaced, joined = SUBSET_NAME, SUBSET_NAME.replace(" ", "")
    table = font["name"]
    for record in table.names:
        if record.nameID in _NAMES_TO_RENAME or record.nameID >= 256:
            text = record.toUnicode()
            record.string = text.replace("Pretendard", spaced if " " in text else joined)
    table.setName(SUBSET_DESCRIPTION, 10, 3, 1, 0x409)


def subset_font(source: Path, codepoints: Iterable[int]) -> bytes:
    """``source`` cut down to ``codepoints`` (and the glyphs their features reach), as woff2."""
    import io

    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.layout_features = ["*"]  # every feature: the subset shapes text as the whole font
    options.name_IDs = ["*"]  # the copyright, licence and name records travel with it
    options.name_languages = ["*"]
    options.notdef_outline = True
    font = TTFont(str(source))
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(codepoints))
    subsetter.subset(font)
    rename(font)
    font.flavor = "woff2"
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def cached_subset(source: Path, codepoints: Iterable[int], cache: Path) -> tuple[bytes, bool]:
    """The subset for ``codepoints``, from ``cache`` when it was made before; and whether it was."""
    wanted = set(codepoints)
    path = str(cache / f"{subset_key(wanted, source)}.woff2")
    data = cache_files.read(path)
    if data is not None:
        return data, True
    data = subset_font(source, wanted)
    cache_files.write(path, data)
    return data, False


SITE_PATTERNS = ("**/*.html", "assets/javascripts/*.js", "assets/stylesheets/*.css")


def site_characters(site: Path, cache: Path | None = None) -> set[int]:
    """Every character the built site can show: its pages, and the site's own scripts and
    stylesheets (a hint or a label they write).

    With ``cache``, a site whose files are byte for byte those an earlier build scanned gets
    that build's answer: hashing the files is a fifth of scanning them (0.007 s against
    0.035 s for a 60-chapter book), and most builds change nothing a reader sees."""
    files = [path for pattern in SITE_PATTERNS for path in sorted(site.glob(pattern))]
    contents = [path.read_bytes() for path in files]
    stored = None
    if cache is not None:
        digest = hashlib.sha256(Path(__file__).read_bytes())  # this scan, as this file does it
        for path, data in zip(files, contents, strict=True):
            digest.update(f"\0{path.relative_to(site).as_posix()}\0{len(data)}\0".encode())
            digest.update(data)
        stored = str(cache / f"{digest.hexdigest()}.characters")
        kept = cache_files.read(stored)
        try:
            if kept is not None:
                return {int(code) for code in kept.split()}
        except ValueError:
            pass
    found = set(ALWAYS)
    for data in contents:
        found |= characters_of(data)
    if stored is not None:
        try:
            cache_files.write(stored, " ".join(map(str, sorted(found))).encode("ascii"))
        except OSError:  # a read-only cache: the next build scans again
            pass
    return found


def print_faces(node_modules: Path) -> str:
    """The @font-face rules of PRINT_FAMILY, one per fixed weight found in ``node_modules``
    (Material's light headings, the text, bold), for the PDF's browser page alone."""
    rules = []
    for weight, name in PRINT_FILES.items():
        path = (node_modules / PRINT_FOLDER / name).resolve()
        if path.is_file():
            rules.append(f'@font-face {{ font-family: "{PRINT_FAMILY}"; font-weight: {weight}; '
                         f'src: url("{path.as_uri()}") format("truetype"); }}')
    return "\n".join(rules)

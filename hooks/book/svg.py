"""SVG images a browser cannot draw (spec §7: one of the book's SVGs is not valid XML).

A browser shows an SVG in ``<img>`` only when the file is well-formed XML; the book has one
with a bare ``&`` in a label, drawn by Jekyll's site as a broken image without a word. The
check names the file and the line of the chapter that shows it (``image-svg-invalid``), and
the build publishes a copy with the bare ``&`` written as ``&amp;`` when that is all that is
wrong, so the preview shows the drawing while the finding stands. The source file is never
changed.
"""

from __future__ import annotations

import re
import xml.parsers.expat
from dataclasses import dataclass

# "&" that starts no entity or character reference: what the XML parser refuses.
BARE_AMPERSAND = re.compile(rb"&(?!(?:[A-Za-z_][\w.-]*|#\d+|#x[0-9A-Fa-f]+);)")


@dataclass(frozen=True)
class SvgProblem:
    line: int  # in the SVG file
    reason: str
    repaired: bytes | None = None  # a well-formed copy, when escaping bare "&" is enough


def svg_problem(raw: bytes) -> SvgProblem | None:
    """Why a browser would not draw this SVG, or None when it is well-formed XML."""
    error = _xml_error(raw)
    if error is None:
        return None
    line, reason = error
    repaired = BARE_AMPERSAND.sub(b"&amp;", raw)
    return SvgProblem(line, reason, repaired if repaired != raw and _xml_error(repaired) is None else None)


def _xml_error(raw: bytes) -> tuple[int, str] | None:
    parser = xml.parsers.expat.ParserCreate()
    try:
        parser.Parse(raw, True)
    except xml.parsers.expat.ExpatError as error:
        return error.lineno, xml.parsers.expat.ErrorString(error.code)
    return None

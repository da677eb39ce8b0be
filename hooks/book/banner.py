"""The preview banner: a page's findings shown at its top while an author previews it."""

from __future__ import annotations

import html
from collections.abc import Sequence

from . import strings
from .findings import Finding, Severity

SEVERITY_CLASS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}


def findings_banner(findings: Sequence[Finding]) -> str:
    """HTML of the banner, or "" when the page has nothing to fix."""
    shown = [f for f in findings if f.severity >= Severity.WARNING]
    if not shown:
        return ""
    items = "".join(
        f'<li class="book-findings__{SEVERITY_CLASS[f.severity]}">'
        f'<span class="book-findings__line">{html.escape(strings.FINDINGS_LINE.format(line=f.line))}</span> '
        f"{html.escape(f.message)} <code>{html.escape(f.code)}</code></li>"
        for f in shown
    )
    return (
        '<div class="book-findings admonition failure" role="status">'
        f'<p class="admonition-title">{html.escape(strings.FINDINGS_BANNER_TITLE.format(count=len(shown)))}</p>'
        f"<ul>{items}</ul>"
        f'<p class="book-findings__note">{html.escape(strings.FINDINGS_BANNER_NOTE)}</p>'
        "</div>"
    )

"""The one finding type every check reports, and how findings are printed."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from collections.abc import Iterable


class Severity(enum.IntEnum):
    """How much a finding matters.

    ERROR fails ``make check``; ERROR and WARNING both fail ``mkdocs build --strict``
    (a WARNING is fine while previewing, never in a published build); INFO only informs.
    """

    INFO = 0
    WARNING = 1
    ERROR = 2


@dataclass(frozen=True, order=True)
class Finding:
    path: str  # as the author opens it: "docs/02-literacy/27-hub.md"
    line: int  # 1-based; 1 when the whole file is at fault
    code: str  # stable kebab-case identifier, e.g. "nav-unknown-parent"
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.code} {self.message}"


def sorted_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Book order for a reader of the terminal: by file, then line, then code."""
    return sorted(set(findings), key=lambda f: (f.path, f.line, f.code, f.message))


def has_errors(findings: Iterable[Finding], *, strict: bool = False) -> bool:
    threshold = Severity.WARNING if strict else Severity.ERROR
    return any(f.severity >= threshold for f in findings)

"""Every finding code of the book, in one registry: its severity and what it means, in
Korean (for the authors) and English (for contributors). One line per code.

Codes are stable English identifiers (for grep and CI); messages are Korean. AUTHORING.md's
table of findings is this registry (``python -m book.codes`` prints it; a test holds them
equal). A new check adds its code here, one line.
"""

from __future__ import annotations

import enum
import sys

from .findings import Severity

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


class Code(enum.StrEnum):
    """A finding code; ``str(code)`` is the code as printed."""

    severity: Severity
    korean: str
    english: str

    def __new__(cls, code: str, severity: Severity, korean: str, english: str) -> Code:
        member = str.__new__(cls, code)
        member._value_ = code
        member.severity, member.korean, member.english = severity, korean, english
        return member

    ENCODING = "encoding", ERROR, "파일이 UTF-8이 아님(흔히 EUC-KR/CP949): UTF-8로 저장하세요", "the file is not saved as UTF-8"
    FRONT_MATTER_UNCLOSED = "front-matter-unclosed", ERROR, "머리말(front matter)을 여는 `---`에 닫는 `---`가 없음", "the front matter is never closed"
    FRONT_MATTER_YAML = "front-matter-yaml", ERROR, "머리말이 올바른 YAML이 아님: `:`가 든 제목은 따옴표로 감싸세요", "the front matter is not valid YAML"
    FRONT_MATTER_NOT_MAPPING = "front-matter-not-mapping", ERROR, "머리말이 `key: value` 줄이 아님", "the front matter is not key: value lines"
    FRONT_MATTER_TITLE = "front-matter-title", ERROR, "`title`이 없거나 글자가 아님(`title: 2024`)", "no title, or a title that is not text"
    FRONT_MATTER_NAV_ORDER = "front-matter-nav-order", ERROR, "`nav_order`가 숫자가 아님", "nav_order is not a number"
    FRONT_MATTER_PARENT = "front-matter-parent", ERROR, "`parent`나 `grand_parent`가 제목(글자)이 아님", "parent or grand_parent is not a title"
    FRONT_MATTER_UNKNOWN_KEY = "front-matter-unknown-key", INFO, "책이 쓰지 않는 머리말 키(오타일 수 있음, `nav_ordr`)", "a front matter key the book does not use"
    NAV_UNKNOWN_PARENT = "nav-unknown-parent", ERROR, "`parent`가 가리키는 제목의 페이지가 없음(그동안 맨 위에 표시)", "no page has the title parent names"
    NAV_AMBIGUOUS_PARENT = "nav-ambiguous-parent", ERROR, "같은 제목의 페이지가 여럿: `grand_parent:`를 더하세요", "several pages have the parent's title"
    NAV_GRAND_PARENT = "nav-grand-parent", ERROR, "`grand_parent` 아래에 그 `parent` 제목의 페이지가 없음", "no such parent under grand_parent"
    NAV_PARENT_CYCLE = "nav-parent-cycle", ERROR, "페이지들이 서로를 `parent`로 가리킴(A 아래 B 아래 A)", "pages name each other as parents"
    MARKDOWN_UNCLOSED_FENCE = "markdown-unclosed-fence", ERROR, "코드 펜스가 닫히지 않아 파일 끝까지 코드가 됨", "a code fence is never closed"
    MARKDOWN_UNCLOSED_HTML = "markdown-unclosed-html", ERROR, "줄 첫머리의 HTML 요소(`<Figure …>`도)가 닫히지 않아 파일 끝까지 날 HTML이 됨", "a block-level HTML element is never closed"
    FIGURE_MISSING_CAPTION = "figure-missing-caption", ERROR, "Mermaid 그림에 캡션이 없음(펜스 줄에 표시)", "a Mermaid diagram has no caption"
    FIGURE_CHAPTER = "figure-chapter", ERROR, "캡션의 장 번호가 이 장과 다름(27장의 `Figure 26-5`)", "a caption's chapter is not the chapter's"
    FIGURE_NUMBER = "figure-number", ERROR, "처음으로 차례에서 벗어난 그림 번호(빠짐, 반복, 뒤바뀜)", "the first caption out of sequence"
    FIGURE_CAPTION_SHAPE = "figure-caption-shape", ERROR, "캡션처럼 보이지만 모양이 다른 줄(`**Figure 27-1. …**`)", "a caption-like line in another shape"
    FIGURE_CAPTION_SPACING = "figure-caption-spacing", WARNING, "캡션이 그림 바로 아래 붙어 있음: 사이에 빈 줄 하나", "a caption with no blank line under its figure"
    FIGURE_CAPTION_DETACHED = "figure-caption-detached", ERROR, "캡션과 그림 사이에 글이 있음", "a caption separated from its figure by text"
    FIGURE_CAPTION_ORPHAN = "figure-caption-orphan", ERROR, "위에 그림이 없는 캡션", "a caption with no figure above it"
    DIAGRAM_SYNTAX = "diagram-syntax", ERROR, "Mermaid가 그리지 못하는 그림(펜스 줄에 표시, Mermaid가 가리키는 줄은 메시지에)", "Mermaid cannot draw the diagram"
    EDITION_ASSET_MISSING = "edition-asset-missing", WARNING, "EPUB에 넣을 그림 파일이 없어 대체 글(alt)만 들어감", "an image the EPUB cannot include: no such file"
    EDITION_ASSET_INVALID = "edition-asset-invalid", WARNING, "손상된 그림이나 올바른 XML이 아닌 SVG라 EPUB에 대체 글(alt)만 들어감(`&`는 `&amp;`)", "a broken image or an SVG that is not XML, left out of the EPUB"
    FIGURE_UNKNOWN_REFERENCE = "figure-unknown-reference", ERROR, "본문의 `Figure 27-9`/`그림 27-9`가 없는 그림을 가리킴", "a sentence names a figure no chapter has"
    ANCHOR_MISSING = "anchor-missing", ERROR, "Prologue나 Part 아래 장에 LLM Context Anchor가 없음(파일 끝에 표시)", "a chapter has no LLM Context Anchor"
    ANCHOR_SUMMARY_MISSING = "anchor-summary-missing", ERROR, "표시 뒤에 `**핵심 요약**:` 문단이 없거나 비어 있음", "no or an empty summary paragraph"
    ANCHOR_KEYWORDS_MISSING = "anchor-keywords-missing", ERROR, "`**키워드**:` 줄이 없음", "no keywords line"
    ANCHOR_KEYWORDS_SHAPE = "anchor-keywords-shape", ERROR, "키워드가 하나하나 백틱으로 감싸여 빈칸으로 나뉘지 않음", "keywords not each in backticks"
    ANCHOR_ORDER = "anchor-order", ERROR, "`**키워드**:`가 `**핵심 요약**:`보다 앞에 있음", "keywords come before the summary"
    ANCHOR_DUPLICATE = "anchor-duplicate", ERROR, "LLM Context Anchor 표시가 둘 이상(마지막 것이 유효)", "more than one anchor marker"
    ANCHOR_NOT_LAST = "anchor-not-last", ERROR, "Anchor 뒤에 빈 줄 말고 다른 것이 있음", "something other than blank lines follows the anchor"
    ANCHOR_NOT_RENDERED = "anchor-not-rendered", ERROR, "점검이 예상한 제목·그림 주소(id)가 만든 페이지에 없음", "an id the checks expect is not on the built page"
    CHAPTER_UNKNOWN_REFERENCE = "chapter-unknown-reference", ERROR, "`[55장]`, `[부록 A09]`가 없는 장을 가리킴", "a bracket names a chapter no page is"
    CALLOUT_TODO = "callout-todo", WARNING, "`> **[TODO]**` 글: 미리보기는 되지만 발행 빌드는 실패", "an unfinished passage"
    TRAILER_DATE = "trailer-date", ERROR, "`작성일:`이 `YYYY-MM-DD` 날짜가 아님", "the writing date is not a date"
    LINK_NOT_FOUND = "link-not-found", ERROR, "링크가 책의 어느 파일에도 닿지 않음", "a link reaches no file of the book"
    IMAGE_NOT_FOUND = "image-not-found", ERROR, "그림 파일이 없음", "an image file is missing"
    LINK_MISSING_ANCHOR = "link-missing-anchor", ERROR, "페이지는 있지만 그 `#주소`의 제목이나 그림이 없음", "the page has no heading or figure with that anchor"
    IMAGE_EXTERNAL = "image-external", ERROR, "다른 사이트에서 불러오는 그림: 파일을 `assets/`에 두세요(그동안은 링크로 표시)", "an image loaded from another site"
    IMAGE_SVG_INVALID = "image-svg-invalid", ERROR, "올바른 XML이 아니라 브라우저가 그리지 못하는 SVG(맨 `&` 등)", "an SVG file that is not valid XML"
    JEKYLL_CONFIG_YAML = "jekyll-config-yaml", ERROR, "`_config.yml`이 올바른 YAML이 아님(빈 설정으로 읽음)", "_config.yml is not valid YAML"
    JEKYLL_CONFIG_VALUE = "jekyll-config-value", ERROR, "`_config.yml`의 `baseurl`, `title`, `exclude` 등의 값이 맞는 종류가 아님(무시함)", "a _config.yml key has a value of the wrong kind"
    HEADING_LEVEL_SKIP = "heading-level-skip", WARNING, "제목 단계를 건너뜀(`##` 다음 `####`; 페이지 제목이 `#`): 화면 낭독기의 목차에 빈틈", "a heading more than one level under the one before"
    TABLE_EMPTY_HEADER = "table-empty-header", WARNING, "표 머리 칸이 비어 있음: 화면 낭독기가 그 열을 이름 없이 읽음", "a table header cell is empty"


SEVERITY_WORDS = {Severity.ERROR: "오류", Severity.WARNING: "경고", Severity.INFO: "알림"}


def table() -> str:
    """AUTHORING.md's table of findings, from the registry."""
    rows = ["| 코드 | 심각도 | 뜻 | meaning |", "| --- | --- | --- | --- |"]
    rows += [f"| `{code}` | {SEVERITY_WORDS[code.severity]} | {code.korean} | {code.english} |" for code in Code]
    return "\n".join(rows)


if __name__ == "__main__":
    sys.stdout.write(table() + "\n")

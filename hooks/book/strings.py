"""Every Korean string a reader or an author sees on the site, in one place."""

FIGURE_PERMALINK_TITLE = "이 그림의 주소"

SUMMARY_TITLE = "핵심 요약"
TODO_TITLE = "작성 중"
DATE = "{year}년 {month}월 {day}일"
WRITTEN_ON = "{date} 작성"
REVIEW_MARKER_TITLE = "검토 중인 원고의 판"
KEYWORDS_LABEL = "키워드"

REFERENCE_TITLE = "찾아보기"
REFERENCE_INTRO = "책 전체를 가로질러 찾아볼 수 있는 목록입니다. 모두 각 장의 원고에서 자동으로 만들어집니다."
FIGURE_LIST_TITLE = "그림 목록"
FIGURE_LIST_INTRO = "책에 실린 모든 그림을 장 순서대로 모았습니다. 그림 제목을 누르면 그 그림으로 갑니다."
FIGURE_LIST_EMPTY = "아직 번호가 매겨진 그림이 없습니다."
DIGEST_TITLE = "핵심 요약 모음"
DIGEST_INTRO = "각 장 끝의 핵심 요약을 책의 순서대로 모았습니다. 장 제목을 누르면 그 장으로 갑니다."
KEYWORD_INDEX_TITLE = "키워드 찾아보기"
KEYWORD_INDEX_INTRO = "각 장의 키워드를 가나다순으로 모았습니다. 장 제목을 누르면 그 장으로 갑니다."
EMPTY_LIST = "아직 요약이 있는 장이 없습니다."
PART_CHAPTERS_TITLE = "이 부의 장"

FINDINGS_BANNER_TITLE = "미리보기 점검 결과: 이 페이지에서 고칠 곳 {count}개"
FINDINGS_BANNER_NOTE = "이 상자는 make serve 미리보기에만 보이며, 발행되는 사이트에는 나타나지 않습니다."
FINDINGS_LINE = "{line}행"

NOT_FOUND_TITLE = "페이지를 찾을 수 없습니다"
NOT_FOUND_TEXT = "주소가 바뀌었거나 아직 실리지 않은 페이지입니다. 위의 검색창에서 찾아보거나 처음부터 둘러보세요."
NOT_FOUND_HOME = "처음으로 가기"

# Finding messages (issue #17): what `make check` and the build print after
# "docs/<file>.md:<line>: <code>". The codes and their meanings are in book/codes.py.
CAPTION_HOWTO = "'*Figure {chapter}-{number}. 설명*'처럼 그림 아래 빈 줄 하나를 두고 한 줄로 쓰세요"
FIGURE_CAPTION_ORPHAN = "캡션 '{label}' 위에 그림이 없습니다. ```mermaid 블록이나 이미지 아래 빈 줄 하나 뒤로 옮기거나 지우세요"
FIGURE_CAPTION_DETACHED = "캡션 '{label}'이 그림({line}행)과 글로 떨어져 있습니다. 그림 아래 빈 줄 하나 뒤로 옮기세요"
FIGURE_CAPTION_SPACING = "캡션 '{label}'이 그림({line}행) 바로 아래 붙어 있습니다. 그림과 캡션 사이에 빈 줄을 하나 두세요"
FIGURE_CAPTION_SHAPE = "캡션처럼 보이는 줄 {text}이 캡션 모양이 아닙니다. "
FIGURE_MISSING_CAPTION = "Mermaid 그림에 캡션이 없습니다. 닫는 펜스 아래 빈 줄 하나 뒤에 '*Figure {chapter}-n. 설명*'을 더하세요"
FIGURE_CHAPTER = "'{label}'은 {chapter}장에 있습니다. 'Figure {chapter}-{number}.'로 쓰세요"
FIGURE_NUMBER_REPEATS = "되풀이합니다"
FIGURE_NUMBER_BREAKS = "건너뜁니다"
FIGURE_NUMBER = ("'{label}'이 그림 차례를 {what}. 여기에는 'Figure {chapter}-{expected}.'가 와야 합니다"
                 "(그림은 문서 순서대로 1, 2, 3 …)")
FIGURE_UNKNOWN_REFERENCE = "'{text}'은 책의 어느 장에도 없는 그림을 가리킵니다"
ANCHOR_SHAPE = ("<!-- LLM Context Anchor -->, 그다음 '**핵심 요약**: 한 문단', 그다음 "
                "'**키워드**: `키워드1` `키워드2`', 그 뒤에는 아무것도 두지 않습니다")
ANCHOR_MISSING = "장에 LLM Context Anchor가 없습니다. 장 끝에 씁니다: {shape}"
ANCHOR_DUPLICATE = "LLM Context Anchor 표시가 또 있습니다({line}행의 마지막 것이 이 장의 것입니다). 끝에 하나만 두세요"
ANCHOR_ORDER = "'**핵심 요약**:'이 '**키워드**:' 뒤에 있습니다. 이렇게 씁니다: {shape}"
ANCHOR_NOT_LAST = "LLM Context Anchor 뒤에는 빈 줄만 올 수 있습니다. 이것을 Anchor 위로 옮기거나 지우세요"
ANCHOR_SUMMARY_MISSING = "LLM Context Anchor에 '**핵심 요약**:' 문단이 없습니다. 이렇게 씁니다: {shape}"
ANCHOR_SUMMARY_EMPTY = "'**핵심 요약**:'이 비어 있습니다. 장을 한 문단으로 요약하세요"
ANCHOR_KEYWORDS_MISSING = "LLM Context Anchor에 '**키워드**:' 줄이 없습니다. 이렇게 씁니다: {shape}"
ANCHOR_KEYWORDS_SHAPE = ("키워드 {text}는 하나하나 백틱으로 감싸 빈칸으로 나눈 낱말이어야 합니다: "
                         "**키워드**: `HuggingFace` `오픈소스`")
ANCHOR_NOT_RENDERED = ("점검은 이 줄에서 '#{anchor}' 주소(id)가 생긴다고 보았지만, 만든 페이지에는 없습니다. "
                       "이 주소로 가는 링크가 깨집니다(제목이나 캡션을 책의 모양대로 쓰세요)")
CHAPTER_UNKNOWN_REFERENCE = "[{text}]가 가리키는 {chapter}장은 책에 없습니다. 식별자를 고치거나 대괄호 없이 쓰세요"
CALLOUT_TODO = "끝나지 않은 글([TODO] 상자)입니다. 미리보기에서는 괜찮지만 발행 전에 마무리하거나 지우세요"
TRAILER_DATE = "작성일 {value}은 날짜가 아닙니다. YYYY-MM-DD로 씁니다. 예: 작성일: 2026-01-07"
LINK_NOT_FOUND = "링크 '{target}'가 책의 어느 파일에도 닿지 않습니다(찾은 곳: {looked})"
IMAGE_NOT_FOUND = "그림 '{target}'가 책의 어느 파일에도 닿지 않습니다(찾은 곳: {looked})"
LINK_MISSING_ANCHOR = "링크 '{target}': {page}에 '#{fragment}' 제목이나 그림이 없습니다"
MARKDOWN_UNCLOSED_HTML = ("줄 첫머리의 '<{tag}'가 닫히지 않은 HTML 요소로 읽혀, 여기서부터 파일 끝까지 글이 아닌 "
                          "날 HTML로 나갑니다. '</{tag}>'로 닫거나, 글이라면 '<' 대신 '&lt;'를 쓰세요")
MARKDOWN_UNCLOSED_FENCE = "여기서 '{fence}'로 연 코드 펜스가 닫히지 않아 파일 끝까지 코드가 됩니다. 같은 펜스로 닫으세요"
ENCODING = "파일이 UTF-8이 아닙니다({line}행에서 처음 읽지 못함). {hint}UTF-8로 저장하세요(save it as UTF-8)"
ENCODING_HINT = "{guess}로 보입니다. "
FRONT_MATTER_UNCLOSED = "'---'로 연 머리말(front matter)이 닫히지 않았습니다. '---' 줄로 끝내세요"
FRONT_MATTER_CHARACTER = "머리말에 YAML이 허용하지 않는 문자({character})가 있습니다. 지우세요"
FRONT_MATTER_YAML = "머리말이 올바른 YAML이 아닙니다({problem}). 'key: value' 줄로 쓰세요"
FRONT_MATTER_NOT_MAPPING = "머리말이 'key: value' 줄이 아니라 {kind}입니다"
FRONT_MATTER_UNKNOWN_KEY = "'{key}'는 책이 쓰는 머리말 키가 아닙니다"
FRONT_MATTER_NO_TITLE = "페이지에 'title'이 없습니다. 머리말에 'title: \"{title}\"'을 더하세요"
FRONT_MATTER_TITLE_NOT_TEXT = "'title'이 글자가 아니라 {kind}입니다. 따옴표로 감싸세요: title: \"{title}\""
FRONT_MATTER_NAV_ORDER = "nav_order {value}는 숫자가 아닙니다. 예: 'nav_order: 3'"
FRONT_MATTER_PARENT = "'{key}'는 페이지의 제목이어야 합니다. {value}는 제목이 아닙니다"
NAV_PARENT_CYCLE = "parent가 돌고 돕니다({titles}). 'parent' 하나를 고칠 때까지 페이지는 맨 위에 보입니다"
NAV_UNKNOWN_PARENT = "parent '{parent}'를 제목으로 가진 페이지가 없습니다. 그동안 페이지는 맨 위에 보입니다"
NAV_GRAND_PARENT = "'{grand_parent}' 아래에 '{parent}' 제목의 페이지가 없습니다. {using}를 씁니다"
NAV_AMBIGUOUS_PARENT = ("parent '{parent}'는 페이지 {count}개의 제목입니다({places}). "
                        "parent의 parent를 적는 'grand_parent:'를 더하세요")

# Diagrams drawn at build time (issue #20): book/prerender.py, `make check`.
DIAGRAM_SYNTAX = "Mermaid가 이 그림을 그리지 못합니다: {error}{where}"
DIAGRAM_SYNTAX_LINE = " (파일의 {line}행)"
DIAGRAM_NOT_DRAWN = "Mermaid가 아무것도 그리지 않았습니다"
DIAGRAMS_NOT_CHECKED = "그림(Mermaid)은 점검하지 않았습니다: {reason}"

# What a build and `make check` say to the author about drawing (INFO lines of `make serve`
# and `make build`, and the reason `make check` did not check the diagrams).
DIAGRAMS_IN_BROWSER = "그림은 빌드 때 그리지 않고 독자의 브라우저가 그립니다: {reason}"
DIAGRAMS_DRAWN = "그림: {drawn}개를 Chromium에서 {seconds:.1f}초 만에 그렸고(빌드 한 번에 브라우저 하나), {cached}개는 캐시에서 읽었습니다"
DIAGRAMS_ALL_CACHED = "그림: {count}개 모두 캐시에서 읽었고 브라우저는 띄우지 않았습니다"
NO_CHROMIUM = "이 컴퓨터에 Chromium이 없습니다 (apt-get install chromium, 또는 CHROMIUM=/경로)"
CHROMIUM_NOT_EXECUTABLE = "CHROMIUM={path}: 실행할 수 있는 파일이 아닙니다"
CHROMIUM_FAILED = "Chromium이 실패했습니다 ({error})"
NO_PLAYWRIGHT = "Playwright가 설치되어 있지 않습니다 (make setup이 설치합니다)"
RENDERER_FILE_MISSING = "{path} 파일이 없습니다 (npm ci를 실행하세요)"
NO_MERMAID_COLOURS = "Material 번들에서 Mermaid 색(themeCSS)을 찾지 못했습니다"
TYPEFACE_SUBSET = "Pretendard: 글자 {characters}개, {kilobytes} KB{cached}, {seconds:.1f}초"
TYPEFACE_FROM_CACHE = ", 캐시에서 읽음"
CACHE_PRUNED = "{what} 캐시: {days}일 동안 쓰이지 않은 파일 {count}개를 지웠습니다"
DIAGRAM_CACHE_NAME = "그림"
CHECK_SUMMARY = "{pages}개 페이지 점검: 오류 {errors}개, 경고 {warnings}개"
CHECK_NOT_A_FOLDER = "{path}: 장(章) 파일이 든 폴더가 아닙니다"

# Reading on a phone (overrides/assets/javascripts/reading.js, through partials/book-reading.html).
READING_WORDS = {
    "open": "전체 화면으로 보기",
    "viewer": "전체 화면 보기",
    "zoomIn": "확대",
    "zoomOut": "축소",
    "reset": "화면에 맞추기",
    "close": "닫기 (Esc)",
    "scrollHint": "← 옆으로 밀어서 더 보기 →",
    "scrollRegion": "옆으로 넘겨 보는 영역",
    "table": "표",
    # The breadcrumb's <nav>: named apart from the sidebar's (axe: landmark-unique).
    "path": "현재 위치",
    # A section's list of pages in the sidebar (a11y.js names its toggle and <nav> with it): apart
    # from the table of contents' <nav> of a heading with the Part's title (the digest page).
    "partNav": "{title} 목록",
    # A heading's own list of sub-headings in the table of contents: Material names that <nav>
    # by the heading's text, which can be the table of contents' own name ("## 목차").
    "tocSection": "‘{title}’ 절의 제목들",
}

# The page's title and the authors' Jekyll repository (hooks/book/extensions/titles.py, links.py).
REVIEW_MARKER_LABEL = "검토 중인 원고:"  # read before the badge's "v1"; hidden on screen
REMOTE_IMAGE_LINK = "다른 사이트에 있는 그림 보기"
OUTSIDE_DOCS = "docs 폴더 바깥"
LINK_SCHEME = "링크 '{target}'는 '{scheme}:' 주소라 독자의 브라우저가 열 수 없습니다. 파일을 assets/에 두고 링크하세요"
IMAGE_SCHEME = "그림 '{target}'는 '{scheme}:' 주소라 독자의 브라우저가 열 수 없습니다. 파일을 assets/에 두고 링크하세요"
IMAGE_EXTERNAL = ("그림 '{target}'을 다른 사이트에서 불러옵니다. 책의 페이지는 바깥에서 아무것도 불러오지 않습니다. "
                  "파일을 assets/에 저장하고 거기서 링크하세요(그때까지 페이지에는 그림 대신 그 그림으로 가는 링크가 보입니다)")
IMAGE_SVG_INVALID = ("그림 '{target}': {file}이 올바른 XML이 아니어서({line}행: {reason}) 브라우저가 그리지 못합니다. "
                     "{meanwhile}. 파일을 고치세요(글 속의 '&'는 '&amp;'로 씁니다)")
SVG_REPAIRED = "그동안 사이트는 맨 '&'를 '&amp;'로 고친 사본을 싣습니다"
SVG_NOT_SHOWN = "그 자리에는 아무것도 보이지 않습니다"
JEKYLL_CONFIG_YAML = "_config.yml이 올바른 YAML이 아닙니다({problem}). 빌드는 빈 설정으로 읽습니다"
JEKYLL_CONFIG_NOT_MAPPING = "_config.yml이 'key: value' 줄이 아닙니다. 빌드는 빈 설정으로 읽습니다"
JEKYLL_CONFIG_NOT_TEXT = "'{key}'가 글자가 아니라 {kind}입니다. 이 값은 쓰지 않습니다"
JEKYLL_CONFIG_NOT_PATHS = "'{key}'가 경로 목록이 아닙니다. 이 값은 쓰지 않습니다"
JEKYLL_CONFIG_NOT_BOOL = "'{key}'가 true나 false가 아닙니다. 이 값은 쓰지 않습니다"
# The book as one print page, a PDF and an EPUB (issue #22): book/editions.py, book/make_editions.py.
EDITION_CONTENTS = "차례"
EDITION_ASSET_INVALID = "EPUB에 넣을 수 없는 그림 파일입니다(손상되었거나 올바르지 않은 {error}). 대체 글만 들어갑니다: {asset}"
EDITION_ASSET_MISSING = "EPUB에 넣을 그림 파일이 사이트에 없습니다. 대체 글만 들어갑니다: {asset}"
EDITION_NO_BROWSER = "PDF는 만들지 않았습니다: {reason}"
EDITION_LINKS = "오프라인으로 읽기"
EDITION_LINK_PDF = "PDF ({size})"
EDITION_LINK_EPUB = "EPUB ({size})"
EDITION_LINK_PRINT = "한 페이지로 보기(인쇄용)"
# Accessibility (#21): the figures' text alternatives, and names for what has no visible text.
DIAGRAM_DESCRIPTION_SUMMARY = "그림 설명"
DIAGRAM_NODES = "요소"
DIAGRAM_EDGES = "연결"
DIAGRAM_GROUP = "묶음 ‘{title}’"
DIAGRAM_STATE_START = "시작"
DIAGRAM_STATE_END = "끝"
DIAGRAM_NOTE = "메모"
HEADING_PERMALINK_LABEL = "{title} — 이 제목의 주소"
FIGURE_PERMALINK_LABEL = "{title} — 이 그림의 주소"
SEARCH_DIALOG_LABEL = "검색"
PROGRESS_LABEL = "페이지를 불러오는 중"
SCROLL_REGION_LABEL = "가로로 스크롤되는 {what}"
SKIP_TO_TITLE = "콘텐츠로 이동"
HEADING_LEVEL_SKIP = ("{level}단계 제목({hashes})이 {previous}단계 다음에 옵니다. 화면 낭독기가 읽는 장의 목차에 "
                      "빈틈이 생기니 {expected}로 쓰세요")
TABLE_EMPTY_HEADER = ("표의 {columns}번째 열 머리 칸이 비어 있습니다. 화면 낭독기는 그 열을 이름 없이 읽으니 "
                      "머리를 적으세요(예: '구분')")

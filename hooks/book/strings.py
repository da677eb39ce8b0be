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

# The page's title and the authors' Jekyll repository (hooks/book/titles.py, links.py).
REVIEW_MARKER_LABEL = "검토 중인 원고:"  # read before the badge's "v1"; hidden on screen
REMOTE_IMAGE_LINK = "다른 사이트에 있는 그림 보기"

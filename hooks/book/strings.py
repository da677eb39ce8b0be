"""Every Korean string a reader or an author sees on the site, in one place."""

FIGURE_LIST_TITLE = "그림 목록"
FIGURE_LIST_INTRO = "책에 실린 모든 그림을 장 순서대로 모았습니다. 그림 제목을 누르면 그 그림으로 갑니다."
FIGURE_LIST_EMPTY = "아직 번호가 매겨진 그림이 없습니다."
FIGURE_PERMALINK_TITLE = "이 그림의 주소"

FINDINGS_BANNER_TITLE = "미리보기 점검 결과: 이 페이지에서 고칠 곳 {count}개"
FINDINGS_BANNER_NOTE = "이 상자는 make serve 미리보기에만 보이며, 발행되는 사이트에는 나타나지 않습니다."
FINDINGS_LINE = "{line}행"

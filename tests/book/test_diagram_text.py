"""Diagrams' text alternatives, read from the Mermaid source the book's chapters use."""

from __future__ import annotations

import re

from book.diagram_text import clean_label, describe
from conftest import ROOT, FIXTURES


def edges(source: str) -> list[str]:
    return [str(edge) for edge in describe(source).edges]


def test_chapter_27s_decision_loop_reads_as_its_arrows():
    text = describe("flowchart LR\n    A[시작] --> B[계획]\n    D --> E{OK?}\n    E -->|Yes| F[끝]\n"
                    "    E -->|No| B\n\n    style E fill:#FFF3CD\n")
    assert text.nodes == ["시작", "계획", "D", "OK?", "끝"]
    assert [str(e) for e in text.edges] == ["시작 → 계획", "D → OK?", "OK? → 끝 (Yes)", "OK? → 계획 (No)"]


def test_every_edge_form_the_book_uses():
    source = """graph TB
    A[가] -- 말로 --> B[나]
    B -.-> C[다]
    C ==> D[라]
    D --- E[마]
    E -. 점선 .-> A
    A == 굵게 ==> C
    F["<b>바</b>"] <--> A
    A --> B --> C
    """
    assert edges(source) == ["가 → 나 (말로)", "나 → 다", "다 → 라", "라 — 마", "마 → 가 (점선)",
                             "가 → 다 (굵게)", "바 ↔ 가", "가 → 나", "나 → 다"]


def test_node_shapes_quotes_line_breaks_and_emoji():
    text = describe('flowchart LR\n  A(("🤖 에이전트<br/>본체")) --> B[(저장소)]\n  B --> C{{"결정 [예/아니오]"}}\n'
                    "  C --> D([끝]) & E>깃발]\n  E --> F[/기울임/]")
    assert text.nodes == ["🤖 에이전트 본체", "저장소", "결정 [예/아니오]", "끝", "깃발", "기울임"]
    assert "결정 [예/아니오] → 끝" in edges("flowchart LR\n" + 'C{{"결정 [예/아니오]"}} --> D([끝])')


def test_subgraphs_with_hangul_ids_are_groups_and_may_be_edge_ends():
    source = """flowchart TB
    subgraph 인프라[AI 인프라 레이어]
        direction LR
        A[저장소]
        B[서빙]
    end
    subgraph 앱
        C[내 앱]
    end
    A --> B
    C --> 인프라
    style 인프라 fill:#E3F2FD
    classDef hot fill:#f00
    class A hot
    """
    text = describe(source)
    assert [(g.title, g.members) for g in text.groups] == [("AI 인프라 레이어", ["저장소", "서빙"]), ("앱", ["내 앱"])]
    assert text.nodes == ["저장소", "서빙", "내 앱"]
    assert [str(e) for e in text.edges] == ["저장소 → 서빙", "내 앱 → AI 인프라 레이어"]


def test_style_lines_and_front_matter_and_comments_are_not_content():
    text = describe("---\ntitle: 제목\n---\n%% 주석\nflowchart LR\n  A:::hot --> B\n  style A fill:#fff\n"
                    "  linkStyle 0 stroke:#f00\n  classDef hot fill:#f00")
    assert text.nodes == ["A", "B"] and edges("graph LR; A-->B; B-->C") == ["A → B", "B → C"]


def test_other_diagram_types_get_a_summary():
    state = describe("stateDiagram-v2\n  [*] --> 대기\n  대기 --> 실행 : 시작 신호\n  실행 --> [*]")
    assert [str(e) for e in state.edges] == ["시작 → 대기", "대기 → 실행 (시작 신호)", "실행 → 끝"]
    sequence = describe("sequenceDiagram\n  participant U as 사용자\n  U->>에이전트: 요청\n  에이전트-->>U: 결과\n"
                        "  Note over U: 기다림")
    assert sequence.nodes == ["사용자", "에이전트"]
    assert [str(e) for e in sequence.edges] == ["사용자 → 에이전트 (요청)", "에이전트 → 사용자 (결과)", "메모 : 사용자 (기다림)"]
    er = describe("erDiagram\n  사용자 ||--o{ 대화 : 가진다\n  대화 {\n    string 내용\n  }")
    assert er.nodes == ["사용자", "대화"] and [str(e) for e in er.edges] == ["사용자 — 대화 (가진다)"]
    assert describe("pie title 시간\n  \"읽기\" : 60") is None
    assert describe("") is None and describe("%% only a comment") is None


def test_the_text_is_titled_lists():
    text = describe("flowchart LR\n  subgraph G[묶음]\n    A[가, 나] --> B\n  end")
    assert text.lines() == ["요소:", "- 가, 나", "- B", "연결:", "- 가, 나 → B", "묶음 ‘묶음’:", "- 가, 나", "- B"]


def test_labels_lose_markup_not_words():
    assert clean_label('"A<br>B"') == "A B" and clean_label("`**굵게**`") == "굵게"
    assert clean_label("#quot;인용#quot;") == '"인용"'


def test_every_diagram_of_the_seed_chapter_and_fixture_book_is_described():
    """Every edge line of each diagram becomes one edge: nothing silently dropped."""
    arrow = re.compile(r"-->|---|-\.->|==>")
    paths = [ROOT / "docs/02-literacy/27-hub.md", *sorted((FIXTURES / "book").rglob("*.md"))]
    seen = 0
    for path in paths:
        for source in re.findall(r"```mermaid\n(.*?)```", path.read_text(encoding="utf-8"), re.S):
            text = describe(source)
            if not source.lstrip().startswith(("flowchart", "graph")):
                continue
            seen += 1
            expected = sum(len(arrow.findall(line)) * (line.count("&") + 1)
                           for line in source.split("\n") if not line.strip().startswith("%%"))
            assert len(text.edges) == expected, (path, source, text.edges)
    assert seen >= 5

"""Writes a synthetic book in the chapters' conventions, for benchmarks.

``python bench/synthetic_book.py OUT_DIR --chapters 60`` makes OUT_DIR/docs with a home
page, Parts of ten chapters each, five captioned Mermaid diagrams per chapter, links
between chapters, callouts, a trailer and an LLM Context Anchor at the end of each.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

WORDS = ("에이전트 모델 허브 도구 기억 계획 실행 검토 데이터 프롬프트 워크플로우 자동화 검색 임베딩 "
         "프레임워크 라이브러리 서버 비용 보안 평가").split()
PARTICLES = "은 는 이 가 을 를 의 에 에서 으로 와 과 도".split()


def paragraph(rng: random.Random, sentences: int = 4) -> str:
    out = []
    for _ in range(sentences):
        words = [rng.choice(WORDS) + rng.choice(PARTICLES) for _ in range(rng.randint(5, 9))]
        out.append(" ".join(words) + " 설명합니다.")
    return " ".join(out)


def diagram(rng: random.Random, chapter: int, number: int) -> str:
    nodes = rng.sample(WORDS, 5)
    edges = "\n".join(f"    N{i}[{nodes[i]}] -->|단계 {i}| N{i + 1}[{nodes[i + 1]}]" for i in range(4))
    return (f"```mermaid\nflowchart LR\n{edges}\n\n    style N1 fill:#FFF3CD\n```\n\n"
            f"*Figure {chapter}-{number}. {nodes[0]}에서 {nodes[-1]}까지*\n")


def chapter_text(rng: random.Random, part: int, chapter: int, order: int, other: int) -> str:
    sections = []
    for number in range(1, 6):
        sections.append(
            f"## {rng.choice(WORDS)}와 {rng.choice(WORDS)} {number}\n\n{paragraph(rng)}\n\n"
            f"{diagram(rng, chapter, number)}\n{paragraph(rng, 3)} 그림 {chapter}-{number}에서 보듯 흐름이 이어집니다.\n"
        )
    keywords = " ".join(f"`{w}`" for w in rng.sample(WORDS, 4))
    return (
        f'---\ntitle: "{chapter}. {rng.choice(WORDS)}와 {rng.choice(WORDS)}"\nnav_order: {order}\n'
        f"parent: Part {part}\n---\n\n{paragraph(rng)} 자세한 내용은 [{other}장]에 있습니다.\n\n"
        + "\n".join(sections)
        + f"\n> **[참고]** {paragraph(rng, 1)}\n\n---\n\n작성일: 2026-01-07\nChapter: Part {part}\n\n"
        + f"---\n<!-- LLM Context Anchor -->\n**핵심 요약**: {paragraph(rng, 2)}\n\n**키워드**: {keywords}\n"
    )


def write_book(out: Path, chapters: int, seed: int = 27) -> Path:
    rng = random.Random(seed)
    docs = out / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("---\ntitle: 홈\nnav_order: 0\n---\n\n# 합성 책\n\n벤치마크용 책입니다.\n",
                                   encoding="utf-8")
    parts = (chapters + 9) // 10
    identifiers = [part * 100 + order for part in range(1, parts + 1) for order in range(1, 11)][:chapters]
    number = 0
    for part in range(1, parts + 1):
        folder = docs / f"part-{part:02d}"
        folder.mkdir()
        (folder / "index.md").write_text(
            f"---\ntitle: Part {part}\nnav_order: {part}\nhas_children: true\n---\n\n# Part {part}\n\n"
            f"{paragraph(rng, 2)}\n", encoding="utf-8")
        for order in range(1, 11):
            number += 1
            if number > chapters:
                break
            identifier = part * 100 + order  # unique identifiers beyond Part 9 too
            text = chapter_text(rng, part, identifier, order, rng.choice(identifiers))
            (folder / f"{identifier}.md").write_text(text, encoding="utf-8")
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--chapters", type=int, default=60)
    args = parser.parse_args()
    print(write_book(args.out, args.chapters))


if __name__ == "__main__":
    main()

"""Heading ids: the checks predict what the toc extension, as mkdocs.yml configures it, gives."""

from pathlib import Path

import pytest

from book.blocks import scan
from book.check import toc_of
from book.headings import BOOK_SLUGIFY, TocSettings, page_anchors, toc_settings
from book.markup import RenderContext
from pages import front, page, rendered

ROOT = Path(__file__).resolve().parents[2]

# Headings whose ids a copy of toc's rules got wrong (issue #17), and their neighbours.
HEADINGS = [
    "## foo_1\n\n## foo_1\n",  # toc: foo_1, foo_2 (a copy gave foo_1_1)
    "## !!!\n\n## ???\n",  # an empty slug: toc gives _1, _2 (a copy gave '')
    "## A &amp; B\n",  # toc reads the rendered text 'A & B': a--b (a copy gave a-amp-b)
    "## 각주[^1]\n",  # no footnotes extension here: the text stays, 각주1
    "## 모델 허브 (HuggingFace)\n\n## 모델 허브 (HuggingFace)\n\n## `code` 와 **굵게**\n",
    "## 제목 {#own-id}\n\n## own-id\n\n## 다른 {.wide}\n",
    "## 그림\n\n```mermaid\nflowchart LR\n    A --> B\n```\n\n*Figure 27-1. 그림*\n\n## figure-27-1\n",
]


def real_ids(body: str, toc: TocSettings) -> list[str]:
    text = front(title="27. 장") + "\n" + body
    root = rendered(text, RenderContext(src_uri="p/27.md"), toc)
    # Link targets: headings and figures (a figure's caption and description ids only wire
    # its accessible name and description, #21).
    targets = {"h1", "h2", "h3", "h4", "h5", "h6", "figure"}
    return [element.get("id") for element in root.iter() if element.get("id") and element.tag in targets]


@pytest.mark.parametrize("toc", [TocSettings(), toc_settings(None), TocSettings(BOOK_SLUGIFY, "_")],
                         ids=["book", "toc-default", "underscore"])
@pytest.mark.parametrize("body", HEADINGS)
def test_predicted_ids_are_the_ids_toc_gives(body, toc):
    from book.figures import find_figures

    source = page("p/27.md", body, title="27. 장")
    figures = find_figures(scan(source), "27")
    predicted = page_anchors(scan(source), {c.anchor: c.line for c in figures.numbered}, toc)
    assert sorted(predicted) == sorted(real_ids(body, toc))


def test_each_predicted_id_names_the_line_that_makes_it():
    source = page("p/27.md", "## foo_1\n\n## foo_1\n\n## A &amp; B\n", title="27. 장")
    lines = source.text.split("\n")
    predicted = page_anchors(scan(source), {})
    assert predicted.lines == {"foo_1": lines.index("## foo_1") + 1, "foo_2": lines.index("## foo_1") + 3,
                               "a--b": lines.index("## A &amp; B") + 1}


def test_check_reads_the_toc_settings_of_mkdocs_yml():
    toc = toc_of(ROOT / "mkdocs.yml")
    assert toc.slugify("모델 허브 (HuggingFace)", "-") == BOOK_SLUGIFY("모델 허브 (HuggingFace)", "-")
    assert toc.slugify("Ärger", "-") != toc_settings(None).slugify("Ärger", "-")  # not toc's ASCII default
    assert toc_of(ROOT / "no-such-mkdocs.yml") == toc_settings(None)

"""The page's title: the front-matter title as the h1, with its review marker as a badge."""

import xml.etree.ElementTree as etree

import markdown
from markdown.extensions.toc import TocExtension
import pytest
from pymdownx.slugs import slugify

from book.markup import BookMarkupExtension, RenderContext


class Rendered(etree.Element):
    toc_tokens: list


def render(text: str, title: str | None) -> etree.Element:
    context = RenderContext(src_uri="02-literacy/22-hub.md", title=title)
    md = markdown.Markdown(extensions=[
        "attr_list", TocExtension(permalink="¶", slugify=slugify(case="lower")),
        BookMarkupExtension(lambda: context)])  # the title's extension is one of the book's
    parsed = etree.fromstring(f"<root>{md.convert(text)}</root>")
    root = Rendered(parsed.tag)
    root.extend(parsed)
    root.toc_tokens = md.toc_tokens
    return root


def headings(root: etree.Element) -> list[tuple[str, str]]:
    return [(h.tag, h.get("id")) for h in root.iter() if h.tag in ("h1", "h2", "h3", "h4", "h5", "h6")]


HALVES = """이 장은 두 부분입니다.

# Part 1: 모델 허브

## 허브란

### 찾기

# Part 2: 인프라

## 서빙

작성일: 2026-01-08
"""


def test_a_chapter_with_body_halves_gets_its_title_and_keeps_every_heading():
    root = render(HALVES, "22. [v2] 허브와 인프라")
    title = root[0]
    assert title.tag == "h1" and title.get("class") == "book-title" and title.get("id") == "22-허브와-인프라"
    assert title.text == "22. 허브와 인프라 "
    label, badge = title.findall("span")
    assert label.get("class") == "book-visually-hidden" and label.text == "검토 중인 원고:"
    assert badge.get("class") == "book-review-marker" and badge.text == "v2"
    assert label.get("data-search-exclude") and badge.get("data-search-exclude")
    assert " ".join("".join(title.itertext()).split()).startswith("22. 허브와 인프라 검토 중인 원고: v2")
    assert root[1].get("class") == "book-page-meta"  # the date right under the title
    # one h1; the halves one level down, ids unchanged
    assert headings(root) == [("h1", "22-허브와-인프라"), ("h2", "part-1-모델-허브"), ("h3", "허브란"),
                              ("h4", "찾기"), ("h2", "part-2-인프라"), ("h3", "서빙")]
    # the table of contents: the title (named without its badge) holds every heading
    [top] = root.toc_tokens
    assert top["name"] == "22. 허브와 인프라" and top["level"] == 1
    assert [c["id"] for c in top["children"]] == ["part-1-모델-허브", "part-2-인프라"]
    assert sum(1 + len(c["children"]) for c in top["children"]) + sum(
        len(g["children"]) for c in top["children"] for g in c["children"]) == 5


def test_a_chapter_without_a_heading_of_its_own_gets_its_title():
    root = render("본문\n\n## 첫 절\n", "27. 모델 허브와 인프라")
    assert headings(root) == [("h1", "27-모델-허브와-인프라"), ("h2", "첫-절")]
    assert root[0].find("span") is None  # no marker, no badge


@pytest.mark.parametrize("text, title", [
    ("# 에이전트 혁명\n\n**부제**\n\n## 목차\n", "홈"),  # the home page: its heading, not the nav label
    ("# Part 1\n\nWhy: 왜 지금인가\n", "Part 1"),  # a Part's landing page
    ("# 24. 에이전트\n\n## 절\n", "24. [v1] 에이전트"),  # a chapter that writes its own title
])
def test_a_page_that_opens_with_its_only_heading_keeps_it_as_the_title(text, title):
    root = render(text, title)
    h1s = [h for h in root.iter("h1")]
    assert len(h1s) == 1 and h1s[0] is root[0] and h1s[0].get("class") == "book-title" and h1s[0].get("id")
    assert headings(root)[1:] == [(tag, id_) for tag, id_ in headings(root)[1:] if tag != "h1"]


def test_a_chapter_whose_first_heading_is_not_its_title_gets_the_title_above_it():
    root = render("# 들어가며\n\n본문\n", "24. 에이전트")
    assert headings(root) == [("h1", "24-에이전트"), ("h2", "들어가며")]


def test_a_title_is_text():
    root = render("본문\n", "22. <b>굵게</b> & *별*")
    assert root[0].text == "22. <b>굵게</b> & *별*" and root[0].find("b") is None

import pytest

from book.links import markdown_target_of_html_link

DOCS = {"index.md", "02-literacy/index.md", "02-literacy/27-hub.md", "01-basics/11-agent.md", "legacy/page.html"}


@pytest.mark.parametrize("href, from_uri, expected", [
    ("27-hub.html", "02-literacy/index.md", "27-hub.md"),
    ("02-literacy/27-hub.html", "index.md", "02-literacy/27-hub.md"),
    ("../01-basics/11-agent.html#에이전트", "02-literacy/27-hub.md", "../01-basics/11-agent.md#에이전트"),
    ("./27-hub.html?x=1", "02-literacy/index.md", "./27-hub.md?x=1"),
    ("02-literacy/index.html", "index.md", "02-literacy/index.md"),
])
def test_html_link_to_a_chapter_means_its_markdown(href, from_uri, expected):
    assert markdown_target_of_html_link(href, from_uri, DOCS) == expected


@pytest.mark.parametrize("href, from_uri", [
    ("https://example.com/27-hub.html", "index.md"),  # another site
    ("/pages-book/27-hub.html", "index.md"),  # absolute: not a relative link
    ("27-hub.md", "02-literacy/index.md"),  # already Markdown
    ("page.html", "legacy/x.md"),  # a real HTML file of the book
    ("missing.html", "index.md"),  # no chapter of that name: left for the link check
    ("#top", "index.md"),
])
def test_other_links_are_left_alone(href, from_uri):
    assert markdown_target_of_html_link(href, from_uri, DOCS) is None

"""The book's build, event by event: the one hook file whose order matters.

Every MkDocs event the book's state takes part in is here, in the order MkDocs calls them,
and each calls into the module of its concern (jekyll, sources, diagrams, findings,
navigation, rendering, summaries). The build's state has one owner, ``book_state``: a
``BuildState`` made anew in ``on_config`` with the site's settings (``_config.yml``) read into
it, the book read into it (and fixed) in ``on_files``, once the files Jekyll would not publish
are left out, with the diagrams drawn for it (their findings reported with the book's), a new
frozen context per page in ``on_page_markdown``. Lists made of other pages' rendered summaries (a Part's
chapters, the digest) are filled in ``on_env``, which MkDocs calls once every page has
rendered and before any page is written, as mkdocs-autorefs does: no page has to be moved
to render last.

The other hook files (link_warnings, part_titles, mermaid, reading_assets, search,
templates, not_found) neither write the state nor depend on this order; any hook may read the state through ``book_state.current()``.
"""

from __future__ import annotations

from typing import Literal

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

import book_state
import diagrams
import findings
import jekyll
import navigation
import rendering
import sources
import summaries


def on_startup(command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    book_state.start(command)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    state = book_state.begin(config)
    jekyll.configure_site(config, state.read_site(config))
    rendering.add_extensions(config)
    diagrams.add_stylesheet(config)
    return config


@event_priority(100)  # before any other hook file reads the book
def on_files(files: Files, config: MkDocsConfig) -> Files:
    bad_svgs = jekyll.publish_only_the_book(files, config, book_state.state.site)
    book = book_state.state.read_book(files, config, bad_svgs)
    book_state.state.keep_diagrams(diagrams.draw_book(book.analysis, files, config))
    findings.report_book()
    sources.add_generated_pages(files, config)
    summaries.add_llms_files(files, config)
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    return navigation.book_navigation(files)


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    return sources.page_source(page)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    navigation.keep_title(page)
    rendering.date_page(page)
    markdown = summaries.describe_page(markdown, page)
    book_state.state.enter_page(page, markdown)  # the page renders right after this event
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    summary = summaries.rendered_summary_of(html, page)
    if summary is not None:
        book_state.state.keep_summary(page.file.src_uri, summary)
    return findings.check_rendered_page(html, page)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return diagrams.svgs_into_page(rendering.describe_figures(output, page))


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    for file in files.documentation_pages():
        if file.page is not None:
            summaries.fill_chapter_list(file.page, files)
            sources.fill_generated_list(file.page, config, files)
    return env

"""The book's Python-Markdown extensions, one per convention.

Each module has its extension and ``makeExtension``, and a table of its processors'
priorities. Together, in the order Python-Markdown runs them (higher first):

| priority | kind            | name                          | module      |
| -------- | --------------- | ----------------------------- | ----------- |
| 28       | preprocessor    | ``book_separate_captions``    | figures     |
| 25       | preprocessor    | SuperFences stashes fences    | (pymdownx)  |
| 24       | preprocessor    | ``book_lists_after_paragraphs`` | kramdown  |
| 20       | blockprocessor  | ``quote`` (replaces Markdown's) | kramdown  |
| 8        | treeprocessor   | ``book_page_title``           | titles      |
| 7.4      | treeprocessor   | ``book_figures``              | figures     |
| 7.3      | treeprocessor   | ``book_context_anchor``       | summary     |
| 7.2      | treeprocessor   | ``book_callouts``             | callouts    |
| 7.1      | treeprocessor   | ``book_page_meta``            | page_meta   |
| 5        | treeprocessor   | toc; MkDocs collects anchors  | (markdown)  |
| 4        | treeprocessor   | ``book_accessible_figures``   | accessible_figures |
| 1.5      | treeprocessor   | ``book_prose_links``          | links       |
| 1        | treeprocessor   | ``book_html_links``           | links       |
| 0.5      | treeprocessor   | ``book_local_html_images``    | html_images |
| 0        | treeprocessor   | MkDocs resolves links         | (mkdocs)    |
| 25       | postprocessor   | ``book_remote_images``        | html_images |

The Mermaid fence's format is wrapped (``mermaid``), not a processor. Every extension reads
the page's ``RenderContext`` (``context``): what the analysis found, applied, not found again.
"""

from __future__ import annotations

from markdown import Extension

from .accessible_figures import AccessibleFiguresExtension
from .callouts import CalloutsExtension
from .context import ContextSource, RenderContext, page_context
from .figures import FiguresExtension
from .html_images import HtmlImagesExtension
from .kramdown import KramdownBlocksExtension
from .links import LinksExtension
from .page_meta import PageMetaExtension
from .summary import SummaryExtension
from .titles import PageTitleExtension

__all__ = ["ContextSource", "RenderContext", "book_extensions", "page_context"]


def book_extensions(context: ContextSource) -> list[Extension]:
    """Every extension of the book, each reading the page's context through ``context``."""
    return [
        KramdownBlocksExtension(),
        PageTitleExtension(context),
        FiguresExtension(context),
        SummaryExtension(),
        CalloutsExtension(),
        PageMetaExtension(context),
        LinksExtension(context),
        HtmlImagesExtension(context),
        AccessibleFiguresExtension(context),
    ]

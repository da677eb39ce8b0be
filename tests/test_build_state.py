"""The build's state has one owner (issue #17): book_state writes it, book_build calls it."""

import ast
import dataclasses
from pathlib import Path

import pytest

from book.extensions import RenderContext

HOOKS = Path(__file__).resolve().parent.parent / "hooks"
MUTATORS = {"begin", "start", "read_site", "read_book", "keep_diagrams", "enter_page", "keep_summary"}


def dotted(node: ast.AST) -> str:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
    return ".".join(reversed(parts))


def hook_files():
    return [path for path in HOOKS.glob("*.py") if path.name != "book_state.py"]


def test_no_hook_file_assigns_to_the_build_state():
    writes = []
    for path in hook_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(
                node, (ast.AugAssign, ast.AnnAssign)) else []
            for target in targets:
                root = target.value if isinstance(target, ast.Subscript) else target
                if dotted(root).startswith("book_state."):
                    writes.append(f"{path.name}:{node.lineno}")
    assert writes == []


def test_only_book_build_calls_what_changes_the_state():
    callers = set()
    for path in hook_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and dotted(node.func).startswith("book_state."):
                if dotted(node.func).rsplit(".", 1)[-1] in MUTATORS:
                    callers.add(path.name)
    assert callers == {"book_build.py"}


def test_each_page_gets_a_new_frozen_context():
    context = RenderContext(src_uri="a.md")
    with pytest.raises(dataclasses.FrozenInstanceError):
        context.src_uri = "b.md"  # type: ignore[misc]


def test_the_book_cannot_be_read_before_on_files():
    import book_state

    state = book_state.BuildState(serving=False)
    with pytest.raises(RuntimeError, match="on_files"):
        _ = state.book

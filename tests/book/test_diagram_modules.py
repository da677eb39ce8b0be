from book.blocks import scan
from book.diagrams import CHUNKS_OF_TYPE, ModuleGraph, diagram_types
from pages import fixture_page, fixture_text


def types_of(text: str) -> list[str]:
    return diagram_types(scan(fixture_page("diagram-types.md", text)))


def test_each_diagram_type_once_in_page_order_past_front_matter_and_comments():
    assert types_of(fixture_text("diagram-types.md")) == [
        "flowchart", "sequenceDiagram", "classDiagram", "stateDiagram-v2", "erDiagram", "pie", "gantt",
        "journey", "timeline"]


def test_code_that_is_not_mermaid_and_empty_or_unclosed_diagrams():
    text = ("---\ntitle: t\n---\n\n```python\nflowchart = 1\n```\n\n```mermaid\n\n%% 비어 있음\n```\n\n"
            "```mermaid\ngraph TD\n  A --> B\n```\n\n```mermaid\npie\n")
    assert types_of(text) == ["graph", "pie"]


# A miniature of Mermaid's ES module build, in esbuild's minified style.
FILES = {
    "lib.mjs": 'import{a as x}from"./chunks/core-AAAAAAAA.mjs";import"./chunks/util-BBBBBBBB.mjs";'
               'var d={flow:()=>import("./chunks/flowDiagram-CCCCCCCC.mjs"),'
               'pie:()=>import( "./chunks/pieDiagram-DDDDDDDD.mjs")};var s="./not-an-import.mjs";',
    "chunks/core-AAAAAAAA.mjs": 'import"./util-BBBBBBBB.mjs";var g=()=>import("./pie-EEEEEEEE-FFFFFFFF.mjs");',
    "chunks/util-BBBBBBBB.mjs": "export{};",
    "chunks/flowDiagram-CCCCCCCC.mjs": 'import{b}from"./layout-GGGGGGGG.mjs";import"./core-AAAAAAAA.mjs";'
                                       'var l=()=>import("./dagre-HHHHHHHH.mjs");',
    "chunks/layout-GGGGGGGG.mjs": "export{};",
    "chunks/dagre-HHHHHHHH.mjs": 'import"./util-BBBBBBBB.mjs";',
    "chunks/pieDiagram-DDDDDDDD.mjs": 'import"./core-AAAAAAAA.mjs";',
    "chunks/pie-EEEEEEEE-FFFFFFFF.mjs": "export{};",
}


class CountingReader:
    def __init__(self, files):
        self.files, self.read = files, []

    def __call__(self, path: str) -> str | None:
        self.read.append(path)
        return self.files.get(path)


def test_static_imports_are_followed_and_dynamic_ones_are_named_for_later():
    graph = ModuleGraph("lib.mjs", CountingReader(FILES))
    assert graph.imports("lib.mjs") == ("chunks/core-AAAAAAAA.mjs", "chunks/util-BBBBBBBB.mjs")
    assert graph.imports("missing.mjs") is None
    graph.preloads(["flowchart"])
    assert graph.later == {"flowDiagram": "chunks/flowDiagram-CCCCCCCC.mjs", "pieDiagram": "chunks/pieDiagram-DDDDDDDD.mjs",
                           "pie": "chunks/pie-EEEEEEEE-FFFFFFFF.mjs", "dagre": "chunks/dagre-HHHHHHHH.mjs"}
    assert "not-an-import" not in str(graph.later) and "not-an-import" not in str(graph._imports)


def test_preloads_are_the_library_then_each_types_chunks_and_layout_without_repeats():
    graph = ModuleGraph("lib.mjs", CountingReader(FILES))
    library = ["lib.mjs", "chunks/core-AAAAAAAA.mjs", "chunks/util-BBBBBBBB.mjs"]
    assert graph.preloads([]) == library
    assert graph.preloads(["flowchart"]) == library + [
        "chunks/flowDiagram-CCCCCCCC.mjs", "chunks/layout-GGGGGGGG.mjs", "chunks/dagre-HHHHHHHH.mjs"]
    assert graph.preloads(["pie", "graph"])[3:] == [
        "chunks/pieDiagram-DDDDDDDD.mjs", "chunks/pie-EEEEEEEE-FFFFFFFF.mjs",
        "chunks/flowDiagram-CCCCCCCC.mjs", "chunks/layout-GGGGGGGG.mjs", "chunks/dagre-HHHHHHHH.mjs"]


def test_files_are_read_once_and_only_those_a_page_needs():
    reader = CountingReader(FILES)
    graph = ModuleGraph("lib.mjs", reader)
    for _ in range(3):
        graph.preloads(["flowchart"])
    assert sorted(reader.read) == sorted(set(reader.read))
    assert "chunks/pieDiagram-DDDDDDDD.mjs" not in reader.read


def test_an_unknown_type_or_a_missing_file_only_loses_the_preload():
    graph = ModuleGraph("lib.mjs", CountingReader(FILES))
    assert graph.preloads(["brandNewDiagram"]) == graph.preloads([])
    assert ModuleGraph("lib.mjs", lambda path: None).preloads(["flowchart"]) == []


def test_every_named_type_has_its_chunks_in_the_installed_mermaid():
    from pathlib import Path

    dist = Path(__file__).resolve().parents[2] / "node_modules/mermaid/dist"
    installed = ModuleGraph("mermaid.esm.min.mjs", lambda p: (dist / p).read_text(encoding="utf-8")
                            if (dist / p).is_file() else None)
    for kind, chunks in CHUNKS_OF_TYPE.items():
        files = installed.preloads([kind])
        for chunk in chunks:
            assert chunk in installed.later and installed.later[chunk] in files, (kind, chunk)

from book.blocks import scan
from book.diagrams import CHUNKS_OF_TYPE, ModuleGraph, diagram_types, read_module_graph
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


def graph() -> ModuleGraph:
    read_files: list[str] = []

    def read(path: str) -> str | None:
        read_files.append(path)
        return FILES.get(path)

    result = read_module_graph("lib.mjs", read)
    assert len(read_files) == len(set(read_files)), "each file is read once"
    return result


def test_static_imports_are_followed_and_dynamic_ones_are_named_for_later():
    g = graph()
    assert g.imports["lib.mjs"] == ("chunks/core-AAAAAAAA.mjs", "chunks/util-BBBBBBBB.mjs")
    assert "./not-an-import.mjs" not in str(g.imports) and "not-an-import.mjs" not in str(g.later)
    assert g.later == {"flowDiagram": "chunks/flowDiagram-CCCCCCCC.mjs", "pieDiagram": "chunks/pieDiagram-DDDDDDDD.mjs",
                       "pie": "chunks/pie-EEEEEEEE-FFFFFFFF.mjs", "dagre": "chunks/dagre-HHHHHHHH.mjs"}


def test_preloads_are_the_library_then_each_types_chunks_and_layout_without_repeats():
    g = graph()
    library = ["lib.mjs", "chunks/core-AAAAAAAA.mjs", "chunks/util-BBBBBBBB.mjs"]
    assert g.preloads([]) == library
    assert g.preloads(["flowchart"]) == library + [
        "chunks/flowDiagram-CCCCCCCC.mjs", "chunks/layout-GGGGGGGG.mjs", "chunks/dagre-HHHHHHHH.mjs"]
    assert g.preloads(["pie", "graph"])[3:] == [
        "chunks/pieDiagram-DDDDDDDD.mjs", "chunks/pie-EEEEEEEE-FFFFFFFF.mjs",
        "chunks/flowDiagram-CCCCCCCC.mjs", "chunks/layout-GGGGGGGG.mjs", "chunks/dagre-HHHHHHHH.mjs"]


def test_an_unknown_type_or_a_missing_file_only_loses_the_preload():
    assert graph().preloads(["brandNewDiagram"]) == graph().preloads([])
    missing = read_module_graph("lib.mjs", lambda path: None)
    assert missing.preloads(["flowchart"]) == []


def test_every_named_type_has_its_chunks_in_the_installed_mermaid():
    from pathlib import Path

    dist = Path(__file__).resolve().parents[2] / "node_modules/mermaid/dist"
    installed = read_module_graph("mermaid.esm.min.mjs", lambda p: (dist / p).read_text(encoding="utf-8")
                                  if (dist / p).is_file() else None)
    for kind, chunks in CHUNKS_OF_TYPE.items():
        for chunk in chunks:
            assert chunk in installed.later, (kind, chunk)

"""``python -m book.check``: the runner every check prints through."""

import subprocess
import sys
from pathlib import Path

from book.check import main
from book.findings import Finding, Severity, has_errors, sorted_findings

ROOT = Path(__file__).resolve().parents[2]


def write(folder: Path, name: str, text: str) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_finding_prints_as_path_line_code_message():
    finding = Finding("docs/a.md", 4, "nav-unknown-parent", "parent 'X' is the title of no page")
    assert str(finding) == "docs/a.md:4: nav-unknown-parent parent 'X' is the title of no page"


def test_only_errors_fail_unless_strict():
    warning = Finding("docs/a.md", 1, "w", "m", Severity.WARNING)
    info = Finding("docs/a.md", 1, "i", "m", Severity.INFO)
    assert not has_errors([warning, info])
    assert has_errors([warning], strict=True)
    assert has_errors([Finding("docs/a.md", 1, "e", "m")])


def test_sorted_findings_orders_by_file_then_line_and_drops_repeats():
    a, b = Finding("docs/b.md", 2, "x", "m"), Finding("docs/a.md", 9, "x", "m")
    assert sorted_findings([a, b, a]) == [b, a]


def test_clean_book_exits_0(tmp_path, capsys):
    write(tmp_path, "index.md", "---\ntitle: 홈\nnav_order: 0\n---\n")
    assert main([str(tmp_path)]) == 0
    assert capsys.readouterr().out == ""


def test_findings_print_one_line_each_and_exit_1(tmp_path, capsys):
    docs = tmp_path / "docs"
    write(docs, "a.md", "---\ntitle: A\nparent: B\n---\n")
    write(docs, "b.md", "---\ntitle: B\nparent: A\n---\n")
    write(docs, "sub/c.md", "---\ntitle: C\nnav_order: 1\nparent: 없는 부\n---\n")
    assert main([str(docs)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"{docs.as_posix()}/a.md:3: nav-parent-cycle " + lines[0].split(" nav-parent-cycle ")[1],
        f"{docs.as_posix()}/b.md:3: nav-parent-cycle " + lines[1].split(" nav-parent-cycle ")[1],
        f"{docs.as_posix()}/sub/c.md:4: nav-unknown-parent parent '없는 부'를 제목으로 가진 페이지가 없습니다. "
        "그동안 페이지는 맨 위에 보입니다",
    ]


def test_command_line_names_files_as_typed_and_never_prints_a_traceback(tmp_path):
    docs = tmp_path / "docs"
    write(docs, "a.md", "---\ntitle: [broken\n---\n")
    (docs / "b.md").write_bytes("---\ntitle: 제목\n---\n본문\n".encode("cp949"))
    done = subprocess.run([sys.executable, "-m", "book.check", "docs"], cwd=tmp_path,
                          capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "hooks")})
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    assert done.stdout.splitlines()[0].startswith("docs/a.md:2: front-matter-yaml ")
    assert done.stdout.splitlines()[1].startswith("docs/b.md:2: encoding ")


def test_missing_folder_exits_2(tmp_path):
    assert main([str(tmp_path / "nope")]) == 2


def test_in_github_actions_each_finding_is_also_a_workflow_annotation(tmp_path, capsys, monkeypatch):
    docs = tmp_path / "docs"
    write(docs, "c.md", "---\ntitle: C\nnav_order: 1\nparent: \"없는, 부: 1%\"\n---\n")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert main([str(docs)]) == 1
    finding, annotation = capsys.readouterr().out.splitlines()
    assert finding.startswith(f"{docs.as_posix()}/c.md:4: nav-unknown-parent ")
    assert annotation == (f"::error file={docs.as_posix()}/c.md,line=4,title=nav-unknown-parent::"
                          "parent '없는, 부: 1%25'를 제목으로 가진 페이지가 없습니다. 그동안 페이지는 맨 위에 보입니다")
    monkeypatch.setenv("GITHUB_ACTIONS", "false")
    main([str(docs)])
    assert "::error" not in capsys.readouterr().out

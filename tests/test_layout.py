"""The pipeline stays free of MkDocs; the hook module only wires events."""

from __future__ import annotations

import ast
import subprocess
import sys

from seed_expectations import ROOT

HOOKS = ROOT / "hooks"


def test_pipeline_runs_without_importing_mkdocs():
    script = (
        "import sys, pathlib, clippings\n"
        f"clippings.build_archive(pathlib.Path({str(ROOT / 'seeds')!r}))\n"
        "assert not [m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material')]\n"
    )
    subprocess.run([sys.executable, "-c", script], cwd=HOOKS, check=True)


def test_no_pipeline_module_names_mkdocs():
    for path in (HOOKS / "clippings").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            assert not any(n.split(".")[0] in ("mkdocs", "material") for n in names), path


def _module(name: str) -> ast.Module:
    return ast.parse((HOOKS / name).read_text(encoding="utf-8"))


def test_hook_module_only_forwards_events_to_one_build_object():
    tree = _module("archive_hooks.py")
    functions = [node for node in tree.body if isinstance(node, ast.FunctionDef)]
    assert functions and all(node.name.startswith("on_") for node in functions)
    assert not [node for node in tree.body if isinstance(node, ast.ClassDef)]
    # The only module-level state is the build object; no event rebinds a global.
    assignments = [node for node in tree.body if isinstance(node, ast.Assign | ast.AnnAssign)]
    assert [ast.unparse(node) for node in assignments] == ["BUILD = ArchiveBuild()"]
    assert not [node for node in ast.walk(tree) if isinstance(node, ast.Global | ast.Nonlocal)]
    for function in functions:
        calls = [
            node
            for node in ast.walk(function)
            if isinstance(node, ast.Call) and ast.unparse(node.func).startswith("BUILD.")
        ]
        assert len(calls) == 1, f"{function.name} should hand over to the build object"
        assert len(function.body) <= 2, f"{function.name} does work of its own"


def test_build_module_keeps_no_module_level_state():
    tree = _module("archive_build.py")
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets = [ast.unparse(target) for target in node.targets]
            # Constants and the logger only: per-build state lives in BuildState.
            assert all(t.isupper() or t == "log" for t in targets), targets
    assert not [node for node in ast.walk(tree) if isinstance(node, ast.Global | ast.Nonlocal)]
    classes = {node.name for node in tree.body if isinstance(node, ast.ClassDef)}
    assert {"ArchiveBuild", "BuildState", "ArchiveSettings"} <= classes

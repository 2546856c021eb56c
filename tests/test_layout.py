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


def test_hook_module_defines_only_event_functions():
    tree = ast.parse((HOOKS / "archive_hooks.py").read_text(encoding="utf-8"))
    functions = [node.name for node in tree.body if isinstance(node, ast.FunctionDef)]
    assert functions and all(name.startswith("on_") for name in functions)
    assert not [node for node in tree.body if isinstance(node, ast.ClassDef)]

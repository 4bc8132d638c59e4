"""No module of the package binds one top-level name twice: the later binding silently replaces
the earlier for every function of the module (two year patterns named alike in
records/context.py had given a function the other's shape of year; ruff's F811 sees functions
and imports redefined, not constants)."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "ipextract"


def _bound_twice(path: Path) -> list[str]:
    names: Counter[str] = Counter()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign):
            names.update(target.id for target in node.targets if isinstance(target, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] += 1
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names[node.name] += 1
    return sorted(name for name, count in names.items() if count > 1)


def test_no_top_level_name_is_bound_twice() -> None:
    modules = sorted(PACKAGE.rglob("*.py"))
    assert modules
    twice = {str(path.relative_to(PACKAGE)): names for path in modules if (names := _bound_twice(path))}
    assert twice == {}

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
SHARED = ROOT.parent / "shared"
REAL_REPORTS = SHARED / "corpora" / "real" / "gov-work-reports-2026"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/ from the current output (read it before committing)")


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def load_benchmark(name: str) -> ModuleType:
    """``benchmarks/NAME.py`` as a module (the benchmarks are scripts, not a package),
    registered in ``sys.modules`` under its name: dataclasses look their module up there."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def count_calls(monkeypatch: pytest.MonkeyPatch, module: ModuleType,
                names: tuple[str, ...]) -> Counter[str]:
    """Count the calls of the functions ``names`` of ``module`` from now until
    ``monkeypatch.undo()``: how often a check asks a pairwise question, the cost that must not
    grow with a document."""
    calls: Counter[str] = Counter()
    for name in names:
        real = getattr(module, name)

        def counted(*args: Any, _name: str = name, _real: Any = real) -> Any:
            calls[_name] += 1
            return _real(*args)

        monkeypatch.setattr(module, name, counted)
    return calls

"""The planted-error benchmark (benchmarks/planted_errors.py) as a test: at least 100 plants,
at least 95% caught, no alarm on the clean documents."""

from __future__ import annotations

import importlib.util
import sys

from .conftest import ROOT


def test_planted_errors_are_caught_and_clean_documents_are_quiet() -> None:
    spec = importlib.util.spec_from_file_location("planted_errors",
                                                  ROOT / "benchmarks" / "planted_errors.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["planted_errors"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    report = module.run()
    assert report["plants"] >= 100
    assert all(row["plants"] > 0 for row in report["classes"].values())
    assert report["rate"] >= 0.95, report["missed"]
    assert report["false_alarms"] == []

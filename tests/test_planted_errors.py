"""The planted-error benchmark (benchmarks/planted_errors.py) as a test: at least 100 plants,
at least 95% caught, no alarm on the clean documents."""

from __future__ import annotations

from .conftest import load_benchmark


def test_planted_errors_are_caught_and_clean_documents_are_quiet() -> None:
    report = load_benchmark("planted_errors").run()
    assert report["plants"] >= 100
    assert all(row["plants"] > 0 for row in report["classes"].values())
    assert report["rate"] >= 0.95, report["missed"]
    assert report["false_alarms"] == []

"""ipextract side by side with JioNLP, Recognizers-Text and a regex floor (pytest-benchmark).

    pip install -e '.[bench]' && pytest benchmarks/test_compare.py --benchmark-enable -s

Groups per input, so each table compares the tools on the same text: the sample repeated to
~1 MB (Recognizers-Text skipped there: its time grows faster than the length of one call; it
is timed on the ~0.1 MB slice), the ~0.1 MB slice, and the 24 real reports (one call per
report; skipped when ../shared is absent). Figure precision, recall and F1 on the gold files and
peak memory in a fresh interpreter are plain tests that print. ``benchmarks/compare.py`` runs
the same measurements and writes the table to ``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import competitors as c

# Looked up, not imported: Recognizers-Text imports only through the adapter's fixes.
if not all(importlib.util.find_spec(m) for m in ("jionlp", "recognizers_number_with_unit", "emoji")):
    pytest.skip("the bench extra is not installed: pip install -e '.[bench]'", allow_module_level=True)

KEYS = ["ipextract", "ipextract-novalidate", "jionlp", "recognizers", "regex"]
SLOW = {"recognizers"}
_TOOLS: dict[str, object] = {}


def tool(key: str):  # type: ignore[no-untyped-def]
    if key not in _TOOLS:
        _TOOLS[key] = c.make(key)
    return _TOOLS[key]


def _run(benchmark, key: str, texts: list[str], rounds: int) -> None:  # type: ignore[no-untyped-def]
    adapter = tool(key)
    found = benchmark.pedantic(lambda: [adapter.extract(t) for t in texts], rounds=rounds, iterations=1)
    assert sum(map(len, found)) > 0
    size = c.megabytes(texts)
    best = benchmark.stats.stats.min
    benchmark.extra_info["MB"] = round(size, 3)
    benchmark.extra_info["MB/s (best)"] = round(size / best, 3)
    print(f"\n{adapter.name}: {size:.3f} MB, {size / best:.3f} MB/s (best of {rounds})")


@pytest.mark.parametrize("key", KEYS)
def test_sample_1mb(benchmark, key: str) -> None:  # type: ignore[no-untyped-def]
    if key in SLOW:
        pytest.skip("superlinear in one call's length: timed on the 0.1 MB slice")
    benchmark.group = "compare: sample repeated to ~1 MB"
    _run(benchmark, key, c.INPUTS["sample-1mb"](), rounds=3)


@pytest.mark.parametrize("key", KEYS)
def test_sample_100kb(benchmark, key: str) -> None:  # type: ignore[no-untyped-def]
    benchmark.group = "compare: sample repeated to ~0.1 MB"
    _run(benchmark, key, c.INPUTS["sample-100kb"](), rounds=2 if key in SLOW else 5)


@pytest.mark.parametrize("key", KEYS)
def test_real_reports(benchmark, key: str) -> None:  # type: ignore[no-untyped-def]
    texts = c.real_reports()
    if not texts:
        pytest.skip("the real reports in ../shared are not here")
    benchmark.group = "compare: 24 real work reports"
    _run(benchmark, key, texts, rounds=1 if key in SLOW else 3)


@pytest.mark.parametrize("key", KEYS)
def test_gold_f1(key: str) -> None:
    with_values, spans = c.gold_scores(tool(key))
    print(f"\n{tool(key).name}: gold {with_values.gold}, found {with_values.found}, "
          f"P {with_values.precision:.3f} R {with_values.recall:.3f} F1 {with_values.f1:.3f}; "
          f"span only P {spans.precision:.3f} R {spans.recall:.3f} F1 {spans.f1:.3f}")
    if key.startswith("ipextract"):
        assert with_values.f1 >= 0.98


@pytest.mark.parametrize("key", KEYS)
def test_peak_memory(key: str) -> None:
    input_name = "sample-100kb" if key in SLOW else "sample-1mb"
    out = subprocess.run([sys.executable, c.__file__, "--peak", key, input_name],
                         check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
    print(f"\n{out}")
    assert '"peak_mb"' in out

"""Throughput of ``extract`` (pytest-benchmark). Run: ``pytest benchmarks --benchmark-enable``.

Each benchmark also checks its output, so a speed change that loses accuracy fails here too.
The MB/s figure is the UTF-8 size of the input over the mean time; it is printed and stored in
the benchmark's ``extra_info``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ipextract import extract

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = (ROOT / "corpora" / "wuhan-ip-2024.txt").read_text(encoding="utf-8")
REAL = ROOT.parent / "shared" / "corpora" / "real" / "gov-work-reports-2026"


def _report(benchmark, text: str) -> None:  # type: ignore[no-untyped-def]
    megabytes = len(text.encode("utf-8")) / 1e6
    mean = benchmark.stats.stats.mean
    benchmark.extra_info["MB"] = round(megabytes, 3)
    benchmark.extra_info["MB/s"] = round(megabytes / mean, 3)
    print(f"\n{benchmark.name}: {megabytes:.3f} MB, {megabytes / mean:.2f} MB/s")


def test_extract_sample(benchmark) -> None:  # type: ignore[no-untyped-def]
    document = benchmark(extract, SAMPLE)
    assert len(document.records) == 99
    _report(benchmark, SAMPLE)


def test_extract_sample_repeated_to_4mb(benchmark) -> None:  # type: ignore[no-untyped-def]
    text = "\n\n".join([SAMPLE] * 350)
    document = benchmark.pedantic(extract, args=(text,), rounds=2, iterations=1)
    assert len(document.records) == 99 * 350
    _report(benchmark, text)


def test_extract_real_reports(benchmark) -> None:  # type: ignore[no-untyped-def]
    paths = sorted(REAL.glob("*.txt"))
    if not paths:
        pytest.skip("the real reports in ../shared are not here")
    texts = [p.read_text(encoding="utf-8") for p in paths]
    documents = benchmark.pedantic(lambda: [extract(t) for t in texts], rounds=3, iterations=1)
    assert all(d.records for d in documents)
    _report(benchmark, "".join(texts))


# Texts made of one repeated shape, at two sizes: the time per character must not grow with the
# length (the figure grammar's range guard once read 万万万… to the end from every number: the
# doubled text took four times as long). The ratio is printed and stored; the benchmark asserts
# only the records.
HOSTILE = {"magnitudes": ("万", 0), "digits and commas": ("1,", 0), "万 after every digit": ("1万", 1)}


@pytest.mark.parametrize("shape", sorted(HOSTILE))
@pytest.mark.parametrize("characters", [50_000, 100_000])
def test_extract_hostile_shape(benchmark, shape: str, characters: int) -> None:  # type: ignore[no-untyped-def]
    unit, figures_per_unit = HOSTILE[shape]
    text = unit * (characters // len(unit))
    document = benchmark.pedantic(extract, args=(text,), rounds=2, iterations=1)
    assert len(document.records) == figures_per_unit * (characters // len(unit))
    _report(benchmark, text)

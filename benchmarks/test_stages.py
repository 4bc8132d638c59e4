"""Each stage of ``ipextract.pipeline.extract`` alone (pytest-benchmark), on the sample repeated
to ~4 MB and on the 24 real reports (skipped when ../shared is absent).

    pytest benchmarks/test_stages.py --benchmark-enable

Every stage's input is built outside the timed function, by running the stages before it once;
the stages chain as in ``extract``: normalize → split_blocks → find_figures (per block) →
drop_labels → draft_records → to_records → run_checks → to_json.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import competitors as c

from ipextract import extract
from ipextract.blocks import split_blocks
from ipextract.cells import cell_rows
from ipextract.document_info import document_facts
from ipextract.figures import find_figures
from ipextract.labels import drop_labels
from ipextract.layout import logical_lines
from ipextract.normalize import normalize
from ipextract.output import to_json
from ipextract.pipeline import _place_forms, to_records
from ipextract.records import draft_records
from ipextract.validate import run_checks


@dataclass
class Staged:
    """One text with every stage's output, so each stage can be timed on its real input."""

    text: str
    normalized: Any
    blocks: Any
    candidates: Any
    figures: Any
    year: Any
    places: Any
    drafts: Any
    records: Any
    document: Any


def stage_inputs(text: str) -> Staged:
    normalized = normalize(text)
    blocks = split_blocks(normalized.text)
    candidates = [find_figures(block, index) for index, block in enumerate(blocks)]
    figures = [drop_labels(block, found) for block, found in zip(blocks, candidates, strict=True)]
    facts = document_facts(blocks)
    year, region = facts.year, facts.region
    places = _place_forms(region)
    drafts = draft_records(blocks, figures, year, places)
    records = to_records(drafts, normalized, blocks)
    return Staged(text, normalized, blocks, candidates, figures, year, places, drafts, records, extract(text))


@cache
def corpus(name: str) -> tuple[Staged, ...]:
    if name == "sample-4mb":
        return (stage_inputs(c.repeated_sample(4.0)),)
    texts = c.real_reports()
    if not texts:
        pytest.skip("the real reports in ../shared are not here")
    return tuple(stage_inputs(t) for t in texts)


STAGES = {
    "normalize": lambda s: normalize(s.text),
    "split_blocks": lambda s: split_blocks(s.normalized.text),
    "find_figures": lambda s: [find_figures(block, i) for i, block in enumerate(s.blocks)],
    "drop_labels": lambda s: [drop_labels(b, f) for b, f in zip(s.blocks, s.candidates, strict=True)],
    "draft_records": lambda s: draft_records(s.blocks, s.figures, s.year, s.places),
    "to_records": lambda s: to_records(s.drafts, s.normalized, s.blocks),
    "run_checks": lambda s: run_checks(s.records, s.text, s.blocks),
    "to_json": lambda s: to_json(s.document),
    "extract + to_json (end to end)": lambda s: to_json(extract(s.text)),
}


@pytest.mark.parametrize("name", ["sample-4mb", "real"])
@pytest.mark.parametrize("stage", list(STAGES))
def test_stage(benchmark, stage: str, name: str) -> None:  # type: ignore[no-untyped-def]
    staged = corpus(name)
    run = STAGES[stage]
    benchmark.group = f"stages: {name}"
    benchmark.pedantic(lambda: [run(s) for s in staged], rounds=2 if name == "sample-4mb" else 3, iterations=1)
    size = c.megabytes([s.text for s in staged])
    best = benchmark.stats.stats.min
    benchmark.extra_info["MB"] = round(size, 3)
    benchmark.extra_info["MB/s (best)"] = round(size / best, 3)
    print(f"\n{stage} on {name}: {size:.2f} MB, {best:.3f} s, {size / best:.2f} MB/s")


@pytest.mark.parametrize("repeats", [20000, 40000])
def test_cell_rows_on_an_adversarial_run(benchmark, repeats: int) -> None:  # type: ignore[no-untyped-def]
    """One-cell-per-line table recovery on a run that is tried as a table at every heading and
    never is one: twice the lines must take about twice the time (a quadratic scan took
    minutes at 100,000 lines)."""
    pieces = ["项目", "甲类", "1", "2", "3"] * repeats + ["说明"] * (repeats * 5 // 2) + ["4"]
    text = "\n".join(pieces)
    lines = logical_lines(text)
    benchmark.group = "cell_rows: adversarial run"
    rows = benchmark.pedantic(lambda: cell_rows(lines, text), rounds=2, iterations=1)
    assert len(rows) == len(lines)
    benchmark.extra_info["lines"] = len(lines)

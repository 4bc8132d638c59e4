"""The validator's speed (pytest-benchmark): ``run_checks`` on the real texts, and ``conflict``
— whose restatement rule (``validate/restatement.py``) looks figures up by name, indicator
and size — on a long generated document. Timings live here, never asserted in ``tests/``;
``tests/test_restatements.py`` counts the comparisons per figure instead.

    pytest benchmarks/bench_validate.py --benchmark-enable

The real texts are every .txt of ../shared/corpora/real (skipped when absent), the work
reports and the bulletins apart, as in ``false_alarms.py --time``; records and blocks are made
outside the timed function. The long document is the restatement paragraph of
``tests/test_restatements.py`` repeated to 100,000 figures, each copy under a year of its own.
The long table is ``tests/test_checks_tables.py``'s yearbook-like table at 50,000 rows
(100,000 figures), every check timed on it (``run_checks``).
"""

from __future__ import annotations

import decimal
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import false_alarms
from tests.test_checks_tables import table
from tests.test_restatements import PARAGRAPH, _copies

from ipextract import extract
from ipextract.blocks import split_blocks
from ipextract.normalize import normalize
from ipextract.validate import CheckSettings, run_checks
from ipextract.validate.base import CheckInput
from ipextract.validate.figures import conflict


@cache
def prepared(group: str) -> tuple[tuple[Any, str, Any], ...]:
    paths = false_alarms.texts(group)
    if not paths:
        pytest.skip("the real texts in ../shared are not here")
    found = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        found.append((extract(text, validate=False).records, text,
                      split_blocks(normalize(text).text)))
    return tuple(found)


@pytest.mark.parametrize("group", list(false_alarms.GROUPS))
def test_run_checks_on_the_real_texts(benchmark, group: str) -> None:  # type: ignore[no-untyped-def]
    documents = prepared(group)

    def run() -> int:
        with decimal.localcontext(prec=60):  # as extract runs them
            return sum(len(run_checks(records, text, blocks)) for records, text, blocks in documents)

    benchmark.group = "validate: run_checks"
    benchmark.pedantic(run, rounds=5, iterations=1)
    benchmark.extra_info["documents"] = len(documents)
    benchmark.extra_info["records"] = sum(len(records) for records, _, _ in documents)


@pytest.mark.parametrize("figures", [100_000])
def test_conflict_on_a_long_document(benchmark, figures: int) -> None:  # type: ignore[no-untyped-def]
    records = extract(PARAGRAPH, validate=False).records
    copied, text = _copies(records, PARAGRAPH, figures // len(records))
    blocks = split_blocks(normalize(text).text)

    def run() -> int:  # a new CheckInput each round: nothing is kept from the round before
        return len(conflict(CheckInput(copied, text, blocks), CheckSettings()))

    benchmark.group = "validate: conflict"
    found = benchmark.pedantic(run, rounds=2, iterations=1)
    assert found == len(copied) // len(records)  # the one slip of every copy
    benchmark.extra_info["figures"] = len(copied)


@pytest.mark.parametrize("rows", [50_000])
def test_checks_on_a_long_table(benchmark, rows: int) -> None:  # type: ignore[no-untyped-def]
    text = table(rows)
    records = extract(text, validate=False).records
    blocks = split_blocks(normalize(text).text)

    def run() -> int:  # a new CheckInput each round: nothing is kept from the round before
        with decimal.localcontext(prec=60):  # as extract runs them
            return len(run_checks(records, text, blocks))

    benchmark.group = "validate: run_checks on a table"
    benchmark.pedantic(run, rounds=2, iterations=1)
    benchmark.extra_info["figures"] = len(records)

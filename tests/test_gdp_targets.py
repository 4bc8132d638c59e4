"""GDP growth on the 24 shared provincial work reports (issue #16), against values checked by hand.

``benchmarks/gdp_targets_2025.csv`` holds, per province, the headline 2025 GDP growth (from the
2026 report), the 2026 target (2026 report) and the 2025 target (2025 report), each read in its
sentence and section, with the line of the report where it stands; ``benchmarks/
gdp_targets_2025.md`` says how. Both folders are ingested once per module, the three
``headline_series`` queries of the issue are run, and for every province and column the tool's
headline row must give the hand value and qualifier (a range its two ends) and come from the
hand-checked line. Where the tool is wrong today the case is an expected failure (strict, so a
fix shows up), with the reason.
"""

from __future__ import annotations

import csv
import re
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

import pytest

from ipextract.cli import main

from .conftest import ROOT, SHARED

REAL = SHARED / "corpora" / "real"
HAND = ROOT / "benchmarks" / "gdp_targets_2025.csv"

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not REAL.is_dir(), reason=f"{REAL} is not here")]

# column of the CSV → (report folder, status, figure year) of the series query
QUERIES = {
    "result_2025": ("gov-work-reports-2026", "actual", 2025),
    "target_2026": ("gov-work-reports-2026", "target", 2026),
    "target_2025": ("gov-work-reports-2025", "target", 2025),
}
QUALIFIERS = {"左右": "approx", "以上": "at_least", "range": "range", "none": "exact"}

# (column, province) → why the tool's value or qualifier is wrong today (none since the headline
# series sets aside averages over years — the five-year 十五五 targets that came first in the
# text — and 按增长5%安排 names 地区生产总值)
WRONG_VALUE: dict[tuple[str, str], str] = {}
# (column, province) → why the row comes from another sentence although its figure is the same
WRONG_SENTENCE: dict[tuple[str, str], str] = {**WRONG_VALUE}


class Hand(NamedTuple):
    report: str  # file name under its folder
    numbers: tuple[Decimal, ...]  # the value, or the two ends of a range
    qualifier: str  # the tool's name for it
    line: int  # 1-based line of the report


class Found(NamedTuple):
    value: Decimal
    qualifier: str
    numbers: tuple[Decimal, ...]
    surface: str
    line: int


def _hand() -> dict[tuple[str, str], Hand]:
    with HAND.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == 24
    hand = {}
    for row in rows:
        for column, (folder, _, _) in QUERIES.items():
            high = row.get(f"{column}_high") or ""
            numbers = (Decimal(row[column]),) + ((Decimal(high),) if high else ())
            hand[column, row["province"]] = Hand(
                Path(row[f"report_{folder[-4:]}"]).name, numbers,
                QUALIFIERS[row.get(f"{column}_qualifier") or "none"], int(row[f"{column}_line"]))
    return hand


HAND_VALUES = _hand()
CASES = sorted(HAND_VALUES)


def _case(column: str, province: str, known: dict[tuple[str, str], str]) -> object:
    reason = known.get((column, province))
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(column, province, marks=marks, id=f"{column}-{province}")


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Found]:
    """The tool's headline row per (column, province), keyed by the report's file name."""
    duckdb = pytest.importorskip("duckdb")
    from ipextract.dataset.series import headline_series

    root = tmp_path_factory.mktemp("gdp")
    databases = {}
    for folder in sorted({folder for folder, _, _ in QUERIES.values()}):
        databases[folder] = str(root / f"{folder}.duckdb")
        assert main(["ingest", str(REAL / folder), "--db", databases[folder], "--quiet", "--jobs", "1"]) == 0
    result: dict[tuple[str, str], Found] = {}
    for column, (folder, status, year) in QUERIES.items():
        rows, _ = headline_series(databases[folder], "gdp", "growth", status=status, year=year)
        with duckdb.connect(databases[folder], read_only=True) as connection:
            for row in rows:
                document, record = row.record.split(":")
                (start,) = connection.execute("SELECT start FROM records WHERE document_id = ? AND id = ?",
                                              [document, record]).fetchone()
                text = Path(row.source).read_text(encoding="utf-8")
                key = (column, Path(row.source).stem)
                assert key not in result, f"two headline rows for {key}"
                result[key] = Found(Decimal(row.value), row.qualifier,
                                    tuple(Decimal(n) for n in re.findall(r"\d+(?:\.\d+)?", row.surface)),
                                    row.surface, text.count("\n", 0, start) + 1)
    return result


def test_the_hand_list_covers_both_folders() -> None:
    for folder in {folder for folder, _, _ in QUERIES.values()}:
        assert {path.stem for path in (REAL / folder).glob("*.txt")} == {p for _, p in CASES}


@pytest.mark.parametrize(("column", "province"), [_case(*key, WRONG_VALUE) for key in CASES])
def test_value_and_qualifier(found: dict[tuple[str, str], Found], column: str, province: str) -> None:
    hand = HAND_VALUES[column, province]
    assert (column, province) in found, f"no headline row for {province}"
    row = found[column, province]
    assert (row.value, row.qualifier, row.numbers) == (hand.numbers[0], hand.qualifier, hand.numbers), row.surface


@pytest.mark.parametrize(("column", "province"), [_case(*key, WRONG_SENTENCE) for key in CASES])
def test_row_comes_from_the_headline_sentence(found: dict[tuple[str, str], Found], column: str,
                                              province: str) -> None:
    hand = HAND_VALUES[column, province]
    assert (column, province) in found, f"no headline row for {province}"
    assert found[column, province].line == hand.line, f"{hand.report}: {found[column, province].surface}"


def test_targets_against_results_reproduce_the_hand_verdicts(tmp_path: Path) -> None:
    """``ipextract targets --year 2025``: the 2025 targets of the 2025 reports paired with the
    results of the 2026 reports, met or missed by each target's rule, as judged by hand
    (the CSV's met_2025, with 左右 met within 0.5 points)."""
    pytest.importorskip("duckdb")
    from ipextract.dataset.targets import target_pairs

    database = str(tmp_path / "both.duckdb")
    assert main(["ingest", str(REAL / "gov-work-reports-2025"), str(REAL / "gov-work-reports-2026"),
                 "--db", database, "--quiet", "--jobs", "1"]) == 0
    with HAND.open(encoding="utf-8", newline="") as stream:
        hand = {row["report_2025"].rsplit("/", 1)[-1]: row["met_2025"] for row in csv.DictReader(stream)}
    pairs = target_pairs(database, 2025, ["gdp"], "growth")
    tool = {Path(pair.target.row.source).name: pair.verdict for pair in pairs}
    assert tool == hand

"""Periods of the gold figures: ``period_start``/``period_end`` against a hand annotation.

``corpora/gold/periods/<name>.json`` gives, for every record of ``corpora/gold/<name>.json`` (same
order, same offsets), the ISO days that bound the period a careful reader gives the figure,
annotated from the text and not from the program (conventions in
``corpora/gold/periods/README.md``). Each gold record is one test: the program's record at the
same offsets must carry the same bounds.

Records the program gets wrong today are listed, by class of error, in
``test_gold_periods_known.yaml`` beside this file and run as ``xfail(strict=True)``: a listed
record that starts passing fails the run (take it off the list), and so does an unlisted one that
breaks. ``pytest -s tests/test_gold_periods.py`` prints the share right per document;
``period_scores()`` computes the same for the benchmarks.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from ipextract import extract

from .conftest import CORPORA

PERIODS = CORPORA / "gold" / "periods"
KNOWN_FILE = Path(__file__).with_name("test_gold_periods_known.yaml")
ROW_KEYS = {"start", "end", "surface", "period_start", "period_end", "why"}
OPTIONAL_KEYS = {"unsure", "note"}

Bounds = tuple[str | None, str | None]


@dataclass(frozen=True)
class PeriodRow:
    """One hand-annotated period of a gold record."""

    document: str
    start: int
    end: int
    surface: str
    period_start: str | None
    period_end: str | None
    why: str
    unsure: bool = False

    @property
    def bounds(self) -> Bounds:
        return (self.period_start, self.period_end)

    @property
    def key(self) -> str:
        return f"{self.document}@{self.start}"


@dataclass
class PeriodScore:
    """How many gold periods of one document the program bounds right."""

    document: str
    total: int = 0
    right: int = 0
    wrong: list[tuple[PeriodRow, Bounds | None]] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else 1.0


def document_names(directory: Path = PERIODS) -> list[str]:
    return sorted(path.stem for path in directory.glob("*.json"))


def load_period_gold(name: str, directory: Path = PERIODS) -> list[PeriodRow]:
    rows = json.loads((directory / f"{name}.json").read_text(encoding="utf-8"))
    return [PeriodRow(name, row["start"], row["end"], row["surface"], row["period_start"],
                      row["period_end"], row["why"], bool(row.get("unsure", False)))
            for row in rows]


def program_bounds(record: Any) -> Bounds:
    """The program's bounds of a record as ISO strings (None where it gives none)."""
    start, end = record.period_start, record.period_end
    return (start.isoformat() if start is not None else None,
            end.isoformat() if end is not None else None)


def score_periods(name: str, rows: Sequence[PeriodRow], records: Iterable[Any]) -> PeriodScore:
    """Match records to gold rows by (start, end) and count equal bounds.

    A gold row with no record at its offsets counts as wrong (its bounds None in ``wrong``).
    """
    by_span = {(record.start, record.end): record for record in records}
    result = PeriodScore(name, total=len(rows))
    for row in rows:
        record = by_span.get((row.start, row.end))
        got = program_bounds(record) if record is not None else None
        if got == row.bounds:
            result.right += 1
        else:
            result.wrong.append((row, got))
    return result


def corpus_text(name: str) -> str:
    return (CORPORA / f"{name}.txt").read_text(encoding="utf-8")


@cache
def _records(name: str) -> dict[tuple[int, int], Any]:
    return {(record.start, record.end): record for record in extract(corpus_text(name)).records}


def period_scores(directory: Path = PERIODS) -> list[PeriodScore]:
    """Share of gold periods right, per document (for the tests and the benchmarks)."""
    return [score_periods(name, load_period_gold(name, directory), _records(name).values())
            for name in document_names(directory)]


def load_known(path: Path = KNOWN_FILE) -> dict[str, tuple[str, str]]:
    """``{"<document>@<start>": (class, surface)}`` of the records the program gets wrong today."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    known: dict[str, tuple[str, str]] = {}
    for error_class, entry in data.items():
        for document, items in entry["records"].items():
            for item in items:
                start, surface = item.split(" ", 1)
                key = f"{document}@{int(start)}"
                assert key not in known, f"{key} listed twice"
                known[key] = (error_class, surface)
    return known


NAMES = document_names()
GOLD_ROWS = [row for name in NAMES for row in load_period_gold(name)]
KNOWN = load_known()


def _param(row: PeriodRow) -> Any:
    marks = []
    if row.key in KNOWN:
        marks.append(pytest.mark.xfail(strict=True, reason=f"known: {KNOWN[row.key][0]}"))
    return pytest.param(row, id=row.key, marks=marks)


def test_every_gold_document_has_periods() -> None:
    gold = sorted(path.stem for path in (CORPORA / "gold").glob("*.json"))
    assert NAMES == gold
    assert len(GOLD_ROWS) >= 400


@pytest.mark.parametrize("name", NAMES)
def test_period_file_follows_the_gold_records(name: str) -> None:
    gold = json.loads((CORPORA / "gold" / f"{name}.json").read_text(encoding="utf-8"))["records"]
    raw = json.loads((PERIODS / f"{name}.json").read_text(encoding="utf-8"))
    text = corpus_text(name)
    assert [(r["start"], r["end"], r["surface"]) for r in raw] == \
        [(r["start"], r["end"], r["surface"]) for r in gold]
    for row in raw:
        assert ROW_KEYS <= set(row) <= ROW_KEYS | OPTIONAL_KEYS, row
        assert text[row["start"]:row["end"]] == row["surface"]
        assert row["why"].strip(), row
        assert (row["period_start"] is None) == (row["period_end"] is None), row
        if row["period_start"] is not None:
            start = dt.date.fromisoformat(row["period_start"])
            end = dt.date.fromisoformat(row["period_end"])
            assert start <= end, row
        if row.get("unsure"):
            assert row.get("note"), f"an unsure row says why: {row}"


def test_known_failures_name_gold_records() -> None:
    rows = {row.key: row for row in GOLD_ROWS}
    for key, (error_class, surface) in KNOWN.items():
        assert key in rows, f"{key} ({error_class}) is no gold record"
        assert rows[key].surface == surface, f"{key}: {surface} vs gold {rows[key].surface}"
    data = yaml.safe_load(KNOWN_FILE.read_text(encoding="utf-8"))
    assert all(entry.get("what") for entry in data.values())


@pytest.mark.parametrize("row", [_param(row) for row in GOLD_ROWS])
def test_period_bounds(row: PeriodRow) -> None:
    record = _records(row.document).get((row.start, row.end))
    assert record is not None, f"no record at {row.start}-{row.end} ({row.surface})"
    assert program_bounds(record) == row.bounds, \
        f"{row.surface}: period {record.period!r} (gold: {row.why})"


def test_period_share_per_document() -> None:
    """Print the share right per document; it may not fall below what the known list allows."""
    for result in period_scores():
        expected_wrong = sum(1 for key in KNOWN if key.startswith(f"{result.document}@"))
        print(f"\n{result.document}: periods right {result.right}/{result.total} "
              f"({result.share:.1%}), known wrong {expected_wrong}")
        assert result.right >= result.total - expected_wrong

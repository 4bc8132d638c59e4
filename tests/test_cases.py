"""Table-driven cases: real-style phrases and every figure expected from each.

A row checks the surface and value of every figure, in order, and any of unit, kind, qualifier,
metric, value_min and value_max the row gives. Known failures are strict xfails in the files.
"""

from __future__ import annotations

from typing import Any

import pytest

from ipextract import extract

from .casefiles import CHECKED_FIELDS, case_params, expected_span, same_value


@pytest.mark.parametrize("row", case_params())
def test_case(row: dict[str, Any]) -> None:
    text = row["text"]
    records = extract(text, validate=False).records
    found = [(r.surface, r.start) for r in records]
    expected = [(e["surface"], expected_span(text, e)[0]) for e in row["expect"]]
    assert found == expected, f"figures found {found}, expected {expected}"
    for expect, record in zip(row["expect"], records, strict=True):
        assert same_value(expect["value"], record.value), (record.surface, record.value)
        for field in CHECKED_FIELDS:
            if field in expect:
                actual = getattr(record, field)
                if field.startswith("value_"):
                    assert same_value(expect[field], actual), (record.surface, field, actual)
                elif field in ("period_start", "period_end"):  # (dates, written as ISO text)
                    assert (actual and actual.isoformat()) == expect[field], (record.surface, field, actual)
                else:
                    assert actual == expect[field], (record.surface, field, actual)


def test_there_are_enough_cases() -> None:
    rows = case_params()
    assert len(rows) >= 200
    negatives = [row for row in rows if row.values[0]["expect"] == []]
    assert len(negatives) >= 30


def test_case_ids_are_unique() -> None:
    """A case's id names it in a report and in a note; two rows of one id (pytest numbers the
    second silently) would make a failure ambiguous."""
    ids = [param.id for param in case_params()]
    repeated = sorted({case_id for case_id in ids if ids.count(case_id) > 1})
    assert not repeated, repeated

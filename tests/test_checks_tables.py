"""The checks on long tables (issue #19 with the throughput budget): a table's rows are
never one statement with each other (``validate/statements.py``), so the figure-comparing
checks must not compare them pairwise — a yearbook table of thousands of rows repeating a
few dozen names is read in one pass — while a row that restates a figure of the prose is
still compared with it. Counted, not timed (the time is in benchmarks/bench_validate.py)."""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

import pytest

from ipextract import extract
from ipextract.blocks import split_blocks
from ipextract.normalize import normalize
from ipextract.validate import CheckSettings, restatement
from ipextract.validate.base import CheckInput
from ipextract.validate.figures import conflict

from .conftest import count_calls

DISTRICTS = ("东城区", "西城区", "南湖区", "北山区", "高新区", "临港区", "滨江区", "青山区")
INDICATORS = (("地区生产总值", "亿元", 800.0), ("一般公共预算收入", "亿元", 60.0),
              ("粮食产量", "万吨", 40.0), ("常住人口", "万人", 90.0),
              ("发明专利授权量", "件", 3000.0), ("货物运输量", "万吨", 5000.0))
HEADER = "指标 | 单位 | 2024年 | 比上年增长(%)"


def table(rows: int, seed: int = 7) -> str:
    """A text table like a yearbook's: one row a line, a district's indicator, its unit,
    the year's value and its growth (names recur every few dozen rows)."""
    chooser = random.Random(seed)
    lines = ["2024年各区主要统计指标", HEADER]
    for _ in range(rows):
        name, unit, size = chooser.choice(INDICATORS)
        value = size * chooser.uniform(0.1, 2.0)
        lines.append(f"{chooser.choice(DISTRICTS)}{name} | {unit} | {value:.1f} | "
                     f"{chooser.uniform(-3.0, 12.0):.1f}")
    return "\n\n".join(lines) + "\n"


COUNTED = ("one_statement_possible", "distance")


def _conflict_counted(text: str, monkeypatch: pytest.MonkeyPatch
                      ) -> tuple[int, Counter[str], list[Any]]:
    """The records, how often ``conflict`` asked whether two figures can be one statement and
    how close two names are (the pairwise questions), and its findings."""
    records = extract(text, validate=False).records
    calls = count_calls(monkeypatch, restatement, COUNTED)
    found = conflict(CheckInput(records, text, split_blocks(normalize(text).text)),
                     CheckSettings())
    monkeypatch.undo()
    return len(records), calls, found


@pytest.mark.parametrize("rows", [200, 2_000])
def test_table_rows_are_not_compared_with_each_other(rows: int,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Every name recurs dozens of times in the larger table, with values that disagree:
    no conflict, and no pair of rows is asked about (an all-pairs rule, or one looking at a
    window of same-named rows, asks about each row several times)."""
    figures, calls, found = _conflict_counted(table(rows), monkeypatch)
    assert figures == 2 * rows  # a value and a growth a row
    assert found == []
    assert calls == Counter(), calls


def test_a_row_restating_the_prose_is_still_compared(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same table after a sentence whose figure a row restates with a slip (1235.6 /
    1285.6): the row is compared with the prose, and that is the one flag."""
    prose = "2024年，全区地区生产总值1235.6亿元，比上年增长5.1%。\n\n"
    rows = ("表1 2024年主要指标\n\n" + HEADER + "\n\n地区生产总值 | 亿元 | 1285.6 | 5.1\n\n"
            "一般公共预算收入 | 亿元 | 98.7 | 3.2\n\n")
    _, calls, found = _conflict_counted(prose + rows, monkeypatch)
    assert [finding.kind for finding in found] == ["conflict"]
    message = found[0].made().message  # (a conflict's message is made with its flag)
    assert "1235.6亿元" in message and "1285.6" in message
    assert calls["one_statement_possible"] > 0  # the prose and the row were compared

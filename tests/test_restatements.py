"""Restatements (issue #17, point 4; validate/restatement.py): the rows of
``tests/flag_cases/restatements.yaml`` say what flags (they run with every flag case in
``test_validate.py``); here, what a table cannot say — every class of phrasing has rows both
ways, the evidence, slips planted into the sample's own restated pairs, and the comparisons
per figure on a long document (counted; the time is in benchmarks/bench_validate.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from ipextract import extract
from ipextract.blocks import split_blocks
from ipextract.models import Record
from ipextract.normalize import normalize
from ipextract.validate import CHECK_CODES, CheckSettings, restatement
from ipextract.validate.base import CheckInput
from ipextract.validate.figures import conflict

from .casefiles import case_params
from .conftest import CORPORA, count_calls

CASES = Path(__file__).resolve().parent / "flag_cases"


def _rows() -> list[dict[str, Any]]:
    return [param.values[0] for param in case_params(CASES)
            if param.id.startswith("restatements:")]


def test_every_class_of_phrasing_has_rows_both_ways() -> None:
    rows = _rows()
    assert len(rows) >= 30
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(row["group"], []).append(row)
    assert {"precision", "five-digit", "percentage", "small-count", "closer-match",
            "cut-down-label", "period"} <= set(groups)
    for group, mine in groups.items():
        assert any(row["flags"] for row in mine), group
        assert any(not row["flags"] for row in mine), group
        assert all(f["kind"] == "conflict" for row in mine for f in row["flags"]), group


def _conflicts(text: str) -> list[Any]:
    return [f for f in extract(text).flags if f.kind == "conflict"]


def test_evidence_names_both_values_the_allowed_interval_and_both_spans() -> None:
    text = "2024年，全市法院新收各类知识产权案件1.92万件。\n\n●法院新收知识产权案件19784件"
    (flag,) = _conflicts(text)
    assert flag.code == CHECK_CODES["conflict"] == "V102" and flag.severity == "error"
    assert [text[s:e] for s, e in flag.spans] == ["1.92万件", "19784件"]
    evidence = flag.evidence
    assert evidence["values"] == ["19200", "19784"]
    assert evidence["allowed"] == ["19150", "19250"]  # 1.92万 covers 19150–19250
    assert evidence["coarser"] == "1.92万件"
    assert [text[s:e] for s, e in evidence["spans"]] == evidence["surfaces"] == ["1.92万件",
                                                                                 "19784件"]
    assert evidence["name_distance"] == 2
    assert "1.92万件" in flag.message and "19784件" in flag.message


def test_the_restatement_rule_is_switched_off_with_conflict() -> None:
    text = "全年新增三家中华老字号。\n\n●新增中华老字号5家"
    assert _conflicts(text)
    settings = CheckSettings(checks={"conflict": False})
    assert not [f for f in extract(text, settings=settings).flags if f.kind == "conflict"]


# Slips planted into the sample's restated pairs: (the copy as printed, which occurrence, the
# copy with one digit changed). Every pair stays quiet as printed (test_validate.py).
SAMPLE_PLANTS = [
    ("14865件", 1, "18865件"),      # 1.49万件 in prose: two precisions, two aliases
    ("1.49万件", 1, "1.42万件"),
    ("16380次", 1, "16980次"),      # 1.64万次 in prose
    ("两单", 1, "三单"),            # 2单 in the list, its words in another order
    ("2单", 1, "4单"),
    ("55.80万件", 2, "55.30万件"),  # 商标有效注册量 / 有效商标注册量
    ("58426件", 2, "58926件"),      # 新注册商标注册 / 新注册商标
    ("6家", 2, "7家"),              # 新增6家中华老字号: a small count named after it
    ("运营中心3家", 1, "运营中心5家"),  # 国家级运营中心 / 国家级知识产权运营中心
    ("93.7%", 2, "98.7%"),          # 结案率 under a longer name in prose
]


@pytest.mark.parametrize(("surface", "occurrence", "planted"), SAMPLE_PLANTS,
                         ids=[f"{s}->{p}" for s, _, p in SAMPLE_PLANTS])
def test_a_slip_planted_in_the_samples_restated_pairs_is_a_conflict(
        surface: str, occurrence: int, planted: str) -> None:
    text = (CORPORA / "wuhan-ip-2024.txt").read_text(encoding="utf-8")
    at = -1
    for _ in range(occurrence):
        at = text.index(surface, at + 1)
    altered = text[:at] + planted + text[at + len(surface):]
    touching = [f for f in _conflicts(altered)
                if any(start < at + len(planted) and at < end for start, end in f.spans)]
    assert len(touching) == 1
    assert touching[0].severity == "error"


# three restated pairs, the last slipped under its words in another order (the same-name
# conflict check alone does not see it)
PARAGRAPH = ("全年发明专利授权量2.36万件，商标有效注册量5.58万件，发行知识产权证券化产品两单。\n\n"
             "●发明专利授权量23571件\n\n●有效商标注册量55830件\n\n●知识产权证券化产品发行3单\n\n")


def _copies(records: list[Record], text: str, times: int) -> tuple[list[Record], str]:
    """``times`` copies of a paragraph and its records, offsets and ids shifted; each copy is
    given a year of its own (cycling over two centuries), so that a copy's figures are the
    restatements of each other and not of the next copy's."""
    copied: list[Record] = []
    width = len(records)
    for copy in range(times):
        shift, year = copy * len(text), 1901 + copy % 199
        number = {r.id: f"r{copy * width + i + 1}" for i, r in enumerate(records)}
        copied.extend(r.model_copy(update={
            "id": number[r.id], "start": r.start + shift, "end": r.end + shift,
            "of": number.get(r.of) if r.of else None, "period": f"{year}年",
            "period_from": "text", "period_start": date(year, 1, 1),
            "period_end": date(year, 12, 31)}) for r in records)
    return copied, text * times


COUNTED = ("comparable", "distance", "agree", "slip")  # the comparisons a pair of figures costs


def _comparisons_per_figure(records: list[Record], text: str,
                            monkeypatch: pytest.MonkeyPatch) -> tuple[dict[str, float], int]:
    """How many times ``conflict`` called each comparison of restatement.py, per figure, and
    how many flags it raised."""
    calls = count_calls(monkeypatch, restatement, COUNTED)
    view = CheckInput(records, text, split_blocks(normalize(text).text))
    found = conflict(view, CheckSettings())
    monkeypatch.undo()
    return {name: calls[name] / len(records) for name in COUNTED}, len(found)


def test_comparisons_per_figure_do_not_grow_with_the_document(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Linear cost, counted rather than timed (speed is measured in
    benchmarks/bench_validate.py): a figure is compared with a bounded number of others, so
    ten times the figures cost ten times the comparisons. Every copy of the paragraph restates
    its figures and its year recurs every 199 copies, so a rule that compared all figures of
    a name, a unit or a year would call these more often per figure in the long document."""
    records = extract(PARAGRAPH, validate=False).records
    per_copy = len(records)
    assert per_copy == 6
    small, small_text = _copies(records, PARAGRAPH, 2_000 // per_copy)
    large, large_text = _copies(records, PARAGRAPH, 20_000 // per_copy)
    small_calls, small_flags = _comparisons_per_figure(small, small_text, monkeypatch)
    large_calls, large_flags = _comparisons_per_figure(large, large_text, monkeypatch)
    assert small_flags == len(small) // per_copy  # the one slip of every copy, nothing else
    assert large_flags == len(large) // per_copy
    assert all(small_calls[name] > 0 for name in COUNTED), small_calls  # the rule did compare
    for name in COUNTED:
        assert large_calls[name] <= small_calls[name] * 1.05, (name, small_calls, large_calls)

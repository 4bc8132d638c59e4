"""Scores over the hand-checked gold files in corpora/gold/.

A found record matches a gold record when their spans overlap and their values are equal.
Figure F1 counts matches; metric, kind and unit are scored over the matched pairs (a gold row
may name equally right alternatives in ``metric_alt``). The per-document scores are printed
(``pytest -s tests/test_gold.py``) and recorded in the README.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest

from ipextract import Record, extract

from .casefiles import GoldDocument, load_gold
from .conftest import CORPORA

THRESHOLDS = {"f1": 0.98, "metric": 0.95, "kind": 0.98, "unit": 0.98}


@dataclass
class Score:
    name: str
    gold: int
    found: int
    matched: int
    metric_ok: int
    kind_ok: int
    unit_ok: int
    misses: list[str]
    extras: list[str]
    wrong: list[str]

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def rate(self, ok: int) -> float:
        return ok / self.matched if self.matched else 1.0


def _matches(record: Record, gold: dict[str, Any]) -> bool:
    overlap = record.start < gold["end"] and gold["start"] < record.end
    return overlap and record.value == Decimal(gold["value"])


def score(document: GoldDocument) -> Score:
    records = extract(document.text, validate=False).records
    by_start = sorted(records, key=lambda r: r.start)
    used: set[str] = set()
    matched = metric_ok = kind_ok = unit_ok = 0
    misses, wrong = [], []
    for gold in document.records:
        candidates = [r for r in by_start if r.id not in used and _matches(r, gold)]
        if not candidates:
            misses.append(f"{gold['surface']}@{gold['start']} {gold['metric']}")
            continue
        record = candidates[0]
        used.add(record.id)
        matched += 1
        names = {gold["metric"], *gold.get("metric_alt", [])}
        metric_ok += record.metric in names
        kind_ok += record.kind == gold["kind"]
        unit_ok += record.unit == gold["unit"]
        if record.metric not in names or record.kind != gold["kind"] or record.unit != gold["unit"]:
            wrong.append(f"{record.surface}@{record.start}: metric {record.metric!r} vs "
                         f"{gold['metric']!r}, kind {record.kind} vs {gold['kind']}, "
                         f"unit {record.unit!r} vs {gold['unit']!r}")
    extras = [f"{r.surface}@{r.start} {r.metric}" for r in records if r.id not in used]
    return Score(document.name, len(document.records), len(records), matched, metric_ok,
                 kind_ok, unit_ok, misses, extras, wrong)


GOLD = load_gold(CORPORA)


def test_there_are_gold_documents() -> None:
    assert len(GOLD) >= 4
    assert all(len(document.records) >= 40 for document in GOLD)


@pytest.mark.parametrize("document", GOLD, ids=[d.name for d in GOLD])
def test_gold_scores(document: GoldDocument) -> None:
    result = score(document)
    print(f"\n{result.name}: gold {result.gold}, found {result.found}, P {result.precision:.3f} "
          f"R {result.recall:.3f} F1 {result.f1:.3f}, metric {result.rate(result.metric_ok):.3f}, "
          f"kind {result.rate(result.kind_ok):.3f}, unit {result.rate(result.unit_ok):.3f}")
    for line in result.misses:
        print("  missed ", line)
    for line in result.extras:
        print("  extra  ", line)
    for line in result.wrong:
        print("  wrong  ", line)
    assert result.f1 >= THRESHOLDS["f1"]
    assert result.rate(result.metric_ok) >= THRESHOLDS["metric"]
    assert result.rate(result.kind_ok) >= THRESHOLDS["kind"]
    assert result.rate(result.unit_ok) >= THRESHOLDS["unit"]


def test_no_year_ordinal_or_name_is_a_figure() -> None:
    """Across all gold documents, nothing found may be a year, an ordinal or a name."""
    bad = []
    for document in GOLD:
        for record in extract(document.text, validate=False).records:
            before = document.text[max(0, record.start - 1):record.start]
            if record.unit in ("年", "年度") and len(record.surface.rstrip("年度")) == 4:
                bad.append(record.surface)
            if before == "第" and record.kind != "rank":
                bad.append(record.surface)
            if record.surface[:1].isdigit() and before.isascii() and before.isalpha():
                bad.append(record.surface)
    assert bad == []

"""Scores over the hand-checked gold files in corpora/gold/.

A found record matches a gold record when their spans overlap and their values are equal
(the rule in ``ipextract.evaluate``, which the side-by-side benchmarks use too).
Figure F1 counts matches; metric, kind and unit are scored over the matched pairs (a gold row
may name equally right alternatives in ``metric_alt``). The per-document scores are printed
(``pytest -s tests/test_gold.py``) and recorded in the README.
"""

from __future__ import annotations

import pytest

from ipextract import extract
from ipextract.evaluate import DocumentScore, score_document

from .casefiles import GoldDocument, load_gold
from .conftest import CORPORA

THRESHOLDS = {"f1": 0.98, "metric": 0.95, "kind": 0.98, "unit": 0.98}


def score(document: GoldDocument) -> DocumentScore:
    records = extract(document.text, validate=False).records
    return score_document(document.name, records, document.records)


GOLD = load_gold(CORPORA)


def test_there_are_gold_documents() -> None:
    assert len(GOLD) >= 4
    assert all(len(document.records) >= 40 for document in GOLD)


@pytest.mark.parametrize("document", GOLD, ids=[d.name for d in GOLD])
def test_gold_scores(document: GoldDocument) -> None:
    result = score(document)
    figures = result.figures
    print(f"\n{result.name}: gold {figures.gold}, found {figures.found}, P {figures.precision:.3f} "
          f"R {figures.recall:.3f} F1 {figures.f1:.3f}, metric {result.rate(result.metric_ok):.3f}, "
          f"kind {result.rate(result.kind_ok):.3f}, unit {result.rate(result.unit_ok):.3f}")
    for line in result.misses:
        print("  missed ", line)
    for line in result.extras:
        print("  extra  ", line)
    for line in result.wrong:
        print("  wrong  ", line)
    assert figures.f1 >= THRESHOLDS["f1"]
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

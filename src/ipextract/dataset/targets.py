"""``ipextract targets --year 2025``: each target set for a year against the result a later
document reports for it (issue #16, its second point).

A work report of 2025 sets targets for 2025 (``status: target``); the report of 2026 gives the
results (``status: actual``, year 2025). For every catalogue indicator, the headline target of
each region (:func:`~ipextract.dataset.series.headline_rows`: no scope, no average over years,
a document's first) is paired with the headline result of the same region (by its GB/T 2260
code, so 广西 and 广西壮族自治区 are one), indicator, kind and unit from a later document, and
judged by the target's own rule:

* ``以上`` (at_least), a plain figure (exact) and ``超`` (over): met when the result reaches it;
* a range (``5%—5.5%``): met when the result reaches its lower end;
* ``左右`` (approx): met when the result is at most half a point below it for a rate in %
  (0.5 of ``个百分点``), 2% below it otherwise — a tolerance the reports never state; this is ours;
* ``以内``/``不超过`` (at_most) and ``不到`` (under): met when the result stays below it;
* a decline set as a target (``下降3%``, a negative value): met when the result falls at least as far.

A target with no result (no later document, or no headline row there) is ``no result``; a
result in another unit or kind is never paired.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Literal, NamedTuple

from .series import Found, headline_rows
from .store import connect

Verdict = Literal["met", "missed", "no result"]
COLUMNS = ("region", "indicator", "kind", "unit", "target", "qualifier", "result", "verdict",
           "target_source", "result_source")


class Pair(NamedTuple):
    region: str | None
    indicator: str
    target: Found
    result: Found | None
    verdict: Verdict


def judge(target: Decimal, qualifier: str, result: Decimal, unit: str) -> Verdict:
    """met or missed, by the target's own rule (see the module).

    >>> judge(Decimal(5), "approx", Decimal("4.6"), "%"), judge(Decimal(5), "at_least", Decimal("4.9"), "%")
    ('met', 'missed')
    >>> judge(Decimal("-3"), "exact", Decimal("-3.4"), "%"), judge(Decimal("5.5"), "at_most", Decimal("5.1"), "%")
    ('met', 'met')
    """
    if qualifier in ("at_most", "under"):
        return "met" if (result < target if qualifier == "under" else result <= target) else "missed"
    if target < 0:  # a fall to reach: 单位GDP能耗下降3%
        return "met" if result <= target else "missed"
    if qualifier == "approx":
        slack = Decimal("0.5") if unit in ("%", "个百分点") else abs(target) * Decimal("0.02")
        return "met" if result >= target - slack else "missed"
    return "met" if result >= target else "missed"


def target_pairs(database: str, year: int, indicators: list[str] | None = None,
                 kind: str | None = None) -> list[Pair]:
    """Every headline target of ``year`` with its result, for the indicators given (else every
    indicator that has a target that year)."""
    wanted = indicators or _indicators_with_targets(database, year)
    pairs: list[Pair] = []
    for indicator in wanted:
        targets, _ = headline_rows(database, indicator, kind, status="target", year=year)
        results, _ = headline_rows(database, indicator, kind, status="actual", year=year)
        by_key: dict[tuple[str | None, str, str], list[Found]] = {}
        for found in results:
            by_key.setdefault((found.region, found.row.kind, found.row.unit), []).append(found)
        for target in targets:
            later = [r for r in by_key.get((target.region, target.row.kind, target.row.unit), [])
                     if r.document_year is not None and target.document_year is not None
                     and r.document_year > target.document_year]
            result = later[0] if later else None
            verdict: Verdict = "no result" if result is None else judge(
                Decimal(target.row.value), target.row.qualifier, Decimal(result.row.value),
                target.row.unit)
            pairs.append(Pair(target.row.region, indicator, target, result, verdict))
    return pairs


def _indicators_with_targets(database: str, year: int) -> list[str]:
    connection = connect(database, command="targets", read_only=True)
    try:
        rows = connection.execute(
            "SELECT DISTINCT indicator FROM records WHERE status = 'target' AND figure_year = ? "
            "AND indicator IS NOT NULL ORDER BY indicator", [year]).fetchall()
    finally:
        connection.close()
    return [row[0] for row in rows]


def render_csv(pairs: list[Pair]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for pair in pairs:
        target, result = pair.target.row, pair.result.row if pair.result else None
        writer.writerow([pair.region or "", pair.indicator, target.kind, target.unit, target.surface,
                         target.qualifier, result.surface if result else "", pair.verdict,
                         target.source, result.source if result else ""])
    return buffer.getvalue()

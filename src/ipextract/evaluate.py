"""Figure scores against hand-checked gold rows: one matching rule for the gold tests, the
side-by-side benchmarks, and anyone scoring ipextract (or another tool) on files of their own.

A gold row is matched by the first unused found figure, in order of position, whose span
overlaps the row's and whose value is equal (``values=False``: the span alone).

>>> rows = [{"start": 0, "end": 6, "value": "71292"}, {"start": 10, "end": 16, "value": "19.19"}]
>>> found = [(0, 6, Decimal("71292")), (10, 16, Decimal("19.2")), (20, 22, Decimal("3"))]
>>> match(found, rows)
[0, None]
>>> score = FigureScore.of(found, rows)
>>> score.matched, round(score.precision, 3), round(score.recall, 3), round(score.f1, 3)
(1, 0.333, 0.5, 0.4)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

Span = tuple[int, int, Decimal | None]


def match(found: Sequence[Span], gold: Sequence[Mapping[str, Any]], *,
          values: bool = True) -> list[int | None]:
    """For each gold row, the index in ``found`` of the figure that matched it, or None."""
    ordered = sorted(range(len(found)), key=lambda index: found[index][0])
    used: set[int] = set()
    matches: list[int | None] = []
    for row in gold:
        wanted = Decimal(str(row["value"]))
        hit = next((i for i in ordered if i not in used and found[i][0] < row["end"]
                    and row["start"] < found[i][1] and (not values or found[i][2] == wanted)), None)
        if hit is not None:
            used.add(hit)
        matches.append(hit)
    return matches


@dataclass
class FigureScore:
    """Counts that add up over documents (micro-averaging) and the rates they give."""

    gold: int = 0
    found: int = 0
    matched: int = 0

    @classmethod
    def of(cls, found: Sequence[Span], gold: Sequence[Mapping[str, Any]], *,
           values: bool = True) -> FigureScore:
        matched = sum(hit is not None for hit in match(found, gold, values=values))
        return cls(gold=len(gold), found=len(found), matched=matched)

    def __add__(self, other: FigureScore) -> FigureScore:
        return FigureScore(self.gold + other.gold, self.found + other.found,
                           self.matched + other.matched)

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


@dataclass
class DocumentScore:
    """One document's figure score and, over its matched figures, how many got the gold
    metric (or one of its ``metric_alt``), kind and unit; with the rows behind the counts."""

    name: str
    figures: FigureScore
    metric_ok: int
    kind_ok: int
    unit_ok: int
    misses: list[str]
    extras: list[str]
    wrong: list[str]

    def rate(self, ok: int) -> float:
        return ok / self.figures.matched if self.figures.matched else 1.0


def score_document(name: str, records: Sequence[Any], gold: Sequence[Mapping[str, Any]]) -> DocumentScore:
    """Score extracted ``records`` (objects with start, end, value, metric, kind, unit and
    surface) against the gold rows of one document."""
    hits = match([(r.start, r.end, r.value) for r in records], gold)
    metric_ok = kind_ok = unit_ok = 0
    misses, wrong = [], []
    for row, hit in zip(gold, hits, strict=True):
        if hit is None:
            misses.append(f"{row['surface']}@{row['start']} {row['metric']}")
            continue
        record = records[hit]
        names = {row["metric"], *row.get("metric_alt", [])}
        metric_ok += record.metric in names
        kind_ok += record.kind == row["kind"]
        unit_ok += record.unit == row["unit"]
        if record.metric not in names or record.kind != row["kind"] or record.unit != row["unit"]:
            wrong.append(f"{record.surface}@{record.start}: metric {record.metric!r} vs "
                         f"{row['metric']!r}, kind {record.kind} vs {row['kind']}, "
                         f"unit {record.unit!r} vs {row['unit']!r}")
    used = {hit for hit in hits if hit is not None}
    extras = [f"{r.surface}@{r.start} {r.metric}" for n, r in enumerate(records) if n not in used]
    figures = FigureScore(gold=len(gold), found=len(records), matched=len(used))
    return DocumentScore(name, figures, metric_ok, kind_ok, unit_ok, misses, extras, wrong)

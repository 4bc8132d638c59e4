"""Loading the table-driven case files (tests/cases/*.yaml) and the gold files."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

CASES = Path(__file__).resolve().parent / "cases"
CHECKED_FIELDS = ("unit", "kind", "qualifier", "metric", "value_min", "value_max", "period",
                  "period_from", "period_start", "period_end", "status", "basis", "scope", "subject", "indicator")


def case_params(directory: Path = CASES) -> list[Any]:
    """Every row of the YAML case files in ``directory`` as a pytest param (strict xfails kept)."""
    params = []
    for path in sorted(directory.glob("*.yaml")):
        for row in yaml.safe_load(path.read_text(encoding="utf-8")):
            marks = [pytest.mark.xfail(strict=True, reason=row["xfail"])] if row.get("xfail") else []
            params.append(pytest.param(row, id=f"{path.stem}:{row['id']}", marks=marks))
    return params


def expected_span(text: str, expect: dict[str, Any]) -> tuple[int, int]:
    """Where an expected surface stands (the ``occurrence``-th time it appears)."""
    occurrence = int(expect.get("occurrence", 1))
    position = -1
    for _ in range(occurrence):
        position = text.index(expect["surface"], position + 1)
    return position, position + len(expect["surface"])


@dataclass(frozen=True)
class GoldDocument:
    name: str
    text: str
    records: list[dict[str, Any]]


def load_gold(corpora: Path) -> list[GoldDocument]:
    documents = []
    for gold_path in sorted((corpora / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (corpora.parent / gold["source"]).read_text(encoding="utf-8")
        documents.append(GoldDocument(gold_path.stem, text, gold["records"]))
    return documents


def same_value(expected: Any, actual: Decimal | None) -> bool:
    if expected is None or actual is None:
        return expected is None and actual is None
    return Decimal(str(expected)) == actual

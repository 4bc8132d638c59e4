"""``ipextract series METRIC``: one indicator across the documents of a dataset.

The metric is matched by its canonical key (``validate.metrics.metric_key``: aliases and endings
such as 量/总量/次数 folded), so ``专利授权`` finds 专利授权量 and 专利授权总量 alike. Rows are
ordered by region, year and source; values are the exact text.
"""

from __future__ import annotations

import csv
import io
import unicodedata

from pydantic import BaseModel, ConfigDict

from ..validate.metrics import metric_key
from .store import connect

COLUMNS = ("region", "year", "period", "metric", "kind", "value", "unit", "qualifier", "surface",
           "source", "record")
_QUERY = """
SELECT d.region, r.figure_year, r.period, r.metric, r.kind, r.value_text, r.unit, r.qualifier,
       r.surface, d.source, r.document_id || ':' || r.id
FROM records r JOIN documents d ON d.document_id = r.document_id
WHERE r.metric_key = ? AND (? IS NULL OR r.kind = ?)
ORDER BY d.region_key NULLS LAST, r.figure_year NULLS LAST, d.source, r."start"
"""


class SeriesRow(BaseModel):
    model_config = ConfigDict(frozen=True)

    region: str | None
    year: int | None
    period: str | None
    metric: str
    kind: str
    value: str  # exact decimal text
    unit: str
    qualifier: str
    surface: str
    source: str
    record: str  # <document_id>:<record id>


def series(database: str, metric: str, kind: str | None = None) -> list[SeriesRow]:
    connection = connect(database, command="series", read_only=True)
    try:
        rows = connection.execute(_QUERY, [metric_key(metric), kind, kind]).fetchall()
    finally:
        connection.close()
    return [SeriesRow(**dict(zip(COLUMNS, row, strict=True))) for row in rows]


def _cells(row: SeriesRow) -> list[str]:
    return ["" if value is None else str(value) for value in row.model_dump().values()]


def render_csv(rows: list[SeriesRow]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(_cells(row) for row in rows)
    return buffer.getvalue()


def _width(text: str) -> int:
    """Terminal columns: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def render_table(rows: list[SeriesRow]) -> str:
    """Aligned columns; the record id (a long hash) is left to the CSV form."""
    shown = COLUMNS[:-1]
    table = [list(shown)] + [_cells(row)[: len(shown)] for row in rows]
    widths = [max(_width(line[i]) for line in table) for i in range(len(shown))]
    return "".join("  ".join(cell + " " * (width - _width(cell))
                             for cell, width in zip(line, widths, strict=True)).rstrip() + "\n"
                   for line in table)

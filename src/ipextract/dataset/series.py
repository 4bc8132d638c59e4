"""``ipextract series``: one indicator across the documents of a dataset.

By name: ``series METRIC`` matches the metric by its canonical key (``validate.metrics.metric_key``:
aliases and endings such as 量/总量/次数 folded), so ``专利授权`` finds 专利授权量 and 专利授权总量
alike, and lists every row. By catalogue: ``series --indicator gdp`` takes the records whose
``indicator`` is that id and gives the headline row of each region, year and kind: rows with a
``scope`` (其中，浦东新区…) and averages over years (年均增长5%: a five-year plan's) are set
aside, and of a document's several rows for one region, year and kind the first in the text is
kept, the others set aside as repeats or as other values. What
was set aside is returned with the reason, for the command to say. ``--status``, ``--year``
(the figure's year) and ``--kind`` narrow either form. Rows are ordered by region, year and
source; values are the exact text.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict

from ..normalize import normalize
from ..validate.metrics import metric_key
from ..vocabulary import cue_pattern
from .store import connect

COLUMNS = ("region", "year", "period", "metric", "kind", "value", "unit", "qualifier", "surface",
           "source", "record")
_QUERY = """
SELECT d.region, r.figure_year, r.period, r.metric, r.kind, r.value_text, r.unit, r.qualifier,
       r.surface, d.source, r.document_id || ':' || r.id, r.scope, r.status, d.region_key,
       r.document_id, r.context, d.region_code, d.year
FROM records r JOIN documents d ON d.document_id = r.document_id
WHERE (? IS NULL OR r.metric_key = ?) AND (? IS NULL OR r.indicator = ?)
  AND (? IS NULL OR r.kind = ?) AND (? IS NULL OR r.status = ?) AND (? IS NULL OR r.figure_year = ?)
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


class SetAside(NamedTuple):
    row: SeriesRow
    reason: str


class Found(NamedTuple):
    """A row with what the choice of headline rows and the pairing of targets read."""

    row: SeriesRow
    scope: str | None
    status: str | None
    region_key: str | None
    document_id: str
    context: str
    region_code: str | None
    document_year: int | None

    @property
    def region(self) -> str | None:
        """What names the region across documents: its code, else its name's key."""
        return self.region_code or self.region_key or self.row.region


def series(database: str, metric: str | None = None, kind: str | None = None, *,
           indicator: str | None = None, status: str | None = None,
           year: int | None = None) -> list[SeriesRow]:
    """Every row of the metric (or indicator), narrowed by kind, status and year."""
    return [found.row for found in _query(database, metric, kind, indicator, status, year)]


def headline_series(database: str, indicator: str, kind: str | None = None, *,
                    status: str | None = None, year: int | None = None,
                    metric: str | None = None) -> tuple[list[SeriesRow], list[SetAside]]:
    """The headline row of each region, year and kind, and the rows set aside with why."""
    kept, aside = headline_rows(database, indicator, kind, status=status, year=year, metric=metric)
    return [found.row for found in kept], aside


def headline_rows(database: str, indicator: str, kind: str | None = None, *,
                  status: str | None = None, year: int | None = None,
                  metric: str | None = None) -> tuple[list[Found], list[SetAside]]:
    """:func:`headline_series` with each row's region code and document year."""
    kept: list[Found] = []
    aside: list[SetAside] = []
    first: dict[tuple[str | None, int | None, str, str], SeriesRow] = {}
    for found in _query(database, metric, kind, indicator, status, year):
        row = found.row
        if found.scope:
            aside.append(SetAside(row, f"scope {found.scope}: a part of the region"))
            continue
        average = _average_before(found.context, row.surface)
        if average:
            aside.append(SetAside(row, f"an average over years ({average}…), not one year's"))
            continue
        key = (found.region, row.year, row.kind, found.document_id)
        chosen = first.get(key)
        if chosen is not None:
            same = (chosen.value, chosen.unit) == (row.value, row.unit)
            aside.append(SetAside(row, f"{'repeats' if same else 'another value than'} "
                                       f"{chosen.surface} ({chosen.record.split(':')[-1]}), "
                                       "the first of its document"))
            continue
        first[key] = row
        kept.append(found)
    return kept, aside


def _average_before(context: str, surface: str) -> str | None:
    """The average word (年均, ``cues.toml`` average_words) standing just before the figure in
    its sentence (within its clause), if any: 十五五 targets are averages over five years."""
    # (the context is of the normalised text, the surface as written: 5％左右 is 5%左右 there)
    at = context.find(normalize(surface).text)
    if at < 0:
        return None
    before = context[max(0, at - 12):at]
    before = before[max(before.rfind(mark) for mark in "，,；;。") + 1:]
    found = cue_pattern("average_words").search(before)
    return found.group() if found else None


def _query(database: str, metric: str | None, kind: str | None, indicator: str | None,
           status: str | None, year: int | None) -> list[Found]:
    key = metric_key(metric) if metric else None
    connection = connect(database, command="series", read_only=True)
    try:
        rows = connection.execute(_QUERY, [key, key, indicator, indicator, kind, kind,
                                           status, status, year, year]).fetchall()
    finally:
        connection.close()
    return [Found(SeriesRow(**dict(zip(COLUMNS, row[:len(COLUMNS)], strict=True))),
                   *row[len(COLUMNS):]) for row in rows]


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

"""``ipextract table``: regions × indicators, the headline figure of each in one cell.

``table --indicators gdp,budget_revenue --year 2025 --status actual`` gives one line per
region (and year), one column per indicator, kind and unit (``gdp.amount[元]``,
``gdp.growth[%]``): amount and growth side by side, as a statistician lays out a comparison.
Each cell is the headline row of :func:`~ipextract.dataset.series.headline_series` (no scope;
of a document's several rows the first); what it set aside is returned for the command to say.
Values are the exact text; CSV, JSON Lines or Parquet, written atomically.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from ..errors import UsageError
from ..output import atomic_target, write_atomic
from .export import _json_number
from .series import SetAside, headline_series

FORMATS = ("csv", "jsonl", "parquet")


def indicator_table(database: str, indicators: Sequence[str], *, year: int | None = None,
                    status: str | None = None, kinds: Sequence[str] = ()
                    ) -> tuple[list[str], list[dict[str, str | int | None]], list[SetAside]]:
    """The column names, the lines (one per region and year) and the rows set aside."""
    columns: list[str] = []
    lines: dict[tuple[str | None, int | None], dict[str, str | int | None]] = {}
    aside: list[SetAside] = []
    for indicator in indicators:
        rows, left = headline_series(database, indicator, status=status, year=year)
        aside += left
        for row in rows:
            if kinds and row.kind not in kinds:
                continue
            column = f"{indicator}.{row.kind}[{row.unit}]"
            if column not in columns:
                columns.append(column)
            line = lines.setdefault((row.region, row.year), {"region": row.region, "year": row.year})
            if column in line:  # one region's two documents of one year: the first stays
                aside.append(SetAside(row, f"{column} already given by another document"))
                continue
            line[column] = row.value
    ordered = sorted(lines.values(), key=lambda line: (str(line["region"] or ""), line["year"] or 0))
    # each indicator's columns together, in the order asked, levels before changes
    columns.sort(key=lambda c: (indicators.index(c.split(".")[0]), _KIND_ORDER.get(
        c.split(".")[1].split("[")[0], len(_KIND_ORDER)), c))
    return ["region", "year", *columns], ordered, aside


_KIND_ORDER = {kind: n for n, kind in enumerate(
    ("amount", "count", "quantity", "growth", "change", "share", "rate", "change_pp", "multiple",
     "rank", "duration"))}


def render(columns: list[str], lines: list[dict[str, str | int | None]], format: str) -> str:
    """CSV or JSON Lines (values as JSON numbers; an empty cell is null)."""
    if format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([("" if line.get(c) is None else line.get(c)) for c in columns] for line in lines)
        return buffer.getvalue()
    if format == "jsonl":
        return "".join(json.dumps({c: _json(c, line.get(c)) for c in columns}, ensure_ascii=False) + "\n"
                       for line in lines)
    raise UsageError("table", f"no text form for {format!r} (csv or jsonl; parquet needs -o)")


def _json(column: str, value: str | int | None) -> str | int | float | None:
    """A cell as JSON: the value columns' exact text as a number, as ``export`` writes them."""
    if column in ("region", "year") or not isinstance(value, str):
        return value
    return _json_number(value)


def write(columns: list[str], lines: list[dict[str, str | int | None]], format: str, path: str) -> None:
    """The table in ``path``, atomically (Parquet through DuckDB, values as exact text)."""
    if format != "parquet":
        write_atomic(path, [render(columns, lines, format)])
        return
    import duckdb

    with atomic_target(path) as temp, duckdb.connect() as connection:
        names = ", ".join(f'"{c}" VARCHAR' for c in columns)
        connection.execute(f"CREATE TABLE t ({names})")
        if lines:
            marks = ", ".join("?" for _ in columns)
            connection.executemany(f"INSERT INTO t VALUES ({marks})",
                                   [[None if line.get(c) is None else str(line.get(c)) for c in columns]
                                    for line in lines])
        connection.execute(f"COPY t TO '{temp}' (FORMAT PARQUET)")

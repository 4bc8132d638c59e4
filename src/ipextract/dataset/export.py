"""``ipextract export``: one table of a dataset as Parquet, CSV or JSON Lines, written atomically.

Parquet keeps the typed columns (values as DOUBLE *and* exact text). CSV and JSON Lines show
each value once, from its exact text (``133800``, ``19.19``; never ``133799.99999`` or
``133800.0``); JSON Lines writes them as JSON numbers, and the JSON-text columns (``spans``,
``evidence``) as JSON.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

from ..errors import UsageError
from ..output import atomic_target, write_atomic
from .rows import JSON_COLUMNS, TABLES
from .store import connect

FORMATS = ("parquet", "csv", "jsonl")
ORDER = {"documents": "source, document_id", "records": 'document_id, "start", id',
         "flags": "document_id, id", "errors": "path", "sources": "path"}
EXACT = {"value": "value_text", "value_min": "value_min_text", "value_max": "value_max_text"}
BATCH_ROWS = 10_000


def _select(table: str, *, exact_values: bool) -> str:
    names = [name for name, _ in TABLES[table]]
    if exact_values and table == "records":
        columns = [f'"{EXACT[n]}" AS "{n}"' if n in EXACT else f'"{n}"'
                   for n in names if n not in EXACT.values()]
    else:
        columns = [f'"{n}"' for n in names]
    return f"SELECT {', '.join(columns)} FROM {table} ORDER BY {ORDER[table]}"


def _json_lines(connection, query: str) -> Iterator[str]:
    cursor = connection.execute(query)
    names = [column[0] for column in cursor.description]
    while rows := cursor.fetchmany(BATCH_ROWS):
        for row in rows:
            item = dict(zip(names, row, strict=True))
            for name in JSON_COLUMNS & item.keys():
                item[name] = json.loads(item[name])
            for name in EXACT.keys() & item.keys():
                if item[name] is not None:
                    item[name] = _json_number(item[name])
            yield json.dumps(item, ensure_ascii=False, default=_iso) + "\n"


def _iso(value: object) -> str:
    """A DATE column (period_start, period_end) as its ISO text, as in the contract's JSON."""
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _json_number(exact: str) -> int | float:
    """The exact text as a JSON number (a float prints back as its shortest form: 19.19)."""
    return float(exact) if "." in exact else int(exact)


def export(database: str, table: str, fmt: str, output: str) -> int:
    """Write ``table`` to ``output``; the number of rows written."""
    if table not in TABLES:
        raise UsageError(table, f"no such table (one of {', '.join(TABLES)})")
    connection = connect(database, command="export", read_only=True)
    try:
        query = _select(table, exact_values=fmt != "parquet")
        rows = connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        if fmt == "jsonl":
            write_atomic(output, _json_lines(connection, query))
        else:
            options = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER"
            with atomic_target(output) as temp:
                connection.execute(f"COPY ({query}) TO '{_sql_string(str(temp))}' ({options})")
        return rows
    finally:
        connection.close()


def _sql_string(text: str) -> str:
    return text.replace("'", "''")

"""The DuckDB database: schema, and transactions that hold whole documents only.

``document_id`` is the sha256 of a file's bytes. ``sources`` maps each path to the content it
held when last ingested, so re-ingesting an unchanged file is skipped before any work, and a
changed file replaces its old rows (they are deleted unless another path holds the same
bytes). Each document — its mapping, its row in ``documents``, its records and flags, and the
removal of what it replaces — is written inside one transaction, never split across two: a run
killed at any moment leaves whole documents only, and the next run goes on from there. A
transaction is committed after ``GROUP_DOCUMENTS`` documents or ``GROUP_SECONDS``, whichever
comes first, and at the end: a commit costs about 6 ms (DuckDB syncs its log), more than a
small document's rows, and the parent that writes must keep up with every worker. Only the
parent process writes (DuckDB has a single writer).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import cast

from ..errors import DatasetError
from . import require
from .rows import TABLES
from .work import WorkResult

PER_DOCUMENT = ("documents", "records", "flags")
INSERT_ORDER = ("sources", "documents", "records", "flags", "errors")
GROUP_DOCUMENTS = 64
GROUP_SECONDS = 1.0
# The writer needs neither DuckDB's thread pool (the workers need the cores) nor a buffer cache
# that grows with the database (memory must stay flat over a long batch).
WRITER_SETTINGS = ("SET threads TO 1", "SET memory_limit = '64MB'")


def _quoted(name: str) -> str:
    return f'"{name}"'


def _ddl(table: str) -> str:
    columns = ", ".join(f"{_quoted(name)} {kind}" for name, kind in TABLES[table])
    return f"CREATE TABLE IF NOT EXISTS {table} ({columns})"


def _insert_columns(table: str) -> str:
    """Many rows in one statement, one list parameter per column. Measured on the sample's
    99 records: 3 ms, against 12 ms for a multi-row VALUES and 60 ms for executemany (each
    bound parameter costs; a list is bound once)."""
    names = ", ".join(_quoted(name) for name, _ in TABLES[table])
    columns = ", ".join(f"unnest(?::{kind}[])" for _, kind in TABLES[table])
    return f"INSERT INTO {table} ({names}) SELECT {columns}"


# Rows turned into columns at a time: a yearbook's 100,000 rows at once took the ingest process
# past 1.5 GB, and an insert holds about 12 kB a row while DuckDB binds its columns (yearbook.txt's
# 84,000 records: the parent's peak 292 MB in slices of 10,000, 238 in 2,500, 226 in 1,000; a
# statement costs about a millisecond)
INSERT_SLICE = 2_000


def insert_rows(connection, table: str, rows: list[tuple]) -> None:
    for start in range(0, len(rows), INSERT_SLICE):
        piece = rows[start:start + INSERT_SLICE]
        connection.execute(_insert_columns(table), [list(column) for column in zip(*piece)])


def _missing_columns(connection) -> list[tuple[str, str, str]]:
    """The (table, column, type) of this version that a database made by an older one lacks."""
    present = set(connection.execute(
        "SELECT table_name, column_name FROM information_schema.columns").fetchall())
    tables = {table for table, _ in present}
    return [(table, name, kind) for table, columns in TABLES.items() if table in tables
            for name, kind in columns if (table, name) not in present]


def _migrate(connection) -> None:
    """Create what is missing: the tables, and the columns a newer schema added (appended,
    empty for the rows already there: re-ingesting a file fills them)."""
    for table in TABLES:
        connection.execute(_ddl(table))
    for table, name, kind in _missing_columns(connection):
        connection.execute(f"ALTER TABLE {table} ADD COLUMN {_quoted(name)} {kind}")


def connect(path: str | Path, *, command: str, read_only: bool = False):
    """Open (and, for writing, create) a dataset database; one made by an older version is
    migrated first (its tables get the columns added since)."""
    duckdb = require("duckdb", command)
    if read_only and not Path(path).exists():
        raise DatasetError(str(path), "no such database (create it with ipextract ingest)")
    try:
        connection = duckdb.connect(str(path), read_only=read_only)
        if read_only and _missing_columns(connection):
            connection.close()  # migrate once, then read as asked
            writer = duckdb.connect(str(path))
            _migrate(writer)
            writer.close()
            connection = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        raise DatasetError(str(path), f"cannot open the database ({exc})") from exc
    if not read_only:
        _migrate(connection)
    return connection


class Store:
    """The writing side of a dataset database."""

    def __init__(self, path: str | Path, *, group_documents: int = GROUP_DOCUMENTS,
                 group_seconds: float = GROUP_SECONDS) -> None:
        self.path = str(path)
        self.connection = connect(path, command="ingest")
        for setting in WRITER_SETTINGS:
            self.connection.execute(setting)
        self._group_documents = group_documents
        self._group_seconds = group_seconds
        self._open_since: float | None = None  # when the open transaction began
        self._in_group = 0
        # Rows of the open group, inserted with one statement per table when it commits (a
        # statement costs about a millisecond, whatever its size).
        self._pending: dict[str, list[tuple]] = {table: [] for table in INSERT_ORDER}
        # What the database holds, kept here so that writing a new document costs no lookups
        # (each statement costs about a millisecond; a batch writes thousands of documents).
        self._known = dict(self.connection.execute(
            "SELECT path, document_id FROM sources").fetchall())
        self._documents = {row[0] for row in self.connection.execute(
            "SELECT document_id FROM documents").fetchall()}
        self._failed = {row[0] for row in self.connection.execute(
            "SELECT path FROM errors").fetchall()}

    def unchanged(self, path: str, document_id: str) -> bool:
        """Already ingested with these bytes (a failed file is always tried again)."""
        return self._known.get(path) == document_id

    def write(self, result: WorkResult) -> str:
        """Store one file's outcome in one transaction: ``added``, ``replaced`` or ``failed``."""
        db = self.connection
        old = self._known.get(result.path)
        if self._open_since is None:
            db.begin()
            self._open_since = time.monotonic()
        try:
            if result.path in self._failed or old is not None:
                self._insert_pending()  # what the deletes below look at must be in the tables
            if result.path in self._failed:
                db.execute("DELETE FROM errors WHERE path = ?", [result.path])
            if old is not None:
                db.execute("DELETE FROM sources WHERE path = ?", [result.path])
                self._forget_if_orphan(old)
            if result.error is None:  # result.ok, written out so that the type checker narrows
                self._add(result)
            else:
                self._pending["errors"].append((result.path, result.document_id, *result.error))
        except BaseException:
            self._discard_group()
            raise
        self._in_group += 1
        if (self._in_group >= self._group_documents
                or time.monotonic() - self._open_since >= self._group_seconds):
            self.commit()
        if result.ok:
            self._known[result.path] = result.document_id
            self._documents.add(result.document_id)
            self._failed.discard(result.path)
        else:
            self._known.pop(result.path, None)
            self._failed.add(result.path)
        return "failed" if not result.ok else ("replaced" if old else "added")

    def _add(self, result: WorkResult) -> None:
        self._pending["sources"].append((result.path, result.document_id))
        if result.document_id in self._documents:  # the same bytes under another path
            return
        # Only a result without an error is added, and work.run always gives such a result its
        # document row: the row is never None here.
        self._pending["documents"].append(tuple(cast(tuple, result.document)))
        self._pending["records"].extend(result.records)
        self._pending["flags"].extend(result.flags)

    def _insert_pending(self) -> None:
        for table in INSERT_ORDER:
            insert_rows(self.connection, table, self._pending[table])
            self._pending[table].clear()

    def _forget_if_orphan(self, document_id: str) -> None:
        still_held = self.connection.execute(
            "SELECT count(*) FROM sources WHERE document_id = ?", [document_id]).fetchone()[0]
        if not still_held:
            for table in PER_DOCUMENT:
                self.connection.execute(f"DELETE FROM {table} WHERE document_id = ?", [document_id])
            self._documents.discard(document_id)

    def commit(self) -> None:
        """Commit the open group of whole documents, if any."""
        if self._open_since is not None:
            try:
                self._insert_pending()
                self.connection.commit()
            except BaseException:
                self._discard_group()
                raise
            self._open_since = None
            self._in_group = 0

    def _discard_group(self) -> None:
        """A document half written: drop the whole open group (whole documents only; the next
        run writes them again)."""
        self._open_since = None
        self._in_group = 0
        for rows in self._pending.values():
            rows.clear()
        self.connection.rollback()

    def settle(self) -> None:
        """Commit, and give the connection DuckDB's defaults back for the whole-database
        queries that follow (the cross-document joins need its threads and memory)."""
        self.commit()
        for setting in ("RESET threads", "RESET memory_limit"):
            self.connection.execute(setting)

    def counts(self) -> dict[str, int]:
        return {table: self.connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in TABLES}

    def close(self) -> None:
        self.commit()  # every document written so far is whole
        self.connection.close()

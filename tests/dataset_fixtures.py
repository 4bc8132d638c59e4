"""Generated folders and databases for the dataset tests."""

from __future__ import annotations

from pathlib import Path

from ipextract.cli import main

from .conftest import CORPORA

TABLES = ("documents", "records", "flags", "errors", "sources")


def corpora_folder(root: Path, copies: int = 1) -> Path:
    """The four corpora, plus ``copies - 1`` changed copies of each (extra trailing lines, so
    the bytes and hashes differ while the text reads the same), plus broken files: a .pdf that
    is not a PDF, an empty file and undecodable bytes."""
    folder = root / "reports"
    (folder / "nested").mkdir(parents=True)
    for source in sorted(CORPORA.glob("*.txt")):
        text = source.read_text(encoding="utf-8")
        for n in range(copies):
            target = folder / ("nested" if n % 2 else ".") / f"{source.stem}-{n}.txt"
            target.write_text(text + "\n" * n, encoding="utf-8")
    (folder / "fake.pdf").write_bytes("这不是PDF".encode())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "nested" / "undecodable.txt").write_bytes("专利授权".encode() + b"\xff\xfe\xfa" * 50)
    (folder / "notes.md").write_text("not a report extension: skipped", encoding="utf-8")
    return folder


def ingest(database: Path, *paths: Path | str, options: tuple[str, ...] = ()) -> int:
    return main(["ingest", *map(str, paths), "--db", str(database), "--quiet", *options])


def table_rows(database: Path, table: str) -> list[tuple]:
    import duckdb

    with duckdb.connect(str(database), read_only=True) as connection:
        return sorted(connection.execute(f"SELECT * FROM {table}").fetchall(), key=repr)


def counts(database: Path) -> dict[str, int]:
    return {table: len(table_rows(database, table)) for table in TABLES}


def consistent(database: Path) -> None:
    """Whole documents only: each has exactly its records and flags, every row has its document."""
    import duckdb

    with duckdb.connect(str(database), read_only=True) as db:
        def one(query: str) -> int:
            return db.execute(query).fetchone()[0]

        assert one("""SELECT count(*) FROM documents d WHERE records <> (SELECT count(*)
                      FROM records r WHERE r.document_id = d.document_id)""") == 0
        assert one("""SELECT count(*) FROM documents d WHERE flags <> (SELECT count(*) FROM flags f
                      WHERE f.document_id = d.document_id AND scope = 'document')""") == 0
        for table in ("records", "flags", "sources"):
            assert one(f"""SELECT count(*) FROM {table} t WHERE NOT EXISTS (SELECT 1
                           FROM documents d WHERE d.document_id = t.document_id)""") == 0
        assert one("SELECT count(*) - count(DISTINCT document_id) FROM documents") == 0
        assert one("SELECT count(*) - count(DISTINCT path) FROM sources") == 0

"""``ipextract ingest | export | series`` on generated folders (issue #5) and the batch limits
(issue #8)."""

from __future__ import annotations

import csv
import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ipextract.dataset import store as store_module
from ipextract.dataset.discover import discover

from .conftest import CORPORA
from .dataset_fixtures import consistent, corpora_folder, counts, ingest, table_rows

BROKEN = {"fake.pdf": "E101", "empty.txt": "E101", "undecodable.txt": "E102"}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return corpora_folder(tmp_path_factory.mktemp("dataset"), copies=2)


@pytest.fixture(scope="module")
def ingested(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    database = tmp_path_factory.mktemp("db") / "reports.duckdb"
    assert ingest(database, folder, options=("--jobs", "1")) == 2  # the broken files failed
    return database


def test_discover_walks_folders_by_extension_and_expands_globs(folder: Path) -> None:
    found = discover([str(folder), str(folder / "*.txt"), str(folder / "nested")])
    assert found == sorted(set(found))
    assert len(found) == 4 * 2 + 3 and not any(path.endswith(".md") for path in found)
    assert discover([str(folder / "nested" / "*.txt")]) == sorted(
        str(p) for p in (folder / "nested").glob("*.txt"))
    assert discover([str(folder / "missing.txt")]) == [str(folder / "missing.txt")]


def test_ingest_fills_every_table(ingested: Path) -> None:
    table = counts(ingested)
    assert table["documents"] == 8 and table["sources"] == 8
    assert table["records"] == 2 * 442
    assert table["errors"] == 3
    consistent(ingested)
    errors = {Path(path).name: code for path, _, code, _ in table_rows(ingested, "errors")}
    assert errors == BROKEN


def test_ingesting_again_adds_nothing(ingested: Path, folder: Path) -> None:
    before = {table: table_rows(ingested, table) for table in ("documents", "records", "flags")}
    assert ingest(ingested, folder, options=("--jobs", "1")) == 2
    after = {table: table_rows(ingested, table) for table in ("documents", "records", "flags")}
    assert after == before
    assert counts(ingested)["errors"] == 3


def test_rows_inserted_in_slices_are_the_rows_inserted_at_once(ingested: Path, folder: Path,
                                                              tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """A document's rows go in a few thousand at a time (DuckDB holds about 12 kB a row while
    it binds a statement): a slice smaller than every document's rows stores the same rows."""
    monkeypatch.setattr(store_module, "INSERT_SLICE", 7)
    database = tmp_path / "sliced.duckdb"
    assert ingest(database, folder, options=("--jobs", "1")) == 2
    for table in ("documents", "records", "flags", "errors"):
        assert sorted(table_rows(database, table), key=repr) == sorted(
            table_rows(ingested, table), key=repr), table


def test_values_are_exact_text_and_double(ingested: Path) -> None:
    import duckdb

    with duckdb.connect(str(ingested), read_only=True) as db:
        rows = db.execute("SELECT value, value_text FROM records WHERE surface = '13.38万件'").fetchall()
    assert rows and all(row == (133800.0, "133800") for row in rows)


def test_a_changed_file_replaces_its_rows(folder: Path, tmp_path: Path) -> None:
    work = tmp_path / "reports"
    shutil.copytree(folder, work)
    database = tmp_path / "db.duckdb"
    ingest(database, work, options=("--jobs", "1"))
    before = counts(database)
    changed = work / "hefei-news-2024-0.txt"
    changed.write_text("2024年合肥市知识产权发展状况\n\n全市专利授权量1.50万件。\n", encoding="utf-8")
    ingest(database, work, options=("--jobs", "1"))
    after = counts(database)
    assert after["documents"] == before["documents"]
    assert after["records"] == before["records"] - 79 + 1
    consistent(database)
    sources = {Path(p).name: d for p, d in table_rows(database, "sources")}
    records = [r for r in table_rows(database, "records") if r[0] == sources[changed.name]]
    assert [(r[2], r[7]) for r in records] == [("专利授权量", "15000")]


def test_same_bytes_under_two_paths_is_one_document(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        shutil.copy(CORPORA / "hefei-news-2024.txt", tmp_path / name)
    database = tmp_path / "db.duckdb"
    assert ingest(database, tmp_path / "a.txt", tmp_path / "b.txt") == 0
    assert counts(database) | {"records": 0} == {"documents": 1, "records": 0, "flags": 0,
                                                 "errors": 0, "sources": 2}
    (tmp_path / "a.txt").write_text("2024年合肥市\n\n专利授权量1.50万件。", encoding="utf-8")
    assert ingest(database, tmp_path / "a.txt", tmp_path / "b.txt") == 0
    assert counts(database)["documents"] == 2  # b.txt still holds the old bytes
    consistent(database)


def test_summary_and_exit_status_run_as_a_user_would(folder: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ipextract", "ingest", str(folder), "--db", str(tmp_path / "x.duckdb"),
         "--jobs", "2"], capture_output=True, text=True, check=False, timeout=300)
    assert result.returncode == 2 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert sorted(line.rsplit("/", 1)[1] for line in lines[:-1]) == sorted(
        f"{name}: {reason} [{code}]" for name, reason, code in (
            ("empty.txt", "empty file", "E101"), ("fake.pdf", "not a PDF (no %PDF header)", "E101"),
            ("undecodable.txt", "not valid utf-8 (undecodable byte at offset 12)", "E102")))
    assert lines[-1].startswith("ipextract: ingest: 11 files: 8 added, 0 replaced, 0 unchanged, "
                                "3 failed;")
    assert "8 documents, 884 records" in lines[-1]


def test_clean_batch_exits_zero(tmp_path: Path) -> None:
    assert ingest(tmp_path / "db.duckdb", CORPORA / "hefei-news-2024.txt") == 0


def test_size_limit_sends_large_documents_to_errors(tmp_path: Path) -> None:
    database = tmp_path / "db.duckdb"
    folder = tmp_path / "corpora"  # the four gold documents, not the first-sight ones below
    folder.mkdir()
    for source in CORPORA.glob("*.txt"):
        (folder / source.name).write_bytes(source.read_bytes())
    assert ingest(database, folder, options=("--max-bytes", "7000")) == 2
    errors = {Path(p).name: (code, reason) for p, _, code, reason in table_rows(database, "errors")}
    assert set(errors) == {"changsha-bulletin-2023.txt", "wuhan-ip-2024.txt"}
    assert {code for code, _ in errors.values()} == {"E103"}
    assert counts(database)["documents"] == 2


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_time_limit_sends_slow_documents_to_errors(tmp_path: Path, jobs: str) -> None:
    slow = tmp_path / "slow.txt"
    # several seconds of work on any machine; the limit stops it at half a second
    slow.write_text((CORPORA / "wuhan-ip-2024.txt").read_text(encoding="utf-8") * 1000, encoding="utf-8")
    shutil.copy(CORPORA / "hefei-news-2024.txt", tmp_path / "fast.txt")
    database = tmp_path / "db.duckdb"
    started = time.monotonic()
    assert ingest(database, tmp_path, options=("--time-limit", "0.5", "--jobs", jobs)) == 2
    assert time.monotonic() - started < 30
    errors = table_rows(database, "errors")
    assert [(Path(p).name, code) for p, _, code, _ in errors] == [("slow.txt", "E104")]
    assert "took longer than the limit of 0.5 s (--time-limit)" in errors[0][3]
    assert counts(database)["documents"] == 1


def test_export_formats(ingested: Path, tmp_path: Path) -> None:
    import duckdb

    from ipextract.cli import main

    for fmt in ("csv", "jsonl", "parquet"):
        assert main(["export", "--db", str(ingested), "--table", "records", "--format", fmt,
                     "-o", str(tmp_path / f"records.{fmt}"), "--quiet"]) == 0
    with open(tmp_path / "records.csv", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == 884 and "value_text" not in rows[0]
    assert {r["value"] for r in rows if r["surface"] == "13.38万件"} == {"133800"}
    lines = (tmp_path / "records.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert {r["value"] for r in records if r["surface"] in ("13.38万件", "19.19%")} == {133800, 19.19}
    assert '"value": 133800,' in next(line for line in lines if "13.38万件" in line)
    with duckdb.connect() as db:
        parquet = db.execute(f"SELECT count(*), count(value_text) FROM '{tmp_path / 'records.parquet'}'")
        assert parquet.fetchall() == [(884, 884)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["records.csv", "records.jsonl",
                                                          "records.parquet"]


def test_series_matches_aliases_across_documents(ingested: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from ipextract.cli import main

    assert main(["series", "专利授权", "--db", str(ingested), "--kind", "count", "--format", "csv"]) == 0
    rows = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    assert {r["metric"] for r in rows} == {"专利授权量", "专利授权总量"}
    assert {r["region"] for r in rows} == {"合肥", "武汉", "浙江省", "长沙市"}
    assert ("武汉", "71292", "件") in {(r["region"], r["value"], r["unit"]) for r in rows}
    assert main(["series", "专利授权总量", "--db", str(ingested)]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["region", "year", "period", "metric", "kind", "value", "unit",
                                "qualifier", "surface", "source"]
    assert len(table) > 4


def test_missing_database_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from ipextract.cli import main

    assert main(["series", "专利", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert capsys.readouterr().err.strip().endswith("no such database (create it with ipextract ingest) [E601]")


def test_a_failure_in_the_writer_leaves_whole_documents(folder: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    database = tmp_path / "db.duckdb"
    original = store_module.Store._add
    written: list[str] = []

    def crash_on_the_fourth(self: store_module.Store, result: object) -> None:
        original(self, result)  # type: ignore[arg-type]
        written.append("x")
        if len(written) == 4:
            raise RuntimeError("the writer dies halfway through a document")

    monkeypatch.setattr(store_module.Store, "_add", crash_on_the_fourth)
    assert ingest(database, folder, options=("--jobs", "1", "--commit-every", "2")) == 3
    monkeypatch.undo()
    assert counts(database)["documents"] == 2  # the group of the third and fourth rolled back
    consistent(database)
    assert ingest(database, folder, options=("--jobs", "1")) == 2
    assert counts(database)["documents"] == 8 and counts(database)["records"] == 884
    consistent(database)


def test_a_killed_ingest_leaves_a_consistent_database_and_a_rerun_finishes(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    text = (CORPORA / "hefei-news-2024.txt").read_text(encoding="utf-8")
    for n in range(120):  # long enough documents that the run is still going when killed
        (folder / f"r{n:03}.txt").write_text((text + "\n") * 10 + "\n" * n, encoding="utf-8")
    database = tmp_path / "db.duckdb"
    # The tables exist before the run to be killed (an ingest that ran to its end leaves no
    # log): from then on the log grows only when a document is committed.
    seed = tmp_path / "seed"
    seed.mkdir()
    (seed / "seed.txt").write_text(text, encoding="utf-8")
    assert ingest(database, seed) == 0
    wal = database.with_name(database.name + ".wal")
    assert not wal.exists() or wal.stat().st_size == 0
    command = [sys.executable, "-m", "ipextract", "ingest", str(folder), "--db", str(database),
               "--jobs", "1", "--no-validate", "--commit-every", "1"]
    process = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not (wal.exists() and wal.stat().st_size > 0) and time.monotonic() < deadline:
        time.sleep(0.02)  # kill right after the first commit, whatever the machine's speed
    process.send_signal(signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL  # killed mid-run, not finished
    consistent(database)
    done = counts(database)["documents"] - 1
    # (the log may have grown by a commit not yet whole when the kill lands: 0 is consistent too)
    assert 0 <= done < 120
    assert subprocess.run(command, check=False, timeout=300).returncode == 0
    assert counts(database)["documents"] == 121
    consistent(database)


def test_a_database_of_schema_1_1_is_migrated_on_open(tmp_path: Path) -> None:
    """A database made before schema 1.2 gets the new columns appended when opened, for reading
    as for writing, and a new ingest fills them."""
    import duckdb

    from ipextract.dataset.rows import TABLES

    database = tmp_path / "old.duckdb"
    added = {"documents": ("region_code", "doc_type"),
             "records": ("period_start", "period_end", "status", "basis", "scope", "subject")}
    with duckdb.connect(str(database)) as db:
        for table, columns in TABLES.items():
            kept = [c for c in columns if c[0] not in added.get(table, ())]
            db.execute(f"CREATE TABLE {table} ({', '.join(f'{n!r} {k}'.replace(chr(39), chr(34)) for n, k in kept)})")
    store_module.connect(database, command="series", read_only=True).close()
    with duckdb.connect(str(database), read_only=True) as db:
        names = {row[0] for row in db.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'records'").fetchall()}
    assert {"period_start", "period_end", "status", "basis", "scope", "subject"} <= names
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "plan.txt").write_text(
        "2026年江城市政府工作报告\n一、2025年工作回顾\n全市地区生产总值增长5.4%。\n"
        "二、2026年工作安排\n全市地区生产总值增长5%左右。\n", encoding="utf-8")
    assert ingest(database, folder, options=("--jobs", "1")) == 0
    with duckdb.connect(str(database), read_only=True) as db:
        rows = db.execute("SELECT surface, status, CAST(period_start AS VARCHAR) FROM records "
                          "ORDER BY start").fetchall()
        doc_type = db.execute("SELECT doc_type FROM documents").fetchone()
    assert rows == [("5.4%", "actual", "2025-01-01"), ("5%左右", "target", "2026-01-01")]
    assert doc_type == ("work_report",)


def test_a_five_year_average_target_is_no_years_headline_in_any_typography(tmp_path: Path) -> None:
    """A five-year plan's 年均 target before the year's own target is set aside as an average,
    whether its per cent is written 5% or 5％ (the record's context is of the normalised text,
    its surface as written)."""
    from ipextract.dataset.series import headline_series

    for percent in ("%", "％"):
        folder = tmp_path / f"reports-{ord(percent)}"
        folder.mkdir()
        (folder / "report.txt").write_text(
            "2026年某省政府工作报告\n"
            f"力争“十五五”时期地区生产总值年均增长4.5{percent}左右。\n"
            "九、2026年主要预期目标\n"
            f"今年经济社会发展的主要预期目标是：地区生产总值增长5{percent}左右。\n",
            encoding="utf-8")
        database = tmp_path / f"reports-{ord(percent)}.duckdb"
        assert ingest(database, folder, options=("--jobs", "1")) == 0
        rows, aside = headline_series(str(database), "gdp", "growth", status="target", year=2026)
        assert [row.value for row in rows] == ["5"], percent
        assert any("average" in reason for _, reason in aside), percent

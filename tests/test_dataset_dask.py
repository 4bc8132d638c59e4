"""The Dask engine on a real LocalCluster (two worker processes on loopback): the same tables as
``--jobs 1``, and the per-document time limit works there too (a cooperative deadline, since
Dask runs tasks on threads where no signal can interrupt them)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import CORPORA
from .dataset_fixtures import TABLES, consistent, corpora_folder, ingest, table_rows


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  host="127.0.0.1", dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def test_dask_gives_the_same_tables_as_one_job(scheduler: str, tmp_path: Path) -> None:
    folder = corpora_folder(tmp_path, copies=2)
    (folder / "wuhan-2023.txt").write_text("2023年武汉市知识产权发展状况\n\n全市专利授权量1.20万件。\n",
                                           encoding="utf-8")
    (folder / "wuhan-2024.txt").write_text(
        "2024年武汉市知识产权发展状况\n\n全市专利授权量1.50万件，同比增长10.0%。\n", encoding="utf-8")
    serial, dask = tmp_path / "serial.duckdb", tmp_path / "dask.duckdb"
    assert ingest(serial, folder, options=("--jobs", "1")) == 2
    assert ingest(dask, folder, options=("--engine", "dask", "--scheduler", scheduler)) == 2
    for table in TABLES:
        assert table_rows(dask, table) == table_rows(serial, table), table
    assert len(table_rows(dask, "documents")) == 10
    assert any(row[3] == "growth_mismatch" for row in table_rows(dask, "flags"))
    consistent(dask)


def test_time_limit_on_dask_workers(scheduler: str, tmp_path: Path) -> None:
    (tmp_path / "slow.txt").write_text(
        (CORPORA / "wuhan-ip-2024.txt").read_text(encoding="utf-8") * 200, encoding="utf-8")
    shutil.copy(CORPORA / "hefei-news-2024.txt", tmp_path / "fast.txt")
    database = tmp_path / "db.duckdb"
    assert ingest(database, tmp_path, options=("--engine", "dask", "--scheduler", scheduler,
                                               "--time-limit", "0.5")) == 2
    assert [(Path(p).name, code) for p, _, code, _ in table_rows(database, "errors")] == [
        ("slow.txt", "E104")]
    assert len(table_rows(database, "documents")) == 1


def test_unreachable_scheduler_is_a_one_line_error(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    status = ingest(tmp_path / "db.duckdb", CORPORA / "hefei-news-2024.txt",
                    options=("--engine", "dask", "--scheduler", "tcp://127.0.0.1:1"))
    assert status == 2
    assert capsys.readouterr().err.strip().endswith("[E602]")

"""``ipextract series --indicator``: one headline row per region, year and kind (issue #16,
its third point), from reports written for this test in the shape of work reports and
bulletins; what is set aside is said, with why."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

pytest.importorskip("duckdb")

from ipextract.cli import main

from .dataset_fixtures import ingest

REPORTS = {
    # a result in the review, the same result again later, and a sub-region's figure
    "hubei-2026.txt": ("2026年湖北省政府工作报告\n一、2025年工作回顾\n"
                            "全省一般公共预算收入增长2.6%，地区生产总值增长5.4%。\n"
                            "其中，武汉市地区生产总值增长6.2%。\n"
                            "过去一年，地区生产总值增长5.4%，经济运行稳中向好。\n"
                            "二、2026年主要目标\n地区生产总值增长5%左右。\n"),
    # another province: two different values for one year (the second is kept aside)
    "hunan-2026.txt": ("2026年湖南省政府工作报告\n一、2025年工作回顾\n"
                         "全省生产总值增长4.8%。\n全省生产总值增长5.0%，高于全国平均水平。\n"),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("reports")
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = folder / "reports.duckdb"
    assert ingest(db, folder) == 0
    return db


def _rows(capsys: pytest.CaptureFixture[str]) -> tuple[list[dict[str, str]], str]:
    captured = capsys.readouterr()
    return list(csv.DictReader(captured.out.splitlines())), captured.err


def test_one_headline_row_per_region(database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["series", "--indicator", "gdp", "--status", "actual", "--year", "2025",
                 "--kind", "growth", "--db", str(database), "--format", "csv"]) == 0
    rows, said = _rows(capsys)
    assert sorted((r["source"].rsplit("/", 1)[-1], r["value"]) for r in rows) == [
        ("hubei-2026.txt", "5.4"), ("hunan-2026.txt", "4.8")]
    # the sub-region, the repeat and the other value are set aside, each with why
    assert "6.2%" in said and "scope 武汉市" in said
    assert "repeats 5.4%" in said
    assert "another value than 4.8%" in said


def test_targets_apart_from_results(database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["series", "--indicator", "gdp", "--status", "target", "--db", str(database),
                 "--format", "csv"]) == 0
    rows, _ = _rows(capsys)
    assert [(r["value"], r["qualifier"], r["year"]) for r in rows] == [("5", "approx", "2026")]


def test_every_row_with_all(database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["series", "--indicator", "gdp", "--all", "--kind", "growth", "--db", str(database),
                 "--format", "csv"]) == 0
    rows, said = _rows(capsys)
    assert len(rows) == 6 and said == ""  # 5.4, 6.2, 5.4, 5 (2026), 4.8, 5.0


def test_a_metric_or_an_indicator_is_needed(database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["series", "--db", str(database)]) == 2
    assert "give a METRIC or --indicator ID" in capsys.readouterr().err


def test_table_puts_indicators_side_by_side(database: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """``ipextract table``: one line per region and year, amount and growth side by side."""
    assert main(["table", "--indicators", "gdp,budget_revenue", "--year", "2025", "--status",
                 "actual", "--db", str(database)]) == 0
    rows, said = _rows(capsys)
    assert list(rows[0]) == ["region", "year", "gdp.growth[%]", "budget_revenue.growth[%]"]
    by_region = {r["region"]: (r["gdp.growth[%]"], r["budget_revenue.growth[%]"]) for r in rows}
    assert by_region == {"湖北省": ("5.4", "2.6"), "湖南省": ("4.8", "")}
    assert "scope 武汉市" in said
    # Parquet and JSON Lines, written atomically to a file
    import duckdb

    out = tmp_path / "table.parquet"
    assert main(["table", "--indicators", "gdp", "--year", "2025", "--status", "actual", "--db",
                 str(database), "--format", "parquet", "-o", str(out)]) == 0
    with duckdb.connect() as connection:
        assert connection.execute(f"SELECT count(*) FROM '{out}'").fetchone() == (2,)
    assert main(["table", "--indicators", "gdp", "--year", "2025", "--status", "actual", "--db",
                 str(database), "--format", "jsonl"]) == 0
    assert '"gdp.growth[%]": 5.4' in capsys.readouterr().out
    assert main(["table", "--indicators", "gdp", "--db", str(database), "--format", "parquet"]) == 2

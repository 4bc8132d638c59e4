"""Cross-document checks on two generated yearly reports of one city."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .dataset_fixtures import consistent, ingest, table_rows

REPORT_2023 = "2023年武汉市知识产权发展状况\n\n全市专利授权量1.20万件。\n"


def _two_years(folder: Path, later: str) -> Path:
    folder.mkdir()
    (folder / "wuhan-2023.txt").write_text(REPORT_2023, encoding="utf-8")
    (folder / "wuhan-2024.txt").write_text(f"2024年武汉市知识产权发展状况\n\n{later}\n", encoding="utf-8")
    database = folder / "db.duckdb"
    assert ingest(database, folder / "wuhan-2023.txt", folder / "wuhan-2024.txt") == 0
    consistent(database)
    return database


def _dataset_flags(database: Path) -> list[dict]:
    import duckdb

    with duckdb.connect(str(database), read_only=True) as db:
        cursor = db.execute("SELECT * FROM flags WHERE scope = 'dataset' ORDER BY document_id, id")
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _document_ids(database: Path) -> dict[str, str]:
    return {Path(path).name: document for path, document in table_rows(database, "sources")}


def test_growth_that_the_two_values_contradict_is_flagged(tmp_path: Path) -> None:
    database = _two_years(tmp_path / "r", "全市专利授权量1.50万件，同比增长10.0%。")
    ids = _document_ids(database)
    flags = _dataset_flags(database)
    assert [(f["kind"], f["code"], f["severity"], f["id"]) for f in flags] == [
        ("growth_mismatch", "V401", "error", "x1")]
    flag = flags[0]
    assert flag["document_id"] == ids["wuhan-2024.txt"]
    assert flag["document_ids"] == [ids["wuhan-2023.txt"], ids["wuhan-2024.txt"]]
    assert flag["record_ids"] == [f"{ids['wuhan-2023.txt']}:r1", f"{ids['wuhan-2024.txt']}:r1",
                                  f"{ids['wuhan-2024.txt']}:r2"]
    assert "1.20万件" in flag["message"] and "1.50万件" in flag["message"] and "10.0%" in flag["message"]
    evidence = json.loads(flag["evidence"])
    assert evidence["implied_growth_low"] == pytest.approx(24.07, abs=0.01)
    assert evidence["implied_growth_high"] == pytest.approx(25.94, abs=0.01)


@pytest.mark.parametrize("later", [
    "全市专利授权量1.32万件，同比增长10.0%。",   # 10% within rounding of 1.20万 → 1.32万
    "全市专利授权量1.50万件，比2020年增长10.0%。",  # another base year: not comparable
    "全市专利授权量1.50万件。",                  # no growth stated
], ids=["consistent", "other-base-year", "no-growth"])
def test_consistent_or_incomparable_pairs_raise_nothing(tmp_path: Path, later: str) -> None:
    assert _dataset_flags(_two_years(tmp_path / "r", later)) == []


def test_a_restated_value_is_a_revision(tmp_path: Path) -> None:
    database = _two_years(tmp_path / "r", "全市专利授权量1.32万件，同比增长10.0%。"
                                          "2023年全市专利授权量1.25万件。")
    flags = _dataset_flags(database)
    assert [(f["kind"], f["code"], f["severity"]) for f in flags] == [("revision", "V402", "info")]
    assert "1.20万件" in flags[0]["message"] and "1.25万件" in flags[0]["message"]


def test_cross_flags_follow_the_data(tmp_path: Path) -> None:
    """A corrected report clears the flag on the next ingest; nothing is left behind."""
    database = _two_years(tmp_path / "r", "全市专利授权量1.50万件，同比增长10.0%。")
    assert len(_dataset_flags(database)) == 1
    later = tmp_path / "r" / "wuhan-2024.txt"
    later.write_text("2024年武汉市知识产权发展状况\n\n全市专利授权量1.50万件，同比增长25.0%。\n",
                     encoding="utf-8")
    assert ingest(database, tmp_path / "r" / "wuhan-2023.txt", later) == 0
    assert _dataset_flags(database) == []
    consistent(database)


def test_checks_across_documents_follow_disable_and_config(tmp_path: Path) -> None:
    """--disable and a config's [checks]/[severity] reach the checks across documents too."""
    folder = tmp_path / "r"
    database = _two_years(folder, "全市专利授权量1.50万件，同比增长10.0%。")
    both = (folder / "wuhan-2023.txt", folder / "wuhan-2024.txt")
    assert ingest(database, *both, options=("--disable", "growth_mismatch")) == 0
    assert _dataset_flags(database) == []  # recomputed without the check: the old flag is gone
    config = tmp_path / "checks.toml"
    config.write_text('[severity]\ngrowth_mismatch = "warning"\n', encoding="utf-8")
    assert ingest(database, *both, options=("--config", str(config))) == 0
    assert [(f["kind"], f["severity"]) for f in _dataset_flags(database)] == [
        ("growth_mismatch", "warning")]


def test_only_ingest_knows_the_checks_across_documents(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    from ipextract.cli import main

    sample = tmp_path / "a.txt"
    sample.write_text("全市专利授权量1.50万件。", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", str(sample), "--disable", "growth_mismatch"])
    assert exit_info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


@pytest.mark.parametrize(("earlier", "later"), [
    # a 2024 target of the 2024 plan is no result: the 2024 result is no revision of it
    ("2024年武汉市政府工作报告\n\n三、2024年主要目标\n力争全市专利授权量达到1.50万件。\n",
     "2025年武汉市政府工作报告\n\n一、2024年工作回顾\n全市专利授权量1.32万件。\n"),
    # a sub-region's figure is not the city's
    ("2024年武汉市知识产权发展状况\n\n其中，江汉区专利授权量0.30万件。\n",
     "2025年武汉市知识产权发展状况\n\n2024年全市专利授权量1.32万件。\n"),
], ids=["target-then-result", "sub-region"])
def test_only_results_of_the_whole_region_are_compared(tmp_path: Path, earlier: str, later: str) -> None:
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / "a.txt").write_text(earlier, encoding="utf-8")
    (folder / "b.txt").write_text(later, encoding="utf-8")
    database = folder / "db.duckdb"
    assert ingest(database, folder / "a.txt", folder / "b.txt") == 0
    assert _dataset_flags(database) == []


@pytest.mark.parametrize("later", [
    # GDP: levels at current prices, growth at comparable prices (the national accounts' way)
    "2024年武汉市国民经济和社会发展统计公报\n\n全年全市地区生产总值2.20万亿元，增长5.2%。\n",
], ids=["gdp-by-convention"])
def test_a_growth_at_comparable_prices_is_not_checked_against_levels(tmp_path: Path, later: str) -> None:
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / "a.txt").write_text("2023年武汉市国民经济和社会发展统计公报\n\n全年全市地区生产总值2.00万亿元。"
                                  "全年全市社会消费品零售总额8000亿元。\n", encoding="utf-8")
    (folder / "b.txt").write_text(later, encoding="utf-8")
    database = folder / "db.duckdb"
    assert ingest(database, folder / "a.txt", folder / "b.txt") == 0
    assert _dataset_flags(database) == []

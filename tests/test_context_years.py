"""The year patterns of records/context.py: each function reads the shape of year it was written
for (a module-level name defined twice had given two functions the other's pattern)."""

from __future__ import annotations

from ipextract.blocks import split_blocks
from ipextract.figures import find_figures
from ipextract.records.context import _with_year, averages_years, balance_at_year_end, since_base_year


def test_an_average_under_a_year_in_chinese_numerals_names_no_years() -> None:
    # (年均 under 二〇二四年: the years averaged are not that one, as under 2024年)
    assert averages_years("年均增长", "年均增长", "二〇二四年")
    assert averages_years("年均增长", "年均增长", "2024年")


def test_an_average_under_a_point_is_no_average_over_a_year() -> None:
    assert not averages_years("年均增长", "年均增长", "2024年末")


def test_a_half_year_takes_a_year_written_with_its_word_only() -> None:
    assert _with_year("上半年", "2026年") == "2026年上半年"
    assert _with_year("上半年", "2026") == "上半年"


def test_the_end_of_a_year_reads_both_shapes() -> None:
    block = split_blocks("上交税金4643.6亿元，比1985年增长2.4倍。")[0]
    growth = find_figures(block, 0)[1]
    assert since_base_year(block, growth, "1995", "growth") == "1986—1995年"
    assert since_base_year(block, growth, "1995年末", "growth") == "1986—1995年"
    assert balance_at_year_end("2025", "存款余额") == "2025年末"
    assert balance_at_year_end("2025年末", "存款余额") == "2025年末"
    assert balance_at_year_end("截至2025年", "存款余额") == "截至2025年"

"""Issue #15: names that do not tell two figures of one document apart, measured without judges
(``benchmarks/name_collisions.py``). Here, that the measure counts what it says on texts of our
own; the rates on the real texts are printed by the script, not asserted."""

from __future__ import annotations

from .conftest import load_benchmark

collisions = load_benchmark("name_collisions").collisions


def test_two_figures_named_alike_collide() -> None:
    # (the columns name places the scope stage does not read: one name for two figures)
    found = collisions("某市2025年统计公报\n表9 耐用消费品\n| 东片 | 西片\n彩色电视机 | 112 | 105\n")
    assert found == [[("112", "112"), ("105", "105")]]


def test_figures_told_apart_by_name_or_scope_do_not_collide() -> None:
    assert collisions("2025年，东区企业1200家，西区企业800家。") == []
    # (城镇 and 农村 over the columns are the cells' scopes)
    assert collisions("某市2025年统计公报\n表9 耐用消费品\n| 城 镇 | 农村\n彩色电视机 | 112 | 105\n") == []


"""A period read from the text reaches its record's dates (issue #15): a period without a year
of its own (1—11月, 上半年) is dated with the document's year, a five-year plan spans it, and a
year the text only compares with dates nothing. The periods themselves are checked in
tests/cases/periods_in_text.yaml."""

from __future__ import annotations

from datetime import date

from ipextract import extract


def _dated(text: str) -> list[tuple[str, str | None, date | None, date | None]]:
    return [(r.surface, r.period, r.period_start, r.period_end)
            for r in extract(text, validate=False).records]


def test_months_without_a_year_take_the_bulletins_year() -> None:
    text = "江城市2024年国民经济与社会发展统计公报\n\n1—11月，全市规模以上工业增加值增长5.2%。"
    assert _dated(text) == [("5.2%", "1—11月", date(2024, 1, 1), date(2024, 11, 30))]


def test_a_month_and_a_quarter_in_a_bulletin() -> None:
    text = ("江城市2024年国民经济与社会发展统计公报\n\n11月当月，全市社会消费品零售总额增长2.6%。"
            "三季度末，全市常住人口城镇化率达到68.2%。")
    assert _dated(text) == [("2.6%", "11月当月", date(2024, 11, 1), date(2024, 11, 30)),
                            ("68.2%", "三季度末", date(2024, 9, 30), date(2024, 9, 30))]


def test_a_part_of_the_year_in_a_plan_is_the_plans_year() -> None:
    text = ("某省2026年政府工作报告\n\n一、2025年工作回顾\n上半年，全省地区生产总值增长5.6%。\n"
            "二、2026年主要任务\n上半年完成重点项目投资800亿元以上。")
    assert _dated(text) == [("5.6%", "2025年上半年", date(2025, 1, 1), date(2025, 6, 30)),
                            ("800亿元以上", "2026年上半年", date(2026, 1, 1), date(2026, 6, 30))]


def test_a_five_year_plan_spans_its_years() -> None:
    text = "某省2026年政府工作报告\n\n一、2025年和“十四五”期间工作回顾\n“十四五”时期，全省地区生产总值年均增长5.6%。"
    assert _dated(text) == [("5.6%", "“十四五”时期", date(2021, 1, 1), date(2025, 12, 31))]


def test_last_years_same_period() -> None:
    text = "2024年1—11月，全市规模以上工业增加值增长6.2%，去年同期增长4.3%。"
    assert _dated(text) == [("6.2%", "2024年1—11月", date(2024, 1, 1), date(2024, 11, 30)),
                            ("4.3%", "2023年1—11月", date(2023, 1, 1), date(2023, 11, 30))]

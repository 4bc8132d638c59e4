"""period_bounds: the hand-written table of tests/period_cases/periods.yaml, properties that hold
for any text, and the checks on the period words file.

The table is not in tests/cases/: test_cases.py reads every YAML file there as text → figures.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipextract.records.period_bounds import WORDS_FILE, PeriodWordsError, period_bounds, read_period_words

from .casefiles import case_params

PERIOD_CASES = Path(__file__).resolve().parent / "period_cases"


@pytest.mark.parametrize("row", case_params(PERIOD_CASES))
def test_period_case(row: dict[str, Any]) -> None:
    assert period_bounds(row["period"], row.get("year")) == (row["start"], row["end"])


def test_the_table_is_well_formed() -> None:
    rows = [param.values[0] for param in case_params(PERIOD_CASES)]
    assert len(rows) >= 50
    assert len({row["id"] for row in rows}) == len(rows)
    for row in rows:
        assert set(row) <= {"id", "period", "year", "start", "end", "xfail"}, row["id"]
        for key in ("start", "end"):  # unquoted, YAML would read a date object
            assert row[key] is None or isinstance(row[key], str), row["id"]
    fixed = [row for row in rows if row["start"]]
    assert len(fixed) >= 40 and len(rows) - len(fixed) >= 20


# Period-like text: pieces of the forms read, in any order, so that many draws come close.
PIECES = ["2025", "2024", "1900", "二〇二四", "年", "1", "2", "11", "12", "13", "0", "29", "30", "31",
          "十", "十一", "三十一", "月", "日", "—", "-", "至", "到", "～", "截至", "以来", "止", "末", "底",
          "初", "度", "内", "全年", "上半年", "一季度", "三季度", "前三季度", "十四", "五", "时期", "当月",
          "份", "“", "”", " ", "２", "年年", "以"]
period_like = st.lists(st.sampled_from(PIECES), max_size=8).map("".join)
years = st.one_of(st.none(), st.integers(min_value=-5, max_value=12000), st.sampled_from([2024, 2025]))


def _check(text: str | None, year: int | None) -> None:
    start, end = period_bounds(text, year)
    for bound in (start, end):
        if bound is not None:
            assert date.fromisoformat(bound).isoformat() == bound
    if start is None:
        assert end is None  # never an end without a start
    elif end is not None:
        assert start <= end


@settings(max_examples=1500, deadline=None)
@given(period_like, years)
def test_period_like_text_gives_valid_ordered_dates(text: str, year: int | None) -> None:
    _check(text, year)


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.none(), st.text()), years)
def test_any_text_never_raises(text: str | None, year: int | None) -> None:
    _check(text, year)


def test_a_since_period_is_open_and_a_point_is_one_day() -> None:
    assert period_bounds("2020年以来")[1] is None
    start, end = period_bounds("截至2024年末")
    assert start == end


def test_the_shipped_words_load() -> None:
    words = read_period_words()
    assert words.parts["前三季度"] == (1, 9)
    assert (words.plans.first, words.plans.start, words.plans.length) == (6, 1981, 5)


@pytest.mark.parametrize(
    ("edit", "key"),
    [
        (lambda t: t.replace('"上半年"  = [1, 6]', '"上半年"  = [6, 1]'), "parts.上半年"),
        (lambda t: t.replace('"四季度"  = [10, 12]', '"四季度"  = [10, 13]'), "parts.四季度"),
        (lambda t: t.replace('as_of = ["截至"', 'as_of = ["", "截至"'), "as_of"),
        (lambda t: t.replace('since = ["以来"]', 'since = []'), "since"),
        (lambda t: t.replace('since = ["以来"]', 'since = ["以来", "以来"]'), "since"),
        (lambda t: t.replace("first = 6", "first = 0"), "five_year_plans.first"),
        (lambda t: t.replace("length = 5", 'length = "5"'), "five_year_plans.length"),
        (lambda t: t.replace('suffix = "五"', 'suffix = ""'), "five_year_plans.suffix"),
        (lambda t: "sinse = [\"以来\"]\n" + t, "sinse"),
        (lambda t: t + "\nends = 1985\n", "five_year_plans.ends"),
        (lambda t: t.replace("dashes = ", "# dashes = "), "dashes"),
    ],
)
def test_a_malformed_entry_names_the_file_and_key(tmp_path: Path, edit: Any, key: str) -> None:
    original = WORDS_FILE.read_text(encoding="utf-8")
    changed = edit(original)
    assert changed != original
    path = tmp_path / "periods.toml"
    path.write_text(changed, encoding="utf-8")
    with pytest.raises(ValueError, match=f"periods.toml: {key}:") as raised:
        read_period_words(path)
    assert isinstance(raised.value, PeriodWordsError)


def test_a_file_that_is_no_toml_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "periods.toml"
    path.write_text('since = ["以来"]\n' + WORDS_FILE.read_text(encoding="utf-8"), encoding="utf-8")  # twice
    with pytest.raises(PeriodWordsError, match="periods.toml"):
        read_period_words(path)

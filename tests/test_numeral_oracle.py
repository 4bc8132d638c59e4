"""Differential oracle: every Chinese numeral that cn2an (a well-kept converter, a test
dependency only) writes, in the lower-case, financial (upper-case) and 两 forms, is read back by
ipextract to the same value, inside a report sentence; and no record's value ever differs from
what an independent reading of its own surface gives."""

from __future__ import annotations

from decimal import Decimal

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipextract import extract
from ipextract.numerals import parse_number

LIMIT = 10**16 - 1  # cn2an writes up to 16 digits


def _with_liang(numeral: str) -> str:
    """二 written 两 where a reader writes it: before 千, 万, 亿 and 百 (两千, 两万, 两亿)."""
    out = []
    for index, char in enumerate(numeral):
        following = numeral[index + 1:index + 2]
        out.append("两" if char == "二" and following in ("千", "万", "亿", "百") else char)
    return "".join(out)


def _read(numeral: str) -> list[Decimal]:
    records = extract(f"全年完成投资{numeral}元，比上年有所增长。", validate=False).records
    return [r.value for r in records]


# 一元 and 零元 are words (一元化) or nothing: the grammar never reads a bare 一 with a measure word
NUMBERS = st.integers(min_value=2, max_value=LIMIT)


@settings(max_examples=300, deadline=None)
@given(NUMBERS)
def test_lower_case_numerals_read_back(number: int) -> None:
    assert _read(cn2an.an2cn(number, "low")) == [Decimal(number)]


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=10, max_value=LIMIT))  # one financial digit alone is a word (大陆)
def test_financial_numerals_read_back(number: int) -> None:
    assert _read(cn2an.an2cn(number, "up")) == [Decimal(number)]


@settings(max_examples=300, deadline=None)
@given(NUMBERS)
def test_liang_numerals_read_back(number: int) -> None:
    assert _read(_with_liang(cn2an.an2cn(number, "low"))) == [Decimal(number)]


@pytest.mark.parametrize("number", [2, 10, 11, 20, 100, 101, 110, 1000, 1001, 10000, 10010, 100000000,
                                    100000001, 10**12, 10**12 + 5, 2 * 10**15 + 3, LIMIT])
def test_edges_read_back(number: int) -> None:
    forms = (cn2an.an2cn(number, "low"), cn2an.an2cn(number, "up")) if number >= 10 else (
        cn2an.an2cn(number, "low"),)
    for numeral in forms:
        assert _read(numeral) == [Decimal(number)], numeral


def test_record_values_agree_with_their_surface() -> None:
    """Every record of Chinese numerals (method chinese) read again from its surface by cn2an."""
    text = ("全市新增企业一千二百三十家，引进人才两万三千人，投资壹拾万零叁仟元，"
            "建成公园三十五个，完成植树四百零五万株。")
    records = extract(text, validate=False).records
    assert len(records) == 5
    for record in records:
        numeral = "".join(c for c in record.surface if c in "零一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟")
        assert Decimal(cn2an.cn2an(numeral.replace("两", "二"), "normal")) == record.value
        assert parse_number(numeral) == record.value

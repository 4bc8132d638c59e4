"""Numerals to exact Decimals."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ipextract.numerals import canonical, parse_number, vague_range


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("13.38", "13.38"), ("1,553", "1553"), ("0.5", "0.5"), ("一", "1"), ("两", "2"),
        ("十", "10"), ("十二", "12"), ("二十五", "25"), ("一百零五", "105"), ("一千零八十", "1080"),
        ("三千〇六十", "3060"), ("一万三千五百", "13500"), ("一万五", "15000"), ("两千五", "2500"),
        ("一亿二千万", "120000000"), ("三万亿", "3000000000000"), ("二〇二四", "2024"),
        ("零点五", "0.5"), ("十二点三", "12.3"), ("3千万", "30000000"), ("1.2万亿", "1200000000000"),
        ("壹佰", "100"),
    ],
)
def test_parse_number(written: str, value: str) -> None:
    assert canonical(parse_number(written)) == Decimal(value)


def test_decimal_magnitudes_are_exact() -> None:
    assert canonical(parse_number("13.38") * 10000) == Decimal(133800)
    assert str(canonical(Decimal("83.31") * 100_000_000)) == "8331000000"


@pytest.mark.parametrize(
    ("written", "low", "high"),
    # the range holds every value the words allow (issue #14): 十几 may be ten or nearly twenty
    [("十几", 10, 20), ("几十", 10, 100), ("十几万", 100000, 200000), ("几百", 100, 1000),
     ("二十几", 20, 30), ("三千几", 3000, 4000)],
)
def test_vague_range(written: str, low: int, high: int) -> None:
    assert vague_range(written) == (Decimal(low), Decimal(high))

"""What a printed figure can mean: the interval of true values its printed precision allows.

``1.64万次`` is any count that rounds to 1.64万: [16350, 16450]. ``16380次`` is [16379.5, 16380.5].
``超1亿元`` and ``逾亿元`` are [1亿, ∞). Two figures agree when their intervals meet; that is the
whole tolerance rule, and it is derived from the text, not a magic constant.

>>> [str(bound.normalize()) for bound in interval("1.64万次", Decimal(16400), "exact")]
['1.635E+4', '1.645E+4']
>>> significant_digits("19.19%"), significant_digits("70%"), significant_digits("83.31亿元")
(4, 1, 4)
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import regex

from ..models import Record

INFINITY = Decimal("Infinity")
# How far 约/近/左右 may stray from the printed figure: one unit in the last printed digit of
# the figure's leading part (约4000 covers 3000–5000 is too loose; we take ±10%).
APPROX_SPREAD = Decimal("0.1")
_ARABIC = regex.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?")


def _last_digit_unit(surface: str, value: Decimal) -> Decimal | None:
    """The size of one unit in the last printed digit, in the value's unit: 1.64万 → 100."""
    match = _ARABIC.search(surface)
    if match is None:
        return None
    printed = match.group(0).replace(",", "")
    printed_value = Decimal(printed)
    if printed_value == 0:
        return None
    decimals = len(printed.split(".")[1]) if "." in printed else 0
    scale = abs(value) / printed_value  # the magnitude and unit factor the surface applied
    return scale * Decimal(1).scaleb(-decimals)


@lru_cache(maxsize=1 << 14)  # a check compares each figure with several peers
def interval(surface: str, value: Decimal, qualifier: str,
             value_min: Decimal | None = None, value_max: Decimal | None = None
             ) -> tuple[Decimal, Decimal]:
    """The values a figure can stand for, given how it was printed and qualified."""
    if qualifier == "range" and value_min is not None and value_max is not None:
        return value_min, value_max
    unit = _last_digit_unit(surface, value)
    half = unit / 2 if unit is not None else Decimal("0.5")
    if qualifier == "over" or qualifier == "at_least":
        return value - half, INFINITY
    if qualifier in ("under", "at_most"):
        return -INFINITY, value + half
    if qualifier == "approx":
        spread = abs(value) * APPROX_SPREAD
        return value - spread - half, value + spread + half
    return value - half, value + half


def precision(record: Record) -> Decimal:
    """One unit in the figure's last printed digit, in its base unit: 1.64万次 → 100, 16380次
    → 1, 19.19% → 0.01; a figure in Chinese numerals (两单) or a bare magnitude (逾亿元)
    counts in ones of its printed number, as ``interval`` does."""
    unit = _last_digit_unit(record.surface, record.value)
    return unit if unit is not None and unit > 0 else Decimal(1)


def record_interval(record: Record) -> tuple[Decimal, Decimal]:
    return interval(record.surface, record.value, record.qualifier, record.value_min,
                    record.value_max)


def agree(a: Record, b: Record) -> bool:
    """Rounding intervals are half-open: 2286.4 and 2286.5 touch but cannot both be right."""
    return intervals_meet(record_interval(a), record_interval(b))


def intervals_meet(a: tuple[Decimal, Decimal], b: tuple[Decimal, Decimal]) -> bool:
    """``agree`` on two figures' intervals (``record_interval``), for a caller that compares
    each figure with several others."""
    (low_a, high_a), (low_b, high_b) = a, b
    if low_a == high_a or low_b == high_b:
        return low_a <= high_b and low_b <= high_a
    return low_a < high_b and low_b < high_a


@lru_cache(maxsize=1 << 14)  # reports print the same surfaces (5.2%, 1亿元) again and again
def printed_digits(surface: str) -> str:
    """The digits as printed, without separators and point: 2,286.4亿元 → 22864."""
    match = _ARABIC.search(surface)
    return match.group(0).replace(",", "").replace(".", "") if match else ""


@lru_cache(maxsize=1 << 14)
def printed_number(surface: str) -> Decimal | None:
    """The number as printed, without magnitude or unit: 1,286.40亿元 → 1286.40."""
    match = _ARABIC.search(surface)
    return Decimal(match.group(0).replace(",", "")) if match else None


@lru_cache(maxsize=1 << 14)
def significant_digits(surface: str) -> int:
    """Significant digits as printed (trailing zeros of an integer do not count)."""
    match = _ARABIC.search(surface)
    if match is None:
        return 1
    digits = match.group(0).replace(",", "").replace(".", "").lstrip("0")
    if "." not in match.group(0):
        digits = digits.rstrip("0")
    return max(len(digits), 1)

"""Numerals to exact values: Arabic (with separators), Chinese, and the two mixed.

Everything is :class:`decimal.Decimal`; no float ever touches a value, so ``13.38万`` is
exactly 133800.

>>> parse_number("13.38")
Decimal('13.38')
>>> parse_number("1,553")
Decimal('1553')
>>> parse_number("一万三千五百")
Decimal('13500')
>>> parse_number("两")
Decimal('2')
>>> parse_number("3千万")
Decimal('30000000')
>>> parse_number("二〇二四")
Decimal('2024')
>>> vague_range("十几万")
(Decimal('100000'), Decimal('200000'))
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from .errors import NumeralError

CHINESE_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9,
    "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9,
}
SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS: dict[str, int] = {"万": 10_000, "亿": 100_000_000}
VAGUE = "几数"  # 十几, 几十, 数百: "some"
_MAGNITUDE_CHARS = frozenset("万亿")  # 几万, 几亿: a 几 before them leads
CHINESE_NUMERAL_CHARS = "".join(CHINESE_DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS) + "点"

ARABIC_CHARS = "0123456789.,"


def _arabic(text: str) -> Decimal:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation as exc:  # the grammar should never let this through
        raise NumeralError(text) from exc


def _chinese(text: str) -> Decimal:
    """Read a Chinese numeral such as 一万三千五百, 二〇二四, 零点五."""
    if "点" in text:
        whole, _, fraction = text.partition("点")
        digits = "".join(str(CHINESE_DIGITS[c]) for c in fraction)
        return _chinese(whole) + Decimal("0." + digits) if whole else Decimal("0." + digits)
    if text in ("零", "〇", "○"):
        return Decimal(0)
    if text and all(c in CHINESE_DIGITS for c in text):
        if len(text) == 1:
            return Decimal(CHINESE_DIGITS[text])
        if len(text) != 4 and not any(c in "〇零○" for c in text):
            raise NumeralError(text)  # 三四, 二三五: no positional number (三四 is 3 or 4)
        # positional digits: 二〇二四 → 2024
        return Decimal("".join(str(CHINESE_DIGITS[c]) for c in text))
    yi_total = 0
    wan_total = 0
    section = 0
    number = 0
    last_unit = 0
    for char in text:
        if char in CHINESE_DIGITS:
            number = CHINESE_DIGITS[char]
        elif char in SMALL_UNITS:
            unit = SMALL_UNITS[char]
            section += (number or 1) * unit
            number = 0
            last_unit = unit
        elif char == "万":
            wan_total += (section + number or 1) * 10_000
            section = number = 0
            last_unit = 10_000
        elif char == "亿":
            yi_total = (yi_total + wan_total + section + number or 1) * 100_000_000
            wan_total = section = number = 0
            last_unit = 100_000_000
        else:
            raise NumeralError(text)
    # 一万五 is 15000, 两千五 is 2500: a trailing digit counts in the unit below the last one.
    if number and last_unit >= 100 and text[-2:-1] in ("万", "亿", "千", "百"):
        number *= last_unit // 10
    return Decimal(yi_total + wan_total + section + number)


_MIXED_PART = re.compile(r"[0-9]+|[十百千万亿零]")


def parse_mixed(text: str) -> Decimal:
    """Value of a numeral that mixes Arabic digit groups with Chinese units: 3万4000, 25万6千,
    2千零30万. Read like a Chinese numeral, each digit group standing for one number; a group
    too large for the unit after it, or a lone digit after 万 or 亿 (1万2: 12000 or 10002?),
    is not a numeral.

    >>> [int(parse_mixed(t)) for t in ("3万4000", "25万6千", "2千零30万", "1亿2000万")]
    [34000, 256000, 20300000, 120000000]
    """
    parts = _MIXED_PART.findall(text)
    if "".join(parts) != text:
        raise NumeralError(text)
    yi_total = wan_total = section = 0
    number: int | None = None
    for part in parts:
        if part.isdigit():
            if number is not None:
                raise NumeralError(text)
            number = int(part)
        elif part == "零":
            continue
        elif part in SMALL_UNITS:
            unit = int(SMALL_UNITS[part])
            if number is None or number >= 10:
                raise NumeralError(text)  # 30千 is no numeral
            section += number * unit
            number = None
        else:
            amount = section + (number or 0)
            if amount == 0:
                raise NumeralError(text)
            if part == "万":
                wan_total += amount * 10_000
            else:
                yi_total = (yi_total + wan_total + amount) * 100_000_000
                wan_total = 0
            section, number = 0, None
    if number is not None:
        if len(str(number)) == 1 and parts[-2:-1] and parts[-2] in ("万", "亿"):
            raise NumeralError(text)  # 1万2: colloquially 12000, so neither reading is safe
        if parts[-2:-1] and parts[-2] in ("万", "亿") and number >= 10_000:
            raise NumeralError(text)
        section += number
    return Decimal(yi_total + wan_total + section)


@lru_cache(maxsize=1 << 12)  # pure, and reports repeat their numerals (5%, 10, 1.2万)
def parse_number(text: str) -> Decimal:
    """Value of a numeral made of Arabic digits, Chinese numerals, or Arabic + Chinese units.

    >>> canonical(parse_number("1.5万亿"))
    Decimal('1500000000000')
    """
    if not text:
        raise NumeralError(text)
    split = 0
    while split < len(text) and text[split] in ARABIC_CHARS:
        split += 1
    if split == 0:
        return _chinese(text)
    value = _arabic(text[:split])
    for char in text[split:]:
        multiplier = SMALL_UNITS.get(char) or BIG_UNITS.get(char)
        if multiplier is None:
            raise NumeralError(text)
        value *= multiplier
    return value


def vague_range(text: str) -> tuple[Decimal, Decimal]:
    """Bounds that hold every value a numeral with 几/数 allows (issue #14's convention, in
    corpora/ANNOTATION.md): a trailing 几 adds up to one more of its place (十几 → 10–20,
    二十几 → 20–30, 十几万 → 100000–200000); a leading one multiplies the unit after it
    (几十 → 10–100, 几千 → 1000–10000).

    >>> vague_range("十几"), vague_range("几十万"), vague_range("几")
    ((Decimal('10'), Decimal('20')), (Decimal('100000'), Decimal('1000000')), (Decimal('1'), Decimal('10')))
    """
    index = next(i for i, char in enumerate(text) if char in VAGUE)
    after = text[index + 1:index + 2]
    # a 几 alone (几万, 几亿: the magnitude after the numeral) is a leading one, as 数万 is:
    # 1–10 of what follows (几亿 → 1亿–10亿, never from 0)
    leading = after in SMALL_UNITS or (index == 0 and (not after or after in _MAGNITUDE_CHARS))
    if index and text[index - 1] not in SMALL_UNITS:
        raise NumeralError(text)  # 八几: a 几 after a digit with no place between
    if index and after in SMALL_UNITS and index + 2 == len(text):
        # 一百几十 = 一百 + 几十: 110–200, not 一百一十 times ten
        head = parse_number(text[:index])
        low, high = vague_range(text[index:])
        return head + low, head + high
    one = parse_number(text[:index] + "一" + text[index + 1:])
    if leading:
        return one, one * 10
    zero = parse_number(text[:index] + text[index + 1:]) if index else Decimal(0)
    place = one - zero
    return zero, zero + place * 10


# Two neighbouring digits say "about this much or the next" (二三千 2000–3000, 三五百 300–500,
# 一两百 100–200): never a positional number (三四 is not 34).
_NEIGHBOURS = re.compile("一二|一两|两三|二三|三四|三五|四五|五六|六七|七八|八九")


def neighbour_range(text: str) -> tuple[Decimal, Decimal] | None:
    """Bounds of a numeral with two neighbouring digits in it, None without such a pair.

    >>> neighbour_range("二三千"), neighbour_range("三五百"), neighbour_range("两千")
    ((Decimal('2000'), Decimal('3000')), (Decimal('300'), Decimal('500')), None)
    """
    found = _NEIGHBOURS.search(text)
    if found is None or "〇" in text or "零" in text:
        return None
    if text[found.end():found.end() + 1] in CHINESE_DIGITS or text[found.start() - 1:found.start()] in CHINESE_DIGITS:
        return None  # 二三五: a run of digits, no pair of neighbours
    head, tail = text[:found.start()], text[found.end():]
    return (parse_number(head + found.group()[0] + tail),
            parse_number(head + found.group()[1] + tail))


@lru_cache(maxsize=1 << 12)  # called for every candidate; numerals repeat
def is_chinese_numeral(text: str) -> bool:
    return bool(text) and all(c in CHINESE_NUMERAL_CHARS or c in VAGUE for c in text)


def canonical(value: Decimal) -> Decimal:
    """The same number without trailing zeros or exponent: 1500000000000.0 → 1500000000000.

    >>> canonical(Decimal("55.80")), canonical(Decimal("1E+4"))
    (Decimal('55.8'), Decimal('10000'))
    """
    if value == value.to_integral_value():
        return value.quantize(_ONE)
    return value.normalize()


_ONE = Decimal(1)  # (made once: canonical is called for every figure)

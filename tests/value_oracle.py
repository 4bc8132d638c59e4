"""An independent reader of a figure's surface: ``read(surface)`` gives the absolute values (and
range) a record of that surface may carry, by a route that shares nothing with ipextract's
parser (issue #14, "never a wrong value").

Chinese numerals are read by cn2an (两 mapped to 二, 〇 to 零), Arabic digits by
:class:`decimal.Decimal`, magnitudes (万, 亿, 千万, 万亿, 百亿亿 …) by a table of their own; the
rest of a surface is words this module names itself: qualifiers (超过, 左右 …), currency signs,
percent words (百分之七十), 成, 半, 元角分, 翻番, ranks (第3位, 前三) and ranges (3至5倍, 十几万).

A surface this reader cannot read gives ``None``: the caller counts those as skipped.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

import cn2an

# --- vocabulary (this module's own) ------------------------------------------------------------

DIGITS = "0123456789"
CHINESE_DIGITS = "零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖"
CHINESE_UNITS = "十百千万亿拾佰仟"
NUMERAL_CHARS = DIGITS + ".," + CHINESE_DIGITS + CHINESE_UNITS + "点"

MAGNITUDE = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000, "万": 10**4, "亿": 10**8}

# Units that begin with a magnitude character: the character is a prefix of the unit, no
# magnitude (3.2千瓦 = 3.2 千瓦, 10.5万千瓦 = 105000 千瓦, 0.5百分点 = 0.5 百分点).
# After a bare Chinese digit the 千 reads both ways (三千米: 3 千米 or 3000 米, the same length).
UNIT_PREFIX_WORDS = ("千瓦", "千伏", "千克", "千米", "千卡", "千升", "千焦", "千帕", "千赫", "千兆",
                     "百分点")

CURRENCY_PREFIXES = ("US$", "HK$", "NT$", "$", "¥", "€", "£", "人民币", "港币")
LEADING_QUALIFIERS = (
    "超过", "超出", "超", "逾", "将近", "接近", "近", "大约", "约为", "约合", "约", "不到", "不足",
    "不低于", "不少于", "不超过", "不高于", "不多于", "不大于", "不小于", "至少", "最多", "高达", "多达",
    "达到", "达", "突破", "仅", "上",
)
TRAILING_QUALIFIERS = (
    "及以上", "及以下", "以上", "以下", "以内", "之内", "左右", "上下", "开外", "有余",
)
SIGNS = ("-", "负")
RANGE_SEPARATORS = "至到~-—–〜"


@dataclass(frozen=True)
class Reading:
    """What a surface says: the absolute values acceptable for ``record.value`` (several when
    the surface reads two ways), whether the surface itself carries a sign, and the range."""

    values: frozenset[Decimal]
    signed: bool = False
    low: Decimal | None = None
    high: Decimal | None = None

    @property
    def is_range(self) -> bool:
        return self.low is not None


# --- normalising --------------------------------------------------------------------------------

def normalise(surface: str) -> str:
    """Full-width forms to ASCII (NFKC), every space and line break out, one hyphen."""
    text = unicodedata.normalize("NFKC", surface)
    text = "".join(char for char in text if not char.isspace())
    return text.replace("\u2212", "-").replace("\u2010", "-").replace("\u2011", "-")


def _strip_words(text: str, words: tuple[str, ...], *, at_end: bool) -> str:
    """``text`` without any of ``words`` at its start (or end), repeatedly, longest first."""
    changed = True
    while changed:
        changed = False
        for word in sorted(words, key=len, reverse=True):
            found = text.endswith(word) if at_end else text.startswith(word)
            if found and len(text) > len(word):
                text, changed = (text[:-len(word)] if at_end else text[len(word):]), True
                break
    return text


def _strip_prefixes(text: str, words: tuple[str, ...]) -> str:
    return _strip_words(text, words, at_end=False)


def _strip_suffixes(text: str, words: tuple[str, ...]) -> str:
    return _strip_words(text, words, at_end=True)


# --- numerals -----------------------------------------------------------------------------------

def _cn2an(numeral: str) -> Decimal | None:
    numeral = numeral.replace("两", "二").replace("〇", "零")
    if numeral and numeral[0] in "百千万亿佰仟":
        numeral = "一" + numeral  # a bare magnitude: 万家, 千余项, 百分之百
    try:
        return Decimal(str(cn2an.cn2an(numeral, "normal")))
    except (ValueError, KeyError, IndexError):
        pass
    # stacked magnitudes cn2an does not write: 一百亿亿, 一万万
    match = re.fullmatch(r"(.+?)([万亿]+)", numeral)
    if match:
        head = _cn2an(match.group(1))
        if head is not None:
            return head * _magnitude(match.group(2))
    return None


def _magnitude(chars: str) -> Decimal:
    """万 10^4, 亿 10^8, 千万 10^7, 万亿 10^12, 百亿亿 10^18: the product of the characters."""
    product = Decimal(1)
    for char in chars:
        product *= MAGNITUDE[char]
    return product


def numeral_value(numeral: str) -> Decimal | None:
    """The value of a numeral run: Arabic (3,380.5), Arabic with magnitudes (1.18万亿),
    Chinese (两万三千), or mixed (3万4000, 2千零30万: the Arabic parts written out for cn2an)."""
    numeral = numeral.replace(",", "")
    if re.fullmatch(r"\d+(\.\d+)?", numeral):
        return Decimal(numeral)
    match = re.fullmatch(r"(\d+(?:\.\d+)?)([十百千万亿]+)", numeral)
    if match:
        return Decimal(match.group(1)) * _magnitude(match.group(2))
    if "." in numeral:
        return None  # 3.5万4千: no numeral
    if any(char in DIGITS for char in numeral):
        written = re.sub(r"\d+", lambda m: str(cn2an.an2cn(int(m.group()), "low")), numeral)
        return _cn2an(written)
    return _cn2an(numeral)


def _split_numeral(text: str, extra: str = "") -> tuple[str, str]:
    """The leading numeral run and the rest (the unit), a magnitude character that begins a unit
    word (千瓦, 百分点) given back to the unit; ``extra`` are more characters of the run (几)."""
    end = 0
    while end < len(text) and text[end] in NUMERAL_CHARS + extra:
        end += 1
    numeral, rest = text[:end], text[end:]
    while numeral and any((numeral[-1] + rest).startswith(word) for word in UNIT_PREFIX_WORDS):
        numeral, rest = numeral[:-1], numeral[-1] + rest
    numeral = numeral.rstrip(".,点")
    return numeral, text[len(numeral):]


def _vague(numeral: str) -> tuple[Decimal, Decimal] | None:
    """几 and 数 in a numeral, as the range they bound: 几十 and 数十 10-100, 十几万 10万-20万,
    二十几 20-30, 几 0-10, 数万 1万-10万, 一百几十 110-200."""
    match = re.fullmatch(r"(.*?)([几数])(.*)", numeral)
    if not match:
        return None
    head, _, tail = match.groups()
    if not head and tail and all(char in CHINESE_UNITS for char in tail):
        unit = _magnitude(tail)
        return unit, unit * 10  # 几十, 数万
    if head and tail in ("十", "百", "千"):
        base = numeral_value(head)
        if base is None:
            return None
        unit = _magnitude(tail)
        return base + unit, base + unit * 10  # 一百几十: 110-200, 三千几百: 3100-4000
    if tail == "" or all(char in "万亿" for char in tail):
        base = numeral_value(head) if head else Decimal(0)
        if base is None:
            return None
        scale = _magnitude(tail) if tail else Decimal(1)
        return base * scale, (base + 10) * scale  # 二十几: 20-30, 十几万: 10万-20万
    return None


def _neighbours(numeral: str) -> tuple[Decimal, Decimal] | None:
    """Two digits side by side, an approximate number: 一二 1-2, 三五百 300-500, 两三万 2万-3万,
    七八十 70-80 (a numeral never writes two digits without a unit between them, 零 apart)."""
    match = re.fullmatch(r"([一二两三四五六七八九])([一二两三四五六七八九])([十百千万亿]*)", numeral)
    if not match:
        return None
    low, high = (numeral_value(digit) for digit in match.group(1, 2))
    if low is None or high is None or low >= high:
        return None
    scale = _magnitude(match.group(3))
    return low * scale, high * scale


# --- reading a surface --------------------------------------------------------------------------

def _single(text: str) -> tuple[Decimal, str, str] | None:
    """One figure without sign or qualifiers: (value, numeral run, unit)."""
    # 百分之七十 (%), 千分之三 (‰), 万分之五 (‱), 十分之一 = 10 (%)
    match = re.fullmatch(r"(百|千|万|十)分之(.+)", text)
    if match:
        value = numeral_value(match.group(2))
        if value is None:
            return None
        return (value * 10 if match.group(1) == "十" else value), text, ""
    # 三成 = 30 (%), 三成半 = 35
    match = re.fullmatch(r"(.+?)成(半?)", text)
    if match and all(char in NUMERAL_CHARS for char in match.group(1)):
        value = numeral_value(match.group(1))
        if value is None:
            return None
        return value * 10 + (5 if match.group(2) else 0), match.group(1), "成"
    # 50元6角三分 = 50.63
    match = re.fullmatch(r"([^元]+)元(?:([^角元]+)角)?(?:([^分角元]+)分)?", text)
    if match and (match.group(2) or match.group(3)):
        parts = [numeral_value(part) if part else Decimal(0) for part in match.groups()]
        if any(part is None for part in parts):
            return None
        yuan, jiao, fen = (part or Decimal(0) for part in parts)
        return yuan + jiao / 10 + fen / 100, match.group(1), "元"
    numeral, unit = _split_numeral(text)
    if not numeral or any(char in DIGITS + CHINESE_DIGITS for char in unit) or "分之" in unit:
        return None  # 三分之一, 3个1: more numerals than this reader knows
    value = numeral_value(numeral)
    if value is None:
        return None
    if unit.endswith("半") and len(unit) > 1:  # 两米半, 三年半, 3倍半
        value += Decimal("0.5")
    return value, numeral, unit


def _ranked(text: str) -> Reading | None:
    """第3位, 第三名, 第一大 → 3; 前三, 前5位 → 3 within 1-3."""
    match = re.fullmatch(r"(第|前)(.+?)(位次|位|名|大|多|强)?", text)
    if not match or not all(char in NUMERAL_CHARS for char in match.group(2)):
        return None
    value = numeral_value(match.group(2))
    if value is None:
        return None
    if match.group(1) == "前":
        return Reading(frozenset({value}), low=Decimal(1), high=value)
    return Reading(frozenset({value}))


def _range(text: str) -> Reading | None:
    """3至5倍, 10%-15%, 20万至30万元, 6万—6.5万人: the first bound without a unit or a magnitude
    takes the second's magnitude (3—5万 is 3万 to 5万)."""
    for index, char in enumerate(text):
        if char not in RANGE_SEPARATORS or index == 0:
            continue
        left, right = _single(text[:index]), _single(text[index + 1:])
        if left is None or right is None:
            continue
        low, left_numeral, left_unit = left
        high, right_numeral, _ = right
        if not left_unit and left_numeral.replace(",", "").replace(".", "").isdigit():
            tail = re.search(r"[十百千万亿]+$", right_numeral)
            if tail and re.fullmatch(r"[\d.,]+[十百千万亿]+", right_numeral):
                low *= _magnitude(tail.group())
        return Reading(frozenset({low}), low=low, high=high)
    return None


def read(surface: str) -> Reading | None:
    """The values a record of this surface may carry, or None when this reader cannot tell."""
    text = normalise(surface)
    readings = [_read(text)]
    undoubled = _undouble(text)
    if undoubled is not None:
        readings.append(_read(undoubled))
    found = [reading for reading in readings if reading is not None]
    if not found:
        return None
    first = found[0]
    values = frozenset().union(*(reading.values for reading in found))
    return Reading(values, first.signed, first.low, first.high)


def _undouble(text: str) -> str | None:
    """A stretch set in bold and printed twice by the PDF layer, every character doubled:
    771122万万件 is 712万件 (the surface may end inside the stretch, after the first 件)."""
    pairs = 0
    while 2 * pairs + 1 < len(text) and text[2 * pairs] == text[2 * pairs + 1]:
        pairs += 1
    rest = text[2 * pairs:]
    if pairs < 3 or len(rest) > 1 or any(char in NUMERAL_CHARS for char in rest):
        return None
    return text[0:2 * pairs:2] + rest


def _read(text: str) -> Reading | None:
    signed = False
    core = text
    while True:
        before = core
        core = _strip_prefixes(core, LEADING_QUALIFIERS + CURRENCY_PREFIXES)
        for sign in SIGNS:
            if core.startswith(sign) and len(core) > len(sign):
                core, signed = core[len(sign):], True
        if core == before:
            break
    core = _strip_suffixes(core, TRAILING_QUALIFIERS)
    # 翻一番 = 2, 翻两番 = 4, 翻三番 = 8
    match = re.fullmatch(r"翻了?(.+)番", core)
    if match:
        times = numeral_value(match.group(1))
        return Reading(frozenset({Decimal(2) ** int(times)})) if times is not None else None
    ranked = _ranked(core)
    if ranked is not None:
        return ranked
    if not core or core[0] not in NUMERAL_CHARS + "几数":
        return None
    core = core.replace("余", "").replace("多", "")  # 一千二百余件, 1亿多元, 万余个
    ranged = _range(core)
    if ranged is not None:
        return ranged
    if "几" in core or "数" in core:
        numeral, _ = _split_numeral(core, extra="几数")
        bounds = _vague(numeral)
    else:
        bounds = _neighbours(_split_numeral(core)[0])
    if bounds is not None:
        return Reading(frozenset({bounds[0]}), low=bounds[0], high=bounds[1])
    single = _single(core)
    if single is None:
        return None
    values = {single[0]}
    numeral, unit = single[1], single[2]
    if numeral[-1] in CHINESE_DIGITS.replace("零", "").replace("〇", "") and unit.startswith("千"):
        kilo = numeral_value(numeral + "千")  # 三千米: 3000 米 as well as 3 千米
        if kilo is not None:
            values.add(kilo)
    return Reading(frozenset(-value if signed else value for value in values), signed=signed)

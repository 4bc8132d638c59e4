"""Stage 3: blocks → candidate figures (spans first), then their exact values (resolution).

The grammar is assembled from the vocabulary files (units, magnitudes, qualifier words), so a
new unit is a line of data, not code. A match becomes a :class:`Figure` only after the filters
that tell a figure from a year, a date, an ordinal, a name or an idiom.

>>> from ipextract.blocks import split_blocks
>>> [(f.surface, str(f.value), f.unit) for f in find_figures(split_blocks("专利13.38万件，涉案逾亿元。")[0], 0)]
[('13.38万件', '133800', '件'), ('逾亿元', '100000000', '元')]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple, cast

import regex

from .blocks import BREAK_CHARACTERS, MAX_REACH, Block, heading_unit
from .errors import NumeralError
from .numerals import (
    canonical,
    is_chinese_numeral,
    neighbour_range,
    parse_mixed,
    parse_number,
    vague_range,
)
from .scanning import (
    HAN_CLASS,
    Scanner,
    alternation,
    character_class,
    consumed_characters,
    looks_past_its_match,
    may_consume,
    opening_characters,
    prefilter,
    prefiltered_scanner,
)
from .stacked import column_unknown, stacked_cells, stacked_layout
from .vocabulary import load_vocabulary
from .vocabulary.lexicon import is_word, pos_tag, words_starting
from .vocabulary.models import Kind, Magnitude, Qualifier, Unit, Vocabulary

ARABIC = r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?"
# lower-case numerals, and financial ones (壹拾万零叁仟) of two characters or more: one alone is
# a word far more often (大陆首, 队伍支持)
def chinese_numeral(qian: str = "千") -> str:
    """The pattern of a Chinese numeral; ``qian`` is what 千 may be inside it (the grammar
    keeps out a 千 that starts a unit: 五百千伏 is 500 千伏)."""
    return (rf"(?:[一二两三四五六七八九十几](?:[零〇○一二两三四五六七八九十百万亿几]|{qian})*"
            r"|[壹贰叁肆伍陆柒捌玖拾][零壹贰叁肆伍陆柒捌玖拾佰仟万亿]+"
            r"|[零〇](?=点))(?:点[零〇○一二三四五六七八九]+)?")


CHINESE = chinese_numeral()
RANGE_SEPARATORS = r"(?:——|—|–|-|~|～|至|到)"
# (the characters a filter reads one at a time, tested as sets and with the standard engine:
# a ``regex`` call costs twice as much, and there are a dozen for each candidate)
_LATIN_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_ASCII_DIGITS = frozenset("0123456789")
_CHINESE_UNIT = re.compile(r"[十百千万亿]")
_HAN_OR_DIGIT = re.compile(HAN_CLASS[:-1] + "0-9]")
_HAN = re.compile(HAN_CLASS)
YEAR_UNITS = ("年", "年度")
_LIST_NUMBER_AND_YEAR = regex.compile(r"^[0-9]{1,2}\.(?:19|20)[0-9]{2}$")
DATE_AFTER = ("月", "日", "号", "时", "点", ":", "：")
BARE_OPENERS = ("突破", "超过", "达到", "达", "上", "近", "逾", "超", "过")
UNITLESS_AFTER = ("为", "达", "是", "：", ":", "到", "至", "计", "值", "数", "指数", "达到")


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure found in a block: its span, its exact value and what the span itself says.

    Offsets: ``start``/``end`` index the source text; ``lstart``/``lend`` the block's logical
    text. ``number_start`` is where the numeral begins (after a prefix qualifier)."""

    block: int
    lstart: int
    lend: int
    start: int
    end: int
    surface: str
    value: Decimal
    value_min: Decimal | None
    value_max: Decimal | None
    unit: str
    kind: Kind | None
    qualifier: Qualifier
    method: str
    number_start: int


_set = object.__setattr__


def _figure(block: int, lstart: int, lend: int, start: int, end: int, surface: str,
            value: Decimal, value_min: Decimal | None, value_max: Decimal | None, unit: str,
            kind: Kind | None, qualifier: Qualifier, method: str, number_start: int) -> Figure:
    """``Figure(...)`` for :func:`find_figures`, which makes ten thousand figures on a year's
    reports: the frozen dataclass's own ``__init__`` takes 3× as long (5.3 µs, not 1.8)."""
    figure = object.__new__(Figure)
    _set(figure, "block", block)
    _set(figure, "lstart", lstart)
    _set(figure, "lend", lend)
    _set(figure, "start", start)
    _set(figure, "end", end)
    _set(figure, "surface", surface)
    _set(figure, "value", value)
    _set(figure, "value_min", value_min)
    _set(figure, "value_max", value_max)
    _set(figure, "unit", unit)
    _set(figure, "kind", kind)
    _set(figure, "qualifier", qualifier)
    _set(figure, "method", method)
    _set(figure, "number_start", number_start)
    return figure


if tuple(Figure.__dataclass_fields__) != _figure.__code__.co_varnames[:_figure.__code__.co_argcount]:
    raise TypeError("_figure no longer sets every field of Figure")  # (a field was added)


class Groups(NamedTuple):
    """The groups of one match of the grammar, in the grammar's order (``_grammar`` checks
    that they are its groups): made from ``match.groups()`` as a tuple, where
    ``match.groupdict()`` made a dict of its 36 names for every candidate figure (2% of the
    extraction's instructions on the real work reports)."""

    prefix: str | None
    currency: str | None
    rank: str | None
    rank_unit: str | None
    top: str | None
    top_unit: str | None
    doubling: str | None
    fraction: str | None
    pct_words: str | None
    vague: str | None
    vague_unit: str | None
    vague_infix: str | None
    vague_mag: str | None
    vague_written: str | None
    mixed: str | None
    mixed_written: str | None
    num1: str | None
    mag1: str | None
    unit1: str | None
    num2: str | None
    mag2: str | None
    unit2: str | None
    num: str | None
    mag: str | None
    infix: str | None
    mag_after: str | None
    written: str | None
    per: str | None
    per2: str | None
    round: str | None
    round_infix: str | None
    round_mag: str | None
    round_written: str | None
    bare: str | None
    bare_written: str | None
    suffix: str | None


_groups_of = tuple.__new__  # (Groups from a tuple of its fields, without a Python call)


@lru_cache(maxsize=1)
def _grammar() -> re.Pattern[str]:
    vocabulary = load_vocabulary()
    magnitudes = "|".join(
        regex.escape(m.written) + (f"(?!{alternation(not_before)})" if (
            not_before := _not_before(m, vocabulary)) else "")
        for m in sorted(vocabulary.magnitudes.values(), key=lambda m: len(m.written), reverse=True)
    )
    units = alternation(vocabulary.units)
    # the denominator of a unit per another (千克/人, 元/月, 元/人·月)
    per_units = alternation([*vocabulary.units, *PER_TIME])
    qualifiers = vocabulary.qualifiers
    prefix = alternation(qualifiers.prefix)
    infix = alternation(qualifiers.infix)
    suffix = alternation(qualifiers.suffix)
    rank_units = alternation(vocabulary.cues.rank_units)
    # a 千 that starts a unit (五百千伏, 九十亿千瓦时) is the unit's, not the numeral's
    qian = vocabulary.magnitudes.get("千")
    prefixed = _not_before(qian, vocabulary) if qian is not None else ()
    chinese = chinese_numeral(f"千(?!{alternation(prefixed)})" if prefixed else "千")
    number = f"(?:{ARABIC}|{chinese})"
    currencies = alternation(vocabulary.currency_prefixes)
    range_guard = _range_guard(f"{number}(?:{magnitudes})?(?:{units})?")
    # the figure itself, after its optional qualifier and currency: the vague figure (上万, 数十)
    # and the others (see _opening)
    vague = rf"""
        (?P<vague>{VAGUE})(?P<vague_unit>{VAGUE_UNIT})(?P<vague_infix>{infix})?
            (?P<vague_mag>{magnitudes})?(?P<vague_written>{units})?
    """
    before_vague = rf"""
        第(?P<rank>{number})(?P<rank_unit>{rank_units}|大|多)?
      | 前(?P<top>{number})(?P<top_unit>{rank_units})?
      | 翻了?(?P<doubling>[一两二三四])番
      | (?P<fraction>[十百千万])分之(?P<pct_words>{number}|百)
    """
    after_vague = rf"""
        (?P<mixed>[0-9]{{1,4}}万(?:[0-9]{{4}}|零[0-9]{{1,3}}|[0-9][千百](?:[0-9][百十])?)
                 | [0-9]千零?[0-9]{{1,3}}万 | [0-9]+亿[0-9]{{1,4}}万)(?![0-9A-Za-z.])
            (?P<mixed_written>{units})?
      | {range_guard}(?P<num1>{number})(?P<mag1>{magnitudes})?(?P<unit1>{units})?\s?{RANGE_SEPARATORS}\s?
            (?P<num2>{number})(?P<mag2>{magnitudes})?(?P<unit2>{units})
      | (?P<num>{number})(?P<mag>{magnitudes})?(?P<infix>{infix})?(?P<mag_after>{magnitudes})?
            (?:(?P<written>{units})(?:/(?P<per>{per_units})(?:·(?P<per2>{per_units}))?)?)?
      | (?P<round>[百千万])(?P<round_infix>{infix})(?P<round_mag>{magnitudes})?(?P<round_written>{units})?
      | (?P<bare>万亿|千亿|百亿|亿|千万|百万|十万|万|千)(?P<bare_written>{units})
    """
    body = f"{before_vague}|{vague}|{after_vague}"
    pattern = rf"""
    (?P<prefix>{prefix})?
    (?P<currency>{currencies})?
    (?:{body})
    (?P<suffix>{suffix})?
    """
    # A lookahead of the characters a figure can start with lets the engine skip the prose
    # between figures with one set test per character, and the standard library's engine runs
    # this pattern (no Unicode properties in it) 3× faster than ``regex``: the scan of the 24
    # real reports went from 287 ms to 22 ms.
    compiled = re.compile(prefilter(pattern, re.VERBOSE) + _opening(
        f"{before_vague}|{after_vague}", prefix, currencies) + pattern, re.VERBOSE)
    groups = sorted(compiled.groupindex, key=compiled.groupindex.__getitem__)
    if groups != list(Groups._fields) or compiled.groups != len(Groups._fields):
        raise TypeError("Groups is no longer the grammar's groups, in its order")  # (one was added)
    return compiled


# The vague figure's opening (上万, 数十): its character alone opens no other figure.
VAGUE = "[上数]"
VAGUE_UNIT = "[十百千万亿]"


def _opening(others: str, prefix: str, currencies: str) -> str:
    """A second lookahead, after the set of opening characters: a figure opens with its
    qualifier (大约, 高达), its currency (人民币, 港元), a character that opens one of the
    ``others`` (the grammar's figures but the vague one), or 上 or 数 before one of VAGUE_UNIT
    (the vague figure). Tried only where the first lookahead let the engine in: 大, 高, 人,
    上, 数 and 不 are also frequent in prose, and there every branch of the grammar was tried in
    vain (24,000 of the 71,000 places tried on the real work reports). Every match passes it,
    so the matches are the same; "" when the figures' openings cannot be said."""
    ranges = opening_characters(others, re.VERBOSE)
    if ranges is None:
        return ""
    return f"(?={character_class(ranges)}|{VAGUE}{VAGUE_UNIT}|{prefix}|{currencies})"


RANGE_HEAD_LIMIT = 64  # characters of a range's first part the range guard reads at most


def _range_guard(head: str) -> str:
    """A lookahead the range branch of the grammar must pass: a run of the characters its
    first number, magnitude, unit and space can take, then a range separator's first
    character. Every range passes it (it is read off the branch's own pattern, so it is only a
    necessary condition: no match is won or lost), and the test fails fast at the figures
    that are no range: the branch, tried at every number, matched its number, magnitude and
    unit and then backtracked through each of them looking for the separator, a quarter of
    the grammar's scan of the real reports (its callgrind count 190M → 145M over 12 of them)."""
    characters = consumed_characters(head)
    separators = opening_characters(RANGE_SEPARATORS)
    if characters is None or separators is None:
        return ""  # cannot be said: the branch is tried as it stands
    run = character_class(characters, r"\s")  # (\s? stands before the separator)
    # Bounded: tried at every number, an unbounded run read a text made of nothing but such
    # characters (万万万…, 1,1,1,…) to its end from each of them, a quadratic scan. A range's
    # first part (number, magnitude, unit, space) is far shorter than the bound.
    return f"(?={run}{{0,{RANGE_HEAD_LIMIT}}}{character_class(separators)})"


RATIO_TO_ONE = "∶1"  # the base of units.toml's ratios to one (2.04∶1, 1：1)
PER_TIME = ("月", "日")  # time units that stand alone only as a denominator (元/月); 年 is a unit


def _not_before(magnitude: Magnitude, vocabulary: Vocabulary) -> tuple[str, ...]:
    """What may not follow a magnitude for it to be one: its listed words, and the rest of
    every unit that starts with it (千伏, 千升, 万千瓦 → 千 is a prefix there, never 1000×)."""
    rests = [unit[len(magnitude.written):] for unit in vocabulary.units
             if unit.startswith(magnitude.written) and len(unit) > len(magnitude.written)]
    return tuple(dict.fromkeys([*magnitude.not_before, *rests]))


def _non_figure_parts() -> list[str]:
    cues = load_vocabulary().cues
    return [p for p in (alternation(cues.non_figure_words), *cues.non_figure_patterns) if p]


@lru_cache(maxsize=1)
def _non_figures() -> Scanner | None:
    parts = _non_figure_parts()
    pattern = "|".join(f"(?:{p})" for p in parts)
    return prefiltered_scanner(pattern) if parts else None


@lru_cache(maxsize=1)
def _digit_non_figures() -> Scanner | None:
    """The non-figure entries that can take in an Arabic digit (100周年, 30万吨级).

    Only these can cover a figure that starts with a digit, and each can match only where
    this pattern finds a match too: a block where it finds none needs no scan for its Arabic
    figures (`find_figures` 118 → 108 ms on the real reports). Which entries these
    are is read off the patterns (:func:`~ipextract.scanning.may_consume`), so it follows the
    vocabulary."""
    parts = [p for p in _non_figure_parts() if may_consume(p, "0123456789")]
    pattern = "|".join(f"(?:{p})" for p in parts)
    return prefiltered_scanner(pattern) if parts else None


def name_numbers_end(text: str, start: int = 0) -> int:
    """Where the numbers of a name that ``text`` opens with end (750千伏|输变电工程,
    750千伏和330千伏|电网工程): the end of the non-figure entries of cues.toml that cover its
    first digit, one after another, with the character an entry takes in after its number (输 of
    750千伏输); 0 when ``text`` opens with no such number. From ``start`` on, the end of those
    that open there (人口|20万以上的县; ``start`` itself when none does).

    >>> name_numbers_end("500千伏和220千伏电网工程"), name_numbers_end("750个工程")
    (12, 0)
    """
    scanner = _digit_non_figures()
    at = start
    while scanner is not None and text[at:at + 1].isdigit() and (
            found := scanner.match(text, at)) is not None:
        at = found.end()
    return at


def _in_short_quote(text: str, start: int, end: int) -> bool:
    """Inside a short quotation (“30条”, “15分钟生活圈”): the name of a programme."""
    opened = text.rfind("“", max(0, start - 12), start)
    if opened < 0 or text.rfind("”", opened, start) >= 0:
        return False
    closed = text.find("”", end, end + 12)
    return closed >= 0 and closed - opened <= 14


_SIGNS = frozenset("-−－负")  # what _minus_sign reads as a sign
# Words after which 负 before a number is its sign (同比负3.9%, 增速为负0.3%), not the end of a
# word (担负3项任务)
_SIGN_WORD_BEFORE = ("比", "为", "长", "速", "幅", "率", "值", "：", ":", "，", ",", "（", "(", " ", "|")


def _minus_sign(text: str, start: int) -> int | None:
    """Position of a minus sign written before a number (a table cell's -3.5%, 同比-2.7%,
    同比负3.9%), if any: a hyphen after a digit or a letter is a range or a code, not a sign.

    >>> _minus_sign("同比-2.7%", 3), _minus_sign("同比负3.9%", 3), _minus_sign("2020-2024", 5)
    (2, 2, None)
    """
    if start < 1:
        return None
    sign = text[start - 1]
    before = text[start - 2] if start >= 2 else ""
    if sign in "-−－":
        if not before or before in " |（(：:" or _HAN.match(before) or before in "，；、":
            return start - 1
    elif sign == "负" and (not before or before in _SIGN_WORD_BEFORE):
        return start - 1
    return None


def _year_like(numeral: str) -> bool:
    """2024, 二〇二四: a number that reads as a year."""
    if numeral.isdigit():
        return len(numeral) == 4 and 1900 <= int(numeral) <= 2100
    return len(numeral) == 4 and all(c in "〇○零一二三四五六七八九" for c in numeral)


_ONE = Decimal(1)


def _magnitude(vocabulary: Vocabulary, *written: str | None) -> Decimal:
    factor = _ONE
    for word in written:
        if word:
            factor *= vocabulary.magnitudes[word].factor
    return factor


def _value(numeral: str) -> tuple[Decimal, Decimal | None, Decimal | None]:
    if numeral[:1] in _ASCII_DIGITS:
        return parse_number(numeral), None, None  # Arabic digits: no 几, no pair of neighbours
    if "几" in numeral:
        low, high = vague_range(numeral)
        return low, low, high
    neighbours = neighbour_range(numeral)
    if neighbours is not None:
        return neighbours[0], *neighbours
    return parse_number(numeral), None, None


def _covered(starts: list[int], ends: list[int], position: int) -> bool:
    """``position`` inside one of the sorted, non-overlapping spans ``zip(starts, ends)``."""
    index = bisect_right(starts, position) - 1
    return index >= 0 and position < ends[index]


class _Rejected(Exception):
    """A match that is not a figure (a year, a date, an ordinal, a name…)."""


def _resolve(match: re.Match[str], groups: Groups, text: str, block: Block,
             vocabulary: Vocabulary) -> tuple[Decimal, Decimal | None, Decimal | None, Unit | None,
                                              str, Kind | None, str]:
    """Value, bounds, unit entry, base unit, default kind and method of one match."""
    start = match.start()
    before = text[start - 1] if start > 0 else ""
    if groups.currency and not groups.num:
        raise _Rejected  # ￥ before a rank, a range or a mixed numeral: not read, never half read
    if groups.rank:
        value, _, _ = _value(groups.rank)
        unit = groups.rank_unit
        if unit is None:
            # 居全国第9, 居中部第1。: a rank only after a ranking verb and before a break
            clause = text[max(0, start - 12):start]
            after = text[match.end():match.end() + 1]
            if not any(verb in clause for verb in vocabulary.cues.rank_verbs) or (
                after and _HAN_OR_DIGIT.match(after)
            ):
                raise _Rejected
            unit = "位"
        return value, None, None, None, unit if unit in vocabulary.cues.rank_units else "位", "rank", "rank"
    if groups.top:
        # 前三, 前10名, 前十位: ranked among the first N (1 to N); not 前三季度, 前两年
        after = text[match.end():match.end() + 1]
        if not groups.top_unit and after and _HAN_OR_DIGIT.match(after):
            raise _Rejected
        top, _, _ = _value(groups.top)
        return top, Decimal(1), top, None, groups.top_unit or "位", "rank", "rank"
    if groups.doubling:
        times = parse_number(groups.doubling)
        return Decimal(2) ** int(times), None, None, None, "倍", "multiple", "idiom"
    if groups.pct_words:
        # 百分之七十 70%, 百分之百 100%, 十分之一 10%, 千分之三 3‰, 万分之五 5‱
        numerator = Decimal(100) if groups.pct_words == "百" else _value(groups.pct_words)[0]
        denominator = cast(str, groups.fraction)  # never None: the grammar requires it
        if denominator == "十":
            return numerator * 10, None, None, None, "%", "rate", "words"
        unit = {"百": "%", "千": "‰", "万": "‱"}[denominator]
        if numerator >= {"百": 1000, "千": 1000, "万": 10000}[denominator]:
            raise _Rejected  # 百分之一千: not a part of the whole
        return numerator, None, None, None, unit, "rate", "words"
    if groups.vague:
        vague_unit = cast(str, groups.vague_unit)  # never None: the grammar's 上/数 alternative requires it
        base = parse_number(vague_unit) * _magnitude(vocabulary, groups.vague_mag)
        unit_entry = vocabulary.units.get(groups.vague_written or "")
        factor = unit_entry.factor if unit_entry else Decimal(1)
        base *= factor
        if groups.vague == "数":  # 数十 = 10..100 in the same reading as 几十
            return base, base, base * 10, unit_entry, *_unit_kind(unit_entry), "vague"
        return base, None, None, unit_entry, *_unit_kind(unit_entry), "vague"
    if groups.round:  # 百余家, 千余项, 万余人
        unit_entry = vocabulary.units.get(groups.round_written or "")
        value = parse_number(groups.round) * _magnitude(vocabulary, groups.round_mag)
        if unit_entry is not None:
            value *= unit_entry.factor
        return value, None, None, unit_entry, *_unit_kind(unit_entry), "words"
    if groups.bare:
        if not groups.prefix and not text[max(0, start - 2):start].endswith(BARE_OPENERS):
            raise _Rejected  # 逾亿元, 突破万亿元: a bare magnitude needs a word that opens it
        unit_entry = vocabulary.units[cast(str, groups.bare_written)]  # required by the bare alternative
        value = _magnitude(vocabulary, groups.bare) * unit_entry.factor
        return value, None, None, unit_entry, *_unit_kind(unit_entry), "words"
    if groups.mixed:  # 3万4000笔, 2千零30万元
        after = text[match.end():match.end() + 1]
        if (before == "第" or before.isdigit() or before in _LATIN_LETTERS or after in _LATIN_LETTERS
                or after.isdigit()):
            raise _Rejected
        unit_entry = vocabulary.units.get(groups.mixed_written or "")
        value = parse_mixed(groups.mixed) * (unit_entry.factor if unit_entry else Decimal(1))
        return value, None, None, unit_entry, *_unit_kind(unit_entry), "mixed"
    if groups.num1:
        # unit2 and num2 are required by the range alternative: never None once num1 matched
        unit2 = cast(str, groups.unit2)
        num2 = cast(str, groups.num2)
        if groups.unit1 and groups.unit1 != unit2:
            raise _Rejected
        unit_entry = vocabulary.units[unit2]
        if unit2 in YEAR_UNITS and _year_like(groups.num1) and _year_like(num2):
            raise _Rejected  # 2021—2025年 is a span of years, not a figure
        if before == "第" or before in _LATIN_LETTERS:
            raise _Rejected
        range_low, _, _ = _value(groups.num1)
        range_high, _, _ = _value(num2)
        # 3至5万元: the magnitude of the second bound covers the first when it has no unit
        borrowed = groups.mag2 if not groups.unit1 else None
        range_low *= _magnitude(vocabulary, groups.mag1 or borrowed) * unit_entry.factor
        range_high *= _magnitude(vocabulary, groups.mag2) * unit_entry.factor
        if range_low >= range_high:
            raise _Rejected
        return range_low, range_low, range_high, unit_entry, *_unit_kind(unit_entry), "range"
    # Every other alternative of the grammar returned above: this is the plain number, whose num is required
    numeral = cast(str, groups.num)
    written = groups.written
    unit_entry = vocabulary.units.get(written) if written else None
    if unit_entry is not None and groups.per:
        unit_entry = _per_unit(unit_entry, vocabulary, groups.per, groups.per2)
    end = match.end()
    after = text[end:end + 1]
    if written == "个" and after and after in "、和，," and not groups.mag and _POINTS_LIST_TAIL[
            after in "，," and _respectively_before(text, start)].match(text, end):
        # 快于全省0.3个、0.5个百分点: 个百分点 written short (with ， after 分别, as 、)
        unit_entry = vocabulary.units["个百分点"]
    if groups.currency:
        unit_entry = _currency_unit(vocabulary, groups, unit_entry, after)
    chinese = numeral[0] not in _ASCII_DIGITS and is_chinese_numeral(numeral)
    # --- filters: what looks like a number but is not a figure ---
    if chinese and _opens_a_noun(text, start, end):
        raise _Rejected  # 五倍|子, 三年|级: the numeral opens a noun the dictionary holds
    if before == "第" or before in _LATIN_LETTERS or after in _LATIN_LETTERS or (
            before == "_" and text[start - 2:start - 1] in _LATIN_LETTERS):
        raise _Rejected  # (PM_2.5, CO_2: a subscript a PDF copy writes after an underscore)
    if before and (before in "0123456789./" or (before in "-−" and _minus_sign(text, start) is None)):
        raise _Rejected
    if (before and before in "万亿" and text[start - 2:start - 1].isdigit()
            and _MIXED_TAIL.match(text, start)) or (
            groups.mag in ("万", "亿") and _MIXED_TAIL.match(text, end)):
        raise _Rejected  # a part of a mixed numeral not read whole (3.5万4千): never a part alone
    if after and after in "-/:∶：" and text[end + 1:end + 2].isdigit():
        raise _Rejected  # 027-12345678, 2024/25, 09:45: a code or a time
    if unit_entry is not None and unit_entry.base == RATIO_TO_ONE and (
            after.isdigit() or after in ".．:：∶"):
        raise _Rejected  # 9:15, 2:10: a time or a score, no ratio to one (2.04∶1)
    previous_char = text[start - 2:start - 1]
    if before and before in ":∶：" and previous_char.isascii() and previous_char.isalnum():
        raise _Rejected  # fjlib.net:6443, 09:45:30, 2：1
    if after == "级":
        raise _Rejected  # 30万吨级: a size class
    if (after in ".．、" and (not before or before in "|（( ：:")
            and _HAN.match(text[end + 1:end + 2])):
        raise _Rejected  # 1.食品烟酒, 2、衣着, 注：1.本公报: the number of a point or a row
    if written in YEAR_UNITS and _LIST_NUMBER_AND_YEAR.match(numeral):
        raise _Rejected  # 14.2025年10件民生实事: item 14, then a year
    # (the opening mark looked for before the call: there is none before most figures)
    if text.rfind("“", start - 12 if start > 12 else 0, start) >= 0 and _in_short_quote(text, start, end):
        raise _Rejected  # “3个100万”, 稳经济“30条”: a name
    if numeral[:1] == "0" and numeral[1:2].isdigit():
        raise _Rejected  # 027: a code, never a quantity
    plain_integer = len(numeral) == 4 and _year_like(numeral) and not groups.mag
    if written in YEAR_UNITS and plain_integer:
        raise _Rejected  # a year: 2024年, 二〇二四年
    if unit_entry is None and (after in DATE_AFTER or text[end:end + 2] == "个月"):
        raise _Rejected  # a date (4月26日) or a time
    if unit_entry is not None and unit_entry.chinese_numerals_only and not chinese:
        raise _Rejected
    if unit_entry is not None and unit_entry.after_magnitude_only and not (groups.mag or groups.mag_after):
        raise _Rejected  # 气温30度, 三度获评: a degree or a time, no kilowatt-hours
    if unit_entry is not None and unit_entry.not_before and text.startswith(unit_entry.not_before, end):
        raise _Rejected  # 迈上5万亿台阶: 台 opens another word, no unit (no figure rather than a wrong one)
    if written in _COMPUTING_UNITS and "算" not in text[max(0, start - _COMPUTING_REACH):start]:
        raise _Rejected  # 1080P高清: the lines of a picture; 算力达1.6万P is computing power
    if unit_entry is None and after and after in "、和至，," and not chinese:
        shared = _shared_unit(text, end, _respectively_before(text, start))
        # 分别提高15、22个百分点: the unit written once for the list
        if shared is not None and shared[1].written not in YEAR_UNITS:
            magnitude, unit_entry = shared
            value, low, high = _value(numeral)
            # 1.28万亿、8200亿元: a figure with a magnitude of its own borrows the unit only
            if groups.mag or groups.mag_after:
                magnitude = _magnitude(vocabulary, groups.mag, groups.mag_after)
            factor = magnitude * unit_entry.factor
            return value * factor, None, None, unit_entry, *_unit_kind(unit_entry), "list"
    open_unit = None
    if unit_entry is None and not chinese and block.kind != "table_row" and not groups.suffix:
        unit_entry = open_unit = open_measure_word(text, end)
    if unit_entry is None:
        if chinese:
            raise _Rejected  # a bare Chinese numeral is a word (一是, 十四五)
        if plain_integer and not groups.mag:
            raise _Rejected  # a bare four-digit number is a year or a name (剑网2024)
        has_cue = bool(groups.prefix or groups.mag or groups.infix)
        left = text[max(0, start - 2):start].strip()
        if not has_cue and block.kind != "table_row" and not left.endswith(UNITLESS_AFTER):
            raise _Rejected
    value, low, high = _value(numeral)
    factor = (_magnitude(vocabulary, groups.mag, groups.mag_after)
              if groups.mag or groups.mag_after else _ONE)
    if unit_entry is not None:
        factor *= unit_entry.factor
    value *= factor
    if low is not None and high is not None:
        low *= factor
        high *= factor
    if block.kind == "table_row":
        column_unit, row_unit = _table_units(block, start)
    else:
        column_unit = row_unit = None
    if unit_entry is None and (column_unit or row_unit or block.unit_note):
        # the most specific announcement: the column's heading (增长（%）), the row's unit cell
        # (猪年末存栏 | 万头 | 126.06), the table's 单位：亿元 note
        announced = _announced_unit(vocabulary, column_unit or row_unit or block.unit_note or "")
        if announced is not None:
            note_factor, note = announced
            return value * note_factor, None, None, note, *_unit_kind(note), "table"
    method = "chinese" if chinese else ("mixed" if _CHINESE_UNIT.search(numeral) else "arabic")
    if open_unit is not None:
        method = "open"
    if unit_entry is None:
        return value, low, high, None, "", None, method
    return value, low, high, unit_entry, unit_entry.base, unit_entry.kind, method


# P and PF (PFLOPS, as the work reports write computing power) are read only after a word of
# computing (算力, 智算, 超算) this near before the number: 1080P, 4000P… are no power elsewhere
_COMPUTING_UNITS = frozenset({"P", "PF"})
_COMPUTING_REACH = 24


def open_measure_word(text: str, end: int) -> Unit | None:
    """A measure word no unit list holds, after an Arabic number: the word jieba tags as a
    quantifier (q) right after it, read as a count: 电视剧3490集 (集 is in no unit list).

    >>> open_measure_word("电视剧3490集。", 7).written
    '集'
    """
    window = text[end:end + 3]
    if not window or not _HAN.match(window[0]):
        return None
    # the word the segmenter would take first, read off its dictionary (a cut costs 200 µs):
    # a two-character quantifier, else one character that no longer word starts with
    if pos_tag(window[:2]) == "q":
        word = window[:2]
    elif pos_tag(window[:1]) == "q" and not is_word(window[:2]) and not is_word(window[:3]):
        word = window[:1]
    else:
        return None
    if word in load_vocabulary().cues.not_measure_words:
        return None
    return Unit(written=word, base=word, kind="count")


def _per_unit(unit: Unit, vocabulary: Vocabulary, per: str, per2: str | None) -> Unit:
    """千克/人, 元/吨, 万元/人, 元/人·月: a unit per another, of the first one's kind, its
    denominator as written (元/万人 is per ten thousand people, not per person)."""
    for written in (per, per2):
        entry = vocabulary.units.get(written or "")
        if entry is not None and entry.kind in ("rate", "growth", "share", "change_pp"):
            raise _Rejected  # 5元/% is no unit
    denominator = per + (f"·{per2}" if per2 else "")
    return Unit(written=f"{unit.written}/{denominator}", base=f"{unit.base}/{denominator}",
                kind=unit.kind, factor=unit.factor)


def _currency_unit(vocabulary: Vocabulary, groups: Groups, written: Unit | None,
                   after: str) -> Unit:
    """The money unit of a figure written after a currency prefix (￥3.5万, US$12亿,
    港币2000万元 → 港元). A unit after the number must be money and may not name another
    currency; a bare number must end where a figure ends ($1表示 is a script's argument)."""
    currency = vocabulary.units[vocabulary.currency_prefixes[cast(str, groups.currency)]]
    if written is None:
        if after and (after.isascii() and after.isalnum() or _HAN.match(after)):
            raise _Rejected
        return currency
    if written.kind != "amount" or written.base not in ("元", currency.base):
        raise _Rejected  # ￥3家, US$5欧元: not one amount
    return currency.model_copy(update={"factor": written.factor}) if written.base != currency.base else written


# the rest of a list of numbers that writes its unit once (15、22个百分点): separators and numbers
# here; the magnitude and unit after them are looked up as words (a pattern of every unit would
# take longer to compile than all the lists of a year's reports take to read)
_LIST_TAIL = {True: re.compile(rf"(?:[、和，,](?:{ARABIC}))+"), False: re.compile(rf"(?:[、和](?:{ARABIC}))+")}


def _prefixes(text: str, at: int, words: Mapping[str, object]) -> list[str]:
    """The ``words`` that ``text`` holds at ``at``, longest first.

    >>> _prefixes("万亿元", 0, {"万": 1, "亿": 2, "万亿": 3})
    ['万亿', '万']
    """
    longest = max(map(len, words), default=0)  # (rarely asked: a list that writes its unit once)
    return [text[at:at + size] for size in range(min(longest, len(text) - at), 0, -1)
            if text[at:at + size] in words]


def _respectively_before(text: str, start: int) -> bool:
    """分别 earlier in the sentence: a list after it may be written with ， as well as 、
    (分别提高15，22个百分点 is 分别提高15、22个百分点)."""
    sentence = text[max(0, start - 40):start]
    sentence = sentence[max(sentence.rfind(end) for end in "。；;！？") + 1:]
    return any(word in sentence for word in load_vocabulary().cues.respectively)


# the rest of a list of numbers in 个 whose last is in 个百分点 (0.3个|、0.5个百分点, 2.2个|和3.7个百分点);
# with ， as a separator too after 分别 (分别高于全国12.7个，12个百分点), as _LIST_TAIL
_POINTS_LIST_TAIL = {
    commas: regex.compile(rf"(?:{marks}[0-9]+(?:\.[0-9]+)?个)*{marks}[0-9]+(?:\.[0-9]+)?个?百分点")
    for commas, marks in ((False, "[、和]"), (True, "[、和，,]"))}


def _shared_unit(text: str, end: int, commas: bool = False) -> tuple[Decimal, Unit] | None:
    """The magnitude and unit written once after a list of numbers that starts at ``end``,
    with ， as a separator too when ``commas``: the longest magnitude that a unit follows (or
    none), then the longest unit.

    >>> _shared_unit("、22个百分点", 0)[1].written, _shared_unit("，22个百分点", 0)
    ('个百分点', None)
    >>> _shared_unit("、8200亿元", 0)[0], _shared_unit("、3", 0)
    (Decimal('100000000'), None)
    """
    match = _LIST_TAIL[commas].match(text, end)
    if match is None:
        return None
    vocabulary = load_vocabulary()
    at = match.end()
    for magnitude in (*_prefixes(text, at, vocabulary.magnitudes), ""):
        units = _prefixes(text, at + len(magnitude), vocabulary.units)
        if units:
            return _magnitude(vocabulary, magnitude or None), vocabulary.units[units[0]]
    return None


# what makes digits after 万 the rest of one numeral (3万4000, 3.5万4千), not a new figure
# (390万65岁以上 is 3.9 million people aged 65 and over)
_MIXED_TAIL = regex.compile(r"[0-9](?:[千百十]|[0-9]{3}(?![0-9.]))")
_NO_HALF = frozenset({"个", "%", "‰", "个百分点", "百分点"})  # 3个半月, 5%半: not a half
_JIAO_FEN = regex.compile(r"(?:(?P<jiao>[0-9]|[零一二两三四五六七八九])角)?(?:(?P<fen>[0-9]|[零一二两三四五六七八九])分)?")


def _smaller_units(text: str, end: int, value: Decimal, unit: Unit,
                   groups: Groups) -> tuple[Decimal, int]:
    """The value and end of a figure with what follows its unit read too: 半 after a unit
    (两米半 2.5米, 三成半 35%, 一年半), 角 and 分 after 元 (50元6角三分 50.63元). A figure read
    without them would have a wrong value.

    >>> from ipextract.vocabulary import load_vocabulary
    >>> units = load_vocabulary().units
    >>> no_magnitude = Groups(*[None] * len(Groups._fields))
    >>> _smaller_units("两米半", 2, Decimal(2), units["米"], no_magnitude)
    (Decimal('2.5'), 3)
    """
    if groups.mag or groups.mag_after:
        return value, end
    if (text[end:end + 1] == "半" and unit.written not in _NO_HALF
            and not (len(text[end:end + 2]) == 2 and is_word(text[end:end + 2]))):
        # (not 半年, 半数, 半导体: a word of its own)
        return value + Decimal("0.5") * unit.factor, end + 1
    if unit.written == "元":
        found = _JIAO_FEN.match(text, end)
        if found is not None and found.end() > end:
            jiao = parse_number(found.group("jiao")) if found.group("jiao") else Decimal(0)
            fen = parse_number(found.group("fen")) if found.group("fen") else Decimal(0)
            return value + jiao / 10 + fen / 100, found.end()
    return value, end


def _table_units(block: Block, start: int) -> tuple[str | None, str | None]:
    """The units a table announces for the value at ``start`` of a row: its column's and its
    row's. A value of a stack of cells (``stacked``) takes those of the row and the column it
    is read back into; one whose column is not known, under columns of different units, is
    not read (its unit would be a guess)."""
    text = block.text
    if stacked_cells(text):
        layout = stacked_layout(text, len(block.column_units), block.unit_column)
        if column_unknown(text, start, block.column_units, layout):
            raise _Rejected
        cell = layout.get(start)
        if cell is not None:
            column_unit = (block.column_units[cell.column] if cell.column is not None
                           and cell.column < len(block.column_units) else _column_unit(block, start))
            return column_unit, cell.unit or _row_unit(block)
    return _column_unit(block, start), _row_unit(block)


def _column_unit(block: Block, start: int) -> str | None:
    """The unit the heading of this cell's column announces, in a table row."""
    if block.kind != "table_row" or not block.column_units:
        return None
    column = block.text.count("|", 0, start)
    return block.column_units[column] if column < len(block.column_units) else None


def _row_unit(block: Block) -> str | None:
    """The unit this row announces: its cell of the table's unit column (指标 | 单位 | 数值),
    or its heading's (基本每股收益（元/股） | 1.27 | 1.18)."""
    if block.kind != "table_row":
        return None
    cells = block.text.split("|")
    if block.unit_column is not None and block.unit_column < len(cells):
        return cells[block.unit_column].strip() or None
    return heading_unit(cells[0]) if cells else None


def _announced_unit(vocabulary: Vocabulary, word: str) -> tuple[Decimal, Unit] | None:
    """The unit a ``单位：亿元`` note announces, with its magnitude: (100000000, 元)."""
    if word in vocabulary.units:
        unit = vocabulary.units[word]
        return unit.factor, unit
    for magnitude in sorted(vocabulary.magnitudes, key=len, reverse=True):
        rest = word[len(magnitude):]
        if word.startswith(magnitude) and rest in vocabulary.units:
            unit = vocabulary.units[rest]
            return vocabulary.magnitudes[magnitude].factor * unit.factor, unit
    return None


def _unit_kind(unit: Unit | None) -> tuple[str, Kind | None]:
    if unit is None:
        return "", None
    return unit.base, unit.kind


def _qualifier(groups: Groups, vocabulary: Vocabulary,
               low: Decimal | None) -> Qualifier:
    if groups.top:
        return "at_most"  # 前三: ranked 1 to 3
    if low is not None:
        return "range"
    words = vocabulary.qualifiers
    # the word nearest the end of the figure decides: 近3万余人 is over, not approx
    if groups.suffix:
        return words.suffix[groups.suffix]
    infix = groups.infix or groups.vague_infix or groups.round_infix
    if infix:
        return words.infix[infix]
    if groups.prefix:
        return words.prefix[groups.prefix]
    if groups.vague == "上":
        return "at_least"  # 上百家: a hundred or more
    return "exact"


def _word_numeral(numeral: str, written: str | None, magnitude: str | None,
                  prefix: str | None) -> bool:
    """A Chinese numeral that is a word, whatever stands around it: bare (一是, 十四五), or 一/几
    with a measure word (一个, 一项, 一起: words far more often than figures; 一倍 is one)."""
    return not written or (numeral in ("一", "几") and not magnitude and not prefix
                           and written != "倍")


@lru_cache(maxsize=1)
def _non_figures_stay_in_clauses() -> bool:
    """True when no non-figure entry takes in a character that ends a clause or looks past
    its match (read off the patterns): a non-figure then lies inside one clause, and the scan
    of one clause from its start finds what the scan of the whole block finds there."""
    parts = _non_figure_parts()
    return not any(looks_past_its_match(p) or may_consume(p, BREAK_CHARACTERS) for p in parts)


def _covered_in_clause(block: Block, position: int) -> bool | None:
    """Whether a non-figure covers ``position``, scanning only its clause; None when the
    clause reaches further than ``MAX_REACH`` either side (the block is then scanned)."""
    starts = block.clause_starts
    index = bisect_right(starts, position) - 1
    start = starts[index] if index >= 0 else 0
    end = starts[index + 1] if index + 1 < len(starts) else len(block.text)
    if position - start > MAX_REACH or end - position > MAX_REACH:
        return None
    non_figure = _non_figures()
    if non_figure is None:
        return False
    for found in non_figure.finditer(block.text, start, end):
        if found.start() > position:
            return False
        if position < found.end():
            return True
    return False


def _non_figure_spans(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of the non-figure phrases (十四五, 进一步, 百万吨级) in ``text``."""
    non_figure = _non_figures()
    if non_figure is None:
        return [], []
    starts: list[int] = []
    ends: list[int] = []
    for found in non_figure.finditer(text):
        starts.append(found.start())
        ends.append(found.end())
    return starts, ends


def _in_heading(text: str, start: int, end: int, heading_end: int) -> bool:
    """Whether the match at ``[start, end)`` stands among words in the heading cell that ends
    at ``heading_end``: Han characters before or after it in that cell."""
    return bool(_HAN.search(text, 0, start) or _HAN.search(text, min(end, heading_end), heading_end))


@lru_cache(maxsize=1)
def _level_verbs_with_shang() -> frozenset[str]:
    """跨上, 迈上, 跃上, 站上 (cues.level_verbs ending in 上): before 万 or 千, their 上 is
    theirs, not the 上 of 上万 (at least ten thousand)."""
    return frozenset(verb for verb in load_vocabulary().cues.level_verbs
                     if len(verb) == 2 and verb.endswith("上"))


def _opens_a_noun(text: str, start: int, end: int) -> bool:
    """Whether a figure written in Chinese numerals at ``start``–``end`` of ``text`` opens a
    noun of the dictionary that runs past it (五倍子, 三年级, 千人计划: a word, no figure).

    >>> _opens_a_noun("五倍子产量", 0, 2), _opens_a_noun("五倍以上", 0, 2)
    (True, False)
    """
    return any(len(word) > end - start and pos_tag(word) in _NOUN_TAGS
               for word in words_starting(text[start:end + _LONGEST_TAIL]))


_NOUN_TAGS = frozenset({"n", "nz", "nr", "ns", "nt"})
_LONGEST_TAIL = 4  # characters past a figure a noun it opens is looked for in


# A note that opens with its mark (［5］, [12], 注：) and the words of a definition in it: the sentence
# that says what a term means (…是指…, …相当于…) and the clause that says what it takes in
# (…包括…). The numbers there bound the term (每户授信在1000万元以下的…, 务工6个月及以上的…), or say
# what its unit is worth; no statistic of the year.
_NOTE_OPENING = regex.compile(r"\s*(?:[\[［]\d{1,3}[\]］]|注[：:])")
_DEFINITION = regex.compile(r"[^。！？]*?(?:是指|相当于)[^。！？]*|[^。，；！？]*?包括[^。，；！？]*")


def _definition_spans(text: str) -> list[tuple[int, int]]:
    """Where a note that opens ``text`` defines its term (see ``_DEFINITION``); ``[]`` for a
    text that opens with no note's mark (nearly all).

    >>> _definition_spans("［3］年度农民工数量包括外出从业6个月及以上的农民工。")
    [(0, 26)]
    >>> _definition_spans("［4］2024年可转债转股金额为832亿元。"), _definition_spans("全年增长5%。")
    ([], [])
    """
    if _NOTE_OPENING.match(text) is None:
        return []
    return [found.span() for found in _DEFINITION.finditer(text)]


def find_figures(block: Block, block_index: int) -> list[Figure]:
    """Every figure in one block, in order."""
    vocabulary = load_vocabulary()
    text = block.text
    if not text:
        return []
    covered: tuple[list[int], list[int]] | None = None  # non-figure spans, when first needed
    digits_may_be_covered: bool | None = None  # whether a non-figure here can take in a digit
    figures: list[Figure] = []
    # where the digits a line break may have cut begin (past the end when none may be cut)
    number_tail = len(text.rstrip("0123456789.")) if block.cut_after else len(text) + 1
    # a table row's heading, up to its first bar: a number in it among words is a word of the
    # heading (（1）税收收入, 全县500万元以上固定资产投资, 居住[3], 十种有色金属), no figure
    heading_end = text.find("|") if block.kind == "table_row" else -1
    definitions = _definition_spans(text)
    for match in _grammar().finditer(text):
        if match.start() < heading_end and _in_heading(text, match.start(), match.end(), heading_end):
            continue
        if match.group("vague") == "上" and text[match.start("vague") - 1:match.start("vague") + 1] in (
                _level_verbs_with_shang()):
            # 跨上万亿元台阶: 上 is the verb's (a level of one trillion reached), no 上万
            again = _grammar().match(text, match.start("vague") + 1)
            if again is not None and again.end() > again.start() and (
                    again.group("bare_written") or again.group("num")):
                match = again  # (迈上万亿 with no unit: read as 上万亿 as before)
        # A third of the matches are Chinese numerals that are words (一是, 十四五): told
        # apart on four groups before the match's groups are read.
        numeral, written, magnitude, prefix = match.group("num", "written", "mag", "prefix")
        if numeral and not numeral[0].isdigit() and _word_numeral(
                numeral, written, magnitude, prefix):
            continue
        groups = _groups_of(Groups, match.groups())
        if not (numeral or groups.num1 or groups.mixed or groups.rank or groups.top
                or groups.round or groups.vague or groups.bare or groups.pct_words or groups.doubling):
            continue  # a qualifier word alone
        prefix = prefix or ""
        number_start = match.start() + len(prefix)
        if prefix and text[match.start() - 1:number_start] in (
                vocabulary.qualifiers.words_ending_in_a_prefix):
            # 签约|8个: the prefix word is the tail of a word before the figure, no qualifier
            prefix, groups = "", groups._replace(prefix=None)
        if number_start == 0 and block.cut_before:
            continue  # the tail of a number that a line break may have cut
        if definitions and any(start <= number_start < end for start, end in definitions):
            continue  # (a note's definition: 1个单位…相当于…1吨, 包括…小于1000万元的…: no statistic)
        if text[number_start] in _ASCII_DIGITS:
            if digits_may_be_covered is None:
                digit_entries = _digit_non_figures()
                digits_may_be_covered = digit_entries is not None and bool(
                    digit_entries.search(text))
            needs_scan = digits_may_be_covered
        else:
            needs_scan = True
        if needs_scan:
            # a clause's own scan is cheaper than the block's when figures are few in it
            in_clause = (_covered_in_clause(block, number_start)
                         if _non_figures_stay_in_clauses() else None)
            if in_clause is None:
                if covered is None:
                    covered = _non_figure_spans(text)
                in_clause = _covered(*covered, number_start)
            if in_clause:
                continue
        try:
            value, low, high, _unit_entry, unit, kind, method = _resolve(match, groups, text, block,
                                                                         vocabulary)
        except (_Rejected, NumeralError, KeyError):
            continue
        lstart, lend = match.span()
        if method == "open" and _unit_entry is not None:
            lend += len(_unit_entry.written)  # the measure word read after the match
        if _unit_entry is not None and low is None and not groups.suffix and (
                text[lend:lend + 1] == "半" or _unit_entry.written == "元"):
            value, lend = _smaller_units(text, lend, value, _unit_entry, groups)
            if _unit_entry.written == "个" and text[lend:lend + 1] == "半":
                continue  # 3个半月 is 3.5 months: 3个 alone would be a wrong value
        if lend >= number_tail:
            continue  # the head of a number that a line break may have cut
        if lstart < number_start and (not prefix or text[lstart:number_start] not in vocabulary.qualifiers.prefix):
            lstart = number_start  # (no qualifier word before the number: 签约|8个 opens at 8)
        # (the call only where a sign may stand: most figures have none)
        minus = _minus_sign(text, lstart) if not prefix and text[lstart - 1:lstart] in _SIGNS else None
        if minus is not None:
            lstart = minus
            value, low, high = -value, (-high if high is not None else None), (
                -low if low is not None else None)
        # a figure may run across layout the block leaves out (``481.96 亿元``, a line break in
        # wrapped text): its source span then holds those characters too
        start, end = block.to_source(lstart), block.to_source(lend, is_end=True)
        figures.append(
            _figure(
                block=block_index,
                lstart=lstart,
                lend=lend,
                start=start,
                end=end,
                surface=text[lstart:lend],
                value=canonical(value),
                value_min=canonical(low) if low is not None else None,
                value_max=canonical(high) if high is not None else None,
                unit=unit,
                kind=kind,
                qualifier=_qualifier(groups, vocabulary, low),
                method=method,
                number_start=number_start,
            )
        )
    return figures

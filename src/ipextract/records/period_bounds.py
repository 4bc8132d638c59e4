"""A record's period as dates: the first and the last day of the time ``Record.period`` names.

Periods are written the way reports write them (2025年, 截至2024年末, 1—11月, “十四五”时期);
comparing or sorting records by time needs them as ISO dates. The words (parts of a year, 末/底/初,
截至/以来, the five-year plan rule) are data, ``vocabulary/data/periods.toml``, checked once when
first needed.

The rules: a span gives its first and last day (2025年 → 2025-01-01..2025-12-31, 1—11月 → from
1 January to 30 November); a point in time gives the same day twice (2024年末, 截至…, 到2030年 —
a deadline is the end of its year —, 2025年11月底, 1996年1月1日, …止); 年初 is 1 January.
``以来`` (since) starts at the start of the time it follows and leaves the end open (None): a
figure "since 2007" is about a time still running when the report was written. A period
without a year (1—11月, 上半年, 11月份) takes the ``year`` given, the report's. Anything else —
unknown words, 13月, 2月30日, a span that runs backwards — is (None, None): never a guess.
"""

from __future__ import annotations

import calendar
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from ..errors import VocabularyError
from ..numerals import CHINESE_DIGITS
from ..vocabulary import DATA

WORDS_FILE = Path(str(DATA / "periods.toml"))
_NONE: tuple[None, None] = (None, None)
_IGNORED = regex.compile(r"[\s“”‘’\"'「」『』《》]+")  # spaces, and quotes around 十四五
_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_CHINESE_YEAR = "[〇零○一二三四五六七八九]{4}"  # 二〇二四, read digit by digit
_MONTH = "[0-9]{1,2}|十[一二]?|[一二三四五六七八九]"
_DAY = "[0-9]{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"


class PeriodWordsError(VocabularyError, ValueError):
    """A malformed entry of ``periods.toml``: the message names the file and the key."""


@dataclass(frozen=True)
class FiveYearPlans:
    suffix: str  # 五 of 十四五
    first: int  # the first plan of the back-to-back run (6)
    start: int  # the year it starts (1981)
    length: int  # years in a plan (5)
    whole: tuple[str, ...]  # 时期, 期间


@dataclass(frozen=True)
class PeriodWords:
    as_of: tuple[str, ...]
    since: tuple[str, ...]
    until: tuple[str, ...]
    dashes: tuple[str, ...]
    whole_year: tuple[str, ...]
    year_start: tuple[str, ...]
    year_end: tuple[str, ...]
    month_end: tuple[str, ...]
    month_words: tuple[str, ...]
    parts: dict[str, tuple[int, int]]
    plans: FiveYearPlans


_LISTS = ("as_of", "since", "until", "dashes", "whole_year", "year_start", "year_end", "month_end", "month_words")


def read_period_words(path: Path = WORDS_FILE) -> PeriodWords:
    """The period words of ``path``, checked: a malformed entry raises :class:`PeriodWordsError`."""
    where = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise PeriodWordsError(where, str(exc)) from exc

    def fail(key: str, reason: str) -> PeriodWordsError:
        return PeriodWordsError(where, f"{key}: {reason}")

    def words(table: dict[str, Any], key: str, label: str) -> tuple[str, ...]:
        value = table.get(key)
        if (not isinstance(value, list) or not value or len(set(value)) != len(value)
                or not all(isinstance(word, str) and word for word in value)):
            raise fail(label, "must be a non-empty list of distinct non-empty strings")
        return tuple(value)

    def number(table: dict[str, Any], key: str) -> int:
        value = table.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise fail(f"five_year_plans.{key}", "must be a positive integer")
        return value

    unknown = set(data) - {*_LISTS, "parts", "five_year_plans"}
    if unknown:
        raise fail(min(unknown), "unknown key")
    lists = {key: words(data, key, key) for key in _LISTS}
    raw_parts, raw_plans = data.get("parts"), data.get("five_year_plans")
    if not isinstance(raw_parts, dict) or not raw_parts:
        raise fail("parts", "must be a table of part = [first month, last month]")
    parts: dict[str, tuple[int, int]] = {}
    for part, months in raw_parts.items():
        if (not part or not isinstance(months, list) or len(months) != 2
                or not all(type(month) is int for month in months) or not 1 <= months[0] <= months[1] <= 12):
            raise fail(f"parts.{part}", "must be [first month, last month], 1 <= first <= last <= 12")
        parts[part] = (months[0], months[1])
    if not isinstance(raw_plans, dict):
        raise fail("five_year_plans", "must be a table")
    unknown = set(raw_plans) - {"suffix", "first", "start", "length", "whole"}
    if unknown:
        raise fail(f"five_year_plans.{min(unknown)}", "unknown key")
    suffix = raw_plans.get("suffix")
    if not isinstance(suffix, str) or not suffix:
        raise fail("five_year_plans.suffix", "must be a non-empty string")
    plans = FiveYearPlans(suffix, number(raw_plans, "first"), number(raw_plans, "start"),
                          number(raw_plans, "length"), words(raw_plans, "whole", "five_year_plans.whole"))
    return PeriodWords(**lists, parts=parts, plans=plans)


@lru_cache(maxsize=1)
def _words() -> PeriodWords:
    return read_period_words()


def _either(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(regex.escape(word) for word in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _pattern() -> regex.Pattern[str]:
    w = _words()
    plan = (rf"(?P<ordinal>十?[一二三四五六七八九]|十){regex.escape(w.plans.suffix)}"
            rf"(?:{_either(w.plans.whole)}|(?P<plan_end>{_either(w.year_end)}))?")
    month = (rf"(?:(?P<first>{_MONTH})月?(?:{_either(w.dashes)}))?(?P<month>{_MONTH})月"
             rf"(?:(?P<day>{_DAY})日|(?P<month_end>{_either(w.month_end)})|{_either(w.month_words)})?")
    rest = (rf"(?P<year_start>{_either(w.year_start)})|(?P<year_end>{_either(w.year_end)})"
            rf"|(?P<whole>{_either(w.whole_year)})"
            rf"|(?P<part>{_either(list(w.parts))})(?P<part_end>{_either(w.year_end)})?|{month}")
    return regex.compile(
        rf"(?P<as_of>{_either(w.as_of)})?"
        rf"(?:{plan}|(?P<bare>[12][0-9]{{3}})|(?:(?P<year>[12][0-9]{{3}}|{_CHINESE_YEAR})?(?P<nian>年))?(?:{rest})?)"
        rf"(?:(?P<since>{_either(w.since)})|(?P<until>{_either(w.until)}))?"
    )


@lru_cache(maxsize=1)
def _year_range() -> regex.Pattern[str]:
    """2021—2025年, 2021年至2025年: a span of whole years (a five-year review's, context.py)."""
    return regex.compile(rf"(?P<first>[12][0-9]{{3}})年?(?:{_either(_words().dashes)})"
                         rf"(?P<last>[12][0-9]{{3}})年")


@lru_cache(maxsize=1)
def _month_range() -> regex.Pattern[str]:
    """2024年7月—2025年12月: a span of whole months across years (a streak's, context.py)."""
    return regex.compile(rf"(?P<first>[12][0-9]{{3}})年(?P<first_month>[0-9]{{1,2}})月(?:{_either(_words().dashes)})"
                         rf"(?P<last>[12][0-9]{{3}})年(?P<last_month>[0-9]{{1,2}})月")


def _small(numeral: str) -> int:
    """1–39 written in Arabic digits or in Chinese (十一, 二十五), as the patterns allow."""
    if numeral.isascii():
        return int(numeral)
    tens, ten, ones = numeral.partition("十")
    if not ten:
        return CHINESE_DIGITS[numeral]
    return (CHINESE_DIGITS[tens] if tens else 1) * 10 + (CHINESE_DIGITS[ones] if ones else 0)


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _plan_span(found: regex.Match[str]) -> tuple[date, date] | None:
    plans = _words().plans
    ordinal = _small(found["ordinal"])
    if ordinal < plans.first:  # the early plans were not back to back
        return None
    first = plans.start + plans.length * (ordinal - plans.first)
    start, end = date(first, 1, 1), date(first + plans.length - 1, 12, 31)
    return (end, end) if found["plan_end"] else (start, end)


def _month_span(found: regex.Match[str], year: int) -> tuple[date, date] | None:
    last = _small(found["month"])
    first = _small(found["first"]) if found["first"] else last
    if not 1 <= first <= last <= 12:
        return None
    end = _last_day(year, last)
    if found["first"] and (found["day"] or found["month_end"]):
        return None  # 1—11月5日, 1—11月底: no form of ours
    if found["day"]:
        day = _small(found["day"])
        if not 1 <= day <= end.day:
            return None
        point = date(year, last, day)
        return point, point
    if found["month_end"]:
        return end, end
    return date(year, first, 1), end


def _year_span(found: regex.Match[str], year: int | None) -> tuple[date, date] | None:
    year_level = found["year_start"] or found["year_end"] or found["whole"]
    if found["bare"]:
        year = int(found["bare"])
    elif found["year"]:
        year = int(found["year"]) if found["year"].isascii() else int(
            "".join(str(CHINESE_DIGITS[digit]) for digit in found["year"]))
    elif not (year_level if found["nian"] else found["part"] or found["month"]):
        return None  # 年 alone, 年上半年, 末 alone, or nothing but 截至/以来
    if year is None or not 1 <= year <= 9999:
        return None
    if found["year_start"] or found["year_end"]:
        point = date(year, 1, 1) if found["year_start"] else date(year, 12, 31)
        return point, point
    if found["part"]:
        first, last = _words().parts[found["part"]]
        end = _last_day(year, last)
        return (end, end) if found["part_end"] else (date(year, first, 1), end)
    if found["month"]:
        return _month_span(found, year)
    return date(year, 1, 1), date(year, 12, 31)


def period_bounds(period: str | None, year: int | None = None) -> tuple[str | None, str | None]:
    """ISO dates (YYYY-MM-DD) bounding the time ``period`` names; (None, None) when it fixes none.

    ``year`` (the report's) dates a period that names no year of its own (1—11月, 上半年).
    A point in time gives one date twice; ``以来`` (since) leaves the end open.

    >>> period_bounds("2025年")
    ('2025-01-01', '2025-12-31')
    >>> period_bounds("1—11月", 2024), period_bounds("截至2024年末"), period_bounds("“十四五”时期")
    (('2024-01-01', '2024-11-30'), ('2024-12-31', '2024-12-31'), ('2021-01-01', '2025-12-31'))
    >>> period_bounds("到2007年以来"), period_bounds("上半年"), period_bounds("2025年2月30日")
    (('2007-01-01', None), (None, None), (None, None))
    >>> period_bounds("2021—2025年"), period_bounds("2025—2021年"), period_bounds("1986-1995")
    (('2021-01-01', '2025-12-31'), (None, None), ('1986-01-01', '1995-12-31'))
    >>> period_bounds("2024年7月—2025年12月"), period_bounds("2025年12月—2024年7月")
    (('2024-07-01', '2025-12-31'), (None, None))
    """
    if not period:
        return _NONE
    written = _IGNORED.sub("", period).translate(_FULL_WIDTH)
    # (the period of a table row may leave out the 年: 1986-1995平均每年增长)
    years = _year_range().fullmatch(written if written.endswith("年") else written + "年")
    if years is not None:  # 2021—2025年: from the first year's start to the last year's end
        first, last = int(years["first"]), int(years["last"])
        return (f"{first:04d}-01-01", f"{last:04d}-12-31") if first < last else _NONE
    months = _month_range().fullmatch(written)
    if months is not None:  # 2024年7月—2025年12月: from the first month's start to the last one's end
        opening = (int(months["first"]), int(months["first_month"]))
        closing = (int(months["last"]), int(months["last_month"]))
        if not (opening < closing and 1 <= opening[1] <= 12 and 1 <= closing[1] <= 12):
            return _NONE
        return date(opening[0], opening[1], 1).isoformat(), _last_day(*closing).isoformat()
    found = _pattern().fullmatch(written)
    if found is None:
        return _NONE
    span = _plan_span(found) if found["ordinal"] else _year_span(found, year)
    if span is None:
        return _NONE
    start, end = span
    if found["since"]:
        return start.isoformat(), None
    if found["as_of"] or found["until"]:
        start = end  # as of / by / up to: the end of the time named
    return start.isoformat(), end.isoformat()

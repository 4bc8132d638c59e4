"""Where a figure stands in time and text: its period and the sentence or item it is read in."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

import regex

from ..blocks import BULLETS, Block
from ..figures import Figure
from ..models import TABLE_NAME_MARK, PeriodFrom
from ..numerals import CHINESE_DIGITS
from ..scanning import must_contain, opening_characters, prefilter
from ..vocabulary import cue_pattern, cue_set, cue_words, load_vocabulary
from ..vocabulary.lexicon import pos_tag
from .base import _NOMINAL_TAGS, LEVEL_REACHED_VERBS, Draft, _period_pattern, _tokens, longest_first
from .naming.counted import _clause_end
from .naming.lists import _OF
from .naming.phrase import _ANY_DIGIT, BRACKET_NOTE, SHARE_VERB, _is_verb
from .naming.topic import _CLAUSE_MARKS, _RATE
from .period_bounds import _words as period_words
from .period_bounds import period_bounds

# The times a sentence names before a figure (scanned once per sentence, around the characters
# every time holds), by kind:
#
# * ``year``: a period with its year (the vocabulary's period_pattern: 2024年, 截至2024年末,
#   2025年1—11月);
# * ``plan``: a five-year plan's time (“十四五”时期, 十四五期间, “十四五”末, 十三五以来);
# * ``months``/``part``: a period without a year of its own (1—11月, 11月当月, 11月份, 截至11月底;
#   一季度, 前三季度, 上半年, 三季度末): the words are those of periods.toml, so that
#   period_bounds reads every period found here;
# * ``whole``: the year as a whole (全年, 今年, 年末): the year the figure inherits;
# * ``span``: a run of years up to the year the document reports (过去五年, 五年来, 近三年):
#   the figure's period is the run, ``2021—2025年`` in a work report of 2026 (see ``_run``);
#   a run of unknown length (多年来, 十八大以来) gives no period, and stops every inherited one;
# * ``past_year``: the year just past (一年来, 过去一年): the year the document reports;
# * ``other``: a time that is no period of the figure's (11月15日, 十四五 named in passing,
#   疫情期间, 新时期): it inherits none, but a heading's or a part's period still holds.

# a number of years (五, 十, 3): not a year (过去的2025年 is 2025)
_NUMERAL = "(?:[一二三四五六七八九十两多几]+|(?<![0-9])[0-9]{1,2})"
_SPAN = (rf"过去的?(?!一年){_NUMERAL}年|这(?!一年){_NUMERAL}年|近(?!一年){_NUMERAL}年|近年来"
         rf"|(?<![0-9一二三四五六七八九十两多几])(?!一年){_NUMERAL}年(?:来|间)|以来")
_PAST_YEAR = "一年来|一年间|过去的?一年|这一年"
_AS_OF = "截至|截止到|截止"
_MONTH = ("(?:(?<![0-9.])(?:1[0-2]|0?[1-9])|(?<![〇零一二三四五六七八九十两百千万])"
          "(?:十[一二]?|[一二三四五六七八九]))")
_DAY = "(?:[0-9]{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"


def _either(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(regex.escape(word) for word in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _plan_pattern() -> str:
    plans = period_words().plans
    return (rf"[“\"]?十[一二三四五六七八九]?{regex.escape(plans.suffix)}[”\"]?"
            rf"(?:{_either(plans.whole)}|{_either(period_words().year_end)}|{_either(period_words().since)})")


@lru_cache(maxsize=1)
def _time_kinds() -> tuple[tuple[str, str], ...]:
    """The kinds of time, each with its pattern, in the order they are tried at a position."""
    words = period_words()
    # a part of the year that is all of it (全年) is the year: ``whole``
    parts = [part for part, months in words.parts.items() if months != (1, 12)]
    months = (rf"(?:{_AS_OF})?(?:{_MONTH}月?(?:{_either(words.dashes)}))?{_MONTH}月"
              rf"(?:{_either(words.month_end)}|{_either(words.month_words)})?")
    day = rf"{_MONTH}月(?:{_DAY}[日号]|初|上旬|中旬|下旬|起)"
    plan_named = rf"[“\"]?十[一二三四五六七八九]{regex.escape(words.plans.suffix)}"
    return (("year", _period_pattern().pattern), ("plan", rf"(?:{_AS_OF}|到)?{_plan_pattern()}"),
            ("past_year", _PAST_YEAR), ("other", rf"{day}|{plan_named}|时期|期间|季度"),
            ("months", months),
            ("part", rf"(?:{_AS_OF})?(?:{_either(parts)})(?:{_either(words.year_end)})?"),
            ("whole", "全年|今年|本年|年末|年底"), ("span", _SPAN))


@lru_cache(maxsize=1)
def _time_scanners() -> tuple[tuple[int, str, frozenset[str], regex.Pattern[str]], ...]:
    """One scanner per kind, with the anchors its pattern holds (a sentence without any of them
    has no time of the kind) and led by a lookahead of the characters it can start with: the
    engine then skips the prose between times (one alternation of them all tries every kind at
    every numeral and costs ten times as much)."""
    anchors = set(_anchors().pattern) - set("[]\\")
    return tuple((rank, kind, frozenset(anchor for anchor in anchors if anchor in pattern),
                  regex.compile(prefilter(pattern) + f"(?:{pattern})"))
                 for rank, (kind, pattern) in enumerate(_time_kinds()))


# A time starts at most this many characters before its first anchor (截止到二〇二四年) and
# ends at most this many after its last (“十四五”规划期: 五 then 4)
_BEFORE_ANCHOR, _AFTER_ANCHOR = 12, 16


@lru_cache(maxsize=1)
def _anchors() -> re.Pattern[str]:
    """A character every time holds: 年, 月, the plans' 五, and one of each word of
    periods.toml (and of the other times) that holds none of these (一季度: 度, 时期: 期,
    以来: 来)."""
    words = period_words()
    anchors = {"年", "月", words.plans.suffix}
    for word in [*words.parts, *words.plans.whole, *words.since, "时期", "期间", "季度"]:
        if not anchors.intersection(word):
            anchors.add(word[-1])
    return re.compile("[" + re.escape("".join(sorted(anchors))) + "]")


class _Time(NamedTuple):
    start: int
    end: int
    kind: str
    text: str


# The times of the last sentence read (its text, start and end): one slot, swapped whole
_SENTENCE_TIMES: list[tuple[str, int, int, list[_Time]]] = []


def _times_in(text: str, start: int, end: int) -> list[_Time]:
    """The times in ``text[start:end]`` (a sentence), left to right, as one pattern of all the
    kinds would find them: the leftmost first, the first kind at a position. The last sentence
    asked for is kept: its figures ask one after another."""
    cached = _SENTENCE_TIMES[0] if _SENTENCE_TIMES else None
    if cached is not None and cached[0] is text and cached[1] == start and cached[2] == end:
        return cached[3]
    # every time holds an anchor (年, 月, the 五 of 十四五…), found by one plain scan; the
    # times are read only around them: most sentences hold none
    anchors = [match.start() for match in _anchors().finditer(text, start, end)]
    found = []
    if anchors:
        held = {text[at] for at in anchors}
        low, high = max(start, anchors[0] - _BEFORE_ANCHOR), min(end, anchors[-1] + _AFTER_ANCHOR)
        for rank, kind, kind_anchors, scanner in _time_scanners():
            if not kind_anchors.isdisjoint(held):
                found += [(match.start(), rank, match.end(), kind, match.group())
                          for match in scanner.finditer(text, low, high)]
        found.sort()
    times: list[_Time] = []
    for at, _, stop, kind, written in found:
        if not times or at >= times[-1].end:
            times.append(_Time(at, stop, kind, written))
    _SENTENCE_TIMES[:] = [(text, start, end, times)]
    return times


@lru_cache(maxsize=1)
def _plan() -> regex.Pattern[str]:
    return regex.compile(_plan_pattern())


# 比2020年, 较上年, 与2023年相比, 快于2024年: the time a figure is compared with, not its own
_COMPARED = regex.compile(r"(?:比|较|同|与|跟|相比|对比|[高低快慢多少大小超]于)\s*$")
# 按2020年价格计算, 按2015年不变价: the year whose prices a figure is given in
_PRICE_BASE = regex.compile(r"按\s*$")
# 的801元/月、: the end values listed after 提高到2025年, up to the figure (figures and marks alone)
_END_VALUES = regex.compile(r"的(?:[0-9][0-9.,]*[^\s0-9、，,；;。和及与]{0,6}(?:、|和|及|与))+")
# 提高到2025年的6.1万家: the year of a new level, not a deadline (力争到2030年)
_NEW_LEVEL = regex.compile(r"(?:提高|增加|提升|增长|降低|减少|扩大|缩小|上升|下降|跃升|攀升|增|升|降|减)\s*$")
_FIGURE_START = regex.compile(r"[0-9〇零一二三四五六七八九十两]")
_PLAIN_YEAR = regex.compile(r"(?:[12][0-9]{3}|[〇零一二三四五六七八九]{4})年")
_YEAR_DIGITS4 = regex.compile(r"[12][0-9]{3}")
_CLAUSE_END = regex.compile(r"[，,；;]")
_COPULA = regex.compile(r"(?:为|是|相当于)\s*$")
_TO = regex.compile(r"[到至]")

NO_PERIOD = ""  # a time of its own no period says (多年来): no period, and nothing inherited
"""The period of a figure whose time the text names but no period says (多年来, 十八大以来, the
end value of 从2020年的…提高到…): it is no period, and stops the periods a figure would
otherwise inherit (the paragraph's, the heading's, the part's)."""

_RUN = regex.compile(_SPAN)
_PAST = regex.compile(_PAST_YEAR)
_RUN_LENGTH = regex.compile(r"[0-9]{1,2}|[一二三四五六七八九十两]+")


def _run(span: str, reviewed: int | None) -> str:
    """过去五年 (五年来, 这五年, 近五年) in a document that reports ``reviewed`` (2025 for a work
    report of 2026): the five years up to and including it, ``2021—2025年`` (a five-year total
    or average is of those years: the report reviews them, it does not run on after them).
    ``NO_PERIOD`` when the length or the year is not known (多年来, 十八大以来).

    >>> _run("过去五年", 2025), _run("五年来", 2025), _run("近3年", 2024), _run("多年来", 2025)
    ('2021—2025年', '2021—2025年', '2022—2024年', '')
    """
    count = _run_count(span)
    if count is None or reviewed is None:
        return NO_PERIOD
    return f"{reviewed - count + 1}—{reviewed}年"


def _run_count(span: str) -> int | None:
    """The number of years of a run a report reviews (2 to 30: 五年来, 近3年), else None
    (多年来, 60年来 since a founding)."""
    length = _RUN_LENGTH.search(span)
    count = _count(length.group()) if length is not None else None
    return count if count is not None and 2 <= count <= 30 else None


def _count(numeral: str) -> int | None:
    """2, 五, 十, 十二, 二十: a small count of years; None for 两十 or 三五.

    >>> _count("12"), _count("五"), _count("十二"), _count("二十"), _count("三五")
    (12, 5, 12, 20, None)
    """
    if numeral.isascii():
        return int(numeral)
    tens, ten, ones = numeral.partition("十")
    if not ten:
        return CHINESE_DIGITS.get(numeral) if len(numeral) == 1 else None
    if (tens and tens not in CHINESE_DIGITS) or (ones and ones not in CHINESE_DIGITS):
        return None
    return (CHINESE_DIGITS[tens] if tens else 1) * 10 + (CHINESE_DIGITS[ones] if ones else 0)


def _period(block: Block, figure: Figure, inherited: str | None, year: int | None,
            part: str | None = None, reviewed: int | None = None) -> str | None:
    """The period the text gives ``figure`` (see ``_nearest_period``); for the first value of
    a change over a run of years (这五年，…从98元提高到178元), the year before the run's first."""
    return start_of_change(block, figure, _nearest_period(block, figure, inherited, year, part, reviewed))


def start_of_change(block: Block, figure: Figure, period: str | None) -> str | None:
    """The period of ``figure`` given ``period`` for its sentence: the year before the one its
    end is of for the start value of a change (由18%增至71%, 由平均2900元下降到…: a start year
    the paragraph states before, or the year before a run's first); ``period`` for any other."""
    if period and _FROM_YEAR_START.search(block.text, max(0, figure.lstart - 6), figure.lstart) and (
            one_year := _YEAR_OR_ITS_END.fullmatch(period)):
        return f"{one_year.group(1)}年初"  # (从年初的400P增加到…: the level the year began at)
    if not period or _START.search(block.text, max(0, figure.lstart - 8), figure.lstart) is None and (
            _merged_into().match(block.text, figure.lend) is None):
        return period  # (most figures: no 从 or 由 right before them, no merging after them)
    if (years := _YEAR_TO_YEAR.search(block.text, block.sentence_start(figure.lstart), figure.lstart)) is not None:
        return years.group(1)  # (2020年到2025年，…从17.9%提升到…: the first year's level)
    if _spans_years(period):
        return _year_before(period)
    # (由1985年的316个增加到48270个；从业人员由6.3万人…: a start year the paragraph states
    # before is its later starts' too, past a ； or a 。 alike)
    stated = None
    for stated in _STATED_START.finditer(block.text, 0, figure.lstart):
        pass
    if stated is not None:
        return stated.group(1)  # (as written: 由1985年的282个 is of 1985年)
    # (由18%增至71% in a review of 2024: the start is the level the year began from, 2023's)
    one_year = _YEAR_OR_ITS_END.fullmatch(period)
    return f"{int(one_year.group(1)) - 1}年{one_year.group(2) or ''}" if one_year else period


_FROM_YEAR_START = regex.compile(r"[从由]年初的?\s*$")  # 从年初的|400P: the start of the year


@lru_cache(maxsize=1)
def _merged_into() -> regex.Pattern[str]:
    """188个|园区整合优化为120个: the things a count before them counts merged into a figure (cues
    restructuring_verbs before 为 or 至), the start of a change written without 由."""
    verbs = "|".join(regex.escape(verb) for verb in cue_words("restructuring_verbs"))
    return regex.compile(rf"\p{{Han}}{{1,10}}?(?:{verbs})+[为至][0-9]")


_END_OF_CHANGE = regex.compile(r"[从由][^，,；;。]*?[到至]了?\s*$")  # 由1985年36.0%下降到|24.0%


def ends_a_change(block: Block, figure: Figure) -> bool:
    """Whether ``figure`` is the end value of a from-to of its clause (由1985年36.0%下降到24.0%):
    in a document of one year, the end is of that year when the start names its own.

    >>> from ipextract.blocks import split_blocks
    >>> from ipextract.figures import find_figures
    >>> block = split_blocks("比重由1985年36.0%下降到24.0%，上升12个百分点。")[0]
    >>> [ends_a_change(block, f) for f in find_figures(block, 0)]
    [False, True, False]
    """
    return _END_OF_CHANGE.search(block.text, block.clause_start(figure.lstart), figure.lstart) is not None


@lru_cache(maxsize=64)
def _year_before(run: str) -> str:
    """The year a run of years started from (2021—2025年, “十四五”时期: 2020年): the start value
    of a change over it is that year's level, as 从2020年的98元 would say. ``NO_PERIOD`` when
    the run has no first year the text fixes as a bound of a closed span (2020年以来 names
    where the run starts, not the level it started from).

    >>> _year_before("2021—2025年"), _year_before("“十四五”时期"), _year_before("2020年以来")
    ('2020年', '2020年', '')
    """
    start, end = period_bounds(run)
    if start is None or end is None or start == end:
        return NO_PERIOD
    return f"{int(start[:4]) - 1}年"


def _nearest_period(block: Block, figure: Figure, inherited: str | None, year: int | None,
                    part: str | None, reviewed: int | None) -> str | None:
    """The period the text gives ``figure``: the time nearest before it in its sentence, else
    the ``inherited`` one (the paragraph's), else, after 全年 or 年末, ``year``.

    A run of years (过去五年) is the years up to ``reviewed``, the last year the document
    reports (see ``_run``). ``NO_PERIOD`` when the nearest time is a run of unknown length
    (多年来), or the start of a change (从2020年的…提高到…) and neither the sentence before it
    nor the paragraph names the time of the end; ``None`` when the text says nothing (a
    heading's or a part's period may then hold). A period without a year of its own (上半年)
    takes the year of the paragraph or of ``part`` when that is a plain year: 2026年上半年 in a
    plan for 2026.
    """
    text = block.text
    at = figure.lstart
    sentence_start = block.sentence_start(at)
    if inherited:
        inherited = _inherited(inherited, reviewed)
    if _anchors().search(text, sentence_start, at) is None:
        return inherited  # no time before the figure in its sentence
    other = started = False
    times = _times_in(text, sentence_start, max(at, block.sentence_end(sentence_start)))
    for index in range(bisect_right(times, at, key=_end) - 1, -1, -1):
        match = times[index]
        kind = match.kind
        start = match.start
        if kind == "span" and not _adverbial(block, match):
            kind = "other"  # 降至十年来最低, 30年来首次: not the time of what follows
        elif kind != "whole" and "、" in (text[start - 1: start], text[match.end: match.end + 1]):
            kind = "other"  # 2024年、2025年、“十五五”期间的项目清单: times listed, none the figure's
        if kind == "past_year":
            if reviewed:
                return f"{reviewed}年"  # 一年来, 过去一年: the year the document reports
            kind = "other"
        if kind == "other":
            other = True
            continue
        if kind == "span":
            return _run(match.text, reviewed)
        found = match.text
        follows = text[match.end:at].strip()
        if _PRICE_BASE.search(text, max(0, start - 2), start):
            other = True  # 按2020年价格计算: the year of the prices, not of the figure
            continue
        if _COMPARED.search(text, max(0, start - 3), start):
            if kind == "year" and follows == "的":
                return found  # 比1985年的18.2%: 1985's figure
            continue
        if follows == "的" and _COPULA.search(text, max(0, start - 3), start):
            continue  # 利润为“十三五”时期的2.2倍: the time compared with
        if kind == "year":
            if found.startswith(("到", "至")) and index and times[index - 1].kind == "year" and (
                    times[index - 1].end == start) and _PLAIN_YEAR.fullmatch(found, 1):
                return found[1:]  # 2020年到|2025年，…提升到35.5%: the end's year (the start's: start_of_change)
            to_level = found.startswith("到") and _NEW_LEVEL.search(text, max(0, start - 3), start)
            if to_level:
                found = found[1:]  # 提高到2025年的6.1万家: 2025年
            if follows in ("", "的"):
                return found  # 2020年的4.7万家: the figure's own
            if to_level and _END_VALUES.fullmatch(follows):
                return found  # 提高到2025年的801元/月、|7226元/年: every end value's
            if _FIGURE_START.match(follows, 1 if follows.startswith("的") else 0) and (
                    follows.startswith("的") or text[start - 1: start] in ("从", "由")):
                # 从2020年的4.7万家、…提高到, 由1985年36.0%下降到: the year of another figure; a
                # start's span runs to the end of its clause, and the end's time is the one
                # before it, if any
                if text[start - 1: start] in ("从", "由") and not _CLAUSE_END.search(follows):
                    if not _TO.search(follows):
                        return found  # 从2021年的46503元和16935元: both the start's
                    started = True
                continue
            return found
        if kind in ("months", "part"):
            if text[start - 1: start] in ("从", "由") and _TO.search(text, match.end, at):
                # 从上半年5.5%降到|5.3%: the time of the start; the end's is one before it
                started = True
                continue
            return _with_year(found, inherited if inherited is not None else part)
        if kind == "plan":
            return found
        # whole: 全年 (the year), 年末, 年底 (its last day)
        end_of_year = found[-1:] in ("末", "底")
        before = times[index - 1] if index else None
        if before is not None and before.kind == "year" and before.end == start:
            return _whole(before.text, end_of_year)  # 2024年年末
        if inherited and not _spans_years(inherited) and (
                _YEAR_DIGITS4.search(inherited) or not month_opening(inherited)):
            # (全年 after months of no year, 11月份，…。全年…: the document's year, below)
            return _whole(inherited, end_of_year)
        if end_of_year and part and not _spans_years(part) and _YEAR_DIGITS4.search(part):
            return _whole(part, end_of_year)  # 年底 under 二、2025年工作安排: that year's end
        in_clause = start >= block.clause_start(at)
        if year and (in_clause or year == reviewed):
            # 全年 is the document's year in its clause; further back in the sentence only
            # in a document that reports its own year (a bulletin: 全年…，增长2%), not in a
            # work report, whose 全年 may be the year reviewed or the year planned
            return f"{year}年末" if end_of_year else str(year)
        if in_clause:
            return NO_PERIOD if started else None
    if started:
        return inherited or NO_PERIOD
    if other:
        return None
    return inherited


def _whole(governing: str, end_of_year: bool) -> str:
    """全年 or 年末 under ``governing`` (a year, or a time within one): the year itself, or its
    last day; a time with no year of its own (十四五) is left as it is.

    >>> _whole("2024年", True), _whole("截至2024年底", False), _whole("2025年1—11月", True)
    ('2024年末', '2024年', '2025年末')
    """
    year = _YEAR_DIGITS4.search(governing)
    if year is None:
        return governing
    return f"{year.group()}年末" if end_of_year else f"{year.group()}年"


_YEAR_TO_YEAR = regex.compile(r"(?:^|(?<=[，,。；;\s]))((?:19|20)[0-9]{2}年)[到至](?:19|20)[0-9]{2}年[，,]")  # 2020年到2025年，
_STATED_START = regex.compile(r"[从由]((?:19|20)[0-9]{2}年(?:末|底)?)的")  # 由1985年的…: a start's year


# (从全国第10位升至第5位: the area a rank is of may stand between 从 and the start value)
_START = regex.compile(r"[从由](?:全国|全省|全市|全区|全县|全州|全球|世界)?(?:平均)?的?\s*$")


_BEFORE_ADVERBIAL = regex.compile(r"[\s—" + BULLETS + r"]*(?:在|而|但|其中|同时|)[\s]*")


# what sets off a run that opens a paragraph's time: a comma, or 是 of a paragraph that says what
# the run was (这五年是…的五年。…: the sentences after it are about those years)
_RUN_SET_OFF = ("，", ",", "是")
# 过去的五年|极不平凡。: a short sentence of words alone about the run, which the paragraphs after
# it review (not 近两年…增幅居全国第1位: a figure's own sentence)
_RUN_SENTENCE = regex.compile(r"\p{Han}{2,8}[。！!；;]")  # (；: a writer's choice of stop)


def _adverbial(block: Block, time: _Time) -> bool:
    """A run of years that sets the time of its clause: it opens the clause (五年来，…,
    、近五年累计…) or ends with it (党的十八大以来，…); not 降至十年来最低 or 30年来首次."""
    text = block.text
    if text[time.end: time.end + 1] in ("，", ","):
        return True
    opener = _BEFORE_ADVERBIAL.match(text, block.clause_start(time.start), time.start)
    return opener is not None and opener.end() == time.start


def _end(time: _Time) -> int:
    return time.end


@lru_cache(maxsize=64)
def _inherited(opening: str, reviewed: int | None) -> str | None:
    """The period an opening gives the sentences after it: 这五年，… the run of years up to
    ``reviewed``, 一年来，… ``reviewed`` itself (else none), any other as it is."""
    if _RUN.fullmatch(opening):
        return _run(opening, reviewed)
    if _PAST.fullmatch(opening):
        return f"{reviewed}年" if reviewed else None
    return opening


def _with_year(period: str, governing: str | None) -> str:
    """上半年 under 2026年 is 2026年上半年: the year period_bounds would not know otherwise (a
    work report of 2026 dates what it names without a year with the year it reviews)."""
    if not governing or not _PLAIN_YEAR.fullmatch(governing):
        return period
    as_of = regex.match(_AS_OF, period)
    if as_of:
        return f"{as_of.group()}{governing}{period[as_of.end():]}"
    return f"{governing}{period}"


@lru_cache(maxsize=256)
def _spans_years(period: str) -> bool:
    """A period of more than one year (“十四五”时期, 2020年以来, 2021—2025年): not the year of 全年."""
    return ("以来" in period or _YEARS_SPANNED.search(period) is not None
            or _plan().search(period) is not None)


_YEARS_SPANNED = regex.compile(r"[12][0-9]{3}年?[—–\-－~～至到][12][0-9]{3}年")


# 上年同期为3.2%, （去年同期下降2.4%）, 由上年的9.2%, 比上年（36.9%）: a figure of the year
# before the period
_LAST_YEARS = regex.compile(
    r"(?:^|(?<=[（(，,；;：:、。\s]|而|但))(?:上年|去年|上一年)同期[^，,；;。比较于相水平占]{0,6}$"
    r"|[从由](?:上年|去年)(?:同期)?(?:末|底)?的?$|[比较](?:上年|去年)(?:同期)?(?:末|底)?[（(]$")


# (literal characters only: on the standard engine, whose call costs half of regex's)
_ONE_YEAR = re.compile(r"(?:[12][0-9]{3}|[〇零一二三四五六七八九]{4})年?")


def averages_years(left: str, clause: str, period: str) -> bool:
    """An average over years (年均增长6.3%, ``cues.toml`` average_words, in ``left``, the text
    before the figure) given one year that its ``clause`` does not write (the year of the
    paragraph or of the part): the years averaged are not that one, and the text does not say
    which they are.

    >>> averages_years("地区生产总值年均增长", "地区生产总值年均增长", "2025年")
    True
    >>> averages_years("全年增长", "2025年全年增长", "2025年"), averages_years("增长", "增长", "2025年")
    (False, False)
    """
    if _ONE_YEAR.fullmatch(period) is None or period in clause:
        return False
    found = cue_pattern("average_words").search(left)
    if found is None:
        return False
    # (年均浓度, 年平均工资: the mean over one year of a level, cues.toml annual_means, is that
    # year's; 年均增长, 年均新增: a change or a flow averaged over years)
    return not left.startswith(cue_words("annual_means"), found.end())


def averaged_span(block: Block, figure: Figure, previous: Draft | None) -> str | None:
    """The years an average over years covers when the figure right before it in its sentence
    is the change over those years since a named base (比1985年增长3.7倍，平均每年增长15.2%:
    1986—1995年, the growth's span, of which the average is one year's share); ``None`` when
    the figure before is no change over a span of years, or stands in another sentence.

    >>> from ipextract.blocks import split_blocks
    >>> from ipextract.figures import find_figures
    >>> from types import SimpleNamespace as Drafted
    >>> block = split_blocks("比2020年增长30%，年均增长5.4%。")[0]
    >>> first, second = find_figures(block, 0)
    >>> averaged_span(block, second, Drafted(kind="growth", period="2021—2025年", figure=first))
    '2021—2025年'
    """
    if previous is None or previous.kind not in _COMPARED_KINDS or not previous.period or (
            _YEARS_SPANNED.fullmatch(previous.period) is None):
        return None
    between = block.text[previous.figure.lend:figure.lstart]
    if block.sentence_start(previous.figure.lstart) != block.sentence_start(figure.lstart) or (
            _ONE_YEAR.search(between) is not None) or _base_year(block, previous.figure.lstart) is None:
        return None
    return previous.period


def settle_period(block: Block, figure: Figure, period: str | None,
                  period_from: PeriodFrom | None) -> tuple[str | None, PeriodFrom | None]:
    """The period a record gets: none for ``NO_PERIOD``, and the year before for a figure of
    last year's same period (上年同期为3.2%: 2024年 → 2023年, 2024年1—11月 → 2023年1—11月) or a
    start value of last year (由上年的9.2%); none when the period has no single year to shift
    (1—11月, “十四五”时期)."""
    if not period:
        return None, None
    at = figure.lstart
    before = block.text[max(0, at - 12):at]  # 上年 stands within 12 characters of the figure
    if not ("上年" in before or "去年" in before or "上一年" in before) or not _LAST_YEARS.search(
            block.text, block.clause_start(at), at):
        return period, period_from
    years = set(_YEAR_DIGITS4.findall(period))
    if len(years) != 1 or _spans_years(period):
        return None, None
    (found,) = years
    return period.replace(found, str(int(found) - 1)), period_from


def since_base_year(block: Block, figure: Figure, period: str | None, kind: str) -> str | None:
    """The years a growth or a change compared with a named earlier year covers (比1985年增长
    2.4倍, 与2020年相比实际增长18.6%: under 1995年, 1986—1995年): from the year after the base
    to the figure's year, as 比上年 covers the one year. ``period`` for any other figure, a
    base year not before the figure's, or a period of no single year (1—11月, a run).

    >>> from ipextract.blocks import split_blocks
    >>> from ipextract.figures import find_figures
    >>> block = split_blocks("上交税金4643.6亿元，比1985年增长2.4倍。")[0]
    >>> since_base_year(block, find_figures(block, 0)[1], "1995年", "growth")
    '1986—1995年'
    >>> since_base_year(block, find_figures(block, 0)[1], "1995年末", "growth")
    '1986—1995年'
    """
    if kind not in _COMPARED_KINDS or not period:
        return period  # (most figures: no change, or no period)
    base = _base_year(block, figure.lstart)
    if base is None:
        return period
    written = _YEAR_OR_ITS_END.fullmatch(period)
    if written is None:
        return period  # (a period of no single year, or one in Chinese numerals)
    year, since = int(written.group(1)), int(base.group(1))
    if since == year - 1 and not period.endswith(_YEAR_NAMED):
        return period  # (2024年末…比2023年末增加: a year-end stock's change over its year, its point)
    return years_since(since, period)


def _base_year(block: Block, at: int) -> regex.Match[str] | None:
    """The base year a change at ``at`` is compared with (比1985年增长…, or 与1985年相比，
    opening its sentence), its year the match's first group; ``None`` for none."""
    return _BASE_YEAR.search(block.text, max(0, at - _BASE_REACH), at) or _OPENING_BASE.match(
        block.text, block.sentence_start(at))


def years_since(since: int, period: str) -> str:
    """The years a change since the year ``since`` covers, to the year of ``period``: from the
    year after the base (比1985年增长 under 1995年: 1986—1995年); ``period`` when it is of no
    single year, or not after the base.

    >>> years_since(1985, "1995"), years_since(1985, "1995年末"), years_since(1995, "1995年")
    ('1986—1995年', '1986—1995年', '1995年')
    """
    written = _YEAR_OR_ITS_END.fullmatch(period)
    if written is None:
        return period
    year = int(written.group(1))
    return f"{since + 1}—{year}年" if since < year else period


_COMPARED_KINDS = frozenset({"growth", "change", "change_pp"})  # (比1985年提高1.1个百分点 too)
_YEAR_NAMED = "年"  # a period that ends as a year does (1995年), not as its end (1995年末)
# a period of one year (a bulletin's own is written 2024), or its end: the year and the end's word
# (1995年末: 比1985年末增长56.8％ covers 1986—1995 as well; the start of a change in 2024年末 is
# of 2023年末; a balance given for 2025 is of 2025年末)
_YEAR_OR_ITS_END = re.compile(r"(?:截至)?((?:19|20)[0-9]{2})(?:年(末|底)?)?")
_BASE_REACH = 16  # characters between a base year and the figure it is the base of, at most
# 比1985年, 较2020年末, 与1985年相比, then the verb of the change (增长, 实际增长, 提高了): no
# clause or sentence end between them
_BASE_YEAR = regex.compile(
    r"(?:比|较|与|同)((?:19|20)[0-9]{2})年(?:末|底)?(?:相比|比较)?[，,]?[^，,。；;！？]{0,8}$")


# 与1985年相比，…提高2.8个百分点，…提高10.5个百分点: a base year that opens the sentence is the
# base of every change in it
_OPENING_BASE = regex.compile(r"\s*(?:与|同|和)((?:19|20)[0-9]{2})年(?:末|底)?(?:相比|比较)[，,]")


# The verbs that state a level reached (达到, 超过, 突破, 提高到, 居…) right before a figure, with
# nothing between (the qualifier 超/近/约 is the figure's own surface)
_LEVEL_REACHED = re.compile(
    "(?:" + "|".join(longest_first((*LEVEL_REACHED_VERBS, "为", "是", "居", "位居", "稳居", "位列")))
    + ")(?:每人每月|每人每年|每月|每人|人均)?$")  # (提高到每月|815元: the unit's time)
_STEPS_CROSSED = regex.compile(r"\p{Han}{0,4}台阶")  # (…4个|万亿元台阶: a count of steps)
_STEP_COUNTER = "个"  # (not 5万亿|两个台阶: the level of a step)
# what makes a figure in a review a flow over its years, not the level at its end
_OVER_THE_RUN = re.compile(r"累计|年均|年平均|平均每年|每年|新增|净增|共计|合计|总计|总投资|[五三两]年|"
                           r"十[三四五]五|建成|新建|完成|实施|引进|培育")
_LEVEL_KINDS = frozenset({"amount", "quantity", "rate", "share", "count", "rank"})
_RATIO_KINDS = frozenset({"rate", "share"})
_HELD_THROUGH = re.compile(r"保持|稳定|控制|维持")  # a level held through the run, each year
_CLAUSE_ENDINGS = frozenset("，,、；;。！？\n")  # (and the text's end: "" is in every string)


# a qualifier that opens the figure's own surface says the level as a verb would (超过2.5万亿元)
_LEVEL_QUALIFIER = re.compile(r"超过|超|逾|近|约|达")


def level_at_run_end(period: str | None, kind: str, block: Block, figure: Figure,
                     reviewed: int | None) -> str | None:
    """The year a run of years ends in, for a level the text states reached in a review of that
    run (过去五年…地区生产总值超过2.5万亿元, 城镇化率达到67.4%, 规模居中西部第1: 2025年, the year
    of the level, not “十四五”时期); ``period`` for any other figure: a flow over the run
    (累计…, 新增…, 年均增长…, 五年建成…), a rank or level with no verb of its own, a run that
    ends in a year not reviewed (a plan's, 十五五).

    >>> from ipextract.blocks import split_blocks
    >>> from ipextract.figures import find_figures
    >>> block = split_blocks("地区生产总值超过3万亿元，五年累计新增就业310万人。")[0]
    >>> [level_at_run_end("“十四五”时期", k, block, f, 2025) for k, f in zip(("amount", "count"), find_figures(block, 0))]
    ['2025年', '“十四五”时期']
    """
    # (the cheap tests first: most figures are of one year, or of no level kind)
    if not period or kind not in _LEVEL_KINDS or reviewed is None or not _spans_years(period):
        return period
    if kind == "count" and figure.unit == _STEP_COUNTER and _STEPS_CROSSED.match(block.text, figure.lend):
        return period  # (迈上|4个|万亿元台阶: the steps crossed over the run, no level)
    start = at = block.clause_start(figure.lstart)
    # (、 or ， alike: a writer's choice between the two must not change the records)
    while at > 1 and block.text[at - 1] in _ITEM_MARKS and not block.text[at:figure.lstart].strip() and (
            earlier := _FIGURE_ENDING.search(block.text, max(0, at - 1 - _ITEM_REACH), at - 1)) is not None:
        at = earlier.start()  # (分别提升至95%左右、|93%以上: the list's verb is its later items' too)
        start = block.clause_start(at)
    clause_before = block.text[start:figure.lstart]
    surface = figure.surface
    if kind == "rank":
        stated = True
    else:
        # (…企业营收超1.4万亿元: a qualifier after a name with no verb; not 开行超2700列, 授信超…,
        # a flow's verb)
        # (长期护理险参保人员超过650万人: a verb right before the head qualifies it; 累计发送
        # 旅客…、运输货物超…: a qualifier alone in an item of a list the run's word opens is
        # no level, where 新增…、总装机达… is)
        # (分别突破300亿元和|3000亿元, 分别提高到58794元和|23184元: the verb before the list's
        # first figure is its later ones' too)
        reached = _LEVEL_REACHED.search(_EARLIER_ITEMS.sub("", clause_before)) is not None
        stated = reached or _ratio_named_alone(kind, block, figure, clause_before) or (
            _level_named_alone(kind, block, figure, clause_before)) or (
            _stock_named_alone(kind, block, figure, clause_before)) or (
            _LEVEL_QUALIFIER.match(surface) is not None and _names_a_thing(
                [token for token in _tokens(clause_before) if token != SHARE_VERB])
            and not _after_a_run_clause(block, figure))
    if not stated and clause_before.strip().endswith(cue_words("stock_totals")):
        stated = True  # 新增上市公司62家，总数|186家: the total the flow adds to, at the run's end
    # (…面积占新建建筑比重: a word of flow in the whole a share is of makes no flow of it)
    own_words = clause_before.split(SHARE_VERB, 1)[0] if kind in _RATIO_KINDS else clause_before
    if not stated or _OVER_THE_RUN.search(own_words):
        return period
    _, end = period_bounds(period, reviewed)
    return f"{reviewed}年" if end is not None and end.startswith(f"{reviewed}-12-31") else period


def _ratio_named_alone(kind: str, block: Block, figure: Figure, clause_before: str) -> bool:
    """…承诺事项兑现率95.3%: a rate or share named alone before it, closing its clause, is a
    level; not one held through the run (保持在70%以上), nor a share of what was spent over it
    (财政支出八成以上投向民生, …2.7万亿元，71%以上用于民生: a verb after it)."""
    if kind not in _RATIO_KINDS or _HELD_THROUGH.search(clause_before):
        return False
    named = _tokens(clause_before.strip(_CLAUSE_MARKS))
    if SHARE_VERB in named[1:-1] and named[-1].endswith(cue_words("share_nouns")):
        named = named[:named.index(SHARE_VERB)]  # (装配式建筑面积|占…比重超80%: the part named)
    # (…政府承诺事项兑现率|95.3%: a rate's noun right before the figure closes a name that opens
    # with its things, whatever verbs qualify them inside it; not a rate of a deed alone,
    # 办结率, 安置率 of 退役士兵: of the deeds done through the run)
    return bool(named) and (_names_a_thing(named) or named[-1].endswith(_RATE) and len(named) > 2 and (
        pos_tag(named[0]).startswith(_NOMINAL_TAGS))) and block.text[figure.lend:figure.lend + 1] in _CLAUSE_ENDINGS



def _level_named_alone(kind: str, block: Block, figure: Figure, clause_before: str) -> bool:
    """智算规模22万P, 度电排放二氧化碳0.13千克: a quantity or an amount named alone before it, closing
    its clause, by a measure of size or of intensity (cues.toml level_measure_words at the name's
    end, per_unit_openers at its start) is a level, as a rate is; a sum over the run names neither
    (五年生产原煤65亿吨)."""
    if kind not in _SIZED_KINDS or block.text[figure.lend:figure.lend + 1] not in _CLAUSE_ENDINGS:
        return False
    named = clause_before.strip(_CLAUSE_MARKS)
    return bool(named) and (named.endswith(cue_words("level_measure_words")) or named.startswith(
        cue_words("per_unit_openers"))) and _names_a_thing(_tokens(named))


_SIZED_KINDS = frozenset({"quantity", "amount"})
_STOCK_KINDS = frozenset({"quantity", "amount", "count"})
_CHAIN = 8  # clauses of figures read back for the verb a chain writes once, at most
_EVENTS = "次"  # 人次, 架次, 次: a unit of times something was done
_PHRASE_PIECE = 4  # words of a piece before a comma read as a noun of the same phrase, at most


def _stock_named_alone(kind: str, block: Block, figure: Figure, clause_before: str) -> bool:
    """生产总值5.83万亿元，财政总收入6241亿元, 国家生态文明建设示范区17个: a thing named alone
    before its figure, closing its clause, with no verb in its clause nor in the clauses of
    figures before it (办理人大代表建议…件、|政协提案…件: the first item's verb is the later ones'
    too) is what there was at the run's end; not a level held through the run (稳定在…)."""
    if kind not in _STOCK_KINDS or block.text[figure.lend:figure.lend + 1] not in _CLAUSE_ENDINGS or (
            _EVENTS in figure.unit):
        return False  # (…培训14万人次: times of something done, a flow whatever names it)
    named = clause_before.strip(_CLAUSE_MARKS)
    if not named or _HELD_THROUGH.search(named) or not _names_a_thing_alone(named):
        return False
    # (the things are a measure's, 生产总值, or bodies counted in their units, 企业…家, 示范区…个:
    # not 卫星…颗, 老街区…平方米, whose verb the segmenter may have tagged a noun)
    if not (named.endswith(cue_words("measure_endings")) or kind == "count" and figure.unit in cue_words(
            "institution_units")):
        return False
    text = block.text
    at = block.clause_start(figure.lstart)
    for _ in range(_CHAIN):
        if at < 2 or text[at - 1] not in _ITEM_MARKS:
            return True
        before = block.clause_start(at - 1)
        ending = _FIGURE_ENDING.search(text, before, at - 1)
        words = text[before:ending.start() if ending is not None else at - 1].strip(_CLAUSE_MARKS)
        tokens = _tokens(words)
        if ending is None and text[at - 1] != "、" and (len(tokens) > _PHRASE_PIECE or (
                len(tokens) > 1 and pos_tag(tokens[0]).startswith(_NOMINAL_TAGS) and any(
                    _is_verb(pos_tag(token)) for token in tokens[1:]))):
            # (a clause of words alone before a comma: no chain; nor a subject and its verb,
            # 生态环境持续改善，|国家…示范区23个)
            return True
        # (新增学位、|园位…: a noun of the same phrase, with ， as well, a writer's choice;
        # …29.1万人、|企业…: an item of a chain)
        if words and not _names_a_thing_alone(words):
            return False
        at = before
    return False


def _names_a_thing_alone(words: str) -> bool:
    """Words that name a thing with no verb of their own, nor one of counting the segmenter tags
    a noun (办理, 建设: cues.counting_verbs)."""
    tokens = _tokens(words)
    verbs = cue_set("counting_verbs") | cue_set("flow_verbs_over_lists")
    return _names_a_thing(tokens) and not any(
        token in verbs and not _inside_compound(tokens, index) for index, token in enumerate(tokens)) and not any(
        token == _NEW and _is_verb(pos_tag(after)) for token, after in pairwise(tokens))


def _inside_compound(tokens: list[str], index: int) -> bool:
    """Whether the verbal noun at ``index`` stands between two nouns, a word of a compound name
    (生态文明|建设|示范区), not the verb of the things after it (建设|高标准农田)."""
    return 0 < index < len(tokens) - 1 and pos_tag(tokens[index]) == "vn" and pos_tag(
        tokens[index - 1]).startswith(_NOMINAL_TAGS) and pos_tag(tokens[index + 1]).startswith(_NOMINAL_TAGS)


_NEW = "新"  # 新|设|企业: the segmenter's cut of a verb of flow (新设, 新招)



def _after_a_run_clause(block: Block, figure: Figure) -> bool:
    """Whether the clause before the figure's opens with a word of a run (累计发送旅客…、|运输
    货物超…; 、 or ， alike, a writer's choice that must not change the records): that word is
    the next item's too."""
    start = block.clause_start(figure.lstart)
    if start == 0 or block.text[start - 1] not in _ITEM_MARKS:
        return False  # (a clause of its own sentence, or after ；)
    before = block.clause_start(start - 1)
    # (an item of the list: a level or a flow closes it, not a growth, 年均增长4.7%，…, nor words)
    return before < start - 1 and _OVER_THE_RUN.match(block.text, before, start - 1) is not None and (
        _ENDS_WITH_AMOUNT.search(block.text, before, start - 1) is not None)


_ITEM_MARKS = frozenset("，,、")
_FIGURE_ENDING = regex.compile(r"(?<![0-9.])[0-9][0-9.]*[万亿千]*[%％‰]?\p{Han}{0,3}$")  # …至95%左右|、
_ITEM_REACH = 16  # characters of a figure item looked back at
_EARLIER_ITEMS = regex.compile(r"(?:[0-9][0-9.]*[万亿千]*[%％‰]?\p{Han}{0,3}[、，,和及与])+$")  # (95%左右、)
_ENDS_WITH_AMOUNT = regex.compile(r"[0-9][0-9.]*[万亿千]*\p{Han}{1,3}$")


# 连续8年稳定在 before 1300亿斤以上: a streak of years, and what held through it (no list mark,
# clause end or other figure between them)
_STREAK = regex.compile(
    r"连续(?P<count>[0-9]{1,3}|[一二三四五六七八九十两]{1,3})(?P<unit>年|个月|个季度)"
    r"[^、，,；;。：:（(0-9〇零一二三四五六七八九十两百千万]{0,8}$")
_MONTHS_IN = {"年": 12, "个月": 1, "月": 1, "个季度": 3, "季度": 3}  # a streak's unit, in months
STREAK_REACH = 20  # characters before a figure a streak is looked for in


def has_streak_before(text: str, at: int) -> bool:
    """Whether 连续 stands shortly before ``at``: one slice and a substring test, asked before
    :func:`streak_period` for every figure (most have no streak before them)."""
    return "连续" in text[max(0, at - STREAK_REACH):at]


def streak_period(block: Block, figure: Figure, period: str | None,
                  reviewed: int | None) -> str | None:
    """The period of a streak's length (连续6年, 连续18个月, 连续8个季度) or of what held through
    it (连续6年稳定在700亿斤以上) when ``period``, the time the figure is of, ends in a year
    already reported: the streak's years up to that one (2020—2025年 for 2025年), or its months
    (2024年7月—2025年12月). Otherwise ``period`` unchanged: a streak of a plan's years is left as
    it is.

    >>> from ipextract.blocks import split_blocks
    >>> from ipextract.figures import find_figures
    >>> block = split_blocks("粮食产量连续6年稳定在700亿斤以上，投资连续18个月增长。")[0]
    >>> [streak_period(block, f, "2025年", 2025) for f in find_figures(block, 0)]
    ['2020—2025年', '2020—2025年', '2024年7月—2025年12月']
    """
    text, at = block.text, figure.lstart
    if not period or reviewed is None or not has_streak_before(text, at):
        return period
    unit = _STREAK_UNIT.search(text, figure.lend - 2, figure.lend + 2) if text[at - 2: at] == "连续" else None
    if unit is not None:  # (连续18个月, 连续8个|季度: the figure is the streak's length)
        count = int(figure.value) if figure.value == figure.value.to_integral_value() else None
        months = _MONTHS_IN[unit.group()]
    else:
        low = max(block.clause_start(at), at - STREAK_REACH)
        found = _STREAK.search(text, low, at)
        count = _count(found.group("count")) if found is not None else None
        months = _MONTHS_IN[found.group("unit")] if found is not None else 12
    if count is None or not 2 <= count * months <= 1200:
        return period
    _, end = period_bounds(period, reviewed)
    if end is None or int(end[:4]) > reviewed:
        return period
    last = int(end[:4]) * 12 + int(end[5:7]) - 1  # (the streak's last month, counted from year 0)
    first_year, first_month = divmod(last - count * months + 1, 12)
    if first_month == 0 and end[5:7] == "12":
        return f"{first_year}—{end[:4]}年" if first_year < int(end[:4]) else period
    return f"{first_year}年{first_month + 1}月—{end[:4]}年{int(end[5:7])}月"


def years_of_change(period: str | None, kind: str, block: Block, figure: Figure,
                    reviewed: int | None) -> str | None:
    """The years a change ran over when its clause writes their count right before its verb
    (财政收入…，3年增长42.5%; 5年提高4.1个百分点), in a review of years up to ``reviewed``: the
    last that many years of the figure's period (2023—2025年 under 2021—2025年 or 2025年);
    ``period`` otherwise.

    >>> from ipextract.blocks import split_blocks
    >>> from ipextract.figures import find_figures
    >>> block = split_blocks("财政收入达到1500亿元，3年增长42.5%。")[0]
    >>> level, growth = find_figures(block, 0)[0], find_figures(block, 0)[-1]
    >>> years_of_change("2021—2025年", "amount", block, level, 2025), years_of_change("2021—2025年", "growth", block, growth, 2025)
    ('2021—2025年', '2023—2025年')
    """
    low = max(0, figure.lstart - _YEARS_OF_CHANGE_REACH)
    if not period or reviewed is None or kind not in _CHANGE_KINDS or block.text.find("年", low, figure.lstart) < 0:
        return period  # (the cheap tests first: most figures are no change, most changes name no years)
    found = _YEARS_OF_CHANGE.search(block.text, low, figure.lstart)
    count = _count(found.group(1)) if found is not None else None
    if count is None or not 2 <= count <= _MAX_YEARS_OF_CHANGE:
        return period
    _, end = period_bounds(period, reviewed)
    if end is None or end[5:] != "12-31" or int(end[:4]) > reviewed:
        return period
    last = int(end[:4])
    return f"{last - count + 1}—{last}年"


_CHANGE_KINDS = frozenset({"growth", "change", "change_pp"})
# 3年|增长, 五年|提高, 5年累计|增加 right before a figure (not 连续3年, 比2020年, 近3年…: other runs)
_YEARS_OF_CHANGE = regex.compile(
    r"(?<![0-9.连续近过去这第比较])([0-9]{1,2}|[二三四五六七八九十两])年(?:累计)?(?:增长|下降|提高|增加|减少|降低)$")
_YEARS_OF_CHANGE_REACH = 8  # characters before a figure its count of years and verb stand in
_MAX_YEARS_OF_CHANGE = 10


_STREAK_UNIT = regex.compile(r"(?:个月|个季度|月|年)(?=[^月]|$)|(?<=个)季度")


# The draft of a five-year plan a report presents, named as its own subject: 《纲要（草案）》,
# 纲要草案, 《纲要》 (not 一规划两纲要, plans in force)
_DRAFT_MARKS = ("纲要（草案）", "纲要(草案)", "纲要草案", "《纲要》")


@lru_cache(maxsize=8)
def drafted_plan(year: int | None) -> str | None:
    """The five-year plan a work report of ``year`` presents as a draft: the one that starts
    that year, “十五五”时期 in 2026; None in the other years.

    >>> drafted_plan(2026), drafted_plan(2021), drafted_plan(2025)
    ('“十五五”时期', '“十四五”时期', None)
    """
    plans = period_words().plans
    if year is None or year < plans.start or (year - plans.start) % plans.length:
        return None
    ordinal = plans.first + (year - plans.start) // plans.length
    if not 11 <= ordinal <= 19:
        return None
    return f"“十{'一二三四五六七八九'[ordinal - 11]}{plans.suffix}”时期"


def names_a_draft(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (a sentence up to a figure) names a draft plan."""
    return any(text.find(mark, start, end) >= 0 for mark in _DRAFT_MARKS)


def draft_plan_period(block: Block, sentence_start: int, figure: Figure, period: str | None,
                      period_from: PeriodFrom | None, plan: str, year: int
                      ) -> tuple[str | None, PeriodFrom | None]:
    """The period of a figure a draft plan sets, after its mark in its sentence (《纲要（草案）》
    …提出6项指标, in a report of the plan's first year ``year``): the plan's time ``plan``,
    unless the figure already has a time reaching past ``year`` (到2030年, the plan itself), a
    time of ``year`` the text gives it (今年…, 2026年，…) or one its sentence writes before it. A
    part's year or a time carried from a review (过去五年) is not the draft's."""
    if period:
        _, end = period_bounds(period, year)
        last = int(end[:4]) if end is not None else None
        if last is not None and (last > year or (last == year and period_from == "text")):
            return period, period_from
        if period_from == "text" and period in block.text[sentence_start:figure.lstart]:
            return period, period_from
    return plan, "text"


# A numbered part of a report (一、…, 第二部分…), as opposed to a point within it (（一）…).
_PART_HEADING = regex.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}(?:部分|章|篇))")


def part_period(block: Block) -> tuple[bool, str | None]:
    """Whether ``block`` opens a numbered part, and the period its heading names.

    A work report of 2026 reviews 2025 under ``一、2025年工作回顾`` and plans 2026 under
    ``三、2026年重点工作``: the year of the part, not of the title, is what its figures are
    about. The next numbered part ends it, with or without a period of its own.

    A heading with no year that names one five-year plan's time (二、“十五五”时期主要目标任务,
    一、“十四五”时期经济社会发展回顾) gives the part that time; one that names two (“十四五”
    时期发展成就和“十五五”时期主要目标任务) or names a plan in passing (推动“十五五”开好局)
    gives none.

    >>> from ipextract.blocks import split_blocks
    >>> [part_period(b) for b in split_blocks("一、2025年工作回顾\\n（一）经济\\n二、主要任务")]
    [(True, '2025年'), (False, None), (True, None)]
    >>> part_period(split_blocks("二、“十五五”时期主要目标任务")[0])
    (True, '“十五五”时期')
    """
    if block.kind != "heading" or not _PART_HEADING.match(block.text):
        return False, None
    return True, _heading_time(block.text)


def _heading_time(text: str) -> str | None:
    """The time a part's heading names: its year, else its one five-year plan's time."""
    found = _period_pattern().search(text)
    if found is not None:
        return found.group(0)
    plans = {match.group() for match in _part_plan().finditer(text)}
    return plans.pop() if len(plans) == 1 else None


_GLOSSARY_TITLE = 30  # characters at most of a glossary's title line


def is_footnote(block: Block) -> bool:
    """Whether ``block`` is a bulletin's footnote: a paragraph that opens with its mark ([63]…).

    >>> from ipextract.blocks import split_blocks
    >>> [is_footnote(b) for b in split_blocks("全年粮食产量6.9亿吨[9]。\\n[9]粮食产量包括…")]
    [False, True]
    """
    return _FOOTNOTE_MARK.match(block.text) is not None


_FOOTNOTE_MARK = re.compile(r"[\s\u3000]*\[[0-9]{1,3}\]")


def opens_glossary(block: Block) -> bool:
    """Whether ``block`` is the title of a report's glossary (名词解释, 《政府工作报告》有关内容
    名词注释: cues.glossary_titles), a line of its own: the notes after it explain programmes
    (用3年时间，引进…1万名; 建设10000个…示范户) and are of no year but one they name.

    >>> from ipextract.blocks import split_blocks
    >>> [opens_glossary(b) for b in split_blocks("附件\\n《政府工作报告》有关内容名词注释\\n1.“两重”：…")]
    [False, True, False]
    """
    text = block.text.strip()
    return len(text) <= _GLOSSARY_TITLE and any(
        text.endswith(title) for title in load_vocabulary().cues.glossary_titles)


def titled_part_period(block: Block) -> tuple[bool, str | None]:
    """Whether ``block`` titles a part of a report without a number, and the period it names.

    Some reports title their parts on lines of their own (2024年工作回顾, 2025年工作安排,
    “十五五”主要目标和2026年重点工作) and may number the sections inside them 一、二、: such
    a heading opens with its time and names a part of a report (``cues.toml`` part_titles). A
    line that names a year and no part (2025年民生实事) is none.

    >>> from ipextract.blocks import split_blocks
    >>> [titled_part_period(b) for b in split_blocks("2024年工作回顾\\n2025年民生实事\\n一、2025年工作安排")]
    [(True, '2024年'), (False, None), (False, None)]
    """
    if block.kind != "heading":
        return False, None
    text = block.text.strip()
    if (text.endswith(("：", ":")) or _PART_HEADING.match(text)
            or _number_style(text) is not None
            or not any(word in text for word in load_vocabulary().cues.part_titles)):
        return False, None
    opening = _period_pattern().match(text) or _part_plan().match(text)
    if opening is None or not opening.group():
        return False, None
    return True, _heading_time(text)


def annex_title_period(block: Block) -> str | None:
    """The year a title line opens with, read after a report's glossary: an annex of the year's
    works (2025年10件惠民实事) ends the glossary, and its numbered sections that name no time
    take that year. A line that leads into what follows (…：), a numbered heading or a long one
    is none.

    >>> from ipextract.blocks import split_blocks
    >>> [annex_title_period(b) for b in split_blocks("2025年10件惠民实事\\n一、稳定就业\\n2025年起实施。")]
    ['2025年', None, None]
    """
    if block.kind != "heading":
        return None
    text = block.text.strip()
    if len(text) > _GLOSSARY_TITLE or text.endswith(("：", ":")) or _number_style(text) is not None:
        return None
    opening = _period_pattern().match(text)
    return opening.group() if opening is not None and opening.group().endswith("年") else None


@lru_cache(maxsize=1)
def _part_plan() -> regex.Pattern[str]:
    """A five-year plan's time as a part's heading names it: “十五五”时期, 十四五期间."""
    plans = period_words().plans
    return regex.compile(rf"[“\"]?十[一二三四五六七八九]?{regex.escape(plans.suffix)}[”\"]?"
                         rf"(?:{_either(plans.whole)})")


# 2024年是极不平凡的一年, 2024年，我们…: a year that opens a paragraph as its subject or its time
_OPENING_YEAR = regex.compile(r"[\s　]*((?:19|20)[0-9]{2}年)(?=是|，|,)")


def opening_year(block: Block) -> str | None:
    """The year a paragraph opens with, when it is the paragraph's time (2024年是…, 2024年，…);
    read for the first paragraph of a numbered part whose heading names no year.

    >>> from ipextract.blocks import split_blocks
    >>> [opening_year(b) for b in split_blocks("2024年是极不平凡的一年。\\n2024年以来，增长5%。")]
    ['2024年', None]
    """
    found = _OPENING_YEAR.match(block.text)
    return found.group(1) if found else None


def balance_at_year_end(period: str | None, metric: str, in_table: bool = False,
                        growth: bool = False) -> str | None:
    """2025年末 for a balance (cues.point_measures: 存款余额; ``in_table``, a table's cell, also
    cues.table_point_measures: 住户贷款) given for 2025年 (or a bulletin's 2025): a balance is
    held at a point, and a year names none; ``period`` otherwise (a run of years, a point
    already, any other measure). A ``growth`` of loans or deposits named by nouns alone is the
    growth of their balance (绿色贷款增长32%), as in a table; an amount of them is a
    balance only there (发放创业担保贷款…亿元: lent in the year).

    >>> balance_at_year_end("2025年", "金融机构人民币存款余额"), balance_at_year_end("2025年", "新增贷款")
    ('2025年末', '2025年')
    >>> balance_at_year_end("2016", "牛年末存栏"), balance_at_year_end("2016", "新增存栏")
    ('2016年末', '2016')
    >>> balance_at_year_end("2024年", "制造业中长期贷款", growth=True), balance_at_year_end("2024年", "制造业中长期贷款")
    ('2024年末', '2024年')
    """
    if not period or not (metric.endswith(cue_words("point_measures")) or (in_table or growth and not any(
            _is_verb(pos_tag(token)) for token in _tokens(metric))) and metric.endswith(
            cue_words("table_point_measures"))) or any(marker in metric for marker in cue_words("flow_markers")):
        return period  # (新增贷款: a flow of the year; 贷款 a balance in a table or growing only)
    return _year_end(period)


def _year_end(period: str) -> str:
    """2025年末 for a plain year (2025年, or a bulletin's 2025); ``period`` otherwise."""
    year = _YEAR_OR_ITS_END.fullmatch(period)
    return f"{year.group(1)}年末" if year is not None and year.group(2) is None and (
        not period.startswith("截至")) else period


_RUNNING_TOTAL_KINDS = frozenset({"count", "amount", "quantity"})  # what a running total sums


def running_total_at_year_end(period: str | None, kind: str, block: Block, figure: Figure,
                              compared: bool, earlier: list[Draft]) -> str | None:
    """2025年末 for a running total (cues.running_total_words: 累计建成…150个, 入驻企业累计120家)
    given the year (2025年, a bulletin's 2025) by its paragraph, part or document: a sum up to
    now with no start year is what there is at the year's end, not what the year added. The
    year stays where the sum is dated (a time in its sentence before it: 全年累计…, 2023年，累计…),
    where the sentence compares with last year (``compared``: 累计完成…，比上年增长…, a flow of the
    year), where a word of flow stands between 累计 and the figure (累计…、新增40家), and for a
    growth or a share (累计下降15.2%: a change over a run the text does not give). ``earlier``:
    the records of the block's figures before this one (the items of its list).

    >>> from ipextract.blocks import split_blocks
    >>> from ipextract.figures import find_figures
    >>> block = split_blocks("累计建成城市书房86个、驿站12个，新增40个。")[0]
    >>> rooms, stations, added = find_figures(block, 0)
    >>> [running_total_at_year_end("2023年", "count", block, f, False, []) for f in (rooms, stations)]
    ['2023年末', '2023年末']
    >>> running_total_at_year_end("2023年", "count", block, added, False, [])
    '2023年'
    """
    if not period or kind not in _RUNNING_TOTAL_KINDS or compared:
        return period
    text, at = block.text, figure.lstart
    start = block.sentence_start(at)
    if not any(text.find(word, start, at) >= 0 for word in cue_words("running_total_words")):
        return period
    summed_from = _running_total_start(block, start, figure)
    if summed_from < 0 or any(draft.kind != kind for draft in _drafts_from(earlier, summed_from)):
        return period  # (a list of other measures: 累计设立基金20只，总规模300亿元)
    if _anchors().search(text, start, at) is not None and any(
            time.start < at for time in _times_in(text, start, max(at, block.sentence_end(start)))):
        return period  # (a time of its own sentence dates the sum)
    return _year_end(period)


def _drafts_from(drafts: list[Draft], start: int) -> list[Draft]:
    """The last of ``drafts`` (in the order of their figures) from the figure at ``start`` on."""
    first = len(drafts)
    while first and drafts[first - 1].figure.lstart >= start:
        first -= 1
    return drafts[first:]


def _running_total_start(block: Block, start: int, figure: Figure) -> int:
    """Where the item starts whose 累计 sums ``figure``: its own, or an item before it of the list
    it closes, each item after the 累计 naming a thing alone before its figure (累计建成…150个、
    智能工厂30家; 累计举办…、演艺、体育赛事活动600场; 、 or ， alike, a writer's choice) and no
    word of flow after the 累计 (新增…); -1 for none. Items are the block's clauses (、 ends
    one, as ， does)."""
    text, end = block.text, figure.lstart
    if block.clause_start(end) == end and not _item_names_a_thing(text[figure.lend:_clause_end(block, figure.lend)]):
        return -1  # (…，45个老旧街区改造项目加快推进: the figure opens a clause of its own)
    while True:
        item_start = max(start, block.clause_start(end))
        item = text[item_start:end]
        summed = max(item.rfind(word) for word in cue_words("running_total_words"))
        if any(marker in item[max(summed, 0):] for marker in cue_words("flow_markers")):
            return -1
        if summed >= 0:
            return item_start
        digit = _ANY_DIGIT.search(item)
        named = item[:digit.start()] if digit is not None else item
        if item_start == start or text[item_start - 1] not in _ITEM_MARKS or (
                named and not _item_names_a_thing(named)):
            return -1  # (a clause of its own: 累计建成…，开工建设…)
        end = item_start - 1


def _item_names_a_thing(words: str) -> bool:
    """Whether an item's words name a thing alone, with no verb, nor a word of a predicate the
    segmenter tags a noun (上线|行业大脑: cues.predicate_nouns)."""
    return _names_a_thing_alone(words) and cue_set("predicate_nouns").isdisjoint(_tokens(words))


@lru_cache(maxsize=256)
def is_point(period: str | None) -> bool:
    """A point in time (截至2024年底, 2023年末), not a span.

    >>> is_point("截至2024年底"), is_point("2024年"), is_point("1—11月")
    (True, False, False)
    """
    if not period:
        return False
    start, end = period_bounds(period, 2000)  # any year: only the shape of the bounds counts
    return start is not None and start == end


_HELD_KINDS = frozenset({"count", "amount", "quantity", "change"})  # what a point in time may fix


_VEHICLES = "辆"


def _share_of(metric: str, shares: tuple[str, ...]) -> str:
    """0-15岁人口 of 0-15岁人口占比: the name of what a share is a part of, its share noun off."""
    ending = max((s for s in shares if metric.endswith(s)), key=len)
    return metric[:-len(ending)]


def level_at_point(kind: str, unit: str | None, metric: str, clause: str = "", right: str = "") -> bool:
    """Whether a figure is a level that a point in time opening its paragraph fixes, in a later
    sentence (截至2021年底，…。…未成年人救助保护机构276个; 1995年末，…；负债总计5175亿元): a
    measure of what is held (cues.stock_measures), or a count of institutions named by nouns,
    with no verb of flow or of work (新增…, 救助…) nor a predicate after the figure (``right``:
    …企业入选…) — the paragraph's flows are of the year, and so is a figure whose name or
    ``clause`` has a word of flow (cues.flow_markers: 死亡人口, 当年…接入户数).

    >>> level_at_point("count", "个", "未成年人救助保护机构"), level_at_point("amount", "亿元", "负债总计")
    (True, True)
    >>> level_at_point("count", "个", "新增养老机构"), level_at_point("amount", "亿元", "工业总产值")
    (False, False)
    >>> level_at_point("count", "万人", "死亡人口"), level_at_point("count", "万户", "接入户数", "其中，当年接入户数")
    (False, False)
    >>> level_at_point("count", "家", "企业", "", "企业入选新一批老字号名单")
    False
    """
    # (a table cell named kind·row, 社会团体·省级民政部门登记: the kind is what is counted, the
    # row how it is broken down)
    metric = metric.split(TABLE_NAME_MARK, 1)[0] if TABLE_NAME_MARK in metric and kind == "count" else metric
    shares = cue_words("share_nouns")
    if kind in _RATIO_KINDS and metric.endswith(shares) and not any(
            marker in metric or marker in clause for marker in cue_words("flow_markers")):
        # (…。0-15岁人口占比17.1%: a share of what is held is held at its point too)
        return _share_of(metric, shares).endswith(cue_words("stock_measures"))
    if kind not in _HELD_KINDS or not metric:
        return False
    if any(marker in metric or marker in clause for marker in cue_words("flow_markers")):
        return False
    if kind == "change":
        # (…。与上年比较，医院增加412个: the change of a level is of the level's point)
        kind = "count"
    if metric.endswith(cue_words("stock_measures")):
        return True
    if kind == "count" and metric.endswith(_STAFF) and metric[:-len(_STAFF)].endswith(
            cue_words("institution_heads")):
        return True  # (…。乡镇卫生院人员5120人: the staff an institution has, held at its point)
    if kind == "count" and unit == _VEHICLES and metric.endswith(cue_words("vehicle_heads")):
        return True  # (…。民用汽车293.62万辆: the vehicles there are, naming/implied.py)
    if kind != "count" or unit not in cue_words("institution_units"):
        return False
    # (a count of institutions with no predicate: 5家企业入选…, 4所高校开设… count what
    # happened; a verb right before the head qualifies it, 救助保护|机构, 挂牌|企业, and so does
    # one before 的, 注册登记的…机构; a note in brackets, 9217个（不含卫生监督所）, is none)
    predicate = _NOTE_OPENING.split(right, 1)[0] if right else ""
    metric = BRACKET_NOTE.sub("", metric) or metric  # (…覆盖市（区）: the things before their note)
    return not metric.startswith("新") and _names_a_thing(_tokens(metric[metric.rfind(_OF) + 1:])) and (
        not any(_is_verb(pos_tag(token)) for token in (_tokens(predicate) if predicate else ())))


def stock_at_point_before_table(period: str | None, point: str | None, kind: str, unit: str | None,
                                metric: str) -> str | None:
    """The ``point`` that last opened a sentence of a table's section (截至2021年底，全国共有…)
    for a cell of that table given the point's year (表2 2021年…情况): the table lists what the
    paragraphs counted, and its stocks are of that point, as the paragraphs' own levels are;
    ``period`` for a flow, another year, or no such point.

    >>> stock_at_point_before_table("2019", "截至2019年底", "count", "个", "敬老院")
    '截至2019年底'
    >>> stock_at_point_before_table("2019", "截至2019年底", "count", "个", "新增养老机构")
    '2019'
    >>> stock_at_point_before_table("2018", "截至2019年底", "count", "个", "敬老院")
    '2018'
    >>> stock_at_point_before_table("2019", "截至2019年底", "count", "个", "流浪乞讨人员救助管理机构")
    '截至2019年底'
    """
    if not period or not point:
        return period
    start, end = period_bounds(period)
    if start is None or end is None or start[5:] != "01-01" or end[5:] != "12-31" or (
            period_bounds(point)[1] != end):
        return period  # (a cell of another year, or of part of one)
    # (a row of institutions is named by nouns, whatever verbs qualify them: 流浪乞讨人员救助管理机构)
    institutions = kind == "count" and unit in cue_words("institution_units") and metric.endswith(
        cue_words("institution_heads")) and not metric.startswith("新")
    return point if institutions or level_at_point(kind, unit, metric) else period


_NOTE_OPENING = re.compile(r"\s*[（(]")  # a note in brackets after a figure
_STAFF = "人员"


def _names_a_thing(tokens: list[str]) -> bool:
    """Whether words name a thing with no verb of their own: none but the verbs right before
    the last word after a noun, which qualify it (救助保护|机构, 挂牌|企业, 参保|人员; not
    实施|项目, 开行|中欧|班列, 授信: what was done).

    >>> _names_a_thing(["长期", "护理", "险", "参保", "人员"]), _names_a_thing(["开行", "中欧", "班列"])
    (True, False)
    """
    head = len(tokens) - 1
    while head > 1 and _is_verb(pos_tag(tokens[head - 1])):
        head -= 1  # (the verbs right before the head, after a noun)
    return not any(_is_verb(pos_tag(token)) for token in tokens[:head]) and not (
        tokens and _is_verb(pos_tag(tokens[-1])) and tokens[-1] not in _MEASURE_CHARACTERS)


_MEASURE_CHARACTERS = frozenset({"率"})  # 参保|率: the segmenter tags the rate's 率 a verb


_BREAKDOWN = regex.compile(r"[\s" + BULLETS + r"]*其中")


def continues_sentence(block: Block, sentence_start: int) -> bool:
    """A sentence that breaks down the one before it (其中，城镇人口…): it keeps its time.
    (A clause after ； is treated as after 。: the two are read alike, as the metamorphic
    checks require, though ； often keeps a sentence going.)

    >>> from ipextract.blocks import split_blocks
    >>> block = split_blocks("年末人口100万人。其中，城镇人口80万人；农村人口20万人。")[0]
    >>> [continues_sentence(block, at) for at in (0, 10, 22)]
    [False, True, False]
    """
    text = block.text
    if text.startswith("其中", sentence_start):
        return True
    # (asked for every figure: a sentence that opens with a letter, digit or Han character,
    # which neither the spaces nor the bullets before 其中 are, is told without the engine)
    return not text[sentence_start:sentence_start + 1].isalnum() and _BREAKDOWN.match(
        text, sentence_start) is not None


def _block_period(block: Block) -> str | None:
    """A period that opens a block's first sentence (2024年，武汉…) covers the whole block."""
    match = _period_pattern().match(block.text.lstrip(BULLETS))
    return match.group(0) if match else None


# Words before a period that opens a sentence and leave its time as it is: 各位代表，刚刚过去的
# 2025年，… opens 2025 as 2025年，… does.
_OPENING_LEAD = r"(?:各位代表[，,！!]\s*)?(?:刚刚过去的|过去的|在)?"


@lru_cache(maxsize=1)
def _openers() -> regex.Pattern[str]:
    """What opens a sentence and sets the time of the sentences after it: a period with its
    year, a five-year plan's time, a run of years (过去五年, 五年来) or the year just past
    (一年来, 过去一年: the time the part or the paragraph gives, whatever was open before);
    and, set off by a comma, months or a part of the year (12月份，…, 1—11月，…, 一季度，…),
    whose sentences after it in its paragraph are of the same months (…环比上涨的城市个数为23
    个；二手住宅…为9个), but which no later paragraph inherits (``month_opening``)."""
    kinds = dict(_time_kinds())
    return regex.compile(
        rf"{_OPENING_LEAD}(?P<year>{_period_pattern().pattern})|(?P<plan>{_plan_pattern()})"
        rf"|(?P<span>{_SPAN})|(?P<past_year>{_PAST_YEAR})"
        rf"|(?P<months>(?:{kinds['months']}|{kinds['part']}))(?=[，,])"
        rf"|(?P<year_end>{_YEAR_END})")


@lru_cache(maxsize=1)
def _opening_characters() -> frozenset[str] | None:
    """The characters an opener can start with (None when that cannot be said): a sentence
    that starts with another is not matched."""
    ranges = opening_characters(_openers().pattern)
    if ranges is None:
        return None
    return frozenset(chr(code) for low, high in ranges for code in range(low, high + 1))


@lru_cache(maxsize=1)
def _opener_markers() -> tuple[str, ...]:
    """Characters one of which every opener contains (年, the 五 of 十四五, the 月 of months, a
    character of each part of a year): a block without any is not searched; () when that
    cannot be said."""
    if not must_contain(_period_pattern().pattern, "年"):
        return ()
    markers = ["年", period_words().plans.suffix, "月"]  # (月: months, 12月份，…)
    for part in period_words().parts:  # 一季度: 度
        if not any(marker in part for marker in markers):
            markers.append(part[-1])
    return tuple(markers)


def opening_periods(block: Block, year: int | None = None) -> list[tuple[int, str | None]]:
    """The periods that open a sentence of ``block`` (2025年，全省… / 。2026年，要… / 各位代表，
    刚刚过去的2025年，…), with the offset of the sentence each opens. Each covers the sentences
    after it, in this paragraph and in the paragraphs that go on after it, until the next one:
    a reader reads a paragraph break as a pause, not as a new time.

    Only a period of the document's time covers what follows: the report's year or the year
    before it (a 2026 work report reviews 2025), a five-year plan that runs in those years
    (“十四五”时期，…), and never a day (2023年6月8日, an event). Any other opening stands for
    its own sentence and leaves the time after it unknown (``None``).

    A run of years (这五年，…, 五年来，…, ——这五年综合实力…) and the year just past (一年来，
    过去一年，…) cover what follows as written: the years they stand for are worked out for
    each figure, from the year the document reports (see ``_run``). It opens a time
    only when a comma or a point's dash sets it off: 近两年人均预期寿命增幅居全国第2位 is about
    its own sentence.

    >>> from ipextract.blocks import split_blocks
    >>> opening_periods(split_blocks("2024年末，机构2766个。其中医院387个。2025年，新增5个。")[0])
    [(0, '2024年末'), (24, '2025年')]
    >>> opening_periods(split_blocks("——五年来，新建9个。2020年以来，建成3个。一年来，新增5个。")[0], 2025)
    [(2, '五年来'), (11, None), (24, '一年来')]
    >>> opening_periods(split_blocks("“十四五”时期，年均增长5%。“十三五”时期，年均增长6%。")[0], 2026)
    [(0, '“十四五”时期'), (15, None)]
    >>> opening_periods(split_blocks("各位代表，过去的2025年，增长5%。近两年人均寿命增幅居第1位。")[0], 2026)
    [(0, '2025年')]
    """
    markers = _opener_markers()
    if markers and not any(marker in block.text for marker in markers):
        return []
    found: list[tuple[int, str | None]] = []
    pattern = _openers()
    firsts = _opening_characters()
    text = block.text
    for start in sorted({0, *block.sentence_starts}):
        sentence = start
        while start < len(text) and text[start] in _BEFORE_OPENING:
            start += 1
        match = (pattern.match(text, start) if firsts is None or text[start: start + 1] in firsts
                 else None)
        if match is None:
            continue
        if match.lastgroup == "span" and (_run_count(match.group()) is None or not (
                text[match.end(): match.end() + 1] in _RUN_SET_OFF or "—" in text[sentence:start]
                or _RUN_SENTENCE.match(text, match.end()) is not None)):
            continue  # 近几年，…, 60年来，…: a run no report reviews stands for its own sentence only
        found.append((start, _opening(match, year)))
    return found


_BEFORE_OPENING = frozenset(BULLETS + " —")  # ——这五年，…: a dash before a point


# 年末全市…存款余额…；贷款余额…: the end of the document's year opening a sentence, its point
_YEAR_END = r"(?:年末|年底)(?![0-9])"


def _opening(match: regex.Match[str], year: int | None) -> str | None:
    if match.lastgroup == "year_end":
        return f"{year}年末" if year else None
    if match.lastgroup in ("span", "past_year", "months"):
        return match.group(match.lastgroup)
    period = match.group(match.lastgroup or 0)
    return period if _covers_what_follows(period, year) else None


@lru_cache(maxsize=256)
def month_opening(period: str | None) -> bool:
    """Whether an opening period (``opening_periods``) is months or a part of a year without
    a year of its own (12月份, 1—11月, 一季度): it holds in its paragraph only.

    >>> month_opening("12月份"), month_opening("2025年"), month_opening("“十四五”时期")
    (True, False, False)
    """
    return bool(period) and _months_or_part().fullmatch(period or "") is not None


@lru_cache(maxsize=1)
def _months_or_part() -> regex.Pattern[str]:
    kinds = dict(_time_kinds())
    return regex.compile(f"{kinds['months']}|{kinds['part']}")


_YEAR_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")


def _covers_what_follows(period: str, year: int | None) -> bool:
    if "以来" in period or "日" in period:
        return False
    if _plan().match(period):
        first, last = period_bounds(period)
        return (year is None or first is None or last is None
                or (int(first[:4]) <= year and year - 1 <= int(last[:4])))
    digits = period.lstrip("截至止到").translate(_YEAR_DIGITS)[:4]
    return year is None or not digits.isdigit() or int(digits) in (year - 1, year)


# The number of a point of a report (（三）, 三、, 3., 第三节) before its heading's words, by
# its style: a point of the same style ends the one before it, whatever its block's kind.
_HEADING_NUMBER = regex.compile(
    r"\s*(?:(?P<paren>[（(][一二三四五六七八九十]{1,3}[）)])|(?P<paren_digit>[（(][0-9]{1,2}[）)])"
    r"|(?P<dun>[一二三四五六七八九十]{1,3}[、.．])|(?P<digit>[0-9]{1,2}[、.．](?![0-9]))"
    r"|(?P<chapter>第[一二三四五六七八九十]{1,3}(?:部分|章|篇|节)))?\s*")


def _heading_opening(block: Block, year: int | None) -> str | None:
    """The period a numbered heading opens with (（三）2025年1—11月主要指标), if it covers what
    follows."""
    match = _HEADING_NUMBER.match(block.text)
    if match is None or match.lastgroup is None:
        return None  # a heading without a number (2025年工作回顾) may be a title: no point's
    at = match.end()
    while at < len(block.text) and block.text[at] in BULLETS:
        at += 1
    for _, kind, _, scanner in _time_scanners():
        found = scanner.match(block.text, at)
        if found is not None:
            period = found.group()
            covers = kind in ("year", "plan") and _covers_what_follows(period, year)
            return period if covers or kind in ("months", "part") else None
    return None


# The heading periods of the last document asked for (its blocks and year): one slot
_HEADINGS: list[tuple[list[Block], int | None, list[str | None]]] = []


def forget_headings() -> None:
    """Drop the cached document (its blocks would stay alive until the next document: 60 MB
    for a yearbook in an ingest worker)."""
    _HEADINGS.clear()


def heading_period(blocks: list[Block], index: int, year: int | None = None) -> str | None:
    """The period that opens the heading ``blocks[index]`` stands under (（三）2025年1—11月主要
    指标, then its items), until the next heading; a numbered part's heading is not one of these
    (see :func:`part_period`). Worked out once for all the blocks of a document.

    >>> from ipextract.blocks import split_blocks
    >>> blocks = split_blocks("（三）2025年1—11月主要指标\\n● 增长5%\\n（四）其他\\n● 增长3%")
    >>> [heading_period(blocks, i, 2025) for i in range(len(blocks))]
    ['2025年1—11月', '2025年1—11月', None, None]
    """
    cached = _HEADINGS[0] if _HEADINGS else None
    if cached is None or cached[0] is not blocks or cached[1] != year:
        cached = (blocks, year, _heading_periods(blocks, year))
        _HEADINGS[:] = [cached]  # the last document's only
    return cached[2][index]


def _number_style(text: str) -> str | None:
    number = _HEADING_NUMBER.match(text)
    return number.lastgroup if number else None


def _heading_periods(blocks: list[Block], year: int | None) -> list[str | None]:
    found: list[str | None] = []
    current: str | None = None
    style: str | None = None  # the numbering of the heading that set ``current``
    for block in blocks:
        if block.kind == "heading":
            opens_part, _ = part_period(block)
            period = None if opens_part else _heading_opening(block, year)
            if period is not None or opens_part or ends_carried_period(block):
                current, style = period, _number_style(block.text)
        elif current is not None and style and _number_style(block.text) == style:
            current = None  # （四）其他指标, read as a line of the list above it
        found.append(current)
    return found


def ends_carried_period(block: Block) -> bool:
    """A heading ends the period carried from the paragraphs before it; a line that leads into
    what follows (重点抓了以下工作：) does not, nor a page number left in the text (—5—)."""
    return (block.kind == "heading" and not block.text.rstrip().endswith(("：", ":"))
            and _WORDS.search(block.text) is not None)


_WORDS = regex.compile(r"\p{Han}")


def _group_texts(blocks: list[Block]) -> dict[int, str]:
    """The text of each data item (the bullet and the value lines under it), built once."""
    parts: dict[int, list[str]] = {}
    for block in blocks:
        if block.section == "data" and block.kind in ("item", "line"):
            parts.setdefault(block.group, []).append(block.text.strip())
    return {group: " / ".join(texts) for group, texts in parts.items()}


def _context(block: Block, figure: Figure, group_texts: dict[int, str]) -> str:
    if block.section == "data" and block.group in group_texts:
        return group_texts[block.group]
    start = block.sentence_start(figure.lstart)
    end = block.sentence_end(figure.lstart)
    return block.text[start:end].strip()

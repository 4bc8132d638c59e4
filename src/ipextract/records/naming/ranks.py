"""The area of a rank other than the whole country, kept in the rank's name.

A rank among the provinces of a region, or in the world (``居中部第1位``, ``稳居全球第一``,
``标准西北第一``) ranks the measure in that area: the area is a column of its own, and a name
that leaves it out reads as a rank in the country. The name is the ranked measure, the area and
``位次`` (``国考断面水质优良率中部位次``); a rank in the whole country, or in the report's own
province or city, keeps the bare measure's name, as ANNOTATION.md has it.

>>> rank_in_area("研发投入强度", "研发投入强度提升至2.36%、居中部第3位", 19)
'研发投入强度中部位次'
>>> rank_in_area("地区生产总值", "地区生产总值居全国第5位", 9)
'地区生产总值'

A rank written right after a growth of the same measure, with no measure of its own
(``规上工业增加值增长8.7%、居全国第四``), ranks the growth rate: ``规上工业增加值增速``, as
``…增速居全国第3位`` would name it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

import regex

from ...blocks import MAX_REACH, Block
from ...vocabulary import load_vocabulary
from ..base import SENTENCE_STOP, Draft
from .streak import STREAK_LENGTH

# the areas that are the whole: a rank in them is the plain rank (居全国第5位)
_WHOLE = frozenset({"全国", "全省", "全市", "全区"})
_REACH = 8  # characters before a rank its area is looked for in
RANK_SUFFIX = "位次"


@lru_cache(maxsize=1)
def _areas() -> tuple[str, ...]:
    """cues.ranking_scopes without the wholes, longest first (中西部 before 西部)."""
    scopes = load_vocabulary().cues.ranking_scopes
    return tuple(sorted((s for s in scopes if s not in _WHOLE), key=len, reverse=True))


def rank_in_area(metric: str, text: str, at: int) -> str:
    """``metric`` with the area the rank at ``at`` is in, when that is a part of the country
    or the world written right before the rank (and ``第``/``前``), else ``metric``."""
    if not metric:
        return metric
    before = text[max(0, at - _REACH):at].removesuffix("第").removesuffix("前")
    area = next((a for a in _areas() if before.endswith(a)), "")
    if not area or metric.endswith(RANK_SUFFIX) or area in metric:
        return metric
    return metric + area + RANK_SUFFIX


GROWTH_RATE = "增速"
# what stands between a growth figure and a rank of it: a mark, then the rank's verb (居, 位居,
# 稳居, 跃居, 位列, 排名, 排在) and its area (全国, 中部), up to the rank's 第 or 前
# (保持全国第2位: a rank held, as 稳居 says)
_RANK_VERBS = r"(?:[稳跃位]?居于?|位列|排名?|排在|列|保持)"  # 居, 位居, 稳居, 居于, 位列, 排名, 排在, 保持
# (a streak of the rank before its verb, 连续三年|居全国第一, is the rank's years: a duration of
# its own, named elsewhere, between the growth and the rank)
_GROWTH_TO_RANK = regex.compile(rf"[、，,]\s*(?:{STREAK_LENGTH.pattern})?{_RANK_VERBS}\p{{Han}}{{0,4}}?")


def rank_of_growth(metric: str, text: str, at: int, drafts: Sequence[Draft]) -> str:
    """``metric`` + 增速 when the rank at ``at`` follows the growth of ``metric`` at once.

    >>> rank_of_growth("工业增加值", "、居全国", 4, [])
    '工业增加值'
    """
    if not metric or not drafts or metric.endswith(growth_nouns()):
        return metric
    growth = drafts[-1]
    if growth.kind == _DURATION and len(drafts) > 1:
        # (…增速年均超20%，连续三年|居全国第一: past the streak's years, where the growth was
        # written with its rate's noun; 产量增长3%，连续五年居…: a level held, as often)
        growth = drafts[-2]
        clause = text[_clause_opening(text, growth.figure.lstart):growth.figure.lstart]
        if not any(noun in clause for noun in growth_nouns()):
            return metric
    if growth.kind != "growth" or growth.metric != metric:
        return metric
    if not _GROWTH_TO_RANK.fullmatch(text, growth.figure.lend, at):
        return metric
    level = drafts[-2] if len(drafts) > 1 else None
    if level is not None and level.metric == metric and level.kind != "growth" and not (
            _SENTENCE_BREAK.search(text, level.figure.lend, growth.figure.lstart)):
        return metric  # (…注册量536万件，同比增长7.9%，居全国第2位: the stock's rank, as often)
    return metric + GROWTH_RATE


_SENTENCE_BREAK = regex.compile("[。；;！？]")
_DURATION = "duration"


def _clause_opening(text: str, at: int) -> int:
    """Where the clause ``at`` stands in opens: after the last mark of a clause before it, read
    back at most ``MAX_REACH`` characters (as ``Block.clause_start`` reads).

    >>> _clause_opening("产量增长3%，增速年均超18%", 13)
    7
    """
    reach = max(0, at - MAX_REACH)
    return max(reach, *(text.rfind(mark, reach, at) + 1 for mark in "，,；;。、"))

# a gap of a figure to the whole's (、高于全国1.9个百分点, ，快于全省…, ，高出全国平均水平…; ，快于
# 经济增速…: the growth of the whole economy): its comparing verb and the area, up to the gap
_GAP = regex.compile(r"(?P<verb>高于|快于|低于|慢于|高出|超出|超过)"
                     r"(?P<area>全国|全省|全市|全区|全州|全县|经济增速|经济增长|地区生产总值增速)"
                     r"(?:平均水平|平均)?$")
_GAP_REACH = 10  # characters before a gap its verb and area are looked for in
_GAP_OF = frozenset({"growth", "rate", "share"})  # the figures a gap in points compares


def gap_to_whole(metric: str, text: str, at: int, drafts: Sequence[Draft]) -> str:
    """The name of a gap in points to the whole's figure written right after a growth, a rate
    or a share (民间投资增长3.6%，快于全国7.1个百分点 → 民间投资增速快于全国; 城镇调查失业率4.5%、
    低于全国0.6个百分点 → 城镇调查失业率低于全国), or after a growth rate's noun (制造业投资增速
    高于全省6.7个百分点: the area the scope words took off is put back); ``metric`` for any
    other figure. The gap is no figure of the measure itself: a column of its own, as a rank in
    an area is (rank_in_area).

    >>> gap_to_whole("民间投资", "民间投资增长3.6%，快于全国7.1个百分点", 16, [])
    '民间投资'
    """
    gap = _GAP.search(text, max(0, at - _GAP_REACH), at)
    if gap is None or not metric:
        return _growth_rate_changed(_of_growth_before(metric, text, at, drafts), text, at, drafts)
    verb, area = gap.group("verb"), gap.group("area")
    if metric.endswith(verb):  # 制造业投资增速高于|全省: the area went with the scope words
        return _of_growth_before(metric + area, text, at, drafts)
    previous = drafts[-1] if drafts else None
    if previous is None or previous.kind not in _GAP_OF or previous.metric != metric or (
            previous.figure.lend < gap.start() - _GAP_MARKS) or _SENTENCE_BREAK.search(
            text, previous.figure.lend, gap.start()):
        return metric
    growth = GROWTH_RATE if previous.kind == "growth" and not metric.endswith(growth_nouns()) else ""
    return metric + growth + verb + area


def _of_growth_before(metric: str, text: str, at: int, drafts: Sequence[Draft]) -> str:
    """增长5.2%，增速比农村居民低0.9个百分点; 增长6.1%，增速高于全国1.1个百分点: a gap named by
    a growth noun and its comparison alone is the gap of the growth right before it in its
    sentence, named with that growth's name; ``metric`` otherwise."""
    if not metric or _growth_compared().fullmatch(metric) is None:
        return metric
    previous = drafts[-1] if drafts else None
    if previous is None or previous.kind != "growth" or not previous.metric or (
            _SENTENCE_BREAK.search(text, previous.figure.lend, at)):
        return metric
    return previous.metric + metric


_GAP_MARKS = 2  # characters between the figure compared and the gap's verb: a mark (、，)
# a comparison with an earlier time alone between a growth and a change in points (，快于上年,
# ，比2024年加快): the change of the growth rate
_EARLIER = r"(?:上年同期|上年|去年同期|去年|[0-9]{4}年|上月|上季度)"
_TIME_GAP = regex.compile(
    rf"\s*[，,、]?\s*(?:(?:高于|快于|低于|慢于){_EARLIER}|(?:比|较){_EARLIER}(?:加快|回落|提高|下降|放缓|减缓|"
    rf"高|低|快|慢))\s*")


def _growth_rate_changed(metric: str, text: str, at: int, drafts: Sequence[Draft]) -> str:
    """GDP增速 for 1.8个百分点 in GDP增长4%，快于2024年1.8个百分点 (or 比上年加快…): a change in
    points with no name of its own, right after a growth and a comparison with an earlier time
    alone, is the change of that growth's rate (ANNOTATION, names of the thirty-ninth session:
    against an earlier time, the growth rate's change); ``metric`` otherwise (a rate's or a
    share's change in points is of the rate itself: 失业率…，比上年下降0.2个百分点).

    >>> from types import SimpleNamespace as Drafted
    >>> growth = Drafted(kind="growth", metric="GDP", figure=Drafted(lend=9))
    >>> _growth_rate_changed("GDP", "全年GDP增长4%，快于上年1.8个百分点", 14, [growth])
    'GDP增速'
    """
    previous = drafts[-1] if drafts else None
    if previous is None or previous.kind != "growth" or not metric or previous.metric != metric or (
            metric.endswith(growth_nouns())) or not _TIME_GAP.fullmatch(text, previous.figure.lend, at):
        return metric
    return metric + GROWTH_RATE


@lru_cache(maxsize=1)
def _growth_compared() -> regex.Pattern[str]:
    """A growth noun (cues.growth_nouns) and what it is compared with, the whole name of a gap
    (增速比农村居民低, 增速高于全国)."""
    nouns = "|".join(sorted(map(regex.escape, growth_nouns()), key=len, reverse=True))
    return regex.compile(rf"(?:{nouns})(?:(?:比|较)\p{{Han}}{{1,8}}(?:高|低|快|慢)|(?:高于|快于|低于|慢于)\p{{Han}}{{1,8}})")


@lru_cache(maxsize=1)
def growth_nouns() -> tuple[str, ...]:
    """增速, 增幅, 增长率…: a name that ends so is of the growth rate already."""
    return (*load_vocabulary().cues.growth_nouns, GROWTH_RATE)


# 分别居全国第二、第七、第九 after 一产、二产、三产增加值分别增长…: the ranks of a list's figures
_RANKS_OF_A_LIST = regex.compile(rf"[，,；;]\s*分别{_RANK_VERBS}")


def ranks_of_a_list(drafts: list[Draft], blocks: list[Block]) -> None:
    """一产增加值增速 for 第三 in 一产、二产、三产增加值分别增长7%、4.8%、5.6%，分别居全国第三、
    第六、第八: a run of ranks a 分别 opens right after a run of as many figures of one sentence
    (no other figure between) ranks them item by item; a growth's rank is of its rate (增速), a
    level's keeps the level's name. Read once every figure is named (before, each rank took the
    last item's name)."""
    index = 0
    while index < len(drafts):
        draft = drafts[index]
        if draft.kind != "rank":
            index += 1
            continue
        end = index
        while end + 1 < len(drafts) and drafts[end + 1].kind == "rank" and (
                drafts[end + 1].figure.block == draft.figure.block):
            end += 1
        count = end - index + 1
        items = drafts[index - count:index] if index >= count else []
        if count > 1 and items and _ranks_follow(items, draft, blocks):
            for offset, item in enumerate(items):
                name = item.metric
                if item.kind == "growth" and not name.endswith(growth_nouns()):
                    name += GROWTH_RATE
                drafts[index + offset] = replace(drafts[index + offset], metric=name)
        index = end + 1


def _ranks_follow(items: list[Draft], first_rank: Draft, blocks: list[Block]) -> bool:
    """Whether the ranks from ``first_rank`` follow ``items`` in their sentence as their ranks:
    the items are figures of one kind and distinct names in the rank's block, and the words
    between the last item and the first rank are a clause mark and 分别 with a verb of ranking."""
    block = first_rank.figure.block
    if any(item.figure.block != block or item.kind == "rank" or not item.metric for item in items):
        return False
    if len({item.kind for item in items}) != 1 or len({item.metric for item in items}) != len(items):
        return False
    text = blocks[block].text
    between = text[items[-1].figure.lend:first_rank.figure.lstart]
    if SENTENCE_STOP.search(text, items[0].figure.lstart, first_rank.figure.lstart):
        return False
    return _RANKS_OF_A_LIST.match(between) is not None

"""The area of a rank other than the whole country, kept in the rank's name.

A rank among the provinces of a region, or in the world (``居中部第1位``, ``稳居全球第一``,
``标准西北第一``) ranks the measure in that area: the area is a column of its own, and a name
that leaves it out reads as a rank in the country. The name is the ranked measure, the area and
``位次`` (``国考断面水质优良率中部位次``); a rank in the whole country, or in the report's own
province or city, keeps the bare measure's name, as ANNOTATION.md has it.

>>> rank_in_area("研发投入强度", "研发投入强度提升至2.57%、居中部第2位", 19)
'研发投入强度中部位次'
>>> rank_in_area("地区生产总值", "地区生产总值居全国第5位", 9)
'地区生产总值'

A rank written right after a growth of the same measure, with no measure of its own
(``规上工业增加值增长9.6%、居全国第三``), ranks the growth rate: ``规上工业增加值增速``, as
``…增速居全国第3位`` would name it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import regex

from ...vocabulary import load_vocabulary
from ..base import Draft

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
_GROWTH_TO_RANK = regex.compile(r"[、，,]\s*(?:[稳跃位]?居|位列|排名?|排在|列)\p{Han}{0,4}?")


def rank_of_growth(metric: str, text: str, at: int, drafts: Sequence[Draft]) -> str:
    """``metric`` + 增速 when the rank at ``at`` follows the growth of ``metric`` at once.

    >>> rank_of_growth("工业增加值", "、居全国", 4, [])
    '工业增加值'
    """
    if not metric or not drafts or metric.endswith(growth_nouns()):
        return metric
    growth = drafts[-1]
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

# a gap of a figure to the whole's (、高于全国1.9个百分点, ，快于全省…): its comparing verb and
# the area, up to the gap
_GAP = regex.compile(r"(?P<verb>高于|快于|低于|慢于)(?P<area>全国|全省|全市|全区|全州|全县)"
                     r"(?:平均水平|平均)?$")
_GAP_REACH = 10  # characters before a gap its verb and area are looked for in
_GAP_OF = frozenset({"growth", "rate", "share"})  # the figures a gap in points compares


def gap_to_whole(metric: str, text: str, at: int, drafts: Sequence[Draft]) -> str:
    """The name of a gap in points to the whole's figure written right after a growth, a rate
    or a share (民间投资增长2.8%，快于全国9.2个百分点 → 民间投资增速快于全国; 城镇调查失业率4.5%、
    低于全国0.6个百分点 → 城镇调查失业率低于全国), or after a growth rate's noun (制造业投资增速
    高于全省6.7个百分点: the area the scope words took off is put back); ``metric`` for any
    other figure. The gap is no figure of the measure itself: a column of its own, as a rank in
    an area is (rank_in_area).

    >>> gap_to_whole("民间投资", "民间投资增长2.8%，快于全国9.2个百分点", 16, [])
    '民间投资'
    """
    gap = _GAP.search(text, max(0, at - _GAP_REACH), at)
    if gap is None or not metric:
        return metric
    verb, area = gap.group("verb"), gap.group("area")
    if metric.endswith(verb):  # 制造业投资增速高于|全省: the area went with the scope words
        return metric + area
    previous = drafts[-1] if drafts else None
    if previous is None or previous.kind not in _GAP_OF or previous.metric != metric or (
            previous.figure.lend < gap.start() - _GAP_MARKS) or _SENTENCE_BREAK.search(
            text, previous.figure.lend, gap.start()):
        return metric
    growth = GROWTH_RATE if previous.kind == "growth" and not metric.endswith(growth_nouns()) else ""
    return metric + growth + verb + area


_GAP_MARKS = 2  # characters between the figure compared and the gap's verb: a mark (、，)


@lru_cache(maxsize=1)
def growth_nouns() -> tuple[str, ...]:
    """增速, 增幅, 增长率…: a name that ends so is of the growth rate already."""
    return (*load_vocabulary().cues.growth_nouns, GROWTH_RATE)

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


@lru_cache(maxsize=1)
def growth_nouns() -> tuple[str, ...]:
    """增速, 增幅, 增长率…: a name that ends so is of the growth rate already."""
    return (*load_vocabulary().cues.growth_nouns, GROWTH_RATE)

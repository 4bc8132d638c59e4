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
"""

from __future__ import annotations

from functools import lru_cache

from ...vocabulary import load_vocabulary

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

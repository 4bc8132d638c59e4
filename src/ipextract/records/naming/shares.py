"""A share whose name says no share (no whole, no share noun): the part's name alone
(``民营企业占45.2%``, ``工业增加值8307亿元，占34.1%``, ``占全市总量的57.67%``) reads as a level
of the part, the column of its count or amount, so the share's noun is added (``民营企业占比``),
as ``民营企业占比45.2%`` would name it (corpora/ANNOTATION.md, metric rule 2).

>>> share_named("民营企业"), share_named("民营企业占全省比重"), share_named("城镇化率")
('民营企业占比', '民营企业占全省比重', '城镇化率')
"""

from __future__ import annotations

from functools import lru_cache

from ...vocabulary import load_vocabulary

SHARE_NOUN = "占比"
SUB_ITEM_OPENING = "其中"  # (…31192.0万。其中医院25462.0万人次（占81.6%）: the total's parts follow)
BRACKETED = ("（占", "(占")  # a share in a bracket right after its part
_SHARED_MEASURE = 2  # characters at least of the measure a total and its part end with (人次)


@lru_cache(maxsize=1)
def _share_endings() -> tuple[str, ...]:
    """What a share's name that says so ends with: 占比, 比重, 比例, 份额, 率."""
    return (*load_vocabulary().cues.share_nouns, "率", "占")


def share_named(metric: str) -> str:
    """``metric`` with 占比 when the name says no share (no share noun, no 占 of a whole);
    ``metric`` otherwise, and ``""`` for no name."""
    if not metric or metric.endswith(_share_endings()) or "占" in metric:
        return metric
    return metric + SHARE_NOUN


def bracketed_share(text: str, at: int) -> bool:
    """Whether the share at ``at`` of ``text`` is written in a bracket right after its 占:
    …25462.0万人次（占81.6%）."""
    return text.endswith(BRACKETED, 0, at)


def shared_measure(total: str, part: str) -> bool:
    """Whether a total's name and a part's end with the same measure, two characters or more,
    and differ before it (医疗卫生机构入院人次, 医院入院人次).

    >>> shared_measure("医疗卫生机构入院人次", "医院入院人次"), shared_measure("床位", "医院床位")
    (True, True)
    """
    if not total or not part or total == part:
        return False
    shared = 0
    while shared < min(len(total), len(part)) and total[-1 - shared] == part[-1 - shared]:
        shared += 1
    return shared >= _SHARED_MEASURE


def share_of_total(part: str, total: str) -> str:
    """The name of a part's share of the total it is listed under.

    >>> share_of_total("医院入院人次", "医疗卫生机构入院人次")
    '医院入院人次占医疗卫生机构入院人次的比重'
    """
    return f"{part}占{total}的比重"

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

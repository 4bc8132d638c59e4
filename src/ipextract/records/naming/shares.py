"""A share written as its part and 占 right before the figure, no whole and no share noun
(``民营企业占45.2%``, ``社区卫生服务站占97.1%``): the part's name alone reads as a count of it, so
the share's noun is added (``民营企业占比``), as ``民营企业占比45.2%`` would name it.

>>> bare_share_named("民营企业", "其中，民营企业占45.2%", 8)
'民营企业占比'
>>> bare_share_named("民营企业", "民营企业占全部的45.2%", 8)
'民营企业'
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ...vocabulary import load_vocabulary

SHARE_NOUN = "占比"
# 占, 约占, 占了, 仅占 right before the figure (a whole between would have been named with it)
_BARE_SHARE_VERB = regex.compile(r"(?:约|仅|只|已|共)?占了?\s*$")
_REACH = 4  # characters before the figure the verb is looked for in


@lru_cache(maxsize=1)
def _share_endings() -> tuple[str, ...]:
    """What a share's name that says so ends with: 占比, 比重, 比例, 份额, 率."""
    return (*load_vocabulary().cues.share_nouns, "率", "占")


def bare_share_named(metric: str, text: str, at: int) -> str:
    """``metric`` with 占比 when the share at ``at`` follows its 占 at once and the name says no
    share; ``metric`` otherwise."""
    if not metric or metric.endswith(_share_endings()) or "占" in metric:
        return metric
    if _BARE_SHARE_VERB.search(text[max(0, at - _REACH):at]) is None:
        return metric
    return metric + SHARE_NOUN

"""An industry that grows with no measure of its own grows in value added: a bulletin's
``分行业看，汽车制造业增长12.3%`` and a plan's ``能源工业增长6.5%以上`` mean the industry's value
added (``汽车制造业增加值``), as the statistics of industry count growth. Not where the sentence
names another measure before the figure (``工业投资增长9.2%，其中制造业增长…``: its investment,
which the parallel measure names first), nor in a sentence of prices (``其中，重工业上涨12.8%``
after a producer price index), nor in a table's cell (``…投资·制造业``), nor for
enterprises, which grow in number.

>>> industry_growth_named("汽车制造业", "分行业看，汽车制造业增长")
'汽车制造业增加值'
>>> industry_growth_named("制造业", "全市工业投资增长9.2%，其中制造业增长")
'制造业'
>>> industry_growth_named("重工业", "其中，轻工业上涨2.5%，重工业上涨")
'重工业'
"""

from __future__ import annotations

from functools import lru_cache

from ...vocabulary import load_vocabulary

VALUE_ADDED = "增加值"
# a price's rise (…出厂价格…。其中，轻工业上涨3.5%，重工业上涨12.8%): no value added
_PRICE_WORDS = ("上涨", "下跌", "价格", "指数", "涨幅", "跌幅")
_TABLE_CELL = "·"  # 500万元以上固定资产投资·制造业: a row and a column, named by the table


@lru_cache(maxsize=1)
def _other_measures() -> tuple[str, ...]:
    return tuple(m for m in load_vocabulary().cues.measure_nouns if m != VALUE_ADDED)


def industry_growth_named(metric: str, sentence: str) -> str:
    """``metric`` with 增加值 when it names an industry (cues.industry_endings) and ``sentence``,
    its sentence up to the figure, names no other measure; ``metric`` otherwise."""
    if not metric.endswith(load_vocabulary().cues.industry_endings) or _TABLE_CELL in metric or (
            any(measure in sentence for measure in _other_measures())) or (
            any(word in sentence for word in _PRICE_WORDS)):
        return metric
    return metric + VALUE_ADDED

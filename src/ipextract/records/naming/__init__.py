"""The naming stage: the metric name and the ``of`` link of every figure, by the rules written
down in ``corpora/ANNOTATION.md`` (1 the words before the figure, 2 the figure it describes, 3
the noun counted after it, 4 the data-list label, and the 分别 lists).

Its typed intermediate is :class:`~.analysis.PhraseAnalysis`: ``draft_records`` analyses the
words around each figure once (:func:`~.analysis.analyse`), and the kind, the name, the scope,
the subject, the status and the basis are read off that one value. The modules, in the order a
figure goes through them:

* ``analysis``: the figure's clause, the words before and after it, whether it goes on a list,
  its kind, sign and qualifier, the subject of its clause, and the status and basis
  cues before it in its sentence;
* ``phrase``: the name a phrase gives (:func:`clean_metric`: scope words, periods, verbs and
  link words off), and the word tests the other modules share;
* ``counted``: the noun counted after a figure (6家|中华老字号);
* ``metric``: the figure's own name, from the words before it or the noun after it;
* ``lists``: the items of a 分别 list and of an enumeration, each figure given its own;
* ``sentence``: the name when the figure's own words name nothing (the figure it describes,
  the level before it, the sentence's subject) and the adjustments the figures before it in
  its sentence make (其中 items, a flow's stock, a rate of the things just counted);
* ``topic``: the body a clause with no subject goes on about (国有企业实现营业收入…，上缴税费…),
  and the owner a bare measure takes from the item before it (高铁发送旅客…、运输货物…);
* ``reach``: the works a reach or a drive is of (改造老旧小区640个、惠及居民…);
* ``fills``: the passes over all the drafts of a document (shared nouns of an enumeration,
  attributes of the institutions counted before them, the scope of a whole a sentence opens
  with, the investment or the sum of the things counted before it);
* ``totals``: the scope of a total given to its parts listed after 其中 (省级以上奖牌…，其中金牌…);
* ``areas``: the area a sentence opens with (公路方面，…) given to its bare measures and generic
  heads (新开工公路项目).

>>> from ipextract import extract
>>> text = "上海市2029年国民经济和社会发展统计公报\\n其中，浦东新区规模以上工业企业增加值按可比价格计算增长6.1%。"
>>> [(r.metric, r.kind, r.scope, r.subject, r.status, r.basis) for r in extract(text).records]
[('规模以上工业企业增加值', 'growth', '浦东新区', '规模以上工业企业', 'actual', 'real')]
"""

from __future__ import annotations

from .analysis import PhraseAnalysis, analyse
from .fills import (
    _attributes_of_institutions,
    _fill_shared_nouns,
    _scope_of_opening_whole,
    _states_of_a_panel,
    _totals_of_things_counted,
    named_in_a_panel,
)
from .lists import MAX_CHAIN, _respective
from .phrase import _NAME_ENDINGS, _phrase_patterns, _scope_prefix, _strip_scope_prefixes, clean_metric
from .reach import reach_openers, reach_owner
from .sentence import _name, reach_of_each
from .topic import casualties_of_events, owner_carried, topic_carried
from .totals import _scope_of_total_parts

__all__ = [
    "MAX_CHAIN",
    "_NAME_ENDINGS",
    "PhraseAnalysis",
    "_attributes_of_institutions",
    "_fill_shared_nouns",
    "_name",
    "_phrase_patterns",
    "_respective",
    "_scope_of_opening_whole",
    "_scope_of_total_parts",
    "_scope_prefix",
    "_states_of_a_panel",
    "_strip_scope_prefixes",
    "_totals_of_things_counted",
    "analyse",
    "casualties_of_events",
    "clean_metric",
    "named_in_a_panel",
    "owner_carried",
    "reach_of_each",
    "reach_openers",
    "reach_owner",
    "topic_carried",
]

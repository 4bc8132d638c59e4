"""The things built whose capacity a bare measure of capacity added right after them is: 新改扩建义务
教育学校45所、新增学位2.8万个 (the places are the schools': 义务教育学校新增学位), 6个县通了高速公路，新增
里程320公里 (高速公路新增里程). The measures and the heads of what has them are vocabulary (cues.toml
``capacity_of_facilities``: 学位 of schools, 床位 of hospitals and homes, 里程 of roads…); the things
are the noun phrase that ends with such a head in the clause right before the measure's, within
its sentence. Not a measure with no 新增 (床位增加…: a stock's change, of the sentence's subject),
nor one whose clause before names no such thing (招引企业30家、新增床位…) or names it only inside
a longer compound (推进12个在建高速公路项目建设，新增通车里程…: the projects' road is not yet open).
"""

from __future__ import annotations

from functools import lru_cache

from ...blocks import Block
from ...vocabulary import load_vocabulary
from ...vocabulary.lexicon import pos_tag
from ..base import _NOMINAL_TAGS, _tokens

_ADDED = "新增"
_NUMERALS = frozenset("一二两三四五六七八九十百千")  # a count of the things in words (学校十所)
_JOINS = frozenset({"和", "及", "与", "、"})  # 中小学和幼儿园: things joined, one phrase


@lru_cache(maxsize=1)
def _capacities() -> dict[str, tuple[str, ...]]:
    return dict(load_vocabulary().cues.capacity_of_facilities)


def capacity_of_things_built(metric: str, block: Block, clause_start: int, sentence_start: int) -> str:
    """``metric``, a bare measure of capacity added (新增学位), named by the things built in the
    clause of ``block`` right before ``clause_start`` (see the module); ``metric`` otherwise.

    >>> from ipextract.blocks import split_blocks
    >>> block = split_blocks("新改扩建义务教育学校45所、新增学位2.8万个。")[0]
    >>> capacity_of_things_built("新增学位", block, 14, 0)
    '义务教育学校新增学位'
    """
    heads = _capacities().get(metric.removeprefix(_ADDED)) if metric.startswith(_ADDED) else None
    if not heads or clause_start <= sentence_start + 1:
        return metric
    # (the block's clauses: a 、 ends one, as ， does, but not inside a quotation or a class's name)
    before = max(block.clause_start(clause_start - 1), sentence_start)
    tokens = _tokens(block.text[before:clause_start - 1])
    # (the head closes the things: the clause's end or their count follows, not a longer compound,
    # 在建高速公路|项目: projects, whose mileage is not yet open)
    last = next((at for at in range(len(tokens) - 1, -1, -1) if tokens[at].endswith(heads) and (
        at == len(tokens) - 1 or tokens[at + 1][:1].isdigit() or tokens[at + 1][:1] in _NUMERALS)), None)
    if last is None:
        return metric
    first = last
    # (the words of a noun phrase, whatever the segmenter tags them, 幼儿园 a name, 福利 a place: a
    # verb, a numeral, a measure word or 的 ends it)
    while first > 0 and (pos_tag(tokens[first - 1]).startswith(_NOMINAL_TAGS) or (
            tokens[first - 1] in _JOINS and first > 1 and pos_tag(tokens[first - 2]).startswith(_NOMINAL_TAGS))):
        first -= 1
    return "".join(tokens[first:last + 1]) + metric

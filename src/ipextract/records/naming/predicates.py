"""A predicate written once after a list of counted things (16个街区、240座立交桥、90条城市画廊|
实现绿化彩化): what the last item's things did, every item's things did, so each item's name
keeps it (街区实现绿化彩化), as the last item's does (corpora/ANNOTATION.md, metric rule 3).

Read after every figure is named: the last item's name holds the predicate (naming/counted.py
short_predicate) only once the items before it are named by their things alone.
"""

from __future__ import annotations

from dataclasses import replace

from ...blocks import Block
from ...vocabulary import cue_set
from ...vocabulary.lexicon import pos_tag
from ..base import _NOMINAL_TAGS, Draft, _tokens
from .counted import _right_noun
from .phrase import verbs_over_lists

# what stands between two counted items of one list (not ，: a count after it as often opens a
# clause of its own, whose verb the text leaves out: …，18个服务区出入口，3个县获评…)
_ITEM_JOINS = ("、", "和", "及", "与")


def predicate_over_counted_items(drafts: list[Draft], blocks: list[Block]) -> None:
    """Give the predicate the last item of a list of counts holds to the items before it that
    are named by their things alone, in place.

    >>> from ipextract import extract
    >>> [r.metric for r in extract("16个街区、240座立交桥、90条城市画廊实现绿化彩化。").records]
    ['街区实现绿化彩化', '立交桥实现绿化彩化', '城市画廊实现绿化彩化']
    """
    run: list[int] = []  # the drafts of the list read so far, each its count and its things
    for index, draft in enumerate(drafts):
        if draft.kind != "count" or draft.metric_from != "after" or not draft.metric:
            _give_predicate(drafts, blocks, run)
            run = []
            continue
        if run:
            before = drafts[run[-1]]
            text = blocks[draft.figure.block].text
            between = text[before.figure.lend:draft.figure.lstart] if (
                before.figure.block == draft.figure.block) else ""
            if not (between.endswith(_ITEM_JOINS) and between[:-1] == before.metric):
                _give_predicate(drafts, blocks, run)
                run = []
        run.append(index)
    _give_predicate(drafts, blocks, run)


def _things(draft: Draft, blocks: list[Block]) -> str:
    """The things a count counts, read after it to its clause's end (naming/counted.py)."""
    text = blocks[draft.figure.block].text
    return _right_noun(text[draft.figure.lend:draft.figure.lend + _CLAUSE_READ], True)


_CLAUSE_READ = 40  # characters after a count read for its things


def _give_predicate(drafts: list[Draft], blocks: list[Block], run: list[int]) -> None:
    """The predicate of the last draft of ``run`` (its name past the things it counts, opening
    with a verb), given to the drafts before it that are named by their things alone."""
    if len(run) < 2 or not _opens_as_subject(drafts[run[0]], blocks):
        return
    last = drafts[run[-1]]
    things = _things(last, blocks)
    predicate = last.metric[len(things):] if things and last.metric.startswith(things) else ""
    words = _tokens(predicate) if len(predicate) >= _SHORTEST_PREDICATE else []
    # (the predicate opens with a verb that is no word of a compound noun: not 育种|场; 荣获,
    # which the segmenter tags a name, is a verb of lists)
    if not words or not (pos_tag(words[0]).startswith("v") or words[0] in verbs_over_lists()) or (
            len(words) > 1 and words[1] in cue_set("compound_heads")):
        return
    heads = cue_set("compound_head_nouns") | cue_set("programme_items")
    for index in run[:-1]:
        item = drafts[index]
        # (an item named by its things alone, a noun closing it: not 企业提档升级, a predicate
        # of its own the segmenter reads into the noun)
        # (and no verb inside it: 职业院校|升格|本科, a clause of its own the segmenter reads as
        # a compound)
        # (a verb right before the head of a compound is its word: 矿山|修复|项目, 科技|创新|成果)
        words = _tokens(item.metric)
        if _things(item, blocks) == item.metric and pos_tag(words[-1]) in _NOUN_TAGS and not any(
                pos_tag(word) == _VERB and not (at == len(words) - 2 and words[-1] in heads)
                for at, word in enumerate(words)):
            drafts[index] = replace(item, metric=item.metric + predicate)


# a noun's tags (not vn, an: a verbal noun may be a predicate)
_NOUN_TAGS = frozenset(_NOMINAL_TAGS) - {"vn", "an"}
_VERB = "v"  # the tag of a verb (not vn: a verbal noun inside a name, 检验|结果)


_SHORTEST_PREDICATE = 2  # characters: 启用, 退出


def _opens_as_subject(first: Draft, blocks: list[Block]) -> bool:
    """Whether the first count of a list opens its clause as the subject of what follows: no
    verb before it in its clause (营商环境评价|8个…: a topic, not an action), or only one that
    carries the things to the predicate (推动7个…枢纽、4个…基地|提质升级: cues.carrier_verbs);
    not a count after a verb of its own (新开通28个…出入口，18个…: the object of another clause)."""
    block = blocks[first.figure.block]
    before = block.text[block.clause_start(first.figure.lstart):first.figure.lstart]
    carriers = cue_set("carrier_verbs")
    return not any(pos_tag(word) == _VERB and word not in carriers for word in _tokens(before)) if (
        before) else True

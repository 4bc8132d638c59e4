"""The topic a short opening clause names for the bare measure after it: 新医药产业加快发展，产值增长
12% (the output is the industry's: 新医药产业产值), 经营主体稳中培优。总量达1238.6万户 (经营主体总量).
A measure that names nothing alone (cues.toml ``topic_measures``: 总量, 产值, 利润, 播种面积…)
opening its clause takes the subject of the clause right before it, when that clause opens its
sentence, holds no figure and is that subject and a predicate (a verb, an adverb, an idiom: how
the thing went); a verbal noun closing the subject is its activity, no word of the owner
(粮食|生产|再创新高，播种面积… → 粮食播种面积). Not a topic of the economy or of work at large
(经济运行稳中向好，产值…: cues.toml ``abstract_topics``), nor a place alone.

The opening clause may open with a count of the things that are its subject (164条县域重点产业链
强链补链延链，产值占全省比重… → 县域重点产业链产值占全省比重), and the measure may be the share such
a measure takes (规模占比, 产值占全省比重). The opening clause may also be its subject and a flow
of the subject's with a figure (乡村民宿接待
游客120万人次，实现综合收入8亿元 → 乡村民宿综合收入: every figure of it named by the subject and
a verb), and the measure's clause may open with a verb of reaching a result (cues.toml
``topic_link_verbs``). Enterprises counted after an industry's opening clause (a topic that ends
with cues.toml ``industry_heads``) are the industry's (生物医药产业突破发展，骨干企业300家).
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ...blocks import Block
from ...vocabulary import load_vocabulary
from ...vocabulary.lexicon import pos_tag
from ..base import COUNT_OF_THINGS, Draft, _tokens, _word_sets

_OPENING_MARKS = frozenset("，,。；;")  # what ends the opening clause before the measure's
_PREDICATE_TAGS = ("v", "d", "a", "l", "i")  # what opens the opening clause's predicate
_MIN_TOPIC = 2  # characters
_ENTERPRISES = "企业"  # what an industry's count is of (骨干企业, 规上企业)
_ITEM_DASHES = "—－-–•·● "  # what opens a bullet item before its words
_LIST_MARK = "、"
_SHARE_VERB = "占"  # 产值|占|全省比重: the measure before it, the whole after
_MAX_PASSED = 3  # clauses of a topic's other measures a measure may follow its topic past
# a time alone that opens the sentence before the opening clause (2025年，新医药产业加快发展，…)
_TIME_OPENING = regex.compile(r"[\s　]*(?:[0-9〇零一二三四五六七八九十]{2,4}年(?:末|底|以来)?|全年|今年|去年|过去一年)[，,][\s　]*")
_PLACE_TAGS = ("ns", "s", "f")  # a place or a locative alone is no owner
# the words of a subject: nouns, verbal nouns, words of kind (not an idiom, 再创新高, which the
# segmenter tags as it tags a name, nor a place: they open the predicate or are no owner)
_SUBJECT_TAGS = ("n", "vn", "b", "j", "eng", "nz", "an", "ng", "nt")


@lru_cache(maxsize=1)
def _topic_measures() -> frozenset[str]:
    return frozenset(load_vocabulary().cues.topic_measures)


def topic_of_opening(metric: str, block: Block, clause_start: int, said: str,
                     block_drafts: list[Draft]) -> str:
    """``metric`` with the topic of the opening clause before it (see the module), where
    ``metric`` is a bare topic measure that ``said``, the words of its clause before the
    figure, opens with; ``metric`` otherwise.

    >>> from ipextract.blocks import split_blocks
    >>> block = split_blocks("新医药产业加快发展，产值增长12%。")[0]
    >>> topic_of_opening("产值", block, 10, "产值增长", [])
    '新医药产业产值'
    >>> block = split_blocks("数字经济加快发展，规模占比超过49%。")[0]
    >>> topic_of_opening("规模占比", block, 9, "规模占比超过", [])
    '数字经济规模占比'
    """
    cues = load_vocabulary().cues
    opened = _after_link_verb(said.lstrip("，,；;。 "))
    enterprises = metric.endswith(_ENTERPRISES)
    # (规模|占比超过49%, 产值|占全省比重…: the share a topic measure takes of the whole is the
    # topic's too)
    measured = next((metric[:-len(s)] for s in cues.share_nouns if metric.endswith(s)), metric)
    measured = measured.split(_SHARE_VERB, 1)[0] if measured != metric else measured
    if measured not in _topic_measures() and not enterprises or not opened.startswith(metric):
        return metric
    text = block.text
    if clause_start < 2 or text[clause_start - 1] not in _OPENING_MARKS and text[clause_start - 1] != _LIST_MARK:
        return metric
    start, end = block.clause_start(clause_start - 2), clause_start - 1
    passed = 0  # clauses of the topic's other measures passed over
    while _opens_with_topic_measure(text[start:end]):
        # (粮食生产再创新高。播种面积…，单产…，|总产量…: a clause of another bare measure
        # goes on about the same topic)
        if passed == _MAX_PASSED or start < 2 or text[start - 1] not in _OPENING_MARKS:
            return metric
        start, end = block.clause_start(start - 2), start - 1
        passed += 1
    opening = block.sentence_start(end - 1)
    if start != opening and _TIME_OPENING.fullmatch(text, opening, start) is None:
        return metric  # (the clause of the topic must open its sentence, after its time)
    # (a count that opens the clause, before the things it counts: 164条|县域重点产业链…)
    clause = text[start:end]
    counted = COUNT_OF_THINGS.match(text, start + len(clause) - len(clause.lstrip()), end)
    if counted is None and text[clause_start - 1] == _LIST_MARK:
        return metric  # (、 joins a measure to the clause of a count only: …强链补链延链、产值…)
    # (164条|县域重点产业链强链补链延链，产值…: the things a count opening the clause counts, and
    # how they went, are the topic as a subject alone is)
    topic = _subject_before_predicate(text[counted.end() if counted else start:end])
    if not topic or enterprises and not topic.endswith(cues.industry_heads) or not all(
            _flow_of(d.metric, topic) or counted is not None and d.figure.lstart == counted.start()
            for d in block_drafts if start <= d.figure.lstart < end):
        return metric  # (a figure of the opening clause: only the topic's flow, 乡村民宿|接待游客)
    return topic + metric


def _opens_with_topic_measure(clause: str) -> bool:
    """Whether a clause opens with a bare topic measure (cues.topic_measures), after its link
    verb (播种面积达到…, 实现产值…)."""
    return _after_link_verb(clause.lstrip()).startswith(tuple(_topic_measures()))


def _after_link_verb(said: str) -> str:
    """``said`` without the verb of reaching a result it opens with (实现|综合收入…:
    cues.topic_link_verbs)."""
    verbs = load_vocabulary().cues.topic_link_verbs
    return said.removeprefix(next((verb for verb in verbs if said.startswith(verb)), ""))


def _flow_of(name: str, topic: str) -> bool:
    """Whether ``name`` is ``topic`` and a verb of its flow and what flows (乡村民宿|接待|游客).

    >>> _flow_of("乡村民宿接待游客", "乡村民宿"), _flow_of("规上工业增加值", "规上工业")
    (True, False)
    """
    rest = name.removeprefix(topic)
    return rest != name and bool(rest) and pos_tag(_tokens(rest)[0]) == "v"


def _subject_before_predicate(clause: str) -> str:
    """新医药产业 of 新医药产业加快发展, 粮食 of 粮食生产再创新高: the nouns that open ``clause``
    (past scope words) when a predicate follows them, a verbal noun closing them left out;
    ``""`` when the clause is no such subject and predicate.

    >>> _subject_before_predicate("粮食生产再创新高"), _subject_before_predicate("经济运行稳中向好")
    ('粮食', '')
    """
    tokens = _tokens(clause.strip().lstrip(_ITEM_DASHES))  # (——粮食生产…: a bullet's dash)
    scope = _word_sets()["scope"]
    at = 0
    while at < len(tokens) and tokens[at] in scope:
        at += 1
    opening = at
    if at + 1 < len(tokens) and pos_tag(tokens[at]) == "a" and pos_tag(tokens[at + 1]).startswith(_SUBJECT_TAGS):
        at += 1  # (新|医药产业: an adjective opening the noun)
    while at < len(tokens) and pos_tag(tokens[at]).startswith(_SUBJECT_TAGS) and tokens[at] not in scope:
        at += 1
    if at == len(tokens) and at - opening >= 3:
        # (人工智能产业|突破|发展: two verbal nouns closing nouns say how the things went)
        run = at
        while run > opening and pos_tag(tokens[run - 1]) == "vn":
            run -= 1
        if at - run >= 2 and run > opening and pos_tag(tokens[run - 1]) == "n":
            at = run
    if at == opening or at >= len(tokens) or not pos_tag(tokens[at]).startswith(_PREDICATE_TAGS):
        return ""
    end = at
    while end > opening + 1 and pos_tag(tokens[end - 1]) == "vn":
        end -= 1  # (粮食|生产: the thing's activity, the owner is the thing)
    taken = tokens[opening:end]
    topic = "".join(taken)
    cues = load_vocabulary().cues
    if len(topic) < _MIN_TOPIC or topic in cues.abstract_topics or taken[0] in cues.abstract_topics or (
            all(pos_tag(token).startswith(_PLACE_TAGS) for token in taken)):
        return ""
    return topic


__all__ = ["topic_of_opening"]

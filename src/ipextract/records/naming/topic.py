"""Topic chains: a clause with no subject of its own goes on about the body its sentence named
(国有企业实现营业收入5200亿元，上缴税费310亿元: the taxes are the state firms'). Read after a
figure is named, from the drafts of its sentence before it (:func:`topic_carried`).

The carry is narrow, since most clauses without a subject are of the region (a work report's
规上工业增加值增长7.5%，固定资产投资增长6.8%): the later clause names only a measure a body
has of its own (cues.body_measures: 利润总额, 上缴税费, 营业收入利润率), and the figure before
it that names a subject is a measure of that body, opened by it (国有企业|营业收入; not a count
of the bodies, 高新技术企业数量, nor a name that opens with a verb, 新设外资企业). A clause that
opens with a scope (全市, 全社会, 其中) or names a place, a subject or an owner of its own
(制造业营业收入) carries nothing, and the chain stops at a full stop (not at ；: a bulletin parts
the facets of one body's results so, 每百元营业收入中的成本…；营业收入利润率…) and at a figure
named by its own words with no subject.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...vocabulary import load_vocabulary
from ...vocabulary.lexicon import pos_tag
from ..base import BASE_KINDS, Draft, _tokens
from ..scope import subject
from .analysis import PhraseAnalysis
from .phrase import _HAN_WORDS, _NAME_ENDINGS

_TOPIC_KINDS = BASE_KINDS | {"growth"}  # a level of the body's measure, or its growth
_COUNTS = ("数量", "数", "总数")  # 高新技术企业数量: a count of the bodies, no measure they have
_MIN_TOPIC = 3  # characters: 企业 or 高校 alone is too general a topic to carry (国有企业, 省属企业)
_FULL_STOP = re.compile("[。！？!?]")
_CLAUSE_MARKS = "，,、；;：: \u3000"


@lru_cache(maxsize=1)
def _body_measures() -> tuple[str, ...]:
    return load_vocabulary().cues.body_measures


def _body_measure(name: str) -> bool:
    """利润总额, 上缴税费, 实现利润: one of a body's measures (cues.body_measures) alone or after
    verbs, with no owner or thing of its own before it (not 制造业营业收入, 工业投资).

    >>> _body_measure("上缴税费"), _body_measure("营业收入利润率"), _body_measure("制造业营业收入")
    (True, True, False)
    """
    measures = _body_measures()
    if not name.endswith(measures):
        return False  # (most names: one test of the name's end, asked for most figures)
    return _verbs_before_measure(name, measures)


@lru_cache(maxsize=1 << 12)
def _verbs_before_measure(name: str, measures: tuple[str, ...]) -> bool:
    if not _HAN_WORDS.fullmatch(name):
        return False
    # (the longest measure ending the name: 营业收入利润率, not 利润率 after a noun)
    start = len(name) - max(len(m) for m in measures if name.endswith(m))
    return all(pos_tag(token).startswith("v") for token in _tokens(name[:start]))


def _opens_with_scope(clause: str) -> bool:
    """全市, 其中, 全社会, 居民…: a clause that opens with a place, a part or a whole of its own."""
    cues = load_vocabulary().cues
    opening = clause.lstrip(_CLAUSE_MARKS)
    time_words = cues.time_scope_words
    return opening.startswith((*(w for w in cues.scope_words if w not in time_words),
                               *cues.sub_item_markers, *cues.list_own_openers,
                               *cues.list_area_scopes, *cues.scope_populations))


def _topic(draft: Draft) -> str:
    """国有企业 of 国有企业营业收入 (subject 国有企业), 大中型工业企业 of 大中型工业企业利润
    (subject 工业企业): the words that open the draft's name, through its subject, when the rest
    is a measure of that body; ``""`` when the name is no such measure."""
    subject = draft.subject
    if not subject or draft.kind not in _TOPIC_KINDS or draft.metric_from != "before":
        return ""
    name = draft.metric
    at = name.find(subject)
    if at < 0:
        return ""
    topic, rest = name[:at + len(subject)], name[at + len(subject):]
    endings = load_vocabulary().cues.measure_endings + _NAME_ENDINGS
    if len(topic) < _MIN_TOPIC or not rest or rest.endswith(_COUNTS) or not (
            rest.endswith(endings) or _body_measure(rest)):
        return ""
    cues = load_vocabulary().cues
    if topic.startswith((*cues.counting_verbs, *cues.flow_verbs_over_lists)) or any(
            pos_tag(token) == "v" for token in _tokens(topic)):
        return ""  # (新设外资企业: the firms are what was done, not the sentence's topic; a
        # verb used as a noun opens no clause: 省|管|企业)
    return topic


def topic_carried(metric: str, words: PhraseAnalysis, text: str,
                  block_drafts: list[Draft]) -> tuple[str, Draft] | None:
    """The topic a figure named ``metric`` by its own words (with no subject or scope of its
    own: ``words`` is its analysis, ``text`` its block's) carries from the figures before it
    in its sentence (past a ；), and the draft that named it; None for none. Figures that
    describe another (增长6.2%) are passed over; the nearest one with a name of its own decides.
    """
    measures = _body_measures()
    if not metric.endswith(measures):
        return None  # (most figures: one test of the name's end)
    if not _verbs_before_measure(metric, measures) or _opens_with_scope(words.clause) or (
            subject(metric)):
        return None
    for draft in reversed(block_drafts):
        if draft.figure.lstart < words.sentence_start and _FULL_STOP.search(
                text, draft.figure.lend, words.sentence_start):
            return None
        if draft.metric_from in ("of", "previous") or draft.kind == "duration":
            continue
        topic = _topic(draft)
        return (topic, draft) if topic else None
    return None


__all__ = ["topic_carried"]

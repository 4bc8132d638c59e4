"""The area a sentence says it is about: 公路方面，新开工…等2个项目，…建成通车…5个项目 → 新开工公路
项目, 建成通车公路项目; 非常规天然气发展方面，…力争产量突破…、投资超… → 非常规天然气产量, 非常规天然气投资.
A sentence that opens with an area and 方面 (在…方面 too), followed by a comma or a colon, is
about that area; a figure of the sentence named only by a bare measure (产量, 投资: the measures
an owner lends, as in naming/topic.py) or by a generic head (项目, 重点任务: cues.programme_items)
after its verbs is the area's; so is an area of nouns alone before the sentence's first comma,
方面 left out (高速公路，开工…等2个项目 → 开工高速公路项目), not a time, a part's word or a judgement
of how it went (全年，…; 其中，…; 招商引资成效显著，…). The area is the nouns before 方面, without a word of work
(cues.area_work_words: 发展, 建设) that closes them; an area of any other words (向北开放桥头堡:
a verb inside, a figure of speech) lends nothing. Read once every figure is named."""

from __future__ import annotations

from dataclasses import replace

import regex

from ...blocks import Block
from ...vocabulary import cue_set, cue_words
from ...vocabulary.lexicon import pos_tag
from ..base import Draft, _tokens
from .programmes import after_verbs, start_of_clause
from .shares import share_endings
from .topic import _owned_measures

# (在)公路方面，| 一是…方面： the area, after a number or 一是 of a list that opens the sentence
_AREA_OPENING = regex.compile(
    r"\s*(?:[（(]?[一二三四五六七八九十0-9]{1,3}[）)、.．]|[一二三四五六七八九十]是)?\s*在?"
    r"(\p{Han}{2,16}?)方面[，,：:]")
_AREA_TAGS = ("n", "j", "b")  # 非常规|天然气, 公路: nouns and words of kind, no verb or adjective
_OPENING_REACH = 30  # characters from a sentence's start to its area's comma
# 高速公路，|开工…: an area of nouns alone that opens a sentence before its comma, with 方面 left
# out (the nouns only: a name a segmenter tags a place or a person is no area, nor 全年, 其中)
_BARE_AREA_OPENING = regex.compile(
    r"\s*(?:[（(]?[一二三四五六七八九十0-9]{1,3}[）)、.．]|[一二三四五六七八九十]是)?\s*(\p{Han}{2,8})[，,](?=\p{Han})")
_BARE_AREA_TAGS = ("n", "j")
_BARE_AREA_WORDS = 3


def areas_of_bare_names(drafts: list[Draft], blocks: list[Block]) -> None:
    """Give the figures named by a bare measure or a generic head the area their sentence opens
    with (see the module), and the figures that describe them their new names.

    >>> from ipextract import extract
    >>> text = "2026年某省政府工作报告\\n公路方面，新开工项目12个。天然气发展方面，力争产量达到90亿立方米。"
    >>> [r.metric for r in extract(text).records]
    ['新开工公路项目', '天然气产量']
    """
    renamed: dict[int, str] = {}  # id of a figure → its new name
    sentence: tuple[int, int] = (-1, -1)
    area = ""
    for index, draft in enumerate(drafts):
        if draft.metric_from == "of" and draft.of is not None and id(draft.of) in renamed:
            drafts[index] = replace(draft, metric=renamed[id(draft.of)])  # (its growth)
            continue
        if draft.metric_from not in ("before", "after") or not draft.metric:
            continue
        figure = draft.figure
        block = blocks[figure.block]
        start = block.sentence_start(figure.lstart)
        if (figure.block, start) != sentence:
            sentence = (figure.block, start)
            area = _area(block.text, start)
        if not area or area in draft.metric:
            continue
        if (named := _with_area(draft.metric, area)) != draft.metric:
            renamed[id(figure)] = named
            drafts[index] = replace(draft, metric=named)


def _area(text: str, start: int) -> str:
    """The area the sentence at ``start`` opens with, ``""`` for none.

    >>> _area("页岩气发展方面，力争产量", 0), _area("向西开放枢纽方面，新开通", 0)
    ('页岩气', '')
    >>> _area("高速公路，开工…等2个项目", 0), _area("全年，新开工项目", 0)
    ('高速公路', '')
    """
    if text.find("方面", start, start + _OPENING_REACH) < 0:
        # (高速公路，开工…等2个项目: an area written alone before the comma, its 方面 left out)
        bare = _BARE_AREA_OPENING.match(text, start)
        if bare is None or bare.group(1) in cue_set("scope_words") or bare.group(1) in cue_set("sub_item_markers"):
            return ""
        tokens = _tokens(bare.group(1))
        # (招商引资成效显著，…: a judgement of how the area went is a clause, no area)
        return bare.group(1) if len(tokens) <= _BARE_AREA_WORDS and all(
            pos_tag(token).startswith(_BARE_AREA_TAGS) for token in tokens) and not any(
            word in bare.group(1) for word in cue_words("evaluation_nouns")) else ""
    opening = _AREA_OPENING.match(text, start)
    if opening is None:
        return ""
    area = opening.group(1)
    area = area[:-len(work)] if (work := next(
        (w for w in cue_words("area_work_words") if area.endswith(w) and len(area) > len(w)), "")) else area
    tokens = _tokens(area)
    return area if tokens and all(pos_tag(token).startswith(_AREA_TAGS) for token in tokens) else ""


def _with_area(name: str, area: str) -> str:
    """The name with the area before its bare measure or generic head, after the verbs that
    open it (新开工|公路|项目, 公路|完成投资: a measure keeps its verb after the owner, as
    naming/topic.py gives it); the name as it is when it is neither.

    >>> _with_area("新开工项目", "公路"), _with_area("产量", "页岩气"), _with_area("高铁里程", "铁路")
    ('新开工公路项目', '页岩气产量', '高铁里程')
    """
    head = after_verbs(name)
    if head in cue_set("programme_items"):
        return name[:len(name) - len(head)] + area + head
    if head in _owned_measures():
        return area + name
    return name


# (…的比重，|东部地区为|55.2%，|中、西部地区为|48.6%: a clause of a place and 为 before its figure)
_PLACE_ITEM = regex.compile(r"\s*([\p{Han}、]{2,10}?)[为是]?$")
_PLACE_WORDS = ("地区", "部")  # 东部地区, 中部: regions of a country, no division's names
_DIRECTIONS = frozenset("东中西南北")  # 中 of 中、西部地区


def measures_of_listed_places(drafts: list[Draft], blocks: list[Block]) -> None:
    """A clause that names a measure and no figure, then places each with its figure (第三产业占
    生产总值的比重，东部地区为55.2%，西部地区为48.6%): each figure named by its place alone is that
    place's measure (东部地区第三产业占生产总值的比重). Only shares and rates, whose measure a
    place alone never names.

    >>> from ipextract import extract
    >>> text = "2023年某省统计公报\\n第三产业占生产总值的比重，东部地区为55.2%，西部地区为48.6%。"
    >>> [r.metric for r in extract(text).records]
    ['东部地区第三产业占生产总值的比重', '西部地区第三产业占生产总值的比重']
    """
    measure, at_clause = "", (-1, -1)
    for index, draft in enumerate(drafts):
        if draft.metric_from != "before" or draft.kind not in ("share", "rate"):
            continue
        figure = draft.figure
        block = blocks[figure.block]
        # (the name must be the words right before the figure, with 为 or 是 after them, as
        # _PLACE_ITEM reads them below: told on the characters before the name is segmented)
        said = block.text[max(0, figure.lstart - len(draft.metric) - 1):figure.lstart]
        if not (said.endswith(draft.metric) or said[-1:] in ("为", "是") and said[:-1].endswith(
                draft.metric)) or not _places_alone(draft.metric):
            continue
        # (the clause from its comma: a 、 inside the place, 中、西部地区, joins no list here)
        start = start_of_clause(block.text, figure.lstart)
        found = _PLACE_ITEM.fullmatch(block.text, start, figure.lstart)
        if found is None or found.group(1) != draft.metric or start == 0:
            continue
        before_start = start_of_clause(block.text, start - 1)
        if (figure.block, before_start) != at_clause or not measure:
            # (else the place before in the run named the measure: 中、西部地区为… after 东部地区为…)
            opening = block.text[before_start:start - 1].strip()
            measure = opening if _HAN_ONLY.fullmatch(opening) and opening.endswith(share_endings()) else ""
        at_clause = (figure.block, start)
        if measure:
            drafts[index] = replace(draft, metric=draft.metric + measure)


_HAN_ONLY = regex.compile(r"[\p{Han}]{4,30}")


def _places_alone(name: str) -> bool:
    """东部地区, 中、西部地区, 江苏: places or regions alone, no measure of theirs."""
    tokens = [token for token in _tokens(name) if token != "、"]
    return bool(tokens) and all(pos_tag(token) == "ns" or token.endswith(_PLACE_WORDS) or token in _DIRECTIONS
                                for token in tokens)


# …占全省工业比重达到10%以上的城市有2个，即：|长沙市15.2%、…: the share's whole, named in the bound
# of the class of places a list after 即 gives; and the measure of a 从…看 that opens the sentence
_BOUND_SHARE = regex.compile(r"占([\p{Han}]{1,10}?)(?:的)?比重")
_SEEN_FROM = regex.compile(r"从(\p{Han}{2,8}?)看[，,]")
_LISTED = "即"  # (即：江苏…、广东…: the places of the class, each with its share)
_LIST_REACH = 80  # characters back from a listed place to the 即 that opens its list, at most
_STOPS = regex.compile(r"[。；;]")


def shares_of_listed_places(drafts: list[Draft], blocks: list[Block]) -> None:
    """A place listed after 即 with its share (…占全省工业比重达到10%以上的城市有2个，即：长沙市
    15.2%、…), named by the place alone, is that place's share of the whole the class's bound
    names: 工业增加值占全省工业比重 (the measure of a 从…看 that opens the paragraph, when there is
    one), the place kept as the record's scope.

    >>> from ipextract import extract
    >>> text = "某省工业普查公报\\n从工业增加值看，占全省工业比重达到10%以上的城市有2个，即：长沙市15.2%、岳阳市11.8%。"
    >>> [(r.metric, r.scope) for r in extract(text).records][1:]
    [('工业增加值占全省工业比重', '长沙市'), ('工业增加值占全省工业比重', '岳阳市')]
    """
    for index, draft in enumerate(drafts):
        if draft.kind not in ("rate", "share") or draft.metric_from not in ("before", "context"):
            continue
        figure = draft.figure
        text = blocks[figure.block].text
        listed = text.rfind(_LISTED, max(0, figure.lstart - _LIST_REACH), figure.lstart)
        # (no 即 before the figure, most: told before the name is segmented)
        if listed < 0 or draft.metric and not _places_alone(draft.metric):
            continue
        bound = None
        for found in _BOUND_SHARE.finditer(text, 0, max(listed, 0)):
            bound = found  # (the last bound of the paragraph before the list)
        if listed < 0 or bound is None or _STOPS.search(text, listed, figure.lstart):
            continue  # (a list that a sentence's end parts from its place is not its list)
        seen = None
        for found in _SEEN_FROM.finditer(text, 0, bound.start()):
            seen = found
        thing = seen.group(1) if seen is not None else ""
        # (the place stays the record's scope, as the scope stage read it from its words)
        drafts[index] = replace(draft, metric=f"{thing}占{bound.group(1)}比重")

"""The parts of a total listed after 其中, given the total's scope: 获得省级以上奖牌64枚。其中，
金牌21枚… → 省级以上金牌; 规模以上工业增加值增长7.2%。其中，国有控股企业增加值… → 规模以上
工业国有控股企业增加值 (ANNOTATION.md, metric 6: the threshold scope of a whole is its parts').

A pass over all the drafts of a document (:func:`_scope_of_total_parts`), after every figure is
named. The scope is a threshold (cues.list_scopes, with the units it is of: 规模以上|工业,
限额以上|单位) or a level (cues.level_scopes: 省级以上); a whole (全社会用电量) limits nothing.
A part takes it only when it is a kind of the total's head (金牌 of 奖牌, 光伏发电量 of 发电量,
国有控股企业增加值 of 增加值), has no scope or level of its own (国家级重点实验室, 城镇居民…),
and is of the total's kind and unit; the list of parts ends at a full stop.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

import regex

from ...blocks import Block
from ...figures import Figure
from ...scanning import words_pattern
from ...vocabulary import cue_set, load_vocabulary
from ...vocabulary.lexicon import is_word, pos_tag
from ..base import BASE_KINDS, SENTENCE_STOP, Draft, _tokens
from ..scope import subject
from .fills import SCOPE_UNITS
from .phrase import _HAN_WORDS, _LEVEL
from .topic import _topic

_TOTAL_KINDS = BASE_KINDS | {"growth"}
# (…增长7.2%。其中，| …126.5亿千瓦时，其中|: 其中 opens the clause after the total's)
_OPENS_PARTS = regex.compile(r"[^。！？；;\n]*?[，,。；;]\s*其中[，,：:]?\s*")
_PART_STOP = regex.compile(r"[。！？\n]|其中")


def _total_scope(name: str, found: re.Match[str] | None = None) -> tuple[str, str]:
    """规模以上工业 and 增加值 of 规模以上工业增加值, 省级以上 and 奖牌 of 运动员获得省级以上奖牌:
    the scope a total's name holds, with the units it is of, and the rest of the name after it
    (its head); ``("", "")`` when the name holds none.

    >>> _total_scope("规模以上工业增加值"), _total_scope("全社会用电量")
    (('规模以上工业', '增加值'), ('', ''))
    """
    found = found or _scopes().search(name)
    if found is None:
        return "", ""
    at, end = found.span()
    # (the units as text: the segmenter may make one word of 工业|增加值)
    while unit := next((u for u in SCOPE_UNITS if name.startswith(u, end) and len(name) > end + len(u)), ""):
        end += len(unit)
    rest = name[end:]
    return (name[at:end], rest) if _HAN_WORDS.fullmatch(rest) else ("", "")


@lru_cache(maxsize=1)
def _scopes() -> re.Pattern[str]:
    """The threshold and level scopes (cues.list_scopes, level_scopes), the longest at a place."""
    cues = load_vocabulary().cues
    return words_pattern((*cues.list_scopes, *cues.level_scopes))


# a part's name: words, and the 、 of a class name (航空、航天器及设备制造业)
_PART_NAME = regex.compile(r"[\p{Han}A-Za-z][\p{Han}A-Za-z、]*")


def _kind_of(part: str, head: str) -> bool:
    """Whether a part's name is a kind of the total's head: it ends with two characters or more
    of it and has words of its own before them (风力发电量 of 发电量, 国有控股企业增加值 of
    增加值), or both are words of two characters ending in one (金牌 of 奖牌). Read on the
    text, without segmenting the names.

    >>> _kind_of("光伏发电量", "发电量"), _kind_of("金牌", "奖牌"), _kind_of("餐饮收入", "消费品零售额")
    (True, True, False)
    """
    shared = 0
    while shared < min(len(part), len(head)) and part[-1 - shared] == head[-1 - shared]:
        shared += 1
    if shared >= _SHARED_HEAD:
        return len(part) > shared
    return shared == 1 and len(part) == len(head) == _SHARED_HEAD


_SHARED_HEAD = 2  # characters of the head a part ends with (增加值, 发电量; 金牌 and 奖牌: 牌 alone)


def _own_limit(name: str) -> bool:
    """国家级重点实验室, 城镇居民…, 全社会…, 规上…: a part named with a level, a scope or a
    place of its own (a body is none: 国有控股企业 is a part of 规模以上工业)."""
    cues = load_vocabulary().cues
    first = _tokens(name)[0]
    return first.endswith(_LEVEL) or name.startswith((
        *cues.list_scopes, *cues.level_scopes, *cues.list_area_scopes, *cues.scope_populations,
        *cues.population_parts, *cues.list_own_openers, *cues.scope_words,
        *cues.distributive_words)) or pos_tag(first) == "ns"



def _scope_of_total_parts(drafts: list[Draft], blocks: list[Block]) -> None:
    """Give the parts listed after 其中 the scope of the total before them (see the module)."""
    renamed: dict[int, str] = {}  # id of a figure → its new name
    scopes = _scopes()
    total: Draft | None = None
    scope = head = ""
    last_end = 0  # where the last figure of the total or its parts ends
    describing: set[int] = set()  # ids of the total's figure and of the figures describing it
    parts_open = False
    for index, draft in enumerate(drafts):
        figure = draft.figure
        if draft.metric_from == "of" and draft.of is not None and id(draft.of) in renamed:
            drafts[index] = replace(draft, metric=renamed[id(draft.of)])  # 增长5.1% of a part
            continue
        if total is not None and figure.block == total.figure.block and draft.section != "table":
            text = blocks[figure.block].text
            between = text[last_end:figure.lstart]
            if not parts_open and (draft.metric_from == "of" or (
                    draft.of is not None and id(draft.of) in describing) or (
                    draft.metric_from == "previous" and draft.metric.startswith(total.metric))):
                # (…增长7.2%: the total's growth, before 其中; …，占…比重27.7%，比上年提高2.2个
                # 百分点: its share and the share's change)
                describing.add(id(figure))
                last_end = figure.lend
                continue
            if not parts_open and _OPENS_PARTS.match(between):
                parts_open = True
            elif parts_open and _PART_STOP.search(between):
                total = None
            if total is not None and parts_open:
                last_end = figure.lend
                name = draft.metric
                if draft.metric_from == "of":
                    continue  # (a part's growth, its part not renamed)
                if draft.kind == total.kind and (draft.kind not in BASE_KINDS or (
                        figure.unit == total.figure.unit)) and name and (
                        _PART_NAME.fullmatch(name) and not name.startswith(scope)
                        and _kind_of(name, head) and not _own_limit(name)):
                    renamed[id(figure)] = scope + name
                    drafts[index] = replace(draft, metric=scope + name)
                    continue
        # (a figure of another measure ends the list of parts; another figure between the total
        # and 其中 means no list of its parts: a new total may open here)
        total = None
        if draft.metric_from == "before" and (found := scopes.search(draft.metric)) and (
                draft.kind in _TOTAL_KINDS and draft.section != "table"):
            scope, head = _total_scope(draft.metric, found)
            if scope:
                total, last_end, parts_open = draft, figure.lend, False
                describing = {id(figure)}
    _owner_to_parts(drafts, blocks)
    _whole_of_surveys(drafts, blocks)
    _kinds_of_whole(drafts, blocks)


_PARTS_OPENING = "其中"


def _kinds_of_whole(drafts: list[Draft], blocks: list[Block]) -> None:
    """民办幼儿园 for 民办 in 幼儿园1386所（其中民办712所）: a part after 其中 named by a word of
    ownership or class alone (cues.part_qualifiers) is that kind of the whole, the figure
    before 其中 in its sentence, when it is of the whole's kind and unit (not 其中民办在园幼儿
    1.2万人, a measure of its own); written in brackets or after a comma alike."""
    qualifiers = cue_set("part_qualifiers")
    renamed: dict[int, str] = {}
    for index, draft in enumerate(drafts):
        if draft.metric_from == "of" and draft.of is not None and id(draft.of) in renamed:
            drafts[index] = replace(draft, metric=renamed[id(draft.of)])  # (a part's growth)
            continue
        if draft.metric not in qualifiers or draft.kind not in BASE_KINDS:
            continue
        figure = draft.figure
        text = blocks[figure.block].text
        opening = text.rfind(_PARTS_OPENING, 0, figure.lstart)
        if opening < 0 or SENTENCE_STOP.search(text, opening, figure.lstart):
            continue
        whole = next((d for d in reversed(drafts[:index]) if d.figure.block == figure.block
                      and d.figure.lend <= opening and d.metric_from != "of"), None)
        if whole is None or whole.kind != draft.kind or whole.figure.unit != figure.unit or (
                not whole.metric or whole.metric in qualifiers
                or SENTENCE_STOP.search(text, whole.figure.lend, opening)):
            continue
        # (其中公办养老机构40家，民营24家: the whole's name, not the part's before it)
        renamed[id(figure)] = draft.metric + whole.metric
        drafts[index] = replace(draft, metric=draft.metric + whole.metric)


def _owned_part(part: str, total: str) -> str:
    """水产品养殖产量 of 养殖产量 after 水产品总产量: a part named by a kind of work (a verb:
    养殖, 捕捞) and the measure the total ends with (two characters or more of it) takes the
    thing the total measures (its nouns before the measure, without 总); ``""`` when the part
    names a thing of its own (夏粮产量, 火力发电量), the total names no thing (总产量,
    输出技术合同成交额's 技术合同… of no noun alone), or the two share no measure.

    >>> _owned_part("养殖产量", "水产品总产量"), _owned_part("夏粮产量", "粮食总产量")
    ('水产品养殖产量', '')
    """
    shared = 0
    while shared < min(len(part), len(total)) and part[-1 - shared] == total[-1 - shared]:
        shared += 1
    work, owner = part[:len(part) - shared], total[:len(total) - shared].removesuffix(_TOTAL)
    if shared < _SHARED_HEAD or not work or len(owner) < _SHARED_HEAD or not (
            _HAN_WORDS.fullmatch(owner) and _HAN_WORDS.fullmatch(work)) or owner.endswith(work):
        return ""
    if not all(pos_tag(token) in _WORK_TAGS for token in _tokens(work)):
        return ""
    owner_tokens = _tokens(owner)
    if not all(pos_tag(token).startswith(_THING_TAGS) for token in owner_tokens):
        return ""
    return owner + part


def _measured_part(part: str, total: str) -> str:
    """发明专利申请 of 发明专利 after 专利申请: a part named by a kind of the thing the total
    measures (its last word, two characters or more, is a word of the total) and no measure of
    its own takes the measure the total names after that thing; ``""`` when the part is no kind
    of it (执业医师 after 卫生技术人员), names a measure or a verb of its own (夏粮产量), or the
    total names nothing after the thing but its own total (…总数).

    >>> _measured_part("发明专利", "专利申请"), _measured_part("纯电动汽车", "新能源汽车产量")
    ('发明专利申请', '纯电动汽车产量')
    >>> _measured_part("入境游客", "接待游客"), _measured_part("执业医师", "卫生技术人员")
    ('', '')
    """
    if len(part) > _MAX_PART or not (_HAN_WORDS.fullmatch(part) and _HAN_WORDS.fullmatch(total)):
        return ""
    if not all(pos_tag(token).startswith(_KIND_TAGS) for token in _tokens(part)):
        return ""  # (a part with a verb or a measure of its own names itself: 新签约项目)
    for length in range(len(part) - 1, _SHARED_HEAD - 1, -1):
        kind = part[-length:]
        at = total.find(kind)
        if at < 0 or not is_word(kind):
            continue
        measure = total[at + length:]
        # (…机构总数, …出口总额: the total's own word, no measure of the part; 投资额 of one
        # character is a word of the thing, 外国投资 a kind of 投资)
        if len(measure) >= _SHARED_HEAD and not measure.startswith(_TOTAL) and (
                measure in cue_set("acts_counted_as_measures") or all(
                    pos_tag(token).startswith(_MEASURE_TAGS) for token in _tokens(measure))):
            return part + measure
        return ""
    return ""


_TOTAL = "总"
_KIND_TAGS = ("n", "j", "b", "a")  # 纯|电动汽车, 规上|工业|企业: the words of a kind of a thing
_MEASURE_TAGS = ("n",)  # 产量, 用户: what a total measures of its thing (or cues.acts_counted_as_measures)


def _body_part(part: str, total: Draft) -> str:
    """工业企业固定资产 of 固定资产 after 工业企业资产: a part named by a kind of the measure a
    body's total is of (固定资产, 流动负债 of 资产, 负债: cues.body_measures) takes the body
    (:func:`topic._topic`); ``""`` when the total names no body and its measure, or the part
    names a body, a thing or an industry of its own (国有企业资产, 制造业营业收入) or a verb
    (新增资产)."""
    body = _topic(total)
    measure = total.metric[len(body):]
    if not body or not part.endswith(measure) or len(part) == len(measure) or len(part) > _MAX_PART:
        return ""
    if not _HAN_WORDS.fullmatch(part) or subject(part) or any(
            pos_tag(token) == "v" for token in _tokens(part)):
        return ""
    # (流动|负债, 固定资产: a kind of the measure; not 制造业|营业收入, a thing's or an
    # industry's own, whose name says whose it is)
    qualifier = part[:-len(measure)]
    if any(pos_tag(token).startswith("n") for token in _tokens(qualifier)) and is_word(qualifier):
        return ""
    return body + part


def _acted_part(part: str, total: str) -> str:
    """引进博士 of 博士 after 引进高层次人才, 新登记企业 of 企业 after 新登记市场主体: a part named
    by nouns only, listed after a total named by a verb and the things it acted on, is of the
    things the same verb acted on and takes the verb; ``""`` when the total opens with no verb
    (常住人口), with a having or link verb (共有), ends with no noun (新增城镇就业: the object is a
    verb), or the part has a verb of its own (新签约亿元以上项目).

    >>> _acted_part("博士", "引进高层次人才"), _acted_part("高校毕业生", "新增城镇就业")
    ('引进博士', '')
    """
    if len(part) > _MAX_PART or not (_HAN_WORDS.fullmatch(part) and _HAN_WORDS.fullmatch(total)):
        return ""  # (a long part is a clause of its own: 29家企业遴选进入…计划)
    verb = next((v for v in _part_taking_verbs() if total.startswith(v)), "")
    if not verb or len(total) == len(verb) or part.startswith(verb):
        return ""
    tokens = _tokens(total)
    ends = {sum(map(len, tokens[:i])) for i in range(1, len(tokens))}
    if len(verb) not in ends or not pos_tag(tokens[-1]).startswith("n"):
        return ""  # (新建商品房: a noun the verb opens, not the verb and its object)
    # (a verb inside the part's noun is one of its words: 个人创业|担保|贷款; one that opens it
    # is the part's own, 新|签约…, and a verb that ends it its predicate, 高校毕业生|就业)
    part_tokens = _tokens(part)
    opening = part_tokens[1] if part_tokens[0] == "新" and len(part_tokens) > 1 else part_tokens[0]
    if pos_tag(opening).startswith(_NOT_THING_TAGS) or not pos_tag(part_tokens[-1]).startswith("n"):
        return ""
    return verb + part


def _generic_part(part: str, total: str) -> str:
    """三个一批先进制造业项目 of 先进制造业项目 after 三个一批项目: a part named by a kind of a
    generic head (项目, 企业…: cues.generic_counted_nouns) that the total ends with too takes
    the owner the total names before it, nouns alone (a programme, a body), as the parts of a
    verb's things take the verb (:func:`_acted_part`); ``""`` when the total names no such owner,
    the part has a limit of its own (国家级…, 城镇…) or a verb, or the heads differ.

    >>> _generic_part("先进制造业项目", "三个一批项目"), _generic_part("亿元以上项目", "新签约项目")
    ('三个一批先进制造业项目', '')
    """
    head = next((h for h in _generic_heads() if part.endswith(h) and total.endswith(h)), "")
    owner, kind = total[:len(total) - len(head)], part[:len(part) - len(head)]
    if not head or not owner or not kind or len(part) > _MAX_PART or owner in part or not (
            _HAN_WORDS.fullmatch(owner) and _HAN_WORDS.fullmatch(kind)) or _own_limit(part):
        return ""
    if _tokens(total)[-1] != head or not all(
            pos_tag(token).startswith(_OWNER_TAGS) for token in _tokens(owner)) or any(
            pos_tag(token).startswith("v") for token in _tokens(kind)):
        return ""
    return owner + part


_OWNER_TAGS = ("n", "j", "nz", "m", "l")  # 三个一批 (a numeral and a noun), 城中村改造 no (改造: v)


def _programme_quoted(text: str, total: Draft) -> bool:
    """Whether the total's clause names its owner in quotes (实施|“三个一批”|项目…): a programme's
    name, which owns the parts in its sentence; an owner written bare (医疗卫生|机构…，其中基层…)
    may be a word of the parts' own names."""
    clause = text[max(0, total.figure.lstart - _QUOTED_REACH):total.figure.lstart]
    return "”" in clause and any(
        total.metric.startswith(quoted) for quoted in regex.findall(r"“([^“”]{2,12})”", clause))


_QUOTED_REACH = 24  # characters before a total read for its programme's quoted name


@lru_cache(maxsize=1)
def _generic_heads() -> tuple[str, ...]:
    """cues.generic_counted_nouns, the longest first (县区 before 区)."""
    return tuple(sorted(load_vocabulary().cues.generic_counted_nouns, key=len, reverse=True))


_NOT_THING_TAGS = ("v", "d", "p", "c", "u", "r")  # a verb, adverb or function word: no thing
_MAX_PART = 10  # characters of a part named by a thing (个人创业担保贷款)
# the parts of a count of things or people, or of money (发放贷款…，其中个人贷款…); an area's
# parts are named by the works or places they are of (营造林…、其中南北山绿化工程…亩)
_ACTED_KINDS = frozenset({"count", "amount"})


@lru_cache(maxsize=1)
def _part_taking_verbs() -> tuple[str, ...]:
    """The verbs of flow whose things a total's parts are (cues.flow_verbs_over_lists,
    done_verbs_over_lists, counting_verbs, verbs_of_parts; not cues.gathering_verbs, whose
    parts are sources), the longest first: a verb the tagger reads in a noun (就业|人员,
    殡葬服务|机构, 实有|经营…) is none of them."""
    cues = load_vocabulary().cues
    verbs = {*cues.flow_verbs_over_lists, *cues.done_verbs_over_lists, *cues.counting_verbs,
             *cues.verbs_of_parts} - set(cues.gathering_verbs)
    return tuple(sorted(verbs, key=lambda v: (-len(v), v)))


def _in_parts_sentence(text: str, total: Draft, figure: Figure) -> bool:
    """Whether ``figure`` stands in the total's sentence, or in a sentence after it that opens
    with 其中 (…万户。其中，企业…): a sentence of its own after the parts names its own things
    (…其中企业…万家。高新技术企业超…万家)."""
    stop = text.rfind("。", total.figure.lend, figure.lstart)
    return stop < 0 or text.startswith(_PARTS_OPENING, stop + 1)


def _alike_units(one: str | None, other: str | None) -> bool:
    """The same unit, or two counters of people (名 and 人: cues.person_counters) or of
    businesses (户 and 家: cues.business_counters)."""
    return one == other or any(one in counters and other in counters for counters in (
        cue_set("person_counters"), cue_set("business_counters")))


_WORK_TAGS = frozenset({"v", "vn"})  # 养殖, 捕捞: a kind of work, no thing of its own
_THING_TAGS = ("n", "j")  # 水产品, 淡水|产品: the nouns of the thing a total measures
_PARTS_REACH = 30  # characters after a total read for the 其中 that opens its parts (past its growth)


def _owner_to_parts(drafts: list[Draft], blocks: list[Block]) -> None:
    """水产品总产量…，其中养殖产量…、捕捞产量…: the parts listed after 其中 named by a kind of
    work and the total's measure take the thing the total measures (:func:`_owned_part`); those
    named by a thing after a total named by a verb and its object take the verb
    (:func:`_acted_part`); and so do the figures that describe them; the list ends at a line break, a figure of
    another kind or unit, or far from the part before."""
    renamed: dict[int, str] = {}
    total: Draft | None = None
    last_end = 0
    parts_open = False
    for index, draft in enumerate(drafts):
        figure = draft.figure
        if draft.metric_from == "of" and draft.of is not None and id(draft.of) in renamed:
            drafts[index] = replace(draft, metric=renamed[id(draft.of)])
            last_end = figure.lend
            continue
        if total is not None and figure.block == total.figure.block:
            text = blocks[figure.block].text
            if draft.metric_from == "of":
                last_end = figure.lend  # (…8.5万吨，增长2.1%。|其中: the total's growth)
                continue
            between = text[last_end:figure.lstart]
            parts_open = parts_open or _PARTS_OPENING in between
            if parts_open and draft.kind == total.kind and _alike_units(figure.unit, total.figure.unit) and (
                    len(between) <= _PART_REACH and not _PART_STOP_MARKS.search(between)):
                last_end = figure.lend
                if name := (figure.unit == total.figure.unit and (
                        _owned_part(draft.metric, total.metric) or _body_part(draft.metric, total)
                        or _measured_part(draft.metric, total.metric))) or (
                        draft.kind in _ACTED_KINDS and _in_parts_sentence(text, total, figure)
                        and _acted_part(draft.metric, total.metric)) or (
                        draft.kind == "count" and _programme_quoted(text, total) and "。" not in text[
                            total.figure.lend:figure.lstart] and _generic_part(draft.metric, total.metric)):
                    renamed[id(figure)] = name
                    drafts[index] = replace(draft, metric=name)
                    continue
                if (opens := _OPENS_PARTS.match(text, figure.lend)) is None or (
                        opens.end() - figure.lend > _PARTS_REACH):
                    continue
                # (资产…，其中固定资产…；负债…，其中流动负债…: an item that is no part and opens
                # parts of its own after a clause mark is the next total; not one whose bracket
                # lists its own parts, …人才300人（其中…）、…: the list goes on after it)
        total = None
        # (or a flow named by its verb and the things of the stock before it: …总量达…万户，新登记
        # …万户、其中企业…万家, whose parts the verb acted on)
        if (draft.metric_from in _NAMED_BY_OWN_WORDS or draft.metric_from == "previous" and (
                draft.metric.startswith(_part_taking_verbs()))) and draft.kind in BASE_KINDS and draft.section != "table":
            text = blocks[figure.block].text
            # (the cheap test first: most figures open no list of parts)
            if text.find(_PARTS_OPENING, figure.lend, figure.lend + _PARTS_REACH) >= 0:
                total, last_end, parts_open = draft, figure.lend, False


# (…增长3.5%。其中，养殖产量…；捕捞产量…: a full stop and a ； alike go on with the parts, a
# writer's choice between the two must not change the records; a line break ends them)
_PART_STOP_MARKS = regex.compile(r"[！？\n]")
_PART_REACH = 40  # characters at most between one part's figure and the next
# a total named by its own words: before it, or the things counted after it (引进1万名…人才)
_NAMED_BY_OWN_WORDS = ("before", "after")


def _survey_whole(text: str, figure_end: int) -> str:
    """主要工业生产设备 of 据对3200多种|主要工业生产设备的普查，: the things a survey covered,
    read after its count up to 的 and a survey noun (cues.survey_nouns) closing the clause;
    ``""`` for any other words."""
    found = _survey_pattern().match(text, figure_end)
    return found.group(1) if found else ""


@lru_cache(maxsize=1)
def _survey_pattern() -> regex.Pattern[str]:
    nouns = "|".join(map(regex.escape, load_vocabulary().cues.survey_nouns)) or "(?!)"
    return regex.compile(rf"(\p{{Han}}{{2,{_MAX_SURVEYED}}}?)的(?:{nouns})[，,]")


_MAX_SURVEYED = 16  # characters of the things a survey covered


def _surveyed_kind(part: str, whole: str) -> bool:
    """Whether ``part`` names a kind of the things ``whole`` names: the same head word (two
    characters or more) after words of its own (进口设备, 国产设备 of 主要工业生产设备, 国产机械
    of 主要农业机械; not 一等品 of 主要工业产品质量状况, nor 设备 alone).

    >>> _surveyed_kind("进口设备", "主要工业生产设备"), _surveyed_kind("一等品", "主要工业产品质量状况")
    (True, False)
    """
    shared = 0
    while shared < min(len(part), len(whole)) and part[-1 - shared] == whole[-1 - shared]:
        shared += 1
    # (国产|设备 and 生产|设备 share 产设备: the head is the word it ends with)
    return len(part) > shared >= _SHARED_HEAD and bool(_HAN_WORDS.fullmatch(part)) and any(
        is_word(part[len(part) - size:]) for size in range(shared, _SHARED_HEAD - 1, -1))


def _whole_of_surveys(drafts: list[Draft], blocks: list[Block]) -> None:
    """据对数千种主要工业生产设备的普查，进口设备占36.2％，…；国产设备占63.8％: a share with
    no whole written, in the sentence a survey opens, whose part is a kind of the things the
    survey covered (:func:`_surveyed_kind`), is named with them as its whole (进口设备占主要工业生产
    设备比重, ANNOTATION rule 2), and so are the figures that describe it."""
    openers = load_vocabulary().cues.survey_openers
    renamed: dict[str, str] = {}  # in the survey's sentence: a part's old name → its new one
    whole, block_at, sentence_end = "", -1, 0
    for index, draft in enumerate(drafts):
        figure = draft.figure
        text = blocks[figure.block].text
        if whole and (figure.block != block_at or figure.lstart >= sentence_end):
            whole, renamed = "", {}
        if renamed and draft.metric in renamed and draft.metric_from in ("of", "previous"):
            # (…占78.4％，比2010年的61.2％上升17.2个百分点: the share then and its change)
            drafts[index] = replace(draft, metric=renamed[draft.metric])
            continue
        if draft.kind == "count" and text.endswith(openers, 0, figure.lstart):
            # (the cheap test first: most counts follow no 据对)
            whole = _survey_whole(text, figure.lend)
            end = text.find("。", figure.lend)
            block_at, sentence_end = figure.block, end if end >= 0 else len(text)
            continue
        if whole and draft.kind == "share" and draft.metric_from == "before" and "占" not in (
                draft.metric) and _surveyed_kind(draft.metric, whole):
            name = f"{draft.metric}占{whole}比重"
            renamed[draft.metric] = name
            drafts[index] = replace(draft, metric=name)


__all__ = ["_scope_of_total_parts"]

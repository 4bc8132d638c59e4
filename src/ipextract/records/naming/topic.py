"""Topic chains: a clause with no subject of its own goes on about the body its sentence named
(国有企业实现营业收入5200亿元，上缴税费310亿元: the taxes are the state firms'). Read after a
figure is named, from the drafts of its sentence before it (:func:`topic_carried`).

The carry is narrow, since most clauses without a subject are of the region (a work report's
规上工业增加值增长6.3%，固定资产投资增长5.9%): the later clause names only a measure a body
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
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from ...blocks import Block
from ...vocabulary import cue_set, cue_words, load_vocabulary
from ...vocabulary.lexicon import pos_tag
from ..base import BASE_KINDS, Draft, _tokens
from ..scope import subject
from .analysis import PhraseAnalysis
from .phrase import _HAN_WORDS, _NAME_ENDINGS, BRACKET_NOTE, SHARE_NOUN

_LINK_OPENINGS = ("实现", "完成")  # verbs a subjectless sentence may open a body's measure with
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
    # (…完成主营业务收入698亿元，增长10%。|实现利税总额…: a sentence that opens with a link verb
    # and the measure, no subject of its own, goes on about the sentence before's body)
    goes_on = words.clause_start == words.sentence_start and words.clause.lstrip(
        _CLAUSE_MARKS).startswith(_LINK_OPENINGS)
    for draft in reversed(block_drafts):
        if draft.figure.lstart < words.sentence_start and (stops := len(_FULL_STOP.findall(
                text, draft.figure.lend, words.sentence_start))) and (not goes_on or stops > 1):
            return None
        if draft.metric_from in ("of", "previous") or draft.kind == "duration" or _in_parts(
                text, draft, words.clause_start):
            continue
        topic = _topic(draft)
        return (topic, draft) if topic else None
    return None


def _in_parts(text: str, draft: Draft, clause_start: int,
              closed_by: re.Pattern[str] | None = None) -> bool:
    """Whether ``draft`` stands among the parts a 其中 of its sentence opened, closed by a ；
    (or what ``closed_by`` finds) before the clause at ``clause_start`` (资产总计…，其中固定资产…，
    占48.5％；|负债总计…: the parts are of the total, the chain goes on past them to it)."""
    opened = text.rfind("其中", max(0, draft.figure.lstart - _PARTS_REACH), draft.figure.lstart)
    return opened >= 0 and _PART_ENDS.search(text, opened, draft.figure.lstart) is None and (
        (closed_by or _PARTS_CLOSED).search(text, draft.figure.lend, clause_start) is not None)


_PARTS_REACH = 30  # characters from a 其中 to a part's figure
_PART_ENDS = re.compile("[；;。！？!?\n]")
_PARTS_CLOSED = re.compile("[；;]")


# Owner chains (a second, wider carry): an item that names an owner and its first measure
# (可降解塑料制品总产量增长12%、…; 沿江高铁发送旅客…、…) lends the owner to a bare measure right
# after it in its sentence: a measure noun (产值, 利润: cues.measure_nouns, body_measures,
# list_measure_nouns) after owner + measure noun, a verb of flow and its object (运输货物,
# 服务客户) or a measure opened by the item's own verb (报告|发病 … 报告|死亡) after owner + verb.
# Not a name with an owner, place or scope of its own (东北地区投资), not after a measure only
# (产值增长8%、利润…), a region's total (地区生产总值: no measure noun ends it), a count of things
# built or worked on (新建5G基站, 改造燃气管网…、供热管网…, 草原生态修复…，营造林…: the list
# verb's class), nor in the parts after 其中 or a clause or two further on.
_MAX_BARE = 5  # characters: 运输货物, 营业收入: a longer name says more than a measure
_SHARE_REACH = 4  # drafts before a bare measure's share read for its owner
_CLAUSE_MARK = re.compile("[，,、；;：:]")
# words that close no owner: a verb (also vn: 产品|销售 of 产品销售收入), an adverb, a preposition,
# a conjunction, a particle, a locative, a pronoun or an adjective (零部件, tagged mq, may)
_NOT_OWNER_ENDS = ("v", "d", "p", "c", "u", "f", "r", "a")
_VERB_TAGS = ("v", "vn", "vd", "d")  # the verbs (and their adverbs: 共, 累计) of an item's measure


@lru_cache(maxsize=1)
def _owned_measures() -> frozenset[str]:
    cues = load_vocabulary().cues
    return frozenset((*cues.measure_nouns, *cues.body_measures, *cues.list_measure_nouns,
                      *cues.carried_measures))


@lru_cache(maxsize=1 << 10)
def _bare(name: str) -> str:
    """``"measure"`` for a measure noun alone (产值), ``"verb"`` for a verb of flow and its object
    or a verb and the noun of what it counts (运输货物, 入院人次), ``"open"`` for two words that
    may open with the item before's own verb (报告|死亡), else ``""``. Not a verb of reach, of a
    cause or a carrier (惠及, 带动: what a figure before reached is named elsewhere), nor a rate
    (调解成功率: a measure of its own)."""
    if name in _owned_measures() or _bare_rate(name):
        return "measure"
    cues = load_vocabulary().cues
    if not _HAN_WORDS.fullmatch(name) or name.endswith("率") or name.startswith(
            (*cues.clause_verbs, *cues.reach_verbs, *cues.carrier_verbs)):
        return ""
    tokens = _tokens(name)
    if len(tokens) == 2 and tokens[0] in cues.verbs_tagged_nouns:
        return "open"
    if len(tokens) != 2 or not pos_tag(tokens[1]).startswith("n"):
        return ""  # (服务|贸易: two verbs used as nouns, a trade, no flow of things)
    return "verb" if pos_tag(tokens[0]) in ("v", "vn") else ""


_RATE = "率"


def _names_nothing_alone(name: str) -> bool:
    """A measure that names nothing without an owner: listed (cues.carried_measures) or a short
    bare rate (:func:`_bare_rate`)."""
    return name in cue_set("carried_measures") or _bare_rate(name)


@lru_cache(maxsize=1 << 10)
def _bare_rate(name: str) -> bool:
    """精深加工率, 合格率: a rate of nouns alone, short, that names nothing without an owner."""
    if not name.endswith(_RATE) or len(name) > _MAX_BARE or not _HAN_WORDS.fullmatch(name):
        return False
    # (a rate of a quality or a work, 精深|加工|率, 合格|率; no place, time or number in it)
    return not any(pos_tag(token).startswith(_NOT_IN_RATE) for token in _tokens(name[:-len(_RATE)]))


_NOT_IN_RATE = ("ns", "nr", "m", "q", "d", "p", "r", "t", "f")


def _nouns_opening(tokens: list[str]) -> int:
    """How many of ``tokens`` open them as nouns, up to a count's measure (空气|质量|优良|天数: 2;
    天数, 人数, 户数: a measure of the figure before, no word of its thing).

    >>> _nouns_opening(["空气质量", "达到", "良好"]), _nouns_opening(["水质", "天数"])
    (1, 1)
    """
    at = 0
    while at < len(tokens) and pos_tag(tokens[at]) in ("n", "vn") and not tokens[at].endswith(_COUNTS):
        at += 1
    return at


def _owner(before: str, name: str, bare: str) -> str:
    """沿江高铁 of 沿江高铁发送旅客 before 运输货物, 可降解塑料制品 of 可降解塑料制品总产量 before
    产值: what is left of the name ``before`` once its measure is taken off; ``""`` for none.

    >>> _owner("沿江高铁发送旅客", "运输货物", "verb"), _owner("塑料制品总产量", "产值", "measure")
    ('沿江高铁', '塑料制品')
    >>> _owner("乙类传染病报告发病", "报告死亡", "open"), _owner("地区生产总值", "投资", "measure")
    ('乙类传染病', '')
    >>> _owner("政府发放城镇最低生活保障人数", "发放金额", "verb")
    '城镇最低生活保障'
    """
    if not _HAN_WORDS.fullmatch(before):
        # (县级（含县级市）医院诊疗人次…；入院人次…: the note in the owner is the owner's, read
        # without it and given back)
        plain = BRACKET_NOTE.sub("", before)
        if plain == before or not (owner := _owner(plain, name, bare)):
            return ""
        rest = plain[len(owner):]
        return before[:len(before) - len(rest)] if before.endswith(rest) else ""
    cues = load_vocabulary().cues
    tokens = _tokens(before)
    starts = [0]
    for token in tokens:
        starts.append(starts[-1] + len(token))
    first = _tokens(name)[0]
    ending = max((m for m in _owned_measures() if before.endswith(m)), key=len, default="")
    if bare == "open":  # (报告发病 … 报告死亡: the measure opens with the same verb)
        if first not in tokens[1:]:
            return ""
        run = len(tokens) - 1 - tokens[::-1].index(first)
    elif bare == "verb" and first in tokens[:-2] and (
            tokens[-1].endswith(_COUNTS) or tokens[-1] in _owned_measures()) and len(
            "".join(tokens[tokens.index(first) + 1:-1])) >= _MIN_TOPIC:
        # (…发放|城镇最低生活保障|人数…，发放|金额…: the measure of the same verb is of the same
        # things, the words between the verb and the first measure, a count or a measure noun;
        # not 新发行|…证券化|产品…，发行规模: the things, no measure of theirs)
        return "".join(tokens[tokens.index(first) + 1:-1])
    elif ending and bare == "verb":
        return ""  # (实物商品网上零售额…，快递业务量…: a verb's measure after a noun's is another's)
    elif ending:  # (owner + measure noun: 塑料制品|总产量 before 产值, 产品销售|收入)
        at = len(before) - len(ending)
        qualifier = next((q for q in (*cues.measure_qualifiers, *cues.peak_qualifiers)
                          if before[:at].endswith(q)), "")
        at -= len(qualifier)
        if at not in starts:
            return ""
        run = starts.index(at)
    elif bare == "measure" and name.endswith(_RATE) and name in cue_set("carried_measures") and (
            (run := _nouns_opening(tokens)) < len(tokens)):
        # (空气质量优良天数310天，优良率…; 空气质量达到良好以上天数…，达标率…: a rate of the thing
        # the figure before opens with, the nouns before its first word of another kind)
        pass
    elif bare == "verb" and not before.endswith(cues.works_on_things):
        # the verbs that open the item's measure (发送|旅客, 授信, 开行, 报告|发病), not a
        # verb of building (改造燃气管网…、供热管网…: the list's verb is the later item's)
        end = len(tokens)
        while end and pos_tag(tokens[end - 1]).startswith("n") and (
                tokens[end - 1] not in cues.verbs_tagged_nouns):
            end -= 1
        run = end
        while run and (pos_tag(tokens[run - 1]) in _VERB_TAGS
                       or tokens[run - 1] in cues.verbs_tagged_nouns):
            run -= 1
        if run == end or any(t in cues.counting_verbs or t in cues.award_verbs for t in tokens[run:end]):
            return ""  # (…获|金鹰奖: a winner of an award owns no flow of the clause after it)
    else:
        return ""
    while run and (tokens[run - 1] in cues.verbs_tagged_nouns or pos_tag(tokens[run - 1]) == "d"):
        run -= 1  # (丙类传染病|共|报告|发病: the adverb and the verb go with the measure)
    # (新签|对外承包工程|合同额 before 营业额: the contracts' owner, without the verb of signing)
    # (the segmenter may cut the verb in two: 新|签)
    signing = max((v for v in cues.signing_verbs if before.startswith(v) and len(v) in starts),
                  key=len, default="")
    signed = starts.index(len(signing)) if signing and starts.index(len(signing)) < run else 0
    owner, owned = before[starts[signed]:starts[run]], tokens[signed:run]
    # (煤炭|产量…，保有储量…: a thing of one word of two characters owns a measure that names
    # nothing without an owner, cues.carried_measures, and so does a body of two, 医院|次均门诊
    # 费用…；次均住院费用…: the measures an institution's own, since the thirty-eighth session;
    # 电力 adds nothing to 发电量)
    short_thing = bool(ending) and len(owned) == 1 and _names_nothing_alone(name) and (
        pos_tag(owner) == "n")
    if len(owner) < _MIN_TOPIC and not short_thing or not owned or pos_tag(owned[-1]).startswith(_NOT_OWNER_ENDS) or (
            pos_tag(owner[-2:]).startswith("v")) or (
            owner.startswith((*cues.counting_verbs, *cues.flow_verbs_over_lists,
                              *cues.scope_words, *cues.verbs_tagged_nouns))
            or any(len(t) > 1 and pos_tag(t) == "v" for t in owned)
            or all(pos_tag(t) in ("ns", "f") for t in owned) or owner.endswith(first)):
        return ""  # (新建5G基站: built things; 全市, 浦东新区: a place; 可|降解塑料: 可 is no verb;
        # 产品销售|收入: a measure of one word the segmenter cuts, 销售 is no owner)
    return owner


def _said_bare(clause: str, metric: str) -> bool:
    """The figure's clause names ``metric`` with no word before it but a link word (实现利润);
    not where a scope was taken off (东北地区投资, 全市产值)."""
    at = clause.rfind(metric)
    cues = load_vocabulary().cues
    # (依法|查处案件: an adverb of manner says how, and names no owner either)
    return at >= 0 and (at == 0 or clause[:at].strip(_CLAUSE_MARKS) in (
        "", *cues.link_words, *cues.manner_adverbs))


def owner_carried(metric: str, words: PhraseAnalysis, text: str,
                  block_drafts: list[Draft]) -> tuple[str, Draft] | None:
    """The owner a bare measure named ``metric`` by its own words takes from the nearest figure
    before it in its sentence named by its own words (owner + measure), and that figure's
    draft; None for none (see the comment above ``_MAX_BARE``). A bare measure's share (发电量
    占比 after 清洁能源装机占比) takes the owner the measure would."""
    if metric.endswith(SHARE_NOUN) and len(metric) > len(SHARE_NOUN) and block_drafts:
        # (清洁能源装机占比…、发电量占比…: the items' measures, their shares' noun off)
        measure = metric.removesuffix(SHARE_NOUN)
        if (len(measure) <= _MAX_BARE or measure in cue_set("carried_measures")) and _bare(measure):
            return owner_carried(measure, words, text, [replace(d, metric=d.metric.removesuffix(SHARE_NOUN))
                                                        for d in block_drafts[-_SHARE_REACH:]])
        return None
    cues = load_vocabulary().cues
    # (…日均客流量…，单日最高客流量…: the day's or the peak's measure, its qualifier aside)
    measure = next((metric[len(q):] for q in cues.peak_qualifiers
                    if metric.startswith(q) and _bare(metric[len(q):]) == "measure"), metric)
    if len(measure) > _MAX_BARE and measure not in cue_set("carried_measures") or not block_drafts:
        return None  # (most names: longer than a bare measure; 次均住院费用 is one)
    bare = _bare(measure)
    if not bare or _opens_with_scope(words.clause) or not _said_bare(words.clause, metric):
        return None
    # (the clause right after the last figure: …，同比增长5%；销量…, not …，X发展远超预期，…)
    if len(_CLAUSE_MARK.findall(text, block_drafts[-1].figure.lend, words.clause_start)) > 1:
        return None
    # (a measure that names nothing without an owner, 入院人次, 次均住院费用, goes on about
    # its paragraph's owner past a full stop as past a ；: a writer's choice between the two)
    carried = metric in cue_set("carried_measures")
    passed_named = False  # a figure named by its own words passed over (a duration)
    for draft in reversed(block_drafts):
        crossed = draft.figure.lstart < words.sentence_start and _FULL_STOP.search(
            text, draft.figure.lend, words.sentence_start) is not None
        if crossed and (not carried or passed_named):
            # (the owner's figure is in the sentence: a ； between them is no stop; past a full
            # stop only for a measure that names nothing alone, and not past a sentence that
            # names another thing: …。空气质量…天数300天，达标率…)
            return None
        if draft.metric_from in ("of", "previous"):
            continue
        if draft.kind == "duration":
            if metric.endswith(_RATE) and draft.metric_from == "before" and not crossed and (
                    owner := _owner(draft.metric, measure, bare)):
                return owner, draft  # (空气质量优良天数310天，优良率…: the days' thing)
            passed_named = True
            continue
        # (the sentence from its full stop: a part after 其中 may follow a ；)
        opening = 1 + max(text.rfind(stop, 0, words.clause_start) for stop in "。！？!?")
        if draft.metric_from != "before" or not draft.metric or draft.metric == metric or any(
                marker in text[opening:words.clause_start] for marker in cues.sub_item_markers):
            return None
        owner = _owner(draft.metric, measure, bare)
        return (owner, draft) if owner else None
    return None


def casualties_of_events(drafts: list[Draft], blocks: list[Block]) -> None:
    """生产安全事故死亡人数 for 死亡人数 after 发生生产安全事故104起 in its sentence: a bare
    casualty or loss (cues.casualty_measures) after a count of events (a name that ends with
    cues.event_heads, 事故, 火灾) is those events', and so are the figures that describe it.
    Read once the block is named, so that a list's later items (死亡12人，受伤30人) are named
    from the bare casualty before them."""
    casualties, heads = cue_set("casualty_measures"), cue_words("event_heads")
    renamed: dict[int, str] = {}
    events: Draft | None = None
    owner = ""  # the events' name, without the count's measure word and verb (发生|火灾|数)
    for index, draft in enumerate(drafts):
        if draft.metric_from == "of" and draft.of is not None and id(draft.of) in renamed:
            drafts[index] = replace(draft, metric=renamed[id(draft.of)])
            continue
        name = draft.metric.removesuffix("起数").removesuffix("数")
        if draft.kind == "count" and name.endswith(heads):
            events = draft
            owner = name[next((len(v) for v in _EVENT_VERBS if name.startswith(v)), 0):]
            continue
        if draft.kind == "count" and name.endswith(_CASES):
            # (丙类传染病共报告发病…例，死亡…人: the deaths of the disease whose cases are counted)
            events = draft
            owner = name[:-len(next(c for c in _CASES if name.endswith(c)))]
            continue
        if draft.metric not in casualties or events is None or draft.kind not in _LOSS_KINDS or (
                len(owner) < 2):
            continue
        block = blocks[draft.figure.block]
        if events.figure.block == draft.figure.block and events.figure.lstart >= block.sentence_start(
                draft.figure.lstart):
            renamed[id(draft.figure)] = owner + draft.metric
            drafts[index] = replace(draft, metric=owner + draft.metric)


_LOSS_KINDS = frozenset({"count", "amount"})
_CASES = ("共报告发病", "报告发病", "发病")  # a count of a disease's cases, longest first
_EVENT_VERBS = ("全年共发生", "全年发生", "共发生", "发生")  # 共发生|生产安全事故, longest first


__all__ = ["casualties_of_events", "facility_of_sentence", "owner_carried", "topic_carried"]


def facility_of_sentence(text: str, starts: tuple[int, ...], clause_start: int, metric: str,
                         figures: Callable[[], list[tuple[int, str]]]) -> str:
    """某某产业园启动建设，签约项目163个: a clause that opens with a named park, railway, airport
    or zone (cues.facility_heads) and its start of operation (cues.operation_verbs), with no
    figure or with figures of its own (named from the facility), at the start of the sentence
    or of the clause before (``starts``), goes on about it: a later clause's name that opens
    with what was done in it (cues.facility_activities: 签约项目, 发送旅客) or with a verb of
    rule 7 (cues.counting_verbs: 培育品种; not 新增, the region's flow), or is a bare measure (产值;
    cues facility_measures, carried_measures, topic_measures) names the facility too, unless
    the clause opens with a scope of its own (全市…). Not a facility a verb works on (深化|
    园区…: the object of a clause, no subject). ``figures`` gives where the figures of the
    sentence before this one start and their names (asked only when the name could take a
    facility). ``metric`` unchanged otherwise.

    >>> facility_of_sentence("临港智造园建成投用，产值增长32%", (0,), 10, "产值", list)
    '临港智造园产值'
    """
    name = metric.removeprefix("累计")
    # (the name first: most figures' names are neither, and no sentence is read for them;
    # 新增|注册企业: the things a flow added there)
    cues = load_vocabulary().cues
    scope_words = cues.scope_words
    if not name or text.startswith(scope_words, clause_start) or not _takes_facility(name) and not (
            # (…实验室快速成长，…、实施|自主科研项目…: a work done in it, its verb of effort gone)
            (effort := next((v for v in cues.effort_verbs if text.startswith(v, clause_start)), ""))
            and text.startswith(name, clause_start + len(effort))):
        return metric
    at_figures = figures()
    for start in reversed(starts):  # (the nearest opening first)
        if start >= clause_start:
            continue
        opening = _facility_opening().match(text, start, clause_start)
        if opening is None or opening.group(1).startswith(scope_words) or (
                pos_tag(_tokens(opening.group(1))[0]).startswith("v")):
            continue
        # (a facility and its start of operation, or a facility that a verb right after it
        # makes the topic of a clause with no figure: 中老铁路|发展远超预期，累计发送旅客…; not
        # a facility's attribute, 港口通道|能级…提升, nor a heading, 能源基地|方面)
        end = opening.end() if opening.group(2) else _clause_end(text, start, clause_start)
        if not opening.group(2) and not pos_tag(_tokens(text[opening.end():end])[0]).startswith(_TOPIC_VERB_TAGS):
            continue
        facility = opening.group(1)
        # (a figure in the facility's clause is its own: 某园集聚团队53支，|培育品种161个; not
        # before a 、, which lists what that figure's things have: …项目139个、|总投资…)
        own = [owned for at, owned in at_figures if start <= at < end]
        if not own or all(owned.startswith(facility) for owned in own) and text[end:end + 1] != "、":
            return facility + name
    return metric


def _takes_facility(name: str) -> bool:
    """Whether a name may be of the facility its sentence opened with: it opens with what was
    done in it (cues.facility_activities, after 新增) or with a verb of rule 7 that is no flow
    of the whole region (cues.counting_verbs, not 新增), or it is a bare measure of an owner
    (cues facility_measures, carried_measures, topic_measures)."""
    return name.removeprefix(_FLOW).startswith(cue_words("facility_activities")) or (
        name.startswith(load_vocabulary().cues.counting_verbs) and not name.startswith(_REGION_FLOWS)) or any(
        name in cue_set(measures) for measures in ("facility_measures", "carried_measures", "topic_measures"))


_FLOW = "新增"  # 新增|注册企业: a flow of what was done in a facility
_REGION_FLOWS = ("新增", "净增")  # 新增国际航线…: the region's flow, whatever the sentence opened with
_TOPIC_VERB_TAGS = ("v", "d")  # 发展 (vn), 扩|面, 持续: what opens a clause's predicate


def _clause_end(text: str, start: int, limit: int) -> int:
    """Where the clause that opens at ``start`` ends (its mark), ``limit`` at the latest."""
    found = _CLAUSE_MARK.search(text, start, limit)
    return found.start() if found is not None else limit


@lru_cache(maxsize=1)
def _facility_opening() -> re.Pattern[str]:
    cues = load_vocabulary().cues
    heads = "|".join(sorted(map(re.escape, cues.facility_heads), key=len, reverse=True)) or "(?!)"
    verbs = "|".join(sorted(map(re.escape, cues.operation_verbs), key=len, reverse=True)) or "(?!)"
    # the facility's name: Han characters (and brackets) up to its head, then its operation,
    # or the predicate of a clause about it (a Han character that is no part of its name)
    return re.compile(rf"[\s\u3000]*([\u4e00-\u9fff（）()]{{1,12}}?(?:{heads}))"
                      rf"(?:(?:正式|全面|顺利|率先)?({verbs})|(?=[\u4e00-\u9fff]))")



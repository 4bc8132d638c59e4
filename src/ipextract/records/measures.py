"""Rule 6 of the metric naming: a category takes the measure of the parallel category before
it (食品类零售额增长9%，饮料类增长3%: 饮料类零售额; 居民恩格尔系数…，其中城镇为…: 城镇居民恩格尔
系数; 医疗卫生机构床位…，其中医院…: 医院床位). A pass over the drafts once every figure of a
block is named, like the shared nouns of an enumeration (naming/fills.py)."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from itertools import pairwise

import regex

from ..blocks import NAME_LIST_MARKS, Block
from ..region_codes import DIVISION_KINDS, lookup
from ..vocabulary import load_vocabulary
from ..vocabulary.indicators import indicator_of
from ..vocabulary.lexicon import pos_tag
from .base import _NOMINAL_TAGS, Draft, _tokens, _word_sets
from .naming.lists import _INDUSTRY_WORK, measure_group, owner_in_group
from .naming.phrase import _NAME_ENDINGS, _PRICE_LEVELS, SHARE_VERB
from .naming.totals import _part_taking_verbs


def _has_measure(name: str, measures: tuple[str, ...]) -> bool:
    """零售额, 利润总额, 床位: the name says what is measured, not only of whom."""
    return name.endswith(_NAME_ENDINGS) or name.endswith(measures)


_CLASS = "类"  # 食品烟酒类: a class of goods
_NEW_WHOLE = regex.compile(r"[。！？]|中[，,：:]")  # a new sentence, or a whole before 中 opening a clause


_LIST_MARK = "、"
_CHANGE_KINDS = frozenset({"growth", "change", "change_pp"})  # what a 分别 list gives of the levels before


def _parallel_measure(category: str, model: str, sub_item: bool, bare: bool = False) -> str:
    """:func:`_parallel_measure_of`, ``""`` where the measure it takes holds a list's mark."""
    named = _parallel_measure_of(category, model, sub_item, bare)
    # (游客人数、旅游收入均增长…，接待入境游客增长…: the measure taken is no list of items)
    return "" if _LIST_MARK in named[len(category):] and named.startswith(category) else named


def _parallel_measure_of(category: str, model: str, sub_item: bool, bare: bool = False) -> str:
    """The name of ``category`` with the measure of ``model``, the name of the figure before it,
    when the two are parallel; ``""`` when they are not. A ``bare`` category, whose clause is
    the category, a change verb or link word and the figure (新材料增长15%), is parallel to a
    model that names a category and a measure whatever its last character.

    >>> _parallel_measure("饮料类", "食品类零售额", False)
    '饮料类零售额'
    >>> _parallel_measure("农村", "全体居民人均消费支出", False)
    '农村居民人均消费支出'
    >>> _parallel_measure("医院", "医疗卫生机构床位", True)
    '医院床位'
    >>> _parallel_measure("食用菌", "蔬菜产量", False), _parallel_measure("食用菌", "蔬菜产量", False, True)
    ('', '食用菌产量')
    >>> _parallel_measure("外资企业", "民营企业占规上工业的比重", False)
    '外资企业占规上工业的比重'
    >>> _parallel_measure("衣着类", "食品烟酒类居民消费价格", False)
    '衣着类居民消费价格'
    """
    cues = load_vocabulary().cues
    measures = cues.measure_nouns
    group_owner = owner_in_group(category, model)
    if group_owner:
        # 货物进出口总额…。其中，出口…；进口…: a bare measure of the model's group is its owner's
        # (as sentence._owner_of_group reads it within a sentence, across the list's sentences)
        return group_owner + category
    share = model.rfind(SHARE_VERB)
    if share > 0 and model.endswith(tuple(cues.share_nouns)) and SHARE_VERB not in category and (
            not category.endswith(tuple(cues.share_nouns))):
        # …服务中心占同类机构的比重…，服务站占…: the share of the same whole, of the same
        # measure where the model's part names one (…企业营业收入占…，专精特新企业占…); not a
        # share named with its own noun (…投资占比, 第三产业增加值比重)
        return (_parallel_measure(category, model[:share], False) or category) + model[share:]
    if _has_measure(category, measures) or category.endswith(cues.counted_measures):
        return ""
    price = model[model.rfind(_CLASS) + 1:]  # (衣着类 after 食品烟酒类居民消费价格: the price alone)
    if category.endswith(_CLASS) and price.endswith(_PRICE_LEVELS) and len(price) > len(_CLASS) + 2:
        # 居民消费价格上涨1.8%。分类别看，食品烟酒类上涨2.3%: a class of the goods the price is of
        return category + price
    if not _has_measure(model, measures):
        # 医疗卫生机构总诊疗人次…，其中医院…: a count of events the total names whole
        counted = _counted_measure(_tokens(model), cues.counted_measures,
                                   cues.counted_event_nouns) if sub_item else ""
        return category + counted if counted and counted not in category else ""
    if category in cues.population_parts:
        # 全体居民…, 居民…: the population's part in place of the whole, or before it
        whole = next((part for part in cues.population_parts if model.startswith(part)), "")
        return category + model[len(whole):]
    tokens = _tokens(model)
    for cut in range(len(tokens) - 1, 0, -1):  # the nearest category (规上工业战略性新兴产业|增加值)
        measure = "".join(tokens[cut:])
        if len(measure) > 1 and _has_measure(measure, measures) and _plain_measure(tokens[cut:]) and (
                (bare or tokens[cut - 1][-1] == category[-1]) and len(category) > 1
                and category != tokens[cut - 1]):
            # 食品类|零售额 and 饮料类, 国有控股企业|利润总额 and 私营企业 (not the model's own
            # word: 企业 after 国有控股企业 is no parallel category)
            return category + measure
    if bare and len(tokens) == 1:
        # 蔬菜产量 (one word) and 食用菌: the measure the word ends with, past a category of two
        # characters or more
        measure = max((m for m in measures if model.endswith(m) and len(model) - len(m) > 1), key=len,
                      default="")
        return category + measure if measure and measure not in category else ""
    if sub_item and model in measures and not set(category) & set(model):
        return category + model  # 床位增加…，其中：公立医院增加…: the bare measure of the total
    if sub_item:  # 医疗卫生机构床位…，其中医院…: the total's measure, where it is an attribute
        return next((category + "".join(tokens[cut:]) for cut in range(1, len(tokens))
                     if "".join(tokens[cut:]) in measures
                     and not set(category) & set("".join(tokens[cut:]))), "")
    return ""


_EVENT_WORD_TAGS = ("v", "vn", "a")  # 诊疗|人次, 新|病例: the act or the newness counted


def _counted_measure(tokens: list[str], counted: tuple[str, ...],
                     events: tuple[str, ...] = ()) -> str:
    """诊疗人次 of 医疗卫生机构|总|诊疗|人次, 新病例 of 报告|各类|职业病|新|病例: the measure of
    events (cues.counted_measures) a name ends with, with the verbs and adjectives right before
    it and the acts of ``events`` the segmenter tags nouns (入院|人次: cues.counted_event_nouns;
    not 总, a word of the whole, nor the nouns of whose events they are); ``""`` when the
    name ends with none, or with the measure word alone.

    >>> _counted_measure(["医疗卫生", "机构", "总", "诊疗", "人次"], ("人次",))
    '诊疗人次'
    >>> _counted_measure(["医疗卫生", "机构", "入院", "人次"], ("人次",), ("入院",))
    '入院人次'
    """
    if not tokens or tokens[-1] not in counted:
        return ""
    at = len(tokens) - 1
    while at > 0 and (pos_tag(tokens[at - 1]) in _EVENT_WORD_TAGS or tokens[at - 1] in events):
        at -= 1
    return "".join(tokens[at:]) if at < len(tokens) - 1 else ""


def _unit_named(draft: Draft) -> str:
    """人次 of 医疗卫生机构入院人次|1520.0万: the measure of events (cues.counted_measures) a
    count's name ends with when its figure writes no unit after the number, which its parts
    written with the unit (其中：医院1210.0万人次) count as it does; ``""`` for any other."""
    if draft.kind != "count" or not draft.metric:
        return ""
    return next((word for word in load_vocabulary().cues.counted_measures
                 if draft.metric.endswith(word)), "")


def _plain_measure(tokens: list[str]) -> bool:
    """增加值, 零售额: a measure of nouns (not 的净利润, 产值两位数: a phrase, a numeral)."""
    return tokens[0] != "的" and not any(pos_tag(token) == "m" or _NUMERAL_IN.search(token)
                                         for token in tokens)


_NUMERAL_IN = regex.compile(r"[0-9一二两三四五六七八九十百千]")


def _runs_of_bare_growths(drafts: list[Draft], blocks: list[Block]) -> set[int]:
    """The ids of the figures that are growths of bare items (:func:`_bare_clause`: 航空航天|
    增长20%) two or more in a row in one sentence: a list of items of one measure after the
    first, named with it (…营业收入增长10%、航空航天增长20%、生物医药增长6%). A single bare
    growth after a measure is as often a measure of its own (贷款余额增长9.4%，企业债券融资
    增长28.5%), whether a writer joins the clauses with 、 or ，."""
    bare: list[int] = []  # indices of bare growths
    for index, draft in enumerate(drafts):
        if draft.kind != "growth" or draft.metric_from != "before" or not draft.metric:
            continue
        figure = draft.figure
        block = blocks[figure.block]
        if block.kind != "table_row" and _bare_clause(
                block.text[block.clause_start(figure.lstart):figure.lstart], draft.metric):
            bare.append(index)
    runs: set[int] = set()
    for first, second in pairwise(bare):
        one, two = drafts[first].figure, drafts[second].figure
        if second == first + 1 and one.block == two.block and (
                blocks[one.block].sentence_start(one.lstart) == blocks[two.block].sentence_start(two.lstart)):
            runs.update((id(one), id(two)))
    return runs


def _bare_clause(clause: str, name: str) -> bool:
    """Whether a clause before its figure is ``name`` and at most a change verb or a link word
    (新材料|增长, 蔬菜|为): an item of a list of one measure, with nothing of its own; not a
    name that ends as a measure does (净资产, 研发投入: cues.measure_endings) nor one the
    indicator catalogue knows (外贸进出口, 棉花): each a measure of its own.

    >>> _bare_clause("新材料增长", "新材料"), _bare_clause("新材料产业加快发展、增长", "新材料产业")
    (True, False)
    """
    at = clause.rfind(name)
    if at < 0:
        return False
    rest = clause[at + len(name):]
    words = _word_sets()
    if rest and rest not in words["change"] and rest not in words["link"]:
        return False  # (most growths: words of their own before the figure; the catalogue last)
    # (净资产增长6.4%, 外贸进出口增长12%: a measure of its own)
    return not name.endswith(load_vocabulary().cues.measure_endings) and indicator_of(name) is None


_MAX_CATEGORY = 10  # characters: a category is a short noun phrase
# characters of a part listed after 其中 (非中医类医疗机构中医类临床科室): a kind of the total's
# things may be named at length, its total being said
_MAX_PART = 20
_PARALLEL_REACH = 80  # characters from the last measure named to a category that takes it
_CATEGORY_JOINS = regex.compile(f"[{NAME_LIST_MARKS}和及与]")


@lru_cache(maxsize=1)
def _flow_openings() -> tuple[str, ...]:
    """What opens a flow's name (cues.flow_verbs_over_lists, verbs_before_names): one tuple,
    made once, not at every name asked about."""
    cues = load_vocabulary().cues
    return cues.flow_verbs_over_lists + cues.verbs_before_names


def _is_category(name: str, longest: int = _MAX_CATEGORY) -> bool:
    """饮料类, 私营企业, 服装、鞋帽、针纺织品类: a short noun phrase (``longest`` characters at
    most), or a list of them."""
    if name.startswith(_flow_openings()):
        return False  # 新增地理标志商标两件: a flow, no category of a stock named before
    parts = _CATEGORY_JOINS.split(name)
    # (the last word a noun or 类: 娱乐|用品|类 is one though jieba tags 娱乐 a verb; a verb of
    # one character inside is an action on the things, no kind of them: 保|供电|煤, for 保供电煤)
    # A bare measure of a group (cues.measure_groups) is one whatever its last word's tag (工资性|
    # 收入, tagged a verb, after 全体居民人均可支配收入…。其中，…), and so is an industry named by
    # its work (新能源装备|制造: lists._INDUSTRY_WORK)
    return len(name) <= 2 * longest and all(
        1 < len(part) <= longest and (pos_tag((tokens := _tokens(part))[-1]).startswith(_CATEGORY_TAGS)
                                      or measure_group(part) or len(tokens) > 1 and tokens[-1] in _INDUSTRY_WORK)
        and not any(len(token) == 1 and pos_tag(token) == "v" for token in tokens)
        for part in parts)


_CATEGORY_TAGS = (*_NOMINAL_TAGS, "q")  # 家电|类


def _nested_part(text: str, model_end: int, start: int) -> bool:
    """Whether a figure at ``start`` is a part listed in a bracket right after the figure
    ending at ``model_end`` (…4120例（其中病毒性肝炎2105例）): an item of that part, the list
    of the total going on after the bracket with the model it had."""
    if text[model_end:model_end + 1] not in _OPEN_BRACKETS:
        return False  # (most figures: no bracket right after the one before)
    between = text[model_end + 1:start]
    # (…4.2万元（城镇5.1万元，农村…）: the bracket lists the parts without a 其中 too, every one
    # of them up to its close)
    return not any(mark in between for mark in _CLOSE_BRACKETS)


_OPEN_BRACKETS = ("（", "(")
_CLOSE_BRACKETS = ("）", ")")


def _part_alone(part: str, total: str) -> bool:
    """Whether a part of a total (after 其中, or in a bracket right after it) named by ``part``
    alone is a place, a trade partner or a class of people (海淀区, 对东盟, 男性): a part of the
    whole the total's name measures: named by that name (地区生产总值, the place its scope) or
    by the part and that name (对东盟出口总额, 男性城镇登记失业率); not a kind of the total's things (医院 of 医疗卫生机构床位: a
    thing with the measure alone, :func:`_parallel_measure`), nor where the total's name opens
    with a place, a partner or a class of its own.

    >>> _part_alone("海淀区", "地区生产总值"), _part_alone("对东盟", "出口总额"), _part_alone("医院", "床位")
    (True, True, False)
    """
    areas = load_vocabulary().cues.population_parts
    # (城镇登记失业率…，其中男性…: an area of the population opening the total is a word of its
    # measure's name, no class of its own; 新增城镇就业…（其中…农村…）: a total of an area of its
    # own names no other area)
    if not total or total.startswith(_PARTNER) or _place_or_class(total[:2]) and total[:2] not in areas or (
            part in areas and any(word in total for word in areas)):
        return False
    word = part.removeprefix(_PARTNER)
    tokens = _tokens(word)
    if part.startswith(_PARTNER) and tokens:  # (对东盟, 对中亚五国, 对共建“一带一路”国家)
        return pos_tag(tokens[-1]) in _PARTNER_TAGS or tokens[-1] in load_vocabulary().cues.partner_heads
    return len(tokens) == 1 and _place_or_class(word)


_PARTNER = "对"  # 对东盟: the partners a trade is with
_PARTNER_TAGS = ("ns", "nt", "j")  # 美国, 东盟: a place, a body or an abbreviation


def _class_part(part: str, total: str) -> str:
    """The total's name for the part a class names (男性城镇登记失业率), after the verb the
    total's name opens with (接待入境旅游者 → 接待外国人入境旅游者: the visitors received).

    >>> _class_part("男性", "城镇登记失业率"), _class_part("外国人", "接待入境旅游者")
    ('男性城镇登记失业率', '接待外国人入境旅游者')
    """
    # (a verb of flow whose things the parts are, cues.toml verbs_of_parts…: not 出生|人口, a
    # verb inside a compound noun, 男性出生人口)
    verb = next((v for v in _part_taking_verbs() if total.startswith(v) and len(total) > len(v)), "")
    if verb and not part.startswith(verb):
        return verb + part + total[len(verb):]
    return part + total


def _place_or_class(word: str) -> bool:
    """A place (:func:`_place`) or a class of people (cues.toml people_classes: 男性, 女性)."""
    return _place(word) or word in load_vocabulary().cues.people_classes


@lru_cache(maxsize=1)
def _single_classes() -> frozenset[str]:
    """The classes of one character (市, 县, 男) that name a part in a bracket after its total
    (住院分娩率…（市…，县…）): too short for a category elsewhere."""
    return frozenset(word for word in load_vocabulary().cues.people_classes if len(word) == 1)


def _place(word: str) -> bool:
    """A place: a division's name (海淀区, 浦东新区, which the segmenter may tag n), or a word
    tagged ns that names one (not 城镇人口, which it tags so too)."""
    return word.endswith(DIVISION_KINDS) and len(word) > 2 or pos_tag(word) == "ns" and lookup(word) is not None


def _part_of(draft: Draft, model: Draft, model_end: int, block: Block,
             totals: dict[tuple[str, str], Draft], renamed: dict[str, str]) -> Draft | None:
    """The total ``draft`` is an item of: 其中 (其中：医院…) between the total, the ``model``
    (whose words end at ``model_end`` of ``block``), and the item makes it one; the items after
    the first are items of the same total (其中：医院…，基层…); ``None`` for none."""
    between = block.text[model_end:draft.figure.lstart]
    if any(marker in between for marker in load_vocabulary().cues.sub_item_markers):
        return model
    key = (draft.kind, draft.figure.unit or _unit_named(draft))
    return totals.get(key) if model.metric in renamed.values() else None


def _parallel_measures(drafts: list[Draft], blocks: list[Block]) -> set[int]:
    """食品类零售额增长9%，饮料类增长3%; 居民恩格尔系数…，其中城镇为…: a category in a clause of
    its own after a figure of the same kind and unit, whose name is a parallel category and a
    measure, takes that measure (饮料类零售额, 城镇居民恩格尔系数); so does the growth or level
    named after it (城镇26800元，增长4.1%).

    Returns the ids of the figures whose names took a measure so: items that go on a list
    (fills._scope_of_opening_whole gives them the whole the list opened with)."""
    block_at = -1
    models: dict[tuple[str, str], Draft] = {}  # the block's last named figure of a kind and unit
    renamed: dict[str, str] = {}  # in the block: a category's old name → its new one
    totals: dict[tuple[str, str], Draft] = {}  # the total whose items the list names (其中…)
    continued: set[int] = set()
    bare_growths = _runs_of_bare_growths(drafts, blocks)
    for index, draft in enumerate(drafts):
        figure = draft.figure
        block = blocks[figure.block]
        if block.kind == "table_row":
            block_at, models, renamed, totals = -1, {}, {}, {}
            continue
        # (a block, not a sentence: 全体居民…；城镇…；农村… is one list whether its items end in
        # ；or in 。, and a writer's choice between the two must not change the records)
        if figure.block != block_at:
            # (…总诊疗人次16.8亿。| 其中：中医类医院…: a paragraph cut in two at a full stop
            # before 其中 is still the total's list)
            goes_on = figure.block == block_at + 1 and block.text.lstrip().startswith(
                load_vocabulary().cues.sub_item_markers)
            block_at = figure.block
            if not goes_on:
                models, renamed, totals = {}, {}, {}
        key = (draft.kind, figure.unit or _unit_named(draft))
        model = models.get(key)
        # (where the words after the model start in this block: at its start for a model of
        # the paragraph before, 其中 opening this one)
        model_end = 0 if model is None or model.figure.block != figure.block else model.figure.lend
        if model is not None and figure.lstart - model_end > _PARALLEL_REACH:
            model = None  # a category far from the last measure named is no item of its list
        elif model is not None and draft.kind == "share" and _NEW_WHOLE.search(
                block.text, model_end, figure.lstart):
            model = None  # (…占职工总数的6.6%…；在…专业技术人员中，…占6.7%: a whole of its own)
        # (…4120例（其中病毒性肝炎2105例），丙类…: a part of the part before, in a bracket)
        nested = model is not None and model_end > 0 and _nested_part(block.text, model_end, figure.lstart)
        # (出口…，进口…，分别下降…: the growths a 分别 list names by the items the levels were)
        if draft.metric in renamed and (draft.metric_from in ("of", "previous") or (
                draft.metric_from == "list" and draft.kind in _CHANGE_KINDS)):
            drafts[index] = draft = replace(draft, metric=renamed[draft.metric])
            continued.add(id(figure))
        elif draft.kind == "share" and draft.metric_from in ("of", "previous") and (
                (at := draft.metric.rfind("占")) > 0 and draft.metric[:at] in renamed):
            # 消费品工业增长4.0%，占规上工业比重30.2%: the share of the part the growth named,
            # which took its measure here (消费品工业增加值占规上工业比重); the change of the
            # share after it (比上年提高…个百分点) is named as the share is
            new = renamed[draft.metric[:at]] + draft.metric[at:]
            renamed[draft.metric] = new
            drafts[index] = draft = replace(draft, metric=new)
        elif (model is not None and draft.metric_from == "before"
                and (nested or block.clause_start(figure.lstart) >= model_end)
                and (_is_category(draft.metric) or nested and draft.metric in _single_classes()
                     or len(draft.metric) > _MAX_CATEGORY
                     and _part_of(draft, model, model_end, block, totals, renamed) is not None
                     and _is_category(draft.metric, _MAX_PART))):
            last = _CATEGORY_JOINS.split(draft.metric)[-1]  # 服装、鞋帽、针纺织品类: 针纺织品类
            total = _part_of(draft, model, model_end, block, totals, renamed) or (model if nested else None)
            # (a bare growth of a run is parallel to a model of any category, unless a whole
            # opens between them: …增长4.2%；在限额以上单位商品零售额中，通讯器材类… is the whole's)
            bare = id(figure) in bare_growths and not _NEW_WHOLE.search(block.text, model_end, figure.lstart)
            part = total is not None and last == draft.metric and _part_alone(last, total.metric)
            # (a place is the record's scope, no word of its name: 海淀区 → 地区生产总值)
            new = ((total.metric if _place(last) and not last.startswith(_PARTNER) else
                    last + total.metric if last.startswith(_PARTNER) else _class_part(last, total.metric))
                   if part and total is not None else
                   _parallel_measure(last, model.metric, False, bare)
                   or (_parallel_measure(last, total.metric, True) if total is not None else ""))
            new = draft.metric[:len(draft.metric) - len(last)] + new if new else ""
            if new:
                renamed[draft.metric] = new
                drafts[index] = draft = replace(draft, metric=new)
                continued.add(id(figure))
                if total is not None and not nested:
                    totals[key] = total
        if draft.metric and not nested:
            # the nearest named figure of the kind and unit is the model: a category that took
            # no measure starts a list of its own (城市电话用户12.72万户，…，公用电话1.15万户
            # takes nothing from a 交换机容量 further back), and so does a name of its own
            # (…业务给付8747亿元，…业务赔款9810亿元: no 保费收入 of a sentence before)
            models[key] = draft
    return continued

"""The passes over all the drafts of a document, after every figure is named: the noun a list
of modifiers shares (3家国家级、9家省级运营中心) and the institutions a bare attribute is of
(普通高中42所，招生3.1万人)."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import replace
from functools import lru_cache

import regex

from ...blocks import MAX_REACH, NAME_LIST_MARKS, Block
from ...figures import Figure
from ...scanning import alternation
from ...vocabulary import cue_words, load_vocabulary
from ...vocabulary.lexicon import pos_tag
from ..base import (
    _NOMINAL_TAGS,
    Draft,
    _tokens,
    _word_sets,
    compound_name,
)
from .phrase import (
    _ANY_DIGIT,
    _HAN_WORDS,
    _NAME_ENDINGS,
    _NOTE_MARK,
    BATCH,
    BATCH_AT_END,
    BRACKET_NOTE,
    COUNTS_JOINED,
    NOTE_MARK,
)
from .topic import _in_parts, _opens_with_scope


def _attributes_of_institutions(drafts: list[Draft], blocks: list[Block]) -> None:
    """普通高中42所，招生3.1万人，在校生9.2万人: a bare attribute noun (``cues.attribute_nouns``)
    after a count of institutions in the same sentence is the institutions' (普通高中招生…), and
    so is the growth or share that describes it. The count must open the sentence's figures.
    An attribute that opens them with its institutions written before it (普通本专科招生52.6万
    人，在校生…; 国有工业资产总额…) gives them to the bare attributes after it: 普通本专科在校生
    (issue #15: 在校生 alone does not tell 普通本专科 from 普通小学).

    A body's results (``cues.chain_attributes``: 工业增加值, 上交税金…) are its own only in the
    chain right after it, one clause mark from the figure before (…资产总额…，占…；工业增加值…),
    where a work report's 新增规上企业…家，…，工业增加值增长… is the region's; they go on past
    ； only so, and the other attributes not at all (…世界文化遗产8处；…，近3.3万名工作人员…)."""
    cues = load_vocabulary().cues
    chain_attributes = frozenset(cues.chain_attributes)
    attributes = frozenset(cues.attribute_nouns) | chain_attributes
    institution_units = cues.institution_units  # (read once: a model's field is a slow read)
    owner: Draft | None = None
    owner_name = ""  # the institutions the sentence's attributes are of
    latest: Draft | None = None  # the sentence's last count of institutions
    sentence = (-1, -1)
    renamed: dict[int, tuple[str, str]] = {}  # id of a figure → its new name and its old one
    chained: set[int] = set()  # ids of the owner's figure, its attributes' and theirs
    for index, draft in enumerate(drafts):
        figure = draft.figure
        block = blocks[figure.block]
        here = (figure.block, block.sentence_start(figure.lstart))
        counts_institutions = (draft.kind == "count" and figure.unit in institution_units
                               and bool(draft.metric) and not draft.metric.endswith(tuple(attributes)))
        before = index - 1
        while chained and before > 0 and _in_note_closed_before(block, drafts[before].figure, figure):
            before -= 1  # (…8734.6亿元，占17.4％（其中内销占…，外销占…）；实现利润…: past the note)
        adjacent = drafts[before].figure if before >= 0 else None  # (the one clause mark's figure)
        while chained and before > 0 and drafts[before].figure.block == figure.block and _in_parts(
                block.text, drafts[before], block.clause_start(figure.lstart), _PARTS_CLOSED_BY_STOPS):
            before -= 1  # (…企业1380家，其中，批发企业…，零售企业…；从业人员…: past the parts)
        in_chain = adjacent is not None and id(drafts[before].figure) in chained and _next_in_chain(
            block, adjacent, figure)
        if here != sentence:
            # (；or 。 alike: a writer's choice between the two must not change the records)
            goes_on = (owner is not None and here[0] == sentence[0] and draft.metric in chain_attributes
                       and in_chain)
            sentence = here
            if not goes_on:
                owner = latest = draft if counts_institutions else None
                owner_name = draft.metric if owner is not None else _institutions_of(draft, attributes)
                if owner_name:
                    owner = draft
                chained = {id(figure)} if owner is not None else set()
                continue
            # (…资产总额…亿元，占…；工业增加值…: a bare attribute after ； goes on with the
            # owner of the clauses before it, as after ，)
        if counts_institutions:
            latest = draft
            if owner is not None and draft.metric == owner.metric:
                chained.add(id(figure))  # (…单位由2015年的410个增加到1260个；从业人员…: its end)
            continue
        if latest is not None and block.text[latest.figure.lend:figure.lstart].startswith("、"):
            # 上市公司12家，科创板上市公司86家、总市值…: an attribute joined by 、 to a later
            # count is that count's (not 普通小学…所，教学点…个，招生…: the sentence's first)
            owner, owner_name = latest, latest.metric
            chained.add(id(latest.figure))
        if owner is None:
            continue
        # (在校学生（不含研究生）: a note on what the attribute leaves out is no word of it)
        attribute = _NOTE_AT_END.sub("", draft.metric) if draft.metric.endswith(_NOTE_CLOSES) else draft.metric
        if attribute in attributes and block.clause_start(figure.lstart) >= owner.figure.lend and (
                not owner.metric.startswith(_flow_verbs())) and (
                in_chain or draft.metric not in chain_attributes and owner.kind == "count") and (
                owner.kind == "count" or not _opens_with_scope(
                    block.text[block.clause_start(figure.lstart):figure.lstart])):
            # (国有企业实现营业收入…，全市利润总额…: a scope of its own ends a body's chain)
            # (形成10个营业收入超千亿元的集群: an attribute in the count's own clause is no list)
            name = compound_name(owner_name, draft.metric)
            renamed[id(figure)] = (name, draft.metric)
            chained.add(id(figure))
            drafts[index] = replace(draft, metric=name)
        elif index and (start_named := renamed.get(id(start := drafts[index - 1].figure))) and (
                start_named[1] == draft.metric and start.block == figure.block
                and block.clause_start(figure.lstart) <= start.lstart):
            # (从业人员由3.2万人增加到8.9万人: the end of a from-to, named as its start)
            renamed[id(figure)] = (start_named[0], draft.metric)
            chained.add(id(figure))
            drafts[index] = replace(draft, metric=start_named[0])
        elif draft.of is not None and id(draft.of) in renamed and draft.metric_from == "of":
            name, old = renamed[id(draft.of)]
            # (a share keeps its whole: 从业人员占全部工业从业人员的比重 → 大中型工业企业…)
            kept = draft.metric[len(old):] if draft.kind == "share" and draft.metric.startswith(old) else ""
            chained.add(id(figure))
            drafts[index] = replace(draft, metric=name + kept)
        elif draft.of is not None and id(draft.of) in chained:
            chained.add(id(figure))  # (…资产总额…亿元，占…%；: the owner's share, in its chain)


def _in_note_closed_before(block: Block, inside: Figure, figure: Figure) -> bool:
    """Whether ``inside`` stands in a note in brackets that closes before ``figure``, in one
    block (…占17.4％（其中内销占64.3％，外销占35.7％）；实现利润…)."""
    if inside.block != figure.block:
        return False
    text, start, end = block.text, inside.lend, figure.lstart
    closing = text.find("）", start, end)
    if closing < 0:
        closing = text.find(")", start, end)
    if closing < 0:
        return False  # (most figures: no bracket closes before the next)
    opening = text.find("（", start, closing)
    return opening < 0 and text.find("(", start, closing) < 0


def _next_in_chain(block: Block, before: Figure, figure: Figure) -> bool:
    """Whether ``figure`` follows ``before`` in one chain of a body's results: one clause mark
    between them, and the words of one measure (…53.7％；工业增加值|8307.2亿元), past a note in
    brackets right after ``before`` (…19.1％（其中…）；实现利润…)."""
    if before.block != figure.block:
        return False
    between = _NOTE_AT_START.sub("", block.text[before.lend:figure.lstart])
    return between[:1] in _CHAIN_MARKS and not any(mark in between[1:] for mark in _CHAIN_MARKS)


# what closes the parts a 其中 opened, before the chain goes on: ； or 。 alike (a writer's choice)
_PARTS_CLOSED_BY_STOPS = re.compile("[；;。]")
_NOTE_AT_START = regex.compile(r"^[（(][^（()）]*[）)]")  # a note in brackets right after a figure
_CHAIN_MARKS = frozenset("；;，,、。")


_NOTE_CLOSES = ("）", ")")
_NOTE_AT_END = regex.compile(BRACKET_NOTE.pattern + "$")  # (…（不含研究生）: a note closing a name)


@lru_cache(maxsize=1)
def _flow_verbs() -> tuple[str, ...]:
    """新增, 建成…: what opens the name of things added, no body whose results follow."""
    cues = load_vocabulary().cues
    return (*cues.flow_verbs_over_lists, *cues.counting_verbs)


_OWNER_KINDS = frozenset({"count", "amount"})  # 普通本专科招生…人, 国有工业资产总额…亿元


def _institutions_of(draft: Draft, attributes: frozenset[str]) -> str:
    """普通本专科 of 普通本专科招生, 国有工业 of 国有工业资产总额: the institutions an
    attribute's name opens with (a count or an amount, not a growth), ``""`` when it is no
    attribute or names none."""
    if draft.kind not in _OWNER_KINDS or not draft.metric.endswith(tuple(attributes)):
        return ""
    attribute = max((a for a in attributes if draft.metric.endswith(a)), key=len)
    institutions = draft.metric[: -len(attribute)]
    # (普通、职业本专科招生…: institutions of two kinds, one list)
    return institutions if len(institutions) >= 2 and _HAN_WORDS.fullmatch(
        institutions.replace("、", "")) else ""


# A sentence that opens with the whole its figures are parts of: (全年)(在)X中， (a footnote
# mark after the whole, 规模以上工业[11]中, no word of it)
_WHOLE_AND_MARK = r"([^，,。；;：:、0-9]{3,24}?)(?:" + NOTE_MARK + r")?中[，,]"
_OPENING_WHOLE = regex.compile(r"[\s　]*(?:全年)?(?:在)?(?:全部)?" + _WHOLE_AND_MARK)
# …, a whole with a threshold scope, after the report's own region (全市规模以上工业中，): the
# region is no word of the scope its figures take, as 全部 is not
_OPENING_SCOPED_WHOLE = regex.compile(r"[\s　]*(?:全年)?(?:在)?(?:全[国省市区州县盟旗])?(?:全部)?"
                                      + _WHOLE_AND_MARK)
# the count of main industries a whole closes with (规模以上工业|七大主要行业中): the members
# listed after it, no word of their scope
_MAIN_MEMBERS = regex.compile(r"[一二三四五六七八九十]{1,3}大(?:主要|重点|主导)?(?:行业|产业)$")
# …, or the set of places or units its figures count members of, after the months the sentence
# opens with: (12月份，)70个大中城市中，…上涨的城市个数为23个 (a panel: 70个大中城市)
_OPENING_PANEL = regex.compile(r"[\s　]*(?:[0-9一二三四五六七八九十—\-至]{1,8}月份?[，,])?(?:在)?(?:全[国省市区州县])?"
                               r"([0-9]{1,4}个[^，,。；;：:、0-9]{2,12}?)中[，,]")


def _scope_of_opening_whole(drafts: list[Draft], blocks: list[Block],
                            continued: AbstractSet[int] = frozenset()) -> None:
    """在规模以上工业中，国有控股企业增加值增长4.8%，私营企业增长6.2% → 规模以上工业国有控股
    企业增加值, …私营企业增加值: a sentence that opens with the whole its figures are parts of,
    when that whole opens with a threshold scope (cues.list_scopes), gives the figures after it
    the scope; and a bare category (饮料类) the whole's measure, when the whole names one
    (限额以上单位商品零售额中，饮料类… → 限额以上单位饮料类商品零售额). A name that has a scope
    of its own keeps it.

    The whole reaches past the full stop into the next sentences of its block while they go on
    with its list: while each opens with an item that took the list's measure (``continued``,
    the ids of the figures of :func:`measures._parallel_measures` that did: …增加值增长4.1%。
    国有控股企业下降1.6%。), with a bare category when the whole names the measure, or with a
    breakdown (分门类看，…), as it reaches past ；. A writer's choice between the two marks
    must not change the records. A breakdown that opens the next paragraph goes on with it
    too: a paragraph cut in two at a full stop is the same list."""
    cues = load_vocabulary().cues
    scopes = cues.list_scopes
    endings = cues.measure_endings + _NAME_ENDINGS
    breakdown = _breakdown_opening()
    sentence = (-1, -1)
    # the wholes the sentence's clauses open with: (where the clause starts, scope, measure)
    wholes: list[tuple[int, str, str]] = []
    # whether a block can open a whole at all (a scope word and 中， in it): most blocks have
    # neither, and their figures need no sentence found and read
    may_open: dict[int, bool] = {}
    # the total with a threshold scope that the sentence before opened with, and the current
    # sentence's (全年规模以上工业企业利润…。分经济类型看，…: the breakdown's whole)
    scoped_total = (-1, -1, "")
    for index, draft in enumerate(drafts):
        figure = draft.figure
        if draft.section == "table":
            continue
        block = blocks[figure.block]
        opens = may_open.get(figure.block)
        if opens is None:
            opens = may_open[figure.block] = _may_open_a_whole(block.text, scopes) or (
                _may_open_a_breakdown(block.text, scopes))
        if not opens and not wholes:
            continue  # (a block that opens no whole reads one only from the sentence before)
        # (to the full stop: the parts may be listed in clauses ended by ；; no further back
        # than a clause reaches, in a block with no stop)
        reach = max(0, figure.lstart - MAX_REACH)
        start = max(max(block.text.rfind(mark, reach, figure.lstart) for mark in _FULL_STOPS) + 1,
                    reach)
        if (figure.block, start) != sentence:
            # the whole in force at the end of the sentence before
            last = wholes[-1] if wholes else None
            before = sentence[0]
            sentence = (figure.block, start)
            wholes = _opening_wholes(block.text, start, figure.lstart, scopes)
            if not wholes and last is not None:
                opens_breakdown = breakdown.match(block.text, start, figure.lstart) is not None
                # the list goes on past the full stop (an item of it, a bare category, a
                # breakdown), or the next paragraph breaks the whole down (a paragraph cut in
                # two at a full stop is still one list)
                if figure.block == before and (
                        opens_breakdown or id(figure) in continued
                        or (last[2] and _is_bare_category(draft.metric, endings))
                        # (…上涨的城市个数为23个。二手住宅…上涨的城市个数为9个: the panel's members
                        # counted again, past a full stop as past ；)
                        or (_PANEL_SCOPE.match(last[1]) is not None and last[1][-2:] in draft.metric)) or (
                        figure.block == before + 1 and start == 0 and opens_breakdown):
                    wholes = [(start, *last[1:])]
        # the piece of the sentence the figure is in (to its 。 or ；: a writer's choice between
        # the two must not change the records), and the total with a threshold scope its first
        # figure is (全年规模以上工业企业利润…。|分经济类型看，国有控股企业…: the breakdown's whole)
        piece = max(start, *(block.text.rfind(mark, start, figure.lstart) + 1 for mark in _CLAUSE_ENDS))
        if scoped_total[:2] != (figure.block, piece):
            whole = next((w for w in reversed(wholes) if w[0] < figure.lstart), None)
            if whole is None and scoped_total[0] == figure.block and scoped_total[2] and (
                    breakdown.match(block.text, piece, figure.lstart) is not None):
                scope, measure = _scope_and_measure(scoped_total[2], scopes)
                if measure:  # (the scope told apart from the total's measure)
                    wholes.append((piece, scope, ""))
            first = draft.metric if draft.metric.startswith(scopes) else ""
            scoped_total = (figure.block, piece, first)
        # the nearest whole opened before the figure: the sentence's, or a clause's after ；
        # (…增长6.8%；在限额以上单位商品零售额中，…: a semicolon for the full stop changes nothing)
        whole = next((w for w in reversed(wholes) if w[0] < figure.lstart), None)
        if whole is None or not draft.metric or draft.metric.startswith(scopes) or (
                _ANY_DIGIT.search(draft.metric)):
            continue  # (和18.6: a name cut from a figure names no part)
        _, scope, measure = whole
        name = draft.metric
        if _PANEL_SCOPE.match(scope):
            # a panel's figures: only a name that counts its members takes it (…上涨的城市个数
            # of 70个大中城市), and not the panel's own count
            if figure.lstart < whole[0] + len(scope) + 2 or scope[-2:] not in name:
                continue
            drafts[index] = replace(draft, metric=scope + name)
            continue
        if measure and _is_bare_category(name, endings):
            name += measure  # 饮料类 → 饮料类商品零售额
        drafts[index] = replace(draft, metric=joined_scope(scope, name))


def joined_scope(scope: str, name: str) -> str:
    """``scope`` before ``name``, the words the name opens with that the scope ends with
    written once (在规模以上工业中，工业战略性新兴产业… → 规模以上工业战略性新兴产业…).

    >>> joined_scope("规模以上工业", "工业战略性新兴产业增加值"), joined_scope("规模以上工业", "制造业增加值")
    ('规模以上工业战略性新兴产业增加值', '规模以上工业制造业增加值')
    >>> joined_scope("规模以上工业企业", "私营企业利润")
    '规模以上工业私营企业利润'
    """
    if scope.endswith(name):
        return name  # (a name that is the scope's own word names no part of it)
    overlap = next((size for size in range(min(len(scope), len(name)) - 1, 1, -1)
                    if scope.endswith(name[:size])), 0)
    # (规模以上工业企业 before 国有控股企业利润: the unit the part names is the scope's unit)
    unit = next((unit for unit in _WRITTEN_ONCE if scope.endswith(unit) and unit in name), "")
    if unit and len(scope) > len(unit) + 2:
        scope = scope[: -len(unit)]
    return scope + name[overlap:]


_WRITTEN_ONCE = ("企业", "单位")  # units of a threshold scope a part's name writes again


def _is_bare_category(name: str, endings: tuple[str, ...]) -> bool:
    """饮料类, 通讯器材类, 粮油、食品类: a name of Han words (a class's name may hold a 、) that
    names no measure of its own."""
    return bool(name) and not name.endswith(endings) and _CATEGORY_WORDS.fullmatch(name) is not None


_CATEGORY_WORDS = regex.compile(rf"[\p{{Han}}A-Za-z]+(?:[{NAME_LIST_MARKS}][\p{{Han}}A-Za-z]+)*")


@lru_cache(maxsize=1)
def _breakdown_opening() -> regex.Pattern[str]:
    return regex.compile(load_vocabulary().cues.breakdown_opening_pattern or r"(?!)")


def _may_open_a_breakdown(text: str, scopes: tuple[str, ...]) -> bool:
    """Whether ``text`` holds what a breakdown after a total with a threshold scope needs:
    看， or 分， (分门类看，…, 按经济类型分，…) and a scope word."""
    return ("看，" in text or "分，" in text) and any(scope in text for scope in scopes)


def _may_open_a_whole(text: str, scopes: tuple[str, ...]) -> bool:
    """Whether ``text`` holds what ``_OPENING_WHOLE`` needs of a whole with a threshold scope:
    中 and a comma after it, and a scope word.

    >>> _may_open_a_whole("在规模以上工业中，国有控股企业增加值增长4.8%", ("规模以上",))
    True
    >>> _may_open_a_whole("规模以上工业增加值增长4.8%", ("规模以上",))
    False
    """
    return ("中，" in text or "中," in text) and (any(scope in text for scope in scopes) or "个" in text)


def _opening_wholes(text: str, start: int, first: int, scopes: tuple[str, ...]) -> list[tuple[int, str, str]]:
    """The wholes with a threshold scope that the sentence at ``start`` opens with, or a clause of
    it after ；, before the sentence's end (read up to its first figure ``first`` at least):
    where each clause starts, its scope and its measure."""
    end = min([at for mark in _FULL_STOPS if (at := text.find(mark, first)) >= 0],
              default=len(text))
    found: list[tuple[int, str, str]] = []
    clause = start
    while clause < end:
        # (按零售业态分，限额以上零售业单位中，…: the whole after the breakdown it is cut by)
        breakdown = _breakdown_opening().match(text, clause, end)
        opening = _OPENING_SCOPED_WHOLE.match(text, breakdown.end() if breakdown else clause, end)
        if opening is not None and opening.group(1).startswith(scopes):
            found.append((clause, *_scope_and_measure(opening.group(1), scopes)))
        elif (panel := _OPENING_PANEL.match(text, clause, end)) is not None:
            found.append((panel.start(1) - 1, panel.group(1), ""))
        semicolon = min([at for mark in _CLAUSE_ENDS if (at := text.find(mark, clause, end)) >= 0],
                        default=end)
        clause = semicolon + 1
    return found


_CLAUSE_ENDS = ("；", ";")


def _scope_and_measure(whole: str, scopes: tuple[str, ...]) -> tuple[str, str]:
    """限额以上单位 and 商品零售额 of 限额以上单位商品零售额: the whole's scope and the measure
    it ends with (cues.measure_nouns, with the noun before it that is no unit of the scope,
    商品|零售额); ``(whole, "")`` when it names no measure (规模以上工业)."""
    measures = load_vocabulary().cues.measure_nouns
    if (members := _MAIN_MEMBERS.search(whole)) is not None and members.start() >= max(map(len, scopes)):
        whole = whole[:members.start()]
    tokens = _tokens(whole)
    if len(tokens) < 3 or tokens[-1] not in measures:
        return whole, ""
    at = len(tokens) - 1
    if pos_tag(tokens[at - 1]) == "n" and tokens[at - 1] not in SCOPE_UNITS and at - 1 > 1:
        at -= 1  # 商品|零售额
    scope = "".join(tokens[:at])
    return (scope, "".join(tokens[at:])) if len(scope) > max(map(len, scopes)) else (whole, "")


_FULL_STOPS = ("。", "！", "？", "\n")
_PANEL_SCOPE = regex.compile(r"[0-9]{1,4}个")


# the units a threshold scope is of (限额以上|单位, 规模以上|工业|企业): no word of its measure
# but the scope's (totals.py reads them after a threshold too)
SCOPE_UNITS = ("法人单位", "贸易单位", "服务业", "单位", "企业", "工业")


def _totals_of_things_counted(drafts: list[Draft], blocks: list[Block]) -> None:
    """实施省级重点项目860个，完成投资4200亿元 → 省级重点项目投资: an investment named bare
    (cues.project_measures) right after a count of projects (a name ending in cues.project_nouns)
    in its sentence, with no other figure between, is the projects'; and a sum named bare
    (cues.sums_of_things) at the head of the clause right after a count is the sum over the
    things counted (拖拉机1.2万台，总动力35万千瓦 → 拖拉机总动力; 海外仓数量…，总面积… → 海外仓
    总面积). So is a growth or share that describes either."""
    cues = load_vocabulary().cues
    measures = frozenset(cues.project_measures)
    sums = frozenset(cues.sums_of_things)
    renamed: dict[int, str] = {}  # id of a figure → its new name
    for index in range(1, len(drafts)):
        draft, count = drafts[index], drafts[index - 1]
        if draft.metric_from == "of" and draft.of is not None and id(draft.of) in renamed:
            drafts[index] = replace(draft, metric=renamed[id(draft.of)])
            continue
        # (the names first: most figures are neither a bare investment nor a bare sum)
        investment = draft.metric in measures
        if not (investment or draft.metric in sums) or count.kind != "count" or (
                count.figure.block != draft.figure.block or not count.metric):
            continue
        between = blocks[draft.figure.block].text[count.figure.lend:draft.figure.lstart]
        projects = _projects_of(count.metric, cues.project_nouns, cues.deeds_tagged_nouns) if (
            investment) else ""
        if projects:
            if any(mark in between for mark in _FULL_STOPS + _CLAUSE_ENDS):
                continue
            name = projects + draft.metric
        elif not investment and _sum_opens_next_clause(between, draft.metric):
            name = count.metric.removesuffix(_COUNT_WORD) + draft.metric
        else:
            continue
        renamed[id(draft.figure)] = name
        drafts[index] = replace(draft, metric=name)


def _projects_of(name: str, nouns: tuple[str, ...], deeds: tuple[str, ...]) -> str:
    """The projects a count's name counts: the name when it ends with a project noun, or the
    name up to one when a predicate of what they did follows it (央陕合作项目|落地: the count's
    name keeps the deed, the investment is of the projects); ``""`` otherwise.

    >>> _projects_of("央陕合作项目落地", ("项目",), ("落地",)), _projects_of("项目经理", ("项目",), ())
    ('央陕合作项目', '')
    """
    if name.endswith(nouns):
        return name
    end = max((name.rfind(noun) + len(noun) for noun in nouns if noun in name), default=0)
    deed = name[end:]
    return name[:end] if end and deed.startswith(deeds) else ""


def _sum_opens_next_clause(between: str, metric: str) -> bool:
    """Whether the words between a count and a figure are a clause mark and the figure's name
    alone, with a link word after it (…台，总动力|35万千瓦, …艘、总载重吨达|536万吨; not 。总动力,
    nor …台，农机总动力).

    >>> _sum_opens_next_clause("，总载重吨达", "总载重吨"), _sum_opens_next_clause("，农机总动力", "总动力")
    (True, False)
    >>> _sum_opens_next_clause("，筹资[57]", "筹资")
    True
    """
    if between[:1] not in _SUM_MARKS or not between.startswith(metric, 1):
        return False
    # (筹资[57]|48亿元: a footnote mark after the name is no word of the clause)
    rest = _NOTE_MARK.sub("", between[1 + len(metric):]).strip()
    return not rest or rest in load_vocabulary().cues.link_words


_SUM_MARKS = frozenset("，,、")  # (a sum goes on the count's sentence; after ；, 。 another's)
_COUNT_WORD = "数量"  # 海外仓数量…，总面积…: the count's measure word gives way to the sum's


def _parallel_modifiers(first: str, second: str) -> bool:
    """国家级 and 省级, 大型 and 中型: two words of one kind that qualify a noun written only
    after the second (3家国家级、9家省级运营中心). Two nouns (银行, 证券公司) are not."""
    # (稳就业 and 青年就业 end alike, but a verb's phrase qualifies no noun: two names)
    return first[-1:] == second[-1:] and not any(pos_tag(token) == "v" for token in _tokens(first)) or (
        pos_tag(first) == pos_tag(second) == "b")


_SHARED_NOUN_OPENINGS = (*_NOMINAL_TAGS, "a")
_SHORT_MODIFIER = 4  # characters of a list item that may qualify the noun written after the last
_BARE_COUNT_MARKS = frozenset({"、", "和", "及"})  # what stands between two counts of one noun
_VERB_RUN_TAGS = frozenset({"v", "d", "vd"})  # (not vn: 设备购置, a verbal noun, names a thing)


def _after_verbs(name: str) -> str:
    """The words of ``name`` after the verbs (and adverbs) it opens with (出台|具体举措 →
    具体举措; 相继|出台 → "")."""
    tokens = _tokens(name)
    at = 0
    while at < len(tokens) and pos_tag(tokens[at]) in _VERB_RUN_TAGS and tokens[at] not in _word_sets()[
            "nouns_tagged_verbs"]:
        at += 1
    return "".join(tokens[at:])


def _fill_shared_nouns(drafts: list[Draft], blocks: list[Block]) -> None:
    """Rule 3, enumerations: 3家国家级、9家省级运营中心 → 国家级运营中心, 省级运营中心 (with 、
    or ，alike, or 和, 及). Only a first item that is one modifier, parallel to the word that opens the
    second item, takes the second's noun: 360个示范村、2680个提档升级村 are two names. Read
    from the list's end, so that a noun written once after three items or more reaches each
    (4个世界级、8个国家级、11个区域级产业集群)."""
    for index in reversed(range(len(drafts) - 1)):
        first, second = drafts[index], drafts[index + 1]
        if first.figure.block != second.figure.block or first.figure.unit != second.figure.unit:
            continue
        block = blocks[first.figure.block]
        between = block.text[first.figure.lend: second.figure.lstart]
        item = between[:-1].strip()
        if between in _BARE_COUNT_MARKS and first.metric and first.kind == second.kind == "count":
            # 出台43条、16条具体举措, 新建3个、改造5个体育公园: a count with no noun of its own takes
            # the next one's, after its own verbs
            noun = _after_verbs(second.metric)
            if noun and _after_verbs(first.metric) == "":
                drafts[index] = replace(first, metric=first.metric + noun)
            continue
        if first.kind == second.kind == "count" and (opening := BATCH_AT_END.search(first.metric)) and (
                between[:1] in COUNTS_JOINED) and (batch := between[1:]) and BATCH.fullmatch(batch) and (
                second.metric.startswith(batch)) and len(second.metric) > len(batch):
            # (持续推进)首批|12项|及第二批|14项|重点改革: the first batch's things are the second's
            # (the verbs before it, of effort, a plan's wording)
            drafts[index] = replace(first, metric=opening.group() + second.metric[len(batch):])
            continue
        if between.endswith(("、", "，", ",", "和", "及")) and first.kind == second.kind == "count" and (
                _SIZE_CLASS.fullmatch(item)) and _share_size_class_noun(drafts, index, item):
            continue
        if not between.endswith(("、", "，", ",", "和", "及")) or not item or not first.metric.endswith(item):
            continue
        if len(_tokens(item)) > 2 or len(item) > _SHORT_MODIFIER:
            continue  # (页岩|气: a modifier of two words is one still; a longer item names itself)
        # (新增|6个|国家级、40个|省级…: the verb both items were given is no word of the second's
        # noun)
        verbs = first.metric[: -len(item)]
        tokens = _tokens(second.metric.removeprefix(verbs) if verbs else second.metric)
        # (区域|级|产业集群: a modifier the segmenter cut in two is one word still)
        # (检验结果、…检查结果|实现…, 一级指标、…二级指标|及…: two nouns of one head, and what
        # follows them; the noun shared opens with a noun or an adjective)
        parallel = next((size for size in (1, 2) if len(tokens) > size and _parallel_modifiers(
            item, "".join(tokens[:size])) and pos_tag(tokens[size]).startswith(_SHARED_NOUN_OPENINGS)), 0)
        if parallel:
            drafts[index] = replace(first, metric=first.metric + "".join(tokens[parallel:]))


# a size class of an amount or a quantity (百亿元, 50亿元以上, 10万吨级): no figure after a count
# (labels._classes_the_count), a word of the things' name
_SIZE_CLASS = regex.compile(
    r"(?:[0-9.]+|[一二两三四五六七八九十百千]+)?(?:万|亿)*(?:(?:元|美元|吨|千瓦|亩|平方米)级?|级)(?:及?以[上下])?")


def _share_size_class_noun(drafts: list[Draft], index: int, item: str) -> bool:
    """新签约|8个|50亿元以上、|25个|10亿元以上、|90个|亿元以上产业项目: size classes listed before
    the noun written once after the last share it, as levels do (3家国家级、9家省级运营中心);
    the verbs the first item opens with (a verb of flow or of building the list is for) are every
    item's. Read from the list's end, as _fill_shared_nouns is."""
    first, second = drafts[index], drafts[index + 1]
    # (培育|百亿级、… : the verbs the first item's name opens with before its class, or its name
    # when it is verbs alone)
    verbs = first.metric[:-len(item)] if first.metric.endswith(item) else (
        first.metric if _after_verbs(first.metric) == "" else "")
    rest = second.metric.removeprefix(verbs) if verbs else second.metric
    if (bound := _SIZE_CLASS.match(rest)) is None or not bound.group() or bound.end() == len(rest):
        return False
    drafts[index] = replace(first, metric=verbs + item + rest[bound.end():])
    if verbs and not second.metric.startswith(verbs) and verbs.startswith(_flow_verbs()):
        drafts[index + 1] = replace(second, metric=verbs + second.metric)
    return True


@lru_cache(maxsize=1)
def panel_states() -> str:
    """The alternation of the states a panel's members are counted in (cues.panel_states:
    上涨, 持平, 下降…), one that matches nothing when there are none."""
    return alternation(cue_words("panel_states")) or r"(?!)"


@lru_cache(maxsize=1)
def _panel_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """A name that counts a panel's members in a state (…上涨的城市个数), and an item named by a
    state alone (，持平的为): cues.panel_states."""
    states = panel_states()
    return (regex.compile(rf"(?P<state>{states})的(?P<counted>[^，,。；;、]{{1,8}})$"),
            regex.compile(rf"[\s　]*(?P<state>{states})的(?:为|有|是|占)?[\s　]*$"))


_PANEL_KINDS = frozenset({"count", "share"})  # (…的城市个数, …的城市占比)


def named_in_a_panel(metric: str) -> bool:
    """Whether ``metric`` names a panel's members in a state, with what they are before it
    (声环境质量较好的城市): no part named by its state alone, which shares.state_share names."""
    found = _panel_patterns()[0].search(metric)
    return found is not None and found.start() > 0


def _states_of_a_panel(drafts: list[Draft], blocks: list[Block]) -> None:
    """70个大中城市中，…环比上涨的城市个数为31个，持平的为6个，下降的为33个 → …环比持平的城市
    个数, …环比下降的城市个数: an item that names only a state (持平的为) counts the members of
    the panel the name before it counts in another state, the state changed; ；or ，alike.

    >>> from ipextract import extract
    >>> [r.metric for r in extract("环比上涨的城市个数为31个，持平的为6个，下降的为33个。").records]
    ['环比上涨的城市个数', '环比持平的城市个数', '环比下降的城市个数']
    """
    panel_state, state_item = _panel_patterns()
    # (block, the name before the state, what is counted, the kind: a count or a share)
    model: tuple[int, str, str, str] | None = None
    for index, draft in enumerate(drafts):
        figure = draft.figure
        named = panel_state.search(draft.metric) if draft.kind in _PANEL_KINDS and draft.metric else None
        if named is not None and named.start() > 0:
            model = (figure.block, draft.metric[:named.start()], named.group("counted"), draft.kind)
            continue
        if model is None or model[0] != figure.block or draft.kind != model[3]:
            continue
        block = blocks[figure.block]
        item = state_item.fullmatch(block.text, block.clause_start(figure.lstart), figure.lstart)
        if item is not None:
            drafts[index] = replace(draft, metric=f"{model[1]}{item.group('state')}的{model[2]}")

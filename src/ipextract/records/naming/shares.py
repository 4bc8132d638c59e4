"""A share whose name says no share (no whole, no share noun): the part's name alone
(``民营企业占45.2%``, ``工业增加值8307亿元，占34.1%``, ``占全市总量的57.67%``) reads as a level
of the part, the column of its count or amount, so the share's noun is added (``民营企业占比``),
as ``民营企业占比45.2%`` would name it (corpora/ANNOTATION.md, metric rule 2).

>>> share_named("民营企业"), share_named("民营企业占全省比重"), share_named("城镇化率")
('民营企业占比', '民营企业占全省比重', '城镇化率')
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import regex

from ...blocks import Block
from ...vocabulary import cue_words, load_vocabulary
from ...vocabulary.lexicon import pos_tag
from ..base import BASE_KINDS, PERCENT_UNITS, Draft, _tokens, longest_first
from .fills import _OPENING_WHOLE, panel_states
from .phrase import _HAN_WORDS, BRACKET_NOTE, SHARE_NOUN, clean_metric
from .totals import _TOTAL, _kind_of

BRACKETED = ("（占", "(占")  # a share in a bracket right after its part
_PART_REACH = 12  # drafts back from a part to the total it is a part of


@lru_cache(maxsize=1)
def share_endings() -> tuple[str, ...]:
    """What a share's name that says so ends with: 占比, 比重, 比例, 份额, 率."""
    return (*load_vocabulary().cues.share_nouns, "率", "占")


def share_named(metric: str) -> str:
    """``metric`` with 占比 when the name says no share (no share noun, no 占 of a whole);
    ``metric`` otherwise, and ``""`` for no name."""
    if not metric or metric.endswith(share_endings()) or "占" in metric:
        return metric
    return metric + SHARE_NOUN


def allocated_share(metric: str, text: str, figure_end: int, sum_before: str = "") -> str:
    """财政支出投向民生领域占比 of 财政支出|八成以上|投向民生领域: a share of a sum that a verb of
    allocation after it (cues.allocation_verbs: 用于, 投向) gives to an end, named by the sum, the
    verb and the end (the part is the sum spent on the end); the sum may follow the share after
    的 (把|八成左右|的财政支出|用于民生领域). ``""`` when no such verb and end (a bare noun phrase,
    no list) close the clause after the share. A share named by the verb and the end alone
    (支出3.4万亿元，|74%以上|用于民生) is of ``sum_before``, the amount right before it.

    >>> text = "新增财力80%以上用于民生领域。"
    >>> allocated_share("新增财力", text, text.index("用于")), allocated_share("新增财力", text, 4)
    ('新增财力用于民生领域占比', '')
    """
    found = _allocation().match(text, figure_end)
    if found is None:
        return ""
    thing = found.group(1) or (sum_before if metric.startswith(found.group(2)) else metric)
    if len(thing) < 2 or not _HAN_WORDS.fullmatch(thing) or pos_tag(_tokens(thing)[-1]) == "p":
        return ""  # (坚持把|80%|用于…: a verb and its preposition before the share name no sum)
    return f"{thing}{found.group(2)}{found.group(3)}{SHARE_NOUN}"


def contributed_share(metric: str, text: str, figure_start: int, figure_end: int) -> str:
    """园区工业增加值占全省比重 of 园区|贡献了|全省|70.5%|的工业增加值: a share a part contributes
    (cues.contribution_verbs closing ``metric``) of the measure written after the share and its
    的, named by the part, the measure and the whole written after the verb (全省; 占比 when
    none); ``""`` otherwise. The share after 和 has the verb and the whole of the one before
    (贡献了全省74.6%的增加值和|40%左右|的税收).

    >>> text = "园区贡献了全省70.5%的工业增加值。"
    >>> contributed_share("园区贡献了", text, text.index("70"), text.index("的"))
    '园区工业增加值占全省比重'
    """
    verbs = load_vocabulary().cues.contribution_verbs
    if not metric.endswith(verbs):
        return ""
    measure = _CONTRIBUTED_MEASURE.match(text, figure_end)
    if measure is None:
        return ""
    owner = metric.removesuffix(next(verb for verb in longest_first(verbs) if metric.endswith(verb)))
    before = text[max(0, figure_start - _WHOLE_REACH):figure_start]
    # (the whole right after the last such verb before the share: its own, or the one of the
    # share before 和 that shares the verb)
    last = max((before.rfind(verb) + len(verb) for verb in verbs if verb in before), default=-1)
    whole = found.group(0) if last >= 0 and (found := _WHOLE.match(before, last)) is not None else ""
    return owner + measure.group(1) + (f"占{whole}比重" if whole else SHARE_NOUN)


# the measure a contributed share is of: after 的, to the clause's end or the next share's 和
_CONTRIBUTED_MEASURE = regex.compile(r"的(\p{Han}{2,12}?)(?=[和、，,。；;\n]|$)")
_WHOLE = regex.compile(r"全省|全市|全国|全区|全县")  # (贡献了|全省|…: the whole after the verb)
_WHOLE_REACH = 40  # characters before a share its verb and whole may stand within


_PREDICATE = regex.compile(r"(\p{Han}{2,14})(?=[，,。；;\n]|$)")
_LINK = "实现"  # (80%|实现自发自用: a link verb before the predicate, no word of it)


def predicate_share(metric: str, text: str, figure_end: int) -> str:
    """科技计划项目由企业牵头承担占比 of 科技计划项目|80%以上|由企业牵头承担: a rate right after
    the things it is a part of, with the predicate that says which part after it, closing the
    clause, is the share of the things that do so (as 财政支出八成以上投向民生领域 is,
    :func:`allocated_share`); ``""`` when no such predicate follows (a growth, a level, a
    qualifier, the part named after the figure: cues.not_share_predicates; nor examples, a
    policy's name: 减按15%征收等优惠政策).

    >>> text = "新建数据中心100%使用绿电。"
    >>> predicate_share("新建数据中心", text, text.index("使用")), predicate_share("新建数据中心", "增长100%。", 7)
    ('新建数据中心使用绿电占比', '')
    """
    found = _PREDICATE.match(text, figure_end)
    # (a list of the things, 省级实验室、重点研发项目|八成|由企业牵头, is named as one)
    if found is None or not metric or not _HAN_WORDS.fullmatch(metric.replace("、", "")):
        return ""
    predicate = found.group(1)
    cues = load_vocabulary().cues
    if "等" in predicate or predicate.startswith(cues.not_share_predicates) or predicate.startswith(_LINK) and (
            predicate[len(_LINK):].startswith(cues.not_share_predicates)):
        return ""
    predicate = predicate.removeprefix(_LINK) if len(predicate) > len(_LINK) + 1 else predicate
    tokens = _tokens(predicate)
    if not pos_tag(tokens[0]).startswith(("v", "p", "d")) or pos_tag(_tokens(metric)[-1]).startswith("v"):
        return ""
    return f"{metric}{predicate}{SHARE_NOUN}"


@lru_cache(maxsize=1)
def _allocation() -> regex.Pattern[str]:
    verbs = "|".join(sorted(load_vocabulary().cues.allocation_verbs, key=len, reverse=True))
    return regex.compile(rf"(?:的(\p{{Han}}{{2,10}}?))?({verbs})(\p{{Han}}{{2,10}})(?=[，,。；;\n]|$)")


def completion_named(metric: str, text: str, sentence_start: int, figure_start: int) -> str:
    """新增发放创业担保贷款年计划完成率 of …、新增发放创业担保贷款分别完成年计划的97.6%、|184.5%:
    a rate after 完成 and a plan (年计划, 年度目标任务…) and 的 is the part of the plan done,
    named by the thing, the plan and 完成率, also for the later figures of a 分别 list (only
    figures and list marks between); ``""`` when no such plan stands before the figure.

    >>> text = "治沙、造林分别完成年度目标任务的126%、240%。"
    >>> completion_named("造林", text, 0, text.index("240")), completion_named("造林", text, 0, 5)
    ('造林年度目标任务完成率', '')
    """
    found = None
    for found in _COMPLETION.finditer(text, sentence_start, figure_start):
        pass
    if found is None or not _FIGURES_LISTED.fullmatch(text, found.end(), figure_start):
        return ""
    plan = found.group(1)
    if metric == plan:  # (累计完成攻坚战总任务的42%: the part of the named plan done)
        return f"{plan}完成率" if _HAN_WORDS.fullmatch(plan) else ""
    plan = found.group(2)
    thing = metric.removesuffix("完成" + plan).removesuffix(plan)
    if not thing or not _HAN_WORDS.fullmatch(thing) or thing.endswith(_COMPLETION_WORDS):
        return ""
    return f"{thing}{plan}完成率"


def share_of_described_things(metric: str) -> str:
    """…的农贸市场占比 of 实行标准化管理的农贸市场|超过50%: a rate named by things a
    的-phrase picks out (a noun after 的, no measure of its own) is the share of the things so
    described, named as a share is (占比), as 50%的农贸市场实行… is; ``""`` otherwise.

    >>> share_of_described_things("纳入集团化管理的公办中小学"), share_of_described_things("城镇化率")
    ('纳入集团化管理的公办中小学占比', '')
    """
    at = metric.rfind(_OF)
    things = metric[at + 1:] if at > 0 else ""
    if len(things) < 2 or not _HAN_WORDS.fullmatch(metric) or things.endswith(
            (*share_endings(), *load_vocabulary().cues.measure_endings)):
        return ""
    # (a 的-phrase with a verb, which picks some of the things out: not an owner's, 群众的|满意度,
    # nor a comparison, 比…的平均水平)
    if not any(pos_tag(token).startswith("v") for token in _tokens(metric[:at])) or metric.startswith(_COMPARED):
        return ""
    return metric + SHARE_NOUN if all(pos_tag(token).startswith(_THING_TAGS) for token in _tokens(things)) else ""


_OF = "的"
_COMPARED = ("比", "较")
_THING_TAGS = ("n", "j", "b", "s")  # the words of things a 的-phrase picks out (在产|大型|煤矿)


def done_rate_named(metric: str, text: str, sentence_start: int, figure_start: int) -> str:
    """管线更新改造完成率 of 管线更新改造完成|80%: a rate right after 完成 (past the words of
    the plan it names, 完成规划任务|85%, and the figures before it of a 分别 list) is the part
    of the work done, named by the work and 完成率, as after 完成…的 (:func:`completion_named`);
    ``""`` when no 完成 stands right before the figure, or the name already says a rate.

    >>> text = "管线更新改造完成80%。"
    >>> done_rate_named("管线更新改造", text, 0, text.index("80")), done_rate_named("管线更新改造", "增长80%", 0, 2)
    ('管线更新改造完成率', '')
    """
    if not metric or metric.endswith(share_endings()) or not _HAN_WORDS.fullmatch(metric):
        return ""
    at = text.rfind(_DONE, sentence_start, figure_start)
    if at < 0:
        return ""
    after = text[at + len(_DONE):figure_start]
    if not (_FIGURES_LISTED.fullmatch(after) or 2 <= len(after) <= _PLAN_WORDS and metric.endswith(after)):
        return ""
    return f"{metric.removesuffix(_DONE)}{_DONE}率"


_DONE = "完成"
_PLAN_WORDS = 8  # characters of a plan's words between 完成 and the rate (规划任务)


# (完成|年度目标任务|的, 完成|攻坚战总任务|的: a plan's words, or a named plan, before 的)
_COMPLETION = regex.compile(r"完成了?(\p{Han}{0,12}?((?:全年|年度|年)?(?:计划|目标任务|目标|任务)))的")
_FIGURES_LISTED = regex.compile(r"(?:[0-9.]+\s*[%％]\s*[、，,和及与]\s*)*")
_COMPLETION_WORDS = ("完成", "完成率")


def bracketed_share(text: str, at: int) -> bool:
    """Whether the share at ``at`` of ``text`` is written in a bracket right after its 占:
    …25462.0万人次（占81.6%）."""
    return text.endswith(BRACKETED, 0, at)


def total_of_part(drafts: list[Draft], blocks: list[Block], part_at: int | None,
                  same_unit: bool = False) -> Draft | None:
    """The total a part (the draft at ``part_at``) is listed under: the nearest level before it,
    in its block or the one before, whose name the part's is a kind of (totals._kind_of: 医院
    入院人次 of 医疗卫生机构入院人次) with a 其中 between the two (cues.sub_item_markers); None
    for none. The shares and the other parts of the list are passed. With ``same_unit``, a level
    in the part's unit is the total whatever its name (卫生总费用…亿元，其中：政府卫生支出…亿元，
    占…: the parts of a sum name themselves, not a kind of it)."""
    if part_at is None:
        return None
    part = drafts[part_at]
    markers = cue_words("sub_item_markers")
    for total in reversed(drafts[max(0, part_at - _PART_REACH):part_at]):
        if total.figure.block not in (part.figure.block, part.figure.block - 1):
            return None
        text = blocks[total.figure.block].text
        if total.kind not in BASE_KINDS or text.startswith(BRACKETED, total.figure.lend) or not (
                _kind_of(part.metric, total.metric)
                or same_unit and total.figure.unit == part.figure.unit and total.metric):
            continue  # (…万张（占78.8%），…: a part and its share)
        if total.figure.block == part.figure.block:
            between = text[total.figure.lend:part.figure.lstart]
        else:
            between = text[total.figure.lend:] + blocks[part.figure.block].text[:part.figure.lstart]
        if same_unit:
            # (…收入…，占19.1%（其中内销占61.8%…）；实现利润…，占24.5%: a 其中 in a closed bracket
            # lists the level's own parts, no parts of it after the bracket)
            between = BRACKET_NOTE.sub("", between)
        if any(marker in between for marker in markers):
            return total
        # (…其中：中医类医院70.2万人次（占81.3%），中医类门诊部0.4万人次，其他…（占18.4%）: a
        # part written without its share is passed as the bracketed ones are)
    return None


def whole_of_sentence(block: Block, at: int) -> str:
    """实收资本 of 在实收资本中，…外国投资…，占|22.5％: the whole the sentence of the figure at
    ``at`` opens with (在X中，, fills._OPENING_WHOLE), a noun phrase of no threshold scope (在规模
    以上工业中: the scope is its parts', fills._scope_of_opening_whole) and no pronoun (在这些
    企业中); ``""`` for none.

    >>> from ipextract.blocks import split_blocks
    >>> block = split_blocks("在实收资本中，外国投资1028.8亿元，占22.5％。")[0]
    >>> whole_of_sentence(block, 22), whole_of_sentence(split_blocks("外资占22.5％。")[0], 3)
    ('实收资本', '')
    """
    start = block.sentence_start(at)
    if "中" not in block.text[start:at]:
        return ""  # (the cheap test first: most sentences open with no whole)
    opening = _SHARES_WHOLE.match(block.text, start, at)
    if opening is None:
        # (在参加年检的1236家社会组织中，: the things the count counts, without it)
        return counted_whole(block, at, start)[1]
    whole = opening.group(1)
    if whole.startswith(load_vocabulary().cues.list_scopes) or not _names_things(whole):
        return ""  # (在推进改革中: a time of doing, no whole)
    return whole


def counted_whole(block: Block, at: int, start: int | None = None) -> tuple[int, str]:
    """The start of the count and the things it counts, of a whole a sentence opens with that
    holds a count of its things (在监测的120个地级及以上城市中，…) before or at ``at``: the words
    before the count and after it, of a threshold scope too (在12860个规模以上“专精特新”企业中:
    no other rule gives it to the parts); ``(-1, "")`` for none.

    >>> from ipextract.blocks import split_blocks
    >>> block = split_blocks("在监测的120个地级及以上城市中，达标城市占60.5%。")[0]
    >>> counted_whole(block, 23), counted_whole(block, 4)
    ((4, '监测的地级及以上城市'), (4, '监测的地级及以上城市'))
    """
    start = block.sentence_start(at) if start is None else start
    counted = _counted_whole().match(block.text, start)
    if counted is None or counted.start("count") > at:
        return -1, ""
    whole = clean_metric(_SPACES_AND_QUOTES.sub("", counted.group("before") + counted.group("after")))[0]
    return (counted.start("count"), whole) if _names_things(whole) else (-1, "")


def counts_of_counted_wholes(drafts: list[Draft], blocks: list[Block]) -> None:
    """在监测的|120个|地级及以上城市中，…: a count inside the whole its sentence opens with counts
    the whole's things (监测地级及以上城市), whatever words its unit leaves after it."""
    for index, draft in enumerate(drafts):
        # (the cheap test first: a 在 before the count in its sentence; a year may open it)
        if draft.kind == "count" and "在" in (block := blocks[draft.figure.block]).text[(
                sentence := block.sentence_start(draft.figure.lstart)):draft.figure.lstart]:
            at, whole = counted_whole(block, draft.figure.lstart, sentence)
            # (a count's name has no 的 between its words: 监测地级及以上城市)
            things = "".join(word for word in _tokens(whole) if word != _OF)
            if at == draft.figure.lstart and things != draft.metric:
                drafts[index] = replace(draft, metric=things)


def parts_of_opening_wholes(drafts: list[Draft], blocks: list[Block]) -> None:
    """总诊疗量中，|三级医院|28.7亿人次…: a part named by the things or the area alone, in a
    sentence that opens with the whole measure it is a part of (:func:`whole_of_sentence`), is
    named with that measure (:func:`part_of_whole`)."""
    for index, draft in enumerate(drafts):
        if draft.kind in _PART_KINDS and draft.metric_from == "before" and (
                whole := whole_of_sentence(blocks[draft.figure.block], draft.figure.lstart)) and (
                named := part_of_whole(draft.metric, whole)):
            drafts[index] = replace(draft, metric=named)


_PART_KINDS = frozenset({"count", "amount", "quantity", "growth"})
_DEED_TAGS = ("v", "p")  # 开展…, 向基层派驻…: what a deed opens with


def shares_of_whole_doing(drafts: list[Draft], blocks: list[Block]) -> None:
    """三级公立医院中，|72.4%|开展日间手术，88.1%参与…: a percent that opens its clause
    before a verb and its object, in a sentence that opens with the things it is a share of
    (:func:`whole_of_sentence`), is the share of those things that do it, named so
    (三级公立医院开展日间手术占比); it had been read as a rate named by the deed alone."""
    for index, draft in enumerate(drafts):
        if draft.kind != "rate" or not draft.metric or draft.figure.unit not in PERCENT_UNITS:
            continue
        block = blocks[draft.figure.block]
        start = block.clause_start(draft.figure.lstart)
        if block.text[start:draft.figure.lstart].strip(" ，,") or not block.text.startswith(
                draft.metric, draft.figure.lend) or not pos_tag(_tokens(draft.metric)[0]).startswith(_DEED_TAGS):
            continue  # (most rates: a name before them, or no deed after)
        whole = whole_of_sentence(block, draft.figure.lstart)
        if whole and not whole.endswith(load_vocabulary().cues.measure_endings) and (
                SHARE_NOUN not in draft.metric):
            drafts[index] = replace(draft, kind="share", metric=whole + draft.metric + SHARE_NOUN)


def part_of_whole(part: str, whole: str) -> str:
    """The name of a part of a whole measure a sentence opens with, where the part names the
    things or the area alone (no measure, no verb): the part and the measure, without 总 (三级医院
    of 总诊疗量 → 三级医院诊疗量, 东部地区 of 固定资产投资 → 东部地区固定资产投资), and for a kind
    of the whole's thing, the part and the whole's measure word (夏粮 of 粮食总产量 → 夏粮产量);
    ``""`` when the whole is no measure, or a group of people (cues.people_wholes: 卫生技术人员中，
    执业医师…), or the part names a measure of its own.

    >>> part_of_whole("三级医院", "总诊疗量"), part_of_whole("夏粮", "粮食总产量")
    ('三级医院诊疗量', '夏粮产量')
    >>> part_of_whole("第一产业投资", "固定资产投资"), part_of_whole("公立医院", "全部医院")
    ('', '')
    """
    cues = load_vocabulary().cues
    endings = cues.measure_endings
    whole = whole.removeprefix(_ALL)
    if not part or not whole.endswith(endings) or whole.endswith(cues.people_wholes) or (
            part.endswith(endings)) or not _HAN_WORDS.fullmatch(
            part.replace("、", "")):
        return ""
    if any(pos_tag(token).startswith(_NOT_PART_TAGS) and token not in _PART_JOINS for token in _tokens(part)):
        return ""  # (国有工业的比重虽然…: a clause, no part)
    tokens = _tokens(whole)
    measure = tokens[-1].removeprefix(_TOTAL)
    if len(tokens) > 1 and part[-1] in tokens[0] and measure.endswith(endings):
        return part + measure  # (夏粮 of 粮食|总产量: a kind of the whole's thing)
    return part + whole.removeprefix(_TOTAL)


_ALL = "全部"
_NOT_PART_TAGS = ("v", "d", "p", "u", "c", "a", "r", "y", "e")  # a clause's words, no part's
_PART_JOINS = frozenset({"和", "及", "与", "其他"})  # (一级、二级医院和社区医疗机构, 其他…机构)


def _names_things(whole: str) -> bool:
    """Whether a whole a sentence opens with names things (实收资本), not a time of doing (在推进
    改革中) nor things named before (在这些企业中)."""
    tokens = _tokens(whole)
    return bool(tokens) and not whole.startswith(_PRONOUNS) and bool(_HAN_WORDS.fullmatch(whole)) and (
        pos_tag(tokens[-1]).startswith(_NOUN_TAGS)) and not pos_tag(tokens[0]).startswith(("p", "r"))


# (2024年)(全年)(在)(全部)X中， — fills._OPENING_WHOLE after the year a sentence may open with
# (截至)(2024年)(末)，: the year or the point a sentence may open with
_YEAR_OPENING = r"[\s　]*(?:(?:截至|截止|到)?[0-9]{4}年(?:末|底)?[，,]?)?"
_SHARES_WHOLE = regex.compile(_YEAR_OPENING + _OPENING_WHOLE.pattern.removeprefix("[\\s　]*"))
_SPACES_AND_QUOTES = regex.compile(r"[\s　“”\"‘’]+")


@lru_cache(maxsize=1)
def _counted_whole() -> regex.Pattern[str]:
    """The whole a sentence opens with that holds a count of its things (在监测的120个地级及以上
    城市中，, 在全省8501.2万职工中，): the words before the count and after it (units.toml: a
    count's unit of one character)."""
    units = "".join(sorted(w for w, unit in load_vocabulary().units.items()
                           if unit.kind == "count" and len(w) == 1))
    words = r"[^，,。；;：:、0-9]"
    return regex.compile(_YEAR_OPENING + r"(?:全年)?在"
                         rf"(?P<before>{words}{{0,16}}?)(?P<count>[0-9][0-9.]*(?:[万亿][{units}]?|[{units}]))(?P<after>{words}{{1,16}}?)中[，,]")


_PRONOUNS = ("这", "那", "其", "上述", "以上", "该", "此")  # 在这些企业中: the whole named before
_NOUN_TAGS = ("n", "l", "j")  # 资本, 从业人员 (an idiom to the tagger), an abbreviation


def total_before_parts(drafts: list[Draft], blocks: list[Block], index: int) -> str:
    """引进亿元以上项目 of 引进亿元以上项目652个，其中|…项目占比达79.1%: the total a share named
    by its part alone (…占比) is of, when the share's clause opens with 其中 (cues.
    sub_item_markers) right after a level of its sentence; ``""`` for none."""
    draft = drafts[index]
    block = blocks[draft.figure.block]
    text, at = block.text, draft.figure.lstart
    clause = block.clause_start(at)
    markers = cue_words("sub_item_markers")
    # (…，其中，|…: the marker and its marks right before the clause, read in a short slice)
    start = max(0, clause - _MARKER_REACH)
    before = text[start:clause].rstrip("，,：: ")
    if text.startswith(markers, clause):
        marker_at = clause
    elif before.endswith(markers):
        marker_at = start + len(before) - len(next(m for m in markers if before.endswith(m)))
    elif _de_part().fullmatch(text, clause, at) is not None:
        marker_at = clause  # (执业医师2.3万人，|具有…学历的占…: a part written as a 的-phrase)
    else:
        return ""
    sentence = block.sentence_start(at)
    for total in reversed(drafts[max(0, index - _PART_REACH):index]):
        if total.figure.block != draft.figure.block or total.figure.lstart < sentence:
            return ""
        if total.figure.lend <= marker_at:
            return total.metric if total.kind in BASE_KINDS and total.metric_from in (
                "before", "after") else ""
    return ""


_MARKER_REACH = 8  # characters before a clause read for the 其中 that opens it
# the link a share's part written as a 的-phrase closes with (具有…学历的|占|21.4%)
_DE_SHARE_LINK = r"的占(?:比)?(?:为|达到|达)?[\s　]*"


@lru_cache(maxsize=1)
def _de_part() -> regex.Pattern[str]:
    """A clause that names a share's part by a 的-phrase alone (具有硕士及以上学历的占): a
    part of things counted before it, in the clause before (:func:`total_before_parts`)."""
    return regex.compile(r"[\s　]*[^，,。；;：:、0-9（(]{2,20}" + _DE_SHARE_LINK)


@lru_cache(maxsize=1)
def _state_part() -> regex.Pattern[str]:
    """A clause that names a share's part by a state alone (上升的占, 下降及持平的占: cues.toml
    panel_states, joined by 及, 和, 或 or 与)."""
    states = panel_states()
    return regex.compile(rf"[\s　]*(?P<part>(?:{states})(?:[及和或与](?:{states}))*){_DE_SHARE_LINK}")


def state_share(block: Block, at: int) -> str:
    """上升占主要产品单耗指标的比重 of 主要产品单耗指标中，|上升的占|38.5%: the share of the things
    in a state that the clause of the figure at ``at`` names alone, of the whole its sentence
    opens with (:func:`whole_of_sentence`), or 上升占比 where it opens with none; ``""`` when
    the clause names more than a state.

    >>> from ipextract.blocks import split_blocks
    >>> block = split_blocks("产品单耗指标中，上升的占38.5%，下降及持平的占61.5%。")[0]
    >>> state_share(block, 12), state_share(block, 25)
    ('上升占产品单耗指标的比重', '下降及持平占产品单耗指标的比重')
    """
    stated = _state_part().fullmatch(block.text, block.clause_start(at), at)
    if stated is None:
        return ""
    whole = whole_of_sentence(block, at)
    return share_of_total(stated.group("part"), whole) if whole else stated.group("part") + SHARE_NOUN


def share_of_total(part: str, total: str) -> str:
    """The name of a part's share of the total it is listed under.

    >>> share_of_total("医院入院人次", "医疗卫生机构入院人次")
    '医院入院人次占医疗卫生机构入院人次的比重'
    """
    return f"{part}占{total}的比重"

"""A figure's own name (rules 1, 3 and 4): the indicator named before it, cut where a share's
whole or a multiple's comparison begins, or the noun counted after it, or the label of the item
it stands under; with how it was found (``before``, ``after``, ``previous``, ``label``)."""

from __future__ import annotations

from functools import lru_cache
from itertools import pairwise

import regex

from ...blocks import BULLETS, Block
from ...figures import Figure, open_measure_word
from ...models import MetricFrom
from ...region_codes import candidates
from ...vocabulary import cue_set, cue_words, load_vocabulary
from ...vocabulary.indicators import load_indicators
from ...vocabulary.lexicon import is_word, pos_tag
from ..base import (
    _COMPARISON_BASE,
    _LEADING_FIGURE,
    _NEW_LEVEL,
    _NOMINAL_TAGS,
    _QUOTES,
    BASE_KINDS,
    COMPARISON_VERBS,
    DESCRIBING_KINDS,
    Draft,
    _one_word,
    _strip_edges,
    _tokens,
    _word_sets,
    suffixes,
)
from ..kinds import REACHED_WHOLE, part_of_things_after
from .counted import (
    ALL_OF_THEM,
    CUT_HEAD_TAGS,
    _action_verb,
    _right_noun,
    _with_predicate,
    head_after_qualities,
    holds_predicate,
    listed_with,
    noun_at,
    short_predicate,
    through_joined_nouns,
    without_attribute,
    without_work_verb,
    words_after,
    work_on_object,
)
from .lists import _OF, measure_group
from .phrase import (
    _ANY_DIGIT,
    _AVERAGE,
    _EACH,
    _EXAMPLES_CLOSED,
    _HAN_WORDS,
    _LIST_COMMAS,
    _NAME_ENDINGS,
    _SHARE_WHOLE,
    BATCH_AT_END,
    BENEFACTIVE,
    BRACKET_NOTE,
    CLOSING_QUOTES,
    _is_verb,
    _rank_verb,
    _trailing_words,
    _without_subject_verb,
    clean_metric,
    effort_then_purpose,
    list_or_counting_verbs,
    named_whole,
    verbs_over_lists,
    without_effort_adverb,
    without_effort_verb,
    without_manner_adverb,
)
from .streak import STREAK_AT_END


# (not cached: a few string searches, where a cache keyed by every figure's left text found a
# fifth of them again on a first pass over the real work reports and kept 7,500 entries alive)
def _cut_comparison(own: str, kind: str, places: frozenset[str]) -> str:
    """For a share or multiple, the words from 占/是/接近… on name the whole, not the metric."""
    if kind == "share":
        if "占" not in own and (reached := REACHED_WHOLE.search(own)):
            # (…达到耕地总面积的|64%: the share of that whole, named as 占…的 names it)
            own = own[:reached.start()] + "占" + reached.group(1) + "的"
        index = own.rfind("占")
        if index < 0:
            return own
        part = own[:index]
        # 县域经济总量占全省比重达: a share with its part named is named with its whole (the
        # share of what in what); 占全市总量的57.67% alone names nothing of its own
        cleaned = clean_metric(part, places)[0]
        if not cleaned:
            return part
        if _SHARE_WHOLE.match(own, index):
            return own
        named = named_whole(own, index)  # …药费占次均门诊费用的|35.6% → …占次均门诊费用的比重
        return cleaned + named if named else part
    if kind == "multiple":
        positions = [own.rfind(verb) for verb in COMPARISON_VERBS if own.rfind(verb) >= 0]
        return own[: min(positions)] if positions else own
    if kind == "rank":
        # 经济总量居全国城市第15位 → 经济总量; 武汉位列全球百强科技创新集群第13位: the part
        # before the verb is only the subject, so the ranking after it names the metric
        matches = list(_rank_verb().finditer(own))
        if not matches:
            return own
        before, after = own[: matches[-1].start()], own[matches[-1].end():]
        if not before.strip("，,、 "):
            return ""  # ，居全国省会城市第5位: no subject, the figure before names it
        return before if clean_metric(before, places)[0] else after
    if kind in DESCRIBING_KINDS:
        stripped = own.lstrip("，, ")
        # (the words as one tuple: one call, not a generator of calls)
        if stripped.startswith(_comparison_words()):
            # 比常规审查程序缩短约70%, 高于全省平均2.1个百分点: the words name what it is
            # compared with
            return ""
    return own


def _label(blocks: list[Block], index: int) -> str:
    """Rule 4: the label a value line stands under (●知识产权质押融资 / 83.31亿元): the item
    above it when that item has no figure and this is the first line under it."""
    block = blocks[index]
    above = blocks[index - 1] if index else None
    if above is None or above.group != block.group or above.kind != "item":
        return ""
    if _ANY_DIGIT.search(above.text):
        return ""
    label = _strip_edges(above.text.lstrip(BULLETS))
    return _QUOTES.sub("", label)


_CHANGED_TO = ("至", "到")  # (重组整合|至|11家: the level the things were brought to)
_MADE_INTO = "为"  # (整合优化|为|120个: the number the things were merged into)


def _without_change_to(name: str, left: str, kind: str) -> str:
    """省属国有企业 of 省属国有企业重组整合|至|11家: the verbs right before 至 or 到 and a count
    or a quantity say what the things underwent to reach that level (merged, extended), no word
    of their name, as 增至 and 压缩至 are link words, and so do verbs of merging before 为
    (园区|整合优化|为|120个: cues.restructuring_verbs); the name as it is where no noun stands
    before them.

    >>> _without_change_to("市属国有企业重组整合", "市属国有企业重组整合至", "count")
    '市属国有企业'
    >>> _without_change_to("高速公路", "高速公路达到", "quantity")
    '高速公路'
    """
    if kind not in _CHANGED_KINDS or not left.endswith((*_CHANGED_TO, _MADE_INTO)) or not left[:-1].endswith(name):
        return name
    tokens = _tokens(name)
    end = len(tokens)
    merging = cue_set("restructuring_verbs")
    while end > 1 and (pos_tag(tokens[end - 1]) == "v" or tokens[end - 1] in merging):
        end -= 1  # (整合|优化: a verb of merging the tagger calls a verbal noun is one)
    if left.endswith(_MADE_INTO) and not any(
            token in merging for token in tokens[end:]):
        return name  # (…为: only after a verb of merging, 整合优化为; 为 is a link of many verbs)
    if len(tokens) > end > 1 and pos_tag(tokens[end - 1]) == "vn" and len(
            "".join(tokens[:end - 1])) >= _LONG_THINGS:
        end -= 1  # (…国有企业|重组|整合: a verbal noun before the verb is the change's too)
    if end == len(tokens):
        return name  # (no verb stood before 至: 达到, a link word, had gone)
    things, tag = "".join(tokens[:end]), pos_tag(tokens[end - 1])
    # (the things end with a noun, not with a verb or a verbal noun: 污水处理|扩容至 keeps its name)
    return things if len(things) >= _MIN_THINGS and tag.startswith(_NOMINAL_TAGS) and not tag.startswith("v") else name


_CHANGED_KINDS = frozenset({"count", "quantity"})
_MIN_THINGS = 2  # characters of the things' name at least
_LONG_THINGS = 4  # …, and before a verbal noun of the change (污水|处理|扩容至: 处理 is the name's)


def _metric(figure: Figure, kind: str, left: str, right: str, previous: Draft | None,
            enumerated: bool, places: frozenset[str], tail: str = "") -> tuple[str, MetricFrom]:
    """Rules 1 and 3: the indicator named before the figure, or the noun counted after it;
    with how the name was found (``before``, ``after``, ``previous``); without a verb of
    effort or of having at its start (实施|重点项目: rule 7), taken off the whole name (the
    verb tells the rules above a purpose, 实施|优化|营商环境|21条|升级举措, from a subject)."""
    action = _action_done(figure, kind, left, tail or right, places)
    if action:
        return action, "after"
    batch = BATCH_AT_END.search(left) if figure.kind == "count" and left.endswith(_BATCH_ENDS) else None
    name: str = ""
    how: MetricFrom = "before"
    if batch is not None and (said := _tokens(left[:batch.start()])) and _is_verb(pos_tag(said[-1])):
        # (认定|首批|8家|…企业: the verb before the batch names the things after the count as it
        # would without it; not 首批|12项|及第二批…, no things after it)
        name, how = _own_metric(figure, kind, left[:batch.start()], right, previous, enumerated, places, tail)
    if how != "after" or _ANY_DIGIT.search(name):
        name, how = _own_metric(figure, kind, left, right, previous, enumerated, places, tail)
    if batch is not None and how == "after" and batch.group() not in name:
        # 第一批|12项|重点改革, 认定首批|8家|…企业: the batch is a word of the things' name, after
        # the verbs that keep their place (an item with no noun after it keeps the batch, whose
        # things a later batch names: fills, 首批9项及第二批11项重点改革)
        before = left[:batch.start()]
        verbs = next((name[:k] for k in range(len(name), 0, -1) if before.endswith(name[:k]) and all(
            _is_verb(pos_tag(token)) for token in _tokens(name[:k]))), "")
        name = verbs + batch.group() + name[len(verbs):]
    name = _without_aspect(without_effort_verb(name))
    if how == "before":
        name = without_manner_adverb(without_effort_adverb(name, kind == "count"))
        if kind == "count":
            name = _verb_measure(name, figure.unit, right)
        elif kind == "amount" and name in load_vocabulary().cues.funding_verbs:
            name = _funds(name, right)
        if kind in ("quantity", "count"):
            name = _output_of(name)
        name = _reached_things(name, kind, figure.unit, right)
        name = _without_change_to(name, left, kind)
        name = _ratio_to_whole(name, left, previous)
        if kind == "amount" and name in _INVESTMENTS and (project := _PROJECT_AFTER.match(right)):
            # 总投资|711亿元|的古雷炼化一体化工程二期项目: the investment of the project after 的
            name = _QUOTES.sub("", project.group(1)) + name
    elif how == "after" and kind == "amount" and (verb := left.strip(" ，,")) in load_vocabulary().cues.funding_verbs and (
            name.startswith(load_vocabulary().cues.funding_purpose_verbs)):
        # 统筹|9.8亿元|用于援企稳岗: the funds a verb of funding alone before the amount raised,
        # named with what they pay for (援企稳岗统筹资金), as 投入|…|实施…工程 is; not the purpose alone
        name = _funds(verb, right)
    elif how in ("after", "previous") and kind == "amount" and name.startswith(
            funding := load_vocabulary().cues.funding_verbs):
        # 投入|7亿元|实施健康惠民工程, named by the verb and the works after the amount (or by
        # the verb and the funds before it, 筹措…资金，投入|3亿元|实施…): the funds of the works
        # after it, as after a verb of funding alone (健康惠民工程投入资金)
        verb = next(v for v in funding if name.startswith(v))
        funds = _funds(verb, right)
        if funds != verb + _FUNDS and (how == "previous" or right.lstrip().startswith(name[len(verb):])):
            name = funds  # (not 安排|100亿元|财政资金支持…: the funds are named after it)
    elif how == "previous" and kind == "count" and (measure := _verb_measure_units().get(figure.unit, "")) and (
            name.endswith(measure)) and len(name) - len(measure) == 2:
        # (带动…增收，吸纳|5万人|就业: a verb's measure named after the list's first, with what
        # the people do after the count, as the first is)
        name = _verb_measure(name[:-len(measure)], figure.unit, right)
    elif how == "after" and kind == "count" and not right.startswith(name[:_ADVERB_READ]):
        # 率先|建设|8个|…: how it was done, as before a count (not 301个|集中带量采购品种: the
        # words after the count are the noun's own)
        name = without_manner_adverb(name)
    name = _without_from_start(without_cause(name, kind))
    if how == "after" and name.startswith(_OF):
        name = name[len(_OF):]  # 近万亿元|的重大项目投资: the particle after the figure, no word of the name
    return (_without_having_before_count(name) if kind == "count" else name), how


_BATCH_ENDS = "批"  # (told before the engine is asked: few figures follow 批)
_INVESTMENTS = frozenset({"总投资", "投资"})  # what a project's size is written as before 的
# 的 and the projects a size is of, after a count of them (的389个|省重点项目), to the last
# 项目 or 工程 of the clause's first words
_PROJECT_AFTER = regex.compile(
    r"的(?:[0-9一二三四五六七八九十百千万多余]+[个项批])?([\p{Han}“”]{2,24}(?:项目|工程))")


_ADVERB_READ = 2  # characters of a name's start read against the words after its count
# the things after a reach's figure (…覆盖|85%以上|县: a noun of one character too; 的 after a
# share's qualifier joins it to them: 覆盖|90%以上|的乡镇)
_REACHED = regex.compile(r"的?(\p{Han}{1,8})(?:[，,。；;、（(]|$)")
_COVERAGE = "覆盖"
_RATE_KINDS = frozenset({"rate", "share"})


def _doer_and_verb(own: str) -> bool:
    """Whether ``own`` is a doer and a verb of deciding alone (市委|确定, 年初|省政府|部署): nouns or
    a time before the verb, no other word.

    >>> _doer_and_verb("市委确定"), _doer_and_verb("加快推进确定")
    (True, False)
    """
    tokens = _tokens(own)
    return len(tokens) > 1 and tokens[-1] in cue_set("deciding_verbs") and all(
        pos_tag(token).startswith((*_NOMINAL_TAGS, "t")) for token in tokens[:-1])


def _reached_things(name: str, kind: str, unit: str, right: str) -> str:
    """以旧换新政策惠及|76万|群众 → 以旧换新政策惠及群众; 优质公办幼儿园覆盖|95%|乡镇 → 优质公办
    幼儿园乡镇覆盖率: a name that ends with a verb of reach (cues.reach_verbs) before a figure
    the things reached follow (nouns alone, to the clause's end) names them too: a count with no
    measure word of its own is of those things; a share after 覆盖 is their coverage.

    >>> _reached_things("以旧换新政策惠及", "count", "", "群众"), _reached_things("优质公办幼儿园覆盖", "rate", "%", "乡镇")
    ('以旧换新政策惠及群众', '优质公办幼儿园乡镇覆盖率')
    """
    if not right or not name.endswith(load_vocabulary().cues.reach_verbs):
        return name  # (most names: one test of the end)
    things = _REACHED.match(right)
    # (县, 村: a place of a level alone, which the segmenter may tag otherwise, cues.generic_counted_nouns)
    if things is None or not all(pos_tag(token).startswith(_NOMINAL_TAGS) or token in cue_set("generic_counted_nouns")
                                 for token in _tokens(things.group(1))):
        return name
    if kind == "count" and not unit and not right.startswith(_OF):
        return name + things.group(1)
    if kind in _RATE_KINDS and name.endswith(_COVERAGE) and len(name) > len(_COVERAGE):
        return name[:-len(_COVERAGE)] + things.group(1) + _COVERAGE + "率"
    return name


_RATIO_WITH = ("与", "同")  # 与国内生产总值之比: the first term of the ratio is named before
_RATIO_OF = "之比"


def _ratio_to_whole(name: str, left: str, previous: Draft | None) -> str:
    """…经费支出28470亿元，…，与国内生产总值之比为2.41% → 研究与试验发展经费支出与国内生产总值之比:
    a ratio whose clause opens with 与 and names only its second term is of the measure named
    before it in its sentence."""
    if not name.endswith(_RATIO_OF) or not left.lstrip("，, ").startswith(_RATIO_WITH) or (
            previous is None or not previous.metric or _RATIO_OF in previous.metric):
        return name
    return previous.metric + _RATIO_WITH[0] + name


_TIMES = frozenset({"次"})  # the measure word of the times an action was done
_ACTION_END = regex.compile(r"[，,。；;：:！？]|、(?=[0-9一二两三四五六七八九十]+次)")
_MAX_ACTION = 20  # characters of an action named by its verb phrase


def _action_done(figure: Figure, kind: str, left: str, right: str, places: frozenset[str]) -> str:
    """省委书记两次莅临开发区调研 → 省委书记莅临开发区调研: a count of times (次) right before a
    verb phrase is named by that action, to its clause's end (a 、-list of its objects kept; a
    、 before another count of times ends it), with the subject the words before the count name
    (nouns alone: a time, 党的十八大以来, is none); ``""`` for any other figure.

    >>> from ipextract.figures import find_figures
    >>> from ipextract.blocks import split_blocks
    >>> block = split_blocks("三次出台蔬菜、水果产业扶持政策。")[0]
    >>> _action_done(find_figures(block, 0)[0], "count", "", "出台蔬菜、水果产业扶持政策。", frozenset())
    '出台蔬菜、水果产业扶持政策'
    """
    if kind != "count" or figure.unit not in _TIMES or not right or left.endswith(_STREAK):
        return ""
    end = _ACTION_END.search(right)
    action = right[:end.start() if end is not None else len(right)].strip()
    if not 2 <= len(action) <= _MAX_ACTION or _ANY_DIGIT.search(action) or not (
            _HAN_WORDS.fullmatch(action.replace("、", ""))):
        return ""
    first = _tokens(action)[0]
    if not _is_verb(pos_tag(first)) or first in _word_sets()["link"]:
        return ""  # (两次|莅临…; not 68次|宇航发射, 15次|，: a noun or nothing after the count)
    # (9次|发射|全部成功: what all of them did after the action says how it went, no word of it)
    action = next((action[:at] for word in ALL_OF_THEM if (at := action.find(word)) >= len(first)), action)
    subject = clean_metric(left, places)[0] if left.strip() else ""
    if subject and not all(pos_tag(token).startswith(_NOMINAL_TAGS) for token in _tokens(subject)):
        subject = ""  # (党的十八大以来|三次…: a time, no doer)
    return subject + action


_STREAK = "连续"  # 连续6次位列…: a streak, named by the streak rules


def _output_of(name: str) -> str:
    """生产|钾肥 before 757.5万吨 → 钾肥产量: a verb of output (cues.output_verbs) opening a name
    of a product, a noun phrase of its own words (no 的, no verb), names the product's output;
    生产总值, 生产安全事故 are words of their own, not the verb (the segmenter keeps 生产总值 one
    word, and 安全事故起数 is no product: a name that ends in a measure is left).

    The place it was made in before the verb (在京|生产…, 在省内|生产…) is the report's own
    scope, no word of the output's name.

    >>> _output_of("生产钾肥"), _output_of("生产安全事故起数"), _output_of("生产总值")
    ('钾肥产量', '生产安全事故起数', '生产总值')
    >>> _output_of("在京生产新能源汽车")
    '新能源汽车产量'
    """
    if made_in := _made_in(name):
        name = name[len(made_in):]
    outputs = _output_verbs()
    verb = next((v for v in outputs if name.startswith(v)), "") if outputs else ""
    if not verb or len(name) < len(verb) + 2:
        return name
    tokens = _tokens(name)
    rest = tokens[1:]
    if tokens[0] != verb or not rest or not all(pos_tag(token).startswith(_NOMINAL_TAGS) and (
            pos_tag(token) != "vn") for token in rest) or name.endswith(
            (*load_vocabulary().cues.measure_endings, *_NAME_ENDINGS)):
        return name  # (…起数, …总量: a measure)
    return "".join(rest) + outputs[verb]


def _made_in(name: str) -> str:
    """在京 of 在京生产…, 省内 of 省内生产…: a place (a place name or a place word, one word, after
    在 or alone) right before a verb of output; ``""`` otherwise."""
    outputs = _output_verbs()
    if not outputs or not any(verb in name[1:6] for verb in outputs):
        return ""  # (most names: no verb of output after their first character)
    tokens = _tokens(name)
    at = 1 if tokens[0] == _AT_PLACE else 0
    if len(tokens) > at + 2 and pos_tag(tokens[at]) in _PLACE_WORD_TAGS and tokens[at + 1] in outputs:
        return "".join(tokens[:at + 1])
    return ""


_AT_PLACE = "在"
_PLACE_WORD_TAGS = frozenset({"ns", "s", "j"})  # 京, 省内, 沪 (an abbreviation)


def without_cause(name: str, kind: str = "") -> str:
    """设备工器具购置投资 of 大规模设备更新|带动|设备工器具购置投资: the statistic a cause drove,
    when the words after the driving verb (cues.driving_verbs) name one of the catalogue; and
    the growth of what a verb of driving or causing that opens the name drove, whatever it is
    (…技改项目，|带动|工业投资|增长10%: the growth is 工业投资's, the cause in a clause before).

    >>> without_cause("带动工业投资", "growth"), without_cause("带动消费", "amount")
    ('工业投资', '带动消费')
    """
    if kind == "growth" and name.startswith(_opening_causes()) and _HAN_WORDS.fullmatch(name):
        verb = next(v for v in _opening_causes() if name.startswith(v))
        rest = name[len(verb):]
        if len(rest) >= _MIN_DRIVEN and pos_tag(_tokens(rest)[-1]).startswith(_NOMINAL_TAGS):
            return rest
    for verb in cue_words("driving_verbs") if len(name) > 4 else ():
        at = name.find(verb)
        if at > 0 and load_indicators().match(rest := name[at + len(verb):]) is not None:
            return rest
    return name


_MIN_DRIVEN = 2  # characters of what a verb of driving drove (消费, 投资)


@lru_cache(maxsize=1)
def _opening_causes() -> tuple[str, ...]:
    """带动, 推动, 促进…: the verbs of driving and causing (cues.driving_verbs, cause_verbs)."""
    cues = load_vocabulary().cues
    return (*cues.driving_verbs, *cues.cause_verbs)


# 倍差从2.42缩小, 人均预期寿命从(2020年)的82.4岁: the start of a from–to left in the name (no
# unit made it a figure of its own, or its year was cut as a period): the name ends before it
_FROM_START = regex.compile(r"[从由]的?[0-9]")


def _without_from_start(name: str) -> str:
    """The name before the start of a from–to it holds (most names hold no 从 or 由)."""
    if "从" not in name and "由" not in name:
        return name
    found = _FROM_START.search(name)
    return name[:found.start()] if found is not None and found.start() >= 2 else name


_FUNDS = "资金"
# the object a purpose verb opens after an amount, up to the clause's end; a count first goes
# (办好|30件|民生实事, 办好|“28+10”项|民生实事)
_PURPOSE_OBJECT = regex.compile(
    r"^(?:[0-9“”\"+]+[0-9”\"]*\p{Han}?(?=\p{Han}{2}))?([\p{Han}A-Za-z“”]{2,24}?)(?:[，,。；;：:、（(]|$)")


def _funds(verb: str, right: str) -> str:
    """投入|6.2亿元|实施农村劳动力技能提升工程 → 农村劳动力技能提升工程投入资金: a verb of
    funding alone before an amount names the funds, with what they pay for when a verb of effort
    or of purpose (cues.funding_purpose_verbs: 支持) opens the rest of the clause; else the funds
    alone (投入资金)."""
    cues = load_vocabulary().cues
    rest = right.lstrip()
    opener = next((v for v in (*cues.effort_verbs, *cues.funding_purpose_verbs)
                   if rest.startswith(v)), "")
    found = _PURPOSE_OBJECT.match(rest[len(opener):]) if opener else None
    if found is None or _ANY_DIGIT.search(found.group(1)):
        return verb + _FUNDS
    return found.group(1).strip("“”") + verb + _FUNDS


@lru_cache(maxsize=1)
def _verb_measure_units() -> dict[str, str]:
    return load_vocabulary().cues.verb_measure_units


# (the mappings of cue words this module reads for most figures named, read off the vocabulary
# once, as vocabulary.cue_words reads the lists)


@lru_cache(maxsize=1)
def _output_verbs() -> dict[str, str]:
    return load_vocabulary().cues.output_verbs


@lru_cache(maxsize=1)
def _comparison_words() -> tuple[str, ...]:
    """What opens the words a share or a multiple is compared with (比, 高于, 同比…)."""
    cues = load_vocabulary().cues
    return cues.comparison_openers + cues.comparison_verbs + cues.compared_with


def _verb_measure(name: str, unit: str, right: str = "") -> str:
    """惠及|86万人 → 惠及人数, 死亡|12人 → 死亡人数: a verb alone before a count of people or
    households names the measure it implies (cues.verb_measure_units), and so does a verb of
    reach closing a name (cues.reach_verbs: 育儿补贴惠及人数); most names are neither and keep
    their words. What the people do, a verb alone closing the clause after the count, is the
    measure's too (带动|120万人|就业 → 带动就业人数, 吸纳|5万人|就业).

    >>> _verb_measure("带动", "人", "就业。"), _verb_measure("惠及", "人", "")
    ('带动就业人数', '惠及人数')
    """
    measure = _verb_measure_units().get(unit, "")
    if measure and len(name) > 2 and name.endswith(reach := load_vocabulary().cues.reach_verbs):
        # 育儿补贴|惠及 → 育儿补贴惠及人数 (not 全覆盖: the verb must be a word of its own)
        return name + measure if _tokens(name)[-1] in reach else name
    if not measure or not name or len(name) > 2 or len(_tokens(name)) != 1 or not pos_tag(
            name).startswith("v") or name in load_vocabulary().cues.attribute_nouns:
        return name  # (招生: an institution's attribute, named with them in fills.py)
    done = _PEOPLE_DO.match(right)
    if done is not None and pos_tag(done.group(1)).startswith("v"):
        return name + done.group(1) + measure
    return name + measure


# a verb of two characters alone closing the clause after a count of people (…万人|就业。,
# …万人|实现就业: the link verb before it goes)
_PEOPLE_DO = regex.compile(r"(?:实现)?(\p{Han}{2})(?:[，,。；;、]|$)")


def _without_having_before_count(name: str) -> str:
    """全县有|公办|普通高中|9所 → 公办普通高中: a verb of having that goes only before the things
    counted (cues.count_having_verbs), when the rest is a noun phrase of its own words: no
    relative 的 (有进出口实绩的企业), no word it makes with the one character after it (有|价|
    金属), no second one of it (有组织有规模…), no noun of a quality (有进出口实绩企业)."""
    verb = next((v for v in cue_words("count_having_verbs") if name.startswith(v)), "")
    if not verb or "的" in name or verb in name[len(verb):]:
        return name
    cues = load_vocabulary().cues
    if any(quality in name for quality in cues.having_qualities):
        return name  # (有进出口实绩企业: the firms that trade, cues.having_qualities)
    tokens = _tokens(name)
    if len(tokens) < 2 or tokens[0] != verb or len(tokens[1]) < 2 or not (all(
            pos_tag(token).startswith(_NOMINAL_TAGS) for token in tokens[1:]) or (
            # (有|农村|低保|对象: a noun phrase whose middle word is tagged a verb, ending in a
            # noun of the people or things a count counts)
            len(tokens) <= _HAVING_PHRASE and pos_tag(tokens[1]).startswith(_NOMINAL_TAGS)
            and tokens[-1] in load_vocabulary().cues.having_heads)):
        return name
    return name[len(verb):]


_HAVING_PHRASE = 4  # words at most of 有 and a noun phrase with a verb-tagged word inside


_MEASURED_KINDS = frozenset({"quantity", "amount"})


def _verbs_only(words: str) -> bool:
    """Whether ``words`` are verbs alone, ending with one that is no verbal noun (提升|改造,
    免费|提供; not 拆除|违法|建设, whose object closes it): before a quantity or an amount they
    name the action on the things after it, as before a count (rule 3).

    >>> _verbs_only("提升改造"), _verbs_only("拆除违法建设"), _verbs_only("开工建设")
    (True, False, True)
    """
    tokens = _tokens(words)
    listed = verbs_over_lists()
    # (开工|建设, 布局|建设: a verb of building after a verb of a list, whatever the tags)
    last = pos_tag(tokens[-1]) == "v" or tokens[-1] in listed and len(tokens) > 1 and (
        pos_tag(tokens[-2]) == "v" or tokens[-2] in listed)
    return last and all(pos_tag(token).startswith(("v", "d")) or token in listed for token in tokens)


def _people_joining(own: str, own_tag: str, unit: str | None, right: str, left: str = "") -> str:
    """惠民保|超300万人|参保 → 惠民保参保人数: a count of people (cues.verb_measure_units) whose
    clause closes with a verb of joining right after it (cues.joining_verbs) counts those who
    joined what the words before it name, the measure named by the unit (人数, 人次, 户数);
    ``""`` otherwise (a verb before the count, 组织|3万人|参与, unless it is a word of a quoted
    name, “惠民保”; or more words after it).

    >>> _people_joining("城乡居民医保", "n", "人", "参保"), _people_joining("", "", "人", "受益")
    ('城乡居民医保参保人数', '受益人数')
    """
    measure = _verb_measure_units().get(unit or "", "")
    verb = right.strip()
    if not measure or verb not in cue_set("joining_verbs") or own_tag.startswith("v") and (
            not left.rstrip().endswith(tuple(CLOSING_QUOTES))):
        return ""
    return own + verb + measure


def _deed_of_those_counted(own: str, own_tag: str, unit: str | None, right: str) -> str:
    """核心区平房申请式退租户数 of 核心区平房|1800户|申请式退租: a count of people or households
    (cues.verb_measure_units) between the noun phrase they are of and a deed that closes the
    clause (a verb first, 进行 gone) counts those who did it, the measure named by the unit, as a
    count of those who joined does; ``""`` otherwise (a verb before the count, or more after
    the deed than a short verb phrase).

    >>> _deed_of_those_counted("城乡", "n", "人", "享受最低生活保障")
    '城乡享受最低生活保障人数'
    >>> _deed_of_those_counted("城乡", "n", "人", ""), _deed_of_those_counted("组织", "v", "人", "参加培训")
    ('', '')
    """
    measure = _verb_measure_units().get(unit or "", "")
    deed = right.strip()
    if not measure or not own or own_tag.startswith("v") or not _DEED_LENGTH[0] <= len(deed) <= _DEED_LENGTH[1] or (
            not _HAN_WORDS.fullmatch(deed)):
        return ""
    things = _tokens(own)
    if things[0] in _ACHIEVED and len(things) > 1:
        things = things[1:]  # (完成|老旧小区|1.2万户|加装电梯: the verb of the whole clause)
    if any(pos_tag(word).startswith("v") for word in things):
        return ""  # (组织|3万人|参加培训: the people a verb before acted on)
    words = _tokens(deed)
    if words[0] == _CARRY_OUT and len(words) > 1:
        words = words[1:]  # (…2.1万人|进行|迁建: the verb of effort goes)
    tags = [pos_tag(word) for word in words]
    if not tags[0].startswith("v") or any(tag in _NOT_OF_A_DEED for tag in tags) or any(
            tag.startswith("n") and any(later.startswith("v") for later in tags[at + 1:])
            for at, tag in enumerate(tags)):
        return ""  # (…4112户|受灾|群众|搬进|新居: a noun and a verb after it, a clause of its own)
    return "".join(things + words) + measure


_ACHIEVED = frozenset({"完成", "实现"})
_DEED_LENGTH = (2, 8)  # characters of a deed that closes a clause after those who did it
_CARRY_OUT = "进行"
_NOT_OF_A_DEED = frozenset({"uj", "p", "c", "m", "d"})  # (的, a preposition, a join, a number, an adverb)


# 比国有企业低, 比全省平均水平高: a comparison with another thing than the past, and the side of it
_COMPARED_WITH_OTHER = regex.compile(r"比\p{Han}{2,12}?(?:高|低|多|少)(?:出)?")
_GAP_AT_END = regex.compile(_COMPARED_WITH_OTHER.pattern + "$")  # (the same, closing a name)


def _compared_with_other(own: str, kind: str, previous: Draft, figure: Figure) -> bool:
    """Whether ``own`` is only a comparison with another thing (比国有企业低) right after a level
    in the same unit (乡镇企业人均装备2.3万元，比国有企业低4.1万元): the gap is that
    level's, named with it; not one with the past (比上年多…, a change, named elsewhere).

    >>> _COMPARED_WITH_OTHER.fullmatch("比国有企业低") is not None, _COMPARED_WITH_OTHER.fullmatch("比上年") is None
    (True, True)
    """
    return own[:1] == _THAN and kind in _GAP_KINDS and previous.kind == kind and (
        previous.figure.unit == figure.unit) and bool(previous.metric) and previous.figure.block == figure.block and (
        _COMPARED_WITH_OTHER.fullmatch(own) is not None) and _PAST_BASE.match(own) is None


_THAN = "比"
_GAP_KINDS = _MEASURED_KINDS | {"count"}
# 比上年…, 比2020年…, 比年初…: a comparison with the past, a change (比上年同期, 比上年末: 比上年's)
_PAST_BASE = regex.compile(r"比(?:[12][0-9]{3}年|上年|去年|上月|同期|年初)")


def _note_after(things: str, right: str) -> str:
    """（组） of 自然村（组）通硬化路: the note in brackets right after the things counted (which
    of them the count takes in), so that what they did is read on after it; ``""`` for none.

    >>> _note_after("自然村", "自然村（组）通硬化路"), _note_after("自然村", "自然村通硬化路")
    ('（组）', '')
    """
    at = noun_at(things, right)
    note = BRACKET_NOTE.match(right, at + len(things)) if at >= 0 else None
    return note.group() if note is not None else ""


@lru_cache(maxsize=1)
def _set_to() -> regex.Pattern[str]:
    """调整为|, 核定到|: a verb that sets a new level (cues.level_setting_verbs) before a figure."""
    return regex.compile("(" + "|".join(map(regex.escape, cue_words("level_setting_verbs"))) + r")[为到至]\s*$")


def _things_reached(left: str, right: str, places: frozenset[str]) -> str:
    """试点扩大至|120个|街道 → 试点覆盖街道: the things counted after a verb of spread with its 至
    or 到 (cues.spread_verbs) are those the subject before the verb covers now, named by both
    with 覆盖 (the things alone read as a stock of them, and the verb says the subject spread);
    ``""`` when no such verb opens the count or no things follow it.

    >>> _things_reached("过境免签政策扩展到", "州（市）", frozenset())
    '过境免签政策覆盖州（市）'
    """
    if not left.rstrip().endswith(cue_words("level_after_change")):
        return ""  # (most counts: no 至 or 到 right before them; the pattern is not searched)
    verb = _SPREAD_TO.search(left)
    if verb is None or verb.group(1) not in cue_set("spread_verbs"):
        return ""
    things = _right_noun(right, True)
    if not things:
        return ""
    things += _note_after(things, right)  # 9个|州（市）: the note on which things is theirs
    subject = clean_metric(left[:verb.start()], places)[0]
    return subject + _COVERS + things if subject else things


_SPREAD_TO = regex.compile(r"([\p{Han}]{2})[至到]\s*$")  # 扩大至, 拓展到: a verb of spread before a count
_COVERS = "覆盖"


# what may stand between a from-to's words and its figures: a time, 的, the marks of a list
_FILLER = r"(?:[0-9]{4}年(?:底|末)?|的|、|和|及|\s)*"
# (分别)提高到|2025年的|, 优化整合为|: the verb a from-to's end follows
TO_VERB = regex.compile(r"(?:分别)?\p{Han}{1,4}(?:到|至|为)" + _FILLER)
FROM_WORD = regex.compile(r"[从由]" + _FILLER + "$")  # 从|2020年的|
_TO_END = regex.compile(TO_VERB.pattern + r"[0-9]")  # 调整为|41所: the words after a from-to's start
_OF_AFTER_COUNT = "的"  # 11个左右|的|县: the particle between a count's qualifier and the things


# what joins two items, the first ending where a figure opens the next (a word of its own: not
# the 及 of 惠及; not 与, a preposition too: 与8家中心达成合作)
_ITEM_JOINS = ("和", "及", "以及")


def _own_metric(figure: Figure, kind: str, left: str, right: str, previous: Draft | None,
                enumerated: bool, places: frozenset[str], tail: str = "") -> tuple[str, MetricFrom]:
    """:func:`_metric` before the verb of effort or of having goes."""
    if figure.kind == "count" and (reached := _things_reached(left, right, places)):
        return reached, "after"
    own, own_tag = clean_metric(_cut_comparison(left, kind, places), places)
    own = _after_examples(own)
    if figure.kind == "count" and (joined := _people_joining(own, own_tag, figure.unit, right, left)):
        return joined, "after"
    if figure.kind == "count" and (done := _deed_of_those_counted(own, own_tag, figure.unit, right)):
        return done, "after"
    if own.endswith(cue_words("level_setting_verbs")) and (setting := _set_to().search(left)) is not None and (
            own.endswith(setting[1])):
        own = own.removesuffix(setting[1])  # 活动时长调整为|20分钟: the new level, no verb of it
    if figure.kind == "count" and own in cue_set("preposition_verbs"):
        own, own_tag = "", ""  # (聚焦|13个|产业集群, 围绕|22个|产业: a verb used as a preposition)
    if figure.kind == "count" and left.rstrip().endswith(_OF) and (
            verb := next((v for v in cue_words("preposition_verbs") if own.startswith(v)), "")):
        # (紧扣|市委确定的|276项|改革任务: a verb used as a preposition before a clause that says
        # which things; the clause is theirs, the verb no action on them)
        rest = _tokens(own[len(verb):])
        while rest and pos_tag(rest[0]) == "t":
            rest = rest[1:]  # (紧扣|年初|确定: the time goes too; the doer stays, 自治区党委)
        own = "".join(rest)
    if own.endswith(cue_words("deciding_verbs")) and left.rstrip().endswith(_OF) and (
            own in cue_set("deciding_verbs") or _doer_and_verb(own)):
        # (自治区党委确定的|276项|改革任务: the doer who decided goes with the verb)
        own, own_tag = "", ""  # (年初确定的|10件|民生实事: the things decided, no action counted)
    if kind == "share" and own in cue_set("effort_verbs") and (right.startswith(_OF) or part_of_things_after(right)):
        # (推动|60%以上|的县级…机构三级达标, 推动|70%以上|企业上云: the share of the things after it)
        own, own_tag = "", ""
    if own.endswith(_ITEM_JOINS) and _tokens(own)[-1] in _ITEM_JOINS:
        # 加快大型水电站和|690万千瓦|火电项目…: the figure opens the item after the join, named
        # after it; the item before is no name of it
        own, own_tag = "", ""
    if kind == "rank" and (ranking := _ranking_in(left, places)):
        own = ranking  # 在全省高质量发展考核中|由第8名: the assessment the rank is in
    elif kind == "rank":
        own = _without_ranking_scope(own)
        growth, bare = _ranked_growth(left, places)
        if bare:
            own = ""  # 、提升幅度居全省第1: the growth of the figure before (named with it below)
        elif own and growth and not own.endswith(growth):
            own += growth  # 规上工业增加值增幅居全国第4位: the growth is what is ranked
    if kind == "change_pp":
        growth, bare = _changed_growth(left, places)
        if bare:
            own = ""  # …增长6.3%，增速比上年加快1.4个百分点: the growth of the figure before
        elif own and growth and not own.endswith(growth):
            own += growth  # 装备制造业增速提高6.2个百分点: the growth rate is what changed
        elif own and (pulled := _PULLED_GROWTH.search(left)) is not None and own.endswith(pulled.group(1)):
            # 最终消费支出拉动地区生产总值增长3.1个百分点: the points are of the growth the part
            # pulled, no change of the pull (…拉动地区生产总值增长)
            own += _GROWTH_PULLED
    if kind == "share" and "占" in own:
        if own.endswith("占") and "占比" in left:
            own += "比"  # 产量占比达到: the cleaning read 比 as a comparison's, the share's noun
        share_noun = _SHARE_WHOLE.search(own)
        if share_noun is not None:
            own = own[:share_noun.end()]  # 占比达, 占比持续保持: the predicate after the noun goes
    if own and kind in DESCRIBING_KINDS and _COMPARISON_BASE.fullmatch(own):
        own = ""
    if own and previous is not None and _compared_with_other(own, kind, previous, figure):
        # (…装备2.3万元，|比国有企业低|4.1万元: the gap is of that level; after another gap, of
        # the same level: …，比外资企业低…)
        compared = previous.metric
        if (before := _GAP_AT_END.search(compared)) is not None and before.start():
            compared = compared[:before.start()]
        own = compared + own
    words = _word_sets()
    level = suffixes(words["level_verbs"]).longest(left) if figure.kind == "count" else None
    if level and own and not own.endswith(level):
        # 地区生产总值连跨|2个|万亿元台阶: the steps crossed are counted, the verb is the action
        # on them (as 新建 is), not the link it is before a level (粮食产量跃上|500亿斤)
        own, own_tag = own + level, "v"
    if (own in words["verbs_after_names"] and not (kind == "count" and left == own)) or (
            own in words["verbs_before_names"] or own in words["plan_verbs_before_names"]):
        # …712亿斤，连续五年|稳定在700亿斤; 实现|三季度增长4.6%: no name; but a verb alone right
        # before a count (…病区县数1030个，控制|937个) is done to some of the things, as 消除 is
        own = ""
    # (选派 is tagged n, 新获批 q: a verb of rule 7, or one of flow a list writes once for its
    # items, that stays is a verb whatever its tag: 新获批|8个|…创业园; not 获批 alone, a verb of
    # having: 获批|2个|博士学位授予单位 → the things)
    ends_with_verb = bool(own) and (own_tag.startswith("v") or own in words["counting_verbs"]
                                    or own in cue_set("flow_verbs_over_lists"))
    single_verb = ends_with_verb and _one_word(own)
    level_after = cue_words("level_after_change")
    if single_verb and (own.endswith(level_after) or left.endswith(level_after)):
        # 从6.1万元|增至|8.4万元, 由第11位|跃升至|第4位: the verb of a from-to names nothing
        own = ""
        ends_with_verb = single_verb = False
    if kind == "duration" and own in words["duration_openers"]:
        own, own_tag = "", ""  # 时隔12年|再次举办…: the years are named by what follows them
    if kind == "duration" and (not own or (single_verb or not own_tag.startswith(_NOMINAL_TAGS))
                               and _one_word(own)) and words_after(right):
        return words_after(right), "after"  # 连续7年保持上升态势, 时隔4年在汉单位再次摘金
    if not own and kind in BASE_KINDS:
        own = _action_verb(left)  # 完成23批次…: an action verb kept before the noun
        ends_with_verb = single_verb = bool(own)
    if own in words["work_done_verbs"] and (done := _work_done(right)) and (
            figure.kind == "count" or done.endswith(tuple(words["works_on_things"]))):
        # 完成|320个|行政村生活污水治理: the work done; in an area or a length, the work on
        # things the clause closes with (完成|3800万平方米|建筑…供热改造)
        return done, "after"
    noun = ""
    # (对|411.5万|高危人群…: a preposition alone before a count names nothing)
    preposition = bool(own) and own in words["object_prepositions"]
    if ((figure.kind == "count" and figure.unit) or kind == "rank" or (
        kind in BASE_KINDS and (single_verb or not own or preposition or (
            ends_with_verb and kind in _MEASURED_KINDS and _verbs_only(own)))
    )) and not (right[:1].isdigit() and restated_after(right)):
        # (选择|11个左右|的|县…, 建设|5个以上|的|园区: 的 after a count's qualifier joins the
        # count to the things, no word of theirs; not after a measure the count is a level of,
        # 快递单量达|1000单以上|的|经营主体: a threshold of the things after it)
        linked = figure.kind == "count" and bool(figure.qualifier) and right.startswith(
            _OF_AFTER_COUNT) and (not own or single_verb)
        noun = _right_noun(right[len(_OF_AFTER_COUNT):] if linked else right, figure.kind == "count")
        if noun and _TO_END.match(right) and FROM_WORD.search(left):
            noun = ""  # 普通高中由|58所|调整为41所: the verb of the from-to (a verbal noun) names nothing
        if figure.kind == "count" and noun and (note := _note_after(noun, right)):
            noun += note  # 320个|自然村（组）|通硬化路: the note on which things, read on past
        if figure.kind == "count" and noun and tail.startswith(right) and (
                listed := listed_with(noun, tail)):
            noun += listed  # 建设|15个|中试基地、技术转移中心: the count is of every item
        if figure.kind != "count" and _STEPS_COUNTED.sub("", noun) in words["level_steps"]:
            # 迈上|3万亿元|台阶, 突破…|大关: the step reached, no thing of the level; nor the
            # steps a list of levels counts (连跨3万亿元、|4万亿元|两个台阶)
            noun = ""
        if figure.kind == "count" and tail and tail.startswith(right) and (
                head := head_after_qualities(tail, right)):
            noun = head  # 1—2个|市场前景好、吸纳就业多的|主导产业: the head counted
    if len(noun) == 1 and figure.unit and is_word(figure.unit[-1] + noun):
        noun = ""  # 集中办公69场|次: the rest of the unit 场次, no noun counted
    if figure.kind == "count" and noun and (things := without_attribute(noun)) != noun:
        return things, "after"  # 加大对|12个|试点县|的支持力度: the things; the verb works on the attribute
    if noun:
        cues = load_vocabulary().cues
        # (为 before a count is cut from ``own`` as a link word: 为|4.5万名|农民工|追回欠薪)
        carrier = own if own in words["carrier_verbs"] or preposition else (
            BENEFACTIVE if not own and left.endswith(BENEFACTIVE) else "")
        if not carrier and own.startswith(cues.effort_adverbs) and (
                carried := _after_effort_adverbs(own)) in words["carrier_verbs"]:
            # 重点|支持|400个|…主体|提质扩规: the carrier goes with its adverb, the things and
            # what they do stay (the adverb is a plan's wording, as before any verb)
            carrier = carried
        if kind == "count" and (preposition or not own and left.endswith(
                load_vocabulary().cues.object_prepositions)):
            noun = without_work_verb(noun)  # (对|24.8万|重点人群|开展|结核病、…: the things alone)
            # 对|8205户|群众|实施避险搬迁 → 群众避险搬迁: the things and the work done on them
            # (any other verb after them is the report's too, no predicate of theirs: 对|98家|单位|
            # 开展…; the things alone)
            return noun + work_on_object(noun, right, tail), "after"
        if kind == "count" and carrier == BENEFACTIVE and not own and (
                work := work_on_object(things := without_work_verb(noun), right, tail)):
            # 为|1200户|困难老人家庭|实施|适老化改造 → 困难老人家庭适老化改造: the work a verb
            # of effort does for them, as after 对, without the verb (a predicate read above may
            # hold it)
            return things + work, "after"
        if kind == "count" and carrier == BENEFACTIVE and not own:
            # 为|2000家|企业|提供数字化解决方案, 为|…|农民工|解决拖欠工资: the things served and
            # what was done for them, with the 为 that says so (without it they would read as the
            # doers; the noun read may hold the predicate already: 老人|提供|助餐服务, a verb
            # before one noun)
            # (重点|就业|群体: a verb before the head of a compound is no predicate)
            heads = words["compound_head_nouns"]
            holds = any(token.startswith(cues.giving_verbs) or _is_verb(pos_tag(token)) and following not in heads
                        for token, following in pairwise([*_tokens(noun)[1:], ""]))
            done = "" if holds else short_predicate(
                noun, through_joined_nouns(right, tail), carrier, benefactive=True)
            if holds or done:
                return BENEFACTIVE + noun + done, "after"
        # (三峡库区|431处|存量危岩…: an area all the clause says before the count, whose place name
        # the cleaning took off as a scope, is where the things are)
        written = _CLAUSE_OPENING.split(left)[-1].strip()
        place = own_tag == _PLACE_WORD or bool(own) and not ends_with_verb and written.endswith(own) and (
            _area_alone(written))
        own = written if place and own_tag != _PLACE_WORD else own
        if noun in cues.generic_counted_nouns:
            noun = _with_predicate(noun, tail or right)  # 14家企业|上榜…
        elif kind == "count" and (not own or carrier or own in cue_set("flow_verbs_over_lists") or place
                                  or right.startswith(noun) and right.startswith(cue_words("award_verbs"), len(noun))):
            # 27家|农村信用社|完成改制任务, 推动|6个|平台|投入运行: which of the things are counted
            # (新增|1200款|农产品|入驻商超: of the things a flow adds, those that did it; an award
            # whatever opens the count: 某区新增|3项|改革成果|获…)
            noun += short_predicate(noun, through_joined_nouns(right, tail), carrier)
            if place and not carrier:
                # 省外|12所|高水平大学|帮扶…: the things from there; 三峡库区|431处|存量危岩…: there
                return own + noun, "after"
        if own and carrier and figure.kind == "count" and holds_predicate(noun):
            return noun, "after"  # 帮助|1.8万户|农户搬进新居: the carrier goes with its subject kept
        if own and carrier == own and figure.kind == "count" and noun.endswith(_BUILDING) and (
                built := things_built(noun.removesuffix(_BUILDING))):
            # 支持|20个|全国重点实验室建设: the things whose building is supported are counted, as
            # after a verb of effort (推进|30个|重点项目建设); the carrier goes with the building
            return built, "after"
        if effort_then_purpose(own):
            # 落实|县域商业体系建设|18条|政策措施: what the measures are for (the verb of effort
            # goes in _metric)
            return own + noun, "after"
        if ends_with_verb and own.startswith(cues.effort_adverbs):
            # 加快建设|6个|省级区域医疗中心: a plan's wording; and 全力推进|1000个|…项目建设: the
            # projects are counted, as after an effort verb alone (the building is the effort's)
            # (加快|8座|抽水蓄能电站建设: so the stations, any thing the building is of)
            if figure.kind == "count" and noun.endswith(_BUILDING) and (
                    built := things_built(noun.removesuffix(_BUILDING))):
                noun = built
            return noun, "after"
        if own in cues.having_verbs and noun not in cues.generic_counted_nouns:
            return noun, "after"  # 还有|1.2万|失能老人: the things there are (rule 7)
        if ends_with_verb and (own_tokens := _tokens(own))[-1] in load_vocabulary().cues.clause_verbs:
            # 省级层面|发布|45条|融合举措 → 省级层面融合举措; …新机制|推动|7户|平台 → 平台
            kept = "".join(_without_subject_verb(own_tokens, words, object_after=True))
            if kept != own:
                return kept + noun, "after"
        if not ends_with_verb and _purpose_of(own):
            return own + noun, "after"  # 实施|优化|营商环境|21条|升级举措: what the measures are for
        if ends_with_verb and _EXAMPLES_CLOSED in own:
            own = _verbs_after_examples(own)  # (利用…、人防工程等|建设|2.5万个|停车位: the means)
        if not ends_with_verb and _programme_before_count(own, noun, left):
            # 城市更新|两个|项目入选…, “三项改革”新|20条|措施: the programme the things are of
            if noun not in cues.generic_counted_nouns and figure.kind == "count" and not holds_predicate(noun):
                noun += short_predicate(noun, through_joined_nouns(right, tail), "")
            return own + noun, "after"
        if figure.kind == "count" and _building_for_owner(own):
            return own + noun, "after"  # 新建|西部电网|5座|500千伏变电站: the verb and whose they are
        return (own + noun if ends_with_verb else noun), "after"
    if previous is not None and previous.figure.unit == figure.unit and kind == previous.kind:
        if not own and (enumerated or kind == "rank" or _NEW_LEVEL.match(left)):
            return previous.metric, "previous"  # 第13位、全国第5位
        if ends_with_verb and kind in BASE_KINDS and not _names_something(own) and not (
                own in load_vocabulary().cues.predicate_verbs and figure.unit in _verb_measure_units()
        ) and not measure_group(own) and not (
                # (…登记离婚214万对，法院判决、调解离婚70万对: the action's own object is the
                # previous name's head, no action on the previous figure's things)
                len(own_tokens := _tokens(own)) > 1 and previous.metric.endswith(own_tokens[-1])
        ) and not things_before_own_verb(previous.metric) and not (
                # (…项目建设，推动|12个|在建水利项目加快建设: things of its own named after it)
                figure.kind == "count" and words_after(right)) and (
                # (…，新增减税降费|超万亿元: an action of its own, of several verbs, not the
                # previous figure's things added to; 平均每站|6人 is a measure of them still)
                len(own_tokens) <= _ACTION_ALONE or own.removeprefix(_AVERAGE).startswith(_EACH)):
            # (…收入318亿元，支出526亿元: a measure of the group, no action; 重大项目开工390个、
            # 竣工437个: the things before the item's own verb, named in sentence.py)
            # (改造危房3200户，受益2.1万户: those who benefit are no more of the houses)
            # 省级运营中心9家，新增4家: an action alone takes the previous figure's noun; not
            # 城镇新增就业…，农村劳动力转移就业… (a name of its own that ends in a verb). The
            # action takes the place of the verbs the noun opens with (制定修改规章45件，其中
            # 新制定20件 → 新制定规章)
            # (…总量达…万户，新登记|147万户: the things added, without the stock's total word)
            things = _without_leading_verbs(previous.metric)
            total = next((t for t in cue_words("stock_totals") if things.endswith(t) and len(things) > len(t)), "")
            return own + things[:len(things) - len(total)], "previous"
    if own and figure.kind == "count" and (_after_effort_adverbs(own) in cue_set("effort_verbs") or (
            own in cue_set("effort_adverbs"))):
        # (抓好|4个|在建…项目建设, 加快推进|42个|…: a verb of effort alone, after its adverbs,
        # names nothing; the words after the count, read below, do)
        return "", "before"
    if own and figure.kind in _WORK_KINDS and own.startswith(cue_words("effort_levels")) and (level := next(
            (w for w in cue_words("effort_levels") if own.startswith(w)), "")) and (
            _after_effort_adverbs(own[len(level):]) in cue_set("effort_verbs")):
        return "", "before"  # (省级统筹实施|1000公里…改造: who does the work, and its verbs)
    return _object_and_work(own), "before"


def _object_and_work(name: str) -> str:
    """A name that opens with 对, its object, then a verb of effort and the work done on it
    (对|公共场所|进行|监督检查: cues.object_prepositions, object_work_verbs) names the work on
    the object, as a count after 对 does (公共场所监督检查); so does one with a work of inspection
    and no verb (对|学校卫生|监督检查: cues.inspection_works), and one that opens with 为, those the
    work is for, and a verb of effort or giving (为|…家庭的白内障患者|实施|免费手术: without the scope
    words and 的); ``name`` otherwise.

    >>> _object_and_work("对公共场所进行监督检查"), _object_and_work("对东盟进出口")
    ('公共场所监督检查', '对东盟进出口')
    >>> _object_and_work("对学校卫生监督检查"), _object_and_work("为全省农村妇女提供两癌筛查")
    ('学校卫生监督检查', '农村妇女两癌筛查')
    >>> _object_and_work("为企业减税降费")
    '为企业减税降费'
    """
    cues = load_vocabulary().cues
    if name.startswith(cues.object_prepositions):
        verbs: tuple[str, ...] = cues.object_work_verbs
        inspection = next((w for w in cues.inspection_works if name.endswith(w)), "")
        if inspection and not any(verb in name for verb in verbs):
            # (对|学校卫生（饮用水）|监督检查: the object, a note on it, the work; no verb)
            inspected = name[1:len(name) - len(inspection)]
            plain = BRACKET_NOTE.sub("", inspected)
            return inspected + inspection if len(plain) >= _MIN_OBJECT and all(
                pos_tag(token).startswith(_NOMINAL_TAGS) for token in _tokens(plain)) else name
    elif name.startswith(cues.benefactive_prepositions):
        verbs = (*cues.object_work_verbs, *cues.giving_verbs)
    else:
        return name
    tokens = _tokens(name)
    at = next((k for k, token in enumerate(tokens) if token in verbs), 0)
    thing, work = tokens[1:at], tokens[at + 1:]
    if thing and thing[0] in _word_sets()["scope"]:
        thing = thing[1:]  # (为|全省|…患者: the report's scope)
    thing = [token for token in thing if token != _OF]
    if at < 2 or not thing or not work or not _HAN_WORDS.fullmatch(name) or any(
            _is_verb(pos_tag(t)) for t in thing) or not all(pos_tag(token).startswith(_NOMINAL_TAGS) for token in work):
        return name
    return "".join(thing + work)


_MIN_OBJECT = 2  # characters of an object of inspection, at least (学校)


def things_built(things: str) -> str:
    """低空经济示范区 of 低空经济示范区|建设 after a count: things named by nouns, a noun closing
    them (or a head of one character cut from its compound: 示范|区), whose building is the
    plan's wording; ``""`` for words that name no such things (重点|建设: a kind of work).

    >>> things_built("低空经济示范区"), things_built("重点")
    ('低空经济示范区', '')
    """
    tokens = _tokens(things)
    if len(tokens) < 2 or not _HAN_WORDS.fullmatch(things) or tokens[-1] in cue_set("having_qualities") or any(
            token in cue_set("selecting_verbs") or token in cue_set("effort_verbs") for token in tokens):
        return ""  # (村卫生室能力|建设: a quality built up; …实验室获批|建设, 整县推进|…: verbs of their own)
    last = pos_tag(tokens[-1])
    return things if last in _BUILT_HEADS or len(tokens[-1]) == 1 and last in CUT_HEAD_TAGS else ""


_BUILT_HEADS = frozenset({"n", "nz", "j", "ns", "nt"})  # the nouns of things built (区, 中心, 基地…)


_WORK_KINDS = ("count", "quantity")  # what a work done before its things is counted in
_ACTION_ALONE = 2  # words of an action alone (新增, 新|登记, 开工) that takes the previous figure's things
_BUILDING = "建设"
_PLACE_WORD = "s"  # 省外, 域外: where the things counted are from, no verb of theirs
_PROJECT_WORKS = ("项目" + _BUILDING, "工程" + _BUILDING)  # the building of the projects counted
_STEPS_COUNTED = regex.compile(r"^[两二三四五六七八九十]个")  # 两个|台阶: the steps a list crossed


# 改造老旧小区1343个|52.54万户，: a count written right after this one (a digit, no year) that
# closes the clause, the same things counted in a second unit (not 3批|18项制度创新案例, nor
# 7个|750千伏输变电工程: a noun after the second figure is what both count)
_RESTATED = regex.compile(r"[0-9][0-9.]*[万亿千]?[余多]?(\p{Han}{1,2}?)(?:以上|左右)?(?:[，。；、,;：:]|$)")


def restated_after(right: str) -> bool:
    """Whether a count in a second unit follows the figure with nothing between and closes
    the clause (…1343个|52.54万户，, 115部|3490集。): the words after the figure are that
    figure's unit, no noun counted (not 1个|400亿级、: no measure word).

    >>> restated_after("52.54万户，城市…"), restated_after("18项制度集成创新案例"), restated_after("400亿级、")
    (True, False, False)
    """
    found = _RESTATED.match(right) if right[:1].isdigit() else None
    if found is None:
        return False
    # (集 is in no unit list: a quantifier the segmenter knows is read as a count's unit)
    unit = load_vocabulary().units.get(found.group(1)) or open_measure_word(right, found.start(1))
    return unit is not None and unit.kind == "count"


# 在全省高质量发展考核中|由, 在全国综合评价中|排名: the list a rank is in, closed by 中 with at
# most a rank verb or 从/由 after it before the figure
_RANKING_IN = regex.compile(r"在(\p{Han}[^，,。；;、：:在]{1,23}?)中\p{Han}{0,2}$")


def _ranking_in(left: str, places: frozenset[str]) -> str:
    """综合评价 of 高新区在全国综合评价中从|第21位: the assessment or ranking a rank is in,
    named between 在 and 中 right before the figure (its place words off); ``""`` when the
    words before the figure are no such phrase."""
    found = _RANKING_IN.search(left)
    return clean_metric(found.group(1), places)[0] if found is not None else ""


_MAX_WORK = 16  # characters at most of the things counted and the work done on them


def _without_aspect(name: str) -> str:
    """``name`` without the particle 了 after its verb (避免了伤亡风险 → 避免伤亡风险, 住上了安全房):
    a word of the sentence's tense, none of a name's (案结事了率 keeps its 了, a word of the noun).

    >>> _without_aspect("避免了伤亡风险"), _without_aspect("行政复议案件案结事了率")
    ('避免伤亡风险', '行政复议案件案结事了率')
    """
    if _ASPECT not in name:
        return name  # (the cheap test first: most names have none)
    tokens = _tokens(name)
    kept = [token for at, token in enumerate(tokens) if not (
        token == _ASPECT and at > 0 and pos_tag(tokens[at - 1]).startswith(("v", "f")))]
    return "".join(kept)


_ASPECT = "了"


def _after_effort_adverbs(name: str) -> str:
    """支持 of 重点支持: the name without the adverbs of effort it opens with (cues.effort_adverbs),
    ``""`` when nothing follows them."""
    adverbs = cue_words("effort_adverbs")
    # (one ``startswith`` of them all first: most names open with none, and a generator over
    # the twenty adverbs was made for each)
    while name.startswith(adverbs) and (adverb := next((a for a in adverbs if name.startswith(a)), "")):
        name = name[len(adverb):]
    return name


def _work_done(right: str) -> str:
    """行政村生活污水治理 of 完成|320个|行政村生活污水治理。: the rest of the clause after a count,
    to the next item's count of a list (…扶持和|80个…), when it is words alone and short enough
    to be one name; ``""`` otherwise."""
    rest = _LEADING_FIGURE.sub("", right)
    if (next_item := _NEXT_COUNTED_ITEM.search(rest)) is not None:
        rest = rest[:next_item.start()]  # (…扶持|和|80个…创建: the list's next item, a count of its own)
    rest = _strip_edges(rest)
    return rest if 2 <= len(rest) <= _MAX_WORK and _HAN_WORDS.fullmatch(rest) else ""


# a join and the count of the list's next item (…村扶持|和80个…, …村扶持|、80个…)
_NEXT_COUNTED_ITEM = regex.compile(r"(?:和|及|与|、)(?=[0-9一二两三四五六七八九十百])")


def _purpose_of(phrase: str) -> bool:
    """实施|优化|营商环境, 出台|促进|消费: an action verb, then a verb and its object — the
    purpose of the things counted after the figure, a part of their name."""
    tokens = _tokens(phrase)
    # (优化 is tagged vn: a verb that opens an object is a verb here; 关爱|新|就业|群体: an object
    # that ends with a noun may hold a word of kind or a verb that qualifies it)
    return len(tokens) >= 3 and _is_verb(pos_tag(tokens[0])) and pos_tag(tokens[1]) in (
        "v", "vn") and pos_tag(tokens[-1]).startswith(_NOMINAL_TAGS) and all(
        pos_tag(token).startswith(_NOMINAL_TAGS) or pos_tag(token) in _INSIDE_OBJECT for token in tokens[2:-1])


_INSIDE_OBJECT = frozenset({"a", "b", "v"})  # (新|就业|群体: a word of kind and a verb before its noun)


def _without_leading_verbs(name: str) -> str:
    """规章 of 制定修改规章: the name without the verbs it opens with (the whole name when it is
    all verbs)."""
    tokens = _tokens(name)
    at = 0
    while at < len(tokens) - 1 and _is_verb(pos_tag(tokens[at])):
        at += 1
    return "".join(tokens[at:])


_MIN_AFTER_EXAMPLES = 4  # characters: 等零售额, 等机构 are too bare to stand for the whole
_KIND_EXAMPLE = 2  # characters of a single word before 等 read as a kind (排水等管网)


_AREAS_OF_EXAMPLES = ("方面", "领域")  # what a list of examples of fields closes with
_AREA_WORD = 2


def _after_examples(name: str) -> str:
    """风电、生物质发电等可再生能源发电量: what stands before 等 are examples of the name after
    it (a name of its own words; a 分别 list's items are read elsewhere)."""
    if "等" not in name:
        return name
    tokens = _tokens(name)
    closing = next((at for at in range(len(tokens) - 2, 0, -1) if tokens[at] in ("等", "等等")), 0)
    rest = "".join(tokens[closing + 1:])
    if rest.startswith(_AREAS_OF_EXAMPLES) and len(rest) > _AREA_WORD:
        rest = rest[_AREA_WORD:]  # (在…、工业创新等|方面|突破关键技术: the areas, no name)
    # (信用|就医|等: an example that opens with a noun may end with a word tagged a verb, and one
    # that opens with a place's name, 某县|智能|无人|车|配送|等, after more words; not 开工建设|等,
    # actions)
    # (the example before 等 opens after the list's last mark, or with the name)
    opening = next((at + 1 for at in range(closing - 1, -1, -1) if tokens[at] in _LIST_COMMAS), 0)
    if closing and (pos_tag(tokens[closing - 1]).startswith(_NOMINAL_TAGS) or closing > 1 and (
            pos_tag(tokens[closing - 2]).startswith(_NOMINAL_TAGS)) or closing - opening > 2 and (
            pos_tag(tokens[opening]) in _PROPER_TAGS)) and len(
            rest) >= _MIN_AFTER_EXAMPLES and rest not in load_vocabulary().cues.generic_names and (
            pos_tag(tokens[-1]).startswith(_NOMINAL_TAGS)):  # (not 等|开工建设和筹集, 等|应用落地)
        # (新增|小巷公交等|微循环线路: a verb of flow before the examples is the name's, as
        # before a bare head)
        verbs = verbs_over_lists()
        run = 0
        while run < closing - 1 and tokens[run] in verbs:
            run += 1  # (新建|扩建|老岚水库等|水源型水库: the run of verbs)
        return "".join(tokens[:run]) + rest
    examples = "".join(tokens[:closing])
    if closing and len(rest) < _MIN_AFTER_EXAMPLES and len(tokens) == closing + 2 and (
            pos_tag(tokens[-1]).startswith(_NOMINAL_TAGS)) and (
            "、" in examples or closing == 1 and len(examples) == _KIND_EXAMPLE):
        # 燃气、供热等|管网, 排水等|管网: a bare head the kinds before it share, which names
        # nothing without them; the 等 goes. Not after a longer single example, which may be
        # one thing of the kind (康复大学等|高校, 复康路等|道路: a name of its own), nor after a
        # word 等 closes (差等|路)
        return examples + rest
    if closing > 1 and 0 < len(rest) < _MIN_AFTER_EXAMPLES and "、" not in examples and (
            pos_tag(tokens[-1]).startswith(_NOMINAL_TAGS)) and _example_opener(tokens[0]) and (
            _named_example(tokens[1:closing], rest)):
        # 新增|康复大学等|高校, 更新改造|复康路等|道路: one example of its own name between a
        # verb and a bare head; the example goes, the verb stays (新增高校)
        return tokens[0] + rest
    return name


_PROPER_TAGS = frozenset({"nr", "ns", "nt", "nz"})


def _named_example(example: list[str], head: str) -> bool:
    """Whether the words of ``example`` name one thing of the kind ``head`` names: a proper
    name (康复|大学, 解放路), or a name ending as the head does (复|康路 of 道路); not kinds of
    the head (水热气 of 管网, 差 of 路), nor words shorter than a name.

    >>> _named_example(["康复", "大学"], "高校"), _named_example(["水热气"], "管网")
    (True, False)
    """
    name = "".join(example)
    return len(name) > _KIND_EXAMPLE and pos_tag(example[-1]).startswith(_NOMINAL_TAGS) and (
        any(pos_tag(word) in _PROPER_TAGS for word in example) or name[-1] == head[-1])


def _example_opener(word: str) -> bool:
    """新增, 更新改造 (a verb, or a four-character word the segmenter tags an idiom that ends
    in one): a verb that may open a count's name before an example (新增|康复大学等高校)."""
    tag = pos_tag(word)
    return _is_verb(tag) or tag == "l" and len(word) == 4 and _is_verb(pos_tag(word[2:]))


def _no_subject_before_years(clause: str) -> bool:
    """、连续12年|居全国首位, ，增幅连续4年…: nothing before the years in their clause but 连续
    and a growth noun (北京连续9年稳居… has a subject of its own)."""
    rest = clause.strip("，,、；; ").removesuffix("连续")
    return not rest or rest in load_vocabulary().cues.growth_nouns


def _without_ranking_scope(name: str) -> str:
    """出口额保持西部 → 出口额, 产销量均跃升至全球 → 产销量: the area a rank is in, with the verb
    and adverbs before it, after the ranked measure (cues.ranking_scopes). A name that is only
    the area stays (the rank is named otherwise)."""
    scope = max((s for s in load_vocabulary().cues.ranking_scopes if name.endswith(s)), key=len,
                default="")  # (中西部 before 西部)
    if not scope or len(name) == len(scope):
        return name
    tokens = _tokens(name[: -len(scope)])
    trailing = _trailing_words()
    while len(tokens) > 1 and (_is_verb(pos_tag(tokens[-1])) or tokens[-1] in trailing):
        tokens.pop()  # 保持, 均|跃升|至
    return "".join(tokens)


def _ranked_growth(left: str, places: frozenset[str]) -> tuple[str, bool]:
    """The growth noun a rank's words end with before the rank verb (…增加值增幅居全国第7位,
    、增速居工业大省第1位), and whether it stands alone there: the rank is of the growth, so
    the name keeps it (a growth figure's name drops it: its kind says growth), and a growth
    noun alone is the growth of the figure before. ``("", False)`` when there is none."""
    matches = list(_rank_verb().finditer(left))
    # (增幅连续4年|居全国前六: the streak's length between the noun and the rank verb)
    before = STREAK_AT_END.sub("", (left[: matches[-1].start()] if matches else left).rstrip(
        "，,、 ")).rstrip("，,、 ")
    noun = next((noun for noun in load_vocabulary().cues.growth_nouns if before.endswith(noun)), "")
    return noun, bool(noun) and not clean_metric(before[: -len(noun)], places)[0]


def _changed_growth(left: str, places: frozenset[str]) -> tuple[str, bool]:
    """The growth noun a change in points is of (装备制造业增速|提高, 增速|比上年|加快): a growth
    rate's change, named with the noun (a growth figure's name drops it: its kind says growth),
    and whether the noun stands alone there (the growth of the figure before). ``("", False)``
    when the words before the change verb end with none.

    >>> _changed_growth("装备制造业增速提高", frozenset()), _changed_growth("，增速比上年加快", frozenset())
    (('增速', False), ('增速', True))
    """
    change = suffixes(_word_sets()["change"]).longest(left) or next(
        (verb for verb in load_vocabulary().cues.rate_change_verbs if left.endswith(verb)), None)
    if change is None:
        return "", False
    before = _COMPARED_WITH.sub("", left[: -len(change)]).rstrip("，,、 ")
    noun = next((noun for noun in load_vocabulary().cues.growth_nouns if before.endswith(noun)), "")
    return noun, bool(noun) and not clean_metric(before[: -len(noun)], places)[0]


# a part's pull on a whole's growth, before the points it adds (拉动地区生产总值增长|3.1个百分点)
_PULLED_GROWTH = regex.compile(r"拉动(\p{Han}{1,12})增长$")
_GROWTH_PULLED = "增长"
# what a change in points is compared with, between the growth noun and the verb (比上年, 较全国)
# (上月, 上季度: a monthly or quarterly release's bases, times as last year's is)
_COMPARED_WITH = regex.compile(r"(?:比|较)(?:上年|去年|全国|全省|全市|上年同期|同期|上月|上季度)?$")


def _names_something(phrase: str) -> bool:
    """A noun in the phrase (残疾人新增就业), not only verbs and modifiers (新增, 再新增)."""
    return any(pos_tag(token).startswith(_NOMINAL_TAGS) for token in _tokens(phrase))


def _share_phrase(left: str, kind: str) -> str:
    """占总人口比重, 占比: the words of a share after its 占, up to its noun; a whole named as a
    measure of its own with the noun the text leaves unsaid (占当年财政支出的 → 占财政支出的比重);
    ``""`` when it has neither (占全市总量的57%: no name of its own)."""
    index = left.rfind("占") if kind == "share" else -1
    whole = _SHARE_WHOLE.match(left, index) if index >= 0 else None
    if whole is not None:
        return whole.group()
    return named_whole(left, index) if index >= 0 else ""


# 占当年财政支出的|2.1%, 占总人口的|68.5%: a whole without the share's noun, up to the figure


def _share_part(metric: str, kind: str) -> str:
    """The part a share's name opens with (税收收入 in 税收收入占一般公共预算收入比重): the
    share is of the figure named so."""
    if kind != "share":
        return metric
    index = metric.rfind("占")
    return metric[:index] if index > 0 and _SHARE_WHOLE.match(metric, index) else metric



def _verbs_after_examples(own: str) -> str:
    """建设 of 人防工程等建设 before a count and its noun: examples closed by 等 before the verbs
    of the action are the means or places it used (利用闲置空间、人防工程等建设…停车位), no
    word of what is counted; ``own`` when verbs alone do not follow the 等.

    >>> _verbs_after_examples("人防工程等建设"), _verbs_after_examples("新建公园等")
    ('建设', '新建公园等')
    """
    rest = own[own.rindex(_EXAMPLES_CLOSED) + 1:]
    words = _tokens(rest)
    return rest if words and all(pos_tag(word).startswith("v") for word in words) else own


_QUALIFIED_HEAD = 2  # characters of a word before a programme's head (重点|事项, 主要|指标)


def _area_alone(own: str) -> bool:
    """Whether ``own``, all its clause says before a count, is a place or an area (三峡库区,
    中部城市群, 沈阳都市圈: nouns closing with a place name or a word of an area, cues
    area_heads), not a scope of the whole region (全省, 全区) nor a word alone of the area.

    >>> _area_alone("中部城市群"), _area_alone("三峡库区"), _area_alone("全区"), _area_alone("产业")
    (True, True, False, False)
    """
    if len(own) < _MIN_PROGRAMME or not _HAN_WORDS.fullmatch(own) or own in _word_sets()["scope"] or (
            candidates(own)):
        return False  # (南山区|2300户|…: a division, which the record's scope holds)
    tokens = _tokens(own)
    # (a place's name of three characters or more: one of two the segmenter tags so, 串联, may be
    # a verb)
    return all(pos_tag(token).startswith((*_NOMINAL_TAGS, "f")) for token in tokens) and (
        pos_tag(tokens[-1]) in _AREA_TAGS and len(tokens[-1]) > 2 or len(tokens) > 1 and own.endswith(
            cue_words("area_heads")) or own.endswith(tuple(head for head in cue_words("area_heads") if len(head) > 1)))


_AREA_TAGS = ("ns", "s")  # a place's name, a place word
_CLAUSE_OPENING = regex.compile(r"[，,；;：:。\n]")


def _programme_before_count(own: str, noun: str, left: str) -> bool:
    """Whether ``own``, a noun phrase that is all its clause says before a count (``left``), is
    the programme or body the counted things belong to, when they are named by a head that says
    nothing alone (项目, 措施, 事项, 指标: cues.programme_item_heads, or one word before such a
    head): 积石山地震灾后重建|240个|项目, “高效办成一件事”|43个|重点事项. A quoted name may
    be followed by a qualifying word (“三项改革”|新). Not a phrase with a verb (启动…城中村), a
    numeral, examples (…等) or places alone (全省).

    >>> _programme_before_count("城市更新", "项目入选全国典型案例", "城市更新")
    True
    >>> _programme_before_count("五市市辖区城中村", "改造任务", "全部启动五市市辖区城中村")
    False
    """
    heads = load_vocabulary().cues.programme_item_heads
    if len(own) < _MIN_PROGRAMME or not (noun.startswith(heads) or noun.startswith(heads, _QUALIFIED_HEAD)):
        return False
    written = left.strip()
    if written.replace("“", "").replace("”", "") != own or "等" in own or not _HAN_WORDS.fullmatch(own):
        return False
    if written.startswith("“") and (closing := written.find("”")) > 1:
        rest = written[closing + 1:]  # (a quoted name, and a word that qualifies what it names)
        return not rest or len(tokens := _tokens(rest)) == 1 and pos_tag(tokens[0]).startswith((*_NOMINAL_TAGS, "a"))
    tokens = _tokens(own)
    compound_heads = load_vocabulary().cues.compound_heads
    # (a noun first; then nouns, a locative or an adjective of the noun phrase, 灾|后|重建, or a
    # verb before a head of one character, 创新|港)
    return pos_tag(tokens[0]).startswith(_NOMINAL_TAGS) and not all(
        pos_tag(token) in _PLACE_TAGS for token in tokens) and all(
        pos_tag(token).startswith(_NOMINAL_TAGS) or pos_tag(token) in _INNER_TAGS
        or pos_tag(token) == "v" and following in compound_heads
        for token, following in pairwise([*tokens, ""]))


def _building_for_owner(own: str) -> bool:
    """Whether ``own``, all a count's clause says before it, is a verb of building or of flow
    that a list writes once (phrase.list_or_counting_verbs) and the owner of what it
    built, nouns alone (新建|西部电网|5座|500千伏变电站: the verb says the things are new, as right
    before the count; not a place of scope, 新建|全市|…, nor a verb and a phrase with a verb).

    >>> _building_for_owner("新建西部电网"), _building_for_owner("新建全市")
    (True, False)
    """
    tokens = _tokens(own)
    if len(tokens) < _VERB_AND_OWNER or tokens[0] not in list_or_counting_verbs():
        return False
    owner = tokens[1:]
    scope = _word_sets()["scope"]
    # (宁夏|电网, 西部|电网: a place or a locative qualifies the owner's noun)
    return len("".join(owner)) >= _MIN_OWNER and pos_tag(owner[-1]) in _OWNER_TAGS and all(
        pos_tag(token).startswith((*_OWNER_TAGS, *_PLACE_TAGS)) and token not in scope for token in owner)


_VERB_AND_OWNER = 2  # tokens: the verb and one noun at least
_MIN_OWNER = 2  # characters of the owner's name
# the tags of an owner's last word (not ns, a place: 建成|北京… is a scope, read elsewhere)
_OWNER_TAGS = ("n", "nz", "nt", "j")
_MIN_PROGRAMME = 3  # characters: 京津冀, 城市更新 (not 全省, a scope)
_PLACE_TAGS = ("ns", "f", "s")
_INNER_TAGS = ("a", "f")


def things_before_own_verb(name: str) -> str:
    """重大项目 of 重大项目|开工, 老旧小区改造 of 老|旧|小区|改造|开工 (a work on the things is
    theirs: cues.works_on_things), 年投资亿元以上项目 of …|新开工: the things a name counts before
    the verb of what they did that closes it, which another verb alone after them takes the place
    of (竣工 → 重大项目竣工); ``""`` when the name closes with no such verb, or opens with one.
    Nouns alone before a first verb are the things too (风电 of 风电|新增|装机).

    >>> things_before_own_verb("重大项目开工"), things_before_own_verb("新建学校")
    ('重大项目', '')
    """
    tokens = _tokens(name)
    if len(tokens) < 2 or not _HAN_WORDS.fullmatch(name):
        return ""
    cues = load_vocabulary().cues
    # (nouns alone before the first verb: 风电|新增装机 → 风电; a work on them is theirs)
    verb = next((at for at, token in enumerate(tokens) if _is_verb(pos_tag(token))
                 and token not in cues.works_on_things), 0)
    if verb and all(pos_tag(token).startswith(_NOMINAL_TAGS) or token in cues.works_on_things
                    for token in tokens[:verb]) and not pos_tag(tokens[0]).startswith("v"):
        return "".join(tokens[:verb])
    last = tokens[-1]
    if last in cues.works_on_things or not (_is_verb(pos_tag(last)) or last in cues.flow_verbs_over_lists):
        return ""
    things = tokens[:-1]
    if _is_verb(pos_tag(things[0])) or not any(pos_tag(token).startswith(_NOMINAL_TAGS) for token in things) or not all(
            pos_tag(token).startswith(_NOMINAL_TAGS) or pos_tag(token) in ("a", "m", "f") or token in cues.works_on_things
            for token in things):
        return ""
    return "".join(things)

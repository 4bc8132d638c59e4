"""The measure a bare name implies, read once every other rule has named a figure.

An industry that grows with no measure of its own grows in value added: a bulletin's
``分行业看，汽车制造业增长12.3%`` and a plan's ``能源工业增长6.5%以上`` mean the industry's value
added (``汽车制造业增加值``), as the statistics of industry count growth. Not where the sentence
names another measure before the figure (``工业投资增长9.2%，其中制造业增长…``: its investment,
which the parallel measure names first; not the output of products, ``原煤产量…增长…，能源工业增长…``), nor in a sentence of prices (``其中，重工业上涨12.8%``
after a producer price index), nor in a table's cell (``…投资·制造业``), nor for
enterprises, which grow in number.

>>> industry_growth_named("汽车制造业", "分行业看，汽车制造业增长")
'汽车制造业增加值'
>>> industry_growth_named("制造业", "全市工业投资增长9.2%，其中制造业增长")
'制造业'
>>> industry_growth_named("重工业", "其中，轻工业上涨2.5%，重工业上涨")
'重工业'

A road or a railway of a class given in a length (按技术等级分，高速公路814公里) is measured by
its 里程 (``高速公路里程``); a name with a verb (``新改建农村公路``) is the work done, a flow.

>>> length_named("高速公路", "公里"), length_named("新改建农村公路", "公里"), length_named("高速公路", "亿元")
('高速公路里程', '新改建农村公路', '高速公路')

Vehicles counted alone (私人汽车222.85万辆) are the vehicles there are, their 保有量.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ...vocabulary import load_vocabulary
from ...vocabulary.lexicon import pos_tag
from ..base import _tokens as tokens
from ..base import longest_first

VALUE_ADDED = "增加值"
# a price's rise (…出厂价格…。其中，轻工业上涨2.7%，重工业上涨9.6%): no value added
_PRICE_WORDS = ("上涨", "下跌", "价格", "指数", "涨幅", "跌幅")
_TABLE_CELL = "·"  # 500万元以上固定资产投资·制造业: a row and a column, named by the table


# the output of products (原煤产量、发电量分别增长…，能源工业增长…): no measure an industry grows in
_OUTPUT_MEASURES = ("产量", "电量", "装机容量")


@lru_cache(maxsize=1)
def _other_measures() -> tuple[str, ...]:
    return tuple(m for m in load_vocabulary().cues.measure_nouns
                 if m != VALUE_ADDED and not m.endswith(_OUTPUT_MEASURES))


def industry_growth_named(metric: str, sentence: str) -> str:
    """``metric`` with 增加值 when it names an industry (cues.industry_endings) and ``sentence``,
    its sentence up to the figure, names no other measure; ``metric`` otherwise."""
    if not metric.endswith(load_vocabulary().cues.industry_endings) or _TABLE_CELL in metric or (
            any(measure in sentence for measure in _other_measures())) or (
            any(word in sentence for word in _PRICE_WORDS)):
        return metric
    return metric + VALUE_ADDED


OUTPUT = "产量"
_YIELD = "产"  # 单产, 总产: measures of output of their own
_PRODUCT_TAGS = ("n", "j", "eng", "vn")  # (服务|机器人: a verbal noun qualifies)
_FIRST_CLAUSE = re.compile("[，,；;：:]")


def product_growth_named(metric: str, sentence: str) -> str:
    """``metric`` with 产量 when it names a product alone (a noun phrase with no measure of its
    own, no industry) and ``sentence``, its sentence up to the figure, opens with a clause of
    output (高新技术产品产量大幅增长，|集成电路圆片增长19.2% → 集成电路圆片产量); ``metric``
    otherwise.

    >>> product_growth_named("锂电池", "高新技术产品产量大幅增长，锂电池增长")
    '锂电池产量'
    >>> product_growth_named("锂电池", "高新技术产业投资大幅增长，锂电池增长")
    '锂电池'
    """
    first = _FIRST_CLAUSE.search(sentence)
    if first is None or OUTPUT not in sentence[:first.start()] or not metric:
        return metric
    cues = load_vocabulary().cues
    # (粮食单产: a measure of its own; 圆|片: a head the segmenter tags a measure word)
    words = tokens(metric)
    if metric.endswith((*cues.measure_endings, *cues.industry_endings, _YIELD)) or not all(
            pos_tag(word).startswith(_PRODUCT_TAGS) or at == len(words) - 1 and pos_tag(word) == "q"
            for at, word in enumerate(words)):
        return metric
    return metric + OUTPUT


# 投资近千亿元、全长1.1万公里的|三个|一号旅游公路: figures of a relative clause before 的 and the
# noun phrase it qualifies (a count of the things may open it; names joined by 、 are one)
_RELATIVE_ITEM = re.compile(r"、[\u4e00-\u9fff]{1,4}?(?:近|约|超|超过|达)?[0-9.]+[万亿]?[\u4e00-\u9fff/]{0,4}?(?=[、的])")
_QUALIFIED = re.compile(r"的(?:[0-9一二两三四五六七八九十]+[个座条家所项])?"
                        r"([\u4e00-\u9fff]{2,16}?(?:、[\u4e00-\u9fff]{2,16}?)*)"
                        r"(?=提前|全线|全面|全部|顺利|正式|开工|建成|投产|投运|开通|通车|完成|加快|培育|研制|成功|下线|交付|[，,。；;、]|$)")


def relative_owner(metric: str, text: str, figure_end: int) -> str:
    """一号旅游公路全长 of 全长|1.3万公里|的三个一号旅游公路…: a bare measure (cues.relative_measures)
    whose figure, alone or with others joined by 、, qualifies the noun phrase after 的 is that
    noun's (投资…、全长…的…公路: both are the road's), with the verb before it gone (设立|总规模…的
    …基金); so is a thing's measure of what it holds (含糖量|18%|的甜菜新品种). After a place the
    subject became (成为全省首个|经济总量…|的地级市) the measure is the subject's own, without the
    words of becoming. ``metric`` when no 的 and noun follow.

    >>> relative_owner("总投资", "总投资近2000亿元的清洁能源基地开工建设。", 10)
    '清洁能源基地总投资'
    >>> relative_owner("总投资", "总投资近2000亿元，开工建设。", 10)
    '总投资'
    >>> relative_owner("成为全省首个经济总量", "成为全省首个经济总量突破5000亿元的地级市。", 18)
    '经济总量'
    """
    if text[figure_end:figure_end + 1] not in _RELATIVE_OPENINGS:
        return metric  # (most figures: no relative clause goes on after them)
    became = _BECAME_ONE.search(metric) if _BECOME in metric else None
    measure = _measure_after_verbs(metric) if became is None else ""
    if became is None and not measure:
        return metric
    at = figure_end
    while (item := _RELATIVE_ITEM.match(text, at)) is not None:
        at = item.end()
    found = _QUALIFIED.match(text, at)
    if found is None:
        return metric
    if became is not None:
        # (…成为全省唯一|森林覆盖率…|的地级市: the subject's own measure)
        return metric[became.end():] if found.group(1).endswith(_PLACE_CLASSES) and became.end() < len(
            metric) else metric
    return found.group(1) + measure


# 含糖量|18%|的甜菜新品种, 转换效率…的电池: what a thing holds, or how well it converts, measured
# by a rate a relative clause gives it
_HELD_MEASURE = re.compile(r"(?:含[\u4e00-\u9fff]{1,2}量|(?:转换|转化)效率)$")
_RELATIVE_OPENINGS = frozenset("的、")  # what _QUALIFIED and _RELATIVE_ITEM open with
_BECOME = "成为"
# 成为(全省)首个|唯一|第一个…: the words of becoming the one place of a class that a measure's level
# picks out; the place is the sentence's subject
_BECAME_ONE = re.compile(r"^.*?成为(?:.*?(?:首个|唯一的?|第一个|首家))?")
_PLACE_CLASSES = ("省份", "城市", "地级市", "省", "市", "县", "地区", "国家")


def _measure_after_verbs(metric: str) -> str:
    """The measure of a relative clause ``metric`` ends with (cues.relative_measures, or a thing's
    measure of what it holds, _HELD_MEASURE), when no more than verbs come before it (设立|总规模,
    培育出|含糖量); ``""`` otherwise.

    >>> _measure_after_verbs("设立总规模"), _measure_after_verbs("总投资"), _measure_after_verbs("城市总投资")
    ('总规模', '总投资', '')
    """
    held = _HELD_MEASURE.search(metric)
    if held is not None:
        return held.group()  # (培育出|含糖量: whatever opens it, the segmenter may tag a noun)
    if metric in (measures := load_vocabulary().cues.relative_measures):
        return metric
    measure = next((m for m in longest_first(measures) if metric.endswith(m)), "")
    if not measure:
        return ""
    verbs = metric[:len(metric) - len(measure)]
    # (not a scope or an owner before it: 城市|总投资 names no relative clause's thing)
    return measure if not verbs or all(pos_tag(word).startswith("v") for word in tokens(verbs)) else ""


LENGTH = "里程"
_LENGTH_UNITS = frozenset({"公里", "千米", "米"})
_VERB = 2  # characters of a verb a name may open with, which the segmenter glued to a noun


def length_named(metric: str, unit: str) -> str:
    """``metric`` with 里程 when it is a road or a railway of a class alone (cues.length_heads,
    no verb or verbal noun in it) and ``unit`` a length; ``metric`` otherwise."""
    if unit not in _LENGTH_UNITS or not metric.endswith(load_vocabulary().cues.length_heads) or (
            any(pos_tag(token).startswith("v") for token in tokens(metric)) or (
                pos_tag(metric[:_VERB]).startswith("v"))):  # (建设|…; 新建村|内|道路: 新建)
        return metric
    return metric + LENGTH


STOCK = "保有量"


def vehicles_named(metric: str, unit: str | None) -> str:
    """``metric`` with 保有量 when it names vehicles alone (cues.vehicle_heads, no verb or verbal
    noun in it: not 新增新能源汽车, a flow) counted in 辆: the vehicles there are, a stock
    (民用汽车293.62万辆 → 民用汽车保有量); ``metric`` otherwise.

    >>> vehicles_named("私人汽车", "辆"), vehicles_named("新增新能源汽车", "辆"), vehicles_named("汽车", "万元")
    ('私人汽车保有量', '新增新能源汽车', '汽车')
    """
    if unit != "辆" or not metric.endswith(load_vocabulary().cues.vehicle_heads) or (
            any(pos_tag(token).startswith("v") for token in tokens(metric))):
        return metric
    return metric + STOCK


# the verbs of a level a length may follow its name with (城市道路|突破|7000公里), and the
# start of a from–to (高速公路|由|7473公里增至…)
_LEVEL_WORDS = re.compile(r"\s*(?:达到|突破|超过|超|达|为|是|共计|共|总计|合计|累计|由|从)?\s*$")


def level_words_off(said: str) -> str:
    """``said``, the words of a clause before its figure, without a verb of a level at its end.

    >>> level_words_off("城市道路突破"), level_words_off("农村公路、旅游公路分别新建")
    ('城市道路', '农村公路、旅游公路分别新建')
    """
    return _LEVEL_WORDS.sub("", said, count=1)


_VERB_AND_COMPLEMENT = ("v", "a", "d")
# an amount a clause raises, closing it (…，加大|财政科技投入|，执行好20%的…)
_RAISED_AMOUNT = re.compile(r"(?:加大|增加|提高|扩大)([\u4e00-\u9fff]{2,10}?(?:投入|支出|投资|经费))$")
# the growth a percent and 的 qualify, to the clause's end (…4.5%左右的|增长目标|。)
_GROWTH_AFTER = re.compile(r"的((?:年均|刚性|高速|较快)?增(?:长|速|幅)[\u4e00-\u9fff]{0,6})")


def growth_named_after(drafts: list, blocks: list) -> None:
    """A growth's rate written before 的 and the growth (确定|4.5%左右|的增长目标, 执行好|20%|的刚性
    增长机制) named by a verb alone, or by nothing, is named by the words of the growth after it
    (增长目标, 刚性增长机制): the verb says what the report did with the rate, no thing that grows.

    >>> from ipextract import extract
    >>> [r.metric for r in extract("确定4.5%左右的增长目标。", validate=False).records]
    ['增长目标']
    """
    for index, draft in enumerate(drafts):
        if draft.kind != "growth" or draft.metric_from not in ("before", "context") and draft.metric:
            continue
        figure = draft.figure
        found = _GROWTH_AFTER.match(blocks[figure.block].text, figure.lend)
        if found is None:
            continue  # (most growths: no 的 after them)
        words = tokens(draft.metric) if draft.metric else []
        # (执行|好: a verb and its complement)
        if not words or draft.metric == found.group(1)[:2] or all(
                pos_tag(word) in _VERB_AND_COMPLEMENT for word in words):
            # (加大财政科技投入，|执行好|20%的刚性增长机制: the amount the clause before raises is
            # what grows; the growth's own words name it otherwise)
            before = _RAISED_AMOUNT.search(figure_text := blocks[figure.block].text, 0, max(
                0, figure_text.rfind("，", 0, figure.lstart)))
            drafts[index] = replace(draft, metric=before.group(1) if before else found.group(1))


# examples opened by 如 (…。如|纺织机械仅21.5%, …，如|农用柴油机为64.1%): the clause's opening mark
_EXAMPLES_OPENING = re.compile(r"(?:^|[。；;，,：:])\s*如(?!期|实|果|何|此|今)")
_RATE_NAMED = re.compile(r"([\u4e00-\u9fff]{2,10}?率)(?:在|为|达|是|仅|只有|[0-9])")
_EXAMPLE_KINDS = ("rate", "share")


def rate_of_examples(drafts: list, blocks: list) -> None:
    """A thing alone before its percent (a product: no measure of its own, cues.measure_endings)
    in examples opened by 如 is an example of the last rate named before 如 in its paragraph
    (…半数产品的设备利用率在70%以下。如纺织机械仅21.5% → 纺织机械设备利用率), whatever words
    come between (一些产品设备利用不足，如农用柴油机为64.1%).

    >>> from ipextract import extract
    >>> text = "半数产品的设备利用率在70%以下。如纺织机械仅21.5%，光学仪器38.2%。"
    >>> [r.metric for r in extract(text, validate=False).records][1:]
    ['纺织机械设备利用率', '光学仪器设备利用率']
    """
    endings = load_vocabulary().cues.measure_endings
    for index, draft in enumerate(drafts):
        if draft.kind not in _EXAMPLE_KINDS or not draft.metric or draft.metric.endswith(endings):
            continue
        figure = draft.figure
        text = blocks[figure.block].text
        opening = None
        for opening in _EXAMPLES_OPENING.finditer(text, max(0, figure.lstart - _EXAMPLES_REACH), figure.lstart):
            pass  # (the last 如 before the figure)
        words = tokens(draft.metric) if opening is not None else []
        if opening is None or "。" in text[opening.end():figure.lstart] or not pos_tag(words[-1]).startswith(
                _THING_TAGS) or not all(pos_tag(word).startswith(_QUALIFYING_TAGS) for word in words[:-1]):
            continue  # (most figures: no examples; a thing: a noun, qualified by words of kind
            # or a verb, 大中型|拖拉机, 照像|胶卷)
        rate = None
        for rate in _RATE_NAMED.finditer(text, 0, opening.start()):
            pass  # (the last rate named before the examples, in the paragraph)
        if rate is not None and draft.metric in text[opening.end():figure.lstart]:
            drafts[index] = replace(draft, metric=draft.metric + _without_qualifiers(rate.group(1)))


_THING_TAGS = ("n", "vn", "j")
_QUALIFYING_TAGS = ("n", "vn", "j", "b", "a", "v")
_EXAMPLES_REACH = 120  # characters from 如 to the last example's figure
_QUALIFYING = re.compile(r"^.*的")  # (半数产品的|设备利用率: the rate, its things' words off)


def _without_qualifiers(rate: str) -> str:
    return _QUALIFYING.sub("", rate)


_ACTING_TAGS = ("v", "vn")  # 诊疗, 住院: words of what was done
_ITEM_MARKS = ("、", "，", ",")  # what parts two items of one frame (…诊疗7.4人次、住院2.6床日)
_MIN_FRAME = 2  # characters of the words before the first item's last word (医师日均担负)


def frame_of_one_word_items(drafts: list, blocks: list) -> None:
    """An item of one word that acts (住院), right after a figure named by words that close with
    another such word (…医师日均担负|诊疗|7.4人次、|住院|2.6床日), is named by the same words before
    it (…医师日均担负住院): the frame the list writes once.

    >>> from ipextract import extract
    >>> [r.metric for r in extract("医院医师日均担负诊疗6.5人次、住院2.1床日。", validate=False).records]
    ['医院医师日均担负诊疗', '医院医师日均担负住院']
    """
    for index in range(1, len(drafts)):
        draft, previous = drafts[index], drafts[index - 1]
        if len(draft.metric) > _ONE_WORD or previous.figure.block != draft.figure.block or not draft.metric:
            continue  # (most names: longer than one word of acting)
        text = blocks[draft.figure.block].text
        between = text[previous.figure.lend:draft.figure.lstart]
        if between[:1] not in _ITEM_MARKS or between[1:] != draft.metric:
            continue
        if draft.metric.endswith(load_vocabulary().cues.measure_endings):
            continue  # (发放临时救助…人次，|金额|…: a measure of its own, no act of the frame's)
        words, last = tokens(draft.metric), tokens(previous.metric)
        # (住院 is tagged a noun: the item's word may be one, after a last word that acts)
        if len(words) != 1 or pos_tag(words[0]) not in (*_ACTING_TAGS, "n") or len(last) < 2 or (
                pos_tag(last[-1]) not in _ACTING_TAGS) or len(previous.metric) - len(last[-1]) < _MIN_FRAME:
            continue
        drafts[index] = replace(draft, metric=previous.metric[:-len(last[-1])] + draft.metric)


_ONE_WORD = 2  # characters of an item of one word (住院, 诊疗)

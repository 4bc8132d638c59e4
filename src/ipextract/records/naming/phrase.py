"""The name a phrase gives (rule 1 of ``corpora/ANNOTATION.md``): :func:`clean_metric` takes
the words before a figure and drops what names nothing (scope words, periods, a subject's verb,
link and change words, comparisons); and the word tests the rest of the stage shares."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate

import regex

from ...blocks import QUOTED_WITH_MARKS
from ...region_codes import candidates
from ...scanning import GuardedPattern, alternation
from ...vocabulary import cue_set, cue_words, load_vocabulary
from ...vocabulary.lexicon import is_word, pos_tag, words_starting
from ..base import (
    _CODE_NOTE,
    _COMPARISON_BASE,
    _NOMINAL_TAGS,
    _PLACE_LEVELS,
    _is_place,
    _is_punctuation,
    _period_pattern,
    _strip_edges,
    _tokens,
    _word_sets,
    longest_first,
    suffixes,
)


@lru_cache(maxsize=1)
def _adverbial_pattern() -> regex.Pattern[str]:
    return regex.compile(load_vocabulary().cues.adverbial_pattern)


@lru_cache(maxsize=2)
def _scope_prefix(national: bool = True) -> tuple[regex.Pattern[str], frozenset[str]]:
    """The pattern of scope words written before a name, and the characters they start with
    (with the designation scopes, 全国, only in a national document)."""
    cues = load_vocabulary().cues
    words = [w for w in cues.scope_words if len(w) >= 2 and (
        national or w not in cues.designation_scopes)]
    return regex.compile(alternation(words) + r"[，,、 ]*"), frozenset(w[0] for w in words)


@lru_cache(maxsize=1)
def _rank_verb() -> regex.Pattern[str]:
    return regex.compile(alternation(load_vocabulary().cues.rank_verbs))


def _strip_scope_prefixes(phrase: str, national: bool = True) -> str:
    """Scope words written together with what follows (这一数据接近…): strip them as text.

    >>> _strip_scope_prefixes("全市，其中专利授权量")
    '专利授权量'
    """
    scope, first_characters = _scope_prefix(national)
    # (a phrase that opens with none of their first characters is not handed to the engine)
    while phrase[:1] in first_characters and (
            match := scope.match(phrase)) is not None and match.end() > 0:
        if _runs_past(phrase, match.end()):
            break  # 全省性|行业协会: the scope word is part of a longer word
        phrase = phrase[match.end():]
    return phrase


def _runs_past(phrase: str, length: int) -> bool:
    """Whether the place or scope word in the first ``length`` characters of ``phrase`` makes
    one word with the character after it (全省性, 湖南籍: cues.scope_bound_suffixes), so that
    it is no scope to strip.

    >>> _runs_past("湖南籍运动员", 2), _runs_past("湖南专利授权量", 2)
    (True, False)
    """
    return phrase[length:length + 1] in _bound_suffixes()


def _word_runs_past(phrase: str, length: int) -> bool:
    """Whether the place in the first ``length`` characters of ``phrase`` opens a word of the
    dictionary that runs past it (天津港, a port; not 天津市, the place itself), so that the
    place is no scope to strip.

    >>> _word_runs_past("天津港集装箱航线", 2), _word_runs_past("天津市专利授权量", 2)
    (True, False)
    """
    first = _tokens(phrase)[0]
    return len(first) > length and first.startswith(phrase[:length]) and (
        first[length:] not in _PLACE_LEVELS)


@lru_cache(maxsize=1)
def _bound_suffixes() -> frozenset[str]:
    return frozenset(load_vocabulary().cues.scope_bound_suffixes)


@lru_cache(maxsize=64)
def _national(places: frozenset[str]) -> bool:
    """Whether the document's own region is the country (its places hold 全国)."""
    return not frozenset(load_vocabulary().cues.designation_scopes).isdisjoint(places)


@lru_cache(maxsize=1)
def _trailing_words() -> frozenset[str]:
    """What a metric name never ends with: link, change, qualifier and scope words…"""
    words = _word_sets()
    # (and the adverbs the segmenter tags nouns: 国家区域医疗中心|基本|建成 → …中心)
    return (words["link"] | words["change"] | words["qualifier"] | words["scope"]
            | words["growth_nouns"] | words["adverbs"] | cue_set("adverbs_tagged_nouns"))


_AVERAGE = "平均"
_FROM_WORDS = frozenset({"由", "从"})  # the words that open a change's start value
_PER = "每"
_RATIO = "比"
_PRICE_RISE = "涨幅"
_PRICE_LEVELS = ("价格", "指数")  # (居民消费价格, 工业生产者出厂价格指数: a level no column names)


@lru_cache(maxsize=1)
def _ratio_terms() -> tuple[str, ...]:
    """The measures a ratio is of (收入, 支出: cues.measure_endings of two characters or more)
    and the things one is between (性别: cues.ratio_terms)."""
    cues = load_vocabulary().cues
    return (*(ending for ending in cues.measure_endings if len(ending) > 1), *cues.ratio_terms)


def _ends_in_ratio(name: str) -> bool:
    """城乡居民收入比, 出生人口性别比: a name that ends with a ratio's 比."""
    return name.endswith(_RATIO) and name[:-1].endswith(_ratio_terms())


@lru_cache(maxsize=1)
def _ratio_pattern() -> regex.Pattern[str]:
    """收入比 before the verb of its level (为, 缩小至) or the phrase's end: a ratio named."""
    terms = "|".join(map(regex.escape, _ratio_terms()))
    return regex.compile(
        rf"(?:{terms})比(?=为|是|达|缩小|收窄|扩大|降|下降|保持|稳定|控制|突破|提高|提升|由|从|$)")
# the mark of a list item opening a name (10.发放…, ③培训…, （3）…): the list's, no word of it
_ITEM_MARKER = regex.compile(r"^(?:[0-9]{1,2}[.．、](?![0-9])|[①-⑳]|[（(][0-9一二三四五六七八九十]{1,3}[）)])\s*")
_ITEM_MARKER_OPENINGS = frozenset("0123456789（(") | frozenset(map(chr, range(ord("①"), ord("⑳") + 1)))
# a length of years opening a name (五年|改造…, 3年|累计建成…): the span a total was made in
_LEADING_YEARS = regex.compile(r"(?:[0-9]{1,2}|[一二两三四五六七八九十]{1,3})年")
_YEAR_NUMERALS = frozenset("0123456789一二两三四五六七八九十")  # what _LEADING_YEARS opens with


def _opens_with_a_verb(phrase: str) -> bool:
    """改造…, 新|设…: a verb opens the phrase, after the 新 the segmenter cuts from it."""
    tokens = _tokens(phrase)
    first = tokens[1] if len(tokens) > 1 and tokens[0] == "新" else tokens[0]
    return pos_tag(first).startswith("v")


@lru_cache(maxsize=64)
def _leading_words(places: frozenset[str]) -> frozenset[str]:
    """What a metric name never starts with: scope words, the document's own places, 和/及…,
    the words that open examples (如, 包括: cues.example_openers; not 全国 of 全国重点实验室 in
    a province's report: cues.designation_scopes)"""
    cues = load_vocabulary().cues
    designations = frozenset(cues.designation_scopes) - places
    return (_word_sets()["scope"] - designations) | places | _CONJUNCTIONS | frozenset(cues.example_openers)


_SAME_BELOW = "下同"  # (不含车库，下同): "the same below", a note on the note
_SAME_BELOW_NOTE = regex.compile(r"[，,、；;]\s*下同(?=[）)])")


_AS_LIST_MARKS = str.maketrans({"，": "、", ",": "、"})
_LEVEL_OF_WORK = "层面"  # 自治区层面统筹推进…: the level the work was done at, after its region


def _with_list_marks(quoted: re.Match[str]) -> str:
    return quoted.group().translate(_AS_LIST_MARKS)


def _glued_link(tokens: list[str], link: str, trailing: frozenset[str]) -> bool:
    """Whether the link word a name's last word ends with was glued to it by the segmenter
    (得|分为: 得分 is a word; 办复率|均达: an adverb), not written inside a word of its own
    (列入|统计 is no 统 and a 计).

    >>> trailing = frozenset({"均"})
    >>> _glued_link(["得", "分为"], "为", trailing), _glued_link(["列入", "统计"], "计", trailing)
    (True, False)
    """
    last = tokens[-1] if tokens else ""
    if len(last) <= len(link) or not last.endswith(link):
        return True  # (the link word is a word of its own, or spans words)
    glued = last[: -len(link)]
    return glued in trailing or len(tokens) > 1 and is_word(tokens[-2][-1] + glued)


@lru_cache(maxsize=1 << 14)  # pure, and reports repeat their phrases
def clean_metric(phrase: str, places: frozenset[str] = frozenset()) -> tuple[str, str]:
    """Rule 1 of the metric naming: drop leading scope words and trailing link words.

    Returns the cleaned phrase and the part-of-speech tag of its last word (``""`` if empty).

    >>> clean_metric("全市专利授权总量达到")
    ('专利授权总量', 'n')
    >>> clean_metric("截至2024年底，每万人口高价值发明专利拥有量达到")[0]
    '每万人口高价值发明专利拥有量'
    >>> clean_metric("公安机关全年立案查处知识产权刑事案件涉案总金额")[0]
    '立案查处知识产权刑事案件涉案总金额'
    """
    words = _word_sets()
    (period, period_name, code_note, adverbial_pattern, comparison_base, base_gap, basis,
     note_mark, list_note, condition) = _phrase_patterns()
    # (城乡居民收入比为…, …收入比缩小至…: a ratio named, where 比 is no comparison's, 比上年)
    ratio_named = _RATIO in phrase and _ratio_pattern().search(phrase) is not None
    if "“" in phrase or "「" in phrase:  # (“百村示范，千村提升”工程: one name, its marks 、)
        phrase = QUOTED_WITH_MARKS.sub(_with_list_marks, phrase)
    phrase = period_name.sub("", period.sub("", phrase))  # (…三季度, 1—11月)
    phrase = code_note.sub("", phrase)  # 细颗粒物（PM2.5）年均浓度 → 细颗粒物年均浓度
    phrase = list_note.sub("", phrase)  # 病区县（市、区）数 → 病区县数
    if _SAME_BELOW in phrase:  # (few phrases: told on the characters)
        phrase = _SAME_BELOW_NOTE.sub("", phrase)  # （不含车库，下同）: the note's 下同 is no word of it
    phrase = condition.sub("", phrase)  # 外贸进出口|在…的情况下|增长: the condition, no name
    # 按可比价格计算 (the record's basis) and a footnote mark (生产总值[2]) name nothing
    phrase = note_mark.sub("", basis.sub("", phrase))
    phrase = phrase.lstrip("，,、：: ")
    if phrase[:1] in _ITEM_MARKER_OPENINGS:  # (few phrases open with one: no engine's call for the rest)
        phrase = _ITEM_MARKER.sub("", phrase)
    phrase = _strip_scope_prefixes(phrase, _national(places))
    if _CIRCLED_DIGITS.search(phrase):  # (most phrases have none)
        phrase = _CIRCLED_NOTE.sub("", phrase)
    quoted_start = phrase[:1] in "“‘\"《「"
    # the document's own region: 武汉知识产权… → 知识产权…; the longest form first (常州市 before
    # 常州), in a fixed order: a set's order changes with the process's hash seed
    forms = longest_first(places)
    for place in forms if phrase.startswith(forms) else ():  # (most phrases: one call)
        if phrase.startswith(place) and len(phrase) > len(place):
            # (only a place that ends where a word does: 城镇人口 in a report of 城市 keeps 城;
            # and not one that opens an organisation's name: 上海证券交易所上市公司)
            if (len(place) > 1 or _tokens(phrase)[0] == place) and not _opens_organisation(
                    phrase, place) and not _runs_past(phrase, len(place)) and not (
                    _word_runs_past(phrase, len(place))):
                phrase = phrase[len(place):]
            break
    adverbial = adverbial_pattern.search(phrase)
    if adverbial and adverbial.end() < len(phrase) and _preposition_at(phrase, adverbial.start()):
        phrase = phrase[adverbial.end():]  # 武汉海关在“龙腾2024”专项行动中扣缴… → 扣缴…
    phrase = _strip_edges(phrase)
    if phrase.endswith(_RATE_BASE_END) and (base := _RATE_BASE.search(phrase)) is not None:
        phrase = phrase[:base.start()]  # 人民币平均汇率|为1美元兑|7.1217元: the rate's base, no name
    if phrase[:2] in _CENTURIES and (edition := _EDITION_YEAR.match(phrase)) is not None:
        phrase = phrase[edition.end():]  # 2024新华·波罗的海…指数: the edition's year, a period
    # (the engine only for a phrase that opens with a numeral: few do, and a call of the
    # regex module's match costs a microsecond)
    years = _LEADING_YEARS.match(phrase) if phrase[:1] in _YEAR_NUMERALS else None
    if years is not None and years.end() < len(phrase) and _opens_with_a_verb(phrase[years.end():]):
        phrase = phrase[years.end():]  # 五年|改造城镇老旧小区8074个: the span of the total
    tokens = _tokens(phrase)
    # 公安机关全年立案查处…: a time word inside the phrase ends the subject (the loop only
    # acts at the last time word inside: most phrases hold none, told by one set test)
    inner_time = not words["time_scope"].isdisjoint(tokens[1:-1])
    for index in range(len(tokens) - 2, 0, -1) if inner_time else ():
        if tokens[index] in words["time_scope"] and all(
                token in words["plan_verbs_before_names"] for token in tokens[:index]):
            # 力争|今年|6月…: a plan's words before the time, no subject it ends; what follows
            # it names the thing, as with the time opening the phrase
            tokens = tokens[index:]
            break
        if tokens[index] in words["time_scope"]:
            # …全年|立案查处…案件: what follows names the thing; 固定资产投资|今年|要|增长: only
            # verbs follow, and the subject is before the time word
            rest = tokens[index + 1:]
            if (flow := _flow_verb_alone(tokens[:index], rest)):
                # 合肥中欧班列|全年|发运|突破…: the things' verb of flow says which are counted,
                # as without the time word (ANNOTATION metric 7); the time goes
                tokens = [*tokens[:index], flow]
            elif _names_nothing(rest):
                tokens = tokens[:index]
            elif tokens[index] in _STOCK_POINTS and _noun_phrase_on(tokens[:index], rest) or (
                    _measure_of_things(tokens[:index], rest)):
                # 固定电话|年末|用户: the point a stock is counted at, inside its name (not
                # 全年, the span a doer before it did something in); both sides name the thing;
                # 重点项目|年内|开工率: the span a measure of the things before is taken over
                tokens = tokens[:index] + rest
            else:
                tokens = rest
            break
    leading = _leading_words(places)
    # (自治区|层面|统筹推进…: the level the work was done at goes with its region)
    # (“江州精品”: the region's own name opening a quoted name is a word of it, a brand's)
    leading = leading - places if quoted_start else leading
    while tokens and (tokens[0] in leading or _is_punctuation(tokens[0]) or (
        tokens[0] == _LEVEL_OF_WORK and len(tokens) > 1) or (
        not quoted_start and len(tokens) > 1 and _is_place(tokens[0]) and _place_name(tokens)
        and _a_division(tokens[0], places)
    )) and not (len(tokens) > 1 and tokens[1] in _bound_suffixes()) and (  # (全省|性)
            not _names_organisation(tokens, places)):
        tokens.pop(0)
    while len(tokens) > 1 and tokens[0] in words["adverbs_before_verbs"] and (
            pos_tag(tokens[1]).startswith(_VERB_OR_PREPOSITION) or tokens[1] in verbs_over_lists()) and not (
            tokens[0] == _ALREADY and len(tokens[1]) == 1):
        # 累计受理… → 受理…; 累计访问量 stays whole; 累计|办理…: a verb of a list the segmenter
        # tags a noun is a verb there; 累计|为经营主体减轻…: a preposition opens the verb's phrase
        # (not 已|建|在建…: 已建, built, is a word of the things' kind the segmenter cuts)
        tokens.pop(0)
    if len(tokens) > 1 and tokens[0] == _AT and len(tokens[1]) > 1 and tokens[1] not in words["scope"]:
        # 在|监测的…城市中: the frame the things are in (not 在|京高校, 在|园儿童: the things
        # there, a character bound to it; nor 在|全国|率先…, a place before an adverb of
        # manner, which goes with it: without_manner_adverb)
        tokens.pop(0)
    if len(tokens) > 3 and tokens[0] == _TOWARDS and CARRY_OUT_VERB in tokens[2:-1]:
        # 对|涉及…产品|进行|监督检查: the things and the work done on them (…产品监督检查)
        at = tokens.index(CARRY_OUT_VERB, 2)
        tokens = tokens[1:at] + tokens[at + 1:]
    if len(tokens) > 1 and tokens[0] == _BY_MEANS and pos_tag(tokens[1]).startswith("v"):
        tokens.pop(0)  # 以|办好|…民生实事|为牵引: the means a frame of 以…为 names, no word of it
    if _INCLUDES in tokens[1:-1] and pos_tag(tokens[(at := tokens.index(_INCLUDES)) - 1]).startswith("n") and (
            not _BRACKETS_OPEN.intersection(tokens[:at])):
        # 主要预期目标|包括|地区生产总值: the item (not 不|包括…, nor a note in brackets,
        # 国有控股企业（包括相对控股）…)
        tokens = tokens[at + 1:]
    tokens = _without_verbs(tokens)
    if _HAVING in tokens[1:-1]:
        tokens = _without_having(tokens)
    while len(tokens) > 1 and tokens[0] in leading and tokens[1] not in _bound_suffixes() and (
            not _names_organisation(tokens, places)):
        tokens.pop(0)  # 预计|全市|数字经济…: the scope word the verb stood before
    trailing = _trailing_words()
    if len(tokens) > 2 and tokens[-1] == _AVERAGE and tokens[-2] in _FROM_WORDS:
        tokens.pop()  # …服务费|由|平均|2900元下降到…: the value the change starts from is an average
    # (稳定|在: the verb before the link word goes with it)
    while tokens and (tokens[-1] in trailing or _is_punctuation(tokens[-1]) or (
            len(tokens) > 1 and tokens[-1] in words["verbs_after_names"])):
        if ratio_named and _ends_in_ratio("".join(tokens)):
            break  # 城乡居民收入比|为2.1: the ratio of two incomes (比 is also a link word)
        if tokens[-1] == _PRICE_RISE and len(tokens) > 1 and tokens[-2].endswith(_PRICE_LEVELS):
            break  # 居民消费价格|涨幅: a price is no measure of its own, its rise is (as written)
        if tokens[-1] in "）)" and "".join(tokens).count("（") + "".join(tokens).count("(") > (
            "".join(tokens[:-1]).count("）") + "".join(tokens[:-1]).count(")")
        ):
            break  # 固定资产投资（不含农户）: the bracket closes a note inside the name
        tokens.pop()
    if len(tokens) > 2 and tokens[-2] == _PER and pos_tag(tokens[-1]) == "q":
        del tokens[-2:]  # …平均浓度|每|立方米|36微克: the denominator of the unit, written before it
    tokens = _without_subject_verb(tokens, words)  # (after the predicate goes)
    if not _INNER_ADVERBS.isdisjoint(tokens[1:-1]):
        tokens = _without_altogether(tokens)
    if not _inner_manner_adverbs().isdisjoint(tokens[1:-1]):
        tokens = _without_inner_manner(tokens)
    text = _strip_edges("".join(tokens))
    # (城乡居民收入比|为2.1: the ratio of two incomes, no comparison with a base, 比上年)
    ratio = ratio_named and _ends_in_ratio("".join(tokens))
    split_oddly = bool(tokens) and not pos_tag(tokens[-1]).startswith(_NOMINAL_TAGS) and not ratio and (
        not text.endswith(load_vocabulary().qualifiers.words_ending_in_a_prefix))  # (签约: no 约)
    for word in suffixes(words["link"]).matches(text) if split_oddly else ():
        if len(text) > len(word) + 1 and _glued_link(tokens, word, trailing):
            text = text[: -len(word)]  # 得分为: jieba cut it 得|分为, the link word is still 为
            tokens = _tokens(text)
            while len(tokens) > 1 and tokens[-1] in trailing:
                tokens.pop()  # 办复率|均达: the adverb the link word was glued to goes too
                text = "".join(tokens)
            break
    glued = _GLUED_CHANGE.search(text) if tokens and tokens[-1] not in words["change"] and (
        text.endswith(_GLUED_ENDINGS)) else None
    if glued is not None and glued.start() > 1 and is_word(text[glued.start() - 2:glued.start()]):
        text = text[:glued.start()]  # 生产者|价格下降: jieba glued the change verb to the noun
        tokens = _tokens(text)
    if "比" in text and (compared := _compared_change().search(text)) and compared.start() > 1:
        text = text[:compared.start()]  # 优良天数|同比增加 (one word): the change, no name
        tokens = _tokens(text)
    comparison = comparison_base.search(text) or base_gap.search(text)
    if comparison and comparison.start() > 0 and not (ratio and comparison.start() == len(text) - 1):
        text = text[: comparison.start()]
        tokens = _tokens(text)
    if tokens and tokens[-1] in ("等", "等等"):
        return "", "u"
    if _EXAMPLES_CLOSED in text and (measure := _measure_after_examples().search(text)) and measure.start() > 1:
        # 可穿戴智能设备等零售额: the 等 that closes the examples is no word of the measure's name
        text = text[:measure.start()] + text[measure.start() + len(_EXAMPLES_CLOSED):]
        tokens = _tokens(text)
    if text.endswith("年") and (span := _change_span().search(text)):
        text = text[:span.start()]  # 城镇化率|五年|提高…: the span of the change (labels.py)
        tokens = _tokens(text)
    if "年" in text and (span := _SPAN_OF_A_SUM.search(text)):
        # 进出口总值|五年|累计…, 五年|增量: the years a sum or a change ran over (no figure,
        # cues non_figure_patterns), its period, no word of the name
        text = text[:span.start()] + text[span.end():]
        tokens = _tokens(text)
    if not text:
        return "", ""
    if _CAUSE_OPENING in text and text.endswith(load_vocabulary().cues.casualty_measures):
        text = _without_cause_words(text)
        tokens = _tokens(text)
    return text, _last_tag(tokens)


def _last_tag(tokens: list[str]) -> str:
    """The tag of the phrase's last word, ``v`` for 新 and a verb that the segmenter reads as
    one noun (新开通: nz, 新开设: l), a verb of flow as 新增 is.

    >>> _last_tag(["省内", "新开通"]), _last_tag(["新能源"])
    ('v', 'n')
    """
    if not tokens:
        return ""
    last = tokens[-1]
    tag = pos_tag(last)
    if len(last) == _NEW_VERB and last[0] == "新" and not tag.startswith("v") and _is_verb(
            pos_tag(last[1:])):
        return "v"
    return tag


_NEW_VERB = 3  # characters: 新 and a verb of two (新开通)
_CENTURIES = frozenset({"19", "20"})
_RATE_BASE_END = "兑"
_RATE_BASE = regex.compile(r"为?(?:1|100|一)(?:美元|欧元|日元|港元|英镑)兑$")  # (cues non_figure_patterns)
# a year written without 年 before the name of an edition (2024新华·波罗的海…发展指数)
_EDITION_YEAR = regex.compile(r"(?:19|20)[0-9]{2}(?=\p{Han}{2})(?!年)")
_EXAMPLES_CLOSED = "等"


@lru_cache(maxsize=1)
def _measure_after_examples() -> regex.Pattern[str]:
    """等 right before a measure noun that ends a name (…智能设备等|零售额)."""
    return regex.compile(f"等(?:{alternation(cue_words('measure_nouns')) or '(?!)'})$")


_CAUSE_OPENING = "造"  # (a cheap test first: 造成 is the usual word, 导致 and 致使 are rare)


def _without_cause_words(name: str) -> str:
    """洪涝灾害直接经济损失 of 因洪涝灾害造成直接经济损失: a loss or casualty named with its
    cause, without the words that tie them (因, 共造成).

    >>> _without_cause_words("因洪涝灾害造成直接经济损失"), _without_cause_words("各级地震共造成直接经济损失")
    ('洪涝灾害直接经济损失', '各级地震直接经济损失')
    """
    verb = next((v for v in load_vocabulary().cues.loss_causing_verbs if v in name), "")
    cause, _, loss = name.partition(verb) if verb else ("", "", "")
    cause = cause.removeprefix("因").removesuffix("共").removesuffix("累计")
    return cause + loss if cause and loss else name


# 丙类传染病|共|报告|发病, 国家级和省级园区|均|完成…: adverbs of the total or of each inside a name
_VERB_OR_PREPOSITION = ("v", "p")  # what an adverb before a verb stands before
_ALREADY = "已"  # (已|建: a word with the one-character verb after it)
_INNER_ADVERBS = frozenset({"共", "均", "都", "累计", "共计", "已", "已经"})  # (…产业园|已|入驻|企业)



def _without_altogether(tokens: list[str]) -> list[str]:
    """丙类传染病共报告发病 → 丙类传染病报告发病: 共 (or 均, 都, 累计, 共计) between the thing and
    the verb of what is counted adds nothing to the name (as 共 at a name's start does not).

    >>> "".join(_without_altogether(["国家级", "和", "省级", "园区", "均", "完成", "循环化", "改造"]))
    '国家级和省级园区完成循环化改造'
    """
    return [token for at, token in enumerate(tokens) if not (
        token in _INNER_ADVERBS and 0 < at < len(tokens) - 1 and pos_tag(tokens[at - 1]).startswith(_NOMINAL_TAGS)
        and len(tokens[at - 1]) > 1  # (生|均经费, 亩|均: a unit's share, no adverb)
        and any(pos_tag(word).startswith("v") for word in tokens[at + 1:at + 3]))]  # (共|报告|发病)


@lru_cache(maxsize=1)
def _inner_manner_adverbs() -> frozenset[str]:
    """The adverbs of manner (cues.manner_adverbs) the segmenter tags adverbs or adjectives
    (圆满, 顺利, 率先): inside a name, after the thing, they say how it was done; not 集中 or
    精准, tagged verbs or nouns, which qualify a noun there (集中供水工程, 精准帮扶对象). So do
    均, 都, 已 (cues.predicate_manner_adverbs), as before a count's predicate."""
    cues = load_vocabulary().cues
    # (and the adverbs that give a predicate to each of the things or say it is done, 园区|均|
    # 完成…, 项目|已|开工, or how it holds, 监测对象|稳定|消除风险: no word of what they did, as
    # before a count's own predicate)
    spread = (word for word in cues.predicate_manner_adverbs if word not in cues.manner_adverbs)
    return frozenset(word for word in (*cues.manner_adverbs, *spread) if pos_tag(word) in HOW_TAGS)




def _without_inner_manner(tokens: list[str]) -> list[str]:
    """经济薄弱村扶持工作圆满收官 → 经济薄弱村扶持工作收官: an adverb of manner between the
    thing and what was done to it is no word of the name, as at a name's start it is not.

    >>> "".join(_without_inner_manner(["薄弱村", "扶持", "工作", "圆满", "收官"]))
    '薄弱村扶持工作收官'
    """
    manner = _inner_manner_adverbs()
    return [token for at, token in enumerate(tokens) if not (
        token in manner and 0 < at < len(tokens) - 1 and len(tokens[at - 1]) > 1
        and pos_tag(tokens[at - 1]).startswith(_NOMINAL_TAGS)
        and _AT not in tokens[:at - 1])]  # (在|全国|率先…: the place goes with it, without_manner_adverb)


_COUNT_INSIDE = regex.compile(r"(?<![0-9.．每])[0-9]+(?:[.][0-9]+)?[万亿]?(?:个(?!月)|家|项|所|座|条|批|处)(?=\p{Han})")


def without_counts_inside(name: str) -> str:
    """``name`` without the counts in digits written inside it before the words they count
    (集中开工|957个|重大项目: another figure's, no word of this name); not a bound (30户以上…), a
    rate's base (每10万人), a span (3个月) nor a count closing the name.

    >>> without_counts_inside("集中开工957个重大项目"), without_counts_inside("30户以上自然村通硬化路比例")
    ('集中开工重大项目', '30户以上自然村通硬化路比例')
    """
    return _COUNT_INSIDE.sub("", name) if any(c.isdigit() for c in name) else name


def without_inner_manner(name: str) -> str:
    """:func:`_without_inner_manner` of a name read whole (the words after a count); the name
    itself when no adverb of manner is in it (most: one test of its characters)."""
    if not any(word in name for word in _inner_manner_adverbs()):
        return name
    return "".join(_without_inner_manner(_tokens(name)))


def _opens_organisation(phrase: str, place: str) -> bool:
    """Whether the place ``phrase`` opens with is the start of an organisation's name, a word
    of the dictionary tagged nt that runs past it (上海证券交易所, 北京大学): a dictionary
    walk from the phrase's start, no segmentation."""
    if any(len(word) > len(place) and pos_tag(word) == "nt" for word in words_starting(phrase)):
        return True
    # 贵州|能源集团|收入, 吉林|化纤集团…: nouns after the place up to an organisation's head
    # (cues.toml organisation_heads) name one organisation, whose name the place opens
    tokens = _tokens(phrase[len(place):len(place) + _ORGANISATION_REACH])
    heads = cue_set("organisation_heads")
    run = ""  # the nouns read so far (科技|城: a head the segmenter cut)
    for at, token in enumerate(tokens):
        run += token
        if token in heads or any(len(head) > 1 and run.endswith(head) for head in heads):
            return at > 0 or len(token) > 2
        if not pos_tag(token).startswith(("n", "j")):
            return False
    return False


_ORGANISATION_REACH = 8  # characters after a place an organisation's head is looked for in


def _names_organisation(tokens: list[str], places: frozenset[str]) -> bool:
    """Whether the place ``tokens`` open with opens an organisation's name (贵州|能源集团|收入):
    a word of the name, no scope to drop."""
    return len(tokens) > 1 and (tokens[0] in places or _is_place(tokens[0])) and (
        _opens_organisation("".join(tokens), tokens[0]))


@lru_cache(maxsize=1)
def _phrase_patterns() -> tuple[GuardedPattern, ...]:
    """What ``clean_metric`` cuts from every phrase, each behind the characters its matches
    need: most phrases hold none, and the engine's scan of a short phrase costs more than
    the set test (the two period patterns alone took 5% of clean_metric's time)."""
    return tuple(GuardedPattern(pattern) for pattern in (
        _period_pattern(), _period_name(), _CODE_NOTE, _adverbial_pattern(), _COMPARISON_BASE,
        _BASE_GAP, regex.compile(load_vocabulary().cues.basis_in_names_pattern or r"(?!)"),
        _NOTE_MARK, _LIST_NOTE, regex.compile(load_vocabulary().cues.condition_pattern)))


@lru_cache(maxsize=1)
def _compared_change() -> regex.Pattern[str]:
    """同比增加, 环比下降 at a name's end: a change against a base, which the segmenter may
    keep as one word (so no change verb is stripped as a word of its own)."""
    cues = load_vocabulary().cues
    return regex.compile("(?:" + alternation(cues.compared_with) + ")(?:"
                         + alternation(load_vocabulary().change_verbs) + ")$")


# A change verb of direction at a name's end (价格下降, 价格上涨: one jieba word); not 增长,
# which ends names of their own (经济增长)
@lru_cache(maxsize=1)
def _change_span() -> regex.Pattern[str]:
    """A length of years closing a name before its change (城镇化率|五年|提高4.2个百分点,
    进出口|近3年|增长…): the time the change took, its period, no word of the name; not a streak
    (连续5年: cues.streak_words) nor a year (2024年), and not a name of years alone."""
    streaks = alternation(load_vocabulary().cues.streak_words)
    return regex.compile(rf"(?<=^|\p{{Han}})(?<!{streaks})(?:近|过去)?"
                         r"(?<![0-9〇零一二两三四五六七八九十])[0-9一二两三四五六七八九十]{1,3}年$")


# (the years cues.toml's non_figure_patterns leave out of a sum over them, 五年|累计; not a
# streak's, 连续五年: the same lookbehind)
_SPAN_OF_A_SUM = regex.compile(r"(?<![一二两三四五六七八九十续])[一二两三四五六七八九十]{1,2}年(?=累计|增量)")
_GLUED_CHANGE = regex.compile(r"(?:下降|上涨|下跌|回落|上升)$")
# what a text _GLUED_CHANGE finds anything in ends with (its $ also matches before a last line
# end): a test of the ends spares most names the regex module's call
_GLUED_ENDINGS = tuple(f"{verb}{end}" for verb in ("下降", "上涨", "下跌", "回落", "上升") for end in ("", "\n"))


NOTE_MARK = r"[\[［〔][0-9]{1,3}[\]］〕]"  # 生产总值[2], 常住人口［1］, 增长[41]: a footnote
_NOTE_MARK = regex.compile(NOTE_MARK)
# A circled digit right after a word is a footnote mark too (生产总值②); one opening a phrase is
# an item's number (③培训…, _ITEM_MARKER)
_CIRCLED_DIGITS = regex.compile("[①-⑳]")
_CIRCLED_NOTE = regex.compile(r"(?<=[\p{Han}A-Za-z）)])[①-⑳]")


# A bracket that lists what a name covers (（包括股票、债券）, 县（市、区）, and with ， for 、 as
# some writers have it): a note, not the name's words; a note of what the figure leaves out or
# takes in (（不含农户）, （不含农户，下同）, （含助理）) stays
_LIST_NOTE = regex.compile(r"[（(](?!不?含|不包括)[^（）()]*[、，,][^（）()]*[）)]")
# 县（区）, 州（市）: the other kind of unit a noun of a division covers, a note as a list is
_DIVISION_NOTE = regex.compile(r"(?<=[市区县乡镇村居旗盟州])[（(][市区县乡镇村居旗盟州]{1,2}[）)]")


def without_division_note(text: str) -> str:
    """``text`` without the note of another kind of division after a division's noun where a verb
    follows it (8个县（区）|获评… → 县获评…); inside a noun it stays (村（居）委会: the committees of
    both).

    >>> without_division_note("县（区）获评示范县"), without_division_note("村（居）委会完成选举")
    ('县获评示范县', '村（居）委会完成选举')
    """
    if "（" not in text and "(" not in text:
        return text
    kept = []
    at = 0
    for note in _DIVISION_NOTE.finditer(text):
        following = _tokens(text[note.end():note.end() + 4])
        if following and _is_verb(pos_tag(following[0])):
            kept.append(text[at:note.start()])
            at = note.end()
    return "".join(kept) + text[at:] if kept else text


# A change or gap against a named base at the end of a phrase (PM2.5年均浓度较十三五末改善,
# …比例超国家考核目标, …高于全国平均水平): the base and its verb are no part of the name. The
# base must follow the opener at once, so 超长期, 较大 and 比例 stay; a 的 after it makes the
# whole a name of its own (高于全国平均水平的县).
_BASE_GAP = regex.compile(
    r"(?:较|比|相比|高于|低于|高出|低出|超过|超出|超|优于|好于|快于|慢于)"
    r"(?:全国|全省|全市|全区|国家|同期|上年|去年|十[一二三四五]五|[12][0-9]{3}年)[^的，,。；;、]*$")


@lru_cache(maxsize=1)
def _period_name() -> regex.Pattern[str]:
    pattern = load_vocabulary().cues.period_name_pattern
    return regex.compile(pattern or r"(?!)")


@lru_cache(maxsize=1)
def _predicate_words() -> frozenset[str]:
    """Words that only say what happens to a name (要, 力争, 达到, 增长, 保持在…)."""
    cues = load_vocabulary().cues
    return (_trailing_words() | frozenset(cues.modal_words) | frozenset(cues.plan_verbs_before_names)
            | frozenset(cues.verbs_after_names))


def _only_predicate(tokens: list[str]) -> bool:
    """固定资产投资|今年|要|增长: after the time word only words of the predicate, so the
    name is before it (not 年内|交付率, a name of its own)."""
    words = _predicate_words()
    return bool(tokens) and all(token in words for token in tokens)


_NAME_ENDINGS = ("率", "量", "额", "数", "值", "比", "度", "价", "积", "重")


_STOCK_POINTS = frozenset({"年末", "年底", "年初"})  # the time words of a stock's point


def _noun_phrase_on(before: list[str], rest: list[str]) -> bool:
    """Whether the words before a time word and the words after it are one noun phrase cut by
    it: nouns and their qualifiers on both sides (固定|电话|年末|用户), no verb."""
    return bool(before) and bool(rest) and all(
        pos_tag(token).startswith((*_NOMINAL_TAGS, "a", "b")) for token in (*before, *rest))


def _measure_of_things(before: list[str], rest: list[str]) -> bool:
    """Whether the words after a time word are a bare measure (a measure noun, or a verb and
    率: 交付|率) of the things the words before it end with (重点项目|年内|开工率), not what a
    doer did in that time (公安机关|全年|立案查处…).

    >>> _measure_of_things(["重点项目"], ["开工率"]), _measure_of_things(["公安机关"], ["立案", "查处"])
    (True, False)
    """
    trailing = _trailing_words()
    while rest and rest[-1] in trailing:
        rest = rest[:-1]  # (开工率|达到: the link word after the name)
    if not before or not 0 < len(rest) <= 2 or not pos_tag(before[-1]).startswith("n"):
        return False
    measure = "".join(rest)
    if not measure.endswith(cue_words("measure_endings")):
        return False
    return all(pos_tag(token).startswith(_NOMINAL_TAGS) for token in rest) or (
        len(rest) == 2 and rest[1] == _RATE_WORD)


_RATE_WORD = "率"  # (交付|率: a verb and 率, a rate's name the segmenter cuts)


def _flow_verb_alone(subject: list[str], rest: list[str]) -> str:
    """发运 of 合肥中欧班列|全年|发运|突破: the one verb after a time word inside a name, with only
    predicate words after it, after things (no measure: 客运量|全年|发送 names the measure alone);
    ``""`` otherwise.

    >>> _flow_verb_alone(["中欧", "班列"], ["开行", "突破"]), _flow_verb_alone(["客运量"], ["发送"])
    ('开行', '')
    """
    words = _predicate_words()
    content = [token for token in rest if token not in words]
    if len(content) != 1 or not subject or "".join(subject).endswith(_NAME_ENDINGS) or (
            pos_tag(content[0]) not in ("v", "vn")) or not pos_tag(subject[-1]).startswith(_SUBJECT_HEAD_TAGS):
        return ""
    return content[0] if rest[0] == content[0] else ""


def _names_nothing(tokens: list[str]) -> bool:
    """Only predicate words, or only verbs that do not end as a name does (…|全年|要|实施 names
    nothing after the time word; 年内|交付|率 ends as a rate's name)."""
    if _only_predicate(tokens):
        return True
    words = _predicate_words()
    content = [token for token in tokens if token not in words]  # (发运|突破: 突破 is a link)
    # (发运 alone is a verbal noun used as the verb; 发出|预警: the object names the count)
    return bool(content) and not "".join(content).endswith(_NAME_ENDINGS) and not any(
        pos_tag(token).startswith(_SUBJECT_HEAD_TAGS) for token in content) and not any(
        pos_tag(token) == "vn" for token in content[1:])


def _preposition_at(phrase: str, at: int) -> bool:
    """Whether the 在 or 于 at ``at`` is a word of its own, a preposition opening an adverbial
    phrase (在|乡村振兴|工作|中), not the end of a word (高于|规上|工业, 位于, 存在: a phrase
    read from there to a 上 or 中 is no adverbial).

    >>> _preposition_at("在乡村振兴工作中培育家庭农场", 0), _preposition_at("增速高于规上工业", 3)
    (True, False)
    >>> _preposition_at("增速快于规上工业投资", 3)
    False
    """
    start, before = 0, ""
    for token in _tokens(phrase):
        if start >= at:
            # (快|于, 高|于: a segmenter may cut the comparing verb; 于 after an adjective or a
            # verb is still that verb's)
            return start == at and len(token) == 1 and not (
                token == _YU and pos_tag(before).startswith(_COMPARING_TAGS))
        start, before = start + len(token), token
    return False


_YU = "于"
_COMPARING_TAGS = ("a", "v", "d")  # the tags of 快, 高, 用… that 于 completes as a verb


_HAVING = "拥有"
_EACH = "每"  # (每万人|拥有…, 每千人口…)


def _without_having(tokens: list[str]) -> list[str]:
    """规模以上企业|拥有|研发人员 → 规模以上企业研发人员: the verb of having between
    a body and what it has goes, as a verb before a measure does (not in a measure per head,
    每千人口|拥有|托位数, nor before 量: 发明专利|拥有|量).

    >>> _without_having(["民政", "机构", "拥有", "床位"]), _without_having(["每万人", "拥有", "面积"])
    (['民政', '机构', '床位'], ['每万人', '拥有', '面积'])
    """
    at = tokens.index(_HAVING)
    cues = load_vocabulary().cues
    # (每万人|拥有…, 人均|拥有…, 平均每一企业|拥有…: a measure per head or per unit says what each
    # has, the having verb is a word of it: cues.per_unit_averages, per_unit_openers)
    owner = "".join(tokens[:at])
    if owner.startswith((_EACH, *cues.per_unit_averages, *cues.per_unit_openers)) or (
            tokens[at + 1].startswith(_AMOUNT_OF)) or not (
            pos_tag(tokens[at - 1]).startswith("n") and pos_tag(tokens[at + 1]).startswith(_NOMINAL_TAGS)):
        return tokens
    return tokens[:at] + tokens[at + 1:]


_BY_MEANS = "以"  # 以…为…: by means of
_TOWARDS = "对"  # 对…进行…: the things a work is done on
CARRY_OUT_VERB = "进行"  # 对…进行改造: the verb of a work named after it
_AMOUNT_OF = "量"


_SECURING = "争取"  # (争取|政策性资金: the funds won, a flow, not a plan's striving)


def _secures_funds(tokens: list[str]) -> bool:
    """Whether ``tokens`` open with 争取 before funds (cues.secured_funds: 争取|中央|资金), the
    verb of securing them, which says which funds are counted, as a verb of flow does.

    >>> _secures_funds(["争取", "政策性", "资金"]), _secures_funds(["争取", "地区生产总值"])
    (True, False)
    """
    return tokens[0] == _SECURING and "".join(tokens[1:]).endswith(load_vocabulary().cues.secured_funds)


def _without_verbs(tokens: list[str]) -> list[str]:
    """The name's words without the verbs around it (cues.toml verbs_before_names, …):
    力争|外贸|进出口总额 → 外贸进出口总额, 规模以上|工业|企业|实现|利润总额 → …企业利润总额,
    就业率|保持 → 就业率. A verb goes only next to a noun (研发|投入 keeps 投入: it ends the name).

    >>> _without_verbs(["规模以上", "工业", "企业", "实现", "利润总额"])
    ['规模以上', '工业', '企业', '利润总额']
    """
    words = _word_sets()
    while len(tokens) > 1 and (tokens[0] in words["plan_verbs_before_names"] and not _secures_funds(tokens) or (
            # (将|新建|学校, 再|创建…: a modal or a word of repetition before the verb is the
            # plan's wording, as 力争 is)
            tokens[0] in words["words_before_verbs"] and pos_tag(tokens[1]).startswith("v")) or (
            tokens[0] in words["verbs_before_names"]
            and (pos_tag(tokens[1]).startswith(_NOMINAL_TAGS) or len(tokens) > 2 and (
                "".join(tokens[1:]).endswith(load_vocabulary().cues.measure_endings)
                or tokens[1] in cue_set("flow_verbs_over_lists")))) or (
            # (完成|老旧|小区|改造: the things and the work on them name the figure, as 危房改造)
            tokens[0] in words["work_done_verbs"] and len(tokens) > 2
            and "".join(tokens[1:]).endswith(_works_on_things())) or (
            # (稳定|基本医疗保险参保率: a level kept, named by its measure)
            tokens[0] in cue_set("keeping_verbs_before_measures") and _kept_measure(tokens[1:]))):
        # (实现|新增|煤炭产能: the flow the verb stood before names the figure)
        # (实现|保费|收入: a measure named after the verb, whatever its tags; not 实现|收入,
        # where the verb is all that tells the measure from a bare word)
        tokens = tokens[1:]
    if len(tokens) > 2:
        inside = words["verbs_inside_names"]
        tokens = [token for index, token in enumerate(tokens)
                  if not (0 < index < len(tokens) - 1 and token in inside
                          and _measure_after_link(tokens, index, words))]
    while len(tokens) > 1 and tokens[-1] in words["verbs_after_names"]:
        tokens = tokens[:-1]
    return tokens


def _kept_measure(tokens: list[str]) -> bool:
    """Whether ``tokens`` name a measure before the link words of its level (参保率|在: a level
    kept, 稳定|参保率|在…), as the verbs of keeping before a measure need.

    >>> _kept_measure(["基本", "医疗保险", "参保", "率", "在"]), _kept_measure(["脱贫", "成果"])
    (True, False)
    """
    trailing = _trailing_words()
    end = len(tokens)
    while end and tokens[end - 1] in trailing:
        end -= 1
    return end > 0 and "".join(tokens[:end]).endswith(load_vocabulary().cues.measure_endings)


@lru_cache(maxsize=1)
def _works_on_things() -> tuple[str, ...]:
    """cues.works_on_things, as endings (改造, 治理)."""
    return tuple(_word_sets()["works_on_things"])


def without_effort_verb(name: str) -> str:
    """A name without the verb of effort or of having it opens with (see
    :func:`_without_effort_verb`); most names open with none and are not segmented."""
    words = _word_sets()
    if not name or not name.startswith(_effort_openings()):
        return name
    return "".join(_without_effort_verb(_tokens(name), words))


def without_effort_adverb(name: str, count: bool) -> str:
    """A name read before its figure without the adverbs of effort it opens with when a verb
    follows them (cues.effort_adverbs: a plan's wording). Before a count the verb goes too, as
    it does before the things counted after a count (rule 3: 加快建设|6个|物流园区 and
    加快建设物流园区|6个 are both 物流园区), unless the rest is a noun too generic to name a
    count alone (大力培育|企业 → 培育企业); before another figure the verb stays. An adverb that
    also qualifies a noun (重点建设用地) goes only before a verb of rule 7 and a count.

    >>> without_effort_adverb("全面完成城镇老旧小区改造任务", True), without_effort_adverb("统筹安排乡村振兴资金", False)
    ('城镇老旧小区改造任务', '安排乡村振兴资金')
    >>> without_effort_adverb("重点建设用地安全利用率", False), without_effort_adverb("重点建设新优质学校", True)
    ('重点建设用地安全利用率', '新优质学校')
    """
    if not name or not name.startswith(cue_words("effort_adverbs")):
        return name  # (most names: not segmented)
    cues = load_vocabulary().cues
    tokens = _adverb_apart(_tokens(name), cues.effort_adverbs)  # (全面完成, 统筹安排: one word)
    at = 0
    while at < len(tokens) - 1 and tokens[at] in cues.effort_adverbs:
        at += 1
    if not at or at >= len(tokens) - 1 or not _opens_with_verb(tokens[at]):
        return name  # (统筹|资金: the adverb is the name's own word)
    if not set(tokens[:at]).isdisjoint(cues.effort_adverbs_that_qualify_nouns) and not (
            count and tokens[at] in _rule_7_verbs() or tokens[at] in cues.done_verbs_over_lists):
        # (重点|耗能|工业企业, 高质量|发展|综合考核, 重点|建设|用地: a noun's first word; before a
        # verb of work done it is the adverb, 高质量|建成|高标准农田|1169万亩, whatever the figure)
        return name
    rest = tokens[at + 1:]
    if not any(pos_tag(token).startswith(_NOMINAL_TAGS) for token in rest):
        return name
    nouns = "".join(rest)
    if not count or nouns in cues.generic_counted_nouns or len(nouns) < 2 or (
            tokens[at] in cues.handling_verbs):
        # (高质量|办理|人大代表建议: the proposals handled are counted, as after 认真办理; the
        # adverb goes, the verb of handling stays)
        return "".join(tokens[at:])
    return nouns


_AT = "在"  # the preposition of a place before an adverb of manner (在全国|率先…)


def without_manner_adverb(name: str) -> str:
    """A name without the adverb of manner it opens with before a verb (cues.manner_adverbs:
    成功|创建…, 圆满|办结…): how the thing was done; the verb stays, and a noun must follow it
    (集中|养育 names a way of care; 集中式 is a word of its own).

    >>> without_manner_adverb("圆满办结人大代表建议"), without_manner_adverb("集中式饮用水水源地")
    ('办结人大代表建议', '集中式饮用水水源地')
    """
    adverbs = cue_words("manner_adverbs")
    if name.startswith(_AT):
        # 在全省|率先|建设…: a place the thing was done in, before the adverb, goes with it
        tokens = _tokens(name)
        if len(tokens) > 3 and tokens[0] == _AT and tokens[1] in _word_sets()["scope"] and (
                tokens[2] in adverbs):
            rest = "".join(tokens[2:])
            stripped = without_manner_adverb(rest)
            return stripped if stripped != rest else name
        return name
    if not name or not name.startswith(adverbs) and not _opens_with_idiom(name):
        return name  # (most names: not segmented)
    tokens = _adverbs_together(_adverb_apart(_tokens(name), adverbs), adverbs)  # (成功创建: one word)
    # (面对面|为|企业|解决…: the manner of a deed for others, the 为 that says so stays; so does
    # the 对 of the deed's object, 依法|对|医疗机构|作出…)
    if len(tokens) < 3 or _adverbs_length(tokens[0], adverbs) != len(tokens[0]) and not (
            _opens_with_idiom(name)) or not (
            _opens_with_verb(tokens[1]) or len(tokens) > 3 and (
                tokens[1] == BENEFACTIVE or tokens[1] in cue_words("object_prepositions"))):
        return name
    if not any(pos_tag(token).startswith(_NOMINAL_TAGS) for token in tokens[2:]):
        return name
    return "".join(tokens[1:])


BENEFACTIVE = "为"  # 为|企业|解决…: a deed for others (a preposition, tagged p)
_IDIOM = 4  # characters of a set phrase of four (成语), the segmenter's tag i


def _opens_with_idiom(name: str) -> bool:
    """因地制宜|建设…: a four-character idiom before a verb says how a thing was done."""
    return len(name) > _IDIOM + 2 and is_word(name[:_IDIOM]) and pos_tag(name[:_IDIOM]) == "i" and (
        _tokens(name)[0] == name[:_IDIOM])


def _adverb_apart(tokens: list[str], adverbs: tuple[str, ...]) -> list[str]:
    """The tokens with an adverb the segmenter joined to the verb after it cut off (全面完成 →
    全面|完成); the tokens as they are otherwise."""
    joined = next((adverb for adverb in adverbs
                   if tokens[0].startswith(adverb) and len(adverb) < len(tokens[0])), "")
    if joined and _opens_with_verb(tokens[0][len(joined):]):
        return [joined, tokens[0][len(joined):], *tokens[1:]]
    return tokens


def _adverbs_length(text: str, adverbs: tuple[str, ...]) -> int:
    """How many characters ``text`` opens with that are adverbs one after another (6 of
    清单化项目化改造…)."""
    at = 0
    while (adverb := max((a for a in adverbs if text.startswith(a, at)), key=len, default="")):
        at += len(adverb)
    return at


def _adverbs_together(tokens: list[str], adverbs: tuple[str, ...]) -> list[str]:
    """The tokens with the adverbs they open with, each cut in two by the segmenter or several in
    a row (清单|化|项目|化|改造… → 清单化项目化|改造…), as one token; the tokens as they are
    otherwise.

    >>> _adverbs_together(["清单", "化", "项目", "化", "改造", "管网"], ("清单化", "项目化"))
    ['清单化项目化', '改造', '管网']
    """
    text = "".join(tokens)
    at = _adverbs_length(text, adverbs)
    if at == 0 or len(tokens[0]) >= at:
        return tokens  # (no adverb, or one the segmenter kept whole)
    ends = list(accumulate(len(token) for token in tokens))
    if at not in ends:
        return tokens  # (an adverb's end inside a word: no adverb of the name's)
    opening = text[:at]
    return [opening, *tokens[ends.index(at) + 1:]]


def _opens_with_verb(token: str) -> bool:
    """A verb (建设 is tagged vn, 培育 may be tagged n: the verbs of rule 7 are verbs whatever
    their tags)."""
    return pos_tag(token).startswith("v") or token in _rule_7_verbs()


@lru_cache(maxsize=1)
def verbs_over_lists() -> frozenset[str]:
    """The verbs of flow, building and work done a list writes once for all its items
    (cues.flow_verbs_over_lists, done_verbs_over_lists; the counting_verbs are among them)."""
    cues = load_vocabulary().cues
    return frozenset(cues.flow_verbs_over_lists) | frozenset(cues.done_verbs_over_lists)


@lru_cache(maxsize=1)
def list_or_counting_verbs() -> frozenset[str]:
    """The verbs a list writes once (:func:`verbs_over_lists`) and those that say which of the
    things are counted (cues.counting_verbs: 推出, 新建, 开通…)."""
    return verbs_over_lists() | _word_sets()["counting_verbs"]


#: the tags of an adverb, or of an adjective used as one (高效|办理, 认真|办理), before a verb of a
#: list: how the work was done, no word of a name
HOW_TAGS = frozenset({"a", "ad", "d"})


def adverb_opening(text: str) -> str:
    """The longest adverb of effort or of manner ``text`` opens with (规范|建设…, 精准|服务…),
    ``""`` for none."""
    cues = load_vocabulary().cues
    return max((a for a in (*cues.effort_adverbs, *cues.manner_adverbs) if text.startswith(a)),
               key=len, default="")


@lru_cache(maxsize=1)
def _rule_7_verbs() -> frozenset[str]:
    """The verbs of flow, building, work done and handling (ANNOTATION.md, metric 7)."""
    cues = load_vocabulary().cues
    return frozenset(cues.counting_verbs) | frozenset(cues.work_done_verbs) | frozenset(
        cues.handling_verbs)


@lru_cache(maxsize=1)
def _effort_openings() -> tuple[str, ...]:
    cues = load_vocabulary().cues
    return (tuple(cues.effort_verbs) + tuple(cues.having_verbs) + tuple(cues.effort_adverbs)
            + tuple(cues.adverbs_before_effort_verbs))


def _effort_adverbs(tokens: list[str], words: dict[str, frozenset[str]]) -> int:
    """How many adverbs of effort open ``tokens`` (深入|推进: the segmenter may tag 深入 a verb)."""
    at = 0
    while at < len(tokens) - 1 and tokens[at] in words["effort_adverbs"]:
        at += 1
    return at


def _verb_that_goes(token: str, words: dict[str, frozenset[str]]) -> bool:
    """A verb of effort or of having, alone or with an adverb of effort the segmenter joined to
    it (全面落实 is one word to it)."""
    return token in words["verbs_that_go"] or any(
        token.startswith(adverb) and token[len(adverb):] in words["verbs_that_go"]
        for adverb in words["effort_adverbs"] if len(adverb) < len(token))


def effort_then_purpose(phrase: str) -> bool:
    """全面落实|县域|商业|体系|建设, 深入|推进|成渝|地区|…|建设: a verb of effort, then nouns
    only, before a count: what the things counted are for (``cues.effort_verbs``)."""
    if not phrase.startswith(_effort_openings()):
        return False  # (most phrases: not segmented)
    words = _word_sets()
    tokens = _tokens(phrase)
    at = _effort_adverbs(tokens, words)
    rest = tokens[at + 1:]
    if len(rest) == _PURPOSE_WORDS and len(rest[0]) == 1 and pos_tag(rest[0]) in _PURPOSE_OPENING_TAGS and (
            pos_tag(rest[1]).startswith((*_NOMINAL_TAGS, "v"))) and _verb_that_goes(tokens[at], words):
        return True  # (实施|稳|经济|30项|举措, 出台|促|消费|…|政策: a purpose of one character's verb)
    return len(rest) >= 2 and _verb_that_goes(tokens[at], words) and all(
        pos_tag(token).startswith(_NOMINAL_TAGS) for token in rest)


_PURPOSE_WORDS = 2  # 稳|经济, 促|消费, 扩|内需: a verb of one character and its object
_PURPOSE_OPENING_TAGS = frozenset({"a", "v"})  # (稳 is tagged an adjective)


def _noun_after_adjectives(tokens: list[str], at: int) -> bool:
    """Whether the tokens from ``at`` on are adjectives, then a noun (黑|臭|水体 after 城市|黑)."""
    while at < len(tokens) and pos_tag(tokens[at]) == "a":
        at += 1
    return at < len(tokens) and pos_tag(tokens[at]).startswith(_NOMINAL_TAGS)


def _adjectives_open(tokens: list[str], at: int = 0) -> bool:
    """Whether two adjectives or more, then a noun, stand from ``at`` on (老|旧|小区): the
    opening of a noun phrase, where one adjective may be a verb's complement (推进|好|…)."""
    return len(tokens) > at + 2 and pos_tag(tokens[at]) == "a" == pos_tag(tokens[at + 1]) and (
        _noun_after_adjectives(tokens, at))


_PURPOSE_TAGS = frozenset({"a", "v"})  # 稳|外资, 促|消费: what opens a purpose of one character
_COMPLEMENT = "好"  # 推进|好…: the adjective that completes a verb, not one of a noun after it


_WHOLE_TERM = 5  # characters of one word, at least, that is a term of its own (not 重大项目, 节能降碳)


def _without_effort_verb(tokens: list[str], words: dict[str, frozenset[str]]) -> list[str]:
    """The name without a verb of effort or of having it opens with (cues.effort_verbs,
    cues.having_verbs), and the adverbs of effort before it: 继续|办好|省级|民生|实事 →
    省级民生实事, 共有|注册|登记|的|社会组织 → 注册登记的社会组织. The rest must be more than
    one word (实施|项目 stays whole: 项目 alone names no count; 推进|粮食 of 推进|66个|粮食产能…
    is a noun phrase cut short), or one noun of five characters or more (落实|无还本续贷: a term
    of its own; one of four, 重大项目, 节能降碳, is as often a class the verb picks out), and hold a noun.

    >>> "".join(_without_effort_verb(_tokens("滚动实施省重点技改项目"), _word_sets()))
    '省重点技改项目'
    """
    at = _effort_adverbs(tokens, words)
    if at == len(tokens) - 2 and len(tokens[-1]) >= _WHOLE_TERM and pos_tag(tokens[-1]).startswith(
            _NOMINAL_TAGS) and _verb_that_goes(tokens[at], words):
        return tokens[-1:]  # (落实|无还本续贷: one term of its own, no noun phrase cut short)
    if at >= len(tokens) - 2 or not _verb_that_goes(tokens[at], words) or (
            len(tokens[at + 1]) == 1 and not pos_tag(tokens[at + 1]).startswith(_NOMINAL_TAGS)
            and not _adjectives_open(tokens, at + 1) and not (
                pos_tag(tokens[at + 1]) in _PURPOSE_TAGS and tokens[at + 1] != _COMPLEMENT and (
                    pos_tag(tokens[at + 2]).startswith(_NOMINAL_TAGS) and pos_tag(tokens[at + 1]) == "a"
                    # (开展|促|消费|活动, …|促|就业|活动: a verb of one character and its object, a
                    # purpose the work is named by, after a verb of effort, not of having: 获|批|…)
                    or tokens[at] in cue_set("effort_verbs") and pos_tag(tokens[at + 2]).startswith(
                        (*_NOMINAL_TAGS, "v"))))):
        # (获|批…, 推进|好…: a verb the segmenter cut, not 推进|老|旧|小区…, two adjectives, nor
        # 实施|老|楼|加装…, an adjective and its noun; 推进|粮食 before
        # a count: one word left is as often a noun phrase cut short as the name)
        return tokens
    rest = tokens[at + 1:]
    # (社会|组织: the segmenter may cut the head noun and tag its end a verb)
    if not any(pos_tag(token).startswith(_NOMINAL_TAGS) for token in rest):
        return tokens
    # (组织|实施…, 组织|开展…: two verbs of effort in a row go together)
    if _verb_that_goes(rest[0], words):
        return _without_effort_verb(rest, words)
    # (推动|全市|…机械化率: the scope word the verb stood before goes, as at a name's start)
    leading = _leading_words(frozenset())
    while len(rest) > 2 and rest[0] in leading and rest[1] not in _bound_suffixes():
        rest = rest[1:]
    return rest


def _measure_after_link(tokens: list[str], at: int, words: dict[str, frozenset[str]]) -> bool:
    """Whether the link verb at ``at`` (实现, 完成…) stands between the name's owner and its
    measure: after a noun or a condition (企业|实现|利润总额, 盈亏相抵|后|实现|利润), before a
    noun of two characters or more (…|实现|利润总额), or before a verbal measure the segmenter
    tags a verb, which a change or link word does not end (失业人员|实现|再|就业, 劳动力|实现|
    转移|就业; not …|实现|增长)."""
    # (乡（镇）|共有|卫生院: a bracket that closes a note of the owner closes the owner's noun)
    before = "n" if tokens[at - 1] in _CLOSING_BRACKETS else pos_tag(tokens[at - 1])
    after = tokens[at + 1]
    if not (before.startswith(_NOMINAL_TAGS) or before == "f"):
        return False
    if len(after) > 1 and pos_tag(after).startswith(_NOMINAL_TAGS):
        return True
    rest = tokens[at + 1:]
    return before.startswith(_NOMINAL_TAGS) and pos_tag(rest[-1]).startswith("v") and not (
        words["change"] & set(rest) or words["link"] & set(rest))


_OPENING_BRACKETS, _CLOSING_BRACKETS = frozenset("（("), frozenset("）)")


def unclosed_bracket(text: str, start: int, end: int) -> int:
    """Where the bracket opened between ``start`` and ``end`` that is still open at ``end``
    stands (床位800万张（其中民营医院|…), ``-1`` when none is (most clauses have no bracket).

    >>> unclosed_bracket("县（市、区）开展", 0, 4), unclosed_bracket("县（市、区）开展", 0, 7)
    (1, -1)
    """
    opened = max(text.rfind("（", start, end), text.rfind("(", start, end))
    if opened < 0 or text.find("）", opened, end) >= 0 or text.find(")", opened, end) >= 0:
        return -1
    return opened


def closing_bracket(text: str, start: int, end: int) -> int:
    """The first closing bracket between ``start`` and ``end``, ``-1`` for none."""
    found = [at for at in (text.find("）", start, end), text.find(")", start, end)) if at >= 0]
    return min(found) if found else -1


_MIN_SUBJECT = 3  # characters: 高位|推动, 合力|推动 — a two-character noun before the verb is its manner


def _subject(tokens: list[str]) -> bool:
    """Whether the words before a verb of cues.cause_verbs or cues.agent_verbs are its subject:
    a noun in them, not after a preposition (对|高危人群|开展: whom it is for), and longer than a
    word of manner (高位推动)."""
    return (len("".join(tokens)) >= _MIN_SUBJECT and pos_tag(tokens[0]) != "p"
            and any(pos_tag(token).startswith(_SUBJECT_HEAD_TAGS) for token in tokens))


def _without_subject_verb(tokens: list[str], words: dict[str, frozenset[str]],
                          object_after: bool = False) -> list[str]:
    """The name without a subject's verb that takes a clause: after a cause (…新机制|推动|企业诉求
    |解决率) the object alone is what the figure measures; after an agent (区市县领导|开展|集中办公,
    平台|累计|发布|…) the agent stays as the name's scope and the verb goes, unless the words
    before it are an adverbial (围绕…|开展|职业技能培训). A verb with no subject before it
    (组织开展|专项行动, 全面|开展…) is the report's own action and stays here (a verb of
    effort then goes from the whole name: cues.effort_verbs). With ``object_after``
    the verb may close the tokens: the object is the noun counted after the figure.

    >>> "".join(_without_subject_verb(_tokens("各级领导干部开展现场办公"), _word_sets()))
    '各级领导干部现场办公'
    """
    causes, agents = words["cause_verbs"], words["agent_verbs"]
    last = len(tokens) - (1 if object_after else 2)
    at = next((index for index in range(last, 0, -1)
               if tokens[index] in causes or tokens[index] in agents), 0)
    if not at or not _subject(tokens[:at]):
        return tokens
    rest = tokens[at + 1:]
    # (解决|率, 融合|举措: the segmenter may tag a rate's 率 or a noun a verb; the name tells)
    if rest and not (pos_tag(rest[-1]).startswith(_NOMINAL_TAGS) or rest[-1].endswith(
            _NAME_ENDINGS) or rest[-1] in words["nouns_tagged_verbs"]):
        return tokens
    # (各级|领导: an agent may open with a pronoun of scope, tagged r)
    if tokens[at] in causes or not pos_tag(tokens[0]).startswith((*_NOMINAL_TAGS, "r")):
        return rest
    agent = tokens[:at]
    while len(agent) > 1 and agent[-1] in words["adverbs_before_verbs"]:
        agent = agent[:-1]  # 平台|累计|发布: the adverb of the verb goes with it
    return agent + rest


def _a_division(word: str, places: frozenset[str]) -> bool:
    """Whether a place-like word is a division's name (the region's own or one the scope field
    takes): an area that is none (三峡库区, 雄安新区) stays in a name, the scope of its measure,
    where no field would keep it.

    >>> _a_division("鼓楼区", frozenset()), _a_division("三峡库区", frozenset())
    (True, False)
    """
    if word in places or candidates(word) or word in load_vocabulary().cues.autonomous_divisions or (
            word[:1] in _WHOLE_OR_EACH):
        return True  # (自治区 of a region's own report is the region; 各市县, 全区: all of them)
    base = word.removesuffix(_AREA)  # (北京地区: the region's own, or a division's, area)
    return base != word and (base in places or bool(candidates(base)))


_AREA = "地区"
_WHOLE_OR_EACH = frozenset("各全本我")


def _place_name(tokens: list[str]) -> bool:
    """Whether the place-like word that opens ``tokens`` names a place: 开发区, 示范区, 山区县,
    农牧区 are words in 区/县/市 the lexicon knows as common nouns, a kind of area that is the
    name's own scope (开发区亩均工业增加值); an autonomous division (cues.autonomous_divisions:
    自治区 of a region's own report) is the region (as 全区 is), but not before 级."""
    if tokens[0] in load_vocabulary().cues.autonomous_divisions:
        return tokens[1] != "级"
    return pos_tag(tokens[0]) not in _AREA_KIND_TAGS


_AREA_KIND_TAGS = frozenset({"n", "l"})


# …27.8%和52.6%: never a name; nor 而, 但 opening a clause of contrast (…占60％，而1985年仅占5％)
_INCLUDES = "包括"  # …目标包括…: the items a whole includes, each named by its own words
_BRACKETS_OPEN = frozenset({"（", "("})
_CONJUNCTIONS = frozenset({"和", "及", "与", "以及", "并", "而", "但", "而且", "并且", "但是"})


def _is_verb(tag: str) -> bool:
    """A verb's tag, not a verbal noun's (建设, 运营: vn, nominal)."""
    return tag.startswith("v") and tag != "vn"


# 占全省比重, 占比, 占总人口比重（常住人口城镇化率）, 占地区生产总值的比重: a whole up to its noun
_SHARE_WHOLE = regex.compile(r"占(?:比|[^，,。；;、占]{1,20}?的?(?:比重|比例))")


_ANY_DIGIT = regex.compile(r"[0-9]")


_HAN = regex.compile(r"\p{Han}")


_THING_TAGS = frozenset({"n", "nz", "nr", "nt", "ng", "j", "eng", "m", "q"})


def _change_in(phrase: str) -> bool:
    """A change verb as a word of the phrase (产量增长较快; not 增加值, a noun)."""
    verbs = load_vocabulary().change_verbs
    return any(token in verbs for token in _tokens(phrase))


# a batch of things written right before their count (首批, 第一批, 新一批: a word of their name)
BATCH_WORD = r"(?:首|新一|第[一二三四五六七八九十]{1,3})批"
BATCH = regex.compile(BATCH_WORD)  # (fullmatch: 及|第二批|14项…)
BATCH_AT_END = regex.compile(BATCH_WORD + "$")  # 第一批|12项|重点改革
# what stands between two items of a list of counts or levels (…12个、…5个; 3万亿元、4万亿元)
COUNTS_JOINED = ("、", "，", ",", "和", "及", "与")
_LIST_COMMAS = frozenset("、，,")
_BOUND_WORDS = ("以上", "以下")  # the bound after a level or a size class (省级以上, 亿元以上)


_HAN_WORDS = regex.compile(r"[\p{Han}A-Za-z]+")  # (人口[5: a footnote mark is no part of a name)


_LEVEL = "级"  # 国家级, 省级: a level, as 省级以上 is


def _modifier(word: str) -> bool:
    """国家级, 省级, 民营: a word that qualifies a noun (jieba's b, or a level in 级)."""
    return pos_tag(word) == "b" or (word.endswith(_LEVEL) and len(word) >= 2)


_SUBJECT_HEAD_TAGS = ("n", "j", "eng")  # 免费|开展, 基础设施|全面|提升: no subject ends so


_SHARE_OF_WHOLE = regex.compile(r"占([^，,。；;、占比]{1,20}?)(的?)\s*$")


def named_whole(left: str, index: int) -> str:
    """占财政支出的比重 of …，占当年财政支出的|2.1%: the whole ``left`` names from its 占 at
    ``index`` to its end, as a share's name with its noun (比重); ``""`` when the whole is only
    a place, a time or the same total (占全省总量的, 占全国的) or no whole ends ``left``."""
    found = _SHARE_OF_WHOLE.match(left, index)
    if found is None or is_word(left[index:index + 2]):
        return ""  # (占有率, 占地面积: 占 opens a word, no share's)
    # (占其职工总数的: the pronoun is the part's, the whole is 职工总数)
    written = found.group(1).removeprefix("其")
    if _AREA_WHOLE.fullmatch(written):
        # 占全国的2.1%: the share of the country's, a column apart from the share of the
        # region's own total (服务业增加值占比, of its GDP)
        return f"占{written}{found.group(2)}比重"
    whole = clean_metric(written)[0]
    if not whole or whole in load_vocabulary().cues.generic_names or not _HAN_WORDS.fullmatch(whole):
        return ""
    return f"占{whole}{found.group(2)}比重"


_AREA_WHOLE = regex.compile("全(?:国|省|市|区|州|县|盟|旗|球|世界)")  # 占全国的, 占全省的


# a bracketed note, closed (县级（含县级市）医院, …占19.1%（其中内销…）)
SHARE_NOUN = "占比"  # the share's noun a name that says no share takes (naming/shares.py)
SHARE_VERB = "占"  # …占规上工业的比重: the verb of a share, before its whole
BRACKET_NOTE = regex.compile(r"[（(][^（()）]*[)）]")
CLOSING_QUOTES = "”’」』\""  # the marks that close a quoted name

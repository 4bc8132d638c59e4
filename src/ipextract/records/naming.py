"""Metric names and ``of`` links, by the rules written down in ``corpora/ANNOTATION.md``:
1 the words before the figure, 2 the figure it describes, 3 the noun counted after it, 4 the
data-list label, and the 分别 lists."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import accumulate

import regex

from ..blocks import BULLETS, CLAUSE_BREAK, MAX_REACH, SENTENCE_END, Block
from ..figures import Figure
from ..models import MetricFrom
from ..scanning import GuardedPattern, alternation
from ..vocabulary import load_vocabulary
from ..vocabulary.lexicon import is_word, pos_tag
from .base import (
    _CODE_NOTE,
    _COMPARISON_BASE,
    _COPULAS,
    _ENUMERATION,
    _LEADING_FIGURE,
    _NEW_LEVEL,
    _NOMINAL_TAGS,
    _QUOTES,
    _WORDLIKE,
    BASE_KINDS,
    COMPARISON_VERBS,
    DESCRIBING_KINDS,
    Draft,
    _is_place,
    _is_punctuation,
    _period_pattern,
    _strip_edges,
    _tokens,
    _word_sets,
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
        phrase = phrase[match.end():]
    return phrase


@lru_cache(maxsize=64)
def _national(places: frozenset[str]) -> bool:
    """Whether the document's own region is the country (its places hold 全国)."""
    return not frozenset(load_vocabulary().cues.designation_scopes).isdisjoint(places)


@lru_cache(maxsize=64)
def _longest_first(places: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(places, key=lambda form: (-len(form), form)))


@lru_cache(maxsize=1)
def _trailing_words() -> frozenset[str]:
    """What a metric name never ends with: link, change, qualifier and scope words…"""
    words = _word_sets()
    return (words["link"] | words["change"] | words["qualifier"] | words["scope"]
            | words["growth_nouns"] | words["adverbs"])


@lru_cache(maxsize=64)
def _leading_words(places: frozenset[str]) -> frozenset[str]:
    """What a metric name never starts with: scope words, the document's own places, 和/及…
    (not 全国 of 全国重点实验室 in a province's report: cues.designation_scopes)"""
    designations = frozenset(load_vocabulary().cues.designation_scopes) - places
    return (_word_sets()["scope"] - designations) | places | _CONJUNCTIONS


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
     note_mark, list_note) = _phrase_patterns()
    phrase = period_name.sub("", period.sub("", phrase))  # (…三季度, 1—11月)
    phrase = code_note.sub("", phrase)  # 细颗粒物（PM2.5）年均浓度 → 细颗粒物年均浓度
    phrase = list_note.sub("", phrase)  # 病区县（市、区）数 → 病区县数
    # 按可比价格计算 (the record's basis) and a footnote mark (生产总值[2]) name nothing
    phrase = note_mark.sub("", basis.sub("", phrase))
    phrase = _strip_scope_prefixes(phrase.lstrip("，,、：: "), _national(places))
    quoted_start = phrase[:1] in "“‘\"《「"
    # the document's own region: 武汉知识产权… → 知识产权…; the longest form first (常州市 before
    # 常州), in a fixed order: a set's order changes with the process's hash seed
    forms = _longest_first(places)
    for place in forms if phrase.startswith(forms) else ():  # (most phrases: one call)
        if phrase.startswith(place) and len(phrase) > len(place):
            # (only a place that ends where a word does: 城镇人口 in a report of 城市 keeps 城)
            if len(place) > 1 or _tokens(phrase)[0] == place:
                phrase = phrase[len(place):]
            break
    adverbial = adverbial_pattern.search(phrase)
    if adverbial and adverbial.end() < len(phrase):
        phrase = phrase[adverbial.end():]  # 武汉海关在“龙腾2024”专项行动中扣缴… → 扣缴…
    phrase = _strip_edges(phrase)
    tokens = _tokens(phrase)
    # 公安机关全年立案查处…: a time word inside the phrase ends the subject
    for index in range(len(tokens) - 2, 0, -1):
        if tokens[index] in words["time_scope"]:
            # …全年|立案查处…案件: what follows names the thing; 固定资产投资|今年|要|增长: only
            # verbs follow, and the subject is before the time word
            rest = tokens[index + 1:]
            tokens = tokens[:index] if _names_nothing(rest) else rest
            break
    leading = _leading_words(places)
    while tokens and (tokens[0] in leading or _is_punctuation(tokens[0]) or (
        not quoted_start and len(tokens) > 1 and _is_place(tokens[0])
    )):
        tokens.pop(0)
    while len(tokens) > 1 and tokens[0] in words["adverbs_before_verbs"] and pos_tag(
        tokens[1]
    ).startswith("v"):
        tokens.pop(0)  # 累计受理… → 受理…; 累计访问量 stays whole
    tokens = _without_verbs(tokens)
    while len(tokens) > 1 and tokens[0] in leading:
        tokens.pop(0)  # 预计|全市|数字经济…: the scope word the verb stood before
    trailing = _trailing_words()
    # (稳定|在: the verb before the link word goes with it)
    while tokens and (tokens[-1] in trailing or _is_punctuation(tokens[-1]) or (
            len(tokens) > 1 and tokens[-1] in words["verbs_after_names"])):
        if tokens[-1] in "）)" and "".join(tokens).count("（") + "".join(tokens).count("(") > (
            "".join(tokens[:-1]).count("）") + "".join(tokens[:-1]).count(")")
        ):
            break  # 固定资产投资（不含农户）: the bracket closes a note inside the name
        tokens.pop()
    tokens = _without_subject_verb(tokens, words)  # (after the predicate goes)
    text = _strip_edges("".join(tokens))
    split_oddly = bool(tokens) and not pos_tag(tokens[-1]).startswith(_NOMINAL_TAGS)
    for word in suffixes(words["link"]).matches(text) if split_oddly else ():
        if len(text) > len(word) + 1:
            text = text[: -len(word)]  # 得分为: jieba cut it 得|分为, the link word is still 为
            tokens = _tokens(text)
            while len(tokens) > 1 and tokens[-1] in trailing:
                tokens.pop()  # 办复率|均达: the adverb the link word was glued to goes too
                text = "".join(tokens)
            break
    glued = _GLUED_CHANGE.search(text) if tokens and tokens[-1] not in words["change"] else None
    if glued is not None and glued.start() > 1 and is_word(text[glued.start() - 2:glued.start()]):
        text = text[:glued.start()]  # 生产者|价格下降: jieba glued the change verb to the noun
        tokens = _tokens(text)
    if "比" in text and (compared := _compared_change().search(text)) and compared.start() > 1:
        text = text[:compared.start()]  # 优良天数|同比增加 (one word): the change, no name
        tokens = _tokens(text)
    comparison = comparison_base.search(text) or base_gap.search(text)
    if comparison and comparison.start() > 0:
        text = text[: comparison.start()]
        tokens = _tokens(text)
    if tokens and tokens[-1] in ("等", "等等"):
        return "", "u"
    if not text:
        return "", ""
    return text, pos_tag(tokens[-1]) if tokens else ""


@lru_cache(maxsize=1)
def _phrase_patterns() -> tuple[GuardedPattern, ...]:
    """What ``clean_metric`` cuts from every phrase, each behind the characters its matches
    need: most phrases hold none, and the engine's scan of a short phrase costs more than
    the set test (the two period patterns alone took 5% of clean_metric's time)."""
    return tuple(GuardedPattern(pattern) for pattern in (
        _period_pattern(), _period_name(), _CODE_NOTE, _adverbial_pattern(), _COMPARISON_BASE,
        _BASE_GAP, regex.compile(load_vocabulary().cues.basis_in_names_pattern or r"(?!)"),
        _NOTE_MARK, _LIST_NOTE))


@lru_cache(maxsize=1)
def _compared_change() -> regex.Pattern[str]:
    """同比增加, 环比下降 at a name's end: a change against a base, which the segmenter may
    keep as one word (so no change verb is stripped as a word of its own)."""
    cues = load_vocabulary().cues
    return regex.compile("(?:" + alternation(cues.compared_with) + ")(?:"
                         + alternation(load_vocabulary().change_verbs) + ")$")


# A change verb of direction at a name's end (价格下降, 价格上涨: one jieba word); not 增长,
# which ends names of their own (经济增长)
_GLUED_CHANGE = regex.compile(r"(?:下降|上涨|下跌|回落|上升)$")
_NOTE_MARK = regex.compile(r"[\[［〔][0-9]{1,2}[\]］〕]")  # 生产总值[2], 常住人口［1］: a footnote
# A bracket that lists what a name covers (（包括股票、债券）, 县（市、区）, and with ， for 、 as
# some writers have it): a note, not the name's words; a note of what the figure leaves out or
# takes in (（不含农户）, （不含农户，下同）, （含助理）) stays
_LIST_NOTE = regex.compile(r"[（(](?!不?含|不包括)[^（）()]*[、，,][^（）()]*[）)]")


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


def _names_nothing(tokens: list[str]) -> bool:
    """Only predicate words, or only verbs that do not end as a name does (合肥中欧班列|全年|
    发运 names nothing after the time word; 年内|交付|率 ends as a rate's name)."""
    if _only_predicate(tokens):
        return True
    words = _predicate_words()
    content = [token for token in tokens if token not in words]  # (发运|突破: 突破 is a link)
    # (发运 alone is a verbal noun used as the verb; 发出|预警: the object names the count)
    return bool(content) and not "".join(content).endswith(_NAME_ENDINGS) and not any(
        pos_tag(token).startswith(_SUBJECT_HEAD_TAGS) for token in content) and not any(
        pos_tag(token) == "vn" for token in content[1:])


def _without_verbs(tokens: list[str]) -> list[str]:
    """The name's words without the verbs around it (cues.toml verbs_before_names, …):
    力争|外贸|进出口总额 → 外贸进出口总额, 规模以上|工业|企业|实现|利润总额 → …企业利润总额,
    就业率|保持 → 就业率. A verb goes only next to a noun (研发|投入 keeps 投入: it ends the name).

    >>> _without_verbs(["规模以上", "工业", "企业", "实现", "利润总额"])
    ['规模以上', '工业', '企业', '利润总额']
    """
    words = _word_sets()
    while len(tokens) > 1 and (tokens[0] in words["plan_verbs_before_names"] or (
            tokens[0] in words["verbs_before_names"]
            and (pos_tag(tokens[1]).startswith(_NOMINAL_TAGS) or len(tokens) > 2 and "".join(
                tokens[1:]).endswith(load_vocabulary().cues.measure_endings)))):
        # (实现|保费|收入: a measure named after the verb, whatever its tags; not 实现|收入,
        # where the verb is all that tells the measure from a bare word)
        tokens = tokens[1:]
    if len(tokens) > 2:
        inside = words["verbs_inside_names"]
        tokens = [token for index, token in enumerate(tokens)
                  if not (0 < index < len(tokens) - 1 and token in inside
                          and pos_tag(tokens[index - 1]).startswith(_NOMINAL_TAGS)
                          and len(tokens[index + 1]) > 1
                          and pos_tag(tokens[index + 1]).startswith(_NOMINAL_TAGS))]
    while len(tokens) > 1 and tokens[-1] in words["verbs_after_names"]:
        tokens = tokens[:-1]
    return tokens


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
    (组织开展|专项行动, 全面|开展…) is the report's own action and stays. With ``object_after``
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


_CONJUNCTIONS = frozenset({"和", "及", "与", "以及", "并"})  # …27.8%和52.6%: never a name
_SHORT_NAME = 8  # characters: a noun phrase this short that ends its clause is read whole


@lru_cache(maxsize=1 << 14)  # pure, and reports repeat their phrases
def _right_noun(text: str) -> str:
    """Rule 3: the noun phrase after a measure word (6家|中华老字号|入选 → 中华老字号).

    A verb inside it is kept when a single noun closes the clause after it (示范|企业,
    支持|票据) and ends it otherwise (入选|新一批…, 签订|战略合作协议); 和/与/及 between two
    nouns joins them (国家|和|地区)."""
    text = _LEADING_FIGURE.sub("", text)
    word_sets = _word_sets()
    predicate = word_sets["predicate_nouns"]
    quoted = _QUOTED_OPENING.match(text) if text[:1] in _OPENING_QUOTES else None
    if quoted is not None:
        # 5家|“小巨人”|企业入选…, 12项|“一件事一次办”|落地见效: the quoted name with the nouns
        # right after it; a verb, or a word of the predicate the segmenter tags a noun (落地,
        # 全部), ends it; verbs before the first noun qualify it (“两山”|实践创新|基地)
        words: list[str] = []
        nouns = 0  # how many of the taken words are nouns
        for token in _tokens(text[quoted.end():quoted.end() + _SHORT_NAME]):
            if not _WORDLIKE.match(token) or token in predicate:
                break
            tag = pos_tag(token)
            if not tag.startswith(_NOMINAL_TAGS) and (nouns or not tag.startswith("v")):
                break
            words.append(token)
            nouns += tag.startswith(_NOMINAL_TAGS)
        while words and not pos_tag(words[-1]).startswith(_QUOTED_HEADS):
            words.pop()  # (享誉|海内外: a verb and a place are no head of the name)
        return quoted.group(1) + "".join(words)
    tokens: list[str] = []
    closed = True  # the tokens run to the end of the clause (not to another figure)
    for token in _tokens(text[:24]):
        if token[0] in SENTENCE_END or token[0] in CLAUSE_BREAK:
            break
        if not _WORDLIKE.match(token):
            closed = False
            break
        tokens.append(token)
    if closed and tokens and len("".join(tokens)) <= _SHORT_NAME and (
        pos_tag(tokens[-1]).startswith(_NOMINAL_TAGS) or len(tokens[-1]) == 1
    ) and predicate.isdisjoint(tokens):
        return "".join(tokens)  # …、2680个提档升级村。: a short noun phrase closing the clause
    taken: list[str] = []
    for index, token in enumerate(tokens):
        tag = pos_tag(token)
        following = pos_tag(tokens[index + 1]) if index + 1 < len(tokens) else ""
        inner_numeral = tag in ("m", "q") and index + 1 < len(tokens) and not token.isdigit()
        modifier = tag == "a" and following.startswith(_NOMINAL_TAGS)  # 友好|合作伙伴
        # 9个|县|获评…, 13个|县|被命名为…: a generic noun the segmenter tags zg, before the
        # predicate _with_predicate keeps (not 县（市、区）, 村（居）委会: a longer noun)
        generic = token in word_sets["generic_counted"] and (
            following == "v" or tokens[index + 1:index + 2] == ["被"])  # (not 县|建设 vn)
        nominal = (tag.startswith(_NOMINAL_TAGS) or tag == "x" or inner_numeral or modifier
                   or generic or token in word_sets["nouns_tagged_verbs"]) and (
            token not in predicate)  # (民生实事|全部|完成; 升级|举措)
        joins_nouns = bool(taken) and token in ("和", "与", "及") and following.startswith(_NOMINAL_TAGS)
        # (示范|企业: one noun after a verb closes the clause; 出行|便利化|措施: a compound)
        verb_in_name = tag.startswith("v") and bool(taken) and closed and (
            index == len(tokens) - 2 and following.startswith(_NOMINAL_TAGS)
            or _compound_goes_on(tokens, index, word_sets["outside_compounds"])
            # 企业|数字化|改造, 家庭|适老化|改造: after a noun in 化 the verb that closes the
            # clause is the change made (a compound of its own), not what the counted did
            or index == len(tokens) - 1 and len(token) > 1 and taken[-1].endswith("化"))
        if nominal or joins_nouns or verb_in_name:
            taken.append(token)
        else:
            break
    return "".join(taken)


def _compound_goes_on(tokens: list[str], index: int, outside: frozenset[str]) -> bool:
    """Whether the verbs from ``index`` on are inside a compound noun: nouns after them close
    the clause (京津|出行|便利化|措施, 社区|停车|综合治理|项目). A verb that says what the counted
    did (案件|入选|…典型案例, 保护中心|签订|战略合作协议: cues.predicate_verbs) or that takes a
    clause (带动, 推动: cues.clause_verbs) is no word of a compound, and a clause that ends in a
    verb (…获|国家|支持, …示范村|创建, 家庭|适老化|改造) is not read: a verb after nouns is as
    often a predicate as the action done to them."""
    end = len(tokens)
    at = index
    while at < end and _is_verb(pos_tag(tokens[at])) and tokens[at] not in outside:
        at += 1
    nouns = at
    while nouns < end and pos_tag(tokens[nouns]).startswith(_NOMINAL_TAGS):
        nouns += 1
    # (基地|提|质|升级: verbal nouns and stray characters alone after the verbs are the
    # predicate, not a compound's head)
    return at > index and nouns == end and any(
        pos_tag(token) != "vn" and len(token) > 1 for token in tokens[at:])


def _is_verb(tag: str) -> bool:
    """A verb's tag, not a verbal noun's (建设, 运营: vn, nominal)."""
    return tag.startswith("v") and tag != "vn"


_OPENING_QUOTES = "“‘「"
_QUOTED_HEADS = ("n", "nz", "vn", "ng", "j", "eng")  # not s, ns, nr: a place or a person
# A quoted name opening the words after a count (“专精特新”企业, “一件事”落地): the quotes
# hold no clause mark and no figure of their own
_QUOTED_OPENING = re.compile(r"[“‘「]([^”’」“‘「，。；：、0-9]{1,20})[”’」]")


# (a class of literal characters: on the standard engine, whose call costs half of regex's)
_CLAUSE_END = re.compile("[" + re.escape(SENTENCE_END + CLAUSE_BREAK + BULLETS) + " ]")


def _clause_end(block: Block, offset: int) -> int:
    """Where the clause that ``offset`` stands in ends, looking no further than MAX_REACH (a
    block with no punctuation must not make every figure read to its end)."""
    limit = min(len(block.text), offset + MAX_REACH)
    found = _CLAUSE_END.search(block.text, offset, limit)
    return found.start() if found else limit


# 占全省比重, 占比, 占总人口比重（常住人口城镇化率）, 占地区生产总值的比重: a whole up to its noun
_SHARE_WHOLE = regex.compile(r"占(?:比|[^，,。；;、占]{1,20}?的?(?:比重|比例))")


# (not cached: a few string searches, where a cache keyed by every figure's left text found a
# fifth of them again on a first pass over the real work reports and kept 7,500 entries alive)
def _cut_comparison(own: str, kind: str, places: frozenset[str]) -> str:
    """For a share or multiple, the words from 占/是/接近… on name the whole, not the metric."""
    if kind == "share":
        index = own.rfind("占")
        if index < 0:
            return own
        part = own[:index]
        # 县域经济总量占全省比重达: a share with its part named is named with its whole (the
        # share of what in what); 占全市总量的57.67% alone names nothing of its own
        return own if clean_metric(part, places)[0] and _SHARE_WHOLE.match(own, index) else part
    cues = load_vocabulary().cues
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
        if stripped.startswith(cues.comparison_openers + cues.comparison_verbs + cues.compared_with):
            # 比常规审查程序缩短约70%, 高于全省平均2.1个百分点: the words name what it is
            # compared with
            return ""
    return own


# An item of a 分别 list written with ， (城镇，农村居民分别…): a short name, which may open with
# a count of its own (6条重点产业链，18个特色专业镇营业收入分别增长…) or a digit of a name (5G基站)
_SHORT_ITEM = regex.compile(r"^(?:[0-9.]+[万亿千]?)?(?:[^0-9。：:；;%]|[0-9](?=[A-Za-z])){1,16}$")


_PAIRS = (("“", "”"), ("‘", "’"), ("《", "》"), ("（", "）"), ("(", ")"))


def _unbalanced(piece: str) -> bool:
    """万亿壮大”行动: the end of a quoted name cut at a comma inside it, not an item."""
    return any(piece.count(left) != piece.count(right) for left, right in _PAIRS)


def _list_item(part: str, places: frozenset[str]) -> str:
    """The name one item of a 分别 list gives (its own count left out: 6条重点产业链 → 重点产业链;
    "" for 家具类等, which names no one item)."""
    return clean_metric(_LEADING_FIGURE.sub("", part), places)[0]


def _respectively_items(left: str, places: frozenset[str], wanted: int = 0) -> list[str]:
    """其中，发明专利、实用新型、外观设计分别为… → the items the figures take in order ("" for an
    item that names no one thing, such as 家具类等). Items written with ， instead of 、
    (城镇，农村居民…分别增长) are taken in too, short ones only, while fewer items than the
    ``wanted`` figures are found. When the items and the figures do not pair off one to one
    (酒、饮料和精制茶制造业 is one item; a short clause before a ，-list may be one more), no
    item is given: a name on the wrong figure is worse than none."""
    cues = load_vocabulary().cues
    for word in cues.respectively:
        index = left.rfind(word)
        if index > 0:
            whole = left[:index]
            cut = max(whole.rfind("，"), whole.rfind("："), whole.rfind("。"))
            subject = whole[cut + 1:]
            items = [_list_item(part, places)
                     for part in _enumeration_parts(subject, cues.enumeration_separators)]
            while cut > 0 and whole[cut] == "，":
                previous_cut = max(whole.rfind("，", 0, cut), whole.rfind("：", 0, cut),
                                   whole.rfind("。", 0, cut))
                piece = whole[previous_cut + 1:cut]
                item = _list_item(piece, places)
                if not _SHORT_ITEM.match(piece) or _change_in(piece) or _unbalanced(piece) or not (
                    item or piece.endswith("等")
                ):
                    break  # a clause of its own (产量增长较快), or 其中: the list starts after it
                if len(items) >= wanted or len(
                        _distributed(items, wanted, cues.distributive_words)) >= wanted:
                    break  # (…标准，城乡低保平均标准分别: 城乡 stands for the two items)
                items.insert(0, item)
                cut = previous_cut
            items = _distributed(items, wanted, cues.distributive_words)
            if len(items) > 1:
                items = _shared_words(items)
            measure = _measure_after(left[index + len(word):])
            if measure:
                # 交通、能源、水利分别完成投资x、y、z: the measure written after 分别 is each
                # item's (能源投资), unless the item names a measure of its own
                endings = cues.measure_endings + _NAME_ENDINGS
                items = [item + measure if item and not item.endswith(endings) else item
                         for item in items]
            if wanted > 1 and len(items) != wanted:
                return []
            return items if any(items) else []
    return []


_ANY_DIGIT = regex.compile(r"[0-9]")
_HAN = regex.compile(r"\p{Han}")


def _measure_after(text: str) -> str:
    """投资 of 分别|完成|投资|3252亿元: a measure noun (cues.measure_nouns) after a verb, between
    分别 and the first figure; ``""`` when only verbs stand there (分别增长, 分别达到)."""
    digit = _ANY_DIGIT.search(text)
    tokens = _tokens(text[: digit.start() if digit else len(text)].strip("，,、 "))
    measures = load_vocabulary().cues.measure_nouns
    return tokens[-1] if len(tokens) >= 2 and tokens[-1] in measures and _is_verb(
        pos_tag(tokens[-2])) else ""


@lru_cache(maxsize=16)
def _separator_split(separators: tuple[str, ...]) -> tuple[regex.Pattern[str], frozenset[str]]:
    marks = [s for s in separators if not _HAN.search(s)]
    return (regex.compile("|".join(regex.escape(s) for s in marks) or r"(?!)"),
            frozenset(s for s in separators if _HAN.search(s)))


def _enumeration_parts(subject: str, separators: tuple[str, ...]) -> list[str]:
    """The items of an enumeration: split at its marks (、) anywhere, at its words (和, 及,
    与) only where they stand as words (普及率 and 参与率 hold 及 and 与).

    >>> _enumeration_parts("农村自来水、户用卫生厕所普及率", ("、", "和", "及"))
    ['农村自来水', '户用卫生厕所普及率']
    """
    marks, words = _separator_split(separators)
    parts: list[str] = []
    for piece in marks.split(subject):
        if not any(word in piece for word in words):
            parts.append(piece)
            continue
        current = ""
        for token in _tokens(piece):
            if token in words and current:
                parts.append(current)
                current = ""
            else:
                current += token
        parts.append(current)
    return parts


def _rate_of_an_action(word: str) -> bool:
    """普及率, 覆盖率, 达标率: the rate of something done, which each item of a list before it
    can have (农村自来水、户用卫生厕所普及率); not 利润率, the rate of a noun of its own. (jieba
    tags 普及 ns: a stem that is no noun of a thing is taken as the action.)"""
    return len(word) >= 3 and word.endswith("率") and is_word(word[:-1]) and (
        pos_tag(word[:-1]) not in _THING_TAGS)


_THING_TAGS = frozenset({"n", "nz", "nr", "nt", "ng", "j", "eng", "m", "q"})


def _bare_measure(item: str) -> bool:
    """死亡人数, 受伤人数: a verb and the measure of it, with no noun saying of what."""
    tokens = _tokens(item)
    return (len(tokens) == 2 and pos_tag(tokens[0]).startswith("v")
            and pos_tag(tokens[1]).startswith(_NOMINAL_TAGS) and tokens[1].endswith(_NAME_ENDINGS))


def _shared_words(items: list[str]) -> list[str]:
    """Words a 、-list writes once for all its items: a rate of an action after the last
    (农村自来水、户用卫生厕所普及率 → 农村自来水普及率) and the modifier before the first
    measure (生产安全事故起数、死亡人数 → 生产安全事故死亡人数). An item that ends as a name of
    its own keeps it, and so does a measure that shares words with the modifier (进出口总额、
    出口额: 出口额 is a name of its own)."""
    head = _tokens(items[-1])[-1] if items[-1] else ""
    if _rate_of_an_action(head) and items[-1] != head:
        items = [item + head if item and not item.endswith(_NAME_ENDINGS)
                 and _HAN_WORDS.fullmatch(item) else item for item in items[:-1]] + [items[-1]]
    first = _tokens(items[0]) if items[0] else []
    if len(first) >= 2 and first[-1].endswith(_NAME_ENDINGS) and all(
            pos_tag(token).startswith(_NOMINAL_TAGS) for token in first):
        modifier = "".join(first[:-1])
        items = [items[0]] + [modifier + item if _bare_measure(item) and not (
            set(item) & set(modifier)) else item for item in items[1:]]
    owner = _owner_of_measure(first)
    if owner and all(_measure_word(item) for item in items[1:]):
        # 国内游客|人次、总花费 → 国内游客总花费: bare measures after the first item are of the
        # owner the first names (not where an item names its own, 原油加工量、天然气产量、发电量;
        # not 出口额 after 进出口总额: it shares the owner's words)
        items = [items[0]] + [item if set(item) & set(owner) else owner + item
                              for item in items[1:]]
    return items


def _measure_word(item: str) -> bool:
    """总花费, 利润总额, 经营收入, 旅游收入, 死亡人数: a measure with no owner of its own — one
    word ending as a measure does, a word that qualifies or acts before one (总|花费, 旅游|收入),
    or a measure noun of cues.measure_nouns."""
    cues = load_vocabulary().cues
    if not item or not item.endswith(cues.measure_endings + _NAME_ENDINGS):
        return False
    if item in cues.measure_nouns:
        return True
    tokens = _tokens(item)
    return len(tokens) == 1 or len(tokens) == 2 and pos_tag(tokens[0]) in ("b", "v", "vn")


def _owner_of_measure(tokens: list[str]) -> str:
    """国内游客 of 国内游客|人次, 规模以上工业企业 of …|营业|收入, 重点景区 of 重点|景区|接待|游客|
    人次 (the verb phrase before the measure is the first item's own): the words before the
    item's measure, ``""`` when it has no measure or no noun owner."""
    if _measure_word("".join(tokens)):
        return ""  # (营业|收入 is a measure whole: 营业 owns nothing)
    cut = next((at for at in range(1, len(tokens)) if _measure_word("".join(tokens[at:]))), 0)
    owner = tokens[:cut]
    if not _word_sets()["clause_verbs"].isdisjoint(owner):
        return ""  # (旅发大会|带动|游客|人数: whose the measures are is not said plainly)
    verbs = [at for at, token in enumerate(owner) if _is_verb(pos_tag(token))]
    if verbs and verbs[-1] > 0:
        owner = owner[:verbs[-1]]  # …景区|接待|游客: the visitors received are the first's
    if not owner or not pos_tag(owner[-1]).startswith(_SUBJECT_HEAD_TAGS) or len(
            "".join(owner)) < _MIN_SUBJECT - 1:
        return ""
    return "".join(owner)


def _distributed(items: list[str], wanted: int,
                 distributive: dict[str, tuple[str, ...]]) -> list[str]:
    """The items of a 分别 list with their shared words given to each: one word that stands
    for several items (城乡居民收入 → 城镇居民收入, 农村居民收入, when the figures are as many),
    and bare words parallel to the first word of the last item, which carries the head for all
    (城镇、农村居民人均可支配收入; 国有、民营企业营业收入). A first item that is a name of its
    own (高新技术企业、科技型中小企业) is not parallel to a word of the last.

    >>> _distributed(["城镇", "农村居民人均可支配收入"], 2, {})
    ['城镇居民人均可支配收入', '农村居民人均可支配收入']
    """
    if len(items) == 1 and wanted > 1:
        for word, parts in distributive.items():
            if items[0].startswith(word) and len(parts) == wanted:
                rest = items[0][len(word):]
                return [part + rest for part in parts]
        return items
    if len(items) < 2:
        return items
    last = items[-1]
    first_word = _tokens(last)[0] if last else ""
    result = []
    for item in items[:-1]:
        # the last item opens with a word of the bare item's kind (农村|居民…, 民营|企业…), and
        # the bare item takes the rest of that word as the other takes it (国有企业, not
        # 汽车金属 from 有色金属行业)
        opening = last[:len(item)]
        rest_of_word = first_word[len(item):]
        parallel = (0 < len(item) < len(last) - 1 and opening != item and len(_tokens(item)) == 1
                    and len(first_word) >= len(item) and is_word(opening)
                    and pos_tag(opening) == pos_tag(item) and pos_tag(item).startswith(_NOMINAL_TAGS)
                    and (not rest_of_word or is_word(item + rest_of_word)))
        head = last[len(item):]
        head = head.removeprefix("等")  # 食品、…信息等产业增加值
        if not parallel and len(_tokens(item)) == 1 and pos_tag(item) == "b":
            # 刑事、治安案件; 国家级、省级开发区: a word that only qualifies (区别词) is no name
            # alone, and takes the head the last item's qualifier stands before
            head = _head_after_qualifier(last)
            parallel = bool(head)
        result.append(item + head if parallel else item)
    return [*result, last]


def _head_after_qualifier(name: str) -> str:
    """开发区 in 省级|开发区, 案件 in 治安案件 (one word made of two): the head after the first
    word, ``""`` when the name is one word that splits into no two.

    >>> _head_after_qualifier("省级开发区"), _head_after_qualifier("治安案件")
    ('开发区', '案件')
    """
    tokens = _tokens(name)
    if len(tokens) > 1:
        return "".join(tokens[1:])
    return next((name[at:] for at in range(2, len(name) - 1)
                 if is_word(name[:at]) and is_word(name[at:])), "")


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


_MAX_PREDICATE = 16  # characters of a generic noun's predicate kept in its name
# (开设知识产权硕士、博士专业: a 、 between words is inside the predicate, before a count it is not)
_PREDICATE_END = re.compile(r"[。！？；;，,：:\s]|、(?=[0-9０-９一二三四五六七八九十两])")


def _with_predicate(noun: str, right: str) -> str:
    """企业 + 上榜中国民营企业500强: a generic noun counted, with the verb phrase after it in
    its clause (what the counted did), or the noun alone when no verb follows.

    >>> _with_predicate("项目", "个项目建成投用。")
    '项目建成投用'
    """
    at = right.find(noun, 0, len(noun) + 4)
    if at < 0:
        return noun
    end = _PREDICATE_END.search(right, at + len(noun))
    rest = right[at + len(noun): end.start() if end else len(right)]
    tokens = _tokens(rest[:_MAX_PREDICATE])
    if not tokens or not (pos_tag(tokens[0]).startswith("v") or tokens[0] == "被"):
        return noun  # (县|被命名为…: a passive predicate is one too)
    predicate = rest[:_MAX_PREDICATE]
    kept = _strip_edges(predicate)
    if predicate.endswith(("%", "‰")) and predicate.startswith(kept):
        kept = predicate[:len(kept) + 1]  # 进入ESI全球前1%: the sign is the name's, no edge
    return noun + kept


@lru_cache(maxsize=1 << 14)  # pure, and reports repeat their phrases
def words_after(right: str) -> str:
    """The rest of the clause after a figure, without another figure in it."""
    return _strip_edges(_LEADING_FIGURE.sub("", right))[:16]


@lru_cache(maxsize=1 << 14)  # pure, and reports repeat their phrases
def _action_verb(left: str) -> str:
    """A lone verb of action before a number that opens its clause (完成23批次, 实现…):
    rule 1 strips it as a link word, rule 3 keeps it before the counted noun."""
    tokens = _tokens(_strip_edges(left))
    cues = load_vocabulary().cues
    if len(tokens) == 1 and pos_tag(tokens[0]).startswith("v") and tokens[0] not in _COPULAS and (
            tokens[0] not in cues.verbs_after_names
            and not tokens[0].endswith(cues.level_after_change)):  # (增至: a from-to's verb)
        return tokens[0]
    return ""


def _metric(figure: Figure, kind: str, left: str, right: str, previous: Draft | None,
            enumerated: bool, places: frozenset[str], tail: str = "") -> tuple[str, MetricFrom]:
    """Rules 1 and 3: the indicator named before the figure, or the noun counted after it;
    with how the name was found (``before``, ``after``, ``previous``)."""
    own, own_tag = clean_metric(_cut_comparison(left, kind, places), places)
    own = _after_examples(own)
    if kind == "rank":
        own = _without_ranking_scope(own)
        growth, bare = _ranked_growth(left, places)
        if bare:
            own = ""  # 、提升幅度居全省第1: the growth of the figure before (named with it below)
        elif own and growth and not own.endswith(growth):
            own += growth  # 规上工业增加值增幅居全国第7位: the growth is what is ranked
    if kind == "share" and "占" in own:
        if own.endswith("占") and "占比" in left:
            own += "比"  # 产量占比达到: the cleaning read 比 as a comparison's, the share's noun
        share_noun = _SHARE_WHOLE.search(own)
        if share_noun is not None:
            own = own[:share_noun.end()]  # 占比达, 占比持续保持: the predicate after the noun goes
    if own and kind in DESCRIBING_KINDS and _COMPARISON_BASE.fullmatch(own):
        own = ""
    words = _word_sets()
    if own in words["verbs_after_names"] or own in words["verbs_before_names"] or (
            own in words["plan_verbs_before_names"]):
        own = ""  # …712亿斤，连续五年|稳定在700亿斤; 实现|三季度增长4.6%: no name
    ends_with_verb = bool(own) and own_tag.startswith("v")
    single_verb = ends_with_verb and len(_tokens(own)) == 1
    if single_verb and own.endswith(load_vocabulary().cues.level_after_change):
        own = ""  # 从6.1万元|增至|8.4万元: the verb of a from-to names nothing
        ends_with_verb = single_verb = False
    if kind == "duration" and own in load_vocabulary().cues.duration_openers:
        own, own_tag = "", ""  # 时隔12年|再次举办…: the years are named by what follows them
    if kind == "duration" and (not own or (single_verb or not own_tag.startswith(_NOMINAL_TAGS))
                               and len(_tokens(own)) == 1) and words_after(right):
        return words_after(right), "after"  # 连续7年保持上升态势, 时隔4年在汉单位再次摘金
    if not own and kind in BASE_KINDS:
        own = _action_verb(left)  # 完成23批次…: an action verb kept before the noun
        ends_with_verb = single_verb = bool(own)
    noun = ""
    if (figure.kind == "count" and figure.unit) or kind == "rank" or (
        kind in BASE_KINDS and (single_verb or not own)
    ):
        noun = _right_noun(right)
    if len(noun) == 1 and figure.unit and is_word(figure.unit[-1] + noun):
        noun = ""  # 集中办公69场|次: the rest of the unit 场次, no noun counted
    if noun:
        cues = load_vocabulary().cues
        if noun in cues.generic_counted_nouns:
            noun = _with_predicate(noun, tail or right)  # 14家企业|上榜…
        if ends_with_verb and own.startswith(cues.effort_adverbs):
            return noun, "after"  # 加快建设|6个|省级区域医疗中心: a plan's wording
        if ends_with_verb and (own_tokens := _tokens(own))[-1] in load_vocabulary().cues.clause_verbs:
            # 省级层面|发布|45条|融合举措 → 省级层面融合举措; …新机制|推动|7户|平台 → 平台
            kept = "".join(_without_subject_verb(own_tokens, words, object_after=True))
            if kept != own:
                return kept + noun, "after"
        if not ends_with_verb and _purpose_of(own):
            return own + noun, "after"  # 实施|优化|营商环境|21条|升级举措: what the measures are for
        return (own + noun if ends_with_verb else noun), "after"
    if previous is not None and previous.figure.unit == figure.unit and kind == previous.kind:
        if not own and (enumerated or kind == "rank" or _NEW_LEVEL.match(left)):
            return previous.metric, "previous"  # 第13位、全国第5位
        if ends_with_verb and kind in BASE_KINDS and not _names_something(own):
            # 省级运营中心9家，新增4家: an action alone takes the previous figure's noun; not
            # 城镇新增就业…，农村劳动力转移就业… (a name of its own that ends in a verb). The
            # action takes the place of the verbs the noun opens with (制定修改规章45件，其中
            # 新制定20件 → 新制定规章)
            return own + _without_leading_verbs(previous.metric), "previous"
    return own, "before"


def _purpose_of(phrase: str) -> bool:
    """实施|优化|营商环境, 出台|促进|消费: an action verb, then a verb and its object — the
    purpose of the things counted after the figure, a part of their name."""
    tokens = _tokens(phrase)
    # (优化 is tagged vn: a verb that opens an object is a verb here)
    return len(tokens) >= 3 and _is_verb(pos_tag(tokens[0])) and pos_tag(tokens[1]) in (
        "v", "vn") and all(pos_tag(token).startswith(_NOMINAL_TAGS) for token in tokens[2:])


def _without_leading_verbs(name: str) -> str:
    """规章 of 制定修改规章: the name without the verbs it opens with (the whole name when it is
    all verbs)."""
    tokens = _tokens(name)
    at = 0
    while at < len(tokens) - 1 and _is_verb(pos_tag(tokens[at])):
        at += 1
    return "".join(tokens[at:])


_MIN_AFTER_EXAMPLES = 4  # characters: 等零售额, 等机构 are too bare to stand for the whole


def _after_examples(name: str) -> str:
    """风电、生物质发电等可再生能源发电量: what stands before 等 are examples of the name after
    it (a name of its own words; a 分别 list's items are read elsewhere)."""
    if "等" not in name:
        return name
    tokens = _tokens(name)
    closing = next((at for at in range(len(tokens) - 2, 0, -1) if tokens[at] in ("等", "等等")), 0)
    rest = "".join(tokens[closing + 1:])
    if closing and pos_tag(tokens[closing - 1]).startswith(_NOMINAL_TAGS) and len(
            rest) >= _MIN_AFTER_EXAMPLES and rest not in load_vocabulary().cues.generic_names and (
            pos_tag(tokens[-1]).startswith(_NOMINAL_TAGS)):  # (not 等|开工建设和筹集, 等|应用落地)
        return rest
    return name


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
    before = (left[: matches[-1].start()] if matches else left).rstrip("，,、 ")
    noun = next((noun for noun in load_vocabulary().cues.growth_nouns if before.endswith(noun)), "")
    return noun, bool(noun) and not clean_metric(before[: -len(noun)], places)[0]


def _names_something(phrase: str) -> bool:
    """A noun in the phrase (残疾人新增就业), not only verbs and modifiers (新增, 再新增)."""
    return any(pos_tag(token).startswith(_NOMINAL_TAGS) for token in _tokens(phrase))


@dataclass(slots=True)  # not frozen: a frozen __init__ sets each field through object.__setattr__
class _Words:
    """The text around one figure in its block: what the naming and kind rules read."""

    left: str  # from the clause start (or the previous figure) to the figure
    clause: str  # from the clause start to the figure
    right: str  # from the figure to the clause end
    enumerated: bool  # only 、/和/及 stand between this figure and the previous one
    tail: str = ""  # the text after the figure past a 、 (a generic noun's predicate may go on)


_LIST_GOES_ON = regex.compile(r"(?:、|和|及|与)-?[0-9]")


@lru_cache(maxsize=1)
def _change_before() -> regex.Pattern[str]:
    """A change verb right before a figure (下降74.58%)."""
    return regex.compile(alternation(load_vocabulary().change_verbs) + "了?$")


def _change_in(phrase: str) -> bool:
    """A change verb as a word of the phrase (产量增长较快; not 增加值, a noun)."""
    verbs = load_vocabulary().change_verbs
    return any(token in verbs for token in _tokens(phrase))


def _enumerates(block: Block, previous: Figure, between: str, figure: Figure) -> bool:
    """Whether ``between`` (the text from the previous figure to this one) joins the two
    figures into one list: 、/和/及, or a comma after a figure whose clause says 分别 (分别增长
    4.4%，5.9% is written with 、 or ， alike), or a comma before a figure that is a whole
    clause by itself (下降17.6%，11.6%。: a bare figure can only go on the list before it), or
    a bare figure the list goes on after (19.6%，27.8%和52.6%), or a bare figure that a
    的-phrase takes right after a change (下降74.58%，73.63%的基础上: 、 or ， alike)."""
    if _ENUMERATION.fullmatch(between):
        return True
    if between.strip() not in ("，", ","):
        return False
    after = block.text[figure.lend:figure.lend + 1]
    if after == "" or after in SENTENCE_END or after in "，,；;":
        return True
    if after in "、和及与" and _LIST_GOES_ON.match(block.text, figure.lend):
        return True  # 19.6%，27.8%和52.6%: the list goes on after the bare figure
    if after == "的" and previous.unit == figure.unit and _change_before().search(
        block.text, max(0, previous.lstart - 4), previous.lstart
    ):
        return True  # 在双下降74.58%，73.63%的基础上: a bare figure right after a change
    clause = block.text[block.clause_start(previous.lstart): previous.lstart]
    return any(word in clause for word in load_vocabulary().cues.respectively)


_TAIL = 40  # characters after a figure that a generic noun's predicate is looked for in


def _bracketed_clause_start(block: Block, start: int, end: int) -> int:
    """The clause start before a bracket the clause mark at ``start`` stands in (直接融资（包括
    股票、债券）1250亿元: the 、 of the list note ends no clause), else ``start``."""
    text = block.text
    closing = text.count("）", start, end) + text.count(")", start, end)
    if not closing or closing <= text.count("（", start, end) + text.count("(", start, end):
        return start
    reach = max(0, start - MAX_REACH)
    opening = max(text.rfind("（", reach, start), text.rfind("(", reach, start))
    return block.clause_start(opening) if opening >= 0 else start


def _words_around(block: Block, figures: list[Figure], position: int) -> _Words:
    figure = figures[position]
    previous = figures[position - 1] if position else None
    clause_start = block.clause_start(figure.lstart)
    text = block.text
    if text.find("）", clause_start, figure.lstart) >= 0 or text.find(
            ")", clause_start, figure.lstart) >= 0:  # (most clauses close no bracket)
        clause_start = _bracketed_clause_start(block, clause_start, figure.lstart)
    left_start = max(clause_start, previous.lend) if previous is not None else clause_start
    between = block.text[previous.lend: figure.lstart] if previous is not None else None
    clause = block.text[clause_start: figure.lstart]
    left = block.text[left_start: figure.lstart]
    if left.endswith("等") and left_start == clause_start and _HAN.match(text, figure.lend) and (
            _right_noun(text[figure.lend:_clause_end(block, figure.lend)])):
        # 维修改造机场大道、友谊路等|58条|重要道路: the examples name nothing of their own, the
        # verbs that open them are the action on the noun counted
        left = _action_before_examples(block, clause_start, figure.lstart, previous) or left
    elif clause_start > 0 and text[clause_start - 1] in _LIST_COMMAS and (
            left_start == clause_start and "分别" not in clause) and (
            _CLAUSE_END.search(text, max(0, clause_start - _JOINED_ACTION - 2), clause_start - 1)
            or clause_start <= _JOINED_ACTION + 1):
        # (达到消除、传播阻断的县分别为…: items of a list; only a clause as short as a verb
        # before the comma is looked at, without finding its start: most are longer)
        action_start, action = _joined_action(block, clause_start - 1)
        if action and (previous is None or previous.lend <= action_start):
            clause = left = action + clause  # 新建、改造高标准农田: one action on the noun
    return _Words(
        left=left,
        clause=clause,
        right=block.text[figure.lend: _clause_end(block, figure.lend)],
        tail=block.text[figure.lend: figure.lend + _TAIL],
        enumerated=(between is not None and previous is not None
                    and _enumerates(block, previous, between, figure)),
    )


_EXAMPLES = 8  # items of a list of examples read back to the verb that opens them, at most


def _action_before_examples(block: Block, clause_start: int, end: int,
                            previous: Figure | None) -> str:
    """维修改造 of 维修改造机场大道、友谊路等58条重要道路: the verbs that open a list of examples
    before 等 and a count; ``""`` when the list opens with no verb, or with one that is no
    action, or another figure stands in it. Only the list's first piece is read (an example
    may open with a word the segmenter tags a verb: 就医|费用报销). The list is read back over
    、, and over ， (a writer's choice between the two must not change the records) to a short
    piece: a longer one is a clause of its own."""
    start = clause_start
    for _ in range(_EXAMPLES):
        if start == 0 or block.text[start - 1] not in _LIST_COMMAS:
            break
        before = block.clause_start(start - 1)
        if block.text[start - 1] != "、" and (len(_tokens(block.text[before:start - 1])) > (
                _EXAMPLE_WORDS) or _is_verb(pos_tag(_tokens(block.text[start:end])[0]))):
            break  # (…治理，维修改造机场大道，友谊路等: the piece that opens with a verb opens the list)
        start = before
    if previous is not None and previous.lend > start:
        return ""
    # (a verb of one character, 做|精, or one that acts as a preposition, 围绕, is no action
    # on the counted; a piece that is all "verbs", 可可盖, 包头, is a name the segmenter tagged;
    # a change verb, 提高…等5项标准, would make the count read as a change)
    outside = _word_sets()["not_actions"] | _word_sets()["change"]
    stop = _LIST_COMMA.search(block.text, start, end)
    first = block.text[start: stop.start() if stop else end]
    tokens = _tokens(first)
    verbs: list[str] = []
    for token in tokens:
        if pos_tag(token) != "v" or len(token) < 2 or token in outside:
            break
        verbs.append(token)
    # (the first example must follow as a noun: 可可|盖 is a name cut in two)
    return "".join(verbs) if len(verbs) < len(tokens) and pos_tag(
        tokens[len(verbs)]).startswith(_NOMINAL_TAGS) else ""


_EXAMPLE_WORDS = 6  # words of a piece before a ， read as the list's first, at most
_LIST_COMMA = re.compile("[、，,]")


_JOINED_ACTION = 4  # characters at most of a verb joined by 、 to the action after it


def _joined_action(block: Block, mark: int) -> tuple[int, str]:
    """新建 in 新建、改造高标准农田, 制定、修改 in 制定、修改、废止规章: verbs alone before a 、
    (at ``mark``), back to the clause's true start, are one action with the clause after it,
    not items of a list (粮食、蔬菜产量; 医疗、计算、工业创新: a noun among them makes a list).
    Where the verbs start and the verbs without their marks; ``(mark, "")`` when a piece holds
    anything else. Written with ， for 、 (a writer's choice) only one verb is read as joined,
    and a clause before a ， that is no such verb ends the action (深化|改革，新建…)."""
    first = mark
    pieces: list[str] = []
    begins = mark
    while True:
        start = block.clause_start(mark)
        piece = block.text[start:mark]
        # (培育 is tagged vn; a time word before the verb, 全年新建, is cut from the name later;
        # most clauses before a comma are longer than a verb, and are not segmented here)
        tokens = [token for token in _tokens(piece) if token not in _word_sets()["time_scope"]
                  ] if 0 < len(piece) <= _JOINED_ACTION else []
        if not tokens or not all(
                pos_tag(token) in ("v", "vn") for token in tokens) or (
                block.text[mark] != "、" and (len(tokens) > 1 or pos_tag(tokens[0]) != "v")):
            if pieces and block.text[mark] != "、":
                return begins, "".join(pieces)
            return first, ""
        pieces.insert(0, piece)
        begins = start
        if start == 0 or block.text[start - 1] not in _LIST_COMMAS or len(pieces) >= _JOINED_ACTIONS:
            return start, "".join(pieces)
        mark = start - 1


_JOINED_ACTIONS = 4  # verbs joined by 、 that one clause's action is read across, at most


def _chain_length(block: Block, figures: list[Figure], position: int) -> int:
    """How many figures from ``position`` on are one enumeration (3.6%、3.5%和5.6%)."""
    length = 1
    for index in range(position + 1, len(figures)):
        between = block.text[figures[index - 1].lend: figures[index].lstart]
        if not _enumerates(block, figures[index - 1], between, figures[index]):
            break
        length += 1
    return length


MAX_CHAIN = 32  # figures an enumeration (分别…) can name at most


def _respective(block: Block, figures: list[Figure], position: int, kind: str, words: _Words,
                block_drafts: list[Draft], places: frozenset[str]) -> list[tuple[str, Figure | None]]:
    """分别: 其中A、B、C分别为x、y、z gives x, y, z the names A, B, C; 甲x、乙y，分别增长p、q gives
    p, q the names (and the figures) of x and y."""
    respectively = load_vocabulary().cues.respectively
    # 城乡居民收入分别达6.9万元、3.4万元，增长4.2%、5.3%: the growths pair off with the levels
    # of the 分别 list of the clause before
    own_clause = any(word in words.clause for word in respectively)
    if not own_clause and kind not in DESCRIBING_KINDS:
        return []  # (most figures: their sentence is not even cut out of the block)
    sentence_start = block.sentence_start(figures[position].lstart)
    sentence = block.text[sentence_start: figures[position].lstart]  # to the figure
    if not own_clause and not any(word in sentence for word in respectively):
        return []
    length = _chain_length(block, figures, position)
    carried = not own_clause
    if carried and length < 2:
        return []
    if own_clause:
        items = _respectively_items(sentence, places, length)
        if items:
            return [(item, None) for item in items]
    if kind not in DESCRIBING_KINDS:
        return []
    bases = [d for d in block_drafts[-2 * MAX_CHAIN:]
             if d.figure.lstart >= sentence_start and d.kind in BASE_KINDS]
    if len(bases) < length or (carried and not all(
            d.metric_from == "list" for d in bases[-length:])):
        return []
    return [(d.metric, d.figure) for d in bases[-length:]]


def _describes(block_drafts: list[Draft], group_drafts: list[Draft], block: Block,
               figure: Figure, kind: str) -> Draft | None:
    """The figure a growth, share or multiple describes: the nearest base figure before it in
    the same sentence, or in the same data item."""
    sentence_start = block.sentence_start(figure.lstart)
    allowed = BASE_KINDS | ({"rate", "share"} if kind == "change_pp" else set())
    for draft in reversed(block_drafts):
        if draft.figure.lstart < sentence_start:
            break
        if draft.kind in allowed:
            return draft
    if block.section == "data":
        for draft in reversed(group_drafts):
            if draft.kind in allowed:
                return draft
    return None


def _name(blocks: list[Block], index: int, position: int, figure: Figure, kind: str,
          words: _Words, block_drafts: list[Draft], group_drafts: list[Draft],
          places: frozenset[str]) -> tuple[str, Figure | None, MetricFrom]:
    """The metric and the ``of`` link of one figure, by the rules of corpora/ANNOTATION.md,
    and how the metric was found (the record's ``metric_from``)."""
    block = blocks[index]
    previous = block_drafts[-1] if block_drafts else None
    target = _describes(block_drafts, group_drafts, block, figure, kind) if (
        kind in DESCRIBING_KINDS) else None
    if kind == "change_pp" and target is not None and previous is not None and (
            previous.kind == "growth" and previous.of is not target.figure
            and previous.figure.lstart > target.figure.lstart):
        # 投资1.2万亿元，民间投资增长2.7%，高出全国2.8个百分点: the gap is the growth's, of
        # another thing than the level before it (named by the growth below, as where no level
        # stands before); 增加值5.2万亿元、增长5.4%、高于全国…: the level's growth, the level's
        target = None
    metric, how = _metric(figure, kind, words.left, words.right, previous, words.enumerated,
                          places, words.tail)
    if len(metric) <= _CONVERSION_WORD and kind in BASE_KINDS and (
            metric in load_vocabulary().cues.conversion_words):
        # 实际使用外资8263亿元，下降27.1%，折1162亿美元: the level before, in another unit
        level = _level_before(block_drafts, block, figure)
        metric, how = (level.metric, "previous") if level is not None and (
            level.kind == kind) else ("", how)
    if how == "previous" and previous is not None and (
            previous.figure.lstart < block.sentence_start(figure.lstart)):
        # (打造1-2个… after 、产品品牌20个。: a figure of another sentence names nothing here)
        metric, how = _metric(figure, kind, words.left, words.right, None, words.enumerated,
                              places, words.tail)
    if kind == "duration" and how == "after" and (metric.startswith(
            load_vocabulary().cues.verbs_after_names) or _rank_verb().match(metric) and (
            _no_subject_before_years(words.clause))):
        # 产量712亿斤，增长0.8%，连续五年稳定在700亿斤以上: a verb alone after the years names
        # nothing; the years are the level's, named before them (and so are the years of a rank
        # held: 覆盖率达65%、连续12年居全国首位)
        # (not after a rank: 位列…第13位，连续7年保持上升态势 — a rank names the list it is
        # in, which does not stay at a level; the years are the position's, said after them)
        level = _level_before(block_drafts, block, figure)
        if level is not None and level.metric and level.kind != "rank":
            metric, how = level.metric, "previous"
    if not metric and target is not None:
        # rule 2: 71292件，同比增长19.19%; a share with its whole or its noun written takes them
        # too (…818.89万人，占总人口比重86.9%: 城镇人口占总人口比重)
        return target.metric + _share_phrase(words.left, kind), target.figure, "of"
    if block.kind == "line" and position == 0 and not _right_noun(words.right):
        label = _label(blocks, index)  # rule 4: ●知识产权质押融资 / 83.31亿元
        metric, how = label + metric, "label" if label else how
    if not metric and kind in DESCRIBING_KINDS | {"rank"} and previous is not None and (
        previous.figure.lstart >= block.sentence_start(figure.lstart)
    ):
        named = previous
        if kind == "rank" and previous.kind == "duration" and previous.metric_from == "after":
            # 增速年均超15%，连续三年居全国第一: the years were named by the rank's own words,
            # and the rank is the figure's before them
            earlier = next((d for d in reversed(block_drafts[-MAX_CHAIN:])
                            if d.kind != "duration"), None)
            if earlier is not None and earlier.figure.lstart >= block.sentence_start(
                    figure.lstart):
                named = earlier
        # 增长8.9%，占…的比重为19.6%; 占比46.1%，居全国第5位: the rank is the part's, not its share's
        metric, how = _share_part(named.metric, named.kind) if kind != "share" else named.metric, "previous"
        growth = _ranked_growth(words.left, places)[0] if kind == "rank" and metric else ""
        if growth and not metric.endswith(growth):
            metric += growth  # 指数达69.6%、提升幅度居全国第1: the index's growth is ranked
    if not metric and previous is not None and previous.kind == "duration" and (
            previous.metric_from == "before"
            and previous.figure.lstart >= block.clause_start(figure.lstart)):
        metric, how = previous.metric, "previous"  # 粮食总产量连续9年稳定在1300亿斤以上
    if not metric and previous is not None:
        # 新增1000处…、累计达8000处; 712亿斤，连续五年稳定在700亿斤以上 (past a duration)
        before = next((d for d in reversed(block_drafts[-MAX_CHAIN:]) if d.kind != "duration"),
                      None)
        if before is not None and before.figure.unit == figure.unit and (
                before.figure.lstart >= block.sentence_start(figure.lstart)):
            metric, how = before.metric, "previous"
        else:  # …712亿斤，增长0.8%，连续五年稳定在700亿斤以上 (past the level's growth too)
            level = _level_before(block_drafts, block, figure)
            if level is not None and level.figure.unit == figure.unit:
                metric, how = level.metric, "previous"
    if not metric and previous is not None and words.enumerated:
        metric, how = previous.metric, "previous"  # 并购重组397起、1767.8亿元
    if not metric:
        metric, how = words_after(words.right), "context"
    if not metric and previous is not None and previous.metric_from in ("before", "list") and (
            previous.figure.lstart >= block.sentence_start(figure.lstart)
            and _only_predicate([t for t in _tokens(block.text[previous.figure.lend:figure.lstart])
                                 if not _is_punctuation(t)])):
        metric, how = previous.metric, "previous"  # 新能源汽车产量增长94.5%、达168.4万辆
    if not metric:
        metric = _sentence_subject(block, figure, block_drafts, places)
    if kind == "rate" and how == "before" and _bare_action_rate(metric):
        # 人大代表建议321件、政协委员提案526件，办复率均达100%: the rate of what was counted
        # just before it in the sentence
        metric = _items_counted_before(block_drafts, block, figure) + metric
    if metric and previous is not None and (how == "previous" or metric in _word_sets()["stock_totals"]):
        metric = _stock_after_flow(metric, words.clause, previous)
    if metric and previous is not None:
        metric = _sub_item(metric, words.clause, previous, figure, kind)
        flow_verbs = load_vocabulary().cues.flow_verbs_over_lists
        if how == "before" and previous.metric.startswith(flow_verbs) and kind in BASE_KINDS:
            metric = _flow_carried(metric, block.text[previous.figure.lend:figure.lstart],
                                   previous, figure, kind)
    of = target.figure if target is not None and target.metric == _share_part(metric, kind) else None
    return metric, of, how


_CONVERSION_WORD = 2  # characters at most of a word of conversion (折, 折合): most names are longer
_LIST_MARKS = frozenset("、和及与")


def _bare_action_rate(name: str) -> bool:
    """办复率, 按时办结率, 满意率: the rate of an action, with no noun saying of what (not
    床位使用率, 利润率, 城镇化率: a thing's)."""
    if len(name) < 3 or not name.endswith("率"):
        return False
    return not any(pos_tag(token) in _THING_TAGS for token in _tokens(name[:-1]))


def _items_counted_before(block_drafts: list[Draft], block: Block, figure: Figure) -> str:
    """The things the sentence counted last before ``figure`` in cases or items (cues.case_units:
    件, 宗, 起): 办理人大代表建议321件、政协委员提案526件 → 人大代表建议和政协委员提案, the verb of
    handling (cues.handling_verbs) left out; ``""`` when there is none."""
    cues = load_vocabulary().cues
    units = cues.case_units
    sentence_start = block.sentence_start(figure.lstart)
    names: list[str] = []
    later: Draft | None = None
    for draft in reversed(block_drafts[-MAX_CHAIN:]):
        if draft.figure.lstart < sentence_start or draft.kind != "count" or (
                draft.figure.unit not in units) or not draft.metric:
            break
        if later is not None and block.text[draft.figure.lend:draft.figure.lend + 1] not in _LIST_MARKS:
            break  # (…321件、政协委员提案526件: one list; 321件，…: another clause)
        # 高质量办理|省人大代表建议, …亮化等|人大代表建议: what is handled, after the verb
        # of handling and the examples (the segmenter tags 办理 a noun: the words tell)
        name = draft.metric
        for verb in cues.handling_verbs:
            at = name.rfind(verb)
            if at >= 0 and len(name) > at + len(verb) + 1:
                name = name[at + len(verb):]
        examples = name.rfind("等")
        names.insert(0, name[examples + 1:] if 0 <= examples < len(name) - 2 else name)
        later = draft
    if any(len(name) <= _BARE_CASES for name in names):
        return ""  # (受理案件6930件，调解成功率…: 案件 alone says no more than the rate)
    return "和".join(names)


_BARE_CASES = 2  # characters: 案件, 投诉 — a word for cases in general


def _share_phrase(left: str, kind: str) -> str:
    """占总人口比重, 占比: the words of a share after its 占, up to its noun; ``""`` when it
    has no noun (占全市总量的57%: no name of its own)."""
    index = left.rfind("占") if kind == "share" else -1
    whole = _SHARE_WHOLE.match(left, index) if index >= 0 else None
    return whole.group() if whole is not None else ""


def _share_part(metric: str, kind: str) -> str:
    """The part a share's name opens with (税收收入 in 税收收入占一般公共预算收入比重): the
    share is of the figure named so."""
    if kind != "share":
        return metric
    index = metric.rfind("占")
    return metric[:index] if index > 0 and _SHARE_WHOLE.match(metric, index) else metric


def _stock_after_flow(metric: str, clause: str, previous: Draft) -> str:
    """新增专精特新企业86家、累计达到520家: a total after a flow is the stock the flow adds to,
    named without the verb of flow (专精特新企业; 累计入选… where the verb stays, 高新技术企业总数
    for 总数). Not a cumulative flow (累计新增城镇就业: the verb is the clause's own)."""
    flows = load_vocabulary().cues.flow_verbs_over_lists
    verb = next((v for v in flows if previous.metric.startswith(v)), "")
    cumulative = "累计" in clause and not clause[clause.index("累计") + 2:].startswith(flows)
    totals = _word_sets()["stock_totals"]  # 新增…1200家，总数达1.5万家: the stock's own word
    if not verb or not (cumulative or metric in totals) or len(previous.metric) <= len(verb):
        return metric
    stock = previous.metric[len(verb):]
    if metric in totals:
        # 城市轨道交通运营|里程 + 总里程, 高速公路|长度 + 总长: the flow's own measure gives
        # way to the total's (a word of the stock's end that the total's measure is in)
        tokens = _tokens(stock)
        if len(tokens) > 1 and (metric[1:] in tokens[-1] or tokens[-1] in metric[1:]):
            stock = "".join(tokens[:-1])
        return stock + metric
    # 新入选 → 累计入选: a verb of its own after 新; 新增, 新建: the verb is only the flow's
    kept = verb[1:] if verb.startswith("新") and len(verb) > 2 else ""
    return f"累计{kept}{stock}" if kept else stock


def _level_before(block_drafts: list[Draft], block: Block, figure: Figure) -> Draft | None:
    """The last level of the figure's sentence before it, past the durations and the figures
    that describe a figure (产量712亿斤，增长0.8%，连续五年…: 712亿斤)."""
    sentence_start = block.sentence_start(figure.lstart)
    for draft in reversed(block_drafts[-MAX_CHAIN:]):
        if draft.figure.lstart < sentence_start:
            return None
        if draft.kind != "duration" and draft.of is None:
            return draft
    return None


def _sub_item(metric: str, clause: str, previous: Draft, figure: Figure, kind: str) -> str:
    """其中 opens an item of the total just named: a modifier alone (其中国家级31家, after
    省级以上重点实验室86家) takes the total's head, and a narrower noun the rest of its name
    (其中新能源汽车增长12.4倍, after 汽车产量增长1.5倍). A name of its own (其中医院310个) stays."""
    opening = clause.lstrip("，,；;：: ")
    if not opening.startswith(load_vocabulary().cues.sub_item_markers):
        return metric
    total = previous.metric
    same_measure = (previous.figure.unit == figure.unit if kind in BASE_KINDS
                    else previous.kind == kind)
    if not total or total == metric or not same_measure:
        return metric
    tokens = _tokens(total)
    if len(_tokens(metric)) == 1 and _modifier(metric):
        # 省级以上|重点实验室: the total's head after its own modifiers
        start = 0
        while start < len(tokens) - 1 and (_modifier(tokens[start]) or tokens[start] in ("以上", "以下")):
            start += 1
        return metric + "".join(tokens[start:]) if start < len(tokens) else metric
    # where the total's words meet, and inside a word made of two (汽车|产量 in 汽车产量)
    boundaries = sorted(set(accumulate(len(token) for token in tokens[:-1])) | {
        at for at in range(2, len(total) - 1) if is_word(total[:at]) and is_word(total[at:])})
    for cut_at in reversed(boundaries):
        # 新能源汽车 + 汽车|产量: the total opens with words the item's name ends with
        rest = total[cut_at:]
        if (cut_at >= 2 and metric.endswith(total[:cut_at]) and len(metric) > cut_at
                and _HAN_WORDS.fullmatch(rest) and pos_tag(_tokens(rest)[0]).startswith(_NOMINAL_TAGS)):
            return metric + rest
    return metric


def _flow_carried(metric: str, between: str, previous: Draft, figure: Figure, kind: str) -> str:
    """新增专业技术人才12.1万人、技能人才15.3万人: the flow verb of the item before is this
    item's too, when only a comma (、 or ，: a writer's choice between the two must not change the
    records) and a bare noun of the same measure stand between (not 、农村劳动力转移就业, an item
    with a verb of its own)."""
    verb = next((v for v in load_vocabulary().cues.flow_verbs_over_lists
                 if previous.metric.startswith(v)), "")
    if (not verb or previous.metric_from != "before" or previous.kind != kind
            or previous.figure.unit != figure.unit or metric.startswith(verb)
            or between[:1] not in _LIST_COMMAS or not between.endswith(metric)
            or not _HAN_WORDS.fullmatch(between[1:])
            or between[1:].startswith(load_vocabulary().cues.sub_item_markers)
            or metric in load_vocabulary().cues.generic_names):  # 新增…62家，总数186家: the total
        return metric
    # the verb is the flow's only one on both sides (not 新增治理水土流失…、石漠化面积, nor
    # 、培育四星级饭店: an item that opens with a verb of its own)
    for name in (previous.metric[len(verb):], metric):
        tokens = _tokens(name)
        # (a verb inside a compound, 概念|验证|中心, or 以上 after a level, 省级|以上, is the
        # noun's: only a verb that opens the item, or ends it, is a clause of its own)
        if not tokens or pos_tag(tokens[0]).startswith("v") or not pos_tag(
                tokens[-1]).startswith(_NOMINAL_TAGS) or not all(
                pos_tag(token).startswith(_NOMINAL_TAGS) or (0 < at < len(tokens) - 1 and (
                    pos_tag(token).startswith("v") or token in ("以上", "以下")))
                for at, token in enumerate(tokens)):
            return metric
    return verb + metric


_LIST_COMMAS = frozenset("、，,")
_HAN_WORDS = regex.compile(r"[\p{Han}A-Za-z]+")  # (人口[5: a footnote mark is no part of a name)


def _modifier(word: str) -> bool:
    """国家级, 省级, 民营: a word that qualifies a noun (jieba's b, or a level in 级)."""
    return pos_tag(word) == "b" or (word.endswith("级") and len(word) >= 2)


def _sentence_subject(block: Block, figure: Figure, block_drafts: list[Draft],
                      places: frozenset[str]) -> str:
    """The noun phrase that opens the sentence as its subject, for a figure nothing else names
    (地区生产总值迈上新台阶，达到2.3万亿元; 集成电路产量保持20%以上增长、达56亿块): the nominal
    words before the sentence's first verb, ending in a noun. Only when the figure's clause has
    no noun of its own before it (…，高速公路通车里程全国第四、突破1万公里 is the mileage's), and
    every figure between names that same subject or nothing: a sentence that has gone on to
    other things has other subjects."""
    start = block.sentence_start(figure.lstart)
    clause_start = block.clause_start(figure.lstart)
    if clause_start > start and any(pos_tag(token).startswith(_NOMINAL_TAGS)
                                    for token in _tokens(block.text[clause_start:figure.lstart])):
        return ""
    taken: list[str] = []
    verb_follows = False
    for token in _tokens(block.text[start: min(figure.lstart, start + MAX_REACH)]):
        tag = pos_tag(token)
        if tag.startswith(_NOMINAL_TAGS) and not _ANY_DIGIT.search(token):
            taken.append(token)
            continue
        verb_follows = tag.startswith(("v", "d", "a", "p"))
        break
    if not taken or not pos_tag(taken[-1]).startswith(_SUBJECT_HEAD_TAGS):
        return ""
    subject = clean_metric("".join(taken), places)[0]
    if not verb_follows and not any(d.figure.lstart >= start and d.metric == subject
                                    for d in block_drafts[-MAX_CHAIN:]):
        return ""  # (人均地区生产总值174520元，…达到27051美元: the first figure's own name)
    # (a count of the noun after it, 跨越3个千亿元台阶, is an object, not another subject)
    if not subject or any(d.figure.lstart >= start and d.kind != "duration" and d.metric
                          and d.metric_from not in ("after", "context") and d.metric != subject
                          for d in block_drafts[-MAX_CHAIN:]):
        return ""
    return subject


_SUBJECT_HEAD_TAGS = ("n", "j", "eng")  # 免费|开展, 基础设施|全面|提升: no subject ends so


def _attributes_of_institutions(drafts: list[Draft], blocks: list[Block]) -> None:
    """普通高中42所，招生3.1万人，在校生9.2万人: a bare attribute noun (``cues.attribute_nouns``)
    after a count of institutions in the same sentence is the institutions' (普通高中招生…), and
    so is the growth or share that describes it. The count must open the sentence's figures.
    An attribute that opens them with its institutions written before it (普通本专科招生52.6万
    人，在校生…) gives them to the bare attributes after it: 普通本专科在校生 (issue #15:
    在校生 alone does not tell 普通本专科 from 普通小学)."""
    cues = load_vocabulary().cues
    attributes = frozenset(cues.attribute_nouns)
    owner: Draft | None = None
    owner_name = ""  # the institutions the sentence's attributes are of
    latest: Draft | None = None  # the sentence's last count of institutions
    sentence = (-1, -1)
    renamed: dict[int, str] = {}  # id of a figure → its new name
    for index, draft in enumerate(drafts):
        figure = draft.figure
        block = blocks[figure.block]
        here = (figure.block, block.sentence_start(figure.lstart))
        counts_institutions = (draft.kind == "count" and figure.unit in cues.institution_units
                               and bool(draft.metric) and not draft.metric.endswith(tuple(attributes)))
        if here != sentence:
            sentence = here
            owner = latest = draft if counts_institutions else None
            owner_name = draft.metric if owner is not None else _institutions_of(draft, attributes)
            if owner_name:
                owner = draft
            continue
        if counts_institutions:
            latest = draft
            continue
        if latest is not None and block.text[latest.figure.lend:figure.lstart].startswith("、"):
            # 上市公司12家，科创板上市公司86家、总市值…: an attribute joined by 、 to a later
            # count is that count's (not 普通小学…所，教学点…个，招生…: the sentence's first)
            owner, owner_name = latest, latest.metric
        if owner is None:
            continue
        if draft.metric in attributes and block.clause_start(figure.lstart) >= owner.figure.lend:
            # (形成10个营业收入超千亿元的集群: an attribute in the count's own clause is no list)
            renamed[id(figure)] = owner_name + draft.metric
            drafts[index] = replace(draft, metric=owner_name + draft.metric)
        elif draft.of is not None and id(draft.of) in renamed and draft.metric_from == "of":
            drafts[index] = replace(draft, metric=renamed[id(draft.of)])


def _institutions_of(draft: Draft, attributes: frozenset[str]) -> str:
    """普通本专科 of 普通本专科招生: the institutions an attribute's name opens with (a count of
    people or things, not a growth), ``""`` when it is no attribute or names none."""
    if draft.kind != "count" or not draft.metric.endswith(tuple(attributes)):
        return ""
    attribute = max((a for a in attributes if draft.metric.endswith(a)), key=len)
    institutions = draft.metric[: -len(attribute)]
    return institutions if len(institutions) >= 2 and _HAN_WORDS.fullmatch(institutions) else ""


def _parallel_modifiers(first: str, second: str) -> bool:
    """国家级 and 省级, 大型 and 中型: two words of one kind that qualify a noun written only
    after the second (3家国家级、9家省级运营中心). Two nouns (银行, 证券公司) are not."""
    return first[-1:] == second[-1:] or pos_tag(first) == pos_tag(second) == "b"


def _fill_shared_nouns(drafts: list[Draft], blocks: list[Block]) -> None:
    """Rule 3, enumerations: 3家国家级、9家省级运营中心 → 国家级运营中心, 省级运营中心 (with 、
    or ，alike). Only a first item that is one modifier, parallel to the word that opens the
    second item, takes the second's noun: 360个示范村、2680个提档升级村 are two names."""
    for index in range(len(drafts) - 1):
        first, second = drafts[index], drafts[index + 1]
        if first.figure.block != second.figure.block or first.figure.unit != second.figure.unit:
            continue
        block = blocks[first.figure.block]
        between = block.text[first.figure.lend: second.figure.lstart]
        item = between[:-1].strip()
        if not between.endswith(("、", "，", ",")) or not item or not first.metric.endswith(item):
            continue
        if len(_tokens(item)) != 1:
            continue
        tokens = _tokens(second.metric)
        if len(tokens) >= 2 and _parallel_modifiers(item, tokens[0]):
            drafts[index] = replace(first, metric=first.metric + "".join(tokens[1:]))


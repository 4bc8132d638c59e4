"""Stage 3b: candidate figures → figures. Numbers that are labels, not quantities, by class.

A number can be read whole and still be no figure: it names a group (``0—6岁儿童``, ``年产30万台
以上的企业``), recounts the items just listed (``教育、医疗、养老三项工作``), or belongs to a
slogan (``两个基地、两个枢纽``, ``两个市场两种资源``), or speaks of a period (``奋进的五年``). These are told by the shape of the text
around the candidate, never by its words, so that they hold for any report. Fixed phrases that
are known words (``十四五``, ``三大攻坚战``) are vocabulary data instead (``cues.toml``).

>>> from ipextract.blocks import split_blocks
>>> from ipextract.figures import find_figures
>>> block = split_blocks("抓好教育、医疗、养老三项工作，为0—6岁儿童服务28.6万人次。")[0]
>>> [f.surface for f in drop_labels(block, find_figures(block, 0))]
['28.6万人次']
"""

from __future__ import annotations

import re
from bisect import bisect_left
from decimal import Decimal
from functools import lru_cache

import regex

from .blocks import Block
from .figures import Figure
from .layout import TABLE_TITLE
from .numerals import CHINESE_NUMERAL_CHARS
from .scanning import alternation
from .vocabulary import load_vocabulary
from .vocabulary.lexicon import cut_shared, pos_tag

AGE_UNITS = frozenset({"岁", "周岁"})
_LABEL_KINDS = frozenset({"count", "duration"})  # the kinds a recount, slogan or period has
# A list just before a count: items of at most 8 characters joined by 、, the last by 、 和 及 or
# 与, and nothing else between the last item and the count. (A 和 or 及 before a 、 joins no
# item of this list: 运输总量及周转量包括铁路、公路和管道三种…, three items, not four.)
# (an item may open with the digits of a name before Latin letters: 5G用户渗透率, 4K超高清…)
_ITEM = r"(?:[0-9]{1,2}(?=[A-Za-z]))?[^\s、，,。；;：:和及与0-9“”\"（）()]{1,8}"
_LIST_BEFORE = regex.compile(rf"(?:{_ITEM}、)*{_ITEM}(?:、|和|及|与){_ITEM}$")
# A list closed by 等 may join words inside an item with 和, 及 or 与 (新材料、生物医药、航空航天与
# 低空经济等3个: three items), as well as its last two items (施秉和丹寨等6个).
# (the first item of eight characters at most, as in _LIST_BEFORE: a longer one would reach back
# to the digits of a phrase before the list, 投资80亿元建设精细化工、…)
_ETC_ITEM = r"[^\s、，,。；;：:0-9“”\"（）()]"
_LIST_BEFORE_ETC = regex.compile(rf"{_ETC_ITEM}{{1,8}}、(?:{_ETC_ITEM}{{1,10}}、)*{_ETC_ITEM}{{1,10}}$")
_ETC = "等"
_SEPARATOR = regex.compile(r"、|和|及|与")
_SEPARATORS = frozenset("、和及与")  # (a clause without one holds no list: no search)
_ITEM_JOINS = _SEPARATORS - {"、"}  # what joins two counted items as 、 does (和, 及, 与)
# (the standard engine for plain classes: a call costs half what a ``regex`` one does)
_CLAUSE_MARKS = re.compile(r"[，,；;：:]")
_DIGIT = re.compile(r"(?<![\[0-9])[0-9]+(?![\]0-9])")  # (not a note mark: [28]货物运输…)
_HAN = regex.compile(r"\p{Han}")
_DESCRIBED = regex.compile(r"的?\p{Han}{1,10}")  # (年产…以上)的企业 (12个)
# (500万元及以上)的服务业法人单位; across a 、 only into the next bound of the class (超百亿、|超千亿产业链),
# not into a clause of the figure's own (…里程超6100公里、|成为全国首个…省份: a level, whose
# predicate names a class of places the subject joined)
_CLASS_PHRASE = regex.compile(r"的?((?!、(?![超逾过0-9一二三四五六七八九十百千]))[\p{Han}、]{1,24})")
# the classes a bound defines, listed up to the clause's end (的房地产业（…），租赁…法人单位；)
_CLASS_LIST = regex.compile(r"的([\p{Han}、，,（）()]{1,80}?)(?=[；;。\n]|$)")
_SHORT_WORD = regex.compile(r"\p{Han}{1,4}")  # 两个(市场)两种
_SHORT_ITEM = regex.compile(r"\p{Han}{1,4}、")  # 两个(基地、)两个
_THRESHOLD_QUALIFIERS = frozenset({"at_least", "at_most", "over", "under"})
_PERCENT_UNITS = ("%", "‰", "个百分点")  # a bound in them is of a rate, no size of a class
_OF_A_CLASS = frozenset({"count", "rate"})  # a class's figure: how many, what part (占比…%)
MAX_RECOUNT = 12
# (as Decimals: a figure's value is compared with them in 340 ns, with ints in 510)
_BOUNDS = (Decimal(2), Decimal(MAX_RECOUNT))


def _recounts_list(block: Block, figure: Figure) -> bool:
    """推进南昌、九江2个城市: the count only says how many items were just named."""
    if figure.kind != "count" or figure.value_min is not None:
        return False
    value = figure.value
    if not (_BOUNDS[0] <= value <= _BOUNDS[1]) or value != value.to_integral_value():
        return False
    sentence = block.text[block.sentence_start(figure.lstart):figure.lstart]
    clause = _CLAUSE_MARKS.split(sentence)[-1]  # 、 does not end this clause
    if _SEPARATORS.isdisjoint(clause):
        return False
    closed = clause.endswith(_ETC)  # (…、低空经济等|3个: examples that may be all the items)
    clause = clause.removesuffix(_ETC)
    if clause.endswith(_CLOSING_QUOTES):
        # 健全“评议、督办、奖励”三项机制: a quoted list recounted, its marks no part of an item
        opening = clause.rfind(_OPENING_QUOTE)
        if opening < 0 or _OPENING_QUOTE in clause[opening + 1:-1]:
            return False
        clause = clause[opening + 1:-1]
    if "（" in clause or "(" in clause:
        clause = _BRACKET_NOTE.sub("", clause)  # (园区、职业院校（含技工院校）两类: a note in an item)
    found = (_LIST_BEFORE_ETC if closed else _LIST_BEFORE).search(clause)
    if found is None or _DIGIT.search(clause, max(0, found.start() - _COUNT_BEFORE), found.start()) or (
            found.group(0).endswith(("各", "的"))):
        # 水厂3座、焚烧设施2座: items with counts of their own (a digit right before the list,
        # not one of an earlier phrase: 5大领域…以及工业、农业、服务业三类); 各2所: 2 each;
        # 规模最大、技术领先的2座: qualities of the things counted, not a list of them
        return False
    joined = len(_SEPARATOR.findall(found.group(0))) + 1
    # (…施秉和丹寨等6个, …航空航天与低空经济等4个: the last 和 of a list closed by 等 may join two
    # items or two words of one; a count of either reading recounts the list)
    return int(figure.value) in ((joined, found.group(0).count("、") + 1) if closed else (joined,))


def _announces_a_list(block: Block, figure: Figure) -> bool:
    """重点抓好五件事：一是…, 部署了12项重点任务：一是…: a count closing its clause before the
    list it announces (cues.list_openers) says how many items follow; the items are the figures."""
    if figure.kind != "count" or figure.value_min is not None:
        return False
    value = figure.value
    if not (_BOUNDS[0] <= value <= _ANNOUNCED_AT_MOST) or value != value.to_integral_value():
        return False
    found = _NOUN_TO_COLON.match(block.text, figure.lend)
    cues = load_vocabulary().cues
    if found is None or not block.text.startswith(cues.list_openers, found.end()):
        return False
    noun = found.group(1)
    return noun in cues.list_heads or any(
        len(head) > 1 and noun.endswith(head) for head in cues.list_heads)


_CLOSING_QUOTES = ("”", "\"")
_OPENING_QUOTE = "“"
_COUNT_BEFORE = 3  # characters before a list a count of its first item would end in (水厂3座、)
_ANNOUNCED_AT_MOST = Decimal(20)  # items a list that says 一是, 二是… runs to
_NOUN_TO_COLON = regex.compile(r"(\p{Han}{1,8})[：:。]\s*")  # 五件|事：|一是


def _titles_a_glossary_entry(block: Block, figure: Figure) -> bool:
    """［17］四个一批：谋划一批、…: a count right after a glossary entry's note mark and before the
    colon that opens the terms it names recounts them (the entry's title), no figure."""
    return figure.kind == "count" and _GLOSSARY_MARK.search(
        block.text, max(0, figure.lstart - _MARK_REACH), figure.lstart) is not None and (
        _TITLE_TO_COLON.match(block.text, figure.lend) is not None)


_MARK_REACH = 8  # characters: a line break, spaces, ［, three digits and ］
_GLOSSARY_MARK = regex.compile(r"(?:^|\n)[ \t\u3000]*[［\[][0-9]{1,3}[］\]]$")  # ［17］ opening a line
_TITLE_TO_COLON = regex.compile(r"[^\s，,。；;：:、]{1,12}[：:]")  # 一批：, 三张“零关税”清单：


def _lone_er(block: Block, figure: Figure) -> bool:
    """二轮延包, 二次招商, 一、二类: 二 alone before a measure word is an ordinal (the second
    round); a count of two says 两 (两轮, 两次), and 二 opens a count only with a place after it
    (二十个, 二百余件)."""
    surface = figure.surface
    return (figure.kind == "count" and surface[:1] == "二" and surface[1:2] not in CHINESE_NUMERAL_CHARS
            and block.text[figure.lstart - 1:figure.lstart] not in CHINESE_NUMERAL_CHARS + "第")


def _names_a_size_class(block: Block, figure: Figure) -> bool:
    """20户以上自然村, 10人以上重大事故: a bound in households or people before things never
    counted so (villages, accidents: cues.size_class_heads) names a class of them, no figure.
    (新培育30户以上智能工厂, 20万名以上中小学生: the bound counts the things after it.)"""
    if figure.kind != "count" or figure.qualifier != "at_least":
        return False
    heads = load_vocabulary().cues.size_class_heads.get(figure.unit)
    if not heads:
        return False
    phrase = _SIZE_CLASS_PHRASE.match(block.text, figure.lend)
    if phrase is None:
        return False
    # (the noun phrase after the bound, up to its first verb: 帮助1200户以上|群众|搬进|村庄 names
    # the people helped, not a class of villages)
    words = []
    for token in cut_shared(phrase.group(1)):
        tag = pos_tag(token)
        if tag.startswith("v") and tag != "vn":
            break
        words.append(token)
    noun = "".join(words)
    return any(head in noun for head in heads)


_SIZE_CLASS_PHRASE = regex.compile(r"的?(\p{Han}{1,12})")  # 以上|(农村木质房屋连片村寨)


def _spans_a_change(block: Block, figure: Figure, following: Figure | None) -> bool:
    """城镇化率五年提高3.9个百分点, 进出口5年增长36%, 企业数3年翻一番: a length of years
    right before a change verb and its figure is the time the change took, the change's period;
    the change is the figure. A streak or a gap (连续5年提高, 时隔8年: cues.streak_words) is one."""
    if figure.kind != "duration" or figure.unit != "年" or following is None:
        return False
    cues = load_vocabulary().cues
    if block.text[max(0, figure.lstart - 2):figure.lstart].endswith(cues.streak_words):
        return False
    between = block.text[figure.lend:following.lstart]
    if not between:
        return following.unit == "倍" and following.surface.startswith("翻")  # 3年|翻一番
    between = between.removeprefix("累计").removeprefix("共")
    verbs = load_vocabulary().change_verbs
    if any(between in (verb, verb + "了") for verb in verbs):
        return True
    # 五年生产原煤65亿吨, 三年建成高标准农田500万亩: the years a total was made in, right
    # before its verb, with the total in the same clause (not 历时6年建成, 用3年时间: a duration)
    if following.kind == "duration" or len(between) > _SPAN_TO_TOTAL or _CLAUSE_MARK.search(between) or (
            block.text[max(0, figure.lstart - 2):figure.lstart].endswith(cues.duration_openers)):
        return False
    words = cut_shared(between)
    if len(words) > 1 and words[0] == "新":
        words = words[1:]  # (五年新|设|外资企业1770家: 新 before the verb is its)
    if not words or not pos_tag(words[0]).startswith("v"):
        return False
    # (实现三年引资1万亿元目标: years after a verb are an attribute of the thing named after)
    before = block.text[block.clause_start(figure.lstart):figure.lstart]
    return not before or not pos_tag(cut_shared(before)[-1]).startswith("v")


_SPAN_TO_TOTAL = 16  # characters at most from the years to the total they were the span of
_CLAUSE_MARK = regex.compile(r"[，,。；;：:、！？\s]")


def _names_a_group(block: Block, figure: Figure) -> bool:
    """0—6岁儿童, 65岁以上老年人, 年满18岁的居民: an age that qualifies the noun after it; 前五名
    客户, 居前5位的是: the first N of a ranking, named as a group. An age or a place in a ranking
    that ends its clause (预期寿命79.6岁, 进入全国前十) is a figure."""
    if figure.unit not in AGE_UNITS and not (figure.kind == "rank" and figure.value_max is not None):
        return False
    after = block.text[figure.lend:figure.lend + 1]
    if after in ("（", "(") and figure.unit in AGE_UNITS:
        # 0-14岁（含…）人口: a note on the group, then the noun it qualifies
        note = _BRACKET_NOTE.match(block.text, figure.lend)
        after = block.text[note.end():note.end() + 1] if note is not None else ""
    return bool(after) and _HAN.match(after) is not None


_BRACKET_NOTE = re.compile(r"[（(][^（）()，。；\n]{1,20}[）)]")


def _threshold_of_what_is_counted(block: Block, figure: Figure, following: Figure | None) -> bool:
    """年产30万台以上的企业12个: a bound that describes the things another figure counts;
    年营业收入500万元及以上的服务业法人单位: a bound that defines a class of units;
    比重不足1%的地区有7个, 年收益超30万元的村集体占比达20%: a bound joined by 的 to the things
    the next figure of its clause counts or takes a share of."""
    if figure.qualifier == "range" and figure.unit not in _PERCENT_UNITS and (
            following is not None and following.kind == "count" and following.unit != figure.unit
            and _DESCRIBED.fullmatch(block.text, figure.lend, following.lstart)):
        # 100～199张床位医院5813个: a size class written as a range, in a unit the things it
        # classes are not counted in (beds, hospitals; not 新建2—3家…中心和25—30家…)
        return True
    if figure.qualifier not in _THRESHOLD_QUALIFIERS and not (
            figure.kind == "amount" and _after_bare_over(block.text, figure.lstart)):
        return False
    if following is not None and following.kind in _OF_A_CLASS and block.text.startswith(
            "的", figure.lend) and _DESCRIBED.fullmatch(block.text, figure.lend, following.lstart) and (
            following.kind == "count" or any(noun in block.text[figure.lend:following.lstart]
                                             for noun in load_vocabulary().cues.share_nouns)):
        return True  # (the 的 written: 增速超过10%|的行业有|15个; not 增长10%以上，…)
    if figure.unit in _PERCENT_UNITS:
        return False
    if following is not None and following.kind == "count" and _DESCRIBED.fullmatch(
            block.text, figure.lend, following.lstart) is not None and (
            block.text[following.lstart - 1] not in _ITEM_JOINS):
        # (a class of beds before the hospitals counted; not 培育30家以上链主企业和50个…: two items)
        return True
    if figure.kind not in ("amount", "quantity"):
        return False  # 建成100个以上的项目: the bound counts the projects themselves
    phrase = _CLASS_PHRASE.match(block.text, figure.lend)
    if phrase is not None and (_threshold_heads().search(phrase.group(1)) is not None or phrase.group(
            1).removesuffix(_AMONG).endswith(load_vocabulary().cues.threshold_closing_heads)):
        return True
    # (a statistical scope's definition lists the classes of one bound, each ending with its
    # head: …3000万元以上的房地产业（不含…），租赁和商务服务业，…行业法人单位；)
    listed = _CLASS_LIST.match(block.text, figure.lend) if block.text.startswith("的", figure.lend) else None
    return listed is not None and listed.group(1).endswith(load_vocabulary().cues.threshold_heads)


def _after_bare_over(text: str, at: int) -> bool:
    """营收过|百亿元…企业: a 过 of its own (over) right before the figure, not the end of a verb
    (跨过, 超过, 通过: cues.toml words_ending_in_over)."""
    return text[at - 1:at] == _OVER and not text.endswith(load_vocabulary().cues.words_ending_in_over, 0, at)


_OVER = "过"
_AMONG = "中"  # (…以上的村及村以下工业|中: the class a figure after it is of)


@lru_cache(maxsize=1)
def _threshold_heads() -> regex.Pattern[str]:
    return regex.compile(alternation(load_vocabulary().cues.threshold_heads))


def _chinese_count(figure: Figure) -> bool:
    return figure.kind == "count" and figure.surface[:1] in CHINESE_NUMERAL_CHARS


def _slogan_pairs(block: Block, figures: list[Figure]) -> set[int]:
    """两个基地、两个枢纽 (one numeral repeated over a list) and 两个市场两种资源 (counts written
    one after the other with no mark between): the words of a slogan, not counts."""
    dropped: set[int] = set()
    chinese = [_chinese_count(figure) for figure in figures]  # (each figure's test made once)
    for index in range(len(figures) - 1):
        if not (chinese[index] and chinese[index + 1]):
            continue
        first, second = figures[index], figures[index + 1]
        between = block.text[first.lend:second.lstart]
        side_by_side = _SHORT_WORD.fullmatch(between) is not None
        repeated = first.value == second.value and _SHORT_ITEM.fullmatch(between) is not None
        if side_by_side or repeated:
            dropped.update((index, index + 1))
    return dropped


_CLAUSE_END = "，,。；;！？、"


def _speaks_of_a_period(block: Block, figure: Figure) -> bool:
    """这是砥砺奋进的五年: a period spoken of (的 + a Chinese-numeral duration that ends its
    clause), not a length of time measured."""
    if figure.kind != "duration" or figure.surface[:1] not in CHINESE_NUMERAL_CHARS:
        return False
    after = block.text[figure.lend:figure.lend + 1]
    return block.text[figure.lstart - 1:figure.lstart] == "的" and (not after or after in _CLAUSE_END)


def _names_a_decade(block: Block, figure: Figure) -> bool:
    """上世纪80年代, 90年代出厂: 年代 after a number of years names a decade, a time spoken of,
    not a length of years measured."""
    return figure.unit == "年" and block.text[figure.lend:figure.lend + 1] == "代"


# a programme named by a count in words: 加快五个新城建设, 推进两个中心发展
_PROGRAMME = regex.compile(r"\p{Han}{1,4}(?:建设|发展)")


def _names_a_programme(block: Block, figure: Figure) -> bool:
    """加快五个新城建设: a count in words between a verb of policy and the thing built (建设,
    发展) names a programme; the count of things done is written in digits or with a verb of
    its own (新建五个公园, 建成5个新城)."""
    if not _chinese_count(figure) or figure.value > 10:
        return False
    before = block.text[max(0, figure.lstart - 5):figure.lstart]
    return before.endswith(load_vocabulary().cues.programme_verbs) and _PROGRAMME.match(block.text, figure.lend) is not None


_ARTICLES = "条"
_EXAMPLES_CLOSE = "等"


@lru_cache(maxsize=1)
def _policy_before() -> regex.Pattern[str]:
    """A verb that puts a policy in force (cues.policy_verbs) and the policy's words, up to its
    articles."""
    return regex.compile(rf"(?:{alternation(load_vocabulary().cues.policy_verbs)})\p{{Han}}{{2,12}}$")


def _names_a_policy(block: Block, figure: Figure) -> bool:
    """落实人才振兴|60条: a count of articles right after a verb of putting a policy in force and
    the policy's words, with no noun after it (等 may close a list of them), is the policy's
    name, no count, as a quoted one is (“科技成果转化16条”); not measures or things counted in 条
    (出台…措施近100条, 改造背街小巷…条: the words end with a character of such things, of a verb
    of works or of a qualifier, cues.not_policy_endings; 12条措施: a noun after the count)."""
    if figure.unit != _ARTICLES or figure.qualifier != "exact":
        return False
    after = block.text[figure.lend:figure.lend + 1]
    if _HAN.match(after) and after != _EXAMPLES_CLOSE:
        return False
    before = block.text[max(0, figure.lstart - _POLICY_REACH):figure.lstart]
    return bool(before) and before[-1] not in load_vocabulary().cues.not_policy_endings and (
        _policy_before().search(before) is not None)


_POLICY_REACH = 14  # characters of the verb and the policy's words before its articles


# 、七次、八次全会: the sessions after this one in a list, up to the last one's meeting
_LATER_SESSIONS = regex.compile(r"(?:、[一二三四五六七八九十]{1,3}次){1,8}(?:全会|会议|全体会议)")


def _names_a_session(block: Block, figure: Figure) -> bool:
    """十二届六次、七次、八次全会: a session number a list names before the last one's meeting
    (the last, 八次全会, is no figure by cues.non_figure_patterns, which cannot look past
    their match), not a count of times."""
    return figure.unit == "次" and _chinese_count(figure) and (
        _LATER_SESSIONS.match(block.text, figure.lend) is not None)


def _titles_a_table(block: Block) -> bool:
    """表6 规模以上工业部分主要产品产量, 表10年末每百户…: a table's title names the table;
    its numbers (the table's number, a year, the bound of the units it covers) are no figures
    of their own: the figures are the cells under it."""
    text = block.text
    return (block.kind in ("heading", "paragraph") and len(text) <= _TITLE_MAX
            and TABLE_TITLE.match(text) is not None and not _SENTENCE_MARKS.intersection(text))


_TITLE_MAX = 60
_SENTENCE_MARKS = frozenset("。；;，,")


# a quotation that is a name or a slogan: at most 24 characters and no mark of a sentence in it
# (“八大行动30个专项工程”, “两项补贴”, “百分之百”); a quoted sentence keeps its figures
_QUOTED_NAME = re.compile(r"“[^“”，,。；;：:！？!?\n]{1,24}”|「[^「」，,。；;：:！？!?\n]{1,24}」")


def _quoted_names(block: Block) -> list[tuple[int, int]]:
    """The spans of the quoted names and slogans of a block (most blocks quote nothing: one
    substring test)."""
    text = block.text
    if "“" not in text and "「" not in text:
        return []
    return [match.span() for match in _QUOTED_NAME.finditer(text)]


def drop_labels(block: Block, figures: list[Figure]) -> list[Figure]:
    """The candidate figures of one block without those that are labels (see the module)."""
    if not figures:
        return figures
    if _titles_a_table(block):
        return []
    if quoted := _quoted_names(block):
        # a number inside a quoted name is part of the name (ANNOTATION: names with numerals);
        # the names are apart and in order, so only the last to open before a figure can hold
        # it (one bisection per figure, not a test of every name)
        opened = [start for start, _ in quoted]
        figures = [figure for figure in figures
                   if not ((at := bisect_left(opened, figure.lstart)) and figure.lend < quoted[at - 1][1])]
    dropped = _slogan_pairs(block, figures)
    kept = []
    for index, figure in enumerate(figures):
        if (figure.kind not in _LABEL_KINDS and figure.qualifier in ("exact", "range")
                and figure.value_max is None
                and figure.unit not in AGE_UNITS and index not in dropped
                and block.text[figure.lstart - 1:figure.lstart] != _OVER):
            kept.append(figure)  # a rate, a growth, an exact amount: no class here applies
            continue
        following = figures[index + 1] if index + 1 < len(figures) else None
        if index and (_classes_the_count(figures[index - 1], figure) or _bounds_each_measure(
                block, figures[index - 1], figure)):
            continue
        if index in dropped or _recounts_list(block, figure) or _names_a_group(
                block, figure) or _threshold_of_what_is_counted(block, figure, following) or (
                _speaks_of_a_period(block, figure)) or _names_a_decade(block, figure) or _names_a_programme(block, figure) or (
                _names_a_session(block, figure)) or _announces_a_list(block, figure) or (
                _lone_er(block, figure)) or _names_a_size_class(block, figure) or (
                _spans_a_change(block, figure, following)) or _first_of_grades(block, figure) or (
                _titles_a_glossary_entry(block, figure)) or _names_a_policy(block, figure):
            continue
        kept.append(figure)
    return kept


def _classes_the_count(count: Figure, figure: Figure) -> bool:
    """8个|50亿元以上、25个…项目: a bound of an amount or a quantity written right after a count's
    measure word is the size class of the things counted (their name's, no figure), whatever
    follows it: the things (8个50亿元以上项目, which the class phrase after the bound also
    tells), or a 、 before the next class of a list that writes the things once at its end."""
    return count.kind == "count" and count.lend == figure.lstart and figure.kind in (
        "amount", "quantity") and figure.qualifier in _THRESHOLD_QUALIFIERS


def _bounds_each_measure(block: Block, count: Figure, figure: Figure) -> bool:
    """191家|工业企业营业收入|超百亿元, 8个|产业规模|超千亿元: a bound of an amount after a count's
    things and a measure each of them has (cues.toml class_measures), closing its clause, says
    which things are counted: a class, no figure (not 总投资, a sum; nor before 的, read as a
    class phrase elsewhere); so does one after a percent of the things and its 的 (95%以上|的村集体
    经营性收入|超过10万元: the share of them that pass it).

    >>> from ipextract.blocks import split_blocks
    >>> from ipextract.figures import find_figures
    >>> block = split_blocks("全省176家工业企业营业收入超百亿元；")[0]
    >>> count, bound = find_figures(block, 0)
    >>> _bounds_each_measure(block, count, bound)
    True
    """
    if count.kind != "count" and count.unit != _PERCENT or (
            figure.kind != "amount" or figure.qualifier not in _THRESHOLD_QUALIFIERS):
        return False
    between = block.text[count.lend:figure.lstart]
    if count.unit == _PERCENT:
        # (95%以上|的村集体经营性收入|超过10万元: the part of the things whose measure passes
        # the bound, a share of them; the bound, as after a count, no figure)
        between = between.removeprefix(_OF)
    if not 2 < len(between) <= _CLASS_THINGS or _HAN_RUN.fullmatch(between) is None or (
            block.text[figure.lend:figure.lend + 1] not in _CLAUSE_CLOSERS):
        return False
    # (a bound written as one: 超…, 逾…, …以上; not 5100多亿元, an approximate sum, nor a
    # flow the things added, 新投产项目增加产值…)
    if not (figure.surface.startswith(BOUND_OPENINGS) or figure.surface.endswith(_BOUND_ENDING)):
        return False
    measures = load_vocabulary().cues.class_measures
    return between.endswith(measures) and not between.endswith(tuple("总" + m for m in measures)) and (
        not any(verb in between for verb in _FLOW_WORDS))


_CLASS_THINGS = 16  # characters of the things counted and their measure, at most
_PERCENT = "%"  # (the unit of ％ too: normalised)
_OF = "的"
BOUND_OPENINGS = ("超", "逾")  # a bound written as one (超百亿元): a class, no figure (naming/counted.py too)
_BOUND_ENDING = "以上"
_FLOW_WORDS = ("增加", "新增", "实现", "完成")
_HAN_RUN = regex.compile(r"\p{Han}+")
_CLAUSE_CLOSERS = frozenset("，,；;。、")


def _first_of_grades(block: Block, figure: Figure) -> bool:
    """四类、劣四类海水: a grade before a 、 and the next grade (the grades' list is no count of
    类: the non-figure patterns cover the last grade and its noun, not the one before the mark)."""
    return figure.unit == "类" and _NEXT_GRADE.match(block.text, figure.lend) is not None


_NEXT_GRADE = regex.compile(r"、劣?[0-9一二三四五六七八九十]类")


__all__ = ["drop_labels"]

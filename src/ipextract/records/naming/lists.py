"""Lists: the items of a 分别 list (其中A、B、C分别为x、y、z) given to its figures in order, with
the words a list writes once for all its items (城镇、农村居民人均可支配收入), and the growths
that pair off with a 分别 list of levels before them."""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from ...blocks import Block
from ...figures import Figure
from ...scanning import words_pattern
from ...vocabulary import cue_words, load_vocabulary
from ...vocabulary.indicator_matcher import lookup_form
from ...vocabulary.indicators import load_indicators
from ...vocabulary.lexicon import is_word, pos_tag
from ..base import (
    _LEADING_FIGURE,
    _NOMINAL_TAGS,
    _QUOTES,
    BASE_KINDS,
    DESCRIBING_KINDS,
    Draft,
    _one_word,
    _tokens,
    _word_sets,
)
from .analysis import PhraseAnalysis, _chain_length, examples_start, says_respectively
from .counted import _OF, words_after
from .phrase import (
    _ANY_DIGIT,
    _CLOSING_BRACKETS,
    _EACH,
    _HAN,
    _HAN_WORDS,
    _LIST_COMMAS,
    _MIN_SUBJECT,
    _NAME_ENDINGS,
    _OPENING_BRACKETS,
    _SHARE_WHOLE,
    _SUBJECT_HEAD_TAGS,
    _THING_TAGS,
    BRACKET_NOTE,
    SHARE_VERB,
    _change_in,
    _is_verb,
    clean_metric,
    named_whole,
    verbs_over_lists,
    without_effort_verb,
)

# An item of a 分别 list written with ， (城镇，农村居民分别…): a short name, which may open with
# a count of its own (6条重点产业链，18个特色专业镇营业收入分别增长…) or a digit of a name (5G基站)
_SHORT_ITEM = regex.compile(r"^(?:[0-9.]+[万亿千]?)?(?:[^0-9。：:；;%]|[0-9](?=[A-Za-z])){1,16}$")


_PAIRS = (("“", "”"), ("‘", "’"), ("《", "》"), ("（", "）"), ("(", ")"))


def _unbalanced(piece: str) -> bool:
    """万亿壮大”行动: the end of a quoted name cut at a comma inside it, not an item."""
    return any(piece.count(left) != piece.count(right) for left, right in _PAIRS)


def _list_item(part: str, places: frozenset[str]) -> str:
    """The name one item of a 分别 list gives (its own count left out: 6条重点产业链 → 重点产业链;
    家具类 of 家具类等, the last item before the 等 that closes the list). A size that bounds a class of things is the item's
    own words (20户以上自然村通硬化路的比例: the villages of 20 households or more).

    >>> _list_item("6条重点产业链", frozenset()), _list_item("20户以上自然村通硬化路的比例", frozenset())
    ('重点产业链', '20户以上自然村通硬化路的比例')
    >>> _list_item("城市", frozenset())
    '城市'

    """
    count = _LEADING_FIGURE.match(part)
    if count is not None and not part.startswith(_BOUNDS, count.end()):
        part = part[count.end():]
    cleaned = clean_metric(part, places)[0]
    if not cleaned and (etc := part.rfind(_ETC)) > 1 and part[etc + 1:] in _AFTER_ETC:
        # (…五金电料类、家具类等|同比|分别…: 等 closes the list after its last item, which the
        # last figure is of)
        cleaned = clean_metric(part[:etc], places)[0]
    cues = load_vocabulary().cues
    if not cleaned and part in (*cues.population_parts, *cues.list_area_scopes):
        # (城市、农村居民…分别…: a part of the population or a kind of area alone is the item,
        # no scope word the name goes without; left empty, the figure took the next item's name)
        return part
    return cleaned


_ETC = "等"
_AFTER_ETC = frozenset({"", "同比", "比上年", "比去年"})  # what may follow 等 before 分别
_BOUNDS = ("以上", "以下", "及以上", "及以下")  # 30户|以上: a class's bound, no count of the item


def _respectively_items(left: str, places: frozenset[str], wanted: int = 0,
                        bare: bool = False) -> list[str]:
    """其中，发明专利、实用新型、外观设计分别为… → the items the figures take in order ("" for an
    item that names no one thing, such as 家具类等). Items written with ， instead of 、
    (城镇，农村居民…分别增长) are taken in too, short ones only, while fewer items than the
    ``wanted`` figures are found. When the items and the figures do not pair off one to one
    (酒、饮料和精制茶制造业 is one item; a short clause before a ，-list may be one more), no
    item is given: a name on the wrong figure is worse than none. With ``bare`` (no 分别 is
    written: it is read into the clause) every item must be a name alone (:func:`_bare_name`),
    or none is given."""
    cues = load_vocabulary().cues
    for word in cues.respectively:
        index = left.rfind(word)
        if index > 0:
            whole = _unlisted(left[:index])  # (一、二、三产业, 一，二，三产业: one word)
            cut = max(whole.rfind("，"), whole.rfind("："), whole.rfind("。"))
            subject = _without_opening_whole(whole[cut + 1:], cues.measure_endings)
            if _FROM_FIGURE.search(subject):
                return []  # (…从2020年的28000元和13500元|分别提高到: the list is of the start's figures)
            items = [_list_item(part, places)
                     for part in _enumeration_parts(subject, cues.enumeration_separators)]
            if bare and not all(_bare_listed(item) for item in items):
                return []  # (第一、二、三次产业…: no list of names)
            if not subject.strip() and cut > 0 and whole[cut] == "，" and (
                    opening := _list_before_predicate(whole[:cut], places)):
                items = opening  # 万亿产业、先进制造业集群从无到有，|分别达2个、3个
            commas = cut  # (where the list's pieces written with ， end)
            while cut > 0 and whole[cut] == "，":
                previous_cut = _cut_before(whole, cut)
                piece = whole[previous_cut + 1:cut]
                item = _list_item(piece, places)
                if not _comma_piece(piece, item, bare):
                    break  # a clause of its own (产量增长较快), or 其中: the list starts after it
                if len(items) >= wanted or len(
                        _distributed(items, wanted, cues.distributive_words)) >= wanted:
                    break  # (…标准，城乡低保平均标准分别: 城乡 stands for the two items)
                items.insert(0, item)
                cut = previous_cut
            if len(items) > 1 and "、" not in subject and commas > 0 and whole[commas] == "，" and (
                    marked := _marked_by_commas(whole, commas, _list_item(subject, places), wanted,
                                                places, bare)):
                # (电力，燃气，自来水生产和供应业分别…: the list's marks are its ，, and 和 is
                # inside the last item, as it is where the marks are 、)
                items = marked
            measure = _measure_after(left[index + len(word):])
            paired = _with_shared_words(items, wanted, measure)
            if not paired and wanted > 1 and len(items) > wanted:
                # (电子及通信设备制造业、医药制造业…分别: 及 inside an item's name; the list's
                # marks alone give one item to a figure)
                marks = _separator_split(cues.enumeration_separators)[0]
                marked = [_list_item(part, places) for part in marks.split(subject)]
                if len(marked) == wanted:
                    paired = _with_shared_words(marked, wanted, measure)
            return paired
    return []


def _cut_before(whole: str, cut: int) -> int:
    """Where the piece of a list that ends at ``cut`` opens: the ，, ： or 。 before it (-1 for none)."""
    return max(whole.rfind("，", 0, cut), whole.rfind("：", 0, cut), whole.rfind("。", 0, cut))


def _comma_piece(piece: str, item: str, bare: bool) -> bool:
    """Whether a piece written before a ， is an item of a list (short, no change of its own,
    balanced brackets, naming something or closing with 等; a name alone with ``bare``)."""
    return bool(_SHORT_ITEM.match(piece)) and not _change_in(piece) and not _unbalanced(piece) and (
        bool(item) or piece.endswith("等")) and not (bare and not _bare_name(_QUOTES.sub("", piece)))


def _marked_by_commas(whole: str, cut: int, last: str, wanted: int, places: frozenset[str],
                      bare: bool) -> list[str]:
    """The items of a list written with ， (the pieces before ``cut``, short names alone, then
    ``last``, the piece after it read as one item) when they are exactly ``wanted``; ``[]``
    otherwise.

    >>> _marked_by_commas("电力，燃气，自来水生产和供应业", 5, "自来水生产和供应业", 3, frozenset(), False)
    ['电力', '燃气', '自来水生产和供应业']
    """
    items = [last]
    while cut > 0 and whole[cut] == "，" and len(items) < wanted:
        previous_cut = _cut_before(whole, cut)
        piece = whole[previous_cut + 1:cut]
        item = _list_item(piece, places)
        # (a short name alone: not a clause before the list, 深入开展…三年行动，…分别)
        if len(piece) > _SHORT_NAME or not _comma_piece(piece, item, True):
            break
        items.insert(0, item)
        cut = previous_cut
    return items if len(items) == wanted else []


_SHORT_NAME = 8  # characters at most of an item written before a ， of such a list


def _without_opening_whole(subject: str, endings: tuple[str, ...]) -> str:
    """A list's words without the whole its first item opens with, written with 中 and no
    comma (高技术制造业投资中电子…、医药制造业投资分别…: the items are 电子…, 医药制造业); the
    subject as it is when it opens with none (中 opening a word, 中医, is no such mark).

    >>> _without_opening_whole("高技术制造业投资中电子、医药制造业投资", ("投资",))
    '电子、医药制造业投资'
    """
    at = subject.find("中", _MIN_WHOLE)
    if at < 0 or not subject[:at].endswith(endings) or at + 1 >= len(subject) or (
            _NAME_LIST_MARK_SET & set(subject[:at])):
        return subject
    # (中 a word of its own where the segmenter cuts the first item: 投资|中|电子)
    tokens = _tokens(subject[:subject.find("、", at) if "、" in subject[at:] else len(subject)])
    cut = 0
    for token in tokens:
        if cut == at:
            return subject[at + 1:] if token == "中" else subject
        cut += len(token)
        if cut > at:
            break
    return subject


_MIN_WHOLE = 3  # characters at least of a whole before its 中 (工业投资中…)
_NAME_LIST_MARK_SET = frozenset("、，,和及与")


# a from-to's start before 分别 (从2020年的|28000元…分别提高到): the figures are no item's
_FROM_FIGURE = regex.compile(r"[从由](?:[0-9]{4}年(?:底|末)?)?的?[0-9]")
# the whole a share's name is of (第一、二、三次产业增加值|占地区生产总值的比重): no predicate
_SHARE_TAIL = regex.compile(r"占\p{Han}+比重$")


def _bare_listed(item: str) -> bool:
    """Whether an item of a list read without 分别 is a name alone (:func:`_bare_name`), its
    quotes, the whole of a share (…占地区生产总值的比重) and a word of several items it opens
    with (三次|产业…: numerals, in a name) left out."""
    item = _SHARE_TAIL.sub("", _QUOTES.sub("", item))
    several = max((w.replace("、", "") for w in load_vocabulary().cues.distributive_words
                   if item.startswith(w.replace("、", ""))), key=len, default="")
    return _bare_name(item[len(several):] if len(item) > len(several) else item)


def _unlisted(subject: str) -> str:
    """``subject`` with a word of several items written with the marks of a list (一、二、三
    产业: cues.distributive_words) written without them, one item of a list (一二三产业)."""
    if "、" not in subject and "，" not in subject and "," not in subject:
        return subject  # (most subjects)
    listed = _listed_distributive()
    # (一，二，三产业: a writer's choice between the marks must not change the records)
    return listed.sub(lambda match: _LIST_MARKS_OFF.sub("", match[0]), subject) if listed else subject


_LIST_MARKS_OFF = regex.compile("[、，,]")


@lru_cache(maxsize=1)
def _listed_distributive() -> regex.Pattern[str] | None:
    """The words of several items written with a list's marks (一、二、三产业, and with ， for
    、), longest first; ``None`` for none."""
    words = sorted((w for w in load_vocabulary().cues.distributive_words if "、" in w),
                   key=lambda w: (-len(w), w))
    return regex.compile("|".join("[、，,]".join(regex.escape(part) for part in word.split("、"))
                                  for word in words)) if words else None


def _with_shared_words(items: list[str], wanted: int, measure: str = "") -> list[str]:
    """The items of a list with the words it writes once given to each (a word that stands
    for several, the measure or the group the last item ends with, the scope the first opens
    with, the owner a group's first item names: _distributed, _shared_words, _shared_area_scope,
    _shared_group_owner), and the ``measure`` written after
    分别 given to each item with no measure of its own; ``[]`` when they are not the ``wanted``
    figures' count (1 or less: any) or name nothing."""
    cues = load_vocabulary().cues
    if len(items) == 1 and wanted > 1 and cues.paired_measures:
        items = _split_pair(items[0], wanted, cues.paired_measures)
    if len(items) > 1 and "等" in items[-1]:
        items = _closed_by_etc(items)
    items = _distributed(items, wanted, cues.distributive_words)
    if len(items) > 1:
        items = _shared_words(items)
    if measure:
        # 交通、能源、水利分别完成投资x、y、z: the measure written after 分别 is each
        # item's (能源投资), unless the item names a measure of its own
        endings = cues.measure_endings + _NAME_ENDINGS
        items = [item + measure if item and not item.endswith(endings) else item
                 for item in items]
    if len(items) > 1:
        items = _shared_group_owner(_shared_area_scope(items))
    if wanted > 1 and len(items) != wanted:
        return []
    return items if any(items) else []


def _closed_by_etc(items: list[str]) -> list[str]:
    """食品、石化、医药、信息等产业增加值 → 食品产业增加值 … 信息产业增加值: 等 after the last
    item's own words closes the list, and the words after it (the items' class and measure)
    are every item's, the class left out where an item ends as it does (装备制造业 and
    …等行业增加值: 装备制造业增加值) or names nothing the items do not (…等产品产量:
    cues.generic_list_classes). Only where every item is a bare name of a thing with no
    measure of its own and no place or person in it (美国、日本等国家: a place takes no class
    word); ``items`` as they are for any other list.

    >>> _closed_by_etc(["食品", "石化", "信息等产业增加值"])
    ['食品产业增加值', '石化产业增加值', '信息产业增加值']
    """
    tokens = _tokens(items[-1])
    at = tokens.index("等") if "等" in tokens else 0
    if not 0 < at < len(tokens) - 1:
        return items  # (等级, 高等…: no 等 of its own; 等 first or last: no words shared)
    named = [*items[:-1], "".join(tokens[:at])]
    cues = load_vocabulary().cues
    endings = (*cues.measure_endings, *_NAME_ENDINGS)
    if not pos_tag(tokens[at + 1]).startswith(_CLASS_TAGS) or not all(
            (_bare_thing(item) or _one_verb_word(item)) and not item.endswith(endings)
            and not any(pos_tag(token) in _NO_CLASS_TAGS for token in _tokens(item))
            for item in named):
        return items
    head, measure = "".join(tokens[at + 1:]), "".join(tokens[at + 2:])
    generic = next((word for word in cues.generic_list_classes
                    if head.startswith(word) and len(head) > len(word)), "")
    if generic:  # (锂离子电池等产品产量, however 产品|产量 is cut: 锂离子电池产量)
        return [item + head[len(generic):] for item in named]
    return [item + (measure if measure and item[-1] == tokens[at + 1][-1] else head)
            for item in named]


_CLASS_TAGS = (*_NOMINAL_TAGS, "q")  # 产业, 行业, 产品, 类 after 等
_NO_CLASS_TAGS = frozenset({"ns", "nr", "nrt", "p"})  # places, persons, 对: no class word


def _split_pair(item: str, wanted: int, pairs: dict[str, tuple[str, ...]]) -> list[str]:
    """一般公共预算收支 before two figures → 一般公共预算收入, 一般公共预算支出: a word of the
    item that is as many measures of one owner (cues.paired_measures), as a whole word of it
    (not 收支 inside another word), each measure in its place; ``[item]`` for any other.

    >>> _split_pair("一般公共预算收支", 2, {"收支": ("收入", "支出")})
    ['一般公共预算收入', '一般公共预算支出']
    """
    if not any(word in item for word in pairs):
        return [item]  # (most items: no word of a pair in them)
    at = 0
    for token in _tokens(item):
        measures = pairs.get(token)
        if measures is not None and len(measures) == wanted:
            return [item[:at] + measure + item[at + len(token):] for measure in measures]
        at += len(token)
    return [item]


def _bare_name(piece: str) -> bool:
    """抽水蓄能规划建设总规模, 新一代信息技术, 农村供电可靠率: a clause that is a name alone,
    ending in a noun or as a measure does, with no adverb, preposition, place word, particle or
    numeral among its words (not 经济运行稳中向好, a clause with its predicate)."""
    tokens = _tokens(piece)
    return bool(tokens) and (pos_tag(tokens[-1]).startswith(_NOMINAL_TAGS) or piece.endswith(
        load_vocabulary().cues.measure_endings + _NAME_ENDINGS)) and not any(
        pos_tag(token)[:1] in _NOT_IN_NAMES for token in tokens)


_NOT_IN_NAMES = frozenset("dpfucrm")  # the tags of words a bare name holds none of


def _list_before_predicate(before: str, places: frozenset[str]) -> list[str]:
    """The items of the list the clause before a 分别 opens with, its predicate off the last
    (城镇、农村居民人均可支配收入|稳步提高，分别达…; 万亿产业、先进制造业集群|从无到有，分别…):
    ``[]`` when that clause is no such list, or the last item runs to its end with no
    predicate after it (a short list of its own is read by the loop over ， pieces)."""
    clause = before[max(before.rfind("，"), before.rfind("："), before.rfind("。"), before.rfind("；")) + 1:]
    parts = _enumeration_parts(clause, load_vocabulary().cues.enumeration_separators)
    if len(parts) < 2 or _ANY_DIGIT.search(clause):
        return []
    tokens = _tokens(parts[-1])
    taken = 0
    while taken < len(tokens):
        if taken and tokens[taken] in _OPENING_BRACKETS and (closing := next(
                (at for at in range(taken + 1, len(tokens)) if tokens[at] in _CLOSING_BRACKETS), 0)):
            taken = closing + 1  # 执业|（|助理|）|医师数: a bracket inside the name
            continue
        if not (pos_tag(tokens[taken]).startswith(_NOMINAL_TAGS) and not (
                taken and pos_tag(tokens[taken]) in ("l", "i")) or (  # (…集群|从无到有: a predicate)
                pos_tag(tokens[taken]) == "a" and taken + 1 < len(tokens)  # 国家|先进|制造业
                and pos_tag(tokens[taken + 1]).startswith(_NOMINAL_TAGS))):
            break
        taken += 1
    if not taken or taken == len(tokens) or not pos_tag(tokens[taken - 1]).startswith(_SUBJECT_HEAD_TAGS):
        return []
    items = [_list_item(part, places) for part in [*parts[:-1], "".join(tokens[:taken])]]
    return items if all(items) else []


def _measure_after(text: str) -> str:
    """投资 of 分别|完成|投资|3252亿元: a measure noun (cues.measure_nouns) after a verb, between
    分别 and the first figure; ``""`` when only verbs stand there (分别增长, 分别达到)."""
    digit = _ANY_DIGIT.search(text)
    tokens = _tokens(text[: digit.start() if digit else len(text)].strip("，,、 "))
    measures = load_vocabulary().cues.measure_nouns
    return tokens[-1] if len(tokens) >= 2 and tokens[-1] in measures and _is_verb(
        pos_tag(tokens[-2])) else ""


_QUOTES_SIDE_BY_SIDE = "”“"  # a quoted name closed and the next opened, with no mark between


@lru_cache(maxsize=16)
def _separator_split(separators: tuple[str, ...]) -> tuple[regex.Pattern[str], frozenset[str]]:
    marks = [s for s in separators if not _HAN.search(s)]
    return (regex.compile("|".join(regex.escape(s) for s in marks) or r"(?!)"),
            frozenset(s for s in separators if _HAN.search(s)))


def _enumeration_parts(subject: str, separators: tuple[str, ...]) -> list[str]:
    """The items of an enumeration: split at its marks (、) anywhere, and between two quoted
    names side by side, at its words (和, 及, 与) only where they stand as words (普及率 and
    参与率 hold 及 and 与).

    >>> _enumeration_parts("农村自来水、户用卫生厕所普及率", ("、", "和", "及"))
    ['农村自来水', '户用卫生厕所普及率']
    """
    marks, words = _separator_split(separators)
    parts: list[str] = []
    # (“保交楼”“保交房”交付率: two quoted names side by side are two items, as with a 、 between)
    for piece in marks.split(subject.replace(_QUOTES_SIDE_BY_SIDE, "”、“")):
        if not any(word in piece for word in words):
            parts.append(piece)
            continue
        current = ""
        tokens = _tokens(piece)
        for at, token in enumerate(tokens):
            # (20户|及|以上自然村: 及 before a bound is a word of the class, no item's end)
            if token in words and current and not (at + 1 < len(tokens) and tokens[at + 1] in _BOUNDS):
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


def _rate_head(item: str) -> str:
    """The rate of an action ``item`` ends with, past the words before it (5G网络|通达率; 通达|率,
    as the segmenter cuts it, is one rate), ``""`` for none or for an item that is the rate alone.

    >>> _rate_head("5G网络通达率"), _rate_head("户用卫生厕所普及率"), _rate_head("利润率")
    ('通达率', '普及率', '')
    """
    tokens = _tokens(item) if item else []
    if not tokens:
        return ""
    head = tokens[-1]
    if head == _RATE and len(tokens) > 1 and len(tokens[-2]) > 1:
        # (通达|率: a stem cut from its 率 that names no thing; the segmenter takes 通达 for a
        # person's name, nr, as it takes no noun of a thing)
        head = tokens[-2] + head
        return head if pos_tag(tokens[-2]) not in _STEM_THING_TAGS else ""
    return head if _rate_of_an_action(head) and item != head else ""


_STEM_THING_TAGS = _THING_TAGS - {"nr"}  # (通达, tagged nr, names no thing before 率)


_RATE = "率"
# (20户及以上自然村千兆光纤, 5G网络: a thing's name; 乡镇（街道）…中心: with a note inside it)
_RATED_ITEM = regex.compile(r"[\p{Han}A-Za-z0-9]+(?:[（(]\p{Han}{1,10}[）)][\p{Han}A-Za-z0-9]*)*")


def _areas_of_last_measure(items: list[str]) -> list[str]:
    """农村和城市污水处理率 → 农村污水处理率: an item that is a kind of area or a group alone
    (cues list_area_scopes, scope_populations) before a last item that opens with another takes
    the words the last writes after its own, however the segmenter cut them (城市污水|处理率).

    >>> _areas_of_last_measure(["农村", "城市污水处理率"])
    ['农村污水处理率', '城市污水处理率']
    """
    cues = load_vocabulary().cues
    if len(items) < 2 or items[0] not in cues.list_area_scopes and items[0] not in cues.scope_populations:
        return items  # (most lists)
    last = items[-1]
    scope = _opening_scope(last)
    if not scope or len(last) <= len(scope):
        return items
    rest = last[len(scope):]
    return [item + rest if item in cues.list_area_scopes or item in cues.scope_populations else item
            for item in items[:-1]] + [last]


def _bare_measure(item: str) -> bool:
    """死亡人数, 受伤人数: a verb and the measure of it, with no noun saying of what (not 发电|量:
    a verb that holds its object, cues.verbs_holding_their_object, says of what)."""
    tokens = _tokens(item)
    return (len(tokens) == 2 and pos_tag(tokens[0]).startswith("v")
            and pos_tag(tokens[1]).startswith(_NOMINAL_TAGS) and tokens[1].endswith(_NAME_ENDINGS)
            and not _holds_its_object(item))


def _holds_its_object(item: str) -> bool:
    """发电量, 用水量: a measure whose verb holds its own object (cues.verbs_holding_their_object)."""
    return item.startswith(cue_words("verbs_holding_their_object"))


_NOUN_TAG = "n"  # what the things after a list's verb open with (not 就业, a verbal noun: vn)
_SECURING = "争取"  # 争取|中央专项资金、超长期特别国债: the funds won, a verb of each (cues secured_funds)


def _shared_opening_verb(items: list[str]) -> list[str]:
    """争取中央专项资金、超长期特别国债 → 争取超长期特别国债; 新增高新技术企业、科技型中小企业 →
    新增科技型中小企业: a verb a list writes once (phrase.verbs_over_lists, or 争取 before funds)
    that opens the first item opens every later item that opens with no verb of its own.

    >>> _shared_opening_verb(["争取中央专项资金", "超长期特别国债"])
    ['争取中央专项资金', '争取超长期特别国债']
    >>> _shared_opening_verb(["地区生产总值", "超长期特别国债"])
    ['地区生产总值', '超长期特别国债']
    """
    first = items[0]
    verb = next((v for v in sorted(verbs_over_lists(), key=len, reverse=True) if first.startswith(v)), "")
    if not verb and first.startswith(_SECURING) and all(
            item.endswith(cue_words("secured_funds")) for item in items if item):
        verb = _SECURING
    if not verb or len(first) <= len(verb) or not pos_tag(_tokens(first[len(verb):])[0]).startswith(_NOUN_TAG):
        return items  # (新增|就业、失业人员再就业: a verbal noun after the verb, one word of a name)
    matcher = load_indicators().matcher
    # (not before a statistic of the catalogue, a name of its own: 新落地项目、实际利用内资; funds
    # won are the funds of the catalogue won, 争取超长期特别国债)
    return [first] + [verb + item if item and not _is_verb(pos_tag(_tokens(item)[0])) and not item.startswith(verb)
                      and (verb == _SECURING or lookup_form(item, matcher.noise) not in matcher.keys)
                      else item for item in items[1:]]


def _shared_words(items: list[str]) -> list[str]:
    """Words a 、-list writes once for all its items: a rate of an action after the last
    (农村自来水、户用卫生厕所普及率 → 农村自来水普及率) and the modifier before the first
    measure (生产安全事故起数、死亡人数 → 生产安全事故死亡人数). An item that ends as a name of
    its own keeps it, and so does a measure that shares words with the modifier (进出口总额、
    出口额: 出口额 is a name of its own)."""
    if _ORDINAL_ALONE.fullmatch(items[0]) and (last := _ORDINAL_OPENING.match(items[-1])) is not None:
        # (第一、第三产业增加值: an ordinal alone takes the words after the last item's ordinal)
        rest = items[-1][last.end():]
        items = [item + rest if _ORDINAL_ALONE.fullmatch(item) else item for item in items]
    items = _completed_characters(items)
    items = _areas_of_last_measure(items)
    items = _shared_opening_verb(items)
    # (the rate of the nearest item after each bare one: 卫生户厕、垃圾处理设施覆盖率和污水治理率
    # → 卫生户厕覆盖率)
    rate, rated = "", []
    for item in reversed(items):
        head = _rate_head(item)
        if head:
            rate = head
        elif rate and item and not item.endswith(_NAME_ENDINGS) and _RATED_ITEM.fullmatch(item):
            item += rate
        rated.append(item)
    items = rated[::-1]
    first = _tokens(items[0]) if items[0] else []
    if len(first) >= 2 and first[-1].endswith(_NAME_ENDINGS) and all(
            pos_tag(token).startswith(_NOMINAL_TAGS) for token in first):
        modifier = "".join(first[:-1])
        items = [items[0]] + [modifier + item if _bare_measure(item) and not (
            set(item) & set(modifier)) else item for item in items[1:]]
    owner = _owner_of_measure(first)
    if owner and all(_measure_word(item) for item in items[1:]) and not any(
            items[0].endswith(m) for item in items[1:] for m in measure_group(item)):
        # 国内游客|人次、总花费 → 国内游客总花费: bare measures after the first item are of the
        # owner the first names (not where an item names its own, 原油加工量、天然气产量、发电量;
        # not 出口额 after 进出口总额: it shares the owner's words; nor 支出 after 地方|财政收入,
        # a measure of the first's group, whose owner _shared_group_owner gives: 地方财政)
        items = [items[0]] + [item if set(item) & set(owner) or _holds_its_object(item) else owner + item
                              for item in items[1:]]
    return _shared_per_unit(_shared_measure(items))


def _completed_characters(items: list[str]) -> list[str]:
    """进、出口总额 → 进口总额, 出口总额; 金融机构存、贷款余额 → 金融机构存款余额, 金融机构贷款余额:
    an item that ends with a character alone where the next opens with a word of two characters
    (出口, 贷款) is that word with the item's character in place of its first, and the words
    after it (总额) are the item's too, as are the words the item opens with (金融机构) the
    next item's. Only where the character and the rest of the word make a word (进口, 存款, 中学).

    >>> _completed_characters(["金融机构存", "贷款余额"])
    ['金融机构存款余额', '金融机构贷款余额']
    >>> _completed_characters(["采选业", "电力热力生产和供应业"])[0], _completed_characters(["城镇", "农村居民收入"])
    ('采选业', ['城镇', '农村居民收入'])
    """
    if not any(item and len(_tokens(item)[-1]) == 1 for item in items[:-1]):
        return items  # (most lists: no item ends with a character alone)
    completed = list(items)
    for at in range(len(items) - 2, -1, -1):
        item, after = completed[at], completed[at + 1]
        tokens = _tokens(item) if item and _HAN_WORDS.fullmatch(item) else []
        word = _tokens(after)[0] if after and _HAN_WORDS.fullmatch(after) else ""
        # (a noun of one character is a thing or a suffix of its own: 采选|业、电力…, 肉、奶产量;
        # so is a classifier: 通讯器材|类、文化…, no 类化)
        if not tokens or len(tokens[-1]) != 1 or len(word) != _PAIRED_WORD or pos_tag(tokens[-1]).startswith(
                ("n", "q")) or not is_word(tokens[-1] + word[1:]):
            continue
        owner = item[:-1]
        completed[at] = item + after[1:]
        if owner and not after.startswith(owner):
            completed[at + 1] = owner + after
    return completed


_PAIRED_WORD = 2  # characters of the word an item of one character completes (出口 → 进口)
_AVERAGE = "均"  # (人均, 亩均: a base per head or place; 每… opens the others, phrase._EACH)


def _shared_per_unit(items: list[str]) -> list[str]:
    """每千人托位、养老床位数 → 每千人养老床位数: the base per head or per place the first item
    of a 分别 list opens with (cues.per_unit_openers: 每千人, 人均, 亩均…) is every item's that
    opens with none, whatever its measure.

    >>> _shared_per_unit(["每千人托位", "养老床位数"]), _shared_per_unit(["托位", "养老床位数"])
    (['每千人托位', '每千人养老床位数'], ['托位', '养老床位数'])
    """
    openers = load_vocabulary().cues.per_unit_openers
    # (a base per head or per place, 每千人, 人均, 亩均; not 单位 or 度电, which go with the word
    # after them alone: 单位|GDP能耗、二氧化碳排放强度)
    base = max((o for o in openers if items[0].startswith(o) and (o.startswith(_EACH) or o.endswith(_AVERAGE))),
               key=len, default="")
    if not base:
        return items
    # (执业（助理）医师数: a note in brackets on which of the things is no other word)
    return [items[0]] + [item if not item or item.startswith(openers) or not _HAN_WORDS.fullmatch(
        BRACKET_NOTE.sub("", item)) else base + item for item in items[1:]]


def _shared_measure(items: list[str]) -> list[str]:
    """The measure the last item ends with, given to the items before it when each of them
    names a thing with no measure of its own: the words after the noun an item ends with
    where the last item opens so too (城镇居民、农村居民人均可支配收入 → 城镇居民人均可支配收入),
    else the measure noun it ends with (cues.measure_nouns: 高端装备、新材料投资 → 高端装备投资);
    then the scope of a threshold the first item opens with (cues.list_scopes) is given to the
    others: the list is of parts of one measure (限额以上粮油食品、通讯器材类零售额 →
    限额以上通讯器材类零售额). A list where an item has a measure of its own, or names no
    thing (一、二、三产…; 船舶进出), is of several measures, and keeps its items.

    >>> _shared_measure(["限额以上粮油食品", "通讯器材类零售额"])
    ['限额以上粮油食品零售额', '限额以上通讯器材类零售额']
    """
    cues = load_vocabulary().cues
    last = items[-1]
    # (the measures of trade too, 对欧盟、东盟、美国|进出口总额: a list's, not an owner chain's)
    listed = (*cues.list_measure_nouns, *cues.trade_measures)
    measure = max((m for m in (*cues.measure_nouns, *listed)
                   if last.endswith(m) and len(last) > len(m)), key=len, default="") or (
        _measure_after_head(items[:-1], last))
    # (乡镇通三级公路、20户以上自然村通硬化路的比例: a share of the things each item says, a
    # clause of its own before 的比例; the items before it are such clauses too)
    share = "" if measure else next((_OF + s for s in cues.share_nouns if last.endswith(_OF + s)
                                     and len(last) > len(s) + 3), "")
    measure = measure or share
    if not measure and (head := _head_after_modifying_verb(items[:-1], last)):
        # 集中养育和社会散居|孤儿最低养育标准: items that end with a verb qualify the head the last
        # writes after its own verb
        return [item + head for item in items[:-1]] + [last]
    if not measure and (work := _work_on_every_item(items[:-1], last)):
        return [item + work for item in items[:-1]] + [last]  # 汽车、家电|以旧换新分别…
    if not measure and (catalogued := _catalogued_measure(items[:-1], last)):
        return [*catalogued, last]  # 地表水、近岸海域|水质优良比例分别…
    # (口岸进口, 口岸出口: an item that ends with a measure of the list's own is no bare thing)
    endings = (*cues.measure_endings, *_NAME_ENDINGS, *listed, measure)
    # (快递、邮政业务量: one word the segmenter tags a verb names a business before a volume; so
    # does it before any measure the last item gives one such word alone, 批发、零售|销售额)
    volume = measure in listed or _work_and_measure(last, measure)
    # (快递、邮政、电信业务量: an item _distributed gave the measure already is of the list, the
    # first too: 汽车、家电、文具零售额, where 汽车 is parallel to 文具 and 家电 is not)
    if not measure or not all(
            (_bare_thing(item) or volume and _one_verb_word(item) or share and _HAN_WORDS.fullmatch(item))
            and not item.endswith(endings)
            or item.endswith(measure) and len(item) > len(measure)
            for item in items[:-1]):
        return items
    shared = []
    for item in items[:-1]:
        if item.endswith(measure):
            shared.append(item)
            continue
        head = last[len(item):] if _parallel_opening(item, last) else ""
        if not head.endswith(measure):
            # (汽车、有色金属|行业增加值: the class word before the measure is every item's, and
            # so is the threshold: 汽车、家电|限上零售额; not after an item that names an
            # industry already: 制造业)
            head = next((c + measure for c in (*cues.list_scopes, *_CLASS_HEADS) if last.endswith(c + measure)
                         and not (c in _CLASS_HEADS and item.endswith(_INDUSTRY))), measure)
        shared.append(item + head)
    items = [*shared, last]
    if measure in cues.trade_measures and items[0].startswith(_PARTNER):
        # 对欧盟、东盟、美国进出口总额: the trade is with each partner the list names
        items = [item if item.startswith(_PARTNER) else _PARTNER + item for item in items]
    scope = next((s for s in cues.list_scopes if items[0].startswith(s)), "")
    if scope:
        items = [items[0]] + [item if item.startswith(cues.list_scopes) else scope + item
                              for item in items[1:]]
    return items


def _catalogued_measure(items: list[str], last: str) -> list[str]:
    """地表水水质优良比例 of 地表水、近岸海域|水质优良比例 (a 分别 list): the measure the last item ends with,
    read where the catalogue tells it: the longest end of the last item, from one of its words,
    that makes each bare item before it a name of the catalogue (地表水 + 水质优良比例); ``[]``
    when an item is no bare thing or finds no such name (the last item's own words cannot say
    where its thing ends and its measure begins: 近岸|海域|水质…).

    >>> _catalogued_measure(["地表水"], "近岸海域水质优良比例")
    ['地表水水质优良比例']
    >>> _catalogued_measure(["城镇"], "农村居民消费")
    []
    """
    matcher = load_indicators().matcher
    tokens = _tokens(last)
    ends = ["".join(tokens[at:]) for at in range(1, len(tokens))]  # (longest first)
    named = []
    for item in items:
        if not _bare_thing(item):
            return []
        end = next((end for end in ends if lookup_form(item + end, matcher.noise) in matcher.keys), "")
        if not end:
            return []
        named.append(item + end)
    return named


def _work_on_every_item(items: list[str], last: str) -> str:
    """以旧换新 of 汽车、家电产品以旧换新分别达…, 整合 of 省级系统、县级移动应用整合分别完成…: the
    work a 分别 list's last item ends with (one verb, or a set phrase the segmenter tags so, after
    the last's own words) is done on every item, when each item before it names a thing alone;
    ``""`` otherwise (a change verb is the list's figure, not a work: 分别增长).

    >>> _work_on_every_item(["汽车"], "家电产品以旧换新"), _work_on_every_item(["城镇"], "农村居民消费")
    ('以旧换新', '')
    """
    tokens = _tokens(last)
    # (覆盖, 普及: the verb of a rate, 覆盖率, which the list's rate is named with already)
    # (率, 量: a noun of one character the segmenter may tag a verb, 普惠|率)
    if len(tokens) < 2 or len(tokens[-1]) < 2 or pos_tag(tokens[-1]) not in _WORK_TAGS or (
            tokens[-1] in _word_sets()["change"] or is_word(tokens[-1] + _RATE)):
        return ""
    if not all(_bare_thing(item) for item in items):
        return ""
    return tokens[-1]


_WORK_TAGS = frozenset({"v", "l"})  # 整合, 以旧换新 (tagged a set phrase): a work, not a verbal noun


def _head_after_modifying_verb(items: list[str], last: str) -> str:
    """孤儿最低养育标准 of 集中养育和社会散居孤儿最低养育标准: when every item before the last is a
    short phrase ending in a verb (集中养育: how the head's things are kept), the last item's
    words after its first verb (散居), from the noun that follows it, are every item's head;
    ``""`` otherwise.

    >>> _head_after_modifying_verb(["集中养育"], "社会散居孤儿最低养育标准")
    '孤儿最低养育标准'
    >>> _head_after_modifying_verb(["城镇"], "农村居民收入")
    ''
    """
    if not items or not all(item and len(item) <= _MODIFYING_PHRASE and _HAN_WORDS.fullmatch(item)
                            and pos_tag(_tokens(item)[-1]).startswith("v") for item in items):
        return ""
    tokens = _tokens(last)
    verb = next((at for at, token in enumerate(tokens) if _is_verb(pos_tag(token))), -1)
    end = verb
    while 0 <= end < len(tokens) and _is_verb(pos_tag(tokens[end])):
        end += 1  # (分散|供养|特困人员…: the run of verbs)
    # (a noun, an adjective or a distinguishing word opens the head: 孤儿…, 特困人员…)
    if verb < 0 or end >= len(tokens) or not pos_tag(tokens[end]).startswith(("n", "a", "b")):
        return ""
    head = "".join(tokens[end:])
    # (a level set for the things, 标准, 水平: not 新增发放|创业担保贷款, a flow of its own)
    if not head.endswith(_LEVEL_NOUNS):
        return ""
    return head if len(head) >= _MODIFIED_HEAD and len(last) - len(head) <= _MODIFYING_PHRASE else ""


_LEVEL_NOUNS = ("标准", "水平")  # 最低养育标准, 保障水平: a level set for the things
_MODIFYING_PHRASE = 8  # characters of an item that qualifies a shared head, at most
_MODIFIED_HEAD = 4  # characters of the shared head, at least (孤儿津贴标准)
_CLASS_HEADS = ("行业", "产业")  # a list's class word before its measure (有色金属行业增加值)
_INDUSTRY = "业"  # what the name of an industry, or its class word, ends with


def _measure_after_head(items: list[str], last: str) -> str:
    """The words of ``last`` after the noun every item before it ends with, when they end as a
    measure does (清洁能源 and 新能源|装机占比: 能源 is what both name a kind of; 装机占比 is
    measured of each); ``""`` otherwise.

    The share of a measure noun (cues.measure_nouns) that ends the last item is shared so too
    (风电、光伏|发电量占比).

    >>> _measure_after_head(["清洁能源"], "新能源装机占比"), _measure_after_head(["风电"], "光伏发电量占比")
    ('装机占比', '发电量占比')
    """
    cues = load_vocabulary().cues
    share = next((noun for noun in cues.share_nouns if last.endswith(noun)), "")
    if not share:
        return _measure_after_shared_word(items, last)
    measured = last[:-len(share)]
    noun = max((m for m in cues.measure_nouns if measured.endswith(m) and len(measured) > len(m)),
               key=len, default="")
    if noun:
        return noun + share
    heads = {(_tokens(item) or [""])[-1] for item in items}
    head = heads.pop() if len(heads) == 1 else ""
    at = last.find(head) if len(head) > 1 else -1
    if at > 0 and at + len(head) < len(measured):
        return last[at + len(head):]
    # (战略性新兴产业、高技术制造产业|增加值占全部工业比重: the word both end in, inside the first
    # item's last word)
    return _measure_after_shared_word(items, last, share=True)


def _measure_after_shared_word(items: list[str], last: str, share: bool = False) -> str:
    """The words of ``last`` after a word of its own that ends with the word every bare item
    before it ends with (学前教育 and 高中阶段|教育|毛入学率: both name a kind of 教育), when they
    end as a measure does; ``""`` otherwise (nothing after the word, or items of no one word).

    >>> _measure_after_shared_word(["学前教育"], "高中阶段教育毛入学率")
    '毛入学率'
    >>> _measure_after_shared_word(["城镇"], "农村居民收入"), _measure_after_shared_word(["工业"], "服务业增加值")
    ('', '')
    """
    tails = {_shared_tail(item) for item in items}
    tail = tails.pop() if len(tails) == 1 else ""
    if not tail:
        return ""
    tokens = _tokens(last)
    at = 0
    for token in tokens[:-1]:
        at += len(token)
        if token.endswith(tail) and at > len(tail):
            rest = last[at:]
            endings = load_vocabulary().cues.measure_endings + _NAME_ENDINGS
            # (a share's verb, 占, between the measure and its whole, with ``share``)
            return rest if len(rest) >= _SHARED_MEASURE and rest.endswith(endings) and all(
                pos_tag(t).startswith(("n", "vn", "b")) or share and t == SHARE_VERB for t in _tokens(rest)) else ""
    return ""


_SHARED_MEASURE = 2  # characters of the measure after the shared word, at least (入学率)
_TAIL = 2  # characters of the shared word (教育, 能源): a word, not a character that ends many


def _shared_tail(item: str) -> str:
    """教育 of 学前教育 (one word to the segmenter, two of its own), 能源 of 清洁|能源: the word a
    bare thing ends with; ``""`` for none."""
    if not _bare_thing(item):
        return ""
    word = _tokens(item)[-1]
    tail = word[-_TAIL:]
    return tail if len(word) >= _TAIL and len(item) > _TAIL and is_word(tail) else ""


def _shared_area_scope(items: list[str]) -> list[str]:
    """The kind of area (cues.list_area_scopes) or group of people (scope_populations) the
    first item of a 分别 list opens with, given to each later item that is a measure with no
    scope of its own: the list's measures are of that area (农村供水保障率、集中供水率 →
    农村集中供水率). Only where the first item is the scope and a measure complete without it
    (not 城市公园, a kind of park, nor 农村公路); a later item that opens with a whole, a
    place, a group or a body of its own (全社会用电量, 居民消费价格涨幅, 城镇居民…) keeps its
    name; a group of people is given only to the items that open as its measure does
    (农村居民人均可支配收入、人均消费支出: the per-capita spending is theirs, a 粮食产量 is not).

    >>> _shared_area_scope(["口岸进出口货值", "出入境人次"])
    ['口岸进出口货值', '口岸出入境人次']
    >>> _shared_area_scope(["农村用电量", "全社会用电量"])
    ['农村用电量', '全社会用电量']
    """
    first = items[0]
    scope = _opening_scope(first)
    if not scope:
        return items  # (most lists)
    cues = load_vocabulary().cues
    rest = first[len(scope):]
    endings = cues.measure_endings + _NAME_ENDINGS
    if len(rest) < 2 or not rest.endswith(endings):
        return items
    population = scope in cues.scope_populations
    return [first] + [scope + item if item.endswith(endings) and _BRACKETED_WORDS.fullmatch(item)
                      and not _own_scope(item) and (
                          not population or rest.startswith(_tokens(item)[0])) else item
                      for item in items[1:]]


_GROUP_SUFFIXES = ("", "额", "总额", "余额")  # what a measure of a group may end with
_MIN_GROUP_OWNER = 2  # characters at least of the owner a list's first item names


def measure_group(metric: str) -> tuple[str, ...]:
    """The measures of the groups (cues.measure_groups) a bare name is one of, with its suffix
    (出口, 出口额, 贷款余额): of every group that has it (收入: 支出's and 人次's), longest
    first within each; ``()`` for any other name.

    >>> measure_group("贷款余额"), measure_group("工业增加值")
    (('存款', '贷款'), ())
    """
    return _group_members().get(metric, ())


@lru_cache(maxsize=1)
def _group_members() -> dict[str, tuple[str, ...]]:
    """Every bare name of a group's measure (a member and a suffix: 出口额) → the measures of
    the groups that have it: one look-up a name, where testing each member of each group cost
    a tenth of a million steps a pass."""
    groups_of: dict[str, list[tuple[str, ...]]] = {}
    for group in load_vocabulary().cues.measure_groups:
        for member in group:
            for suffix in _GROUP_SUFFIXES:
                groups_of.setdefault(member + suffix, []).append(tuple(group))
    return {name: tuple(dict.fromkeys(other for group in groups for other in group))
            for name, groups in groups_of.items()}


def owner_in_group(category: str, model: str) -> str:
    """The owner ``model`` names with a measure of a group ``category`` is a bare measure of
    (cues.measure_groups: 货物|进出口|总额 for 出口 → 货物); ``""`` otherwise.

    >>> owner_in_group("进口", "货物出口"), owner_in_group("进口", "出口"), owner_in_group("棉花", "粮食产量")
    ('货物', '', '')
    """
    group = measure_group(category)
    if not group:
        return ""
    at, member = next(((model.find(m), m) for m in group if m in model), (-1, ""))
    owner = model[:at] if at > 0 else ""
    return owner if len(owner) >= _MIN_GROUP_OWNER and _HAN_WORDS.fullmatch(owner) and (
        (_PER_HEAD not in owner or len(member) > _BARE_MEMBER)
        and model[at + len(member):] in _GROUP_SUFFIXES) else ""


# 人均 is an owner's word before a measure of the group of its own (全体居民人均|可支配收入 owns
# 转移净收入), not before a bare member found inside a longer word (居民人均可支配|收入…，支出…:
# a per-head income's pair is no bare 支出)
_PER_HEAD = "人均"
_BARE_MEMBER = 2  # characters of a bare member (收入, 支出, 出口)
def _shared_group_owner(items: list[str]) -> list[str]:
    """The owner the first item of a 分别 list names with a measure of a group
    (cues.measure_groups), given to each later item that is a bare measure of that group: the
    list is of one owner's measures (入境游客人次和总花费 → 入境游客总花费; 一般公共预算收入、
    支出 → 一般公共预算支出). An item with words of its own keeps them.

    >>> _shared_group_owner(["入境游客人次", "总花费"])
    ['入境游客人次', '入境游客总花费']
    """
    first = items[0]
    member = max((m for group in load_vocabulary().cues.measure_groups for m in group
                  if first.endswith(m)), key=len, default="")
    owner = first[:-len(member)] if member else ""
    if len(owner) < _MIN_GROUP_OWNER or not _BRACKETED_WORDS.fullmatch(owner):
        return items  # (most lists)
    return [first] + [owner + item if member in measure_group(item) else item
                      for item in items[1:]]


# 污水治理（管控）率: a name's brackets; 5G网络: a name's Latin letters and digits
_BRACKETED_WORDS = regex.compile(r"[\p{Han}A-Za-z0-9（）]+")


_SIZE_OF_AREA = regex.compile(r"[0-9]+户(?:及|或)?以上")  # 20户及以上: the size of the villages after it


def _opening_scope(name: str) -> str:
    """The group of people ``name`` opens with (农村居民, however the segmenter cut it: 农村|
    居民人均…), else the longest kind of area it opens with as whole words (农村|供水|保障率,
    城市|建成区|…) or before a word of two characters or more (农村卫生|户|厕…: the segmenter
    joined them; not 城市|化率), ``""`` for none."""
    cues = load_vocabulary().cues
    population = max((s for s in cues.scope_populations if name.startswith(s)), key=len, default="")
    if population:
        return population
    if name[:1].isdigit() and (threshold := _SIZE_OF_AREA.match(name)) is not None and (
            area := _opening_scope(name[threshold.end():])):
        return threshold.group() + area  # (20户及以上|自然村: the villages of that size)
    found = [s for s in cues.list_area_scopes if name.startswith(s)]
    if not found:
        return ""
    bounds, at = set(), 0
    for token in _tokens(name):
        at += len(token)
        bounds.add(at)
    return max((s for s in found if len(s) in bounds or len(_tokens(name[len(s):])[0]) > 1),
               key=len, default="")


def _own_scope(item: str) -> bool:
    """Whether a later item of a list opens with a scope of its own: a kind of area, a group of
    people or a part of one (城镇, 全体), a body (企业), a whole (全社会, 居民), a scope word
    (全市) or a place. A threshold (规上工业) is no area: 县域|规上工业增加值 has both."""
    cues = load_vocabulary().cues
    if item.startswith(cues.list_scopes):
        return False
    if item.startswith((*cues.list_area_scopes, *cues.scope_populations, *cues.population_parts,
                        *cues.list_own_openers, *cues.subjects, *cues.scope_words,
                        *cues.distributive_words)):
        return True
    return pos_tag(_tokens(item)[0]) == "ns"


def _parallel_opening(item: str, last: str) -> bool:
    """Whether ``last`` opens as ``item`` is written, another word in place of the item's first
    (城镇|居民 and 农村|居民人均可支配收入, whatever the segmenter made of them; not 工业 and
    工业技改投资, the same word)."""
    return any(last[at:len(item)] == item[at:] and last[:at] != item[:at]
               for at in range(1, len(item) - 1))


_PARTNER = "对"  # 对欧盟出口: the partner of a trade
_ITEM_NOTE = regex.compile(r"[（(]\p{Han}{1,10}[）)]$")


def _bare_thing(item: str) -> bool:
    """高端装备, 新能源汽车, 肉: a name of a thing, words ending in a noun (not a number or a
    measure word), or a noun of one character."""
    item = _ITEM_NOTE.sub("", item)  # (欧盟（不含英国）: a note on the thing's bounds)
    if len(item) == 1 and _HAN_WORDS.fullmatch(item):
        return pos_tag(item) == "n"  # (肉、奶产量: a noun of one character; not 一、二、三产)
    if len(item) < 2 or not _HAN_WORDS.fullmatch(item):
        return False
    tokens = _tokens(item)
    tag = pos_tag(tokens[-1])
    # (高端装备|制造: an industry named by its work, a thing of the list as 装备 is)
    return tag.startswith(_NOMINAL_TAGS) and tag not in ("m", "q") or (
        len(tokens) > 1 and tokens[-1] in _INDUSTRY_WORK)


_INDUSTRY_WORK = frozenset({"制造", "加工"})  # the work an industry is named by (装备制造)


def _work_and_measure(item: str, measure: str) -> bool:
    """零售|销售额: an item that is one word of a work (a verb, or a verb's noun) and the measure.

    >>> _work_and_measure("零售销售额", "销售额"), _work_and_measure("实物商品网上零售额", "零售额")
    (True, False)
    """
    work = item[:-len(measure)] if measure and item.endswith(measure) else ""
    return len(work) >= 2 and is_word(work) and pos_tag(work) in ("v", "vn")


def _one_verb_word(item: str) -> bool:
    """快递, 仓储: one word of two characters or more that the segmenter tags a verb."""
    return len(item) >= 2 and is_word(item) and _is_verb(pos_tag(item))


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
    owner_name = "".join(owner)
    cues = load_vocabulary().cues
    if owner_name in cues.list_area_scopes or owner_name in cues.population_parts:
        return ""  # (农村|居民人均可支配收入: a kind of area, no owner: _shared_area_scope's)
    return owner_name


def _distributed(items: list[str], wanted: int,
                 distributive: dict[str, tuple[str, ...]]) -> list[str]:
    """The items of a 分别 list with their shared words given to each: one word that stands
    for several items (城乡居民收入 → 城镇居民收入, 农村居民收入, when the figures are as many),
    and bare words parallel to the first word of the last item, which carries the head for all
    (城镇、农村居民人均可支配收入; 国有、民营企业营业收入). A first item that is a name of its
    own (高新技术企业、科技型中小企业) is not parallel to a word of the last.

    >>> _distributed(["城镇", "农村居民人均可支配收入"], 2, {})
    ['城镇居民人均可支配收入', '农村居民人均可支配收入']
    >>> _distributed(["城市", "农村居民人均可支配收入"], 2, {})
    ['城市居民人均可支配收入', '农村居民人均可支配收入']
    """
    if len(items) == 1 and wanted > 1:
        # (一二三产业 before 一二三产; 一、二、三产业 read as the subject is: _unlisted)
        for word, parts in sorted(((w.replace("、", ""), p) for w, p in distributive.items()),
                                  key=lambda entry: -len(entry[0])):
            if items[0].startswith(word) and len(parts) == wanted:
                rest = items[0][len(word):]
                return [part + rest for part in parts]
        return items
    if len(items) < 2:
        return items
    last = items[-1]
    # (a list of three items or more whose earlier items are words of one kind each, the
    # verbs the clause opens with before the first: 改造老化|供水、燃气、排水管道)
    first = _after_opening_verbs(items[0])
    loose = len(items) > 2 and all(_one_word(item) for item in (first, *items[1:-1]))
    result = []
    for at, item in enumerate(items[:-1]):
        head = _parallel_head(first if at == 0 and loose else item, last, loose)
        if not head and len(_tokens(item)) == 1 and pos_tag(item) == "b":
            # 刑事、治安案件; 国家级、省级开发区: a word that only qualifies (区别词) is no name
            # alone, and takes the head the last item's qualifier stands before
            head = _head_after_qualifier(last)
        result.append(item + head)
    return [*result, last]


def _parallel_head(item: str, last: str, loose: bool = False) -> str:
    """The words of ``last`` after its opening word, when ``item`` is one word of the same kind
    as that opening (农村|居民…, 民营|企业…) and takes the rest of that word as the other takes it
    (国有企业, not 汽车金属 from 有色金属行业); ``""`` otherwise. With ``loose`` (a list of three
    items or more, two of them words of one kind before the last) the rest of the word need only
    be the rest of the last item, one word (供水、燃气、排水|管道: 管道 of the one word 排水管道 to
    the segmenter; not 航空|航天行业增加值), and a verbal noun is a thing of the list (供水).

    >>> _parallel_head("城镇", "农村居民人均可支配收入"), _parallel_head("院士", "博士后科研人员")
    ('居民人均可支配收入', '')
    """
    if not 0 < len(item) < len(last) - 1 or not _one_word(item):
        return ""
    first_word = _tokens(last)[0]
    opening = last[:len(item)]
    rest_of_word = first_word[len(item):]
    head = last[len(item):]
    parallel = (opening != item and len(first_word) >= len(item) and is_word(opening)
                and _parallel_tags(item, opening, loose)
                and (not rest_of_word or is_word(item + rest_of_word)
                     # (排水管|网 as the segmenter cuts it: 管网 is the word after 排水)
                     or loose and len(head) > 1 and _one_word(head))
                # (制造业 and 战略性|新兴产业贷款: an item that ends as the last's thing
                # does names a thing of that kind already, no word parallel to its opening)
                and item[-1] not in head)
    return head.removeprefix("等") if parallel else ""  # (食品、…信息等产业增加值)


def _parallel_tags(item: str, opening: str, loose: bool = False) -> bool:
    """Whether two words are things of one kind to the tagger: one nominal tag, or a noun and a
    word it tags a person (玉米|nr), or with ``loose`` a verbal noun (供水|vn) that a list of
    things writes as a thing; 城市|ns and 农村|n, two parts of the population, whatever their
    tags."""
    tags = {pos_tag(item), pos_tag(opening)}
    if len(tags) == 1:
        return next(iter(tags)).startswith(_NOMINAL_TAGS)
    parts = load_vocabulary().cues.population_parts
    return tags == _PERSON_TAGGED or loose and tags == _VERBAL_NOUN or item in parts and opening in parts


_PERSON_TAGGED = frozenset({"n", "nr"})  # a thing the segmenter tags a person (玉米)
_VERBAL_NOUN = frozenset({"n", "vn"})  # a thing named by its work (供水), beside a noun


def _after_opening_verbs(item: str) -> str:
    """供水 of 改造老化|供水: the word a list's first item ends with, when the words before it
    open with a verb (the clause's, not the item's); ``item`` otherwise."""
    tokens = _tokens(item)
    if len(tokens) < 2 or not _is_verb(pos_tag(tokens[0])):
        return item
    return tokens[-1]


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


MAX_CHAIN = 32  # figures an enumeration (分别…) can name at most


def _names_several(clause: str) -> bool:
    """Whether ``clause`` holds a word that stands for several items (城乡, 三次产业:
    cues.distributive_words), which a list of figures after it may pair off with."""
    return _distributive_words().search(clause) is not None


@lru_cache(maxsize=1)
def _distributive_words() -> re.Pattern[str]:
    """cues.distributive_words as one pattern: one search of the clause, where a loop over
    the words searched it for each."""
    return words_pattern(tuple(load_vocabulary().cues.distributive_words))


# A list of examples as a name: words, the list's marks between them
_LISTED_NAME = regex.compile(r"[\p{Han}A-Za-z]+(?:、[\p{Han}A-Za-z]+)*")
_LIST_MARKS = str.maketrans({"，": "、", ",": "、"})
_COMMAS = regex.compile("[，,]")


def _opens_with_verb(piece: str) -> bool:
    """组建…, 新|组建…: a verb first, or after a word of one character (新, 再)."""
    tokens = _tokens(piece[:_VERB_OPENING])
    return bool(tokens) and (pos_tag(tokens[0]) == "v" or len(tokens) > 1 and len(tokens[0]) == 1
                             and pos_tag(tokens[1]) == "v")


_VERB_OPENING = 6  # characters of a piece read for the verb it opens with
_MARKS = regex.compile("[、，,]")


def named_examples(block: Block, figure: Figure, words: PhraseAnalysis, previous: Figure | None,
                   places: frozenset[str]) -> str:
    """新建城市书房、社区图书馆等|120个以上。: a list of examples closed by 等 and a count with no
    noun after it names the count — the list, with the verb that opens it where rule 7 keeps
    it (新建城市书房、社区图书馆; 推进|道路改造、管网更新 → 道路改造、管网更新), its items joined by
    、 (as the text writes them, ， read as 、). Read back from the figure's clause as the
    list of examples before 等 and a noun is (维修改造…、…等58条道路), not past the figure
    before it. ``""`` when the clause is no such list or the figure has words after it."""
    if not words.clause.endswith("等") or words_after(words.right):
        return ""
    start = examples_start(block, words.clause_start, figure.lstart)
    if previous is not None and previous.lend > start:
        # (…80个、农家书屋等1200个: the list after the figure, from the mark that ends its clause)
        mark = _MARKS.search(block.text, previous.lend, words.clause_start)
        start = mark.end() if mark is not None else words.clause_start
    listed = block.text[start:figure.lstart].removesuffix("等").removesuffix("等")
    # (重塑…体系，新|组建|省实验室、…等: a piece after a ， that opens with a verb opens a
    # clause of its own, and the list; not 社区|健身|园, a verb inside a noun)
    opening = max((comma.end() for comma in _COMMAS.finditer(listed)
                   if _opens_with_verb(listed[comma.end():])), default=0)
    listed = listed[opening:]
    name = without_effort_verb(clean_metric(listed.translate(_LIST_MARKS), places)[0])
    return name if _LISTED_NAME.fullmatch(name) else ""


def _paired_items(block: Block, figures: list[Figure], position: int, words: PhraseAnalysis,
                  places: frozenset[str]) -> list[str]:
    """口岸货运量、客运量|增长12.1%、35.2%: a list of measures before a list of as many
    figures, with no 分别, pairs off with them in order as a 分别 list does (口岸客运量 for
    35.2%): the clause is read as if 分别 stood between its name and its predicate, items
    written with ， as with 、 (a writer's choice between the two must not change the
    records); ``[]`` when the clause opens with no name before a predicate, or the items are
    not as many as the figures."""
    length = _chain_length(block, figures, position)
    if length < 2:
        return []
    text = block.text
    figure = figures[position]
    clause = text[words.clause_start:figure.lstart]
    # (城乡居民人均可支配收入|由2020年的|41200元和15800元: the start of a from-to)
    named = _FROM_START.sub("", clause)
    if _ANY_DIGIT.search(named) or says_respectively(text, words.sentence_start, words.clause_start):
        return []  # (…分别从645元/月、|4318元/年提高到…: a 分别 list of the clause before)
    name = clean_metric(named, places)[0]
    at = clause.find(name) + len(name) if name else -1
    if at <= 0 or at == len(clause) and figure.number_start == figure.lstart and (
            not words.clause_start or text[words.clause_start - 1] != "、"):
        # (no name, a name the clause does not write whole, or no predicate after it: not
        # even a qualifier, 卫生厕所普及率|超过97％、86％; unless the name closes a list of its
        # own, 改造供热、燃气、排水管网|500公里、400公里、200公里: its items pair off)
        return []
    # (口岸货运量、|客运量|分别|增长)
    said = (text[words.sentence_start:words.clause_start] + clause[:at]
            + load_vocabulary().cues.respectively[0] + clause[at:])
    return _respectively_items(said, places, length, bare=True)


# two items joined by 和, 及 or 与 (战略性新兴产业和高技术制造业…), which a list of as many figures
# pairs off with as a 、 list (a writer's choice between the marks must not change the records)
_ITEMS_JOINED = regex.compile(r"\p{Han}[和及与]\p{Han}")
_FROM_START = regex.compile(r"[从由](?:[0-9]{4}年(?:底|末)?)?的?$")  # 由|2020年的|41200元


def _respective(block: Block, figures: list[Figure], position: int, words: PhraseAnalysis,
                block_drafts: list[Draft], places: frozenset[str]) -> list[tuple[str, Figure | None]]:
    """分别: 其中A、B、C分别为x、y、z gives x, y, z the names A, B, C; 甲x、乙y，分别增长p、q gives
    p, q the names (and the figures) of x and y (``words``: the analysis of ``figures[position]``)."""
    kind = words.kind
    own_clause = words.respectively
    if not own_clause and (words.clause_start and block.text[words.clause_start - 1] in _LIST_COMMAS
                           or _names_several(words.clause) or _ITEMS_JOINED.search(words.clause)) and (
            paired := _paired_items(block, figures, position, words, places)):
        return [(item, None) for item in paired]
    # 城乡居民收入分别达5.7万元、2.8万元，增长4.6%、6.1%: the growths pair off with the levels
    # of the 分别 list of the clause before
    if not own_clause and kind not in DESCRIBING_KINDS:
        return []  # (most figures: their sentence is not even searched)
    sentence_start = words.sentence_start
    if not own_clause and not says_respectively(block.text, sentence_start, figures[position].lstart):
        return _growths_of_two_levels(block, figures, position, words, block_drafts)
    sentence = block.text[sentence_start: figures[position].lstart]  # to the figure
    length = _chain_length(block, figures, position)
    carried = not own_clause
    if carried and length < 2:
        return []
    if own_clause:
        items = _respectively_items(sentence, places, length)
        if items and kind == "change_pp":
            items = _gaps_compared(items, sentence)
        if items:
            return [(item, None) for item in items]
    if kind not in DESCRIBING_KINDS:
        return []
    # (…比重78.7%，…比重62.6%，分别提高11.1、11.2个百分点: changes in points of the shares or
    # rates before them, each of its own in order)
    base_kinds = _POINT_BASES if kind == "change_pp" else BASE_KINDS
    bases = [d for d in block_drafts[-2 * MAX_CHAIN:]
             if d.figure.lstart >= sentence_start and d.kind in base_kinds]
    if kind == "share" and own_clause and len(bases) < length:
        # A、B投资分别增长x、y，占工业投资比重分别为p、q: shares of the items of the list
        # before, of the whole the share's clause writes
        return _shares_of_listed(words.clause, block_drafts, sentence_start, length)
    if len(bases) < length or (carried and not all(
            d.metric_from == "list" for d in bases[-length:])):
        return []
    return [(d.metric, d.figure) for d in bases[-length:]]


_POINT_BASES = frozenset({"share", "rate"})  # the levels a change in points is of
_JOINED_PAIR = regex.compile(r"[和、及]")  # between the two growths of 增长p和q


def _growths_of_two_levels(block: Block, figures: list[Figure], position: int, words: PhraseAnalysis,
                           block_drafts: list[Draft]) -> list[tuple[str, Figure | None]]:
    """接待游客1.86亿人次、实现收入2315亿元，增长14.2%和19.7%: two growths joined by 和 or 、 in a
    clause of their own (a growth word, the two figures), right after two levels of two measures
    (two units) in the sentence, pair off with them in order, as after 分别; ``[]`` for any other
    figure."""
    if words.kind != "growth" or position + 1 >= len(figures) or (
            _COMPARED_WITH_LAST_YEAR.sub("", words.clause.strip("，,、 ")) not in _word_sets()["change"]):
        return []  # (the clause is a change verb alone: 增长, 同比下降, 比上年提高)
    second = figures[position + 1]
    if not _JOINED_PAIR.fullmatch(block.text[figures[position].lend:second.lstart].strip()) or (
            position + 2 < len(figures)
            and block.clause_start(figures[position + 2].lstart) == block.clause_start(second.lstart)):
        return []  # (the two figures alone: not a list of three)
    bases = [d for d in block_drafts[-MAX_CHAIN:]
             if d.figure.lstart >= words.sentence_start and d.kind in BASE_KINDS]
    if len(bases) < 2 or bases[-1].figure.unit == bases[-2].figure.unit or not (
            bases[-1].metric and bases[-2].metric) or bases[-1].metric == bases[-2].metric:
        return []
    return [(d.metric, d.figure) for d in bases[-2:]]


_COMPARED_WITH_LAST_YEAR = regex.compile(r"^(?:同比|比上年|较上年)")  # before the change verb
_ORDINAL_ALONE = regex.compile(r"第[一二三四五六七八九十]")  # 第一 of 第一、第三产业
_ORDINAL_OPENING = regex.compile(r"第[一二三四五六七八九十](?=\p{Han}{2})")


@lru_cache(maxsize=1)
def _compared() -> regex.Pattern[str]:
    """分别|高于全国, 分别|快于全省平均: a comparison (cues.comparison_verbs) and its whole area."""
    verbs = "|".join(sorted(map(regex.escape, load_vocabulary().cues.comparison_verbs), key=len, reverse=True))
    return regex.compile(rf"分别((?:{verbs})(?:全[国省市区州县盟旗])?(?:平均水平|平均)?)(?=[0-9０-９]|$)")


def _gaps_compared(items: list[str], sentence: str) -> list[str]:
    """工业投资增速高于全省 of 工业投资、民间投资|增速|分别高于全省|3.2个、1.5个百分点:
    gaps in points of a 分别 list name each item's growth (the growth noun the list writes once,
    cues.growth_nouns) and the base it is compared to, as one gap is named
    (规上工业增加值增速高于全国); ``items`` when no such comparison follows 分别."""
    found = None
    for found in _compared().finditer(sentence):
        pass
    if found is None:
        return items
    # (the growth noun right before 分别)
    growth = next((g for g in sorted(load_vocabulary().cues.growth_nouns, key=len, reverse=True)
                   if sentence.endswith(g, 0, found.start())), "")
    return [item + ("" if not growth or item.endswith(growth) else growth) + found.group(1) if item else item
            for item in items]


def _shares_of_listed(clause: str, block_drafts: list[Draft], sentence_start: int,
                      length: int) -> list[tuple[str, Figure | None]]:
    """The names of a 分别 list of ``length`` shares whose clause writes their whole (占工业投资
    比重分别为…, 分别占工业投资的…) and no items: the items of the 分别 list of growths or levels right before
    it in its sentence, each a share of that whole; ``[]`` when there is no such list."""
    text = clause.lstrip("，,")
    respectively = load_vocabulary().cues.respectively
    whole = _SHARE_WHOLE.match(text)  # (占工业投资比重|分别为, 占全部投资的比重|分别为)
    if whole is not None and text.startswith(respectively, whole.end()):
        named = whole.group()
    else:  # (分别|占规模以上工业增加值的: the whole after 分别, named as one share's is)
        opening = next((word for word in respectively if text.startswith(word + "占")), "")
        named = named_whole(text, len(opening)) if opening else ""
    listed = [d for d in block_drafts[-length:] if d.figure.lstart >= sentence_start
              and d.metric_from == "list" and d.kind != "share" and d.metric]
    if not named or len(listed) < length or len({d.metric for d in listed}) < length:
        return []
    return [(d.metric + named, None) for d in listed]

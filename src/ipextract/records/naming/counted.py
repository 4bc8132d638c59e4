"""Rule 3: the noun counted after a figure (6家|中华老字号|入选 → 中华老字号), with the predicate
of a generic noun (14家|企业|上榜… → 企业上榜…), and the lone verb of action before a count."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from ...blocks import BULLETS, CLAUSE_BREAK, MAX_REACH, SENTENCE_END, Block
from ...figures import name_numbers_end
from ...labels import BOUND_OPENINGS
from ...numerals import CHINESE_DIGITS
from ...vocabulary import cue_set, cue_words, load_vocabulary
from ...vocabulary.lexicon import pos_tag
from ..base import (
    _COPULAS,
    _HOLDS_QUOTE,
    _LEADING_FIGURE,
    _NOMINAL_TAGS,
    _QUOTE_CHARACTERS,
    ITEM_JOINS,
    NOUN_JOINS,
    PERCENT_UNITS,
    _strip_edges,
    _tokens,
    _word_sets,
    _wordlike,
)
from .phrase import (
    _BOUND_WORDS,
    _LEVEL,
    _LIST_COMMAS,
    BRACKET_NOTE,
    CARRY_OUT_VERB,
    _adjectives_open,
    _is_verb,
    _noun_after_adjectives,
    closing_bracket,
    unclosed_bracket,
    without_inner_manner,
)

_SHORT_NAME = 8  # characters: a noun phrase this short that ends its clause is read whole


@lru_cache(maxsize=1 << 14)  # pure, and reports repeat their phrases
def _right_noun(text: str, relative: bool = False) -> str:
    """Rule 3: the noun phrase after a measure word (6家|中华老字号|入选 → 中华老字号).

    A verb inside it is kept when a single noun closes the clause after it (示范|企业,
    支持|票据) and ends it otherwise (入选|新一批…, 签订|战略合作协议); 和/与/及 between two
    nouns joins them (国家|和|地区). With ``relative`` (after a count: the things counted) a
    verb phrase and 的 before the noun are read with it (具有全国影响力的|文化旅游品牌; after an
    amount such words say what it is for). Numbers that are part of the name, no figure
    (7个|750千伏输变电工程: cues.toml non_figure_patterns), are read with it."""
    # (the words that open with such numbers, to the end of the word they run into)
    named = name_numbers_end(text) if text[:1].isdigit() else 0
    if not named:
        stripped = _LEADING_FIGURE.sub("", text)
        if stripped != text and stripped.startswith(_BOUND_WORDS) and len(stripped) > 2:
            # 300个|5000万元以上|项目: the size class the things open with is a word of their name
            rest = _right_noun(stripped[2:], relative)
            return text[:len(text) - len(stripped) + 2] + rest if rest else ""
        text = stripped
    if "“" in text[:_SHORT_NAME + 4] and text[:1] not in _OPENING_QUOTES and (
            quoted_inside := _QUOTED_INSIDE.match(text)) is not None:
        # 国家级|“小巨人”|企业: a quoted name after the words that qualify it is a word of the
        # things' name, read without its marks (as one that opens them: 5家|“小巨人”企业)
        text = quoted_inside.group(1) + quoted_inside.group(2) + text[quoted_inside.end():]
    word_sets = _word_sets()
    predicate = word_sets["predicate_nouns"]
    quoted = _QUOTED_OPENING.match(text) if text[:1] in _OPENING_QUOTES else None
    if quoted is not None:
        # 5家|“小巨人”|企业入选…, 12项|“一件事一次办”|落地见效: the quoted name with the nouns
        # right after it; a verb, or a word of the predicate the segmenter tags a noun (落地,
        # 全部), ends it; verbs before the first noun qualify it (“两山”|实践创新|基地)
        words: list[str] = []
        nouns = 0  # how many of the taken words are nouns
        quoted_on = _tokens(text[quoted.end():quoted.end() + _SHORT_NAME])
        for index, token in enumerate(quoted_on):
            if not _wordlike(token) or token in predicate:
                break
            tag = pos_tag(token)
            # (“蒙”字标|好|产品: an adjective before a noun is a word of the name; so is a word of
            # place before one, “一带一路”|沿线|国家|航线)
            qualifying = (tag == "a" and bool(nouns) or tag == _PLACE_WORD) and index + 1 < len(quoted_on) and (
                pos_tag(quoted_on[index + 1]).startswith(_NOMINAL_TAGS))
            if not tag.startswith(_NOMINAL_TAGS) and not qualifying and (nouns or not tag.startswith("v")):
                break
            words.append(token)
            nouns += tag.startswith(_NOMINAL_TAGS)
        while words and not pos_tag(words[-1]).startswith(_QUOTED_HEADS):
            words.pop()  # (享誉|海内外: a verb and a place are no head of the name)
        return (quoted.group(1) or quoted.group(2)) + "".join(words)
    tokens: list[str] = []
    closed = True  # the tokens run to the end of the clause (not to another figure)
    in_name = 0  # how many tokens open at the name's numbers
    inner: set[int] = set()  # the tokens of numbers of the name after its first words
    for token in _tokens(text[:24]):
        if token[0] in SENTENCE_END or token[0] in CLAUSE_BREAK:
            break
        if tokens and token in ITEM_JOINS and text[
                (after := len("".join(tokens)) + len(token)):after + 1].isdigit() and (
                name_numbers_end(text, after) <= after):
            # 3个|硕士授予单位|和|62个…: a join before the next count closes the item as 、 does
            # (not 750千伏|和|330千伏电网工程: numbers of the name)
            break
        if len("".join(tokens)) < named:
            if in_name < len(tokens) or inner:
                inner.add(len(tokens))
            else:
                in_name += 1
            tokens.append(token)
            continue
        if tokens and token[:1].isdigit() and (
                inner_end := name_numbers_end(text, at := len("".join(tokens)))) > at:
            # 人口|20万以上的县: a size class is a number of the name (cues non_figure_patterns)
            named = inner_end
            inner.add(len(tokens))
            tokens.append(token)
            continue
        # (4G|/|5G|基站, 公园|/|绿地: a slash between two words joins them, as 和 does)
        if not _wordlike(token) and not (tokens and (
                _LETTERED.fullmatch(token) or token in _SLASHES)):
            closed = False
            break
        tokens.append(token)
    if closed and len(tokens) > 2 and not _LIST_CLOSERS.isdisjoint(tokens[1:-1]) and (
            "".join(tokens[(at := _closer_at(tokens)) + 1:]) in cue_set("example_closing_heads")):
        # 6座|抽水蓄能电站|等|项目: the generic word the examples close with names no more than
        # the things counted
        tokens = tokens[:at]
    # (…断面|中，: a place word closing the clause ends no name, the noun before it does)
    # (…、15个|特色商圈|等，: the 等 that closes a list is no part of its last item's noun)
    short = tokens[:-1] if closed and len(tokens) > 1 and (
        pos_tag(tokens[-1]) == "f" or tokens[-1] in _LIST_CLOSERS) else tokens
    if closed and short and len("".join(short)) <= _SHORT_NAME and (
        pos_tag(short[-1]).startswith(_NOMINAL_TAGS) or len(short[-1]) == 1
    ) and predicate.isdisjoint(short) and not any(  # (个人|荣获|党中央: a verb tagged a name)
            token in word_sets["outside_compounds"] and pos_tag(token).startswith("n")
            for token in short[1:]):
        # …、2680个提档升级村。: a short noun phrase closing the clause (圆|了|安居梦: without
        # the aspect particle, as a predicate is read)
        return "".join(token for token in short if token != _ASPECT)
    if relative and closed and (sized := _with_size_class(tokens)):
        return sized  # 2个|工业产值过百亿的|园区: the things with the class that qualifies them
    taken: list[str] = []
    # 一类|创新|药, 二级|以上|医院: a class word leads the noun counted; its words run to the noun
    lead = _class_lead(tokens, word_sets) if tokens and tokens[0] in word_sets["class_words"] else 0
    # 老|旧|小区…: two adjectives or more open the things counted; read so only when the noun
    # phrase closes the clause (老旧小区改造。), not before what is done with or at them
    adjectives_open = closed and _adjectives_open(tokens)
    for index, token in enumerate(tokens):
        # (困难群众|圆|了|安居梦: a word the aspect particle follows is a verb, whatever the
        # segmenter tags it; the things counted end before it)
        tag = "v" if tokens[index + 1:index + 2] == [_ASPECT] else pos_tag(token)
        following = pos_tag(tokens[index + 1]) if index + 1 < len(tokens) else ""
        inner_numeral = tag in ("m", "q") and index + 1 < len(tokens) and not token.isdigit()
        next_token = tokens[index + 1] if index + 1 < len(tokens) else ""
        # (提升|举措: a noun the segmenter tags a verb closes the name as a noun does)
        following_nominal = following.startswith(_NOMINAL_TAGS) or next_token in word_sets["nouns_tagged_verbs"]
        # 国家实验室|永久|园区: an adverb of two characters between the nouns of a name (not
        # 全面|建成, 全部|完成: an adverb of the predicate, before its verb)
        inner_adverb = tag == "d" and len(token) > 1 and bool(taken) and following.startswith(
            _NOMINAL_TAGS) and next_token not in predicate
        # 产业|集聚|区, 科技|孵化|园: a verb before a one-character head of a compound noun
        # (cues.compound_heads) is a word of the compound, and so is one between nouns before a
        # longer head (科技|创新|成果: cues.compound_head_nouns)
        verb_before_head = tag.startswith("v") and bool(taken) and (
            next_token in word_sets["compound_heads"] or len(token) > 1 and pos_tag(taken[-1]).startswith(
                _NOMINAL_TAGS) and next_token in word_sets["compound_head_nouns"])
        # 友好|合作伙伴; 城市|黑|臭|水体: adjectives before the noun they qualify (a run of them
        # or opening it: 老|旧|小区)
        # (紧密|型|城市…: an adjective before its suffix; 现代|服务业: a word of kind the
        # segmenter tags a time)
        modifier = tag == "a" and (following_nominal or following == "k"
                                   or bool(taken) and _noun_after_adjectives(tokens, index + 1)
                                   or index == 0 and adjectives_open) or (
            tag == "k" and bool(taken)) or (
            tag == "t" and following.startswith(_NOMINAL_TAGS) and tokens[index + 1] not in predicate)
        # 国|控|断面: a one-character verb the segmenter cut from the character before it,
        # inside a noun (an abbreviation it does not know)
        cut_abbreviation = (tag == "v" and len(token) == 1 and len(taken) == 1
                            and len(taken[0]) == 1 and following.startswith(_NOMINAL_TAGS))
        # 服务|点, 监测|点: the one-character head of a compound the segmenter does not know,
        # which it tags a numeral (it is none: no digit of a number after a noun closes it)
        head_character = bool(taken) and _is_head_character(tokens, index)
        # 9个|县|获评…, 13个|县|被命名为…: a generic noun the segmenter tags zg, before the
        # predicate _with_predicate keeps (not 县（市、区）, 村（居）委会: a longer noun)
        # (县|乡村|三级|养老服务网络: a generic noun the segmenter tags zg before a noun is a
        # word of the compound)
        generic = token in word_sets["generic_counted"] and (
            following == "v" or tokens[index + 1:index + 2] == ["被"]  # (not 县|建设 vn)
            or tag == "zg" and following.startswith(_NOMINAL_TAGS) and following != "vn"
            and next_token not in predicate)  # (not 县|全部|达到…)
        # 亿元|以上|工业项目: the bound of a size class the things open with (not a place word)
        size_bound = token in _BOUND_WORDS and bool(taken) and (
            pos_tag(taken[-1]) in ("m", "q") or taken[-1] in _LEVEL_BOUND_JOINS) and (
            following.startswith(_NOMINAL_TAGS))
        # 省级|及|以上|企业技术中心: 及 before the bound of a level is no join of two items
        level_bound = token in _LEVEL_BOUND_JOINS and bool(taken) and taken[-1].endswith(
            _LEVEL) and next_token in _BOUND_WORDS
        nominal = (tag.startswith(_NOMINAL_TAGS) or tag == "x" or inner_numeral or modifier or size_bound
                   or generic or cut_abbreviation or head_character or token in word_sets["nouns_tagged_verbs"]
                   or inner_adverb or verb_before_head) and (
            # (未来产业|加速|园: a word of the predicate elsewhere, before a one-character head of a
            # compound, is a word of the compound)
            token not in predicate or verb_before_head and next_token in word_sets["compound_heads"]) and not (  # (民生实事|全部|完成; 升级|举措)
            # (个人|荣获|党中央: a verb of what the counted did that the segmenter tags a name,
            # after the first word)
            index and tag.startswith("n") and token in word_sets["outside_compounds"])
        joins_nouns = bool(taken) and token in NOUN_JOINS and following.startswith(_NOMINAL_TAGS)
        # (示范|企业: one noun after a verb closes the clause; 出行|便利化|措施: a compound)
        # (20项|提升|举措: a verb before a noun the segmenter tags a verb, closing the clause, opens
        # the name as a noun would)
        # (举措|加快|落地: a word of effort opens the predicate, no verb of the things' name)
        verb_in_name = tag.startswith("v") and token not in word_sets["figurative_verbs"] and (
            token not in _effort_words()) and (
            bool(taken) or index == 0 and len(tokens) == 2 and (
            next_token in word_sets["nouns_tagged_verbs"])) and closed and (
            index == len(tokens) - 2 and following_nominal
            or _compound_goes_on(tokens, index, word_sets["outside_compounds"])
            # 企业|数字化|改造, 家庭|适老化|改造: after a noun in 化 the verb that closes the
            # clause is the change made (a compound of its own), not what the counted did
            or index == len(tokens) - 1 and len(token) > 1 and taken[-1].endswith("化")
            # …老旧小区|改造。, …黑臭水体|治理。: a verb of work closing the clause after the
            # things counted is the work done on them (cues.works_on_things)
            or index == len(tokens) - 1 and token in word_sets["works_on_things"]
            and len("".join(taken)) >= 2)
        if taken and token.endswith(_rates()):
            break  # 147个|国|考|断面|水质|优良率…: a rate is no thing counted, but the next figure's
        if taken and (token in word_sets["scope"] or token in _predicate_places()) and index + 1 < len(tokens) and (
                _is_verb(following)):
            break  # …成果|全国|复制推广, …卫星|全球|组网: the predicate's scope, after the things counted
        if taken and _measure_with_predicate(tokens, index):
            break  # 191家|工业企业|营业|收入|超…: the things counted, then a measure of theirs
        # (…片区|更新。: a verb of work the segmenter tags no verb, 更新 read as 更|新, closes
        # the things counted as the others do)
        work_closing = closed and index == len(tokens) - 1 and not tag.startswith("v") and (
            token in word_sets["works_on_things"]) and len("".join(taken)) >= 2
        if nominal or joins_nouns or verb_in_name or work_closing or level_bound or index < in_name or (
                index < lead) or index in inner:
            taken.append(token)
        else:
            break
    if len(taken) > 1 and len(taken) < len(tokens) and taken[-1] in word_sets["ranking_scopes"] and (
            _RANK_WORD.match(tokens[len(taken)])):
        # (80多种|产品|产能|全国|第一: the rank in the area closes the predicate the things have)
        taken.append(tokens[len(taken)])
    if adjectives_open and len(taken) < len(tokens) and not (
            len(taken) > _ADJECTIVES and _works_them(tokens[len(taken)])):
        taken = []  # (310个|老|旧|小区|周边…增设…: the things and what is done there, below)
    if relative and taken and _OF in tokens[len(taken):len(taken) + _RELATIVE_WORDS] and (
            qualified := _with_relative_clause(tokens, closed)):
        # (3000名|符合条件|的|残疾人|就业创业, 8个|营业收入|超|千亿元|的|…集群: the words before
        # 的 qualify the things counted after it)
        return qualified
    return "".join(taken) or (_with_relative_clause(tokens, closed) if relative else "")


_ADJECTIVES = 2  # the adjectives that open the things (老|旧), before their noun


def _works_them(verb: str) -> bool:
    """进行, 实施, 完成: a verb of doing work on the things just read (cues effort_verbs,
    work_done_verbs), which closes them (老|旧|小区|进行改造: the things are 老旧小区)."""
    cues = load_vocabulary().cues
    return verb in cues.effort_verbs or verb in cues.work_done_verbs or verb == CARRY_OUT_VERB


@lru_cache(maxsize=1)
def _effort_words() -> frozenset[str]:
    """加快, 大力…: the adverbs of effort (cues.effort_adverbs) but the ones that also qualify a
    noun (重点, 高标准: cues.effort_adverbs_that_qualify_nouns)."""
    cues = load_vocabulary().cues
    return frozenset(cues.effort_adverbs) - frozenset(cues.effort_adverbs_that_qualify_nouns)


_RANK_WORD = re.compile(r"(?:第|前)[0-9一二三四五六七八九十]")  # 第一, 第3, 前三
_LEVEL_BOUND_JOINS = frozenset({"及"})  # between a level and its bound: 省级|及|以上
_ASPECT = "了"  # the particle of a deed done (圆了, 住上了)


@lru_cache(maxsize=1)
def _measure_initials() -> frozenset[str]:
    """The first characters of cues.measure_nouns."""
    return frozenset(noun[0] for noun in load_vocabulary().cues.measure_nouns)


def _measure_with_predicate(tokens: list[str], at: int) -> bool:
    """Whether ``tokens`` go on at ``at`` with a measure of the things before it (cues.toml
    measure_nouns: 营业收入, 产值, 利润) and then a verb, an adverb or an adjective (不足): the measure's predicate
    (18个专业镇|营业收入|预计分别增长…), not a noun it qualifies (重大|投资|项目).

    >>> _measure_with_predicate(["工业", "企业", "营业", "收入", "超"], 2)
    True
    >>> _measure_with_predicate(["重大", "投资", "项目"], 1)
    False
    >>> _measure_with_predicate(["开发区", "规上", "工业", "总产值", "占"], 1)
    True
    """
    if tokens[at] in cue_set("list_scopes") and at + 2 < len(tokens):
        # (89个|开发区|规上|工业|总产值|占…: the threshold and the industry open the measure of
        # the things counted, as the measure alone would)
        return _measure_with_predicate(tokens, at + 1) or _measure_with_predicate(tokens, at + 2)
    if tokens[at][:1] not in _measure_initials():
        return False  # (most words: no measure starts so)
    rest = "".join(tokens[at:at + 3])
    measure = max((m for m in load_vocabulary().cues.measure_nouns if rest.startswith(m)),
                  key=len, default="")
    if not measure:
        return False
    end, covered = at, 0
    while covered < len(measure) and end < len(tokens):
        covered += len(tokens[end])
        end += 1
    return covered == len(measure) and end < len(tokens) and pos_tag(tokens[end])[:1] in "vda"


def _class_lead(tokens: list[str], word_sets: dict[str, frozenset[str]]) -> int:
    """How many tokens a class word that opens ``tokens`` leads before its noun: the class, a
    bound after it (二级|以上), and the verbs that qualify the noun (一类|创新|药: cues.class_words,
    class_bounds); only the class and its bound when no noun follows the verbs.

    >>> _class_lead(["一类", "创新", "药", "获", "批"], _word_sets()), _class_lead(["二级", "以上", "医院"], _word_sets())
    (2, 2)
    """
    at = 1
    if at < len(tokens) and tokens[at] in word_sets["class_bounds"]:
        at += 1
    verbs = at
    while verbs < len(tokens) and pos_tag(tokens[verbs]) in ("v", "vn") and (
            tokens[verbs] not in word_sets["outside_compounds"]):
        verbs += 1
    if verbs > at and verbs < len(tokens) and pos_tag(tokens[verbs]).startswith(_NOMINAL_TAGS):
        return verbs
    return at


_LIST_CLOSERS = frozenset({"等", "等等"})


def _closer_at(tokens: list[str]) -> int:
    """Where the first 等 of ``tokens`` is."""
    return next(at for at, token in enumerate(tokens) if token in _LIST_CLOSERS)


_SLASHES = frozenset({"/", "／"})


_RELATIVE = 10  # characters at most of what the counted do or have, before their 的
_RELATIVE_WORDS = 4  # words read past a noun phrase for the 的 of a clause that qualifies it


def _with_relative_clause(tokens: list[str], closed: bool) -> str:
    """具有全国影响力的|文化旅游品牌, 达到二级医院服务能力的|乡镇卫生院: the noun counted after
    a verb phrase and 的 that says what the things do or have, read whole when nouns after the
    的 close the clause; ``""`` otherwise."""
    if _OF not in tokens:
        return ""
    at = tokens.index(_OF)
    clause = tokens[:at]
    # (a verb phrase, an idiom, 符合条件, or nouns with a verb or an adjective, 经济|困难, 营业收入|
    # 超|千亿元: what the things do or have; not nouns alone, 国家|的…, whose 的 is a possessive)
    written = "".join(clause)
    qualifying = written in _word_sets()["qualifying_phrases"]
    if not clause or not (_is_verb(pos_tag(clause[0])) or pos_tag(clause[0]) == "l" or any(
            _is_verb(pos_tag(token)) or pos_tag(token) in ("a", "an") for token in clause[1:])
            or qualifying):
        return ""
    if pos_tag(clause[0]).startswith("n") and not qualifying and not written.startswith(
            tuple(load_vocabulary().cues.measure_nouns)):
        return ""  # (56个|部件|全覆盖的|产业集群: a noun that opens the clause is what is counted)
    head = tokens[at + 1:]
    # (the nouns after 的, and a predicate after them: 残疾人|就业创业 — the predicate is read
    # on its own, short_predicate)
    nouns = 0
    while nouns < len(head) and pos_tag(head[nouns]).startswith(_HEAD_TAGS) and head[nouns] != _OF:
        nouns += 1
    predicate = head[nouns:]
    if not nouns or len(written) > _RELATIVE or not pos_tag(head[nouns - 1]).startswith(
            _NOMINAL_TAGS) or not (closed and not predicate or predicate and _is_verb(pos_tag(predicate[0]))):
        return ""
    return "".join(tokens[:at + 1 + nouns])


_HEAD_TAGS = (*_NOMINAL_TAGS, "a", "b", "q")


def _with_size_class(tokens: list[str]) -> str:
    """工业产值过百亿的园区: a measure, a verb of passing and an amount in words (a numeral word,
    no digits: a figure of its own would stand there), then 的 and the nouns counted closing the
    clause, read whole; ``""`` otherwise.

    >>> _with_size_class(["工业产值", "过", "百亿", "的", "园区"]), _with_size_class(["营业收入", "增长"])
    ('工业产值过百亿的园区', '')
    """
    if len(tokens) < 5 or tokens[3] != "的" or tokens[1] not in cue_set("size_passing_verbs") or (
            not pos_tag(tokens[0]).startswith(_NOMINAL_TAGS)) or pos_tag(tokens[2]) != "m" or (
            not _WORD_NUMERAL.fullmatch(tokens[2])):
        return ""
    head = tokens[4:]
    if not pos_tag(head[-1]).startswith(_NOMINAL_TAGS) or not all(
            pos_tag(token).startswith(_HEAD_TAGS) for token in head):
        return ""
    return "".join(tokens)


_WORD_NUMERAL = re.compile("[十百千万亿]+")

# 1—2个|市场前景好、吸纳就业多的|主导产业: qualities listed with 、 before the 的 of the things
# counted (no clause mark other than 、, no digit, no second 的)
_QUALITIES = re.compile(r"([^，,。；;：:！？\s0-9的]{2,30}?)的([^，,。；;：:！？\s0-9、的]{2,16})")


def head_after_qualities(text: str, clause: str) -> str:
    """The noun counted after a list of its qualities (…好、…强的|现代农业产业园): the head
    alone, the nouns right after the 的 up to the first word that is none (a list of qualities
    is no name's words; one quality is read whole by _with_relative_clause: 具有全国影响力的|
    文化旅游品牌); ``""`` otherwise. ``clause`` is the text up to the first clause mark, the
    first quality, which ends in no noun (公园5个|、改造提升的广场: a list of things counted).

    >>> head_after_qualities("市场前景好、吸纳就业多的主导产业，", "市场前景好")
    '主导产业'
    """
    found = _QUALITIES.match(text)
    if found is None or not clause or not found.group(1).startswith(clause + "、") or (
            pos_tag(_tokens(clause)[-1]).startswith(_NOMINAL_TAGS)):
        return ""
    words: list[str] = []
    for token in _tokens(found.group(2)):
        if not pos_tag(token).startswith(_HEAD_TAGS) or token in _word_sets()["predicate_nouns"]:
            break
        words.append(token)
    while words and not pos_tag(words[-1]).startswith(_NOMINAL_TAGS):
        words.pop()
    return "".join(words)


def _is_head_character(tokens: list[str], at: int) -> bool:
    """Whether the token at ``at`` is a one-character noun closing a compound after a word, that
    the segmenter tagged a numeral, a measure word or zg (服务|点, 监测|点, 样板|县): it closes
    the tokens and is no numeral character (一, 十, 万…, where 两|个 or 十|万 would be a number).

    >>> _is_head_character(["便民", "服务", "点"], 2), _is_head_character(["服务", "十"], 1)
    (True, False)
    """
    token = tokens[at]
    # (…加速|园|建设: the work done on the things may close the clause after the head)
    closing = at == len(tokens) - 1 or at == len(tokens) - 2 and pos_tag(tokens[-1]).startswith("v")
    return (closing and at > 0 and len(token) == 1 and pos_tag(token) in CUT_HEAD_TAGS
            and token not in CHINESE_DIGITS and token not in _NUMERAL_WORDS
            and len(tokens[at - 1]) > 1)


# the tags the segmenter gives a one-character head cut from its compound: a numeral or measure
# word (服务|点), or 县 after 样板 (zg)
CUT_HEAD_TAGS = frozenset({"m", "q", "zg"})
# numeral characters other than the digits (a "character" of a number, not a noun's head)
_NUMERAL_WORDS = frozenset("十百千万亿零〇两几数半余多")  # a noun phrase's words after a relative 的


@lru_cache(maxsize=1)
def _rates() -> tuple[str, ...]:
    """The endings of a rate or a share (率; cues.share_nouns: 占比, 比重…): no thing counted."""
    return ("率", *load_vocabulary().cues.share_nouns)


# A word of digits and Latin letters inside a noun phrase (省级|5G|工厂, 国家|4A|级): a word of
# the name, where a figure's digits end it
_LETTERED = re.compile(r"[0-9]+[A-Za-z]+")


def _compound_goes_on(tokens: list[str], index: int, outside: frozenset[str]) -> bool:
    """Whether the verbs from ``index`` on are inside a compound noun: nouns after them close
    the clause (京津|出行|便利化|措施, 社区|停车|综合治理|项目). A verb that says what the counted
    did (案件|入选|…典型案例, 保护中心|签订|战略合作协议: cues.predicate_verbs) or that takes a
    clause (带动, 推动: cues.clause_verbs) is no word of a compound, and a clause that ends in a
    verb (…获|国家|支持, …示范村|创建, 家庭|适老化|改造) is not read: a verb after nouns is as
    often a predicate as the action done to them."""
    end = len(tokens)
    at = index
    # (传承|创新|发展|示范|城市: a verbal noun inside the run of verbs is one of them)
    while at < end and (_is_verb(tag := pos_tag(tokens[at])) or tag == "vn" and at + 1 < end and (
            _is_verb(pos_tag(tokens[at + 1])))) and tokens[at] not in outside:
        at += 1
    nouns = at
    while nouns < end and (pos_tag(tokens[nouns]).startswith(_NOMINAL_TAGS)
                           or _is_head_character(tokens, nouns)):
        nouns += 1
    # (基地|提|质|升级: verbal nouns and stray characters alone after the verbs are the
    # predicate, not a compound's head)
    # (托|育|托管|服务|点: a one-character head the segmenter tags a numeral, after verbal nouns
    # or none, closes a compound as a noun does)
    return at > index and nouns == end and (any(
        pos_tag(token) != "vn" and len(token) > 1 for token in tokens[at:]) or (
        _is_head_character(tokens, end - 1)))


_OPENING_QUOTES = "“‘「"
# (words of Han, a quoted name, and Han after it: 国家级|“小巨人”|企业)
_QUOTED_INSIDE = re.compile(r"([\u4e00-\u9fff]{1,12})“([\u4e00-\u9fff]{1,10})”(?=[\u4e00-\u9fff])")


_QUOTED_HEADS = ("n", "nz", "vn", "ng", "j", "eng")  # not s, ns, nr: a place or a person


# A quoted name opening the words after a count (“专精特新”企业, “一件事”落地): the quotes
# hold no clause mark and no figure of their own
# (“10分钟便民生活圈”: a number inside a short quotation is a word of the name, no figure, as
# figures.py reads it; a longer one with a number may hold a figure)
_QUOTED_OPENING = re.compile(r"[“‘「](?:([^”’」“‘「，。；：、0-9]{1,20})|([^”’」“‘「，。；：、]{1,12}))[”’」]")


# (a class of literal characters: on the standard engine, whose call costs half of regex's)
_CLAUSE_END = re.compile("[" + re.escape(SENTENCE_END + CLAUSE_BREAK + BULLETS) + " ]")


def _clause_end(block: Block, offset: int) -> int:
    """Where the clause that ``offset`` stands in ends, looking no further than MAX_REACH (a
    block with no punctuation must not make every figure read to its end)."""
    text = block.text
    limit = min(len(text), offset + MAX_REACH)
    found = _CLAUSE_END.search(text, offset, limit)
    while found is not None and text[found.start()] in _LIST_COMMAS and (
            opened := unclosed_bracket(text, offset, found.start())) >= 0 and (
            closing := closing_bracket(text, found.start(), opened + _NOTE_REACH)) >= 0:
        # 19个|县（市、区）|农村供水…: a 、 inside a bracket note of what a noun covers ends no
        # clause, nor a ， there (a writer's other mark for it)
        found = _CLAUSE_END.search(text, closing + 1, limit)
    return found.start() if found else limit


_NOTE_REACH = 12  # characters of a bracket note of what a noun covers (县（市、区）, 州（市）)


_MAX_PREDICATE = 16  # characters of a generic noun's predicate kept in its name, cut at a word
_WHOLE_PREDICATE = 28  # characters of a predicate that closes its clause, kept whole


# (开设知识产权硕士、博士专业: a 、 between words is inside the predicate, before a count it is not)
_PREDICATE_END = re.compile(r"[。！？；;，,：:\s]|、(?=[0-9０-９一二三四五六七八九十两])")


def _with_predicate(noun: str, right: str) -> str:
    """企业 + 上榜中国民营企业500强: a generic noun counted, with the verb phrase after it in
    its clause (what the counted did), or the noun alone when no verb follows.

    >>> _with_predicate("项目", "个项目建成投用。")
    '项目建成投用'
    """
    at = noun_at(noun, right)
    if at < 0:
        return noun
    end = _PREDICATE_END.search(right, at + len(noun))
    rest = right[at + len(noun): end.start() if end else len(right)]
    if "（" in rest:
        rest = _NOTE_IN_PREDICATE.sub("", rest)  # (入选国家级|（首批）|…: a note is no word of it)
    tokens = _tokens(rest[:_MAX_PREDICATE])
    cues = load_vocabulary().cues
    while len(tokens) > 1 and (tokens[0] in cues.manner_adverbs or tokens[0] in cues.predicate_manner_adverbs):
        # (企业|成功|上市, 学校|成功|入选…, 项目|首次|纳入…, 项目|均|已|…: how or when it was
        # done, no word of what the things did)
        rest, tokens = rest[len(tokens[0]):], tokens[1:]
    # (县|被命名为…: a passive predicate is one too; 县区|通过…: a verb of what the counted
    # did that the segmenter tags otherwise, cues.predicate_verbs)
    if not tokens or not (pos_tag(tokens[0]).startswith("v") or tokens[0] == "被" or (
            tokens[0] in _word_sets()["outside_compounds"])):
        return noun
    predicate = rest if len(rest) <= _WHOLE_PREDICATE else _words_within(rest, _MAX_PREDICATE)
    if _CHANGED_TO_A_FIGURE.search(predicate):
        # (188个|园区|整合优化为120个: a predicate that changes the things to a figure is a change
        # to a level, no word of what is counted; not 入选…5G工厂名录, a name with a digit)
        return noun
    kept = _strip_edges(predicate).replace(_ASPECT, "")  # (圆了安居梦: the aspect goes, as in short_predicate)
    if predicate.endswith(PERCENT_UNITS) and predicate.startswith(kept):
        kept = predicate[:len(kept) + 1]  # 进入ESI全球前1%, 前1‱: the sign is the name's, no edge
    return noun + kept


_NEWLY = "新"  # cut off the verb after it by the segmenter (新|建成): newly
_CHANGED_TO_A_FIGURE = re.compile(r"[为至到][0-9０-９]")  # (…整合优化为|120个)
_SHORT_PREDICATE = 16  # characters at most of a predicate kept after a noun that names alone
_ADVERB = "d"
_ADVERB_AND_VERB = 2  # words of a deed an adverb opens (就近|就业)
# (a digit: the predicate is a measure with a figure of its own, 15个工程|完成投资48亿元)
_NOT_A_PREDICATE = re.compile(r"^的|[0-9０-９]")
# (跻身全国30强, 进入…前50强: a band of ranks, no figure of the predicate's own)
_RANK_BAND = re.compile(r"前?[0-9]+强|前[0-9]+(?:名|位)")


@lru_cache(maxsize=1 << 12)  # pure, and reports repeat their phrases
def short_predicate(noun: str, right: str, carrier: str = "", benefactive: bool = False) -> str:
    """湿地 + 纳入省级重要湿地名录: the short verb phrase after a counted noun that closes its
    clause, which says which of the things are counted (the name is the noun with it, as a
    generic noun's is: _with_predicate); ``""`` when there is none, or it is long, holds a
    figure, opens with 的, judges how the work went (取得明显成效: cues.evaluation_nouns), is a plan's wording (加快|推进, 全部|完成: cues.predicate_nouns,
    effort verbs and adverbs) or says all of them (实现全覆盖: cues.whole_predicates). A count
    that opens its clause keeps a verb of what the counted did (入选, 纳入, 完成, 启用, 开设…:
    any verb but one of a figure of speech or of effort, cues.figurative_verbs); one
    a ``carrier`` verb takes to its clause (推动|…|投入运行) keeps any verb, and after 为 any
    verb whose doer is not the report's own (为…|提供…: cues.giving_verbs), or, with
    ``benefactive`` (the name then keeps its 为), any verb at all.

    >>> short_predicate("农村信用社", "家农村信用社完成改制任务"), short_predicate("街道", "个街道加快推进改造")
    ('完成改制任务', '')
    """
    at = noun_at(noun, right)
    start = at + len(noun) if at >= 0 else _past_quoted(noun, right)
    if start < 0:
        return ""
    # (``right`` runs to the clause's end; a mark inside it is a 、 before a figure)
    # (荣获|“五个一工程”|优秀作品奖: a quoted name is one word of the predicate, its marks go)
    marks = len(right) - start - len(_QUOTED_IN_PREDICATE.sub(_ONE_WORD, right[start:])) if (
        "“" in right) else 0
    # (入围全国区域品牌|（地理标志）|百强榜: a bracket note is no word of the predicate)
    notes = sum(len(note) for note in _NOTE_IN_PREDICATE.findall(right, start)) if "（" in right else 0
    end = _PREDICATE_END.search(right, start, start + _SHORT_PREDICATE + 3 + marks + notes)
    stop = end.start() if end is not None else len(right)
    if stop - start - marks - notes > _SHORT_PREDICATE + 2:
        return ""
    rest = _strip_edges(_NOTE_IN_PREDICATE.sub("", right[start:stop]) if notes else right[start:stop]).replace(
        "了", "")  # (解决了…问题: the aspect goes)
    cues = load_vocabulary().cues
    # (the words of a quoted name, less the two a name is read as; its marks the edges took off)
    length = len(rest) - sum(len(found.group()) - 4 for found in _QUOTED_IN_PREDICATE.finditer(
        right, start, stop)) if marks else len(rest)
    if 2 <= length <= _SHORT_PREDICATE and rest.startswith(cues.class_measures) and rest.startswith(
            BOUND_OPENINGS, len(next(m for m in cues.class_measures if rest.startswith(m)))):
        # (156家|工业企业|营业收入超100亿元: a measure of each and the bound it passes, which
        # labels.py reads as no figure: which of the things are counted; not 产值|突破…, a figure
        # of the things' sum)
        return rest
    if not 2 <= length <= _SHORT_PREDICATE or _NOT_A_PREDICATE.search(_RANK_BAND.sub("", rest)) or (
            rest.endswith(cues.whole_predicates + cues.evaluation_nouns)) or (
            noun.endswith(cues.adverbs_tagged_nouns)):
        return ""
    tokens = _tokens(rest)
    while len(tokens) > 1 and (tokens[0] in cues.manner_adverbs or tokens[0] in cues.predicate_manner_adverbs):
        # (创新药|集中|获批上市, 成功|入选, 项目|首次|纳入…, 区|均|被评为…: how or when it was
        # done, no word of what the things did)
        if tokens[0] in cues.predicate_manner_adverbs and rest[len(tokens[0]):] in cues.counting_verbs:
            return ""  # (片区|有序|建设: the work on them going on, no choice of which)
        rest, tokens = rest[len(tokens[0]):], tokens[1:]
    if len(tokens) > 1 and tokens[0] == _NEWLY and pos_tag(tokens[1]).startswith("v"):
        # (粮库|新|建成投用: 新 cut off a verb says when the things did it, as 首次 does)
        rest, tokens = rest[len(_NEWLY):], tokens[1:]
    first = tokens[0]
    words = _word_sets()
    # (项目|落地…, 事项|上线运行: a deed the segmenter tags a noun; not 落地|落实, a plan's wording)
    # (成果|全国推广: a place without its 在 opens the predicate as 在全国 would)
    deed = first in cues.deeds_tagged_nouns and not (len(tokens) > 1 and tokens[1] in cues.effort_verbs) or (
        first in cues.predicate_prepositions and _done_after_place(tokens[1:], words)) or (
        first in cues.predicate_places and _done_after_place(tokens, words))
    if first in words["predicate_nouns"] and not deed or first in words["effort_adverbs"] or (
            first in cues.effort_verbs) or first in words["clause_verbs"]:
        return ""  # (…加快|推进, 全部|完成, 推进…: no choice of which things are counted)
    if carrier in _NO_GIVING and first in words["giving_verbs"] and not benefactive:
        return ""  # (``benefactive``: what was given or done for them, read with its 为)
    # (…|圆|了|安居梦: a word the aspect particle follows is a verb, whatever its tag)
    did = right.find(first + _ASPECT, start, stop) >= 0
    # (农民工|就近|就业: an adverb of where or how right before the verb of the deed is the deed's;
    # not one of degree before a change, 价格|大幅|降低, which says how much, no deed)
    how = pos_tag(first) == _ADVERB and len(tokens) == _ADVERB_AND_VERB and pos_tag(tokens[1]) == "v" and (
        tokens[1] not in words["change"])
    if not (deed or did or how or first in words["selecting_verbs"] or pos_tag(first).startswith("v")) or any(
            verb in rest for verb in cues.figurative_verbs):
        return ""  # (享誉海内外, 擦亮…名片, 项目|加力实施: a figure of speech or an effort says no which)
    # (民生实事|保质保量 + 完成: a noun read with an adverb of the predicate takes no more of it;
    # 数据|集: a head of one character cut from its compound is a noun's all the same)
    head = _tokens(BRACKET_NOTE.sub("", noun) or noun)  # (自然村（组）: the head before its note)
    if not pos_tag(head[-1]).startswith(_NOMINAL_TAGS) and not (
            len(head) > 1 and len(head[-1]) == 1 and pos_tag(head[-1]) in CUT_HEAD_TAGS):
        return ""
    # (…“双一流”|创建|深入|推进: the plan's wording after the work goes, the work stays)
    cut = len(tokens)
    while cut > 1 and (tokens[cut - 1] in cues.effort_verbs or tokens[cut - 1] in words["effort_adverbs"]):
        cut -= 1
    return "".join(tokens[:cut]) if cut < len(tokens) and "".join(tokens) == rest else rest


def _done_after_place(tokens: list[str], words: dict[str, frozenset[str]]) -> bool:
    """向|市民|开放, 在|全省|推广: after the place or the people a predicate's preposition
    opens with, a verb of what the things did (a verb after one word at least), and no word of
    effort or of a plan's wording (在|全市|加快|推进: no choice of which things are counted)."""
    effort = load_vocabulary().cues.effort_verbs
    return len(tokens) > 1 and any(pos_tag(token).startswith("v") for token in tokens[1:]) and not any(
        token in effort or token in words["effort_adverbs"] or token in words["predicate_nouns"]
        for token in tokens)


_NO_GIVING = frozenset({"为", *load_vocabulary().cues.object_prepositions})
_NOUN_OPENING = 4  # characters before a counted noun its words may start after (the measure word)


def noun_at(noun: str, right: str) -> int:
    """Where the noun a count counts opens in ``right`` (the text after the figure, its measure
    word first: 个|口袋公园…), -1 when it is not there.

    >>> noun_at("口袋公园", "个口袋公园向市民开放"), noun_at("口袋公园", "个街道")
    (1, -1)
    """
    return right.find(noun, 0, len(noun) + _NOUN_OPENING)


def _past_quoted(noun: str, right: str) -> int:
    """Where ``noun``, written in ``right`` with quotation marks inside it (“三年全面提升”项目 for
    三年全面提升项目), ends; -1 when it is not there so.

    >>> _past_quoted("三年全面提升项目", "项“三年全面提升”项目开工建设")
    11
    """
    if not noun or not _HOLDS_QUOTE(right):
        return -1
    for begin in range(min(_NOUN_OPENING, len(right))):
        at, matched = begin, 0
        while at < len(right) and matched < len(noun):
            if right[at] == noun[matched]:
                matched += 1
            elif not (right[at] in _QUOTE_CHARACTERS and matched):
                break
            at += 1
        if matched == len(noun):
            return at + (1 if right[at:at + 1] in _QUOTE_CHARACTERS else 0)
    return -1


def without_attribute(noun: str) -> str:
    """试点县 of 试点县的支持力度, 省级区域医疗中心 of 省级区域医疗中心服务功能: the things
    counted without an attribute of theirs that closes the noun (cues.worked_attributes, and a 的
    before it), which the verb before the count works on; ``noun`` when it ends with none, or
    the attribute is a word's end only (综合服务功能区 ends with no attribute; 功能 alone stays).

    >>> without_attribute("试点县的支持力度"), without_attribute("综合服务功能区"), without_attribute("功能")
    ('试点县', '综合服务功能区', '功能')
    """
    attribute = max((a for a in cue_words("worked_attributes") if noun.endswith(a)),
                    key=len, default="")
    things = noun[:len(noun) - len(attribute)].removesuffix(_OF) if attribute else ""
    if len(things) < 2 or not _tokens(noun)[-1].endswith(attribute[-1:]) or not pos_tag(
            _tokens(things)[-1]).startswith(_NOMINAL_TAGS):
        return noun
    return things


_OF = "的"  # 试点县|的|支持力度, 通硬化路|的|比例: what joins things to a noun of theirs


def work_on_object(noun: str, right: str, tail: str) -> str:
    """现场评价 of 对|98家|配送单位|开展|现场评价。: the work a verb of effort (cues.object_work_verbs)
    does on the things a count after 对 counts, when it closes the clause (not a list's first
    item: …开展A、B等筛查) in a few words; ``""`` otherwise.

    >>> work_on_object("群众", "群众实施避险搬迁", ""), work_on_object("人群", "人群开展癌症筛查", "人群开展癌症筛查、早诊")
    ('避险搬迁', '')
    """
    at = noun_at(noun, right)
    if at < 0 or "、" in right or tail[len(right):len(right) + 1] == "、" and tail.startswith(right):
        return ""
    rest = _strip_edges(right[at + len(noun):])
    verb = next((v for v in load_vocabulary().cues.object_work_verbs if rest.startswith(v)), "")
    work = rest[len(verb):]
    if not verb or not 2 <= len(work) <= _SHORT_PREDICATE or _NOT_A_PREDICATE.search(work):
        return ""
    # (nouns, verbs and qualifying words: 现场|评价, 避险|搬迁, 健康|危害|因素|监测; not 的, an
    # adverb or a preposition, which open a clause of their own)
    return "" if any(pos_tag(token).startswith(_NOT_IN_WORK) and token not in NOUN_JOINS
                     for token in _tokens(work)) else work


_NOT_IN_WORK = ("p", "d", "c", "r", "m", "u", "x", "q", "f", "y", "e")


def without_work_verb(noun: str) -> str:
    """The things counted after 对 without a verb of effort and what follows it, which the noun
    reading took in before one noun (重点人群|开展|结核病: the work done on them, a list's first
    item).

    >>> without_work_verb("重点人群开展结核病"), without_work_verb("公共场所")
    ('重点人群', '公共场所')
    """
    tokens = _tokens(noun)
    verbs = load_vocabulary().cues.object_work_verbs
    at = next((index for index, token in enumerate(tokens) if index and token in verbs), 0)
    return "".join(tokens[:at]) if at else noun


def through_joined_nouns(right: str, tail: str) -> str:
    """The clause after a count run on past a 、 that joins two nouns of its predicate's object
    (荣获省委|、|省政府表彰: the 、 ends the clause ``right`` reaches, ``tail`` goes on); ``right``
    when no such 、 ends it (完成改制|、|效益提升: a verbal noun before it, a predicate of its
    own after).

    >>> through_joined_nouns("教师荣获省委", "教师荣获省委、省政府表彰。"), through_joined_nouns("银行完成改制", "银行完成改制、效益提升")
    ('教师荣获省委、省政府表彰。', '银行完成改制')
    """
    if len(tail) <= len(right) + 1 or tail[len(right)] != "、" or not tail.startswith(right):
        return right
    before, after = _tokens(right), _tokens(tail[len(right) + 1:len(right) + 9])
    return tail if before and after and all(
        pos_tag(token).startswith(_NAMED_NOUNS) for token in (before[-1], after[0])) else right


_NAMED_NOUNS = ("n", "nt", "ns", "nr", "nz", "j")  # (not vn: a verbal noun, a predicate's own)


# a quoted name inside a predicate, read as one word of two characters for its length
_QUOTED_IN_PREDICATE = re.compile(r"“[^“”，。；：、0-9]{1,16}”")
_NOTE_IN_PREDICATE = re.compile(r"（[^（），。；：0-9]{1,12}）")  # (地理标志), (首批): a note
_ONE_WORD = "名称"


def holds_predicate(name: str) -> bool:
    """Whether a counted noun was read with a verb after its nouns (农户|搬进|新居, 企业|上市):
    the things that did it are counted (called only after a carrier verb, rarely).

    >>> holds_predicate("农户搬进新居"), holds_predicate("科技设施")
    (True, False)
    """
    tokens = _tokens(name)
    return any(pos_tag(token).startswith(_NOMINAL_TAGS) and pos_tag(after) in _PREDICATE_TAGS
               for token, after in pairwise(tokens))


_PREDICATE_TAGS = frozenset({"v", "vd", "vi", "p"})


def _words_within(text: str, reach: int) -> str:
    """The words of ``text`` that end within ``reach`` characters, closed by a noun: a long
    predicate is cut at a word, never inside one (…绿色设计示范|企业, not …示范企).

    >>> _words_within("入选国家级绿色制造示范名单和工业产品绿色设计示范企业", 16)
    '入选国家级绿色制造示范名单'
    """
    words: list[str] = []
    length = 0
    for token in _tokens(text[:reach + 1]):
        length += len(token)
        if length > reach:
            break
        words.append(token)
    for join in (*NOUN_JOINS, "、"):
        if join in words[1:]:  # (…名单|和|工业: the cut fell in the coordination's second half)
            words = words[:len(words) - 1 - words[::-1].index(join)]
    while len(words) > 1 and not pos_tag(words[-1]).startswith(_NOMINAL_TAGS):
        words.pop()  # (a word that acts closes no name)
    return "".join(words)


@lru_cache(maxsize=1 << 14)  # pure, and reports repeat their phrases
def words_after(right: str) -> str:
    """The rest of the clause after a figure, without another figure in it, nor the 的 that
    joins the figure to it (75%的|财力用于民生: a name never opens with 的)."""
    words = _strip_edges(_LEADING_FIGURE.sub("", right)).removeprefix("的")
    if len(words) <= _WORDS_AFTER:
        return _without_plan_wording(without_inner_manner(words))  # (…工作|圆满|收官: how it went)
    # (cut at a word, never inside one: …达到国家标准, not …达到国家; the word the reach ends in
    # is read whole)
    end = 0
    tokens = _tokens(words[:_WORDS_AFTER + _LONGEST_WORD])
    for at, token in enumerate(tokens):
        end += len(token)
        if end >= _WORDS_AFTER:
            # (…和自然资源|部: a noun of one character the segmenter cut from the word before it
            # closes that word, 自然资源部, as a head does)
            following = tokens[at + 1] if at + 1 < len(tokens) else ""
            if len(following) == 1 and pos_tag(following) == "n" and pos_tag(token) != "v":
                end += 1
            break
    return without_inner_manner(words[:end])


def _without_plan_wording(words: str) -> str:
    """…在建高速公路 of …在建高速公路|有序|推进: a plan's wording that closes the words after a
    figure (an adverb of effort and a verb of effort, cues effort_adverbs and effort_verbs) says
    nothing of which things are counted, as it says nothing in a predicate (short_predicate).

    >>> _without_plan_wording("在建高速公路有序推进"), _without_plan_wording("项目开工")
    ('在建高速公路', '项目开工')
    """
    cues = load_vocabulary().cues
    if not words.endswith(cues.effort_verbs):
        return words  # (most: one test of the end)
    tokens = _tokens(words)
    end = len(tokens)
    while end > 1 and (tokens[end - 1] in cues.effort_verbs or tokens[end - 1] in cues.effort_adverbs):
        end -= 1
    return "".join(tokens[:end]) if end < len(tokens) and pos_tag(tokens[end - 1]).startswith(_NOMINAL_TAGS) else words


def before_all_of_them(name: str) -> str:
    """受灾学校 of 受灾学校|全部|复课: a count's name read from the words after it ends before
    a word that says all the things did it (全部, 全面, alone or joined to its verb), as a
    counted noun's does (ANNOTATION metric: 民生实事|全部|完成); not after a word of no noun.

    >>> before_all_of_them("受灾学校全部复课"), before_all_of_them("项目落地")
    ('受灾学校', '项目落地')
    """
    if not any(word in name for word in ALL_OF_THEM):
        return name  # (most: no such word)
    tokens = _tokens(name)
    at = next((at for at in range(1, len(tokens)) if tokens[at].startswith(ALL_OF_THEM)
               and pos_tag(tokens[at - 1]).startswith(_NOMINAL_TAGS)), 0)
    return "".join(tokens[:at]) if at else name


ALL_OF_THEM = ("全部", "全面")  # (全部|完成, 全面完成: one word to the segmenter)
_WORDS_AFTER = 16  # characters of a clause after a figure read as its name
_LONGEST_WORD = 8  # characters read past them, to end the word they end in


@lru_cache(maxsize=1 << 14)  # pure, and reports repeat their phrases
def _action_verb(left: str) -> str:
    """A lone verb of action before a number that opens its clause (完成23批次, 实现…):
    rule 1 strips it as a link word, rule 3 keeps it before the counted noun."""
    tokens = _tokens(_strip_edges(left))
    cues = load_vocabulary().cues
    if len(tokens) == 1 and pos_tag(tokens[0]).startswith("v") and tokens[0] not in _COPULAS and (
            tokens[0] not in cues.verbs_after_names and tokens[0] not in cues.plan_verbs_before_names
            # (增至: a from-to's verb; 争创: a plan's; 迈上: a level's link, as 达到 is)
            and not tokens[0].endswith(cues.level_after_change) and tokens[0] not in cues.level_verbs
            # (聚焦|13个|产业集群, 围绕…: a verb used as a preposition opens no action)
            and tokens[0] not in cues.preposition_verbs):
        return tokens[0]
    return ""


# an item of a list after a counted noun: short, no figure, no mark of a clause, and closed by
# a list mark or the clause's end
_LISTED_ITEM = re.compile(r"[^、，,。；;：:！？\s0-9０-９（(“]{2,12}(?=$|[、，,。；;：:！？])")
# (a list of nouns is written with ， too: a transform of the 、 keeps it; so written, it must
# end a sentence, not a clause of its own)


@lru_cache(maxsize=1 << 12)  # pure, and reports repeat their phrases
def listed_with(noun: str, right: str) -> str:
    """中试基地 + 、技术转移中心: the other items of a list of nouns that the counted noun opens,
    with no figure of their own (the count is of them all), written with their marks; ``""``
    when an item after a 、 has a verb or a figure (…、推广|一批…, …、8家…: a clause or a count of
    its own) or closes with 等 (examples of a class, not kinds counted together). After a ，
    such an item opens a clause of its own and ends the list.

    >>> listed_with("中试基地", "个中试基地、技术转移中心，争取…"), listed_with("示范基地", "个示范基地、推广一批经验")
    ('、技术转移中心', '')
    """
    at = noun_at(noun, right)
    if at < 0:
        return ""
    position, listed = at + len(noun), ""
    while position < len(right) and right[position] in _LIST_COMMAS:
        item = _LISTED_ITEM.match(right, position + 1)
        if item is None or item.group().endswith("等") or not _names_things(item.group()):
            if right[position] == "、":
                return ""
            break
        listed += right[position] + item.group()
        position = item.end()
    if ("，" in listed or "," in listed) and position < len(right) and right[position] not in SENTENCE_END:
        return ""  # (…团队，全市高新技术企业，科技型企业数量…: the subject of a clause after it)
    return listed


def _names_things(item: str) -> bool:
    """技术转移中心: nouns, a verb inside them qualifying the head after it (技术|转移|中心); not
    words a verb or a work opens (推广|典型经验, 建设|…中心, 优化|…布局: a clause), an adverb of
    effort the segmenter tags a noun (大力|…), a verbal noun of work at the end (…通道建设), nor
    a proper name (…2所本科高校，青海|理工学院…: one of the things, named)."""
    tokens = _tokens(item)
    tags = [pos_tag(token) for token in tokens]
    return tags[0].startswith(_NOMINAL_TAGS) and tags[0] not in _NOT_A_KIND and tags[-1] in _NOUN_HEADS and (
        tokens[0] not in _effort_words()) and all(
        tag.startswith(_NOMINAL_TAGS) or tag == "v" or _qualifies_inside(tokens, tags, at)
        for at, tag in enumerate(tags))


@lru_cache(maxsize=1)
def _predicate_places() -> frozenset[str]:
    """The places a predicate opens with, without its 在 (cues.predicate_places: 全国, 全球…)."""
    return frozenset(load_vocabulary().cues.predicate_places)


_PLACE_WORD = "f"  # the segmenter's tag of a word of place or direction (沿线, 周边)
_NOUNS_JOINED = frozenset({"和", "与", "及"})


def _qualifies_inside(tokens: list[str], tags: list[str], at: int) -> bool:
    """Whether the word at ``at`` inside an item qualifies or joins its nouns: 级 after a noun, a
    level the things are of (场景|级|大|模型: 行业级、场景级大模型), an adjective of one character
    before a noun (大|模型), a join between nouns (模型|和|智能体)."""
    if not 0 < at < len(tokens) - 1:
        return False
    before, after = tags[at - 1], tags[at + 1]
    return (tokens[at] == _LEVEL and before.startswith(_NOMINAL_TAGS)) or (
        tags[at] == "a" and len(tokens[at]) == 1 and after.startswith(_NOMINAL_TAGS)) or (
        tokens[at] in _NOUNS_JOINED and before.startswith(_NOMINAL_TAGS) and after.startswith(_NOMINAL_TAGS))


# 建设, 优化: a verbal noun, the work on the things rather than a kind of them; 青海|理工学院: a
# place, a person or a body opens a proper name, one of the things counted, not a kind of them
_NOT_A_KIND = frozenset({"vn", "ns", "nr", "nt"})
# an item's head: a noun of things (not 建设, a verbal noun of the work; not 明显改善, which the
# segmenter tags a person's name)
_NOUN_HEADS = frozenset({"n", "nz", "j", "eng"})

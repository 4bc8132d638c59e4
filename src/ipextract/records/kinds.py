"""Kind and sign of a figure from the words around it: 增长/下降 (growth, change, change_pp),
占…的/比重 (share), 增速 (growth), a level (rate), and the qualifier a word before it governs."""

from __future__ import annotations

from functools import lru_cache

import regex

from ..blocks import SENTENCE_END
from ..figures import _HAN, Figure
from ..vocabulary import cue_set, cue_words, load_vocabulary
from ..vocabulary.lexicon import pos_tag
from ..vocabulary.models import Kind, Qualifier
from .base import (
    _NEW_LEVEL,
    BASE_KINDS,
    LEVEL_REACHED_VERBS,
    PERCENT_UNITS,
    POINT_UNITS,
    Draft,
    _tokens,
    _word_sets,
    longest_first,
    suffixes,
)


@lru_cache(maxsize=1 << 14)  # pure, and reports repeat their phrases
def _change_cue(left: str) -> tuple[int, bool] | None:
    """Sign of the change verb that governs a figure: 增长19.19% → +1; 下降3.2% → -1.

    Returns (sign, single_character_verb) or None. ``提高到80%`` is a level, not a change."""
    vocabulary = load_vocabulary()
    words = _word_sets()
    tail = left.rstrip()
    fillers = suffixes(words["fillers"])
    while tail and (filler := fillers.longest(tail)) is not None:
        if filler in vocabulary.cues.level_after_change:
            return None
        tail = tail[: -len(filler)]
    verb = suffixes(words["change"]).longest(tail)
    if verb is None:
        return None
    if tail.endswith("新" + verb) and verb in ("增", "增加"):
        return None  # 新增6家 counts new things; it is not a change of a level
    if suffixes(words["action_before_change"]).longest(tail[: -len(verb)]):
        return None  # 改造提升25个, 巩固提升80万亩: an action, not a change of a level
    return vocabulary.change_verbs[verb], len(verb) == 1


def _improves_things(base: str, left: str, right: str) -> bool:
    """True when a verb of quality counts the things that follow its figure: 提升|30个|乡村旅游
    景区服务水平 (not 提升2个|等级, nor 数量提高20个 closing its clause).

    >>> _improves_things("count", "提升", "乡村旅游景区服务水平。")
    True
    >>> _improves_things("count", "提升", "等级。")
    False
    """
    cues = load_vocabulary().cues
    return (base == "count" and left.rstrip().endswith(cues.quality_verbs)
            and _HAN.match(right) is not None and not right.startswith(cues.grade_steps))


# 高标准农田达到|耕地总面积|的|64%: a part reached as a share of a whole that its noun of 总 names
# (as 占耕地总面积的 is); not 达到全国平均水平的120%, a ratio to a level
_WHOLE_NOUN = "总"  # (what every REACHED_WHOLE holds: most left words have none, told by one test)
REACHED_WHOLE = regex.compile(r"(?:达到|达)(\p{Han}{2,12}?总(?:面积|量|数|额|人口|规模|产值|产量|收入|支出|投资))的\s*$")


def _is_share(left: str, right: str, qualified: bool = False) -> bool:
    cues = load_vocabulary().cues
    if any(opener in left for opener in cues.share_openers) or _WHOLE_NOUN in left and REACHED_WHOLE.search(left):
        return True
    stripped = left.rstrip("达到为约是了从由")
    if stripped.endswith(cues.share_nouns):  # (a tuple: one call, not a generator of calls)
        return True
    # (推动|70%以上|企业上云: an effort verb before the part names no more than a scope does, nor
    # does 实现, a link verb: 实现|90%以上|行政村通硬化路)
    return right.startswith(cues.share_right) and not right.startswith("的目标") and not (
        right.startswith("的") and _MEASURE_BEFORE.search(left) is not None) or (
        (_only_scope(left) or left.strip() in cue_set("effort_verbs") or left.strip() == _ACHIEVE) and (
            part_of_things_after(right))) or _things_at_a_level(left, qualified)


# 含糖量|18%|的甜菜新品种, 森林覆盖率保持|70%以上|的地级市: a percent after a measure of its own (a
# word in 率 or 量, or a degree), a level reached or a streak between, before 的 and the thing it
# describes: that thing's measure, no share of the things after 的 (85%|的县医院…)
_MEASURE_BEFORE = regex.compile(
    r"\p{Han}(?:率|量|纯度|精度|浓度|满意度)(?:连续多年)?"
    r"(?:保持在|保持|稳定在|达到|达|超过|超|高于|为|在)?\s*$")


def _things_at_a_level(left: str, qualified: bool = False) -> bool:
    """Whether a rate is the share of the things or people its name ends with, brought to a
    level (集体经济薄弱村|降至|3.1%: cues.share_things), or right before a figure whose own
    qualifier says the level (``qualified``: 公办园在园幼儿|超过50%), as 占比 would say: no thing
    of them is a rate. Not a part alone before its rate (其中：公立医院|84.8%: the beds' use).

    >>> _things_at_a_level("公办园在园幼儿超过"), _things_at_a_level("城镇低保提高"), _things_at_a_level("公立医院")
    (True, False, False)
    """
    left = left.rstrip()
    verb = max((v for v in LEVEL_REACHED_VERBS if left.endswith(v)), key=len, default="")
    return bool(qualified or verb) and left.endswith(cue_words("share_things"), 0, len(left) - len(verb))


_ACHIEVE = "实现"  # 实现|90%以上|行政村通硬化路: the part the things that did it are


def _only_scope(left: str) -> bool:
    """Whether the words before a figure in its clause are none, or scope words alone (全省|…)."""
    rest = left.strip()
    scope = load_vocabulary().cues.scope_words
    while rest.startswith(scope):
        rest = rest[len(next(word for word in scope if rest.startswith(word))):]
    return not rest


# (a sentence's end, a comma or a colon, or a line's end: not 、, which may join the things)
_CLAUSE_CLOSE = regex.compile("[" + regex.escape(SENTENCE_END + "，,：:\n") + "]")


def part_of_things_after(right: str) -> bool:
    """Whether a rate that opens its clause is a share of the things named right after it, a
    noun phrase and the verb that says which of them (80%以上|县医院达到…, 95%|二级医院设立…),
    as it is with 的 between (80%以上的县医院…): the writer may leave the 的 out; not a verb
    (70%|就读…: the things were named before), nor a predicate of the rate's own (cues
    not_share_predicates).

    >>> part_of_things_after("村卫生室实现一体化管理。"), part_of_things_after("就读普通高中。")
    (True, False)
    >>> part_of_things_after("监测对象消除返贫风险。")
    True
    """
    end = _CLAUSE_CLOSE.search(right)
    clause = right[:end.start() if end else len(right)]
    if len(clause) < 4 or not _HAN.match(clause) or clause.startswith(load_vocabulary().cues.not_share_predicates):
        return False
    tokens = _tokens(clause)
    # (监测|对象|消除…: a verbal noun before a noun opens a noun phrase, the things' name)
    first = 1 if pos_tag(tokens[0]) == "vn" and len(tokens) > 2 and pos_tag(tokens[1]) == "n" else 0
    if pos_tag(tokens[first]).startswith(("v", "p", "d", "u", "c", "r", "q")):
        return False
    return any(pos_tag(token).startswith("v") for token in tokens[first + 1:])


RANK_UNITS = frozenset({"位"})


def _kind_and_sign(figure: Figure, left: str, right: str,
                   previous: Draft | None, enumerated: bool) -> tuple[Kind, int]:
    """The figure's kind, refined by the words around it, and the sign of a change."""
    base = figure.kind or "count"
    if base == "rank" and figure.value_max is not None:
        return base, 1  # 前三
    if previous is not None and previous.figure.unit == figure.unit and _NEW_LEVEL.match(left):
        return previous.kind, 1  # 比重从40.3%提高到45.4%: a share again, not a change
    cue = _change_cue(left)
    if cue is None and figure.unit in PERCENT_UNITS and left.rstrip().endswith(cue_words("compared_with")):
        cue = (1, False)  # 同比-2.7%, 环比负0.3%: a growth whose sign is its own
    if base == "duration":
        return ("change", cue[0]) if cue is not None and not cue[1] else (base, 1)
    if cue is None and enumerated and previous is not None and previous.kind in (
        "growth", "change", "change_pp", "share"
    ):
        # 分别增长5.1%、6.2%和7.3%: the verb before the first governs the whole list
        return previous.kind, -1 if previous.value < 0 else 1
    if cue is not None:
        sign, single = cue
        if figure.unit in RANK_UNITS and base in ("count", "rank"):
            return "rank_change", sign  # 排名上升2位, 提升3个位次, 后退2位
        if figure.unit in PERCENT_UNITS or figure.unit == "倍":
            return "growth", sign
        if figure.unit in POINT_UNITS:
            return "change_pp", sign
        if not single and base in BASE_KINDS and not _improves_things(base, left, right):
            return "change", sign
    if figure.unit in POINT_UNITS:
        return "change_pp", 1
    if figure.unit in PERCENT_UNITS:
        if right.startswith(_OF_GROWTH):
            return "growth", 1  # 保持|10%以上|的增长, 确定|4.5%左右|的增长目标: a growth's rate
        if _is_share(left, right, figure.number_start > figure.lstart):
            return "share", 1
        if _ends_with_word(left, load_vocabulary().cues.growth_nouns):
            return "growth", 1  # 增速为5%左右, 涨幅2%
        return "rate", 1
    return base, 1


# a percent before 的 and a growth (…10%以上的增长, 4.5%左右的增长目标, 20%的刚性增长机制): the rate of
# that growth, no share of it
_OF_GROWTH = ("的增长", "的增速", "的增幅", "的年均增长", "的刚性增长", "的高速增长", "的较快增长")


def _ends_with_word(left: str, words: tuple[str, ...]) -> bool:
    """Whether ``left`` ends with one of ``words`` before the link words of a level and the
    adverbs that may stand after a growth noun (增速分别达|7.9%, 增速均|超过30%: cues.toml
    growth_noun_adverbs), a writer's choice that says nothing of the figure's kind.

    >>> _ends_with_word("银行存贷款增速分别达", ("增速",)), _ends_with_word("增速保持在", ("增速",))
    (True, True)
    >>> _ends_with_word("增速高的企业占", ("增速",))
    False
    """
    adverbs = cue_words("growth_noun_adverbs")
    tail = left.rstrip().rstrip(_LINK_CHARACTERS)
    while tail.endswith(adverbs):
        # (the longest: 年均 before 均)
        tail = tail.removesuffix(max((adverb for adverb in adverbs if tail.endswith(adverb)), key=len)).rstrip(
            _LINK_CHARACTERS)
    return tail.endswith(words)


_LINK_CHARACTERS = "达到为约是了在"  # the link words of a level, one character each


@lru_cache(maxsize=1 << 14)
def _governed_qualifier(qualifier: Qualifier, kind: str, left: str) -> Qualifier:
    """突破10万件 (over), 接近全国平均水平的3倍 (approx): a qualifier word before the figure.
    (Cached: asked for every figure, and a long document words what precedes its figures
    alike: a yearbook's 84,000 figures follow a few thousand distinct words.)"""
    if qualifier != "exact":
        return qualifier
    tail = left.rstrip()
    # (the words' qualifiers read only for a word found: most figures have none before them)
    if kind == "multiple":  # 接近全国平均水平的3倍: the word governs from further away
        for word in longest_first(_word_sets()["governing"]):
            if tail.endswith(word) or word in left:
                return load_vocabulary().qualifiers.governing[word]
        return qualifier
    ending = suffixes(_word_sets()["governing"]).longest(tail)
    if ending is not None and tail.endswith(load_vocabulary().qualifiers.words_ending_in_a_prefix):
        return qualifier  # 签约|8个: the word's last character, no qualifier
    return load_vocabulary().qualifiers.governing[ending] if ending is not None else qualifier

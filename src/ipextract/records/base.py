"""What the record rules share: the draft record, word lists from the vocabulary, and the
small text helpers every rule uses."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

import regex

from ..figures import Figure
from ..models import Basis, MetricFrom, PeriodFrom, Section, Status
from ..vocabulary import load_vocabulary
from ..vocabulary.lexicon import cut_shared, is_word
from ..vocabulary.models import Kind, Qualifier
from ..vocabulary.segmenter import GLUED_CHARACTERS

_COPULAS = frozenset({"为", "是", "有", "达", "达到", "共", "共有", "建有", "拥有", "计", "累计",
                      "共计", "合计", "总计", "约", "超", "逾", "近", "突破", "超过"})

# where a sentence ends in a block, a line's end too (…。其中民办…, …，分别居…: one sentence)
SENTENCE_STOP = re.compile("[。！？!?\n]")


BASE_KINDS: frozenset[str] = frozenset({"count", "amount", "quantity"})


DESCRIBING_KINDS: frozenset[str] = frozenset({"growth", "share", "multiple", "change", "change_pp"})


PERCENT_UNITS = ("%", "‰", "‱")
POINT_UNITS = frozenset({"个百分点", "个千分点", "基点"})  # changes of a rate: percentage, per-mille and basis points


COMPARISON_VERBS = ("相当于", "约为", "接近", "达到", "超过", "是", "为", "达")
# A count of things in digits or Chinese numerals and its measure word (15个, 十二条), as a clause
# writes it before the things (naming/sentence lists, naming/opening_topic counted subjects)
COUNT_OF_THINGS = re.compile(r"(?:[0-9]+|[一二两三四五六七八九十]+)(?:个|家|项|所|座|条|批|类)")
# The verbs that state a level reached right before its figure (达到, 超过, 提高到…): the records'
# periods (context), a percent of things at a level (kinds) and a stock reached after its flow
# (naming/sentence) read the same list
LEVEL_REACHED_VERBS = ("达到", "达", "超过", "突破", "迈上", "跨越", "跃升至", "跃升到", "提高到", "提高至",
                       "提升到", "提升至", "增至", "增加到", "增长到", "上升到", "上升至", "升至", "恢复至", "恢复到",
                       "降至", "降到", "下降到", "下降至", "缩小到", "缩小至", "扩大到", "扩大至", "整合至", "整合到")


_PUNCTUATION = regex.compile(r"^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$")


_QUOTE_CHARACTERS = frozenset("“”‘’\"'《》「」『』【】")
_QUOTES = regex.compile("[" + regex.escape("".join(sorted(_QUOTE_CHARACTERS))) + "]")
# whether a text holds one of them: the standard engine's search for the class, a loop in C
# (``isdisjoint`` made and hashed a string per character of Chinese text)
_HOLDS_QUOTE = re.compile("[" + "".join(map(re.escape, sorted(_QUOTE_CHARACTERS))) + "]").search


# (not the 比 of 占比, a share's noun: 装机占比 is no 装机 compared with anything)
_COMPARISON_BASE = regex.compile(r"(?:(?<!占)比|较|同比|环比)(?:[12][0-9]{3}年|上年|去年|上年同期|同期|上月)?$")


@lru_cache(maxsize=64)
def longest_first(words: frozenset[str] | tuple[str, ...]) -> tuple[str, ...]:
    """``words`` longest first, then in order (a word that ends or opens a text is looked for
    before the shorter ones it holds: 总规模 before 规模)."""
    return tuple(sorted(words, key=lambda word: (-len(word), word)))


_LEADING_FIGURE = regex.compile(r"^[0-9.,]+(?:万千|[万亿千])?\p{Han}{1,2}?(?=\p{Han})")


# A place written with its level: 武汉市, 湖北省, 汉阳区, 新疆维吾尔自治区.
_PLACE_LEVELS = ("省", "市", "自治区", "区", "县", "州", "盟", "旗")
_PLACE = regex.compile(r"\p{Han}{2,8}(?:" + "|".join(_PLACE_LEVELS) + ")")


def _is_place(word: str) -> bool:
    """``_PLACE.fullmatch(word)``, asked of the engine only for a word that ends with a level."""
    return word.endswith(_PLACE_LEVELS) and _PLACE.fullmatch(word) is not None


_ENUMERATION = regex.compile(r"\s*(?:、|和|及|与|以及)\s*")


# 从40.3%提高到45.4%, 从2020年的51%提升到2025年的70%: the second figure is the new level of
# the first one's indicator
_NEW_LEVEL = regex.compile(r"^\s*(?:[\p{Han}]{0,2}(?:增|提|升|降|减|扩|缩|跃|攀)[\p{Han}]?)?(?:到|至)"
                           r"(?:(?:19|20)[0-9]{2}年(?:底|末)?的?)?\s*$")


_CODE_NOTE = regex.compile(r"[（(][^）)]*[0-9A-Za-z][^）)]*[）)]")


_WORDLIKE = regex.compile(r"\p{Han}|[A-Za-z]")
# _WORDLIKE's answer for each first character asked about (it reads only the first): the naming
# rules ask it of every token after a count, and a call of the regex module costs a microsecond
_WORDLIKE_ANSWERS: dict[str, bool] = {}


def _wordlike(token: str) -> bool:
    """``_WORDLIKE.match(token) is not None``: a token that opens with a Han character or a
    Latin letter."""
    if not token:
        return False
    first = token[0]
    answer = _WORDLIKE_ANSWERS.get(first)
    if answer is None:
        answer = _WORDLIKE_ANSWERS[first] = _WORDLIKE.match(first) is not None
    return answer


NOUN_JOINS = ("和", "与", "及")  # the words that join two nouns of one name (国家|和|地区)
ITEM_JOINS = ("以及", *NOUN_JOINS)  # …单位|和|62个…, …设施|以及|40公里…: two counted items
_NOMINAL_TAGS = ("n", "vn", "b", "j", "eng", "nz", "an", "ng", "nr", "ns", "nt", "l", "i", "s")


@dataclass(slots=True)
class Draft:
    """A record before ids are given: a figure with the fields the context decides.

    Not frozen, though never changed once made (``dataclasses.replace`` makes a new one): a
    frozen dataclass sets each of its 18 fields through ``object.__setattr__``, which made
    building the drafts twice as slow (about 1% of extraction)."""

    figure: Figure
    kind: Kind
    value: Decimal
    value_min: Decimal | None
    value_max: Decimal | None
    qualifier: Qualifier
    metric: str
    metric_from: MetricFrom
    period: str | None
    of: Figure | None
    section: Section
    context: str
    notes: tuple[str, ...] = field(default=())
    period_from: PeriodFrom | None = None  # "text" (its sentence, block or item) or "part" (a heading)
    status: Status = "unknown"
    basis: Basis | None = None
    scope: str | None = None
    subject: str | None = None


_GAP_WORDS = frozenset({"低于", "高于"})  # bounds right before a number, words of a gap before a place


@lru_cache(maxsize=1)
def _word_sets() -> dict[str, frozenset[str]]:
    vocabulary = load_vocabulary()
    cues = vocabulary.cues
    return {
        "scope": frozenset(cues.scope_words),
        # (a verb of a level reached is a link word, but before a count of the steps crossed)
        "link": frozenset(cues.link_words) | frozenset(cues.level_verbs),
        "level_verbs": frozenset(cues.level_verbs),
        "level_steps": frozenset(cues.level_steps),
        "adverbs": frozenset(cues.trailing_adverbs) | frozenset(cues.per_head_words),
        "change": frozenset(vocabulary.change_verbs),
        # (not 低于, 高于: words of a gap, 增速高于全国|0.5个百分点, which its name keeps)
        "qualifier": (frozenset(vocabulary.qualifiers.prefix) | frozenset(vocabulary.qualifiers.governing))
        - _GAP_WORDS,
        "fillers": frozenset(cues.change_fillers),
        "growth_nouns": frozenset(cues.growth_nouns),
        "action_before_change": frozenset(cues.action_before_change),
        "governing": frozenset(vocabulary.qualifiers.governing),
        # the naming rules ask a dozen of these of every phrase, a word at a time (a set
        # lookup where the vocabulary's tuple is compared item by item)
        "time_scope": frozenset(cues.time_scope_words),
        "adverbs_before_verbs": frozenset(cues.adverbs_before_verbs),
        "plan_verbs_before_names": frozenset(cues.plan_verbs_before_names),
        "verbs_before_names": frozenset(cues.verbs_before_names),
        "verbs_inside_names": frozenset(cues.verbs_inside_names),
        "verbs_after_names": frozenset(cues.verbs_after_names),
        "generic_counted": frozenset(cues.generic_counted_nouns),
        "predicate_nouns": frozenset(cues.predicate_nouns),
        "nouns_tagged_verbs": frozenset(cues.nouns_tagged_verbs),
        "compound_heads": frozenset(cues.compound_heads),
        "compound_head_nouns": frozenset(cues.compound_head_nouns),
        "class_words": frozenset(cues.class_words),
        "class_bounds": frozenset(cues.class_bounds),
        "ranking_scopes": frozenset(cues.ranking_scopes),
        "clause_verbs": frozenset(cues.clause_verbs),
        "carrier_verbs": frozenset(cues.carrier_verbs),
        "giving_verbs": frozenset(cues.giving_verbs),
        "selecting_verbs": frozenset(cues.selecting_verbs),
        "outside_compounds": frozenset(cues.clause_verbs) | frozenset(cues.predicate_verbs)
        | frozenset(cues.figurative_verbs),  # (景区|享誉|海内外: no compound of the things)
        "figurative_verbs": frozenset(cues.figurative_verbs),
        "qualifying_phrases": frozenset(cues.qualifying_phrases),
        # (将|新建…, 再|创建…: a modal or a word of repetition before a verb at a name's start)
        "words_before_verbs": frozenset(cues.modal_words) | frozenset(cues.repeat_adverbs),
        # (推进, 抓好 before examples: a plan's wording, as 加快建设 is — the noun alone names;
        # 实现, 完成: link verbs, cut from names elsewhere too)
        "not_actions": frozenset(cues.clause_verbs) | frozenset(cues.preposition_verbs)
        | frozenset(cues.programme_verbs) | frozenset(cues.effort_adverbs)
        | frozenset(cues.verbs_before_names),
        "cause_verbs": frozenset(cues.cause_verbs),
        "agent_verbs": frozenset(cues.agent_verbs),
        "stock_totals": frozenset(cues.stock_totals),
        "effort_adverbs": frozenset(cues.effort_adverbs) | frozenset(
            cues.adverbs_before_effort_verbs),
        "verbs_that_go": frozenset(cues.effort_verbs) | frozenset(cues.having_verbs),
        "works_on_things": frozenset(cues.works_on_things),
        # (read for every figure named: a read of the vocabulary's pydantic models takes
        # CPython's slow path for attributes, twice as long as this call)
        "counting_verbs": frozenset(cues.counting_verbs),
        "work_done_verbs": frozenset(cues.work_done_verbs),
        "object_prepositions": frozenset(cues.object_prepositions),
        "duration_openers": frozenset(cues.duration_openers),
    }


@lru_cache(maxsize=1)
def _period_pattern() -> regex.Pattern[str]:
    return regex.compile(load_vocabulary().cues.period_pattern)


class Suffixes:
    """A word list looked up at the end of a text, longest word first, with one slice and one
    set lookup per distinct word length instead of an ``endswith`` per word.

    >>> Suffixes(["增长", "长", "提高"]).longest("同比增长")
    '增长'
    """

    __slots__ = ("lengths", "words")

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(words)
        self.lengths = tuple(sorted({len(w) for w in self.words if w}, reverse=True))

    def matches(self, text: str) -> Iterator[str]:
        """Every word of the list that ends ``text``, longest first."""
        for length in self.lengths:
            if length <= len(text) and text[-length:] in self.words:
                yield text[-length:]

    def longest(self, text: str) -> str | None:
        # (the loop of ``matches`` again, not ``next(self.matches(text))``: asked 21,000 times
        # on a first pass over the real work reports, mostly to find nothing, and a generator
        # made and started each time cost 7M of a quarter's 2,400M instructions)
        words = self.words
        for length in self.lengths:
            if length <= len(text) and text[-length:] in words:
                return text[-length:]
        return None


@lru_cache(maxsize=32)
def suffixes(words: frozenset[str]) -> Suffixes:
    return Suffixes(words)


# characters _PUNCTUATION would strip from an edge, and characters it would not: each is
# asked of the pattern once
_EDGE_ANSWERS: dict[str, bool] = {}


def _is_edge_character(character: str) -> bool:
    answer = _EDGE_ANSWERS.get(character)
    if answer is None:
        answer = _EDGE_ANSWERS[character] = _PUNCTUATION.match(character) is not None
    return answer


def _is_punctuation(token: str) -> bool:
    """``_PUNCTUATION.fullmatch(token)``: punctuation, symbols and spaces only. A token whose
    first character is none of them (most: a word) is told without the engine (the naming
    rules ask 20,000 times on a first pass over the real work reports)."""
    return bool(token) and _is_edge_character(token[0]) and _PUNCTUATION.fullmatch(token) is not None


def _strip_edges(text: str) -> str:
    """Quotes and edge punctuation off; a closing bracket stays when its opener is inside."""
    # most phrases hold no quote and end on a word: set tests instead of two scans
    stripped = text if _HOLDS_QUOTE(text) is None else _QUOTES.sub("", text)
    if stripped and (_is_edge_character(stripped[0]) or _is_edge_character(stripped[-1])):
        stripped = _PUNCTUATION.sub("", stripped)
    for opener, closer in (("（", "）"), ("(", ")")):
        # (``in`` first: most phrases hold no bracket, and it is one scan where the counts are two)
        if opener in stripped and stripped.count(opener) == stripped.count(closer) + 1 and (
                text.rstrip().endswith(closer)):
            stripped += closer
    return stripped


def _tokens(text: str) -> list[str]:
    """The words of ``text`` but the spaces the segmenter keeps as words of their own."""
    words = cut_shared(text)
    # (a text with no space has no word to leave out, and most have none: two scans of the
    # characters in C instead of a test of every word; every white-space character but " "
    # is unprintable)
    if text.isprintable() and " " not in text:
        return list(words)
    return [token for token in words if token.strip()]


def _one_word(text: str) -> bool:
    """``len(_tokens(text)) == 1``. Without its HMM the segmenter makes one word of several
    characters only of a dictionary word or of a run of Latin letters and digits, which it
    glues: a text of two characters or more, with no space, that is neither is told without
    segmenting it (a new segmentation costs about 100,000 instructions)."""
    if len(text) > 1 and text.isprintable() and " " not in text and not (
            GLUED_CHARACTERS.issuperset(text)) and not is_word(text):
        return False
    return len(_tokens(text)) == 1


_MIN_OVERLAP = 2  # 乡镇工业 + 工业总产值 → 乡镇工业总产值: two characters or more shared


def compound_name(first: str, second: str) -> str:
    """``first`` followed by ``second``, a shared stretch written once: a table's row and its
    measure, a body and its result.

    >>> compound_name("粮食", "产量"), compound_name("乡镇工业", "工业总产值"), compound_name("养老机构", "机构")
    ('粮食产量', '乡镇工业总产值', '养老机构')
    """
    if first.endswith(second):  # 养老机构 + 机构: the first already names it
        return first
    for size in range(min(len(first), len(second) - 1), _MIN_OVERLAP - 1, -1):
        if first.endswith(second[:size]):
            return first + second[size:]
    return first + second

"""The one analysis of the words around a figure (:class:`PhraseAnalysis`), built by
:func:`analyse` for every figure of a block before it is named: where its clause and sentence
start, the words before it (from its clause start, or from the previous figure) and after it,
whether it goes on a list with the figure before it, and what the other stages read of those
words (kind and sign, qualifier, the clause's subject, the status and basis cues before it in
its sentence)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import regex

from ...blocks import MAX_REACH, SENTENCE_END, Block
from ...figures import Figure
from ...models import Basis, Status
from ...scanning import alternation
from ...vocabulary import cue_set, cue_words, load_vocabulary
from ...vocabulary.indicators import load_indicators
from ...vocabulary.lexicon import pos_tag
from ...vocabulary.models import Kind, Qualifier
from ..base import (
    _ENUMERATION,
    _NOMINAL_TAGS,
    ITEM_JOINS,
    Draft,
    _tokens,
    _word_sets,
)
from ..kinds import _governed_qualifier, _kind_and_sign
from ..period_bounds import _words as period_words
from ..scope import subject
from ..status import BlockCues
from .counted import _CLAUSE_END, _clause_end, _right_noun
from .phrase import (
    _AS_LIST_MARKS,
    _HAN,
    _HAN_WORDS,
    _LIST_COMMAS,
    _LIST_NOTE,
    HOW_TAGS,
    NOTE_MARK,
    _is_verb,
    _opens_with_verb,
    adverb_opening,
    verbs_over_lists,
    without_division_note,
)


class PhraseAnalysis(NamedTuple):
    """The words around one figure in its block, read once by :func:`analyse`: every field a
    rule of this stage, of the kind (``kinds``), of the subject and scope (``scope``: the scope
    is read in ``clause``, or in a 分别 item's name) or of the status and basis (``status``)
    reads, so that none of them finds the figure's clause and sentence, or scans them for its
    cues, again.

    A named tuple: immutable and typed as a frozen dataclass is, where a frozen dataclass's
    ``__init__`` sets each of its 17 fields through ``object.__setattr__`` (three times the
    cost of the tuple, once per figure: 3% of the instructions of ``draft_records``).

    >>> from ipextract.blocks import split_blocks
    >>> from ipextract.figures import find_figures
    >>> from ipextract.records.status import block_cues
    >>> block = split_blocks("按可比价格计算，力争全市规模以上工业企业增加值增长6%左右。")[0]
    >>> analysis = analyse(block, find_figures(block, 0), 0, block_cues(block), None)
    >>> analysis.clause, analysis.kind, analysis.subject, analysis.target_cue, analysis.basis
    ('力争全市规模以上工业企业增加值增长', 'growth', '规模以上工业企业', 'target', 'real')
    """

    left: str  # from the clause start (or the previous figure) to the figure
    clause: str  # from the clause start to the figure
    right: str  # from the figure to the clause end
    enumerated: bool  # only 、/和/及 stand between this figure and the previous one
    respectively: bool  # ``clause`` says 分别 (cues.respectively): its figures are a list's
    tail: str  # the text after the figure past a 、 (a generic noun's predicate may go on)
    kind: Kind  # its kind, as the verb or noun before it says (增长 growth, 占…比重 share…)
    sign: int  # -1 for a change down (下降), else 1
    qualifier: Qualifier  # the figure's own, or the one a word before it governs (突破: over)
    sentence_start: int  # where the figure's sentence starts in its block
    clause_start: int  # where its clause starts (``clause`` may reach further back: see analyse)
    subject: str | None  # the longest subject named in ``clause`` (规模以上工业企业)
    cue: int | None  # the nearest status cue before the figure in its sentence (an index of
    # the sentence's cues in ``BlockCues``: the figures after one cue share their status)
    target_cue: Status | None  # what that cue says: actual (实际完成), forecast (预计), target (力争)
    compared: bool  # its sentence compares with a past period (比上年, 同比)
    basis: Basis | None  # a growth's: what the nearest basis cue before it in its sentence
    # says, real (按可比价格计算) or nominal
    followed: bool  # another figure stands after it in its clause (in ``right``)


_LIST_JOINS = frozenset({"、", "和", "及", "与", "以及"})  # _ENUMERATION's words
_LIST_GOES_ON = regex.compile(r"(?:、|和|及|与)-?[0-9]")


@lru_cache(maxsize=1)
def _change_before() -> regex.Pattern[str]:
    """A change verb right before a figure (下降74.58%)."""
    return regex.compile(alternation(load_vocabulary().change_verbs) + "了?$")


def _enumerates(block: Block, previous: Figure, between: str, figure: Figure) -> bool:
    """Whether ``between`` (the text from the previous figure to this one) joins the two
    figures into one list: 、/和/及, or a comma after a figure whose clause says 分别 (分别增长
    4.4%，5.9% is written with 、 or ， alike), or a comma before a figure that is a whole
    clause by itself (下降17.6%，11.6%。: a bare figure can only go on the list before it), or
    a bare figure the list goes on after (19.6%，27.8%和52.6%), or a bare figure that a
    的-phrase takes right after a change (下降74.58%，73.63%的基础上: 、 or ， alike)."""
    # (the words a list joins with, stripped, are the only text _ENUMERATION can match: every
    # space its \s takes str.strip takes too; a set test spares the pattern's call for most
    # figures, whose text before them is a clause)
    stripped = between.strip()
    if stripped in _LIST_JOINS and _ENUMERATION.fullmatch(between):
        return True
    if stripped not in ("，", ","):
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
    return says_respectively(block.text, block.clause_start(previous.lstart), previous.lstart)


@lru_cache(maxsize=1)
def _respectively() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(word) for word in load_vocabulary().cues.respectively)
                      or r"(?!)")


def says_respectively(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``text[start:end]`` holds 分别 or a word like it (cues.respectively): one search
    of the text where a loop over the words cut it out and searched it for each.

    >>> says_respectively("城镇、农村居民收入分别增长"), says_respectively("分别增长", 2)
    (True, False)
    """
    return _respectively().search(text, start, len(text) if end is None else end) is not None


_TAIL = 40  # characters after a figure that a generic noun's predicate is looked for in
_NOTE_AFTER_NOUN = 6  # characters after a figure a bracket note of the counted noun opens within


_ORDINAL_DIGITS = "一二三四五六七八九"  # (一、二类: a lone one before 、 and a class word)


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


_CLAUSE_MARKS = "，,；;"  # what ends a clause inside a sentence
_CLAUSE_MARK = re.compile(f"[{_CLAUSE_MARKS}]")  # a clause's end inside a sentence


def analyse(block: Block, figures: list[Figure], position: int, cues: BlockCues,
            previous_draft: Draft | None) -> PhraseAnalysis:
    """The analysis of the words around ``figures[position]`` (see :class:`PhraseAnalysis`);
    ``previous_draft`` is the record of the figure before it in the block, whose kind a list
    goes on with (分别增长5.1%、6.2%).

    ``clause`` is the text from the figure's clause start: past the start of a bracket it
    stands in (直接融资（包括股票、债券）1250亿元), with a verb joined to it by 、 (新建、改造
    高标准农田) and with the modifiers that share its head (举办国际性、全国性体育赛事:
    :func:`_shared_head_start`; its ``subject`` is read in its own words); ``left`` from the previous figure, when that is nearer, or from the verbs that
    open a list of examples before 等 and a count (维修改造滨河大道、建设路等43条重要道路)."""
    figure = figures[position]
    previous = figures[position - 1] if position else None
    clause_start = own_clause_start = block.clause_start(figure.lstart)
    text = block.text
    if text.find("）", clause_start, figure.lstart) >= 0 or text.find(
            ")", clause_start, figure.lstart) >= 0:  # (most clauses close no bracket)
        clause_start = _bracketed_clause_start(block, clause_start, figure.lstart)
    while clause_start >= 3 and text[clause_start - 1] == "、" and text[
            clause_start - 2] in _ORDINAL_DIGITS and text[clause_start - 3] not in _ORDINAL_DIGITS + "第" and (
            _HAN.match(text, clause_start - 3)) and text[clause_start:clause_start + 1] in _ORDINAL_DIGITS[1:]:
        # 国家一、|二类海水…: ordinals of one class, no list (labels.py _lone_er); the clause goes
        # on before them (引进央企二、三级子公司: 引进央企 is its verb and owner)
        clause_start = block.clause_start(clause_start - 2)
    left_start = max(clause_start, previous.lend) if previous is not None else clause_start
    between = block.text[previous.lend: figure.lstart] if previous is not None else None
    clause = block.text[clause_start: figure.lstart]
    left = block.text[left_start: figure.lstart]
    right = block.text[figure.lend: _clause_end(block, figure.lend)]
    tail = block.text[figure.lend: figure.lend + _TAIL]
    if "（" in right[:_NOTE_AFTER_NOUN] or "(" in right[:_NOTE_AFTER_NOUN]:
        # 19个|县（市、区）|农村供水提质改造: the note of what the noun covers is no word of the
        # things counted nor of what they did (read as 19个县农村供水提质改造)
        right, tail = _LIST_NOTE.sub("", right), _LIST_NOTE.sub("", tail)
        # (8个|县（区）|获评…: one other kind of division, a note as the list is)
        right, tail = without_division_note(right), without_division_note(tail)
    own_words: str | None = None  # the clause's own words, where ``clause`` reaches further back
    if between is not None and _after_joined_item(between, previous_draft, previous):
        # 建成12个污水处理设施|和|40公里管网: the item after a join names itself, as after 、
        clause = left = ""
    if left.endswith(_NOTE_CLOSINGS):
        # 比上年增长[41]|3.1%: a footnote mark before the figure is no word the reader reads
        clause, left = _without_note_mark(clause), _without_note_mark(left)
    if left.endswith("等") and left_start == clause_start and _HAN.match(text, figure.lend) and (
            _right_noun(right)):
        # 维修改造机场大道、友谊路等|58条|重要道路: the examples name nothing of their own, the
        # verbs that open them are the action on the noun counted
        left = _action_before_examples(block, clause_start, figure.lstart, previous) or left
    elif left_start == clause_start and (head := _head_after_examples(left)) and (
            action := _action_before_examples(block, clause_start, figure.lstart - len(head), previous)):
        # 引进华为研发中心、腾讯数据基地等|项目|120个: the class the examples are of, named after
        # 等 before the count, with the verbs that open the list (as 等|58条|重要道路 is after it)
        clause = left = action + head
    elif clause_start > 0 and text[clause_start - 1] in _LIST_COMMAS and (
            left_start == clause_start and "分别" not in clause) and (
            _CLAUSE_END.search(text, max(0, clause_start - _JOINED_ACTION - 2), clause_start - 1)
            or clause_start <= _JOINED_ACTION + 1):
        # (达到消除、传播阻断的县分别为…: items of a list; only a clause as short as a verb
        # before the comma is looked at, without finding its start: most are longer)
        action_start, action = _joined_action(block, clause_start - 1)
        if action and (previous is None or previous.lend <= action_start):
            clause = left = action + clause  # 新建、改造高标准农田: one action on the noun
    if clause_start > 0 and text[clause_start - 1] in _LIST_COMMAS and left_start == clause_start and (
            left == clause == text[clause_start:figure.lstart]) and not left.endswith("等") and (
            (shared := _shared_head_start(block, figures, position, clause_start)) < clause_start
            or (shared := _joint_items_start(block, figures, position, clause_start)) < clause_start
            or (shared := _pair_of_one_head(block, figures, position, clause_start)) < clause_start
            or (shared := _pair_sharing_a_figure(block, figures, position, clause_start)) < clause_start
            or (shared := _each_items_start(block, figures, position, clause_start)) < clause_start):
        # 举办国际性、全国性体育赛事: one head for both (not 宝鸡、延安等|4个…: a list of
        # examples, read as such); the subject is read in the clause's own words
        own_words = clause
        # (其中，国有，集体…: the list's marks written as 、 in the name, whichever the text used)
        clause = left = text[shared:figure.lstart].translate(_AS_LIST_MARKS)
    enumerated = (between is not None and previous is not None
                  and _enumerates(block, previous, between, figure))
    # (a list's later figures are of the kind of its first: their own left words name none)
    kind, sign = _kind_and_sign(figure, "" if enumerated else left, right, previous_draft,
                                enumerated)
    sentence_start = block.sentence_start(figure.lstart)
    status_cues, compared = cues.sentence(sentence_start)
    cue = status_cues.last(sentence_start, figure.lstart)
    while cue is not None and status_cues.kinds[cue] == "forecast" and _CLAUSE_MARK.search(
            block.text, status_cues.ends[cue], figure.lstart) and (block.text[
            status_cues.starts[cue]:status_cues.ends[cue]] in load_vocabulary().cues.clause_forecast_words
            or _after_its_subject(block.text, sentence_start, status_cues.starts[cue])):
        # (…排名有望上升3位，…，数量居…第2位: the forecast of a clause before; a cue before
        # it still holds, 预计…，排名有望…，时隔5年…)
        cue = status_cues.last(sentence_start, status_cues.starts[cue])
    # (by position, in the order of the fields: keywords cost three times as much, per figure)
    return PhraseAnalysis(
        left, clause, right, enumerated,
        says_respectively(clause),  # respectively
        tail,
        kind, sign,
        _governed_qualifier(figure.qualifier, kind, left),  # qualifier
        sentence_start, own_clause_start,
        subject(own_words if own_words is not None else clause),  # subject
        cue,
        status_cues.kinds[cue] if cue is not None else None,  # type: ignore[arg-type]  # target_cue
        compared,
        cues.basis(sentence_start).last_kind(  # type: ignore[arg-type]  # basis
            sentence_start, figure.lstart) if kind == "growth" else None,
        position + 1 < len(figures) and figures[position + 1].lstart < figure.lend + len(right),
    )


def _after_its_subject(text: str, sentence_start: int, cue_start: int) -> bool:
    """Whether a forecast word at ``cue_start`` stands after the subject of its clause
    (地区生产总值|预计增长…): it says what that subject is expected to do, not the sentence's
    later clauses; not after a time, a scope or an adverb alone (2025年，初步预计…).

    >>> _after_its_subject("全市地区生产总值预计增长5%，", 0, 8), _after_its_subject("全年初步预计", 0, 4)
    (True, False)
    """
    clause_start = max(sentence_start, *(text.rfind(mark, sentence_start, cue_start) + 1
                                         for mark in _CLAUSE_MARKS))
    scope_words = cue_set("scope_words")
    return any(pos_tag(word).startswith("n") and word not in scope_words
               for word in _tokens(text[clause_start:cue_start]))


def _after_joined_item(between: str, previous_draft: Draft | None, previous: Figure | None) -> bool:
    """Whether ``between``, the words from the figure before to this one, are that figure's
    noun and a join (…12个|污水处理设施和|40公里…): the second item of a list of counts joined
    by 和, 及 or 以及, which a writer may join by 、 as well (the records must not change).

    >>> from types import SimpleNamespace as Drafted
    >>> _after_joined_item("污水处理设施和", Drafted(metric="建成污水处理设施", figure=None), None)
    True
    >>> _after_joined_item("和", Drafted(metric="增加值", figure=None), None)
    False
    """
    if not between.endswith(ITEM_JOINS):
        return False  # (most figures: no join right before them, told in one call)
    join = next(word for word in ITEM_JOINS if between.endswith(word))
    noun = between[: -len(join)]
    return len(noun) >= 2 and previous_draft is not None and previous_draft.figure is previous and (
        previous_draft.metric.endswith(noun))


_NOTE_CLOSINGS = ("]", "］", "〕")  # the closing brackets of NOTE_MARK
_NOTE_BEFORE_FIGURE = re.compile(NOTE_MARK + r"\s*$")  # 增长[41]|3.1%, 增长［7］|…


def _without_note_mark(words: str) -> str:
    """``words`` without the footnote mark they end with (比上年增长[41] → 比上年增长)."""
    return _NOTE_BEFORE_FIGURE.sub("", words)


_EXAMPLES = 8  # items of a list of examples read back to the verb that opens them, at most


def _action_before_examples(block: Block, clause_start: int, end: int,
                            previous: Figure | None) -> str:
    """维修改造 of 维修改造滨河大道、建设路等43条重要道路: the verbs that open a list of examples
    before 等 and a count; ``""`` when the list opens with no verb, or with one that is no
    action, or another figure stands in it. Only the list's first piece is read (an example
    may open with a word the segmenter tags a verb: 就医|费用报销). The list is read back over
    、, and over ， (a writer's choice between the two must not change the records) to a short
    piece: a longer one is a clause of its own."""
    start = examples_start(block, clause_start, end)
    if previous is not None and previous.lend > start:
        return ""
    # (a verb of one character, 做|精, or one that acts as a preposition, 围绕, is no action
    # on the counted; a piece that is all "verbs", 可可盖, 包头, is a name the segmenter tagged;
    # a change verb, 提高…等5项标准, would make the count read as a change)
    outside = _word_sets()["not_actions"] | _word_sets()["change"]
    stop = _LIST_COMMA.search(block.text, start, end)
    first = block.text[start: stop.start() if stop else end]
    tokens = _tokens(first)
    # (新|建成, 再|改造: the word the segmenter cuts from the verb; 新 is the verb's, as before a
    # count, 再 an adverb that goes)
    new = tokens[0] if len(tokens) > 2 and tokens[0] in _NEW else ""
    tokens = tokens[1:] if new else tokens
    verbs: list[str] = [new] if new == "新" else []
    listed = verbs_over_lists()
    for token in tokens:
        if verbs and token in _word_sets()["change"] and len(token) > 1 and verbs[-1] in listed:
            verbs.append(token)  # (新建|提升|…公园: a change after a verb of building is one action)
            continue
        # (培育, 建设 are tagged verbal nouns and 整治 a noun: verbs of rule 7 and of lists
        # whatever the tags)
        if not (_opens_with_verb(token) or token in listed) or len(token) < 2 or token in outside:
            break
        verbs.append(token)
    # (the first example must follow as a noun: 可可|盖 is a name cut in two)
    acted = len(verbs) - (new == "新")
    # (an example the segmenter cut into characters, 启|元|光里, follows a verb of lists)
    return "".join(verbs) if 0 < acted < len(tokens) and (pos_tag(
        tokens[acted]).startswith(_NOMINAL_TAGS) or len(tokens[acted]) == 1 and any(
            verb in listed for verb in verbs)) else ""


def _head_after_examples(left: str) -> str:
    """项目 of …、腾讯数据基地等项目: the short noun of a class right after the 等 that closes a list
    of named examples, right before the figure; ``""`` when none (most clauses hold no 等), or
    when the example before 等 is short, a kind that the noun needs (供水、燃气等|管网, 医院、
    小区等|停车位: _after_examples keeps the kinds).

    >>> _head_after_examples("腾讯数据基地等项目"), _head_after_examples("燃气、供热等管网")
    ('项目', '')
    """
    at = left.rfind(_EXAMPLES_CLOSING, 0, len(left) - 1)
    head = left[at + 1:] if at > 0 else ""
    if not _CLASS_HEAD[0] <= len(head) <= _CLASS_HEAD[1] or not _HAN_WORDS.fullmatch(head) or (
            at < _NAMED_EXAMPLE):
        return ""
    example = _tokens(left[max(left.rfind(mark, 0, at) for mark in _LIST_COMMAS) + 1:at])
    while example and _opens_with_verb(example[0]):
        example = example[1:]  # (改造|水热气等管网: the verb that opens the list is no example's)
    if len("".join(example)) < _NAMED_EXAMPLE:
        return ""
    tokens = _tokens(head)
    return head if len(tokens) == 1 and pos_tag(tokens[0]).startswith(_NOMINAL_TAGS) else ""


_EXAMPLES_CLOSING = "等"
_CLASS_HEAD = (2, 4)  # characters of a class's noun after 等 (项目, 重点项目)
_NAMED_EXAMPLE = 5  # characters at least of an example with a name of its own (腾讯数据基地)


def examples_start(block: Block, clause_start: int, end: int) -> int:
    """Where the list of examples that the clause at ``clause_start`` (up to ``end``) closes
    opens: read back over 、, and over ， to a short piece (a writer's choice between the two
    must not change the records; a longer piece is a clause of its own)."""
    start = clause_start
    for _ in range(_EXAMPLES):
        if start == 0 or block.text[start - 1] not in _LIST_COMMAS:
            break
        before = block.clause_start(start - 1)
        if block.text[start - 1] != "、" and (len(_tokens(block.text[before:start - 1])) > (
                _EXAMPLE_WORDS) or _opens_with_action(_tokens(block.text[start:end]))):
            break  # (…治理，维修改造机场大道，友谊路等: the piece that opens with a verb opens the list)
        start = before
    return start


def _opens_with_action(tokens: list[str]) -> bool:
    """Whether ``tokens`` open with an action word, also after 新 or 再 (新|建成), or after an
    adverb of how before a verb of lists (高效|办理)."""
    if len(tokens) > 1 and (tokens[0] in _NEW or pos_tag(tokens[0]) in HOW_TAGS and tokens[1] in verbs_over_lists()):
        return _action_word(tokens[1])
    return _action_word(tokens[0])


def _action_word(token: str) -> bool:
    """A verb, or a verb of a list whatever its tag (新开工: nz, 整治: n)."""
    return _is_verb(pos_tag(token)) or token in verbs_over_lists()


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


_PIECE_MAX = 11  # characters of a list's first piece, its verbs and a word, and its mark


def _shared_head_start(block: Block, figures: list[Figure], position: int, clause_start: int) -> int:
    """Where a list of modifiers that share the head of the clause at ``clause_start`` opens
    (written with 、 or ，: a writer's choice between the two must not change the records),
    with the verbs before its first (举办|国际性、|全国性体育赛事120场; 新建改造|供排水、|供热
    管网; 其中，|国有、集体及其控股企业): each piece before a mark is one word that qualifies the
    next (:func:`_shared_modifier`), after verbs only in the list's first piece, and there only a
    word that cannot be their object alone: a qualifying word (区别词: 受理|刑事、治安案件), one
    that shares a character with the next (供排水、供热; 国际性、全国性), or one before a list of
    two modifiers or more (新认证|绿色、有机、名特优新农产品), not 治理|垃圾，农村… (a clause of
    its own). The list opens at a piece with verbs, or after a clause or a
    discourse word (…超2千亿元，|汽车、建材…; 其中，|国有…); a piece before it that is a word of
    another kind (石化化工、|电力、机械产业) is an item of the same list, and the clause is left
    as it is. Only before one figure (a list of as many figures pairs its items off:
    lists._paired_items), not in a from-to; ``clause_start`` when there is no such list."""
    text, figure = block.text, figures[position]
    if clause_start == 0 or text[clause_start - 1] not in _LIST_COMMAS:
        return clause_start  # (most clauses: no list mark before them, no list; told first)
    own = text[clause_start:figure.lstart]
    if "从" in own or "由" in own or clause_start - block.clause_start(clause_start - 1) > _PIECE_MAX:
        return clause_start  # (a piece this long before the clause is no verbs and one word)
    # (what the first piece must be, told before the clause is segmented: it seldom is; and
    # before the piece is: it ends in a word in 性 or a short word of a qualifying kind)
    piece_start = block.clause_start(clause_start - 1)
    piece = text[piece_start:clause_start - 1]
    if not piece.endswith("性") and not any(_short_modifier(piece[-size:])
                                           for size in range(2, _SHORT_MODIFIER + 1)):
        return clause_start
    words = _tokens(piece)
    word = words[-1] if words else ""
    if len(words) - _opening_verbs(words) != 1 or not (word.endswith("性") or _short_modifier(word)):
        parts = _piece_parts(words, piece_start == 0 or text[piece_start - 1] not in _LIST_COMMAS)
        if parts is None:
            return clause_start
        word = parts[1]
    if len(word) == _SHORT_MODIFIER and word[-_HEAD_WORD:] not in own[:_SHORT_MODIFIER + _HEAD_WORD]:
        # a noun of four characters right before the clause shares its head word with the next
        # (动力电池、储能电池出货量), not another object of the verb before (培养大国工匠、能工巧匠，
        # 年度…; 扩大规模、优化结构，出口总值…); further back it is an item of the list
        return clause_start
    tokens = _tokens(own)
    if not tokens or not pos_tag(tokens[0]).startswith(_NOMINAL_TAGS) or (
            tokens[0] in load_vocabulary().cues.counting_verbs) or (
            _chain_length(block, figures, position) > 1):
        return clause_start
    following, length = tokens[0], len(own)
    # (燃气、供热等|管网: a list the 等 closes is of kinds sharing the head, after a verb too)
    listed_kinds = own.startswith("等", len(following))
    start = clause_start
    for _ in range(_JOINED_ACTIONS):
        piece_start = block.clause_start(start - 1)
        words = _tokens(text[piece_start:start - 1])
        verbs = _opening_verbs(words)
        word = words[-1] if words else ""
        parts = _piece_parts(words, piece_start == 0 or text[piece_start - 1] not in _LIST_COMMAS) if (
            len(words) - verbs != 1) else None
        if parts is not None:
            # (累计举办|大型旅游、…; 某都市圈组建|产业、…: a modifier of two words after the
            # verbs, or a subject before them; read as the piece of one word and its verbs are)
            verbs, word = parts
            words = words[:verbs] + [word]
        if len(words) - verbs != 1 or not _shared_modifier(
                word, following, length, parts is not None) or verbs and not (
                pos_tag(word) == "b" or word.endswith("性") or set(word) & set(following)
                or start < clause_start or listed_kinds):
            if start < clause_start and not verbs and _qualified_parallel_head(words, following, length):
                return piece_start  # (国家一级|图书馆、博物馆、文化馆数量: the first head qualified)
            # (a piece with words of its own: a clause before the list, or an item of it)
            return start if start < clause_start and _clause_before(words) else clause_start
        start, following = piece_start, word
        if verbs or start == 0 or text[start - 1] not in _LIST_COMMAS:
            return start  # the verbs, or the clause's start, open the list
    return clause_start


def _joint_items_start(block: Block, figures: list[Figure], position: int, clause_start: int) -> int:
    """Where a list of things that one figure counts or measures together opens: noun phrases
    joined by 、 right before the clause of the figure's measure, with no figure of their own,
    and one figure for all of them (乡镇卫生院、社区卫生服务中心、村卫生室|诊疗人次39.8亿;
    国有管理公司、合作社、村集体|共占40%; 其中医院、|卫生院316个). The list opens after a
    clause, a part's or a place's word (其中, 全国) or the verbs that act on all its items
    (免费开展|妇女“两癌”、孕妇产前、新生儿缺陷筛查: no part of the name). Not a list the figure
    is given for each item of (分别, 均, 各; a rank: 总产量、调出量|稳居全国第一), a list of as
    many figures (lists._paired_items), of examples (等: their class is named), a clause of
    its own action or scope (签约项目, 力争…, 全市…), nor a list with a piece that is a clause
    (项目陆续投产、…) or holds a figure: ``clause_start`` then. A list of two items only when
    they share a head (医院、卫生院) and no verbs open it: two items are as often two clauses.
    Written with ， for 、 (a writer's choice must not change the records) the pieces are short
    nouns alone (:func:`_comma_item`): before a ， a piece is as often a clause of its own
    (分产业看，第一产业…).

    >>> from ipextract.blocks import split_blocks
    >>> from ipextract.figures import find_figures
    >>> block = split_blocks("其中医院、卫生院316个。")[0]
    >>> _joint_items_start(block, find_figures(block, 0), 0, block.clause_start(7))
    2
    """
    text, figure = block.text, figures[position]
    # (the piece before first, by its length alone: most clauses after a ， are clauses of their
    # own, longer than an item; a call of this function per clause after a mark)
    piece_start = block.clause_start(clause_start - 1)
    if clause_start - 1 - piece_start > (_JOINT_PIECE if text[clause_start - 1] == "、" else _COMMA_PIECE):
        return clause_start
    own = text[clause_start:figure.lstart]
    distributed = _joins_and_each()[1]
    if "等" in own or distributed.search(own) or text.startswith(_RANKS, figure.lstart) or (
            distributed.search(text, figure.lend, _clause_end(block, figure.lend))) or (
            _chain_length(block, figures, position) > 1) or (
            position and figures[position - 1].lstart >= block.clause_start(clause_start - 1)):
        return clause_start
    if own.startswith(_action_openings()):
        return clause_start  # (新培育…, 新建…: a clause of its own action)
    words = _han_words(own)
    if words and all(pos_tag(word) in ("v", "vn") for word in words) and (
            _right_noun(text[figure.lend:_clause_end(block, figure.lend)])):
        return clause_start  # (…，启动建设|2个|国际合作园区: verbs before a count, a clause of its own action)
    if not words or _opens_clause(words[0]) or not (
            len(words[0]) == 1 and not _is_verb(pos_tag(words[0]))
            or pos_tag(words[0]).startswith(_ITEM_TAGS) or _adjective_of_noun(words, 0)) or any(
                _clause_word(word) and word not in _word_sets()["link"] and not _adjective_of_noun(words, at)
                for at, word in enumerate(words)) or (
            words[0] in _word_sets()["scope"] or words[0] in _word_sets()["time_scope"]):
        return clause_start
    start, pieces, commas, shared_head, opened = clause_start, 0, 0, False, False
    built = -1  # where the verbs of building that open a list of two items start
    for _ in range(_JOINT_ITEMS):
        mark = text[start - 1] if start else ""
        if mark not in _LIST_COMMAS:
            break  # the list opens at a clause's or the block's start
        piece_start = block.clause_start(start - 1)
        piece = text[piece_start:start - 1]
        read = _list_piece(piece) if 0 < len(piece) <= _JOINT_PIECE and not _ANY_FIGURE.search(
            piece) else None
        if not pieces and read is not None and (lead := _built_by(piece)) >= 0 and (
                mark == "、" or len(own) <= _COMMA_PIECE) and not _names_a_measure(own):
            # (规范建设|零工市场、零工驿站100个: two things a verb of building opens, one count
            # for both, written with 、 or ， alike; the verb is the name's, ANNOTATION metric 7)
            built = piece_start + lead
        if mark == "、":
            if read is None or commas:  # (项目陆续投产、…: a clause of its own in the list;
                return clause_start  # …、能工巧匠，年度…: the ， ended a clause, no list)
        elif read is not None and _comma_item(piece[read:], own):
            commas += 1  # (东南亚，日韩，欧美入境游客: the marks of a list written as ，)
        elif read and commas:
            pieces += 1  # (开工改造老旧小区，城中村，农村危房，…)
            start, opened = piece_start + _opening_verbs_kept(piece, read, own), True
            break
        else:
            if built >= 0 and not pieces:
                pieces += 1  # (新改扩建中小学，|幼儿园4868所: the pair written with ，)
            break  # (分产业看，…; 2024年，…: a clause before the list opens it)
        pieces += 1
        # (two items of one head, 医院、卫生院; not after verbs that open a clause before the
        # list, 发展高精尖产业，集成电路产业…, written with ， or with 、 alike)
        shared_head = shared_head or pieces == 1 and not _opened_by_verbs(piece, read) and (
            piece[-1] in own[:len(piece) + _HEAD_WORD])
        start = piece_start
        if read:  # the verbs, a part's or a place's word open the list
            start, opened = start + _opening_verbs_kept(piece, read, own), True
            break
    # (a list of two items has one head, 医院、卫生院316个, or it is as often two clauses,
    # written with 、 or with ， alike: 信息技术、装备制造产业营收 as 针对性措施，地区生产总值; a
    # writer's choice between the two marks must not change the records)
    # (…卫生室、点和慈善超市: the list's last join, where no verb opened a clause before it;
    # not 建设…先行区、新能源和可再生能源装机占比, a join inside the item)
    joined = pieces + (sum(own.count(join) for join in _joins_and_each()[0]) if not opened else 0)
    if pieces == 1 and built >= 0 and not shared_head and not _acts(own):
        return built
    return start if joined >= _JOINT_LIST or shared_head else clause_start


def _pair_of_one_head(block: Block, figures: list[Figure], position: int, clause_start: int) -> int:
    """Where a pair of things of one head that one figure counts or measures opens (新引进|首店、
    旗舰店|120家, 新增|护理型床位、家庭养老床位|3200张, 认定|雏鹰企业、瞪羚企业|260户): the last
    character of the first (its head, or the head's last word) is in the second's head, whatever
    the segmenter made of their words, which :func:`_joint_items_start` reads. The verbs of flow or
    building that open the first are the pair's (kept, as there: ANNOTATION metric 7); any other
    verbs make the first piece a clause of its own (开展技能培训、发放…), and so does a second
    that opens with a verb of two characters (…改造、完成…改造50个). Written with 、 or ， alike.
    Not where the figure is each item's (分别, 均, 各, a rank), a list of examples (等), nor after
    a figure of the first piece's clause: ``clause_start`` then."""
    text, figure = block.text, figures[position]
    piece_start = block.clause_start(clause_start - 1)
    piece = text[piece_start:clause_start - 1]
    own = text[clause_start:figure.lstart]
    if not _PAIR_PIECE[0] <= len(piece) <= _PAIR_PIECE[1] or not own or "等" in own or "等" in piece or (
            _ANY_FIGURE.search(piece)) or (position and figures[position - 1].lend > piece_start):
        return clause_start
    # (told first, on the characters alone: the head the two share, which few pieces have; the
    # thing read below ends where the piece does, its marks off)
    bare = piece if _BRACKETED_MARKS.isdisjoint(piece) else _BRACKETED.sub("", piece)
    if not bare or bare[-1] not in own[:len(piece) + _HEAD_WORD]:
        return clause_start
    distributed = _joins_and_each()[1]
    if distributed.search(own) or text.startswith(_RANKS, figure.lstart) or distributed.search(
            text, figure.lend, _clause_end(block, figure.lend)):
        return clause_start
    if (built := _built_by(piece)) >= 0:
        if figure.kind != "count" and _names_a_measure(own):
            return clause_start  # (培育发展零碳建筑，星级零碳建筑占比…: the measure of the second's)
        opening, thing = piece_start + built, _after_verbs_over_lists(piece[built:])
    elif (read := _list_piece(piece)) is None or read and _opened_by_verbs(piece, read):
        return clause_start  # (确保|…, 推进|…: a clause of its own, or a plan's words)
    else:
        opening, thing = piece_start + read, piece[read:]
    # (the characters of the names: a quotation mark is no head, “独角兽”、“瞪羚”企业)
    thing, heads = _BRACKETED.sub("", thing), _BRACKETED.sub("", own)
    if len(thing) < 2 or thing[-1] not in heads[:len(thing) + _HEAD_WORD] or pos_tag(_han_words(thing)[-1]) == "f":
        return clause_start  # (…机构中，|社区卫生服务中心: the whole the next is in, no head)
    before = text[piece_start - 1] if piece_start else ""
    if before == "、" or before in ("，", ",") and built < 0 and text[clause_start - 1] != "、":
        return clause_start  # (示范园区、合作园区、低碳园区，园区…: a list of more, or its end)
    if text[clause_start - 1] != "、" and built < 0 and not _comma_item(thing, own):
        return clause_start  # (济滨高铁，高铁里程…: a clause that goes on about the piece's noun)
    first = _han_words(own)[:1]
    # (集合|店: a verb before the head shared is a word of the compound)
    if not first or first[0] in _action_openings() or _opens_clause(first[0]) or (
            len(first[0]) == 2 and _is_verb(pos_tag(first[0])) and own[2:3] != thing[-1]
            and first[0] not in _word_sets()["nouns_tagged_verbs"]):
        return clause_start
    return opening


def _pair_sharing_a_figure(block: Block, figures: list[Figure], position: int, clause_start: int) -> int:
    """Where a pair of things that one figure counts or measures together opens, joined by 、
    after a clause's start, its first piece with no figure of its own, beyond the pairs of one
    head (:func:`_pair_of_one_head`):

    - a noun phrase alone before a clause that opens with a noun (老旧小区、|城中村改造安置房交付
      18万套; 公益性岗位、|以工代赈吸纳就业…): a noun phrase alone before a 、 is no clause of its
      own, so what the clause says is said of both;
    - verbs and a noun phrase before a noun phrase with no verb (修缮利用老厂房、|老仓库80万平方米)
      or before the list's last two items joined by 和 (开展…、流动儿童和困境儿童关爱服务): the
      verbs act on every item, and the clause's start is kept for the name's cleaning, which
      drops a verb of effort as for one thing.

    Written with ， (a writer's choice between the marks must not change the records) only where
    the pieces read as items whichever mark stands: a short noun alone inside a sentence (县级医院，
    |基层医疗机构…; not one that opens it, 高速公路，…: an area, areas.py), or after verbs a noun
    of the next one's head (老厂区，|老街区); after a ， the same words are as often a clause of
    their own (优化营商环境，经营主体…). Not an area (铁路方面), a time (今年以来), where the figure
    is each item's (分别, 均, 各, a rank) or one of a list of figures, a list of examples (等), an
    item that is a measure of its own (…零售总额、固定资产投资增长6%: each one's), nor after a
    figure of the first piece's clause: ``clause_start`` then.

    >>> from ipextract.blocks import split_blocks
    >>> from ipextract.figures import find_figures
    >>> block = split_blocks("全年，老旧小区、城中村安置房交付3万套。")[0]
    >>> _pair_sharing_a_figure(block, find_figures(block, 0), 0, block.clause_start(8))
    3
    """
    text, figure = block.text, figures[position]
    comma = text[clause_start - 1] != "、"
    piece_start = block.clause_start(clause_start - 1)
    piece, own = text[piece_start:clause_start - 1], text[clause_start:figure.lstart]
    if not own or not 0 < len(piece) <= (_COMMA_PIECE if comma else _JOINT_PIECE) or "等" in own or (
            "等" in piece) or _ANY_FIGURE.search(piece) or text[piece_start - 1:piece_start] == "、" or (
            position and figures[position - 1].lend > piece_start) or _chain_length(block, figures, position) > 1:
        return clause_start  # (a list of more items, of figures or of examples)
    distributed = _joins_and_each()[1]
    if distributed.search(own) or text.startswith(_RANKS, figure.lstart) or distributed.search(
            text, figure.lend, _clause_end(block, figure.lend)) or _names_a_measure(own):
        return clause_start
    read = _list_piece(piece)
    words = _han_words(own)
    if read is None or not words or words[0] in _word_sets()["scope"] or (
            words[0] in _word_sets()["time_scope"]):
        return clause_start
    if piece.endswith(_AREA_WORD) or comma and (read == 0 and block.sentence_start(piece_start) == piece_start or (
            piece_start and text[piece_start - 1] in _LIST_COMMAS and _list_piece(
                text[block.clause_start(piece_start - 1):piece_start - 1]) is not None)):
        # (铁路方面，|…; 高速公路，|新开工…: the area a sentence opens with, areas.py; 磨憨，|瑞丽，|河口…:
        # an item before the piece, a list of more written with ，)
        return clause_start
    opening = piece_start + _scope_opening(piece)
    if read == 0:  # a noun phrase alone: the clause after it opens with a noun
        item = piece[opening - piece_start:]
        nouns = _han_words(item)
        if not nouns or item.endswith(tuple(period_words().since)) or pos_tag(nouns[-1]) == "i":
            return clause_start  # (今年以来，…: a time; an idiom is as often a clause)
        # (with ， a short noun alone, ending with no deed, 示范区建设，…, nor with the next
        # clause's first word, 济滨高铁，|高铁里程… goes on about it; a longer piece is as often a
        # clause whose predicate the tagger reads as a noun, 公立医院改革成效显著，…)
        return opening if _opens_with_noun(nouns) and _opens_with_noun(words) and (not comma or len(
            item) <= _COMMA_NOUN and all(pos_tag(noun).startswith(_NOMINAL_TAGS) for noun in nouns) and (
                pos_tag(nouns[-1]) != "vn" and nouns[-1] != words[0])) else clause_start
    if not _opened_by_verbs(piece, read):
        return clause_start
    acts = any(_is_verb(pos_tag(word)) and pos_tag(word) != "vn" or _clause_word(word) and not (
        _adjective_of_noun(words, at)) for at, word in enumerate(words))
    if comma:  # (老厂区，|老街区: the next one's head; no verb in either)
        return opening if not acts and piece[-1] in own[-_HEAD_WORD:] else clause_start
    joined = any(word in ITEM_JOINS for word in words[:-1])
    return opening if joined or not acts else clause_start


def _opens_with_noun(words: list[str]) -> bool:
    """Whether ``words`` open with a noun, after adjectives of it (老|旧|小区); not with a verb's
    noun (优化|营商环境: a deed).

    >>> _opens_with_noun(["老", "旧", "小区"]), _opens_with_noun(["优化", "营商环境"])
    (True, False)
    """
    at = 0
    while at + 1 < len(words) and pos_tag(words[at]) == "a":
        at += 1
    tag = pos_tag(words[at]) if words else ""
    return tag.startswith(_NOMINAL_TAGS) and not tag.startswith("v")


def _each_items_start(block: Block, figures: list[Figure], position: int, clause_start: int) -> int:
    """Where a list opens whose items one figure is given to each of by an adverb of each (入境
    游客人次、旅游外汇收入|均增长8%以上; 食品、药品抽检合格率|均超99%; …、政务环境|均居全国前三):
    the figure is every item's, and its name is the list's (ANNOTATION metric rule 3), measures
    and ranks too, two items as well as more. The pieces are noun phrases with no figure of their
    own, joined by 、 (or by ，, short nouns alone: :func:`_comma_item`); the list opens after a
    clause mark or after the verbs, a part's or a place's word that open its first item (as in
    :func:`_joint_items_start`). Not a list of examples (等: their class is named), not with
    分别 (a figure for each item in turn), nor where the figure's own clause holds a second
    figure: ``clause_start`` then. With no adverb of each, the items are measures or nouns that
    end as the last one does (:func:`_unmarked_item`), and no figures paired with them follow.

    >>> from ipextract.blocks import split_blocks
    >>> from ipextract.figures import find_figures
    >>> block = split_blocks("全年入境游客人次、旅游外汇收入均增长10%以上。")[0]
    >>> _each_items_start(block, find_figures(block, 0), 0, block.clause_start(10))
    2
    """
    text, figure = block.text, figures[position]
    own = text[clause_start:figure.lstart]
    adverbs, characters = _each_adverbs()
    # (with no adverb of each, one figure given to a list of measures, or of items that end as
    # the last one does, is every item's too: 工业投资、民间投资|年均增长…; the figure's own
    # clause then ends the list with a verb or none)
    listed = text[clause_start - 1:clause_start] in _LIST_COMMAS
    if characters.isdisjoint(own) and not (listed and _may_share_a_figure(block, clause_start, own)):
        return clause_start  # (most clauses: told on the characters alone, before segmenting)
    # (what needs no words, told before segmenting: a list of examples, a figure for each item
    # in turn, another figure in the clause or in the piece before it)
    if "等" in own or _IN_TURN in own or (
            position + 1 < len(figures) and figures[position + 1].lstart < _clause_end(block, figure.lend)) or (
            position and figures[position - 1].lstart >= block.clause_start(clause_start - 1)):
        return clause_start
    tokens = _tokens(own)
    # (an adverb of each before its verb, after the last item: not the 均 of 生|均|经费)
    each = next((at for at, token in enumerate(tokens) if token in adverbs or (
        token[:1] in adverbs and token[1:] in _word_sets()["link"])), -1)  # (…率|均达: one word to jieba)
    marked = each >= 0
    # (新设外资企业数、实际使用外资规模|居全国第三: one rank given to measures, verbs in them too)
    rank_at = next((at for at, token in enumerate(tokens) if token in cue_set("rank_verbs")), 0) if (
        not marked and listed) else 0
    ranked = rank_at > 0 and _measure_item("".join(tokens[:rank_at]))
    if ranked:
        each = rank_at
    elif not marked and listed:
        each = _predicate_at(tokens)
        if position + 1 < len(figures) and figures[position + 1].lstart - figure.lend <= 1:
            return clause_start  # (钢材、水泥、…产量增长3.1%、5.2%: figures paired with the items)
    if each < 1 or marked and each + 1 < len(tokens) and not (
            _is_verb(pos_tag(tokens[each + 1])) or tokens[each + 1] in _word_sets()["link"]) or (
            each < len(tokens) and tokens[each - 1][-1] + tokens[each] in cue_set("per_unit_averages")):
        return clause_start
    start, opened = clause_start, -1
    after = "".join(tokens[:each])  # the item after the piece read (the last: before 均)
    for _ in range(_JOINT_ITEMS):
        mark = text[start - 1] if start else ""
        if mark not in _LIST_COMMAS:
            break
        piece_start = block.clause_start(start - 1)
        piece = text[piece_start:start - 1]
        if not 0 < len(piece) <= _JOINT_PIECE or _ANY_FIGURE.search(piece) or "等" in piece:
            if mark == "、":
                return clause_start  # (a list of figures, or of examples)
            break  # (…氟化工等深度耦合，化工、…: a clause before the list)
        # (a measure is an item whatever the segmenter made of its words: 安全处置|率, tagged v)
        read = 0 if _measure_item(piece) else _list_piece(piece, measures=True)
        if read is None and all(pos_tag(word).startswith(_LIST_ITEM_TAGS) for word in _han_words(piece)):
            read = 0  # (工业|投资: nouns and a verb's noun name an item, as a measure does)
        # (市场环境、创新|环境: a piece of the next one's head is an item whatever opens it)
        words, next_words = _han_words(piece), _han_words(after)
        parallel = bool(words) and bool(next_words) and words[-1] == next_words[-1]
        # (with ， the pieces are a measure, nouns alone or one of the next one's head, or nouns
        # before a character the segmenter left alone: 金融机构本外币存，贷款余额均…)
        # (综合保税区、内陆开放口岸数量|稳居西部第一: things whose number the last item's measure
        # of a count is, one rank given to each; with ， as with 、)
        counted = ranked and bool(next_words) and next_words[-1] in _MEASURES_OF_NUMBER and _unmarked_item(piece)
        if read is None or mark != "、" and (not (
                parallel or counted or _measure_item(piece[read:]) or _comma_item(piece[read:], own)
                or all(pos_tag(word).startswith(_COMMA_TAGS) for word in words)
                or read == 0 and len(words) > 1 and len(words[-1]) == 1 and all(
                    pos_tag(word).startswith(_COMMA_TAGS) for word in words[:-1]))):
            break  # (强化要素保障，…: a clause of its own before the list opens it)
        if not marked and not (read == 0 and (ranked or _unmarked_item(piece)) and (
                parallel or counted or _measure_item(piece))):
            # (with no adverb of each, only nouns that end as the next item does, 工业投资、民间
            # 投资, or measures, …零售总额、固定资产投资; with 、 as with ，: a writer's choice
            # between the two must not change the records; a list that goes on past a 、 into
            # a clause, 新开通中东、南美…航线，…航线, is the clause's object, no list of ours)
            if mark == "、" and opened >= 0:
                return clause_start
            break
        start = opened = piece_start
        after = piece
        if read and not parallel and not (piece_start and text[piece_start - 1] == "、"):
            break  # (新认定|…中心、…: the verbs that open it open the list; inside it, none)
    if opened < 0:
        return clause_start
    # (the list's first item: the words of scope or time that open it go, its verbs stay for
    # the name's cleaning, which keeps a measure's own, 接待|游客人次)
    return opened + _scope_opening(text[opened:_clause_end(block, opened)])


_VERB_MEASURE = 2  # words of a measure of a deed: the verb and the measure's character
_MEASURE_CHARACTERS = frozenset("量率额")  # (调出量, 入学率, 成交额)
_PREDICATE_TAGS = ("v", "vd", "vi", "p")  # (not vn: 工业|投资, a verb's noun, is an item's)
_LIST_ITEM_TAGS = (*_NOMINAL_TAGS, "vn", "s")  # (海外|营收: a place word qualifies the noun)


def _may_share_a_figure(block: Block, clause_start: int, own: str) -> bool:
    """Whether the piece before the mark that opens the clause ``own`` may be an item of a list
    one figure is given to with no adverb of each (:func:`_unmarked_item`), told on characters
    before segmenting: short, with no digit, a measure or ending with a character ``own`` holds
    (工业投资、民间投资: 资), or before a measure of the number of things (…、开放口岸数量). Most
    clauses after a ， are none."""
    piece = block.text[block.clause_start(clause_start - 1):clause_start - 1]
    return 0 < len(piece) <= _JOINT_PIECE and not _ANY_FIGURE.search(piece) and (
        piece[-1] in own or _measure_item(piece) or any(measure in own for measure in _MEASURES_OF_NUMBER))


_MEASURES_OF_NUMBER = frozenset({"数量", "总量", "规模", "个数", "总数"})  # (…口岸数量: how many)


def _unmarked_item(piece: str) -> bool:
    """Whether ``piece`` is an item of a list one figure is given to with no adverb of each:
    nouns alone (a verb's noun too: 工业投资), not a clause with a verb of its own (打造…先导区,
    个人养老金制度全面实施)."""
    words = _han_words(piece)
    if len(words) == _VERB_MEASURE and words[1] in _MEASURE_CHARACTERS and pos_tag(words[0]).startswith("v"):
        return True  # (调出|量, 入学|率: a measure of what is done, one noun)
    if words and (words[0] in _plan_verbs() or pos_tag(words[0]) in _PREDICATE_TAGS):
        return False  # (打造…经济区、: a clause)
    return bool(words) and all(pos_tag(word).startswith(_LIST_ITEM_TAGS) for word in words) and not (
        len(words[-1]) > 2 and pos_tag(words[-1][-2:]).startswith("v"))  # (制度|全面实施, tagged n)


@lru_cache(maxsize=1)
def _plan_verbs() -> frozenset[str]:
    """The verbs of a plan before a name (力争, 确保: cues.plan_verbs_before_names)."""
    return frozenset(load_vocabulary().cues.plan_verbs_before_names)


def _predicate_at(tokens: list[str]) -> int:
    """Where the predicate of a list's last item starts (医疗保险|参保率|稳定|在: 2): its first
    verb, link word or adverb after a noun; ``len(tokens)`` where it has none (…参保率|95%), -1
    where the item opens with one (a clause of its own, no item of a list)."""
    for at, token in enumerate(tokens):
        tag = pos_tag(token)
        if tag in _PREDICATE_TAGS or tag.startswith("d") or token in _word_sets()["link"] or (
                token in _plan_verbs() or token in cue_set("per_unit_averages")):
            # (力争, which the segmenter tags nz; 年均 before the change, tagged j)
            return at if at else -1
        if not tag.startswith(_LIST_ITEM_TAGS):
            return -1  # (a word of no noun phrase: no item of a list)
    return len(tokens)


def _scope_opening(piece: str) -> int:
    """The length of the words of scope or time, the part's and discourse words, that open
    ``piece`` (全年|接待游客人次: 2), as :func:`_list_piece` passes over them."""
    words = _han_words(_BRACKETED.sub("", piece))
    at = _scope_words(words)
    return piece.find(words[at]) if 0 < at < len(words) else 0


def _scope_words(words: list[str]) -> int:
    """How many of ``words`` open them as words of scope or time, a part's or a discourse word."""
    at = 0
    while at < len(words) and (words[at] in _word_sets()["scope"]
                               or words[at] in _word_sets()["time_scope"]
                               or pos_tag(words[at])[:1] in _DISCOURSE_TAGS):
        at += 1
    return at


@lru_cache(maxsize=1)
def _each_adverbs() -> tuple[frozenset[str], frozenset[str]]:
    """The adverbs that give one figure to each item of a list before it (均增长, 都达到, 双双
    跃居, 各增加): the catalogue's each_words, less 分别 (a figure for each item in turn); and
    their characters, told before a clause is segmented."""
    adverbs = frozenset(load_indicators().each_words) - {_IN_TURN}
    return adverbs, frozenset("".join(adverbs))


_IN_TURN = "分别"


def _after_verbs_over_lists(piece: str) -> str:
    """The words of ``piece`` after the verbs of flow or building that open it (新引进|首店; 新
    before one of them is its, a run of them opens the things as one does: 新建|改造|城市书房)."""
    rest = piece
    while verb := max((v for v in verbs_over_lists() if rest.startswith((v, "新" + v))), key=len, default=""):
        rest = rest[len(verb) + (not rest.startswith(verb)):]
    return rest


_PAIR_PIECE = (2, 10)  # characters of the first piece of a pair of one head, with its verbs


def _names_a_measure(item: str) -> bool:
    """Whether an item, the link word before its figure off (占比|达), names a measure
    (:func:`_measure_item`): no thing a verb of building made (培育发展绿色建筑，星级绿色建筑占比…)."""
    link = max((w for w in load_vocabulary().cues.link_words if item.endswith(w)), key=len, default="")
    return _measure_item(item[:len(item) - len(link)])


def _acts(item: str) -> bool:
    """Whether an item opens with a verb of its own, after adverbs (精准|服务|企业): a clause of
    its own action, no second thing the verb before the list built."""
    adverb = adverb_opening(item)
    words = _han_words(item[len(adverb):])
    # (助餐|点: a verb before a head of one character is the compound's first word)
    return bool(adverb) or not words or _is_verb(pos_tag(words[0])) and len("".join(words[1:])) > 1


def _opening_verbs_kept(piece: str, read: int, own: str) -> int:
    """Where the item a list's first ``piece`` names opens (``read``: after the verbs, a part's
    or a place's word that open the list), or where the verbs of building or flow among them
    start (改造|老旧厂房、棚户区、危旧农房…: the name's, ANNOTATION metric 7, as for a pair;
    other verbs, 免费开展|…, are not)."""
    lead = _built_by(piece) if not _names_a_measure(own) else -1
    return lead if 0 <= lead < read else read


def _built_by(piece: str) -> int:
    """Where the verb of building or flow that opens ``piece`` starts (:func:`verbs_over_lists`;
    新 before one of them), after an adverb of
    effort or manner (规范|建设…: its length), when a noun of two characters or more follows
    it; ``-1`` otherwise (推进|城市更新: an effort verb; 规范|发展: no verb of building)."""
    adverb = adverb_opening(piece)
    rest = piece[len(adverb):]
    # (新建|改造|城市书房: a run of such verbs opens the things as one does)
    thing = _after_verbs_over_lists(rest)
    if thing == rest or len(thing) < 2 or not _HAN_WORDS.fullmatch(thing) or _is_verb(
            pos_tag(_tokens(thing)[0])):
        return -1
    return len(adverb)


@lru_cache(maxsize=1)
def _joins_and_each() -> tuple[tuple[str, ...], regex.Pattern[str]]:
    """The words that join a list's last two items (和, 及, 与) and a pattern of the words that
    give a figure to each item (分别, 均, 各: the catalogue's list_joiners and each_words, read
    for the same lists there), with 依次 and a rank's verbs (居全国…, not 居民)."""
    catalogue = load_indicators()
    each = alternation(sorted({*catalogue.each_words, "依次"}, key=len, reverse=True))
    # (not the 均 of a word of an average per unit: 工业投资、民间投资|年均增长 is one figure of
    # both, no figure for each in turn)
    averages = "".join(sorted({word[0] for word in cue_words("per_unit_averages")}))
    return catalogue.list_joiners, regex.compile(
        f"(?<![{averages}])(?:{each})|{_RANK_VERBS}" if averages else f"{each}|{_RANK_VERBS}")


@lru_cache(maxsize=1)
def _action_openings() -> tuple[str, ...]:
    cues = load_vocabulary().cues
    return (*cues.flow_verbs_over_lists, *cues.counting_verbs)


def _opened_by_verbs(piece: str, read: int | None) -> bool:
    """Whether the item of ``piece`` (from ``read``) follows verbs (发展|高精尖产业), not a
    part's or a place's word (其中|医院) nor nothing."""
    words = _han_words(piece[:read]) if read else []
    return bool(words) and (_opening_verb(words[-1]) or _opens_clause(words[-1]))


def _comma_item(item: str, own: str) -> bool:
    """Whether a piece before a ， (from where its item opens) reads as an item of a list of
    the clause ``own`` opens, and not as a clause of its own: a short noun (城中村, 东南亚) of
    nouns alone, before a clause that opens with a noun of another word (济滨高铁，高铁里程…: the
    next clause goes on about the last word; 稳预期，地区生产总值…: 稳 is no noun)."""
    words = _han_words(item)
    first = _han_words(own)[:1]
    return 0 < len(item) <= _COMMA_PIECE and bool(first) and first[0] != words[-1] and all(
        pos_tag(word).startswith(_COMMA_TAGS) for word in words) and (
        pos_tag(first[0]).startswith(_COMMA_TAGS) or len(first[0]) == 1 and not _is_verb(
            pos_tag(first[0])))  # (学位，园|位: a character the segmenter left alone)


def _list_piece(piece: str, measures: bool = False) -> int | None:
    """How a piece of a list before a joint figure reads: ``0`` for a noun phrase that names an
    item (社区卫生服务中心（站）; it may hold a verb, 社会捐赠工作站), where in it the item
    opens for one that opens the list with verbs, a part's or a place's word (免费开展|妇女
    “两癌”; 其中|医院; 全国共有|…), ``None`` for a piece that is no item: a clause ending in a
    verb (消费回暖, 制度全面实施), one with an adverb, a preposition, an adjective or a number
    (项目陆续投产, 在全国冬运会, 规模最大, 全球第一), a list's number (三、), a measure of its own
    (社会消费品零售总额、…: the figure is each one's; unless ``measures``, a list of measures one
    figure is given to each of), or verbs on an activity (深化改革)."""
    words = _han_words(_BRACKETED.sub("", piece))
    at = _scope_words(words)  # (其中|医院、…; 全国|共有…)
    verbs = run = at
    while run < len(words) and len(words[run]) > 1 and (
            pos_tag(words[run])[:1] in "vd" or _opens_clause(words[run])):
        run += 1  # (免费|开展: a verbal noun or an adverb before the verbs is theirs)
        if _opening_verb(words[run - 1]) or _opens_clause(words[run - 1]):
            verbs = run
            if run < len(words) and not _opens_clause(words[run]):
                break  # (开展|留守儿童: a verb after the action qualifies the item)
    last = words[-1] if words else ""
    if verbs == len(words) or _opening_verb(last) or len(last) > 2 and pos_tag(
            last[-2:]).startswith("v") or verbs > at and pos_tag(last) == "vn" or any(
            _clause_word(word) and not _adjective_of_noun(words, at)
            for at, word in enumerate(words) if at >= verbs) or not measures and _measure_item(piece):
        return None
    return piece.find(words[verbs]) if verbs > at or at else 0


def _measure_item(piece: str) -> bool:
    """社会消费品零售总额, 调出量: an item that names a measure of its own (cues.measure_nouns,
    measure_endings): the figure after a list of measures is each one's (…、固定资产投资增长4%
    左右), no total."""
    return piece.endswith(_measure_ends())


@lru_cache(maxsize=1)
def _measure_ends() -> tuple[str, ...]:
    cues = load_vocabulary().cues
    return (*cues.measure_nouns, *cues.measure_endings)


def _opens_clause(word: str) -> bool:
    """力争, 推进, 建设, 实现: a verb of plan, effort or programme (tagged a noun as often as a
    verb) that opens a clause of its own."""
    return word in _word_sets()["not_actions"] or word in _word_sets()["plan_verbs_before_names"]


def _han_words(words: str) -> list[str]:
    return [word for word in _tokens(words) if _HAN.match(word)]


def _clause_word(word: str) -> bool:
    """An adverb, a preposition, an adjective, a pronoun or a number (陆续, 持续, 在, 最大, 第一, 三):
    words of a clause, or a list's number, not of a noun phrase that names a thing."""
    tag = pos_tag(word)
    return tag[:1] in _CLAUSE_TAGS and (len(word) > 1 or tag[:1] != "a") or tag == "vd" or (
        tag == "m" and (len(word) > 1 or word in _NUMERALS))


def _adjective_of_noun(words: list[str], at: int) -> bool:
    """Whether the word at ``at`` is an adjective of two characters right before a noun (致富|
    带头人, 优秀|企业家): a word of the noun phrase, not of a clause (规模|最大).

    >>> _adjective_of_noun(["致富", "带头人"], 0), _adjective_of_noun(["规模", "最大"], 1)
    (True, False)
    """
    return pos_tag(words[at]) == "a" and at + 1 < len(words) and pos_tag(words[at + 1]).startswith(
        _NOUN_OPENINGS)


_NOUN_OPENINGS = ("n", "nr", "nz", "nt", "j", "l")  # 带头人, 企业家, 合作社 (an idiom to the tagger)


def _opening_verb(word: str) -> bool:
    """A verb of two characters or more (开展, 签约): one of one character is as often a noun's
    part the segmenter cut (限|上, 村)."""
    return len(word) > 1 and _is_verb(pos_tag(word))


_BRACKETED = regex.compile(r"[（(][^（()）]*[)）]|[“”\"‘’]")  # 中心（站）, 妇女“两癌”
_BRACKETED_MARKS = frozenset("（(“”\"‘’")  # (what _BRACKETED's matches open with)
_RANK_VERBS = "居(?![民住家])|排名|位列"  # a rank is each item's (not 居民, 居住, 居家)
_RANKS = ("第", "前")  # a rank is each item's (总产量、调出量稳居全国第一)
_CLAUSE_TAGS = frozenset("dpart")  # (t: 电厂三期建成投产, a clause)
_NUMERALS = frozenset("一二三四五六七八九十百千万亿两")
# the first word of a list's last item: a noun, a verbal noun or a qualifying word (not an idiom)
_ITEM_TAGS = ("n", "vn", "b", "j", "nz", "ns", "nt", "nr", "s")
_JOINT_ITEMS = 6  # pieces of a list of things measured together, read back at most
_JOINT_PIECE = 16  # characters of one piece, at most: a longer one is a clause
_COMMA_PIECE = 10  # characters of a piece before a ，, at most, read as an item of a list
_AREA_WORD = "方面"  # (铁路方面: an area, no thing)
_COMMA_NOUN = 6  # characters of a noun alone before a ，, at most, read as the first of a pair
_COMMA_TAGS = ("n", "j", "b", "s")  # nouns (ns, nt, nz…), abbreviations, qualifying words
_JOINT_LIST = 2  # pieces before the last item, at least, of a list whose items share no head


def _qualified_parallel_head(words: list[str], following: str, length: int) -> bool:
    """Whether a list's first piece is a head of the same kind as the next (图书馆, 博物馆: the
    same last character) after words that qualify it (国家|一级|图书馆), nouns and qualifying words
    only: the heads of one list share the measure after the last (…、文化馆数量)."""
    word = words[-1] if words else ""
    return len(words) > 1 and len(word) > 1 and word[-1] == following[-1] and (
        _shared_modifier(word, following, length)) and all(
        pos_tag(token) in _MODIFIER_TAGS or pos_tag(token) == "m" for token in words[:-1])


def _opening_verbs(words: list[str]) -> int:
    """How many of ``words`` open them as a time, a place, or verbs (全年|受理|…; 新|认证|…:
    新 before a verb is the verb's) before the last; a verb of change, of a level or of a
    qualifier (增长, 达到, 突破) would say the figure's kind, and is none of them."""
    at = 0
    while at < len(words) - 1 and (words[at] in _word_sets()["time_scope"]
                                   or words[at] in _word_sets()["scope"]):
        at += 1
    if at < len(words) - 2 and words[at] in _NEW:
        at += 1
    while at < len(words) - 1 and pos_tag(words[at]) in ("v", "vn") and not (
            words[at] in _word_sets()["change"] or words[at] in _word_sets()["link"]
            or words[at] in _word_sets()["governing"]):
        at += 1
    return at if at == 0 or words[at - 1] not in _NEW else 0


_NEW = frozenset({"新", "再"})  # a word of one character the segmenter cuts from the verb after it
_DISCOURSE_TAGS = frozenset({"r", "c", "d", "t", "p"})  # 其中, 同时, 此外, 全年…


def _clause_before(words: list[str]) -> bool:
    """Whether a piece before a list of modifiers is no item of it: a clause with a figure, or
    words of discourse, time or place alone (其中, 同时, 全年), or a piece with a verb."""
    return any(_ANY_FIGURE.match(word) for word in words) or all(
        pos_tag(word)[:1] in _DISCOURSE_TAGS or word in _word_sets()["scope"] for word in words) or (
        any(pos_tag(word).startswith("v") and pos_tag(word) != "vn" for word in words))


_ANY_FIGURE = re.compile(r"[0-9０-９]")
# a short word that qualifies a head (区别词, nouns, verbal nouns: 供热、燃气管网)
_MODIFIER_TAGS = frozenset({"n", "l", "b", "vn", "nz", "j"})
_SHORT_MODIFIER = 4  # characters at most of a noun that qualifies a shared head (供排水, 集成电路)
_SHORT_NOUN = 3  # characters at most of a modifier of any tag of _MODIFIER_TAGS
_HEAD_WORD = 2  # characters of the head word two nouns of four characters share (电池, 公路)
_LONG_MODIFIER_TAGS = frozenset({"n", "nz"})  # 集成电路、电动汽车: not an idiom (l: 真抓实干、…)


def _short_modifier(word: str) -> bool:
    """Whether ``word`` may qualify a head shared with the next piece of a list: a noun or a
    qualifying word of two or three characters, or a noun of four (集成电路、生物医药产业)."""
    tag = pos_tag(word)
    return 2 <= len(word) <= _SHORT_NOUN and tag in _MODIFIER_TAGS or (
        len(word) == _SHORT_MODIFIER and tag in _LONG_MODIFIER_TAGS)


def _piece_parts(words: list[str], opens_list: bool = True) -> tuple[int, str] | None:
    """A list's piece that opens with verbs and ends with one modifier, read where the piece of
    verbs and one word (:func:`_opening_verbs`) does not: how many words open it, and the
    modifier; ``None`` for any other piece. After verbs the modifier may be two words of four
    characters at most (with none, 法治|环境 is an item of its own), a qualifying word or a noun
    before a noun (大型|旅游, 技术|交易: one modifier the segmenter split), and a kind of area
    right after the verbs is theirs (改造|城市|供排水); before the verbs the piece that
    ``opens_list`` may name its subject, nouns alone (某都市圈|组建|产业: the subject stays with
    the list, as it does with one item; not an item after a mark, 保障性|租赁|住房, a noun the
    segmenter split at a verb).

    >>> _piece_parts(["累计", "举办", "大型", "旅游"])
    (2, '大型旅游')
    >>> _piece_parts(["都市", "圈", "组建", "产业"])
    (3, '产业')
    >>> _piece_parts(["改造", "城市", "供排水"])
    (2, '供排水')
    >>> _piece_parts(["消费", "回暖"]) is None
    True
    """
    verbs = _opening_verbs(words)
    if verbs < len(words) - 2 and words[verbs] in _word_sets()["adverbs_before_verbs"] and (
            (after := _opening_verbs(words[verbs + 1:])) > 0):
        verbs += 1 + after  # (全年|累计|举办…: the adverb is the verbs')
    if not verbs and opens_list:
        subject = 0
        while subject < len(words) - 2 and pos_tag(words[subject]) in _SUBJECT_TAGS:
            subject += 1
        verbs = subject + _opening_verbs(words[subject:]) if subject else 0
        if verbs == subject or not _opening_verb(words[verbs - 1]):
            return None
    if verbs and len(words) - verbs > 1 and words[verbs] in cue_set("list_area_scopes"):
        verbs += 1  # (改造|城市|供排水、燃气…: the kind of area after the verbs is theirs, kept)
    tail = words[verbs:]
    if len(tail) == 1 and _short_modifier(tail[0]):
        return verbs, tail[0]
    if verbs and len(tail) == 2 and len(tail[0]) + len(tail[1]) <= _SHORT_MODIFIER and all(
            pos_tag(word) in _PAIR_MODIFIER_TAGS and len(word) > 1 for word in tail):
        return verbs, tail[0] + tail[1]
    return None


_SUBJECT_TAGS = frozenset({"n", "ns", "nt", "nz", "j", "q"})  # 都市|圈: a subject's nouns alone
_PAIR_MODIFIER_TAGS = frozenset({"n", "b", "vn", "nz"})  # 大型|旅游, 技术|交易


def _shared_modifier(word: str, following: str, length: int, read: bool = False) -> bool:
    """Whether ``word``, before a mark, qualifies the head that the piece after it qualifies
    too, opening with ``following`` (the clause after the list runs ``length`` characters): a
    word in 性 before one (国际性、全国性…), or a short noun or qualifying word (供排水、供热
    管网; 刑事、治安案件) that is no opening of the words after it and leaves the clause a head
    (粮食、蔬菜产量); ``read`` for a modifier :func:`_piece_parts` read already."""
    if word.endswith("性"):
        return following.endswith("性") and len(following) < length
    return (read or _short_modifier(word)) and (
        length > len(following) or length >= len(word) + 2) and not following.startswith(word)


def _chain_length(block: Block, figures: list[Figure], position: int) -> int:
    """How many figures from ``position`` on are one enumeration (3.6%、3.5%和5.6%)."""
    length = 1
    for index in range(position + 1, len(figures)):
        between = block.text[figures[index - 1].lend: figures[index].lstart]
        if not _enumerates(block, figures[index - 1], between, figures[index]):
            break
        length += 1
    return length

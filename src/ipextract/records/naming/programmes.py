"""The programme a generic count belongs to: 启动实施城乡供水提升工程，实施项目860个 → 城乡供水提升
工程实施项目; 新争取中央预算内资金320亿元，支持项目1500余个 → 中央预算内资金支持项目. A count
named only by a generic head (cues.programme_items: 项目, 重点事项…), alone or after its verb,
in a clause right after one that ends with a programme (a name ending in cues.programme_heads:
…工程, …资金, or a quoted name: “高效办成一件事”) or with a figure named so, in the same
sentence, is that programme's. Read once every figure is named."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import regex

from ...blocks import Block
from ...vocabulary import cue_set, cue_words
from ...vocabulary.lexicon import pos_tag
from ..base import _QUOTES, Draft, _tokens
from .phrase import _ANY_DIGIT, _is_verb, verbs_over_lists
from .topic import _owned_measures

_JOINING_MARKS = frozenset("，,、")  # what joins the programme's clause to the count's
# a clause's last words: the nominal words after its last verb (or a quoted name)
_QUOTED_END = regex.compile(r"“([^“”，。；、]{2,16})”$")
_ITEM_KINDS = frozenset({"count"})
_NAME_VERBS = frozenset({"扩大", "提升", "促进"})  # verbs that open a programme's own name


def programme_of_generic_items(drafts: list[Draft], blocks: list[Block]) -> None:
    """Give each generic count the programme of the clause before it (see the module)."""
    items = cue_set("programme_items")
    # (after_verbs gives the name's last words, its spaces left out: a name that does not end
    # with an item so is told without segmenting it; most counts, 4,000 on the work reports)
    endings = tuple(items)
    for index, draft in enumerate(drafts):
        if draft.kind not in _ITEM_KINDS or not draft.metric or draft.metric_from not in ("before", "after"):
            continue
        if not "".join(draft.metric.split()).endswith(endings):
            continue
        head = after_verbs(draft.metric)
        if head not in items:
            continue  # (most figures: a name of their own)
        figure = draft.figure
        text = blocks[figure.block].text
        # (the clause a 、-list of examples stands in is one: 抓好…、…等80个重点事项)
        clause_start = start_of_clause(text, figure.lstart)
        previous = drafts[index - 1] if index else None
        if previous is not None and previous.figure.block == figure.block and (
                clause_start <= previous.figure.lend < figure.lstart) and text[previous.figure.lend:][:1] == "、":
            # (…资金120亿元、|支持项目…: a 、 right after the figure before ends its clause as a ，
            # does there: a writer's choice between the two must not change the records)
            clause_start = previous.figure.lend + 1
        if clause_start < 1 or text[clause_start - 1] not in _JOINING_MARKS:
            continue
        before_start = start_of_clause(text, clause_start - 1)
        if previous is not None and previous.figure.block == figure.block and (
                previous.figure.lend == clause_start - 1):
            # (…资金320亿元，支持项目…: the clause ends with a figure named by the programme)
            programme = _programme(previous.metric)
        elif previous is not None and previous.figure.block == figure.block and (
                previous.figure.lend > before_start):
            continue  # (a figure inside the clause before: not its programme's words)
        else:
            programme = _programme(text[before_start:clause_start - 1])
        if programme and not draft.metric.startswith(programme):
            old = draft.metric
            drafts[index] = replace(draft, metric=programme + old)
            # (…工程，实施项目1200个，完成投资210亿元: the measure its owner lent the next figure
            # of the sentence, 实施项目投资, is the programme's projects' too)
            following = drafts[index + 1] if index + 1 < len(drafts) else None
            block = blocks[figure.block]
            if following is not None and following.figure.block == figure.block and (
                    following.metric_from == "before") and following.metric.startswith(old) and (
                    following.metric[len(old):] in _owned_measures()) and (
                    block.sentence_start(following.figure.lstart) == block.sentence_start(figure.lstart)):
                drafts[index + 1] = replace(following, metric=programme + following.metric)


_CLAUSE_MARKS = "，,；;。：:"
_SENTENCE_MARKS = "。！？!?\n"
_CUT_KINDS = frozenset({"growth", "change", "change_pp", "rate", "share", "count"})  # a cut, or what is left
_STREAMLINING_OPENERS = frozenset({"平均"})  # words a streamlining measure may open with
# a quoted name, not one of a list of quoted names (“一网通办”, not “一网通办”、“一次办好”)
_QUOTED_PROGRAMME = regex.compile(r"(?<![、”])“(\p{Han}{2,16})”(?![、“])")


def programme_of_streamlining_measures(drafts: list[Draft], blocks: list[Block]) -> None:
    """Give each measure of how a service was streamlined (办理时限, 平均跑动次数, 提交材料:
    cues.service_streamlining_words, alone or after 平均 and a verb of cutting) the service
    programme its sentence quotes last before it: “一网通办”覆盖60项高频事项，平均跑动次数下降80%
    → 一网通办平均跑动次数. A name with words of its own (重点事项办理时间) keeps them.

    >>> from ipextract import extract
    >>> [r.metric for r in extract("“一网通办”全面推行，办理时限压缩55%。", validate=False).records]
    ['一网通办办理时限']
    """
    words = cue_set("service_streamlining_words")
    for index, draft in enumerate(drafts):
        if not draft.metric or draft.kind not in _CUT_KINDS or not draft.metric.endswith(tuple(words)) or (
                not _streamlining(draft.metric, words)):
            continue  # (用3年时间: a time taken, no measure of a service)
        figure = draft.figure
        text = blocks[figure.block].text
        sentence_start = max(text.rfind(mark, 0, figure.lstart) for mark in _SENTENCE_MARKS) + 1
        quoted = None
        for quoted in _QUOTED_PROGRAMME.finditer(text, sentence_start, figure.lstart):
            pass  # (the last quoted name before the measure)
        if quoted is not None:
            drafts[index] = replace(draft, metric=quoted.group(1) + draft.metric)


@lru_cache(maxsize=256)
def _streamlining(name: str, words: frozenset[str]) -> bool:
    """Whether ``name`` is a streamlining measure alone, after 平均 or a verb of cutting.

    >>> words = cue_set("service_streamlining_words")
    >>> _streamlining("平均跑动次数", words), _streamlining("重点事项办理时间", words)
    (True, False)
    """
    if name in words:
        return True
    # (the longest measure closing the name, 办理时限 of 平均办理时限: what it opens with must be
    # 平均 or verbs)
    closing = max((word for word in words if name.endswith(word)), key=len, default="")
    opening = _tokens(name[:len(name) - len(closing)]) if closing else []
    return bool(closing) and all(token in _STREAMLINING_OPENERS or _is_verb(pos_tag(token)) or token in words
                                 for token in opening)


# a quoted name right before a count, not one of a list of quoted names (“宁夏大米”、“宁夏小麦”|两个|品种:
# the count counts the list; with ， as with 、: a writer's choice between the two must not change the
# records)
_QUOTED_BEFORE_COUNT = regex.compile(r"(?<![、”])(?<!”[，,])“([^“”，。；、]{2,16})”[ 　]*$")
# a quoted name that is all its clause says before a count (“长光一号”|86颗|卫星…, “专精特新”|120家|企业):
# the things counted are of it, whatever their head
_QUOTED_CLAUSE_BEFORE_COUNT = regex.compile(r"(?:^|(?<=[，,。；;：:\n])(?<!”[，,]))[ 　]*“(\p{Han}{2,16})”[ 　]*$")
_QUOTED_REACH = 24  # characters before a count the quoted name may open within


@lru_cache(maxsize=1)
def quoted_programme_nouns() -> frozenset[str]:
    """The nouns of a programme written after its quoted name (cues.quoted_programme_nouns)."""
    return frozenset(cue_words("quoted_programme_nouns"))


def quoted_before_count(metric: str, text: str, figure_start: int) -> str:
    """The name quoted before a count that the things counted (``metric``) are of: the
    programme right before a count of its actions or measures (启动开展“城市更新攻坚年”|六项|行动:
    ``metric`` a programme's noun alone, :func:`quoted_programme_nouns`), or the name or brand
    that is all the count's clause says before it, of things of any head (“长光一号”|86颗|卫星…);
    ``""`` for none, or one ``metric`` opens with already.

    >>> quoted_before_count("行动", "启动开展“城市更新攻坚年”六项行动", 13)
    '城市更新攻坚年'
    """
    if metric in quoted_programme_nouns():
        found = _QUOTED_BEFORE_COUNT.search(text, max(0, figure_start - _QUOTED_REACH), figure_start)
    elif metric and text[figure_start - 1:figure_start] == "”":
        found = _QUOTED_CLAUSE_BEFORE_COUNT.search(text, max(0, figure_start - _QUOTED_REACH), figure_start)
    else:
        return ""
    return found.group(1) if found and not metric.startswith(found.group(1)) else ""


def start_of_clause(text: str, end: int) -> int:
    """Where the clause ending at ``end`` starts: after the last ，；。： before it (a 、 is
    inside a clause here)."""
    return max(text.rfind(mark, 0, end) for mark in _CLAUSE_MARKS) + 1


def after_verbs(name: str) -> str:
    """支持项目 → 项目, 新开工项目 → 项目: the words after the verbs a name opens with (a verb a
    list writes once, 新开工, tagged nz, is one whatever its tag)."""
    tokens = _tokens(name)
    at = 0
    while at < len(tokens) - 1 and (_is_verb(pos_tag(tokens[at])) or tokens[at] in verbs_over_lists()):
        at += 1
    return "".join(tokens[at:])


def _programme(words: str) -> str:
    """城乡供水提升工程 of 启动实施城乡供水提升工程, 两新资金 of 争取“两新”资金: the programme a
    clause ends with (nominal words after its last verb, ending in a programme head), or a
    quoted name it ends with; ``""`` for none.

    >>> _programme("启动实施城乡供水提升工程"), _programme("纵深推进“高效办成一件事”")
    ('城乡供水提升工程', '高效办成一件事')
    >>> _programme("规上工业增加值增长6%")
    ''
    """
    words = words.strip()
    quoted = _QUOTED_END.search(words)
    if quoted is not None:
        return quoted.group(1)
    if not words.endswith(cue_words("programme_heads")):
        return ""
    tokens = _tokens(_QUOTES.sub("", words))
    openers = cue_set("programme_openers")
    at = 0  # (the verbs and adverbs that open the clause: 启动|实施|城乡供水提升工程; not a
    # verb of the programme's own name: 扩大有效投资专项行动)
    while at < len(tokens) - 1 and (tokens[at] in openers or pos_tag(tokens[at]) == "d"):
        at += 1
    programme = "".join(tokens[at:])
    if any(_is_verb(pos_tag(token)) and token not in _NAME_VERBS for token in tokens[at:at + 1]):
        return ""  # (推动|…: a clause that opens with a verb of its own, no programme named)
    return programme if len(programme) > 2 and not _ANY_DIGIT.search(programme) else ""

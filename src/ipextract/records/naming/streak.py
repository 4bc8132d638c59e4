"""Streaks: the length of a run after 连续 (耕地面积连续4年净增加, 连续12届获…奖) is named by
what held through it — the thing, 连续, what it did, and the length's measure (耕地面积连续净增加
年数, 连续获…奖届数: ANNOTATION.md, metric rule 8). The thing alone reads as a measure of the
thing (耕地面积 in years), the predicate alone as a count of events.

Only a predicate that closes the clause with no figure in it (连续6年稳定在1100亿斤以上 keeps
its older name: the floor is a figure of its own, named by the duration's words)."""

from __future__ import annotations

from functools import lru_cache

import regex

from ...figures import Figure
from ...scanning import alternation
from ...vocabulary import load_vocabulary
from ...vocabulary.lexicon import pos_tag
from ..base import _NOMINAL_TAGS, _strip_edges, _tokens
from .phrase import _is_verb, clean_metric

STREAK_WORD = "连续"
_MAX_PREDICATE = 20  # characters: a longer rest of the clause is more than what held
# (an Arabic digit, a per cent or a list mark: a figure or a list, no predicate to name)
_NOT_A_PREDICATE = regex.compile(r"[0-9０-９%％、]")
@lru_cache(maxsize=1)
def rank_closing() -> regex.Pattern[str]:
    """A rank that closes a predicate (连续7年居全国第一, 排全省第2位, 保持全国第一, 居全国前六: cues.rank_verbs
    and verbs_after_names, the area, the rank): the position held, as 首位 is, a figure of its own
    named by the level before it; the streak is named with it."""
    cues = load_vocabulary().cues
    verbs = alternation((*cues.rank_verbs, *cues.verbs_after_names))
    return regex.compile(rf"(?:{verbs})\p{{Han}}{{0,4}}[第前][0-9一二三四五六七八九十]{{1,3}}[位名]?$")
_NOTE = regex.compile(r"[（(][^（）()]*[）)]$")  # 居全国前列（含并列）: a note, no part of it


def streak_measure(figure: Figure, right: str) -> tuple[str, str]:
    """The measure a streak's length is counted in (年数 for 4年, 届数 for 12届, 季度数 for 10个
    季度: cues.streak_measures) and the predicate after it; ``("", "")`` when ``figure`` is no
    such length or its predicate is none to name."""
    cues = load_vocabulary().cues
    measure = cues.streak_measures.get(figure.unit, "")
    rest = right
    if not measure and figure.unit == "个":
        measure = next((f"{span}数" for span in cues.streak_spans if right.startswith(span)), "")
        rest = right[len(measure) - 1:]
    if not measure or figure.value_max is not None:
        return "", ""  # (连续3-5年扎实盯下去: a plan's range, no run counted)
    predicate = _NOTE.sub("", _strip_edges(rest.strip()))
    if not predicate or len(predicate) > _MAX_PREDICATE or _NOT_A_PREDICATE.search(
            predicate if rank_closing().search(predicate) is None else rank_closing().sub("", predicate)):
        return "", ""
    return measure, predicate


def streak_name(owner: str, measure: str, predicate: str) -> str:
    """耕地面积 + 连续 + 净增加 + 年数. A predicate that opens with a noun before its verb (连续
    5年|食品安全考核获评A级) puts that noun before 连续, as the thing that held."""
    predicate = predicate.replace(" ", "").replace("\u3000", "")
    if not owner:
        tokens = _tokens(predicate)
        verb_at = next((at for at, token in enumerate(tokens) if _is_verb(pos_tag(token))), 0)
        if verb_at and all(pos_tag(token).startswith(_NOMINAL_TAGS) for token in tokens[:verb_at]):
            owner, predicate = "".join(tokens[:verb_at]), "".join(tokens[verb_at:])
    return f"{owner}{STREAK_WORD}{predicate}{measure}"


def streak_owner(metric: str, how: str, clause: str, level: str, ranking: str,
                 places: frozenset[str]) -> str:
    """What held through a streak: the name before 连续 (``metric`` found ``before``, or the
    level it was given; the words before 连续 where the name was read after the figure), the
    assessment a 在…中 names (``ranking``), else, in a clause with no
    subject of its own whose predicate goes on about a level (保持, 增长, 居…: 覆盖率达65%、连续
    12年居全国首位), that ``level``'s name; with the growth noun a name before 连续 ends with
    (收入增速连续8年快于…: the growth held, not the income)."""
    if ranking:
        return ranking
    before = clause.rstrip(" \u3000").removesuffix(STREAK_WORD).rstrip("已均都也还又并 \u3000")
    if how == "after" or not metric:
        # (援藏援疆工作连续3次获…: a count named by the words after it keeps the thing before)
        return level or (clean_metric(before, places)[0] if before else "")
    if how not in ("before", "previous"):
        return metric
    # (…增长6.1%，增速连续3年居全国第一: the name of the growth before, and the noun of its rate)
    noun = next((noun for noun in load_vocabulary().cues.growth_nouns if before.endswith(noun)), "")
    return metric + noun if noun and not metric.endswith(noun) else metric


def level_predicate(predicate: str) -> bool:
    """A predicate that goes on about a level named before it: a verb of staying (保持, 稳定),
    of change (增长, 提高) or of rank (居, 位居)."""
    vocabulary = load_vocabulary()
    # (a change verb alone: 连续3年提高企业退休人员基本养老金 raises something else)
    return predicate.startswith((*vocabulary.cues.verbs_after_names, *vocabulary.cues.rank_verbs)) or (
        predicate in vocabulary.change_verbs)


def after_streak_word(left: str) -> bool:
    """Whether the words before a figure end with 连续 (spaces between allowed)."""
    return left.rstrip(" \u3000").endswith(STREAK_WORD)


# 连续5年|, 连续18个月|, 连续3届|: a streak's length right before the words of a measure
STREAK_LENGTH = regex.compile(r"连续(?:[0-9]{1,3}|[一二三四五六七八九十两]{1,3})个?(?:年|月|季度|次|届)")
STREAK_AT_END = regex.compile(STREAK_LENGTH.pattern + "$")  # 增幅连续4年|居…: a name's words end before it


def owner_before_streak(left: str, metric: str, places: frozenset[str]) -> str:
    """The measure a figure after a streak names (本级一般性支出连续5年|压减比例|超5%) with the
    thing before 连续 that it is a measure of: 本级一般性支出压减比例; ``metric`` where the words
    after the streak are not all the name, name no measure (cues.measure_endings), or the thing
    before it is none or is in the name already.

    >>> owner_before_streak("本级一般性支出连续4年压减比例", "压减比例", frozenset())
    '本级一般性支出压减比例'
    >>> owner_before_streak("连续4年压减比例", "压减比例", frozenset())
    '压减比例'
    """
    found = None
    for found in STREAK_LENGTH.finditer(left):
        pass
    endings = tuple(load_vocabulary().cues.measure_endings)
    if found is None or _strip_edges(left[found.end():]) != metric or not metric.endswith(endings):
        return metric
    owner = clean_metric(left[:found.start()], places)[0]
    tokens = _tokens(owner)
    # (the thing, or a measure of it, 一般性|支出: the segmenter tags that one a verb)
    if not owner or owner in metric or not tokens or not (
            pos_tag(tokens[-1]).startswith(_NOMINAL_TAGS) or owner.endswith(endings)) or (
            _NOT_A_PREDICATE.search(owner)):
        return metric
    return owner + metric


__all__ = ["STREAK_AT_END", "after_streak_word", "level_predicate", "owner_before_streak", "streak_measure", "streak_name",
           "streak_owner"]

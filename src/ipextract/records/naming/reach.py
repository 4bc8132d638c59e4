"""The owner of a reach: a clause that opens with a verb of reach, drive or service (惠及, 覆盖,
带动, 服务…) right after a figure of the works done or the money spent is the reach of those
works (改造老旧小区640个、惠及居民9.2万户: the residents the renovation reached), named with
them: 改造老旧小区惠及居民 (corpora/ANNOTATION.md, metric 6). Read after a figure is named, from
the draft before it in its block (:func:`reach_owner`).

The carry is narrow. The verb follows the figure before with only ，or 、 (and 共, 累计)
between: no clause, no full stop, no owner of its own (稳岗政策惠及企业) and no scope of its
own after the verb (覆盖全省乡镇). The figure before is a count, amount or quantity named by its
own words, no count of people (培训农民2.6万人次: no works) and no reach itself (带动消费…，
惠及消费者; 以旧换新带动商品销售…、惠及消费者); a growth of it may stand between (…金额46.5亿元，同比增长22.1%，惠及企业…). A
verb of drive (带动, 拉动) takes money spent only: after a count of activities the drive is the
whole effort's. 服务 also opens nouns (服务业, 服务区), so it counts only those served.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...vocabulary import load_vocabulary
from ...vocabulary.lexicon import pos_tag
from ..base import _QUOTES, BASE_KINDS, Draft
from ..scope import scope
from .phrase import _HAN_WORDS, _tokens
from .streak import STREAK_LENGTH

_STOPS = re.compile("[。！？!?；;：:]")
_CLAUSE_MARKS = re.compile("[，,、。！？!?；;：:]")
_SPACES = re.compile(r"\s+")
_GROWTH_REACH = 16  # characters from the works' figure to its growth (，同比增长…)


@lru_cache(maxsize=1)
def reach_openers() -> tuple[str, ...]:
    """Every verb that opens a reach's name: the cheap test each named figure is asked."""
    cues = load_vocabulary().cues
    return (*cues.reach_verbs, *cues.drive_verbs_after_spending, *cues.serving_verbs)


def _verb_after(gap: str) -> tuple[str, str] | None:
    """(verb, words after it) of the words between the figure before and this one, when they
    are a ，or 、, an adverb (共, 累计) and a verb of reach; None otherwise."""
    gap = _SPACES.sub("", gap)
    if not gap or gap[0] not in "，,、":
        return None
    rest = gap[1:]
    adverbs = load_vocabulary().cues.reach_adverbs
    for adverb in adverbs:
        if rest.startswith(adverb):
            rest = rest[len(adverb):]
            break
    verb = next((v for v in reach_openers() if rest.startswith(v)), None)
    if verb is None or _CLAUSE_MARKS.search(rest):
        return None
    return verb, rest[len(verb):]


def _works(block_drafts: list[Draft], text: str, start: int) -> tuple[Draft, str] | None:
    """The draft of the figure before the one at ``start``, past a growth of it, and the words
    between it (or its growth) and that figure."""
    if not block_drafts:
        return None
    last = block_drafts[-1]
    if last.kind == "growth" and last.of is not None and len(block_drafts) > 1:
        works = block_drafts[-2]
        if works.figure is not last.of or last.figure.lstart - works.figure.lend > _GROWTH_REACH or (
                _STOPS.search(text, works.figure.lend, last.figure.lstart)):
            return None
        return works, text[last.figure.lend:start]
    gap = text[last.figure.lend:start]
    if last.metric_from in ("after", "context") and last.metric and gap.startswith(last.metric):
        gap = gap[len(last.metric):]  # (119家|公共文化场馆…开放|，惠及…: the works' own words)
    return last, gap


def reach_owner(metric: str, draft_kind: str, unit: str, text: str, start: int,
                block_drafts: list[Draft], region_code: str | None,
                places: frozenset[str]) -> str | None:
    """The works that own a figure named ``metric`` (a verb of reach and its object, the figure
    at ``start`` of ``text``, of ``draft_kind`` and ``unit``): the name of the figure before it
    without its measure word; None when the clause is no such reach. Ask it only of a name
    that opens with one of :func:`reach_openers`."""
    if draft_kind not in BASE_KINDS:
        return None
    found = _works(block_drafts, text, start)
    after = _verb_after(found[1]) if found is not None else None
    if found is not None and after is None and found[0].kind == "amount" and (
            spent := _works_after_spending(found[1])) and metric.startswith(spent[1]):
        # (安排资金37.9亿元|实施产业奖补到户，带动…: the works the money was spent on, named
        # after it, are what reached)
        return spent[0]
    if found is None or after is None or not metric.startswith(after[0]):
        return _works_without_figure(metric, draft_kind, unit, text, start, region_code, places)
    works = found[0]
    verb, object_words = after
    if _no_reach(verb, object_words, draft_kind, unit, region_code, places):
        return None
    cues = load_vocabulary().cues
    owner = works.metric
    if works.metric_from not in ("before", "after", "context") or works.kind not in BASE_KINDS or (
            works.figure.unit in cues.people_units):
        return None
    if verb in cues.drive_verbs_after_spending and works.kind != "amount":
        return None  # 举办活动600场，带动消费…: the whole effort's drive
    driving = min((at for at in (owner.find(v) for v in (*cues.reach_verbs, *cues.drive_verbs_after_spending))
                   if at >= 0), default=-1)
    if driving >= 0:
        # 以旧换新带动商品销售…、惠及消费者: the reach is the cause's, not the sales'; a drive
        # with no cause before its verb (带动消费…，惠及消费者) names no owner
        return owner[:driving] if driving >= _MIN_OWNER else None
    for measure in cues.reach_owner_measures:
        if owner.endswith(measure):
            owner = owner[:-len(measure)]
            break
    return owner if len(owner) >= _MIN_OWNER else None


def _works_after_spending(gap: str) -> tuple[str, str] | None:
    """(works, verb of reach) of the words between an amount and a reach, when they are a verb
    of effort or work and a short noun phrase of the works, a ，and the verb (…亿元|实施产业奖补
    到户，带动…: 产业奖补到户); None otherwise.

    >>> _works_after_spending("实施农村供水保障工程，惠及"), _works_after_spending("，惠及")
    (('农村供水保障工程', '惠及'), None)
    """
    found = _spent_on().match(_SPACES.sub("", gap))
    return (found.group(1), found.group(2)) if found is not None else None


@lru_cache(maxsize=1)
def _spent_on() -> re.Pattern[str]:
    """A verb of effort or work (cues.effort_verbs, object_work_verbs), the works (2 to 14
    characters), a ，, an adverb of reach (共, 累计) and a verb of reach."""
    cues = load_vocabulary().cues
    verbs = "|".join(sorted({*cues.effort_verbs, *cues.object_work_verbs}, key=len, reverse=True))
    reach = "|".join(sorted(reach_openers(), key=len, reverse=True))
    adverbs = "|".join(cues.reach_adverbs)
    return re.compile(rf"(?:{verbs})([\u4e00-\u9fff]{{2,14}}?)[，,](?:{adverbs})?({reach})")


def _no_reach(verb: str, object_words: str, draft_kind: str, unit: str, region_code: str | None,
              places: frozenset[str]) -> bool:
    """Whether the clause of ``verb`` and ``object_words`` is no reach of works before it: 服务
    before no count of those served (服务区12个, 服务业增加值: a noun, no verb of service), or
    an object that names its own scope (覆盖全省乡镇)."""
    cues = load_vocabulary().cues
    if verb in cues.serving_verbs and (draft_kind != "count" or unit not in cues.served_units):
        return True
    return bool(object_words) and (object_words.startswith(cues.scope_words)
                                   or bool(scope(object_words, region_code, places)))


_MIN_OWNER = 2  # characters at least of a reach's owner
_MAX_WORKS = 20  # characters at most of the works a clause without a figure names
_CLAUSE_OPENING = re.compile("[，,、。！？!?；;：:\n]")
_OWNER_TAGS = ("n", "vn", "l")  # 试点, 工程, 以旧换新: the works' last word


def _works_without_figure(metric: str, draft_kind: str, unit: str, text: str, start: int,
                          region_code: str | None, places: frozenset[str]) -> str | None:
    """The works a clause with no figure names right before the reach (开展清洁能源集中供暖试点，
    受益群众…: 清洁能源集中供暖试点): the clause opens with a verb of effort or work
    (cues.effort_verbs, object_work_verbs) and the rest is a short noun phrase, joined to the
    reach's clause by ，; None otherwise (坚持就业优先，惠及…: no works; across a full stop)."""
    cues = load_vocabulary().cues
    verb = next((v for v in reach_openers() if metric.startswith(v)), "")
    at = text.rfind(verb, 0, start) if verb else -1
    if at < 1 or _CLAUSE_MARKS.search(text, at, start) or _no_reach(
            verb, _SPACES.sub("", text[at + len(verb):start]), draft_kind, unit, region_code, places):
        return None
    opening = text[:at].rstrip()
    for adverb in cues.reach_adverbs:
        if opening.endswith(adverb):
            opening = opening[:-len(adverb)].rstrip()
            break
    if not opening.endswith(("，", ",", "、")):
        return None  # (joined by ， or 、: a writer's choice between the two must not change it)
    before = opening[:-1]
    marks = list(_CLAUSE_OPENING.finditer(before))
    written = _SPACES.sub("", before[marks[-1].end() if marks else 0:])
    if (quoted := _quoted_programme(written)) is not None:
        return quoted  # (深化实施小微企业“成长伙伴计划”: the programme by its quoted name)
    clause = _QUOTES.sub("", written)
    # (在全国率先|完成…, 及时|调整优化…: where and how the works were done, no word of them)
    manner = _manner_opening().match(clause)
    if manner is not None and manner.end() < len(clause):
        clause, written = clause[manner.end():], written[manner.end():]
    work_verb = max((v for v in (*cues.effort_verbs, *cues.object_work_verbs, *cues.reach_work_verbs)
                     if clause.startswith(v)), key=len, default="") or (
        _verbs_of_effort_opening(clause, _QUOTED.sub("", written)))
    works = clause[len(work_verb):]
    if not work_verb or not _MIN_OWNER <= len(works) <= _MAX_WORKS or not _HAN_WORDS.fullmatch(works):
        return None
    last = _tokens(works)[-1]
    # (育儿补贴|发放: the giving of a benefit is the works; 两新支持|政策: a programme's noun)
    if not pos_tag(last).startswith(_OWNER_TAGS) and last not in cues.giving_verbs:
        return None
    return works


@lru_cache(maxsize=1)
def _manner_opening() -> re.Pattern[str]:
    """在全国率先, 及时, 加力: a place the works were done in and adverbs of manner or effort
    (cues.manner_adverbs, effort_adverbs, reach_manner_words) opening their clause."""
    cues = load_vocabulary().cues
    scope = "|".join(sorted(map(re.escape, cues.scope_words), key=len, reverse=True))
    adverbs = "|".join(sorted(map(re.escape, {*cues.manner_adverbs, *cues.effort_adverbs,
                                              *cues.reach_manner_words}), key=len, reverse=True))
    # (连续3年|提高…: a streak of the works says how long, no word of them)
    return re.compile(rf"(?:{STREAK_LENGTH.pattern})?(?:在(?:{scope}))?(?:{adverbs})*")


def _quoted_programme(written: str) -> str | None:
    """成长伙伴计划 of 深化实施小微企业“成长伙伴计划”: a clause of work (a verb of effort or
    work in it) that ends with a quoted name, and a noun of a programme after it (政策, 行动…),
    names the works by that name alone, the words before it being what the works are for; None
    for any other clause.

    >>> _quoted_programme("深化实施小微企业“成长伙伴计划”"), _quoted_programme("打造“江城优品”")
    ('成长伙伴计划', None)
    """
    found = _quoted_at_end().search(written)
    if found is None or not _HAN_WORDS.fullmatch(found.group(1)):
        return None
    cues = load_vocabulary().cues
    before = written[:found.start()]
    if not any(verb in before for verb in (*cues.effort_verbs, *cues.object_work_verbs)):
        return None
    return found.group(1) + (found.group(2) or "")


@lru_cache(maxsize=1)
def _quoted_at_end() -> re.Pattern[str]:
    """A quoted name closing a clause, with a programme's noun after it (“稳岗扩岗”政策:
    cues.quoted_programme_nouns)."""
    nouns = "|".join(load_vocabulary().cues.quoted_programme_nouns)
    return re.compile(f"“([^”]{{2,16}})”({nouns})?$")


_QUOTED = re.compile("“[^”]*”|‘[^’]*’")  # a quoted name: one word, whatever its words are


def _verbs_of_effort_opening(clause: str, unquoted: str) -> str:
    """大力实施 of 大力实施消费品以旧换新, 扩围实施 of 扩围实施以旧换新政策: adverbs and verbs
    that open a clause and end with a verb of effort (cues.effort_verbs: 实施, 推进…), the
    action on the works named after them; ``""`` when the clause opens otherwise, or no noun
    phrase with no verb of its own (``unquoted``: the clause without its quoted names, 深入实施
    “稳岗扩岗”政策) follows (坚持|就业优先)."""
    cues = load_vocabulary().cues
    tokens = _tokens(clause)
    effort = frozenset((*cues.effort_verbs, *cues.object_work_verbs))
    at, last_effort = 0, -1
    while at < len(tokens) - 1 and (tokens[at] in cues.effort_adverbs or pos_tag(tokens[at]) in _OPENING_TAGS):
        if tokens[at] in effort:
            last_effort = at
        at += 1
    opening = "".join(tokens[:at])
    if last_effort < 0 or last_effort != at - 1 or not unquoted.startswith(opening) or any(
            pos_tag(token) == "v" for token in _tokens(unquoted[len(opening):])):
        return ""
    return opening


_OPENING_TAGS = frozenset({"v", "d", "ad"})  # the verbs and adverbs that open an action


__all__ = ["reach_openers", "reach_owner"]

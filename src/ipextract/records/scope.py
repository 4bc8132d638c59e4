"""Whom or where a figure is limited to (``scope``), and who or what it is about (``subject``).

A dataset keeps the headline figure of a report apart from its parts: ``全市地区生产总值12000亿元``
has no scope, ``其中，浦东新区5000亿元`` the scope 浦东新区, ``农村居民人均可支配收入`` the scope
农村居民. Both are read in the figure's clause before it (from the clause start to the figure):

* a place is a scope when it opens the clause (after 其中, 另外, 此外) and names an administrative
  division (``region_codes``) other than the document's own; a place inside a name (在北京证券
  交易所上市) or a region that is no division (长江经济带) is none;
* a group of people (城镇居民, 农村居民: ``cues.toml`` scope_populations) is a scope wherever it
  stands in the clause;
* the subject is the longest of ``cues.toml``'s subjects in the clause (规模以上工业企业 before
  工业企业 before 企业).

A growth, share or multiple with neither in its own clause has those of the figure it describes
(``武汉市专利授权量8.6万件，增长12%``: both are Wuhan's).

>>> from ipextract import extract
>>> text = "上海市2029年国民经济和社会发展统计公报\\n其中，浦东新区规模以上工业企业利润580亿元。"
>>> [(r.surface, r.scope, r.subject) for r in extract(text).records]
[('580亿元', '浦东新区', '规模以上工业企业')]
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from ..blocks import Block
from ..region_codes import DIVISION_KINDS, lookup
from ..vocabulary import cue_pattern, load_vocabulary
from ..vocabulary.lexicon import cut, dictionary_lookup, pos_tag

if TYPE_CHECKING:
    from .base import Draft

# words that may stand before the place that opens a clause (其中，浦东新区…)
_OPENERS = frozenset({"其中", "另外", "此外", "，", ",", "、", " "})
_OWN = frozenset("全本我该")  # 全州, 本市, 我省, 该县: the region the document is about
_MAX_PARTS = 3  # 湖北省武汉市江汉区: a name chained from at most three divisions


def _subjects() -> re.Pattern[str]:
    return cue_pattern("subjects")


def _populations() -> re.Pattern[str]:
    return cue_pattern("scope_populations")


@lru_cache(maxsize=1 << 14)  # (asked for every figure's clause: see ``scope``)
def subject(clause: str) -> str | None:
    """The longest subject named in ``clause`` (the text before a figure in its clause).

    >>> subject("规模以上工业企业实现利润总额"), subject("全市地区生产总值")
    ('规模以上工业企业', None)
    """
    found = _subjects().search(clause)
    if found is None:
        return None
    longest = found
    for match in _subjects().finditer(clause, found.end()):
        if len(match.group()) > len(longest.group()):
            longest = match
    return longest.group()


@lru_cache(maxsize=1 << 14)
def scope(clause: str, own_region_code: str | None, places: frozenset[str] = frozenset()) -> str | None:
    """The place that opens ``clause``, else a group of people in it; None for neither.

    Cached: a long document words its clauses alike (a yearbook's 84,000 figures stand in
    4,500 distinct clauses), and a clause that may open with a place is segmented here.

    >>> scope("其中，浦东新区", "310000"), scope("农村居民人均可支配收入", None)
    ('浦东新区', '农村居民')
    >>> scope("上海市地区生产总值", "310000"), scope("在北京证券交易所上市的企业", None)
    (None, None)
    """
    place = place_scope(clause, own_region_code, places)
    if place is not None and not _opens_an_example(clause, place):
        return place
    # (增速比城镇居民高: a group after 比, 较, 与 (cues.comparison_openers) or 高于 is what the
    # figure is compared with, no scope)
    compared = (*load_vocabulary().cues.comparison_openers, _THAN)
    found = next((m for m in _populations().finditer(clause) if not clause.endswith(compared, 0, m.start())), None)
    return found.group() if found is not None else None


_THAN = "于"  # (高于, 低于, 快于, 慢于: a comparison's base follows)


def _opens_an_example(clause: str, place: str) -> bool:
    """Whether ``place`` opens an example closed by 等 (…、枣庄光伏等“风光储”一体化试点): the
    place of one example, not of the things counted, which are the whole region's.

    >>> _opens_an_example("枣庄欣旺达等一体化试点", "枣庄"), _opens_an_example("枣庄市新建学校", "枣庄")
    (True, False)
    """
    at = clause.find(place)
    return at >= 0 and _EXAMPLE_AFTER_PLACE.match(clause, at + len(place)) is not None


_EXAMPLE_AFTER_PLACE = regex.compile(r"[\p{Han}“”]{0,10}?等(?!级)")  # 枣庄|欣旺达等: the example's name


@lru_cache(maxsize=1 << 14)
def place_scope(clause: str, own_region_code: str | None, places: frozenset[str] = frozenset()) -> str | None:
    """The place that opens ``clause`` (after 其中, or in a bracket left open after a figure:
    …增长5.5%（海淀区增长…, a bracket that lists the figure's parts by place); None for none.

    >>> place_scope("其中，浦东新区", "310000"), place_scope("农村居民人均可支配收入", None)
    ('浦东新区', None)
    """
    place = _opening_place(clause, own_region_code, places)
    if place is None and (opened := _in_open_bracket(clause)):
        place = _opening_place(opened, own_region_code, places)
    return place


def _in_open_bracket(clause: str) -> str:
    """The words after the last bracket ``clause`` opens and leaves open; ``""`` for none.

    >>> _in_open_bracket("地区生产总值增长5.5%（海淀区增长"), _in_open_bracket("投资（不含农户）增长")
    ('海淀区增长', '')
    """
    at = max(clause.rfind("（"), clause.rfind("("))
    if at < 0 or "）" in clause[at:] or ")" in clause[at:]:
        return ""
    return clause[at + 1:]


def _opening_place(clause: str, own_region_code: str | None, places: frozenset[str]) -> str | None:
    if not _may_open_with_place(clause.strip()):
        return None  # most clauses: told without segmenting them
    tokens = [t for t in cut(clause.strip()) if t.strip()]
    while tokens and tokens[0] in _OPENERS:
        tokens.pop(0)
    # a place: tagged so by jieba, or ending as a division's name does (鼓楼区 is tagged n)
    if not tokens or not _place_like(tokens[0]):
        return None  # not a place, or 全州, 全市, 本省, 我区: the document's own region
    hint = own_region_code[:2] + "0000" if own_region_code else None
    for parts in range(min(_MAX_PARTS, len(tokens)), 0, -1):
        name = "".join(tokens[:parts])
        division = lookup(name, province_hint=hint)
        if division is None:
            continue
        if name in places or division.code == own_region_code:
            return None  # the document's own region: its headline figure
        if division.level == "county" and name != division.name:
            return None  # a county's short name is too often a word (中原科技城, 红旗渠)
        return name
    return None


@lru_cache(maxsize=1 << 16)
def _place_like(word: str) -> bool:
    """A word that may open a clause as a place: tagged so by jieba, or ending as a division's
    name does (鼓楼区 is tagged n), and not the document's own region (全市, 本省)."""
    return (pos_tag(word) == "ns" or word.endswith(DIVISION_KINDS)) and word[:1] not in _OWN


_OPENER_FIRST_CHARACTERS = frozenset(opener[0] for opener in _OPENERS)


def _may_open_with_place(clause: str) -> bool:
    """False when no segmentation of ``clause`` can open (after 其中, 另外…) with a place-like
    word: every word a segmentation may put first (a dictionary word there, or the character
    alone) is tried, so False is exact; True says only that the clause must be segmented.

    >>> _may_open_with_place("其中，浦东新区"), _may_open_with_place("全市地区生产总值")
    (True, False)
    """
    made, get = dictionary_lookup()
    size = len(clause)
    for at in _starts_after_openers(clause):
        if clause[at] in _OWN:
            continue  # every word that starts here starts as the document's own region does
        if _place_like(clause[at]):
            return True
        # the dictionary words that start here (``words_starting``'s walk, done in place:
        # asked for every figure, its generator and ``any`` took a sixth of this function,
        # 0.119 → 0.100 s under cProfile on the real work reports)
        end = at + 1
        while end <= size:
            word = clause[at:end]
            count = made(word)
            if count is None:
                count = get(word)
            if count is None:
                break  # no word goes on from here: the dictionary holds every prefix of its words
            if count > 0 and _place_like(word):
                return True
            end += 1
    return False


def _starts_after_openers(clause: str) -> set[int] | tuple[int, ...]:
    """The positions inside ``clause`` where a run of opener words (其中, 另外, ，) and spaces
    may end: where the first word that is no opener may start."""
    if not clause:
        return ()
    if clause[0] not in _OPENER_FIRST_CHARACTERS and not clause[0].isspace():
        return (0,)
    starts = {0}
    todo = [0]
    while todo:
        at = todo.pop()
        for opener in _OPENERS:
            if clause.startswith(opener, at) and at + len(opener) not in starts:
                starts.add(at + len(opener))
                todo.append(at + len(opener))
        if at < len(clause) and clause[at].isspace() and at + 1 not in starts:
            starts.add(at + 1)
            todo.append(at + 1)
    return {at for at in starts if at < len(clause)}


__all__ = ["place_scope", "scope", "subject"]


# a survey that opens a sentence, its words up to the comma (据|江宁区物价抽样调查|，)
_SURVEY_OPENING = regex.compile(r"(?:^|(?<=[。！？；;\n]))\s*据(\p{Han}{3,24}?)[，,]")


def scope_of_surveys(drafts: list[Draft], blocks: list[Block], own_region_code: str | None,
                     places: frozenset[str] = frozenset()) -> None:
    """Give the figures of a paragraph after a survey of one place that opens a sentence (据江宁区
    物价抽样调查，…: its words close with one of cues.survey_nouns and open with a division
    other than the document's own) that place as their scope, where they have none.

    >>> from ipextract import extract
    >>> text = "南京市2025年统计公报\\n据江宁区物价抽样调查，全区居民消费价格上涨1.2%。其中，服务价格上涨1.8%。"
    >>> [r.scope for r in extract(text).records]
    ['江宁区', '江宁区']
    """
    nouns = tuple(load_vocabulary().cues.survey_nouns)
    surveyed: dict[int, tuple[int, str]] = {}  # block → where its survey's sentence goes on, the place
    for index, block in enumerate(blocks):
        if "据" not in block.text:
            continue
        for found in _SURVEY_OPENING.finditer(block.text):
            words = found.group(1)
            if words.endswith(nouns) and (place := _opening_place(words, own_region_code, places)) is not None:
                surveyed[index] = (found.end(), place)
                break
    if not surveyed:
        return
    for at, draft in enumerate(drafts):
        survey = surveyed.get(draft.figure.block)
        if survey is not None and draft.scope is None and draft.figure.lstart >= survey[0]:
            drafts[at] = replace(draft, scope=survey[1])

"""Two counts of the same things written together with no mark between them (新发布3批18项…案例,
改造老旧小区716个26.95万户): each counts another thing, so they do not share one name. A count
in batches, classes or groups (批, 类, 组: cues.toml ``paired_count_measures``) names the things'
batches (…案例批次, 民生实事类别数; also where the first is named by its verb alone, 推出|12批|1181项|
…举措 → 推出…举措批次), and a count of households, flats or people after a count of
the things (户, 套, 人) names theirs (改造老旧小区户数, 保交房项目套数); a count of households before one
of their people names the households (6.1万户14.2万名监测对象… → …户数). Read once every figure is
named (:func:`name_paired_counts`), so that both keep the name their words gave the things.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from ...blocks import Block
from ...vocabulary import load_vocabulary
from ..base import Draft
from .phrase import list_or_counting_verbs
from .sentence import _carried_verbs, _new_verb


@lru_cache(maxsize=1)
def _measures() -> tuple[dict[str, str], dict[str, str]]:
    """(unit → measure of the first count, unit → measure of the second): cues.toml
    ``paired_count_measures`` and ``verb_measure_units`` with 套."""
    cues = load_vocabulary().cues
    return dict(cues.paired_count_measures), {**cues.verb_measure_units, **cues.paired_unit_measures}


def name_paired_counts(drafts: list[Draft], blocks: list[Block]) -> None:
    """Rename, in place, the counts of a pair written together that share one name (the
    first's may open with the verb the two share, 新发布): the first by its batches' measure, or
    the second by its units' (see the module's docstring).

    >>> from ipextract import extract
    >>> [r.metric for r in extract("今年办好12类45件民生实事。").records]
    ['民生实事类别数', '民生实事']
    """
    first_measures, second_measures = _measures()
    for index in range(len(drafts) - 1):
        first, second = drafts[index], drafts[index + 1]
        one, two = first.figure, second.figure
        if first.kind != "count" or second.kind != "count" or one.block != two.block or (
                one.unit == two.unit) or not second.metric or blocks[one.block].text[one.lend:two.lstart].strip():
            continue  # (most figures: no pair written together under one name)
        if not first.metric.endswith(second.metric):
            if one.unit in first_measures and _verb_alone(first.metric) and not second.metric.startswith(first.metric):
                # (推出|12批|1181项|…政策和举措: the first count, named by its verb alone, counts
                # the batches of the things the second names)
                drafts[index] = replace(first, metric=first.metric + second.metric + first_measures[one.unit])
                if _opens_with_flow(first.metric + second.metric, second.metric):
                    drafts[index + 1] = replace(second, metric=first.metric + second.metric)
            continue
        name = first.metric
        if (measure := first_measures.get(one.unit or "")) and not name.endswith(measure):
            drafts[index] = replace(first, metric=name + measure)
            if _opens_with_flow(name, second.metric):
                # (新发布|3批18项…案例: the verb of flow that opens the pair is the things' too)
                drafts[index + 1] = replace(second, metric=name)
        elif (measure := second_measures.get(two.unit or "")) and not name.endswith(measure) and (
                one.unit not in second_measures):
            drafts[index + 1] = replace(second, metric=name + measure)
        elif one.unit == _HOUSEHOLDS and second_measures.get(two.unit or "") == _PEOPLE and not name.endswith(
                _HOUSEHOLDS_MEASURE):
            # (6.1万户|14.2万名|监测对象…: the households of the people counted after them)
            drafts[index] = replace(first, metric=name + _HOUSEHOLDS_MEASURE)


def _verb_alone(name: str) -> bool:
    """Whether ``name`` is one verb of flow or of building (cues counting_verbs, the verbs a
    list writes once: 推出, 发布, 新增)."""
    return name in list_or_counting_verbs()


_HOUSEHOLDS = "户"  # a count of households written before one of their people
_HOUSEHOLDS_MEASURE = "户数"
_PEOPLE = "人数"  # the measure of a count of people (cues verb_measure_units: 人, 名)


def _opens_with_flow(name: str, things: str) -> bool:
    """Whether the words of ``name`` before the ``things`` it ends with open with a verb of flow
    or of building (cues counting_verbs, flow_verbs_over_lists, done_verbs_over_lists) or with
    新 and a verb (新发布); not a plan's wording (优化安排), nor a programme's name."""
    words = name[:-len(things)]
    return bool(words) and (words.startswith((*load_vocabulary().cues.counting_verbs, *_carried_verbs())) or (
        bool(verb := _new_verb(name)) and words.startswith(verb)))


__all__ = ["name_paired_counts"]

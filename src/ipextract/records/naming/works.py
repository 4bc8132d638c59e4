"""The work a list of things counted closes with: 完成800万千瓦煤电机组、400万吨钢铁产能、200台燃煤
锅炉超低排放改造 counts the units, the capacity and the boilers the retrofit was done on, each
``…超低排放改造`` (cues.works_on_things closes the list), as 改造老旧小区120个 counts the estates
renovated. The verb the list opens with (完成, 开展) goes: the work is the deed.

>>> closing_work("燃煤锅炉超低排放改造")
'超低排放改造'
>>> closing_work("城中村改造"), closing_work("燃煤锅炉")
('改造', '')
"""

from __future__ import annotations

import regex

from ...vocabulary import load_vocabulary
from ...vocabulary.lexicon import pos_tag
from ..base import _NOMINAL_TAGS, _tokens

# the marks between the items (、, or ，: a writer's choice between the two must not change the
# records; a ， that opens a clause of its own opens with no figure, and ends the list)
_ITEM_MARKS = regex.compile("[、，,]")
_VERB = "v"
# a later item of the list opens with its figure (、400万吨…, 、二十台…)
FIGURE_OPENING = regex.compile(r"[0-9０-９一二三四五六七八九十两]")
_MAX_WORK = 8  # characters of the work's words (超低排放改造, 提档升级改造)
_WORK_WORD_TAGS = ("v", "a", "h", "d", "l", "i")  # what may qualify a work before its verb


def closing_work(words: str) -> str:
    """The words that close ``words`` as the work done on the things before them: a verb of
    work (cues.works_on_things) and the words before it that are no noun (超低|排放|改造), after
    a noun; ``""`` when ``words`` closes with no such work or names no thing before it."""
    works = load_vocabulary().cues.works_on_things
    if not words.endswith(works):
        return ""  # (most names: one test of their end)
    tokens = _tokens(words)
    at = len(tokens) - 1
    if not tokens[at].endswith(works):
        return ""
    # (超低|排放: a quality or a verb qualifies the work; not 排查|和|治理, two works joined)
    while at > 0 and pos_tag(tokens[at - 1]).startswith(_WORK_WORD_TAGS) and not (
            pos_tag(tokens[at - 1]).startswith(_NOMINAL_TAGS)):
        at -= 1
    work = "".join(tokens[at:])
    return work if at > 0 and len(work) <= _MAX_WORK else ""


def work_of_listed_item(metric: str, after: str) -> str:
    """``metric``, the name of a figure-first item whose words after the figure to its clause's
    end are ``after``, with the work its list closes with: the item's own words and the work
    when every later item opens with its figure and the last closes with a work (煤电机组、400万吨
    钢铁产能、200台燃煤锅炉超低排放改造 → 煤电机组超低排放改造; the last item's own name, 燃煤锅
    炉, too); ``metric`` otherwise.

    >>> work_of_listed_item("完成煤电机组", "煤电机组、400万吨钢铁产能、200台燃煤锅炉超低排放改造")
    '煤电机组超低排放改造'
    >>> work_of_listed_item("燃煤锅炉", "燃煤锅炉超低排放改造"), work_of_listed_item("A", "A、改造B")
    ('燃煤锅炉超低排放改造', 'A')
    """
    pieces = _ITEM_MARKS.split(after)
    items = pieces[:1]
    for piece in pieces[1:]:
        if FIGURE_OPENING.match(piece) is None:
            break  # (…改造，优良天数比例…: a clause of its own ends the list)
        items.append(piece)
    work = closing_work(items[-1])
    if not work:
        return metric
    own = items[0] if len(items) > 1 else items[0][:-len(work)]
    if not own or not metric.endswith(own) or FIGURE_OPENING.search(own) or own.endswith(work):
        return metric  # (the item's name is not the words written after its figure)
    if any(pos_tag(token).startswith(_VERB) for token in _tokens(own)):
        return metric  # (企业|提档升级、…企业实施改造: an item with a deed of its own)
    return own + work


__all__ = ["FIGURE_OPENING", "closing_work", "work_of_listed_item"]

"""The stage after naming: each record's catalogue indicator (``indicator``, issue #16).

A record's metric is looked up in the indicator catalogue (``vocabulary/indicators.py``), with
what the sentence around it tells: the item before it in a list (总花费 after 国内游客人次), the
whole written after 占 for a share named by its part, the items of a list named once for all
its figures (一、二、三产业增加值分别…; 城镇居民和农村居民人均可支配收入增长…、…), and the items
one figure is said of at once (a rank each item's: 稻谷、油茶产量均居全国第2位; a count their sum:
图书馆、博物馆数量达…). The drafts are read once, in order of position.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

import regex

from ..vocabulary.indicators import indicator_of, indicators_of_list, load_indicators
from .base import Draft


class CatalogueIds:
    """The indicator of each draft, asked in order of position (``__call__``), after one pass
    over the drafts for their lists (``_list_indicators``)."""

    def __init__(self, ordered: list[Draft], source: str) -> None:
        self.listed = _list_indicators(ordered, source)
        self.source = source
        self.last_metric, self.last_context = "", ""  # the figure before's, for a list's item
        self.summed: tuple[str, str] | None = None  # (context, metric) of the last joint figure

    def __call__(self, draft: Draft) -> str | None:
        # (a list's items named together, 存、贷款余额 of a figure said of each: looked up by its
        # last item, as when the last item alone named it; the list is read below)
        metric = _last_item(draft.metric) if "、" in draft.metric and _words().each.search(
            self.source, max(0, draft.figure.start - _EACH_SPAN), draft.figure.start) else draft.metric
        in_list = self.listed.get(id(draft))
        if in_list is not None and in_list[1]:
            indicator = in_list[0]  # a figure of a list named once for all (see _list_indicators)
        elif (draft.metric_from in _LIST_ITEMS and self.last_context == draft.context
              and self.last_metric != metric):
            # an item of a list, after the item before it (same sentence, another name)
            indicator = indicator_of(metric, draft.kind, previous=self.last_metric)
        else:
            indicator = indicator_of(metric, draft.kind)
            if indicator is None and "、" in metric and draft.kind in _EACH_KINDS and not metric.endswith(_COUNT_ENDINGS):
                # (民间投资、进出口总额增长6%: a growth or a rate given to a list of
                # measures with no adverb of each is each item's too, looked up by the last; not
                # a count of things, 图书馆、博物馆数量…，居全国第一: their sum, its rank too; an
                # industry's own name with 、 is looked up whole first)
                indicator = indicator_of(_last_item(metric), draft.kind)
            if indicator is None and draft.kind == "share" and metric:
                indicator = indicator_of(metric, "share",
                                         whole=_share_whole(self.source, draft.figure.start))
        if indicator is None and in_list is not None:
            indicator = in_list[0]  # (an item of a 分别 list, with the words the list writes once)
        elif in_list is None and draft.kind in _SAID_OF_A_LIST and draft.metric_from not in _NAMED_APART:
            if draft.metric_from in _DESCRIBES and self.summed == (draft.context, metric):
                indicator = None  # (the rank of a joint count: 数量达120家，居全国第一)
            else:
                indicator, summed = _one_figure_for_a_list(self.source, draft, indicator, metric)
                self.summed = (draft.context, metric) if summed else None
        if (indicator is None and len(metric) <= _LOST_SUBJECT and draft.metric_from not in _NAMED_APART
                and (clause := _clause_before(self.source, draft.figure.start)) and clause != metric):
            indicator = indicator_of(clause, draft.kind)  # (the name lost its subject: 改造老旧小区716个…户)
        if indicator is not None and draft.kind in _FLOW_KINDS and draft.metric_from not in _NAMED_APART:
            indicator = _counted_as_a_flow(self.source, draft, indicator)
        self.last_metric, self.last_context = metric, draft.context
        return indicator


# how a list's item is named: by the 分别 list, or after the figure before it
_LIST_ITEMS = frozenset({"list", "previous"})
# the words between 占 and a share's figure are its whole, read back at most this far, never over
# a clause's or a list item's end
_WHOLE_SPAN = 24
_WHOLE_STOPS = regex.compile(r"[，。；、：,;:\n]")


# the kinds of a figure said once of a list's items (X、Y产量均居全国第2位; 图书馆、博物馆数量达
# 120家): a rank is each item's, a count, an amount or a quantity their sum
_SAID_OF_A_LIST = frozenset({"rank", "count", "amount", "quantity"})
_ADDITIVE = frozenset({"count", "amount", "quantity"})
_EACH_KINDS = frozenset({"growth", "rate"})  # what a list of measures has each with no 均
_COUNT_ENDINGS = ("数量", "数", "总数")  # a count of things, whose list is a sum
# names given apart from the words before the figure: a list's own items, a table's cells
_NAMED_APART = frozenset({"list", "table"})
# names taken from the figure before, or the figure described
_DESCRIBES = frozenset({"previous", "of"})

# a name of at most this many characters that names nothing has lost its subject (empty, a verb,
# a measure word: 改造老旧小区716个26.95万户 named 户): the words of the figure's clause before it
# are looked up instead, through the same catalogue rules, read back at most _CLAUSE_SPAN
# characters and never over a clause's or a list item's end (nor a sentence's)
_LOST_SUBJECT = 2
_CLAUSE_SPAN = 40

# a flow verb the name of a count lost: at its clause's start (after a word of aim or a scope,
# 力争新增…), every 、-item's; or after the name, before the figure (经营主体净增22万户). The
# entries a flow of new things can miss are counts of things, organisations and people;
# a total or a level after the flow (总数达, 、达) is the stock's.
_COUNTED = frozenset({"count", "persons"})
# the kinds of such a count: a count, or a change (净增22万户 is read as one) when the verb stands
# after the name
_FLOW_KINDS = frozenset({"count", "change"})
_FLOW_SPAN = 80


class _Words(NamedTuple):
    """The catalogue's words of lists and flows (indicators.toml) as patterns."""

    joining: regex.Pattern[str]  # two items written without 、 (和, 及, 与)
    each: regex.Pattern[str]  # a figure said of each item, not of their sum (均, 分别)
    flow: regex.Pattern[str]  # a flow verb (新增, 净增)
    flow_opens: regex.Pattern[str]  # a clause that opens with one, after words of aim or scope
    stock: regex.Pattern[str]  # a total or a level after the flow (总, 达)


@lru_cache(maxsize=1)
def _words() -> _Words:
    catalogue = load_indicators()

    def any_of(words: tuple[str, ...]) -> str:
        return "|".join(regex.escape(word) for word in sorted(words, key=len, reverse=True))

    flow = any_of(catalogue.flow_verbs)
    return _Words(regex.compile(any_of(catalogue.list_joiners)), regex.compile(any_of(catalogue.each_words)),
                  regex.compile(flow), regex.compile(f"(?:{any_of(catalogue.flow_openers)})*({flow})"),
                  regex.compile(any_of(catalogue.stock_marks)))

# what may stand between the figures of a list named once for all (增长5.6%、7.5%; 740元和485元)
_BETWEEN_ITEMS = frozenset("、和及与")
# a list's items before its figures are read back at most this far, never over a clause's end
_LIST_SPAN = 60
_CLAUSE_MARKS = regex.compile(r"[，。；：,;:\n]")
_DIGIT = regex.compile(r"[0-9０-９]")


def _list_indicators(ordered: list[Draft], source: str) -> dict[int, tuple[str | None, bool]]:
    """The indicators of the figures of lists, by the draft's id: (the indicator, whether it
    replaces the one the figure's own name gives).

    Two shapes (the figures in a run, in one sentence, nothing between them but 、, 和, 及 or 与):
    - a 分别 list the naming split (``metric_from`` ``list``: 一, 二, 三产业增加值): its items
      with the words the list writes once (:meth:`Matcher.parallel`), for an item whose own
      lookup names nothing;
    - figures that all took one name, the list's last item or a word for all of them (农村自来水、
      卫生户厕普及率超过98%、85%: 卫生户厕普及率 twice; 城乡居民人均收入增长5.3%、7.7%): the list
      is read back from the first figure, at the 、 before the name as written, and when its
      items pair off with the figures each figure takes its own item's indicator, in place of
      the last item's (which named the other figures wrongly) — or none.
    A run whose items do not pair off is left as it is. One pass over the drafts, and a read
    back of at most ``_LIST_SPAN`` characters per run."""
    found: dict[int, tuple[str | None, bool]] = {}
    at = 0
    while at < len(ordered):
        first = ordered[at]
        end = at + 1
        named_once = first.metric_from not in ("list", "table")
        while end < len(ordered):
            draft, before = ordered[end], ordered[end - 1]
            if (draft.context != first.context
                    or source[before.figure.end:draft.figure.start] not in _BETWEEN_ITEMS
                    or (draft.metric_from != "list" if not named_once
                        else draft.metric_from != "previous" or draft.metric != first.metric)):
                break
            end += 1
        run = ordered[at:end]
        at = end
        if len(run) < 2 or not first.metric or (not named_once and first.metric_from != "list"):
            continue
        items = (tuple(d.metric for d in run) if not named_once
                 else _items_before(source, first.figure.start, first.metric))
        kinds = [d.kind for d in run]
        indicators = indicators_of_list(items, kinds) if all(items) else None
        if indicators is None and len(items) == 1 and indicator_of(first.metric, first.kind) is None:
            indicators = _joined_items(first.metric, kinds)
        if indicators is not None:
            found.update((id(d), (indicator, named_once)) for d, indicator in zip(run, indicators, strict=True))
    return found


def _items_before(source: str, start: int, metric: str) -> tuple[str, ...]:
    """The items of the list whose last item is ``metric``, read back from the figure at
    ``start`` in its clause (农村自来水、卫生户厕普及率超过87%: 农村自来水, 卫生户厕普及率): the
    words between 、 marks before the name as written, back to the clause's start or to a
    figure; ``(metric,)`` when the name is not written there or no 、 stands before it."""
    before = source[max(0, start - _LIST_SPAN):start]
    marks = list(_CLAUSE_MARKS.finditer(before))
    clause = before[marks[-1].end():] if marks else before
    where = clause.rfind(metric)
    if where < 0:
        return (metric,)
    items = metric.split("、")  # (稻谷、油茶产量: a name of the list's items, one head for all)
    rest = clause[:where]
    while rest.endswith("、"):
        rest = rest[:-1]
        item = rest[rest.rfind("、") + 1:]
        if not item or _DIGIT.search(item):
            break  # (a figure of the clause before the list: the list starts after it)
        items.insert(0, item)
        rest = rest[:-len(item)]
    return tuple(items)


def _joined_items(metric: str, kinds: Sequence[str | None]) -> tuple[str | None, ...] | None:
    """The indicators of the figures of a list written without 、, its items joined by 和, 及
    or 与 (城镇居民和农村居民人均可支配收入增长4.2%、6.0%), when the joint name names no entry
    and every item of the split does (with the words the list writes once): a word standing
    inside one name (普及率, 住宿和餐饮业增加值 is an entry) splits it into parts that name
    nothing, and nothing changes."""
    items = tuple(_words().joining.split(metric))
    if len(items) != len(kinds) or not all(items):
        return None
    found = indicators_of_list(items, kinds)
    return found if found is not None and all(found) else None


_EACH_SPAN = 6  # characters before a figure its adverb of each stands in (均为, 双双突破)


def _last_item(metric: str) -> str:
    """贷款余额 of 存、贷款余额, 旅游总花费 of 接待游客人次、旅游总花费: the name's last item."""
    last = metric[metric.rfind("、") + 1:]
    return last if len(last) > 1 else metric


def _one_figure_for_a_list(source: str, draft: Draft, own: str | None,
                           metric: str) -> tuple[str | None, bool]:
    """The indicator of one figure said of the items of a list in its clause, whose name is the
    list's last item (稻谷、油茶产量均居全国第2位: 油茶产量): a rank is each item's, and measures
    the first item's entry (as the annotation takes it); a count, an amount or a quantity
    without 均 or 双双 (each's) is their sum (图书馆、博物馆数量达120家), which names no item's entry when every
    item names one. ``own``, the figure's own lookup, stands otherwise. With it, whether the
    figure is such a sum (a rank of it, after it in its sentence, names no item either)."""
    if own is None and draft.kind in _ADDITIVE:
        return own, False  # (a sum only takes an entry away: most counts need no list read)
    items = _items_before(source, draft.figure.start, metric)
    if len(items) < 2:
        return own, False
    found = indicators_of_list(items, [draft.kind] * len(items))
    if found is None:
        return own, False
    if draft.kind not in _ADDITIVE:
        return (found[0] if found[0] is not None else own), False
    between = source[max(0, draft.figure.start - _LIST_SPAN):draft.figure.start]
    if not all(found) or _words().each.search(between, max(0, between.rfind(metric))):
        return own, False
    return None, True


def _counted_as_a_flow(source: str, draft: Draft, stock: str) -> str | None:
    """The indicator of a count whose name names ``stock`` when a flow verb the name lost stands
    in its clause (新增A企业25家、B企业6家: 新增 at the clause's start is every item's; 经营主体净增
    22万户, a count or a change: after the name): the flow entry the catalogue has for it (新增 +
    the name), or None. A change said otherwise (比上年增加) is the stock's change.
    Only for entries of things and people; a total after the flow (总数达85家, 、达360万户) is
    the stock's, and a name that keeps its verb was looked up with it already."""
    words = _words()
    if words.flow.search(draft.metric) or load_indicators().indicators[stock].unit_family not in _COUNTED:
        return stock
    clause = _clause_before(source, draft.figure.start, _FLOW_SPAN, _CLAUSE_MARKS)
    item = clause[clause.rfind("、") + 1:]
    if words.stock.search(item):
        return stock
    after = words.flow.search(item[max(0, item.rfind(draft.metric)):])
    opens = words.flow_opens.match(clause) if draft.kind == "count" else None
    verb = after[0] if after is not None else opens[1] if opens is not None else None
    return stock if verb is None else indicator_of(verb + draft.metric, "count")


def _clause_before(source: str, start: int, span: int = 0, stops: regex.Pattern[str] | None = None) -> str:
    """The words of the clause (or list item: ``stops``, by default those of a share's whole)
    before the figure at ``start``, at most ``span`` (``_CLAUSE_SPAN``) characters."""
    before = source[max(0, start - (span or _CLAUSE_SPAN)):start]
    marks = list((stops or _WHOLE_STOPS).finditer(before))
    return before[marks[-1].end():] if marks else before


def _share_whole(source: str, start: int) -> str | None:
    """The words between 占 and the share figure at ``start`` (民生支出占一般公共预算支出68.4%:
    一般公共预算支出), or None: a share named by its part, whose whole the text writes after it."""
    before = source[max(0, start - _WHOLE_SPAN):start]
    at = before.rfind("占")
    if at < 0 or _WHOLE_STOPS.search(before, at + 1):
        return None
    return before[at + 1:]



"""When two figures can be one statement: what the figure-comparing checks ask before they
compare two values (issue #17: no false alarms on real bulletins).

A bulletin names many rows with the same cut-down label: ``床位`` of every kind of home, ``住宅``
under every heading of a table (其中：住宅), ``死亡人数`` of every kind of accident, ``高于全国`` of
every growth. A value given twice for one indicator must agree; a label given twice is usually
two indicators. The rules here tell them apart from the document alone, by structure:

* a figure **names an indicator** only when its name says more than a generic word (合计,
  金额, 总数: ``cues.toml``, ``generic_names``) — a record without a metric is never compared;
* two figures of **one sentence** (or one table row) are two statements: a sentence does not
  restate its own figure, and a row's cells are different columns;
* a **table cell** is named by its row label, cut down by the table's title, its column and
  its parent row (其中：住宅 under 房屋施工面积): it restates prose, never another cell;
* a figure **anchored** to another figure before it in its paragraph (养老机构320个，床位
  2.1万张: 床位 is the homes' beds; 2024年，社区医院门诊人次…；出院人次…: the paragraph is
  about the hospitals), or whose name ends a list (社区医院、乡镇卫生院、村诊所门诊人次: the
  three together), names less than it measures: within one kind of
  section it is compared with nothing; prose against a data list or a table still is (that is
  where restatements are);
* a part after 其中 **named less than its total** (民用汽车保有量42.6万辆，其中三轮汽车215辆,
  read as 汽车) has lost the words that tell it apart: it is compared with nothing;
* a growth or share describes its figure: two of them are one statement only if the figures
  they describe have the same unit (增长5.1% of 1.2万户 is not 增长8.0% of 85.3亿元);
* an **average over years** (年均增长6.1%, ``cues.toml``, ``average_words``) is not one year's
  growth;
* **periods**: both stated, their bounds must be compatible — equal, or one a point in time at
  the end of the other (截至2024年底 and 2024年 for a stock); a month and the months to date
  (4月, 1—4月), a year and five years are two statements;
* **status** (a result against a target or forecast) and **scope** (浦东新区, 农村居民) must
  agree.

The answers are found when a check asks (most figures agree with their peers and are never
asked about), each by a few bisections: the checks stay linear.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from ..blocks import MAX_REACH, Block
from ..layout import SENTENCE_END, TABLE_TITLE
from ..models import Record
from ..vocabulary import cue_pattern, load_vocabulary
from .metrics import metric_key, related_metric

if TYPE_CHECKING:
    from .base import CheckInput  # which reads this module


@lru_cache(maxsize=1)
def _generic_names() -> frozenset[str]:
    return frozenset(load_vocabulary().cues.generic_names)


@lru_cache(maxsize=1 << 16)
def without_aggregation(metric: str) -> str:
    """The name without the words that only say it is the aggregate (各项存款余额 → 存款余额,
    住户本外币存款余额 → 住户存款余额; ``cues.toml``, ``aggregate_words``)."""
    for word in load_vocabulary().cues.aggregate_words:
        metric = metric.replace(word, "")
    return metric


@lru_cache(maxsize=1 << 16)
def names_indicator(metric: str | None) -> bool:
    """Whether a metric name says what is measured: not empty, not one character (区 of a
    name cut at a bracket, 县（市、区）), not only a generic word or an ending (合计, 金额,
    总数, 数量).

    >>> names_indicator("床位"), names_indicator("金额"), names_indicator("区"), names_indicator("")
    (True, False, False, False)
    """
    if not metric:
        return False
    key = metric_key(metric)
    return len(key) >= 2 and key not in _generic_names() and metric not in _generic_names()


CELL_MARK = "|"  # between the cells of a table row (``blocks.py``)
LIST_MARKS = "、"  # an enumeration mark before a name: the name is the list's last item
ANCHOR_LOOKS = 4  # earlier figures of a paragraph looked at for an anchor: linear cost
AVERAGE_REACH = 6  # characters before a figure where 年均 or 平均每年 makes it an average
_SENTENCE_MARKS = re.compile(f"[{re.escape(SENTENCE_END)}]")


def _no_view() -> CheckInput | None:
    """The dereferenced view of frames made without one."""
    return None


_TABLE_PARTS = frozenset({"table_row", "unit_note", "caption"})


class Frames:
    """Where each record stands (see the module docstring), found when a check asks: most
    figures agree with their peers and are never asked about. Each answer costs a few
    bisections over the records, the blocks and the sentence marks (scanned once, on the
    first question); answers are kept."""

    def __init__(self, records: list[Record], blocks: list[Block], text: str,
                 view: CheckInput | None = None) -> None:
        """``view``, when given, is the checks' input of the same document: the records'
        starts and ids and the sentence marks are read from it (made once for all checks);
        else they are made here when first asked."""
        self.records, self.blocks, self.text = records, blocks, text
        # (a weak reference: the view keeps its frames, and a cycle between the two would
        # keep a document's records and blocks alive until the collector's next full pass)
        self._view = weakref.ref(view) if view is not None else _no_view
        self._anchored: dict[str, bool] = {}
        # a figure is compared with several others: what is asked about it is kept
        self._sentences: dict[str, tuple[int, int]] = {}
        self._column_cells: dict[str, tuple[bool, bool]] = {}
        self._cut_down: dict[str, bool] = {}
        self._table_cells: dict[str, bool] = {}

    @cached_property
    def _starts(self) -> list[int]:
        view = self._view()
        return view.starts if view is not None else [r.start for r in self.records]

    @cached_property
    def _block_starts(self) -> list[int]:
        return [b.start for b in self.blocks]

    @cached_property
    def _text_before(self) -> list[int]:
        """For each block, the nearest block at or before it that is no part of a table (its
        rows, title, unit note, captions): the paragraph a table follows."""
        nearest, last = [], -1
        for index, block in enumerate(self.blocks):
            if not (block.kind in _TABLE_PARTS or TABLE_TITLE.match(block.text.lstrip())):
                last = index
            nearest.append(last)
        return nearest

    def table_restates(self, a: Record, b: Record) -> bool:
        """Whether one of two figures is a cell of a table and the other stands in the
        paragraph the table follows (only the table's title, unit note and captions between):
        a bulletin's table restates the paragraph before it, in its own words (…乡级行政区划单位
        38558个。 / 表1 行政区划情况 / 乡级 | 38558)."""
        cell, prose = (a, b) if a.section == "table" else (b, a)
        if cell.section != "table" or prose.section == "table" or prose.start > cell.start:
            return False
        at = self._block(cell)
        return at >= 0 and self._text_before[at] == self._block(prose)

    @cached_property
    def _by_id(self) -> dict[str, Record]:
        view = self._view()
        return view.by_id if view is not None else {r.id: r for r in self.records}

    @property
    def by_id(self) -> dict[str, Record]:
        """The records by id (the checks' own index when there is a view)."""
        return self._by_id

    @cached_property
    def _marks(self) -> Sequence[int]:
        view = self._view()
        if view is not None:
            return view.sentence_marks
        return [m.start() for m in _SENTENCE_MARKS.finditer(self.text)]

    @cached_property
    def _average_ends(self) -> list[int]:
        average = cue_pattern("average_words")
        return [m.end() for m in average.finditer(self.text)]

    def _position(self, record: Record) -> int:
        position = bisect_left(self._starts, record.start)
        while self.records[position].id != record.id:
            position += 1
        return position

    def _block(self, record: Record) -> int:
        return bisect_right(self._block_starts, record.start) - 1

    def _block_records(self, record: Record) -> list[Record]:
        """The records of the block before ``record``, in order."""
        index = self._block(record)
        first = bisect_left(self._starts, self.blocks[index].start) if index >= 0 else 0
        return self.records[first: self._position(record)]

    def sentence(self, record: Record) -> tuple[int, int]:
        """(block, sentence): two figures with the same key stand in one sentence."""
        known = self._sentences.get(record.id)
        if known is None:
            known = self._sentences[record.id] = (self._block(record),
                                                  bisect_right(self._marks, record.start))
        return known

    def table_cell(self, record: Record) -> bool:
        known = self._table_cells.get(record.id)
        if known is None:
            index = self._block(record)
            known = self._table_cells[record.id] = (index >= 0
                                                    and self.blocks[index].kind == "table_row")
        return known

    def column_cell(self, record: Record) -> bool:
        """A cell of a table row with another value of its kind, unit, name and period (空调 |
        120 | 60): each stands in a column the record does not name (a region, a year its
        period does not say)."""
        return self._row_peers(record)[0]

    def year_column(self, record: Record) -> bool:
        """A cell of a table row that holds its measure for other years too (资产总额比重 over
        1985 | 1995): named by its period, which the other copy of a restatement must state."""
        return self._row_peers(record)[1]

    def _row_peers(self, record: Record) -> tuple[bool, bool]:
        """(column cell, year column): one scan of the record's table row, kept."""
        known = self._column_cells.get(record.id)
        if known is not None:
            return known
        column = year = False
        if self.table_cell(record):
            block = self.blocks[self._block(record)]
            first, last = bisect_left(self._starts, block.start), bisect_left(self._starts, block.end)
            # a figure in the row's label cell (全市500万元及以上固定资产投资 | 3862417) is part of
            # the row's name, not a value in a column
            label_end = self.text.find(CELL_MARK, block.start, block.end)
            for other in self.records[first:last]:
                if other.id == record.id or other.kind != record.kind or other.metric != record.metric:
                    continue
                # (a cell whose column its name and period say is named by them: 乡镇工业 |
                # 32.9 | 42.5 under 1985 | 1995 are the shares of two years, and a row of two
                # measures, 资产总额比重 and 工业总产值比重 over 1985 | 1995, holds four)
                if other.period != record.period:
                    year = True
                elif other.unit == record.unit and other.start >= label_end:
                    column = True
        known = self._column_cells[record.id] = (column, year)
        return known

    def anchored(self, record: Record) -> bool:
        """A figure before it in its paragraph names something else, so its own name is cut
        down by that subject; or its name ends a list; or it describes such a figure."""
        known = self._anchored.get(record.id)
        if known is None:
            described = self._by_id.get(record.of) if record.of else None
            known = (any(not related_metric(other.metric, record.metric)
                         for other in self._block_records(record)[:ANCHOR_LOOKS])
                     or _last_of_a_list(record, self.text)
                     or (described is not None and described.start < record.start
                         and self.anchored(described)))
            self._anchored[record.id] = known
        return known

    def averaged(self, record: Record) -> bool:
        """年均增长6.1%: an average over years."""
        after = bisect_right(self._average_ends, record.start)
        return bool(after) and self._average_ends[after - 1] >= record.start - AVERAGE_REACH

    def cut_down(self, record: Record) -> bool:
        """A part after 其中 whose name is contained in its total's (the nearest figure of its
        kind and unit before it in its sentence): 发明专利授权量 under 专利授权量 names more, as
        a part must; 汽车 under 民用汽车保有量 (三轮汽车 cut short) names less."""
        known = self._cut_down.get(record.id)
        if known is None:
            known = self._cut_down[record.id] = self._cut_down_now(record)
        return known

    def _cut_down_now(self, record: Record) -> bool:
        here = self.sentence(record)
        for total in reversed(self._block_records(record)[-ANCHOR_LOOKS:]):
            if self.sentence(total) != here:
                return False
            if total.unit == record.unit and total.kind == record.kind:
                part_key, total_key = metric_key(record.metric), metric_key(total.metric)
                return ("其中" in self.text[total.end: record.start] and bool(part_key)
                        and part_key != total_key and part_key in total_key)
        return False

    def described_unit(self, record_id: str) -> str | None:
        described = self._by_id.get(record_id)
        return described.unit if described is not None else None


def _last_of_a_list(record: Record, text: str) -> bool:
    """The name is the last of a list that the figure sums (社区医院、乡镇卫生院、村诊所门诊人次
    12.5亿: not the village clinics' alone)."""
    if not record.metric or record.metric_from != "before":
        return False
    at = text.rfind(record.metric, max(0, record.start - MAX_REACH), record.start)
    return at > 0 and text[at - 1] in LIST_MARKS


def _bounds(record: Record) -> tuple[object, object] | None:
    if record.period_from != "text" or record.period_start is None:
        return None
    return record.period_start, record.period_end


def periods_compatible(a: Record, b: Record) -> bool:
    """Equal bounds, or a point in time that ends the other period (a stock at the end of the
    year it is reported for); unknown bounds never separate two figures here.

    >>> from datetime import date
    >>> def r(start, end): return Record(id="r", metric="m", kind="count", value=1, unit="件",
    ...     surface="1件", start=0, end=1, context="", period="p", period_from="text",
    ...     period_start=start, period_end=end)
    >>> april, to_april = r(date(2024, 4, 1), date(2024, 4, 30)), r(date(2024, 1, 1), date(2024, 4, 30))
    >>> periods_compatible(april, to_april)
    False
    >>> periods_compatible(r(date(2024, 12, 31), date(2024, 12, 31)), r(date(2024, 1, 1), date(2024, 12, 31)))
    True
    """
    bounds_a, bounds_b = _bounds(a), _bounds(b)
    if bounds_a is None or bounds_b is None or bounds_a == bounds_b:
        return True
    (start_a, end_a), (start_b, end_b) = bounds_a, bounds_b
    if start_a == end_a:
        return end_a == end_b
    if start_b == end_b:
        return end_a == end_b
    return False


def one_statement_possible(a: Record, b: Record, where: Frames) -> bool:
    """Whether ``a`` and ``b`` (same metric key) may be one statement made twice."""
    same_section = a.section == b.section
    # the cheapest test that settles most pairs of a long table first: two table rows
    if same_section and (where.table_cell(a) or where.table_cell(b)):
        return False
    if not periods_compatible(a, b):
        return False
    if a.status != b.status and "unknown" not in (a.status, b.status):
        return False
    if a.scope != b.scope:
        return False
    if a.of is not None and b.of is not None and (
            where.described_unit(a.of) != where.described_unit(b.of)):
        return False
    if where.sentence(a) == where.sentence(b):
        return False
    if where.averaged(a) != where.averaged(b):
        return False
    if where.column_cell(a) or where.column_cell(b) or where.cut_down(a) or where.cut_down(b):
        return False
    if same_section:
        # two figures a paragraph ties to something else (two table rows are left above)
        return not (where.anchored(a) or where.anchored(b))
    return True


__all__ = [
    "Frames",
    "names_indicator",
    "one_statement_possible",
    "periods_compatible",
    "without_aggregation",
]

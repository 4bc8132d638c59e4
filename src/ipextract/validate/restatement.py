"""Restatements (issue #17, point 4): one figure given twice in a document — in prose and again
in the data list or a table, at two precisions or in two forms (``2.36万件`` and ``23571件``,
``两单`` and ``2单``) — must agree within the coarser precision. When the two copies do not,
``conflict`` flags them even if the two names differ slightly, provided no other figure of that
period is a closer match.

How a figure finds its restatement, by lookup (never all pairs: a 100,000-figure document is
checked in seconds):

* by name: figures are indexed by their plain key (``metrics.plain_key``: aliases, endings such
  as 总量/数量, scope and aggregate words dropped) and by catalogue indicator; the distinct
  keys are related once per document (``_related_names``: keys sharing their first or last two
  characters or their characters, at a ``metrics.name_distance`` of at most 2); a figure looks
  at the nearest few figures of each related key in document order;
* by value: figures are indexed by (unit, kind) and sorted by size; a figure looks at the few
  nearest in size within its decade (a slipped digit keeps the number of digits).

Only a figure that can have a restatement looks at all (``_live``, counted per document: another
figure of its unit, kind and year under its metric key, or in another section); most figures
of a report are given once, and a window yields only figures of an allowed year.

A candidate counts when its name is close (``metrics.name_distance`` 0–2, or the same catalogue
indicator: two different indicators never; within one section only the same name, since there
a longer name is a sub-category) and the two can be one statement (``comparable``: not one
sentence, compatible periods — a month is not the months to date —, status and scope, not two
rows of one kind of section named by a cut-down label), and a growth or share is compared only
with one describing the same level (``described_fit``). A name read after its figure counts
only when it says more than a counted noun (``restatement_pool``).

The rule (``restatement_conflicts``): two copies ``x`` and ``y`` are flagged when

1. ``x`` has no candidate at least as close as ``y`` that agrees with it (a restatement that
   agrees settles a figure: 1.64万次 and 16380次 stay quiet, and so does an aggregate and its
   only part when they share a value);
2. ``y`` is ``x``'s closest candidate, its closest candidates agree with each other (a label
   shared by rows of two tables, 其中：加工贸易 under exports and under imports, is no one's
   copy), and ``x`` is ``y``'s closest too — or ``y`` agrees with a third copy no closer to it
   than ``x`` is (a figure given three times, one slipped): a sub-category (企业发明专利授权
   under 发明专利授权) is matched with its own restatement first;
3. the values differ as a slip does (``slip``): at the coarser precision one digit apart or
   one unit apart, or the same digits under another magnitude, or values that meet once one
   is scaled by a slipped 万/亿 (``magnitude_slip``: 1.49亿件 / 14865件). Two figures that
   differ everywhere are two indicators under similar names more often than one figure
   misprinted.

A statement made twice (``restated_statements``): where names, sections or silent years leave
two figures apart, a figure given alike in both sentences (at least three digits, related
names: the anchor) says the two sentences are one statement, and the figures standing in the
same place of both (the same offset from the anchor, the same stated year, or the same name)
must agree too: 从业人员 2563.7万人，增长12.8% restated under a longer name in the same
section, with 2583.7万人 and 12.8%, is flagged. Figures are looked up by exact value (one
index per document; a value of more than ``MAX_ANCHORS`` figures anchors nothing).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from functools import cached_property, lru_cache
from itertools import compress
from operator import attrgetter

import regex

from ..models import Record
from ..vocabulary import load_vocabulary
from .base import Finding
from .metrics import metric_key, name_distance, plain_key
from .statements import Frames, names_indicator, one_statement_possible, periods_compatible
from .tolerance import (
    agree,
    precision,
    printed_digits,
    printed_number,
    record_interval,
    significant_digits,
)

SPECIFIC_NAMES = ("before", "of", "label", "list", "table")
# A name found after the figure (新增6家中华老字号) or from the figure before it is specific
# enough when it says more than a counted noun (405家企业): this many characters of plain key.
MIN_AFTER_KEY = 4
MAX_NAMED = 8  # figures of one name key looked at on each side, in document order
MAX_SIZED = 8  # figures of one unit and kind looked at on each side, in order of size
_YEAR = regex.compile(r"(?:19|20)[0-9]{2}")


def _stated_period(record: Record) -> str:
    return (record.period or "") if record.period_from == "text" else ""


def comparable(a: Record, b: Record, where: Frames) -> bool:
    """Two figures can be the same statement (``statements.py``: not one sentence, not two
    table rows or anchored labels of one kind of section, compatible periods, status and
    scope), and: the same year when both say it; when either year is unknown, only a
    restatement in another section (prose vs data list) counts — a report's prose mixes last
    year, five-year totals and this year's targets silently. A period read off a part's
    heading (一、2025年工作回顾) or given by the document's year is such a silent one: under
    it stand the year's growth and the five-year average alike."""
    year_a, year_b = stated_year(a), stated_year(b)
    if years_apart(year_a, year_b, a.section == b.section):
        return False
    if not (year_a and year_b) and (where.year_column(a) or where.year_column(b)):
        return False  # (a year column's cell restates only a figure that says its year)
    return one_statement_possible(a, b, where)


def stated_year(record: Record) -> str:
    """The year the text states for the figure ("" for none), as ``comparable`` reads it."""
    return _stated_year(_stated_period(record))


def years_apart(year_a: str, year_b: str, same_section: bool) -> bool:
    """The part of ``comparable`` that two figures' stated years (``stated_year``) and
    whether they share a section decide alone: two stated years that differ, or an unknown
    year within one section, make two statements. A check that compares a figure with many
    peers asks this first, on years worked out once per figure."""
    if year_a and year_b:
        return year_a != year_b
    return same_section


@lru_cache(maxsize=1 << 14)
def _stated_year(period: str) -> str:
    found = _YEAR.search(period)
    return found.group(0) if found else ""


def restatement_pool(records: Iterable[Record]) -> list[Record]:
    """The figures that name an indicator well enough to be compared with a restatement."""
    return named_figures(records)[1]


def named_figures(records: Iterable[Record]) -> tuple[list[Record], list[Record]]:
    """In one pass over a document's records (each read once): the figures named
    specifically (not a rank, named by ``SPECIFIC_NAMES``, naming an indicator: the ones
    ``figures.conflict`` compares under one metric key) and the restatement pool (not a rank
    or a duration, not a range, named by ``SPECIFIC_NAMES`` or by a name that says more than
    a counted noun, ``_counted_name``), both in document order."""
    specific: list[Record] = []
    pool: list[Record] = []
    for record in records:
        kind, metric = record.kind, record.metric
        if kind == "rank" or not names_indicator(metric):  # names no indicator (nor an empty name)
            continue
        named = record.metric_from in SPECIFIC_NAMES
        if named:
            specific.append(record)
        if (kind != "duration" and record.qualifier != "range"
                and (named or _counted_name(metric))):
            pool.append(record)
    return specific, pool


@lru_cache(maxsize=1 << 14)
def _counted_name(metric: str) -> bool:
    """A name read after the figure (新增6家中华老字号, 3家国家级运营中心) names an indicator
    when it says more than a counted noun: at least MIN_AFTER_KEY characters, and not a verb
    and the kind of subject counted (惠及13家企业 in a list item about securities names whom,
    not what: the item's subject is the indicator, and another item says 惠及企业 too)."""
    key = plain_key(metric)
    return len(key) >= MIN_AFTER_KEY and not key.endswith(_subjects())


@lru_cache(maxsize=1)
def _subjects() -> tuple[str, ...]:
    return tuple(load_vocabulary().cues.subjects)


def distance(a: Record, b: Record) -> int | None:
    """How close two figures' names are (``metrics.name_distance``); the same catalogue
    indicator is at most 1, two different catalogue indicators are never one figure."""
    if a.indicator is not None and b.indicator is not None:
        if a.indicator != b.indicator:
            return None
        named = name_distance(a.metric, b.metric)
        return 1 if named is None else min(named, 1)
    return name_distance(a.metric, b.metric)


def described_fit(a: Record, b: Record, by_id: dict[str, Record], where: Frames) -> bool:
    """Whether two figures that describe others (a growth, a share) can be one statement: a
    restatement carries its level along (8.7% of 152.36亿元 in prose and table), so when both
    describe a figure, those must agree (a table's 一般贸易 growth of its 1880.7亿元 exports
    is not the prose's growth of 3021.4亿元 一般贸易进出口总额); when only one does, the bare
    one must not be a table cell: a table row that gives a rate without its level is a table
    of rates (a price index's 粮食), not the output table restated."""
    described_a = by_id.get(a.of) if a.of else None
    described_b = by_id.get(b.of) if b.of else None
    if described_a is not None and described_b is not None:
        return (described_a.unit == described_b.unit and described_a.kind == described_b.kind
                and agree(described_a, described_b))
    if (described_a is None) != (described_b is None):
        # (a share is another matter: a table of shares, 结构（%）, restates the prose's
        # 占全部工业的53.7%, whose level the table leaves to another table)
        return a.kind == "share" or not where.table_cell(a if described_a is None else b)
    return True


def _digits_at(value: Decimal, unit: Decimal, rounding: str) -> str:
    return str(int((abs(value) / unit).to_integral_value(rounding=rounding)))


def _one_digit_apart(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b)) == 1


def slip(a: Record, b: Record) -> bool:
    """The two values differ as one figure printed twice with a slip: at the coarser of the
    two precisions, their digits differ in one place (2.36万 against 28571: 236 / 286, the
    finer one rounded or cut there — 19984 is 199 against 1.92万), or they are one unit apart
    there (937.29亿 / 9372982万: a slip across a carry), or the printed digits are the same
    under another magnitude (83.31亿 / 83.31万), or the values meet once scaled by a slipped
    magnitude (1.49亿 / 14865: ``magnitude_slip``). A leading zero is a digit (0.9% / 1.9). A
    sign is no slip (增长 and 下降 are words, not digits)."""
    if (a.value < 0) != (b.value < 0) or a.value == b.value:
        return False
    if printed_digits(a.surface) and printed_digits(a.surface) == printed_digits(b.surface):
        return True
    if magnitude_slip(a, b):
        return True
    unit = max(precision(a), precision(b))
    rounded_a = _digits_at(a.value, unit, ROUND_HALF_UP)
    rounded_b = _digits_at(b.value, unit, ROUND_HALF_UP)
    if abs(int(rounded_a) - int(rounded_b)) == 1:
        return True
    leading_zero = any(str(printed_number(r.surface) or "").startswith("0") for r in (a, b))
    for digits_a, digits_b in ((rounded_a, rounded_b),
                               (_digits_at(a.value, unit, ROUND_DOWN),
                                _digits_at(b.value, unit, ROUND_DOWN))):
        if leading_zero:
            width = max(len(digits_a), len(digits_b))
            digits_a, digits_b = digits_a.zfill(width), digits_b.zfill(width)
        if _one_digit_apart(digits_a, digits_b):
            return True
    return False


# A magnitude written wrong: 万 for 亿 or the reverse (10⁴), or 万/亿 left out (10⁴, 10⁸).
MAGNITUDE_FACTORS = (Decimal(10) ** 4, Decimal(10) ** 8)


def magnitude_slip(a: Record, b: Record) -> bool:
    """The two exact figures agree once one is scaled by a slipped magnitude (10⁴ or 10⁸):
    1.49亿件 against 14865件 (万 written 亿), 1.49件 against 14865件 (万 left out). No two
    statements of one indicator differ by such a factor at the printed precision; two
    different indicators may, so this only says how two copies differ, never that they are
    copies."""
    if a.qualifier != "exact" or b.qualifier != "exact" or a.value == 0 or b.value == 0:
        return False
    (low_a, high_a), (low_b, high_b) = record_interval(a), record_interval(b)
    if abs(a.value) > abs(b.value):
        (low_a, high_a), (low_b, high_b) = (low_b, high_b), (low_a, high_a)
    return any(low_a * factor < high_b and low_b < high_a * factor
               for factor in MAGNITUDE_FACTORS)


class _Lookup:
    """The indexes a figure's restatement is looked up in (see the module docstring). Only
    the figures that can have a restatement (``_live``) ever look, so each index is sorted,
    related or split by year when first asked, and a window yields only the figures of a
    year ``same_year`` allows (found by bisection, not by looking at each: a long document
    repeats its names under many years)."""

    def __init__(self, pool: list[Record]) -> None:
        """What ``_live`` reads of the pool's figures (``restatement_pool``), in one pass: a
        record is read once. The name indexes (``by_name``, ``plain``, ``by_indicator``) are
        made on the first look-up: most documents have no live figure, and a name's plain key
        is worked out only then."""
        self.pool = pool
        self.years: dict[str, str] = {}  # the stated year, if any, for ``same_year``
        self.by_metric_key: dict[tuple[str, str, str], list[Record]] = defaultdict(list)
        self.sections = {record.section for record in pool}
        self.several_sections = len(self.sections) > 1
        by_metric_key, years = self.by_metric_key, self.years
        for record in pool:  # in document order
            if record.period_from == "text" and record.period:
                years[record.id] = _stated_year(record.period)
            # a pooled figure names an indicator (``names_indicator`` worked its key out)
            by_metric_key[(metric_key(record.metric), record.unit, record.kind)].append(record)
        self.live: set[str] = set()
        self._starts: dict[object, list[int]] = {}
        # a group's positions and figures of each stated year ("" for none), side by side
        self._by_year: dict[object, dict[str, tuple[list[int], list[Record]]]] = {}
        self._sized: dict[tuple[str, str],
                          tuple[list[Decimal], list[int], list[int], list[Record]]] = {}
        self._buckets: dict[str, list[str]] | None = None
        self._asked: set[str] = set()
        self._related: dict[str, list[str]] = {}
        self._keys_of_name: dict[str, set[str]] = {}
        # the window ``same_name`` found last, which ``around`` looks at first: (id, window)
        self._same_name: tuple[str, list[Record]] | None = None

    def _window(self, key: object, group: list[Record], low: int, high: int,
                record: Record) -> list[Record]:
        """``group[low:high]`` without the figures of a year ``same_year`` rules out: the
        same stated year, or another section when either year is unknown."""
        year, section = self.years.get(record.id, ""), record.section
        if not year:
            if not self.several_sections:
                return []  # (every other figure is of its section)
            return [other for other in group[low:high] if other.section != section]
        by_year = self._by_year.get(key)
        if by_year is None:
            by_year = self._by_year[key] = {}
            years = self.years
            for position, other in enumerate(group):
                year_of = years.get(other.id, "")
                split = by_year.get(year_of)
                if split is None:
                    split = by_year[year_of] = ([], [])
                split[0].append(position)
                split[1].append(other)
        same, same_figures = by_year.get(year, _NONE_OF_A_YEAR)
        first, last = bisect_left(same, low), bisect_left(same, high)
        unknown = by_year.get("") if self.several_sections else None
        if unknown is None:  # (with one section, a figure of no stated year is never one)
            return same_figures[first:last]
        found = sorted(same[first:last] + [
            position for position in unknown[0][bisect_left(unknown[0], low):
                                                bisect_left(unknown[0], high)]
            if group[position].section != section])
        return [group[position] for position in found]

    def _nearest(self, key: object, group: list[Record], record: Record) -> list[Record]:
        starts = self._starts.get(key)
        if starts is None:
            starts = self._starts[key] = [r.start for r in group]
        at = bisect_left(starts, record.start)
        return self._window(key, group, max(0, at - MAX_NAMED), at + MAX_NAMED + 1, record)

    @cached_property
    def by_unit(self) -> dict[tuple[str, str], list[Record]]:
        """The figures of each unit and kind: read across sections (``_live``, when there
        are two) and by size (``around``), so made when first asked."""
        by_unit: dict[tuple[str, str], list[Record]] = defaultdict(list)
        for record in self.pool:  # in document order
            by_unit[(record.unit, record.kind)].append(record)
        return by_unit

    @cached_property
    def _names(self) -> tuple[dict[str, str], dict[str, list[Record]], dict[str, list[Record]]]:
        plain: dict[str, str] = {}  # each pooled figure's plain key
        by_name: dict[str, list[Record]] = defaultdict(list)
        by_indicator: dict[str, list[Record]] = defaultdict(list)
        for record in self.pool:  # in document order
            plain[record.id] = name = plain_key(record.metric)
            by_name[name].append(record)
            if record.indicator:
                by_indicator[record.indicator].append(record)
        return plain, by_name, by_indicator

    @property
    def plain(self) -> dict[str, str]:
        return self._names[0]

    @property
    def by_name(self) -> dict[str, list[Record]]:
        return self._names[1]

    @property
    def by_indicator(self) -> dict[str, list[Record]]:
        return self._names[2]

    def plain_key(self, record: Record) -> str:
        known = self.plain.get(record.id)
        return plain_key(record.metric) if known is None else known

    def same_name(self, record: Record) -> list[Record]:
        name = self.plain_key(record)
        found = self._nearest(name, self.by_name[name], record)
        self._same_name = (record.id, found)
        return found

    def _may_hold(self, name: str, record: Record) -> bool:
        """Whether the figures under the plain key ``name`` can be candidates of ``record``
        at all. In a document of one section only the same metric key can (``distance`` 0:
        a longer name there is a sub-category), and most names related to a figure's have
        no figure of its key: their windows are not looked at."""
        if self.several_sections:
            return True
        keys = self._keys_of_name.get(name)
        if keys is None:
            keys = self._keys_of_name[name] = {metric_key(other.metric)
                                               for other in self.by_name[name]}
        return metric_key(record.metric) in keys

    def related(self, name: str) -> list[str]:
        """``_related_to`` for one key; the buckets are made on the first ask, for the keys
        of the live figures only (the others are never asked about)."""
        known = self._related.get(name)
        if known is None:
            if self._buckets is None or name not in self._asked:
                self._asked = {self.plain[record_id] for record_id in self.live} | {name}
                self._buckets = _name_buckets(self.by_name, self._asked)
            known = self._related[name] = _related_to(name, self._buckets)
        return known

    def around(self, record: Record) -> Iterable[Record]:
        """The figures near ``record`` by name, by indicator and by size, in that order, of a
        year ``same_year`` allows (a figure may come more than once, ``record`` too)."""
        own = self.plain_key(record)
        for name in self.related(own):
            if name == own:
                # (the window ``find_partner`` looked at first, when it was this figure's)
                known = self._same_name
                yield from (known[1] if known is not None and known[0] == record.id
                            else self._nearest(name, self.by_name[name], record))
            elif self._may_hold(name, record):
                yield from self._nearest(name, self.by_name[name], record)
        if record.indicator:
            yield from self._nearest(("=", record.indicator),
                                     self.by_indicator[record.indicator], record)
        unit_kind = (record.unit, record.kind)
        if record.value != 0 and unit_kind in self.by_unit:
            sized = self._sized.get(unit_kind)
            if sized is None:  # the figures of that unit and kind but 0, sorted when first asked
                ordered = sorted((other for other in self.by_unit[unit_kind] if other.value != 0),
                                 key=lambda r: (_magnitude(r.value), r.start))
                # (their sizes and starts side by side, the figures' own objects, not a pair
                # of them for each: 80,000 pairs on a yearbook, 5 MB; and each size's decade,
                # the exponent of its leading digit, which rises with the size)
                sizes = [_magnitude(r.value) for r in ordered]
                sized = self._sized[unit_kind] = (sizes, [size.adjusted() for size in sizes],
                                                  [r.start for r in ordered], ordered)
            sizes, decades, starts, group = sized
            size = abs(record.value)
            decade = size.adjusted()  # a slipped digit keeps the decade
            # among equal sizes, its own place by start (the order of (size, start) pairs)
            at = bisect_left(starts, record.start, bisect_left(sizes, size),
                             bisect_right(sizes, size))
            low = max(bisect_left(decades, decade), at - MAX_SIZED)
            high = min(bisect_right(decades, decade), at + MAX_SIZED + 1)
            yield from self._window(unit_kind, group, max(low, 0), high, record)


_NONE_OF_A_YEAR: tuple[list[int], list[Record]] = ([], [])


def _magnitude(value: Decimal) -> Decimal:
    """``abs(value)``, as the figure's own value when it is not negative: ``abs`` makes a new
    Decimal every time, and a yearbook's size index holds tens of thousands (13 MB). (A value
    has far fewer digits than the context's precision: ``abs`` rounds none.)"""
    return abs(value) if value.is_signed() else value


def _name_buckets(names: Iterable[str], asked: Iterable[str]) -> dict[str, list[str]]:
    """Every distinct plain key, in order of first appearance, under each of its
    ``_name_keys`` that a key in ``asked`` has too (no other bucket is ever read)."""
    buckets: dict[str, list[str]] = {key: [] for name in asked for key in _name_keys(name)}
    lengths = {len(name) for name in asked}  # the same characters in another order
    # the heads and tails asked about, to test each name's before its bucket key is made
    heads = {name[:2] for name in asked if len(name) >= 2}
    tails = {name[-2:] for name in asked if len(name) >= 2}
    for name in names:
        if len(name) < 2:
            continue
        if name[:2] in heads:
            buckets[f"<{name[:2]}"].append(name)
        if name[-2:] in tails:
            buckets[f">{name[-2:]}"].append(name)
        if len(name) in lengths:
            anagram = _name_keys(name)[2]
            if anagram in buckets:
                buckets[anagram].append(name)
    return buckets


def _related_to(name: str, buckets: dict[str, list[str]]) -> list[str]:
    """The plain keys at a name distance of at most 2 from ``name``, itself first. Two such
    names share their first two characters or their last two (one run added at the end, at
    the start or inside leaves one of them), or are the same characters in another order:
    names are indexed by those (``_name_buckets``), once per distinct name, so a long
    document of repeated names costs no more than one copy of them."""
    near = {other for key in _name_keys(name) for other in buckets.get(key, [])[:MAX_BUCKET]}
    near.discard(name)
    return [name, *sorted(other for other in near if name_distance(name, other) is not None)]


MAX_BUCKET = 64  # names sharing a head, a tail or a set of characters compared with each other


@lru_cache(maxsize=1 << 16)
def _name_keys(name: str) -> tuple[str, ...]:
    if len(name) < 2:
        return ()
    return f"<{name[:2]}", f">{name[-2:]}", f"*{''.join(sorted(name))}"


def _year_compatible(group: list[Record], years: dict[str, str],
                     within_section: bool) -> list[str]:
    """The figures of ``group`` with another figure of the group that ``same_year`` allows
    (the same stated year; when either year is unknown, another section), and with
    ``within_section`` False, only another in another section. Counted, not paired."""
    # (counted in C by ``Counter``: every figure of the pool is in a group)
    years_of = [years.get(record.id, "") for record in group]
    sections_of = [record.section for record in group]
    sections = Counter(sections_of)
    stated = Counter(years_of)
    stated_in = Counter(zip(years_of, sections_of))
    found = []
    for record, year, section in zip(group, years_of, sections_of):
        if year:
            same_year = stated[year] - (1 if within_section else stated_in[(year, section)])
            others = same_year + stated[""] - stated_in[("", section)]
        else:
            others = len(group) - sections[section]
        if others > 0:
            found.append(record.id)
    return found


def _live(lookup: _Lookup, where: Frames) -> set[str]:
    """The figures that can have a restatement at all: another figure of their unit and kind
    and a compatible year (``same_year``) under the same metric key (name distance 0, the
    only distance one section allows) or in another section. The rule's every test is
    symmetric, so a figure without one is nobody's candidate and has none: the windows are
    never looked at for it. Most figures of a report are given once; a report of one
    section restates only under the same key. A table cell restates nothing of its own
    section (``comparable``: two rows of tables are two figures), so within a section only
    the figures outside tables count: a yearbook table of thousands of rows that repeat a
    few names has no live figure and costs one pass."""
    live: set[str] = set()
    for group in lookup.by_metric_key.values():
        if len(group) > 1:
            group = [record for record in group if not where.table_cell(record)]
        if len(group) > 1:
            live.update(_year_compatible(group, lookup.years, within_section=True))
    if len(lookup.sections) > 1:
        for group in lookup.by_unit.values():
            if len(group) > 1:
                live.update(_year_compatible(group, lookup.years, within_section=False))
    return live


def restatement_conflicts(records: list[Record], where: Frames, flagged: set[str],
                          pool: list[Record] | None = None) -> list[tuple[Record, Record, int]]:
    """The pairs (first, second, name distance) the rule flags; figures in ``flagged``
    (already in a conflict) are left alone. ``pool`` is ``restatement_pool(records)`` when
    the caller has it (``named_figures``)."""
    lookup = _Lookup(restatement_pool(records) if pool is None else pool)
    pool = lookup.pool
    live = lookup.live = _live(lookup, where)
    if not live:
        return []
    by_id: dict[str, Record] | None = None  # made (or borrowed) on the first pair asked about
    candidates: dict[str, list[tuple[int, Record]]] = {}

    fits: dict[tuple[str, str], bool] = {}  # each pair is asked about from both sides

    def fit(a: Record, b: Record) -> bool:
        nonlocal by_id
        key = (a.id, b.id) if a.id < b.id else (b.id, a.id)
        known = fits.get(key)
        if known is None:
            if by_id is None:
                # the checks' own index when it is of these records (a copy is 5 MB on a
                # yearbook, and was held while the check ran)
                by_id = (where.by_id if where.records is records
                         else {record.id: record for record in records})
            known = fits[key] = described_fit(a, b, by_id, where) and comparable(a, b, where)
        return known

    def candidates_of(record: Record) -> list[tuple[int, Record]]:
        known = candidates.get(record.id)
        if known is None:
            known = []
            seen = {record.id}
            kind, unit = record.kind, record.unit
            for other in lookup.around(record):  # of a year ``same_year`` allows
                # the cheap tests first; each is symmetric, so a figure that is not live
                # fails one of them
                if other.id in seen or other.id not in live:
                    continue
                if other.kind != kind or other.unit != unit:
                    continue
                close = distance(record, other)
                if close is None or (close > 0 and other.section == record.section):
                    continue  # in one section a longer name is a sub-category, not a copy
                seen.add(other.id)
                if fit(record, other):
                    known.append((close, other))
            known.sort(key=lambda pair: (pair[0], abs(pair[1].start - record.start)))
            candidates[record.id] = known
        return known

    partners: dict[str, Record | bool | None] = {}

    def partner(record: Record) -> Record | bool | None:
        known = partners.get(record.id, False)
        if known is False:
            known = partners[record.id] = find_partner(record)
        return known

    def find_partner(record: Record) -> Record | bool | None:
        """The copy ``record`` is a restatement of; True when a closest candidate agrees
        (settled); None when there is none, when the closest candidates disagree among
        themselves (a label shared by rows of two tables: which is its copy?) or when the
        closest copy differs by more than a slip."""
        # most figures agree with a copy under their own name: nothing is closer than that
        kind, unit = record.kind, record.unit
        for other in lookup.same_name(record):  # of a year ``same_year`` allows
            if other.kind != kind or other.unit != unit or other.id == record.id:
                continue
            if agree(record, other) and distance(record, other) == 0 and fit(record, other):
                return True
        mine = candidates_of(record)
        if not mine:
            return None
        closest = [other for close, other in mine if close == mine[0][0]]
        if any(agree(record, other) for other in closest):
            return True
        if not all(agree(a, b) for a in closest for b in closest):
            return None
        return next((other for other in closest if slip(record, other)), None)

    pairs = []
    done: set[frozenset[str]] = set()
    for record in pool:
        if record.id in flagged or record.id not in live:
            continue  # a figure that is not live has no partner
        other = partner(record)
        # (None or a bool: no partner or settled; tested so, not as an instance of Record, as
        # the checks read the pipeline's lean records as well as models)
        if other is None or isinstance(other, bool) or other.id in flagged:
            continue
        pair = frozenset((record.id, other.id))
        if pair in done:
            continue
        close = distance(record, other)
        if close is None:  # never: a candidate has a distance
            continue
        theirs = partner(other)
        if theirs is True:
            # the other copy agrees with a third: this one is the odd one out only if it is as
            # close to the other as the third is (a figure given three times, one slipped)
            theirs_closest = candidates_of(other)
            if not theirs_closest or theirs_closest[0][0] < close:
                continue
        elif theirs is None or isinstance(theirs, bool) or theirs.id != record.id:
            continue
        done.add(pair)
        first, second = sorted((record, other), key=lambda r: r.start)
        pairs.append((first, second, close))
    return pairs


_VALUE = attrgetter("value")
MAX_ANCHORS = 8  # figures of one exact value looked at as anchors (pairs: linear cost)
MIN_ANCHOR_DIGITS = 3  # an equal value that says two statements are one: not 5.2% twice
SENTENCE_REACH = 6  # figures of a sentence on each side of its anchor looked at


def restated_statements(records: list[Record], starts: list[int], by_id: dict[str, Record],
                        where: Frames, flagged: set[str], pool: list[Record]
                        ) -> list[tuple[Record, Record, int, Record, Record]]:
    """A statement made twice, one figure slipped in one copy (issue #17, point 4): two
    sentences (or a sentence and a table row) that share an exact figure under related
    names (the anchor: 2563.7万人 twice, or its growth 12.8% twice) restate each other, and
    the figures that stand in the same place of the two (the same offset from the anchor, or
    the same stated period: 2010年为48.2% and a table's 2010 column) are one figure too. A
    pair of those that differs as a slip (``slip``) under related names is flagged, wherever
    the two stand: the anchor says what the silent year, a longer name in one section, a
    table's columns or a cut-down label leave open elsewhere (``comparable``).

    Returns (first, second, name distance, anchor in the first's sentence, anchor in the
    second's). Figures of one value are indexed once (linear cost); a value given for more
    than ``MAX_ANCHORS`` figures anchors nothing."""
    # most values are given once: only the values given twice are looked at, found without
    # a step of Python per figure (map, Counter and compress run in C; a report has a few
    # hundred named figures, and a few dozen share a value)
    values = list(map(_VALUE, pool))
    recurring = {value for value, count in Counter(values).items() if count > 1}
    recurring.discard(Decimal(0))
    if not recurring:
        return []
    anchors: dict[tuple[str, str, Decimal], list[Record]] = defaultdict(list)
    for record in compress(pool, map(recurring.__contains__, values)):
        if (record.qualifier == "exact"
                and significant_digits(record.surface) >= MIN_ANCHOR_DIGITS):
            anchors[(record.unit, record.kind, record.value)].append(record)
    pooled: set[str] = set()  # made when a pair of anchors is first found
    found: list[tuple[Record, Record, int, Record, Record]] = []
    done: set[frozenset[str]] = set()
    for group in anchors.values():
        if not 2 <= len(group) <= MAX_ANCHORS:
            continue
        for index, p in enumerate(group):
            for q in group[index + 1:]:
                if not _anchors(p, q, where):
                    continue
                if not pooled:
                    pooled.update(record.id for record in pool)
                mine = _sentence_figures(p, records, starts, where, pooled)
                theirs = _sentence_figures(q, records, starts, where, pooled)
                for x, y in _aligned(p, q, mine, theirs):
                    pair = frozenset((x.id, y.id))
                    if (pair in done or x.id in flagged or y.id in flagged
                            or not _restated_slip(x, y, by_id, where)
                            or _restated_elsewhere(x, theirs) or _restated_elsewhere(y, mine)):
                        continue
                    done.add(pair)
                    close = distance(x, y)
                    assert close is not None  # _restated_slip asks for related names
                    first, second = sorted((x, y), key=lambda r: r.start)
                    anchor_first, anchor_second = (p, q) if first is x else (q, p)
                    found.append((first, second, close, anchor_first, anchor_second))
    return found


def _anchors(p: Record, q: Record, where: Frames) -> bool:
    """Two figures of one exact value that make their sentences one statement: related
    names, another sentence, not two rows of tables of one section, compatible periods,
    status and scope."""
    if p.scope != q.scope or (p.status != q.status and "unknown" not in (p.status, q.status)):
        return False
    if p.section == q.section and (where.table_cell(p) or where.table_cell(q)):
        return False
    # the names last: a name's distance is worked out the first time it is asked
    return (periods_compatible(p, q) and where.sentence(p) != where.sentence(q)
            and distance(p, q) is not None)


def _sentence_figures(anchor: Record, records: list[Record], starts: list[int],
                      where: Frames, pooled: set[str]) -> list[Record]:
    """The named figures of the anchor's sentence (or table row), in order, within
    ``SENTENCE_REACH`` figures of it on each side."""
    here, at = where.sentence(anchor), bisect_left(starts, anchor.start)
    while records[at].id != anchor.id:
        at += 1
    found = [anchor]
    for step in (-1, 1):
        position = at + step
        while 0 <= position < len(records) and abs(position - at) <= SENTENCE_REACH:
            other = records[position]
            if where.sentence(other) != here:
                break
            if other.id in pooled:
                found.append(other)
            position += step
    return sorted(found, key=lambda r: r.start)


def _aligned(p: Record, q: Record, mine: list[Record],
             theirs: list[Record]) -> list[tuple[Record, Record]]:
    """The figures of two restated sentences that stand in the same place: the same offset
    from the anchors, the same stated period (of a sentence that gives one figure per
    period, as a table row gives one per column), or the same name."""
    i, j = mine.index(p), theirs.index(q)
    pairs = []
    year = _stated_year(_stated_period(p))
    by_period = bool(year) and year == _stated_year(_stated_period(q))
    for k, x in enumerate(mine):
        if x is p:
            continue
        m = j + k - i
        same_place = theirs[m] if 0 <= m < len(theirs) and theirs[m] is not q else None
        if same_place is not None:
            pairs.append((x, same_place))
        other_year = _stated_year(_stated_period(x))
        if by_period and other_year and other_year != year:
            pairs += [(x, y) for y in theirs if y is not q and y is not same_place
                      and _stated_year(_stated_period(y)) == other_year]
        # the same name in the other copy, wherever it stands there (a copy that adds or
        # drops a figure shifts the places)
        key = metric_key(x.metric)
        pairs += [(x, y) for y in theirs if y is not q and y is not same_place
                  and metric_key(y.metric) == key]
    return pairs


def _restated_elsewhere(x: Record, others: list[Record]) -> bool:
    """``x`` agrees with a figure of the other copy under a related name: it is restated
    there, and the figure in its place is another one (a copy that adds or drops a figure
    shifts the places)."""
    return any(other.kind == x.kind and other.unit == x.unit and agree(x, other)
               and distance(x, other) is not None for other in others)


def _restated_slip(x: Record, y: Record, by_id: dict[str, Record], where: Frames) -> bool:
    """Two figures in the same place of a restated statement that differ as a slip."""
    if (x.kind != y.kind or x.unit != y.unit or x.qualifier != "exact"
            or y.qualifier != "exact" or agree(x, y) or not slip(x, y)):
        return False
    if distance(x, y) is None or x.scope != y.scope or not periods_compatible(x, y):
        return False
    if x.status != y.status and "unknown" not in (x.status, y.status):
        return False
    return described_fit(x, y, by_id, where)


def restated_finding(first: Record, second: Record, close: int, anchor_first: Record,
                     anchor_second: Record) -> Finding:
    """``restatement_finding``, with the figure that makes the two statements one."""
    finding = restatement_finding(first, second, close)
    evidence = {**finding.evidence,
                "restated_with": [anchor_first.surface, anchor_second.surface],
                "restated_with_spans": [[anchor_first.start, anchor_first.end],
                                        [anchor_second.start, anchor_second.end]],
                "rule": "a statement made twice (one of its figures given in both copies "
                        "with the same value) must give its other figures alike, within "
                        "the coarser precision"}
    message = (f"{finding.message} The two statements are one: both give "
               f"{anchor_first.surface}.")
    return Finding(finding.kind, finding.severity, message, finding.record_ids,
                   finding.spans, evidence)


def restatement_finding(first: Record, second: Record, close: int) -> Finding:
    """A ``conflict`` for a restatement that does not agree: both values, both intervals, the
    interval the coarser copy allows, and both spans."""
    low_a, high_a = record_interval(first)
    low_b, high_b = record_interval(second)
    coarser = first if high_a - low_a >= high_b - low_b else second
    allowed = (low_a, high_a) if coarser is first else (low_b, high_b)
    relation = ("the same name" if close == 0 else
                "the same indicator in other words" if close == 1 else
                "a longer or shorter name for it")
    return Finding(
        kind="conflict",
        severity="error",
        message=f"{first.metric} {first.surface} is restated as {second.metric} "
                f"{second.surface}; {coarser.surface} allows only "
                f"{_plain(allowed[0])} to {_plain(allowed[1])}.",
        record_ids=(first.id, second.id),
        spans=((first.start, first.end), (second.start, second.end)),
        evidence={"values": [str(first.value), str(second.value)],
                  "intervals": [[str(low_a), str(high_a)], [str(low_b), str(high_b)]],
                  "allowed": [str(bound) for bound in allowed],
                  "coarser": coarser.surface,
                  "surfaces": [first.surface, second.surface],
                  "spans": [[first.start, first.end], [second.start, second.end]],
                  "metrics": [first.metric, second.metric],
                  "name_distance": close,
                  "name_relation": relation,
                  "rule": "a figure restated at another precision or in another form must "
                          "agree within the coarser precision"},
    )


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


__all__ = ["SPECIFIC_NAMES", "comparable", "described_fit", "distance", "magnitude_slip",
           "named_figures", "restated_finding", "restated_statements",
           "restatement_conflicts", "restatement_finding", "restatement_pool", "slip",
           "stated_year", "years_apart"]

"""Checks that do the arithmetic a reader does (issue #17, points 2 and 3): change_mismatch,
share_sum, and sum_mismatch over enumerations without 其中.

Every figure stands for the interval its printed digits allow (``tolerance.py``: 5.2% is
[5.15, 5.25)); a rule computes the interval of what the other figures imply, by interval
arithmetic (each function used here is monotone in each argument, so the corners of the box
bound it), and flags only when the two intervals do not meet.

``change_mismatch`` (error)
    * a level, its absolute change and its growth: growth = change ÷ (level − change)
      (研发经费1250.6亿元，比上年增加98.3亿元，增长8.5%);
    * ``从A提高到B`` against a stated growth (B ÷ A − 1), a growth in 倍 (增长1.5倍: B ÷ A − 1),
      a multiple (翻一番, 是…的2倍: B ÷ A), an absolute change (B − A), a change in percentage
      points between two rates (由64.1%提高到65.3%，提高1.2个百分点: B − A), and an average
      annual growth when both years are stated (从2020年的…到2025年的…，年均增长…);
    the figures are found by the ``of`` links and by metric within a sentence (within a
    paragraph for a level stated just before), never by comparing all pairs. A growth at
    comparable prices (stated, or by the national-accounts convention: 生产总值, 增加值, 总产值)
    is not compared with current-price levels, nor a change against the start of the year
    with a growth over the same month of last year.

``share_sum`` (error)
    shares of the parts of one whole that add up to more than 100% beyond rounding (or, for
    a complete partition such as 三次产业结构 x:y:z, to other than 100%): ratios x:y:z of a
    结构, lists of parts each with its share in brackets (医院812.0万张（占78.8%），…), lists
    after a population (在…中，A占a%，B占b%) and the 第一、二、三产业 lists; and a share in such a
    list that its part and the list's total (named before 其中) contradict. A 分别 list
    (A、B分别占…) names the share of each item in its own whole and is not summed.

``sum_mismatch`` (error, extended)
    parts in a 分别 list right after their total (全年专利授权8.6万件，发明专利、实用新型、外观设计
    分别为…) cannot add up to more than the total, as parts after 其中 cannot.

What the rules read is public, for benchmarks and audits that plant errors where the checks
look: ``checked_triples``, ``checked_from_to`` (``FromTo``) and ``checked_share_lists``
(``ShareList`` of ``Share``), each with the check's own verdict where it has one.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property, lru_cache
from itertools import accumulate, count, pairwise
from operator import add
from typing import Any

from ..layout import SENTENCE_END
from ..models import Record
from ..scanning import alternation
from ..vocabulary import cue_pattern, load_vocabulary
from ..vocabulary.indicators import load_indicators
from .base import CheckInput, CheckSettings, Finding
from .figures import BASE_KINDS, _whole_for, parts_finding
from .figures import sum_mismatch as _sum_after_qizhong
from .metrics import metric_key
from .statements import periods_compatible
from .tolerance import record_interval

Interval = tuple[Decimal, Decimal]
HUNDRED = Decimal(100)
LEVEL_KINDS = (*BASE_KINDS, "rate", "share")
MAX_CLAUSE = 160  # a from…to statement and its growth stand within this many characters



@lru_cache(maxsize=1)
def _change_to() -> re.Pattern[str]:
    """从/由 A … 提高/增加/… 到/至 B: a change verb of the vocabulary (``change_verbs``), then the
    word that makes the figure after it the new level (``level_after_change``)."""
    vocabulary = load_vocabulary()
    return re.compile(f"(?:{alternation(vocabulary.change_verbs)})(?:了)?"
                      f"(?:{alternation(vocabulary.cues.level_after_change)})")
_CLAUSE_OR_FROM = re.compile(r"[，。；！？\n从由]")
_BASE = re.compile(r"(?:比|较|与)(?P<base>上年同期|上年末|上年底|上年|去年同期|去年|年初|上月末|上月|"
                      r"上季度|上季)|(?P<same>同比|环比)")
_BASE_CANON = {"上年同期": "year_ago", "上年": "year_ago", "去年同期": "year_ago", "去年": "year_ago",
               "同比": "year_ago", "上年末": "year_end", "上年底": "year_end", "年初": "year_end",
               "上月末": "month", "上月": "month", "环比": "month", "上季度": "quarter", "上季": "quarter"}
_THAN = re.compile(r"(?:比|较)(?:上年同期|上年末|上年|去年同期|去年)(?:[（(]|的)")
_YEAR = re.compile(r"(?:19|20)[0-9]{2}(?=年)")
_RATIO = re.compile(r"(?<![0-9.:：∶])([0-9]+(?:\.[0-9]+)?)\s*[:：∶]\s*([0-9]+(?:\.[0-9]+)?)"
                       r"(?:\s*[:：∶]\s*([0-9]+(?:\.[0-9]+)?))+(?![0-9.]|\s*[:：∶])")
_RATIO_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_STRUCTURE = re.compile(r"结构|比例|构成|之比")
_POPULATION = re.compile(r"(?<!集)中[，,]")  # 在…中，/其中， (not 集中，)
_SECTOR = re.compile(r"第([一二三])(?:次)?产业")
_SECTOR_LIST = re.compile(r"第一、(?:第)?二、(?:第)?三(?:次)?产业|一、二、三(?:次)?产业|三次产业")
_SHARE_BEFORE = re.compile(r"(?:占(?P<whole>[^，。；、（(]{0,30}?)?(?:的)?(?:比重|比例|份额)?"
                              r"(?:为|达到|达)?|占比(?:为|达到|达)?|比重(?:为|达到|达)?)$")


def _spans(records: Iterable[Record]) -> tuple[tuple[int, int], ...]:
    return tuple([(r.start, r.end) for r in records])


def _fmt(value: Decimal | float) -> str:
    if isinstance(value, Decimal) and not value.is_finite():
        return str(value)
    return f"{float(value):.4g}"


def _interval_text(interval: Interval) -> list[str]:
    return [_fmt(interval[0]), _fmt(interval[1])]


def _finite(*intervals: Interval) -> bool:
    return all(low.is_finite() and high.is_finite() for low, high in intervals)


def _meet(a: Interval, b: Interval) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _corners(function: Any, x: Interval, y: Interval) -> Interval | None:
    """The range of ``function`` (monotone in each argument) over the box x × y."""
    values = []
    for a in x:
        for b in y:
            try:
                values.append(function(a, b))
            except (ArithmeticError, ValueError, TypeError):  # 0, a root of a negative
                return None
    return min(values), max(values)


@lru_cache(maxsize=1)
def _real_endings() -> tuple[str, ...]:
    return tuple(load_indicators().real_growth_endings)


def _real_growth(level: Record, growth: Record) -> bool:
    """A growth at comparable prices: stated, or the national-accounts convention."""
    if growth.basis == "real":
        return True
    if growth.basis == "nominal":
        return False
    return any(ending in (level.metric or "") for ending in _real_endings())




def _positions(text: str, marks: str) -> array[int]:
    """Where any of ``marks`` stands in ``text``, in order (str.split: faster than a regex).
    The k-th mark of a kind stands after the first k pieces and k - 1 marks: the offsets
    are summed by iterators, with no Python step per mark. Kept as machine integers, as
    the marks are only searched by bisection: 8 bytes a mark, not 40 (a yearbook has
    hundreds of thousands, held while the checks run)."""
    found: list[int] = []
    for mark in marks:
        if mark in text:
            found.extend(map(add, accumulate(map(len, text.split(mark)[:-1])), count()))
    found.sort()
    return array("q", found)


def _text_of(view: CheckInput) -> ClauseMarks:
    """The marks of the document the checks are reading, scanned once for the three checks."""
    return view.clauses


class ClauseMarks:
    """Clause and sentence bounds of the text and the comparison base before a figure,
    found by bisection over the marks (scanned once)."""

    def __init__(self, text: str, records: list[Record], starts: list[int] | None = None) -> None:
        self.text = text
        self.records = records
        self.starts = [r.start for r in records] if starts is None else starts
        # the sentence ends (also what ``statements.Frames`` reads) and the line ends, each
        # found once; together, the clause marks
        self.sentence_ends = _positions(text, SENTENCE_END)
        self.paragraphs = _positions(text, "\n")
        self.marks = array("q", sorted(self.sentence_ends + self.paragraphs))  # two runs: one merge

    @cached_property
    def averages(self) -> list[int]:
        """Where each 年均 (an average-words cue) ends: asked only of a change or growth."""
        return [m.end() for m in cue_pattern("average_words").finditer(self.text)]

    def paragraph_of(self, offset: int) -> int:
        return bisect_right(self.paragraphs, offset)

    def sentence_of(self, offset: int) -> int:
        return bisect_right(self.marks, offset)

    def sentence_bounds(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self.marks, offset)
        start = self.marks[index - 1] + 1 if index else 0
        end = self.marks[index] if index < len(self.marks) else len(self.text)
        return start, end

    def between(self, a: Record, b: Record) -> list[Record]:
        return self.records[bisect_left(self.starts, a.end): bisect_left(self.starts, b.start)]

    def base(self, record: Record) -> str | None:
        """The comparison base just before a change or growth (比上年, 比年初, 同比…)."""
        floor = max(self.sentence_bounds(record.start)[0], record.start - 14)
        found = None
        for match in _BASE.finditer(self.text, floor, record.start):
            found = _BASE_CANON[match.group("base") or match.group("same")]
        return found

    def averaged(self, record: Record) -> bool:
        after = bisect_right(self.averages, record.start)
        return bool(after) and self.averages[after - 1] >= record.start - 6


def _bases_compatible(level: Record, change: Record, growth: Record, where: ClauseMarks) -> bool:
    """比年初 and 同比 are one base only at the end of a year (a bulletin's year-end stock)."""
    base_change, base_growth = where.base(change), where.base(growth)
    if base_change is None or base_growth is None or base_change == base_growth:
        return True
    if {base_change, base_growth} == {"year_ago", "year_end"}:
        end = level.period_end
        return end is None or (end.month == 12 and end.day == 31)
    return False


def _growth_interval(level: Interval, change: Interval, unit: str) -> Interval | None:
    """growth = change ÷ (level − change), in % or in 倍."""
    if level[0] - change[1] <= 0:
        return None  # the earlier level could be nothing: no bound
    scale = HUNDRED if unit == "%" else Decimal(1)
    return _corners(lambda lv, ch: ch / (lv - ch) * scale, level, change)


def _finding(rule: str, message: str, records: list[Record], evidence: dict[str, Any],
             severity: str = "error") -> Finding:
    ordered = sorted(records, key=lambda r: r.start)
    return Finding("change_mismatch", severity, message,  # type: ignore[arg-type]
                   tuple(r.id for r in ordered), _spans(ordered), {"rule": rule, **evidence})


# ---------------------------------------------------------------- change_mismatch: triples
_COUNTED_ENDINGS = ("人次", "人数", "户数", "个数", "数")


@lru_cache(maxsize=1 << 14)
def _lookup_keys(metric: str) -> tuple[str, ...]:
    """A level's name, and without the word for what it counts (入院人次 → 入院: 与上年比较，
    入院增加1004.7万人次)."""
    key = metric_key(metric)
    if not key.endswith(_COUNTED_ENDINGS):
        return (key,)  # most names: one test of all the endings at once
    for ending in _COUNTED_ENDINGS:
        if key.endswith(ending) and len(key) > len(ending) + 1:
            return key, key[: -len(ending)]
    return (key,)


def _triples(view: CheckInput, where: ClauseMarks) -> list[tuple[Record, Record, Record]]:
    """(level, change, growth) of one indicator: by the ``of`` links, and by metric within a
    sentence (or for a level stated just before in its paragraph: 与上年比较，X增加…（增长…）)."""
    records = view.records
    by_id = view.by_id
    changes: dict[str, list[Record]] = defaultdict(list)
    growths: dict[str, list[Record]] = defaultdict(list)
    last_level: dict[tuple[int, str], Record] = {}
    # the names a change or growth without an ``of`` link looks its level up by: only levels
    # with one of them are kept (most levels have no change next to them)
    wanted = {metric_key(r.metric) for r in records
              if r.kind in ("change", "growth") and not r.of and r.metric and r.metric_from != "list"}
    for record in records:
        if (wanted and record.kind in BASE_KINDS and record.metric
                and record.metric_from != "list"):
            keys = _lookup_keys(record.metric)
            if not wanted.isdisjoint(keys):
                paragraph = where.paragraph_of(record.start)
                for key in keys:
                    if key in wanted:
                        last_level[(paragraph, key)] = record
        if record.kind not in ("change", "growth"):
            continue
        level = by_id.get(record.of) if record.of else None
        if level is None and record.metric and record.metric_from != "list":
            # the same metric stated before in the paragraph (a level, then 与上年比较，…增加…)
            level = last_level.get((where.paragraph_of(record.start), metric_key(record.metric)))
            if level is not None and not periods_compatible(level, record):
                level = None
        if level is None or level.kind not in BASE_KINDS or level.start > record.start:
            continue
        (changes if record.kind == "change" else growths)[level.id].append(record)
    triples = []
    for level_id, found in changes.items():
        level = by_id[level_id]
        # 总诊疗人次87.3亿，比上年增加4.2亿人次: the change's unit names the level's too
        change = next((c for c in found if c.unit == level.unit or not level.unit), None)
        if change is None:
            continue
        for growth in growths.get(level_id, ()):
            if growth.unit in ("%", "倍"):
                triples.append((level, change, growth))
                break
    return triples


def _triple_intervals(level: Record, change: Record, growth: Record, where: ClauseMarks
                      ) -> tuple[tuple[Interval, Interval, Interval], Interval] | None:
    """The intervals of the three figures and of the growth they imply, when comparable."""
    if (where.averaged(growth) or _real_growth(level, growth)
            or not _bases_compatible(level, change, growth, where)):
        return None
    intervals = record_interval(level), record_interval(change), record_interval(growth)
    if not _finite(*intervals):
        return None
    computed = _growth_interval(intervals[0], intervals[1], growth.unit)
    return None if computed is None else (intervals, computed)


def checked_triples(view: CheckInput) -> list[tuple[Record, Record, Record]]:
    """The (level, change, growth) triples that change_mismatch checks in a document."""
    where = _text_of(view)
    return [triple for triple in _triples(view, where)
            if _triple_intervals(*triple, where) is not None]


def _check_triple(level: Record, change: Record, growth: Record, where: ClauseMarks,
                  counts: dict[str, int]) -> Finding | None:
    found = _triple_intervals(level, change, growth, where)
    if found is None:
        return None
    intervals, computed = found
    counts["triples"] += 1
    if _meet(computed, intervals[2]):
        return None
    point = change.value / (level.value - change.value) * (HUNDRED if growth.unit == "%" else 1)
    return _finding(
        "growth = change ÷ (level − change), with the printed precision of all three",
        f"{level.metric} {level.surface} with a change of {change.surface} means a growth of "
        f"{_fmt(point)}{growth.unit} ({_fmt(computed[0])}–{_fmt(computed[1])}), not "
        f"{_fmt(growth.value)}{growth.unit} ({growth.surface}).",
        [level, change, growth],
        {"level": str(level.value), "change": str(change.value), "growth": str(growth.value),
         "computed": _fmt(point), "computed_interval": _interval_text(computed),
         "stated_interval": _interval_text(intervals[2]),
         "intervals": {"level": _interval_text(intervals[0]),
                       "change": _interval_text(intervals[1])}})


# ------------------------------------------------------------- change_mismatch: from … to …
def _from_to_pairs(view: CheckInput, where: ClauseMarks
                   ) -> list[tuple[Record, Record, list[Record], int]]:
    """(A, B, the figures after B in its clause run, the match start) of each 从A提高到B."""
    text, records = view.text, view.records
    found = []
    for match in _change_to().finditer(text):
        # 从/由 A 提高到: the last 从 or 由 before the verb, within 40 characters of one clause
        floor = max(0, match.start() - 41)
        if text.find("从", floor, match.start()) < 0 and text.find("由", floor, match.start()) < 0:
            continue  # (most verbs: no 从 or 由 before them to look for marks after)
        marks = list(_CLAUSE_OR_FROM.finditer(text, floor, match.start()))
        if not marks or marks[-1].group(0) not in "从由" or match.start() - marks[-1].end() < 1:
            continue
        a_start, to_end = marks[-1].end(), match.end()
        first = bisect_left(where.starts, a_start)
        froms = [r for r in records[first: bisect_left(where.starts, match.start())]
                 if r.kind in LEVEL_KINDS and r.start >= a_start]
        if len(froms) != 1:
            continue  # 分别 pairs (从A1和A2分别提高到B1和B2) are left alone
        start_a = froms[0]
        _, end = where.sentence_bounds(to_end)
        position = bisect_left(where.starts, to_end)
        if position >= len(records) or records[position].start >= end:
            continue
        end_b = records[position]
        if end_b.kind not in LEVEL_KINDS or end_b.unit != start_a.unit:
            continue
        if text[to_end: end_b.start].count("，") or len(text[to_end: end_b.start]) > 16:
            continue
        after = []
        for index in range(position + 1, len(records)):
            record = records[index]
            if record.start >= end or record.start > end_b.end + MAX_CLAUSE:
                break
            if text.find("从", end_b.end, record.start) >= 0 or text.find(
                    "由", end_b.end, record.start) >= 0:
                break  # the next from…to statement
            after.append(record)
        found.append((start_a, end_b, after, marks[-1].start()))
    # B，比上年（A）下降X个百分点 / B，比上年的A增长X%: the earlier value stated in passing
    for match in _THAN.finditer(text):
        position = bisect_left(where.starts, match.end())
        if position == 0 or position >= len(records):
            continue
        start_a, end_b = records[position], records[position - 1]
        if (start_a.start - match.end() > 1 or start_a.kind not in LEVEL_KINDS
                or end_b.kind not in LEVEL_KINDS or end_b.unit != start_a.unit
                or text[end_b.end: match.start()] not in ("，", ",", "")
                or where.sentence_of(end_b.start) != where.sentence_of(start_a.start)):
            continue
        _, end = where.sentence_bounds(start_a.start)
        after = [r for r in records[position + 1: position + 4] if r.start < end]
        found.append((start_a, end_b, after, match.start()))
    return found


def _describes(record: Record, a: Record, b: Record) -> bool:
    if record.of in (a.id, b.id):
        return True
    if record.of is not None or record.metric_from == "list" or not record.metric:
        return False
    return metric_key(record.metric) in (metric_key(a.metric), metric_key(b.metric))


def _years(a: Record, b: Record, text: str, at: int) -> int | None:
    """The years between A and B when the text states both (从2020年的…到2025年的…)."""
    year_a = _YEAR.search(a.period or "") if a.period_from == "text" else None
    year_b = _YEAR.search(b.period or "") if b.period_from == "text" else None
    if year_a is None:
        year_a = _YEAR.search(text, at, a.start)
    if year_b is None:
        year_b = _YEAR.search(text, a.end, b.start)
    if year_a is None or year_b is None:
        return None
    years = int(year_b.group(0)) - int(year_a.group(0))
    return years if years > 0 else None


def _check_from_to(a: Record, b: Record, described: Record, where: ClauseMarks, at: int,
                   counts: dict[str, int]) -> Finding | None:
    ia, ib, stated = record_interval(a), record_interval(b), record_interval(described)
    if not _finite(ia, ib, stated) or (ia[0] <= 0 or ib[0] < 0) and described.kind not in (
            "change_pp", "change"):
        return None
    kind, unit = described.kind, described.unit
    rule: str
    if kind == "change_pp" or (kind == "change" and unit == a.unit):
        if kind == "change_pp" and a.unit != "%":
            return None
        if where.averaged(described):
            # 由36.0％下降到24.0％，…平均每年上升1.2个百分点: a change a year on average, over
            # the years the text states (none stated: nothing to compute)
            years = _years(a, b, where.text, at)
            if years is None:
                return None
            computed = _corners(lambda x, y: (y - x) / years, ia, ib)
            rule = f"average annual change = (B − A) ÷ {years}"
            point = (b.value - a.value) / years
        else:
            computed = _corners(lambda x, y: y - x, ia, ib)
            rule = "change = B − A"
            point = b.value - a.value
    elif kind == "multiple" and unit == "倍":
        computed = _corners(lambda x, y: y / x, ia, ib)
        rule = "multiple = B ÷ A"
        point = b.value / a.value
    elif kind == "growth" and unit == "倍":
        computed = _corners(lambda x, y: y / x - 1, ia, ib)
        rule = "growth in 倍 = B ÷ A − 1"
        point = b.value / a.value - 1
    elif kind == "growth" and unit == "%" and a.unit != "%":
        if _real_growth(b, described):
            return None
        if where.averaged(described):
            years = _years(a, b, where.text, at)
            if years is None:
                return None
            computed = _corners(lambda x, y: Decimal(
                (float(y) / float(x)) ** (1 / years) - 1) * HUNDRED, ia, ib)
            rule = f"average annual growth = (B ÷ A)^(1/{years}) − 1"
            point = Decimal((float(b.value) / float(a.value)) ** (1 / years) - 1) * HUNDRED
        else:
            computed = _corners(lambda x, y: (y / x - 1) * HUNDRED, ia, ib)
            rule = "growth = B ÷ A − 1"
            point = (b.value / a.value - 1) * HUNDRED
    else:
        return None
    if computed is None:
        return None
    counts["from_to"] += 1
    if _meet(computed, stated):
        return None
    evidence: dict[str, Any] = {
        "from": str(a.value), "to": str(b.value), "stated": str(described.value),
        "computed": _fmt(point), "computed_interval": _interval_text(computed),
        "stated_interval": _interval_text(stated),
        "intervals": {"from": _interval_text(ia), "to": _interval_text(ib)}}
    if kind == "growth" and unit == "倍":
        loose = _corners(lambda x, y: y / x, ia, ib)
        if loose is not None and _meet(loose, stated):
            # 增长1.5倍 for B = 1.5 × A: the common slip of 增长…倍 for 是…倍; a note, no alarm
            return _finding(rule, f"{described.surface} reads as B = {1 + described.value} × A; "
                            f"{b.surface} ÷ {a.surface} = {_fmt(b.value / a.value)}: the text "
                            f"means 是…倍 (a note).", [a, b, described],
                            {**evidence, "loose_reading": True}, severity="info")
    return _finding(
        rule, f"{a.metric} from {a.surface} to {b.surface} means {_fmt(point)}"
              f"{'' if kind == 'change' else unit} ({_fmt(computed[0])}–{_fmt(computed[1])}), "
              f"not {_fmt(described.value)}{unit} ({described.surface}).", [a, b, described],
        evidence)


@dataclass(frozen=True)
class FromTo:
    """A from…to statement change_mismatch checks (从A提高到B，增长X%; B，比上年（A）…): the
    level it starts from, the level it reaches, and the change, growth or multiple stated for
    them. ``averaged``: the stated figure is an average over years (年均增长), computed over
    the years the text gives; ``finding``: what the check said (None when the figures agree,
    an info note for 增长…倍 written for 是…倍, an error when they disagree)."""

    from_level: Record
    to_level: Record
    described: Record
    averaged: bool
    finding: Finding | None

    @property
    def holds(self) -> bool:
        """The printed figures agree (an info note is no disagreement)."""
        return self.finding is None or self.finding.severity == "info"


def _from_to_checks(view: CheckInput, where: ClauseMarks, counts: dict[str, int]
                    ) -> list[FromTo]:
    """Each from…to statement the check compares: the first figure after B that describes the
    pair is its growth (or change, or multiple); pairs it cannot compare are left out."""
    checked = []
    for a, b, after, at in _from_to_pairs(view, where):
        for described in after:
            if described.kind in ("growth", "multiple", "change", "change_pp") and _describes(
                    described, a, b):
                compared = counts["from_to"]
                finding = _check_from_to(a, b, described, where, at, counts)
                if counts["from_to"] > compared:
                    checked.append(FromTo(a, b, described, where.averaged(described), finding))
                break  # the first figure describing the pair is its growth
    return checked


def checked_from_to(view: CheckInput) -> list[FromTo]:
    """The from…to statements that change_mismatch compares in a document, with its verdict
    on each (the records carry their spans and values)."""
    return _from_to_checks(view, _text_of(view), {"from_to": 0})


def change_mismatch(view: CheckInput, settings: CheckSettings) -> list[Finding]:
    """Level, change and growth of one indicator that the printed precisions cannot
    reconcile (see the module docstring). The evidence gives the interval computed from the
    other figures and the interval the stated figure allows."""
    findings, _ = change_mismatch_counted(view)
    return findings


def change_mismatch_counted(view: CheckInput) -> tuple[list[Finding], dict[str, int]]:
    """The findings and how many statements were checked (``triples``, ``from_to``)."""
    where = _text_of(view)
    counts = {"triples": 0, "from_to": 0}
    findings = []
    for level, change, growth in _triples(view, where):
        finding = _check_triple(level, change, growth, where, counts)
        if finding is not None:
            findings.append(finding)
    findings += [checked.finding for checked in _from_to_checks(view, where, counts)
                 if checked.finding is not None]
    return findings, counts


# ------------------------------------------------------------------------------- share_sum
@dataclass(frozen=True)
class Share:
    """One printed share of a list: its half-open span in the text, its value in percent, and
    its record (None for a number of a ratio x:y:z, which the extractor does not record)."""

    start: int
    end: int
    value: Decimal
    record: Record | None = None


@dataclass(frozen=True)
class ShareList:
    """Shares of the parts of one whole that share_sum adds up: ``complete`` when the parts
    make the whole (三次产业, a 结构 x:y:z: the sum must reach 100 too), ``rule`` the rule the
    check applies to it, ``finding`` what the check said (None when the sum can be right)."""

    shares: tuple[Share, ...]
    complete: bool
    rule: str
    finding: Finding | None

    @property
    def holds(self) -> bool:
        return self.finding is None


def _share_finding(message: str, records: list[Record], spans: tuple[tuple[int, int], ...],
                   evidence: dict[str, Any], severity: str = "error") -> Finding:
    return Finding("share_sum", severity, message,  # type: ignore[arg-type]
                   tuple(r.id for r in records), spans, evidence)


def _sum_intervals(intervals: list[Interval]) -> Interval:
    return sum((i[0] for i in intervals), Decimal(0)), sum((i[1] for i in intervals), Decimal(0))


def _check_sum(parts: list[Interval], complete: bool) -> bool:
    """Whether shares of disjoint parts can be right: their sum reaches no more than 100
    (and, for a complete partition, can reach 100)."""
    low, high = _sum_intervals(parts)
    if low > HUNDRED:
        return False
    return not (complete and high < HUNDRED)


def _ratio_matches(text: str) -> list[re.Match[str]]:
    """The ratios x:y:z of a text, looked for only at its colons (a regex tried at every digit
    of a long report is slow)."""
    found: list[re.Match[str]] = []
    done = -1
    for colon in _positions(text, ":：∶"):
        if colon < done or colon == 0:
            continue
        start = colon
        while start > 0 and colon - start < 16 and (text[start - 1].isdigit()
                                                     or text[start - 1] in ". "):
            start -= 1
        while start < colon and text[start] in ". ":
            start += 1
        match = _RATIO.match(text, start)
        if match is not None:
            found.append(match)
            done = match.end()
    return found


def _ratio_lists(view: CheckInput, where: ClauseMarks) -> list[ShareList]:
    """三次产业结构 x:y:z (or another 结构/比例 of three or more parts in percent)."""
    text = view.text
    found = []
    for match in _ratio_matches(text):
        start, _ = where.sentence_bounds(match.start())
        if not _STRUCTURE.search(text, max(start, match.start() - 40), match.start()):
            continue
        numbers = list(_RATIO_NUMBER.finditer(text, match.start(), match.end()))
        values = [Decimal(n.group(0)) for n in numbers]
        total = sum(values, Decimal(0))
        if len(values) < 3 or not Decimal(80) <= total <= Decimal(120):
            continue  # a ratio like 1:2:7, not percentages
        halves = [Decimal(1).scaleb(-len(n.group(0).split(".")[1]) if "." in n.group(0)
                                    else 0) / 2 for n in numbers]
        intervals = [(v - h, v + h) for v, h in zip(values, halves)]
        low, high = _sum_intervals(intervals)
        spans = tuple((n.start(), n.end()) for n in numbers)
        rule = "the parts of a structure x:y:z add up to 100 within rounding"
        evidence = {"shares": [str(v) for v in values], "sum": str(total),
                    "allowed_sum": [str(low), str(high)], "complete": True, "rule": rule}
        finding = None
        if not (low <= HUNDRED <= high or (low < HUNDRED < high)):
            finding = _share_finding(
                f"The structure {match.group(0)} adds up to {total}, not 100 "
                f"(rounding allows {low}–{high}).", [], spans, evidence)
        found.append(ShareList(tuple(Share(start, end, value) for (start, end), value
                                     in zip(spans, values)), True, rule, finding))
    return found


def _bracket_lists(view: CheckInput, where: ClauseMarks) -> list[list[tuple[Record, Record]]]:
    """Parts each followed by its share in brackets (医院812.0万张（占78.8%）), consecutive in
    one sentence: [(part, share), …]."""
    text, records = view.text, view.records
    by_id = view.by_id
    lists: list[list[tuple[Record, Record]]] = []
    current: list[tuple[Record, Record]] = []
    for share in records:
        if share.kind != "share" or share.unit != "%" or share.of is None:
            continue
        part = by_id.get(share.of)
        if part is None or part.kind not in BASE_KINDS or not re.match(
                r"[（(]占", text[part.end: share.start]):
            continue
        if current:
            last_part, last_share = current[-1]
            gap = text[last_share.end: part.start]
            if (where.sentence_of(part.start) != where.sentence_of(last_part.start)
                    or "其中" in gap or part.unit != last_part.unit
                    or any(r.kind == part.kind and r.unit == part.unit
                           for r in where.between(last_share, part))):
                lists.append(current)
                current = []
        current.append((part, share))
    if current:
        lists.append(current)
    return [items for items in lists if len(items) >= 2]


def _whole_name(text: str, share: Record) -> str:
    match = _SHARE_BEFORE.search(text, max(0, share.start - 40), share.start)
    return (match.group("whole") or "") if match else ""


def _list_total(parts: list[Record], view: CheckInput, where: ClauseMarks) -> Record | None:
    """The total a list breaks down: the nearest figure of the parts' unit and kind before the
    first part in its sentence, with 其中 (or a colon) between them."""
    first = parts[0]
    start, _ = where.sentence_bounds(first.start)
    position = bisect_left(where.starts, first.start)
    for record in reversed(view.records[max(0, position - 6): position]):
        if record.start < start:
            return None
        if record.kind == first.kind and record.unit == first.unit:
            gap = view.text[record.end: first.start]
            if "其中" in gap or "：" in gap:
                return record
            return None
    return None


def _population_lists(view: CheckInput, where: ClauseMarks) -> list[list[Record]]:
    """在…中，A占a%，B占b%…: after a population, each clause one part and its share. A
    clause with two shares (占66.5％和95.4％) is a 分别 pair, a 分别 clause names each
    item's own whole, and a share of a named whole (占同类机构的) is no part of the
    population: each of these ends the list."""
    text = view.text
    lists = []
    by_sentence: dict[int, list[Record]] = defaultdict(list)
    for record in view.records:
        if record.kind == "share" and record.unit == "%":
            by_sentence[where.sentence_of(record.start)].append(record)
    for shares in by_sentence.values():
        if len(shares) < 2:
            continue
        start, _ = where.sentence_bounds(shares[0].start)
        head = text[start: shares[0].start]
        if not _POPULATION.search(head):
            continue
        run: list[Record] = []
        for index, share in enumerate(shares):
            clause_start = max(text.rfind("，", start, share.start),
                               text.rfind("、", start, share.start), start)
            clause = text[clause_start: share.start]
            following = shares[index + 1] if index + 1 < len(shares) else None
            paired = following is not None and text[share.end: following.start].strip() in (
                "和", "、", "及")
            item = (share.of is None and re.search(r"占(?:比)?(?:为|达)?$", clause) is not None
                    and "分别" not in clause and not paired and not _whole_name(text, share)
                    and (not run or text.find("，", run[-1].end, share.start) >= 0))
            if item:
                run.append(share)
                continue
            if len(run) >= 2:
                lists.append(run)
            run = []
        if len(run) >= 2:
            lists.append(run)
    return lists


def _sector_lists(view: CheckInput, where: ClauseMarks) -> list[list[Record]]:
    """Shares of the first, second and third sectors in one sentence (第一、二、三次产业增加值
    占…比重为a、b和c; 第一产业…比重为a，第二产业…为b，第三产业…为c)."""
    text = view.text
    by_sentence: dict[int, list[Record]] = defaultdict(list)
    for record in view.records:
        if record.kind == "share" and record.unit == "%":
            by_sentence[where.sentence_of(record.start)].append(record)
    lists = []
    for shares in by_sentence.values():
        if len(shares) < 2:
            continue
        start, _ = where.sentence_bounds(shares[0].start)
        head = text[start: shares[0].start]
        if _SECTOR_LIST.search(head) and len(shares) == 3 and all(
                re.fullmatch(r"[、，和及]", text[x.end: y.start].strip() or "、")
                for x, y in pairwise(shares)):
            lists.append(shares)
            continue
        sectors: list[str] = []
        previous = start
        for share in shares:
            found = _SECTOR.findall(text, previous, share.start)
            previous = share.end
            if len(found) != 1:
                sectors = []
                break
            sectors.append(found[0])
        if sectors == ["一", "二", "三"]:
            lists.append(shares)
    return lists


def share_sum(view: CheckInput, settings: CheckSettings) -> list[Finding]:
    """Shares of the parts of one whole that add to more than 100% beyond rounding, and
    shares in such a list that the list's total and the part contradict."""
    findings, _ = share_sum_counted(view, settings)
    return findings


def share_sum_counted(view: CheckInput, settings: CheckSettings
                      ) -> tuple[list[Finding], dict[str, int]]:
    where = _text_of(view)
    counts = {"share_lists": 0, "part_whole": 0}
    ratios = _ratio_lists(view, where)
    findings = [found.finding for found in ratios if found.finding is not None]
    brackets = _bracket_lists(view, where)
    for items in brackets:
        findings.extend(_part_whole(items, view, where, settings, counts))
    lists = _record_share_lists(view, where, brackets)
    findings += [found.finding for found in lists if found.finding is not None]
    counts["share_lists"] = len(ratios) + len(lists)
    return findings, counts


def checked_share_lists(view: CheckInput) -> list[ShareList]:
    """The share lists that share_sum adds up in a document (the ratios of a 结构 first, then
    the bracketed, population and sector lists), with its verdict on each."""
    where = _text_of(view)
    return _ratio_lists(view, where) + _record_share_lists(view, where,
                                                           _bracket_lists(view, where))


def _record_share_lists(view: CheckInput, where: ClauseMarks,
                        brackets: list[list[tuple[Record, Record]]]) -> list[ShareList]:
    """The lists of recorded shares share_sum adds up: a list that shares a figure with one
    before it, names shares of different wholes or has an unbounded share is left out."""
    seen: set[str] = set()
    lists: list[tuple[list[Record], bool, str]] = []
    for items in brackets:
        lists.append(([share for _, share in items], False, "bracketed shares of the parts"))
    lists += [(run, False, "shares of a population's parts") for run in
              _population_lists(view, where)]
    lists += [(run, True, "shares of the three sectors") for run in _sector_lists(view, where)]
    checked = []
    for shares, complete, rule in lists:
        if any(s.id in seen for s in shares):
            continue
        seen.update(s.id for s in shares)
        names = {_whole_name(view.text, s) for s in shares} - {""}
        if len(names) > 1:
            continue  # shares of different wholes
        intervals = [record_interval(s) for s in shares]
        if any(not i[1].is_finite() for i in intervals):
            continue
        low, high = _sum_intervals(intervals)
        total = sum((s.value for s in shares), Decimal(0))
        stated = f"{rule} add up to at most 100" + (" and at least 100" if complete else "")
        evidence = {"shares": [str(s.value) for s in shares], "sum": str(total),
                    "allowed_sum": [str(low), str(high)], "complete": complete, "rule": stated}
        finding = None
        if not _check_sum(intervals, complete):
            finding = _share_finding(
                f"The shares {'、'.join(s.surface for s in shares)} of one whole add up to "
                f"{total}% (rounding allows {low}–{high}), "
                f"{'more' if low > HUNDRED else 'less'} than 100%.",
                shares, _spans(shares), evidence)
        checked.append(ShareList(tuple(Share(s.start, s.end, s.value, s) for s in shares),
                                 complete, stated, finding))
    return checked


def _part_whole(items: list[tuple[Record, Record]], view: CheckInput, where: ClauseMarks,
                settings: CheckSettings, counts: dict[str, int]) -> list[Finding]:
    """A bracketed share of a part against the list's total (医疗卫生机构床位946.3万张，
    其中：医院742.5万张（占78.5%）): part ÷ total, unless share_mismatch already finds a
    whole named after 占."""
    parts = [part for part, _ in items]
    total = _list_total(parts, view, where)
    if total is None:
        return []
    findings = []
    for part, share in items:
        share_position = bisect_left(where.starts, share.start)
        if _whole_for(share, part, view.records[max(0, share_position - 60): share_position],
                      view.text) is not None:
            continue  # share_mismatch checks it
        names = _whole_name(view.text, share)
        if names and metric_key(names) != metric_key(total.metric):
            continue  # the share of another whole (占医院总诊疗人次的…)
        ip, it, is_ = record_interval(part), record_interval(total), record_interval(share)
        if not _finite(ip, it, is_) or it[0] <= 0:
            continue
        computed = _corners(lambda p, w: p / w * HUNDRED, ip, it)
        if computed is None:
            continue
        counts["part_whole"] += 1
        point = part.value / total.value * HUNDRED
        evidence = {"part": str(part.value), "whole": str(total.value), "share": str(share.value),
                    "computed": _fmt(point), "computed_interval": _interval_text(computed),
                    "stated_interval": _interval_text(is_),
                    "rule": "part ÷ the list's total × 100, with the printed precision of all "
                            "three"}
        if _meet(computed, is_):
            continue
        findings.append(_share_finding(
            f"{part.metric} {part.surface} is {_fmt(point)}% of {total.metric} "
            f"{total.surface}, not {share.surface}.", [total, part, share],
            _spans([total, part, share]), evidence))
    return findings


# ------------------------------------------------------------ sum_mismatch: 分别 enumerations
_RESPECTIVELY = re.compile(r"分别(?:为|是|达到|达|有|完成|实现)?")


_TOTAL_WORDS = re.compile(r"总|合计|共|累计")


def _states_a_total(total: Record, parts: list[Record], text: str) -> bool:
    """Without 其中, a figure is the whole of a 分别 list only when it says it is a total
    (专利授权总量, 共有, 合计) or the parts are named as kinds of it (专利授权量 → 发明专利授权量);
    新建、重组8家重点实验室，国家级、部级创新平台分别达到17家、146家 lists other figures."""
    if total.metric_from != "before":
        return False
    if _TOTAL_WORDS.search(total.metric) or _TOTAL_WORDS.search(
            text, max(0, total.start - 3), total.start):
        return True
    key = metric_key(total.metric)
    return len(key) >= 2 and all(metric_key(p.metric).endswith(key[-2:]) for p in parts)


def sum_mismatch(view: CheckInput, settings: CheckSettings) -> list[Finding]:
    """Parts after 其中 (``figures.sum_mismatch``), and parts in a 分别 list in the clause
    right after their total (total，A、B、C分别为a、b、c): their sum cannot exceed it."""
    findings = _sum_after_qizhong(view, settings)
    covered = {f.record_ids[0] for f in findings if f.record_ids}
    text, records = view.text, view.records
    where = _text_of(view)
    for match in _RESPECTIVELY.finditer(text):
        position = bisect_left(where.starts, match.end())
        sentence_start, sentence_end = where.sentence_bounds(match.start())
        parts: list[Record] = []
        for index in range(position, len(records)):
            record = records[index]
            if record.start >= sentence_end:
                break
            gap = text[parts[-1].end: record.start] if parts else text[match.end(): record.start]
            if parts and gap not in ("、", "和", "及", "，", ","):
                break
            if not parts and gap.strip():
                break
            parts.append(record)
        if len(parts) < 2 or any(p.kind not in BASE_KINDS or p.qualifier != "exact"
                                 or p.unit != parts[0].unit or p.kind != parts[0].kind
                                 or p.metric_from != "list" for p in parts):
            continue
        # the total: the figure of the parts' unit and kind in the clause just before the list
        names_start = text.rfind("，", sentence_start, match.start())
        if names_start < 0 or "其中" in text[names_start: match.start()]:
            continue
        before = bisect_left(where.starts, names_start)
        if before == 0:
            continue
        total = records[before - 1]
        if (total.start < sentence_start or total.kind != parts[0].kind
                or total.unit != parts[0].unit or total.id in covered or not total.metric
                or text.rfind("，", total.end, names_start) >= 0 or total.qualifier != "exact"
                or not _states_a_total(total, parts, text)):
            continue
        finding = parts_finding(total, parts, "parts in a 分别 list after their total cannot add "
                                              "up to more than the total", settings)
        if finding is not None:
            findings.append(finding)
    return findings


def arithmetic_counts(view: CheckInput, settings: CheckSettings | None = None
                      ) -> dict[str, int]:
    """How many statements the two rules checked in a document (for the audit)."""
    settings = settings or CheckSettings()
    _, changes = change_mismatch_counted(view)
    _, shares = share_sum_counted(view, settings)
    return {**changes, **shares}


__all__ = ["FromTo", "Share", "ShareList", "arithmetic_counts", "change_mismatch",
           "checked_from_to", "checked_share_lists", "checked_triples", "share_sum",
           "sum_mismatch"]

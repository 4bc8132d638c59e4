"""Stage 2a': tables that arrive one cell per line, read back as rows ``a|b|c``.

``pdftotext`` without ``-layout`` and text copied from a browser write a table one cell a line:
the header cells, then each row's heading and its values, and an empty cell leaves no line at
all. :func:`cell_rows` finds such tables by their shape and writes each row back as one logical
line whose text is ``a|b|c``: each cell as its line reads, and the line break after a cell read
as the ``|`` between cells (so every offset still maps to the source).

The shape, read line by line:

- a *cell* is a short line right under the line before it, without sentence punctuation (or a
  run of short pieces a PDF copy merged into one line: ``合计  养老机构  儿童福利机构``); a
  table's title (``表3``, ``图2``) and its ``单位：亿元`` note are not cells;
- a *value* cell is a number, with a unit or not (``减少0.68个百分点`` too), or a dash for no
  value; a cell of several numbers apart (``7.4     6.9``) is cells a copy merged (the table
  rules name none of those numbers after the row); every other cell is a *label*;
- a *row* is a label (its heading), the label in the column of units when the header has a
  ``单位`` cell, and its values; most rows of a table have the same number of values;
- the *header* is the cells above the first row: one row, with or without a cell over the row
  headings; or a row of column groups over a row of years (``| 1985 | 1995 | 1985 | 1995``);
- a label alone between two rows (``一、规模以上工业``, ``全部工业中：``), without a number in
  it, is a *section row*, read as a row of one cell, as ``一、规模以上工业 |  |`` is.

What one cell a line cannot say is left unread: a row with fewer values than the table has
columns lost its empty cells, and which columns its values stand in is not known, so the row is
not read (its values would otherwise take another column's heading, unit or year). A wrong
value is worse than a missed one.

The scan is linear in the lines: a line's kind is found once, and a table is tried at each row
with at most a few rows read ahead before it is kept or given up.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

import regex

from .layout import TABLE_TITLE, UNIT_HEADING, UNIT_NOTE, LogicalLine
from .vocabulary import load_vocabulary

# (a change may be written with its verb: 减少0.68个百分点)
_VALUE_CELL = regex.compile(
    r"^(?:(?:增加|减少|提高|降低|上升|下降|增长)?[-+−]?[0-9][0-9,]*(?:\.[0-9]+)?\s*(?:%|‰|[^\s0-9.、．)）][^\s0-9]{0,5})?|[—–\-－…/×x]{1,2})$")
NUMBER = r"[-+−]?[0-9][0-9,]*(?:\.[0-9]+)?[%‰]?"  # a value cell's number (stacked.py too)
MERGED_VALUES = regex.compile(rf"^{NUMBER}(?:\s+{NUMBER})+$")  # 7.4     6.9, 34  4  23 5 2
_CELL_MAX = 24
_SENTENCE_MARKS = frozenset("。；，！？")
_YEAR_HEADING = regex.compile(r"^(?:19|20)[0-9]{2}\s*年")  # 2021年, 1995年产量
_BARE_YEAR = regex.compile(r"^(?:19|20)[0-9]{2}$")  # a header cell 1995 over a column
_WORD_AFTER_NUMBER = regex.compile(r"^[0-9]+\s*(\p{Han}+)$")  # 90年代出厂, 60岁及以上
_DIGIT = regex.compile(r"[0-9]")
_WIDE_GAP = regex.compile(r"\s{2,}|\t")
# a row of a table's outline: 一、工业, （二）按产业分, 其中：, 全部工业中：
_SECTION = regex.compile(r"^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[0-9]{1,2}\s*[.．、](?![0-9])|[（(][一二三四五六七八九十0-9]{1,3}[)）]|其中)|[：:]$")
# a heading over values, not over row headings: 按资产总额计算(%), 1995年
_VALUE_HEADING = regex.compile(r"[（(][^（）()]{1,8}[)）]$|^(?:19|20)[0-9]{2}\s*年?")
# a cell of single characters set apart to fill its width: 单 位, 其中：粮 食
_SPACED_CELL = regex.compile(r"(?:^|(?<=[：:]))\p{Han}(?: +\p{Han})+$")

_OUT, _LABEL, _VALUE, _MERGED, _PIPED = range(5)
_LOOKAHEAD = 8  # rows read to find a table's number of columns before it is kept


def _merged_labels(text: str) -> bool:
    """Short labels a PDF copy merged into one line, set apart by wide gaps."""
    pieces = text.split()
    return (len(pieces) >= 2 and _WIDE_GAP.search(text) is not None
            and all(len(piece) <= _CELL_MAX for piece in pieces))


def _kind(line: LogicalLine) -> int:
    text = line.text
    if line.blank_before:
        return _OUT
    if "|" in text:  # a section row written with its empty cells (全部工业中： |  |  |) stays one
        first, *others = text.split("|")
        return _PIPED if (first.strip() and len(first) <= _CELL_MAX and not _SENTENCE_MARKS.intersection(first)
                          and not any(cell.strip() for cell in others)) else _OUT
    if len(text) > _CELL_MAX:  # (a paragraph, most often: told at once)
        if MERGED_VALUES.match(text):
            return _MERGED
        if (("  " in text or "\t" in text) and not _SENTENCE_MARKS.intersection(text)
                and not TABLE_TITLE.match(text) and _merged_labels(text)):
            return _LABEL
        return _OUT
    # (单位 and 表 or 图 tested first: every UNIT_NOTE and TABLE_TITLE holds them, and most
    # lines are not given to the regex module, a microsecond a call)
    if _SENTENCE_MARKS.intersection(text) or ("单位" in text and UNIT_NOTE.match(text)) or (
            ("表" in text or "图" in text) and TABLE_TITLE.match(text)):
        return _OUT
    if _VALUE_CELL.match(text) and not _YEAR_HEADING.match(text):
        return _VALUE
    return _MERGED if MERGED_VALUES.match(text) else _LABEL


def _unspaced(text: str) -> str:
    return text.replace(" ", "") if _SPACED_CELL.search(text) else text


@lru_cache(maxsize=1)
def _units() -> tuple[frozenset[str], tuple[str, ...]]:
    vocabulary = load_vocabulary()
    return frozenset(vocabulary.units), tuple(vocabulary.magnitudes)


def _heads_columns(text: str) -> bool:
    """A value-like cell that may head a column: a year (1995), or a number before words that
    are no unit (90年代出厂, 60岁及以上), not a figure such as 1040吨 or 5万平方米."""
    if _BARE_YEAR.match(text):
        return True
    match = _WORD_AFTER_NUMBER.match(text)
    if match is None:
        return False
    units, magnitudes = _units()
    word = match.group(1)
    for magnitude in magnitudes:
        if word.startswith(magnitude) and len(word) > len(magnitude):
            word = word[len(magnitude):]
            break
    return word not in units


class _Segment(NamedTuple):
    """Labels ``start..heads-1`` and the value cells after them ``heads..end-1``."""

    start: int
    heads: int
    end: int
    merged: bool  # a value cell of several numbers
    years: bool  # every value a bare year: a header row, never a row of figures
    figures: bool  # a value no header holds (12.5, 3%, 1040吨, —)

    @property
    def values(self) -> int:
        return self.end - self.heads


class _Row(NamedTuple):
    sections: tuple[int, int]  # section rows above it (lines start..end-1)
    head: int  # its heading
    heads: int  # its first value
    end: int
    complete: bool  # False: its unit cell is missing (a table with a column of units)
    merged: bool


class _Table(NamedTuple):
    first: int  # its first line (after lines the header leaves out)
    headers: tuple[tuple[int, int, bool, bool], ...]  # header rows: first and last line, lead, trail
    rows: tuple[_Row, ...]
    columns: int  # values in a full row
    end: int  # past its last line
    next_segment: int


def _segments(kinds: list[int], start: int, end: int) -> list[_Segment]:
    segments: list[_Segment] = []
    index = start
    while index < end:
        first = index
        while index < end and kinds[index] in (_LABEL, _PIPED):
            index += 1
        heads = index
        while index < end and kinds[index] in (_VALUE, _MERGED):
            index += 1
        segments.append(_Segment(first, heads, index, False, False, False))
    return segments


def _flagged(segment: _Segment, lines: list[LogicalLine], kinds: list[int]) -> _Segment:
    merged = years = figures = False
    if segment.values:
        texts = [lines[n].text for n in range(segment.heads, segment.end)]
        merged = any(kinds[n] == _MERGED for n in range(segment.heads, segment.end))
        years = all(_BARE_YEAR.match(text) for text in texts)
        figures = merged or not all(_heads_columns(text) for text in texts)
    return segment._replace(merged=merged, years=years, figures=figures)


def _section(text: str, kind: int, alone: bool) -> bool:
    """Whether a label between two rows is a section row: one with the marks of one (一、工业,
    其中：), or any label alone but one with a number in it (a figure is no section)."""
    return kind == _PIPED or bool(_SECTION.search(text)) or (alone and _DIGIT.search(text) is None)


def _rows_after(lines: list[LogicalLine], kinds: list[int], segments: list[_Segment], first: int,
               unit_cells: int) -> Iterator[tuple[int, _Row]]:
    """The rows of the segments from ``first + 1`` on, and the segment each comes from, as long
    as the segments read as rows of the table."""
    need = 1 + unit_cells
    for number in range(first + 1, len(segments)):
        segment = segments[number]
        labels = segment.heads - segment.start
        if not segment.values or segment.years:
            return
        if labels < need:  # a row whose unit cell is empty
            yield number, _Row((segment.start, segment.start), segment.start, segment.heads, segment.end,
                               False, segment.merged)
            continue
        head = segment.heads - need
        if any(kinds[n] == _PIPED for n in range(head, segment.heads)) or not all(
                _section(lines[n].text, kinds[n], head - segment.start == 1) for n in range(segment.start, head)):
            return  # labels enough for a header, or a cell with a figure: the next table
        yield number, _Row((segment.start, head), head, segment.heads, segment.end, True, segment.merged)


def _lead(lines: list[LogicalLine], first: int) -> bool:
    """Whether a character stands between line ``first`` and the line before it, to be read
    as an empty cell before it."""
    start = lines[first].start
    return start > 0 and (first == 0 or start - 1 >= lines[first - 1].end)


def _header(lines: list[LogicalLine], kinds: list[int], boundary: int, end: int, columns: int,
            unit_at: int | None, merged: bool, own: bool,
            ) -> tuple[int, tuple[tuple[int, int, bool, bool], ...], int] | None:
    """The header rows over ``columns`` value columns made of lines ``boundary..end-1`` (or of
    the last of them): (its first line, its rows, section rows at its end), or None when those
    lines do not make one. ``own``: every header line is a label of the first row's run."""
    width = columns + 1 + (unit_at is not None)

    def one_row(first: int, last: int, lead: bool) -> tuple[tuple[int, int, bool, bool], ...] | None:
        if lead and not _lead(lines, first):
            return None
        if unit_at is not None and unit_at - first + lead != 1:
            return None  # the column of units stands right after the row headings
        return ((first, last, lead, False),)

    # a header row of a cell for each column, with or without one over the row headings
    # (section rows right under it are not header cells)
    for stripped in range(3):
        last = end - stripped
        if stripped and not (last >= boundary and kinds[last] == _LABEL and _SECTION.search(lines[last].text)):
            break
        size = last - boundary
        if size in (width, width - 1):
            rows = one_row(boundary, last - 1, size == width - 1)
            return None if rows is None else (boundary, rows, stripped)
    size = end - boundary
    # a row of years over the value columns, under a row of column groups
    if unit_at is None and size > columns and all(
            kinds[n] == _VALUE and _BARE_YEAR.match(lines[n].text) for n in range(end - columns, end)):
        years = end - columns
        top = years
        while top > boundary and kinds[top - 1] == _LABEL:
            top -= 1
        groups = years - top
        if not _lead(lines, years):
            return None
        if groups == 0:
            return years, ((years, end - 1, True, False),), 0
        if groups > columns + 1:
            top = years - columns - 1
            groups = columns + 1
        lead = groups == columns or (groups < columns and bool(_VALUE_HEADING.search(lines[top].text)))
        if lead and not _lead(lines, top):
            return None
        return top, ((top, years - 1, lead, False), (years, end - 1, True, False)), 0
    if size > width:
        if merged and own:  # cells merged by a copy: the header row as it stands
            rows = one_row(boundary, end - 1, False)
        else:  # the last cells head the columns; the lines above are not the table's
            rows = one_row(end - width, end - 1, False)
            boundary = end - width
        return None if rows is None else (boundary, rows, 0)
    return None


def _table_at(lines: list[LogicalLine], kinds: list[int], marks: dict[int, tuple[int, int]],
              segments: list[_Segment], number: int, boundary: int, titled: bool) -> _Table | None:
    """A table whose first row is in segment ``number``, its header in the lines from
    ``boundary`` on (``marks``: the last 单位 cell and the last section row written with its
    empty cells at or before each line; ``titled``: the line before ``boundary`` is a table's
    title or unit note)."""
    segment = segments[number]
    if not segment.values or segment.years or segment.heads == segment.start:
        return None
    unit_at, piped = marks[segment.heads - 1]
    boundary = max(boundary, piped + 1)  # a header holds no row
    unit_at_or_none = unit_at if unit_at >= boundary else None
    head = segment.heads - 1 - (unit_at_or_none is not None)
    if head < max(boundary, segment.start):
        return None
    first = _Row((head, head), head, segment.heads, segment.end, True, segment.merged)
    ahead = [first]
    rest = _rows_after(lines, kinds, segments, number, int(unit_at_or_none is not None))
    for _, row in rest:
        ahead.append(row)
        if len(ahead) >= _LOOKAHEAD:
            break
    counts = Counter(row.end - row.heads for row in ahead if row.complete)
    columns = max(counts, key=lambda count: (counts[count], count))
    if first.end - first.heads > columns:
        return None
    for taken, row in enumerate(ahead):
        if row.end - row.heads > columns:  # the table ends before a row of more values
            del ahead[taken:]
            break
    full = sum(row.complete and row.end - row.heads == columns for row in ahead)
    merged = any(row.merged for row in ahead)
    if full < 2 and not (full and merged):
        return None
    header = _header(lines, kinds, boundary, head, columns, unit_at_or_none, merged,
                     boundary >= segment.start)
    if header is None:
        return None
    start, headers, stripped = header
    if titled and boundary < start and all(kinds[n] == _LABEL for n in range(boundary, start)) and not (
            start - boundary == 1 and headers[0][2]):
        # under a table's title, the cells above the header row are a row of it too (cells
        # over several columns: | 在总计中： |  |  |), not a caption
        headers = ((boundary, start - 1, False, start - boundary == 1), *headers)
        start = boundary
    rows = [first._replace(sections=(head - stripped, head))]
    next_segment = number + 1
    for found, row in _rows_after(lines, kinds, segments, number, int(unit_at_or_none is not None)):
        if row.end - row.heads > columns:
            break
        rows.append(row)
        next_segment = found + 1
    return _Table(start, headers, tuple(rows), columns, rows[-1].end, next_segment)


def _row_line(lines: list[LogicalLine], text: str, first: int, last: int, *, lead: bool = False,
              trail: bool = False) -> LogicalLine:
    """Lines ``first..last`` read as one table row ``a|b|c``: each cell as its line reads (a cell
    of single characters set apart read without the spaces: 单 位), and the line break after a
    cell read as the ``|`` between cells (so every offset still maps to the source). ``lead``:
    the character before the first cell is read as an empty first cell; ``trail``: the line
    break after the last cell as an empty last cell (a row of one cell is a row)."""
    spans: list[tuple[int, int]] = []
    pieces: list[str] = []
    if lead:
        before = lines[first].start - 1
        spans.append((before, before + 1))
        pieces.append("|")
    for number in range(first, last + 1):
        line = lines[number]
        if number > first:
            separator = text.index("\n", lines[number - 1].end)
            spans.append((separator, separator + 1))
            pieces.append("|")
        reading = _unspaced(line.text)
        if reading == line.text:
            spans.extend(line.spans)
        else:  # drop the spaces, each a position of the source
            positions = [p for start, end in line.spans for p in range(start, end)]
            for position, char in zip(positions, line.text, strict=True):
                if char == " ":
                    continue
                if spans and spans[-1][1] == position:
                    spans[-1] = (spans[-1][0], position + 1)
                else:
                    spans.append((position, position + 1))
        pieces.append(reading)
    if trail:
        separator = text.index("\n", lines[last].end)
        spans.append((separator, separator + 1))
        pieces.append("|")
    return LogicalLine(tuple(spans), "".join(pieces), lines[first].blank_before, lines[first].indent)


def _emit(table: _Table, lines: list[LogicalLine], kinds: list[int], text: str,
          result: list[LogicalLine]) -> None:
    for first, last, lead, trail in table.headers:
        result.append(_row_line(lines, text, first, last, lead=lead, trail=trail))
    for row in table.rows:
        for section in range(*row.sections):
            if kinds[section] == _PIPED:
                result.append(lines[section])
            else:
                result.append(_row_line(lines, text, section, section, trail=True))
        if row.complete and row.end - row.heads == table.columns:
            result.append(_row_line(lines, text, row.head, row.end - 1))
        # a row with fewer values than columns, or without its unit: not read


def cell_rows(lines: list[LogicalLine], text: str) -> list[LogicalLine]:
    """``lines`` with each table written one cell per line read as rows ``a|b|c``.

    >>> from ipextract.layout import logical_lines
    >>> text = "单位：亿元\\n指标\\n绝对值\\n增长（%）\\n生产总值\\n4218.36\\n6.1\\n税收收入\\n221.34\\n-1.2"
    >>> rows = cell_rows(logical_lines(text), text)
    >>> [line.text for line in rows]
    ['单位：亿元', '指标|绝对值|增长（%）', '生产总值|4218.36|6.1', '税收收入|221.34|-1.2']
    >>> text = "产品\\n单位\\n产量\\n增长（%）\\n水泥\\n吨\\n7316292\\n-2.9\\n生猪\\n万头\\n126.06\\n3.5"
    >>> [line.text for line in cell_rows(logical_lines(text), text)]
    ['产品|单位|产量|增长（%）', '水泥|吨|7316292|-2.9', '生猪|万头|126.06|3.5']
    >>> text = "表2\\n1985\\n1995\\n国有\\n74.6\\n53.7\\n私营\\n1.0\\n集体\\n24.0\\n23.8"
    >>> [line.text for line in cell_rows(logical_lines(text), text)]  # 私营 | 1.0: which year?
    ['表2', '|1985|1995', '国有|74.6|53.7', '集体|24.0|23.8']
    """
    kinds = [_kind(line) for line in lines]
    result: list[LogicalLine] = []
    index = 0
    while index < len(lines):
        if kinds[index] == _OUT:
            result.append(lines[index])
            index += 1
            continue
        end = index + 1  # a run of cells (a line after a blank line is none)
        while end < len(lines) and kinds[end] != _OUT:
            end += 1
        _read_run(lines, kinds, text, index, end, result)
        index = end
    return result


def _read_run(lines: list[LogicalLine], kinds: list[int], text: str, start: int, end: int,
              result: list[LogicalLine]) -> None:
    """The tables of the cells ``start..end-1`` as rows, the other lines as they are."""
    if not any(kinds[n] in (_VALUE, _MERGED) for n in range(start, end)):
        result.extend(lines[start:end])
        return
    marks: dict[int, tuple[int, int]] = {}
    unit_at = piped = -1
    for number in range(start, end):
        if kinds[number] == _LABEL and UNIT_HEADING.match(_unspaced(lines[number].text)):
            unit_at = number
        elif kinds[number] == _PIPED:
            piped = number
        marks[number] = (unit_at, piped)
    segments = [_flagged(segment, lines, kinds) for segment in _segments(kinds, start, end)]
    boundary = done = start
    number = 0
    while number < len(segments):
        titled = boundary == start and start > 0 and bool(
            TABLE_TITLE.match(lines[start - 1].text) or UNIT_NOTE.match(lines[start - 1].text))
        table = _table_at(lines, kinds, marks, segments, number, boundary, titled)
        if table is None:
            if segments[number].figures:  # its values head no column: the header is below
                boundary = segments[number].end
            number += 1
            continue
        result.extend(lines[done:table.first])
        _emit(table, lines, kinds, text, result)
        done = boundary = table.end
        number = table.next_segment
    result.extend(lines[done:end])

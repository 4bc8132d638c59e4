"""Stage 2a'': table rows a PDF copy stacked, read back into their rows and columns.

A table copied out of a PDF may arrive with each column's cells run together into one cell of
one row: the row headings in one cell, the values of every row in another, the units of every
row in a third (``养老机构  儿童福利机构 | 万个万个 | 5200\\t310.5  \\t480\\t12.6``). When several
value columns are stacked into one cell, a row's values are set apart by a tab or a space and
the rows by a wider gap.

:func:`stacked_layout` reads such a row back, and only when its shape leaves no doubt: as many
row headings (``k``) as there are rows of values, each row of values as wide as the others
(``n = k × c`` values, and with ``c > 1`` the wide gaps cut them into ``k`` groups of ``c``).
Then each value gets its row heading, its row's unit when the unit cell is a unit written ``k``
times, and its column of the header when the header has exactly ``c`` columns from the
stacked cell's column on. A row that does not fit gets no layout, and its values keep no row
heading (which value belongs to which row is lost); the extraction then reads a value only
when its unit is known whatever its column (:func:`column_unknown`).

>>> layout = stacked_layout("养老机构  救助管理机构 | 5200\\t310.5  \\t1500\\t8.4", 3, None)
>>> [(start, cell.label, cell.column) for start, cell in sorted(layout.items())]
[(15, '养老机构', 1), (20, '养老机构', 2), (28, '救助管理机构', 1), (33, '救助管理机构', 2)]
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import regex

from .cells import MERGED_VALUES, NUMBER
from .vocabulary.lexicon import cut_shared, is_word

_NUMBER = regex.compile(NUMBER)
_ROW_GAP = regex.compile(r"[ \t]*(?: {2,}|\t{2,}| \t|\t )[ \t]*")  # the gap between two rows' values
_DIGIT = regex.compile(r"[0-9]")
_HAN = regex.compile(r"\p{Han}{2,}")  # a heading of characters only, which the segmenter may part


class StackedCell(NamedTuple):
    """Where one value of a stacked cell stands: its row heading, the header column over it
    (None when the header does not say), and its row's unit (None when the row gives none)."""

    label: str
    column: int | None
    unit: str | None
    labels: tuple[str, ...]  # the row headings of the whole stack


def _row_units(cell: str, rows: int) -> list[str | None]:
    """The units of ``rows`` rows written in one cell: apart (万个  万人) or run together, the
    same unit each time (万个万个万个). Nones when the cell does not say."""
    pieces = cell.split()
    if len(pieces) == rows:
        return list(pieces)
    whole = "".join(pieces)
    if whole and len(whole) % rows == 0:
        piece = whole[:len(whole) // rows]
        if piece * rows == whole:
            return [piece] * rows
    return [None] * rows


def _row_headings(cell: str, values: int, groups: int) -> list[str]:
    """The row headings of a stack: set apart (养老机构  救助管理机构), or some run together where
    the copy lost the gap between headings that close with one word (省级部门登记市级部门登记
    → 省级部门登记, 市级部门登记), or into their dictionary words where one heading alone parts
    so (:func:`_parted_into_words`). Run-together headings are parted only when that makes as
    many rows as the values have: one value a row, or one group of values a row.

    >>> _row_headings("合计  省级部门登记市级部门登记", 6, 3)
    ['合计', '省级部门登记', '市级部门登记']
    >>> _row_headings("县级  市辖区县级市", 3, 3)  # (parted into its words: see below)
    ['县级', '市辖区', '县级市']
    """
    headings = cell.split()
    if len(headings) == groups or len(headings) >= values:
        return headings
    if len(headings) < groups:
        parted = [part for heading in headings for part in _run_together(heading)]
        if len(parted) in (groups, values):
            return parted
    # (as many rows as groups of values where the gaps make more groups than headings; else one
    # value a row, the gaps a copy narrowed in places: 23 5 2 2843)
    return _parted_into_words(headings, groups if groups > len(headings) else values)


def _parted_into_words(headings: list[str], rows: int) -> list[str]:
    """``headings`` with the one heading the copy ran several together in parted into its
    dictionary words (市辖区县级市县 → 市辖区, 县级市, 县), when exactly one heading parts into as
    many words as the rows lack headings plus one; ``headings`` as they are otherwise (no
    heading parts so, or two could: which the copy joined is not known).

    >>> _parted_into_words(["县级", "市辖区县级市", "自治县"], 4)
    ['县级', '市辖区', '县级市', '自治县']
    >>> _parted_into_words(["县级", "市辖区县级市", "自治县自治旗"], 4)
    ['县级', '市辖区县级市', '自治县自治旗']
    """
    wanted = rows - len(headings) + 1
    fitting = [index for index, heading in enumerate(headings) if _HAN.fullmatch(heading) and (
        len(words := cut_shared(heading)) == wanted and all(is_word(word) for word in words))]
    if len(fitting) != 1:
        return headings
    at = fitting[0]
    return [*headings[:at], *cut_shared(headings[at]), *headings[at + 1:]]


def _run_together(heading: str) -> list[str]:
    """省级部门登记市级部门登记 → its headings, each closing with the heading's last two
    characters; the heading whole when they close it only once or leave a part of one word."""
    closing = heading[-2:]
    if len(closing) < 2 or heading.count(closing) < 2:
        return [heading]
    parts = [part + closing for part in heading.split(closing)[:-1]]
    return parts if all(len(part) > len(closing) for part in parts) else [heading]


@lru_cache(maxsize=4096)
def stacked_layout(text: str, header_width: int, unit_column: int | None) -> dict[int, StackedCell]:
    """Each value of the stacked cells of the table row ``text`` by its offset in ``text``
    (empty when the row stacks nothing or its shape is not certain; see the module's
    docstring). ``header_width`` is the number of cells of the table's heading row (0 when
    there is none), ``unit_column`` the index of its column of units."""
    cells = text.split("|")
    layout: dict[int, StackedCell] = {}
    offsets = [0]
    for cell in cells[:-1]:
        offsets.append(offsets[-1] + len(cell) + 1)
    label_at: int | None = None
    for index, cell in enumerate(cells):
        if index == unit_column:
            continue
        if not _DIGIT.search(cell):
            label_at = index if cell.strip() else label_at
            continue
        if not MERGED_VALUES.match(cell.strip()) or label_at is None:
            continue
        numbers = list(_NUMBER.finditer(cell))
        groups = _ROW_GAP.split(cell.strip())  # (the rows' values, where a wide gap parts them)
        labels = _row_headings(cells[label_at], len(numbers), len(groups))
        rows = len(labels)
        if rows < 2 or len(numbers) % rows:
            continue
        width = len(numbers) // rows
        if width > 1 and [len(_NUMBER.findall(group)) for group in groups] != [width] * rows:
            continue
        # the header columns over the stacked values: the cell's own column, or with several
        # values a row the columns from it to the header's end, when there are that many
        columns: list[int] | None
        if width == 1 and (not header_width or len(cells) == header_width):
            columns = [index]
        elif header_width - index == width and index == len(cells) - 1:
            columns = list(range(index, header_width))
        else:
            columns = None
        units = (_row_units(cells[unit_column], rows) if unit_column is not None and unit_column < len(cells)
                 else [None] * rows)
        stack = tuple(labels)
        for number, found in enumerate(numbers):
            row, column = divmod(number, width)
            layout[offsets[index] + found.start()] = StackedCell(
                labels[row], columns[column] if columns is not None else None, units[row], stack)
    return layout


@lru_cache(maxsize=4096)
def stacked_cells(text: str) -> frozenset[int]:
    """The cells (by index) of the table row ``text`` that hold several values, a stack."""
    return frozenset(index for index, cell in enumerate(text.split("|")) if MERGED_VALUES.match(cell.strip()))


def column_unknown(text: str, start: int, column_units: tuple[str | None, ...], layout: dict[int, StackedCell]) -> bool:
    """Whether the value at ``start`` of the table row ``text`` stands in a stack whose columns
    are not known (no layout placed it) while the header's columns from its cell on announce
    different units: its unit, and so its value, would be a guess.

    >>> column_unknown("甲  乙 | 5\\t1  \\t2\\t3  \\t4", 7, (None, "个", "万张"), {})
    True
    """
    cell = layout.get(start)
    if cell is not None and (cell.column is not None or cell.unit is not None):
        return False
    column = text.count("|", 0, start)
    if column not in stacked_cells(text):
        return False
    announced = {unit for unit in column_units[column:] if unit}
    return len(announced) > 1

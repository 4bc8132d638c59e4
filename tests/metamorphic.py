"""Metamorphic testing: typography and layout changes a human reader ignores, and a measure of
how many figures an extraction keeps through them.

Every transform is a plain, deterministic function ``text -> Transformed``. A
:class:`Transformed` holds the new text and an offset map: ``offsets[i]`` is where the
original code point ``i`` now stands (``offsets[len(text)]`` is the new length), so a record
found at the original ``[start, end)`` is looked for at :meth:`Transformed.span`. A code point
a transform deletes (only ``cells_per_line`` deletes: the ``|`` separators and the spaces
around them) is listed in ``removed`` and maps to where the next kept code point stands.

>>> spaces_pangu("增长5.2%，达481.96亿元").text
'增长 5.2%，达 481.96 亿元'
>>> t = crlf("甲\\n乙")
>>> t.text, t.offsets
('甲\\r\\n乙', (0, 2, 3, 4))

:func:`kept` compares the records of the original with those of the transformed text: the
share of original records found again (a transformed record whose span overlaps the mapped
span, with the chosen fields equal), the lost ones with the reason, and the "wrong values"
(a record found at the same spot with another value: worse than losing it).
"""

from __future__ import annotations

import random
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ipextract.models import Record

# ---------------------------------------------------------------------------------------------
# The offset-keeping editor
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Transformed:
    """A transformed text and where each original code point went.

    ``offsets`` has ``len(original) + 1`` entries, never decreasing; the last one is
    ``len(text)``. ``removed`` holds the original offsets whose code point is not in the new
    text (they map to the position of the next kept code point)."""

    name: str
    text: str
    offsets: tuple[int, ...]
    removed: frozenset[int] = field(default=frozenset())

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The new ``[start, end)`` of the original span (from its first to its last code
        point, so characters inserted just before or after it are not part of it)."""
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


def edit(text: str, name: str, *, inserts: dict[int, str] | None = None,
         replace: dict[int, str] | None = None, drop: Iterable[int] = ()) -> Transformed:
    """``text`` with ``inserts[i]`` put before code point ``i`` (``i == len(text)``: at the
    end), code point ``i`` replaced by ``replace[i]`` (one code point) and the code points of
    ``drop`` deleted; everything else copied in runs."""
    inserts = inserts or {}
    replace = replace or {}
    dropped = frozenset(drop)
    if any(len(char) != 1 for char in replace.values()):
        raise ValueError("a replacement is one code point")
    size = len(text)
    offsets = [0] * (size + 1)
    parts: list[str] = []
    length = 0
    position = 0
    for point in sorted(set(inserts) | set(replace) | dropped):
        if point > position:  # the run before the point, as it is
            parts.append(text[position:point])
            offsets[position:point] = range(length, length + point - position)
            length += point - position
            position = point
        if point in inserts:
            parts.append(inserts[point])
            length += len(inserts[point])
        if point >= size:
            break
        if point in dropped:
            position = point + 1
        elif point in replace:
            parts.append(replace[point])
            offsets[point] = length
            length += 1
            position = point + 1
    parts.append(text[position:])
    offsets[position:size] = range(length, length + size - position)
    offsets[size] = length + size - position
    for index in sorted(dropped, reverse=True):  # where the next kept code point stands
        offsets[index] = offsets[index + 1]
    return Transformed(name, "".join(parts), tuple(offsets), dropped)


def _add(inserts: dict[int, str], index: int, text: str) -> None:
    inserts[index] = inserts.get(index, "") + text


def compose(first: Transformed, second: Transformed, name: str) -> Transformed:
    """``second`` applied to ``first.text``, as one transform of the original."""
    offsets = tuple(second.offsets[offset] for offset in first.offsets)
    removed = set(first.removed)
    for index, offset in enumerate(first.offsets[:-1]):
        if index not in first.removed and offset in second.removed:
            removed.add(index)
    return Transformed(name, second.text, offsets, frozenset(removed))


def _lines(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of every line, without its newline."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in re.finditer("\n", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


# ---------------------------------------------------------------------------------------------
# Character classes
# ---------------------------------------------------------------------------------------------

_HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_HAN = re.compile(f"[{_HAN_RANGES}]")
CHINESE_NUMERALS = "零〇一二两三四五六七八九十百千万亿点"
MAGNITUDES = "十百千万亿"
CLOSERS = "”’」』）)】》"
WIDE_SPACES = ("\u00a0", "\u2009", "\u3000")
FULLWIDTH_FORMS = {".": "．", "%": "％", ",": "，"}


def is_han(char: str) -> bool:
    return bool(_HAN.fullmatch(char))


def fullwidth_form(char: str) -> str:
    """０ for 0, Ａ for A, ．％， for .%, (the same character for anything else)."""
    if char.isascii() and char.isalnum():
        return chr(ord(char) + 0xFEE0)
    return FULLWIDTH_FORMS.get(char, char)


# ---------------------------------------------------------------------------------------------
# Spaces
# ---------------------------------------------------------------------------------------------


_HAN_ASCII = re.compile(f"(?<=[{_HAN_RANGES}])(?=[A-Za-z0-9%])|(?<=[A-Za-z0-9%])(?=[{_HAN_RANGES}])")


def _han_ascii_boundaries(text: str, spaces: Sequence[str], name: str) -> Transformed:
    inserts = {match.start(): spaces[number % len(spaces)]
               for number, match in enumerate(_HAN_ASCII.finditer(text))}
    return edit(text, name, inserts=inserts)


def spaces_pangu(text: str) -> Transformed:
    """One ASCII space at every boundary of a Han character and an ASCII digit, letter or
    ``%``, either way round (web "pangu" spacing).

    >>> spaces_pangu("全市PCT申请量4816件，增长6.3%以上").text
    '全市 PCT 申请量 4816 件，增长 6.3% 以上'
    """
    return _han_ascii_boundaries(text, (" ",), "spaces_pangu")


def spaces_wide(text: str) -> Transformed:
    """:func:`spaces_pangu` with a no-break, a thin and an ideographic space in turn.

    >>> spaces_wide("达481.96亿元和5件").text
    '达\\xa0481.96\\u2009亿元和\\u30005\\xa0件'
    """
    return _han_ascii_boundaries(text, WIDE_SPACES, "spaces_wide")


_NUMBER_THEN_UNIT = re.compile(f"(?<=[0-9])(?=[{_HAN_RANGES}%‰])")
_MAGNITUDE_RUN = re.compile(f"(?<=[0-9])[{MAGNITUDES}]+")
# 千 begins these units (千瓦, 千米, 千克…): in 1.64亿千瓦 the magnitude is 亿 and the unit 千瓦
UNITS_WITH_QIAN = "瓦米克伏焦帕卡"
_NUMERAL_PAIR = re.compile(f"(?<=[{CHINESE_NUMERALS}])(?=[{CHINESE_NUMERALS}])")


def spaces_in_figures(text: str, *, seed: int = 1) -> Transformed:
    """Spaces inside figures: after every digit run followed by a Han character, ``%`` or
    ``‰`` (``19.19 %``, ``13.38 万``), after the magnitude that follows a number and is
    followed by a unit (``13.38 万 件``, ``1.64 亿 千瓦``: a unit is not cut), and, with
    probability 0.5 (seeded, drawn in the order of the text), between two Chinese-numeral
    characters (``百分之一 点五``, ``三千 二百``).

    >>> spaces_in_figures("13.38万件，1.2亿吨，19.19%，1.64亿千瓦，3千米", seed=1).text
    '13.38 万 件，1.2 亿 吨，19.19 %，1.64 亿 千瓦，3 千米'
    """
    rng = random.Random(seed)
    spaced = {match.start() for match in _NUMBER_THEN_UNIT.finditer(text)}
    for match in _MAGNITUDE_RUN.finditer(text):
        end = match.end()
        if text[end - 1] == "千" and end < len(text) and text[end] in UNITS_WITH_QIAN:
            end -= 1
        if match.start() < end < len(text) and is_han(text[end]):
            spaced.add(end)
    for match in _NUMERAL_PAIR.finditer(text):
        if match.start() not in spaced and rng.random() < 0.5:
            spaced.add(match.start())
    return edit(text, "spaces_in_figures", inserts=dict.fromkeys(spaced, " "))


# ---------------------------------------------------------------------------------------------
# Same-length substitutions
# ---------------------------------------------------------------------------------------------

_FULLWIDTH_TARGETS = re.compile(r"[A-Za-z0-9]|(?<=[0-9])[.,](?=[0-9])|(?<=[0-9])%")


def fullwidth(text: str) -> Transformed:
    """ASCII digits and letters, and the ``.`` ``,`` ``%`` of numbers, in full-width forms
    (one code point for one).

    >>> fullwidth("GDP增长5.2%，达1,553件。").text
    'ＧＤＰ增长５．２％，达１，５５３件。'
    """
    replace = {match.start(): fullwidth_form(match.group()) for match in _FULLWIDTH_TARGETS.finditer(text)}
    return edit(text, "fullwidth", replace=replace)


_CLOSERS_CLASS = re.escape(CLOSERS)
_MID_LINE_PERIOD = re.compile(f"。(?![{_CLOSERS_CLASS} \t]*(?:[\r\n]|$))")


def period_semicolon(text: str) -> Transformed:
    """``；`` and ``。`` swapped inside a paragraph: every ``；`` becomes ``。`` and every
    ``。`` but the one ending a line (closing quotes and brackets aside) becomes ``；``.

    >>> period_semicolon("增长5%；下降3%。占比9%。\\n合计。").text
    '增长5%。下降3%；占比9%。\\n合计。'
    """
    replace = {match.start(): "。" for match in re.finditer("；", text)}
    replace.update((match.start(), "；") for match in _MID_LINE_PERIOD.finditer(text))
    return edit(text, "period_semicolon", replace=replace)


_ENUMERATION = re.compile(f"(?:^|[。；：！？:;])\\s*[（(]?[0-9０-９{CHINESE_NUMERALS}]{{1,4}}[）)]?$", re.MULTILINE)


def comma_swap(text: str) -> Transformed:
    """``、`` between two items (something other than a space on either side) becomes ``，``;
    the ``、`` of a list number (``一、`` ``（二）、`` ``3、`` at the start of a line or sentence)
    is no such comma and stays.

    >>> comma_swap("一、综合\\n分别增长3.6%、3.5%和5.6%。2、其他").text
    '一、综合\\n分别增长3.6%，3.5%和5.6%。2、其他'
    """
    replace: dict[int, str] = {}
    for match in re.finditer(r"(?<=\S)、(?=\S)", text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if not _ENUMERATION.search(text, line_start, match.start()):
            replace[match.start()] = "，"
    return edit(text, "comma_swap", replace=replace)


# ---------------------------------------------------------------------------------------------
# Line layout
# ---------------------------------------------------------------------------------------------


def crlf(text: str) -> Transformed:
    """Windows line ends: every ``\\n`` becomes ``\\r\\n`` (the ``\\n`` maps to itself)."""
    return edit(text, "crlf", inserts={match.start(): "\r" for match in re.finditer("\n", text)})


WRAP_WIDTH = 37


def _wrap(text: str, width: int, indent: str, name: str) -> Transformed:
    inserts: dict[int, str] = {}
    for number, (start, end) in enumerate(_lines(text)):
        if end == start:
            continue
        column = 0
        if indent:
            _add(inserts, start, indent)
            column = len(indent)
        elif number > 0 and start - 1 > 0 and text[start - 2] != "\n":
            _add(inserts, start, "\n")  # a blank line between two lines of text
        if table_row_cells(text[start:end]):
            continue  # a row ``a | b | c`` renders a table: no text tool wraps it into pipes
        for cut in range(start + width - column, end, width):
            _add(inserts, cut, "\n")
    return edit(text, name, inserts=inserts)


def hard_wrap(text: str) -> Transformed:
    """Lines longer than 37 cut into lines of 37 code points (through words and numbers),
    and a blank line between two lines of the original that had none. Table rows written
    ``a | b | c`` are left whole: they stand for a table, which no text tool wraps into pipes.

    >>> hard_wrap("一二三四五六七八九十" * 4 + "\\n专利71292件").text
    '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七\\n八九十\\n\\n专利71292件'
    """
    return _wrap(text, WRAP_WIDTH, "", "hard_wrap")


def hard_wrap_indent(text: str) -> Transformed:
    """:func:`hard_wrap` with each line of the original begun by two ideographic spaces
    (counted in the width) instead of a blank line."""
    return _wrap(text, WRAP_WIDTH, "\u3000\u3000", "hard_wrap_indent")


PAGE_LINES = 40


def page_breaks(text: str) -> Transformed:
    """:func:`hard_wrap`, then a PDF page break every 40 lines: the page number ``— N —``
    and a running header (the first line of the document, cut to 20 code points), each on a
    line of its own, between two lines of text. A break that would fall beside a blank line
    moves down to the next two lines of text, so that it always stands inside a paragraph."""
    wrapped = hard_wrap(text)
    header = next((line.strip() for line in text.split("\n") if line.strip()), "")[:20]
    lines = _lines(wrapped.text)
    inserts: dict[int, str] = {}
    page = 1
    since_break = 0
    for number, (start, end) in enumerate(lines):
        if number > 0 and since_break >= PAGE_LINES and end > start and lines[number - 1][1] > lines[number - 1][0]:
            inserts[start] = f"— {page} —\n{header}\n"
            page += 1
            since_break = 0
        since_break += 1
    return compose(wrapped, edit(wrapped.text, "page_breaks", inserts=inserts), "page_breaks")


_HAS_DIGIT = re.compile("[0-9０-９]")


def bold_doubling(text: str, *, seed: int = 1) -> Transformed:
    """Every code point of one line doubled, as a bold face drawn twice comes out of a PDF
    (``增增长长55..22%%``): a line of 30–80 code points with a digit in it, chosen at random
    (seeded). A text with no such line is left as it is. Each original code point maps to its
    first copy."""
    candidates = [(start, end) for start, end in _lines(text)
                  if 30 <= end - start <= 80 and _HAS_DIGIT.search(text, start, end)]
    if not candidates:
        return edit(text, "bold_doubling")
    start, end = random.Random(seed).choice(candidates)
    return edit(text, "bold_doubling", inserts={index + 1: text[index] for index in range(start, end)})


def table_row_cells(line: str) -> list[tuple[int, int]] | None:
    """The ``[start, end)`` of each non-empty cell of a table row written ``a | b | c``, or
    None when the line is not one (fewer than two cells with something in them, unless it
    starts with a separator)."""
    if "|" not in line:
        return None
    cells: list[tuple[int, int]] = []
    start = 0
    for end in [*(m.start() for m in re.finditer(r"\|", line)), len(line)]:
        left, right = start, end
        while left < right and line[left].isspace():
            left += 1
        while right > left and line[right - 1].isspace():
            right -= 1
        if right > left:
            cells.append((left, right))
        start = end + 1
    # a row of one filled cell (a header ``| 比上年增长（%）`` over a column of row headings)
    # is a row too when it has a separator
    return cells if len(cells) >= 2 or (cells and line.strip().startswith("|")) else None


def has_table_rows(text: str) -> bool:
    return any(table_row_cells(text[start:end]) for start, end in _lines(text))


def cells_per_line(text: str) -> Transformed:
    """Every table row ``a | b | c`` written one cell a line, as ``pdftotext`` without
    ``-layout`` does: the separators and the spaces around them go, a newline takes their
    place, and empty cells vanish. Other lines stay as they are.

    >>> cells_per_line("指标 | 数量 | 增长\\n专利 | 335125 | -3.5%\\n说明").text
    '指标\\n数量\\n增长\\n专利\\n335125\\n-3.5%\\n说明'
    """
    inserts: dict[int, str] = {}
    drop: set[int] = set()
    for start, end in _lines(text):
        cells = table_row_cells(text[start:end])
        if cells is None:
            continue
        kept_chars: set[int] = set()
        for number, (left, right) in enumerate(cells):
            kept_chars.update(range(start + left, start + right))
            if number > 0:
                inserts[start + left] = "\n"
        drop.update(index for index in range(start, end) if index not in kept_chars)
    return edit(text, "cells_per_line", inserts=inserts, drop=drop)


PARAGRAPH_SPLIT_LENGTH = 80


def paragraph_split(text: str) -> Transformed:
    """Each line of more than 80 code points (not a table row) cut in two after the ``。``
    nearest its middle (and after the closing quotes that follow it), when one stands before
    the line's end.

    >>> paragraph_split("甲" * 50 + "。" + "乙" * 49 + "。").text.split("\\n") == ["甲" * 50 + "。", "乙" * 49 + "。"]
    True
    """
    cuts: dict[int, str] = {}
    for start, end in _lines(text):
        if end - start <= PARAGRAPH_SPLIT_LENGTH or table_row_cells(text[start:end]):
            continue
        middle = (start + end) / 2
        best: int | None = None
        for match in re.finditer(f"。[{_CLOSERS_CLASS}]*", text[start:end]):
            after = start + match.end()
            if after < end and (best is None or abs(after - middle) < abs(best - middle)):
                best = after
        if best is not None:
            cuts[best] = "\n"
    return edit(text, "paragraph_split", inserts=cuts)


Transform = Callable[[str], Transformed]

TRANSFORMS: dict[str, Transform] = {
    "spaces_pangu": spaces_pangu,
    "spaces_wide": spaces_wide,
    "spaces_in_figures": spaces_in_figures,
    "fullwidth": fullwidth,
    "hard_wrap": hard_wrap,
    "hard_wrap_indent": hard_wrap_indent,
    "page_breaks": page_breaks,
    "bold_doubling": bold_doubling,
    "cells_per_line": cells_per_line,
    "crlf": crlf,
    "period_semicolon": period_semicolon,
    "comma_swap": comma_swap,
    "paragraph_split": paragraph_split,
}


def applies(name: str, text: str) -> bool:
    """Whether a transform has anything to do on a text (``cells_per_line`` needs table rows)."""
    return name != "cells_per_line" or has_table_rows(text)


_EQUIVALENT = {("。", "；"), ("；", "。"), ("、", "，")}


def same_character(original: str, new: str) -> bool:
    """Whether ``new`` is ``original`` or what a transform may put in its place (its
    full-width form, the swapped sentence mark, a space of another kind)."""
    return (new == original or new == fullwidth_form(original) or (original, new) in _EQUIVALENT
            or (original.isspace() and new.isspace() and original != "\n"))


def map_errors(original: str, transformed: Transformed) -> list[str]:
    """Every way the offset map of ``transformed`` fails ``original`` ([] when it holds)."""
    errors: list[str] = []
    offsets, new = transformed.offsets, transformed.text
    if len(offsets) != len(original) + 1:
        return [f"{len(offsets)} offsets for {len(original)} code points"]
    if offsets[-1] != len(new):
        errors.append(f"the last offset is {offsets[-1]}, the new length {len(new)}")
    for index, char in enumerate(original):
        offset = offsets[index]
        if offset > offsets[index + 1]:
            errors.append(f"offsets go back at {index}: {offset} > {offsets[index + 1]}")
        if index in transformed.removed:
            continue
        if not 0 <= offset < len(new):
            errors.append(f"{index} maps outside the new text ({offset})")
        elif not same_character(char, new[offset]):
            errors.append(f"{index} ({char!r}) maps to {offset} ({new[offset]!r})")
        if len(errors) >= 10:
            break
    return errors


# ---------------------------------------------------------------------------------------------
# Comparing records
# ---------------------------------------------------------------------------------------------

VALUE_FIELDS: tuple[str, ...] = ("value", "value_min", "value_max", "unit", "kind", "qualifier")
FULL_FIELDS: tuple[str, ...] = (*VALUE_FIELDS, "metric", "period", "of")

FieldValue = Decimal | str | tuple[Decimal, str] | None


def field_value(record: Record, name: str, by_id: dict[str, Record]) -> FieldValue:
    """A record's field for comparison; ``of`` is the value and unit of the record it names
    (ids differ from one extraction to the other); a metric with its 、 read as ，."""
    if name == "of":
        target = by_id.get(record.of) if record.of else None
        return (target.value, target.unit) if target is not None else None
    value: FieldValue = getattr(record, name)
    if name == "metric" and isinstance(value, str):
        # a name is in the text's own words: 食品、饮料、烟草 written 食品，饮料，烟草 by the
        # comma swap is the same name
        return value.translate(_SAME_IN_NAMES)
    return value


_SAME_IN_NAMES = str.maketrans({"、": "，"})


def _shown(value: FieldValue) -> str:
    if isinstance(value, tuple):
        return f"{value[0]}{value[1]}"  # the value and unit of an of target
    return repr(value) if isinstance(value, str) else str(value)


@dataclass(frozen=True)
class Lost:
    """An original record not found again: where it stood, the fields that differ in the
    closest transformed record at its spot (``("missing",)`` when there is none), and how."""

    surface: str
    start: int
    differs: tuple[str, ...]
    found: str | None = None
    detail: str = ""

    def __str__(self) -> str:
        where = f"{self.surface!r}@{self.start}"
        if self.found is None:
            return f"{where}: missing"
        return f"{where}: {', '.join(self.differs)} differ, found {self.found!r} ({self.detail})"


@dataclass(frozen=True)
class Kept:
    """The outcome of :func:`kept`."""

    total: int
    kept: int
    lost: tuple[Lost, ...]
    wrong_values: tuple[Lost, ...]  # found at the same spot with another value

    @property
    def share(self) -> float:
        return self.kept / self.total if self.total else 1.0


def _overlapping(records: Sequence[Record], start: int, end: int) -> list[Record]:
    return [r for r in records if r.start < end and start < r.end]


def kept(original_records: Sequence[Record], transformed_records: Sequence[Record],
         offset_map: Sequence[int], fields: Iterable[str] = VALUE_FIELDS) -> Kept:
    """The share of original records for which a transformed record exists whose span
    overlaps the original's mapped span and whose ``fields`` are equal; the lost records; and
    the wrong values: original records with a transformed record at their spot but none of
    those with the same value.

    ``offset_map`` is :attr:`Transformed.offsets` (``offsets[i]`` is the new offset of the
    original code point ``i``)."""
    names = tuple(fields)
    original_ids = {r.id: r for r in original_records}
    transformed_ids = {r.id: r for r in transformed_records}
    ordered = sorted(transformed_records, key=lambda r: r.start)
    starts = [r.start for r in ordered]
    longest = max((r.end - r.start for r in ordered), default=0)
    found = 0
    lost: list[Lost] = []
    wrong: list[Lost] = []
    for record in original_records:
        start = offset_map[record.start]
        end = offset_map[record.end - 1] + 1 if record.end > record.start else start
        window = ordered[bisect_left(starts, start - longest):bisect_left(starts, end)]
        candidates = _overlapping(window, start, end)
        wanted = [field_value(record, name, original_ids) for name in names]
        best: tuple[int, int, Record, list[str]] | None = None
        for candidate in candidates:
            differs = [name for name, value in zip(names, wanted, strict=True)
                       if field_value(candidate, name, transformed_ids) != value]
            overlap = min(end, candidate.end) - max(start, candidate.start)
            key = (len(differs), -overlap)
            if best is None or key < best[:2]:
                best = (key[0], key[1], candidate, differs)
        if best is not None and not best[3]:
            found += 1
            continue
        if best is None:
            lost.append(Lost(record.surface, record.start, ("missing",)))
            continue
        candidate, differs = best[2], best[3]
        detail = "; ".join(
            f"{name}: {_shown(field_value(record, name, original_ids))} → "
            f"{_shown(field_value(candidate, name, transformed_ids))}" for name in differs)
        miss = Lost(record.surface, record.start, tuple(differs), candidate.surface, detail)
        lost.append(miss)
        if all(c.value != record.value for c in candidates):
            values = ", ".join(f"{c.surface!r}={c.value}" for c in candidates)
            wrong.append(Lost(record.surface, record.start, ("value",), candidate.surface,
                              f"value {record.value} → {values}"))
    return Kept(len(original_records), found, tuple(lost), tuple(wrong))


# ---------------------------------------------------------------------------------------------
# The documents
# ---------------------------------------------------------------------------------------------


def corpus_documents(corpora: Path) -> list[Path]:
    """The sample documents: ``corpora/*.txt``."""
    return sorted(corpora.glob("*.txt"))


def real_documents(real: Path) -> list[Path]:
    """Every ``.txt`` under ``../shared/corpora/real`` ([] when it is not there)."""
    return sorted(real.rglob("*.txt")) if real.is_dir() else []

"""Stage 2a: normalised text → logical lines, without the layout a reader ignores.

A reader of ``增长 5.2 %``, ``481.96 亿元``, ``第 二 产 业`` or of a bold heading that a PDF
copy doubled (``增增长长55..22%%``) sees ``增长5.2%``, ``481.96亿元``, ``第二产业`` and
``增长5.2%``. A logical line is such a reading: its ``text`` leaves those characters out, and its
``spans`` say which characters of the source it is made of, so every offset into the logical
text still maps back to the source (nothing is rewritten; the rest of the pipeline reads the
logical text and records the source offsets).

Which spaces a reader ignores:

- between a Chinese character (or Chinese punctuation) and a half-width digit, letter or
  ``%``, or a minus sign before digits — web ("pangu") spacing, and PDF copies: ``增长 5.2%``,
  ``1.2 亿吨``, ``PCT 申请``, ``为 -1.05‰``;
- between a number and ``%``/``‰``/``℃`` or a Latin unit: ``5.2 %``, ``100 mAh``, and around
  the ratio sign of a ratio to one: ``2.04 ∶ 1``;
- inside a Chinese numeral and between a numeral and its magnitude or unit: ``一千 二百``,
  ``百分之一 点五``, ``13.38万 件``;
- in justified text, where every character of a short phrase stands apart: ``第 二 产 业``.

A space between two digits is never ignored (``1 260`` may be two numbers: a wrong value is
worse than a missed one), nor one between two words of Chinese prose (``71292件 同比增长…``
separates two statements of a data list).

>>> line = logical_lines("营业收入 84205 亿元，增长 5.2 %")[0]
>>> line.text
'营业收入84205亿元，增长5.2%'
>>> logical_lines("增增长长55..22%%")[0].text
'增长5.2%'
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

import regex

from .numerals import CHINESE_NUMERAL_CHARS
from .scanning import alternation
from .vocabulary import load_vocabulary

Spans = tuple[tuple[int, int], ...]

_NUMERAL_CHARACTERS = frozenset(CHINESE_NUMERAL_CHARS + "几")
_AFTER_NUMBER = frozenset("%‰℃°")
_WIDE_PUNCTUATION = frozenset("“”‘’…—–·")
_MINUS = frozenset("-−")  # a minus sign before digits
_RATIO_COLON = "∶"  # the ratio sign (U+2236) of 2.04∶1, a symbol of neither width
_SPACES = re.compile(" +")
# A whole stretch printed twice by a bold PDF font: at least five doubled characters in a row
# (two, as in 人人 or 年年, are words; four, as in 清清楚楚, are rare and harmless to read as two).
# (found as five pairs ahead: the standard engine scans for this three times faster than for
# the repeated group ``(?:(.)\1){5,}``)
_DOUBLED = re.compile(r"(.)\1(?=(.)\2(.)\3(.)\4(.)\5)")
# Justified text: three or more single characters, each standing apart (第 二 产 业).
_JUSTIFIED = regex.compile(r"(?<![\p{Han} ])\p{Han}(?: \p{Han}){2,}(?![\p{Han}])")
_JUSTIFIED_CELL = regex.compile(r"(?<=^|\||：|:)\s*\p{Han}(?: +\p{Han})+\s*(?=\||$)")


def _wide(char: str) -> bool:
    """A Chinese character or Chinese punctuation (full width), as opposed to ASCII."""
    return ord(char) >= 0x2E80 or char in _WIDE_PUNCTUATION


def _half(char: str) -> bool:
    return char.isascii() and char.isalnum() or char in _AFTER_NUMBER


@lru_cache(maxsize=1)
def _unit_start() -> re.Pattern[str]:
    """A unit, magnitude or infix qualifier word (件, 万人次, 亿元, 多…), matched where a
    numeral's space ends: ``3万 多亩`` is read as ``3万多亩``."""
    vocabulary = load_vocabulary()
    return re.compile(alternation([*vocabulary.units, *vocabulary.magnitudes,
                                   *vocabulary.qualifiers.infix]))


def _closes_arabic_number(text: str, position: int) -> bool:
    """``345 亿 度``, ``78 万 农牧户``: a magnitude after digits ends the number, and a space
    after it parts the number from the noun it counts no more than no space does."""
    if text[position] not in "万亿":
        return False
    before = text[:position].rstrip(" \u00a0\u2009\u3000")
    return before[-1:].isdigit()


def _ignorable(text: str, start: int, end: int) -> bool:
    """Whether the spaces ``text[start:end]`` (a run with a character on each side) are
    layout a reader ignores (see the module docstring)."""
    left, right = text[start - 1], text[end]
    if _wide(left) and _wide(right):
        if left in _NUMERAL_CHARACTERS or (left == "之" and text[start - 2:start] == "分之"):
            return (right in _NUMERAL_CHARACTERS or _unit_start().match(text, end) is not None
                    or _closes_arabic_number(text, start - 1))
        return False
    if _wide(left) or _wide(right):
        if _wide(left) and right in _MINUS and text[end + 1:end + 2].isdigit():
            return True  # 自然增长率为 -1.05‰: a negative number, spaced as a positive one is
        return _half(right) if _wide(left) else _half(left)
    if left == _RATIO_COLON:
        return right.isdigit()  # 2.04∶ 1: a ratio to one, spaced
    return left.isdigit() and (right in _AFTER_NUMBER or right.isalpha() or right == _RATIO_COLON)


def doubled_copies(text: str) -> list[int]:
    """Positions of the second copy of each character in stretches printed twice (sorted).

    >>> doubled_copies("为增增长长55..22%%。")
    [2, 4, 6, 8, 10, 12]
    """
    copies: list[int] = []
    reached = 0
    for match in _DOUBLED.finditer(text):
        start = match.start()
        if start < reached:
            continue
        end = start
        while end + 1 < len(text) and text[end] == text[end + 1] and text[end] != "\n":
            end += 2
        copies.extend(range(start + 1, end, 2))
        reached = end
    return copies


def _kept_positions(line: str, dropped: set[int]) -> list[int] | None:
    """Positions of ``line`` a reader reads (``dropped``: the doubled copies in it), or None
    when it reads all of them."""
    if " " not in line and not dropped:
        return None
    kept = [i for i in range(len(line)) if i not in dropped] if dropped else list(range(len(line)))
    reading = "".join(line[i] for i in kept) if dropped else line
    spaces: set[int] = set()  # positions in ``reading``
    for run in _SPACES.finditer(reading):
        if 0 < run.start() and run.end() < len(reading) and _ignorable(reading, *run.span()):
            spaces.update(range(*run.span()))
    if "|" in reading:  # a table cell of spaced-out characters: 粮 食, 油 料
        for cell in _JUSTIFIED_CELL.finditer(reading):
            spaces.update(i for i in range(*cell.span()) if reading[i] == " ")
    for justified in _JUSTIFIED.finditer(reading):
        spaces.update(i for i in range(*justified.span()) if reading[i] == " ")
    if not spaces and not dropped:
        return None
    return [position for n, position in enumerate(kept) if n not in spaces]


def _spans(kept: list[int], offset: int) -> Spans:
    spans: list[tuple[int, int]] = []
    for position in kept:
        if spans and spans[-1][1] == offset + position:
            spans[-1] = (spans[-1][0], offset + position + 1)
        else:
            spans.append((offset + position, offset + position + 1))
    return tuple(spans)


class LogicalLine(NamedTuple):
    """One line of the source as read: ``text`` is made of the source characters ``spans``.

    ``blank_before`` counts the blank lines above it; ``indent`` is True when the line starts
    with two or more spaces (a paragraph indent; one is a wrapped line's leftover space).
    (A named tuple: a report has thousands of lines, and it is made three times faster than
    a frozen dataclass.)"""

    spans: Spans
    text: str
    blank_before: int
    indent: bool

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]

    @property
    def width(self) -> int:
        """Characters the line takes in the source, the ignored ones included."""
        return self.end - self.start


def logical_lines(text: str) -> list[LogicalLine]:
    """The non-blank lines of ``text``, each without the layout a reader ignores."""
    lines: list[LogicalLine] = []
    blank = 0
    position = 0
    copies = doubled_copies(text)
    for raw_line in text.split("\n"):
        stripped = raw_line.strip()
        if stripped:
            lead = len(raw_line) - len(raw_line.lstrip())
            start = position + lead
            dropped: set[int] = set()
            if copies:
                first = bisect_left(copies, start)
                last = bisect_left(copies, start + len(stripped))
                dropped = {copy - start for copy in copies[first:last]}
            kept = _kept_positions(stripped, dropped) if dropped or " " in stripped else None
            if kept is None:
                lines.append(LogicalLine(((start, start + len(stripped)),), stripped, blank,
                                         lead > 1))
            else:
                reading = "".join(stripped[i] for i in kept)
                lines.append(LogicalLine(_spans(kept, start), reading, blank, lead > 1))
            blank = 0
        else:
            blank += 1
        position += len(raw_line) + 1
    return lines


# --- hard-wrapped text (pdftotext without -layout, e-mail, fixed-width exports) ---

SENTENCE_END = "。！？；!?;"
CLOSERS = "”’」』）)】》"
_SENTENCE_END = SENTENCE_END + CLOSERS
_PAGE_NUMBER = regex.compile(
    r"^(?:[—–\-－~]\s*[0-9]{1,4}\s*[—–\-－~]|第\s*[0-9]{1,4}\s*页(?:\s*[，,/]?\s*共\s*[0-9]{1,4}\s*页)?"
    r"|[0-9]{1,4}\s*/\s*[0-9]{1,4}|[-—]\s*[0-9]{1,4}|Page\s*[0-9]{1,4})$")
# what a page number opens with: a line that opens otherwise is not given to the regex module
_PAGE_NUMBER_OPENINGS = frozenset("—–-－~第0123456789P")
WRAP_MIN_WIDTH = 20


def is_page_number(text: str) -> bool:
    """A line that is a page number alone (``—10—``, ``第3页``), page furniture wherever it falls.

    >>> is_page_number("—10—"), is_page_number("第 3 页"), is_page_number("10月")
    (True, True, False)
    """
    text = text.strip()
    return text[:1] in _PAGE_NUMBER_OPENINGS and _PAGE_NUMBER.match(text) is not None


def wrap_width(lines: list[LogicalLine], skip: frozenset[int] | None = None) -> int | None:
    """The width a hard-wrapped text was wrapped at, or None when its lines are not wrapped.

    In wrapped text most lines are *full*: as long as the widest ordinary line, give or take a
    few characters for punctuation and half-width digits, and most of them end mid-sentence.
    Text with one paragraph a line has lines of every length; a data list or a table has short
    lines that end a statement each.

    >>> lines = logical_lines("\\n".join([f"这是第{n}行被硬换行的文字，它在句子中间断开了" for n in range(6)]))
    >>> wrap_width(lines)
    22
    """
    # most text is not wrapped, and says so at once: its long lines end their sentences
    long_lines = [line.text for line in lines if len(line.text) >= WRAP_MIN_WIDTH]
    if len(long_lines) < 6 or sum(text[-1] not in _SENTENCE_END for text in long_lines) < 0.3 * len(
            long_lines):
        return None
    skip = furniture(lines) if skip is None else skip
    # short lines (headings, data-list items, the last line of a paragraph) say nothing
    # (nor do table rows a | b | c, which no text tool wraps)
    widths = [line.width for n, line in enumerate(lines)
              if n not in skip and line.width >= WRAP_MIN_WIDTH and "|" not in line.text]
    if len(widths) < 6:
        return None
    counts = Counter(widths)
    # the widest width that, with the four below it, holds the most lines
    best, best_count = 0, 0
    for width in sorted(counts, reverse=True):
        held = sum(counts.get(w, 0) for w in range(width - 4, width + 1))
        if held > best_count:
            best, best_count = width, held
    if best_count < max(6, 0.5 * len(widths)):
        return None
    full = [line for line in lines if best - 4 <= line.width <= best + 2]
    open_ended = sum(line.text[-1] not in _SENTENCE_END for line in full)
    wider = sum(width > best + 2 for width in widths)
    if open_ended < 0.6 * len(full) or wider > 0.1 * len(widths):
        return None
    return best


def is_full(line: LogicalLine, width: int) -> bool:
    """A line as wide as the wrapping allows: the paragraph goes on after it."""
    return line.width >= width - max(4, width // 6)


def furniture(lines: list[LogicalLine]) -> frozenset[int]:
    """Indices of page furniture: page-number lines (``— 3 —``, ``第3页``) and running headers
    or footers (a short line printed again and again)."""
    repeated = Counter(line.text for line in lines if len(line.text) <= 40)
    found = set()
    for index, line in enumerate(lines):
        if is_page_number(line.text) or (
                repeated[line.text] >= 3 and not NUMBER_CELL.match(line.text)):
            found.add(index)
    return frozenset(found)


# A cell or line that is one number (a table cell, not a page header): 1,234.5, -3.2%
NUMBER_CELL = regex.compile(r"^\s*[-+−]?[0-9][0-9,]*(?:\.[0-9]+)?\s*%?\s*$")


def logical_offset(bases: tuple[int, ...], spans: Spans, offset: int, *, is_end: bool) -> int:
    """Source offset of a position in a text made of ``spans`` (``bases`` are the logical
    starts of the spans). At the seam of two spans a start belongs to the second span and an
    end to the first."""
    index = bisect_right(bases, offset) - 1
    if is_end and index > 0 and offset == bases[index]:
        index -= 1
    if index < 0:
        return spans[0][0]
    start, end = spans[index]
    return min(start + offset - bases[index], end)


UNIT_HEADING = regex.compile(r"^(?:计量)?单位$")  # the heading of a column of units (单位 | 计量单位)
# a table's unit note: 单位：亿元, （计量单位：万吨）
UNIT_NOTE = regex.compile(r"^[（(]?\s*(?:计量)?单位\s*[：:]\s*(?P<unit>[^）)\s]+)\s*[）)]?$")
# a table's title: 表1, 附表2, 图3
TABLE_TITLE = regex.compile(r"^\s*(?:附?表|图)\s*[0-9一二三四五六七八九十]")
# a cell that holds a year over a column: 1995, 2021年
YEAR_CELL = regex.compile(r"^\s*(?:19|20)[0-9]{2}\s*年?\s*$")

# (tables that arrive one cell per line are read back as rows a|b|c in cells.py)

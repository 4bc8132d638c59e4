"""Stage 2: normalised text → blocks (heading, paragraph, bullet item, value line, table row,
caption), with clause boundaries, and the layout repairs a report's text needs.

A block is *logical*: usually one line of the text, but a paragraph that a page or column
break cut in two (``…平均审查周`` / ``期压缩70%``) is one block made of two spans, and a caption
printed in the middle of a sentence is set apart as its own ``caption`` block while the two
halves of the sentence are joined around it. The text itself is never rewritten, so every
offset stays an offset into the source.

>>> from ipextract.normalize import normalize
>>> [b.kind for b in split_blocks(normalize("标题\\n\\n●专利授权71292件\\n同比增长19.19%").text)]
['heading', 'item', 'line']
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Literal

import regex

from .cells import cell_rows
from .layout import (
    CLOSERS,
    NUMBER_CELL,
    SENTENCE_END,
    TABLE_TITLE,
    UNIT_HEADING,
    UNIT_NOTE,
    YEAR_CELL,
    LogicalLine,
    Spans,
    furniture,
    is_full,
    logical_lines,
    logical_offset,
    wrap_width,
)
from .scanning import HAN_CLASS
from .vocabulary import load_vocabulary
from .vocabulary.lexicon import is_word

BlockKind = Literal["heading", "paragraph", "item", "line", "table_row", "unit_note", "caption"]
Section = Literal["narrative", "data", "table"]

BULLETS = "●◆■▪□◇○►▶★☆✓√◎"
MAX_REACH = 240  # characters read around a figure, at most, for its clause and sentence
CLAUSE_BREAK = "，,：:、"
_HAN = regex.compile(r"\p{Han}")
_HAS_DIGIT = regex.compile(r"[0-9零〇一二两三四五六七八九十百千万亿]")


@dataclass(frozen=True, slots=True)
class Block:
    """A logical block: one or more spans of the source read as one piece of text.

    ``group`` numbers the unit that growth lines and labels attach within: a bullet item and
    the value lines under it share a group; a paragraph is its own group. ``unit_note`` is the
    unit announced by the nearest ``单位：亿元`` note above a table.
    """

    kind: BlockKind
    spans: tuple[tuple[int, int], ...]
    text: str
    section: Section
    group: int
    unit_note: str | None = None
    column_units: tuple[str | None, ...] = ()  # a table's units by column (金额（亿元）)
    unit_column: int | None = None  # a table's column of units (指标 | 单位 | 数值)
    clause_starts: tuple[int, ...] = field(default=(), repr=False)
    sentence_starts: tuple[int, ...] = field(default=(), repr=False)
    bases: tuple[int, ...] = field(default=(0,), repr=False)  # logical start of each span
    # (end, start) of each pair of lines joined because the first stops mid-sentence in a text
    # that is not hard-wrapped: a break the layout check reports
    joins: tuple[tuple[int, int], ...] = field(default=(), repr=False)
    # The block starts with a digit right below a line that ends with one: a number a line
    # break may have cut (``712`` / ``92件``) where the lines were not read as one. Its tail
    # alone would be a wrong value, so a figure there is not read.
    cut_before: bool = False
    # The block ends with a digit or a decimal point right above a line that starts with one:
    # a figure at its end may be the head of a cut number (``54.`` / ``6%``).
    cut_after: bool = False

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]

    def to_source(self, offset: int, *, is_end: bool = False) -> int:
        """Source offset of a position in this block's logical text. At the seam of two
        spans a start belongs to the second span and an end to the first."""
        spans = self.spans
        if len(spans) == 1:  # most blocks: one line read whole
            start, end = spans[0]
            # (a comparison, not a call of min: asked twice for every figure)
            return start + offset if start + offset <= end else end  # noqa: FURB136
        return logical_offset(self.bases, spans, offset, is_end=is_end)

    def source_pieces(self, start: int, end: int) -> Spans:
        """The source spans that the logical range [start, end) is read from."""
        if len(self.spans) == 1:
            return ((self.spans[0][0] + start, self.spans[0][0] + end),)
        pieces = []
        index = bisect_right(self.bases, start) - 1
        while index < len(self.spans) and start < end:
            span_start, span_end = self.spans[index]
            base = self.bases[index]
            piece_start = span_start + start - base
            piece_end = min(span_end, span_start + end - base)
            if piece_start < piece_end:
                pieces.append((piece_start, piece_end))
            start = base + (span_end - span_start)
            index += 1
        return tuple(pieces)

    # Clauses and sentences are read at most MAX_REACH characters around a figure: a page of
    # text without punctuation (or a hostile 5 MB line) must not make every figure rescan it.
    # (The records stage asks these 60,000 times on a year's reports: a comparison, not a call
    # of max or min, which costs ten times as much, 250 ns; each tuple read once.)
    def clause_start(self, offset: int) -> int:
        starts = self.clause_starts
        index = bisect_right(starts, offset) - 1
        start = starts[index] if index >= 0 else 0
        return start if start >= offset - MAX_REACH else offset - MAX_REACH  # noqa: FURB136

    def sentence_start(self, offset: int) -> int:
        starts = self.sentence_starts
        index = bisect_right(starts, offset) - 1
        start = starts[index] if index >= 0 else 0
        return start if start >= offset - MAX_REACH else offset - MAX_REACH  # noqa: FURB136

    def sentence_end(self, offset: int) -> int:
        starts = self.sentence_starts
        index = bisect_right(starts, offset)
        end = starts[index] if index < len(starts) else len(self.text)
        return end if end <= offset + MAX_REACH else offset + MAX_REACH  # noqa: FURB136


_UNIT_WORD = "单位"  # what every UNIT_NOTE holds


def _may_title_a_table(line: str) -> bool:
    """Whether ``line`` holds 表 or 图, as every TABLE_TITLE does: most paragraphs are not
    given to the regex module (a microsecond a call)."""
    return "表" in line or "图" in line


def _classify(line: str) -> BlockKind:
    if line[0] in BULLETS:
        return "item"
    if _UNIT_WORD in line and UNIT_NOTE.match(line):  # (the engine only for a line with 单位)
        return "unit_note"
    if "|" in line:
        return "table_row"
    ends_sentence = line[-1] in SENTENCE_END or line[-1] in CLOSERS
    if not ends_sentence and len(line) <= 40 and "。" not in line and (
        "，" not in line or _NUMBERED_HEADING.match(line)
    ):
        return "heading"  # 十一、文化，卫生和体育 is a heading written with ， for 、
    return "paragraph"


_NUMBERED_HEADING = regex.compile(r"\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]"
                                  r"|第[一二三四五六七八九十]{1,3}(?:部分|章|篇|节))")


def _is_broken(line: str) -> bool:
    """A paragraph that stops mid-sentence: it has clause punctuation but no sentence end."""
    last = line[-1]
    return (
        len(line) >= 12
        and ("，" in line or "。" in line)
        and last not in SENTENCE_END
        and last not in CLOSERS
        and last not in CLAUSE_BREAK
    )


def _crosses_word(left: str, right: str) -> bool:
    """True when a dictionary word runs across the break: 审查周|期 (周期), 县|域 (县域)."""
    for take_left in (1, 2):
        for take_right in (1, 2):
            if len(left) >= take_left and len(right) >= take_right:
                word = left[-take_left:] + right[:take_right]
                if _HAN.match(word[0]) and is_word(word):
                    return True
    return False


def _looks_like_caption(line: str) -> bool:
    return len(line) <= 80 and line[-1] in SENTENCE_END


_ASCII_DIGITS = frozenset("0123456789")
_NUMBERED = regex.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.、．](?![0-9])"
                           r"|第[一二三四五六七八九十0-9]+[章节部分条])")


def _number_read_on(paragraph: str, line: LogicalLine) -> bool:
    """…。结婚率为5.4‰，比上年下降|0.4个千分点: a paragraph of sentences cut short after words,
    the next line opening with a number that is no point of a list (2.旅游…): the sentence
    reads on into the figure. Not after a heading (一、…取得新成效 | 2025年是…), whatever the
    blank lines or indents between (a page break puts them there)."""
    return line.text[0] in _ASCII_DIGITS and _HAN.match(paragraph[-1]) is not None and (
        _classify(paragraph) == "paragraph") and not _NUMBERED.match(line.text)


def _starts_paragraph(line: LogicalLine) -> bool:
    """A mark a hard-wrapped text gives a new paragraph: a blank line above, an indent, a
    bullet or a section number."""
    return bool(line.blank_before or line.indent or line.text[0] in BULLETS
                or _NUMBERED.match(line.text))


@dataclass(slots=True)
class _Paragraph:
    parts: list[LogicalLine]
    captions: list[LogicalLine]  # complete short sentences printed inside it
    joins: list[tuple[int, int]]  # line breaks inside it that the layout check reports


def _next_text_line(lines: list[LogicalLine], index: int, skip: frozenset[int]) -> int:
    while index in skip:
        index += 1
    return index


def _wrapped_paragraph(lines: list[LogicalLine], index: int, width: int,
                       skip: frozenset[int]) -> tuple[_Paragraph, int]:
    """A paragraph of hard-wrapped text: full lines go on into the next one unless it is
    marked as a new paragraph; page furniture between them is passed over."""
    parts = [lines[index]]
    joins: list[tuple[int, int]] = []
    index += 1
    while True:
        following = _next_text_line(lines, index, skip)
        if following >= len(lines):
            break
        line, last = lines[following], parts[-1]
        if is_full(last, width):
            if _starts_paragraph(line) and not (following > index and not line.indent
                                                and line.text[0] not in BULLETS):
                break
        elif not (_is_broken(joined := "".join(part.text for part in parts)) and (
                _crosses_word(last.text, line.text) or _number_read_on(joined, line))
                  and line.text[0] not in BULLETS and not _NUMBERED.match(line.text)):
            break
        else:  # a short line that stops inside a word (审查周 / 期压缩70%): a break, as unwrapped
            joins.append((last.end, line.start))
        parts.append(line)
        index = following + 1
    return _Paragraph(parts, [], joins), index


def _merge_broken_paragraphs(lines: list[LogicalLine], width: int | None,
                             skip: frozenset[int]) -> list[_Paragraph]:
    """Group lines into logical paragraphs. In hard-wrapped text (``width`` is its wrap width)
    a paragraph runs until a line that is not full; otherwise a line is one paragraph unless it
    stops mid-sentence and the next line reads on. ``skip`` holds the page furniture (page
    numbers, running headers), passed over where a paragraph runs across it."""
    groups: list[_Paragraph] = []
    index = 0
    while index < len(lines):
        if width is not None and index not in skip:
            paragraph, index = _wrapped_paragraph(lines, index, width, skip)
            groups.append(paragraph)
            continue
        parts = [lines[index]]
        captions: list[LogicalLine] = []
        joins: list[tuple[int, int]] = []
        index += 1
        while (
            _classify(parts[0].text) == "paragraph"
            and _is_broken(parts[-1].text)
            and index < len(lines)
        ):
            left = parts[-1].text
            following = _next_text_line(lines, index, skip)  # past a page number or header
            if following >= len(lines):
                break
            nxt = lines[following]
            after = lines[following + 1] if following + 1 < len(lines) else None
            if nxt.text[0] in BULLETS:
                break
            if _crosses_word(left, nxt.text):
                joins.append((parts[-1].end, nxt.start))
                parts.append(nxt)
                index = following + 1
            elif (
                after is not None
                and after.text[0] not in BULLETS
                and _looks_like_caption(nxt.text)
                # (…比上年|增长3.6%。| 表4…: a table's title reads on from no sentence; 年|表
                # is a word only by chance)
                and not TABLE_TITLE.match(after.text)
                and _crosses_word(left, after.text)
            ):
                captions.append(nxt)
                joins.append((parts[-1].end, after.start))
                parts.append(after)
                index = following + 2
            elif (_HAN.match(nxt.text[0]) or _number_read_on("".join(part.text for part in parts), nxt)) and (
                    _classify(nxt.text) == "paragraph"):
                joins.append((parts[-1].end, nxt.start))
                parts.append(nxt)
                index = following + 1
            else:
                break
        groups.append(_Paragraph(parts, captions, joins))
    return groups


# Every clause start (but the block's own) comes right after one of these characters.
BREAK_CHARACTERS = SENTENCE_END + CLAUSE_BREAK + BULLETS + " "
# (the standard engine: 30% faster than ``regex``; the marks are found by a plain class, and
# the spaces, which need a look around them, only in a block that has one)
_MARKS = re.compile("[" + re.escape(SENTENCE_END + CLAUSE_BREAK + BULLETS) + "]")
_SPACE_BREAK = re.compile(rf" (?:(?<={HAN_CLASS} )(?=.)|(?<=. )(?={HAN_CLASS}))", re.DOTALL)


_match_end = re.Match.end


def _boundaries(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where clauses and sentences start. A space next to a Han character separates two
    statements in a data list (a break too)."""
    # (map of the unbound method: no Python frame per mark, a fifth faster than a comprehension)
    ends = list(map(_match_end, _MARKS.finditer(text)))
    if any(mark in text for mark in NAME_LIST_MARKS) and (names := _class_names()) is not None:
        ends = _without_marks_in_names(text, ends, names)
    if ("“" in text or "「" in text) and any(mark in text for mark in NAME_LIST_MARKS):
        ends = _without_marks_in_quotes(text, ends)
    if " " in text:
        ends = sorted(ends + [match.end() for match in _SPACE_BREAK.finditer(text)])
    sentence_ends = [end for end in ends if text[end - 1] in SENTENCE_END]
    # (one (0,) for every block without a mark: a yearbook has tens of thousands)
    return ((0, *ends) if ends else _FROM_START,
            (0, *sentence_ends) if sentence_ends else _FROM_START)


_FROM_START = (0,)

#: the list marks a class's name may hold (服装、鞋帽、针纺织品类; a writer's or a converter's ，
#: for its 、): no break between items inside the name (records/measures.py, naming/fills.py
#: read the same marks in a name)
NAME_LIST_MARKS = "、，,"


@lru_cache(maxsize=1)
def _class_names() -> re.Pattern[str] | None:
    """The names of statistical classes that hold a 、 (cues.classification_names), longest
    first, with a comma in its place as well (a writer's or a converter's 、 → ，)."""
    names = sorted((name for name in load_vocabulary().cues.classification_names if "、" in name),
                   key=len, reverse=True)
    marks = f"[{NAME_LIST_MARKS}]"
    return re.compile("|".join(marks.join(map(re.escape, name.split("、"))) for name in names)
                      ) if names else None


def _without_marks_in_names(text: str, ends: list[int], names: re.Pattern[str]) -> list[int]:
    """``ends`` without the clause ends after a 、 inside a class's name (服装、鞋帽、针纺织品类
    is one name, not three items of a list).

    >>> _without_marks_in_names("粮油、食品类增长8%，饮料类、烟酒类", [3, 11, 15], _class_names())
    [11, 15]
    """
    inside = {match.start() + at + 1 for match in names.finditer(text)
              for at, character in enumerate(match.group()) if character in NAME_LIST_MARKS}
    return [end for end in ends if end not in inside] if inside else ends


#: “阀、管”, “千村引领、万村提升”: a short name in quotes, with no figure, whose list marks are its
#: own (records/naming/phrase.py writes them 、 in the name)
QUOTED_WITH_MARKS = re.compile(
    r"[“「]([^“”「」0-9０-９。；：！？\n]{1,16}[、，,][^“”「」0-9０-９。；：！？\n]{1,16})[”」]")


def _without_marks_in_quotes(text: str, ends: list[int]) -> list[int]:
    """``ends`` without the clause ends after a list mark inside a short name in quotes (居民“阀、
    管”改造 is one work, the quoted name of a programme one name: no items of a list).

    >>> _without_marks_in_quotes("完成“阀、管”改造，新建", [5, 10])
    [10]
    """
    inside = {match.start(1) + at + 1 for match in QUOTED_WITH_MARKS.finditer(text)
              for at, character in enumerate(match.group(1)) if character in NAME_LIST_MARKS}
    return [end for end in ends if end not in inside] if inside else ends


_HEADING_UNIT = regex.compile(r"[（(]\s*(?:单位\s*[：:]\s*)?(?P<unit>[^）()（]{1,6}?)\s*[)）]\s*$")


_RANK_HEADINGS = frozenset({"位次", "名次", "排名", "排位"})


def heading_unit(cell: str) -> str | None:
    """The unit a column heading announces: 金额（亿元） → 亿元, 增速(%) → %, 位次 → 位次 (ranks)."""
    if cell.strip() in _RANK_HEADINGS:
        return "位次"
    match = _HEADING_UNIT.search(cell.strip())
    return match.group("unit") if match else None




def _spread(upper: tuple[str | None, ...], width: int) -> tuple[str | None, ...]:
    """The units of an upper heading row spread over a lower one whose columns it groups:
    ``| 总产值(%) | 人员(%)`` over ``| 1985 | 1995 | 1985 | 1995`` gives each year column the
    unit above it. () when the lower row does not divide evenly under the upper one.

    >>> _spread(("", "%", "万人"), 5)
    ('', '%', '%', '万人', '万人')
    """
    groups, columns = len(upper) - 1, width - 1
    if groups < 1 or columns <= groups or columns % groups:
        return ()
    span = columns // groups
    return (upper[0], *(upper[1 + column // span] for column in range(columns)))


_set = object.__setattr__


def _block(kind: BlockKind, parts: list[LogicalLine], section: Section, group: int,
           unit_note: str | None, column_units: tuple[str | None, ...] = (),
           joins: tuple[tuple[int, int], ...] = (), unit_column: int | None = None) -> Block:
    text = "".join(part.text for part in parts)
    clauses, sentences = _boundaries(text)
    spans: list[tuple[int, int]] = []
    bases: list[int] = []
    base = 0
    for part in parts:
        for start, end in part.spans:
            spans.append((start, end))
            bases.append(base)
            base += end - start
    # A line read whole keeps its line's spans, and one span the shared (0,): the copies took
    # 6 MB of a yearbook's 60,000 blocks (the lines are dropped, the blocks kept to the end)
    spans_made = parts[0].spans if len(parts) == 1 else tuple(spans)
    # Block(...) field by field: the frozen dataclass's own __init__ takes 3× as long (4.9 µs,
    # a twentieth of split_blocks)
    block = object.__new__(Block)
    _set(block, "kind", kind)
    _set(block, "spans", spans_made)
    _set(block, "text", text)
    _set(block, "section", section)
    _set(block, "group", group)
    _set(block, "unit_note", unit_note)
    _set(block, "column_units", column_units)
    _set(block, "unit_column", unit_column)
    _set(block, "clause_starts", clauses)
    _set(block, "sentence_starts", sentences)
    _set(block, "bases", _FROM_START if len(bases) == 1 else tuple(bases))
    _set(block, "joins", joins)
    _set(block, "cut_before", False)
    _set(block, "cut_after", False)
    return block


# (_block sets every field: a field added to Block must be added there too)
if tuple(Block.__dataclass_fields__) != ("kind", "spans", "text", "section", "group", "unit_note",
                                        "column_units", "unit_column", "clause_starts",
                                        "sentence_starts", "bases", "joins", "cut_before",
                                        "cut_after"):
    raise TypeError("_block no longer sets every field of Block")


def split_blocks(text: str) -> list[Block]:
    """Blocks of ``text`` in order of position.

    Data lists are recognised by their bullets: a bullet line opens an item, and the short
    lines under it that carry a figure (``16380次``, ``同比增长4.26%``) are ``line`` blocks
    of the same group, so that a value attaches to its label and a growth to its value.
    """
    blocks: list[Block] = []
    group = -1
    in_item = False
    unit_note: str | None = None
    column_units: tuple[str | None, ...] = ()
    unit_column: int | None = None
    previous_heading = False  # the block before is a table row without numbers
    lines = cell_rows(logical_lines(text), text)
    skip = furniture(lines)
    for paragraph in _merge_broken_paragraphs(lines, wrap_width(lines, skip), skip):
        parts, captions, joins = paragraph.parts, paragraph.captions, tuple(paragraph.joins)
        first = parts[0].text
        kind = _classify(first) if len(parts) == 1 or first[0] in BULLETS else "paragraph"
        if kind != "table_row":
            previous_heading = False
        if kind == "item":
            group += 1
            in_item = True
            blocks.append(_block("item", parts, "data", group, None))
        elif in_item and kind in ("heading", "paragraph") and len(first) <= 60 and (
            _HAS_DIGIT.search(first)
        ) and not first.endswith("。"):
            blocks.append(_block("line", parts, "data", group, None))
        elif kind == "unit_note":
            match = UNIT_NOTE.match(first)
            unit_note = match.group("unit") if match else None
            group += 1
            in_item = False
            blocks.append(_block("unit_note", parts, "table", group, unit_note))
        elif kind == "table_row":
            group += 1
            cells = first.split("|")
            announced = tuple(heading_unit(cell) for cell in cells)
            units_at = next((n for n, cell in enumerate(cells) if UNIT_HEADING.match(cell.strip())),
                            None)
            heading_row = not any(NUMBER_CELL.match(cell) and not YEAR_CELL.match(cell)
                                  for cell in cells)
            if heading_row and not any(announced) and units_at is None and previous_heading:
                # a second heading row under one whose cells span several of its columns
                # (按总产值计算(%) over 1985 | 1995): the upper units spread over them
                announced = _spread(column_units, len(cells))
            if (any(announced) or units_at is not None) and heading_row:
                # a heading row: 指标 | 金额（亿元） | 同比增长（%）, or 产品 | 计量单位 | 2021年
                column_units, unit_column = announced, units_at
            previous_heading = heading_row
            blocks.append(_block("table_row", parts, "table", group, unit_note, column_units,
                                 unit_column=unit_column))
        else:
            group += 1
            in_item = False
            # 表5：…结构对比（％）: a table's title may announce the unit of its cells
            unit_note = heading_unit(first) if _may_title_a_table(first) and TABLE_TITLE.match(
                first) else None
            column_units = ()
            unit_column = None
            blocks.append(_block(kind, parts, "narrative", group, None, joins=joins))
        for caption in captions:
            group += 1
            blocks.append(_block("caption", [caption], "narrative", group, None))
    blocks.sort(key=lambda block: block.start)
    # (a table row is whole: its cells end where the row ends)
    return [_mark_cut(block, text) if block.kind != "table_row" and (
        block.text[:1] in _NUMBER_CHARACTERS or block.text[-1:] in _NUMBER_CHARACTERS) else block
        for block in blocks]


_NUMBER_CHARACTERS = frozenset("0123456789.")


def _mark_cut(block: Block, text: str) -> Block:
    """Mark a number a line break may have cut at the block's start or end (see Block). Only
    the characters next to the block are read, never a copy of the text before or after it: a
    yearbook has tens of thousands of such blocks."""
    before = block.start - 1  # the last character before the block that is not white space
    while before >= 0 and text[before].isspace():
        before -= 1
    after = block.end  # the first one after it
    while after < len(text) and text[after].isspace():
        after += 1
    line_end = text.find("\n", after)
    cut_before = (block.text[:1] in _NUMBER_CHARACTERS and before >= 0
                  and text[before] in _NUMBER_CHARACTERS and "\n" in text[before + 1:block.start]
                  and "|" not in text[text.rfind("\n", 0, before) + 1:before])
    cut_after = (block.text[-1:] in _NUMBER_CHARACTERS and after < len(text)
                 and text[after] in _NUMBER_CHARACTERS and "\n" in text[block.end:after]
                 and "|" not in text[after:line_end if line_end >= 0 else len(text)])
    return replace(block, cut_before=cut_before, cut_after=cut_after) if cut_before or cut_after else block

"""Where a figure stands in time and text: its period and the sentence or item it is read in."""

from __future__ import annotations

from functools import lru_cache

import regex

from ..blocks import BULLETS, Block
from ..figures import Figure
from ..scanning import must_contain
from .base import _period_pattern

_CURRENT_YEAR_WORDS = regex.compile(r"全年|今年|本年|年末|年底")
# A time a sentence names that is no period of the pattern and not the year it inherits
# (过去五年, 五年来, 十四五时期, 上半年, 1—11月): a figure there gets no inherited period.
_NUMERAL = "[0-9一二三四五六七八九十两]"
_OTHER_TIME = regex.compile(
    rf"过去{_NUMERAL}*年|{_NUMERAL}+年(?:来|间)|近{_NUMERAL}+年|以来|十{_NUMERAL}五|时期|期间"
    rf"|[上下]半年|{_NUMERAL}季度|{_NUMERAL}{{1,2}}月(?!份)")


@lru_cache(maxsize=1)
def _period_marker() -> str:
    """A character every period contains (年), when the vocabulary's pattern says so: a
    sentence without it names no period and is not searched."""
    return "年" if must_contain(_period_pattern().pattern, "年") else ""


def _period(block: Block, figure: Figure, inherited: str | None, year: int | None) -> str | None:
    sentence_start = block.sentence_start(figure.lstart)
    window = block.text[sentence_start: figure.lstart]
    found = None
    marker = _period_marker()
    for match in (_period_pattern().finditer(window) if not marker or marker in window else ()):
        found = match.group(0)
    if found:
        return found
    if not inherited and not year:
        return None
    if _OTHER_TIME.search(window):
        return None  # 过去五年，累计…: a time of its own, not the paragraph's year
    if inherited:
        return inherited
    clause = block.text[block.clause_start(figure.lstart): figure.lstart]
    if _CURRENT_YEAR_WORDS.search(clause):
        return str(year)
    return None


# A numbered part of a report (一、…, 第二部分…), as opposed to a point within it (（一）…).
_PART_HEADING = regex.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}(?:部分|章|篇))")


def part_period(block: Block) -> tuple[bool, str | None]:
    """Whether ``block`` opens a numbered part, and the period its heading names.

    A work report of 2026 reviews 2025 under ``一、2025年工作回顾`` and plans 2026 under
    ``三、2026年重点工作``: the year of the part, not of the title, is what its figures are
    about. The next numbered part ends it, with or without a period of its own.

    >>> from ipextract.blocks import split_blocks
    >>> [part_period(b) for b in split_blocks("一、2025年工作回顾\\n（一）经济\\n二、主要任务")]
    [(True, '2025年'), (False, None), (True, None)]
    """
    if block.kind != "heading" or not _PART_HEADING.match(block.text):
        return False, None
    found = _period_pattern().search(block.text)
    return True, found.group(0) if found else None


def _block_period(block: Block) -> str | None:
    """A period that opens a block's first sentence (2024年，武汉…) covers the whole block."""
    match = _period_pattern().match(block.text.lstrip(BULLETS))
    return match.group(0) if match else None


def opening_periods(block: Block, year: int | None = None) -> list[tuple[int, str | None]]:
    """The periods that open a sentence of ``block`` (2025年，全省… / 。2026年，要…), with
    the offset of the sentence each opens. Each covers the sentences after it, in this
    paragraph and in the paragraphs that go on after it, until the next one: a reader reads a
    paragraph break as a pause, not as a new time.

    Only a period of the document's time covers what follows: the report's year or the year
    before it (a 2026 work report reviews 2025), and never a span (2020年以来) or a day (2023年
    6月8日, an event). Any other opening stands for its own sentence and leaves the time after
    it unknown (``None``).

    >>> from ipextract.blocks import split_blocks
    >>> opening_periods(split_blocks("2024年末，机构2766个。其中医院387个。2025年，新增5个。")[0])
    [(0, '2024年末'), (24, '2025年')]
    >>> opening_periods(split_blocks("2020年以来，新增5个。2018年，建成3个。")[0], 2025)
    [(0, None), (13, None)]
    """
    marker = _period_marker()
    if marker and marker not in block.text:
        return []
    found: list[tuple[int, str | None]] = []
    pattern = _period_pattern()
    for start in sorted({0, *block.sentence_starts}):
        while start < len(block.text) and (block.text[start] in BULLETS or block.text[start] == " "):
            start += 1
        match = pattern.match(block.text, start)
        if match:
            found.append((start, match.group(0) if _covers_what_follows(match.group(0), year)
                          else None))
    return found


_YEAR_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")


def _covers_what_follows(period: str, year: int | None) -> bool:
    if "以来" in period or "日" in period:
        return False
    digits = period.lstrip("截至止到").translate(_YEAR_DIGITS)[:4]
    return year is None or not digits.isdigit() or int(digits) in (year - 1, year)


def ends_carried_period(block: Block) -> bool:
    """A heading ends the period carried from the paragraphs before it; a line that leads into
    what follows (重点抓了以下工作：) does not, nor a page number left in the text (—5—)."""
    return (block.kind == "heading" and not block.text.rstrip().endswith(("：", ":"))
            and _WORDS.search(block.text) is not None)


_WORDS = regex.compile(r"\p{Han}")


def _group_texts(blocks: list[Block]) -> dict[int, str]:
    """The text of each data item (the bullet and the value lines under it), built once."""
    parts: dict[int, list[str]] = {}
    for block in blocks:
        if block.section == "data" and block.kind in ("item", "line"):
            parts.setdefault(block.group, []).append(block.text.strip())
    return {group: " / ".join(texts) for group, texts in parts.items()}


def _context(block: Block, figure: Figure, group_texts: dict[int, str]) -> str:
    if block.section == "data" and block.group in group_texts:
        return group_texts[block.group]
    start = block.sentence_start(figure.lstart)
    end = block.sentence_end(figure.lstart)
    return block.text[start:end].strip()

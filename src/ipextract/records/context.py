"""Where a figure stands in time and text: its period and the sentence or item it is read in."""

from __future__ import annotations

from functools import lru_cache

import regex

from ..blocks import BULLETS, Block
from ..figures import Figure
from ..scanning import must_contain
from .base import _period_pattern

_CURRENT_YEAR_WORDS = regex.compile(r"全年|今年|本年|年末|年底")


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
    if inherited:
        return inherited
    clause = block.text[block.clause_start(figure.lstart): figure.lstart]
    if year and _CURRENT_YEAR_WORDS.search(clause):
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

"""Where a figure stands in time and text: its period and the sentence or item it is read in."""

from __future__ import annotations

import regex

from ..blocks import BULLETS, Block
from ..figures import Figure
from .base import _period_pattern

_CURRENT_YEAR_WORDS = regex.compile(r"全年|今年|本年|年末|年底")


def _period(block: Block, figure: Figure, inherited: str | None, year: int | None) -> str | None:
    sentence_start = block.sentence_start(figure.lstart)
    window = block.text[sentence_start: figure.lstart]
    found = None
    for match in _period_pattern().finditer(window):
        found = match.group(0)
    if found:
        return found
    if inherited:
        return inherited
    clause = block.text[block.clause_start(figure.lstart): figure.lstart]
    if year and _CURRENT_YEAR_WORDS.search(clause):
        return str(year)
    return None


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

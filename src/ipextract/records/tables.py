"""Rule 5: a table cell is named by its row heading; its column heading may make it a growth
(同比增长) or give its period (2024年)."""

from __future__ import annotations

import regex

from ..blocks import Block
from ..figures import Figure
from ..vocabulary.models import Kind
from .base import _QUOTES, BASE_KINDS, PERCENT_UNITS, POINT_UNITS, Draft, _strip_edges
from .kinds import _change_cue

_GROWTH_HEADING = regex.compile(r"增长|增速|增幅|同比|比上年|变化")
_SUB_ROW = regex.compile(r"^(?:其中\s*[：:]?|[#＃]+|[-—]+\s*|[0-9]{1,2}\s*[.．、]|[一二三四五六七八九十]{1,3}、)")
_UNIT_NOTE = regex.compile(r"\s*[（(][^（）()]{1,8}[)）]\s*$")
_SHARE_HEADING = regex.compile(r"比重|占比|构成|所占|份额")


_YEAR_HEADING = regex.compile(r"(?:19|20)[0-9]{2}年?")


def _cells(block: Block) -> list[tuple[int, int, str]]:
    """The cells of a table row: (start, end, text) in the block's logical text."""
    cells = []
    position = 0
    for part in block.text.split("|"):
        cells.append((position, position + len(part), part.strip()))
        position += len(part) + 1
    return cells


def _table_drafts(blocks: list[Block], index: int, row_figures: list[Figure],
                  header: list[tuple[int, int, str]], year: int | None) -> list[Draft]:
    """Rule 5: a cell's metric is its row heading; its column heading may make it a growth
    (同比增长) or give its period (2024年)."""
    block = blocks[index]
    cells = _cells(block)
    # 其中：第一产业, #新能源汽车, 1.食品烟酒: a sub-row's marks and numbers are not part of its name
    # 基本每股收益（元/股）: the unit the heading announces is the figures' unit, not their name
    label = _UNIT_NOTE.sub("", _SUB_ROW.sub("", _QUOTES.sub("", cells[0][2]))) if cells else ""
    drafts: list[Draft] = []
    base: Draft | None = None
    columns = [next((n for n, (start, end, _) in enumerate(cells) if start <= figure.lstart < end), 0)
               for figure in row_figures]
    for figure, column in zip(row_figures, columns, strict=True):
        heading = header[column][2] if column < len(header) else ""
        kind: Kind = figure.kind or "count"
        value = figure.value
        of = None
        cue = _change_cue(block.text[cells[column][0]:figure.lstart]) if column < len(cells) else None
        if cue is not None and figure.unit in POINT_UNITS:
            # 减少0.68个百分点 in a cell: the verb in the cell gives the sign
            kind, value = "change_pp", value * cue[0]
        elif figure.unit in PERCENT_UNITS or _GROWTH_HEADING.search(heading):
            # 比重（%）, 构成（%）: the part's share of the whole, not a rate of its own
            kind = ("growth" if _GROWTH_HEADING.search(heading)
                    else "share" if _SHARE_HEADING.search(heading) else "rate")
            of = base.figure if base is not None and kind == "growth" else None
        # Several numbers in one cell are merged cells of a PDF copy (34  4  23 5): which row
        # each belongs to is lost, so none is named after the row heading.
        merged = columns.count(column) > 1
        metric = "" if merged else (label if column else _strip_edges(heading))
        period = heading if _YEAR_HEADING.fullmatch(heading) else (str(year) if year else None)
        draft = Draft(figure=figure, kind=kind, value=value, value_min=figure.value_min,
                      value_max=figure.value_max, qualifier=figure.qualifier,
                      metric=metric, metric_from="table",
                      period=period, period_from="text" if period else None, of=of,
                      section="table", context=block.text.strip())
        if kind in BASE_KINDS and base is None:
            base = draft
        drafts.append(draft)
    return drafts

"""Checks of the layout: layout_intrusion (a caption or stray block that breaks a sentence),
ambiguous_attachment (a growth line in a data list that could belong to two items)."""

from __future__ import annotations

import re
from bisect import bisect_left

from ..models import Record
from .base import CheckInput, CheckSettings, Finding
from .metrics import metric_key

# A table's or chart's title (表3 …, 图1 …): no sentence reads on into one.
_TITLE = re.compile(r"[ \t\u3000]*[表图][ \t\u3000]*[0-9０-９一二三四五六七八九十]")


def layout_intrusion(view: CheckInput, settings: CheckSettings) -> list[Finding]:
    """A caption printed inside a sentence (the blocks stage read the sentence as joined around
    it), and, as a note, a sentence broken across lines mid-word (审查周 / 期压缩70%). A join
    onto a table's or chart's title (比上年 / 表3 …) is no sentence reading on: the break is
    only noted."""
    blocks, text = view.blocks, view.text
    findings = []
    caption_blocks = [b for b in blocks if b.kind == "caption"]
    caption_starts = [b.start for b in caption_blocks]
    paragraphs = [b for b in blocks if b.joins]
    for paragraph in paragraphs:
        for first_end, second_start in paragraph.joins:
            lo = bisect_left(caption_starts, first_end)
            hi = bisect_left(caption_starts, second_start)
            captions = [b for b in caption_blocks[lo:hi] if b.end <= second_start]
            if _TITLE.match(text, second_start):
                captions = []
            before = text[max(paragraph.start, first_end - 8): first_end]
            after = text[second_start: second_start + 8]
            if captions:
                caption = captions[0]
                findings.append(Finding(
                    kind="layout_intrusion",
                    severity="warning",
                    message=f"“{caption.text[:30]}” is printed inside the sentence "
                            f"“…{before}” / “{after}…”, which reads on after it.",
                    spans=((first_end - len(before), first_end), (caption.start, caption.end),
                           (second_start, second_start + len(after))),
                    evidence={"caption": caption.text, "joined": before + after,
                              "rule": "a word runs across the break around a complete "
                                      "short sentence"},
                ))
            else:
                findings.append(Finding(
                    kind="layout_intrusion",
                    severity="info",
                    message=f"A line break cuts the sentence “…{before}{after}…”; it was read "
                            "as one.",
                    spans=((first_end - len(before), first_end),
                           (second_start, second_start + len(after))),
                    evidence={"joined": before + after, "rule": "paragraph ends mid-sentence"},
                ))
    return findings


def ambiguous_attachment(view: CheckInput, settings: CheckSettings) -> list[Finding]:
    """A growth line set apart under a data item whose item above names a related indicator
    (●发明专利授权25230件 / ●企业发明专利授权14551件 / 同比增长4.26%): the reader cannot
    tell which of the two the growth is of."""
    blocks, text, records = view.blocks, view.text, view.records
    positions: list[int] = []  # the blocks' starts, made when a line under two items is found

    def by_block(index: int) -> list[Record]:
        """The records whose block is ``index``: the last block starting at or before them
        (few blocks are asked about, so the records are not sorted into blocks)."""
        if not positions:
            positions.extend(b.start for b in blocks)
        starts = view.starts
        low = bisect_left(starts, positions[index])
        high = bisect_left(starts, positions[index + 1]) if index + 1 < len(blocks) else len(starts)
        return records[low:high]

    findings = []
    for index, block in enumerate(blocks):
        # the structure first (most documents have no line under two items): blocks only
        if (block.kind != "line" or index < 2 or blocks[index - 1].kind != "item"
                or blocks[index - 2].kind != "item"):
            continue
        line_records = by_block(index)
        if not line_records or any(r.kind not in ("growth", "change_pp") for r in line_records):
            continue
        item = blocks[index - 1]
        separated = "\n\n" in text[item.end: block.start]
        item_base = [r for r in by_block(index - 1) if r.kind in ("count", "amount")]
        above_base = [r for r in by_block(index - 2) if r.kind in ("count", "amount")]
        if not (separated and item_base and above_base):
            continue
        key_item, key_above = metric_key(item_base[-1].metric), metric_key(above_base[-1].metric)
        if not (key_above in key_item or key_item in key_above):
            continue
        growth = line_records[0]
        findings.append(Finding(
            kind="ambiguous_attachment",
            severity="warning",
            message=f"“{growth.context.split(' / ')[-1]}” stands apart under two related items "
                    f"({above_base[-1].metric}, {item_base[-1].metric}); it was attached to "
                    "the nearer one.",
            record_ids=(growth.id, item_base[-1].id, above_base[-1].id),
            spans=((above_base[-1].start, above_base[-1].end),
                   (item_base[-1].start, item_base[-1].end), (growth.start, growth.end)),
            evidence={"attached_to": item_base[-1].id, "also_possible": above_base[-1].id,
                      "rule": "growth line after a blank line, under nested items"},
        ))
    return findings

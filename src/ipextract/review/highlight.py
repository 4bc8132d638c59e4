"""The document text as escaped HTML, with elements around marked stretches of it.

Marks (figures, flag spots) may nest, touch or cross. One sweep over the sorted boundaries
keeps the HTML well formed: at each boundary the elements that end there are closed, and an
element still open above them (a crossing) is closed with them and opened again as a further
part carrying ``data-part``. Offsets are code points (Python ``str`` indices), so an astral
character before a figure moves nothing.

>>> text = "增长19.19%，达71292件"
>>> print(highlight(text, [Mark(2, 8, "mark", (("data-record-id", "r1"),)),
...                        Mark(0, 8, "span", (("data-flag-span", "f1"),), layer=0)]))
<span data-flag-span="f1">增长<mark data-record-id="r1">19.19%</mark></span>，达71292件
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Mark:
    """A stretch ``[start, end)`` of the text to wrap in ``<tag attrs…>``.

    ``layer`` orders marks of equal extent: the lower layer wraps the higher (a flag spot
    around the figure it is about, so the figure keeps its own element inside)."""

    start: int
    end: int
    tag: str
    attrs: tuple[tuple[str, str], ...]
    layer: int = 1


@dataclass
class _Open:
    """An element open during the sweep (mutable: its part number grows when it is split)."""

    mark: Mark
    part: int = 1


def _open_tag(entry: _Open) -> str:
    attrs = entry.mark.attrs
    if entry.part > 1:
        # A continuation: the same data attributes, but not a second anchor or tab stop.
        attrs = (*(a for a in attrs if a[0] not in ("id", "tabindex")), ("data-part", str(entry.part)))
    return f"<{entry.mark.tag}" + "".join(f' {name}="{escape(value)}"' for name, value in attrs) + ">"


def _clamp(mark: Mark, size: int) -> Mark:
    """A mark outside the text becomes an empty element at its edge: clamped, never lost."""
    start = min(max(mark.start, 0), size)
    end = min(max(mark.end, start), size)
    return mark if (start, end) == (mark.start, mark.end) else Mark(start, end, mark.tag, mark.attrs, mark.layer)


def highlight(text: str, marks: Iterable[Mark]) -> str:
    """``text`` escaped, each mark an element (or several parts where marks cross)."""
    size = len(text)
    ordered = sorted((_clamp(m, size) for m in marks), key=lambda m: (m.start, m.end, m.layer))
    boundaries = sorted({0, size, *(m.start for m in ordered), *(m.end for m in ordered)})
    out: list[str] = []
    stack: list[_Open] = []
    following = 0  # index into ordered of the next mark to open
    position = 0
    for boundary in boundaries:
        out.append(escape(text[position:boundary], quote=False))
        position = boundary
        going_on = _close_ending(boundary, stack, out)
        while following < len(ordered) and ordered[following].start == boundary:
            mark = ordered[following]
            following += 1
            if mark.end == boundary:  # an empty mark: opened and closed here
                out.append(_open_tag(_Open(mark)) + f"</{mark.tag}>")
            else:
                going_on.append(_Open(mark))
        # What ends last is opened first (outermost), so what ends first closes without a split.
        going_on.sort(key=lambda entry: (-entry.mark.end, entry.mark.layer))
        for entry in going_on:
            out.append(_open_tag(entry))
            stack.append(entry)
    return "".join(out)


def _close_ending(boundary: int, stack: list[_Open], out: list[str]) -> list[_Open]:
    """Close every open element that ends at ``boundary``, and those above it that cross it:
    those come back, their part number raised, to be opened again."""
    lowest = next((i for i, entry in enumerate(stack) if entry.mark.end == boundary), None)
    if lowest is None:
        return []
    above = stack[lowest:]
    out.extend(f"</{entry.mark.tag}>" for entry in reversed(above))
    del stack[lowest:]
    going_on = [entry for entry in above if entry.mark.end != boundary]
    for entry in going_on:
        entry.part += 1
    return going_on

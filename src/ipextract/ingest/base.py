"""What every reader returns: the decoded text that all offsets index, and the facts about it."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

MAX_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Source:
    """A report as text.

    ``text`` is what records' offsets index (``document.text``; ``ipextract text FILE`` prints
    it). For a paged format, ``page_starts[i]`` is the offset where page ``i + 1`` begins."""

    name: str
    text: str
    encoding: str
    format: str = "txt"
    pages: int | None = None
    page_starts: tuple[int, ...] = field(default=())

    def page_of(self, offset: int) -> int | None:
        """1-based page of a text offset, when the format has pages."""
        if not self.page_starts:
            return None
        return bisect_right(self.page_starts, offset)

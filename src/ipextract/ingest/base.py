"""What every reader returns: the decoded text that all offsets index, and the facts about it."""

from __future__ import annotations

import zipfile
from bisect import bisect_right
from dataclasses import dataclass, field

from ..errors import InputError

MAX_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed: beyond this a member of an archive is a zip bomb


def check_members(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse an Office archive (DOCX, XLSX, ODS) that would expand beyond ``MAX_BYTES``, or a
    large member packed beyond ``MAX_RATIO``: a zip bomb."""
    total = 0
    for info in archive.infolist():
        total += info.file_size
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and (
            info.file_size > 10 * 1024 * 1024
        ):
            raise InputError(name, f"refused: {info.filename} expands {info.file_size} "
                             "bytes from a tiny archive (a zip bomb?)")
    if total > MAX_BYTES:
        raise InputError(name, f"refused: the archive expands to {total} bytes")


@dataclass(frozen=True, slots=True)
class Source:
    """A report as text.

    ``text`` is what records' offsets index (``document.text``; ``ipextract text FILE`` prints
    it). For a paged format, ``page_starts[i]`` is the offset where page ``i + 1`` begins. For a
    spreadsheet, ``cell_spans[i]`` is the span of ``text`` that renders the cell
    ``cell_places[i]`` (sheet, 1-based row, 1-based column), in order of position."""

    name: str
    text: str
    encoding: str
    format: str = "txt"
    pages: int | None = None
    page_starts: tuple[int, ...] = field(default=())
    cell_spans: tuple[tuple[int, int], ...] = field(default=(), repr=False)
    cell_places: tuple[tuple[str, int, int], ...] = field(default=(), repr=False)

    def page_of(self, offset: int) -> int | None:
        """1-based page of a text offset, when the format has pages."""
        if not self.page_starts:
            return None
        return bisect_right(self.page_starts, offset)

    def cell_of(self, offset: int) -> tuple[str, int, int] | None:
        """(sheet, row, column) of the spreadsheet cell a text offset lies in; None outside
        every cell (a sheet's heading line) or when the format has no cells."""
        if not self.cell_spans:
            return None
        index = bisect_right(self.cell_spans, (offset, _AFTER_ANY)) - 1
        if index < 0 or not self.cell_spans[index][0] <= offset < self.cell_spans[index][1]:
            return None
        return self.cell_places[index]


_AFTER_ANY = 1 << 62

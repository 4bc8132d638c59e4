"""PDF → text, with pypdfium2 (pdfium; the ``[formats]`` extra).

A PDF has no paragraphs, only positioned lines, so the text is rebuilt from the lines:

1. **Lines** of each page, with their boxes: pdfium's characters, each with the box pdfminer
   gives it, put into lines and words as pdfplumber's ``extract_text_lines`` does (the layout
   below was tuned on it), one page at a time, so that neither time nor memory grows faster
   than the page count; characters printed twice (a fake-bold heading) are read once, and
   Kangxi radicals / compatibility ideographs (``⽣`` for ``生``) become ordinary characters.
   A long PDF (a yearbook) is cut into runs of at least 100 pages, read at once by forked
   processes, one per core this process may use and at most four (``IPEXTRACT_PDF_PROCESSES``
   sets the number; an ``ingest --jobs`` worker reads with one): a page is read alike in any.
2. **Running headers, footers and page numbers** are dropped: among the first and last lines of
   each page, a page number (``— 3 —``, ``- 3 -``, ``第3页``, ``3``, ``3/12``, ``第3页 共12页``)
   and any short line (≤ 30 characters) that comes back at the same place on most pages, with
   digits normalised (``第3页`` and ``第4页`` are the same line).
3. **Lines are re-joined** into paragraphs, without a separator (Chinese has no spaces, so
   ``7129`` / ``2件`` becomes ``71292件``), also across a page break. A line starts a new
   paragraph when it is a bullet (``●``), or numbered (``一、``, ``（二）``, ``1. ``) after a
   sentence; when it is set in (first-line indent, centred heading) or off by space; or when
   the line before it is a heading or a paragraph's last line: it stops short of the right
   margin and ends with sentence-final punctuation or is short, or it is centred. A line that
   runs to the margin goes on, unless it ends a sentence in a document whose paragraphs are not
   marked by indent or space. Paragraphs are separated by ``\n\n``.

``Source.page_starts[i]`` is the offset where the text of page ``i + 1`` begins (inside a
paragraph, when one runs on across the page break).

A page without a text layer, or with only a few stray characters of one (a scan), is read by
OCR instead (``ocr.py``; ``--ocr auto|always|never``).

Every failure is a one-line :class:`~ipextract.errors.InputError`: a truncated or corrupt file,
an encrypted one, a scan with OCR off or not installed.
"""

from __future__ import annotations

import ctypes
import os
import unicodedata
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain, groupby, pairwise
from operator import itemgetter
from statistics import median
from typing import Any

import regex

from ..errors import InputError
from .base import Source
from .ocr import ScannedPage, ScannedSource, ocr_mode, scan

_EXTRA = "reading PDF needs the [formats] extra: pip install 'ipextract[formats]'"

#: how many lines at the top and at the bottom of a page can be header/footer
_EDGE_LINES = 3
#: a page number is only looked for in the first/last two lines
_NUMBER_LINES = 2
#: running headers/footers are short
_MAX_RUNNING = 30

_DASHES = r"\s\-‐‑‒–—―－~～·•.．_|"
_PAGE_NUMBER = regex.compile(
    rf"""^[{_DASHES}]*(?:
        第\s*[\d一二三四五六七八九十百零〇]+\s*页(?:\s*[,，/／]?\s*共\s*\d+\s*页)?
      | \d{{1,4}}\s*(?:[/／]\s*\d{{1,4}})?
      | (?:page|p\.?)\s*\d{{1,4}}(?:\s*(?:of|/)\s*\d{{1,4}})?
      | [ivxlc]{{1,6}}
    )[{_DASHES}]*$""",
    regex.IGNORECASE | regex.VERBOSE,
)
_DIGITS = regex.compile(r"\d+")
_SPACE = regex.compile(r"\s+")

#: what ends a paragraph when the line does not run to the margin: a stop, or a closing quote
#: or bracket after one (“…。” but not “小巨人”, which goes on: 企业从80户…)
_FINAL = regex.compile(r"[。！？!?；;：:…](?:[”’）)】」』》]*)$|^.{0,3}[”’）)】」』》]$")
#: what ends a paragraph at the margin when paragraphs are not marked otherwise
_SENTENCE_END = tuple("。！？!?")
#: a line that starts with a bullet starts a new paragraph
_BULLET = regex.compile(r"^(?:[●○◆◇■□▲△▶►★☆※•▪◎❖➢✓√]|[-–—]\s)")
#: …and so does a numbered one, after a sentence (not 一、/ 二、三产业, 提高1 / 5、22个百分点)
_NUMBERED = regex.compile(
    r"""^(?:[一二三四五六七八九十]+[、．.]
         | [（(][一二三四五六七八九十\d]+[）)]
         | 第[一二三四五六七八九十百零〇\d]+[章节条部篇]
         | \d{1,2}(?:[、．]|\.\s))""",
    regex.VERBOSE,
)
_CID = regex.compile(r"\(cid:\d+\)")


@dataclass(slots=True)
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass(slots=True)
class _Page:
    width: float
    height: float
    lines: list[_Line]


@dataclass(slots=True)
class _Frame:
    """Where the body text of a page sits, and how big it is set."""

    left: float
    right: float
    em: float
    #: characters in a typical line at the left margin
    chars: float
    #: the middle of the page
    middle: float

    def centred(self, line: _Line) -> bool:
        centre = (line.x0 + line.x1) / 2
        return min(abs(centre - (self.left + self.right) / 2),
                   abs(centre - self.middle)) < 0.4 * self.em


def read_pdf(data: bytes, name: str, *, ocr: str | None = None) -> Source:
    """The text of a PDF, without running headers, footers and page numbers, lines re-joined
    into paragraphs. ``ocr`` (auto, always, never; by default the process's setting) says
    which pages are read by OCR (``ocr.py``)."""
    try:
        import pypdfium2 as pdfium  # type: ignore[import-untyped]
    except ImportError as exc:
        raise InputError(name, _EXTRA) from exc

    pages = _read_pages(pdfium, data, name)
    scanned = _scan(pages, data, name, ocr)
    if not any(page.lines for page in pages):
        raise InputError(name, "no text layer (a scanned PDF needs OCR), and OCR is off "
                               "(--ocr never)" if ocr_mode(ocr) == "never" else
                         "no text layer (a scanned PDF needs OCR), and OCR read no text in it")
    _decode_cids(pages, name)
    _drop_running_lines(pages)
    text, page_starts = _join(pages)
    if not text.strip():
        raise InputError(name, "no text layer (a scanned PDF needs OCR)")
    if scanned:
        return ScannedSource(name=name, text=text, encoding="pdf", format="pdf", pages=len(pages),
                             page_starts=page_starts, scanned=tuple(scanned))
    return Source(name=name, text=text, encoding="pdf", format="pdf", pages=len(pages),
                  page_starts=page_starts)


def _scan(pages: list[_Page], data: bytes, name: str, mode: str | None) -> list[ScannedPage]:
    """The pages without a usable text layer (a scan) read by OCR: their lines, with boxes,
    take the place of the text layer's."""
    chars = [sum(len((_CID.sub("", line.text) if "(cid:" in line.text else line.text)
                     .replace(" ", "")) for line in page.lines)
             for page in pages]
    scanned = scan(data, name, chars, mode)
    for page in scanned:
        pages[page.number - 1].lines = [_Line(line.text, line.x0, line.x1, line.top, line.bottom)
                                        for line in page.lines]
    return scanned


# --- reading ------------------------------------------------------------------------------


_CONTROL = regex.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
#: Kangxi radicals and CJK compatibility ideographs: what the text layer of many Chinese PDFs
#: gives for ordinary characters (⽣ U+2F63 for 生), invisible to the eye, fatal to matching
_LOOKALIKE = regex.compile(r"[\u2E80-\u2FDF\uF900-\uFAFF\U0002F800-\U0002FA1F]")


def _clean(text: str) -> str:
    text = _LOOKALIKE.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return _SPACE.sub(" ", _CONTROL.sub("", text)).strip()


#: pdfplumber's reading, which the layout repair below was tuned on and which this one repeats:
#: characters whose tops are within 3 pt (chained) are a line, a gap over 3 pt or a space
#: starts a new word, words are joined by one space; a character printed twice in the same
#: place (within 1 pt: a fake-bold heading, 一一、、综综合合) is read once; ligatures are
#: spelled out
_LINE_TOLERANCE = 3.0
_WORD_GAP = 3.0
_DUPLICATE = 1.0
_LIGATURE_TABLE = str.maketrans({"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl",
                                  "ﬆ": "st", "ﬅ": "st"})

#: a character: (top, x0, x1, bottom, text, (font, size)), in points from the page's top left
_Char = tuple[float, float, float, float, str, tuple[int, float]]


def _read_pages(pdfium: Any, data: bytes, name: str,
                processes: int | None = None) -> list[_Page]:
    """The lines of every page, read one page at a time with pdfium (pypdfium2): only a page's
    lines are kept, never its characters or the parsed page. A long PDF is read in
    ``processes`` contiguous runs of pages at once (``reader_processes``), each page alike."""
    try:
        document = pdfium.PdfDocument(data)
    except Exception as exc:  # PdfiumError: not a PDF, damaged, encrypted
        raise InputError(name, _reason(exc, data)) from exc
    try:
        runs = _page_runs(len(document), reader_processes(processes))
        if len(runs) == 1:
            pages = _read_run(pdfium, document, data, name, *runs[0])
        else:
            pages = _read_in_processes(pdfium, document, data, name, runs)
    finally:
        document.close()
    if not pages:
        raise InputError(name, "not a readable PDF (no pages)")
    return pages


def _read_run(pdfium: Any, document: Any, data: bytes, name: str, first: int,
              end: int) -> list[_Page]:
    """The pages ``first`` to ``end - 1`` of an open document."""
    from pypdfium2 import raw  # type: ignore[import-untyped]

    pages: list[_Page] = []
    reader = _CharReader(raw)
    again: Any = None  # the document opened once more, with system fonts, when a page needs it
    try:
        with reader.without_system_fonts():
            for index in range(first, end):
                page = reader.page(document, index)
                if page is None:
                    with reader.with_system_fonts():
                        again = again or pdfium.PdfDocument(data)
                        page = reader.page(again, index)
                pages.append(page or _Page(0.0, 0.0, []))
    except Exception as exc:
        raise InputError(name, _reason(exc, data, f"page {first + len(pages) + 1}: ")) from exc
    finally:
        if again is not None:
            again.close()
    return pages


#: pages a reading process is given at least: fewer are read faster than a process starts
MIN_PAGES_PER_PROCESS = 100
MAX_READER_PROCESSES = 4
#: the process's setting: how many processes read a long PDF (``auto``: one per free core,
#: up to MAX_READER_PROCESSES); an ``ingest --jobs N`` worker reads with one
PROCESSES_SETTING = "IPEXTRACT_PDF_PROCESSES"


def reader_processes(processes: int | None = None) -> int:
    """``processes``, or the process's setting, or one per core this process may run on.

    >>> reader_processes(1)
    1
    """
    if processes is not None:
        return max(1, processes)
    setting = os.environ.get(PROCESSES_SETTING, "auto")
    if setting.isdigit():
        return max(1, int(setting))
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return min(cores, MAX_READER_PROCESSES)


def _page_runs(count: int, processes: int) -> list[tuple[int, int]]:
    """``count`` pages cut into runs of about equal length, one a process, none shorter than
    MIN_PAGES_PER_PROCESS.

    >>> _page_runs(1500, 2), _page_runs(150, 2), _page_runs(0, 4)
    ([(0, 750), (750, 1500)], [(0, 150)], [(0, 0)])
    """
    runs = max(1, min(processes, count // MIN_PAGES_PER_PROCESS))
    bounds = [count * i // runs for i in range(runs + 1)]
    return list(pairwise(bounds))


#: the PDF's bytes, for the forked reading processes (inherited, not pickled to each)
_SHARED: dict[str, bytes] = {}


def _read_apart(name: str, first: int, end: int) -> tuple[list[_Page], str]:
    """In a forked process: pages ``first`` to ``end - 1`` of the PDF in ``_SHARED``, and
    the reason of an error (the one-line InputError's) instead of raising it."""
    import pypdfium2 as pdfium

    data = _SHARED[name]
    document = pdfium.PdfDocument(data)
    try:
        return _read_run(pdfium, document, data, name, first, end), ""
    except InputError as error:
        return [], error.reason
    finally:
        document.close()


def _read_in_processes(pdfium: Any, document: Any, data: bytes, name: str,
                       runs: list[tuple[int, int]]) -> list[_Page]:
    """The runs of pages after the first read in forked processes while this one reads the
    first; a run whose process fails (it could not start, it was killed) is read here. A
    page is read alike in any process: its fonts and widths are asked anew for each page."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # fork, not forkserver or spawn: a forked reader starts at once, with pdfium and the
    # PDF's bytes already in place; it keeps nothing but the lines it returns
    # (a daemonic process, a pool's worker, may not start processes of its own)
    if ("fork" not in multiprocessing.get_all_start_methods()
            or multiprocessing.current_process().daemon):
        return [page for run in runs for page in _read_run(pdfium, document, data, name, *run)]
    _SHARED[name] = data
    try:
        with ProcessPoolExecutor(len(runs) - 1,
                                 mp_context=multiprocessing.get_context("fork")) as pool:
            try:
                futures = [pool.submit(_read_apart, name, *run) for run in runs[1:]]
            except (OSError, BrokenProcessPool):  # no process could be started
                futures = []
            pages = _read_run(pdfium, document, data, name, *runs[0])
            for index, run in enumerate(runs[1:]):
                try:
                    read, failed = futures[index].result()
                except (IndexError, OSError, BrokenProcessPool):  # the run is read here
                    read, failed = _read_run(pdfium, document, data, name, *run), ""
                if failed:
                    raise InputError(name, failed)
                pages += read
    finally:
        _SHARED.pop(name, None)
    return pages


def _chain(values: set[float], tolerance: float) -> dict[float, int]:
    """Clusters of values, as pdfplumber makes them: sorted, a new cluster wherever the step
    from the previous value is over ``tolerance``; value → cluster number, in order."""
    out: dict[float, int] = {}
    number = -1
    last = float("-inf")
    for value in sorted(values):
        if value > last + tolerance:
            number += 1
        out[value] = number
        last = value
    return out


def _dedupe(chars: list[_Char]) -> list[_Char]:
    """Of characters with the same text, font and size whose tops (then lefts) are within
    1 pt of each other, chained, the top-left one is kept (pdfplumber's ``dedupe_chars``)."""
    order = sorted(range(len(chars)), key=lambda i: (chars[i][4], chars[i][5], chars[i][0]))
    drop: set[int] = set()
    start = 0
    while start < len(order):
        first = chars[order[start]]
        end = start + 1
        while end < len(order) and chars[order[end]][4] == first[4] \
                and chars[order[end]][5] == first[5]:
            end += 1
        if end - start > 1:
            group = order[start:end]
            tops = _chain({chars[i][0] for i in group}, _DUPLICATE)
            rows: dict[int, list[int]] = {}
            for i in group:
                rows.setdefault(tops[chars[i][0]], []).append(i)
            for row in rows.values():
                if len(row) < 2:
                    continue
                lefts = _chain({chars[i][1] for i in row}, _DUPLICATE)
                places: dict[int, list[int]] = {}
                for i in sorted(row):
                    places.setdefault(lefts[chars[i][1]], []).append(i)
                for copies in places.values():
                    if len(copies) > 1:
                        keep = min(copies, key=lambda i: (chars[i][0], chars[i][1]))
                        drop.update(i for i in copies if i != keep)
        start = end
    if not drop:
        return chars
    return [char for i, char in enumerate(chars) if i not in drop]


def _lines(chars: list[_Char], deduped: bool = False) -> list[_Line]:
    """The lines of a page's characters (what pdfplumber's ``extract_text_lines`` gives after
    ``dedupe_chars``). Copies are looked for only where two characters of a line start within
    1 pt of each other (never in ordinary text, where they are a glyph's width apart)."""
    if not chars:
        return []
    tops = _chain({char[0] for char in chars}, _LINE_TOLERANCE)
    rows: dict[int, list[_Char]] = {}
    for char_top, run in groupby(chars, _TOP):  # (a line's characters come one after another)
        rows.setdefault(tops[char_top], []).extend(run)
    words: list[list[_Char]] = []
    word_tops: list[float] = []
    duplicate, word_gap, line_tolerance = _DUPLICATE, _WORD_GAP, _LINE_TOLERANCE  # (locals)
    for number in sorted(rows):
        row = rows[number]
        row.sort(key=_LEFT)
        word: list[_Char] = []
        top = last_x0 = last_x1 = last_top = 0.0  # the word's top; its last character's box
        previous = float("-inf")
        for char in row:
            char_top, x0, x1, _, letter, _ = char
            if x0 - previous <= duplicate and not deduped:
                return _lines(_dedupe(chars), True)
            previous = x0
            if letter.isspace():
                if word:
                    words.append(word)
                    word_tops.append(top)
                word = []
                continue
            if not word:
                top = char_top
            elif x0 < last_x0 or x0 > last_x1 + word_gap or (
                    abs(char_top - last_top) > line_tolerance):
                words.append(word)
                word_tops.append(top)
                word = []
                top = char_top
            elif char_top < top:
                top = char_top
            word.append(char)
            last_x0, last_x1, last_top = x0, x1, char_top
        if word:
            words.append(word)
            word_tops.append(top)
    # words are put in lines by their tops once more (a word's top is its highest character's)
    line_of = _chain(set(word_tops), _LINE_TOLERANCE)
    lines: list[_Line] = []
    start = 0
    while start < len(words):
        end = start + 1
        line = line_of[word_tops[start]]
        while end < len(words) and line_of[word_tops[end]] == line:
            end += 1
        group = words[start:end]
        text = _clean(" ".join(["".join(map(_TEXT, word)) for word in group])
                      .translate(_LIGATURE_TABLE))
        if text:
            lines.append(_Line(text, min([word[0][1] for word in group]),
                               max(map(_RIGHT, chain.from_iterable(group))),
                               min(word_tops[start:end]),
                               max(map(_BOTTOM, chain.from_iterable(group)))))
        start = end
    return lines


# a character's top, x0, x1, bottom and text
_TOP, _LEFT, _RIGHT, _BOTTOM, _TEXT = (itemgetter(i) for i in range(5))


class _CharReader:
    """A page's characters through pdfium's C API (pypdfium2's ctypes bindings, bound once
    more with plain pointer types, which is several times faster per call).

    Each character gets the box pdfminer (pdfplumber) gives it, which the layout repair was
    made with: from its origin, the advance width of its glyph (the PDF's own widths) and the
    size and descent of its font, scaled by the text object's matrix. Two calls per character
    (its text object, its origin); the rest is asked once per text object or font. Rotated or
    skewed text (a stamp, a watermark) is not read. A character of a font without a Unicode
    map reads ``(cid:N)``, as in pdfminer."""

    def __init__(self, raw: Any) -> None:
        void, c_int, c_uint, c_float = ctypes.c_void_p, ctypes.c_int, ctypes.c_uint, ctypes.c_float

        def bind(function: Any, restype: Any, *argtypes: Any) -> Any:
            return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(function, void).value or 0)

        def bind_loose(function: Any, restype: Any) -> Any:
            # no argument types: ctypes passes a ctypes object as it is and an int as a C
            # int, without the per-argument conversion, which halves the cost of the two calls
            # made for every character (the text page is given as a c_void_p, indexes as ints)
            return ctypes.CFUNCTYPE(restype)(ctypes.cast(function, void).value or 0)

        from pypdfium2 import PdfiumError

        self.raw = raw
        self.failed = PdfiumError  # what pypdfium2 raises for a page it cannot load
        self.count = bind(raw.FPDFText_CountChars, c_int, void)
        self.text = bind(raw.FPDFText_GetText, c_int, void, c_int, c_int, void)
        self.unicode = bind(raw.FPDFText_GetUnicode, c_uint, void, c_int)
        self.text_object = bind_loose(raw.FPDFText_GetTextObject, void)
        self.origin = bind_loose(raw.FPDFText_GetCharOrigin, c_int)
        self.map_error = bind(raw.FPDFText_HasUnicodeMapError, c_int, void, c_int)
        self.font = bind(raw.FPDFTextObj_GetFont, void, void)
        self.font_size = bind(raw.FPDFTextObj_GetFontSize, c_int, void,
                              ctypes.POINTER(c_float))
        self.matrix = bind(raw.FPDFText_GetMatrix, c_int, void, c_int,
                           ctypes.POINTER(raw.FS_MATRIX))
        self.width = bind(raw.FPDFFont_GetGlyphWidth, c_int, void, c_uint, c_float,
                          ctypes.POINTER(c_float))
        self.descent = bind(raw.FPDFFont_GetDescent, c_int, void, c_float,
                            ctypes.POINTER(c_float))
        self.load_page = bind(raw.FPDF_LoadPage, void, void, c_int)
        self.close_page = bind(raw.FPDF_ClosePage, None, void)
        self.load_text = bind(raw.FPDFText_LoadPage, void, void)
        self.close_text = bind(raw.FPDFText_ClosePage, None, void)
        self.media_box = bind(raw.FPDFPage_GetMediaBox, c_int, void, *[ctypes.POINTER(c_float)] * 4)
        self.count_objects = bind(raw.FPDFPage_CountObjects, c_int, void)
        self.page_object = bind(raw.FPDFPage_GetObject, void, void, c_int)
        self.object_type = bind(raw.FPDFPageObj_GetType, c_int, void)
        self.fonts = True
        #: a font's descent and advance widths at size 1, by the font's handle (for one page:
        #: pdfium may free a font with the page that used it, and reuse its address)
        self.descents: dict[int, float] = {}
        self.widths: dict[int, dict[str, float]] = {}

    @contextmanager
    def without_system_fonts(self) -> Iterator[None]:
        """pdfium loads every glyph of a font the PDF does not embed from the system's fonts to
        measure it (a Noto CJK collection: about 10 µs a character, most of the time of a
        page). The text needs none of it: widths and descents come from the PDF. The default
        is put back after."""
        raw = self.raw
        raw.FPDF_SetSystemFontInfo(None)
        self.fonts = False
        try:
            yield
        finally:
            raw.FPDF_SetSystemFontInfo(_default_font_info(raw))
            self.fonts = True

    @contextmanager
    def with_system_fonts(self) -> Iterator[None]:
        raw = self.raw
        raw.FPDF_SetSystemFontInfo(_default_font_info(raw))
        self.fonts = True
        try:
            yield
        finally:
            raw.FPDF_SetSystemFontInfo(None)
            self.fonts = False

    def page(self, document: Any, index: int) -> _Page | None:
        """The page's lines; None when, read without system fonts, pdfium left out one of its
        text objects (it takes an object whose glyphs it cannot measure for a copy of one
        before it: a one-character line, 密), so that the page must be read with them."""
        # (pdfium's own calls, not pypdfium2's page and text page objects, whose bookkeeping
        # cost a third as much again as loading a page: 0.4 ms a page)
        page = self.load_page(ctypes.cast(document.raw, ctypes.c_void_p).value, index)
        if not page:
            raise self.failed(f"Failed to load page {index}.")
        try:
            box = [ctypes.c_float() for _ in range(4)]
            if self.media_box(page, *[ctypes.byref(side) for side in box]):
                left, bottom, right, top = (side.value for side in box)
            else:  # no MediaBox of its own: US Letter, as pypdfium2 assumes
                left, bottom, right, top = 0.0, 0.0, 612.0, 792.0
            textpage = self.load_text(page)
            if not textpage:
                raise self.failed("Failed to load text page.")
            self.descents.clear()
            self.widths.clear()
            try:
                chars, seen = self.chars(textpage, top)
            finally:
                self.close_text(textpage)
            if not self.fonts and not self.text_objects(page) <= seen:
                return None
        finally:
            self.close_page(page)
        return _Page(right - left, top - bottom, _lines(chars))

    def text_objects(self, page: Any) -> set[int]:
        """The page's own text objects (not those inside a form)."""
        handle = ctypes.cast(page, ctypes.c_void_p).value
        get_object, kind = self.page_object, self.object_type
        found = set()
        for i in range(self.count_objects(handle)):
            obj = get_object(handle, i)
            if obj and kind(obj) == _TEXT_OBJECT:
                found.add(obj)
        return found

    def _object(self, obj: int, first: int, textpage: int) -> tuple[Any, ...] | None:
        """What the characters of a text object share (asked at its first character ``first``:
        its matrix on the page includes that of a form it is drawn in): font handle,
        horizontal and vertical scale, descent, dedupe key, widths, and whether its font lacks
        a Unicode map."""
        font = self.font(obj)
        size, matrix, value = ctypes.c_float(), self.raw.FS_MATRIX(), ctypes.c_float()
        if not font or not self.font_size(obj, ctypes.byref(size)) or not self.matrix(
                textpage, first, ctypes.byref(matrix)):
            return None
        a, b, c, d = matrix.a, matrix.b, matrix.c, matrix.d
        if not (a > 0 and d > 0 and abs(b) < 1e-6 and abs(c) < 1e-6):
            return None  # rotated, mirrored or skewed
        if font not in self.descents:
            self.descents[font] = value.value if self.descent(font, 1.0, ctypes.byref(value)) \
                else 0.0
            self.widths[font] = {}
        height = size.value * d
        return (font, size.value * a, height, self.descents[font] * height,
                (font, round(height, 3)), self.widths[font], bool(self.map_error(textpage, first)))

    def chars(self, textpage: int, top_of_page: float) -> tuple[list[_Char], set[int]]:
        """The characters of a page, and the text objects they come from."""
        count = self.count(textpage)
        if count <= 0:
            return [], set()
        buffer = ctypes.create_string_buffer(2 * (count + 1))
        self.text(textpage, 0, count, buffer)
        text = buffer.raw[: 2 * count].decode("utf-16-le", errors="replace")
        if len(text) != count:  # one index, one character: else ask character by character
            text = "".join(chr(self.unicode(textpage, i)) for i in range(count))
        x, y, width = ctypes.c_double(), ctypes.c_double(), ctypes.c_float()
        px, py, pwidth = ctypes.byref(x), ctypes.byref(y), ctypes.byref(width)
        page = ctypes.c_void_p(textpage)  # for the calls bound without argument types
        text_object, origin, get_width = self.text_object, self.origin, self.width
        objects: dict[int, tuple[Any, ...] | None] = {}
        chars: list[_Char] = []
        last_object: int | None = 0
        facts: tuple[Any, ...] | None = None
        append = chars.append
        for i, letter in enumerate(text):
            obj = text_object(page, i)
            if obj != last_object:
                last_object = obj
                if not obj:
                    facts = None  # a space or line break pdfium made up
                else:  # (not cached: a form drawn twice may show one object twice)
                    facts = objects[obj] = self._object(obj, i, textpage)
                if facts is not None:
                    font, scale, height, descent, key, widths, unmapped = facts
                    baseline = top_of_page - descent
            if facts is None:
                continue
            advance = widths.get(letter)
            if advance is None:
                advance = widths[letter] = width.value if get_width(
                    font, ord(letter), 1.0, pwidth) else 0.0
            if unmapped and self.map_error(textpage, i):
                letter = f"(cid:{ord(letter)})"
            origin(page, i, px, py)
            bottom = baseline - y.value
            left = x.value
            append((bottom - height, left, left + advance * scale, bottom, letter, key))
        return chars, set(objects)


_TEXT_OBJECT = 1  # FPDF_PAGEOBJ_TEXT


def _default_font_info(raw: Any) -> Any:
    """A new default system font info: pdfium takes it over, and releases it when another one
    takes its place (so one must never be given twice)."""
    return raw.FPDF_GetDefaultSystemFontInfo()


_OBJECT = regex.compile(rb"\d+\s+\d+\s+obj\b")


def _reason(exc: BaseException, data: bytes, where: str = "") -> str:
    """A one-line reason for a PDF pdfium could not read."""
    chain: list[BaseException] = []
    cause: BaseException | None = exc
    while cause is not None and cause not in chain and len(chain) < 8:
        chain.append(cause)
        wrapped = cause.args[0] if cause.args and isinstance(cause.args[0], BaseException) \
            else None  # pdfplumber's PdfminerException wraps the original as its argument
        cause = wrapped or cause.__cause__ or cause.__context__
    kinds = {type(e).__name__ for e in chain}
    said = " ".join(str(e) for e in chain)
    if "PDFPasswordIncorrect" in kinds or "Incorrect password" in said:
        return "encrypted PDF (a password is needed)"
    if kinds & {"PDFEncryptionError", "PDFEncryptionWarning"} or "security scheme" in said:
        return "encrypted PDF (a password is needed, or the encryption is not supported)"
    if not _OBJECT.search(data) and len(data) >= 1024:
        return "not a PDF (no PDF objects after the %PDF header)"
    if b"%%EOF" not in data[-2048:]:
        return f"not a PDF (truncated at byte {len(data)})"
    inner = chain[-1]
    message = _SPACE.sub(" ", str(inner)).strip()
    if len(message) > 80:
        message = message[:77] + "..."
    detail = f"{type(inner).__name__}: {message}" if message else type(inner).__name__
    return f"not a readable PDF ({where}{detail})"


def _decode_cids(pages: list[_Page], name: str) -> None:
    """``(cid:123)`` is pdfminer's text for a glyph of a font without a Unicode map."""
    total = sum(len(line.text) for page in pages for line in page.lines)
    cids = sum(len(m) for page in pages for line in page.lines for m in _CID.findall(line.text))
    if not cids:
        return
    if cids > total / 2:
        raise InputError(name, "no usable text layer (its fonts have no Unicode map; "
                               "the text needs OCR)")
    for page in pages:
        for line in page.lines:
            line.text = _CID.sub("\ufffd", line.text)


# --- running headers, footers, page numbers ----------------------------------------------


def _running_key(text: str) -> str:
    return _DIGITS.sub("#", _SPACE.sub("", text))


def _drop_running_lines(pages: list[_Page]) -> None:
    """Drop page numbers and lines that repeat at the same place near the top or the bottom of
    most pages (``needed`` pages, at least two)."""
    drop: set[tuple[int, int]] = set()
    # (edge, key) → [(page, line, distance from that edge)]
    seen: dict[tuple[str, str], list[tuple[int, int, float]]] = {}
    for p, page in enumerate(pages):
        n = len(page.lines)
        for i, line in enumerate(page.lines):
            from_top, from_bottom = i, n - 1 - i
            if min(from_top, from_bottom) >= _EDGE_LINES:
                continue
            if min(from_top, from_bottom) < _NUMBER_LINES and _PAGE_NUMBER.match(line.text):
                drop.add((p, i))
                continue
            if len(line.text) > _MAX_RUNNING:
                continue
            key = _running_key(line.text)
            if from_top < _EDGE_LINES:
                seen.setdefault(("top", key), []).append((p, i, line.top))
            if from_bottom < _EDGE_LINES:
                seen.setdefault(("bottom", key), []).append((p, i, page.height - line.bottom))
    if len(pages) >= 2:
        needed = max(2, (len(pages) + 1) // 2)
        for found in seen.values():
            if len({p for p, _, _ in found}) < needed:
                continue
            # the pages with the line within 3 pt of each place it stands at: asked once per
            # place, not once per page (a running header stands at one place on 1,500 pages)
            pages_near: dict[float, int] = {}
            for p, i, where in found:
                near = pages_near.get(where)
                if near is None:
                    near = pages_near[where] = len({q for q, _, w in found
                                                    if abs(w - where) <= 3})
                if near >= needed:
                    drop.add((p, i))
    for p, page in enumerate(pages):
        page.lines = [line for i, line in enumerate(page.lines) if (p, i) not in drop]


# --- lines → paragraphs -------------------------------------------------------------------


def _mode(values: list[float]) -> float:
    counts = Counter(round(v) for v in values)
    best = max(counts.values())
    return float(min(v for v, c in counts.items() if c == best))


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _frame(lines: list[_Line], em: float, middle: float) -> _Frame:
    left = _mode([line.x0 for line in lines])
    at_margin = [line for line in lines if abs(line.x0 - left) < 0.5 * em] or lines
    return _Frame(left, _quantile([line.x1 for line in at_margin], 0.9), em,
                  median(len(line.text) for line in at_margin), middle)


def _frames(pages: list[_Page]) -> list[_Frame]:
    """One frame for the document (a page of a table or of headings alone would give a wrong
    one of its own), or one for odd and one for even pages when both are clear (mirrored
    margins)."""
    lines = [line for page in pages for line in page.lines]
    em = median(line.bottom - line.top for line in lines) or 10.0
    middle = median(page.width for page in pages) / 2
    whole = _frame(lines, em, middle)
    by_parity = []
    for parity in (0, 1):
        some = [line for page in pages[parity::2] for line in page.lines]
        if len(some) < 20:
            return [whole] * len(pages)
        frame = _frame(some, em, middle)
        at_margin = sum(abs(line.x0 - frame.left) < 1 for line in some)
        if at_margin < 0.3 * len(some):
            return [whole] * len(pages)
        by_parity.append(frame)
    return [by_parity[p % 2] for p in range(len(pages))]


def _step(a: _Line, b: _Line) -> float:
    """From one line to the next, steady when one of them has a taller glyph."""
    return min(b.top - a.top, b.bottom - a.bottom)


def _pitch(pages: list[_Page]) -> float:
    steps = [_step(a, b) for page in pages for a, b in pairwise(page.lines)
             if b.top > a.top]
    return median(steps) if steps else 0.0


def _ends_final(text: str) -> bool:
    return _FINAL.search(text) is not None


def _continues(a: _Line, fa: _Frame, b: _Line, fb: _Frame, step: float | None,
               pitch: float, marked: bool) -> bool:
    """Does line ``b`` continue the paragraph of line ``a``? ``step`` is the distance between
    them when they are on the same page."""
    em = fa.em
    if _BULLET.match(b.text) or (_NUMBERED.match(b.text) and _ends_final(a.text)):
        return False
    if step is not None and pitch and step > 1.2 * pitch:
        return False  # set off by space
    a_full = a.x1 >= fa.right - 1.6 * em
    if b.x0 > fb.left + 0.8 * em:  # indented: a new paragraph, or a centred heading…
        # …that runs on from a centred line filling the width: one heading on two lines
        a_spans = a.x0 < fa.left + 0.6 * em and a.x1 > fa.right - 1.2 * em
        return (fb.centred(b) and a_spans and b.x1 < fb.right - 1.6 * em
                and not _ends_final(a.text))
    if a.x0 > fa.left + 4.5 * em:
        return False  # a centred or set-in line (heading, table row) stands alone
    if a_full:
        # a sentence that ends with the line ends the paragraph, unless the document marks
        # paragraphs (by a first-line indent or by space), so that no mark means no break
        return marked or not a.text.endswith(_SENTENCE_END)
    if _ends_final(a.text):
        return False
    # stopped short without punctuation: a heading, or a ragged right edge (lines cut by
    # count, digits narrower than characters), or a long unbreakable word moved down
    return a.x0 <= fa.left + 2.5 * em and (a.x1 >= fa.left + 0.6 * (fa.right - fa.left)
                                          or len(a.text) >= 0.8 * fa.chars)


def _marks_paragraphs(pages: list[_Page], frames: list[_Frame], pitch: float) -> bool:
    """Are paragraphs marked, by a first-line indent (of 1–4 characters) or by space above?"""
    indented = spaced = 0
    for page, frame in zip(pages, frames):
        em = frame.em
        for a, b in zip([None, *page.lines], page.lines):
            if not b.x1 >= frame.right - 1.6 * em:
                continue  # a paragraph's first line runs to the margin
            if 0.8 * em < b.x0 - frame.left < 4.5 * em:
                indented += 1
            elif (a is not None and abs(b.x0 - frame.left) < 0.5 * em and pitch
                  and 1.2 * pitch < _step(a, b) < 3 * pitch and _ends_final(a.text)):
                spaced += 1
    return indented >= 3 or spaced >= 3


_LATIN = regex.compile(r"[A-Za-z]")


def _join(pages: list[_Page]) -> tuple[str, tuple[int, ...]]:
    lines = [line for page in pages for line in page.lines]
    if not lines:
        return "", tuple(0 for _ in pages)
    frames = _frames(pages)
    pitch = _pitch(pages)
    marked = _marks_paragraphs(pages, frames, pitch)
    parts: list[str] = []
    length = 0
    starts: list[int | None] = []
    previous: tuple[_Line, _Frame, int] | None = None
    for p, (page, frame) in enumerate(zip(pages, frames)):
        starts.append(None)
        for line in page.lines:
            if previous is not None:
                a, fa, pa = previous
                step = _step(a, line) if pa == p else None
                if _continues(a, fa, line, frame, step, pitch, marked):
                    glue = " " if _LATIN.match(a.text[-1]) and _LATIN.match(line.text[0]) else ""
                else:
                    glue = "\n\n"
                parts.append(glue)
                length += len(glue)
            if starts[p] is None:
                starts[p] = length
            parts.append(line.text)
            length += len(line.text)
            previous = (line, frame, p)
    parts.append("\n")
    length += 1
    # a page without text begins where the next one does
    following = length - 1
    filled: list[int] = []
    for start in reversed(starts):
        following = start if start is not None else following
        filled.append(following)
    return "".join(parts), tuple(reversed(filled))

"""Scanned PDF pages read by OCR (the ``[ocr]`` extra, and Debian's Tesseract).

A page of a PDF that has no text layer, or only a few stray characters of one (a scan, perhaps
stamped with a page number), is rendered with pypdfium2 at :data:`DPI` dots per inch and read by
Tesseract's simplified-Chinese model (``chi_sim``) through pytesseract, one block of lines
(``--psm 6``: the layout that keeps a government page's lines whole and in order). The lines
come back with their boxes in PDF points, so the PDF reader (``pdf.py``) drops running headers
and page numbers and re-joins them into paragraphs exactly as it does a text layer's lines.

``--ocr auto`` (the default) reads such pages by OCR, ``always`` every page (the text layer is
ignored), ``never`` none (a scan is then the one-line error it always was). The command line
sets it for the process and its workers through the ``IPEXTRACT_OCR`` environment variable;
:func:`~ipextract.ingest.pdf.read_pdf` also takes it as an argument.

The page is despeckled (3×3 median) first. OCR confuses a few characters that matter to
figures; :func:`repair_lines` fixes them only where the reading is not in doubt: a letter
``O``/``o`` or ``l``/``I`` between digits (``2O24``, ``3l5``) or before a decimal point (``O.5``),
a comma, full stop or colon for the decimal point of a percentage (``19，19%``, ``26:7%``: a
thousands separator groups three digits) and a comma for that of a count before its unit
(``19，86万件``, not a date, ``1，2月``), ``]`` for a 1 (``33.5]万件``, ``办理的]起``), ``%o`` for
``‰``, a ``%`` inside a number (``9%.25``), ``忆`` after a digit (``1.2忆元``); and, for the
layout, a page-number line read with 一 for its dashes (``一7一``) and a bullet ``●`` read as
``@@``. A page's lines are repaired as one text, so a number broken across two lines is too.
The decimal point, which the Chinese model loses most (``4.8%`` read ``48%``), is put back from
the image (:func:`_restore_points`) where the ink shows exactly the digits and one dot. Anything
else stays as read: the validator's checks are the safety net (README, "Scanned PDFs").

Misread page numbers (``— 2 —`` as ``了二``) are dropped by their place at the foot of most
pages, and a running header read a little differently on each page is given one reading, so
that the PDF reader's rules for them still apply.

Tesseract's mean word confidence of each page goes to ``document.ocr``, and each record read
from such a page is marked ``read_by: "ocr"`` (:func:`annotate`).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import threading
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import accumulate
from statistics import median
from typing import TYPE_CHECKING, Any

import regex

from ..errors import InputError, UsageError
from ..limits import alarm_deferred
from .base import Source

if TYPE_CHECKING:
    from ..models import Document

MODES = ("auto", "always", "never")
#: the environment variable the command line's ``--ocr`` sets (inherited by ingest's workers)
ENVIRONMENT = "IPEXTRACT_OCR"
#: rendering resolution: Tesseract reads body text best at 300 dpi
DPI = 300
LANGUAGE = "chi_sim"
#: page segmentation mode 6, "a single uniform block of text": on a sample page modes 3 and 4
#: read the same figures, and 3 dropped a page number's dash
PSM = 6
#: a page whose text layer has fewer characters (spaces and undecodable glyphs aside) is a scan
STRAY_CHARS = 20
#: pages one document may have read by OCR (about 1.7 s a page on one core): a larger scan is a
#: clear error at once, not a worker busy for an hour; the per-document --time-limit stops a
#: smaller one that still takes too long
MAX_PAGES = 300
#: one page that takes Tesseract longer than this is an error (a hung process is killed)
PAGE_TIMEOUT = 120
#: a rendered page whose darkest pixel is lighter than this is blank: nothing to read
_BLANK = 160

_INSTALL = "pip install 'ipextract[ocr]' and Debian's tesseract-ocr and tesseract-ocr-chi-sim"
#: what the errors of a missing OCR say first: a PDF without any text, or some pages of one
_NO_TEXT = "no text layer (a scanned PDF needs OCR)"
_SOME_PAGES = "pages to read by OCR"


@dataclass(frozen=True, slots=True)
class ScannedLine:
    """A line read by OCR; its box in PDF points from the page's top left, as pdfplumber's."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass(frozen=True, slots=True)
class ScannedPage:
    number: int  # 1-based
    lines: tuple[ScannedLine, ...]
    #: Tesseract's mean word confidence (0–100); 0 when the page is blank
    confidence: float

    @property
    def chars(self) -> int:
        return sum(len(line.text.replace(" ", "")) for line in self.lines)


@dataclass(frozen=True, slots=True)
class ScannedSource(Source):
    """A PDF's :class:`Source` with some pages read by OCR: which, and how confidently."""

    scanned: tuple[ScannedPage, ...] = field(default=(), repr=False)


def ocr_mode(mode: str | None = None) -> str:
    """``mode``, or the process's setting (``IPEXTRACT_OCR``), or ``auto``."""
    chosen = mode or os.environ.get(ENVIRONMENT) or "auto"
    if chosen not in MODES:
        raise UsageError("--ocr" if mode else ENVIRONMENT,
                         f"must be one of {', '.join(MODES)}, not {chosen!r}")
    return chosen


def set_mode(mode: str | None) -> str | None:
    """Set the process's OCR mode (and its future workers'), or with None unset it; return
    the setting it had."""
    before = os.environ.get(ENVIRONMENT)
    if mode is None:
        os.environ.pop(ENVIRONMENT, None)
    else:
        os.environ[ENVIRONMENT] = ocr_mode(mode)
    return before


_ready = False


def _modules(name: str, why: str = _SOME_PAGES) -> tuple[Any, Any]:
    """pytesseract and pypdfium2, once Tesseract and its Chinese model are known to be there;
    otherwise a one-line error, ``why`` OCR is needed and what to install."""
    global _ready
    try:
        import pypdfium2  # type: ignore[import-untyped]
        import pytesseract  # type: ignore[import-untyped]
    except ImportError as exc:
        raise InputError(name, f"{why}: {_INSTALL}") from exc
    if not _ready:
        command = pytesseract.pytesseract.tesseract_cmd
        if shutil.which(command) is None:
            raise InputError(name, f"{why}, and the tesseract program is missing: "
                                   "apt-get install tesseract-ocr tesseract-ocr-chi-sim")
        try:
            listed = subprocess.run([command, "--list-langs"], capture_output=True, timeout=60,
                                    check=True, text=True)
        except (OSError, subprocess.SubprocessError) as exc:
            raise InputError(name, f"tesseract does not run ({type(exc).__name__})") from exc
        if LANGUAGE not in listed.stdout.split():
            raise InputError(name, f"{why}, and Tesseract's simplified-Chinese model is "
                                   "missing: apt-get install tesseract-ocr-chi-sim")
        _ready = True
    return pytesseract, pypdfium2


def available() -> bool:
    """Can this process read a page by OCR?"""
    try:
        _modules("")
    except InputError:
        return False
    return True


def pages_to_read(chars: Sequence[int], mode: str | None = None) -> list[int]:
    """The 1-based numbers of the pages to read by OCR, given how many usable characters each
    page's text layer has."""
    chosen = ocr_mode(mode)
    if chosen == "never":
        return []
    if chosen == "always":
        return list(range(1, len(chars) + 1))
    return [n for n, count in enumerate(chars, start=1) if count < STRAY_CHARS]


def scan(data: bytes, name: str, chars: Sequence[int], mode: str | None = None) -> list[ScannedPage]:
    """Read by OCR the pages of the PDF ``data`` that need it (``chars``: the usable
    characters of each page's text layer), keeping those where OCR reads clearly more than the
    text layer had (with ``always``: every page read)."""
    chosen = ocr_mode(mode)
    wanted = pages_to_read(chars, chosen)
    if not wanted:
        return []
    if chosen == "auto" and len(wanted) < len(chars) and not available():
        return []  # a text PDF with a blank page or two: the text layer is enough
    if len(wanted) > MAX_PAGES:
        raise InputError(name, f"{len(wanted)} pages to read by OCR, more than the limit of "
                               f"{MAX_PAGES} (split the file, or --ocr never)")
    why = _NO_TEXT if len(wanted) == len(chars) and max(chars) < STRAY_CHARS else _SOME_PAGES
    pages = _same_running_lines(_without_page_numbers(read_pages(data, wanted, name, why)))
    if chosen == "always":
        return pages
    return [page for page in pages if _reads_more(page.chars, chars[page.number - 1])]


def _reads_more(read: int, layer: int) -> bool:
    """Does OCR read a page that had ``layer`` characters of text layer, reading ``read``,
    better? Any text beats none; a few stray characters (a stamped page number) are beaten by
    a page of text, not by a sparse page read again (OCR reads what the layer has, and worse)."""
    return read > 0 if layer == 0 else read >= 2 * layer + 10


#: how many lines at each edge of a page may be a running header or footer read unevenly (the
#: outermost: comparing more would cost seconds on a long scan, each with every other page's)
_EDGE = 1
#: how alike two readings of one running line are (difflib's ratio)
_ALIKE = 0.75
_DIGIT_RUN = regex.compile(r"\d+")


def _same_running_lines(pages: list[ScannedPage]) -> list[ScannedPage]:
    """OCR reads a running header a little differently from page to page (``发展与保护`` here,
    ``发展年保护`` there), which would hide it from the PDF reader's rule for running lines
    (the same short line at the same place on most pages): lines near the top or the bottom,
    at the same height (within a line's height), that read nearly alike are given the reading
    most pages have. Lines that differ in their digits alone (page numbers) are left as they
    are: that rule reads them as one already."""
    from difflib import SequenceMatcher

    edges: list[tuple[int, int, ScannedLine]] = []
    for p, page in enumerate(pages):
        n = len(page.lines)
        edges += [(p, i, line) for i, line in enumerate(page.lines)
                  if (i < _EDGE or i >= n - _EDGE) and len(line.text) <= 30]
    fixed: dict[tuple[int, int], str] = {}
    for p, i, line in edges:
        if (p, i) in fixed:
            continue
        key = _DIGIT_RUN.sub("#", line.text)
        group = [(q, j, other) for q, j, other in edges
                 if q != p and (q, j) not in fixed and abs(other.top - line.top) < line.bottom - line.top
                 and (other.text == line.text or (_DIGIT_RUN.sub("#", other.text) != key
                                                  and _alike(SequenceMatcher(None, line.text, other.text))))]
        group.append((p, i, line))
        if len({other.text for _, _, other in group}) == 1:
            continue  # read alike everywhere: nothing to do
        readings = Counter(other.text for _, _, other in group)
        best = max(readings, key=lambda text: (readings[text], text))
        for q, j, _ in group:
            fixed[q, j] = best
    if not fixed:
        return pages
    return [ScannedPage(page.number, tuple(
        replace(line, text=fixed[p, i]) if (p, i) in fixed else line
        for i, line in enumerate(page.lines)), page.confidence) for p, page in enumerate(pages)]


def _alike(matcher: Any) -> bool:
    """difflib's ratio at least :data:`_ALIKE`, its cheap upper bounds tried first."""
    return matcher.real_quick_ratio() >= _ALIKE and matcher.quick_ratio() >= _ALIKE \
        and matcher.ratio() >= _ALIKE


#: a page number is short
_NUMBER_CHARS = 8


def _without_page_numbers(pages: list[ScannedPage]) -> list[ScannedPage]:
    """Page numbers misread (``— 2 —`` as ``了二``, ``一 站 一``, ``本``) are not told by the PDF
    reader's pattern for them, and a number that runs on across the page break would be cut by
    one. A page's last line is its page number when it is short, set off from the text above it
    by more than one and a half lines, and when on most pages (at least two) such a line stands
    at the same height: those lines are dropped."""
    def footer(page: ScannedPage) -> ScannedLine | None:
        if len(page.lines) < 3 or len(page.lines[-1].text.replace(" ", "")) > _NUMBER_CHARS:
            return None
        pitch = median(b.top - a.top for a, b in zip(page.lines, page.lines[1:-1]))
        last = page.lines[-1]
        return last if last.top - page.lines[-2].top > 1.5 * pitch else None

    found = [footer(page) for page in pages]
    tops = [line.top for line in found if line is not None]
    needed = max(2, (len(pages) + 1) // 2)
    out = []
    for page, line in zip(pages, found, strict=True):
        if line is not None and sum(abs(top - line.top) < line.bottom - line.top for top in tops) >= needed:
            page = ScannedPage(page.number, page.lines[:-1], page.confidence)
        out.append(page)
    return out


def read_pages(data: bytes, numbers: Sequence[int], name: str,
               why: str = _SOME_PAGES) -> list[ScannedPage]:
    """Render the pages ``numbers`` (1-based) of the PDF ``data`` and read them by OCR."""
    pytesseract, pdfium = _modules(name, why)
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise InputError(name, f"not a readable PDF for OCR ({exc})") from exc
    pages = []
    try:
        for number in numbers:
            page = pdf[number - 1]
            try:
                image = page.render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
                window = despeckle_window(scan_resolution(page))
            finally:
                page.close()
            pages.append(_read_image(pytesseract, image, number, name, window))
    finally:
        pdf.close()
    return pages


def scan_resolution(page: Any) -> float | None:
    """The resolution the page was scanned at: the pixels of its largest image over the inches
    it fills on the page; None for a page without an image."""
    import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

    largest: tuple[float, float] | None = None
    for image in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2):
        left, bottom, right, top = image.get_bounds()
        width, _ = image.get_px_size()
        area = (right - left) * (top - bottom)
        if right > left and width and (largest is None or area > largest[0]):
            largest = (area, width / ((right - left) / 72))
    return largest[1] if largest else None


def despeckle_window(scanned_at: float | None) -> int:
    """The side of the median window that clears a scan's specks at the rendering resolution:
    3 pixels while a pixel of the scan is at most 1.5 rendered ones, 5 for a coarser scan
    (a 150 dpi scan rendered at 300 dpi: its specks and edges are two pixels wide, and a 3×3
    median leaves them; measured on the gold scans, F1 0.862 → 0.947 at 150 dpi, while 5 at
    300 dpi erases decimal points, 0.976 → 0.834).

    >>> despeckle_window(300.0), despeckle_window(200.0), despeckle_window(150.0), despeckle_window(None)
    (3, 3, 5, 3)
    """
    return 5 if scanned_at is not None and scanned_at * 1.5 < DPI else 3


def _read_image(pytesseract: Any, image: Any, number: int, name: str,
                window: int = 3) -> ScannedPage:
    from PIL import ImageFilter

    darkest, _ = image.getextrema()
    if darkest > _BLANK:
        return ScannedPage(number, (), 0.0)
    # despeckle: dust and toner specks of a scan are read as stray punctuation, and make the
    # decimal point of a number harder to tell (a median of the window keeps a point of body text)
    # (a lost decimal point is looked for in the image despeckled by the smallest window: a
    # wider one thins a digit's foot into what looks like a point, and can erase a true one)
    despeckled = image.filter(ImageFilter.MedianFilter(3))
    image = despeckled if window == 3 else image.filter(ImageFilter.MedianFilter(window))
    # Tesseract runs one thread per process unless told otherwise: ingest runs a process per
    # core, and OpenMP threads competing for them make it slower, not faster
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        with _alarm_held():
            data = pytesseract.image_to_data(
                image, lang=LANGUAGE, config=f"--psm {PSM} --dpi {DPI}",
                output_type=pytesseract.Output.DICT, timeout=PAGE_TIMEOUT)
    except RuntimeError as exc:  # pytesseract's timeout (the process is killed)
        raise InputError(name, f"page {number}: OCR took longer than {PAGE_TIMEOUT} s") from exc
    except (OSError, pytesseract.TesseractError) as exc:
        message = " ".join(str(exc).split())[:80]
        raise InputError(name, f"page {number}: OCR failed ({message})") from exc
    except BaseException:  # the time limit's alarm, ^C: pytesseract leaves its tesseract running
        stop_tesseract()
        raise
    _restore_points(despeckled, data)
    return _page(data, number, 72 / DPI)


@contextmanager
def _alarm_held() -> Iterator[None]:
    """The per-document time limit (``limits.time_limit``: SIGALRM) rings after the page under
    way, not inside pytesseract, which would leave its tesseract running and its temporary files
    behind: the limit is overrun by one page at most."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    try:
        with alarm_deferred():  # (a SIGALRM another thread takes still runs its handler here)
            yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def stop_tesseract() -> list[int]:
    """End the tesseract processes this process started and is no longer waiting for (Linux:
    read from /proc); return their ids."""
    me, stopped = os.getpid(), list[int]()
    try:
        entries = os.listdir("/proc")
    except OSError:
        return stopped
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                line = stat.read()
        except OSError:
            continue
        command, _, rest = line.partition("(")[2].rpartition(")")
        fields = rest.split()
        if command == "tesseract" and len(fields) > 1 and fields[1] == str(me):
            try:
                os.kill(int(entry), signal.SIGKILL)
                os.waitpid(int(entry), 0)
            except OSError:
                continue
            stopped.append(int(entry))
    return stopped


_BARE_NUMBER = regex.compile(r"^(\d{2,})([%‰]?)([。，、；：]?)$")
#: digits and the unit after them, in one word (586万次)
_NUMBER_UNIT = regex.compile(r"^(\d{2,})\p{Han}")


def _restore_points(image: Any, data: dict[str, list[Any]]) -> None:
    """The decimal point is the mark Tesseract's Chinese model most often loses (``4.8%`` read
    as ``48%``, ten times the figure). Each word read as bare digits (and a % or ‰) is looked at
    again in the image: when its ink falls into exactly as many glyphs as it has characters,
    plus one dot on the baseline between two of them, the point goes back there. Anything less
    clear-cut leaves the word as read."""
    for i, word in enumerate(data["text"]):
        text = str(word).strip()
        if float(data["conf"][i]) < 0 or not text[:1].isdigit():
            continue
        box = data["left"][i], data["top"][i], data["width"][i], data["height"][i]
        if (found := _BARE_NUMBER.match(text)) is not None:
            digits, sign, stop = found.groups()
            at = _point_at(image, *box, len(digits), len(sign), len(stop))
        elif (unit := _NUMBER_UNIT.match(text)) is not None:
            digits, sign, stop = unit[1], "", text[len(unit[1]):]
            at = _point_at(image, *box, len(digits), open_end=True)
        else:
            digits, sign, stop, at = text, "", "", None
        if at is not None and 0 < at < len(digits):
            data["text"][i] = f"{digits[:at]}.{digits[at:]}{sign}{stop}"
        elif text.isdigit() and _ends_line_before_digits(data, i) \
                and _point_at(image, *box, len(text), trailing=True) == len(text):
            data["text"][i] = f"{text}."  # 5. / 86万次: a number broken after its point


def _ends_line_before_digits(data: dict[str, list[Any]], i: int) -> bool:
    """Is word ``i`` the last of its line, and the next line's first word a number?"""
    def line(j: int) -> tuple[int, int, int]:
        return data["block_num"][j], data["par_num"][j], data["line_num"][j]

    following = [j for j in range(i + 1, len(data["text"]))
                 if float(data["conf"][j]) >= 0 and str(data["text"][j]).strip()]
    return bool(following) and line(following[0]) != line(i) \
        and str(data["text"][following[0]]).strip()[:1].isdigit()


def _point_at(image: Any, left: int, top: int, width: int, height: int, digits: int,
              sign: int = 0, after: int = 0, *, open_end: bool = False,
              trailing: bool = False) -> int | None:
    """How many digits stand before the one dot low between the glyphs of this box, when the
    box's ink is ``digits`` glyphs, that dot and ``sign`` signs (a % may print as two strokes
    apart), then ``after`` marks of punctuation (left out); otherwise None.

    Tesseract's box may cut into its first or last glyph: the ink is looked at half a height
    further on either side, and a run of ink that reaches into the box counts whole (a neighbour
    that does so too makes the count wrong: None); a box that starts at the dot takes in the
    glyph just before it. With ``open_end`` the box goes on with other characters (a unit:
    ``586万次``): only its first ``digits`` glyphs and the dot among them are looked at, and the
    first must be as narrow as a digit. With ``trailing`` the dot may close the box (``5.`` at
    the end of a line, the number going on at the start of the next)."""
    margin = height // 2
    box = image.crop((left - margin, top - 2, left + width + margin, top + height + 2))
    w, h = box.size
    ink = box.tobytes()
    runs: list[tuple[int, int, int, int]] = []  # (first column, last column, top row, bottom row)
    for x in range(w):
        rows = [y for y in range(h) if ink[y * w + x] < 128]
        if not rows:
            continue
        if runs and runs[-1][1] == x - 1:
            first, _, high, low = runs[-1]
            runs[-1] = (first, x, min(high, rows[0]), max(low, rows[-1]))
        else:
            runs.append((x, x, rows[0], rows[-1]))
    inside = [n for n, run in enumerate(runs) if run[1] >= margin and run[0] < margin + width]
    if not inside:
        return None
    chosen = runs[inside[0]:inside[-1] + 1]
    if after:
        chosen = chosen[:-after]
    if not chosen:
        return None
    tall = max(low - high + 1 for _, _, high, low in chosen)

    def glyph(run: tuple[int, int, int, int]) -> bool:
        return run[3] - run[2] + 1 > 0.5 * tall

    if not glyph(chosen[0]) and inside[0] > 0 and glyph(runs[inside[0] - 1]) \
            and runs[inside[0] - 1][1] - runs[inside[0] - 1][0] + 1 <= 0.75 * tall:
        chosen.insert(0, runs[inside[0] - 1])  # the box began at the dot
    if open_end:
        if chosen[0][1] - chosen[0][0] + 1 > 0.75 * tall:
            return None
        seen = 0
        for n, run in enumerate(chosen):
            seen += glyph(run)
            if seen == digits:
                chosen = chosen[:n + 1]
                break
        else:
            return None
    floor = max(low for _, _, high, low in chosen if low - high + 1 > 0.5 * tall)
    kinds = []
    for run in chosen:
        first, last, high, low = run
        if glyph(run):
            kinds.append("glyph")
        elif (low - high + 1 <= 0.3 * tall and last - first + 1 <= 0.35 * tall
              and high >= floor - 0.35 * tall):
            kinds.append("dot")
        else:
            return None  # a comma, a speck, a broken glyph: not clear-cut
    if kinds.count("dot") != 1 or kinds.count("glyph") not in {digits + sign, digits + 2 * sign}:
        return None
    at = kinds.index("dot")
    return at if 0 < at < digits or (trailing and at == digits == len(kinds) - 1) else None


def _page(data: dict[str, list[Any]], number: int, scale: float) -> ScannedPage:
    """Tesseract's words (``image_to_data``) → lines in PDF points, and the mean confidence."""
    lines: dict[tuple[int, int, int], list[int]] = {}
    confidences: list[float] = []
    for i, word in enumerate(data["text"]):
        confidence = float(data["conf"][i])
        if confidence < 0 or not str(word).strip():
            continue
        confidences.append(confidence)
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        lines.setdefault(key, []).append(i)
    out = []
    for words in lines.values():
        text = _glue([(str(data["text"][i]).strip(), data["left"][i],
                       data["left"][i] + data["width"][i], data["height"][i]) for i in words])
        x0 = min(data["left"][i] for i in words)
        x1 = max(data["left"][i] + data["width"][i] for i in words)
        top = min(data["top"][i] for i in words)
        bottom = max(data["top"][i] + data["height"][i] for i in words)
        out.append(ScannedLine(text, x0 * scale, x1 * scale, top * scale, bottom * scale))
    out.sort(key=lambda line: (line.top, line.x0))
    # numbers run on from line to line (33.5] / 万件): the lines of a page are repaired as one
    texts = repair_lines([line.text for line in out])
    out = [replace(line, text=text) for line, text in zip(out, texts, strict=True) if text]
    mean = sum(confidences) / len(confidences) if confidences else 0.0
    return ScannedPage(number, tuple(out), round(mean, 1))


_LATIN = regex.compile(r"[A-Za-z]")
#: two figures side by side (table cells): the digits of one number sit closer than this
_FIGURE_END = regex.compile(r"[0-9%‰]")
_FIGURE_START = regex.compile(r"[-0-9|]")
_BAR = regex.compile(r"\s*\|\s*")


def _glue(words: list[tuple[str, int, int, int]]) -> str:
    """Tesseract's words (text, left, right, height) as one line. Chinese has no spaces
    between words, so they are joined without one, except two Latin words (``World Bank``) and
    words set apart by more than one and a half characters (table columns: ``13    5    7`` are
    three numbers, not ``1357``), or figures by more than 0.4 (the digits of one number sit
    closer), which get one space, as the text layer of a PDF would have. (Between the
    characters of a line of text Tesseract's boxes leave up to 0.9 of a character, around
    punctuation.)"""
    em = median(height for *_, height in words)
    text = ""
    end = 0
    for word, left, right, _ in words:
        gap = left - end
        if text and (gap > 1.5 * em or (_LATIN.match(text[-1]) and _LATIN.match(word[0]))
                     or (gap > 0.4 * em and _FIGURE_END.match(text[-1]) and _FIGURE_START.match(word[0]))):
            text += " "
        text += word
        end = right
    # a table row: cells apart by a bar, as the text layer and the other formats write it
    return _BAR.sub(" | ", text) if "|" in text else text


# --- repairs ------------------------------------------------------------------------------

_REPAIRS: tuple[tuple[regex.Pattern[str], str], ...] = (
    # a letter O between digits, or before a decimal point and a digit: 2O24, 1O.5, O.5
    (regex.compile(r"(?<=\d)[Oo](?=\d)|(?<![A-Za-z0-9])[Oo](?=[.．]\d)|(?<=\d)[Oo](?=[.．]\d)"), "0"),
    # l or I between digits: 3l5, 19.l9
    (regex.compile(r"(?<=\d)[lI](?=\d)|(?<=\d[.．])[lI](?=\d)|(?<=\d)[lI](?=[.．]\d)"), "1"),
    # ] for the 1 that ends a decimal before its unit (33.5]万件), or that stands alone before a
    # measure word, with no [ before it on the line (办理的]起案件)
    (regex.compile(r"(?<=\d[.．]\d*)\](?=[万亿%‰件个家项元人])"
                   r"|(?<=\p{Han})(?<![\[［][^\]］]*)\](?=[起件个家项次人名位万亿])"), "1"),
    # a comma, a full stop or a colon for the decimal point of a percentage: 19，19%, 26:7% (a
    # thousands separator groups three digits, and a ratio or a time takes no %)…
    (regex.compile(r"(?<=\d)[，,。:：](?=\d{1,2}[%‰％])"), "."),
    # …and a comma for the decimal point of a count or amount: 19，86万件, 4，2件 (not a date:
    # 1，2月)
    (regex.compile(r"(?<=\d)[，,](?=\d{1,2}(?![\d年月日号时]|[，,]\d)[万亿千\p{Han}])"), "."),
    # a per-mille sign read as %o: 7.86%o
    (regex.compile(r"(?<=\d)[%％][oO0](?![A-Za-z0-9])"), "‰"),
    # a % sign inside a number, where none can stand: 9%.25万人, 1528.9%6亿元
    (regex.compile(r"(?<=\d)[%％](?=[.．]?\d)"), ""),
    # 忆 (to recall) is never written after a digit: 亿 (hundred million) is
    (regex.compile(r"(?<=\d)忆"), "亿"),
)
#: a page-number line with 一 for its dashes: 一7一, 一 12 一
_PAGE_NUMBER = regex.compile(r"^[一—\-–－]+\s*\d{1,4}\s*[一—\-–－]+$")
#: a bullet ● read as @ or @@ at the start of a line, before a word (no address starts so)
_BULLET = regex.compile(r"^@{1,2}(?=\p{Han})")


def repair(text: str) -> str:
    """The OCR confusions of digits and units that can be told without doubt (see the module
    docstring); everything else as read.

    >>> repair("全市专利授权总量达到7l292件，同比增长19，19%，2O24年")
    '全市专利授权总量达到71292件，同比增长19.19%，2024年'
    >>> repair("O2O模式，ISO9001，约1.2忆元")
    'O2O模式，ISO9001，约1.2亿元'
    """
    return repair_lines([text])[0]


def repair_lines(lines: Sequence[str]) -> list[str]:
    """:func:`repair` on consecutive lines, as one text (a number broken across two lines is
    repaired as it would be on one), given back as lines."""
    text = "".join(lines)
    ends = list(accumulate(len(line) for line in lines))
    for pattern, replacement in _REPAIRS:
        for found in reversed(list(pattern.finditer(text))):
            start, end = found.span()
            text = text[:start] + replacement + text[end:]
            shift = len(replacement) - (end - start)
            ends = [e + shift if e >= end else min(e, start + len(replacement)) if e > start
                    else e for e in ends]
    out = [text[start:end] for start, end in zip([0, *ends], ends)]
    return [_BULLET.sub("●", line.replace("一", "—") if _PAGE_NUMBER.match(line) else line)
            for line in out]


# --- records ------------------------------------------------------------------------------


def scanned_pages(source: Source) -> tuple[ScannedPage, ...]:
    return source.scanned if isinstance(source, ScannedSource) else ()


def annotate(document: Document, source: Source) -> Document:
    """``document.ocr`` (the pages read by OCR, with Tesseract's mean confidence) and
    ``read_by: "ocr"`` on each record of such a page."""
    from ..models import OcrPage

    pages = scanned_pages(source)
    if not pages:
        return document
    numbers = {page.number for page in pages}
    records = [record.model_copy(update={"read_by": "ocr"}) if record.page in numbers
               else record for record in document.records]
    info = document.document.model_copy(update={
        "ocr": [OcrPage(page=page.number, confidence=page.confidence) for page in pages]})
    return document.model_copy(update={"document": info, "records": records})

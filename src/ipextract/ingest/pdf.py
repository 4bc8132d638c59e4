"""PDF → text, with pdfplumber (the ``[formats]`` extra).

A PDF has no paragraphs, only positioned lines, so the text is rebuilt from the lines:

1. **Lines** of each page (pdfplumber's ``extract_text_lines``, the layout ``extract_text``
   uses), with their boxes; characters printed twice (a fake-bold heading) are read once, and
   Kangxi radicals / compatibility ideographs (``⽣`` for ``生``) become ordinary characters.
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

Every failure is a one-line :class:`~ipextract.errors.InputError`: a truncated or corrupt file,
an encrypted one, one without a text layer (a scan).
"""

from __future__ import annotations

import io
import logging
import unicodedata
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import pairwise
from statistics import median
from typing import Any

import regex

from ..errors import InputError
from .base import Source

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


def read_pdf(data: bytes, name: str) -> Source:
    """The text of a PDF, without running headers, footers and page numbers, lines re-joined
    into paragraphs."""
    try:
        import pdfplumber
    except ImportError as exc:
        raise InputError(name, _EXTRA) from exc

    with _quiet_pdfminer():
        pages = _read_pages(pdfplumber, data, name)
    if not any(page.lines for page in pages):
        raise InputError(name, "no text layer (a scanned PDF needs OCR)")
    _decode_cids(pages, name)
    _drop_running_lines(pages)
    text, page_starts = _join(pages)
    if not text.strip():
        raise InputError(name, "no text layer (a scanned PDF needs OCR)")
    return Source(name=name, text=text, encoding="pdf", format="pdf", pages=len(pages),
                  page_starts=page_starts)


# --- reading ------------------------------------------------------------------------------


@contextmanager
def _quiet_pdfminer() -> Iterator[None]:
    """pdfminer logs warnings about harmless oddities of a file; with logging not set up they
    would reach stderr as stray lines."""
    loggers = [logging.getLogger(n) for n in ("pdfminer", "pdfplumber")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels):
            logger.setLevel(level)


_CONTROL = regex.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
#: Kangxi radicals and CJK compatibility ideographs: what the text layer of many Chinese PDFs
#: gives for ordinary characters (⽣ U+2F63 for 生), invisible to the eye, fatal to matching
_LOOKALIKE = regex.compile(r"[\u2E80-\u2FDF\uF900-\uFAFF\U0002F800-\U0002FA1F]")


def _clean(text: str) -> str:
    text = _LOOKALIKE.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return _SPACE.sub(" ", _CONTROL.sub("", text)).strip()


def _read_pages(pdfplumber: Any, data: bytes, name: str) -> list[_Page]:
    pages: list[_Page] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:  # pages are parsed as they are reached
                lines = []
                # dedupe: a heading made bold by printing it twice would read 一一、、综综合合
                for raw in page.dedupe_chars().extract_text_lines(return_chars=False):
                    text = _clean(raw["text"])
                    if text:
                        lines.append(_Line(text, float(raw["x0"]), float(raw["x1"]),
                                           float(raw["top"]), float(raw["bottom"])))
                pages.append(_Page(float(page.width), float(page.height), lines))
                page.close()
    except Exception as exc:  # pdfminer raises anything at all on a broken file
        where = f"page {len(pages) + 1}: " if pages else ""
        raise InputError(name, _reason(exc, data, where)) from exc
    if not pages:
        raise InputError(name, "not a readable PDF (no pages)")
    return pages


_OBJECT = regex.compile(rb"\d+\s+\d+\s+obj\b")


def _reason(exc: BaseException, data: bytes, where: str = "") -> str:
    """A one-line reason for a PDF pdfminer/pdfplumber could not read."""
    chain: list[BaseException] = []
    cause: BaseException | None = exc
    while cause is not None and cause not in chain and len(chain) < 8:
        chain.append(cause)
        wrapped = cause.args[0] if cause.args and isinstance(cause.args[0], BaseException) \
            else None  # pdfplumber's PdfminerException wraps the original as its argument
        cause = wrapped or cause.__cause__ or cause.__context__
    kinds = {type(e).__name__ for e in chain}
    if "PDFPasswordIncorrect" in kinds:
        return "encrypted PDF (a password is needed)"
    if kinds & {"PDFEncryptionError", "PDFEncryptionWarning"}:
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
            for p, i, where in found:
                if len({q for q, _, w in found if abs(w - where) <= 3}) >= needed:
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

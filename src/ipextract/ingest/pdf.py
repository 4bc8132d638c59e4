"""PDF → text, with pdfplumber (the ``[formats]`` extra).

A PDF has no paragraphs, only positioned lines, so the text is rebuilt from the lines:

1. **Lines** of each page (pdfplumber's ``extract_text_lines``, the layout ``extract_text``
   uses), with their boxes.
2. **Running headers, footers and page numbers** are dropped: among the first and last lines of
   each page, a page number (``— 3 —``, ``- 3 -``, ``第3页``, ``3``, ``3/12``, ``第3页 共12页``)
   and any short line (≤ 30 characters) that comes back at the same place on most pages, with
   digits normalised (``第3页`` and ``第4页`` are the same line).
3. **Lines are re-joined** into paragraphs, without a separator (Chinese has no spaces, so
   ``7129`` / ``2件`` becomes ``71292件``), also across a page break. A line starts a new
   paragraph when it is a bullet or a numbered heading (``●``, ``一、``, ``（二）``, ``1. ``),
   when it is indented (first-line indent, centred heading) or set off by a larger gap, or when
   the line before it stops short of the right margin (the last line of a paragraph, a heading)
   or ends with sentence-final punctuation while not running to the margin. Paragraphs are
   separated by ``\\n\\n``.

``Source.page_starts[i]`` is the offset where the text of page ``i + 1`` begins (inside a
paragraph, when one runs on across the page break).

Every failure is a one-line :class:`~ipextract.errors.InputError`: a truncated or corrupt file,
an encrypted one, one without a text layer (a scan).
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from statistics import median

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

#: what ends a paragraph when the line does not run to the margin
_FINAL = tuple("。！？!?；;：:”’）)】」』》…")
#: a line that starts like this starts a new paragraph
_MARKER = regex.compile(
    r"""^(?:[●○◆◇■□▲△▶►★☆※•·▪◎\-–—]
         | [一二三四五六七八九十]+[、．.]
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
    height: float
    lines: list[_Line]


@dataclass(slots=True)
class _Frame:
    """Where the body text of a page sits, and how big it is set."""

    left: float
    right: float
    em: float

    @property
    def centre(self) -> float:
        return (self.left + self.right) / 2


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


def _read_pages(pdfplumber: Any, data: bytes, name: str) -> list[_Page]:
    pages: list[_Page] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                lines = []
                for raw in page.extract_text_lines(return_chars=False):
                    text = _SPACE.sub(" ", _CONTROL.sub("", raw["text"])).strip()
                    if text:
                        lines.append(_Line(text, float(raw["x0"]), float(raw["x1"]),
                                           float(raw["top"]), float(raw["bottom"])))
                pages.append(_Page(float(page.height), lines))
                page.close()
    except Exception as exc:  # pdfminer raises anything at all on a broken file
        raise InputError(name, _reason(exc, data)) from exc
    if not pages:
        raise InputError(name, "not a readable PDF (no pages)")
    return pages


def _reason(exc: BaseException, data: bytes) -> str:
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
    if b"%%EOF" not in data[-2048:]:
        return f"not a PDF (truncated at byte {len(data)})"
    inner = chain[-1]
    message = _SPACE.sub(" ", str(inner)).strip()
    if len(message) > 80:
        message = message[:77] + "..."
    return f"not a readable PDF ({type(inner).__name__}{': ' + message if message else ''})"


def _decode_cids(pages: list[_Page], name: str) -> None:
    """``(cid:123)`` is pdfminer's text for a glyph of a font without a Unicode map."""
    total = sum(len(line.text) for page in pages for line in page.lines)
    cids = sum(len(m) for page in pages for line in page.lines for m in _CID.findall(line.text))
    if not cids:
        return
    if cids > total / 2:
        raise InputError(name, "no usable text layer (fonts without a Unicode map; "
                               "a scanned PDF needs OCR)")
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


def _frames(pages: list[_Page]) -> list[_Frame]:
    lines = [line for page in pages for line in page.lines]
    em = median(line.bottom - line.top for line in lines) or 10.0
    whole = _Frame(_mode([line.x0 for line in lines]),
                   _quantile([line.x1 for line in lines], 0.9), em)
    frames = []
    for page in pages:
        if len(page.lines) >= 6:  # margins of its own (mirrored odd/even pages)
            frames.append(_Frame(_mode([line.x0 for line in page.lines]),
                                 _quantile([line.x1 for line in page.lines], 0.9), em))
        else:
            frames.append(whole)
    return frames


def _pitch(pages: list[_Page]) -> float:
    steps = [b.top - a.top for page in pages for a, b in zip(page.lines, page.lines[1:])
             if b.top > a.top]
    return median(steps) if steps else 0.0


def _ends_final(text: str) -> bool:
    return text.endswith(_FINAL)


def _continues(a: _Line, fa: _Frame, b: _Line, fb: _Frame, step: float | None,
               pitch: float, indents: bool) -> bool:
    """Does line ``b`` continue the paragraph of line ``a``? ``step`` is the distance between
    them when they are on the same page."""
    em = fa.em
    if _MARKER.match(b.text):
        return False
    if step is not None and pitch and step > 1.35 * pitch:
        return False  # set off by space
    a_full = a.x1 >= fa.right - 1.6 * em
    if b.x0 > fb.left + 0.8 * em:  # indented: a new paragraph, or a centred heading…
        b_centred = abs((b.x0 + b.x1) / 2 - fb.centre) < 0.6 * em
        a_centred = abs((a.x0 + a.x1) / 2 - fa.centre) < 0.6 * em and a.x0 > fa.left + 0.2 * em
        # …that runs on from a centred line filling the width: one heading on two lines
        return b_centred and a_centred and a_full and not _ends_final(a.text)
    if a_full:
        # a sentence that ends with the line ends the paragraph, unless the document marks
        # paragraphs by indenting their first line
        return indents or not _ends_final(a.text)
    if _ends_final(a.text):
        return False
    # stopped short without punctuation: a heading, or a long unbreakable word moved down
    return a.x1 >= fa.left + 0.75 * (fa.right - fa.left) and a.x0 <= fa.left + 2.5 * em


def _uses_indents(pages: list[_Page], frames: list[_Frame]) -> bool:
    """Are paragraphs marked by a first-line indent (of 1–4 characters)?"""
    count = 0
    for page, frame in zip(pages, frames):
        for line in page.lines:
            if (0.8 * frame.em < line.x0 - frame.left < 4.5 * frame.em
                    and line.x1 >= frame.right - 1.6 * frame.em):
                count += 1
    return count >= 3


_LATIN = regex.compile(r"[A-Za-z]")


def _join(pages: list[_Page]) -> tuple[str, tuple[int, ...]]:
    lines = [line for page in pages for line in page.lines]
    if not lines:
        return "", tuple(0 for _ in pages)
    frames = _frames(pages)
    pitch = _pitch(pages)
    indents = _uses_indents(pages, frames)
    parts: list[str] = []
    length = 0
    starts: list[int | None] = []
    previous: tuple[_Line, _Frame, int] | None = None
    for p, (page, frame) in enumerate(zip(pages, frames)):
        starts.append(None)
        for line in page.lines:
            if previous is not None:
                a, fa, pa = previous
                step = line.top - a.top if pa == p else None
                if _continues(a, fa, line, frame, step, pitch, indents):
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

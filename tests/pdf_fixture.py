"""Typeset a UTF-8 report as a PDF, the way a narrow-column government PDF looks.

Used by ``test_ingest_pdf.py`` (needs reportlab). What makes it a fair test of the PDF reader:

* lines are filled by width (~18–25 characters, fewer CJK than digits), so numbers and words
  are broken across lines (``7129`` / ``2件``) and across pages;
* closing punctuation never starts a line: it hangs past the right margin, as typesetters do;
* body paragraphs have a two-character first-line indent and no extra space between them;
  headings (short lines without final punctuation) are centred with space above;
* every page has a running header (the report title, ruled off) and a ``— N —`` footer.
"""

from __future__ import annotations

import re
from pathlib import Path

FONT = "STSong-Light"
PAGE = (300.0, 440.0)  # narrow pages: about 22 CJK characters a line
MARGIN_X = 36.0
MARGIN_TOP = 60.0
MARGIN_BOTTOM = 56.0
SIZE = 10.5
LEADING = 16.0
HEADING_GAP = 8.0

_FINAL = tuple("。！？；：”）)】」』…")
_NO_LINE_START = set("。，、；：？！”’）)】」』…%‰")


def _font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    try:
        pdfmetrics.getFont(FONT)
    except KeyError:
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def _width(text: str, size: float = SIZE) -> float:
    from reportlab.pdfbase import pdfmetrics

    return pdfmetrics.stringWidth(text, FONT, size)


def _tokens(text: str) -> list[str]:
    """Units that are never broken: a run of Latin letters; everything else char by char."""
    return re.findall(r"[A-Za-z]+|.", text)


def wrap(paragraph: str, width: float, indent: float, chars: int | None = None) -> list[str]:
    """Fill lines by width (with ``chars``, also cut after ``chars`` characters: a ragged
    right edge, as digits are narrower); closing punctuation hangs at the end of the line instead of starting the
    next one."""
    lines: list[str] = []
    line = ""
    room = width - indent
    for token in _tokens(paragraph):
        full = _width(line + token) > room or bool(chars and len(line) + len(token) > chars)
        if line and full and token not in _NO_LINE_START:
            lines.append(line)
            line, room = "", width
        line += token
    if line:
        lines.append(line)
    return lines


def is_heading(line: str) -> bool:
    return len(line) <= 30 and not line.endswith(_FINAL) and not line.startswith("●")


def paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def make_pdf(text: str, path: Path | str, title: str, *, encrypt: str | None = None,
             indent: bool = True, paragraph_gap: float = 0.0, wrap_chars: int | None = None,
             footer: str = "— {n} —") -> int:
    """Write ``text`` as a PDF at ``path``; return the number of pages.

    The default is a typeset page: lines filled to the width, paragraphs marked by a first-line
    indent. ``indent=False, paragraph_gap=8`` marks them by space instead; ``wrap_chars=20``
    cuts body lines by count, leaving a ragged right edge. ``footer`` is formatted with ``n``."""
    from reportlab.pdfgen import canvas

    _font()
    width, height = PAGE
    body_width = width - 2 * MARGIN_X
    first_indent = 2 * SIZE if indent else 0.0
    pdf = canvas.Canvas(str(path), pagesize=PAGE, encrypt=encrypt)
    pdf.setTitle(title)
    page = 0
    y = 0.0

    def new_page() -> None:
        nonlocal page, y
        if page:
            pdf.showPage()
        page += 1
        pdf.setFont(FONT, 8)
        pdf.drawCentredString(width / 2, height - 36, title)
        pdf.setLineWidth(0.5)
        pdf.line(MARGIN_X, height - 41, width - MARGIN_X, height - 41)
        pdf.setFont(FONT, 9)
        pdf.drawCentredString(width / 2, 30, footer.format(n=page))
        y = height - MARGIN_TOP

    new_page()
    for para in paragraphs(text):
        heading = is_heading(para)
        top_of_page = y >= height - MARGIN_TOP
        if heading:
            if y < MARGIN_BOTTOM + 2 * LEADING:  # no heading alone at the foot of a page
                new_page()
            elif not top_of_page:
                y -= HEADING_GAP
            lines = wrap(para, body_width, 0)  # centred: by width, even when ragged
        else:
            if not top_of_page:
                y -= paragraph_gap
            lines = wrap(para, body_width, first_indent, wrap_chars)
        for i, line in enumerate(lines):
            if y < MARGIN_BOTTOM:
                new_page()
            pdf.setFont(FONT, SIZE)
            if heading:
                pdf.drawCentredString(width / 2, y, line)
            else:
                pdf.drawString(MARGIN_X + (first_indent if i == 0 else 0), y, line)
            y -= LEADING
        if heading:
            y -= HEADING_GAP / 2
    pdf.showPage()
    pdf.save()
    return page


def draw_lines(path: Path | str, pages: list[list[str]], title: str,
               footer: str = "— {n} —") -> None:
    """A PDF with exactly these lines on these pages (a leading ``>`` sets the line in by two
    characters, a first-line indent; a leading ``*`` prints it twice, a little apart: fake
    bold), with the running header and footer of ``make_pdf``."""
    from reportlab.pdfgen import canvas

    _font()
    width, height = PAGE
    pdf = canvas.Canvas(str(path), pagesize=PAGE)
    for n, lines in enumerate(pages, start=1):
        pdf.setFont(FONT, 8)
        pdf.drawCentredString(width / 2, height - 36, title)
        pdf.setFont(FONT, 9)
        pdf.drawCentredString(width / 2, 30, footer.format(n=n))
        pdf.setFont(FONT, SIZE)
        y = height - MARGIN_TOP
        for line in lines:
            bold = line.startswith("*")
            line = line.removeprefix("*")
            indent = 2 * SIZE if line.startswith(">") else 0.0
            for shift in (0.0, 0.3) if bold else (0.0,):
                pdf.drawString(MARGIN_X + indent + shift, y, line.removeprefix(">"))
            y -= LEADING
        pdf.showPage()
    pdf.save()


def make_blank_pdf(path: Path | str) -> None:
    """A one-page PDF with a drawn rectangle and no text at all (what a scan looks like)."""
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=PAGE)
    pdf.rect(50, 50, 200, 300, stroke=1, fill=0)
    pdf.showPage()
    pdf.save()

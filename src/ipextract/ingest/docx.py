"""DOCX: paragraphs, list items and tables, in document order (python-docx).

A list paragraph (a numbered or bulleted style, or list numbering on the paragraph) keeps a
``●`` bullet; a table row becomes one line with ``|`` between its cells. The archive is
checked before it is opened: a DOCX is a ZIP, and a ZIP can be a bomb.

The text of paragraphs and cells is python-docx's (``Paragraph.text``, ``_Cell.text``, a row's
``cells`` with merged cells repeated), read with compiled XPath: python-docx compiles its
XPath anew for every paragraph and run, which made a 20,000-row table take most of a minute.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from ..errors import InputError
from .base import Source, check_members

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

def _check_archive(data: bytes, name: str) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise InputError(name, "not a DOCX (not a readable ZIP archive)") from exc
    with archive:
        names = archive.namelist()
        if "word/document.xml" not in names:
            raise InputError(name, "not a DOCX (a ZIP without word/document.xml)")
        check_members(archive, name)


def _is_list(paragraph) -> bool:  # type: ignore[no-untyped-def]
    style = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
    if "list" in style or "bullet" in style:
        return True
    properties = paragraph._p.pPr
    return properties is not None and properties.numPr is not None


def read_docx(data: bytes, name: str) -> Source:
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError as exc:
        raise InputError(name, "reading DOCX needs the [formats] extra: "
                         "pip install 'ipextract[formats]'") from exc
    _check_archive(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several types for a damaged package
        raise InputError(name, f"not a readable DOCX ({type(exc).__name__})") from exc
    text_of = _Texts()
    blocks: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = text_of.paragraph(child).strip()
            if text:
                paragraph = Paragraph(child, document)
                bullet = "●" if _is_list(paragraph) and not text.startswith("●") else ""
                blocks.append(bullet + text)
        elif tag == "tbl":
            for tr in Table(child, document)._tbl.tr_lst:
                cells = [text_of.cell(tc).strip().replace("\n", " ") for tc in _row_cells(tr)]
                if any(cells):
                    blocks.append(" | ".join(cells))
    if not blocks:
        raise InputError(name, "the DOCX has no text")
    return Source(name=name, text="\n\n".join(blocks) + "\n", encoding="docx", format="docx")


class _Texts:
    """python-docx's texts (``CT_P.text``, ``CT_R.text``, ``CT_Hyperlink.text``,
    ``_Cell.text``) with their XPath compiled once; ``str()`` of a run's parts is python-docx's
    own (a ``w:br`` is a line break or nothing, ``w:tab`` a tab…)."""

    def __init__(self) -> None:
        from lxml import etree

        names = {"w": _W}
        self.parts = etree.XPath("w:r | w:hyperlink", namespaces=names)
        self.runs = etree.XPath("w:r", namespaces=names)
        self.inner = etree.XPath("w:br | w:cr | w:noBreakHyphen | w:ptab | w:t | w:tab",
                                 namespaces=names)
        self.paragraphs = etree.XPath("w:p", namespaces=names)
        self.hyperlink = f"{{{_W}}}hyperlink"

    def run(self, r: Any) -> str:
        return "".join([str(e) for e in self.inner(r)])

    def paragraph(self, p: Any) -> str:
        return "".join([
            "".join([self.run(r) for r in self.runs(e)]) if e.tag == self.hyperlink
            else self.run(e) for e in self.parts(p)])

    def cell(self, tc: Any) -> str:
        return "\n".join([self.paragraph(p) for p in self.paragraphs(tc)])


_TC, _TC_PR, _V_MERGE, _GRID_SPAN, _VAL = (f"{{{_W}}}{name}" for name in
                                          ("tc", "tcPr", "vMerge", "gridSpan", "val"))


def _row_cells(tr: Any) -> Iterator[Any]:
    """The ``w:tc`` of each grid cell of a row, as python-docx's ``_Row.cells``: a cell spanning
    columns comes once for each, a vertically merged one as the cell it continues (found by
    python-docx itself: rare, and slow)."""
    for tc in tr.iterchildren(_TC):
        properties = tc.find(_TC_PR)
        if properties is None:
            yield tc
            continue
        merge = properties.find(_V_MERGE)
        if merge is not None and merge.get(_VAL, "continue") == "continue":
            while tc.vMerge == "continue":
                tc = tc._tc_above
            properties = tc.find(_TC_PR)
        span = properties.find(_GRID_SPAN) if properties is not None else None
        for _ in range(int(span.get(_VAL, "1")) if span is not None else 1):
            yield tc

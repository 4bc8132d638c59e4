"""DOCX: paragraphs, list items and tables, in document order (python-docx).

A list paragraph (a numbered or bulleted style, or list numbering on the paragraph) keeps a
``●`` bullet; a table row becomes one line with ``|`` between its cells. The archive is
checked before it is opened: a DOCX is a ZIP, and a ZIP can be a bomb.
"""

from __future__ import annotations

import io
import zipfile

from ..errors import InputError
from .base import MAX_BYTES, Source

MAX_RATIO = 200  # uncompressed / compressed: beyond this a member is a zip bomb


def _check_archive(data: bytes, name: str) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise InputError(name, "not a DOCX (not a readable ZIP archive)") from exc
    with archive:
        names = archive.namelist()
        if "word/document.xml" not in names:
            raise InputError(name, "not a DOCX (a ZIP without word/document.xml)")
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
    blocks: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            text = paragraph.text.strip()
            if text:
                bullet = "●" if _is_list(paragraph) and not text.startswith("●") else ""
                blocks.append(bullet + text)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells = [cell.text.strip().replace("\n", " ") for cell in row.cells]
                if any(cells):
                    blocks.append(" | ".join(cells))
    if not blocks:
        raise InputError(name, "the DOCX has no text")
    return Source(name=name, text="\n\n".join(blocks) + "\n", encoding="docx", format="docx")

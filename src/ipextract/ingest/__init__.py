"""Stage 0: a file (or stdin) → :class:`Source`, whatever the format.

The format is decided by the bytes, not the file name: ``%PDF`` is a PDF, a ZIP with
``word/document.xml`` is a DOCX and one with ``xl/workbook.xml`` an XLSX (an OpenDocument
spreadsheet or text says so in its ``mimetype``), an OLE2 compound file is an XLS workbook or a legacy
Word/WPS document by the streams it holds (an encrypted Office file is one too, and is refused),
markup is HTML, rows of tab- or comma-separated cells (or a ``.csv``/``.tsv`` name) are CSV/TSV,
anything else is text. A file that claims a format it does not have (``x.pdf`` that is text,
``x.docx`` that is not a ZIP) is read as what it is, or refused with a one-line reason.
"""

from __future__ import annotations

import sys
from pathlib import Path

import regex

from ..errors import InputError, InputTooLarge
from .base import MAX_BYTES, Source
from .text import read_text

_HAN = regex.compile(r"\p{Han}")
_MARKUP = regex.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                        regex.IGNORECASE | regex.DOTALL)


_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SHEET_SUFFIXES = {".xlsx": "xlsx", ".xlsm": "xlsm", ".xls": "xls", ".ods": "ods", ".et": "xls"}
_WORD_SUFFIXES = {".doc": "doc", ".wps": "wps", ".dot": "doc"}


def _zip_format(data: bytes, suffix: str) -> str:
    """docx, xlsx/xlsm or ods: by the archive's members (or, for an archive too damaged to
    list, by the names in its local headers, then by the file name)."""
    import io
    import zipfile

    if data[30:38] == b"mimetype" and b"opendocument.spreadsheet" in data[38:120]:
        return "ods"
    if data[30:38] == b"mimetype" and b"opendocument.text" in data[38:120]:
        return "odt"  # (converted by LibreOffice, as .doc is)
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError):
        names = set()
        if b"word/document.xml" in data:
            names.add("word/document.xml")
        elif b"xl/workbook.xml" in data or b"xl/worksheets/" in data:
            names.add("xl/workbook.xml")
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names or "EncryptedPackage" in names:
        return "xlsm" if suffix == ".xlsm" else "xlsx"
    if not names and suffix in _SHEET_SUFFIXES and suffix not in (".xls", ".et"):
        return _SHEET_SUFFIXES[suffix]
    return "docx"  # (read_docx says what is wrong with it)


def _ole_streams(data: bytes) -> set[str]:
    """Names of the streams in an OLE2 compound file that tell its kind. A directory entry is
    128 bytes (UTF-16 name, its byte length at 64) in a sector after the 512-byte header."""
    found = set()
    for stream in ("Workbook", "Book", "WordDocument", "EncryptedPackage", "EncryptionInfo"):
        encoded = stream.encode("utf-16-le") + b"\x00\x00"
        position = data.find(encoded)
        while position >= 0:
            if position >= 512 and (position - 512) % 128 == 0 and (
                    int.from_bytes(data[position + 64:position + 66], "little") == len(encoded)):
                found.add(stream)
                break
            position = data.find(encoded, position + 1)
    return found


def _ole_format(data: bytes, name: str, suffix: str) -> str:
    streams = _ole_streams(data)
    if "EncryptedPackage" in streams or "EncryptionInfo" in streams:
        raise InputError(name, "password-protected (encrypted) Office file")
    if "Workbook" in streams or "Book" in streams:
        return "xls"
    if "WordDocument" in streams:
        return "wps" if suffix == ".wps" else "doc"
    if suffix in _WORD_SUFFIXES:
        return _WORD_SUFFIXES[suffix]
    if suffix in _SHEET_SUFFIXES:
        return "xls"
    raise InputError(name, "an OLE2 compound file that is neither an Excel workbook nor a Word "
                     "document")


def sniff(data: bytes, name: str) -> str:
    """The format of ``data``: pdf, docx, xlsx, xlsm, ods, xls, doc, wps, odt, html, csv, tsv or
    txt."""
    suffix = Path(name).suffix.lower()
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_format(data, suffix)
    if data.startswith(_OLE2):
        return _ole_format(data, name, suffix)
    if _MARKUP.match(data[:4096]):
        return "html"
    if suffix == ".pdf":
        raise InputError(name, "not a PDF (no %PDF header)")
    if suffix == ".docx":
        raise InputError(name, "not a DOCX (not a ZIP archive)")
    if suffix in (".csv", ".tsv"):
        return suffix[1:]
    delimiter = None
    if not _looks_binary(data):
        from .sheets import looks_delimited

        delimiter = looks_delimited(data)  # (a bureau's "xls" is often tab-separated text)
    if delimiter is not None:
        return "tsv" if delimiter == "\t" else "csv"
    if suffix in (".xlsx", ".xlsm", ".ods"):
        raise InputError(name, f"not a workbook ({suffix} but not a ZIP archive)")
    if suffix in (".xls", ".et", ".doc", ".wps"):
        raise InputError(name, f"not an Office file ({suffix} but not an OLE2 compound file)")
    return "txt"


def read_bytes(data: bytes, name: str, encoding: str | None = None) -> Source:
    if not data.strip():
        raise InputError(name, "empty file")
    fmt = sniff(data, name)
    if fmt == "pdf":
        from .pdf import read_pdf

        return read_pdf(data, name)
    if fmt == "docx":
        from .docx import read_docx

        return read_docx(data, name)
    if fmt in ("xlsx", "xlsm", "xls", "ods", "csv", "tsv"):
        from .sheets import read_sheets

        return read_sheets(data, name, fmt, encoding)
    if fmt in ("doc", "wps", "odt"):
        from .legacy import read_legacy

        return read_legacy(data, name, fmt)
    if fmt == "html":
        from .html import read_html

        return read_html(data, name, encoding)
    if _looks_binary(data) and encoding is None:
        raise InputError(name, "binary data, not a text report")
    return read_text(data, name, encoding)


def _looks_binary(data: bytes) -> bool:
    """Mostly control bytes (a stray NUL in a text report is not enough): an image, an
    executable, a database. UTF-16 text is full of NULs, so a BOM or a UTF-16 pattern
    (every other byte NUL) clears it."""
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    controls = sum(1 for byte in head if byte < 9 or 13 < byte < 32)
    if controls <= len(head) // 10:
        return False
    for codec in ("utf-16-le", "utf-16-be"):  # UTF-16 without a BOM reads as mostly Han
        try:
            text = head[: len(head) // 2 * 2].decode(codec)
        except UnicodeDecodeError:
            continue
        if len(_HAN.findall(text)) > len(text) // 3:
            return False
    return True


def read_source(path: str, encoding: str | None = None, *, max_bytes: int | None = None) -> Source:
    """Read ``path`` (``-`` for standard input) into a :class:`Source`; a file over
    ``max_bytes`` (default ``MAX_BYTES``) is refused before it is read."""
    limit = MAX_BYTES if max_bytes is None else max_bytes
    if path == "-":
        return read_bytes(sys.stdin.buffer.read(), "<stdin>", encoding)
    file = Path(path)
    if not file.exists():
        raise InputError(path, "no such file")
    if file.is_dir():
        raise InputError(path, "is a directory")
    if file.stat().st_size > limit:
        raise InputTooLarge(path, f"larger than the limit of {limit:,} bytes")
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror})") from exc
    return read_bytes(data, path, encoding)


__all__ = ["Source", "read_bytes", "read_source", "sniff"]

"""Stage 0: a file (or stdin) → :class:`Source`, whatever the format.

The format is decided by the bytes, not the file name: ``%PDF`` is a PDF, a ZIP with
``word/document.xml`` is a DOCX, markup is HTML, anything else is text. A file that claims a
format it does not have (``x.pdf`` that is text, ``x.docx`` that is not a ZIP) is read as what
it is, or refused with a one-line reason.
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


def sniff(data: bytes, name: str) -> str:
    """The format of ``data``: pdf, docx, html or txt."""
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if _MARKUP.match(data[:4096]):
        return "html"
    suffix = Path(name).suffix.lower()
    if suffix == ".pdf":
        raise InputError(name, "not a PDF (no %PDF header)")
    if suffix == ".docx":
        raise InputError(name, "not a DOCX (not a ZIP archive)")
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

"""Stage 0: a file (or stdin) → decoded text, with the facts about it that the document records.

Text files only for now: UTF-8 (with or without BOM), then GB18030 (a superset of GBK and
GB2312), strictly; undecodable bytes are an error naming their position, never replaced.

>>> decode(b"\\xef\\xbb\\xbf71292\\xe4\\xbb\\xb6", "x.txt")
('71292件', 'utf-8-sig')
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from .errors import DecodeError, InputError

MAX_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    text: str
    encoding: str
    format: str = "txt"


def decode(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise DecodeError(name, _decode_reason(exc, encoding)) from exc
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ("utf-8-sig",)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ("utf-16",)
    else:
        candidates = ("utf-8", "gb18030")
    first_error: UnicodeDecodeError | None = None
    for candidate in candidates:
        try:
            return data.decode(candidate), candidate
        except UnicodeDecodeError as exc:
            first_error = first_error or exc
    assert first_error is not None  # noqa: S101 - a loop over a non-empty tuple
    raise DecodeError(name, _decode_reason(first_error, candidates[0]))


def _decode_reason(exc: Exception, encoding: str) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return f"not valid {encoding} (undecodable byte at offset {exc.start})"
    return f"unknown encoding {encoding!r}"


def read_source(path: str, encoding: str | None = None) -> Source:
    """Read ``path`` (``-`` for standard input) into a :class:`Source`."""
    if path == "-":
        data = sys.stdin.buffer.read()
        name = "<stdin>"
    else:
        file = Path(path)
        if not file.exists():
            raise InputError(path, "no such file")
        if file.is_dir():
            raise InputError(path, "is a directory")
        if file.stat().st_size > MAX_BYTES:
            raise InputError(path, f"larger than {MAX_BYTES // (1024 * 1024)} MiB")
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise InputError(path, f"cannot be read ({exc.strerror})") from exc
        name = path
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(name, "binary data, not a text report")
    text, used = decode(data, name, encoding)
    return Source(name=name, text=text, encoding=used)

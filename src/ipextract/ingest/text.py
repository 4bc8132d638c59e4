"""Stage 0: a file (or stdin) → decoded text, with the facts about it that the document records.

Text files only for now: UTF-8 (with or without BOM), then GB18030 (a superset of GBK and
GB2312), strictly; undecodable bytes are an error naming their position, never replaced.

>>> decode(b"\\xef\\xbb\\xbf71292\\xe4\\xbb\\xb6", "x.txt")
('71292件', 'utf-8-sig')
"""

from __future__ import annotations

from ..errors import DecodeError
from .base import Source


def decode(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise DecodeError(name, _decode_reason(exc, encoding)) from exc
    candidates: tuple[str, ...]
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ("utf-8-sig",)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ("utf-16",)
    elif data.count(0) > len(data) // 8:
        candidates = ("utf-8", "utf-16-le", "utf-16-be", "gb18030")  # UTF-16 without a BOM
    else:
        candidates = ("utf-8", "gb18030")
    first_error: UnicodeDecodeError | None = None
    for candidate in candidates:
        try:
            return data.decode(candidate), candidate
        except UnicodeDecodeError as exc:
            first_error = first_error or exc
    detected = _detect(data)
    if detected is not None:
        try:
            return data.decode(detected), detected
        except (UnicodeDecodeError, LookupError):
            pass
    raise DecodeError(name, _decode_reason(first_error, candidates[0]))  # type: ignore[arg-type]


def _detect(data: bytes) -> str | None:
    """charset-normalizer's best guess (Big5, UTF-16 without BOM…), if it is installed."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # the [formats] extra is not installed: UTF-8 and GB18030 only
        return None
    best = from_bytes(data[:1_000_000]).best()
    # only encodings a Chinese report is written in: a Latin guess would be mojibake
    if best is not None and best.encoding in _CHINESE_ENCODINGS:
        return best.encoding
    return None


_CHINESE_ENCODINGS = frozenset({"big5", "big5hkscs", "cp950", "utf_16", "utf_16_le", "utf_16_be",
                                "utf_32", "utf_32_le", "utf_32_be", "hz", "iso2022_jp_2"})


def _decode_reason(exc: Exception, encoding: str) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return f"not valid {encoding} (undecodable byte at offset {exc.start})"
    return f"unknown encoding {encoding!r}"


def read_text(data: bytes, name: str, encoding: str | None = None) -> Source:
    text, used = decode(data, name, encoding)
    return Source(name=name, text=text, encoding=used, format="txt")

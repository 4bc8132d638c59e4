"""The last stage: documents → JSON / JSON Lines, written atomically (temp file + rename)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .models import Document


def to_json(document: Document, *, indent: int | None = 2) -> str:
    return document.model_dump_json(indent=indent)


def render(documents: Iterable[Document], fmt: str) -> Iterable[str]:
    """One JSON object (``json``) or one line per document (``jsonl``)."""
    for document in documents:
        yield (to_json(document) if fmt == "json" else to_json(document, indent=None)) + "\n"


def write_atomic(path: str | Path, chunks: Iterable[str]) -> None:
    """Write to a temporary file beside ``path``, then rename it over: never half-written."""
    target = Path(path)
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                         dir=target.parent or Path("."))
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            for chunk in chunks:
                stream.write(chunk)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise

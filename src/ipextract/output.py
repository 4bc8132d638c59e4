"""The last stage: documents → JSON / JSON Lines, written atomically (temp file + rename)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .models import Document


def to_json(document: Document, *, indent: int | None = 2) -> str:
    return document.model_dump_json(indent=indent)


def render(documents: Iterable[Document], fmt: str) -> Iterable[str]:
    """One JSON object (``json``) or one line per document (``jsonl``)."""
    for document in documents:
        yield (to_json(document) if fmt == "json" else to_json(document, indent=None)) + "\n"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_target(path: str | Path) -> Iterator[Path]:
    """A temporary file beside ``path`` to write (by any means), renamed over ``path`` when the
    block ends without an exception and removed when it does not: never half-written."""
    target = Path(path)
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                         dir=target.parent or Path("."))
    os.close(handle)
    try:
        yield Path(temp_name)
        os.chmod(temp_name, 0o666 & ~_umask())  # mkstemp makes it private; a plain file is not
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def write_atomic(path: str | Path, chunks: Iterable[str]) -> None:
    """Write to a temporary file beside ``path``, then rename it over: never half-written."""
    with atomic_target(path) as temp, open(temp, "w", encoding="utf-8") as stream:
        stream.writelines(chunks)
        stream.flush()
        os.fsync(stream.fileno())

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


def json_chunks(document: Document, *, indent: int | None = 2) -> Iterator[str]:
    """:func:`to_json` in pieces, a record or a flag at a time: the same characters, without
    the whole text in memory (a yearbook's is 100 MB as a string, more than its records).

    The document less its records and flags is dumped whole; each record and flag is dumped
    alone and, when indented, moved in by the two levels it stands at (a JSON string holds no
    raw line break, so every line of a dump is a line of the layout)."""
    if not document.records and not document.flags:
        yield to_json(document, indent=indent)
        return
    shell = document.model_copy(update={"records": [], "flags": []}).model_dump_json(indent=indent)
    pad = " " * (indent or 0)
    tail = (f',\n{pad}"records": [],\n{pad}"flags": []\n}}' if indent is not None
            else ',"records":[],"flags":[]}')
    if not shell.endswith(tail):  # the contract's order of keys changed: dump it whole
        yield to_json(document, indent=indent)
        return
    yield shell[: -len(tail)]
    for key, items in (("records", document.records), ("flags", document.flags)):
        if indent is None:
            yield f',"{key}":['
            for number, item in enumerate(items):
                yield ("," if number else "") + item.model_dump_json()
            yield "]"
            continue
        if not items:
            yield f',\n{pad}"{key}": []'
            continue
        inner = "\n" + pad * 2
        yield f',\n{pad}"{key}": ['
        for number, item in enumerate(items):
            yield ("," if number else "") + inner + item.model_dump_json(indent=indent).replace(
                "\n", inner)
        yield f"\n{pad}]"
    yield "}" if indent is None else "\n}"


def render(documents: Iterable[Document], fmt: str) -> Iterable[str]:
    """One JSON object (``json``) or one line per document (``jsonl``), in pieces (see
    :func:`json_chunks`); a document is dumped when the one before it is written."""
    for document in documents:
        yield from json_chunks(document, indent=2 if fmt == "json" else None)
        yield "\n"
        del document  # (not held while the next one is read)


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

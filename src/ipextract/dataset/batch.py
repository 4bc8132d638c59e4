"""``ipextract ingest``: files → work items → an engine → the store → cross-document checks.

The parent reads each file (size limit first, from ``stat``), hashes it and skips it when the
database already holds these bytes for this path; everything else goes to the engine, and every
result comes back here to be written (whole documents per transaction, see ``store``). A file that cannot be read
goes to ``errors`` with its reason and the batch goes on.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from ..errors import InputError, IpextractError
from .crosscheck import cross_check
from .progress import QuietProgress
from .rows import DOCUMENT_COLUMNS
from .store import Store
from .work import WorkItem, WorkOptions, WorkResult, failure, too_large

Engine = Callable[[Iterable[WorkItem], WorkOptions], Iterator[WorkResult]]


class IngestSummary(BaseModel):
    """What one run did (``files`` = added + replaced + unchanged + failed) and what the
    database holds after it."""

    model_config = ConfigDict(frozen=True)

    files: int
    added: int
    replaced: int
    unchanged: int
    failed: int
    documents: int
    records: int
    flags: int
    cross_flags: int
    errors: int
    # this run's files by format: a document's own (xlsx, doc, txt…), a failed or unchanged
    # file's by its name (.xlsx → xlsx); and of those, how many failed
    formats: dict[str, int] = {}
    failed_formats: dict[str, int] = {}

    def line(self, database: str) -> str:
        return (f"ingest: {self.files} files: {self.added} added, {self.replaced} replaced, "
                f"{self.unchanged} unchanged, {self.failed} failed; {database} holds "
                f"{self.documents} documents, {self.records} records, {self.flags} flags "
                f"({self.cross_flags} across documents), {self.errors} errors"
                + (f"; by format: {self.by_format()}" if self.formats else ""))

    def by_format(self) -> str:
        """``csv 1, docx 2 (1 failed), xlsx 1``"""
        return ", ".join(f"{name} {count}" + (f" ({self.failed_formats[name]} failed)"
                                              if self.failed_formats.get(name) else "")
                         for name, count in sorted(self.formats.items()))


_FORMAT_AT = [name for name, _ in DOCUMENT_COLUMNS].index("format")


def _suffix_format(path: str) -> str:
    return Path(path).suffix.lower().lstrip(".") or "(none)"


def read_file(path: str, max_bytes: int) -> bytes:
    """The file's bytes, refused before reading when it is over the batch's size limit."""
    file = Path(path)
    try:
        if not file.exists():
            raise InputError(path, "no such file")
        if file.is_dir():
            raise InputError(path, "is a directory")
        if file.stat().st_size > max_bytes:
            raise too_large(path, max_bytes)
        return file.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror})") from exc


def ingest(files: list[str], store: Store, options: WorkOptions, engine: Engine,
           progress: QuietProgress) -> IngestSummary:
    tally: Counter[str] = Counter()
    formats: Counter[str] = Counter()
    failed_formats: Counter[str] = Counter()

    def record(result: WorkResult) -> None:
        status = store.write(result)
        tally[status] += 1
        fmt = (str(result.document[_FORMAT_AT]) if result.document is not None
               else _suffix_format(result.path))
        formats[fmt] += 1
        if result.error:
            failed_formats[fmt] += 1
            code, reason = result.error
            progress.log(f"ipextract: {result.path}: {reason} [{code}]")
        progress.advance(result.path, status, _tally_text(tally))

    def items() -> Iterator[WorkItem]:
        for path in files:
            try:
                data = read_file(path, options.max_bytes)
            except IpextractError as error:
                record(failure(path, None, error))
                continue
            document_id = hashlib.sha256(data).hexdigest()
            if store.unchanged(path, document_id):
                tally["unchanged"] += 1
                formats[_suffix_format(path)] += 1
                progress.advance(path, "unchanged", _tally_text(tally))
                continue
            yield WorkItem(path, document_id, data)

    with progress:
        try:
            for result in engine(items(), options):
                record(result)
        finally:  # Ctrl-C or a failing worker: what was written is whole documents; keep it
            store.commit()
    store.settle()
    cross_flags = cross_check(store.connection, options.settings)
    counts = store.counts()
    return IngestSummary(files=len(files), added=tally["added"], replaced=tally["replaced"],
                         unchanged=tally["unchanged"], failed=tally["failed"],
                         documents=counts["documents"], records=counts["records"],
                         flags=counts["flags"], cross_flags=cross_flags, errors=counts["errors"],
                         formats=dict(formats), failed_formats=dict(failed_formats))


def _tally_text(tally: Counter[str]) -> str:
    return " · ".join(f"{tally[s]} {s}" for s in ("added", "replaced", "unchanged", "failed")
                      if tally[s])

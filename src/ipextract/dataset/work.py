"""One file's bytes → its rows, or its error: the unit of work every engine runs.

Items carry the bytes (read once, by the parent, which hashes them), so a Dask worker on
another machine needs no shared file system. Results are plain tuples, cheap to pickle.

The time limit works on every engine (``limits``: a timer on a main thread, a cooperative
deadline on Dask's threads).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import InputTooLarge, InternalError, IpextractError
from ..ingest import read_bytes
from ..limits import deadline_after, time_limit, warm_up
from ..pipeline import extract_source
from ..validate.base import CheckSettings
from .rows import document_row, flag_rows, record_rows

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
DEFAULT_TIME_LIMIT = 120.0


@dataclass(frozen=True, slots=True)
class WorkOptions:
    """What every worker needs to know besides the file; the same for the whole batch."""

    encoding: str | None = None
    validate: bool = True
    settings: CheckSettings | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    time_limit: float | None = DEFAULT_TIME_LIMIT  # seconds per document; None: no limit


@dataclass(frozen=True, slots=True)
class WorkItem:
    path: str
    document_id: str  # sha256 of data
    data: bytes


@dataclass(frozen=True, slots=True)
class WorkResult:
    """A document's rows, or (``error`` set) the reason it has none."""

    path: str
    document_id: str | None
    document: tuple | None = None
    records: list[tuple] = field(default_factory=list)
    flags: list[tuple] = field(default_factory=list)
    error: tuple[str, str] | None = None  # (code, reason)

    @property
    def ok(self) -> bool:
        return self.error is None


def failure(path: str, document_id: str | None, error: IpextractError) -> WorkResult:
    return WorkResult(path, document_id, error=(error.code, error.reason or str(error)))


def run(item: WorkItem, options: WorkOptions) -> WorkResult:
    """Read, extract and validate one document; never raises for a bad document."""
    warm_up()
    limit = options.time_limit
    if len(item.data) > options.max_bytes:
        return failure(item.path, item.document_id, too_large(item.path, options.max_bytes))
    try:
        with time_limit(limit, item.path):
            source = read_bytes(item.data, item.path, options.encoding)
            document = extract_source(source, validate=options.validate,
                                      settings=options.settings, deadline=deadline_after(limit))
    except IpextractError as error:  # DocumentTimeout included, worded by time_limit
        return failure(item.path, item.document_id, error)
    except Exception as error:  # noqa: BLE001 - a bug on one document must not stop the batch
        internal = InternalError(item.path, f"{type(error).__name__}: {error}")
        return failure(item.path, item.document_id, internal)
    # The rows are made as the document is let go: its text and block structure first, then
    # each record and flag once its row is made (a yearbook's rows, made beside the whole
    # document, took a worker 15 MB past the extraction's own peak)
    row = document_row(item.document_id, item.path, len(item.data), document)
    year, records, flags = document.document.year, document.records, document.flags
    del document, source
    return WorkResult(item.path, item.document_id, document=row,
                      records=record_rows(item.document_id, records, year),
                      flags=flag_rows(item.document_id, flags))


def too_large(path: str, max_bytes: int) -> InputTooLarge:
    return InputTooLarge(path, f"larger than the batch limit of {max_bytes:,} bytes (--max-bytes)")


"""The dataset's tables, column by column, and the rows one document gives them.

Every column is named once, here: ``store`` builds its DDL from these lists and the row builders
below fill tuples in the same order, so the two cannot drift apart.

Values are ``Decimal`` in the models. In the database each is a ``DOUBLE`` (to sort, compare and
aggregate) **and** its exact decimal text (``value_text``: ``133800``, ``19.19``), which exports
and the cross-document checks read, so no binary-float noise (133799.99999) ever reaches a user
and values beyond a double's 15–17 digits stay exact. ``value_low``/``value_high`` are the
interval of true values the printed precision allows (``validate.tolerance``), so the
cross-document checks run as SQL without re-reading surfaces.
"""

from __future__ import annotations

import json
from decimal import Decimal

import regex

from ..models import Document, Flag, Record
from ..validate.metrics import metric_key
from ..validate.tolerance import record_interval

DOCUMENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("document_id", "VARCHAR"),      # sha256 of the file's bytes: the key of every other table
    ("source", "VARCHAR"),           # the absolute path first ingested with these bytes
    ("schema_version", "VARCHAR"),
    ("text_sha256", "VARCHAR"),      # document.sha256 of the contract: the decoded text's hash
    ("format", "VARCHAR"),
    ("encoding", "VARCHAR"),
    ("bytes", "BIGINT"),
    ("chars", "INTEGER"),
    ("pages", "INTEGER"),
    ("title", "VARCHAR"),
    ("year", "INTEGER"),
    ("region", "VARCHAR"),
    ("region_key", "VARCHAR"),       # 长沙市 → 长沙, 浙江省 → 浙江: how reports of one place meet
    ("records", "INTEGER"),
    ("flags", "INTEGER"),
    # schema 1.2 (added last: an older database gets them appended when opened)
    ("region_code", "VARCHAR"),      # GB/T 2260
    ("doc_type", "VARCHAR"),
)
RECORD_COLUMNS: tuple[tuple[str, str], ...] = (
    ("document_id", "VARCHAR"),
    ("id", "VARCHAR"),
    ("metric", "VARCHAR"),
    ("metric_key", "VARCHAR"),       # aliases and endings folded (validate.metrics.metric_key)
    ("metric_from", "VARCHAR"),
    ("kind", "VARCHAR"),
    ("value", "DOUBLE"),
    ("value_text", "VARCHAR"),
    ("unit", "VARCHAR"),
    ("value_min", "DOUBLE"),
    ("value_min_text", "VARCHAR"),
    ("value_max", "DOUBLE"),
    ("value_max_text", "VARCHAR"),
    ("value_low", "DOUBLE"),
    ("value_high", "DOUBLE"),
    ("qualifier", "VARCHAR"),
    ("surface", "VARCHAR"),
    ("start", "INTEGER"),
    ("end", "INTEGER"),
    ("period", "VARCHAR"),
    ("figure_year", "INTEGER"),      # the year in period, else the document's year
    ("of", "VARCHAR"),
    ("section", "VARCHAR"),
    ("context", "VARCHAR"),
    ("method", "VARCHAR"),
    ("page", "INTEGER"),
    # schema 1.2 (added last: an older database gets them appended when opened)
    ("period_start", "DATE"),
    ("period_end", "DATE"),
    ("status", "VARCHAR"),           # actual | target | forecast | unknown
    ("basis", "VARCHAR"),            # nominal | real | null
    ("scope", "VARCHAR"),            # 浦东新区, 农村居民; null for a headline figure
    ("subject", "VARCHAR"),          # 企业, 高校, 规模以上工业企业
    ("indicator", "VARCHAR"),        # gdp, patent_grants: the catalogue's id; null for none
    # spreadsheets and scans (added last, as above)
    ("sheet", "VARCHAR"),            # the workbook's sheet; null for other formats
    ("row", "INTEGER"),              # 1-based row and column of the figure's cell
    ("column", "INTEGER"),
    ("read_by", "VARCHAR"),          # ocr for a figure read from a scanned page; else null
)
FLAG_COLUMNS: tuple[tuple[str, str], ...] = (
    ("document_id", "VARCHAR"),      # the document the flag belongs to (the later one across years)
    ("id", "VARCHAR"),               # f1… within a document; x1… for cross-document flags
    ("scope", "VARCHAR"),            # document | dataset
    ("kind", "VARCHAR"),
    ("code", "VARCHAR"),
    ("severity", "VARCHAR"),
    ("message", "VARCHAR"),
    ("document_ids", "VARCHAR[]"),   # every document involved
    ("record_ids", "VARCHAR[]"),     # r3 in its document; <document_id>:r3 across documents
    ("spans", "VARCHAR"),            # JSON [[start, end], …] in the owning document
    ("evidence", "VARCHAR"),         # JSON object
)
ERROR_COLUMNS: tuple[tuple[str, str], ...] = (
    ("path", "VARCHAR"),
    ("document_id", "VARCHAR"),      # the content hash, when the bytes could be read
    ("code", "VARCHAR"),
    ("reason", "VARCHAR"),
)
SOURCE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("path", "VARCHAR"),             # which file holds which content: a changed file replaces its rows
    ("document_id", "VARCHAR"),
)
TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": DOCUMENT_COLUMNS,
    "records": RECORD_COLUMNS,
    "flags": FLAG_COLUMNS,
    "errors": ERROR_COLUMNS,
    "sources": SOURCE_COLUMNS,
}
JSON_COLUMNS = frozenset({"spans", "evidence"})

_YEAR = regex.compile(r"(?<![0-9])(19[5-9][0-9]|20[0-9]{2})年")
_REGION_SUFFIX = regex.compile(r"(?:省|市|自治区|特别行政区)$")


def exact_text(value: Decimal | None) -> str | None:
    """The decimal as written in JSON by the contract: 133800, 19.19 (never 1.338E+5)."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def region_key(region: str | None) -> str | None:
    return _REGION_SUFFIX.sub("", region) or None if region else None


def figure_year(period: str | None, document_year: int | None) -> int | None:
    """The last year the period names (2021—2024年 → 2024; 截至2024年底 → 2024)."""
    years = _YEAR.findall(period or "")
    return int(years[-1]) if years else document_year


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def document_row(document_id: str, path: str, nbytes: int, document: Document) -> tuple:
    info = document.document
    return (document_id, path, document.schema_version, info.sha256, info.format, info.encoding,
            nbytes, info.chars, info.pages, info.title, info.year, info.region,
            region_key(info.region), len(document.records), len(document.flags),
            info.region_code, info.doc_type)


def record_row(document_id: str, record: Record, document_year: int | None) -> tuple:
    low, high = record_interval(record)
    return (document_id, record.id, record.metric, metric_key(record.metric), record.metric_from,
            record.kind, float(record.value), exact_text(record.value), record.unit,
            _float(record.value_min), exact_text(record.value_min),
            _float(record.value_max), exact_text(record.value_max), float(low), float(high),
            record.qualifier, record.surface, record.start, record.end, record.period,
            figure_year(record.period, document_year), record.of, record.section, record.context,
            record.method, record.page, record.period_start, record.period_end, record.status,
            record.basis, record.scope, record.subject, record.indicator, record.sheet,
            record.row, record.column, record.read_by)


def record_rows(document_id: str, records: list[Record], document_year: int | None) -> list[tuple]:
    """The rows of a document's records; ``records`` is emptied, each record let go once its
    row is made (a yearbook's 84,000 records are 95 MB, their rows half as much)."""
    records.reverse()  # (taken from the end, in order)
    rows = []
    while records:
        rows.append(record_row(document_id, records.pop(), document_year))
    return rows


def flag_rows(document_id: str, flags: list[Flag]) -> list[tuple]:
    """The rows of a document's flags; ``flags`` is emptied as :func:`record_rows` empties
    its records."""
    flags.reverse()
    rows = []
    while flags:
        f = flags.pop()
        rows.append((document_id, f.id, "document", f.kind, f.code, f.severity, f.message,
                     [document_id], list(f.record_ids), json.dumps(f.spans),
                     json.dumps(f.evidence, ensure_ascii=False, default=str)))
    return rows

"""The stages in order, each a plain function from one typed value to the next:

    source text ─ normalize ─▶ NormalizedText ─ split_blocks ─▶ [Block]
      ─ find_figures ─▶ drop_labels ─▶ [[Figure]] ─ draft_records ─▶ [Draft] ─ to_records ─▶ [Record]
      ─ validate ─▶ [Flag] ─▶ Document

>>> document = extract("全市专利授权总量达到71292件，同比增长19.19%。")
>>> [(r.id, r.metric, r.kind, str(r.value), r.unit, r.of) for r in document.records]
[('r1', '专利授权总量', 'count', '71292', '件', None), ('r2', '专利授权总量', 'growth', '19.19', '%', 'r1')]
"""

from __future__ import annotations

import decimal
import gc
import hashlib
import time
from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from functools import lru_cache

import regex

from .blocks import Block, split_blocks
from .document_info import document_facts
from .errors import DocumentTimeout, OffsetError
from .figures import find_figures
from .ingest.base import Source
from .labels import drop_labels
from .models import BlockInfo, Document, DocumentInfo, Flag, Record
from .normalize import NormalizedText, normalize
from .records import Draft, draft_records
from .records.period_bounds import period_bounds
from .records.status import reporting_year
from .validate.base import CheckSettings
from .vocabulary.indicators import indicator_of


def _place_forms(region: str | None) -> frozenset[str]:
    """长沙市 → {长沙市, 长沙}; 合肥 → {合肥, 合肥市}: the ways a report names its own region."""
    if not region:
        return frozenset()
    stem = regex.sub(r"(?:省|市|自治区|区)$", "", region)
    return frozenset({region, stem, f"{stem}市", f"{stem}省"} - {""})


def to_records(drafts: list[Draft], normalized: NormalizedText, blocks: list[Block],
               page_starts: tuple[int, ...] = (), result_year: int | None = None) -> list[Record]:
    """Give ids in order of position and check the one promise every record keeps: the
    source at a figure's offsets is what was matched (normalisation being same-length, the
    normalised text at those offsets, less the layout its block leaves out, is the matched
    surface)."""
    text = normalized.raw
    ordered = sorted(drafts, key=lambda d: (d.figure.start, d.figure.end))
    ids = {id(d.figure): f"r{n}" for n, d in enumerate(ordered, start=1)}
    records: list[Record] = []
    # A yearbook repeats a few metrics, periods and sentences tens of thousands of times: one
    # string object each, not one per record (a record holds them until the output is written)
    shared: dict[str, str] = {}
    share = shared.setdefault
    fields_set: set[str] | None = None
    for draft in ordered:
        figure = draft.figure
        surface = text[figure.start:figure.end]  # the source as written, at the matched offsets
        pieces = blocks[figure.block].source_pieces(figure.lstart, figure.lend)
        read = (normalized.text[figure.start:figure.end] if len(pieces) == 1
                else "".join(normalized.text[start:end] for start, end in pieces))
        if read != figure.surface or pieces[0][0] != figure.start or pieces[-1][1] != figure.end:
            raise OffsetError(figure.surface, f"offsets {figure.start}:{figure.end} do not hold")
        period_start, period_end = _bounds(draft.period, result_year)
        record = Record(
            id=ids[id(figure)],
            metric=share(draft.metric, draft.metric),
            metric_from=draft.metric_from,
            kind=draft.kind,
            value=draft.value,
            unit=figure.unit,
            value_min=draft.value_min,
            value_max=draft.value_max,
            qualifier=draft.qualifier,
            surface=surface,
            start=figure.start,
            end=figure.end,
            period=share(draft.period, draft.period) if draft.period else draft.period,
            period_from=draft.period_from,
            period_start=period_start,
            period_end=period_end,
            status=draft.status,
            basis=draft.basis,
            scope=draft.scope,
            subject=draft.subject,
            indicator=indicator_of(draft.metric, draft.kind),
            of=ids.get(id(draft.of)) if draft.of is not None else None,
            section=draft.section,
            context=share(draft.context, draft.context),
            method=figure.method,
            page=bisect_right(page_starts, figure.start) if page_starts else None,
        )
        # Validation gives every record its own set of the names it was given: 2.2 kB, two
        # thirds of a record's size. Every record here is given the same names, so they share
        # one set (pydantic copies it before changing it: model_copy, never in place).
        if fields_set is None:
            fields_set = record.__pydantic_fields_set__
        else:
            object.__setattr__(record, "__pydantic_fields_set__", fields_set)
        records.append(record)
    return records


@lru_cache(maxsize=1024)
def _bounds(period: str | None, year: int | None) -> tuple[date | None, date | None]:
    """Reports repeat a handful of periods thousands of times: each is read once."""
    start, end = period_bounds(period, year)
    return (date.fromisoformat(start) if start else None, date.fromisoformat(end) if end else None)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Extraction allocates many small objects and makes no reference cycles worth collecting
    mid-run; the cyclic collector's passes over them cost a quarter of the time on a 4 MB
    document (measured: 2.65 s → 2.12 s). It is switched back on as it was found."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _check_deadline(deadline: float | None, source: str | None) -> None:
    """Batch mode's cooperative time limit (``deadline`` is a ``time.monotonic()`` value)."""
    if deadline is not None and time.monotonic() > deadline:
        raise DocumentTimeout(source or "<text>", "over the time limit")


def extract(text: str, *, source: str | None = None, format: str = "txt",
            encoding: str = "utf-8", validate: bool = True,
            settings: CheckSettings | None = None, page_starts: tuple[int, ...] = (),
            deadline: float | None = None) -> Document:
    """Every figure of ``text`` as a record, and (unless ``validate=False``) the flags.

    ``page_starts`` (offsets where each page of a paged source begins) gives every record
    its ``page``. ``deadline`` (a ``time.monotonic()`` value) is checked once per block and
    before validation: past it, :class:`~ipextract.errors.DocumentTimeout` is raised."""
    # Our own decimal context: another library in the process may have lowered the precision
    # of the default one (Recognizers-Text sets it to 15), and values must stay exact.
    with _collector_paused(), decimal.localcontext(prec=60):
        return _extract(text, source=source, format=format, encoding=encoding,
                        validate=validate, settings=settings, page_starts=page_starts,
                        deadline=deadline)


def _extract(text: str, *, source: str | None, format: str,
             encoding: str, validate: bool, settings: CheckSettings | None,
             page_starts: tuple[int, ...], deadline: float | None) -> Document:
    normalized = normalize(text)
    blocks = split_blocks(normalized.text)
    figures = []
    for index, block in enumerate(blocks):
        _check_deadline(deadline, source)
        figures.append(drop_labels(block, find_figures(block, index)))
    title, year, region, region_code, doc_type = document_facts(blocks)
    places = _place_forms(region)
    records = to_records(draft_records(blocks, figures, year, places, doc_type, region_code),
                         normalized,
                         blocks, page_starts, reporting_year(year, doc_type))
    del figures, normalized  # (the drafts went with to_records: the records hold what is kept)
    flags: list[Flag] = []
    _check_deadline(deadline, source)
    if validate:
        from .validate import run_checks  # the validator is the last stage

        flags = _share_fields_sets(run_checks(records, text, blocks, settings))
    info = DocumentInfo(
        source=source,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        format=format,
        encoding=encoding,
        chars=len(text),
        title=title,
        year=year,
        region=region,
        region_code=region_code,
        doc_type=doc_type,
        pages=len(page_starts) or None,
    )
    return Document(document=info, records=records, flags=flags, text=text,
                    blocks=_structure(blocks))


def _structure(blocks: list[Block]) -> list[BlockInfo]:
    """The blocks as the document gives them. Built unchecked from values that are right by
    construction (str, str, tuples of two ints), sharing one set of field names and the span
    tuples: a validated one costs 0.7 kB, and a yearbook has 60,000 blocks."""
    names = {"kind", "section", "spans"}
    return [BlockInfo.model_construct(names, kind=b.kind, section=b.section, spans=list(b.spans))
            for b in blocks]


def _share_fields_sets(flags: list[Flag]) -> list[Flag]:
    """One set of field names for all the flags that were given the same names (see
    :func:`to_records`): 2 kB a flag, and a yearbook raises thousands."""
    sets: dict[frozenset[str], set[str]] = {}
    for flag in flags:
        given = flag.__pydantic_fields_set__
        object.__setattr__(flag, "__pydantic_fields_set__", sets.setdefault(frozenset(given), given))
    return flags


def extract_source(source: Source, *, validate: bool = True,
                   settings: CheckSettings | None = None, deadline: float | None = None) -> Document:
    """:func:`extract` on what a reader made of a file (its format, encoding and pages; a
    spreadsheet's records get the sheet, row and column of their cell, and those of a page read
    by OCR ``read_by: "ocr"``)."""
    document = extract(source.text, source=source.name, format=source.format,
                       encoding=source.encoding, validate=validate, settings=settings,
                       page_starts=source.page_starts, deadline=deadline)
    if source.cell_spans:
        records = []
        for record in document.records:
            place = source.cell_of(record.start)
            records.append(record if place is None else record.model_copy(
                update={"sheet": place[0], "row": place[1], "column": place[2]}))
        document = document.model_copy(update={"records": records})
    from .ingest.ocr import annotate  # a scan's pages: document.ocr, and read_by on their records

    return annotate(document, source)

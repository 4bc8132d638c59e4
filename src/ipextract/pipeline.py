"""The stages in order, each a plain function from one typed value to the next:

    source text ─ normalize ─▶ NormalizedText ─ split_blocks ─▶ [Block]
      ─ find_figures ─▶ drop_labels ─▶ [[Figure]] ─ draft_records ─▶ [Draft]
      ─ to_records (each draft's catalogue indicator: records/catalogue.py) ─▶ [Record]
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
from collections import namedtuple
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from functools import lru_cache
from typing import Any, TypeVar, cast

import regex
from pydantic import BaseModel

from .blocks import Block, split_blocks
from .document_info import document_facts
from .errors import DocumentTimeout, OffsetError
from .figures import find_figures
from .ingest.base import Source
from .labels import drop_labels
from .models import BlockInfo, Document, DocumentInfo, Flag, Record
from .normalize import NormalizedText, normalize
from .records import Draft, draft_records
from .records.catalogue import CatalogueIds
from .records.period_bounds import period_bounds
from .records.status import reporting_year
from .validate.base import CheckSettings, Finding


def _place_forms(region: str | None) -> frozenset[str]:
    """长沙市 → {长沙市, 长沙}; 合肥 → {合肥, 合肥市}: the ways a report names its own region."""
    if not region:
        return frozenset()
    if region in _COUNTRY:
        return frozenset({region, "全国"})  # (a national document calls its own region 全国)
    stem = regex.sub(r"(?:省|市|自治区|区)$", "", region)
    return frozenset({region, stem, f"{stem}市", f"{stem}省"} - {""})


_COUNTRY = frozenset({"全国", "中国", "中华人民共和国"})


def to_records(drafts: list[Draft], normalized: NormalizedText, blocks: list[Block],
               page_starts: tuple[int, ...] = (), result_year: int | None = None) -> list[Record]:
    """Give ids in order of position and check the one promise every record keeps: the
    source at a figure's offsets is what was matched (normalisation being same-length, the
    normalised text at those offsets, less the layout its block leaves out, is the matched
    surface)."""
    return _records_of(drafts, normalized, blocks, page_starts, result_year, lean=False)


#: A record while the checks read it: the fields of :class:`Record` in order, as a named tuple.
#: A Record is 1 kB (its 30 fields' dict is 830 bytes; a dict of more than 29 keys is never
#: shared); this is 280 bytes. A yearbook's 84,000 records are held through the checks, whose
#: own indexes peak on top of them: as lean tuples, the peak of the 3.7 MB yearbook of
#: ``benchmarks/bench_yearbook.py`` fell from 325 to 303 MB (the blocks' infos made before the
#: models, see _extract). The checks only
#: read fields, compare and hash, and a named tuple of the same values in the same order
#: compares and hashes as the frozen model does (pydantic hashes the tuple of its field values).
#: Made models at the end (2 µs a record), so only a document of ``LEAN_FROM`` figures or more
#: has them: a report's few hundred records cost no memory worth it.
LEAN_FROM = 10_000
_FIELDS = tuple(Record.model_fields)
_Lean = namedtuple("_Lean", _FIELDS)  # type: ignore[misc]  # (the fields are the model's)
_lean = tuple.__new__


def _records_of(drafts: list[Draft], normalized: NormalizedText, blocks: list[Block],
                page_starts: tuple[int, ...] = (), result_year: int | None = None, *,
                lean: bool, release: bool = False) -> list[Record]:
    """:func:`to_records`' records, as lean tuples (``_Lean``) when ``lean``, typed as the
    records they stand for (:func:`_as_records` makes them models).

    ``release`` empties ``drafts``: each draft (and the figure only it holds) is let go as its
    record is made, so a long document's drafts and records are not all held at once (a
    yearbook's 84,000 drafts and their figures are 46 MB, its lean records 45)."""
    text = normalized.raw
    ordered = sorted(drafts, key=lambda d: (d.figure.start, d.figure.end))
    # (keyed by the figures' ids: each figure looked up here is held by the draft being made,
    # so no id is of a figure let go and reused)
    ids = {id(d.figure): f"r{n}" for n, d in enumerate(ordered, start=1)}
    if release:
        drafts.clear()
    indicator_for = CatalogueIds(ordered, normalized.text)  # (before the drafts are reversed)
    ordered.reverse()  # (taken from the end, in order of position)
    # A yearbook repeats a few metrics, periods and sentences tens of thousands of times: one
    # string object each, not one per record (a record holds them until the output is written)
    shared: dict[str, str] = {}
    share = shared.setdefault
    # and a few thousand values and surfaces (5.2%) tens of thousands of times: one object
    # each, found by the value's exact text (two equal Decimals may print differently)
    decimals: dict[str, decimal.Decimal] = {}
    share_value = decimals.setdefault
    page_of = bisect_right if page_starts else None
    source = normalized.text
    made: list[Any] = []
    given = set(_GIVEN)  # one set of given names for all (pydantic copies it before a change)
    while ordered:
        draft = ordered.pop()
        figure = draft.figure
        start, end = figure.start, figure.end
        pieces = blocks[figure.block].source_pieces(figure.lstart, figure.lend)
        surface = text[start:end]
        read = (source[start:end] if len(pieces) == 1
                else "".join(source[piece_start:piece_end] for piece_start, piece_end in pieces))
        if read != figure.surface or pieces[0][0] != start or pieces[-1][1] != end:
            raise OffsetError(figure.surface, f"offsets {start}:{end} do not hold")
        period = draft.period
        period_start, period_end = _bounds(period, result_year)
        metric = draft.metric
        of = draft.of
        indicator = indicator_for(draft)
        # Every value is of its field's type by construction (the Draft's and Figure's typed
        # fields, ints, dates, ids made here), so the record is built unvalidated:
        # to_records 0.22 → 0.10 s on the 48 work reports. _check_unchecked keeps this literal
        # in step with the model, and the records' strict validation is checked in the tests.
        values = {
            "id": ids[id(figure)],
            "metric": share(metric, metric),
            "metric_from": draft.metric_from,
            "kind": draft.kind,
            "value": share_value(str(draft.value), draft.value),
            "unit": figure.unit,
            "value_min": draft.value_min,
            "value_max": draft.value_max,
            "qualifier": draft.qualifier,
            "surface": share(surface, surface),  # the source as written, at the offsets
            "start": start,
            "end": end,
            "period": share(period, period) if period else period,
            "period_from": draft.period_from,
            "period_start": period_start,
            "period_end": period_end,
            "status": draft.status,
            "basis": draft.basis,
            "scope": draft.scope,
            "subject": draft.subject,
            "indicator": indicator,
            "of": ids.get(id(of)) if of is not None else None,
            "section": draft.section,
            "context": share(draft.context, draft.context),
            "method": figure.method,
            "page": page_of(page_starts, start) if page_of is not None else None,
            # (the fields only a spreadsheet's or a scan's reader fills, left unset)
            "sheet": None, "row": None, "column": None, "read_by": None,
        }
        if not lean:
            made.append(_unchecked(Record, values, given))
            continue
        if not made and tuple(values) != _FIELDS:  # (the literal is the same for all)
            raise TypeError("to_records' fields are no longer the model's, in its order")
        made.append(_lean(_Lean, values.values()))
    if made and not lean:
        _check_unchecked(made[0])
    return made


def _as_records(lean: list[Record]) -> list[Record]:
    """The lean records (``_Lean``) of :func:`_records_of` as models, in place: each tuple
    is dropped as its model is made."""
    given = set(_GIVEN)  # one set of given names for all (pydantic copies it before a change)
    fields = _FIELDS
    for index, values in enumerate(cast(list[tuple[Any, ...]], lean)):
        lean[index] = _unchecked(Record, dict(zip(fields, values, strict=True)), given)
    if lean:
        _check_unchecked(lean[0])
    return lean


# The names validation would record as given to a record here (all but those a reader fills)
_GIVEN = frozenset(Record.model_fields) - {"sheet", "row", "column", "read_by"}
_set = object.__setattr__
Model = TypeVar("Model", bound=BaseModel)


def _unchecked(model: type[Model], values: dict[str, Any], given: set[str]) -> Model:
    """What ``model.model_construct(given, **values)`` builds (for a model with no aliases,
    private attributes or post-init hook, from every field in order), without its per-field
    loop: 2.4 µs a record, where model_construct takes 23 and validation 12."""
    instance = object.__new__(model)
    _set(instance, "__dict__", values)
    _set(instance, "__pydantic_fields_set__", given)
    _set(instance, "__pydantic_extra__", None)
    _set(instance, "__pydantic_private__", None)
    return instance


def _check_unchecked(instance: BaseModel) -> None:
    """Fails loudly when a model has grown what :func:`_unchecked` does not build: a field
    left out or out of order where it is called, an alias, a private attribute, a post-init
    hook."""
    model = type(instance)
    fields = model.model_fields
    if (list(instance.__dict__) != list(fields) or model.__pydantic_post_init__
            or model.__private_attributes__
            or any(field.alias or field.validation_alias for field in fields.values())):
        raise TypeError(f"{model.__name__} is built unvalidated and no longer matches the model")


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
    # (here: its UTF-8 copy of the text, 4 MB for a yearbook, is gone before the rest is made)
    sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    blocks = split_blocks(normalized.text)
    figures = []
    for index, block in enumerate(blocks):
        _check_deadline(deadline, source)
        figures.append(drop_labels(block, find_figures(block, index)))
    title, year, region, region_code, doc_type = document_facts(blocks)
    places = _place_forms(region)
    drafts = draft_records(blocks, figures, year, places, doc_type, region_code)
    del figures  # (the drafts hold the figures they keep)
    # (a long document's are lean while the checks read them, models after: see _Lean)
    lean = len(drafts) >= LEAN_FROM
    records = _records_of(drafts, normalized, blocks, page_starts,
                          reporting_year(year, doc_type), lean=lean, release=True)
    del drafts, normalized  # (the records hold what is kept)
    flags: list[Flag] = []
    findings: list[Finding] = []
    settings = settings or CheckSettings()
    _check_deadline(deadline, source)
    if validate:
        from .validate import findings_of  # the validator is the last stage

        findings = findings_of(records, text, blocks, settings)
    # The blocks' infos, then the records' models, then the flags, each made where what came
    # before is let go: the blocks as their infos are made, the lean records as their models
    # are, the findings as their flags are (the checks' indexes are gone by then, and a
    # conflict's message and evidence are made only with its flag). The models and the flags
    # are the largest part of a long document: yearbook.txt of benchmarks/bench_yearbook.py
    # peaked at 292 MB with its flags made beside the checks' indexes and before the models
    # (and its drafts, conflicts and restatement pairs held longer), 267 MB so.
    structure = _structure(blocks)
    if lean:
        records = _as_records(records)
    if findings:
        from .validate import flags_of

        flags = flags_of(findings, settings)  # (each finding let go as its flag is made)
    info = DocumentInfo(
        source=source,
        sha256=sha256,
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
    return Document(document=info, records=records, flags=flags, text=text, blocks=structure)


def _structure(blocks: list[Block]) -> list[BlockInfo]:
    """The blocks as the document gives them. Built unchecked from values that are right by
    construction (str, str, tuples of two ints), sharing one set of field names and the span
    tuples: a validated one costs 0.7 kB, and a yearbook has 60,000 blocks. (By
    :func:`_unchecked`, not ``model_construct``: 4.6 → 1.4 µs a block.)

    ``blocks`` is emptied: each block is let go once its info is made (a yearbook's blocks
    are 35 MB, and the document's records are made after them)."""
    names = {"kind", "section", "spans"}
    structure = []
    blocks.reverse()  # (taken from the end, each block is let go as its info is made)
    while blocks:
        block = blocks.pop()
        structure.append(_unchecked(BlockInfo, {"kind": block.kind, "section": block.section,
                                                "spans": list(block.spans)}, names))
    if structure:
        _check_unchecked(structure[0])
    return structure


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

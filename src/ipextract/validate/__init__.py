"""Stage 5: records → flags. Each check is a small pure function with a code and a default
severity; this module runs the enabled ones and numbers what they find.

| kind | module | default severity |
|---|---|---|
| duplicate_figure, conflict, share_mismatch, sum_mismatch | ``figures.py`` | warning, error, error, error |
| conflict: a figure restated at another precision or in another form | ``restatement.py`` (called by ``figures.conflict``) | error |
| change_mismatch, share_sum (and sum_mismatch over 分别 lists) | ``arithmetic.py`` | error, error |
| typo, missing_figure | ``text.py`` | warning |
| layout_intrusion, ambiguous_attachment | ``layout.py`` | warning |

Checks that pass may report an ``info`` flag (a share that holds); ``info`` is never an alarm.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from pydantic import BaseModel

from ..blocks import Block
from ..models import Flag, Record
from .arithmetic import change_mismatch, share_sum, sum_mismatch
from .base import CheckInput, CheckSettings, Finding
from .figures import conflict, duplicate_figure, share_mismatch
from .layout import ambiguous_attachment, layout_intrusion
from .text import missing_figure, typo

CHECKS: dict[str, Callable[[CheckInput, CheckSettings], list[Finding]]] = {
    "duplicate_figure": duplicate_figure,
    "conflict": conflict,
    "share_mismatch": share_mismatch,
    "sum_mismatch": sum_mismatch,
    "change_mismatch": change_mismatch,
    "share_sum": share_sum,
    "typo": typo,
    "missing_figure": missing_figure,
    "layout_intrusion": layout_intrusion,
    "ambiguous_attachment": ambiguous_attachment,
}
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
# Numbered codes, one per check, never reused (V1xx: figures, V2xx: text, V3xx: layout).
CHECK_CODES = {
    "duplicate_figure": "V101", "conflict": "V102", "share_mismatch": "V103",
    "sum_mismatch": "V104", "change_mismatch": "V105", "share_sum": "V106",
    "typo": "V201", "missing_figure": "V202",
    "layout_intrusion": "V301", "ambiguous_attachment": "V302",
}
# V4xx: the checks across documents of a dataset (``dataset/crosscheck.py``); ``ingest``
# switches them with the same --disable/--enable/--config as the checks above.
CROSS_CHECK_CODES = {"growth_mismatch": "V401", "revision": "V402"}
CROSS_CHECK_SEVERITY = {"growth_mismatch": "error", "revision": "info"}


def run_checks(records: list[Record], text: str, blocks: list[Block],
               settings: CheckSettings | None = None) -> list[Flag]:
    """The flags of one document, numbered f1, f2, … in order of their first span."""
    settings = settings or CheckSettings()
    return flags_of(findings_of(records, text, blocks, settings), settings)


def findings_of(records: list[Record], text: str, blocks: list[Block],
                settings: CheckSettings) -> list[Finding]:
    """What the enabled checks find, in the order of their flags (:func:`flags_of`)."""
    findings: list[Finding] = []
    view = CheckInput(_read_as_fields(records), text, blocks)
    for kind, check in CHECKS.items():
        if settings.enabled(kind):
            findings.extend(check(view, settings))
    findings.sort(key=lambda f: (f.spans[0] if f.spans else (0, 0), f.kind))
    return findings


class _Fields:
    """A record's fields as plain attributes, its own dict shared (nothing copied).

    A pydantic model's type defines ``__getattr__``, and CPython does not specialise an
    attribute read on such a type: every read of a record's field by the checks took the slow
    path, 330 instructions (400,000 reads on the 48 work reports, 1% of the extraction), where
    a read of a plain object's attribute takes a tenth of that. The checks read only fields, as
    they do of a long document's lean records (``pipeline._Lean``); a document's records have
    distinct ids, so equality by identity, this class's, is equality by value, the model's (and
    no check keeps records in a set, whose order would follow their hashes)."""


_fields_of = object.__new__
_set_dict = object.__setattr__


def _read_as_fields(records: list[Record]) -> list[Record]:
    """``records`` as the checks read them (see :class:`_Fields`): models as ``_Fields``
    sharing their dicts, lean records as they are."""
    if not records or not isinstance(records[0], BaseModel):
        return records
    fields = []
    for record in records:
        read = _fields_of(_Fields)
        _set_dict(read, "__dict__", record.__dict__)
        fields.append(read)
    return cast(list[Record], fields)


def flags_of(findings: list[Finding], settings: CheckSettings) -> list[Flag]:
    """The flags of :func:`findings_of`'s findings, numbered f1, f2, … in their order.

    ``findings`` is emptied: each finding is let go as its flag is made (its message and
    evidence made then, when ``Finding.later``), and each flag shares one set of the names
    it was given with the flags given the same (pydantic makes a set for every model,
    0.7 kB): a yearbook raises 15,000 flags, and its findings and flags, each with its own
    set, all held at once, were the top of its memory."""
    findings.reverse()  # (taken from the end, in order)
    flags: list[Flag] = []
    names: dict[frozenset[str], set[str]] = {}
    while findings:
        finding = findings.pop().made()
        flag = Flag(
            id=f"f{len(flags) + 1}",
            kind=finding.kind,
            code=CHECK_CODES[finding.kind],
            severity=settings.severity.get(finding.kind, finding.severity)
            if finding.severity != "info" else "info",
            message=finding.message,
            record_ids=list(finding.record_ids),
            spans=[tuple(span) for span in finding.spans],  # type: ignore[misc]
            evidence=finding.evidence,
        )
        given = flag.__pydantic_fields_set__
        object.__setattr__(flag, "__pydantic_fields_set__",
                           names.setdefault(frozenset(given), given))
        flags.append(flag)
    return flags


__all__ = ["CHECKS", "CROSS_CHECK_CODES", "SEVERITY_RANK", "CheckSettings", "findings_of", "flags_of",
           "run_checks"]

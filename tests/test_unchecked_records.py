"""to_records builds Record unvalidated (pipeline._unchecked): every record it makes must be one
the model accepts in strict mode, unchanged, with values of exactly the declared types."""

from __future__ import annotations

from pathlib import Path

import pytest

from ipextract import extract
from ipextract.models import BlockInfo, Record

from .conftest import ROOT

REAL = ROOT.parent / "shared" / "corpora" / "real"
TEXTS = [
    "全市专利授权总量达到71292件，同比增长19.19%。",
    "地区生产总值增长5.3%左右，约3.5万亿元；居民人均可支配收入十几万元。",
    "指标 | 单位 | 数值\n发明专利 | 件 | 1,234\n增长（%） | | -3.5",
]


def _check(text: str) -> None:
    document = extract(text)
    for record in document.records:
        again = Record.model_validate(dict(record.__dict__), strict=True)
        assert again == record
        assert [type(v) for v in again.__dict__.values()] == [type(v) for v in record.__dict__.values()]
        assert record.model_fields_set == set(Record.model_fields) - {"sheet", "row", "column", "read_by"}
    for block in document.blocks:
        assert BlockInfo.model_validate(dict(block.__dict__)) == block


@pytest.mark.parametrize("text", TEXTS)
def test_records_validate_strictly(text: str) -> None:
    _check(text)


def test_records_of_the_real_reports_validate_strictly() -> None:
    reports = sorted(REAL.glob("gov-work-reports-*/*.txt"))[:6] if REAL.exists() else []
    if not reports:
        pytest.skip("the real reports are not here")
    for path in reports:
        _check(Path(path).read_text(encoding="utf-8"))

"""schemas/document.schema.json is generated from the models; it must not go stale."""

from __future__ import annotations

import json

from ipextract.schema import document_schema

from .conftest import ROOT

SCHEMA = ROOT / "schemas" / "document.schema.json"


def test_committed_schema_is_current(update_golden: bool) -> None:
    current = json.dumps(document_schema(), ensure_ascii=False, indent=2) + "\n"
    if update_golden:
        SCHEMA.write_text(current, encoding="utf-8")
    assert SCHEMA.read_text(encoding="utf-8") == current, (
        "schemas/document.schema.json is stale: run `python -m ipextract.schema > "
        "schemas/document.schema.json` (or pytest --update-golden) and commit it"
    )


def test_output_validates_against_the_schema_shape() -> None:
    from ipextract import extract

    schema = document_schema()
    document = json.loads(extract("专利授权71292件，同比增长19.19%。").model_dump_json())
    assert set(schema["required"]) <= set(document)
    record_schema = schema["$defs"]["Record"]
    assert set(record_schema["required"]) <= set(document["records"][0])
    assert isinstance(document["records"][0]["value"], int)
    assert isinstance(document["records"][1]["value"], float)

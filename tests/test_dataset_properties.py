"""Ingest over arbitrary files: every file ends as a document or an error, never a traceback,
and the database holds whole documents only."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .dataset_fixtures import consistent, counts, ingest
from .test_properties import report_like

pytest.importorskip("duckdb")

CONTENT = st.one_of(
    st.binary(max_size=300),
    report_like.map(lambda text: text.encode("utf-8")),
    report_like.map(lambda text: text.encode("gb18030")),
    st.sampled_from([b"%PDF-1.4\n", b"PK\x03\x04", b"<html><body>"]).flatmap(
        lambda head: st.binary(max_size=100).map(lambda tail: head + tail)),
)
NAMES = st.sampled_from(["a.txt", "b.html", "c.pdf", "d.docx", "e.htm"])


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=st.dictionaries(NAMES, CONTENT, min_size=1, max_size=5))
def test_any_files_become_documents_or_errors(files: dict[str, bytes]) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "in"
        folder.mkdir()
        for name, data in files.items():
            (folder / name).write_bytes(data)
        database = Path(scratch) / "db.duckdb"
        status = ingest(database, folder, options=("--jobs", "1"))
        tally = counts(database)
        assert status == (2 if tally["errors"] else 0)
        assert tally["sources"] + tally["errors"] == len(files)
        consistent(database)

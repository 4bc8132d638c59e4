"""Invariants that hold for any input: no exception, offsets give back the surface, records
ordered by position with unique ids, every ``of`` names an earlier record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ipextract import Document, extract
from ipextract.cli import main
from ipextract.errors import IpextractError
from ipextract.ingest import read_bytes

from .conftest import CORPORA, REAL_REPORTS

# Text made of what reports are made of, so the generator reaches the interesting paths.
REPORT_ALPHABET = st.sampled_from(
    list("0123456789０１２３４５６７８９.,，。；：、％%‰●\n （）()|-—~至到第年月日件家次项亿万千百十"
         "一二两三四五六七八九零〇几余多超逾近约增长下降提高占比重率倍位名全市省同比上年"
         "专利授权发明企业商标金额为达到其中分别和及新增累计截至底个百分点翻番以上左右不到")
)
report_like = st.text(alphabet=REPORT_ALPHABET, max_size=300)
anything = st.text(max_size=300)


def assert_invariants(document: Document, text: str) -> None:
    ids = [record.id for record in document.records]
    assert ids == [f"r{n}" for n in range(1, len(ids) + 1)]
    starts = [(record.start, record.end) for record in document.records]
    assert starts == sorted(starts)
    for record in document.records:
        assert 0 <= record.start < record.end <= len(text)
        assert text[record.start:record.end] == record.surface
        assert record.of is None or record.of in ids[: ids.index(record.id)] or record.of in ids
        assert record.metric == record.metric.strip()
        if record.value_min is not None and record.value_max is not None:
            assert record.value_min <= record.value_max
    for flag in document.flags:
        assert all(0 <= start <= end <= len(text) for start, end in flag.spans)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report_like)
def test_report_like_text_keeps_the_invariants(text: str) -> None:
    assert_invariants(extract(text), text)


@settings(max_examples=200, deadline=None)
@given(anything)
@example("#\t0|0")  # a table row whose sub-row mark was followed by a tab: name ' 0'
def test_any_text_keeps_the_invariants(text: str) -> None:
    assert_invariants(extract(text), text)


def test_corpora_keep_the_invariants() -> None:
    for path in sorted(CORPORA.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert_invariants(extract(text), text)


def test_real_reports_keep_the_invariants() -> None:
    paths = sorted(REAL_REPORTS.glob("*.txt"))
    if not paths:
        import pytest

        pytest.skip("the real reports in ../shared are not here")
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert_invariants(extract(text), text)


def test_output_is_deterministic() -> None:
    text = (CORPORA / "wuhan-ip-2024.txt").read_text(encoding="utf-8")
    assert extract(text).model_dump_json() == extract(text).model_dump_json()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400), st.sampled_from(["x.txt", "x.html", "x.pdf", "x.docx", "x"]))
def test_any_bytes_are_read_or_refused_with_a_typed_error(data: bytes, name: str) -> None:
    try:
        source = read_bytes(data, name)
    except IpextractError as error:
        assert error.code.startswith("E") and str(error)
        return
    assert_invariants(extract(source.text), source.text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=200), report_like.map(lambda t: t.encode("gb18030"))))
def test_the_command_line_never_shows_a_traceback(data: bytes, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(data)
    status = main(["extract", str(path)])
    out, err = capsys.readouterr()
    assert status in (0, 2), err
    assert "Traceback" not in err
    if status == 0:
        assert json.loads(out)["document"]["chars"] >= 0
    else:
        assert err.count("\n") == 1 and err.startswith("ipextract: ")

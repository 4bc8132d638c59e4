"""Yearbooks (#19), memory: what a record costs while the pipeline holds it, and output written
a piece at a time with the same characters as the whole dump. Peak memory of whole runs is
measured by ``benchmarks/bench_yearbook.py``, not here."""

from __future__ import annotations

import json
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from ipextract import extract
from ipextract.output import json_chunks, render, to_json

ROOT = Path(__file__).resolve().parent.parent

# Sentences of the kinds a yearbook repeats (our own wording): a level with its growth, a
# level with a share, an increase.
SENTENCES = (
    "2024年某市地区生产总值{a}亿元，比上年增长{g}%。",
    "某县全年粮食产量达到{a}万吨，增长{g}%。",
    "年末某区常住人口{a}万人，比上年末增加{b}万人。",
    "某市进出口总额{a}亿元，占全省的{g}%，增长{g}%。",
)


def _yearbook_text(sentences: int) -> str:
    return "\n\n".join(SENTENCES[n % 4].format(a=1000 + n, b=n % 90 + 1, g=f"{n % 9}.{n % 7}")
                       for n in range(sentences)) + "\n"


def test_a_record_costs_a_third_of_what_it_did() -> None:
    """A validated pydantic record kept its own set of the names it was given (2.2 kB, more
    than the rest of it); the records of a document share one, and its repeated metrics,
    periods and sentences. Measured on a second run, the first having loaded the dictionaries
    and filled the caches (3.9 kB a record with the document, 3.6 kB the records alone,
    before; 1.5 and 1.3 kB after, on Python 3.11)."""
    text = _yearbook_text(400)
    extract(text, validate=False)
    tracemalloc.start()
    try:
        document = extract(text, validate=False)
        held = tracemalloc.get_traced_memory()[0]
        records = list(document.records)
        del document
        alone = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    count = len(records)
    assert count >= 900
    # the records, the text and the block structure the document keeps, per record
    assert held / count < 2200, f"{held / count:.0f} bytes a record with the document"
    assert alone / count < 2000, f"{alone / count:.0f} bytes a record"
    assert len({id(record.__pydantic_fields_set__) for record in records}) == 1


def test_a_shared_set_of_names_is_never_changed_in_place() -> None:
    document = extract("全市专利授权总量达到71292件，同比增长19.19%。")
    first, second = document.records
    assert first.__pydantic_fields_set__ is second.__pydantic_fields_set__
    copied = first.model_copy(update={"sheet": "表1"})
    assert "sheet" in copied.model_fields_set
    assert "sheet" not in first.model_fields_set and "sheet" not in second.model_fields_set
    assert copied.model_dump_json(exclude_unset=True) != first.model_dump_json(exclude_unset=True)


@pytest.mark.parametrize("indent", [None, 2])
@pytest.mark.parametrize("text", [
    "全市专利授权总量达到71292件，同比增长19.19%。",  # records and flags
    "没有数字的一句话。",  # neither
    _yearbook_text(40),
])
@pytest.mark.parametrize("validate", [True, False])
def test_pieces_make_the_whole_dump(text: str, indent: int | None, validate: bool) -> None:
    document = extract(text, source="a.txt", validate=validate)
    assert "".join(json_chunks(document, indent=indent)) == to_json(document, indent=indent)


def test_a_document_is_written_before_the_next_is_read() -> None:
    """``render`` asks for the next document only once the one before is written out."""
    asked: list[str] = []
    written: list[str] = []

    def documents():  # type: ignore[no-untyped-def]
        for text in ("专利授权71292件。", "增长19.19%。"):
            asked.append(text)
            assert len(asked) == len(written) + 1  # the one before was written whole
            yield extract(text, validate=False)

    for chunk in render(documents(), "jsonl"):
        if chunk == "\n":
            written.append(chunk)
    assert len(written) == 2


def test_jsonl_of_several_files_with_one_missing(tmp_path: Path) -> None:
    """Each good file is one line, in order; a missing one is an error line on stderr."""
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(_yearbook_text(8), encoding="utf-8")
    second.write_text("全市专利授权总量达到71292件，同比增长19.19%。", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = subprocess.run([sys.executable, "-m", "ipextract", "extract", str(first),
                             str(tmp_path / "missing.txt"), str(second), "--format", "jsonl",
                             "-o", str(out)], capture_output=True, text=True, timeout=120,
                            check=False)
    assert result.returncode == 2
    assert "missing.txt" in result.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["document"]["source"] for line in lines] == [str(first), str(second)]
    assert lines[1] == to_json(extract(second.read_text(encoding="utf-8"), source=str(second)),
                               indent=None)


def test_a_document_leaves_no_cycles_behind() -> None:
    """What a document's extraction makes is freed when the document is dropped, by reference
    counting, not at the collector's next full pass: a cycle (the checks' input and the frames
    it keeps, each pointing to the other) kept a yearbook's records and blocks alive after it."""
    import gc

    text = _yearbook_text(40) + "全市专利授权总量达到71292件，同比增长19.19%，占全省的57.67%。\n"
    extract(text)  # dictionaries loaded, caches filled
    gc.collect()
    saved = gc.get_debug()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        document = extract(text)
        assert document.records and document.flags is not None
        del document
        gc.collect()
        left = [type(o).__name__ for o in gc.garbage]
    finally:
        gc.set_debug(saved)
        gc.garbage.clear()
    assert left == []


def _texts_with_flags() -> list[str]:
    """The repository's texts, a few real ones when they are here, and a made yearbook."""
    from .conftest import CORPORA, SHARED

    paths = sorted(CORPORA.glob("*.txt"))
    for folder in ("gov-work-reports-2025", "bulletins"):
        paths += sorted((SHARED / "corpora" / "real" / folder).glob("*.txt"))[:4]
    return [path.read_text(encoding="utf-8") for path in paths] + [_yearbook_text(600)]


def test_the_checks_read_lean_records_as_they_read_models(monkeypatch: pytest.MonkeyPatch) -> None:
    """A long document's records are lean named tuples while the checks read them
    (``pipeline._Lean``), and models after: the document, its flags included, is the one made
    with models throughout. The lean form is forced here on texts of every size."""
    from ipextract import pipeline

    texts = _texts_with_flags()
    plain = [to_json(extract(text, source="a.txt")) for text in texts]
    kinds = {flag["kind"] for dump in plain for flag in json.loads(dump)["flags"]}
    assert len(kinds) >= 4, kinds  # the flags of most checks, to be raised alike
    monkeypatch.setattr(pipeline, "LEAN_FROM", 0)
    seen: list[type] = []
    checks = pipeline._as_records

    def converted(records: list) -> list:  # type: ignore[type-arg]
        seen.append(type(records[0]))
        return checks(records)

    monkeypatch.setattr(pipeline, "_as_records", converted)
    lean = [to_json(extract(text, source="a.txt")) for text in texts]
    assert seen and all(kind is pipeline._Lean for kind in seen)
    assert lean == plain


def test_a_long_documents_records_are_lean_while_checked() -> None:
    """The records the checks are given: lean from ``LEAN_FROM`` figures, models below."""
    from ipextract import pipeline
    from ipextract import validate as checks

    given: list[type] = []
    run = checks.findings_of

    def spy(records, *args, **kwargs):  # type: ignore[no-untyped-def]
        given.append(type(records[0]))
        return run(records, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(checks, "findings_of", spy)
        short = extract(_yearbook_text(40))
        patch.setattr(pipeline, "LEAN_FROM", 50)
        long = extract(_yearbook_text(40))
    assert given == [type(short.records[0]), pipeline._Lean]
    assert type(long.records[0]) is type(short.records[0])
    assert to_json(long) == to_json(short)


def test_the_drafts_are_let_go_as_their_records_are_made(monkeypatch: pytest.MonkeyPatch) -> None:
    """``extract`` gives the drafts' list to the records stage, which empties it as it makes
    each record (a yearbook's drafts and records, all held at once, were 46 and 45 MB); the
    records are those made without, which leave the list they are given alone."""
    from ipextract import pipeline

    calls = []
    made = pipeline._records_of

    def spy(drafts, *args, **kwargs):  # type: ignore[no-untyped-def]
        given = list(drafts)
        records = made(drafts, *args, **kwargs)
        kept = list(given)  # (made here: the blocks are let go once the checks are done)
        again = made(kept, *args, lean=False)  # what to_records makes, the list left alone
        calls.append((given, list(drafts), records, again, kept))
        return records

    monkeypatch.setattr(pipeline, "_records_of", spy)
    extract(_yearbook_text(12))
    [(given, left, records, again, kept)] = calls
    assert given and left == []
    assert again == records and kept == given


def test_the_flags_are_made_as_the_findings_are_let_go() -> None:
    """The checks' findings become flags one at a time, in order, each flag sharing one set
    of the names it was given (pydantic makes one of 0.7 kB for every model)."""
    from ipextract.blocks import split_blocks
    from ipextract.normalize import normalize
    from ipextract.validate import run_checks

    text = _yearbook_text(40) + "某市粮食产量505.0万吨。\n\n某市粮食产量217.5万吨。\n"
    document = extract(text, validate=False)
    flags = run_checks(list(document.records), text, split_blocks(normalize(text).text))
    assert len(flags) >= 2
    assert [flag.id for flag in flags] == [f"f{n}" for n in range(1, len(flags) + 1)]
    # (a conflict's message and evidence are made with its flag: Finding.later)
    assert all(flag.message for flag in flags)
    assert any(flag.kind == "conflict" and flag.evidence["values"] for flag in flags)
    assert len({id(flag.__pydantic_fields_set__) for flag in flags}) == 1
    assert flags == extract(text).flags


def test_a_workers_rows_let_the_records_and_flags_go() -> None:
    """A worker makes a document's rows as it lets the document go: ``record_rows`` and
    ``flag_rows`` empty the lists they are given, and make the rows in their order."""
    from ipextract.dataset.rows import flag_rows, record_row, record_rows

    text = _yearbook_text(40) + "某市粮食产量505.0万吨。\n\n某市粮食产量217.5万吨。\n"
    document = extract(text)
    records, flags = list(document.records), list(document.flags)
    assert records and flags
    year = document.document.year
    assert record_rows("d", records, year) == [record_row("d", r, year) for r in document.records]
    assert records == []
    rows = flag_rows("d", flags)
    assert flags == []
    assert [row[1] for row in rows] == [flag.id for flag in document.flags]
    assert [json.loads(row[-1]) for row in rows] == [
        json.loads(json.dumps(flag.evidence, default=str)) for flag in document.flags]

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

"""Fuzzing harness for every public entry point, outside the unit suite (hypothesis with a
large budget). Seeds are the corpus texts; hypothesis mutates them (cuts, splices, inserted
report characters, raw bytes) and checks the invariants after each run:

- ``read_bytes`` raises nothing but ``IpextractError``;
- ``extract`` raises nothing, and every record keeps ``text[start:end] == surface``, ids in
  order, intervals ordered; every flag span lies inside the text;
- ``render_review`` gives a well-formed page whose text panel is the document's text, with one
  highlight per record and no script but its own two, whatever markup the text carries.

    python benchmarks/fuzz_extract.py --examples 20000      # about 10 minutes on one core

A failure prints hypothesis' smallest example; add it to ``tests/cases`` or
``tests/test_hostile.py`` as a regression case.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tests.review_page import Page

from ipextract import extract
from ipextract.errors import IpextractError
from ipextract.ingest import read_bytes
from ipextract.review import render_review

SEEDS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpora").glob("*.txt"))]
REPORT_CHARS = list("0123456789０１２３４５６７８９.,，。；：、％%‰●\n （）|-—~至第年月日件家次项亿万千百十"
                    "一二两三四五六七八九零〇几余多超逾近约增长下降提高占比重率倍位名全市同比上年其中分别"
                    "“”《》<>&\x00\ufeff\u200b")
MARKUP = ["<script>window.__pwned=1</script>", "<img src=x onerror=alert(1)>", "</script>",
          "<!--", "]]>", "&amp;", "\u2028", "javascript:"]


@st.composite
def mutated_report(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(0, 8))):
        position = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "splice", "cut"]))
        if action == "insert":
            text = text[:position] + draw(st.one_of(st.text(st.sampled_from(REPORT_CHARS), max_size=20),
                                                     st.sampled_from(MARKUP))) + text[position:]
        elif action == "delete":
            text = text[:position] + text[position + draw(st.integers(1, 50)):]
        elif action == "splice":
            other = draw(st.sampled_from(SEEDS))
            start = draw(st.integers(0, len(other)))
            text = text[:position] + other[start:start + draw(st.integers(1, 400))] + text[position:]
        else:
            text = text[:position]
    return text


def check(text: str) -> None:
    document = extract(text)
    ids = [record.id for record in document.records]
    assert ids == [f"r{n}" for n in range(1, len(ids) + 1)]
    for record in document.records:
        assert text[record.start:record.end] == record.surface, record
        if record.value_min is not None and record.value_max is not None:
            assert record.value_min <= record.value_max, record
    for flag in document.flags:
        assert all(0 <= start <= end <= len(text) for start, end in flag.spans), flag


def run(examples: int) -> None:
    budget = settings(max_examples=examples, deadline=None, database=None,
                      suppress_health_check=list(HealthCheck))

    @budget
    @given(mutated_report())
    def fuzz_text(text: str) -> None:
        check(text)

    @budget
    @given(st.one_of(st.binary(max_size=2000),
                     mutated_report().map(lambda t: t.encode("gb18030", "replace")),
                     st.sampled_from([b"%PDF-1.4\n", b"PK\x03\x04", b"<html><body>"]).flatmap(
                         lambda head: st.binary(max_size=500).map(lambda tail: head + tail))))
    def fuzz_bytes(data: bytes) -> None:
        try:
            source = read_bytes(data, "fuzz.bin")
        except IpextractError:
            return
        check(source.text)

    @budget
    @given(mutated_report())
    def fuzz_review(text: str) -> None:
        document = extract(text)
        page = Page.read(render_review(document))
        assert page.text == text
        assert set(page.elements["data-record-id"]) == {r.id for r in document.records}
        assert [attributes.get("type") for attributes, _ in page.scripts] == ["application/json", None]

    for name, test in (("text", fuzz_text), ("bytes", fuzz_bytes), ("review", fuzz_review)):
        started = time.perf_counter()
        test()
        print(f"{name}: {examples} examples, no failure, {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="fuzz ipextract's entry points")
    parser.add_argument("--examples", type=int, default=2000)
    run(parser.parse_args().examples)

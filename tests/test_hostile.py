"""Hostile and broken input: pathological text gives a correct result (no crash, no hang:
every pattern here is linear), odd encodings still yield their figures, and output is
deterministic. No timings are asserted; the benchmarks measure speed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ipextract import extract
from ipextract.errors import InputTooLarge
from ipextract.ingest import read_bytes, read_source

FIGURE = "全市专利授权总量达到71292件，同比增长19.19%。"


@pytest.mark.parametrize(
    ("name", "text", "records"),
    [
        ("2 MB of digits", "1" * 2_000_000, 0),
        ("300,000 万", "万" * 300_000, 0),
        # 100,000 figures in one clause-less block: found by this test, every figure read to
        # the block's end (quadratic) until the clause end was bounded
        ("万 after every digit", "1万" * 100_000, 100_000),
        ("doubled verbs", "增长" * 50_000, 0),
        ("punctuation only", "，。、；" * 100_000, 0),
        ("deeply repeated punctuation", "（" * 100_000 + "……" * 100_000 + "）" * 100_000, 0),
        ("a 5 MB single line", ("全市坚持创新驱动发展，持续优化营商环境，推动产业转型升级" * 30 + FIGURE[:-1] + "，")
         * 2_000, 4_000),
        ("deep quotes", "“" * 50_000 + "3个" + "”" * 50_000, 0),
        ("bullets only", "●" * 100_000, 0),
        ("digits and commas", "1," * 100_000, 0),
        ("Chinese numerals only", "一二三四五六七八九十" * 20_000, 0),
        ("a 1 MB line of figures", FIGURE[:-1].replace("。", "，") * 20_000, 40_000),
        ("figures after a long run", "的" * 300_000 + FIGURE, 2),
    ],
)
def test_pathological_text_gives_a_correct_result(name: str, text: str, records: int) -> None:
    document = extract(text)
    assert len(document.records) == records, name
    for record in document.records[:50]:
        assert text[record.start:record.end] == record.surface


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-16", "utf-16-le", "utf-8-sig"])
def test_encodings_yield_their_figures(encoding: str) -> None:
    source = read_bytes(FIGURE.encode(encoding), "x.txt")
    assert [r.surface for r in extract(source.text).records] == ["71292件", "19.19%"]


def test_nul_bytes_in_text_do_not_hide_figures() -> None:
    data = FIGURE.replace("，", "，\x00").encode("utf-8")
    source = read_bytes(data, "x.txt")
    records = extract(source.text).records
    assert [r.surface for r in records] == ["71292件", "19.19%"]
    assert all(source.text[r.start:r.end] == r.surface for r in records)


def test_the_same_input_gives_byte_identical_json() -> None:
    text = FIGURE * 50
    assert extract(text).model_dump_json() == extract(text).model_dump_json()


def test_figure_at_the_seam_of_a_rejoined_paragraph_keeps_its_offsets() -> None:
    """Found by benchmarks/fuzz_extract.py: a paragraph cut by a line break is read as one
    block, and a figure that starts right at the cut mapped its start into the first part."""
    text = ("经济运行回升向好，民生保障有力有效，高质量发展迈出坚实步伐。\n\n一、综合\n\n"
            "初步核算，全年地区生产总值\n约14331.98亿元，")
    records = extract(text).records
    assert [r.surface for r in records] == ["约14331.98亿元"]
    assert all(text[r.start:r.end] == r.surface for r in records)


@pytest.mark.parametrize("caching", [False, True])
def test_nothing_is_written_outside_the_paths_given(tmp_path: Path, caching: bool) -> None:
    """Only the outputs named on the command line, and the dictionary cache when it is on."""
    work, home, temporary, cache = (tmp_path / name for name in ("work", "home", "tmp", "cache"))
    for folder in (work, home, temporary):
        folder.mkdir()
    (work / "in.txt").write_text(FIGURE, encoding="utf-8")
    environment = {**os.environ, "HOME": str(home), "TMPDIR": str(temporary),
                   "IPEXTRACT_CACHE_DIR": str(cache) if caching else ""}
    environment.pop("XDG_CACHE_HOME", None)
    for arguments in (["extract", "in.txt", "-o", "out.json"], ["report", "in.txt", "-o", "page.html"]):
        subprocess.run([sys.executable, "-m", "ipextract", *arguments], cwd=work, env=environment,
                       check=True, capture_output=True)
    written = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    expected = ["work/in.txt", "work/out.json", "work/page.html"]
    if caching:
        assert [w for w in written if not w.startswith("cache/")] == expected
        assert {Path(w).suffix for w in written if w.startswith("cache/")} == {".freq", ".tags", ".words"}
    else:
        assert written == expected


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    from ipextract.cli import main

    big = tmp_path / "big.txt"
    big.write_text(FIGURE * 10, encoding="utf-8")
    with pytest.raises(InputTooLarge, match="larger than the limit of 100 bytes"):
        read_source(str(big), max_bytes=100)
    assert main(["extract", str(big), "--max-bytes", "100"]) == 2
    assert capsys.readouterr().err == f"ipextract: {big}: larger than the limit of 100 bytes [E103]\n"


def test_a_document_over_the_time_limit_is_given_up_and_the_batch_goes_on(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from ipextract.cli import main

    slow = tmp_path / "slow.txt"
    slow.write_text((FIGURE * 40 + "\n") * 2_000, encoding="utf-8")  # seconds of work anywhere
    fast = tmp_path / "fast.txt"
    fast.write_text(FIGURE, encoding="utf-8")
    assert main(["extract", str(slow), str(fast), "--time-limit", "0.3"]) == 2
    out, err = capsys.readouterr()
    assert err == f"ipextract: {slow}: took longer than the limit of 0.3 s (--time-limit) [E104]\n"
    assert [json.loads(line)["document"]["source"] for line in out.splitlines()] == [str(fast)]


def test_off_the_main_thread_the_deadline_gives_the_same_error_as_the_timer(tmp_path: Path) -> None:
    """Dask runs documents on threads, where no timer can be set: extract's own deadline stops
    the work, and the error reads as the timer's does."""
    import threading

    from ipextract.errors import DocumentTimeout
    from ipextract.limits import deadline_after, time_limit

    errors: list[str] = []

    def work() -> None:
        try:
            with time_limit(0.01, "slow.txt"):
                extract((FIGURE * 40 + "\n") * 2_000, deadline=deadline_after(0.01))
        except DocumentTimeout as error:
            errors.append(str(error))

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert errors == ["slow.txt: took longer than the limit of 0.01 s (--time-limit) [E104]"]


def test_an_alarm_rung_inside_a_deferred_section_rings_at_its_end() -> None:
    """The time limit's handler may run on the main thread while a library cleans up after
    itself (SIGALRM delivered to another thread: blocking it on the main thread does not stop
    Python from running the handler there). Inside ``alarm_deferred`` the alarm is held and
    rings when the section ends; outside, it rings at once."""
    import signal

    from ipextract import limits

    reached = False
    with pytest.raises(limits._Alarm), limits.alarm_deferred():
        limits._ring(signal.SIGALRM, None)  # held: no exception here
        reached = True
    assert reached
    with pytest.raises(limits._Alarm):
        limits._ring(signal.SIGALRM, None)
    with limits.alarm_deferred():  # (no ring: the section ends as it began)
        pass
    assert not limits._ALARM.rang and not limits._ALARM.deferring

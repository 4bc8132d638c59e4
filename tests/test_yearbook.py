"""Yearbooks (#19): the PDF reader on pdfium reads the same lines as pdfplumber did, on a
generated yearbook of a couple of hundred pages; a page nested 20,000 elements deep gives its
figures; DOCX tables read fast give python-docx's cell texts. Time and memory are measured by
``benchmarks/bench_yearbook.py``, not here."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from ipextract import extract
from ipextract.errors import InputError
from ipextract.ingest import read_bytes

from .conftest import ROOT, load_benchmark


def _bench():  # type: ignore[no-untyped-def]
    """benchmarks/bench_yearbook.py, whose generator makes the yearbook."""
    return load_benchmark("bench_yearbook")


# --- PDF ----------------------------------------------------------------------------------

PAGES = 200


@pytest.fixture(scope="module")
def yearbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("reportlab")
    pytest.importorskip("pypdfium2")
    path = tmp_path_factory.mktemp("yearbook") / "yearbook.pdf"
    _bench().write_pdf(path, PAGES)
    return path


def test_pdfium_lines_are_pdfplumbers(yearbook: Path) -> None:
    """The lines (text and box) of the new reader are those pdfplumber's
    ``dedupe_chars().extract_text_lines()`` gave, on the first and the last pages."""
    pdfplumber = pytest.importorskip("pdfplumber")
    import pypdfium2

    from ipextract.ingest.pdf import _clean, _read_pages

    pages = _read_pages(pypdfium2, yearbook.read_bytes(), "yearbook.pdf")
    assert len(pages) == PAGES
    with pdfplumber.open(yearbook) as pdf:
        for number in [*range(8), *range(PAGES - 4, PAGES)]:
            page = pdf.pages[number]
            before = [(_clean(raw["text"]), raw["x0"], raw["x1"], raw["top"], raw["bottom"])
                      for raw in page.dedupe_chars().extract_text_lines(return_chars=False)]
            now = [(line.text, line.x0, line.x1, line.top, line.bottom)
                   for line in pages[number].lines]
            assert [b[0] for b in before if b[0]] == [n[0] for n in now], number
            for b, n in zip([b for b in before if b[0]], now):
                assert n[1:] == pytest.approx(b[1:], abs=1e-3), (number, n[0])
            assert (pages[number].width, pages[number].height) == (page.width, page.height)


def test_yearbook_slice_checked_by_hand(yearbook: Path) -> None:
    source = read_bytes(yearbook.read_bytes(), "yearbook.pdf")
    assert source.pages == PAGES
    assert len(source.page_starts) == PAGES
    assert "某省统计年鉴2024" not in source.text  # the running header
    assert "— 2 —" not in source.text and "— 199 —" not in source.text  # page numbers
    # page 2 as generated (benchmarks/bench_yearbook.py, random.Random(2)), read off the page
    page_two = source.text[source.page_starts[1]:source.page_starts[2]]
    assert page_two.startswith(
        "年末长沙市规模以上工业增加值323.3亿元，比上年末增加40.54亿元。\n\n"
        "岳阳市常住人口71.81万人，占全省的38.7%，增长7.2%。\n\n"
        "年末咸宁市发明专利授权量8637.4件，比上年末增加277.8件。\n\n"
        "2017年湘西州发电量114.6亿千瓦时，比上年增长-2.5%。\n\n")
    assert "表2 各地进出口总额（亿元）\n\n郴州市进出口总额 1070.9 1.7武汉市进出口总额 199.2 3.7" \
        in page_two
    records = extract(source.text, format="pdf", page_starts=source.page_starts).records
    on_two = [(str(r.value), r.unit, r.page) for r in records if r.page == 2][:5]
    assert on_two == [("32330000000", "元", 2), ("4054000000", "元", 2),
                      ("718100", "人", 2), ("38.7", "%", 2), ("7.2", "%", 2)]
    for record in records[:2000]:
        assert source.text[record.start:record.end] == record.surface
    assert records[-1].page == PAGES


def test_pdf_is_read_without_pdfplumber(yearbook: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader is pdfium's alone: pdfplumber (which the layout was tuned on, and which the
    tests compare with) is not needed to read a PDF; pypdfium2 is, and its absence names the
    extra."""
    monkeypatch.setitem(sys.modules, "pdfplumber", None)  # import pdfplumber → ImportError
    head = yearbook.read_bytes()
    source = read_bytes(head, "yearbook.pdf")
    assert source.pages == PAGES
    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    with pytest.raises(InputError, match=r"\[formats\] extra"):
        read_bytes(head, "yearbook.pdf")


def test_pages_read_in_several_processes_are_read_alike(yearbook: Path) -> None:
    """A long PDF is cut into runs of pages read at once in forked processes: each page is
    read as in one process (its fonts asked anew), and the runs come back in page order."""
    import pypdfium2

    from ipextract.ingest.pdf import MIN_PAGES_PER_PROCESS, _page_runs, _read_pages

    assert PAGES // MIN_PAGES_PER_PROCESS >= 2  # else the fixture is read in one run
    data = yearbook.read_bytes()
    one = _read_pages(pypdfium2, data, "yearbook.pdf", 1)
    several = _read_pages(pypdfium2, data, "yearbook.pdf", 4)
    assert len(_page_runs(PAGES, 4)) == 2
    assert several == one
    assert [page.lines[0].text for page in several[:2]] == [page.lines[0].text
                                                            for page in one[:2]]


def _reader_that_dies(name: str, first: int, end: int) -> None:
    import os

    os._exit(3)  # a reading process killed (out of memory, a signal)


def test_pages_of_a_reader_process_that_dies_are_read_here(
        yearbook: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pypdfium2

    from ipextract.ingest import pdf

    data = yearbook.read_bytes()
    one = pdf._read_pages(pypdfium2, data, "yearbook.pdf", 1)
    monkeypatch.setattr(pdf, "_read_apart", _reader_that_dies)  # (the fork inherits it)
    assert pdf._read_pages(pypdfium2, data, "yearbook.pdf", 2) == one


@pytest.mark.parametrize(("setting", "processes"), [("1", 1), ("3", 3), ("0", 1)])
def test_the_reader_processes_setting(setting: str, processes: int,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from ipextract.dataset.engines import _one_pdf_reader
    from ipextract.ingest.pdf import PROCESSES_SETTING, reader_processes

    monkeypatch.setenv(PROCESSES_SETTING, setting)
    assert reader_processes() == processes
    assert reader_processes(2) == 2  # an argument before the setting
    _one_pdf_reader()  # what an ingest worker runs first: the pool keeps the cores busy
    assert reader_processes() == 1


def test_running_lines_on_every_page_are_dropped_in_linear_time() -> None:
    """A header and a footer at the same place on 3,000 pages: found by asking once per place
    where they stand, not once per page (quadratic: 18 million comparisons)."""
    import time

    from ipextract.ingest.pdf import _drop_running_lines, _Line, _Page

    pages = [_Page(595.0, 842.0, [_Line("某省统计年鉴", 250.0, 345.0, 40.0, 49.0),
                                  _Line(f"第{n}节的一行正文，比一个页眉长得多的一行，有一个数字{n}。", 56.0, 500.0, 70.0, 80.5),
                                  _Line("内部资料 注意保存", 250.0, 345.0, 800.0, 809.0)])
             for n in range(3000)]
    started = time.process_time()
    _drop_running_lines(pages)
    assert time.process_time() - started < 1.0
    assert all([line.text for line in page.lines] == [f"第{n}节的一行正文，比一个页眉长得多的一行，有一个数字{n}。"]
               for n, page in enumerate(pages))


def test_a_line_pdfium_takes_for_a_copy_is_read(tmp_path: Path) -> None:
    """Read without system fonts, pdfium leaves out a one-character text object (the 密 of a
    heading wrapped onto a line of its own) as a copy of an earlier one: the page is read again
    with them."""
    pytest.importorskip("reportlab")
    from .pdf_fixture import make_pdf

    text = (ROOT / "corpora" / "hefei-news-2024.txt").read_text(encoding="utf-8")
    path = tmp_path / "hefei.pdf"
    make_pdf(text[:600], path, "hefei-news-2024")
    source = read_bytes(path.read_bytes(), "hefei.pdf")
    assert "越织越密" in source.text


def test_text_in_a_scaled_form_as_pdfplumber(tmp_path: Path) -> None:
    """A form XObject drawn scaled: its characters' size and advance take the form's matrix."""
    pdfplumber = pytest.importorskip("pdfplumber")
    pytest.importorskip("reportlab")
    import pypdfium2
    from reportlab.pdfgen import canvas

    from ipextract.ingest.pdf import _read_pages

    from .pdf_fixture import FONT, PAGE, _font

    _font()
    path = tmp_path / "form.pdf"
    pdf = canvas.Canvas(str(path), pagesize=PAGE)
    pdf.beginForm("F1")
    pdf.setFont(FONT, 10)
    pdf.drawString(10, 10, "全年增长5.4%")
    pdf.endForm()
    pdf.saveState()
    pdf.translate(40, 300)
    pdf.scale(1.5, 1.5)
    pdf.doForm("F1")
    pdf.restoreState()
    pdf.setFont(FONT, 10)
    pdf.drawString(40, 200, "年末人口12万人")
    pdf.showPage()
    pdf.save()
    with pdfplumber.open(path) as document:
        before = [(raw["text"], raw["x0"], raw["x1"], raw["top"], raw["bottom"])
                  for raw in document.pages[0].extract_text_lines(return_chars=False)]
    now = [(line.text, line.x0, line.x1, line.top, line.bottom)
           for line in _read_pages(pypdfium2, path.read_bytes(), "form.pdf")[0].lines]
    assert [n[0] for n in now] == [b[0] for b in before] == ["全年增长5.4%", "年末人口12万人"]
    for b, n in zip(before, now):
        assert n[1:] == pytest.approx(b[1:], abs=1e-3)


def test_characters_to_lines_as_pdfplumber() -> None:
    """Fake bold (each character printed twice, 0.3 pt apart) is read once; a gap over 3 pt is
    a space; a character 2 pt lower is on the same line; a line 12 pt lower is a new one."""
    from ipextract.ingest.pdf import _lines

    font = (1, 10.5)

    def chars(text: str, x: float, top: float, width: float = 10.5) -> list:  # type: ignore[type-arg]
        return [(top, x + i * width, x + (i + 1) * width, top + 10.5, c, font)
                for i, c in enumerate(text)]

    page = (chars("一、综合", 36.0, 60.0) + chars("一、综合", 36.3, 60.0)
            + chars("12", 90.0, 62.0, 5.0) + chars("全年增长", 36.0, 80.0))
    lines = [(line.text, line.x0, line.x1, line.top, line.bottom) for line in _lines(page)]
    assert lines == [("一、综合 12", 36.0, 100.0, 60.0, 72.5),
                     ("全年增长", 36.0, 78.0, 80.0, 90.5)]


# --- HTML ---------------------------------------------------------------------------------


def _nested(depth: int) -> bytes:
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>统计公报</title>'
            "<script>var visits = 12345;</script></head><body>"
            '<div class="nav">首页 | 2024年第3期</div>' + '<div class="box">' * depth
            + "<p>全年全市地区生产总值12345.6亿元，比上年增长5.4%。</p>"
            + "<p>年末常住人口<b>1234.56</b>万人。</p>"
            + "<table><tr><td>粮食</td><td>万吨</td><td>623.4</td></tr></table>"
            + "</div>" * depth + "</body></html>").encode("utf-8")


@pytest.mark.parametrize("depth", [3, 300, 2_500, 20_000])
def test_a_deeply_nested_page_gives_its_figures(depth: int) -> None:
    pytest.importorskip("lxml")
    source = read_bytes(_nested(depth), "deep.html")
    assert source.text == ("统计公报\n\n全年全市地区生产总值12345.6亿元，比上年增长5.4%。\n\n"
                           "年末常住人口1234.56万人。\n\n粮食 | 万吨 | 623.4\n")
    values = [(str(r.value), r.unit) for r in extract(source.text).records]
    assert values == [("1234560000000", "元"), ("5.4", "%"), ("12345600", "人"),
                      ("623.4", "")]


def test_the_shallow_tree_keeps_blocks_cells_and_drops() -> None:
    pytest.importorskip("lxml")
    page = ('<html><body>' + "<div><span>" * 400 + "<ul><li>产量12件<li>增长3%</ul>"
            "<p>第一段<br>第二行 5亿元<p>第二段 7亿元<script>x=1</script>"
            "<table><tr><td>甲<td>1.5<tr><th>乙<td>2.5</table>" + "</span></div>" * 400
            + "</body></html>").encode("utf-8")
    source = read_bytes(page, "deep.html")
    assert source.text == ("●产量12件\n\n●增长3%\n\n第一段\n\n第二行 5亿元\n\n第二段 7亿元\n\n"
                           "甲 | 1.5\n\n乙 | 2.5\n")


# --- DOCX ---------------------------------------------------------------------------------


def test_docx_cells_as_python_docx_reads_them() -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    paragraph = document.add_paragraph("全年地区生产总值")
    paragraph.add_run("12345亿元").add_break()
    paragraph.add_run("增长\t5.4%")
    table = document.add_table(rows=3, cols=3)
    for i in range(3):
        for j in range(3):
            table.cell(i, j).text = f"格{i}{j} {i}.{j}"
    table.cell(0, 0).merge(table.cell(0, 1))  # across two columns
    table.cell(1, 2).merge(table.cell(2, 2))  # down two rows
    table.cell(2, 0).add_paragraph("第二段 7.5")
    buffer = io.BytesIO()
    document.save(buffer)
    source = read_bytes(buffer.getvalue(), "t.docx")
    assert source.text == (
        "全年地区生产总值12345亿元\n增长\t5.4%\n\n"
        "格00 0.0 格01 0.1 | 格00 0.0 格01 0.1 | 格02 0.2\n\n"
        "格10 1.0 | 格11 1.1 | 格12 1.2 格22 2.2\n\n"
        "格20 2.0 第二段 7.5 | 格21 2.1 | 格12 1.2 格22 2.2\n")

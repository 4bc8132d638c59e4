"""PDF input: the corpus reports typeset as narrow-column PDFs (``pdf_fixture``) must give back
the same figures as their UTF-8 text, without running headers, footers or page numbers; a
broken, encrypted or text-less PDF is one line on stderr, never a traceback.

Run with ``-s`` to see the agreement figures (PDF text vs. UTF-8 text) for each layout.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from itertools import pairwise
from pathlib import Path

import pytest

pytest.importorskip("reportlab")
pytest.importorskip("pdfplumber")

import pdfplumber
import regex

from ipextract import extract
from ipextract.errors import InputError
from ipextract.ingest import read_bytes

from .conftest import CORPORA
from .pdf_fixture import draw_lines, make_blank_pdf, make_pdf

#: corpus file → running header printed at the top of every page
DOCUMENTS = {
    "wuhan-ip-2024": "武汉知识产权发展与保护状况（2024）",
    "changsha-bulletin-2023": "长沙市2023年国民经济与社会发展统计公报",
}
#: how the PDF is laid out (``make_pdf`` options); each has its own page-number style
LAYOUTS = {
    # filled to the width, first-line indent: a typeset government PDF
    "typeset": {"footer": "— {n} —"},
    # cut after 20 characters: a ragged right edge
    "ragged": {"wrap_chars": 20, "footer": "- {n} -"},
    # no indent, space between paragraphs
    "spaced": {"indent": False, "paragraph_gap": 8.0, "footer": "第{n}页"},
    # ragged, paragraphs not marked at all (only the punctuation tells)
    "unmarked": {"wrap_chars": 18, "indent": False, "footer": "{n}/{n}"},
}
FOOTERS = {
    "typeset": r"—\s*\d+\s*—",
    "ragged": r"(?m)^-\s*\d+\s*-$",
    "spaced": r"第\d+页",
    "unmarked": r"(?m)^\d+/\d+$",
}
MIN_FOUND = 0.98
MAX_EXTRA = 0.02


class Generated:
    def __init__(self, doc: str, layout: str, path: Path, pages: int) -> None:
        self.doc, self.layout, self.path, self.pages = doc, layout, path, pages
        self.original = (CORPORA / f"{doc}.txt").read_text(encoding="utf-8")
        self.header = DOCUMENTS[doc]
        self.data = path.read_bytes()


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Generated]:
    folder = tmp_path_factory.mktemp("pdf")
    out = {}
    for doc, header in DOCUMENTS.items():
        text = (CORPORA / f"{doc}.txt").read_text(encoding="utf-8")
        for layout, options in LAYOUTS.items():
            path = folder / f"{doc}.{layout}.pdf"
            pages = make_pdf(text, path, header, **options)
            out[doc, layout] = Generated(doc, layout, path, pages)
    return out


CASES = [(doc, layout) for doc in DOCUMENTS for layout in LAYOUTS]
IDS = [f"{doc}-{layout}" for doc, layout in CASES]


def _raw_lines(path: Path) -> list[list[str]]:
    with pdfplumber.open(path) as pdf:
        return [[line["text"] for line in page.extract_text_lines(return_chars=False)]
                for page in pdf.pages]


@pytest.mark.parametrize(("doc", "layout"), CASES, ids=IDS)
def test_pdf_is_read_without_running_headers_and_footers(
        generated: dict[tuple[str, str], Generated], doc: str, layout: str) -> None:
    pdf = generated[doc, layout]
    assert pdf.pages >= 5, "the fixture should run over several pages"
    source = read_bytes(pdf.data, "x.pdf")
    assert source.format == "pdf"
    assert source.encoding == "pdf"
    assert source.pages == pdf.pages
    # the header line is gone from every page; the title in the body (changsha) stays
    assert source.text.count(pdf.header) == pdf.original.count(pdf.header)
    assert not regex.search(FOOTERS[layout], source.text), "a page number was left in"
    # each page's text starts where its first body line (after the header) was put
    raw = _raw_lines(pdf.path)
    assert len(source.page_starts) == pdf.pages
    assert source.page_starts[0] == 0
    for number, (start, lines) in enumerate(zip(source.page_starts, raw, strict=True), 1):
        assert source.text[start:].startswith(lines[1]), f"page {number}"
        assert source.page_of(start) == number


def test_fixture_breaks_numbers_across_lines_and_pages(
        generated: dict[tuple[str, str], Generated]) -> None:
    """Otherwise the agreement test would prove little."""
    within = across = 0
    for pdf in generated.values():
        raw = _raw_lines(pdf.path)
        within += sum(1 for page in raw for a, b in pairwise(page)
                      if a[-1].isdigit() and b[0].isdigit())
        across += sum(1 for a, b in pairwise(raw) if a[-2][-1].isdigit() and b[1][0].isdigit())
    assert within >= 10
    assert across >= 1


def _figures(text: str) -> Counter[tuple[object, str, str]]:
    return Counter((r.value, r.unit, r.metric) for r in extract(text).records)


@pytest.mark.parametrize(("doc", "layout"), CASES, ids=IDS)
def test_pdf_figures_agree_with_the_utf8_text(
        generated: dict[tuple[str, str], Generated], doc: str, layout: str) -> None:
    pdf = generated[doc, layout]
    original = _figures(pdf.original)
    from_pdf = _figures(read_bytes(pdf.data, "x.pdf").text)
    total = sum(original.values())
    found = sum((original & from_pdf).values())
    extra = sum((from_pdf - original).values())
    summary = (f"{doc} [{layout}, {pdf.pages} pages]: {total} figures in the text, "
               f"{found} found again in the PDF ({found / total:.1%}), {extra} extra")
    print(summary)
    assert found >= MIN_FOUND * total, (summary, sorted(original - from_pdf, key=str)[:10])
    assert extra <= MAX_EXTRA * total, (summary, sorted(from_pdf - original, key=str)[:10])


def test_lines_are_rejoined_without_a_separator_also_across_pages(tmp_path: Path) -> None:
    """…and a heading printed twice (fake bold) is read once."""
    path = tmp_path / "exact.pdf"
    draw_lines(path, [
        [">2024年，武汉知识产权创造呈现高质量发展",
         "态势。全市全年专利授权总量累计合计达到7129",
         "2件，同比增长19.19%。",
         "*二、知识产权保护",
         ">武汉知识产权保护中心服务效能显著提升，",
         "专利快速预审服务共授权2879件，其平均审查周"],
        ["期压缩70%。截至2024年底，累计受理快速预",
         "审案件12824件。"],
    ], title="武汉知识产权白皮书")
    source = read_bytes(path.read_bytes(), "exact.pdf")
    assert source.text == (
        "2024年，武汉知识产权创造呈现高质量发展态势。全市全年专利授权总量累计合计达到"
        "71292件，同比增长19.19%。\n\n"
        "二、知识产权保护\n\n"
        "武汉知识产权保护中心服务效能显著提升，专利快速预审服务共授权2879件，其平均审查周"
        "期压缩70%。截至2024年底，累计受理快速预审案件12824件。\n")
    assert source.pages == 2
    assert source.page_starts == (0, source.text.index("期压缩"))


def test_kangxi_radicals_from_a_text_layer_become_ordinary_characters() -> None:
    from ipextract.ingest.pdf import _clean

    assert _clean("全年地区⽣产总值14331.98亿元，⼈均") == "全年地区生产总值14331.98亿元，人均"


# --- broken input -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory,
           generated: dict[tuple[str, str], Generated]) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("broken")
    good = generated["changsha-bulletin-2023", "typeset"]
    files = {
        "truncated": good.data[:120],
        "garbage": b"%PDF-1.4\n" + bytes(range(256)) * 16,
    }
    paths = {}
    for kind, data in files.items():
        paths[kind] = folder / f"{kind}.pdf"
        paths[kind].write_bytes(data)
    paths["encrypted"] = folder / "encrypted.pdf"
    make_pdf(good.original[:600], paths["encrypted"], "加密", encrypt="secret")
    paths["no-text"] = folder / "no-text.pdf"
    make_blank_pdf(paths["no-text"])
    return paths


EXPECTED = {
    "truncated": "not a PDF (truncated at byte 120)",
    "garbage": "not a PDF (",
    "encrypted": "encrypted PDF (a password is needed)",
    "no-text": "no text layer (a scanned PDF needs OCR)",
}


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_broken_pdf_is_one_line_input_error(broken: dict[str, Path], kind: str) -> None:
    path = broken[kind]
    with pytest.raises(InputError) as caught:
        read_bytes(path.read_bytes(), str(path))
    message = str(caught.value)
    assert "\n" not in message
    assert EXPECTED[kind] in message
    assert message.startswith(f"{path}: ")


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_broken_pdf_on_the_command_line(broken: dict[str, Path], kind: str) -> None:
    result = subprocess.run([sys.executable, "-m", "ipextract", "extract", str(broken[kind])],
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("ipextract: ")
    assert EXPECTED[kind] in lines[0]


def test_pdf_on_the_command_line(generated: dict[tuple[str, str], Generated]) -> None:
    pdf = generated["wuhan-ip-2024", "typeset"]
    result = subprocess.run([sys.executable, "-m", "ipextract", "extract", str(pdf.path)],
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert '"71292"' in result.stdout or "71292" in result.stdout


def test_without_the_pdf_reader_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    # PDFs are read with pypdfium2 alone (pdfplumber is only a test dependency now)
    monkeypatch.setitem(sys.modules, "pypdfium2", None)  # import pypdfium2 → ImportError
    with pytest.raises(InputError, match=r"\[formats\] extra"):
        read_bytes(b"%PDF-1.4\n", "x.pdf")

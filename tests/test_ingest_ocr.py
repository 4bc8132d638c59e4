"""Scanned PDFs, read by OCR (``ipextract.ingest.ocr``).

The repairs, the choice of pages, the word → line assembly and the errors are tested without
Tesseract. The OCR tests proper read a page or two of a scan the suite makes itself (a PDF typeset
by ``pdf_fixture``, rendered, turned, speckled and put back as images: ``scan_fixture``); they
skip where Tesseract or its Chinese model is missing, except under CI (``CI=true``), which
installs them. The four gold documents scanned whole are scored by ``benchmarks/ocr_gold.py``
(minutes, not seconds).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ipextract import extract
from ipextract.cli import main
from ipextract.errors import InputError, UsageError
from ipextract.ingest import ocr, read_bytes
from ipextract.ingest.ocr import ScannedSource, annotate, pages_to_read, repair
from ipextract.pipeline import extract_source

from .conftest import CORPORA


def _tesseract_ready() -> bool:
    if shutil.which("tesseract") is None:
        return False
    result = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, check=False)
    return "chi_sim" in result.stdout.split()


def _cjk_font() -> bool:
    """The typeset fixtures use a PDF base font that is not embedded: rendering them needs a
    Chinese font on the system (Debian's fonts-noto-cjk, which .ci/run installs)."""
    if shutil.which("fc-list") is None:
        return False
    return bool(subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True,
                               check=False).stdout.strip())


def _importable(*names: str) -> bool:
    try:
        for name in names:
            __import__(name)
    except ImportError:
        return False
    return True


READY = _importable("pytesseract", "pypdfium2", "PIL", "reportlab") and _tesseract_ready() \
    and _cjk_font()
needs_ocr = pytest.mark.skipif(
    not READY and os.environ.get("CI") != "true",
    reason="needs the [ocr] extra, tesseract-ocr-chi-sim and a Chinese font (CI installs them)")


@pytest.fixture(autouse=True)
def _default_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ocr.ENVIRONMENT, raising=False)


# --- repairs --------------------------------------------------------------------------------

REPAIRED = [
    ("2O24年", "2024年"),  # O between digits
    ("增长1O.5%", "增长10.5%"),  # O before a decimal point and a digit
    ("约O.5个百分点", "约0.5个百分点"),
    ("7l292件", "71292件"),  # l between digits
    ("19.l9%", "19.19%"),  # l after a decimal point
    ("3I5家", "315家"),  # I between digits
    ("增长19，19%", "增长19.19%"),  # a comma for the decimal point of a percentage
    ("增长19,1%", "增长19.1%"),
    ("增长26:7%", "增长26.7%"),  # a colon there
    ("增长5。2‰", "增长5.2‰"),
    ("实用新型专利授权量19，86万件", "实用新型专利授权量19.86万件"),  # a comma in a count
    ("增加8.8件和4，2件", "增加8.8件和4.2件"),
    ("授权量33.5]万件", "授权量33.51万件"),  # ] for a final 1
    ("市检察机关办理的]起侵犯商业秘密案", "市检察机关办理的1起侵犯商业秘密案"),  # ] for a lone 1
    ("人口出生率7.86%o;", "人口出生率7.86‰;"),  # ‰ read as %o
    ("增加9%.25万人", "增加9.25万人"),  # a % inside a number
    ("支出1528.9%6亿元", "支出1528.96亿元"),
    ("1.2忆元", "1.2亿元"),  # 忆 after a digit
    ("一7一", "—7—"),  # a page number with 一 for its dashes
    ("一 12 一", "— 12 —"),
    ("@@发明专利授权量", "●发明专利授权量"),  # a bullet read as @@
]
KEPT = [
    "O2O模式",  # an O not between digits
    "ISO9001认证",
    "PM2.5浓度",
    "Wi-Fi 6",
    "3、5家",  # the enumeration comma Chinese lists figures with (a comma right between
    # digits is not: 4，2件 is 4.2件)
    "共3，其中",  # a comma after a figure, before words
    "71,292件",  # a thousands separator: three digits follow
    "增长5%。2024年",  # a sentence ends, another starts with a year
    "比例为1:2",  # a ratio
    "2024年1，2月",  # a comma between months
    "增长5%，2项",  # a comma after a percentage
    "71,292,000元",  # thousands separators
    "[12]万",  # a bracket not after a decimal
    "［注］件",  # a bracket that closes one
    "[见附表]起",
    "5%off",  # %o inside a word
    "回忆录",  # 忆 not after a digit
    "2024年一季度",  # 一 in a line that is not a page number
    "一二三",
    "l9.5%",  # l at the start of a number: not told from a label
    "联系邮箱@",
]


@pytest.mark.parametrize(("read", "meant"), REPAIRED, ids=[r for r, _ in REPAIRED])
def test_unambiguous_confusions_are_repaired(read: str, meant: str) -> None:
    assert repair(read) == meant


@pytest.mark.parametrize("read", KEPT)
def test_anything_ambiguous_stays_as_read(read: str) -> None:
    assert repair(read) == read


def test_a_number_broken_across_lines_is_repaired_as_one() -> None:
    lines = ["全年全省专利授权量33.5]", "万件，增长19，", "19%，增加9%", ".25万人", "一7一", "回忆"]
    assert ocr.repair_lines(lines) == [
        "全年全省专利授权量33.51", "万件，增长19.", "19%，增加9", ".25万人", "—7—", "回忆"]
    assert ocr.repair_lines([]) == []


# --- words → lines -------------------------------------------------------------------------


def _words(*words: tuple[str, int, int, int, float], line: int = 1) -> dict[str, list[object]]:
    """image_to_data's columns for ``words`` (text, left, width, top, confidence), all of one
    line; a page-level row (confidence -1) first, as Tesseract gives."""
    data: dict[str, list[object]] = {k: [] for k in (
        "text", "conf", "left", "top", "width", "height", "block_num", "par_num", "line_num")}
    rows = [("", 0, 1200, 0, -1.0), *words]
    for text, left, width, top, confidence in rows:
        for key, value in zip(data, (text, confidence, left, top, width, 40, 1, 1, line)):
            data[key].append(value)
    return data


def test_words_become_lines_in_pdf_points_with_the_mean_confidence() -> None:
    data = _words(("全市专利授权量", 300, 280, 600, 95.0), ("7l292", 580, 100, 600, 80.0),
                  ("件。", 682, 80, 600, 90.0))
    page = ocr._page(data, 3, 72 / 300)
    assert page.number == 3
    assert [line.text for line in page.lines] == ["全市专利授权量71292件。"]  # repaired too
    line = page.lines[0]
    assert (line.x0, line.x1, line.top, line.bottom) == pytest.approx((72.0, 182.88, 144.0, 153.6))
    assert page.confidence == pytest.approx(88.3)
    assert page.chars == len("全市专利授权量71292件。")


def test_words_far_apart_or_latin_are_spaced_and_chinese_is_not() -> None:
    assert ocr._glue([("专利", 0, 80, 40), ("授权", 100, 180, 40)]) == "专利授权"
    assert ocr._glue([("13", 0, 40, 40), ("5", 200, 220, 40), ("7", 400, 420, 40)]) == "13 5 7"
    assert ocr._glue([("World", 0, 80, 40), ("Bank", 95, 160, 40)]) == "World Bank"
    assert ocr._glue([("PCT", 0, 60, 40), ("国际", 70, 150, 40)]) == "PCT国际"
    assert ocr._glue([("76512", 0, 100, 40), ("21.4%", 120, 200, 40)]) == "76512 21.4%"
    assert ocr._glue([("1528.9", 0, 100, 40), ("6亿元", 106, 200, 40)]) == "1528.96亿元"
    assert ocr._glue([("增长", 0, 80, 40), ("2024", 98, 180, 40)]) == "增长2024"
    # a table row's bars stand apart, as in the text layer: 专利授权量 | 335125 | -3.5%
    assert ocr._glue([("专利授权量|", 0, 210, 40), ("335125", 230, 340, 40), ("|-3.5%", 350, 460, 40)]) \
        == "专利授权量 | 335125 | -3.5%"


def test_a_page_tesseract_read_nothing_on_has_confidence_zero() -> None:
    page = ocr._page(_words(), 1, 72 / 300)
    assert page.lines == () and page.confidence == 0.0


def _drawn(text: str) -> tuple[object, tuple[int, int, int, int]]:
    """``text`` drawn black on white with Pillow's own font, and its box (left, top, width,
    height)."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.load_default(size=44)
    image = Image.new("L", (400, 80), 255)
    draw = ImageDraw.Draw(image)
    draw.text((20, 10), text, font=font, fill=0)
    left, top, right, bottom = draw.textbbox((20, 10), text, font=font)
    return image, (left, top, right - left, bottom - top)


@pytest.mark.parametrize(("drawn", "read", "restored"), [
    ("4.8%", "48%", "4.8%"),  # the dot between two glyphs goes back
    ("0.91", "091", "0.91"),
    ("14331.98", "1433198", "14331.98"),
    ("48%", "48%", "48%"),  # no dot: as read
    ("4,8", "48", "48"),  # a comma is not a point
    ("4.8%", "4%", "4%"),  # glyphs and characters do not agree: as read
])
def test_a_lost_decimal_point_is_put_back_only_when_the_image_shows_it(
        drawn: str, read: str, restored: str) -> None:
    pytest.importorskip("PIL")
    image, (left, top, width, height) = _drawn(drawn)
    data = _words((read, left, width, top, 90.0))
    data["height"] = [40, height]
    ocr._restore_points(image, data)
    assert data["text"][1] == restored


def test_a_box_that_starts_at_the_point_takes_in_the_digit_before_it() -> None:
    pytest.importorskip("PIL")
    image, (left, top, width, height) = _drawn("5.3%")
    _, (_, _, five, _) = _drawn("5")
    start = left + five + 1  # Tesseract's box for 53% began after the 5
    data = _words(("53%", start, left + width - start, top, 90.0))
    data["height"] = [40, height]
    ocr._restore_points(image, data)
    assert data["text"][1] == "5.3%"


def test_a_point_that_ends_a_line_goes_back_when_the_number_goes_on_below() -> None:
    pytest.importorskip("PIL")
    image, (left, top, width, height) = _drawn("5.")
    for below, read in (("86万次", "5."), ("万次", "5")):  # (a word, not a number, below: as read)
        data = _words(("5", left, width, top, 90.0), (below, 20, 100, top + 60, 90.0))
        data["height"] = [40, height, height]
        data["line_num"] = [1, 1, 2]
        ocr._restore_points(image, data)
        assert data["text"][1] == read


def _page_of(number: int, texts: list[str], tops: list[float]) -> ocr.ScannedPage:
    return ocr.ScannedPage(number, tuple(ocr.ScannedLine(text, 36.0, 264.0, top, top + 10.5)
                                         for text, top in zip(texts, tops, strict=True)), 90.0)


def test_a_running_header_read_unevenly_is_given_one_reading() -> None:
    body = [f"第{n}页的正文，各不相同的一行字。" for n in range(6)]
    pages = [_page_of(n + 1, ["武汉知识产权发展与保护状况" if n % 3 else "武汉知识产权发展年保护状况",
                              body[n], f"— {n + 1} —"], [30.0, 60.0, 410.0]) for n in range(6)]
    read = ocr._same_running_lines(pages)
    assert {page.lines[0].text for page in read} == {"武汉知识产权发展与保护状况"}
    assert [page.lines[1].text for page in read] == body  # the text is left alone…
    assert [page.lines[2].text for page in read] == [f"— {n} —" for n in range(1, 7)]  # …and numbers


def test_misread_page_numbers_are_dropped_and_text_is_not() -> None:
    body = [60.0, 76.0, 92.0, 108.0]
    pages = [_page_of(1, ["正文一", "正文二", "正文三", "了二"], [*body[:3], 400.0]),
             _page_of(2, ["正文一", "正文二", "正文三", "一 站 一"], [*body[:3], 401.0]),
             # a short last line of text, right under the line above: kept
             _page_of(3, ["正文一", "正文二", "正文三", "增长5%。"], body),
             # one page alone with a short line at the foot is no pattern: kept
             ]
    kept = ocr._without_page_numbers(pages)
    assert [[line.text for line in page.lines] for page in kept] == [
        ["正文一", "正文二", "正文三"], ["正文一", "正文二", "正文三"],
        ["正文一", "正文二", "正文三", "增长5%。"]]
    alone = ocr._without_page_numbers([pages[0], pages[2]])
    assert [len(page.lines) for page in alone] == [4, 4]


# --- which pages, which mode ----------------------------------------------------------------


def test_auto_reads_pages_without_text_or_with_a_few_stray_characters() -> None:
    chars = [800, 0, 3, ocr.STRAY_CHARS, ocr.STRAY_CHARS - 1]
    assert pages_to_read(chars) == [2, 3, 5]
    assert pages_to_read(chars, "always") == [1, 2, 3, 4, 5]
    assert pages_to_read(chars, "never") == []
    assert pages_to_read([900, 750]) == []  # a PDF with a text layer is not read by OCR


def test_ocr_replaces_a_sparse_text_layer_only_when_it_reads_a_page_of_text() -> None:
    assert ocr._reads_more(1, 0)  # any text beats none
    assert not ocr._reads_more(0, 0)
    assert ocr._reads_more(480, 3)  # a scan stamped with its page number
    assert not ocr._reads_more(16, 15)  # a sparse page of text, read again
    assert not ocr._reads_more(39, 15) and ocr._reads_more(40, 15)


def test_the_mode_comes_from_the_argument_the_environment_or_auto(
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert ocr.ocr_mode() == "auto"
    monkeypatch.setenv(ocr.ENVIRONMENT, "never")
    assert ocr.ocr_mode() == "never"
    assert ocr.ocr_mode("always") == "always"
    with pytest.raises(UsageError, match="must be one of auto, always, never"):
        ocr.ocr_mode("sometimes")
    assert ocr.set_mode(None) == "never"
    assert ocr.ENVIRONMENT not in os.environ


def test_a_text_pdf_is_not_read_by_ocr(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    pytest.importorskip("reportlab")
    from .pdf_fixture import make_pdf

    def no_ocr(*args: object) -> None:
        raise AssertionError("OCR was run on a PDF with a text layer")

    monkeypatch.setattr(ocr, "read_pages", no_ocr)
    path = tmp_path / "x.pdf"
    make_pdf((CORPORA / "hefei-news-2024.txt").read_text(encoding="utf-8"), path, "合肥")
    source = read_bytes(path.read_bytes(), "x.pdf")
    assert not isinstance(source, ScannedSource)
    assert "5.12万件" in source.text


def test_a_text_pdf_with_a_blank_page_needs_no_ocr_extra(monkeypatch: pytest.MonkeyPatch,
                                                        tmp_path: Path) -> None:
    pytest.importorskip("reportlab")
    from .pdf_fixture import draw_lines

    monkeypatch.setattr(ocr, "available", lambda: False)
    path = tmp_path / "x.pdf"
    draw_lines(path, [[">全市专利授权总量达到71292件，同比增长19.19%。"] * 3, []], "标题")
    source = read_bytes(path.read_bytes(), "x.pdf")
    assert "71292件" in source.text and not isinstance(source, ScannedSource)


# --- errors ---------------------------------------------------------------------------------


def _scan_of_lines(tmp_path: Path, pages: list[list[str]], dpi: int = 300) -> bytes:
    from .pdf_fixture import draw_lines
    from .scan_fixture import scan_pdf

    path = tmp_path / "typeset.pdf"
    draw_lines(path, pages, "武汉知识产权发展与保护状况（2024）")
    return scan_pdf(path, dpi)


@pytest.mark.parametrize(("dpi", "window"), [(300, 3), (240, 3), (150, 5), (100, 5)])
def test_the_despeckle_window_follows_the_resolution_the_page_was_scanned_at(
        tmp_path: Path, dpi: int, window: int) -> None:
    pdfium = pytest.importorskip("pypdfium2")
    pytest.importorskip("PIL")
    document = pdfium.PdfDocument(_scan_of_lines(tmp_path, PAGES[:1], dpi))
    resolution = ocr.scan_resolution(document[0])
    assert resolution is not None and abs(resolution - dpi) < 1
    assert ocr.despeckle_window(resolution) == window


def test_a_page_without_an_image_has_no_scan_resolution(tmp_path: Path) -> None:
    pdfium = pytest.importorskip("pypdfium2")
    from .pdf_fixture import draw_lines

    path = tmp_path / "typeset.pdf"
    draw_lines(path, PAGES[:1], "标题")
    assert ocr.scan_resolution(pdfium.PdfDocument(path.read_bytes())[0]) is None


def test_without_the_extra_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("PIL")
    from .scan_fixture import blank_scan

    monkeypatch.setattr(ocr, "_ready", False)
    monkeypatch.setitem(sys.modules, "pytesseract", None)  # import fails
    with pytest.raises(InputError) as caught:
        read_bytes(blank_scan(1), "scan.pdf")
    message = str(caught.value)
    assert message == ("scan.pdf: no text layer (a scanned PDF needs OCR): pip install "
                       "'ipextract[ocr]' and Debian's tesseract-ocr and tesseract-ocr-chi-sim [E101]")
    assert "\n" not in message


def test_without_the_tesseract_program_the_error_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    pytesseract = pytest.importorskip("pytesseract")
    pytest.importorskip("pypdfium2")
    from .scan_fixture import blank_scan

    monkeypatch.setattr(ocr, "_ready", False)
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    with pytest.raises(InputError, match=r"^scan.pdf: no text layer \(a scanned PDF needs OCR\), "
                                         r"and the tesseract program is missing: apt-get install "
                                         r"tesseract-ocr tesseract-ocr-chi-sim \[E101\]$"):
        read_bytes(blank_scan(1), "scan.pdf")


def test_with_ocr_never_a_scan_is_the_error_it_was() -> None:
    pytest.importorskip("PIL")
    from ipextract.ingest.pdf import read_pdf

    from .scan_fixture import blank_scan

    with pytest.raises(InputError, match=r"^scan.pdf: no text layer \(a scanned PDF needs OCR\), "
                                         r"and OCR is off \(--ocr never\) \[E101\]$"):
        read_pdf(blank_scan(2), "scan.pdf", ocr="never")


def test_more_pages_to_read_than_the_limit_is_an_error_at_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("PIL")
    from .scan_fixture import blank_scan

    monkeypatch.setattr(ocr, "available", lambda: True)
    monkeypatch.setattr(ocr, "read_pages", lambda *a: pytest.fail("OCR should not start"))
    started = time.monotonic()
    with pytest.raises(InputError, match=r"^big.pdf: 500 pages to read by OCR, more than the limit "
                                         r"of 300 \(split the file, or --ocr never\) \[E101\]$"):
        read_bytes(blank_scan(500, dpi=30), "big.pdf")
    assert time.monotonic() - started < 60


# --- OCR itself -----------------------------------------------------------------------------

#: two pages (the running header and the page numbers are told by coming back on each)
PAGES = [[
    ">2024年，武汉知识产权创造呈现高质量发展",
    "态势。全市专利授权总量达到71292件，同比增",
    "长19.19%。企业发明专利授权量达到14551件，",
], [
    "占全市总量的57.67%。",
    ">全市商标有效注册量累计达55.80万件。",
]]
TEXT = ("2024年，武汉知识产权创造呈现高质量发展态势。全市专利授权总量达到71292件，同比增长19.19%。"
        "企业发明专利授权量达到14551件，占全市总量的57.67%。\n\n全市商标有效注册量累计达55.80万件。\n")


@needs_ocr
@pytest.mark.parametrize("dpi", [300, 150])
def test_a_scanned_page_is_read_by_ocr_into_paragraphs(tmp_path: Path, dpi: int) -> None:
    source = read_bytes(_scan_of_lines(tmp_path, PAGES, dpi), "scan.pdf")
    assert isinstance(source, ScannedSource)
    assert source.pages == 2
    if dpi == 300:
        # the running header and the page numbers are gone, the lines re-joined (across the
        # page break too), as for a text layer, every character read right
        assert source.text == TEXT
        assert source.page_starts == (0, TEXT.index("占全市"))
    # (at 150 dpi a few characters of words are misread, 累计达 as 果计汰: not the figures)
    assert [page.number for page in source.scanned] == [1, 2]
    assert all(60 < page.confidence <= 100 for page in source.scanned)
    document = extract_source(source)  # what the command line does with a file
    assert document.records == annotate(extract(source.text, page_starts=source.page_starts),
                                        source).records
    assert [(r.surface, r.read_by, r.page) for r in document.records] == [
        ("71292件", "ocr", 1), ("19.19%", "ocr", 1), ("14551件", "ocr", 1), ("57.67%", "ocr", 2),
        ("55.80万件", "ocr", 2)]
    assert all(document.text[r.start:r.end] == r.surface for r in document.records)
    assert [p.model_dump() for p in document.document.ocr] == [
        {"page": page.number, "confidence": page.confidence} for page in source.scanned]


@needs_ocr
def test_the_command_line_reads_a_scan_unless_told_never(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(_scan_of_lines(tmp_path, PAGES[:1]))
    assert main(["text", str(path)]) == 0
    assert "71292件" in capsys.readouterr().out
    assert main(["extract", str(path)]) == 0
    output = json.loads(capsys.readouterr().out)
    assert [page["page"] for page in output["document"]["ocr"]] == [1]
    assert {record["read_by"] for record in output["records"]} == {"ocr"}
    assert main(["extract", "--ocr", "never", str(path)]) == 2
    err = capsys.readouterr().err
    assert err == (f"ipextract: {path}: no text layer (a scanned PDF needs OCR), and OCR is off "
                   "(--ocr never) [E101]\n")
    assert ocr.ENVIRONMENT not in os.environ  # the setting does not outlive the command


@needs_ocr
def test_a_blank_scan_is_an_error_after_ocr(tmp_path: Path) -> None:
    from .pdf_fixture import make_blank_pdf
    from .scan_fixture import scan_pdf

    make_blank_pdf(tmp_path / "blank.pdf")
    with pytest.raises(InputError, match=r"no text layer \(a scanned PDF needs OCR\), and OCR read "
                                         r"no text in it \[E101\]$"):
        read_bytes(scan_pdf(tmp_path / "blank.pdf", 150), "scan.pdf")


@needs_ocr
def test_a_long_scan_stops_at_the_time_limit(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """500 image pages (each one bar and speckle) with the page limit lifted: --time-limit
    stops the OCR with the one-line timeout error, in about the time asked."""
    from .scan_fixture import blank_scan

    monkeypatch.setattr(ocr, "MAX_PAGES", 1000)
    path = tmp_path / "long.pdf"
    path.write_bytes(blank_scan(500, dpi=30))
    started = time.monotonic()
    assert main(["extract", "--time-limit", "3", str(path)]) == 2
    elapsed = time.monotonic() - started
    assert capsys.readouterr().err == (f"ipextract: {path}: took longer than the limit of 3 s "
                                       "(--time-limit) [E104]\n")
    assert elapsed < 30
    assert ocr.stop_tesseract() == []  # the page under way was stopped with the document

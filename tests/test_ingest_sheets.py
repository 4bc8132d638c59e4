"""Spreadsheets: workbooks and CSV files built here from the tables of the corpus texts (no
binary blobs from elsewhere), read through the pipeline, and their records compared with the
records of the same tables as text; and broken workbooks."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import time
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pytest

from ipextract import extract
from ipextract.errors import InputError
from ipextract.ingest import read_bytes, read_source, sniff
from ipextract.ingest.sheets import number_text
from ipextract.models import Record
from ipextract.pipeline import extract_source

from .conftest import CORPORA

openpyxl = pytest.importorskip("openpyxl")

AGREEMENT: dict[str, tuple[int, int, int]] = {}  # printed at the end of the module for the README
_UNIT = re.compile(r"^[（(]?单位[：:].*$")
_TITLE = re.compile(r"^附?表")


@dataclass
class Table:
    title: str | None = None
    unit: str | None = None
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


def corpus_table_text(document: str, first: str) -> str:
    """The part of a corpus text from the line starting with ``first`` through the last table
    row after it: the tables as the text version gives them."""
    lines = (CORPORA / document).read_text(encoding="utf-8").split("\n")
    start = next(n for n, line in enumerate(lines) if line.startswith(first))
    end = start
    for n in range(start, len(lines)):
        if "|" in lines[n]:
            end = n
        elif lines[n].strip() and n > end + 2:
            break
    return "\n".join(lines[start:end + 1]) + "\n"


def parse_tables(text: str) -> list[Table]:
    tables: list[Table] = []
    title = None
    for line in (line.strip() for line in text.split("\n")):
        if not line:
            continue
        if _TITLE.match(line):
            title = line
        elif _UNIT.match(line):
            tables.append(Table(title=title, unit=line))
            title = None
        elif "|" in line:
            if not tables or tables[-1].rows and not tables[-1].header:
                tables.append(Table(title=title))
                title = None
            cells = [cell.strip() for cell in line.split("|")]
            if tables[-1].header:
                tables[-1].rows.append(cells)
            else:
                tables[-1].header = cells
    return tables


ZHEJIANG = corpus_table_text("zhejiang-ip-2024.txt", "附表")
COMPANY = corpus_table_text("firstsight/company-annual-report-2024.txt", "单位：万元")


def test_the_corpus_tables_are_found() -> None:
    """(counted by hand in the corpus files: 10 + 3 + 2 rows under three headers in the
    Zhejiang annex; 9 rows in the company's table)"""
    zhejiang, company = parse_tables(ZHEJIANG), parse_tables(COMPANY)
    assert [len(t.rows) for t in zhejiang] == [10, 3, 2]
    assert zhejiang[0].title == "附表  2024年浙江省主要知识产权指标" and zhejiang[0].unit == "（单位：件）"
    assert zhejiang[1].header == ["指标", "金额", "同比增长"]
    assert [len(t.rows) for t in company] == [9] and company[0].unit == "单位：万元"
    assert company[0].header == ["项目", "2024年", "2023年", "本年比上年增减"]


# ---------------------------------------------------------------- building the workbook

_PERCENT = re.compile(r"^([-+]?[0-9]+(?:\.([0-9]+))?)%$")
_NUMBER = re.compile(r"^[-+]?[0-9][0-9,]*(?:\.([0-9]+))?$")
HIDDEN = 2  # column B: a helper column, hidden


def _put(sheet, row: int, column: int, text: str):  # type: ignore[no-untyped-def]
    """A cell as a spreadsheet holds it: 12.5% as 0.125 with a percentage format, 486,237.52
    as a number with a thousands format, anything else as text."""
    cell = sheet.cell(row=row, column=column)
    percent, number = _PERCENT.match(text), _NUMBER.match(text)
    if percent:
        decimals = len(percent.group(2) or "")
        cell.value = float(Decimal(percent.group(1)) / 100)
        cell.number_format = "0" + ("." + "0" * decimals if decimals else "") + "%"
    elif number:
        decimals = len(number.group(1) or "")
        plain = text.replace(",", "")
        cell.value = float(plain) if decimals else int(plain)
        cell.number_format = ("#,##0" if "," in text else "0") + ("." + "0" * decimals if decimals else "")
    else:
        cell.value = text
    return cell


def _column(logical: int) -> int:
    """Sheet column of the table's column ``logical`` (1-based): B is the hidden one."""
    return 1 if logical == 1 else logical + 1


def build_sheet(sheet, tables: list[Table], *, group_header: str, unit_right: bool,
                sub_rows: dict[str, str], indented: frozenset[str] = frozenset(),
                hidden_row: bool = False) -> dict[str, tuple[int, int]]:  # type: ignore[no-untyped-def]
    """The tables laid out as a statistics office lays them out: a title merged across the
    table, the unit note on a row of its own (or at the right end of it), a group heading merged
    over the value columns with the row-heading cell merged down over two heading rows, a hidden
    helper column, ``其中：`` rows before the parts (indented), a blank row between tables and a
    footnote (and, with ``hidden_row``, a hidden row after the first table's rows). Returns where
    each row heading's first value went."""
    from openpyxl.styles import Alignment

    places: dict[str, tuple[int, int]] = {}
    row = 1
    for table in tables:
        width = len(table.header)
        last = _column(width)
        if table.title:
            sheet.cell(row=row, column=1, value=table.title)
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
            row += 1
        if table.unit:
            sheet.cell(row=row, column=last if unit_right else 1, value=table.unit)
            row += 1
        # two heading rows: the group heading over the value columns, the row-heading cell
        # merged down over both
        sheet.cell(row=row, column=1, value=table.header[0])
        sheet.merge_cells(start_row=row, start_column=1, end_row=row + 1, end_column=1)
        sheet.cell(row=row, column=_column(2), value=group_header)
        sheet.merge_cells(start_row=row, start_column=_column(2), end_row=row, end_column=last)
        sheet.cell(row=row, column=HIDDEN, value="上年同期")
        row += 1
        for logical, heading in enumerate(table.header[1:], start=2):
            sheet.cell(row=row, column=_column(logical), value=heading)
        row += 1
        for number, cells in enumerate(table.rows):
            if cells[0] in sub_rows:
                sheet.cell(row=row, column=1, value=sub_rows[cells[0]])
                row += 1
            sheet.cell(row=row, column=1, value=cells[0])
            if cells[0] in indented:
                sheet.cell(row=row, column=1).alignment = Alignment(indent=2)
            sheet.cell(row=row, column=HIDDEN, value=900000 + number)  # never read: hidden
            for logical, text in enumerate(cells[1:], start=2):
                _put(sheet, row, _column(logical), text)
            places[cells[0]] = (row, _column(2))
            row += 1
        if hidden_row:  # a row of the old definition, hidden: not read
            _put(sheet, row, 1, "旧口径专利授权量")
            _put(sheet, row, _column(2), "1234")
            _put(sheet, row, _column(3), "5.6%")
            sheet.row_dimensions[row].hidden = True
            row += 1
            hidden_row = False
        row += 1  # a blank row between tables
    sheet.cell(row=row, column=1, value="注：本表数据为快报数据，以正式公布为准。")
    sheet.column_dimensions["B"].hidden = True
    return places


def with_cached_value(data: bytes, member: str, formula: str, value: str) -> bytes:
    """openpyxl writes a formula without its value, as a program that does not calculate
    does; Excel stores the value it calculated beside the formula, as here."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == member:
                old = f"<f>{formula}</f><v></v>".encode()
                assert old in content
                content = content.replace(old, f"<f>{formula}</f><v>{value}</v>".encode())
            target.writestr(info, content)
    return out.getvalue()


def corpus_workbook() -> tuple[bytes, dict[str, dict[str, tuple[int, int]]]]:
    workbook = openpyxl.Workbook()
    zhejiang = workbook.active
    zhejiang.title = "知识产权"
    places = {"知识产权": build_sheet(
        zhejiang, parse_tables(ZHEJIANG), group_header="2024年", unit_right=False,
        sub_rows={"发明专利授权量": "其中："},
        indented=frozenset({"发明专利授权量", "实用新型专利授权量", "外观设计专利授权量"}), hidden_row=True)}
    # 专利授权量 = 发明 + 实用新型 + 外观设计: 76512 + 198601 + 60012 = 335125 (added by hand)
    total_row, column = places["知识产权"]["专利授权量"]
    letter = openpyxl.utils.get_column_letter(column)
    parts = [places["知识产权"][name][0] for name in ("发明专利授权量", "实用新型专利授权量", "外观设计专利授权量")]
    formula = "+".join(f"{letter}{part}" for part in parts)
    zhejiang.cell(row=total_row, column=column, value=f"={formula}")
    company = workbook.create_sheet("主要会计数据")
    places["主要会计数据"] = build_sheet(company, parse_tables(COMPANY), group_header="主要会计数据和财务指标",
                                     unit_right=True, sub_rows={})
    helper = workbook.create_sheet("辅助")  # a hidden sheet: not read
    helper["A1"], helper["B1"] = "专利授权量", 123456
    helper.sheet_state = "hidden"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return with_cached_value(buffer.getvalue(), "xl/worksheets/sheet1.xml", formula, "335125"), places


WORKBOOK, PLACES = corpus_workbook()


# ---------------------------------------------------------------- the comparison


def facts(records: list[Record]) -> Counter[tuple[str, str, str, str]]:
    return Counter((str(r.value.normalize()), r.unit, r.metric, r.kind) for r in records)


def agreement(text_records: list[Record], other: list[Record]) -> tuple[int, int, int]:
    """(records of the text version, found again with the same value/unit/metric/kind, extras)"""
    want, got = facts(text_records), facts(other)
    found = sum((want & got).values())
    return sum(want.values()), found, sum((got - want).values())


def _text_records() -> list[Record]:
    return extract(ZHEJIANG).records + extract(COMPANY).records


def test_workbook_gives_the_records_of_the_text_tables() -> None:
    source = read_bytes(WORKBOOK, "tables.xlsx")
    assert source.format == "xlsx"
    document = extract_source(source)
    text_records = _text_records()
    total, found, extras = agreement(text_records, document.records)
    AGREEMENT["xlsx"] = (total, found, extras)
    # the tables hold 15 rows × 2 values and 9 rows × 3 values: 57 figures (counted by hand)
    assert total == 57
    assert found >= 0.99 * total and extras <= 0.01 * total, (total, found, extras,
                                                              facts(text_records) - facts(document.records),
                                                              facts(document.records) - facts(text_records))


def test_workbook_rendering_reads_as_the_sheet_shows() -> None:
    text = read_bytes(WORKBOOK, "tables.xlsx").text
    lines = text.split("\n")
    assert lines[0] == "【工作表：知识产权】"
    assert "附表 2024年浙江省主要知识产权指标" in lines  # the merged title: one line
    assert "（单位：件）" in lines  # the unit note: a line of its own, as in the text
    assert "指标 | 2024年 | 2024年" in lines  # the group heading spread over its columns
    assert "指标 | 数量 | 同比增长" in lines  # the row-heading cell merged down
    assert "专利授权量 | 335125 | -3.5%" in lines  # the formula's cached value; a percentage
    assert "其中：发明专利授权量 | 76512 | 21.4%" in lines  # 其中： opens the row under it
    assert "900000" not in text and "上年同期" not in text  # the hidden column
    assert "旧口径" not in text and "1234" not in text  # the hidden row
    assert "123456" not in text and "辅助" not in text  # the hidden sheet
    assert "单位：万元" in lines  # at the right end of its row: still a note of its own
    assert "营业收入 | 486237.52 | 432658.37 | 12.38%" in lines
    assert "加权平均净资产收益率（%） | 12.73 | 13.41 | 减少0.68个百分点" in lines
    assert "注：本表数据为快报数据，以正式公布为准。" in lines


def test_workbook_records_carry_their_cell() -> None:
    document = extract_source(read_bytes(WORKBOOK, "tables.xlsx"))
    assert all(document.text[r.start:r.end] == r.surface for r in document.records)
    by_surface = {r.surface: r for r in document.records}
    # (rows and columns as build_sheet laid them out: title, unit, two heading rows, then the
    # rows, 其中： before 发明专利授权量; columns A, hidden B, C, D)
    total = by_surface["335125"]
    assert (total.sheet, total.row, total.column) == ("知识产权", 5, 3)
    assert (total.metric, total.kind) == ("专利授权量", "count")
    growth = by_surface["-3.5%"]
    assert (growth.sheet, growth.row, growth.column, growth.kind, growth.of) == (
        "知识产权", 5, 4, "growth", total.id)
    invention = by_surface["76512"]
    assert (invention.row, invention.column) == (7, 3)  # row 6 is 其中：
    revenue = by_surface["486237.52"]  # 486,237.52 万元 in the text: the value in 元
    assert (revenue.sheet, revenue.row, revenue.column) == ("主要会计数据", 4, 3)
    assert (revenue.value, revenue.unit, revenue.period) == (Decimal(4862375200), "元", "2024年")
    assert PLACES["主要会计数据"]["营业收入"] == (4, 3) and PLACES["知识产权"]["发明专利授权量"] == (7, 3)
    assert all(r.sheet is not None and r.row and r.column for r in document.records
               if r.section == "table")
    # a text's records have no cell
    assert all(r.sheet is None and r.row is None for r in extract(ZHEJIANG).records)


def test_gbk_csv_gives_the_records_of_the_text_table(tmp_path: Path) -> None:
    import csv

    table = parse_tables(COMPANY)[0]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([table.unit, "", "", ""])
    writer.writerow(table.header)
    writer.writerows(table.rows)
    path = tmp_path / "company.csv"
    path.write_bytes(buffer.getvalue().encode("gbk"))
    source = read_source(str(path))
    assert (source.format, source.encoding) == ("csv", "gb18030")
    assert "营业收入 | 486,237.52 | 432,658.37 | 12.38%" in source.text.split("\n")
    document = extract_source(source)
    total, found, extras = agreement(extract(COMPANY).records, document.records)
    AGREEMENT["csv (GBK)"] = (total, found, extras)
    assert total == 27 and found >= 0.99 * total and extras == 0, (total, found, extras)
    revenue = next(r for r in document.records if r.surface == "486,237.52")
    assert (revenue.sheet, revenue.row, revenue.column) == ("company.csv", 3, 2)


def test_tab_separated_text_is_sniffed_as_tsv() -> None:
    table = parse_tables(ZHEJIANG)[0]
    lines = ["\t".join([table.unit or "", "", ""]), "\t".join(table.header)]
    lines += ["\t".join(row) for row in table.rows]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    assert sniff(data, "download.txt") == "tsv"
    source = read_bytes(data, "download.txt")
    assert source.format == "tsv"
    text_version = (table.unit or "") + "\n" + "\n".join(
        " | ".join(cells) for cells in [table.header, *table.rows]) + "\n"
    total, found, extras = agreement(extract(text_version).records, extract_source(source).records)
    assert total == 20 and found == total and extras == 0, (total, found, extras)


def test_prose_with_commas_is_not_csv() -> None:
    corpus = (CORPORA / "zhejiang-ip-2024.txt").read_bytes()
    assert sniff(corpus, "report.txt") == "txt"
    assert sniff("甲,乙,丙\n1,2,3\n".encode(), "short.txt") == "txt"  # two lines: not clear enough


@pytest.mark.parametrize(("raw", "decimals", "percent", "shown"), [
    ("0.30000000000000004", None, False, "0.3"),  # binary noise of a formula
    ("335125", None, False, "335125"),
    ("335125", 0, False, "335125"),
    ("-0.035", 1, True, "-3.5%"),
    ("0.1238", 2, True, "12.38%"),
    ("12.5", 2, False, "12.50"),  # 0.00 shows two decimals
    ("2286.449", 1, False, "2286.4"),
    ("2286.45", 1, False, "2286.5"),  # Excel rounds half up
    ("-0.0001", 1, False, "0.0"),
    ("1E-7", None, False, "0.0000001"),
    ("1E+999999999", None, False, ""),  # not written out digit by digit
    ("123456789012345678901", 30, False, "123456789012346000000." + "0" * 30),  # 15 digits, rounded
])
def test_numbers_are_written_as_the_sheet_shows_them(raw: str, decimals: int | None, percent: bool,
                                                     shown: str) -> None:
    assert number_text(Decimal(raw), decimals, percent) == shown


def test_unit_note_in_the_heading_corner_is_a_note_of_its_own() -> None:
    """单位：亿元 in the corner cell over the row headings (merged down over two heading rows),
    as yearbooks print it: read as the text's note above the table is."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["表1 主要指标"])
    sheet.append(["单位：亿元", "2024年"])
    sheet.append([None, "绝对数"])
    sheet.merge_cells("A2:A3")
    sheet.append(["地区生产总值", 5000.5])
    buffer = io.BytesIO()
    workbook.save(buffer)
    source = read_bytes(buffer.getvalue(), "corner.xlsx")
    lines = source.text.split("\n")
    assert "单位：亿元" in lines and " | 2024年" in lines and " | 绝对数" in lines
    [record] = extract_source(source).records
    # 5000.5亿元 = 500,050,000,000 元
    assert (record.metric, record.value, record.unit, record.row, record.column) == (
        "地区生产总值", Decimal(500050000000), "元", 4, 2)


def test_formula_without_a_cached_value_is_an_empty_cell() -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["指标", "数量"])
    sheet.append(["甲", 5])
    sheet.append(["合计", "=B2*2"])  # no cached value: not guessed
    buffer = io.BytesIO()
    workbook.save(buffer)
    text = read_bytes(buffer.getvalue(), "f.xlsx").text
    assert "合计 | \n" in text and "10" not in text


# ---------------------------------------------------------------- XLS


@pytest.fixture(scope="module")
def corpus_xls(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The corpus workbook saved as Excel 97-2003 by LibreOffice Calc (the suite has no XLS
    writer of its own). Skipped without Calc, except in CI, whose .ci/run installs it."""
    from ipextract.ingest.legacy import soffice

    program = soffice()
    folder = tmp_path_factory.mktemp("xls")
    (folder / "tables.xlsx").write_bytes(WORKBOOK)
    if program is not None:
        subprocess.run([program, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                        "--convert-to", "xls:MS Excel 97", "--outdir", str(folder / "out"),
                        str(folder / "tables.xlsx")], capture_output=True, timeout=180, check=False,
                       env={**os.environ, "HOME": str(folder)})
    result = folder / "out" / "tables.xls"
    if not result.exists():
        if os.environ.get("CI"):
            pytest.fail("LibreOffice Calc is missing in CI: .ci/run installs libreoffice-calc-nogui")
        pytest.skip("LibreOffice Calc (soffice) is not installed")
    return result.read_bytes()


def test_xls_gives_the_records_of_the_text_tables(corpus_xls: bytes) -> None:
    assert corpus_xls.startswith(b"\xd0\xcf\x11\xe0") and sniff(corpus_xls, "download.bin") == "xls"
    source = read_bytes(corpus_xls, "tables.xls")
    lines = source.text.split("\n")
    assert "专利授权量 | 335125 | -3.5%" in lines  # the percentage format, the formula's value
    assert "900000" not in source.text and "123456" not in source.text  # hidden column, sheet
    assert "旧口径" not in source.text  # hidden row
    assert "指标 | 2024年 | 2024年" in lines and "指标 | 数量 | 同比增长" in lines  # merged cells
    document = extract_source(source)
    total, found, extras = agreement(_text_records(), document.records)
    AGREEMENT["xls"] = (total, found, extras)
    assert total == 57 and found >= 0.99 * total and extras <= 0.01 * total, (total, found, extras)
    revenue = next(r for r in document.records if r.surface == "486237.52")
    assert (revenue.sheet, revenue.row, revenue.column) == ("主要会计数据", 4, 3)


def test_encrypted_xls_is_a_clear_error(corpus_xls: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    """An XLS with a password to open is a BIFF stream with a FILEPASS record; no tool here
    writes one, so xlrd's answer to it is stood in for."""
    import xlrd
    from xlrd.biffh import XLRDError

    from ipextract.ingest import sheets

    def encrypted(**_: object) -> None:
        raise XLRDError("Workbook is encrypted")

    monkeypatch.setattr(xlrd, "open_workbook", encrypted)
    with pytest.raises(InputError, match=r"^locked\.xls: password-protected \(encrypted\) workbook"):
        sheets.read_xls_sheets(corpus_xls, "locked.xls")


# ---------------------------------------------------------------- OpenDocument

_ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def _ods_cell(text: str, *, across: int = 1, down: int = 1) -> str:
    """A cell as LibreOffice writes it: the value, and the text it shows (12.5% is 0.125)."""
    from xml.sax.saxutils import escape

    percent, number = _PERCENT.match(text), _NUMBER.match(text)
    if percent:
        value = f'office:value-type="percentage" office:value="{Decimal(percent.group(1)) / 100}"'
    elif number:
        value = f'office:value-type="float" office:value="{text.replace(",", "")}"'
    else:
        value = 'office:value-type="string"'
    spans = (f' table:number-columns-spanned="{across}"' if across > 1 else "") + (
        f' table:number-rows-spanned="{down}"' if down > 1 else "")
    return (f"<table:table-cell {value}{spans}><text:p>{escape(text)}</text:p></table:table-cell>"
            + "<table:covered-table-cell/>" * (across - 1))


def ods_tables(tables: list[Table], *, empty_rows: int = 0) -> str:
    """The layout of build_sheet (merged title, unit row, merged heading rows, hidden column B
    of helper values, 其中： before 发明专利授权量, footnote) as an ODS sheet's rows."""
    rows: list[str] = []

    def row(*cells: str) -> None:
        rows.append("<table:table-row>" + "".join(cells) + "</table:table-row>")

    def blank(count: int = 1) -> None:
        rows.append(f'<table:table-row table:number-rows-repeated="{count}"><table:table-cell/>'
                    "</table:table-row>")

    for table in tables:
        width = len(table.header) + 1  # (with the hidden column)
        if table.title:
            row(_ods_cell(table.title, across=width))
        if table.unit:
            row(_ods_cell(table.unit))
        row(_ods_cell(table.header[0], down=2), _ods_cell("上年同期"),
            _ods_cell("2024年", across=width - 2))
        row("<table:covered-table-cell/>", "<table:table-cell/>", *map(_ods_cell, table.header[1:]))
        for number, cells in enumerate(table.rows):
            if cells[0] == "发明专利授权量":
                row(_ods_cell("其中："))
            row(_ods_cell(cells[0]), _ods_cell(str(900000 + number)), *map(_ods_cell, cells[1:]))
        blank()
    row(_ods_cell("注：本表数据为快报数据，以正式公布为准。"))
    if empty_rows:
        blank(empty_rows)
        row(_ods_cell("末"))
    return "".join(rows)


def ods_workbook(sheets: list[tuple[str, str]]) -> bytes:
    body = "".join(
        f'<table:table table:name="{name}"><table:table-column/>'
        '<table:table-column table:visibility="collapse"/>'
        f'<table:table-column table:number-columns-repeated="16382"/>{rows}</table:table>'
        for name, rows in sheets)
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS} '
               f'office:version="1.2"><office:body><office:spreadsheet>{body}</office:spreadsheet>'
               "</office:body></office:document-content>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def test_ods_gives_the_records_of_the_text_tables() -> None:
    data = ods_workbook([("知识产权", ods_tables(parse_tables(ZHEJIANG), empty_rows=1_000_000)),
                         ("主要会计数据", ods_tables(parse_tables(COMPANY)))])
    assert sniff(data, "tables.ods") == "ods"
    started = time.monotonic()
    source = read_bytes(data, "tables.ods")
    assert time.monotonic() - started < 10  # the million empty rows are one element
    lines = source.text.split("\n")
    assert "指标 | 数量 | 同比增长" in lines and "专利授权量 | 335125 | -3.5%" in lines
    assert "营业收入 | 486,237.52 | 432,658.37 | 12.38%" in lines  # the text the cells show
    assert "其中：发明专利授权量 | 76512 | 21.4%" in lines and "900000" not in source.text
    document = extract_source(source)
    total, found, extras = agreement(_text_records(), document.records)
    AGREEMENT["ods"] = (total, found, extras)
    assert total == 57 and found >= 0.99 * total and extras <= 0.01 * total, (total, found, extras)
    growth = next(r for r in document.records if r.surface == "-3.5%")
    assert (growth.sheet, growth.row, growth.column, growth.kind) == ("知识产权", 5, 4, "growth")
    assert "末" in lines  # the cell after the million empty rows is still read


# ---------------------------------------------------------------- broken workbooks


def _one_line_error(data: bytes, name: str, reason: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as error:
        read_source(str(path))
    message = str(error.value)
    assert reason in message and "\n" not in message and message.startswith(str(path)), message
    result = subprocess.run([sys.executable, "-m", "ipextract", "extract", str(path)],
                            capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("ipextract: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_password_protected_workbook_is_a_clear_error(tmp_path: Path) -> None:
    ooxml = pytest.importorskip("msoffcrypto.format.ooxml")
    encrypted = io.BytesIO()
    ooxml.OOXMLFile(io.BytesIO(WORKBOOK)).encrypt("密码123", encrypted)
    data = encrypted.getvalue()
    assert data.startswith(b"\xd0\xcf\x11\xe0")  # an encrypted workbook is an OLE2 file
    _one_line_error(data, "protected.xlsx", "password-protected (encrypted)", tmp_path)


def test_truncated_workbook_is_a_clear_error(tmp_path: Path) -> None:
    _one_line_error(WORKBOOK[: len(WORKBOOK) // 2], "truncated.xlsx",
                    "not a readable XLSX (a damaged or truncated ZIP archive)", tmp_path)


def test_workbook_that_is_not_a_zip_is_a_clear_error(tmp_path: Path) -> None:
    _one_line_error(bytes(range(256)) * 8, "fake.xlsx", "not a ZIP archive", tmp_path)


def _sheet_xml(rows: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f"<sheetData>{rows}</sheetData></worksheet>").encode()


def _replace_sheet(data: bytes, sheet: bytes | None = None, rows: list[bytes] | None = None) -> bytes:
    """``data`` with its first sheet's XML replaced (written in pieces when ``rows``)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                target.writestr(info, source.read(info))
            elif sheet is not None:
                target.writestr(info.filename, sheet)
            else:
                with target.open(info.filename, "w") as stream:
                    for piece in rows or ():
                        stream.write(piece)
    return out.getvalue()


def _small_workbook() -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "x"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


TABLE_ROWS = ('<row r="1"><c r="A1" t="inlineStr"><is><t>指标</t></is></c>'
              '<c r="B1" t="inlineStr"><is><t>数量</t></is></c></row>'
              '<row r="2"><c r="A2" t="inlineStr"><is><t>专利授权量</t></is></c>'
              '<c r="B2"><v>335125</v></c></row>')


def test_a_million_empty_rows_are_read_fast(tmp_path: Path) -> None:
    """A table, then one cell at the sheet's last corner (XFD1048576): a reader that makes the
    sheet dense asks for 17 billion cells (python-calamine aborts the process). And a sheet of
    1,000,000 empty rows written out as <row/> elements (formatting applied to whole rows)."""
    corner = _replace_sheet(_small_workbook(), _sheet_xml(
        TABLE_ROWS + '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>末</t></is></c></row>'))
    started = time.monotonic()
    source = read_bytes(corner, "corner.xlsx")
    assert time.monotonic() - started < 5
    assert "专利授权量 |  | 335125" not in source.text  # the far cell adds no column in between
    records = extract_source(source).records
    assert [(str(r.value), r.row, r.column) for r in records] == [("335125", 2, 2)]

    head = _sheet_xml(TABLE_ROWS).split(b"</sheetData>")[0]
    empty = b"".join(b'<row r="%d" ht="15" customHeight="1"/>' % n for n in range(3, 1_000_003))
    many = _replace_sheet(_small_workbook(), rows=[head, empty, b"</sheetData></worksheet>"])
    assert len(many) < 5_000_000  # (compressed: 2.5 MB; 40 MB of XML)
    started = time.monotonic()
    source = read_bytes(many, "million.xlsx")
    seconds = time.monotonic() - started
    assert seconds < 30, seconds
    assert source.text.count("\n|") == 0 and source.text.count("335125") == 1


def test_a_sheet_that_would_render_a_square_is_refused_fast() -> None:
    """Row n has a heading and one cell in column n + 1 (16,383 rows): every row rendered over
    every used column would be 134 million cells from a 1 MB sheet."""
    from openpyxl.utils import get_column_letter

    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c><c r="{get_column_letter(n + 1)}{n}"><v>1</v></c></row>'
                   for n in range(1, 16384))
    data = _replace_sheet(_small_workbook(), _sheet_xml(rows))
    started = time.monotonic()
    with pytest.raises(InputError, match=r"sheet 'Sheet': more than 5,000,000 cells to render"):
        read_bytes(data, "square.xlsx")
    assert time.monotonic() - started < 10


def test_a_merged_range_over_the_whole_sheet_costs_nothing() -> None:
    rows = "".join(f'<row r="{n}">' + "".join(f'<c r="{get_column}{n}"><v>1</v></c>' for get_column in "ABC")
                   + "</row>" for n in range(1, 4))
    sheet = _sheet_xml(rows).replace(b"</sheetData>", b'</sheetData><mergeCells count="1">'
                                     b'<mergeCell ref="A1:XFD1048576"/></mergeCells>')
    text = read_bytes(_replace_sheet(_small_workbook(), sheet), "merged.xlsx").text
    # (only used rows and columns are spread into: nine cells, all 1 already)
    assert text.count("1 | 1 | 1") == 3


def test_print_agreement() -> None:
    """Prints the agreement for the README (run with -s)."""
    for fmt, (total, found, extras) in sorted(AGREEMENT.items()):
        print(f"\n{fmt:10} records of the text tables {total:3} found {found:3} "
              f"({found / total:.1%}) extras {extras}")
    assert all(found <= total for total, found, _ in AGREEMENT.values())


# ---------------------------------------------------------------- a folder of every format


def _ocr_ready() -> bool:
    """Tesseract with its Chinese model (CI installs it: there a skip would hide a missing one)."""
    if os.environ.get("CI") == "true":
        return True
    try:
        from .test_ingest_ocr import READY
    except ImportError:
        return False
    return READY


def test_ingest_folder_of_every_format_counts_them_by_format(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """``ipextract ingest`` over txt, html, pdf (typeset, and a scan read by OCR), docx, xlsx,
    ods, csv, tsv and doc (when LibreOffice is there) and a broken workbook: each file is a
    document or one error line, and the summary counts the files by format."""
    import duckdb

    from ipextract.ingest.legacy import soffice

    from .dataset_fixtures import ingest
    from .format_fixtures import to_docx, to_html
    from .pdf_fixture import make_pdf

    folder = tmp_path / "downloads"
    folder.mkdir()
    corpus = {name: (CORPORA / f"{name}.txt").read_text(encoding="utf-8")
              for name in ("wuhan-ip-2024", "changsha-bulletin-2023", "zhejiang-ip-2024", "hefei-news-2024")}
    (folder / "wuhan.txt").write_text(corpus["wuhan-ip-2024"], encoding="utf-8")
    (folder / "zhejiang.html").write_bytes(to_html(corpus["zhejiang-ip-2024"]).encode("utf-8"))
    make_pdf(corpus["hefei-news-2024"], folder / "hefei.pdf", "合肥")
    (folder / "changsha.docx").write_bytes(to_docx(corpus["changsha-bulletin-2023"]))
    (folder / "tables.xlsx").write_bytes(WORKBOOK)
    (folder / "truncated.xlsx").write_bytes(WORKBOOK[: len(WORKBOOK) // 2])
    table = parse_tables(COMPANY)[0]
    rows = [[table.unit or ""], table.header, *table.rows]
    (folder / "company.csv").write_bytes("\n".join(",".join(f'"{c}"' for c in row) for row in rows).encode("gbk"))
    (folder / "tables.ods").write_bytes(ods_workbook([("主要会计数据", ods_tables(parse_tables(COMPANY)))]))
    (folder / "company.tsv").write_bytes(
        "\n".join("\t".join(row) for row in rows).encode("utf-8"))
    expected = {"txt": 1, "html": 1, "pdf": 1, "docx": 1, "xlsx": 2, "csv": 1, "ods": 1, "tsv": 1}
    if _ocr_ready():  # a scanned page, read by OCR in ingest's worker
        from .scan_fixture import scan_pdf

        make_pdf(corpus["wuhan-ip-2024"], tmp_path / "typeset.pdf", "武汉")
        (folder / "scan.pdf").write_bytes(scan_pdf(tmp_path / "typeset.pdf", 300, pages=[1]))
        expected["pdf"] = 2
    program = soffice()
    if program is not None:
        (folder / "report.docx.d").mkdir()
        source = folder / "report.docx.d" / "report.docx"
        source.write_bytes(to_docx(corpus["zhejiang-ip-2024"]))
        subprocess.run([program, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                        "--convert-to", "doc:MS Word 97", "--outdir", str(folder), str(source)],
                       check=True, capture_output=True, timeout=180,
                       env={**os.environ, "HOME": str(tmp_path)})
        source.unlink()
        expected["doc"] = 1
    database = tmp_path / "reports.duckdb"
    capsys.readouterr()
    assert ingest(database, folder, options=("--jobs", "1")) == 2  # the truncated workbook failed
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line]
    assert lines[0].startswith(f"ipextract: {folder / 'truncated.xlsx'}: not a readable XLSX")
    summary = lines[-1]
    files = sum(expected.values())
    assert summary.startswith(f"ipextract: ingest: {files} files: {files - 1} added, 0 replaced, "
                              "0 unchanged, 1 failed;"), summary
    by_format = ", ".join(f"{fmt} {count}" + (" (1 failed)" if fmt == "xlsx" else "")
                          for fmt, count in sorted(expected.items()))
    assert summary.endswith(f"; by format: {by_format}"), summary
    with duckdb.connect(str(database), read_only=True) as connection:
        formats = dict(connection.execute(
            "SELECT format, count(*) FROM documents GROUP BY format").fetchall())
        errors = connection.execute("SELECT count(*) FROM errors").fetchone()
        cells = connection.execute(
            "SELECT d.format, r.sheet, r.row, r.\"column\", r.surface FROM records r "
            "JOIN documents d USING (document_id) WHERE r.sheet IS NOT NULL").fetchall()
        read_by = dict(connection.execute(
            "SELECT coalesce(read_by, '-'), count(*) FROM records GROUP BY 1").fetchall())
    assert formats == {**expected, "xlsx": 1}
    assert errors == (1,)
    # the dataset keeps where a sheet's figure stands, and which figures OCR read
    assert {fmt for fmt, *_ in cells} == {"xlsx", "ods", "csv", "tsv"}  # a text table is a sheet too
    assert all(sheet and row >= 1 and column >= 1 for _, sheet, row, column, _ in cells)
    assert ("xlsx", "知识产权", *PLACES["知识产权"]["专利授权量"], "335125") in cells
    assert (read_by.get("ocr", 0) > 0) == ("pdf" in expected and expected["pdf"] == 2)

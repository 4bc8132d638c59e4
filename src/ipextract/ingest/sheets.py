"""Spreadsheets: XLSX/XLSM, XLS, ODS, CSV and TSV → one text that the table rules read.

Each visible sheet becomes a heading line (``【工作表：Sheet1】``) and its rows, rendered as the
HTML and DOCX readers render a table: one ``a | b | c`` line per row, one cell per used column
(hidden columns and rows are left out, as a reader of the sheet does not see them). Around the
table, a row with one cell (a title, ``单位：亿元``, a footnote) is a line of its own, so the
unit note is read as the text's ``单位：`` notes are; a row with one short cell inside a table
(``一、工业``) stays a row (``一、工业 |  |``), so the rows under it keep their table; a row of
only ``其中：`` opens the heading of the row under it (``其中：发明专利 | …``), as a report prints
it. A merged cell's text is spread over every cell of its range (a header ``2024年`` over two
columns heads both); a title merged across the table is one line. A number is written as the
sheet shows it: its number format's decimals, ``12.5%`` for a percentage format, a date as
``2024年3月31日``; a formula cell gives its cached value (none cached: an empty cell).

Every rendered cell's span of the text is kept with its sheet, row and column
(``Source.cell_spans``), so a record can name its cell.

XLSX is read from its XML (lxml, streaming, cell by cell), ODS likewise (the text each cell
shows), XLS with xlrd (its number formats, hidden rows and columns, merged cells). Not with
python-calamine, which was tried: it makes a sheet dense, so one cell at A1 and one at
XFD1048576 abort the process (a Rust allocation failure, not an exception); it gives an XLS or
ODS number without its format (a ``12.5%`` cell reads 0.125, a wrong value) and no hidden
columns; and it gives no ODS merged cells. The XML also keeps each number's decimal text, so no
binary float stands between an XLSX cell and its Decimal.
"""

from __future__ import annotations

import csv
import io
import math
import posixpath
import re
import zipfile
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

import regex

from ..errors import InputError
from .base import Source, check_members
from .text import decode

MAX_CELLS = 5_000_000  # cells rendered, empty ones between filled ones included
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CELL_REF = regex.compile(r"^([A-Z]{1,3})([0-9]{1,7})$")
_UNIT_CELL = regex.compile(r"^[（(]?\s*(?:计量)?单位\s*[：:]\s*[^）)\s]+\s*[）)]?$")
_NOTE = regex.compile(r"^(?:注|说明|资料来源|数据来源|备注)\s*[0-9]*\s*[：:]")
_SENTENCE = regex.compile(r"[。；！？]")
_MARKER_ROW = regex.compile(r"^其中\s*[：:]?$")
_SECTION_MAX = 24  # a one-cell row longer than this is a note, not a section row
_SIGNIFICANT = 15  # a spreadsheet's precision: 0.30000000000000004 is 0.3
_MAGNITUDE = 24  # powers of ten beyond which a cell's number is not read
_BUILTIN_FORMATS = {1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%",
                    37: "#,##0", 38: "#,##0", 39: "#,##0.00", 40: "#,##0.00"}
_DATE_FORMATS = frozenset(range(14, 23)) | {27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47,
                                             50, 51, 52, 53, 54, 55, 56, 57, 58}
_EXCEL_EPOCH = datetime(1899, 12, 30)


@dataclass
class Sheet:
    """A sheet as read: its visible non-empty cells (1-based row → column → text) and its
    merged ranges (first row, first column, last row, last column; 1-based, inclusive)."""

    name: str
    rows: dict[int, dict[int, str]] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)


# ---------------------------------------------------------------- numbers as the sheet shows them


def number_text(value: Decimal, decimals: int | None = None, percent: bool = False) -> str:
    """A cell's number as the sheet shows it, without thousands separators.

    >>> number_text(Decimal("0.30000000000000004"))
    '0.3'
    >>> number_text(Decimal("0.125"), 1, percent=True)
    '12.5%'
    >>> number_text(Decimal("2286.449"), 1)
    '2286.4'
    """
    if value and not -_MAGNITUDE <= value.adjusted() <= _MAGNITUDE:
        return ""  # 1E+300: no figure of a report (and not written out digit by digit)
    with localcontext(prec=80):
        if percent:
            value *= 100
        if value:
            exponent = value.adjusted() - _SIGNIFICANT + 1
            value = value.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP)
        if decimals is not None:
            value = value.quantize(Decimal(1).scaleb(-min(decimals, 30)), rounding=ROUND_HALF_UP)
        else:
            value = value.normalize()
    text = format(value, "f")
    if text.startswith("-") and not value:
        text = text[1:]
    return text + ("%" if percent else "")


def _format_decimals(code: str) -> int | None:
    """Decimals a number format shows (``#,##0.0`` → 1, ``0%`` → 0); None for General."""
    section = regex.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", code.split(";")[0])
    if "0" not in section and "#" not in section:
        return None
    point = section.find(".")
    if point < 0:
        return 0
    return len(regex.match(r"[0#?]*", section[point + 1:]).group(0))  # type: ignore[union-attr]


def _is_date_format(code: str) -> bool:
    section = regex.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", code.split(";")[0]).lower()
    return bool(regex.search(r"[ymd]|h+.*s", section))


def _date_text(moment: datetime | date) -> str:
    text = f"{moment.year}年{moment.month}月{moment.day}日"
    if isinstance(moment, datetime) and (moment.hour or moment.minute):
        text += f" {moment.hour:02d}:{moment.minute:02d}"
    return text


@dataclass(frozen=True)
class _Style:
    decimals: int | None = None
    percent: bool = False
    is_date: bool = False


# ---------------------------------------------------------------- XLSX


def _check_archive(data: bytes, name: str, label: str) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as exc:
        raise InputError(name, f"not a readable {label} (a damaged or truncated ZIP archive)") from exc
    check_members(archive, name)
    return archive


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _cell_ref(ref: str) -> tuple[int, int] | None:
    match = _CELL_REF.match(ref.upper().replace("$", ""))
    return (int(match.group(2)), _column_number(match.group(1))) if match else None


def _parse(archive: zipfile.ZipFile, member: str):  # type: ignore[no-untyped-def]
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    with archive.open(member) as stream:
        return etree.parse(stream, parser).getroot()


def _rich_text(element) -> str:  # type: ignore[no-untyped-def]
    """The text of a shared or inline string: its ``<t>`` and runs' ``<t>``, never the
    phonetic guide (``<rPh>``)."""
    parts = [t.text or "" for t in element.iter(f"{_MAIN}t")
             if t.getparent() is not None and t.getparent().tag != f"{_MAIN}rPh"]
    return "".join(parts)


def _shared_strings(archive: zipfile.ZipFile, member: str | None) -> list[str]:
    if member is None or member not in archive.namelist():
        return []
    from lxml import etree

    strings: list[str] = []
    with archive.open(member) as stream:
        for _, element in etree.iterparse(stream, events=("end",), tag=f"{_MAIN}si",
                                          resolve_entities=False, no_network=True, huge_tree=True):
            strings.append(_rich_text(element))
            element.clear()
    return strings


def _styles(archive: zipfile.ZipFile, member: str | None) -> list[_Style]:
    if member is None or member not in archive.namelist():
        return []
    root = _parse(archive, member)
    codes = dict(_BUILTIN_FORMATS)
    custom: dict[int, str] = {}
    numbers = root.find(f"{_MAIN}numFmts")
    for number_format in numbers if numbers is not None else ():
        try:
            custom[int(number_format.get("numFmtId", ""))] = number_format.get("formatCode", "")
        except ValueError:
            continue
    codes.update(custom)
    styles: list[_Style] = []
    cell_formats = root.find(f"{_MAIN}cellXfs")
    for xf in cell_formats if cell_formats is not None else ():
        try:
            format_id = int(xf.get("numFmtId", "0"))
        except ValueError:
            format_id = 0
        code = codes.get(format_id, "")
        is_date = (format_id in _DATE_FORMATS and format_id not in custom) or (
            format_id in custom and _is_date_format(code))
        styles.append(_Style(decimals=_format_decimals(code) if code else None,
                             percent="%" in regex.sub(r'"[^"]*"', "", code), is_date=is_date))
    return styles


def _relations(archive: zipfile.ZipFile, member: str) -> dict[str, tuple[str, str]]:
    """id → (type, path in the archive) of a part's relationships."""
    folder, base = posixpath.split(member)
    rels = posixpath.join(folder, "_rels", base + ".rels")
    if rels not in archive.namelist():
        return {}
    result: dict[str, tuple[str, str]] = {}
    for relation in _parse(archive, rels).iter(f"{_PKG_REL}Relationship"):
        target = relation.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join(folder, target))
        result[relation.get("Id", "")] = (relation.get("Type", "").rsplit("/", 1)[-1], path)
    return result


def _xlsx_value(cell, strings: list[str], styles: list[_Style]) -> str:  # type: ignore[no-untyped-def]
    kind = cell.get("t", "n")
    if kind == "inlineStr":
        inline = cell.find(f"{_MAIN}is")
        return _rich_text(inline) if inline is not None else ""
    value_element = cell.find(f"{_MAIN}v")
    raw = value_element.text if value_element is not None and value_element.text else ""
    if not raw:  # an empty cell, or a formula whose value was never computed
        return ""
    if kind == "s":
        try:
            return strings[int(raw)]
        except (ValueError, IndexError):
            return ""
    if kind in ("str", "inlineStr"):
        return raw
    if kind == "b":
        return "TRUE" if raw.strip() == "1" else "FALSE"
    if kind == "e":
        return ""  # #DIV/0!, #N/A: no value
    if kind == "d":
        try:
            return _date_text(datetime.fromisoformat(raw))
        except ValueError:
            return raw
    try:
        number = Decimal(raw.strip())
    except InvalidOperation:
        return raw
    if not number.is_finite():
        return ""
    try:
        style = styles[int(cell.get("s", "0"))] if styles else _Style()
    except (ValueError, IndexError):
        style = _Style()
    if style.is_date and 0 <= number < 2958466:
        return _date_text(_EXCEL_EPOCH + timedelta(days=float(number)))
    return number_text(number, style.decimals, style.percent)


def _xlsx_sheet(archive: zipfile.ZipFile, member: str, sheet_name: str, strings: list[str],
                styles: list[_Style]) -> Sheet:
    """One worksheet's XML, streamed: a megabyte at a time, empty ``<row r="…"/>`` elements
    (formatting over a million rows) dropped before lxml sees them."""
    from lxml import etree

    sheet = Sheet(sheet_name)
    hidden_columns: list[tuple[int, int]] = []
    row_number = 0
    parser = etree.XMLPullParser(events=("end",), tag=(f"{_MAIN}col", f"{_MAIN}row", f"{_MAIN}mergeCell"),
                                 resolve_entities=False, no_network=True, huge_tree=True)

    def take(element) -> None:  # type: ignore[no-untyped-def]
        nonlocal row_number
        tag = element.tag
        if tag == f"{_MAIN}row":
            try:
                row_number = int(element.get("r") or row_number + 1)
            except ValueError:
                row_number += 1
            if element.get("hidden") not in ("1", "true") and len(element):
                cells: dict[int, str] = {}
                column = 0
                for cell in element.iterchildren(f"{_MAIN}c"):
                    place = _cell_ref(cell.get("r", ""))
                    column = place[1] if place else column + 1
                    text = _clean(_xlsx_value(cell, strings, styles))
                    if text:
                        cells[column] = text
                if cells:
                    sheet.rows[row_number] = cells
            element.clear()
            parent = element.getparent()
            while parent is not None and element.getprevious() is not None:
                del parent[0]
        elif tag == f"{_MAIN}col":
            if element.get("hidden") in ("1", "true"):
                try:
                    hidden_columns.append((int(element.get("min", "0")), int(element.get("max", "0"))))
                except ValueError:
                    pass
        else:
            first, _, last = element.get("ref", "").partition(":")
            start, end = _cell_ref(first), _cell_ref(last or first)
            if start and end:
                sheet.merges.append((start[0], start[1], end[0], end[1]))

    with archive.open(member) as stream:
        carry = b""
        while chunk := stream.read(1 << 20):
            data = carry + chunk
            cut = data.rfind(b">") + 1
            carry = data[cut:]
            parser.feed(_EMPTY_ROW.sub(b"", data[:cut]))
            for _, element in parser.read_events():
                take(element)
        parser.feed(carry)
        parser.close()
        for _, element in parser.read_events():
            take(element)
    if hidden_columns:
        _drop_hidden_columns(sheet, hidden_columns)
    return sheet


# (numbered, so that the rows after it keep their numbers; ``re``: three times faster here)
_EMPTY_ROW = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?row r="[^<>]*/>')


def _drop_hidden_columns(sheet: Sheet, hidden: list[tuple[int, int]]) -> None:
    def is_hidden(column: int) -> bool:
        return any(low <= column <= high for low, high in hidden)

    merges = []
    for top, left, bottom, right in sheet.merges:
        if is_hidden(left):  # the text of a range that starts in a hidden column shows in the rest
            shown = next((c for c in range(left, min(right, left + 16384) + 1) if not is_hidden(c)), None)
            if shown is None:
                continue
            text = sheet.rows.get(top, {}).get(left)
            if text and shown not in sheet.rows[top]:
                sheet.rows[top][shown] = text
            left = shown
        merges.append((top, left, bottom, right))
    sheet.merges = merges
    for cells in sheet.rows.values():
        for column in [c for c in cells if is_hidden(c)]:
            del cells[column]
    sheet.rows = {number: cells for number, cells in sheet.rows.items() if cells}


def read_xlsx_sheets(data: bytes, name: str) -> list[Sheet]:
    archive = _check_archive(data, name, "XLSX")
    with archive:
        names = set(archive.namelist())
        if "EncryptedPackage" in names:
            raise InputError(name, "password-protected (encrypted) workbook")
        workbook = "xl/workbook.xml"
        if workbook not in names:
            raise InputError(name, "not an XLSX (a ZIP without xl/workbook.xml)")
        try:
            relations = _relations(archive, workbook)
            by_type = {kind: path for kind, path in relations.values()}
            strings = _shared_strings(archive, by_type.get("sharedStrings"))
            styles = _styles(archive, by_type.get("styles"))
            root = _parse(archive, workbook)
            sheets: list[Sheet] = []
            for entry in root.iter(f"{_MAIN}sheet"):
                if entry.get("state", "visible") != "visible":
                    continue  # a hidden sheet: helper data its reader does not see
                kind, member = relations.get(entry.get(f"{_REL}id", ""), ("", ""))
                if kind != "worksheet" or member not in names:
                    continue  # a chart sheet, or a dangling relation
                sheets.append(_xlsx_sheet(archive, member, entry.get("name", ""), strings, styles))
        except (zipfile.BadZipFile, EOFError, OSError) as exc:
            raise InputError(name, f"not a readable XLSX (a damaged member: {type(exc).__name__})") from exc
        except Exception as exc:  # lxml's XMLSyntaxError and kin: a damaged part
            if isinstance(exc, InputError):
                raise
            raise InputError(name, f"not a readable XLSX ({type(exc).__name__})") from exc
    return sheets


# ---------------------------------------------------------------- ODS

_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_REPEAT_CAP = 1024  # a cell or row with text repeated more often than this is not a table


def _ods_text(cell) -> str:  # type: ignore[no-untyped-def]
    """What the cell shows: its paragraphs (``12.5%``, ``486,237.52``, as formatted), or its
    value when a program wrote none."""
    paragraphs = ["".join(p.itertext()) for p in cell.iterchildren(f"{_TEXT}p")]
    if any(paragraphs):
        return " ".join(paragraphs)
    kind = cell.get(f"{_OFFICE}value-type", "")
    value = cell.get(f"{_OFFICE}value")
    if kind in ("float", "percentage", "currency") and value:
        try:
            return number_text(Decimal(value), percent=kind == "percentage")
        except InvalidOperation:
            return ""
    if kind == "date" and cell.get(f"{_OFFICE}date-value"):
        try:
            return _date_text(datetime.fromisoformat(cell.get(f"{_OFFICE}date-value")))
        except ValueError:
            return ""
    if kind == "boolean":
        return "TRUE" if cell.get(f"{_OFFICE}boolean-value") == "true" else "FALSE"
    return ""


def _repeat(element, attribute: str) -> int:  # type: ignore[no-untyped-def]
    try:
        return max(1, int(element.get(f"{_TABLE}{attribute}", "1")))
    except ValueError:
        return 1


def read_ods_sheets(data: bytes, name: str) -> list[Sheet]:
    """An OpenDocument spreadsheet's content.xml, streamed. Repeated empty rows and cells (a
    sheet's million blank rows are one element) are counted, never expanded."""
    from lxml import etree

    archive = _check_archive(data, name, "ODS")
    sheets: list[Sheet] = []
    hidden_styles: set[str] = set()
    with archive:
        if "content.xml" not in archive.namelist():
            raise InputError(name, "not an ODS (no content.xml)")
        parser = etree.XMLPullParser(
            events=("start", "end"), resolve_entities=False, no_network=True, huge_tree=True,
            tag=(f"{_TABLE}table", f"{_TABLE}table-row", f"{_TABLE}table-column",
                 f"{_STYLE}table-properties"))
        sheet: Sheet | None = None
        row = 0
        hidden_columns: list[tuple[int, int]] = []
        declared = 0  # columns the sheet's <table:table-column> elements declared so far

        def take(event: str, element) -> None:  # type: ignore[no-untyped-def]
            nonlocal sheet, row, hidden_columns, declared
            tag = element.tag
            if tag == f"{_STYLE}table-properties":
                if event == "end" and element.get(f"{_TABLE}display") == "false":
                    parent = element.getparent()
                    if parent is not None:
                        hidden_styles.add(parent.get(f"{_STYLE}name", ""))
            elif tag == f"{_TABLE}table":
                if event == "start":
                    sheet, row, hidden_columns = Sheet(element.get(f"{_TABLE}name", "")), 0, []
                    declared = 0
                    if element.get(f"{_TABLE}style-name") in hidden_styles:
                        sheet.name = ""  # (a hidden sheet: read, then left out)
                elif sheet is not None:
                    if hidden_columns:
                        _drop_hidden_columns(sheet, hidden_columns)
                    if sheet.name:
                        sheets.append(sheet)
                    sheet = None
                    element.clear()
            elif event == "end" and sheet is not None and tag == f"{_TABLE}table-column":
                count = _repeat(element, "number-columns-repeated")
                if element.get(f"{_TABLE}visibility", "visible") != "visible":
                    hidden_columns.append((declared + 1, declared + count))
                declared += count
            elif event == "end" and sheet is not None and tag == f"{_TABLE}table-row":
                repeat = _repeat(element, "number-rows-repeated")
                hidden = element.get(f"{_TABLE}visibility", "visible") != "visible"
                cells: dict[int, str] = {}
                column = 1
                for cell in element.iterchildren(f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"):
                    count = _repeat(cell, "number-columns-repeated")
                    if cell.tag == f"{_TABLE}table-cell":
                        text = _clean(_ods_text(cell))
                        if text and not hidden:
                            for offset in range(min(count, _REPEAT_CAP)):
                                cells[column + offset] = text
                        across = _repeat(cell, "number-columns-spanned")
                        down = _repeat(cell, "number-rows-spanned")
                        if across > 1 or down > 1:
                            sheet.merges.append((row + 1, column, row + down, column + across - 1))
                    column += count
                if cells:
                    for offset in range(min(repeat, _REPEAT_CAP)):
                        sheet.rows[row + 1 + offset] = dict(cells)
                row += repeat
                element.clear()

        try:
            with archive.open("content.xml") as stream:
                while chunk := stream.read(1 << 20):
                    parser.feed(chunk)
                    for event, element in parser.read_events():
                        take(event, element)
                parser.close()
                for event, element in parser.read_events():
                    take(event, element)
        except (zipfile.BadZipFile, EOFError, OSError) as exc:
            raise InputError(name, f"not a readable ODS (a damaged member: {type(exc).__name__})") from exc
        except etree.XMLSyntaxError as exc:
            raise InputError(name, "not a readable ODS (damaged XML)") from exc
    return sheets


# ---------------------------------------------------------------- XLS (xlrd)


def _xls_text(book, cell) -> str:  # type: ignore[no-untyped-def]
    import xlrd

    kind = cell.ctype
    if kind == xlrd.XL_CELL_TEXT:
        return str(cell.value)
    if kind == xlrd.XL_CELL_BOOLEAN:
        return "TRUE" if cell.value else "FALSE"
    if kind == xlrd.XL_CELL_DATE:
        try:
            return _date_text(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode))
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return ""
    if kind != xlrd.XL_CELL_NUMBER or not math.isfinite(cell.value):
        return ""  # empty, blank, or an error value (#DIV/0!)
    code = ""
    try:
        code = book.format_map[book.xf_list[cell.xf_index].format_key].format_str
    except (IndexError, KeyError, AttributeError, TypeError):
        pass
    percent = "%" in regex.sub(r'"[^"]*"', "", code)
    return number_text(Decimal(repr(float(cell.value))), _format_decimals(code) if code else None, percent)


def read_xls_sheets(data: bytes, name: str) -> list[Sheet]:
    """An Excel 97-2003 workbook (BIFF), with its number formats, hidden rows and columns and
    merged cells (xlrd; a BIFF sheet has at most 65,536 rows and 256 columns)."""
    try:
        import xlrd
        from xlrd.biffh import XLRDError
    except ImportError as exc:
        raise InputError(name, "reading XLS needs the [formats] extra: "
                         "pip install 'ipextract[formats]'") from exc
    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True,
                                  logfile=io.StringIO())
    except XLRDError as exc:
        if "encrypt" in str(exc).lower():
            raise InputError(name, "password-protected (encrypted) workbook") from exc
        raise InputError(name, f"not a readable XLS ({str(exc).splitlines()[0]})") from exc
    except Exception as exc:  # xlrd raises plain errors (AssertionError, struct.error…) on damage
        raise InputError(name, f"not a readable XLS ({type(exc).__name__})") from exc
    sheets: list[Sheet] = []
    try:
        for index in range(book.nsheets):
            table = book.sheet_by_index(index)
            if table.visibility != 0:
                continue  # hidden or very hidden
            sheet = Sheet(table.name)
            hidden_rows = {r for r, info in table.rowinfo_map.items() if info.hidden}
            hidden_columns = {c for c, info in table.colinfo_map.items() if info.hidden}
            for r in range(table.nrows):
                if r in hidden_rows:
                    continue
                cells = {c + 1: text for c, cell in enumerate(table.row(r))
                         if (text := _clean(_xls_text(book, cell)))}
                if cells:
                    sheet.rows[r + 1] = cells
            sheet.merges = [(top + 1, left + 1, bottom, right) for top, bottom, left, right in table.merged_cells]
            if hidden_columns:
                spans = [(c + 1, c + 1) for c in sorted(hidden_columns)]
                _drop_hidden_columns(sheet, spans)
            sheets.append(sheet)
            book.unload_sheet(index)
    except Exception as exc:  # a damaged sheet record
        raise InputError(name, f"not a readable XLS ({type(exc).__name__})") from exc
    return sheets


# ---------------------------------------------------------------- CSV and TSV


def looks_delimited(data: bytes) -> str | None:
    """``\\t`` or ``,`` when the start of ``data`` is clearly rows of delimited cells: at
    least three lines, every one with the same number of tabs (≥ 1) or commas (≥ 2), and no
    sentence among them. Counted in the bytes: a tab or a comma is one byte in UTF-8 and in
    GB18030 alike (never part of a multibyte character)."""
    head = data[:65536]
    lines = [line for line in head.split(b"\n") if line.strip()]
    if len(head) < len(data):
        lines = lines[:-1]  # the last line may be cut
    lines = lines[:50]
    if len(lines) < 3 or any(mark in head for mark in _SENTENCE_BYTES):
        return None
    for delimiter, least in (("\t", 1), (",", 2)):
        counts = {line.count(delimiter.encode()) for line in lines}
        if len(counts) == 1 and counts.pop() >= least:
            return delimiter
    return None


_SENTENCE_BYTES = tuple(mark.encode(codec) for mark in "。；" for codec in ("utf-8", "gb18030"))


def read_delimited_sheets(data: bytes, name: str, delimiter: str,
                          encoding: str | None = None) -> tuple[list[Sheet], str]:
    text, used = decode(data, name, encoding)
    sheet = Sheet(posixpath.basename(name.replace("\\", "/")) or name)
    try:
        for number, values in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter),
                                        start=1):
            cells = {column: cleaned for column, value in enumerate(values, start=1)
                     if (cleaned := _clean(value))}
            if cells:
                sheet.rows[number] = cells
    except csv.Error as exc:
        raise InputError(name, f"not readable as CSV ({exc})") from exc
    return [sheet], used


# ---------------------------------------------------------------- rendering


def _clean(text: str) -> str:
    """A cell's text on one line, without the ``|`` that separates cells."""
    return " ".join(text.replace("|", "｜").split())


def _spread_merges(sheet: Sheet, columns: list[int]) -> set[tuple[int, int]]:
    """Copy each merged range's text over its cells (only into rows and columns that have
    text: a range over a million empty rows costs nothing). The copies' places are returned.
    ``columns`` are the sheet's used columns, in order."""
    copies: set[tuple[int, int]] = set()
    row_numbers = sorted(sheet.rows)
    for top, left, bottom, right in sheet.merges:
        text = sheet.rows.get(top, {}).get(left)
        if not text:
            continue
        inside = row_numbers[bisect_left(row_numbers, top):bisect_right(row_numbers, bottom)]
        across = columns[bisect_left(columns, left):bisect_right(columns, right)]
        if len(inside) * len(across) > MAX_CELLS:
            raise InputError(sheet.name, "a merged range too large to spread")
        for row in inside:
            cells = sheet.rows[row]
            for column in across:
                if (row, column) != (top, left) and column not in cells:
                    cells[column] = text
                    copies.add((row, column))
        if len(copies) > MAX_CELLS:
            raise InputError(sheet.name, f"more than {MAX_CELLS:,} cells to render")
    return copies


def render_sheets(sheets: list[Sheet], name: str, fmt: str, encoding: str) -> Source:
    """The text of the sheets, and the span of every cell in it (see the module's doc)."""
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    places: list[tuple[str, int, int]] = []
    length = 0

    def put(text: str) -> None:
        nonlocal length
        pieces.append(text)
        length += len(text)

    def put_cell(text: str, sheet: str, row: int, column: int) -> None:
        if text:
            spans.append((length, length + len(text)))
            places.append((sheet, row, column))
        put(text)

    single = len(sheets) == 1 and fmt in ("csv", "tsv")
    for sheet in sheets:
        if not sheet.rows:
            continue
        order = sorted({column for cells in sheet.rows.values() for column in cells})
        try:
            copies = _spread_merges(sheet, order)
        except InputError as error:
            raise InputError(name, f"sheet {sheet.name!r}: {error.reason}") from error
        rendered = sum(bisect_right(order, max(cells)) for cells in sheet.rows.values() if len(cells) > 1)
        if rendered > MAX_CELLS:
            raise InputError(name, f"sheet {sheet.name!r}: more than {MAX_CELLS:,} cells to render")
        if not single:
            put(f"【工作表：{sheet.name}】\n\n")
        in_table = False
        previous_row: int | None = None
        pending: tuple[str, int, int] | None = None  # a row of only 其中：, for the row under it
        for row in sorted(sheet.rows):
            cells = sheet.rows[row]
            own = [(c, t) for c, t in sorted(cells.items()) if (row, c) not in copies]
            notes = [(c, t) for c, t in own if _UNIT_CELL.match(t)]
            others = [(c, t) for c, t in own if not _UNIT_CELL.match(t)]
            adjacent = previous_row is not None and row == previous_row + 1
            previous_row = row
            corner = bool(others) and any(column == order[0] for column, _ in notes)
            if len(others) >= 2 or corner:  # (corner: 单位：亿元 over the row headings)
                line_kind = "row"
            elif (in_table and adjacent and len(others) == 1 and not notes
                  and len(others[0][1]) <= _SECTION_MAX and not _SENTENCE.search(others[0][1])
                  and not _NOTE.match(others[0][1])):
                line_kind = "row"  # a section row: 其中：, 一、工业
                if _MARKER_ROW.match(others[0][1]) and others[0][0] == order[0]:
                    # 其中： alone: it opens the heading of the row under it (其中：发明专利), as
                    # a report prints it, so that row keeps its table's column headings
                    pending = (others[0][1], row, others[0][0])
                    continue
            else:
                line_kind = "lines"
            if line_kind == "row":
                if notes:  # 单位：亿元 in a heading row's corner: a note of its own before the row
                    if pieces and not pieces[-1].endswith("\n\n"):
                        put("\n")
                    for column, text in notes:
                        put_cell(text, sheet.name, row, column)
                        put("\n\n")
                    in_table = False
                if not in_table and pieces and not pieces[-1].endswith("\n\n"):
                    put("\n")
                # (up to the row's last cell: a sheet with one cell per column down a diagonal
                # would otherwise render the square)
                # (and at least two: a section row needs its "|" to stay a row of the table)
                width = max(bisect_right(order, max(cells)), min(2, len(order)))
                for index, column in enumerate(order[:width]):
                    if index:
                        put(" | ")
                    elif pending is not None:
                        put_cell(*pending[:1], sheet.name, *pending[1:])
                        pending = None
                    text = cells.get(column, "")
                    put_cell("" if _UNIT_CELL.match(text) else text, sheet.name, row, column)
                put("\n")
                in_table = True
                continue
            if in_table:
                put("\n")
            in_table = False
            pending = None
            for column, text in others + notes:
                put_cell(text, sheet.name, row, column)
                put("\n\n")
        if not pieces[-1].endswith("\n\n"):
            put("\n")
    text = "".join(pieces)
    if not spans:
        raise InputError(name, "the workbook has no cell with text" if fmt not in ("csv", "tsv")
                         else "the file has no cell with text")
    return Source(name=name, text=text, encoding=encoding, format=fmt,
                  cell_spans=tuple(spans), cell_places=tuple(places))


def read_sheets(data: bytes, name: str, fmt: str, encoding: str | None = None) -> Source:
    """A spreadsheet of format ``fmt`` (xlsx, xlsm, xls, ods, csv, tsv) as a Source."""
    if fmt in ("xlsx", "xlsm"):
        try:
            import lxml  # noqa: F401
        except ImportError as exc:
            raise InputError(name, "reading XLSX needs the [formats] extra: "
                             "pip install 'ipextract[formats]'") from exc
        return render_sheets(read_xlsx_sheets(data, name), name, fmt, fmt)
    if fmt == "ods":
        return render_sheets(read_ods_sheets(data, name), name, fmt, fmt)
    if fmt == "xls":
        return render_sheets(read_xls_sheets(data, name), name, fmt, fmt)
    delimiter = "\t" if fmt == "tsv" else ","
    sheets, used = read_delimited_sheets(data, name, delimiter, encoding)
    return render_sheets(sheets, name, fmt, used)

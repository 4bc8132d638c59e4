"""Reading reports as they arrive: encodings, HTML, DOCX (PDF: test_ingest_pdf.py), and
broken input. Every fixture is generated here from the corpus texts."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ipextract import extract
from ipextract.errors import InputError
from ipextract.ingest import read_bytes, read_source

from .conftest import CORPORA
from .format_fixtures import FOOTER, agreement, to_docx, to_html

DOCUMENTS = ["wuhan-ip-2024", "changsha-bulletin-2023", "zhejiang-ip-2024", "hefei-news-2024"]
AGREEMENT = {}  # printed at the end of the module for the README


def _text(name: str) -> str:
    return (CORPORA / f"{name}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig", "utf-16"])
def test_encodings_give_the_same_text_and_figures(encoding: str) -> None:
    text = _text("wuhan-ip-2024")
    source = read_bytes(text.encode(encoding), "x.txt")
    assert source.text == text
    assert source.encoding == encoding
    assert extract(source.text).records == extract(text).records


def test_gbk_declared_as_override(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes("全市专利授权总量达到71292件。".encode("gbk"))
    assert read_source(str(path), encoding="gbk").text == "全市专利授权总量达到71292件。"


def test_undecodable_bytes_name_their_offset(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"undecodable byte at offset 6"):
        read_bytes("专利授权".encode()[:6] + b"\xff\xfa\xfb" + "件".encode(), "x.txt")


@pytest.mark.parametrize("name", DOCUMENTS)
def test_html_page_gives_the_same_figures(name: str) -> None:
    text = _text(name)
    page = to_html(text, charset="gb2312").encode("gb18030")
    source = read_bytes(page, f"{name}.html")
    assert source.format == "html"
    assert "政务公开" not in source.text and "ICP" not in source.text and "visits" not in source.text
    total, found, extras = agreement(extract(text).records, extract(source.text).records)
    AGREEMENT[("html", name)] = (total, found, extras)
    assert found >= 0.98 * total, (total, found, extras)
    assert extras <= 0.02 * total, (total, found, extras)


def test_html_navigation_and_footer_give_no_figures() -> None:
    page = to_html("全市专利授权总量达到71292件。")
    records = extract(read_bytes(page.encode("utf-8"), "x.html").text).records
    assert [r.surface for r in records] == ["71292件"]
    assert FOOTER  # the footer held figures of its own (300万人次) that must not appear


@pytest.mark.parametrize("name", DOCUMENTS)
def test_docx_gives_the_same_figures(name: str) -> None:
    pytest.importorskip("docx")
    text = _text(name)
    source = read_bytes(to_docx(text), f"{name}.docx")
    assert source.format == "docx"
    total, found, extras = agreement(extract(text).records, extract(source.text).records)
    AGREEMENT[("docx", name)] = (total, found, extras)
    assert found >= 0.98 * total, (total, found, extras)
    assert extras <= 0.02 * total, (total, found, extras)


def test_docx_bullets_and_tables_are_kept() -> None:
    pytest.importorskip("docx")
    text = "●发明专利授权25230件\n\n指标 | 数量\n专利授权量 | 72416件\n"
    source = read_bytes(to_docx(text), "x.docx")
    assert "●发明专利授权25230件" in source.text
    assert "专利授权量 | 72416件" in source.text


def _zip(members: dict[str, bytes]) -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("binary.txt", bytes(range(256)) * 4, "binary data"),
        ("fake.docx", "这不是一个文档".encode(), "not a DOCX (not a ZIP archive)"),
        ("fake.pdf", "这不是PDF".encode(), "not a PDF (no %PDF header)"),
        ("nodoc.docx", b"", "not a DOCX (a ZIP without word/document.xml)"),
        ("bomb.docx", b"", "zip bomb"),
        ("broken.docx", b"", "not a DOCX (not a readable ZIP archive)"),
        ("empty.html", b"<html><body><script>1</script></body></html>", "no article text"),
    ],
)
def test_broken_input_is_a_clear_one_line_error(name: str, data: bytes, reason: str,
                                                tmp_path: Path) -> None:
    if name == "nodoc.docx":
        data = _zip({"hello.txt": b"hi"})
    elif name == "bomb.docx":
        data = _zip({"word/document.xml": b"<w/>", "word/bomb.xml": b"0" * (60 * 1024 * 1024)})
    elif name == "broken.docx":
        data = _zip({"word/document.xml": b"<w/>"})[:60]
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as error:
        read_source(str(path))
    message = str(error.value)
    assert reason in message and "\n" not in message and message.startswith(str(path))
    result = subprocess.run([sys.executable, "-m", "ipextract", "extract", str(path)],
                            capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 2
    assert result.stderr.startswith("ipextract: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_wrong_extension_is_read_as_what_it_is(tmp_path: Path) -> None:
    path = tmp_path / "report.docx.txt"
    path.write_bytes(to_html("全市专利授权总量达到71292件。").encode("utf-8"))
    assert read_source(str(path)).format == "html"


def test_print_agreement() -> None:
    """Prints the agreement table for the README (run with -s)."""
    for (fmt, name), (total, found, extras) in sorted(AGREEMENT.items()):
        print(f"\n{fmt:5} {name:24} figures {total:4} found {found:4} "
              f"({found / total:.1%}) extras {extras}")
    assert all(found <= total for total, found, _ in AGREEMENT.values())

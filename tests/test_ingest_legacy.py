"""Legacy Word (.doc) and WPS (.wps): converted by LibreOffice headless, then read as DOCX.

The fixture .doc is made here from a corpus text (python-docx writes a DOCX, LibreOffice saves
it as Word 97-2003). The tests that need LibreOffice skip when ``soffice`` is not installed,
except in CI (``CI`` set), where ``.ci/run`` installs it and a skip would hide a missing install.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from ipextract import extract
from ipextract.errors import InputError
from ipextract.ingest import legacy, read_bytes, read_source, sniff
from ipextract.pipeline import extract_source

from .conftest import CORPORA
from .format_fixtures import agreement, to_docx

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _need_soffice() -> str:
    program = legacy.soffice()
    if program is None:
        if os.environ.get("CI"):
            pytest.fail("soffice is missing in CI: .ci/run installs libreoffice-writer-nogui")
        pytest.skip("LibreOffice (soffice) is not installed")
    return program


@pytest.fixture(scope="module")
def corpus_doc(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, bytes]:
    program = _need_soffice()
    folder = tmp_path_factory.mktemp("legacy")
    text = (CORPORA / "zhejiang-ip-2024.txt").read_text(encoding="utf-8")
    (folder / "report.docx").write_bytes(to_docx(text))
    subprocess.run([program, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                    "--convert-to", "doc:MS Word 97", "--outdir", str(folder / "out"),
                    str(folder / "report.docx")], check=True, capture_output=True, timeout=180,
                   env=dict(os.environ, HOME=str(folder)))
    return text, (folder / "out" / "report.doc").read_bytes()


def test_doc_gives_the_figures_of_its_text(corpus_doc: tuple[str, bytes]) -> None:
    text, data = corpus_doc
    assert data.startswith(OLE2)
    assert sniff(data, "report.doc") == "doc"
    source = read_bytes(data, "report.doc")
    assert (source.format, source.encoding) == ("doc", "doc")
    assert "专利授权量 | 335125 | -3.5%" in source.text.split("\n")  # a table row, as in DOCX
    document = extract_source(source)
    assert document.document.format == "doc"
    total, found, extras = agreement(extract(text).records, document.records)
    assert found >= 0.98 * total and extras <= 0.02 * total, (total, found, extras)


def test_wps_is_converted_the_same_way(corpus_doc: tuple[str, bytes], tmp_path: Path) -> None:
    _, data = corpus_doc
    path = tmp_path / "report.wps"
    path.write_bytes(data)
    source = read_source(str(path))
    assert source.format == "wps"
    assert "专利授权量 | 335125 | -3.5%" in source.text.split("\n")


def test_odt_is_converted_the_same_way(corpus_doc: tuple[str, bytes], tmp_path: Path) -> None:
    program = _need_soffice()
    (tmp_path / "report.doc").write_bytes(corpus_doc[1])
    subprocess.run([program, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "odt", "--outdir", str(tmp_path / "out"), str(tmp_path / "report.doc")],
                   check=True, capture_output=True, timeout=180, env=dict(os.environ, HOME=str(tmp_path)))
    data = (tmp_path / "out" / "report.odt").read_bytes()
    assert sniff(data, "download") == "odt"
    source = read_bytes(data, "report.odt")
    assert source.format == "odt" and "专利授权量 | 335125 | -3.5%" in source.text.split("\n")


def test_conversion_time_limit_is_a_clear_error(corpus_doc: tuple[str, bytes],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    _, data = corpus_doc
    monkeypatch.setattr(legacy, "CONVERT_SECONDS", 0.05)
    with pytest.raises(InputError, match=r"^slow\.doc: LibreOffice did not convert it within 0\.05 s \[E101\]$"):
        read_bytes(data, "slow.doc")
    psutil = pytest.importorskip("psutil")
    left = [p for p in psutil.process_iter(["cmdline"])
            if any("ipextract-legacy-" in part for part in p.info["cmdline"] or ())]
    assert not left  # the conversion's whole process group was ended


def test_without_soffice_the_error_names_the_program(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(legacy, "soffice", lambda: None)
    data = OLE2 + bytes(1024)  # an OLE2 file named .doc (no stream tells more)
    with pytest.raises(InputError) as error:
        read_bytes(data, "old.doc")
    message = str(error.value)
    assert message.startswith("old.doc: ") and "soffice" in message and "\n" not in message
    assert "libreoffice-writer-nogui" in message


def test_unknown_ole2_file_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="neither an Excel workbook nor a Word document"):
        read_bytes(OLE2 + bytes(1024), "thing.bin")

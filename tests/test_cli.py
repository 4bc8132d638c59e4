"""The command line, run as a user would run it (a subprocess, the installed entry point)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import CORPORA

SAMPLE = CORPORA / "wuhan-ip-2024.txt"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "ipextract", *args], input=stdin,
                          capture_output=True, check=False, timeout=120)


def test_extract_one_file_prints_one_json_object() -> None:
    result = run("extract", str(SAMPLE))
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["schema_version"] == "1.2"
    assert document["document"]["chars"] == len(SAMPLE.read_text(encoding="utf-8"))
    assert len(document["records"]) > 90


def test_extract_several_files_prints_json_lines_in_input_order() -> None:
    paths = [str(CORPORA / "hefei-news-2024.txt"), str(SAMPLE)]
    result = run("extract", *paths)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode("utf-8").splitlines()
    assert [json.loads(line)["document"]["source"] for line in lines] == paths


def test_stdin_and_gb18030(tmp_path: Path) -> None:
    text = "全市专利授权总量达到71292件，同比增长19.19%。"
    result = run("extract", "-", stdin=text.encode("gb18030"))
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["document"]["encoding"] == "gb18030"
    assert [r["value"] for r in document["records"]] == [71292, 19.19]


def test_output_file_is_written(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = run("extract", str(SAMPLE), "-o", str(out))
    assert result.returncode == 0 and result.stdout == b""
    assert json.loads(out.read_text(encoding="utf-8"))["records"]
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temp file left behind


def test_missing_file_is_one_line_and_the_batch_goes_on(tmp_path: Path) -> None:
    result = run("extract", str(tmp_path / "nope.txt"), str(SAMPLE), "--format", "jsonl")
    assert result.returncode == 2
    error = result.stderr.decode("utf-8").strip()
    assert error.startswith("ipextract: ") and "nope.txt: no such file [E101]" in error
    assert "\n" not in error and "Traceback" not in error
    assert len(result.stdout.decode("utf-8").splitlines()) == 1  # the good file was extracted


def test_binary_and_undecodable_input_are_clear_errors(tmp_path: Path) -> None:
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x01\x02" * 10)
    bad = tmp_path / "y.txt"
    bad.write_bytes("专利".encode() + b"\xff\xfe\xfa")
    for path, reason in ((binary, "binary data"), (bad, "undecodable byte at offset")):
        result = run("extract", str(path))
        assert result.returncode == 2
        assert reason in result.stderr.decode("utf-8")


def test_text_prints_the_decoded_text() -> None:
    result = run("text", str(SAMPLE))
    assert result.stdout.decode("utf-8") == SAMPLE.read_text(encoding="utf-8")

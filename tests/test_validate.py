"""The validator: every check must flag what it should and stay quiet otherwise; the sample
gets exactly its known faults."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ipextract import extract
from ipextract.validate import CheckSettings

from .casefiles import case_params
from .conftest import CORPORA

CASES = Path(__file__).resolve().parent / "flag_cases"


def _rows() -> list[Any]:
    return case_params(CASES)


@pytest.mark.parametrize("row", _rows())
def test_flag_case(row: dict[str, Any]) -> None:
    text = row["text"]
    document = extract(text)
    wants_info = any(f.get("info") for f in row["flags"])
    found = [f for f in document.flags if f.severity != "info" or wants_info]
    got = [(f.kind, f.severity, [text[s:e] for s, e in f.spans]) for f in found]
    expected = [(f["kind"], f["severity"], f["covers"]) for f in row["flags"]]
    if wants_info:
        got = [g for g in got if g[1] == "info"] + [g for g in got if g[1] != "info"]
    assert got == expected


def test_every_check_has_cases_both_ways() -> None:
    from ipextract.validate import CHECKS

    rows = [param.values[0] for param in _rows()]
    for kind in CHECKS:
        prefix = {"duplicate_figure": "dup", "conflict": "conflict", "share_mismatch": "share",
                  "sum_mismatch": "sum", "change_mismatch": "change",
                  "share_sum": "sharesum", "typo": "typo", "missing_figure": "missing",
                  "layout_intrusion": "layout", "ambiguous_attachment": "ambiguous"}[kind]
        mine = [row for row in rows if row["id"].startswith(prefix + "-")]
        assert any(any(f["kind"] == kind for f in row["flags"]) for row in mine), kind
        assert any(not row["flags"] for row in mine), kind


def test_the_sample_gets_exactly_its_known_faults() -> None:
    text = (CORPORA / "wuhan-ip-2024.txt").read_text(encoding="utf-8")
    flags = [f for f in extract(text).flags if f.severity != "info"]
    covered = {f.kind: [[text[s:e] for s, e in f.spans] for g in flags if g.kind == f.kind
                        for _ in [0]] for f in flags}
    kinds = sorted(f.kind for f in flags)
    assert kinds == ["ambiguous_attachment", "duplicate_figure", "layout_intrusion",
                     "missing_figure", "typo", "typo"]
    duplicate = next(f for f in flags if f.kind == "duplicate_figure")
    assert [text[s:e] for s, e in duplicate.spans] == ["19.19%", "19.19%", "19.19%"]
    assert [r for r in duplicate.evidence["metrics"]] == ["专利授权总量", "PCT国际专利申请量"]
    typos = [f for f in flags if f.kind == "typo"]
    assert [text[f.spans[0][0]:f.spans[0][1] + 1] for f in typos] == ["新新增", "新新增"]
    missing = next(f for f in flags if f.kind == "missing_figure")
    assert text[missing.spans[0][0]:missing.spans[0][1]] == "同比增长显著"
    intrusion = next(f for f in flags if f.kind == "layout_intrusion")
    assert text[intrusion.spans[1][0]:intrusion.spans[1][1]].startswith("2025年（第七届）")
    assert covered  # every flag covers its spots


def test_no_restated_pair_in_the_sample_is_a_conflict() -> None:
    text = (CORPORA / "wuhan-ip-2024.txt").read_text(encoding="utf-8")
    assert [f for f in extract(text).flags if f.kind == "conflict"] == []


def test_clean_corpora_raise_no_alarm() -> None:
    for name in ("changsha-bulletin-2023", "zhejiang-ip-2024", "hefei-news-2024"):
        text = (CORPORA / f"{name}.txt").read_text(encoding="utf-8")
        alarms = [(f.kind, f.message) for f in extract(text).flags if f.severity != "info"]
        assert alarms == [], name


def test_checks_can_be_switched_off_and_retuned(tmp_path: Path) -> None:
    text = (CORPORA / "wuhan-ip-2024.txt").read_text(encoding="utf-8")
    settings = CheckSettings(checks={"typo": False}, severity={"duplicate_figure": "error"})
    flags = extract(text, settings=settings).flags
    assert not [f for f in flags if f.kind == "typo"]
    assert [f.severity for f in flags if f.kind == "duplicate_figure"] == ["error"]


def _validate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ipextract", "validate", *args],
                          capture_output=True, text=True, check=False, timeout=120)


def test_validate_command_gates_on_severity(tmp_path: Path) -> None:
    sample = str(CORPORA / "wuhan-ip-2024.txt")
    clean = str(CORPORA / "hefei-news-2024.txt")
    assert _validate(sample).returncode == 0  # warnings only
    failed = _validate(sample, "--fail-on", "warning")
    assert failed.returncode == 1
    assert "duplicate_figure" in failed.stdout and "[19.19%]" in failed.stdout
    assert _validate(clean, "--fail-on", "warning").returncode == 0
    config = tmp_path / "checks.toml"
    config.write_text('[severity]\nduplicate_figure = "error"\n', encoding="utf-8")
    assert _validate(sample, "--config", str(config)).returncode == 1
    assert _validate(sample, "--config", str(config), "--disable", "duplicate_figure"
                     ).returncode == 0
    bad = tmp_path / "bad.toml"
    bad.write_text("[checks\n", encoding="utf-8")
    broken = _validate(sample, "--config", str(bad))
    assert broken.returncode == 2 and "not valid TOML" in broken.stderr


def test_extract_includes_flags() -> None:
    result = subprocess.run([sys.executable, "-m", "ipextract", "extract",
                             str(CORPORA / "wuhan-ip-2024.txt")],
                            capture_output=True, text=True, check=True, timeout=120)
    flags = json.loads(result.stdout)["flags"]
    assert {"duplicate_figure", "typo", "missing_figure", "layout_intrusion"} <= {
        f["kind"] for f in flags}
    assert all(f["id"] == f"f{n}" for n, f in enumerate(flags, start=1))

"""The same input gives the same output in every process: nothing may depend on the order of a
set of strings, which changes with Python's hash seed (a place name stripped as 常州 or 常州市
once depended on it)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import CORPORA

REAL = CORPORA.parent.parent / "shared" / "corpora" / "real"


def _documents() -> list[Path]:
    found = sorted(CORPORA.glob("*.txt")) + sorted((CORPORA / "firstsight").glob("*.txt"))
    if REAL.is_dir():
        found += sorted(REAL.rglob("*.txt"))
    return found


def _extract_all(seed: str) -> str:
    environment = {**os.environ, "PYTHONHASHSEED": seed}
    result = subprocess.run(
        [sys.executable, "-m", "ipextract", "extract", "--format", "jsonl",
         *map(str, _documents())], capture_output=True, text=True, env=environment, check=False,
        timeout=600)
    assert result.returncode in (0, 1), result.stderr  # 1: flags of severity error were raised
    return result.stdout


@pytest.mark.slow
def test_output_does_not_depend_on_the_hash_seed() -> None:
    first, second = _extract_all("1"), _extract_all("4")
    assert first.count("\n") == len(_documents())
    if first != second:
        lines = [(a, b) for a, b in zip(first.splitlines(), second.splitlines(), strict=True) if a != b]
        pytest.fail(f"{len(lines)} documents differ between hash seeds 1 and 4, e.g. {lines[0][0][:300]}")

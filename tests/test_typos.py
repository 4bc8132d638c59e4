"""The typo check (V201) alone, on its case file (tests/flag_cases/typos.yaml): each doubled
span it must flag, with the copy it calls stray, and every class of legitimate repetition it
must leave alone; and no typo alarm on the real texts (issue #17, point 5)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from ipextract.validate.base import CheckInput, CheckSettings
from ipextract.validate.text import typo

from .casefiles import case_params
from .conftest import SHARED

CASES = Path(__file__).resolve().parent / "flag_cases"
REAL = SHARED / "corpora" / "real"
# the classes of slips the check must catch, and the classes of repetition it must pass
FLAGGING = ("doubled-first", "doubled-last", "doubled-middle", "doubled-word")
QUIET = ("word-boundary", "function-word", "modifier", "unknown-term", "reduplication",
         "aabb", "title", "quoted-term")


def _rows() -> list[Any]:
    return [param for param in case_params(CASES) if param.id.startswith("typos:")]


def _found(text: str) -> list[tuple[list[str], str]]:
    return [([text[s:e] for s, e in f.spans], f.evidence["stray"])
            for f in typo(CheckInput([], text, []), CheckSettings())]


@pytest.mark.parametrize("row", _rows())
def test_typo_case(row: dict[str, Any]) -> None:
    expected = [(flag["covers"], flag["stray"]) for flag in row["flags"]]
    assert _found(row["text"]) == expected


def test_every_class_has_its_rows() -> None:
    rows = [param.values[0] for param in _rows()]
    assert {row["group"] for row in rows} == set(FLAGGING) | set(QUIET)
    flagged = Counter(row["group"] for row in rows if row["flags"])
    quiet = Counter(row["group"] for row in rows if not row["flags"])
    assert all(flagged[group] >= 3 for group in FLAGGING if group != "doubled-word"), flagged
    assert all(quiet[group] >= 2 for group in QUIET), quiet
    assert not set(flagged) & set(QUIET) and not set(quiet) & set(FLAGGING)


def test_the_span_is_the_doubled_pair() -> None:
    """The flag covers both copies, whichever of them is the stray one."""
    for row in (param.values[0] for param in _rows()):
        for covers, _ in _found(row["text"]):
            assert len(covers) == 1 and covers[0][: len(covers[0]) // 2] * 2 == covers[0]


# Known false alarms on the real texts, each with why it stays: remove a row when it is fixed.
# (慢|病|病因 was one until 慢病 went into the user dictionary: it has the shape of 细|颗|颗粒物, a
# real slip the planted benchmark catches, so the word had to be known, not the rule loosened)
KNOWN_FALSE_ALARMS: list[tuple[str, str]] = []


@pytest.mark.skipif(not REAL.is_dir(), reason="the real texts (../shared) are not here")
def test_no_new_typo_alarm_on_the_real_texts() -> None:
    """The published work reports and bulletins hold no doubled-character slip that a reader
    confirmed (962 doubled characters among them); every flag on them is a false alarm."""
    alarms = []
    for path in sorted(REAL.glob("*/*.txt")):
        text = path.read_text(encoding="utf-8")  # as the pipeline hands it to the checks
        alarms += [(path.name, text[s:e]) for f in typo(CheckInput([], text, []), CheckSettings())
                   for s, e in f.spans]
    assert alarms == KNOWN_FALSE_ALARMS

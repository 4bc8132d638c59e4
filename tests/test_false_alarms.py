"""Issue #17, part 1: no false alarms on real bulletins. The rules are table-driven in
``tests/flag_cases/false_alarms.yaml``; here, what a table cannot say: the chance of a
coincidence over a whole dense document, and the measured rates on the real texts."""

from __future__ import annotations

import random

import pytest

from ipextract import extract
from ipextract.validate import CheckSettings

from .conftest import load_benchmark

_NAMES = "钢铁铜铝锌铅锡镍煤焦油气电纸布糖盐茶酒米面肉蛋奶棉麻丝药瓷砖"


def _bulletin(sentences: int, seed: int = 3) -> tuple[str, list[str]]:
    """A made-up bulletin of ``sentences`` output figures, each with a growth of three digits
    that no other growth shares; the third growth is then copied onto the fifth."""
    rng = random.Random(seed)
    growths = rng.sample(range(101, 999), sentences)
    pairs = [a + b for a in _NAMES for b in _NAMES if a != b]
    names = rng.sample(pairs, sentences)
    growths[4] = growths[2]
    lines = [f"{name}类产品产量{rng.randint(100, 999)}.{rng.randint(1, 9)}万吨，"
             f"增长{growth / 10:.1f}%。" for name, growth in zip(names, growths)]
    return "2024年某市统计公报\n" + "\n".join(lines), [f"{growths[2] / 10:.1f}%"]


def _duplicates(text: str, settings: CheckSettings | None = None) -> list[list[str]]:
    return [[text[s:e] for s, e in f.spans] for f in extract(text, settings=settings).flags
            if f.kind == "duplicate_figure" and f.severity != "info"]


def test_a_copied_growth_in_a_short_text_is_flagged() -> None:
    text, (copied,) = _bulletin(12)
    assert _duplicates(text) == [[copied, copied]]


def test_a_coincidence_among_hundreds_of_growths_is_expected() -> None:
    # two figures apart among 300 percentages: 300 × 2 / 900 ≈ 0.7 such pairs by chance
    text, (copied,) = _bulletin(300)
    assert _duplicates(text) == []
    assert _duplicates(text, CheckSettings(max_document_coincidences=1.0)) == [[copied, copied]]


def _report(sentences: int, seed: int = 5) -> tuple[str, str]:
    """A made-up report of ``sentences`` output figures, each with a growth, a share and a
    rate of three digits that no other percentage shares; the third growth is then copied
    onto the fifth, six percentages (two growths) further on."""
    rng = random.Random(seed)
    values = rng.sample(range(101, 999), 3 * sentences)
    pairs = [a + b for a in _NAMES for b in _NAMES if a != b]
    names = rng.sample(pairs, sentences)
    growths = values[:sentences]
    growths[4] = growths[2]
    lines = [f"{name}类产品产量{rng.randint(100, 999)}.{rng.randint(1, 9)}万吨，增长"
             f"{growth / 10:.1f}%，占全省比重{share / 10:.1f}%，优质品率{rate / 10:.1f}%。"
             for name, growth, share, rate in zip(names, growths, values[sentences:2 * sentences],
                                                  values[2 * sentences:])]
    return "2024年某市统计公报\n" + "\n".join(lines), f"{growths[2] / 10:.1f}%"


def test_a_copied_growth_is_counted_among_the_growths() -> None:
    # two growths apart, six percentages apart: among growths, 2 / 900 per pair and 0.09 over
    # the report's 40 growths; among all 120 percentages it would be 6 / 900 and 0.8
    text, copied = _report(40)
    assert _duplicates(text) == [[copied, copied]]


def test_a_growth_and_a_share_of_one_value_are_not_compared() -> None:
    text = "2024年某市统计公报\n全年发明专利授权量增长31.4%。有效发明专利中企业所占比重31.4%。"
    assert _duplicates(text) == []


def _benchmark():  # type: ignore[no-untyped-def]
    return load_benchmark("false_alarms")


def test_real_texts_stay_within_the_goals() -> None:
    benchmark = _benchmark()
    if not benchmark.REAL.is_dir():
        pytest.skip(f"{benchmark.REAL} is not here")
    rates = benchmark.rates()
    for group, rate in rates.items():
        assert rate <= benchmark.GOALS[group], (group, rate)

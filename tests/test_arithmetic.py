"""The arithmetic checks (issue #17, points 2 and 3; validate/arithmetic.py): the rows of
``tests/flag_cases/arithmetic.yaml`` say what flags; here, what a table cannot say — the shape
of the evidence, the cost on a long document, and what the rules read on the real texts."""

from __future__ import annotations

import gc
import time

import pytest

from ipextract import extract
from ipextract.models import Record
from ipextract.validate import CHECK_CODES, CheckSettings
from ipextract.validate.arithmetic import (
    arithmetic_counts,
    change_mismatch,
    checked_from_to,
    checked_share_lists,
    share_sum,
    sum_mismatch,
)
from ipextract.validate.base import CheckInput

from .conftest import SHARED

PARAGRAPH = (
    "全年技术合同成交额826.4亿元，比上年增加71.5亿元，增长10.5%。"
    "全市有效发明专利从1.20万件增加到1.56万件，增长36.0%。"
    "全市常住人口城镇化率由2023年的71.6%提高到2024年的72.4%，提高1.8个百分点。"
    "2024年全市三次产业结构为3.2:38.5:68.3。"
    "年末全市医疗机构床位5.20万张，其中：医院4.10万张（占78.8%），卫生院0.80万张（占25.4%），"
    "其他机构0.30万张（占5.8%）。"
    "在全市2.4万家规上企业中，内资企业占71.5%，港澳台企业占12.3%，外资企业占26.2%。"
    "全年专利授权总量8.6万件，发明专利、实用新型、外观设计分别为2.1万件、6.3万件、1.2万件。\n"
)


def _alarms(text: str, kind: str) -> list:  # type: ignore[type-arg]
    return [f for f in extract(text).flags if f.kind == kind and f.severity != "info"]


def test_change_mismatch_evidence_gives_the_computed_interval() -> None:
    (flag,) = _alarms("全年技术合同成交额826.4亿元，比上年增加71.5亿元，增长10.5%。", "change_mismatch")
    assert flag.code == CHECK_CODES["change_mismatch"] == "V105"
    evidence = flag.evidence
    assert evidence["rule"].startswith("growth = change ÷ (level − change)")
    assert (evidence["level"], evidence["change"], evidence["growth"]) == (
        "82640000000", "7150000000", "10.5")
    low, high = map(float, evidence["computed_interval"])
    assert 9.46 < low < 9.47 < high < 9.48  # 71.45…71.55 over 754.85…755.0
    assert evidence["stated_interval"] == ["10.45", "10.55"]
    assert "9.47" in flag.message and "10.5%" in flag.message


def test_from_to_evidence_names_both_levels() -> None:
    (flag,) = _alarms("全市有效发明专利从1.20万件增加到1.56万件，增长36.0%。", "change_mismatch")
    assert flag.evidence["rule"] == "growth = B ÷ A − 1"
    assert flag.evidence["from"] == "12000" and flag.evidence["to"] == "15600"
    assert flag.evidence["computed"] == "30"


def test_share_sum_evidence_gives_the_allowed_sum() -> None:
    (flag,) = _alarms("在全市2.4万家规上企业中，内资企业占71.5%，港澳台企业占12.3%，外资企业占26.2%。",
                      "share_sum")
    assert flag.code == "V106"
    assert flag.evidence["shares"] == ["71.5", "12.3", "26.2"]
    assert flag.evidence["allowed_sum"] == ["109.85", "110.15"]
    assert flag.evidence["complete"] is False


def test_a_loose_times_reading_is_a_note_not_an_alarm() -> None:
    flags = [f for f in extract("全市高新技术企业从820家增加到2050家，增长2.5倍。").flags
             if f.kind == "change_mismatch"]
    assert [f.severity for f in flags] == ["info"]
    assert flags[0].evidence["loose_reading"] is True


def test_the_rules_can_be_switched_off() -> None:
    text = "全年技术合同成交额826.4亿元，比上年增加71.5亿元，增长10.5%。2024年全市三次产业结构为3.2:38.5:68.3。"
    settings = CheckSettings(checks={"change_mismatch": False, "share_sum": False})
    assert not [f for f in extract(text, settings=settings).flags
                if f.kind in ("change_mismatch", "share_sum")]


def _view(text: str) -> CheckInput:
    return CheckInput(extract(text, validate=False).records, text, [])


FROM_TO = ("全市高新技术企业从820家增加到2050家，增长1.5倍。"  # holds
           "全市有效发明专利从1.20万件增加到1.56万件，增长36.0%。"  # 30%, not 36.0%
           "全社会研发投入从2020年的100亿元增加到2024年的146.4亿元，年均增长10.0%。"  # over 4 years
           "全市科技型企业从400家增加到1000家，增长2.5倍。"  # 是…倍 written as 增长…倍: a note
           "全市常住人口2024年末为1380万人。")  # no from…to


def test_checked_from_to_gives_each_statement_and_the_checks_verdict() -> None:
    view = _view(FROM_TO)
    found = checked_from_to(view)
    assert [(s.from_level.surface, s.to_level.surface, s.described.surface) for s in found] == [
        ("820家", "2050家", "1.5倍"), ("1.20万件", "1.56万件", "36.0%"),
        ("100亿元", "146.4亿元", "10.0%"), ("400家", "1000家", "2.5倍")]
    assert [s.holds for s in found] == [True, False, True, True]
    assert [s.averaged for s in found] == [False, False, True, False]
    assert [s.finding.severity if s.finding else None for s in found] == [
        None, "error", None, "info"]
    for statement in found:  # the records carry spans into the text and their values
        for record in (statement.from_level, statement.to_level, statement.described):
            assert FROM_TO[record.start:record.end] == record.surface
    assert found[1].from_level.value == 12000 and found[1].to_level.value == 15600


def test_checked_from_to_is_what_change_mismatch_reports() -> None:
    view = _view(FROM_TO)
    reported = [f for f in change_mismatch(view, CheckSettings()) if "from" in f.evidence]
    assert reported == [s.finding for s in checked_from_to(view) if s.finding is not None]
    assert checked_from_to(_view("全市有效发明专利1.56万件，增长36.0%。")) == []


SHARE_LISTS = ("2024年全市三次产业结构为3.2:38.5:68.3。"  # 110: wrong
               "年末全市医疗机构床位5.20万张，其中：医院4.10万张（占78.8%），卫生院0.80万张（占15.4%），"
               "其他机构0.30万张（占5.8%）。"  # 100
               "在全市2.4万家规上企业中，内资企业占71.5%，港澳台企业占12.3%，外资企业占26.2%。"  # 110
               "第一产业增加值占地区生产总值的比重为3.2%，第二产业增加值比重为38.5%，"
               "第三产业增加值比重为58.3%。")  # 100, complete


def test_checked_share_lists_gives_spans_values_and_the_checks_verdict() -> None:
    found = checked_share_lists(_view(SHARE_LISTS))
    assert [[SHARE_LISTS[s.start:s.end] for s in found_list.shares] for found_list in found] == [
        ["3.2", "38.5", "68.3"], ["78.8%", "15.4%", "5.8%"], ["71.5%", "12.3%", "26.2%"],
        ["3.2%", "38.5%", "58.3%"]]
    assert [[str(s.value) for s in found_list.shares] for found_list in found][2] == [
        "71.5", "12.3", "26.2"]
    assert [found_list.complete for found_list in found] == [True, False, False, True]
    assert [found_list.holds for found_list in found] == [False, True, False, True]
    # a ratio's numbers are no records; the other lists' shares are
    assert [all(s.record is None for s in found_list.shares) for found_list in found] == [
        True, False, False, False]
    assert all(s.record.start == s.start for found_list in found[1:] for s in found_list.shares
               if s.record is not None)


def test_checked_share_lists_is_what_share_sum_reports() -> None:
    view = _view(SHARE_LISTS)
    findings = share_sum(view, CheckSettings())
    sums = [f for f in findings if "shares" in f.evidence]
    assert sums == [found.finding for found in checked_share_lists(view)
                    if found.finding is not None]
    assert len(checked_share_lists(view)) == arithmetic_counts(view)["share_lists"]
    # a 分别 list names each item's share of its own whole: not summed
    assert checked_share_lists(_view("城镇、农村居民恩格尔系数分别占28.5%和31.2%。")) == []


def _copies(records: list[Record], text: str, times: int) -> tuple[list[Record], str]:
    """``times`` copies of a paragraph and its records, offsets and ids shifted."""
    copied: list[Record] = []
    width = len(records)
    for copy in range(times):
        shift = copy * len(text)
        number = {r.id: f"r{copy * width + i + 1}" for i, r in enumerate(records)}
        copied.extend(r.model_copy(update={
            "id": number[r.id], "start": r.start + shift, "end": r.end + shift,
            "of": number.get(r.of) if r.of else None}) for r in records)
    return copied, text * times


def _check_time(records: list[Record], text: str) -> tuple[float, int]:
    """The CPU time of the three checks over ``records``, the best of three runs with the
    collector held off (a cycle collection over 100,000 records, or a neighbour's load on a
    shared 2-core machine, made one run 7× the small one's where the cost is 4×), and what
    they found."""
    view = CheckInput(records, text, [])
    settings = CheckSettings()
    best, found = float("inf"), []
    for _ in range(3):
        gc.collect()
        gc.disable()
        try:
            began = time.process_time()
            found = change_mismatch(view, settings) + share_sum(view, settings) + sum_mismatch(
                view, settings)
            best = min(best, time.process_time() - began)
        finally:
            gc.enable()
    return best, len(found)


def test_cost_stays_linear_on_a_100000_figure_document() -> None:
    records = extract(PARAGRAPH, validate=False).records
    per_copy, flags_per_copy = len(records), None
    small, small_text = _copies(records, PARAGRAPH, 25_000 // per_copy)
    large, large_text = _copies(records, PARAGRAPH, 100_000 // per_copy)
    assert len(large) >= 99_000
    small_time, small_flags = _check_time(small, small_text)
    large_time, large_flags = _check_time(large, large_text)
    flags_per_copy = small_flags / (len(small) // per_copy)
    assert large_flags == flags_per_copy * (len(large) // per_copy)  # every copy is caught
    assert large_time < 20, large_time  # seconds, on a shared 2-core machine
    assert large_time < 6 * small_time + 0.5, (small_time, large_time)  # 4× the figures


REAL = SHARED / "corpora" / "real"


@pytest.mark.skipif(not REAL.is_dir(), reason="the real texts are not here")
def test_the_real_bulletins_have_triples_and_share_lists_to_check() -> None:
    counts: dict[str, int] = {}
    flagged = []
    for path in sorted((REAL / "bulletins").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        document = extract(text)
        for key, value in arithmetic_counts(CheckInput(document.records, text, [])).items():
            counts[key] = counts.get(key, 0) + value
        flagged += [(path.name, tuple(text[s:e] for s, e in f.spans)) for f in document.flags
                    if f.kind in ("change_mismatch", "share_sum") and f.severity != "info"]
    assert counts["triples"] >= 12 and counts["share_lists"] >= 20, counts
    # the one inconsistency of the published bulletins (benchmarks/audit/README_arithmetic.md)
    assert flagged == [("bulletin_2021_nanjing.txt", ("152.43万辆", "1.7%", "2.20万辆"))]

"""A prefilter never changes what a pattern finds, only where the engine bothers to look."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipextract.figures import _grammar, _non_figures
from ipextract.scanning import alternation, opening_characters, prefilter

from .test_properties import report_like


def _unfiltered(pattern: str) -> str:
    lookahead = pattern[: pattern.index("])") + 2] if pattern.startswith("(?=[") else ""
    return pattern[len(lookahead):]


def test_the_figure_scans_are_prefiltered() -> None:
    assert _grammar().pattern.startswith("(?=[")
    assert _non_figures() is not None and _non_figures().pattern.startswith("(?=[")


def test_the_non_figure_scan_stays_on_the_standard_engine() -> None:
    # a vocabulary pattern the standard engine cannot compile (a lookbehind of two widths,
    # (?<!a|连续)) sends the whole non-figure scan, run for every clause with a figure, to the
    # regex module's engine; cues.toml's non_figure_patterns keep to what ``re`` takes
    assert isinstance(_non_figures(), re.Pattern)


@settings(max_examples=300, deadline=None)
@given(report_like)
def test_prefiltered_grammar_finds_exactly_what_the_grammar_finds(text: str) -> None:
    grammar = _grammar()
    plain = re.compile(_unfiltered(grammar.pattern), re.VERBOSE)
    assert [m.group(0) for m in grammar.finditer(text)] == [m.group(0) for m in plain.finditer(text)]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("年", "(?=[年])"),
        ("(?:第)?[0-9]+", "(?=[0-9第])"),
        ("a*b", "(?=[ab])"),
        ("(?<=x)y|z", "(?=[yz])"),
        ("x?", ""),  # may match the empty string: no prefilter
        (r"\w年", ""),  # starts with a category: too wide
        ("[^0-9]年", ""),  # a negated class
        (r"\p{Han}", ""),  # syntax the standard parser does not read
    ],
)
def test_prefilter_cases(pattern: str, expected: str) -> None:
    assert prefilter(pattern) == expected


def test_case_folding_gives_no_prefilter() -> None:
    assert opening_characters("ab", re.IGNORECASE) is None


WORDS = st.lists(st.text(alphabet="万亿元人次件", min_size=1, max_size=4), min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(WORDS, st.text(alphabet="万亿元人次件。", max_size=40))
def test_a_trie_finds_what_a_longest_first_alternation_finds(words: list[str], text: str) -> None:
    flat = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    assert [m.span() for m in re.finditer(alternation(words), text)] == \
        [m.span() for m in re.finditer(flat, text)]


def test_looks_past_its_match() -> None:
    from ipextract.scanning import looks_past_its_match

    assert not looks_past_its_match("(?<![一二])[一二]+届|(?:这|过去)[一二]年")
    assert looks_past_its_match("年(?=来)") and looks_past_its_match("(?:[0-9]+$)")
    assert looks_past_its_match(r"(?<=(?=a)b)c")  # a lookahead inside a lookbehind
    assert looks_past_its_match(r"\p{Han}")  # not read by the standard parser: cannot tell


def test_a_clause_scan_finds_what_the_block_scan_finds() -> None:
    """Every position of texts dense in non-figures: covered by the clause's own scan exactly
    when covered by the scan of the whole block."""
    from ipextract.blocks import split_blocks
    from ipextract.figures import (
        _covered,
        _covered_in_clause,
        _non_figure_spans,
        _non_figures_stay_in_clauses,
    )

    assert _non_figures_stay_in_clauses()
    texts = ["这五年，召开十四届人大三次会议，建区70周年、新建30万吨级泊位3个，五年来增长两个百分点。",
             "二十届四中全会；十一届十次全会：三期工程、四期，过去五年 一二三四五年来 二十届",
             "十" * 300 + "届，" + "五年来" * 100]
    checked = 0
    for text in texts:
        (block,) = split_blocks(text)
        starts, ends = _non_figure_spans(block.text)
        for position in range(len(block.text)):
            clause = _covered_in_clause(block, position)
            if clause is not None:
                checked += 1
                assert clause == _covered(starts, ends, position), (text[:20], position)
    assert checked > 100


def test_must_contain() -> None:
    from ipextract.records.base import _period_pattern
    from ipextract.scanning import must_contain

    assert must_contain(_period_pattern().pattern, "年")  # what the period shortcut rests on
    assert must_contain("(?:a年|b年)", "年") and not must_contain("(?:a年|b)", "年")
    assert not must_contain("年?", "年") and not must_contain("(?:年)*", "年")
    assert must_contain("(?:年)+", "年") and must_contain("[年]", "年")
    assert not must_contain("[年月]", "年") and not must_contain(r"\p{Han}", "年")


def test_han_class_is_the_han_script() -> None:
    """The standard engine's Han class matches exactly what ``\\p{Han}`` matches."""
    import re

    import regex

    from ipextract.scanning import HAN_CLASS

    han, ours = regex.compile(r"\p{Han}"), re.compile(HAN_CLASS)
    differ = [code for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF
              and bool(han.match(chr(code))) != bool(ours.match(chr(code)))]
    assert differ == []


def test_a_prefilter_governs_every_branch_of_a_top_level_alternation() -> None:
    """(?=[甲乙])甲|乙 would test the set before 甲 only; prefiltered groups the pattern."""
    from ipextract.scanning import prefiltered

    pattern = re.compile(prefiltered("甲|乙"))
    assert pattern.pattern == "(?=[乙甲])(?:甲|乙)"
    assert [m.group() for m in pattern.finditer("丙乙甲")] == ["乙", "甲"]
    for scanner in _status_scanners():
        assert scanner.pattern.startswith("(?=[") and scanner.pattern[
            scanner.pattern.index("])") + 2:].startswith("(?:")


def _status_scanners() -> list[re.Pattern[str]]:
    import importlib

    status = importlib.import_module("ipextract.records.status")
    return [status._status_cues(), status._basis_cues()]


@settings(max_examples=200, deadline=None)
@given(report_like)
def test_prefiltered_status_cues_find_exactly_what_the_cues_find(text: str) -> None:
    for scanner in _status_scanners():
        plain = re.compile(_unfiltered(scanner.pattern))
        assert [(m.span(), m.lastgroup) for m in scanner.finditer(text)] == [
            (m.span(), m.lastgroup) for m in plain.finditer(text)]

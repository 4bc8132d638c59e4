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

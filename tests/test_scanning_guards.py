"""A pattern searched only when the text holds one of its required characters finds what the
pattern itself finds (``scanning.required_characters``, ``GuardedPattern``)."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from ipextract.records.base import _strip_edges
from ipextract.records.naming import _phrase_patterns
from ipextract.scanning import GuardedPattern, required_characters

# characters of report prose, the characters the vocabulary's patterns turn on, and edges
_ALPHABET = "全市年月日季度半上下前两三一二四十0123456789—-~至到截止底末份当（）()PMA在于中期间以来比较同环去“”《》，、 。"


def test_required_characters_of_classes_of_patterns() -> None:
    assert required_characters("[0-9]{4}年") == frozenset("年")
    assert required_characters("(?:截至)?[12][0-9]{3}年(?:底|末)?") == frozenset("年")
    assert required_characters("[上下]半年|前[两三]季度") == frozenset("半前")  # (the first character each branch must hold)
    assert required_characters("(?:比|较|同比)(?:上年)?$") == frozenset("比较同")
    assert required_characters("(?<![0-9])[0-9]+") == frozenset("0123456789")
    # nothing every match must hold: an optional part, a negated class, a category, a lookahead
    assert required_characters("年?") is None
    assert required_characters("[^年]+") is None
    assert required_characters(r"\w+") is None
    assert required_characters("(?=年)") is None
    assert required_characters("年|[0-9]?") is None
    assert required_characters("(") is None  # a pattern Python cannot parse: nothing shown


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=24))
def test_guarded_patterns_cut_what_the_patterns_cut(text: str) -> None:
    for guarded in _phrase_patterns():
        assert guarded.sub("", text) == guarded.pattern.sub("", text)
        found, plain = guarded.search(text), guarded.pattern.search(text)
        assert (found and found.span()) == (plain and plain.span())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=24))
def test_required_characters_are_in_every_match(text: str) -> None:
    for guarded in _phrase_patterns():
        if guarded.characters is None:
            continue
        for match in guarded.pattern.finditer(text):
            if match.group():
                assert not guarded.characters.isdisjoint(match.group())


def test_a_guard_that_cannot_be_shown_searches_always() -> None:
    guarded = GuardedPattern(regex.compile(r"\w+(?:年)?"))
    assert guarded.characters is None
    assert guarded.sub("", "二〇二四年") == ""


def test_strip_edges_keeps_its_reading() -> None:
    assert _strip_edges("“专利授权量”") == "专利授权量"
    assert _strip_edges("，专利授权量：") == "专利授权量"
    assert _strip_edges("固定资产投资（不含农户）") == "固定资产投资（不含农户）"
    assert _strip_edges("专利授权量") == "专利授权量"
    assert _strip_edges("") == ""

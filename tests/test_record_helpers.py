"""The quick forms of the record rules' small helpers answer what the slow forms answer:
``Suffixes.longest`` is the first of ``Suffixes.matches``, and the tests that skip the regex
engine for most words (``_is_punctuation``, ``_is_place``, the scope-prefix loop) agree with
the patterns themselves on every token of our corpora and on hand-written edge cases."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import regex

from ipextract.records import naming
from ipextract.records.base import (
    _PLACE,
    _PUNCTUATION,
    Suffixes,
    _is_place,
    _is_punctuation,
    _word_sets,
)
from ipextract.vocabulary.lexicon import cut

ROOT = Path(__file__).resolve().parent.parent

CHANGE_VERBS = Suffixes(_word_sets()["change"])
SMALL = Suffixes(["增长", "长", "提高", "同比增长"])


@pytest.mark.parametrize("text", ["同比增长", "增长", "长", "比上年增长", "提高到", "", "下降",
                                  "全市专利授权总量", "较上年减少", "长长"])
@pytest.mark.parametrize("words", [SMALL, CHANGE_VERBS], ids=["small", "change_verbs"])
def test_longest_is_the_first_match(words: Suffixes, text: str) -> None:
    assert words.longest(text) == next(words.matches(text), None)


def test_longest_finds_the_longest_word_and_nothing_in_a_text_without_one() -> None:
    assert SMALL.longest("比上年同比增长") == "同比增长"
    assert SMALL.longest("增长率") is None
    assert SMALL.longest("") is None


@cache
def _corpus_lines() -> tuple[str, ...]:
    lines = []
    for path in sorted((ROOT / "corpora").rglob("*.txt")):
        lines += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return tuple(lines)


@cache
def _corpus_tokens() -> frozenset[str]:
    return frozenset(token for line in _corpus_lines() for token in cut(line))


EDGE_TOKENS = ["", " ", "，", "。”", "%", "（", "）", "——", "、、", "“2024”", "-", "+5", "武汉市",
               "湖北省", "汉阳区", "新疆维吾尔自治区", "市", "全市", "城区", "a市", "鼓楼区新增",
               "黔东南苗族侗族自治州", "锡林郭勒盟", "科尔沁右翼前旗", "\u3000", "\t"]


def test_is_punctuation_is_the_pattern() -> None:
    tokens = _corpus_tokens() | frozenset(EDGE_TOKENS)
    assert any(_is_punctuation(t) for t in tokens) and not all(_is_punctuation(t) for t in tokens)
    assert [t for t in tokens if _is_punctuation(t) != bool(_PUNCTUATION.fullmatch(t))] == []


def test_is_place_is_the_pattern() -> None:
    tokens = _corpus_tokens() | frozenset(EDGE_TOKENS)
    assert any(_is_place(t) for t in tokens) and not all(_is_place(t) for t in tokens)
    assert [t for t in tokens if _is_place(t) != bool(_PLACE.fullmatch(t))] == []


def _strip_scope_prefixes_slowly(phrase: str) -> str:
    scope, _ = naming._scope_prefix()
    while (match := scope.match(phrase)) is not None and match.end() > 0:
        phrase = phrase[match.end():]
    return phrase


def test_scope_prefixes_are_stripped_as_the_pattern_strips_them() -> None:
    phrases = [clause for line in _corpus_lines() for clause in regex.split(r"[，。；：]", line)]
    phrases += ["全市，其中专利授权量", "", "全", "其中", "全市全省", "这一数据接近"]
    assert any(naming._strip_scope_prefixes(p) != p for p in phrases)
    assert [p for p in phrases
            if naming._strip_scope_prefixes(p) != _strip_scope_prefixes_slowly(p)] == []


def test_continues_sentence_is_the_pattern_at_every_position() -> None:
    from ipextract.blocks import split_blocks
    from ipextract.records.context import _BREAKDOWN, continues_sentence

    text = "\n".join(_corpus_lines()) + "\n其中，城镇人口80万人。 其中农村。●其中一项。其他。\u3000其中"
    blocks = split_blocks(text)
    checked = found = 0
    for block in blocks:
        for at in range(len(block.text) + 1):
            expected = _BREAKDOWN.match(block.text, at) is not None
            assert continues_sentence(block, at) == expected, (block.text, at)
            checked += 1
            found += expected
    assert checked > 10_000 and found > 3

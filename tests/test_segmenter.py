"""The one-pass segmenter gives exactly the words of jieba's ``lcut(text, HMM=False)``: on every
line of the corpora and the real texts, on hand-made edge cases, and on generated text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipextract.vocabulary.lexicon import tokenizer
from ipextract.vocabulary.segmenter import GLUED_CHARACTERS, segment

from .conftest import CORPORA, SHARED


def _lines(paths: list) -> list[str]:  # type: ignore[type-arg]
    return [line for path in paths for line in path.read_text(encoding="utf-8").splitlines() if line]


def _disagreements(lines: list[str]) -> list[str]:
    tok = tokenizer()
    return [line for line in lines if segment(tok, line) != tok.lcut(line, HMM=False)]


def test_same_words_as_jieba_on_the_corpora() -> None:
    lines = _lines(sorted(CORPORA.rglob("*.txt")))
    assert len(lines) > 100
    assert _disagreements(lines) == []


def test_same_words_as_jieba_on_the_real_texts() -> None:
    paths = sorted((SHARED / "corpora").rglob("*.txt"))
    if not paths:
        pytest.skip("../shared/corpora is not here")
    lines = _lines(paths)
    assert _disagreements(lines) == []


@pytest.mark.parametrize("text", [
    "", " ", "\r\n", "。", "abc", "a1b2", "5G基站", "C919大飞机", "2.5%", "-3.2", "#&._%",
    "全市专利授权总量达到71292件，同比增长19.19%。", "新新增", "研究生生", "\t增长 5.2 %\n",
    "ＡＢＣ１２３", "〇", "𠀀字", "一二三四五六七八九十百千万亿",
])
def test_same_words_as_jieba_at_the_edges(text: str) -> None:
    tok = tokenizer()
    assert segment(tok, text) == tok.lcut(text, HMM=False)


_HAN_AND_MORE = st.text(
    alphabet=st.sampled_from(list("全市专利授权总量达到件同比增长亿元万人研究生新增发明的了和与")
                             + list("0123456789.%aZ -_，。、（）\n")),
    max_size=60)


@settings(max_examples=300, deadline=None)
@given(_HAN_AND_MORE)
def test_same_words_as_jieba_on_generated_text(text: str) -> None:
    tok = tokenizer()
    assert segment(tok, text) == tok.lcut(text, HMM=False)


def test_segments_cover_the_text() -> None:
    text = "武汉市 2024年发明专利授权量3.5万件，增长12%。"
    words = segment(tokenizer(), text)
    assert "".join(words) == text
    assert "发明" in words and "武汉市" in words  # words of the dictionary, not characters


def test_glued_characters_are_what_jiebas_pattern_matches() -> None:
    """The set that stands for jieba's Latin-or-digit pattern holds every character of the
    Basic Multilingual Plane the pattern matches, and no other."""
    import jieba

    matched = {c for c in map(chr, range(0x10000)) if jieba.re_eng.match(c)}
    assert matched == set(GLUED_CHARACTERS)
    assert "7" in GLUED_CHARACTERS and "专" not in GLUED_CHARACTERS

"""The scope stage segments a clause only when it may open with a place: the quick test
(``_may_open_with_place``) must never say no where the segmentation would find a place-like
first word (it would lose a scope), on our own corpora and on the shared real texts."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
import regex

from ipextract.vocabulary.lexicon import cut

scope_module = importlib.import_module("ipextract.records.scope")

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "corpora" / "real"


def _opens_with_place_like_word(clause: str) -> bool:
    """What ``_opening_place`` reads before it looks a name up: the slow, sure way."""
    tokens = [t for t in cut(clause.strip()) if t.strip()]
    while tokens and tokens[0] in scope_module._OPENERS:
        tokens.pop(0)
    return bool(tokens) and scope_module._place_like(tokens[0])


def _clauses(texts: list[str]) -> list[str]:
    found = []
    for text in texts:
        for clause in regex.split(r"[，。；：！？\n]", text):
            found += [clause, clause[:6], f"其中，{clause[:10]}", f"另外 {clause[:10]}"]
    return found


HAND_WRITTEN = ["其中，浦东新区", "其中浦东新区", "全市地区生产总值", "本省粮食产量", "鼓楼区新增",
                "湖北省武汉市江汉区", "此外，  黔东南苗族侗族自治州", "新疆维吾尔自治区", "城镇居民",
                "", " ", "其中", "，，", "内蒙古自治区", "江汉区"]


def _missed(clauses: list[str]) -> list[str]:
    return [c for c in clauses
            if not scope_module._may_open_with_place(c.strip()) and _opens_with_place_like_word(c)]


def test_the_quick_test_never_says_no_to_a_place_on_our_corpora() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpora").rglob("*.txt"))]
    clauses = _clauses(texts) + HAND_WRITTEN
    assert _missed(clauses) == []
    # and it says no to most clauses, or it saves nothing
    assert sum(scope_module._may_open_with_place(c.strip()) for c in clauses) < len(clauses) / 4


@pytest.mark.skipif(not REAL.is_dir(), reason="the shared real texts are not here")
def test_the_quick_test_never_says_no_to_a_place_on_the_real_texts() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(REAL.rglob("*.txt"))]
    assert _missed(_clauses(texts)) == []


def test_places_are_still_found() -> None:
    assert scope_module._may_open_with_place("其中，浦东新区")
    assert scope_module._may_open_with_place("江汉区")
    assert not scope_module._may_open_with_place("全市地区生产总值")
    assert scope_module.scope("其中，浦东新区", "310000") == "浦东新区"
    assert scope_module.scope("全市地区生产总值", "310000") is None

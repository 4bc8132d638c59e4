"""The prepared-dictionary cache gives exactly the dictionary jieba itself builds."""

from __future__ import annotations

from pathlib import Path

import pytest

from ipextract.vocabulary import lexicon


def _fresh(monkeypatch: pytest.MonkeyPatch, folder: str) -> None:
    monkeypatch.setenv("IPEXTRACT_CACHE_DIR", folder)
    for cached in (lexicon._prepared, lexicon.tokenizer, lexicon._tags, lexicon._cut):
        cached.cache_clear()


@pytest.fixture
def restore_lexicon():  # type: ignore[no-untyped-def]
    yield
    for cached in (lexicon._prepared, lexicon.tokenizer, lexicon._tags, lexicon._cut):
        cached.cache_clear()


def test_cached_dictionary_equals_the_built_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 restore_lexicon: None) -> None:
    built_freq, built_total, built_tags = lexicon._build()
    _fresh(monkeypatch, str(tmp_path))
    first = lexicon.tokenizer()  # builds and saves
    assert sorted(p.suffix for p in tmp_path.glob("dict-*")) == [".freq", ".tags", ".words"]
    _fresh(monkeypatch, str(tmp_path))
    second = lexicon.tokenizer()  # loads the saved copy
    assert lexicon._prepared()[3] is None, "the second run must read the cache, not rebuild"
    assert second.FREQ == built_freq == first.FREQ
    assert second.total == built_total
    assert lexicon._tags().as_dict() == built_tags
    phrase = "全市专利授权总量同比增长"
    assert lexicon.cut(phrase) == first.lcut(phrase, HMM=False)
    assert "".join(lexicon.cut(phrase)) == phrase


def test_a_damaged_cache_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    restore_lexicon: None) -> None:
    _fresh(monkeypatch, str(tmp_path))
    lexicon.tokenizer()
    (freq_file,) = tmp_path.glob("dict-*.freq")
    freq_file.write_bytes(freq_file.read_bytes()[:-8])  # one entry short
    _fresh(monkeypatch, str(tmp_path))
    assert lexicon._prepared()[3] is not None, "a short frequency file must not be trusted"
    assert lexicon.is_word("专利")


def test_caching_can_be_switched_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     restore_lexicon: None) -> None:
    _fresh(monkeypatch, "")
    assert lexicon.cache_dir() is None
    assert lexicon.pos_tag("专利") == "n"


def test_old_dictionary_sets_are_pruned(tmp_path: Path) -> None:
    import os

    for age, key in enumerate(["k0", "k1", "k2", "k3", "k4"]):  # k0 newest, k4 oldest
        for suffix in (".words", ".freq", ".tags"):
            path = tmp_path / f"dict-{key}{suffix}"
            path.write_text("x")
            os.utime(path, (1_000_000 - age * 100, 1_000_000 - age * 100))
    (tmp_path / "dict-k9.freq").write_text("x")  # a set still being written: no word list yet
    (tmp_path / "notes.txt").write_text("x")  # not ours
    assert lexicon.prune(tmp_path, "k4", keep=3) == ["k2", "k3"]
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == ["dict-k0.freq", "dict-k0.tags", "dict-k0.words",
                    "dict-k1.freq", "dict-k1.tags", "dict-k1.words",
                    "dict-k4.freq", "dict-k4.tags", "dict-k4.words",
                    "dict-k9.freq", "notes.txt"]


@pytest.mark.parametrize("text", ["全市专利授权总量达到71292件", "", "  ", "PCT国际专利申请量"])
def test_the_shared_cut_is_the_cut(text: str) -> None:
    shared = lexicon.cut_shared(text)
    assert shared == tuple(lexicon.cut(text))
    # cut hands out a list of its own: changing it leaves the cached words as they were
    words = lexicon.cut(text)
    words.append("x")
    assert lexicon.cut_shared(text) == shared

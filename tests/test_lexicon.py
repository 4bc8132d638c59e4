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


def test_the_cached_dictionary_is_made_a_first_character_at_a_time(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, restore_lexicon: None) -> None:
    """Read from the cache, the frequencies and tags of a first character become Python
    objects when a word starting with it is first asked for (a yearbook asks for a few hundred
    of the 11,800 first characters); every answer is the built dictionary's, and ``len`` is
    the whole dictionary's from the start."""
    built_freq, _, built_tags = lexicon._build()
    _fresh(monkeypatch, str(tmp_path))
    lexicon.tokenizer()  # builds and saves
    _fresh(monkeypatch, str(tmp_path))
    freq = lexicon.tokenizer().FREQ
    assert isinstance(freq, lexicon.Frequencies)
    assert len(freq) == len(built_freq) and dict.__len__(freq) == 0
    assert freq.get("专利") == built_freq["专利"]
    made = dict.__len__(freq)
    assert made == sum(1 for word in built_freq if word[0] == "专")
    # a prefix (0), a word, a fragment no word starts with, and the empty string
    for word in ("专", "专利授", "专利权", "专利xyz", "授权", "", "𠀀"):
        assert freq.get(word) == built_freq.get(word), word
        assert (word in freq) == (word in built_freq), word
    assert freq["授权"] == built_freq["授权"]
    with pytest.raises(KeyError):
        freq["专利xyz"]
    assert dict.__len__(freq) < len(built_freq) / 10, "only the groups asked for are made"
    tags = lexicon._tags()
    for word in ("专利", "授权", "武汉市", "没有这个词"):
        assert tags.get(word, "x") == built_tags.get(word, "x"), word
    assert freq == built_freq and len(freq) == dict.__len__(freq) == len(built_freq)


def test_a_word_added_before_its_group_is_made_stays(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, restore_lexicon: None) -> None:
    """jieba's ``add_word`` sets ``FREQ[word]`` and its prefixes: the group is made first, so
    making it later cannot undo the change."""
    _fresh(monkeypatch, str(tmp_path))
    lexicon.tokenizer()
    _fresh(monkeypatch, str(tmp_path))
    tok = lexicon.tokenizer()
    size = len(tok.FREQ)
    tok.add_word("知识产权质押融资额度", freq=7)
    assert tok.FREQ.get("知识产权质押融资额度") == 7
    assert tok.FREQ.get("知识产权") == lexicon._build()[0]["知识产权"]  # the group is whole
    assert len(tok.FREQ) > size
    assert tok.lcut("知识产权质押融资额度", HMM=False) == ["知识产权质押融资额度"]

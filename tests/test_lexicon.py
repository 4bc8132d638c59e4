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


def test_the_cached_dictionary_is_made_an_entry_at_a_time(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, restore_lexicon: None) -> None:
    """Read from the cache, an entry of the frequencies becomes a Python object when it is
    first asked for (a report asks for 40,000 of the 500,000); every answer is the built
    dictionary's, and ``len`` is the whole dictionary's from the start."""
    built_freq, _, built_tags = lexicon._build()
    _fresh(monkeypatch, str(tmp_path))
    lexicon.tokenizer()  # builds and saves
    _fresh(monkeypatch, str(tmp_path))
    freq = lexicon.tokenizer().FREQ
    assert isinstance(freq, lexicon.Frequencies)
    assert len(freq) == len(built_freq) and dict.__len__(freq) == 0
    assert freq.get("专利") == built_freq["专利"]
    assert dict.__len__(freq) == 1, "only the entry asked for is made"
    # a prefix (0), a word, a fragment no word starts with, the empty string, a character
    # no word starts with; asked twice (the second answer may come from a memo)
    for _ in range(2):
        for word in ("专", "专利授", "专利权", "专利xyz", "授权", "", "𠀀"):
            assert freq.get(word) == built_freq.get(word), word
            assert freq.get(word, -5) == built_freq.get(word, -5), word
            assert freq.make(word) == built_freq.get(word), word  # (the segmenter's get)
            assert (word in freq) == (word in built_freq), word
    assert freq["授权"] == built_freq["授权"]
    with pytest.raises(KeyError):
        freq["专利xyz"]
    assert dict.__len__(freq) < 10
    tags = lexicon._tags()
    for word in ("专利", "授权", "武汉市", "没有这个词", "专利xyz"):
        assert tags.get(word, "x") == built_tags.get(word, "x"), word
    assert freq == built_freq and len(freq) == dict.__len__(freq) == len(built_freq)


def test_changes_to_the_lazy_dictionary_stay(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, restore_lexicon: None) -> None:
    """What is set, deleted or defaulted before an entry is made is what it is afterwards,
    and ``len`` follows (the segmenter keys its memo of fragments on it)."""
    built_freq = lexicon._build()[0]
    _fresh(monkeypatch, str(tmp_path))
    lexicon.tokenizer()
    _fresh(monkeypatch, str(tmp_path))
    freq = lexicon.tokenizer().FREQ
    size = len(freq)
    assert "专利xyz" not in freq  # (remembered as absent)
    freq["专利xyz"] = 3
    assert freq.get("专利xyz") == 3 and "专利xyz" in freq and len(freq) == size + 1
    del freq["专利"]  # a stored entry, not made before
    assert "专利" not in freq and freq.get("专利") is None and len(freq) == size
    with pytest.raises(KeyError):
        del freq["专利"]
    assert freq.setdefault("授权", 99) == built_freq["授权"]
    assert freq.pop("武汉市") == built_freq["武汉市"] and "武汉市" not in freq
    assert freq.pop("武汉市", None) is None
    freq["授权"] = 1
    expected = {**built_freq, "专利xyz": 3, "授权": 1}
    del expected["专利"], expected["武汉市"]
    assert len(freq) == len(expected)
    assert freq == expected
    assert dict(freq.items()) == expected  # all made now: the same answers
    assert freq.get("专利") is None and freq["授权"] == 1


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


def test_comments_of_the_user_dictionary_are_no_words() -> None:
    """jieba reads every line of a user dictionary as a word: its comments must not reach it (each
    would add a made-up count to the total that weighs every route)."""
    freq, total, _ = lexicon._build()
    comments = [line.strip() for line in lexicon.user_dictionary_path().read_text(encoding="utf-8").splitlines()
                if line.lstrip().startswith("#")]
    assert comments, "the user dictionary explains its entries"
    assert not any(word.startswith("#") for word in freq)
    assert all(comment not in freq for comment in comments)
    with_comments = lexicon.jieba.Tokenizer()
    with with_comments.get_dict_file() as dictionary:
        with_comments.FREQ, with_comments.total = with_comments.gen_pfdict(dictionary)
    with_comments.initialized = True
    with_comments.load_userdict(str(lexicon.user_dictionary_path()))
    assert total < with_comments.total  # (the comments' counts are left out)

"""The vocabulary files are validated when loaded: a malformed file is a clear error."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ipextract.errors import VocabularyError
from ipextract.vocabulary import DATA, load_vocabulary, load_vocabulary_from


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(Path(str(DATA)), target)
    return target


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_the_shipped_vocabulary_loads() -> None:
    vocabulary = load_vocabulary()
    assert vocabulary.units["万人次"].base == "人次"
    assert vocabulary.magnitudes["亿"].factor == 100_000_000
    assert vocabulary.change_verbs["下降"] == -1
    assert "常常" in vocabulary.allowed_reduplications


def test_a_copy_loads_the_same(data_copy: Path) -> None:
    assert load_vocabulary_from(data_copy) == load_vocabulary()


def test_duplicate_key_is_rejected(data_copy: Path) -> None:
    _append(data_copy / "magnitudes.toml", '\n"亿" = { factor = "1" }\n')
    with pytest.raises(VocabularyError, match="magnitudes.toml"):
        load_vocabulary_from(data_copy)


def test_unit_claimed_by_two_sections_is_rejected(data_copy: Path) -> None:
    _append(data_copy / "units.toml", '\n[extra]\n"件" = { base = "件", kind = "count" }\n')
    with pytest.raises(VocabularyError, match="unit '件' is in both"):
        load_vocabulary_from(data_copy)


def test_alias_claimed_twice_is_rejected(data_copy: Path) -> None:
    _append(data_copy / "metrics.toml", '"另一个指标" = ["查扣侵权商品"]\n')
    with pytest.raises(VocabularyError, match="claimed by both"):
        load_vocabulary_from(data_copy)


def test_regex_that_does_not_compile_is_rejected(data_copy: Path) -> None:
    path = data_copy / "cues.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index("adverbial_pattern = ")
    end = text.index("\n", start)
    path.write_text(text[:start] + "adverbial_pattern = '(?:在'" + text[end:], encoding="utf-8")
    with pytest.raises(VocabularyError, match="adverbial_pattern does not compile"):
        load_vocabulary_from(data_copy)


def test_word_listed_twice_is_rejected(data_copy: Path) -> None:
    _append(data_copy / "userdict.txt", "知识产权 10 n\n")
    with pytest.raises(VocabularyError, match="twice"):
        load_vocabulary_from(data_copy)


def test_unknown_kind_is_rejected(data_copy: Path) -> None:
    _append(data_copy / "units.toml", '\n[bad]\n"钱" = { base = "钱", kind = "weight" }\n')
    with pytest.raises(VocabularyError, match="malformed"):
        load_vocabulary_from(data_copy)

"""The vocabulary files are validated when loaded: a malformed file is a clear error."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from ipextract.errors import VocabularyError
from ipextract.vocabulary import DATA, load_vocabulary, load_vocabulary_from


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(Path(str(DATA)), target)
    return target


def test_the_shipped_vocabulary_loads() -> None:
    vocabulary = load_vocabulary()
    assert vocabulary.units["万人次"].base == "人次"
    assert vocabulary.magnitudes["亿"].factor == 100_000_000
    assert vocabulary.change_verbs["下降"] == -1
    assert "常常" in vocabulary.allowed_reduplications


def test_a_copy_loads_the_same(data_copy: Path) -> None:
    assert load_vocabulary_from(data_copy) == load_vocabulary()


def _replace_pattern(text: str) -> str:
    start = text.index("adverbial_pattern = ")
    return text[:start] + "adverbial_pattern = '(?:在'" + text[text.index("\n", start):]


@pytest.mark.parametrize(
    ("file", "change", "error"),
    [
        ("magnitudes.toml", lambda t: t + '\n"亿" = { factor = "1" }\n', "magnitudes.toml"),
        ("units.toml", lambda t: t + '\n[extra]\n"件" = { base = "件", kind = "count" }\n',
         "unit '件' is in both"),
        ("metrics.toml", lambda t: t + '"另一个指标" = ["查扣侵权商品"]\n', "claimed by both"),
        ("cues.toml", _replace_pattern, "adverbial_pattern does not compile"),
        ("userdict.txt", lambda t: t + "知识产权 10 n\n", "twice"),
        ("units.toml", lambda t: t + '\n[bad]\n"钱" = { base = "钱", kind = "weight" }\n',
         "malformed"),
        ("currencies.toml", lambda t: t.replace('"£"     = "英镑"', '"£"     = "吨"'),
         "no money unit"),
        ("cues.toml", lambda t: t + '"中东" = ["中部"]\n', "must stand for two or more"),
        ("cues.toml", lambda t: t.replace('word_suffixes = ["化",', 'word_suffixes = ["化工",'),
         "one character each"),
        ("cues.toml", lambda t: t.replace('effort_verbs = ["推进",', 'effort_verbs = ["建成", "推进",'),
         "in both"),
    ],
    ids=["duplicate key", "unit claimed twice", "alias claimed twice", "regex that does not compile", "word listed twice", "unknown kind", "currency that is no money",
         "distributive word for one item", "suffix of two characters",
         "a verb that both stays in a name and goes"],
)
def test_malformed_vocabulary_is_rejected(data_copy: Path, file: str,
                                          change: Callable[[str], str], error: str) -> None:
    path = data_copy / file
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(VocabularyError, match=error):
        load_vocabulary_from(data_copy)

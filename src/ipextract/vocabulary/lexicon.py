"""The jieba dictionary, loaded once with the package's user dictionary added.

jieba is the user's chosen segmenter. We keep our own :class:`jieba.Tokenizer` instead of the
module-level default so that loading our user dictionary never changes how another library
in the same process segments text.
"""

from __future__ import annotations

import logging
from functools import lru_cache

import jieba
import jieba.posseg

from . import load_vocabulary, user_dictionary_path

jieba.setLogLevel(logging.WARNING)


@lru_cache(maxsize=1)
def tokenizer() -> jieba.Tokenizer:
    tok = jieba.Tokenizer()
    tok.initialize()
    tok.load_userdict(str(user_dictionary_path()))
    return tok


@lru_cache(maxsize=1)
def _tags() -> dict[str, str]:
    """jieba's tag table (loaded when jieba.posseg is imported), with our dictionary's tags."""
    return {**jieba.posseg.dt.word_tag_tab, **load_vocabulary().user_tags}


def is_word(text: str) -> bool:
    """True when ``text`` is a word of the dictionary (not merely a prefix of one)."""
    return tokenizer().FREQ.get(text, 0) > 0


def pos_tag(word: str) -> str:
    """jieba's part-of-speech tag for a dictionary word, ``x`` when unknown."""
    return _tags().get(word, "x")


@lru_cache(maxsize=1 << 16)
def _cut(text: str) -> tuple[str, ...]:
    return tuple(tokenizer().lcut(text, HMM=False))


def cut(text: str) -> list[str]:
    """Segment ``text`` (no HMM: deterministic, and new words stay split into known ones).

    Reports repeat their phrases (同比增长, 全市…达到), so segmentations are cached."""
    return list(_cut(text))

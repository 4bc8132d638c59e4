"""The jieba dictionary, loaded once with the package's user dictionary added.

jieba is the user's chosen segmenter. We keep our own :class:`jieba.Tokenizer` instead of the
module-level default so that loading our user dictionary never changes how another library
in the same process segments text.

Loading is the largest part of a short run's start-up: jieba unmarshals its prefix dictionary
(500,000 entries, 0.43 s) and ``jieba.posseg`` imports HMM tables we never use to get the
part-of-speech tags (0.15 s). So the first run saves the finished dictionary (jieba's words,
frequencies and tags with our user dictionary applied) as three flat files in the cache folder;
later runs rebuild the frequencies with ``dict(zip(...))`` over one ``str.split`` (0.12 s) and
keep the tags as two sorted lists searched by bisection (0.035 s). The cache is
keyed by jieba's version, its dictionary file and our user dictionary, written atomically,
and only a speed-up: when the folder is not writable the dictionary is built as before. Writing
a new set deletes all but the newest few (:func:`prune`).

The cache folder is ``$IPEXTRACT_CACHE_DIR``, else ``$XDG_CACHE_HOME/ipextract``, else
``~/.cache/ipextract``; ``IPEXTRACT_CACHE_DIR=`` (empty) turns caching off.
"""

from __future__ import annotations

import array
import hashlib
import logging
import os
import tempfile
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import jieba

from . import load_vocabulary, user_dictionary_path
from .segmenter import segment

jieba.setLogLevel(logging.WARNING)

_CACHE_FORMAT = "3"
_SEPARATOR = "\n"
_SUFFIXES = (".words", ".freq", ".tags")
# Sets of files kept in the cache folder. Each virtual environment (its own copy of jieba's
# dictionary) has its own key, and each set is 13 MB: without pruning, a machine that makes
# fresh environments (CI, tox) would fill the folder.
KEEP_SETS = 3


def cache_dir() -> Path | None:
    """Where the prepared dictionary is kept; None when caching is switched off."""
    configured = os.environ.get("IPEXTRACT_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "ipextract"


def _cache_key() -> str:
    jieba_dict = Path(jieba.__file__).parent / "dict.txt"
    stat = jieba_dict.stat()
    digest = hashlib.sha256()
    for part in (_CACHE_FORMAT, jieba.__version__, str(stat.st_size), str(stat.st_mtime_ns)):
        digest.update(part.encode() + b"\0")
    digest.update(user_dictionary_path().read_bytes())
    return digest.hexdigest()[:16]


def _build() -> tuple[dict[str, int], int, dict[str, str]]:
    """jieba's own way: its dictionary, then our user dictionary on top, then its tags.

    The prefix dictionary is built with jieba's own ``gen_pfdict`` rather than ``initialize``,
    which would also write jieba's cache into the temporary folder: nothing is written but
    our cache (and nothing at all when caching is off)."""
    tok = jieba.Tokenizer()
    with tok.get_dict_file() as dictionary:
        tok.FREQ, tok.total = tok.gen_pfdict(dictionary)
    tok.initialized = True
    tok.load_userdict(str(user_dictionary_path()))
    from jieba import posseg  # only here, for the tag table, when building

    tags = {**posseg.dt.word_tag_tab, **load_vocabulary().user_tags}
    return tok.FREQ, tok.total, tags


def _write_atomic(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _save(folder: Path, key: str, freq: dict[str, int], total: int, tags: dict[str, str]) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        words = list(freq)
        if any(_SEPARATOR in w or "\0" in w for w in (*words, *tags, *tags.values())):
            return  # a word with a separator in it cannot be stored in this format
        _write_atomic(folder / f"dict-{key}.freq", array.array("q", freq.values()).tobytes())
        ordered = sorted(tags)  # sorted, so that the cached table is searched, not hashed
        _write_atomic(folder / f"dict-{key}.tags", (_SEPARATOR.join(ordered) + "\0" + _SEPARATOR.join(
            tags[w] for w in ordered)).encode("utf-8"))
        # the word list last: its presence says the other two are complete
        _write_atomic(folder / f"dict-{key}.words",
                      (str(total) + _SEPARATOR + _SEPARATOR.join(words)).encode("utf-8"))
        prune(folder, key)
    except OSError:
        pass  # a read-only home or a full disk costs speed, never a result


def prune(folder: Path, key: str, keep: int = KEEP_SETS) -> list[str]:
    """Delete all but the ``keep`` most recently built sets (``key``'s always stays); the
    keys deleted. Files of a set being written by another process (no ``.words`` yet) are
    left alone; a set deleted while another process still uses it is only rebuilt by it."""
    built = []
    for words in folder.glob("dict-*.words"):
        try:
            built.append((words.stat().st_mtime_ns, words.name[len("dict-"):-len(".words")]))
        except OSError:
            continue  # deleted meanwhile
    others = [k for _, k in sorted(built, reverse=True) if k != key]
    stale = others[max(keep - 1, 0):]
    for old in stale:
        for suffix in _SUFFIXES:  # the word list first: without it the set is never loaded
            (folder / f"dict-{old}{suffix}").unlink(missing_ok=True)
    return stale


def _load(folder: Path, key: str) -> tuple[dict[str, int], int, Path] | None:
    words_path = folder / f"dict-{key}.words"
    try:
        total_text, *words = words_path.read_text(encoding="utf-8").split(_SEPARATOR)
        frequencies = array.array("q")
        frequencies.frombytes((folder / f"dict-{key}.freq").read_bytes())
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    if len(frequencies) != len(words):
        return None
    return dict(zip(words, frequencies, strict=True)), int(total_text), folder / f"dict-{key}.tags"


@lru_cache(maxsize=1)
def _prepared() -> tuple[dict[str, int], int, Path | None, dict[str, str] | None]:
    """(frequencies, total, tag file or None, tags when already built)."""
    folder = cache_dir()
    key = _cache_key()
    if folder is not None:
        loaded = _load(folder, key)
        if loaded is not None:
            freq, total, tag_file = loaded
            return freq, total, tag_file, None
    freq, total, tags = _build()
    if folder is not None:
        _save(folder, key, freq, total, tags)
    return freq, total, None, tags


@lru_cache(maxsize=1)
def tokenizer() -> jieba.Tokenizer:
    freq, total, _, _ = _prepared()
    tok = jieba.Tokenizer()
    tok.FREQ, tok.total = freq, total
    tok.initialized = True  # the dictionary is already in place: no second load
    return tok


class SortedTags:
    """The cached tag table as two sorted lists, searched by bisection: a document asks for a
    few thousand tags, and splitting the file into lists costs a fifth of building a dict of
    its 350,000 words (about 80 ms), a large part of a short run's start-up.

    >>> SortedTags(["专利", "授权"], ["n", "v"]).get("授权", "x"), SortedTags([], []).get("a", "x")
    ('v', 'x')
    """

    __slots__ = ("tags", "words")

    def __init__(self, words: list[str], tags: list[str]) -> None:
        if len(words) != len(tags):
            raise ValueError("a tag for every word")
        # tuples, not lists: a tuple of strings leaves the cyclic collector's care after its
        # first pass, where a list's 350,000 items are visited again in every full collection
        # (a third of one: 60 → 40 ms)
        self.words, self.tags = tuple(words), tuple(tags)

    def get(self, word: str, default: str) -> str:
        index = bisect_left(self.words, word)
        if index < len(self.words) and self.words[index] == word:
            return self.tags[index]
        return default

    def as_dict(self) -> dict[str, str]:
        return dict(zip(self.words, self.tags, strict=True))


@lru_cache(maxsize=1)
def _tags() -> dict[str, str] | SortedTags:
    """jieba's tag table with our dictionary's tags (the cached copy when there is one)."""
    _, _, tag_file, tags = _prepared()
    if tags is not None:
        return tags
    assert tag_file is not None
    try:
        words, tag_names = tag_file.read_text(encoding="utf-8").split("\0")
        return SortedTags(words.split(_SEPARATOR), tag_names.split(_SEPARATOR))
    except (OSError, ValueError, UnicodeDecodeError):
        return _build()[2]


def is_word(text: str) -> bool:
    """True when ``text`` is a word of the dictionary (not merely a prefix of one)."""
    return tokenizer().FREQ.get(text, 0) > 0


def words_starting(text: str, start: int = 0) -> Iterator[str]:
    """The dictionary words that ``text`` holds at ``start``, shortest first (what jieba's
    word graph links from there): a segmentation's word at ``start`` is one of them, or the
    character alone.

    >>> list(words_starting("武汉市专利"))
    ['武', '武汉', '武汉市']
    """
    freq = tokenizer().FREQ
    end = start + 1
    while end <= len(text):
        count = freq.get(text[start:end])
        if count is None:
            return  # no word goes on from here: the dictionary holds every prefix of its words
        if count > 0:
            yield text[start:end]
        end += 1


@lru_cache(maxsize=1 << 14)
def pos_tag(word: str) -> str:
    """jieba's part-of-speech tag for a dictionary word, ``x`` when unknown (cached: a report
    asks for the same few thousand words again and again)."""
    return _tags().get(word, "x")


@lru_cache(maxsize=1 << 16)
def _cut(text: str) -> tuple[str, ...]:
    return tuple(segment(tokenizer(), text))


def cut(text: str) -> list[str]:
    """Segment ``text`` (no HMM: deterministic, and new words stay split into known ones).

    Reports repeat their phrases (同比增长, 全市…达到), so segmentations are cached."""
    return list(_cut(text))


def cut_shared(text: str) -> tuple[str, ...]:
    """:func:`cut`'s words as the cache holds them, for a caller that only reads them (no
    list copied per call)."""
    return _cut(text)

"""The jieba dictionary, loaded once with the package's user dictionary added.

jieba is the user's chosen segmenter. We keep our own :class:`jieba.Tokenizer` instead of the
module-level default so that loading our user dictionary never changes how another library
in the same process segments text.

Loading is the largest part of a short run's start-up: jieba unmarshals its prefix dictionary
(500,000 entries, 0.43 s) and ``jieba.posseg`` imports HMM tables we never use to get the
part-of-speech tags (0.15 s). So the first run saves the finished dictionary (jieba's words and
their prefixes, frequencies and tags with our user dictionary applied) as three flat files in
the cache folder, the words sorted, so that all those of one first character are together.

As Python objects the whole dictionary was 105 MB (56 MB for the 500,000 frequencies, 51 MB
for the 350,000 tags as sorted tuples), two thirds of the fixed memory of a run; a document uses
the words of the characters it has, and a yearbook or a big table has a few hundred of the
11,800 first characters (14% of the entries), a work report 1,400 (65%). So later runs keep
the files as one string and two arrays (13 MB), split the words of a first character into a
sorted list when one of them is first asked for, and make an entry of the frequencies when it
is first looked up, found there by bisection (:class:`Frequencies`); the tags are searched in
the same lists (:class:`TagTable`). The segmenter looks up 37,000 fragments in the 48 work
reports: making the whole group of each first character asked for had made 377,000 entries,
and those dict insertions were most of the dictionary's cost in a first pass (peak memory of
that pass 129 → 112 MB when entries were made one at a time). The cache is keyed by jieba's version, its
dictionary file and our user dictionary, written atomically, and only a speed-up: when the
folder is not writable the dictionary is built as before, whole. Writing a new set deletes all
but the newest few (:func:`prune`).

The cache folder is ``$IPEXTRACT_CACHE_DIR``, else ``$XDG_CACHE_HOME/ipextract``, else
``~/.cache/ipextract``; ``IPEXTRACT_CACHE_DIR=`` (empty) turns caching off.
"""

from __future__ import annotations

import array
import hashlib
import io
import logging
import os
import tempfile
import threading
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import jieba

from . import load_vocabulary, user_dictionary_path
from .segmenter import direct_lookup, segment

jieba.setLogLevel(logging.WARNING)

_CACHE_FORMAT = "5"
_SEPARATOR = "\n"
_FIELD = "\t"  # between the tag names, and between the numbers of the group index
_SUFFIXES = (".words", ".freq", ".tags")
_NO_COUNT = -1  # a word with a tag that is no entry of the frequencies
_NO_GROUP: tuple[tuple[str, ...], int] = ((), 0)
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
    # (jieba reads every line as a word, comments too: each would add its made-up count to the
    # dictionary's total, which weighs every route, so a comment edit could change the cuts)
    entries = [line for line in user_dictionary_path().read_text(encoding="utf-8").splitlines()
               if line.strip() and not line.lstrip().startswith("#")]
    tok.load_userdict(io.BytesIO("\n".join(entries).encode("utf-8")))
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
    """Three files: ``.words``, the total and then every word (of the frequencies or the
    tags), sorted; ``.freq``, the frequency of each (``_NO_COUNT`` for a word only tagged) as
    8-byte integers; ``.tags``, the tag names, the groups (each first character, how many
    words start with it and how many characters they take with their separators) and then a
    byte per word, its tag's number (0: none)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        words = sorted(freq.keys() | tags.keys())
        names = sorted(set(tags.values()))
        if (not words or "" in words or "" in names or len(names) > 255 or any(
                _SEPARATOR in w or _FIELD in w or "\0" in w for w in (*words, *names))):
            return  # a word with a separator in it cannot be stored in this format
        number = {name: code for code, name in enumerate(names, start=1)}
        groups: list[tuple[str, int, int]] = []  # (first character, words, characters)
        for word in words:
            if groups and groups[-1][0] == word[0]:
                first, count, size = groups[-1]
                groups[-1] = (first, count + 1, size + len(word) + 1)
            else:
                groups.append((word[0], 1, len(word) + 1))
        index = _FIELD.join(f"{first}{_FIELD}{count}{_FIELD}{size}" for first, count, size in groups)
        _write_atomic(folder / f"dict-{key}.freq", array.array(
            "q", (freq.get(w, _NO_COUNT) for w in words)).tobytes())
        _write_atomic(folder / f"dict-{key}.tags", (_FIELD.join(names) + _SEPARATOR + index
                                                     + "\0").encode("utf-8")
                      + bytes(number.get(tags.get(w, ""), 0) for w in words))
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


class _Stored:
    """The saved dictionary, kept as the files hold it: the words of a first character are
    split into a sorted list when one of them is first asked for, and searched by bisection,
    for their counts (:class:`Frequencies`) and their tags (:class:`TagTable`)."""

    def __init__(self, words: str, counts: array.array[int], codes: bytes, names: list[str],
                 groups: dict[str, tuple[int, int, int, int]]) -> None:
        self.words, self.counts, self.codes = words, counts, codes
        self.tag_of: list[str | None] = [None, *names]  # a tag's number → its name
        # first character → (start and end of its words in ``words``, first and last + 1
        # word number); a group is deleted once its words are split
        self.groups = groups
        # first character → the words of its group, sorted, and the number of the first. A
        # tuple, not a list: the cyclic collector untracks a tuple of strings at its first
        # pass, where it walked every item of a list (377,000 words after the real work
        # reports) at every full collection, and at every young one while the list was young
        # (the collector's callgrind count over a first pass of those reports: 329M → 289M)
        self.made: dict[str, tuple[tuple[str, ...], int]] = {}
        self.freq = Frequencies(self, len(counts) - counts.count(_NO_COUNT))
        self.tags = TagTable(self)
        self.lock = threading.Lock()  # a group is split whole before another thread reads it

    def group(self, first: str) -> tuple[tuple[str, ...], int]:
        """The sorted words of ``first`` and the number of the first of them."""
        made = self.made.get(first)
        if made is not None:
            return made
        with self.lock:
            group = self.groups.get(first)
            if group is None:
                return self.made.get(first, _NO_GROUP)  # split meanwhile, or no such group
            start, end, low, _ = group
            made = self.made[first] = (tuple(self.words[start:end].split(_SEPARATOR)), low)
            del self.groups[first]
            if not self.groups:  # all split: the joined words are no longer needed
                self.words = ""
            return made

    def number(self, word: str) -> int | None:
        """The number of ``word`` among the stored words, None when it is none of them."""
        # (the group's split words, without a call once split: asked for every new fragment)
        words, low = self.made.get(word[:1]) or self.group(word[:1])
        at = bisect_left(words, word)
        return low + at if at < len(words) and words[at] == word else None

    def tag(self, word: str) -> str | None:
        """The tag of ``word``, None when it has none."""
        number = self.number(word) if word else None
        return None if number is None else self.tag_of[self.codes[number]]

    def split_all(self) -> None:
        for first in list(self.groups):
            self.group(first)

    def entries(self) -> Iterator[tuple[str, int]]:
        """Every stored entry of the frequencies."""
        self.split_all()
        counts = self.counts
        for words, low in self.made.values():
            for at, word in enumerate(words):
                if counts[low + at] != _NO_COUNT:
                    yield word, counts[low + at]


_MISSING: Any = object()


class Frequencies(dict[str, int]):
    """jieba's ``FREQ`` (word or prefix of a word → count, 0 for a prefix only) read from the
    cache: a dict whose entries are made one at a time, when a key is first looked up (a work
    report looks up 40,000 fragments of a dictionary of 500,000 entries, so making whole
    groups of a first character made nine times the entries needed; dict insertions were most
    of a first pass's dictionary cost). A key changed or deleted here stays so. ``len`` is the
    size of the whole. Only what jieba and this package do with it is defined here (look-ups,
    ``add_word``'s assignments, iteration and comparison, which make everything first)."""

    __slots__ = ("absent", "complete", "removed", "size", "stored")

    def __init__(self, stored: _Stored, size: int) -> None:
        super().__init__()
        self.stored = stored
        self.size = size  # entries of the whole, made or not
        self.absent: set[str] = set()  # keys looked up and found in neither (a bounded memo)
        self.removed: set[str] = set()  # stored keys deleted here
        self.complete = False  # every stored entry made

    def _made(self, key: object) -> Any:
        """The count of ``key`` (made now if stored), ``_MISSING`` when it has none."""
        found = dict.get(self, key, _MISSING)  # type: ignore[call-overload,misc]
        if found is not _MISSING:
            return found
        count = self.make(key)  # type: ignore[arg-type]
        return _MISSING if count is None else count

    def make(self, key: str) -> int | None:
        """The count of ``key``: made now if stored, None when there is none. ``get`` without
        its wrapping, for ``segmenter.direct_lookup``: the segmenter asks it of every fragment
        it has not seen (52,000 on a first pass over the real work reports), so the stored
        look-up (``_Stored.number``'s) is written out here, one Python call per fragment, and
        every other look-up goes through it (``_made``)."""
        found = dict.get(self, key, _MISSING)  # type: ignore[call-overload]
        if found is not _MISSING:
            return found  # type: ignore[no-any-return]
        absent = self.absent
        if self.complete or not isinstance(key, str) or not key or key in absent or (
                key in self.removed):
            return None
        stored = self.stored
        words, low = stored.made.get(key[0]) or stored.group(key[0])
        at = bisect_left(words, key)
        if at < len(words) and words[at] == key:
            count = stored.counts[low + at]
            if count != _NO_COUNT:
                dict.__setitem__(self, key, count)
                return count  # type: ignore[no-any-return]
        if len(absent) > _MAX_ABSENT:
            absent.clear()
        absent.add(key)
        return None

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        found = dict.get(self, key, _MISSING)
        if found is _MISSING:
            found = self._made(key)
        return default if found is _MISSING else found

    def __getitem__(self, key: str) -> int:
        found = self._made(key)
        if found is _MISSING:
            raise KeyError(key)
        return found  # type: ignore[no-any-return]

    def __contains__(self, key: object) -> bool:
        return self._made(key) is not _MISSING

    def __setitem__(self, key: str, value: int) -> None:
        if self._made(key) is _MISSING:
            self.size += 1  # a new entry
        self.absent.discard(key)
        self.removed.discard(key)
        dict.__setitem__(self, key, value)

    def __delitem__(self, key: str) -> None:
        if self._made(key) is _MISSING:
            raise KeyError(key)
        dict.__delitem__(self, key)
        self.removed.add(key)
        self.size -= 1

    def setdefault(self, key: str, default: int = 0) -> int:  # type: ignore[override]
        found = self._made(key)
        if found is _MISSING:
            self[key] = found = default
        return found  # type: ignore[no-any-return]

    def pop(self, key: str, *default: Any) -> Any:  # type: ignore[override]
        found = self._made(key)
        if found is _MISSING:
            if default:
                return default[0]
            raise KeyError(key)
        del self[key]
        return found

    def __len__(self) -> int:
        return self.size

    def make_all(self) -> None:
        """Make every stored entry (iteration, comparison and copies need them all)."""
        if self.complete:
            return
        made, removed = dict.__contains__, self.removed
        for word, count in self.stored.entries():
            if not made(self, word) and word not in removed:
                dict.__setitem__(self, word, count)
        self.complete = True
        self.absent.clear()

    def whole(self) -> dict[str, int]:
        """Every entry, as a plain dict."""
        self.make_all()
        return dict(dict.items(self))

    def __iter__(self) -> Iterator[str]:
        self.make_all()
        return dict.__iter__(self)

    def keys(self) -> Any:
        self.make_all()
        return dict.keys(self)

    def values(self) -> Any:
        self.make_all()
        return dict.values(self)

    def items(self) -> Any:
        self.make_all()
        return dict.items(self)

    def copy(self) -> dict[str, int]:
        return self.whole()

    def update(self, *args: Any, **kwargs: Any) -> None:
        for key, value in dict(*args, **kwargs).items():
            self[key] = value

    def __eq__(self, other: object) -> bool:
        return self.whole() == other

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<Frequencies: {len(self)} entries, {dict.__len__(self)} made>"

    def __reduce__(self) -> tuple[Any, ...]:
        return dict, (self.whole(),)  # (a copy sent to another process is a plain dict)


_MAX_ABSENT = 1 << 16  # keys remembered as absent: a memo, emptied when full


class TagTable:
    """The tag table read from the cache: the tags of a first character's words are searched
    among its words (made by :class:`Frequencies`), by bisection."""

    __slots__ = ("stored",)

    def __init__(self, stored: _Stored) -> None:
        self.stored = stored

    def get(self, word: str, default: str) -> str:
        tag = self.stored.tag(word)
        return default if tag is None else tag

    def as_dict(self) -> dict[str, str]:
        stored = self.stored
        stored.split_all()
        return {word: stored.tag_of[stored.codes[low + at]]  # type: ignore[misc]
                for words, low in stored.made.values() for at, word in enumerate(words)
                if stored.codes[low + at]}


def _load(folder: Path, key: str) -> tuple[_Stored, int] | None:
    words_path = folder / f"dict-{key}.words"
    try:
        total_text, words = words_path.read_text(encoding="utf-8").split(_SEPARATOR, 1)
        counts = array.array("q")
        counts.frombytes((folder / f"dict-{key}.freq").read_bytes())
        head, codes = (folder / f"dict-{key}.tags").read_bytes().split(b"\0", 1)
        names_line, index = head.decode("utf-8").split(_SEPARATOR)
        total = int(total_text)
        fields = index.split(_FIELD)
        groups: dict[str, tuple[int, int, int, int]] = {}
        start = low = 0
        for at in range(0, len(fields), 3):
            count, size = int(fields[at + 1]), int(fields[at + 2])
            groups[fields[at]] = (start, start + size - 1, low, low + count)
            start += size
            low += count
    except (OSError, ValueError, IndexError, UnicodeDecodeError):
        return None
    if (len(counts) != low or len(codes) != low or start != len(words) + 1
            or len(groups) != len(fields) // 3):
        return None
    names = names_line.split(_FIELD) if names_line else []
    if any(code > len(names) for code in set(codes)):
        return None
    return _Stored(words, counts, codes, names, groups), total


@lru_cache(maxsize=1)
def _prepared() -> tuple[dict[str, int], int, TagTable | None, dict[str, str] | None]:
    """(frequencies, total, the tag table read from the cache, tags when built instead)."""
    folder = cache_dir()
    key = _cache_key()
    if folder is not None:
        loaded = _load(folder, key)
        if loaded is not None:
            stored, total = loaded
            return stored.freq, total, stored.tags, None
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


@lru_cache(maxsize=1)
def _tags() -> dict[str, str] | TagTable:
    """jieba's tag table with our dictionary's tags (the cached copy when there is one)."""
    _, _, table, tags = _prepared()
    if tags is not None:
        return tags
    assert table is not None
    return table
def make_whole() -> None:
    """Make every entry of the dictionary now, as versions before the dictionary was made a
    first character at a time did while starting (``benchmarks/compare_commits.py
    --whole-dictionary`` times them like for like)."""
    _, _, table, _ = _prepared()
    if table is not None:
        table.stored.freq.make_all()


# the dictionary of ``tokenizer()`` and its ``direct_lookup`` (kept: asked for every word looked up)
_DIRECT: list[Any] = [None, None]


def dictionary_lookup() -> tuple[Any, Any]:
    """``segmenter.direct_lookup`` of the dictionary of :func:`tokenizer`."""
    freq = tokenizer().FREQ
    if _DIRECT[0] is not freq:
        _DIRECT[:] = [freq, direct_lookup(freq)]
    return _DIRECT[1]  # type: ignore[no-any-return]


def is_word(text: str) -> bool:
    """True when ``text`` is a word of the dictionary (not merely a prefix of one)."""
    made, get = dictionary_lookup()
    count = made(text)
    if count is None:
        count = get(text)
    return (count or 0) > 0


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

"""jieba's accurate mode without the HMM (``Tokenizer.lcut(text, HMM=False)``), computed in one
pass instead of three.

jieba segments a run of Han, Latin and digits by building a dict of every dictionary word
starting at each character (``get_DAG``), then, from the end, the most probable route
(``calc``: a generator, a tuple and a ``log`` call per candidate word), then by walking the
route. Segmentation was a fifth of extraction time on the real reports. Here the candidate
words of a position are scored as they are found, from the end of the run, with the same
floating-point operations in the same order and the same tie-break (the longer word), so the
words are jieba's own: ``tests/test_segmenter.py`` checks that on every sentence of the
corpora and the real texts, and on generated text. jieba stays the dictionary and the
definition; this is only its loop, tightened.

>>> from ipextract.vocabulary.lexicon import tokenizer
>>> segment(tokenizer(), "全市专利授权总量达到71292件")
['全市', '专利授权总量', '达到', '71292', '件']
"""

from __future__ import annotations

from collections.abc import Callable
from math import log

import jieba

# jieba's own patterns (jieba/__init__.py): what a segmentable run is, what is skipped whole,
# and which one-character words are glued into a Latin or digit run
_RUN = jieba.re_han_default
_SKIP = jieba.re_skip_default
_LATIN_OR_DIGIT = jieba.re_eng
# the characters it matches, as a set: one test per one-character word instead of a regex call
# (the pattern is a class of ASCII letters and digits; tests/test_segmenter.py checks the set
# against it over the whole Basic Multilingual Plane)
GLUED_CHARACTERS = frozenset(c for c in map(chr, range(128)) if _LATIN_OR_DIGIT.match(c))


def direct_lookup(freq: dict[str, int]) -> tuple[
        Callable[[str], int | None], Callable[[str], int | None]]:
    """``(made, get)``: two ways of looking a word up in ``freq``, the first without a Python
    call. A dictionary made an entry at a time (``lexicon.Frequencies``, whose ``get`` is a
    Python method that makes the entry) answers ``made`` only for the entries made so far; a
    caller asks ``get`` when ``made`` says None. For a plain dict both are its ``get``.

    >>> made, get = direct_lookup({"武汉": 5})
    >>> made("武汉"), get("武汉"), made("汉口")
    (5, 5, None)
    """
    if isinstance(freq, dict) and type(freq) is not dict:
        # (its ``make``, when it has one: ``get`` for a key ``made`` found no entry for)
        return dict.get.__get__(freq), getattr(freq, "make", freq.get)
    return freq.get, freq.get


#: what the dictionary says of a fragment, as ``_route`` needs it: ``log(count) - log_total`` of a
#: word (jieba's own expression, so the same float), ``None`` for a prefix of words that is no word
#: itself, ``False`` for a fragment no word starts with. One lookup per fragment instead of two,
#: and each logarithm taken once per process instead of at every occurrence.
_Known = dict[str, float | None | bool]
_Lookup = Callable[[str], "int | None"]
#: the memo of the dictionary in use, with the count look-up of its ``direct_lookup`` (made with
#: it, not for every run segmented: a run is mostly a short phrase, and making the look-up cost a
#: tenth of it)
_KNOWN: dict[tuple[int, int, float], tuple[_Known, _Lookup]] = {}
_MAX_KNOWN = 1 << 20  # fragments: a cache, emptied when full (yearbooks are long)
_UNSEEN = object()  # a fragment not looked up yet
_NEVER = float("-inf")


def _known_fragments(freq: dict[str, int], log_total: float) -> tuple[_Known, _Lookup]:
    """The memo of ``freq``'s fragments and the count look-up of ``direct_lookup(freq)`` (its
    ``made`` is not asked: a fragment not seen here is hardly ever an entry made already)."""
    # a word added to the dictionary (jieba's add_word) changes its size and its total
    key = (id(freq), len(freq), log_total)
    found = _KNOWN.get(key)
    if found is None or len(found[0]) > _MAX_KNOWN:
        _KNOWN.clear()  # one dictionary at a time
        found = _KNOWN[key] = ({}, direct_lookup(freq)[1])
    return found


def _route(run: str, freq: dict[str, int], log_total: float) -> list[int]:
    """For each position of ``run``, where the best word starting there ends (exclusive)."""
    size = len(run)
    score = [0.0] * (size + 1)
    ends = [0] * (size + 1)
    unknown = 0.0 - log_total  # log(1) - log_total, as jieba computes it for a word it lacks
    known, get_count = _known_fragments(freq, log_total)
    unseen = _UNSEEN
    get = known.get
    for start in range(size - 1, -1, -1):
        best_score = _NEVER  # below any word's score: the first word found is taken
        best_end = start + 1
        end = start + 1
        fragment = run[start]
        # the words of the dictionary that start here (a prefix is in FREQ with 0)
        while True:
            said = get(fragment, unseen)
            if said is unseen:
                # (``get_count`` itself, not ``made`` first: a fragment not seen here is hardly
                # ever an entry made already, and a lazily made dictionary's ``get_count``
                # looks there first)
                count = get_count(fragment)
                said = known[fragment] = (
                    False if count is None else (log(count) - log_total) if count else None)
            if said is False:
                break  # no word goes on from here
            if said is not None:
                candidate = said + score[end]  # type: ignore[operator]
                if candidate >= best_score:  # a tie goes to the longer word
                    best_score, best_end = candidate, end
            if end >= size:
                break
            end += 1
            fragment = run[start:end]
        if best_score == _NEVER:  # no word starts here: the character alone
            best_score = unknown + score[start + 1]
        score[start] = best_score
        ends[start] = best_end
    return ends


def _cut_run(run: str, freq: dict[str, int], log_total: float) -> list[str]:
    ends = _route(run, freq, log_total)
    glued_characters = GLUED_CHARACTERS
    words: list[str] = []
    glued = ""
    position = 0
    size = len(run)
    while position < size:
        end = ends[position]
        word = run[position:end]
        if end - position == 1 and word in glued_characters:
            glued += word  # jieba keeps a Latin or digit string whole
        else:
            if glued:
                words.append(glued)
                glued = ""
            words.append(word)
        position = end
    if glued:
        words.append(glued)
    return words


def segment(tokenizer: jieba.Tokenizer, text: str) -> list[str]:
    """The words ``tokenizer.lcut(text, HMM=False)`` returns."""
    freq = tokenizer.FREQ
    log_total = log(tokenizer.total)
    if _RUN.fullmatch(text):
        # one run, what most phrases the records stage segments are: the split below would
        # give ``["", text, ""]`` and a match of ``text`` again (one anchored match instead)
        return _cut_run(text, freq, log_total)
    words: list[str] = []
    for piece in _RUN.split(text):
        if not piece:
            continue
        if _RUN.match(piece):
            words.extend(_cut_run(piece, freq, log_total))
        else:
            for part in _SKIP.split(piece):
                if _SKIP.match(part):
                    words.append(part)
                else:
                    words.extend(part)
    return words

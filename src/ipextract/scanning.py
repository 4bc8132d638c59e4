"""Patterns that scan a report fast: word lists as tries, and a prefilter of opening characters.

A pattern with a long alternation (the figure grammar, the non-figure words) is tried at every
position of a report; most positions are prose that cannot start a match.

- :func:`alternation` writes a word list as a trie (``万(?:人次|元)?``) rather than a flat
  ``万人次|万元|万``: the engine follows one branch instead of trying every word. The longest
  word still wins, as in a longest-first alternation: along one branch the longer is tried
  first, and words on different branches cannot both match at one position.
- :func:`prefilter` puts a lookahead of the possible first characters in front
  (``(?=[0-9一二…])``), so a position that cannot start a match costs one set test;
  :func:`prefiltered` gives the pattern behind it, grouped so that it governs every branch. The set is
  read off the pattern by Python's own regular expression parser, so it is exact for the
  vocabulary in force and follows every edit of it.

>>> alternation(["万人次", "万元", "万", "亿元"])
'(?:万(?:人次|元)?|亿元)'

>>> prefilter("(?<![一二])[一二]+届|(?:这|过去)[一二]年")
'(?=[一二过这])'
>>> prefilter("(?:约|近)?[0-9]+")
'(?=[0-9约近])'
>>> opening_characters(r"\\w+年") is None  # may start with too much to be worth a test
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from re import _constants as constants  # type: ignore[attr-defined]
from re import _parser as parser  # type: ignore[attr-defined]
from typing import Any

import regex

Ranges = frozenset[tuple[int, int]]
# One node of re._parser's tree: (opcode, argument). The private parser has no types, and
# the argument's shape depends on the opcode (a code point, a (low, high, body) repeat, a list
# of branches…), which the checker cannot follow through the untyped opcode constants.
_Node = tuple[Any, Any]
_ZERO_WIDTH = (constants.AT, constants.ASSERT, constants.ASSERT_NOT)
_REPEATS = (constants.MAX_REPEAT, constants.MIN_REPEAT, getattr(constants, "POSSESSIVE_REPEAT", None))


class _Unknown(Exception):
    """A construct that may start with any character (``.``, ``\\w``, a negated class…)."""


def _class(items: list[_Node]) -> Ranges:
    ranges: set[tuple[int, int]] = set()
    for op, argument in items:
        if op is constants.LITERAL:
            ranges.add((argument, argument))
        elif op is constants.RANGE:
            ranges.add(argument)
        else:  # NEGATE, CATEGORY (\d, \s…): too wide or too vague to list
            raise _Unknown
    return frozenset(ranges)


def _sequence(items: list[_Node]) -> tuple[Ranges, bool]:
    """(first characters, whether the sequence can match the empty string)."""
    found: set[tuple[int, int]] = set()
    for item in items:
        first, nullable = _item(item)
        found |= first
        if not nullable:
            return frozenset(found), False
    return frozenset(found), True


def _item(item: _Node) -> tuple[Ranges, bool]:
    op, argument = item
    if op is constants.LITERAL:
        return frozenset({(argument, argument)}), False
    if op is constants.IN:
        return _class(argument), False
    if op is constants.SUBPATTERN:
        return _sequence(list(argument[-1]))
    if op is constants.BRANCH:
        found: set[tuple[int, int]] = set()
        nullable = False
        for branch in argument[1]:
            first, empty = _sequence(list(branch))
            found |= first
            nullable = nullable or empty
        return frozenset(found), nullable
    if op in _REPEATS:
        low, _, body = argument
        first, empty = _sequence(list(body))
        return first, empty or low == 0
    if op in _ZERO_WIDTH:
        return frozenset(), True
    raise _Unknown


@lru_cache(maxsize=64)
def words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """A compiled pattern of ``words`` (the longest at a position), for the standard engine;
    one that matches nothing when there are none. Cached by the words: a vocabulary's lists
    are tuples.

    >>> words_pattern(("年均", "年平均")).search("地区生产总值年平均增长").group()
    '年平均'
    >>> words_pattern(()).search("年均") is None
    True
    """
    return re.compile(alternation(words) or "(?!)")


def alternation(words: Iterable[str]) -> str:
    """A pattern matching any of ``words`` (the longest at a position), as a trie."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return _trie(root) if root else ""


def _trie(node: dict[str, dict]) -> str:
    branches = [re.escape(char) + _trie(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    grouped = len(branches) > 1
    body = "(?:" + "|".join(branches) + ")" if grouped else branches[0]
    if "" in node:  # a word ends before these branches: they are optional, tried first
        return body + "?" if grouped else f"(?:{body})?"
    return body


def opening_characters(pattern: str, flags: int = 0) -> Ranges | None:
    """Code-point ranges every match of ``pattern`` starts in; None when that cannot be said
    (a construct that may start anywhere, a pattern that may match the empty string, syntax
    the standard parser does not read, such as ``\\p{Han}``, or case folding)."""
    if flags & re.IGNORECASE:
        return None
    try:
        first, nullable = _sequence(list(parser.parse(pattern, flags)))
    except (re.error, _Unknown):
        return None
    return None if nullable or not first else first


def consumed_characters(pattern: str, flags: int = 0) -> Ranges | None:
    """Code-point ranges of every character a match of ``pattern`` can consume (lookarounds
    read, but do not consume); None when they cannot be listed (``.``, ``\\s``, a negated
    class, syntax the standard parser does not read, case folding).

    >>> sorted(consumed_characters("[0-9]+(?:万|亿(?!元))?"))
    [(48, 57), (19975, 19975), (20159, 20159)]
    >>> consumed_characters(r"[0-9]+\\s") is None
    True
    """
    if flags & re.IGNORECASE:
        return None
    found: set[tuple[int, int]] = set()
    try:
        _consumed(list(parser.parse(pattern, flags)), found)
    except (re.error, _Unknown):
        return None
    return frozenset(found)


def _consumed(items: list[_Node], found: set[tuple[int, int]]) -> None:
    for op, argument in items:
        if op is constants.LITERAL:
            found.add((argument, argument))
        elif op is constants.IN:
            found |= _class(argument)
        elif op is constants.SUBPATTERN:
            _consumed(list(argument[-1]), found)
        elif op is constants.BRANCH:
            for branch in argument[1]:
                _consumed(list(branch), found)
        elif op in _REPEATS:
            _consumed(list(argument[2]), found)
        elif op not in _ZERO_WIDTH:  # ANY, NOT_LITERAL, CATEGORY, a group reference…
            raise _Unknown


def character_class(ranges: Ranges, extra: str = "") -> str:
    """``[…]`` of ``ranges`` (sorted, escaped), with ``extra`` (class syntax such as ``\\s``)
    written first.

    >>> character_class(frozenset({(48, 57), (19975, 19975)}), r"\\s")
    '[\\\\s0-9万]'
    """
    parts = [extra]
    for low, high in sorted(ranges):
        parts.append(re.escape(chr(low)) if low == high else f"{re.escape(chr(low))}-{re.escape(chr(high))}")
    return f"[{''.join(parts)}]"


def may_consume(pattern: str, characters: str, flags: int = 0) -> bool:
    """False only when no match of ``pattern`` can contain any of ``characters`` (lookarounds
    read, but do not consume); True whenever that cannot be shown (``.``, ``\\w``, a negated
    class, syntax the standard parser does not read).

    >>> may_consume("(?<![0-9])[一二]+届", "0123456789"), may_consume("[0-9]+周年", "5")
    (False, True)
    """
    wanted = {ord(c) for c in characters}
    try:
        return _consumes(list(parser.parse(pattern, flags)), wanted)
    except (re.error, _Unknown):
        return True


def _consumes(items: list[_Node], wanted: set[int]) -> bool:
    for op, argument in items:
        if op is constants.LITERAL:
            if argument in wanted:
                return True
        elif op is constants.IN:
            if any(low <= code <= high for low, high in _class(argument) for code in wanted):
                return True
        elif op is constants.SUBPATTERN:
            if _consumes(list(argument[-1]), wanted):
                return True
        elif op is constants.BRANCH:
            if any(_consumes(list(branch), wanted) for branch in argument[1]):
                return True
        elif op in _REPEATS:
            if _consumes(list(argument[2]), wanted):
                return True
        elif op not in _ZERO_WIDTH:  # ANY, NOT_LITERAL, CATEGORY, a group reference…
            raise _Unknown
    return False


def must_contain(pattern: str, character: str, flags: int = 0) -> bool:
    """True when every match of ``pattern`` contains ``character`` (so a text without it
    need not be searched); False when that cannot be shown.

    >>> must_contain("(?:截至)?[0-9]{4}年(?:底|末)?", "年"), must_contain("[0-9]+(?:年|月)", "年")
    (True, False)
    """
    try:
        return _requires(list(parser.parse(pattern, flags)), ord(character))
    except re.error:
        return False


def _requires(items: list[_Node], code: int) -> bool:
    for op, argument in items:
        if op is constants.LITERAL and argument == code:
            return True
        if op is constants.IN and list(argument) == [(constants.LITERAL, code)]:
            return True
        if op is constants.SUBPATTERN and _requires(list(argument[-1]), code):
            return True
        if op is constants.BRANCH and all(
                _requires(list(branch), code) for branch in argument[1]):
            return True
        if op in _REPEATS and argument[0] >= 1 and _requires(list(argument[2]), code):
            return True
    return False


_MAX_REQUIRED = 24  # characters: a longer set costs more to test than the search it saves


def required_characters(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Characters of which every match of ``pattern`` contains at least one (so a text that
    holds none of them need not be searched); None when no short set can be shown. Read off
    the pattern by Python's own parser, like :func:`must_contain`, so it follows every edit of
    the vocabulary.

    >>> sorted(required_characters("第?[一二三四]季度|[上下]半年|[0-9]{1,2}月份?"))
    ['半', '季', '月']
    >>> required_characters(r"\\w+(?:年)?") is None  # a match may be any word alone
    True
    """
    if flags & re.IGNORECASE:
        return None
    try:
        codes = _required(list(parser.parse(pattern, flags)))
    except re.error:
        return None
    return frozenset(map(chr, codes)) if codes is not None else None


def _required(items: list[_Node]) -> frozenset[int] | None:
    """The smallest set one of whose characters the sequence ``items`` must consume."""
    best: frozenset[int] | None = None
    for item in items:
        found = _required_by(item)
        if found is not None and (best is None or len(found) < len(best)):
            best = found
    return best


def _required_by(item: _Node) -> frozenset[int] | None:
    op, argument = item
    if op is constants.LITERAL:
        return frozenset((argument,))
    if op is constants.IN:
        try:
            ranges = _class(list(argument))
        except _Unknown:
            return None
        if sum(high - low + 1 for low, high in ranges) > _MAX_REQUIRED:
            return None
        return frozenset(code for low, high in ranges for code in range(low, high + 1))
    if op is constants.SUBPATTERN:
        return _required(list(argument[-1]))
    if op is constants.BRANCH:
        union: set[int] = set()
        for branch in argument[1]:
            found = _required(list(branch))
            if found is None:
                return None
            union |= found
        return frozenset(union) if len(union) <= _MAX_REQUIRED else None
    if op in _REPEATS and argument[0] >= 1:
        return _required(list(argument[2]))
    return None  # a lookaround, an optional part, a category…: nothing it must consume


class GuardedPattern:
    """A compiled pattern with the characters one of which every match holds: ``sub`` and
    ``search`` skip a text without any of them (a set test instead of a scan by the engine,
    which tries a lookbehind at every position: 5 µs a short phrase).

    >>> import regex
    >>> guarded = GuardedPattern(regex.compile("[0-9]{1,2}月份?"))
    >>> guarded.sub("", "工业增加值"), guarded.sub("", "1—11月工业增加值")
    ('工业增加值', '1—工业增加值')
    """

    __slots__ = ("characters", "holds", "pattern")

    def __init__(self, pattern: Any) -> None:
        self.pattern = pattern
        self.characters = required_characters(pattern.pattern, pattern.flags & re.IGNORECASE)
        # the test itself: a search for a class of those characters, which the standard
        # engine runs as a loop over the text in C, where ``characters.isdisjoint(text)``
        # made, hashed and freed a string per character of Chinese text (three times as long
        # on a phrase of ten characters; asked 73,000 times on a first pass over the real work
        # reports)
        self.holds = None if self.characters is None else re.compile(
            "[" + "".join(map(re.escape, sorted(self.characters))) + "]").search

    def may_match(self, text: str) -> bool:
        return self.holds is None or self.holds(text) is not None

    def sub(self, replacement: str, text: str) -> str:
        holds = self.holds  # (tested here, not through may_match: a call less)
        if holds is not None and holds(text) is None:
            return text
        return self.pattern.sub(replacement, text)

    def search(self, text: str) -> Any:
        holds = self.holds
        if holds is not None and holds(text) is None:
            return None
        return self.pattern.search(text)


def looks_past_its_match(pattern: str, flags: int = 0) -> bool:
    """True when a match of ``pattern`` may depend on the text after it (a lookahead, ``$``,
    ``\\b``) or that cannot be told: only a pattern that does not can be searched with its
    ``endpos`` cut short and find the same matches.

    >>> looks_past_its_match("(?<![0-9])[0-9]+年"), looks_past_its_match("[0-9]+(?!年)")
    (False, True)
    """
    try:
        return _looks_ahead(list(parser.parse(pattern, flags)))
    except re.error:
        return True


def _looks_ahead(items: list[_Node]) -> bool:
    for op, argument in items:
        if op is constants.AT:
            return True
        if op in (constants.ASSERT, constants.ASSERT_NOT):
            direction, body = argument
            if direction > 0 or _looks_ahead(list(body)):
                return True
        elif op is constants.SUBPATTERN:
            if _looks_ahead(list(argument[-1])):
                return True
        elif op is constants.BRANCH:
            if any(_looks_ahead(list(branch)) for branch in argument[1]):
                return True
        elif op in _REPEATS:
            if _looks_ahead(list(argument[2])):
                return True
        elif op is constants.GROUPREF_EXISTS:
            return True
    return False


def prefilter(pattern: str, flags: int = 0) -> str:
    """A lookahead that admits only the opening characters of ``pattern`` (``""`` when they
    cannot be said: the pattern is then scanned as it is)."""
    ranges = opening_characters(pattern, flags)
    if ranges is None:
        return ""
    return f"(?={character_class(ranges)})"


def prefiltered(pattern: str, flags: int = 0) -> str:
    """``pattern`` behind the lookahead of its opening characters, grouped: the lookahead must
    govern a top-level alternation whole, not its first branch only (``(?=[甲乙])甲|乙`` tests
    the set before 甲 alone and leaves 乙 to be tried at every position).

    >>> prefiltered("甲|乙")
    '(?=[乙甲])(?:甲|乙)'
    """
    return f"{prefilter(pattern, flags)}(?:{pattern})"


Scanner = re.Pattern[str] | regex.Pattern[str]


def prefiltered_scanner(pattern: str) -> Scanner:
    """``pattern`` behind the lookahead of its opening characters, compiled by the standard
    library's engine, which scans such word lists and single-width lookbehinds several times
    faster than ``regex`` (the engine then skips the prose between matches with one set test
    each), unless the pattern needs ``regex`` (``\\p{Han}``, a lookbehind of several widths).
    An empty pattern matches nothing.

    >>> prefiltered_scanner("甲|乙").pattern
    '(?=[乙甲])(?:甲|乙)'
    """
    pattern = prefiltered(pattern or r"(?!)")
    try:
        return re.compile(pattern)
    except re.error:
        return regex.compile(pattern)


# The code points of Unicode's Han script (what ``\\p{Han}`` matches in the ``regex`` module,
# whose tables these ranges were read from), as a class the standard engine can use: it scans
# several times faster, and a class keeps patterns on it. tests/test_scanning.py compares it
# with ``\\p{Han}`` at every code point.
HAN_RANGES = ((0x2E80, 0x2E99), (0x2E9B, 0x2EF3), (0x2F00, 0x2FD5), (0x3005, 0x3005),
              (0x3007, 0x3007), (0x3021, 0x3029), (0x3038, 0x303B), (0x3400, 0x4DBF),
              (0x4E00, 0x9FFF), (0xF900, 0xFA6D), (0xFA70, 0xFAD9), (0x16FE2, 0x16FE3),
              (0x16FF0, 0x16FF6), (0x20000, 0x2A6DF), (0x2A700, 0x2B81E), (0x2B820, 0x2CEAD),
              (0x2CEB0, 0x2EBE0), (0x2EBF0, 0x2EE5D), (0x2F800, 0x2FA1D), (0x30000, 0x3134A),
              (0x31350, 0x33479))
HAN_CLASS = "[" + "".join(f"{chr(low)}-{chr(high)}" if low != high else chr(low)
                          for low, high in HAN_RANGES) + "]"

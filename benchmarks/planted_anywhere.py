"""Planted errors anywhere (issue #17, point 6): the validator's recall on errors planted at
random spots of every document, and its false alarms on the unplanted texts.

    python benchmarks/planted_anywhere.py                    # 100 plants per class, table
    python benchmarks/planted_anywhere.py --per-class 20     # a quicker run
    python benchmarks/planted_anywhere.py --json             # machine-readable
    python benchmarks/planted_anywhere.py --write            # and RESULTS_planted.md

The documents are every text of ``corpora/`` and every ``.txt`` under
``../shared/corpora/real`` (read from there, never copied; skipped when absent). Unlike
``planted_errors.py`` (spots chosen from the gold of three documents), the spots come from the
extractor's own output on the unplanted text: its restated figures, the level/change/growth
triples and from…to statements the arithmetic reads, the share lists, the shares with their
whole, its growth figures, and the words of any sentence. For each class the spots are drawn
at random (``--seed``), taking the documents in turn so that every document with a spot of the
class gets plants.

A plant is one edit of one document, which is then extracted again whole (flags depend on the
document: restatements, data lists). It is *caught* when a flag of the class's kind, warning or
error, has a span touching the planted span and is not a flag the unplanted text already had.
Every alteration is an error beyond the printed precision (its interval no longer meets what
the other figures allow) and stays plausible (a changed digit keeps the value within a factor
of two), so a careful reader could say the text is wrong.

Recall is given with its 95% Wilson interval. Plants of one class that share a statement (the
few arithmetic statements, altered in different digits) are not independent: the interval is
then too narrow, and the table says how many distinct statements the plants use.
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing
import random
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from ipextract import extract
from ipextract.blocks import split_blocks
from ipextract.models import Document, Flag, Record
from ipextract.normalize import normalize
from ipextract.validate import arithmetic
from ipextract.validate.base import CheckInput
from ipextract.validate.metrics import related_metric, same_metric
from ipextract.validate.statements import names_indicator, periods_compatible
from ipextract.validate.tolerance import (
    interval,
    printed_number,
    record_interval,
    significant_digits,
)
from ipextract.vocabulary import load_vocabulary
from ipextract.vocabulary.lexicon import cut, is_word

REAL = ROOT.parent / "shared" / "corpora" / "real"
RESULTS = ROOT / "benchmarks" / "RESULTS_planted.md"
# The sample whose faults are real (corpora/ANNOTATION.md): planted into like the others, but
# its alarms on the unplanted text are not false alarms.
REAL_FAULTS = ("wuhan-ip-2024",)
EXPECTED = {
    "restatement_digit": "conflict",
    "magnitude_swap": "conflict",
    "share_altered": "share_mismatch",
    "share_list_overflow": "share_sum",
    "growth_copied": "duplicate_figure",
    "doubled_first_character": "typo",
    "doubled_last_character": "typo",
    "figure_to_xianzhu": "missing_figure",
    "triple_growth_altered": "change_mismatch",
    "from_to_level_altered": "change_mismatch",
}
DESCRIPTIONS = {
    "restatement_digit": "one digit changed in one copy of a restated figure",
    "magnitude_swap": "万 ↔ 亿 in one copy of a restated figure (then: 万/亿 dropped)",
    "share_altered": "a share whose part and whole are stated, one digit changed",
    "share_list_overflow": "a part's share raised so that its list sums beyond 100%",
    "growth_copied": "a distinctive growth copied onto a nearby growth of another indicator",
    "doubled_first_character": "a word's first character doubled (新增 → 新新增)",
    "doubled_last_character": "a word's last character doubled (产业园区 → 产业业园区)",
    "figure_to_xianzhu": "增长X% → 增长显著",
    "triple_growth_altered": "the growth of a level/change/growth triple, one digit changed",
    "from_to_level_altered": "a level of a from…to statement, one digit changed",
}
HUNDRED = Decimal(100)
MAX_FACTOR = Decimal(2)  # an altered figure stays within a factor of two: a slip, not nonsense
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_ARABIC = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?")
_NUMERALS = frozenset("0123456789〇零一二两三四五六七八九十百千万亿")
_AFTER_CLAIM = frozenset("，。；、）)\n,;：:")  # 增长显著 then ends its clause


@dataclass(frozen=True)
class Plant:
    cls: str
    document: str
    start: int  # the span replaced in the unplanted text
    end: int
    new: str
    spot: tuple[int, int]  # the planted span in the new text
    note: str
    statement: str = ""  # what the plant alters (plants of one statement are not independent)

    def text(self, original: str) -> str:
        return original[: self.start] + self.new + original[self.end:]


@dataclass
class Source:
    """One unplanted document, its extraction and the views the candidates are read from."""

    name: str
    group: str
    text: str
    document: Document
    view: CheckInput = field(init=False)

    def __post_init__(self) -> None:
        self.view = CheckInput(self.document.records, self.text,
                               split_blocks(normalize(self.text).text))


# ---------------------------------------------------------------------------- documents
def document_paths(real: Path = REAL) -> list[tuple[str, str, Path]]:
    """(name, group, path) of every document: corpora/, then the real texts when present."""
    found = [(path.stem, "corpora", path) for path in sorted((ROOT / "corpora").glob("*.txt"))]
    if real.is_dir():
        for path in sorted(real.glob("*/*.txt")):
            group = "bulletins" if path.parent.name == "bulletins" else "work reports"
            found.append((str(path.relative_to(real).with_suffix("")), group, path))
    return found


def load_sources(paths: list[tuple[str, str, Path]]) -> list[Source]:
    sources = []
    for name, group, path in paths:
        text = path.read_text(encoding="utf-8")
        sources.append(Source(name, group, text, extract(text)))
    return sources


# ----------------------------------------------------------------------- number helpers
def _digit_variants(surface: str, rng: random.Random) -> list[tuple[str, int]]:
    """The surface with one digit of its number changed by 1–3 up or down (every position,
    every change, in random order), with the position changed."""
    match = _ARABIC.search(surface)
    if match is None:
        return []
    variants = []
    for index in range(match.start(), match.end()):
        char = surface[index]
        if not char.isdigit():
            continue
        for delta in (-3, -2, -1, 1, 2, 3):
            digit = int(char) + delta
            if not 0 <= digit <= 9 or (index == match.start() and digit == 0):
                continue
            variants.append((surface[:index] + str(digit) + surface[index + 1:], index))
    rng.shuffle(variants)
    return variants


def _new_value(record: Record, surface: str) -> Decimal | None:
    """The value a changed surface stands for: the old value scaled as the printed number."""
    old, new = printed_number(record.surface), printed_number(surface)
    if old is None or new is None or old == 0:
        return None
    return record.value * new / old


def _plausible(old: Decimal, new: Decimal) -> bool:
    if old == 0 or new == 0 or (old > 0) != (new > 0):
        return False
    ratio = abs(new / old)
    return 1 / MAX_FACTOR <= ratio <= MAX_FACTOR


def _disjoint(a: tuple[Decimal, Decimal], b: tuple[Decimal, Decimal]) -> bool:
    """Rounding intervals are half-open: [1.15, 1.25) and [1.25, 1.35) share no value."""
    return a[1] <= b[0] or b[1] <= a[0]


def _altered(record: Record, rng: random.Random,
             wrong: Callable[[tuple[Decimal, Decimal], Decimal], bool]) -> Iterator[str]:
    """Variants of a record's surface with one digit changed, plausible, that ``wrong``
    (given the new interval and value) says no longer fit the other figures."""
    if record.qualifier != "exact":
        return
    for surface, _ in _digit_variants(record.surface, rng):
        value = _new_value(record, surface)
        if value is None or not _plausible(record.value, value):
            continue
        if wrong(interval(surface, value, record.qualifier), value):
            yield surface


def _outside(target: tuple[Decimal, Decimal]) -> Callable[[tuple[Decimal, Decimal], Decimal],
                                                         bool]:
    """A test for :func:`_altered`: the new interval no longer meets ``target``."""
    return lambda new, _value: _disjoint(new, target)


def _growth_in(unit: str) -> Callable[[Decimal, Decimal], Decimal]:
    """growth = change ÷ (level − change), in % or in 倍."""
    scale = HUNDRED if unit == "%" else Decimal(1)
    return lambda level, change: change / (level - change) * scale


def _corners(function: Callable[[Decimal, Decimal], Decimal], x: tuple[Decimal, Decimal],
             y: tuple[Decimal, Decimal]) -> tuple[Decimal, Decimal] | None:
    try:
        values = [function(a, b) for a in x for b in y]
    except (ArithmeticError, ValueError):
        return None
    return min(values), max(values)


def _replace(source: Source, record: Record, new: str) -> tuple[int, int, str, tuple[int, int]]:
    return record.start, record.end, new, (record.start, record.start + len(new))


def _snippet(text: str, start: int, end: int, reach: int = 10) -> str:
    return (text[max(0, start - reach): start] + "[" + text[start:end] + "]"
            + text[end: end + reach]).replace("\n", "⏎")


# ------------------------------------------------------------------- candidate finders
# Each finder yields the plants of its class in one document, lazily and in random order:
# the sampler takes as many as it needs.
def _restated_pairs(source: Source, min_digits: int = 3) -> list[tuple[Record, Record]]:
    """Two figures of one indicator that agree within the coarser printed precision, in two
    sentences: named indicators with related names (the same canonical name, or one a longer
    wording of the other), same kind, unit, period, status and scope, exact, and with at least
    three significant digits in each (a two-digit value recurs by chance: 增长5.2% for two
    years, 10万人 and 10.3万人 enrolled in two kinds of school; three equal digits under related
    names do not). With ``min_digits`` 2, two-digit pairs count under equal canonical names."""
    records = [r for r in source.document.records
               if r.kind not in ("rank", "duration") and r.qualifier == "exact"
               and r.metric_from != "after" and names_indicator(r.metric)
               and _ARABIC.search(r.surface) is not None]
    buckets: dict[tuple[str, str], list[tuple[tuple[Decimal, Decimal], Record]]] = defaultdict(list)
    for record in records:
        buckets[(record.kind, record.unit)].append((record_interval(record), record))
    pairs = []
    text = source.text
    for group in buckets.values():
        group.sort(key=lambda item: (item[0][0], item[1].start))
        for index, (span_a, first) in enumerate(group):
            for span_b, second in group[index + 1:]:
                if span_b[0] >= span_a[1]:
                    break  # sorted by lower bound: no later interval meets this one
                # the coarser copy decides how likely an equal value is by chance
                digits = min(significant_digits(first.surface), significant_digits(second.surface))
                if digits < min_digits or (digits < 3 and not same_metric(first.metric,
                                                                         second.metric)):
                    continue
                if (not related_metric(first.metric, second.metric)
                        or first.scope != second.scope or first.status != second.status
                        or not periods_compatible(first, second)
                        or _sentence(text, first.start) == _sentence(text, second.start)):
                    continue
                pairs.append((first, second) if first.start < second.start else (second, first))
    return pairs


def _sentence(text: str, offset: int) -> int:
    return max(text.rfind(mark, 0, offset) for mark in "。；\n")


def _round_robin(streams: list[Iterator[Plant]]) -> Iterator[Plant]:
    """The first plant of every statement, then the second of every one, …: the plants of a
    document spread over its statements before any statement is used twice."""
    while streams:
        alive = []
        for stream in streams:
            plant = next(stream, None)
            if plant is not None:
                alive.append(stream)
                yield plant
        streams = alive


def restatement_digit(source: Source, rng: random.Random) -> Iterator[Plant]:
    """One copy of a restated figure (each copy in turn) with one digit changed so that the
    two no longer agree at any printed precision."""
    options = [(altered, other) for pair in _restated_pairs(source)
               for altered, other in (pair, pair[::-1])]
    rng.shuffle(options)
    for altered, other in options:
        for new in _altered(altered, rng, _outside(record_interval(other))):
            start, end, new, spot = _replace(source, altered, new)
            yield Plant("restatement_digit", source.name, start, end, new, spot,
                        f"{altered.surface} → {new} (restates {other.surface}; "
                        f"{altered.metric} / {other.metric})",
                        f"{min(other.start, altered.start)}/{max(other.start, altered.start)}")
            break


def magnitude_swap(source: Source, rng: random.Random) -> Iterator[Plant]:
    """万 ↔ 亿 in one copy of a restated figure (each copy that prints one, in turn); once
    every copy has had its swap, the magnitude dropped instead (1.64万件 → 1.64件), the other
    slip of a magnitude: the corpus holds fewer than 50 copies to swap."""
    # a 万/亿 slip is plain even in two-digit figures under the same name (the pairs then
    # need equal canonical names: see _restated_pairs)
    options = [(altered, other) for pair in _restated_pairs(source, min_digits=2)
               for altered, other in (pair, pair[::-1])
               if ("万" in altered.surface) != ("亿" in altered.surface)
               and "万亿" not in altered.surface]
    rng.shuffle(options)
    for dropped in (False, True):
        for altered, other in options:
            old, new_magnitude = ("万", "亿") if "万" in altered.surface else ("亿", "万")
            new = altered.surface.replace(old, "" if dropped else new_magnitude, 1)
            start, end, new, spot = _replace(source, altered, new)
            yield Plant("magnitude_swap", source.name, start, end, new, spot,
                        f"{altered.surface} → {new} (restates {other.surface}; "
                        f"{altered.metric} / {other.metric})",
                        f"{min(other.start, altered.start)}/{max(other.start, altered.start)}")


def share_altered(source: Source, rng: random.Random) -> Iterator[Plant]:
    """Shares whose part and whole the document states (the shares share_mismatch checks and
    finds holding: a share of an unnamed whole cannot be checked by anyone)."""
    by_id = {r.id: r for r in source.document.records}
    checked = [f for f in source.document.flags
               if f.kind == "share_mismatch" and f.severity == "info" and len(f.record_ids) == 3]
    rng.shuffle(checked)
    streams = []
    for flag in checked:
        share, part, whole = (by_id[i] for i in flag.record_ids)
        implied = _corners(lambda p, w: p / w * HUNDRED, record_interval(part),
                           record_interval(whole))
        if implied is not None:
            streams.append(_share_variants(source, share, part, whole, implied, rng))
    yield from _round_robin(streams)


def _share_variants(source: Source, share: Record, part: Record, whole: Record,
                    implied: tuple[Decimal, Decimal], rng: random.Random) -> Iterator[Plant]:
    for new in _altered(share, rng, lambda new, value: (
            _disjoint(new, implied) and 0 < value <= HUNDRED)):
        start, end, new, spot = _replace(source, share, new)
        yield Plant("share_altered", source.name, start, end, new, spot,
                    f"{share.surface} → {new} ({part.surface} of {whole.surface})",
                    str(share.start))


def _share_lists(source: Source) -> list[tuple[list[tuple[int, int, Decimal]], bool]]:
    """The lists of shares of one whole that share_sum adds up, as (start, end, value) of each
    printed share, and whether the list is a complete partition: the validator's own lists
    (``arithmetic.checked_share_lists``: what the extractor's records say belong together, and
    the ratios x:y:z of a 结构 as share_sum reads them)."""
    lists = [([(share.start, share.end, share.value) for share in found.shares], found.complete)
             for found in arithmetic.checked_share_lists(source.view)]
    seen: set[tuple[int, ...]] = set()
    unique = []
    for shares, complete in lists:
        key = tuple(s[0] for s in shares)
        if key not in seen:
            seen.add(key)
            unique.append((shares, complete))
    return unique


def _half(printed: str) -> Decimal:
    decimals = len(printed.split(".")[1]) if "." in printed else 0
    return Decimal(1).scaleb(-decimals) / 2


def _low_end(surface: str) -> Decimal:
    """The smallest value a printed share can stand for (78.8% → 78.75)."""
    match = _ARABIC.search(surface)
    assert match is not None
    printed = match.group(0).replace(",", "")
    return Decimal(printed) - _half(printed)


def share_list_overflow(source: Source, rng: random.Random) -> Iterator[Plant]:
    """One share of a list raised by what the list leaves to 100%, plus 1–10 points, printed
    with its own decimals: the list then adds up to more than 100% beyond any rounding."""
    lists = _share_lists(source)
    rng.shuffle(lists)
    streams = []
    for shares, _complete in lists:
        parts = list(shares)
        rng.shuffle(parts)
        streams.append(_overflows(source, shares, parts, rng))
    yield from _round_robin(streams)


def _overflows(source: Source, shares: list[tuple[int, int, Decimal]],
               parts: list[tuple[int, int, Decimal]], rng: random.Random) -> Iterator[Plant]:
    text = source.text
    for start, end, value in parts:
        surface = text[start:end]
        match = _ARABIC.search(surface)
        if match is None:
            continue
        printed = match.group(0)
        decimals = len(printed.split(".")[1]) if "." in printed else 0
        others_low = sum((_low_end(text[s:e]) for s, e, _ in shares if s != start), Decimal(0))
        raise_by = Decimal(rng.randint(1, 10))
        new_number = (HUNDRED - others_low + raise_by).quantize(Decimal(1).scaleb(-decimals))
        if new_number <= abs(value) or new_number >= HUNDRED:
            continue
        if others_low + new_number - _half(str(new_number)) <= HUNDRED:
            continue
        new = surface[: match.start()] + str(new_number) + surface[match.end():]
        yield Plant("share_list_overflow", source.name, start, end, new, (start, start + len(new)),
                    f"{surface} → {new} in a list of {len(shares)} shares "
                    f"({'、'.join(text[s:e] for s, e, _ in shares)})", str(shares[0][0]))


def growth_copied(source: Source, rng: random.Random) -> Iterator[Plant]:
    """A distinctive growth (three significant digits or more) copied onto one of the next
    three growth rates of another named indicator (a slip copies a nearby figure)."""
    growths = [r for r in source.document.records
               if r.kind == "growth" and r.unit == "%" and r.qualifier == "exact"
               and _ARABIC.search(r.surface) is not None]
    options = []
    for index, copied in enumerate(growths):
        if significant_digits(copied.surface) < 3 or not names_indicator(copied.metric):
            continue
        for target in growths[index + 1: index + 4]:
            if (names_indicator(target.metric) and target.metric_from != "after"
                    and not related_metric(target.metric, copied.metric)
                    and abs(target.value) != abs(copied.value)):
                options.append((copied, target))
    rng.shuffle(options)
    for copied, target in options:
        number = _ARABIC.search(copied.surface).group(0)  # type: ignore[union-attr]
        match = _ARABIC.search(target.surface)
        assert match is not None
        new = target.surface[: match.start()] + number + target.surface[match.end():]
        start, end, new, spot = _replace(source, target, new)
        yield Plant("growth_copied", source.name, start, end, new, spot,
                    f"{copied.surface} ({copied.metric}) copied onto {target.metric} "
                    f"{target.surface}", f"{copied.start}/{target.start}")


def _in_name(text: str, offset: int) -> bool:
    """Inside 《…》 or quotation marks on its line: a title or a coined name, spelt as its
    coiners spell it, where a doubled character may be the name."""
    line_start = text.rfind("\n", 0, offset) + 1
    before = text[line_start:offset]
    return (before.rfind("《") > before.rfind("》")) or (before.rfind("“") > before.rfind("”"))


def _reduplication(pair: str) -> bool:
    return is_word(pair) or pair in load_vocabulary().allowed_reduplications


def _words(source: Source, rng: random.Random) -> Iterator[tuple[int, str]]:
    """Words of two or more Han characters at random spots of the text: (offset, word)."""
    text = source.text
    for _ in range(40 * 8):
        offset = rng.randrange(len(text))
        start = max(_sentence(text, offset) + 1, offset - 40)
        ends = [i for i in (text.find(mark, offset) for mark in "。；\n") if i >= 0]
        end = min([*ends, offset + 40, len(text)])
        position, found = start, []
        for word in cut(text[start:end]):
            if (len(word) >= 2 and _HAN.fullmatch(word) and len(set(word)) == len(word)
                    and not _in_name(text, position)):
                found.append((position, word))
            position += len(word)
        if found:
            yield rng.choice(found)


def doubled_first_character(source: Source, rng: random.Random) -> Iterator[Plant]:
    """新增 → 新新增. Not where the extra copy would read as the end of what precedes it (a
    measure word after a numeral, 2024年|年末; a word with the character before, 全市|市场),
    nor where the doubled character is itself a word (常常见)."""
    text = source.text
    for position, word in _words(source, rng):
        char, before = word[0], text[max(0, position - 2): position]
        if (before[-1:] == char or before[-1:] in _NUMERALS or _reduplication(char * 2)
                or any(is_word(before[i:] + char) for i in range(len(before)))):
            continue
        yield Plant("doubled_first_character", source.name, position, position, char,
                    (position, position + 2), f"{word} → {char}{word}", str(position))


def doubled_last_character(source: Source, rng: random.Random) -> Iterator[Plant]:
    """产业园区 → 产业业园区 (the last character of 产业 doubled). Not where the extra copy opens
    a word with what follows (市场|场所), nor where the doubled character is a word."""
    text = source.text
    for position, word in _words(source, rng):
        char, end = word[-1], position + len(word)
        after = text[end: end + 3]
        if (after[:1] == char or _reduplication(char * 2)
                or any(is_word(char + after[:i]) for i in range(1, len(after) + 1))):
            continue
        yield Plant("doubled_last_character", source.name, end, end, char, (end - 1, end + 1),
                    f"{word} → {word}{char}", str(end))


def figure_to_xianzhu(source: Source, rng: random.Random) -> Iterator[Plant]:
    """增长X% → 增长显著, where the figure ends its clause (增长显著，…)."""
    text = source.text
    options = [r for r in source.document.records
               if r.kind == "growth" and r.unit == "%" and r.qualifier == "exact"
               and text[r.start - 2: r.start] == "增长" and text[r.end: r.end + 1] in _AFTER_CLAIM]
    rng.shuffle(options)
    for record in options:
        yield Plant("figure_to_xianzhu", source.name, record.start, record.end, "显著",
                    (record.start - 2, record.start + 2),
                    f"增长{record.surface} → 增长显著 ({record.metric})", str(record.start))


def triple_growth_altered(source: Source, rng: random.Random) -> Iterator[Plant]:
    """The growth of a level/change/growth triple the arithmetic reads, one digit changed so
    that it falls outside change ÷ (level − change) at the printed precision."""
    triples = arithmetic.checked_triples(source.view)
    options: list[tuple[Record, Record, Record, str]] = []
    for level, change, growth in triples:
        low, high = record_interval(level)
        implied = _corners(_growth_in(growth.unit), (low, high), record_interval(change))
        if (implied is None or low - record_interval(change)[1] <= 0
                or _disjoint(implied, record_interval(growth))):
            continue  # no bound, or a triple that is wrong already (judged real by hand)
        for new in _altered(growth, rng, _outside(implied)):
            options.append((level, change, growth, new))
    rng.shuffle(options)
    for level, change, growth, new in options:
        start, end, new, spot = _replace(source, growth, new)
        yield Plant("triple_growth_altered", source.name, start, end, new, spot,
                    f"{growth.surface} → {new} ({level.metric} {level.surface}, change "
                    f"{change.surface})", str(growth.start))


def _implied(a: tuple[Decimal, Decimal], b: tuple[Decimal, Decimal], described: Record,
             a_unit: str) -> list[tuple[Decimal, Decimal]]:
    """What A and B (intervals) say the described figure is: every reading a reader could
    take (增长1.5倍 read as B = 1.5 × A too)."""
    kind, unit = described.kind, described.unit
    readings: list[Callable[[Decimal, Decimal], Decimal]] = []
    if kind == "change_pp" or (kind == "change" and unit == a_unit):
        readings.append(lambda x, y: y - x)
    elif kind == "multiple" and unit == "倍":
        readings.append(lambda x, y: y / x)
    elif kind == "growth" and unit == "倍":
        readings += [lambda x, y: y / x - 1, lambda x, y: y / x]
    elif kind == "growth" and unit == "%":
        readings.append(lambda x, y: (y / x - 1) * HUNDRED)
    return [found for found in (_corners(f, a, b) for f in readings) if found is not None]


def _from_to_statements(source: Source) -> list[tuple[Record, Record, Record]]:
    """(A, B, described) of each from…to statement the arithmetic checks and finds holding
    (``arithmetic.checked_from_to``), averages over years left out (``_implied`` reads no
    average)."""
    return [(found.from_level, found.to_level, found.described)
            for found in arithmetic.checked_from_to(source.view)
            if found.holds and not found.averaged]


def from_to_level_altered(source: Source, rng: random.Random) -> Iterator[Plant]:
    """A level of a from…to statement (从A提高到B, B，比上年（A）…) one digit changed so that
    the growth, change or multiple stated after it no longer follows at printed precision."""
    options = []
    for a, b, described in _from_to_statements(source):
        stated = record_interval(described)
        for altered in (a, b):
            other = record_interval(b if altered is a else a)

            def wrong(new: tuple[Decimal, Decimal], _: Decimal, altered: Record = altered,
                      other: tuple[Decimal, Decimal] = other, a_unit: str = a.unit,
                      described: Record = described, stated: tuple[Decimal, Decimal] = stated,
                      first: Record = a) -> bool:
                pair = (new, other) if altered is first else (other, new)
                readings = _implied(*pair, described, a_unit)
                return bool(readings) and all(_disjoint(r, stated) for r in readings)

            for new in _altered(altered, rng, wrong):
                options.append((a, b, described, altered, new))
    rng.shuffle(options)
    for a, b, described, altered, new in options:
        start, end, new, spot = _replace(source, altered, new)
        yield Plant("from_to_level_altered", source.name, start, end, new, spot,
                    f"{altered.surface} → {new} (from {a.surface} to {b.surface}, "
                    f"{described.surface})", str(described.start))


FINDERS: dict[str, Callable[[Source, random.Random], Iterator[Plant]]] = {
    "restatement_digit": restatement_digit,
    "magnitude_swap": magnitude_swap,
    "share_altered": share_altered,
    "share_list_overflow": share_list_overflow,
    "growth_copied": growth_copied,
    "doubled_first_character": doubled_first_character,
    "doubled_last_character": doubled_last_character,
    "figure_to_xianzhu": figure_to_xianzhu,
    "triple_growth_altered": triple_growth_altered,
    "from_to_level_altered": from_to_level_altered,
}


def draw(sources: list[Source], cls: str, count: int, seed: int) -> list[Plant]:
    """``count`` plants of a class, taking the documents in turn (in a seeded random order)
    and in each the next random spot, until enough or every document has run out."""
    rng = random.Random(f"{seed}/{cls}")
    order = list(sources)
    rng.shuffle(order)
    streams = {s.name: FINDERS[cls](s, random.Random(f"{seed}/{cls}/{s.name}")) for s in order}
    plants: list[Plant] = []
    seen: set[tuple[str, int, int, str]] = set()
    while len(plants) < count and streams:
        for source in order:
            stream = streams.get(source.name)
            if stream is None:
                continue
            plant = None
            for candidate in stream:
                key = (candidate.document, candidate.start, candidate.end, candidate.new)
                if key not in seen:
                    seen.add(key)
                    plant = candidate
                    break
            if plant is None:
                del streams[source.name]
                continue
            plants.append(plant)
            if len(plants) == count:
                break
    return plants


# ------------------------------------------------------------------------ judging a plant
_TEXTS: dict[str, str] = {}
_BEFORE: dict[str, set[tuple[str, tuple[tuple[int, int], ...]]]] = {}


def _alarms(flags: list[Flag]) -> list[Flag]:
    return [f for f in flags if f.severity != "info"]


def _signature(flag: Flag) -> tuple[str, tuple[tuple[int, int], ...]]:
    return flag.kind, tuple((int(s), int(e)) for s, e in flag.spans)


def _init(texts: dict[str, str],
          before: dict[str, set[tuple[str, tuple[tuple[int, int], ...]]]]) -> None:
    _TEXTS.update(texts)
    _BEFORE.update(before)


def judge(plant: Plant) -> dict[str, Any]:
    """Extract the planted document and say whether a new flag of the expected kind touches
    the planted span (and, for a miss, what the validator said around it)."""
    original = _TEXTS[plant.document]
    document = extract(plant.text(original))
    shift = len(plant.new) - (plant.end - plant.start)

    def back(offset: int) -> int:  # an offset of the planted text in the unplanted one
        return offset - shift if offset >= plant.start + len(plant.new) else offset

    def touches(flag: Flag) -> bool:
        return any(s < plant.spot[1] and plant.spot[0] < e for s, e in flag.spans)

    def new(flag: Flag) -> bool:
        spans = tuple((back(s), back(e)) for s, e in flag.spans)
        return (flag.kind, spans) not in _BEFORE[plant.document]

    fresh = [f for f in _alarms(document.flags) if new(f)]
    near = [f for f in fresh if touches(f)]
    caught = any(f.kind == EXPECTED[plant.cls] for f in near)
    said = "; ".join(f"{f.kind}: {f.message}" for f in near) or "nothing at the spot"
    # new alarms away from the plant: an edit that sets off flags elsewhere
    return {**asdict(plant), "caught": caught, "said": said,
            "elsewhere": len(fresh) - len(near),
            "snippet": _snippet(plant.text(original), *plant.spot)}


# --------------------------------------------------------------------------------- the run
def wilson(caught: int, total: int, z: float = 1.96) -> tuple[float, float]:
    """The 95% Wilson score interval of a proportion."""
    if total == 0:
        return 0.0, 1.0
    p = caught / total
    denominator = 1 + z * z / total
    centre = (p + z * z / (2 * total)) / denominator
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def false_alarms(sources: list[Source]) -> dict[str, dict[str, Any]]:
    """Alarms (warning, error) per 10,000 characters of the unplanted texts, per group; the
    sample with real faults is left out, and so are alarms judged real by hand
    (``false_alarms.JUDGED_REAL``)."""
    judged = _judged_real()
    groups: dict[str, dict[str, Any]] = {}
    for source in sources:
        if source.name in REAL_FAULTS:
            continue
        row = groups.setdefault(source.group, {"texts": 0, "chars": 0, "alarms": 0,
                                               "kinds": Counter()})
        row["texts"] += 1
        row["chars"] += len(source.text)
        for flag in _alarms(source.document.flags):
            surfaces = tuple(source.text[s:e] for s, e in flag.spans)
            if (f"{source.name}.txt", flag.kind, surfaces) in judged:
                continue
            row["alarms"] += 1
            row["kinds"][flag.kind] += 1
    for row in groups.values():
        row["per_10k"] = row["alarms"] / row["chars"] * 10_000 if row["chars"] else 0.0
        row["kinds"] = dict(row["kinds"])
    return groups


def _judged_real() -> set[tuple[str, str, tuple[str, ...]]]:
    try:
        import importlib.util
        spec = importlib.util.spec_from_file_location("false_alarms",
                                                      ROOT / "benchmarks" / "false_alarms.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return set(module.JUDGED_REAL)
    except (OSError, ImportError, AttributeError, SyntaxError):  # a courtesy: without it,
        # every alarm counts
        return set()


def run(per_class: int = 100, seed: int = 7, jobs: int = 1, real: Path = REAL,
        documents: list[str] | None = None, classes: list[str] | None = None) -> dict[str, Any]:
    """Plant ``per_class`` errors of each class over the documents (all, or those named) and
    judge them; ``jobs`` worker processes (2 at most on this machine)."""
    began = time.monotonic()
    paths = document_paths(real)
    if documents is not None:
        paths = [p for p in paths if p[0] in documents]
    sources = load_sources(paths)
    plants = [p for cls in (classes or list(EXPECTED)) for p in draw(sources, cls, per_class, seed)]
    texts = {s.name: s.text for s in sources}
    before = {s.name: {_signature(f) for f in _alarms(s.document.flags)} for s in sources}
    if jobs > 1:
        context = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
        with context.Pool(jobs, initializer=_init, initargs=(texts, before)) as pool:
            judged = pool.map(judge, plants, chunksize=4)
    else:
        _init(texts, before)
        judged = [judge(p) for p in plants]
    classes_report: dict[str, dict[str, Any]] = {}
    for cls in classes or list(EXPECTED):
        rows = [j for j in judged if j["cls"] == cls]
        caught = sum(j["caught"] for j in rows)
        low, high = wilson(caught, len(rows))
        classes_report[cls] = {
            "expected": EXPECTED[cls], "plants": len(rows), "caught": caught,
            "recall": caught / len(rows) if rows else None, "interval": [low, high],
            "documents": len({j["document"] for j in rows}),
            "statements": len({(j["document"], j["statement"]) for j in rows}),
            "alarms_elsewhere": sum(j["elsewhere"] for j in rows),
            "missed": [{k: j[k] for k in ("document", "note", "snippet", "said")}
                       for j in rows if not j["caught"]],
        }
    return {"seed": seed, "per_class": per_class, "documents": len(sources),
            "characters": sum(len(s.text) for s in sources), "classes": classes_report,
            "false_alarms": false_alarms(sources), "seconds": time.monotonic() - began,
            "jobs": jobs}


# ------------------------------------------------------------------------------ reporting
def table(report: dict[str, Any]) -> str:
    lines = [("| class | what is planted | expected flag | plants | docs | statements | caught | "
              "recall | 95% interval | new alarms elsewhere |"),
             "|---|---|---|---|---|---|---|---|---|---|"]
    for cls, row in report["classes"].items():
        recall = f"{row['recall']:.3f}" if row["recall"] is not None else "—"
        low, high = row["interval"]
        lines.append(f"| {cls} | {DESCRIPTIONS[cls]} | {row['expected']} | {row['plants']} | "
                     f"{row['documents']} | {row['statements']} | {row['caught']} | {recall} | "
                     f"{low:.3f}–{high:.3f} | {row['alarms_elsewhere']} |")
    lines += ["", ("| unplanted texts | texts | characters | alarms | per 10,000 characters | "
                   "by kind |"), "|---|---|---|---|---|---|"]
    for group, row in report["false_alarms"].items():
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(row["kinds"].items())) or "—"
        lines.append(f"| {group} | {row['texts']} | {row['chars']} | {row['alarms']} | "
                     f"{row['per_10k']:.2f} | {kinds} |")
    return "\n".join(lines)


def missed_list(report: dict[str, Any], limit: int = 5) -> str:
    lines = []
    for cls, row in report["classes"].items():
        if row["recall"] is None or row["recall"] >= 0.95 or not row["missed"]:
            continue
        lines.append(f"\n### {cls} ({row['plants'] - row['caught']} missed; "
                     f"{min(limit, len(row['missed']))} shown)\n")
        for miss in row["missed"][:limit]:
            lines.append(f"- `{miss['document']}`: {miss['note']} — …{miss['snippet']}… — "
                         f"the validator: {miss['said']}")
    return "\n".join(lines)


def write(report: dict[str, Any], command: str) -> None:
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    header = (f"Generated by `{command}` on {stamp}: seed {report['seed']}, up to "
              f"{report['per_class']} plants per class over {report['documents']} documents "
              f"({report['characters']} characters: `corpora/` and `../shared/corpora/real/`), "
              f"{report['jobs']} worker processes, {report['seconds']:.0f} s.")
    method = ("Each plant is one edit of one document at a spot drawn at random from what the "
              "extractor found in the unplanted text; the document is extracted again, and the "
              "plant is caught when a new warning or error of the expected kind touches the "
              "planted span. The interval is the 95% Wilson interval; where the plants of a "
              "class share few statements (`statements` < `plants`), they are not independent "
              "and the interval is too narrow. `docs` is how many documents the plants of the "
              "class went into; `new alarms elsewhere` counts the alarms the plants set off "
              "away from the planted span (an edit should set off none).")
    alarms = ("False alarms: warnings and errors on the unplanted texts; the Wuhan sample (real "
              "faults) is left out, and so are alarms judged real by hand "
              "(`benchmarks/false_alarms.py`).")
    text = "\n".join(["# Planted errors anywhere (issue #17, point 6)", "", header, "", method,
                      "", table(report), "", alarms, "",
                      "## Missed plants (classes below 0.95, the first few of each)",
                      missed_list(report) or "\nNone.", ""])
    RESULTS.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-class", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (at most 2 here)")
    parser.add_argument("--class", dest="classes", action="append", choices=list(EXPECTED),
                        help="only this class (repeatable)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--show-missed", type=int, default=5, metavar="N",
                        help="missed plants shown per class below 0.95")
    parser.add_argument("--write", action="store_true", help=f"write {RESULTS.name}")
    args = parser.parse_args()
    report = run(args.per_class, args.seed, min(args.jobs, 2), classes=args.classes)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2, default=str))
    else:
        print(table(report))
        print(f"\n{report['seconds']:.0f} s")
        print(missed_list(report, args.show_missed))
    if args.write:
        write(report, "python benchmarks/planted_anywhere.py " + " ".join(sys.argv[1:]))


if __name__ == "__main__":
    main()

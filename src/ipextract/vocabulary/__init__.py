"""The vocabulary: units, magnitudes, qualifier words, cue words, metric aliases and the jieba
user dictionary, kept as data files in ``data/`` and validated when loaded.

A malformed file is a :class:`~ipextract.errors.VocabularyError` naming the file and the
fault (duplicate key, a written form claimed by two sections, an alias claimed twice, a regex
that does not compile), never a silent override.

>>> vocabulary = load_vocabulary()
>>> vocabulary.units["万人次"].base, vocabulary.units["万人次"].factor
('人次', Decimal('10000'))
"""

from __future__ import annotations

import re
import sys
import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import regex
from pydantic import ValidationError

from ..errors import VocabularyError
from .models import Cues, Magnitude, MetricAliases, Nation, QualifierWords, Unit, Vocabulary

DATA = resources.files(__package__) / "data"


def _import_jieba() -> None:
    """Import jieba without ``pkg_resources``, unless the process has it already.

    jieba 0.42 imports setuptools' ``pkg_resources`` only to open its own data files, and
    opens them with ``open`` when the import fails (``jieba._compat``). The import costs 6 MB
    of every run's memory and a tenth of a second, for a file this package never reads
    through it (the dictionary comes from :mod:`.lexicon`'s cache, or jieba's ``open``). The
    package's modules that use jieba are all in this one, so this runs first."""
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        return
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # (import fails: ImportError)
    try:
        import jieba  # noqa: F401
    finally:
        del sys.modules["pkg_resources"]


_import_jieba()


def _read_toml(directory: Path, name: str) -> dict[str, Any]:
    path = directory / name
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:  # duplicate keys land here too
        raise VocabularyError(str(path), str(exc)) from exc


def _units(directory: Path) -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    claimed_by: dict[str, str] = {}
    for section, entries in _read_toml(directory, "units.toml").items():
        for written, entry in entries.items():
            if written in units:
                raise VocabularyError(
                    str(directory / "units.toml"),
                    f"unit {written!r} is in both [{claimed_by[written]}] and [{section}]",
                )
            units[written] = Unit(written=written, **entry)
            claimed_by[written] = section
    return units


def _unique(path: str, label: str, words: list[str]) -> None:
    seen: set[str] = set()
    for word in words:
        if word in seen:
            raise VocabularyError(path, f"{label} lists {word!r} twice")
        seen.add(word)


def _metric_aliases(directory: Path) -> MetricAliases:
    data = _read_toml(directory, "metrics.toml")
    claimed: dict[str, str] = {}
    for canonical, aliases in data.get("canonical", {}).items():
        for name in (canonical, *aliases):
            if name in claimed and claimed[name] != canonical:
                raise VocabularyError(
                    str(directory / "metrics.toml"),
                    f"alias {name!r} is claimed by both {claimed[name]!r} and {canonical!r}",
                )
            claimed[name] = canonical
    return MetricAliases(**data)


def _compile(path: str, label: str, pattern: str) -> None:
    try:
        regex.compile(pattern)
    except regex.error as exc:
        raise VocabularyError(path, f"{label} does not compile: {exc}") from exc


def load_vocabulary_from(directory: Path) -> Vocabulary:
    """Load and validate every vocabulary file in ``directory``."""
    cues_path = str(directory / "cues.toml")
    raw_cues = _read_toml(directory, "cues.toml")
    for key, value in raw_cues["cues"].items():
        if isinstance(value, list) and value and isinstance(value[0], list):
            for group in value:  # (a list of groups: measure_groups)
                _unique(cues_path, key, group)
        elif isinstance(value, list):
            _unique(cues_path, key, value)
    for key in ("period_pattern", "adverbial_pattern", "condition_pattern", "target_pattern", "forecast_pattern",
                "actual_pattern", "target_paragraph_pattern", "period_name_pattern",
                "basis_in_names_pattern", "breakdown_opening_pattern"):
        if key in raw_cues["cues"]:
            _compile(cues_path, key, raw_cues["cues"][key])
    for number, pattern in enumerate(raw_cues["cues"].get("non_figure_patterns", []), start=1):
        _compile(cues_path, f"non_figure_patterns[{number}]", pattern)
    qualifiers = _read_toml(directory, "qualifiers.toml")
    magnitudes = {
        written: Magnitude(written=written, **entry)
        for written, entry in _read_toml(directory, "magnitudes.toml").items()
    }
    redup = _read_toml(directory, "reduplication.toml")["allowed"]
    _unique(str(directory / "reduplication.toml"), "allowed", redup)
    user_entries = [
        line.split()
        for line in (directory / "userdict.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    _unique(str(directory / "userdict.txt"), "the user dictionary", [e[0] for e in user_entries])
    currencies = _read_toml(directory, "currencies.toml").get("prefixes", {})
    try:
        units = _units(directory)
        for prefix, base in currencies.items():
            if base not in units or units[base].kind != "amount":
                raise VocabularyError(str(directory / "currencies.toml"),
                                      f"currency prefix {prefix!r} names {base!r}, no money unit")
        regions = _read_toml(directory, "regions.toml")
        provinces = regions.get("provinces", {})
        names = [name for full, entry in provinces.items() for name in (full, *entry["names"])]
        _unique(str(directory / "regions.toml"), "the provinces", names)
        nation = regions.get("nation", {})
        if "issuer_pattern" in nation:
            _compile(str(directory / "regions.toml"), "nation.issuer_pattern", nation["issuer_pattern"])
        return Vocabulary(
            units=units,
            currency_prefixes=currencies,
            province_codes={name: entry["code"] for full, entry in provinces.items()
                            for name in (full, *entry["names"])},
            doc_types=regions.get("doc_types", {}),
            nation=Nation(**nation),
            magnitudes=magnitudes,
            qualifiers=QualifierWords(**qualifiers),
            change_verbs=raw_cues["change_verbs"],
            cues=Cues(**raw_cues["cues"]),
            metric_aliases=_metric_aliases(directory),
            allowed_reduplications=frozenset(redup),
            user_tags={entry[0]: entry[2] for entry in user_entries if len(entry) == 3},
        )
    except (ValidationError, KeyError) as exc:
        raise VocabularyError(str(directory), f"malformed vocabulary: {exc}") from exc


@lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    """The package's own vocabulary, loaded once per process."""
    return load_vocabulary_from(Path(str(DATA)))


@lru_cache(maxsize=64)
def cue_pattern(name: str) -> re.Pattern[str]:
    """One of the package's cue-word lists (``cues.toml``'s ``name``) as a compiled pattern,
    the longest word at a position: built once per process, where the figures ask for it many
    thousand times.

    >>> cue_pattern("average_words").search("地区生产总值年均增长6%").group()
    '年均'
    """
    from ..scanning import words_pattern  # (scanning is the lower layer; imported when asked)

    return words_pattern(tuple(getattr(load_vocabulary().cues, name)))


@lru_cache(maxsize=128)
def cue_words(name: str) -> tuple[str, ...]:
    """One of the package's cue-word lists (``cues.toml``'s ``name``), read off the vocabulary
    once per process: a read of a field of its pydantic models takes CPython's slow path for
    attributes (the model type defines ``__getattr__``), twice as long as this call, and the
    naming rules ask for some lists at every figure.

    >>> cue_words("manner_adverbs")[:2]
    ('成功', '圆满')
    """
    words: tuple[str, ...] = getattr(load_vocabulary().cues, name)
    return words


@lru_cache(maxsize=128)
def cue_set(name: str) -> frozenset[str]:
    """:func:`cue_words` as a set, for membership tests of whole words."""
    return frozenset(cue_words(name))


def user_dictionary_path() -> Path:
    return Path(str(DATA / "userdict.txt"))

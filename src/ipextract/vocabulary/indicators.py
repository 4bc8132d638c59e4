"""The indicator catalogue: which named indicator (``gdp``, ``budget_revenue``,
``patent_grants``…) a record's metric names, kept as data in ``data/indicators.toml``.

The file is validated when loaded; a fault is a :class:`~ipextract.errors.VocabularyError`
naming the file and the entry: an id used twice, a name or alias claimed by two entries (or
listed twice by one), an unknown unit family, a parent that is no entry (or a loop of parents),
a field the entry should not have, a noise pattern that does not compile, two share entries
whose names split into the same part and whole.

Matching is a few dict lookups after a light normalisation, never a scan of the entries:

>>> indicator_of("全省规上工业增加值")
'industrial_va_above_scale'
>>> indicator_of("农村居民人均可支配收入"), indicator_of("城乡居民人均可支配收入")
('rural_disposable_income', None)

then by the catalogue's structure (see :class:`Matcher`): a share by its part and whole, a
table row by its measure, a name's head after words that keep it whole:

>>> indicator_of("三产增加值占GDP比重"), indicator_of("一般公共预算支出·教育")
('tertiary_share_of_gdp', 'education_expenditure')
>>> indicator_of("共有养老机构床位"), indicator_of("新增科技型中小企业")
('elderly_care_beds', None)
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import ValidationError

from ..errors import VocabularyError
from .indicator_matcher import (  # noqa: F401 (the lookup's names, as they were here)
    AROUND_A_VERB,
    DROPPED,
    SHARE,
    WHOLE_END,
    WRITTEN_ONCE,
    Matcher,
    lookup_form,
)
from .models import Frozen

UnitFamily = Literal[
    "money",           # 元, 美元 …: amounts, revenues, incomes
    "count",           # 件, 家, 个, 项, 辆, 张 …: things and organisations
    "persons",         # 人, 人次, 户: people, visits, jobs
    "percent",         # %: rates, shares, coverage
    "per_mille",       # ‰: birth and death rates
    "index",           # price indices (上年=100), reported as a change in %
    "ratio",           # a quantity per people, per unit of output or per vehicle
    "weight",          # 吨, 斤, 公斤
    "area",            # 亩, 公顷, 平方米, 平方公里
    "length",          # 公里, 米
    "volume",          # 立方米
    "energy",          # 吨标准煤, 千瓦时
    "power",           # 千瓦: installed capacity
    "concentration",   # 微克/立方米
    "time",            # 岁, 年, 天
    "transport_work",  # 吨公里, 人公里
]
UNIT_FAMILIES: tuple[str, ...] = get_args(UnitFamily)

ID = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
SETTINGS = ("scope_prefixes", "threshold_wholes", "suffix_variants", "noise_pattern", "real_growth_endings", "lead_words",
            "per_words", "distributive_words", "verbs_before_names", "verbs_after_names",
            *(LIST_AND_FLOW_WORDS := ("list_joiners", "each_words", "flow_verbs", "flow_openers",
                                      "stock_marks")))
PATH = Path(str(resources.files(__package__) / "data" / "indicators.toml"))


class Indicator(Frozen):
    """One entry of the catalogue."""

    id: str
    domain: str
    name: str
    name_en: str
    aliases: tuple[str, ...] = ()
    unit_family: UnitFamily
    parent: str | None = None
    # words that, before the name, restate what the entry covers by its own definition
    # (建筑业总产值 is that of 具有资质等级的…建筑业企业): the name after them is still this entry
    coverage: tuple[str, ...] = ()


class IndicatorCatalogue(Frozen):
    """The entries by id, and the lookup form of every name and alias → its entry's id."""

    indicators: dict[str, Indicator]
    keys: dict[str, str]
    scope_prefixes: tuple[str, ...] = ()
    # a threshold whole and the entry its parts hang from (规模以上工业 → industrial_va_above_scale)
    threshold_wholes: tuple[tuple[str, str], ...] = ()
    suffix_variants: tuple[tuple[str, str], ...] = ()
    noise_pattern: str = ""
    real_growth_endings: tuple[str, ...] = ()
    lead_words: tuple[str, ...] = ()
    per_words: tuple[str, ...] = ()
    # verbs that stand before a whole name (实现, 完成, 推动) or after it (跨过, 高于): the figure
    # is still the name's (see Matcher._around)
    verbs_before_names: tuple[str, ...] = ()
    verbs_after_names: tuple[str, ...] = ()
    # a word that stands for a list's items in order, then those items (城乡 → 城镇, 农村)
    distributive_words: tuple[tuple[str, ...], ...] = ()
    # words of lists and flows that the lookup reads around a figure (records/catalogue.py):
    # joining two items without 、 (和), a figure said of each item (均, 分别), a flow of new
    # things (新增), the words that may open a clause before it (力争, 全年, 全省), and those of a
    # stock after it (总, 达)
    list_joiners: tuple[str, ...] = ()
    each_words: tuple[str, ...] = ()
    flow_verbs: tuple[str, ...] = ()
    flow_openers: tuple[str, ...] = ()
    stock_marks: tuple[str, ...] = ()

    @cached_property
    def real_growth(self) -> frozenset[str]:
        """The ids whose growth is published at comparable prices by convention (生产总值,
        增加值, 总产值: the national accounts), while their levels are at current prices."""
        return frozenset(i.id for i in self.indicators.values()
                         if i.name.endswith(tuple(self.real_growth_endings)))

    @cached_property
    def matcher(self) -> Matcher:
        return Matcher(self)

    def normalise(self, text: str) -> str:
        """The lookup form of ``text`` (see :func:`lookup_form`)."""
        return lookup_form(text, self.matcher.noise)

    def match(self, metric: str | None) -> str | None:
        """The id of the entry ``metric`` names, or None (see :class:`Matcher`)."""
        return self.matcher(metric)


def _settings(where: str, data: dict[str, Any]) -> dict[str, Any]:
    for key, value in data.items():
        if not isinstance(value, dict) and key not in SETTINGS:
            raise VocabularyError(where, f"unknown setting {key!r} (settings are {', '.join(SETTINGS)})")
    pattern = data.get("noise_pattern", "")
    try:
        re.compile(pattern)
    except (re.error, TypeError) as exc:
        raise VocabularyError(where, f"noise_pattern does not compile: {exc}") from exc
    variants = data.get("suffix_variants", [])
    if not isinstance(variants, list) or not all(
            isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) for p in pair) and pair[0]
            for pair in variants):
        raise VocabularyError(where, "suffix_variants must be a list of [suffix, replacement] pairs")
    prefixes = data.get("scope_prefixes", [])
    if not isinstance(prefixes, list) or not all(isinstance(p, str) and p for p in prefixes):
        raise VocabularyError(where, "scope_prefixes must be a list of words")
    wholes = data.get("threshold_wholes", [])
    if not isinstance(wholes, list) or not all(
            isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) and p for p in pair)
            for pair in wholes):
        raise VocabularyError(where, "threshold_wholes must be a list of [whole, parent id] pairs")
    endings = data.get("real_growth_endings", [])
    if not isinstance(endings, list) or not all(isinstance(e, str) and e for e in endings):
        raise VocabularyError(where, "real_growth_endings must be a list of words")
    lead = data.get("lead_words", [])
    if not isinstance(lead, list) or not all(isinstance(w, str) and lookup_form(w) for w in lead):
        raise VocabularyError(where, "lead_words must be a list of words")  # an empty one leads anything
    per = data.get("per_words", [])
    if not isinstance(per, list) or not all(isinstance(w, str) and lookup_form(w) for w in per):
        raise VocabularyError(where, "per_words must be a list of words")  # an empty one starts anything
    verbs = {name: data.get(name, []) for name in ("verbs_before_names", "verbs_after_names",
                                                   *LIST_AND_FLOW_WORDS)}
    for name, words in verbs.items():
        if not isinstance(words, list) or not all(isinstance(w, str) and lookup_form(w) for w in words):
            raise VocabularyError(where, f"{name} must be a list of words")
    distributive = data.get("distributive_words", [])
    if not isinstance(distributive, list) or not all(
            isinstance(entry, list) and len(entry) >= 3 and all(isinstance(w, str) and lookup_form(w) for w in entry)
            for entry in distributive):
        raise VocabularyError(where, "distributive_words must be lists of a word and the two or more items it stands for")
    return {"per_words": per, "distributive_words": [tuple(entry) for entry in distributive],
            "noise_pattern": pattern, "suffix_variants": [tuple(pair) for pair in variants],
            "scope_prefixes": prefixes, "threshold_wholes": [tuple(pair) for pair in wholes],
            "real_growth_endings": endings, "lead_words": lead, **verbs}


def _entries(where: str, data: dict[str, Any]) -> dict[str, Indicator]:
    indicators: dict[str, Indicator] = {}
    for domain, entries in data.items():
        if not isinstance(entries, dict):
            continue
        for ident, entry in entries.items():
            label = f"[{domain}.{ident}]"
            if not isinstance(entry, dict):
                raise VocabularyError(where, f"{label} is not a table of fields")
            if not ID.fullmatch(ident):
                raise VocabularyError(where, f"{label}: the id {ident!r} is not snake_case")
            if ident in indicators:
                raise VocabularyError(
                    where, f"{label}: the id {ident!r} is already used by [{indicators[ident].domain}.{ident}]")
            family = entry.get("unit_family")
            if family not in UNIT_FAMILIES:
                raise VocabularyError(
                    where, f"{label}: unit_family {family!r} is not one of {', '.join(UNIT_FAMILIES)}")
            try:
                indicators[ident] = Indicator(id=ident, domain=domain, **entry)
            except (ValidationError, TypeError) as exc:
                raise VocabularyError(where, f"{label}: malformed entry: {exc}") from exc
            if not all(lookup_form(word) for word in indicators[ident].coverage):
                raise VocabularyError(where, f"{label}: a coverage word is empty once normalised")
    if not indicators:
        raise VocabularyError(where, "no indicators")
    return indicators


def _check_parents(where: str, indicators: dict[str, Indicator]) -> None:
    for indicator in indicators.values():
        label = f"[{indicator.domain}.{indicator.id}]"
        seen = [indicator.id]
        parent = indicator.parent
        while parent is not None:
            if parent not in indicators:
                raise VocabularyError(where, f"{label}: parent {parent!r} is no indicator of the catalogue")
            if parent in seen:
                raise VocabularyError(where, f"{label}: parents run in a loop: {' → '.join([*seen, parent])}")
            seen.append(parent)
            parent = indicators[parent].parent


def load_indicators_from(path: Path) -> IndicatorCatalogue:
    """Load and validate the indicator catalogue in ``path``."""
    where = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:  # a table declared twice lands here too
        raise VocabularyError(where, str(exc)) from exc
    except OSError as exc:
        raise VocabularyError(where, f"cannot be read: {exc.strerror or exc}") from exc
    settings = _settings(where, data)
    indicators = _entries(where, data)
    _check_parents(where, indicators)
    for whole, parent in settings["threshold_wholes"]:
        if parent not in indicators:
            raise VocabularyError(where, f"threshold_wholes: {whole!r} hangs from {parent!r}, no indicator of the catalogue")
    noise = re.compile(settings["noise_pattern"]) if settings["noise_pattern"] else None
    keys: dict[str, str] = {}
    for indicator in indicators.values():
        label = f"[{indicator.domain}.{indicator.id}]"
        for written in (indicator.name, *indicator.aliases):
            key = lookup_form(written, noise)
            if not key:
                raise VocabularyError(where, f"{label}: {written!r} is empty once normalised")
            owner = keys.get(key)
            if owner == indicator.id:
                raise VocabularyError(where, f"{label} lists {written!r} twice (as written or once normalised)")
            if owner is not None:
                other = indicators[owner]
                what = "the name" if lookup_form(other.name, noise) == key else "an alias"
                raise VocabularyError(
                    where, f"{label}: {written!r} is already {what} of [{other.domain}.{other.id}]")
            keys[key] = indicator.id
    catalogue = IndicatorCatalogue(indicators=indicators, keys=keys, **settings)
    if catalogue.matcher.share_conflicts:  # a share found by its part and whole must be one entry
        written, ident, claimed = catalogue.matcher.share_conflicts[0]
        first, second = indicators[ident], indicators[claimed]
        raise VocabularyError(
            where, f"[{first.domain}.{first.id}]: {written!r} is a share of the same part and whole "
                   f"as a name of [{second.domain}.{second.id}]")
    return catalogue


@lru_cache(maxsize=1)
def load_indicators() -> IndicatorCatalogue:
    """The package's own catalogue, loaded once per process."""
    return load_indicators_from(PATH)


@lru_cache(maxsize=16384)
def _indicator_of(metric: str) -> str | None:
    return load_indicators().matcher(metric)


@lru_cache(maxsize=4096)
def _item_of(metric: str, previous: str) -> str | None:
    return load_indicators().matcher.item(metric, previous)


@lru_cache(maxsize=1024)
def _list_of(items: tuple[str, ...], count: int) -> tuple[str | None, ...] | None:
    return load_indicators().matcher.parallel(items, count)


@lru_cache(maxsize=4096)
def _share_of(part: str, whole: str) -> str | None:
    return load_indicators().matcher.share(part, whole)


# The unit families of the entries a record of these kinds can measure. A share of a level
# (新能源装机占比达58%, 战略性新兴产业产值占规上工业比重38.2%) is named after its numerator and
# measures no entry for that level; a rate or ratio entry (城镇化率) it can. A duration (增速连续
# 15年高于…) is how long a statement about its name held, not a value of it, unless the entry
# is itself a time (优良天数).
_FAMILIES_OF_KIND = {"share": frozenset({"percent", "per_mille", "ratio"}),
                     "duration": frozenset({"time"})}


def indicator_of(metric: str | None, kind: str | None = None, *, previous: str | None = None,
                 whole: str | None = None) -> str | None:
    """The id of the catalogue indicator ``metric`` names, or None (an unknown metric, a
    general word, or a name that stands for several indicators at once). With the record's
    ``kind``: a ``share`` measures only an entry that is itself a rate or a ratio, a
    ``duration`` only an entry that is a time. With ``previous``, the metric of the item before
    it in a list, an item that names nothing is looked up in that item's scope
    (:meth:`Matcher.item`); with ``whole``, the words between 占 and a ``share``'s figure, a share
    named by its part is looked up by its part and whole (:meth:`Matcher.share`).

    >>> indicator_of("地区生产总值"), indicator_of("GDP"), indicator_of("ＧＤＰ")
    ('gdp', 'gdp', 'gdp')
    >>> indicator_of("发明专利授权总量"), indicator_of("专利授权量")
    ('invention_patent_grants', 'patent_grants')
    >>> indicator_of("项目") is None
    True
    >>> indicator_of("新能源装机", "share") is None, indicator_of("城镇化率", "share")
    (True, 'urbanisation_rate')
    >>> indicator_of("总花费", previous="国内游客人次"), indicator_of("民生支出", "share", whole="一般公共预算支出的")
    ('domestic_tourist_spending', 'livelihood_expenditure_share')
    """
    if not metric:
        return None
    found = _item_of(metric, previous) if previous else _indicator_of(metric)
    if found is not None and _fits(found, kind):
        return found
    if kind == "share" and whole and "占" not in metric:  # (named by its part: its level is no answer)
        found = _share_of(metric, whole)
        return found if _fits(found, kind) else None
    return None


def _fits(ident: str | None, kind: str | None) -> bool:
    """Whether a record of ``kind`` can give the entry ``ident`` (a share gives an entry of
    percent, per mille or ratio…); any kind, or none, can give no entry."""
    families = _FAMILIES_OF_KIND.get(kind) if kind is not None else None
    return ident is None or families is None or load_indicators().indicators[ident].unit_family in families


def indicators_of_list(items: tuple[str, ...], kinds: Sequence[str | None]) -> tuple[str | None, ...] | None:
    """The ids of the catalogue indicators the figures of a list name, one per figure in order
    (``kinds``: their records' kinds, which rule as in :func:`indicator_of`), or None when the
    list's ``items`` (as written, one per figure, or one word standing for all) do not pair off
    with the figures (:meth:`Matcher.parallel`).

    >>> indicators_of_list(("一", "二", "三产业增加值"), ["growth"] * 3)
    ('gdp_primary', 'gdp_secondary', 'gdp_tertiary')
    >>> indicators_of_list(("城乡居民人均收入",), ["growth", "growth"])
    ('urban_disposable_income', 'rural_disposable_income')
    """
    found = _list_of(items, len(kinds))
    if found is None:
        return None
    return tuple(ident if _fits(ident, kind) else None for ident, kind in zip(found, kinds, strict=True))

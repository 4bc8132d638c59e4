"""Which metric names mean the same indicator.

Names are compared by a canonical key (aliases from ``metrics.toml`` applied, endings such as
量/总量/次数/金额/拥有量 dropped). Two names are the *same* indicator when their keys are
equal (每万人口高价值发明专利 ≈ 每万人口高价值发明专利拥有量). A name that
contains another (企业发明专利授权 contains 发明专利授权) names a sub-category in Chinese, or
a longer wording of it, so it is only *related*: enough to say that an equal value is no
coincidence, never enough to call two values a conflict. The checks bucket figures by this key,
never comparing all pairs.

>>> same_metric("专利转让许可备案", "专利转让许可备案次数")
True
>>> same_metric("发明专利授权", "企业发明专利授权")
False
>>> related_metric("结案率", "受理各类知识产权纠纷案件结案率")
True
>>> related_metric("专利授权总量", "PCT国际专利申请量")
False
"""

from __future__ import annotations

from functools import lru_cache

from ..models import TABLE_NAME_MARK
from ..vocabulary import load_vocabulary

MIN_KEY = 3  # shorter names (企业, 高校, 案件) are too generic to say two figures are one


@lru_cache(maxsize=1)
def _canonical_names() -> tuple[dict[str, str], tuple[str, ...]]:
    """Every name → its canonical name (the first entry that lists it wins), and the endings
    stripped from names, longest first: built once, looked up in O(1)."""
    aliases = load_vocabulary().metric_aliases
    canonical_of: dict[str, str] = {}
    for canonical, names in aliases.canonical.items():
        for name in (canonical, *names):
            canonical_of.setdefault(name, canonical)
    return canonical_of, tuple(sorted(aliases.strip_suffixes, key=len, reverse=True))


@lru_cache(maxsize=1)
def _suffixes_by_last() -> dict[str, tuple[str, ...]]:
    """The endings of ``_canonical_names`` by their last character, longest first as there:
    a name is tried against the few that can end it, with the same first match (most
    names of a report are new to the cache, so each is worked out once, cheaply)."""
    ends: dict[str, list[str]] = {}
    for suffix in _canonical_names()[1]:
        if not suffix:  # it would strip every name to nothing
            raise ValueError("metrics.toml: an empty ending in strip_suffixes")
        ends.setdefault(suffix[-1], []).append(suffix)
    return {last: tuple(suffixes) for last, suffixes in ends.items()}


@lru_cache(maxsize=1 << 16)  # the names of a batch of long reports: no thrashing
def metric_key(name: str) -> str:
    """The name's canonical key. A table cell's ``measure·row`` (出口额·加工贸易,
    records/tables.py) is keyed as the compound prose writes (加工贸易出口额).

    >>> metric_key("出口额·加工贸易") == metric_key("加工贸易出口额")
    True
    """
    if TABLE_NAME_MARK in name:
        measure, _, row = name.partition(TABLE_NAME_MARK)
        name = row + measure
    canonical_of = _canonical_names()[0]
    by_last = _suffixes_by_last()
    name = canonical_of.get(name, name)
    changed = True
    while changed and name:
        changed = False
        for suffix in by_last.get(name[-1], ()):
            if name.endswith(suffix) and len(name) > len(suffix) + 1:
                name = name[: -len(suffix)]
                changed = True
                break
    return name


def same_metric(a: str, b: str) -> bool:
    """Equal canonical keys (知识产权质押融资 ≠ 知识产权质押融资惠及企业: an extension names
    another indicator, so only the listed endings and aliases make two names one)."""
    return metric_key(a) == metric_key(b)


@lru_cache(maxsize=1)
def _plain_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Words that say where, when or how much of something is counted, not what: scope words
    that open a name (全市, 全年, 年末…), longest first, and aggregate words anywhere in it
    (各项, 全部, 本外币)."""
    cues = load_vocabulary().cues
    scope = tuple(sorted({w for w in cues.scope_words if len(w) >= 2}, key=len, reverse=True))
    return scope, tuple(cues.aggregate_words)


_LIST_MARKS = str.maketrans("", "", "、 　")  # 粮油、食品类 in a table is 粮油食品类 in prose


@lru_cache(maxsize=1 << 16)
def plain_key(name: str) -> str:
    """The canonical key without scope and aggregate words and list marks: the part of a name
    that says what is measured (全市专利授权总量 → 专利授权; 全部财税收入 → 财税收入).

    >>> plain_key("全部财税收入"), plain_key("粮油、食品类"), plain_key("年末城镇登记失业人员数")
    ('财税收入', '粮油食品类', '城镇登记失业人员')
    """
    aggregate, scope_by_head = _plain_words()[1], _scope_by_head()
    name = name.translate(_LIST_MARKS)
    for word in aggregate:
        name = name.replace(word, "")
    stripped = True
    while stripped and name:
        stripped = False
        for word in scope_by_head.get(name[0], ()):
            if name.startswith(word) and len(name) > len(word) + 1:
                name, stripped = name[len(word):], True
                break
    return metric_key(name)


@lru_cache(maxsize=1)
def _scope_by_head() -> dict[str, tuple[str, ...]]:
    """The scope words of ``_plain_words`` by their first character, longest first as there:
    a name is tried against the few that can open it, with the same first match."""
    heads: dict[str, list[str]] = {}
    for word in _plain_words()[0]:
        heads.setdefault(word[0], []).append(word)
    return {head: tuple(words) for head, words in heads.items()}


def _one_run_added(short: str, long: str) -> bool:
    """``long`` is ``short`` with one run of characters added at its start, its end or inside
    (国家级运营中心 → 国家级知识产权运营中心)."""
    if len(long) <= len(short):
        return False
    # A cut of ``short`` whose head opens ``long`` can be no further than their common prefix,
    # and the shorter the tail the more easily it ends ``long``: the cut at the common prefix's
    # end is the one to try (one scan, not a pair of slices per cut: asked 20,000 times on the
    # real work reports by the restatement check)
    shared = 0
    for mine, theirs in zip(short, long):
        if mine != theirs:
            break
        shared += 1
    return long.endswith(short[shared:])


@lru_cache(maxsize=1 << 16)
def name_distance(a: str, b: str) -> int | None:
    """How closely two names can name one indicator, for a figure given twice (issue #17,
    point 4): 0, the same key (aliases and endings such as 总量/数量 applied); 1, the same once
    scope and aggregate words are dropped (全市, 全部, 各项…), or the same characters in another
    order (商标有效注册量 / 有效商标注册量, 发行知识产权证券化产品 / 知识产权证券化产品发行);
    2, one name is the other with one run of words added (企业发明专利授权 / 发明专利授权,
    国家级知识产权运营中心 / 国家级运营中心) — a longer wording or a sub-category, which only
    the values can tell apart; None, unrelated.

    >>> name_distance("专利转让许可备案", "专利转让许可备案次数"), name_distance("全部财税收入", "财税收入")
    (0, 1)
    >>> name_distance("国家级运营中心", "国家级知识产权运营中心"), name_distance("专利授权", "商标注册")
    (2, None)
    """
    if same_metric(a, b):
        return 0
    plain_a, plain_b = plain_key(a), plain_key(b)
    if len(plain_a) >= 2 and plain_a == plain_b:
        return 1
    # (the same characters in another order: told by the lengths first, most pairs differ)
    if len(plain_a) >= MIN_KEY + 1 and len(plain_a) == len(plain_b) and sorted(plain_a) == sorted(plain_b):
        return 1
    short, long = sorted((plain_a, plain_b), key=len)
    if len(short) >= MIN_KEY and (short in long or _one_run_added(short, long)):
        return 2
    return 2 if related_metric(a, b) else None


@lru_cache(maxsize=1 << 16)
def related_metric(a: str, b: str) -> bool:
    """Same, or one is a sub-category or a longer wording of the other."""
    if same_metric(a, b):
        return True
    for short, long in (sorted((metric_key(a), metric_key(b)), key=len), sorted((a, b), key=len)):
        if len(short) >= MIN_KEY and short in long:
            return True
    return False

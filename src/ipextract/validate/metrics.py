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


@lru_cache(maxsize=1 << 16)  # the names of a batch of long reports: no thrashing
def metric_key(name: str) -> str:
    canonical_of, suffixes = _canonical_names()
    name = canonical_of.get(name, name)
    changed = True
    while changed:
        changed = False
        for suffix in suffixes:
            if name.endswith(suffix) and len(name) > len(suffix) + 1:
                name = name[: -len(suffix)]
                changed = True
                break
    return name


def same_metric(a: str, b: str) -> bool:
    """Equal canonical keys (知识产权质押融资 ≠ 知识产权质押融资惠及企业: an extension names
    another indicator, so only the listed endings and aliases make two names one)."""
    return metric_key(a) == metric_key(b)


@lru_cache(maxsize=1 << 16)
def related_metric(a: str, b: str) -> bool:
    """Same, or one is a sub-category or a longer wording of the other."""
    if same_metric(a, b):
        return True
    for short, long in (sorted((metric_key(a), metric_key(b)), key=len), sorted((a, b), key=len)):
        if len(short) >= MIN_KEY and short in long:
            return True
    return False

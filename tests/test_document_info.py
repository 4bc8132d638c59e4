"""The document's title, year and region, as real reports and bulletins arrive: source notes and
web-page furniture above the title, a bureau's name and a publication date instead of a title
(issue #15, its first point). Texts are our own, in the shapes of the real ones."""

from __future__ import annotations

import pytest

from ipextract import extract

CASES = [
    # a web copy: a source note and the page's buttons above the title
    (("# source: someone/reports @ abc123\n# province=安徽省 title=…\n下载\n打印\n全屏\n【字号：\n加大\n】\n"
     "2026年安徽省政府工作报告\n——2026年2月5日在安徽省第十四届人民代表大会第四次会议上\n各位代表：\n"
     "全省生产总值增长5.5%。"),
     "2026年安徽省政府工作报告", 2026, "安徽省"),
    # the province's short name in the title
    ("2025年广西政府工作报告\n全区生产总值增长5.1%。", "2025年广西政府工作报告", 2025, "广西"),
    # a bulletin with no title line: the bureau names its region, the report's year opens the
    # first paragraph, and the line below the bureau is its publication date
    ("南京市统计局 国家统计局南京调查队\n2022年4月\n2021年，全市地区生产总值增长7.5%。",
     None, 2021, "南京市"),
    # the region on a line of its own above the title
    (("黔东南苗族侗族自治州\n2016年国民经济与社会发展统计公报\n黔东南州统计局\n2017年3月16日\n"
     "2016年，全州生产总值增长10.5%。"),
     "2016年国民经济与社会发展统计公报", 2016, "黔东南苗族侗族自治州"),
    # a national bulletin
    ("中华人民共和国2024年国民经济与社会发展统计公报\n国家统计局\n2025年2月28日\n全年国内生产总值增长5.0%。",
     "中华人民共和国2024年国民经济与社会发展统计公报", 2024, "中华人民共和国"),
]


@pytest.mark.parametrize(("text", "title", "year", "region"), CASES)
def test_title_year_and_region(text: str, title: str | None, year: int, region: str) -> None:
    document = extract(text, validate=False).document
    if title is not None:
        assert document.title == title
    assert document.year == year
    assert document.region == region


def test_a_title_without_a_place_has_no_region() -> None:
    document = extract("2024年知识产权发展状况白皮书\n全年专利授权量增长5%。", validate=False).document
    assert document.title == "2024年知识产权发展状况白皮书"
    assert document.region is None


def test_a_bare_title_takes_the_province_of_the_line_below_it() -> None:
    text = ("下载\n打印\n政府工作报告\n——2026年1月27日在海南省第七届人民代表大会第五次会议上\n"
            "各位代表：\n全省生产总值增长4.5%。")
    document = extract(text, validate=False).document
    assert document.title == "政府工作报告"
    assert document.region == "海南省"
    assert document.year == 2026


@pytest.mark.parametrize(("title", "doc_type", "code"), [
    ("2026年安徽省政府工作报告", "work_report", "340000"),
    ("2025年广西政府工作报告", "work_report", "450000"),
    ("2023年洛阳市国民经济和社会发展统计公报", "statistical_bulletin", "410300"),  # a city's code too
    ("2024年浙江省知识产权发展状况白皮书", "white_paper", "330000"),
    ("2025年11月份全市经济运行月报", "monthly_release", None),
    ("2025年11月份四川省经济运行情况", "monthly_release", "510000"),
    ("衡远智能装备股份有限公司2024年年度报告", "other", None),
    ("某市2025年重点工作新闻发布会", "press_release", None),
])
def test_doc_type_and_region_code(title: str, doc_type: str, code: str | None) -> None:
    document = extract(title + "\n全年生产总值增长5%。", validate=False).document
    assert document.doc_type == doc_type
    assert document.region_code == code


CITY_AND_COUNTY = [
    # a bulletin with no title line: the bureau, or the government, that issued it
    ("武汉市统计局\n2025年3月\n2024年，全市地区生产总值增长5.2%。", "武汉市", "420100"),
    ("长沙市人民政府\n2025年1月10日\n2024年，全市地区生产总值增长5.6%。", "长沙市", "430100"),
    ("深圳市人民政府办公厅\n2024年，全市专利授权量增长5%。", "深圳市", "440300"),
    # the city or county in the title, before or after the year
    ("2024年武汉市国民经济和社会发展统计公报\n全年增长5%。", "武汉市", "420100"),
    ("武汉市2024年知识产权白皮书\n全年专利授权量增长5%。", "武汉市", "420100"),
    ("2024年杭州市知识产权发展状况白皮书\n全年增长5%。", "杭州市", "330100"),
    ("成都市2024年国民经济与社会发展统计公报\n全年增长5%。", "成都市", "510100"),
    ("2024年浦东新区国民经济和社会发展统计公报\n全年增长5%。", "浦东新区", "310115"),
    ("2024年长沙县国民经济和社会发展统计公报\n全年增长5%。", "长沙县", "430121"),
    ("2024年恩施州国民经济和社会发展统计公报\n全年增长5%。", "恩施州", "422800"),
    ("2025年吉林市政府工作报告\n全年增长5%。", "吉林市", "220200"),  # not the province 吉林
    ("2024年海南藏族自治州国民经济和社会发展统计公报\n全年增长5%。", "海南藏族自治州", "632500"),
    # the province and the city, written together
    ("2024年湖北省武汉市国民经济和社会发展统计公报\n全年增长5%。", "湖北省武汉市", "420100"),
    # a bare title: the city whose congress heard the report
    ("政府工作报告\n——2025年1月6日在武汉市第十五届人民代表大会第五次会议上\n各位代表：\n全市增长5%。",
     "武汉市", "420100"),
    # a district's name several cities have: the front matter settles it, or it has no code
    ("朝阳区2024年国民经济与社会发展统计公报\n北京市朝阳区统计局\n全年增长5%。", "朝阳区", "110105"),
    ("2024年朝阳区国民经济和社会发展统计公报\n——2025年1月在北京市朝阳区第十七届人民代表大会第五次会议上\n全年增长5%。",
     "朝阳区", "110105"),
    ("2024年鼓楼区国民经济和社会发展统计公报\n福州市鼓楼区统计局\n全年增长5%。", "鼓楼区", "350102"),
    ("2024年鼓楼区国民经济和社会发展统计公报\n全年增长5%。", "鼓楼区", None),
    # no division of GB/T 2260, or a bare short name that a county has only by chance
    ("2024年雄安新区国民经济和社会发展统计公报\n全年增长5%。", None, None),
    ("中华人民共和国2024年国民经济与社会发展统计公报\n全年增长5.0%。", "中华人民共和国", "100000"),  # the country (regions.toml [nation])
]


@pytest.mark.parametrize(("text", "region", "code"), CITY_AND_COUNTY)
def test_a_city_or_county_and_its_code(text: str, region: str | None, code: str | None) -> None:
    document = extract(text, validate=False).document
    if region is not None:
        assert document.region == region
    assert document.region_code == code


@pytest.mark.parametrize(("text", "doc_type"), [
    ("南京市统计局 国家统计局南京调查队\n2022年4月\n2021年，全市地区生产总值增长7.5%。\n",
     "statistical_bulletin"),
    ("洛阳市统计局\n2023年，全市经济运行稳中向好。\n", "statistical_bulletin"),
    # a statistics bureau named inside a sentence is no issuer
    ("据市统计局初步核算，全市地区生产总值增长7.5%。\n", "other"),
    ("武汉市人民政府\n2024年政府工作报告\n", "work_report"),
])
def test_a_text_issued_by_a_statistics_bureau_is_a_bulletin(text: str, doc_type: str) -> None:
    """A bulletin copied without its title still names its issuer on the first lines."""
    assert extract(text, validate=False).document.doc_type == doc_type


# A report about the whole country: the title names it, or a national body issues it, or a
# bulletin names no place and opens on 全国. Its code is the country's (regions.toml [nation]).
NATIONAL = [
    ("中华人民共和国2025年国民经济和社会发展统计公报\n国家统计局\n全年国内生产总值增长5.1%。",
     "中华人民共和国", 2025),
    ("2023年我国交通运输行业发展统计公报\n年末全国铁路营业里程16万公里。", "全国", 2023),
    ("2022年水利发展统计公报\n中华人民共和国水利部\n2022年，全年落实水利建设投资1.1万亿元。",
     "全国", 2022),
    ("2022年残疾人事业发展统计公报\n2022年，全国残疾人事业稳步发展，康复服务覆盖850万人。",
     "全国", 2022),
    (("第五次全国经济普查主要数据公报\n国务院第五次全国经济普查领导小组办公室\n"
      "本次普查于2023年开展，全国共有法人单位3300万个。"), "全国", 2023),
]


@pytest.mark.parametrize(("text", "region", "year"), NATIONAL)
def test_a_national_report_is_coded_as_the_country(text: str, region: str, year: int) -> None:
    document = extract(text, validate=False).document
    assert (document.region, document.region_code, document.year) == (region, "100000", year)
    assert document.doc_type == "statistical_bulletin"


@pytest.mark.parametrize("text", [
    # a city's bulletin that speaks of the country in passing stays the city's
    "2024年长沙市国民经济和社会发展统计公报\n全市地区生产总值增长5%，高于全国平均水平。",
    # no place, no national body, and not a bulletin: no region at all
    "2024年度知识产权工作总结\n全年受理专利申请1.2万件。",
    # a region that is no division is not the country either
    "2024年长江经济带发展报告\n全国各地区生产总值增长5%。",
])
def test_only_a_national_report_is_coded_as_the_country(text: str) -> None:
    assert extract(text, validate=False).document.region_code != "100000"


@pytest.mark.parametrize("text", [
    # a text with no title whose first sentence names trade partners: a country or a bloc the
    # segmenter tags a place is no region of the document (its name would be stripped from
    # every metric as the document's own place: 美国进出口总额 → 进出口总额)
    "对欧盟、东盟、美国进出口总额分别增长12.7%、32.1%、12.6%。",
    "对非洲出口增长22.1%。",
])
def test_a_foreign_place_is_no_region(text: str) -> None:
    document = extract(text, validate=False).document
    assert document.region is None and document.region_code is None


def test_a_foreign_partner_keeps_its_name_in_a_text_without_a_title() -> None:
    records = extract("对欧盟、东盟、美国进出口总额分别增长12.7%、32.1%、12.6%。", validate=False).records
    assert [r.metric for r in records] == ["对欧盟进出口总额", "对东盟进出口总额", "对美国进出口总额"]

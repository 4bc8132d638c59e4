"""Tables a PDF copy stacked: each column's cells run together into one cell of one row, the
row headings in one cell, the values of all rows in another (``合计  养老机构  儿童福利机构 |
4120  3650  210``), sometimes several value columns in one cell, a row's values set apart by a
tab and the rows by wider gaps (``5200\t310.5  \t4800\t290.2``).

The tables here are made up in the style of a ministry's statistical bulletin; each test states
by hand the records a reader takes from the table. The rule under test: the values are read
back into their rows and columns only when the shape says so unambiguously (as many row
headings as rows of values, each row with as many values as the table has value columns);
otherwise a value keeps no row heading, and a value whose column, and so whose unit, is not
known is not read at all: a wrong unit is a wrong value.
"""

from __future__ import annotations

from decimal import Decimal

from ipextract import extract
from ipextract.models import Record


def _records(text: str) -> list[Record]:
    return extract(text, validate=False).records


def _read(text: str) -> list[tuple[str, Decimal, str, str]]:
    """(surface, value, unit, metric) of every table record, in order."""
    return [(r.surface, Decimal(str(r.value)), r.unit, r.metric) for r in _records(text) if r.section == "table"]


def test_one_value_column_stacked_gives_each_value_its_row_heading() -> None:
    text = ("表3 2022年行政区划情况\n单位：个\n指标 | 数量\n"
            "地级  地级市  自治州  盟 | 320  290  27  3\n各地区划调整有序推进。")
    assert _read(text) == [
        ("320", Decimal(320), "个", "地级"), ("290", Decimal(290), "个", "地级市"),
        ("27", Decimal(27), "个", "自治州"), ("3", Decimal(3), "个", "盟"),
    ]
    unstacked = "表3 2022年行政区划情况\n单位：个\n指标 | 数量\n地级 | 320\n地级市 | 290\n自治州 | 27\n盟 | 3\n各地区划调整有序推进。"
    assert [read[1:] for read in _read(text)] == [read[1:] for read in _read(unstacked)]


def test_two_value_columns_stacked_row_by_row_take_their_columns_units() -> None:
    # the second column is in 万张: 310.5 is 3,105,000 beds, not 310.5 of the first column's 个
    text = ("表2 2022年提供住宿的服务机构情况\n指标 | 机构（个） | 床位（万张）\n"
            "养老机构  儿童福利机构  救助管理机构 | 5200\t310.5  \t480\t12.6  \t1500\t8.4\n"
            "床位总体稳定。")
    read = _read(text)
    assert [(surface, value, unit) for surface, value, unit, _ in read] == [
        ("5200", Decimal(5200), "个"), ("310.5", Decimal(3105000), "张"),
        ("480", Decimal(480), "个"), ("12.6", Decimal(126000), "张"),
        ("1500", Decimal(1500), "个"), ("8.4", Decimal(84000), "张"),
    ]
    names = [metric for *_, metric in read]
    assert names[0] == names[1][:len(names[0])] == "养老机构"  # 养老机构, 养老机构床位
    assert names[2].startswith("儿童福利机构") and names[4].startswith("救助管理机构")
    assert names[1] != names[0] and "床位" in names[1] and "床位" in names[5]


def test_a_stacked_unit_cell_gives_each_row_its_unit() -> None:
    # 万个 written once per row, run together: 5.6 is 56,000
    text = ("表6 社区服务机构和设施\n指标 | 单位 | 数量\n"
            "社区服务中心  社区服务站 | 万个万个 | 1.6  4.0\n社区服务持续完善。")
    assert _read(text) == [
        ("1.6", Decimal(16000), "个", "社区服务中心"), ("4.0", Decimal(40000), "个", "社区服务站"),
    ]


def test_row_headings_run_together_are_parted_into_their_words_when_one_parting_fits() -> None:
    # 市辖区县级市 is two headings the copy joined: 3 headings for 4 values, and the one heading
    # that parts into words parts into two, so the values take their rows (until 2026-12-08 the
    # values were left unnamed: a bulletin's table of divisions lost 14 names so)
    text = ("表1 行政区划情况\n单位：个\n指标 | 数量\n县级  市辖区县级市  自治县 | 2840  970  390  117\n区划稳定。")
    read = _read(text)
    assert [(value, unit) for _, value, unit, _ in read] == [
        (Decimal(2840), "个"), (Decimal(970), "个"), (Decimal(390), "个"), (Decimal(117), "个"),
    ]
    assert [metric for *_, metric in read] == ["县级", "市辖区", "县级市", "自治县"]
    # three headings run together in one: two rows short, one heading of three words
    text = ("表1 行政区划情况\n单位：个\n指标 | 数量\n"
            "省级  直辖市  特别行政区  县级  市辖区县级市县  林区 | 34  4  2  2840  970  390  1300  1\n区划稳定。")
    assert [metric for *_, metric in _read(text)] == [
        "省级", "直辖市", "特别行政区", "县级", "市辖区", "县级市", "县", "林区"]


def test_row_headings_run_together_two_ways_leave_the_values_unnamed() -> None:
    # one row short and two headings that each part into two words: which of them the copy
    # joined is not known, so no value is named after a row
    text = ("表1 行政区划情况\n单位：个\n指标 | 数量\n县级  市辖区县级市  自治县自治旗 | 2840  970  390  117\n区划稳定。")
    read = _read(text)
    assert [value for _, value, _, _ in read] == [Decimal(v) for v in (2840, 970, 390, 117)]
    assert [metric for *_, metric in read] == ["", "", "", ""]


def test_values_of_columns_of_different_units_whose_rows_are_unknown_are_not_read() -> None:
    # three headings, seven values: neither the row nor the column (个 or 万张) of a value is
    # known, and a value read with the other column's unit would be wrong
    text = ("表2 服务机构情况\n指标 | 机构（个） | 床位（万张）\n"
            "养老机构  儿童福利机构  救助管理机构 | 5200\t310.5  \t480\t12.6  \t1500\t8.4  \t9\n"
            "床位总体稳定。")
    assert _read(text) == []


def test_a_shape_that_does_not_divide_into_rows_names_nothing() -> None:
    # two headings, six values in rows of three: more columns than the header has
    text = ("表4 机构情况\n指标 | 机构（个） | 床位（万张）\n甲类机构  乙类机构 | 5.6\t1.6\t4.0  \t2.9\t1.0\t1.9\n说明。")
    assert _read(text) == []


def test_a_table_restating_the_paragraph_before_it_raises_no_duplicate_alarm() -> None:
    # the paragraph gives 乡级行政区划单位 38512个, the table under it restates it as 乡级 | 38512:
    # one statement in two wordings, not one value given for two indicators
    text = ("截至2022年底，全国共有地级行政区划单位320个，乡级行政区划单位38512个。\n"
            "表3 2022年行政区划情况\n单位：个\n指标 | 数量\n地级  乡级 | 320  38512\n各地区划调整有序推进。")
    document = extract(text)
    assert [r.metric for r in document.records if r.surface == "38512"] == ["乡级"]
    assert [f for f in document.flags if f.kind == "duplicate_figure"] == []
    # the same value in another paragraph, not the one the table follows, still counts
    moved = text.replace("\n表3", "\n乡村治理持续加强，村规民约修订完成。\n表3")
    assert [f.kind for f in extract(moved).flags if f.kind == "duplicate_figure"] == ["duplicate_figure"]


# --- a table turned on its side: periods down the rows, parts of a whole across the columns ---

def _fields(text: str) -> list[tuple[str, str, str, str | None, str | None, str | None]]:
    """(surface, kind, metric, period, period_start, period_end) of every table record."""
    return [(r.surface, r.kind, r.metric, r.period, r.period_start and str(r.period_start),
             r.period_end and str(r.period_end)) for r in _records(text) if r.section == "table"]


def test_a_row_heading_that_opens_with_a_period_gives_the_period_not_the_name() -> None:
    # columns are regions, rows are years or spans with the measure word after them; the
    # title names the parts and then the measure (工业增加值), its growth and its share
    text = ("表2：南、北部地区工业增加值增长速度及比重变化情况\n| 南部地区 | 北部地区\n"
            "2001-2010平均每年增长(%) | 12.5 | 9.8\n“十一五”时期平均每年增长(%) | 9.7 | 8.4\n"
            "2010年比重(%) | 58.4 | 41.6\n以上数据为初步统计。")
    assert _fields(text) == [
        ("12.5", "growth", "南部地区工业增加值", "2001-2010", "2001-01-01", "2010-12-31"),
        ("9.8", "growth", "北部地区工业增加值", "2001-2010", "2001-01-01", "2010-12-31"),
        ("9.7", "growth", "南部地区工业增加值", "十一五时期", "2006-01-01", "2010-12-31"),
        ("8.4", "growth", "北部地区工业增加值", "十一五时期", "2006-01-01", "2010-12-31"),
        ("58.4", "share", "南部地区工业增加值比重", "2010年", "2010-01-01", "2010-12-31"),
        ("41.6", "share", "北部地区工业增加值比重", "2010年", "2010-01-01", "2010-12-31"),
    ]


def test_a_period_row_of_a_measure_is_named_by_the_column_and_the_measure() -> None:
    # the row's own measure after its year; the columns are kinds of area
    text = ("表5 城乡居民收入\n| 城镇 | 农村\n2022年人均可支配收入（元） | 48000 | 19500\n"
            "2023年人均可支配收入（元） | 50100 | 20800\n收入稳步增长。")
    read = _fields(text)
    assert [(surface, metric, period) for surface, _, metric, period, *_ in read] == [
        ("48000", "城镇人均可支配收入", "2022年"), ("19500", "农村人均可支配收入", "2022年"),
        ("50100", "城镇人均可支配收入", "2023年"), ("20800", "农村人均可支配收入", "2023年"),
    ]


def test_row_headings_run_together_with_one_closing_word_are_parted_by_the_rows_of_values() -> None:
    # the copy lost the gaps between 省级部门登记, 市级部门登记 and 县级部门登记: five rows of
    # three values, five headings once parted after each 登记; the unit is a note above the table
    # and the columns are kinds of the things counted, the rows how they are broken down
    text = ("表4 2022年协会按登记部门分类\n单位:个\n指标 | 行业协会 | 商会 | 学会\n"
            "合计  中央部门登记  省级部门登记市级部门登记县级部门登记 | "
            "5310\t2280\t960  \t\t410\t35\t120  \t\t820\t410\t300  \t\t1650\t820\t310  \t\t2430\t1015\t230\n"
            "协会发展平稳。")
    read = _read(text)
    assert [value for _, value, _, _ in read] == [Decimal(v) for v in (
        5310, 2280, 960, 410, 35, 120, 820, 410, 300, 1650, 820, 310, 2430, 1015, 230)]
    assert {unit for _, _, unit, _ in read} == {"个"}
    names = [metric for *_, metric in read]
    assert names[:3] == ["行业协会", "商会", "学会"]  # the total row: each column's whole
    assert names[3:6] == ["行业协会·中央部门登记", "商会·中央部门登记", "学会·中央部门登记"]
    assert names[6] == "行业协会·省级部门登记" and names[11] == "学会·市级部门登记"
    assert names[14] == "学会·县级部门登记"


def test_the_cells_kind_by_row_of_a_table_under_a_point_are_held_at_that_point() -> None:
    # the paragraph opens with the point its stocks are held at, and the table under it lists
    # them: every cell, the total row's and the broken-down rows' alike, is a stock at that point
    text = ("1.协会。截至 2022 年底，全国共有协会 8550 个，比上年增长 1.2％。\n"
            "表4 2022年协会按登记部门分类\n单位:个\n指标 | 行业协会 | 商会 | 学会\n"
            "合计  中央部门登记  地方部门登记 | 5310\t2280\t960  \t\t410\t35\t120  \t\t4900\t2245\t840\n"
            "协会发展平稳。")
    cells = [r for r in _records(text) if r.section == "table"]
    assert [r.metric for r in cells][:4] == ["行业协会", "商会", "学会", "行业协会·中央部门登记"]
    assert {r.period for r in cells} == {"截至2022年底"}

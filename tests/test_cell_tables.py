"""Tables that arrive one cell per line (pdftotext without -layout, text copied from a
browser): the header cells, then each row's heading and its values, each on a line of its own,
and every empty cell gone.

The tables here are made up, in the style of the tables of a statistical bulletin; each test
states by hand the records a reader takes from the table. Where the layout leaves a value's
column unknown (a row with fewer values than the table has columns), the value is not read:
a missed value is better than a value put in the wrong column.
"""

from __future__ import annotations

from decimal import Decimal

from ipextract import extract
from ipextract.cells import cell_rows
from ipextract.layout import logical_lines
from ipextract.models import Record


def _records(text: str) -> list[Record]:
    return extract(text, validate=False).records


def _read(text: str) -> set[tuple[Decimal, str, str]]:
    """(value, unit, metric) of every record."""
    return {(Decimal(str(r.value)), r.unit, r.metric) for r in _records(text)}


def _rows(text: str) -> list[str]:
    return [line.text for line in cell_rows(logical_lines(text), text)]


def _by_surface(text: str) -> dict[str, list[Record]]:
    found: dict[str, list[Record]] = {}
    for record in _records(text):
        found.setdefault(record.surface, []).append(record)
    return found


def _pipe(text: str) -> list[tuple[Decimal, str, str, str, str | None]]:
    """What the table rules read: (value, unit, kind, metric, period) in order."""
    return [(Decimal(str(r.value)), r.unit, r.kind, r.metric, r.period) for r in _records(text)]


# --- tables ------------------------------------------------------------------------------


def test_a_plain_table_is_read_row_by_row() -> None:
    text = ("单位：亿元\n指标\n绝对数\n比上年增长（%）\n地区生产总值\n2864.52\n5.8\n"
            "一般公共预算收入\n163.07\n-2.4\n全年经济运行稳中有进。")
    assert _rows(text) == ["单位：亿元", "指标|绝对数|比上年增长（%）", "地区生产总值|2864.52|5.8",
                           "一般公共预算收入|163.07|-2.4", "全年经济运行稳中有进。"]
    assert _read(text) == {
        (Decimal(286452000000), "元", "地区生产总值"), (Decimal("5.8"), "%", "地区生产总值"),
        (Decimal(16307000000), "元", "一般公共预算收入"), (Decimal("-2.4"), "%", "一般公共预算收入"),
    }
    assert {r.kind for r in _records(text) if r.unit == "%"} == {"growth"}


def test_a_row_with_an_empty_cell_is_left_unread_and_the_rows_below_keep_their_columns() -> None:
    # 油料 | | 1.8: one per line, the 1.8 could be the output or the growth
    text = ("2023年主要农产品产量\n单位：万吨\n产品\n产量\n比上年增长（%）\n粮食\n312.45\n2.3\n"
            "油料\n1.8\n蔬菜\n98.70\n-0.6\n全年农业生产保持稳定。")
    assert _read(text) == {
        (Decimal(3124500), "吨", "粮食产量"), (Decimal("2.3"), "%", "粮食产量"),
        (Decimal(987000), "吨", "蔬菜产量"), (Decimal("-0.6"), "%", "蔬菜产量"),
    }
    assert "1.8" not in _by_surface(text)  # neither 1.8万吨 nor 1.8%
    assert {r.kind for r in _records(text) if r.unit == "%"} == {"growth"}


def test_a_section_row_without_values_does_not_shift_the_rows_below() -> None:
    text = ("单位：亿元\n指标\n绝对数\n比上年增长（%）\n地区生产总值\n3560.8\n5.6\n一、第一产业\n增加值\n402.1\n3.9\n"
            "二、第二产业\n增加值\n1388.5\n6.2\n全市经济稳步回升。")
    assert _read(text) == {
        (Decimal(356080000000), "元", "地区生产总值"), (Decimal("5.6"), "%", "地区生产总值"),
        (Decimal(40210000000), "元", "第一产业增加值"), (Decimal("3.9"), "%", "第一产业增加值"),
        (Decimal(138850000000), "元", "第二产业增加值"), (Decimal("6.2"), "%", "第二产业增加值"),
    }
    # read as the same table written a | b | c, whose section rows have empty cells
    piped = ("单位：亿元\n指标 | 绝对数 | 比上年增长（%）\n地区生产总值 | 3560.8 | 5.6\n一、第一产业 |  | \n"
             "增加值 | 402.1 | 3.9\n二、第二产业 |  | \n增加值 | 1388.5 | 6.2\n全市经济稳步回升。")
    assert _pipe(text) == _pipe(piped)


def test_a_section_row_right_under_the_header_is_not_a_header_cell() -> None:
    text = ("单位：万元\n项目\n完成额\n比上年增长（%）\n（一）按产业分\n第一产业\n30245\n-3.9\n第二产业\n200446\n13.0\n"
            "全年投资结构持续优化。")
    assert _read(text) == {
        (Decimal(302450000), "元", "第一产业"), (Decimal("-3.9"), "%", "第一产业"),
        (Decimal(2004460000), "元", "第二产业"), (Decimal("13.0"), "%", "第二产业"),
    }


def test_a_two_level_header_of_year_cells_gives_each_value_its_year() -> None:
    text = ("表5：规模以上工业企业结构\n单位：%\n资产比重\n营业收入比重\n2018\n2022\n2018\n2022\n"
            "国有控股企业\n38.6\n35.2\n27.4\n25.9\n私营企业\n21.5\n24.8\n33.1\n36.0\n"
            "企业结构继续优化。")
    read = {(Decimal(str(r.value)), r.unit, r.metric, r.period) for r in _records(text)}
    # (the title's 规模以上工业企业 is the scope of every cell: written once, 企业 not twice)
    assert read == {
        (Decimal("38.6"), "%", "规模以上工业国有控股企业资产比重", "2018"),
        (Decimal("35.2"), "%", "规模以上工业国有控股企业资产比重", "2022"),
        (Decimal("27.4"), "%", "规模以上工业国有控股企业营业收入比重", "2018"),
        (Decimal("25.9"), "%", "规模以上工业国有控股企业营业收入比重", "2022"),
        (Decimal("21.5"), "%", "规模以上工业私营企业资产比重", "2018"),
        (Decimal("24.8"), "%", "规模以上工业私营企业资产比重", "2022"),
        (Decimal("33.1"), "%", "规模以上工业私营企业营业收入比重", "2018"),
        (Decimal("36.0"), "%", "规模以上工业私营企业营业收入比重", "2022"),
    }


def test_a_header_row_of_years_after_a_row_of_column_groups_keeps_both_rows() -> None:
    text = ("表3：各类工业比重\n行业\n资产比重(%)\n位次\n1990\n2000\n1990\n2000\n冶金\n10.6\n11.0\n2\n2\n"
            "机械\n13.2\n8.7\n1\n3\n以上为主要行业。")
    assert _rows(text)[:4] == ["表3：各类工业比重", "行业|资产比重(%)|位次", "|1990|2000|1990|2000",
                               "冶金|10.6|11.0|2|2"]
    piped = ("表3：各类工业比重\n行业 | 资产比重(%) | 位次\n| 1990 | 2000 | 1990 | 2000\n冶金 | 10.6 | 11.0 | 2 | 2\n"
             "机械 | 13.2 | 8.7 | 1 | 3\n以上为主要行业。")
    assert _pipe(text) == _pipe(piped)


def test_a_row_with_fewer_values_at_the_end_and_the_prose_after_the_table() -> None:
    # a unit column; the header has no cell over the row headings; the last row has no share
    text = ("表8 从业人员情况\n单位\n人数\n构成（%）\n从业人员\n万人\n186.40\n100.0\n其中：第一产业\n万人\n92.15\n49.4\n"
            "城镇登记失业人员\n人\n9630\n年末城镇登记失业率为3.1%，比上年下降0.2个百分点。")
    records = _records(text)
    table = {(Decimal(str(r.value)), r.unit, r.metric) for r in records if r.section == "table"}
    assert table == {
        (Decimal(1864000), "人", "从业人员"), (Decimal("100.0"), "%", "从业人员占比"),
        (Decimal(921500), "人", "第一产业人数"), (Decimal("49.4"), "%", "第一产业人数比重"),
    }
    assert {r.kind for r in records if r.section == "table" and r.unit == "%"} == {"share"}
    assert "9630" not in _by_surface(text)
    prose = _by_surface(text)["3.1%"]
    assert [(r.value, r.unit, r.section) for r in prose] == [(Decimal("3.1"), "%", "narrative")]
    assert "城镇登记失业率" in prose[0].metric


def test_a_row_without_its_unit_cell_is_left_unread() -> None:
    # 居民消费价格指数 |  | 102.5 | 2.5: one per line its 102.5 would stand in the column of units
    text = ("产品\n单位\n产量\n比上年增长（%）\n水泥\n万吨\n560.3\n4.2\n居民消费价格指数\n102.5\n2.5\n"
            "汽车\n万辆\n8.6\n12.0\n以上为规模以上工业数据。")
    assert _read(text) == {
        (Decimal(5603000), "吨", "水泥产量"), (Decimal("4.2"), "%", "水泥产量"),
        (Decimal(86000), "辆", "汽车产量"), (Decimal("12.0"), "%", "汽车产量"),
    }


def test_spaced_header_cells_are_read_as_words() -> None:
    # 单 位 and 产 量, justified across their cells, still head the unit column and the values
    text = ("表6 主要工业产品产量\n单 位\n产 量\n比上年增长（%）\n水泥\n万吨\n1022.88\n25.8\n汽车\n万辆\n12.5\n-4.6\n"
            "工业生产总体平稳。")
    assert _rows(text)[1] == "|单位|产量|比上年增长（%）"
    assert _read(text) == {
        (Decimal(10228800), "吨", "水泥产量"), (Decimal("25.8"), "%", "水泥产量"),
        (Decimal(125000), "辆", "汽车产量"), (Decimal("-4.6"), "%", "汽车产量"),
    }


def test_a_cell_of_several_numbers_names_none_of_them_after_the_row() -> None:
    # 7.4     6.9: two cells a PDF copy merged; which row each belongs to is lost
    text = ("单位：亿元\n指标\n绝对数\n比上年增长（%）\n一般公共预算支出\n512.36\n7.4     6.9\n教育支出\n98.20\n4.1\n"
            "财政支出保障有力。")
    assert _read(text) == {
        (Decimal(51236000000), "元", "一般公共预算支出"), (Decimal("7.4"), "%", ""), (Decimal("6.9"), "%", ""),
        (Decimal(9820000000), "元", "教育支出"), (Decimal("4.1"), "%", "教育支出"),
    }


def test_a_table_whose_row_headings_and_values_a_copy_merged_into_one_cell_each() -> None:
    # four headings, four values: read back into their rows (tests/test_stacked_cells.py),
    # the records are those of the same table one row a line
    text = ("表2 2022年社会服务机构情况\n单位：个\n指标\n数量\n合计  养老机构  儿童福利机构  救助管理机构\n"
            "4120  3650  210  260\n图1  2018-2022年社会服务机构数")
    found = _by_surface(text)
    for surface, value, row in (("3650", "3650", "养老机构"), ("210", "210", "儿童福利机构"),
                                ("260", "260", "救助管理机构")):
        assert [(r.value, r.unit, r.metric) for r in found[surface]] == [(Decimal(value), "个", row)]
    unstacked = ("表2 2022年社会服务机构情况\n单位：个\n指标 | 数量\n合计 | 4120\n养老机构 | 3650\n"
                 "儿童福利机构 | 210\n救助管理机构 | 260\n图1  2018-2022年社会服务机构数")
    assert ([(r.value, r.unit, r.metric) for r in _records(text)]
            == [(r.value, r.unit, r.metric) for r in _records(unstacked)])


def test_a_title_and_a_unit_note_are_not_header_cells() -> None:
    text = ("表10 每百户居民家庭拥有耐用消费品\n单位：台\n城镇\n农村\n彩色电视机\n110\n107\n移动电话\n287\n299\n"
            "十二、劳动就业\n全年城镇新增就业7.3万人。")
    rows = _rows(text)
    assert rows[:5] == ["表10每百户居民家庭拥有耐用消费品", "单位：台", "|城镇|农村", "彩色电视机|110|107",
                        "移动电话|287|299"]
    assert rows[5:] == ["十二、劳动就业", "全年城镇新增就业7.3万人。"]
    # (the title of goods each hundred households own names their number: class 436 of
    # tests/cases/outstanding_misses.yaml, 2026-12-07; the good alone had been the name)
    owned = "每百户居民家庭拥有量·"
    assert {(r.value, r.unit, r.metric) for r in _records(text) if r.section == "table"} == {
        (Decimal(110), "台", owned + "彩色电视机"), (Decimal(107), "台", owned + "彩色电视机"),
        (Decimal(287), "台", owned + "移动电话"), (Decimal(299), "台", owned + "移动电话"),
    }


def test_header_cells_over_several_columns_under_a_title_stay_in_the_table() -> None:
    # | 按经济类型分 | over | 在总计中： | 国有 | …: the cell above the header row is a row of the
    # header, not a caption between the unit note and the table
    text = ("表5：东部与中西部工业结构对比\n单位：%\n按经济类型分\n在总计中：\n国有\n集体\n私营\n乡镇企业\n"
            "东部地区\n27.3\n39.5\n2.7\n45.1\n中西部地区\n46.9\n30.9\n2.2\n37.1\n以上为初步数据。")
    assert _rows(text)[2:6] == ["按经济类型分|", "在总计中：|国有|集体|私营|乡镇企业", "东部地区|27.3|39.5|2.7|45.1",
                                "中西部地区|46.9|30.9|2.2|37.1"]
    assert _read(text) == {
        (Decimal("27.3"), "%", "东部地区"), (Decimal("39.5"), "%", "东部地区"),
        (Decimal("2.7"), "%", "东部地区"), (Decimal("45.1"), "%", "东部地区"),
        (Decimal("46.9"), "%", "中西部地区"), (Decimal("30.9"), "%", "中西部地区"),
        (Decimal("2.2"), "%", "中西部地区"), (Decimal("37.1"), "%", "中西部地区"),
    }


def test_a_header_of_value_words_over_the_columns() -> None:
    # | 90年代出厂 | 80年代及以前出厂: the header cells read as numbers with a word
    text = ("表6：按出厂年代分的设备构成（％）\n90年代出厂\n80年代及以前出厂\n全部设备\n41.2\n58.8\n进口设备\n29.5\n70.5\n"
            "设备更新速度加快。")
    assert _rows(text)[1:4] == ["|90年代出厂|80年代及以前出厂", "全部设备|41.2|58.8", "进口设备|29.5|70.5"]


# --- not tables ----------------------------------------------------------------------------


def test_a_list_of_short_numbered_items_is_not_a_table() -> None:
    text = "下一步重点工作：\n1.稳住农业基本盘\n2.扩大有效投资\n3.新增城镇就业5万人\n4.加强民生保障\n各项工作有序推进。"
    assert not any("|" in row for row in _rows(text))


def test_a_poem_like_layout_is_not_a_table() -> None:
    text = "春到苗岭\n山歌一声声\n1952\n稻花香里说丰年\n2023\n梯田层层绿\n风过侗寨\n"
    assert not any("|" in row for row in _rows(text))
    assert _records(text) == []


def test_a_signature_block_with_a_date_is_not_a_table() -> None:
    text = ("全年各项统计数据均为初步统计数。\n某州统计局\n国家统计局某州调查队\n2017年3月20日\n"
            "联系电话：0855-8221234\n")
    assert not any("|" in row for row in _rows(text))


def test_lines_of_numbers_in_prose_are_not_table_rows() -> None:
    text = "各季度增长情况如下。\n5.1 4.8 4.9 5.2\n全年增长5.0%。"
    assert not any("|" in row for row in _rows(text))


# --- cost ----------------------------------------------------------------------------------


def test_cell_rows_reads_an_adversarial_run_whole() -> None:
    # rows of one heading too many and three values: no table, tried at every heading. Its
    # time at two sizes (linear, not quadratic) is measured in benchmarks/test_stages.py.
    pieces = ["项目", "甲类", "1", "2", "3"] * 2000 + ["说明"] * 5000 + ["4"]
    text = "\n".join(pieces)
    lines = logical_lines(text)
    rows = cell_rows(lines, text)
    assert len(rows) == len(lines)

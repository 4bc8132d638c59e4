"""What extract promises about the process it runs in."""

from __future__ import annotations

import decimal
import gc
from decimal import Decimal

import pytest

from ipextract import extract


@pytest.mark.parametrize("enabled", [True, False])
def test_extract_leaves_the_garbage_collector_as_it_found_it(enabled: bool) -> None:
    (gc.enable if enabled else gc.disable)()
    try:
        assert extract("专利授权量1.2万件，同比增长5%。").records
        assert gc.isenabled() is enabled
        with pytest.raises(TypeError):
            extract(None)  # type: ignore[arg-type]
        assert gc.isenabled() is enabled, "an error inside extract must restore it too"
    finally:
        gc.enable()


def test_values_stay_exact_when_another_library_lowered_the_decimal_precision() -> None:
    with decimal.localcontext(prec=5):
        records = extract("涉案金额达1234567.89亿元，另有13.38万件。").records
    assert [r.value for r in records] == [Decimal(123456789000000), Decimal(133800)]


def test_a_sentence_cut_by_a_page_number_reads_on_though_a_table_title_follows() -> None:
    # a PDF copy: the sentence breaks after 比上年, the page's number stands alone on its line,
    # the sentence ends on the next page, and a table's title comes after it. 年|表 makes a word
    # across the break, which once read the rest of the sentence as a caption printed inside it
    # and the title as its continuation (比上年表3…), and the growth lost its name.
    text = ("2.志愿服务。截至 2023 年底，全市登记志愿者 86.4 万人，比上年增长 4.1％；组织志愿服务项目 1.2 万个，比上年\n"
            "—9—\n"
            "增长 6.8％。全年开展志愿活动 3.5 万场。\n"
            "表 3\t2023 年志愿服务组织按类型分类\n")
    document = extract(text)
    growth = next(r for r in document.records if r.surface == "6.8％")
    count = next(r for r in document.records if r.surface == "1.2 万个")
    assert growth.kind == "growth" and growth.metric == count.metric == "志愿服务项目"
    assert "表" not in count.context and count.context.endswith("增长6.8%。")

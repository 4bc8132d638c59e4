"""Metamorphic tests: typography and layout a reader ignores must not change the figures.

Every transform of ``tests/metamorphic.py`` is applied to every document of ``corpora/`` and
every ``.txt`` under ``../shared/corpora/real/``; the records of the transformed text must
keep 99% of the original records with the same value fields, 98% with every field, and give
no figure a wrong value. The transforms themselves are tested first (hand-written examples,
offset maps on every document and on generated text).
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipextract import extract
from ipextract.models import Record

from .conftest import CORPORA, ROOT, SHARED
from .metamorphic import (
    FULL_FIELDS,
    TRANSFORMS,
    VALUE_FIELDS,
    Kept,
    applies,
    bold_doubling,
    cells_per_line,
    comma_swap,
    corpus_documents,
    crlf,
    fullwidth,
    hard_wrap,
    hard_wrap_indent,
    kept,
    map_errors,
    page_breaks,
    paragraph_split,
    period_semicolon,
    real_documents,
    spaces_in_figures,
    spaces_pangu,
    spaces_wide,
)

REAL = SHARED / "corpora" / "real"
VALUE_SHARE = 0.99
FULL_SHARE = 0.98


# ---------------------------------------------------------------------------------------------
# The transforms, by hand
# ---------------------------------------------------------------------------------------------


def test_spaces_pangu() -> None:
    assert spaces_pangu("全市PCT国际专利申请量4816件，同比增长6.3%。").text == \
        "全市 PCT 国际专利申请量 4816 件，同比增长 6.3%。"
    assert spaces_pangu("5%以上的企业，481.96亿元").text == "5% 以上的企业，481.96 亿元"


def test_spaces_wide_cycles_through_three_spaces() -> None:
    assert spaces_wide("增长5.2%，达481.96亿元").text == \
        "增长\u00a05.2%，达\u2009481.96\u3000亿元"


def test_spaces_in_figures() -> None:
    assert spaces_in_figures("授权13.38万件，产量1.2亿吨，增长19.19%，共2件").text == \
        "授权13.38 万 件，产量1.2 亿 吨，增长19.19 %，共2 件"
    # 千 of a unit stays with it: the magnitude of 1.64亿千瓦 is 亿, its unit 千瓦
    assert spaces_in_figures("装机1.64亿千瓦，发电100亿千瓦时，里程3千米").text == \
        "装机1.64 亿 千瓦，发电100 亿 千瓦时，里程3 千米"


def test_spaces_in_figures_splits_chinese_numerals_by_chance() -> None:
    # the pairs 一点 点五 三千 千二 二百; seed 1 draws 0.134 (space), 0.847, 0.763, 0.255 (space),
    # 0.495 (space)
    assert spaces_in_figures("百分之一点五，三千二百", seed=1).text == "百分之一 点五，三千 二 百"
    assert spaces_in_figures("百分之一点五，三千二百", seed=1) == spaces_in_figures("百分之一点五，三千二百")
    spaced = spaces_in_figures("九八七六五四三二一零" * 10, seed=7).text
    assert spaced.replace(" ", "") == "九八七六五四三二一零" * 10
    assert 20 < spaced.count(" ") < 80


def test_fullwidth_keeps_the_length() -> None:
    text = "全市GDP增长5.2%，达1,553件。v1.0版"
    assert fullwidth(text).text == "全市ＧＤＰ增长５．２％，达１，５５３件。ｖ１．０版"
    assert fullwidth(text).offsets == tuple(range(len(text) + 1))


def test_hard_wrap() -> None:
    line = "二〇二四年全市专利授权总量达到71292件，同比增长19.19%，发明专利授权量25230件。"
    assert len(line) > 37
    assert hard_wrap(line + "\n短行\n\n下一段").text == (
        "二〇二四年全市专利授权总量达到71292件，同比增长19.19%，发明专利\n"
        "授权量25230件。\n"
        "\n"
        "短行\n"
        "\n"
        "下一段")


def test_hard_wrap_indent() -> None:
    line = "二〇二四年全市专利授权总量达到71292件，同比增长19.19%，发明专利授权量25230件。"
    assert hard_wrap_indent(line + "\n短行\n\n下一段").text == (
        "\u3000\u3000二〇二四年全市专利授权总量达到71292件，同比增长19.19%，发明\n"
        "专利授权量25230件。\n"
        "\u3000\u3000短行\n"
        "\n"
        "\u3000\u3000下一段")


def test_page_breaks_fall_inside_a_paragraph() -> None:
    text = "二〇二四年武汉知识产权发展与保护状况白皮书全文\n" + "甲" * (37 * 41)
    header = "二〇二四年武汉知识产权发展与保护状况白皮"  # the first line, cut to 20
    full = "甲" * 37 + "\n"
    # line 1 is the title, line 2 blank, then 41 lines of the paragraph: the break after line 40
    title = "二〇二四年武汉知识产权发展与保护状况白皮书全文"
    assert len(title) < 37
    assert page_breaks(text).text == (
        f"{title}\n\n" + full * 38 + f"— 1 —\n{header}\n" + full * 2 + "甲" * 37)


def test_page_breaks_move_off_blank_lines() -> None:
    text = "标题\n" + "\n".join(["乙" * 30] * 30)  # title, blank, 乙, blank, 乙…: no paragraph
    transformed = page_breaks(text)
    assert "— 1 —" not in transformed.text
    assert not map_errors(text, transformed)


def test_bold_doubling_doubles_one_line_with_a_figure() -> None:
    line = "全市专利授权总量达到71292件，同比增长19.19%，创历史新高。"
    assert 30 <= len(line) <= 80
    text = f"标题\n{line}\n这一行没有数字，但它有三十多个字符，长度合适，不会被选中。"
    assert bold_doubling(text).text == (
        "标题\n"
        "全全市市专专利利授授权权总总量量达达到到7711229922件件，，同同比比增增长长1199..1199%%，，创创历历史史新新高高。。\n"
        "这一行没有数字，但它有三十多个字符，长度合适，不会被选中。")
    assert bold_doubling("短行5件\n没有合适的行").text == "短行5件\n没有合适的行"


def test_cells_per_line() -> None:
    text = ("（单位：亿元）\n指标 | 金额 | 同比增长\n知识产权质押融资金额 | 2286.4 | 12.5%\n"
            "|  | 合计 | 2286.4 |\n说明：数据为初步统计。")
    transformed = cells_per_line(text)
    assert transformed.text == (
        "（单位：亿元）\n指标\n金额\n同比增长\n知识产权质押融资金额\n2286.4\n12.5%\n合计\n2286.4\n"
        "说明：数据为初步统计。")
    assert "|" in {text[i] for i in transformed.removed}
    assert not map_errors(text, transformed)


def test_crlf() -> None:
    assert crlf("一\n\n二").text == "一\r\n\r\n二"


def test_period_semicolon() -> None:
    assert period_semicolon("增长5.2%；下降3%。占比9%。”\n合计12件。").text == \
        "增长5.2%。下降3%；占比9%。”\n合计12件。"


def test_comma_swap() -> None:
    assert comma_swap("分别增长3.6%、3.5%和5.6%\n、").text == "分别增长3.6%，3.5%和5.6%\n、"
    # list numbers keep their 、: they stand before one item, not between two
    assert comma_swap("一、综合\n（二）、专利。3、商标：1、甲、乙").text == "一、综合\n（二）、专利。3、商标：1、甲，乙"


def test_paragraph_split() -> None:
    first = "全市专利授权总量达到71292件，同比增长19.19%，显示发明专利授权量25230件，同比增长显著。"
    second = "“企业发明专利授权量达到14551件，占全市总量的57.67%，充分显示企业作为创新主体活力强劲。”"
    last = "截至2024年底，每万人口高价值发明专利拥有量达到40.57件。"
    text = first + second + last
    assert len(text) > 80
    assert paragraph_split(text).text == f"{first}\n{second}{last}"
    assert paragraph_split(first).text == first  # too short
    assert paragraph_split("甲" * 100 + "。").text == "甲" * 100 + "。"  # no 。 inside


# ---------------------------------------------------------------------------------------------
# The offset maps
# ---------------------------------------------------------------------------------------------


def _all_documents() -> list[Path]:
    return corpus_documents(CORPORA) + real_documents(REAL)


@pytest.mark.parametrize("name", sorted(TRANSFORMS))
def test_offset_maps_hold_on_every_document(name: str) -> None:
    for path in _all_documents():
        text = path.read_text(encoding="utf-8")
        transformed = TRANSFORMS[name](text)
        assert transformed == TRANSFORMS[name](text), "not deterministic"
        errors = map_errors(text, transformed)
        assert not errors, f"{path.name}: {errors}"
        if name != "cells_per_line":
            assert not transformed.removed


_ALPHABET = st.sampled_from(list("增长达亿万千百十一二两三点零〇件元%.,0123456789AbZ。；、，：（）”| \n\u3000\t"))


@pytest.mark.parametrize("name", sorted(TRANSFORMS))
@settings(max_examples=150, deadline=None)
@given(text=st.text(_ALPHABET, max_size=300))
def test_offset_maps_hold_on_any_text(name: str, text: str) -> None:
    transformed = TRANSFORMS[name](text)
    assert not map_errors(text, transformed)
    kept_chars = [c for i, c in enumerate(text) if i not in transformed.removed]
    assert len(transformed.text) >= len(kept_chars)


# ---------------------------------------------------------------------------------------------
# The comparison
# ---------------------------------------------------------------------------------------------

SAMPLE = "全市专利授权总量达到71292件，同比增长19.19%。累计访问量超140万次。"


def test_kept_on_the_same_records_is_everything() -> None:
    records = extract(SAMPLE, validate=False).records
    assert len(records) == 3
    outcome = kept(records, records, range(len(SAMPLE) + 1), FULL_FIELDS)
    assert (outcome.share, outcome.lost, outcome.wrong_values) == (1.0, (), ())


def test_kept_follows_the_offset_map() -> None:
    text = "标题\n" + SAMPLE.replace("。", "。\n")
    before = extract(text, validate=False).records
    transformed = crlf(text)  # every record after the first line moves by one more \r
    after = extract(transformed.text, validate=False).records
    assert [r.start for r in after] != [r.start for r in before]
    assert kept(before, after, transformed.offsets, FULL_FIELDS).share == 1.0


def test_kept_tells_lost_and_wrong_values_apart() -> None:
    records = extract(SAMPLE, validate=False).records
    count, growth, visits = records
    other_unit = count.model_copy(update={"unit": "项"})
    wrong = visits.model_copy(update={"value": Decimal(140)})
    outcome = kept(records, [other_unit, growth, wrong], range(len(SAMPLE) + 1), VALUE_FIELDS)
    assert outcome.kept == 1 and outcome.total == 3
    assert [(lost.surface, lost.differs) for lost in outcome.lost] == [
        ("71292件", ("unit",)), ("超140万次", ("value",))]
    assert [lost.surface for lost in outcome.wrong_values] == ["超140万次"]
    missing = kept(records, [growth], range(len(SAMPLE) + 1), VALUE_FIELDS)
    assert [str(lost) for lost in missing.lost] == ["'71292件'@10: missing", "'超140万次'@33: missing"]
    assert missing.wrong_values == ()


def test_kept_compares_of_by_the_target_value() -> None:
    records = extract(SAMPLE, validate=False).records
    count, growth, visits = records
    renumbered = [count.model_copy(update={"id": "x9"}), growth.model_copy(update={"of": "x9"}), visits]
    assert kept(records, renumbered, range(len(SAMPLE) + 1), FULL_FIELDS).share == 1.0
    elsewhere = [count, growth.model_copy(update={"of": visits.id}), visits]
    outcome = kept(records, elsewhere, range(len(SAMPLE) + 1), FULL_FIELDS)
    assert [lost.differs for lost in outcome.lost] == [("of",)]
    assert kept(records, elsewhere, range(len(SAMPLE) + 1), VALUE_FIELDS).share == 1.0


# ---------------------------------------------------------------------------------------------
# Every transform on every document
# ---------------------------------------------------------------------------------------------


@cache  # one extraction of each original for all the transforms
def _original(path: Path) -> tuple[str, tuple[Record, ...]]:
    text = path.read_text(encoding="utf-8")
    return text, tuple(extract(text, validate=False).records)


def _known_defects() -> dict[str, str]:
    """(transform-document) ids that fail today, with the defect behind each."""
    known: dict[str, str] = {}
    for line in (Path(__file__).parent / "metamorphic_known.txt").read_text(encoding="utf-8").splitlines():
        pair, _, reason = line.partition("#")
        if pair.strip():
            known[pair.strip()] = reason.strip()
    return known


def _document_params() -> list[object]:
    params: list[object] = []
    known = _known_defects()

    def marks(case: str, *more: pytest.MarkDecorator) -> list[pytest.MarkDecorator]:
        found = [pytest.mark.xfail(strict=True, reason=known[case])] if case in known else []
        return [*found, *more]

    for name in TRANSFORMS:
        for path in corpus_documents(CORPORA):
            case = f"{name}-{path.stem}"
            params.append(pytest.param(name, path, id=case, marks=marks(case)))
        real = real_documents(REAL)
        for path in real:
            label = path.relative_to(REAL).with_suffix("").as_posix()
            case = f"{name}-real/{label}"
            params.append(pytest.param(name, path, id=case, marks=marks(case, pytest.mark.slow)))
        if not real:
            params.append(pytest.param(name, None, id=f"{name}-real",
                                       marks=pytest.mark.skip(reason="../shared/corpora/real is not here")))
    return params


def _report(name: str, path: Path, value: Kept, full: Kept) -> str:
    lines = [(f"{name} on {path.relative_to(ROOT.parent)}: "
              f"value fields kept {value.kept}/{value.total} ({value.share:.1%}, need {VALUE_SHARE:.0%}), "
              f"all fields kept {full.kept}/{full.total} ({full.share:.1%}, need {FULL_SHARE:.0%}), "
              f"wrong values {len(value.wrong_values)}")]
    if value.wrong_values:
        lines.append("wrong values:")
        lines += [f"  {lost}" for lost in value.wrong_values[:10]]
    by_value = value.share < VALUE_SHARE
    lost = value.lost if by_value else full.lost
    lines.append(f"first lost records ({'value' if by_value else 'all'} fields):")
    lines += [f"  {record}" for record in lost[:10]]
    return "\n".join(lines)


@pytest.mark.parametrize(("name", "path"), _document_params())
def test_figures_survive_the_transform(name: str, path: Path) -> None:
    text, before = _original(path)
    if not applies(name, text):
        pytest.skip(f"{path.name} has no table rows")
    transformed = TRANSFORMS[name](text)
    after = extract(transformed.text, validate=False).records
    value = kept(before, after, transformed.offsets, VALUE_FIELDS)
    full = kept(before, after, transformed.offsets, FULL_FIELDS)
    holds = value.share >= VALUE_SHARE and full.share >= FULL_SHARE and not value.wrong_values
    assert holds, _report(name, path, value, full)

"""The indicator catalogue (vocabulary/data/indicators.toml): it loads, it is validated when
loaded, and ``indicator_of`` maps the metrics reports write to the right entry, or to None.

The case rows are in tests/indicator_cases/indicators.yaml (not tests/cases/, whose rows are
whole texts for the extractor)."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from ipextract.errors import VocabularyError
from ipextract.vocabulary.indicators import (
    PATH,
    UNIT_FAMILIES,
    WRITTEN_ONCE,
    IndicatorCatalogue,
    Matcher,
    indicator_of,
    indicators_of_list,
    load_indicators,
    load_indicators_from,
    lookup_form,
)

CASES = Path(__file__).resolve().parent / "indicator_cases" / "indicators.yaml"
# kind: the record's; previous: the metric of the figure before it in its list; whole: the words
# between 占 and a share named by its part; items: a list's items as written, whose figures stand
# side by side (figures: how many, when not one per item), position: the figure's among them
ROW_KEYS = {"id", "group", "metric", "expect", "note", "xfail", "kind", "previous", "whole", "items",
            "figures", "position"}


def _rows() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    return rows


def _params() -> list[Any]:
    params = []
    for row in _rows():
        marks = [pytest.mark.xfail(strict=True, reason=row["xfail"])] if row.get("xfail") else []
        params.append(pytest.param(row, id=f"{row['group']}:{row['id']}", marks=marks))
    return params


# --- the case rows ---------------------------------------------------------------------------

@pytest.mark.parametrize("row", _params())
def test_metric_names_its_indicator(row: dict[str, Any]) -> None:
    if "items" in row:
        kinds = [row.get("kind")] * row.get("figures", len(row["items"]))
        found_all = indicators_of_list(tuple(row["items"]), kinds)
        assert row["metric"] in row["items"]
        found = found_all[row["position"]] if found_all is not None else None
        assert found == row["expect"], row.get("note", "")
        return
    found = indicator_of(row["metric"], row.get("kind"), previous=row.get("previous"), whole=row.get("whole"))
    assert found == row["expect"], row.get("note", "")


def test_the_case_file_is_well_formed() -> None:
    rows = _rows()
    catalogue = load_indicators()
    ids = Counter(row["id"] for row in rows)
    assert [key for key, count in ids.items() if count > 1] == []
    assert [row["id"] for row in rows if set(row) - ROW_KEYS or not {"id", "group", "metric", "expect"} <= set(row)] == []
    assert [row["expect"] for row in rows if row["expect"] is not None and row["expect"] not in catalogue.indicators] == []
    assert len(rows) >= 250
    assert sum(row["expect"] is None for row in rows) >= 40  # near-misses and non-indicators
    domains = {indicator.domain for indicator in catalogue.indicators.values()}
    assert domains - {row["group"] for row in rows} == set()  # every domain has rows


def test_none_and_empty_name_nothing() -> None:
    assert indicator_of(None) is None
    assert indicator_of("") is None
    assert load_indicators().match(None) is None


# --- the shipped catalogue -------------------------------------------------------------------

def test_the_shipped_catalogue_loads() -> None:
    catalogue = load_indicators()
    assert len(catalogue.indicators) >= 170
    assert catalogue.indicators["gdp"].name == "地区生产总值"
    assert catalogue.indicators["invention_patent_grants"].parent == "patent_grants"
    assert {i.unit_family for i in catalogue.indicators.values()} <= set(UNIT_FAMILIES)
    assert load_indicators() is catalogue  # loaded once per process


def test_a_copy_loads_the_same(tmp_path: Path) -> None:
    copy = tmp_path / "indicators.toml"
    shutil.copy(PATH, copy)
    assert load_indicators_from(copy) == load_indicators()


def test_every_name_and_alias_names_its_own_entry() -> None:
    catalogue = load_indicators()
    wrong = [(written, indicator.id, catalogue.match(written))
             for indicator in catalogue.indicators.values()
             for written in (indicator.name, *indicator.aliases)
             if catalogue.match(written) != indicator.id]
    assert wrong == []
    # the lookup form is stable, so a metric written in it is found as written
    assert [key for key in catalogue.keys if catalogue.normalise(key) != key] == []


def test_scope_words_and_suffix_variants_of_the_data_file_work() -> None:
    catalogue = load_indicators()
    for prefix in catalogue.scope_prefixes:
        assert catalogue.match(prefix + "地区生产总值") == "gdp", prefix
        assert catalogue.match(prefix + "农村居民人均可支配收入") == "rural_disposable_income", prefix
    assert catalogue.match("全省全年地区生产总值") == "gdp"
    assert catalogue.match("全省全国重点实验室") == "national_key_labs"  # 全国 is part of that name
    assert catalogue.match("全省") is None
    assert ("总量", "量") in catalogue.suffix_variants
    assert catalogue.match("专利授权总量") == "patent_grants"
    assert catalogue.match("发明专利授权总量") == "invention_patent_grants"


def test_matching_is_a_lookup_not_a_scan() -> None:
    """A metric costs a bounded number of dict lookups, whatever the catalogue's size (counted,
    not timed: a timing assertion fails on a busy machine): the form as written, the lookup
    form, up to four scope-stripped forms, one per suffix variant, and the head search: one per
    ending of the lookup form and of each variant form. A scan of the ~2,200 names per metric
    would be thousands."""
    catalogue = load_indicators()
    matcher = Matcher(catalogue)

    class CountingKeys(dict[str, str]):
        lookups = 0

        def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
            CountingKeys.lookups += 1
            return super().get(key, default)

    matcher.keys = CountingKeys(catalogue.keys)
    metrics = [f"全省未知指标{n}总量" for n in range(2_000)]
    found = [matcher(metric) for metric in metrics]
    assert set(found) == {None}
    longest = max(map(len, metrics))
    bound = 2 + 4 + len(catalogue.suffix_variants) + (1 + len(catalogue.suffix_variants)) * longest
    assert CountingKeys.lookups <= bound * len(metrics)
    assert bound < len(catalogue.keys) / 10
    # an item of a list: its own lookups, then those of each beginning of the item before it
    CountingKeys.lookups = 0
    previous = "全省未知指标之一的人次"
    assert {matcher.item(metric, previous) for metric in metrics} == {None}
    item_bound = (len(previous) + 1) * (bound + len(previous))
    assert CountingKeys.lookups <= item_bound * len(metrics)
    # the figures of a list: per item its own lookup and the item lookup, the first's and the
    # last's own, then one per pair of a beginning and an ending written once (WRITTEN_ONCE), each
    # of a name no longer than the items together; not one per pair of their characters
    CountingKeys.lookups = 0
    items = ("全省未知指标甲之一的", "未知指标乙之一的人次", "未知指标丙之一的人次总量")
    assert matcher.parallel(items, 3) == (None, None, None)
    longest = len("".join(items))
    per_lookup = 2 + 4 + len(catalogue.suffix_variants) + (1 + len(catalogue.suffix_variants)) * longest
    calls = 1 + (len(items[0]) + 1) + 2 + (WRITTEN_ONCE[0] + 1) * WRITTEN_ONCE[1]
    assert CountingKeys.lookups <= len(items) * calls * per_lookup
    assert (WRITTEN_ONCE[0] + 1) * WRITTEN_ONCE[1] < len(items[0]) * len(items[-1])


def test_an_item_takes_the_scope_and_denominator_of_the_list(tmp_path: Path) -> None:
    """What an item of a list names with the item before it, from a file of a few entries: the
    longest beginning that names an entry, a denominator of ``per_words`` carried over."""
    text = ('per_words = ["每万人"]\n' + BASE.replace("\\d+\\]?'", "\\d+\\]?|(?<=每万人)口'")
            + '\n[ip.patent_grants_per_10k]\nname = "每万人口专利授权量"\nname_en = "x"\nunit_family = "ratio"\n'
            + '\n[ip.patent_applications]\nname = "专利申请量"\nname_en = "x"\nunit_family = "count"\n')
    catalogue = _load(tmp_path, text)
    item = catalogue.matcher.item
    assert catalogue.per_words == ("每万人",)
    assert catalogue.match("每万人专利授权量") == "patent_grants_per_10k"  # 每万人口 = 每万人
    assert [item("授权量", "专利申请量"), item("授权量", "每万人口专利申请量"), item("申请量", "专利申请量"),
            item("地区生产总值", "专利申请量"), item("授权量", "企业专利申请量")] == [
        "patent_grants", "patent_grants_per_10k", None, "gdp", None]


def test_a_word_for_all_the_items_is_read_from_the_file(tmp_path: Path) -> None:
    """``distributive_words``: one word standing for a list's items (一二产业 for 第一产业,
    第二产业), whether written as one word or as a list whose marks it covers; only for as many
    figures as items."""
    secondary = ('\n[national_accounts.gdp_secondary]\nname = "第二产业增加值"\nname_en = "x"\n'
                 'unit_family = "money"\n')
    catalogue = _load(tmp_path, 'distributive_words = [["一二产业", "第一产业", "第二产业"]]\n' + BASE + secondary)
    parallel = catalogue.matcher.parallel
    assert catalogue.distributive_words == (("一二产业", "第一产业", "第二产业"),)
    assert [parallel(("一二产业增加值",), 2), parallel(("一", "二产业增加值"), 2),
            parallel(("一二产业增加值",), 3)] == [("gdp_primary", "gdp_secondary"),
                                               ("gdp_primary", "gdp_secondary"), None]
    assert _load(tmp_path, BASE + secondary).matcher.parallel(("一二产业增加值",), 2) is None


# --- malformed catalogues are rejected -------------------------------------------------------

BASE = """\
scope_prefixes = ["全省"]
suffix_variants = [["总量", "量"]]
noise_pattern = '\\[\\d+\\]?'

[national_accounts.gdp]
name = "地区生产总值"
name_en = "Gross regional product"
aliases = ["GDP", "生产总值"]
unit_family = "money"

[national_accounts.gdp_primary]
name = "第一产业增加值"
name_en = "Value added of the primary industry"
unit_family = "money"
parent = "gdp"

[ip.patent_grants]
name = "专利授权量"
name_en = "Patents granted"
aliases = ["专利授权"]
unit_family = "count"
"""


def _load(tmp_path: Path, text: str) -> IndicatorCatalogue:
    path = tmp_path / "indicators.toml"
    path.write_text(text, encoding="utf-8")
    return load_indicators_from(path)


def test_the_base_of_the_bad_files_is_good(tmp_path: Path) -> None:
    catalogue = _load(tmp_path, BASE)
    assert catalogue.match("全省GDP") == "gdp"
    assert catalogue.match("专利授权总量") == "patent_grants"


@pytest.mark.parametrize(
    ("text", "error"),
    [
        (BASE + '\n[ip.gdp]\nname = "国内生产总值"\nname_en = "GDP"\nunit_family = "money"\n',
         r"\[ip\.gdp\]: the id 'gdp' is already used by \[national_accounts\.gdp\]"),
        (BASE + '\n[ip.design_grants]\nname = "外观设计专利授权量"\nname_en = "x"\nunit_family = "count"\n'
                'aliases = ["专利授权"]\n',
         r"\[ip\.design_grants\]: '专利授权' is already an alias of \[ip\.patent_grants\]"),
        (BASE + '\n[ip.design_grants]\nname = "外观设计专利授权量"\nname_en = "x"\nunit_family = "count"\n'
                'aliases = ["专利授权量"]\n',
         r"\[ip\.design_grants\]: '专利授权量' is already the name of \[ip\.patent_grants\]"),
        (BASE + '\n[ip.design_grants]\nname = "外观设计专利授权量"\nname_en = "x"\nunit_family = "count"\n'
                'aliases = ["ｇｄｐ"]\n',
         r"\[ip\.design_grants\]: 'ｇｄｐ' is already an alias of \[national_accounts\.gdp\]"),
        (BASE.replace('aliases = ["专利授权"]', 'aliases = ["专利授权", "专利授权"]'),
         r"\[ip\.patent_grants\] lists '专利授权' twice"),
        (BASE.replace('unit_family = "count"', 'unit_family = "pieces"'),
         r"\[ip\.patent_grants\]: unit_family 'pieces' is not one of money, count"),
        (BASE.replace('parent = "gdp"', 'parent = "gross_domestic_product"'),
         r"\[national_accounts\.gdp_primary\]: parent 'gross_domestic_product' is no indicator"),
        (BASE.replace('unit_family = "money"\n\n[national_accounts.gdp_primary]',
                      'unit_family = "money"\nparent = "gdp_primary"\n\n[national_accounts.gdp_primary]'),
         r"parents run in a loop"),
        (BASE.replace('name_en = "Patents granted"', 'name_en = "Patents granted"\nunits = "件"'),
         r"\[ip\.patent_grants\]: malformed entry"),
        (BASE.replace('[ip.patent_grants]', '[ip.PatentGrants]'),
         r"\[ip\.PatentGrants\]: the id 'PatentGrants' is not snake_case"),
        (BASE.replace("noise_pattern = '\\[\\d+\\]?'", "noise_pattern = '[0-9'"),
         r"noise_pattern does not compile"),
        (BASE.replace('suffix_variants = [["总量", "量"]]', 'suffix_variants = ["总量"]'),
         r"suffix_variants must be a list of \[suffix, replacement\] pairs"),
        ('strip_words = ["连续"]\n' + BASE, r"unknown setting 'strip_words'"),
        (BASE + '\n[ip.patent_grants]\nname = "专利授权数"\nname_en = "x"\nunit_family = "count"\n',
         r"Cannot declare \('ip', 'patent_grants'\) twice"),
        (BASE.replace('name = "专利授权量"', 'name = 专利授权量'), r"Invalid value"),
        ('lead_words = "共有"\n' + BASE, r"lead_words must be a list of words"),
        ('per_words = ["每千人", " "]\n' + BASE, r"per_words must be a list of words"),
        ('verbs_after_names = "跨过"\n' + BASE, r"verbs_after_names must be a list of words"),
        ('each_words = ["均", ""]\n' + BASE, r"each_words must be a list of words"),
        ('flow_verbs = "新增"\n' + BASE, r"flow_verbs must be a list of words"),
        ('distributive_words = [["城乡", "城镇"]]\n' + BASE,
         r"distributive_words must be lists of a word and the two or more items it stands for"),
        (BASE.replace('parent = "gdp"', 'parent = "gdp"\ncoverage = ["“ ”"]'),
         r"\[national_accounts\.gdp_primary\]: a coverage word is empty once normalised"),
        (BASE + '\n[national_accounts.primary_share]\nname = "第一产业增加值占地区生产总值比重"\n'
                'name_en = "x"\nunit_family = "percent"\n'
                '\n[national_accounts.primary_ratio]\nname = "第一产业增加值占GDP比例"\n'
                'name_en = "x"\nunit_family = "percent"\n',
         (r"\[national_accounts\.primary_ratio\]: '第一产业增加值占gdp比例' is a share of the same part "
          r"and whole as a name of \[national_accounts\.primary_share\]")),
        ('threshold_wholes = [["规模以上工业"]]\n' + BASE,
         r"threshold_wholes must be a list of \[whole, parent id\] pairs"),
        ('threshold_wholes = [["规模以上工业", "industry_va"]]\n' + BASE,
         r"threshold_wholes: '规模以上工业' hangs from 'industry_va', no indicator of the catalogue"),
    ],
    ids=["duplicate id", "alias claimed twice", "alias equal to another name",
         "alias claimed twice once normalised", "alias listed twice by one entry", "unknown unit family",
         "parent that does not exist", "loop of parents", "unknown field", "id not snake_case",
         "noise pattern that does not compile", "malformed suffix variants", "unknown setting",
         "table declared twice", "TOML syntax error", "lead words not a list", "empty per word",
         "verbs after names not a list", "empty each word", "flow verbs not a list",
         "distributive word for one item", "empty coverage word",
         "one share under two entries", "threshold whole without its parent",
         "threshold whole of no entry"],
)
def test_a_malformed_catalogue_is_rejected(tmp_path: Path, text: str, error: str) -> None:
    with pytest.raises(VocabularyError, match=error) as raised:
        _load(tmp_path, text)
    assert str(tmp_path / "indicators.toml") in str(raised.value)  # names the file
    assert str(raised.value).endswith("[E201]")


def test_lead_words_and_coverage_are_read_from_the_file(tmp_path: Path) -> None:
    """A name's head names its entry after lead words and the entry's own coverage words only;
    the coverage of one entry leads to no other."""
    text = ('lead_words = ["共有"]\n' + BASE).replace(
        'aliases = ["专利授权"]', 'aliases = ["专利授权"]\ncoverage = ["国内外"]')
    catalogue = _load(tmp_path, text)
    assert catalogue.lead_words == ("共有",)
    assert catalogue.indicators["patent_grants"].coverage == ("国内外",)
    assert [catalogue.match(m) for m in ("共有专利授权量", "全省共有国内外专利授权量", "国内外地区生产总值",
                                         "企业专利授权量", "共有")] == ["patent_grants", "patent_grants", None,
                                                                     None, None]
    assert _load(tmp_path, BASE).match("共有专利授权量") is None  # no lead words, no head


def test_verbs_around_a_name_are_read_from_the_file(tmp_path: Path) -> None:
    """A verb before or after a whole name leaves the figure the name's; after a verb no head
    is looked for, and a name shorter than three characters is the object's first word."""
    text = 'verbs_before_names = ["实现"]\nverbs_after_names = ["跨过"]\nlead_words = ["共有"]\n' + BASE
    catalogue = _load(tmp_path, text)
    assert catalogue.verbs_before_names == ("实现",) and catalogue.verbs_after_names == ("跨过",)
    assert [catalogue.match(m) for m in ("实现地区生产总值", "地区生产总值跨过", "实现全省GDP", "实现共有专利授权量",
                                         "跨过地区生产总值", "完成地区生产总值", "地区生产总值实现")] == [
        "gdp", "gdp", "gdp", None, None, None, None]
    assert _load(tmp_path, BASE).match("实现地区生产总值") is None  # no verbs, nothing seen through


def test_a_share_is_found_by_its_part_and_whole(tmp_path: Path) -> None:
    text = BASE + ('\n[national_accounts.primary_share]\nname = "第一产业增加值占地区生产总值比重"\n'
                   'name_en = "x"\nunit_family = "percent"\n')
    catalogue = _load(tmp_path, text)
    assert catalogue.matcher.shares == {("gdp_primary", "gdp"): "primary_share"}
    assert [catalogue.match(m) for m in ("第一产业增加值占GDP比重", "第一产业增加值占全省生产总值的比例",
                                         "第一产业增加值占比", "第一产业增加值占专利授权量比重")] == [
        "primary_share", "primary_share", None, None]


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(VocabularyError, match="cannot be read"):
        load_indicators_from(tmp_path / "absent.toml")


def test_the_shipped_file_with_a_claimed_alias_is_rejected(tmp_path: Path) -> None:
    """The validator runs on the real file too: a second entry claiming 规上工业增加值 fails."""
    text = PATH.read_text(encoding="utf-8") + (
        '\n[industry.another]\nname = "另一个工业增加值"\nname_en = "x"\nunit_family = "money"\n'
        'aliases = ["规上工业增加值"]\n')
    with pytest.raises(VocabularyError, match=r"\[industry\.another\]: '规上工业增加值' is already an alias "
                                              r"of \[industry\.industrial_va_above_scale\]"):
        _load(tmp_path, text)


@pytest.mark.parametrize("metric", ["地区生产总值", "ＧＤＰ", "GDP", "劣Ⅴ类断面比例", "PM2.5年均浓度",
                                    "生产总值[2]", "“专利授权量”", "专利 授权量", "R&D经费", "（1）税收收入"])
def test_a_metric_is_looked_up_as_written_only_when_that_is_its_lookup_form(metric: str) -> None:
    """The matcher skips the normalisation for a metric it would not change: the shortcut must
    agree with the normalisation on names with full-width letters, Roman numerals, notes,
    quotation marks, spaces and capitals."""
    import unicodedata

    matcher = load_indicators().matcher
    shortcut = (matcher.dropped.search(metric) is None and unicodedata.is_normalized("NFKC", metric)
                and metric.lower() == metric)
    assert shortcut == (lookup_form(metric, matcher.noise) == metric)

"""Rule 5: a table cell is named by its row heading and, when the row heading names no
measure of its own, by the table's measure; its column heading may make it a growth (同比增长)
or give its period (2024年).

The measure of a cell whose row names none (粮食, 衣着, 非洲, 第一产业 — the ending decides:
``cues.toml`` measure_endings) is, first found first:

1. its column heading when that names a measure (产量（吨）, 出口额（亿元）, a heading row above
   spanning the column: 按工业总产值计算(%)); a growth column (比上年增长) takes the measure of
   the nearest column left of it, a rank column (位次) that measure's rank. The name is the
   compound ``row + measure``: 粮食产量, 非洲出口额, 乡镇工业总产值比重;
2. the nearest row above in the table that names a measure (居民人均消费支出 over 食品烟酒…,
   出口额 over 其中：一般贸易), when the two rows have the same unit; the name is
   ``measure·row``: 居民人均消费支出·生活用品及服务;
3. the table's title (表1 居民消费价格), when no row of the table names a measure: also
   ``measure·row``; a title that names a class of goods before the measure (主要农产品产量)
   gives the compound with the measure's head: 粮食产量. A title that names an activity
   (…消费品零售情况, ``cues.toml`` title_activities) names its amount (…消费品零售额); words of
   scope before the class of goods (限额以上批发零售企业) keep ``measure·row``.

A row that is the measure's total (合计) is named by the column's or the title's measure alone,
never as a part of the row above it. A bare year, a unit, a growth word or a generic word
(绝对数, 金额) in a column heading names no measure. A section row (一、第一产业, with no
figures) that names no measure is the scope of the rows under it: their names open with it
(第一产业增加值); one that names a measure heads them as a measure row does.

>>> from ipextract import extract
>>> text = "表9 居民消费支出\\n指标 | 绝对值（元） | 比上年增长（%）\\n居民人均消费支出 | 34276 | 17.3\\n衣着 | 2148 | 20.6"
>>> [(r.metric, r.kind) for r in extract(text).records]
[('居民人均消费支出', 'amount'), ('居民人均消费支出', 'growth'), ('居民人均消费支出·衣着', 'amount'), ('居民人均消费支出·衣着', 'growth')]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ..blocks import Block
from ..figures import Figure
from ..layout import TABLE_TITLE
from ..models import TABLE_NAME_MARK
from ..scanning import alternation
from ..stacked import StackedCell, stacked_layout
from ..vocabulary import cue_words, load_vocabulary
from ..vocabulary.lexicon import pos_tag
from ..vocabulary.models import Kind
from .base import _QUOTES, BASE_KINDS, PERCENT_UNITS, POINT_UNITS, Draft, _strip_edges, compound_name
from .context import years_since
from .kinds import _change_cue
from .naming.lists import _PARTNER, measure_group
from .period_bounds import _words as period_words
from .scope import place_scope

_GROWTH_HEADING = regex.compile(r"增长|增速|增幅|同比|比上年|变化")
# 比1985年增长, 较2020年增长: a column of changes since a named year
_BASE_IN_HEADING = regex.compile(r"(?:比|较|与|同)((?:19|20)[0-9]{2})年")


@lru_cache(maxsize=1)
def _year_end_title() -> regex.Pattern[str]:
    """表10 年末每百户…, 2016年末每百户…: a title that names the year's end (periods.toml
    year_end), with its year or none (表10年末…: a table's number, no year), not 年末比上年…, a
    change: the cells are stocks at that point, and the words no part of their names."""
    ends = "|".join(regex.escape(end) for end in period_words().year_end)
    return regex.compile(rf"(?:(?:19|20)[0-9]{{2}}\s*)?年(?:{ends})(?!比)")


_SUB_ROW = regex.compile(r"^(?:其中\s*[：:]?|[#＃]+|[-—]+\s*|[0-9]{1,2}\s*[.．、]|[一二三四五六七八九十]{1,3}、"
                      r"|[（(][0-9一二三四五六七八九十]{1,2}[)）])")
_UNIT_NOTE = regex.compile(r"\s*[（(][^（）()]{1,8}[)）]\s*$")
_SHARE_HEADING = regex.compile(r"比重|占比|构成|所占|份额")


_YEAR_HEADING = regex.compile(r"(?:19|20)[0-9]{2}年?")

# --- the table's measure (see the module's docstring) -------------------------------------
# 三、居住[3], 合计（1）: a footnote mark is no part of a row's name
_FOOTNOTE = regex.compile(r"\s*(?:\[[0-9]{1,2}\]|[（(][0-9]{1,2}[)）]|[*＊]+)$")
# 粮 食, 产 量: a heading spread out with spaces to fill its cell
_FOOTNOTE_ENDS = ("]", ")", "）", "*", "＊")
_HAN_SPACE = regex.compile(r"(?<=\p{Han})[ \u3000](?=\p{Han})")  # (two: two cells run together)
# 1995年产量 → 产量: the year is the column's period, not its measure
_YEAR_PREFIX = regex.compile(r"^(?:19|20)[0-9]{2}\s*年(?:度|末|底)?")
_BY = regex.compile(r"^按(?P<inner>\p{Han}{2,12})计算$")  # 按工业总产值计算 → 工业总产值
_EMPTY_CELL = regex.compile(r"^[\s—–\-－…/／.·]*$")  # a cell whose figure is missing
_RANK_HEADINGS = frozenset({"位次", "名次", "排名", "排位"})
# 表3 主要农产品产量, 表1：主要产品产量及增长情况, 2019年主要工业产品产量情况: the title's marks,
# years and words of the table's kind around the measure
_TITLE_MARK = regex.compile(r"^\s*附?表\s*[0-9一二三四五六七八九十]+(?:[-—.．][0-9]+)?\s*[：:.．、]?\s*")
_TITLE_TAIL = regex.compile(r"(?:(?:及其?|和)(?:增长速度|增长|增速)|增长速度|涨跌幅度?|变化|发展)?"
                            r"(?:基本|完成)?(?:情况|对比|统计|一览表?)?$")
_TITLE_LEAD = regex.compile(r"^(?:(?:19|20)[0-9]{2}\s*年(?:度|末|底)?)?\s*(?:主要|分行业|分地区|按\p{Han}{1,8}分类?)?")
_JOINED = regex.compile(r"[和及与、]")  # 房地产开发和销售…: more than one measure in the title
# 工业产品产量, 消费品零售额: a class of goods (…品) and the measure of each; longer words before
# 品 (限额以上批发零售企业消费品) are a scope the compound would lose
_GOODS = regex.compile(r"\p{Han}{0,4}品(?P<head>\p{Han}{2,5})")
_STRUCTURE = regex.compile(r"结构|构成|比重|占比")  # a table of parts of a whole (in %)
_RATIO_ENDINGS = ("率", "比", "重", "例", "指数", "价", "价格", "构成")
# 全县500万元以上固定资产投资 over 第一产业: the document's own region says nothing of the part
_OWN_REGION = regex.compile(r"^[全本][省市州县区盟旗国](?=\w{2})")
_NO_SCOPE = regex.compile(r"^(?:按|其中)|中$")  # 按产业分, 全部工业中: no scope of the rows
_WHOLE_AREA = regex.compile(r"^[全本][省市州县区盟旗国]$")  # 全省（亿元）: a column of the whole area
# 工业总产值|经济类型结构, 项目|结构: the breakdown a table of parts is of, after its measure
_STRUCTURE_TAIL = regex.compile(r"\p{Han}{0,4}(?:结构|构成)$")
_LIST_JOINS = frozenset("、，,和及与")  # 城镇和农村, 南、北片区 (南，北片区): the other rows the title lists


@lru_cache(maxsize=1)
def _measure_endings() -> tuple[str, ...]:
    return load_vocabulary().cues.measure_endings


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    return frozenset(load_vocabulary().cues.generic_names)


@lru_cache(maxsize=1)
def _totals() -> frozenset[str]:
    return frozenset(load_vocabulary().cues.total_rows)


@lru_cache(maxsize=1)
def _title_activities() -> tuple[regex.Pattern[str], dict[str, str]]:
    """零售 → 零售额 (cues.toml title_activities), and the pattern of a title ending in one."""
    activities = load_vocabulary().cues.title_activities
    ending = "|".join(regex.escape(word) for word in sorted(activities, key=len, reverse=True))
    return regex.compile(rf"(?:{ending})$" if ending else r"(?!)"), activities


@lru_cache(maxsize=1)
def _title_threshold() -> regex.Pattern[str]:
    """2000万元以上工业, 规模以上工业企业, 限额以上: the bound of the units a table's title says
    it covers, an amount's or one of the threshold scopes (cues.list_scopes)."""
    scopes = alternation(load_vocabulary().cues.list_scopes)
    return regex.compile(rf"(?:[0-9]+(?:\.[0-9]+)?[万亿]?元及?以上|{scopes})(?:工业企业|工业|企业|单位)?")


def names_measure(label: str) -> bool:
    """A row or column heading that names a measure of its own (税收收入, 产量), not a
    breakdown (衣着, 非洲) nor a generic word (绝对数, 金额).

    >>> names_measure("税收收入"), names_measure("衣着"), names_measure("绝对数")
    (True, False, False)
    """
    return label.endswith(_measure_endings()) and label not in _generic()


def _clean_heading(text: str) -> str:
    """A column heading without its unit, spaces, year and 按…计算: 1995年产量 → 产量."""
    text = _HAN_SPACE.sub("", _UNIT_NOTE.sub("", _QUOTES.sub("", text))).strip().rstrip("：:")
    text = _YEAR_PREFIX.sub("", text).strip()
    by = _BY.fullmatch(text)
    return by.group("inner") if by else text


def _title_measure(text: str) -> tuple[str, bool] | None:
    """The measure a table's title names, or None: 表1 居民消费价格 → 居民消费价格; a title of
    several measures (…产量和牲畜发展情况) or of none (主要经济指标) names none. True with the
    measure's head when the title names a class of goods before it (表3主要农产品产量 → 产量):
    each row is one of them, and its name is the compound (小麦产量)."""
    text = _title_thing(text)
    activity, activities = _title_activities()
    if (done := activity.search(text)) is not None:  # …消费品零售 → …消费品零售额
        text = text[:done.start()] + activities[done.group()]
    if len(text) < 2 or not names_measure(text) or _JOINED.search(text):
        return None
    goods = _GOODS.fullmatch(text)
    if goods is not None and names_measure(goods.group("head")):
        return goods.group("head"), True
    return text, False


# a title of trade by partner (对主要国家、地区贸易情况, 对主要市场进出口)
_TRADE_PARTNERS = regex.compile(r"对(?:主要)?(?:国家|地区|市场|贸易伙伴)")


def _spread_index(row: list[tuple[int, int, str]], width: int, column: int) -> int | None:
    """The cell of a heading row over ``column`` of a row of ``width`` cells: the same cell,
    or the one spanning it in a row whose cells each span several columns (按总产值计算(%)
    over 1985 | 1995). A row whose first cell names a measure (资产比重 | 营业收入比重) has no
    cell over the row headings."""
    cells = len(row)
    if cells == width:
        return column
    skip = 0 if names_measure(_clean_heading(row[0][2])) else 1
    groups, columns = cells - skip, width - 1
    if groups < 1 or columns < groups or columns % groups:
        return None
    return skip + (column - 1) // (columns // groups)


@dataclass(slots=True)
class TableContext:
    """What a table tells about its cells besides their row: the title above it, its heading
    rows (the lowest last), and the nearest row above that names a measure (with its unit)."""

    title: str = ""
    headers: list[list[tuple[int, int, str]]] = field(default_factory=list)
    parent: tuple[str, str] | None = None  # measure, unit cell
    section: str = ""  # the scope a section row puts the rows under it in (一、第一产业)
    measured: bool = False  # a row above names a measure (the title is then not the measure)
    rows_seen: bool = False  # a row of figures has been read
    titled: tuple[str, bool] | None = None  # the title's measure (see _title_measure)
    threshold: str = ""  # the bound of the units the title says the table covers (规模以上工业)
    place: str | None = None  # a sub-region the title names (凯里市): its cells' scope
    _columns: dict[tuple[int, int], tuple[str | None, bool]] = field(default_factory=dict)
    _kinds: int | None = None  # how many columns name kinds (_crossed_columns)

    @classmethod
    def under(cls, block: Block | None, region_code: str | None = None,
              places: frozenset[str] = frozenset()) -> TableContext:
        """A table below ``block``: its title when the block is a table's title line, and the
        place other than the document's own region the title opens with (表1 凯里市居民消费
        价格 in a prefecture's bulletin: its cells' scope)."""
        title = block.text.strip() if block is not None and block.kind != "table_row" and (
            TABLE_TITLE.match(block.text)) else ""
        threshold = _title_threshold().search(title) if title else None
        place = place_scope(_title_thing(title), region_code, places) if title else None
        return cls(title=title, titled=_title_measure(title) if title else None,
                   threshold=threshold.group() if threshold else "", place=place)

    def scoped(self, name: str) -> str:
        """``name`` with the bound of the units the title says the table covers (表4 2000万元
        以上工业主要产品产量: 2000万元以上工业水泥产量), unless the name already has a bound."""
        if not self.threshold or not name or "以上" in name:
            return name
        scope = self.threshold
        for head in ("企业", "单位"):  # 规模以上工业企业 over 国有控股企业: 规模以上工业国有控股企业
            if scope.endswith(head) and head in name:
                scope = scope.removesuffix(head)
        return scope + name

    @property
    def header(self) -> list[tuple[int, int, str]]:
        return self.headers[-1] if self.headers else []

    def take_row(self, block: Block) -> None:
        """A row without figures: a heading row, or a section row (全部工业中：, 一、出口额)
        whose only cell is its first, under the heading rows or ending with a colon."""
        cells = _cells(block)
        first = cells[0][2] if cells else ""
        if first and not any(text for _, _, text in cells[1:]) and (
                self.rows_seen or self.headers or first.endswith(("：", ":"))):
            label = _row_label(first).rstrip("：:")
            # a section that names a measure heads the rows under it; any other ends the
            # breakdown of the measure above, and is the scope of the rows under it unless it
            # only says how they are grouped (按产业分) or that they are parts (全部工业中)
            self.parent = (label, "") if names_measure(label) else None
            self.measured = self.measured or self.parent is not None
            self.section = "" if self.parent is not None or _NO_SCOPE.search(label) else label
            return
        if self.rows_seen and all(_EMPTY_CELL.match(text) for n, (_, _, text) in enumerate(cells)
                                  if n and n != block.unit_column):
            # 铁路 | 万吨公里 | — | —: a row whose figures are missing, among the others
            if names_measure(label := _row_label(first)):
                self.parent = (label, cells[block.unit_column][2] if block.unit_column is not None
                               and block.unit_column < len(cells) else "")
            return
        if self.rows_seen:  # a heading row under rows of figures: a table of its own
            self.headers, self.parent, self.measured, self.rows_seen = [], None, False, False
            self.section = ""
            self._columns = {}
        self._kinds = None
        self.headers.append(cells)

    def column_measure(self, column: int, width: int) -> tuple[str | None, bool]:
        """The measure the headings over ``column`` name, and whether they say its cells are
        parts of a whole (构成, 比重, a title of 结构)."""
        key = (column, width)
        if key not in self._columns:
            self._columns[key] = self._find_column_measure(column, width)
        return self._columns[key]

    def _find_column_measure(self, column: int, width: int) -> tuple[str | None, bool]:
        parts = bool(_STRUCTURE.search(self.title))
        for row in reversed(self.headers):
            at = _spread_index(row, width, column)
            if at is None or (at == 0 and len(row) == width):
                continue
            text = _clean_heading(row[at][2])
            parts = parts or bool(_STRUCTURE.search(text))
            if text in _RANK_HEADINGS:  # 位次 right of 工业总产值比重: that measure's rank
                left = _left_measure(row, at)
                return (left + text if left else None), False
            if _GROWTH_HEADING.search(text):  # 比上年增长 right of 出口额: its growth
                return _left_measure(row, at), False
            if _SHARE_HEADING.search(text) and not names_measure(text):
                return _left_measure(row, at), True  # 构成（%） right of 人数: its parts' shares
            if names_measure(text) or _counts_thing(row[at][2], text):
                return text, parts
        return None, False

    def name(self, label: str, column: int, width: int, unit: str) -> tuple[str, bool]:
        """The metric of a cell of row ``label`` in ``column`` (see the module's docstring),
        and whether it is a part's share of the measure (乡镇工业 in 按工业总产值计算(%)); a
        name with a measure in it opens with the section's scope (一、第一产业 over 增加值:
        第一产业增加值)."""
        name, part = self._name(label, column, width, unit)
        if self.section and name and (name != label or names_measure(label)):
            name = compound_name(self.section, name)
        if name and name != label and _TRADE_PARTNERS.search(self.title) and label not in _totals() and (
                name.endswith(cue_words("trade_measures"))) and not name.startswith(_PARTNER):
            # 南京对主要国家、地区贸易情况 | 美国 | 出口额: the trade with the partner the row names
            # (对美国出口额), not the partner's own (as 对东盟进出口总额 in prose)
            name = _PARTNER + name
        return name, part

    def _name(self, label: str, column: int, width: int, unit: str) -> tuple[str, bool]:
        if not label or names_measure(label):
            return label, False
        measure, parts = self.column_measure(column, width)
        titled = self.titled
        if label in _totals():
            # 合计 is the whole of the column's or the title's measure, never a part of the
            # row above it; of a title of goods (主要产品产量) it names no column
            if measure is not None:
                return measure, parts
            return (titled[0] if titled is not None and not titled[1] else label), False
        if measure is not None:
            return compound_name(label, measure), parts
        if (under := self.under_parent(label, unit)) is not None:
            return under, False
        if not self.measured and self.title and (crossed := self._crossed(label, column)) is not None:
            return crossed, False
        if not self.measured and titled is not None:
            measure, compound = titled
            return (compound_name(label, measure) if compound
                    else f"{measure}{TABLE_NAME_MARK}{label}"), False
        return label, False

    def under_parent(self, label: str, unit: str) -> str | None:
        """本年到位资金·国内贷款: ``label`` as a part of the row of a measure above it, when their
        units agree (or one has none); None with no such row."""
        if self.parent is None or unit and self.parent[1] and unit != self.parent[1]:
            return None
        return f"{_OWN_REGION.sub('', self.parent[0])}{TABLE_NAME_MARK}{label}"

    def _crossed(self, label: str, column: int) -> str | None:
        """A cell of a table of parts crossed by two breakdowns (表6 各年代出厂的设备比例 over
        90年代出厂 | 80年代…, rows 进口设备…; 表5 南、北片区工业总产值经济类型结构 over
        国有 | 集体, rows 南片区…): whose columns are kinds, not measures, and whose rows the
        title names (the row's word or its ending: 设备, 部地区). Where the title names the
        columns' breakdown before the rows' (各年代出厂的), the name is the title's with the
        column for it: 90年代出厂进口设备比例. None for any other cell."""
        header = self.header
        if column >= len(header) or self._crossed_columns() < 2:
            return None
        heading = _clean_heading(header[column][2])
        if not _names_kind(heading) and heading not in _REST_KINDS:
            return None  # (其他 beside 国有, 集体…: the rest of the kinds, a kind too)
        thing = _title_thing(self.title)
        found = _found_ending(thing, label)
        if found is None:
            return None
        row_at, end = found
        size = end - row_at
        while end < len(thing) and thing[end] in _LIST_JOINS:  # 城镇和农村: past the rows listed
            end += 1 + size
        rest = thing[end:]
        structure = bool(_STRUCTURE.search(rest)) or bool(_STRUCTURE.search(self.title))
        tail = _STRUCTURE_TAIL.search(rest)
        if tail is not None:  # 居民消费支出|构成, 工业总产值|经济类型结构: the longest measure
            stops = range(tail.end() - 2, tail.start() - 1, -1)
            rest = next((rest[:stop] for stop in stops if names_measure(rest[:stop])), rest[:tail.start()])
        measure = rest if names_measure(rest) else ""
        if measure != rest or not (measure or structure):
            return None  # words after the measure that are none of it: not read
        if structure and not measure.endswith(_RATIO_ENDINGS):
            measure += "比重"  # (项目结构: the rows' shares)
        if not measure.endswith(_RATIO_ENDINGS):
            return None  # only tables of shares: a count's columns may be no parts of it
        column_at = _found_ending(thing, heading)
        if column_at is not None and column_at[1] <= row_at:
            return heading + compound_name(label, measure)  # 各年代出厂的设备比例: 90年代出厂进口设备比例
        # (a title that names only the rows, 南、北片区工业总产值经济类型结构: the row's measure,
        # then the column's kind: 南片区工业总产值比重·国有; 其他 is a kind as well, so no cell is
        # left named by its row alone)
        return f"{compound_name(label, measure)}{TABLE_NAME_MARK}{heading}"

    def _crossed_columns(self) -> int:
        """How many of the lowest heading row's cells name kinds, not measures (see _crossed)."""
        if self._kinds is None:
            self._kinds = sum(1 for _, _, cell in self.header[1:] if _names_kind(_clean_heading(cell)))
        return self._kinds


_REST_KINDS = frozenset({"其他", "其它"})  # the rest of a breakdown's kinds, a column of its own


def _names_kind(heading: str) -> bool:
    """A column heading that names a kind of the things (国有, 90年代出厂), not a measure, a
    growth, a rank, a share, a year, a unit, a total or a generic word."""
    return (len(heading) >= 2 and not names_measure(heading) and _GROWTH_HEADING.search(heading) is None
            and heading not in _RANK_HEADINGS and _SHARE_HEADING.search(heading) is None
            and _YEAR_HEADING.match(heading) is None and heading not in _generic()
            and heading not in _totals() and heading != "单位")


def _found_ending(text: str, label: str) -> tuple[int, int] | None:
    """Where ``text`` holds ``label`` or its longest ending of two characters or more (设备 of
    进口设备 in 各年代出厂的设备比例): its start and end, or None."""
    for start in range(len(label) - 1):
        at = text.find(label[start:])
        if at >= 0:
            return at, at + len(label) - start
    return None


def _counts_thing(heading: str, text: str) -> bool:
    """A column heading that names the things its cells count, with their unit (机构（个）,
    床位（万张）): a common noun, not a place or a time (城镇（元）, 本年（万元）) nor a generic
    word (数量, 合计)."""
    return (text != heading and _UNIT_NOTE.search(heading) is not None and pos_tag(text) == "n"
            and _word_of_things(text))


def _word_of_things(text: str) -> bool:
    """A word that may name things counted: two characters or more, no generic word or total
    (数量, 合计), no part of the population (城镇) and no whole area (全省)."""
    return (len(text) >= 2 and text not in _generic() and text not in _totals()
            and text not in load_vocabulary().cues.population_parts and not _WHOLE_AREA.match(text))


def _left_measure(row: list[tuple[int, int, str]], at: int) -> str | None:
    """The measure of the nearest heading left of cell ``at`` that names one."""
    for index in range(at - 1, 0, -1):
        text = _clean_heading(row[index][2])
        if text in _RANK_HEADINGS or _GROWTH_HEADING.search(text):
            continue
        if names_measure(text):  # (构成（%） names none: passed over)
            return text
    return None


# a row heading that opens with the time its figures are of: 1985年比重, 1986-1995平均每年增长,
# “七五”时期平均每年增长 (a table turned on its side: periods down, parts of a whole across)
_PERIOD_OPENERS = frozenset("12“\"一二三四五六七八九十")
_ROW_PERIOD = regex.compile(r"^(?:(?:19|20)[0-9]{2}\s*年?\s*[-—–~～至]\s*(?:19|20)[0-9]{2}\s*年?"
                            r"|(?:19|20)[0-9]{2}\s*年(?:末|底|度)?"
                            r"|[“\"]?(?:十[一二三四五六七八九]|[一二三四五六七八九十])五[”\"]?(?:时期|期间)?)")
_GROWTH_WORDS = regex.compile(r"(?:平均每年|年平均|年均|平均)?(?:增长速度|增长率|增长|增速|增幅)$")
_SHARE_WORDS = regex.compile(r"(?:所占)?(?:比重|占比|构成)$")
_TRAILING_GROWTH = regex.compile(r"(?:增长速度|增长|增速|发展速度)$")
_TITLE_JOINS = regex.compile(r"及其?|和|与")


def _period_row(label: str) -> tuple[str, str] | None:
    """A row heading that opens with a period and goes on with a measure or a word of growth
    or share: (the period, the rest). A bare year (a row of a time series) is None.

    >>> _period_row("1986-1995平均每年增长"), _period_row("2024年"), _period_row("粮食")
    (('1986-1995', '平均每年增长'), None, None)
    """
    found = _ROW_PERIOD.match(label)
    if found is None:
        return None
    rest = label[found.end():].strip().removeprefix("的")
    return (found.group().strip(), rest) if len(rest) >= 2 else None


def _by_period_row(period_row: tuple[str, str], heading: str,
                   table: TableContext) -> tuple[str, Kind | None] | None:
    """The name and kind of a cell of a row that opens with a period (``_period_row``) under
    a column heading that names a part, not a measure (东部地区, 城镇): the part and the row's
    measure (城镇人均可支配收入), or, when the row gives only a word of growth or share, the
    measure the title names after the parts (表2：东、中、西部地区工业总产值增长速度及比重… →
    东部地区工业总产值, 东部地区工业总产值比重). None when the column names a measure."""
    part = _clean_heading(heading)
    if not part or names_measure(part) or _GROWTH_HEADING.search(part) or part in _RANK_HEADINGS:
        return None
    rest = period_row[1]
    kind: Kind | None = "growth" if _GROWTH_WORDS.search(rest) else "share" if _SHARE_WORDS.search(rest) else None
    measure = _SHARE_WORDS.sub("", _GROWTH_WORDS.sub("", rest))
    if not measure:
        measure = _parts_title_measure(table)
    if not measure or (kind is None and not names_measure(measure)):
        return None
    name = compound_name(part, measure)
    if kind == "share" and not name.endswith(_RATIO_ENDINGS):
        name += "比重"
    return name, kind


def _parts_title_measure(table: TableContext) -> str:
    """The measure a table's title names after the parts its columns are (表4：东、中、西部地区
    工业总产值增长速度及比重变化情况 over 东部地区 | 中部地区 → 工业总产值), or ''."""
    parts = [_clean_heading(cell) for _, _, cell in table.header[1:] if cell.strip()]
    if not table.title or len(parts) < 2:
        return ""
    text = _TRAILING_GROWTH.sub("", _TITLE_JOINS.split(_title_thing(table.title))[0].strip())
    shared = parts[0]
    for other in parts[1:]:  # the parts' shared ending (东部地区, 中部地区 → 部地区)
        while shared and not other.endswith(shared):
            shared = shared[1:]
    at = text.rfind(shared) if len(shared) >= 2 else -1
    measure = text[at + len(shared):] if at >= 0 else ""
    return measure if names_measure(measure) else ""


def _stacked_name(place: StackedCell, heading: str, table: TableContext, width: int,
                  unit: str, counted_in: str = "") -> tuple[str, bool]:
    """The name of a value of a stack of cells read back into its row and column
    (``stacked``). A column whose heading names what the rows are kinds of (机构（个） over 养老机构,
    救助管理机构) counts the rows themselves: each is named by its row alone, and the total row
    by the title's class of them (表2 提供住宿的民政服务机构情况 → 提供住宿的民政服务机构); another
    column of things (床位（万张）) names the rows' or the total's own (养老机构床位)."""
    label = _row_label(place.label)
    if names_measure(label):
        return label, False
    if place.column is None:
        return table.name(label, 0, width, unit)
    counted = _clean_heading(heading)
    if counted and _counts_thing(heading, counted):
        labels = [_row_label(other) for other in place.labels]
        rows_class = next((_clean_heading(cell) for _, _, cell in table.header[1:]
                           if (text := _clean_heading(cell)) and any(other.endswith(text) for other in labels)), "")
        if rows_class:
            whole = label
            if label in _totals():
                title = _title_thing(table.title)
                if not title.endswith(rows_class):
                    return "", False  # the total of a class the title does not name
                whole = title
            return (whole if counted == rows_class else compound_name(whole, counted)), False
    if counted_in in cue_words("institution_units") and _names_kind(counted) and pos_tag(counted) in (
            "n", "x") and _word_of_things(counted) and not any(
            _row_label(other).endswith(counted) for other in place.labels):
        # 行业协会 | 商会 over rows 合计, 中央部门登记…, in 个: the column counts a kind of things
        # and the rows break it down (行业协会·中央部门登记); the total row is the column's whole
        return (counted if label in _totals() else f"{counted}{TABLE_NAME_MARK}{label}"), False
    return table.name(label, place.column, width, unit)


def _title_thing(title: str) -> str:
    """What a table's title names, without its mark, year, 主要 and 情况: 表2 2021年提供住宿的民政
    服务机构情况 → 提供住宿的民政服务机构."""
    text = _UNIT_NOTE.sub("", _TITLE_MARK.sub("", title)).strip()
    thing = _OWN_REGION.sub("", _TITLE_LEAD.sub("", _TITLE_TAIL.sub("", text)).strip())
    # (年末每百户…拥有量, …每百户年末…: the year's end is the cells' period, no word of their name)
    return _year_end_title().sub("", thing) if "年" in thing else thing


def _row_label(cell: str) -> str:
    """A row heading as a name: without its sub-row mark (其中：, #, 1.), quotes, unit note
    (基本每股收益（元/股）), footnote mark (居住[3]) and the spaces that spread it (粮 食)."""
    # (# 0: the spaces after a sub-row mark are no part of the name)
    label = _UNIT_NOTE.sub("", _SUB_ROW.sub("", _QUOTES.sub("", cell)).lstrip())
    # (most labels have neither: two tests instead of two scans, on every row of a yearbook)
    if label.endswith(_FOOTNOTE_ENDS):
        label = _FOOTNOTE.sub("", label)
    return _HAN_SPACE.sub("", label) if " " in label or "\u3000" in label else label


def _cells(block: Block) -> list[tuple[int, int, str]]:
    """The cells of a table row: (start, end, text) in the block's logical text."""
    cells = []
    position = 0
    for part in block.text.split("|"):
        cells.append((position, position + len(part), part.strip()))
        position += len(part) + 1
    return cells


def _table_drafts(blocks: list[Block], index: int, row_figures: list[Figure],
                  table: TableContext, year: int | None) -> list[Draft]:
    """Rule 5: a cell's metric is its row heading, with the table's measure when the row
    heading names none; its column heading may make it a growth (同比增长) or give its period
    (2024年)."""
    block = blocks[index]
    cells = _cells(block)
    header = table.header
    # 其中：第一产业, #新能源汽车, 1.食品烟酒: a sub-row's marks and numbers are not part of its name
    # 基本每股收益（元/股）: the unit the heading announces is the figures' unit, not their name
    label = _row_label(cells[0][2]) if cells else ""
    unit = cells[block.unit_column][2] if block.unit_column is not None and (
        block.unit_column < len(cells)) else ""
    period_row = _period_row(label) if label[:1] in _PERIOD_OPENERS else None
    own_measure = names_measure(label) and period_row is None
    plain = own_measure and not table.section  # (most rows of a yearbook: named as they stand)
    # 本年到位资金 | 亿元 | …, then 其中：国内贷款 | 亿元 | …: a part of the row above, though it
    # names a measure of its own, of another measure than the row's (not 住户存款余额 under
    # 各项存款余额: a part of the same measure, named whole; nor 出口 under 进出口总额, a measure
    # of that one's group)
    parent = table.under_parent(label, unit) if own_measure and table.parent is not None and cells and (
        _BREAKDOWN_MARK.match(cells[0][2])) and not any(member in table.parent[0] for member in measure_group(label)) and (
        max((e for e in _measure_endings() if label.endswith(e)), key=len) not in table.parent[0]) else None
    drafts: list[Draft] = []
    base: Draft | None = None
    columns = [next((n for n, (start, end, _) in enumerate(cells) if start <= figure.lstart < end), 0)
               for figure in row_figures]
    # (the heading row's width: the one its units announce, or, where a unit note above the
    # table gives the unit of all cells, the heading row's own: 指标 | 行业协会 | 商会)
    stacked = (stacked_layout(block.text, len(block.column_units) or len(header), block.unit_column)
               if len(row_figures) > len(set(columns)) else {})
    for figure, column in zip(row_figures, columns, strict=True):
        place = stacked.get(figure.lstart)
        if place is not None and place.column is not None:
            column = place.column  # a value of a stack of cells, read back into its column
        heading = header[column][2] if column < len(header) else ""
        kind: Kind = figure.kind or "count"
        value = figure.value
        of = None
        cue = _change_cue(block.text[cells[column][0]:figure.lstart]) if column < len(cells) else None
        # Several numbers in one cell are merged cells of a PDF copy (34  4  23 5): unless the
        # stack is read back into its rows (``stacked``), which row each belongs to is lost, so
        # none is named after the row heading.
        by_period = _by_period_row(period_row, heading, table) if period_row is not None and column else None
        if by_period is not None:
            metric, part = by_period[0], False
        elif place is not None:
            metric, part = _stacked_name(place, heading, table, len(header) or len(cells), unit,
                                         figure.unit)
        elif figure.lstart in stacked or columns.count(column) > 1:
            metric, part = "", False
        elif parent is not None and column:
            metric, part = parent, False
        else:
            metric, part = (
                (label, False) if plain else table.name(label, column, len(cells), unit)
            ) if column else (_strip_edges(heading), False)
        if cue is not None and figure.unit in POINT_UNITS:
            # 减少0.68个百分点 in a cell: the verb in the cell gives the sign
            kind, value = "change_pp", value * cue[0]
        elif figure.unit in PERCENT_UNITS or _GROWTH_HEADING.search(heading):
            # 比重（%）, 构成（%）: the part's share of the whole, not a rate of its own
            kind = ("growth" if _GROWTH_HEADING.search(heading)
                    else "share" if _SHARE_HEADING.search(heading) or part else "rate")
            of = base.figure if base is not None and kind == "growth" else None
            if part and kind == "share" and not metric.endswith(_RATIO_ENDINGS):
                metric += "比重"  # 乡镇工业 in 按工业总产值计算(%): its share of 工业总产值
        period = heading if _YEAR_HEADING.fullmatch(heading) else (str(year) if year else None)
        if by_period is not None and period_row is not None:
            # 1986-1995平均每年增长(%) over 东部地区: the row's period, and its word of growth or share
            period, kind = period_row[0], by_period[1] or kind
        elif kind == "growth" and period and (since := _BASE_IN_HEADING.search(heading)):
            # 比1985年增长 over a column: the years since that base, as in prose (1986—1995年)
            period = years_since(int(since.group(1)), period)
        elif period == str(year) and table.title and (end := _year_end_title().search(table.title)):
            # 表10 年末每百户…拥有量: stocks the title holds at the year's end, of its own year
            # where it writes one (2023年末每百户…)
            period = f"{end.group()[:4] if end.group()[:1].isdigit() else year}年末"
        draft = Draft(figure=figure, kind=kind, value=value, value_min=figure.value_min,
                      value_max=figure.value_max, qualifier=figure.qualifier,
                      metric=table.scoped(metric), metric_from="table",
                      period=period, period_from="text" if period else None, of=of,
                      section="table", context=block.text.strip(),
                      scope=_column_population(heading) or table.place)
        if kind in BASE_KINDS and base is None:
            base = draft
        drafts.append(draft)
    if own_measure and parent is None:
        table.parent, table.measured = (label, unit), True
    table.rows_seen = True
    return drafts


_BREAKDOWN_MARK = regex.compile(r"\s*(?:其中|内中)")  # a row of a part of the row above


def _column_population(heading: str) -> str | None:
    """城镇 of a column headed 城 镇 (cues.population_parts but the whole): the part of the
    population the column's cells are of, their record's scope (two cells of a row, one
    measure, two parts); None for any other heading."""
    words = _clean_heading(heading)
    return words if words in _population_columns() else None


@lru_cache(maxsize=1)
def _population_columns() -> frozenset[str]:
    return frozenset(load_vocabulary().cues.population_parts) - _WHOLE_POPULATIONS


_WHOLE_POPULATIONS = frozenset({"全体", "城乡"})  # the whole, no part of it

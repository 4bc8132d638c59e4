"""Stage 4: figures → records: kind and sign from the cue words, the metric name, the period,
and the ``of`` link from a growth, share or multiple to the figure it describes.

The modules of this package, one per concern: ``kinds`` (kind, sign, qualifier), ``naming``
(a package: the analysis of the words around a figure, then metric and ``of`` by the rules of
``corpora/ANNOTATION.md``), ``scope`` (scope, subject), ``status`` (status, basis), ``context``
(period, context), ``tables`` (table cells); ``base`` holds what they share.

Every figure of a block is analysed once (``naming.analyse`` → ``PhraseAnalysis``): its kind,
name, scope, subject, status and basis are read off that value, its period off its block.
"""

from __future__ import annotations

from dataclasses import replace

from ..blocks import Block
from ..figures import Figure
from ..layout import TABLE_TITLE, is_page_number
from ..models import MetricFrom, PeriodFrom
from ..vocabulary import cue_set, cue_words
from ..vocabulary.lexicon import pos_tag
from ..vocabulary.models import DocType
from .base import BASE_KINDS, Draft
from .context import (
    NO_PERIOD,
    STREAK_REACH,
    _block_period,
    _context,
    _group_texts,
    _period,
    annex_title_period,
    averaged_span,
    averages_years,
    balance_at_year_end,
    continues_sentence,
    draft_plan_period,
    drafted_plan,
    ends_a_change,
    ends_carried_period,
    forget_headings,
    heading_period,
    is_footnote,
    is_point,
    level_at_point,
    level_at_run_end,
    month_opening,
    names_a_draft,
    opening_periods,
    opening_year,
    opens_glossary,
    part_period,
    running_total_at_year_end,
    settle_period,
    since_base_year,
    start_of_change,
    stock_at_point_before_table,
    streak_period,
    titled_part_period,
    years_of_change,
)
from .measures import _parallel_measures
from .naming import (
    MAX_CHAIN,
    _attributes_of_institutions,
    _fill_shared_nouns,
    _name,
    _respective,
    _scope_of_opening_whole,
    _scope_of_total_parts,
    _states_of_a_panel,
    _totals_of_things_counted,
    analyse,
    casualties_of_events,
    clean_metric,
    named_in_a_panel,
    owner_carried,
    reach_of_each,
    reach_openers,
    reach_owner,
    topic_carried,
)
from .naming.areas import areas_of_bare_names, measures_of_listed_places, shares_of_listed_places
from .naming.glossary import term_of_glossary_entries
from .naming.implied import (
    OUTPUT,
    frame_of_one_word_items,
    growth_named_after,
    industry_growth_named,
    length_named,
    level_words_off,
    product_growth_named,
    rate_of_examples,
    relative_owner,
    vehicles_named,
)
from .naming.metric import without_cause
from .naming.pairs import name_paired_counts
from .naming.phrase import without_counts_inside
from .naming.predicates import predicate_over_counted_items
from .naming.programmes import programme_of_generic_items, programme_of_streamlining_measures
from .naming.ranks import gap_to_whole, growth_nouns, rank_in_area, rank_of_growth, ranks_of_a_list
from .naming.shares import (
    SHARE_NOUN,
    allocated_share,
    bracketed_share,
    completion_named,
    contributed_share,
    counts_of_counted_wholes,
    done_rate_named,
    parts_of_opening_wholes,
    predicate_share,
    share_named,
    share_of_described_things,
    share_of_total,
    shares_of_whole_doing,
    state_share,
    total_before_parts,
    total_of_part,
    whole_of_sentence,
)
from .naming.started import owner_of_started_works
from .scope import scope, scope_of_surveys, subject
from .status import (
    YEAR_DOCUMENTS,
    block_cues,
    figure_status,
    is_target_heading,
    period_status,
    reporting_year,
)
from .tables import TableContext, _table_drafts


def draft_records(blocks: list[Block], figures: list[list[Figure]],
                  year: int | None = None, places: frozenset[str] = frozenset(),
                  doc_type: DocType = "other", region_code: str | None = None) -> list[Draft]:
    """Records for every figure of every block, in order of position."""
    result_year = reporting_year(year, doc_type)
    # a bulletin or a white paper reports one year: a figure with no time of its own is for it
    document_period = f"{result_year}年" if (
        result_year is not None and doc_type in YEAR_DOCUMENTS) else None
    # the last year the document reports, in the documents that review one
    reviewed = result_year if doc_type in (
        "work_report", "statistical_bulletin", "monthly_release", "white_paper") else None
    # the five-year plan a work report of its first year presents as a draft (“十五五” in 2026)
    plan_drafted = drafted_plan(year) if doc_type == "work_report" else None
    part_targets = heading_targets = False  # under 九、主要预期目标, or a heading like it
    drafts: list[Draft] = []
    group_drafts: dict[int, list[Draft]] = {}
    group_period: dict[int, str | None] = {}
    table: TableContext | None = None  # the table being read: its title, heading rows…
    before_table: Block | None = None  # the last block that is no table row (a table's title)
    point_of_section: str | None = None  # the last point that opened a sentence of the section
    group_texts = _group_texts(blocks)
    period_of_part: str | None = None  # the year in the heading of the numbered part we are in
    year_opens_part = False  # a part opened without a year: its first paragraph's may be it
    carried: str | None = None  # the period that opened the last sentence to open with one
    titled_part: str | None = None  # the period of a part titled without a number (see below)
    glossary = False  # in the glossary a report ends with (名词解释): no year but its notes'
    outer_period, outer_reviewed = document_period, reviewed  # (restored by an annex after it)
    year_read = year  # the year a figure that names none is read in (none in the glossary)
    restored: tuple[int | None, str | None, str | None, int | None, str | None] | None = None
    for index, block in enumerate(blocks):
        if restored is not None:  # (the paragraph after a footnote reads the document's times again)
            year_read, period_of_part, document_period, reviewed, carried = restored
            restored = None
        if not glossary and is_footnote(block):
            # ([63]脱贫县包括…7个市县: a bulletin's footnote defines its terms, of no year but
            # one it names, as a glossary's note is)
            restored = (year_read, period_of_part, document_period, reviewed, carried)
            year_read = period_of_part = document_period = carried = None
            reviewed = None
        opens_part, period = part_period(block)
        opens_titled, titled = titled_part_period(block)
        if not glossary and opens_glossary(block):
            # (the notes after 名词解释 explain programmes: no year but one they name, none of
            # the report's, a part's, the bulletin's or a review's)
            glossary, year_read, period_of_part, document_period, reviewed = True, None, None, None, None
        elif glossary and (annex := annex_title_period(block)) is not None:
            # (2025年10件惠民实事 after the glossary: an annex of the year's works, whose
            # numbered sections naming no time take its year)
            glossary, year_read, document_period, reviewed = False, year, outer_period, outer_reviewed
            opens_titled, titled = True, annex
        if opens_titled:  # 2025年工作安排 on a line of its own: a part, whose 一、二、 are sections
            opens_part, period = True, titled
            titled_part = titled
        elif opens_part and period is None:
            period = titled_part
        if opens_part:
            period_of_part = period
            part_targets = is_target_heading(block.text)
            year_opens_part = period is None  # 一、牢记嘱托…: its first paragraph may say the year
        elif year_opens_part and block.kind != "heading":
            year_opens_part = False
            period_of_part = opening_year(block) or period_of_part  # 2024年是…一年。: the part's
        if block.kind == "heading":
            heading_targets = is_target_heading(block.text)
        if block.group not in group_period:
            group_period[block.group] = _block_period(block)
        if ends_carried_period(block):
            carried = None
        openings = opening_periods(block, year) if block.kind not in ("table_row", "heading") else []
        # months opening a sentence (12月份，…), each with that sentence's start, and the
        # period its figures read (上半年 under 2024年: 2024年上半年)
        months_open = {at: block.sentence_start(at) for at, opened in openings if month_opening(opened)}
        months_read: dict[int, str] = {}
        if block.kind == "table_row":
            if table is None:
                table = TableContext.under(before_table, region_code, places)
            if not figures[index]:
                table.take_row(block)  # a row without figures heads the columns below it
            else:
                # (牛|年末存栏: a cell of a measure held at a point is of the year's end)
                balances = _of_balances(table)
                drafts.extend(replace(d, period=(held := balance_at_year_end(stock_at_point_before_table(
                    d.period, point_of_section, d.kind, d.figure.unit, d.metric), d.metric, balances)),
                                      status=period_status(held, result_year, doc_type))
                              for d in _table_drafts(blocks, index, figures[index], table, year))
            continue
        if block.kind != "unit_note" and not is_page_number(block.text):
            table, before_table = None, block
            if block.kind == "heading" and not TABLE_TITLE.match(block.text):
                point_of_section = None  # (a section of its own: no point has opened it yet)
            elif (opened := next((p for _, p in reversed(openings) if is_point(p)), None)) is not None:
                # (截至2021年底，全国共有…。 then 表1 2021年…情况: a table of the section lists
                # its stocks; however its paragraphs are broken, the point holds until the next)
                point_of_section = opened
        block_drafts: list[Draft] = []
        # a block that may name a draft plan (《纲要（草案）》): one substring test per block
        drafts_named = plan_drafted is not None and "纲要" in block.text
        respective: list[tuple[str, Figure | None]] = []
        chain_position = 0
        block_figures = figures[index]
        # (the block's cue words: each sentence scanned when its first figure is analysed)
        cues = block_cues(block) if block_figures else None
        for position, figure in enumerate(block_figures):
            assert cues is not None
            # the one analysis of the words around the figure: kind, name, scope, subject,
            # status and basis are read off it
            analysis = analyse(block, block_figures, position, cues,
                            block_drafts[-1] if block_drafts else None)
            kind, sign = analysis.kind, analysis.sign
            if not analysis.enumerated:
                respective = _respective(block, block_figures, position, analysis, block_drafts,
                                         places)
                chain_position = 0
            listed = respective[chain_position] if chain_position < len(respective) else None
            chain_position += 1
            if listed is not None and listed[0]:
                metric, of = listed
                metric = without_cause(metric, kind)  # (带动|家电、汽车消费|分别增长…)
                metric = reach_of_each(metric, kind, block.text, analysis.sentence_start, figure)
                how: MetricFrom = "list"
            else:
                metric, of, how = _name(blocks, index, block_figures, position, analysis, block_drafts,
                                        group_drafts.get(block.group, []), places)
            # 全年 in a part headed 2025年 is 2025, not the title's year
            period_here = group_period[block.group]
            from_before = not period_here  # carried from a paragraph before
            period_here = period_here or carried
            sentence_start = analysis.sentence_start
            # (12月份，…。…: the sentences after the one the months open are of those months, as
            # that sentence's figures read them; in their own sentence the nearest time decides)
            month_sentence = next((at for at, opens in months_open.items() if opens == sentence_start), None)
            if openings:
                opening = next(((at, p) for at, p in reversed(openings) if at <= sentence_start
                                and months_open.get(at) != sentence_start), None)
                if opening is not None:
                    period_here, from_before = months_read.get(opening[0], opening[1]), False
            continues = continues_sentence(block, sentence_start)
            if is_point(period_here) and continues and (
                    broken := _total_broken_down(block_drafts, sentence_start, drafts, blocks, index)) and (
                    broken.period and not is_point(broken.period)):
                # 全年筹集…基金31.45亿元。其中，中央财政…: a breakdown is of its total's time
                period_here = None
            if is_point(period_here) and (not continues or (from_before and sentence_start > 0)) and (
                    not level_at_point(kind, figure.unit, metric, analysis.clause, analysis.right)) and (
                    not _part_of_held_total(block, figure, sentence_start, block_drafts, period_here)):
                # 截至2024年底，…。全年…: a point in time is the time of its own sentence and
                # of a breakdown after it, not of the paragraph's flows (its levels are of it:
                # …。未成年人救助保护机构276个); nor of a breakdown of another sentence, after a
                # point carried from a paragraph before
                period_here = None
            period = _period(block, figure, period_here, None if period_of_part else year_read,
                             period_of_part, reviewed=reviewed)
            if month_sentence is not None and period:
                months_read.setdefault(month_sentence, period)
            period_from: PeriodFrom | None = "text" if period else None
            if period is None and continues:
                # 其中，城镇人口…: the time of the sentence it breaks down, which a layout may
                # have put at the end of the paragraph before (a paragraph opened at 其中)
                carried_on = _total_broken_down(block_drafts, sentence_start, drafts, blocks, index)
                if carried_on is not None and carried_on.period_from == "text":
                    period, period_from = carried_on.period, "text"
            described: Draft | None = None  # the draft of the figure ``of`` names, once found
            if period is None and of is not None:
                described = _described(block_drafts, of)
                if described is not None:
                    period, period_from = described.period, described.period_from
            if period is None:  # （三）2025年1—11月主要指标, then its items
                # (一、2024年工作回顾 … 由18小时缩短到5小时: the start of a change, the year before)
                period = start_of_change(block, figure, heading_period(blocks, index, year_read))
                period_from = "part" if period else None
            if period is None and period_of_part:
                period, period_from = start_of_change(block, figure, period_of_part), "part"
            if period and averages_years(analysis.left, analysis.clause, period):
                # 年均增长6.3% under 2025年: an average over years not given, unless the change
                # since a base year right before it gives them (比2020年增长30%，年均增长5.4%)
                period = averaged_span(block, figure, block_drafts[-1] if block_drafts else None) or NO_PERIOD
            # (NO_PERIOD: the text says there is none; but in a bulletin the end of a from-to
            # whose start names its year, 由1985年36.0%下降到24.0%, is of the bulletin's)
            unsaid = period is None or (period == NO_PERIOD and document_period is not None and (
                ends_a_change(block, figure)))
            period, period_from = settle_period(block, figure, period, period_from)
            # 比1985年增长2.4倍 under 1995年: the years since the base (1986—1995年)
            period = since_base_year(block, figure, period, kind)
            if unsaid and document_period is not None:
                period, period_from = document_period, "document"  # a bulletin's own year
            # (存款余额增长6.9%, 绿色贷款增长32%: a point, 2025年末)
            period = balance_at_year_end(period, metric, growth=kind == "growth")
            # 累计建成…150个 under 2025年: what there is at 2025年末
            period = running_total_at_year_end(period, kind, block, figure, analysis.compared,
                                               block_drafts)
            if period_from in ("text", "part") and reviewed is not None:
                # 过去五年…城镇化率达到67.4%: the level at the run's end is of its last year
                # (not the rank of a growth or a change over the run: 提升幅度…居全国第1)
                ranked = rank_of_growth(metric, block.text, figure.lstart, block_drafts) if (
                    kind == "rank") else ""
                if not ranked.endswith(growth_nouns()):
                    period = level_at_run_end(period, kind, block, figure, reviewed)
            if doc_type == "work_report" and "连续" in block.text[
                    max(0, figure.lstart - STREAK_REACH):figure.lstart]:
                # 连续6年 in a review of 2025: 2020—2025年 (a slice and a substring test for
                # every figure; a yearly document's streak is its year: corpora/gold/periods,
                # 连续7年 in wuhan-ip-2024 is 2024)
                period = streak_period(block, figure, period, reviewed)
            if doc_type == "work_report":
                period = years_of_change(period, kind, block, figure, reviewed)  # 3年增长…: 2023—2025年
            if drafts_named and year is not None and plan_drafted is not None and names_a_draft(
                    block.text, sentence_start, figure.lstart):
                # 《纲要（草案）》明确了主要指标：一是…提出6项指标: the plan's years (in the
                # sentence only: the sentences after it may be a paragraph of their own)
                period, period_from = draft_plan_period(block, sentence_start, figure, period,
                                                        period_from, plan_drafted, year)
            low, high, value = figure.value_min, figure.value_max, figure.value
            if sign < 0:  # (most figures keep their sign: no new Decimal for them)
                # (copy_negate: ``* -1`` as it was, −0 for 0 included, where unary minus gives 0)
                low = low.copy_negate() if low is not None else None
                high = high.copy_negate() if high is not None else None
                value = value.copy_negate()
            if sign < 0 and low is not None and high is not None:
                low, high = high, low
                value = low  # a range's value is its lower bound: 下降1至2个百分点 is −2…−1
            # a 分别 list's item names its own scope (城镇、农村居民收入分别增长5%、6.5%)
            own_scope = scope(metric if how == "list" else analysis.clause, region_code, places)
            # (and its subject: the clause before a 分别 list's first figure holds every item)
            own_subject = subject(metric) if how == "list" and metric else analysis.subject
            if (own_scope is None or own_subject is None) and of is not None:
                # 武汉市专利授权量8.6万件，增长12%: the growth is Wuhan's too
                described = described or _described(block_drafts, of)
                if described is not None:
                    own_scope = own_scope or described.scope
                    own_subject = own_subject or described.subject
            if how == "before" and own_subject is None and own_scope is None and metric and (
                    chained := topic_carried(metric, analysis, block.text, block_drafts)):
                # 国有企业实现营业收入…，上缴税费…: the clause goes on about its sentence's body
                topic, by = chained
                metric, own_subject, own_scope = topic + metric, by.subject, by.scope
            elif how in ("before", "after") and (reached := _without_direct(metric)).startswith(reach_openers()) and (
                    owner := reach_owner(reached, kind, figure.unit, block.text, figure.lstart,
                                         block_drafts, region_code, places)):
                # 改造老旧小区640个、惠及居民…: the residents the renovation reached (直接|拉动…:
                # how directly, no word of the name)
                metric = owner + reached
            elif how == "before" and (works := owner_of_started_works(metric, block, analysis.clause_start)):
                metric = works + metric  # 江北石化乙烯项目投产，总产能达…: the works' total
            elif how == "before" and own_subject is None and own_scope is None and metric and (
                    owned := owner_carried(metric, analysis, block.text, block_drafts)):
                # 沿江高铁发送旅客…、运输货物…: a bare measure of the owner the item before names
                owner, by = owned
                metric, own_subject, own_scope = owner + metric, by.subject, by.scope
            if kind == "change_pp":
                # 增长3.6%，快于全国7.1个百分点: the gap of the growth rate to the country's
                metric = gap_to_whole(metric, block.text, figure.lstart, block_drafts)
            if kind == "rank":
                # 增长9.6%、居全国第三: the growth's rank; 居中部第1位: the area's
                metric = rank_in_area(rank_of_growth(metric, block.text, figure.lstart, block_drafts),
                                      block.text, figure.lstart)
            if kind == "count" and block_drafts and block_drafts[-1].kind == kind and (
                    how == "previous" and block_drafts[-1].figure.unit != figure.unit and (
                        block.text[block_drafts[-1].figure.lend:figure.lstart] in _RESTATING_GAPS)
                    or how in ("before", "previous") and _done_to_some(metric, block_drafts[-1], figure)):
                # (…低保对象30.2万户、52.7万人: the same things counted in a second unit; …病区县数
                # 1030个，控制|937个, 已消除|…个: some of the things the count before counts, a state:
                # both at that count's time)
                period, period_from = block_drafts[-1].period, block_drafts[-1].period_from
            # (by position, in the order of Draft's fields: keywords cost three times as
            # much, once per figure)
            block_drafts.append(Draft(
                figure, kind, value, low, high, analysis.qualifier,
                metric, how,  # metric, metric_from
                period, of, block.section,
                _context(block, figure, group_texts),
                (),  # notes
                period_from,
                # (a glossary's note of no year is of the plan the report presents: its status
                # is read as the report year's, as before the note lost that year)
                figure_status(analysis, period if period or not glossary or year is None else f"{year}年",
                              cues, result_year=result_year,  # status
                              doc_type=doc_type,
                              under_target_heading=part_targets or heading_targets),
                analysis.basis, own_scope, own_subject,
            ))
        if openings:
            # (months opening a sentence, 12月份，…, hold in their paragraph only)
            carried = next((period for at, period in reversed(openings) if at not in months_open), carried)
        group_drafts.setdefault(block.group, []).extend(block_drafts)
        drafts.extend(block_drafts)
    _fill_shared_nouns(drafts, blocks)
    _states_of_a_panel(drafts, blocks)  # …上涨的城市个数为31个，持平的为6个: 持平的城市个数
    _attributes_of_institutions(drafts, blocks)
    _totals_of_things_counted(drafts, blocks)
    _scope_of_opening_whole(drafts, blocks, _parallel_measures(drafts, blocks))
    _name_implied_measures(drafts, blocks)  # (before the parts of a total take its scope)
    _scope_of_total_parts(drafts, blocks)
    casualties_of_events(drafts, blocks)  # 发生火灾1200起，死亡12人: the fire's dead
    programme_of_generic_items(drafts, blocks)  # …补短板工程，实施项目1486个: the programme's
    programme_of_streamlining_measures(drafts, blocks)  # “一网通办”…，办理时限压缩55%: its 办理时限
    term_of_glossary_entries(drafts, blocks)  # 4.“某某工程”：…实施100个项目: the term's
    areas_of_bare_names(drafts, blocks)  # 公路方面，新开工项目12个: 新开工公路项目
    measures_of_listed_places(drafts, blocks)  # …的比重，东部地区为55.2%: 东部地区…的比重
    shares_of_listed_places(drafts, blocks)  # …占全省工业比重…的城市…，即：长沙市15.2%: its share
    predicate_over_counted_items(drafts, blocks)  # 16个街区、…90条城市画廊|实现绿化彩化: each's
    counts_of_counted_wholes(drafts, blocks)  # 在监测的120个…城市中: the count of the whole's things
    parts_of_opening_wholes(drafts, blocks)  # 总诊疗量中，三级医院…: 三级医院诊疗量
    shares_of_whole_doing(drafts, blocks)  # …医院中，72.4%开展日间手术: …医院开展日间手术占比
    _name_bare_shares(drafts, blocks)
    name_paired_counts(drafts, blocks)  # 3批18项…案例: the first counts the batches
    ranks_of_a_list(drafts, blocks)  # …分别增长7%、4.8%，分别居全国第三、第六: item by item
    scope_of_surveys(drafts, blocks, region_code, places)  # 据江宁区…抽样调查，…: 江宁区's prices
    growth_named_after(drafts, blocks)  # 确定4.5%左右的增长目标: 增长目标
    rate_of_examples(drafts, blocks)  # …利用率在60%以下。如照像胶卷仅13.3%: 照像胶卷…利用率
    frame_of_one_word_items(drafts, blocks)  # …日均担负诊疗7.4人次、住院2.6床日: …日均担负住院
    for index, draft in enumerate(drafts):
        # (2800个省控地表水断面中，…断面比例为…: a count the words of a share's whole brought
        # in, the whole's own figure, is no word of the name, as none is when the name is first
        # read; not the panel a count of cities is of, 70个大中城市…城市个数, a name of its own)
        if draft.kind in _SHARE_KINDS and draft.metric and (
                counted := without_counts_inside(draft.metric)) != draft.metric:
            drafts[index] = replace(draft, metric=counted)
    forget_headings()
    return drafts


_SHARE_KINDS = frozenset({"share", "rate"})


def _of_balances(table: TableContext) -> bool:
    """Whether a table's title or headings say its figures are balances (余额, 比年初增长, 比上年
    末增长): its loans and deposits are then held at the year's end; not a table of funds the
    year brought (本年到位资金 | …其中：国内贷款)."""
    words = table.title + "".join(text for row in table.headers for _, _, text in row)
    return any(word in words for word in cue_words("balance_table_words"))


def _name_bare_shares(drafts: list[Draft], blocks: list[Block]) -> None:
    """民营企业占45%: a share still named by its part alone once every other rule has named it
    (a parallel share's whole, a survey's things) takes the share's noun (naming/shares.py);
    so does a share named after the figure it describes (…8307亿元，占34.1% → …占比), and the
    figures that describe the share in turn (its change in points). A share in a bracket after
    a part of a total listed after 其中 (…入院人次31192.0万。其中医院25462.0万人次（占81.6%）)
    is of that total: …占…的比重, and so is a part written as a 的-phrase right after a count
    (执业医师2.3万人，具有硕士及以上学历的占21.4%). A part named by a state alone (上升的占) is
    the share of the things in that state (naming/shares.state_share)."""
    renamed: dict[int, tuple[str, str]] = {}  # id of a share's figure → (old name, new name)
    at_figure: dict[int, int] = {}  # id of a figure → the index of its draft
    for index, draft in enumerate(drafts):
        at_figure[id(draft.figure)] = index
        if draft.kind == "share" and not named_in_a_panel(draft.metric) and (
                stated := state_share(blocks[draft.figure.block], draft.figure.lstart)):
            # (…中，上升的占38.5%，下降及持平的占…: the share of the things in a state)
            renamed[id(draft.figure)] = (draft.metric, stated)
            drafts[index] = replace(draft, metric=stated)
        elif draft.kind == "share":
            whole = total_of_part(drafts, blocks, at_figure.get(id(draft.of))) if (
                draft.of is not None and bracketed_share(blocks[draft.figure.block].text,
                                                         draft.figure.lstart)) else None
            metric = share_of_total(draft.metric, whole.metric) if whole is not None else (
                allocated_share(draft.metric, blocks[draft.figure.block].text, draft.figure.lend)
                or contributed_share(draft.metric, blocks[draft.figure.block].text, draft.figure.lstart,
                                     draft.figure.lend)
                or share_named(draft.metric))
            if whole is None and metric != draft.metric and (
                    opening := whole_of_sentence(blocks[draft.figure.block], draft.figure.lstart)):
                metric = share_of_total(draft.metric, opening)  # (在实收资本中，…占22.5%)
            elif whole is None and (part_at := at_figure.get(id(draft.of))) is not None and (
                    metric == share_named(part_name := drafts[part_at].metric) != part_name) and (
                    listed_under := total_of_part(drafts, blocks, part_at, same_unit=True)) is not None:
                # (卫生总费用…亿元，其中：政府卫生支出…亿元，占24.9%: the part's share of the
                # total it is listed under, as where the share is in brackets)
                metric = share_of_total(part_name, listed_under.metric)
            elif whole is None and metric.endswith(SHARE_NOUN) and "占" not in metric[:-len(SHARE_NOUN)] and (
                    total := total_before_parts(drafts, blocks, index)):
                # (…项目793个，其中…项目占比达84.4%: the part's share of the total)
                metric = share_of_total(metric.removesuffix(SHARE_NOUN), total)
            if metric != draft.metric:
                renamed[id(draft.figure)] = (draft.metric, metric)
                drafts[index] = replace(draft, metric=metric)
        elif draft.kind == "rate" and (allocated := allocated_share(
                draft.metric, blocks[draft.figure.block].text, draft.figure.lend,
                _amount_before(drafts, index)) or completion_named(
                draft.metric, (block := blocks[draft.figure.block]).text,
                (sentence_at := block.sentence_start(draft.figure.lstart)), draft.figure.lstart) or done_rate_named(
                draft.metric, block.text, sentence_at, draft.figure.lstart) or (
                draft.metric_from == "before" and predicate_share(
                    draft.metric, block.text, draft.figure.lend))):
            # (财政支出八成以上|投向民生领域: a rate of a sum that a verb gives to an end is the
            # part spent on it, named as a share is)
            renamed[id(draft.figure)] = (draft.metric, allocated)
            drafts[index] = replace(draft, metric=allocated)
        elif draft.kind == "rate" and (described := share_of_described_things(draft.metric)):
            # (实行…管理的农贸市场|超过50%: a share of the things so described)
            renamed[id(draft.figure)] = (draft.metric, described)
            drafts[index] = replace(draft, metric=described, kind="share")
        elif draft.of is not None and (names := renamed.get(id(draft.of))) and draft.metric == names[0]:
            drafts[index] = replace(draft, metric=names[1])  # (占比提高2个百分点: the share's)


def _at_year_end(block: Block, figure: Figure) -> bool:
    """Whether the sentence of ``figure`` counts at a year's end (年末…, …，比上年末…): a count
    of things there are, not of things made or sold in the year (新能源汽车超过110万辆)."""
    start = block.sentence_start(figure.lstart)
    return _YEAR_END in block.text[start:figure.lend + _YEAR_END_AFTER]


_YEAR_END = "年末"
_YEAR_END_AFTER = 6  # characters after a count read for its 比上年末


def _amount_before(drafts: list[Draft], index: int) -> str:
    """The name of the amount right before the draft at ``index`` in its block, ``""`` for none."""
    before = drafts[index - 1] if index else None
    return before.metric if before is not None and before.kind == "amount" and (
        before.figure.block == drafts[index].figure.block) else ""


def _without_direct(metric: str) -> str:
    """拉动消费 of 直接拉动消费: a reach's name without an adverb before its verb (cues.reach_adverbs:
    直接, 累计…; not 直接投资, a name of its own, no reach)."""
    adverb = next((a for a in cue_words("reach_adverbs") if metric.startswith(a)), "")
    return metric[len(adverb):] if adverb and metric.startswith(reach_openers(), len(adverb)) else metric


_OUTPUT_KINDS = frozenset({"count", "quantity"})


def _sentence_before(blocks: list[Block], draft: Draft) -> str:
    """The words of ``draft``'s sentence before its figure."""
    block = blocks[draft.figure.block]
    return block.text[block.sentence_start(draft.figure.lstart):draft.figure.lstart]


def _after_product_output(before: Draft, draft: Draft, blocks: list[Block]) -> bool:
    """Whether ``draft``, a level named by its own words, follows in its sentence a product's
    growth named with the output the sentence opens with (锂电池增长…，新能源汽车超过110万辆: the
    items of one list of products), not in a table."""
    return draft.section != "table" and before.kind == "growth" and before.figure.block == draft.figure.block and (
        before.metric.endswith(OUTPUT) and before.figure.lstart >= blocks[draft.figure.block].sentence_start(
            draft.figure.lstart)) and product_growth_named(before.metric.removesuffix(OUTPUT), _sentence_before(
                blocks, before)) == before.metric


def _name_implied_measures(drafts: list[Draft], blocks: list[Block]) -> None:
    """The measure a bare name implies (naming/implied.py), once every other rule has named
    it: 汽车制造业增长12.3%, an industry's growth, is of its value added (not a growth of a
    figure before it, 制造业…40520万元，…6.1: the growth of that amount; nor in a table);
    高速公路814公里, a road's length, is its 里程."""
    lengths: dict[tuple[int, str], str] = {}  # (block, old name) → the length's name
    stocks: dict[int, tuple[str, str]] = {}  # id of a count's figure → (old name, new name)
    stock_blocks: set[int] = set()  # the blocks of the vehicle stocks
    for index, draft in enumerate(drafts):
        if draft.kind == "count" and draft.metric and draft.section != "table" and (
                (stock := vehicles_named(draft.metric, draft.figure.unit)) != draft.metric) and (
                _at_year_end(blocks[draft.figure.block], draft.figure) or draft.figure.block in stock_blocks):
            # (年末…民用汽车293.62万辆: a stock, and so are the vehicles of its paragraph after it)
            stocks[id(draft.figure)] = (draft.metric, stock)
            stock_blocks.add(draft.figure.block)
            drafts[index] = replace(draft, metric=stock)
        elif draft.of is not None and (names := stocks.get(id(draft.of))) and draft.metric == names[0]:
            drafts[index] = replace(draft, metric=names[1])  # (…万辆，增长4.9%: the stock's)
        elif (draft.kind in BASE_KINDS or draft.kind == "rate") and (owned := relative_owner(
                draft.metric, blocks[draft.figure.block].text, draft.figure.lend)) != draft.metric:
            drafts[index] = replace(draft, metric=owned)  # (全长1.3万公里的…公路: the road's)
        elif draft.kind in _OUTPUT_KINDS and draft.metric_from == "before" and index and (
                _after_product_output(drafts[index - 1], draft, blocks)):
            # (…产品产量大幅增长，集成电路增长…，新能源汽车超过110万辆: a product of the list's
            # output, given in its own unit)
            drafts[index] = replace(draft, metric=product_growth_named(draft.metric, _sentence_before(blocks, draft)))
        elif draft.kind == "quantity" and draft.metric and draft.section != "table":
            block = blocks[draft.figure.block]
            at = draft.figure.lstart
            # (the name alone before the figure, or with a verb of a level: 城市道路突破7000公里;
            # not 农村公路、旅游公路|分别新建…: what was built; the end of a from–to as its start)
            said = block.text[block.clause_start(at):at]
            key = (draft.figure.block, draft.metric)
            metric = length_named(draft.metric, draft.figure.unit) if (
                level_words_off(said).endswith(draft.metric)) else (
                lengths.get(key, draft.metric) if draft.metric_from == "previous" else draft.metric)
            if metric != draft.metric:
                lengths[key] = metric
                drafts[index] = replace(draft, metric=metric)
        elif draft.kind == "growth" and draft.metric and draft.of is None and draft.section != "table":
            block = blocks[draft.figure.block]
            at = draft.figure.lstart
            sentence = block.text[block.sentence_start(at):at]
            metric = industry_growth_named(draft.metric, sentence)
            if metric == draft.metric:
                metric = product_growth_named(draft.metric, sentence)  # (…产品产量大幅增长，锂电池增长…)
            if metric != draft.metric:
                drafts[index] = replace(draft, metric=metric)


def _described(block_drafts: list[Draft], of: Figure) -> Draft | None:
    """The draft of ``of``, the figure a growth, share or multiple describes (among the
    last of its block)."""
    return next((d for d in reversed(block_drafts[-MAX_CHAIN:]) if d.figure is of), None)


def _part_of_held_total(block: Block, figure: Figure, sentence_start: int, block_drafts: list[Draft],
                        point: str | None) -> bool:
    """Whether a figure is a part listed after 其中 in its own sentence of a total held at
    ``point`` (…。…床位2.8万张，其中医院2.1万张…): the parts are held at the total's point,
    whatever the name they have before the parts are named with the total's measure; not a part
    a word of flow marks (cues.flow_markers: 其中，当年…)."""
    marker = block.text.rfind(_PARTS_MARKER, sentence_start, figure.lstart)
    if marker < 0 or any(flow in block.text[marker:figure.lstart] for flow in cue_words("flow_markers")):
        return False  # (…用户52.1万户，其中，当年新增…: the year's flow)
    total = next((d for d in reversed(block_drafts) if d.figure.lstart < marker), None)
    return total is not None and total.figure.lstart >= sentence_start and (
        total.figure.unit == figure.unit) and total.kind in BASE_KINDS and total.period == point


_PARTS_MARKER = "其中"
_RESTATING_GAPS = ("、", "")  # between a count and the same things counted in another unit


def _done_to_some(metric: str, last: Draft, figure: Figure) -> bool:
    """Whether a count named by a verb and the name of the count before it, in the same measure
    word (控制|地方性氟中毒…病区县数 after …病区县数1030个), counts some of those things (the
    counties where it is controlled): a state of the same things, at the same time."""
    verb = metric[:len(metric) - len(last.metric)] if last.metric and metric.endswith(last.metric) else ""
    # (not a verb of flow: …床位7.2万张，其中本年新增|…床位2900张 are added in the year)
    return bool(verb) and last.figure.unit == figure.unit and pos_tag(verb) == "v" and (
        verb not in cue_set("counting_verbs") and verb not in cue_set("flow_verbs_over_lists"))


def _total_broken_down(block_drafts: list[Draft], sentence_start: int, drafts: list[Draft],
                       blocks: list[Block], index: int) -> Draft | None:
    """The draft of the last figure before the sentence at ``sentence_start`` that breaks it down
    (其中，城镇人口…): in its block, or the last of the paragraph before, where a layout put the
    break at 其中 (a paragraph break is a pause, not a new time); None for none."""
    before = next((d for d in reversed(block_drafts) if d.figure.lstart < sentence_start), None)
    if before is None and sentence_start == 0 and drafts and index > 0 and (
            drafts[-1].figure.block == index - 1
            and blocks[index - 1].kind == blocks[index].kind == "paragraph"):
        before = drafts[-1]
    return before


__all__ = ["Draft", "clean_metric", "draft_records"]

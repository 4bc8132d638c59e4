"""Typed, validated shapes of the vocabulary data files (frozen pydantic models)."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Kind = Literal[
    "count", "amount", "quantity", "rate", "growth", "share", "change", "change_pp", "rank",
    "rank_change", "multiple", "duration",
]
Qualifier = Literal["exact", "over", "approx", "at_least", "at_most", "under", "range"]
DocType = Literal["work_report", "statistical_bulletin", "white_paper", "press_release",
                  "monthly_release", "other"]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Unit(Frozen):
    """One written unit: ``万人次`` → base ``人次``, factor 10000, kind ``count``."""

    written: str
    base: str
    kind: Kind
    factor: Decimal = Decimal(1)
    chinese_numerals_only: bool = False
    # a unit only after 万 or 亿 (8000亿度: kilowatt-hours; 30度 alone is a degree)
    after_magnitude_only: bool = False
    # what a unit is no unit before: the start of another word (台|阶: 迈上5万亿台阶, a step)
    not_before: tuple[str, ...] = ()


class Magnitude(Frozen):
    written: str
    factor: Decimal
    not_before: tuple[str, ...] = ()


class QualifierWords(Frozen):
    prefix: dict[str, Qualifier]
    infix: dict[str, Qualifier]
    suffix: dict[str, Qualifier]
    governing: dict[str, Qualifier]
    # words whose last character is a prefix word (签约, 节约): no qualifier of a figure after them
    words_ending_in_a_prefix: tuple[str, ...] = ()


class Cues(Frozen):
    action_before_change: tuple[str, ...]
    change_fillers: tuple[str, ...]
    level_after_change: tuple[str, ...]
    share_openers: tuple[str, ...]
    share_nouns: tuple[str, ...]
    allocation_verbs: tuple[str, ...] = ()  # 财政支出八成以上|投向|民生领域: a share's end
    contribution_verbs: tuple[str, ...] = ()  # 园区|贡献了|全省70.5%的工业增加值: a part's share
    not_share_predicates: tuple[str, ...] = ()  # 保持…增长, 稳定在: no predicate of a share's part
    share_right: tuple[str, ...]
    link_words: tuple[str, ...]
    level_verbs: tuple[str, ...] = ()
    level_steps: tuple[str, ...] = ()
    quality_verbs: tuple[str, ...] = ()  # 提升|30个景区服务水平: the things improved, counted
    grade_steps: tuple[str, ...] = ()  # 提升2个|等级: a level's steps, a change
    deeds_tagged_nouns: tuple[str, ...] = ()
    predicate_prepositions: tuple[str, ...] = ()
    predicate_places: tuple[str, ...] = ()  # 全国: a place a predicate opens with, no 在
    spread_verbs: tuple[str, ...] = ()
    level_setting_verbs: tuple[str, ...] = ()
    joining_verbs: tuple[str, ...] = ()
    predicate_manner_adverbs: tuple[str, ...] = ()  # 首次, 有序: how the counted did it
    organisation_heads: tuple[str, ...] = ()
    annual_means: tuple[str, ...] = ()
    institution_heads: tuple[str, ...] = ()
    scope_words: tuple[str, ...]
    period_pattern: str
    time_scope_words: tuple[str, ...]
    rank_verbs: tuple[str, ...]
    adverbs_before_verbs: tuple[str, ...]
    per_head_words: tuple[str, ...] = ()  # 标准提高到每人100元/月: the amount's, no name's
    trailing_adverbs: tuple[str, ...] = ()
    per_unit_averages: tuple[str, ...] = ()  # 生均|拨款: no 均 of each
    level_measure_words: tuple[str, ...] = ()  # 规模: a level by its nature (智算规模)
    per_unit_openers: tuple[str, ...] = ()  # 度电, 单位: a measure of intensity, a level
    comparison_openers: tuple[str, ...]
    adverbial_pattern: str
    condition_pattern: str = "(?!)"
    non_figure_words: tuple[str, ...]
    non_figure_patterns: tuple[str, ...]
    growth_nouns: tuple[str, ...]
    growth_noun_adverbs: tuple[str, ...] = ()  # 分别, 均: between 增速 and its figure
    rate_change_verbs: tuple[str, ...] = ()  # 增速|加快1.4个百分点: a growth rate's change
    rank_units: tuple[str, ...]
    respectively: tuple[str, ...]
    compared_with: tuple[str, ...] = ()
    enumeration_separators: tuple[str, ...]
    threshold_heads: tuple[str, ...] = ()
    threshold_closing_heads: tuple[str, ...] = ()
    secured_funds: tuple[str, ...] = ()
    restructuring_verbs: tuple[str, ...] = ()
    policy_verbs: tuple[str, ...] = ()
    not_policy_endings: str = ""
    not_measure_words: tuple[str, ...] = ()
    programme_verbs: tuple[str, ...] = ()
    list_openers: tuple[str, ...] = ()  # 五件事：一是…: the count announces a list (labels.py)
    programme_item_heads: tuple[str, ...] = ()  # 项目, 措施, 指标: heads that name nothing alone
    list_heads: tuple[str, ...] = ()  # 事, 任务, 亮点: what such a count counts
    streak_words: tuple[str, ...] = ()  # 连续5年提高: a streak, not the span of a change
    # 连续4年净增加 → …连续净增加年数: a streak's unit and the measure its length is named by
    streak_measures: dict[str, str] = Field(default_factory=dict)
    streak_spans: tuple[str, ...] = ()  # 连续10个季度: the span counted after 个
    # 20户以上自然村: a bound in a unit the things after it are never counted in (labels.py)
    size_class_heads: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    # 生产|钾肥|757.5万吨 → 钾肥产量: a verb of output and the measure it names (naming/metric.py)
    output_verbs: dict[str, str] = Field(default_factory=dict)
    target_pattern: str = ""
    forecast_pattern: str = ""
    clause_forecast_words: tuple[str, ...] = ()  # 有望: a forecast of its own clause only
    actual_pattern: str = ""
    target_headings: tuple[str, ...] = ()
    review_headings: tuple[str, ...] = ()
    part_titles: tuple[str, ...] = ()
    glossary_titles: tuple[str, ...] = ()  # 名词解释: the glossary's notes are of no year
    industry_endings: tuple[str, ...] = ()  # 制造业增长…: its value added
    trade_measures: tuple[str, ...] = ()  # 对欧盟、东盟出口: a partner's trade
    length_heads: tuple[str, ...] = ()  # 高速公路814公里: its 里程
    target_paragraph_pattern: str = ""
    real_basis: tuple[str, ...] = ()
    nominal_basis: tuple[str, ...] = ()
    scope_populations: tuple[str, ...] = ()
    plan_verbs_before_names: tuple[str, ...] = ()
    verbs_before_names: tuple[str, ...] = ()
    verbs_inside_names: tuple[str, ...] = ()
    verbs_after_names: tuple[str, ...] = ()
    keeping_verbs_before_measures: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    generic_names: tuple[str, ...] = ()  # the validator: words that name no indicator
    measure_endings: tuple[str, ...] = ()  # a table row named so is a measure (税收收入, 产量)
    total_rows: tuple[str, ...] = ()  # a table row that is the measure's total (合计)
    average_words: tuple[str, ...] = ()  # 年均增长: an average over years (periods, validator, series)
    aggregate_words: tuple[str, ...] = ()  # the validator: 各项存款余额 is 存款余额
    kind_endings: tuple[str, ...] = ()  # the validator: 市|市场监督管理局 is no typo
    doubled_terms: tuple[str, ...] = ()  # the validator: 原原种 is no typo
    # the validator: 常态|态|化 is a typo, 化 the suffix of 常态化 (one character each)
    word_suffixes: tuple[str, ...] = ()
    # one word of a 分别 list that stands for several items (城乡 → 城镇, 农村), in their order
    distributive_words: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    # one word of a 分别 list that is two measures of one owner (收支 → 收入, 支出), in order
    paired_measures: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    # 零售 → 零售额: a table title naming an activity (…消费品零售情况) names its amount
    title_activities: dict[str, str] = Field(default_factory=dict)
    period_name_pattern: str = ""  # 四季度, 上半年, 1—11月: a time, never a metric's name
    sub_item_markers: tuple[str, ...] = ()  # 其中国家级31家: an item of the total before
    attribute_nouns: tuple[str, ...] = ()  # 普通高中42所，招生…: the institutions' 招生
    chain_attributes: tuple[str, ...] = ()  # 国有工业资产总额…；工业增加值…: the body's results
    body_measures: tuple[str, ...] = ()  # 国有企业…，上缴税费…: the body's own measures
    # 发生火灾1200起，死亡12人: the casualties and losses of the events counted before them
    casualty_measures: tuple[str, ...] = ()
    event_heads: tuple[str, ...] = ()  # 事故, 火灾: what a count of events ends with
    loss_causing_verbs: tuple[str, ...] = ()  # 因…造成直接经济损失: what ties a loss to its cause
    programme_items: tuple[str, ...] = ()  # 项目, 重点事项: a count a programme's clause names
    example_closing_heads: tuple[str, ...] = ()  # 等|项目: a generic word after a count's examples
    programme_heads: tuple[str, ...] = ()  # 工程, 资金: what a programme's name ends with
    area_work_words: tuple[str, ...] = ()  # 发展 of 非常规天然气发展方面: no word of the area
    programme_openers: tuple[str, ...] = ()  # 启动, 实施: what opens a programme's clause
    ratio_terms: tuple[str, ...] = ()  # 性别(比): what a ratio is between, besides measures
    # 改造老旧小区640个、惠及居民…: a reach named by the works before it (naming/reach.py)
    drive_verbs_after_spending: tuple[str, ...] = ()  # 带动, 拉动: only after money spent
    serving_verbs: tuple[str, ...] = ()  # 服务: only before a count of those served
    people_units: tuple[str, ...] = ()  # 培训农民2.6万人次: no works that reach
    person_counters: tuple[str, ...] = ()  # 引进人才1200名，其中博士320人: one count of people
    business_counters: tuple[str, ...] = ()  # 新登记…万户、其中企业…万家: one count of businesses
    verbs_of_parts: tuple[str, ...] = ()  # 接待游客…，其中外国游客 → 接待外国游客
    people_wholes: tuple[str, ...] = ()  # 卫生技术人员中，执业医师…: kinds of its people
    works_tagged_nouns: tuple[str, ...] = ()  # 造林: a work of its own, no flow verb's thing
    acts_counted_as_measures: tuple[str, ...] = ()  # 专利申请…，其中发明专利 → 发明专利申请
    gathering_verbs: tuple[str, ...] = ()  # 筹集…，其中中央财政…: the parts are sources
    relative_measures: tuple[str, ...] = ()  # 全长1.3万公里的…公路 → …公路全长
    vehicle_heads: tuple[str, ...] = ()  # 民用汽车293.62万辆 → 民用汽车保有量
    sums_of_things: tuple[str, ...] = ()  # 拖拉机1.2万台，总动力… → 拖拉机总动力
    point_measures: tuple[str, ...] = ()  # 存款余额: held at a point, never over a year
    served_units: tuple[str, ...] = ()  # 服务农户96万户, not 服务区12个
    reach_adverbs: tuple[str, ...] = ()  # 共|惠及
    reach_owner_measures: tuple[str, ...] = ()  # 质押融资金额 → 质押融资 as an owner
    institution_units: tuple[str, ...] = ()
    modal_words: tuple[str, ...] = ()  # 固定资产投资今年|要|增长: a predicate, not a name
    comparison_verbs: tuple[str, ...] = ()  # 高于|全省平均2.1个百分点: the words name the base
    # 新增专业技术人才x、技能人才y: a verb of flow the items after the first share
    flow_verbs_over_lists: tuple[str, ...] = ()
    done_verbs_over_lists: tuple[str, ...] = ()
    # 通用|机场, 托|育|中心: words tagged verbs that qualify an item's noun (no verb of its own)
    modifying_verbs: tuple[str, ...] = ()
    # 布局|建设…、…: a verb of planning carried with the verb of building after it
    planning_verbs_over_lists: tuple[str, ...] = ()
    # 新增…32公里，总里程达516公里: the total of the stock a flow adds to, named by the flow's noun
    stock_totals: tuple[str, ...] = ()
    panel_states: tuple[str, ...] = ()  # 上涨, 持平: the states a panel's members are counted in
    carried_measures: tuple[str, ...] = ()  # 利用率, 装机规模: take the owner of the item before
    topic_measures: tuple[str, ...] = ()  # 总量, 产值: take the topic of an opening clause before
    deciding_verbs: tuple[str, ...] = ()  # 年初确定的|10件…: no action done on the things
    abstract_topics: tuple[str, ...] = ()  # 经济, 工作: topics that own no measure
    measures_of_a_measure: tuple[str, ...] = ()  # 增量, 强度: of the measure the item before names
    games_heads: tuple[str, ...] = ()  # 运动会, 锦标赛: what the name of games ends with
    medal_words: tuple[str, ...] = ()  # 金牌, 奖牌: counts of the games a sentence opens with
    reach_work_verbs: tuple[str, ...] = ()  # 完成, 用好: open the works a reach after them is of
    reach_manner_words: tuple[str, ...] = ()  # 及时, 加力: how works before a reach were done
    words_ending_in_over: tuple[str, ...] = ()  # 跨过, 超过: no bare 过 (over) before a figure
    industry_heads: tuple[str, ...] = ()  # 产业, 行业: a topic whose enterprises a count after it counts
    topic_link_verbs: tuple[str, ...] = ()  # 实现: may open a topic measure's clause
    growth_topics: tuple[str, ...] = ()  # 经济: a topic alone named by its growth (经济增长)
    part_qualifiers: tuple[str, ...] = ()  # 民办, 公办: a part after 其中 named by its kind alone
    signing_verbs: tuple[str, ...] = ()  # 新签: before an owner and its contracts' measure
    size_passing_verbs: tuple[str, ...] = ()  # 产值|过|百亿的…: a size class's verb
    worked_attributes: tuple[str, ...] = ()  # 支持力度, 服务功能: what a verb works on, no thing counted
    stock_measures: tuple[str, ...] = ()  # 负债总计, 从业人员: levels a point in time fixes
    flow_markers: tuple[str, ...] = ()  # 全年, 当年, 死亡: a clause's flow of the year
    running_total_words: tuple[str, ...] = ()  # 累计: a sum up to now, held at the year's end
    capacity_totals: tuple[str, ...] = ()  # 总产能: a total of the works started before it
    operation_start_verbs: tuple[str, ...] = ()  # 投产, 并网: works starting to operate
    project_words: tuple[str, ...] = ()  # 项目: no word of the works' owner
    # 两重”项目|全部|开工, “一件事”|落地|落实: words of a predicate the segmenter tags nouns
    predicate_nouns: tuple[str, ...] = ()
    # 21条|升级|举措: nouns the segmenter tags as verbs, which close a counted noun phrase
    nouns_tagged_verbs: tuple[str, ...] = ()
    # 集聚|区, 孵化|园: one-character heads of compound nouns, the verb before them a word of it
    compound_heads: tuple[str, ...] = ()
    compound_head_nouns: tuple[str, ...] = ()  # 科技|创新|成果: a verb inside a compound
    object_prepositions: tuple[str, ...] = ()  # 对|411.5万|高危人群: no name
    object_work_verbs: tuple[str, ...] = ()  # 对…群众|实施|避险搬迁: the work done on them
    benefactive_prepositions: tuple[str, ...] = ()  # 为|…患者|实施|免费手术: those it was done for
    inspection_works: tuple[str, ...] = ()  # 对|学校卫生|监督检查: a work with no verb of effort
    class_words: tuple[str, ...] = ()  # 一类|创新药, 二级|以上|医院: a class leading a noun
    class_bounds: tuple[str, ...] = ()
    class_measures: tuple[str, ...] = ()  # 191家企业营业收入|超百亿元: a class's bound
    # 带动, 推动, 开展: verbs that take a whole clause, never inside a compound noun; before a
    # name they end its subject (…新机制|推动|企业反映问题解决率)
    clause_verbs: tuple[str, ...] = ()
    # 入选, 签订, 达到: what a counted noun did, whose object is no part of its name
    predicate_verbs: tuple[str, ...] = ()
    # 推动, 帮助, 为: they carry a count to the clause it is the subject of (…6个平台|投入运行)
    carrier_verbs: tuple[str, ...] = ()
    # 为…|提供: verbs whose doer is not the things counted after 为 (the noun names alone)
    giving_verbs: tuple[str, ...] = ()
    # 入选, 纳入, 完成: what a counted noun opening its clause did, kept in its name
    selecting_verbs: tuple[str, ...] = ()
    # 获, 入选, 获评: an award or a selection after the things counted, kept whatever opens the count
    award_verbs: tuple[str, ...] = ()
    award_nouns: tuple[str, ...] = ()  # 飞天奖, …称号: the ends of an award's name
    # 在, 与: before a count of places or partners (在|13个|国家…), whose noun no later name holds
    place_prepositions: tuple[str, ...] = ()
    # 享誉, 擦亮, 加力: verbs of a figure of speech or of effort that open no predicate of a name
    figurative_verbs: tuple[str, ...] = ()
    # 符合条件: a phrase the segmenter tags a noun that qualifies the things after its 的
    qualifying_phrases: tuple[str, ...] = ()
    # 再, 又: words of repetition before a verb at a name's start
    repeat_adverbs: tuple[str, ...] = ()
    # 实现|全覆盖: a predicate of all the things, which names no part of them
    whole_predicates: tuple[str, ...] = ()
    evaluation_nouns: tuple[str, ...] = ()  # 取得明显|成效: a verdict on the work
    # 任务|基本 + 完成: an adverb the segmenter tags a noun, closing a counted noun
    adverbs_tagged_nouns: tuple[str, ...] = ()
    # 传染病|报告|发病: verbs the segmenter tags nouns, a measure's verbs after its owner
    verbs_tagged_nouns: tuple[str, ...] = ()
    # 总产量, 综合产值: words before a measure noun that qualify the measure, not its owner
    measure_qualifiers: tuple[str, ...] = ()
    peak_qualifiers: tuple[str, ...] = ()
    # 围绕, 依托: verbs used as prepositions, no action on a noun counted after them
    preposition_verbs: tuple[str, ...] = ()
    # 推动 after a cause (…新机制|推动|…解决率): the name is the object after it
    cause_verbs: tuple[str, ...] = ()
    # 开展, 发布 after an agent (各级领导|开展|现场办公): the agent and the object, not the verb
    agent_verbs: tuple[str, ...] = ()
    # 全国 of 全国重点实验室: a scope word that opens a designation's name, cut only where it is
    # the document's own region
    designation_scopes: tuple[str, ...] = ()
    scope_bound_suffixes: tuple[str, ...] = ()
    # 西部, 全球 of 出口额保持西部第1位: the area a ranking covers, no part of the ranked name
    ranking_scopes: tuple[str, ...] = ()
    # 建议321件…，办复率100%: the units of cases or items whose handling a bare rate measures
    case_units: tuple[str, ...] = ()
    conversion_words: tuple[str, ...] = ()  # 折1162亿美元: the figure before, in another unit
    handling_verbs: tuple[str, ...] = ()  # 办理|人大代表建议: the verb, not the cases' name
    # 按可比价格计算, 扣除价格因素: a growth's basis (the record's ``basis``), never its name
    basis_in_names_pattern: str = ""
    # 分门类看，…: a breakdown of the whole a sentence before opened with (naming/fills.py)
    breakdown_opening_pattern: str = ""
    # 服装、鞋帽、针纺织品类: a class's name with a list mark inside (blocks.py: no clause break)
    classification_names: tuple[str, ...] = ()
    generic_counted_nouns: tuple[str, ...] = ()  # 14家企业上榜…: 企业 alone names nothing
    share_things: tuple[str, ...] = ()  # 薄弱村降至3.1%: a percent of things at a level is their share
    effort_adverbs: tuple[str, ...] = ()  # 加快建设6个…: a plan's wording, not a name
    effort_adverbs_that_qualify_nouns: tuple[str, ...] = ()  # 重点建设用地: also an adjective
    # 成功创建, 圆满办结: how a thing was done, no word of its name; the verb after it stays
    manner_adverbs: tuple[str, ...] = ()
    # 惠及|86万人 → 惠及人数: the measure a verb alone names before a count in these units
    verb_measure_units: dict[str, str] = Field(default_factory=dict)
    paired_count_measures: dict[str, str] = Field(default_factory=dict)
    effort_levels: tuple[str, ...] = ()
    example_openers: tuple[str, ...] = ()
    table_point_measures: tuple[str, ...] = ()
    balance_table_words: tuple[str, ...] = ()
    item_determiners: tuple[str, ...] = ()
    quoted_programme_nouns: tuple[str, ...] = ()
    # 平均跑动次数, 办理时限, 提交材料: measures of how a service was streamlined
    service_streamlining_words: tuple[str, ...] = ()
    # 发电|量, 用水|量: verbs whose measure names its own object
    verbs_holding_their_object: tuple[str, ...] = ()
    # 三峡库区, 中部城市群: the words that close the name of an area
    area_heads: tuple[str, ...] = ()
    paired_unit_measures: dict[str, str] = Field(default_factory=dict)
    # 新增学位 after 新改扩建义务教育学校…: the measures of capacity added and the heads of what has it
    capacity_of_facilities: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    # …补贴惠及|60万人 → …补贴惠及人数: verbs of reach that name that measure closing a name too
    reach_verbs: tuple[str, ...] = ()
    # 设备更新|带动|设备工器具购置投资: a cause's verb before a statistic of the catalogue
    driving_verbs: tuple[str, ...] = ()
    # 投入|6亿元|实施…工程 → …工程投入资金: a verb of funding alone names the funds, and what
    # opens their purpose after the amount besides the verbs of effort
    funding_verbs: tuple[str, ...] = ()
    funding_purpose_verbs: tuple[str, ...] = ()
    # 推进|36个…项目, 实施|…项目128个: a verb whose object is itself a piece of work, and 共有,
    # 获: verbs of having; no word of a name (ANNOTATION.md, metric 7)
    effort_verbs: tuple[str, ...] = ()
    adverbs_before_effort_verbs: tuple[str, ...] = ()  # 继续|办好, 滚动|实施
    having_verbs: tuple[str, ...] = ()
    count_having_verbs: tuple[str, ...] = ()
    work_done_verbs: tuple[str, ...] = ()
    works_on_things: tuple[str, ...] = ()  # …老旧小区改造。: the work, part of the name
    facility_heads: tuple[str, ...] = ()  # 产业园, 铁路: a facility opening its sentence
    operation_verbs: tuple[str, ...] = ()  # 启动建设, 开通运营: its start of operation
    facility_measures: tuple[str, ...] = ()  # 产值: a bare measure a later clause names of it
    facility_activities: tuple[str, ...] = ()  # 签约, 入驻: what a later clause says was done in it
    having_heads: tuple[str, ...] = ()  # 有农村低保对象: the noun a count after 有 counts
    having_qualities: tuple[str, ...] = ()
    # 建成, 新增, 改造…: the verbs of flow or building that say which things are counted and
    # stay in a name; kept apart from the two lists above (checked when loaded)
    counting_verbs: tuple[str, ...] = ()
    duration_openers: tuple[str, ...] = ()  # 时隔12年再次…: a duration's verb, no name
    # parts of one population that a list names in turn (全体, 城镇, 农村): parallel categories
    population_parts: tuple[str, ...] = ()
    people_classes: tuple[str, ...] = ()
    partner_heads: tuple[str, ...] = ()
    # measures an item of 其中 may leave unsaid (床位…，其中医院…: 医院床位)
    measure_nouns: tuple[str, ...] = ()
    list_measure_nouns: tuple[str, ...] = ()
    survey_openers: tuple[str, ...] = ()  # 据对…的普查，: the whole of the shares after it
    survey_nouns: tuple[str, ...] = ()
    generic_list_classes: tuple[str, ...] = ()  # 产品 of …等产品产量: a class that names nothing
    # 诊疗人次, 新病例…，其中医院…: the events a total counts, which its parts named alone take
    counted_measures: tuple[str, ...] = ()
    counted_event_nouns: tuple[str, ...] = ()  # 入院|人次: an act the segmenter tags a noun
    measure_groups: tuple[tuple[str, ...], ...] = ()
    size_words: tuple[str, ...] = ()  # 外贸进出口增长…，总额…: the flow's size (外贸进出口总额)
    # 限额以上 of 限额以上粮油食品、通讯器材类零售额: a scope the first item writes for all
    list_scopes: tuple[str, ...] = ()
    # 农村 of 农村供水保障率、集中供水率: a kind of area the first item writes for all
    list_area_scopes: tuple[str, ...] = ()
    level_scopes: tuple[str, ...] = ()  # 省级以上 of 省级以上奖牌…，其中金牌…: the parts' too
    list_own_openers: tuple[str, ...] = ()  # 全社会 of …、全社会用电量: the item's own whole
    # 自治区, 自治州…: in a region's own report the region itself (as 全区), not a name's scope
    autonomous_divisions: tuple[str, ...] = ()
    # 重点项目860个，完成投资…: the nouns of a project and the bare names of its investment
    project_nouns: tuple[str, ...] = ()
    project_measures: tuple[str, ...] = ()

    @field_validator("word_suffixes")
    @classmethod
    def _one_character(cls, suffixes: tuple[str, ...]) -> tuple[str, ...]:
        if any(len(suffix) != 1 for suffix in suffixes):
            raise ValueError(f"word_suffixes: one character each, not {list(suffixes)}")
        return suffixes

    @model_validator(mode="after")
    def _verbs_that_go_are_not_verbs_that_stay(self) -> Cues:
        both = set(self.counting_verbs) & (set(self.effort_verbs) | set(self.having_verbs))
        if both:
            raise ValueError(f"counting_verbs stay in a name, effort_verbs and having_verbs go: "
                             f"{sorted(both)} in both")
        carried = set(self.flow_verbs_over_lists) | set(self.done_verbs_over_lists)
        both = carried & (set(self.modifying_verbs) | set(self.planning_verbs_over_lists))
        if both:
            raise ValueError(f"a verb over a list is neither a modifier nor a verb of planning: "
                             f"{sorted(both)}")
        reach = (self.reach_verbs, self.drive_verbs_after_spending, self.serving_verbs)
        both = {verb for one in reach for other in reach if one is not other
                for verb in set(one) & set(other)}
        if both:
            raise ValueError(f"a verb of reach, of drive or of service is one only: "
                             f"{sorted(both)}")
        stray = set(self.effort_adverbs_that_qualify_nouns) - set(self.effort_adverbs)
        if stray:
            raise ValueError(f"effort_adverbs_that_qualify_nouns must be effort_adverbs: "
                             f"{sorted(stray)} are not")
        return self

    @field_validator("distributive_words", "paired_measures")
    @classmethod
    def _several_items(cls, words: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        for word, items in words.items():
            if not word or len(items) < 2 or not all(items) or len(set(items)) != len(items):
                raise ValueError(f"distributive_words: {word!r} must stand for two or more "
                                 f"different items, not {list(items)}")
        return words


class MetricAliases(Frozen):
    """Canonical metric name → other names that mean the same indicator."""

    canonical: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    strip_suffixes: tuple[str, ...] = ()


class Nation(Frozen):
    """regions.toml [nation]: how a report about the whole country is told and coded."""

    name: str = "全国"
    code: str = "100000"
    names: list[str] = []
    issuer_pattern: str = r"(?!)"


class Vocabulary(Frozen):
    units: dict[str, Unit]
    magnitudes: dict[str, Magnitude]
    qualifiers: QualifierWords
    change_verbs: dict[str, Literal[1, -1]]  # the sign a change verb gives its figure
    cues: Cues
    metric_aliases: MetricAliases
    allowed_reduplications: frozenset[str]
    user_tags: dict[str, str]  # part-of-speech tags the user dictionary gives its words
    currency_prefixes: dict[str, str] = {}  # ￥, US$, 港币 … → the base unit of money
    province_codes: dict[str, str] = {}  # every name of a province (安徽省, 安徽) → its code
    doc_types: dict[str, DocType] = {}  # a word of a title (政府工作报告, 统计公报) → the doc_type
    nation: Nation = Nation()  # the country as the region of a national report

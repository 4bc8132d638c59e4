"""A figure's name in its sentence (:func:`_name`): its own (``metric``), else the figure it
describes (rule 2), the level before it, or the sentence's subject; then what the figures
before it change: the total an item of 其中 is of, the stock a flow adds to, the things counted
before a bare rate, the flow verb a list carries."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate, pairwise

import regex

from ...blocks import MAX_REACH, Block
from ...figures import Figure
from ...models import MetricFrom
from ...vocabulary import cue_set, cue_words, load_vocabulary
from ...vocabulary.lexicon import is_word, pos_tag
from ..base import (
    _HOLDS_QUOTE,
    _LEADING_FIGURE,
    _NOMINAL_TAGS,
    _QUOTES,
    BASE_KINDS,
    COUNT_OF_THINGS,
    DESCRIBING_KINDS,
    LEVEL_REACHED_VERBS,
    NOUN_JOINS,
    Draft,
    _is_punctuation,
    _strip_edges,
    _tokens,
    _word_sets,
    suffixes,
)
from ..kinds import part_of_things_after
from .analysis import PhraseAnalysis, examples_start
from .capacity import capacity_of_things_built
from .counted import (
    _CLAUSE_END,
    CUT_HEAD_TAGS,
    _clause_end,
    _right_noun,
    before_all_of_them,
    holds_predicate,
    short_predicate,
    words_after,
)
from .frames import things_added_on_a_basis
from .games import medals_of_games
from .lists import MAX_CHAIN, _parallel_head, measure_group, named_examples, owner_in_group
from .metric import (
    _BUILDING,
    _PROJECT_WORKS,
    FROM_WORD,
    TO_VERB,
    _changed_growth,
    _label,
    _metric,
    _no_subject_before_years,
    _ranked_growth,
    _ranking_in,
    _share_part,
    _share_phrase,
    _verb_measure,
    things_before_own_verb,
    things_built,
)
from .opening_topic import topic_of_opening
from .phrase import (
    _ANY_DIGIT,
    _BOUND_WORDS,
    _COMPLEMENT,
    _EXAMPLES_CLOSED,
    _HAN_WORDS,
    _LEVEL,
    _LIST_COMMAS,
    _NAME_ENDINGS,
    _NOTE_MARK,
    _SUBJECT_HEAD_TAGS,
    _THING_TAGS,
    BRACKET_NOTE,
    CLOSING_QUOTES,
    COUNTS_JOINED,
    HOW_TAGS,
    _adjectives_open,
    _is_verb,
    _modifier,
    _only_predicate,
    _rank_verb,
    adverb_opening,
    clean_metric,
    closing_bracket,
    list_or_counting_verbs,
    unclosed_bracket,
    verbs_over_lists,
    without_counts_inside,
    without_inner_manner,
)
from .programmes import quoted_before_count, quoted_programme_nouns
from .streak import (
    STREAK_WORD,
    after_streak_word,
    level_predicate,
    owner_before_streak,
    rank_closing,
    streak_measure,
    streak_name,
    streak_owner,
)
from .topic import facility_of_sentence
from .works import FIGURE_OPENING, work_of_listed_item


def _describes(block_drafts: list[Draft], group_drafts: list[Draft], block: Block,
               sentence_start: int, kind: str, at: int, unit: str | None = None) -> Draft | None:
    """The figure a growth, share or multiple (at ``at``) describes: the nearest base figure
    before it in the same sentence (from ``sentence_start``), past the figures of a note in
    brackets closed before it (床位800万张（其中民营医院200万张），比上年末增加12万张: the beds'
    change, not the note's), or in the same data item. A change in days (``unit``) describes
    the count of days right before it (优良天数达到302天、增加11天), a duration no other kind of
    figure describes."""
    allowed = BASE_KINDS | ({"rate", "share"} if kind == "change_pp" else set())
    for draft in reversed(block_drafts):
        if draft.figure.lstart < sentence_start:
            break
        if kind == "change" and draft.kind == "duration" and unit is not None and (
                draft.figure.unit == unit) and draft.metric_from == "before" and draft.metric:
            return draft  # (…天数达到290天、增加19天: the days' change)
        if (kind == "growth" and draft.kind == "change" or kind == "change_pp" and draft.kind == kind) and (
                draft.metric_from == "before" and draft.metric):
            # (…净增16.4万户、增长6.4%: a change named by its own words ends the search — the
            # growth is of the things it changed, not of a level of an earlier clause; so does a
            # change in points for another after it, …比重上升9.0个百分点，平均每年上升0.9个
            # 百分点: of the same share, not of the rate of the from-to before)
            return None
        if draft.kind in allowed and not _in_closed_note(block.text, sentence_start, draft.figure, at):
            return draft
    if block.section == "data":
        for draft in reversed(group_drafts):
            if draft.kind in allowed:
                return draft
    return None


def _subject_of_steps(name: str) -> str:
    """地区生产总值 of 地区生产总值连跨万亿元台阶, the name of a count of the steps a thing's levels
    crossed: the words before the verb of the level reached (cues.level_verbs), when the name
    ends with a step (cues.level_steps); ``""`` for any other name.

    >>> _subject_of_steps("地区生产总值连跨万亿元台阶"), _subject_of_steps("新建学校")
    ('地区生产总值', '')
    """
    words = _word_sets()
    if not name.endswith(tuple(words["level_steps"])):
        return ""
    at = max((name.rfind(verb) for verb in words["level_verbs"]), default=-1)
    return name[:at] if at > 0 else ""


def _in_closed_note(text: str, sentence_start: int, figure: Figure, at: int) -> bool:
    """Whether ``figure`` stands in a note in brackets that opens after ``sentence_start`` and
    closes before ``at``.

    >>> text = "床位800万张（其中民营医院200万张），比上年末增加12万张。"
    >>> from ipextract.figures import find_figures
    >>> from ipextract.blocks import split_blocks
    >>> figures = find_figures(split_blocks(text)[0], 0)
    >>> [_in_closed_note(text, 0, f, figures[2].lstart) for f in figures[:2]]
    [False, True]
    >>> text = "门诊药费（133.0元）占门诊费用的36.8%。"
    >>> figures = find_figures(split_blocks(text)[0], 0)
    >>> _in_closed_note(text, 0, figures[0], figures[1].lstart)
    False
    """
    opened = unclosed_bracket(text, sentence_start, figure.lstart)
    if opened < 0:
        return False
    closing = closing_bracket(text, figure.lend, at)
    # (次均门诊药费（128.0元）占…的37.2%: a bracket that holds the figure alone gives the
    # value of the name before it, no note)
    return closing >= 0 and bool(text[opened + 1:figure.lstart].strip() or text[figure.lend:closing].strip())


def _name(blocks: list[Block], index: int, figures: list[Figure], position: int, words: PhraseAnalysis,
          block_drafts: list[Draft], group_drafts: list[Draft],
          places: frozenset[str]) -> tuple[str, Figure | None, MetricFrom]:
    """The metric and the ``of`` link of one figure, ``figures[position]`` of the block's
    ``figures``, read off its analysis (``words``) by the rules of corpora/ANNOTATION.md, and
    how the metric was found (the record's ``metric_from``)."""
    figure = figures[position]
    block = blocks[index]
    kind, sentence_start = words.kind, words.sentence_start
    previous = block_drafts[-1] if block_drafts else None
    target = _describes(block_drafts, group_drafts, block, sentence_start, kind, figure.lstart,
                        figure.unit) if (
        kind in DESCRIBING_KINDS) else None
    if kind == "change_pp" and target is not None and previous is not None and (
            previous.kind == "growth" and previous.of is not target.figure
            and previous.figure.lstart > target.figure.lstart):
        # 投资1.2万亿元，民间投资增长2.7%，高出全国2.8个百分点: the gap is the growth's, of
        # another thing than the level before it (named by the growth below, as where no level
        # stands before); 增加值4.3万亿元、增长6.1%、高于全国…: the level's growth, the level's
        target = None
    if previous is not None and _restates(previous, figure, kind, words.right):
        # 改造老旧小区1343个52.54万户: the same things counted in a second unit
        return previous.metric, None, "previous"
    metric, how = _metric(figure, kind, words.left, words.right, previous, words.enumerated,
                          places, words.tail)
    if how == "before" and kind == "count" and (added := things_added_on_a_basis(words.left, words.clause)):
        metric = added  # (“…”在…13个事项基础上又推出|10个: the things the subject added)
    if how in ("before", "after") and (metric or how == "before") and (
            kind == "count" and (rest := _rest_of_first_item(
                metric, block.text[figure.lend:figure.lend + _LIST_REACH], how == "before"))
            or how == "after" and kind in _LISTED_KINDS and (
                rest := _head_of_parallel_items(metric, _counts_marked(block, figures, position)))):
        # 新增|4个|国家级、15个省级重点实验室, 出台|12条|稳就业、9条…政策措施, 1200万亩|大豆、
        # 900万亩玉米良种繁育基地: the things of every count of the list
        metric, how = metric + rest, "after"
    if how == "after" and kind == "count" and metric and (
            deed_named := _places_named_by_deed(block, figures, position, metric)):
        # 与|39个|国家|缔结118对友城: the places are named by what was done there or with them
        metric = deed_named
    if how in ("before", "after") and metric and previous is not None and (
            places_counted := _places_counted_before(block, previous, figure, metric)):
        # 在|13个|国家|投运海外仓|36个: the other count's places; the doer that opens the clause
        # before the preposition stays (我国运动员|在|33个|项目中|获得…: 我国运动员获得…)
        metric = _doer_before(block, previous, words.clause_start, places) + metric[len(places_counted):]
    if how == "before" and metric and (places_of := _places_after_open_at(block, words.clause_start, metric)):
        # 优先在山区、|革命老区|新建应急避难场所|320个: the places of the 在 the clause
        # before opens, no word of what was done there
        metric = metric[len(places_of):]
    if how == "before" and _MEASURING_BASIS.fullmatch(metric) and (
            topic := _opening_measure(block, sentence_start, words.clause_start, places)):
        # …的比重，按营业收入计算为41.2%，按利润总额计算为45.8%: the measure the sentence
        # opens with, on the basis the clause names (two figures, two columns)
        metric = f"{topic}（{metric}）"
    if how == "after" and kind == "count" and metric and words.left.endswith(_JOINED_ITEM_ENDS) and (
            verbs := _verbs_over_joined(words.left, places)) and not metric.startswith(verbs) and (
            _ONE_OF not in words.right):  # (成为…省份和5个…地区之一: the count is of a set it joins)
        metric = verbs + metric  # 获批建设国家医学中心和|12个|国家区域医疗中心: both items built
    if how == "before" and kind in BASE_KINDS and metric and "等" in words.clause and (
            verbs := _verb_before_examples(block, words, metric, previous)):
        metric = verbs + metric  # 新增甲、乙等|科技成果转化企业|1196家: the verb of the list's opening
    elif how == "after" and kind == "count" and metric and words.clause.endswith(_EXAMPLES_CLOSED) and (
            verbs := _verb_before_examples(block, words, "", previous, counting=True)) and (
            not metric.startswith(verbs)):
        metric = verbs + metric  # 续建甲、乙等|7个|铁路项目: the verb of the things counted
    if kind == "share" and how == "before" and target is not None and (
            shared := _share_of_described(metric, target.metric)):
        return shared, target.figure, "of"  # 出口交货值86.5亿元，比重由9.6%…
    if (not metric or how == "previous" or TO_VERB.fullmatch(words.left)) and kind in _FROM_TO_KINDS and block_drafts and (
            start := _from_to_start(block, figure, words.sentence_start, block_drafts)) is not None:
        # 分别从550元、320元提高到700元、420元: the end of a change is its start's measure
        return start.metric, None, "previous"
    if kind in BASE_KINDS and (len(metric) <= _CONVERSION_WORD or metric.startswith(_AT_RATE)) and (
            _RATE_BASIS.sub("", metric) in load_vocabulary().cues.conversion_words):
        # 实际使用外资5120亿元，下降12.4%，折720亿美元: the level before, in another unit
        level = _level_before(block_drafts, sentence_start)
        metric, how = (level.metric, "previous") if level is not None and (
            level.kind == kind) else ("", how)
    if how == "previous" and previous is not None and (
            previous.figure.lstart < sentence_start):
        # (打造1-2个… after 、产品品牌20个。: a figure of another sentence names nothing here)
        metric, how = _metric(figure, kind, words.left, words.right, None, words.enumerated,
                              places, words.tail)
    if not metric and kind in BASE_KINDS:
        # 改造老旧小区、农村危房等|2.6万余户: the list of examples names the count
        metric = named_examples(block, figure, words, previous.figure if previous else None, places)
    if kind == "duration" and how == "after" and (metric.startswith(
            load_vocabulary().cues.verbs_after_names) or _rank_verb().match(metric) and (
            _no_subject_before_years(words.clause))):
        # 产量712亿斤，增长0.8%，连续五年稳定在700亿斤以上: a verb alone after the years names
        # nothing; the years are the level's, named before them (and so are the years of a rank
        # held: 覆盖率达65%、连续12年居全国首位)
        # (not after a rank: 位列…第13位，连续7年保持上升态势 — a rank names the list it is
        # in, which does not stay at a level; the years are the position's, said after them)
        level = _level_before(block_drafts, sentence_start)
        if level is not None and level.metric and level.kind != "rank":
            metric, how = level.metric, "previous"
    if kind in _STREAK_KINDS and after_streak_word(words.left) and (
            not words.followed or rank_closing().search(words.right) is not None) and (
            streak := _streak(figure, words, metric, how, block_drafts, places)):
        return streak, None, how  # 耕地面积连续4年净增加 → 耕地面积连续净增加年数
    if how == "before" and metric and STREAK_WORD in words.clause:
        metric = owner_before_streak(words.clause, metric, places)  # …支出连续5年压减比例|超5%
    if not metric and previous is not None and kind == "share" and (
            words.right.startswith("的") or part_of_things_after(words.right)) and (
            previous.figure.lend <= words.clause_start) and (after := words_after(words.right)) and (
            not _ANY_DIGIT.search(after) or _threshold_of_things(after)):
        # 每年将70%以上的财政支出用于民生: a share of the things named after it (N%的X, or N%X
        # with the 的 left out: part_of_things_after), in a
        # clause that names nothing before it but a time, is theirs (rule 3), not a share of
        # the figure before it in its sentence (not after a figure of its own clause: 连续五年
        # 保持100%的唯一省份)
        return after, None, "context"
    if not metric and target is not None and target.kind == "count" and (
            subject := _subject_of_steps(target.metric)):
        # 地区生产总值连跨两个千亿元台阶，年均增长6.2%: the growth is of the thing whose levels
        # were crossed, not of the steps counted
        return subject + _share_phrase(words.left, kind), None, "previous"
    if not metric and target is not None:
        # rule 2: 71292件，同比增长19.19%; a share with its whole or its noun written takes them
        # too (…642.17万人，占总人口比重81.3%: 城镇人口占总人口比重)
        return target.metric + _share_phrase(words.left, kind), target.figure, "of"
    if block.kind == "line" and position == 0 and not _right_noun(words.right):
        label = _label(blocks, index)  # rule 4: ●知识产权质押融资 / 83.31亿元
        metric, how = label + metric, "label" if label else how
    if not metric and kind in DESCRIBING_KINDS | {"rank"} and previous is not None and (
        previous.figure.lstart >= sentence_start
    ):
        named = previous
        if kind == "rank" and previous.kind == "duration" and previous.metric_from == "after":
            # 增速年均超15%，连续三年居全国第一: the years were named by the rank's own words,
            # and the rank is the figure's before them
            earlier = next((d for d in reversed(block_drafts[-MAX_CHAIN:])
                            if d.kind != "duration"), None)
            if earlier is not None and earlier.figure.lstart >= sentence_start:
                named = earlier
        # 增长8.9%，占…的比重为19.6%; 占比46.1%，居全国第5位: the rank is the part's, not its share's
        metric, how = _share_part(named.metric, named.kind) if kind != "share" else named.metric, "previous"
        if kind == "rank" and named.kind == "duration" and (at := metric.find(STREAK_WORD)) >= 0:
            # (水果产量连续7年排全国第一: the years are the streak's, 水果产量连续排全国第一年数;
            # the rank is the thing's, named before 连续; where nothing is, the position held:
            # 连续五年居全国第3位 → 居全国第3位)
            held = metric[at + len(STREAK_WORD):]
            measure = max((m for m in load_vocabulary().cues.streak_measures.values() if held.endswith(m)),
                          key=len, default="")
            metric = metric[:at] or held[:len(held) - len(measure)]
        if kind == "share" and named.kind != "share" and metric:
            # (…增加值增长8.9%，占规上工业的比重为19.6%: the share of the part the growth names
            # in the whole written, as after a level: rule 2; none for a place, 占全省的)
            metric += _share_phrase(words.left, kind)
        growth = (_ranked_growth(words.left, places)[0] if kind == "rank" else _changed_growth(
            words.left, places)[0] if kind == "change_pp" else "") if metric else ""
        if growth and not metric.endswith(growth):
            metric += growth  # 指数达69.6%、提升幅度居全国第1: the index's growth is ranked
    if not metric and previous is not None and previous.kind == "duration" and (
            previous.metric_from == "before"
            and previous.figure.lstart >= words.clause_start):
        metric, how = previous.metric, "previous"  # 粮食总产量连续7年稳定在1100亿斤以上
    if not metric and previous is not None and (own := _own_predicate(words, previous)):
        metric, how = own, "context"  # 3人当选…院士、52人|入选…计划: its own words, not the item's before
        counted = block.text[previous.figure.lend:_clause_end(block, previous.figure.lend)]
        # (…、37项|向全国推广 after 82项 so named: the things that one took, its own words off)
        things = _right_noun(counted, True) or (
            previous.metric[:-len(counted)] if previous.metric_from == "context" and len(
                previous.metric) > len(counted) > 0 and previous.metric.endswith(counted) else "")
        # (6家单位获评…，15家|已通过…: more than the things before, no part of them)
        if previous.kind == "count" and previous.figure.unit == figure.unit and things and (
                _predicate_opening(own)) and figure.value <= previous.figure.value:
            # 形成173项|制度创新案例，82项|获…认可: a part of the things counted just before, picked
            # out by what it did; the things are its own too
            metric = things + own
    if not metric and previous is not None and not (
            kind == "count" and words_after(words.right) and not _ANY_DIGIT.match(words.right)):
        # 新增1000处…、累计达8000处; 712亿斤，连续五年稳定在700亿斤以上 (past a duration); not a
        # count of things named after it (…实验室5个，8个|环高校创新生态圈成型起势: its own
        # things; not 新签约8个50亿元以上、25个|10亿元以上、…: a size class right after it, the
        # noun shared)
        before = next((d for d in reversed(block_drafts[-MAX_CHAIN:]) if d.kind != "duration"),
                      None)
        if before is not None and before.figure.unit == figure.unit and (
                before.figure.lstart >= sentence_start):
            metric, how = before.metric, "previous"
        else:  # …712亿斤，增长0.8%，连续五年稳定在700亿斤以上 (past the level's growth too)
            level = _level_before(block_drafts, sentence_start)
            if level is not None and level.figure.unit == figure.unit:
                metric, how = level.metric, "previous"
    if not metric and previous is not None and words.enumerated:
        metric, how = previous.metric, "previous"  # 并购重组397起、1767.8亿元
    if not metric:
        metric, how = words_after(words.right), "context"
        if metric in _word_sets()["level_steps"]:
            metric = ""  # (…、迈上|3万亿元|台阶: the step reached names no level)
        if kind == "rank" and _ANY_DIGIT.search(metric):
            metric = ""  # (由第11位|跃升至第5位: the next rank of a from-to names neither)
    if not metric and previous is not None and previous.metric_from in ("before", "list") and (
            previous.figure.lstart >= sentence_start
            and _only_predicate([t for t in _tokens(block.text[previous.figure.lend:figure.lstart])
                                 if not _is_punctuation(t)])):
        metric, how = previous.metric, "previous"  # 新能源汽车产量增长76.3%、达142.7万辆
    if not metric and kind in BASE_KINDS:
        metric = _piece_subject(block, figure, words, block_drafts, places)
    if not metric and kind == "share" and len(phrase := _share_phrase(words.left, kind)) > _BARE_SHARE:
        # …依次为A、B和C，占丙类传染病报告发病总数的84.7%: no part named (a list is no name)
        # and no figure described; the whole it is a share of is named
        metric, how = phrase, "before"
    if not metric:
        metric = _sentence_subject(block, figure, words, block_drafts, places)
    if kind in _GROWTH_OF_TOPIC and metric in cue_set("growth_topics"):
        # 经济增长6%左右; 经济增长速度居全省第二位: the economy alone names no column,
        # its growth does (the change verb, or the growth noun written after it, kept)
        growth_named = metric + _GROWTH_OF_TOPIC[kind]
        if kind == "growth" or growth_named in words.left:
            metric = growth_named
    if kind == "rate" and metric.endswith(_DAYS_COUNTED) and figure.unit == _PERCENT:
        metric += _RATIO  # 空气质量优良天数|92.9%: a count of days given as a percentage is their ratio
    if kind == "rate" and how == "before" and (
            counted := _items_counted_before(block_drafts, block, sentence_start)) and _bare_action_rate(metric):
        # 人大代表建议287件、政协委员提案463件，办复率均达100%: the rate of what was counted
        # just before it in the sentence (those items first: most rates follow none, and the
        # name is then not segmented)
        metric = counted + metric
    if how == "before" and kind in _GROUPED_KINDS and block_drafts and measure_group(metric):
        metric = _owner_of_group(metric, block, sentence_start, block_drafts)
    if how == "before" and kind in _SIZED_KINDS and block_drafts and (
            metric in cue_set("size_words")):
        metric = _size_of_flow(metric, sentence_start, block_drafts)
    if how == "before" and kind == "count" and metric in _word_sets()["stock_totals"] and words.clause_start and (
            previous is None or previous.figure.lend < block.clause_start(words.clause_start - 1)):
        # 新增A、B|2个|…集群、总数达5个: the things of a count that recounts a list (no figure)
        metric = _things_before(block.text, block.clause_start(words.clause_start - 1),
                                words.clause_start - 1) + metric
    if metric and previous is not None and (how == "previous" or metric in _word_sets()["stock_totals"]):
        metric = _stock_after_flow(metric, words.clause, previous, previous.figure.lstart >= sentence_start)
    if kind == "count" and metric.endswith(cue_words("institution_heads")):
        metric = _staff_carried(metric, block.text, figure, sentence_start, block_drafts)
    if metric and previous is not None:
        clause_start = words.clause_start
        # (其中，国家级…; 其中：省级…: the mark after 其中 ends a clause, and 其中 opens the list)
        opened = block.text[max(0, clause_start - _MARKED_OPENING):clause_start].rstrip(
            "，,：: ").endswith(cue_words("sub_item_markers"))
        metric = _sub_item(metric, words.clause, previous, figure, kind, opened)
        if kind in BASE_KINDS and metric.startswith(_PURPOSE):
            metric = _purpose_of_total(metric, block.text, figure, sentence_start, block_drafts)
        if how == "before" and kind == "count":
            metric = _later_level(metric, block.text[previous.figure.lend:figure.lstart], previous, figure)
        if how == "before" and kind in BASE_KINDS:
            # (煤矿开工12处、|投产|8处: a verb alone is of the things the item before names)
            metric = _things_of_verb_alone(metric, block.text[previous.figure.lend:figure.lstart],
                                           previous, figure, kind)
        if how == "before" and metric in cue_set("measures_of_a_measure"):
            metric = _measure_of_item(metric, block.text, previous, figure, sentence_start)
        if how == "before" and previous.metric.startswith(_list_openers()) and kind in BASE_KINDS:
            # (新增…火电装机130万千瓦、储能60万千瓦: the list's verb and the measure the item before
            # closes with are both this bare item's, 新增储能装机)
            measured = _measure_carried(metric, block.text, previous, figure, kind)
            metric = _flow_carried(metric, block.text, previous, figure, kind) + measured[len(metric):]
        elif how == "before" and (kind in BASE_KINDS or kind == _DURATION):
            # (…电视剧120部，电视动画片|9万分钟: output in minutes, read as a length of time)
            metric = _output_carried(metric, block.text, previous, figure)
            metric = _measure_carried(metric, block.text, previous, figure, kind)
            if kind == previous.kind == "count":
                metric = _award_carried(metric, block.text, previous, figure)
        elif how == "after" and kind == previous.kind == "count" and previous.metric_from == "before" and (
                block.text[previous.figure.lend:figure.lstart] in COUNTS_JOINED) and (
                (verb := previous.metric[len(adverb_opening(previous.metric)):]) in _carried_verbs()) and not metric.startswith(verb):
            # (相继)出台|43条、|16条|具体举措: two counts of one head after one verb, the verb both's
            metric = verb + metric
        elif how == "after" and previous.metric_from == "after" and (
                previous.kind == kind == "count" and _opens_with_list_verb(previous.metric)
                # (提升改造|180公里|农村公路和|95万平方米|村内道路: the verbs a quantity's name
                # opens with, verbs alone before its things, are the next item's too)
                or previous.kind == kind == "quantity"):
            metric = _verb_over_counts(metric, block.text[previous.figure.lend:figure.lstart],
                                       previous.metric, words.right)
    if kind == "count" and metric in _word_sets()["level_steps"] and block_drafts:
        metric = _steps_of_listed_levels(metric, figure, block, block_drafts)
    if how == "before" and kind in _TOPIC_KINDS and metric:
        # (新医药产业加快发展，|产值增长12%: the topic of the opening clause before)
        metric = topic_of_opening(metric, block, words.clause_start,
                                  block.text[words.clause_start:figure.lstart], block_drafts)
    if how == "before" and kind in BASE_KINDS and metric.startswith(_ADDED):
        # (新改扩建义务教育学校45所、|新增学位2.8万个: the capacity of the things built before)
        metric = capacity_of_things_built(metric, block, words.clause_start, sentence_start)
    if metric and kind in _FACILITY_KINDS and how in ("before", "after", "context"):
        # 某某产业园启动建设，签约项目163个: the facility its sentence opens with
        clause_start = words.clause_start
        starts = (sentence_start, block.clause_start(clause_start - 1)) if clause_start > 0 else ()
        metric = facility_of_sentence(block.text, starts, clause_start, metric, lambda: [
            (d.figure.lstart, d.metric) for d in block_drafts[-MAX_CHAIN:] if d.figure.lstart >= sentence_start])
    if kind == "count" and how in ("after", "context") and metric.endswith(_BUILDING) and (
            (projects := metric.removesuffix(_BUILDING).removesuffix(_FASTER)) + _BUILDING).endswith(_PROJECT_WORKS):
        # (加快推进6个地热能、3个新型储能|项目建设; …12个在建水利项目|加快建设: the projects are
        # counted, their building is the plan's wording, as where nothing else names them)
        metric = projects
    elif kind == "count" and how == "after" and metric.endswith(_BUILDING) and (
            words.right.rstrip().endswith(metric)) and (built := things_built(metric.removesuffix(_BUILDING))):
        # (…实验室建设|取得明显成效: a verdict on the building after it, which it names)
        metric = built  # (推进|5个|低空经济示范区建设: the zones are counted, as projects are)
    if kind == "count" and how == "after" and (quoted := quoted_before_count(metric, block.text, figure.lstart)):
        # (启动开展“城市更新攻坚年”|六项|行动: the programme quoted before the count; “长光一号”|
        # 86颗|卫星|全球组网: the name all the clause says before it, and what the things did)
        done = "" if metric in quoted_programme_nouns() or holds_predicate(metric) else short_predicate(
            metric, words.right)
        metric = quoted + metric + done
    if kind == "count" and how in ("after", "context"):
        metric = before_all_of_them(metric)  # (…所|受灾学校|全部|复课: all of them, no choice of which)
    if how in ("after", "context"):
        metric = without_inner_manner(metric)  # (…扶持工作|圆满|收官: how it went, no word of it)
    if how == "after" and kind in _WORKED_KINDS and (
            end := _ITEMS_END.search(block.text, figure.lend, figure.lend + MAX_REACH)):
        # (…煤电机组、…、200台燃煤锅炉|超低排放改造: the work the list closes with)
        metric = work_of_listed_item(metric, block.text[figure.lend:end.start()])
    if kind in _MEDAL_KINDS and metric:
        metric = medals_of_games(metric, block.text, sentence_start, figure.lstart)  # (在第18届亚运会上，…)
    metric = without_counts_inside(metric)  # (…开工|957个|重大项目: another figure's count)
    of = target.figure if target is not None and target.metric == _share_part(metric, kind) else None
    return metric, of, how


_FACILITY_KINDS = BASE_KINDS | {"growth"}  # a facility's levels and their growth
_TOPIC_KINDS = _FACILITY_KINDS | {"share"}  # a topic's levels, their growth and their shares
_MEDAL_KINDS = frozenset({"count", "rank"})  # medals won, and a rank by them
_ADDED = "新增"  # (新增学位: a capacity added, naming.capacity)
_FASTER = "加快"  # (…项目加快建设: an adverb of effort before the building)
# the growth word a topic alone (cues.growth_topics) is named with, by the figure's kind
_GROWTH_OF_TOPIC = {"growth": "增长", "rank": "增长速度", "duration": "增长速度"}
_WORKED_KINDS = frozenset({"count", "quantity"})  # the things a work was done on


def reach_of_each(metric: str, kind: str, text: str, sentence_start: int, figure: Figure) -> str:
    """公共文化工程惠及人次 for 公共文化工程 of 公共文化工程、全民健身工程分别惠及|350万、230万
    人次: a verb of reach (cues.reach_verbs) written right after the 分别 of a list of counts
    is each item's, named as a count after the verb alone is (_verb_measure); ``metric``
    otherwise."""
    if kind != "count" or not metric:
        return metric
    at, word = max(((text.rfind(w, sentence_start, figure.lstart), w) for w in cue_words("respectively")),
                   default=(-1, ""))
    if at < 0:
        return metric  # (most items: no 分别 before their count)
    after = text[at + len(word):figure.lstart]
    verb = next((v for v in load_vocabulary().cues.reach_verbs if after.startswith(v)), "")
    if not verb or len(after) > len(verb) and FIGURE_OPENING.match(after, len(verb)) is None:
        return metric  # (the first figure right after the verb, or a later one past the list's)
    return _verb_measure(metric + verb, figure.unit or "")


# what ends a list of items joined by 、 (or ，: a writer's choice between the two marks)
_ITEMS_END = regex.compile("[。；;：:！？!?\n]")
_FROM_TO_KINDS = BASE_KINDS | {"rank"}  # the levels a change runs from and to


def _from_to_start(block: Block, figure: Figure, sentence_start: int,
                   block_drafts: list[Draft]) -> Draft | None:
    """The figure a change's end (``figure``) runs from: 从|550元、320元|提高到|2025年的|700元、
    420元 → 550元 for 700元 and 320元 for 420元 (item by item), when only a time, 的 and the
    marks of a list stand between the words of the from-to and the figures, and the start has
    the end's unit; ``None`` otherwise."""
    text = block.text
    if text.find("从", sentence_start, figure.lstart) < 0 and text.find("由", sentence_start, figure.lstart) < 0:
        return None  # (most sentences: no from-to in them)
    drafts = [d for d in block_drafts[-MAX_CHAIN:] if d.figure.lstart >= sentence_start]
    # the end's figures before this one: back over list marks alone (700元、|420元)
    at = len(drafts)
    while at and text[drafts[at - 1].figure.lend:(drafts[at].figure.lstart if at < len(drafts) else (
            figure.lstart))].strip() in _LIST_GAPS:
        at -= 1
    position = len(drafts) - at  # this figure's place in the end's list
    end_start = drafts[at].figure.lstart if at < len(drafts) else figure.lstart
    if not at:
        return None
    # the verb between the start's last figure and the end's first: 320元|提高到2025年的|700元
    if not TO_VERB.fullmatch(text, drafts[at - 1].figure.lend, end_start):
        return None
    first = at - 1  # back over the start's list to its first figure, after 从/由
    while first and text[drafts[first - 1].figure.lend:drafts[first].figure.lstart].strip() in _LIST_GAPS:
        first -= 1
    reach = drafts[first - 1].figure.lend if first else sentence_start
    if not FROM_WORD.search(text, max(reach, drafts[first].figure.lstart - _FROM_REACH),
                             drafts[first].figure.lstart):
        return None
    starts = drafts[first:at]
    if position >= len(starts):
        return None
    start = starts[position]
    return start if start.figure.unit == figure.unit and start.metric else None


_FROM_REACH = 10  # characters at most between 从/由 and the start's first figure
_LIST_GAPS = ("、", "和", "及")  # what stands between two figures of one list (700元、420元)


def _restates(previous: Draft, figure: Figure, kind: str, right: str) -> bool:
    """Whether ``figure`` restates the count written right before it in another unit
    (1343个|52.54万户, 115部|3490集): nothing between them, both counts, the units differ, and
    no noun after it (3批|18项|制度创新案例: the batches and the things in them)."""
    return (previous.figure.lend == figure.lstart and kind == previous.kind == "count"
            and previous.figure.unit != figure.unit and bool(previous.metric)
            and not right.strip())


def _own_predicate(words: PhraseAnalysis, previous: Draft) -> str:
    """入选国家级青年人才计划 of 3人当选中国科学院院士、52人|入选国家级青年人才计划: the words
    after a figure that opens its clause, when they open with a verb (what the counted did)
    and the figure before, in the sentence, was named so too, by the words after it: a list
    of figure-first clauses, each with its own predicate. ``""`` otherwise (新增1000处…、累计
    达8000处 has words before it; 397起、1767.8亿元 none after)."""
    if previous.metric_from not in ("after", "context") or words.left.strip() or (
            previous.figure.lstart < words.sentence_start):
        return ""
    # (享受农村特困人员[31]救助供养: a footnote mark is no word of the name)
    after = _NOTE_MARK.sub("", _strip_edges(_LEADING_FIGURE.sub("", words.right)))
    if not after or len(after) > _WORDS_AFTER or _ANY_DIGIT.search(after):
        return ""  # (13个|存在黑臭水体或涉及重点监控断面的县城: too long to be a name)
    # (37项|向全国|推广, 9家|已|投产: an adverb or a preposition before the verb)
    # (…|通过|社会工作师考试: a verb of what the counted did the segmenter tags a preposition,
    # cues.predicate_verbs, with no other verb after it)
    tokens = _tokens(after)
    return after if pos_tag(tokens[0]) in _PREDICATE_OPENINGS and (any(
        pos_tag(token) == "v" for token in tokens) or tokens[0] in cue_set("predicate_verbs")) else ""


def _places_counted_before(block: Block, previous: Draft, figure: Figure, metric: str) -> str:
    """国家 of 国家投运海外仓, the name of 36个 in 在13个国家投运海外仓36个: the things the count
    right before counts, after the preposition of a place or a partner that opens it (在, 与, 同,
    向: cues.toml place_prepositions), are where or with whom the later figure's things were
    done, no word of their name; ``""`` otherwise (3家企业|实现营收…: the things are the owner).

    >>> from ipextract import extract
    >>> [r.metric for r in extract("在5个国家设立海外仓9个。").records]
    ['设立海外仓国家', '设立海外仓']
    """
    text = block.text
    if previous.kind != "count" or previous.figure.block != figure.block or not text.endswith(
            cue_words("place_prepositions"), 0, previous.figure.lstart) or (
            _CLAUSE_END.search(text, previous.figure.lend, figure.lstart)):
        return ""
    # (the nouns right after the count, up to the verb of what was done there)
    tokens = _tokens(text[previous.figure.lend:figure.lstart])
    nouns = next((at for at, token in enumerate(tokens) if not pos_tag(token).startswith(_NOMINAL_TAGS)
                  or pos_tag(token) == "vn"), len(tokens))  # (国家|投运: a verbal noun is the verb)
    if 0 < nouns < len(tokens) - 1 and pos_tag(tokens[nouns]) == "f":
        nouns += 1  # (在|33个|项目|中|获得…: the locative closes the place)
    counted = "".join(tokens[:nouns])
    return counted if 0 < nouns < len(tokens) and metric.startswith(counted) and (
        len(metric) > len(counted) + 1) else ""


def _places_named_by_deed(block: Block, figures: list[Figure], position: int, counted: str) -> str:
    """缔结友城国家 for 与|39个|国家|缔结|118对|友城, 设立海外仓国家 for 在|11个|国家|设立海外仓|19个:
    the places a count after a preposition of a place or a partner counts (cues
    place_prepositions), named by what was done in or with them, the verb and its object up to
    the next figure of the clause, or the verb alone and the things that figure counts (a
    verbal noun after the places is that verb: 国家|建设…); ``""`` otherwise (no such
    preposition, no verb right after the places, no later figure in the clause).

    >>> from ipextract import extract
    >>> [r.metric for r in extract("累计与12个国家缔结30对友好城市。").records]
    ['缔结友好城市国家', '缔结友好城市']
    """
    text, figure = block.text, figures[position]
    if position + 1 >= len(figures) or not text.endswith(cue_words("place_prepositions"), 0, figure.lstart):
        return ""
    after = figures[position + 1]
    between = text[figure.lend:after.lstart]
    if not between.startswith(counted) or _CLAUSE_END.search(between) or after.block != figure.block:
        return ""
    tokens = _tokens(between)
    nouns = next((at for at, token in enumerate(tokens) if not pos_tag(token).startswith(_NOMINAL_TAGS)
                  or pos_tag(token) == "vn"), len(tokens))
    places = "".join(tokens[:nouns])
    deed = between[len(places):]
    if not places or nouns == len(tokens) or not pos_tag(tokens[nouns]).startswith("v") or (
            not _HAN_WORDS.fullmatch(deed) or len(deed) > _WORDS_AFTER):
        return ""
    if nouns == len(tokens) - 1:  # (缔结|118对|友城: the things the next count counts)
        things = _right_noun(text[after.lend:after.lend + _WORDS_AFTER])
        return deed + things + places if things else ""
    return deed + places


def _rest_of_first_item(metric: str, after: str, verb_only: bool) -> str:
    """What the name of a figure-first list's first count lacks (``after`` is the text after
    the count): the head the last item ends with, 重点实验室 of 4个|国家级、15个省级重点实验室,
    when the item right after the count is only what qualifies it, a level alone (the last item
    opens with one too) or a purpose, a short phrase that opens with a verb or an adjective (稳,
    促); with the part of the item ``metric`` does not end with (省级|以上; all of it where the
    name is the verb before the count, ``verb_only``). ``""`` otherwise.

    >>> _rest_of_first_item("新增国家级", "国家级、15个省级重点实验室，…", False)
    '重点实验室'
    >>> _rest_of_first_item("出台", "稳就业、9条稳外资政策措施。", True), _rest_of_first_item("园区", "园区、5个基地。", False)
    ('稳就业政策措施', '')
    """
    pieces = _LIST_PIECE.match(after)
    if pieces is None:
        return ""
    item, last = pieces["item"], pieces["last"]
    written = 0 if verb_only else next((at for at in range(len(item), 1, -1) if metric.endswith(item[:at])), -1)
    if written < 0:
        return ""
    if _level_prefix(item):
        level, own = _level_with_bound(item), _level_with_bound(last)
        return item[written:] + last[len(own):] if level == item and own and len(last) > len(own) else ""
    tokens, ends = _tokens(item), _tokens(last)
    head = ends[-1]
    if len(item) > _PURPOSE_ITEM or len(tokens) < 2 or not pos_tag(tokens[0]).startswith(("v", "a")) or (
            pos_tag(tokens[0]) == "vn") or pos_tag(head) != "n" or len(head) < 2 or item.endswith(head) or (
            len(ends) < 2):
        return ""
    return item[written:] + head


def _head_of_parallel_items(metric: str, after: str) -> str:
    """The head the last item of a figure-first list writes for all (``after``: the text after
    the first figure, later figures marked by :func:`_counts_marked`), when the first item is
    one word parallel to the last item's first and ``metric`` ends with it; ``""`` otherwise.

    >>> _head_of_parallel_items("学校", "学校、0个医院周边交通秩序。"), _head_of_parallel_items("园区", "园区、0个基地。")
    ('周边交通秩序', '')
    """
    pieces = _LIST_PIECE.match(after)
    if pieces is None or not metric.endswith(pieces["item"]):
        return ""
    return _parallel_head(pieces["item"], pieces["last"])


def _counts_marked(block: Block, figures: list[Figure], position: int) -> str:
    """The text after ``figures[position]``, to :data:`_LIST_REACH` characters, with every later
    figure in it written as a count (900万亩 → 0个): the list after a first figure is read by its
    items, whatever the units of its figures."""
    start = figures[position].lend
    end = start + _LIST_REACH
    pieces, at = [], start
    for figure in figures[position + 1:]:
        if figure.lstart >= end:
            break
        if figure.lstart >= at:
            pieces += [block.text[at:figure.lstart], _COUNT_MARK]
            at = figure.lend
    return "".join(pieces) + block.text[at:max(at, end)]


_COUNT_MARK = "0个"  # a later figure of the list, as _COUNT_IN_CLAUSE reads it
_LIST_REACH = 80  # characters read after a count for the rest of its list
_LISTED_KINDS = frozenset({"count", "quantity"})  # figure-first lists: things counted, or measured
_PURPOSE_ITEM = 4  # characters of a purpose that qualifies a list's head (稳就业, 扩内需)


def _threshold_of_things(after: str) -> bool:
    """Whether the only figure in the words after a share's 的 is a threshold the things pass
    (家庭农场年销售收入|超过|50万元: which of them the share counts), a verb of passing before it
    (cues.size_passing_verbs) and nothing after it.

    >>> _threshold_of_things("家庭农场年销售收入超过50万元"), _threshold_of_things("企业营业收入增长5%")
    (True, False)
    """
    found = _THRESHOLD_AT_END.search(after)
    return found is not None and not _ANY_DIGIT.search(after, 0, found.start()) and (
        after[:found.start()].endswith(cue_words("size_passing_verbs")))


_THRESHOLD_AT_END = regex.compile(r"[0-9][0-9.]*[\p{Han}]{1,3}$")


def _places_after_open_at(block: Block, clause_start: int, metric: str) -> str:
    """革命老区 of 革命老区新建应急避难场所, where the piece before the clause opens a place with
    在 and names nothing more (优先在山区、…): the nouns that open the name before its
    first verb are the next of the places where it was done, no word of the things; ``""``
    otherwise.

    >>> from ipextract import extract
    >>> [r.metric for r in extract("优先在山区、革命老区新建棚室5万个。").records]
    ['新建棚室']
    """
    text = block.text
    # (a piece of a list of places ends in 、 or ， alike: a writer's choice)
    if clause_start < 1 or text[clause_start - 1] not in _LIST_COMMAS:
        return ""
    piece_start = block.clause_start(clause_start - 1)
    if _AT not in text[piece_start:piece_start + _AT_OPENING]:
        return ""  # (most pieces: no 在 near their start, told before segmenting them)
    piece = _tokens(text[piece_start:clause_start - 1])
    # (优先|在…: an adverb before the preposition, whatever the segmenter tags it)
    at = piece.index(_AT) if _AT in piece[:_AT_REACH] else len(piece)
    if at >= len(piece) - 1 or any(pos_tag(token).startswith(("n", "v")) and pos_tag(token) != "vn"
                                   for token in piece[:at]) or not all(
            pos_tag(token).startswith(_NOMINAL_TAGS) and pos_tag(token) != "vn" for token in piece[at + 1:]):
        return ""
    tokens = _tokens(metric)
    # (革命|老区: a verbal noun qualifies the place as a noun does; the verb after them is the
    # action done there)
    nouns = next((i for i, token in enumerate(tokens) if not pos_tag(token).startswith(_NOMINAL_TAGS)
                  and pos_tag(token) != "vn"), len(tokens))
    # (a verb of a list or of counting opens what was done: 新建, 建设; not 新能源|富集|地区…,
    # a verb inside the place's name)
    if not 0 < nouns < len(tokens) or not metric.startswith(_counted_verbs(), len("".join(tokens[:nouns]))) or not (
            text.startswith("".join(tokens[:nouns]), clause_start)):
        return ""
    return "".join(tokens[:nouns])


_AT = "在"  # the preposition of a place
_AT_REACH = 2  # words: the preposition opens the piece, or follows one adverb (优先|在)
_AT_OPENING = 5  # characters of a piece its 在 stands in (after an adverb of up to four: 优先|在)


def _doer_before(block: Block, previous: Draft, clause_start: int, places: frozenset[str]) -> str:
    """我国运动员 of 全年我国运动员|在|33个|项目…: the nouns alone that open the clause before the
    preposition of the count before (its scope words off), ``""`` for none or for other words."""
    text, at = block.text, previous.figure.lstart
    # (the preposition right before the count, which _places_counted_before found there)
    preposition = at - len(next(word for word in cue_words("place_prepositions") if text.endswith(word, 0, at)))
    doer = clean_metric(text[clause_start:preposition], places)[0] if preposition > clause_start else ""
    tokens = _tokens(doer)
    # (我国|运动员: a pronoun of the country or the region before the doer's noun is its word)
    return doer if tokens and pos_tag(tokens[-1]).startswith(_NOMINAL_TAGS) and pos_tag(tokens[-1]) != "vn" and all(
        not pos_tag(token).startswith(_NOT_DOER_TAGS) for token in tokens) else ""


_NOT_DOER_TAGS = ("v", "d", "p", "c", "u", "m", "q", "t")  # a verb, an adverb, a function word or a time


def _predicate_opening(words: str) -> bool:
    """Whether ``words`` open with a verb of what things did (获, 入选, 通过: cues.toml
    predicate_verbs, selecting_verbs, award_verbs) or an adverb or a preposition before one
    (已|投产, 向|全国推广): not with a word of a noun of their own (驻津|大院大所, 查漏补缺|项目)."""
    first = _tokens(words)[0]
    return first in cue_set("predicate_verbs") or first in cue_set("selecting_verbs") or (
        first in cue_set("award_verbs")) or pos_tag(first) in ("d", "p")


_WORDS_AFTER = 16  # characters at most of a predicate read as a name (as words_after reads)
_PREDICATE_OPENINGS = frozenset({"v", "d", "p"})


_GROUPED_KINDS = BASE_KINDS | {"rate"}  # (常住人口出生率…，死亡率…: a group's rates)
_MIN_OWNER = 2  # characters at least of a group's owner


def _owner_of_group(metric: str, block: Block, sentence_start: int,
                    block_drafts: list[Draft]) -> str:
    """出口 after 外贸进出口总额…, 支出 after 一般公共预算收入…: a bare measure of a group
    (cues.measure_groups) takes the owner of the nearest figure before it in its sentence named
    with a measure of its group (a level or its growth) (外贸出口, 一般公共预算支出). The name as it
    is when that figure names no owner (进出口总额…、出口…) or none is named with the group."""
    group = measure_group(metric)
    if not group:
        return metric
    # (in its sentence, to its ；, 。 or line's end: not back into the sentence before, for an
    # item of 其中 that opens one; a paragraph break a writer puts after a full stop, or a ；
    # for a 。, must not change the name)
    for draft in reversed(block_drafts[-MAX_CHAIN:]):
        if draft.figure.lstart < sentence_start:
            break
        if draft.kind not in _GROUP_MODELS or not any(m in draft.metric for m in group):
            continue  # (a share or a rank names its whole or its list too)
        owner = owner_in_group(metric, draft.metric)
        if owner:
            return owner + metric
        break  # (the nearest figure of the group names no owner: none further back is read)
    return metric


_NAMED_MEASURES = BASE_KINDS | {"growth"}  # kinds whose name is the measure's alone
_GROUP_MODELS = _NAMED_MEASURES | {"rate"}  # kinds whose name may own a group's bare measure


_SIZED_KINDS = BASE_KINDS | {"rank"}  # 总额突破8000亿元, 规模居全国第5位


def _size_of_flow(metric: str, sentence_start: int, block_drafts: list[Draft]) -> str:
    """外贸进出口总额 of …外贸进出口增长6.7%，总额突破6000亿元: a bare word of size
    (cues.size_words) is the size of the figure before it in its sentence (past the durations)
    when that one is named by its own words, a level or its growth, and by no verb of flow
    (新增…，总量…: the stock's, :func:`_stock_after_flow`); the name as it is otherwise."""
    for draft in reversed(block_drafts[-MAX_CHAIN:]):
        if draft.figure.lstart < sentence_start:
            break
        if draft.kind == "duration":
            continue
        named = draft.metric
        if draft.metric_from == "before" and draft.kind in _NAMED_MEASURES and (
                len(named) >= _MIN_OWNER and _HAN_WORDS.fullmatch(named)) and not named.startswith(
                load_vocabulary().cues.flow_verbs_over_lists) and not named.endswith(
                load_vocabulary().cues.size_words):
            return named + metric
        break
    return metric


_SHARED_WORD = 2  # characters at least of a word a share's name shares with the figure it describes


def _share_of_described(metric: str, described: str) -> str:
    """The name of a share that names the figure it describes by its noun alone (比重 after
    矿产品出口交货值86.5亿元) or by its noun after a word of that figure's name (装机占比 after
    风电光伏发电装机规模…): the figure's share, the figure's name up to that word opening it
    (矿产品出口交货值比重, 风电光伏发电装机占比); ``""`` when the share names a part of its
    own (小麦占比 after 粮食产量) or there is nothing to add.

    >>> _share_of_described("装机占比", "风电光伏发电装机规模"), _share_of_described("小麦占比", "粮食产量")
    ('风电光伏发电装机占比', '')
    """
    noun = next((noun for noun in load_vocabulary().cues.share_nouns if metric.endswith(noun)), "")
    if not noun or not described:
        return ""
    part = metric[: -len(noun)]
    if not part:
        return described + metric
    at = described.find(part) if len(part) >= _SHARED_WORD else -1
    return described[:at] + metric if at > 0 else ""


# a basis of measurement named alone (按资产总额计算, 按工业总产值计算): no measure of its own
_MEASURING_BASIS = regex.compile(r"按\p{Han}{2,10}计算")
_OPENING_CLAUSE = regex.compile(r"[^，,；;：:。]{2,30}[，,]")


def _opening_measure(block: Block, sentence_start: int, clause_start: int,
                     places: frozenset[str]) -> str:
    """国有控股企业占全部工业的比重 of 2000年国有控股企业占全部工业的比重，按…计算为…: the name
    of the clause that opens the sentence, with no figure of its own, before the figure's
    clause; ``""`` for none."""
    opening = _OPENING_CLAUSE.match(block.text, sentence_start, clause_start)
    if opening is None or any(character.isdigit() for character in _YEARLESS.sub("", opening.group())):
        return ""
    return clean_metric(opening.group()[:-1], places)[0]


_YEARLESS = regex.compile(r"(?:19|20)[0-9]{2}年")  # (a year opening the clause is no figure)
_CONVERSION_WORD = 4  # characters at most of a word of conversion (折, 折合, 折算约合): most names are longer
# 按年平均汇率|折算: the exchange rate a conversion is made at, no word of a name
_AT_RATE = "按"
_RATE_BASIS = regex.compile(r"^按[^，,。；;]{0,12}?汇率")


# what stands between two items of one list of cases: a list mark, with the item's name before
# or after it (…建议210件、政协提案…; 210件人大代表建议、305件…), and no clause mark
_ONE_LIST = regex.compile(r"[^，,。；;：:、和及与]*[、和及与][^，,。；;：:、]*")


def _bare_action_rate(name: str) -> bool:
    """办复率, 按时办结率, 满意率, 满意度: the rate of an action, with no noun saying of what
    (not 床位使用率, 利润率, 城镇化率: a thing's)."""
    if name == _SATISFACTION:
        return True  # (…提案…件…办结，满意度…: how satisfied with their handling)
    if len(name) < 3 or not name.endswith("率"):
        return False
    return not any(pos_tag(token) in _THING_TAGS for token in _tokens(name[:-1]))


_SATISFACTION = "满意度"


def _items_counted_before(block_drafts: list[Draft], block: Block, sentence_start: int) -> str:
    """The things the sentence (from ``sentence_start``) counted last in cases or items (cues.case_units:
    件, 宗, 起): 办理人大代表建议287件、政协委员提案463件 → 人大代表建议和政协委员提案, the verb of
    handling (cues.handling_verbs) left out; ``""`` when there is none."""
    cues = load_vocabulary().cues
    units = cues.case_units
    names: list[str] = []
    later: Draft | None = None
    for draft in reversed(block_drafts[-MAX_CHAIN:]):
        if draft.figure.lstart < sentence_start or draft.kind != "count" or (
                draft.figure.unit not in units) or not draft.metric:
            break
        if later is not None and not _ONE_LIST.fullmatch(block.text, draft.figure.lend, later.figure.lstart):
            break  # (…210件、政协提案305件, 210件…建议、305件…: one list; 210件，…: another clause)
        # 高质量办理|省人大代表建议, …亮化等|人大代表建议: what is handled, after the verb
        # of handling and the examples (the segmenter tags 办理 a noun: the words tell)
        name = draft.metric
        for verb in cues.handling_verbs:
            at = name.rfind(verb)
            if at >= 0 and len(name) > at + len(verb) + 1:
                name = name[at + len(verb):]
        examples = name.rfind("等")
        names.insert(0, name[examples + 1:] if 0 <= examples < len(name) - 2 else name)
        later = draft
    if any(len(name) <= _BARE_CASES for name in names):
        return ""  # (受理案件6930件，调解成功率…: 案件 alone says no more than the rate)
    return "和".join(names)


_BARE_CASES = 2  # characters: 案件, 投诉 — a word for cases in general


def _stock_after_flow(metric: str, clause: str, previous: Draft, same_sentence: bool = False) -> str:
    """新增专精特新企业86家、累计达到520家: a total after a flow is the stock the flow adds to,
    named without the verb of flow (专精特新企业; 累计入选… where the verb stays, 高新技术企业总数
    for 总数), and so is a level the clause reaches with no name of its own (新增…县2个、达到29个:
    the counties there are now). Not a cumulative flow (累计新增城镇就业: the verb is the clause's
    own)."""
    flows = load_vocabulary().cues.flow_verbs_over_lists
    verb = next((v for v in flows if previous.metric.startswith(v)), "") or _new_verb(previous.metric)
    cumulative = "累计" in clause and not clause[clause.index("累计") + 2:].startswith(flows) or (
        metric == previous.metric and clause.startswith(LEVEL_REACHED_VERBS) and previous.kind == "count")
    totals = _word_sets()["stock_totals"]  # 新增…1200家，总数达1.5万家: the stock's own word
    # (…大飞机2个|国家先进制造业集群、总数达4个: the things a count of the sentence named just
    # before, with no verb where the list of examples before the count took it)
    bare_count = not verb and metric == _COUNT_TOTAL and same_sentence and previous.kind == "count" and (
        _bare_item(previous.metric))
    if not bare_count and (not verb or not (cumulative or metric in totals) or len(previous.metric) <= len(verb)):
        return metric
    stock = previous.metric[len(verb):]
    if metric in totals:
        # 城市轨道交通运营|里程 + 总里程, 高速公路|长度 + 总长: the flow's own measure gives
        # way to the total's (a word of the stock's end that the total's measure is in)
        tokens = _tokens(stock)
        if len(tokens) > 1 and (metric[1:] in tokens[-1] or tokens[-1] in metric[1:]):
            stock = "".join(tokens[:-1])
        return stock + metric
    # 新入选 → 累计入选: a verb of its own after 新; 新增, 新建: the verb is only the flow's
    kept = verb[1:] if verb.startswith("新") and len(verb) > 2 else ""
    return f"累计{kept}{stock}" if kept else stock


def _steps_of_listed_levels(step: str, figure: Figure, block: Block, block_drafts: list[Draft]) -> str:
    """经济总量连跨3万亿元、4万亿元|两个|台阶: the steps a list of levels crossed, counted in words
    right after as many levels joined by list marks alone, are named as steps counted before
    their levels are (地区生产总值连跨2个万亿元台阶): the levels' thing, the verb of the level reached,
    the levels' unit and the step (经济总量连跨万亿元台阶); ``step`` alone otherwise."""
    count = int(figure.value) if figure.value == int(figure.value) else 0
    listed = block_drafts[-count:] if 2 <= count <= len(block_drafts) else []
    text = block.text
    if not listed or listed[-1].figure.lend != figure.lstart or any(
            text[before.figure.lend:after.figure.lstart] not in COUNTS_JOINED
            for before, after in pairwise(listed)) or len({d.figure.unit for d in listed}) != 1:
        return step
    first = listed[0]
    left = text[block.clause_start(first.figure.lstart):first.figure.lstart]
    verb = suffixes(_word_sets()["level_verbs"]).longest(left)
    unit = _LEADING_NUMBER.sub("", first.figure.surface)
    return f"{first.metric}{verb}{unit}{step}" if verb and first.metric and unit else step


_LEADING_NUMBER = re.compile(r"^[^\u4e00-\u9fff]*[0-9.]+")  # 3万亿元 → 万亿元


_COUNT_TOTAL = "总数"  # the total of things counted (not 总面积 after a count: 海外仓数量…，总面积…)


def _things_before(text: str, start: int, end: int) -> str:
    """The things a count in words names when it closes the clause before ``end`` (from
    ``start``, across a 、-list's items): …装备制造|2个|国家先进制造业集群 → 国家先进制造业集群;
    ``""`` when no such count closes it.

    >>> _things_before("新增电子信息、装备制造2个国家先进制造业集群、", 0, 22)
    '国家先进制造业集群'
    """
    start = max(0, text.rfind("，", 0, end) + 1, text.rfind("。", 0, end) + 1, start)
    counts = list(_COUNT_IN_CLAUSE.finditer(text, start, end))
    if not counts:
        return _subject_of_flow(text[start:end])
    rest = text[counts[-1].end():end]
    return rest if _right_noun(rest, True) == rest else ""


def _subject_of_flow(clause: str) -> str:
    """5A级景区 of 5A级景区|新增|某古城: the things a flow with no count added to, written
    before its verb (cues.flow_verbs_over_lists), when they are a bare noun phrase; ``""``
    otherwise.

    >>> _subject_of_flow("5A级景区新增某古城"), _subject_of_flow("全力新增某古城")
    ('5A级景区', '')
    """
    cues = load_vocabulary().cues
    at = min((found for verb in cues.flow_verbs_over_lists if (found := clause.find(verb)) > 0), default=-1)
    subject = clause[:at].strip() if at > 0 else ""
    # (not an adverb the segmenter tags a noun, 全力|新增…, nor a scope: no things of their own)
    return subject if len(subject) >= _MIN_OWNER and _NAME_WORDS.fullmatch(subject) and (
        _bare_item(subject)) and not subject.startswith((*cues.effort_adverbs, *cues.scope_words)) else ""


_NAME_WORDS = regex.compile(r"[\p{Han}A-Za-z0-9]+")  # 5A级景区: a grade's letters are the name's


_COUNT_IN_CLAUSE = COUNT_OF_THINGS
# a figure-first list after its first count: the item, more counts and their items, and the last
# (…国家级、|15个|省级重点实验室) closing its clause
_LIST_PIECE = regex.compile(rf"(?P<item>\p{{Han}}{{2,8}})(?:[、，,]{_COUNT_IN_CLAUSE.pattern}\p{{Han}}{{2,8}}){{0,3}}?"
                            rf"[、，,]{_COUNT_IN_CLAUSE.pattern}(?P<last>\p{{Han}}{{3,16}})(?:[，,。；;]|$)")


def _new_verb(name: str) -> str:
    """新结对 of 新结对国际友好城市: 新 and a verb after it open a flow as the listed ones do
    (cues.flow_verbs_over_lists: 新增, 新认定…); ``""`` for any other name.

    >>> _new_verb("新结对国际友好城市"), _new_verb("新能源汽车")
    ('新结对', '')
    """
    if not name.startswith("新"):
        return ""
    tokens = _tokens(name[1:])
    return "新" + tokens[0] if len(tokens) > 1 and len(tokens[0]) > 1 and pos_tag(tokens[0]) == "v" else ""


_STREAK_KINDS = frozenset({"duration", "count"})
_SPACES = frozenset(" \u3000")


def _streak(figure: Figure, words: PhraseAnalysis, metric: str, how: str,
            block_drafts: list[Draft], places: frozenset[str]) -> str:
    """The name of a streak's length after 连续 (streak.py), ``""`` when its clause goes on with
    no predicate to name."""
    right = words.right
    if not right and words.tail[:1] in _SPACES:
        # 连续9年 位居…: a space the segmenter reads as a clause end, where the text goes on
        rest = words.tail.lstrip("".join(_SPACES))
        end = _CLAUSE_END.search(rest)
        right = rest[:end.start()] if end else rest
    measure, predicate = streak_measure(figure, right)
    if not measure:
        return ""
    level = ""
    if (how == "after" or not metric) and level_predicate(predicate) and (
            _no_subject_before_years(words.clause)):
        found = _level_before(block_drafts, words.sentence_start)
        level = found.metric if found is not None and found.kind != "rank" else ""
    owner = streak_owner(metric, how, words.clause, level, _ranking_in(words.left, places), places)
    return streak_name(owner, measure, predicate)


def _level_before(block_drafts: list[Draft], sentence_start: int) -> Draft | None:
    """The last level of the sentence (from ``sentence_start``), past the durations and the figures
    that describe a figure (产量712亿斤，增长0.8%，连续五年…: 712亿斤)."""
    for draft in reversed(block_drafts[-MAX_CHAIN:]):
        if draft.figure.lstart < sentence_start:
            return None
        if draft.kind != "duration" and draft.of is None:
            return draft
    return None


def _sub_item(metric: str, clause: str, previous: Draft, figure: Figure, kind: str,
              opened: bool = False) -> str:
    """其中 opens an item of the total just named (in its clause, or ``opened``: 其中 and a mark
    before it): a modifier alone (其中国家级31家, after 省级以上重点实验室86家) takes the total's
    head, after the flow verb the total opens with (新认定专精特新企业…，其中国家级… → 新认定国家级
    专精特新企业), and a narrower noun the rest of its name (其中新能源汽车增长12.4倍, after
    汽车产量增长1.5倍). A name of its own (其中医院310个) stays; people counted under it
    (其中医院937万人) are its people of the total's kind (医院卫生人员)."""
    opening = clause.lstrip("，,；;：: ")
    if not opened and not opening.startswith(cue_words("sub_item_markers")):
        return metric
    total = previous.metric
    same_measure = (previous.figure.unit == figure.unit if kind in BASE_KINDS
                    else previous.kind == kind)
    if not total or total == metric or not same_measure:
        return metric
    if metric in cue_set("flow_verbs_over_lists") and not total.startswith(_carried_verbs()):
        # 民用汽车…，其中本年|新注册|…万辆: a flow alone of the total's things, named with them
        return total + metric
    if metric.endswith(_PROGRAMME) and kind in _BUILT_KINDS and _HAN_WORDS.fullmatch(total) and (
            _PROGRAMME not in total):
        # 完成营造林…万亩、其中|三北工程|…万亩: the part a programme did of the total's work (its
        # verb of flow no word of the part's: 新增营造林…、其中…工程… → …工程营造林)
        return metric + total[len(_verb_run(total)):]
    if kind == "count" and figure.unit in cue_set("person_counters") and metric.endswith(
            cue_words("institution_heads")) and not total.endswith(cue_words("institution_heads")):
        # 卫生人员…万人，其中：医院…万人: people counted under an institution's name are its part of
        # the total's people (医院卫生人员), not a count of the institutions
        return metric + total
    if _modifier(metric) and (len(_tokens(metric)) == 1 or _level_prefix(metric) == metric):
        # 省级以上|重点实验室: the total's head after its own modifiers (地（市）级: one level)
        verb = next((v for v in _carried_verbs() if total.startswith(v)), "")
        tokens = _tokens(total[len(verb):])
        start = 0
        while start < len(tokens) - 1 and (_modifier(tokens[start]) or tokens[start] in _BOUND_WORDS):
            start += 1
        return verb + metric + "".join(tokens[start:]) if start < len(tokens) else metric
    tokens = _tokens(total)
    # where the total's words meet, and inside a word made of two (汽车|产量 in 汽车产量)
    boundaries = sorted(set(accumulate(len(token) for token in tokens[:-1])) | {
        at for at in range(2, len(total) - 1) if is_word(total[:at]) and is_word(total[at:])})
    for cut_at in reversed(boundaries):
        # 新能源汽车 + 汽车|产量: the total opens with words the item's name ends with
        rest = total[cut_at:]
        if (cut_at >= 2 and metric.endswith(total[:cut_at]) and len(metric) > cut_at
                and _HAN_WORDS.fullmatch(rest) and pos_tag(_tokens(rest)[0]).startswith(_NOMINAL_TAGS)):
            return metric + rest
    return metric


def _staff_carried(metric: str, text: str, figure: Figure, sentence_start: int,
                   block_drafts: list[Draft]) -> str:
    """…其中：医院937万人（…），基层医疗卫生机构526万人: people counted under an institution's
    name after such a part named with the total's people (医院卫生人员) are that kind of people
    too (基层医疗卫生机构卫生人员), and so are they after a heading of their breakdown that opens
    the sentence (卫生人员机构分布：医院…万人); ``metric`` otherwise."""
    if figure.unit not in cue_set("person_counters"):
        return metric
    heads = cue_words("institution_heads")
    for draft in reversed(block_drafts[-MAX_CHAIN:]):
        if draft.figure.lstart < sentence_start:
            break
        if draft.kind != "count":
            continue
        if draft.figure.unit != figure.unit:
            return metric
        ends = [draft.metric.rfind(head) + len(head) for head in heads if head in draft.metric]
        staff = draft.metric[max(ends):] if ends else ""
        if len(staff) >= _MIN_OWNER and not staff.endswith(heads) and _HAN_WORDS.fullmatch(staff):
            return metric + staff
        break  # (the part before named as this one is: a heading may name their people)
    heading = _BREAKDOWN_HEADING.match(text, sentence_start, figure.lstart)
    return metric + heading[1] if heading is not None else metric


# the heading of a breakdown of people that opens a sentence (2024年末|卫生人员|机构分布：)
_BREAKDOWN_HEADING = regex.compile(
    r"\s*(?:[0-9]{4}年(?:末|底)?)?(\p{Han}{0,6}?(?:人员|职工|人口|学生|教师))\p{Han}{0,4}?分布[：:]")


_MARKED_OPENING = 4  # characters read before a clause for 其中 and its mark
_PROGRAMME = "工程"  # 三北工程, …绿化工程: a programme of works
_PURPOSE = "用于"  # (其中用于社会福利…: the part of a total spent on a purpose)


def _purpose_of_total(metric: str, text: str, figure: Figure, sentence_start: int,
                      block_drafts: list[Draft]) -> str:
    """福利彩票公益金用于养老服务 for 用于养老服务 of 共支出福利彩票公益金12.6亿元，其中用于养老服务
    8.1亿元，用于儿童福利…: a part of a total named by its purpose alone, after 其中 (past the
    total's growth), is the total's (its verb left out), and so is the next part named so; a
    name of a purpose with no total before it stays (统筹…资金|用于援企稳岗)."""
    for draft in reversed(block_drafts[-MAX_CHAIN:]):
        if draft.figure.lstart < sentence_start:
            return metric
        if draft.figure.unit != figure.unit or draft.kind not in BASE_KINDS:
            continue  # (比上年下降14.4%: the total's growth, passed over)
        at = draft.metric.find(_PURPOSE)
        if at > 0:  # (…，用于儿童福利…: the part before named the total)
            return draft.metric[:at] + metric
        if not any(marker in text[draft.figure.lend:figure.lstart] for marker in cue_words("sub_item_markers")):
            return metric  # (其中 opens the parts of the total)
        tokens = _tokens(draft.metric)
        owner = "".join(tokens[1:]) if len(tokens) > 1 and pos_tag(tokens[0]).startswith("v") else draft.metric
        return owner + metric if owner else metric
    return metric



# a level word, with the bracket that lists what it covers (地（市）级, 县（区、县级市）级)
_LEVEL_WORD = regex.compile(rf"\p{{Han}}{{1,4}}(?:[（(][\p{{Han}}、]{{1,8}}[）)])?{_LEVEL}")


def _level_with_bound(name: str) -> str:
    """省级以上 of 省级以上绿色工厂: the level a name opens with and the bound after it, if any.

    >>> _level_with_bound("省级以上绿色工厂"), _level_with_bound("国家级园区"), _level_with_bound("园区")
    ('省级以上', '国家级', '')
    """
    level = _level_prefix(name)
    return level + next((bound for bound in _LEVEL_BOUNDS if name.startswith(bound, len(level))), "") if level else ""


def _level_prefix(name: str) -> str:
    """国家级 of 国家级湿地公园, 地（市）级 of 地（市）级妇幼保健机构: the level a name opens
    with, ``""`` for none."""
    at = name.find(_LEVEL) + 1
    return name[:at] if at and _LEVEL_WORD.fullmatch(name, 0, at) else ""


def _later_level(metric: str, between: str, previous: Draft, figure: Figure) -> str:
    """…其中国家级3家，省级21家、市级62家: a level alone (``metric``), after a figure named with
    a level and a noun (国家级农业产业化龙头企业) with only a list's mark and the level between
    them (``between``), counts the same things at its level: 省级农业产业化龙头企业, after the
    flow verb the name before opens with (新认定国家级… → 新认定省级…). Other names stay."""
    if between[:1] not in _LIST_COMMAS or _level_prefix(metric) != metric or (
            not _LEVEL_WORD.fullmatch(between, 1)) or previous.kind != "count" or (
            previous.figure.unit != figure.unit):
        return metric
    verb = next((v for v in _carried_verbs() if previous.metric.startswith(v)), "")
    named = previous.metric[len(verb):]
    level = _level_prefix(named)
    head = named[len(level):]
    if not level or not _HAN_WORDS.fullmatch(head) or head.startswith(_BOUND_WORDS):
        return metric
    return verb + metric + head


@lru_cache(maxsize=1)
def _carried_verbs() -> tuple[str, ...]:
    """The verbs a 、-list writes once for all its items, longest first (新改建 before 改造)."""
    return tuple(sorted(verbs_over_lists(), key=lambda v: (-len(v), v)))


@lru_cache(maxsize=1)
def _counted_verbs() -> tuple[str, ...]:
    """The verbs of a list and those that say which of the things are counted (cues.counting_verbs:
    续建, 开通), longest first: what opens examples closed by 等 right before a count."""
    return tuple(sorted(list_or_counting_verbs(), key=lambda v: (-len(v), v)))


@lru_cache(maxsize=1)
def _list_openers() -> tuple[str, ...]:
    """What a noun-first item's name may open with for its verb to be carried over the list:
    a verb of the list (:func:`_carried_verbs`) or a verb of planning before one (布局建设)."""
    return (*_carried_verbs(), *load_vocabulary().cues.planning_verbs_over_lists)


_ONE_OF = "之一"
_JOINED_ITEM_ENDS = ("和", "及", "与")  # what joins a noun item to a count after it
_NOTE_IN_ITEM = regex.compile(r"[（(][^（()）]{1,12}[）)]")  # 国家医学中心（中医类）: a bracket note


def _verbs_over_joined(left: str, places: frozenset[str]) -> str:
    """获批建设 of 获批建设|国家医学中心（中医类）|和|12个…: the verbs a list of two things
    joined by 和 opens with, one named without a count and the next counted, when they are a
    list's verbs (cues flow/done_verbs_over_lists, after a verb of selection or of planning:
    获批, 布局) or a verb of selection alone (获评), and the first thing is a noun of its own
    words (a bracket note in it left out); ``""`` otherwise."""
    name = clean_metric(left, places)[0]
    if not name.endswith(_JOINED_ITEM_ENDS):
        return ""
    body = name[:-1].removesuffix("以")  # (…以及)
    cues = load_vocabulary().cues
    opener = max((v for v in (*cues.selecting_verbs, *cues.planning_verbs_over_lists)
                  if body.startswith(v)), key=len, default="")
    run = _verb_run(body[len(opener):])
    if not run and opener not in cues.selecting_verbs:
        return ""
    verbs = opener + run
    item = _NOTE_IN_ITEM.sub("", body[len(verbs):])
    return verbs if len(item) >= 2 and _HAN_WORDS.fullmatch(item) and _bare_item(item) else ""


def _verb_before_examples(block: Block, words: PhraseAnalysis, metric: str,
                          previous: Draft | None, counting: bool = False) -> str:
    """新增 of 新增甲、乙等|科技成果转化企业|1196家: the verbs that open a list of examples closed
    by 等 before the noun a count names (``metric``, the examples left out), when they are a
    list's verbs (cues flow/done_verbs_over_lists: rule 7 keeps them) and no figure stands in
    the list; ``""`` otherwise (推进…等|…项目: a verb of effort goes). With ``counting``, the
    examples close right before the count (续建甲、乙等|7个|铁路项目) and the verbs that say which
    of the things are counted (cues.counting_verbs: 续建, 开通) are taken too."""
    clause = words.clause
    at = clause.rfind("等")
    if not clause.endswith(metric, at + 1):
        return ""
    end = words.clause_start + at
    start = examples_start(block, words.clause_start, end)
    if previous is not None and previous.figure.lend > start:
        return ""  # (…80个、农家书屋等…: a figure inside the list)
    stop = _LIST_COMMA.search(block.text, start, end)
    first = block.text[start:stop.start() if stop is not None else end]
    opening = _tokens(first)[0] if first else ""
    if len(opening) > 1 and pos_tag(opening) in HOW_TAGS and len(first) > len(opening):
        first = first[len(opening):]  # (高效|办理…等|建议: how the work was done goes)
    verbs = _verb_run(first, _counted_verbs() if counting else None)
    # (the verbs are words of their own: not 建设|银行, one word; and all the verbs: not 新建|
    # 扩建|…, a verb of no list after them)
    tokens = _tokens(first)
    taken = len(_tokens(verbs)) if verbs else 0
    return verbs if verbs and "".join(tokens[:taken]) == verbs and taken < len(tokens) and (
        not _is_verb(pos_tag(tokens[taken]))) and _HAN_WORDS.fullmatch(first[len(verbs):]) else ""


_LAST_ITEM_JOINS = frozenset("和及")  # what joins a list's last item to the one before
_LIST_COMMA = regex.compile("[、，,]")
_DURATION = "duration"
_ITEM_FIGURES = frozenset({"before", "previous"})  # how an item's figures are named
_FIGURE_AT_END = regex.compile(r"[0-9][0-9.]*[万亿]?\p{Han}{1,2}$")  # …电视剧|120部
_MEASURE_NOUN_ENDS = ("量", "额", "值", "率")  # 产量, 销售额, 产值: a measure's name, no thing


def _output_carried(metric: str, text: str, previous: Draft, figure: Figure) -> str:
    """天然气产量 of 生产原油186万吨、天然气43.2亿立方米: the verb of output written once before a
    、-list (cues.output_verbs) is every product's, whatever their units, and so is the measure
    of output it names (原油产量 for the first; written with ， as well); ``metric`` when the
    item before was named otherwise or this one is no bare product."""
    outputs = load_vocabulary().cues.output_verbs
    measure = next((m for m in outputs.values() if previous.metric.endswith(m)), "") if outputs else ""
    between = text[previous.figure.lend:figure.lstart]
    # (、 or ，and the item's name alone between the figures: a writer's choice of mark)
    if not measure or previous.metric_from not in _ITEM_FIGURES or metric.endswith(measure) or (
            between[:1] not in _LIST_COMMAS or between[1:] != metric) or not _bare_item(metric):
        return metric
    product = previous.metric[:-len(measure)]
    before = text[:previous.figure.lstart].rstrip()
    if previous.metric_from == "previous":  # (电视剧120部|3600集: the item's second figure)
        before = _FIGURE_AT_END.sub("", before)
    if not any(before.endswith(verb + product) for verb in outputs):
        return metric
    return metric + measure


def _measure_of_item(metric: str, text: str, previous: Draft, figure: Figure, sentence_start: int) -> str:
    """社会消费品零售总额增量 for 增量 of 社会消费品零售总额突破9000亿元、五年增量超过1500亿元: a measure
    of a measure (cues.measures_of_a_measure) alone in the clause right after an item of its
    sentence that names a measure is of that measure, the measure's last word written again
    (…经费投入增长9%、投入强度…) or the years it ran over (五年) before it; ``metric`` otherwise.

    >>> from ipextract import extract
    >>> [r.metric for r in extract("地区生产总值迈上3万亿元台阶、增量超过2000亿元。").records]
    ['地区生产总值', '地区生产总值增量']
    """
    if previous.metric_from != "before" or previous.figure.lstart < sentence_start or (
            not previous.metric.endswith(_item_measures()[1])):
        return metric
    between = text[previous.figure.lend:figure.lstart]
    marks = list(_ITEM_MARK.finditer(between))
    # (…410亿斤、实现“十连丰”，增量…: a clause of what the measure did between, a verb
    # and no figure, is no item of its own)
    if not marks or len(marks) > _DID_BETWEEN + 1 or len(marks) > 1 and (
            not _did_between(between[marks[0].end():marks[-1].start()])):
        return metric
    said = between[marks[-1].end():]
    before = said[:said.find(metric)] if metric in said else None
    if before is None or before and not previous.metric.endswith(before) and (
            _YEARS_RUN.fullmatch(before) is None):
        return metric
    return previous.metric + metric


_ITEM_MARK = re.compile("[、，,；;。！？!?]")  # what ends an item (a full stop: no item after)
_DID_BETWEEN = 1  # clauses of what the measure did, between it and its measure


def _did_between(clause: str) -> bool:
    """实现“十连丰”: a clause (between two marks) that opens with a verb and holds no digit."""
    words = _tokens(clause.strip())
    return bool(words) and pos_tag(words[0]).startswith("v") and not _ANY_DIGIT.search(clause)
_YEARS_RUN = re.compile("[一二两三四五六七八九十]{1,2}年")  # 五年|增量: the years a change ran over


def _measure_carried(metric: str, text: str, previous: Draft, figure: Figure, kind: str) -> str:
    """储能装机 of 火电装机130万千瓦、储能60万千瓦: the measure the item before closes with
    (cues measure_nouns, list_measure_nouns, carried_measures), written by it, is this item's too
    when only a comma and a bare thing of no measure of its own stand between and both figures
    have one unit and kind (the writer left the measure out, not a figure of another measure);
    ``metric`` otherwise."""
    between = text[previous.figure.lend:figure.lstart]
    if previous.metric_from not in _ITEM_FIGURES or previous.kind != kind or (
            previous.figure.unit != figure.unit) or between[:1] not in _LIST_COMMAS or (
            between[1:] != metric) or not _bare_item(metric):
        return metric
    measures, endings = _item_measures()
    if metric.endswith(endings):
        return metric
    measure = max((m for m in measures if previous.metric.endswith(m) and len(previous.metric) > len(m)),
                  key=len, default="")
    if not measure or not text[:previous.figure.lstart].rstrip().endswith(measure):
        return metric
    return metric + measure


@lru_cache(maxsize=1)
def _item_measures() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The measures an item may close with (cues measure_nouns, list_measure_nouns,
    carried_measures), and the endings of a name that has a measure of its own (those and
    cues.measure_endings)."""
    cues = load_vocabulary().cues
    measures = (*cues.measure_nouns, *cues.list_measure_nouns, *cues.carried_measures)
    return measures, (*measures, *cues.measure_endings)


def _flow_carried(metric: str, text: str, previous: Draft, figure: Figure, kind: str) -> str:
    """新增专业技术人才12.1万人、技能人才15.3万人: the flow verb of the item before is this
    item's too, when only a comma (、 or ，: a writer's choice between the two must not change the
    records) and a bare noun of the same measure (of any measure word, for counts: 绿色工厂…家、
    绿色工业园区…个) stand between (not 、农村劳动力转移就业, an item with a verb of its own).
    A list written with 、 ends at a ， (…、产业集群9个，|龙头企业119家: a clause of its own)."""
    verbs = _carried_verbs()
    verb = _verb_run(previous.metric)
    # (what does not depend on the words between is told first: most items fail it, and a
    # quoted name between is then not segmented)
    if (not verb or previous.metric_from != "before"
            or not (_same_measure(previous, figure, kind, metric) or _new_quantities(verb, previous, kind, metric))
            or metric.startswith(verbs)):
        return metric
    # (…80个、农家书屋等|1200个: a list closed by 等; …3.1万套（户）、老旧管道…: a note on the unit
    # before is no word of the list)
    between = text[previous.figure.lend:figure.lstart].removesuffix("等")
    if (note := BRACKET_NOTE.match(between)) is not None:
        between = between[note.end():]
    if between[:1] in _LAST_ITEM_JOINS:
        between = "、" + between[1:]  # (…358户和|种子独角兽企业|1户: the list's last item)
    if _HOLDS_QUOTE(between) is not None:
        if _verb_and_object_after_quote(between):
            return metric  # (…，“双导师制”培养工程硕博士…: how a thing of its own was done)
        between = _QUOTES.sub("", between)  # (…、老年人“时光守护”床位: the name has no quotes)
    if (between[:1] not in _LIST_COMMAS or not between.endswith(metric)
            or between[:1] != "、" and _written_mark(text, previous.figure.lstart,
                                                     previous.metric[len(verb):]) == "、"
            or not _ITEM_WORDS.fullmatch(between[1:])
            or between[1:].startswith(load_vocabulary().cues.sub_item_markers)
            or metric in load_vocabulary().cues.generic_names  # 新增…62家，总数186家: the total
            or _opens_with_new_verb(metric)  # (…，新开设社区食堂8家: a flow verb of its own)
            # (新增新能源汽车2万辆，汽车产量35万辆: a count named by a measure noun is no thing
            # the verb adds)
            or kind == "count" and metric.endswith(_MEASURE_NOUN_ENDS)
            or metric.endswith(load_vocabulary().cues.stock_totals)  # (…，人才资源总量超过650万)
            # (修复草原…，造林42万亩: a work of its own, done to nothing a work before did; not
            # after a verb of flow, 新增国土绿化…、防沙治沙…)
            or metric.endswith(load_vocabulary().cues.works_tagged_nouns) and (
                verb not in load_vocabulary().cues.flow_verbs_over_lists)
            # (…980件，完成|…审查360件: a verb between opens a clause of its own, and so does a
            # scope word: …1万名，全市|人才资源总量…)
            or any(_is_verb(pos_tag(token)) or token in _word_sets()["scope"] and between[:1] != "、"
                   for token in _tokens(between[1:-len(metric)]))):
        return metric
    # the verb is the flow's only one on both sides (not 新增治理水土流失…、石漠化面积, nor
    # 、培育四星级饭店: an item that opens with a verb of its own)
    # (a bracket note is no word of the item: 规上（限上）企业)
    before = _NOTE_IN_ITEM.sub("", previous.metric[len(verb):])
    # (全球前1‰学科、前1%学科: a band of ranks is a word of the item, no clause of its own)
    if not (_bare_or_quoted(_RANK_BAND_IN_ITEM.sub("", before), text, previous.figure.lstart) and _bare_or_quoted(
            _RANK_BAND_IN_ITEM.sub("", metric), text, figure.lstart)) and not _parallel_items(before, metric):
        return metric
    # (、全国技术能手: a scope word the item opens with after a 、 is a word of its designation,
    # as it is of the first item's after the verb, 获评全国劳动模范)
    item = between[1:] if between[:1] == "、" and _HAN_WORDS.fullmatch(between[1:]) else metric
    return verb + _shared_ranking(previous.metric[len(verb):], _shared_level(previous.metric[len(verb):], item))


# a band of ranks inside an item (前1%, 前1‰, 前50强)
_RANK_BAND_IN_ITEM = regex.compile(r"前[0-9.]+(?:%|‰|‱|强|名|位)")


def _shared_ranking(before: str, item: str) -> str:
    """ESI全球前1‰学科、前1%学科 → ESI全球前1%学科: the ranking the item before names before its
    band of ranks is this item's, which opens with a band of its own.

    >>> _shared_ranking("ESI全球前1‰学科", "前1%学科"), _shared_ranking("国家级学科", "前1%学科")
    ('ESI全球前1%学科', '前1%学科')
    """
    if not _RANK_BAND_IN_ITEM.match(item):
        return item
    band = _RANK_BAND_IN_ITEM.search(before)
    return before[:band.start()] + item if band is not None and band.start() > 0 else item


def _award_carried(metric: str, text: str, previous: Draft, figure: Figure) -> str:
    """本省影视作品获飞天奖3项、金鹰奖2项: the winner and the verb of winning (cues.award_verbs)
    the item before is named with are this award's too (本省影视作品获金鹰奖), when only a 、 (or
    a ，: a writer's choice between the two) and the award's name stand between and both name an
    award (cues.award_nouns); ``metric`` otherwise (an item with a verb or a winner of its own)."""
    between = text[previous.figure.lend:figure.lstart]
    if not metric.endswith(cue_words("award_nouns")) or between[:1] not in _LIST_COMMAS or between[1:] != metric:
        return metric
    name = previous.metric
    verb = next((v for v in cue_words("award_verbs") if 0 < name.find(v) < len(name) - len(v)), "")
    if not verb or not name.endswith(cue_words("award_nouns")):
        return metric
    winner = name[:name.find(verb) + len(verb)]
    return winner + metric if len(winner) > len(verb) + 1 else metric


def _opens_with_new_verb(name: str) -> bool:
    """新开设|社区食堂: a name that opens with 新 and a verb in one word (tagged an idiom), a flow
    of its own.

    >>> _opens_with_new_verb("新开设社区食堂"), _opens_with_new_verb("新能源汽车")
    (True, False)
    """
    first = _tokens(name)[0] if name.startswith(_NEW) else ""
    return len(first) > 2 and pos_tag(first[1:]).startswith("v")


_NEW = "新"
_CLOSING_QUOTE = regex.compile("[" + CLOSING_QUOTES + "]")
# the words of a list's item: characters, Latin letters and digits of a grade (5A级景区)
_ITEM_WORDS = regex.compile(r"[\p{Han}A-Za-z0-9%‰‱]+")  # (前1%学科: a band of ranks is a word of it)


def _verb_and_object_after_quote(item: str) -> bool:
    """Whether a quoted name in ``item`` is followed by a verb and its object, two words or more
    (“双导师制”|培养|工程|硕|博士: the way a thing of its own was done), not by verbs and the one
    noun they qualify (“两山”|实践|创新|基地: a compound).

    >>> _verb_and_object_after_quote("，“双导师制”培养工程硕博士"), _verb_and_object_after_quote("、“两山”实践创新基地")
    (True, False)
    """
    closing = _CLOSING_QUOTE.search(item)
    tokens = _tokens(item[closing.end():]) if closing is not None else []
    at = 0
    while at < len(tokens) and pos_tag(tokens[at]) == "v":
        at += 1
    return at > 0 and len(tokens) - at > 1


def _written_mark(text: str, end: int, noun: str) -> str:
    """The mark before a noun-first item (:func:`_mark_before`), read before the noun as
    written: without the level the item before gave it (绿色工业园区 of 国家级绿色工业园区:
    :func:`_shared_level`) where the noun is not written whole."""
    return _mark_before(text, end, noun) or _mark_before(text, end, noun[len(_level_prefix(noun)):])


def _verb_run(name: str, verbs: tuple[str, ...] | None = None) -> str:
    """新建改造 of 新建改造设施农业: the verbs a 、-list carries (:func:`_carried_verbs`, or
    ``verbs``) that open ``name``, one after another, after a verb of planning (布局建设), ``""``
    for none."""
    verbs, at = verbs or _carried_verbs(), 0
    planning = next((p for p in load_vocabulary().cues.planning_verbs_over_lists if name.startswith(p)), "")
    if planning and name.startswith(verbs, len(planning)):
        at = len(planning)
    start = at
    # (one startswith of the whole tuple first: at most places no verb opens there, and the
    # loop over the verbs, a call each, was 65,000 calls a pass over the real work reports)
    while name.startswith(verbs, at) and (
            verb := next((v for v in verbs if name.startswith(v, at)), "")) and at + len(verb) < len(name):
        at += len(verb)
        if name[at:at + 1] in _VERBS_JOINED and name.startswith(verbs, at + 1):
            at += 1  # 新建|和|改造…: two verbs of the list joined by a word
    return name[:at] if at > start else ""


_VERBS_JOINED = frozenset("和及或")  # what may join two verbs of a list (新建和改造, 建设或改造)


_BUILT_KINDS = frozenset({"count", "quantity"})  # things built, counted or measured


def _things_of_verb_alone(metric: str, between: str, previous: Draft, figure: Figure, kind: str) -> str:
    """煤矿投产 of 煤矿开工12处、|投产|8处: an item named by verbs alone (``metric``, all of
    ``between`` after a list's mark; a verbal noun, or 并网, which the segmenter tags a word of
    kind) is of the things the item before names ahead of its own verb, in the same measure
    (新能源开工1500万千瓦、投产… → 新能源投产); ``metric`` otherwise."""
    if not metric or between[:1] not in _LIST_COMMAS or between[1:] != metric or (
            previous.metric_from != "before") or not _same_measure(previous, figure, kind, metric):
        return metric
    own = _tokens(metric)
    # (新开工: a verb of a list the segmenter tags a noun is a verb all the same)
    if len(own) > _VERBS_ALONE or not all(pos_tag(token) in _VERB_ALONE_TAGS or token in _counted_verbs()
                                          for token in own) or (
            len(own) > 1 and _KIND_WORD in map(pos_tag, own)):
        return metric
    # (续建|安置房…，新开工|…套: the things after the item's verb, where the item before opens
    # with a verb of the list and the things alone follow it)
    verb = _verb_run(previous.metric, _counted_verbs())
    after = previous.metric[len(verb):]
    # (安置|房, 棚|改…: the words after the verb, up to a noun, are the things; a verb of the
    # list among them opens an action of its own)
    if verb and after:
        words = _tokens(after)
        return metric + after if metric in _counted_verbs() and pos_tag(words[-1]).startswith(_NOMINAL_TAGS) and (
            not any(word in _counted_verbs() for word in words)) else metric
    # (the things, before a verb of the item's own; or before the verbal nouns of a work done
    # on them, 消毒产品|监督检查…，抽检…: a verb alone after it is done on them too)
    things = things_before_own_verb(previous.metric) or _things_before_work(previous.metric)
    return things + metric if things else metric


def _things_before_work(name: str) -> str:
    """消毒产品 of 消毒产品|监督|检查: the nouns a name opens with before the verbal nouns of a work
    done on them that close it (two at least), ``""`` for none.

    >>> _things_before_work("消毒产品监督检查"), _things_before_work("高等专科学校")
    ('消毒产品', '')
    """
    tokens = _tokens(name)
    work = len(tokens)
    while work and pos_tag(tokens[work - 1]) == _VERBAL_NOUN:
        work -= 1
    if len(tokens) - work < _WORK_WORDS or not work or pos_tag(tokens[work - 1]) != "n":
        return ""
    return "".join(tokens[:work])


_VERBAL_NOUN = "vn"
_WORK_WORDS = 2  # verbal nouns at least of a work that closes a name (监督|检查)


_VERBS_ALONE = 2  # words at most of an item named by its verbs alone (投产, 建成投用)
_KIND_WORD = "b"  # 并网: a verb the segmenter tags a word of kind (大型, 中型 alone name no item)
_VERB_ALONE_TAGS = frozenset({"v", "vn", _KIND_WORD})


def _new_quantities(verb: str, previous: Draft, kind: str, metric: str) -> bool:
    """Whether two quantities of a list in two units share its verb of pure flow (新增|…水体89万
    立方米、|工厂化养殖面积67万平方米: the new area as the new volume), where a verb of building would
    not (建成…线路…、通车里程…: the mileage is no thing built); not an output's measure (…、粮食
    产量…: the harvest, no addition)."""
    return kind == previous.kind == "quantity" and verb in _PURE_FLOWS and not metric.endswith(
        load_vocabulary().cues.measure_nouns)


_PURE_FLOWS = frozenset({"新增", "净增"})  # (what was added, of any measure)


def _same_measure(previous: Draft, figure: Figure, kind: str, metric: str) -> bool:
    """Whether two items of a list may share a verb: counts in any measure word, other kinds
    in the same unit; and a count and a physical
    quantity of things (设施农业10万亩、养殖场200个: things built, counted or measured), not a
    measure (轨道交通线路7条、通车里程400公里: the mileage is no thing built)."""
    if previous.kind == kind and (previous.figure.unit == figure.unit or kind == "count"):
        return True
    return kind != previous.kind and {kind, previous.kind} <= _BUILT_KINDS and (
        not metric.endswith(load_vocabulary().cues.measure_endings + _NAME_ENDINGS))


def _shared_level(before: str, metric: str) -> str:
    """国家级绿色工厂、绿色供应链管理企业 → 国家级绿色供应链管理企业: the level the item before
    opens with (``before``, its verb off) is this item's too, when this one has none and opens
    with the word that follows the level there (a series of one kind of designation); not
    国家级专精特新企业、上市公司, things of another kind."""
    # (自治区级以上|绿色工厂…、绿色园区: the bound of the level is the level's, carried with it)
    level = _level_with_bound(before)
    if not level or _level_prefix(metric) or not metric:
        return metric
    rest, own = _tokens(before[len(level):]), _tokens(metric)
    if not rest or not own:
        return metric
    if rest[0] == own[0] and len(own) > 1:
        return level + metric
    # (国家级|电商|示范企业…、示范园区…: the field of one noun between the level and the word this
    # item opens as is its too, 国家级电商示范园区)
    field = rest[0]
    return level + field + metric if len(rest) > 1 and rest[1][:_SHARED_OPENING] == metric[:_SHARED_OPENING] and (
        len(field) > 1 and pos_tag(field).startswith(_NOMINAL_TAGS)) and len(metric) > _SHARED_OPENING + 1 else metric


_SHARED_OPENING = 2  # characters two items of one kind of designation open with alike (示范|企业, 示范|园区)


def _mark_before(text: str, end: int, noun: str) -> str:
    """The character before ``noun`` written right before ``end`` (the mark before a
    noun-first item: …、|技能人才|15.3万人), ``""`` where the noun is not written there."""
    start = end - len(noun)
    return text[start - 1] if noun and start > 0 and text.startswith(noun, start) else ""


_LEVEL_BOUNDS = ("及以上", "以上")  # 省级以上: the levels a name's things are of, from one up
_LIST_END = re.compile(r"(?:等等?)?$|[和及与][0-9]")  # what may follow a noun that ends an item


def _opens_with_list_verb(name: str) -> bool:
    """新建…, 省科学技术奖获评…: a name that opens with a list's verb (:func:`_list_openers`), or
    with one after a subject of nouns alone (the subject is the list's too).

    >>> _opens_with_list_verb("新建街心花园"), _opens_with_list_verb("省科学技术奖获评一等奖")
    (True, True)
    """
    openers = _list_openers()
    if name.startswith(openers):
        return True
    at = 0
    for token in _tokens(name):
        if pos_tag(token) not in _SUBJECT_TAGS:
            break
        at += len(token)
    return 0 < at < len(name) and name.startswith(openers, at)


def _verb_over_counts(metric: str, between: str, previous: str, right: str) -> str:
    """新建|80个|街心花园、12座|全民健身中心: the verbs of flow or of building (cues.toml
    flow_verbs_over_lists, done_verbs_over_lists) that open a figure-first list's first item
    are every item's, when each item is its count and its noun alone: the item before ends
    with its noun and a mark (``between``), and this one's noun (``metric``, read after its
    count) closes its clause, or the list (等; 和 before the next count). The verbs are the
    words the name before opens with ahead of its noun (引进培育|品牌首店: both).

    >>> _verb_over_counts("全民健身中心", "街心花园、", "新建街心花园", "全民健身中心")
    '新建全民健身中心'
    """
    if _HOLDS_QUOTE(between) is not None:
        between = _QUOTES.sub("", between)  # (5名|“两院”院士、|8个…: the name has no quotes)
    noun = between[:-1]
    if _HOLDS_QUOTE(right) is not None:
        right = _QUOTES.sub("", right)  # (3个|“绿水青山就是金山银山”实践创新基地: the name has no quotes)
    # (新增国家级|重点实验室 before 15个省级…: the head the item before took from the last item)
    if noun and not previous.endswith(noun) and (at := previous.rfind(noun)) > 0 and (
            metric.endswith(previous[at + len(noun):])):
        previous = previous[:at + len(noun)]
    if not between.endswith(COUNTS_JOINED) or not noun or not previous.endswith(noun) or (
            not right.startswith(metric) and not (right and metric.startswith(right))) or (
            _LIST_END.match(right, min(len(metric), len(right))) is None):
        # (…、|9个|国家级、…先进制造业集群: the item the list's head was given to, its head after it)
        return metric
    tokens = _tokens(metric)
    if len(tokens) > 1 and tokens[0] in _word_sets()["generic_counted"] and _is_verb(pos_tag(tokens[1])):
        return metric  # (…，5家|企业|入选…: a generic noun with a predicate of its own)
    outside = _word_sets()["outside_compounds"]
    if any(token in outside for token in tokens[1:]):
        return metric  # (…、6个|实验室|通过|国家评估: any noun with a predicate of its own)
    verbs = previous[:-len(noun)]
    words = _tokens(verbs)
    # (省科学技术奖|获评|3个一等奖、5个二等奖: the subject before the verbs is every item's too)
    subject = next((at for at, token in enumerate(words) if pos_tag(token) not in _SUBJECT_TAGS), 0)
    # (新|培育: a verb of the list the segmenter cuts in two is one word of the list's)
    if metric.startswith(verbs) or not words[subject:] or "".join(words[subject:]) not in _list_openers() and not all(
            _is_verb(pos_tag(token)) or token in _list_openers() for token in words[subject:]):
        return metric  # (在全国率先建设|…: an adverb or a place before the verb is no list's)
    return verbs + metric


def _modifying(tokens: list[str]) -> bool:
    """体育|公园, 供热|管网, 经营|主体: a first word the segmenter tags a verbal noun (vn) that
    qualifies the nouns after it, no verb of the item's own: not a verb of a list (培育|…, 建设|…:
    cues flow/done_verbs_over_lists), and no verb that ends the item."""
    return pos_tag(tokens[0]) == "vn" and len(tokens) > 1 and tokens[0] not in _carried_verbs() and (
        # (劳动|教育|实践|基地: verbal nouns and a verb inside, before the head noun, are the
        # noun's words; a verb that ends the item is a predicate of its own)
        not pos_tag(tokens[-1]).startswith("v")) and (
        pos_tag(tokens[1]) != "a")  # (发展|高效|节水农业: a verb and its object, an adjective first)


# the tags of a subject before a list's verbs (省科学技术奖, 运动员): nouns, not a place word or
# an adverb (全国|率先|建设: how and where, no subject of the list's)
_SUBJECT_TAGS = frozenset({"n", "nz", "j", "eng", "nt"})
_NOUNS_JOINED = frozenset({"和", "及"})  # what joins two nouns inside one item (城中村和危旧房)
# the tags of 村, 园, 厂, 位 cut from the word before them (点 of 服务|点: tagged a numeral)
_BOUND_HEADS = CUT_HEAD_TAGS  # 省级|中心|村, 产业|园: a head cut from its compound
# tags of words cut from a noun inside an item (零|碳 of 国家级|零|碳|工厂: a numeral word)
_INSIDE_ITEMS = ("v", "a", "k", "zg", "q", "m")


def _parallel_items(before: str, item: str) -> bool:
    """退役军人就业、残疾人就业: two items that end with the same word of two characters or more
    (a verbal noun the segmenter tags a verb: 就业) after bare nouns are items of one list.

    >>> _parallel_items("退役军人就业", "残疾人就业"), _parallel_items("退役军人就业", "企业上市")
    (True, False)
    """
    words = _tokens(before)
    last = words[-1] if len(words) > 1 else ""
    return len(last) > 1 and item.endswith(last) and len(item) > len(last) and _bare_item(
        before[:-len(last)]) and _bare_item(item[:-len(last)])


def _bare_or_quoted(name: str, text: str, end: int) -> bool:
    """An item with no verb of its own (:func:`_bare_item`), or one that holds a quoted name,
    written right before ``end`` (…、“一老一小幸福院”300个, “老有所依”驿站120个, 就业“幸福里”
    社区: a name, whatever words it is made of, and bare words around it).

    >>> text = "新建食堂40家、“老有所依”驿站120个"
    >>> _bare_or_quoted("老有所依驿站", text, text.index("120")), _bare_or_quoted("老有所依驿站", text, 9)
    (True, False)
    """
    if _bare_item(name):
        return True
    written = text[max(0, end - len(name) - 2):end]
    opening, closing = written.find("“"), written.find("”")
    if opening < 0 or closing < opening + 2 or written.replace("“", "").replace("”", "") != name:
        return False
    # (就业“幸福里”社区: a quoted name inside the item is one word of it, whatever its words)
    rest = written[:opening] + written[closing + 1:]
    return not rest or _bare_item(rest)


def _bare_item(name: str) -> bool:
    """Whether an item of a list is a noun phrase with no verb of its own: it opens with no
    verb (a verbal noun that qualifies the rest is none: 体育|公园) and ends with a noun, or with
    a head of one character the segmenter cuts from the word before it and does not tag a noun
    (省级|中心|村, 产业|园: a head all the same).

    >>> _bare_item("省级中心村"), _bare_item("体育公园"), _bare_item("培育四星级饭店")
    (True, True, False)
    """
    # (通用|机场, 托|育|中心: a word tagged a verb that qualifies the noun is one word of it)
    modifiers = load_vocabulary().cues.modifying_verbs
    modifier = next(m for m in modifiers if name.startswith(m)) if name.startswith(modifiers) else ""
    tokens = [modifier, *_tokens(name[len(modifier):])] if modifier else _tokens(name)
    if len(tokens) > 2 and tokens[1] in _TYPE_SUFFIXES and not modifier and pos_tag(tokens[0]) == "v":
        # (示范|型|长者食堂: a verb with 型 after it is a word of kind, 示范型, as 学习型 is one:
        # the nouns after it are the item's)
        return all(pos_tag(token).startswith(_NOMINAL_TAGS) for token in tokens[2:])
    # (a verb inside a compound, 概念|验证|中心, or 以上 after a level, 省级|以上, is the
    # noun's: only a verb that opens the item, or ends it, is a clause of its own)
    # (青年|人才, 现代|农业…: a word of kind the segmenter tags a time, before the noun)
    # (a word the segmenter cut from a noun inside the item, 护理|型|…, 农业产业|强|镇, is the
    # noun's: only a word that is never in a name, a preposition, an adverb, a particle…, makes
    # the item more than a noun phrase; a measure word cut from the head, 托|位, is the head's)
    if len(tokens) > 1 and tokens[0] in cue_set("item_determiners"):
        # 各类|管网: the things of every kind, a noun phrase all the same (not 各类…活动|拉动…)
        return all(pos_tag(token).startswith(_NOMINAL_TAGS) for token in tokens[1:])
    last = len(tokens) - 1
    cues = load_vocabulary().cues
    if tokens and (tokens[0].endswith(_carried_verbs()) and tokens[0] not in _carried_verbs() or any(
            token in cues.effort_verbs for token in tokens[1:]) or tokens[0] in cues.deeds_tagged_nouns):
        # (更新改造|…, 分类|实施|…: a verb of its own, in a word or after one; 落地|…项目公司:
        # a deed the segmenter tags a noun)
        return False
    if not modifier and last > 0 and ("和" in name or "及" in name) and (
            joined := [at for at, token in enumerate(tokens) if token in _NOUNS_JOINED]):
        # 城中村|和|危旧房, 智能工厂|和|数字化车间: two nouns joined, each an item's noun
        bounds = [-1, *joined, len(tokens)]
        return all(0 < at < last for at in joined) and all(
            _bare_item("".join(tokens[bounds[k] + 1:bounds[k + 1]])) for k in range(len(bounds) - 1))
    if last > 1 and not modifier and (size := _size_class_words(tokens)):
        tokens = tokens[size:]  # 五百|亿|级|开发区: a class of size, as 百亿|企业 opens with one
        last = len(tokens) - 1
    if last > 0 and not modifier and (_adjectives_open(tokens) or pos_tag(tokens[0]) == "m" and (
            _HAN_WORDS.fullmatch(tokens[0]) and pos_tag(tokens[1]).startswith(_NOMINAL_TAGS))):
        opening = 1
        while pos_tag(tokens[0]) == "a" and pos_tag(tokens[opening]) == "a":
            opening += 1
        tokens = tokens[opening:]  # 老|旧|小区, 零|碳|工厂, 百亿|企业: the noun after them
        last = len(tokens) - 1
    return len(tokens) > bool(modifier) and (
        bool(modifier) or not pos_tag(tokens[0]).startswith("v") or _modifying(tokens)) and all(
        at == 0 and modifier or pos_tag(token).startswith(_NOMINAL_TAGS) or (at < last and pos_tag(token) == "t") or (
            at == last > 0 and token in _word_sets()["nouns_tagged_verbs"]) or (
            pos_tag(token) == _PLACE_CHARACTER_TAG) or (
            at < last and _LATIN_WORD.fullmatch(token)) or (
            0 < at < last and (pos_tag(token).startswith(_INSIDE_ITEMS) or token in _BOUND_WORDS)) or (
            at == last > 0 and len(token) == 1 and pos_tag(token) in _BOUND_HEADS) or (
            at == 0 < last and (pos_tag(token) == "ad" or pos_tag(token) == "a" and (
                len(token) > 1 or _one_adjective_before_noun(tokens))))
        for at, token in enumerate(tokens))


def _size_class_words(tokens: list[str]) -> int:
    """How many of ``tokens`` a class of size written in Chinese numerals and 级 opens them with
    (千亿|级, 五百|亿|级), 0 for none.

    >>> _size_class_words(["五百", "亿", "级", "开发区"]), _size_class_words(["省", "级", "园区"])
    (3, 0)
    """
    at = 0
    while at < len(tokens) and pos_tag(tokens[at]) == "m" and _HAN_WORDS.fullmatch(tokens[at]):
        at += 1
    return at + 1 if at and at < len(tokens) and tokens[at] == _SIZE_CLASS else 0


_SIZE_CLASS = "级"


def _one_adjective_before_noun(tokens: list[str]) -> bool:
    """高|价值|专利…, 大|飞机: an adjective of one character before a noun opens the noun phrase
    (not 好, which completes the verb before it: 办|好…; nor one before a verbal noun, 新|投产:
    a verb of flow)."""
    tag = pos_tag(tokens[1])
    return tokens[0] != _COMPLEMENT and tag.startswith(_NOMINAL_TAGS) and tag != "vn"


_TYPE_SUFFIXES = frozenset({"型", "式"})  # 示范|型, 嵌入|式: the suffix of a word of kind
_PLACE_CHARACTER_TAG = "zg"  # 村|卫生室, 样板|县: a character of a place kind, a noun's
_LATIN_WORD = regex.compile(r"[0-9A-Za-z]*[A-Za-z][0-9A-Za-z]*")  # 5G|基站, AI|大模型: a word of the name


def _sentence_subject(block: Block, figure: Figure, words: PhraseAnalysis, block_drafts: list[Draft],
                      places: frozenset[str]) -> str:
    """The noun phrase that opens the sentence as its subject, for a figure nothing else names
    (地区生产总值迈上新台阶，达到2.3万亿元; 集成电路产量保持20%以上增长、达56亿块): the nominal
    words before the sentence's first verb, ending in a noun. Only when the figure's clause has
    no noun of its own before it (…，高速公路通车里程全国第六、突破8000公里 is the mileage's), and
    every figure between names that same subject or nothing: a sentence that has gone on to
    other things has other subjects."""
    start, clause_start = words.sentence_start, words.clause_start
    scope = _word_sets()["scope"]  # (由全国|第11位: the area of a rank is no noun of its own)
    if clause_start > start and any(pos_tag(token).startswith(_NOMINAL_TAGS) and token not in scope
                                    for token in _tokens(block.text[clause_start:figure.lstart])):
        return ""
    taken: list[str] = []
    verb_follows = False
    for token in _tokens(block.text[start: min(figure.lstart, start + MAX_REACH)]):
        tag = pos_tag(token)
        if tag.startswith(_NOMINAL_TAGS) and not _ANY_DIGIT.search(token) or (
                token in _LIST_COMMAS and taken and taken[-1] not in _LIST_COMMAS):
            # (新能源汽车、储能电池出口…: a list of subjects, with ， too: a writer's choice
            # between the two marks must not change the records)
            taken.append(token)
            continue
        verb_follows = tag.startswith(("v", "d", "a", "p"))
        break
    while taken and taken[-1] in _LIST_COMMAS:
        taken.pop()
        verb_follows = False  # (a list mark before the verb: 经济运行，|增长…: no subject's list)
    # (…电池出口|表现突出: a flow the things have, tagged a verbal noun, heads a subject as a noun does)
    if not taken or not pos_tag(taken[-1]).startswith(_SUBJECT_HEAD_TAGS) and (
            taken[-1] not in cue_set("list_measure_nouns")):
        return ""
    subject = clean_metric("".join(taken), places)[0]
    if not verb_follows and not any(d.figure.lstart >= start and d.metric == subject
                                    for d in block_drafts[-MAX_CHAIN:]):
        return ""  # (人均地区生产总值152380元，…达到23620美元: the first figure's own name)
    # (a count of the noun after it, 跨越3个千亿元台阶, is an object, not another subject)
    if not subject or any(d.figure.lstart >= start and d.kind != "duration" and d.metric
                          and d.metric_from not in ("after", "context") and d.metric != subject
                          for d in block_drafts[-MAX_CHAIN:]):
        return ""
    return subject


_DAYS_COUNTED = "天数"  # 优良天数: days counted, never a percentage of their own
_PERCENT = "%"  # (the unit as resolved: ％ is read as %)
_RATIO = "比例"
# 进出口总值|创|历史新高: words the segmenter tags nouns that open a predicate of a record
_RECORD_PREDICATES = ("创", "再创", "创下", "刷新")


def _piece_subject(block: Block, figure: Figure, words: PhraseAnalysis, block_drafts: list[Draft],
                   places: frozenset[str]) -> str:
    """The subject of the clause right before the figure's, when the figure's own clause names
    nothing (…，突破|1万公里, …，达到|5379亿元): the clause goes on about that subject
    (高速公路通车里程全国第六、突破8000公里 → 高速公路通车里程; 进出口总值创历史新高，达到… →
    进出口总值). The subject is the nominal words that open that clause, past its scope words, up
    to a verb, a number, a word of scope after them (全国第四), a growth noun (…收入增速快于…) or a
    word of a record (创历史新高); ``""`` when that clause has a figure of its own (other than
    a count of the things it acts on, 跨越两个千亿元台阶, or its years, 五年跨过…) or opens with
    no such words."""
    clause_start = words.clause_start
    if clause_start <= words.sentence_start or block.text[clause_start - 1] not in _PIECE_MARKS:
        return ""
    own = block.text[clause_start:figure.lstart]
    if "等" in own or clean_metric(own, places)[0] or any(
            pos_tag(token).startswith(_NOMINAL_TAGS) and pos_tag(token) != "vn" for token in _tokens(own)):
        return ""  # (the figure's clause names a noun of its own; 突破, 达到 are link words)
    scope = _word_sets()["scope"]
    piece_start = max(block.clause_start(clause_start - 1), words.sentence_start)
    if piece_start > 0 and block.text[piece_start - 1] == "、":
        return ""  # (存款、|贷款余额连跨…: the clause before is a list's last item, no subject)
    if any(piece_start <= d.figure.lstart < clause_start and d.kind != "duration" and not (
            d.kind == "count" and d.metric_from == "after") for d in block_drafts[-MAX_CHAIN:]):
        return ""
    stops = load_vocabulary().cues.growth_nouns
    taken: list[str] = []
    tokens = _tokens(block.text[piece_start:clause_start - 1][:MAX_REACH])
    for at, token in enumerate(tokens):
        tag = pos_tag(token)
        if not taken and token in scope:
            continue  # 全省|进出口总值
        if taken and token in NOUN_JOINS and at + 1 < len(tokens) and pos_tag(tokens[at + 1]).startswith(
                _NOMINAL_TAGS):
            taken.append(token)  # 残疾人大学生|和|困难残疾人家庭子女大学生
            continue
        if tag == "nr" or not tag.startswith(_NOMINAL_TAGS) or _ANY_DIGIT.search(token) or token in scope or (
                token in stops or token.startswith(_RECORD_PREDICATES)) or (
                taken and tag in ("l", "i") and pos_tag(taken[-1]).startswith(_PIECE_HEADS)):
            break
        taken.append(token)
    while taken and not pos_tag(taken[-1]).startswith(_PIECE_HEADS):
        taken.pop()
    return clean_metric("".join(taken), places)[0] if len(taken) > 1 or (
        taken and len(taken[0]) > 2) else ""


_BARE_SHARE = len("占比重")  # a share's words that name no whole (占比, 占比重)
_PIECE_MARKS = frozenset("，,、")  # what ends the clause before a figure's, on one sentence
_PIECE_HEADS = (*_SUBJECT_HEAD_TAGS, "vn")  # 水利建设|投资: a verbal noun heads a measure too

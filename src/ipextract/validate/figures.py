"""Checks that compare figures: duplicate_figure, conflict, share_mismatch, sum_mismatch."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from decimal import Decimal
from functools import partial
from itertools import pairwise

import regex

from ..blocks import MAX_REACH
from ..models import Record
from .base import CheckInput, CheckSettings, Finding
from .metrics import metric_key, related_metric, same_metric
from .restatement import (
    SPECIFIC_NAMES,
    described_fit,
    magnitude_slip,
    named_figures,
    restated_finding,
    restated_statements,
    restatement_conflicts,
    restatement_finding,
    stated_year,
    years_apart,
)
from .restatement import comparable as _comparable
from .statements import (
    Frames,
    names_indicator,
    periods_compatible,
    without_aggregation,
)
from .tolerance import agree, intervals_meet, printed_digits, printed_number, record_interval, significant_digits

BASE_KINDS = ("count", "amount", "quantity")
_SHARE_WHOLE = regex.compile(r"占(?P<whole>[^，。；的]{1,30}?)(?:的)?(?:比重|比例|份额)?(?:为|达到|达)?$")
_GENERIC_WHOLE = regex.compile(r"^(?:全市|全省|全国|全区|本市|全部|总|全年)*(?:总量|总数|总额|合计|总计)?$")


def _spans(records: list[Record]) -> tuple[tuple[int, int], ...]:
    return tuple((r.start, r.end) for r in records)


def _chance(digits: int) -> float:
    """How likely one unrelated figure prints the same value with this many digits."""
    return 1 / (9 * 10 ** (digits - 1))


def duplicate_figure(view: CheckInput, settings: CheckSettings) -> list[Finding]:
    """The same distinctive value given for different metrics (a copy-paste slip).

    Figures are grouped by (value, unit), growth rates apart from the other figures of their
    unit and counted among themselves. A group holding more than one
    indicator is flagged,
    once with every spot in it, when a chance coincidence is unlikely: for the closest pair of
    spots, the figures of that unit from one spot to the other, times the chance that one
    unrelated figure prints the same digits, must stay below ``max_expected_coincidences``
    (19.19% twice with six percentages between: 0.0008; 11.7% twice, 40 percentages apart,
    three digits: 0.05 — still flagged only if the threshold allows); and that chance, taken
    over every figure of the unit in the document, below ``max_document_coincidences``: a
    bulletin of 350 percentages holds, by chance, about one pair of equal three-digit values
    two figures apart.

    Figures that are one statement are one indicator (``_one_indicator``): related names, a
    restatement whose companion figures agree too (a level restated with its growth), names
    that differ by a word of aggregation (各项存款余额 / 存款余额), and the two sides of a split
    (外资企业 上升14.5个百分点, 内资企业 下降14.5个百分点). A figure without a name of its own
    (金额, 合计) takes part in nothing."""
    records = view.records
    groups: dict[tuple[Decimal, str, bool], list[Record]] = defaultdict(list)
    # The starts of the figures of each unit, with the growth rates apart: a growth rate is
    # a change; a rate or a share is a level, and the two spread over other values (shares and
    # rates up to 100%, growths mostly a few percent either way). A growth copied onto
    # another growth is counted among the growths between the two spots (a work report
    # prints as many rates and shares as growths), and a growth and a share of one value
    # are two kinds of figure, not a copy.
    positions: dict[tuple[str, bool], list[int]] = defaultdict(list)
    minimum = settings.min_significant_digits
    for record in records:
        kind = record.kind
        if kind in ("rank", "duration") or record.qualifier != "exact":
            continue
        growth = kind == "growth"
        positions[(record.unit, growth)].append(record.start)
        # the attribute test first: most figures are named by the words before them or
        # their level, and the other two tests are look-ups in a cache
        if (record.metric_from in SPECIFIC_NAMES
                and significant_digits(record.surface) >= minimum
                and names_indicator(record.metric)):
            # a slip copies digits
            groups[(abs(record.value), record.unit, growth)].append(record)
    # a value printed for dozens of figures is no one's signature
    recurring = [(key, group) for key, group in groups.items() if 2 <= len(group) <= MAX_GROUP]
    if not recurring:
        return []
    # the companions of the figures whose value recurs only (a long table's are many)
    companions = _companions(records, view.by_id,
                             {record.id for _, group in recurring for record in group})
    findings = []
    for (value, unit, growth), group in recurring:
        clusters = _clusters(group, companions, view.frames)
        if len(set(clusters.values())) < 2:
            continue
        digits = min(_informative_digits(r) for r in group)
        starts = positions[(unit, growth)]
        noun, among = ("growth rate", unit) if growth else ("figure", unit or "no unit")
        counted = f"{noun}s in {among}"
        ordered = sorted(group, key=lambda r: r.start)
        apart = min(
            bisect_left(starts, b.start) - bisect_left(starts, a.start)
            for a, b in pairwise(ordered) if clusters[a.id] != clusters[b.id]
        )
        expected = apart * _chance(digits)
        in_document = expected * len(starts)
        if (expected > settings.max_expected_coincidences
                or in_document > settings.max_document_coincidences):
            continue
        firsts = list(dict.fromkeys(clusters[r.id] for r in group))
        names = [next(r.metric for r in group if clusters[r.id] == c) for c in firsts]
        findings.append(Finding(
            kind="duplicate_figure",
            severity="warning",
            message=f"{group[0].surface} is given for {len(firsts)} different indicators "
                    f"({'、'.join(dict.fromkeys(names))}), {apart} {noun}{'' if apart == 1 else 's'} "
                    f"in {among} apart; a chance coincidence at this precision is "
                    f"about {expected:.2g} ({in_document:.2g} over the document's "
                    f"{len(starts)} {counted}).",
            record_ids=tuple(r.id for r in group),
            spans=_spans(group),
            evidence={"value": str(value), "unit": unit, "metrics": names,
                      "significant_digits": digits, "chance_per_pair": _chance(digits),
                      "figures_apart": apart, "expected_coincidences": expected,
                      "figures_of_unit": len(starts), "counted_among": counted,
                      "expected_in_document": in_document,
                      "rule": "same value and unit, unrelated metrics, coincidence unlikely"},
        ))
    return findings


def _informative_digits(record: Record) -> int:
    """The digits that make a value unlikely to recur by chance. For a rate or share in %
    above 50, its distance from 100% is what it tells: 93.7% is 6.3 short of the bound, and
    rates of 90-odd percent are many, so it carries two digits, not three.

    >>> from decimal import Decimal as D
    >>> def r(kind, surface, value): return Record(id="r", metric="m", kind=kind, value=D(value),
    ...     unit="%", surface=surface, start=0, end=1, context="")
    >>> _informative_digits(r("rate", "93.7%", "93.7")), _informative_digits(r("growth", "93.7%", "93.7"))
    (2, 3)
    """
    digits = significant_digits(record.surface)
    printed = printed_number(record.surface)
    if (record.kind not in ("rate", "share") or record.unit != "%" or printed is None
            or not Decimal(50) < printed < Decimal(100)):
        return digits
    complement = str(Decimal(100) - printed)
    return min(digits, significant_digits(complement))


MAX_GROUP = 32  # figures of one value compared with each other (pairs: linear in the document)


def _companions(records: list[Record], by_id: dict[str, Record],
                members: set[str]) -> dict[str, list[Record]]:
    """The companions of each figure of ``members``: the figure it describes (a growth's
    level) and the figures that describe it (a level's growth and change), in order."""
    companions: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        described = by_id.get(record.of) if record.of else None
        if described is not None:
            if record.id in members:
                companions[record.id].append(described)
            if described.id in members:
                companions[described.id].append(record)
    return companions


def _clusters(group: list[Record], companions: dict[str, list[Record]], where: Frames) -> dict[str, int]:
    """Each figure of a value group → the number of its indicator (union of one-statement
    pairs; a group holds at most MAX_GROUP figures)."""
    parent = list(range(len(group)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(group):
        for j in range(i):
            if root(i) != root(j) and (_one_indicator(a, group[j], companions)
                                       or where.table_restates(a, group[j])):
                parent[root(i)] = root(j)
    return {r.id: root(i) for i, r in enumerate(group)}


def _one_indicator(a: Record, b: Record, companions: dict[str, list[Record]]) -> bool:
    if related_metric(a.metric, b.metric) or related_metric(
            without_aggregation(a.metric), without_aggregation(b.metric)):
        return True
    if a.of is not None and a.of == b.of:
        return True
    if a.kind == b.kind == "change_pp" and a.value == -b.value:
        return True  # the two sides of a split: one share rises as the other falls
    # a restatement carries its companion along (152.36亿元 with 8.7% in prose and table);
    # a slip copies one figure, not two
    return any(x.kind == y.kind and x.unit == y.unit and x.id != y.id
               and x.qualifier == y.qualifier == "exact" and agree(x, y)
               for x in companions.get(a.id, ()) for y in companions.get(b.id, ()))


WHOLE_WINDOW = 60  # the whole of a share is stated within the figures just before it


MAX_PEERS = 8  # comparisons per figure in one bucket: linear cost on a repetitive yearbook


def _conflict_finding(first: Record, second: Record) -> Finding:
    low_a, high_a = record_interval(first)
    low_b, high_b = record_interval(second)
    return Finding(
        kind="conflict",
        severity="error",
        message=f"{first.metric} is {first.surface} in one place and {second.surface} "
                f"in another; the printed precision allows no common value.",
        record_ids=(first.id, second.id),
        spans=_spans([first, second]),
        evidence={"values": [str(first.value), str(second.value)],
                  "intervals": [[str(low_a), str(high_a)], [str(low_b), str(high_b)]],
                  "metric_key": metric_key(first.metric),
                  "rule": "same metric and period; intervals from printed precision "
                          "and qualifiers must meet"},
    )


def _conflict(first: Record, second: Record) -> Finding:
    """A conflict found, its message and evidence made with its flag (``Finding.later``): a
    yearbook's 15,000 conflicts are 19 MB of them, which were held beside the checks' indexes
    and passes, the top of its memory."""
    return Finding(kind="conflict", severity="error", message="",
                   record_ids=(first.id, second.id), spans=_spans([first, second]),
                   later=partial(_conflict_finding, first, second))


def _disagree(a: Record, b: Record, where: Frames) -> bool:
    return not agree(a, b) and _differ(a, b, where)


def _differ(a: Record, b: Record, where: Frames) -> bool:
    """Two figures whose values do not agree are one statement made twice."""
    if not _comparable(a, b, where):
        return False
    # a growth of one figure and a free-standing growth are not one statement
    return a.of == b.of or (a.of is None) == (b.of is None)


MIN_MAGNITUDE_KEY = 4  # a name that specific (not 床位, 投资) is one indicator wherever it stands


def _magnitude_copy(a: Record, b: Record, where: Frames) -> bool:
    """One level printed twice under one specific name, the magnitude slipped in one copy
    (养老服务机构和设施 5.6万个 / 5.6亿个, or 5.6个): the same printed digits, 10⁴ or 10⁸
    apart. No two years or parts of one indicator differ so, so the silent year that keeps
    two figures of one section apart otherwise (``restatement.comparable``) does not here;
    one sentence, two rows of tables, other periods, status or scope still do."""
    if (a.kind not in BASE_KINDS or printed_digits(a.surface) != printed_digits(b.surface)
            or len(metric_key(a.metric)) < MIN_MAGNITUDE_KEY or not magnitude_slip(a, b)):
        return False
    return (periods_compatible(a, b) and a.status == b.status and a.scope == b.scope
            and where.sentence(a) != where.sentence(b))


def conflict(view: CheckInput, settings: CheckSettings) -> list[Finding]:
    """The same metric and period with values that disagree beyond what the printed precision
    (and the qualifiers) allow: 1.64万次 and 16380次 agree; 83.31亿元 and 83.31万元 do not.

    Only figures named specifically (by the words before them, a label, a table heading…)
    are compared: a bare counted noun (405家企业, 13家企业) says too little to be one figure.
    Figures are bucketed by canonical metric (and, for misprints under a related name, by
    their digits with one position masked); each is compared with a few peers of its bucket,
    so the cost stays linear. A figure restated at another precision or in another form
    under a slightly different name (2.36万件 / 23571件, 两单 / 2单) is looked up by
    ``restatement.py`` (issue #17, point 4). A pair's finding gets its message and evidence
    when it is made whole (``Finding.made``), as its flag is."""
    # a figure without a metric names no indicator, so it is compared with nothing
    # and the restatement pool, read in the same pass
    candidates, pool = named_figures(view.records)
    where = view.frames
    by_metric: dict[tuple[str, str, str], list[Record]] = defaultdict(list)
    for record in candidates:
        by_metric[(metric_key(record.metric), record.kind, record.unit)].append(record)
    findings = []
    seen: set[tuple[str, str]] = set()
    settled: set[str] = set()
    # A misprint is looked for across sections only: a text of one section has none, and
    # needs to know no figure settled.
    misprints = len({record.section for record in candidates}) >= 2
    for (key, kind, _), group in by_metric.items():
        if len(group) < 2:
            continue  # most names are given once: nothing to compare, nothing to ask
        # what is asked of each figure with each of its peers, worked out once for each: its
        # interval, whether it is a table cell, its stated year, and (where a magnitude copy
        # can be: ``_magnitude_copy``) its printed digits. Most pairs are settled by these
        # alone: on a yearbook, most of its 660,000 pairs are of one section and no stated
        # year, or of two years.
        intervals = [record_interval(record) for record in group]
        cells = [where.table_cell(record) for record in group]
        years = [stated_year(record) for record in group]
        digits = ([printed_digits(record.surface) for record in group]
                  if kind in BASE_KINDS and len(key) >= MIN_MAGNITUDE_KEY else None)
        for index, record in enumerate(group):
            in_table, mine, year = cells[index], intervals[index], years[index]
            if in_table and not misprints:
                # (with no misprint to look for, all figures are of one section: a cell and
                # each of its peers are two rows, and nothing needs to be settled)
                continue
            section = record.section
            for peer in range(max(0, index - MAX_PEERS), index):
                other = group[peer]
                same_section = other.section == section
                if same_section and (in_table or cells[peer]):
                    # two rows of tables are never one statement (``one_statement_possible``):
                    # they can only settle each other; a long table is read in one pass
                    if misprints and intervals_meet(mine, intervals[peer]):
                        settled.update((record.id, other.id))
                    continue
                apart = years_apart(years[peer], year, same_section)
                copy = digits is not None and digits[peer] == digits[index]
                if apart and not copy and not misprints:
                    continue  # neither one statement nor a copy, and nothing to settle for
                if intervals_meet(mine, intervals[peer]):
                    settled.update((record.id, other.id))
                elif (not apart and _differ(other, record, where)) or (
                        copy and _magnitude_copy(other, record, where)):
                    seen.add((other.id, record.id))
                    findings.append(_conflict(other, record))
    # a figure whose restatement under the same name agrees is settled: a near-miss under a
    # related name (数字经济核心产业发明专利授权量 26.4% / 发明专利授权量 21.4%) is another figure.
    if misprints:
        findings += _misprints(candidates, settled, seen, where,
                               view.by_id)
    # a restatement at another precision or in another form, under a name that may differ
    # slightly (restatement.py, issue #17 point 4)
    flagged = {record_id for finding in findings for record_id in finding.record_ids}
    findings += [restatement_finding(first, second, close) for first, second, close
                 in restatement_conflicts(view.records, where, flagged, pool)]
    # a statement made twice, one figure slipped: the figure given alike in both says the
    # two are one, where names, sections and silent years leave it open
    flagged = {record_id for finding in findings for record_id in finding.record_ids}
    findings += [restated_finding(*found) for found
                 in restated_statements(view.records, view.starts, view.by_id, where, flagged,
                                        pool)]
    return findings


def _misprints(candidates: list[Record], settled: set[str], seen: set[tuple[str, str]],
               where: Frames, by_id: dict[str, Record]) -> list[Finding]:
    """The same figure printed with a slip under related names (``_misprint``), looked up by
    its digits with one position masked (linear cost). Two growths under related names that
    describe levels which disagree are two figures (一般贸易进出口总额 3021.4亿元 增长25.6%,
    a table's 一般贸易 exports 1880.7 增长29.6): a restatement carries its level along."""
    findings = []
    by_digits: dict[str, list[Record]] = defaultdict(list)
    for record in candidates:
        if record.id in settled:
            continue
        for key in _digit_keys(record):
            bucket = by_digits[key]
            for other in bucket[-MAX_PEERS:]:
                pair = (other.id, record.id)
                if (pair not in seen and _misprint(other, record)
                        and _disagree(other, record, where)
                        and described_fit(other, record, by_id, where)):
                    seen.add(pair)
                    findings.append(_conflict(other, record))
            bucket.append(record)
    return findings


def _digit_keys(record: Record) -> list[str]:
    """Buckets for misprints: the digits as printed (a magnitude slip keeps them), and the
    digits with each position masked in turn (a one-digit slip shares one of those)."""
    digits = printed_digits(record.surface)
    keys = [f"{record.unit}={digits}"]
    if len(digits) >= 3:
        keys += [f"{record.unit}~{digits[:i]}*{digits[i + 1:]}" for i in range(len(digits))]
    return keys


def _misprint(a: Record, b: Record) -> bool:
    """The same figure printed twice with a slip, under two wordings of one indicator
    (发行规模 / 知识产权证券化发行规模) in two sections (prose and data list): related names,
    and the printed digits equal with another magnitude (3.2亿 / 3.2万), or one digit apart
    among three or more."""
    if (a.kind != b.kind or a.unit != b.unit or a.section == b.section
            or not related_metric(a.metric, b.metric)):
        return False
    digits_a, digits_b = printed_digits(a.surface), printed_digits(b.surface)
    if digits_a == digits_b:
        return a.value != b.value
    return (len(digits_a) == len(digits_b) >= 3
            and sum(x != y for x, y in zip(digits_a, digits_b)) == 1)


def _whole_for(share: Record, part: Record, records_before: list[Record], text: str) -> Record | None:
    """The figure a share is a share of: named after 占 (占地区生产总值的比重) or, when the
    text says only 全市总量, the nearest earlier figure of the same unit whose metric the
    part's metric extends (企业发明专利授权量 → 发明专利授权量). The whole must name an
    indicator and be of the part's period (a month's total is no whole of the months to
    date: 4月 against 1—4月)."""
    floor = max(0, part.start - MAX_REACH)
    sentence_start = max(text.rfind("。", floor, part.start), text.rfind("\n", floor, part.start),
                         floor - 1) + 1
    # (the whole the share's own words name, between its part and it: 工业增加值…，占全部工业
    # 的…; not one an earlier clause of the sentence names for another share)
    match = _SHARE_WHOLE.search(text[max(sentence_start, part.start): share.start])
    whole_name = match.group("whole") if match else ""
    whole_name = regex.sub(r"^(?:全市|全省|全国|全区|本市)", "", whole_name)
    # a whole names an indicator, and covers the part's period: not 4月 for a part of 1—4月
    # (入院人次31192.0万, no unit after the number: a whole in the unit its name ends with)
    candidates = [r for r in records_before if (r.unit == part.unit or not r.unit and part.unit
                                                and r.metric.endswith(part.unit))
                  and r.kind == part.kind
                  and r.id != part.id and r.value > part.value and names_indicator(r.metric)
                  and periods_compatible(r, part) and periods_compatible(r, share)]
    if whole_name and not _GENERIC_WHOLE.match(whole_name):
        for record in reversed(candidates):
            if same_metric(record.metric, whole_name) or _owned_whole(record.metric, whole_name, part.metric):
                return record
        return None
    part_key = metric_key(part.metric)
    for record in reversed(candidates):
        key = metric_key(record.metric)
        if len(key) >= 3 and key != part_key and key in part_key and (
                match or record.start > text.rfind("\n", 0, part.start)):
            # (a share that names no whole, …7122.1亿元，占29.2%, is of a whole in its own
            # paragraph, if any: not of a total a paragraph before of a wider body)
            return record
    return None


def _owned_whole(metric: str, whole_name: str, part_metric: str) -> bool:
    """Whether ``metric`` is the whole a share's words name bare, with the owner its part was
    named with (社区卫生服务中心|次均住院费用 for 占次均住院费用的… of 社区卫生服务中心次均住院药费:
    the owner a sentence gives its bare measures, records/naming/topic.py)."""
    owner = metric[:-len(whole_name)] if whole_name and metric.endswith(whole_name) else ""
    return bool(owner) and part_metric.startswith(owner)


def share_mismatch(view: CheckInput, settings: CheckSettings) -> list[Finding]:
    """A share that its part and whole contradict (企业发明专利授权量14551件，占全市总量的
    57.67%, with the total 25230件 given before: 57.67% holds)."""
    records, text = view.records, view.text
    by_id = view.by_id
    findings = []
    for position, share in enumerate(records):
        if share.kind != "share" or share.unit != "%" or share.of is None:
            continue
        part = by_id.get(share.of)
        if part is None or part.kind not in BASE_KINDS:
            continue
        whole = _whole_for(share, part, records[max(0, position - WHOLE_WINDOW):position], text)
        if whole is None:
            continue
        low_part, high_part = record_interval(part)
        low_whole, high_whole = record_interval(whole)
        low_share, high_share = record_interval(share)
        if high_whole <= 0 or low_whole <= 0:
            continue
        possible_low = low_part / high_whole * 100
        possible_high = high_part / low_whole * 100
        computed = part.value / whole.value * 100
        holds = possible_low <= high_share and low_share <= possible_high
        evidence = {"part": str(part.value), "whole": str(whole.value), "share": str(share.value),
                    "computed": f"{computed:.4f}",
                    "allowed": [f"{possible_low:.4f}", f"{possible_high:.4f}"],
                    "rule": "part / whole × 100, with the printed precision of all three"}
        ids = (share.id, part.id, whole.id)
        spans = _spans([whole, part, share])
        if holds:
            if settings.report_passes:
                findings.append(Finding("share_mismatch", "info",
                                        f"{share.surface} of {whole.metric} holds: "
                                        f"{part.surface} / {whole.surface} = {computed:.2f}%.",
                                        ids, spans, {**evidence, "passed": True}))
            continue
        findings.append(Finding(
            kind="share_mismatch",
            severity="error",
            message=f"{part.metric} {part.surface} is {computed:.2f}% of {whole.metric} "
                    f"{whole.surface}, not {share.surface}.",
            record_ids=ids, spans=spans, evidence=evidence,
        ))
    return findings


def sum_mismatch(view: CheckInput, settings: CheckSettings) -> list[Finding]:
    """Parts that exceed their stated total: a total, then 其中 and parts of the same unit in
    the sentence after it (其中，发明专利、实用新型、外观设计分别为…). The total is the figure
    of that unit nearest before 其中, and a part's own breakdown in brackets (5210例（其中流行性感冒
    4980例）) is not summed again with it: it breaks down that part, and ends with its
    bracket."""
    records, text = view.records, view.text
    openers = _positions(text, "其中")
    if not openers:
        return []
    starts = view.starts
    findings = []
    position = 0
    while position < len(records):
        total = records[position]
        position += 1
        if total.kind not in BASE_KINDS or not total.metric:
            continue
        next_opener = bisect_left(openers, total.end)
        if next_opener == len(openers) or openers[next_opener] > total.end + MAX_REACH + 40:
            continue  # no 其中 within reach
        end_of_sentence = _sentence_end(text, total.end)
        following = text[total.end: min(end_of_sentence + 40, len(text))]
        opener = following.find("其中")
        if opener < 0 or opener > end_of_sentence - total.end + 2:
            continue
        parts_start = total.end + opener
        first = bisect_left(starts, parts_start, lo=position)
        if any(r.kind == total.kind and r.unit == total.unit
               for r in records[position:first]):
            continue  # a figure of its kind stands between: 其中 breaks that one down
        parts_end = _sentence_end(text, parts_start)
        opened = text.rfind("（", total.end, parts_start)
        if opened >= 0 and text.find("）", opened, parts_start) < 0:
            closing = text.find("）", parts_start, parts_end)  # a breakdown in brackets ends
            parts_end = closing if closing >= 0 else parts_end  # with them
        last = bisect_left(starts, parts_end, lo=first)
        parts = _enumerated_parts(records[first:last], total, text)
        if len(parts) < 2:
            continue
        finding = parts_finding(total, parts, "parts after 其中 cannot add up to more than the "
                                              "total", settings)
        if finding is not None:
            findings.append(finding)
    return findings


def parts_finding(total: Record, parts: list[Record], rule: str,
                  settings: CheckSettings) -> Finding | None:
    """``sum_mismatch`` when ``parts`` add up to more than ``total`` beyond what the printed
    precisions allow; the pass (info) when they may add up to it and passes are reported."""
    low = sum((record_interval(p)[0] for p in parts), Decimal(0))
    high = sum((record_interval(p)[1] for p in parts), Decimal(0))
    low_total, high_total = record_interval(total)
    added = sum((p.value for p in parts), Decimal(0))
    evidence = {"total": str(total.value), "parts": [str(p.value) for p in parts],
                "sum": str(added), "allowed_sum": [str(low), str(high)],
                "total_interval": [str(low_total), str(high_total)], "rule": rule}
    ids = (total.id, *(p.id for p in parts))
    spans = _spans([total, *parts])
    if low > high_total:
        return Finding("sum_mismatch", "error",
                       f"The parts of {total.metric} {total.surface} add up to {added}, more "
                       "than the total.", ids, spans, evidence)
    if settings.report_passes and low_total <= high and low <= high_total:
        return Finding("sum_mismatch", "info",
                       f"The parts of {total.metric} {total.surface} add up to the total.",
                       ids, spans, {**evidence, "passed": True})
    return None


def _enumerated_parts(candidates: list[Record], total: Record, text: str) -> list[Record]:
    """The parts after 其中: the first figures that form one enumeration (joined by 、/和 or
    a 分别 list, no clause break between them), with the total's unit and kind."""
    parts: list[Record] = []
    for record in candidates:
        if record.unit != total.unit or record.kind != total.kind or record.qualifier != "exact":
            break
        between = text[parts[-1].end: record.start] if parts else ""
        if any(mark in between for mark in "，；。,;"):
            break
        if parts and (between.count("（") + between.count("(") > between.count("）")
                      + between.count(")") or "其中" in between):
            break  # a breakdown of the part before: 5210例（其中流行性感冒4980例）
        if not record.metric:
            break  # a figure without a name is no part of anything
        parts.append(record)
    return parts


def _positions(text: str, word: str) -> list[int]:
    """Where ``word`` stands in ``text``, in order (str.find: no regex needed)."""
    found, at = [], text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found


def _sentence_end(text: str, offset: int) -> int:
    """End of the sentence at ``offset``, looked for within MAX_REACH characters."""
    limit = min(len(text), offset + MAX_REACH)
    ends = [i for i in (text.find("。", offset, limit), text.find("\n", offset, limit)) if i >= 0]
    return min(ends) if ends else limit

"""Whether a figure is a result, a target or a forecast, and on what basis a growth is given.

A work report of 2026 reviews 2025 and plans 2026; both parts write ``地区生产总值增长5.4%``
and ``增长5%左右`` alike, so a dataset that mixes them compares a plan with a result. The
status is read, in this order, from

1. a forecast cue (``预计``, ``有望``) nearest before the figure in its sentence;
2. a target heading above it (``九、2026年主要预期目标``) or a ``主要预期目标是：`` earlier in its
   paragraph, which covers every figure after it;
3. its period, when the document has already reported it: the last year a document reports
   results for is the year before a work report's (a report of 2026 reviews 2025) and a
   bulletin's own. A figure of such a year is a result, whatever verb it has: in a review,
   ``争取中央资金311亿元`` is money obtained;
4. the cue nearest before the figure in its sentence (``力争``/``确保``/``计划`` a target,
   ``实际完成``/``圆满完成`` a result): the nearest decides ``计划投资800亿元，实际完成850亿元``;
5. a later year than the document reports (2026 or 2030 in a report of 2026): a target;
6. a comparison with a past period (``比上年``, ``同比``) in its sentence, or a statistical
   bulletin (which reports results): a result;
7. else ``unknown``: nothing in the text says.

The cue words are vocabulary (``cues.toml``: target_pattern, forecast_pattern, actual_pattern,
target_headings, real_basis, nominal_basis).

The basis of a growth (``real`` or ``nominal``) is the basis cue nearest before it in its
sentence. Both cues are found by the naming stage's analysis of the words around the figure
(``naming.analysis.PhraseAnalysis``: its ``target_cue`` and ``basis``), from the spans this
module scans once per sentence (:class:`BlockCues`).

>>> from ipextract import extract
>>> [(r.surface, r.status) for r in extract("力争增长6%左右，计划投资800亿元，实际完成850亿元。").records]
[('6%左右', 'target'), ('800亿元', 'target'), ('850亿元', 'actual')]
>>> [r.basis for r in extract("按可比价格计算，增长5.2%；名义增长6%。").records]
['real', 'nominal']
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from ..blocks import Block
from ..models import Status
from ..scanning import Scanner, must_contain, prefiltered_scanner
from ..vocabulary import cue_pattern, load_vocabulary
from ..vocabulary.models import DocType
from .period_bounds import period_bounds

if TYPE_CHECKING:  # (the analysis reads the cues of this module: no import at run time)
    from .naming.analysis import PhraseAnalysis

_YEAR = regex.compile(r"[12][0-9]{3}")
# documents that report results of the year in their title (a work report reports the year before)
_RESULT_DOCUMENTS = ("statistical_bulletin", "monthly_release")
# the kinds of document that report one year, the year of their title (a monthly release reports
# months, a work report a year and a plan)
YEAR_DOCUMENTS = ("statistical_bulletin", "white_paper")


@lru_cache(maxsize=1)
def _status_cues() -> Scanner:
    cues = load_vocabulary().cues
    headings = "|".join(regex.escape(word) for word in cues.target_headings)
    parts = [f"(?P<{name}>{pattern})" for name, pattern in (
        ("actual", cues.actual_pattern), ("forecast", cues.forecast_pattern),
        ("target", "|".join(p for p in (cues.target_pattern, headings) if p))) if pattern]
    return prefiltered_scanner("|".join(parts))


@lru_cache(maxsize=1)
def _heading_words() -> regex.Pattern[str]:
    words = load_vocabulary().cues.target_headings
    return regex.compile("|".join(regex.escape(w) for w in words) or r"(?!)")


@lru_cache(maxsize=1)
def _basis_cues() -> Scanner:
    cues = load_vocabulary().cues
    real = "|".join(regex.escape(w) for w in cues.real_basis) or r"(?!)"
    nominal = "|".join(regex.escape(w) for w in cues.nominal_basis) or r"(?!)"
    return prefiltered_scanner(f"(?P<real>{real})|(?P<nominal>{nominal})")


@lru_cache(maxsize=256)
def _last_year(period: str | None) -> int | None:
    """The last year a period names: its last four-digit year, else the year its bounds end
    (“十四五”时期 ends in 2025, 十五五 in 2030), else the year they start."""
    years = _YEAR.findall(period or "")
    if years:
        return int(years[-1])
    start, end = period_bounds(period)
    bound = end or start
    return int(bound[:4]) if bound else None


def reporting_year(year: int | None, doc_type: DocType) -> int | None:
    """The last year a document reports results for: a work report of 2026 reviews 2025.

    >>> reporting_year(2026, "work_report"), reporting_year(2024, "statistical_bulletin")
    (2025, 2024)
    """
    if year is None:
        return None
    return year - 1 if doc_type == "work_report" else year


@lru_cache(maxsize=1)
def _target_paragraph() -> Scanner:
    return prefiltered_scanner(load_vocabulary().cues.target_paragraph_pattern)


def is_target_heading(text: str) -> bool:
    """A heading under which every figure is a target (主要预期目标, 发展目标), not one that
    reviews them (目标完成情况).

    >>> is_target_heading("九、2026年主要预期目标"), is_target_heading("一、主要目标完成情况")
    (True, False)
    """
    cues = load_vocabulary().cues
    return _heading_words().search(text) is not None and not any(
        word in text for word in cues.review_headings)


class BlockCues:
    """The cue words around the figures of one block, each sentence scanned once (when its
    first figure asks) and the cues of a figure then looked up by position: searching the text
    before every figure again would cost the square of a long paragraph's length. The openers
    of a list of targets are searched in the whole block, and only when it holds the character
    every opener contains."""

    __slots__ = ("bases", "block", "decided", "openers", "sentences")

    def __init__(self, block: Block) -> None:
        self.block = block
        marker = _opener_marker()
        self.openers = _Spans(_target_paragraph(), block.text, 0, len(block.text)) if (
            not marker or marker in block.text) else _NO_SPANS
        self.sentences: dict[int, tuple[_Spans, bool]] = {}
        self.bases: dict[int, _Spans] = {}
        self.decided: dict[tuple[int, int | None, str | None, bool], Status] = {}

    def sentence(self, start: int) -> tuple[_Spans, bool]:
        """The status cues, and whether a comparison with a past period (比上年, 同比) stands,
        in the sentence that starts at ``start``."""
        found = self.sentences.get(start)
        if found is None:
            text = self.block.text
            end = self.block.sentence_end(start)
            # 比上年, 同比: a comparison with a past period, one scan of the sentence
            compared = cue_pattern("compared_with").search(
                text, start, end) is not None
            found = (_Spans(_status_cues(), text, start, end), compared)
            self.sentences[start] = found
        return found

    def basis(self, start: int) -> _Spans:
        """The basis cues of the sentence that starts at ``start`` (asked for growths only)."""
        found = self.bases.get(start)
        if found is None:
            found = _Spans(_basis_cues(), self.block.text, start, self.block.sentence_end(start))
            self.bases[start] = found
        return found


class _Spans:
    """The matches of one pattern in ``text[start:end]``, in order (they do not overlap)."""

    __slots__ = ("ends", "kinds", "starts")

    def __init__(self, pattern: Scanner | None, text: str, start: int, end: int) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.kinds: list[str] = []
        if pattern is None:
            return
        for match in pattern.finditer(text, start, end):
            self.starts.append(match.start())
            self.ends.append(match.end())
            self.kinds.append(match.lastgroup or "")

    def last(self, start: int, end: int) -> int | None:
        """The index of the last match inside ``[start, end)``."""
        index = bisect_right(self.ends, end) - 1
        return index if index >= 0 and self.starts[index] >= start else None

    def last_kind(self, start: int, end: int) -> str | None:
        index = self.last(start, end)
        return self.kinds[index] if index is not None else None


_NO_SPANS = _Spans(None, "", 0, 0)


@lru_cache(maxsize=1)
def _opener_marker() -> str:
    """标, when every opener of a list of targets contains it (目标): a block without it is
    not searched."""
    return "标" if must_contain(load_vocabulary().cues.target_paragraph_pattern, "标") else ""


def block_cues(block: Block) -> BlockCues:
    """The cues of ``block``, for the analysis of its figures (``naming.analyse``) and
    :func:`figure_status`."""
    return BlockCues(block)


def figure_status(analysis: PhraseAnalysis, period: str | None, cues: BlockCues, *,
                  result_year: int | None, doc_type: DocType, under_target_heading: bool) -> Status:
    """The status of one figure, from the cue its analysis found before it in its sentence
    and its period (see the module for the order of the rules). Figures of one clause with
    the same cue before them and the same period share it: it is decided once."""
    # (an opener of a list of targets counts before the figure's clause: 年度目标：…1500万人以上
    # opens the sentence its first figures stand in)
    start = max(analysis.sentence_start, analysis.clause_start)
    key = (start, analysis.cue, period, under_target_heading)
    decided = cues.decided.get(key)
    if decided is None:
        decided = _decide(analysis.target_cue, analysis.compared, period, result_year, doc_type,
                          under_target_heading or _in_target_paragraph(cues, start))
        cues.decided[key] = decided
    return decided


def _decide(cue: str | None, compared: bool, period: str | None, result_year: int | None,
            doc_type: DocType, under_targets: bool) -> Status:
    if cue == "forecast":
        return "forecast"  # 预计全年增长6%: an estimate, in a review as in a plan
    if under_targets:
        return "target"
    year = _last_year(period)
    if year is not None and result_year is not None and year <= result_year:
        # a figure of a year already reported is a result: in a review, 争取资金311亿元 is
        # money obtained and 计划怀孕夫妇 no plan
        return "actual"
    if cue is not None:
        return cue  # type: ignore[return-value]  # the group names are the statuses
    if compared:
        return "actual" if period_status(period, result_year, doc_type) != "target" else "target"
    return period_status(period, result_year, doc_type)


def _in_target_paragraph(cues: BlockCues, sentence_start: int) -> bool:
    """主要预期目标是：…。…。: the opener of a list of targets earlier in the paragraph, not
    followed by a word that says they were met."""
    opener = cues.openers.last(0, sentence_start)
    if opener is None:
        return False
    # no cue of a result after it (主要目标任务圆满完成): the targets are still to come
    after = _Spans(_status_cues(), cues.block.text, cues.openers.starts[opener], sentence_start)
    return after.last_kind(0, sentence_start) == "target"


def period_status(period: str | None, result_year: int | None, doc_type: DocType) -> Status:
    """The status a figure's period gives (a later year than the document reports is a
    target), else its document's (a bulletin reports results); used alone for table cells.

    >>> period_status("2026年", 2025, "work_report"), period_status(None, 2024, "statistical_bulletin")
    ('target', 'actual')
    """
    year = _last_year(period)
    if year is not None and result_year is not None:
        return "target" if year > result_year else "actual"
    return "actual" if doc_type in _RESULT_DOCUMENTS else "unknown"

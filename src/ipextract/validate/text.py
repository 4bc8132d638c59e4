"""Checks that read the text itself: typo (doubled characters or words), missing_figure."""

from __future__ import annotations

import re
from bisect import bisect_left

import regex

from ..blocks import MAX_REACH
from ..models import Record
from ..vocabulary import load_vocabulary
from ..vocabulary.lexicon import cut, is_word, pos_tag
from .base import CheckInput, CheckSettings, Finding

# The Han script as explicit ranges (〇 and 々, the CJK blocks and their extensions): the
# standard engine with this class scans a text three times faster than ``regex`` with \p{Han}.
_HAN = "\u3005\u3007\u3021-\u3029\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# Any character or pair of characters written twice in a row; only the Han ones are doubled
# words (a class-free pattern scans a third faster, and what it takes in that is not Han
# hides no Han pair: a doubled pair inside ABAB would be AA, which it is not).
_DOUBLED = re.compile(r"(..)\1|(.)\2", re.DOTALL)
_ALL_HAN = re.compile(rf"[{_HAN}]+")
# A comparison claim with an adjective where the figure should be: 同比增长显著.
_CLAIM_WITHOUT_FIGURE = regex.compile(
    r"(?:(?:同比|比上年|较上年|比去年|较去年|比上年同期)(?:分别)?|分别)?"
    r"(?P<verb>增长|增加|下降|减少|回落|降低)"
    r"(?P<word>显著|明显|较快|迅速|较多|较大|强劲|较为明显)"
    r"(?![0-9零一二两三四五六七八九十百千万亿%％])"
    # the claim ends its clause or a list (分别增长显著和18.9%): 增长明显放缓 says the growth is
    # under pressure, not how large
    rf"(?![{_HAN}](?<![和与及]))"
)
_WINDOW = 6
CHANGE_KINDS = ("growth", "change", "change_pp", "multiple")
# Numerals a measure word closes (2024年|年末, 3年|年均, 五市|市辖区).
# (not a magnitude: 每万人|人口 reads per ten thousand people, and 每万人人口 is a slip)
_NUMERAL = frozenset("0123456789〇零一二两三四五六七八九十")
# jieba's tags of a lone character that may be the head of a name it does not know (鲁|钢 of
# 鲁钢, 皖|能 of 皖能, 徐|工 of 徐工): nouns, places, abbreviations, localities —
# not function words (的, 在, 和), verbs, pronouns, numerals, measure words or adjectives (细|颗
# of 细颗粒物 is a word the dictionary lacks with a slip in it).
_NAME_HEAD_TAGS = ("n", "f", "j", "s")
_QUOTE_REACH = 6  # a coined term in quotation marks (“新新人”) is at most this long each side


def typo(view: CheckInput, settings: CheckSettings) -> list[Finding]:
    """Doubled characters or words that are not Chinese reduplication (新新增, 质押质押).

    A doubled pair is legitimate when it is a dictionary word or listed in
    ``reduplication.toml`` (常常, 人人…), and when the first copy ends a longer word (全市|市场):
    only a copy that stands alone before its twin is a slip. A copy that closes what comes
    before it is no slip either (``_closes_what_precedes``: 2024年|年末, 市|市场监督管理局,
    鲁钢|钢材), nor is a distributive 一个一个, a listed term (原原种, ``cues.toml``), a coined
    term in quotation marks (“新新人”), or a run of three or more copies (a table's merged cells
    printed over and over: 万个万个万个)."""
    text = view.text
    vocabulary = load_vocabulary()
    allowed = vocabulary.allowed_reduplications
    terms = vocabulary.cues.doubled_terms
    findings = []
    for match in _DOUBLED.finditer(text):
        doubled = match.group(0)
        if _ALL_HAN.fullmatch(doubled) is None:
            continue
        unit = match.group(1) or match.group(2)
        if (text.startswith(unit, match.end())
                or text.startswith(unit, max(0, match.start() - len(unit)), match.start())):
            continue  # three copies or more: layout, not a typing slip
        if (not _may_be_stray(text, match.start(), unit) or _in_title(text, match.start())
                or not _stray_copy(text, match.start(), unit)):
            continue
        follows = text[match.end(): match.end() + 2]
        if len(follows) == 2 and follows[0] == follows[1] and follows[0] != unit:
            continue  # 团团伙伙, 干干净净: the AABB form is deliberate
        if len(unit) > 1 and (doubled in allowed or is_word(doubled)
                              or (unit[0] == "一" and pos_tag(unit) == "m")):
            continue  # 研究研究, 讨论讨论: a verb said twice on purpose; 一个一个, 一家一家
        if _in_term(text, match.start(), match.end(), terms):
            continue
        findings.append(Finding(
            kind="typo",
            severity="warning",
            message=f"“{doubled}” repeats “{unit}”: probably a typing slip (…"
                    f"{text[max(0, match.start() - 4): match.end() + 4].replace(chr(10), ' ')}…).",
            spans=((match.start(), match.end()),),
            evidence={"doubled": doubled, "repeated": unit,
                      "rule": "doubled character or word that is neither a dictionary word "
                              "nor a listed reduplication"},
        ))
    return findings


def _in_term(text: str, start: int, end: int, terms: tuple[str, ...]) -> bool:
    """The doubled pair is inside a listed term (原原种)."""
    return any(text.find(term, max(0, end - len(term)), start + len(term)) >= 0
               for term in terms)


def _in_title(text: str, offset: int) -> bool:
    """Inside 《…》: a title or a name (《柳柳州》), not prose to correct; or a short coined term
    in quotation marks (“新新人”计划): a name, spelt as its coiners spell it."""
    opened = text.rfind("《", max(0, offset - 30), offset)
    if opened >= 0 and text.rfind("》", opened, offset) < 0:
        return True
    quoted = text.rfind("“", max(0, offset - _QUOTE_REACH), offset)
    return (quoted >= 0 and text.rfind("”", quoted, offset) < 0
            and text.find("”", offset, offset + 2 + 2 * _QUOTE_REACH) >= 0)


def _window_end(start: int, unit: str) -> int:
    """Where the text segmented around a doubled pair ends: :func:`_may_be_stray` must read
    no further than :func:`_stray_copy` segments, or it could clear a real slip."""
    return start + 2 * len(unit) + _WINDOW


def _may_be_stray(text: str, start: int, unit: str) -> bool:
    """What :func:`_stray_copy` needs before it is worth segmenting (a cut costs 15 µs): jieba
    without HMM makes a token of two or more Han characters only of a dictionary word, so a
    doubled word (质押质押) must be one, and a lone character (新新增) must open a word after
    its copy (新增). Most doubled pairs (十五五) fail this and are never cut.

    >>> _may_be_stray("新新增", 0, "新"), _may_be_stray("十五五规划", 1, "五")
    (True, False)
    """
    if len(unit) > 1:
        return is_word(unit)
    after = start + 1
    limit = min(len(text), _window_end(start, unit))
    return any(is_word(text[after:end]) for end in range(after + 2, limit + 1))


def _stray_copy(text: str, start: int, unit: str) -> bool:
    """新|新增 (a lone copy before a word that starts with it) or 质押|质押 (a word written
    twice) is a slip; 全市|市场 (the first copy ends a word) and 康|康|姐 (two lone copies,
    as in a nickname) are not, nor a copy that closes what precedes it (陕|煤|煤炭)."""
    window_start = max(0, start - _WINDOW)
    tokens = cut(text[window_start: _window_end(start, unit)])
    position = window_start
    for index, token in enumerate(tokens):
        if position == start:
            following = tokens[index + 1] if index + 1 < len(tokens) else ""
            # 新|新增 and 质押|质押融资: the copy stands alone before a word that repeats it
            return token == unit and following.startswith(unit) and (
                len(unit) > 1 or len(following) > 1) and not (
                len(unit) == 1 and _closes_what_precedes(text, start, unit,
                                                         tokens[index - 1] if index else ""))
        if position > start:
            return False
        position += len(token)
    return False


def _closes_what_precedes(text: str, start: int, unit: str, before: str) -> bool:
    """A lone copy that belongs to what stands before it, so the pair spans a word boundary:
    the measure word of a numeral (2024年|年末, 3年|年均, 五市|市辖区), a level or kind of place
    or building that ends a name or stands for its organ (市|市场监督管理局, 我区|区域, 北湾港|港口,
    保障房|房源: ``cues.toml``, ``kind_endings``), or the end of a name jieba does not know,
    whose head it left as a lone noun, place or locality (鲁|钢|钢材 of 鲁钢, 徐|工|工程 of
    徐工).

    >>> _closes_what_precedes("2024年年末", 4, "年", "2024")
    True
    >>> _closes_what_precedes("。新新增", 1, "新", "。")
    False
    """
    if start > 0 and text[start - 1] in _NUMERAL:
        return True
    if unit in load_vocabulary().cues.kind_endings:
        return True
    return (len(before) == 1 and _ALL_HAN.fullmatch(before) is not None
            and pos_tag(before).startswith(_NAME_HEAD_TAGS))


def missing_figure(view: CheckInput, settings: CheckSettings) -> list[Finding]:
    """A growth or decline claim with no number (发明专利授权量25230件，同比增长显著).

    A claim its sentence goes on to give for each member of what it is about (产品产量增长较快，
    3D打印设备、服务机器人产量分别增长35.2%、28.6%) is backed: the words that open such a list
    are ``respectively`` in ``cues.toml`` (分别). A part after 其中 does not back its whole's
    claim (增长显著，其中工业用电量增长3.1%: the whole's figure is still missing)."""
    text = view.text
    starts = [r.start for r in view.records]
    openers = load_vocabulary().cues.respectively
    findings = []
    for match in _CLAIM_WITHOUT_FIGURE.finditer(text):
        if _broken_down(text, match.end(), openers, view.records, starts):
            continue
        findings.append(Finding(
            kind="missing_figure",
            severity="warning",
            message=f"“{match.group(0)}” claims a change against last year without a figure.",
            spans=((match.start(), match.end()),),
            evidence={"claim": match.group(0), "rule": "comparison + change verb + adjective, "
                      "no number after it, and no breakdown with figures in its sentence"},
        ))
    return findings


def _broken_down(text: str, end: int, openers: tuple[str, ...], records: list[Record],
                 starts: list[int]) -> bool:
    """The sentence after the claim opens a breakdown and gives a change figure after it."""
    limit = min(len(text), end + MAX_REACH)
    stops = [i for i in (text.find(mark, end, limit) for mark in "。！？；\n") if i >= 0]
    sentence_end = min(stops) if stops else limit
    opened = [i for i in (text.find(word, end, sentence_end) for word in openers) if i >= 0]
    if not opened:
        return False
    first = bisect_left(starts, min(opened))
    return any(r.kind in CHANGE_KINDS for r in records[first: bisect_left(starts, sentence_end)])

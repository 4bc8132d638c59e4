"""Checks that read the text itself: typo (doubled characters or words), missing_figure."""

from __future__ import annotations

import re

import regex

from ..vocabulary import load_vocabulary
from ..vocabulary.lexicon import cut, is_word
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
)
_WINDOW = 6


def typo(view: CheckInput, settings: CheckSettings) -> list[Finding]:
    """Doubled characters or words that are not Chinese reduplication (新新增, 质押质押).

    A doubled pair is legitimate when it is a dictionary word or listed in
    ``reduplication.toml`` (常常, 人人…), and when the first copy ends a longer word (全市|市场):
    only a copy that stands alone before its twin is a slip."""
    text = view.text
    allowed = load_vocabulary().allowed_reduplications
    findings = []
    for match in _DOUBLED.finditer(text):
        doubled = match.group(0)
        if _ALL_HAN.fullmatch(doubled) is None:
            continue
        unit = match.group(1) or match.group(2)
        if (not _may_be_stray(text, match.start(), unit) or _in_title(text, match.start())
                or not _stray_copy(text, match.start(), unit)):
            continue
        follows = text[match.end(): match.end() + 2]
        if len(follows) == 2 and follows[0] == follows[1] and follows[0] != unit:
            continue  # 团团伙伙, 干干净净: the AABB form is deliberate
        if len(unit) > 1 and (doubled in allowed or is_word(doubled)):
            continue  # 研究研究, 讨论讨论: a verb said twice on purpose
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


def _in_title(text: str, offset: int) -> bool:
    """Inside 《…》: a title or a name (《柳柳州》), not prose to correct."""
    opened = text.rfind("《", max(0, offset - 30), offset)
    return opened >= 0 and text.rfind("》", opened, offset) < 0


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
    as in a nickname) are not."""
    window_start = max(0, start - _WINDOW)
    tokens = cut(text[window_start: _window_end(start, unit)])
    position = window_start
    for index, token in enumerate(tokens):
        if position == start:
            following = tokens[index + 1] if index + 1 < len(tokens) else ""
            # 新|新增 and 质押|质押融资: the copy stands alone before a word that repeats it
            return token == unit and following.startswith(unit) and (
                len(unit) > 1 or len(following) > 1)
        if position > start:
            return False
        position += len(token)
    return False


def missing_figure(view: CheckInput, settings: CheckSettings) -> list[Finding]:
    """A growth or decline claim with no number (发明专利授权量25230件，同比增长显著)."""
    return [
        Finding(
            kind="missing_figure",
            severity="warning",
            message=f"“{match.group(0)}” claims a change against last year without a figure.",
            spans=((match.start(), match.end()),),
            evidence={"claim": match.group(0), "rule": "comparison + change verb + adjective, "
                      "no number after it"},
        )
        for match in _CLAIM_WITHOUT_FIGURE.finditer(view.text)
    ]

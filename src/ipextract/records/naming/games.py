"""Medals and the games they were won at: a sentence that opens with the games (在第18届亚运会上，
我国运动员共获得150枚金牌，300枚奖牌) counts the medals of those games, and its names of medals
(cues.toml ``medal_words``) open with the games, without their edition (亚运会奖牌): blind
judges marked the medals without their games partial. The games are a frame the phrase cleaning
takes off every name (as 在“龙腾2024”专项行动中…), and only medals need it back.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ...vocabulary import load_vocabulary

_EDITION = regex.compile(r"^(?:第[0-9一二三四五六七八九十百]+届|[0-9]{4}年)")  # 第18届, 2028年


@lru_cache(maxsize=1)
def _games_frame() -> regex.Pattern[str]:
    """在第18届亚运会上, 在全国冠军赛、锦标赛中: 在, the games (names that end with one of
    cues.games_heads) and 上/中, at a sentence's start."""
    heads = "|".join(sorted(map(regex.escape, load_vocabulary().cues.games_heads), key=len, reverse=True))
    return regex.compile(rf"\s*在([^\s，,。；;]{{0,16}}?(?:{heads}))[上中]")


def medals_of_games(metric: str, text: str, sentence_start: int) -> str:
    """``metric`` opened with the games its sentence opens with, where it names medals and
    not those games already; ``metric`` otherwise.

    >>> medals_of_games("奖牌", "在第18届亚运会上，我国运动员获得奖牌300枚。", 0)
    '亚运会奖牌'
    """
    cues = load_vocabulary().cues
    if not any(word in metric for word in cues.medal_words):
        return metric
    frame = _games_frame().match(text, sentence_start)
    if frame is None:
        return metric
    games = _EDITION.sub("", frame.group(1))
    return metric if games in metric else games + metric


__all__ = ["medals_of_games"]

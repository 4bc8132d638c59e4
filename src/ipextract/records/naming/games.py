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

_EDITION_WORD = r"第[0-9一二三四五六七八九十百]+届"  # 第18届, 第九届
_EDITION = regex.compile(_EDITION_WORD + r"|^[0-9]{4}年")  # (and 2028年 opening the games' name)


@lru_cache(maxsize=1)
def _heads() -> str:
    return "|".join(sorted(map(regex.escape, load_vocabulary().cues.games_heads), key=len, reverse=True))


@lru_cache(maxsize=1)
def _games_frame() -> regex.Pattern[str]:
    """在第18届亚运会上, 在全国冠军赛、锦标赛中: 在, the games (names that end with one of
    cues.games_heads) and 上/中."""
    return regex.compile(rf"在([^\s，,。；;在]{{0,16}}?(?:{_heads()}))[上中]")


@lru_cache(maxsize=1)
def _games_opening() -> regex.Pattern[str]:
    """某城第九届亚冬会成功举办: the games named in the clause a sentence opens with, after the
    city, the year and the edition (which go)."""
    return regex.compile(rf"\s*[^\s，,。；;]{{0,12}}?(?:{_EDITION_WORD})?"
                         rf"([^\s，,。；;第届在获于与和及、0-9年]{{0,6}}?(?:{_heads()}))")


def medals_of_games(metric: str, text: str, sentence_start: int, at: int) -> str:
    """``metric`` opened with the games of its sentence, where it names medals and not those
    games already: the nearest games its sentence names with 在…上 before the figure at ``at``
    (each clause may name its own: 在第9届亚冬会上…，在第15届全国运动会上…), or the games its first
    clause names; ``metric`` otherwise.

    >>> medals_of_games("奖牌", "在第18届亚运会上，我国运动员获得奖牌300枚。", 0, 20)
    '亚运会奖牌'
    """
    cues = load_vocabulary().cues
    if not any(word in metric for word in cues.medal_words):
        return metric
    frame = None
    for frame in _games_frame().finditer(text, sentence_start, at):
        pass  # (the last: the nearest before the figure)
    if frame is None:
        frame = _games_opening().match(text, sentence_start, at)
    if frame is None:
        return metric
    games = _EDITION.sub("", frame.group(1))
    if any(head in metric for head in cues.games_heads):
        return metric  # (…在巴黎奥运会获得金牌, 世界三大赛奖牌: games named already)
    return games + metric


__all__ = ["medals_of_games"]

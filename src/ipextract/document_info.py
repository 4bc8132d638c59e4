"""Stage 3c: blocks → what the document is: its title, the year it reports on and its region.

Reports arrive with what is not the report above them: a copy's source notes (``# source: …``),
a web page's buttons (下载, 打印, 【字号：…】), a bureau's name and a publication date in place of
a title. The title is the first line of the front matter that names a kind of report (工作报告,
统计公报, 白皮书…); the year is the title's, else the year that opens the first paragraph (a
bulletin dated 2022年4月 reports on 2021); the region is the province its title names (a data
list, ``regions.toml``), a place the segmenter tags in it, a place that stands on a line of its
own in the front matter, the place of the bureau that issued it (南京市统计局), or a province
the lines around a bare title name (——2026年1月27日在海南省…会议上).

>>> from ipextract.blocks import split_blocks
>>> document_facts(split_blocks("下载\\n打印\\n2026年安徽省政府工作报告\\n全省增长5.5%。"))
DocumentFacts(title='2026年安徽省政府工作报告', year=2026, region='安徽省', region_code='340000', doc_type='work_report')
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import regex

from .blocks import Block
from .scanning import alternation
from .vocabulary import load_vocabulary
from .vocabulary.lexicon import cut, pos_tag
from .vocabulary.models import DocType

FRONT_BLOCKS = 24  # blocks read for the front matter: a web copy puts a dozen lines above
_YEAR = regex.compile(r"(?<![0-9])(19[5-9][0-9]|20[0-9]{2})年")
_DATE_LINE = regex.compile(r"^\s*(?:19|20)[0-9]{2}\s*年\s*[0-9]{1,2}\s*月(?:\s*[0-9]{1,2}\s*日)?\s*$")
_FURNITURE = regex.compile(r"^[\[【]?\s*(?:下载|打印|全屏|收藏|分享|关闭|字号\s*[：:]?|加大|还原|减小|大|中|小)"
                           r"\s*[\]】]?$|^[\[【】\]]$")
_OPENING_YEAR = regex.compile(r"^(19[5-9][0-9]|20[0-9]{2})年(?:[，,]|全年|末|底)")
_PLACE_LINE = regex.compile(r"^\p{Han}{2,14}(?:自治州|自治区|自治县|省|市|州|县|区|盟|旗)$")
_BUREAU = regex.compile(r"^(\p{Han}{2,12}?(?:市|省|州|县|区|自治区|自治州))(?:人民政府)?统计局")
_ANNOUNCER = regex.compile(r"^(\p{Han}{2,3}?)(?:市|省)?(?:发布|召开|印发|公布)")
MAX_TITLE = 60
_MONTH_IN_TITLE = regex.compile(r"年\s*(?:1\s*[—–-]\s*)?[0-9一二三四五六七八九十]{1,2}\s*月份?")  # 2025年11月份…
_SENTENCE_MARKS = regex.compile(r"[。，；]")


class DocumentFacts(NamedTuple):
    title: str | None
    year: int | None
    region: str | None
    region_code: str | None = None  # GB/T 2260, for a province (cities are not listed yet)
    doc_type: DocType = "other"


def front_matter(blocks: list[Block]) -> list[Block]:
    """The first blocks, without a copy's notes (# …) and a web page's buttons."""
    return [block for block in blocks[:FRONT_BLOCKS]
            if not block.text.lstrip().startswith("#") and not _FURNITURE.match(block.text.strip())]


def document_title(front: list[Block]) -> str | None:
    """The first short line that names a kind of report; else the first heading with a year
    (not a date); else the first line."""
    for block in front:
        text = block.text.strip()
        if (len(text) <= MAX_TITLE and _title_words().search(text)
                and not text.startswith(("——", "―")) and not _SENTENCE_MARKS.search(text)):
            return text  # (not a caption: 政府工作报告。 记者…摄)
    for block in front[:4]:
        text = block.text.strip()
        if block.kind == "heading" and _YEAR.search(text) and not _DATE_LINE.match(text):
            return text
    return front[0].text.strip()[:80] if front else None


def document_year(front: list[Block], title: str | None) -> int | None:
    """The year in the title; else the year that opens the first paragraph; else the first
    year in the front matter that is not a date line."""
    if title and (found := _YEAR.search(title)):
        return int(found.group(1))
    for block in front:
        if block.kind == "paragraph" and (opening := _OPENING_YEAR.match(block.text.strip())):
            return int(opening.group(1))
    for block in front[:4]:
        if not _DATE_LINE.match(block.text.strip()) and (found := _YEAR.search(block.text)):
            return int(found.group(1))
    return None


@lru_cache(maxsize=1)
def _provinces() -> regex.Pattern[str]:
    return regex.compile(alternation(load_vocabulary().province_codes))


def document_region(title: str | None, front: list[Block] | None = None) -> str | None:
    """The place a report is about (see the module docstring)."""
    if title:
        province = _provinces().search(title)
        if province:
            return province.group(0)
        for token in cut(title):
            if pos_tag(token) == "ns" and len(token) >= 2:  # 衡 of 衡远智能 is no place
                return token
        announced = _ANNOUNCER.match(title)  # 合肥发布…: jieba does not tag every city as a place
        if announced:
            return announced.group(1)
    near = (front or [])[:6]
    for block in near:
        text = block.text.strip()
        if _PLACE_LINE.match(text) and not _title_words().search(text):
            return text
        bureau = _BUREAU.match(text)
        if bureau:
            return bureau.group(1)
    for block in near:  # ——2026年1月27日在海南省第七届人民代表大会…: the line under a bare title
        province = _provinces().search(block.text)
        if province:
            return province.group(0)
    return None


@lru_cache(maxsize=1)
def _title_words() -> regex.Pattern[str]:
    """The words that make a line a title (regions.toml [doc_types]), longest first."""
    return regex.compile(alternation(load_vocabulary().doc_types))


def document_type(title: str | None) -> DocType:
    """work_report, statistical_bulletin, white_paper, monthly_release, press_release or other,
    from the words of the title (regions.toml [doc_types])."""
    found = _title_words().search(title or "")
    if found:
        return load_vocabulary().doc_types[found.group(0)]
    return "monthly_release" if _MONTH_IN_TITLE.search(title or "") else "other"


def document_facts(blocks: list[Block]) -> DocumentFacts:
    front = front_matter(blocks)
    title = document_title(front)
    region = document_region(title, front)
    code = load_vocabulary().province_codes.get(region or "")
    return DocumentFacts(title, document_year(front, title), region, code, document_type(title))

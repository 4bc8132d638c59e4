"""Stage 3c: blocks → what the document is: its title, the year it reports on and its region.

Reports arrive with what is not the report above them: a copy's source notes (``# source: …``),
a web page's buttons (下载, 打印, 【字号：…】), a bureau's name and a publication date in place of
a title. The title is the first line of the front matter that names a kind of report (工作报告,
统计公报, 白皮书…); the year is the title's, else the year that opens the first paragraph (a
bulletin dated 2022年4月 reports on 2021); the region is the province its title names (with the
city or county written right after it: 湖北省武汉市), else a city or county its title names by
full name (2024年武汉市…统计公报, 武汉市2024年…白皮书), a place the segmenter tags in it, a place
that stands on a line of its own in the front matter, the place of the bureau or government
that issued it (南京市统计局, 武汉市人民政府), or a province the lines around a bare title name
(——2026年1月27日在海南省…会议上). The region's code is its GB/T 2260 code
(:mod:`ipextract.region_codes`): a name shared by several divisions (朝阳区, 鼓楼区) takes the
one in the province the front matter names, and none when that leaves more than one; a bare
short name (江南, 南海) is read as a province or city, never as a county.

>>> from ipextract.blocks import split_blocks
>>> document_facts(split_blocks("下载\\n打印\\n2026年安徽省政府工作报告\\n全省增长5.5%。"))
DocumentFacts(title='2026年安徽省政府工作报告', year=2026, region='安徽省', region_code='340000', doc_type='work_report')
>>> document_facts(split_blocks("朝阳区2031年国民经济和社会发展统计公报\\n北京市朝阳区统计局")).region_code
'110105'
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

import regex

from .blocks import Block
from .region_codes import Division, full_names, lookup, province_names, short_names_in_use
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
_ISSUER = regex.compile(r"^(\p{Han}{2,12}?(?:市|省|州|县|区|自治区|自治州|盟|旗))"
                        r"(?:(?:人民政府)?统计局|人民政府(?:办公厅|办公室)?)")
# a line that names a statistics bureau or survey team as the issuer (南京市统计局 国家统计局南京调查队)
_STATISTICS_BUREAU = regex.compile(r"^\p{Han}{2,14}(?:统计局|调查队)(?:\s|$)")
_CONGRESS = regex.compile(r"在(\p{Han}{2,20}?)第[一二三四五六七八九十]+届人民代表大会")
_ANNOUNCER = regex.compile(r"^(\p{Han}{2,3}?)(?:市|省)?(?:发布|召开|印发|公布)")
MAX_TITLE = 60
_MONTH_IN_TITLE = regex.compile(r"年\s*(?:1\s*[—–-]\s*)?[0-9一二三四五六七八九十]{1,2}\s*月份?")  # 2025年11月份…
_SENTENCE_MARKS = regex.compile(r"[。，；]")


class DocumentFacts(NamedTuple):
    title: str | None
    year: int | None
    region: str | None
    region_code: str | None = None  # GB/T 2260: a province's, a city's or a county's
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
    year in the first lines of the front matter (not a date line) or in its first paragraph."""
    if title and (found := _YEAR.search(title)):
        return int(found.group(1))
    for block in front:
        if block.kind == "paragraph" and (opening := _OPENING_YEAR.match(block.text.strip())):
            return int(opening.group(1))
    first_paragraph = next((block for block in front if block.kind == "paragraph"), None)
    for block in [*front[:4], *([first_paragraph] if first_paragraph else [])]:
        if not _DATE_LINE.match(block.text.strip()) and (found := _YEAR.search(block.text)):
            return int(found.group(1))  # …普查于1995年开始准备: the first year the report names
    return None


class _Place(NamedTuple):
    start: int
    end: int
    name: str


@lru_cache(maxsize=1)
def _place_names() -> dict[str, tuple[frozenset[str], tuple[int, ...]]]:
    """The names a line writes a division by, by their first character, with their lengths
    longest first: every name of a province, the full name of every city and county
    (海南藏族自治州 is read whole, not as 海南; 吉林市 not as 吉林) and the short ones that keep
    the kind of division (黔东南州, 长阳县). Two-character names other than a county's (城区,
    郊区) are common words and left out. (A table, not a regex: a pattern of 3,400 names takes
    0.2 s to compile.)"""
    names = [name for name in full_names() if len(name) >= 3 or name.endswith("县")]
    names += [name for name in short_names_in_use() if len(name) >= 3 and name[-1] in "州县旗"]
    names += province_names()
    by_first: dict[str, set[str]] = {}
    for name in names:
        by_first.setdefault(name[0], set()).add(name)
    return {first: (frozenset(found), tuple(sorted({len(name) for name in found}, reverse=True)))
            for first, found in by_first.items()}


def _place_at(text: str, start: int) -> _Place | None:
    """The longest name of a division that starts at ``start``."""
    names, lengths = _place_names().get(text[start:start + 1], (frozenset(), ()))
    for length in lengths:
        if text[start:start + length] in names:
            return _Place(start, start + length, text[start:start + length])
    return None


def _places_in(text: str) -> Iterator[_Place]:
    """The names of divisions a line writes, left to right, each the longest at its place."""
    start = 0
    while start < len(text):
        place = _place_at(text, start)
        if place is None:
            start += 1
        else:
            yield place
            start = place.end


def _with_parts(text: str, place: _Place) -> str:
    """The place found, with the divisions written right after it that lie within it
    (湖北省 → 湖北省武汉市 → 湖北省武汉市江岸区)."""
    name, end = place.name, place.end
    while (part := _place_at(text, end)) is not None:
        longer = name + part.name
        if lookup(longer) in (None, lookup(name)):
            break
        name, end = longer, part.end
    return name


def _named(text: str) -> Iterator[tuple[_Place, Division]]:
    """The divisions a line names, in order, as written."""
    for place in _places_in(text):
        division = lookup(place.name)
        if division is not None:
            yield place, division


def _province_named(text: str) -> tuple[str, Division] | None:
    """The first province a line names, as written, and the province (not 海南 of 海南藏族自治州)."""
    return next(((place.name, division) for place, division in _named(text)
                 if division.level == "province"), None)


_LEVEL_SUFFIXES = ("省", "市", "区", "县", "州", "盟", "旗")


def document_region(title: str | None, front: list[Block] | None = None) -> str | None:
    """The place a report is about, as written (see the module docstring)."""
    if title:
        named = list(_named(title))
        place = (next((place for place, division in named if division.level == "province"), None)
                 or (named[0][0] if named else None)  # else a city or county: 2024年武汉市…
                 or next(_places_in(title), None))  # else a name of several (鼓楼区), for the front matter to settle
        if place is not None:
            return _with_parts(title, place)
        for token in cut(title):
            # (衡 of 衡远智能 is no place; nor is a country or a bloc the segmenter tags one too,
            # 美国, 东盟, 非洲: a place of China is a division, or written with its level)
            if pos_tag(token) == "ns" and len(token) >= 2 and (
                    token.endswith(_LEVEL_SUFFIXES) or lookup(token) is not None
                    or token in load_vocabulary().nation.names):
                return token
        announced = _ANNOUNCER.match(title)  # 合肥发布…: jieba does not tag every city as a place
        if announced:
            return announced.group(1)
    near = (front or [])[:6]
    for block in near:
        text = block.text.strip()
        if _PLACE_LINE.match(text) and not _title_words().search(text):
            return text
        issuer = _ISSUER.match(text)
        if issuer:
            return issuer.group(1)
    for block in near:  # ——2026年1月9日在海南省第七届人民代表大会…: the line under a bare title
        congress = _CONGRESS.search(block.text)
        if congress and lookup(congress.group(1)) is not None:
            return congress.group(1)
        province = _province_named(block.text)
        if province is not None:
            return province[0]
    return None


def region_division(region: str | None, title: str | None,
                    front: list[Block] | None = None) -> Division | None:
    """The division a region (as :func:`document_region` wrote it) is. A name shared by several
    divisions (朝阳区) is settled by the front matter: a line that writes it within its city or
    province (北京市朝阳区统计局), else the province the title or those lines name (the hint of
    :func:`~ipextract.region_codes.lookup`). None for a place that is no division
    (中华人民共和国: see _national; 长江经济带), for a name the front matter does not settle, and for a county
    written by a bare short name (江南 is 南宁's 江南区 only by chance)."""
    if not region:
        return None
    texts = [title or "", *(block.text for block in (front or [])[:6])]
    hint = next((province[1].code for text in texts if (province := _province_named(text))), None)
    division = lookup(region, hint)
    if division is None:
        division = next((found for text in texts if (found := _written_within(region, text))), None)
    if division is None or (division.level == "county" and region[-1] not in "市县区旗"):
        return None
    return division


def _written_within(region: str, text: str) -> Division | None:
    """The division ``region`` is where ``text`` writes it after the divisions it lies in
    (鼓楼区 in 福州市鼓楼区统计局)."""
    for place in _places_in(text):
        written = _with_parts(text, place)
        if written != region and written.endswith(region) and (division := lookup(written)):
            return division
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
    division = region_division(region, title, front)
    code = division.code if division is not None else None
    doc_type = document_type(title)
    if doc_type == "other" and any(_STATISTICS_BUREAU.match(block.text.strip()) for block in front[:3]):
        doc_type = "statistical_bulletin"  # no title, but issued by a statistics bureau
    if division is None and _national(region, title, front, doc_type):
        nation = load_vocabulary().nation
        region = region if region in nation.names and region not in ("我国", "全国") else nation.name
        code = nation.code
    return DocumentFacts(title, document_year(front, title), region, code, doc_type)


@lru_cache(maxsize=1)
def _national_issuer() -> regex.Pattern[str]:
    return regex.compile(load_vocabulary().nation.issuer_pattern)


def _national(region: str | None, title: str | None, front: list[Block], doc_type: DocType) -> bool:
    """A report about the whole country: its title names the country (中华人民共和国2024年…,
    2024年我国…), or a header line is a national body (国家统计局), or it is a statistical
    bulletin that names no place at all and opens on 全国 (2021年民政事业发展统计公报).

    >>> from ipextract import extract
    >>> extract("2027年我国卫生健康事业发展统计公报\\n全国医疗卫生机构总数108万个。").document.region_code
    '100000'
    """
    nation = load_vocabulary().nation
    if region is not None and region not in nation.names:
        return False  # a place that is no division (长江经济带): not the country either
    if title and any(name in title for name in nation.names):
        return True
    if any(_national_issuer().match(block.text.strip()) for block in front[:6]):
        return True
    return region is None and doc_type == "statistical_bulletin" and any(
        "全国" in block.text for block in front if block.kind == "paragraph")

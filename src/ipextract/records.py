"""Stage 4: figures → records: kind and sign from the cue words, the metric name, the period,
and the ``of`` link from a growth, share or multiple to the figure it describes.

The naming rules are the ones written down in ``corpora/ANNOTATION.md``; each helper below
implements one of them and says which.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache

import regex

from .blocks import BULLETS, CLAUSE_BREAK, SENTENCE_END, Block
from .figures import Figure
from .vocabulary import load_vocabulary
from .vocabulary.lexicon import cut, pos_tag
from .vocabulary.models import Kind

_COPULAS = frozenset({"为", "是", "有", "达", "达到", "共", "共有", "建有", "拥有", "计", "累计",
                      "共计", "合计", "总计", "约", "超", "逾", "近", "突破", "超过"})
BASE_KINDS: frozenset[str] = frozenset({"count", "amount", "quantity"})
DESCRIBING_KINDS: frozenset[str] = frozenset({"growth", "share", "multiple", "change", "change_pp"})
PERCENT_UNITS = ("%", "‰")
COMPARISON_VERBS = ("相当于", "约为", "接近", "达到", "超过", "是", "为", "达")
_PUNCTUATION = regex.compile(r"^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$")
_QUOTES = regex.compile(r"[“”‘’\"'《》「」『』【】]")
_COMPARISON_BASE = regex.compile(r"(?:比|较|同比|环比)(?:[12][0-9]{3}年|上年|去年|上年同期|同期|上月)?$")
_LEADING_FIGURE = regex.compile(r"^[0-9.,]+[万亿千]?\p{Han}{1,2}?(?=\p{Han})")
# A place written with its level: 武汉市, 湖北省, 汉阳区, 新疆维吾尔自治区.
_PLACE = regex.compile(r"\p{Han}{2,8}(?:省|市|自治区|区|县|州|盟|旗)")
_ENUMERATION = regex.compile(r"\s*(?:、|和|及|与|以及)\s*")
# 从40.3%提高到45.4%: the second figure is the new level of the first one's indicator
_NEW_LEVEL = regex.compile(r"^\s*(?:[\p{Han}]{0,2}(?:增|提|升|降|减|扩|缩|跃|攀)[\p{Han}]?)?(?:到|至)\s*$")
_CODE_NOTE = regex.compile(r"[（(][^）)]*[0-9A-Za-z][^）)]*[）)]")
_WORDLIKE = regex.compile(r"\p{Han}|[A-Za-z]")
_NOMINAL_TAGS = ("n", "vn", "b", "j", "eng", "nz", "an", "ng", "nr", "ns", "nt", "l", "i", "s")


@dataclass(frozen=True, slots=True)
class Draft:
    """A record before ids are given: a figure with the fields the context decides."""

    figure: Figure
    kind: Kind
    value: Decimal
    value_min: Decimal | None
    value_max: Decimal | None
    qualifier: str
    metric: str
    metric_from: str
    period: str | None
    of: Figure | None
    section: str
    context: str
    notes: tuple[str, ...] = field(default=())


@lru_cache(maxsize=1)
def _word_sets() -> dict[str, frozenset[str]]:
    vocabulary = load_vocabulary()
    cues = vocabulary.cues
    return {
        "scope": frozenset(cues.scope_words),
        "link": frozenset(cues.link_words),
        "change": frozenset(vocabulary.change_verbs),
        "qualifier": frozenset(vocabulary.qualifiers.prefix) | frozenset(vocabulary.qualifiers.governing),
        "fillers": frozenset(cues.change_fillers),
        "growth_nouns": frozenset(cues.growth_nouns),
    }


@lru_cache(maxsize=1)
def _period_pattern() -> regex.Pattern[str]:
    return regex.compile(load_vocabulary().cues.period_pattern)


@lru_cache(maxsize=1)
def _adverbial_pattern() -> regex.Pattern[str]:
    return regex.compile(load_vocabulary().cues.adverbial_pattern)


def _strip_edges(text: str) -> str:
    """Quotes and edge punctuation off; a closing bracket stays when its opener is inside."""
    stripped = _PUNCTUATION.sub("", _QUOTES.sub("", text))
    for opener, closer in (("（", "）"), ("(", ")")):
        if stripped.count(opener) == stripped.count(closer) + 1 and text.rstrip().endswith(closer):
            stripped += closer
    return stripped


def _tokens(text: str) -> list[str]:
    return [token for token in cut(text) if token.strip()]


def _strip_scope_prefixes(phrase: str) -> str:
    """Scope words written together with what follows (这一数据接近…): strip them as text."""
    scope = sorted((w for w in load_vocabulary().cues.scope_words if len(w) >= 2), key=len,
                   reverse=True)
    changed = True
    while changed:
        changed = False
        for word in scope:
            if phrase.startswith(word):
                phrase = phrase[len(word):].lstrip("，,、 ")
                changed = True
    return phrase


def clean_metric(phrase: str, places: frozenset[str] = frozenset()) -> tuple[str, str]:
    """Rule 1 of the metric naming: drop leading scope words and trailing link words.

    Returns the cleaned phrase and the part-of-speech tag of its last word (``""`` if empty).

    >>> clean_metric("全市专利授权总量达到")
    ('专利授权总量', 'n')
    >>> clean_metric("截至2024年底，每万人口高价值发明专利拥有量达到")[0]
    '每万人口高价值发明专利拥有量'
    >>> clean_metric("公安机关全年立案查处知识产权刑事案件涉案总金额")[0]
    '立案查处知识产权刑事案件涉案总金额'
    """
    words = _word_sets()
    cues = load_vocabulary().cues
    phrase = _period_pattern().sub("", phrase)
    phrase = _CODE_NOTE.sub("", phrase)  # 细颗粒物（PM2.5）年均浓度 → 细颗粒物年均浓度
    phrase = _strip_scope_prefixes(phrase.lstrip("，,、：: "))
    quoted_start = phrase[:1] in "“‘\"《「"
    for place in places:
        if phrase.startswith(place) and len(phrase) > len(place):
            phrase = phrase[len(place):]  # the document's own region: 武汉知识产权… → 知识产权…
    adverbial = _adverbial_pattern().search(phrase)
    if adverbial and adverbial.end() < len(phrase):
        phrase = phrase[adverbial.end():]  # 武汉海关在“龙腾2024”专项行动中扣缴… → 扣缴…
    phrase = _strip_edges(phrase)
    tokens = _tokens(phrase)
    # 公安机关全年立案查处…: a time word inside the phrase ends the subject
    for index in range(len(tokens) - 2, 0, -1):
        if tokens[index] in cues.time_scope_words:
            tokens = tokens[index + 1:]
            break
    leading = words["scope"] | places
    while tokens and (tokens[0] in leading or _PUNCTUATION.fullmatch(tokens[0]) or (
        not quoted_start and len(tokens) > 1 and _PLACE.fullmatch(tokens[0])
    )):
        tokens.pop(0)
    while len(tokens) > 1 and tokens[0] in cues.adverbs_before_verbs and pos_tag(
        tokens[1]
    ).startswith("v"):
        tokens.pop(0)  # 累计受理… → 受理…; 累计访问量 stays whole
    trailing = (words["link"] | words["change"] | words["qualifier"] | words["scope"]
                | words["growth_nouns"])
    while tokens and (tokens[-1] in trailing or _PUNCTUATION.fullmatch(tokens[-1])):
        if tokens[-1] in "）)" and "".join(tokens).count("（") + "".join(tokens).count("(") > (
            "".join(tokens[:-1]).count("）") + "".join(tokens[:-1]).count(")")
        ):
            break  # 固定资产投资（不含农户）: the bracket closes a note inside the name
        tokens.pop()
    text = _strip_edges("".join(tokens))
    split_oddly = bool(tokens) and not pos_tag(tokens[-1]).startswith(_NOMINAL_TAGS)
    for word in sorted(words["link"], key=len, reverse=True) if split_oddly else ():
        if text.endswith(word) and len(text) > len(word) + 1:
            text = text[: -len(word)]  # 得分为: jieba cut it 得|分为, the link word is still 为
            tokens = _tokens(text)
            break
    comparison = _COMPARISON_BASE.search(text)
    if comparison and comparison.start() > 0:
        text = text[: comparison.start()]
        tokens = _tokens(text)
    if tokens and tokens[-1] in ("等", "等等"):
        return "", "u"
    if not text:
        return "", ""
    return text, pos_tag(tokens[-1]) if tokens else ""


def _right_noun(text: str) -> str:
    """Rule 3: the noun phrase after a measure word (6家|中华老字号|入选 → 中华老字号).

    A verb inside it is kept when a single noun closes the clause after it (示范|企业,
    支持|票据) and ends it otherwise (入选|新一批…, 签订|战略合作协议); 和/与/及 between two
    nouns joins them (国家|和|地区)."""
    text = _LEADING_FIGURE.sub("", text)
    tokens: list[str] = []
    closed = True  # the tokens run to the end of the clause (not to another figure)
    for token in _tokens(text[:24]):
        if token[0] in SENTENCE_END or token[0] in CLAUSE_BREAK:
            break
        if not _WORDLIKE.match(token):
            closed = False
            break
        tokens.append(token)
    taken: list[str] = []
    for index, token in enumerate(tokens):
        tag = pos_tag(token)
        following = pos_tag(tokens[index + 1]) if index + 1 < len(tokens) else ""
        inner_numeral = tag in ("m", "q") and index + 1 < len(tokens) and not token.isdigit()
        if tag.startswith(_NOMINAL_TAGS) or tag == "x" or inner_numeral:
            taken.append(token)
        elif taken and token in ("和", "与", "及") and following.startswith(_NOMINAL_TAGS):
            taken.append(token)
        elif (tag.startswith("v") and taken and closed and index == len(tokens) - 2
              and following.startswith(_NOMINAL_TAGS)):
            taken.append(token)
        else:
            break
    return "".join(taken)


def _clause_end(block: Block, offset: int) -> int:
    text = block.text
    for index in range(offset, len(text)):
        if text[index] in SENTENCE_END or text[index] in CLAUSE_BREAK or text[index] in BULLETS:
            return index
        if text[index] == " ":
            return index
    return len(text)


def _change_cue(left: str) -> tuple[int, bool] | None:
    """Sign of the change verb that governs a figure: 增长19.19% → +1; 下降3.2% → -1.

    Returns (sign, single_character_verb) or None. ``提高到80%`` is a level, not a change."""
    vocabulary = load_vocabulary()
    words = _word_sets()
    tail = left.rstrip()
    changed = True
    while changed and tail:
        changed = False
        for filler in sorted(words["fillers"], key=len, reverse=True):
            if tail.endswith(filler):
                if filler in vocabulary.cues.level_after_change:
                    return None
                tail = tail[: -len(filler)]
                changed = True
                break
    for verb in sorted(vocabulary.change_verbs, key=len, reverse=True):
        if tail.endswith(verb):
            if tail.endswith("新" + verb) and verb in ("增", "增加"):
                return None  # 新增6家 counts new things; it is not a change of a level
            if any(tail[: -len(verb)].endswith(w) for w in vocabulary.cues.action_before_change):
                return None  # 改造提升25个, 巩固提升80万亩: an action, not a change of a level
            return vocabulary.change_verbs[verb], len(verb) == 1
    return None


def _is_share(left: str, right: str) -> bool:
    cues = load_vocabulary().cues
    if any(opener in left for opener in cues.share_openers):
        return True
    stripped = left.rstrip("达到为约是了从由")
    if any(stripped.endswith(noun) for noun in cues.share_nouns):
        return True
    return any(right.startswith(word) for word in cues.share_right) and not right.startswith("的目标")


def _kind_and_sign(figure: Figure, left: str, right: str,
                   previous: Draft | None, enumerated: bool) -> tuple[Kind, int]:
    """The figure's kind, refined by the words around it, and the sign of a change."""
    base = figure.kind or "count"
    if base == "rank":
        return base, 1
    if previous is not None and previous.figure.unit == figure.unit and _NEW_LEVEL.match(left):
        return previous.kind, 1  # 比重从40.3%提高到45.4%: a share again, not a change
    cue = _change_cue(left)
    if base == "duration":
        return ("change", cue[0]) if cue is not None and not cue[1] else (base, 1)
    if cue is None and enumerated and previous is not None and previous.kind in (
        "growth", "change", "change_pp", "share"
    ):
        # 分别增长5.1%、6.2%和7.3%: the verb before the first governs the whole list
        return previous.kind, -1 if previous.value < 0 else 1
    if cue is not None:
        sign, single = cue
        if figure.unit in PERCENT_UNITS or figure.unit == "倍":
            return "growth", sign
        if figure.unit == "个百分点":
            return "change_pp", sign
        if not single and base in BASE_KINDS:
            return "change", sign
    if figure.unit == "个百分点":
        return "change_pp", 1
    if figure.unit in PERCENT_UNITS:
        if _is_share(left, right):
            return "share", 1
        if _ends_with_word(left, load_vocabulary().cues.growth_nouns):
            return "growth", 1  # 增速为5%左右, 涨幅2%
        return "rate", 1
    return base, 1


def _ends_with_word(left: str, words: tuple[str, ...]) -> bool:
    tail = left.rstrip().rstrip("达到为约是了在")
    return any(tail.endswith(word) for word in words)


def _governed_qualifier(qualifier: str, kind: str, left: str) -> str:
    """突破10万件 (over), 接近全国平均水平的3倍 (approx): a qualifier word before the figure."""
    if qualifier != "exact":
        return qualifier
    governing = load_vocabulary().qualifiers.governing
    tail = left.rstrip()
    for word in sorted(governing, key=len, reverse=True):
        if tail.endswith(word) or (kind == "multiple" and word in left):
            return governing[word]
    return qualifier


def _cut_comparison(own: str, kind: str, places: frozenset[str]) -> str:
    """For a share or multiple, the words from 占/是/接近… on name the whole, not the metric."""
    if kind == "share":
        index = own.rfind("占")
        return own[:index] if index >= 0 else own
    cues = load_vocabulary().cues
    if kind == "multiple":
        positions = [own.rfind(verb) for verb in COMPARISON_VERBS if own.rfind(verb) >= 0]
        return own[: min(positions)] if positions else own
    if kind == "rank":
        # 经济总量居全国城市第15位 → 经济总量; 武汉位列全球百强科技创新集群第13位: the part
        # before the verb is only the subject, so the ranking after it names the metric
        pattern = "|".join(sorted(cues.rank_verbs, key=len, reverse=True))
        matches = list(regex.finditer(pattern, own))
        if not matches:
            return own
        before, after = own[: matches[-1].start()], own[matches[-1].end():]
        if not before.strip("，,、 "):
            return ""  # ，居全国省会城市第5位: no subject, the figure before names it
        return before if clean_metric(before, places)[0] else after
    if kind in DESCRIBING_KINDS:
        stripped = own.lstrip("，, ")
        if any(stripped.startswith(word) for word in cues.comparison_openers):
            return ""  # 比常规审查程序缩短约70%: the words name what it is compared with
    return own


def _respectively_items(left: str, places: frozenset[str]) -> list[str]:
    """其中，发明专利、实用新型、外观设计分别为… → the items the figures take in order."""
    cues = load_vocabulary().cues
    for word in cues.respectively:
        index = left.rfind(word)
        if index > 0:
            subject = left[:index]
            subject = subject[max(subject.rfind("，"), subject.rfind("："), subject.rfind("。")) + 1:]
            separators = "|".join(regex.escape(s) for s in cues.enumeration_separators)
            items = [clean_metric(part, places)[0] for part in regex.split(separators, subject)]
            return [item for item in items if item]
    return []


def _period(block: Block, figure: Figure, inherited: str | None, year: int | None) -> str | None:
    sentence_start = block.sentence_start(figure.lstart)
    window = block.text[sentence_start: figure.lstart]
    found = None
    for match in _period_pattern().finditer(window):
        found = match.group(0)
    if found:
        return found
    if inherited:
        return inherited
    clause = block.text[block.clause_start(figure.lstart): figure.lstart]
    if year and regex.search(r"全年|今年|本年|年末|年底", clause):
        return str(year)
    return None


def _block_period(block: Block) -> str | None:
    """A period that opens a block's first sentence (2024年，武汉…) covers the whole block."""
    match = _period_pattern().match(block.text.lstrip(BULLETS))
    return match.group(0) if match else None


def _label(blocks: list[Block], index: int) -> str:
    """Rule 4: the label a value line stands under (●知识产权质押融资 / 83.31亿元): the item
    above it when that item has no figure and this is the first line under it."""
    block = blocks[index]
    above = blocks[index - 1] if index else None
    if above is None or above.group != block.group or above.kind != "item":
        return ""
    if regex.search(r"[0-9]", above.text):
        return ""
    label = _strip_edges(above.text.lstrip(BULLETS))
    return _QUOTES.sub("", label)


def _group_texts(blocks: list[Block]) -> dict[int, str]:
    """The text of each data item (the bullet and the value lines under it), built once."""
    parts: dict[int, list[str]] = {}
    for block in blocks:
        if block.section == "data" and block.kind in ("item", "line"):
            parts.setdefault(block.group, []).append(block.text.strip())
    return {group: " / ".join(texts) for group, texts in parts.items()}


def _context(block: Block, figure: Figure, group_texts: dict[int, str]) -> str:
    if block.section == "data" and block.group in group_texts:
        return group_texts[block.group]
    start = block.sentence_start(figure.lstart)
    end = block.sentence_end(figure.lstart)
    return block.text[start:end].strip()


def words_after(right: str) -> str:
    """The rest of the clause after a figure, without another figure in it."""
    return _strip_edges(_LEADING_FIGURE.sub("", right))[:16]


def _action_verb(left: str) -> str:
    """A lone verb of action before a number that opens its clause (完成23批次, 实现…):
    rule 1 strips it as a link word, rule 3 keeps it before the counted noun."""
    tokens = _tokens(_strip_edges(left))
    if len(tokens) == 1 and pos_tag(tokens[0]).startswith("v") and tokens[0] not in _COPULAS:
        return tokens[0]
    return ""


def _metric(figure: Figure, kind: str, left: str, right: str, previous: Draft | None,
            enumerated: bool, places: frozenset[str]) -> tuple[str, str]:
    """Rules 1 and 3: the indicator named before the figure, or the noun counted after it;
    with how the name was found (``before``, ``after``, ``previous``)."""
    own, own_tag = clean_metric(_cut_comparison(left, kind, places), places)
    if own and kind in DESCRIBING_KINDS and _COMPARISON_BASE.fullmatch(own):
        own = ""
    ends_with_verb = bool(own) and own_tag.startswith("v")
    single_verb = ends_with_verb and len(_tokens(own)) == 1
    if kind == "duration" and (not own or len(_tokens(own)) == 1) and words_after(right):
        return words_after(right), "after"  # 连续7年保持上升态势, 时隔4年在汉单位再次摘金
    if not own and kind in BASE_KINDS:
        own = _action_verb(left)  # 完成23批次…: an action verb kept before the noun
        ends_with_verb = single_verb = bool(own)
    noun = ""
    if (figure.kind == "count" and figure.unit) or kind == "rank" or (
        kind in BASE_KINDS and (single_verb or not own)
    ):
        noun = _right_noun(right)
    if noun:
        return (own + noun if ends_with_verb else noun), "after"
    if previous is not None and previous.figure.unit == figure.unit and kind == previous.kind:
        if not own and (enumerated or kind == "rank" or _NEW_LEVEL.match(left)):
            return previous.metric, "previous"  # 第13位、全国第5位
        if ends_with_verb and kind in BASE_KINDS:
            return own + previous.metric, "previous"  # 省级运营中心9家，新增4家
    return own, "before"


@dataclass(frozen=True, slots=True)
class _Words:
    """The text around one figure in its block: what the naming and kind rules read."""

    left: str  # from the clause start (or the previous figure) to the figure
    clause: str  # from the clause start to the figure
    sentence: str  # from the sentence start to the figure
    right: str  # from the figure to the clause end
    enumerated: bool  # only 、/和/及 stand between this figure and the previous one


def _words_around(block: Block, figures: list[Figure], position: int) -> _Words:
    figure = figures[position]
    previous = figures[position - 1] if position else None
    clause_start = block.clause_start(figure.lstart)
    left_start = max(clause_start, previous.lend) if previous is not None else clause_start
    between = block.text[previous.lend: figure.lstart] if previous is not None else None
    return _Words(
        left=block.text[left_start: figure.lstart],
        clause=block.text[clause_start: figure.lstart],
        sentence=block.text[block.sentence_start(figure.lstart): figure.lstart],
        right=block.text[figure.lend: _clause_end(block, figure.lend)],
        enumerated=between is not None and _ENUMERATION.fullmatch(between) is not None,
    )


def _chain_length(block: Block, figures: list[Figure], position: int) -> int:
    """How many figures from ``position`` on are one enumeration (3.6%、3.5%和5.6%)."""
    length = 1
    for index in range(position + 1, len(figures)):
        between = block.text[figures[index - 1].lend: figures[index].lstart]
        if not _ENUMERATION.fullmatch(between):
            break
        length += 1
    return length


def _respective(block: Block, figures: list[Figure], position: int, kind: str, words: _Words,
                block_drafts: list[Draft], places: frozenset[str]) -> list[tuple[str, Figure | None]]:
    """分别: 其中A、B、C分别为x、y、z gives x, y, z the names A, B, C; 甲x、乙y，分别增长p、q gives
    p, q the names (and the figures) of x and y."""
    if not any(word in words.clause for word in load_vocabulary().cues.respectively):
        return []
    items = _respectively_items(words.sentence, places)
    if items:
        return [(item, None) for item in items]
    if kind not in DESCRIBING_KINDS:
        return []
    length = _chain_length(block, figures, position)
    sentence_start = block.sentence_start(figures[position].lstart)
    bases = [d for d in block_drafts if d.figure.lstart >= sentence_start and d.kind in BASE_KINDS]
    if len(bases) < length:
        return []
    return [(d.metric, d.figure) for d in bases[-length:]]


def _name(blocks: list[Block], index: int, position: int, figure: Figure, kind: str,
          words: _Words, block_drafts: list[Draft], group_drafts: list[Draft],
          places: frozenset[str]) -> tuple[str, Figure | None, str]:
    """The metric and the ``of`` link of one figure, by the rules of corpora/ANNOTATION.md,
    and how the metric was found (the record's ``metric_from``)."""
    block = blocks[index]
    previous = block_drafts[-1] if block_drafts else None
    target = _describes(block_drafts, group_drafts, block, figure, kind) if (
        kind in DESCRIBING_KINDS) else None
    metric, how = _metric(figure, kind, words.left, words.right, previous, words.enumerated,
                          places)
    if not metric and target is not None:
        return target.metric, target.figure, "of"  # rule 2: 71292件，同比增长19.19%
    if block.kind == "line" and position == 0 and not _right_noun(words.right):
        label = _label(blocks, index)  # rule 4: ●知识产权质押融资 / 83.31亿元
        metric, how = label + metric, "label" if label else how
    if not metric and kind in DESCRIBING_KINDS | {"rank"} and previous is not None and (
        previous.figure.lstart >= block.sentence_start(figure.lstart)
    ):
        metric, how = previous.metric, "previous"  # 增长8.9%，占…的比重为19.6%
    if not metric:
        metric, how = words_after(words.right), "context"
    of = target.figure if target is not None and target.metric == metric else None
    return metric, of, how


def draft_records(blocks: list[Block], figures: list[list[Figure]],
                  year: int | None = None, places: frozenset[str] = frozenset()) -> list[Draft]:
    """Records for every figure of every block, in order of position."""
    drafts: list[Draft] = []
    group_drafts: dict[int, list[Draft]] = {}
    group_period: dict[int, str | None] = {}
    header: list[tuple[int, int, str]] = []
    group_texts = _group_texts(blocks)
    for index, block in enumerate(blocks):
        if block.group not in group_period:
            group_period[block.group] = _block_period(block)
        period_here = _block_period(block) or group_period[block.group]
        if block.kind == "table_row":
            if not figures[index]:
                header = _cells(block)  # a row without figures heads the columns below it
            else:
                drafts.extend(_table_drafts(blocks, index, figures[index], header, year))
            continue
        if block.kind != "unit_note":
            header = []
        block_drafts: list[Draft] = []
        respective: list[tuple[str, Figure | None]] = []
        chain_position = 0
        block_figures = figures[index]
        for position, figure in enumerate(block_figures):
            words = _words_around(block, block_figures, position)
            previous = block_drafts[-1] if block_drafts else None
            kind, sign = _kind_and_sign(figure, "" if words.enumerated else words.left,
                                        words.right, previous, words.enumerated)
            if not words.enumerated:
                respective = _respective(block, block_figures, position, kind, words,
                                         block_drafts, places)
                chain_position = 0
            if chain_position < len(respective):
                metric, of = respective[chain_position]
                how = "list"
                chain_position += 1
            else:
                metric, of, how = _name(blocks, index, position, figure, kind, words, block_drafts,
                                   group_drafts.get(block.group, []), places)
            period = _period(block, figure, period_here, year)
            if period is None and of is not None:
                period = next((d.period for d in reversed(block_drafts) if d.figure is of), None)
            low = figure.value_min * sign if figure.value_min is not None else None
            high = figure.value_max * sign if figure.value_max is not None else None
            if sign < 0 and low is not None and high is not None:
                low, high = high, low
            block_drafts.append(Draft(
                figure=figure,
                kind=kind,
                value=figure.value * sign,
                value_min=low,
                value_max=high,
                qualifier=_governed_qualifier(figure.qualifier, kind, words.left),
                metric=metric,
                metric_from=how,
                period=period,
                of=of,
                section=block.section,
                context=_context(block, figure, group_texts),
            ))
        group_drafts.setdefault(block.group, []).extend(block_drafts)
        drafts.extend(block_drafts)
    _fill_shared_nouns(drafts, blocks)
    return drafts


_GROWTH_HEADING = regex.compile(r"增长|增速|增幅|同比|比上年|变化")
_YEAR_HEADING = regex.compile(r"(?:19|20)[0-9]{2}年?")


def _cells(block: Block) -> list[tuple[int, int, str]]:
    """The cells of a table row: (start, end, text) in the block's logical text."""
    cells = []
    position = 0
    for part in block.text.split("|"):
        cells.append((position, position + len(part), part.strip()))
        position += len(part) + 1
    return cells


def _table_drafts(blocks: list[Block], index: int, row_figures: list[Figure],
                  header: list[tuple[int, int, str]], year: int | None) -> list[Draft]:
    """Rule 5: a cell's metric is its row heading; its column heading may make it a growth
    (同比增长) or give its period (2024年)."""
    block = blocks[index]
    cells = _cells(block)
    label = _QUOTES.sub("", cells[0][2]) if cells else ""
    drafts: list[Draft] = []
    base: Draft | None = None
    for figure in row_figures:
        column = next((n for n, (start, end, _) in enumerate(cells)
                       if start <= figure.lstart < end), 0)
        heading = header[column][2] if column < len(header) else ""
        kind: Kind = figure.kind or "count"
        value = figure.value
        of = None
        if figure.unit in PERCENT_UNITS or _GROWTH_HEADING.search(heading):
            kind = "growth" if _GROWTH_HEADING.search(heading) else "rate"
            of = base.figure if base is not None and kind == "growth" else None
        period = heading if _YEAR_HEADING.fullmatch(heading) else (str(year) if year else None)
        draft = Draft(figure=figure, kind=kind, value=value, value_min=figure.value_min,
                      value_max=figure.value_max, qualifier=figure.qualifier,
                      metric=label if column else _strip_edges(heading), metric_from="table",
                      period=period, of=of,
                      section="table", context=block.text.strip())
        if kind in BASE_KINDS and base is None:
            base = draft
        drafts.append(draft)
    return drafts


def _describes(block_drafts: list[Draft], group_drafts: list[Draft], block: Block,
               figure: Figure, kind: str) -> Draft | None:
    """The figure a growth, share or multiple describes: the nearest base figure before it in
    the same sentence, or in the same data item."""
    sentence_start = block.sentence_start(figure.lstart)
    allowed = BASE_KINDS | ({"rate", "share"} if kind == "change_pp" else set())
    for draft in reversed(block_drafts):
        if draft.figure.lstart < sentence_start:
            break
        if draft.kind in allowed:
            return draft
    if block.section == "data":
        for draft in reversed(group_drafts):
            if draft.kind in allowed:
                return draft
    return None


def _fill_shared_nouns(drafts: list[Draft], blocks: list[Block]) -> None:
    """Rule 3, enumerations: 3家国家级、9家省级运营中心 → 国家级运营中心, 省级运营中心."""
    for index in range(len(drafts) - 1):
        first, second = drafts[index], drafts[index + 1]
        if first.figure.block != second.figure.block or first.figure.unit != second.figure.unit:
            continue
        block = blocks[first.figure.block]
        between = block.text[first.figure.lend: second.figure.lstart]
        if not between.endswith("、") or not between[:-1] or not first.metric.endswith(between[:-1]):
            continue
        tokens = _tokens(second.metric)
        if len(tokens) >= 2:
            head = "".join(tokens[1:])
            drafts[index] = replace(first, metric=first.metric + head)

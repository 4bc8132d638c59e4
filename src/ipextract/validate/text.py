"""Checks that read the text itself: typo (doubled characters or words), missing_figure."""

from __future__ import annotations

import re
from bisect import bisect_left

import regex

from ..blocks import MAX_REACH
from ..models import Record
from ..vocabulary import load_vocabulary
from ..vocabulary.lexicon import cut, is_word, pos_tag, tokenizer
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
# jieba's tags of a word whose last character may open a term the dictionary lacks
# (产业链|链|主, 中国|国|新): nouns, places, names, abbreviations (``_may_open_a_term``)
_HEAD_NOUN_TAGS = ("n", "j")
# ... and the tags of a lone character after the copy that is the predicate of the noun
# before it (能力|力|强, 开局|局|打牢), not the end of a term: verbs and adjectives
_PREDICATE_TAGS = frozenset(("v", "vg", "vd", "a", "ag", "ad"))
_QUOTE_REACH = 6  # a coined term in quotation marks (“新新人”) is at most this long each side
# ... and at most this long in all: a coined name that doubles a character on purpose is short
# (“新新人”, “好好办”); in a longer quoted phrase (“四项行行动”, “放放心消费”) it is a slip
_QUOTED_TERM = 4
# jieba's tags of a lone character that is a word where it stands, so a copy of it beside a
# word holding the same character is a word boundary, not a slip: particles (目的|的|手段,
# 进行了|了解), prepositions (参与|与|支持, 以行为|为|导向, 对|对象), conjunctions (稳定和|和谐),
# adverbs (首都|都|是, 就|就业问题), pronouns, modal particles, interjections, onomatopoeia.
# Not numerals and measure words: jieba gives those tags to nouns (点, 种, 口, 场, 位: 试点|点,
# 单位|位 are slips), and a measure word that closes a numeral is read from the numeral
# (十五|五|规划, ``_NUMERAL``).
# Nor the particles that close an adverbial or open a complement (地 uv, 得 ud): they follow
# an adjective, an adverb or a verb, not a word ending with them (耕地|地, 取得|得 are slips).
_FREE_TAGS = frozenset(("u", "uj", "ul", "uz", "ug", "p", "c", "d", "dg", "r", "rr", "rz", "rg",
                        "y", "e", "o"))
# Before a word that starts with it, only a function word stands alone (关键是|是否, 稳定和|和谐,
# 进行了|了解): jieba tags many nouns as measure words (家|家园, 天|天气, 类|类型) and adverbs
# (更|更加), and a copy of those before their word is the slip. A preposition stands alone
# only before a noun, its object (对|对象, not 同|同比). 地 and 得 stand alone before a word
# no more than after one (地|地方, 得|得到 are slips).
_FREE_BEFORE_TAGS = frozenset(("u", "uj", "ul", "uz", "ug", "c", "y", "e", "o"))
# The copula, 有 and the modal verbs stand alone where what follows suits them (关键是|是否,
# 人工智能|能|成为, 主要|要|抓好): jieba tags them as any verb (v), and the verbs at large
# are the words a slip doubles (支持持, 加加强), so they are named, with the tags of what
# each takes: the copula anything, 有 an object, a modal a verb or an adverbial (能|能力,
# 平稳有|有序 and 经济社会|会|安全 are slips).
_FREE_VERBS: dict[str, tuple[str, ...]] = {
    "是": ("",), "有": ("n", "r", "m"), **dict.fromkeys("要会能可应该须", ("v", "d", "p"))}
# An adverb, a preposition, a conjunction or a pronoun stands alone after a word that ends
# with it (成就|就|是, 方向|向|社会, 其他|他|们) only if it is one of the language's common
# free words: jieba's dictionary counts each character as a word of its own, and tags many a
# bound character as one of those from its rare free use (情况|况 367 times, 服务|务 1,342,
# 正确|确 3,623, 必须|须 8,997, 分别|别 14,132, 数据|据 19,409, 实施细则|则 32,160,
# 协同|同 37,578), where the free ones count far more (才 55,415, 其 71,322, 向 75,979,
# 与 160,984, 都 202,780).
MIN_FREE_COUNT = 50_000
# ... and an adverb modifies a verb, an adjective or a number, not a noun (人才|才|数量)
_ADVERB_TAGS = frozenset(("d", "dg"))
# jieba's tags of the object before which a rare preposition stands alone (周至|至|眉县):
# names, places, abbreviations, pronouns, times, numerals; not a common noun, where the lone
# copy of a word's last character is the slip (数据|据|资源, 扣除|除|比例)
_OBJECT_TAGS = ("nr", "ns", "nt", "nz", "r", "s", "t", "m", "f", "j")
# jieba's tags of words and characters that modify what follows them: a copy of one of them
# before a word is a modifier, not a slip (安全|全|链条, 创新|新|模式; 慢慢|走, 渐渐|变):
# adjectives, distinguishing words, adverbs, state words, prefixes (whole tags: jieba's
# ``zg`` is no state word but a tag of many nouns and measure words, 村, 件, 议).
_MODIFIER_TAGS = frozenset(("a", "ag", "ad", "an", "b", "d", "dg", "z", "h"))
# jieba's tags of the words a describing ABB form is made of (活跃|跃|的): adjectives, state
# words, adverbs and the verbal nouns (jieba's tag of 活跃)
_DESCRIBING_TAGS = frozenset(("a", "ad", "ag", "an", "z", "d", "vn"))
# ... and a lone character modifies the noun after it (安全|全|链条, 创新|新|动能) only if it is
# a common free word: jieba tags many a bound character as an adjective from its rare free
# use (洁 361 times, 彻 315, 良 1,206, 广 4,658, 易 5,042), where the free ones count far more
# (低 15,504, 全 22,165, 新 62,626)
MIN_MODIFIER_COUNT = 10_000


def typo(view: CheckInput, settings: CheckSettings) -> list[Finding]:
    """Doubled characters or words that are not Chinese reduplication (新新增, 质押质押).

    A doubled pair is legitimate when it is a dictionary word or listed in
    ``reduplication.toml`` (常常, 人人…), and when the first copy ends a longer word (全市|市场):
    only a copy that stands alone before its twin is a slip. A copy that closes what comes
    before it is no slip either (``_closes_what_precedes``: 2024年|年末, 市|市场监督管理局,
    鲁钢|钢材), nor is a distributive 一个一个, a listed term (原原种, ``cues.toml``), a coined
    term in quotation marks (“新新人”), or a run of three or more copies (a table's merged cells
    printed over and over: 万个万个万个).

    A lone copy after a word that ends with it (产业|业|园区, 品牌|牌|指导站, 指导|导|站) is a
    slip too (:func:`_stray_tail`), unless the copy opens a word with what follows (发展|展望,
    会议|议程, 全市|市场: a word boundary) or is a word where it stands (目的|的|手段,
    参与|与|支持, 十五|五|规划, 全镇|镇|村干部).

    >>> [f.evidence["doubled"] for f in typo(CheckInput([], "全市新建产业业园区12个。", []),
    ...                                       CheckSettings())]
    ['业业']
    """
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
        if len(unit) == 1:
            where = _stray_character(text, match.start(), unit)
            if where is None or _in_title(text, match.start()):
                continue
        elif (not _may_be_stray(text, match.start(), unit) or _in_title(text, match.start())
              or not _stray_copy(text, match.start(), unit)):
            continue
        else:
            where = "word"
        follows = text[match.end(): match.end() + 2]
        precedes = text[max(0, match.start() - 2): match.start()]
        if _in_aabb(text, match.start(), unit, follows, precedes):
            continue  # 团团伙伙, 干干净净 (either pair): the AABB form is deliberate
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
            evidence={"doubled": doubled, "repeated": unit, "stray": where,
                      "rule": _RULES[where]},
        ))
    return findings


_RULES = {
    "first": "a lone character before a word that starts with it, and not a word where it "
             "stands (新|新增)",
    "last": "a lone character after a word that ends with it, which opens no word and is not "
            "a word where it stands; without it the text segments into dictionary words "
            "(产业|业|园区)",
    "word": "doubled word that is neither a dictionary word nor a listed reduplication",
}


def _in_aabb(text: str, start: int, unit: str, follows: str, precedes: str) -> bool:
    """The doubled character at ``start`` is half of an AABB form (干干净净, 团团伙伙, either
    pair): another doubled character just before or after it. Not when the form's first
    character closes a word with the one before it (取水|水质|质: two slips side by side, or a
    word's last character and a slip, not a form).

    >>> _in_aabb("城乡环境干干净净。", 4, "干", "净净", "环境")
    True
    >>> _in_aabb("取水水质质达标", 3, "质", "达标", "水水")
    False
    """
    for pair, opens in ((follows, start), (precedes, start - 2)):
        if len(pair) == 2 and pair[0] == pair[1] and pair[0] != unit \
                and _ALL_HAN.fullmatch(pair) is not None:
            return opens < 1 or not is_word(text[opens - 1: opens + 1])
    return False


def _stray_character(text: str, start: int, unit: str) -> str | None:
    """Which copy of a doubled character (at ``start`` and ``start + 1``) is a slip: "first"
    (新|新增), "last" (产业|业|园区), or None. The window is segmented once, and only when a
    dictionary lookup says one of the two shapes is possible (a cut costs 15 µs)."""
    first = _may_be_stray(text, start, unit)
    last = _may_end_word(text, start, unit)
    if not (first or last):
        return None
    window_start = max(0, start - _WINDOW)
    window = text[window_start: _window_end(start, unit)]
    tokens = cut(window)
    if first and (_stray_copy(text, start, unit, tokens)
                  or _twin_before_word(window, start - window_start, unit, tokens)):
        return "first"
    if last and _stray_tail(window, start - window_start, unit, tokens):
        return "last"
    return None


def _twin_before_word(window: str, start: int, unit: str, tokens: list[str]) -> bool:
    """整整|治 for 整治: the doubled character is itself a dictionary word (整整, 浓浓, 层层),
    so the segmentation keeps the pair and leaves the rest of the word standing alone; the
    text with one copy removed segments into the word (整治). A reduplication that modifies
    the verb after it (慢慢|走, 渐渐|变: jieba's adverbs, state words, adjectives and
    distinguishing words) and a measure word after a numeral (3年年|均) are no slips, nor a
    lone character after the pair that is a word where it stands (常常|用)."""
    position = 0
    for index, token in enumerate(tokens):
        if position == start:
            break
        if position > start:
            return False
        position += len(token)
    else:
        return False
    after = tokens[index + 1] if index + 1 < len(tokens) else ""
    before = tokens[index - 1] if index else ""
    if len(before) == 1 and _ALL_HAN.fullmatch(before) is not None:
        return False  # 先行先|试试|点: the first copy may close what stands before it (先试)
    if (token != unit * 2 or len(after) != 1 or _ALL_HAN.fullmatch(after) is None
            or _stands_alone(after) or pos_tag(token) in _MODIFIER_TAGS
            or (start > 0 and window[start - 1] in _NUMERAL)):
        return False
    mended = window[: start + 1] + window[start + 2:]
    spot = 0
    for piece in cut(mended):
        if spot <= start < spot + len(piece):
            return len(piece) > 1 and spot + len(piece) >= start + 2
        spot += len(piece)
    return False


def _stands_alone(character: str, tags: frozenset[str] = _FREE_TAGS,
                  then: str | None = None) -> bool:
    """A single character that is a word where it stands: a function word (的, 与, 和, 都),
    the copula or a modal verb before what it takes (是, 能|成为); ``tags``: the tags that
    count; ``then``: the token after it (None: any).

    >>> _stands_alone("的"), _stands_alone("能", then="成为"), _stands_alone("能", then="力")
    (True, True, False)
    """
    takes = _FREE_VERBS.get(character)
    if takes is not None:
        return then is None or (bool(then) and pos_tag(then).startswith(takes))
    return pos_tag(character) in tags


def _may_end_word(text: str, start: int, unit: str) -> bool:
    """What :func:`_stray_tail` needs before it is worth segmenting: a dictionary word of two
    or more characters ends with the first copy (产业 of 产业业园区), the copy is no function
    word and no numeral closes it (目的的, 十五五 are never cut). Whether the second copy
    opens a word (展望 of 发展展望, 市场 of 全市市场: a word boundary) is the segmentation's
    call: 农村|村|居民 takes 居民, not 村居.

    >>> _may_end_word("产业业园区", 1, "业"), _may_end_word("新新增", 0, "新")
    (True, False)
    >>> _may_end_word("目的的手段", 1, "的"), _may_end_word("十五五规划", 1, "五")
    (False, False)
    """
    if _closes_a_numeral(text, start, unit) or (
            unit not in _FREE_VERBS and _free_after_word(unit)):
        return False
    after = start + 1
    return any(is_word(text[begin:after]) for begin in range(max(0, start - _WINDOW), start))


def _stray_tail(window: str, start: int, unit: str, tokens: list[str]) -> bool:
    """产业|业|园区: the segmentation ends a word of two or more characters with the first copy
    and leaves the second alone; the lone copy is not a word where it stands (参与|与|支持,
    目的|的), a modifier of the noun after it (安全|全|链条), the head of a term or name the
    dictionary lacks (焦化|化|产, 海南|南|繁育), part of a describing ABB form (活跃|跃|的),
    one of two levels of place (全镇|镇|村干部, ``cues.toml``, ``kind_endings``) or of a
    listed reduplication (实事|件件); and the text without it segments better: into fewer
    pieces, no more of them lone characters, and those from that word to the next one
    dictionary words.

    >>> _stray_tail("产业业园区", 1, "业", ["产业", "业", "园区"])
    True
    >>> _stray_tail("达到目的的手段", 3, "的", ["达到", "目的", "的", "手段"])
    False
    """
    position = 0
    for index, token in enumerate(tokens):
        end = position + len(token)
        if end > start + 1:
            return False  # the pair is inside one word, or the first copy stands alone
        if end == start + 1:
            break
        position = end
    else:
        return False
    following = tokens[index + 1: index + 3]
    after = following[1] if len(following) > 1 else ""
    if (len(token) < 2 or not following or following[0] != unit
            or _free_after_word(unit, then=after)
            or _closes_a_numeral(window, start, unit)
            or (pos_tag(unit) in _MODIFIER_TAGS - _ADVERB_TAGS
                and tokenizer().FREQ.get(unit, 0) >= MIN_MODIFIER_COUNT
                and pos_tag(after).startswith("n"))):
        return False  # 十五|五|规划 closes a numeral; 安全|全|链条, 创新|新|模式: a modifier
        # before a noun (not 加快|快|发展; an adverb modifies no noun: 服务|务|能力; a bound
        # character modifies nothing alone: 廉洁|洁|政府, 优良|良|天数)
    if _may_open_a_term(window, start, unit, token, after):
        return False  # 焦化|化|产, 产业链|链|主: the copy and the character after it may be
        # a term or a name the dictionary lacks (化产, 链主)
    if pos_tag(unit) == "ns" and pos_tag(token) == "ns":
        return False  # 海南|南|繁育: a place's last character (南, 北, 湖) opens names and
        # abbreviations (南繁) that the dictionary lacks (not 枢纽|纽, 便捷|捷: jieba tags
        # many a character as a place from a rare use, 纽 for New York, 捷 for Czechia)
    if after in ("的", "地") and pos_tag(token) in _DESCRIBING_TAGS:
        return False  # 活跃|跃|的: a describing ABB form the dictionary lacks, spelt as its
        # writer likes (the dictionary has the common ones, 绿油油, 笑眯眯, as words); a noun's,
        # a verb's or a pronoun's copy is a slip (农村|村|的, 发布|布|的, 我们|们|的)
    kinds = load_vocabulary().cues.kind_endings
    if unit in kinds and after[:1] in kinds:
        return False  # 全镇|镇|村干部: two levels of place side by side
    if (unit * 2 in load_vocabulary().allowed_reduplications
            and (pos_tag(after).startswith("v") or after[:1] in _FREE_VERBS)
            and any(is_word(window[begin:start]) for begin in range(max(0, start - 4), start - 1))):
        return False  # 民生实事|件件|有着落: a word, then a listed reduplication as the subject
    without = window[: start + 1] + window[start + 2:]
    fewer = cut(without)
    if len(fewer) >= len(tokens) or _lone_characters(fewer) > _lone_characters(tokens):
        return False  # mended, the text breaks into as many pieces (产业园|区 is one fewer)
    # the pieces of the mended text from the word's start to the end of the next token
    reach_end, spot = position + len(token) + len("".join(following[1:])), 0
    for piece in fewer:
        if spot >= position and spot < reach_end and not is_word(piece):
            return _ALL_HAN.fullmatch(piece) is None  # a figure or a mark may follow
        spot += len(piece)
    return True


def _may_open_a_term(window: str, start: int, unit: str, token: str, after: str) -> bool:
    """焦化|化|产, 产业链|链|主, 中国|国|新, 太湖|湖|体: the lone copy (``unit``, at ``start`` of
    ``window``, after the word ``token``) and the lone character ``after`` it may be a term or a
    name the dictionary lacks (化产, 链主, 国新, 湖体).

    Only a noun's last character opens one: it is the noun's head and stands for it (链 for
    产业链, 湖 for 太湖), where a verb's last character names nothing (改造|造|老旧), nor does
    a bound noun morpheme (绿色|色|低碳: jieba's ``ng``) or a character jieba reads as a verb
    (处理率|率|超). And the character after it must be able to end a term: not when the word
    and that character make a word (开发|发|区 of 开发区: a middle character doubled) or it is a
    suffix of the word (常态|态|化 of 常态化, ``cues.toml``, ``word_suffixes``), a locality word
    (会议|议|上), the noun's predicate, a verb or an adjective (能力|力|强, 开局|局|打牢; but a
    place's last character opens names with anything: 中国|国|新), or an ordinal or a verb that
    takes the figure after it (全国|国|第|4位, 总装机|机|超|1.7亿千瓦: 链主|3个 is a term and its
    count).

    >>> _may_open_a_term("焦化化产深加工", 1, "化", "焦化", "产")
    True
    >>> _may_open_a_term("坚持持民生优先", 1, "持", "坚持", "民")
    False
    >>> _may_open_a_term("居全国国第4位", 2, "国", "全国", "第")
    False
    """
    if (len(after) != 1 or _ALL_HAN.fullmatch(after) is None or _stands_alone(after)
            or pos_tag(after).startswith("f") or is_word(token + after)
            or after in load_vocabulary().cues.word_suffixes):
        return False
    head = pos_tag(unit)
    if not (pos_tag(token).startswith(_HEAD_NOUN_TAGS) and head.startswith("n") and head != "ng"):
        return False
    if pos_tag(after) in _PREDICATE_TAGS and pos_tag(token) != "ns":
        return False
    figure = window[start + 3: start + 4]
    return not (figure != "" and figure in _NUMERAL and pos_tag(after).startswith(("v", "m")))


def _free_after_word(unit: str, then: str | None = None) -> bool:
    """A lone copy after a word that ends with it is a word where it stands (目的|的|手段,
    参与|与|支持, 成就|就|是): a function word, the copula or a modal verb before what it
    takes (:func:`_stands_alone`), and for an adverb, a preposition, a conjunction or a
    pronoun, a common free one (``MIN_FREE_COUNT``: not 服务|务, 协同|同|配合, 情况|况,
    分别|别) or a preposition before its object, a name, a place, a time or a number
    (周至|至|眉县, not 数据|据|来自 or 数据|据|资源); an adverb before a noun modifies nothing
    (人才|才|数量). ``then``: the token after it (None: not known yet, so only what holds
    before any token is said).

    >>> _free_after_word("的"), _free_after_word("与", "支持"), _free_after_word("务", "转型")
    (True, True, False)
    >>> _free_after_word("至", "眉县"), _free_after_word("据", "来自"), _free_after_word("据", "资源")
    (True, False, False)
    >>> _free_after_word("其"), _free_after_word("况"), _free_after_word("别")
    (True, False, False)
    >>> _free_after_word("才", "能"), _free_after_word("才", "数量"), _free_after_word("同", "配合")
    (True, False, False)
    """
    if not _stands_alone(unit, then=then):
        return False
    tag = pos_tag(unit)
    common = tokenizer().FREQ.get(unit, 0) >= MIN_FREE_COUNT
    if tag == "c" or tag.startswith("r"):
        return common  # 及其|其|子公司, 其他|他|们; not 情况|况 (况 367), 分别|别 (14,132)
    if tag not in _ADVERB_TAGS and tag != "p":
        return True
    if tag == "p":  # a preposition before its object stands alone (周至|至|眉县)
        return common or (then is not None and pos_tag(then).startswith(_OBJECT_TAGS))
    if then is None:
        return False  # an adverb's call waits for the token after it
    return common and not pos_tag(then).startswith("n")


def _closes_a_numeral(text: str, start: int, unit: str) -> bool:
    """The first copy ends a numeral's word, so the second belongs with what the numeral
    counts: a numeral itself (十五|五|规划) or a measure word after 一 (一个|个, 一批|批: the
    distributive 一个个, 一批批). Any other numeral and measure word before a lone copy of
    the measure word (第六批|批, 两项|项) is a slip.

    >>> _closes_a_numeral("十五五规划", 1, "五"), _closes_a_numeral("一批批项目", 1, "批")
    (True, True)
    >>> _closes_a_numeral("第六批批案例", 2, "批"), _closes_a_numeral("产业业园区", 1, "业")
    (False, False)
    """
    before = text[start - 1] if start > 0 else ""
    return bool(before) and before in _NUMERAL and (unit in _NUMERAL or before == "一")


def _lone_characters(tokens: list[str]) -> int:
    """How many Han characters a segmentation leaves standing alone (not counting the ones
    that are words where they stand: 的, 和, 五)."""
    return sum(1 for token in tokens if len(token) == 1 and _ALL_HAN.fullmatch(token) is not None
               and not _stands_alone(token))


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
    closed = text.find("”", offset, quoted + 1 + _QUOTED_TERM + 1) if quoted >= 0 else -1
    return closed >= 0 and text.rfind("”", quoted, offset) < 0


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


def _stray_copy(text: str, start: int, unit: str, tokens: list[str] | None = None) -> bool:
    """新|新增 (a lone copy before a word that starts with it) or 质押|质押 (a word written
    twice) is a slip; 全市|市场 (the first copy ends a word) and 康|康|姐 (two lone copies,
    as in a nickname) are not, nor a copy that closes what precedes it (陕|煤|煤炭) or is a
    word where it stands (关键是|是否, 稳定和|和谐, 对|对象). ``tokens``: the window already
    segmented."""
    window_start = max(0, start - _WINDOW)
    if tokens is None:
        tokens = cut(text[window_start: _window_end(start, unit)])
    position = window_start
    for index, token in enumerate(tokens):
        if position == start:
            following = tokens[index + 1] if index + 1 < len(tokens) else ""
            # 新|新增 and 质押|质押融资: the copy stands alone before a word that repeats it
            return token == unit and following.startswith(unit) and (
                len(unit) > 1 or len(following) > 1) and not (
                len(unit) == 1 and (
                    _stands_alone(unit, _FREE_BEFORE_TAGS, following)
                    or (pos_tag(unit) == "p" and pos_tag(following).startswith("n"))
                    or _closes_what_precedes(text, start, unit,
                                             tokens[index - 1] if index else "")))
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

    A 分别 list later in the claim's sentence, with change figures, backs the claim only when
    it gives the claim's own figure (the words that open such a list are ``respectively`` in
    ``cues.toml``): the claim's subject is one of the list's names (出口增长较快，进口、出口分别
    增长…), or the list stands right after the claim without names of its own (进口和出口增长
    较快，分别增长…), or the claim is about a group that has no single figure and the list right
    after it measures members of the group alike (高技术产品产量增长较快，3D打印设备、服务机器人
    产量分别增长…). A list about other indicators (规上工业增加值增长显著，城乡居民人均可支配
    收入分别增长…) and the parts after 其中 (增长显著，其中工业用电量增长3.1%) leave the figure
    missing."""
    text = view.text
    openers = load_vocabulary().cues.respectively
    findings = []
    for match in _CLAIM_WITHOUT_FIGURE.finditer(text):
        # the records' starts are made (once for all checks) only when a claim is found
        if _backed(text, match.start(), match.end(), openers, view.records, view.starts):
            continue
        findings.append(Finding(
            kind="missing_figure",
            severity="warning",
            message=f"“{match.group(0)}” claims a change against last year without a figure.",
            spans=((match.start(), match.end()),),
            evidence={"claim": match.group(0), "rule": "comparison + change verb + adjective, "
                      "no number after it, and no 分别 list with figures in its sentence that "
                      "gives the claim's own figure"},
        ))
    return findings


# What separates the clauses of a sentence, and a claim's subject from what stands before it.
_CLAUSE_BREAKS = "，,；;：:。！？\n"
# Names in a 分别 list: 城镇、农村居民人均可支配收入; 进口和出口.
_NAME_SEPARATORS = re.compile(r"以及|[、和及与]")
# A comparison base may stand before 分别 in a list that has no names of its own (增长较快，
# 同比分别增长…) or end its names (A、B产量同比分别增长…).
_BASE_WORDS = "同比|环比|比上年同期|较上年同期|比上年|较上年|比去年|较去年"
_BASE_AT_END = re.compile(rf"(?:{_BASE_WORDS})$")
# Words that make a claim's subject a group with no single figure of its own: each product,
# kind of goods or industry has its own (高技术产品产量增长较快, then the products one by one),
# and 城乡 names two populations, each with its figure (城乡居民收入增长较快，城镇、农村居民
# 收入分别增长…). (A short word list, kept here until cues.toml has a key for it.)
_GROUP_WORDS = ("产品", "商品", "行业", "城乡")
_SUBJECT_REACH = 40  # a claim's subject stands within this many characters before it


def _backed(text: str, start: int, end: int, openers: tuple[str, ...], records: list[Record],
            starts: list[int]) -> bool:
    """A 分别 list after the claim in its sentence gives change figures and the claim's own."""
    limit = min(len(text), end + MAX_REACH)
    stops = [i for i in (text.find(mark, end, limit) for mark in "。！？；\n") if i >= 0]
    sentence_end = min(stops) if stops else limit
    subject: str | None = None
    for word in openers:
        at = text.find(word, end, sentence_end)
        while at >= 0:
            first = bisect_left(starts, at)
            if any(r.kind in CHANGE_KINDS
                   for r in records[first: bisect_left(starts, sentence_end)]):
                if subject is None:
                    subject = _subject(text, start)
                if _gives_the_claim(text, end, at, subject):
                    return True
            at = text.find(word, at + len(word), sentence_end)
    return False


def _subject(text: str, start: int) -> str:
    """What a claim is about: its clause before it, without the words that say where or when
    (全年, 全市, 其中…)."""
    floor = max(0, start - _SUBJECT_REACH)
    mark = max(text.rfind(m, floor, start) for m in _CLAUSE_BREAKS)
    return _without_scope(text[max(mark + 1, floor): start].strip())


def _without_scope(name: str) -> str:
    """A name without the scope words that open it (全年全市出口 → 出口): they say where or
    when, not what, and a list's names seldom repeat them."""
    words = sorted(load_vocabulary().cues.scope_words, key=len, reverse=True)
    stripped = True
    while stripped:
        stripped = False
        for word in words:
            if name.startswith(word) and len(name) > len(word):
                name, stripped = name[len(word):], True
                break
    return name


def _gives_the_claim(text: str, end: int, opener: int, subject: str) -> bool:
    """Whether the 分别 list opened at ``opener`` gives the figure of the claim ending at
    ``end`` whose subject is ``subject``."""
    mark = max(text.rfind(m, end, opener) for m in _CLAUSE_BREAKS)
    names = _BASE_AT_END.sub("", text[max(mark + 1, end): opener].strip())
    # the list's clause is the one right after the claim (增长较快，A、B分别…)
    adjacent = mark < 0 or not text[end: mark].strip(_CLAUSE_BREAKS + " 　")
    if not names.strip():
        return adjacent  # 进口和出口增长较快，分别增长…: the claim's subject is the list's
    names = _without_scope(names)
    items = [item for item in _NAME_SEPARATORS.split(names) if item]
    if not items or not subject:
        return False
    last = items[-1]
    # a name with 和 or 与 inside it (科学研究与试验发展经费) is whole between the 、
    if subject in names.split("、"):
        return True
    for item in items:
        # a name that shares the last one's head (城镇、农村居民收入: 城镇居民收入)
        if subject == item or (item is not last and subject.startswith(item) and any(
                subject == item + last[k:] for k in range(1, len(last)))):
            return True
    return (adjacent and any(word in subject for word in _GROUP_WORDS) and len(subject) > 2
            and last.endswith(subject[-2:]))

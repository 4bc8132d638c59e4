"""The lookup of a record's metric in the indicator catalogue (``indicators.py`` loads and
validates the catalogue; this module finds the entry a metric names): the metric as written,
then in its lookup form, then by the catalogue's structure. Dict lookups only, a bounded number
per metric, never a scan of the entries.

>>> lookup_form(" ＧＤＰ[2]", re.compile(r"\\[\\d+\\]"))
'gdp'
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .indicators import IndicatorCatalogue

# A name seen through a verb around it (实现地区生产总值, 地区生产总值跨过) is at least this long in
# its lookup form: a shorter one is the first word of the verb's object (巩固经济薄弱村: 经济)
AROUND_A_VERB = 3
# a share written as its part and its whole (民生支出占一般公共预算支出比重), or as its part alone
# (民生支出占比): the two are looked up as names, and the pair names the share entry
SHARE = re.compile(r"(?P<part>.+?)占(?:(?P<whole>.+?)的?(?:比重|比例)|比)")
# what may end the words between 占 and a share's figure, besides its whole (占…的73.7%, 占…比重46.8%)
WHOLE_END = re.compile(r"的?(?:比重|比例)?的?$")
# The most characters a list writes once for its items at the first's beginning (第 of 第一、二,
# 农村 of 农村卫生户厕、生活垃圾处理设施覆盖率) and at the last's end (产量, 毛入学率, 进出口总额,
# 居民人均可支配收入 of 城镇、农村居民人均可支配收入): a scope word, a measure with its owner, so
# that a list of long items costs a few dozen lookups an item, not one per pair of their
# characters. (A longer ending, 第一、二、三次产业
# 增加值占…比重, is a word for all the items: distributive_words.)
WRITTEN_ONCE = (4, 12)
# dropped from every name and metric before lookup: spaces, underscores (PM_2.5), quotation marks
DROPPED = re.compile(r"[\s_＿\"'＂＇“”‘’「」『』]+")


class Matcher:
    """A catalogue's lookup, in plain attributes (pydantic's private ones are slow to read):
    the metric as written, then its lookup form, then that without its leading scope words
    (全省, 我市 …), then with each suffix variant in turn; then a share by the entries its part
    and whole name; then a table row by the measure above it; then the name's head; then the
    whole name without a verb before or after it (:meth:`_around`). Dict lookups only, a
    bounded number per metric.

    A table row is named ``measure·row`` (一般公共预算支出·教育, records/tables.py): it names the
    entry that is the row's part of the measure, written as the row and an ending of the
    measure (教育 + 支出 = 教育支出), and only when that entry is a part of the measure's entry
    in the catalogue (its ``parent``, or the parent's parent): 进口额·一般贸易 is no 一般贸易,
    which is a part of the total trade, not of the imports.

    The head of a name is the longest name or alias of the catalogue that ends it. It names its
    entry only when every word before it is a lead word (共有, 各类, 经工商登记: the figure is all
    of the thing, as the entry counts it) or a word of the entry's own coverage; any other word
    before it makes a narrower thing (农村居民国内出游, 新增科技型中小企业, 东部地区生产总值),
    which is its own entry when the catalogue has one (it is then found as written) and no
    entry otherwise.

    Three lookups take what stands beside the metric, given by the caller: :meth:`item`, an item
    of a list by the item before it; :meth:`parallel`, the items of a list whose figures stand
    side by side, with the words the list writes once; and :meth:`share`, a share named by its
    part by the whole the text writes after 占."""

    __slots__ = ("after", "before", "coverage", "distributive", "dropped", "head_lengths", "keys", "lead",
                 "noise", "parents", "per", "scope", "share_conflicts", "shares", "suffixes", "threshold_starts",
                 "thresholds", "variants")

    def __init__(self, catalogue: IndicatorCatalogue) -> None:
        self.keys = catalogue.keys
        self.noise = re.compile(catalogue.noise_pattern) if catalogue.noise_pattern else None
        prefixes = sorted((re.escape(lookup_form(prefix, self.noise)) for prefix in catalogue.scope_prefixes),
                          key=len, reverse=True)
        self.scope = re.compile("|".join(prefixes)) if prefixes else None
        self.variants = catalogue.suffix_variants
        self.thresholds = tuple((lookup_form(whole, self.noise), parent)
                                for whole, parent in catalogue.threshold_wholes)
        self.threshold_starts = tuple(whole for whole, _ in self.thresholds)
        self.suffixes = tuple(dict.fromkeys(suffix for suffix, _ in self.variants))
        # what lookup_form drops: a metric with none of it, already in NFKC and lower case, is
        # its own lookup form (most are), and is looked up as it is
        self.dropped = re.compile(f"(?:{catalogue.noise_pattern})|{DROPPED.pattern}"
                                  if catalogue.noise_pattern else DROPPED.pattern)
        # the head search tries only the lengths of the names that end as the metric does
        # (its last two characters), longest first: a few lookups, not one per length
        lengths: dict[str, set[int]] = {}
        for key in self.keys:
            if len(key) >= 2:
                lengths.setdefault(key[-2:], set()).add(len(key))
        self.head_lengths = {ending: tuple(sorted(found, reverse=True))
                             for ending, found in lengths.items()}
        lead = [*catalogue.lead_words, *catalogue.scope_prefixes]
        self.lead = self._words(lead) if lead else None
        self.coverage = {indicator.id: self._words([*lead, *indicator.coverage])
                         for indicator in catalogue.indicators.values() if indicator.coverage}
        self.parents = {indicator.id: indicator.parent for indicator in catalogue.indicators.values()}
        per = sorted({lookup_form(word, self.noise) for word in catalogue.per_words}, key=len, reverse=True)
        self.per = re.compile("|".join(map(re.escape, per))) if per else None
        before = sorted({lookup_form(word, self.noise) for word in catalogue.verbs_before_names}, key=len, reverse=True)
        self.before = re.compile("|".join(map(re.escape, before))) if before else None
        after = sorted({lookup_form(word, self.noise) for word in catalogue.verbs_after_names}, key=len, reverse=True)
        self.after = re.compile("(?:" + "|".join(map(re.escape, after)) + ")$") if after else None
        # (longest word first: 第一二三次产业 before 三次产业 would not matter, 一二三产业 before
        # 一二三产 does)
        self.distributive = sorted(((lookup_form(word, self.noise), tuple(lookup_form(part, self.noise)
                                                                          for part in parts))
                                    for word, *parts in catalogue.distributive_words),
                                   key=lambda pair: len(pair[0]), reverse=True)
        self.shares: dict[tuple[str, str], str] = {}
        self.share_conflicts: list[tuple[str, str, str]] = []  # (name, its entry, the other)
        for key, ident in self.keys.items():
            pair = self._share_parts(key)
            if pair is None:
                continue
            other = self.shares.setdefault(pair, ident)
            if other != ident:
                self.share_conflicts.append((key, ident, other))

    def _words(self, words: list[str]) -> re.Pattern[str]:
        """A pattern of one or more of ``words`` (longest first), in their lookup form."""
        forms = sorted({lookup_form(word, self.noise) for word in words}, key=len, reverse=True)
        return re.compile("(?:" + "|".join(map(re.escape, forms)) + ")+")

    def __call__(self, metric: str | None) -> str | None:
        if not metric:
            return None
        return self._lookup(metric, shares=True)

    def item(self, metric: str, previous: str) -> str | None:
        """The entry a list's item names that its measure alone does not (国内游客人次、总花费
        增长5.6%、7.5%: 总花费 is 国内游客总花费): the items of a list share what stands before
        the first one's measure, so the item is looked up after each beginning of ``previous``
        (the item before it), longest first, through the whole lookup (a beginning that is no
        lead word makes a narrower thing there too). The first beginning that names an entry
        decides: that entry, unless it is the item before's own (a list's items are different
        indicators). At most one whole lookup per character of ``previous``.

        A ratio's denominator (``per_words``) at the start of ``previous`` is every item's: an
        item without it is looked up only after the beginnings that keep it, whatever it names
        alone (每千人托位、养老床位数: no 养老床位, a count, but 每千人养老床位数, which the
        catalogue may lack)."""
        key, before = lookup_form(metric, self.noise), lookup_form(previous, self.noise)
        if not key:
            return None
        per = self.per.match(before) if self.per is not None else None
        if per is not None and per.re.match(key):
            per = None  # (the item has its own)
        if per is None:
            found = self._lookup(key, shares=True)
            if found is not None:
                return found
        for end in range(len(before) - 1, per.end() - 1 if per is not None else 1, -1):
            found = self._lookup(before[:end] + key, shares=False)
            if found is not None:
                return found if found != self._lookup(before, shares=True) else None
        return None

    def parallel(self, items: tuple[str, ...], count: int) -> tuple[str | None, ...] | None:
        """The entries of the ``count`` figures a list names side by side (X、Y增长a、b; X、Y和Z
        分别为a、b、c), one per figure in order, or None when the ``items`` (the list as
        written) do not pair off with the figures: neither one item each nor one word standing
        for all of them.

        A list writes some words once: a word for all its items (城乡居民人均收入, 三次产业增加值,
        the ``distributive_words``, here only when it covers every list mark: 一、二、三产业 is
        一二三产业 written as a list, while 城乡 inside the first of two items stands for nothing
        but that item), an ending on the last item (一、二、三产业增加值; 农村自来水、卫生户厕普及率)
        or a beginning on the first (第一、二、三次产业). An item that names nothing alone is
        looked up as it is, after the item before it (:meth:`item`), then with an ending of the
        last item and a beginning of the first, shortest first; an entry so found that is the
        first's or the last's own names nothing (a list's items are different indicators).
        At most one whole lookup per pair of beginning and ending (``WRITTEN_ONCE``), for the
        items that need it."""
        forms = tuple(lookup_form(item, self.noise) for item in items)
        if not forms or count < 2 or not all(forms):
            return None
        joined = "".join(forms)
        written_once = len(joined) - len(forms[-1])  # (the characters of the items but the last)
        for word, parts in self.distributive:
            if joined.startswith(word) and len(word) >= written_once:
                if len(parts) != count:
                    return None  # (城乡 for three figures: they do not pair off)
                rest = joined[len(word):]
                return tuple(self._lookup(part + rest, shares=True) for part in parts)
        if len(forms) != count:
            return None
        return tuple(self._listed(forms, position) for position in range(count))

    def _listed(self, forms: tuple[str, ...], position: int) -> str | None:
        """The entry the item at ``position`` of a list names (see :meth:`parallel`)."""
        key = forms[position]
        found = (self.item(key, forms[position - 1]) if position
                 else self._lookup(key, shares=True))
        if found is not None:
            return found
        first, last = forms[0], forms[-1]
        # the shortest first: the words written once are the fewest that complete a name, the
        # others are the last's or the first's own (工业、制造业、工业技改投资: 制造业投资, not
        # 制造业技改投资)
        endings = ([last[at:] for at in range(len(last) - 1, max(0, len(last) - WRITTEN_ONCE[1]) - 1, -1)]
                   if position < len(forms) - 1 else [""])
        beginnings = [first[:at] for at in range(min(len(first), WRITTEN_ONCE[0] + 1))] if position else [""]
        for beginning in beginnings:
            for ending in endings:
                if not (beginning or ending):
                    continue  # (the item as it is was looked up above)
                found = self._lookup(beginning + key + ending, shares=True)
                if found is not None:
                    own = (self._lookup(first, shares=True), self._lookup(last, shares=True))
                    return found if found not in own else None
        return None

    def share(self, part: str, whole: str) -> str | None:
        """The share entry of a share named by its ``part`` while the text puts its ``whole``
        after 占 (民生支出占一般公共预算支出68.4%, …，占一般公共预算支出的71.2%): looked up as
        ``part占whole比重``, so by the entries the two name; a whole that names no entry (全国,
        全省) finds none."""
        whole = WHOLE_END.sub("", lookup_form(whole, self.noise))
        return self._lookup(f"{lookup_form(part, self.noise)}占{whole}比重", shares=True) if whole else None

    def _share_parts(self, key: str) -> tuple[str, str] | None:
        """The entries a share's part and whole name (``""`` for a whole not written), or None
        when ``key`` is no share or a part of it names no entry."""
        share = SHARE.fullmatch(key)
        if share is None:
            return None
        part = self._lookup(share["part"], shares=False)
        whole = self._lookup(share["whole"], shares=False) if share["whole"] else ""
        return (part, whole) if part is not None and whole is not None else None

    def _row(self, key: str) -> str | None:
        """The entry a table row ``measure·row`` names as a part of its measure, or None."""
        measure, _, row = key.rpartition("·")
        whole = self._lookup(measure, shares=False) if measure and row else None
        if whole is None:
            return None
        for start in range(len(measure)):  # the longest ending first: 出口额 before 额
            found = self.keys.get(row + measure[start:])
            if found is not None:
                parent = self.parents[found]
                while parent is not None and parent != whole:
                    parent = self.parents[parent]
                return found if parent == whole else None
        return None

    def _head(self, key: str) -> str | None:
        """The entry the head of ``key`` names, when the words before it lead to it (see the
        class)."""
        lengths = self.head_lengths.get(key[-2:])
        if lengths is None or self.lead is None:
            return None
        for length in lengths:
            if length >= len(key):
                continue  # (the whole key was looked up already: a head has words before it)
            start = len(key) - length
            found = self.keys.get(key[start:])
            if found is not None:  # the longest name that ends the metric: its head
                lead = self.coverage.get(found, self.lead)
                return found if lead.fullmatch(key, 0, start) else None
        return None

    def _around(self, key: str) -> str | None:
        """The entry named by ``key`` without one verb before it (实现, 推动: what the report
        did or aims at) or after it (跨过, 高于: how the figure stands to the name), when the
        rest is a whole name (as written, without scope words or with a suffix variant; no
        head, no table row) of at least ``AROUND_A_VERB`` characters. 完成农村公路投资 names
        nothing: after the verb the name is a narrower thing, as it is without one."""
        rests = []
        if self.before is not None and (verb := self.before.match(key)) is not None:
            rests.append(key[verb.end():])
        if self.after is not None and (verb := self.after.search(key)) is not None:
            rests.append(key[:verb.start()])
        for rest in rests:
            if len(rest) >= AROUND_A_VERB:
                found = self._lookup(rest, shares=True, whole_names=True)
                if found is not None:
                    return found
        return None

    def _lookup(self, metric: str, *, shares: bool, whole_names: bool = False) -> str | None:
        keys = self.keys
        found = keys.get(metric)  # most names are written in their lookup form already
        if found is not None:
            return found
        plain = (self.dropped.search(metric) is None and unicodedata.is_normalized("NFKC", metric)
                 and metric.lower() == metric)
        key = metric if plain else lookup_form(metric, self.noise)
        if key is not metric:
            found = keys.get(key)
            if found is not None:
                return found
        bases = [key]
        while self.scope is not None and len(bases) < 4:  # 全年全市地区生产总值: two scope words
            scope = self.scope.match(bases[-1])
            if scope is None or scope.end() == len(bases[-1]):
                break
            bases.append(bases[-1][scope.end():])
            found = keys.get(bases[-1])
            if found is not None:
                return found
        for whole, parent in self.thresholds if key.startswith(self.threshold_starts) else ():
            # 规模以上工业装备制造业增加值: a part of the threshold whole, named with the whole
            # its entry is a part of by definition (its parent), is that entry
            if key.startswith(whole) and len(key) > len(whole):
                found = self._lookup(key[len(whole):], shares=False, whole_names=True)
                if found is not None and self.parents.get(found) == parent:
                    return found
        forms = [key]
        if any(base.endswith(self.suffixes) for base in bases):
            for suffix, replacement in self.variants:
                for base in bases:
                    if len(base) > len(suffix) and base.endswith(suffix):
                        form = base[: -len(suffix)] + replacement
                        found = keys.get(form)
                        if found is not None:
                            return found
                        if base is key:
                            forms.append(form)
        if shares and "占" in key:
            pair = self._share_parts(key)
            if pair is not None and (found := self.shares.get(pair)) is not None:
                return found
        if whole_names:
            return None  # (after a verb, a whole name only)
        if "·" in key:
            return self._row(key)  # a table row names a part of its measure, or nothing
        for form in forms:
            found = self._head(form)
            if found is not None:
                return found
        return self._around(key)


def lookup_form(text: str, noise: re.Pattern[str] | None = None) -> str:
    """``text`` with the ``noise`` marks out, no spaces, underscores or quotation marks, NFKC
    (full-width → half-width) and Latin letters in lower case: ``" ＧＤＰ[2]"`` → ``"gdp"``."""
    if noise is not None:
        text = noise.sub("", text)
    return unicodedata.normalize("NFKC", DROPPED.sub("", text)).lower()

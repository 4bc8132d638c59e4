"""A footnote mark between a verb and its figure (比上年增长[41]3.1%: bulletins copied from the web
carry the marks of their notes) is no part of the text a reader reads: the records with and
without it agree in everything but their offsets (a metamorphic property)."""

from __future__ import annotations

import pytest

from ipextract import extract

# (text with ``{}`` where the mark goes: right before the figure, after its verb)
SENTENCES = [
    "全年全市粮食产量86.2亿斤，比上年增长{}2.4%。",
    "全年商品房销售面积1260万平方米，比上年下降{}8.7%。",
    "年末全县常住人口48.6万人，其中城镇人口占{}56.3%。",
    "全年完成地方一般公共预算收入{}312.5亿元，同比增长6.1%。",
    "全年规模以上工业增加值比上年增长{}5.8%，高技术制造业增长{}9.2%。",
    "全年货物进出口总额1850亿元，比上年减少{}3.6%，其中出口下降{}1.2%。",
]
MARKS = ["[41]", "［7］", "〔3〕"]


def _fields(text: str) -> list[tuple[object, ...]]:
    records = extract(text, validate=False).records
    by_id = {r.id: r for r in records}
    return [(r.surface, r.value, r.unit, r.kind, r.qualifier, r.metric,
             by_id[r.of].surface if r.of else None) for r in records]


@pytest.mark.parametrize("mark", MARKS)
@pytest.mark.parametrize("sentence", SENTENCES)
def test_a_note_mark_before_a_figure_changes_no_record(sentence: str, mark: str) -> None:
    plain = _fields(sentence.format(*[""] * sentence.count("{}")))
    marked_text = sentence.format(*[mark] * sentence.count("{}"))
    marked = _fields(marked_text)
    assert marked == plain
    for record in extract(marked_text, validate=False).records:
        assert marked_text[record.start:record.end] == record.surface

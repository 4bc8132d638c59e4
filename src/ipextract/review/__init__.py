"""The review page of ``ipextract report``: a document → one self-contained HTML file.

The page holds the text with every figure highlighted (coloured by kind), the flags by
severity, a records table and a summary. Everything it needs is inside it: the CSS and the
script (``page.css``, ``page.js``, package data) are inlined, no request leaves the file, and a
Content-Security-Policy allows only that script (by its hash) and that style. Every string
from the document is escaped: text and attributes with :func:`html.escape`, the data for the
script as JSON with ``<``, ``>`` and ``&`` written as ``\\u003c``…, so ``</script>`` in a
report cannot end the element it stands in.

>>> from ipextract import extract
>>> page = render_review(extract("全市专利授权总量达到71292件，同比增长19.19%。"))
>>> page.count("data-record-id=")
2
"""

from __future__ import annotations

import base64
import hashlib
import heapq
import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from html import escape
from importlib import resources
from string import Template
from typing import Any, get_args

from .. import __version__
from ..models import Document, Flag, Record
from ..validate import SEVERITY_RANK
from ..vocabulary.models import Kind
from .highlight import Mark, highlight

KINDS: tuple[str, ...] = get_args(Kind)
SEVERITIES: tuple[str, ...] = tuple(sorted(SEVERITY_RANK, key=SEVERITY_RANK.__getitem__, reverse=True))
ALARMS = frozenset(s for s in SEVERITIES if s != "info")  # info: a check that passed, or a note


@dataclass(frozen=True)
class _Assets:
    template: Template
    css: str
    script: str
    csp: str


def _source_hash(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode()


@cache
def _assets() -> _Assets:
    """The page's template, style and script, read once from the package."""
    folder = resources.files(__package__)
    css, script = (folder.joinpath(name).read_text(encoding="utf-8") for name in ("page.css", "page.js"))
    for name, body, end in (("page.css", css, "</style"), ("page.js", script, "</script")):
        if end in body.lower():  # it would end its own element early
            raise ValueError(f"{name} must not contain {end}")
    # Only this script and this style may run: a second fence behind the escaping.
    csp = (f"default-src 'none'; script-src '{_source_hash(script)}'; "
           f"style-src '{_source_hash(css)}'; img-src data:; base-uri 'none'; form-action 'none'")
    template = Template(folder.joinpath("page.html").read_text(encoding="utf-8"))
    return _Assets(template, css, script, csp)


def render_review(document: Document) -> str:
    """The review page of ``document`` (its ``text`` must be the text its offsets index)."""
    assets = _assets()
    flags_of = flags_by_record(document.records, document.flags)
    info = document.document
    title = info.title or info.source or "untitled document"
    return assets.template.substitute(
        csp=assets.csp,
        css=assets.css,
        script=assets.script,
        version=escape(__version__),
        title=escape(title),
        summary=_summary(document, title),
        text=highlight(document.text, _marks(document)),
        flags=_flag_panel(document.flags),
        table=_records_table(document.records, flags_of),
        data=script_json(_page_data(document, flags_of)),
    )


def script_json(data: Any) -> str:
    """JSON safe inside ``<script type="application/json">``: no ``<``, ``>`` or ``&`` at all.

    >>> script_json({"metric": "</script><b>&"})
    '{"metric":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                       ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, code)  # these only occur inside JSON strings, where \\u is valid
    return text


def flags_by_record(records: list[Record], flags: list[Flag]) -> dict[str, list[Flag]]:
    """The flags about each record: those that name it, and those with a spot over it.

    A sweep in order of start, pairing each stretch with the open ones of the other sort, so
    the cost grows with the pairs found, not with records × spots."""
    stretches = sorted(
        [(r.start, r.end, 0, r.id) for r in records if r.start < r.end]
        + [(start, end, 1, f.id) for f in flags for start, end in f.spans if start < end])
    open_ends: tuple[list[tuple[int, str]], list[tuple[int, str]]] = ([], [])  # heaps by end
    found: dict[str, set[str]] = defaultdict(set)
    for start, end, sort, name in stretches:
        for heap in open_ends:
            while heap and heap[0][0] <= start:
                heapq.heappop(heap)
        for _, other in open_ends[1 - sort]:
            found[name if sort == 0 else other].add(other if sort == 0 else name)
        heapq.heappush(open_ends[sort], (end, name))
    for flag in flags:
        for record_id in flag.record_ids:
            found[record_id].add(flag.id)
    order = {flag.id: n for n, flag in enumerate(flags)}
    by_id = {flag.id: flag for flag in flags}
    return {record_id: [by_id[f] for f in sorted(ids, key=order.__getitem__)]
            for record_id, ids in found.items()}


def _kind_order(kind: str) -> tuple[int, str]:
    """The vocabulary's order of kinds (count, amount, …); an unknown kind after them."""
    return (KINDS.index(kind) if kind in KINDS else len(KINDS), kind)


def _alarmed(flags: list[Flag]) -> bool:
    return any(flag.severity in ALARMS for flag in flags)


def _marks(document: Document) -> list[Mark]:
    marks = [
        Mark(record.start, record.end, "mark", (
            ("class", f"fig k-{record.kind}"), ("data-record-id", record.id), ("id", f"fig-{record.id}"), ("tabindex", "0")))
        for record in document.records
    ]
    # Layer 0: a spot of the same extent as a figure wraps it, the figure keeps its element.
    marks += [Mark(start, end, "span", (("class", f"spot sev-{flag.severity}"), ("data-flag-span", flag.id)),
                   layer=0)
              for flag in document.flags for start, end in flag.spans]
    return marks


def _value_text(record: Record) -> str:
    """The value for a reader: thousands separated, a range as min–max."""
    def number(value: Any) -> str:
        return f"{value:,}" if isinstance(value, int) else str(value)

    dumped = record.model_dump(mode="json", include={"value", "value_min", "value_max"})
    if record.qualifier == "range" and dumped["value_max"] is not None:
        return f"{number(dumped['value_min'])}–{number(dumped['value_max'])}"
    return number(dumped["value"])


def _period_text(record: Record) -> str | None:
    """The period as the reader should weigh it: one read off a part's heading says so."""
    if record.period and record.period_from == "part":
        return f"{record.period} (part heading)"
    return record.period


def _page_data(document: Document, flags_of: dict[str, list[Flag]]) -> dict[str, Any]:
    """What the script shows on hover and uses on click, keyed by id."""
    return {
        "records": {r.id: {"metric": r.metric, "kind": r.kind, "value": _value_text(r), "unit": r.unit,
                           "qualifier": r.qualifier, "period": _period_text(r), "surface": r.surface, "of": r.of,
                           "flags": [f.id for f in flags_of.get(r.id, [])]}
                    for r in document.records},
        "flags": {f.id: {"severity": f.severity, "kind": f.kind, "spots": len(f.spans)} for f in document.flags},
    }


def _badge(severity: str, text: str, *, zero: bool = False) -> str:
    quiet = " zero" if zero else ""
    return f'<span class="badge sev-{escape(severity)}{quiet}">{escape(text)}</span>'


def _summary(document: Document, title: str) -> str:
    info = document.document
    kinds = Counter(record.kind for record in document.records)
    severities: Counter[str] = Counter(flag.severity for flag in document.flags)
    facts = [info.source or "standard input", f"{info.format}, {info.encoding}", f"{info.chars:,} characters"]
    facts += [f"{info.pages} pages"] if info.pages else []
    facts += [str(info.year)] if info.year else []
    facts += [info.region] if info.region else []
    legend = "".join(
        f'<li><span class="chip k-{escape(kind)}">{escape(kind)}</span> <b>{kinds[kind]}</b></li>'
        for kind in sorted(kinds, key=_kind_order))
    badges = "".join(f"<li>{_badge(severity, f'{severities[severity]} {severity}', zero=not severities[severity])}</li>"
                     for severity in SEVERITIES)
    return (
        '<header class="summary">'
        f'<div class="doc"><p class="tool">ipextract review</p><h1 lang="zh-CN">{escape(title)}</h1>'
        f'<p class="facts">{" · ".join(escape(fact) for fact in facts)}'
        f' · <span title="sha256 of the text">{escape(info.sha256[:12])}</span></p></div>'
        f'<div class="totals"><p><b>{len(document.records)}</b> records</p>'
        f'<ul class="legend" aria-label="records per kind">{legend}</ul>'
        f'<p><b>{len(document.flags)}</b> flags</p><ul class="severities" aria-label="flags per severity">'
        f"{badges}</ul></div></header>"
    )


def _spots_text(flag: Flag) -> str:
    """"3 spots at 469, 661, 3389": where to look on paper, in the offsets of validate's report."""
    count = len(flag.spans)
    shown = ", ".join(str(start) for start, _ in flag.spans[:8]) + (", …" if count > 8 else "")
    return f"{count} spot{'s' if count != 1 else ''}" + (f" at {shown}" if count else "")


def _flag_panel(flags: list[Flag]) -> str:
    groups: list[str] = []
    for severity in SEVERITIES:
        items = "".join(
            f'<li><button type="button" class="flag sev-{escape(flag.severity)}" data-flag-id="{escape(flag.id)}" '
            f'aria-pressed="false">{_badge(flag.severity, flag.severity)} '
            f'<span class="flag-kind">{escape(flag.kind)} {escape(flag.code)}</span> '
            f'<span class="flag-id">{escape(flag.id)}</span>'
            f'<span class="flag-message" lang="zh-CN">{escape(flag.message)}</span>'
            f'{_evidence_text(flag)}'
            f'<span class="flag-spots">{_spots_text(flag)}<span class="spot-position"></span></span></button></li>'
            for flag in flags if flag.severity == severity)
        if items:
            groups.append(f'<h3>{escape(severity)}</h3><ol class="flag-list">{items}</ol>')
    body = "".join(groups) or '<p class="empty">No flags raised.</p>'
    return (f'<aside class="flags" aria-label="flags"><h2>Flags</h2>'
            f'<p class="hint">Click a flag to mark its spots in the text; click again for the next spot, '
            f'Esc to clear.</p>{body}</aside>')


def _evidence_text(flag: Flag) -> str:
    """The arithmetic behind a flag, beside its spots: the rule, then the numbers compared and
    the intervals allowed (``computed_interval: 10.00–10.09`` against ``stated_interval``), as
    the check put them in its evidence.

    >>> flag = Flag(id="f1", kind="change_mismatch", severity="error", message="…",
    ...             evidence={"rule": "growth = change ÷ (level − change)", "computed": "9.47",
    ...                       "computed_interval": ["9.46", "9.48"]})
    >>> print(_evidence_text(flag))
    <span class="flag-evidence" lang="zh-CN"><span class="flag-rule">growth = change ÷ (level − change)</span>
    computed 9.47 · computed_interval 9.46–9.48</span>
    """
    evidence = flag.evidence
    if not evidence:
        return ""
    rule = evidence.get("rule")
    items = []
    for key, value in evidence.items():
        if key == "rule" or isinstance(value, dict):
            continue
        if isinstance(value, (list, tuple)):
            value = "–".join(map(str, value)) if key.endswith("interval") or key.startswith(
                "allowed") else ", ".join(map(str, value))
        items.append(f"{escape(key)} {escape(str(value))}")
    rule_html = f'<span class="flag-rule">{escape(str(rule))}</span>\n' if rule else ""
    return f'<span class="flag-evidence" lang="zh-CN">{rule_html}{" · ".join(items)}</span>'


_COLUMNS = (  # heading, how the column sorts, its class
    ("#", "num", ""), ("figure", "text", ""), ("metric", "text", ""), ("kind", "text", ""),
    ("value", "num", "num"), ("unit", "text", ""), ("qualifier", "text", ""), ("period", "text", ""),
    ("flags", "text", ""),
)


def _records_table(records: list[Record], flags_of: dict[str, list[Flag]]) -> str:
    head = "".join(
        f'<th scope="col" class="{css}" aria-sort="none">'
        f'<button type="button" data-column="{n}" data-sort-type="{sort}">{escape(name)}</button></th>'
        for n, (name, sort, css) in enumerate(_COLUMNS))
    rows = []
    for record in records:
        flags = flags_of.get(record.id, [])
        flag_badges = " ".join(_badge(flag.severity, flag.id) for flag in flags)
        cells = (
            f'<td data-sort="{record.start}"><a href="#fig-{escape(record.id)}">{escape(record.id)}</a></td>',
            f'<td lang="zh-CN">{escape(record.surface)}</td>',
            f'<td lang="zh-CN">{escape(record.metric)}</td>',
            f'<td><span class="chip k-{escape(record.kind)}">{escape(record.kind)}</span></td>',
            f'<td class="num" data-sort="{escape(str(record.value))}">{escape(_value_text(record))}</td>',
            f'<td lang="zh-CN">{escape(record.unit)}</td>',
            f"<td>{escape(record.qualifier)}</td>",
            f'<td lang="zh-CN">{escape(_period_text(record) or "")}</td>',
            f'<td data-sort="{len(flags)}">{flag_badges}</td>',
        )
        rows.append(f'<tr data-kind="{escape(record.kind)}" data-flagged="{"yes" if _alarmed(flags) else "no"}">'
                    + "".join(cells) + "</tr>")
    kinds = sorted({r.kind for r in records}, key=_kind_order)
    options = "".join(f'<option value="{escape(kind)}">{escape(kind)}</option>' for kind in kinds)
    return (
        '<section class="records" aria-label="records"><h2>Records</h2>'
        '<div class="controls">'
        f'<label>Kind <select id="filter-kind"><option value="">all kinds</option>{options}</select></label>'
        '<label>Flags <select id="filter-flagged"><option value="">all records</option>'
        '<option value="yes">flagged (warning or error)</option><option value="no">unflagged</option>'
        f'</select></label><output id="shown">{len(records)} of {len(records)}</output></div>'
        f'<table id="records-table"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
        + ("" if records else '<p class="empty">No figures found.</p>') + "</section>"
    )


__all__ = ["flags_by_record", "render_review", "script_json"]

"""The readable report of ``ipextract validate``: one line per flag, with the text around it.

    corpora/x.txt: 3 flags (1 error, 2 warnings)
      f1 warning duplicate_figure  19.19% is given for 2 different indicators (…)
         @469  …总量达到71292件，同比增长[19.19%]，显示发明专利…
"""

from __future__ import annotations

from collections import Counter

from .models import Document, Flag

_AROUND = 14


def _quote(text: str, start: int, end: int) -> str:
    before = text[max(0, start - _AROUND): start]
    after = text[end: end + _AROUND]
    snippet = f"…{before}[{text[start:end]}]{after}…"
    return snippet.replace("\n", "⏎")


def _line(flag: Flag, text: str) -> str:
    lines = [f"  {flag.id} {flag.severity:<7} {flag.kind:<20} {flag.message}"]
    for start, end in flag.spans:
        lines.append(f"     @{start:<6} {_quote(text, start, end)}")
    return "\n".join(lines)


def render_report(document: Document, flags: list[Flag]) -> str:
    counts = Counter(flag.severity for flag in document.flags)
    summary = ", ".join(f"{counts[s]} {s}" for s in ("error", "warning", "info") if counts[s])
    source = document.document.source or "<text>"
    head = f"{source}: {len(document.records)} records, {len(document.flags)} flags"
    head += f" ({summary})" if summary else ""
    body = [_line(flag, document.text) for flag in flags]
    return "\n".join([head, *body]) + "\n"

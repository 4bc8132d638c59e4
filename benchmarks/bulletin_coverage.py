"""Share of the number-and-unit figures of the real bulletins that ipextract finds.

    python benchmarks/bulletin_coverage.py [--show NAME]

A number-and-unit figure is found by a route independent of the extractor's grammar: Arabic
digits, then (after any spaces) an optional 万/亿 and a unit of the vocabulary, or %/‰. Years
(2021年), dates and ranges of years are left out. It counts as found when a record overlaps the
number. The bulletins are in ../shared/corpora/real/bulletins (not copied into the project).

Labels are not figures (corpora/ANNOTATION.md, issue #14), and this route tells them by its own
patterns, not by the extractor's: an age before the noun it qualifies (65岁及以上人口, 3岁以下
儿童), a bound that defines a class (年产原煤1000万吨以上的煤矿, 500万元及以上项目, 超过500万元的
有…), and a count after 等 that recounts a list (麻江、施秉和丹寨等6个县市). The table gives both
shares: of all number-and-unit figures, and of those that are not labels.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from ipextract import extract
from ipextract.vocabulary import load_vocabulary

ROOT = Path(__file__).resolve().parent.parent
BULLETINS = ROOT.parent / "shared" / "corpora" / "real" / "bulletins"


def _pattern() -> re.Pattern[str]:
    units = sorted((u for u in load_vocabulary().units if u not in ("年", "年度")), key=len, reverse=True)
    unit = "|".join(re.escape(u) for u in units)
    return re.compile(r"(?<![0-9.])(?P<number>[0-9]+(?:\.[0-9]+)?)[ \u3000\u00a0]*(?:[万亿][ \u3000]*)?"
                      rf"(?:{unit}|%|％|‰)")


_AGE_LABEL = re.compile(r"(?:周岁|岁)(?:及以上|以上|以下|及以下)?[\u4e00-\u9fff]")
_CLASS_BOUND = re.compile(r"(?:及以上|以上|以下|及以下)(?:的|[\u4e00-\u9fff])|的有")
_RECOUNT_BEFORE = re.compile(r"[\u4e00-\u9fff]等$")


def is_label(text: str, figure: re.Match[str]) -> bool:
    """An age group, a class bound or a recount (see the module docstring)."""
    tail = text[figure.end(): figure.end() + 4]
    if figure.group().rstrip().endswith("岁") and _AGE_LABEL.match(text, figure.end() - 1):
        return True
    if _CLASS_BOUND.match(tail) and not figure.group().endswith(("%", "％", "‰")):
        return True
    return bool(_RECOUNT_BEFORE.search(text, max(0, figure.start() - 2), figure.start()))


def coverage(text: str) -> tuple[int, int, list[tuple[int, str]], int]:
    """(figures in the text, labels among them, the figures no record overlaps as (offset,
    text), how many of those are labels)."""
    records = extract(text, validate=False).records
    starts = sorted((r.start, r.end) for r in records)
    figures = list(_pattern().finditer(text))
    labels = {figure.start() for figure in figures if is_label(text, figure)}
    missed = []
    missed_labels = 0
    for figure in figures:
        start, end = figure.span("number")
        if not any(s < end and start < e for s, e in starts):
            missed_labels += figure.start() in labels
            missed.append((start, text[max(0, start - 12):figure.end() + 4].replace("\n", "⏎")))
    return len(figures), len(labels), missed, missed_labels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", help="list the missed figures of one bulletin")
    args = parser.parse_args()
    if not BULLETINS.is_dir():
        raise SystemExit(f"{BULLETINS} is not here")
    print("| bulletin | number-and-unit | found | share | labels among them | not labels | found | share |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for path in sorted(BULLETINS.glob("*.txt")):
        total, labels, missed, missed_labels = coverage(path.read_text(encoding="utf-8"))
        share = (total - len(missed)) / total if total else 1.0
        figures = total - labels
        found = figures - (len(missed) - missed_labels)
        print(f"| {path.stem} | {total} | {total - len(missed)} | {share:.3f} | {labels} "
              f"| {figures} | {found} | {found / figures if figures else 1.0:.3f} |")
        if args.show and args.show in path.stem:
            for offset, snippet in missed:
                print(f"  missed @{offset}: {snippet}")


if __name__ == "__main__":
    main()

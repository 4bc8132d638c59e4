"""Share of the number-and-unit figures of the real bulletins that ipextract finds.

    python benchmarks/bulletin_coverage.py [--show NAME]

A number-and-unit figure is found by a route independent of the extractor's grammar: Arabic
digits, then (after any spaces) an optional 万/亿 and a unit of the vocabulary, or %/‰. Years
(2021年), dates and ranges of years are left out. It counts as found when a record overlaps the
number. The bulletins are in ../shared/corpora/real/bulletins (not copied into the project).
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


def coverage(text: str) -> tuple[int, list[tuple[int, str]]]:
    """(figures in the text, the ones no record overlaps: (offset, text))."""
    records = extract(text, validate=False).records
    starts = sorted((r.start, r.end) for r in records)
    figures = list(_pattern().finditer(text))
    missed = []
    for figure in figures:
        start, end = figure.span("number")
        if not any(s < end and start < e for s, e in starts):
            missed.append((start, text[max(0, start - 12):figure.end() + 4].replace("\n", "⏎")))
    return len(figures), missed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", help="list the missed figures of one bulletin")
    args = parser.parse_args()
    if not BULLETINS.is_dir():
        raise SystemExit(f"{BULLETINS} is not here")
    print("| bulletin | number-and-unit figures | found | share |")
    print("|---|---:|---:|---:|")
    for path in sorted(BULLETINS.glob("*.txt")):
        total, missed = coverage(path.read_text(encoding="utf-8"))
        share = (total - len(missed)) / total if total else 1.0
        print(f"| {path.stem} | {total} | {total - len(missed)} | {share:.3f} |")
        if args.show and args.show in path.stem:
            for offset, snippet in missed:
                print(f"  missed @{offset}: {snippet}")


if __name__ == "__main__":
    main()

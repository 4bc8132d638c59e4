"""How many records of the real reports get a catalogue indicator, and which frequent metrics
get none.

    python benchmarks/indicator_coverage.py [--top 40] [--unmatched 80] [--group bulletins]

Runs ``ipextract.extract`` over ../shared/corpora/real/**/*.txt (not copied into the project),
applies :func:`ipextract.vocabulary.indicators.indicator_of` to every record's metric and prints,
per folder (the bulletins, the work reports of each year) and in all: the records, how many got
an indicator and the share; then the most frequent indicator ids, and the most frequent metrics
that got none, so a person can see which frequent names the catalogue lacks (many are no
indicator at all: 项目, 企业, a verb the metric kept, a name of several indicators at once).
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from ipextract import extract
from ipextract.vocabulary.indicators import indicator_of, load_indicators

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "corpora" / "real"


def group_of(path: Path) -> str:
    """The folder under real/ (bulletins, gov-work-reports-2025 …)."""
    return path.relative_to(REAL).parts[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--top", type=int, default=40, help="how many indicator ids to list")
    parser.add_argument("--unmatched", type=int, default=80, help="how many unmatched metrics to list")
    parser.add_argument("--group", help="only the folders whose name contains this")
    args = parser.parse_args()
    paths = sorted(REAL.rglob("*.txt")) if REAL.is_dir() else []
    paths = [p for p in paths if not args.group or args.group in group_of(p)]
    if not paths:
        where = f"{REAL}" + (f" in a folder named *{args.group}*" if args.group else "")
        print(f"skipped: no texts under {where}")
        return
    catalogue = load_indicators()
    records: Counter[str] = Counter()
    matched: Counter[str] = Counter()
    ids: Counter[str] = Counter()
    unmatched: Counter[str] = Counter()
    matching_seconds = 0.0
    for path in paths:
        group = group_of(path)
        document = extract(path.read_text(encoding="utf-8"), source=str(path), validate=False)
        started = time.perf_counter()
        found = [(record.metric, indicator_of(record.metric)) for record in document.records]
        matching_seconds += time.perf_counter() - started
        for metric, indicator in found:
            records[group] += 1
            if indicator is None:
                unmatched[metric or "(none)"] += 1
                continue
            assert indicator in catalogue.indicators, indicator
            matched[group] += 1
            ids[indicator] += 1
    print(f"catalogue: {len(catalogue.indicators)} indicators, {len(catalogue.keys)} names and aliases")
    print(f"{len(paths)} texts; indicator_of took {matching_seconds * 1000:.1f} ms in all\n")
    print("| texts | records | with an indicator | share |")
    print("|---|---:|---:|---:|")
    work = [group for group in records if group.startswith("gov-work-reports")]
    rows = [(group, records[group], matched[group]) for group in sorted(records)]
    if len(work) > 1:
        rows.append(("work reports, all years", sum(records[g] for g in work), sum(matched[g] for g in work)))
    rows.append(("all", sum(records.values()), sum(matched.values())))
    for name, total, hits in rows:
        print(f"| {name} | {total} | {hits} | {hits / total if total else 0:.1%} |")
    print(f"\nthe {args.top} most frequent indicators:")
    for indicator, count in ids.most_common(args.top):
        print(f"  {count:5d}  {indicator:40s} {catalogue.indicators[indicator].name}")
    print(f"\nthe {args.unmatched} most frequent metrics with no indicator:")
    for metric, count in unmatched.most_common(args.unmatched):
        print(f"  {count:5d}  {metric}")


if __name__ == "__main__":
    main()

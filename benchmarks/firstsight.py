"""Scores on the first-sight documents (corpora/firstsight/): documents written and annotated
from ANNOTATION.md alone, by annotators who had not read the rules and did not run the program.

    python benchmarks/firstsight.py [--show NAME]

prints one row per document (figure P/R/F1, and metric, kind and unit over the matched
figures) and the means. The README keeps the score each document had the first time it was
run (before any rule was changed for it) beside the score of today's rules: only the first
column measures generalisation.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ipextract import extract
from ipextract.evaluate import DocumentScore, score_document

ROOT = Path(__file__).resolve().parent.parent
FIRSTSIGHT = ROOT / "corpora" / "firstsight"


def scores() -> list[DocumentScore]:
    results = []
    for gold_path in sorted((FIRSTSIGHT / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (ROOT / gold["source"]).read_text(encoding="utf-8")
        records = extract(text, validate=False).records
        results.append(score_document(gold_path.stem, records, gold["records"]))
    return results


def table(results: list[DocumentScore]) -> str:
    lines = ["| document | gold | found | P | R | F1 | metric | kind | unit |",
             "|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        f = r.figures
        lines.append(f"| {r.name} | {f.gold} | {f.found} | {f.precision:.3f} | {f.recall:.3f} | "
                     f"{f.f1:.3f} | {r.rate(r.metric_ok):.3f} | {r.rate(r.kind_ok):.3f} | "
                     f"{r.rate(r.unit_ok):.3f} |")
    count = len(results) or 1
    mean_f1 = sum(r.figures.f1 for r in results) / count
    mean_metric = sum(r.rate(r.metric_ok) for r in results) / count
    lines.append(f"| **mean** | | | | | **{mean_f1:.3f}** | **{mean_metric:.3f}** | | |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", help="list the misses, extras and wrong fields of one document")
    args = parser.parse_args()
    results = scores()
    print(table(results))
    for r in results:
        if args.show and r.name == args.show:
            for kind, rows in (("missed", r.misses), ("extra", r.extras), ("wrong", r.wrong)):
                for row in rows:
                    print(f"  {kind:7} {row}")


if __name__ == "__main__":
    main()

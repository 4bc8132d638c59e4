"""Names that do not tell figures apart (issue #15), measured without judges.

    python benchmarks/name_collisions.py            # collisions per group of texts
    python benchmarks/name_collisions.py --list 20  # and the first 20 groups, to read

A dataset keys a figure by its document and its fields: two records of one document that agree
on metric, scope, subject, period, kind, unit, qualifier, status and basis but give different
values are a collision (a bound and the level, 突破3万亿元、达3.6万亿元, are no two answers: their
qualifiers differ) — a user who filters by those fields gets two answers and cannot tell which is which.
Most collisions are names that lost a word (the column of a table, the owner of a measure, the
item of a list); some are honest (two steps crossed, 4万亿 and 5万亿, named alike; one figure
restated in a table with another rounding). A figure given twice in two units is two keys. The
count is a
proxy of the blind judges' verdicts that needs no judge, to be read, not a goal: a rule that
adds words to a name can only lower it, so it shows names merged, not names made wrong.

The texts are every .txt under ../shared/corpora/real (not copied into the project).
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from ipextract import extract
from ipextract.models import Record

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "corpora" / "real"
GROUPS = {"bulletins": ("bulletins",), "work reports": ("gov-work-reports-*",)}
KEY_FIELDS = ("metric", "scope", "subject", "period", "kind", "unit", "qualifier", "status", "basis")


def collisions(text: str) -> list[list[tuple[str, str]]]:
    """The groups of records of ``text`` that share every field of ``KEY_FIELDS`` but hold
    different values; each record as (surface, value).

    >>> collisions("东区企业1200家，西区企业800家。")
    []
    >>> collisions("表9 耐用品\\n| 东区 | 西区\\n彩色电视机 | 112 | 105\\n")
    [[('112', '112'), ('105', '105')]]
    >>> collisions("表9 耐用品\\n| 城 镇 | 乡村\\n彩色电视机 | 112 | 105\\n")  # (two scopes)
    []
    """
    return collisions_of(extract(text, validate=False).records)


def collisions_of(records: Sequence[Record]) -> list[list[tuple[str, str]]]:
    """:func:`collisions` of records already extracted."""
    groups: dict[tuple[object, ...], list[tuple[str, str]]] = defaultdict(list)
    for record in records:
        key = tuple(getattr(record, field, None) for field in KEY_FIELDS)
        groups[key].append((record.surface, str(record.value)))
    return [group for group in groups.values() if len({value for _, value in group}) > 1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--list", type=int, default=0, help="print the first N groups")
    args = parser.parse_args(argv)
    if not REAL.is_dir():
        raise SystemExit(f"{REAL} is not here")
    shown = 0
    for group, patterns in GROUPS.items():
        paths = sorted(p for pattern in patterns for p in REAL.glob(f"{pattern}/*.txt"))
        found = records = 0
        for path in paths:
            extracted = extract(path.read_text(encoding="utf-8"), validate=False).records
            records += len(extracted)
            for colliding in collisions_of(extracted):
                found += len(colliding)
                if shown < args.list:
                    shown += 1
                    print(f"  {path.relative_to(REAL)}: {colliding}")
        share = found / records if records else 0.0
        print(f"{group}: {len(paths)} texts, {records} records, {found} in collisions ({share:.1%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

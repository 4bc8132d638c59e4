"""Metamorphic benchmark: how many figures survive typography and layout a reader ignores.

    .venv/bin/python benchmarks/metamorphic.py            # corpora/*.txt
    .venv/bin/python benchmarks/metamorphic.py --real     # and every .txt under ../shared/corpora/real
    .venv/bin/python benchmarks/metamorphic.py --show hard_wrap wuhan-ip-2024
    .venv/bin/python benchmarks/metamorphic.py --show spaces_in_figures gov-work-reports-2026/jilin

For every transform of ``tests/metamorphic.py`` and every document, the original and the
transformed text are extracted (``validate=False``) and compared with ``kept``: the share of
original records found again at their mapped spot with the same value fields (value,
value_min, value_max, unit, kind, qualifier) and with all fields (those and metric, period,
and the value and unit of the ``of`` target), pooled over the documents and at the worst
document, and the wrong values (a record found at the spot with another value). The tests in
``tests/test_metamorphic.py`` ask for 99% and 98% on every document and no wrong value.
``--show TRANSFORM DOC`` lists the lost records of one document (DOC: a path, or the end of
a document's name such as ``wuhan-ip-2024`` or ``2026/jilin``).
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tests.metamorphic import (
    FULL_FIELDS,
    TRANSFORMS,
    VALUE_FIELDS,
    Kept,
    Transformed,
    applies,
    corpus_documents,
    kept,
    real_documents,
)

from ipextract import extract
from ipextract.models import Record

CORPORA = ROOT / "corpora"
REAL = ROOT.parent / "shared" / "corpora" / "real"


def label(path: Path) -> str:
    """``wuhan-ip-2024`` for a sample, ``gov-work-reports-2026/jilin`` for a real text."""
    if path.is_relative_to(REAL):
        return path.relative_to(REAL).with_suffix("").as_posix()
    return path.stem


@dataclass
class Row:
    """One transform on one set of documents."""

    docs: int = 0
    records: int = 0
    value_kept: int = 0
    full_kept: int = 0
    wrong: int = 0
    value_min: tuple[float, str] = (1.0, "")
    full_min: tuple[float, str] = (1.0, "")

    def add(self, name: str, value: Kept, full: Kept) -> None:
        self.docs += 1
        self.records += value.total
        self.value_kept += value.kept
        self.full_kept += full.kept
        self.wrong += len(value.wrong_values)
        self.value_min = min(self.value_min, (value.share, name))
        self.full_min = min(self.full_min, (full.share, name))


def _share(kept_count: int, total: int) -> str:
    return f"{kept_count / total:.1%}" if total else "–"


def _worst(share: tuple[float, str]) -> str:
    return f"{share[0]:.1%} ({share[1]})" if share[1] else "100% (all)"


def compare(before: list[Record], transformed: Transformed) -> tuple[Kept, Kept]:
    after = extract(transformed.text, validate=False).records
    return (kept(before, after, transformed.offsets, VALUE_FIELDS),
            kept(before, after, transformed.offsets, FULL_FIELDS))


def table(title: str, paths: list[Path]) -> str:
    started = time.perf_counter()
    rows = {name: Row() for name in TRANSFORMS}
    for path in paths:
        text = path.read_text(encoding="utf-8")
        before = extract(text, validate=False).records
        for name, transform in TRANSFORMS.items():
            if applies(name, text):
                rows[name].add(label(path), *compare(before, transform(text)))
    lines = [f"### {title}: {len(paths)} documents ({time.perf_counter() - started:.0f} s)", "",
             ("| transform | docs | records | value fields kept | worst document | all fields kept "
              "| worst document | wrong values |"),
             "|---|---:|---:|---:|---|---:|---|---:|"]
    for name, row in rows.items():
        lines.append(f"| {name} | {row.docs} | {row.records} | {_share(row.value_kept, row.records)} "
                     f"| {_worst(row.value_min)} | {_share(row.full_kept, row.records)} "
                     f"| {_worst(row.full_min)} | {row.wrong} |")
    return "\n".join(lines)


def find_document(name: str) -> Path:
    path = Path(name)
    if path.is_file():
        return path
    every = corpus_documents(CORPORA) + real_documents(REAL)
    found = ([p for p in every if label(p) == name] or [p for p in every if label(p).endswith(name)]
             or [p for p in every if name in label(p)])
    if len(found) != 1:
        choices = ", ".join(label(p) for p in found) or "none"
        raise SystemExit(f"{name}: {len(found)} documents match ({choices})")
    return found[0]


def show(transform_name: str, document: str) -> str:
    if transform_name not in TRANSFORMS:
        raise SystemExit(f"{transform_name}: no such transform ({', '.join(TRANSFORMS)})")
    path = find_document(document)
    text = path.read_text(encoding="utf-8")
    transformed = TRANSFORMS[transform_name](text)
    before = extract(text, validate=False).records
    value, full = compare(before, transformed)
    by_start = {r.start: r for r in before}

    def around(start: int) -> str:
        record = by_start[start]
        new_start, new_end = transformed.span(record.start, record.end)
        return repr(transformed.text[max(0, new_start - 12):new_end + 12])

    lines = [(f"{transform_name} on {label(path)}: {value.total} records; value fields kept "
              f"{value.kept} ({value.share:.1%}), all fields kept {full.kept} ({full.share:.1%}), "
              f"wrong values {len(value.wrong_values)}")]
    for heading, losses in (("wrong values", value.wrong_values), ("lost on the value fields", value.lost),
                            ("lost on the other fields", tuple(
                                lost for lost in full.lost if lost.start not in {v.start for v in value.lost}))):
        lines += ["", f"{heading} ({len(losses)}):"]
        lines += [f"  {lost}\n      transformed text: {around(lost.start)}" for lost in losses]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--real", action="store_true", help="also the real texts of ../shared/corpora/real")
    parser.add_argument("--show", nargs=2, metavar=("TRANSFORM", "DOC"),
                        help="list the lost records of one transform on one document")
    args = parser.parse_args(argv)
    if args.show:
        print(show(*args.show))
        return 0
    print(table("corpora/", corpus_documents(CORPORA)))
    if args.real:
        real = real_documents(REAL)
        print()
        print(table("../shared/corpora/real/", real) if real else "(../shared/corpora/real is not here)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

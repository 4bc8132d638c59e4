"""Audit: the share of a stable random sample of records from the real texts that are not figures.

    .venv/bin/python benchmarks/audit_records.py                    # report on the sample
    .venv/bin/python benchmarks/audit_records.py --write-unjudged   # add the unjudged ones to judge
    .venv/bin/python benchmarks/audit_records.py --size 200 --show-changed

ipextract is run (``validate=False``) over every .txt under ../shared/corpora/real (work
reports and bulletins, not copied into the project). Every record gets the key
``{path relative to ../shared/corpora/real}:{start}:{surface}``; the sample is the records
whose key has the smallest sha256, 200 of them. The sample is stable: a record keeps its place
while it is extracted, so when a rule removes a non-figure only the records that newly enter
the sample need judging.

The sample is joined with the hand judgments of ``benchmarks/audit/judgments.jsonl`` (one
JSON object a line: key, doc, start, surface, context, value, unit, kind, metric, verdict,
note). A verdict is ``figure``, ``not_figure`` or ``wrong_value`` (see
``benchmarks/audit/README.md``); ``null`` is not judged yet. Judgments of records that left
the sample are kept as history and not counted. The report gives the sampled, judged and
unjudged records, the count of each verdict and the share of ``not_figure`` (issue #14 asks
for at most 1%). A judged record whose value, unit or kind has changed since it was judged is
listed: its judgment may need a second look. The exit code is 1 when a sampled record is not
judged.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from ipextract import extract
from ipextract.models import Record

REAL = ROOT.parent / "shared" / "corpora" / "real"
JUDGMENTS = ROOT / "benchmarks" / "audit" / "judgments.jsonl"
VERDICTS = ("figure", "not_figure", "wrong_value")
CONTEXT_CHARS = 30
SAMPLE_SIZE = 200


@dataclass(frozen=True)
class Sampled:
    """One record of the real texts, with its key and the hash that orders the sample."""

    key: str
    digest: str
    doc: str
    record: Record
    text: str

    def context(self) -> str:
        """About 30 characters either side of the surface, line breaks shown as ⏎."""
        start = max(0, self.record.start - CONTEXT_CHARS)
        end = min(len(self.text), self.record.end + CONTEXT_CHARS)
        before = self.text[start:self.record.start]
        after = self.text[self.record.end:end]
        return f"{before}【{self.record.surface}】{after}".replace("\r", "").replace("\n", "⏎")

    def value(self) -> str | None:
        """The value as text; a range as ``min..max``."""
        record = self.record
        if record.value is not None:
            return str(record.value)
        if record.value_min is not None or record.value_max is not None:
            low = "" if record.value_min is None else str(record.value_min)
            high = "" if record.value_max is None else str(record.value_max)
            return f"{low}..{high}"
        return None

    def entry(self) -> dict[str, Any]:
        """A judgments.jsonl line with no verdict yet."""
        record = self.record
        return {
            "key": self.key,
            "doc": self.doc,
            "start": record.start,
            "surface": record.surface,
            "context": self.context(),
            "value": self.value(),
            "unit": record.unit,
            "kind": record.kind,
            "metric": record.metric,
            "verdict": None,
            "note": "",
        }


def record_key(doc: str, record: Record) -> str:
    """``{doc}:{start}:{surface}``, the identity of a record across runs."""
    return f"{doc}:{record.start}:{record.surface}"


def all_records(real: Path) -> list[Sampled]:
    """Every record of every .txt under ``real``, with its key and sha256."""
    found = []
    for path in sorted(real.rglob("*.txt")):
        doc = path.relative_to(real).as_posix()
        text = path.read_text(encoding="utf-8")
        for record in extract(text, source=doc, validate=False).records:
            key = record_key(doc, record)
            digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
            found.append(Sampled(key, digest, doc, record, text))
    return found


def sample(records: list[Sampled], size: int) -> list[Sampled]:
    """The ``size`` records with the smallest hash, in hash order."""
    return sorted(records, key=lambda s: (s.digest, s.key))[:size]


def load_judgments(path: Path) -> list[dict[str, Any]]:
    """The lines of judgments.jsonl, in file order ([] when it is not there)."""
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def append_judgments(path: Path, entries: list[dict[str, Any]]) -> None:
    """Append entries to judgments.jsonl, one JSON object a line."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as out:
        for entry in entries:
            out.write(json.dumps(entry, ensure_ascii=False) + "\n")


def changed(entry: dict[str, Any], sampled: Sampled) -> list[str]:
    """The fields among value, unit and kind that differ from what was judged."""
    now = sampled.entry()
    return [f"{field} {entry.get(field)!r} -> {now[field]!r}"
            for field in ("value", "unit", "kind") if entry.get(field) != now[field]]


def report(picked: list[Sampled], judgments: list[dict[str, Any]], total: int,
           show_changed: bool) -> tuple[str, list[Sampled]]:
    """The report text and the sampled records that have no verdict."""
    by_key: dict[str, dict[str, Any]] = {}
    for entry in judgments:  # a later line for the same key wins
        if entry.get("verdict") is not None or entry["key"] not in by_key:
            by_key[entry["key"]] = entry
    unjudged: list[Sampled] = []
    counts: Counter[str] = Counter()
    moved: list[tuple[Sampled, dict[str, Any], list[str]]] = []
    for item in picked:
        entry = by_key.get(item.key)
        verdict = entry.get("verdict") if entry else None
        if verdict is None:
            unjudged.append(item)
            continue
        if verdict not in VERDICTS:
            raise SystemExit(f"{item.key}: unknown verdict {verdict!r} (one of {', '.join(VERDICTS)})")
        counts[verdict] += 1
        assert entry is not None
        differences = changed(entry, item)
        if differences:
            moved.append((item, entry, differences))
    judged = sum(counts.values())
    sampled_keys = {item.key for item in picked}
    history = sum(1 for key in by_key if key not in sampled_keys)
    lines = [
        f"records in ../shared/corpora/real: {total}",
        f"sampled: {len(picked)}",
        f"judged: {judged}",
        f"unjudged: {len(unjudged)}",
    ]
    for item in unjudged:
        lines.append(f"  {item.key}  {item.context()}")
    for verdict in VERDICTS:
        share = counts[verdict] / judged if judged else 0.0
        lines.append(f"{verdict}: {counts[verdict]} ({share:.1%} of judged)")
    share = counts["not_figure"] / judged if judged else 0.0
    lines.append(f"share not_figure: {share:.1%} (issue #14: at most 1.0%)")
    lines.append(f"judgments kept as history (out of the sample): {history}")
    if moved:
        lines.append(f"judged, but value/unit/kind changed since: {len(moved)}")
        if show_changed:
            for item, entry, differences in moved:
                lines.append(f"  {item.key} [{entry['verdict']}] {'; '.join(differences)}")
    return "\n".join(lines), unjudged


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--size", type=int, default=SAMPLE_SIZE, help="records in the sample (200)")
    parser.add_argument("--judgments", type=Path, default=JUDGMENTS, help="the judgments file")
    parser.add_argument("--write-unjudged", action="store_true",
                        help="append the unjudged sampled records to the judgments file, verdict null")
    parser.add_argument("--show-changed", action="store_true",
                        help="list the judged records whose value, unit or kind changed since")
    args = parser.parse_args(argv)
    if not REAL.is_dir():
        raise SystemExit(f"{REAL} is not here")
    records = all_records(REAL)
    picked = sample(records, args.size)
    judgments = load_judgments(args.judgments)
    text, unjudged = report(picked, judgments, len(records), args.show_changed)
    print(text)
    if args.write_unjudged and unjudged:
        present = {entry["key"] for entry in judgments}
        new = [item.entry() for item in unjudged if item.key not in present]
        append_judgments(args.judgments, new)
        print(f"appended {len(new)} unjudged records to {args.judgments}")
    return 1 if unjudged else 0


if __name__ == "__main__":
    raise SystemExit(main())

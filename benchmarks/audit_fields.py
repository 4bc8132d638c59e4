"""Audit of the dataset fields (issue #15): metric names, status and periods, judged by hand.

    .venv/bin/python benchmarks/audit_fields.py                    # report on the sample
    .venv/bin/python benchmarks/audit_fields.py --write-unjudged   # add what needs judging
    .venv/bin/python benchmarks/audit_fields.py --salt heldout-6 --size 100   # a fresh sample

With ``--salt S`` the sample is the records whose ``S:key`` has the smallest sha256 and its
judgments live in ``benchmarks/audit/fields-S.jsonl``: a sample no rule was written against,
for a first-sight figure.

The sample is the one of ``audit_records.py`` (the 200 records of the real texts whose key has
the smallest sha256; stable while the records stay). ``benchmarks/audit/fields.jsonl`` holds
one judgment a line: ``key``, the record's fields as judged (``metric``, ``status``,
``period``, ``period_start``, ``period_end``), the sentence it stands in, and three verdicts:

* ``metric``: ``usable`` (a column name a statistician would use: the right thing, its scope
  kept, no verb, adverb, period or list debris), ``partial`` (the right thing, with debris or
  its scope lost) or ``wrong`` (names something else); ``metric_is`` is ``period`` or
  ``adverb`` when the name is one (issue #15 allows none);
* ``status``: ``right`` or ``wrong`` (``status_expected`` then says what it should be);
* ``period``: ``right`` or ``wrong`` — the time the text fixes for the figure, with its ISO
  bounds; none where the text fixes none is right (``period_expected`` when wrong).

A judged record whose metric, status or period changed since is judged again (listed, not
counted) — the judgment was of other output. The exit code is 1 when a sampled record has no
up-to-date judgment.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from audit_records import REAL, SAMPLE_SIZE, Sampled, all_records, load_judgments, sample

ROOT = Path(__file__).resolve().parent.parent
FIELDS = ROOT / "benchmarks" / "audit" / "fields.jsonl"
JUDGED_FIELDS = ("metric", "status", "period", "period_start", "period_end")
VERDICTS = {"metric_verdict": ("usable", "partial", "wrong"),
            "status_verdict": ("right", "wrong"),
            "period_verdict": ("right", "wrong")}


def _sentence(item: Sampled) -> str:
    text, record = item.text, item.record
    start = max(text.rfind(mark, 0, record.start) for mark in "。；\n") + 1
    ends = [found for mark in "。；\n" if (found := text.find(mark, record.end)) >= 0]
    end = min(ends) + 1 if ends else len(text)
    return f"{text[start:record.start]}【{record.surface}】{text[record.end:end]}".strip()


def entry(item: Sampled) -> dict[str, Any]:
    """A fields.jsonl line with no verdicts yet."""
    record = item.record
    return {
        "key": item.key, "doc": item.doc, "surface": record.surface, "sentence": _sentence(item),
        "kind": record.kind, "metric": record.metric, "status": record.status,
        "period": record.period,
        "period_start": record.period_start.isoformat() if record.period_start else None,
        "period_end": record.period_end.isoformat() if record.period_end else None,
        "metric_verdict": None, "metric_is": None, "status_verdict": None,
        "status_expected": None, "period_verdict": None, "period_expected": None, "note": "",
    }


def _current(judgment: dict[str, Any], item: Sampled) -> bool:
    now = entry(item)
    return all(judgment.get(field) == now[field] for field in JUDGED_FIELDS)


def report(picked: list[Sampled], judgments: list[dict[str, Any]]) -> tuple[str, list[Sampled]]:
    by_key = {j["key"]: j for j in judgments}  # a later line for the same key wins
    todo: list[Sampled] = []
    counts: dict[str, Counter[str]] = {name: Counter() for name in VERDICTS}
    named_as: Counter[str] = Counter()
    for item in picked:
        judgment = by_key.get(item.key)
        if judgment is None or any(judgment.get(v) is None for v in VERDICTS) or not _current(
                judgment, item):
            todo.append(item)
            continue
        for name, allowed in VERDICTS.items():
            if judgment[name] not in allowed:
                raise SystemExit(f"{item.key}: {name} {judgment[name]!r} (one of {allowed})")
            counts[name][judgment[name]] += 1
        if judgment.get("metric_is"):
            named_as[judgment["metric_is"]] += 1
    judged = len(picked) - len(todo)
    lines = [f"sampled: {len(picked)}", f"judged (up to date): {judged}", f"to judge: {len(todo)}"]
    for name, allowed in VERDICTS.items():
        parts = ", ".join(f"{v} {counts[name][v]} ({counts[name][v] / judged:.1%})" if judged
                          else f"{v} 0" for v in allowed)
        lines.append(f"{name.removesuffix('_verdict')}: {parts}")
    lines.append(f"metric names that are a period or an adverb: {sum(named_as.values())} "
                 f"({dict(named_as)})")
    lines.append("issue #15 asks: metric usable >= 90%, none a period or adverb; status right "
                 ">= 95%; period right >= 95%")
    return "\n".join(lines), todo


def _salted(salt: str, key: str) -> str:
    return hashlib.sha256(f"{salt}:{key}".encode()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--size", type=int, default=SAMPLE_SIZE)
    parser.add_argument("--judgments", type=Path, default=None)
    parser.add_argument("--salt", default="", help="draw another sample (its own judgments file)")
    parser.add_argument("--write-unjudged", action="store_true",
                        help="append the records to judge (new, or changed since judged)")
    args = parser.parse_args(argv)
    if not REAL.is_dir():
        raise SystemExit(f"{REAL} is not here")
    if args.judgments is None:
        args.judgments = FIELDS.with_name(f"fields-{args.salt}.jsonl") if args.salt else FIELDS
    records = all_records(REAL)
    picked = (sorted(records, key=lambda s: (_salted(args.salt, s.key), s.key))[:args.size]
              if args.salt else sample(records, args.size))
    text, todo = report(picked, load_judgments(args.judgments))
    print(text)
    if args.write_unjudged and todo:
        args.judgments.parent.mkdir(parents=True, exist_ok=True)
        with args.judgments.open("a", encoding="utf-8") as out:
            for item in todo:
                out.write(json.dumps(entry(item), ensure_ascii=False) + "\n")
        print(f"appended {len(todo)} records to judge to {args.judgments}")
    return 1 if todo else 0


if __name__ == "__main__":
    raise SystemExit(main())

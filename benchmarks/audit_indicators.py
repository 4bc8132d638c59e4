"""Audit of the record ``indicator`` (issue #16), judged by hand on 200 records.

    .venv/bin/python benchmarks/audit_indicators.py                    # report on the sample
    .venv/bin/python benchmarks/audit_indicators.py --write-unjudged   # add what needs judging
    .venv/bin/python benchmarks/audit_indicators.py --salt heldout-1   # another sample, its own file

With ``--salt S`` the sample is the 200 records whose ``S:key`` has the smallest sha256, and its
judgments are in ``audit/indicators-S.jsonl``: a second sample drawn after rules were written
from the first one's misses, so that its score is not a development score.

Runs ``ipextract.extract(text, validate=False)`` over every ``.txt`` under
``/work/shared/corpora/real/``, keys each record ``{relative path}:{start}:{surface}`` and
samples the 200 records whose key has the smallest sha256 (stable across runs).

``benchmarks/audit/indicators.jsonl`` holds one judgment a line: ``key, doc, surface,
context`` (the sentence, ~120 chars, the figure in 【】), ``metric`` and ``indicator`` as the
tool gave them, ``names_indicator`` (the catalogue id the figure's metric names, as a
statistician would say, or null) and ``verdict``:

* ``right``: the tool's indicator equals ``names_indicator`` (both may be null);
* ``missed``: the metric names one, the tool gave null;
* ``wrong``: the tool gave another id;
* ``spurious``: the metric names none, the tool gave one.

The figure of issue #16 is the share of sampled records that name a catalogue indicator and
get it. The exit code is 1 when a sampled record has no judgment.
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

from ipextract import extract
from ipextract.models import Record

REAL = Path("/work/shared/corpora/real")
JUDGMENTS = Path(__file__).resolve().parent / "audit" / "indicators.jsonl"
SAMPLE_SIZE = 200
VERDICTS = ("right", "missed", "wrong", "spurious")
CONTEXT = 120
MARKS = "。；\n"


@dataclass(frozen=True)
class Sampled:
    key: str
    doc: str
    text: str
    record: Record


def all_records() -> list[Sampled]:
    """Every record of every real text, keyed."""
    if not REAL.is_dir():
        sys.exit(f"no real corpus at {REAL}: nothing to audit")
    items = []
    for path in sorted(REAL.rglob("*.txt")):
        doc = path.relative_to(REAL).as_posix()
        text = path.read_text(encoding="utf-8")
        for record in extract(text, validate=False).records:
            items.append(Sampled(f"{doc}:{record.start}:{record.surface}", doc, text, record))
    return items


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def sample(items: list[Sampled], salt: str = "") -> list[Sampled]:
    """The SAMPLE_SIZE records whose key (after ``salt:``, when one is given) has the smallest
    sha256."""
    prefix = f"{salt}:" if salt else ""
    return sorted(items, key=lambda item: _digest(prefix + item.key))[:SAMPLE_SIZE]


def judgments_file(salt: str) -> Path:
    return JUDGMENTS.with_name(f"indicators-{salt}.jsonl") if salt else JUDGMENTS


def context(item: Sampled) -> str:
    """The record's sentence, the figure in 【】, cut to about CONTEXT characters."""
    text, record = item.text, item.record
    start = max(text.rfind(mark, 0, record.start) for mark in MARKS) + 1
    ends = [found for mark in MARKS if (found := text.find(mark, record.end)) >= 0]
    end = min(ends) + 1 if ends else len(text)
    before, after = text[start:record.start], text[record.end:end]
    room = max(CONTEXT - len(record.surface), 20)
    keep_before = min(len(before), max(room * 2 // 3, room - len(after)))
    keep_after = min(len(after), room - keep_before)
    before = ("…" if keep_before < len(before) else "") + before[len(before) - keep_before:]
    after = after[:keep_after] + ("…" if keep_after < len(after) else "")
    return f"{before}【{record.surface}】{after}".replace("\n", "⏎").strip()


def entry(item: Sampled) -> dict[str, Any]:
    """A judgment line with no verdict yet."""
    return {"key": item.key, "doc": item.doc, "surface": item.record.surface,
            "context": context(item), "metric": item.record.metric,
            "indicator": item.record.indicator, "names_indicator": None, "verdict": None,
            "note": ""}


def expected_verdict(given: str | None, names: str | None) -> str:
    """The verdict the tool's indicator and the judged one imply."""
    if given == names:
        return "right"
    if given is None:
        return "missed"
    return "spurious" if names is None else "wrong"


def load_judgments(path: Path = JUDGMENTS) -> dict[str, dict[str, Any]]:
    if not path.exists():
        return {}
    judged = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            judged[row["key"]] = row
    return judged


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write-unjudged", action="store_true",
                        help="append sampled records with no judgment, verdict null")
    parser.add_argument("--salt", default="",
                        help="draw another sample (its judgments in audit/indicators-SALT.jsonl)")
    args = parser.parse_args()
    path = judgments_file(args.salt)

    sampled = sample(all_records(), args.salt)
    judged = load_judgments(path)
    unjudged = [item for item in sampled if judged.get(item.key, {}).get("verdict") is None]
    if args.write_unjudged:
        new = [item for item in unjudged if item.key not in judged]
        with path.open("a", encoding="utf-8") as out:
            for item in new:
                out.write(json.dumps(entry(item), ensure_ascii=False) + "\n")
        print(f"appended {len(new)} unjudged records to {path}")

    verdicts: Counter[str] = Counter()
    changed = []
    for item in sampled:
        row = judged.get(item.key)
        if row is None or row.get("verdict") is None:
            continue
        if row["verdict"] not in VERDICTS:
            sys.exit(f"{item.key}: unknown verdict {row['verdict']!r}")
        if row.get("indicator") != item.record.indicator:
            changed.append(f"{item.key}: judged {row.get('indicator')}, "
                           f"now {item.record.indicator}")
        if row["verdict"] != expected_verdict(row.get("indicator"), row.get("names_indicator")):
            sys.exit(f"{item.key}: verdict {row['verdict']!r} does not fit indicator "
                     f"{row.get('indicator')!r} and names_indicator {row.get('names_indicator')!r}")
        verdicts[row["verdict"]] += 1

    naming_rows = [row for item in sampled
                   if (row := judged.get(item.key)) and row.get("verdict") is not None
                   and row.get("names_indicator") is not None]
    naming = len(naming_rows)
    got = sum(1 for row in naming_rows if row["verdict"] == "right")
    judged_count = sum(verdicts.values())
    print(f"sample: {len(sampled)} records, {judged_count} judged, {len(unjudged)} unjudged")
    print(f"records whose metric names a catalogue indicator: {naming}")
    share = f"{got / naming:.1%}" if naming else "n/a"
    print(f"of those, given that indicator: {got}/{naming} = {share} (issue #16 asks >= 90%)")
    print("verdicts: " + ", ".join(f"{v} {verdicts[v]}" for v in VERDICTS))
    if changed:
        print(f"{len(changed)} judged records whose indicator changed since (judge again):")
        for line in changed:
            print("  " + line)
    return 1 if unjudged else 0


if __name__ == "__main__":
    sys.exit(main())

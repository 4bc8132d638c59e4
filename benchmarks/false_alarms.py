"""False alarms of the validator on real texts without gold (issue #17).

    python benchmarks/false_alarms.py            # alarms per 10,000 characters, per group and check
    python benchmarks/false_alarms.py --list     # and every alarm, to be judged by hand
    python benchmarks/false_alarms.py --time 5   # and the CPU time of run_checks (best of 5 runs)
    python benchmarks/false_alarms.py --arithmetic  # and what change_mismatch/share_sum checked


The texts are every .txt under ../shared/corpora/real (not copied into the project): the
statistical bulletins (``bulletins/``) and the work reports (``gov-work-reports-*/``) are
counted apart. An alarm is a flag of severity warning or error (info is a note). A hand check
found essentially no real inconsistency among such alarms, so every one is a suspect false
alarm until judged; the goals (issue #17) are ≤ 0.5 per 10,000 characters on the bulletins and
≤ 0.2 on the work reports.

An alarm judged by hand to be a real inconsistency of the published text (``JUDGED_REAL``, each
with its reasoning in ``benchmarks/audit/README_arithmetic.md``) is listed but not counted as a
false alarm.
"""

from __future__ import annotations

import argparse
import decimal
import time
from collections import Counter
from pathlib import Path

from ipextract import extract
from ipextract.blocks import split_blocks
from ipextract.normalize import normalize
from ipextract.validate import run_checks
from ipextract.validate.arithmetic import arithmetic_counts
from ipextract.validate.base import CheckInput

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "corpora" / "real"
GROUPS = {"bulletins": ("bulletins",), "work reports": ("gov-work-reports-*",)}
GOALS = {"bulletins": 0.5, "work reports": 0.2}
# (text, check, the surfaces its spans cover): alarms that a hand check found to be real
# inconsistencies of the published text, not false alarms (benchmarks/audit/README_arithmetic.md)
JUDGED_REAL = {
    # 私人汽车中轿车152.43万辆，增长1.7%，增加2.20万辆: 2.20 ÷ 150.23 = 1.46%, not 1.7%
    ("bulletins/bulletin_2021_nanjing.txt", "change_mismatch", ("152.43万辆", "1.7%", "2.20万辆")),
}


def texts(group: str) -> list[Path]:
    return sorted(path for pattern in GROUPS[group] for folder in sorted(REAL.glob(pattern))
                  for path in folder.glob("*.txt"))


def _snippet(text: str, start: int, end: int, reach: int = 12) -> str:
    before = text[max(0, start - reach): start].replace("\n", "⏎")
    after = text[end: end + reach].replace("\n", "⏎")
    return f"…{before}[{text[start:end].replace(chr(10), '⏎')}]{after}…"


def measure(group: str, show: bool) -> tuple[int, Counter[str]]:
    """Characters and alarms per check of one group; with ``show``, every alarm printed."""
    chars = 0
    alarms: Counter[str] = Counter()
    for path in texts(group):
        text = path.read_text(encoding="utf-8")
        chars += len(text)
        found = [f for f in extract(text, source=str(path)).flags if f.severity != "info"]
        name = str(path.relative_to(REAL))
        real = [f for f in found if (name, f.kind, tuple(text[s:e] for s, e in f.spans))
                in JUDGED_REAL]
        if show:
            for flag in real:
                print(f"\n{name}: judged a real error: {flag.kind}: {flag.message}")
        found = [f for f in found if f not in real]
        alarms.update(f.kind for f in found)
        if show and found:
            print(f"\n{path.relative_to(REAL)}: {len(found)} alarms")
            for flag in found:
                print(f"  {flag.id} {flag.severity} {flag.kind}: {flag.message}")
                for start, end in flag.spans:
                    print(f"     @{start:<6} {_snippet(text, start, end)}")
    return chars, alarms


def rates() -> dict[str, float]:
    """Alarms per 10,000 characters by group ({} when the texts are not here)."""
    found = {}
    for group in GROUPS:
        if texts(group):
            chars, alarms = measure(group, show=False)
            found[group] = sum(alarms.values()) / chars * 10_000
    return found


def time_checks(group: str, runs: int) -> float:
    """Best CPU time (seconds) of run_checks over the group, records and blocks made once."""
    prepared = []
    for path in texts(group):
        text = path.read_text(encoding="utf-8")
        records = extract(text, validate=False).records
        prepared.append((records, text, split_blocks(normalize(text).text)))
    best = float("inf")
    for _ in range(runs):
        with decimal.localcontext(prec=60):
            began = time.process_time()
            for records, text, blocks in prepared:
                run_checks(records, text, blocks)
            best = min(best, time.process_time() - began)
    return best


def arithmetic(group: str) -> Counter[str]:
    """How many statements change_mismatch and share_sum checked in a group, and the flags
    (of every severity) they and sum_mismatch raised."""
    counts: Counter[str] = Counter()
    for path in texts(group):
        text = path.read_text(encoding="utf-8")
        document = extract(text, source=str(path))
        view = CheckInput(document.records, text, split_blocks(normalize(text).text))
        counts.update(arithmetic_counts(view))
        counts.update(f"{f.kind} {f.severity}" for f in document.flags
                      if f.kind in ("change_mismatch", "share_sum", "sum_mismatch"))
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--list", action="store_true", help="print every alarm with its spots")
    parser.add_argument("--arithmetic", action="store_true",
                        help="count the triples and share lists the arithmetic checks read")
    parser.add_argument("--time", type=int, default=0, metavar="RUNS",
                        help="also time run_checks (CPU, best of RUNS)")
    args = parser.parse_args()
    if not REAL.is_dir():
        print(f"{REAL} is not here: nothing to measure")
        return
    for group in GROUPS:
        paths = texts(group)
        if not paths:
            print(f"{group}: no texts under {REAL}")
            continue
        chars, alarms = measure(group, args.list)
        total = sum(alarms.values())
        rate = total / chars * 10_000
        print(f"\n{group}: {len(paths)} texts, {chars} characters, {total} alarms, "
              f"{rate:.2f} per 10,000 characters (goal ≤ {GOALS[group]})")
        for kind, count in alarms.most_common():
            print(f"  {kind:<22} {count:>5}  {count / chars * 10_000:6.2f}")
        if args.arithmetic:
            for key, count in sorted(arithmetic(group).items()):
                print(f"  checked/flagged {key:<26} {count:>5}")
        if args.time:
            print(f"  run_checks CPU time, best of {args.time}: "
                  f"{time_checks(group, args.time) * 1000:.1f} ms")


if __name__ == "__main__":
    main()

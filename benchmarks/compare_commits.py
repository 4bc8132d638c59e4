"""Throughput of two versions of ipextract side by side, in one process, rounds interleaved.

    git worktree add /tmp/old <commit>
    python benchmarks/compare_commits.py /tmp/old/src [--rounds 9]

This machine's speed moves by 2x from one minute to the next, so two versions timed in separate
runs cannot be compared; here the old package is loaded under another name next to the installed
one and each round times old, then new, on the real work reports (CPU time, best round kept).

Two throughputs are measured, and both are printed:

* ``first pass`` (the default): what a user gets, who reads each report once. Each round starts
  a fresh process per version (old, then new), which warms up on the bundled sample (the
  dictionaries loaded, the patterns compiled) and then times one pass over the reports.
  A version that makes its segmentation dictionary a first character at a time (#19) makes the
  entries a report needs during its pass; ``--whole-dictionary`` makes them all in the warm-up,
  as older versions did while starting, to time the extraction alone like for like.
* ``repeat`` (``--repeat``): the same reports extracted again and again in one process, where
  the caches keyed by text (segmentations, metric names) answer from the second round on:
  it times the code around those caches, and leaves out what they save.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT.parent / "shared" / "corpora" / "real"


def load_as(name: str, source: Path) -> ModuleType:
    """The package at ``source/ipextract`` imported as ``name``."""
    package = source / "ipextract"
    spec = importlib.util.spec_from_file_location(
        name, package / "__init__.py", submodule_search_locations=[str(package)])
    if spec is None or spec.loader is None:
        raise SystemExit(f"no package at {package}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def best_round(extract: Any, texts: list[str], timings: list[float]) -> None:
    start = time.process_time()
    for text in texts:
        extract(text)
    timings.append(time.process_time() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old_src", type=Path, help="the src/ folder of the old version")
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--repeat", action="store_true",
                        help="time repeated passes in one process instead of first passes")
    parser.add_argument("--whole-dictionary", action="store_true",
                        help="first pass: make the whole segmentation dictionary during the "
                             "warm-up, as versions before it was made lazily did while starting")
    args = parser.parse_args()
    if not args.repeat:
        first_pass(args.old_src, args.rounds, args.whole_dictionary)
        return
    import ipextract as new

    old = load_as("ipextract_old", args.old_src)
    texts = [p.read_text(encoding="utf-8") for p in sorted(REPORTS.glob("gov-work-reports-*/*.txt"))]
    if not texts:
        raise SystemExit(f"{REPORTS} is not here")
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    old_times: list[float] = []
    new_times: list[float] = []
    for module, times in ((old, old_times), (new, new_times)):
        best_round(module.extract, texts[:2], [])  # warm up: dictionaries, caches
    for _ in range(args.rounds):
        best_round(old.extract, texts, old_times)
        best_round(new.extract, texts, new_times)
    old_best, new_best = min(old_times), min(new_times)
    old_median = sorted(old_times)[len(old_times) // 2]
    new_median = sorted(new_times)[len(new_times) // 2]
    print(f"{len(texts)} real work reports, {megabytes:.2f} MB, {args.rounds} interleaved rounds (CPU time)")
    print(f"old: best {old_best:.3f} s ({megabytes / old_best:.2f} MB/s), median {old_median:.3f} s")
    print(f"new: best {new_best:.3f} s ({megabytes / new_best:.2f} MB/s), median {new_median:.3f} s")
    print(f"new / old: best {new_best / old_best:.3f}, median {new_median / old_median:.3f}")


FIRST_PASS = """
import glob, sys, time
if sys.argv[1]:
    sys.path.insert(0, sys.argv[1])
from ipextract import extract
texts = [open(f, encoding="utf-8").read() for f in sorted(glob.glob(sys.argv[2] + "/gov-work-reports-*/*.txt"))]
extract(open(sys.argv[3], encoding="utf-8").read())
if sys.argv[4] == "whole":  # set-up like for like: the whole dictionary made before timing
    try:
        from ipextract.vocabulary.lexicon import make_whole
    except ImportError:
        pass  # a version that makes it whole while starting
    else:
        make_whole()
start = time.process_time()
for text in texts:
    extract(text)
print(time.process_time() - start)
"""


def first_pass(old_src: Path, rounds: int, whole_dictionary: bool = False) -> None:
    """Each round: a fresh process per version, one pass over the reports after a warm-up."""
    import subprocess

    sample = ROOT / "corpora" / "wuhan-ip-2024.txt"
    times: dict[str, list[float]] = {"old": [], "new": []}
    for _ in range(rounds):
        for name, source in (("old", str(old_src)), ("new", "")):
            done = subprocess.run([sys.executable, "-c", FIRST_PASS, source, str(REPORTS), str(sample),
                                   "whole" if whole_dictionary else "lazy"],
                                  check=True, capture_output=True, text=True)
            times[name].append(float(done.stdout.strip()))
    ratios = sorted(new / old for old, new in zip(times["old"], times["new"], strict=True))
    print(f"real work reports, {rounds} rounds, a fresh process per version and round "
          "(CPU time of one first pass)")
    for name in ("old", "new"):
        ordered = sorted(times[name])
        print(f"{name}: best {ordered[0]:.3f} s, median {ordered[len(ordered) // 2]:.3f} s")
    print(f"new / old: best {min(times['new']) / min(times['old']):.3f}, "
          f"median of the rounds' ratios {ratios[len(ratios) // 2]:.3f}")


if __name__ == "__main__":
    main()

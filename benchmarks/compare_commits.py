"""Throughput of two versions of ipextract side by side, in one process, rounds interleaved.

    git worktree add /tmp/old <commit>
    python benchmarks/compare_commits.py /tmp/old/src [--rounds 9]

This machine's speed moves by 2x from one minute to the next, so two versions timed in separate
runs cannot be compared; here the old package is loaded under another name next to the installed
one and each round times old, then new, on the real work reports (CPU time, best round kept).
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
    args = parser.parse_args()
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


if __name__ == "__main__":
    main()

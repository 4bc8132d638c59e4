"""Instructions two versions of ipextract execute on the real work reports, counted by
valgrind's callgrind: repeatable whatever else the machine is doing, where wall-clock time on
this machine moves by 2× from day to day (and by ±15% from one run to the next).

    python benchmarks/compare_instructions.py OLD/src [NEW/src]

Each version runs four times under callgrind (two in parallel): once only importing and warming
up (dictionaries, compiled patterns, two documents), once warming up and then extracting every
work report; the difference is the cost of the extraction alone. Needs valgrind (Debian's
package); takes a few minutes.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT.parent / "shared" / "corpora" / "real"

RUN = """
import sys, glob
sys.path.insert(0, sys.argv[1])
from ipextract import extract
texts = [open(f, encoding="utf-8").read() for f in sorted(glob.glob(sys.argv[3] + "/gov-work-reports-*/*.txt"))]
extract(texts[0]); extract(texts[1])
if sys.argv[2] == "run":
    for text in texts:
        extract(text)
"""


def _own_cache(source: str, workdir: Path) -> dict[str, str]:
    """The environment of a run of ``source`` with a dictionary cache of its own: two trees
    (or another job's) sharing ``~/.cache/ipextract`` may evict each other's cached dictionary,
    which is then rebuilt inside callgrind (a pass once counted 21,080M for 11,125M)."""
    folder = workdir / f"cache-{abs(hash(source))}"
    folder.mkdir(exist_ok=True)
    return {**os.environ, "IPEXTRACT_CACHE_DIR": str(folder)}


def instructions(source: str, mode: str, workdir: Path) -> int:
    log = workdir / f"{abs(hash((source, mode)))}.log"
    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={log}.out",
                    f"--log-file={log}", sys.executable, "-c", RUN, source, mode, str(REPORTS)],
                   check=True, capture_output=True, env=_own_cache(source, workdir))
    found = re.search(r"Collected : ([0-9]+)", log.read_text())
    if found is None:
        raise SystemExit(f"{log}: callgrind printed no count")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old_src")
    parser.add_argument("new_src", nargs="?", default=str(ROOT / "src"))
    args = parser.parse_args()
    # Each version warms up once first, outside callgrind: a version that keeps its segmentation
    # dictionary in a cache on disk builds it on its first run, and the two measured runs, in
    # parallel, would then each pay a different part of that building (most likely why a
    # pass of 765M instructions was once measured where a rerun gave 10,442M).
    with tempfile.TemporaryDirectory() as tmp, ThreadPoolExecutor(max_workers=2) as pool:
        for source in (args.old_src, args.new_src):
            subprocess.run([sys.executable, "-c", RUN, source, "warm", str(REPORTS)], check=True,
                           capture_output=True, env=_own_cache(source, Path(tmp)))
        jobs = {(name, mode): pool.submit(instructions, source, mode, Path(tmp))
                for name, source in (("old", args.old_src), ("new", args.new_src))
                for mode in ("warm", "run")}
        cost = {name: jobs[(name, "run")].result() - jobs[(name, "warm")].result()
                for name in ("old", "new")}
    print(f"old: {cost['old'] / 1e6:.0f} M instructions")
    print(f"new: {cost['new'] / 1e6:.0f} M instructions")
    print(f"new / old: {cost['new'] / cost['old']:.3f}")


if __name__ == "__main__":
    main()

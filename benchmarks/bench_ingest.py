"""Batch ingest at scale (#5): documents per second and peak memory, ``--jobs 1`` and ``--jobs 2``.

Run: ``python benchmarks/bench_ingest.py [--documents 10000] [--write]`` (needs the ``dataset``
extra and psutil). Not part of the unit suite.

It generates ``--documents`` small reports (paragraphs of the corpora under a title naming one
of 30 cities and a year from 2015 to 2024, every number shifted so each file's hash differs),
ingests them into a fresh database once per job count, and at 1k, 5k and 10k documents written
notes the rate so far and the peak resident memory so far of the whole process tree (the
parent plus its workers, sampled every 50 ms). Memory is flat when the peak at 10k is the peak
at 1k: nothing grows with the batch but the database file. ``--write`` puts the table into
``benchmarks/RESULTS.md`` under ``## Batch ingest (#5)``.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import threading
import time
from pathlib import Path

import psutil
import regex

from ipextract.dataset.batch import ingest
from ipextract.dataset.discover import discover
from ipextract.dataset.engines import engine
from ipextract.dataset.progress import QuietProgress
from ipextract.dataset.store import Store
from ipextract.dataset.work import WorkOptions

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
HEADING = "## Batch ingest (#5)"
CITIES = ("武汉", "长沙", "合肥", "杭州", "南京", "成都", "西安", "郑州", "济南", "青岛", "厦门",
          "福州", "南昌", "昆明", "贵阳", "南宁", "太原", "石家庄", "沈阳", "长春", "哈尔滨", "兰州",
          "西宁", "银川", "乌鲁木齐", "呼和浩特", "海口", "拉萨", "苏州", "宁波")
_NUMBER = regex.compile(r"(?<![0-9.])([1-9][0-9]{1,3})(?![0-9年])")


def _paragraphs() -> list[str]:
    pool: list[str] = []
    for path in sorted((ROOT / "corpora").glob("*.txt")):
        pool += [p.strip() for p in path.read_text(encoding="utf-8").split("\n")
                 if len(p.strip()) > 40 and regex.search(r"[0-9]", p)]
    return pool


def generate(folder: Path, count: int) -> None:
    pool = _paragraphs()
    chooser = random.Random(5)
    for n in range(count):
        city, year = CITIES[n % len(CITIES)], 2015 + (n // len(CITIES)) % 10
        shift = 1 + n // (len(CITIES) * 10)
        body = "\n\n".join(chooser.sample(pool, 4))
        body = _NUMBER.sub(lambda m, shift=shift: str(int(m.group(1)) + shift), body)
        text = f"{year}年{city}市知识产权发展状况\n\n{body}\n"
        (folder / f"{n // 1000:02}").mkdir(exist_ok=True)
        (folder / f"{n // 1000:02}" / f"{city}-{year}-{n:05}.txt").write_text(text, encoding="utf-8")


class _Peak(threading.Thread):
    """The largest resident set of this process and its children seen so far."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak = 0
        self.running = True

    def run(self) -> None:
        me = psutil.Process()
        while self.running:
            total = 0
            for process in [me, *me.children(recursive=True)]:
                try:
                    total += process.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            time.sleep(0.05)


class _Checkpoints(QuietProgress):
    def __init__(self, marks: tuple[int, ...], peak: _Peak) -> None:
        self.done, self.marks, self.peak, self.started = 0, marks, peak, time.monotonic()
        self.seen: dict[int, tuple[float, int]] = {}

    def advance(self, path: str, status: str, tally: str) -> None:
        self.done += 1
        if self.done in self.marks:
            self.seen[self.done] = (time.monotonic() - self.started, self.peak.peak)


def measure(files: list[str], jobs: int, marks: tuple[int, ...]) -> tuple[dict, float, int]:
    with tempfile.TemporaryDirectory() as scratch:
        store = Store(Path(scratch) / "bench.duckdb")
        peak = _Peak()
        peak.start()
        progress = _Checkpoints(marks, peak)
        started = time.monotonic()
        summary = ingest(files, store, WorkOptions(), engine("local", jobs=jobs, scheduler=None),
                         progress)
        total = time.monotonic() - started
        peak.running = False
        store.close()
    assert summary.added == len(files) and summary.failed == 0, summary
    return progress.seen, total, summary.records


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    marks = tuple(m for m in (1_000, 5_000, 10_000) if m <= args.documents) or (args.documents,)
    with tempfile.TemporaryDirectory() as scratch:
        generate(Path(scratch), args.documents)
        files = discover([scratch])
        size = sum(Path(f).stat().st_size for f in files) / 1e6
        rows = {}
        for jobs in (1, 2):
            rows[jobs] = measure(files, jobs, marks)
            seen, total, records = rows[jobs]
            print(f"jobs {jobs}: {len(files) / total:.1f} docs/s, {records} records; "
                  + ", ".join(f"{m}: {s:.1f} s, {p / 2**20:.0f} MiB" for m, (s, p) in seen.items()))
    speedup = rows[1][1] / rows[2][1]
    lines = [HEADING, "",
             (f"`python benchmarks/bench_ingest.py --write`: {len(files):,} generated reports "
              f"({size:.1f} MB, {rows[1][2]:,} records), fresh database each run, "
              f"{psutil.cpu_count()} cores, process-pool engine, validation and cross-document "
              "checks on. Peak memory is the resident set of the parent and its workers together, "
              "the largest seen up to that point."), "",
             "| jobs | docs/s | total | " + " | ".join(f"peak at {m:,}" for m in marks) + " |",
             "|---|---|---|" + "---|" * len(marks)]
    for jobs, (seen, total, _) in rows.items():
        lines.append(f"| {jobs} | {len(files) / total:.0f} | {total:.0f} s | "
                     + " | ".join(f"{seen[m][1] / 2**20:.0f} MiB" for m in marks) + " |")
    lines += ["", f"Speed-up from 1 to 2 jobs: {speedup:.2f}×.", ""]
    table = "\n".join(lines)
    print(table)
    if args.write:
        _write_section(table)


def _write_section(section: str) -> None:
    """Replace our section of RESULTS.md (others keep theirs), or add it."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n\n"
    pattern = regex.compile(rf"^{regex.escape(HEADING)}\n.*?(?=^## |\Z)", regex.M | regex.S)
    text = pattern.sub(lambda _: section + "\n", text) if pattern.search(text) \
        else text.rstrip("\n") + "\n\n" + section + "\n"
    RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()

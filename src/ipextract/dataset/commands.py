"""The dataset subcommands behind ``cli.py``: arguments in, exit status out.

Exit status: 0 when every file was ingested, 2 when any failed (each failure is one line on
stderr, ``ipextract: FILE: reason [E###]``, and a row in ``errors``), 130 on Ctrl-C (the
documents written so far stay; the next run goes on from there).
"""

from __future__ import annotations

import argparse
import os
import sys

from ..errors import UsageError
from ..validate.base import CheckSettings
from .batch import ingest
from .discover import discover
from .engines import engine
from .export import export
from .progress import progress_for
from .series import headline_series, render_csv, render_table, series
from .store import Store
from .table import indicator_table
from .table import render as render_table_text
from .table import write as write_table
from .targets import render_csv as render_targets
from .targets import target_pairs
from .work import WorkOptions


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def ingest_command(args: argparse.Namespace, settings: CheckSettings) -> int:
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs", "must be at least 1")
    if args.max_bytes < 1 or args.time_limit < 0:
        raise UsageError("--max-bytes/--time-limit", "must be positive")
    if args.commit_every < 1:
        raise UsageError("--commit-every", "must be at least 1")
    files = discover(args.paths)
    options = WorkOptions(encoding=args.encoding, validate=not args.no_validate, settings=settings,
                          max_bytes=args.max_bytes, time_limit=args.time_limit or None)
    run_engine = engine(args.engine, jobs=args.jobs or default_jobs(), scheduler=args.scheduler)
    store = Store(args.db, group_documents=args.commit_every)
    try:
        summary = ingest(files, store, options, run_engine, progress_for(len(files), quiet=args.quiet))
    except KeyboardInterrupt:
        print(f"ipextract: interrupted; {args.db} holds the documents written so far "
              "(run the same command again to go on)", file=sys.stderr)
        return 130
    finally:
        store.close()
    print(f"ipextract: {summary.line(args.db)}", file=sys.stderr)
    return 2 if summary.failed else 0


def export_command(args: argparse.Namespace) -> int:
    rows = export(args.db, args.table, args.format, args.output)
    if not args.quiet:
        print(f"ipextract: export: {rows} rows of {args.table} → {args.output}", file=sys.stderr)
    return 0


def targets_command(args: argparse.Namespace) -> int:
    indicators = [i.strip() for i in (args.indicators or "").split(",") if i.strip()]
    pairs = target_pairs(args.db, args.year, indicators or None, args.kind)
    sys.stdout.write(render_targets(pairs))
    if not args.quiet:
        counts = {verdict: sum(p.verdict == verdict for p in pairs)
                  for verdict in ("met", "missed", "no result")}
        print(f"ipextract: targets: {len(pairs)} targets of {args.year}: "
              + ", ".join(f"{n} {verdict}" for verdict, n in counts.items()), file=sys.stderr)
    return 0


def table_command(args: argparse.Namespace) -> int:
    indicators = [i.strip() for i in args.indicators.split(",") if i.strip()]
    kinds = [k.strip() for k in (args.kinds or "").split(",") if k.strip()]
    columns, lines, aside = indicator_table(args.db, indicators, year=args.year,
                                            status=args.status, kinds=kinds)
    for row, reason in aside:
        print(f"ipextract: table: set aside {row.source} {row.surface} "
              f"({row.record.split(':')[-1]}): {reason}", file=sys.stderr)
    if args.output:
        write_table(columns, lines, args.format, args.output)
    elif args.format == "parquet":
        raise UsageError("table", "Parquet needs -o FILE")
    else:
        sys.stdout.write(render_table_text(columns, lines, args.format))
    return 0


def series_command(args: argparse.Namespace) -> int:
    if args.metric is None and args.indicator is None:
        raise UsageError("series", "give a METRIC or --indicator ID")
    if args.indicator is not None and not args.all:
        rows, aside = headline_series(args.db, args.indicator, args.kind, status=args.status,
                                      year=args.year, metric=args.metric)
        for row, reason in aside:
            print(f"ipextract: series: set aside {row.source} {row.surface} "
                  f"({row.record.split(':')[-1]}): {reason}", file=sys.stderr)
    else:
        rows = series(args.db, args.metric, args.kind, indicator=args.indicator,
                      status=args.status, year=args.year)
    sys.stdout.write(render_csv(rows) if args.format == "csv" else render_table(rows))
    return 0

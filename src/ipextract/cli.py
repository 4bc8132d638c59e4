"""Command line: ``ipextract extract | validate | report | text | ingest | export | series``.

Errors a user can cause become one line on stderr (``ipextract: FILE: reason [E101]``) and
exit status 2; in a batch the other files are still processed and their output written.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from . import __version__
from .dataset.store import GROUP_DOCUMENTS, GROUP_SECONDS
from .dataset.work import DEFAULT_MAX_BYTES, DEFAULT_TIME_LIMIT
from .errors import IpextractError, OutputError, UsageError
from .ingest import read_source
from .ingest.base import MAX_BYTES
from .ingest.ocr import MODES as OCR_MODES
from .ingest.ocr import set_mode as set_ocr_mode
from .limits import deadline_after, time_limit, warm_up
from .models import Document
from .output import render, write_atomic
from .pipeline import extract_source
from .report_text import render_report
from .review import render_review
from .validate import CHECKS, CROSS_CHECK_CODES, SEVERITY_RANK
from .validate.base import CheckSettings
from .validate.config import load_settings


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ipextract",
        description="Figures out of Chinese government reports, as source-grounded records.",
    )
    parser.add_argument("--version", action="version", version=f"ipextract {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    commands = parser.add_subparsers(dest="command", required=True)

    extract_cmd = commands.add_parser("extract", help="records and flags as JSON")
    extract_cmd.add_argument("files", nargs="+", metavar="FILE", help="report files; - for stdin")
    extract_cmd.add_argument("--format", choices=("json", "jsonl"), default=None,
                             help="json for one input, jsonl (one object per line) for several")
    extract_cmd.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")
    extract_cmd.add_argument("--no-validate", action="store_true", help="records only, no flags")
    _document_options(extract_cmd)

    validate_cmd = commands.add_parser(
        "validate", help="a readable report of suspected inconsistencies; exit 1 on a flag at "
                         "or above --fail-on")
    validate_cmd.add_argument("files", nargs="+", metavar="FILE")
    validate_cmd.add_argument("--fail-on", choices=("error", "warning", "info", "never"),
                              default="error", help="lowest severity that fails (default: error)")
    validate_cmd.add_argument("--show-info", action="store_true",
                              help="also list info flags (checks that passed)")
    _document_options(validate_cmd)

    report_cmd = commands.add_parser(
        "report", help="one self-contained HTML page: the text with its figures highlighted, "
                       "the flags, the records")
    report_cmd.add_argument("file", metavar="FILE", help="a report file; - for stdin")
    report_cmd.add_argument("-o", "--output", metavar="OUT",
                            help="default: FILE's name with .report.html, in this folder")
    _document_options(report_cmd)

    text_cmd = commands.add_parser("text", help="print the decoded text that offsets index")
    text_cmd.add_argument("file", metavar="FILE")
    text_cmd.add_argument("--encoding")
    _ocr_option(text_cmd)

    # Datasets (issue #5): the work is in ipextract.dataset, imported only when these run.
    ingest_cmd = commands.add_parser("ingest", help="files, folders and globs into a DuckDB dataset")
    ingest_cmd.add_argument("paths", nargs="+", metavar="PATH")
    ingest_cmd.add_argument("--db", default="ipextract.duckdb", help="default: ./ipextract.duckdb")
    ingest_cmd.add_argument("--jobs", type=int, default=None, help="worker processes (default: all cores)")
    ingest_cmd.add_argument("--engine", choices=("local", "dask"), default="local")
    ingest_cmd.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler, tcp://host:8786")
    ingest_cmd.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                            help="larger files go to errors (default: 50 MiB)")
    ingest_cmd.add_argument("--time-limit", type=float, default=DEFAULT_TIME_LIMIT, metavar="SECONDS",
                            help="per document; slower ones go to errors (default: 120; 0: none)")
    ingest_cmd.add_argument("--encoding")
    _ocr_option(ingest_cmd)
    ingest_cmd.add_argument("--no-validate", action="store_true", help="records only, no flags")
    ingest_cmd.add_argument("--quiet", action="store_true", help="no progress bar")
    ingest_cmd.add_argument("--commit-every", type=int, default=GROUP_DOCUMENTS, metavar="N",
                            help=f"commit after N whole documents or {GROUP_SECONDS:g} s (default: "
                                 f"{GROUP_DOCUMENTS}; 1 = a transaction per document)")
    _check_options(ingest_cmd, across_documents=True)

    export_cmd = commands.add_parser("export", help="one table of a dataset as a file")
    export_cmd.add_argument("--db", default="ipextract.duckdb")
    export_cmd.add_argument("--table", default="records",
                            choices=("documents", "records", "flags", "errors", "sources"))
    export_cmd.add_argument("--format", choices=("parquet", "csv", "jsonl"), required=True)
    export_cmd.add_argument("-o", "--output", metavar="OUT", required=True)
    export_cmd.add_argument("--quiet", action="store_true")

    series_cmd = commands.add_parser("series", help="one metric across the documents of a dataset")
    series_cmd.add_argument("metric", metavar="METRIC", nargs="?",
                            help="a metric name (aliases folded); or give --indicator")
    series_cmd.add_argument("--db", default="ipextract.duckdb")
    series_cmd.add_argument("--indicator", metavar="ID",
                            help="a catalogue indicator (gdp, patent_grants…): one headline row "
                                 "per region, year and kind; what is set aside is said on stderr")
    series_cmd.add_argument("--all", action="store_true",
                            help="with --indicator: every row, no headline choice")
    series_cmd.add_argument("--kind", help="only this kind (count, amount, growth…)")
    series_cmd.add_argument("--status", choices=("actual", "target", "forecast", "unknown"),
                            help="only results, targets…")
    series_cmd.add_argument("--year", type=int, help="only figures of this year")

    targets_cmd = commands.add_parser("targets", help="the targets set for a year against its results")
    targets_cmd.add_argument("--year", type=int, required=True, help="the year the targets are for")
    targets_cmd.add_argument("--indicators", metavar="ID,ID…", help="catalogue ids (default: all)")
    targets_cmd.add_argument("--kind", help="only this kind (growth, amount…)")
    targets_cmd.add_argument("--db", default="ipextract.duckdb")
    targets_cmd.add_argument("--quiet", action="store_true")

    table_cmd = commands.add_parser("table", help="regions × indicators: the headline figures side by side")
    table_cmd.add_argument("--indicators", required=True, metavar="ID,ID…",
                           help="catalogue ids: gdp,budget_revenue,retail_sales…")
    table_cmd.add_argument("--db", default="ipextract.duckdb")
    table_cmd.add_argument("--year", type=int, help="only figures of this year")
    table_cmd.add_argument("--status", choices=("actual", "target", "forecast", "unknown"),
                           help="only results, targets…")
    table_cmd.add_argument("--kinds", metavar="KIND,KIND…", help="only these kinds (amount,growth…)")
    table_cmd.add_argument("--format", choices=("csv", "jsonl", "parquet"), default="csv")
    table_cmd.add_argument("-o", "--output", metavar="OUT", help="write here (atomically); else stdout")
    series_cmd.add_argument("--format", choices=("table", "csv"), default="table")
    return parser


def _document_options(command: argparse.ArgumentParser) -> None:
    """What every command that extracts documents takes: encoding, checks and limits."""
    command.add_argument("--encoding", help="decode inputs with this encoding")
    _check_options(command)
    command.add_argument("--max-bytes", type=int, default=MAX_BYTES, metavar="N",
                         help=f"refuse an input larger than this (default: {MAX_BYTES:,})")
    command.add_argument("--time-limit", type=float, default=0, metavar="SECONDS",
                         help="give up on a document that takes longer (default: no limit)")
    _ocr_option(command)


def _ocr_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--ocr", choices=OCR_MODES, default=None,
                         help="read scanned PDF pages by OCR: auto (pages without a text layer), "
                              "always (every page), never (default: auto; needs the [ocr] extra)")


def _document(path: str, args: argparse.Namespace, settings: CheckSettings, *,
              validate: bool = True) -> Document:
    """One input read and extracted within the limits the command line sets."""
    if args.max_bytes < 1 or args.time_limit < 0:
        raise UsageError("--max-bytes/--time-limit", "must be positive")
    if args.time_limit:
        warm_up()
    with time_limit(args.time_limit, path):
        source = read_source(path, args.encoding, max_bytes=args.max_bytes)
        return extract_source(source, validate=validate, settings=settings,
                              deadline=deadline_after(args.time_limit))


def _check_options(command: argparse.ArgumentParser, *, across_documents: bool = False) -> None:
    """--config, --disable, --enable; ``ingest`` also names the checks across documents."""
    names = sorted(CHECKS) + (sorted(CROSS_CHECK_CODES) if across_documents else [])
    command.add_argument("--config", metavar="FILE",
                         help="TOML with [checks] on/off, [severity] overrides and tuning keys")
    command.add_argument("--disable", action="append", default=[], metavar="CHECK",
                         choices=names, help="switch a check off (repeatable)")
    command.add_argument("--enable", action="append", default=[], metavar="CHECK",
                         choices=names, help="switch a check on (repeatable)")


def _settings(args: argparse.Namespace) -> CheckSettings:
    return load_settings(args.config, disable=args.disable, enable=args.enable)


def _fail(error: Exception) -> None:
    print(f"ipextract: {error}", file=sys.stderr)


def _extract(args: argparse.Namespace) -> int:
    fmt = args.format or ("json" if len(args.files) == 1 else "jsonl")
    settings = _settings(args)
    status = 0

    def documents() -> Iterator[Document]:
        # one document at a time: each is written (in pieces) before the next is read
        nonlocal status
        for path in args.files:
            try:
                document = _document(path, args, settings, validate=not args.no_validate)
            except IpextractError as error:
                _fail(error)
                status = error.exit_status
                continue
            yield document
            del document

    chunks = render(documents(), fmt)
    if args.output:
        write_atomic(args.output, chunks)
    else:
        for chunk in chunks:
            sys.stdout.write(chunk)
    return status


def _validate(args: argparse.Namespace) -> int:
    settings = _settings(args)
    threshold = SEVERITY_RANK.get(args.fail_on, 99)
    status = 0
    for path in args.files:
        try:
            document = _document(path, args, settings)
        except IpextractError as error:
            _fail(error)
            status = max(status, error.exit_status)
            continue
        shown = [f for f in document.flags if args.show_info or f.severity != "info"]
        sys.stdout.write(render_report(document, shown))
        if any(SEVERITY_RANK[f.severity] >= threshold for f in document.flags):
            status = max(status, 1)
    return status


def _report(args: argparse.Namespace) -> int:
    document = _document(args.file, args, _settings(args))
    target = args.output or f"{'stdin' if args.file == '-' else Path(args.file).stem}.report.html"
    try:
        write_atomic(target, [render_review(document)])
    except OSError as error:
        raise OutputError(target, f"cannot be written ({error.strerror or error})") from error
    return 0


def _text(args: argparse.Namespace) -> int:
    source = read_source(args.file, args.encoding)
    sys.stdout.write(source.text)
    return 0


def _ingest(args: argparse.Namespace) -> int:
    from .dataset.commands import ingest_command

    return ingest_command(args, _settings(args))


def _export(args: argparse.Namespace) -> int:
    from .dataset.commands import export_command

    return export_command(args)


def _series(args: argparse.Namespace) -> int:
    from .dataset.commands import series_command

    return series_command(args)


def _targets(args: argparse.Namespace) -> int:
    from .dataset.commands import targets_command

    return targets_command(args)


def _table(args: argparse.Namespace) -> int:
    from .dataset.commands import table_command

    return table_command(args)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    ocr_before = set_ocr_mode(args.ocr) if getattr(args, "ocr", None) else None
    try:  # (--ocr is set for this process and the workers it starts, until main returns)
        if args.command == "extract":
            return _extract(args)
        if args.command == "validate":
            return _validate(args)
        if args.command == "report":
            return _report(args)
        if args.command in ("ingest", "export", "series", "table", "targets"):
            return {"ingest": _ingest, "export": _export, "series": _series,
                    "table": _table, "targets": _targets}[args.command](args)
        return _text(args)
    except IpextractError as error:
        _fail(error)
        return error.exit_status
    except BrokenPipeError:
        return 0
    except Exception as error:  # a bug: one line, unless --debug
        if args.debug:
            raise
        print(f"ipextract: internal error: {type(error).__name__}: {error} "
              "(run with --debug for the traceback)", file=sys.stderr)
        return 3
    finally:
        if getattr(args, "ocr", None):
            set_ocr_mode(ocr_before)


# Commands that start no processes or threads and write their files before returning.
_SHORT_LIVED = frozenset({"extract", "validate", "report", "text"})


def run() -> None:
    """The ``ipextract`` program: :func:`main`, then a quick exit.

    Tearing down the interpreter frees the half-million-entry segmentation dictionary one
    object at a time (about 60 ms, an eighth of a run on a short report). A command that has
    written and closed its outputs loses nothing by skipping that: its streams are flushed,
    then the process ends. Commands that run workers exit the ordinary way."""
    argv = sys.argv[1:]
    status = main(argv)
    command = next((a for a in argv if not a.startswith("-")), None)
    if command not in _SHORT_LIVED:
        sys.exit(status)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        pass
    os._exit(status)


if __name__ == "__main__":
    run()

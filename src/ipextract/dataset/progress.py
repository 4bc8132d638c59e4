"""A progress bar with each file's status on a terminal (rich, on stderr); nothing otherwise.

Error lines go through the bar's console so they print above it instead of through it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Self

from . import require


class QuietProgress:
    """Standard error is not a terminal, or ``--quiet``: only error lines."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def advance(self, path: str, status: str, tally: str) -> None:
        return None

    def log(self, line: str) -> None:
        print(line, file=sys.stderr)


class BarProgress(QuietProgress):
    def __init__(self, total: int) -> None:
        progress = require("rich.progress", "ingest")
        console = require("rich.console", "ingest").Console(stderr=True)
        self._bar: Any = progress.Progress(
            progress.TextColumn("{task.description}"), progress.BarColumn(),
            progress.MofNCompleteColumn(), progress.TimeRemainingColumn(),
            progress.TextColumn("{task.fields[tally]}"), console=console, transient=True)
        self._task = self._bar.add_task("ingest", total=total, tally="")

    def __enter__(self) -> Self:
        self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._bar.stop()

    def advance(self, path: str, status: str, tally: str) -> None:
        self._bar.update(self._task, advance=1, description=f"{status:>9} {Path(path).name[:40]}",
                         tally=tally)

    def log(self, line: str) -> None:
        self._bar.console.print(line, markup=False, highlight=False, soft_wrap=True)


def progress_for(total: int, *, quiet: bool) -> QuietProgress:
    if quiet or not sys.stderr.isatty():
        return QuietProgress()
    return BarProgress(total)

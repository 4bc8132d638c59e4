"""Command-line paths → the files of a batch: files as given, folders searched recursively for
report extensions, globs expanded. Sorted and deduplicated, as absolute paths (so the same file
named two ways is one file, and a re-run from another folder finds its earlier rows).

A path that names nothing is kept: the batch records it in ``errors`` (no such file) rather
than dropping a typo silently.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable
from pathlib import Path

EXTENSIONS = frozenset({".txt", ".html", ".htm", ".pdf", ".docx", ".xlsx", ".xlsm", ".xls", ".ods",
                        ".csv", ".tsv", ".doc", ".wps", ".odt"})
_GLOB_CHARS = frozenset("*?[")


def _in_folder(folder: Path) -> Iterable[Path]:
    return (p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in EXTENSIONS)


def _expand(argument: str) -> Iterable[Path]:
    path = Path(argument)
    if path.is_dir():
        return _in_folder(path)
    if path.exists() or not _GLOB_CHARS & set(argument):
        return [path]
    matches: list[Path] = []
    for match in map(Path, glob.glob(argument, recursive=True)):
        if match.is_dir():
            matches.extend(_in_folder(match))
        elif match.suffix.lower() in EXTENSIONS:
            matches.append(match)
    return matches or [path]  # a glob that matches nothing is reported like a missing file


def discover(arguments: Iterable[str]) -> list[str]:
    """Every report file the arguments name, absolute, sorted, each once."""
    return sorted({os.path.abspath(p) for argument in arguments for p in _expand(argument)})

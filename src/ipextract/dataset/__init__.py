"""Datasets: many reports in one embedded DuckDB database (issue #5).

The stages, one module each, in the order a batch runs through them:

    discover ─▶ file paths ─ batch (hash, skip unchanged) ─▶ WorkItem ─ engines ─▶ work.run
      ─▶ WorkResult (rows) ─ store (one transaction per document) ─▶ crosscheck (SQL over the
      whole database) ─▶ export | series

``rows`` names every column once (the DDL and the row builders both read it). DuckDB, rich and
Dask are the ``dataset`` extra and are imported lazily, so ``ipextract extract`` never loads them.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from ..errors import MissingExtra


def require(module: str, command: str) -> ModuleType:
    """Import an optional dependency of the ``dataset`` extra, or say how to install it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtra(command, "dataset") from exc

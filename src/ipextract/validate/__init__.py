"""Stage 5: records → flags. Each check is a small pure function in its own module."""

from __future__ import annotations

from ..blocks import Block
from ..models import Flag, Record


def run_checks(records: list[Record], text: str, blocks: list[Block]) -> list[Flag]:
    """All enabled checks over one document (none yet: see issue #3)."""
    return []

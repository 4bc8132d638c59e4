"""What every check returns and how it is configured."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

from ..blocks import Block
from ..models import Record, Severity
from .statements import Frames

if TYPE_CHECKING:
    from .arithmetic import ClauseMarks


@dataclass(frozen=True)
class CheckInput:
    """What every check reads: the records, the source text and its blocks."""

    records: list[Record]
    text: str
    blocks: list[Block]

    @cached_property
    def frames(self) -> Frames:
        """Where each record stands, for the checks that compare figures (answers kept)."""
        return Frames(self.records, self.blocks, self.text, self)

    # What several checks read of the records, made once per document (each check made its
    # own copy before)
    @cached_property
    def by_id(self) -> dict[str, Record]:
        return {record.id: record for record in self.records}

    @cached_property
    def starts(self) -> list[int]:
        """Each record's start, in order (records are ordered by start): for bisection."""
        return [record.start for record in self.records]

    @property
    def sentence_marks(self) -> Sequence[int]:
        """Where each sentence-ending mark stands (found once with the clause marks)."""
        return self.clauses.sentence_ends

    @cached_property
    def clauses(self) -> ClauseMarks:
        """The clause, sentence and paragraph marks the arithmetic checks read (scanned once)."""
        from .arithmetic import ClauseMarks  # the checks import this module

        return ClauseMarks(self.text, self.records, self.starts)


@dataclass(frozen=True)
class Finding:
    """A flag before it is numbered: what a check found."""

    kind: str
    severity: Severity
    message: str
    record_ids: tuple[str, ...] = ()
    spans: tuple[tuple[int, int], ...] = ()
    evidence: dict[str, Any] = field(default_factory=dict)
    # What makes the finding whole, when its message and evidence are made only with its flag
    # (``made``): a yearbook's 15,000 conflicts are 19 MB of them, made once the checks'
    # indexes are let go rather than beside them
    later: Callable[[], Finding] | None = field(default=None, compare=False, repr=False)

    def made(self) -> Finding:
        """The finding whole (itself, unless its message and evidence are made ``later``)."""
        return self if self.later is None else self.later()


class CheckSettings(BaseModel):
    """Which checks run and how strict they are; from ``--config FILE`` (TOML) and the CLI.

    ``[checks]`` switches checks on or off by kind, ``[severity]`` overrides a check's default
    severity, and the remaining keys tune the rules."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    checks: dict[str, bool] = Field(default_factory=dict)
    severity: dict[str, Severity] = Field(default_factory=dict)
    # duplicate_figure: how many significant digits make a coincidence unlikely enough to flag
    min_significant_digits: int = 3
    # duplicate_figure: flag only when a chance coincidence is less likely than this.
    # 0.004 since growth rates are counted among growths only (issue #17's recall work):
    # a three-digit growth copied onto one of the next three growths (3 / 900), not four
    # growths on, where the real work reports hold a coincidence (11.7% twice, two
    # investment growths of two parts of one report)
    max_expected_coincidences: float = 0.004
    # duplicate_figure: and less likely than this over all the figures of its unit in the
    # document (a bulletin of hundreds of percentages holds some equal pairs by chance)
    max_document_coincidences: float = 0.3
    # info flags for checks that passed (share and sum checks that hold)
    report_passes: bool = True

    def enabled(self, kind: str) -> bool:
        return self.checks.get(kind, True)

"""Every error ipextract raises on purpose, each with a number, in one place.

The command line turns them into one line: ``ipextract: FILE: message [E###]``. Codes are
never reused; a retired code stays here, commented out.

>>> str(InputError("corpora/x.pdf", "not a PDF (truncated at byte 120)"))
'corpora/x.pdf: not a PDF (truncated at byte 120) [E101]'
"""

from __future__ import annotations


class IpextractError(Exception):
    """Base class: an error a user can cause or a data file can contain."""

    code = "E000"
    exit_status = 2

    def __init__(self, where: str, reason: str = "") -> None:
        self.where = where
        self.reason = reason
        super().__init__(f"{where}: {reason}" if reason else where)

    def __str__(self) -> str:
        return f"{super().__str__()} [{self.code}]"


# E1xx: input files
class InputError(IpextractError):
    """A file that cannot be read as a report (missing, unreadable, wrong format, empty)."""

    code = "E101"


class DecodeError(InputError):
    """Bytes that do not decode in the detected or given encoding."""

    code = "E102"


class InputTooLarge(InputError):
    code = "E103"


class DocumentTimeout(InputError):
    """A document that took longer than the per-document time limit (batch mode): hostile or
    pathological input must not hold up the rest of the batch."""

    code = "E104"


# E2xx: vocabulary data files shipped with the package
class VocabularyError(IpextractError):
    """A vocabulary data file that is malformed: duplicate key, alias claimed twice, bad regex."""

    code = "E201"


# E3xx: internal invariants (a bug, reported without a traceback unless --debug)
class NumeralError(IpextractError):
    """A numeral that the figure grammar let through but the parser cannot read."""

    code = "E301"

    def __init__(self, text: str) -> None:
        super().__init__(repr(text), "not a numeral")


class OffsetError(IpextractError):
    """A record whose offsets do not give back its surface."""

    code = "E302"


class InternalError(IpextractError):
    """An unexpected exception while one document of a batch was extracted (a bug): the
    document goes to the dataset's ``errors`` table and the batch goes on."""

    code = "E303"


# E4xx: usage
class UsageError(IpextractError):
    code = "E401"


class MissingExtra(UsageError):
    """A command that needs an optional dependency group that is not installed."""

    code = "E402"

    def __init__(self, command: str, extra: str) -> None:
        super().__init__(command, f"needs the {extra} extra: pip install 'ipextract[{extra}]'")


# E5xx: output files
class OutputError(IpextractError):
    """An output file that cannot be written (no such folder, no permission, disk full)."""

    code = "E501"


# E6xx: datasets (ipextract ingest | export | series)
class DatasetError(IpextractError):
    """A dataset database that cannot be opened or does not hold the expected tables."""

    code = "E601"


class SchedulerError(DatasetError):
    """A Dask scheduler that cannot be reached."""

    code = "E602"

"""Per-document limits: how long one document may take, shared by every command that reads
many documents (``extract``, ``validate``, ``report`` and ``ingest``).

Where the work runs on a process's main thread (a command, the serial ingest, process-pool
workers) a ``SIGALRM`` timer interrupts it wherever it is; on another thread (Dask workers run
tasks in a thread pool, where signals cannot be used) ``extract`` checks a cooperative
``deadline`` once per block, which :func:`deadline_after` gives.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from .errors import DocumentTimeout


class _Alarm(BaseException):
    """Raised by the timer; a BaseException so that no ``except Exception`` in the pipeline
    swallows it."""


def deadline_after(seconds: float | None) -> float | None:
    return time.monotonic() + seconds if seconds else None


def over_time(path: str, seconds: float | None, option: str = "--time-limit") -> DocumentTimeout:
    return DocumentTimeout(path, f"took longer than the limit of {seconds:g} s ({option})")


@contextmanager
def time_limit(seconds: float | None, path: str) -> Iterator[None]:
    """Raise :class:`DocumentTimeout` for ``path`` when the body runs longer than ``seconds``:
    by the timer on the main thread, by the body's own deadline check elsewhere (see the module
    docstring); either way with the same message."""
    if not seconds:
        yield
        return
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        try:
            yield
        except DocumentTimeout:
            raise over_time(path, seconds) from None
        return

    _ALARM.rang = False
    previous = signal.signal(signal.SIGALRM, _ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except (_Alarm, DocumentTimeout):
        raise over_time(path, seconds) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class _AlarmState:
    """The timer's state on the main thread: how many sections defer it, and whether it rang
    inside one."""

    deferring = 0
    rang = False


_ALARM = _AlarmState()


def _ring(signum: int, frame: object) -> None:
    if _ALARM.deferring:
        _ALARM.rang = True  # (rung at the end of the section: see alarm_deferred)
        return
    raise _Alarm


@contextmanager
def alarm_deferred() -> Iterator[None]:
    """A section the time limit must not break into (a call into a library that cleans up
    after itself only when it ends: pytesseract's temporary files): an alarm that rings inside
    rings when it ends, unless it ends by an exception of its own. Blocking ``SIGALRM`` on the
    main thread is not enough: the signal may be delivered to another thread, and Python then
    runs its handler on the main thread all the same."""
    _ALARM.deferring += 1
    try:
        yield
    finally:
        _ALARM.deferring -= 1
    if not _ALARM.deferring and _ALARM.rang:
        _ALARM.rang = False
        raise _Alarm


@cache
def warm_up() -> None:
    """Load the vocabulary and the segmentation dictionary once per process, before any
    document's clock starts: the first document must not pay for them (a second or two the
    first time ipextract runs on a machine)."""
    from .pipeline import extract  # here: the pipeline needs nothing from this module

    extract("全市专利授权量1.20万件，同比增长10.0%。")

"""Legacy Word (``.doc``), WPS Writer (``.wps``) and OpenDocument text (``.odt``): converted to
DOCX by LibreOffice headless, then read by the DOCX reader.

The conversion runs in a temporary folder of its own, with a LibreOffice profile of its own (so
that several workers can convert at once), in a process group that is killed whole when the
time limit passes or the caller gives up. Without ``soffice`` the error names the program and
the Debian package that has it.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

from ..errors import InputError
from .base import Source
from .docx import read_docx

CONVERT_SECONDS = 90.0  # a first conversion also makes the profile: a few seconds
_PROGRAMS = ("soffice", "libreoffice")


def soffice() -> str | None:
    """The LibreOffice program on PATH, if any."""
    for program in _PROGRAMS:
        found = shutil.which(program)
        if found:
            return found
    return None


def _kill(process: subprocess.Popen[bytes]) -> None:
    """End the conversion's whole process group (soffice starts soffice.bin under it)."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()


def to_docx(data: bytes, name: str, fmt: str, seconds: float | None = None) -> bytes:
    """The DOCX LibreOffice makes of a .doc or .wps file, within ``seconds`` (default
    ``CONVERT_SECONDS``)."""
    seconds = CONVERT_SECONDS if seconds is None else seconds
    program = soffice()
    if program is None:
        raise InputError(name, f"reading .{fmt} needs LibreOffice: the program soffice was not "
                         "found (Debian: apt-get install libreoffice-writer-nogui)")
    with tempfile.TemporaryDirectory(prefix="ipextract-legacy-") as folder:
        work = Path(folder)
        source = work / f"input.{fmt}"
        source.write_bytes(data)
        out = work / "out"
        command = [program, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                   "--invisible", "--nologo", "--norestore", "--nolockcheck", "--nodefault",
                   "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(source)]
        environment = dict(os.environ, HOME=folder)
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, cwd=folder, env=environment,
                                   start_new_session=True)
        try:
            process.communicate(timeout=seconds)
        except subprocess.TimeoutExpired as exc:
            raise InputError(name, f"LibreOffice did not convert it within {seconds:g} s") from exc
        finally:
            _kill(process)  # also when the batch's own time limit interrupts the wait
        result = out / "input.docx"
        if not result.exists() or not result.stat().st_size:
            raise InputError(name, f"LibreOffice could not convert the .{fmt} to DOCX "
                             "(damaged, or password-protected?)")
        return result.read_bytes()


def read_legacy(data: bytes, name: str, fmt: str) -> Source:
    source = read_docx(to_docx(data, name, fmt), name)
    return replace(source, format=fmt, encoding=fmt)

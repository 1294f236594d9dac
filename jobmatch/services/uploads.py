"""Use case: read the text of an uploaded DOCX in a bounded subprocess (the web upload calls it).

Whatever the bytes are, the caller gets either the text or `UploadError` with a plain message:
never a traceback. The parsing runs in `jobmatch.security.upload_worker` (256 MiB address space,
2 s CPU); a worker stopped by a limit, a timeout or garbage output all mean "refused".
"""

from __future__ import annotations

import json
import subprocess  # nosec B404  (fixed argv, no shell; see _run)
import sys
from dataclasses import dataclass

from jobmatch.domain.errors import JobmatchError
from jobmatch.security.uploads import ZipLimits

WALL_SECONDS = 10.0  # CPU is capped at 2 s in the worker; this covers a stalled pipe
TOO_HEAVY = "Het bestand is te zwaar om te lezen / the file is too heavy to read"


class UploadError(JobmatchError):
    """The uploaded file was refused; the message says why."""

    def __init__(self, message: str, peak_kib: int = 0) -> None:
        super().__init__(message)
        self.peak_kib = peak_kib  # the worker's peak memory (0 when it did not report)


@dataclass(frozen=True)
class UploadText:
    filename: str
    text: str
    peak_kib: int = 0


def _run(data: bytes) -> subprocess.CompletedProcess[bytes]:
    command = [sys.executable, "-I", "-m", "jobmatch.security.upload_worker"]
    return subprocess.run(  # nosec B603  (argv is fixed; the upload goes in on stdin)
        command, input=data, capture_output=True, timeout=WALL_SECONDS, check=False
    )


def _verdict(result: subprocess.CompletedProcess[bytes]) -> dict[str, object]:
    if result.returncode != 0:
        raise UploadError(TOO_HEAVY)
    try:
        verdict = json.loads(result.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UploadError(TOO_HEAVY) from exc
    if not isinstance(verdict, dict):
        raise UploadError(TOO_HEAVY)
    return verdict


def read_upload(*, data: bytes, filename: str, limits: ZipLimits | None = None) -> UploadText:
    """The text of an uploaded .docx, or UploadError."""
    if len(data) > (limits or ZipLimits()).max_upload_bytes:
        raise UploadError("Het bestand is te groot / the file is too large")
    try:
        verdict = _verdict(_run(data))
    except subprocess.TimeoutExpired as exc:
        raise UploadError(TOO_HEAVY) from exc
    peak = verdict.get("peak_kib")
    peak_kib = peak if isinstance(peak, int) else 0
    if verdict.get("ok") is True and isinstance(verdict.get("text"), str):
        return UploadText(filename=filename, text=str(verdict["text"]), peak_kib=peak_kib)
    raise UploadError(str(verdict.get("reason") or TOO_HEAVY), peak_kib)

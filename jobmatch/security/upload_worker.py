"""The bounded worker: `python -m jobmatch.security.upload_worker` reads a file on stdin.

It first limits itself (address space, CPU seconds, no core dumps, no new files), then parses and
writes one JSON line: {"ok": true, "text": …} or {"ok": false, "reason": …}. If a limit is hit
the kernel stops it; the parent reports that as a refused file.
"""

from __future__ import annotations

import json
import resource
import sys

MEMORY_BYTES = 256 * 1024 * 1024
CPU_SECONDS = 2


def limit_self(memory: int = MEMORY_BYTES, cpu: int = CPU_SECONDS) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))


def peak_kib() -> int:
    """This process's own peak resident memory (VmHWM; ru_maxrss would include the parent)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def main() -> int:
    limit_self()
    from jobmatch.security.uploads import UploadRejected, docx_text

    data = sys.stdin.buffer.read()
    try:
        verdict: dict[str, object] = {"ok": True, "text": docx_text(data)}
    except UploadRejected as exc:
        verdict = {"ok": False, "reason": str(exc)}
    except MemoryError:
        verdict = {"ok": False, "reason": "Het bestand is te zwaar / the file is too heavy"}
    verdict["peak_kib"] = peak_kib()
    sys.stdout.write(json.dumps(verdict, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

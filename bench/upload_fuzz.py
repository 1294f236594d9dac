"""Fuzz the upload path: crafted attacks plus mutated DOCX files through `read_upload`.

    python -m bench.upload_fuzz [--mutated 1000] [--seed 9]

Every file goes through the real service (bounded subprocess). Prints how many were accepted,
refused and crashed (any exception other than UploadError), the verdict per crafted file, the
CPU time per file and the peak memory each worker reports (limits: 2 s CPU, 256 MiB).
"""

from __future__ import annotations

import argparse
import resource
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from bench.upload_corpus import crafted, mutated
from jobmatch.services.uploads import UploadError, read_upload

CPU_LIMIT_S = 2.0
MEMORY_LIMIT_MIB = 256


@dataclass
class Tally:
    counts: Counter[str] = field(default_factory=Counter)
    verdicts: dict[str, str] = field(default_factory=dict)
    max_cpu_s: float = 0.0
    max_peak_kib: int = 0
    over_cpu: int = 0
    crashes: list[str] = field(default_factory=list)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(files: Iterable[tuple[str, bytes]], tally: Tally) -> Tally:
    for name, data in files:
        before = _children_cpu()
        try:
            peak = read_upload(data=data, filename=name).peak_kib
            verdict = "accepted"
        except UploadError as exc:
            peak = exc.peak_kib
            verdict = "refused: " + str(exc).split(" / ")[-1]
        except Exception as exc:
            verdict = "CRASH"
            tally.crashes.append(f"{name}: {type(exc).__name__}")
        cpu = _children_cpu() - before
        tally.max_peak_kib = max(tally.max_peak_kib, peak)
        tally.max_cpu_s = max(tally.max_cpu_s, cpu)
        tally.over_cpu += cpu > CPU_LIMIT_S
        tally.counts[verdict.split(":")[0]] += 1
        tally.verdicts[name] = verdict
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mutated", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=9)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    special = run(crafted().items(), Tally())
    fuzzed = run(mutated(args.mutated, args.seed), Tally())
    wall = time.perf_counter() - started
    print(f"crafted files: {sum(special.counts.values())}")
    for name, verdict in special.verdicts.items():
        print(f"  {name:26} {verdict}")
    print(f"mutated files: {sum(fuzzed.counts.values())}  {dict(fuzzed.counts)}")
    crashes = special.crashes + fuzzed.crashes
    over = special.over_cpu + fuzzed.over_cpu
    print(f"crashes: {len(crashes)}  {crashes[:5]}")
    print(f"max worker CPU per file: {max(special.max_cpu_s, fuzzed.max_cpu_s):.2f} s "
          f"(limit {CPU_LIMIT_S} s; over: {over})")  # fmt: skip
    peak = max(special.max_peak_kib, fuzzed.max_peak_kib) / 1024
    print(f"peak worker RSS (VmHWM): {peak:.0f} MiB (address-space limit {MEMORY_LIMIT_MIB} MiB)")
    total = sum(special.counts.values()) + sum(fuzzed.counts.values())
    print(f"wall time: {wall:.1f} s for {total} files ({wall / max(total, 1) * 1000:.0f} ms/file)")
    return 1 if crashes or over else 0


if __name__ == "__main__":
    raise SystemExit(main())

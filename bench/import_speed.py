"""Import N vacancies from a Dutch Excel CSV through the job path (dry run, ImportJob, SqliteHuey,
an in-process consumer), with extraction and occupation suggestion per row.

    python -m bench.import_speed [--rows 10000] [--write]

Runs in a fresh subprocess (its own peak RSS). Prints: total time (file read -> job done), rows/s,
peak RSS, the same run's bare extraction rate on 1,000 of the texts (baseline) and the ratio, and
the p50/p95 of a pool read (`ranking_pool` on the same database) from a second process while
the import runs -- a proxy for "the app stays responsive": the matches page itself is web work.
`--write` puts the figures under "## Imports (coord)" in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import multiprocessing
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from bench.extraction_speed import synthetic_texts

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "benchmarks.md"
SECTION = "## Imports (coord)"
TITLES = (
    "Medewerker schoonmaak",
    "Kok",
    "Receptionist hotel",
    "Kassamedewerker",
    "Magazijnmedewerker",
)


def make_csv(rows: int) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(("id", "titel", "tekst", "werkgever", "postcode", "sluitingsdatum"))
    for n, text in enumerate(synthetic_texts(rows)):
        writer.writerow(
            (f"b{n}", TITLES[n % 5], text, f"Werkgever {n % 400}", "2511", "31-12-2099")
        )
    return out.getvalue().encode("cp1252", errors="replace")


def poll_pool(url: str, stop: Any, out: Any) -> None:
    """Runs in its own process, like an app process next to the worker."""
    from sqlmodel import Session

    from jobmatch.db.engine import make_engine
    from jobmatch.services.pool import ranking_pool

    engine = make_engine(url)
    latencies = []
    while not stop.is_set():
        start = time.perf_counter()
        with Session(engine) as session:
            ranking_pool(session=session, today=date.today())
        latencies.append(time.perf_counter() - start)
        time.sleep(0.5)  # a person opening the page now and then, not a flood
    engine.dispose()
    out.put(latencies)


def _baseline(raw: bytes, count: int = 1000) -> float:
    from jobmatch.domain.vacancies import Posting
    from jobmatch.services.extraction import extract_posting

    texts = [row[2] for row in csv.reader(io.StringIO(raw.decode("cp1252")), delimiter=";")][1:]
    extract_posting(Posting("w", "warm", texts[0]))
    start = time.perf_counter()
    for n, text in enumerate(texts[:count]):
        extract_posting(Posting(f"b{n}", TITLES[n % 5], text))
    return count / (time.perf_counter() - start)


def _wait(engine: Any, job_id: int) -> dict[str, Any]:
    from sqlmodel import Session

    from jobmatch.services.imports import job_progress

    while True:
        with Session(engine) as session:
            progress = job_progress(session=session, job_id=job_id) or {}
        if progress.get("status") in ("done", "failed"):
            return progress
        time.sleep(0.2)


def child(rows: int) -> dict[str, Any]:
    from sqlmodel import Session

    from jobmatch.db.engine import make_engine
    from jobmatch.services import background
    from jobmatch.services.imports import create_import_job
    from jobmatch.services.setup import init_database

    raw = make_csv(rows)
    folder = Path(tempfile.mkdtemp(prefix="jobmatch-bench-"))
    url = f"sqlite:///{folder / 'jobmatch.sqlite'}"
    init_database(url=url)
    background.configure_database(url)
    huey = background.build_queue(instance=folder, redis_url="")
    engine = make_engine(url)
    spawn = multiprocessing.get_context("spawn")
    stop, out = spawn.Event(), spawn.Queue()
    poller = spawn.Process(target=poll_pool, args=(url, stop, out))
    start = time.perf_counter()
    with Session(engine) as session:
        job = create_import_job(
            session=session,
            kind="vacancies",
            filename="b.csv",
            raw=raw,
            enqueue=lambda job_id: background.enqueue_import(huey, job_id),
        )
    queued = time.perf_counter() - start
    consumer = background.start_consumer(huey, workers=1)
    poller.start()
    progress = _wait(engine, int(job.id or 0))
    total = time.perf_counter() - start
    stop.set()
    latencies = out.get(timeout=600)
    poller.join()
    background.stop_consumer(consumer)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    engine.dispose()
    shutil.rmtree(folder, ignore_errors=True)
    latencies.sort()
    return {
        "rows": rows, "mb": len(raw) / 1e6, "added": progress["added"],
        "status": progress["status"],
        "total_s": total, "dry_run_s": queued, "peak_mb": peak,
        "baseline_rate": _baseline(raw), "pool_p50_ms": 1000 * latencies[len(latencies) // 2],
        "pool_p95_ms": 1000 * latencies[int(len(latencies) * 0.95)], "polls": len(latencies),
        "load": os.getloadavg()[0],
    }  # fmt: skip


def report(f: dict[str, Any]) -> list[str]:
    rate = f["rows"] / f["total_s"]
    return [
        SECTION,
        "",
        "Command: `python -m bench.import_speed --rows 10000 --write`",
        "",
        f"- {f['rows']} synthetic vacancies (~260 words) in one `;` cp1252 CSV of {f['mb']:.1f} MB;"
        f" status {f['status']}, {f['added']} added",
        f"- file read -> job done (dry run, ImportJob, SqliteHuey, 1 consumer thread, extraction +"
        f" occupation per row, batches of 200): **{f['total_s']:.1f} s** = {rate:.0f} rows/s"
        f" (target <= 60 s); of which dry run + queueing {f['dry_run_s']:.1f} s",
        f"- peak RSS of the importing process (dry run + consumer): **{f['peak_mb']:.0f} MB**"
        " (target <= 500 MB)",
        f"- baseline, same run: bare extraction {f['baseline_rate']:.0f} texts/s; the import"
        f" runs at **{rate / f['baseline_rate']:.2f}x** that rate",
        f"- pool read (`ranking_pool`, whole pool) from a second process during the import:"
        f" p50 {f['pool_p50_ms']:.0f} ms, p95 **{f['pool_p95_ms']:.0f} ms** over {f['polls']} reads"
        " (proxy for the matches page; the page itself is measured with the web layer)",
        f"- load average at the end: {f['load']:.1f} on 2 cores shared with other work",
        "",
    ]


def write_section(lines: list[str]) -> None:
    text = DOC.read_text(encoding="utf-8")
    if SECTION in text:
        head, _, rest = text.partition(SECTION)
        tail = rest.split("\n## ", 1)
        text = head + "\n".join(lines) + ("\n## " + tail[1] if len(tail) > 1 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + "\n".join(lines)
    DOC.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.rows)))
        return
    done = subprocess.run(
        [sys.executable, "-m", "bench.import_speed", "--child", "--rows", str(args.rows)],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    lines = report(json.loads(done.stdout.strip().splitlines()[-1]))
    print("\n".join(lines))
    if args.write:
        write_section(lines)


if __name__ == "__main__":
    main()

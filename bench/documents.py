"""Time and memory per CV, end to end (compose -> render -> sanitise -> guard -> bytes).

    python -m bench.documents [--profiles 150]

Prints median and p95 milliseconds per CV for DOCX and PDF (all three templates, nl and en),
the raw render time without sanitising and guarding as a baseline measured in the same run,
and the peak memory (Python allocations via tracemalloc and the process's peak RSS).
Targets: DOCX <= 80 ms, PDF <= 120 ms median per CV, <= 150 MB peak.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
import tracemalloc
from collections.abc import Callable

from jobmatch.datafiles.guard import load_guard_config
from jobmatch.datafiles.lexicon import load_lexicon
from jobmatch.datafiles.templates import load_template
from jobmatch.documents.docx import render_docx
from jobmatch.documents.pdf import render_pdf
from jobmatch.domain.cv import compose_cv
from jobmatch.domain.profile_json import profile_from_dict
from jobmatch.domain.profiles import Profile
from jobmatch.services.documents import build_document

TEMPLATES = ("helder", "warm", "compact")
LANGS = ("nl", "en")


def load_profiles(count: int) -> list[Profile]:
    from tests.factories import make_profiles

    return [profile_from_dict(raw) for raw in make_profiles(count, seed=7)]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


Step = Callable[[Profile, str, str], object]


def measure(step: Step, profiles: list[Profile]) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds per document."""
    wall, cpu = [], []
    for index, profile in enumerate(profiles):
        # Every measured CV is another participant (no cache can help), templates and
        # languages in turn.
        template, lang = TEMPLATES[index % 3], LANGS[(index // 3) % 2]
        start, start_cpu = time.perf_counter(), time.process_time()
        step(profile, template, lang)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return wall, cpu


def peak_memory(steps: list[Step], profiles: list[Profile]) -> float:
    """Peak Python allocations (MB) while building documents (tracemalloc slows it down)."""
    tracemalloc.start()
    for step in steps:
        measure(step, profiles)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--profiles", type=int, default=150)
    args = parser.parse_args()
    lexicon = load_lexicon()
    guard = load_guard_config()
    profiles = load_profiles(args.profiles)

    def full(fmt: str) -> Step:
        def step(profile: Profile, template: str, lang: str) -> object:
            document = compose_cv(profile, lexicon, lang=lang)  # type: ignore[arg-type]
            return build_document(
                document=document,
                fmt=fmt,  # type: ignore[arg-type]
                template=template,
                guard_config=guard,
            )

        return step

    def raw(renderer: Callable[..., bytes]) -> Step:
        def step(profile: Profile, template: str, lang: str) -> object:
            document = compose_cv(profile, lexicon, lang=lang)  # type: ignore[arg-type]
            return renderer(document, load_template(template))

        return step

    report(
        {
            "docx": full("docx"),
            "pdf": full("pdf"),
            "docx raw render (baseline)": raw(render_docx),
            "pdf raw render (baseline)": raw(render_pdf),
        },
        profiles,
    )


def report(steps: dict[str, Step], profiles: list[Profile]) -> None:
    """Warm up, time every step over the profiles, then measure memory; print the table."""
    warm_up = load_profiles(6)[::-1]  # fonts, template files and imports, once per process
    measure(steps["docx"], warm_up)
    measure(steps["pdf"], warm_up)
    rows = []
    for label, step in steps.items():
        wall, cpu = measure(step, profiles)
        rows.append(
            (label, statistics.median(wall), percentile(wall, 0.95), statistics.median(cpu))
        )
    peak = peak_memory([steps["docx"], steps["pdf"]], profiles[:12])
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(profiles)} CVs per row, each another participant (3 templates, nl and en)")
    print(f"{'documents':<28} {'median ms':>10} {'p95 ms':>8} {'cpu median':>11}")
    for label, median, p95, cpu_median in rows:
        print(f"{label:<28} {median:>10.1f} {p95:>8.1f} {cpu_median:>11.1f}")
    ratio_docx = rows[0][1] / rows[2][1]
    ratio_pdf = rows[1][1] / rows[3][1]
    print(f"end-to-end / raw render: docx x{ratio_docx:.2f}, pdf x{ratio_pdf:.2f}")
    print(f"peak Python allocations: {peak:.1f} MB; peak RSS of the process: {rss_mb:.0f} MB")


if __name__ == "__main__":
    main()

"""Run the cross-organisation access state machine for longer than the test suite does.

    python -m bench.fuzz_access [--examples 400] [--steps 50]

The same machine as tests/integration/test_access_stateful.py (2,000 steps there), on a fresh
SQLite database; prints the steps run and the time. Any cross-organisation read or write fails
with the shortest sequence of steps that shows it.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, settings

from jobmatch.db.engine import make_engine
from jobmatch.services.setup import init_database


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--examples", type=int, default=400)
    parser.add_argument("--steps", type=int, default=50)
    args = parser.parse_args()
    import os

    os.environ.setdefault("JOBMATCH_MASTER_KEY", "5e" * 32)
    from tests.integration.test_access_stateful import access_machine

    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'fuzz.sqlite'}"
        init_database(url=url)
        engine = make_engine(url)
        machine = access_machine(engine)
        machine.TestCase.settings = settings(
            max_examples=args.examples, stateful_step_count=args.steps, deadline=None,
            suppress_health_check=list(HealthCheck), database=None,
        )  # fmt: skip
        started = time.perf_counter()
        machine.TestCase().runTest()
        took = time.perf_counter() - started
        engine.dispose()
    steps = args.examples * args.steps
    print(f"access state machine: up to {steps} steps ({args.examples} examples × "
          f"{args.steps}), 0 cross-organisation reads or writes, {took:.1f} s")  # fmt: skip


if __name__ == "__main__":
    main()

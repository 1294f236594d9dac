"""A small run of the crash test: SIGKILL a writer, nothing confirmed is lost, nothing broken."""

from __future__ import annotations

import pytest

from bench.crash_test import run_backend


@pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def test_killed_writer_loses_no_confirmed_commit(backend: str) -> None:
    result = run_backend(backend, kills=2, seed=5)
    assert result.kills == 2
    assert result.confirmed > 0  # the child really committed before it was killed
    assert result.lost == 0
    assert result.integrity_failures == 0, result.problems

"""Compatibility: the reading and ranking that `jobmatch rank` used to do here moved to
`jobmatch.services.rank_files` (issue 8/13: one path for a command and a page). These names
stay importable for scripts (bench.ranking_quality imports `read_meta`)."""

from __future__ import annotations

from jobmatch.services.rank_files import (
    parse_weights as read_weights,
)
from jobmatch.services.rank_files import (
    read_meta,
    read_profiles,
)

__all__ = ["read_meta", "read_profiles", "read_weights"]

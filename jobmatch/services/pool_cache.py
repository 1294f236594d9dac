"""Fit the ranker once per pool version and reuse it across calls and requests.

`rank_for_participant` used to fit the ranker (text idf, competency matrix, condition arrays)
on every call: about 1 s for 1,000 openings. The fitted ranker depends only on the pool (the
openings and training places), the weights and the rules, so it is kept in a small
process-level cache keyed by a hash of exactly those. Nothing that matters lives only here:
a new process fits again from the same pool (DESIGN.md §6).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from threading import Lock

from jobmatch.domain.ranking import Weights
from jobmatch.domain.vacancies import Opening, TrainingPlace
from jobmatch.ml.features import ItemFeatures
from jobmatch.ml.ranker import Ranker

MAX_POOLS = 4  # pools kept per process (a 100,000-opening pool is ~150 MB fitted)
# value: the ranker and the objects whose ids are in the key (kept alive, so ids stay unique)
_pools: OrderedDict[Hashable, tuple[Ranker, object]] = OrderedDict()
_lock = Lock()
# id of a tuple of openings -> (the tuple, its hash): a tuple cannot change, so the same tuple
# passed again (a caller that keeps its pool) is not hashed again. Holding the tuple keeps its
# id from being reused.
_tuple_hashes: OrderedDict[int, tuple[tuple[Opening, ...], int]] = OrderedDict()


def _content_hash(openings: Sequence[Opening]) -> int:
    if not isinstance(openings, tuple):
        return hash(tuple(openings))
    with _lock:
        seen = _tuple_hashes.get(id(openings))
        if seen is not None and seen[0] is openings:
            return seen[1]
    value = hash(openings)
    with _lock:
        _tuple_hashes[id(openings)] = (openings, value)
        while len(_tuple_hashes) > MAX_POOLS:
            _tuple_hashes.popitem(last=False)
    return value


def pool_key(
    openings: Sequence[Opening],
    training: Sequence[TrainingPlace],
    weights: Weights | None,
    context_key: Hashable,
) -> Hashable:
    """A key that changes when any opening (text, extraction, employer, place), training
    place, weight or rule changes. Python's hash of frozen dataclasses (an Opening caches its
    own); the same tuple passed again is not hashed again; the lengths guard against the rare
    collision."""
    return (
        len(openings),
        _content_hash(openings),
        len(training),
        hash(tuple(training)),
        weights or Weights(),
        context_key,
    )


def fitted_ranker(
    key: Hashable,
    items: Callable[[], list[ItemFeatures]],
    weights: Weights | None,
    keep: object = None,
) -> Ranker | None:
    """The ranker fitted on the pool `key` names: from the cache, or fitted on `items()` and
    kept (least recently used pools are dropped). None when the pool is empty."""
    with _lock:
        hit = _pools.get(key)
        if hit is not None:
            _pools.move_to_end(key)
            return hit[0]
    found = items()
    if not found:
        return None
    ranker = Ranker(weights=weights).fit(found)
    with _lock:
        _pools[key] = (ranker, keep)
        while len(_pools) > MAX_POOLS:
            _pools.popitem(last=False)
    return ranker


def clear_pools() -> None:
    """Forget every fitted pool (tests, or after the rules changed in this process)."""
    with _lock:
        _pools.clear()
        _tuple_hashes.clear()

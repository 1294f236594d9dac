"""Features computed once per posting and kept: lemmas + extraction, keyed by content hash.

`FeatureStore` caches the expensive part (spaCy lemmas, competency extraction) and can
persist it to a JSON file. `ItemFeatures` is one rankable row (a vacancy or a training
place with its place, employer and conditions). `TextVectorizer` turns lemmatised text into
L2-normalised TF-IDF of char_wb 3-5-grams (hashed, so no vocabulary is kept in memory).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import HashingVectorizer

from jobmatch.domain.vacancies import AskedCompetency, Extraction, Posting, Requirements

FEATURE_VERSION = "1"
Extractor = Callable[[Posting], Extraction]
Lemmatizer = Callable[[str], list[str]]


def content_key(posting: Posting) -> str:
    raw = f"{FEATURE_VERSION}\n{posting.kind}\n{posting.title}\n{posting.text}"
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def extraction_from_json(data: dict[str, Any]) -> Extraction:
    req = dict(data.get("requirements") or {})
    req["certificates"] = tuple(req.get("certificates") or ())
    req["shifts"] = tuple(req.get("shifts") or ())
    return Extraction(
        source=data["source"],
        title=data["title"],
        competencies=tuple(
            AskedCompetency(c["id"], c.get("label", c["id"]), c["importance"], tuple(c["evidence"]))
            for c in data.get("competencies", [])
        ),
        requirements=Requirements(**req),
        offers=tuple(data.get("offers", ())),
        location=data.get("location"),
    )


@dataclass(frozen=True)
class CachedFeatures:
    key: str
    lemmas: str
    extraction: Extraction | None = None


class FeatureStore:
    """Lemmas and extraction per posting content; `save()`/`FeatureStore(path)` persist them."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self._items: dict[str, CachedFeatures] = {}
        self.hits = 0
        self.misses = 0
        if path is not None and path.exists():
            self._load(path)

    def __len__(self) -> int:
        return len(self._items)

    def get(
        self, posting: Posting, *, lemmatize: Lemmatizer, extract: Extractor | None = None
    ) -> CachedFeatures:
        key = content_key(posting)
        cached = self._items.get(key)
        if cached is not None and (extract is None or cached.extraction is not None):
            self.hits += 1
            return cached
        self.misses += 1
        lemmas = " ".join(lemmatize(f"{posting.title}\n{posting.text}"))
        extraction = extract(posting) if extract is not None else None
        cached = CachedFeatures(key=key, lemmas=lemmas, extraction=extraction)
        self._items[key] = cached
        return cached

    def save(self, path: Path | None = None) -> Path:
        target = path or self.path
        if target is None:
            raise ValueError("no path to save the feature store to")
        rows = [
            {
                "key": item.key,
                "lemmas": item.lemmas,
                "extraction": item.extraction.to_json() if item.extraction else None,
            }
            for item in self._items.values()
        ]
        payload = {"version": FEATURE_VERSION, "items": rows}
        tmp = target.with_suffix(target.suffix + ".tmp")
        tmp.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
        tmp.replace(target)
        return target

    def _load(self, path: Path) -> None:
        try:
            payload = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return  # a broken cache is rebuilt, never fatal
        if not isinstance(payload, dict) or payload.get("version") != FEATURE_VERSION:
            return
        for row in payload.get("items", []):
            extraction = row.get("extraction")
            self._items[row["key"]] = CachedFeatures(
                key=row["key"],
                lemmas=row["lemmas"],
                extraction=extraction_from_json(extraction) if extraction else None,
            )


@dataclass(frozen=True)
class ItemFeatures:
    """One rankable vacancy or training place with everything the score needs."""

    source: str
    title: str
    kind: str  # "vacancy" | "training"
    text: str  # lemmatised title + text
    asked: tuple[AskedCompetency, ...] = ()
    taught: tuple[str, ...] = ()
    requirements: Requirements = field(default_factory=Requirements)
    lat: float | None = None
    lon: float | None = None
    place: str = ""
    employer: str | None = None
    sector: str | None = None
    open_to_gap: bool = False
    raw_text: str = ""


class TextVectorizer:
    """Hashed char_wb 3-5-gram TF-IDF with sublinear tf; idf is fitted on a pool."""

    def __init__(self, n_features: int = 2**20, top_k: int | None = None) -> None:
        self.n_features = n_features
        self.top_k = top_k
        self._hasher = HashingVectorizer(
            analyzer="char_wb",
            ngram_range=(3, 5),
            n_features=n_features,
            alternate_sign=False,
            norm=None,
            dtype=np.float32,
        )
        self.idf_: np.ndarray = np.ones(n_features, dtype=np.float32)

    def _counts(self, texts: Iterable[str]) -> sp.csr_matrix:
        counts = self._hasher.transform(list(texts)).tocsr()
        counts.data = (1.0 + np.log(counts.data)).astype(np.float32)
        return counts

    def fit(self, texts: Sequence[str]) -> TextVectorizer:
        counts = self._counts(texts)
        df = np.bincount(counts.indices, minlength=self.n_features).astype(np.float32)
        self.idf_ = (np.log((1.0 + len(texts)) / (1.0 + df)) + 1.0).astype(np.float32)
        return self

    def transform(self, texts: Iterable[str], *, prune: bool = False) -> sp.csr_matrix:
        matrix = self._counts(texts)
        matrix.data *= self.idf_[matrix.indices]
        if prune and self.top_k:
            matrix = _keep_top_k(matrix, self.top_k)
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sp.csr_matrix(sp.diags(1.0 / norms).astype(np.float32) @ matrix)


def _keep_top_k(matrix: sp.csr_matrix, k: int) -> sp.csr_matrix:
    """Keep the k largest values of each row (the most distinctive n-grams)."""
    lengths = np.diff(matrix.indptr)
    if lengths.max(initial=0) <= k:
        return matrix
    rows = np.repeat(np.arange(matrix.shape[0]), lengths)
    order = np.lexsort((-matrix.data, rows))
    rank = np.arange(len(order)) - np.repeat(matrix.indptr[:-1], lengths)
    keep = order[rank < k]
    keep.sort()
    kept = sp.csr_matrix(
        (matrix.data[keep], (rows[keep], matrix.indices[keep])), shape=matrix.shape
    )
    kept.sort_indices()
    return kept

"""Features computed once per posting and kept: lemmas + extraction, keyed by content hash.

`FeatureStore` caches the expensive part (spaCy lemmas, competency extraction) and can
persist it to a JSON file. `ItemFeatures` is one rankable row (a vacancy or a training
place with its place, employer and conditions). `TextVectorizer` turns lemmatised text into
L2-normalised TF-IDF of char_wb 3-5-grams (hashed, so no vocabulary is kept in memory).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.utils import murmurhash3_32

from jobmatch.domain.geo import fold
from jobmatch.domain.income import gross_per_month, net_per_month
from jobmatch.domain.matching import cefr_rank
from jobmatch.domain.reach import Demand
from jobmatch.domain.vacancies import AskedCompetency, Extraction, Posting, Requirements

NAN = float("nan")
FEATURE_VERSION = "1"
CHUNK = 1024
_EMPTY = np.zeros(0, dtype=np.int32)
Extractor = Callable[[Posting], Extraction]
Lemmatizer = Callable[[str], list[str]]


def content_key(posting: Posting, rules: str = "") -> str:
    """The posting's content plus the rules fingerprint (datafiles/fingerprint.py)."""
    raw = f"{FEATURE_VERSION}\n{rules}\n{posting.kind}\n{posting.title}\n{posting.text}"
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
    """Lemmas and extraction per posting content; `save()`/`FeatureStore(path)` persist them.
    `rules`: the fingerprint of lexicon, bridge and extraction rules; a saved store made under
    other rules is not loaded, and keys include it."""

    def __init__(self, path: Path | None = None, rules: str = "") -> None:
        self.path = path
        self.rules = rules
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
        key = content_key(posting, self.rules)
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
        payload = {"version": FEATURE_VERSION, "rules": self.rules, "items": rows}
        tmp = target.with_suffix(target.suffix + ".tmp")
        tmp.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
        tmp.replace(target)
        return target

    def _load(self, path: Path) -> None:
        try:
            payload = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):
            return  # a broken cache is rebuilt, never fatal
        if not isinstance(payload, dict) or payload.get("version") != FEATURE_VERSION:
            return
        if payload.get("rules", "") != self.rules:
            return  # made under another lexicon, bridge or rules: rebuilt
        try:
            rows = [_cached_from_json(row) for row in payload.get("items", [])]
        except (KeyError, TypeError, ValueError, AttributeError):
            return  # rows of the wrong shape: rebuilt as well
        self._items.update((row.key, row) for row in rows)


def _cached_from_json(row: dict[str, Any]) -> CachedFeatures:
    if not isinstance(row["key"], str) or not isinstance(row["lemmas"], str):
        raise TypeError("cache row: key and lemmas must be text")
    extraction = row.get("extraction")
    return CachedFeatures(
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
    level: str = ""  # training level, e.g. "MBO-2", "NT2 B1"
    languages: tuple[str, ...] = ()  # language codes the text names (not Dutch)
    demand: Demand = field(default_factory=Demand)  # level of work (domain/reach.py)


class TextVectorizer:
    """Hashed char_wb 3-5-gram TF-IDF (sublinear tf, L2 norm); idf is fitted on a pool.

    Like scikit-learn's HashingVectorizer(analyzer="char_wb"), but the n-grams of each word are
    hashed once and cached, and large pools are processed in chunks (bounded memory).
    """

    def __init__(
        self, n_features: int = 2**20, top_k: int | None = None, idf_sample: int = 20_000
    ) -> None:
        self.n_features = n_features
        self.top_k = top_k
        self.idf_sample = idf_sample
        self.idf_: np.ndarray = np.ones(n_features, dtype=np.float32)
        self._words: dict[str, np.ndarray] = {}

    def _word(self, word: str) -> np.ndarray:
        found = self._words.get(word)
        if found is None:
            padded = f" {word} "
            grams = {
                padded[i : i + n] for n in (3, 4, 5) for i in range(max(1, len(padded) - n + 1))
            }
            found = np.array(
                [murmurhash3_32(g, positive=True) % self.n_features for g in grams],
                dtype=np.int32,
            )
            if len(self._words) > 500_000:
                self._words.clear()
            self._words[word] = found
        return found

    def _counts(self, texts: Sequence[str]) -> sp.csr_matrix:
        indptr = [0]
        indices: list[np.ndarray] = []
        data: list[np.ndarray] = []
        for text in texts:
            words = text.lower().split()
            grams = np.concatenate([self._word(w) for w in words]) if words else _EMPTY
            idx, counts = np.unique(grams, return_counts=True)
            indices.append(idx)
            data.append((1.0 + np.log(counts)).astype(np.float32))
            indptr.append(indptr[-1] + len(idx))
        return sp.csr_matrix(
            (
                np.concatenate(data) if data else np.zeros(0, np.float32),
                np.concatenate(indices) if indices else _EMPTY,
                np.array(indptr, dtype=np.int64),
            ),
            shape=(len(indptr) - 1, self.n_features),
        )

    def fit(self, texts: Sequence[str]) -> TextVectorizer:
        """idf from the pool (an even sample of at most `idf_sample` texts for big pools)."""
        step = max(1, len(texts) // self.idf_sample) if self.idf_sample else 1
        sample = list(texts[::step])
        df = np.zeros(self.n_features, dtype=np.float32)
        for start in range(0, len(sample), CHUNK):
            counts = self._counts(sample[start : start + CHUNK])
            df += np.bincount(counts.indices, minlength=self.n_features).astype(np.float32)
        self.idf_ = (np.log((1.0 + len(sample)) / (1.0 + df)) + 1.0).astype(np.float32)
        return self

    def transform(self, texts: Sequence[str], *, prune: bool = False) -> sp.csr_matrix:
        """L2-normalised rows; with prune=True only the top_k n-grams of each row are kept."""
        parts = [
            self._transform_chunk(texts[start : start + CHUNK], prune)
            for start in range(0, len(texts), CHUNK)
        ]
        if not parts:
            return sp.csr_matrix((0, self.n_features), dtype=np.float32)
        return parts[0] if len(parts) == 1 else sp.vstack(parts, format="csr")

    def _transform_chunk(self, texts: Sequence[str], prune: bool) -> sp.csr_matrix:
        matrix = self._counts(texts)
        matrix.data *= self.idf_[matrix.indices]
        if prune and self.top_k:
            matrix = _keep_top_k(matrix, self.top_k)
        lengths = np.diff(matrix.indptr)
        rows = np.repeat(np.arange(matrix.shape[0]), lengths)
        norms = np.sqrt(np.bincount(rows, weights=matrix.data**2, minlength=matrix.shape[0]))
        norms[norms == 0] = 1.0
        matrix.data /= norms[rows].astype(np.float32)
        return matrix

    def dense(self, text: str) -> np.ndarray:
        """One text as a dense, L2-normalised vector (fast matrix-vector products)."""
        row = self.transform([text])
        vector = np.zeros(self.n_features, dtype=np.float32)
        vector[row.indices] = row.data
        return vector


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


LANGUAGE_COURSE_WORDS = ("nt2", "nederlands", "taalcursus", "taalles", "dutch")


def dutch_taught(item: ItemFeatures) -> int:
    """For a Dutch course: the highest CEFR level in its level/title (A2 = 2 …); else 0."""
    words = fold(f"{item.title} {item.level}")
    if item.kind != "training" or not any(w in words for w in LANGUAGE_COURSE_WORDS):
        return 0
    levels = [cefr_rank(m) for m in re.findall(r"\b[abc][12]\b", words)]
    return max(levels, default=3)


def net_month(req: Requirements) -> float:
    salary = req.salary_max if req.salary_max is not None else req.salary_min
    if salary is None or req.salary_unit is None:
        return NAN
    hours = req.hours_max or req.hours_min
    return net_per_month(gross_per_month(salary, req.salary_unit, hours))


def as_float(value: float | None) -> float:
    return NAN if value is None else float(value)


def haversine_many(lat: float, lon: float, lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    phi1, phi2 = np.radians(lat), np.radians(lats)
    dphi, dlam = phi2 - phi1, np.radians(lons - lon)
    a = np.sin(dphi / 2) ** 2 + np.cos(phi1) * np.cos(phi2) * np.sin(dlam / 2) ** 2
    km: np.ndarray = 2 * 6371.0088 * np.arcsin(np.minimum(1.0, np.sqrt(a)))
    return km

"""Vectorised ranker with scikit-learn estimator conventions.

`fit(items)` computes the per-pool arrays once (competency matrix items x competencies,
condition arrays (see conditions.py), TF-IDF text matrix). `score(query)` ranks one
participant with numpy only; the same transparent weighted score as jobmatch.domain (see
docs/ranking.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator

from jobmatch.domain.matching import dutch_rank, participant_strengths, pool_idf
from jobmatch.domain.profiles import Profile
from jobmatch.domain.ranking import Weights
from jobmatch.ml.conditions import LANGUAGE_CODES, ConditionArrays
from jobmatch.ml.features import NAN, ItemFeatures, TextVectorizer, as_float
from jobmatch.ml.reach import ReachArrays

__all__ = ["LANGUAGE_CODES", "Query", "Ranker"]


@dataclass
class Query:
    """One participant, turned into what the vectorised score needs."""

    profile: Profile
    text: np.ndarray  # dense, L2-normalised
    strengths: np.ndarray
    lat: float = NAN
    lon: float = NAN
    avoid_places: frozenset[str] | None = None  # municipality keys (towns resolved), if known


class Ranker(ConditionArrays, ReachArrays, BaseEstimator):  # type: ignore[misc]
    """Ranks a pool of vacancies and training places for participants.

    Parameters are stored as given (scikit-learn convention); fitted state ends in `_`.
    """

    def __init__(
        self,
        weights: Weights | None = None,
        top_k: int | None = 64,
        n_features: int = 2**20,
        gap_top: int = 10,
    ) -> None:
        self.weights = weights
        self.top_k = top_k
        self.n_features = n_features
        self.gap_top = gap_top

    # ------------------------------------------------------------------ fit
    def fit(self, X: Sequence[ItemFeatures], y: object = None) -> Ranker:
        items = list(X)
        self.items_ = items
        self.weights_ = self.weights or Weights()
        self.vectorizer_ = TextVectorizer(self.n_features, self.top_k).fit([i.text for i in items])
        self.text_ = self.vectorizer_.transform([i.text for i in items], prune=True)
        self._fit_competencies(items)
        self._fit_conditions(items)
        self._fit_reach(items)
        return self

    def _fit_competencies(self, items: list[ItemFeatures]) -> None:
        w = self.weights_
        ids = {c.id for i in items for c in i.asked} | {c for i in items for c in i.taught}
        self.ids_ = sorted(ids)
        col = {cid: n for n, cid in enumerate(self.ids_)}
        self.idf_ = pool_idf([c.id for c in i.asked] for i in items if i.kind == "vacancy")
        asked = np.zeros((len(items), len(self.ids_)), dtype=np.float32)
        taught = np.zeros_like(asked)
        must = np.zeros(asked.shape, dtype=bool)
        for row, item in enumerate(items):
            for c in item.asked:
                weight = (w.must if c.importance == "must" else w.nice) * self.idf_.get(c.id, 1.0)
                asked[row, col[c.id]] += weight
                must[row, col[c.id]] |= c.importance == "must"
            for cid in item.taught:
                taught[row, col[cid]] = 1.0
        self.asked_ = sp.csr_matrix(asked)
        self.asked_bin_ = sp.csr_matrix(asked > 0, dtype=np.float32)
        self.asked_total_ = asked.sum(axis=1)
        mean_idf = float(np.mean(list(self.idf_.values()))) if self.idf_ else 1.0
        self.prior_ = w.overlap_prior * w.must * mean_idf
        self.taught_ = sp.csr_matrix(taught)
        self.must_ = must

    # --------------------------------------------------------------- query
    def query(
        self,
        profile: Profile,
        text: str,
        *,
        lat: float | None = None,
        lon: float | None = None,
        avoid_places: frozenset[str] | None = None,
    ) -> Query:
        """The participant as vectors: competency strengths and lemmatised text.
        `avoid_places`: the avoided places as municipality keys (Pc4Index.key)."""
        strengths = participant_strengths(profile, self.weights_)
        vector = np.array([strengths.get(c, 0.0) for c in self.ids_], dtype=np.float32)
        return Query(
            profile=profile,
            text=self.vectorizer_.dense(text),
            strengths=vector,
            lat=as_float(lat),
            lon=as_float(lon),
            avoid_places=avoid_places,
        )

    def _training_value(self, q: Query, relevance: np.ndarray, out: np.ndarray) -> np.ndarray:
        """How much each training place helps: it teaches what the most relevant vacancies ask
        and the participant lacks (gap), it turns what the participant already can do into a
        recognised diploma (fit), or it is the next Dutch level many vacancies ask."""
        w = self.weights_
        vacancies = np.flatnonzero(~self.kind_training_ & ~out)
        value = np.zeros(len(self.items_))
        if not self.kind_training_.any():
            return value
        taught_count = np.asarray(self.taught_.sum(axis=1)).ravel()
        fit = (self.taught_ @ q.strengths) / np.maximum(taught_count, 1.0)
        have = dutch_rank(q.profile)
        gap = np.zeros(len(self.items_))
        dutch_short = 0.0
        if len(vacancies):
            best = vacancies[np.argsort(-relevance[vacancies], kind="stable")[: self.gap_top]]
            demand = np.asarray(self.asked_[best].sum(axis=0)).ravel() * (q.strengths == 0)
            asked_total = float(self.asked_total_[best].sum())
            if asked_total > 0:
                gap = (self.taught_ @ demand) / asked_total
            dutch_short = float(np.mean(self.dutch_[vacancies] > have))
        value = (1 - w.training_fit) * gap + w.training_fit * fit
        value = np.where(self.dutch_taught_ > have, np.maximum(value, dutch_short), value)
        # Issue 13 (tune part): a Dutch course that ends at or below the level one already has
        # teaches her nothing new (GRADING.md: "not below what she can already do") and gets no
        # value; a beginners' course ending at A1 still fits someone at A1, the first level
        # (self-reported A1 is where such courses start).
        below = (self.dutch_taught_ > 0) & (self.dutch_taught_ <= have)
        beginner = (self.dutch_taught_ == 1) & (have == 1)
        value = np.where(beginner, np.maximum(value, dutch_short), np.where(below, 0.0, value))
        return np.where(self.kind_training_, value, 0.0)

    def _overlap(self, q: Query) -> np.ndarray:
        """Vectorised domain.matching.competency_overlap for every item."""
        w = self.weights_
        total = self.asked_total_
        denominator = np.where(total > 0, total + self.prior_, 1.0)
        cover = np.where(total > 0, (self.asked_ @ q.strengths) / denominator, 0.0)
        own = float(q.strengths.sum())
        use = (self.asked_bin_ @ q.strengths) / own if own > 0 else np.zeros(len(total))
        return (1 - w.use_share) * cover + w.use_share * use

    def score(self, q: Query) -> dict[str, np.ndarray]:
        """Scores (0..1, -1 = excluded) and every partial score, for all items."""
        w = self.weights_
        competency = self._overlap(q)
        text = np.minimum(1.0, (self.text_ @ q.text) / w.text_scale)
        sector = self.sector_match(q)
        out = self.excluded(q)
        gap = self._training_value(q, competency * w.competency + text * w.text, out)
        competency = np.where(self.kind_training_, gap, competency)
        km = self.distances(q)
        factor = self.factors(q, km)
        reach_out = self.out_of_reach(q.profile)
        factor = np.where(reach_out, factor * w.penalty_reach, factor)
        if q.profile.preferences.wants_training_first:
            factor = np.where(self.kind_training_, factor, factor * w.training_first)
        language = self.language_match(q)
        factor = np.where(
            (self.languages_ != 0) & (language == 0), factor * w.penalty_language, factor
        )
        base = (
            competency * w.competency
            + language * w.language
            + text * w.text
            + sector * w.sector
            + self.open_to_gap_ * w.open_to_gap
        ) / w.base_total
        scores = np.round(np.clip(base * factor, 0.0, 1.0), 4)
        scores = np.where(out, -1.0, scores)
        return {
            "score": scores,
            "competency": competency,
            "text": text,
            "sector": sector,
            "language": language,
            "factor": factor,
            "km": km,
            "out_of_reach": reach_out,
        }

    def rank(
        self,
        q: Query,
        *,
        top: int | None = None,
        kind: str = "all",
        parts: dict[str, np.ndarray] | None = None,
    ) -> list[int]:
        """Item indices best first (excluded items never appear); pass `parts` from score()
        to avoid scoring twice."""
        scores = (parts or self.score(q))["score"]
        keep = scores >= 0
        if kind != "all":
            keep &= self.kind_training_ == (kind == "training")
        candidates = np.flatnonzero(keep)
        if top is not None and top < len(candidates):
            part = np.argpartition(-scores[candidates], top - 1)[:top]
            candidates = candidates[part]
        order = np.lexsort((candidates, -scores[candidates]))
        return [int(i) for i in candidates[order]]

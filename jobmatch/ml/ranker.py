"""Vectorised ranker with scikit-learn estimator conventions.

`fit(items)` computes the per-pool arrays once (competency matrix items x competencies,
condition arrays, TF-IDF text matrix). `score(query)` ranks one participant with numpy only;
the same transparent weighted score as jobmatch.domain (see docs/ranking.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator

from jobmatch.domain.geo import city_key, fold
from jobmatch.domain.income import minimum_wage_net_month
from jobmatch.domain.matching import (
    LANGUAGE_NAMES,
    cefr_rank,
    dutch_rank,
    education_rank,
    participant_strengths,
    pool_idf,
    spoken_languages,
)
from jobmatch.domain.profiles import SHIFTS, Profile
from jobmatch.domain.ranking import Weights
from jobmatch.ml.features import (
    NAN,
    ItemFeatures,
    TextVectorizer,
    as_float,
    dutch_taught,
    haversine_many,
    net_month,
)

LANGUAGE_CODES = tuple(LANGUAGE_NAMES)


@dataclass
class Query:
    """One participant, turned into what the vectorised score needs."""

    profile: Profile
    text: np.ndarray  # dense, L2-normalised
    strengths: np.ndarray
    lat: float = NAN
    lon: float = NAN


class Ranker(BaseEstimator):  # type: ignore[misc]
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

    def _fit_conditions(self, items: list[ItemFeatures]) -> None:
        reqs = [i.requirements for i in items]
        self.kind_training_ = np.array([i.kind == "training" for i in items])
        self.dutch_taught_ = np.array([dutch_taught(i) for i in items], dtype=np.int8)
        self.net_month_ = np.array([net_month(r) for r in reqs])
        self.dutch_ = np.array([cefr_rank(r.dutch_level) for r in reqs], dtype=np.int8)
        hmin = np.array([as_float(r.hours_min) for r in reqs])
        hmax = np.array([as_float(r.hours_max) for r in reqs])
        self.hours_high_ = np.where(np.isnan(hmax), hmin, hmax)
        self.hours_low_ = np.where(np.isnan(hmin), self.hours_high_, hmin)
        self.lat_ = np.array([as_float(i.lat) for i in items])
        self.lon_ = np.array([as_float(i.lon) for i in items])
        self.licence_ = np.array([r.driving_licence for r in reqs])
        self.edu_ = np.array([education_rank(r.education_level) for r in reqs], dtype=np.int8)
        self.shifts_ = np.array(
            [sum(1 << SHIFTS.index(s) for s in set(r.shifts) if s in SHIFTS) for r in reqs],
            dtype=np.int16,
        )
        self.cert_vocab_ = sorted({c for r in reqs for c in r.certificates})
        certs = {c: n for n, c in enumerate(self.cert_vocab_)}
        self.certs_ = sp.csr_matrix((len(items), len(self.cert_vocab_)), dtype=np.float32).tolil()
        for row, r in enumerate(reqs):
            for c in r.certificates:
                self.certs_[row, certs[c]] = 1.0
        self.certs_ = self.certs_.tocsr()
        self._codes("employer", [fold(i.employer) if i.employer else "" for i in items])
        self.employer_padded_ = np.array([f" {v} " for v in self.employer_values_], dtype=np.str_)
        self._codes("place", [city_key(i.place) if i.place else "" for i in items])
        self._codes("sector", [fold(i.sector) if i.sector else "" for i in items])
        self.open_to_gap_ = np.array([i.open_to_gap for i in items], dtype=np.float32)
        self.languages_ = np.array(
            [
                sum(1 << LANGUAGE_CODES.index(c) for c in i.languages if c in LANGUAGE_CODES)
                for i in items
            ],
            dtype=np.int32,
        )

    def _codes(self, name: str, values: list[str]) -> None:
        uniques = sorted(set(values))
        index = {v: n for n, v in enumerate(uniques)}
        setattr(self, f"{name}_values_", uniques)
        setattr(self, f"{name}_codes_", np.array([index[v] for v in values], dtype=np.int32))

    # --------------------------------------------------------------- query
    def query(
        self, profile: Profile, text: str, *, lat: float | None = None, lon: float | None = None
    ) -> Query:
        """The participant as vectors: competency strengths and lemmatised text."""
        strengths = participant_strengths(profile, self.weights_)
        vector = np.array([strengths.get(c, 0.0) for c in self.ids_], dtype=np.float32)
        return Query(
            profile=profile,
            text=self.vectorizer_.dense(text),
            strengths=vector,
            lat=as_float(lat),
            lon=as_float(lon),
        )

    def excluded(self, q: Query) -> np.ndarray:
        """Items at an employer or place on the participant's avoid list."""
        out = np.zeros(len(self.items_), dtype=bool)
        avoid = [f" {fold(e)} " for e in q.profile.avoid.employers if e.strip()]
        if avoid and len(self.employer_padded_):
            hit = np.zeros(len(self.employer_padded_), dtype=bool)
            for term in avoid:
                hit |= np.char.find(self.employer_padded_, term) >= 0
            out |= hit[self.employer_codes_]
        places = {city_key(p) for p in q.profile.avoid.places if p.strip()}
        if places:
            spots = np.array([bool(v) and v in places for v in self.place_values_], dtype=bool)
            out |= spots[self.place_codes_]
        return out

    def distances(self, q: Query) -> np.ndarray:
        if np.isnan(q.lat):
            return np.full(len(self.items_), NAN)
        return np.round(haversine_many(q.lat, q.lon, self.lat_, self.lon_), 1)

    def factors(self, q: Query, km: np.ndarray) -> np.ndarray:
        """Product of the penalties of hard conditions that are not met."""
        w, p, prefs = self.weights_, q.profile, q.profile.preferences
        factor = np.ones(len(self.items_))
        short = np.where(self.dutch_ > 0, self.dutch_ - dutch_rank(p), 0)
        one = np.where(self.kind_training_, w.penalty_training_dutch, w.penalty_dutch)
        factor *= np.where(short == 1, one, np.where(short >= 2, w.penalty_dutch_far, 1.0))
        if prefs.max_km is not None:
            far = km > prefs.max_km * w.far_ratio
            factor *= np.where(
                km > prefs.max_km, np.where(far, w.penalty_distance_far, w.penalty_distance), 1.0
            )
        if p.income_need_net_month is not None:
            low = np.round(p.income_need_net_month - self.net_month_) > 0
            factor *= np.where(low, w.penalty_income, 1.0)
            if p.income_need_net_month > minimum_wage_net_month():
                unknown = np.isnan(self.net_month_) & ~self.kind_training_
                factor *= np.where(unknown, w.penalty_pay_unknown, 1.0)
        hours_bad = np.zeros(len(self.items_), dtype=bool)
        if prefs.hours_max is not None:
            hours_bad |= self.hours_low_ > prefs.hours_max
        if prefs.hours_min is not None:
            hours_bad |= self.hours_high_ < prefs.hours_min
        factor *= np.where(hours_bad, w.penalty_hours, 1.0)
        if not p.driving_licence:
            factor *= np.where(self.licence_, w.penalty_licence, 1.0)
        factor *= np.where(self._papers_missing(p), w.penalty_certificates, 1.0)
        edu = max((education_rank(e.level) for e in p.education if e.completed), default=0)
        factor *= np.where((self.edu_ > 1) & (self.edu_ > edu), w.penalty_certificates, 1.0)
        avoid = sum(1 << SHIFTS.index(s) for s in set(prefs.avoid_shifts) if s in SHIFTS)
        factor *= np.where((self.shifts_ & avoid) != 0, w.penalty_shifts, 1.0)
        return factor

    def _papers_missing(self, p: Profile) -> np.ndarray:
        if not self.cert_vocab_:
            return np.zeros(len(self.items_), dtype=bool)
        mine = [fold(c) for c in p.certificates]
        lacking = np.array(
            [not any(fold(c) in m or m in fold(c) for m in mine) for c in self.cert_vocab_],
            dtype=np.float32,
        )
        return np.asarray(self.certs_ @ lacking).ravel() > 0

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
        sector_wanted = {fold(s) for s in q.profile.preferences.sectors}
        sector = np.array([v in sector_wanted for v in self.sector_values_], dtype=np.float32)
        sector = sector[self.sector_codes_] if self.sector_values_ else np.zeros(len(text))
        out = self.excluded(q)
        gap = self._training_value(q, competency * w.competency + text * w.text, out)
        competency = np.where(self.kind_training_, gap, competency)
        km = self.distances(q)
        factor = self.factors(q, km)
        if q.profile.preferences.wants_training_first:
            factor = np.where(self.kind_training_, factor, factor * w.training_first)
        spoken = sum(
            1 << LANGUAGE_CODES.index(c) for c in spoken_languages(q.profile) if c in LANGUAGE_CODES
        )
        language = ((self.languages_ & spoken) != 0).astype(np.float32)
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

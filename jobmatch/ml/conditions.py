"""The hard conditions of a fitted pool as arrays (one entry per item), and the per-participant
checks on them: avoid list, distance, and the product of penalty factors of conditions that
are not met (the vectorised counterpart of jobmatch.domain.conditions).

`ConditionArrays` is a mixin of `Ranker`; it expects `items_` and `weights_` to be set.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import scipy.sparse as sp

from jobmatch.domain.conditions import works_from_home
from jobmatch.domain.geo import city_key, fold
from jobmatch.domain.income import minimum_wage_net_month
from jobmatch.domain.matching import (
    LANGUAGE_NAMES,
    cefr_rank,
    dutch_rank,
    education_rank,
    spoken_languages,
)
from jobmatch.domain.profiles import SHIFTS, Profile
from jobmatch.domain.ranking import Weights
from jobmatch.ml.features import (
    NAN,
    ItemFeatures,
    as_float,
    dutch_taught,
    haversine_many,
    net_month,
)

if TYPE_CHECKING:
    from jobmatch.ml.ranker import Query

LANGUAGE_CODES = tuple(LANGUAGE_NAMES)


class ConditionArrays:
    """Fitted condition arrays (names end in `_`) and the checks that use them."""

    items_: list[ItemFeatures]
    weights_: Weights
    # set by _codes(): the distinct values and, per item, the index of its value
    employer_values_: list[str]
    employer_codes_: np.ndarray
    place_values_: list[str]
    place_codes_: np.ndarray
    sector_values_: list[str]
    sector_codes_: np.ndarray

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
        self.remote_ = np.array(
            [i.kind == "vacancy" and works_from_home(f"{i.title}\n{i.raw_text}") for i in items],
            dtype=bool,
        )
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

    def excluded(self, q: Query) -> np.ndarray:
        """Items at an employer or place on the participant's avoid list."""
        out = np.zeros(len(self.items_), dtype=bool)
        avoid = [f" {fold(e)} " for e in q.profile.avoid.employers if e.strip()]
        if avoid and len(self.employer_padded_):
            hit = np.zeros(len(self.employer_padded_), dtype=bool)
            for term in avoid:
                hit |= np.char.find(self.employer_padded_, term) >= 0
            out |= hit[self.employer_codes_]
        places = q.avoid_places
        if places is None:
            places = frozenset(city_key(p) for p in q.profile.avoid.places if p.strip())
        if places:
            spots = np.array([bool(v) and v in places for v in self.place_values_], dtype=np.bool_)
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
            limit = prefs.max_km
            distance = np.select(
                [km > limit * w.very_far_ratio, km > limit * w.far_ratio, km > limit],
                [w.penalty_distance_very_far, w.penalty_distance_far, w.penalty_distance],
                1.0,
            )
            factor *= np.where(self.remote_, 1.0, distance)
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

    def sector_match(self, q: Query) -> np.ndarray:
        """1.0 where the item's sector is one the participant looks for."""
        wanted = {fold(s) for s in q.profile.preferences.sectors}
        if not self.sector_values_:
            return np.zeros(len(self.items_), dtype=np.float32)
        per_value = np.array([v in wanted for v in self.sector_values_], dtype=np.float32)
        match: np.ndarray = per_value[self.sector_codes_]
        return match

    def language_match(self, q: Query) -> np.ndarray:
        """1.0 where the item requires a language (not Dutch/English) the participant speaks."""
        spoken = sum(
            1 << LANGUAGE_CODES.index(c) for c in spoken_languages(q.profile) if c in LANGUAGE_CODES
        )
        match: np.ndarray = ((self.languages_ & spoken) != 0).astype(np.float32)
        return match

"""Out of reach now, vectorised over a fitted pool (the counterpart of domain/reach.py:
`reach_reasons(...)` is non-empty exactly where `ReachArrays.out_of_reach` is True).

`ReachArrays` is a mixin of `Ranker`; it expects `items_` to be set.
"""

from __future__ import annotations

import numpy as np

from jobmatch.domain.profiles import Profile
from jobmatch.domain.reach import (
    EXPLICIT_GAP,
    SKILL_NEEDS_EDUCATION,
    YEARS_NEED_TWO_JOBS,
    YEARS_OUT_OF_REACH,
    has_registration,
    starting_point,
)
from jobmatch.ml.features import ItemFeatures


class ReachArrays:
    """Fitted level-of-work arrays (names end in `_`) and the check that uses them."""

    items_: list[ItemFeatures]

    def _fit_reach(self, items: list[ItemFeatures]) -> None:
        demands = [i.demand for i in items]
        self.trainee_ = np.array([d.trainee for d in demands], dtype=bool)
        skill_need = [SKILL_NEEDS_EDUCATION.get(d.skill_level, 0) for d in demands]
        self.skill_need_ = np.where(self.trainee_, 0, np.array(skill_need, dtype=np.int8))
        self.edu_asked_ = np.array([d.education for d in demands], dtype=np.int8)
        self.years_ = np.array([d.years for d in demands], dtype=np.int8)
        self.senior_ = np.array([bool(d.senior) for d in demands], dtype=bool)
        self.high_pay_ = np.array(
            [d.high_pay and not d.skill_level and not d.trainee for d in demands], dtype=bool
        )
        self.very_high_pay_ = np.array([d.very_high_pay for d in demands], dtype=bool)
        self.registration_values_ = sorted({d.registration for d in demands} - {""})
        index = {v: n + 1 for n, v in enumerate(self.registration_values_)}
        self.registration_codes_ = np.array(
            [index.get(d.registration, 0) for d in demands], dtype=np.int32
        )

    def out_of_reach(self, profile: Profile) -> np.ndarray:
        """True where the item is out of reach for this participant now."""
        start = starting_point(profile)
        lacking = np.array(
            [False, *(not has_registration(start, v) for v in self.registration_values_)]
        )
        out = lacking[self.registration_codes_]
        out |= (self.edu_asked_ > 0) & (self.edu_asked_ - start.education >= EXPLICIT_GAP)
        out |= (self.skill_need_ > 0) & (start.education < self.skill_need_)
        years = (self.years_ >= YEARS_OUT_OF_REACH) if start.experiences == 0 else False
        if start.experiences < 2:
            years = years | (self.years_ >= YEARS_NEED_TWO_JOBS)
        out |= ~self.trainee_ & years
        if start.education < 4:
            out |= self.senior_ | self.high_pay_
        if start.education < 5:
            out |= self.very_high_pay_
        result: np.ndarray = out
        return result

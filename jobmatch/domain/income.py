"""A rough 2026 estimate of net monthly pay from a posting's gross salary.

Assumptions (stated in every warning and in docs/ranking.md):
- hour -> month: the posting's hours per week (else 36), times 4.33 weeks;
  year -> month: divided by 12 (holiday pay and a 13th month are ignored).
- gross -> net: Dutch box-1 income tax and national insurance for someone under the
  state-pension age, minus the general tax credit (algemene heffingskorting) and the
  labour tax credit (arbeidskorting), with approximate 2026 parameters. It is an
  estimate: no pension premium, no allowances (toeslagen), no other deductions.
"""

from __future__ import annotations

from dataclasses import dataclass

from jobmatch.domain.profiles import Profile
from jobmatch.domain.ranking import Finding, Weights
from jobmatch.domain.vacancies import Requirements

WEEKS_PER_MONTH = 4.33
MINIMUM_WAGE_HOUR = 14.70  # approximate statutory minimum wage 2026, euro gross per hour
DEFAULT_HOURS = 36.0
# (upper bound of the bracket in euro per year, rate); approximate 2026 figures.
BRACKETS = ((38_883.0, 0.3575), (78_426.0, 0.3756), (float("inf"), 0.4950))
AHK_MAX = 3_115.0  # algemene heffingskorting
AHK_START = 29_736.0
AHK_RATE = 0.06398
# arbeidskorting: (from income, base amount, rate above `from`)
AK_STEPS = ((0.0, 0.0, 0.08324), (12_740.0, 1_060.0, 0.31009), (27_510.0, 5_640.0, 0.0195))
AK_MAX = 5_685.0
AK_PHASE_OUT_START = 45_592.0
AK_PHASE_OUT_RATE = 0.0651
ASSUMPTIONS_NL = (
    "schatting: bruto naar netto met de belasting en heffingskortingen van 2026 (ongeveer), "
    "uur naar maand met de uren uit de vacature (anders 36) x 4,33 weken"
)
ASSUMPTIONS_EN = (
    "estimate: gross to net with approximate 2026 Dutch tax and tax credits, "
    "hour to month with the posting's hours (else 36) x 4.33 weeks"
)


def gross_per_month(amount: float, unit: str, hours_per_week: float | None = None) -> float:
    """A posting's salary (per hour, month or year) as gross euro per month."""
    if unit == "hour":
        return amount * (hours_per_week or DEFAULT_HOURS) * WEEKS_PER_MONTH
    if unit == "year":
        return amount / 12
    return amount


def _tax(year: float) -> float:
    tax, lower = 0.0, 0.0
    for upper, rate in BRACKETS:
        if year > lower:
            tax += (min(year, upper) - lower) * rate
        lower = upper
    return tax


def _general_credit(year: float) -> float:
    return max(0.0, AHK_MAX - max(0.0, year - AHK_START) * AHK_RATE)


def _labour_credit(year: float) -> float:
    credit = 0.0
    for start, base, rate in AK_STEPS:
        if year >= start:
            credit = base + (year - start) * rate
    credit = min(credit, AK_MAX)
    if year > AK_PHASE_OUT_START:
        credit -= (year - AK_PHASE_OUT_START) * AK_PHASE_OUT_RATE
    return max(0.0, credit)


def net_per_month(gross_month: float) -> float:
    """Estimated net euro per month for a gross monthly wage (see module assumptions)."""
    year = max(0.0, gross_month) * 12
    tax = max(0.0, _tax(year) - _general_credit(year) - _labour_credit(year))
    return round((year - tax) / 12, 2)


def minimum_wage_net_month(hours_per_week: float = DEFAULT_HOURS) -> float:
    """Estimated net monthly pay at the minimum wage (36 hours unless said otherwise)."""
    return net_per_month(gross_per_month(MINIMUM_WAGE_HOUR, "hour", hours_per_week))


@dataclass(frozen=True)
class IncomeGap:
    net_month: float
    need_month: float

    @property
    def shortfall(self) -> float:
        return round(max(0.0, self.need_month - self.net_month))


def income_gap(
    *,
    salary: float | None,
    unit: str | None,
    hours_per_week: float | None,
    need_net_month: float | None,
) -> IncomeGap | None:
    """The estimated shortfall against the participant's need, or None if not below it."""
    if salary is None or unit is None or need_net_month is None:
        return None
    net = net_per_month(gross_per_month(salary, unit, hours_per_week))
    gap = IncomeGap(net_month=net, need_month=need_net_month)
    return gap if gap.shortfall > 0 else None


def salary_findings(profile: Profile, req: Requirements, weights: Weights) -> list[Finding]:
    """Pay below the participant's need (estimated net), or no pay given while the need is
    above what the minimum wage gives."""
    salary = req.salary_max if req.salary_max is not None else req.salary_min
    hours = req.hours_max or req.hours_min
    need = profile.income_need_net_month
    unknown = salary is None or req.salary_unit is None
    if unknown and need is not None and need > minimum_wage_net_month():
        return [
            Finding(
                "salary_unknown",
                f"Salaris staat er niet bij; jij hebt meer nodig (€ {need:.0f}) dan een "
                f"minimumloon oplevert (± € {minimum_wage_net_month():.0f} netto).",
                f"No pay given; you need more (€ {need:.0f}) than the minimum wage gives "
                f"(± € {minimum_wage_net_month():.0f} net).",
                weights.penalty_pay_unknown,
            )
        ]
    gap = income_gap(
        salary=salary,
        unit=req.salary_unit,
        hours_per_week=hours,
        need_net_month=profile.income_need_net_month,
    )
    if gap is None:
        return []
    return [
        Finding(
            "salary",
            f"Salaris ± € {gap.net_month:.0f} netto per maand, € {gap.shortfall:.0f} minder dan "
            f"je nodig hebt ({ASSUMPTIONS_NL}).",
            f"Pay ± € {gap.net_month:.0f} net a month, € {gap.shortfall:.0f} below your need "
            f"({ASSUMPTIONS_EN}).",
            weights.penalty_income,
        )
    ]

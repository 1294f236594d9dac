"""Between the wishes form and the profile JSON (preferences, income need, avoid list)."""

from __future__ import annotations

from typing import Any

from jobmatch.web.forms_participants import WishesForm


def _lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()][:50]


def fill_wishes(form: WishesForm, profile: dict[str, Any]) -> None:
    prefs = profile.get("preferences") or {}
    avoid = profile.get("avoid") or {}
    form.sectors.data = ", ".join(prefs.get("sectors") or [])
    form.hours_min.data = prefs.get("hours_min")
    form.hours_max.data = prefs.get("hours_max")
    form.max_km.data = prefs.get("max_km")
    form.avoid_shifts.data = list(prefs.get("avoid_shifts") or [])
    form.income_need.data = profile.get("income_need_net_month")
    form.avoid_employers.data = "\n".join(avoid.get("employers") or [])
    form.avoid_places.data = "\n".join(avoid.get("places") or [])


def wishes_changes(form: WishesForm, profile: dict[str, Any]) -> dict[str, Any]:
    prefs = dict(profile.get("preferences") or {})
    sectors = [s.strip().lower() for s in (form.sectors.data or "").split(",") if s.strip()]
    prefs.update(
        sectors=sectors[:20],
        hours_min=form.hours_min.data,
        hours_max=form.hours_max.data,
        max_km=form.max_km.data,
        avoid_shifts=list(form.avoid_shifts.data or []),
    )
    prefs = {key: value for key, value in prefs.items() if value not in (None, "")}
    return {
        "preferences": prefs,
        "income_need_net_month": form.income_need.data,
        "avoid": {
            "employers": _lines(form.avoid_employers.data),
            "places": _lines(form.avoid_places.data),
        },
    }

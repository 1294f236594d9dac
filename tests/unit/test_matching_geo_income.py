"""Distances from postcodes (real nl-pc4.csv) and the net income estimate."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobmatch.datafiles.geo import load_pc4_index, read_pc4
from jobmatch.domain.errors import DataFileError
from jobmatch.domain.geo import Pc4Index, distance_km, haversine_km
from jobmatch.domain.income import gross_per_month, income_gap, net_per_month


def test_haversine_amsterdam_to_den_haag_is_about_50_km() -> None:
    assert haversine_km(52.3676, 4.9041, 52.0705, 4.3007) == pytest.approx(50, abs=3)
    assert haversine_km(52.0, 4.0, 52.0, 4.0) == 0


def test_real_postcodes_and_cities_resolve() -> None:
    geo = load_pc4_index()
    dam, haag = geo.locate(pc4="1012"), geo.locate(pc4="2511")
    assert dam is not None and dam.municipality == "Amsterdam"
    assert 45 < (distance_km(dam, haag) or 0) < 60
    assert geo.locate(city="Den Haag") == geo.locate(city="'s-Gravenhage")
    assert geo.locate(city="SCHEVENINGEN") is not None  # a town inside a municipality
    assert geo.locate(city="Zuidhorn-aan-Zee") is None
    assert geo.locate(pc4="0000") is None
    assert distance_km(None, haag) is None


def test_bad_pc4_file_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "pc4.csv"
    path.write_text("pc4,lat,lon,municipality\n1234,abc,4.1,X\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="line 2"):
        read_pc4(path)


def test_city_centroid_is_the_mean_of_its_postcodes() -> None:
    geo = Pc4Index.from_rows([("1000", 52.0, 4.0, "Stad"), ("1001", 52.2, 4.2, "Stad")])
    centre = geo.locate(city="stad")
    assert centre is not None
    assert (centre.lat, centre.lon) == pytest.approx((52.1, 4.1))


def test_hour_to_month_uses_posting_hours_or_36() -> None:
    assert gross_per_month(15, "hour", 20) == pytest.approx(15 * 20 * 4.33)
    assert gross_per_month(15, "hour", None) == pytest.approx(15 * 36 * 4.33)
    assert gross_per_month(36_000, "year") == 3000
    assert gross_per_month(2500, "month") == 2500


def test_net_is_below_gross_and_grows_with_gross() -> None:
    nets = [net_per_month(g) for g in (1000, 2000, 3000, 5000)]
    assert nets == sorted(nets)
    assert all(net <= gross for net, gross in zip(nets, (1000, 2000, 3000, 5000), strict=True))
    # low wages pay almost no tax thanks to the tax credits
    assert net_per_month(1000) > 950
    assert 2100 < net_per_month(2500) < 2450


def test_income_gap_reports_shortfall_only_when_below_need() -> None:
    gap = income_gap(salary=13, unit="hour", hours_per_week=24, need_net_month=1800)
    assert gap is not None and gap.shortfall == round(1800 - gap.net_month)
    assert income_gap(salary=3500, unit="month", hours_per_week=36, need_net_month=1400) is None
    assert income_gap(salary=None, unit=None, hours_per_week=None, need_net_month=1400) is None

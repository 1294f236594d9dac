"""Straight-line distances between Dutch 4-digit postcodes (pure; loading is in datafiles.geo).

Postcode centroids: GeoNames (geonames.org), CC BY 4.0.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

EARTH_RADIUS_KM = 6371.0088
CITY_ALIASES = {
    "den haag": "s-gravenhage",
    "the hague": "s-gravenhage",
    "s gravenhage": "s-gravenhage",
    "den bosch": "s-hertogenbosch",
    "s hertogenbosch": "s-hertogenbosch",
}
TownKind = Literal["town", "district"]
TOWN_KINDS = ("town", "district")


@dataclass(frozen=True)
class Town:
    """A town or city district inside a municipality of another name (vacancies/towns.csv)."""

    name: str
    municipality: str
    kind: TownKind = "town"


def fold(text: str) -> str:
    """Lower case without accents or apostrophes, single spaces: 'Den Haag ' -> 'den haag'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = re.sub(r"[’'`]", "", plain)
    return " ".join(plain.split())


def city_key(name: str) -> str:
    """A folded city name with the usual aliases applied ('Den Haag' = "'s-Gravenhage")."""
    key = fold(name)
    return CITY_ALIASES.get(key, CITY_ALIASES.get(key.replace("-", " "), key))


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points in degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlam = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class Point:
    lat: float
    lon: float
    municipality: str = ""

    def km_to(self, other: Point) -> float:
        return haversine_km(self.lat, self.lon, other.lat, other.lon)


@dataclass(frozen=True)
class Pc4Index:
    """Postcode centroids plus municipality centroids (mean of their postcodes)."""

    postcodes: dict[str, Point] = field(default_factory=dict)
    cities: dict[str, Point] = field(default_factory=dict)
    towns: dict[str, str] = field(default_factory=dict)  # town key -> municipality key

    @classmethod
    def from_rows(
        cls, rows: Iterable[tuple[str, float, float, str]], towns: Iterable[Town] = ()
    ) -> Pc4Index:
        postcodes: dict[str, Point] = {}
        sums: dict[str, list[float]] = {}
        names: dict[str, str] = {}
        for pc4, lat, lon, municipality in rows:
            postcodes[pc4] = Point(lat, lon, municipality)
            key = city_key(municipality)
            total = sums.setdefault(key, [0.0, 0.0, 0.0])
            total[0] += lat
            total[1] += lon
            total[2] += 1
            names[key] = municipality
        cities = {k: Point(s[0] / s[2], s[1] / s[2], names[k]) for k, s in sums.items()}
        aliases = {city_key(t.name): city_key(t.municipality) for t in towns}
        return cls(postcodes=postcodes, cities=cities, towns=aliases)

    def key(self, name: str) -> str:
        """The municipality key of a place name: towns and districts map to theirs."""
        key = city_key(name)
        return self.towns.get(key, key)

    def locate(self, *, pc4: str | None = None, city: str | None = None) -> Point | None:
        """The postcode centroid, else the municipality centroid, else None (unknown)."""
        if pc4:
            point = self.postcodes.get(pc4.strip()[:4])
            if point is not None:
                return point
        if city:
            return self.cities.get(self.key(city))
        return None

    def municipality(self, *, pc4: str | None = None, city: str | None = None) -> str:
        point = self.locate(pc4=pc4, city=city)
        return point.municipality if point else (city or "")


def distance_km(a: Point | None, b: Point | None) -> float | None:
    """Rounded straight-line km, or None when either place is unknown."""
    if a is None or b is None:
        return None
    return round(a.km_to(b), 1)

"""Synthetic vacancies and participants for the ranking speed benchmark (fixed seeds).

Random Dutch-looking words from a few syllables, competencies from the 40 core ids, places
from the real pc4 table, and conditions (hours, Dutch level, licence, shifts, pay) drawn with
plausible frequencies. Nothing here is meant to be realistic text; it is meant to be big.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Iterator

from jobmatch.datafiles.geo import load_pc4_index
from jobmatch.datafiles.paths import data_dir
from jobmatch.datafiles.reading import read_csv_rows
from jobmatch.domain.profile_json import profile_from_dict
from jobmatch.domain.profiles import Profile
from jobmatch.domain.vacancies import AskedCompetency, Extraction, Opening, Posting, Requirements
from jobmatch.ml.features import ItemFeatures

IDS = [row["id"] for row in read_csv_rows(data_dir("competencies") / "core-competencies.csv")]
# fmt: off
SYLLABLES = [
    "ge", "ver", "be", "on", "klant", "zorg", "werk", "schoon", "gast", "dienst", "team", "kas",
    "hotel", "plan", "taal", "help", "maak",
]
# fmt: on
VOCAB = [
    "".join(random.Random(i).choices(SYLLABLES, k=random.Random(-i).randint(2, 4)))
    for i in range(3000)
]
SECTORS = ["zorg", "horeca", "schoonmaak", "retail", "logistiek", "kantoor"]


@functools.cache
def _asked(cid: str, importance: str) -> AskedCompetency:
    """Shared objects: synthetic postings have no evidence spans, so identical pairs are equal."""
    return AskedCompetency(cid, cid, importance)  # type: ignore[arg-type]


def synthetic_items(n: int, seed: int) -> list[ItemFeatures]:
    return list(iter_synthetic_items(n, seed))


def iter_synthetic_items(n: int, seed: int) -> Iterator[ItemFeatures]:
    """The synthetic vacancies one at a time (a caller that converts them keeps no second
    list of 100,000 rows in memory)."""
    rng = random.Random(seed)
    points = list(load_pc4_index().postcodes.values())
    for i in range(n):
        point = rng.choice(points)
        hours = rng.choice([None, 12.0, 16.0, 24.0, 32.0, 36.0])
        yield (
            ItemFeatures(
                source=f"v{i}.txt",
                title=f"Vacature {i}",
                kind="vacancy",
                text=" ".join(rng.choices(VOCAB, k=60)),
                asked=tuple(
                    _asked(c, rng.choice(["must", "must", "nice"]))
                    for c in rng.sample(IDS, rng.randint(3, 10))
                ),
                requirements=Requirements(
                    hours_min=hours,
                    hours_max=hours,
                    dutch_level=rng.choice([None, "A2", "B1", "B1", "B2"]),
                    driving_licence=rng.random() < 0.15,
                    certificates=tuple(rng.sample(["VCA", "VOG", "SVH", "BHV"], rng.randint(0, 1))),
                    shifts=tuple(rng.sample(["evening", "night", "weekend"], rng.randint(0, 2))),
                    salary_min=rng.choice([None, 13.5, 15.0]),
                    salary_unit="hour",
                ),
                lat=point.lat,
                lon=point.lon,
                place=point.municipality,
                employer=f"Werkgever {rng.randint(0, n // 20)}",
                sector=rng.choice(SECTORS),
                open_to_gap=rng.random() < 0.1,
            )
        )


def synthetic_profiles(n: int, seed: int) -> list[tuple[Profile, str]]:
    rng = random.Random(seed)
    pcs = list(load_pc4_index().postcodes)
    found = []
    for i in range(n):
        profile = profile_from_dict(
            {
                "name": f"Deelnemer {i}",
                "contact": {"postcode": rng.choice(pcs)},
                "languages": [{"language": "nl", "level": rng.choice(["A2", "B1", "B2"])}],
                "competencies": [
                    {
                        "id": c,
                        "evidence": "Ik deed dit.",
                        "status": rng.choice(["confirmed", "suggested"]),
                    }
                    for c in rng.sample(IDS, rng.randint(3, 12))
                ],
                "preferences": {
                    "hours_min": 12,
                    "hours_max": rng.choice([24, 32, 40]),
                    "max_km": rng.choice([10, 20, 40]),
                    "sectors": rng.sample(SECTORS, 1),
                    "avoid_shifts": rng.sample(["evening", "night", "weekend"], 1),
                },
                "income_need_net_month": 1500,
                "avoid": {"employers": [f"Werkgever {rng.randint(0, 50)}"]},
            }
        )
        found.append((profile, " ".join(rng.choices(VOCAB, k=80))))
    return found


def point_of(profile: Profile) -> tuple[float | None, float | None]:
    point = load_pc4_index().locate(pc4=profile.contact.pc4)
    return (point.lat, point.lon) if point else (None, None)


def synthetic_openings(n: int, seed: int) -> list[Opening]:
    """The same synthetic vacancies as Openings (posting + extraction + pc4), for timing the
    public path `rank_for_participant`."""
    rng = random.Random(seed + 1)
    pcs = list(load_pc4_index().postcodes)
    return [
        Opening(
            posting=Posting(item.source, item.title, item.text),
            extraction=Extraction(item.source, item.title, item.asked, item.requirements),
            employer=item.employer,
            sector=item.sector,
            pc4=rng.choice(pcs),
            open_to_gap=item.open_to_gap,
        )
        for item in iter_synthetic_items(n, seed)
    ]

"""The data for `bench.web_load`: a PostgreSQL schema filled through the seed path.

10,000 varied vacancies (sentence pools per sector, with varied hours, pay, towns and
postcodes, so no two texts are alike) with their extraction stored as `parsed` (the real
extractor, run once in bulk before anything is timed), training places, employers, and
participants of two organisations (tests.factories profiles: languages, experiences,
competencies, wishes) with job hunter accounts to sign in with. All texts are fictional.
"""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import text
from sqlmodel import Session

from jobmatch.datafiles.geo import load_pc4_index
from jobmatch.datafiles.people import DemoOrganisation, DemoParticipant, StaffAccount
from jobmatch.datafiles.postings import VacancyMeta
from jobmatch.db import seed
from jobmatch.db.engine import make_engine
from jobmatch.domain.profile_json import profile_from_dict
from jobmatch.domain.vacancies import Employer, Posting, TrainingPlace
from jobmatch.services.setup import init_database

POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
PASSWORD = "een lange zin om mee te testen"
ORGANISATIONS = ("bench-noord", "bench-zuid")
NEAR_SHARE = 0.7  # vacancies in or next to the participants' towns; the rest anywhere
PHASES = ("contact", "oriëntatie", "uitvoering", "nazorg")

SECTORS: dict[str, dict[str, tuple[str, ...]]] = {
    "horeca": {
        "titles": ("Medewerker bediening", "Keukenhulp", "Barmedewerker", "Gastvrouw",
                   "Afwasser", "Medewerker ontbijtservice", "Zelfstandig werkend kok"),
        "tasks": ("Je ontvangt gasten {when} en brengt ze naar hun tafel.",
                  "Je neemt bestellingen op en serveert {thing} met een glimlach.",
                  "Je helpt in de keuken met snijden, {thing} en de afwas.",
                  "Je houdt het terras en de bar schoon en netjes.",
                  "Je zet {when} het ontbijtbuffet klaar voor {n} gasten."),
    },
    "zorg": {
        "titles": ("Helpende zorg", "Medewerker huishouding zorg", "Begeleider dagbesteding",
                   "Zorgassistent", "Medewerker welzijn", "Gastvrouw zorgcentrum"),
        "tasks": ("Je helpt bewoners {when} met wassen, aankleden en eten.",
                  "Je begeleidt cliënten bij {thing} en dagelijkse activiteiten.",
                  "Je luistert naar bewoners en hebt aandacht voor wat ze nodig hebben.",
                  "Je werkt samen met {n} collega's in een vast team.",
                  "Je zorgt {when} voor een schone en veilige woonkamer."),
    },
    "schoonmaak": {
        "titles": ("Schoonmaker kantoren", "Medewerker huishoudelijke hulp", "Glazenwasser",
                   "Schoonmaker hotelkamers", "Medewerker wasserij"),
        "tasks": ("Je maakt {when} kantoren, toiletten en keukens grondig schoon.",
                  "Je maakt {n} hotelkamers per dienst op en vult {thing} aan.",
                  "Je werkt zelfstandig volgens een vast rooster op {n} adressen.",
                  "Je sorteert en vouwt wasgoed en let op vlekken."),
    },
    "retail": {
        "titles": ("Verkoopmedewerker", "Caissière", "Vakkenvuller", "Medewerker klantenservice",
                   "Winkelmedewerker mode", "Medewerker bakkerij"),
        "tasks": ("Je helpt klanten {when} bij het kiezen van {thing}.",
                  "Je rekent af aan de kassa en maakt de kas op.",
                  "Je vult de schappen aan en houdt de winkel netjes.",
                  "Je beantwoordt vragen van klanten over {thing} aan de telefoon."),
    },
    "logistiek": {
        "titles": ("Orderpicker", "Inpakker", "Magazijnmedewerker", "Heftruckchauffeur",
                   "Medewerker expeditie", "Pakketbezorger"),
        "tasks": ("Je verzamelt orders met een handscanner en pakt {thing} in.",
                  "Je laadt en lost {when} vrachtwagens met {thing}.",
                  "Je controleert zendingen en telt de voorraad van {n} producten.",
                  "Je bezorgt pakketten in een vaste wijk met een bus."),
    },
    "administratie": {
        "titles": ("Administratief medewerker", "Receptionist", "Telefonist",
                   "Medewerker planning", "Medewerker secretariaat"),
        "tasks": ("Je voert gegevens in en houdt dossiers over {thing} bij.",
                  "Je ontvangt bezoekers en neemt de telefoon aan.",
                  "Je plant {when} afspraken voor {n} collega's in de agenda.",
                  "Je beantwoordt e-mails en zorgt dat post op tijd weg is."),
    },
    "beauty": {
        "titles": ("Medewerker kapsalon", "Assistent schoonheidssalon", "Nagelstylist",
                   "Receptionist wellness"),
        "tasks": ("Je ontvangt klanten {when} en maakt afspraken in de agenda.",
                  "Je wast haar, helpt de kapper en houdt de salon schoon.",
                  "Je adviseert klanten over {thing} en verzorging.",
                  "Je verkoopt {thing} aan de balie."),
    },
}  # fmt: skip
NEEDS = ("Je bent {a} en {b}.", "Je spreekt Nederlands op niveau {level}.",
         "Je hebt rijbewijs B.", "Je bent beschikbaar in het weekend.",
         "Ervaring is niet nodig: wij leren je het vak.", "Je kunt goed samenwerken.",
         "Je werkt ook in de avond- of nachtdienst.", "Een VOG is nodig.")  # fmt: skip
TRAITS = ("klantvriendelijk", "nauwkeurig", "flexibel", "zorgzaam", "punctueel", "zelfstandig",
          "geduldig", "rustig", "eerlijk", "stressbestendig", "behulpzaam")  # fmt: skip
THINGS = ("koffie", "brood", "bloemen", "kleding", "schoenen", "medicijnen", "boeken",
          "fietsen", "lampen", "kaas", "planten", "handdoeken", "verf", "speelgoed")  # fmt: skip
WHEN = ("'s ochtends", "in het weekend", "'s avonds", "na de lunch", "op doordeweekse dagen")
LEVELS = ("A2", "B1", "B2")


@dataclass(frozen=True)
class World:
    url: str
    schema: str
    organisations: dict[str, int]  # slug -> id
    logins: list[tuple[str, str]]  # (email, organisation slug)
    participants: dict[str, list[int]]  # organisation slug -> participant ids
    seconds: dict[str, float]  # what filling took, per step


def _sentence(rng: random.Random, pattern: str) -> str:
    a, b = rng.sample(TRAITS, 2)
    return pattern.format(when=rng.choice(WHEN), thing=rng.choice(THINGS), a=a, b=b,
                          n=rng.randint(2, 40), level=rng.choice(LEVELS))  # fmt: skip


def _places() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(pc4, town) near the participants' towns, and anywhere in the country."""
    from tests.factories import CITIES

    index = load_pc4_index()
    everywhere = sorted((pc4, p.municipality) for pc4, p in index.postcodes.items())
    towns = {city.lower() for city, _ in CITIES}
    near = [(pc4, town) for pc4, town in everywhere if town.lower() in towns]
    return near, everywhere


def _vacancy_text(rng: random.Random, sector: str, town: str, pc4: str) -> str:
    pools = SECTORS[sector]
    hours_low = rng.choice((8, 12, 16, 20, 24, 28, 32))
    hours_high = min(40, hours_low + rng.choice((0, 4, 8, 12)))
    pay = rng.randint(1320, 1650) / 100
    lines = ["Wat ga je doen?"]
    lines += [_sentence(rng, p) for p in rng.sample(pools["tasks"], rng.randint(2, 4))]
    lines += ["Wat vragen wij?"]
    lines += [_sentence(rng, p) for p in rng.sample(NEEDS, rng.randint(2, 4))]
    lines += ["Wat bieden wij?",
              f"Je werkt {hours_low} tot {hours_high} uur per week.",
              f"Het loon is € {pay:.2f} bruto per uur.".replace(".", ",", 1),
              f"Je werkt in {town} (postcode {pc4}), goed bereikbaar met het ov."]  # fmt: skip
    return "\n".join(lines)


def make_vacancies(
    n: int, seed_value: int, employers: list[Employer]
) -> tuple[list[Posting], dict[str, VacancyMeta]]:
    rng = random.Random(seed_value)
    near, everywhere = _places()
    postings, meta, seen = [], {}, set()
    while len(postings) < n:
        employer = rng.choice(employers)
        pc4, town = rng.choice(near if rng.random() < NEAR_SHARE else everywhere)
        body = _vacancy_text(rng, employer.sector, town, pc4)
        if body in seen:
            continue
        seen.add(body)
        title = f"{rng.choice(SECTORS[employer.sector]['titles'])} {town}"
        source = f"bench-{len(postings):05d}.txt"
        postings.append(Posting(source=source, title=title, text=f"{title}\n\n{body}"))
        meta[source] = VacancyMeta(source, employer.id, employer.sector, pc4)
    return postings, meta


def make_employers(n: int, rng: random.Random) -> list[Employer]:
    near, _ = _places()
    found = []
    for index in range(n):
        sector = list(SECTORS)[index % len(SECTORS)]
        pc4, town = rng.choice(near)
        found.append(Employer(id=f"bench-werkgever-{index}", name=f"Werkgever {index} {town}",
                              sector=sector, city=town, pc4=pc4,
                              open_to_gap=rng.random() < 0.3))  # fmt: skip
    return found


def make_training(n: int, rng: random.Random, competency_ids: list[str]) -> list[TrainingPlace]:
    near, _ = _places()
    kinds = ("course", "work-experience", "volunteering")
    found = []
    for index in range(n):
        pc4, town = rng.choice(near)
        sector = rng.choice(list(SECTORS))
        found.append(TrainingPlace(
            id=f"bench-opleiding-{index}", title=f"Leerplek {sector} {index}",
            kind=kinds[index % 3], provider=f"Leerbedrijf {index % 17}",  # type: ignore[arg-type]
            description=f"Je leert het werk in de {sector} in {town}, {rng.choice(WHEN)}.",
            competencies_taught=tuple(rng.sample(competency_ids, 3)),
            duration=f"{rng.randint(4, 40)} weken", dutch_level=rng.choice((None, *LEVELS)),
            city=town, pc4=pc4, sector=sector,
        ))  # fmt: skip
    return found


def make_participants(n: int, seed_value: int) -> list[DemoParticipant]:
    from tests.factories import make_profiles

    rng = random.Random(seed_value)
    return [
        DemoParticipant(alias=f"deelnemer-{index}", profile=profile_from_dict(data),
                        organisation=ORGANISATIONS[index % 2], phase=rng.choice(PHASES))
        for index, data in enumerate(make_profiles(n, seed_value))
    ]  # fmt: skip


def _organisations(clients: int) -> list[DemoOrganisation]:
    per = max(1, (clients + 1) // 2)
    return [
        DemoOrganisation(id=slug, name=f"Stichting {slug}", city="Den Haag", staff=tuple(
            StaffAccount(email=f"jh{i}@{slug}.example", name=f"Job hunter {i}",
                         role="job_hunter", password=PASSWORD) for i in range(per)))
        for slug in ORGANISATIONS
    ]  # fmt: skip


def _extract_all(postings: list[Posting]) -> dict[str, dict[str, object]]:
    from jobmatch.services.extraction import extract_posting

    return {p.source: extract_posting(p).to_json() for p in postings}


def fill(url: str, schema: str, *, vacancies: int, participants: int, clients: int) -> World:
    from jobmatch.datafiles.lexicon import load_lexicon

    rng = random.Random(8)
    seconds: dict[str, float] = {}
    employers = make_employers(max(20, vacancies // 50), rng)
    postings, meta = make_vacancies(vacancies, 8, employers)
    started = time.perf_counter()
    parsed = _extract_all(postings)
    seconds["extract"] = time.perf_counter() - started
    started = time.perf_counter()
    organisations = _organisations(clients)
    people = make_participants(participants, 8)
    training = make_training(200, rng, sorted(load_lexicon().competencies))
    engine = make_engine(url)
    try:
        with Session(engine) as db:
            org_ids = seed.seed_organisations(db, organisations)
            employer_ids = seed.seed_employers(db, employers)
            seed.seed_vacancies(db, postings, meta, employer_ids, lambda p: parsed[p.source])
            seed.seed_training_places(db, training)
            seed.seed_participants(db, people, org_ids)
            db.commit()
            ids = _participant_ids(db, org_ids)
    finally:
        engine.dispose()
    seconds["insert"] = time.perf_counter() - started
    logins = [(a.email, org.id) for org in organisations for a in org.staff]
    return World(url, schema, org_ids, logins[:clients], ids, seconds)


def _participant_ids(db: Session, org_ids: dict[str, int]) -> dict[str, list[int]]:
    rows = db.connection().execute(text("SELECT id, organisation_id FROM participant"))
    by_org = {org_id: slug for slug, org_id in org_ids.items()}
    found: dict[str, list[int]] = {slug: [] for slug in org_ids}
    for pid, org_id in rows:
        found[by_org[org_id]].append(int(pid))
    return found


@contextmanager
def bench_schema() -> Iterator[tuple[str, str]]:
    """A fresh schema on the test database, migrated to head; dropped afterwards."""
    schema = f"bench_web_{uuid.uuid4().hex[:10]}"
    admin = make_engine(POSTGRES)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = f"{POSTGRES}?options=-csearch_path%3D{schema}"
        try:
            init_database(url=url)
            yield url, schema
        finally:
            with admin.begin() as connection:
                connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    finally:
        admin.dispose()

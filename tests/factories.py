"""Generated, varied participant profiles for tests (fictional people, realistic shapes).

`make_profiles(n, seed)` returns n profile dicts in the JSON of DESIGN.md §3 (plus the optional
`cv` choices). The same seed gives the same profiles. Names carry diacritics from Hungarian,
Romanian, Spanish, Portuguese, Thai, Dutch and English backgrounds; about half of the
profiles have `personal-services` experience whose raw title and notes must never reach a
document (they contain words a guard must catch, so a leak is visible in tests).
"""

from __future__ import annotations

import csv
import random
from pathlib import Path
from typing import Any

from jobmatch.domain.competencies import Competency, Lexicon

CORE_CSV = Path(__file__).resolve().parents[1] / "competencies" / "core-competencies.csv"

FIRST_NAMES = {
    "hu": ["Őrsi", "Réka", "Zsófia", "Krisztina", "Anikó", "Ildikó", "Tünde"],
    "ro": ["Ștefania", "Ioana", "Mihaela", "Alexandra", "Bianca", "Loredana"],
    "es": ["María José", "Lucía", "Ximena", "Begoña", "Nerea", "Inés"],
    "pt": ["Ana", "Conceição", "Gabriela", "Luíza", "Rosângela", "Thaís"],
    "th": ["Siriporn", "Nittaya", "Kanya", "Pim", "Ratchanee", "Malee"],
    "nl": ["IJsbrand", "Anouk", "Ĳsbrand", "Fenna", "Maaike", "Sanne", "Chantal"],
    "en": ["Chloe", "Shannon", "Jade", "Kayleigh", "Naomi", "Grace"],
}
LAST_NAMES = {
    "hu": ["Kovács", "Szabó", "Tóth", "Nagy", "Horváth", "Kiss", "Győri"],
    "ro": ["Popescu", "Țăranu", "Ionescu", "Dumitrescu", "Stănescu", "Munteanu"],
    "es": ["García Núñez", "Fernández", "Muñoz", "Ibáñez", "López"],
    "pt": ["Souza", "Gonçalves", "Araújo", "Conceição", "Simões", "Brandão"],
    "th": ["Srisawat", "Chaiyaphum", "Wongsakul", "Boonmee", "Thongchai"],
    "nl": ["van der Meer", "de Vries", "IJzerman", "Bakker", "van Dijk", "Çelik"],
    "en": ["O'Brien", "Smith", "McAllister", "Jones", "Whitfield"],
}
CITIES = [
    ("Den Haag", "2521"),
    ("Amsterdam", "1012"),
    ("Rotterdam", "3011"),
    ("Utrecht", "3511"),
    ("Eindhoven", "5611"),
    ("Groningen", "9711"),
    ("Arnhem", "6811"),
    ("Alkmaar", "1811"),
]
EXTRA_LANGUAGES = ["en", "es", "de", "fr", "ro", "hu", "pt", "ar", "tr", "pl", "bg", "ru"]

# Neutral, truthful evidence lines per core competency (what a participant would confirm).
EVIDENCE = {
    "gastvrijheid": "Ik ontvang mensen warm en zorg dat ze zich meteen welkom voelen.",
    "klantgerichtheid": "Ik vraag wat een klant nodig heeft en zorg dat die tevreden weggaat.",
    "mensenkennis": "Ik zie snel hoe iemand zich voelt en pas mijn aanpak daarop aan.",
    "inlevingsvermogen": "Ik begrijp goed wat mensen bezighoudt, ook als ze het niet zeggen.",
    "communicatie": "Ik leg dingen rustig en duidelijk uit, ook aan mensen met weinig Nederlands.",
    "luisteren": "Ik luister eerst goed en stel vragen voordat ik iets voorstel.",
    "onderhandelen": "Ik maakte zelf prijsafspraken, zodat het voor beide kanten klopte.",
    "verkopen": "Ik kan mijn diensten goed uitleggen en mensen overtuigen om terug te komen.",
    "tact": "Ik kan vriendelijk nee zeggen, zodat de ander zich toch gerespecteerd voelt.",
    "conflicthantering": "Bij boze of lastige mensen blijf ik kalm en zoek ik een oplossing.",
    "grenzen-stellen": "Ik zeg duidelijk wat wel en niet kan en houd me aan mijn eigen regels.",
    "samenwerken": "Ik werkte samen met collega's, verdeelde taken en viel in als dat nodig was.",
    "discretie": "Ik ga zorgvuldig om met privégegevens; wat mensen mij vertellen, blijft bij mij.",
    "representativiteit": "Ik zie er altijd verzorgd uit en presenteer me netjes.",
    "zorgzaamheid": "Ik zorgde voor een familielid en let goed op hoe het met anderen gaat.",
    "zelfstandigheid": "Ik werkte zelfstandig en nam mijn eigen beslissingen over mijn werk.",
    "flexibiliteit": "Ik werk zonder moeite op wisselende tijden, ook 's avonds en in het weekend.",
    "stressbestendigheid": "Als het druk is, blijf ik rustig en houd ik overzicht.",
    "doorzettingsvermogen": "Ik geef niet snel op; ik leerde een nieuwe taal naast mijn werk.",
    "betrouwbaarheid": "Ik ben altijd op tijd en kom mijn afspraken na.",
    "verantwoordelijkheid": "Ik was zelf verantwoordelijk voor mijn werk en mijn inkomsten.",
    "leervermogen": "Ik leer snel nieuwe dingen en volg graag een cursus.",
    "initiatief": "Ik zie zelf wat er moet gebeuren en pak het op zonder dat iemand het vraagt.",
    "creativiteit": "Ik bedenk graag nieuwe oplossingen als iets niet loopt zoals gepland.",
    "aanpassingsvermogen": "Ik verhuisde naar een nieuw land en vond daar zelf mijn weg.",
    "ondernemerschap": "Ik had mijn eigen onderneming en regelde klanten, prijzen en reclame zelf.",
    "plannen-organiseren": "Ik plande mijn eigen agenda en afspraken, vaak meerdere per dag.",
    "financieel-beheer": "Ik hield mijn eigen boekhouding bij en deed zelf mijn belastingaangifte.",
    "administratie": "Ik hield een overzicht bij van afspraken, bonnetjes en betalingen.",
    "nauwkeurigheid": "Ik werk precies en controleer mijn werk voordat ik het afgeef.",
    "resultaatgerichtheid": "Ik stel mezelf doelen voor elke week en werk daar gericht naartoe.",
    "leidinggeven": "Ik wees nieuwe collega's de weg en hielp hen op gang.",
    "probleemoplossend": "Als er iets misgaat, zoek ik snel een praktische oplossing.",
    "hygienisch-werken": "Ik werk schoon en volg hygiëneregels nauwkeurig.",
    "schoonmaken": "Ik hield ruimtes dagelijks grondig schoon en opgeruimd.",
    "uiterlijke-verzorging": "Ik doe make-up en haar, voor mezelf en voor anderen.",
    "fysieke-inzet": "Ik kan lang staan en lopen en vind lichamelijk werk geen probleem.",
    "digitale-vaardigheden": "Ik regel afspraken via apps en maak posts op sociale media.",
    "talenkennis": "Ik spreek meerdere talen en schakel makkelijk tussen talen.",
    "interculturele-vaardigheden": "Ik werk graag met mensen uit allerlei landen en culturen.",
}
PS_COMPETENCIES = [
    "gastvrijheid",
    "mensenkennis",
    "onderhandelen",
    "grenzen-stellen",
    "discretie",
    "ondernemerschap",
    "financieel-beheer",
    "flexibiliteit",
    "tact",
]
# Raw titles/notes a job hunter might type: they must never appear on a document.
PS_TITLES = ["Escort", "Werk in een club", "Raamwerk", "Privéhuis", "Sekswerk"]
PS_NOTES = [
    "Jaren in de prostitutie gewerkt, eerst via een bureau, later zelfstandig.",
    "Sex work in Amsterdam since 2014, own clients.",
    "Werkte in een privéhuis, deed ook de kassa.",
]
NEUTRAL_LINES = {
    "nl": "Zelfstandig ondernemer in de persoonlijke dienstverlening",
    "en": "Self-employed in personal services",
}
OTHER_EXPERIENCES = [
    ("Afwasser in een restaurant", "work", "Afwassen, keuken schoonhouden, helpen bij de bar."),
    ("Schoonmaker hotelkamers", "work", "Kamers schoonmaken en bedden opmaken."),
    ("Vrijwilliger voedselbank", "volunteer", "Pakketten inpakken en uitdelen."),
    ("Mantelzorg voor mijn moeder", "care", "Boodschappen, medicijnen en afspraken regelen."),
    ("Verkoopster in een kledingwinkel", "work", "Klanten helpen, kassa, kleding vouwen."),
    ("Eigen nagelstudio", "own-business", "Nagels en make-up aan huis, eigen klanten."),
    ("Au pair", "care", "Zorgde voor twee kinderen en het huishouden."),
    ("Serveerster op een terras", "work", "Bestellingen opnemen en afrekenen."),
]
EDUCATION = [
    ("Middelbare school", "", True),
    ("Kappersopleiding", "MBO 2", True),
    ("Entree-opleiding Horeca", "MBO 1", False),
    ("Cursus Excel voor beginners", "", True),
    ("Bachelor Economie", "HBO", True),
    ("Sociaal Hygiëne", "", True),
    ("EHBO", "", True),
]
NT2_COURSE = ("NT2-cursus Nederlands", "NT2 B1", False)
DIGITAL = ["Word", "Excel", "WhatsApp Business", "Instagram", "e-mail", "online agenda", "Canva"]
INTERESTS = ["koken", "wandelen", "fitness", "tekenen", "muziek", "tuinieren", "lezen", "dansen"]
SECTORS = ["horeca", "zorg", "schoonmaak", "retail", "beauty", "logistiek", "administratie"]


def _origin(rng: random.Random) -> str:
    return rng.choice(list(FIRST_NAMES))


def _languages(rng: random.Random, origin: str) -> list[dict[str, str]]:
    languages = [] if origin == "nl" else [{"language": origin, "level": "native"}]
    if origin == "nl":
        languages.append({"language": "nl", "level": "native"})
    else:
        languages.append({"language": "nl", "level": rng.choice(["A1", "A2", "A2", "B1", "B2"])})
    for extra in rng.sample(EXTRA_LANGUAGES, rng.randint(0, 2)):
        if all(item["language"] != extra for item in languages):
            languages.append({"language": extra, "level": rng.choice(["A2", "B1", "B2", "C1"])})
    return languages


def _experiences(rng: random.Random, personal_services: bool) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if personal_services:
        item: dict[str, Any] = {
            "title": rng.choice(PS_TITLES),
            "kind": "personal-services",
            "description": rng.choice(PS_NOTES),
        }
        if rng.random() < 0.5:
            item["neutral_line"] = NEUTRAL_LINES["nl"]
        found.append(item)
    for title, kind, description in rng.sample(OTHER_EXPERIENCES, rng.randint(0, 3)):
        found.append({"title": title, "kind": kind, "description": description})
    rng.shuffle(found)
    return found


def _competencies(rng: random.Random, personal_services: bool) -> list[dict[str, str]]:
    count = rng.choice([0, 2, 3, 5, 6, 8, 10]) if rng.random() < 0.9 else 1
    pool = list(EVIDENCE)
    chosen = rng.sample(PS_COMPETENCIES, min(3, count)) if personal_services else []
    for cid in rng.sample(pool, len(pool)):
        if len(chosen) >= count:
            break
        if cid not in chosen:
            chosen.append(cid)
    found = []
    for cid in chosen:
        item = {"id": cid, "evidence": EVIDENCE[cid] if rng.random() < 0.85 else ""}
        if rng.random() < 0.2:
            item["status"] = "suggested"
        found.append(item)
    return found


def _education(rng: random.Random, dutch_level: str) -> list[dict[str, Any]]:
    rows = rng.sample(EDUCATION, rng.randint(0, 3))
    if dutch_level in ("A1", "A2", "B1") and rng.random() < 0.7:
        rows.append(NT2_COURSE)
    return [{"title": t, "level": level, "completed": done} for t, level, done in rows]


def _cv_options(rng: random.Random) -> dict[str, Any] | None:
    if rng.random() < 0.4:
        return None
    options: dict[str, Any] = {
        "date_policy": "none",
        "show_contact": rng.choice([["email", "phone", "city"], ["email", "phone"], ["email"]]),
        "include_interests": rng.random() < 0.6,
    }
    if rng.random() < 0.7:
        options["gap_framing"] = rng.choice(["own-business", "family-care", "abroad", "decline"])
    return options


def make_profile(rng: random.Random, index: int) -> dict[str, Any]:
    """One varied profile; `index` only makes ids unique."""
    origin = _origin(rng)
    name = f"{rng.choice(FIRST_NAMES[origin])} {rng.choice(LAST_NAMES[origin])}"
    city, pc4 = rng.choice(CITIES)
    first = name.split(maxsplit=1)[0].lower()
    languages = _languages(rng, origin)
    dutch = next(item["level"] for item in languages if item["language"] == "nl")
    personal_services = rng.random() < 0.55
    profile: dict[str, Any] = {
        "name": name,
        "contact": {
            "email": f"{first}.{index}@example.org",
            "phone": f"06-{rng.randint(10_000_000, 99_999_999)}",
            "city": city,
            "postcode": f"{pc4}{rng.choice(['AB', 'KL', 'XZ', ''])}",
        },
        "languages": languages,
        "experiences": _experiences(rng, personal_services),
        "competencies": _competencies(rng, personal_services),
        "education": _education(rng, dutch),
        "preferences": {
            "sectors": rng.sample(SECTORS, rng.randint(1, 3)),
            "hours_min": 12,
            "hours_max": rng.choice([24, 32, 36]),
            "max_km": rng.choice([5, 10, 15, 25]),
            "avoid_shifts": rng.choice([[], ["night"], ["night", "weekend"]]),
        },
        "income_need_net_month": rng.choice([1100, 1300, 1500, 1800]),
        "digital_skills": rng.sample(DIGITAL, rng.randint(0, 4)),
        "interests": rng.sample(INTERESTS, rng.randint(0, 3)),
    }
    options = _cv_options(rng)
    if options is not None:
        profile["cv"] = options
    return profile


def make_profiles(n: int, seed: int) -> list[dict[str, Any]]:
    """n varied, realistic profile dicts; deterministic for a given seed."""
    rng = random.Random(seed)
    return [make_profile(rng, index) for index in range(n)]


def make_lexicon() -> Lexicon:
    """A small hand-made Lexicon of the 40 core ids (labels from the core CSV) for unit tests."""
    with CORE_CSV.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    competencies = {}
    for row in rows:
        cid = row["id"]
        competencies[cid] = Competency(
            id=cid,
            cluster=row["cluster"],
            label_nl=row["label_nl"],
            label_en=row["label_en"],
            definition_nl=f"{row['label_nl'].lower()} laten zien in je werk",
            definition_en=row["meaning"],
            evidence_nl=(f"Ik laat {row['label_nl'].lower()} zien in mijn werk.", EVIDENCE[cid]),
            evidence_en=(f"I show {row['label_en'].lower()} in my work.", row["meaning"] + "."),
        )
    return Lexicon(competencies)

"""`jobmatch rank` end to end: real files, the real extraction engine, click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from jobmatch.cli import main

HOTEL = """Kamermeisje hotel

Wat ga je doen?
Je maakt hotelkamers en badkamers schoon en zorgt dat gasten zich welkom voelen.
Je werkt hygiënisch en nauwkeurig.

Wat vragen wij?
- Je spreekt een beetje Nederlands (A2)
- 20 tot 32 uur per week
"""
OFFICE = """Administratief medewerker

Wat ga je doen?
Je verwerkt facturen en houdt de administratie bij in Excel. Je plant afspraken.

Wat vragen wij?
- MBO 4 diploma
- Goed Nederlands (B2)
- Rijbewijs B
"""
COURSE = """id = "hyg"
title = "Cursus hygiënisch werken"
kind = "course"
provider = "ROC Mondriaan"
level = "MBO-1"
competencies_taught = ["hygienisch-werken", "schoonmaken", "nauwkeurigheid"]
duration = "8 weken"
cost = "gratis"
city = "Den Haag"
pc4 = "2521"
description = "Je leert schoonmaken en hygiënisch werken in hotels en de zorg."
"""
EMPLOYERS = (
    "id,name,sector,city,pc4,open_to_gap,contact_name,contact_role,contact_email,"
    "contact_phone,notes\n"
    "zee,Hotel Zeezicht,horeca,Den Haag,2586,true,Ans,HR,a@example.org,070-1234567,\n"
    "kantoor,Kantoor & Co,kantoor,Utrecht,3511,false,Bo,HR,b@example.org,030-1234567,\n"
)


def profile(**extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": "Ana Lima",
        "contact": {"postcode": "2525", "city": "Den Haag"},
        "languages": [{"language": "nl", "level": "A2"}],
        "experiences": [
            {
                "title": "Kamers schoonmaken",
                "kind": "work",
                "description": "Ik maakte hotelkamers schoon en ontving gasten.",
            }
        ],
        "competencies": [
            {"id": "schoonmaken", "evidence": "Ik maakte elke dag twintig kamers schoon."},
            {"id": "gastvrijheid", "evidence": "Ik ontving gasten."},
        ],
        "preferences": {"max_km": 20},
    }
    data.update(extra)
    return data


@pytest.fixture
def folders(tmp_path: Path) -> Path:
    jobs = tmp_path / "jobs"
    jobs.mkdir()
    (jobs / "hotel.txt").write_text(HOTEL, encoding="utf-8")
    (jobs / "kantoor.txt").write_text(OFFICE, encoding="utf-8")
    training = tmp_path / "training"
    training.mkdir()
    (training / "hyg.toml").write_text(COURSE, encoding="utf-8")
    return tmp_path


def run(tmp: Path, data: Any, *args: str) -> Result:
    path = tmp / "p.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return CliRunner().invoke(main, ["rank", "--profile", str(path), *args])


def test_rank_json_without_meta(folders: Path) -> None:
    result = run(
        folders,
        profile(),
        "--vacancies",
        str(folders / "jobs"),
        "--training",
        str(folders / "training"),
        "--json",
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert next(r["source"] for r in rows) == "hotel.txt"
    assert {r["kind"] for r in rows} == {"vacancy", "training"}
    hotel = rows[0]
    assert "schoonmaken" in hotel["matched"] and 0 < hotel["score"] <= 1
    assert hotel["place"] is None or hotel["distance_km"] is not None
    office = next(r for r in rows if r["source"] == "kantoor.txt")
    assert any(w.startswith("Nederlands: gevraagd B2") for w in office["warnings"])
    assert any("Rijbewijs" in w for w in office["warnings"])
    course = next(r for r in rows if r["kind"] == "training")
    assert course["source"] == "hyg.toml" and any("gratis" in r for r in course["reasons"])


def test_rank_with_meta_employers_avoid_top_and_kind(folders: Path) -> None:
    jobs = folders / "jobs"
    (jobs / "meta.csv").write_text(
        "file,employer_id,sector,pc4\nhotel.txt,zee,horeca,2586\nkantoor.txt,kantoor,kantoor,3511\n",
        encoding="utf-8",
    )
    (folders / "employers.csv").write_text(EMPLOYERS, encoding="utf-8")
    rows = json.loads(run(folders, profile(), "--vacancies", str(jobs), "--json").stdout)
    hotel = rows[0]
    assert hotel["employer"] == "Hotel Zeezicht" and hotel["open_to_gap"] is True
    assert any("gat in hun cv" in r for r in hotel["reasons"])
    far = next(r for r in rows if r["source"] == "kantoor.txt")
    assert far["distance_km"] > 40 and any(w.startswith("Te ver") for w in far["warnings"])
    avoid = profile(avoid={"employers": ["HOTEL ZEEZICHT"], "places": []})
    rows = json.loads(run(folders, avoid, "--vacancies", str(jobs), "--json").stdout)
    assert [r["source"] for r in rows] == ["kantoor.txt"]
    avoid_place = profile(avoid={"places": ["utrecht"]})
    result = run(
        folders,
        avoid_place,
        "--vacancies",
        str(jobs),
        "--training",
        str(folders / "training"),
        "--top",
        "1",
        "--kind",
        "vacancy",
        "--json",
    )
    assert [r["source"] for r in json.loads(result.stdout)] == ["hotel.txt"]


def test_human_output_and_cache(folders: Path) -> None:
    cache = folders / "features.json"
    args = ("--vacancies", str(folders / "jobs"), "--cache", str(cache))
    first = run(folders, profile(), *args)
    assert first.exit_code == 0 and first.stdout.startswith("1. ")
    assert "Past bij jou" in first.stdout
    stored = json.loads(cache.read_text(encoding="utf-8"))
    assert len(stored["items"]) == 2
    second = run(folders, profile(), *args)
    assert second.stdout == first.stdout


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (profile(preferences={"hours_max": 500}), "preferences.hours_max"),
        (profile(income_need_net_month=-3), "income_need_net_month"),
        ("{not json", "geen geldige JSON / invalid JSON"),
        ("", "geen geldige JSON / invalid JSON"),
        (profile(competencies=[{"id": "toveren"}]), "Geldige ids / valid ids: aanpassingsvermogen"),
    ],
)
def test_bad_profiles_give_one_clear_message(folders: Path, data: Any, expected: str) -> None:
    result = run(folders, data, "--vacancies", str(folders / "jobs"), "--json")
    assert result.exit_code == 2
    assert expected in result.stderr and result.stderr.startswith("Fout / error")
    assert "Traceback" not in result.output + result.stderr


def test_bad_postings_empty_pool_unknown_postcode_and_weights(folders: Path) -> None:
    jobs = folders / "jobs"
    (jobs / "leeg.txt").write_text("Alleen een titel\n", encoding="utf-8")
    result = run(folders, profile(contact={"postcode": "0000"}), "--vacancies", str(jobs), "--json")
    assert result.exit_code == 0
    assert "overgeslagen" in result.stderr and "leeg.txt" in result.stderr
    rows = json.loads(result.stdout)
    assert len(rows) == 2 and all(r["distance_km"] is None for r in rows)
    assert all("Afstand onbekend." in r["warnings"] for r in rows)
    empty = folders / "empty"
    empty.mkdir()
    result = run(folders, profile(), "--vacancies", str(empty), "--json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    assert "Geen vacatures of opleidingsplaatsen" in result.stderr
    result = run(folders, profile(competencies=[]), "--vacancies", str(jobs), "--json")
    # issue 13: a profile without competencies ranks with those suggested from its experience
    assert "geen bevestigde competenties" in result.stderr and json.loads(result.stdout)
    result = run(folders, profile(), "--vacancies", str(jobs), "--weight", "tekst=2")
    assert result.exit_code == 2 and "onbekend gewicht / unknown weight" in result.stderr
    weights = folders / "w.toml"
    weights.write_text("[weights]\ntext = 0.9\ncompetency = 0.1\n", encoding="utf-8")
    result = run(
        folders,
        profile(),
        "--vacancies",
        str(jobs),
        "--weights",
        str(weights),
        "--weight",
        "sector=0",
        "--json",
    )
    assert result.exit_code == 0 and json.loads(result.stdout)


def test_missing_profile_file(folders: Path) -> None:
    result = CliRunner().invoke(
        main, ["rank", "--profile", str(folders / "nope.json"), "--vacancies", str(folders)]
    )
    assert result.exit_code == 2
    assert result.stderr.startswith("Fout / error: Profiel niet gevonden / profile not found")


# --- rank-participants: the job hunter's view of one vacancy --------------------------------

DEV = Path(__file__).resolve().parents[1] / "data"
CLEANING = "schoonmaker-kantoren-avond-denhaag.txt"  # Glansrijk Facilitair in dev meta.csv
AVOIDER = "ana-maria-ro-vermijdt-werkgever.json"  # avoid.employers = ["Glansrijk Facilitair"]


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("features") / "features.json"


def participants(cache: Path, vacancy: Path, profiles: Path, *args: str) -> Result:
    return CliRunner().invoke(
        main,
        [
            "rank-participants",
            "--vacancy",
            str(vacancy),
            "--profiles",
            str(profiles),
            "--cache",
            str(cache),
            *args,
        ],
    )


def test_participants_json_best_first_avoider_never_shown(cache: Path) -> None:
    result = participants(cache, DEV / "vacancies" / CLEANING, DEV / "profiles", "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    sources = [r["source"] for r in rows]
    everyone = sorted(p.name for p in (DEV / "profiles").glob("*.json"))
    assert AVOIDER not in sources and "Ana-Maria" not in result.stdout
    assert sorted(sources) == [name for name in everyone if name != AVOIDER]
    scores = [r["score"] for r in rows]
    assert scores == sorted(scores, reverse=True) and all(0 <= s <= 1 for s in scores)
    for row in rows:
        assert {"name", "matched", "missing", "warnings", "reasons"} <= row.keys()
    cleaners = [r for r in rows if "schoonmaken" in r["matched"]]
    assert cleaners and all("schoonmaken" in r["missing"] for r in rows if r not in cleaners)
    assert "1 deelnemer(s) niet getoond" in result.stderr


def test_participants_top_and_human_output(cache: Path) -> None:
    vacancy, profiles = DEV / "vacancies" / CLEANING, DEV / "profiles"
    best = json.loads(participants(cache, vacancy, profiles, "--json").stdout)[:2]
    result = participants(cache, vacancy, profiles, "--top", "2")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Vacature / vacancy: Schoonmaker kantoren")
    assert "(Glansrijk Facilitair)" in lines[0]
    numbered = [line for line in lines if line[:1].isdigit()]
    assert [line.split("[")[1].split("]")[0] for line in numbered] == [r["source"] for r in best]
    assert numbered[0].startswith(f"1. {best[0]['score']:.2f}  {best[0]['name']}")


def copy_profiles(target: Path, *names: str) -> Path:
    target.mkdir()
    for name in names:
        (target / name).write_bytes((DEV / "profiles" / name).read_bytes())
    return target


def test_avoid_via_meta_next_to_vacancy_and_avoided_place(tmp_path: Path, cache: Path) -> None:
    jobs = tmp_path / "jobs"
    jobs.mkdir()
    (jobs / "hotel.txt").write_text(HOTEL, encoding="utf-8")
    (jobs / "kantoor.txt").write_text(OFFICE, encoding="utf-8")
    (jobs / "meta.csv").write_text(
        "file,employer_id,sector,pc4\nhotel.txt,zee,horeca,2586\nkantoor.txt,kantoor,kantoor,3511\n",
        encoding="utf-8",
    )
    (tmp_path / "employers.csv").write_text(EMPLOYERS, encoding="utf-8")
    people = tmp_path / "people"
    people.mkdir()
    for name, extra in {
        "ana.json": {},
        "bea.json": {"name": "Bea", "avoid": {"employers": ["hotel zeezicht"]}},
        "cleo.json": {"name": "Cleo", "avoid": {"places": ["Den Haag"]}},
    }.items():
        (people / name).write_text(json.dumps(profile(**extra)), encoding="utf-8")
    result = participants(cache, jobs / "hotel.txt", people, "--json")
    assert result.exit_code == 0, result.output
    assert [r["source"] for r in json.loads(result.stdout)] == ["ana.json"]
    assert "2 deelnemer(s) niet getoond" in result.stderr
    office = json.loads(participants(cache, jobs / "kantoor.txt", people, "--json").stdout)
    assert sorted(r["name"] for r in office) == ["Ana Lima", "Bea", "Cleo"]


def test_broken_profile_is_named_and_the_others_still_ranked(tmp_path: Path, cache: Path) -> None:
    people = copy_profiles(tmp_path / "p", "eszter-hu-horeca.json", "sanne-nl-administratie.json")
    (people / "kapot.json").write_text("{not json", encoding="utf-8")
    (people / "toveraar.json").write_text(
        json.dumps(profile(competencies=[{"id": "toveren"}])), encoding="utf-8"
    )
    result = participants(cache, DEV / "vacancies" / CLEANING, people, "--json")
    assert result.exit_code == 0, result.output
    assert sorted(r["source"] for r in json.loads(result.stdout)) == [
        "eszter-hu-horeca.json",
        "sanne-nl-administratie.json",
    ]
    notes = result.stderr.splitlines()
    assert any("kapot.json" in n and "geen geldige JSON / invalid JSON" in n for n in notes)
    assert any("toveraar.json" in n and "unknown competency: toveren" in n for n in notes)
    assert all(n.startswith("Let op / note: profiel overgeslagen") for n in notes)
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        ("empty-dir", "Geen profielen (*.json) in"),
        ("all-broken", "Geen bruikbaar profiel in"),
        ("no-dir", "Map met profielen niet gevonden / folder not found"),
        ("no-vacancy", "Vacature niet gevonden / vacancy not found"),
        ("empty-vacancy", "leeg.txt"),
    ],
)
def test_participants_bad_input_one_clear_message(
    tmp_path: Path, cache: Path, setup: str, expected: str
) -> None:
    people = tmp_path / "people"
    vacancy = DEV / "vacancies" / CLEANING
    if setup != "no-dir":
        people.mkdir()
    if setup in ("all-broken", "no-vacancy", "empty-vacancy"):
        (people / "kapot.json").write_text("", encoding="utf-8")
    if setup in ("no-vacancy", "empty-vacancy"):
        copy_profiles(tmp_path / "good", "eszter-hu-horeca.json")
        people = tmp_path / "good"
        vacancy = tmp_path / ("leeg.txt" if setup == "empty-vacancy" else "nope.txt")
    if setup == "empty-vacancy":
        vacancy.write_text("\n\n", encoding="utf-8")
    result = participants(cache, vacancy, people, "--json")
    assert result.exit_code == 2, result.output
    last = result.stderr.splitlines()[-1]
    assert last.startswith("Fout / error:") and expected in last
    assert "Traceback" not in result.output + result.stderr

"""`jobmatch suggest` end to end through click's CliRunner and the console script."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from jobmatch.cli import main

PROFILE = {
    "name": "Maria Test",
    "experiences": [
        {
            "title": "Eigen werk",
            "kind": "personal-services",
            "description": "Ik ontving klanten, maakte zelf mijn afspraken en deed de boekhouding.",
        },
        {"title": "Verzorgingshuis", "kind": "volunteer", "description": "Ik hielp ouderen."},
    ],
    "competencies": [{"id": "gastvrijheid", "evidence": "Ik ontving gasten."}],
    "discovery": {"meer-talen": True},
}


def write(tmp_path: Path, data: object, name: str = "profiel.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_json_output(tmp_path: Path) -> None:
    code, out, _ = run("suggest", "--profile", str(write(tmp_path, PROFILE)), "--json")
    assert code == 0
    data = json.loads(out)
    ids = [item["id"] for item in data]
    assert len(ids) == len(set(ids))
    item = next(i for i in data if i["id"] == "plannen-organiseren")
    assert set(item) == {"id", "label", "strength", "sources", "evidence", "already_in_profile"}
    assert {"experience": 0, "title": "Eigen werk"} in item["sources"]
    assert item["evidence"]["nl"] and item["evidence"]["en"]
    assert next(i for i in data if i["id"] == "gastvrijheid")["already_in_profile"] is True
    assert {"question": "meer-talen"} in next(i for i in data if i["id"] == "talenkennis")[
        "sources"
    ]
    zorg = next(i for i in data if i["id"] == "zorgzaamheid")
    assert zorg["sources"][0] == {"experience": 1, "title": "Verzorgingshuis"}
    strengths = [i["strength"] for i in data]
    assert strengths == sorted(strengths, reverse=True)


def test_json_in_english_and_min_strength(tmp_path: Path) -> None:
    path = str(write(tmp_path, PROFILE))
    code, out, _ = run("suggest", "--profile", path, "--json", "--lang", "en")
    assert code == 0
    labels = {i["id"]: i["label"] for i in json.loads(out)}
    assert labels["zorgzaamheid"] == "Caring"
    code, out, _ = run("suggest", "--profile", path, "--json", "--min-strength", "0.9")
    assert code == 0
    assert json.loads(out) and all(i["strength"] >= 0.9 for i in json.loads(out))


def test_readable_dutch_list(tmp_path: Path) -> None:
    code, out, _ = run("suggest", "--profile", str(write(tmp_path, PROFILE)))
    assert code == 0
    assert out.startswith("Voorgestelde competenties")
    assert "Zorgzaamheid" in out and 'ervaring 2 "Verzorgingshuis"' in out
    assert "vraag meer-talen" in out
    assert "Staat al in het profiel: Gastvrijheid" in out
    assert "Neutrale regel voor het cv (ervaring 1):" in out
    assert "  - Zelfstandig ondernemer in de persoonlijke dienstverlening" in out
    assert not out.lstrip().startswith("[")


def test_unknown_question_is_a_note_not_an_error(tmp_path: Path) -> None:
    data = {**PROFILE, "discovery": {"bestaat-niet": True}}
    code, out, err = run("suggest", "--profile", str(write(tmp_path, data)), "--json")
    assert code == 0
    assert "bestaat-niet" in err
    json.loads(out)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "Bestand is leeg / file is empty"),
        ("{niet json", "geen geldige JSON / invalid JSON"),
        ({"name": "X", "competencies": [{"id": "toveren"}]}, "Onbekende competentie"),
        ({"name": "X", "experiences": [{"kind": "hobby"}]}, "experiences[0].kind"),
    ],
)
def test_bad_input_gives_one_clear_message(tmp_path: Path, content: object, expected: str) -> None:
    code, out, err = run("suggest", "--profile", str(write(tmp_path, content)), "--json")
    assert code == 2
    assert expected in err
    assert "Traceback" not in err + out
    assert out == ""


def test_unknown_competency_message_lists_valid_ids(tmp_path: Path) -> None:
    data = {"name": "X", "competencies": [{"id": "toveren"}]}
    _, _, err = run("suggest", "--profile", str(write(tmp_path, data)))
    assert "toveren" in err and "klantgerichtheid" in err


def test_console_script_runs(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("jobmatch")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "jobmatch.cli"]
    result = subprocess.run(
        [*command, "suggest", "--profile", str(write(tmp_path, PROFILE)), "--json"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert any(item["id"] == "discretie" for item in json.loads(result.stdout))


def test_questions_in_thai_and_as_json() -> None:
    code, out, _ = run("questions", "--lang", "th")
    assert code == 0
    first = out.splitlines()[0]
    assert first.startswith("klanten-ontvangen: ")
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in first)
    code, out, _ = run("questions", "--lang", "ro", "--json")
    data = json.loads(out)
    assert len(data) >= 25
    assert data[0] == {
        "id": "klanten-ontvangen",
        "text": "Primeai clienți sau oaspeți?",
        "nl": "Ontving je klanten of gasten?",
    }
    code, _, err = run("questions", "--lang", "xx")
    assert code == 2 and "xx" in err

"""Ranking service with hand-made extractions, the real lexicon, lemmatiser and postcodes."""

from __future__ import annotations

from typing import Any

import pytest

from jobmatch.domain.errors import UnknownCompetencyError
from jobmatch.domain.profile_json import profile_from_dict
from jobmatch.domain.profiles import Profile
from jobmatch.domain.vacancies import (
    AskedCompetency,
    Employer,
    Extraction,
    Opening,
    Posting,
    Requirements,
    TrainingPlace,
)
from jobmatch.services.matching import (
    Context,
    build_opening,
    make_context,
    rank_for_participant,
    rank_participants_for_opening,
)

CONTRACT = {"source", "title", "kind", "score", "matched", "missing", "reasons", "warnings"}


@pytest.fixture(scope="module")
def ctx() -> Context:
    return make_context()


def opening(
    source: str,
    title: str,
    text: str,
    asked: list[tuple[str, str]],
    employer: Employer | None = None,
    **req: Any,
) -> Opening:
    extraction = Extraction(
        source,
        title,
        tuple(AskedCompetency(c, c, imp, (f"woorden over {c}",)) for c, imp in asked),  # type: ignore[arg-type]
        Requirements(**req),
    )
    return build_opening(Posting(source, title, text), extraction, employer=employer)


HOTEL = Employer("e1", "Hotel Duinzicht", "horeca", "Den Haag", "2586", open_to_gap=True)
CLEAN = Employer("e2", "Schoon & Fris BV", "schoonmaak", "Delft", "2611")
FAR = Employer("e3", "Zorghuis Noord", "zorg", "Groningen", "9711")
OPENINGS = [
    opening(
        "gastvrouw.txt",
        "Gastvrouw hotel",
        "Als gastvrouw ontvang je gasten in ons hotel. Je bent gastvrij en klantgericht.",
        [("gastvrijheid", "must"), ("klantgerichtheid", "must"), ("talenkennis", "nice")],
        HOTEL,
        dutch_level="A2",
        hours_min=24,
        hours_max=32,
    ),
    opening(
        "schoonmaak.txt",
        "Schoonmaker kantoren",
        "Je maakt kantoren schoon in de avond. Hygiënisch werken is belangrijk.",
        [("schoonmaken", "must"), ("hygienisch-werken", "must")],
        CLEAN,
        shifts=("evening",),
        hours_min=12,
    ),
    opening(
        "zorg.txt",
        "Helpende zorg",
        "Je helpt ouderen in het verpleeghuis met zorg.",
        [("zorgzaamheid", "must"), ("hygienisch-werken", "nice")],
        FAR,
        dutch_level="B2",
        salary_min=1800,
        salary_unit="month",
        hours_min=32,
    ),
]
TRAINING = [
    TrainingPlace(
        "hyg",
        "Cursus hygiënisch werken",
        "course",
        "ROC Mondriaan",
        "Je leert hygiënisch werken en schoonmaken in de zorg en schoonmaak.",
        level="MBO-1",
        competencies_taught=("hygienisch-werken",),
        duration="8 weken",
        cost="gratis",
        funding="gemeente",
        city="Den Haag",
        pc4="2521",
        source="hyg.toml",
    ),
]


def ana(**extra: Any) -> Profile:
    data: dict[str, Any] = {
        "name": "Ana Lima",
        "contact": {"postcode": "2521", "city": "Den Haag"},
        "languages": [{"language": "nl", "level": "A2"}, {"language": "pt", "level": "native"}],
        "experiences": [
            {
                "title": "Gastvrouw",
                "kind": "work",
                "description": "Ik ontving gasten in een hotel en hielp klanten.",
            }
        ],
        "competencies": [
            {
                "id": "gastvrijheid",
                "evidence": "Ik ontving gasten en zorgde dat ze zich welkom voelden.",
            },
            {"id": "klantgerichtheid", "evidence": "Ik hielp klanten vriendelijk."},
            {"id": "schoonmaken", "status": "suggested"},
        ],
        "preferences": {"max_km": 25, "avoid_shifts": ["evening"], "sectors": ["horeca"]},
        "income_need_net_month": 1900,
    }
    data.update(extra)
    return profile_from_dict(data, source="ana.json")


def test_rank_best_first_with_contract_and_explanations(ctx: Context) -> None:
    result = rank_for_participant(profile=ana(), openings=OPENINGS, training=TRAINING, context=ctx)
    rows = result.to_json()
    assert next(r["source"] for r in rows) == "gastvrouw.txt"
    assert {r["kind"] for r in rows} == {"vacancy", "training"}
    assert all(set(r) >= CONTRACT and 0 <= r["score"] <= 1 for r in rows)
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    top = rows[0]
    assert top["matched"] == ["gastvrijheid", "klantgerichtheid"] and top["missing"] == [
        "talenkennis"
    ]
    assert top["open_to_gap"] and any("gat in hun cv" in r for r in top["reasons"])
    assert top["evidence"][0]["participant"].startswith("Ik ontving gasten")
    assert top["evidence"][0]["vacancy"] == "woorden over gastvrijheid"
    assert top["explanation"]["en"]["reasons"][0].startswith("Matches you: Hospitality")
    assert top["distance_km"] is not None and top["distance_km"] < 10


def test_warnings_route_and_reachable_after(ctx: Context) -> None:
    rows = {
        r["source"]: r
        for r in rank_for_participant(
            profile=ana(), openings=OPENINGS, training=TRAINING, context=ctx
        ).to_json()
    }
    clean = rows["schoonmaak.txt"]
    assert any("avond" in w for w in clean["warnings"])
    assert clean["route"][0]["missing"] == "hygienisch-werken"
    assert clean["route"][0]["training"] == ["Cursus hygiënisch werken"]
    care = rows["zorg.txt"]
    assert any(w.startswith("Te ver") for w in care["warnings"])
    assert any(w.startswith("Nederlands: gevraagd B2") for w in care["warnings"])
    assert any("minder dan je nodig hebt" in w for w in care["warnings"])
    assert rows["hyg.toml"]["reachable_after"] == ["schoonmaak.txt"]
    assert any("gratis" in r for r in rows["hyg.toml"]["reasons"])
    assert "Daarna beter bereikbaar: Schoonmaker kantoren." in rows["hyg.toml"]["reasons"]


def test_avoided_employer_and_place_are_never_shown(ctx: Context) -> None:
    profile = ana(avoid={"employers": ["hotel duinzicht"], "places": ["GRONINGEN"]})
    rows = rank_for_participant(profile=profile, openings=OPENINGS, context=ctx).to_json()
    assert [r["source"] for r in rows] == ["schoonmaak.txt"]


def test_kind_and_top(ctx: Context) -> None:
    only = rank_for_participant(
        profile=ana(), openings=OPENINGS, training=TRAINING, kind="training", context=ctx
    )
    assert [i.kind for i in only.items] == ["training"]
    top = rank_for_participant(profile=ana(), openings=OPENINGS, top=2, context=ctx)
    assert len(top.items) == 2


def test_unknown_competency_lists_valid_ids(ctx: Context) -> None:
    profile = ana(competencies=[{"id": "toveren"}])
    with pytest.raises(UnknownCompetencyError) as caught:
        rank_for_participant(profile=profile, openings=OPENINGS, context=ctx)
    assert "toveren" in str(caught.value) and "gastvrijheid" in str(caught.value)


def test_no_competencies_ranks_on_text_and_says_so(ctx: Context) -> None:
    result = rank_for_participant(
        profile=ana(competencies=[]), openings=OPENINGS, context=ctx, suggestions=False
    )
    assert result.items and result.items[0].source == "gastvrouw.txt"
    assert any("geen competenties" in nl for nl, _ in result.notes)


def test_empty_pool_and_unknown_postcode(ctx: Context) -> None:
    empty = rank_for_participant(profile=ana(), openings=[], context=ctx)
    assert empty.items == () and "Geen vacatures" in empty.notes[0][0]
    nowhere = ana(contact={"postcode": "0000"})
    rows = rank_for_participant(profile=nowhere, openings=OPENINGS, context=ctx).to_json()
    assert all(r["distance_km"] is None for r in rows)
    assert all("Afstand onbekend." in r["warnings"] for r in rows)


def test_participants_for_one_vacancy(ctx: Context) -> None:
    ben = profile_from_dict({"name": "Ben", "competencies": [{"id": "schoonmaken"}]})
    avoider = ana(name="Cleo", avoid={"employers": ["Hotel Duinzicht"]})
    ranked = rank_participants_for_opening(
        opening=OPENINGS[0], profiles=[ben, ana(), avoider], pool=OPENINGS, context=ctx
    )
    assert [p.name for p in ranked] == ["Ana Lima", "Ben"]
    assert ranked[0].score > ranked[1].score
    assert ranked[0].to_json()["matched"] == ["gastvrijheid", "klantgerichtheid"]


def test_participants_keep_their_source_names(ctx: Context) -> None:
    ben = profile_from_dict({"name": "Ben", "competencies": [{"id": "schoonmaken"}]})
    avoider = ana(name="Cleo", avoid={"employers": ["Hotel Duinzicht"]})
    ranked = rank_participants_for_opening(
        opening=OPENINGS[0],
        profiles=[ben, ana(), avoider],
        pool=OPENINGS,
        context=ctx,
        sources=["ben.json", "ana.json", "cleo.json"],
    )
    assert [(p.source, p.name) for p in ranked] == [("ana.json", "Ana Lima"), ("ben.json", "Ben")]
    with pytest.raises(ValueError, match="differ in length"):
        rank_participants_for_opening(
            opening=OPENINGS[0], profiles=[ben], context=ctx, sources=["a.json", "b.json"]
        )


def test_a_raw_profile_ranks_with_suggested_competencies_named_as_such(ctx: Context) -> None:
    profile = ana(competencies=[])
    result = rank_for_participant(profile=profile, openings=OPENINGS, context=ctx)
    assert any("geen bevestigde competenties" in nl for nl, _ in result.notes)
    top = result.items[0]
    assert top.matched, "suggested competencies take part in the ranking"
    assert any(r.startswith("Voorgesteld uit je ervaring, nog niet bevestigd") for r in top.reasons)
    assert not any(r.startswith("Past bij jou") for r in top.reasons)


def test_suggested_competencies_weigh_less_than_confirmed(ctx: Context) -> None:
    raw = rank_for_participant(profile=ana(competencies=[]), openings=OPENINGS, context=ctx)
    matched = raw.items[0].matched
    confirmed = ana(
        competencies=[{"id": cid, "evidence": "Dat deed ik elke dag."} for cid in matched]
    )
    sure = rank_for_participant(profile=confirmed, openings=OPENINGS, context=ctx)
    first = {i.source: i.parts["competency"] for i in raw.items}
    second = {i.source: i.parts["competency"] for i in sure.items}
    assert second[raw.items[0].source] > first[raw.items[0].source]


def test_explanations_speak_to_their_reader(ctx: Context) -> None:
    hunter = rank_participants_for_opening(
        opening=OPENINGS[0], profiles=[ana()], pool=OPENINGS, context=ctx
    )[0]
    assert any(r.startswith("Past bij de ervaring van de deelnemer") for r in hunter.reasons)
    assert not any("jou" in r.split(":")[0] for r in hunter.reasons)
    mine = rank_participants_for_opening(
        opening=OPENINGS[0], profiles=[ana()], pool=OPENINGS, context=ctx, audience="participant"
    )[0]
    assert any(r.startswith("Past bij jou") for r in mine.reasons)

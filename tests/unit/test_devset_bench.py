"""The issue-13 bench helpers: grades file, plain TF-IDF baseline, scoring with out-of-reach."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import devset
from bench.extraction_quality import devset_labels, side_by_side
from bench.extraction_quality import evaluate as evaluate_extraction
from bench.ranking_devset import mean, score
from jobmatch.domain.profiles import Experience, Profile


def test_missing_grades_file_gives_no_grades(tmp_path: Path) -> None:
    assert devset.read_grades(tmp_path / "grades.csv") == {}


def test_grades_are_read_per_profile(tmp_path: Path) -> None:
    path = tmp_path / "grades.csv"
    path.write_text("posting,profile,grade\nschoonmaker-a,anna,3\nadvocaat-b,anna,0\n")
    assert devset.read_grades(path) == {"anna": {"schoonmaker-a": 3, "advocaat-b": 0}}


def test_tfidf_baseline_ranks_the_matching_text_first() -> None:
    model = devset.TfidfBaseline().fit(
        {
            "kok": "Kok in een restaurantkeuken, koken en bakken, avonddiensten",
            "advocaat": "Advocaat arbeidsrecht, processtukken schrijven en procederen",
            "schoonmaak": "Schoonmaker kantoren, stofzuigen en toiletten schoonmaken",
        }
    )
    profile = Profile(name="Test", experiences=(Experience("Kok", "work", "koken en bakken"),))
    assert model.rank(devset.profile_text(profile))[0] == "kok"


def test_score_counts_out_of_reach_in_the_top_five() -> None:
    ranked = ["a", "b", "c", "d", "e", "f"]
    judged = {"a": 0, "b": 3, "f": 3}
    got = score(ranked, judged, oor={"a", "c", "f"})
    assert got["OOR@5"] == 2
    assert got["P@5"] == pytest.approx(0.2)
    assert 0 < got["nDCG@5"] < 1
    perfect = score(["b", "f", "a"], judged, oor=set())
    assert perfect["nDCG@5"] == pytest.approx(1.0)
    summary = mean({"x": got, "y": perfect})
    assert summary["OOR@5 max"] == 2 and summary["OOR@5 prof"] == 1


def test_extraction_bench_scores_a_part_of_the_devset() -> None:
    folder = devset.DEVSET / "tune"
    labels = devset_labels(folder)
    names = sorted(labels)[:3]
    scores = evaluate_extraction(folder, names, labels)
    rows = scores.rows()
    assert rows["postings"] == "3"
    lines = side_by_side({"a": scores, "b": scores})
    assert lines[1].startswith("postings") and len(lines) == len(rows) + 1


def test_weighted_kappa_is_one_for_full_agreement_and_lower_for_disagreement() -> None:
    from bench.agreement import weighted_kappa

    same = [(0, 0), (1, 1), (2, 2), (3, 3), (0, 0)]
    assert weighted_kappa(same) == pytest.approx(1.0)
    near = [(0, 1), (1, 1), (2, 3), (3, 3), (0, 0)]
    far = [(0, 3), (1, 1), (2, 0), (3, 0), (0, 0)]
    assert weighted_kappa(far) < weighted_kappa(near) < 1.0


def test_labeller_comparison_counts_shared_and_differing_ids() -> None:
    from bench.agreement import compare

    req = {"dutch_level": "B1", "shifts": ["weekend"]}
    a = {
        "x": {
            "competencies": {"must": ["schoonmaken", "flexibiliteit"], "nice": []},
            "requirements": req,
            "out_of_reach": False,
        }
    }
    b = {
        "x": {
            "competencies": {"must": ["schoonmaken"], "nice": ["talenkennis"]},
            "requirements": {**req, "dutch_level": "A2"},
            "out_of_reach": False,
        }
    }
    lines = "\n".join(compare(a, b))
    assert "competency F1 between labellers 0.500 (shared 1, only first 1, only second 1)" in lines
    assert "dutch_level      0.000" in lines and "shifts           1.000" in lines


def test_bench_pool_holds_every_training_file_text_and_toml(tmp_path: Path) -> None:
    from bench.ranking_devset import training_pool

    shipped = devset.DEVSET / "training"
    places, notes = training_pool(shipped)
    assert {Path(p.source).stem for p in places} == set(devset.training_texts(shipped))
    assert notes == []
    folder = tmp_path / "training"
    folder.mkdir()
    (folder / "nt2-avond.txt").write_text(
        "NT2 avondcursus\n\nNederlands leren op niveau A2, twee avonden per week, gratis.\n",
        encoding="utf-8",
    )
    toml = devset.ROOT / "tests" / "data" / "training" / "basis-kapper-mbo2-denhaag.toml"
    (folder / toml.name).write_bytes(toml.read_bytes())
    (folder / "foto.png").write_bytes(b"\x89PNG")
    places, notes = training_pool(folder)
    assert sorted(Path(p.source or p.id).stem for p in places) == [toml.stem, "nt2-avond"]
    assert any("foto.png" in n for n in notes)

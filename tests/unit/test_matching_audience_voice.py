"""Warnings and notes speak to the participant, and about her to the job hunter."""

from __future__ import annotations

from jobmatch.domain.explanation import in_voice

WRITTEN_TO_HER = [
    ("Nederlands: gevraagd B2, jouw niveau A2.", "Dutch: B2 asked, your level A2."),
    ("Te ver: ± 40 km, jouw maximum is 15 km.", "Too far: ± 40 km, your maximum is 15 km."),
    ("Uren: de vacature vraagt 38 uur per week, jij wilt 16-24.",
     "Hours: the posting asks 38 hours a week, you want 16-24."),
    ("Diensten die je liever niet doet: nacht.", "Shifts you prefer not to work: night."),
    ("Hier leer je: gastvrijheid.", "Here you learn: hospitality."),
]  # fmt: skip


def test_the_participant_reads_her_own_words_unchanged() -> None:
    for nl, en in WRITTEN_TO_HER:
        assert in_voice(nl, en, "participant") == (nl, en)


def test_the_job_hunter_reads_about_the_participant() -> None:
    for nl, en in WRITTEN_TO_HER:
        third_nl, third_en = in_voice(nl, en, "job_hunter")
        for second in (" je ", "jouw", "jij", "Hier leer je"):
            assert second not in f" {third_nl} ", third_nl
        for second in ("your", " you ", "Here you"):
            assert second not in f" {third_en} ", third_en
        assert "deelnemer" in third_nl and "participant" in third_en

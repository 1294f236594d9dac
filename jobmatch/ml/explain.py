"""Turn the ranker's numbers for one item into matched/missing ids, warnings, evidence side by
side, the route (training places that teach what is missing) and reachable vacancies."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import Any

import numpy as np

from jobmatch.domain.competencies import Lexicon
from jobmatch.domain.explanation import in_voice
from jobmatch.domain.matching import (
    Finding,
    competency_overlap,
    participant_strengths,
    training_findings,
    vacancy_findings,
)
from jobmatch.domain.ranking import (
    Audience,
    RankedItem,
    RankedParticipant,
    evidence_pairs,
    explain,
)
from jobmatch.domain.reach import reach_findings
from jobmatch.domain.vacancies import TrainingPlace
from jobmatch.ml.features import ItemFeatures
from jobmatch.ml.ranker import Query, Ranker

OPEN_TO_GAP = (
    "Deze werkgever staat open voor mensen met een gat in hun cv.",
    "This employer is open to people with a gap in their CV.",
)
SECTOR = ("Dit is een sector die je zoekt.", "This is a sector you are looking for.")
SECTOR_THEIRS = (
    "Dit is een sector die de deelnemer zoekt.",
    "This is a sector the participant is looking for.",
)
NOTHING_ASKED = (
    "In de tekst staan geen duidelijke competenties; de score komt uit tekst en voorwaarden.",
    "The text names no clear competencies; the score comes from text and conditions.",
)


class Explainer:
    def __init__(
        self,
        ranker: Ranker,
        query: Query,
        parts: Mapping[str, np.ndarray],
        lexicon: Lexicon,
        training: Sequence[TrainingPlace],
        *,
        audience: Audience = "participant",
    ) -> None:
        """`audience`: explanations in the second person for the participant, in the third
        person for the job hunter (rank-participants)."""
        self.audience: Audience = audience
        self.suggested = {c.id for c in query.profile.competencies if c.status == "suggested"} - {
            c.id for c in query.profile.competencies if c.status == "confirmed"
        }
        self.ranker = ranker
        self.query = query
        self.parts = parts
        self.labels = {c.id: (c.label_nl, c.label_en) for c in lexicon}
        self.strengths = participant_strengths(query.profile, ranker.weights_)
        self.mine = {c.id: c.evidence for c in query.profile.competencies}
        self.places = {p.source or p.id: p for p in training}

    def _out_of_reach(self, i: int) -> bool:
        return bool(self.parts["out_of_reach"][i]) if "out_of_reach" in self.parts else False

    def _km(self, i: int) -> float | None:
        km = float(self.parts["km"][i])
        return None if math.isnan(km) else km

    def _findings(self, item: ItemFeatures, i: int) -> list[Finding]:
        w, profile = self.ranker.weights_, self.query.profile
        if item.kind == "training":
            return training_findings(profile, item.requirements.dutch_level, self._km(i), w)
        return [
            *reach_findings(profile, item.demand, w),
            *vacancy_findings(
                profile,
                item.requirements,
                self._km(i),
                w,
                item.languages,
                remote=bool(self.ranker.remote_[i]),
            ),
        ]

    @cached_property
    def _trainings(self) -> list[int]:
        scores = self.parts["score"]
        found = np.flatnonzero(self.ranker.kind_training_ & (scores >= 0))
        return [int(i) for i in found[np.argsort(-scores[found], kind="stable")]]

    def _reachable(self, taught: set[str]) -> list[int]:
        """Vacancies whose missing 'must' competencies this training teaches, all of them."""
        r = self.ranker
        has = np.array([c in self.strengths for c in r.ids_], dtype=bool)
        teaches = np.array([c in taught for c in r.ids_], dtype=bool)
        missing = r.must_ & ~has
        ok = (self.parts["score"] >= 0) & ~r.kind_training_ & missing.any(axis=1)
        ok &= ~(missing & ~teaches).any(axis=1)
        return [int(i) for i in np.flatnonzero(ok)]

    def _route(self, missing: Sequence[str]) -> list[dict[str, Any]]:
        steps = []
        for cid in missing:
            teach = [i for i in self._trainings if cid in self.ranker.items_[i].taught][:2]
            if teach:
                label = self.labels.get(cid, (cid, cid))
                steps.append(
                    {
                        "missing": cid,
                        "label_nl": label[0],
                        "label_en": label[1],
                        "training": [self.ranker.items_[i].title for i in teach],
                        "sources": [self.ranker.items_[i].source for i in teach],
                    }
                )
        return steps

    def _reach_route(self, item: ItemFeatures) -> list[str]:
        """Training places on the way to an out-of-reach vacancy: same sector, or teaching
        what it asks; best scored first, at most two."""
        asked = {c.id for c in item.asked}
        items = self.ranker.items_
        return [
            items[t].title
            for t in self._trainings
            if (item.sector and items[t].sector == item.sector) or asked & set(items[t].taught)
        ][:2]

    def _vacancy_parts(
        self, item: ItemFeatures, i: int
    ) -> tuple[tuple[str, ...], tuple[str, ...], list[tuple[str, str]]]:
        _, matched, missing = competency_overlap(
            self.strengths, item.asked, self.ranker.idf_, self.ranker.weights_, self.ranker.prior_
        )
        notes = [] if item.asked else [NOTHING_ASKED]
        if self._out_of_reach(i):
            route = ", ".join(self._reach_route(item))
            if route:
                notes.append((f"Route erheen: {route}.", f"A route towards it: {route}."))
        if item.open_to_gap:
            notes.append(OPEN_TO_GAP)
        return matched, missing, notes

    def _training_parts(
        self, item: ItemFeatures, i: int
    ) -> tuple[tuple[str, ...], tuple[str, ...], list[tuple[str, str]], tuple[str, ...]]:
        taught = set(item.taught)
        learn = tuple(c for c in item.taught if c not in self.strengths)
        found = self._reachable(taught)
        items = self.ranker.items_
        reach = tuple(items[i].source for i in found)
        place = self.places.get(item.source)
        notes = []
        if learn:
            names = ", ".join(self.labels.get(c, (c, c))[0] for c in learn)
            names_en = ", ".join(self.labels.get(c, (c, c))[1] for c in learn)
            notes.append((f"Hier leer je: {names}.", f"Here you learn: {names_en}."))
        if place is not None:
            notes.append(_training_facts(place))
        if reach:
            shown = ", ".join(items[i].title for i in found[:3])  # not a map of the whole pool
            more = f" (+{len(reach) - 3})" if len(reach) > 3 else ""
            notes.append(
                (
                    f"Daarna beter bereikbaar: {shown}{more}.",
                    f"Afterwards within reach: {shown}{more}.",
                )
            )
        return tuple(c for c in item.taught if c in self.strengths), learn, notes, reach

    def _texts(self, item: ItemFeatures, i: int) -> dict[str, Any]:
        """matched, missing, reasons (nl, en), evidence, route, reachable_after."""
        reach: tuple[str, ...] = ()
        route: list[dict[str, Any]] = []
        if item.kind == "training":
            matched, missing, notes, reach = self._training_parts(item, i)
        else:
            matched, missing, notes = self._vacancy_parts(item, i)
            route = self._route(missing)
        if self.parts["sector"][i] > 0:
            notes.append(SECTOR if self.audience == "participant" else SECTOR_THEIRS)
        theirs = {c.id: c.evidence for c in item.asked}
        pairs = evidence_pairs(matched, self.mine, theirs, self.labels)
        reasons, reasons_en = explain(
            matched=matched,
            missing=missing if item.kind == "vacancy" else (),
            labels=self.labels,
            pairs=pairs,
            route=route,
            notes=notes,
            training=item.kind == "training",
            suggested=self.suggested,
            audience=self.audience,
        )
        return {
            "matched": matched,
            "missing": missing,
            "reasons": reasons,
            "reasons_en": reasons_en,
            "evidence": pairs,
            "route": tuple(route),
            "reachable_after": reach,
        }

    def item(self, i: int) -> RankedItem:
        item = self.ranker.items_[i]
        voiced = [in_voice(f.nl, f.en, self.audience) for f in self._findings(item, i)]
        return RankedItem(
            source=item.source,
            title=item.title,
            kind="training" if item.kind == "training" else "vacancy",
            score=float(self.parts["score"][i]),
            warnings=tuple(nl for nl, _en in voiced),
            warnings_en=tuple(en for _nl, en in voiced),
            employer=item.employer,
            place=item.place or None,
            distance_km=self._km(i),
            open_to_gap=item.open_to_gap,
            parts={k: round(float(self.parts[k][i]), 4) for k in ("competency", "text", "factor")},
            reachable=not self._out_of_reach(i),
            **self._texts(item, i),
        )

    def participant(self, i: int, source: str | None = None) -> RankedParticipant:
        ranked = self.item(i)
        return RankedParticipant(
            source=self.query.profile.name if source is None else source,
            name=self.query.profile.name,
            score=ranked.score,
            matched=ranked.matched,
            missing=ranked.missing,
            reasons=ranked.reasons,
            warnings=ranked.warnings,
            reasons_en=ranked.reasons_en,
            warnings_en=ranked.warnings_en,
            distance_km=ranked.distance_km,
        )


def _training_facts(place: TrainingPlace) -> tuple[str, str]:
    facts_nl = [place.level, place.duration, place.provider, place.city]
    facts_en = list(facts_nl)
    if place.cost or place.funding:
        funding = f" ({place.funding})" if place.funding and place.funding != place.cost else ""
        facts_nl.append(f"kosten: {place.cost or '?'}{funding}")
        facts_en.append(f"cost: {place.cost or '?'}{funding}")
    if place.start_moments:
        facts_nl.append(f"start: {', '.join(place.start_moments)}")
        facts_en.append(f"starts: {', '.join(place.start_moments)}")
    if place.dutch_level:
        facts_nl.append(f"Nederlands nodig: {place.dutch_level}")
        facts_en.append(f"Dutch needed: {place.dutch_level}")
    return "; ".join(f for f in facts_nl if f) + ".", "; ".join(f for f in facts_en if f) + "."

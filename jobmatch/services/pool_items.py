"""How a pool becomes rankable rows: an Opening from a posting + extraction + meta, and one
ItemFeatures per opening or training place (lemmas, place, level of work). Used by
services/matching.py; split from it to keep each module small."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from jobmatch.domain.geo import Pc4Index, Point
from jobmatch.domain.matching import languages_required
from jobmatch.domain.profiles import Profile
from jobmatch.domain.reach import posting_demand
from jobmatch.domain.vacancies import Employer, Extraction, Opening, Posting, TrainingPlace
from jobmatch.ml.features import ItemFeatures

if TYPE_CHECKING:
    from jobmatch.services.matching import Context


def build_opening(
    posting: Posting,
    extraction: Extraction,
    *,
    employer: Employer | None = None,
    sector: str | None = None,
    pc4: str | None = None,
) -> Opening:
    """An Opening from a posting, what extraction found, and (optional) meta and employer."""
    return Opening(
        posting=posting,
        extraction=extraction,
        employer=employer.name if employer else None,
        employer_id=employer.id if employer else None,
        sector=sector or (employer.sector if employer else None),
        pc4=pc4 or (employer.pc4 if employer else None),
        open_to_gap=employer.open_to_gap if employer else False,
    )


def participant_text(profile: Profile) -> str:
    """What the participant did, in their words: experiences, evidence, interests."""
    parts = [f"{e.title}. {e.description}" for e in profile.experiences]
    parts += [c.evidence for c in profile.competencies if c.evidence]
    parts += list(profile.interests) + list(profile.preferences.sectors)
    return "\n".join(p for p in parts if p.strip())


def _locate(geo: Pc4Index, pc4: str | None, city: str | None) -> Point | None:
    return geo.locate(pc4=pc4, city=city)


def opening_item(
    opening: Opening, lemmas: str, geo: Pc4Index, levels: Mapping[str, int] | None = None
) -> ItemFeatures:
    city = opening.extraction.location
    point = _locate(geo, opening.pc4, city)
    posting = opening.posting
    reqs = opening.extraction.requirements
    return ItemFeatures(
        source=opening.posting.source,
        title=opening.posting.title,
        kind="vacancy",
        text=lemmas,
        asked=opening.extraction.competencies,
        requirements=opening.extraction.requirements,
        lat=point.lat if point else None,
        lon=point.lon if point else None,
        place=point.municipality if point else (city or ""),
        employer=opening.employer,
        sector=opening.sector,
        open_to_gap=opening.open_to_gap,
        raw_text=opening.posting.text,
        languages=languages_required(opening.posting.title, opening.posting.text),
        demand=posting_demand(posting.title, posting.text, reqs, levels or {}),
    )


def training_posting(place: TrainingPlace) -> Posting:
    return Posting(place.source or place.id, place.title, place.description, kind="training")


def training_item(place: TrainingPlace, lemmas: str, geo: Pc4Index) -> ItemFeatures:
    from jobmatch.domain.vacancies import Requirements

    point = _locate(geo, place.pc4, place.city)
    return ItemFeatures(
        source=place.source or place.id,
        title=place.title,
        kind="training",
        text=lemmas,
        taught=place.competencies_taught,
        requirements=Requirements(dutch_level=place.dutch_level),
        level=place.level,
        lat=point.lat if point else None,
        lon=point.lon if point else None,
        place=point.municipality if point else place.city,
        employer=place.provider,
        sector=place.sector,
        raw_text=place.description,
    )


def pool_items(
    ctx: Context, openings: Sequence[Opening], training: Sequence[TrainingPlace]
) -> list[ItemFeatures]:
    items = [
        opening_item(
            o, ctx.store.get(o.posting, lemmatize=ctx.lemmatize).lemmas, ctx.geo, ctx.levels
        )
        for o in openings
    ]
    for place in training:
        lemmas = ctx.store.get(training_posting(place), lemmatize=ctx.lemmatize).lemmas
        items.append(training_item(place, lemmas, ctx.geo))
    return items

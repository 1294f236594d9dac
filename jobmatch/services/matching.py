"""Use cases: rank vacancies and training places for a participant, and participants for a
vacancy. Builds Opening objects from postings + extraction + meta + employers."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from jobmatch.domain.competencies import Lexicon
from jobmatch.domain.errors import UnknownCompetencyError
from jobmatch.domain.geo import Pc4Index
from jobmatch.domain.profiles import Profile
from jobmatch.domain.ranking import Audience, RankedItem, RankedParticipant, Weights
from jobmatch.domain.vacancies import Employer, Extraction, Opening, Posting, TrainingPlace
from jobmatch.ml.explain import Explainer
from jobmatch.ml.features import FeatureStore, Lemmatizer
from jobmatch.ml.ranker import Ranker
from jobmatch.services.pool_cache import fitted_ranker, pool_key
from jobmatch.services.pool_items import (
    build_opening,
    opening_item,
    participant_text,
    pool_items,
    training_item,
    training_posting,
)
from jobmatch.services.raw_profiles import with_suggestions

__all__ = [
    "Context",
    "Kind",
    "OpeningMeta",
    "Pool",
    "RankingResult",
    "build_opening",
    "check_competencies",
    "default_lemmatizer",
    "make_context",
    "opening_item",
    "openings_from_postings",
    "participant_text",
    "pool_items",
    "rank_for_participant",
    "rank_participants_for_opening",
    "rank_pool",
    "training_item",
    "training_posting",
]

Kind = Literal["vacancy", "training", "all"]
Note = tuple[str, str]
NO_COMPETENCIES: Note = (
    "Je profiel heeft nog geen competenties: de volgorde komt uit je ervaring en je wensen.",
    "Your profile has no competencies yet: the order comes from your experience and wishes.",
)
ONLY_SUGGESTED: Note = (
    "Je profiel heeft nog geen bevestigde competenties: de volgorde gebruikt competenties die"
    " we voorstellen op basis van je ervaring. Bevestig ze samen met je jobhunter.",
    "Your profile has no confirmed competencies yet: the order uses competencies suggested"
    " from your experience. Confirm them with your job hunter.",
)
EMPTY_POOL: Note = (
    "Geen vacatures of opleidingsplaatsen om te vergelijken.",
    "No vacancies or training places to compare.",
)


@dataclass(frozen=True)
class RankingResult:
    items: tuple[RankedItem, ...]
    notes: tuple[Note, ...] = ()

    def to_json(self) -> list[dict[str, Any]]:
        return [item.to_json() for item in self.items]


def default_lemmatizer() -> Lemmatizer:
    from jobmatch.nlp.lemmatize import lemmatize

    return lemmatize


@dataclass
class Context:
    """What ranking needs besides the participant: lexicon, postcodes, cache, lemmatiser."""

    lexicon: Lexicon
    geo: Pc4Index
    store: FeatureStore
    lemmatize: Lemmatizer
    levels: Mapping[str, int] = field(default_factory=dict)  # occupation word -> ISCO level

    @property
    def key(self) -> tuple[int, ...]:
        """What the fitted pool depends on besides the pool: these objects (rules change ->
        new objects; datafiles loaders cache them per process)."""
        return (id(self.lexicon), id(self.geo), id(self.levels), id(self.lemmatize))


def make_context(
    *,
    lexicon: Lexicon | None = None,
    geo: Pc4Index | None = None,
    store: FeatureStore | None = None,
    lemmatize: Lemmatizer | None = None,
    levels: Mapping[str, int] | None = None,
) -> Context:
    if levels is None:
        from jobmatch.datafiles.occupations import load_occupation_levels

        levels = load_occupation_levels()
    if lexicon is None:
        from jobmatch.datafiles.lexicon import load_lexicon

        lexicon = load_lexicon()
    if geo is None:
        from jobmatch.datafiles.geo import load_pc4_index

        geo = load_pc4_index()
    if store is None:
        from jobmatch.datafiles.fingerprint import rules_fingerprint

        store = FeatureStore(rules=rules_fingerprint())
    return Context(
        lexicon,
        geo,
        store,
        lemmatize or default_lemmatizer(),
        levels,
    )


def check_competencies(profile: Profile, lexicon: Lexicon) -> None:
    unknown = lexicon.unknown(profile.competency_ids)
    if unknown and len(lexicon):
        raise UnknownCompetencyError(unknown, lexicon.ids)


def _query(ranker: Ranker, ctx: Context, profile: Profile) -> Any:
    point = ctx.geo.locate(pc4=profile.contact.pc4, city=profile.contact.city or None)
    text = " ".join(ctx.lemmatize(participant_text(profile)))
    avoid = frozenset(ctx.geo.key(p) for p in profile.avoid.places if p.strip())
    return ranker.query(
        profile,
        text,
        lat=point.lat if point else None,
        lon=point.lon if point else None,
        avoid_places=avoid,
    )


def rank_for_participant(
    *,
    profile: Profile,
    openings: Sequence[Opening],
    training: Sequence[TrainingPlace] = (),
    weights: Weights | None = None,
    top: int | None = None,
    kind: Kind = "all",
    context: Context | None = None,
    suggestions: bool = True,
    pool_version: str | None = None,
    audience: Audience = "participant",
    wanted: Callable[[RankedItem], bool] | None = None,
) -> RankingResult:
    """Vacancies and/or training places for one participant, best first, with explanations.

    The ranker is fitted once per pool (openings, training places, weights, rules) and reused
    (services/pool_cache.py). Competencies suggested from the experiences and discovery
    answers take part, weighted below confirmed ones, unless `suggestions=False`.
    `pool_version`: when the caller knows the version of its pool (e.g. a database revision),
    the pool is found by it instead of by hashing its content. `wanted`: a filter on the
    explained items (a page's sector or distance filter); items are explained best first only
    until `top` are kept, so a page of 30 does not explain the whole pool."""
    ctx = context or make_context()
    check_competencies(profile, ctx.lexicon)
    notes: list[Note] = []
    if suggestions:
        profile = with_suggestions(profile, ctx.lexicon)
    if not profile.competencies:
        notes.append(NO_COMPETENCIES)
    elif not any(c.status == "confirmed" for c in profile.competencies):
        notes.append(ONLY_SUGGESTED)
    key = (
        ("version", pool_version, weights or Weights(), ctx.key)
        if pool_version is not None
        else pool_key(openings, training, weights, ctx.key)
    )
    keep = (ctx.lexicon, ctx.geo, ctx.levels, ctx.lemmatize)
    ranker = fitted_ranker(key, lambda: pool_items(ctx, openings, training), weights, keep)
    if ranker is None:
        return RankingResult((), (EMPTY_POOL,))
    query = _query(ranker, ctx, profile)
    parts = ranker.score(query)
    order = ranker.rank(query, top=top if wanted is None else None, kind=kind, parts=parts)
    explainer = Explainer(ranker, query, parts, ctx.lexicon, training, audience=audience)
    return RankingResult(_explained(explainer, order, wanted, top), tuple(notes))


def _explained(
    explainer: Explainer,
    order: list[int],
    keep: Callable[[RankedItem], bool] | None,
    top: int | None,
) -> tuple[RankedItem, ...]:
    if keep is None:
        return tuple(explainer.item(i) for i in order)
    found: list[RankedItem] = []
    for i in order:
        if top is not None and len(found) >= top:
            break
        item = explainer.item(i)
        if keep(item):
            found.append(item)
    return tuple(found)


def rank_participants_for_opening(
    *,
    opening: Opening,
    profiles: Sequence[Profile],
    pool: Sequence[Opening] = (),
    weights: Weights | None = None,
    top: int | None = None,
    context: Context | None = None,
    sources: Sequence[str] | None = None,
    audience: Audience = "job_hunter",
) -> list[RankedParticipant]:
    """Participants for one vacancy, best first. Those who avoid the employer or place are
    left out. `pool` (other vacancies) only sets how rare each competency is (and the text
    weights). `sources` (e.g. file names, same order as `profiles`) become each result's
    `source`; without them the source is the participant's name. `audience`: who reads the
    explanations (the job hunter by default: third person)."""
    if sources is not None and len(sources) != len(profiles):
        raise ValueError("sources and profiles differ in length")
    ctx = context or make_context()
    others = [o for o in pool if o.posting.source != opening.posting.source]
    ranker = Ranker(weights=weights).fit(pool_items(ctx, [opening, *others], ()))
    found = []
    for n, profile in enumerate(profiles):
        check_competencies(profile, ctx.lexicon)
        query = _query(ranker, ctx, profile)
        parts = ranker.score(query)
        if parts["score"][0] < 0:
            continue
        explainer = Explainer(ranker, query, parts, ctx.lexicon, (), audience=audience)
        found.append(explainer.participant(0, source=sources[n] if sources else None))
    found.sort(key=lambda p: (-p.score, p.name))
    return found[:top] if top is not None else found


@dataclass(frozen=True)
class Pool:
    """Openings and training places as domain objects (the web builds them from database rows),
    with the version of that pool when the caller knows it."""

    openings: tuple[Opening, ...]
    training: tuple[TrainingPlace, ...] = ()
    version: str | None = None


def rank_pool(
    *,
    profile: Profile,
    pool: Pool,
    weights: Weights | None = None,
    top: int | None = None,
    kind: Kind = "all",
    context: Context | None = None,
    audience: Audience = "participant",
    wanted: Callable[[RankedItem], bool] | None = None,
) -> RankingResult:
    """The one ranking entry point for a page or a command: the same as
    `rank_for_participant`, on a pool given as domain objects."""
    return rank_for_participant(
        audience=audience,
        wanted=wanted,
        profile=profile,
        openings=pool.openings,
        training=pool.training,
        weights=weights,
        top=top,
        kind=kind,
        context=context,
        pool_version=pool.version,
    )


ExtractFn = Callable[[Posting], Extraction]


@dataclass(frozen=True)
class OpeningMeta:
    """Where a posting is and who offers it (a row of meta.csv, resolved)."""

    employer: Employer | None = None
    sector: str | None = None
    pc4: str | None = None


def openings_from_postings(
    postings: Sequence[Posting],
    *,
    extract: ExtractFn,
    meta: Mapping[str, OpeningMeta] | None = None,
    store: FeatureStore | None = None,
    lemmatize: Lemmatizer | None = None,
) -> list[Opening]:
    """Openings from raw postings: extraction (cached by content) plus optional meta by file.
    Without meta the place comes from the extraction's location (a city)."""
    store = FeatureStore() if store is None else store
    lemmatize = lemmatize or default_lemmatizer()
    openings = []
    for posting in postings:
        extraction = store.get(posting, lemmatize=lemmatize, extract=extract).extraction
        row = (meta or {}).get(posting.source, OpeningMeta())
        openings.append(
            build_opening(
                posting,
                extraction or extract(posting),
                employer=row.employer,
                sector=row.sector,
                pc4=row.pc4,
            )
        )
    return openings

"""Raw profiles (issue 13 class 3): for a profile without confirmed competencies, those
suggested from the participant's experiences and discovery answers take part in the ranking,
weighted below confirmed ones (`Weights.suggested`), and the explanation names them as
suggested, not confirmed.

A profile as it arrives at the first meeting has no confirmed competencies, yet its experiences
say a lot; ranking on text alone served it badly (issue 13: nDCG@5 0.05).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace

from jobmatch.domain.competencies import Lexicon
from jobmatch.domain.discovery import Suggestion
from jobmatch.domain.profiles import Profile, ProfileCompetency

MIN_STRENGTH = (
    0.45  # suggestions weaker than this stay out of the ranking (see docs/suggestions.md)
)
MAX_SUGGESTED = 8  # at most this many suggested competencies take part
_CACHE_SIZE = 256
_cache: OrderedDict[str, tuple[ProfileCompetency, ...]] = OrderedDict()


def _key(profile: Profile) -> str:
    answers = sorted((k, bool(v)) for k, v in profile.discovery.items())
    return repr((profile.experiences, answers, profile.competency_ids))


def suggested_competencies(profile: Profile, lexicon: Lexicon) -> tuple[ProfileCompetency, ...]:
    """The strongest suggestions the profile does not list yet, as 'suggested' competencies
    (cached per experiences + answers, bounded)."""
    key = _key(profile)
    if key in _cache:
        _cache.move_to_end(key)
        return _cache[key]
    from jobmatch.services.suggestions import suggest_competencies

    found = tuple(
        ProfileCompetency(s.id, s.evidence_nl, status="suggested")
        for s in suggest_competencies(profile=profile, lexicon=lexicon)
        if not s.already_in_profile and s.strength >= MIN_STRENGTH and _in_own_words(s, profile)
    )[:MAX_SUGGESTED]
    _cache[key] = found
    if len(_cache) > _CACHE_SIZE:
        _cache.popitem(last=False)
    return found


def _in_own_words(suggestion: Suggestion, profile: Profile) -> bool:
    """Backed by a discovery answer or by an experience the participant described: a
    suggestion that rests only on the kind of an experience with no description ("Persoonlijke
    dienstverlening", nothing more) is too weak to rank on (on the old dev set it pulled a raw
    profile's nDCG@5 from 0.95 to 0.39)."""
    for source in suggestion.sources:
        if source.experience is None:
            return True
        experiences = profile.experiences
        if (
            source.experience < len(experiences)
            and experiences[source.experience].description.strip()
        ):
            return True
    return False


def with_suggestions(profile: Profile, lexicon: Lexicon) -> Profile:
    """A raw profile (no confirmed competency yet) plus its suggested competencies. Once the
    job hunter has confirmed competencies with the participant, the suggestions left
    unconfirmed were looked at and not taken, so they do not count (on the old dev set adding
    them to reviewed profiles lowered nDCG@5 from 0.86 to 0.80)."""
    if any(c.status == "confirmed" for c in profile.competencies):
        return profile
    if not profile.experiences and not profile.discovery:
        return profile
    extra = suggested_competencies(profile, lexicon)
    if not extra:
        return profile
    return replace(profile, competencies=(*profile.competencies, *extra))

"""Raw profiles (issue 13 class 3): competencies suggested from the participant's experiences
and discovery answers take part in the ranking, weighted below confirmed ones
(`Weights.suggested`), and the explanation names them as suggested, not confirmed.

A profile as it arrives at the first meeting has no confirmed competencies, yet its experiences
say a lot; ranking on text alone served it badly (issue 13: nDCG@5 0.05).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace

from jobmatch.domain.competencies import Lexicon
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
        if not s.already_in_profile and s.strength >= MIN_STRENGTH
    )[:MAX_SUGGESTED]
    _cache[key] = found
    if len(_cache) > _CACHE_SIZE:
        _cache.popitem(last=False)
    return found


def with_suggestions(profile: Profile, lexicon: Lexicon) -> Profile:
    """The profile plus its suggested competencies (confirmed ones stay as they are)."""
    if not profile.experiences and not profile.discovery:
        return profile
    extra = suggested_competencies(profile, lexicon)
    if not extra:
        return profile
    return replace(profile, competencies=(*profile.competencies, *extra))

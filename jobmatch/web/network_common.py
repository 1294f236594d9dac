"""Helpers shared by the coordinator's pages (network_*.py): the actor, highlighted text."""

from __future__ import annotations

from dataclasses import dataclass

from jobmatch.domain.access import Actor
from jobmatch.domain.duplicates import Span
from jobmatch.web.policy import current_actor


def actor() -> Actor:
    found = current_actor()
    if found is None:  # the policy gate let only signed-in staff through
        raise RuntimeError("invariant broken: found is not None")
    return found


@dataclass(frozen=True)
class Segment:
    text: str
    span: Span | None = None


def segments(text: str, spans: list[Span]) -> list[Segment]:
    """The text cut at the spans, so a template can put each span in <mark> (auto-escaped)."""
    found: list[Segment] = []
    at = 0
    for span in sorted(spans, key=lambda s: s.start):
        if span.start < at or span.end > len(text):
            continue
        if span.start > at:
            found.append(Segment(text[at : span.start]))
        found.append(Segment(text[span.start : span.end], span))
        at = span.end
    if at < len(text):
        found.append(Segment(text[at:]))
    return found

"""The competency vocabulary shared by profiles, extraction, ranking and evaluation."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal

Lang = Literal["nl", "en"]
CLUSTERS = ("mensen", "zelf", "organiseren", "praktisch")


@dataclass(frozen=True)
class Competency:
    """One competency of the lexicon (competencies/*.toml)."""

    id: str
    cluster: str
    label_nl: str
    label_en: str
    definition_nl: str
    definition_en: str
    terms_nl: tuple[str, ...] = ()
    terms_en: tuple[str, ...] = ()
    stems_nl: tuple[str, ...] = ()
    exclude_nl: tuple[str, ...] = ()
    evidence_nl: tuple[str, ...] = ()
    evidence_en: tuple[str, ...] = ()

    def label(self, lang: Lang = "nl") -> str:
        return self.label_en if lang == "en" else self.label_nl

    def definition(self, lang: Lang = "nl") -> str:
        return self.definition_en if lang == "en" else self.definition_nl

    def evidence(self, lang: Lang = "nl") -> tuple[str, ...]:
        return self.evidence_en if lang == "en" else self.evidence_nl


@dataclass(frozen=True)
class Lexicon:
    """All competencies by id, in file order."""

    competencies: Mapping[str, Competency] = field(default_factory=dict)

    def __contains__(self, competency_id: object) -> bool:
        return competency_id in self.competencies

    def __getitem__(self, competency_id: str) -> Competency:
        return self.competencies[competency_id]

    def __iter__(self) -> Iterator[Competency]:
        return iter(self.competencies.values())

    def __len__(self) -> int:
        return len(self.competencies)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(self.competencies)

    def unknown(self, ids: Iterable[str]) -> list[str]:
        """The ids (in order, once each) that are not in the lexicon."""
        return [cid for cid in dict.fromkeys(ids) if cid not in self.competencies]

    def label(self, competency_id: str, lang: Lang = "nl") -> str:
        competency = self.competencies.get(competency_id)
        return competency.label(lang) if competency else competency_id

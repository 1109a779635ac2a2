"""The ombudsman's own published figures for a year, typed from a checked statistics record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any


@dataclass(frozen=True)
class Source:
    title: str
    published: date
    address: str


@dataclass(frozen=True)
class SimilarAuthorities:
    """The averages the ombudsman gives for the council's comparison group (percentages as published)."""

    group: str
    uphold_rate: float | None = None
    intervention_rate: float | None = None
    compliance_rate: float | None = None
    satisfactory_remedy_rate: float | None = None
    upheld_per_100000: float | None = None


@dataclass(frozen=True)
class OmbudsmanStatistics:
    """What one ombudsman published for one year; None where it publishes no such figure or the
    council did not copy it in. Rates are as published: the report computes its own from the counts."""

    year: str
    ombudsman: str
    source: Source
    received: int | None
    received_by_category: MappingProxyType[str, int]
    decisions: MappingProxyType[str, int] | None  # by the ombudsman's category, None when not copied in
    detailed_investigations: int | None
    upheld: int | None
    uphold_rate: float | None
    interventions: int | None
    intervention_rate: float | None
    compliance_outcomes: int | None
    complied: int | None
    compliance_rate: float | None
    satisfactory_remedy: int | None
    satisfactory_remedy_rate: float | None
    upheld_per_100000: float | None
    similar_authorities: SimilarAuthorities | None

    @property
    def decided(self) -> int | None:
        """Every decision the ombudsman made in the year, from its categories."""
        return sum(self.decisions.values()) if self.decisions is not None else None


def statistics_from(values: dict[str, Any]) -> OmbudsmanStatistics:
    source = values["source"]
    similar = values.get("similar_authorities")
    decisions = values.get("decisions")
    return OmbudsmanStatistics(
        year=values["year"], ombudsman=values["ombudsman"],
        source=Source(source["title"], date.fromisoformat(source["published"]), source["address"]),
        received=values.get("received"),
        received_by_category=MappingProxyType(dict(values.get("received_by_category", {}))),
        decisions=MappingProxyType(dict(decisions)) if isinstance(decisions, dict) else None,
        detailed_investigations=values.get("detailed_investigations"), upheld=values.get("upheld"),
        uphold_rate=values.get("uphold_rate"), interventions=values.get("interventions"),
        intervention_rate=values.get("intervention_rate"),
        compliance_outcomes=values.get("compliance_outcomes"), complied=values.get("complied"),
        compliance_rate=values.get("compliance_rate"),
        satisfactory_remedy=values.get("satisfactory_remedy"),
        satisfactory_remedy_rate=values.get("satisfactory_remedy_rate"),
        upheld_per_100000=values.get("upheld_per_100000"),
        similar_authorities=SimilarAuthorities(**similar) if isinstance(similar, dict) else None,
    )

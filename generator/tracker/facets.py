"""The ways a councillor follows the plan: by theme, department, plan and status.

Each facet lists exactly the actions that match it; an action owned by several departments is
listed under each of them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from generator.language import N_, _
from generator.model import Organisation, Term
from generator.model.bilingual import in_language
from generator.tracker.rag import RAG_ORDER
from generator.tracker.tracked import STATUSES, TrackedAction

THEMES, DEPARTMENTS, PLANS, STATUS = "themes", "departments", "plans", "status"
FACET_KINDS = (THEMES, DEPARTMENTS, PLANS, STATUS)
FACET_NAMES = {THEMES: N_("Theme"), DEPARTMENTS: N_("Department"), PLANS: N_("Plan"),
               STATUS: N_("Status")}  # translated where shown


@dataclass(frozen=True)
class Facet:
    kind: str  # themes | departments | plans | status
    id: str
    name: str
    actions: tuple[TrackedAction, ...]  # in overview order
    plan_kind: str | None = None  # learning | improvement, for plans

    @property
    def rag_counts(self) -> dict[str, int]:
        return {rag: sum(1 for t in self.actions if t.rating.rag == rag) for rag in RAG_ORDER}


def _facets(
    kind: str, terms: Sequence[Term], tracked: Sequence[TrackedAction],
    ids_of: Callable[[TrackedAction], Sequence[str]],
) -> list[Facet]:
    """A facet for every term in the taxonomy, then any id an action uses that the taxonomy lacks
    (the checker refuses those, but the tracker still shows them rather than losing actions)."""
    # Each name in the language being written: its pages, titles and filters on the Welsh site in Welsh.
    names = {term.id: str(in_language(term.name)) for term in terms}
    kinds = {term.id: term.extra.get("kind") for term in terms}
    for item in tracked:
        for term_id in ids_of(item):
            names.setdefault(term_id, term_id)
    return [
        Facet(kind, term_id, name, tuple(t for t in tracked if term_id in ids_of(t)),
              plan_kind=kinds.get(term_id) if kind == PLANS else None)
        for term_id, name in names.items()
    ]


def themes(organisation: Organisation, tracked: Sequence[TrackedAction]) -> list[Facet]:
    return _facets(THEMES, organisation.action_themes, tracked, lambda t: (t.action.theme,))


def departments(organisation: Organisation, tracked: Sequence[TrackedAction]) -> list[Facet]:
    return _facets(DEPARTMENTS, organisation.departments, tracked, lambda t: t.departments)


def plans(organisation: Organisation, tracked: Sequence[TrackedAction]) -> list[Facet]:
    return _facets(PLANS, organisation.plans, tracked, lambda t: (t.action.plan,))


def statuses(tracked: Sequence[TrackedAction]) -> list[Facet]:
    terms = [Term(status, _(name)) for status, name in STATUSES]
    return _facets(STATUS, terms, tracked, lambda t: (t.action.status,))


@dataclass(frozen=True)
class Facets:
    themes: tuple[Facet, ...]
    departments: tuple[Facet, ...]
    plans: tuple[Facet, ...]
    statuses: tuple[Facet, ...]

    def of(self, kind: str) -> tuple[Facet, ...]:
        return {THEMES: self.themes, DEPARTMENTS: self.departments, PLANS: self.plans,
                STATUS: self.statuses}[kind]

    def name(self, kind: str, term_id: str) -> str:
        for facet in self.of(kind):
            if facet.id == term_id:
                return facet.name
        return term_id


def all_facets(organisation: Organisation, tracked: Sequence[TrackedAction]) -> Facets:
    return Facets(
        themes=tuple(themes(organisation, tracked)),
        departments=tuple(departments(organisation, tracked)),
        plans=tuple(plans(organisation, tracked)),
        statuses=tuple(statuses(tracked)),
    )

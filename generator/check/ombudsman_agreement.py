"""Warnings, not errors: where the council's ombudsman case records and the ombudsman's published
figures disagree beyond what the reconciliation explains (`generator.ombudsman_reconciliation`,
the same reckoning the report shows). The ombudsman's figures are what they are, so a record is
never refused for them: `candour validate` prints the warning and still passes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.check.repository import Repository, as_list, day, value_at
from generator.load import RecordFile
from generator.ombudsman_published import KIND
from generator.ombudsman_reconciliation import Held, category_of, reconcile, recorded_in
from generator.problems import Problem


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _term_categories(organisation: RecordFile | None) -> dict[str, str]:
    terms = value_at(organisation.values if organisation else None, "taxonomies", "ombudsman_decisions")
    return {term["id"]: term["category"] for term in as_list(terms)
            if isinstance(term, dict) and isinstance(term.get("id"), str)
            and isinstance(term.get("category"), str)}


def _held(repository: Repository, terms: dict[str, str], ombudsman: str) -> list[Held]:
    found = []
    for record in repository.of_kind("ombudsman", valid_only=True):
        values = record.values
        received = day(values.get("received"))
        if received is None:
            continue
        decision = values.get("decision") if isinstance(values.get("decision"), str) else None
        category = values.get("category") if isinstance(values.get("category"), str) else None
        found.append(Held(str(values.get("id")), received, day(values.get("decided")),
                          category_of(category, decision, terms, ombudsman)))
    return found


def ombudsman_warnings(repository: Repository, named: set[str] | None) -> Iterator[Problem]:
    """One warning for each way a year's counts still disagree, at its statistics record."""
    statistics = repository.of_kind(KIND, valid_only=True)
    taxonomy = repository.taxonomy
    if not statistics or taxonomy is None or not taxonomy.ombudsman:
        return
    organisation = next(iter(repository.of_kind("organisation")), None)
    held = _held(repository, _term_categories(organisation), taxonomy.ombudsman)
    histories = {value_at(h.values, "year"): h.values for h in repository.of_kind("history", valid_only=True)}
    for record in statistics:
        values = record.values
        year = values.get("year")
        if not isinstance(year, str) or values.get("ombudsman") != taxonomy.ombudsman:
            continue
        if named is not None and record.shown_as not in named:
            continue
        decisions = values.get("decisions")
        published = {str(k): v for k, v in decisions.items() if _count(v) is not None} \
            if isinstance(decisions, dict) else None
        history = histories.get(year, {})
        found = reconcile(
            year, taxonomy.ombudsman, _count(values.get("received")), published, held,
            history_received=_count(value_at(history, "ombudsman", "received")),
            history_decided=_count(value_at(history, "ombudsman", "decided")),
            from_records=recorded_in(year, held),
        )
        for sentence in found.unexplained:
            where = ("decisions",) if "decisions" in values else ()
            yield record.problem(where, f"{sentence} The report says so in its reconciliation; check the "
                                        "council's ombudsman case records against the ombudsman's letter")

"""Tables: the ombudsman's decisions in the year by type, and a summary (cases received, decisions,
upheld, remedies completed in time, cases where the ombudsman had to chase us).

Received counts cases by the date the ombudsman received them; decisions count by the date decided
(which may be a case received the year before), as the ombudsman reports them.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.figures.basis import CASES, HISTORY, NOT_REPORTED, YearBasis
from generator.figures.counts import (
    ColumnSpec,
    RowSpec,
    Tally,
    build_table,
    count_column,
    not_recorded_row,
    tally_items,
)
from generator.figures.ombudsman_counts import ombudsman_named
from generator.figures.table import Cell, Column, Share, Table
from generator.language import _
from generator.model import OmbudsmanCase, Organisation, Records


def from_records(basis: YearBasis) -> bool:
    """A year is counted from ombudsman records if it has case records or ombudsman records."""
    return basis.source == CASES or bool(basis.ombudsman_received or basis.ombudsman_decided)


def upheld_decisions(organisation: Organisation) -> set[str]:
    return {term.id for term in organisation.ombudsman_decisions if term.extra.get("upheld") is True}


def decisions_tally(basis: YearBasis) -> Tally:
    if from_records(basis):
        return tally_items(basis.year, basis.ombudsman_decided, lambda case: case.decision)
    decided = basis.history.ombudsman_decided if basis.history else None
    return Tally(basis.year, HISTORY if decided is not None else NOT_REPORTED, {}, decided)


def ombudsman_table(records: Records, years: Sequence[YearBasis]) -> Table:
    tallies = [basis.once("ombudsman", decisions_tally, basis) for basis in years]
    specs = [RowSpec(term.id, term.name) for term in records.organisation.ombudsman_decisions]
    return build_table(
        "ombudsman", _("Decisions of the %(ombudsman)s", ombudsman=ombudsman_named(records.organisation)),
        _("Decision"),
        not_recorded_row(specs, tallies), [count_column(t) for t in tallies], tallies,
        definition="ombudsman", total_label=_("Decisions made in the year"),
    )


# The summary ----------------------------------------------------------------------------------

def remedies_in_time(cases: Sequence[OmbudsmanCase]) -> Share | None:
    """Of decisions with a remedy due, how many were completed by the due date (None: none due)."""
    due = [case for case in cases if case.remedy_due is not None]
    on_time = [case for case in due if case.remedy_completed and case.remedy_completed <= case.remedy_due]
    return Share(len(on_time), len(due)) if due else None


def chased(basis: YearBasis) -> int:
    """Cases received or decided in the year in which the ombudsman had to chase a reply."""
    cases = {case.id: case for case in (*basis.ombudsman_received, *basis.ombudsman_decided)}
    return sum(1 for case in cases.values() if case.chased)


def summary_cells(organisation: Organisation, basis: YearBasis) -> dict[str, Cell]:
    if not from_records(basis):
        history = basis.history
        if history is None:
            return {}
        return {"received": history.ombudsman_received, "decided": history.ombudsman_decided}
    decided = basis.ombudsman_decided
    upheld_kinds = upheld_decisions(organisation)
    upheld = sum(1 for case in decided if case.decision in upheld_kinds)
    return {
        "received": len(basis.ombudsman_received),
        "decided": len(decided),
        "upheld": upheld,
        "upheld-share": Share(upheld, len(decided)) if decided else None,
        "remedies-in-time": remedies_in_time(decided),
        "chased": chased(basis),
    }


def ombudsman_summary_table(records: Records, years: Sequence[YearBasis]) -> Table:
    organisation = records.organisation
    columns = [
        ColumnSpec(Column(b.year, b.year, b.year, "mixed"),
                   b.once("ombudsman_summary", summary_cells, organisation, b).get)
        for b in years
    ]
    specs = [
        RowSpec("received", _("Cases received by the ombudsman")),
        RowSpec("decided", _("Decisions made")),
        RowSpec("upheld", _("Decisions upholding the complaint")),
        RowSpec("upheld-share", _("Upheld, as a share of decisions")),
        RowSpec("remedies-in-time", _("Remedies completed by the date agreed (share of remedies due)")),
        RowSpec("chased", _("Cases where the ombudsman had to chase a reply")),
    ]
    return build_table(
        "ombudsman_summary", _("The %(ombudsman)s: summary", ombudsman=ombudsman_named(records.organisation)),
        _("Measure"), specs,
        columns, [], definition="ombudsman", chart=None, total_label=None, adds_up=False,
    )

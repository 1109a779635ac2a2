"""Tables: the ombudsman's own figures for the council over the years compared, and this year's
beside the council's own records (counted the ombudsman's way, see `ombudsman_counts`).

The ombudsman's figures come from its statistics records (`records/ombudsman-statistics/`), copied
from its letters; its rates are computed here from its counts, so a rate and its counts can never
disagree on the page. Only the figures that ombudsman publishes are rows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from generator.figures.basis import YearBasis
from generator.figures.ombudsman_counts import (
    CouncilCounts,
    council_counts,
    has_records,
    ombudsman_named,
    share,
)
from generator.figures.table import Cell, Column, Row, Table
from generator.language import _, long_date
from generator.model import OmbudsmanStatistics, Records
from generator.ombudsman_published import categories, published_by

STATISTICS_TABLE = "ombudsman_statistics"
BESIDE_TABLE = "ombudsman_beside"
DEFINITION = "ombudsman-statistics"  # the methodology's anchor

Measure = tuple[str, str, Callable[[OmbudsmanStatistics, int], Cell]]


def _measures(ombudsman: str) -> list[Measure]:
    """(row key, label, the ombudsman's figure) for each figure the ombudsman publishes, in the
    order of its letters."""
    found: list[Measure] = [
        ("received", _("Complaints and enquiries received"), lambda s, t: s.received),
        ("decided", _("Decisions made"), lambda s, t: s.decided),
        ("detailed_investigations", _("Detailed investigations"), lambda s, t: s.detailed_investigations),
        ("upheld", _("Upheld"), lambda s, t: s.upheld),
        ("uphold_rate", _("Uphold rate (upheld, as a share of detailed investigations)"),
         lambda s, t: share(s.upheld, s.detailed_investigations, t)),
        ("interventions", _("Interventions (upheld, or settled early)"), lambda s, t: s.interventions),
        ("intervention_rate", _("Intervention rate (interventions, as a share of decisions)"),
         lambda s, t: share(s.interventions, s.decided, t)),
        ("compliance_rate", _("Compliance with recommendations (complied, as a share of outcomes)"),
         lambda s, t: share(s.complied, s.compliance_outcomes, t)),
        ("satisfactory_remedy_rate",
         _("Satisfactory remedy already provided by the council (as a share of upheld)"),
         lambda s, t: share(s.satisfactory_remedy, s.upheld, t)),
        ("upheld_per_100000", _("Upheld per 100,000 residents (as published)"),
         lambda s, t: None if s.upheld_per_100000 is None else f"{s.upheld_per_100000:g}"),
    ]
    return [m for m in found if m[0] in ("decided",) or ombudsman in (published_by(m[0]) or ())]


def statistics_table(records: Records, years: Sequence[YearBasis]) -> Table | None:
    """The ombudsman's own figures for each year compared, with its decisions by category."""
    organisation = records.organisation
    found = [records.statistics(basis.year) for basis in years]
    if not any(found):
        return None
    threshold = organisation.disclosure_threshold
    columns = tuple(Column(b.year, b.year, b.year, "mixed") for b in years)
    rows: list[Row] = []
    for key, label, figure in _measures(organisation.ombudsman_id):
        rows.append(Row(key, label, tuple(None if s is None else figure(s, threshold) for s in found)))
        if key == "decided":
            rows += [Row(f"decided:{c.id}", _(c.title),
                         tuple(None if s is None or s.decisions is None else s.decisions.get(c.id, 0)
                               for s in found), level=1)
                     for c in categories(organisation.ombudsman_id)]
    return Table(
        STATISTICS_TABLE, 0, _("Figures of the %(ombudsman)s for the council",
                               ombudsman=ombudsman_named(organisation)),
        _("Figure"), columns, tuple(rows), notes=_source_notes(found), definition=DEFINITION, chart=None,
    )


def _source_notes(found: Sequence[OmbudsmanStatistics | None]) -> tuple[str, ...]:
    notes = [
        _("Copied from the ombudsman's own letters and statistics: it counts complaints in the year it "
          "received them and decisions in the year it made them. Its rates are worked out here from "
          "its counts, and rounded once.")
    ]
    for statistics in found:
        if statistics is not None:
            source = statistics.source
            notes.append(_("%(year)s: %(title)s, published %(published)s (%(address)s).",
                           year=statistics.year, title=source.title, published=long_date(source.published),
                           address=source.address))
    return tuple(notes)


def beside_table(records: Records, years: Sequence[YearBasis]) -> Table | None:
    """This year's figures of the ombudsman beside the council's own records, counted alike."""
    basis = years[0]
    statistics = records.statistics(basis.year)
    if statistics is None:
        return None
    organisation = records.organisation
    threshold = organisation.disclosure_threshold
    own = _council(records, basis, threshold)
    rows = [
        Row(key, label, (figure(statistics, threshold), own.get(key)))
        for key, label, figure in _measures(organisation.ombudsman_id) if key != "upheld_per_100000"
    ]
    rows.append(Row("open_at_year_end", _("Still open at the end of the year"),
                    (None, own.get("open_at_year_end"))))
    columns = (Column("ombudsman", _("The ombudsman's figures"), basis.year, "mixed"),
               Column("council", _("The council's records"), basis.year, "mixed"))
    notes = (
        _("The council's records are counted as the ombudsman counts: received by the date the "
          "ombudsman received a complaint, decisions by the date it decided. They differ for the "
          "reasons the reconciliation below sets out."),
    )
    if not has_records(records, basis.year) and basis.history is not None:
        notes += (_("No ombudsman case records are kept for this year: the council's column gives the "
                    "figures its report of the year published."),)
    return Table(BESIDE_TABLE, 0, _("Figures of the %(ombudsman)s beside the council's own, %(year)s",
                                    ombudsman=ombudsman_named(organisation), year=basis.year),
                 _("Figure"), columns, tuple(rows), notes=notes, definition=DEFINITION,
                 chart=None)


def _council(records: Records, basis: YearBasis, threshold: int) -> dict[str, Cell]:
    if not has_records(records, basis.year):
        history = basis.history
        if history is None:
            return {}
        return {"received": history.ombudsman_received, "decided": history.ombudsman_decided}
    counts: CouncilCounts = council_counts(records, basis.year)
    return {
        "received": counts.received, "decided": counts.decided,
        "detailed_investigations": counts.investigated, "upheld": counts.upheld,
        "uphold_rate": share(counts.upheld, counts.investigated, threshold),
        "interventions": counts.interventions,
        "intervention_rate": share(counts.interventions, counts.decided, threshold),
        "compliance_rate": share(counts.complied, counts.recommendations_known, threshold),
        "satisfactory_remedy_rate": share(counts.remedied_by_council, counts.upheld, threshold),
        "open_at_year_end": counts.open_at_year_end,
    }

"""Tables: the council against similar authorities, by the ombudsman's own figures (with a chart),
and the reconciliation of the council's count of ombudsman cases with the ombudsman's.

The comparison sets the council's rate, worked out from the ombudsman's counts, beside the average
the ombudsman publishes for the council's comparison group, and the difference in percentage
points (`Points`, rounded once at display). The reconciliation is `generator.ombudsman_reconciliation`
read for the year: every line says in words why the counts differ there, and what is left
unexplained is said in a note (and warned of by `candour validate`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from generator.figures.basis import YearBasis
from generator.figures.ombudsman_counts import has_records, held, ombudsman_named, share
from generator.figures.table import Cell, Column, Percent, Points, Row, Share, Suppressed, Table
from generator.language import N_, _
from generator.model import OmbudsmanStatistics, Records, SimilarAuthorities
from generator.ombudsman_published import published_by
from generator.ombudsman_reconciliation import NO_COUNCIL_FIGURE, Reconciliation, Said, reconcile

SIMILAR_TABLE = "ombudsman_similar"
RECONCILIATION_TABLE = "ombudsman_reconciliation"
GROUP_NAMES = {
    "county": N_("county councils"), "district": N_("district councils"),
    "metropolitan": N_("metropolitan boroughs"), "unitary": N_("unitary councils"),
    "london-borough": N_("London boroughs"), "welsh-councils": N_("Welsh councils"),
    "scottish-councils": N_("Scottish councils"),
    "northern-ireland-councils": N_("councils in Northern Ireland"),
}

# (key, what, the council's share from the ombudsman's counts, the group's published average)
Compared = tuple[str, str, Callable[[OmbudsmanStatistics, int], Cell],
                 Callable[[SimilarAuthorities], float | None]]
COMPARED: tuple[Compared, ...] = (
    ("uphold_rate", N_("Uphold rate"),
     lambda s, t: share(s.upheld, s.detailed_investigations, t), lambda a: a.uphold_rate),
    ("intervention_rate", N_("Intervention rate"),
     lambda s, t: share(s.interventions, s.decided, t), lambda a: a.intervention_rate),
    ("compliance_rate", N_("Compliance with recommendations"),
     lambda s, t: share(s.complied, s.compliance_outcomes, t), lambda a: a.compliance_rate),
    ("satisfactory_remedy_rate", N_("Satisfactory remedy provided by the council"),
     lambda s, t: share(s.satisfactory_remedy, s.upheld, t), lambda a: a.satisfactory_remedy_rate),
)


def group_name(group: str) -> str:
    return _(GROUP_NAMES[group]) if group in GROUP_NAMES else group


def similar_table(records: Records, years: Sequence[YearBasis]) -> Table | None:
    organisation = records.organisation
    found = [records.statistics(basis.year) for basis in years]
    if not any(s is not None and s.similar_authorities is not None for s in found):
        return None
    threshold = organisation.disclosure_threshold
    rows: list[Row] = []
    for key, what, council, average in COMPARED:
        if organisation.ombudsman_id not in (published_by("similar_authorities", key) or ()):
            continue
        ours = [None if s is None else council(s, threshold) for s in found]
        theirs = [None if s is None or s.similar_authorities is None or average(s.similar_authorities) is None
                  else Percent(Decimal(str(average(s.similar_authorities))), None) for s in found]
        if not any(cell is not None for cell in theirs):
            continue
        rows.append(Row(key, _("%(measure)s: %(council)s", measure=_(what), council=organisation.name),
                        tuple(ours)))
        rows.append(Row(f"{key}:similar", _("%(measure)s: average of similar authorities", measure=_(what)),
                        tuple(theirs)))
        rows.append(Row(f"{key}:difference", _("Difference from similar authorities"),
                        tuple(_difference(a, b) for a, b in zip(ours, theirs, strict=True)), level=1))
    if not rows:
        return None
    groups = sorted({s.similar_authorities.group for s in found if s and s.similar_authorities})
    return Table(
        SIMILAR_TABLE, 0,
        _("The council and similar authorities (%(groups)s), by the figures of the %(ombudsman)s",
          groups=", ".join(group_name(g) for g in groups), ombudsman=ombudsman_named(organisation)),
        _("Measure"), tuple(Column(b.year, b.year, b.year, "share") for b in years), tuple(rows),
        notes=(_("The council's rates are worked out from the ombudsman's counts; the averages of "
                 "similar authorities are as the ombudsman published them. The difference is in "
                 "percentage points, worked out before rounding."),),
        definition="ombudsman-similar-authorities",
    )


def _difference(ours: Cell, theirs: Cell) -> Cell:
    if isinstance(ours, Suppressed):
        return Suppressed()
    if isinstance(ours, Share) and isinstance(theirs, Percent):
        return Points(ours, theirs.value)
    return None


def said(sentence: Said) -> str:
    """A sentence of the reconciliation in the language being written."""
    return _(sentence.message, **sentence.values)


def reconciliation_of(records: Records, basis: YearBasis) -> Reconciliation | None:
    """The year's reconciliation, when the ombudsman's statistics for it are copied in."""
    statistics = records.statistics(basis.year)
    if statistics is None:
        return None
    from_records = has_records(records, basis.year)
    history = basis.history
    return reconcile(
        basis.year, records.organisation.ombudsman_id, statistics.received, statistics.decisions,
        held(records),
        history_received=history.ombudsman_received if history else None,
        history_decided=history.ombudsman_decided if history else None, from_records=from_records,
    )


def reconciliation_table(records: Records, years: Sequence[YearBasis]) -> Table | None:
    basis = years[0]
    found = basis.once("ombudsman_reconciliation", reconciliation_of, records, basis)
    if found is None:
        return None
    lines = (*found.received, *found.decided)
    rows = tuple(Row(line.key, said(line.label) if line.explained
                     else _("%(label)s (not explained)", label=said(line.label)),
                     (line.count, said(line.explanation)), is_total=line.key == "ombudsman-decided")
                 for line in lines)
    if found.unexplained:
        notes = (_("Where the counts still disagree: %(sentences)s The ombudsman's figures are what it "
                   "published; the council is checking its records against them.",
                   sentences=" ".join(said(sentence) for sentence in found.unexplained)),)
    elif any(line.key == NO_COUNCIL_FIGURE for line in lines):
        notes = (_("The council's report for %(year)s published no count of ombudsman decisions, so "
                   "there is nothing to reconcile the ombudsman's with.", year=basis.year),)
    else:
        notes = (_("Every difference between the two counts is explained above."),)
    return Table(
        RECONCILIATION_TABLE, 0,
        _("The council's count and the count of the %(ombudsman)s, reconciled, %(year)s",
          ombudsman=ombudsman_named(records.organisation), year=basis.year),
        _("Step"), (Column("cases", _("Cases"), basis.year, "count"), Column("why", _("Why"), None, "text")),
        rows, notes=notes, definition="ombudsman-reconciliation", chart=None,
    )

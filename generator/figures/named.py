"""Named figures: the figures the hand-written commentary may cite by name.

Each is read from a cell of the year's tables, so the prose can never disagree with them. A name
whose figure was not reported that year (an earlier year kept as history, say) is present with
the value None. The names, and what each means (`FIGURE_NAMES` holds the same list for pages):

- `complaints`: formal complaints accepted in the year.
- `complaints_previous`: formal complaints accepted in the year before.
- `complaints_change`: the change in formal complaints on the year before (a signed percentage).
- `representations`: every representation considered (complaints and everything else).
- `requests_for_service`: representations treated as requests for service.
- `enquiries`, `informal_complaints`: representations that were enquiries, or informal complaints.
- `withdrawn`: representations withdrawn or not pursued.
- `ineligible`: representations refused as ineligible and redirected.
- `complaints_share`, `requests_for_service_share`, `enquiries_share`,
  `informal_complaints_share`, `withdrawn_share`, `ineligible_share`: each as a share of every
  representation considered (`representations`), worked out from the counts.
- `upheld`, `partially_upheld`, `not_upheld`: complaints with that first-stage outcome.
- `upheld_in_full_or_part`: complaints upheld or partially upheld (every outcome the council
  counts as upheld in full or in part), and `upheld_in_full_or_part_share` as a share of complaints,
  computed from the counts.
- `outstanding`: complaints still awaiting their first-stage outcome.
- `upheld_share`, `partially_upheld_share`, `not_upheld_share`: those outcomes as a share of complaints.
- `within_target_share`: share of first-stage responses sent within the response target.
- `median_working_days`: median working days to the first-stage response.
- `still_open`: complaints with no first-stage response yet.
- `acknowledged_in_time_share`: share of complaints acknowledged within the acknowledgement target.
- `customers`: customers served by the services the report covers, in the year.
- `complaints_per_1000`: formal complaints per 1,000 customers served.
- `ombudsman_received`: cases the ombudsman received in the year.
- `ombudsman_decided`: decisions the ombudsman made in the year.
- `ombudsman_upheld`: of those decisions, how many upheld the complaint.
- `ombudsman_upheld_share`: upheld decisions as a share of decisions.
- `ombudsman_remedies_total`: the financial remedies of the year's decisions, totalled (money).
- `compliments`: compliments received in the year.
- `compliments_previous`: compliments received in the year before.
- `compliments_change`: the change in compliments on the year before (a signed percentage).
- `advocacy`: complaints made by an advocacy service or with an advocate's help.
- The ombudsman's own figures (`figures.ombudsman_named`): `ombudsman_own_received`,
  `ombudsman_own_decided`, `ombudsman_detailed_investigations`; its rates computed from its counts,
  `ombudsman_uphold_rate` (upheld, as a share of detailed investigations),
  `ombudsman_intervention_rate` (the PSOW's), `ombudsman_compliance_rate`,
  `ombudsman_satisfactory_remedy_rate`; the averages of similar authorities it publishes,
  `ombudsman_similar_uphold_rate`, `ombudsman_similar_compliance_rate`,
  `ombudsman_similar_satisfactory_remedy_rate`; and the council's difference from them in
  percentage points, `ombudsman_uphold_rate_difference`, `ombudsman_compliance_rate_difference`.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.figures.basis import YearBasis
from generator.figures.council_names import council_cells
from generator.figures.ombudsman_named import OMBUDSMAN_CELLS, OMBUDSMAN_NAMES
from generator.figures.table import Cell, Change, Share, Table
from generator.language import N_
from generator.model import Records

FIGURE_NAMES: dict[str, str] = {  # translated where shown
    "complaints": N_("Formal complaints accepted in the year"),
    "complaints_previous": N_("Formal complaints accepted in the year before"),
    "complaints_change": N_("Change in formal complaints on the year before"),
    "representations": N_("Every representation considered"),
    "requests_for_service": N_("Representations treated as requests for service"),
    "enquiries": N_("Representations that were enquiries"),
    "informal_complaints": N_("Representations that were informal complaints"),
    "withdrawn": N_("Representations withdrawn or not pursued"),
    "ineligible": N_("Representations refused as ineligible and redirected"),
    "complaints_share": N_("Formal complaints accepted, as a share of every representation considered"),
    "requests_for_service_share": N_("Requests for service, as a share of every representation considered"),
    "enquiries_share": N_("Enquiries, as a share of every representation considered"),
    "informal_complaints_share": N_("Informal complaints, as a share of every representation considered"),
    "withdrawn_share": N_("Representations withdrawn or not pursued, as a share of every representation"),
    "ineligible_share": N_("Representations ineligible and redirected, as a share of every representation"),
    "upheld": N_("Complaints upheld"),
    "partially_upheld": N_("Complaints partially upheld"),
    "not_upheld": N_("Complaints not upheld"),
    "upheld_in_full_or_part": N_("Complaints upheld in full or in part"),
    "upheld_in_full_or_part_share": N_("Complaints upheld in full or in part, as a share of complaints"),
    "outstanding": N_("Complaints still awaiting an outcome"),
    "upheld_share": N_("Complaints upheld, as a share of complaints"),
    "partially_upheld_share": N_("Complaints partially upheld, as a share of complaints"),
    "not_upheld_share": N_("Complaints not upheld, as a share of complaints"),
    "within_target_share": N_(
        "First-stage responses sent within the response target, as a share of responses"),
    "median_working_days": N_("Median working days to the first-stage response"),
    "still_open": N_("Complaints with no first-stage response yet"),
    "acknowledged_in_time_share": N_("Complaints acknowledged within the target, as a share of complaints"),
    "customers": N_("Customers served by the services the report covers, in the year"),
    "complaints_per_1000": N_("Formal complaints per 1,000 customers served"),
    "ombudsman_received": N_("Cases the ombudsman received in the year"),
    "ombudsman_decided": N_("Decisions the ombudsman made in the year"),
    "ombudsman_upheld": N_("Ombudsman decisions that upheld the complaint"),
    "ombudsman_upheld_share": N_("Upheld ombudsman decisions, as a share of decisions"),
    "ombudsman_remedies_total": N_("Financial remedies of the year's ombudsman decisions, totalled"),
    "compliments": N_("Compliments received in the year"),
    "compliments_previous": N_("Compliments received in the year before"),
    "compliments_change": N_("Change in compliments on the year before"),
    "advocacy": N_("Complaints made by an advocacy service or with an advocate's help"),
    **OMBUDSMAN_NAMES,
}

# name -> (table id, row key, column: 'year', 'previous', or a column key with {year} in it)
CELLS: dict[str, tuple[str, str, str]] = {
    "complaints": ("representations", "complaints", "year"),
    "complaints_previous": ("representations", "complaints", "previous"),
    "representations": ("representations", "total", "year"),
    "requests_for_service": ("representations", "request-for-service", "year"),
    "enquiries": ("representations", "enquiry", "year"),
    "informal_complaints": ("representations", "informal-complaint", "year"),
    "withdrawn": ("representations", "withdrawn", "year"),
    "ineligible": ("representations", "ineligible", "year"),
    "upheld": ("outcomes", "upheld", "year"),
    "partially_upheld": ("outcomes", "partially-upheld", "year"),
    "not_upheld": ("outcomes", "not-upheld", "year"),
    "upheld_in_full_or_part": ("outcomes", "upheld-in-full-or-in-part", "year"),
    "upheld_in_full_or_part_share": ("outcomes", "upheld-in-full-or-in-part", "year"),
    "outstanding": ("outcomes", "outstanding", "year"),
    "upheld_share": ("outcomes", "upheld", "year"),
    "partially_upheld_share": ("outcomes", "partially-upheld", "year"),
    "not_upheld_share": ("outcomes", "not-upheld", "year"),
    "within_target_share": ("response_summary", "within-target", "year"),
    "median_working_days": ("response_summary", "median", "year"),
    "still_open": ("response_summary", "still-open", "year"),
    "acknowledged_in_time_share": ("acknowledgements", "in-time", "year"),
    "customers": ("service_areas", "total", "customers"),
    "complaints_per_1000": ("service_areas", "total", "{year} rate"),
    "ombudsman_received": ("ombudsman_summary", "received", "year"),
    "ombudsman_decided": ("ombudsman_summary", "decided", "year"),
    "ombudsman_upheld": ("ombudsman_summary", "upheld", "year"),
    "ombudsman_upheld_share": ("ombudsman_summary", "upheld-share", "year"),
    "ombudsman_remedies_total": ("ombudsman_remedies", "total", "amount"),
    "compliments": ("compliments", "compliments", "year"),
    "compliments_previous": ("compliments", "compliments", "previous"),
    "advocacy": ("advocacy", "total", "year"),
    **OMBUDSMAN_CELLS,
}
CHANGES = {"complaints_change": "complaints", "compliments_change": "compliments"}
# Shares of all representations, worked out from the counts whether or not the table shows shares.
SHARES = {
    "complaints_share": ("complaints", "representations"),
    "requests_for_service_share": ("requests_for_service", "representations"),
    "enquiries_share": ("enquiries", "representations"),
    "informal_complaints_share": ("informal_complaints", "representations"),
    "withdrawn_share": ("withdrawn", "representations"),
    "ineligible_share": ("ineligible", "representations"),
}


def table_cell(tables: Sequence[Table], table_id: str, row_key: str, column_key: str) -> Cell:
    """The cell of a table, or None when the table, row or column is not in this year's report."""
    table = next((table for table in tables if table.id == table_id), None)
    if table is None:
        return None
    keys = [column.key for column in table.columns]
    row = next((row for row in table.rows if row.key == row_key), None)
    if row is None or column_key not in keys:
        return None
    return row.cells[keys.index(column_key)]


def as_named(name: str, cell: Cell) -> Cell:
    """A table shows a count with its share ('8 (23%)'): a `_share` or `_rate` name cites the share,
    others the count."""
    if isinstance(cell, Share) and not name.endswith(("_share", "_rate")):
        return cell.part
    return cell


def change(before: Cell, after: Cell) -> Change | None:
    if isinstance(before, int) and isinstance(after, int) and before:
        return Change(before, after)
    return None


def share(part: Cell, whole: Cell) -> Share | None:
    """A count as a share of its whole, worked out from the two counts the tables give."""
    if isinstance(part, int) and isinstance(whole, int) and whole:
        return Share(part, whole)
    return None


def named_figures(records: Records, years: Sequence[YearBasis], tables: Sequence[Table]) -> dict[str, Cell]:
    """Every name in FIGURE_NAMES with its value for the first of `years` (None if not reported)."""
    year = years[0].year
    previous = years[1].year if len(years) > 1 else "none"  # the first year of records has no year before
    columns = {"year": year, "previous": previous}
    figures: dict[str, Cell] = {}
    for name, (table_id, row_key, column) in CELLS.items():
        column_key = columns.get(column, column.format(year=year))
        figures[name] = as_named(name, table_cell(tables, table_id, row_key, column_key))
    for name, base in CHANGES.items():
        figures[name] = change(figures[f"{base}_previous"], figures[base])
    for name, (part, whole) in SHARES.items():
        figures[name] = share(figures[part], figures[whole])
    named = {name: figures[name] for name in FIGURE_NAMES}
    council = council_cells(records.organisation)
    for name, (table_id, row_key, column) in council.cells.items():
        figures[name] = as_named(name, table_cell(tables, table_id, row_key, columns[column]))
    for name, base in council.changes.items():
        figures[name] = change(as_named("", figures[f"{base}_before"]), figures.get(base))
    for name, (part, whole) in council.shares.items():
        figures[name] = share(figures.get(part), figures.get(whole))
    return named | {name: figures[name] for name in council.meanings}

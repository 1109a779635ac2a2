"""Figure names that depend on the council: one for each service group, service area, team
complimented and stage of its procedure, and the change on the year before of each kind of
representation and each outcome.

`complaints_adults`, `complaints_adults_share`, `complaints_adults_change`;
`service_area_home_care`, `service_area_home_care_share`, `service_area_home_care_change`;
`compliments_for_home_care`, `compliments_for_home_care_share`, `compliments_for_home_care_change`;
`stage_2_received`, `stage_2_within_target_share`, `stage_2_upheld_in_full_or_part_share`,
`stage_2_extended`, `stage_2_within_extended_share`; `enquiries_change`,
`informal_complaints_change`, `requests_for_service_change`, `withdrawn_change`,
`ineligible_change`, `representations_change`, `upheld_change`, `partially_upheld_change`,
`not_upheld_change`, `upheld_in_full_or_part_change`. A name is an id with hyphens as
underscores. Each share is of the year's total in the same table (complaints, compliments), and
each change is worked out from the counts, whether or not the table shows shares or changes.
"""

from __future__ import annotations

from typing import NamedTuple

from generator.counting import UPHELD_IN_FULL_OR_PART, group_id
from generator.language import N_, _
from generator.model import Organisation

# name -> (table id, row key, column: 'year' or 'previous')
Cells = dict[str, tuple[str, str, str]]
# Kinds of figure whose change on the year before has a name: figure name -> (table id, row key).
CHANGED = {  # name: (table, row, what it counts, for its meaning on the officers' page)
    "representations": ("representations", "total", N_("Representations considered")),
    "enquiries": ("representations", "enquiry", N_("Enquiries")),
    "informal_complaints": ("representations", "informal-complaint", N_("Informal complaints")),
    "requests_for_service": ("representations", "request-for-service", N_("Requests for service")),
    "withdrawn": ("representations", "withdrawn", N_("Withdrawn or not pursued")),
    "ineligible": ("representations", "ineligible", N_("Ineligible or redirected")),
    "upheld": ("outcomes", "upheld", N_("Upheld")),
    "partially_upheld": ("outcomes", "partially-upheld", N_("Partially upheld")),
    "not_upheld": ("outcomes", "not-upheld", N_("Not upheld")),
    "upheld_in_full_or_part": ("outcomes", UPHELD_IN_FULL_OR_PART, N_("Upheld in full or in part")),
}


class CouncilNames(NamedTuple):
    cells: Cells
    changes: dict[str, str]  # change name -> counted name, whose year before is `<name>_before`
    meanings: dict[str, str]
    shares: dict[str, tuple[str, str]]  # share name -> (counted name, the name of its whole)


def identifier(term_id: str) -> str:
    return term_id.replace("-", "_")


def _about(organisation: Organisation, group: object) -> str:
    return _("%(complaints)s about %(group)s", complaints=organisation.complaints_name, group=group)


def council_cells(organisation: Organisation) -> CouncilNames:
    """The council's own names: their cells, their changes and shares, and what each name means."""
    cells: Cells = {}
    meanings: dict[str, str] = {}
    changes: dict[str, str] = {}
    shares: dict[str, tuple[str, str]] = {}
    for name, (table, row, counted_as) in CHANGED.items():
        cells[f"{name}_before"] = (table, row, "previous")
        changes[f"{name}_change"] = name
        meanings[f"{name}_change"] = _("%(meaning)s: change on the year before", meaning=_(counted_as))
    counted = [("complaints_total", "service_areas", "total", "")]
    for group in organisation.service_groups if len(organisation.service_groups) > 1 else ():
        counted.append((f"complaints_{identifier(group_id(group))}", "service_areas",
                        f"group:{group_id(group)}", _about(organisation, group)))
    counted += [(f"service_area_{identifier(area.id)}", "service_areas", area.id,
                 _about(organisation, area.name)) for area in organisation.service_areas]
    if organisation.records("compliments"):
        counted.append(("compliments_total", "compliments_by_team", "total", ""))
        counted += [(f"compliments_for_{identifier(area.id)}", "compliments_by_team", area.id,
                     _("Compliments for %(area)s", area=area.name)) for area in organisation.service_areas]
    for name, table, row, meaning in counted:
        cells[name] = (table, row, "year")
        if not meaning:
            continue  # a whole the shares are of, not a name of its own
        whole = "compliments_total" if table == "compliments_by_team" else "complaints_total"
        cells[f"{name}_before"] = (table, row, "previous")
        changes[f"{name}_change"] = name
        shares[f"{name}_share"] = (name, whole)
        meanings[name] = meaning
        meanings[f"{name}_share"] = _("%(meaning)s, as a share of the year's total", meaning=meaning)
        meanings[f"{name}_change"] = _("%(meaning)s: change on the year before", meaning=meaning)
    for stage in organisation.stages if len(organisation.stages) > 1 else ():
        name = f"stage_{identifier(stage.id.removeprefix('stage-'))}"
        rows = {
            "received": ("stages", stage.id, _("Complaints received at %(stage)s", stage=stage.name)),
            "within_target_share": ("stages", f"{stage.id}:within-target", _(
                "%(stage)s: answers within %(days)s working days, as a share", stage=stage.name,
                days=stage.respond_working_days)),
            "upheld_in_full_or_part_share": ("outcomes_by_stage", f"{stage.id}:{UPHELD_IN_FULL_OR_PART}",
                                             _("%(stage)s: upheld in full or in part, as a share",
                                               stage=stage.name)),
        }
        for suffix, (table, row, meaning) in rows.items():
            cells[f"{name}_{suffix}"] = (table, row, "year")
            meanings[f"{name}_{suffix}"] = meaning
    for stage in organisation.stages:
        name = f"stage_{identifier(stage.id.removeprefix('stage-'))}"
        cells[f"{name}_extended"] = ("extensions", f"{stage.id}:extended", "year")
        cells[f"{name}_within_extended_share"] = ("extensions", f"{stage.id}:within-extended", "year")
        meanings[f"{name}_extended"] = _("%(stage)s: responses with more time agreed", stage=stage.name)
        meanings[f"{name}_within_extended_share"] = _(
            "%(stage)s: of those, answered within the time agreed", stage=stage.name)
    return CouncilNames(cells, changes, meanings, shares)

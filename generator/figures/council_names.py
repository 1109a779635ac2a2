"""Figure names that depend on the council: one for each service group and each stage of its
procedure, and the change on the year before of each kind of representation.

`complaints_adults`, `complaints_adults_change`; `stage_2_received`, `stage_2_within_target_share`,
`stage_2_upheld_in_full_or_part_share`, `stage_2_extended`, `stage_2_within_extended_share`;
`enquiries_change`, `informal_complaints_change`, `requests_for_service_change`,
`representations_change`, `upheld_in_full_or_part_change`. A name is a stage's or group's id with
hyphens as underscores.
"""

from __future__ import annotations

from generator.counting import UPHELD_IN_FULL_OR_PART, group_id
from generator.model import Organisation

# name -> (table id, row key, column: 'year' or 'previous')
Cells = dict[str, tuple[str, str, str]]
# Kinds of figure whose change on the year before has a name: figure name -> (table id, row key).
CHANGED = {
    "representations": ("representations", "total"),
    "enquiries": ("representations", "enquiry"),
    "informal_complaints": ("representations", "informal-complaint"),
    "requests_for_service": ("representations", "request-for-service"),
    "upheld_in_full_or_part": ("outcomes", UPHELD_IN_FULL_OR_PART),
}


def identifier(term_id: str) -> str:
    return term_id.replace("-", "_")


def council_cells(organisation: Organisation) -> tuple[Cells, dict[str, str], dict[str, str]]:
    """The council's own names: their cells, the names of changes (change -> counted name, whose
    year before is `<name>_before`), and what each name means."""
    cells: Cells = {}
    meanings: dict[str, str] = {}
    changes: dict[str, str] = {}
    for name, (table, row) in CHANGED.items():
        cells[f"{name}_before"] = (table, row, "previous")
        changes[f"{name}_change"] = name
        meanings[f"{name}_change"] = f"Change in {name.replace('_', ' ')} on the year before"
    for group in organisation.service_groups if len(organisation.service_groups) > 1 else ():
        name = f"complaints_{identifier(group_id(group))}"
        cells[name] = ("service_areas", f"group:{group_id(group)}", "year")
        cells[f"{name}_before"] = ("service_areas", f"group:{group_id(group)}", "previous")
        changes[f"{name}_change"] = name
        meanings[name] = f"{organisation.complaints_name} about {group}"
        meanings[f"{name}_change"] = f"Change in {name.replace('_', ' ')} on the year before"
    for stage in organisation.stages if len(organisation.stages) > 1 else ():
        name = f"stage_{identifier(stage.id.removeprefix('stage-'))}"
        rows = {
            "received": ("stages", stage.id, f"Complaints received at {stage.name}"),
            "within_target_share": ("stages", f"{stage.id}:within-target", (
                f"{stage.name}: answers within {stage.respond_working_days} working days, as a share")),
            "upheld_in_full_or_part_share": ("outcomes_by_stage", f"{stage.id}:{UPHELD_IN_FULL_OR_PART}",
                                             f"{stage.name}: upheld in full or in part, as a share"),
        }
        for suffix, (table, row, meaning) in rows.items():
            cells[f"{name}_{suffix}"] = (table, row, "year")
            meanings[f"{name}_{suffix}"] = meaning
    for stage in organisation.stages:
        name = f"stage_{identifier(stage.id.removeprefix('stage-'))}"
        cells[f"{name}_extended"] = ("extensions", f"{stage.id}:extended", "year")
        cells[f"{name}_within_extended_share"] = ("extensions", f"{stage.id}:within-extended", "year")
        meanings[f"{name}_extended"] = f"{stage.name}: responses with more time agreed"
        meanings[f"{name}_within_extended_share"] = f"{stage.name}: of those, answered within the time agreed"
    return cells, changes, meanings

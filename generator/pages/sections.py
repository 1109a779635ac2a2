"""The sections of a year's report, in the order readers know from the published reports."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.figures.table import Table
from generator.language import N_


@dataclass(frozen=True)
class Section:
    id: str  # the anchor on the page, and the heading id a commentary file may use
    title: str  # in English, as commentary headings name it; marked for the catalogue, shown translated
    tables: tuple[str, ...] = ()  # table ids shown in this section


SECTIONS: tuple[Section, ...] = (
    Section("introduction", N_("Introduction and our procedure")),
    Section("summary", N_("Summary of activity"), ("representations",)),
    Section("outcomes", N_("Outcomes"), ("outcomes", "outcomes_by_stage")),
    Section("service-areas", N_("Complaints by service area"), ("service_areas", "service_groups")),
    Section("subjects", N_("Subjects and themes"), ("subjects", "themes")),
    Section("response-times", N_("Response times"),
            ("response_times", "response_summary", "stage_response_times", "extensions")),
    Section("acknowledgement", N_("Acknowledgement"), ("acknowledgements",)),
    Section("stages", N_("Stages of the procedure"), ("stages",)),
    Section("ombudsman", N_("The Ombudsman"), ("ombudsman_summary", "ombudsman", "ombudsman_remedies",
                                                  "ombudsman_beside", "ombudsman_reconciliation",
                                                  "ombudsman_similar", "ombudsman_statistics",
                                                  "ombudsman_service_areas")),
    Section("receipt", N_("Point and method of receipt"), ("receipt_points", "receipt_methods")),
    Section("compliments", N_("Compliments"), ("compliments", "compliments_by_team")),
    Section("complainants", N_("Who complained"), ("complainants", "advocacy")),
    Section("case-studies", N_("Case studies")),
    Section("learning", N_("Learning and service improvement")),
    Section("future-plans", N_("Future plans")),
)

SECTION_TITLES = {section.id: section.title for section in SECTIONS}


def tables_by_section(tables: Sequence[Table]) -> dict[str, list[Table]]:
    """Each table under its section; a table no section names follows the table before it."""
    home = {table_id: section.id for section in SECTIONS for table_id in section.tables}
    placed: dict[str, list[Table]] = {section.id: [] for section in SECTIONS}
    current = "summary"
    for table in tables:
        current = home.get(table.id, current)
        placed[current].append(table)
    return placed

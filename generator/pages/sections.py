"""The sections of a year's report, in the order readers know from the published reports."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.figures.table import Table


@dataclass(frozen=True)
class Section:
    id: str  # the anchor on the page, and the heading id a commentary file may use
    title: str
    tables: tuple[str, ...] = ()  # table ids shown in this section


SECTIONS: tuple[Section, ...] = (
    Section("introduction", "Introduction and our procedure"),
    Section("summary", "Summary of activity", ("representations",)),
    Section("outcomes", "Outcomes", ("outcomes", "outcomes_by_stage")),
    Section("service-areas", "Complaints by service area", ("service_areas", "service_groups")),
    Section("subjects", "Subjects and themes", ("subjects", "themes")),
    Section("response-times", "Response times",
            ("response_times", "response_summary", "stage_response_times", "extensions")),
    Section("acknowledgement", "Acknowledgement", ("acknowledgements",)),
    Section("stages", "Stages of the procedure", ("stages",)),
    Section("ombudsman", "The Ombudsman", ("ombudsman_summary", "ombudsman", "ombudsman_remedies",
                                                  "ombudsman_beside", "ombudsman_reconciliation",
                                                  "ombudsman_similar", "ombudsman_statistics")),
    Section("receipt", "Point and method of receipt", ("receipt_points", "receipt_methods")),
    Section("compliments", "Compliments", ("compliments", "compliments_by_team")),
    Section("complainants", "Who complained", ("complainants", "advocacy")),
    Section("case-studies", "Case studies"),
    Section("learning", "Learning and service improvement"),
    Section("future-plans", "Future plans"),
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

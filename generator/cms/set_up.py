"""The records set up once, in the editor too: the organisation file, as a collection of that one
file, and the history records (the figures an earlier report published), one for each year.

Both forms are made from their schemas like the others (generator.cms.fields). Their tables
keyed by ids (a history table's rows, a service area's customers in each year) become a field
for each key the record may have: the rows validate accepts for that table (the organisation's
service areas, subjects, stages and outcomes, the response-time bands of its target), and the
reporting years with records or already in the file.
"""

from __future__ import annotations

from typing import Any

from generator.check.council import history_row_ids
from generator.check.fields import ANY, Pattern, Schema
from generator.check.references import HISTORY_ROWS
from generator.check.repository import Taxonomy
from generator.cms.choices import Choice, taxonomy_choices
from generator.cms.fields import FormContext, form_fields
from generator.years import year_start

HISTORY = "history"
ORGANISATION = "organisation"
HISTORY_PREFIX = "HIST-"  # HIST-2017-18: the history record of 2017-18
TABLE_PARTS = ("rows", "percentages")  # each history table's ids-keyed parts
CUSTOMERS: Pattern = ("taxonomies", "service_areas", ANY, "customers")


def history_collection(schema: Schema, organisation: dict[str, Any], records: str, welsh: bool = False
                       ) -> dict[str, Any]:
    context = FormContext(schema, {}, history_table_keys(schema, organisation), welsh=welsh)
    return {
        "name": HISTORY,
        "label": "History: earlier reports' figures",
        "label_singular": "History record",
        "description": f"{schema.get('description', '')} One record for each year, named by it "
                       "(HIST-2017-18): give the reporting year and the record gets its name.".strip(),
        "folder": f"{records}/{HISTORY}",
        "extension": "yaml",
        "format": "yaml",
        "create": True,
        "delete": False,
        "identifier_field": "id",
        "slug": "{{id}}",
        "summary": "{{year}} · {{source}}",
        "sortable_fields": ["year"],
        "editor": {"preview": False},
        "fields": form_fields(schema, context),
    }


def organisation_collection(schema: Schema, organisation: dict[str, Any], years: list[str],
                            records: str, welsh: bool = False) -> dict[str, Any]:
    """The organisation file's form; with `welsh`, the Welsh of each of its texts too."""
    context = FormContext(schema, {}, {CUSTOMERS: customer_years(organisation, years)}, welsh=welsh)
    return {
        "name": ORGANISATION,
        "label": "Organisation",
        "description": f"{schema.get('description', '')} Its lists (service areas, subjects, outcomes "
                       "and the rest) are the choices every other form offers.".strip(),
        "delete": False,
        "editor": {"preview": False},
        "files": [{
            "name": ORGANISATION,
            "label": str(schema.get("title") or "Organisation"),
            "file": f"{records}/organisation.yaml",
            "fields": form_fields(schema, context),
        }],
    }


def history_table_keys(schema: Schema, organisation: dict[str, Any]) -> dict[Pattern, list[Choice]]:
    """Each history table's rows and percentages: the ids validate accepts there, by name."""
    taxonomy = Taxonomy.from_values(organisation)
    allowed = history_row_ids(taxonomy) | {table: taxonomy.ids.get(name, [])
                                           for table, name in HISTORY_ROWS.items()}
    names = term_names(organisation)
    found: dict[Pattern, list[Choice]] = {}
    for table, ids in allowed.items():
        if table in schema.get("properties", {}):
            for part in TABLE_PARTS:
                found[(table, part)] = [Choice(key, row_name(key, names)) for key in ids]
    return found


def term_names(organisation: dict[str, Any]) -> dict[str, str]:
    """Every term's id -> its name, as the drop-downs show them (a sub-subject with its category)."""
    names: dict[str, str] = {}
    for terms in taxonomy_choices(organisation).values():
        for term in terms:
            names.setdefault(term.value, term.label)
    return names


def row_name(key: str, names: dict[str, str]) -> str:
    """'stage-1:escalated' -> 'Stage 1: local resolution, escalated'."""
    text = ", ".join(names.get(part, part.replace("-", " ")) for part in key.split(":"))
    return text[:1].upper() + text[1:]


def customer_years(organisation: dict[str, Any], years: list[str]) -> list[Choice]:
    """The years a service area's customers are given for: those with records or in the file."""
    taxonomies = organisation.get("taxonomies") if isinstance(organisation.get("taxonomies"), dict) else {}
    areas = taxonomies.get("service_areas") if isinstance(taxonomies.get("service_areas"), list) else []
    tables = [area["customers"] for area in areas
              if isinstance(area, dict) and isinstance(area.get("customers"), dict)]
    written = {str(year) for table in tables for year in table}
    return [Choice(year, year) for year in sorted(written | set(years), key=_start, reverse=True)]


def _start(year: str) -> int:
    try:
        return year_start(year)
    except ValueError:
        return 0


def history_naming(records: str) -> dict[str, Any]:
    """For the admin script: a new history record is named by its year."""
    return {"folder": f"{records}/{HISTORY}", "prefix": HISTORY_PREFIX, "from": "year"}

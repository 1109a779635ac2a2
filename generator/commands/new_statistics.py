"""`candour new ombudsman-statistics`: start the year's record of the ombudsman's own figures,
named for its year, with only the fields the council's ombudsman publishes (as the schema's
`x-published-by` says), each explained, ready to copy the letter's figures into."""

from __future__ import annotations

from pathlib import Path

from generator.check.fields import Schema
from generator.check.rules import Taxonomy
from generator.check.schema_files import PLACEHOLDER
from generator.ombudsman_published import FOLDER, KIND, published_schema

RECORDS = "records"


def statistics_text(year: str, schema: Schema, taxonomy: Taxonomy | None) -> str:
    from generator.commands.new import _Writer  # the writer every kind's new record shares

    ombudsman = taxonomy.ombudsman if taxonomy is not None else None
    narrowed = published_schema(schema, ombudsman)
    lines = [
        f"# The ombudsman's own figures for {year}, started by `candour new {KIND}`.",
        "# Copy each figure from the ombudsman's letter or statistics as published; leave out what it",
        f"# does not give. Replace every {PLACEHOLDER}, then run `candour validate {RECORDS}/{FOLDER}/`.",
        "# Lines starting with # are notes; optional fields are shown as notes: remove the # to use one.",
        "",
    ]
    writer = _Writer(KIND, narrowed, taxonomy)
    lines += writer.mapping(narrowed, (), 0, {"year": year, "ombudsman": ombudsman or PLACEHOLDER})
    return "\n".join(lines) + "\n"


def statistics_path(root: Path, year: str) -> Path:
    return root / RECORDS / FOLDER / f"{year}.yaml"

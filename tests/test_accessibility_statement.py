"""The accessibility statement: the sections the regulations expect, filled from the organisation file."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from generator.model import Organisation, Records, organisation_from
from generator.pages.accessibility import accessibility_files

REPOSITORY = Path(__file__).resolve().parents[1]


def organisation(**changes: object) -> Organisation:
    values = {
        "name": "Eastbrook County Council",
        "jurisdiction": "wales",
        "contact": {"team": "Complaints Unit", "email": "complaints@eastbrook.example",
                    "phone": "01000 111222", "address": "County Hall, Eastbrook"},
        "site": {"url": "https://eastbrook.example/care-complaints/", "accessibility_prepared": "2024-03-05",
                 "accessibility_reviewed": "2025-01-31"},
    }
    values.update(changes)
    return organisation_from(values)


def statement(found: Organisation) -> str:
    files = accessibility_files(Records(found))
    assert [file.path for file in files] == ["accessibility.md"]
    return str(files[0].content)


def test_the_statement_has_every_section_the_regulations_expect() -> None:
    text = statement(organisation())
    for heading in (
        "# Accessibility statement",
        "## How accessible this website is",
        "## Feedback and contact information",
        "## Reporting accessibility problems with this website",
        "## Enforcement procedure",
        "### Compliance status",
        "## Non-accessible content",
        "## Preparation of this accessibility statement",
    ):
        assert f"\n{heading}\n" in text, heading
    assert "Web Content Accessibility Guidelines version 2.2" in text
    assert "Equality and Human Rights Commission" in text and "Equality Advisory and Support Service" in text


def test_the_statement_names_the_council_its_contact_and_site() -> None:
    text = statement(organisation())
    assert "Eastbrook County Council runs this website" in text
    assert "<https://eastbrook.example/care-complaints/>" in text
    assert "contact the Complaints Unit" in text
    assert "[complaints@eastbrook.example](mailto:complaints@eastbrook.example)" in text
    assert "[01000 111222](tel:01000111222)" in text
    assert "post: County Hall, Eastbrook" in text
    assert "prepared on 5 March 2024. It was last reviewed on 31 January 2025." in text


def test_northern_ireland_complaints_go_to_the_equality_commission() -> None:
    text = statement(organisation(jurisdiction="northern-ireland"))
    assert "Equality Commission for Northern Ireland" in text


def test_missing_details_are_left_out_not_invented() -> None:
    found = organisation()
    text = statement(replace(found, contact={"team": "Complaints Unit"}, site={}))
    assert "mailto:" not in text and "tel:" not in text
    assert "covers this website" in text
    assert "set `site: accessibility_prepared`" in text


@pytest.mark.parametrize("field", ["name", "contact", "site"])
def test_the_demo_statement_comes_from_the_organisation_file(field: str) -> None:
    from generator.records import load_records

    demo = load_records(REPOSITORY).organisation
    text = statement(demo)
    shown = {"name": demo.name, "contact": demo.contact.get("email", ""), "site": demo.site.get("url", "")}
    assert shown[field] and shown[field] in text

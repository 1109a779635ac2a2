"""The accessibility statement: the sections the regulations expect, filled from the organisation file."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

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


def page(found: Organisation) -> BeautifulSoup:
    """The statement as HTML, made by Python-Markdown as the site makes it."""
    text = statement(found).split("---\n", 2)[2]
    html = markdown.markdown(text, extensions=["tables", "attr_list", "md_in_html", "admonition"])
    return BeautifulSoup(html, "html.parser")


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
    shown = page(organisation())
    text = shown.get_text()
    assert "Eastbrook County Council runs this website" in text
    assert "covers the website at https://eastbrook.example/care-complaints/, where" in " ".join(text.split())
    assert "contact the Complaints Unit" in text
    links = {link.get_text(): link["href"] for link in shown.find_all("a")}
    assert links["https://eastbrook.example/care-complaints/"] == "https://eastbrook.example/care-complaints/"
    assert links["complaints@eastbrook.example"] == "mailto:complaints@eastbrook.example"
    assert links["01000 111222"] == "tel:01000111222"
    assert "post: County Hall, Eastbrook" in text
    assert "prepared on 5 March 2024. It was last reviewed on 31 January 2025." in text


HOSTILE = ('Evil ![x](https://evil.example/x.png) [log in](https://phish.example/) '
           '<img src="https://evil.example/y.png"> <script>alert(1)</script> *em* <https://phish.example/>')


def test_organisation_values_are_text_never_markup() -> None:
    """A council name, team or address holding Markdown or HTML puts no image, link or script on the
    page: each reads exactly as written."""
    found = organisation(
        name=f"Name {HOSTILE}",
        contact={"team": f"Team {HOSTILE}", "address": f"Address {HOSTILE}",
                 "email": 'a@b.example"><script>alert(2)</script>', "phone": "0100 [x](javascript:alert(3))"},
    )
    shown = page(found)
    assert not shown.find_all(["img", "script", "em"])
    hrefs = [link["href"] for link in shown.find_all("a")]
    assert not [href for href in hrefs if "evil" in href or "phish" in href or "javascript" in href]
    assert "mailto:a@b.example%22%3E%3Cscript%3Ealert%282%29%3C%2Fscript%3E" in hrefs
    assert "tel:01003" in hrefs
    text = " ".join(shown.get_text().split())
    for where in ("Name", "Team", "Address"):
        assert f"{where} {HOSTILE}" in text, where
    assert 'a@b.example"><script>alert(2)</script>' in text


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

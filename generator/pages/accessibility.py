"""The accessibility statement, in the form the Public Sector Bodies Accessibility Regulations 2018 expect.

Every council-specific detail (name, contact, site address, dates) comes from the organisation
file, so a council adopting Candour publishes its own statement without editing a page.
"""

from __future__ import annotations

from datetime import date

from jinja2 import Environment, StrictUndefined

from generator.model import Organisation, Records
from generator.sitefiles import SiteFile

# Who enforces the regulations, by jurisdiction: the EHRC covers Great Britain, the Equality
# Commission covers Northern Ireland.
ENFORCEMENT = {
    "northern-ireland": (
        "the Equality Commission for Northern Ireland (ECNI)",
        "https://www.equalityni.org/Home",
    ),
}
GREAT_BRITAIN = (
    "the Equality Advisory and Support Service (EASS)",
    "https://www.equalityadvisoryservice.com/",
)

STATEMENT = """\
---
title: Accessibility statement
---

# Accessibility statement

This statement covers {{ site }}, where {{ name }} publishes its annual
report on {{ services }} complaints and the learning action plan that follows from them.

{{ name }} runs this website and wants as many people as possible to be able to use it. You
should be able to:

- change colours, contrast and fonts with your browser or device settings, and switch between
  the light and dark colour schemes;
- zoom in up to 400% and still read every page, without scrolling sideways except in wide tables;
- move through every page, the report and the tracker's filters with a keyboard alone;
- use a screen reader or speech recognition software, with headings, landmarks and table headers
  marked up for them;
- read every figure shown in a chart in the table with it, and download it as a CSV file;
- print the whole of a year's report, or save it as a PDF, from its printable page.

If you have a disability, [AbilityNet](https://mcmw.abilitynet.org.uk/) explains how to make your
device easier to use.

## How accessible this website is

We know of no part of this website that fails the standard, but automated checks cannot find every
barrier. Some things may still be harder to use than they should be:

- charts are pictures of the figures: each has a title and a description for screen readers, and
  the table with it holds every figure it shows, which is the way to read them with assistive
  technology;
- on a phone the charts are drawn small: zoom in, or read the table above each one;
- some tables are wide and scroll sideways inside their own box on a small screen;
- the search box needs JavaScript; every page can also be reached from the navigation without it.

## Feedback and contact information

If you need anything on this website in a different format, such as large print, easy read,
audio or braille, contact the {{ contact.team }}:

{{ contact_lines }}

We will consider your request and reply to you.

## Reporting accessibility problems with this website

We are always looking to improve the accessibility of this website. If you find a problem not
listed on this page, or think we are not meeting the accessibility requirements, contact the
{{ contact.team }} using the details above, and tell us the page's address and what went wrong.

## Enforcement procedure

The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector
Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the
"accessibility regulations"). If you are not happy with how we respond to your complaint, contact
[{{ enforcement_name }}]({{ enforcement_url }}).

## Technical information about this website's accessibility

{{ name }} is committed to making its website accessible, in accordance with the Public Sector
Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.

### Compliance status

This website is partially compliant with the
[Web Content Accessibility Guidelines version 2.2](https://www.w3.org/TR/WCAG22/) AA standard,
due to the non-compliance listed below. Automated checks pass on every kind of page, but no
person has yet audited the website by hand, and automated checks cannot find every problem.

## Non-accessible content

### Non-compliance with the accessibility regulations

On a phone, the text inside charts is drawn small, and it does not reflow when you zoom (WCAG 2.2
success criteria 1.4.4 Resize text and 1.4.10 Reflow). Every figure a chart shows is also in the
table above it and in the chart's text description, which do resize and reflow. We plan to draw
charts for narrow screens separately.

### Disproportionate burden

We do not claim that fixing any part of this website would be a disproportionate burden.

### Content that is not within the scope of the accessibility regulations

The downloadable CSV files are plain data for use in a spreadsheet; the same figures are in the
accessible tables on each report page.

## What we are doing to improve accessibility

Every change to the records or the website is built and checked automatically before it is
published. The checks open every kind of page in a real browser, at desktop width in the light
colour scheme and at phone width in the dark scheme, and test it against WCAG 2.2 A and AA with
axe-core; they move through the report and the tracker with the keyboard, checking that every link
and control shows where the focus is; and they print each year's report to PDF and read it back.
A change that fails any of these checks is not published.

## Preparation of this accessibility statement

{{ prepared_sentence }}

The website was last tested by the automated checks described above when it was last published.
"""


def accessibility_files(records: Records) -> list[SiteFile]:
    """The accessibility statement page, filled in from the organisation file."""
    return [SiteFile("accessibility.md", statement(records.organisation))]


def statement(organisation: Organisation) -> str:
    environment = Environment(undefined=StrictUndefined, keep_trailing_newline=True, autoescape=False)
    enforcement_name, enforcement_url = ENFORCEMENT.get(organisation.jurisdiction, GREAT_BRITAIN)
    return environment.from_string(STATEMENT).render(
        name=organisation.name,
        services=organisation.services_name,
        site=f"the website at <{url}>" if (url := organisation.site.get("url", "")) else "this website",
        contact={"team": organisation.contact.get("team", "complaints team")},
        contact_lines=contact_lines(organisation.contact),
        enforcement_name=enforcement_name,
        enforcement_url=enforcement_url,
        prepared_sentence=prepared_sentence(organisation.site),
    )


def contact_lines(contact: dict[str, str]) -> str:
    """The team's contact details as a Markdown list; only what the organisation file gives."""
    lines = []
    if contact.get("email"):
        lines.append(f"- email: [{contact['email']}](mailto:{contact['email']})")
    if contact.get("phone"):
        number = "".join(ch for ch in contact["phone"] if ch.isdigit() or ch == "+")
        lines.append(f"- telephone: [{contact['phone']}](tel:{number})")
    if contact.get("address"):
        lines.append(f"- post: {contact['address']}")
    return "\n".join(lines) or f"- through {contact.get('team', 'the council')}'s usual contact details"


def prepared_sentence(site: dict[str, str]) -> str:
    """When the statement was prepared and reviewed, as the organisation file records it."""
    prepared = site.get("accessibility_prepared")
    if not prepared:
        return (
            "The date this statement was prepared is not yet recorded: set `site: accessibility_prepared` "
            "in the organisation file."
        )
    sentence = f"This statement was prepared on {long_date(prepared)}."
    if site.get("accessibility_reviewed"):
        sentence += f" It was last reviewed on {long_date(site['accessibility_reviewed'])}."
    return sentence


def long_date(text: str) -> str:
    """'2024-09-30' -> '30 September 2024', the GOV.UK style for dates."""
    day = date.fromisoformat(str(text))
    return f"{day.day} {day:%B %Y}"

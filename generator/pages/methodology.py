"""The methodology page: every definition written once, with the anchors tables link to."""

from __future__ import annotations

import re

from generator.model import Organisation
from generator.model.organisation import Kind
from generator.nations import NATIONS
from generator.pages.environment import render
from generator.sitefiles import SiteFile

REGIONS = {"ENG": "England", "WLS": "Wales", "SCT": "Scotland", "NIR": "Northern Ireland"}
# What each kind is when the organisation file gives no definition of its own.
KIND_DEFINITIONS = {
    "complaint": "a complaint accepted into the council's complaints procedure.",
    "informal-complaint": "a complaint resolved informally, without the formal procedure.",
    "enquiry": "a question or a request for information handled by the complaints team, not a complaint.",
    "request-for-service": "a first request for something, not a complaint.",
}


def kind_definitions(organisation: Organisation) -> list[tuple[Kind, str]]:
    """Each kind the council records, with its own definition when its file gives one."""
    return [(kind, kind.definition or KIND_DEFINITIONS[kind.id]) for kind in organisation.kinds]


def methodology_page(organisation: Organisation) -> SiteFile:
    subdivision = organisation.bank_holidays_subdivision or ""
    region = REGIONS.get(subdivision, subdivision or organisation.bank_holidays_country)
    upheld = [term for term in organisation.outcomes if term.id in organisation.upheld_outcomes]
    return SiteFile("methodology.md", render(
        "methodology.md.j2", organisation=organisation, region=region, kinds=kind_definitions(organisation),
        upheld=upheld, nation=NATIONS[organisation.jurisdiction].name,
    ))


def anchors(page: SiteFile) -> set[str]:
    """The definition anchors a methodology page offers."""
    return set(re.findall(r"^#+ .*\{ #([a-z0-9-]+) \}$", str(page.content), flags=re.MULTILINE))

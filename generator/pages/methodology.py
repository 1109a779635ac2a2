"""The methodology page: every definition written once, with the anchors tables link to."""

from __future__ import annotations

import re

from generator.model import Organisation
from generator.pages.environment import render
from generator.sitefiles import SiteFile

REGIONS = {"ENG": "England", "WLS": "Wales", "SCT": "Scotland", "NIR": "Northern Ireland"}


def methodology_page(organisation: Organisation) -> SiteFile:
    subdivision = organisation.bank_holidays_subdivision or ""
    region = REGIONS.get(subdivision, subdivision or organisation.bank_holidays_country)
    return SiteFile("methodology.md", render("methodology.md.j2", organisation=organisation, region=region))


def anchors(page: SiteFile) -> set[str]:
    """The definition anchors a methodology page offers."""
    return set(re.findall(r"^#+ .*\{ #([a-z0-9-]+) \}$", str(page.content), flags=re.MULTILINE))

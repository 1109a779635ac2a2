"""The methodology page: every definition written once, with the anchors tables link to."""

from __future__ import annotations

import re

from generator.counting import response_bands
from generator.language import N_, _
from generator.model import Organisation
from generator.model.organisation import Kind
from generator.nations import NATIONS
from generator.ombudsman_published import WHERE_PUBLISHED
from generator.pages.environment import render
from generator.sitefiles import SiteFile

RANGE_DASH = "\u2013"  # an en dash, as the page's other ranges are typeset
REGIONS = {"ENG": N_("England"), "WLS": N_("Wales"), "SCT": N_("Scotland"), "NIR": N_("Northern Ireland")}
# What each kind is when the organisation file gives no definition of its own.
KIND_DEFINITIONS = {
    "complaint": N_("a complaint accepted into the council's complaints procedure."),
    "informal-complaint": N_("a complaint resolved informally, without the formal procedure."),
    "enquiry": N_("a question or a request for information handled by the complaints team, not a complaint."),
    "request-for-service": N_("a first request for something, not a complaint."),
}


def kind_definitions(organisation: Organisation) -> list[tuple[Kind, str]]:
    """Each kind the council records, with its own definition when its file gives one."""
    return [(kind, kind.definition or _(KIND_DEFINITIONS[kind.id])) for kind in organisation.kinds]


def band_names(target: int) -> tuple[list[str], str]:
    """A target's bands as the text names them: (['0-20', '21-40', ...], 'over 100'), with the
    typeset range dash."""
    bands = response_bands(target)
    firsts = [f"{most - target + 1 if index else 0}{RANGE_DASH}{most}"
              for index, (_, _, most) in enumerate(bands[:-1])]
    return firsts, f"over {(len(bands) - 1) * target}"


def methodology_page(organisation: Organisation) -> SiteFile:
    subdivision = organisation.bank_holidays_subdivision or ""
    region = (_(REGIONS[subdivision]) if subdivision in REGIONS
              else subdivision or organisation.bank_holidays_country)
    upheld = [term for term in organisation.outcomes if term.id in organisation.upheld_outcomes]
    return SiteFile("methodology.md", render(
        "methodology.md.j2", organisation=organisation, region=region, kinds=kind_definitions(organisation),
        upheld=upheld, nation=_(NATIONS[organisation.jurisdiction].name),
        bands=band_names(organisation.stages[0].respond_working_days),
        stage_bands=[(stage, band_names(stage.respond_working_days)) for stage in organisation.stages],
        where=_where_published(organisation.ombudsman_id),
    ))


def _where_published(ombudsman: str) -> tuple[str, str]:
    """Where the organisation's ombudsman publishes its figures, in the language being written."""
    title, address = WHERE_PUBLISHED.get(ombudsman, (N_("its annual report"), ""))
    return _(title), address


def anchors(page: SiteFile) -> set[str]:
    """The definition anchors a methodology page offers."""
    return set(re.findall(r"^#+ .*\{ #([a-z0-9-]+) \}$", str(page.content), flags=re.MULTILINE))

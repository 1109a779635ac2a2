"""The accessibility statement, in the form the Public Sector Bodies Accessibility Regulations 2018 expect.

Every council-specific detail (name, contact, site address, dates) comes from the organisation
file, so a council adopting Candour publishes its own statement without editing a page. The text
is the template `accessibility.md.j2`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

from markupsafe import Markup

from generator.language import N_, _
from generator.language import long_date as language_long_date
from generator.model import Organisation, Records
from generator.pages.environment import render
from generator.pages.markdown import escape_attribute
from generator.sitefiles import SiteFile

# Who enforces the regulations, by jurisdiction: the EHRC covers Great Britain, the Equality
# Commission covers Northern Ireland.
ENFORCEMENT = {
    "northern-ireland": (
        N_("the Equality Commission for Northern Ireland (ECNI)"),
        "https://www.equalityni.org/Home",
    ),
}
GREAT_BRITAIN = (
    N_("the Equality Advisory and Support Service (EASS)"),
    "https://www.equalityadvisoryservice.com/",
)



@dataclass(frozen=True)
class ContactLine:
    label: str  # 'email', 'telephone', 'post' (marked for the catalogue, translated where shown)
    text: str  # as the organisation file gives it: escaped where the page shows it
    href: Markup | None = None  # the link, percent-encoded and escaped here


def accessibility_files(records: Records) -> list[SiteFile]:
    """The accessibility statement page, filled in from the organisation file."""
    return [SiteFile("accessibility.md", statement(records.organisation))]


def statement(organisation: Organisation) -> str:
    """The statement's Markdown. Like every other page, it is rendered in the page environment, so
    each value from the organisation file is escaped: a council name or address holding Markdown
    or HTML (an image from another host, a link) is shown as the text it is."""
    enforcement_name, enforcement_url = ENFORCEMENT.get(organisation.jurisdiction, GREAT_BRITAIN)
    site = organisation.site
    return render(
        "accessibility.md.j2",
        name=organisation.name,
        services=organisation.services_name,
        site_url=site.get("url", ""),
        team=organisation.contact.get("team") or _("complaints team"),
        contact_lines=contact_lines(organisation.contact),
        enforcement_name=_(enforcement_name),
        enforcement_url=enforcement_url,
        prepared=long_date(site["accessibility_prepared"]) if site.get("accessibility_prepared") else "",
        reviewed=long_date(site["accessibility_reviewed"]) if site.get("accessibility_reviewed") else "",
    )


def _link(address: str) -> Markup:
    """A mailto: or tel: address as a Markdown link target: nothing in it can end the link."""
    return escape_attribute(quote(address, safe=":@+.-_~"))


def contact_lines(contact: dict[str, str]) -> list[ContactLine]:
    """The team's contact details; only what the organisation file gives."""
    lines = []
    if contact.get("email"):
        lines.append(ContactLine(N_("email"), contact["email"], _link(f"mailto:{contact['email']}")))
    if contact.get("phone"):
        number = "".join(ch for ch in contact["phone"] if ch.isdigit() or ch == "+")
        link = _link(f"tel:{number}") if number else None
        lines.append(ContactLine(N_("telephone"), contact["phone"], link))
    if contact.get("address"):
        lines.append(ContactLine(N_("post"), contact["address"]))
    return lines


def long_date(text: str) -> str:
    """'2024-09-30' -> '30 September 2024', the GOV.UK style for dates (in the language written)."""
    return language_long_date(date.fromisoformat(str(text)))

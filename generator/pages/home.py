"""The home page (the latest year's headline figures, or word that there is no report yet) and the
list of every year's report."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from generator.figures.report import YearReport
from generator.figures.table import Cell
from generator.language import N_, _
from generator.model import Organisation
from generator.pages.environment import render
from generator.sitefiles import SiteFile
from generator.views.cells import cell_text, prose_text
from generator.years import year_start


@dataclass(frozen=True)
class Card:
    value: str
    label: str
    detail: str = ""


# (figure name, what it is, figure name of a detail and how the detail reads), marked for the
# catalogue and translated as each card is made.
HEADLINES: tuple[tuple[str, str, str, str], ...] = (
    ("complaints", N_("formal complaints"), "complaints_change", N_("%(value)s on the year before")),
    ("representations", N_("representations considered in all"), "", ""),
    ("upheld_share", N_("of complaints upheld"), "partially_upheld_share",
     N_("and %(value)s partially upheld")),
    ("within_target_share", N_("of responses sent within the target"), "median_working_days",
     N_("median response time %(value)s working days")),
    ("acknowledged_in_time_share", N_("of complaints acknowledged in time"), "", ""),
    ("ombudsman_decided", N_("decisions by the ombudsman"), "ombudsman_upheld", N_("%(value)s upheld")),
    ("ombudsman_remedies_total", N_("in financial remedies the ombudsman recommended"), "", ""),
    ("compliments", N_("compliments received"), "compliments_change", N_("%(value)s on the year before")),
)


def cards(figures: dict[str, Cell]) -> list[Card]:
    """A card for each headline figure reported this year."""
    shown = []
    for name, label, detail_name, detail in HEADLINES:
        if figures.get(name) is None:
            continue
        extra = figures.get(detail_name) if detail_name else None
        shown.append(Card(prose_text(figures[name]), _(label),
                          _(detail, value=prose_text(extra)) if extra is not None else ""))
    return shown


def headline_report(reports: Sequence[YearReport]) -> YearReport | None:
    """The newest report published as final: a provisional year (a part-year, its records still
    coming in) is never the headline, however new."""
    return next((report for report in reports if not report.provisional), None)


def home_page(reports: Sequence[YearReport], organisation: Organisation, pages: Collection[str]) -> SiteFile:
    """`reports` newest first. The headline figures are the newest final year's; a provisional year
    is named as such and linked, without figures."""
    latest = headline_report(reports)
    provisional = [report.year for report in reports if report.provisional
                   and (latest is None or year_start(report.year) > year_start(latest.year))]
    text = render(
        "home.md.j2", organisation=organisation, report=latest,
        cards=cards(latest.figures) if latest else [],
        report_link=f"reports/{latest.year}/index.md" if latest else "",
        print_link=f"reports/{latest.year}/print.md" if latest else "",
        provisional=provisional,
        earlier=[r.year for r in reports if r is not latest and r.year not in provisional],
        pages=pages,
    )
    return SiteFile("index.md", text)


def waiting_home_page(organisation: Organisation, pages: Collection[str]) -> SiteFile:
    """The home page of a site with no report yet (a council that has just started)."""
    return SiteFile("index.md", render("home_waiting.md.j2", organisation=organisation, pages=pages))


def reports_index(reports: Sequence[YearReport]) -> SiteFile:
    rows = [{"year": report.year, "complaints": cell_text(report.figures.get("complaints")),
             "provisional": report.provisional} for report in reports]
    return SiteFile("reports/index.md", render("reports_index.md.j2", rows=rows))

"""A year's report: its page, its printable page, and the CSV and chart of every table.

Both pages live in `reports/<year>/`, so the links they hold (to `charts/`, `data/` and the pages
at the top of the site) are the same for each, and the two share every block of HTML (tables,
charts, quotes, case studies, actions), rendered once for both and skipped by Python-Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from generator.cms.links import record_address
from generator.figures.report import YearReport
from generator.figures.table import Table
from generator.language import _, long_date
from generator.model import Action, Organisation
from generator.pages.commentary import OPENING, Commentary
from generator.pages.environment import render, render_block
from generator.pages.sections import SECTIONS, tables_by_section
from generator.sitefiles import SiteFile
from generator.tracker.tracked import STATUS_NAMES
from generator.views.chart import ChartData, chart_alt, chart_data, drawn
from generator.views.html_table import table_html
from generator.views.open_data import table_csv
from generator.years import year_bounds

TO_ROOT = "../../"  # from reports/<year>/ to the top of the site


def report_folder(year: str) -> str:
    return f"reports/{year}"


def csv_path(table: Table) -> str:
    return f"data/{table.id}.csv"


def chart_path(table: Table) -> str:
    return f"charts/{table.id}.svg"


@dataclass(frozen=True)
class TableBlock:
    table: Table
    anchor: str
    html: Markup
    chart: str | None  # relative to the report's folder
    chart_alt: str
    csv: str
    definition: str | None  # link to the methodology page
    faults: tuple[str, ...]
    notes: tuple[str, ...]
    figure: Markup  # the HTML block of the table and its chart
    links: Markup  # the HTML block of its CSV and definition links


@dataclass(frozen=True)
class ReportSection:
    id: str
    title: str
    commentary: Markup
    blocks: tuple[TableBlock, ...]


@dataclass(frozen=True)
class LearningAction:
    id: str
    theme: str
    issue: str
    status: str
    link: str | None


def table_block(table: Table, definitions: Collection[str], year: str,
                provisional: Collection[str] = ()) -> TableBlock:
    anchor = f"table-{table.id.replace('_', '-')}"
    data = chart_data(table)
    definition = None
    if table.definition:
        fragment = f"#{table.definition}" if table.definition in definitions else ""
        definition = f"{TO_ROOT}methodology.md{fragment}"
    html = Markup(table_html(table, anchor, provisional))
    chart = chart_path(table) if data else None
    alt = chart_alt(table, data) if data else ""
    return TableBlock(
        table=table, anchor=anchor, html=html, chart=chart, chart_alt=alt, csv=csv_path(table),
        definition=definition, faults=table.faults, notes=table.notes,
        figure=render_block("html/table.html.j2", table=table, html=html, chart=chart, chart_alt=alt),
        links=render_block("html/table_links.html.j2", table=table, csv=csv_path(table),
                           definition=definition, year=year),
    )


def table_files(report: YearReport, chart_cache: Path | None = None, *, charts: bool = False
                ) -> list[SiteFile]:
    """Each table's CSV and, with `charts`, its chart (drawn now, once for both pages)."""
    folder = report_folder(report.year)
    files = [SiteFile(f"{folder}/{csv_path(table)}", table_csv(table)) for table in report.tables]
    if charts:
        files += [SiteFile(path, drawn(data, chart_cache)) for path, data in chart_files(report)]
    return files


def chart_files(report: YearReport) -> list[tuple[str, ChartData]]:
    """Where each table's chart goes, and what it shows, for the tables that have one."""
    folder = report_folder(report.year)
    return [(f"{folder}/{chart_path(table)}", data)
            for table in report.tables if (data := chart_data(table)) is not None]


def sections(
    report: YearReport, commentary: Commentary | None, definitions: Collection[str],
) -> list[ReportSection]:
    placed = tables_by_section(report.tables)
    return [
        ReportSection(
            section.id, _(section.title),
            Markup(commentary.text(section.id) if commentary else ""),
            tuple(table_block(table, definitions, report.year, {report.year} if report.provisional else ())
                  for table in placed[section.id]),
        )
        for section in SECTIONS
    ]


def _term_name(organisation: Organisation, taxonomy: str, term_id: str) -> str:
    try:
        return organisation.term(taxonomy, term_id).name
    except KeyError:
        return term_id


def _status_name(status: str) -> str:
    """The status as the tracker names it, in the language being written."""
    return _(STATUS_NAMES[status]) if status in STATUS_NAMES else status.replace("-", " ").capitalize()


def learning_actions(actions: Sequence[Action], organisation: Organisation,
                     pages: Collection[str]) -> list[LearningAction]:
    """The year's actions, each linked to its tracker page when the tracker has one."""
    return [
        LearningAction(
            id=action.id, theme=_term_name(organisation, "action_themes", action.theme),
            issue=action.issue, status=_status_name(action.status),
            link=f"{TO_ROOT}tracker/actions/{action.id}.md"
            if f"tracker/actions/{action.id}.md" in pages else None,
        )
        for action in actions
    ]


def period(year: str) -> str:
    start, end = year_bounds(year)
    return _("%(start)s to %(end)s", start=long_date(start), end=long_date(end))


def report_pages(
    report: YearReport, organisation: Organisation, *, commentary: Commentary | None,
    pages: Collection[str], hand_written: Mapping[str, str], definitions: Collection[str],
) -> list[SiteFile]:
    """The report page and the printable page; `pages` are every page of the site (for links),
    `hand_written` the introduction and procedure pages (path -> Markdown) the print page includes."""
    actions = learning_actions(report.actions_raised, organisation, pages)
    context = {
        "report": report, "organisation": organisation, "period": period(report.year),
        "opening": Markup(commentary.text(OPENING) if commentary else ""),
        "sections": sections(report, commentary, definitions),
        "actions": actions, "to_root": TO_ROOT, "pages": pages,
        "quotes": render_block("html/quotes.html.j2", quotes=report.quotes, edit_record=_compliment_in_editor)
        if report.quotes else None,
        # Each study's block with its edit link, and without it for the printable page: in the
        # block, not the Markdown, where a hundred escaped links would double the page's time.
        "case_studies": [(study, render_block("html/case_study.html.j2", study=study,
                                              edit_link=_case_in_editor(study.case_id)),
                          render_block("html/case_study.html.j2", study=study, edit_link=None))
                         for study in report.case_studies],
        "actions_table": render_block("html/learning.html.j2", actions=actions) if actions else None,
        "plans": [(published.plan, render_block("html/learning.html.j2", actions=learning_actions(
            published.actions, organisation, pages))) for published in report.plans_published],
    }
    folder = report_folder(report.year)
    included = {path: Markup(demoted(text, TO_ROOT)) for path, text in hand_written.items()}
    return [
        SiteFile(f"{folder}/index.md", render("report.md.j2", printable=False, included={}, **context)),
        SiteFile(f"{folder}/print.md", render("report.md.j2", printable=True, included=included, **context)),
    ]


def _case_in_editor(case_id: str) -> str | None:
    """A case in the site's records editor (admin/), from a report page."""
    address = record_address("case", case_id)
    return f"{TO_ROOT}{address}" if address else None


def _compliment_in_editor(compliment_id: str) -> str | None:
    address = record_address("compliment", compliment_id) if compliment_id else None
    return f"{TO_ROOT}{address}" if address else None


def demoted(markdown: str, to_root: str) -> str:
    """A hand-written page for inclusion in another: front matter and title dropped, headings two
    levels down, relative links made relative to the including page."""
    text = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.DOTALL)
    text = re.sub(r"\A\s*# .*\n", "", text)
    lines, fenced = [], False
    for line in text.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        if not fenced and re.match(r"#{1,4} ", line):
            line = "##" + line
        lines.append(line)
    text = "\n".join(lines)
    return re.sub(r"\]\((?![a-z]+:|/|#)([^)]+)\)", lambda m: f"]({to_root}{m[1]})", text).strip()

"""The action-plan tracker's pages: the overview, a page per facet, a page per action, what changed
since the last meeting, and a committee pack per meeting, as Markdown; the tables of actions are
real HTML tables (for the in-place filter), written as blocks Python-Markdown skips (see `blocks`).

Every page is built from the plan as at a day (`generator.tracker.snapshot`): the overview, facets
and action pages as at the as-of date, each committee pack as at its meeting's day.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from jinja2 import Environment
from markupsafe import Markup

from generator.githistory import NO_HISTORY, FolderHistory
from generator.language import N_, _
from generator.model import Organisation, Records
from generator.model.bilingual import in_language
from generator.pages.environment import html_environment, render_block
from generator.pages.markdown import segment
from generator.pages.tracker.action_page import action_page
from generator.pages.tracker.environment import asset, facets_json, tracker_environment
from generator.pages.tracker.meetings import meeting_files
from generator.sitefiles import SiteFile
from generator.tracker import chart
from generator.tracker.differences import Names
from generator.tracker.facets import FACET_KINDS, STATUS, Facets, all_facets
from generator.tracker.rag import RAG_ORDER, rule_lines
from generator.tracker.snapshot import Snapshot, Tracker
from generator.tracker.timescales import long_date, timescale_text
from generator.tracker.tracked import STATUSES, TrackedAction
from generator.views.chart_workers import Aside, in_this_process
from generator.views.svg_text import with_title

CHART_FILE = "actions-by-theme.svg"
CHART_TITLE = N_("Bar chart of learning actions in each theme, by RAG rating")  # translated where shown
SCRIPT_FILE = "tracker.js"
STYLE_FILE = "tracker.css"
IMPROVEMENT = "improvement"


def names_of(organisation: Organisation) -> Names:
    """The organisation's name for each id, or the id itself for one it no longer lists."""

    def lookup(terms: Sequence[object]) -> Callable[[str], str]:
        known = {term.id: term.name for term in terms}  # type: ignore[attr-defined]
        # In the language being written when it is asked for: a Welsh name on the Welsh site.
        return lambda term_id: str(in_language(known.get(term_id, term_id)))

    return Names(theme=lookup(organisation.action_themes), department=lookup(organisation.departments),
                 plan=lookup(organisation.plans))


def tracker_files(
    records: Records, *, as_of: date, changed_since: date, record_history: FolderHistory = NO_HISTORY,
    aside: Callable[[Callable[[chart.Shown], str], chart.Shown], Aside] = in_this_process,
) -> list[SiteFile]:
    """Every page and file of the tracker, under `tracker/`. `changed_since` starts the period of
    changes when no meeting before the as-of date is listed. `aside` draws the chart (a build
    gives `Aside`, which draws it in another process while the pages are made)."""
    organisation = records.organisation
    names = names_of(organisation)
    tracker = Tracker(records.actions, record_history, names, as_of)
    now = tracker.at(as_of)
    facets = all_facets(organisation, now.tracked)
    action_pages = {item.id for item in now.tracked}
    drawing = aside(chart.drawn, chart.themes_by_rag_shown(facets.themes))
    try:
        files = _pages(records, environment=_environment(records, names, facets, as_of, action_pages),
                       tracker=tracker, now=now, facets=facets, as_of=as_of, changed_since=changed_since)
        svg = drawing.result()
    finally:
        drawing.close()
    files.insert(1, SiteFile(f"tracker/{CHART_FILE}", with_title(
        svg, _(CHART_TITLE), chart.themes_by_rag_text(facets.themes))))
    return files


def _pages(records: Records, *, environment: Environment, tracker: Tracker, now: Snapshot, facets: Facets,
           as_of: date, changed_since: date) -> list[SiteFile]:
    """Every file of the tracker but its chart."""
    organisation = records.organisation
    files = [
        SiteFile("tracker/index.md", _overview(environment, now, facets)),
        SiteFile(f"tracker/{SCRIPT_FILE}", asset(SCRIPT_FILE)),
        SiteFile(f"tracker/{STYLE_FILE}", asset(STYLE_FILE)),
        *meeting_files(environment, tracker, organisation.meetings, as_of,
                       fallback_days=max((as_of - changed_since).days, 0)),
    ]
    for kind in FACET_KINDS:
        for facet in facets.of(kind):
            files.append(SiteFile(f"tracker/{kind}/{segment(facet.id)}.md",
                                  environment.get_template("facet.md.j2").render(facet=facet)))
    for item in now.tracked:
        page = action_page(environment, records, item, now.timelines[item.id], now)
        files.append(SiteFile(f"tracker/actions/{segment(item.id)}.md", page))
    return files


def _environment(records: Records, names: Names, facets: Facets, as_of: date,
                 action_pages: set[str]) -> Environment:
    environment = tracker_environment()
    helpers = {
        "theme_name": names.theme, "department_name": names.department, "plan_name": names.plan,
        "long_date": long_date, "timescale_text": timescale_text, "rag_order": RAG_ORDER,
        "has_page": lambda action_id: action_id in action_pages,
        "has_facet": lambda kind, term_id: any(facet.id == term_id for facet in facets.of(kind)),
    }

    def block(template: str, **context: object) -> Markup:
        """An HTML block of a page (see `blocks`), rendered from `templates/html/`."""
        return render_block(f"html/{template}", **{**helpers, **context})

    rows: dict[tuple[object, ...], str] = {}
    row_template = html_environment().get_template("html/actions_row.html.j2")

    def row(item: TrackedAction, order: int, prefix: str, issue_heading: str) -> str:
        """One action's row, rendered once: an action is listed on the overview, its facets' pages
        and every committee pack, most often as it was on the day before."""
        key = (item, order, prefix, issue_heading)
        if key not in rows:
            rows[key] = row_template.render(**helpers, item=item, order=order, prefix=prefix,
                                            issue_heading=issue_heading)
        return rows[key]

    def actions_table(actions: Sequence[TrackedAction], prefix: str, caption: str,
                      facets_json: str | None = None, issue_heading: str | None = None) -> Markup:
        """The table of actions of the overview, of every facet page and of each committee pack."""
        issue_heading = issue_heading or _("Issue identified")
        # Only the overview's script restores the page's own order: elsewhere rows need no number,
        # so an action's row is the same in every pack that lists it as it was.
        body = Markup("\n".join(row(item, order if facets_json else 0, prefix, issue_heading)
                                 for order, item in enumerate(actions, start=1)))
        return block("actions_table.html.j2", rows=body, prefix=prefix, caption=caption,
                     facets_json=facets_json, issue_heading=issue_heading)

    subjects = {subject.id: subject.name for subject in records.organisation.subjects}
    environment.globals.update(
        block=block, actions_table=actions_table, as_of=as_of, theme_name=names.theme,
        department_name=names.department, plan_name=names.plan,
        status_name=lambda term_id: facets.name(STATUS, term_id),
        subject_name=lambda subject_id: subjects.get(subject_id, subject_id),
        plan_kind=lambda plan_id: next((f.plan_kind for f in facets.plans if f.id == plan_id), None),
        improvement=IMPROVEMENT, facet_kinds=FACET_KINDS, facets=facets, has_page=helpers["has_page"],
        has_facet=helpers["has_facet"],
        statuses=STATUSES, rag_order=RAG_ORDER,
    )
    return environment


def _overview(environment: Environment, now: Snapshot, facets: Facets) -> str:
    tracked = now.tracked
    return environment.get_template("overview.md.j2").render(
        actions=tracked, rule=[Markup(line) for line in rule_lines()], facets_json=facets_json(facets),
        chart_file=CHART_FILE, chart_text=chart.themes_by_rag_text(facets.themes),
        script_file=SCRIPT_FILE, plan=now.plan,
        overdue=[item for item in tracked if item.rating.overdue],
        rag_counts={rag: sum(1 for t in tracked if t.rating.rag == rag) for rag in RAG_ORDER},
    )

